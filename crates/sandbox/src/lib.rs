//! A WedoCOD-compatible HTTP server (api-contract.md), not a mock: real routes over TCP,
//! an in-memory store seeded with demo data, async batch workers, rate limiting, both
//! dialects and both route prefixes, and switchable fault injection. The console runs
//! on it with no account, the tests run the real client against it, and integrators
//! can start it alone with `wedocod-console sandbox`.

/// The wire types and rules the client uses too: one definition, so the sandbox cannot
/// drift from what the console sends and reads.
use wedocod_api as api;

mod accept_backoff;
mod background;
mod exposure;
mod faults;
mod gate;
pub mod openapi;
mod rate_limit;
mod request_check;
mod respond;
mod routes;
mod seed;
mod seed_seller;
mod server;
mod store;
mod worker;

use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use rand::SeedableRng;
use rand::rngs::StdRng;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::api::endpoints::Listing;
use crate::api::{Dialect, Leads, Orders, ResourceName, Scope};

pub use background::BackgroundSandbox;
pub use exposure::warning as exposure_warning;
pub use faults::{FaultSpecError, Faults, Trigger};
pub use rate_limit::Admission;
use rate_limit::RateLimiter;
use store::{AccountId, Store};

/// How to run the sandbox.
#[derive(Debug, Clone)]
pub struct SandboxConfig {
    /// Where to listen; port 0 picks a free port.
    pub addr: SocketAddr,
    /// The demo account's token; `None` draws a random one.
    pub token: Option<String>,
    /// The scopes of that token.
    pub scopes: Vec<Scope>,
    pub dialect: Dialect,
    /// Requests per minute per token.
    pub rate_limit: u32,
    /// Creates with more items than this are queued as async batches (v2 only).
    pub sync_threshold: usize,
    pub faults: Faults,
    /// Seeds the demo data (and the fault dice): same seed, same data.
    pub seed: u64,
    /// Whether `GET /batches/{id}` exists (the real API documents none).
    pub batch_endpoint: bool,
    /// How long the batch worker takes per row.
    pub batch_row_delay: Duration,
    /// How long a queued (202) batch waits before its first row: the real API's queues
    /// take 30 s and more, and a client must not call queued rows refused for being slow.
    pub queue_delay: Duration,
    /// Seconds added to the real clock to make the sandbox's own (negative: behind).
    /// Every `created_at`, `updated_at`, history `changed_at` and the `Date` header
    /// follow it, because a merchant's computer is often minutes or hours off the
    /// server's, and a client comparing the two must be caught doing so.
    pub clock_skew: i64,
    /// The order of `GET /leads` and `GET /orders`, and of the stock, invoice and
    /// sourcing lists: the docs do not state one. (The catalogue is by id.)
    pub list_order: ListOrder,
    /// Leads added to the demo account, created in the past, before it opens: a store
    /// of thousands of records for lookups that must not depend on the store's size.
    pub extra_leads: usize,
    /// Orders added the same way (the local copy's benchmark: a store of 10,000+).
    pub extra_orders: usize,
    /// More tokens that open the demo account (a rotated token, a second device), with
    /// the same scopes; any can be revoked while the sandbox runs (`revoke_token`).
    pub extra_tokens: Vec<String>,
}

/// The order lists are served in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ListOrder {
    /// The newest record first (what the sandbox always did).
    #[default]
    NewestFirst,
    /// The oldest record first, as a server sorting by id would.
    OldestFirst,
}

impl std::str::FromStr for ListOrder {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text.trim().to_ascii_lowercase().as_str() {
            "newest-first" | "newest" => Ok(ListOrder::NewestFirst),
            "oldest-first" | "oldest" => Ok(ListOrder::OldestFirst),
            _ => Err(format!("{text:?} is not newest-first or oldest-first")),
        }
    }
}

impl std::fmt::Display for ListOrder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ListOrder::NewestFirst => "newest-first",
            ListOrder::OldestFirst => "oldest-first",
        })
    }
}

impl Default for SandboxConfig {
    fn default() -> Self {
        SandboxConfig {
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            token: None,
            scopes: Scope::all(),
            dialect: Dialect::V2,
            rate_limit: 60,
            sync_threshold: 10,
            faults: Faults::default(),
            seed: 1,
            batch_endpoint: true,
            batch_row_delay: Duration::from_millis(20),
            queue_delay: Duration::ZERO,
            clock_skew: 0,
            list_order: ListOrder::NewestFirst,
            extra_leads: 0,
            extra_orders: 0,
            extra_tokens: Vec::new(),
        }
    }
}

/// One request as the sandbox saw it (for tests and the console's demo mode).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoggedRequest {
    pub at: tokio::time::Instant,
    pub method: String,
    pub path: String,
    pub status: u16,
}

/// Fault switches and the dice they are rolled with.
#[derive(Debug)]
pub(crate) struct FaultState {
    pub faults: Faults,
    pub rng: StdRng,
    /// 429s still owed to each token by a running storm.
    pub storms: std::collections::HashMap<String, u32>,
}

/// Everything the handlers share.
#[derive(Debug)]
pub(crate) struct SandboxState {
    pub dialect: Dialect,
    pub sync_threshold: usize,
    pub batch_row_delay: Duration,
    pub queue_delay: Duration,
    pub clock_skew: chrono::TimeDelta,
    pub list_order: ListOrder,
    pub store: Mutex<Store>,
    pub limiter: Mutex<RateLimiter>,
    pub faults: Mutex<FaultState>,
    pub log: Mutex<Vec<LoggedRequest>>,
}

/// Locks a mutex; a panicked holder cannot leave these structures half-written in a
/// way that matters for a sandbox, so poisoning is ignored.
pub(crate) fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|poison| poison.into_inner())
}

impl SandboxState {
    /// The sandbox's clock: the real one plus the configured skew (a skew past the
    /// calendar's range is ignored rather than panicking a handler).
    pub fn now(&self) -> chrono::DateTime<chrono::Utc> {
        let real = chrono::Utc::now();
        real.checked_add_signed(self.clock_skew).unwrap_or(real)
    }

    /// Rolls one fault: `pick` chooses which switch.
    pub fn roll(&self, pick: impl FnOnce(&mut Faults) -> &mut Trigger) -> bool {
        let mut state = lock(&self.faults);
        let FaultState { faults, rng, .. } = &mut *state;
        pick(faults).fire(rng)
    }
}

const LOG_LIMIT: usize = 100_000;
const DEMO_ACCOUNT: AccountId = 0;

fn count_records(store: &Store, account: AccountId, resource: ResourceName) -> usize {
    let account = &store.accounts[account];
    match resource {
        ResourceName::Leads => <Leads as store::StoredResource>::records(account).len(),
        ResourceName::Orders => <Orders as store::StoredResource>::records(account).len(),
    }
}

/// A running sandbox. Dropping it stops the server.
#[derive(Debug)]
pub struct Sandbox {
    base_url: String,
    token: String,
    other_token: String,
    state: Arc<SandboxState>,
    shutdown: watch::Sender<bool>,
    task: Option<JoinHandle<()>>,
}

fn random_token(prefix: &str) -> String {
    use rand::Rng;
    let bytes: [u8; 20] = rand::rng().random();
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!("{prefix}{hex}")
}

impl Sandbox {
    /// Seeds the store, binds the address and starts serving.
    pub async fn start(config: SandboxConfig) -> std::io::Result<Sandbox> {
        let clock_skew = chrono::TimeDelta::try_seconds(config.clock_skew).unwrap_or_default();
        // The demo data is dated back from the sandbox's own clock, as every time it
        // serves: its newest records are minutes old when it opens, whatever the skew.
        let real = chrono::Utc::now();
        let now = real.checked_add_signed(clock_skew).unwrap_or(real);
        let mut store = Store::new(config.seed);
        let demo = store.add_account();
        seed::seed_account(&mut store, demo, seed::DEMO, config.seed, "", now);
        seed_seller::seed_seller(&mut store, demo, seed_seller::DEMO, config.seed, now);
        seed::seed_extra_leads(&mut store, demo, config.extra_leads, config.seed, now);
        seed::seed_extra_orders(&mut store, demo, config.extra_orders, config.seed, now);
        let other = store.add_account();
        seed::seed_account(&mut store, other, seed::OTHER, config.seed, "OTH-", now);
        seed_seller::seed_seller(&mut store, other, seed_seller::OTHER, config.seed, now);
        // The demo data is the seed's; what clients create from here is not.
        store.draw_ids_from_os();
        let token = config.token.clone().unwrap_or_else(|| random_token("sbx_"));
        let other_token = random_token("sbx_other_");
        store.grant(&token, demo, &config.scopes);
        for extra in &config.extra_tokens {
            store.grant(extra, demo, &config.scopes);
        }
        store.grant(&other_token, other, &Scope::all());

        let state = Arc::new(SandboxState {
            dialect: config.dialect,
            sync_threshold: config.sync_threshold,
            batch_row_delay: config.batch_row_delay,
            queue_delay: config.queue_delay,
            clock_skew,
            list_order: config.list_order,
            store: Mutex::new(store),
            limiter: Mutex::new(RateLimiter::new(config.rate_limit)),
            faults: Mutex::new(FaultState {
                faults: config.faults.clone(),
                rng: StdRng::seed_from_u64(config.seed),
                storms: Default::default(),
            }),
            log: Mutex::new(Vec::new()),
        });
        let listener = TcpListener::bind(config.addr).await?;
        let addr = listener.local_addr()?;
        if let Some(warning) = exposure::warning(addr) {
            tracing::warn!("{warning}");
        }
        let app = routes::router(state.clone(), config.batch_endpoint);
        let (shutdown, shutdown_rx) = watch::channel(false);
        let task = tokio::spawn(server::serve(
            listener,
            app,
            shutdown_rx,
            server::ServeLimits::default(),
        ));
        Ok(Sandbox {
            base_url: format!("http://{addr}"),
            token,
            other_token,
            state,
            shutdown,
            task: Some(task),
        })
    }

    /// `http://127.0.0.1:PORT`.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The demo account's token.
    pub fn token(&self) -> &str {
        &self.token
    }

    /// A token of a second account, whose records the demo token must not see.
    pub fn other_account_token(&self) -> &str {
        &self.other_token
    }

    /// A new token for the demo account with only `scopes`.
    pub fn grant_token(&self, scopes: &[Scope]) -> String {
        let token = random_token("sbx_");
        lock(&self.state.store).grant(&token, DEMO_ACCOUNT, scopes);
        token
    }

    /// Revokes a token: it answers 401 from now on.
    pub fn revoke_token(&self, token: &str) {
        lock(&self.state.store).tokens.remove(token);
    }

    pub fn faults(&self) -> Faults {
        lock(&self.state.faults).faults.clone()
    }

    /// Switches faults while running.
    pub fn set_faults(&self, faults: Faults) {
        lock(&self.state.faults).faults = faults;
    }

    /// Every request served so far, oldest first.
    pub fn request_log(&self) -> Vec<LoggedRequest> {
        lock(&self.state.log).clone()
    }

    /// How many records of `resource` the demo account holds.
    pub fn record_count(&self, resource: ResourceName) -> usize {
        count_records(&lock(&self.state.store), DEMO_ACCOUNT, resource)
    }

    /// How many records of `resource` the account that `token` opens holds (`None`
    /// when no account has that token).
    pub fn record_count_of(&self, token: &str, resource: ResourceName) -> Option<usize> {
        let store = lock(&self.state.store);
        let account = store.tokens.get(token)?.account;
        Some(count_records(&store, account, resource))
    }

    /// How many items of a seller list (products, stock rows, invoices, sourcing
    /// requests) the demo account holds.
    pub fn listed_count(&self, listing: Listing) -> usize {
        store::listed_count(&lock(&self.state.store).accounts[DEMO_ACCOUNT], listing)
    }

    /// Every lead of the account `token` opens, oldest first (`None` when no account has
    /// that token): for checks a count cannot make, such as one record per row.
    pub fn leads_of(&self, token: &str) -> Option<Vec<api::wire::Lead>> {
        let store = lock(&self.state.store);
        let account = store.tokens.get(token)?.account;
        Some(store.accounts[account].leads.clone())
    }

    /// How many queued batches have not finished: rows a client was told are queued (or
    /// whose 202 it never got) that may still appear.
    pub fn unfinished_batches(&self) -> usize {
        lock(&self.state.store)
            .batches
            .values()
            .filter(|batch| matches!(batch.status.status.as_str(), "queued" | "processing"))
            .count()
    }

    /// Opens another merchant account on this server, selling the demo account's
    /// products, and returns its token: an agency's second store on the same address.
    pub fn add_store(&self) -> String {
        let mut store = lock(&self.state.store);
        let products = store.accounts[DEMO_ACCOUNT].products.clone();
        let account = store.add_account();
        store.add_listed(account, products);
        let token = random_token("sbx_store_");
        store.grant(&token, account, &Scope::all());
        token
    }

    /// Stops accepting connections and waits for the server task.
    pub async fn stop(mut self) {
        let _ = self.shutdown.send(true);
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        let _ = self.shutdown.send(true);
    }
}
