//! Where a table's page comes from: the store's local copy once it has been synced (no
//! request, instant, offline, with the filters and sorts the API lacks: city, product,
//! dates, any column), else the API, as before the copy existed. Right after a change the
//! merchant made, the page is read from the store (the copy has the change only after
//! the next sync).

use chrono::{Local, NaiveDate, SecondsFormat, TimeZone, Utc};

use super::requests::{Record, read_detail, read_page};
use crate::api::wire::History;
use crate::api::{ApiError, Client, ListQuery, Page, ResourceName};
use crate::copy::{CopyQuery, Earlier, LocalCopy, SortColumn};

/// The filters and sort only the copy answers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CopyFilters {
    pub city: Option<String>,
    pub sku: Option<String>,
    /// From this day on (the computer's calendar).
    pub from_day: Option<NaiveDate>,
    /// Up to and including this day.
    pub to_day: Option<NaiveDate>,
    pub sort: SortColumn,
    /// Oldest or smallest first (the default is newest first).
    pub ascending: bool,
}

/// Which answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The local copy, synced at this time (UTC).
    Copy {
        synced_at: String,
    },
    Store,
}

/// A page of a table and where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct TablePage {
    pub page: Page<Record>,
    pub source: Source,
}

/// One page of `resource`: from `copy` when it is synced and `from_store` is false, else
/// from the API (which ignores `filters`).
pub async fn read_table(
    client: &Client,
    copy: &LocalCopy,
    resource: ResourceName,
    query: &ListQuery,
    filters: &CopyFilters,
    from_store: bool,
) -> Result<TablePage, ApiError> {
    if !from_store {
        let asked = copy_query(resource, query, filters);
        let answer = copy
            .ask(move |reader| {
                let Some(synced_at) = reader.synced_at()? else {
                    return Ok(None);
                };
                Ok(Some((reader.search(&asked)?, synced_at)))
            })
            .await;
        match answer {
            Ok(Some(Some((found, synced_at)))) => {
                let per_page = query.per_page.max(1);
                return Ok(TablePage {
                    page: Page {
                        items: found.records,
                        page: query.page,
                        per_page,
                        total: found.total,
                        pages: found.total.div_ceil(per_page),
                        counted: true,
                    },
                    source: Source::Copy { synced_at },
                });
            }
            Ok(_) => {}
            Err(error) => {
                tracing::warn!(%error, "the local copy could not answer; asking the store")
            }
        }
    }
    let page = read_page(client, resource, query).await?;
    Ok(TablePage {
        page,
        source: Source::Store,
    })
}

/// A record, its status history and what the copy knows of its customer: from the copy
/// when it holds the record, else from the API (with no customer's past).
pub async fn read_record(
    client: &Client,
    copy: &LocalCopy,
    resource: ResourceName,
    reference: &str,
) -> Result<(Record, Vec<History>, Option<Earlier>), ApiError> {
    let asked = reference.to_string();
    let held = copy
        .ask(move |reader| {
            let Some(record) = reader.record(resource, &asked)? else {
                return Ok(None);
            };
            let history = reader.history(resource, &asked)?;
            let earlier = reader.earlier(resource, &asked)?;
            Ok(Some((record, history, Some(earlier))))
        })
        .await;
    if let Ok(Some(Some(held))) = held {
        return Ok(held);
    }
    let (record, history) = read_detail(client, resource, reference).await?;
    Ok((record, history, None))
}

fn copy_query(resource: ResourceName, query: &ListQuery, filters: &CopyFilters) -> CopyQuery {
    CopyQuery {
        text: query.search.clone().unwrap_or_default(),
        statuses: query.status.iter().cloned().collect(),
        city: filters.city.clone(),
        sku: filters.sku.clone(),
        created_from: filters.from_day.map(start_of_day),
        created_before: filters
            .to_day
            .and_then(|day| day.succ_opt())
            .map(start_of_day),
        sort: filters.sort,
        descending: !filters.ascending,
        page: query.page.max(1),
        per_page: query.per_page,
        ..CopyQuery::first_page(resource, query.per_page)
    }
}

/// The first moment of `day` on the computer's calendar, as a server time (UTC).
fn start_of_day(day: NaiveDate) -> String {
    let midnight = day.and_hms_opt(0, 0, 0).unwrap_or_default();
    let local = Local
        .from_local_datetime(&midnight)
        .earliest()
        .map_or_else(|| midnight.and_utc(), |time| time.with_timezone(&Utc));
    local.to_rfc3339_opts(SecondsFormat::Secs, true)
}
