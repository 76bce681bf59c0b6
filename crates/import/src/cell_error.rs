//! A problem at a cell of the merchant's file, in one shape wherever it comes from (the
//! checker offline, the server's 422) and wherever it goes: the journal, the report, the
//! window's grid.

use serde::{Deserialize, Serialize};

use super::issue::Issue;
use super::mapping::Mapping;
use super::wording::Wording;

/// A problem at a cell: where it is in the file, what field it feeds, and the message.
///
/// The window finds the cell by `column_index`, never by `header`: two columns of a file
/// may share a header. In JSON (journal and report) the header is `column`, as in the
/// `validate` report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CellError {
    /// The file line of the cell (a later row of a multi-row record, for its products).
    pub line: u64,
    /// The column's index in the file; `None` when no single column is to blame (a
    /// computed value, the item as a whole). Absent in journals written before it was
    /// recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column_index: Option<usize>,
    /// The column's header as written in the file.
    #[serde(rename = "column")]
    pub header: Option<String>,
    /// The field the cell feeds, as the request names it below the item (`phone`,
    /// `products.1.sku`), or what a row-level problem is about.
    pub field: String,
    pub message: String,
    /// The checker's issue code (`phone_letters`…); `None` for the server's messages,
    /// which carry none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The checker's finding itself, so the window and the terminal can say it in the
    /// merchant's language; journals keep the English `message` only, so a resumed
    /// upload says its skipped rows in English.
    #[serde(skip)]
    pub wording: Option<Wording>,
}

impl CellError {
    /// A problem with the row as a whole, or at a cell the file cannot point to.
    pub fn of_row(line: u64, field: &str, message: impl Into<String>) -> CellError {
        CellError {
            line,
            column_index: None,
            header: None,
            field: field.to_string(),
            message: message.into(),
            code: None,
            wording: None,
        }
    }

    /// At a column of the file, its header read from `mapping`.
    pub fn at_column(
        line: u64,
        column_index: Option<usize>,
        mapping: &Mapping,
        field: String,
        message: String,
    ) -> CellError {
        CellError {
            line,
            column_index,
            header: column_index.map(|column| mapping.header(column).to_string()),
            field,
            message,
            code: None,
            wording: None,
        }
    }

    /// A finding of the checker, as it leaves the sheet (a row skipped for it).
    pub fn of_issue(issue: &Issue, mapping: &Mapping) -> CellError {
        CellError {
            code: Some(issue.code.as_str().to_string()),
            wording: Some(issue.wording.clone()),
            ..CellError::at_column(
                issue.line,
                issue.column,
                mapping,
                issue.field.clone(),
                issue.message(),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_of_journals_written_before_the_index_and_code_still_read() {
        let old =
            r#"{"line":7,"column":"Téléphone","field":"phone","message":"The phone is invalid."}"#;
        let error: CellError = serde_json::from_str(old).unwrap();
        assert_eq!(error.header.as_deref(), Some("Téléphone"));
        assert_eq!(error.column_index, None);
        assert_eq!(error.code, None);
        assert_eq!(serde_json::to_string(&error).unwrap(), old);
    }

    #[test]
    fn a_refusal_names_its_cell_by_index_and_its_header_as_column() {
        let error = CellError {
            column_index: Some(3),
            header: Some("SKU".to_string()),
            ..CellError::of_row(2, "products.0.sku", "The SKU is unknown.")
        };
        let json = serde_json::to_value(&error).unwrap();
        assert_eq!(json["column"], "SKU");
        assert_eq!(json["column_index"], 3);
        assert_eq!(json.get("code"), None);
        assert_eq!(serde_json::from_value::<CellError>(json).unwrap(), error);
    }
}
