//! The end-of-upload report: every row's line, what became of it, its reference, and the
//! errors that kept it out, as JSON for scripts and as text for a merchant.

use std::fmt;

use serde::Serialize;

use super::state::{RowState, UploadState};

/// The `field` of the error that marks a row skipped because an earlier upload already
/// created it in the store (`upload --skip-sent`): nothing is left to do for it.
pub const SENT_BEFORE: &str = "sent_before";

/// One row's outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RowResult {
    pub line: u64,
    /// `created`, `refused`, `unknown` (maybe created, still to be looked up),
    /// `skipped` (errors found offline) or `pending` (not sent yet).
    pub status: &'static str,
    pub reference: Option<String>,
    pub errors: Vec<ErrorEntry>,
}

/// An error of a row: the column as written in the file, the field, the message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ErrorEntry {
    /// The file line of the cell (a later row of a multi-row record, for its products).
    #[serde(skip)]
    pub line: u64,
    pub column: Option<String>,
    pub field: String,
    pub message: String,
}

/// The whole report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UploadReport {
    pub upload_id: String,
    pub rows: usize,
    pub created: usize,
    pub refused: usize,
    pub unknown: usize,
    pub skipped: usize,
    pub pending: usize,
    pub results: Vec<RowResult>,
}

impl UploadReport {
    pub fn of(state: &UploadState) -> UploadReport {
        let results: Vec<RowResult> = state
            .rows
            .iter()
            .zip(&state.states)
            .map(|(row, row_state)| {
                let (status, reference, errors) = match row_state {
                    RowState::Created { reference } => ("created", reference.clone(), Vec::new()),
                    RowState::Refused { errors } => ("refused", None, errors.clone()),
                    RowState::Skipped { errors } => ("skipped", None, errors.clone()),
                    RowState::Pending => ("pending", None, Vec::new()),
                    RowState::Sending { .. }
                    | RowState::Queued { .. }
                    | RowState::Uncertain { .. } => ("unknown", None, Vec::new()),
                };
                RowResult {
                    line: row.line,
                    status,
                    reference,
                    errors: errors
                        .into_iter()
                        .map(|error| ErrorEntry {
                            line: error.line,
                            column: error.column,
                            field: error.field,
                            message: error.message,
                        })
                        .collect(),
                }
            })
            .collect();
        let count = |status: &str| results.iter().filter(|r| r.status == status).count();
        UploadReport {
            upload_id: state.upload_id.clone(),
            rows: results.len(),
            created: count("created"),
            refused: count("refused"),
            unknown: count("unknown"),
            skipped: count("skipped"),
            pending: count("pending"),
            results,
        }
    }

    /// True when every row is in the store: created now, or by an earlier upload.
    pub fn complete(&self) -> bool {
        self.results.iter().all(|result| {
            result.status == "created"
                || (result.status == "skipped"
                    && !result.errors.is_empty()
                    && result.errors.iter().all(|error| error.field == SENT_BEFORE))
        })
    }
}

impl fmt::Display for UploadReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "Upload {}: {} row(s), {} created, {} refused, {} skipped, {} unknown, {} not sent.",
            self.upload_id,
            self.rows,
            self.created,
            self.refused,
            self.skipped,
            self.unknown,
            self.pending
        )?;
        for result in self.results.iter().filter(|r| r.status != "created") {
            writeln!(f, "  line {}: {}", result.line, result.status)?;
            for error in &result.errors {
                match &error.column {
                    Some(column) => writeln!(f, "    {column}: {}", error.message)?,
                    None => writeln!(f, "    {}", error.message)?,
                }
            }
        }
        if !self.complete() {
            writeln!(
                f,
                "Fix the rows above in the file, then send only them with: --resume {}",
                self.upload_id
            )?;
        }
        Ok(())
    }
}
