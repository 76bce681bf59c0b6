//! Reconciliation: rows whose outcome is uncertain (a 5xx, a dropped connection, a crash,
//! a batch the server does not report on, an answer that does not add up) are looked
//! up in the store before anything is sent again. The API has no idempotency key, so
//! only the store can say whether a row exists; this module trusts what it finds only
//! when it proves something:
//!
//! - rows are found with the documented `search` (by phone), so how deep the record
//!   sits in the store, and the order lists come in, do not matter;
//! - a record matches a row on phone, name and every product line (quantity and total
//!   included), was made after the request left *on the server's clock*, and is held
//!   by no row of any upload of this store;
//! - rows that share that key with another row of this upload, or of a recent upload
//!   of the store, are settled only when the records account for all of them (never by
//!   the first match), and never while a request that may hold one is still queued;
//! - a row is resent only after its window has passed with no record of its key, and
//!   rows whose request may be queued get the long queue window. A lookup that cannot
//!   conclude leaves the row *not confirmed*: counted as sent, never resent, never
//!   refused, and the merchant is told why.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDateTime, Utc};
use serde::de::DeserializeOwned;

use crate::api::{ApiError, ListQuery, Resource};
use crate::upload::journal::Event;
use crate::upload::matching::{MatchKey, Stored, Submitted, key_of};
use crate::upload::past_uploads;
use crate::upload::state::RowState;
use wedocod_import::Issue;

use super::{Engine, UploadError, now, parse_stamp};

/// Pages of 100 records one search may read. A search by phone returns a customer's
/// records, a page or two; a server that ignores `search` would return the whole
/// store, and then the lookup cannot conclude (the rows stay not confirmed).
const SEARCH_PAGES: u64 = 20;
/// Records made this long before the request left (on the server's clock) still count:
/// the `Date` header has a one-second resolution and answers take time to arrive.
const CLOCK_SLACK: Duration = Duration::from_secs(10);
/// Searches one lookup round may spend, so sending goes on between rounds.
const SEARCHES_PER_ROUND: usize = 20;
/// The references rows hold: the store's other uploads' (as last read) and this one's.
pub(super) struct HeldReferences {
    others: Arc<StoreHolds>,
    own: HashSet<String>,
}

impl HeldReferences {
    pub(super) fn contains(&self, reference: &str) -> bool {
        self.own.contains(reference) || self.others.references.contains(reference)
    }
}

/// How long what the store's other journals hold is taken as read.
const HOLDS_FRESH: Duration = Duration::from_secs(30);
/// Other uploads of the store younger than this can hold a row of the same key.
const RECENT_UPLOADS: Duration = Duration::from_secs(2 * 24 * 3600);

/// What the store says of the uncertain rows of one key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Verdict {
    /// The records account for every row: each gets one reference.
    Created(Vec<String>),
    /// No record of the key was made since the request left.
    Absent,
    /// A request that may hold one of them is still queued, here or in another upload.
    Waiting,
    /// The records do not prove which rows exist.
    Unproven(String),
}

/// Rows of the store that may own a record of a key, besides the rows being settled.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Rivals {
    /// Created without a reference (v1 answers): each owns a record nobody can name.
    pub created_unnamed: usize,
    /// Queued, in flight or uncertain: may own a record, or may not yet.
    pub open: usize,
}

impl Rivals {
    /// Counts a row in `state` among the rivals, if it may own a record.
    fn count(&mut self, state: &RowState) {
        match state {
            RowState::Created { reference: None } => self.created_unnamed += 1,
            RowState::Sending { .. } | RowState::Queued { .. } | RowState::Uncertain { .. } => {
                self.open += 1
            }
            _ => {}
        }
    }
}

/// One record of the key the search returned, not held by any upload's row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Found {
    pub reference: String,
    pub created_at: Option<DateTime<Utc>>,
}

/// What `wanted` uncertain rows of one key are, given the unheld records of that key
/// (made since `since` on the server's clock, when it is known) and their rivals.
/// Pure, so every case is tested without HTTP.
pub(super) fn verdict(
    wanted: usize,
    found: &[Found],
    since: Option<DateTime<Utc>>,
    rivals: Rivals,
) -> Verdict {
    let slack = chrono::Duration::from_std(CLOCK_SLACK).unwrap_or_default();
    let mut fresh: Vec<&Found> = found
        .iter()
        .filter(|record| match (since, record.created_at) {
            (Some(since), Some(made)) => made >= since - slack,
            // Without the server's time, or a date that reads, a record may be new.
            _ => true,
        })
        .collect();
    if fresh.is_empty() {
        return Verdict::Absent;
    }
    if rivals.open > 0 {
        return Verdict::Waiting;
    }
    let owners = wanted + rivals.created_unnamed;
    if fresh.len() == owners {
        fresh.sort_by(|a, b| (a.created_at, &a.reference).cmp(&(b.created_at, &b.reference)));
        return Verdict::Created(
            fresh
                .into_iter()
                .take(wanted)
                .map(|record| record.reference.clone())
                .collect(),
        );
    }
    Verdict::Unproven(if fresh.len() > owners {
        format!(
            "the store holds {} record(s) of this customer and products made since it was sent, for {owners} row(s): which one is this row's cannot be told",
            fresh.len()
        )
    } else {
        format!(
            "the store holds {} of the {owners} record(s) of this customer and products: which rows they are cannot be told",
            fresh.len()
        )
    })
}

/// The time of a record's `created_at`: RFC 3339, or Laravel's `Y-m-d H:i:s` in UTC.
fn record_time(text: &str) -> Option<DateTime<Utc>> {
    parse_stamp(text).or_else(|| {
        NaiveDateTime::parse_from_str(text.trim(), "%Y-%m-%d %H:%M:%S")
            .ok()
            .map(|naive| naive.and_utc())
    })
}

/// What the other uploads of the store hold: every reference any row was given, and
/// per key, the rows of recent uploads that may own a record of it. Read from their
/// journals at most every [`HOLDS_FRESH`]: a store's history can be hundreds of
/// journals, and another upload running at the same time changes it seldom.
#[derive(Debug, Default)]
pub(super) struct StoreHolds {
    references: HashSet<String>,
    rivals: HashMap<MatchKey, Rivals>,
}

impl<R> Engine<R>
where
    R: Resource,
    R::NewItem: Submitted + DeserializeOwned,
    R::Record: Stored,
{
    /// Looks uncertain rows up in the store: rows proven created are created, rows
    /// proven absent once their window has passed are sent again (a failure before
    /// processing) or refused (a failure the server counted), and rows nothing can
    /// prove are left *not confirmed* once the queue window has passed.
    pub(super) async fn settle_uncertain(&mut self) -> Result<(), UploadError> {
        let uncertain = self.state.looking_up();
        let seen_now = Instant::now();
        for &row in &uncertain {
            self.uncertain_seen.entry(row).or_insert(seen_now);
        }
        let mut groups: HashMap<MatchKey, Vec<usize>> = HashMap::new();
        for &row in &uncertain {
            groups.entry(self.keys[row].clone()).or_default().push(row);
        }
        let mut due: Vec<(Option<Instant>, MatchKey)> = groups
            .keys()
            .filter(|key| self.search_due(key, &groups[*key]))
            .map(|key| (self.last_search.get(key).copied(), key.clone()))
            .collect();
        due.sort_by_key(|(last, _)| *last);
        if due.is_empty() {
            tokio::time::sleep(self.settings.poll_every).await;
            return Ok(());
        }
        let holds = self.store_holds();
        let held = self.held_references();
        // One read of the records made since the rows left answers every key for the
        // price of a few pages (so every key is concluded on it, due or not, and waits
        // its turn again); keys it cannot answer are searched one by one.
        let scanned = match (groups.len() > 1, self.server_since(&uncertain)) {
            (true, Some(since)) => {
                let answer = self.scan_since(since, &held).await;
                match self.answered(answer).await? {
                    Some(scanned) => scanned,
                    None => return Ok(()),
                }
            }
            _ => None,
        };
        if scanned.is_some() {
            let mut all: Vec<(Option<Instant>, MatchKey)> = groups
                .keys()
                .map(|key| (self.last_search.get(key).copied(), key.clone()))
                .collect();
            all.sort_by_key(|(last, _)| *last);
            due = all;
        }
        let mut searches = 0;
        for (_, key) in due {
            let rows = &groups[&key];
            let mut found = scanned
                .as_ref()
                .map(|scan| Some(scan.get(&key).cloned().unwrap_or_default()));
            // A row is sent again only on a search's word: a record can slip between two
            // pages of a list read while the store changes, never out of a search.
            let scan_would_release = found.as_ref().is_some_and(|found| {
                self.verdict_on(&key, rows, found.as_deref(), &holds) == Verdict::Absent
                    && rows.iter().any(|&row| self.would_release(row))
            });
            if found.is_none() || scan_would_release {
                if searches == SEARCHES_PER_ROUND {
                    continue;
                }
                searches += 1;
                let answer = self.search(&key, &held).await;
                match self.answered(answer).await? {
                    Some(searched) => found = Some(searched),
                    None => return Ok(()),
                }
            }
            self.last_search.insert(key.clone(), Instant::now());
            let verdict = self.verdict_on(&key, rows, found.flatten().as_deref(), &holds);
            for event in self.conclude(rows, verdict) {
                self.forget_settled(&event);
                self.record(event)?;
            }
        }
        if !self.state.looking_up().is_empty() {
            tokio::time::sleep(self.settings.poll_every).await;
        }
        Ok(())
    }

    /// The store's answer, or what its failure means for the lookup: `None` once the
    /// network's absence has been waited out (the lookup starts again next round).
    async fn answered<T>(&mut self, answer: Result<T, ApiError>) -> Result<Option<T>, UploadError> {
        match answer {
            Ok(value) => {
                self.offline_since = None;
                Ok(Some(value))
            }
            Err(error) if error.is_transient() => {
                self.wait_for_network(error).await?;
                Ok(None)
            }
            Err(error) => Err(UploadError::Api(error)),
        }
    }

    /// The verdict on `rows` of `key` given the unheld records of that key (`None`: the
    /// search could not be narrowed to a customer).
    fn verdict_on(
        &self,
        key: &MatchKey,
        rows: &[usize],
        found: Option<&[Found]>,
        holds: &StoreHolds,
    ) -> Verdict {
        match found {
            Some(found) => verdict(
                rows.len(),
                found,
                self.server_since(rows),
                self.rivals(key, rows, holds),
            ),
            None => Verdict::Unproven(format!(
                "searching the store for this phone returned more than {SEARCH_PAGES} pages"
            )),
        }
    }

    /// Whether the row would be sent again if the store held no record of it.
    fn would_release(&self, row: usize) -> bool {
        matches!(
            self.state.states[row],
            RowState::Uncertain {
                resend_if_missing: true,
                ..
            }
        ) && self.window_passed(row)
    }

    /// Whether the rows of `key` should be looked up now: never looked up yet (most
    /// uncertain outcomes are 5xx after the rows were stored: found at once), a row's
    /// window has passed since the last look (absence is only proof then), or a while
    /// since the last look (rows of a slow queue appear meanwhile).
    fn search_due(&self, key: &MatchKey, rows: &[usize]) -> bool {
        let Some(last) = self.last_search.get(key) else {
            return true;
        };
        let since_last = last.elapsed();
        if since_last < self.settings.poll_every {
            return false;
        }
        // Once right after a row's window has passed (absence proves something from then
        // on), else every refresh period.
        let window_passed_since_last = rows.iter().any(|&row| {
            self.waited(row)
                .checked_sub(self.window(row))
                .is_some_and(|past| past < since_last)
        });
        since_last >= REFRESH_EVERY.min(self.settings.settle_window) || window_passed_since_last
    }

    /// How long the row has waited: from the later of the request's time and the moment
    /// this engine first saw it uncertain (the request may have left well after its
    /// journal line, and after a crash it may still be reaching the server).
    fn waited(&self, row: usize) -> Duration {
        let Some(since_sent) = self.since_sent(row) else {
            return Duration::ZERO;
        };
        let since_seen = self
            .uncertain_seen
            .get(&row)
            .map_or(Duration::ZERO, Instant::elapsed);
        since_sent.min(since_seen)
    }

    /// The window a row's absence must last before it is concluded: the settle window,
    /// or the queue window when its request may sit in the server's queue.
    fn window(&self, row: usize) -> Duration {
        match &self.state.states[row] {
            RowState::Uncertain {
                may_be_queued: true,
                ..
            } => self.settings.queue_window,
            _ => self.settings.settle_window,
        }
    }

    fn window_passed(&self, row: usize) -> bool {
        self.waited(row) >= self.window(row)
    }

    /// Whether the engine stops looking the row up and leaves it not confirmed: the
    /// queue window has passed since its request left (on the journal's clock, so a
    /// resume of a row given up concludes after one settle window of lookups).
    fn give_up(&self, row: usize) -> bool {
        self.since_sent(row)
            .is_some_and(|since_sent| since_sent >= self.settings.queue_window)
            && self.waited(row) >= self.settings.settle_window
    }

    /// How long ago an uncertain row's request left, on the journal's clock (for ever
    /// when its stamp does not read); `None` for a row that is not uncertain.
    fn since_sent(&self, row: usize) -> Option<Duration> {
        let RowState::Uncertain { since, .. } = &self.state.states[row] else {
            return None;
        };
        Some(parse_stamp(since).map_or(Duration::MAX, |since| {
            (now() - since).to_std().unwrap_or_default()
        }))
    }

    /// The earliest time, on the server's clock, the rows' requests left: records made
    /// before it are not theirs. `None` when any of them left before the server's clock
    /// was known.
    fn server_since(&self, rows: &[usize]) -> Option<DateTime<Utc>> {
        rows.iter()
            .map(|&row| match &self.state.states[row] {
                RowState::Uncertain {
                    server_since: Some(at),
                    ..
                } => parse_stamp(at),
                _ => None,
            })
            .collect::<Option<Vec<_>>>()?
            .into_iter()
            .min()
    }

    /// The journal events that follow from a verdict on `rows`.
    fn conclude(&self, rows: &[usize], verdict: Verdict) -> Vec<Event> {
        match verdict {
            Verdict::Created(references) => vec![Event::Created {
                rows: rows
                    .iter()
                    .copied()
                    .zip(references.into_iter().map(Some))
                    .collect(),
            }],
            Verdict::Absent => {
                // Rows are declared missing only once no batch this upload queued is
                // still being worked through (a request whose answer was lost may be
                // queued behind them).
                if self.state.counts().queued > 0 {
                    return Vec::new();
                }
                let mut release = Vec::new();
                let mut refuse = Vec::new();
                let mut unresolved = Vec::new();
                for &row in rows.iter().filter(|&&row| self.window_passed(row)) {
                    let RowState::Uncertain {
                        resend_if_missing,
                        may_be_queued,
                        ..
                    } = &self.state.states[row]
                    else {
                        continue;
                    };
                    if *resend_if_missing {
                        release.push(row);
                    } else if *may_be_queued {
                        unresolved.push(row);
                    } else {
                        let line = self.state.rows[row].line;
                        refuse.push((
                            row,
                            vec![Issue::of_row(
                                line,
                                "",
                                "The server did not create this row (it did not say why).",
                            )],
                        ));
                    }
                }
                let mut events = Vec::new();
                if !release.is_empty() {
                    events.push(Event::Released { rows: release });
                }
                if !refuse.is_empty() {
                    events.push(Event::Refused { rows: refuse });
                }
                if !unresolved.is_empty() {
                    events.push(Event::Unresolved {
                        rows: unresolved,
                        reason: format!(
                            "the server queued this row and it did not appear in the store within {} minute(s); it may still be created: look for it before sending it again",
                            self.settings.queue_window.as_secs().div_ceil(60)
                        ),
                    });
                }
                events
            }
            Verdict::Waiting => self.conclude(
                rows,
                Verdict::Unproven(
                    "a request that may hold a row of this customer and products is still queued or unconfirmed".into(),
                ),
            ),
            Verdict::Unproven(reason) => {
                let given_up: Vec<usize> =
                    rows.iter().copied().filter(|&row| self.give_up(row)).collect();
                if given_up.is_empty() {
                    Vec::new()
                } else {
                    vec![Event::Unresolved {
                        rows: given_up,
                        reason,
                    }]
                }
            }
        }
    }

    /// Puts rows an earlier run left *not confirmed* back to be looked up, each with
    /// its request's time and kind.
    pub(super) fn look_again_at_unresolved(&mut self) -> Result<(), UploadError> {
        let mut groups: Vec<(Event, Vec<usize>)> = Vec::new();
        for (row, state) in self.state.states.iter().enumerate() {
            let RowState::Uncertain {
                since,
                resend_if_missing,
                may_be_queued,
                server_since,
                unresolved: Some(reason),
            } = state
            else {
                continue;
            };
            let event = Event::Uncertain {
                rows: Vec::new(),
                since: since.clone(),
                resend_if_missing: *resend_if_missing,
                reason: reason.clone(),
                may_be_queued: *may_be_queued,
                server_since: server_since.clone(),
            };
            match groups.iter_mut().find(|(group, _)| *group == event) {
                Some((_, rows)) => rows.push(row),
                None => groups.push((event, vec![row])),
            }
        }
        for (mut event, group_rows) in groups {
            if let Event::Uncertain { rows, .. } = &mut event {
                *rows = group_rows;
            }
            self.record(event)?;
        }
        Ok(())
    }

    /// Stops timing rows an event settles.
    fn forget_settled(&mut self, event: &Event) {
        let rows: Vec<usize> = match event {
            Event::Created { rows } => rows.iter().map(|(row, _)| *row).collect(),
            Event::Refused { rows } => rows.iter().map(|(row, _)| *row).collect(),
            Event::Released { rows } | Event::Unresolved { rows, .. } => rows.clone(),
            _ => Vec::new(),
        };
        for row in rows {
            self.uncertain_seen.remove(&row);
        }
    }

    /// Rows besides `settling` that may own a record of `key`: this upload's own, and
    /// those of recent uploads of the store.
    fn rivals(&self, key: &MatchKey, settling: &[usize], holds: &StoreHolds) -> Rivals {
        let mut rivals = holds.rivals.get(key).copied().unwrap_or_default();
        for (row, state) in self.state.states.iter().enumerate() {
            if self.keys[row] == *key && !settling.contains(&row) {
                rivals.count(state);
            }
        }
        rivals
    }

    /// Reads the store's other journals: the references they hold, and their rows of
    /// recent uploads that may own a record.
    fn store_holds(&mut self) -> Arc<StoreHolds> {
        if let Some((read, holds)) = &self.store_holds
            && read.elapsed() < HOLDS_FRESH
        {
            return holds.clone();
        }
        let listing = past_uploads::list(&self.settings.store.journals());
        let mut holds = StoreHolds::default();
        let recent = now() - chrono::Duration::from_std(RECENT_UPLOADS).unwrap_or_default();
        for record in &listing.uploads {
            if record.summary.upload_id == self.state.upload_id {
                continue;
            }
            let is_recent = parse_stamp(&record.summary.started_at).is_some_and(|at| at >= recent);
            for (row, state) in record.state.rows.iter().zip(&record.state.states) {
                if let RowState::Created {
                    reference: Some(reference),
                } = state
                {
                    holds.references.insert(reference.clone());
                }
                if !is_recent || record.summary.kind != R::NAME {
                    continue;
                }
                let key = key_of(R::NAME, &row.item).unwrap_or_else(|| row.key.clone());
                holds.rivals.entry(key).or_default().count(state);
            }
        }
        let holds = Arc::new(holds);
        self.store_holds = Some((Instant::now(), holds.clone()));
        holds
    }

    /// Every reference a row of any upload of the store holds, this one's as they are
    /// now: a record never taken for another row's, a reference a server names again
    /// never believed.
    pub(super) fn held_references(&mut self) -> HeldReferences {
        let others = self.store_holds();
        let own = self
            .state
            .states
            .iter()
            .filter_map(|state| match state {
                RowState::Created {
                    reference: Some(reference),
                } => Some(reference.clone()),
                _ => None,
            })
            .collect();
        HeldReferences { others, own }
    }

    /// The unheld records of every key among the records made since `since` (server
    /// time), read from the list's newest end: page 1 onwards when the list is newest
    /// first, the last page backwards when it is oldest first (the docs promise neither:
    /// the order is read from the dates). `None` when the order cannot be told, a date
    /// does not read, or the records since then fill more than [`SCAN_PAGES`] pages.
    async fn scan_since(
        &self,
        since: DateTime<Utc>,
        held: &HeldReferences,
    ) -> Result<Option<HashMap<MatchKey, Vec<Found>>>, ApiError> {
        let cutoff = since - chrono::Duration::from_std(CLOCK_SLACK).unwrap_or_default();
        let mut scanned: HashMap<MatchKey, Vec<Found>> = HashMap::new();
        let first = self.records.list(&ListQuery::page(1, 100)).await?;
        let Some(times) = dates_of(&first.items) else {
            return Ok(None);
        };
        if first.pages <= 1 {
            take_records(&mut scanned, &first.items, held);
            return Ok(Some(scanned));
        }
        let order = list_order(&times);
        let mut page = match order {
            Some(ListOrder::NewestFirst) => 1,
            Some(ListOrder::OldestFirst) => first.pages,
            None => return Ok(None),
        };
        let mut listed = first;
        for read in 1..=SCAN_PAGES {
            if read > 1 || page != 1 {
                listed = self.records.list(&ListQuery::page(page, 100)).await?;
            }
            let Some(times) = dates_of(&listed.items) else {
                return Ok(None);
            };
            if times.len() > 1 && list_order(&times).is_some_and(|seen| Some(seen) != order) {
                return Ok(None);
            }
            take_records(&mut scanned, &listed.items, held);
            let reached_older = times.iter().any(|at| *at < cutoff);
            let at_the_end = match order {
                Some(ListOrder::NewestFirst) => listed.items.is_empty() || page >= listed.pages,
                _ => page <= 1,
            };
            if reached_older || at_the_end {
                return Ok(Some(scanned));
            }
            page = match order {
                Some(ListOrder::NewestFirst) => page + 1,
                _ => page - 1,
            };
        }
        Ok(None)
    }

    /// The store's records of `key` that no upload's row holds, found with `search` by
    /// the phone's digits; `None` when the search returns more pages than a customer
    /// can have (a server that ignores `search`).
    async fn search(
        &self,
        key: &MatchKey,
        held: &HeldReferences,
    ) -> Result<Option<Vec<Found>>, ApiError> {
        let mut query = ListQuery::page(1, 100);
        query.search = Some(key.phone_digits().to_string());
        let mut found = HashMap::new();
        loop {
            let listed = self.records.list(&query).await?;
            take_records(&mut found, &listed.items, held);
            if listed.items.is_empty() || query.page >= listed.pages {
                return Ok(Some(found.remove(key).unwrap_or_default()));
            }
            if query.page >= SEARCH_PAGES {
                return Ok(None);
            }
            query.page += 1;
        }
    }
}

/// Pages of the newest records one scan may read before the lookup falls back to a
/// search per key.
const SCAN_PAGES: u64 = 30;

/// The order a list comes in, as its dates show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ListOrder {
    NewestFirst,
    OldestFirst,
}

/// The order of `times`, when they show one (at least two different dates, never going
/// the other way).
fn list_order(times: &[DateTime<Utc>]) -> Option<ListOrder> {
    let pairs = || times.windows(2).map(|pair| pair[0].cmp(&pair[1]));
    let newest_first = pairs().all(|order| order.is_ge());
    let oldest_first = pairs().all(|order| order.is_le());
    match (newest_first, oldest_first) {
        (true, false) => Some(ListOrder::NewestFirst),
        (false, true) => Some(ListOrder::OldestFirst),
        _ => None,
    }
}

/// The `created_at` of every record, or `None` when one does not read.
fn dates_of<T: Stored>(records: &[T]) -> Option<Vec<DateTime<Utc>>> {
    records
        .iter()
        .map(|record| record.created_at().and_then(record_time))
        .collect()
}

/// Adds the records no upload holds to their key's list, once each.
fn take_records<T: Stored>(
    scanned: &mut HashMap<MatchKey, Vec<Found>>,
    records: &[T],
    held: &HeldReferences,
) {
    for record in records {
        let Some(reference) = record.reference() else {
            continue;
        };
        if held.contains(reference) {
            continue;
        }
        let found = scanned.entry(record.match_key()).or_default();
        if found.iter().all(|known| known.reference != reference) {
            found.push(Found {
                reference: reference.to_string(),
                created_at: record.created_at().and_then(record_time),
            });
        }
    }
}

/// How often rows of a key are searched for again while their window runs: rows of a
/// slow queue appear meanwhile, and each search spends a request of the rate budget.
const REFRESH_EVERY: Duration = Duration::from_secs(15);

#[cfg(test)]
mod tests {
    use super::*;

    fn record(reference: &str, minutes_ago: i64) -> Found {
        Found {
            reference: reference.into(),
            created_at: Some(Utc::now() - chrono::Duration::minutes(minutes_ago)),
        }
    }

    #[test]
    fn one_row_one_fresh_record_is_created() {
        let since = Some(Utc::now() - chrono::Duration::minutes(1));
        let said = verdict(1, &[record("LD-1", 0)], since, Rivals::default());
        assert_eq!(said, Verdict::Created(vec!["LD-1".into()]));
    }

    #[test]
    fn records_made_before_the_request_left_are_not_the_rows() {
        // The same customer ordered the same thing an hour ago: not this row.
        let since = Some(Utc::now() - chrono::Duration::minutes(1));
        let said = verdict(1, &[record("LD-1", 60)], since, Rivals::default());
        assert_eq!(said, Verdict::Absent);
        // Without the server's time, that record may be new: it proves nothing.
        let said = verdict(2, &[record("LD-1", 60)], None, Rivals::default());
        assert!(matches!(said, Verdict::Unproven(_)), "{said:?}");
    }

    #[test]
    fn rows_sharing_a_key_are_never_settled_by_the_first_match() {
        let since = Some(Utc::now() - chrono::Duration::minutes(5));
        let one = [record("LD-1", 1)];
        assert!(matches!(
            verdict(2, &one, since, Rivals::default()),
            Verdict::Unproven(_)
        ));
        // A rival still queued may own the record: wait for it.
        let queued = Rivals {
            created_unnamed: 0,
            open: 1,
        };
        assert_eq!(verdict(1, &one, since, queued), Verdict::Waiting);
        // An unnamed created rival owns one: two records for two owners prove both.
        let unnamed = Rivals {
            created_unnamed: 1,
            open: 0,
        };
        assert!(matches!(
            verdict(1, &one, since, unnamed),
            Verdict::Unproven(_)
        ));
        let two = [record("LD-2", 2), record("LD-1", 1)];
        assert_eq!(
            verdict(1, &two, since, unnamed),
            Verdict::Created(vec!["LD-2".into()])
        );
        // More fresh records than rows: someone else made one; which is ours is unknown.
        assert!(matches!(
            verdict(1, &two, since, Rivals::default()),
            Verdict::Unproven(_)
        ));
        assert_eq!(
            verdict(2, &two, since, Rivals::default()),
            Verdict::Created(vec!["LD-2".into(), "LD-1".into()])
        );
    }

    #[test]
    fn a_list_order_is_read_from_its_dates() {
        let now = Utc::now();
        let at = |minutes: i64| now - chrono::Duration::minutes(minutes);
        assert_eq!(
            list_order(&[at(1), at(2), at(2), at(5)]),
            Some(ListOrder::NewestFirst)
        );
        assert_eq!(
            list_order(&[at(5), at(2), at(1)]),
            Some(ListOrder::OldestFirst)
        );
        let same = at(3);
        assert_eq!(list_order(&[same, same]), None, "one date tells no order");
        assert_eq!(list_order(&[at(1), at(5), at(2)]), None, "no order at all");
    }

    #[test]
    fn a_record_time_reads_in_both_spellings() {
        assert!(record_time("2026-12-06T10:00:00Z").is_some());
        assert!(record_time("2026-12-06T10:00:00.123+01:00").is_some());
        assert_eq!(
            record_time("2026-12-06 10:00:00"),
            record_time("2026-12-06T10:00:00Z")
        );
        assert_eq!(record_time("yesterday"), None);
    }
}
