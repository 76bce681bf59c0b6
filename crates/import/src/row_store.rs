//! The rows of a file held in memory. A [`Row`] keeps its cells in a csv `StringRecord`:
//! a copy of the text plus three allocations and about 200 bytes of bookkeeping per row,
//! which for a million-row export is three times the file. The store instead keeps the
//! decoded file itself and, per cell, where it ends in its row (4 bytes); only the rows
//! the merchant edits, and the rare rows whose cells cannot be pointed at in the text
//! (a `""` escape inside quotes), become [`Row`]s again, in an overlay.

use std::collections::HashMap;
use std::ops::Range;

use super::table::{Row, trim_cell};

/// Marks a cell written in quotes: its text lies one byte inside each end of its span.
const QUOTED: u32 = 1 << 31;
/// The rest of a cell's entry: where its span ends, counted from its row's start.
const END: u32 = QUOTED - 1;

#[derive(Debug, Clone, Default)]
pub struct RowStore {
    /// The decoded file.
    text: String,
    delimiter: u8,
    /// Where each row starts in `text`.
    row_starts: Vec<usize>,
    /// Each cell's span end (from its row's start), `QUOTED` when in quotes. A cell's span
    /// starts one delimiter after the previous cell's end, the first at its row's start.
    cell_ends: Vec<u32>,
    /// Where each row's cells start in `cell_ends` (one more entry than rows).
    cell_starts: Vec<usize>,
    /// The file line of each row.
    lines: Vec<u64>,
    /// Rows held whole: edited ones, and those not found as they are in `text`.
    whole: HashMap<usize, Row>,
}

/// Fills a [`RowStore`] while the table reader still borrows the text.
pub struct RowStoreBuilder {
    store: RowStore,
}

impl RowStoreBuilder {
    /// Room for `rows` rows of `columns` cells split with `delimiter`: reserving up
    /// front spares the copies (and the doubled peak) of growing.
    pub fn new(delimiter: u8, rows: usize, columns: usize) -> RowStoreBuilder {
        let mut cell_starts = Vec::with_capacity(rows + 1);
        cell_starts.push(0);
        RowStoreBuilder {
            store: RowStore {
                text: String::new(),
                delimiter,
                row_starts: Vec::with_capacity(rows),
                cell_ends: Vec::with_capacity(rows.saturating_mul(columns)),
                cell_starts,
                lines: Vec::with_capacity(rows),
                whole: HashMap::new(),
            },
        }
    }

    pub fn len(&self) -> usize {
        self.store.len()
    }

    pub fn is_empty(&self) -> bool {
        self.store.is_empty()
    }

    /// Adds `row`, read from `text` at byte `start`, after the last row.
    pub fn push(&mut self, text: &str, row: &Row, start: usize) {
        let store = &mut self.store;
        let index = store.lines.len();
        store.lines.push(row.line);
        store.row_starts.push(start);
        let first_cell = store.cell_ends.len();
        if !store.locate_cells(text, row, start) {
            store.cell_ends.truncate(first_cell);
            store.whole.insert(index, row.clone());
        }
        store.cell_starts.push(store.cell_ends.len());
    }

    /// The store over `text`, the text every row was pushed with.
    pub fn finish(self, text: String) -> RowStore {
        let mut store = self.store;
        store.text = text;
        store.shrink_to_fit();
        store
    }
}

impl RowStore {
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// Finds each cell of `row` in `text` from `start` and records its span; false
    /// when one is not there as it is (the caller keeps the row whole).
    fn locate_cells(&mut self, text: &str, row: &Row, start: usize) -> bool {
        let Some(text) = text.as_bytes().get(start..) else {
            return false;
        };
        let count = row.cells.len();
        let mut cursor = 0;
        for (column, cell) in row.cells.iter().enumerate() {
            let cell = cell.as_bytes();
            let rest = &text[cursor.min(text.len())..];
            let plain = rest.starts_with(cell).then_some((cell.len(), false));
            let quoted = (rest.first() == Some(&b'"')
                && rest[1..].starts_with(cell)
                && rest.get(cell.len() + 1) == Some(&b'"'))
            .then_some((cell.len() + 2, true));
            // The span must end the cell: a delimiter follows, or the line or file ends.
            let closes_cell = |span: usize| match text.get(cursor + span) {
                Some(&next) if column + 1 < count => next == self.delimiter,
                Some(&next) => matches!(next, b'\r' | b'\n'),
                None => true,
            };
            let Some((span, quoted)) = [plain, quoted]
                .into_iter()
                .flatten()
                .find(|&(span, _)| closes_cell(span))
            else {
                return false;
            };
            let end = cursor + span;
            let Some(entry) = u32::try_from(end).ok().filter(|end| *end <= END) else {
                return false;
            };
            self.cell_ends
                .push(if quoted { entry | QUOTED } else { entry });
            cursor = end + 1;
        }
        true
    }

    /// Gives back the memory reserved beyond what the rows use.
    fn shrink_to_fit(&mut self) {
        self.row_starts.shrink_to_fit();
        self.cell_ends.shrink_to_fit();
        self.cell_starts.shrink_to_fit();
        self.lines.shrink_to_fit();
    }

    /// The file line of a row (0 past the end).
    pub fn line(&self, row: usize) -> u64 {
        self.lines.get(row).copied().unwrap_or(0)
    }

    /// The row read from a file line.
    pub fn row_at_line(&self, line: u64) -> Option<usize> {
        self.lines.binary_search(&line).ok()
    }

    /// The row read from `line` or, when none was, the last row before it.
    pub fn row_at_or_before(&self, line: u64) -> Option<usize> {
        self.lines
            .partition_point(|&read| read <= line)
            .checked_sub(1)
    }

    /// A cell as written in the file (or last edited); `None` when the row is shorter.
    pub fn raw_cell(&self, row: usize, column: usize) -> Option<&str> {
        if let Some(whole) = self.whole_row(row) {
            return whole.cells.get(column);
        }
        let cells = self.cell_range(row)?;
        let index = cells.start.checked_add(column).filter(|i| *i < cells.end)?;
        let row_start = self.row_starts[row];
        let span_start = match index.checked_sub(1).filter(|i| *i >= cells.start) {
            Some(previous) => row_start + (self.cell_ends[previous] & END) as usize + 1,
            None => row_start,
        };
        let entry = self.cell_ends[index];
        let span_end = row_start + (entry & END) as usize;
        let inside = if entry & QUOTED == 0 {
            span_start..span_end
        } else {
            span_start + 1..span_end - 1
        };
        self.text.get(inside)
    }

    /// A cell trimmed as the checks read it; empty when the row is shorter.
    pub fn cell(&self, row: usize, column: usize) -> &str {
        self.raw_cell(row, column).map_or("", trim_cell)
    }

    /// The cells of a row as written, for the corrected file.
    pub fn raw_cells(&self, row: usize) -> impl Iterator<Item = &str> {
        let count = match self.whole_row(row) {
            Some(whole) => whole.cells.len(),
            None => self.cell_range(row).map_or(0, |cells| cells.len()),
        };
        (0..count).map(move |column| self.raw_cell(row, column).unwrap_or(""))
    }

    /// Rows rebuilt as [`Row`]s, for the checks and the item builder.
    pub fn rows(&self, rows: Range<usize>) -> Vec<Row> {
        rows.filter(|&row| row < self.len())
            .map(|row| match self.whole_row(row) {
                Some(whole) => whole.clone(),
                None => {
                    let cells: Vec<&str> = self.raw_cells(row).collect();
                    Row::new(self.line(row), &cells)
                }
            })
            .collect()
    }

    /// Replaces one cell (a short row grows to reach it).
    pub fn set_cell(&mut self, row: usize, column: usize, value: &str) {
        if row >= self.len() {
            return;
        }
        if !self.whole.contains_key(&row) {
            let rebuilt = self.rows(row..row + 1).remove(0);
            self.whole.insert(row, rebuilt);
        }
        if let Some(whole) = self.whole.get_mut(&row) {
            whole.set_cell(column, value);
        }
    }

    fn whole_row(&self, row: usize) -> Option<&Row> {
        if self.whole.is_empty() {
            return None;
        }
        self.whole.get(&row)
    }

    fn cell_range(&self, row: usize) -> Option<Range<usize>> {
        let start = *self.cell_starts.get(row)?;
        let end = *self.cell_starts.get(row + 1)?;
        Some(start..end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::TableReader;

    /// The rows of `text` as the sheet stores them, and as the reader hands them out.
    fn store(text: &str) -> (RowStore, Vec<Row>) {
        let mut reader = TableReader::new(text.as_bytes(), b',', |_| 0).unwrap();
        let mut read = Vec::new();
        let mut starts = Vec::new();
        let mut row = Row::default();
        while reader.next_row(&mut row).unwrap() {
            starts.push(reader.row_start().unwrap());
            read.push(row.clone());
        }
        drop(reader);
        let mut builder = RowStoreBuilder::new(b',', 0, 0);
        for (row, start) in read.iter().zip(starts) {
            builder.push(text, row, start);
        }
        (builder.finish(text.to_string()), read)
    }

    #[test]
    fn cells_read_back_as_read_whatever_their_quoting() {
        let text = "name,phone,city,note\r\n\
                    Amina, 0612345678 ,,Rabat\r\n\
                    \"Youssef\",\"0698765432\",\"Fès, centre\",\"two\nlines\"\r\n\
                    Omar,\"say \"\"hi\"\"\",x\r\n\
                    \r\n\
                    short,\"\"\n\
                    last,row";
        let (store, read) = store(text);
        assert_eq!(store.len(), 5);
        assert_eq!(store.rows(0..5), read, "every row as the reader read it");
        assert_eq!(
            store.whole.keys().collect::<Vec<_>>(),
            [&2],
            "only the row with an escaped quote is held whole"
        );
        assert_eq!(store.raw_cell(0, 1), Some(" 0612345678 "));
        assert_eq!(store.cell(0, 1), "0612345678");
        assert_eq!(store.raw_cell(0, 2), Some(""));
        assert_eq!(store.raw_cell(1, 2), Some("Fès, centre"));
        assert_eq!(store.raw_cell(1, 3), Some("two\nlines"));
        assert_eq!(
            store.raw_cell(2, 1),
            Some("say \"hi\""),
            "an escape keeps the row whole"
        );
        assert_eq!(store.raw_cell(3, 1), Some(""));
        assert_eq!(store.raw_cell(3, 2), None);
        assert_eq!(store.cell(3, 9), "");
        assert_eq!(store.cell(9, 0), "");
        assert_eq!(store.raw_cells(1).count(), 4);
        assert_eq!((store.line(4), store.row_at_line(7)), (8, Some(3)));
        assert_eq!(store.row_at_line(6), None);
        assert_eq!(store.row_at_or_before(6), Some(2));
    }

    #[test]
    fn edits_change_only_their_cell_and_can_lengthen_a_row() {
        let (mut store, _) = store("a,b\nc,d\ne,f\n");
        store.set_cell(0, 1, "longer value");
        store.set_cell(1, 3, "new");
        store.set_cell(9, 0, "ignored");
        assert_eq!(store.rows(0..3)[0], Row::new(2, &["c", "longer value"]));
        assert_eq!(store.rows(0..3)[1], Row::new(3, &["e", "f", "", "new"]));
        assert_eq!(store.raw_cells(1).count(), 4);
        assert_eq!(store.len(), 2);
    }
}
