//! Why a file cannot be checked at all (empty, not a table, an unknown encoding, a `--map`
//! that names no column…), in the language spoken now: the window's import screen and the
//! terminal's `validate` and `upload` say the same.

use super::Plain;
use wedocod_import::MappingError;
use wedocod_import::ReadError;
use wedocod_import::ValidateError;
use wedocod_import::WorkbookLimit;

pub fn describe(error: &ValidateError) -> String {
    match error {
        ValidateError::Read(error) => read(error),
        ValidateError::Mapping(error) => mapping(error),
        ValidateError::UnknownRegion(region) => tr!("read-unknown-region", region = region),
        ValidateError::Write(error) => tr!("read-write-failed", reason = error.to_string()),
    }
}

fn read(error: &ReadError) -> String {
    match error {
        ReadError::Io { path, source } => tr!(
            "read-io",
            path = path.display(),
            reason = source.to_string()
        ),
        ReadError::Empty => tr!("read-empty"),
        ReadError::Workbook { reason } => tr!("read-workbook", reason = reason),
        ReadError::WorkbookTooLarge(limit) => too_large(limit),
        ReadError::Spreadsheet { format } => tr!("read-spreadsheet", format = *format),
        ReadError::Binary { line } => tr!("read-binary", line = Plain(line)),
        ReadError::NoHeader => tr!("read-no-header"),
        ReadError::HeaderOnly { header_line } => tr!("read-header-only", line = Plain(header_line)),
        ReadError::UnknownEncoding(name) => tr!("read-unknown-encoding", name = name),
        ReadError::Csv { line, message } => tr!("read-csv", line = Plain(line), reason = message),
    }
}

/// A workbook past a size the console reads: which size, and what the merchant can do.
fn too_large(limit: &WorkbookLimit) -> String {
    match limit {
        WorkbookLimit::Part { part, limit_mib } => tr!(
            "read-workbook-part-too-large",
            part = part,
            limit = Plain(limit_mib)
        ),
        WorkbookLimit::Archive { limit_mib } => {
            tr!("read-workbook-archive-too-large", limit = Plain(limit_mib))
        }
        WorkbookLimit::Sheet {
            sheet,
            rows,
            columns,
            first,
            last,
            limit,
        } => tr!(
            "read-workbook-sheet-too-large",
            sheet = sheet,
            rows = rows,
            columns = columns,
            first = first,
            last = last,
            limit = limit
        ),
        WorkbookLimit::Sheets { limit } => {
            tr!("read-workbook-sheets-too-large", limit = limit)
        }
    }
}

/// A `--map` argument the file does not fit; the field list stays as the terminal
/// spells the fields.
fn mapping(error: &MappingError) -> String {
    match error {
        MappingError::Syntax(argument) => tr!("map-syntax", argument = argument),
        MappingError::UnknownField(field) => tr!("map-unknown-field", field = field),
        MappingError::NoSuchColumn { field, header } => {
            tr!("map-no-column", field = field, header = header)
        }
    }
}
