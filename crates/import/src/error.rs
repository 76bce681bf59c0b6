//! Why a file could not be read at all. Problems inside rows are not errors but
//! [`Issue`](super::issue::Issue)s: the merchant fixes them cell by cell.

use std::path::PathBuf;

use super::workbook_limits::WorkbookLimit;

/// A file the console cannot turn into rows. Each variant names the line when one is
/// to blame, so the merchant knows where to look.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the file is empty")]
    Empty,
    #[error("the workbook cannot be read: {reason}")]
    Workbook { reason: String },
    /// Past one of the sizes a workbook may have: refused before it is laid out in memory.
    #[error("the workbook is too large to read: {0}")]
    WorkbookTooLarge(WorkbookLimit),
    #[error("this is an {format}, not a CSV file: open it and save it as \"CSV UTF-8\"")]
    Spreadsheet { format: &'static str },
    #[error(
        "line {line} holds binary data (NUL bytes or control characters): this is not a CSV file"
    )]
    Binary { line: u64 },
    #[error("the file has only blank lines")]
    NoHeader,
    #[error("the file has a header on line {header_line} but no rows below it")]
    HeaderOnly { header_line: u64 },
    #[error("unknown encoding \"{0}\": try utf-8, windows-1252 or windows-1256")]
    UnknownEncoding(String),
    #[error("line {line}: the CSV reader stopped: {message}")]
    Csv { line: u64, message: String },
}
