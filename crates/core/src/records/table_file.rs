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

/// The columns of an exported table, in order.
pub const COLUMNS: [&str; 11] = [
    "Reference",
    "Customer",
    "Phone",
    "City",
    "Area",
    "Address",
    "Products",
    "Total",
    "Status",
    "Created",
    "Updated",
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

/// Writes `rows` to `path`, in the format its extension names. An existing file is
/// replaced only when `overwrite`; otherwise it is an `AlreadyExists` error.
pub fn write_table(
    rows: &[RecordSummary],
    kind: ResourceName,
    path: &Path,
    overwrite: bool,
) -> io::Result<()> {
    let format = TableFormat::of_path(path).map_err(io::Error::other)?;
    let bytes = match format {
        TableFormat::Xlsx => xlsx_bytes(rows, kind).map_err(io::Error::other)?,
        TableFormat::Csv => csv_bytes(rows)?,
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

fn total_text(total: Option<f64>) -> String {
    total.map(|t| format!("{t:.2}")).unwrap_or_default()
}

fn moment_text(moment: &Option<Moment>) -> String {
    moment.as_ref().map(Moment::to_string).unwrap_or_default()
}

fn csv_bytes(rows: &[RecordSummary]) -> io::Result<Vec<u8>> {
    let mut writer = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    writer.write_record(COLUMNS)?;
    for row in rows {
        let texts = [
            row.reference.clone(),
            row.customer.clone(),
            row.phone.clone(),
            row.city.clone(),
            row.area.clone(),
            row.address.clone(),
            row.products.clone(),
            total_text(row.total),
            row.status.clone(),
            moment_text(&row.created),
            moment_text(&row.updated),
        ];
        writer.write_record(
            texts
                .iter()
                .map(|cell| neutralize_formula(cell).into_owned()),
        )?;
    }
    writer.into_inner().map_err(|error| error.into_error())
}

fn xlsx_bytes(rows: &[RecordSummary], kind: ResourceName) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet().set_name(match kind {
        ResourceName::Leads => "Leads",
        ResourceName::Orders => "Orders",
    })?;
    write_sheet(sheet, rows)?;
    workbook.save_to_buffer()
}

fn write_sheet(sheet: &mut Worksheet, rows: &[RecordSummary]) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    let money = Format::new().set_num_format("0.00");
    let when = Format::new().set_num_format("yyyy-mm-dd hh:mm");
    for (column, title) in COLUMNS.iter().enumerate() {
        sheet.write_string_with_format(0, column as u16, *title, &bold)?;
    }
    for (index, row) in rows.iter().enumerate() {
        let line = index as u32 + 1;
        let texts = [
            &row.reference,
            &row.customer,
            &row.phone,
            &row.city,
            &row.area,
            &row.address,
            &row.products,
        ];
        for (column, text) in texts.into_iter().enumerate() {
            sheet.write_string(line, column as u16, text)?;
        }
        if let Some(total) = row.total {
            sheet.write_number_with_format(line, 7, total, &money)?;
        }
        sheet.write_string(line, 8, &row.status)?;
        for (column, moment) in [(9, &row.created), (10, &row.updated)] {
            match moment {
                Some(Moment::Local(time)) => match excel_time(time) {
                    Some(cell) => {
                        sheet.write_datetime_with_format(line, column, &cell, &when)?;
                    }
                    None => {
                        sheet.write_string(line, column, time.to_string())?;
                    }
                },
                Some(Moment::AsSent(text)) => {
                    sheet.write_string(line, column, text)?;
                }
                None => {}
            }
        }
    }
    for (column, width) in [14, 24, 16, 14, 14, 30, 30, 10, 12, 17, 17]
        .into_iter()
        .enumerate()
    {
        sheet.set_column_width(column as u16, width)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, rows.len() as u32, COLUMNS.len() as u16 - 1)?;
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
