//! The upload engine: rows → requests of at most `per_request` items → per-row outcomes,
//! with a journal line before every request and after every outcome. Its one promise:
//! never a duplicate, never a lost row. A request whose outcome is uncertain (5xx, a
//! dropped connection, a crash) is never resent before its rows are looked up on the
//! server; rows the server refused wait for a fix while the others go on.
//!
//! Its rooms: `plan` starts or resumes an upload (its journal, the "sent before"
//! check), `run` is the loop that sends requests and follows batches, `answers` turns
//! each answer into journal events (pure functions, tested without HTTP) and
//! `reconcile` looks rows of uncertain outcome up on the server.

mod answers;
mod file_match;
mod plan;
mod reconcile;
mod run;

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use chrono::{DateTime, SecondsFormat, Utc};
use serde::de::DeserializeOwned;

use crate::api::{ApiError, Client, Records, Resource};
use crate::stores::StoreHome;
use wedocod_import::ItemOrigin;
use wedocod_import::Mapping;

use super::journal::{Event, Journal, JournalError};
use super::matching::{MatchKey, Stored, Submitted, key_of};
use super::state::{Counts, UploadState};

/// How an upload behaves.
#[derive(Debug, Clone)]
pub struct UploadSettings {
    /// Items per request (the API takes at most 100).
    pub per_request: usize,
    /// Send the valid rows and list the others, instead of refusing to start.
    pub skip_invalid: bool,
    /// How long rows of an uncertain request may take to show up on the server before
    /// they are declared missing.
    pub settle_window: Duration,
    /// How long rows whose request may sit in the server's queue (a lost answer to an
    /// async-sized request, a batch that cannot be followed or never ends) may take to
    /// show up before anything is concluded: queues of the real API take minutes.
    pub queue_window: Duration,
    /// How often running batches and uncertain rows are looked at.
    pub poll_every: Duration,
    /// How long the network may stay down before the upload stops (it can be resumed).
    pub offline_patience: Duration,
    /// What to do with rows earlier uploads already sent to this store.
    pub repeats: Repeats,
    /// The store account the rows go to: its journals, and the "sent before" check.
    pub store: StoreHome,
    /// The workbook sheet the rows come from (none for a CSV file), recorded in the journal;
    /// a resume must read the same one.
    pub sheet: Option<String>,
}

impl UploadSettings {
    /// The usual settings for an upload to `store`.
    pub fn new(store: StoreHome) -> UploadSettings {
        UploadSettings {
            per_request: 100,
            skip_invalid: false,
            settle_window: Duration::from_secs(20),
            queue_window: Duration::from_secs(10 * 60),
            poll_every: Duration::from_secs(2),
            offline_patience: Duration::from_secs(120),
            repeats: Repeats::Refuse,
            store,
            sheet: None,
        }
    }
}

/// Pause and cancel, checked between requests (of an upload, or of a table export,
/// which only cancels).
#[derive(Debug, Default)]
pub struct Control {
    paused: AtomicBool,
    cancelled: AtomicBool,
}

impl Control {
    pub fn new() -> Arc<Control> {
        Arc::new(Control::default())
    }

    pub fn pause(&self, paused: bool) {
        self.paused.store(paused, Ordering::SeqCst);
    }

    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::SeqCst);
    }

    pub fn is_paused(&self) -> bool {
        self.paused.load(Ordering::SeqCst)
    }

    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::SeqCst)
    }
}

/// One async batch as last seen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BatchProgress {
    pub batch_id: String,
    pub status: String,
    pub total: u64,
    pub processed: u64,
}

/// What the engine reports after each step.
#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    pub counts: Counts,
    pub requests: u64,
    pub rows_per_minute: f64,
    pub time_left: Option<Duration>,
    pub batches: Vec<BatchProgress>,
    pub paused: bool,
    pub activity: Activity,
}

/// What the engine is doing, for a progress line (said in the merchant's language by the
/// window and the terminal).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Activity {
    #[default]
    Starting,
    /// Sending one request of this many rows.
    Sending {
        rows: usize,
    },
    /// Asking the store which rows of an unanswered request it created.
    LookingUp,
    FollowingBatches,
    /// The network is down; the next try is after a pause.
    Offline,
    Done,
}

/// Why an upload stopped before its end. Rows keep their state in the journal: the
/// upload can be resumed.
#[derive(Debug, thiserror::Error)]
pub enum UploadError {
    #[error(transparent)]
    Journal(#[from] JournalError),
    #[error(
        "{count} row(s) have errors (first at line {first_line}): fix them, or skip them with --skip-invalid"
    )]
    InvalidRows { count: usize, first_line: u64 },
    #[error("the file has no row to send")]
    NothingToSend,
    #[error(
        "{count} row(s) of this file (first at line {first_line}) were already sent to this store by upload {upload_id} (created, or still waiting in it): go on with that upload (--resume {upload_id}), send only the other rows (--skip-sent), or create them again as new records (--again)"
    )]
    AlreadyCreated {
        count: usize,
        first_line: u64,
        upload_id: String,
    },
    /// Rows it may hold cannot be told apart from this file's: refuse rather than
    /// risk a duplicate.
    #[error(
        "the journal of upload {upload_id} cannot be read ({reason}), so rows of this file may have been sent by it: move that journal aside if you are sure they were not, or create them again as new records (--again)"
    )]
    UnreadableJournal { upload_id: String, reason: String },
    #[error("the upload journal does not start like an upload")]
    NotAnUpload,
    /// A journal is resumed only by an engine of its own store, kind and generation:
    /// anything else would send its rows to the wrong place or in the wrong shape.
    #[error("upload {upload_id} {mismatch}: it cannot be resumed here")]
    WrongJournal { upload_id: String, mismatch: String },
    #[error("{0}")]
    Api(ApiError),
    #[error("the network is down ({0}); the upload can be resumed")]
    Offline(ApiError),
    #[error("the upload was cancelled; it can be resumed")]
    Cancelled,
    /// A server that fails every create (500s, undocumented answers, redirects) would
    /// otherwise be retried forever, each failure looked up and resent.
    #[error(
        "the server failed {count} requests in a row (the last: {last}); the upload stopped and can be resumed"
    )]
    ServerKeepsFailing { count: u32, last: String },
}

fn now() -> DateTime<Utc> {
    Utc::now()
}

fn stamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Millis, true)
}

fn parse_stamp(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

/// What an upload does with rows an earlier upload already created in the same store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Repeats {
    /// Refuse to start, naming the earlier upload.
    #[default]
    Refuse,
    /// Send the other rows; report these as skipped.
    Skip,
    /// Create them again as new records.
    Send,
}

/// An upload of one resource's rows.
pub struct Engine<R: Resource> {
    records: Records<R>,
    client: Client,
    journal: Journal,
    state: UploadState,
    /// Where each row's values came from, when the file is at hand (422 → cells).
    origins: Vec<Option<ItemOrigin>>,
    mapping: Option<Mapping>,
    settings: UploadSettings,
    started: Instant,
    created_before: usize,
    batches: BTreeMap<String, BatchProgress>,
    /// When each running batch was submitted or last polled. Every poll spends a request
    /// of the rate budget, so while rows remain to send only one batch that has had
    /// `poll_every` to progress is looked at per request sent.
    looked_at: HashMap<String, Instant>,
    offline_since: Option<Instant>,
    /// Creates in a row whose outcome was uncertain; any other answer resets it.
    uncertain_in_a_row: u32,
    /// Each row's match key, built from its item as sent (journals written before
    /// product lines were part of the key hold a shorter one).
    keys: Vec<MatchKey>,
    /// When the store was last searched for each key of uncertain rows.
    last_search: HashMap<MatchKey, Instant>,
    /// What the store's other uploads hold, and when it was read (see `reconcile`).
    store_holds: Option<(Instant, Arc<reconcile::StoreHolds>)>,
    /// When this engine first saw each running batch (journals from before batches
    /// recorded their time): a batch that never ends is given up after the queue window.
    batch_seen: HashMap<String, Instant>,
    /// When this engine first saw each uncertain row: its settle window runs from then at
    /// the earliest (see `reconcile`).
    uncertain_seen: HashMap<usize, Instant>,
    /// What the engine is doing, for progress reports.
    activity: Activity,
}

impl<R> Engine<R>
where
    R: Resource,
    R::NewItem: Submitted + DeserializeOwned,
    R::Record: Stored,
{
    fn with(
        client: Client,
        journal: Journal,
        state: UploadState,
        origins: Vec<Option<ItemOrigin>>,
        mapping: Option<Mapping>,
        settings: UploadSettings,
    ) -> Engine<R> {
        let created_before = state.counts().created;
        let keys = state
            .rows
            .iter()
            .map(|row| key_of(R::NAME, &row.item).unwrap_or_else(|| row.key.clone()))
            .collect();
        Engine {
            records: client.records::<R>(),
            client,
            journal,
            state,
            origins,
            mapping,
            settings,
            started: Instant::now(),
            created_before,
            batches: BTreeMap::new(),
            looked_at: HashMap::new(),
            offline_since: None,
            uncertain_in_a_row: 0,
            keys,
            last_search: HashMap::new(),
            batch_seen: HashMap::new(),
            store_holds: None,
            uncertain_seen: HashMap::new(),
            activity: Activity::Starting,
        }
    }

    pub fn upload_id(&self) -> &str {
        &self.state.upload_id
    }

    pub fn state(&self) -> &UploadState {
        &self.state
    }

    fn record(&mut self, event: Event) -> Result<(), UploadError> {
        self.journal.record(&event)?;
        self.state.apply(&event);
        if let Event::Revised { row, key, .. } = &event
            && let Some(slot) = self.keys.get_mut(*row)
        {
            *slot = key.clone();
        }
        Ok(())
    }

    fn record_all(&mut self, events: Vec<Event>) -> Result<(), UploadError> {
        events.into_iter().try_for_each(|event| self.record(event))
    }

    /// Where the upload stands.
    pub fn progress(&self) -> Progress {
        let counts = self.state.counts();
        let minutes = self.started.elapsed().as_secs_f64() / 60.0;
        let created_now = counts.created.saturating_sub(self.created_before);
        let rows_per_minute = if minutes > 0.0 {
            created_now as f64 / minutes
        } else {
            0.0
        };
        let left = counts.pending + counts.queued + counts.uncertain;
        let time_left = (rows_per_minute > 0.0 && left > 0)
            .then(|| Duration::from_secs_f64(left as f64 / rows_per_minute * 60.0));
        Progress {
            counts,
            requests: self.state.requests_sent,
            rows_per_minute,
            time_left,
            batches: self.batches.values().cloned().collect(),
            paused: false,
            activity: self.activity,
        }
    }
}
