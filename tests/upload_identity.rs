//! One account, one identity (issue 22, path 4): the `upload` command against one
//! sandbox account reached at two spellings of its address, with a rotated token, and
//! resumed with a new token after the first was revoked mid-upload. Each row reaches
//! the store once; the "sent before" check and `--resume` follow the account.

mod common;

use std::path::Path;
use std::process::Output;

use common::cli::{finish, json_of, upload_at, write_leads};
use common::docs_server::{DocsServer, Knobs};
use common::sandbox;
use wedocod_api::ResourceName;
use wedocod_sandbox::{Sandbox, SandboxConfig};

const ROTATED: &str = "rotated-token-0123456789abcdef";

/// `upload FILE --json [extra]` at `base_url` with `token`, to its end.
async fn send(base_url: &str, dir: &Path, token: &str, file: &Path, extra: &[&str]) -> Output {
    let mut args = vec![file.to_str().unwrap(), "--json"];
    args.extend(extra);
    finish(upload_at(base_url, dir, token, &args)).await
}

/// A sandbox whose demo account also opens with [`ROTATED`].
async fn rotating_sandbox() -> Sandbox {
    sandbox(SandboxConfig {
        extra_tokens: vec![ROTATED.to_string()],
        ..SandboxConfig::default()
    })
    .await
}

#[tokio::test]
async fn the_same_file_at_another_spelling_of_the_address_is_sent_before() {
    let sandbox = sandbox(SandboxConfig::default()).await;
    let dir = tempfile::tempdir().unwrap();
    let file = write_leads(dir.path(), 3, None);
    let before = sandbox.record_count(ResourceName::Leads);
    let first = send(sandbox.base_url(), dir.path(), sandbox.token(), &file, &[]).await;
    assert_eq!(first.status.code(), Some(0), "{first:?}");
    let localhost = sandbox.base_url().replace("127.0.0.1", "localhost") + "/";
    let again = send(&localhost, dir.path(), sandbox.token(), &file, &[]).await;
    assert_eq!(again.status.code(), Some(2), "{again:?}");
    let said = String::from_utf8_lossy(&again.stderr);
    assert!(said.contains("--resume"), "{said}");
    assert_eq!(sandbox.record_count(ResourceName::Leads), before + 3);
}

#[tokio::test]
async fn a_rotated_token_keeps_the_store_and_its_history() {
    let sandbox = rotating_sandbox().await;
    let dir = tempfile::tempdir().unwrap();
    let file = write_leads(dir.path(), 3, None);
    let before = sandbox.record_count(ResourceName::Leads);
    let first = send(sandbox.base_url(), dir.path(), sandbox.token(), &file, &[]).await;
    assert_eq!(first.status.code(), Some(0), "{first:?}");
    sandbox.revoke_token(sandbox.token());
    // The new token sees the records the old one created: the same account, so the
    // same file is refused as sent before.
    let again = send(sandbox.base_url(), dir.path(), ROTATED, &file, &[]).await;
    assert_eq!(again.status.code(), Some(2), "{again:?}");
    assert_eq!(sandbox.record_count(ResourceName::Leads), before + 3);
    let index = std::fs::read_to_string(dir.path().join("stores").join("index.json")).unwrap();
    let stores: serde_json::Value = serde_json::from_str(&index).unwrap();
    assert_eq!(stores["stores"].as_array().unwrap().len(), 1, "{index}");
}

#[tokio::test]
async fn a_resume_with_a_new_token_finds_the_upload_of_the_revoked_one() {
    let sandbox = rotating_sandbox().await;
    let dir = tempfile::tempdir().unwrap();
    // Row 2 names a SKU the store does not sell: refused, to fix and resume.
    let file = write_leads(dir.path(), 4, Some(2));
    let before = sandbox.record_count(ResourceName::Leads);
    let first = send(sandbox.base_url(), dir.path(), sandbox.token(), &file, &[]).await;
    let report = json_of(&first);
    assert_eq!(report["created"], 3, "{report}");
    let upload_id = report["upload_id"].as_str().unwrap().to_string();
    sandbox.revoke_token(sandbox.token());
    let fixed = std::fs::read_to_string(&file)
        .unwrap()
        .replace("ZZZ-404", "ARG-100");
    std::fs::write(&file, fixed).unwrap();
    let resume = ["--resume", upload_id.as_str()];
    let resumed = send(sandbox.base_url(), dir.path(), ROTATED, &file, &resume).await;
    assert_eq!(resumed.status.code(), Some(0), "{resumed:?}");
    let report = json_of(&resumed);
    assert_eq!(report["upload_id"], upload_id.as_str());
    assert_eq!(report["created"], 4, "{report}");
    assert_eq!(sandbox.record_count(ResourceName::Leads), before + 4);
}

/// The same against a server written from the docs alone (not the sandbox): one
/// account at `127.0.0.1` and `localhost`, then its token rotated by the dashboard.
#[tokio::test]
async fn one_account_is_one_store_on_a_server_written_from_the_docs() {
    let server = DocsServer::start(Knobs::default(), 20).await;
    let dir = tempfile::tempdir().unwrap();
    let file = write_leads(dir.path(), 3, None);
    let first = send(&server.base_url(), dir.path(), &server.token(), &file, &[]).await;
    assert_eq!(first.status.code(), Some(0), "{first:?}");
    let localhost = server.base_url().replace("127.0.0.1", "localhost");
    let again = send(&localhost, dir.path(), &server.token(), &file, &[]).await;
    assert_eq!(again.status.code(), Some(2), "{again:?}");
    let rotated = server.rotate_token();
    let rotated_again = send(&server.base_url(), dir.path(), &rotated, &file, &[]).await;
    assert_eq!(rotated_again.status.code(), Some(2), "{rotated_again:?}");
    assert_eq!(server.records().len(), 20 + 3);
}
