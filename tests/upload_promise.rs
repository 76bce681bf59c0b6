//! The promise, tried the way a merchant's day breaks it: two stores on one address, a
//! journal torn by a crash, two processes on one upload, one file started twice at
//! once. The real binary against a real sandbox; at the end each store holds exactly
//! one record per row.

mod common;

use std::path::Path;
use std::process::Output;

use common::cli::{finish, json_of, upload, write_leads};
use common::{client_with, sandbox};
use secrecy::SecretString;
use wedocod_api::{Dialect, Leads, ResourceName, RetryPolicy};
use wedocod_core::stores::{self, StoreHome};
use wedocod_core::upload::past_uploads;
use wedocod_core::upload::{Control, Engine, UploadSettings};
use wedocod_import::Sheet;
use wedocod_import::ValidateSettings;
use wedocod_sandbox::{Sandbox, SandboxConfig};

fn stderr_of(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The store the command finds for `token` (as the window does for the same account).
fn home_of(sandbox: &Sandbox, data_dir: &Path, token: &str) -> StoreHome {
    let client = client_with(sandbox, Dialect::V2, token, RetryPolicy::never());
    stores::create(
        data_dir,
        client.profile(),
        &SecretString::from(token.to_string()),
    )
    .unwrap()
}

/// An engine on the demo store's upload of `file`, stopped before it sent anything:
/// what a window holds while its upload runs, or what a crash leaves behind.
async fn stopped_engine(sandbox: &Sandbox, data_dir: &Path, file: &Path) -> Engine<Leads> {
    let sheet = Sheet::load(
        std::fs::read(file).unwrap(),
        &ValidateSettings::new(ResourceName::Leads),
    )
    .unwrap();
    let client = client_with(sandbox, Dialect::V2, sandbox.token(), RetryPolicy::never());
    let home = home_of(sandbox, data_dir, sandbox.token());
    let mut engine = Engine::<Leads>::start(
        client,
        &file.display().to_string(),
        sheet.leads(),
        sheet.mapping.clone(),
        UploadSettings::new(home),
    )
    .unwrap();
    let control = Control::new();
    control.cancel();
    assert!(engine.run(&control, &mut |_| {}).await.is_err());
    engine
}

/// `upload` run to its end with `token`, its stores and journals in `data_dir`.
async fn send(sandbox: &Sandbox, data_dir: &Path, token: &str, args: &[&str]) -> Output {
    finish(upload(sandbox, data_dir, token, args)).await
}

/// A sandbox whose answers take a while, so two processes overlap.
async fn slow_sandbox(faults: &str) -> Sandbox {
    sandbox(SandboxConfig {
        faults: faults.parse().unwrap(),
        rate_limit: 6_000,
        ..SandboxConfig::default()
    })
    .await
}

/// Runs the same `upload` twice at once: one must go through (exit 0), the other be
/// refused (exit 2), whose output is returned.
async fn race(sandbox: &Sandbox, data_dir: &Path, args: &[&str]) -> Output {
    let command = || upload(sandbox, data_dir, sandbox.token(), args);
    let (one, two) = tokio::join!(finish(command()), finish(command()));
    let mut codes = [one.status.code(), two.status.code()];
    codes.sort();
    assert_eq!(
        codes,
        [Some(0), Some(2)],
        "{} / {}",
        stderr_of(&one),
        stderr_of(&two)
    );
    if one.status.code() == Some(2) {
        one
    } else {
        two
    }
}

#[tokio::test]
async fn two_stores_on_one_address_each_get_the_file_exactly_once() {
    let sandbox = sandbox(SandboxConfig::default()).await;
    let store_b = sandbox.add_store();
    let before_a = sandbox.record_count(ResourceName::Leads);
    let dir = tempfile::tempdir().unwrap();
    let file = write_leads(dir.path(), 12, None);
    let file_arg = file.to_str().unwrap();

    let to_a = send(&sandbox, dir.path(), sandbox.token(), &[file_arg, "--json"]).await;
    assert_eq!(to_a.status.code(), Some(0), "{}", stderr_of(&to_a));
    let to_b = send(&sandbox, dir.path(), &store_b, &[file_arg, "--json"]).await;
    assert_eq!(to_b.status.code(), Some(0), "{}", stderr_of(&to_b));
    assert_eq!(json_of(&to_b)["created"], 12);
    assert_eq!(sandbox.record_count(ResourceName::Leads) - before_a, 12);
    assert_eq!(
        sandbox.record_count_of(&store_b, ResourceName::Leads),
        Some(12)
    );

    // Each store's history holds its own upload only.
    let id_a = json_of(&to_a)["upload_id"].as_str().unwrap().to_string();
    let id_b = json_of(&to_b)["upload_id"].as_str().unwrap().to_string();
    let listed = |token: &str| -> Vec<String> {
        past_uploads::list(&home_of(&sandbox, dir.path(), token).journals())
            .uploads
            .into_iter()
            .map(|record| record.summary.upload_id)
            .collect()
    };
    assert_eq!(listed(sandbox.token()), vec![id_a.clone()]);
    assert_eq!(listed(&store_b), vec![id_b]);

    // Store B cannot resume store A's upload (B's token cannot see A's records: another
    // account); sending the file to A again is refused.
    let wrong = send(
        &sandbox,
        dir.path(),
        &store_b,
        &[file_arg, "--resume", &id_a],
    )
    .await;
    assert_eq!(wrong.status.code(), Some(2));
    assert!(
        stderr_of(&wrong).contains("another account"),
        "{}",
        stderr_of(&wrong)
    );
    let again = send(&sandbox, dir.path(), sandbox.token(), &[file_arg]).await;
    assert_eq!(again.status.code(), Some(2));
    assert!(stderr_of(&again).contains(&id_a), "{}", stderr_of(&again));
    assert_eq!(sandbox.record_count(ResourceName::Leads) - before_a, 12);
    assert_eq!(
        sandbox.record_count_of(&store_b, ResourceName::Leads),
        Some(12)
    );
}

#[tokio::test]
async fn a_journal_torn_by_a_crash_still_stops_a_second_send() {
    let sandbox = sandbox(SandboxConfig::default()).await;
    let arabic = "{\"event\":\"revised\",\"row\":0,\"item\":{\"full_name\":\"محمد";
    let torn_tails: [&[u8]; 2] = [
        b"{\"event\":\"sending\",\"requ",
        &arabic.as_bytes()[..arabic.len() - 1],
    ];
    for (round, tail) in torn_tails.into_iter().enumerate() {
        let before = sandbox.record_count(ResourceName::Leads);
        let dir = tempfile::tempdir().unwrap();
        let file = write_leads(dir.path(), 15 + round, None);
        let file_arg = file.to_str().unwrap();
        let first = send(&sandbox, dir.path(), sandbox.token(), &[file_arg, "--json"]).await;
        assert_eq!(first.status.code(), Some(0), "{}", stderr_of(&first));
        let id = json_of(&first)["upload_id"].as_str().unwrap().to_string();

        // A power cut in the middle of the next write.
        let journals = home_of(&sandbox, dir.path(), sandbox.token()).journals();
        let path = journals.join(format!("{id}.jsonl"));
        let mut bytes = std::fs::read(&path).unwrap();
        bytes.extend_from_slice(tail);
        std::fs::write(&path, bytes).unwrap();

        let resumed = send(
            &sandbox,
            dir.path(),
            sandbox.token(),
            &[file_arg, "--resume", &id],
        )
        .await;
        assert_eq!(resumed.status.code(), Some(0), "{}", stderr_of(&resumed));
        let listing = past_uploads::list(&journals);
        assert!(listing.damaged.is_empty(), "{:?}", listing.damaged);
        assert_eq!(listing.uploads.len(), 1);

        let again = send(&sandbox, dir.path(), sandbox.token(), &[file_arg]).await;
        assert_eq!(again.status.code(), Some(2), "{}", stderr_of(&again));
        assert_eq!(
            sandbox.record_count(ResourceName::Leads) - before,
            15 + round,
            "no row created twice"
        );
    }
}

#[tokio::test]
async fn two_commands_resuming_one_upload_send_each_row_once() {
    let sandbox = slow_sandbox("slow=150ms").await;
    let before = sandbox.record_count(ResourceName::Leads);
    let dir = tempfile::tempdir().unwrap();
    let file = write_leads(dir.path(), 60, None);
    let engine = stopped_engine(&sandbox, dir.path(), &file).await;
    let id = engine.upload_id().to_string();
    drop(engine);
    let args = [
        file.to_str().unwrap(),
        "--resume",
        &id,
        "--per-request",
        "10",
    ];
    let refused = race(&sandbox, dir.path(), &args).await;
    assert!(
        stderr_of(&refused).contains("running in another window or command"),
        "{}",
        stderr_of(&refused)
    );
    assert_eq!(sandbox.record_count(ResourceName::Leads) - before, 60);
}

#[tokio::test]
async fn the_command_cannot_resume_an_upload_the_window_is_running() {
    let sandbox = sandbox(SandboxConfig::default()).await;
    let before = sandbox.record_count(ResourceName::Leads);
    let dir = tempfile::tempdir().unwrap();
    let file = write_leads(dir.path(), 20, None);
    let file_arg = file.to_str().unwrap();
    // The window's engine holds the upload.
    let window = stopped_engine(&sandbox, dir.path(), &file).await;
    let id = window.upload_id().to_string();
    let resume = || {
        upload(
            &sandbox,
            dir.path(),
            sandbox.token(),
            &[file_arg, "--resume", &id],
        )
    };
    let refused = finish(resume()).await;
    assert_eq!(refused.status.code(), Some(2));
    assert!(stderr_of(&refused).contains("running in another window or command"));
    // Nor start the same file anew: its rows wait in that upload.
    let anew = send(&sandbox, dir.path(), sandbox.token(), &[file_arg]).await;
    assert_eq!(anew.status.code(), Some(2));
    assert!(stderr_of(&anew).contains(&id), "{}", stderr_of(&anew));
    assert_eq!(sandbox.record_count(ResourceName::Leads), before);

    drop(window);
    let resumed = finish(resume()).await;
    assert_eq!(resumed.status.code(), Some(0), "{}", stderr_of(&resumed));
    assert_eq!(sandbox.record_count(ResourceName::Leads) - before, 20);
}

#[tokio::test]
async fn one_file_started_twice_at_once_is_sent_once() {
    let sandbox = slow_sandbox("slow=50ms").await;
    let before = sandbox.record_count(ResourceName::Leads);
    let dir = tempfile::tempdir().unwrap();
    let file = write_leads(dir.path(), 40, None);
    let args = [file.to_str().unwrap(), "--per-request", "10"];
    let refused = race(&sandbox, dir.path(), &args).await;
    assert!(
        stderr_of(&refused).contains("already sent"),
        "{}",
        stderr_of(&refused)
    );
    assert_eq!(sandbox.record_count(ResourceName::Leads) - before, 40);
}

#[tokio::test]
async fn a_fixed_row_sent_by_a_new_upload_is_not_sent_again_by_the_old_one() {
    let sandbox = sandbox(SandboxConfig::default()).await;
    let before = sandbox.record_count(ResourceName::Leads);
    let dir = tempfile::tempdir().unwrap();
    let file = write_leads(dir.path(), 6, Some(3));
    let file_arg = file.to_str().unwrap();
    let first = send(&sandbox, dir.path(), sandbox.token(), &[file_arg, "--json"]).await;
    assert_eq!(first.status.code(), Some(1), "{}", stderr_of(&first));
    let id = json_of(&first)["upload_id"].as_str().unwrap().to_string();

    // The merchant fixes the SKU and sends the file anew, skipping what was sent.
    write_leads(dir.path(), 6, None);
    let fixed = send(
        &sandbox,
        dir.path(),
        sandbox.token(),
        &[file_arg, "--skip-sent", "--json"],
    )
    .await;
    assert_eq!(fixed.status.code(), Some(0), "{}", stderr_of(&fixed));
    assert_eq!(json_of(&fixed)["created"], 1);
    // Then goes on with the first upload too: the fixed row is not sent a second time.
    let resumed = send(
        &sandbox,
        dir.path(),
        sandbox.token(),
        &[file_arg, "--resume", &id],
    )
    .await;
    assert!(resumed.status.code().is_some(), "{}", stderr_of(&resumed));
    assert_eq!(sandbox.record_count(ResourceName::Leads) - before, 6);
}
