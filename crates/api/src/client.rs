//! The typed async client. One [`Client`] per profile; it is cheap to clone (the
//! connection pool, pacer and token are shared), so UI tasks can own a copy.

use std::fmt;
use std::marker::PhantomData;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Once};
use std::time::Duration;

use rand::Rng;
use reqwest::Method;
use reqwest::header::{ACCEPT, CONTENT_TYPE, LOCATION};
use secrecy::{ExposeSecret, SecretString};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};

use super::body::{self, BodyError, MAX_BODY_BYTES};
use super::endpoints::{Endpoint, body_key};
use super::envelope::{self, ResponseParts, Success};
use super::error::{ApiError, TransportKind};
use super::pacing::{Pacer, RateBudget, retry_after_header};
use super::profile::{ApiProfile, Dialect};
use super::resource::{Leads, Orders, Resource};
use super::rules::{MAX_ITEMS_PER_BULK_CHANGE, max_items_per_request};
use super::seller::{Listed, NewSourcing, SourcingCreated};
use super::server_clock::ServerClock;
use super::wire::{
    BatchStatus, Deleted, History, Pagination, Product, Queued, RecordRef, StatusChange,
    SyncCreated, V1Pagination,
};

/// When to try a request again by itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Attempts in all, the first included.
    pub max_attempts: u32,
    /// The first wait of the exponential back-off (429 without a hint, connect failures).
    pub first_backoff: Duration,
    pub max_backoff: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 5,
            first_backoff: Duration::from_secs(1),
            max_backoff: Duration::from_secs(30),
        }
    }
}

impl RetryPolicy {
    /// Every failure is returned at once (tests, and callers that retry themselves).
    pub fn never() -> Self {
        RetryPolicy {
            max_attempts: 1,
            ..RetryPolicy::default()
        }
    }

    /// `first_backoff · 2^(attempt-1)`, capped, ±20 % jitter so clients do not stampede.
    fn backoff(&self, attempt: u32) -> Duration {
        let exponential = self
            .first_backoff
            .saturating_mul(1 << attempt.saturating_sub(1).min(16));
        let capped = exponential.min(self.max_backoff);
        capped.mul_f64(rand::rng().random_range(0.8..1.2))
    }
}

/// Time limits and retries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientOptions {
    /// The whole request, from connecting to the last body byte.
    pub timeout: Duration,
    pub connect_timeout: Duration,
    pub retry: RetryPolicy,
}

impl Default for ClientOptions {
    fn default() -> Self {
        ClientOptions {
            timeout: Duration::from_secs(60),
            connect_timeout: Duration::from_secs(10),
            retry: RetryPolicy::default(),
        }
    }
}

/// One page of a list endpoint.
#[derive(Debug, Clone, PartialEq)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub page: u64,
    pub per_page: u64,
    pub total: u64,
    /// `ceil(total / per_page)`.
    pub pages: u64,
    /// Whether the server said the total (a server that sends no pagination leaves
    /// `total` and `pages` as what has been seen so far: reading on is the only way to know).
    pub counted: bool,
}

impl<T> Page<T> {
    /// The same page with each item made into another (its place in the list unchanged).
    pub fn map<U>(self, each: impl FnMut(T) -> U) -> Page<U> {
        Page {
            items: self.items.into_iter().map(each).collect(),
            page: self.page,
            per_page: self.per_page,
            total: self.total,
            pages: self.pages,
            counted: self.counted,
        }
    }
}

/// Page and filters of a list call; each endpoint sends the filters it supports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListQuery {
    pub page: u64,
    pub per_page: u64,
    pub status: Option<String>,
    pub search: Option<String>,
    /// Histories: only the entries of this lead/order.
    pub reference: Option<String>,
}

impl Default for ListQuery {
    fn default() -> Self {
        ListQuery {
            page: 1,
            per_page: 50,
            status: None,
            search: None,
            reference: None,
        }
    }
}

impl ListQuery {
    pub fn page(page: u64, per_page: u64) -> Self {
        ListQuery {
            page,
            per_page,
            ..ListQuery::default()
        }
    }

    fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = vec![
            ("page", self.page.to_string()),
            ("per_page", self.per_page.to_string()),
        ];
        let filters = [
            ("status", &self.status),
            ("search", &self.search),
            ("reference", &self.reference),
        ];
        for (name, value) in filters {
            if let Some(value) = value.as_deref().filter(|v| !v.trim().is_empty()) {
                pairs.push((name, value.trim().to_string()));
            }
        }
        pairs
    }
}

/// What a bulk create did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CreateOutcome {
    /// 201 sync: processed in the request. `failed_count` rows passed validation but
    /// failed processing; the answer does not say which.
    Created {
        created_refs: Vec<String>,
        failed_count: u64,
        total: u64,
    },
    /// 202 async: queued as a batch, to follow with [`Client::batch`] or reconciliation.
    Queued { batch_id: String, total: u64 },
    /// v1 201 `{message}`: accepted, references not returned.
    Accepted { message: Option<String>, total: u64 },
}

/// What a bulk status change did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UpdateOutcome {
    pub records: Vec<RecordRef>,
    pub updated_fields: Vec<String>,
}

/// What a bulk delete did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DeleteOutcome {
    pub count: u64,
}

/// The WedoCOD API client of one profile.
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    /// Reads: follows redirects (reqwest drops the token when one leaves the host).
    http: reqwest::Client,
    /// Writes: follows none. A create sent on to another address could be applied
    /// twice or land in the wrong place; its 3xx is an uncertain outcome instead.
    http_writes: reqwest::Client,
    profile: ApiProfile,
    token: SecretString,
    pacer: Pacer,
    clock: ServerClock,
    retry: RetryPolicy,
    /// Whether the server has ever answered this client. Until it has, a connection that
    /// cannot be opened is most likely a wrong address or a store that is down, not a
    /// network that dropped: it is tried [`FIRST_CONTACT_ATTEMPTS`] times, not the whole
    /// policy, so the merchant hears it in seconds.
    answered: AtomicBool,
}

/// Attempts at a connection to a server that has never answered this client.
pub const FIRST_CONTACT_ATTEMPTS: u32 = 2;

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("profile", &self.inner.profile)
            .field("token", &"[redacted]")
            .finish_non_exhaustive()
    }
}

/// Pages of 100 read at most of a seller list: 100,000 products is far beyond any store,
/// and a server that announces more (or answers every page forever) must not hold the
/// console in a loop.
pub const MAX_CATALOGUE_PAGES: u64 = 1_000;

/// A redirect's target as shown to the merchant: short, without a query (which could
/// carry anything).
fn excerpt_of_location(location: &str) -> String {
    let without_query = location.split(['?', '#']).next().unwrap_or_default();
    without_query.chars().take(120).collect()
}

/// rustls needs one process-wide crypto provider; `ring` builds quickly everywhere. The
/// client installs it; code of the same process that builds its own reqwest client (a
/// test speaking plain HTTP to the sandbox) calls this first.
pub fn install_crypto_provider() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // Fails only when another part of the process installed one first: fine.
        let _ = rustls::crypto::ring::default_provider().install_default();
    });
}

impl Client {
    pub fn new(profile: ApiProfile, token: SecretString) -> Result<Client, ApiError> {
        Client::with_options(profile, token, ClientOptions::default())
    }

    pub fn with_options(
        profile: ApiProfile,
        token: SecretString,
        options: ClientOptions,
    ) -> Result<Client, ApiError> {
        install_crypto_provider();
        let build = |redirects: reqwest::redirect::Policy| {
            reqwest::Client::builder()
                .timeout(options.timeout)
                .connect_timeout(options.connect_timeout)
                .user_agent(concat!("wedocod-console/", env!("CARGO_PKG_VERSION")))
                .redirect(redirects)
                .build()
                .map_err(|error| ApiError::InvalidRequest(format!("HTTP client: {error}")))
        };
        Ok(Client {
            inner: Arc::new(Inner {
                http: build(reqwest::redirect::Policy::limited(5))?,
                http_writes: build(reqwest::redirect::Policy::none())?,
                profile,
                token,
                pacer: Pacer::default(),
                clock: ServerClock::default(),
                answered: AtomicBool::new(false),
                retry: options.retry,
            }),
        })
    }

    pub fn profile(&self) -> &ApiProfile {
        &self.inner.profile
    }

    /// The server's time now, as its last `Date` header told its clock (`None` before
    /// any answer had one).
    pub fn server_now(&self) -> Option<std::time::SystemTime> {
        self.inner.clock.now()
    }

    /// The rate-limit budget the server last reported.
    /// Whether the server has answered this client at least once (any status): until it
    /// has, a connection that cannot be opened means a wrong address or a store that is
    /// down rather than a network that dropped mid-job.
    pub fn has_answered(&self) -> bool {
        self.inner.answered.load(Ordering::Relaxed)
    }

    pub fn rate_budget(&self) -> Option<RateBudget> {
        self.inner.pacer.budget()
    }

    pub fn leads(&self) -> Records<Leads> {
        self.records()
    }

    /// The routes of any resource (generic code; `leads()`/`orders()` read better).
    pub fn records<R: Resource>(&self) -> Records<R> {
        Records::new(self.clone())
    }

    pub fn orders(&self) -> Records<Orders> {
        self.records()
    }

    /// One page of the account's product catalogue.
    pub async fn products(&self, query: &ListQuery) -> Result<Page<Product>, ApiError> {
        self.page_of::<Product>(query).await
    }

    /// One product by its id, with the show's seller fields (404 when absent or in
    /// another account).
    pub async fn product(&self, id: &str) -> Result<Product, ApiError> {
        self.one_of::<Product>(id).await
    }

    /// The whole catalogue: [`Client::every`] product.
    pub async fn all_products(&self) -> Result<Vec<Product>, ApiError> {
        self.every::<Product>().await
    }

    /// One page of a seller list (products, stocks, invoices, sourcing requests).
    pub async fn page_of<T: Listed>(&self, query: &ListQuery) -> Result<Page<T>, ApiError> {
        let success = self
            .send(Endpoint::Browse(T::LISTING), query.pairs(), None)
            .await?;
        decode_page(success, query)
    }

    /// One item of a seller list by its id (404 when absent or in another account).
    pub async fn one_of<T: Listed>(&self, id: &str) -> Result<T, ApiError> {
        let success = self
            .send(Endpoint::ShowListed(T::LISTING, id), Vec::new(), None)
            .await?;
        decode_data(success)
    }

    /// A whole seller list, every page: up to the page count the server announces, and
    /// never past [`MAX_CATALOGUE_PAGES`] however many it announces or keeps sending.
    pub async fn every<T: Listed>(&self) -> Result<Vec<T>, ApiError> {
        let mut query = ListQuery::page(1, 100);
        let mut items = Vec::new();
        loop {
            let page = self.page_of::<T>(&query).await?;
            let last = page.items.is_empty() || query.page >= page.pages;
            items.extend(page.items);
            if last {
                return Ok(items);
            }
            if query.page >= MAX_CATALOGUE_PAGES {
                return Err(ApiError::InvalidRequest(format!(
                    "the {} list has more than {MAX_CATALOGUE_PAGES} pages of 100: it was not read whole",
                    T::LISTING.plural()
                )));
            }
            query.page += 1;
        }
    }

    /// Sends one sourcing request. A write: never resent when its outcome is uncertain.
    pub async fn create_sourcing(
        &self,
        request: &NewSourcing,
    ) -> Result<SourcingCreated, ApiError> {
        let body = serde_json::to_value(request).unwrap_or(Value::Null);
        let success = self
            .send(Endpoint::CreateSourcing, Vec::new(), Some(body))
            .await?;
        decode_data(success)
    }

    /// The state of an async batch; `Ok(None)` when the server has no batch endpoint
    /// (404 or 405), in which case the caller reconciles (api-contract.md §8).
    pub async fn batch(&self, batch_id: &str) -> Result<Option<BatchStatus>, ApiError> {
        match self.send(Endpoint::Batch(batch_id), Vec::new(), None).await {
            Ok(success) => decode_data(success).map(Some),
            Err(ApiError::NotFound { .. })
            | Err(ApiError::UnexpectedStatus { status: 405, .. }) => Ok(None),
            Err(error) => Err(error),
        }
    }

    /// Sends one call, with pacing and the retries that are always safe: 429 (nothing
    /// was processed), failures before the request left this machine, and any transport
    /// failure of a read. A write whose outcome is uncertain is returned, never resent.
    async fn send(
        &self,
        endpoint: Endpoint<'_>,
        query: Vec<(&'static str, String)>,
        body: Option<Value>,
    ) -> Result<Success, ApiError> {
        let inner = &*self.inner;
        let method = endpoint.method();
        let url = inner.profile.url(&endpoint.segments());
        let body = body.map(|body| body.to_string());
        let mut attempt = 0;
        loop {
            attempt += 1;
            inner.pacer.wait_turn().await;
            let http = if method == Method::GET {
                &inner.http
            } else {
                &inner.http_writes
            };
            let mut request = http
                .request(method.clone(), url.clone())
                .bearer_auth(inner.token.expose_secret())
                .header(ACCEPT, "application/json")
                .query(&query);
            if let Some(body) = &body {
                request = request
                    .header(CONTENT_TYPE, "application/json")
                    .body(body.clone());
            }
            let failure = match request.send().await {
                Ok(response) => {
                    let result = self.read_response(response, endpoint).await;
                    match result {
                        Err(ApiError::RateLimited { retry_after, .. })
                            if attempt < inner.retry.max_attempts =>
                        {
                            let wait = retry_after.unwrap_or_else(|| inner.retry.backoff(attempt));
                            tracing::info!(
                                path = %endpoint.path(),
                                wait_ms = wait.as_millis() as u64,
                                "rate limited; waiting before retrying"
                            );
                            inner.pacer.hold_for(wait);
                            continue;
                        }
                        other => return other,
                    }
                }
                Err(error) => transport_error(&error),
            };
            let ApiError::Transport {
                kind, maybe_sent, ..
            } = &failure
            else {
                return Err(failure);
            };
            let safe_to_resend = !*maybe_sent || method == Method::GET;
            let never_answered = *kind == TransportKind::Connect
                && !inner.answered.load(Ordering::Relaxed)
                && attempt >= FIRST_CONTACT_ATTEMPTS;
            if !safe_to_resend
                || *kind == TransportKind::Tls
                || never_answered
                || attempt >= inner.retry.max_attempts
            {
                return Err(failure);
            }
            let wait = inner.retry.backoff(attempt);
            tracing::info!(path = %endpoint.path(), error = %failure, wait_ms = wait.as_millis() as u64, "retrying");
            tokio::time::sleep(wait).await;
        }
    }

    async fn read_response(
        &self,
        response: reqwest::Response,
        endpoint: Endpoint<'_>,
    ) -> Result<Success, ApiError> {
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        self.inner.answered.store(true, Ordering::Relaxed);
        self.inner.pacer.observe(&headers);
        self.inner.clock.observe(&headers);
        if response.status().is_redirection() {
            let location = headers
                .get(LOCATION)
                .and_then(|value| value.to_str().ok())
                .map_or_else(|| "no address".to_string(), excerpt_of_location);
            return Err(ApiError::Redirected { status, location });
        }
        let body =
            body::read_capped(response, MAX_BODY_BYTES)
                .await
                .map_err(|error| match error {
                    BodyError::Transport(error) => {
                        let mut failure = transport_error(&error);
                        if let ApiError::Transport { maybe_sent, .. } = &mut failure {
                            *maybe_sent = true;
                        }
                        failure
                    }
                    BodyError::TooLarge { start } => too_large(status, &start),
                })?;
        envelope::decode(ResponseParts {
            status,
            retry_after_header: retry_after_header(&headers),
            body: &body,
            needed_scope: endpoint.scope(),
        })
    }
}

/// An answer longer than [`MAX_BODY_BYTES`]: unreadable, so for a create an uncertain
/// outcome (the server may have acted before it sent it).
fn too_large(status: u16, start: &[u8]) -> ApiError {
    let limit = MAX_BODY_BYTES / (1024 * 1024);
    let mut excerpt = format!("the answer is longer than {limit} MiB; it was not read");
    if !start.is_empty() {
        excerpt.push_str(": ");
        excerpt.push_str(&envelope::excerpt(start));
    }
    ApiError::Undecodable { status, excerpt }
}

/// Classifies a reqwest failure. Only a failed connection is known not to have reached
/// the server.
fn transport_error(error: &reqwest::Error) -> ApiError {
    let tls = error_chain(error).any(|source| source.is::<rustls::Error>());
    let (kind, maybe_sent) = if tls {
        (TransportKind::Tls, false)
    } else if error.is_connect() {
        let kind = if error.is_timeout() {
            TransportKind::Timeout
        } else {
            TransportKind::Connect
        };
        (kind, false)
    } else if error.is_timeout() {
        (TransportKind::Timeout, true)
    } else {
        (TransportKind::Interrupted, true)
    };
    let message = error_chain(error)
        .skip(1)
        .map(ToString::to_string)
        .last()
        .unwrap_or_else(|| error.to_string());
    ApiError::Transport {
        kind,
        maybe_sent,
        message,
    }
}

fn error_chain(error: &reqwest::Error) -> impl Iterator<Item = &(dyn std::error::Error + 'static)> {
    std::iter::successors(Some(error as &(dyn std::error::Error + 'static)), |e| {
        e.source()
    })
}

/// The routes leads and orders share.
#[derive(Debug, Clone)]
pub struct Records<R> {
    client: Client,
    kind: PhantomData<R>,
}

impl<R: Resource> Records<R> {
    fn new(client: Client) -> Self {
        Records {
            client,
            kind: PhantomData,
        }
    }

    fn dialect(&self) -> Dialect {
        self.client.inner.profile.dialect()
    }

    /// One page, newest first.
    pub async fn list(&self, query: &ListQuery) -> Result<Page<R::Record>, ApiError> {
        let success = self
            .client
            .send(Endpoint::List(R::NAME), query.pairs(), None)
            .await?;
        decode_page(success, query)
    }

    /// One record by reference (404 when absent or in another account).
    pub async fn show(&self, reference: &str) -> Result<R::Record, ApiError> {
        let success = self
            .client
            .send(Endpoint::Show(R::NAME, reference), Vec::new(), None)
            .await?;
        decode_data(success)
    }

    /// Creates up to 100 records (v1: 1,000). Never retried once sent: an uncertain
    /// outcome comes back as an error whose [`ApiError::outcome_uncertain`] is true.
    pub async fn create(&self, items: &[R::NewItem]) -> Result<CreateOutcome, ApiError> {
        let dialect = self.dialect();
        check_count(items.len(), max_items_per_request(dialect))?;
        let wire: Vec<Value> = items.iter().map(|i| R::wire_item(i, dialect)).collect();
        let body = json!({ body_key(R::NAME, dialect): wire });
        let success = self
            .client
            .send(Endpoint::Create(R::NAME), Vec::new(), Some(body))
            .await?;
        decode_create(success, items.len() as u64)
    }

    /// Changes the status of up to 100 records.
    pub async fn update_status(&self, changes: &[StatusChange]) -> Result<UpdateOutcome, ApiError> {
        check_count(changes.len(), MAX_ITEMS_PER_BULK_CHANGE)?;
        let body = json!({ body_key(R::NAME, self.dialect()): changes });
        let success = self
            .client
            .send(Endpoint::Update(R::NAME), Vec::new(), Some(body))
            .await?;
        Ok(UpdateOutcome {
            records: serde_json::from_value(success.data).unwrap_or_default(),
            updated_fields: success
                .meta
                .get("updated_fields")
                .and_then(|fields| serde_json::from_value(fields.clone()).ok())
                .unwrap_or_default(),
        })
    }

    /// Deletes up to 100 records by reference.
    pub async fn delete(&self, references: &[String]) -> Result<DeleteOutcome, ApiError> {
        check_count(references.len(), MAX_ITEMS_PER_BULK_CHANGE)?;
        let body = json!({ "ids": references });
        let success = self
            .client
            .send(Endpoint::Delete(R::NAME), Vec::new(), Some(body))
            .await?;
        let deleted: Deleted = decode_data(success)?;
        Ok(DeleteOutcome {
            count: deleted.count,
        })
    }

    /// Status changes, newest first; `query.reference` narrows them to one record.
    pub async fn histories(&self, query: &ListQuery) -> Result<Page<History>, ApiError> {
        let success = self
            .client
            .send(Endpoint::Histories(R::NAME), query.pairs(), None)
            .await?;
        decode_page(success, query)
    }

    /// One status change by its id (404 when absent or in another account).
    pub async fn history(&self, id: &str) -> Result<History, ApiError> {
        let success = self
            .client
            .send(Endpoint::ShowHistory(R::NAME, id), Vec::new(), None)
            .await?;
        decode_data(success)
    }
}

fn check_count(count: usize, max: usize) -> Result<(), ApiError> {
    if count == 0 {
        return Err(ApiError::InvalidRequest("no items to send".into()));
    }
    if count > max {
        return Err(ApiError::InvalidRequest(format!(
            "{count} items in one request; the API takes at most {max}"
        )));
    }
    Ok(())
}

fn undecodable(what: &str, value: &Value) -> ApiError {
    ApiError::Undecodable {
        status: 200,
        excerpt: envelope::excerpt(format!("{what}: {value}").as_bytes()),
    }
}

fn decode_data<T: DeserializeOwned>(success: Success) -> Result<T, ApiError> {
    serde_json::from_value(success.data.clone())
        .map_err(|error| undecodable(&format!("unexpected data ({error})"), &success.data))
}

/// A list answer: items from `data`, pagination from v2 `meta.pagination` or the v1
/// flat meta, else inferred from the request.
fn decode_page<T: DeserializeOwned>(
    success: Success,
    query: &ListQuery,
) -> Result<Page<T>, ApiError> {
    let Value::Array(raw_items) = success.data else {
        return Err(undecodable("expected a list", &success.data));
    };
    let items = raw_items
        .into_iter()
        .map(|item| {
            serde_json::from_value(item.clone())
                .map_err(|_| undecodable("unexpected list item", &item))
        })
        .collect::<Result<Vec<T>, _>>()?;
    let announced = pagination_from(&success.meta);
    let counted = announced.is_some();
    let pagination = announced.unwrap_or_else(|| {
        let seen = (query.page.saturating_sub(1))
            .saturating_mul(query.per_page)
            .saturating_add(items.len() as u64);
        Pagination::new(query.page, query.per_page, seen)
    });
    Ok(Page {
        items,
        page: pagination.page,
        per_page: pagination.limit,
        total: pagination.total,
        pages: pagination.pages,
        counted,
    })
}

fn pagination_from(meta: &Map<String, Value>) -> Option<Pagination> {
    if let Some(v2) = meta.get("pagination") {
        let pagination: Pagination = serde_json::from_value(v2.clone()).ok()?;
        return Some(pagination);
    }
    let v1: V1Pagination = serde_json::from_value(Value::Object(meta.clone())).ok()?;
    Some(Pagination::new(v1.current_page, v1.per_page, v1.total))
}

fn decode_create(success: Success, sent: u64) -> Result<CreateOutcome, ApiError> {
    let total = success
        .meta
        .get("total")
        .and_then(Value::as_u64)
        .unwrap_or(sent);
    let data = &success.data;
    let field = |name: &str| data.get(name).filter(|_| success.enveloped);
    if field("batch_id").is_some() {
        let queued: Queued = decode_data(success)?;
        if queued.batch_id.is_empty() {
            return Err(undecodable(
                "a batch without an id",
                &json!(queued.batch_id),
            ));
        }
        return Ok(CreateOutcome::Queued {
            batch_id: queued.batch_id,
            total,
        });
    }
    if field("created_refs").is_some() {
        let created: SyncCreated = decode_data(success)?;
        return Ok(CreateOutcome::Created {
            created_refs: created.created_refs,
            failed_count: created.failed_count,
            total,
        });
    }
    // v1's 201 `{message}`: a bare object with a message.
    if !success.enveloped && success.message.is_some() {
        return Ok(CreateOutcome::Accepted {
            message: success.message,
            total,
        });
    }
    // Any other 2xx body is no documented answer: the rows may or may not exist, and
    // taking it for "created" could lose them.
    Err(undecodable("a create answer in no documented shape", data))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_the_token() {
        let profile = ApiProfile::new("https://api.wedocod.com", "", Dialect::V2).unwrap();
        let client = Client::new(profile, SecretString::from("s3cr3t-token-value")).unwrap();
        assert!(!format!("{client:?}").contains("s3cr3t"));
    }

    #[test]
    fn backoff_grows_and_is_capped() {
        let policy = RetryPolicy::default();
        let third = policy.backoff(3);
        assert!(third >= Duration::from_millis(3_200) && third <= Duration::from_millis(4_800));
        assert!(policy.backoff(30) <= Duration::from_secs(36));
    }

    #[test]
    fn v1_flat_meta_is_read() {
        let mut meta = Map::new();
        meta.insert("current_page".into(), json!(2));
        meta.insert("per_page".into(), json!(25));
        meta.insert("total".into(), json!(51));
        assert_eq!(pagination_from(&meta), Some(Pagination::new(2, 25, 51)));
    }

    #[test]
    fn create_shapes() {
        let sync = Success {
            data: json!({"created_refs": ["L-1"], "failed_count": 1}),
            meta: serde_json::from_value(json!({"mode": "sync", "total": 2})).unwrap(),
            message: None,
            enveloped: true,
        };
        assert_eq!(
            decode_create(sync, 2).unwrap(),
            CreateOutcome::Created {
                created_refs: vec!["L-1".into()],
                failed_count: 1,
                total: 2
            }
        );
        let v1 = Success {
            data: json!({"message": "Leads created successfully."}),
            meta: Map::new(),
            message: Some("Leads created successfully.".into()),
            enveloped: false,
        };
        assert!(matches!(
            decode_create(v1, 3).unwrap(),
            CreateOutcome::Accepted { total: 3, .. }
        ));
    }

    fn answer(status: u16, body: &str) -> Result<Success, ApiError> {
        envelope::decode(envelope::ResponseParts {
            status,
            retry_after_header: None,
            body: body.as_bytes(),
            needed_scope: None,
        })
    }

    #[test]
    fn only_documented_create_answers_count_as_created() {
        for unknown in [
            "{}",
            "[]",
            "null",
            "\"ok\"",
            r#"{"ok": true}"#,
            r#"{"data": {}}"#,
            r#"{"data": {"created_refs": "LD-1"}}"#,
            r#"{"data": null, "message": "done"}"#,
        ] {
            let outcome = answer(201, unknown).and_then(|success| decode_create(success, 3));
            assert!(
                outcome.as_ref().is_err_and(ApiError::outcome_uncertain),
                "{unknown}: {outcome:?}"
            );
        }
        let v1 = answer(201, r#"{"message": "Leads created successfully."}"#).unwrap();
        assert!(matches!(
            decode_create(v1, 3),
            Ok(CreateOutcome::Accepted { total: 3, .. })
        ));
    }

    proptest::proptest! {
        #[test]
        fn any_create_answer_is_documented_or_uncertain(json in crate::arbitrary::json()) {
            let Ok(success) = answer(201, &json.to_string()) else {
                return Ok(());
            };
            match decode_create(success, 5) {
                Ok(CreateOutcome::Created { .. }) => {
                    proptest::prop_assert!(json["data"]["created_refs"].is_array());
                }
                Ok(CreateOutcome::Queued { batch_id, .. }) => {
                    proptest::prop_assert!(!batch_id.is_empty());
                    proptest::prop_assert!(json["data"]["batch_id"].is_string());
                }
                Ok(CreateOutcome::Accepted { .. }) => {
                    proptest::prop_assert!(json["message"].is_string() && json.get("data").is_none());
                }
                Err(error) => proptest::prop_assert!(error.outcome_uncertain()),
            }
        }

        #[test]
        fn any_list_answer_pages_without_panic(
            json in crate::arbitrary::json(),
            page in proptest::prelude::any::<u64>(),
        ) {
            if let Ok(success) = answer(200, &json.to_string()) {
                let _ = decode_page::<Product>(success, &ListQuery::page(page, 100));
            }
        }
    }
}
