//! The end-of-upload report: every row's line, what became of it, its reference, and the
//! errors that kept it out, as JSON for scripts (the console says it in words, in the
//! merchant's language).

use serde::Serialize;

use super::state::{RowState, UploadState};
use wedocod_import::Issue;

/// The `field` of the error that marks a row skipped because an earlier upload already
/// created it in the store (`upload --skip-sent`): nothing is left to do for it.
pub const SENT_BEFORE: &str = "sent_before";

/// The `field` of the note on a row the store could not prove created or absent: it
/// stays *not confirmed* (never resent), and the note says why.
pub const NOT_CONFIRMED: &str = "not_confirmed";

/// What became of a row, as the report says it (`"created"`, `"refused"`, … in JSON).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RowOutcome {
    Created,
    /// The server refused it (422) or did not create it.
    Refused,
    /// Maybe created: queued, in flight, still to be looked up, or not confirmed after the
    /// look-up (`"unknown"` in JSON, as the first reports wrote it).
    #[serde(rename = "unknown")]
    Uncertain,
    /// Errors found offline, or sent by an earlier upload (`--skip-sent`).
    Skipped,
    /// Not sent yet.
    Pending,
}

/// One row's outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RowResult {
    pub line: u64,
    pub status: RowOutcome,
    pub reference: Option<String>,
    pub errors: Vec<Issue>,
}

/// The whole report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UploadReport {
    pub upload_id: String,
    pub rows: usize,
    pub created: usize,
    pub refused: usize,
    /// Rows whose outcome is not known yet (`"unknown"` in JSON, as ever).
    #[serde(rename = "unknown")]
    pub uncertain: usize,
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
                    RowState::Created { reference } => {
                        (RowOutcome::Created, reference.clone(), Vec::new())
                    }
                    RowState::Refused { errors } => (RowOutcome::Refused, None, errors.clone()),
                    RowState::Skipped { errors } => (RowOutcome::Skipped, None, errors.clone()),
                    RowState::Pending => (RowOutcome::Pending, None, Vec::new()),
                    RowState::Uncertain {
                        unresolved: Some(reason),
                        ..
                    } => (
                        RowOutcome::Uncertain,
                        None,
                        vec![Issue::of_row(row.line, NOT_CONFIRMED, reason.clone())],
                    ),
                    RowState::Sending { .. }
                    | RowState::Queued { .. }
                    | RowState::Uncertain { .. } => (RowOutcome::Uncertain, None, Vec::new()),
                };
                RowResult {
                    line: row.line,
                    status,
                    reference,
                    errors,
                }
            })
            .collect();
        let count = |status: RowOutcome| results.iter().filter(|r| r.status == status).count();
        UploadReport {
            upload_id: state.upload_id.clone(),
            rows: results.len(),
            created: count(RowOutcome::Created),
            refused: count(RowOutcome::Refused),
            uncertain: count(RowOutcome::Uncertain),
            skipped: count(RowOutcome::Skipped),
            pending: count(RowOutcome::Pending),
            results,
        }
    }

    /// True when every row is in the store: created now, or by an earlier upload.
    pub fn complete(&self) -> bool {
        self.results.iter().all(|result| {
            result.status == RowOutcome::Created
                || (result.status == RowOutcome::Skipped
                    && !result.errors.is_empty()
                    && result.errors.iter().all(|error| error.field == SENT_BEFORE))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::upload::journal::PlannedRow;
    use crate::upload::matching::MatchKey;

    /// Scripts read the report's JSON: a row whose outcome is not known yet is still
    /// `"unknown"` there, as the first reports wrote it, whatever the code calls it.
    #[test]
    fn an_uncertain_row_is_unknown_in_json() {
        let row = |line| PlannedRow {
            line,
            item: serde_json::Value::Null,
            key: MatchKey::new("0612345678", "Amina", &[]),
            skipped: Vec::new(),
        };
        let state = UploadState {
            upload_id: "u1".to_string(),
            rows: vec![row(2), row(3)],
            states: vec![
                RowState::Created {
                    reference: Some("LD-1".to_string()),
                },
                RowState::Uncertain {
                    since: String::new(),
                    resend_if_missing: false,
                    may_be_queued: false,
                    server_since: None,
                    unresolved: None,
                },
            ],
            requests_sent: 1,
            finished: false,
        };
        let json = serde_json::to_value(UploadReport::of(&state)).unwrap();
        assert_eq!(json["unknown"], 1);
        assert_eq!(json["created"], 1);
        assert_eq!(json["results"][1]["status"], "unknown");
        assert_eq!(json["results"][0]["status"], "created");
    }
}
