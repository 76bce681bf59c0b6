//! A problem at a cell of the merchant's file, in one shape wherever it comes from (the
//! checker offline, the server's 422, a journal read back) and wherever it goes (the
//! grid, the terminal, the journal, the upload report): where it is (line, column index,
//! header), how bad (an error blocks the row, a warning does not), a stable code for
//! programs, and what to tell people about it (a [`Wording`], said in English here and in
//! the merchant's language by the window and the terminal).

use serde::{Deserialize, Serialize};

use super::issue_code::IssueCode;
use super::mapping::Mapping;
use super::wording::Wording;

/// Whether the row can be sent as it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The server would refuse the row.
    Error,
    /// The row can be sent, but the merchant should look at it.
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One problem, on one cell when a cell is to blame.
///
/// The window finds the cell by `column_index`, never by `header`: two columns of a file
/// may share a header. In JSON (journal and report) it is written as the record below
/// (`column` is the header, as in the `validate` report), so journals written before
/// this type took over still read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "IssueRecord", from = "IssueRecord")]
pub struct Issue {
    /// The file line where the row starts (the header is usually line 1); for a product's
    /// cell, the later row of a multi-row record it is on.
    pub line: u64,
    /// The column's index in the file, `None` when the whole row or file is concerned (a
    /// computed value, the item as a whole).
    pub column_index: Option<usize>,
    /// The column's header as written, filled when the issue leaves the sheet (a skipped
    /// or refused row's record); `None` while the file is being checked.
    pub header: Option<String>,
    /// The field the cell feeds (`phone`, `sku_2`, `products.1.sku`, `data`), or what the
    /// row-level check is about.
    pub field: String,
    /// The cell as written (empty for the server's refusals and journals' records).
    pub value: String,
    pub severity: Severity,
    /// The wording's code, kept beside it: screens and counts filter on it for every row.
    /// [`IssueCode::Written`] for a sentence written elsewhere (the server's, the
    /// console's own notes).
    pub code: IssueCode,
    pub wording: Wording,
}

impl Issue {
    /// What is wrong, in English (JSON output and written reports).
    pub fn message(&self) -> String {
        self.wording.message()
    }

    /// How to put it right, in English (empty for a sentence written elsewhere).
    pub fn fix(&self) -> String {
        self.wording.fix()
    }

    /// A sentence written elsewhere (the server's, or the console's own notes on a row:
    /// sent before, not confirmed, removed from the file), about the row as a whole or a
    /// cell the file cannot point to.
    pub fn of_row(line: u64, field: &str, message: impl Into<String>) -> Issue {
        Issue {
            line,
            column_index: None,
            header: None,
            field: field.to_string(),
            value: String::new(),
            severity: Severity::Error,
            code: IssueCode::Written,
            wording: Wording::Written {
                message: message.into(),
            },
        }
    }

    /// A sentence written elsewhere (the server's) at a column of the file, its header read
    /// from `mapping`.
    pub fn at_column(
        line: u64,
        column_index: Option<usize>,
        mapping: &Mapping,
        field: String,
        message: String,
    ) -> Issue {
        Issue {
            column_index,
            ..Issue::of_row(line, &field, message)
        }
        .with_header(mapping)
    }

    /// The issue with its column's header as `mapping` reads it: how it leaves the sheet
    /// for a journal or a report.
    pub fn with_header(mut self, mapping: &Mapping) -> Issue {
        self.header = self
            .column_index
            .map(|column| mapping.header(column).to_string());
        self
    }
}

/// An [`Issue`] as journals and reports write it. A finding read back keeps its English
/// sentence and its code, not its wording's values.
#[derive(Serialize, Deserialize)]
struct IssueRecord {
    line: u64,
    /// Absent in journals written before it was recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    column_index: Option<usize>,
    column: Option<String>,
    field: String,
    message: String,
    /// Absent for the server's messages, which carry none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    code: Option<String>,
}

impl From<Issue> for IssueRecord {
    fn from(issue: Issue) -> IssueRecord {
        IssueRecord {
            line: issue.line,
            column_index: issue.column_index,
            message: issue.message(),
            column: issue.header,
            field: issue.field,
            code: (issue.code != IssueCode::Written).then(|| issue.code.as_str().to_string()),
        }
    }
}

impl From<IssueRecord> for Issue {
    fn from(record: IssueRecord) -> Issue {
        Issue {
            column_index: record.column_index,
            header: record.column,
            code: record
                .code
                .as_deref()
                .and_then(IssueCode::of_str)
                .unwrap_or(IssueCode::Written),
            ..Issue::of_row(record.line, &record.field, record.message)
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
        let error: Issue = serde_json::from_str(old).unwrap();
        assert_eq!(error.header.as_deref(), Some("Téléphone"));
        assert_eq!(error.column_index, None);
        assert_eq!(error.code, IssueCode::Written);
        assert_eq!(serde_json::to_string(&error).unwrap(), old);
    }

    #[test]
    fn a_refusal_names_its_cell_by_index_and_its_header_as_column() {
        let error = Issue {
            column_index: Some(3),
            header: Some("SKU".to_string()),
            ..Issue::of_row(2, "products.0.sku", "The SKU is unknown.")
        };
        let json = serde_json::to_value(&error).unwrap();
        assert_eq!(json["column"], "SKU");
        assert_eq!(json["column_index"], 3);
        assert_eq!(json["message"], "The SKU is unknown.");
        assert_eq!(json.get("code"), None);
        assert_eq!(serde_json::from_value::<Issue>(json).unwrap(), error);
    }

    #[test]
    fn a_finding_keeps_its_code_and_english_through_a_journal() {
        let finding =
            crate::rule_check::required(crate::wording::Label::Field(crate::target::Field::Phone))
                .at(4, Some(1), "phone".to_string(), "");
        let json = serde_json::to_value(&finding).unwrap();
        assert_eq!(json["code"], "required");
        let read: Issue = serde_json::from_value(json).unwrap();
        assert_eq!(read.code, IssueCode::Required);
        assert_eq!(read.message(), finding.message());
        assert_eq!(read.column_index, Some(1));
    }
}
