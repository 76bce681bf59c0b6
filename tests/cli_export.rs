//! The `export` command as a merchant runs it: the real binary against the sandbox, the
//! file it writes read back, and an existing file never overwritten unasked. The export
//! itself (every page, 429s, cancel, odd stores) is tested in `crates/core/tests/table_export.rs`.

mod common;

use std::process::Command;

use common::cli::{TOKEN_VARIABLE, finish};
use wedocod_api::ListQuery;
use wedocod_sandbox::SandboxConfig;

#[tokio::test]
async fn the_terminal_command_exports_and_never_overwrites() {
    let sandbox = common::sandbox(SandboxConfig::default()).await;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new leads.csv");
    let export = |extra: &[&str]| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_wedocod-console"));
        command
            .args(["export", "leads", "--status", "new", "--json", "-o"])
            .arg(&path)
            .args([
                "--base-url",
                sandbox.base_url(),
                "--token-env",
                TOKEN_VARIABLE,
            ])
            .args(extra)
            .env(TOKEN_VARIABLE, sandbox.token())
            .env("WEDOCOD_CONSOLE_DATA_DIR", dir.path())
            .env("WEDOCOD_CONSOLE_CONFIG_DIR", dir.path().join("config"));
        command
    };
    let output = finish(export(&[])).await;
    assert!(output.status.success(), "{output:?}");
    let report = common::cli::json_of(&output);
    let query = ListQuery {
        status: Some("new".into()),
        ..ListQuery::page(1, 1)
    };
    let server_count = common::client(&sandbox)
        .leads()
        .list(&query)
        .await
        .unwrap()
        .total;
    assert_eq!(report["rows"], server_count);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("\u{feff}Reference,Customer,Phone"));
    assert_eq!(
        text.lines().count() as u64,
        1 + report["rows"].as_u64().unwrap()
    );
    assert!(text.lines().skip(1).all(|line| line.contains(",new,")));

    let again = finish(export(&[])).await;
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("--overwrite"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text, "untouched");
    assert!(finish(export(&["--overwrite"])).await.status.success());
}

/// An address where nothing listens: the command says the store cannot be reached and
/// stops (the client tries a server that never answered twice, the export does not wait
/// out a first page that finds no server), with no library log lines on the terminal.
#[tokio::test]
async fn an_address_where_nothing_listens_is_said_at_once_without_log_lines() {
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = format!("http://{}", closed.local_addr().unwrap());
    drop(closed);
    let dir = tempfile::tempdir().unwrap();
    let mut command = Command::new(env!("CARGO_BIN_EXE_wedocod-console"));
    command
        .args(["export", "leads", "-o"])
        .arg(dir.path().join("leads.csv"))
        .args(["--base-url", &address, "--token-env", TOKEN_VARIABLE])
        .env(TOKEN_VARIABLE, "a-token")
        .env("LANG", "en_US.UTF-8")
        .env_remove("RUST_LOG")
        .env("WEDOCOD_CONSOLE_DATA_DIR", dir.path())
        .env("WEDOCOD_CONSOLE_CONFIG_DIR", dir.path().join("config"));
    let output = finish(command).await;
    let said = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{said}");
    assert!(said.contains("cannot be reached"), "{said}");
    assert!(
        !said.contains("INFO") && !said.contains("retrying"),
        "{said}"
    );
    assert!(!dir.path().join("leads.csv").exists());
}
