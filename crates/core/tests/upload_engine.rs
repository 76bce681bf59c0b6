//! The upload engine against real sandboxes with faults: every row created exactly once,
//! 422s on their cells, uncertain outcomes reconciled, refused rows fixed and resent.

use wedocod_testkit as common;

use std::time::Duration;

use common::{client_with, posts, sandbox};
use wedocod_api::{Client, Dialect, Leads, Orders, ResourceName, RetryPolicy};
use wedocod_core::stores::StoreHome;
use wedocod_core::upload::report::{NOT_CONFIRMED, RowOutcome};
use wedocod_core::upload::{Control, Engine, Repeats, RowState, UploadReport, UploadSettings};
use wedocod_import::Sheet;
use wedocod_import::ValidateSettings;
use wedocod_sandbox::{Sandbox, SandboxConfig};

/// `count` valid leads, one per line, phones all different.
fn leads_csv(count: usize, first_phone: usize) -> String {
    let mut csv = String::from("Nom complet;Téléphone;Ville;Adresse;SKU;Quantité;Prix\n");
    for n in 0..count {
        csv.push_str(&format!(
            "Client Numéro {n};06{:08};Casablanca;{n} Boulevard Zerktouni;ARG-100;2;298,00\n",
            first_phone + n
        ));
    }
    csv
}

fn orders_csv(count: usize) -> String {
    let mut csv = String::from(
        "full_name,phone,city,address,sku,quantity,price,total,is_fees_paid_by_customer\n",
    );
    for n in 0..count {
        csv.push_str(&format!(
            "Salma Tazi {n},06{:08},Rabat,{n} Avenue Mohammed V,ARG-100,1,149,149,yes\n",
            30_000_000 + n
        ));
    }
    csv
}

fn document(csv: &str, kind: ResourceName, dialect: Dialect) -> Sheet {
    let mut settings = ValidateSettings::new(kind);
    settings.dialect = dialect;
    Sheet::load(csv.as_bytes().to_vec(), &settings).expect("the test file reads")
}

fn settings(journal: &tempfile::TempDir, per_request: usize) -> UploadSettings {
    UploadSettings {
        per_request,
        settle_window: Duration::from_millis(1_500),
        queue_window: Duration::from_secs(4),
        poll_every: Duration::from_millis(100),
        offline_patience: Duration::from_secs(5),
        ..UploadSettings::new(StoreHome::detached(journal.path().to_path_buf()))
    }
}

fn fast_batches(faults: &str) -> SandboxConfig {
    SandboxConfig {
        faults: faults.parse().unwrap(),
        batch_row_delay: Duration::from_millis(2),
        rate_limit: 6_000,
        ..SandboxConfig::default()
    }
}

/// A v2 client of `sandbox` with its token.
fn v2_client(sandbox: &Sandbox) -> Client {
    client_with(
        sandbox,
        Dialect::V2,
        sandbox.token(),
        RetryPolicy::default(),
    )
}

/// Uploads `csv` as leads and returns the report.
async fn upload_leads(
    sandbox: &Sandbox,
    csv: &str,
    per_request: usize,
    journal: &tempfile::TempDir,
) -> UploadReport {
    let client = v2_client(sandbox);
    let document = document(csv, ResourceName::Leads, Dialect::V2);
    let mapping = document.mapping.clone();
    let mut engine = Engine::<Leads>::start(
        client,
        "leads.csv",
        document.leads(),
        mapping,
        settings(journal, per_request),
    )
    .unwrap();
    engine.run(&Control::new(), &mut |_| {}).await.unwrap();
    UploadReport::of(engine.state())
}

#[tokio::test]
async fn sync_requests_create_every_row_once() {
    let sandbox = sandbox(fast_batches("")).await;
    let before = sandbox.record_count(ResourceName::Leads);
    let journal = tempfile::tempdir().unwrap();
    let report = upload_leads(&sandbox, &leads_csv(25, 10_000_000), 10, &journal).await;
    assert_eq!((report.rows, report.created), (25, 25));
    assert!(
        report
            .results
            .iter()
            .all(|r| r.reference.as_deref().is_some_and(|x| x.starts_with("LD-")))
    );
    assert_eq!(sandbox.record_count(ResourceName::Leads), before + 25);
    let posts = posts(&sandbox);
    assert_eq!(posts, 3, "10 + 10 + 5");
}

#[tokio::test]
async fn async_batches_are_followed_to_the_end() {
    let sandbox = sandbox(fast_batches("")).await;
    let before = sandbox.record_count(ResourceName::Leads);
    let journal = tempfile::tempdir().unwrap();
    let report = upload_leads(&sandbox, &leads_csv(230, 11_000_000), 100, &journal).await;
    assert_eq!(report.created, 230);
    assert_eq!(sandbox.record_count(ResourceName::Leads), before + 230);
    assert!(
        sandbox
            .request_log()
            .iter()
            .any(|r| r.path.starts_with("/batches/"))
    );
}

#[tokio::test]
async fn orders_upload_too() {
    let sandbox = sandbox(fast_batches("")).await;
    let before = sandbox.record_count(ResourceName::Orders);
    let journal = tempfile::tempdir().unwrap();
    let client = v2_client(&sandbox);
    let document = document(&orders_csv(15), ResourceName::Orders, Dialect::V2);
    let mapping = document.mapping.clone();
    let mut engine = Engine::<Orders>::start(
        client,
        "orders.csv",
        document.orders(),
        mapping,
        settings(&journal, 100),
    )
    .unwrap();
    engine.run(&Control::new(), &mut |_| {}).await.unwrap();
    assert_eq!(UploadReport::of(engine.state()).created, 15);
    assert_eq!(sandbox.record_count(ResourceName::Orders), before + 15);
}

#[tokio::test]
async fn a_422_lands_on_its_cell_and_the_other_rows_go_on() {
    let sandbox = sandbox(fast_batches("")).await;
    let before = sandbox.record_count(ResourceName::Leads);
    let journal = tempfile::tempdir().unwrap();
    // Line 4 (the 3rd row) names a SKU the store does not sell: only the server knows.
    let csv = leads_csv(6, 12_000_000);
    let csv = csv.replace(
        "Client Numéro 2;0612000002;Casablanca;2 Boulevard Zerktouni;ARG-100",
        "Client Numéro 2;0612000002;Casablanca;2 Boulevard Zerktouni;ZZZ-404",
    );
    let report = upload_leads(&sandbox, &csv, 100, &journal).await;
    assert_eq!((report.created, report.refused), (5, 1));
    let refused = report
        .results
        .iter()
        .find(|r| r.status == RowOutcome::Refused)
        .unwrap();
    assert_eq!(refused.line, 4);
    assert_eq!(refused.errors[0].header.as_deref(), Some("SKU"));
    assert_eq!(refused.errors[0].field, "products.0.sku");
    assert_eq!(
        refused.errors[0].message(),
        "The selected data.2.products.0.sku is invalid."
    );
    assert_eq!(sandbox.record_count(ResourceName::Leads), before + 5);
}

#[tokio::test]
async fn a_v1_422_keyed_by_leads_lands_on_its_cell() {
    let sandbox = sandbox(SandboxConfig {
        dialect: Dialect::V1,
        ..fast_batches("")
    })
    .await;
    let journal = tempfile::tempdir().unwrap();
    let csv = leads_csv(3, 13_000_000).replace(
        "Client Numéro 1;0613000001;Casablanca;1 Boulevard Zerktouni;ARG-100",
        "Client Numéro 1;0613000001;Casablanca;1 Boulevard Zerktouni;ZZZ-404",
    );
    let client = wedocod_api::Client::new(
        common::profile(&sandbox, Dialect::V1),
        secrecy::SecretString::from(sandbox.token().to_string()),
    )
    .unwrap();
    let document = document(&csv, ResourceName::Leads, Dialect::V1);
    let mapping = document.mapping.clone();
    let mut engine = Engine::<Leads>::start(
        client,
        "v1.csv",
        document.leads(),
        mapping,
        settings(&journal, 100),
    )
    .unwrap();
    engine.run(&Control::new(), &mut |_| {}).await.unwrap();
    let report = UploadReport::of(engine.state());
    assert_eq!((report.created, report.refused), (2, 1));
    let refused = report
        .results
        .iter()
        .find(|r| r.status == RowOutcome::Refused)
        .unwrap();
    assert_eq!(refused.line, 3);
    assert_eq!(refused.errors[0].header.as_deref(), Some("SKU"));
    assert_eq!(
        refused.errors[0].message(),
        "The selected leads.1.products.0.sku is invalid."
    );
}

#[tokio::test]
async fn a_429_storm_loses_and_doubles_nothing() {
    let sandbox = sandbox(fast_batches("storm429=0.3")).await;
    let before = sandbox.record_count(ResourceName::Leads);
    let journal = tempfile::tempdir().unwrap();
    let report = upload_leads(&sandbox, &leads_csv(40, 14_000_000), 10, &journal).await;
    assert_eq!(report.created, 40);
    assert_eq!(sandbox.record_count(ResourceName::Leads), before + 40);
    assert!(
        sandbox.request_log().iter().any(|r| r.status == 429),
        "the storm happened"
    );
}

#[tokio::test]
async fn failures_after_commit_are_reconciled_without_duplicates() {
    for fault in ["commit500=x2", "drop=x2"] {
        let sandbox = sandbox(fast_batches(fault)).await;
        let before = sandbox.record_count(ResourceName::Leads);
        let journal = tempfile::tempdir().unwrap();
        let report = upload_leads(&sandbox, &leads_csv(130, 15_000_000), 50, &journal).await;
        assert_eq!(report.created, 130, "{fault}");
        assert_eq!(
            sandbox.record_count(ResourceName::Leads),
            before + 130,
            "{fault}: no duplicate"
        );
    }
}

#[tokio::test]
async fn a_500_before_processing_is_resent_after_the_lookup() {
    let sandbox = sandbox(fast_batches("fail500=x1")).await;
    let before = sandbox.record_count(ResourceName::Leads);
    let journal = tempfile::tempdir().unwrap();
    let report = upload_leads(&sandbox, &leads_csv(8, 16_000_000), 100, &journal).await;
    assert_eq!(report.created, 8);
    assert_eq!(sandbox.record_count(ResourceName::Leads), before + 8);
}

#[tokio::test]
async fn rows_that_fail_processing_are_found_by_reconciliation() {
    for batch_endpoint in [true, false] {
        let sandbox = sandbox(SandboxConfig {
            batch_endpoint,
            ..fast_batches("rowfail=x2")
        })
        .await;
        let before = sandbox.record_count(ResourceName::Leads);
        let journal = tempfile::tempdir().unwrap();
        // 8 rows: one sync request whose answer says `failed_count: 2` without naming them;
        // then 30 rows in one async batch, with the endpoint or without.
        let report = upload_leads(&sandbox, &leads_csv(8, 17_000_000), 100, &journal).await;
        assert_eq!(
            (report.created, report.refused),
            (6, 2),
            "endpoint {batch_endpoint}"
        );
        let refused: Vec<u64> = report
            .results
            .iter()
            .filter(|r| r.status == RowOutcome::Refused)
            .map(|r| r.line)
            .collect();
        assert_eq!(refused, [2, 3], "the first two rows failed");
        assert_eq!(sandbox.record_count(ResourceName::Leads), before + 6);

        sandbox.set_faults("rowfail=x3".parse().unwrap());
        let journal = tempfile::tempdir().unwrap();
        let report = upload_leads(&sandbox, &leads_csv(30, 18_000_000), 100, &journal).await;
        // Without the batch endpoint nothing says the 3 rows failed: absent after the
        // queue window, they stay not confirmed (a slow queue could still create them),
        // never refused and never resent, with the reason on each.
        let (refused, unknown) = if batch_endpoint { (3, 0) } else { (0, 3) };
        assert_eq!(
            (report.created, report.refused, report.uncertain),
            (27, refused, unknown),
            "endpoint {batch_endpoint}"
        );
        if !batch_endpoint {
            let notes: Vec<String> = report
                .results
                .iter()
                .flat_map(|r| &r.errors)
                .filter(|e| e.field == NOT_CONFIRMED)
                .map(|e| e.message())
                .collect();
            assert_eq!(notes.len(), 3, "{notes:?}");
            assert!(notes[0].contains("queued"), "{notes:?}");
        }
        assert_eq!(sandbox.record_count(ResourceName::Leads), before + 6 + 27);
    }
}

#[tokio::test]
async fn fixed_rows_are_resent_alone_on_resume() {
    let sandbox = sandbox(fast_batches("")).await;
    let before = sandbox.record_count(ResourceName::Leads);
    let journal = tempfile::tempdir().unwrap();
    let good = leads_csv(5, 19_000_000);
    let bad = good.replace(
        "0619000003;Casablanca;3 Boulevard Zerktouni;ARG-100",
        "0619000003;Casablanca;3 Boulevard Zerktouni;ZZZ-404",
    );
    let client = v2_client(&sandbox);
    let first = document(&bad, ResourceName::Leads, Dialect::V2);
    let mapping = first.mapping.clone();
    let mut engine = Engine::<Leads>::start(
        client.clone(),
        "f.csv",
        first.leads(),
        mapping,
        settings(&journal, 100),
    )
    .unwrap();
    engine.run(&Control::new(), &mut |_| {}).await.unwrap();
    let id = engine.upload_id().to_string();
    assert_eq!(UploadReport::of(engine.state()).refused, 1);
    drop(engine);

    let fixed = document(&good, ResourceName::Leads, Dialect::V2);
    let mapping = fixed.mapping.clone();
    let posts_before = posts(&sandbox);
    let mut engine = Engine::<Leads>::resume(
        client,
        &id,
        Some((fixed.leads(), mapping)),
        settings(&journal, 100),
    )
    .unwrap();
    engine.run(&Control::new(), &mut |_| {}).await.unwrap();
    let report = UploadReport::of(engine.state());
    assert_eq!(report.created, 5);
    assert_eq!(
        sandbox.record_count(ResourceName::Leads),
        before + 5,
        "only the fixed row was sent"
    );
    let posts = posts(&sandbox) - posts_before;
    assert_eq!(posts, 1);
}

#[tokio::test]
async fn invalid_rows_block_or_are_skipped() {
    let sandbox = sandbox(fast_batches("")).await;
    let journal = tempfile::tempdir().unwrap();
    let csv = leads_csv(4, 20_000_000).replace("0620000001", "06ABC");
    let client = v2_client(&sandbox);
    let doc = document(&csv, ResourceName::Leads, Dialect::V2);
    let mapping = doc.mapping.clone();
    let blocked = Engine::<Leads>::start(
        client.clone(),
        "x.csv",
        doc.leads(),
        mapping.clone(),
        settings(&journal, 100),
    );
    assert!(matches!(
        blocked,
        Err(wedocod_core::upload::UploadError::InvalidRows {
            count: 1,
            first_line: 3
        })
    ));

    let mut skip = settings(&journal, 100);
    skip.skip_invalid = true;
    let mut engine = Engine::<Leads>::start(client, "x.csv", doc.leads(), mapping, skip).unwrap();
    engine.run(&Control::new(), &mut |_| {}).await.unwrap();
    let report = UploadReport::of(engine.state());
    assert_eq!((report.created, report.skipped), (3, 1));
    assert!(matches!(engine.state().states[1], RowState::Skipped { .. }));
}

#[tokio::test]
async fn a_file_uploaded_before_is_not_sent_twice_by_mistake() {
    let sandbox = sandbox(fast_batches("")).await;
    let journal = tempfile::tempdir().unwrap();
    let before = sandbox.record_count(ResourceName::Leads);
    let first = leads_csv(3, 40_000_000);
    upload_leads(&sandbox, &first, 100, &journal).await;

    // The same file plus one new row: the three rows sent before stop a new upload…
    let grown = format!("{first}Nouveau Client;0640000099;Fès;1 Rue Talaa;ARG-100;1;149,00\n");
    let client = v2_client(&sandbox);
    let doc = document(&grown, ResourceName::Leads, Dialect::V2);
    let again = Engine::<Leads>::start(
        client.clone(),
        "leads.csv",
        doc.leads(),
        doc.mapping.clone(),
        settings(&journal, 100),
    );
    assert!(matches!(
        again,
        Err(wedocod_core::upload::UploadError::AlreadyCreated {
            count: 3,
            first_line: 2,
            ..
        })
    ));
    assert_eq!(sandbox.record_count(ResourceName::Leads), before + 3);

    // …the merchant can send only the new row…
    let mut skip = settings(&journal, 100);
    skip.repeats = Repeats::Skip;
    let mut engine = Engine::<Leads>::start(
        client.clone(),
        "leads.csv",
        doc.leads(),
        doc.mapping.clone(),
        skip,
    )
    .unwrap();
    engine.run(&Control::new(), &mut |_| {}).await.unwrap();
    let report = UploadReport::of(engine.state());
    assert_eq!((report.created, report.skipped), (1, 3));
    assert!(report.complete(), "rows sent before leave nothing to do");
    assert_eq!(sandbox.record_count(ResourceName::Leads), before + 4);

    // …or create the old rows again on purpose.
    let mut again = settings(&journal, 100);
    again.repeats = Repeats::Send;
    let doc = document(&first, ResourceName::Leads, Dialect::V2);
    let mut engine =
        Engine::<Leads>::start(client, "leads.csv", doc.leads(), doc.mapping.clone(), again)
            .unwrap();
    engine.run(&Control::new(), &mut |_| {}).await.unwrap();
    assert_eq!(sandbox.record_count(ResourceName::Leads), before + 7);
}

#[tokio::test]
async fn redirects_and_undocumented_answers_are_reconciled_not_believed() {
    // Sync requests of 10 and queued ones of 50: each answer shape meets each fault.
    for (fault, per_request) in [
        ("redirect=x2", 10),
        ("redirect=x2", 50),
        ("oddbody=x2", 10),
        ("oddbody=x2", 50),
    ] {
        let sandbox = sandbox(fast_batches(fault)).await;
        let before = sandbox.record_count(ResourceName::Leads);
        let journal = tempfile::tempdir().unwrap();
        let csv = leads_csv(120, 19_000_000 + per_request * 1_000);
        let report = upload_leads(&sandbox, &csv, per_request, &journal).await;
        assert_eq!(report.created, 120, "{fault} / {per_request}");
        assert_eq!(
            sandbox.record_count(ResourceName::Leads),
            before + 120,
            "{fault} / {per_request}: every row once"
        );
    }
}

#[tokio::test]
async fn a_server_failing_every_create_stops_the_upload_instead_of_retrying_for_ever() {
    // Every create is redirected (reads still answer): each is looked up and resent.
    let sandbox = sandbox(fast_batches("redirect=1")).await;
    let before = sandbox.record_count(ResourceName::Leads);
    let journal = tempfile::tempdir().unwrap();
    let document = document(&leads_csv(30, 21_000_000), ResourceName::Leads, Dialect::V2);
    let mut engine = Engine::<Leads>::start(
        client_with(&sandbox, Dialect::V2, sandbox.token(), RetryPolicy::never()),
        "leads.csv",
        document.leads(),
        document.mapping.clone(),
        settings(&journal, 10),
    )
    .unwrap();
    let outcome = engine.run(&Control::new(), &mut |_| {}).await;
    assert!(
        matches!(
            outcome,
            Err(wedocod_core::upload::UploadError::ServerKeepsFailing { count: 10, .. })
        ),
        "{outcome:?}"
    );
    assert_eq!(sandbox.record_count(ResourceName::Leads), before);
}

#[tokio::test]
async fn rows_lost_after_a_429_wait_get_their_full_settle_window() {
    // The create waits out a 429 storm inside the client (3 s), then the server queues it
    // and drops the connection. Its batch takes about a second to create the rows: the
    // settle window (1.5 s) must run from the failure, not from before the storm.
    let sandbox = sandbox(SandboxConfig {
        faults: "storm429=x1,drop=x1".parse().unwrap(),
        batch_row_delay: Duration::from_millis(50),
        rate_limit: 6_000,
        ..SandboxConfig::default()
    })
    .await;
    let before = sandbox.record_count(ResourceName::Leads);
    let journal = tempfile::tempdir().unwrap();
    let report = upload_leads(&sandbox, &leads_csv(20, 22_000_000), 20, &journal).await;
    assert_eq!(report.created, 20);
    assert_eq!(
        sandbox.record_count(ResourceName::Leads),
        before + 20,
        "no row sent again while its batch was still running"
    );
}

#[tokio::test]
async fn a_lost_batch_queued_behind_running_ones_is_waited_for_not_resent() {
    // Batches of 2 rows, each row taking a second: the second request's answer is lost
    // (a 500 after commit) while the first batch is still running, and its rows appear
    // only after the settle window. They must be found, not sent again.
    let sandbox = sandbox(SandboxConfig {
        batch_row_delay: Duration::from_millis(1_000),
        sync_threshold: 1,
        rate_limit: 6_000,
        ..SandboxConfig::default()
    })
    .await;
    let before = sandbox.record_count(ResourceName::Leads);
    let journal = tempfile::tempdir().unwrap();
    let document = document(&leads_csv(4, 23_000_000), ResourceName::Leads, Dialect::V2);
    let mut engine = Engine::<Leads>::start(
        v2_client(&sandbox),
        "leads.csv",
        document.leads(),
        document.mapping.clone(),
        settings(&journal, 2),
    )
    .unwrap();
    let mut armed = false;
    engine
        .run(&Control::new(), &mut |progress| {
            if progress.requests == 1 && !armed {
                armed = true;
                sandbox.set_faults("commit500=x1".parse().unwrap());
            }
        })
        .await
        .unwrap();
    assert_eq!(UploadReport::of(engine.state()).created, 4);
    assert_eq!(sandbox.record_count(ResourceName::Leads), before + 4);
}

/// Issue 22, path 2: rows skipped offline (`--skip-invalid`), then the merchant deletes
/// the bad row and sorts the file before resuming. Lines moved under the journal: the
/// rows already created are matched by content and never sent again.
#[tokio::test]
async fn a_resume_after_deleting_and_sorting_rows_sends_nothing_twice() {
    let sandbox = sandbox(fast_batches("")).await;
    let before = sandbox.record_count(ResourceName::Leads);
    let journal = tempfile::tempdir().unwrap();
    let good = leads_csv(6, 23_000_000);
    // Line 3 has no phone: skipped offline.
    let with_bad = good.replace("Client Numéro 1;0623000001;", "Client Numéro 1;;");
    let client = v2_client(&sandbox);
    let first = document(&with_bad, ResourceName::Leads, Dialect::V2);
    let mapping = first.mapping.clone();
    let mut engine = Engine::<Leads>::start(
        client.clone(),
        "f.csv",
        first.leads(),
        mapping,
        UploadSettings {
            skip_invalid: true,
            ..settings(&journal, 100)
        },
    )
    .unwrap();
    engine.run(&Control::new(), &mut |_| {}).await.unwrap();
    let id = engine.upload_id().to_string();
    let report = UploadReport::of(engine.state());
    assert_eq!((report.created, report.skipped), (5, 1));
    drop(engine);
    assert_eq!(sandbox.record_count(ResourceName::Leads), before + 5);

    // The bad row deleted, the others sorted newest first: every line moved.
    let mut lines: Vec<&str> = with_bad.lines().collect();
    let header = lines.remove(0);
    lines.retain(|line| !line.starts_with("Client Numéro 1;"));
    lines.reverse();
    let edited = format!("{header}\n{}\n", lines.join("\n"));
    let posts_before = posts(&sandbox);
    let document = document(&edited, ResourceName::Leads, Dialect::V2);
    let mapping = document.mapping.clone();
    let mut engine = Engine::<Leads>::resume(
        client.clone(),
        &id,
        Some((document.leads(), mapping)),
        settings(&journal, 100),
    )
    .unwrap();
    engine.run(&Control::new(), &mut |_| {}).await.unwrap();
    let report = UploadReport::of(engine.state());
    assert_eq!((report.created, report.skipped), (5, 1), "{report:?}");
    assert_eq!(posts(&sandbox), posts_before, "nothing was sent again");
    assert_eq!(sandbox.record_count(ResourceName::Leads), before + 5);
    drop(engine);

    // Another file altogether is refused, not taken for fixes.
    let other = document_of(&leads_csv(3, 24_000_000));
    let refused = Engine::<Leads>::resume(
        client,
        &id,
        Some((other.leads(), other.mapping.clone())),
        settings(&journal, 100),
    );
    assert!(
        matches!(&refused, Err(wedocod_core::upload::UploadError::WrongJournal { mismatch, .. }) if mismatch.contains("another file")),
        "{:?}",
        refused.err()
    );
    assert_eq!(posts(&sandbox), posts_before);
}

fn document_of(csv: &str) -> Sheet {
    document(csv, ResourceName::Leads, Dialect::V2)
}

/// Issue 26, item 6: a store that never answers (nothing listens at its address) is said
/// at once, not after the patience meant for a network that drops mid-upload, and every
/// row stays to send when the upload resumes.
#[tokio::test]
async fn a_store_that_never_answered_is_said_at_once() {
    let journal = tempfile::tempdir().unwrap();
    let profile = wedocod_api::ApiProfile::new("http://127.0.0.1:1", "", Dialect::V2).unwrap();
    let client = Client::with_options(
        profile,
        secrecy::SecretString::from("token".to_string()),
        wedocod_api::ClientOptions::default(),
    )
    .unwrap();
    let document = document(&leads_csv(12, 0), ResourceName::Leads, Dialect::V2);
    let mapping = document.mapping.clone();
    let patient = UploadSettings {
        offline_patience: Duration::from_secs(3600),
        ..settings(&journal, 100)
    };
    let mut engine =
        Engine::<Leads>::start(client, "leads.csv", document.leads(), mapping, patient).unwrap();
    // A guard against a hang, not a measure: the patience is an hour.
    let ended = tokio::time::timeout(
        Duration::from_secs(120),
        engine.run(&Control::new(), &mut |_| {}),
    )
    .await
    .expect("the upload did not wait out its hour of patience");
    assert!(
        matches!(ended, Err(wedocod_core::upload::UploadError::Offline(_))),
        "{ended:?}"
    );
    let report = UploadReport::of(engine.state());
    assert_eq!(report.created, 0);
    assert_eq!(report.pending, 12, "every row stays to send");
}
