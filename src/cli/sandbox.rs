//! `wedocod-console sandbox`: the embedded WedoCOD-compatible server, alone, for trying
//! the API with curl or testing an integration (the way stripe-mock serves Stripe users).

use std::net::SocketAddr;
use std::process::ExitCode;
use std::time::Duration;

use clap::Args;

use wedocod_api::scope::parse_scope_list;
use wedocod_api::{Dialect, Scope, V1_PREFIX};
use wedocod_sandbox::{Faults, ListOrder, Sandbox, SandboxConfig, openapi};

#[derive(Debug, Args)]
pub struct SandboxArgs {
    /// Address to listen on (port 0 picks a free one).
    #[arg(long, default_value = "127.0.0.1:8787")]
    pub addr: SocketAddr,

    /// The demo account's API token (default: a random one, printed at start).
    #[arg(long)]
    pub token: Option<String>,

    /// The token's scopes, comma-separated, either spelling (`view leads`, `VIEW LEADS`), or `all`.
    #[arg(long, default_value = "all", value_parser = parse_scopes)]
    pub scopes: ScopeList,

    /// Answer like the v2 documentation or like v1 (Laravel defaults).
    #[arg(long, default_value = "v2", value_parser = parse_dialect)]
    pub dialect: Dialect,

    /// Requests per minute per token.
    #[arg(long, default_value_t = 60, value_parser = clap::value_parser!(u32).range(1..))]
    pub rate_limit: u32,

    /// Creates with more items than this are queued as async batches (202).
    #[arg(long, default_value_t = 10)]
    pub sync_threshold: usize,

    /// Faults to inject, e.g. `storm429=0.05,drop=x1,slow=2s` (see the README).
    #[arg(long, default_value = "", value_parser = parse_faults)]
    pub faults: Faults,

    /// Seed of the demo data and of the fault dice.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,

    /// Answer 404 on `GET /batches/{id}`, like the real API, which documents none.
    #[arg(long)]
    pub no_batch_endpoint: bool,

    /// Milliseconds the batch worker spends per row.
    #[arg(long, default_value_t = 20)]
    pub batch_row_ms: u64,

    /// Seconds a queued (202) batch waits before its first row, like a busy real queue.
    #[arg(long, default_value_t = 0)]
    pub queue_delay_seconds: u64,

    /// Seconds the sandbox's clock is ahead of the real one (negative: behind): every
    /// timestamp it writes and its `Date` header follow it.
    #[arg(long, default_value_t = 0, allow_negative_numbers = true)]
    pub clock_skew_seconds: i64,

    /// The order of the lead, order, stock, invoice and sourcing lists: `newest-first` or
    /// `oldest-first` (the catalogue is always by id).
    #[arg(long, default_value = "newest-first")]
    pub list_order: ListOrder,

    /// Leads added to the demo account, created in the past (10000: a big store).
    #[arg(long, default_value_t = 0)]
    pub extra_leads: usize,

    /// Orders added the same way (10000: a big store for the local copy).
    #[arg(long, default_value_t = 0)]
    pub extra_orders: usize,

    /// Another token for the demo account (repeat the flag for more), e.g. a rotated one.
    #[arg(long = "extra-token", value_name = "TOKEN")]
    pub extra_tokens: Vec<String>,

    /// Print the OpenAPI 3.1 description of this sandbox (its dialect, its batch
    /// endpoint) and exit; a running sandbox serves it at `/openapi.json`.
    #[arg(long)]
    pub print_openapi: bool,
}

/// A whole comma-separated scope list as one argument value (clap would otherwise
/// treat a `Vec` field as a repeated argument).
#[derive(Debug, Clone)]
pub struct ScopeList(pub Vec<Scope>);

fn parse_scopes(text: &str) -> Result<ScopeList, String> {
    parse_scope_list(text)
        .map(ScopeList)
        .map_err(|error| error.to_string())
}

fn parse_dialect(text: &str) -> Result<Dialect, String> {
    text.parse()
        .map_err(|error: wedocod_api::ProfileError| error.to_string())
}

fn parse_faults(text: &str) -> Result<Faults, String> {
    text.parse()
        .map_err(|error: wedocod_sandbox::FaultSpecError| error.to_string())
}

impl SandboxArgs {
    fn config(self) -> SandboxConfig {
        SandboxConfig {
            addr: self.addr,
            token: self.token,
            scopes: self.scopes.0,
            dialect: self.dialect,
            rate_limit: self.rate_limit,
            sync_threshold: self.sync_threshold,
            faults: self.faults,
            seed: self.seed,
            batch_endpoint: !self.no_batch_endpoint,
            batch_row_delay: Duration::from_millis(self.batch_row_ms),
            queue_delay: Duration::from_secs(self.queue_delay_seconds),
            clock_skew: self.clock_skew_seconds,
            list_order: self.list_order,
            extra_leads: self.extra_leads,
            extra_orders: self.extra_orders,
            extra_tokens: self.extra_tokens,
        }
    }
}

pub fn run(args: SandboxArgs) -> ExitCode {
    if args.print_openapi {
        println!(
            "{}",
            openapi::to_json(args.dialect, !args.no_batch_endpoint)
        );
        return ExitCode::SUCCESS;
    }
    super::block_on(serve(args.config()))
}

async fn serve(config: SandboxConfig) -> ExitCode {
    let addr = config.addr;
    let mut summary = format!(
        "dialect {}, {} requests/min, sync threshold {}, faults: {}, batch endpoint {}",
        config.dialect,
        config.rate_limit,
        config.sync_threshold,
        config.faults,
        if config.batch_endpoint { "on" } else { "off" }
    );
    // The real API's harder conditions, named only when asked for.
    if !config.queue_delay.is_zero() {
        summary += &format!(", queue delay {} s", config.queue_delay.as_secs());
    }
    if config.clock_skew != 0 {
        summary += &format!(", clock skew {:+} s", config.clock_skew);
    }
    if config.list_order != ListOrder::NewestFirst {
        summary += &format!(", lists {}", config.list_order);
    }
    if config.extra_leads > 0 {
        summary += &format!(", {} extra leads", config.extra_leads);
    }
    if config.extra_orders > 0 {
        summary += &format!(", {} extra orders", config.extra_orders);
    }
    if !config.extra_tokens.is_empty() {
        summary += &format!(", {} extra tokens", config.extra_tokens.len());
    }
    let sandbox = match Sandbox::start(config).await {
        Ok(sandbox) => sandbox,
        Err(error) => {
            eprintln!("error: cannot listen on {addr}: {error}");
            return ExitCode::from(2);
        }
    };
    // On stderr as well as in the log: a terminal user sees it even with logging off.
    if let Some(warning) = wedocod_sandbox::exposure_warning(addr) {
        eprintln!("{warning}");
    }
    println!("WedoCOD sandbox running ({summary})");
    println!("  base URL : {}", sandbox.base_url());
    println!("  v1 URL   : {}{V1_PREFIX}", sandbox.base_url());
    println!("  token    : {}", sandbox.token());
    println!(
        "Try: curl -H \"Authorization: Bearer {}\" {}/leads?per_page=2",
        sandbox.token(),
        sandbox.base_url()
    );
    println!("Press Ctrl-C to stop.");
    if let Err(error) = tokio::signal::ctrl_c().await {
        eprintln!("error: cannot wait for Ctrl-C: {error}");
    }
    sandbox.stop().await;
    println!("Sandbox stopped.");
    ExitCode::SUCCESS
}
