//! Issue 24's benchmark for the store's local copy, figures printed, nothing asserted:
//! (a) the first sync of 10,000 leads and 10,000 orders against a sandbox limited to N
//!     requests a minute: requests and time, beside the floor its half of the budget allows;
//! (b) the next sync after 100 status changes and 20 new leads: the requests it spends;
//! (c) search over a copy of M leads and M orders: median and 99th percentile of a mix of
//!     searches and filters, the customer lookup by phone, the file's size per 10,000
//!     records, and the memory a reader adds.
//! Usage: bench_copy [REQUESTS_PER_MINUTE] [RECORDS_PER_KIND_FOR_SEARCH]

use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use secrecy::SecretString;
use wedocod_api::wire::{ProductLine, StatusChange};
use wedocod_api::{ApiProfile, Client, ClientOptions, Dialect, ListQuery, NewLead, ResourceName};
use wedocod_core::copy::{CopyQuery, LocalCopy, SortColumn, SyncOptions, SyncReport, sync};
use wedocod_sandbox::{Sandbox, SandboxConfig};

#[tokio::main]
async fn main() {
    let mut args = std::env::args().skip(1);
    let per_minute: u32 = args.next().and_then(|a| a.parse().ok()).unwrap_or(60);
    let searched: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let folder = tempfile::tempdir().expect("a temporary folder");

    println!("== (a) first sync, 10,000 leads and 10,000 orders, {per_minute} requests/min");
    let sandbox = start(per_minute, 10_000).await;
    let client = client_of(&sandbox);
    let copy = LocalCopy::at(folder.path().join("a.sqlite"));
    let started = Instant::now();
    let first = run(&client, &copy).await;
    let took = started.elapsed();
    // The sync allows itself half the budget: the floor is its requests at that pace.
    let floor = Duration::from_secs_f64(first.requests as f64 * 120.0 / f64::from(per_minute));
    println!(
        "{} leads, {} orders: {} requests in {:.1} min (floor {:.1} min at half the budget)",
        first.leads.total,
        first.orders.total,
        first.requests,
        took.as_secs_f64() / 60.0,
        floor.as_secs_f64() / 60.0
    );

    println!("== (b) the next sync after 100 status changes and 20 new leads");
    change_and_add(&client).await;
    let started = Instant::now();
    let next = run(&client, &copy).await;
    println!(
        "{} requests in {:.1} s",
        next.requests,
        started.elapsed().as_secs_f64()
    );
    sandbox.stop().await;

    println!("== (c) search over {searched} leads and {searched} orders");
    let sandbox = start(1_000_000, searched).await;
    let client = client_of(&sandbox);
    let copy = LocalCopy::at(folder.path().join("c.sqlite"));
    let started = Instant::now();
    let filled = run(&client, &copy).await;
    println!(
        "copy filled by a sync at full speed: {} requests in {:.1} s",
        filled.requests,
        started.elapsed().as_secs_f64()
    );
    let phones: Vec<String> = client
        .leads()
        .list(&ListQuery::page(7, 100))
        .await
        .expect("a page of leads")
        .items
        .into_iter()
        .filter_map(|lead| lead.phone)
        .collect();
    sandbox.stop().await;
    let memory_before = resident_kib();
    let reader = copy.reader().expect("opens").expect("synced");
    let queries = queries(&phones);
    let mut timings = Vec::new();
    let mut slowest: Vec<(Duration, String)> = Vec::new();
    for round in 0..20 {
        for query in &queries {
            let started = Instant::now();
            reader.search(query).expect("searches");
            let took = started.elapsed();
            timings.push(took);
            if round == 0 {
                slowest.push((took, describe(query)));
            }
        }
    }
    print_spread("search (a mix of words, phones and filters)", &mut timings);
    slowest.sort();
    for (took, query) in slowest.iter().rev().take(3) {
        println!(
            "  slowest first run: {:.2} ms for {query}",
            took.as_secs_f64() * 1000.0
        );
    }
    let mut lookups = Vec::new();
    for _ in 0..10 {
        for phone in &phones {
            let started = Instant::now();
            reader.customer(phone).expect("looks up");
            lookups.push(started.elapsed());
        }
    }
    print_spread("customer by phone", &mut lookups);
    let size = std::fs::metadata(copy.file()).map_or(0, |meta| meta.len())
        + std::fs::metadata(copy.file().with_extension("sqlite-wal")).map_or(0, |meta| meta.len());
    let records = (filled.leads.total + filled.orders.total).max(1);
    println!(
        "file: {:.1} MiB, {:.2} MiB per 10,000 records",
        size as f64 / 1_048_576.0,
        size as f64 / 1_048_576.0 * 10_000.0 / records as f64
    );
    match (memory_before, resident_kib()) {
        (Some(before), Some(after)) => println!(
            "resident memory: {:.1} MiB before the reader opened, {:.1} MiB after these searches",
            before as f64 / 1024.0,
            after as f64 / 1024.0
        ),
        _ => println!("memory: not measured on this system"),
    }
}

async fn start(per_minute: u32, extra: usize) -> Sandbox {
    Sandbox::start(SandboxConfig {
        rate_limit: per_minute,
        extra_leads: extra,
        extra_orders: extra,
        ..SandboxConfig::default()
    })
    .await
    .expect("the sandbox starts")
}

fn client_of(sandbox: &Sandbox) -> Client {
    let profile = ApiProfile::new(sandbox.base_url(), "", Dialect::V2).expect("loopback");
    let token = SecretString::from(sandbox.token().to_string());
    Client::with_options(profile, token, ClientOptions::default()).expect("the client builds")
}

async fn run(client: &Client, copy: &LocalCopy) -> SyncReport {
    sync(
        client,
        copy,
        &SyncOptions::default(),
        &AtomicBool::new(false),
        &|_| {},
    )
    .await
    .expect("the sync ends")
}

/// 100 leads confirmed (one bulk update) and 20 created (two requests of 10).
async fn change_and_add(client: &Client) {
    let page = client
        .leads()
        .list(&ListQuery::page(3, 100))
        .await
        .expect("a page of leads");
    let changes: Vec<StatusChange> = page
        .items
        .iter()
        .filter_map(|lead| lead.reference.clone())
        .map(|reference| StatusChange {
            reference,
            status: "confirmed".into(),
        })
        .collect();
    client
        .leads()
        .update_status(&changes)
        .await
        .expect("updated");
    for batch in 0..2 {
        let leads: Vec<NewLead> = (0..10).map(|n| new_lead(batch * 10 + n)).collect();
        client.leads().create(&leads).await.expect("created");
    }
}

fn new_lead(n: usize) -> NewLead {
    NewLead {
        full_name: format!("Client Banc {n}"),
        phone: format!("06{:08}", 20_000_000 + n),
        city: Some("Rabat".into()),
        area: None,
        address: Some(format!("{n} Avenue Hassan II")),
        products: vec![ProductLine {
            sku: Some("ARG-100".into()),
            quantity: Some(1),
            total: Some(149.0),
            price: None,
        }],
        data: Vec::new(),
    }
}

/// What merchants type and pick: a name, a city with or without its accent, a phone in
/// another spelling, a reference, and filters with sorts.
fn queries(phones: &[String]) -> Vec<CopyQuery> {
    let leads = |text: &str| CopyQuery {
        text: text.to_string(),
        ..CopyQuery::first_page(ResourceName::Leads, 50)
    };
    let mut queries = vec![
        leads("amina"),
        leads("fes"),
        leads("el idrissi"),
        leads("LD-1005"),
        leads("العلوي"),
        leads(""),
        CopyQuery {
            statuses: vec!["new".into()],
            city: Some("Casablanca".into()),
            sort: SortColumn::Total,
            ..CopyQuery::first_page(ResourceName::Orders, 50)
        },
        CopyQuery {
            sku: Some("ARG-100".into()),
            statuses: vec!["new".into()],
            page: 20,
            ..CopyQuery::first_page(ResourceName::Orders, 50)
        },
        CopyQuery {
            text: "amrani".into(),
            sort: SortColumn::Customer,
            ..CopyQuery::first_page(ResourceName::Orders, 50)
        },
    ];
    for phone in phones.iter().take(5) {
        queries.push(leads(&format!("+212 {}", phone.trim_start_matches('0'))));
        queries.push(leads(&phone[..6]));
    }
    queries
}

/// A query in a line: its text and what it filters and sorts by.
fn describe(query: &CopyQuery) -> String {
    format!(
        "{:?} {:?} statuses {:?} city {:?} sku {:?} by {:?} page {}",
        query.resource, query.text, query.statuses, query.city, query.sku, query.sort, query.page
    )
}

fn print_spread(what: &str, timings: &mut [Duration]) {
    timings.sort();
    let at = |share: f64| {
        let index = ((timings.len() as f64 * share).ceil() as usize).clamp(1, timings.len()) - 1;
        timings[index].as_secs_f64() * 1000.0
    };
    println!(
        "{what}: median {:.2} ms, 99th percentile {:.2} ms ({} runs)",
        at(0.5),
        at(0.99),
        timings.len()
    );
}

/// The process's resident memory, in KiB (Linux).
fn resident_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
}
