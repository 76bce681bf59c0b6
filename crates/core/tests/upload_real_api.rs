//! The upload engine against a server written from the docs alone
//! (crates/testkit/src/docs_server.rs), not the console's sandbox: no batch endpoint,
//! queues slower than the settle window,
//! dropped answers, big stores, lists in either order, a server clock that is not the
//! local one. Each test reproduces a path of issue 22 and asserts what any correct engine
//! must give: on the server, exactly one record per intended row; in the report, no row
//! created that the server does not hold (or holds with another row's content), no
//! reference given to two rows, no row refused that the server holds.

use wedocod_testkit as common;

use std::collections::HashMap;
use std::time::Duration;

use chrono::TimeDelta;
use common::docs_server::{DocsServer, Knobs};
use secrecy::SecretString;
use serde_json::Value;
use wedocod_api::{ApiProfile, Client, ClientOptions, Dialect, Leads, ResourceName, RetryPolicy};
use wedocod_core::stores::StoreHome;
use wedocod_core::upload::report::RowOutcome;
use wedocod_core::upload::{Control, Engine, UploadError, UploadReport, UploadSettings};
use wedocod_import::Sheet;
use wedocod_import::ValidateSettings;

/// One intended row of the file.
#[derive(Debug, Clone)]
struct Row {
    name: String,
    phone: String,
    address: String,
    sku: String,
    quantity: u32,
    /// Line total, in dirhams.
    total: u32,
}

impl Row {
    fn customer(n: usize) -> Row {
        Row {
            name: format!("Client Numéro {n}"),
            phone: format!("06{:08}", 60_000_000 + n),
            address: format!("{n} Boulevard Zerktouni"),
            sku: "ARG-100".into(),
            quantity: 2,
            total: 298,
        }
    }

    /// True when `record` is this row's record (the fields that tell rows of one
    /// customer apart included).
    fn is(&self, record: &Value) -> bool {
        let digits = |text: &str| -> String {
            let digits: String = text.chars().filter(char::is_ascii_digit).collect();
            digits[digits.len().saturating_sub(9)..].to_string()
        };
        record["full_name"].as_str() == Some(self.name.as_str())
            && record["phone"]
                .as_str()
                .is_some_and(|phone| digits(phone) == digits(&self.phone))
            && record["address"].as_str() == Some(self.address.as_str())
            && record["products"][0]["sku"].as_str() == Some(self.sku.as_str())
            && record["products"][0]["quantity"].as_u64() == Some(u64::from(self.quantity))
    }
}

fn rows(count: usize, first: usize) -> Vec<Row> {
    (first..first + count).map(Row::customer).collect()
}

fn csv(rows: &[Row]) -> String {
    let mut csv = String::from("Nom complet;Téléphone;Ville;Adresse;SKU;Quantité;Prix\n");
    for row in rows {
        csv.push_str(&format!(
            "{};{};Casablanca;{};{};{};{},00\n",
            row.name, row.phone, row.address, row.sku, row.quantity, row.total
        ));
    }
    csv
}

fn document(rows: &[Row]) -> Sheet {
    let settings = ValidateSettings::new(ResourceName::Leads);
    Sheet::load(csv(rows).into_bytes(), &settings).expect("the test file reads")
}

fn client(server: &DocsServer) -> Client {
    let profile = ApiProfile::new(&server.base_url(), "", Dialect::V2).expect("loopback");
    let options = ClientOptions {
        timeout: Duration::from_secs(10),
        connect_timeout: Duration::from_secs(2),
        retry: RetryPolicy::default(),
    };
    Client::with_options(
        profile,
        SecretString::from(server.token().to_string()),
        options,
    )
    .expect("client builds")
}

/// The settings of upload_engine.rs: a 1.5 s settle window, looks every 100 ms, and
/// an 8 s queue window (longer than the fake's slowest queue here, 5 s).
fn settings(journal: &tempfile::TempDir, per_request: usize) -> UploadSettings {
    UploadSettings {
        per_request,
        settle_window: Duration::from_millis(1_500),
        queue_window: Duration::from_secs(8),
        poll_every: Duration::from_millis(100),
        offline_patience: Duration::from_secs(5),
        ..UploadSettings::new(StoreHome::detached(journal.path().to_path_buf()))
    }
}

/// What an upload gave: its report, and how its run ended (`None`: still running at the
/// time limit).
struct Outcome {
    report: UploadReport,
    ended: Option<Result<(), UploadError>>,
}

/// Uploads `rows` with a journal of its own, for at most `limit_seconds`.
async fn upload_once(
    server: &DocsServer,
    rows: &[Row],
    per_request: usize,
    limit_seconds: u64,
) -> Outcome {
    let journal = tempfile::tempdir().unwrap();
    upload(
        server,
        rows,
        per_request,
        &journal,
        Duration::from_secs(limit_seconds),
        &|_| {},
    )
    .await
}

/// Uploads `rows` in requests of `per_request`, with `on_request(n)` called once after
/// the n-th request's answer, for at most `limit`.
async fn upload(
    server: &DocsServer,
    rows: &[Row],
    per_request: usize,
    journal: &tempfile::TempDir,
    limit: Duration,
    on_request: &(dyn Fn(u64) + Sync),
) -> Outcome {
    let document = document(rows);
    let mapping = document.mapping.clone();
    let mut engine = Engine::<Leads>::start(
        client(server),
        "leads.csv",
        document.leads(),
        mapping,
        settings(journal, per_request),
    )
    .expect("the upload starts");
    let mut seen = 0;
    let ended = tokio::time::timeout(
        limit,
        engine.run(&Control::new(), &mut |progress| {
            if progress.requests > seen {
                seen = progress.requests;
                on_request(seen);
            }
        }),
    )
    .await
    .ok();
    Outcome {
        report: UploadReport::of(engine.state()),
        ended,
    }
}

/// Everything wrong between the server's store, the intended `rows` and the report.
fn violations(server: &DocsServer, rows: &[Row], outcome: &Outcome) -> Vec<String> {
    let records = server.records();
    let mut wrong = Vec::new();
    match &outcome.ended {
        None => wrong.push("the upload was still running at the time limit".to_string()),
        Some(Err(error)) => wrong.push(format!("the upload stopped: {error}")),
        Some(Ok(())) => {}
    }
    let report = &outcome.report;
    assert_eq!(report.rows, rows.len(), "one result per row");
    let mut owners: HashMap<&str, Vec<u64>> = HashMap::new();
    for (row, result) in rows.iter().zip(&report.results) {
        let line = result.line;
        let held = records.iter().filter(|r| row.is(r)).count();
        if held != 1 {
            wrong.push(format!(
                "line {line}: the server holds {held} records of it ({:?} in the report)",
                result.status
            ));
        }
        match result.status {
            RowOutcome::Created => {
                if let Some(reference) = &result.reference {
                    owners.entry(reference).or_default().push(line);
                    match server.by_reference(reference) {
                        None => wrong.push(format!(
                            "line {line}: reported created as {reference}, which the server does not hold"
                        )),
                        Some(record) if !row.is(&record) => wrong.push(format!(
                            "line {line}: reported created as {reference}, another row's record"
                        )),
                        Some(_) => {}
                    }
                } else if held == 0 {
                    wrong.push(format!("line {line}: reported created, absent"));
                }
            }
            RowOutcome::Refused if held > 0 => wrong.push(format!(
                "line {line}: reported refused, the server holds it ({:?})",
                result.errors.first().map(|e| e.message())
            )),
            _ => {}
        }
    }
    for (reference, lines) in owners {
        if lines.len() > 1 {
            wrong.push(format!("lines {lines:?} share the reference {reference}"));
        }
    }
    wrong
}

fn assert_sound(what: &str, wrong: &[String]) {
    assert!(
        wrong.is_empty(),
        "{what}: {} problem(s):\n  {}",
        wrong.len(),
        wrong.join("\n  ")
    );
}

/// Path 1: two rows of one customer (same name, phone, first SKU; another quantity and
/// address) in two requests. The first is queued (202) and stored 0.3 s later; the second
/// fails with a 500 before anything is stored, and that 500 takes 0.8 s (a gateway timing
/// out), so the first row's record is in the store when the second row is looked up.
#[tokio::test]
async fn path1_a_customer_twice_in_the_file_keeps_both_rows() {
    let server = DocsServer::start(
        Knobs {
            queue_delay: Duration::from_millis(300),
            fail_delay: Duration::from_millis(800),
            ..Knobs::default()
        },
        50,
    )
    .await;
    let mut rows = rows(24, 0);
    let first = Row {
        name: "Amina Alaoui".into(),
        phone: "0611223344".into(),
        address: "12 Rue Ibn Batouta".into(),
        sku: "ARG-100".into(),
        quantity: 1,
        total: 149,
    };
    let second = Row {
        address: "7 Avenue Hassan II".into(),
        quantity: 3,
        total: 447,
        ..first.clone()
    };
    rows[0] = first;
    rows[12] = second;
    let journal = tempfile::tempdir().unwrap();
    let outcome = upload(
        &server,
        &rows,
        12,
        &journal,
        Duration::from_secs(20),
        &|request| {
            if request == 1 {
                server.tune(|knobs| knobs.fail_before_store = 1);
            }
        },
    )
    .await;
    server.drain(Duration::from_secs(5)).await;
    assert_sound("path 1", &violations(&server, &rows, &outcome));
}

/// Path 3: no batch endpoint and a queue (5 s) slower than the settle window (1.5 s).
/// Queued rows are not refused for being slow; the same file sent again afterwards is
/// refused as sent before (or sends nothing).
#[tokio::test]
async fn path3_a_slow_queue_without_batch_endpoint_is_not_refused_nor_sent_twice() {
    let server = DocsServer::start(
        Knobs {
            queue_delay: Duration::from_secs(5),
            ..Knobs::default()
        },
        50,
    )
    .await;
    let rows = rows(20, 100);
    let journal = tempfile::tempdir().unwrap();
    let outcome = upload(
        &server,
        &rows,
        20,
        &journal,
        Duration::from_secs(12),
        &|_| {},
    )
    .await;
    server.drain(Duration::from_secs(8)).await;
    let mut wrong = violations(&server, &rows, &outcome);
    if outcome.report.refused > 0 {
        wrong.push(format!(
            "{} queued rows reported refused",
            outcome.report.refused
        ));
    }

    // The same file again, as a new upload in the same store.
    let posts = server.posts();
    let document = document(&rows);
    let again = Engine::<Leads>::start(
        client(&server),
        "leads.csv",
        document.leads(),
        document.mapping.clone(),
        settings(&journal, 20),
    );
    match again {
        Err(UploadError::AlreadyCreated { .. }) => {}
        Err(other) => wrong.push(format!("sending it again fails otherwise: {other}")),
        Ok(mut engine) => {
            let _ = tokio::time::timeout(
                Duration::from_secs(8),
                engine.run(&Control::new(), &mut |_| {}),
            )
            .await;
            server.drain(Duration::from_secs(6)).await;
            let sent = server.posts() - posts;
            if sent > 0 {
                wrong.push(format!(
                    "the same file was accepted again and sent in {sent} request(s); the server now holds {} records for {} rows",
                    server
                        .records()
                        .iter()
                        .filter(|r| rows.iter().any(|row| row.is(r)))
                        .count(),
                    rows.len()
                ));
            }
        }
    }
    assert_sound("path 3", &wrong);
}

/// Path 3, its other half: a 202 lost (stored, then the connection dropped) on a queue
/// slower than the settle window is not resent.
#[tokio::test]
async fn path3_a_lost_202_on_a_slow_queue_is_not_sent_again() {
    let server = DocsServer::start(
        Knobs {
            queue_delay: Duration::from_secs(4),
            drop_after_store: 1,
            ..Knobs::default()
        },
        50,
    )
    .await;
    let rows = rows(20, 200);
    let outcome = upload_once(&server, &rows, 20, 12).await;
    server.drain(Duration::from_secs(8)).await;
    assert_sound("path 3 (lost 202)", &violations(&server, &rows, &outcome));
}

/// Path 5: a store of 10,000 records, a create stored and its answer lost, then 5,100
/// leads of other customers arrive before the lookup: the rows are found however deep
/// they are (newest-first lists).
#[tokio::test]
async fn path5_rows_deep_in_a_big_store_are_found_not_resent() {
    let server = DocsServer::start(
        Knobs {
            drop_after_store: 1,
            flood_after_drop: 5_100,
            ..Knobs::default()
        },
        10_000,
    )
    .await;
    let rows = rows(5, 300);
    let outcome = upload_once(&server, &rows, 5, 25).await;
    assert_sound("path 5", &violations(&server, &rows, &outcome));
}

/// Path 5b: the list is oldest-first (the docs do not say newest-first), in a store of
/// 10,000 older records, and a create's answer is lost.
#[tokio::test]
async fn path5b_an_oldest_first_list_does_not_hide_the_rows() {
    let server = DocsServer::start(
        Knobs {
            newest_first: false,
            drop_after_store: 1,
            ..Knobs::default()
        },
        10_000,
    )
    .await;
    let rows = rows(5, 400);
    let outcome = upload_once(&server, &rows, 5, 25).await;
    assert_sound("path 5b", &violations(&server, &rows, &outcome));
}

/// Path 6: the server's clock is a little over two minutes behind the computer's (a
/// clock set by hand), then three hours ahead; a create's answer is lost each time.
#[tokio::test]
async fn path6_a_server_clock_off_does_not_resend() {
    let mut wrong = Vec::new();
    for (offset, first) in [
        (TimeDelta::seconds(-125), 500),
        (TimeDelta::hours(3), 600),
        (TimeDelta::hours(-3), 700),
    ] {
        let server = DocsServer::start(
            Knobs {
                clock_offset: offset,
                drop_after_store: 1,
                ..Knobs::default()
            },
            200,
        )
        .await;
        let rows = rows(5, first);
        let journal = tempfile::tempdir().unwrap();
        let outcome = upload(&server, &rows, 5, &journal, Duration::from_secs(8), &|_| {}).await;
        wrong.extend(
            violations(&server, &rows, &outcome)
                .into_iter()
                .map(|problem| format!("clock {offset}: {problem}")),
        );
    }
    assert_sound("path 6", &wrong);
}

/// Path 7 (with the one batch endpoint the docs do not have): a batch that reports
/// `Completed` (another case than the sandbox's) is understood, or at least ends in a
/// bounded time, its rows once on the server.
#[tokio::test]
async fn path7_a_batch_reporting_completed_in_another_case_ends() {
    let server = DocsServer::start(
        Knobs {
            batch_status: Some("Completed".into()),
            queue_delay: Duration::from_millis(300),
            ..Knobs::default()
        },
        50,
    )
    .await;
    let rows = rows(20, 800);
    let outcome = upload_once(&server, &rows, 20, 15).await;
    assert_sound("path 7 (Completed)", &violations(&server, &rows, &outcome));
}

/// Path 7, a batch whose status never becomes final (`processing` for ever, its rows
/// stored after 0.3 s): after the queue window its rows are looked up, and found.
#[tokio::test]
async fn path7_a_batch_that_never_finishes_ends_in_bounded_time() {
    let server = DocsServer::start(
        Knobs {
            batch_status: Some("processing".into()),
            queue_delay: Duration::from_millis(300),
            ..Knobs::default()
        },
        50,
    )
    .await;
    let rows = rows(20, 900);
    let outcome = upload_once(&server, &rows, 20, 25).await;
    assert_sound(
        "path 7 (never final)",
        &violations(&server, &rows, &outcome),
    );
}

/// The fake itself: the documented shapes, so the tests above fail for the engine's
/// reasons and not the fake's.
#[tokio::test]
async fn the_docs_server_answers_as_documented() {
    let server = DocsServer::start(
        Knobs {
            queue_delay: Duration::from_millis(100),
            clock_offset: TimeDelta::hours(-3),
            ..Knobs::default()
        },
        30,
    )
    .await;
    let http = common::raw_http();
    let url = |path: &str| format!("{}{path}", server.base_url());
    let item = |n: usize| {
        serde_json::json!({"full_name": format!("Test {n}"), "phone": format!("06{n:08}"),
            "city": "Rabat", "address": "1 Rue X",
            "products": [{"sku": "ARG-100", "quantity": 1, "total": 149}]})
    };
    let unauthorized = http.get(url("/leads")).send().await.unwrap();
    assert_eq!(unauthorized.status(), 401);
    assert!(unauthorized.headers().contains_key("x-ratelimit-remaining"));

    let sync = http
        .post(url("/leads"))
        .bearer_auth(server.token())
        .json(&serde_json::json!({"data": (0..3).map(item).collect::<Vec<_>>()}))
        .send()
        .await
        .unwrap();
    assert_eq!(sync.status(), 201);
    let date = sync.headers()["date"].to_str().unwrap().to_string();
    let body: Value = sync.json().await.unwrap();
    assert_eq!(body["data"]["created_refs"].as_array().unwrap().len(), 3);
    assert_eq!(body["meta"]["mode"], "sync");
    let server_date = chrono::DateTime::parse_from_rfc2822(&date.replace("GMT", "+0000")).unwrap();
    let skew = server_date.signed_duration_since(chrono::Utc::now());
    assert!(
        (skew + TimeDelta::hours(3)).num_seconds().abs() < 5,
        "{date}"
    );

    let queued = http
        .post(url("/leads"))
        .bearer_auth(server.token())
        .json(&serde_json::json!({"data": (10..22).map(item).collect::<Vec<_>>()}))
        .send()
        .await
        .unwrap();
    assert_eq!(queued.status(), 202);
    let body: Value = queued.json().await.unwrap();
    let batch = body["data"]["batch_id"].as_str().unwrap().to_string();
    assert!(batch.starts_with("batch_"));
    assert_eq!(server.record_count(), 33, "queued, not stored yet");
    server.drain(Duration::from_secs(2)).await;
    assert_eq!(server.record_count(), 45);
    let missing = http
        .get(url(&format!("/batches/{batch}")))
        .bearer_auth(server.token())
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), 404);
    let body: Value = missing.json().await.unwrap();
    assert_eq!(body["error"]["code"], "NOT_FOUND");

    let page: Value = http
        .get(url("/leads?page=1&per_page=10&search=0600000011"))
        .bearer_auth(server.token())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(page["data"][0]["full_name"], "Test 11");
    assert_eq!(page["meta"]["pagination"]["total"], 1);
    let page: Value = http
        .get(url("/leads?page=2&per_page=10"))
        .bearer_auth(server.token())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(page["meta"]["pagination"]["pages"], 5);
    assert_eq!(page["data"].as_array().unwrap().len(), 10);
    assert_eq!(server.count_of("0600000011", "Test 11"), 1);
    assert!(
        server
            .request_log()
            .iter()
            .any(|r| r.query.contains("search"))
    );
}

/// Path 2: a row skipped offline (no phone), then the merchant deletes it and sorts the
/// file before resuming: every line moved, and nothing already created is sent again.
#[tokio::test]
async fn path2_a_resume_after_editing_the_file_sends_nothing_twice() {
    let server = DocsServer::start(Knobs::default(), 50).await;
    let mut sent = rows(6, 1_000);
    sent[2].phone.clear();
    let journal = tempfile::tempdir().unwrap();
    let first = document(&sent);
    let mut engine = Engine::<Leads>::start(
        client(&server),
        "leads.csv",
        first.leads(),
        first.mapping.clone(),
        UploadSettings {
            skip_invalid: true,
            ..settings(&journal, 10)
        },
    )
    .expect("starts");
    engine
        .run(&Control::new(), &mut |_| {})
        .await
        .expect("runs");
    let upload_id = engine.upload_id().to_string();
    drop(engine);

    let mut edited: Vec<Row> = sent
        .iter()
        .filter(|row| !row.phone.is_empty())
        .cloned()
        .collect();
    edited.reverse();
    let posts = server.posts();
    let document = document(&edited);
    let mut engine = Engine::<Leads>::resume(
        client(&server),
        &upload_id,
        Some((document.leads(), document.mapping.clone())),
        settings(&journal, 10),
    )
    .expect("resumes");
    engine
        .run(&Control::new(), &mut |_| {})
        .await
        .expect("runs");
    let report = UploadReport::of(engine.state());
    assert_eq!(server.posts(), posts, "nothing was sent again");
    assert_eq!((report.created, report.skipped), (5, 1), "{report:?}");
    let records = server.records();
    for row in &edited {
        let held = records.iter().filter(|record| row.is(record)).count();
        assert_eq!(held, 1, "{}", row.name);
    }
    assert_eq!(server.records().len(), 50 + 5);
}
