//! The sizes past which a workbook is refused, checked before calamine allocates for it.
//! A workbook is small on disk and large in memory: calamine lays a sheet out as a dense
//! grid from its first to its last cell, so a 1.7 KB file with one cell at A1 and one at
//! `XFD1048576` asks for 17 billion cells (512 GB) and the process aborts, the window and
//! any upload with it; a ZIP entry of 400 KB can unpack to 1.7 GB. The checks here come
//! first: the archive's parts (declared and actual unpacked sizes), then a sheet's cells
//! as they are read one by one, so an error names the limit instead of the machine dying.
//!
//! `.ods` sheets are laid out by calamine when the file is opened, every sheet at once and
//! before any can be looked at, and a row or cell can say it repeats a million times: a
//! 1 KB file asks for billions of cells. So an `.ods` file's `content.xml` is measured
//! first ([`check_ods`]), as a stream, against the same cell limit.
//!
//! `.xls` files (BIFF8 in an OLE compound file, not ZIP) are laid out by calamine when
//! the file is opened too, every sheet at once: a sheet's `DIMENSIONS` record makes it
//! reserve rows × columns cells, rows read as a `u32` in BIFF8 (never held to Excel's
//! 65,536), and its cell records carry a `u16` row and column, so two cells at A1 and
//! (65535, 65535) make it lay out 4.3 billion. So the workbook stream is read out of the
//! compound file first ([`check_xls`]) and its sheets measured, record by record, against
//! the same cell limit. (Excel's own largest sheet, 65,536 × 256 = 16.8 million cells, is
//! within it.)

use std::io::{self, BufReader, Cursor, Read};

use calamine::Data;
use quick_xml::encoding::Decoder;
use quick_xml::events::{BytesStart, Event};

use super::cell_name::column_letters;

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
    /// One part of the archive unpacks past `MAX_PART_BYTES`.
    #[error("its part {part} unpacks to more than {limit_mib} MiB")]
    Part { part: String, limit_mib: u64 },
    /// The parts together unpack past `MAX_ARCHIVE_BYTES`.
    #[error("its parts unpack to more than {limit_mib} MiB in all")]
    Archive { limit_mib: u64 },
    /// A sheet spans more than `MAX_CELLS` cells, from `first` to `last` (`A1`,
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
    /// The sheets of a workbook laid out whole when it is opened (`.ods`, `.xls`) span more than
    /// `MAX_CELLS` cells together, though none does alone: they are held at once.
    #[error("its sheets span more than {limit} cells together")]
    Sheets { limit: u64 },
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

/// The `mimetype` an `.ods` file starts with, the one calamine opens as such.
const ODS_MIMETYPE: &[u8] = b"application/vnd.oasis.opendocument.spreadsheet";

/// Measures the sheets of an `.ods` workbook in its `content.xml`, streamed from the ZIP,
/// before calamine lays them out: calamine holds every sheet at once, each from its first
/// filled row to its last, every row padded from column A to the last filled column of the
/// sheet, and a row or cell marked `table:number-rows-repeated` /
/// `table:number-columns-repeated` is laid out that many times. The bound computed here is
/// that area: rows (with their repeats, empty ones between included) from the first row
/// holding a filled cell to the last, times columns from A to the end of the last filled
/// cell (with its repeats). A filled cell is one calamine may keep: a value or formula
/// attribute, or text in a paragraph. Empty rows and cells repeated at the end, as
/// LibreOffice writes them (`number-rows-repeated="1048000"`), stretch nothing, as in
/// calamine. Anything not an `.ods` or not readable is left for calamine to report.
pub fn check_ods(bytes: &[u8], limits: Limits) -> Result<(), WorkbookLimit> {
    if !bytes.starts_with(b"PK\x03\x04") {
        return Ok(());
    }
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    let mut mimetype = Vec::new();
    let is_ods = archive.by_name("mimetype").is_ok_and(|part| {
        part.take(ODS_MIMETYPE.len() as u64)
            .read_to_end(&mut mimetype)
            .is_ok()
    }) && mimetype == ODS_MIMETYPE;
    if !is_ods {
        return Ok(());
    }
    let Ok(content) = archive.by_name("content.xml") else {
        return Ok(());
    };
    let mut reader = quick_xml::Reader::from_reader(BufReader::new(content));
    // As calamine reads it: `<a/>` comes as a start and an end, end names unchecked.
    let config = reader.config_mut();
    config.check_end_names = false;
    config.expand_empty_elements = true;
    let mut scan = OdsScan::new(limits);
    let mut buffer = Vec::new();
    loop {
        let event = match reader.read_event_into(&mut buffer) {
            Ok(event) => event,
            // Broken XML: calamine says so when it opens the file.
            Err(_) => return Ok(()),
        };
        match event {
            Event::Start(element) if scan.start(&element, reader.decoder()).is_none() => {
                return Ok(());
            }
            Event::End(element) => scan.end(element.name().as_ref())?,
            Event::Text(text) if !text.is_empty() => scan.text(),
            Event::CData(_) | Event::GeneralRef(_) => scan.text(),
            Event::Eof => return Ok(()),
            _ => {}
        }
        buffer.clear();
    }
}

/// Where the scan of `content.xml` is, and what it has measured.
struct OdsScan {
    limit: u64,
    /// Cells of the sheets already measured (calamine holds them all at once).
    held: u64,
    sheet: Option<SheetScan>,
}

/// One `table:table` being measured; rows and columns 0-based, counted with repeats.
struct SheetScan {
    name: String,
    /// The row the next `table:table-row` starts at.
    next_row: u64,
    /// The open row: its repeats, the column its next cell starts at, and the end
    /// (exclusive) of its last filled cell (0: none yet).
    row: Option<(u64, u64, u64)>,
    /// The open cell: its repeats, whether it is filled, how deep the scan is inside it
    /// (1: the cell itself), and inside it, the depth of an open `text:p` and of an open
    /// `office:annotation` (a comment's text fills nothing).
    cell: Option<CellScan>,
    /// First and last rows holding a filled cell.
    rows: Option<(u64, u64)>,
    /// The end (exclusive) of the last filled cell of any row: columns from A.
    columns: u64,
}

struct CellScan {
    repeats: u64,
    filled: bool,
    depth: u32,
    paragraph: Option<u32>,
    annotation: Option<u32>,
}

/// The attributes that give a cell a value calamine keeps (ODF 1.2, 19.385–19.389).
const VALUE_ATTRIBUTES: [&[u8]; 7] = [
    b"office:value-type",
    b"office:value",
    b"office:string-value",
    b"office:date-value",
    b"office:time-value",
    b"office:boolean-value",
    b"table:formula",
];

impl OdsScan {
    fn new(limits: Limits) -> OdsScan {
        OdsScan {
            limit: limits.cells,
            held: 0,
            sheet: None,
        }
    }

    /// An element opens. `None` when a repeat count does not read as a number: calamine
    /// refuses the file for it, so there is nothing more to measure.
    fn start(&mut self, element: &BytesStart<'_>, decoder: Decoder) -> Option<()> {
        let name = element.name();
        let name = name.as_ref();
        let Some(sheet) = &mut self.sheet else {
            if name == b"table:table" {
                let name = attribute(element, b"table:name", decoder).unwrap_or_default();
                self.sheet = Some(SheetScan::new(name));
            }
            return Some(());
        };
        if let Some(cell) = &mut sheet.cell {
            cell.depth += 1;
            match name {
                b"office:annotation" if cell.annotation.is_none() => {
                    cell.annotation = Some(cell.depth);
                }
                b"text:p" if cell.paragraph.is_none() && cell.annotation.is_none() => {
                    cell.paragraph = Some(cell.depth);
                }
                // A run of spaces is text too.
                b"text:s" if cell.paragraph.is_some() && cell.annotation.is_none() => {
                    cell.filled = true;
                }
                _ => {}
            }
            return Some(());
        }
        match name {
            b"table:table-row" => {
                let repeats = repeats(element, b"table:number-rows-repeated", decoder)?;
                sheet.row = Some((repeats, 0, 0));
            }
            b"table:table-cell" | b"table:covered-table-cell" if sheet.row.is_some() => {
                let repeats = repeats(element, b"table:number-columns-repeated", decoder)?;
                let filled = element
                    .attributes()
                    .flatten()
                    .any(|attribute| VALUE_ATTRIBUTES.contains(&attribute.key.as_ref()));
                sheet.cell = Some(CellScan {
                    repeats,
                    filled,
                    depth: 1,
                    paragraph: None,
                    annotation: None,
                });
            }
            _ => {}
        }
        Some(())
    }

    /// Text inside the element open now: it fills a cell when it is a paragraph's.
    fn text(&mut self) {
        let Some(cell) = self.sheet.as_mut().and_then(|sheet| sheet.cell.as_mut()) else {
            return;
        };
        if cell.paragraph.is_some() && cell.annotation.is_none() {
            cell.filled = true;
        }
    }

    /// An element closes: a cell, a row or a sheet is measured.
    fn end(&mut self, name: &[u8]) -> Result<(), WorkbookLimit> {
        let Some(sheet) = &mut self.sheet else {
            return Ok(());
        };
        if let Some(cell) = &mut sheet.cell {
            if cell.paragraph == Some(cell.depth) {
                cell.paragraph = None;
            }
            if cell.annotation == Some(cell.depth) {
                cell.annotation = None;
            }
            cell.depth -= 1;
            if cell.depth > 0 {
                return Ok(());
            }
            let (repeats, filled) = (cell.repeats, cell.filled);
            sheet.cell = None;
            if let Some((_, next_column, end)) = &mut sheet.row {
                *next_column = next_column.saturating_add(repeats);
                if filled {
                    *end = *next_column;
                }
            }
            return Ok(());
        }
        match name {
            b"table:table-row" => {
                let Some((repeats, _, end)) = sheet.row.take() else {
                    return Ok(());
                };
                let row = sheet.next_row;
                sheet.next_row = row.saturating_add(repeats);
                if end > 0 {
                    let last = sheet.next_row.saturating_sub(1);
                    let first = sheet.rows.map_or(row, |(first, _)| first);
                    sheet.rows = Some((first, last));
                    sheet.columns = sheet.columns.max(end);
                    sheet.check(self.limit)?;
                }
            }
            b"table:table" => {
                let cells = sheet.cells();
                self.sheet = None;
                self.held = self.held.saturating_add(cells);
                if self.held > self.limit {
                    return Err(WorkbookLimit::Sheets { limit: self.limit });
                }
            }
            _ => {}
        }
        Ok(())
    }
}

impl SheetScan {
    fn new(name: String) -> SheetScan {
        SheetScan {
            name,
            next_row: 0,
            row: None,
            cell: None,
            rows: None,
            columns: 0,
        }
    }

    /// The cells calamine lays the sheet out as, as far as it was read.
    fn cells(&self) -> u64 {
        self.rows.map_or(0, |(first, last)| {
            (last - first + 1).saturating_mul(self.columns)
        })
    }

    fn check(&self, limit: u64) -> Result<(), WorkbookLimit> {
        let Some((first, last)) = self.rows else {
            return Ok(());
        };
        if self.cells() <= limit {
            return Ok(());
        }
        let last_column = u32::try_from(self.columns - 1).unwrap_or(u32::MAX);
        Err(WorkbookLimit::Sheet {
            sheet: self.name.clone(),
            rows: last - first + 1,
            columns: self.columns,
            first: format!("A{}", first.saturating_add(1)),
            last: format!("{}{}", column_letters(last_column), last.saturating_add(1)),
            limit,
        })
    }
}

/// What [`check_xls`] finds wrong with an `.xls` file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum XlsRefusal {
    /// A sheet, or the sheets together, past a limit.
    TooLarge(WorkbookLimit),
    /// The compound file cannot be read, so it cannot be measured: calamine's own reader
    /// of it is more lenient and would lay out what was never measured.
    Unreadable(String),
}

/// Measures the sheets of an `.xls` workbook (an OLE compound file: BIFF8, or BIFF5 in a
/// `Book` stream) before calamine opens it. calamine 0.32 lays out every sheet listed in
/// the workbook globals (a `BoundSheet8` record gives the position of its records) when it
/// opens the file, all held at once: for each, a `DIMENSIONS` record makes it reserve
/// rows × columns cells at once, as calamine reads it (rows as a `u32`, never held to
/// Excel's 65,536; the arithmetic wrapping as in a release build), and the records that
/// give a cell a value (`NUMBER`, `RK`, `MULRK`, `LABELSST`, `LABEL`, `BOOLERR`, `FORMULA`
/// and the `STRING` after it) make it lay out the rectangle from the first cell to the
/// last, each read with a `u16` row and column. That rectangle and that reservation are
/// what is measured here. Blank cells (`BLANK`, `MULBLANK`) and `RSTRING` are passed over,
/// as calamine passes over them; `CONTINUE` records carry nothing measured. A record cut
/// short ends a sheet's records (calamine refuses the file there), an encrypted workbook
/// is left for calamine to refuse, and nothing read can make the scan panic.
pub fn check_xls(bytes: &[u8], limits: Limits) -> Result<(), XlsRefusal> {
    if !bytes.starts_with(CFB_SIGNATURE) {
        return Ok(());
    }
    let unreadable = |error: io::Error| XlsRefusal::Unreadable(error.to_string());
    let mut file = cfb::CompoundFile::open(Cursor::new(bytes)).map_err(unreadable)?;
    let (name, stream) = match file.open_stream("Workbook") {
        Ok(stream) => ("Workbook", stream),
        Err(_) => ("Book", file.open_stream("Book").map_err(unreadable)?),
    };
    // The stream is held whole, as calamine holds it; the file it comes from is in memory
    // already, and a stream cannot be longer than the sectors it has there.
    let mut data = Vec::new();
    stream
        .take(limits.part_bytes + 1)
        .read_to_end(&mut data)
        .map_err(unreadable)?;
    if data.len() as u64 > limits.part_bytes {
        return Err(XlsRefusal::TooLarge(WorkbookLimit::Part {
            part: name.to_string(),
            limit_mib: limits.part_bytes / MIB,
        }));
    }
    measure_biff(&data, limits).map_err(XlsRefusal::TooLarge)
}

/// How an OLE compound file starts.
const CFB_SIGNATURE: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// BIFF record types measured (MS-XLS 2.3).
mod biff {
    pub const EOF: u16 = 0x000A;
    pub const FILE_PASS: u16 = 0x002F;
    pub const BOF: u16 = 0x0809;
    pub const BOUND_SHEET: u16 = 0x0085;
    pub const DIMENSIONS: u16 = 0x0200;
    pub const NUMBER: u16 = 0x0203;
    pub const LABEL: u16 = 0x0204;
    pub const BOOL_ERR: u16 = 0x0205;
    pub const STRING: u16 = 0x0207;
    pub const RK: u16 = 0x027E;
    pub const LABEL_SST: u16 = 0x00FD;
    pub const MUL_RK: u16 = 0x00BD;
    pub const FORMULA: u16 = 0x0006;
}

/// The records of a BIFF stream from its start, `(type, data)`, up to one cut short.
fn biff_records(stream: &[u8]) -> impl Iterator<Item = (u16, &[u8])> {
    let mut rest = stream;
    std::iter::from_fn(move || {
        let (header, after) = rest.split_first_chunk::<4>()?;
        let kind = u16::from_le_bytes([header[0], header[1]]);
        let len = usize::from(u16::from_le_bytes([header[2], header[3]]));
        let data = after.get(..len)?;
        rest = &after[len..];
        Some((kind, data))
    })
}

fn u16_at(data: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(*data.get(at..)?.first_chunk::<2>()?))
}

fn u32_at(data: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(*data.get(at..)?.first_chunk::<4>()?))
}

/// Measures the sheets of a workbook stream as calamine lays them out (see [`check_xls`]).
fn measure_biff(stream: &[u8], limits: Limits) -> Result<(), WorkbookLimit> {
    // The globals, up to their EOF as calamine reads them: the sheets and their positions.
    let mut sheets: Vec<(usize, String)> = Vec::new();
    let mut biff8 = true;
    for (kind, data) in biff_records(stream) {
        match kind {
            biff::EOF => break,
            biff::FILE_PASS if u16_at(data, 0).is_some_and(|kind| kind != 0) => return Ok(()),
            biff::BOF if sheets.is_empty() => biff8 = u16_at(data, 0) == Some(0x0600),
            biff::BOUND_SHEET => {
                if let Some(position) = u32_at(data, 0) {
                    let name =
                        sheet_name(data, biff8).unwrap_or_else(|| format!("#{}", sheets.len() + 1));
                    sheets.push((position as usize, name));
                }
            }
            _ => {}
        }
    }
    // A sheet listed twice at one position is measured once.
    let mut measured: std::collections::HashMap<usize, u64> = std::collections::HashMap::new();
    let mut held: u64 = 0;
    for (position, name) in sheets {
        let cells = match measured.get(&position) {
            Some(cells) => *cells,
            None => {
                let records = stream.get(position..).unwrap_or_default();
                let cells = measure_sheet(records, &name, limits.cells)?;
                measured.insert(position, cells);
                cells
            }
        };
        held = held.saturating_add(cells);
        if held > limits.cells {
            return Err(WorkbookLimit::Sheets {
                limit: limits.cells,
            });
        }
    }
    Ok(())
}

/// A sheet's name in its `BoundSheet8` record: a byte count, then (BIFF8) a flag for
/// UTF-16 and the characters, or (BIFF5) bytes in the workbook's code page (read as
/// Latin-1 here: it is only for a message).
fn sheet_name(data: &[u8], biff8: bool) -> Option<String> {
    let count = usize::from(*data.get(6)?);
    if !biff8 {
        return Some(
            data.get(7..7 + count)?
                .iter()
                .map(|&b| char::from(b))
                .collect(),
        );
    }
    let wide = data.get(7)? & 1 == 1;
    let chars = data.get(8..)?;
    if wide {
        let units: Vec<u16> = chars
            .get(..count * 2)?
            .chunks_exact(2)
            .map(|pair| u16::from_le_bytes([pair[0], pair[1]]))
            .collect();
        Some(String::from_utf16_lossy(&units))
    } else {
        Some(chars.get(..count)?.iter().map(|&b| char::from(b)).collect())
    }
}

/// Measures one sheet's records from its position to its EOF: refused as soon as its
/// `DIMENSIONS` or the rectangle its cells span passes `limit`; else the cells laid out.
fn measure_sheet(records: &[u8], name: &str, limit: u64) -> Result<u64, WorkbookLimit> {
    let refuse = |rows: u64, columns: u64, first: (u32, u32), last: (u32, u32)| {
        let cell =
            |(row, column): (u32, u32)| format!("{}{}", column_letters(column), u64::from(row) + 1);
        WorkbookLimit::Sheet {
            sheet: name.to_string(),
            rows,
            columns,
            first: cell(first),
            last: cell(last),
            limit,
        }
    };
    // First and last row and column of the cells with a value.
    let mut span: Option<((u32, u32), (u32, u32))> = None;
    // Where the last FORMULA was: a STRING record gives its value (calamine starts at A1).
    let mut formula_at = (0u32, 0u32);
    for (kind, data) in biff_records(records) {
        let cells: Option<[(u32, u32); 2]> = match kind {
            biff::EOF => break,
            biff::DIMENSIONS => {
                let Some((first, last)) = dimensions(data) else {
                    continue;
                };
                // As calamine sizes its reservation: `end - start + 1`, wrapping.
                let rows = u64::from(last.0.wrapping_sub(first.0).wrapping_add(1));
                let columns = u64::from(last.1.wrapping_sub(first.1).wrapping_add(1));
                if rows.saturating_mul(columns) > limit {
                    return Err(refuse(rows, columns, first, last));
                }
                None
            }
            biff::NUMBER
            | biff::LABEL
            | biff::BOOL_ERR
            | biff::RK
            | biff::LABEL_SST
            | biff::FORMULA => {
                let (Some(row), Some(column)) = (u16_at(data, 0), u16_at(data, 2)) else {
                    continue;
                };
                let at = (u32::from(row), u32::from(column));
                if kind == biff::FORMULA {
                    formula_at = at;
                }
                Some([at, at])
            }
            biff::STRING => Some([formula_at, formula_at]),
            biff::MUL_RK => {
                let (Some(row), Some(first)) = (u16_at(data, 0), u16_at(data, 2)) else {
                    continue;
                };
                let Some(last) = data.len().checked_sub(2).and_then(|at| u16_at(data, at)) else {
                    continue;
                };
                let row = u32::from(row);
                Some([(row, u32::from(first)), (row, u32::from(last))])
            }
            _ => None,
        };
        for (row, column) in cells.into_iter().flatten() {
            let ((first_row, first_column), (last_row, last_column)) =
                span.unwrap_or(((row, column), (row, column)));
            let first = (first_row.min(row), first_column.min(column));
            let last = (last_row.max(row), last_column.max(column));
            span = Some((first, last));
            let rows = u64::from(last.0 - first.0) + 1;
            let columns = u64::from(last.1 - first.1) + 1;
            if rows * columns > limit {
                return Err(refuse(rows, columns, first, last));
            }
        }
    }
    Ok(span.map_or(0, |(first, last)| {
        (u64::from(last.0 - first.0) + 1) * (u64::from(last.1 - first.1) + 1)
    }))
}

/// The first and last cells of a `DIMENSIONS` record as calamine 0.32 reads them: BIFF8
/// rows as `u32` (14 bytes), BIFF5 as `u16` (10 bytes), the last row and column stored
/// one past; a first column past 255 or past the last is read as 0, and a last row or
/// column of 0 makes a single cell. Any other length: calamine refuses the file.
fn dimensions(data: &[u8]) -> Option<((u32, u32), (u32, u32))> {
    let (first_row, end_row, first_column, end_column) = match data.len() {
        10 => (
            u32::from(u16_at(data, 0)?),
            u32::from(u16_at(data, 2)?),
            u32::from(u16_at(data, 4)?),
            u32::from(u16_at(data, 6)?),
        ),
        14 => (
            u32_at(data, 0)?,
            u32_at(data, 4)?,
            u32::from(u16_at(data, 8)?),
            u32::from(u16_at(data, 10)?),
        ),
        _ => return None,
    };
    let first_column = if first_column > 0xFF || end_column < first_column {
        0
    } else {
        first_column
    };
    let first = (first_row, first_column);
    if end_row >= 1 && end_column >= 1 {
        Some((first, (end_row - 1, end_column - 1)))
    } else {
        Some((first, first))
    }
}

/// The value of attribute `key` of `element`, unescaped.
fn attribute(element: &BytesStart<'_>, key: &[u8], decoder: Decoder) -> Option<String> {
    let value = element.try_get_attribute(key).ok()??;
    Some(value.decode_and_unescape_value(decoder).ok()?.into_owned())
}

/// A repeat count (1 when absent); `None` when it does not read as a number.
fn repeats(element: &BytesStart<'_>, key: &[u8], decoder: Decoder) -> Option<u64> {
    match element.try_get_attribute(key) {
        Ok(None) => Some(1),
        Ok(Some(value)) => value.decode_and_unescape_value(decoder).ok()?.parse().ok(),
        Err(_) => None,
    }
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
        let error = crate::workbook::read(bytes, None).unwrap_err();
        assert!(
            matches!(
                &error,
                crate::ReadError::WorkbookTooLarge(WorkbookLimit::Sheet { last, .. })
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
        let error = crate::workbook::read(bomb, None).unwrap_err();
        assert!(
            matches!(
                &error,
                crate::ReadError::WorkbookTooLarge(WorkbookLimit::Part { part, .. })
                    if part == "xl/sharedStrings.xml"
            ),
            "{error:?}"
        );
    }

    /// An `.ods` file as calamine opens it (mimetype, manifest, content), whose sheets are
    /// `(name, rows)`, rows written as `content.xml` has them.
    fn ods(sheets: &[(&str, &str)]) -> Vec<u8> {
        use std::io::Write;
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let stored = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        let deflated = zip::write::SimpleFileOptions::default();
        zip.start_file("mimetype", stored).unwrap();
        zip.write_all(ODS_MIMETYPE).unwrap();
        zip.start_file("META-INF/manifest.xml", deflated).unwrap();
        zip.write_all(
            br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#,
        )
        .unwrap();
        zip.start_file("content.xml", deflated).unwrap();
        let tables: String = sheets
            .iter()
            .map(|(name, rows)| format!(r#"<table:table table:name="{name}">{rows}</table:table>"#))
            .collect();
        write!(
            zip,
            r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body></office:document-content>"#
        )
        .unwrap();
        zip.finish().unwrap().into_inner()
    }

    fn text_cell(text: &str) -> String {
        format!(
            r#"<table:table-cell office:value-type="string" calcext:value-type="string"><text:p>{text}</text:p></table:table-cell>"#
        )
    }

    /// A row of one number cell repeated `columns` times, the row repeated `rows` times.
    fn repeated_numbers(rows: u64, columns: u64) -> String {
        format!(
            r#"<table:table-row table:number-rows-repeated="{rows}"><table:table-cell table:number-columns-repeated="{columns}" office:value-type="float" office:value="1"/></table:table-row>"#
        )
    }

    /// What LibreOffice writes below and beside a table: empty cells to column AMJ, empty
    /// rows to the sheet's end.
    const LIBREOFFICE_TAIL: &str = r#"<table:table-row table:number-rows-repeated="1048574"><table:table-cell table:number-columns-repeated="1024"/></table:table-row><table:table-row><table:table-cell table:number-columns-repeated="1024"/></table:table-row>"#;

    fn too_large(bytes: Vec<u8>) -> WorkbookLimit {
        match crate::workbook::read(bytes, None) {
            Err(crate::ReadError::WorkbookTooLarge(limit)) => limit,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn an_ods_cell_repeated_two_million_by_a_thousand_is_refused_before_calamine_opens_it() {
        // Under a kilobyte; calamine 0.32 lays it out as 2 billion cells (64 GB) on opening
        // and the process aborts on the allocation.
        let rows = format!("<table:table-row>{}</table:table-row>", text_cell("name"))
            + &repeated_numbers(2_000_000, 1_000);
        let bytes = ods(&[("Leads", &rows)]);
        assert!(bytes.len() < 2_000, "{} bytes", bytes.len());
        assert_eq!(
            too_large(bytes),
            WorkbookLimit::Sheet {
                sheet: "Leads".into(),
                rows: 2_000_001,
                columns: 1_000,
                first: "A1".into(),
                last: "ALL2000001".into(),
                limit: MAX_CELLS,
            }
        );
    }

    #[test]
    fn an_ods_with_empty_rows_repeated_between_two_filled_ones_is_refused() {
        // calamine lays the empty rows between out too, each as wide as the widest row:
        // 200,002 rows by 1,000 columns.
        let wide = format!(
            r#"<table:table-row>{}<table:table-cell table:number-columns-repeated="998"/>{}</table:table-row>"#,
            text_cell("name"),
            text_cell("x")
        );
        let gap = r#"<table:table-row table:number-rows-repeated="200000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>"#;
        let rows = format!(
            "{wide}{gap}<table:table-row>{}</table:table-row>",
            text_cell("last")
        );
        let error = too_large(ods(&[("Leads", &rows)]));
        assert!(
            matches!(
                &error,
                WorkbookLimit::Sheet { rows: 200_002, columns: 1_000, last, .. } if last == "ALL200002"
            ),
            "{error:?}"
        );
    }

    #[test]
    fn ods_sheets_within_the_limit_each_but_not_together_are_refused() {
        // calamine holds every sheet of an `.ods` once it is opened.
        let sheet = repeated_numbers(15_000, 1_000);
        let error = too_large(ods(&[("One", &sheet), ("Two", &sheet)]));
        assert_eq!(error, WorkbookLimit::Sheets { limit: MAX_CELLS });
    }

    #[test]
    fn an_ods_as_libreoffice_writes_it_with_empty_rows_to_the_end_still_reads() {
        let header = format!(
            r#"<table:table-row>{}{}<table:table-cell table:number-columns-repeated="1022"/></table:table-row>"#,
            text_cell("full_name"),
            text_cell("phone")
        );
        let row = format!(
            r#"<table:table-row>{}<table:table-cell office:value-type="float" office:value="612345678"><text:p>612345678</text:p></table:table-cell><table:table-cell table:number-columns-repeated="1022"/></table:table-row>"#,
            text_cell("Amina")
        );
        let bytes = ods(&[("Leads", &format!("{header}{row}{LIBREOFFICE_TAIL}"))]);
        assert_eq!(check_ods(&bytes, Limits::default()), Ok(()));
        let sheet = crate::workbook::read(bytes, None).unwrap();
        assert_eq!(sheet.source.name, "Leads");
        assert_eq!(
            String::from_utf8(sheet.csv).unwrap(),
            "full_name,phone\nAmina,612345678\n"
        );
    }

    #[test]
    fn an_ods_scan_counts_what_calamine_keeps_and_nothing_else() {
        let limits = Limits {
            cells: 10,
            ..Limits::default()
        };
        let check = |rows: &str| check_ods(&ods(&[("Leads", rows)]), limits);
        let empty_wide = r#"<table:table-cell table:number-columns-repeated="1000"/>"#;
        // Empty cells repeated after the last filled one, a comment on an empty cell,
        // empty rows before the table: nothing is laid out for them.
        let commented = r#"<table:table-cell table:number-columns-repeated="50"><office:annotation><text:p>note</text:p></office:annotation></table:table-cell>"#;
        let fine = format!(
            r#"<table:table-row table:number-rows-repeated="5000">{empty_wide}</table:table-row><table:table-row>{}{empty_wide}{commented}</table:table-row>"#,
            text_cell("a")
        );
        assert_eq!(check(&fine), Ok(()));
        // A paragraph with text fills a cell, a formula too, with their repeats.
        let text = r#"<table:table-row><table:table-cell table:number-columns-repeated="11"><text:p>x</text:p></table:table-cell></table:table-row>"#;
        assert!(matches!(
            check(text),
            Err(WorkbookLimit::Sheet { columns: 11, .. })
        ));
        let formula = r#"<table:table-row table:number-rows-repeated="11"><table:table-cell table:formula="of:=1"/></table:table-row>"#;
        assert!(matches!(
            check(formula),
            Err(WorkbookLimit::Sheet { rows: 11, .. })
        ));
        // Rows are padded from column A: one cell after 1,000 empty ones is 1,001 wide.
        let far = format!(
            "<table:table-row>{empty_wide}{}</table:table-row>",
            text_cell("x")
        );
        assert!(matches!(
            check(&far),
            Err(WorkbookLimit::Sheet { columns: 1001, .. })
        ));
    }

    /// The corpus `.xls` (LibreOffice, BIFF8), its workbook stream handed to `patch` and
    /// written back in place with cfb.
    fn legacy_xls_patched(patch: impl FnOnce(&mut [u8])) -> Vec<u8> {
        use std::io::Write;
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/leads_legacy.xls");
        let bytes = std::fs::read(path).unwrap();
        let mut file = cfb::CompoundFile::open(Cursor::new(bytes)).unwrap();
        let mut stream = Vec::new();
        file.open_stream("Workbook")
            .unwrap()
            .read_to_end(&mut stream)
            .unwrap();
        patch(&mut stream);
        let mut writer = file.open_stream("Workbook").unwrap();
        writer.write_all(&stream).unwrap();
        writer.flush().unwrap();
        drop(writer);
        file.flush().unwrap();
        file.into_inner().into_inner()
    }

    /// Where each record of `stream` from `at` starts, with its type, up to the first EOF.
    fn records_from(stream: &[u8], at: usize) -> Vec<(usize, u16)> {
        let mut found = Vec::new();
        let mut at = at;
        while at + 4 <= stream.len() {
            let kind = u16::from_le_bytes([stream[at], stream[at + 1]]);
            let len = u16::from_le_bytes([stream[at + 2], stream[at + 3]]) as usize;
            found.push((at, kind));
            if kind == 0x000A {
                break;
            }
            at += 4 + len;
        }
        found
    }

    /// Where the first sheet's records start (its BoundSheet8 record's position).
    fn first_sheet(stream: &[u8]) -> usize {
        let (at, _) = records_from(stream, 0)
            .into_iter()
            .find(|(_, kind)| *kind == 0x0085)
            .unwrap();
        u32::from_le_bytes(stream[at + 4..at + 8].try_into().unwrap()) as usize
    }

    /// The corpus `.xls` with its first sheet's last value cell moved to `(row, column)`.
    fn legacy_xls_with_a_cell_at(row: u16, column: u16) -> Vec<u8> {
        legacy_xls_patched(|stream| {
            let (at, _) = records_from(stream, first_sheet(stream))
                .into_iter()
                .rev()
                .find(|(_, kind)| [0x0203, 0x027E, 0x00FD, 0x0204].contains(kind))
                .unwrap();
            stream[at + 4..at + 6].copy_from_slice(&row.to_le_bytes());
            stream[at + 6..at + 8].copy_from_slice(&column.to_le_bytes());
        })
    }

    #[test]
    fn an_xls_with_a_cell_at_65536_by_65536_is_refused_before_calamine_opens_it() {
        // 6.5 KB; calamine 0.32 lays its sheet out as 4.3 billion cells on opening.
        let bytes = legacy_xls_with_a_cell_at(u16::MAX, u16::MAX);
        let error = too_large(bytes);
        assert!(
            matches!(
                &error,
                WorkbookLimit::Sheet { rows: 65_536, columns: 65_536, first, .. } if first == "A1"
            ),
            "{error:?}"
        );
    }

    #[test]
    fn an_xls_whose_dimensions_say_four_billion_rows_is_refused() {
        // calamine reserves rows x columns cells on reading DIMENSIONS, before any cell.
        let bytes = legacy_xls_patched(|stream| {
            let (at, _) = records_from(stream, first_sheet(stream))
                .into_iter()
                .find(|(_, kind)| *kind == 0x0200)
                .unwrap();
            stream[at + 8..at + 12].copy_from_slice(&u32::MAX.to_le_bytes());
        });
        let error = too_large(bytes);
        assert!(
            matches!(
                &error,
                WorkbookLimit::Sheet {
                    rows: 4_294_967_295,
                    ..
                }
            ),
            "{error:?}"
        );
    }

    #[test]
    fn the_corpus_xls_is_measured_and_passes() {
        let bytes = legacy_xls_patched(|_| {});
        assert_eq!(check_xls(&bytes, Limits::default()), Ok(()));
        let limits = Limits {
            cells: 1,
            ..Limits::default()
        };
        assert!(matches!(
            check_xls(&bytes, limits),
            Err(XlsRefusal::TooLarge(WorkbookLimit::Sheet { .. }))
        ));
    }

    #[test]
    fn a_damaged_compound_file_is_refused_as_damaged() {
        let mut bytes = CFB_SIGNATURE.to_vec();
        bytes.resize(600, 0xFF);
        assert!(matches!(
            check_xls(&bytes, Limits::default()),
            Err(XlsRefusal::Unreadable(_))
        ));
    }

    fn record(kind: u16, data: &[u8]) -> Vec<u8> {
        let mut record = kind.to_le_bytes().to_vec();
        record.extend_from_slice(&(data.len() as u16).to_le_bytes());
        record.extend_from_slice(data);
        record
    }

    /// A cell record's data: row, column, then `rest`.
    fn at(row: u16, column: u16, rest: &[u8]) -> Vec<u8> {
        let mut data = row.to_le_bytes().to_vec();
        data.extend_from_slice(&column.to_le_bytes());
        data.extend_from_slice(rest);
        data
    }

    /// A BIFF8 workbook stream of the sheets `(name, records)`, each listed by a
    /// BoundSheet8 record in the globals; `listed` more times for the first one.
    fn biff_stream(sheets: &[(&str, Vec<u8>)], listed: usize) -> Vec<u8> {
        let bof = record(0x0809, &[0x00, 0x06, 0x05, 0x00, 0, 0, 0, 0]);
        let bound = |position: u32, name: &str| {
            let mut data = position.to_le_bytes().to_vec();
            data.extend_from_slice(&[0, 0, name.len() as u8, 0]);
            data.extend_from_slice(name.as_bytes());
            record(0x0085, &data)
        };
        let globals_len = |positions: &[u32]| {
            let mut globals = bof.clone();
            for (index, (name, _)) in sheets.iter().enumerate() {
                globals.extend(bound(positions[index], name));
            }
            for _ in 0..listed {
                globals.extend(bound(positions[0], "again"));
            }
            globals.extend(record(0x000A, &[]));
            globals
        };
        let mut positions = vec![0; sheets.len()];
        let mut at = globals_len(&positions).len() as u32;
        for (index, (_, records)) in sheets.iter().enumerate() {
            positions[index] = at;
            at += (bof.len() + records.len() + 4) as u32;
        }
        let mut stream = globals_len(&positions);
        for (_, records) in sheets {
            stream.extend(&bof);
            stream.extend(records);
            stream.extend(record(0x000A, &[]));
        }
        stream
    }

    fn small(cells: u64) -> Limits {
        Limits {
            cells,
            ..Limits::default()
        }
    }

    #[test]
    fn xls_records_are_measured_as_calamine_lays_them_out() {
        let number = |row, column| record(0x0203, &at(row, column, &[0; 10]));
        let measure = |records: Vec<u8>, cells| {
            measure_biff(&biff_stream(&[("S", records)], 0), small(cells))
        };
        // 3 rows by 4 columns, from B2.
        let cells = [number(1, 1), number(3, 4)].concat();
        assert_eq!(measure(cells.clone(), 12), Ok(()));
        assert_eq!(
            measure(cells, 11),
            Err(WorkbookLimit::Sheet {
                sheet: "S".into(),
                rows: 3,
                columns: 4,
                first: "B2".into(),
                last: "E4".into(),
                limit: 11,
            })
        );
        // Blank cells are passed over, as calamine passes over them.
        let blanks = [
            number(0, 0),
            record(0x0201, &at(9_000, 200, &[0, 0])),
            record(0x00BE, &at(9_000, 0, &[0, 0, 0, 0, 200, 0])),
        ]
        .concat();
        assert_eq!(measure(blanks, 1), Ok(()));
        // A MULRK runs from its first column to the u16 before its end.
        let mul_rk = record(
            0x00BD,
            &at(
                0,
                0,
                &[0; 6 * 10]
                    .iter()
                    .chain(&[9, 0])
                    .copied()
                    .collect::<Vec<_>>(),
            ),
        );
        assert!(matches!(
            measure(mul_rk, 9),
            Err(WorkbookLimit::Sheet { columns: 10, .. })
        ));
        // A STRING is the value of the FORMULA before it, or of A1 with none before.
        let string = [number(5, 5), record(0x0207, &[0, 0, 0])].concat();
        assert!(matches!(
            measure(string, 35),
            Err(WorkbookLimit::Sheet {
                rows: 6,
                columns: 6,
                ..
            })
        ));
        // DIMENSIONS as calamine sizes its reservation: rows 10..20 (one past), columns 0..300.
        let mut dimensions = 10u32.to_le_bytes().to_vec();
        dimensions.extend_from_slice(&20u32.to_le_bytes());
        dimensions.extend_from_slice(&[0, 0, 0x2C, 0x01, 0, 0]);
        let dimensions = record(0x0200, &dimensions);
        assert_eq!(measure(dimensions.clone(), 3_000), Ok(()));
        assert!(matches!(
            measure(dimensions, 2_999),
            Err(WorkbookLimit::Sheet {
                rows: 10,
                columns: 300,
                ..
            })
        ));
        // A last row before the first wraps in calamine's arithmetic: billions of rows.
        let mut backwards = 10u32.to_le_bytes().to_vec();
        backwards.extend_from_slice(&5u32.to_le_bytes());
        backwards.extend_from_slice(&[0, 0, 1, 0, 0, 0]);
        assert!(matches!(
            measure(record(0x0200, &backwards), MAX_CELLS),
            Err(WorkbookLimit::Sheet {
                rows: 4_294_967_291,
                ..
            })
        ));
        // An encrypted workbook is left for calamine to refuse.
        let stream = [
            record(0x002F, &[1, 0]),
            biff_stream(&[("S", number(9_000, 9_000))], 0),
        ]
        .concat();
        assert_eq!(measure_biff(&stream, small(1)), Ok(()));
    }

    #[test]
    fn xls_sheets_are_measured_together_and_each_listing_counts() {
        let sheet = |row| {
            [
                record(0x027E, &at(0, 0, &[0; 6])),
                record(0x027E, &at(row, 9, &[0; 6])),
            ]
            .concat()
        };
        let two = biff_stream(&[("A", sheet(59)), ("B", sheet(59))], 0);
        assert_eq!(measure_biff(&two, small(1_200)), Ok(()));
        assert_eq!(
            measure_biff(&two, small(1_199)),
            Err(WorkbookLimit::Sheets { limit: 1_199 })
        );
        // calamine lays a sheet out once for each BoundSheet8 record that points at it.
        let listed_twice = biff_stream(&[("A", sheet(59))], 1);
        assert_eq!(
            measure_biff(&listed_twice, small(1_199)),
            Err(WorkbookLimit::Sheets { limit: 1_199 })
        );
    }

    proptest::proptest! {
        #[test]
        fn no_bytes_make_the_xls_scan_panic(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..512)) {
            let _ = measure_biff(&bytes, small(100));
            let mut stream = biff_stream(&[("S", Vec::new())], 0);
            stream.extend(&bytes);
            let _ = measure_biff(&stream, small(100));
        }

        #[test]
        fn no_damage_to_an_xls_file_makes_its_check_panic(
            changes in proptest::collection::vec((0usize..6_656, proptest::num::u8::ANY), 1..16),
            cut in 512usize..6_656,
        ) {
            let mut bytes = legacy_xls_patched(|_| {});
            for (at, value) in changes {
                if let Some(byte) = bytes.get_mut(at) {
                    *byte = value;
                }
            }
            let _ = check_xls(&bytes, small(100));
            bytes.truncate(cut);
            let _ = check_xls(&bytes, small(100));
        }
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
