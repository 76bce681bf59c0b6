//! A fake WedoCOD server written from `api-contract.md` alone (§5–§8 and "Things the docs
//! do not promise"), independent of the sandbox and of the client's wire types: plain
//! `serde_json`, hyper by hand. It behaves as the documented API may, not as the
//! console's own sandbox does:
//!
//! - `POST /leads` `{"data": [...]}`: ≤ `sync_limit` items → 201 with `created_refs`;
//!   more → 202 with a `batch_id`, the items stored only after `queue_delay`.
//! - No `GET /batches/{id}` (404 `NOT_FOUND`) unless `batch_status` is set.
//! - `GET /leads?page&per_page&search`: `search` is a substring of phone, name or
//!   reference; oldest-first or newest-first (`newest_first`); `meta.pagination`.
//! - `GET /leads/{reference}/show`.
//! - `GET /stocks` (the newer seller docs' rows, more than a page); no products,
//!   invoices or sourcing routes (404), as a server may offer part of the seller API.
//! - Its own clock: `created_at`, `updated_at` and the `Date` header are the local time
//!   plus `clock_offset`.
//! - `X-RateLimit-Limit` / `X-RateLimit-Remaining` on every answer (a generous budget).
//!
//! Faults ([`Knobs`], changed while it runs with [`DocsServer::tune`]):
//! - `fail_before_store`: the next N creates answer 500 (after `fail_delay`) and store
//!   nothing.
//! - `drop_after_store`: the next N creates are stored (sync) or queued (async) as usual,
//!   then the connection is closed with no answer at all (the service returns an error,
//!   which makes hyper close the connection unanswered): a lost 201 or 202. With
//!   `flood_after_drop`, that many records of other customers are created right after.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use axum::body::Body;
use chrono::{DateTime, SecondsFormat, TimeDelta, Utc};
use hyper::body::Incoming;
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use rand::Rng;
use serde_json::{Value, json};
use tokio::net::TcpListener;
use tokio::task::JoinHandle;

/// Everything a test may set, at start or while the server runs.
#[derive(Debug, Clone)]
pub struct Knobs {
    /// Items answered synchronously (201); more are queued (202). The docs say 10.
    pub sync_limit: usize,
    /// How long a queued (202) request takes before its items are stored.
    pub queue_delay: Duration,
    /// List order: newest first (true) or oldest first (false; the docs do not say).
    pub newest_first: bool,
    /// The server's clock is the local clock plus this (negative: behind).
    pub clock_offset: TimeDelta,
    /// Requests per minute announced in the rate-limit headers (never enforced).
    pub rate_limit: u64,
    /// `None`: no batch endpoint (the documented API). `Some(status)`: `GET
    /// /batches/{id}` answers with this status string as is (`"Completed"`,
    /// `"processing"`…), and the batch's references once its items are stored.
    pub batch_status: Option<String>,
    /// The next N creates fail with a 500 before anything is stored.
    pub fail_before_store: usize,
    /// How long those 500s take to come back.
    pub fail_delay: Duration,
    /// The next N creates are stored (or queued), then their connection is dropped.
    pub drop_after_store: usize,
    /// Records of other customers created right after each dropped create is stored.
    pub flood_after_drop: usize,
}

impl Default for Knobs {
    fn default() -> Self {
        Knobs {
            sync_limit: 10,
            queue_delay: Duration::from_millis(300),
            newest_first: true,
            clock_offset: TimeDelta::zero(),
            rate_limit: 100_000,
            batch_status: None,
            fail_before_store: 0,
            fail_delay: Duration::ZERO,
            drop_after_store: 0,
            flood_after_drop: 0,
        }
    }
}

/// One request as the server saw it.
#[derive(Debug, Clone)]
pub struct Logged {
    pub method: String,
    pub path: String,
    pub query: String,
    /// The status answered; 0 when the connection was dropped unanswered.
    pub status: u16,
}

struct Batch {
    total: usize,
    refs: Option<Vec<String>>,
}

#[derive(Default)]
struct Store {
    /// In creation order (oldest first).
    records: Vec<Value>,
    batches: HashMap<String, Batch>,
}

struct Shared {
    /// The account's one valid token (rotating it revokes the old one).
    token: Mutex<String>,
    knobs: Mutex<Knobs>,
    store: Mutex<Store>,
    log: Mutex<Vec<Logged>>,
    /// Queued requests whose items are not stored yet.
    queued: AtomicUsize,
    /// Requests in the current rate-limit minute.
    minute: Mutex<(Instant, u64)>,
    sequence: AtomicUsize,
}

fn new_token() -> String {
    format!("docs-{:016x}", rand::rng().random::<u64>())
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|poison| poison.into_inner())
}

/// The running server; stopped when dropped.
pub struct DocsServer {
    addr: SocketAddr,
    shared: Arc<Shared>,
    accept: JoinHandle<()>,
}

impl Drop for DocsServer {
    fn drop(&mut self) {
        self.accept.abort();
    }
}

impl DocsServer {
    /// Starts on 127.0.0.1 with `knobs`, and `seeded` records of other customers created
    /// over the past days (by the server's clock).
    pub async fn start(knobs: Knobs, seeded: usize) -> DocsServer {
        let shared = Arc::new(Shared {
            token: Mutex::new(new_token()),
            knobs: Mutex::new(knobs),
            store: Mutex::new(Store::default()),
            log: Mutex::new(Vec::new()),
            queued: AtomicUsize::new(0),
            minute: Mutex::new((Instant::now(), 0)),
            sequence: AtomicUsize::new(0),
        });
        shared.seed(seeded);
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("binds");
        let addr = listener.local_addr().unwrap();
        let accepting = shared.clone();
        let accept = tokio::spawn(async move {
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    tokio::time::sleep(Duration::from_millis(10)).await;
                    continue;
                };
                let shared = accepting.clone();
                tokio::spawn(async move {
                    let service = hyper::service::service_fn(move |request| {
                        let shared = shared.clone();
                        async move { shared.handle(request).await }
                    });
                    let _ = hyper::server::conn::http1::Builder::new()
                        .serve_connection(TokioIo::new(stream), service)
                        .await;
                });
            }
        });
        DocsServer {
            addr,
            shared,
            accept,
        }
    }

    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn token(&self) -> String {
        lock(&self.shared.token).clone()
    }

    /// Revokes the token and gives the account a new one, as the dashboard does.
    pub fn rotate_token(&self) -> String {
        let token = new_token();
        *lock(&self.shared.token) = token.clone();
        token
    }

    /// Changes knobs while the server runs.
    pub fn tune(&self, change: impl FnOnce(&mut Knobs)) {
        change(&mut lock(&self.shared.knobs));
    }

    pub fn knobs(&self) -> Knobs {
        lock(&self.shared.knobs).clone()
    }

    /// Every stored record, oldest first.
    pub fn records(&self) -> Vec<Value> {
        lock(&self.shared.store).records.clone()
    }

    pub fn record_count(&self) -> usize {
        lock(&self.shared.store).records.len()
    }

    /// Records of one customer, by phone and name exactly as sent.
    pub fn count_of(&self, phone: &str, full_name: &str) -> usize {
        lock(&self.shared.store)
            .records
            .iter()
            .filter(|r| r["phone"] == phone && r["full_name"] == full_name)
            .count()
    }

    /// Records per (phone, full_name).
    pub fn counts_per_customer(&self) -> HashMap<(String, String), usize> {
        let mut counts = HashMap::new();
        for record in &lock(&self.shared.store).records {
            let key = (
                record["phone"].as_str().unwrap_or_default().to_string(),
                record["full_name"].as_str().unwrap_or_default().to_string(),
            );
            *counts.entry(key).or_insert(0) += 1;
        }
        counts
    }

    /// The record with this reference.
    pub fn by_reference(&self, reference: &str) -> Option<Value> {
        lock(&self.shared.store)
            .records
            .iter()
            .find(|r| r["reference"] == reference)
            .cloned()
    }

    pub fn request_log(&self) -> Vec<Logged> {
        lock(&self.shared.log).clone()
    }

    /// Create requests received (answered or not).
    pub fn posts(&self) -> usize {
        self.request_log()
            .iter()
            .filter(|r| r.method == "POST")
            .count()
    }

    /// Queued requests whose items are not stored yet.
    pub fn queued(&self) -> usize {
        self.shared.queued.load(Ordering::SeqCst)
    }

    /// Waits until every queued request is stored (at most `limit`).
    pub async fn drain(&self, limit: Duration) {
        let deadline = Instant::now() + limit;
        while self.queued() > 0 && Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

/// What a handler answers: a response, or "close the connection unanswered".
enum Answer {
    Reply(StatusCode, Value),
    Drop,
}

fn error(status: StatusCode, code: &str, message: &str) -> Answer {
    Answer::Reply(status, json!({"error": {"code": code, "message": message}}))
}

impl Shared {
    fn server_now(&self) -> DateTime<Utc> {
        Utc::now() + lock(&self.knobs).clock_offset
    }

    fn reference(&self) -> String {
        let n = self.sequence.fetch_add(1, Ordering::SeqCst);
        format!(
            "LD-{:06X}{n:05}",
            rand::rng().random_range(0..0x100_0000u32)
        )
    }

    fn record(&self, item: &Value, at: DateTime<Utc>) -> Value {
        const CROCKFORD: &[u8] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        let mut rng = rand::rng();
        let id: String = (0..26)
            .map(|_| CROCKFORD[rng.random_range(0..32)] as char)
            .collect();
        let stamp = at.to_rfc3339_opts(SecondsFormat::Micros, true);
        let products: Vec<Value> = item["products"]
            .as_array()
            .map(|lines| {
                lines
                    .iter()
                    .map(|line| {
                        json!({"sku": line["sku"], "quantity": line["quantity"], "total": line["total"]})
                    })
                    .collect()
            })
            .unwrap_or_default();
        json!({
            "id": id,
            "reference": self.reference(),
            "full_name": item["full_name"],
            "phone": item["phone"],
            "city": item["city"],
            "area": item["area"],
            "address": item["address"],
            "status": "new",
            "products": products,
            "data": item.get("data").cloned().unwrap_or(json!([])),
            "created_at": stamp,
            "updated_at": stamp,
        })
    }

    /// Stores `items` now (server clock) and returns their references.
    fn store(&self, items: &[Value]) -> Vec<String> {
        let at = self.server_now();
        let records: Vec<Value> = items.iter().map(|item| self.record(item, at)).collect();
        let refs = records
            .iter()
            .map(|r| r["reference"].as_str().unwrap().to_string())
            .collect();
        lock(&self.store).records.extend(records);
        refs
    }

    /// `count` records of other customers, created `age_step` apart, the last one `age_step`
    /// before now (or now when `age_step` is zero).
    fn others(&self, count: usize, age_step: TimeDelta) -> Vec<Value> {
        let now = self.server_now();
        let base = self.sequence.fetch_add(count, Ordering::SeqCst);
        (0..count)
            .map(|i| {
                let n = base + i;
                let item = json!({
                    "full_name": format!("Autre Client {n}"),
                    "phone": format!("07{:08}", 50_000_000 + n),
                    "city": "Marrakech",
                    "address": format!("{n} Rue de la Kasbah"),
                    "products": [{"sku": "ARG-100", "quantity": 1, "total": 149}],
                });
                let age = age_step * i32::try_from(count - i).unwrap_or(i32::MAX);
                self.record(&item, now - age)
            })
            .collect()
    }

    fn seed(&self, count: usize) {
        let records = self.others(count, TimeDelta::seconds(30));
        lock(&self.store).records.extend(records);
    }

    fn flood(&self, count: usize) {
        let records = self.others(count, TimeDelta::zero());
        lock(&self.store).records.extend(records);
    }

    async fn handle(
        self: Arc<Self>,
        request: Request<Incoming>,
    ) -> Result<Response<Body>, std::io::Error> {
        let method = request.method().as_str().to_string();
        let path = request.uri().path().to_string();
        let query = request.uri().query().unwrap_or_default().to_string();
        let authorized = request
            .headers()
            .get(hyper::header::AUTHORIZATION)
            .and_then(|value| value.to_str().ok())
            .is_some_and(|value| value == format!("Bearer {}", lock(&self.token)));
        let body = axum::body::to_bytes(Body::new(request.into_body()), 16 << 20).await;
        let answer = match (authorized, body) {
            (false, _) => error(
                StatusCode::UNAUTHORIZED,
                "UNAUTHENTICATED",
                "Unauthenticated.",
            ),
            (true, Err(_)) => error(StatusCode::BAD_REQUEST, "HTTP_ERROR", "Unreadable body."),
            (true, Ok(body)) => self.route(&method, &path, &query, &body).await,
        };
        let status = match &answer {
            Answer::Reply(status, _) => status.as_u16(),
            Answer::Drop => 0,
        };
        lock(&self.log).push(Logged {
            method,
            path,
            query,
            status,
        });
        match answer {
            Answer::Drop => Err(std::io::Error::other("connection dropped (fault)")),
            Answer::Reply(status, body) => Ok(self.respond(status, &body)),
        }
    }

    fn respond(&self, status: StatusCode, body: &Value) -> Response<Body> {
        let (limit, remaining) = {
            let limit = lock(&self.knobs).rate_limit;
            let mut minute = lock(&self.minute);
            if minute.0.elapsed() >= Duration::from_secs(60) {
                *minute = (Instant::now(), 0);
            }
            minute.1 += 1;
            (limit, limit.saturating_sub(minute.1))
        };
        let date = self
            .server_now()
            .format("%a, %d %b %Y %H:%M:%S GMT")
            .to_string();
        Response::builder()
            .status(status)
            .header("content-type", "application/json")
            .header("date", date)
            .header("x-ratelimit-limit", limit.to_string())
            .header("x-ratelimit-remaining", remaining.to_string())
            .body(Body::from(body.to_string()))
            .unwrap()
    }

    async fn route(self: &Arc<Self>, method: &str, path: &str, query: &str, body: &[u8]) -> Answer {
        let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
        match (method, segments.as_slice()) {
            ("POST", ["leads"]) => self.create(body).await,
            ("GET", ["leads"]) => self.list(query),
            ("GET", ["leads", reference, "show"]) => match self.find(reference) {
                Some(record) => Answer::Reply(StatusCode::OK, json!({"data": record, "meta": {}})),
                None => error(StatusCode::NOT_FOUND, "NOT_FOUND", "Lead not found."),
            },
            ("GET", ["batches", batch_id]) => self.batch(batch_id),
            ("GET", ["stocks"]) => self.stocks(query),
            _ => error(StatusCode::NOT_FOUND, "NOT_FOUND", "Not found."),
        }
    }

    fn find(&self, reference: &str) -> Option<Value> {
        lock(&self.store)
            .records
            .iter()
            .find(|r| r["reference"] == reference)
            .cloned()
    }

    fn batch(&self, batch_id: &str) -> Answer {
        let Some(status) = lock(&self.knobs).batch_status.clone() else {
            return error(StatusCode::NOT_FOUND, "NOT_FOUND", "Not found.");
        };
        let store = lock(&self.store);
        let Some(batch) = store.batches.get(batch_id) else {
            return error(StatusCode::NOT_FOUND, "NOT_FOUND", "Batch not found.");
        };
        let refs = batch.refs.clone().unwrap_or_default();
        Answer::Reply(
            StatusCode::OK,
            json!({"data": {
                "batch_id": batch_id,
                "status": status,
                "total": batch.total,
                "processed": refs.len(),
                "created_refs": refs,
                "failures": [],
            }, "meta": {}}),
        )
    }

    fn list(&self, query: &str) -> Answer {
        let (page, per_page, search) = page_params(query);
        let newest_first = lock(&self.knobs).newest_first;
        let store = lock(&self.store);
        let matches = |record: &&Value| {
            search.as_deref().is_none_or(|needle| {
                ["phone", "full_name", "reference"].iter().any(|field| {
                    record[*field]
                        .as_str()
                        .is_some_and(|text| text.to_lowercase().contains(needle))
                })
            })
        };
        let selected: Vec<&Value> = if newest_first {
            store.records.iter().rev().filter(matches).collect()
        } else {
            store.records.iter().filter(matches).collect()
        };
        paged(&selected, page, per_page)
    }

    /// `GET /stocks`: [`STOCK_ROWS`] rows as the newer seller docs list them, ids as
    /// numbers and quantities sometimes as strings (Laravel's decimals).
    fn stocks(&self, query: &str) -> Answer {
        let (page, per_page, _) = page_params(query);
        let rows: Vec<Value> = (0..STOCK_ROWS)
            .map(|index| {
                let quantity = (index * 7) % 40;
                json!({
                    "id": 9000 + index,
                    "product_name": format!("Produit {index}"),
                    "product_sku": format!("DOC-{index:03}"),
                    "warehouse_name": if index % 2 == 0 { "Casablanca" } else { "Tanger" },
                    "quantity": if index % 3 == 0 { json!(quantity.to_string()) } else { json!(quantity) },
                    "warning_quantity": 10,
                    "status": "active",
                })
            })
            .collect();
        paged(&rows.iter().collect::<Vec<_>>(), page, per_page)
    }

    async fn create(self: &Arc<Self>, body: &[u8]) -> Answer {
        let Ok(body) = serde_json::from_slice::<Value>(body) else {
            return error(StatusCode::BAD_REQUEST, "HTTP_ERROR", "Malformed JSON.");
        };
        let Some(items) = body["data"].as_array().cloned() else {
            return validation(json!({"data": ["The data field is required."]}));
        };
        if items.is_empty() || items.len() > 100 {
            return validation(
                json!({"data": ["The data field must have between 1 and 100 items."]}),
            );
        }
        let mut fields = serde_json::Map::new();
        for (i, item) in items.iter().enumerate() {
            for field in ["full_name", "phone"] {
                if item[field].as_str().is_none_or(|s| s.trim().is_empty()) {
                    fields.insert(
                        format!("data.{i}.{field}"),
                        json!([format!("The data.{i}.{field} field is required.")]),
                    );
                }
            }
            if item["products"].as_array().is_none_or(Vec::is_empty) {
                fields.insert(
                    format!("data.{i}.products"),
                    json!([format!("The data.{i}.products field is required.")]),
                );
            }
        }
        if !fields.is_empty() {
            return validation(Value::Object(fields));
        }
        let (fail, fail_delay, drop, flood, sync_limit, queue_delay) = {
            let mut knobs = lock(&self.knobs);
            let fail = knobs.fail_before_store > 0;
            if fail {
                knobs.fail_before_store -= 1;
            }
            let drop = !fail && knobs.drop_after_store > 0;
            if drop {
                knobs.drop_after_store -= 1;
            }
            (
                fail,
                knobs.fail_delay,
                drop,
                knobs.flood_after_drop,
                knobs.sync_limit,
                knobs.queue_delay,
            )
        };
        if fail {
            tokio::time::sleep(fail_delay).await;
            return error(
                StatusCode::INTERNAL_SERVER_ERROR,
                "HTTP_ERROR",
                "Server Error",
            );
        }
        let total = items.len();
        let answer = if total <= sync_limit {
            let refs = self.store(&items);
            Answer::Reply(
                StatusCode::CREATED,
                json!({"data": {"created_refs": refs, "failed_count": 0},
                       "meta": {"mode": "sync", "total": total}}),
            )
        } else {
            let batch_id = format!("batch_{:032x}", rand::rng().random::<u128>());
            lock(&self.store)
                .batches
                .insert(batch_id.clone(), Batch { total, refs: None });
            self.queued.fetch_add(1, Ordering::SeqCst);
            let shared = self.clone();
            let id = batch_id.clone();
            tokio::spawn(async move {
                tokio::time::sleep(queue_delay).await;
                let refs = shared.store(&items);
                if let Some(batch) = lock(&shared.store).batches.get_mut(&id) {
                    batch.refs = Some(refs);
                }
                shared.queued.fetch_sub(1, Ordering::SeqCst);
            });
            Answer::Reply(
                StatusCode::ACCEPTED,
                json!({"data": {"batch_id": batch_id, "queued": true},
                       "meta": {"mode": "async", "total": total}}),
            )
        };
        if drop {
            if flood > 0 {
                self.flood(flood);
            }
            return Answer::Drop;
        }
        answer
    }
}

fn validation(fields: Value) -> Answer {
    Answer::Reply(
        StatusCode::UNPROCESSABLE_ENTITY,
        json!({"error": {"code": "VALIDATION_ERROR",
                         "message": "The given data was invalid.", "fields": fields}}),
    )
}

/// `%XX` and `+` of a query value.
fn percent_decode(text: &str) -> String {
    let hex = |byte: u8| char::from(byte).to_digit(16);
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(high), Some(low)) => {
                    out.push((high * 16 + low) as u8);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The stock rows `GET /stocks` serves: more than a page of 100.
pub const STOCK_ROWS: usize = 130;

/// `page`, `per_page` (1–100, default 50) and `search` of a list's query.
fn page_params(query: &str) -> (usize, usize, Option<String>) {
    let mut page = 1usize;
    let mut per_page = 50usize;
    let mut search = None;
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let value = percent_decode(value);
        match key {
            "page" => page = value.parse().unwrap_or(1).max(1),
            "per_page" => per_page = value.parse().unwrap_or(50).clamp(1, 100),
            "search" if !value.is_empty() => search = Some(value.to_lowercase()),
            _ => {}
        }
    }
    (page, per_page, search)
}

/// One page of `selected` with the v2 `meta.pagination`.
fn paged(selected: &[&Value], page: usize, per_page: usize) -> Answer {
    let total = selected.len();
    let items: Vec<Value> = selected
        .iter()
        .skip((page - 1) * per_page)
        .take(per_page)
        .map(|item| (*item).clone())
        .collect();
    Answer::Reply(
        StatusCode::OK,
        json!({"data": items, "meta": {"pagination": {
            "page": page, "limit": per_page, "total": total,
            "pages": total.div_ceil(per_page),
        }}}),
    )
}
