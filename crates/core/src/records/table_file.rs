//! The file an exported table becomes: `.xlsx` for Excel (phones and references as text,
//! totals as numbers with two decimals, times as real date-times, the header frozen and
//! filtered) or `.csv` (UTF-8 with a BOM so Excel reads accents and Arabic, formula-looking
//! text neutralised). The file appears whole or not at all: it is written beside its
//! destination and renamed into place, so a cancelled or failed export leaves nothing
//! half-written and never damages a file already there.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDateTime, Timelike};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use crate::api::ResourceName;
use wedocod_import::neutralize_formula;

use super::summary::{Moment, RecordSummary};

/// The columns of an exported table, in order, with their widths in Excel.
pub const COLUMNS: [(&str, f64); 11] = [
    ("Reference", 14.0),
    ("Customer", 24.0),
    ("Phone", 16.0),
    ("City", 14.0),
    ("Area", 14.0),
    ("Address", 30.0),
    ("Products", 30.0),
    ("Total", 10.0),
    ("Status", 12.0),
    ("Created", 17.0),
    ("Updated", 17.0),
];

/// The two formats, chosen by the file's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableFormat {
    Xlsx,
    Csv,
}

impl TableFormat {
    /// `.xlsx` or `.csv` (any case); anything else is a sentence for the merchant.
    pub fn of_path(path: &Path) -> Result<TableFormat, String> {
        let extension = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match extension.as_deref() {
            Some("xlsx") => Ok(TableFormat::Xlsx),
            Some("csv") => Ok(TableFormat::Csv),
            _ => Err(format!(
                "{}: name the file .xlsx (Excel) or .csv",
                path.display()
            )),
        }
    }
}

/// One cell of an exported sheet, written as what it is.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Kept as text in Excel too (phones and references keep their zeros).
    Text(String),
    /// A number with two decimals.
    Money(Option<f64>),
    /// A real date-time in Excel; as sent when it could not be read.
    Moment(Option<Moment>),
}

/// A sheet to export: its name in the workbook, its columns (title and width in Excel's
/// characters) and its rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet<'a> {
    pub name: &'a str,
    pub columns: &'a [(&'a str, f64)],
    pub rows: Vec<Vec<Cell>>,
}

/// Writes `rows` to `path`, in the format its extension names. An existing file is
/// replaced only when `overwrite`; otherwise it is an `AlreadyExists` error.
pub fn write_table(
    rows: &[RecordSummary],
    kind: ResourceName,
    path: &Path,
    overwrite: bool,
) -> io::Result<()> {
    let sheet = Sheet {
        name: match kind {
            ResourceName::Leads => "Leads",
            ResourceName::Orders => "Orders",
        },
        columns: &COLUMNS,
        rows: rows.iter().map(record_cells).collect(),
    };
    write_sheet_file(&sheet, path, overwrite)
}

fn record_cells(row: &RecordSummary) -> Vec<Cell> {
    let text = |value: &String| Cell::Text(value.clone());
    vec![
        text(&row.reference),
        text(&row.customer),
        text(&row.phone),
        text(&row.city),
        text(&row.area),
        text(&row.address),
        text(&row.products),
        Cell::Money(row.total),
        text(&row.status),
        Cell::Moment(row.created.clone()),
        Cell::Moment(row.updated.clone()),
    ]
}

/// Writes `sheet` to `path`, in the format its extension names, whole or not at all. An
/// existing file is replaced only when `overwrite`; otherwise it is an `AlreadyExists`
/// error.
pub fn write_sheet_file(sheet: &Sheet<'_>, path: &Path, overwrite: bool) -> io::Result<()> {
    let format = TableFormat::of_path(path).map_err(io::Error::other)?;
    let bytes = match format {
        TableFormat::Xlsx => xlsx_bytes(sheet).map_err(io::Error::other)?,
        TableFormat::Csv => csv_bytes(sheet)?,
    };
    let directory = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut staged = tempfile::Builder::new()
        .prefix(".wedocod-export-")
        .tempfile_in(&directory)?;
    staged.write_all(&bytes)?;
    staged.as_file().sync_all()?;
    let placed = if overwrite {
        staged.persist(path)
    } else {
        staged.persist_noclobber(path)
    };
    placed.map(drop).map_err(|failed| failed.error)
}

/// A cell as a CSV field.
fn cell_text(cell: &Cell) -> String {
    match cell {
        Cell::Text(text) => text.clone(),
        Cell::Money(amount) => amount.map(|a| format!("{a:.2}")).unwrap_or_default(),
        Cell::Moment(moment) => moment.as_ref().map(Moment::to_string).unwrap_or_default(),
    }
}

fn csv_bytes(sheet: &Sheet<'_>) -> io::Result<Vec<u8>> {
    let mut writer = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    writer.write_record(sheet.columns.iter().map(|(title, _)| *title))?;
    for row in &sheet.rows {
        writer.write_record(
            row.iter()
                .map(|cell| neutralize_formula(&cell_text(cell)).into_owned()),
        )?;
    }
    writer.into_inner().map_err(|error| error.into_error())
}

fn xlsx_bytes(sheet: &Sheet<'_>) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let worksheet = workbook.add_worksheet().set_name(sheet.name)?;
    write_sheet(worksheet, sheet)?;
    workbook.save_to_buffer()
}

fn write_sheet(worksheet: &mut Worksheet, sheet: &Sheet<'_>) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    let money = Format::new().set_num_format("0.00");
    let when = Format::new().set_num_format("yyyy-mm-dd hh:mm");
    for (column, (title, width)) in sheet.columns.iter().enumerate() {
        worksheet.write_string_with_format(0, column as u16, *title, &bold)?;
        worksheet.set_column_width(column as u16, *width)?;
    }
    for (index, row) in sheet.rows.iter().enumerate() {
        let line = index as u32 + 1;
        for (column, cell) in row.iter().enumerate() {
            let column = column as u16;
            match cell {
                Cell::Text(text) => {
                    worksheet.write_string(line, column, text)?;
                }
                Cell::Money(Some(amount)) => {
                    worksheet.write_number_with_format(line, column, *amount, &money)?;
                }
                Cell::Moment(Some(Moment::Local(time))) => match excel_time(time) {
                    Some(cell) => {
                        worksheet.write_datetime_with_format(line, column, &cell, &when)?;
                    }
                    None => {
                        worksheet.write_string(line, column, time.to_string())?;
                    }
                },
                Cell::Moment(Some(Moment::AsSent(text))) => {
                    worksheet.write_string(line, column, text)?;
                }
                Cell::Money(None) | Cell::Moment(None) => {}
            }
        }
    }
    worksheet.set_freeze_panes(1, 0)?;
    let last_column = (sheet.columns.len() as u16).saturating_sub(1);
    worksheet.autofilter(0, 0, sheet.rows.len() as u32, last_column)?;
    Ok(())
}

/// The date-time as Excel stores it; `None` outside the years Excel can show.
fn excel_time(time: &NaiveDateTime) -> Option<ExcelDateTime> {
    let year = u16::try_from(time.year())
        .ok()
        .filter(|y| (1900..=9999).contains(y))?;
    ExcelDateTime::from_ymd(year, time.month() as u8, time.day() as u8)
        .and_then(|date| date.and_hms(time.hour() as u16, time.minute() as u8, time.second()))
        .ok()
}
