//! Exporting the lead and order tables (issue 14, item 3) against the real sandbox: every
//! page a filter selects, counted against the sandbox, through a storm of 429s, cancelled,
//! written as Excel reads it (the `export` command itself: `tests/cli_export.rs`).

use wedocod_testkit as common;

use std::collections::BTreeSet;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use calamine::{Data, Reader, Xlsx, open_workbook};
use common::{client_with, sandbox, valid_leads};
use wedocod_api::rules::MAX_PAGES_FOLLOWED;
use wedocod_api::wire::StatusChange;
use wedocod_api::{Client, CreateOutcome, Dialect, ListQuery, ResourceName, RetryPolicy};
use wedocod_core::records::{ExportError, ExportProgress, Exported, TableFilter, export_table};
use wedocod_core::upload::Control;
use wedocod_sandbox::{Faults, Sandbox, SandboxConfig, Trigger};

/// A fresh store with 350 leads, 30 of them confirmed: the references of the 320 left new.
async fn store_of_350(sandbox: &Sandbox, token: &str) -> BTreeSet<String> {
    let client = client_with(sandbox, Dialect::V2, token, RetryPolicy::default());
    let mut references = Vec::new();
    for chunk in valid_leads(350).chunks(100) {
        match client.leads().create(chunk).await.expect("created") {
            CreateOutcome::Created { created_refs, .. } => references.extend(created_refs),
            other => panic!("expected a synchronous create, got {other:?}"),
        }
    }
    let confirmed: Vec<StatusChange> = references[..30]
        .iter()
        .map(|reference| StatusChange {
            reference: reference.clone(),
            status: "confirmed".into(),
        })
        .collect();
    client
        .leads()
        .update_status(&confirmed)
        .await
        .expect("updated");
    references[30..].iter().cloned().collect()
}

fn config() -> SandboxConfig {
    SandboxConfig {
        sync_threshold: 100,
        ..SandboxConfig::default()
    }
}

fn new_leads() -> TableFilter {
    TableFilter {
        kind: ResourceName::Leads,
        status: Some("new".into()),
        search: None,
    }
}

/// Exports the `new` leads to `path`, which must succeed.
async fn export_new_leads(
    client: &Client,
    path: &std::path::Path,
    on_progress: &mut (dyn FnMut(ExportProgress) + Send),
) -> Exported {
    export_table(
        client,
        &new_leads(),
        path,
        false,
        &Control::new(),
        on_progress,
    )
    .await
    .expect("exported")
}

/// The sandbox's own count of leads with `status`, asked through the API.
async fn server_count(client: &Client, status: &str) -> u64 {
    let query = ListQuery {
        status: Some(status.into()),
        ..ListQuery::page(1, 1)
    };
    client.leads().list(&query).await.expect("listed").total
}

fn references_in(path: &std::path::Path) -> Vec<String> {
    let mut workbook: Xlsx<_> = open_workbook(path).expect("the export opens");
    let range = workbook.worksheet_range("Leads").expect("a Leads sheet");
    range.rows().skip(1).map(|row| row[0].to_string()).collect()
}

#[tokio::test]
async fn a_filtered_export_reads_every_page_and_matches_the_server() {
    let sandbox = sandbox(config()).await;
    let token = sandbox.add_store();
    let expected = store_of_350(&sandbox, &token).await;
    let client = client_with(&sandbox, Dialect::V2, &token, RetryPolicy::default());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new leads.xlsx");
    let mut pages_seen = Vec::new();
    let exported = export_new_leads(&client, &path, &mut |progress| {
        pages_seen.push((progress.pages_read, progress.pages))
    })
    .await;
    assert_eq!(exported.rows, 320);
    assert_eq!(exported.server_total, server_count(&client, "new").await);
    assert_eq!(pages_seen, [(1, 4), (2, 4), (3, 4), (4, 4)]);
    let written = references_in(&path);
    assert_eq!(written.len(), 320, "one row per lead, no repeat");
    assert_eq!(written.into_iter().collect::<BTreeSet<_>>(), expected);
}

#[tokio::test]
async fn a_storm_of_429s_loses_no_page() {
    let sandbox = sandbox(config()).await;
    let token = sandbox.add_store();
    let expected = store_of_350(&sandbox, &token).await;
    sandbox.set_faults(Faults {
        storm429: Trigger::Probability(0.5),
        ..Faults::default()
    });
    // No retry in the client: every 429 reaches the export, which must wait and ask again.
    let client = client_with(&sandbox, Dialect::V2, &token, RetryPolicy::never());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.xlsx");
    let mut waits = 0;
    let exported = export_new_leads(&client, &path, &mut |progress| {
        waits += usize::from(progress.waiting.is_some())
    })
    .await;
    let refused = sandbox
        .request_log()
        .iter()
        .filter(|request| request.status == 429)
        .count();
    assert!(
        refused > 0 && waits == refused,
        "{refused} 429s, {waits} waits"
    );
    assert_eq!(exported.rows, 320);
    let written: BTreeSet<String> = references_in(&path).into_iter().collect();
    assert_eq!(written, expected);
}

/// A store whose every answer takes `delay`, and a client that never retries.
async fn slow_store(delay: Duration) -> (Sandbox, Client) {
    let sandbox = sandbox(SandboxConfig {
        faults: Faults {
            slow: Some(delay),
            ..Faults::default()
        },
        ..config()
    })
    .await;
    let client = client_with(&sandbox, Dialect::V2, sandbox.token(), RetryPolicy::never());
    (sandbox, client)
}

#[tokio::test]
async fn a_cancelled_export_writes_nothing() {
    let (_sandbox, client) = slow_store(Duration::from_millis(300)).await;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("all.csv");
    let control = Control::new();
    let cancel = control.clone();
    let filter = TableFilter {
        status: None,
        ..new_leads()
    };
    let result = export_table(&client, &filter, &path, false, &control, &mut |_| {
        cancel.cancel()
    })
    .await;
    assert!(matches!(result, Err(ExportError::Cancelled)), "{result:?}");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[tokio::test]
async fn a_cancel_does_not_wait_for_an_answer_that_hangs() {
    // Every answer takes two minutes: longer than the client's own 60 s timeout.
    let (_sandbox, client) = slow_store(Duration::from_secs(120)).await;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.csv");
    let control = Control::new();
    let cancel = control.clone();
    tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(300)).await;
        cancel.cancel();
    });
    let filter = new_leads();
    let mut ignore_progress = |_| {};
    let exporting = export_table(
        &client,
        &filter,
        &path,
        false,
        &control,
        &mut ignore_progress,
    );
    // The bound only keeps a broken build from hanging the suite: the answer would take
    // 120 s and the client's timeout 60 s, so anything that ends here was the cancel.
    let result = tokio::time::timeout(Duration::from_secs(50), exporting)
        .await
        .expect("the cancel was honoured while the page's answer hung");
    assert!(matches!(result, Err(ExportError::Cancelled)), "{result:?}");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[tokio::test]
async fn orders_export_as_excel_reads_them() {
    let sandbox = sandbox(config()).await;
    let client = client_with(
        &sandbox,
        Dialect::V2,
        sandbox.token(),
        RetryPolicy::default(),
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("orders.xlsx");
    let filter = TableFilter {
        kind: ResourceName::Orders,
        status: None,
        search: None,
    };
    let exported = export_table(&client, &filter, &path, false, &Control::new(), &mut |_| {})
        .await
        .expect("exported");
    let mut workbook: Xlsx<_> = open_workbook(&path).unwrap();
    let range = workbook.worksheet_range("Orders").unwrap();
    let mut rows = range.rows();
    let header: Vec<String> = rows.next().unwrap().iter().map(Data::to_string).collect();
    assert_eq!(
        header,
        [
            "Reference",
            "Customer",
            "Phone",
            "City",
            "Area",
            "Address",
            "Products",
            "Total",
            "Status",
            "Created",
            "Updated"
        ]
    );
    let rows: Vec<&[Data]> = rows.collect();
    assert_eq!(rows.len() as u64, exported.rows);
    assert!(exported.rows > 0);
    for row in rows {
        assert!(
            matches!(&row[2], Data::String(phone) if phone.starts_with('0') || phone.starts_with('+')),
            "phones are text with their leading zero: {:?}",
            row[2]
        );
        assert!(
            matches!(row[7], Data::Float(_)),
            "totals are numbers: {:?}",
            row[7]
        );
        assert!(
            matches!(row[9], Data::DateTime(_)),
            "times are date-times: {:?}",
            row[9]
        );
    }
}

/// A store written from the documentation alone that answers lists without any pagination
/// meta (`{"data": [...]}`): 220 leads, pages of 100 by the `page` asked.
async fn store_without_counts() -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            let mut request = vec![0u8; 8192];
            let read = socket.read(&mut request).await.unwrap_or(0);
            let head = String::from_utf8_lossy(&request[..read]).to_string();
            let page: usize = head
                .split(['?', '&', ' '])
                .find_map(|part| part.strip_prefix("page="))
                .and_then(|n| n.parse().ok())
                .unwrap_or(1);
            let leads: Vec<serde_json::Value> = ((page - 1) * 100..(page * 100).min(220))
                .map(|n| serde_json::json!({"reference": format!("LD-{n}"), "status": "new"}))
                .collect();
            let body = serde_json::json!({ "data": leads }).to_string();
            let response = format!(
                "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                body.len()
            );
            let _ = socket.write_all(response.as_bytes()).await;
        }
    });
    format!("http://{addr}")
}

#[tokio::test]
async fn a_store_that_sends_no_counts_is_read_to_its_last_page() {
    let base_url = store_without_counts().await;
    let profile = wedocod_api::ApiProfile::new(&base_url, "", Dialect::V2).expect("loopback");
    let client = Client::with_options(
        profile,
        secrecy::SecretString::from("t".to_string()),
        wedocod_api::ClientOptions {
            retry: RetryPolicy::never(),
            ..Default::default()
        },
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("all.csv");
    let filter = TableFilter {
        status: None,
        ..new_leads()
    };
    let exported = export_table(&client, &filter, &path, false, &Control::new(), &mut |_| {})
        .await
        .expect("exported");
    assert_eq!(exported.rows, 220, "three pages, the last one short");
    assert_eq!(exported.requests, 3);
}

/// A store whose every answer announces 10¹³ pages of 100 leads (and holds the 100 the page
/// asked for), counting the pages it is asked for. Past 20 pages it answers 404, so a
/// console that follows the announced count fails the test instead of hanging it.
async fn store_announcing_endless_pages() -> (String, Arc<AtomicU64>) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let asked = Arc::new(AtomicU64::new(0));
    let counter = asked.clone();
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            let mut request = vec![0u8; 8192];
            let read = socket.read(&mut request).await.unwrap_or(0);
            let head = String::from_utf8_lossy(&request[..read]).to_string();
            let page: u64 = head
                .split(['?', '&', ' '])
                .find_map(|part| part.strip_prefix("page="))
                .and_then(|n| n.parse().ok())
                .unwrap_or(1);
            if counter.fetch_add(1, Ordering::SeqCst) >= 20 {
                let body = r#"{"error": {"code": "NOT_FOUND", "message": "followed too far"}}"#;
                let response = format!(
                    "HTTP/1.1 404 Not Found\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                    body.len()
                );
                let _ = socket.write_all(response.as_bytes()).await;
                continue;
            }
            let leads: Vec<serde_json::Value> = (0..100)
                .map(
                    |n| serde_json::json!({"reference": format!("LD-{page}-{n}"), "status": "new"}),
                )
                .collect();
            let pages = 10_000_000_000_000u64;
            let body = serde_json::json!({
                "data": leads,
                "meta": {"pagination": {"page": page, "limit": 100, "total": pages * 100, "pages": pages}}
            })
            .to_string();
            let response = format!(
                "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                body.len()
            );
            let _ = socket.write_all(response.as_bytes()).await;
        }
    });
    (format!("http://{addr}"), asked)
}

#[tokio::test]
async fn an_export_does_not_follow_ten_trillion_announced_pages() {
    let (base_url, asked) = store_announcing_endless_pages().await;
    let profile = wedocod_api::ApiProfile::new(&base_url, "", Dialect::V2).expect("loopback");
    let client = Client::with_options(
        profile,
        secrecy::SecretString::from("t".to_string()),
        wedocod_api::ClientOptions {
            retry: RetryPolicy::never(),
            ..Default::default()
        },
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("all.csv");
    let error = export_table(
        &client,
        &new_leads(),
        &path,
        false,
        &Control::new(),
        &mut |_| {},
    )
    .await
    .expect_err("refused");
    assert!(
        matches!(
            error,
            ExportError::TooManyPages {
                announced: 10_000_000_000_000,
                ceiling: MAX_PAGES_FOLLOWED
            }
        ),
        "{error:?}"
    );
    assert_eq!(
        asked.load(Ordering::SeqCst),
        1,
        "stopped at the first answer"
    );
    assert!(!path.exists(), "no file written");
}
