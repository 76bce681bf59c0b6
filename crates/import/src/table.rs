//! Text → header + rows. Title lines above the header (an export date, a shop name) are
//! skipped by picking, among the first records, the one most cells of which name a known
//! field. Cells stay strings; shape problems (ragged rows, NUL bytes, a quote that never
//! closes) become issues on the row, never a panic.

use csv::{ByteRecord, ReaderBuilder, StringRecord};

use super::error::ReadError;

/// How many records may stand above the header.
const HEADER_SEARCH_RECORDS: usize = 10;

/// One CSV record: the file line it starts on (the header is usually line 1) and its
/// cells, as written.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Row {
    pub line: u64,
    pub cells: StringRecord,
}

impl Row {
    /// A row from its cells, as an edit in the GUI or a test builds one.
    pub fn new(line: u64, cells: &[&str]) -> Row {
        Row {
            line,
            cells: StringRecord::from(cells.to_vec()),
        }
    }

    /// The cell in `column`, trimmed; empty when the row is short.
    pub fn cell(&self, column: usize) -> &str {
        self.cells.get(column).map(trim_cell).unwrap_or("")
    }

    /// Replaces the cell in `column` (a short row grows to reach it).
    pub fn set_cell(&mut self, column: usize, value: &str) {
        let width = self.cells.len().max(column + 1);
        let mut cells =
            StringRecord::with_capacity(self.cells.as_slice().len() + value.len(), width);
        for index in 0..width {
            cells.push_field(if index == column {
                value
            } else {
                self.cells.get(index).unwrap_or("")
            });
        }
        self.cells = cells;
    }
}

/// Trims a cell: ASCII spaces first (cheap, and nearly always all there is), then any
/// other Unicode space only when a non-ASCII character stands at an edge.
pub(super) fn trim_cell(cell: &str) -> &str {
    let trimmed = cell.trim_ascii();
    let bytes = trimmed.as_bytes();
    if bytes.first().is_some_and(|byte| !byte.is_ascii())
        || bytes.last().is_some_and(|byte| !byte.is_ascii())
    {
        trimmed.trim()
    } else {
        trimmed
    }
}

/// A record as the reader splits it, before its cells are checked to be UTF-8 text.
/// The single reading thread hands these out and the checking threads turn them into
/// [`Row`]s, so that check runs on every core instead of holding up the reader.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RawRow {
    pub line: u64,
    pub cells: ByteRecord,
}

impl RawRow {
    /// The row as text; bytes that are not UTF-8 become U+FFFD (the file was decoded
    /// to text before reading, so this only copies when something is badly wrong).
    pub fn into_row(self) -> Row {
        Row {
            line: self.line,
            cells: StringRecord::from_byte_record_lossy(self.cells),
        }
    }

    /// True when every cell is blank (Excel leaves such `;;;;` lines).
    fn is_blank(&self) -> bool {
        self.cells.as_slice().trim_ascii().is_empty()
    }
}

impl Row {
    /// Gives the row's buffers back for reuse.
    pub fn into_raw(self) -> RawRow {
        RawRow {
            line: self.line,
            cells: self.cells.into_byte_record(),
        }
    }
}

/// The header row as written in the file.
#[derive(Debug, Clone, PartialEq)]
pub struct Header {
    pub line: u64,
    pub names: Vec<String>,
}

/// Streams the rows below the header of a decoded file.
pub struct TableReader<'t> {
    /// The decoded file (UTF-8).
    text: &'t [u8],
    delimiter: u8,
    reader: csv::Reader<&'t [u8]>,
    header: Header,
    /// Rows read while looking for the header, handed out first, with where they start.
    buffered: std::collections::VecDeque<(Row, usize)>,
    /// Byte offset where the last row read starts (to spot an unclosed quote).
    last_row_start: Option<(u64, usize)>,
    /// Byte offset where the row last handed out starts.
    handed_start: Option<usize>,
}

impl<'t> TableReader<'t> {
    /// Finds the header among the first records, using `known_cells` to count the cells
    /// of a record that name a known field.
    pub fn new(
        text: &'t [u8],
        delimiter: u8,
        known_cells: impl Fn(&StringRecord) -> usize,
    ) -> Result<Self, ReadError> {
        let mut reader = ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(text);
        let mut first = Vec::new();
        let mut last_row_start = None;
        while first.len() < HEADER_SEARCH_RECORDS {
            let mut raw = RawRow::default();
            match next_record(&mut reader, text, &mut raw)? {
                Some(start) => {
                    last_row_start = Some((raw.line, start));
                    if !raw.is_blank() {
                        first.push((raw.into_row(), start));
                    }
                }
                None => break,
            }
        }
        let mut best: Option<(usize, usize)> = None;
        for (index, (row, _)) in first.iter().enumerate() {
            let score = known_cells(&row.cells);
            if best.is_none_or(|(_, best_score)| score > best_score) {
                best = Some((index, score));
            }
        }
        let header_index = match best {
            Some((index, score)) if score >= 2 => index,
            Some(_) => 0,
            None => return Err(ReadError::NoHeader),
        };
        let mut buffered: std::collections::VecDeque<(Row, usize)> = first.into_iter().collect();
        buffered.drain(..header_index);
        let (header_row, _) = buffered.pop_front().ok_or(ReadError::NoHeader)?;
        let header = Header {
            line: header_row.line,
            names: header_row
                .cells
                .iter()
                .map(|name| name.trim().to_string())
                .collect(),
        };
        Ok(TableReader {
            text,
            delimiter,
            reader,
            header,
            buffered,
            last_row_start,
            handed_start: None,
        })
    }

    pub fn header(&self) -> &Header {
        &self.header
    }

    /// Reads the next non-blank row into `row` (reusing its buffers); false at the end.
    pub fn next_row(&mut self, row: &mut Row) -> Result<bool, ReadError> {
        let mut raw = std::mem::take(row).into_raw();
        let found = self.next_raw(&mut raw)?;
        *row = raw.into_row();
        Ok(found)
    }

    /// Reads the next non-blank record into `raw` (reusing its buffers), not yet checked
    /// to be text; false at the end.
    pub fn next_raw(&mut self, raw: &mut RawRow) -> Result<bool, ReadError> {
        if let Some((buffered, start)) = self.buffered.pop_front() {
            *raw = buffered.into_raw();
            self.handed_start = Some(start);
            return Ok(true);
        }
        loop {
            match next_record(&mut self.reader, self.text, raw)? {
                Some(start) => {
                    self.last_row_start = Some((raw.line, start));
                    if !raw.is_blank() {
                        self.handed_start = Some(start);
                        return Ok(true);
                    }
                }
                None => return Ok(false),
            }
        }
    }

    /// Where the row last handed out starts in the text.
    pub fn row_start(&self) -> Option<usize> {
        self.handed_start
    }

    /// After the last row: the line of a record whose quote never closes, which swallowed
    /// the rest of the file into one cell.
    pub fn unclosed_quote_line(&self) -> Option<u64> {
        let (line, start) = self.last_row_start?;
        let rest = self.text.get(start..)?;
        ends_inside_quotes(rest, self.delimiter).then_some(line)
    }
}

/// Reads one record; returns its starting byte offset, or `None` at the end. The csv
/// crate reports where it started looking, before the blank lines it skips, so the
/// position is moved past them to the record's own first line.
fn next_record(
    reader: &mut csv::Reader<&[u8]>,
    text: &[u8],
    row: &mut RawRow,
) -> Result<Option<usize>, ReadError> {
    let line_before = reader.position().line();
    match reader.read_byte_record(&mut row.cells) {
        Ok(true) => {
            let (line, byte) = row.cells.position().map_or((line_before, 0), |position| {
                (position.line(), position.byte())
            });
            let mut start = usize::try_from(byte).unwrap_or(usize::MAX);
            let mut line = line;
            while let Some(terminator) = text.get(start).filter(|b| matches!(b, b'\r' | b'\n')) {
                line += u64::from(*terminator == b'\n');
                start += 1;
            }
            row.line = line;
            Ok(Some(start))
        }
        Ok(false) => Ok(None),
        Err(error) => Err(ReadError::Csv {
            line: error
                .position()
                .map(|position| position.line())
                .unwrap_or(line_before),
            message: error.to_string(),
        }),
    }
}

/// Whether a record starting at `bytes` leaves a quoted cell open at the end of the file
/// (RFC 4180 quoting: a quote opens only at the start of a cell, `""` escapes).
fn ends_inside_quotes(bytes: &[u8], delimiter: u8) -> bool {
    #[derive(PartialEq)]
    enum State {
        CellStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }
    let mut state = State::CellStart;
    for &byte in bytes {
        state = match (state, byte) {
            (State::CellStart, b'"') => State::Quoted,
            (State::Quoted, b'"') => State::QuoteInQuoted,
            (State::Quoted, _) => State::Quoted,
            (State::QuoteInQuoted, b'"') => State::Quoted,
            (_, b'\n') => State::CellStart,
            (_, byte) if byte == delimiter => State::CellStart,
            _ => State::Unquoted,
        };
    }
    state == State::Quoted
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count_nonempty(record: &StringRecord) -> usize {
        record
            .iter()
            .filter(|cell| matches!(cell.trim(), "name" | "phone" | "city"))
            .count()
    }

    fn rows(text: &str) -> (Header, Vec<Row>, Option<u64>) {
        let mut reader = TableReader::new(text.as_bytes(), b',', count_nonempty).unwrap();
        let mut rows = Vec::new();
        let mut row = Row::default();
        while reader.next_row(&mut row).unwrap() {
            rows.push(row.clone());
        }
        (reader.header().clone(), rows, reader.unclosed_quote_line())
    }

    #[test]
    fn title_lines_above_the_header_are_skipped() {
        let (header, rows, _) =
            rows("Export 2025-03-01\n\nname,phone,city\nAli,0612,Fes\n,,\nSara,0698,Rabat\n");
        assert_eq!(header.line, 3);
        assert_eq!(header.names, ["name", "phone", "city"]);
        let lines: Vec<u64> = rows.iter().map(|row| row.line).collect();
        assert_eq!(lines, [4, 6]);
    }

    #[test]
    fn a_multiline_cell_keeps_the_line_where_its_record_starts() {
        let (_, rows, unclosed) = rows("name,phone\n\"Ali\nBen\",0612\nSara,0698\n");
        assert_eq!(rows[1].line, 4);
        assert_eq!(unclosed, None);
    }

    #[test]
    fn an_unclosed_quote_names_its_line() {
        let (_, rows, unclosed) = rows("name,phone\nAli,0612\n\"Sara,0698\nOmar,0677\n");
        assert_eq!(rows.len(), 2);
        assert_eq!(unclosed, Some(3));
        assert!(!ends_inside_quotes(b"5\" screen,ok\n", b','));
        assert!(!ends_inside_quotes(b"\"a\"\"b\",c", b','));
    }

    #[test]
    fn cells_lose_ascii_and_unicode_spaces() {
        let row = Row::new(2, &["  Ali \t", "\u{a0}Fès\u{a0}", "محمد ", ""]);
        assert_eq!(row.cell(0), "Ali");
        assert_eq!(row.cell(1), "Fès");
        assert_eq!(row.cell(2), "محمد");
        assert_eq!(row.cell(3), "");
        assert_eq!(row.cell(9), "");
    }

    #[test]
    fn blank_files_have_no_header() {
        assert!(matches!(
            TableReader::new(b"\n\n", b',', count_nonempty),
            Err(ReadError::NoHeader)
        ));
    }
}
