//! Offline CSV preparation: a merchant's file, read whatever its encoding and delimiter,
//! mapped onto the fields of a lead or order, checked cell by cell against the contract's
//! rules, and turned into create items that remember which file lines they came from.
//! Knows CSV and the field rules; nothing of HTTP or windows.
//!
//! The steps, one module each: [`decode`] (bytes → text), [`sniff`] (delimiter),
//! [`table`] (header + rows), [`records`] (rows → items, Shopify-style grouping),
//! [`mapping`] (columns → fields, with [`target`], [`synonyms`] and [`remembered`]),
//! [`check`] (issues per item, with [`rule_check`], [`values`], [`phone`],
//! [`catalogue`], saying what is wrong in a [`wording`]; across items, [`duplicates`]), [`build`] (items → `NewLead`/`NewOrder`
//! with their source cells), [`server_errors`] (a 422 key → file line and column),
//! [`export`] (corrected file, error report), [`output_file`] (where an export goes
//! without overwriting a file), [`validate`] (a whole file checked on
//! every core) and [`sheet`] (a checked file held in memory to be fixed and uploaded, its
//! rows in a [`row_store`]).

pub mod build;
pub mod catalogue;
pub mod cell_error;
pub mod check;
pub mod decode;
pub mod duplicates;
pub mod error;
pub mod export;
pub mod file_check;
pub mod grouping;
pub mod issue;
pub mod mapping;
pub mod output_file;
pub mod phone;
pub mod presets;
pub mod remembered;
pub mod row_store;
pub mod rule_check;
pub mod server_errors;
pub mod sheet;
pub mod sniff;
pub mod synonyms;
pub mod table;
pub mod target;
pub mod values;
pub mod wording;
pub mod workbook;
pub mod workbook_export;
pub mod workbook_limits;

pub use cell_error::CellError;
pub use error::ReadError;
pub use issue::{Issue, IssueCode, Severity};
pub use mapping::Mapping;
pub use table::Row;
