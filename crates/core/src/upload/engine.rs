//! The upload engine: rows → requests of at most `per_request` items → per-row outcomes,
//! with a journal line before every request and after every outcome. Its one promise:
//! never a duplicate, never a lost row. A request whose outcome is unknown (5xx, a
//! dropped connection, a crash) is never resent before its rows are looked up on the
//! server; rows the server refused wait for a fix while the others go on.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use chrono::{DateTime, SecondsFormat, Utc};
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::api::wire::{BatchStatus, FieldErrors};
use crate::api::{
    ApiError, Client, CreateOutcome, Dialect, ListQuery, Records, Resource, ResourceName,
};
use crate::files::{self, LockFile};
use crate::import::build::ItemOrigin;
use crate::import::mapping::Mapping;
use crate::import::server_errors::locate;
use crate::import::sheet::Candidate;
use crate::stores::StoreHome;

use super::journal::{Event, Journal, JournalError, PlannedRow, RowError};
use super::matching::{MatchKey, Stored, Submitted};
use super::past_uploads;
use super::report::SENT_BEFORE;
use super::state::{Counts, RowState, UploadState};

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
    /// How often running batches and uncertain rows are looked at.
    pub poll_every: Duration,
    /// How long the network may stay down before the upload stops (it can be resumed).
    pub offline_patience: Duration,
    /// What to do with rows earlier uploads already sent to this store.
    pub repeats: Repeats,
    /// The store account the rows go to: its journals, and the "sent before" check.
    pub store: StoreHome,
}

impl UploadSettings {
    /// The usual settings for an upload to `store`.
    pub fn new(store: StoreHome) -> UploadSettings {
        UploadSettings {
            per_request: 100,
            skip_invalid: false,
            settle_window: Duration::from_secs(20),
            poll_every: Duration::from_secs(2),
            offline_patience: Duration::from_secs(120),
            repeats: Repeats::Refuse,
            store,
        }
    }
}

/// Pause and cancel, checked between requests.
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

    fn is_cancelled(&self) -> bool {
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
    /// What the engine is doing, in a few words.
    pub activity: String,
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

/// A new upload's id: sortable by time, unique enough for one computer.
fn new_upload_id() -> String {
    use rand::Rng;
    format!(
        "up-{}-{:04x}",
        now().format("%Y%m%d-%H%M%S"),
        rand::rng().random::<u16>()
    )
}

/// The lock a new upload holds while it checks earlier uploads and records its own.
const START_LOCK: &str = "start.lock";

/// Pages of the newest records looked at when reconciling, at most.
const RECONCILE_PAGES: u64 = 50;
/// Records created this long before a request are still candidates (clock skew).
const CLOCK_SLACK: Duration = Duration::from_secs(120);

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
    /// When reconciliation last found a row: rows of a batch the server is still
    /// working through keep appearing, and none is declared missing until they stop.
    last_found: Option<Instant>,
    /// What the engine is doing, for progress reports.
    activity: String,
}

/// Refused or skipped rows whose line in the (fixed) file now holds a different item
/// without errors: the row, its new item and key, and where its values came from.
fn revisions<T: serde::Serialize + Submitted>(
    state: &UploadState,
    candidates: &[Candidate<T>],
) -> Vec<(usize, Value, MatchKey, ItemOrigin)> {
    let by_line: HashMap<u64, &Candidate<T>> = candidates.iter().map(|c| (c.line, c)).collect();
    state
        .rows
        .iter()
        .enumerate()
        .filter(|(row, _)| {
            matches!(
                state.states[*row],
                RowState::Refused { .. } | RowState::Skipped { .. }
            )
        })
        .filter_map(|(row, planned)| {
            let candidate = by_line.get(&planned.line).filter(|c| c.errors.is_empty())?;
            let item = serde_json::to_value(&candidate.built.item).ok()?;
            (item != planned.item).then(|| {
                (
                    row,
                    item,
                    candidate.built.item.match_key(),
                    candidate.built.origin.clone(),
                )
            })
        })
        .collect()
}

/// For each of `candidates` (with its `items` as sent), the earlier upload that already
/// sent the same item to this store or will, if one did: running `upload` again, two
/// windows starting one file, or reopening a file already sent, would otherwise
/// duplicate those rows.
fn earlier_uploads<T>(
    kind: ResourceName,
    candidates: &[Candidate<T>],
    items: &[Value],
    journal_dir: &Path,
) -> Result<Vec<Option<String>>, UploadError> {
    let claims = past_uploads::claims(journal_dir, kind);
    if let Some(unreadable) = claims.unreadable.into_iter().next() {
        return Err(UploadError::UnreadableJournal {
            upload_id: unreadable.upload_id,
            reason: unreadable.reason,
        });
    }
    Ok(candidates
        .iter()
        .zip(items)
        .map(|(candidate, item)| {
            if !candidate.errors.is_empty() {
                return None;
            }
            claims.items.get(&item.to_string()).cloned()
        })
        .collect())
}

/// Why the journal `started` cannot be resumed by an engine of `kind` and `dialect` for
/// `store`, if it cannot.
fn mismatch(
    started: &Event,
    store: &StoreHome,
    kind: ResourceName,
    dialect: Dialect,
) -> Option<String> {
    let Event::Started {
        store: journal_store,
        kind: journal_kind,
        dialect: journal_dialect,
        ..
    } = started
    else {
        return Some("does not start like an upload".to_string());
    };
    if journal_store.is_empty() {
        Some("was written before stores had an identity, so its store is unknown".to_string())
    } else if journal_store != store.id() {
        Some("belongs to another store".to_string())
    } else if *journal_kind != kind {
        Some(format!(
            "sent {}, not {}",
            journal_kind.plural(),
            kind.plural()
        ))
    } else if *journal_dialect != dialect {
        Some(format!(
            "was sent with API generation {journal_dialect}, not {dialect}"
        ))
    } else {
        None
    }
}

fn row_error(line: u64, field: &str, message: impl Into<String>) -> RowError {
    RowError {
        line,
        column: None,
        field: field.to_string(),
        message: message.into(),
    }
}

impl<R> Engine<R>
where
    R: Resource,
    R::NewItem: Submitted + DeserializeOwned,
    R::Record: Stored,
{
    /// Plans a new upload of `candidates` (records of `file`) and writes its journal.
    pub fn start(
        client: Client,
        file: &str,
        candidates: Vec<Candidate<R::NewItem>>,
        mapping: Mapping,
        settings: UploadSettings,
    ) -> Result<Engine<R>, UploadError> {
        if candidates.is_empty() {
            return Err(UploadError::NothingToSend);
        }
        let invalid: Vec<u64> = candidates
            .iter()
            .filter(|c| !c.errors.is_empty())
            .map(|c| c.line)
            .collect();
        if !invalid.is_empty() && !settings.skip_invalid {
            return Err(UploadError::InvalidRows {
                count: invalid.len(),
                first_line: invalid[0],
            });
        }
        let items: Vec<Value> = candidates
            .iter()
            .map(|candidate| serde_json::to_value(&candidate.built.item).unwrap_or(Value::Null))
            .collect();
        let journal_dir = settings.store.journals();
        // One start at a time per store: the check below and the journal that records
        // these rows as claimed happen together, so a second window or command starting
        // the same file at the same moment sees them.
        files::create_private_dir(&journal_dir).map_err(|source| JournalError::Write {
            path: journal_dir.clone(),
            source,
        })?;
        let _starting =
            LockFile::acquire(&journal_dir.join(START_LOCK)).map_err(JournalError::Lock)?;
        let earlier = match settings.repeats {
            Repeats::Send => vec![None; candidates.len()],
            Repeats::Refuse | Repeats::Skip => {
                earlier_uploads(R::NAME, &candidates, &items, &journal_dir)?
            }
        };
        let repeated: Vec<(u64, &String)> = candidates
            .iter()
            .zip(&earlier)
            .filter_map(|(candidate, upload)| Some((candidate.line, upload.as_ref()?)))
            .collect();
        if let (Repeats::Refuse, Some(&(first_line, upload_id))) =
            (settings.repeats, repeated.first())
        {
            return Err(UploadError::AlreadyCreated {
                count: repeated.len(),
                first_line,
                upload_id: upload_id.clone(),
            });
        }
        let upload_id = new_upload_id();
        let rows: Vec<PlannedRow> = candidates
            .iter()
            .zip(items)
            .zip(&earlier)
            .map(|((candidate, item), earlier)| PlannedRow {
                line: candidate.line,
                item,
                key: candidate.built.item.match_key(),
                skipped: match earlier {
                    Some(upload) => vec![row_error(
                        candidate.line,
                        SENT_BEFORE,
                        format!("already sent to this store by upload {upload}"),
                    )],
                    None => candidate
                        .errors
                        .iter()
                        .map(|issue| RowError {
                            line: issue.line,
                            column: issue
                                .column
                                .map(|column| mapping.header(column).to_string()),
                            field: issue.field.clone(),
                            message: issue.message.clone(),
                        })
                        .collect(),
                },
            })
            .collect();
        let started = Event::Started {
            upload_id: upload_id.clone(),
            kind: R::NAME,
            dialect: client.profile().dialect(),
            file: file.to_string(),
            base_url: client.profile().base_url().to_string(),
            store: settings.store.id().to_string(),
            per_request: settings.per_request,
            at: stamp(now()),
            rows,
        };
        let mut journal = Journal::create(&journal_dir, &upload_id)?;
        journal.record(&started)?;
        let state =
            UploadState::replay(std::slice::from_ref(&started)).ok_or(UploadError::NotAnUpload)?;
        let origins = candidates
            .into_iter()
            .map(|c| Some(c.built.origin))
            .collect();
        Ok(Engine::with(
            client,
            journal,
            state,
            origins,
            Some(mapping),
            settings,
        ))
    }

    /// Reopens an upload from its journal. With the file's candidates at hand, server
    /// errors land on columns again; without them, on lines.
    pub fn resume(
        client: Client,
        upload_id: &str,
        file: Option<(Vec<Candidate<R::NewItem>>, Mapping)>,
        settings: UploadSettings,
    ) -> Result<Engine<R>, UploadError> {
        let (journal, events) = Journal::open(&settings.store.journals(), upload_id)?;
        let started = events.first().ok_or(UploadError::NotAnUpload)?;
        if let Some(mismatch) = mismatch(
            started,
            &settings.store,
            R::NAME,
            client.profile().dialect(),
        ) {
            return Err(UploadError::WrongJournal {
                upload_id: upload_id.to_string(),
                mismatch,
            });
        }
        let state = UploadState::replay(&events).ok_or(UploadError::NotAnUpload)?;
        let (origins, mapping) = match &file {
            Some((candidates, mapping)) => {
                let by_line: HashMap<u64, &Candidate<R::NewItem>> =
                    candidates.iter().map(|c| (c.line, c)).collect();
                let origins = state
                    .rows
                    .iter()
                    .map(|row| {
                        by_line
                            .get(&row.line)
                            .filter(|c| {
                                serde_json::to_value(&c.built.item).ok().as_ref() == Some(&row.item)
                            })
                            .map(|c| c.built.origin.clone())
                    })
                    .collect();
                (origins, Some(mapping.clone()))
            }
            None => (vec![None; state.rows.len()], None),
        };
        let mut revised = match &file {
            Some((candidates, _)) => revisions(&state, candidates),
            None => Vec::new(),
        };
        if !revised.is_empty() {
            // A fixed row that another upload has sent since (the fixed file sent anew
            // with --skip-sent) stays with that upload.
            let claims = past_uploads::claims(&settings.store.journals(), R::NAME);
            revised.retain(|(_, item, ..)| {
                claims
                    .items
                    .get(&item.to_string())
                    .is_none_or(|owner| owner == upload_id)
            });
        }
        let mut engine = Engine::with(client, journal, state, origins, mapping, settings);
        // Rows the merchant fixed in the file since they were refused or skipped: sent
        // with their new values. Rows already created are never sent again.
        for (row, item, key, origin) in revised {
            engine.record(Event::Revised { row, item, key })?;
            if let Some(slot) = engine.origins.get_mut(row) {
                *slot = Some(origin);
            }
        }
        // Requests cut off by the crash: their rows may exist already.
        for (rows, at) in engine.state.interrupted_requests() {
            engine.record(Event::Uncertain {
                rows,
                since: at,
                resend_if_missing: true,
                reason: "the console stopped while this request was in flight".into(),
            })?;
        }
        Ok(engine)
    }

    fn with(
        client: Client,
        journal: Journal,
        state: UploadState,
        origins: Vec<Option<ItemOrigin>>,
        mapping: Option<Mapping>,
        settings: UploadSettings,
    ) -> Engine<R> {
        let created_before = state.counts().created;
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
            last_found: None,
            activity: String::new(),
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
        Ok(())
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
            activity: self.activity.clone(),
        }
    }

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
            let counts = self.state.counts();
            let has_uncertain = counts.uncertain > 0;
            let has_batches = counts.queued > 0;
            let sending = self.state.states.contains(&RowState::Pending);
            if !sending && !has_uncertain && !has_batches {
                self.record(Event::Finished { at: stamp(now()) })?;
                self.activity = "done".into();
                report(self.progress());
                return Ok(());
            }
            if has_uncertain {
                self.activity = "looking up rows whose outcome is unknown".into();
                report(self.progress());
                self.settle_uncertain().await?;
            }
            if has_batches && (!sending || self.budget_allows_polling()) {
                self.activity = "following queued batches".into();
                self.poll_batches(sending).await?;
            }
            let pending = self.state.rows_in(|s| *s == RowState::Pending);
            if pending.is_empty() {
                report(self.progress());
                tokio::time::sleep(self.settings.poll_every).await;
                continue;
            }
            let take = pending.len().min(self.settings.per_request.max(1));
            self.activity = format!("sending {take} row(s)");
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
        let at = stamp(now());
        self.record(Event::Sending {
            request,
            rows: rows.to_vec(),
            at: at.clone(),
        })?;
        match self.records.create(&items).await {
            Ok(outcome) => {
                self.offline_since = None;
                self.record_created(request, rows, outcome, &at)
            }
            Err(error) => self.record_failure(rows, error, &at).await,
        }
    }

    fn record_created(
        &mut self,
        request: u64,
        rows: &[usize],
        outcome: CreateOutcome,
        at: &str,
    ) -> Result<(), UploadError> {
        match outcome {
            CreateOutcome::Created {
                created_refs,
                failed_count: 0,
                ..
            } if created_refs.len() == rows.len() => {
                let created = rows
                    .iter()
                    .copied()
                    .zip(created_refs.into_iter().map(Some))
                    .collect();
                self.record(Event::Created { rows: created })
            }
            CreateOutcome::Created { failed_count, .. } => self.record(Event::Uncertain {
                rows: rows.to_vec(),
                since: at.to_string(),
                resend_if_missing: false,
                reason: format!(
                    "the server could not process {failed_count} row(s) and did not say which"
                ),
            }),
            CreateOutcome::Queued { batch_id, total } => {
                self.looked_at.insert(batch_id.clone(), Instant::now());
                self.batches.insert(
                    batch_id.clone(),
                    BatchProgress {
                        batch_id: batch_id.clone(),
                        status: "queued".into(),
                        total,
                        processed: 0,
                    },
                );
                self.record(Event::Queued {
                    request,
                    rows: rows.to_vec(),
                    batch_id,
                })
            }
            CreateOutcome::Accepted { .. } => self.record(Event::Created {
                rows: rows.iter().map(|&row| (row, None)).collect(),
            }),
        }
    }

    async fn record_failure(
        &mut self,
        rows: &[usize],
        error: ApiError,
        at: &str,
    ) -> Result<(), UploadError> {
        match error {
            ApiError::Validation {
                fields, message, ..
            } => {
                self.offline_since = None;
                self.record_refusal(rows, &fields, &message)
            }
            ref unknown if unknown.outcome_unknown() => self.record(Event::Uncertain {
                rows: rows.to_vec(),
                since: at.to_string(),
                resend_if_missing: true,
                reason: unknown.to_string(),
            }),
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

    /// The network is down: wait and try again, up to the patience.
    async fn wait_for_network(&mut self, error: ApiError) -> Result<(), UploadError> {
        let since = *self.offline_since.get_or_insert_with(Instant::now);
        if since.elapsed() >= self.settings.offline_patience {
            return Err(UploadError::Offline(error));
        }
        self.activity = format!("offline, trying again: {error}");
        tokio::time::sleep(self.settings.poll_every).await;
        Ok(())
    }

    /// A 422 refused the whole request: its field errors go on their rows (and cells);
    /// rows without an error are released to be sent again at once.
    fn record_refusal(
        &mut self,
        rows: &[usize],
        fields: &FieldErrors,
        message: &str,
    ) -> Result<(), UploadError> {
        let origins: Option<Vec<ItemOrigin>> = rows
            .iter()
            .map(|&row| self.origins.get(row).cloned().flatten())
            .collect();
        let mut refused: BTreeMap<usize, Vec<RowError>> = BTreeMap::new();
        for (key, messages) in fields {
            let index = key
                .split('.')
                .nth(1)
                .and_then(|index| index.parse::<usize>().ok());
            let Some(&row) = index.and_then(|index| rows.get(index)) else {
                continue;
            };
            let line = self.state.rows[row].line;
            let location = match (&origins, &self.mapping) {
                (Some(origins), Some(mapping)) => locate(key, origins, mapping),
                _ => None,
            };
            let field = key.splitn(3, '.').nth(2).unwrap_or(key).to_string();
            for text in messages {
                refused.entry(row).or_default().push(match &location {
                    Some(cell) => RowError {
                        line: cell.line,
                        column: cell.header.clone(),
                        field: cell.field.clone(),
                        message: text.clone(),
                    },
                    None => row_error(line, &field, text.clone()),
                });
            }
        }
        if refused.is_empty() {
            // Errors that name no row (`data`, a top-level message): every row waits.
            for &row in rows {
                let line = self.state.rows[row].line;
                let messages: Vec<RowError> = fields
                    .iter()
                    .flat_map(|(key, texts)| texts.iter().map(move |text| (key, text)))
                    .map(|(key, text)| row_error(line, key, text.clone()))
                    .collect();
                let errors = if messages.is_empty() {
                    vec![row_error(line, "", message)]
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
        self.record(Event::Refused {
            rows: refused.into_iter().collect(),
        })?;
        if !clean.is_empty() {
            self.record(Event::Released { rows: clean })?;
        }
        Ok(())
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
            match self.client.batch(&batch_id).await {
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
                        self.record_batch(&rows, status)?;
                    }
                }
                Ok(None) => {
                    self.looked_at.remove(&batch_id);
                    self.record(Event::Uncertain {
                        rows,
                        since: stamp(now()),
                        resend_if_missing: false,
                        reason: "the server does not say how its batches went".into(),
                    })?
                }
                Err(error) if error.is_transient() => {}
                Err(error) => return Err(UploadError::Api(error)),
            }
        }
        Ok(())
    }

    /// A finished batch: its failures are refused, the rest created in request order.
    fn record_batch(&mut self, rows: &[usize], status: BatchStatus) -> Result<(), UploadError> {
        let mut refused = Vec::new();
        let mut failed = HashSet::new();
        for failure in &status.failures {
            let Some(&row) = rows.get(failure.index) else {
                continue;
            };
            failed.insert(row);
            let line = self.state.rows[row].line;
            let errors = failure
                .errors
                .iter()
                .flat_map(|(field, texts)| {
                    texts
                        .iter()
                        .map(move |text| row_error(line, field, text.clone()))
                })
                .collect();
            refused.push((row, errors));
        }
        let succeeded: Vec<usize> = rows
            .iter()
            .copied()
            .filter(|row| !failed.contains(row))
            .collect();
        if !refused.is_empty() {
            self.record(Event::Refused { rows: refused })?;
        }
        if succeeded.len() == status.created_refs.len() {
            let created = succeeded
                .into_iter()
                .zip(status.created_refs.into_iter().map(Some))
                .collect();
            self.record(Event::Created { rows: created })
        } else {
            self.record(Event::Uncertain {
                rows: succeeded,
                since: stamp(now()),
                resend_if_missing: false,
                reason: "the batch's references do not match its rows".into(),
            })
        }
    }

    /// Looks the uncertain rows up among the server's newest records. Found rows are
    /// created; rows still missing once the settle window has passed are sent again (a
    /// failure before processing) or refused (a failure the server counted).
    async fn settle_uncertain(&mut self) -> Result<(), UploadError> {
        let uncertain = self
            .state
            .rows_in(|s| matches!(s, RowState::Uncertain { .. }));
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
        let quiet = self.last_found.is_none_or(|at| at.elapsed() >= window);
        for row in missing.into_iter().filter(|_| quiet) {
            let RowState::Uncertain {
                since,
                resend_if_missing,
            } = &self.state.states[row]
            else {
                continue;
            };
            let waited = parse_stamp(since).map_or(Duration::MAX, |since| {
                (now() - since).to_std().unwrap_or_default()
            });
            if waited < window {
                continue;
            }
            if *resend_if_missing {
                release.push(row);
            } else {
                let line = self.state.rows[row].line;
                refuse.push((
                    row,
                    vec![row_error(
                        line,
                        "",
                        "The server did not create this row (it did not say why).",
                    )],
                ));
            }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn started(store: &str, kind: ResourceName, dialect: Dialect) -> Event {
        Event::Started {
            upload_id: "up-1".into(),
            kind,
            dialect,
            file: "leads.csv".into(),
            base_url: "https://api.wedocod.com".into(),
            store: store.into(),
            per_request: 100,
            at: "2026-11-28T00:00:00Z".into(),
            rows: Vec::new(),
        }
    }

    #[test]
    fn a_journal_is_resumed_only_by_its_store_kind_and_generation() {
        let home = StoreHome::of(Path::new("/data"), "st-a").unwrap();
        let (leads, v2) = (ResourceName::Leads, Dialect::V2);
        assert_eq!(
            mismatch(&started("st-a", leads, v2), &home, leads, v2),
            None
        );
        let refusals = [
            (started("st-b", leads, v2), leads, v2, "another store"),
            (started("", leads, v2), leads, v2, "store is unknown"),
            (
                started("st-a", leads, v2),
                ResourceName::Orders,
                v2,
                "not orders",
            ),
            (
                started("st-a", leads, v2),
                leads,
                Dialect::V1,
                "generation v2, not v1",
            ),
        ];
        for (journal, kind, dialect, reason) in refusals {
            let said = mismatch(&journal, &home, kind, dialect).unwrap();
            assert!(said.contains(reason), "{said}");
        }
    }
}
