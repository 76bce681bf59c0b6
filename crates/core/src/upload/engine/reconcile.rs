//! Reconciliation: rows whose outcome is unknown (a 5xx, a dropped connection, a crash,
//! a batch the server does not report on) are looked up among the store's newest
//! records before anything is sent again.

use std::collections::{HashMap, HashSet};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;

use crate::api::{ApiError, ListQuery, Resource};
use crate::upload::journal::Event;
use crate::upload::matching::{MatchKey, Stored, Submitted};
use crate::upload::state::RowState;

use super::{Engine, UploadError, now, parse_stamp};
use crate::import::CellError;

/// Pages of the newest records looked at when reconciling, at most.
const RECONCILE_PAGES: u64 = 50;
/// Records created this long before a request are still candidates (clock skew).
const CLOCK_SLACK: Duration = Duration::from_secs(120);

impl<R> Engine<R>
where
    R: Resource,
    R::NewItem: Submitted + DeserializeOwned,
    R::Record: Stored,
{
    /// Looks the uncertain rows up among the server's newest records. Found rows are
    /// created; rows still missing once the settle window has passed are sent again (a
    /// failure before processing) or refused (a failure the server counted).
    pub(super) async fn settle_uncertain(&mut self) -> Result<(), UploadError> {
        let uncertain = self
            .state
            .rows_in(|s| matches!(s, RowState::Uncertain { .. }));
        let seen_now = Instant::now();
        for &row in &uncertain {
            self.uncertain_seen.entry(row).or_insert(seen_now);
        }
        let oldest = uncertain
            .iter()
            .filter_map(|&row| match &self.state.states[row] {
                RowState::Uncertain { since, .. } => parse_stamp(since),
                _ => None,
            })
            .min()
            .unwrap_or_else(now);
        let found = match self.find_on_server(&uncertain, oldest).await {
            Ok(found) => found,
            Err(error) if error.is_transient() => return self.wait_for_network(error).await,
            Err(error) => return Err(UploadError::Api(error)),
        };
        self.offline_since = None;
        if !found.is_empty() {
            self.last_found = Some(Instant::now());
            self.record(Event::Created {
                rows: found
                    .iter()
                    .map(|(row, reference)| (*row, Some(reference.clone())))
                    .collect(),
            })?;
        }
        let found_rows: HashSet<usize> = found.iter().map(|(row, _)| *row).collect();
        let missing: Vec<usize> = uncertain
            .iter()
            .copied()
            .filter(|row| !found_rows.contains(row))
            .collect();
        let mut release = Vec::new();
        let mut refuse = Vec::new();
        let window = self.settings.settle_window;
        // Rows are declared missing only once the store is quiet: none of them appeared
        // within the window, and no batch this upload queued is still being worked through
        // (a request whose answer was lost may be queued behind them).
        let busy = self.state.counts().queued > 0;
        let quiet = !busy && self.last_found.is_none_or(|at| at.elapsed() >= window);
        for row in missing.into_iter().filter(|_| quiet) {
            let RowState::Uncertain {
                since,
                resend_if_missing,
            } = &self.state.states[row]
            else {
                continue;
            };
            // From the later of the request's time and the moment this engine first saw
            // the row uncertain: the request may have left well after `since` (the client
            // waits out 429s and pacing first), and after a crash it may still be reaching
            // the server while the console restarts.
            let since_sent = parse_stamp(since).map_or(Duration::MAX, |since| {
                (now() - since).to_std().unwrap_or_default()
            });
            let since_seen = self
                .uncertain_seen
                .get(&row)
                .map_or(Duration::ZERO, Instant::elapsed);
            let waited = since_sent.min(since_seen);
            if waited < window {
                continue;
            }
            if *resend_if_missing {
                release.push(row);
            } else {
                let line = self.state.rows[row].line;
                refuse.push((
                    row,
                    vec![CellError::of_row(
                        line,
                        "",
                        "The server did not create this row (it did not say why).",
                    )],
                ));
            }
        }
        for row in found_rows.iter().chain(&release) {
            self.uncertain_seen.remove(row);
        }
        for (row, _) in &refuse {
            self.uncertain_seen.remove(row);
        }
        if !release.is_empty() {
            self.record(Event::Released { rows: release })?;
        }
        if !refuse.is_empty() {
            self.record(Event::Refused { rows: refuse })?;
        }
        if !self
            .state
            .rows_in(|s| matches!(s, RowState::Uncertain { .. }))
            .is_empty()
        {
            tokio::time::sleep(self.settings.poll_every).await;
        }
        Ok(())
    }

    /// Pages through the newest records created since `since` (less some slack for
    /// clocks) and pairs each wanted row with one record of the same key that no other
    /// row of this upload owns.
    async fn find_on_server(
        &self,
        wanted: &[usize],
        since: DateTime<Utc>,
    ) -> Result<Vec<(usize, String)>, ApiError> {
        let owned: HashSet<String> = self
            .state
            .states
            .iter()
            .filter_map(|s| match s {
                RowState::Created {
                    reference: Some(reference),
                } => Some(reference.clone()),
                _ => None,
            })
            .collect();
        let mut waiting: HashMap<MatchKey, Vec<usize>> = HashMap::new();
        for &row in wanted.iter().rev() {
            waiting
                .entry(self.state.rows[row].key.clone())
                .or_default()
                .push(row);
        }
        let oldest = since - chrono::Duration::from_std(CLOCK_SLACK).unwrap_or_default();
        let mut found = Vec::new();
        for page in 1..=RECONCILE_PAGES {
            let listed = self.records.list(&ListQuery::page(page, 100)).await?;
            let mut reached_older = false;
            for record in &listed.items {
                if record
                    .created_at()
                    .and_then(parse_stamp)
                    .is_some_and(|at| at < oldest)
                {
                    reached_older = true;
                    continue;
                }
                let Some(reference) = record.reference() else {
                    continue;
                };
                if owned.contains(reference) {
                    continue;
                }
                if let Some(row) = waiting.get_mut(&record.match_key()).and_then(Vec::pop) {
                    found.push((row, reference.to_string()));
                }
            }
            if reached_older
                || listed.items.is_empty()
                || page >= listed.pages
                || waiting.values().all(Vec::is_empty)
            {
                break;
            }
        }
        Ok(found)
    }
}
