//! The dashboard's questions, answered from the copy with no request: leads per day and
//! how many were confirmed, orders delivered and returned per day, the cities and products
//! that come back most, how fast new leads get their first call (the time from a lead's
//! creation to its first status change), and delivered revenue per week. "Today" is the
//! server's, from the clock it announced at the last sync, not the computer's.

use chrono::{DateTime, Duration, NaiveDate, SecondsFormat, Utc};
use rusqlite::{Connection, params};

use super::read::RETURN_STATUSES;

/// How many days the daily series cover.
pub const DAYS: i64 = 30;
/// How many cities and products the "come back most" lists name.
pub const TOP: usize = 10;

/// One day's leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LeadDay {
    pub day: NaiveDate,
    pub leads: u64,
    /// Leads of that day with an outcome other than `new`.
    pub decided: u64,
    pub confirmed: u64,
}

/// One day's orders.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OrderDay {
    pub day: NaiveDate,
    pub orders: u64,
    pub delivered: u64,
    pub returned: u64,
}

/// Orders of one city or product, and how many came back.
#[derive(Debug, Clone, PartialEq)]
pub struct Returns {
    /// The city, or the product's SKU.
    pub key: String,
    /// The product's name, when the catalogue knows it.
    pub name: Option<String>,
    /// Orders that ended (delivered or returned).
    pub ended: u64,
    pub returned: u64,
}

impl Returns {
    pub fn rate(&self) -> f64 {
        if self.ended == 0 {
            0.0
        } else {
            self.returned as f64 / self.ended as f64
        }
    }
}

/// Delivered revenue of one week (Monday first).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WeekRevenue {
    pub monday: NaiveDate,
    pub amount: f64,
}

/// Everything the dashboard draws.
#[derive(Debug, Clone, PartialEq)]
pub struct Trends {
    /// The server's today.
    pub today: NaiveDate,
    pub leads: Vec<LeadDay>,
    pub orders: Vec<OrderDay>,
    pub cities: Vec<Returns>,
    pub products: Vec<Returns>,
    /// Median minutes from creation to first status change, of leads created today and in
    /// the last seven days (`None`: no such lead was called yet).
    pub first_call_today: Option<f64>,
    pub first_call_week: Option<f64>,
    pub revenue: Vec<WeekRevenue>,
}

/// The trends as of `now` (the server's time).
pub fn trends(connection: &Connection, now: DateTime<Utc>) -> rusqlite::Result<Trends> {
    let today = now.date_naive();
    let first_day = today - Duration::days(DAYS - 1);
    let since = time_text(first_day);
    Ok(Trends {
        today,
        leads: lead_days(connection, &since, first_day)?,
        orders: order_days(connection, &since, first_day)?,
        cities: returns_by(connection, ReturnsBy::City)?,
        products: returns_by(connection, ReturnsBy::Product)?,
        first_call_today: median_first_call(connection, &time_text(today))?,
        first_call_week: median_first_call(connection, &time_text(today - Duration::days(6)))?,
        revenue: weekly_revenue(connection, today)?,
    })
}

fn time_text(day: NaiveDate) -> String {
    day.and_hms_opt(0, 0, 0)
        .unwrap_or_default()
        .and_utc()
        .to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// Every day from `first_day` on, with zeros for days without records.
fn every_day<T>(first_day: NaiveDate, mut at: impl FnMut(NaiveDate) -> T) -> Vec<T> {
    (0..DAYS)
        .map(|offset| at(first_day + Duration::days(offset)))
        .collect()
}

fn lead_days(
    connection: &Connection,
    since: &str,
    first_day: NaiveDate,
) -> rusqlite::Result<Vec<LeadDay>> {
    let counts = daily_counts(
        connection,
        "SELECT substr(created_at, 1, 10), count(*),
                sum(status IS NOT NULL AND status <> 'new'), sum(status = 'confirmed')
         FROM records WHERE kind = 'leads' AND created_at >= ?1 GROUP BY 1",
        since,
        first_day,
    )?;
    Ok(counts
        .into_iter()
        .map(|(day, [leads, decided, confirmed])| LeadDay {
            day,
            leads,
            decided,
            confirmed,
        })
        .collect())
}

fn order_days(
    connection: &Connection,
    since: &str,
    first_day: NaiveDate,
) -> rusqlite::Result<Vec<OrderDay>> {
    let returned = sql_list(RETURN_STATUSES);
    let counts = daily_counts(
        connection,
        &format!(
            "SELECT substr(created_at, 1, 10), count(*), sum(status = 'delivered'),
                    sum(status IN ({returned}))
             FROM records WHERE kind = 'orders' AND created_at >= ?1 GROUP BY 1"
        ),
        since,
        first_day,
    )?;
    Ok(counts
        .into_iter()
        .map(|(day, [orders, delivered, returned])| OrderDay {
            day,
            orders,
            delivered,
            returned,
        })
        .collect())
}

/// Three counts per day from `sql` (the day as `YYYY-MM-DD`, then the counts), for every
/// day of the series, zeros where the copy has none.
fn daily_counts(
    connection: &Connection,
    sql: &str,
    since: &str,
    first_day: NaiveDate,
) -> rusqlite::Result<Vec<(NaiveDate, [u64; 3])>> {
    let mut statement = connection.prepare_cached(sql)?;
    let rows: Vec<(String, [u64; 3])> = statement
        .query_map([since], |row| {
            Ok((row.get(0)?, [row.get(1)?, row.get(2)?, row.get(3)?]))
        })?
        .collect::<Result<_, _>>()?;
    Ok(every_day(first_day, |day| {
        let key = day.to_string();
        let counts = rows
            .iter()
            .find(|row| row.0 == key)
            .map_or([0; 3], |row| row.1);
        (day, counts)
    }))
}

#[derive(Debug, Clone, Copy)]
enum ReturnsBy {
    City,
    Product,
}

/// The cities or products whose orders came back most (by count, then rate).
fn returns_by(connection: &Connection, by: ReturnsBy) -> rusqlite::Result<Vec<Returns>> {
    let returned = sql_list(RETURN_STATUSES);
    let sql = match by {
        ReturnsBy::City => format!(
            "SELECT min(city), NULL, sum(status = 'delivered' OR status IN ({returned})),
                    sum(status IN ({returned}))
             FROM records WHERE kind = 'orders' AND city_key IS NOT NULL AND city_key <> ''
             GROUP BY city_key"
        ),
        ReturnsBy::Product => format!(
            "SELECT min(p.sku), (SELECT name FROM products c WHERE c.sku_key = p.sku_key),
                    sum(r.status = 'delivered' OR r.status IN ({returned})),
                    sum(r.status IN ({returned}))
             FROM record_products p JOIN records r
               ON r.kind = p.kind AND r.reference = p.reference
             WHERE p.kind = 'orders' AND p.sku_key IS NOT NULL
             GROUP BY p.sku_key"
        ),
    };
    let mut statement = connection.prepare_cached(&sql)?;
    let mut all: Vec<Returns> = statement
        .query_map([], |row| {
            Ok(Returns {
                key: row.get::<_, Option<String>>(0)?.unwrap_or_default(),
                name: row.get(1)?,
                ended: row.get::<_, Option<u64>>(2)?.unwrap_or(0),
                returned: row.get::<_, Option<u64>>(3)?.unwrap_or(0),
            })
        })?
        .collect::<Result<_, _>>()?;
    all.retain(|returns| returns.returned > 0);
    all.sort_by(|a, b| {
        b.returned
            .cmp(&a.returned)
            .then(b.rate().total_cmp(&a.rate()))
            .then(a.key.cmp(&b.key))
    });
    all.truncate(TOP);
    Ok(all)
}

/// The median minutes from creation to first status change of leads created since
/// `since` that have had one.
fn median_first_call(connection: &Connection, since: &str) -> rusqlite::Result<Option<f64>> {
    let mut statement = connection.prepare_cached(
        "SELECT (julianday(min(h.changed_at)) - julianday(r.created_at)) * 1440.0
         FROM records r JOIN histories h ON h.kind = r.kind AND h.reference = r.reference
         WHERE r.kind = 'leads' AND r.created_at >= ?1
         GROUP BY r.reference",
    )?;
    let mut minutes: Vec<f64> = statement
        .query_map([since], |row| row.get::<_, Option<f64>>(0))?
        .filter_map(|minutes| minutes.transpose())
        .collect::<Result<_, _>>()?;
    minutes.retain(|minutes| minutes.is_finite() && *minutes >= 0.0);
    if minutes.is_empty() {
        return Ok(None);
    }
    minutes.sort_by(f64::total_cmp);
    let middle = minutes.len() / 2;
    Ok(Some(if minutes.len().is_multiple_of(2) {
        (minutes[middle - 1] + minutes[middle]) / 2.0
    } else {
        minutes[middle]
    }))
}

/// Delivered revenue per week over the last eight weeks, by the day the order became
/// `delivered` (its history entry; else its last update).
fn weekly_revenue(connection: &Connection, today: NaiveDate) -> rusqlite::Result<Vec<WeekRevenue>> {
    use chrono::Datelike;
    let this_monday = today - Duration::days(i64::from(today.weekday().num_days_from_monday()));
    let first_monday = this_monday - Duration::weeks(7);
    let mut statement = connection.prepare_cached(
        "SELECT coalesce(
                    (SELECT max(h.changed_at) FROM histories h
                     WHERE h.kind = r.kind AND h.reference = r.reference
                       AND h.new_status = 'delivered'),
                    r.updated_at, r.created_at),
                r.total
         FROM records r WHERE r.kind = 'orders' AND r.status = 'delivered'",
    )?;
    let mut weeks: Vec<WeekRevenue> = (0..8)
        .map(|week| WeekRevenue {
            monday: first_monday + Duration::weeks(week),
            amount: 0.0,
        })
        .collect();
    let rows = statement.query_map(params![], |row| {
        Ok((
            row.get::<_, Option<String>>(0)?,
            row.get::<_, Option<f64>>(1)?,
        ))
    })?;
    for row in rows {
        let (Some(when), Some(amount)) = row? else {
            continue;
        };
        let Some(day) = DateTime::parse_from_rfc3339(&when)
            .ok()
            .map(|time| time.with_timezone(&Utc).date_naive())
        else {
            continue;
        };
        let offset = (day - first_monday).num_weeks();
        if let Some(week) = usize::try_from(offset).ok().and_then(|i| weeks.get_mut(i))
            && day >= first_monday
        {
            week.amount += amount;
        }
    }
    Ok(weeks)
}

/// `'returned', 'refused'` for an `IN` list of constants.
fn sql_list(values: &[&str]) -> String {
    values
        .iter()
        .map(|value| format!("'{}'", value.replace('\'', "''")))
        .collect::<Vec<_>>()
        .join(", ")
}
