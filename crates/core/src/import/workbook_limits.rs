//! The sizes past which a workbook is refused, checked before calamine allocates for it.
//! A workbook is small on disk and large in memory: calamine lays a sheet out as a dense
//! grid from its first to its last cell, so a 1.7 KB file with one cell at A1 and one at
//! `XFD1048576` asks for 17 billion cells (512 GB) and the process aborts, the window and
//! any upload with it; a ZIP entry of 400 KB can unpack to 1.7 GB. The checks here come
//! first: the archive's parts (declared and actual unpacked sizes), then a sheet's cells
//! as they are read one by one, so an error names the limit instead of the machine dying.
//!
//! `.xls` files (not ZIP) and `.ods` sheets are laid out by calamine when the file is
//! opened, before any sheet can be looked at: only the archive checks apply to `.ods`,
//! and the cell limit to both once their sheet is read.

use std::io::{self, Cursor, Read};

use calamine::Data;

use super::workbook::column_letters;

/// The most cells (rows × columns from a sheet's first filled cell to its last) a sheet
/// may span: a table of a million rows by 20 columns, about 640 MB once laid out.
pub const MAX_CELLS: u64 = 20_000_000;

/// The most bytes one part of a workbook (a sheet's XML, the shared strings) may unpack
/// to. Sheets are read as a stream, but the shared strings and an `.ods` file's content
/// are held whole.
pub const MAX_PART_BYTES: u64 = 512 * MIB;

/// The most bytes all the parts of a workbook may unpack to together.
pub const MAX_ARCHIVE_BYTES: u64 = 1024 * MIB;

const MIB: u64 = 1024 * 1024;

/// A limit a workbook goes past.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WorkbookLimit {
    /// One part of the archive unpacks past [`MAX_PART_BYTES`].
    #[error("its part {part} unpacks to more than {limit_mib} MiB")]
    Part { part: String, limit_mib: u64 },
    /// The parts together unpack past [`MAX_ARCHIVE_BYTES`].
    #[error("its parts unpack to more than {limit_mib} MiB in all")]
    Archive { limit_mib: u64 },
    /// A sheet spans more than [`MAX_CELLS`] cells, from `first` to `last` (`A1`,
    /// `XFD1048576`), as far as it was read.
    #[error(
        "the sheet \"{sheet}\" spans {rows} rows by {columns} columns ({first} to {last}); at most {limit} cells are read"
    )]
    Sheet {
        sheet: String,
        rows: u64,
        columns: u64,
        first: String,
        last: String,
        limit: u64,
    },
}

/// The limits a check applies (the constants above, smaller in tests).
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub part_bytes: u64,
    pub archive_bytes: u64,
    pub cells: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            part_bytes: MAX_PART_BYTES,
            archive_bytes: MAX_ARCHIVE_BYTES,
            cells: MAX_CELLS,
        }
    }
}

/// Checks the unpacked sizes of a ZIP workbook's parts (`.xlsx`, `.xlsm`, `.xlsb`, `.ods`)
/// before calamine opens it: first the sizes the archive declares, then the bytes each part
/// really unpacks to (a declared size can lie), read into nothing and never past the limit.
/// Anything else (not a ZIP, a damaged or encrypted part) is left for calamine to report.
pub fn check_archive(bytes: &[u8], limits: Limits) -> Result<(), WorkbookLimit> {
    if !bytes.starts_with(b"PK\x03\x04") {
        return Ok(());
    }
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    let part_limit = WorkbookLimit::Part {
        part: String::new(),
        limit_mib: limits.part_bytes / MIB,
    };
    let archive_limit = WorkbookLimit::Archive {
        limit_mib: limits.archive_bytes / MIB,
    };
    let named = |name: &str| match &part_limit {
        WorkbookLimit::Part { limit_mib, .. } => WorkbookLimit::Part {
            part: name.to_string(),
            limit_mib: *limit_mib,
        },
        other => other.clone(),
    };
    let mut declared_total: u64 = 0;
    for index in 0..archive.len() {
        let Ok(part) = archive.by_index_raw(index) else {
            continue;
        };
        if part.size() > limits.part_bytes {
            return Err(named(part.name()));
        }
        declared_total = declared_total.saturating_add(part.size());
        if declared_total > limits.archive_bytes {
            return Err(archive_limit);
        }
    }
    let mut total: u64 = 0;
    for index in 0..archive.len() {
        let Ok(part) = archive.by_index(index) else {
            continue;
        };
        let name = part.name().to_string();
        let unpacked = io::copy(&mut part.take(limits.part_bytes + 1), &mut io::sink()).ok();
        let Some(unpacked) = unpacked else {
            continue;
        };
        if unpacked > limits.part_bytes {
            return Err(named(&name));
        }
        total = total.saturating_add(unpacked);
        if total > limits.archive_bytes {
            return Err(archive_limit);
        }
    }
    Ok(())
}

/// A sheet's filled cells, gathered one by one and refused as soon as the area they span
/// passes the cell limit: nothing is ever laid out larger than the limit allows.
#[derive(Debug)]
pub struct BoundedCells {
    sheet: String,
    limit: u64,
    /// `(row, column, value)`, 0-based from A1, in the order the file gives them.
    cells: Vec<(u32, u32, Data)>,
    /// The first and last rows and columns holding a filled cell.
    rows: Option<(u32, u32)>,
    columns: Option<(u32, u32)>,
}

impl BoundedCells {
    pub fn new(sheet: &str, limits: Limits) -> BoundedCells {
        BoundedCells {
            sheet: sheet.to_string(),
            limit: limits.cells,
            cells: Vec::new(),
            rows: None,
            columns: None,
        }
    }

    /// Adds the cell at `(row, column)` (an empty one is passed over, as calamine does: a
    /// formatted but empty cell far away does not stretch the table).
    pub fn push(&mut self, (row, column): (u32, u32), value: Data) -> Result<(), WorkbookLimit> {
        if value == Data::Empty {
            return Ok(());
        }
        let widen = |span: Option<(u32, u32)>, at: u32| match span {
            Some((first, last)) => (first.min(at), last.max(at)),
            None => (at, at),
        };
        let rows = widen(self.rows, row);
        let columns = widen(self.columns, column);
        let height = u64::from(rows.1 - rows.0) + 1;
        let width = u64::from(columns.1 - columns.0) + 1;
        // The count too: a file can repeat one cell's address without end.
        if height.saturating_mul(width) > self.limit || self.cells.len() as u64 >= self.limit {
            return Err(WorkbookLimit::Sheet {
                sheet: self.sheet.clone(),
                rows: height,
                columns: width,
                first: format!("{}{}", column_letters(columns.0), u64::from(rows.0) + 1),
                last: format!("{}{}", column_letters(columns.1), u64::from(rows.1) + 1),
                limit: self.limit,
            });
        }
        self.rows = Some(rows);
        self.columns = Some(columns);
        self.cells.push((row, column, value));
        Ok(())
    }

    /// The first filled row and column (0-based), `None` for a sheet with no filled cell.
    pub fn start(&self) -> Option<(u32, u32)> {
        Some((self.rows?.0, self.columns?.0))
    }

    /// How many rows hold a filled cell, counted up to `enough`.
    pub fn filled_rows(&self, enough: usize) -> usize {
        let mut rows: Vec<u32> = Vec::new();
        for (row, _, _) in &self.cells {
            if !rows.contains(row) {
                rows.push(*row);
                if rows.len() >= enough {
                    break;
                }
            }
        }
        rows.len()
    }

    /// The rows from the first filled one to the last, each from the first filled column
    /// to its own last filled cell (a row with none is empty). A cell given twice keeps
    /// its last value.
    pub fn into_rows(mut self) -> Vec<Vec<Data>> {
        let (Some((first_row, last_row)), Some((first_column, _))) = (self.rows, self.columns)
        else {
            return Vec::new();
        };
        self.cells.sort_by_key(|(row, column, _)| (*row, *column));
        let mut rows = vec![Vec::new(); (last_row - first_row) as usize + 1];
        for (row, column, value) in self.cells {
            let Some(cells) = rows.get_mut((row - first_row) as usize) else {
                continue;
            };
            let at = (column - first_column) as usize;
            if cells.len() <= at {
                cells.resize(at + 1, Data::Empty);
            }
            cells[at] = value;
        }
        rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(value: &str) -> Data {
        Data::String(value.to_string())
    }

    #[test]
    fn a_cell_far_away_is_refused_before_anything_is_laid_out() {
        let mut cells = BoundedCells::new("Leads", Limits::default());
        cells.push((0, 0), text("name")).unwrap();
        let error = cells.push((1_048_575, 16_383), text("x")).unwrap_err();
        assert_eq!(
            error,
            WorkbookLimit::Sheet {
                sheet: "Leads".into(),
                rows: 1_048_576,
                columns: 16_384,
                first: "A1".into(),
                last: "XFD1048576".into(),
                limit: MAX_CELLS,
            }
        );
    }

    #[test]
    fn one_address_repeated_without_end_is_refused_at_the_limit() {
        let limits = Limits {
            cells: 10,
            ..Limits::default()
        };
        let mut cells = BoundedCells::new("Leads", limits);
        let refused = (0..100).find(|_| cells.push((0, 0), text("x")).is_err());
        assert_eq!(refused, Some(10));
    }

    #[test]
    fn rows_come_out_in_sheet_order_from_the_first_filled_cell() {
        let mut cells = BoundedCells::new("Leads", Limits::default());
        cells.push((3, 2), text("b")).unwrap();
        cells.push((2, 1), text("a")).unwrap();
        cells.push((2, 5), Data::Empty).unwrap();
        assert_eq!(cells.start(), Some((2, 1)));
        assert_eq!(cells.filled_rows(5), 2);
        assert_eq!(
            cells.into_rows(),
            vec![vec![text("a")], vec![Data::Empty, text("b")]]
        );
    }

    /// A ZIP whose one part declares `declared` unpacked bytes; its data is `data` as
    /// given (deflate), so the declared size can lie.
    fn zip_with(name: &str, data: &[u8], declared: u32) -> Vec<u8> {
        let mut local = Vec::new();
        local.extend_from_slice(b"PK\x03\x04");
        local.extend_from_slice(&[20, 0, 0, 0, 8, 0, 0, 0, 0, 0]);
        local.extend_from_slice(&0u32.to_le_bytes()); // crc (never checked here)
        local.extend_from_slice(&(data.len() as u32).to_le_bytes());
        local.extend_from_slice(&declared.to_le_bytes());
        local.extend_from_slice(&(name.len() as u16).to_le_bytes());
        local.extend_from_slice(&0u16.to_le_bytes());
        local.extend_from_slice(name.as_bytes());
        local.extend_from_slice(data);
        let central_at = local.len() as u32;
        let mut central = Vec::new();
        central.extend_from_slice(b"PK\x01\x02");
        central.extend_from_slice(&[20, 0, 20, 0, 0, 0, 8, 0, 0, 0, 0, 0]);
        central.extend_from_slice(&0u32.to_le_bytes());
        central.extend_from_slice(&(data.len() as u32).to_le_bytes());
        central.extend_from_slice(&declared.to_le_bytes());
        central.extend_from_slice(&(name.len() as u16).to_le_bytes());
        central.extend_from_slice(&[0; 12]); // extra, comment, disk, attributes
        central.extend_from_slice(&0u32.to_le_bytes()); // local header offset
        central.extend_from_slice(name.as_bytes());
        let mut zip = local;
        let central_len = central.len() as u32;
        zip.extend_from_slice(&central);
        zip.extend_from_slice(b"PK\x05\x06");
        zip.extend_from_slice(&[0, 0, 0, 0, 1, 0, 1, 0]);
        zip.extend_from_slice(&central_len.to_le_bytes());
        zip.extend_from_slice(&central_at.to_le_bytes());
        zip.extend_from_slice(&0u16.to_le_bytes());
        zip
    }

    /// A deflate stream of `runs` × 258 zero bytes plus one: fixed Huffman codes, a
    /// literal 0 then copies of 258 bytes at distance 1 (13 bits each), about 160:1.
    fn zeros_deflated(runs: usize) -> Vec<u8> {
        let mut bits = BitWriter::default();
        bits.put(1, 1); // final block
        bits.put(1, 2); // fixed Huffman
        bits.put_code(0b0011_0000, 8); // literal 0
        for _ in 0..runs {
            bits.put_code(0b1100_0101, 8); // length 258 (symbol 285)
            bits.put_code(0, 5); // distance 1
        }
        bits.put_code(0, 7); // end of block
        bits.finish()
    }

    #[derive(Default)]
    struct BitWriter {
        bytes: Vec<u8>,
        current: u32,
        used: u32,
    }

    impl BitWriter {
        /// `count` bits of `value`, least significant first (deflate's header fields).
        fn put(&mut self, value: u32, count: u32) {
            for bit in 0..count {
                self.current |= ((value >> bit) & 1) << self.used;
                self.used += 1;
                if self.used == 8 {
                    self.bytes.push(self.current as u8);
                    (self.current, self.used) = (0, 0);
                }
            }
        }

        /// A Huffman code, most significant bit first.
        fn put_code(&mut self, code: u32, count: u32) {
            for bit in (0..count).rev() {
                self.put((code >> bit) & 1, 1);
            }
        }

        fn finish(mut self) -> Vec<u8> {
            if self.used > 0 {
                self.bytes.push(self.current as u8);
            }
            self.bytes
        }
    }

    #[test]
    fn a_part_declared_huge_is_refused_without_unpacking_it() {
        // A part that says it unpacks to 1.7 GB (a real bomb of 400 KB does): refused on
        // its word, before a byte is unpacked.
        let bomb = zip_with(
            "xl/sharedStrings.xml",
            &zeros_deflated(8_000),
            1_700_000_000,
        );
        let error = check_archive(&bomb, Limits::default()).unwrap_err();
        assert_eq!(
            error,
            WorkbookLimit::Part {
                part: "xl/sharedStrings.xml".into(),
                limit_mib: MAX_PART_BYTES / MIB,
            }
        );
    }

    #[test]
    fn a_part_that_lies_about_its_size_is_measured_and_refused() {
        // Declared as 10 bytes, unpacks to about 2 MiB.
        let liar = zip_with("xl/worksheets/sheet1.xml", &zeros_deflated(8_000), 10);
        let limits = Limits {
            part_bytes: 1024 * 1024,
            ..Limits::default()
        };
        let error = check_archive(&liar, limits).unwrap_err();
        assert!(
            matches!(error, WorkbookLimit::Part { ref part, limit_mib: 1 } if part == "xl/worksheets/sheet1.xml"),
            "{error:?}"
        );
        assert_eq!(check_archive(&liar, Limits::default()), Ok(()));
    }

    #[test]
    fn a_tiny_workbook_with_a_cell_at_xfd1048576_is_refused_not_laid_out() {
        let mut workbook = rust_xlsxwriter::Workbook::new();
        let sheet = workbook.add_worksheet().set_name("Leads").unwrap();
        sheet.write_string(0, 0, "full_name").unwrap();
        sheet.write_string(1_048_575, 16_383, "x").unwrap();
        let bytes = workbook.save_to_buffer().unwrap();
        assert!(bytes.len() < 10_000, "{} bytes", bytes.len());
        let error = crate::import::workbook::read(bytes, None).unwrap_err();
        assert!(
            matches!(
                &error,
                crate::import::ReadError::WorkbookTooLarge(WorkbookLimit::Sheet { last, .. })
                    if last == "XFD1048576"
            ),
            "{error:?}"
        );
    }

    #[test]
    fn a_zip_bomb_is_refused_before_calamine_opens_it() {
        let bomb = zip_with(
            "xl/sharedStrings.xml",
            &zeros_deflated(8_000),
            1_700_000_000,
        );
        let error = crate::import::workbook::read(bomb, None).unwrap_err();
        assert!(
            matches!(
                &error,
                crate::import::ReadError::WorkbookTooLarge(WorkbookLimit::Part { part, .. })
                    if part == "xl/sharedStrings.xml"
            ),
            "{error:?}"
        );
    }

    #[test]
    fn an_ordinary_workbook_passes() {
        let mut workbook = rust_xlsxwriter::Workbook::new();
        let sheet = workbook.add_worksheet();
        sheet.write_string(0, 0, "name").unwrap();
        let bytes = workbook.save_to_buffer().unwrap();
        assert_eq!(check_archive(&bytes, Limits::default()), Ok(()));
    }
}
