//! What screens and commands ask the copy: a page of a table (search, filters, sort), a
//! customer's leads and orders, what the store knows of a record's customer (earlier
//! outcomes, a likely duplicate), a record's status history, and when the copy was last
//! synced. Every answer comes from the file, with no request: it works offline.

use std::collections::BTreeMap;

use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, params, params_from_iter};
use serde::Serialize;

use super::CopyError;
use super::fold::{fold_text, looks_like_phone, phone_key};
use crate::api::seller::Listed;
use crate::api::wire::History;
use crate::api::{Lead, Order, ResourceName};
use crate::records::requests::Record;

/// The statuses that mean a parcel came back or was refused at the door.
pub const RETURN_STATUSES: &[&str] = &["returned", "refused"];

/// How close two leads of one phone for one product must be to look like a duplicate
/// (the same customer ordering from two landing pages).
pub const DUPLICATE_WINDOW_HOURS: i64 = 72;

/// A resource's records, by status.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct KindCounts {
    pub total: u64,
    pub by_status: BTreeMap<String, u64>,
}

/// The column a table is sorted by.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SortColumn {
    #[default]
    Created,
    Updated,
    Reference,
    Customer,
    Phone,
    City,
    Status,
    Total,
}

impl SortColumn {
    fn sql(self) -> &'static str {
        match self {
            SortColumn::Created => "r.created_at",
            SortColumn::Updated => "r.updated_at",
            SortColumn::Reference => "r.reference",
            SortColumn::Customer => "r.full_name COLLATE NOCASE",
            SortColumn::Phone => "r.phone_key",
            SortColumn::City => "r.city_key",
            SortColumn::Status => "r.status",
            SortColumn::Total => "r.total",
        }
    }
}

/// One page of a table, as the merchant asks for it.
#[derive(Debug, Clone, PartialEq)]
pub struct CopyQuery {
    pub resource: ResourceName,
    /// Words (every one must match the start of a word of any field) or a phone number
    /// in any spelling.
    pub text: String,
    /// Any of these statuses (none: every status).
    pub statuses: Vec<String>,
    pub city: Option<String>,
    pub sku: Option<String>,
    /// Created at or after this server time (`2026-12-01T00:00:00Z`).
    pub created_from: Option<String>,
    /// Created before this server time.
    pub created_before: Option<String>,
    pub sort: SortColumn,
    pub descending: bool,
    pub page: u64,
    pub per_page: u64,
}

impl CopyQuery {
    /// The first page of `resource`, newest first, unfiltered.
    pub fn first_page(resource: ResourceName, per_page: u64) -> CopyQuery {
        CopyQuery {
            resource,
            text: String::new(),
            statuses: Vec::new(),
            city: None,
            sku: None,
            created_from: None,
            created_before: None,
            sort: SortColumn::Created,
            descending: true,
            page: 1,
            per_page,
        }
    }
}

/// A page of a table read from the copy.
#[derive(Debug, Clone, PartialEq)]
pub struct CopyPage {
    pub records: Vec<Record>,
    /// The records that match, on every page.
    pub total: u64,
}

/// One lead or order of a customer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CustomerRecord {
    pub reference: String,
    pub status: Option<String>,
    pub created_at: Option<String>,
    pub full_name: Option<String>,
    pub city: Option<String>,
    pub total: Option<f64>,
    pub skus: Vec<String>,
}

/// Everything the copy holds of one phone number.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Customer {
    /// The number in its international form.
    pub phone: String,
    pub leads: Vec<CustomerRecord>,
    pub orders: Vec<CustomerRecord>,
    pub delivered: u64,
    pub returned: u64,
}

/// What the store knows of a record's customer, for the desk's card and detail panels.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Earlier {
    /// The customer's other orders.
    pub orders: u64,
    pub delivered: u64,
    /// Orders returned or refused.
    pub returned: u64,
    /// The customer's other leads.
    pub leads: u64,
    /// Leads of the same phone for one of the same products within 72 hours.
    pub duplicates: Vec<String>,
}

impl Earlier {
    /// Whether there is nothing to say.
    pub fn is_empty(&self) -> bool {
        self.orders == 0 && self.leads == 0 && self.duplicates.is_empty()
    }
}

/// A seller list from the copy.
#[derive(Debug, Clone, PartialEq)]
pub struct CopiedListing<T> {
    /// In the server's order.
    pub items: Vec<T>,
    /// When the sync read it (the computer's clock, RFC 3339).
    pub read_at: String,
    /// The token may not read it: `items` is empty.
    pub refused: bool,
}

/// A reading connection to the copy (one per task: connections are not `Sync`).
#[derive(Debug)]
pub struct CopyReader {
    connection: Connection,
}

impl CopyReader {
    pub(super) fn new(connection: Connection) -> CopyReader {
        CopyReader { connection }
    }

    /// One page of a table.
    pub fn search(&self, query: &CopyQuery) -> Result<CopyPage, CopyError> {
        let (source, conditions, values) = conditions(query);
        let direction = if query.descending { "DESC" } else { "ASC" };
        let per_page = query.per_page.clamp(1, 1_000);
        let offset = query.page.saturating_sub(1).saturating_mul(per_page);
        let ordered = format!(
            "SELECT r.row_id FROM {source} WHERE {conditions}
             ORDER BY {} {direction} NULLS LAST, r.row_id {direction}",
            query.sort.sql()
        );
        let (row_ids, total) = if source == WORDS_FIRST {
            // Words match a few thousand records at most: they are found once, counted and
            // paged here, rather than looked up twice (a count, then a page).
            let all: Vec<i64> = self
                .connection
                .prepare_cached(&ordered)?
                .query_map(params_from_iter(values.iter()), |row| row.get(0))?
                .collect::<Result<_, _>>()?;
            let total = all.len() as u64;
            let start = usize::try_from(offset).unwrap_or(usize::MAX).min(all.len());
            let page: Vec<i64> = all[start..]
                .iter()
                .take(per_page as usize)
                .copied()
                .collect();
            (page, total)
        } else {
            // Filters alone may select a whole kind: counted on an index, one page read.
            let count_sql = format!("SELECT count(*) FROM {source} WHERE {conditions}");
            let total: u64 = self
                .connection
                .prepare_cached(&count_sql)?
                .query_row(params_from_iter(values.iter()), |row| row.get(0))?;
            let page_sql = format!("{ordered} LIMIT {per_page} OFFSET {offset}");
            let page = self
                .connection
                .prepare_cached(&page_sql)?
                .query_map(params_from_iter(values.iter()), |row| row.get(0))?
                .collect::<Result<_, _>>()?;
            (page, total)
        };
        // The bodies of the page's rows only, once the page is chosen.
        let mut body_of = self
            .connection
            .prepare_cached("SELECT body FROM record_bodies WHERE row_id = ?1")?;
        let mut records = Vec::with_capacity(row_ids.len());
        for row_id in row_ids {
            let body: Option<String> = body_of.query_row([row_id], |row| row.get(0)).optional()?;
            records.extend(body.and_then(|body| record_of(query.resource.plural(), &body)));
        }
        Ok(CopyPage { records, total })
    }

    /// Every lead and order of `phone` (any spelling), newest first; `None` when the
    /// text is no phone number.
    pub fn customer(&self, phone: &str) -> Result<Option<Customer>, CopyError> {
        let Some(key) = phone_key(phone) else {
            return Ok(None);
        };
        let mut statement = self.connection.prepare_cached(
            "SELECT r.kind, r.reference, r.status, r.created_at, r.full_name, r.city, r.total,
                    (SELECT group_concat(p.sku, ' ') FROM record_products p
                     WHERE p.kind = r.kind AND p.reference = r.reference)
             FROM records r WHERE r.phone_key = ?1
             ORDER BY r.created_at DESC, r.row_id DESC",
        )?;
        let rows = statement.query_map([&key], |row| {
            let skus: Option<String> = row.get(7)?;
            Ok((
                row.get::<_, String>(0)?,
                CustomerRecord {
                    reference: row.get(1)?,
                    status: row.get(2)?,
                    created_at: row.get(3)?,
                    full_name: row.get(4)?,
                    city: row.get(5)?,
                    total: row.get(6)?,
                    skus: skus
                        .unwrap_or_default()
                        .split_whitespace()
                        .map(str::to_string)
                        .collect(),
                },
            ))
        })?;
        let mut customer = Customer {
            phone: key,
            leads: Vec::new(),
            orders: Vec::new(),
            delivered: 0,
            returned: 0,
        };
        for row in rows {
            let (kind, record) = row?;
            if kind == ResourceName::Orders.plural() {
                match record.status.as_deref() {
                    Some("delivered") => customer.delivered += 1,
                    Some(status) if RETURN_STATUSES.contains(&status) => customer.returned += 1,
                    _ => {}
                }
                customer.orders.push(record);
            } else {
                customer.leads.push(record);
            }
        }
        Ok(Some(customer))
    }

    /// What the store knows of the customer of record `reference`: the phone's other
    /// leads and orders, their outcomes, and likely duplicates of this lead.
    pub fn earlier(&self, resource: ResourceName, reference: &str) -> Result<Earlier, CopyError> {
        let kind = resource.plural();
        let mut earlier = Earlier::default();
        let found: Option<(Option<String>, Option<String>)> = self
            .connection
            .prepare_cached(
                "SELECT phone_key, created_at FROM records WHERE kind = ?1 AND reference = ?2",
            )?
            .query_row(params![kind, reference], |row| {
                Ok((row.get(0)?, row.get(1)?))
            })
            .optional()?;
        let Some((Some(phone), created_at)) = found else {
            return Ok(earlier);
        };
        let mut others = self.connection.prepare_cached(
            "SELECT kind, status FROM records
             WHERE phone_key = ?1 AND NOT (kind = ?2 AND reference = ?3)",
        )?;
        let rows = others.query_map(params![phone, kind, reference], |row| {
            Ok((row.get::<_, String>(0)?, row.get::<_, Option<String>>(1)?))
        })?;
        for row in rows {
            let (other_kind, status) = row?;
            if other_kind == ResourceName::Orders.plural() {
                earlier.orders += 1;
                match status.as_deref() {
                    Some("delivered") => earlier.delivered += 1,
                    Some(status) if RETURN_STATUSES.contains(&status) => earlier.returned += 1,
                    _ => {}
                }
            } else {
                earlier.leads += 1;
            }
        }
        if resource == ResourceName::Leads
            && let Some(created_at) = created_at
        {
            earlier.duplicates = self.duplicates_of(reference, &phone, &created_at)?;
        }
        Ok(earlier)
    }

    /// Other leads of `phone` sharing a product with lead `reference`, created within
    /// the duplicate window of it.
    fn duplicates_of(
        &self,
        reference: &str,
        phone: &str,
        created_at: &str,
    ) -> Result<Vec<String>, CopyError> {
        let window = format!("{DUPLICATE_WINDOW_HOURS} hours");
        let mut statement = self.connection.prepare_cached(
            "SELECT DISTINCT r.reference FROM records r
             JOIN record_products p ON p.kind = r.kind AND p.reference = r.reference
             WHERE r.kind = 'leads' AND r.phone_key = ?1 AND r.reference <> ?2
               AND julianday(r.created_at) BETWEEN julianday(?3, '-' || ?4)
                                               AND julianday(?3, '+' || ?4)
               AND p.sku_key IN (SELECT sku_key FROM record_products
                                 WHERE kind = 'leads' AND reference = ?2)
             ORDER BY r.created_at",
        )?;
        let rows = statement.query_map(params![phone, reference, created_at, window], |row| {
            row.get::<_, String>(0)
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// A record's status changes as the copy holds them, newest first.
    pub fn history(
        &self,
        resource: ResourceName,
        reference: &str,
    ) -> Result<Vec<History>, CopyError> {
        let mut statement = self.connection.prepare_cached(
            "SELECT id, old_status, new_status, changed_by, changed_at FROM histories
             WHERE kind = ?1 AND reference = ?2 ORDER BY changed_at DESC, id DESC",
        )?;
        let rows = statement.query_map(params![resource.plural(), reference], |row| {
            let mut entry = History {
                id: row.get(0)?,
                old_status: row.get(1)?,
                new_status: row.get(2)?,
                changed_by: row.get(3)?,
                changed_at: row.get(4)?,
                ..History::default()
            };
            match resource {
                ResourceName::Leads => entry.lead_reference = Some(reference.to_string()),
                ResourceName::Orders => entry.order_reference = Some(reference.to_string()),
            }
            Ok(entry)
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// One record by reference, as the store last gave it.
    pub fn record(
        &self,
        resource: ResourceName,
        reference: &str,
    ) -> Result<Option<Record>, CopyError> {
        let body: Option<String> = self
            .connection
            .prepare_cached(
                "SELECT b.body FROM records r JOIN record_bodies b ON b.row_id = r.row_id
                 WHERE r.kind = ?1 AND r.reference = ?2",
            )?
            .query_row(params![resource.plural(), reference], |row| row.get(0))
            .optional()?;
        Ok(body.and_then(|body| record_of(resource.plural(), &body)))
    }

    /// When both leads and orders were last synced (the older of the two, UTC); `None`
    /// before a first complete sync.
    pub fn synced_at(&self) -> Result<Option<String>, CopyError> {
        let synced: Option<String> = self.connection.query_row(
            "SELECT CASE WHEN count(*) = 2 AND count(synced_at) = 2 THEN min(synced_at) END
             FROM sync_state WHERE kind IN ('leads', 'orders') AND complete = 1",
            [],
            |row| row.get(0),
        )?;
        Ok(synced)
    }

    /// A seller list as the last sync read it; `None` when no sync read it yet.
    pub fn listing<T: Listed>(&self) -> Result<Option<CopiedListing<T>>, CopyError> {
        let kind = T::LISTING.plural();
        let state: Option<(Option<String>, bool)> = self
            .connection
            .query_row(
                "SELECT read_at, refused FROM listing_state WHERE kind = ?1",
                [kind],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()?;
        let Some((Some(read_at), refused)) = state else {
            return Ok(None);
        };
        let mut select = self
            .connection
            .prepare_cached("SELECT body FROM listings WHERE kind = ?1 ORDER BY position")?;
        let items = select
            .query_map([kind], |row| row.get::<_, String>(0))?
            .filter_map(|body| serde_json::from_str(&body.ok()?).ok())
            .collect();
        Ok(Some(CopiedListing {
            items,
            read_at,
            refused,
        }))
    }

    /// The dashboard's trends, as of the server's now (its clock as announced at the
    /// last sync, carried forward by the computer's).
    pub fn trends(&self) -> Result<super::Trends, CopyError> {
        let offset: i64 = self
            .connection
            .query_row(
                "SELECT value FROM copy_meta WHERE key = 'server_clock_offset'",
                [],
                |row| row.get::<_, String>(0),
            )
            .optional()?
            .and_then(|text| text.parse().ok())
            .unwrap_or(0);
        let now = chrono::Utc::now() + chrono::Duration::seconds(offset);
        Ok(super::trends::trends(&self.connection, now)?)
    }

    /// The records of `resource`, by status.
    pub fn counts(&self, resource: ResourceName) -> Result<KindCounts, CopyError> {
        Ok(count_by_status(&self.connection, resource)?)
    }
}

/// The records of `resource`, by status.
pub(super) fn count_by_status(
    connection: &Connection,
    resource: ResourceName,
) -> rusqlite::Result<KindCounts> {
    let mut statement = connection.prepare_cached(
        "SELECT coalesce(status, ''), count(*) FROM records WHERE kind = ?1 GROUP BY 1",
    )?;
    let rows = statement.query_map([resource.plural()], |row| {
        Ok((row.get::<_, String>(0)?, row.get::<_, u64>(1)?))
    })?;
    let mut counts = KindCounts::default();
    for row in rows {
        let (status, count) = row?;
        counts.total += count;
        counts.by_status.insert(status, count);
    }
    Ok(counts)
}

/// The records of the words searched, read from the full-text index first.
const WORDS_FIRST: &str = "records_search s CROSS JOIN records r ON r.row_id = s.rowid";

/// The `FROM` and `WHERE` clauses of `query` and the `WHERE`'s values. Words are looked up
/// in the full-text index first and their records read from there (`CROSS JOIN` keeps
/// SQLite to that order): a word matches a few thousand records, a kind a hundred thousand.
fn conditions(query: &CopyQuery) -> (&'static str, String, Vec<Value>) {
    let mut source = "records r";
    let mut clauses = vec!["r.kind = ?".to_string()];
    let mut values = vec![Value::Text(query.resource.plural().to_string())];
    let text = query.text.trim();
    let exact_phone = looks_like_phone(text)
        .then(|| phone_key(text))
        .flatten()
        .filter(|key| key.starts_with('+'));
    if let Some(key) = exact_phone {
        clauses.push("r.phone_key = ?".into());
        values.push(Value::Text(key));
    } else if let Some(fts) = fts_query(text) {
        source = WORDS_FIRST;
        clauses.push("records_search MATCH ?".into());
        values.push(Value::Text(fts));
    }
    if !query.statuses.is_empty() {
        let marks = vec!["?"; query.statuses.len()].join(", ");
        clauses.push(format!("r.status IN ({marks})"));
        values.extend(query.statuses.iter().map(|s| Value::Text(s.clone())));
    }
    if let Some(city) = query.city.as_deref() {
        clauses.push("r.city_key = ?".into());
        values.push(Value::Text(fold_text(city.trim())));
    }
    if let Some(sku) = query.sku.as_deref() {
        // From the product's lines to their records (an index on the SKU), not the other
        // way round over every record.
        clauses.push(
            "r.row_id IN (SELECT p.row_id FROM record_products p
                          WHERE p.sku_key = ? AND p.kind = ?)"
                .into(),
        );
        values.push(Value::Text(fold_text(sku.trim())));
        values.push(Value::Text(query.resource.plural().to_string()));
    }
    if let Some(from) = query.created_from.as_deref() {
        clauses.push("r.created_at >= ?".into());
        values.push(Value::Text(from.to_string()));
    }
    if let Some(before) = query.created_before.as_deref() {
        clauses.push("r.created_at < ?".into());
        values.push(Value::Text(before.to_string()));
    }
    (source, clauses.join(" AND "), values)
}

/// The full-text query of a search box: every word, folded, as a word prefix; `None`
/// when there is no word. Each word is quoted, so no text is FTS5 syntax.
fn fts_query(text: &str) -> Option<String> {
    let folded = fold_text(text);
    let words: Vec<String> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(|word| format!("\"{word}\"*"))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// A record from the JSON the copy keeps of it.
fn record_of(kind: &str, body: &str) -> Option<Record> {
    if kind == ResourceName::Orders.plural() {
        serde_json::from_str::<Order>(body).ok().map(Record::Order)
    } else {
        serde_json::from_str::<Lead>(body).ok().map(Record::Lead)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_words_become_quoted_prefixes() {
        assert_eq!(fts_query("Fès Ama").as_deref(), Some("\"fes\"* \"ama\"*"));
        assert_eq!(fts_query("LD-0001").as_deref(), Some("\"ld\"* \"0001\"*"));
        assert_eq!(fts_query("\" OR *").as_deref(), Some("\"or\"*"));
        assert_eq!(fts_query("  -- "), None);
    }
}
