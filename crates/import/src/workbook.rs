//! Excel and LibreOffice workbooks (`.xlsx`, `.xlsm`, `.xls`, `.ods`) read as they are,
//! through calamine: one sheet becomes the same UTF-8 table a CSV file becomes, so every
//! check, the grid and the upload treat it alike. Cells are written as a merchant means
//! them: a phone Excel stored as a number loses its fraction (`612345678`, and the checker's
//! "lost its leading 0" rule applies), a quantity `2.0` is `2`, an amount keeps its cents,
//! dates read as `2026-11-28` or `2026-11-28 14:05:00`, booleans as `true`/`false`.
//!
//! Line numbers stay the sheet's row numbers (row 7 is line 7), so an issue names the
//! cell the merchant sees (`B7`) even when the data does not start at A1.

use std::io::{Cursor, Read, Seek};

use calamine::{Data, Reader, Sheets, XlsxError, open_workbook_auto_from_rs};

use super::cell_name::column_letters;
use super::error::ReadError;
use super::workbook_limits::{self, BoundedCells, Limits, XlsRefusal};

/// Where a table read from a workbook comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkbookSource {
    /// The sheet read.
    pub name: String,
    /// Every sheet of the workbook, in order (for a sheet picker).
    pub sheet_names: Vec<String>,
    /// The sheet column of the table's first column (0 for A): the data may start at C.
    pub first_column: u32,
}

/// A sheet of a workbook, as a table.
#[derive(Debug, Clone, PartialEq)]
pub struct WorkbookSheet {
    pub source: WorkbookSource,
    /// The sheet as CSV (`,`, UTF-8), one line per sheet row from row 1.
    pub csv: Vec<u8>,
}

impl WorkbookSource {
    /// `B7`: the name the merchant sees for a table column and a file line.
    pub fn cell_name(&self, column: usize, line: u64) -> String {
        format!(
            "{}{line}",
            column_letters(self.first_column + column as u32)
        )
    }
}

/// Whether `bytes` start like a workbook (a ZIP container: `.xlsx`, `.xlsm`, `.ods`; or an
/// OLE compound file: `.xls`).
pub fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"\xD0\xCF\x11\xE0")
}

/// Reads sheet `choice` of the workbook in `bytes`: a name, a 1-based number, or (`None`)
/// the first sheet that holds a table (`default_sheet`). The workbook's sizes are
/// checked first, and a sheet's as its cells are read (`workbook_limits`): a workbook
/// past them is a [`ReadError::WorkbookTooLarge`], never an allocation that aborts.
pub fn read(bytes: Vec<u8>, choice: Option<&str>) -> Result<WorkbookSheet, ReadError> {
    let limits = Limits::default();
    workbook_limits::check_archive(&bytes, limits).map_err(ReadError::WorkbookTooLarge)?;
    workbook_limits::check_ods(&bytes, limits).map_err(ReadError::WorkbookTooLarge)?;
    workbook_limits::check_xls(&bytes, limits).map_err(|refusal| match refusal {
        XlsRefusal::TooLarge(limit) => ReadError::WorkbookTooLarge(limit),
        XlsRefusal::Unreadable(reason) => ReadError::Workbook {
            reason: format!("its compound file is damaged: {reason}"),
        },
    })?;
    let mut workbook = open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(unreadable)?;
    let sheet_names = workbook.sheet_names();
    let (name, cells) = match choice.map(str::trim) {
        Some(choice) => {
            let name = pick(&sheet_names, choice)?;
            let cells = sheet_cells(&mut workbook, &name, limits)?;
            (name, cells)
        }
        None => default_sheet(&mut workbook, &sheet_names, limits)?,
    };
    let Some((first_row, first_column)) = cells.start() else {
        return Err(ReadError::Workbook {
            reason: format!("the sheet \"{name}\" is empty"),
        });
    };
    let mut csv = Vec::new();
    // The rows above the data, so line numbers are the sheet's row numbers.
    csv.extend(std::iter::repeat_n(b'\n', first_row as usize));
    let mut writer = csv::WriterBuilder::new().flexible(true).from_writer(csv);
    for row in cells.into_rows() {
        let cells: Vec<String> = row.iter().map(cell_text).collect();
        let cells = trim_empty_tail(&cells);
        if cells.is_empty() {
            writer.write_record(None::<&[u8]>).map_err(unreadable)?;
        } else {
            writer.write_record(cells).map_err(unreadable)?;
        }
    }
    let csv = writer.into_inner().map_err(unreadable)?;
    Ok(WorkbookSheet {
        source: WorkbookSource {
            name,
            sheet_names,
            first_column,
        },
        csv,
    })
}

/// The sheet read when none is named: the first that holds a table (two filled rows or
/// more: a header and a row), so a notes or cover sheet before the data is passed over;
/// else the first that holds anything (its emptiness is then reported as for a CSV).
fn default_sheet<RS: Read + Seek>(
    workbook: &mut Sheets<RS>,
    names: &[String],
    limits: Limits,
) -> Result<(String, BoundedCells), ReadError> {
    let mut first_filled = None;
    for name in names {
        let cells = sheet_cells(workbook, name, limits)?;
        match cells.filled_rows(2) {
            2 => return Ok((name.clone(), cells)),
            1 if first_filled.is_none() => first_filled = Some((name.clone(), cells)),
            _ => {}
        }
    }
    first_filled.ok_or_else(|| ReadError::Workbook {
        reason: "every sheet of the workbook is empty".to_string(),
    })
}

/// The filled cells of sheet `name`, refused as soon as they span more than the limit.
/// `.xlsx` and `.xlsb` sheets are read cell by cell from the file, so nothing larger is
/// ever laid out; `.xls` and `.ods` sheets were laid out by calamine when it opened the
/// file and are only measured here (their sizes were measured before it was opened,
/// [`workbook_limits::check_ods`] and [`workbook_limits::check_xls`]).
fn sheet_cells<RS: Read + Seek>(
    workbook: &mut Sheets<RS>,
    name: &str,
    limits: Limits,
) -> Result<BoundedCells, ReadError> {
    let mut cells = BoundedCells::new(name, limits);
    let too_large = ReadError::WorkbookTooLarge;
    match workbook {
        Sheets::Xlsx(xlsx) => {
            let mut reader = match xlsx.worksheet_cells_reader(name) {
                Ok(reader) => reader,
                // A chart sheet: no cells (calamine reads it as an empty range).
                Err(XlsxError::NotAWorksheet(_)) => return Ok(cells),
                Err(error) => return Err(unreadable(error)),
            };
            while let Some(cell) = reader.next_cell().map_err(unreadable)? {
                let value = Data::from(cell.get_value().clone());
                cells.push(cell.get_position(), value).map_err(too_large)?;
            }
        }
        Sheets::Xlsb(xlsb) => {
            let mut reader = xlsb.worksheet_cells_reader(name).map_err(unreadable)?;
            while let Some(cell) = reader.next_cell().map_err(unreadable)? {
                let value = Data::from(cell.get_value().clone());
                cells.push(cell.get_position(), value).map_err(too_large)?;
            }
        }
        Sheets::Xls(_) | Sheets::Ods(_) => {
            let range = workbook.worksheet_range(name).map_err(unreadable)?;
            let (first_row, first_column) = range.start().unwrap_or_default();
            for (row, column, value) in range.used_cells() {
                let at = (first_row + row as u32, first_column + column as u32);
                cells.push(at, value.clone()).map_err(too_large)?;
            }
        }
    }
    Ok(cells)
}

/// Any failure of reading the workbook or laying its sheet out as a table.
fn unreadable(error: impl std::fmt::Display) -> ReadError {
    ReadError::Workbook {
        reason: error.to_string(),
    }
}

/// The sheet a `--sheet` value names: its name (any case), or its number from 1.
fn pick(names: &[String], choice: &str) -> Result<String, ReadError> {
    let by_name = names
        .iter()
        .find(|name| name.trim().eq_ignore_ascii_case(choice));
    let by_number = choice
        .parse::<usize>()
        .ok()
        .and_then(|number| number.checked_sub(1))
        .and_then(|index| names.get(index));
    by_name
        .or(by_number)
        .cloned()
        .ok_or_else(|| ReadError::Workbook {
            reason: format!(
                "no sheet \"{choice}\": the workbook has {}",
                names
                    .iter()
                    .enumerate()
                    .map(|(index, name)| format!("{} \"{name}\"", index + 1))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        })
}

/// A row without its empty cells at the end (Excel's formatted-but-empty columns).
fn trim_empty_tail(cells: &[String]) -> &[String] {
    let kept = cells
        .iter()
        .rposition(|cell| !cell.is_empty())
        .map_or(0, |last| last + 1);
    &cells[..kept]
}

/// A cell as the text a merchant means by it.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(text) | Data::DateTimeIso(text) | Data::DurationIso(text) => text.clone(),
        Data::Int(number) => number.to_string(),
        Data::Float(number) => number_text(*number),
        Data::Bool(value) => value.to_string(),
        Data::DateTime(date) => {
            let (year, month, day, hour, minute, second, _) = date.to_ymd_hms_milli();
            if (hour, minute, second) == (0, 0, 0) {
                format!("{year:04}-{month:02}-{day:02}")
            } else {
                format!("{year:04}-{month:02}-{day:02} {hour:02}:{minute:02}:{second:02}")
            }
        }
        Data::Error(error) => format!("#{error:?}"),
    }
}

/// `612345678` for a whole number stored as a float, the shortest exact decimal otherwise
/// (`149.5`, `12.99`).
fn number_text(number: f64) -> String {
    if number.fract() == 0.0 && number.abs() < 1e15 {
        format!("{}", number as i64)
    } else {
        format!("{number}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_a_merchant_wrote_them() {
        assert_eq!(cell_text(&Data::Float(612345678.0)), "612345678");
        assert_eq!(cell_text(&Data::Float(2.0)), "2");
        assert_eq!(cell_text(&Data::Float(149.5)), "149.5");
        assert_eq!(cell_text(&Data::Float(12.99)), "12.99");
        assert_eq!(cell_text(&Data::Int(3)), "3");
        assert_eq!(cell_text(&Data::Bool(true)), "true");
    }

    #[test]
    fn garbage_is_an_unreadable_workbook_not_a_panic() {
        let error = read(b"PK\x03\x04 not really a zip".to_vec(), None).unwrap_err();
        assert!(matches!(error, ReadError::Workbook { .. }), "{error:?}");
    }
}
