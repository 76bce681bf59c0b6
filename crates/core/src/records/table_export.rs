//! Reading every lead or order a filter selects, across all its pages, for an exported
//! file. Pages are read at the largest size the API allows, paced by the client within the
//! rate limit; a page refused for a passing reason (429, 5xx, a dropped connection) is
//! read again after a wait, so a storm of 429s loses no page. Records that move between
//! pages while the export runs (a new lead pushes the list down) are written once.

use std::collections::HashSet;
use std::time::Duration;

use crate::api::pacing::RateBudget;
use crate::api::rules::{MAX_PAGES_FOLLOWED, MAX_PER_PAGE};
use crate::api::{
    ApiError, Client, Leads, ListQuery, Orders, Page, Resource, ResourceName, TransportKind,
};
use crate::upload::Control;

use super::summary::RecordSummary;

/// What to export: a kind of record, and the filters of its table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableFilter {
    pub kind: ResourceName,
    pub status: Option<String>,
    pub search: Option<String>,
}

/// How long an export of `rows` records should take, said before it starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Estimate {
    pub rows: u64,
    pub requests: u64,
    pub duration: Duration,
}

/// A typical answer time for a page of 100 records.
const TYPICAL_PAGE_TIME: Duration = Duration::from_millis(400);

/// Requests the client's pacer keeps in reserve (it spaces requests once fewer are left).
const PACER_RESERVE: u64 = 2;

impl Estimate {
    /// `rows` records at 100 a page; the pages the budget left cannot cover wait their
    /// turn, one slot of the rate limit each.
    pub fn new(rows: u64, budget: Option<RateBudget>) -> Estimate {
        let requests = rows.div_ceil(MAX_PER_PAGE).max(1);
        let paced = budget.map_or(Duration::ZERO, |budget| {
            let free = u64::from(budget.remaining).saturating_sub(PACER_RESERVE);
            let waiting = u32::try_from(requests.saturating_sub(free)).unwrap_or(u32::MAX);
            budget.slot().saturating_mul(waiting)
        });
        let answering =
            TYPICAL_PAGE_TIME.saturating_mul(u32::try_from(requests).unwrap_or(u32::MAX));
        Estimate {
            rows,
            requests,
            duration: paced + answering,
        }
    }
}

impl Estimate {
    /// The duration in whole minutes, rounded (0: under a minute).
    pub fn minutes(&self) -> u64 {
        (self.duration.as_secs_f64() / 60.0).round() as u64
    }
}

/// How far an export has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportProgress {
    pub pages_read: u64,
    /// The pages the server last said the list has.
    pub pages: u64,
    pub rows: u64,
    /// The records the server last said the filter selects.
    pub total: u64,
    /// A page was refused for a passing reason: the wait before it is read again.
    pub waiting: Option<Duration>,
}

/// Why an export stopped.
#[derive(Debug, Clone, thiserror::Error)]
pub enum ExportError {
    #[error("the export was cancelled; no file was written")]
    Cancelled,
    #[error("{0}")]
    Api(ApiError),
    #[error("the server kept sending page {page} again (it seems to ignore `page`)")]
    PagesRepeat { page: u64 },
    /// The list is longer than [`MAX_PAGES_FOLLOWED`] pages (announced, or read without a
    /// count): nothing is written, the merchant narrows the filter.
    #[error(
        "the list has more than {ceiling} pages (the server announced {announced}): narrow the filter"
    )]
    TooManyPages { announced: u64, ceiling: u64 },
    #[error("cannot write {path}: {reason}")]
    Write { path: String, reason: String },
}

/// Every record read, and what the server last said of the list.
#[derive(Debug, Clone)]
pub struct TableRead {
    pub rows: Vec<RecordSummary>,
    pub requests: u64,
    /// The last `total` the server reported (it may differ from `rows.len()` when records
    /// changed during the export).
    pub server_total: u64,
}

/// How many times one page is asked for again after passing failures.
const PAGE_RETRIES: u32 = 12;
/// The longest wait between two tries of a page.
const LONGEST_PAGE_WAIT: Duration = Duration::from_secs(30);

/// Reads every record `filter` selects.
pub async fn read_table(
    client: &Client,
    filter: &TableFilter,
    control: &Control,
    on_progress: &mut (dyn FnMut(ExportProgress) + Send),
) -> Result<TableRead, ExportError> {
    match filter.kind {
        ResourceName::Leads => read_all::<Leads>(client, filter, control, on_progress).await,
        ResourceName::Orders => read_all::<Orders>(client, filter, control, on_progress).await,
    }
}

/// An export under way.
struct Reading {
    read: TableRead,
    seen: HashSet<String>,
    pages_read: u64,
    /// The pages the server last said the list has.
    pages: u64,
}

impl Reading {
    fn progress(&self, waiting: Option<Duration>) -> ExportProgress {
        ExportProgress {
            pages_read: self.pages_read,
            pages: self.pages.max(self.pages_read),
            rows: self.read.rows.len() as u64,
            total: self.read.server_total,
            waiting,
        }
    }

    /// Adds a page's records (those not seen on an earlier page); returns the page's
    /// references, in order.
    fn add<T>(&mut self, page: &Page<T>) -> Vec<String>
    where
        for<'a> RecordSummary: From<&'a T>,
    {
        let mut references = Vec::with_capacity(page.items.len());
        for record in &page.items {
            let row = RecordSummary::from(record);
            references.push(row.reference.clone());
            if row.reference.is_empty() || self.seen.insert(row.reference.clone()) {
                self.read.rows.push(row);
            }
        }
        self.pages_read += 1;
        self.pages = page.pages;
        self.read.server_total = page.total;
        references
    }
}

async fn read_all<R: Resource>(
    client: &Client,
    filter: &TableFilter,
    control: &Control,
    on_progress: &mut (dyn FnMut(ExportProgress) + Send),
) -> Result<TableRead, ExportError>
where
    for<'a> RecordSummary: From<&'a R::Record>,
{
    let mut query = ListQuery {
        status: filter.status.clone(),
        search: filter.search.clone(),
        ..ListQuery::page(1, MAX_PER_PAGE)
    };
    let mut reading = Reading {
        read: TableRead {
            rows: Vec::new(),
            requests: 0,
            server_total: 0,
        },
        seen: HashSet::new(),
        pages_read: 0,
        pages: 1,
    };
    let mut previous: Vec<String> = Vec::new();
    loop {
        let page = read_page::<R>(client, &query, control, &mut reading, on_progress).await?;
        let references = reading.add(&page);
        on_progress(reading.progress(None));
        // Without a count from the server, a full page may not be the last one.
        let more_uncounted = !page.counted && page.items.len() as u64 >= query.per_page;
        if page.items.is_empty() || (query.page >= page.pages && !more_uncounted) {
            return Ok(reading.read);
        }
        // Checked before the next page is asked for: a server announcing 10¹³ pages is
        // refused at once, one that keeps sending full pages without a count at the ceiling.
        if page.pages > MAX_PAGES_FOLLOWED || query.page >= MAX_PAGES_FOLLOWED {
            return Err(ExportError::TooManyPages {
                announced: page.pages,
                ceiling: MAX_PAGES_FOLLOWED,
            });
        }
        // The very page just read, again: the server does not page. (A page of records
        // already written is no proof: a hundred new leads push the list down that much.)
        if references == previous {
            return Err(ExportError::PagesRepeat { page: query.page });
        }
        previous = references;
        query.page += 1;
    }
}

/// One page, asked for again after each passing failure (with the wait the server asked
/// for, or a growing one), until it comes, the failure is not a passing one, or the
/// merchant cancels.
async fn read_page<R: Resource>(
    client: &Client,
    query: &ListQuery,
    control: &Control,
    reading: &mut Reading,
    on_progress: &mut (dyn FnMut(ExportProgress) + Send),
) -> Result<Page<R::Record>, ExportError> {
    let mut failures = 0;
    loop {
        if control.is_cancelled() {
            return Err(ExportError::Cancelled);
        }
        reading.read.requests += 1;
        // A cancel does not wait for a slow or hung answer to come (or time out).
        let records = client.records::<R>();
        let listed = tokio::select! {
            listed = records.list(query) => listed,
            () = until_cancelled(control) => return Err(ExportError::Cancelled),
        };
        let error = match listed {
            Ok(page) => return Ok(page),
            Err(error) if unreachable_at_first(&error, query) => {
                return Err(ExportError::Api(error));
            }
            Err(error) if passing(&error) && failures < PAGE_RETRIES => error,
            Err(error) => return Err(ExportError::Api(error)),
        };
        failures += 1;
        let wait = match error {
            ApiError::RateLimited {
                retry_after: Some(wait),
                ..
            } => wait.min(LONGEST_PAGE_WAIT),
            _ => Duration::from_secs(1 << failures.min(5)).min(LONGEST_PAGE_WAIT),
        };
        on_progress(reading.progress(Some(wait)));
        wait_unless_cancelled(wait, control).await?;
    }
}

/// No server at the address when the first page is asked for (the client has already
/// tried twice): a wrong address or a store that is down, said at once rather than after
/// minutes of retries. Once pages have come, a connection that fails is a network that
/// dropped, and waited out.
fn unreachable_at_first(error: &ApiError, query: &ListQuery) -> bool {
    query.page == 1
        && matches!(
            error,
            ApiError::Transport {
                kind: TransportKind::Connect,
                ..
            }
        )
}

/// A failure that waiting can cure: a 429, a 5xx, a network that dropped. Not a TLS
/// failure: a certificate does not mend itself in a minute.
fn passing(error: &ApiError) -> bool {
    error.is_transient()
        && !matches!(
            error,
            ApiError::Transport {
                kind: TransportKind::Tls,
                ..
            }
        )
}

/// Sleeps `wait`, unless the merchant cancels first.
async fn wait_unless_cancelled(wait: Duration, control: &Control) -> Result<(), ExportError> {
    tokio::select! {
        () = tokio::time::sleep(wait) => Ok(()),
        () = until_cancelled(control) => Err(ExportError::Cancelled),
    }
}

/// Ends when the merchant cancels (looked at every quarter second).
async fn until_cancelled(control: &Control) {
    while !control.is_cancelled() {
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_first_page_that_finds_no_server_stops_the_export_at_once() {
        let refused = ApiError::Transport {
            kind: TransportKind::Connect,
            maybe_sent: false,
            message: "connection refused".into(),
        };
        let dropped = ApiError::Transport {
            kind: TransportKind::Interrupted,
            maybe_sent: true,
            message: "reset".into(),
        };
        assert!(unreachable_at_first(&refused, &ListQuery::page(1, 100)));
        assert!(!unreachable_at_first(&refused, &ListQuery::page(2, 100)));
        assert!(!unreachable_at_first(&dropped, &ListQuery::page(1, 100)));
    }

    fn budget(remaining: u32) -> Option<RateBudget> {
        Some(RateBudget {
            limit: 60,
            remaining,
            observed_at: tokio::time::Instant::now(),
        })
    }

    #[test]
    fn small_exports_fit_in_the_budget() {
        let estimate = Estimate::new(320, budget(50));
        assert_eq!(estimate.requests, 4);
        assert_eq!((estimate.requests, estimate.minutes()), (4, 0));
        assert_eq!(Estimate::new(0, None).requests, 1);
        assert_eq!(Estimate::new(100, None).requests, 1);
    }

    #[test]
    fn large_exports_wait_for_the_rate_limit() {
        // 120 pages, 38 of them free: 82 wait one second each, plus the answers.
        let estimate = Estimate::new(12_000, budget(40));
        assert_eq!(estimate.requests, 120);
        assert_eq!(estimate.duration, Duration::from_secs(82 + 48));
        assert_eq!(estimate.minutes(), 2);
    }
}
