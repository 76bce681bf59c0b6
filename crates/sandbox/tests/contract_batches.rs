//! Async batches: progress, business failures, batches failing part-way, and servers
//! without the batch endpoint.

use wedocod_testkit as common;

use std::time::Duration;

use common::{client, sandbox, valid_leads};
use wedocod_api::wire::BatchStatus;
use wedocod_api::{Client, CreateOutcome, ResourceName};
use wedocod_sandbox::SandboxConfig;

fn config(faults: &str, batch_endpoint: bool) -> SandboxConfig {
    SandboxConfig {
        faults: faults.parse().unwrap(),
        batch_endpoint,
        batch_row_delay: Duration::from_millis(2),
        ..SandboxConfig::default()
    }
}

async fn queue(client: &Client, rows: usize) -> String {
    match client.leads().create(&valid_leads(rows)).await.unwrap() {
        CreateOutcome::Queued { batch_id, .. } => batch_id,
        other => panic!("expected a queued batch, got {other:?}"),
    }
}

async fn wait_for_end(client: &Client, batch_id: &str) -> (BatchStatus, Vec<u64>) {
    let mut progress = Vec::new();
    loop {
        let status = client.batch(batch_id).await.unwrap().unwrap();
        progress.push(status.processed);
        if status.is_finished() {
            return (status, progress);
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

#[tokio::test]
async fn progress_grows_and_failed_rows_are_listed() {
    let sandbox = sandbox(config("rowfail=x2", true)).await;
    let client = client(&sandbox);
    let before = sandbox.record_count(ResourceName::Leads);
    let batch_id = queue(&client, 40).await;
    let (status, progress) = wait_for_end(&client, &batch_id).await;
    assert!(
        progress.windows(2).all(|p| p[0] <= p[1]),
        "processed never goes back"
    );
    assert_eq!(status.status, "completed");
    assert_eq!(status.processed, 40);
    assert_eq!(status.created_refs.len(), 38);
    let failed: Vec<usize> = status.failures.iter().map(|f| f.index).collect();
    assert_eq!(failed, [0, 1], "x2: the first two rows fail processing");
    assert!(status.failures[0].errors.contains_key("processing"));
    assert_eq!(sandbox.record_count(ResourceName::Leads), before + 38);
}

#[tokio::test]
async fn a_batch_can_fail_part_way() {
    let sandbox = sandbox(config("batchfail=x1", true)).await;
    let client = client(&sandbox);
    let before = sandbox.record_count(ResourceName::Leads);
    let batch_id = queue(&client, 20).await;
    let (status, _) = wait_for_end(&client, &batch_id).await;
    assert_eq!(status.status, "failed");
    assert_eq!(status.processed, 10);
    assert_eq!(status.created_refs.len(), 10);
    let not_created: Vec<usize> = status.failures.iter().map(|f| f.index).collect();
    assert_eq!(not_created, (10..20).collect::<Vec<_>>());
    assert_eq!(sandbox.record_count(ResourceName::Leads), before + 10);
}

#[tokio::test]
async fn without_the_batch_endpoint_the_client_is_told_to_reconcile() {
    let sandbox = sandbox(config("", false)).await;
    let client = client(&sandbox);
    let before = sandbox.record_count(ResourceName::Leads);
    let batch_id = queue(&client, 12).await;
    assert_eq!(client.batch(&batch_id).await.unwrap(), None);
    // The batch still runs: its rows appear in the list.
    for _ in 0..200 {
        if sandbox.record_count(ResourceName::Leads) == before + 12 {
            return;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("the batch never finished");
}

#[tokio::test]
async fn other_accounts_cannot_read_a_batch() {
    let sandbox = sandbox(config("", true)).await;
    let batch_id = queue(&client(&sandbox), 11).await;
    let other = common::client_with(
        &sandbox,
        wedocod_api::Dialect::V2,
        sandbox.other_account_token(),
        wedocod_api::RetryPolicy::never(),
    );
    assert_eq!(other.batch(&batch_id).await.unwrap(), None);
}
