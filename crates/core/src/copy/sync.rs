//! Bringing the copy up to date. The sync only reads the store; each page it reads is
//! written in one transaction together with where the sync stands, so a sync killed at
//! any point leaves a copy that opens, and the next one carries on from that page.
//!
//! Per resource (leads, then orders):
//! 1. A first sync (or a re-read) reads every page. A re-read marks the records it sees;
//!    when it saw the whole list without the total moving, the records it did not see
//!    were deleted on the server and leave the copy too.
//! 2. Then, incrementally: new records from the newest page down to the first one the
//!    copy held before; status changes from the histories, newest first, down to the
//!    first entry already held (on a first sync, 30 days back).
//! 3. Without histories (403/404: the token or the API does not offer them), recent
//!    records are re-read instead: the last 30 days every 5 minutes, everything daily.
//! 4. When the copy holds another number of records than the server announces (a record
//!    deleted, a page missed while the list moved), the resource is re-read.
//!
//! Requests are spaced to use at most half the rate-limit budget.

use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, SystemTime};

use chrono::{DateTime, SecondsFormat, Utc};
use rusqlite::{Connection, Transaction};
use serde::Serialize;

use super::open::{SetAside, open_for_writing};
use super::read::{KindCounts, count_by_status};
use super::state::{self, HistoryFeed, ResourceState};
use super::stored::{Stored, server_time};
use super::walk::{MAX_PAGES, Pace, PagePlan, runs_oldest_first};
use super::write;
use super::{CopyError, LocalCopy};
use crate::api::endpoints::Listing;
use crate::api::seller::{Invoice, Listed, Sourcing, Stock};
use crate::api::wire::{History, Product};
use crate::api::{ApiError, Client, ListQuery, ResourceName};
use crate::files::{LockError, LockFile};
use crate::records::requests::{Record, read_page};

/// Records per page: the most the API serves.
const PER_PAGE: u64 = 100;

/// How the sync spends requests.
#[derive(Debug, Clone)]
pub struct SyncOptions {
    /// The share of the rate-limit budget the sync may use.
    pub share_of_budget: f64,
    /// How far back a first sync reads status histories, and how far the fallback
    /// without histories re-reads records.
    pub recent_days: i64,
    /// How often, without histories, recent records are re-read.
    pub recent_every: Duration,
    /// How often, without histories, everything is re-read.
    pub everything_every: Duration,
    /// How often the catalogue is read again.
    pub catalogue_every: Duration,
    /// How often stock levels are read again: they move with every delivery, and the
    /// desk warns from them.
    pub stocks_every: Duration,
    /// How often invoices and sourcing requests are read again.
    pub payouts_every: Duration,
    /// Records named by a history entry but not in the copy that are fetched one by one;
    /// more than this and the resource is re-read.
    pub lookups: usize,
    /// Whether to wait for another process's sync to end rather than return `Busy`.
    pub wait_for_lock: bool,
}

impl Default for SyncOptions {
    fn default() -> Self {
        SyncOptions {
            share_of_budget: 0.5,
            recent_days: 30,
            recent_every: Duration::from_secs(5 * 60),
            everything_every: Duration::from_secs(24 * 3600),
            catalogue_every: Duration::from_secs(3600),
            stocks_every: Duration::from_secs(5 * 60),
            payouts_every: Duration::from_secs(30 * 60),
            lookups: 20,
            wait_for_lock: false,
        }
    }
}

/// What the sync is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyncStep {
    /// Reading every page.
    Everything,
    /// Reading new records.
    New,
    /// Reading status changes.
    Changes,
    /// Re-reading the last days' records (no histories).
    Recent,
    /// Reading a seller list whole (the catalogue, stocks…).
    Listing(Listing),
}

/// Where the sync is, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SyncProgress {
    pub resource: Option<ResourceName>,
    pub step: SyncStep,
    pub page: u64,
    /// The pages the step reads, when the server says.
    pub pages: Option<u64>,
    pub requests: u64,
}

/// What a sync found and spent.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SyncReport {
    pub leads: KindCounts,
    pub orders: KindCounts,
    pub requests: u64,
    /// When it finished (UTC).
    pub synced_at: String,
    /// The resources whose histories the token cannot read (re-read instead).
    pub without_histories: Vec<&'static str>,
    /// The resources the token cannot list (403, 404): not synced.
    pub unreadable: Vec<&'static str>,
    /// A copy that could not be trusted and was rebuilt.
    #[serde(skip)]
    pub set_aside: Option<SetAside>,
}

/// Why a sync stopped.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error("another window or command is syncing this store")]
    Busy,
    #[error("the sync was cancelled")]
    Cancelled,
    #[error(transparent)]
    Api(#[from] ApiError),
    #[error(transparent)]
    Copy(#[from] CopyError),
    #[error("the local copy's lock: {0}")]
    Lock(LockError),
}

/// Brings `copy` up to date with the store `client` reaches.
pub async fn sync(
    client: &Client,
    copy: &LocalCopy,
    options: &SyncOptions,
    cancel: &AtomicBool,
    progress: &(dyn Fn(SyncProgress) + Send + Sync),
) -> Result<SyncReport, SyncError> {
    let _lock = lock(copy, options.wait_for_lock).await?;
    let file = copy.file().to_path_buf();
    let (connection, set_aside) = tokio::task::spawn_blocking(move || open_for_writing(&file))
        .await
        .map_err(|_| CopyError::WriterLost)??;
    let mut syncer = Syncer {
        client,
        writer: Writer {
            connection: Some(connection),
        },
        options,
        cancel,
        progress,
        requests: 0,
        pace: Pace::new(options.share_of_budget),
    };
    let (mut without_histories, mut unreadable) = (Vec::new(), Vec::new());
    for kind in [ResourceName::Leads, ResourceName::Orders] {
        match syncer.sync_resource(kind).await {
            Ok(HistoryFeed::Unreadable) => without_histories.push(kind.plural()),
            Ok(_) => {}
            // A token without `view orders` (or a server without the route) still has
            // its leads synced.
            Err(SyncError::Api(error)) if error.is_refusal() => {
                tracing::info!(resource = kind.plural(), %error, "not synced: the token cannot read it");
                unreadable.push(kind.plural());
            }
            Err(error) => return Err(error),
        }
    }
    syncer
        .sync_listing::<Product>(options.catalogue_every, write::save_catalogue)
        .await?;
    syncer
        .sync_listing::<Stock>(options.stocks_every, nothing_more)
        .await?;
    syncer
        .sync_listing::<Invoice>(options.payouts_every, nothing_more)
        .await?;
    syncer
        .sync_listing::<Sourcing>(options.payouts_every, nothing_more)
        .await?;
    syncer.save_server_clock().await?;
    // Statistics for the query planner once the copy has grown or changed much (SQLite's
    // advice after a batch of writes): a search starts from the narrowest index. Cheap
    // when nothing changed.
    syncer
        .writer
        .run(|connection| connection.execute_batch("PRAGMA optimize=0x10002;"))
        .await?;
    let (leads, orders) = syncer
        .writer
        .run(|connection| {
            Ok((
                count_by_status(connection, ResourceName::Leads)?,
                count_by_status(connection, ResourceName::Orders)?,
            ))
        })
        .await?;
    Ok(SyncReport {
        leads,
        orders,
        requests: syncer.requests,
        synced_at: now_text(),
        without_histories,
        unreadable,
        set_aside,
    })
}

async fn lock(copy: &LocalCopy, wait: bool) -> Result<LockFile, SyncError> {
    let path = copy.sync_lock();
    if let Some(folder) = path.parent() {
        crate::files::create_private_dir(folder).map_err(CopyError::io(folder))?;
    }
    match LockFile::try_acquire(&path) {
        Ok(lock) => Ok(lock),
        Err(LockError::Busy(_)) if wait => {
            tokio::task::spawn_blocking(move || LockFile::acquire(&path))
                .await
                .map_err(|_| CopyError::WriterLost)?
                .map_err(SyncError::Lock)
        }
        Err(LockError::Busy(_)) => Err(SyncError::Busy),
        Err(error) => Err(SyncError::Lock(error)),
    }
}

/// The copy's one connection, used on a blocking thread (never the caller's).
struct Writer {
    connection: Option<Connection>,
}

impl Writer {
    async fn run<T: Send + 'static>(
        &mut self,
        job: impl FnOnce(&mut Connection) -> rusqlite::Result<T> + Send + 'static,
    ) -> Result<T, CopyError> {
        let mut connection = self.connection.take().ok_or(CopyError::WriterLost)?;
        let (connection, result) = tokio::task::spawn_blocking(move || {
            let result = job(&mut connection);
            (connection, result)
        })
        .await
        .map_err(|_| CopyError::WriterLost)?;
        self.connection = Some(connection);
        Ok(result?)
    }

    async fn state(&mut self, kind: ResourceName) -> Result<ResourceState, CopyError> {
        self.run(move |connection| state::load(connection, kind))
            .await
    }

    async fn save_state(
        &mut self,
        kind: ResourceName,
        resource: &ResourceState,
    ) -> Result<(), CopyError> {
        let resource = resource.clone();
        self.run(move |connection| state::save(connection, kind, &resource))
            .await
    }
}

/// One page as read, its items newest first.
struct Fetched<T> {
    items: Vec<T>,
    pages: u64,
    total: u64,
    counted: bool,
    /// Fewer items than asked: the list's last page.
    short: bool,
}

/// What a newest-first walk stops at.
#[derive(Debug, Clone, Copy)]
enum StopAt<'t> {
    /// The first item the copy held before the walk.
    Known,
    /// The first item older than this server time.
    Before(&'t str),
}

struct Syncer<'a> {
    client: &'a Client,
    writer: Writer,
    options: &'a SyncOptions,
    cancel: &'a AtomicBool,
    progress: &'a (dyn Fn(SyncProgress) + Send + Sync),
    requests: u64,
    pace: Pace,
}

impl Syncer<'_> {
    async fn sync_resource(&mut self, kind: ResourceName) -> Result<HistoryFeed, SyncError> {
        let mut state = self.writer.state(kind).await?;
        let mut reread = false;
        if !state.complete || state.reread_page.is_some() {
            self.read_everything(kind, &mut state).await?;
            reread = true;
        } else {
            self.walk_records(kind, &mut state, SyncStep::New, StopAt::Known)
                .await?;
        }
        if state.histories != HistoryFeed::Unreadable {
            self.read_changes(kind, &mut state).await?;
        }
        if state.histories == HistoryFeed::Unreadable && !reread {
            if is_due(
                state.full_reread_at.as_deref(),
                self.options.everything_every,
            ) {
                self.read_everything(kind, &mut state).await?;
                reread = true;
            } else if is_due(state.recent_reread_at.as_deref(), self.options.recent_every) {
                let since = self.server_days_ago(self.options.recent_days);
                self.walk_records(kind, &mut state, SyncStep::Recent, StopAt::Before(&since))
                    .await?;
                state.recent_reread_at = Some(now_text());
            }
        }
        if !reread && self.count_disagrees(kind, &state).await? {
            tracing::info!(
                resource = kind.plural(),
                "the copy's count differs from the server's: re-reading"
            );
            self.read_everything(kind, &mut state).await?;
        }
        state.synced_at = Some(now_text());
        self.writer.save_state(kind, &state).await?;
        Ok(state.histories)
    }

    /// Whether the copy holds another number of `kind` than the server last announced.
    async fn count_disagrees(
        &mut self,
        kind: ResourceName,
        state: &ResourceState,
    ) -> Result<bool, SyncError> {
        let Some(announced) = state.server_total else {
            return Ok(false);
        };
        let held = self
            .writer
            .run(move |connection| {
                connection.query_row(
                    "SELECT count(*) FROM records WHERE kind = ?1",
                    [kind.plural()],
                    |row| row.get::<_, u64>(0),
                )
            })
            .await?;
        Ok(held != announced)
    }

    /// Reads every page of `kind`, from where an interrupted re-read stopped.
    async fn read_everything(
        &mut self,
        kind: ResourceName,
        state: &mut ResourceState,
    ) -> Result<(), SyncError> {
        if state.reread_page.is_none() {
            state.pass += 1;
            state.reread_page = Some(1);
            state.reread_total = None;
        }
        let pass = state.pass;
        let mut steady = true;
        while let Some(page) = state.reread_page {
            let fetched = self.records_page(kind, page).await?;
            self.report(Some(kind), SyncStep::Everything, page, fetched.pages);
            if page == 1
                && let Some(oldest_first) = runs_oldest_first(&times_of(&fetched.items))
            {
                state.newest_first = !oldest_first;
            }
            match state.reread_total {
                None => state.reread_total = Some(fetched.total),
                Some(total) if fetched.counted && total != fetched.total => steady = false,
                Some(_) => {}
            }
            let last = fetched.items.is_empty()
                || page >= MAX_PAGES
                || if fetched.counted {
                    page >= fetched.pages
                } else {
                    fetched.short
                };
            state.reread_page = (!last).then_some(page + 1);
            if last {
                state.complete = true;
                state.full_reread_at = Some(now_text());
                state.server_total = fetched.counted.then_some(fetched.total);
            }
            let prune = last && steady && fetched.counted;
            let resource = state.clone();
            self.writer
                .run(move |connection| {
                    let tx = connection.transaction()?;
                    write::save_records(&tx, &fetched.items, pass)?;
                    if prune {
                        let gone = write::delete_unseen(&tx, kind, pass)?;
                        if gone > 0 {
                            tracing::info!(resource = kind.plural(), gone, "deleted on the server");
                        }
                    }
                    state::save(&tx, kind, &resource)?;
                    tx.commit()
                })
                .await?;
        }
        Ok(())
    }

    /// Reads `kind` newest first until `stop`.
    async fn walk_records(
        &mut self,
        kind: ResourceName,
        state: &mut ResourceState,
        step: SyncStep,
        stop: StopAt<'_>,
    ) -> Result<(), SyncError> {
        let first = self.records_page(kind, 1).await?;
        self.report(Some(kind), step, 1, first.pages);
        if let Some(oldest_first) = runs_oldest_first(&times_of(&first.items)) {
            state.newest_first = !oldest_first;
        }
        if first.counted {
            state.server_total = Some(first.total);
        }
        let mut plan = if first.counted {
            PagePlan::after_first(first.pages, state.newest_first)
        } else {
            PagePlan::open_ended()
        };
        let mut added = HashSet::new();
        let (mut held_first, mut stopped) = (None, false);
        if plan.first_page_last() {
            held_first = Some(first);
        } else {
            let short = first.short;
            stopped = self.save_walked(state, first, stop, &mut added).await? || short;
        }
        while !stopped && let Some(page) = plan.next_page() {
            let mut fetched = self.records_page(kind, page).await?;
            self.report(Some(kind), step, page, fetched.pages);
            if plan.reversed() {
                fetched.items.reverse();
            }
            let short = fetched.short && !plan.reversed();
            stopped = self.save_walked(state, fetched, stop, &mut added).await? || short;
        }
        if let Some(mut first) = held_first.filter(|_| !stopped) {
            first.items.reverse();
            self.save_walked(state, first, stop, &mut added).await?;
        }
        Ok(())
    }

    /// Saves one walked page; says whether the walk stops here.
    async fn save_walked(
        &mut self,
        state: &ResourceState,
        fetched: Fetched<Stored>,
        stop: StopAt<'_>,
        added: &mut HashSet<String>,
    ) -> Result<bool, SyncError> {
        let pass = state.pass;
        let empty = fetched.items.is_empty();
        let items = fetched.items;
        let references: Vec<String> = items.iter().map(|r| r.reference.clone()).collect();
        let times = times_of(&items);
        let existed = self
            .writer
            .run(move |connection| {
                let tx = connection.transaction()?;
                let existed = write::save_records(&tx, &items, pass)?;
                tx.commit()?;
                Ok(existed)
            })
            .await?;
        let reached = match stop {
            StopAt::Known => references
                .iter()
                .zip(&existed)
                .any(|(reference, held)| *held && !added.contains(reference)),
            StopAt::Before(since) => times.iter().flatten().any(|time| time.as_str() < since),
        };
        for (reference, held) in references.into_iter().zip(existed) {
            if !held {
                added.insert(reference);
            }
        }
        Ok(reached || empty)
    }

    /// Reads the status histories of `kind` newest first, down to the first entry held
    /// (on the first time, `recent_days` back from the newest).
    async fn read_changes(
        &mut self,
        kind: ResourceName,
        state: &mut ResourceState,
    ) -> Result<(), SyncError> {
        let first = match self.histories_page(kind, 1).await {
            Ok(first) => first,
            Err(SyncError::Api(error)) if error.is_refusal() => {
                tracing::info!(resource = kind.plural(), %error, "no history feed: recent records are re-read instead");
                state.histories = HistoryFeed::Unreadable;
                self.writer.save_state(kind, state).await?;
                return Ok(());
            }
            Err(error) => return Err(error),
        };
        self.report(Some(kind), SyncStep::Changes, 1, first.pages);
        let cutoff = (state.histories == HistoryFeed::Unknown).then(|| {
            let newest = times_of_history(&first.items).into_iter().flatten().max();
            days_before(newest.as_deref(), self.options.recent_days)
        });
        let newest_first = runs_oldest_first(&times_of_history(&first.items)) != Some(true);
        let mut plan = if first.counted {
            PagePlan::after_first(first.pages, newest_first)
        } else {
            PagePlan::open_ended()
        };
        let mut walk = HistoryWalk {
            kind,
            cutoff,
            added: HashSet::new(),
            changed: Vec::new(),
        };
        let (mut held_first, mut stopped) = (None, false);
        if plan.first_page_last() {
            held_first = Some(first);
        } else {
            let short = first.short;
            stopped = self.save_history_page(&mut walk, first).await? || short;
        }
        while !stopped && let Some(page) = plan.next_page() {
            let mut fetched = self.histories_page(kind, page).await?;
            self.report(Some(kind), SyncStep::Changes, page, fetched.pages);
            if plan.reversed() {
                fetched.items.reverse();
            }
            let short = fetched.short && !plan.reversed();
            stopped = self.save_history_page(&mut walk, fetched).await? || short;
        }
        if let Some(mut first) = held_first.filter(|_| !stopped) {
            first.items.reverse();
            self.save_history_page(&mut walk, first).await?;
        }
        state.histories = HistoryFeed::Readable;
        self.fetch_unknown(kind, state, walk.changed).await
    }

    /// Saves one page of history entries and the statuses they carry.
    async fn save_history_page(
        &mut self,
        walk: &mut HistoryWalk,
        fetched: Fetched<History>,
    ) -> Result<bool, SyncError> {
        let kind = walk.kind;
        let entries = fetched.items;
        let page_entries = entries.clone();
        let existed = self
            .writer
            .run(move |connection| {
                let tx = connection.transaction()?;
                let existed = write::save_histories(&tx, kind, &page_entries)?;
                let fresh: Vec<History> = page_entries
                    .into_iter()
                    .zip(&existed)
                    .filter(|(_, held)| !**held)
                    .map(|(entry, _)| entry)
                    .collect();
                write::apply_histories(&tx, kind, &fresh)?;
                tx.commit()?;
                Ok(existed)
            })
            .await?;
        let mut reached = entries.is_empty();
        for (entry, held) in entries.iter().zip(existed) {
            let id = entry.id.clone().unwrap_or_default();
            if held && !walk.added.contains(&id) {
                reached = true;
            }
            if !held {
                walk.added.insert(id);
                if let Some(reference) = entry.reference() {
                    walk.changed.push(reference.to_string());
                }
            }
            let when = entry.changed_at.as_deref().map(server_time);
            if let (Some(cutoff), Some(when)) = (walk.cutoff.as_deref(), when)
                && when.as_str() < cutoff
            {
                reached = true;
            }
        }
        Ok(reached)
    }

    /// Fetches the records history entries named but the copy does not hold (created
    /// since the records were read); too many, and the resource is re-read next time.
    async fn fetch_unknown(
        &mut self,
        kind: ResourceName,
        state: &mut ResourceState,
        changed: Vec<String>,
    ) -> Result<(), SyncError> {
        let unknown = self
            .writer
            .run(move |connection| {
                let tx = connection.transaction()?;
                write::unknown_references(&tx, kind, &changed)
            })
            .await?;
        if unknown.len() > self.options.lookups {
            state.complete = false;
            return Ok(());
        }
        for reference in unknown {
            self.before_request().await?;
            let record = match kind {
                ResourceName::Leads => self.client.leads().show(&reference).await.map(Record::Lead),
                ResourceName::Orders => self
                    .client
                    .orders()
                    .show(&reference)
                    .await
                    .map(Record::Order),
            };
            let stored = match record {
                Ok(record) => Stored::of(&record),
                Err(ApiError::NotFound { .. }) => None,
                Err(error) => return Err(error.into()),
            };
            let pass = state.pass;
            self.writer
                .run(move |connection| {
                    let tx = connection.transaction()?;
                    write::save_records(&tx, stored.as_slice(), pass)?;
                    tx.commit()
                })
                .await?;
        }
        Ok(())
    }

    /// Keeps how far the server's clock is from the computer's, so "today" on the
    /// dashboard is the server's even when the computer's clock is hours off.
    async fn save_server_clock(&mut self) -> Result<(), SyncError> {
        let Some(server_now) = self.client.server_now() else {
            return Ok(());
        };
        let server_now: DateTime<Utc> = server_now.into();
        let offset = (server_now - Utc::now()).num_seconds().to_string();
        self.writer
            .run(move |connection| {
                connection.execute(
                    "INSERT OR REPLACE INTO copy_meta (key, value)
                     VALUES ('server_clock_offset', ?1)",
                    [offset],
                )
            })
            .await?;
        Ok(())
    }

    /// Reads a seller list again, whole, when it is older than `every`. A token that may
    /// not read it (403, or a server without the route) leaves it marked refused, the
    /// rest of the sync going on. `also` writes what else the list feeds in the same
    /// transaction (the product list: the SKU catalogue).
    async fn sync_listing<T: Listed>(
        &mut self,
        every: Duration,
        also: fn(&Transaction<'_>, &[T]) -> rusqlite::Result<()>,
    ) -> Result<(), SyncError> {
        let kind = T::LISTING.plural();
        let read_at = self
            .writer
            .run(move |connection| write::listing_read_at(connection, kind))
            .await?;
        if !is_due(read_at.as_deref(), every) {
            return Ok(());
        }
        let mut items: Vec<T> = Vec::new();
        let mut page = 1;
        loop {
            self.before_request().await?;
            let fetched = match self
                .client
                .page_of::<T>(&ListQuery::page(page, PER_PAGE))
                .await
            {
                Ok(fetched) => fetched,
                Err(error) if error.is_refusal() => {
                    tracing::info!(listing = kind, %error, "not synced: the token cannot read it");
                    self.writer
                        .run(move |connection| {
                            write::listing_refused(connection, kind, &now_text())
                        })
                        .await?;
                    return Ok(());
                }
                Err(error) => return Err(error.into()),
            };
            self.report(None, SyncStep::Listing(T::LISTING), page, fetched.pages);
            let last = fetched.items.is_empty() || page >= fetched.pages || page >= MAX_PAGES;
            items.extend(fetched.items);
            if last {
                break;
            }
            page += 1;
        }
        let now = now_text();
        self.writer
            .run(move |connection| {
                let tx = connection.transaction()?;
                write::save_listing(&tx, &items, &now)?;
                also(&tx, &items)?;
                tx.commit()
            })
            .await?;
        Ok(())
    }

    async fn records_page(
        &mut self,
        kind: ResourceName,
        page: u64,
    ) -> Result<Fetched<Stored>, SyncError> {
        self.before_request().await?;
        let read = read_page(self.client, kind, &ListQuery::page(page, PER_PAGE)).await?;
        let short = (read.items.len() as u64) < PER_PAGE;
        Ok(Fetched {
            items: read.items.iter().filter_map(Stored::of).collect(),
            pages: read.pages,
            total: read.total,
            counted: read.counted,
            short,
        })
    }

    async fn histories_page(
        &mut self,
        kind: ResourceName,
        page: u64,
    ) -> Result<Fetched<History>, SyncError> {
        self.before_request().await?;
        let query = ListQuery::page(page, PER_PAGE);
        let read = match kind {
            ResourceName::Leads => self.client.leads().histories(&query).await?,
            ResourceName::Orders => self.client.orders().histories(&query).await?,
        };
        let short = (read.items.len() as u64) < PER_PAGE;
        Ok(Fetched {
            items: read.items,
            pages: read.pages,
            total: read.total,
            counted: read.counted,
            short,
        })
    }

    /// Stops when cancelled; else waits for the sync's share of the budget.
    async fn before_request(&mut self) -> Result<(), SyncError> {
        if self.cancel.load(Ordering::Relaxed) {
            return Err(SyncError::Cancelled);
        }
        let limit = self.client.rate_budget().map(|budget| budget.limit);
        self.pace.wait(limit).await;
        if self.cancel.load(Ordering::Relaxed) {
            return Err(SyncError::Cancelled);
        }
        self.requests += 1;
        Ok(())
    }

    fn report(&self, resource: Option<ResourceName>, step: SyncStep, page: u64, pages: u64) {
        (self.progress)(SyncProgress {
            resource,
            step,
            page,
            pages: Some(pages).filter(|pages| *pages > 0),
            requests: self.requests,
        });
    }

    /// The server's time `days` ago (its clock, not the computer's).
    fn server_days_ago(&self, days: i64) -> String {
        let now: DateTime<Utc> = self
            .client
            .server_now()
            .unwrap_or_else(SystemTime::now)
            .into();
        (now - chrono::Duration::days(days)).to_rfc3339_opts(SecondsFormat::Secs, true)
    }
}

/// What a history walk carries from page to page.
struct HistoryWalk {
    kind: ResourceName,
    /// On a first walk: entries older than this end it.
    cutoff: Option<String>,
    /// Entries this walk added (a page shifted by new entries repeats them).
    added: HashSet<String>,
    /// The records whose status changed.
    changed: Vec<String>,
}

fn times_of(records: &[Stored]) -> Vec<Option<String>> {
    records.iter().map(|r| r.created_at.clone()).collect()
}

fn times_of_history(entries: &[History]) -> Vec<Option<String>> {
    entries
        .iter()
        .map(|entry| entry.changed_at.as_deref().map(server_time))
        .collect()
}

/// `days` before the server time `newest` (or before now, when there is none).
fn days_before(newest: Option<&str>, days: i64) -> String {
    let newest = newest
        .and_then(|text| DateTime::parse_from_rfc3339(text).ok())
        .map_or_else(Utc::now, |time| time.with_timezone(&Utc));
    (newest - chrono::Duration::days(days)).to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// Whether the server refuses a route to this token for good (no scope, no route).
/// For a seller list that feeds nothing else.
fn nothing_more<T>(_: &Transaction<'_>, _: &[T]) -> rusqlite::Result<()> {
    Ok(())
}

/// The computer's time now, as the copy writes times.
fn now_text() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// Whether work last done at `done_at` (the computer's clock) is due again after `every`:
/// never done, done longer ago, or done "in the future" (the clock was set back).
fn is_due(done_at: Option<&str>, every: Duration) -> bool {
    let Some(done) = done_at.and_then(|text| DateTime::parse_from_rfc3339(text).ok()) else {
        return true;
    };
    let elapsed = Utc::now().signed_duration_since(done.with_timezone(&Utc));
    elapsed < chrono::Duration::zero() || elapsed.to_std().is_ok_and(|elapsed| elapsed >= every)
}
