//! Offline file preparation: a merchant's CSV or workbook, read whatever its encoding
//! and delimiter, mapped onto the fields of a lead or order, checked cell by cell against
//! the contract's rules, and turned into create items that remember which file lines they
//! came from. Knows CSV, workbooks and the field rules; nothing of HTTP or windows.
//!
//! The steps, one module each: `decode` (bytes → text), `sniff` (delimiter), `table`
//! (header + rows), `grouping` (rows → items, Shopify-style grouping), `mapping` (columns
//! → fields, with `target`, `synonyms` and `remembered`), `check` (issues per item, with
//! `rule_check`, `values`, `phone`, `catalogue`, saying what is wrong in a `wording`;
//! across items, `duplicates`), `build` (items → `NewLead`/`NewOrder` with their source
//! cells), `server_errors` (a 422 key → file line and column), `export` (corrected file,
//! error report), [`output_file`] (where an export goes without overwriting a file),
//! `file_check` (a whole file checked on every core), `workbook` and `workbook_limits`
//! (Excel and OpenDocument files, measured before they are opened) and `sheet` (a checked
//! file held in memory to be fixed and uploaded, its rows in a `row_store`).
//!
//! The modules are private but `output_file` (a few functions used as one family): what
//! the window, the commands and the upload engine use is re-exported below, one group per
//! step, so the crate's surface is this one list.

/// The API crate under the name the modules use (`crate::api::…`).
use wedocod_api as api;

mod build;
mod catalogue;
mod cell_name;
mod check;
mod decode;
mod duplicates;
mod error;
mod export;
mod file_check;
mod grouping;
mod issue;
mod issue_code;
mod mapping;
pub mod output_file;
mod phone;
mod presets;
mod remembered;
mod row_store;
mod rule_check;
mod server_errors;
mod sheet;
mod sniff;
mod synonyms;
mod table;
mod target;
mod values;
mod wording;
mod workbook;
mod workbook_export;
mod workbook_limits;

// Reading: bytes → text → table.
pub use cell_name::column_letters;
pub use decode::{EncodingSource, decode, encoding_by_label};
pub use error::ReadError;
pub use table::Row;
pub use workbook_limits::WorkbookLimit;

// Mapping: columns → fields.
pub use mapping::{ColumnRole, Mapping, MappingError, MatchedBy, parse_map_argument};
pub use remembered::RememberedMappings;
pub use target::{Field, ProductPart, Target};

// Checking: what is wrong with a cell, in words the window and the terminal translate.
pub use catalogue::Catalogue;
pub use issue::{Issue, Severity};
pub use issue_code::IssueCode;
pub use phone::{DEFAULT_PHONE_REGION, PhoneRules};
pub use values::{parse_amount, parse_yes_no};
pub use wording::{Label, Wording};

// A whole file checked, held, fixed and written back.
pub use export::{
    ExportFormat, SafeCsvWriter, is_plain_number, neutralize_formula, start_file, write_report,
};
pub use file_check::{
    CorrectedOutput, ValidateError, ValidateSettings, Validation, open_table, validate_bytes,
    validate_file,
};
pub use sheet::{Candidate, RowFilter, Sheet};
pub use workbook_export::{WorkbookContent, write_workbook};

// Building: checked rows → create items, and the server's answers back onto cells.
pub use build::ItemOrigin;
pub use server_errors::locate;
