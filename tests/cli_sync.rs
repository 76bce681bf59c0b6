//! The `sync` and `customer` commands as support runs them: the real binary against the
//! sandbox, the JSON they print compared with what the server holds, and a sync killed
//! with SIGKILL half way that the next run finishes. The sync itself (histories,
//! deletions, list orders, the docs' fake) is tested in `crates/core/tests/local_copy.rs`.

mod common;

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use common::cli::{TOKEN_VARIABLE, finish, json_of};
use wedocod_api::{ListQuery, ResourceName};
use wedocod_sandbox::{Sandbox, SandboxConfig};

fn command(sandbox: &Sandbox, dir: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_wedocod-console"));
    command
        .args(args)
        .args([
            "--json",
            "--base-url",
            sandbox.base_url(),
            "--token-env",
            TOKEN_VARIABLE,
        ])
        .env(TOKEN_VARIABLE, sandbox.token())
        .env("WEDOCOD_CONSOLE_DATA_DIR", dir)
        .env("WEDOCOD_CONSOLE_CONFIG_DIR", dir.join("config"));
    command
}

#[tokio::test]
async fn sync_and_customer_print_what_the_server_holds() {
    let sandbox = common::sandbox(SandboxConfig {
        rate_limit: 100_000,
        ..SandboxConfig::default()
    })
    .await;
    let dir = tempfile::tempdir().unwrap();
    let output = finish(command(&sandbox, dir.path(), &["sync"])).await;
    assert!(output.status.success(), "{output:?}");
    let report = json_of(&output);
    assert_eq!(
        report["leads"]["total"],
        sandbox.record_count(ResourceName::Leads)
    );
    assert_eq!(
        report["orders"]["total"],
        sandbox.record_count(ResourceName::Orders)
    );
    let new_leads = common::client(&sandbox)
        .leads()
        .list(&ListQuery {
            status: Some("new".into()),
            ..ListQuery::page(1, 1)
        })
        .await
        .unwrap();
    assert_eq!(report["leads"]["by_status"]["new"], new_leads.total);
    assert!(report["requests"].as_u64().unwrap() > 0);

    let lead = new_leads.items[0].clone();
    let phone = lead.phone.clone().unwrap();
    let spelled_otherwise = format!("00212{}", phone.trim_start_matches('0'));
    let output = finish(command(
        &sandbox,
        dir.path(),
        &["customer", &spelled_otherwise],
    ))
    .await;
    assert!(output.status.success(), "{output:?}");
    let customer = json_of(&output);
    assert!(customer["phone"].as_str().unwrap().starts_with("+212"));
    let references: Vec<&str> = customer["leads"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|lead| lead["reference"].as_str())
        .collect();
    assert!(references.contains(&lead.reference.as_deref().unwrap()));
    assert!(customer["delivered"].is_u64() && customer["returned"].is_u64());

    let output = finish(command(&sandbox, dir.path(), &["customer", "Amina"])).await;
    assert_eq!(output.status.code(), Some(2), "{output:?}");
}

#[cfg(unix)]
#[tokio::test]
async fn a_sync_killed_half_way_is_finished_by_the_next() {
    // 120 requests a minute: the sync spends one every second, so it is mid-way when
    // killed.
    let sandbox = common::sandbox(SandboxConfig {
        rate_limit: 120,
        extra_leads: 1_500,
        ..SandboxConfig::default()
    })
    .await;
    let dir = tempfile::tempdir().unwrap();
    let mut running = command(&sandbox, dir.path(), &["sync"]).spawn().unwrap();
    tokio::time::sleep(Duration::from_secs(5)).await;
    running.kill().unwrap();
    let _ = running.wait();
    let reads_before = sandbox.request_log().len();
    assert!(reads_before >= 2, "the first sync had started");

    let output = finish(command(&sandbox, dir.path(), &["sync"])).await;
    assert!(output.status.success(), "{output:?}");
    let report = json_of(&output);
    assert_eq!(
        report["leads"]["total"],
        sandbox.record_count(ResourceName::Leads)
    );
    // The second run read only the lead pages the first did not finish.
    let pages = sandbox.record_count(ResourceName::Leads).div_ceil(100);
    let lead_pages_read_again = sandbox.request_log()[reads_before..]
        .iter()
        .filter(|request| request.method == "GET" && request.path == "/leads")
        .count();
    assert!(
        lead_pages_read_again < pages,
        "the second run went on from where the first was killed: {lead_pages_read_again} of {pages} pages read again: {report}"
    );
}
