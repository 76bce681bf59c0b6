//! Workbooks written for Excel (`.xlsx`, rust_xlsxwriter): the corrected file, and the
//! error report a merchant opens to see every bad cell of the file in place.
//!
//! Cells are written as what they are: phones, references and every other text as text (no
//! lost zero, no `2,12613E+11`, and a cell that looks like a formula stays text), amounts as
//! numbers with two decimals, quantities as whole numbers. In the report an error cell is
//! filled red and a warning amber, each with its messages as the cell's note; a first sheet
//! sums the problems up; the header is frozen and filtered.

use std::path::Path;

use rust_xlsxwriter::{Color, Format, Note, Workbook, Worksheet, XlsxError};

use super::issue::Severity;
use super::mapping::ColumnRole;
use super::sheet::Sheet;
use super::target::{Field, ProductPart, Target};
use super::values::{parse_amount, parse_whole_number};

/// The fills of the report: Excel's own "bad" and "neutral" styles.
const ERROR_FILL: u32 = 0xFFC7CE;
const WARNING_FILL: u32 = 0xFFEB9C;

/// What the workbook holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorkbookContent {
    /// The file's rows as they are now, ready to upload.
    Corrected,
    /// The problems, then the rows with every bad cell marked and explained.
    Report,
}

/// How a column's cells are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CellKind {
    Text,
    Amount,
    Whole,
}

fn cell_kind(role: ColumnRole) -> CellKind {
    match role {
        ColumnRole::Target(Target::Product {
            part: ProductPart::UnitPrice | ProductPart::LineTotal,
            ..
        })
        | ColumnRole::Target(Target::Field(Field::OrderTotal)) => CellKind::Amount,
        ColumnRole::Target(Target::Product {
            part: ProductPart::Quantity,
            ..
        })
        | ColumnRole::Target(Target::Field(Field::ShipmentWay)) => CellKind::Whole,
        _ => CellKind::Text,
    }
}

/// Writes `sheet` as `content` to `path`.
pub fn write_workbook(sheet: &Sheet, content: WorkbookContent, path: &Path) -> Result<(), String> {
    let mut workbook = Workbook::new();
    build(&mut workbook, sheet, content).map_err(|error| error.to_string())?;
    workbook
        .save(path)
        .map_err(|error| format!("{}: {error}", path.display()))
}

fn build(
    workbook: &mut Workbook,
    sheet: &Sheet,
    content: WorkbookContent,
) -> Result<(), XlsxError> {
    if content == WorkbookContent::Report {
        summary(workbook.add_worksheet().set_name("Problems")?, sheet)?;
    }
    let rows = workbook.add_worksheet().set_name("Rows")?;
    write_rows(rows, sheet, content == WorkbookContent::Report)
}

/// One line per kind of problem: how many, an example, where it first appears.
fn summary(worksheet: &mut Worksheet, sheet: &Sheet) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    for (column, title) in ["Severity", "Code", "Count", "Example", "First line"]
        .into_iter()
        .enumerate()
    {
        worksheet.write_string_with_format(0, column as u16, title, &bold)?;
    }
    for (index, line) in sheet.summary().iter().enumerate() {
        let row = index as u32 + 1;
        worksheet.write_string(row, 0, line.severity.as_str())?;
        worksheet.write_string(row, 1, line.code.as_str())?;
        worksheet.write_number(row, 2, line.count as f64)?;
        worksheet.write_string(row, 3, line.wording.message())?;
        worksheet.write_number(row, 4, line.first_line as f64)?;
    }
    worksheet.set_column_width(3, 80)?;
    worksheet.set_freeze_panes(1, 0)?;
    Ok(())
}

/// The rows, typed per column; in a report, a first column with the file line, and the bad
/// cells filled and noted.
fn write_rows(worksheet: &mut Worksheet, sheet: &Sheet, report: bool) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    let offset = u16::from(report);
    if report {
        worksheet.write_string_with_format(0, 0, "Line", &bold)?;
    }
    for (column, name) in sheet.header.names.iter().enumerate() {
        worksheet.write_string_with_format(0, column as u16 + offset, name, &bold)?;
    }
    let kinds: Vec<CellKind> = (0..sheet.column_count())
        .map(|column| cell_kind(sheet.mapping.role(column)))
        .collect();
    for row in 0..sheet.row_count() {
        let out_row = row as u32 + 1;
        if report {
            worksheet.write_number(out_row, 0, sheet.line(row) as f64)?;
            mark_row_issues(worksheet, sheet, row, out_row)?;
        }
        for (column, kind) in kinds.iter().enumerate() {
            let (fill, note) = if report {
                marking(sheet, row, column)
            } else {
                (None, None)
            };
            let out_column = column as u16 + offset;
            write_cell(
                worksheet,
                out_row,
                out_column,
                sheet.cell(row, column),
                *kind,
                fill,
            )?;
            if let Some(note) = note {
                worksheet.insert_note(
                    out_row,
                    out_column,
                    &Note::new(note).add_author_prefix(false),
                )?;
            }
        }
    }
    let last_column = (sheet.column_count() as u16 + offset).saturating_sub(1);
    worksheet.autofilter(0, 0, sheet.row_count() as u32, last_column)?;
    worksheet.set_freeze_panes(1, 0)?;
    Ok(())
}

/// Problems of a whole row (a missing product, a duplicate) on its line number.
fn mark_row_issues(
    worksheet: &mut Worksheet,
    sheet: &Sheet,
    row: usize,
    out_row: u32,
) -> Result<(), XlsxError> {
    let line = sheet.line(row);
    let issues: Vec<_> = sheet
        .cell_issues(row, 0)
        .filter(|issue| issue.line == line && issue.column_index.is_none())
        .collect();
    if issues.is_empty() {
        return Ok(());
    }
    let worst = issues.iter().any(|issue| issue.severity == Severity::Error);
    let fill = Format::new().set_background_color(Color::RGB(fill_of(worst)));
    worksheet.write_number_with_format(out_row, 0, line as f64, &fill)?;
    let text: Vec<String> = issues.iter().map(|issue| issue.message()).collect();
    worksheet.insert_note(
        out_row,
        0,
        &Note::new(text.join("\n")).add_author_prefix(false),
    )?;
    Ok(())
}

fn fill_of(error: bool) -> u32 {
    if error { ERROR_FILL } else { WARNING_FILL }
}

/// The fill and the note of a cell with problems of its own.
fn marking(sheet: &Sheet, row: usize, column: usize) -> (Option<u32>, Option<String>) {
    let issues: Vec<_> = sheet
        .cell_issues(row, column)
        .filter(|issue| issue.column_index == Some(column))
        .collect();
    if issues.is_empty() {
        return (None, None);
    }
    let error = issues.iter().any(|issue| issue.severity == Severity::Error);
    let note = issues
        .iter()
        .map(|issue| format!("{} {}", issue.message(), issue.fix()))
        .collect::<Vec<_>>()
        .join("\n");
    (Some(fill_of(error)), Some(note))
}

fn write_cell(
    worksheet: &mut Worksheet,
    row: u32,
    column: u16,
    value: &str,
    kind: CellKind,
    fill: Option<u32>,
) -> Result<(), XlsxError> {
    let mut format = Format::new();
    if let Some(fill) = fill {
        format = format.set_background_color(Color::RGB(fill));
    }
    let number = match kind {
        CellKind::Amount => parse_amount(value).map(|amount| (amount, "0.00")),
        CellKind::Whole => parse_whole_number(value).map(|whole| (whole as f64, "0")),
        CellKind::Text => None,
    };
    match number {
        Some((number, shape)) => worksheet.write_number_with_format(
            row,
            column,
            number,
            &format.set_num_format(shape),
        )?,
        // Text stays text: a phone keeps its zero, `=1+1` is not a formula.
        None if value.is_empty() && fill.is_none() => worksheet,
        None => worksheet.write_string_with_format(row, column, value, &format)?,
    };
    Ok(())
}
