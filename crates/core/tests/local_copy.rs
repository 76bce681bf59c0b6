//! The store's local copy (issue 24) against the real sandbox and against the fake written
//! from the docs: a first sync holds what the server holds, status by status; a second
//! sync picks up new records, status changes and deletions in a handful of requests;
//! lists in the other order, a server without histories, a sync cancelled half way, a
//! copy that is not a database; and the search, customer and duplicate answers read from
//! the file with the server gone.

use wedocod_testkit as common;

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use common::docs_server::{DocsServer, Knobs, STOCK_ROWS};
use common::{client_with, sandbox, valid_leads};
use secrecy::SecretString;
use wedocod_api::seller::{Invoice, Stock};
use wedocod_api::wire::StatusChange;
use wedocod_api::{
    ApiProfile, Client, CreateOutcome, Dialect, ListQuery, ResourceName, RetryPolicy,
};
use wedocod_core::copy::{
    CopyQuery, LocalCopy, SortColumn, SyncError, SyncOptions, SyncReport, phone_key, sync,
};
use wedocod_core::seller::StockLevels;
use wedocod_sandbox::{ListOrder, Sandbox, SandboxConfig};

/// A sandbox whose budget lets a sync run at full speed (the pacing has its own test).
fn fast(config: SandboxConfig) -> SandboxConfig {
    SandboxConfig {
        rate_limit: 1_000_000,
        ..config
    }
}

fn client_of(sandbox: &Sandbox) -> Client {
    client_with(
        sandbox,
        Dialect::V2,
        sandbox.token(),
        RetryPolicy::default(),
    )
}

/// A copy in a temporary folder (kept while the folder lives).
fn new_copy() -> (tempfile::TempDir, LocalCopy) {
    let folder = tempfile::tempdir().unwrap();
    let copy = LocalCopy::at(folder.path().join("copy.sqlite"));
    (folder, copy)
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
    .expect("sync")
}

/// What the server holds of `resource`, status by status, from its own filters.
async fn server_counts(client: &Client, resource: ResourceName) -> BTreeMap<String, u64> {
    let mut counts = BTreeMap::new();
    for status in wedocod_api::statuses::known_statuses(resource) {
        let query = ListQuery {
            status: Some(status.to_string()),
            ..ListQuery::page(1, 1)
        };
        let total = match resource {
            ResourceName::Leads => client.leads().list(&query).await.unwrap().total,
            ResourceName::Orders => client.orders().list(&query).await.unwrap().total,
        };
        if total > 0 {
            counts.insert(status.to_string(), total);
        }
    }
    counts
}

async fn create_leads(client: &Client, count: usize, first: usize) -> Vec<String> {
    let leads: Vec<_> = valid_leads(first + count).split_off(first);
    match client.leads().create(&leads).await.expect("created") {
        CreateOutcome::Created { created_refs, .. } => created_refs,
        other => panic!("expected a synchronous create, got {other:?}"),
    }
}

#[tokio::test]
async fn a_first_sync_holds_what_the_server_holds_and_the_next_ones_follow_it() {
    let sandbox = sandbox(fast(SandboxConfig::default())).await;
    let client = client_of(&sandbox);
    let (_folder, copy) = new_copy();

    let first = run(&client, &copy).await;
    for resource in [ResourceName::Leads, ResourceName::Orders] {
        let counts = if resource == ResourceName::Leads {
            &first.leads
        } else {
            &first.orders
        };
        assert_eq!(
            counts.by_status,
            server_counts(&client, resource).await,
            "{resource:?}"
        );
        assert_eq!(counts.total as usize, sandbox.record_count(resource));
    }
    assert!(first.without_histories.is_empty() && first.unreadable.is_empty());

    // Nothing changed: a handful of requests (a page of each list and of each history,
    // nothing else; the catalogue is fresh).
    let idle = run(&client, &copy).await;
    assert!(
        idle.requests <= 4,
        "an idle sync spent {} requests",
        idle.requests
    );

    // 10 new leads, 5 status changes, 3 deletions.
    let added = create_leads(&client, 10, 900).await;
    let changes: Vec<StatusChange> = added[..5]
        .iter()
        .map(|reference| StatusChange {
            reference: reference.clone(),
            status: "confirmed".into(),
        })
        .collect();
    client.leads().update_status(&changes).await.unwrap();
    let page = client.orders().list(&ListQuery::page(2, 10)).await.unwrap();
    let deleted: Vec<String> = page.items[..3]
        .iter()
        .filter_map(|order| order.reference.clone())
        .collect();
    client.orders().delete(&deleted).await.unwrap();

    let next = run(&client, &copy).await;
    assert_eq!(
        next.leads.by_status,
        server_counts(&client, ResourceName::Leads).await
    );
    assert_eq!(
        next.orders.by_status,
        server_counts(&client, ResourceName::Orders).await
    );
    assert_eq!(
        next.orders.total as usize,
        sandbox.record_count(ResourceName::Orders)
    );
    let reader = copy.reader().unwrap().expect("a copy to read");
    for reference in &deleted {
        assert!(
            reader
                .record(ResourceName::Orders, reference)
                .unwrap()
                .is_none()
        );
    }
    let history = reader.history(ResourceName::Leads, &added[0]).unwrap();
    assert_eq!(history[0].new_status.as_deref(), Some("confirmed"));
}

#[tokio::test]
async fn the_copy_answers_with_the_server_gone() {
    let sandbox = sandbox(fast(SandboxConfig::default())).await;
    let client = client_of(&sandbox);
    let (_folder, copy) = new_copy();
    run(&client, &copy).await;
    let some_lead = client
        .leads()
        .list(&ListQuery::page(3, 1))
        .await
        .unwrap()
        .items[0]
        .clone();
    sandbox.stop().await;

    let reader = copy.reader().unwrap().unwrap();
    // Every spelling of a phone finds its customer.
    let phone = some_lead.phone.clone().unwrap();
    let key = phone_key(&phone).unwrap();
    let national = format!("0{}", key.trim_start_matches("+212"));
    for spelling in [phone.clone(), national.clone(), format!("00{}", &key[1..])] {
        let found = reader
            .search(&CopyQuery {
                text: spelling.clone(),
                ..CopyQuery::first_page(ResourceName::Leads, 50)
            })
            .unwrap();
        assert!(found.total >= 1, "{spelling} found nothing");
    }
    let customer = reader.customer(&national).unwrap().unwrap();
    assert!(
        customer
            .leads
            .iter()
            .any(|lead| Some(&lead.reference) == some_lead.reference.as_ref())
    );

    // Accents folded: `fes` finds Fès, and the filters combine.
    let fes = reader
        .search(&CopyQuery {
            text: "fes".into(),
            ..CopyQuery::first_page(ResourceName::Orders, 500)
        })
        .unwrap();
    assert!(fes.total > 0);
    let by_city = reader
        .search(&CopyQuery {
            city: Some("FÈS".into()),
            statuses: vec!["delivered".into()],
            sort: SortColumn::Total,
            descending: false,
            ..CopyQuery::first_page(ResourceName::Orders, 500)
        })
        .unwrap();
    assert!(by_city.total <= fes.total);
    let totals: Vec<f64> = by_city
        .records
        .iter()
        .map(|record| match record {
            wedocod_core::records::requests::Record::Order(order) => order.total.unwrap_or(0.0),
            _ => panic!("an order table holds orders"),
        })
        .collect();
    assert!(
        totals.windows(2).all(|pair| pair[0] <= pair[1]),
        "sorted by total"
    );

    // A page change costs no request: the server is gone and page 2 still reads.
    let page_two = reader
        .search(&CopyQuery {
            page: 2,
            ..CopyQuery::first_page(ResourceName::Leads, 50)
        })
        .unwrap();
    assert_eq!(page_two.records.len(), 50);
}

#[tokio::test]
async fn a_duplicate_lead_and_a_returning_customer_are_named() {
    let sandbox = sandbox(fast(SandboxConfig::default())).await;
    let client = client_of(&sandbox);
    let (_folder, copy) = new_copy();
    // The same customer and product twice, as two landing pages would send it.
    let twice = vec![valid_leads(1)[0].clone(), valid_leads(1)[0].clone()];
    let references = match client.leads().create(&twice).await.unwrap() {
        CreateOutcome::Created { created_refs, .. } => created_refs,
        other => panic!("{other:?}"),
    };
    run(&client, &copy).await;
    let reader = copy.reader().unwrap().unwrap();
    let earlier = reader.earlier(ResourceName::Leads, &references[1]).unwrap();
    assert_eq!(earlier.duplicates, vec![references[0].clone()]);
    assert_eq!(earlier.leads, 1);
}

#[tokio::test]
async fn an_oldest_first_server_is_read_from_its_end() {
    let sandbox = sandbox(fast(SandboxConfig {
        list_order: ListOrder::OldestFirst,
        ..SandboxConfig::default()
    }))
    .await;
    let client = client_of(&sandbox);
    let (_folder, copy) = new_copy();
    run(&client, &copy).await;
    let added = create_leads(&client, 7, 700).await;
    let next = run(&client, &copy).await;
    assert_eq!(
        next.leads.total as usize,
        sandbox.record_count(ResourceName::Leads)
    );
    let reader = copy.reader().unwrap().unwrap();
    for reference in &added {
        assert!(
            reader
                .record(ResourceName::Leads, reference)
                .unwrap()
                .is_some()
        );
    }
    // The new leads were found from the end, not by reading everything again.
    assert!(next.requests <= 8, "{} requests", next.requests);
}

#[tokio::test]
async fn a_server_written_from_the_docs_is_synced_without_histories() {
    let server = DocsServer::start(
        Knobs {
            newest_first: false,
            ..Knobs::default()
        },
        250,
    )
    .await;
    let profile = ApiProfile::new(&server.base_url(), "", Dialect::V2).unwrap();
    let client = Client::new(profile, SecretString::from(server.token())).unwrap();
    let (_folder, copy) = new_copy();
    let first = run(&client, &copy).await;
    assert_eq!(first.leads.total, 250);
    assert_eq!(first.without_histories, vec!["leads"]);
    assert_eq!(first.unreadable, vec!["orders"]);

    // The seller lists it offers are kept whole; those it lacks are noted refused.
    let reader = copy.reader().unwrap().unwrap();
    let stocks = reader.listing::<Stock>().unwrap().unwrap();
    assert!(!stocks.refused);
    assert_eq!(stocks.items.len(), STOCK_ROWS);
    assert_eq!(
        stocks.items[3].quantity,
        Some(21),
        "a quantity sent as text"
    );
    let invoices = reader.listing::<Invoice>().unwrap().unwrap();
    assert!(invoices.refused && invoices.items.is_empty());
    let levels = StockLevels::of(&stocks.items);
    assert_eq!(levels.out_of_stock().count(), STOCK_ROWS.div_ceil(40));

    let added = create_leads(&client, 5, 500).await;
    let next = run(&client, &copy).await;
    assert_eq!(next.leads.total, 255);
    let reader = copy.reader().unwrap().unwrap();
    assert!(
        reader
            .record(ResourceName::Leads, &added[4])
            .unwrap()
            .is_some()
    );
}

#[tokio::test]
async fn a_cancelled_sync_resumes_where_it_stopped() {
    let sandbox = sandbox(fast(SandboxConfig {
        extra_leads: 1_000,
        ..SandboxConfig::default()
    }))
    .await;
    let client = client_of(&sandbox);
    let (_folder, copy) = new_copy();
    let cancel = Arc::new(AtomicBool::new(false));
    let pages = Arc::new(AtomicU64::new(0));
    let stop_after = {
        let (cancel, pages) = (cancel.clone(), pages.clone());
        move |_: wedocod_core::copy::SyncProgress| {
            if pages.fetch_add(1, Ordering::SeqCst) == 4 {
                cancel.store(true, Ordering::SeqCst);
            }
        }
    };
    let stopped = sync(
        &client,
        &copy,
        &SyncOptions::default(),
        &cancel,
        &stop_after,
    )
    .await;
    assert!(matches!(stopped, Err(SyncError::Cancelled)), "{stopped:?}");
    let reader = copy.reader().unwrap().unwrap();
    let held = reader.counts(ResourceName::Leads).unwrap().total;
    assert_eq!(held, 500, "five pages were saved before the cancel");
    drop(reader);

    let finished = run(&client, &copy).await;
    assert_eq!(
        finished.leads.total as usize,
        sandbox.record_count(ResourceName::Leads)
    );
    // It went on from page 6: no page of leads was read twice.
    let pages = (sandbox.record_count(ResourceName::Leads) as u64).div_ceil(100);
    let list_reads = sandbox
        .request_log()
        .iter()
        .filter(|request| request.path == "/leads")
        .count() as u64;
    assert_eq!(list_reads, pages);
}

#[tokio::test]
async fn a_copy_that_is_no_database_is_set_aside_and_rebuilt() {
    let sandbox = sandbox(fast(SandboxConfig::default())).await;
    let client = client_of(&sandbox);
    let (_folder, copy) = new_copy();
    std::fs::write(
        copy.file(),
        b"not a database, half a page of something else",
    )
    .unwrap();
    let report = run(&client, &copy).await;
    let set_aside = report.set_aside.expect("the old file set aside");
    assert!(set_aside.moved_to.exists());
    assert_eq!(
        report.leads.total as usize,
        sandbox.record_count(ResourceName::Leads)
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(copy.file()).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "the copy holds customers' phones");
    }
}

#[tokio::test]
async fn two_syncs_of_one_store_do_not_run_at_once() {
    let sandbox = sandbox(SandboxConfig::default()).await;
    let client = client_of(&sandbox);
    let (_folder, copy) = new_copy();
    let cancel = AtomicBool::new(false);
    let options = SyncOptions::default();
    // The first sync paces itself at the sandbox's 60 a minute: it is still running
    // when the second starts, and is cancelled once the second has answered.
    let first = sync(&client, &copy, &options, &cancel, &|_| {});
    let second = async {
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        let answer = sync(&client, &copy, &options, &cancel, &|_| {}).await;
        cancel.store(true, Ordering::SeqCst);
        answer
    };
    let (first, second) = tokio::join!(first, second);
    assert!(matches!(second, Err(SyncError::Busy)), "{second:?}");
    assert!(matches!(first, Err(SyncError::Cancelled)), "{first:?}");
}

#[tokio::test]
async fn the_dashboard_trends_come_from_the_copy_by_the_servers_clock() {
    // The server's clock is 30 hours ahead of the computer's: "today" is its today.
    let sandbox = sandbox(fast(SandboxConfig {
        clock_skew: 30 * 3600,
        ..SandboxConfig::default()
    }))
    .await;
    let client = client_of(&sandbox);
    let (_folder, copy) = new_copy();
    run(&client, &copy).await;
    let trends = copy.reader().unwrap().unwrap().trends().unwrap();
    let server_today = (chrono::Utc::now() + chrono::Duration::hours(30)).date_naive();
    assert_eq!(trends.today, server_today);
    assert_eq!(trends.leads.len(), 30);
    assert_eq!(trends.leads.last().unwrap().day, trends.today);
    let leads_in_30_days: u64 = trends.leads.iter().map(|day| day.leads).sum();
    assert!(
        leads_in_30_days > 100,
        "{leads_in_30_days} leads in 30 days"
    );
    assert!(trends.orders.iter().any(|day| day.returned > 0));
    // The cities that come back most, most first, with their rate.
    assert!(!trends.cities.is_empty() && trends.cities.len() <= 10);
    assert!(
        trends
            .cities
            .windows(2)
            .all(|pair| pair[0].returned >= pair[1].returned)
    );
    assert!(trends.products.iter().any(|product| product.name.is_some()));
    let week = trends.first_call_week.expect("leads were called this week");
    assert!(week > 0.0 && week < 7.0 * 24.0 * 60.0);
    assert!(trends.revenue.iter().any(|week| week.amount > 0.0));
}

#[tokio::test]
async fn a_storm_of_429s_and_500s_leaves_the_copy_whole() {
    let sandbox = sandbox(fast(SandboxConfig {
        faults: "storm429=0.1,fail500=0.1".parse().unwrap(),
        extra_leads: 400,
        ..SandboxConfig::default()
    }))
    .await;
    let client = client_of(&sandbox);
    let (_folder, copy) = new_copy();
    // The client waits out 429s and retries 500s on reads; a sync stopped by a failure
    // it could not wait out is finished by the next one, never left half-written.
    let mut report = None;
    for _ in 0..10 {
        match sync(
            &client,
            &copy,
            &SyncOptions::default(),
            &AtomicBool::new(false),
            &|_| {},
        )
        .await
        {
            Ok(done) => {
                report = Some(done);
                break;
            }
            Err(SyncError::Api(_)) => continue,
            Err(other) => panic!("{other:?}"),
        }
    }
    let report = report.expect("a sync got through the faults");
    sandbox.set_faults(wedocod_sandbox::Faults::default());
    let clean = server_counts(&client, ResourceName::Leads).await;
    assert_eq!(report.leads.by_status, clean);
    assert_eq!(
        report.orders.by_status,
        server_counts(&client, ResourceName::Orders).await
    );
}
