//! The run loop: sends the pending rows a request at a time, follows queued batches,
//! settles rows of uncertain outcome, waits out the rate limit and the network, and
//! stops when every row is settled, on cancel, or when it cannot go on.

use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;

use crate::api::{ApiError, CreateOutcome, Resource, TransportKind};
use crate::upload::journal::{Event, JournalError};
use crate::upload::matching::{Stored, Submitted};
use crate::upload::state::RowState;

use super::answers::SentAt;
use super::{Activity, BatchProgress, Control, Engine, Progress, UploadError, answers, now, stamp};

/// Creates in a row whose outcome may be uncertain before the upload stops: each is looked
/// up and its rows resent, so a server failing them all would keep the upload busy for
/// ever. Ten is far past what a flaky network produces.
const MAX_UNCERTAIN_IN_A_ROW: u32 = 10;

/// The most items the API processes within the request (api-contract.md §7): a lost
/// answer to a larger request may have been a 202, its rows in the server's queue.
pub(super) const SYNC_ITEMS: usize = 10;

/// Whether a failure may hide an answer that queued the rows: a connection lost after
/// the request left, a gateway's 502/503/504 in front of a server that went on, an
/// answer in no documented shape or a redirect. A 500 is the server's own answer.
fn may_hide_a_queued_answer(error: &ApiError) -> bool {
    match error {
        ApiError::Server { status, .. } => matches!(status, 502..=504),
        _ => true,
    }
}

impl<R> Engine<R>
where
    R: Resource,
    R::NewItem: Submitted + DeserializeOwned,
    R::Record: Stored,
{
    /// Runs until every row is settled, the upload is cancelled, or it cannot go on.
    pub async fn run(
        &mut self,
        control: &Control,
        report: &mut (dyn FnMut(Progress) + Send),
    ) -> Result<(), UploadError> {
        loop {
            if control.is_cancelled() {
                return Err(UploadError::Cancelled);
            }
            if control.is_paused() {
                let mut progress = self.progress();
                progress.paused = true;
                report(progress);
                tokio::time::sleep(Duration::from_millis(200)).await;
                continue;
            }
            let has_uncertain = !self.state.looking_up().is_empty();
            let has_batches = self.state.counts().queued > 0;
            let sending = self.state.states.contains(&RowState::Pending);
            if !sending && !has_uncertain && !has_batches {
                self.record(Event::Finished { at: stamp(now()) })?;
                self.activity = Activity::Done;
                report(self.progress());
                return Ok(());
            }
            if has_uncertain {
                self.activity = Activity::LookingUp;
                report(self.progress());
                self.settle_uncertain().await?;
            }
            if has_batches && (!sending || self.budget_allows_polling()) {
                self.activity = Activity::FollowingBatches;
                self.poll_batches(sending).await?;
            }
            let pending = self.state.rows_in(|s| *s == RowState::Pending);
            if pending.is_empty() {
                report(self.progress());
                tokio::time::sleep(self.settings.poll_every).await;
                continue;
            }
            let take = pending.len().min(self.settings.per_request.max(1));
            self.activity = Activity::Sending { rows: take };
            report(self.progress());
            self.send(&pending[..take]).await?;
            report(self.progress());
        }
    }

    /// Polling a batch spends a request of the rate budget: while rows remain to send,
    /// only poll when the budget has room, so sending keeps its pace.
    fn budget_allows_polling(&self) -> bool {
        self.client
            .rate_budget()
            .is_none_or(|budget| budget.remaining >= 5)
    }

    fn items(&self, rows: &[usize]) -> Result<Vec<R::NewItem>, UploadError> {
        rows.iter()
            .map(|&row| {
                serde_json::from_value(self.state.rows[row].item.clone()).map_err(|_| {
                    UploadError::Journal(JournalError::Damaged {
                        path: self.journal.path().to_path_buf(),
                        line: 1,
                        message: format!(
                            "row at line {} cannot be read back",
                            self.state.rows[row].line
                        ),
                    })
                })
            })
            .collect()
    }

    async fn send(&mut self, rows: &[usize]) -> Result<(), UploadError> {
        let items = self.items(rows)?;
        let request = self.state.requests_sent + 1;
        let sent = SentAt {
            at: stamp(now()),
            server_at: self
                .client
                .server_now()
                .map(|at| stamp(DateTime::<Utc>::from(at))),
        };
        self.record(Event::Sending {
            request,
            rows: rows.to_vec(),
            at: sent.at.clone(),
            server_at: sent.server_at.clone(),
        })?;
        match self.records.create(&items).await {
            Ok(outcome) => {
                self.offline_since = None;
                self.uncertain_in_a_row = 0;
                if let CreateOutcome::Queued { batch_id, total } = &outcome {
                    self.follow_batch(batch_id, *total);
                }
                let held = self.held_references();
                let event = answers::created(request, rows, outcome, &sent, &|reference| {
                    held.contains(reference)
                });
                self.record(event)
            }
            Err(error) => self.record_failure(rows, error, &sent).await,
        }
    }

    async fn record_failure(
        &mut self,
        rows: &[usize],
        error: ApiError,
        sent: &SentAt,
    ) -> Result<(), UploadError> {
        match error {
            ApiError::Validation {
                fields, message, ..
            } => {
                self.offline_since = None;
                self.uncertain_in_a_row = 0;
                let events = answers::refused(
                    rows,
                    &fields,
                    &message,
                    &self.state.rows,
                    &self.origins,
                    self.mapping.as_ref(),
                );
                self.record_all(events)
            }
            ref uncertain if uncertain.outcome_uncertain() => {
                let may_be_queued = rows.len() > SYNC_ITEMS && may_hide_a_queued_answer(uncertain);
                self.record(sent.uncertain(rows, true, may_be_queued, uncertain.to_string()))?;
                self.uncertain_in_a_row += 1;
                if self.uncertain_in_a_row >= MAX_UNCERTAIN_IN_A_ROW {
                    return Err(UploadError::ServerKeepsFailing {
                        count: self.uncertain_in_a_row,
                        last: uncertain.to_string(),
                    });
                }
                Ok(())
            }
            ApiError::RateLimited { retry_after, .. } => {
                self.record(Event::Released {
                    rows: rows.to_vec(),
                })?;
                tokio::time::sleep(retry_after.unwrap_or(Duration::from_secs(1))).await;
                Ok(())
            }
            ApiError::Transport { .. } => {
                self.record(Event::Released {
                    rows: rows.to_vec(),
                })?;
                self.wait_for_network(error).await
            }
            fatal => {
                self.record(Event::Released {
                    rows: rows.to_vec(),
                })?;
                Err(UploadError::Api(fatal))
            }
        }
    }

    /// The network is down: wait and try again, up to the patience. A store that has not
    /// answered once since the upload started (nothing listens, an unknown host, a TLS
    /// failure) is said at once: the client already tried it twice, and minutes of silence
    /// would only hide a wrong address; the upload resumes later.
    pub(super) async fn wait_for_network(&mut self, error: ApiError) -> Result<(), UploadError> {
        let unreachable = matches!(
            error,
            ApiError::Transport {
                kind: TransportKind::Connect | TransportKind::Tls,
                ..
            }
        );
        if unreachable && !self.client.has_answered() {
            return Err(UploadError::Offline(error));
        }
        let since = *self.offline_since.get_or_insert_with(Instant::now);
        if since.elapsed() >= self.settings.offline_patience {
            return Err(UploadError::Offline(error));
        }
        self.activity = Activity::Offline;
        tokio::time::sleep(self.settings.poll_every).await;
        Ok(())
    }

    /// When the request of queued `rows` left (now, for journals from before queued
    /// rows recorded it).
    fn queued_at(&self, rows: &[usize]) -> SentAt {
        match rows.first().map(|&row| &self.state.states[row]) {
            Some(RowState::Queued {
                since: Some(since),
                server_since,
                ..
            }) => SentAt {
                at: since.clone(),
                server_at: server_since.clone(),
            },
            _ => SentAt {
                at: stamp(now()),
                server_at: None,
            },
        }
    }

    /// Starts following a batch the server just queued.
    fn follow_batch(&mut self, batch_id: &str, total: u64) {
        self.looked_at.insert(batch_id.to_string(), Instant::now());
        self.batches.insert(
            batch_id.to_string(),
            BatchProgress {
                batch_id: batch_id.to_string(),
                status: "queued".into(),
                total,
                processed: 0,
            },
        );
    }

    /// Follows the running batches: all of them once nothing is left to send, else only
    /// the one due longest (see `looked_at`). A server without the batch endpoint makes
    /// their rows uncertain, to be found by reconciliation.
    async fn poll_batches(&mut self, one_due: bool) -> Result<(), UploadError> {
        let mut running: Vec<(String, Vec<usize>)> =
            self.state.running_batches().into_iter().collect();
        if one_due {
            let poll_every = self.settings.poll_every;
            let last_look = |batch_id: &str| self.looked_at.get(batch_id).copied();
            running.retain(|(id, _)| last_look(id).is_none_or(|at| at.elapsed() >= poll_every));
            running.sort_by_key(|(id, rows)| (last_look(id), rows.first().copied()));
            running.truncate(1);
        }
        for (batch_id, rows) in running {
            self.looked_at.insert(batch_id.clone(), Instant::now());
            let queued = self.queued_at(&rows);
            let seen = *self
                .batch_seen
                .entry(batch_id.clone())
                .or_insert_with(Instant::now);
            let age = queued.age().min(seen.elapsed());
            match self.client.batch(&batch_id).await {
                Ok(Some(status)) if !status.is_finished() && age >= self.settings.queue_window => {
                    self.looked_at.remove(&batch_id);
                    self.record(queued.uncertain(
                        &rows,
                        false,
                        true,
                        format!(
                            "the server's batch {batch_id} did not finish within {} minute(s) (last status: {})",
                            self.settings.queue_window.as_secs().div_ceil(60),
                            status.status
                        ),
                    ))?
                }
                Ok(Some(status)) => {
                    self.batches.insert(
                        batch_id.clone(),
                        BatchProgress {
                            batch_id: batch_id.clone(),
                            status: status.status.clone(),
                            total: status.total,
                            processed: status.processed,
                        },
                    );
                    if status.is_finished() {
                        self.looked_at.remove(&batch_id);
                        let held = self.held_references();
                        let events = answers::batch_finished(
                            &rows,
                            status,
                            &self.state.rows,
                            &queued,
                            &|reference| held.contains(reference),
                        );
                        self.record_all(events)?;
                    }
                }
                Ok(None) => {
                    self.looked_at.remove(&batch_id);
                    self.record(queued.uncertain(
                        &rows,
                        false,
                        true,
                        "the server does not say how its batches went".into(),
                    ))?
                }
                Err(error) if error.is_transient() => {}
                Err(error) => return Err(UploadError::Api(error)),
            }
        }
        Ok(())
    }
}
