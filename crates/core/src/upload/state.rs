//! Where every row of an upload stands, rebuilt from the journal's events. The engine
//! changes it only through [`UploadState::apply`], the same function replay uses, so a
//! resumed upload is in exactly the state the journal describes.

use std::collections::BTreeMap;

use serde::Serialize;

use super::journal::{Event, PlannedRow};
use wedocod_import::Issue;

/// The `field` of the error that marks a row not sent because the merchant removed it
/// from the file before resuming the upload.
pub const REMOVED_FROM_FILE: &str = "removed_from_file";

/// One row's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowState {
    /// Not sent yet (or found not to exist after an uncertain outcome).
    Pending,
    /// In a request whose outcome is not recorded yet.
    Sending {
        request: u64,
        at: String,
        server_at: Option<String>,
    },
    /// In an async batch still running.
    Queued {
        batch_id: String,
        /// When the request left (this computer's clock, then the server's).
        since: Option<String>,
        server_since: Option<String>,
    },
    Created {
        reference: Option<String>,
    },
    /// Refused by the server (422) or not created by it (business failure).
    Refused {
        errors: Vec<Issue>,
    },
    /// Maybe created: to be looked up on the server.
    Uncertain {
        since: String,
        resend_if_missing: bool,
        may_be_queued: bool,
        server_since: Option<String>,
        /// Why the store could not prove the row created or absent, once the engine
        /// stopped looking (shown as *not confirmed*).
        unresolved: Option<String>,
    },
    /// Had errors offline and was not sent.
    Skipped {
        errors: Vec<Issue>,
    },
}

/// A request whose outcome never reached the journal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Interrupted {
    pub rows: Vec<usize>,
    pub at: String,
    pub server_at: Option<String>,
}

/// The state of a whole upload.
#[derive(Debug, Clone)]
pub struct UploadState {
    pub upload_id: String,
    pub rows: Vec<PlannedRow>,
    pub states: Vec<RowState>,
    pub requests_sent: u64,
    pub finished: bool,
}

/// How many rows are in each state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub rows: usize,
    pub created: usize,
    pub refused: usize,
    pub uncertain: usize,
    pub pending: usize,
    pub queued: usize,
    pub skipped: usize,
}

impl UploadState {
    /// The state described by a journal (its first event must be `Started`).
    pub fn replay(events: &[Event]) -> Option<UploadState> {
        let Some(Event::Started {
            upload_id, rows, ..
        }) = events.first()
        else {
            return None;
        };
        let states = rows
            .iter()
            .map(|row| {
                if row.skipped.is_empty() {
                    RowState::Pending
                } else {
                    RowState::Skipped {
                        errors: row.skipped.clone(),
                    }
                }
            })
            .collect();
        let mut state = UploadState {
            upload_id: upload_id.clone(),
            rows: rows.clone(),
            states,
            requests_sent: 0,
            finished: false,
        };
        for event in &events[1..] {
            state.apply(event);
        }
        Some(state)
    }

    fn set(&mut self, row: usize, state: RowState) {
        if let Some(slot) = self.states.get_mut(row) {
            *slot = state;
        }
    }

    /// Puts every row of `rows` in `state`.
    fn set_all(&mut self, rows: &[usize], state: &RowState) {
        for &row in rows {
            self.set(row, state.clone());
        }
    }

    /// Applies one event.
    pub fn apply(&mut self, event: &Event) {
        match event {
            Event::Started { .. } => {}
            Event::Sending {
                request,
                rows,
                at,
                server_at,
            } => {
                self.requests_sent = self.requests_sent.max(*request);
                let sending = RowState::Sending {
                    request: *request,
                    at: at.clone(),
                    server_at: server_at.clone(),
                };
                self.set_all(rows, &sending);
            }
            Event::Created { rows } => {
                for (row, reference) in rows {
                    self.set(
                        *row,
                        RowState::Created {
                            reference: reference.clone(),
                        },
                    );
                }
            }
            Event::Queued {
                rows,
                batch_id,
                at,
                server_at,
                ..
            } => {
                let queued = RowState::Queued {
                    batch_id: batch_id.clone(),
                    since: at.clone(),
                    server_since: server_at.clone(),
                };
                self.set_all(rows, &queued);
            }
            Event::Refused { rows } => {
                for (row, errors) in rows {
                    self.set(
                        *row,
                        RowState::Refused {
                            errors: errors.clone(),
                        },
                    );
                }
            }
            Event::Uncertain {
                rows,
                since,
                resend_if_missing,
                may_be_queued,
                server_since,
                ..
            } => {
                let uncertain = RowState::Uncertain {
                    since: since.clone(),
                    resend_if_missing: *resend_if_missing,
                    may_be_queued: *may_be_queued,
                    server_since: server_since.clone(),
                    unresolved: None,
                };
                self.set_all(rows, &uncertain);
            }
            Event::Unresolved { rows, reason } => {
                for &row in rows {
                    if let Some(RowState::Uncertain { unresolved, .. }) = self.states.get_mut(row) {
                        *unresolved = Some(reason.clone());
                    }
                }
            }
            Event::Released { rows } => self.set_all(rows, &RowState::Pending),
            Event::Dropped { rows } => {
                for &row in rows {
                    let line = self.rows.get(row).map_or(0, |planned| planned.line);
                    self.set(
                        row,
                        RowState::Skipped {
                            errors: vec![Issue::of_row(
                                line,
                                REMOVED_FROM_FILE,
                                "removed from the file before it was sent",
                            )],
                        },
                    );
                }
            }
            Event::Revised { row, item, key } => {
                if let Some(planned) = self.rows.get_mut(*row) {
                    planned.item = item.clone();
                    planned.key = key.clone();
                    planned.skipped.clear();
                }
                self.set(*row, RowState::Pending);
                self.finished = false;
            }
            Event::Finished { .. } => self.finished = true,
        }
    }

    /// A request whose outcome never reached the journal (the console was killed while
    /// it was in flight): its rows become uncertain, to be looked up before any resend.
    pub fn interrupted_requests(&self) -> Vec<Interrupted> {
        let mut by_request: BTreeMap<u64, Interrupted> = BTreeMap::new();
        for (row, state) in self.states.iter().enumerate() {
            if let RowState::Sending {
                request,
                at,
                server_at,
            } = state
            {
                by_request
                    .entry(*request)
                    .or_insert_with(|| Interrupted {
                        rows: Vec::new(),
                        at: at.clone(),
                        server_at: server_at.clone(),
                    })
                    .rows
                    .push(row);
            }
        }
        by_request.into_values().collect()
    }

    /// Uncertain rows the engine is still looking up (not given up as *not confirmed*).
    pub fn looking_up(&self) -> Vec<usize> {
        self.rows_in(|s| {
            matches!(
                s,
                RowState::Uncertain {
                    unresolved: None,
                    ..
                }
            )
        })
    }

    /// Async batches still running, with their rows.
    pub fn running_batches(&self) -> BTreeMap<String, Vec<usize>> {
        let mut batches: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (row, state) in self.states.iter().enumerate() {
            if let RowState::Queued { batch_id, .. } = state {
                batches.entry(batch_id.clone()).or_default().push(row);
            }
        }
        batches
    }

    pub fn rows_in(&self, wanted: impl Fn(&RowState) -> bool) -> Vec<usize> {
        (0..self.states.len())
            .filter(|&row| wanted(&self.states[row]))
            .collect()
    }

    pub fn counts(&self) -> Counts {
        let mut counts = Counts {
            rows: self.states.len(),
            ..Counts::default()
        };
        for state in &self.states {
            match state {
                RowState::Pending | RowState::Sending { .. } => counts.pending += 1,
                RowState::Queued { .. } => counts.queued += 1,
                RowState::Created { .. } => counts.created += 1,
                RowState::Refused { .. } => counts.refused += 1,
                RowState::Uncertain { .. } => counts.uncertain += 1,
                RowState::Skipped { .. } => counts.skipped += 1,
            }
        }
        counts
    }
}
