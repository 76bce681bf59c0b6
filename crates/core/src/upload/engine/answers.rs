//! What each answer of the server means for the rows it concerns, as journal events:
//! pure functions of the rows sent and the answer, so every answer shape is tested
//! without HTTP. The engine records what they return.

use std::collections::{BTreeMap, HashSet};

use crate::api::CreateOutcome;
use crate::api::wire::{BatchStatus, FieldErrors};
use crate::upload::journal::{Event, PlannedRow};
use wedocod_import::Issue;
use wedocod_import::ItemOrigin;
use wedocod_import::Mapping;
use wedocod_import::locate;

/// When a request left: on this computer's clock (journal stamps, windows) and on the
/// server's (what its records' `created_at` is compared with).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct SentAt {
    pub at: String,
    pub server_at: Option<String>,
}

impl SentAt {
    /// How long ago the request left, on this computer's clock (zero when unreadable).
    pub fn age(&self) -> std::time::Duration {
        super::parse_stamp(&self.at)
            .and_then(|at| (super::now() - at).to_std().ok())
            .unwrap_or_default()
    }

    /// `rows` of this request, of uncertain outcome, to be looked up.
    pub fn uncertain(
        &self,
        rows: &[usize],
        resend_if_missing: bool,
        may_be_queued: bool,
        reason: String,
    ) -> Event {
        Event::Uncertain {
            rows: rows.to_vec(),
            since: self.at.clone(),
            resend_if_missing,
            reason,
            may_be_queued,
            server_since: self.server_at.clone(),
        }
    }
}

/// Why references a server gave cannot be taken as one new record per row: repeated
/// within the answer, or already held by a row of some upload of this store.
fn references_fault(references: &[String], claimed: &dyn Fn(&str) -> bool) -> Option<String> {
    let mut seen = HashSet::new();
    if let Some(repeated) = references.iter().find(|r| !seen.insert(r.as_str())) {
        return Some(format!("the server named reference {repeated} twice"));
    }
    references
        .iter()
        .find(|reference| claimed(reference))
        .map(|taken| {
            format!("the server named reference {taken}, which an earlier row already holds")
        })
}

/// What a successful create of `rows` (request number `request`) means. Created rows
/// only when the answer adds up: one new, distinct, unclaimed reference per row and no
/// failure. Anything else makes every row uncertain, to be looked up: a `failed_count`
/// it does not attribute, or counts and references that do not account for the rows.
pub(super) fn created(
    request: u64,
    rows: &[usize],
    outcome: CreateOutcome,
    sent: &SentAt,
    claimed: &dyn Fn(&str) -> bool,
) -> Event {
    match outcome {
        CreateOutcome::Created {
            created_refs,
            failed_count,
            ..
        } => {
            let accounted = created_refs.len() as u64 + failed_count;
            let fault = if accounted != rows.len() as u64 {
                Some(format!(
                    "the server's answer does not add up: {} reference(s) and {failed_count} failure(s) for {} row(s)",
                    created_refs.len(),
                    rows.len()
                ))
            } else {
                references_fault(&created_refs, claimed)
            };
            match fault {
                None if failed_count == 0 => Event::Created {
                    rows: rows
                        .iter()
                        .copied()
                        .zip(created_refs.into_iter().map(Some))
                        .collect(),
                },
                None => sent.uncertain(
                    rows,
                    false,
                    false,
                    format!(
                        "the server could not process {failed_count} row(s) and did not say which"
                    ),
                ),
                Some(fault) => sent.uncertain(rows, false, false, fault),
            }
        }
        CreateOutcome::Queued { batch_id, .. } => Event::Queued {
            request,
            rows: rows.to_vec(),
            batch_id,
            at: Some(sent.at.clone()),
            server_at: sent.server_at.clone(),
        },
        CreateOutcome::Accepted { .. } => Event::Created {
            rows: rows.iter().map(|&row| (row, None)).collect(),
        },
    }
}

/// What a 422 on `rows` means: it refused the whole request, so its field errors go on
/// their rows (and, with the file's `origins` and `mapping`, on their cells), and rows
/// without an error are released to be sent again at once.
pub(super) fn refused(
    rows: &[usize],
    fields: &FieldErrors,
    message: &str,
    planned: &[PlannedRow],
    origins: &[Option<ItemOrigin>],
    mapping: Option<&Mapping>,
) -> Vec<Event> {
    let origins: Option<Vec<ItemOrigin>> = rows
        .iter()
        .map(|&row| origins.get(row).cloned().flatten())
        .collect();
    let mut refused: BTreeMap<usize, Vec<Issue>> = BTreeMap::new();
    for (key, messages) in fields {
        let index = key
            .split('.')
            .nth(1)
            .and_then(|index| index.parse::<usize>().ok());
        let Some(&row) = index.and_then(|index| rows.get(index)) else {
            continue;
        };
        let line = planned[row].line;
        let field = key.splitn(3, '.').nth(2).unwrap_or(key);
        for text in messages {
            let located = match (&origins, mapping) {
                (Some(origins), Some(mapping)) => locate(key, text, origins, mapping),
                _ => None,
            };
            let error = located.unwrap_or_else(|| Issue::of_row(line, field, text.clone()));
            refused.entry(row).or_default().push(error);
        }
    }
    if refused.is_empty() {
        // Errors that name no row (`data`, a top-level message): every row waits.
        for &row in rows {
            let line = planned[row].line;
            let messages: Vec<Issue> = fields
                .iter()
                .flat_map(|(key, texts)| texts.iter().map(move |text| (key, text)))
                .map(|(key, text)| Issue::of_row(line, key, text.clone()))
                .collect();
            let errors = if messages.is_empty() {
                vec![Issue::of_row(line, "", message)]
            } else {
                messages
            };
            refused.insert(row, errors);
        }
    }
    let clean: Vec<usize> = rows
        .iter()
        .copied()
        .filter(|row| !refused.contains_key(row))
        .collect();
    let mut events = vec![Event::Refused {
        rows: refused.into_iter().collect(),
    }];
    if !clean.is_empty() {
        events.push(Event::Released { rows: clean });
    }
    events
}

/// What a finished batch of `rows` means: its failures are refused, the rest created
/// in request order, or uncertain (sent as `sent` says) when its references do not
/// match them, repeat, or are already held.
pub(super) fn batch_finished(
    rows: &[usize],
    status: BatchStatus,
    planned: &[PlannedRow],
    sent: &SentAt,
    claimed: &dyn Fn(&str) -> bool,
) -> Vec<Event> {
    let mut refused = Vec::new();
    let mut failed = HashSet::new();
    for failure in &status.failures {
        let Some(&row) = rows.get(failure.index) else {
            continue;
        };
        if !failed.insert(row) {
            continue;
        }
        let line = planned[row].line;
        let errors = failure
            .errors
            .iter()
            .flat_map(|(field, texts)| {
                texts
                    .iter()
                    .map(move |text| Issue::of_row(line, field, text.clone()))
            })
            .collect();
        refused.push((row, errors));
    }
    let succeeded: Vec<usize> = rows
        .iter()
        .copied()
        .filter(|row| !failed.contains(row))
        .collect();
    let mut events = Vec::new();
    if !refused.is_empty() {
        events.push(Event::Refused { rows: refused });
    }
    if succeeded.is_empty() && status.created_refs.is_empty() {
        return events;
    }
    let fault = if succeeded.len() != status.created_refs.len() {
        Some("the batch's references do not match its rows".to_string())
    } else {
        references_fault(&status.created_refs, claimed)
    };
    events.push(match fault {
        None => Event::Created {
            rows: succeeded
                .into_iter()
                .zip(status.created_refs.into_iter().map(Some))
                .collect(),
        },
        Some(fault) => sent.uncertain(&succeeded, false, false, fault),
    });
    events
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::api::wire::BatchFailure;
    use crate::upload::matching::MatchKey;

    fn planned(lines: &[u64]) -> Vec<PlannedRow> {
        lines
            .iter()
            .map(|&line| PlannedRow {
                line,
                item: json!({}),
                key: MatchKey::new("", "", &[]),
                skipped: Vec::new(),
            })
            .collect()
    }

    #[test]
    fn a_create_is_created_only_when_every_row_has_its_reference() {
        let sync = |refs: &[&str], failed_count| CreateOutcome::Created {
            created_refs: refs.iter().map(|r| r.to_string()).collect(),
            failed_count,
            total: 2,
        };
        let sent = SentAt {
            at: "t".into(),
            server_at: None,
        };
        let free = |_: &str| false;
        assert_eq!(
            created(1, &[4, 5], sync(&["LD-1", "LD-2"], 0), &sent, &free),
            Event::Created {
                rows: vec![(4, Some("LD-1".into())), (5, Some("LD-2".into()))]
            }
        );
        // One row failed and the answer does not say which: both are looked up.
        assert!(matches!(
            created(1, &[4, 5], sync(&["LD-1"], 1), &sent, &free),
            Event::Uncertain { resend_if_missing: false, ref rows, .. } if rows == &[4, 5]
        ));
        // Answers that do not add up are never taken for created rows: too few
        // references, a reference twice, a reference an earlier row holds.
        for (refs, failed, claimed) in [
            (&["LD-1"][..], 0, ""),
            (&["LD-1", "LD-1"][..], 0, ""),
            (&["LD-1", "LD-2", "LD-3"][..], 0, ""),
            (&["LD-1", "LD-2"][..], 0, "LD-2"),
        ] {
            let held = |reference: &str| reference == claimed;
            let event = created(1, &[4, 5], sync(refs, failed), &sent, &held);
            assert!(
                matches!(event, Event::Uncertain { resend_if_missing: false, ref rows, .. } if rows == &[4, 5]),
                "{refs:?}: {event:?}"
            );
        }
        let queued = CreateOutcome::Queued {
            batch_id: "batch_1".into(),
            total: 2,
        };
        assert!(matches!(
            created(7, &[4, 5], queued, &sent, &free),
            Event::Queued { request: 7, ref batch_id, .. } if batch_id == "batch_1"
        ));
    }

    #[test]
    fn a_422_refuses_the_rows_it_names_and_releases_the_others() {
        let mut fields = FieldErrors::new();
        fields.insert(
            "data.1.phone".into(),
            vec!["The data.1.phone field is required.".into()],
        );
        let sent = planned(&[2, 3, 4]);
        let events = refused(&[0, 1, 2], &fields, "invalid", &sent, &[], None);
        let Event::Refused { rows } = &events[0] else {
            panic!("{events:?}");
        };
        assert_eq!(rows.len(), 1);
        assert_eq!((rows[0].0, rows[0].1[0].line), (1, 3));
        assert_eq!(rows[0].1[0].field, "phone");
        assert_eq!(events[1], Event::Released { rows: vec![0, 2] });
        // Nothing names a row: every row waits with the message.
        let events = refused(&[0, 1], &FieldErrors::new(), "invalid", &sent, &[], None);
        assert!(matches!(&events[..], [Event::Refused { rows }] if rows.len() == 2));
    }

    #[test]
    fn a_finished_batch_refuses_its_failures_and_creates_the_rest() {
        let status = BatchStatus {
            created_refs: vec!["LD-1".into()],
            failures: vec![BatchFailure {
                index: 1,
                errors: [("phone".to_string(), vec!["taken".to_string()])]
                    .into_iter()
                    .collect(),
            }],
            ..BatchStatus::default()
        };
        let sent = SentAt {
            at: "t".into(),
            server_at: None,
        };
        let events = batch_finished(
            &[3, 4],
            status.clone(),
            &planned(&[2, 3, 4, 5, 6]),
            &sent,
            &|_| false,
        );
        assert!(matches!(&events[0], Event::Refused { rows } if rows[0].0 == 4));
        assert_eq!(
            events[1],
            Event::Created {
                rows: vec![(3, Some("LD-1".into()))]
            }
        );
        // A reference another row already holds: looked up, not taken.
        let events = batch_finished(
            &[3, 4],
            status,
            &planned(&[2, 3, 4, 5, 6]),
            &sent,
            &|reference| reference == "LD-1",
        );
        assert!(matches!(&events[1], Event::Uncertain { rows, .. } if rows == &[3]));
    }
}
