//! `wedocod-console sandbox` as a user runs it: the real binary, its printed base URL and
//! token, and the real client talking to it.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

use secrecy::SecretString;
use wedocod_api::{ApiProfile, Client, Dialect, ListQuery};

/// Kills the sandbox when the test ends, pass or fail.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::test]
async fn the_sandbox_command_prints_where_it_listens_and_serves() {
    let child = Command::new(env!("CARGO_BIN_EXE_wedocod-console"))
        .args([
            "sandbox",
            "--addr",
            "127.0.0.1:0",
            "--token",
            "cli-test-token",
            "--dialect",
            "v1",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the binary starts");
    let mut running = Running(child);
    let stdout = running.0.stdout.take().unwrap();
    let mut base_url = None;
    for line in BufReader::new(stdout).lines() {
        let line = line.unwrap();
        if let Some(url) = line.trim().strip_prefix("base URL : ") {
            base_url = Some(url.to_string());
        }
        if line.contains("token    : ") {
            assert!(line.ends_with("cli-test-token"));
            break;
        }
    }
    let base_url = base_url.expect("the base URL is printed");
    let profile = ApiProfile::new(&base_url, "/api/web/1.0", Dialect::V1).unwrap();
    let client = Client::new(profile, SecretString::from("cli-test-token")).unwrap();
    let page = client.leads().list(&ListQuery::page(1, 10)).await.unwrap();
    assert_eq!(page.items.len(), 10);
    assert!(page.total >= 300);
}

#[tokio::test]
async fn the_real_api_conditions_are_flags() {
    let child = Command::new(env!("CARGO_BIN_EXE_wedocod-console"))
        .args(["sandbox", "--addr", "127.0.0.1:0", "--no-batch-endpoint"])
        .args([
            "--queue-delay-seconds",
            "30",
            "--clock-skew-seconds",
            "-10800",
        ])
        .args(["--list-order", "oldest-first", "--extra-leads", "1000"])
        .args(["--extra-token", "rotated-1", "--extra-token", "rotated-2"])
        .args(["--faults", "drop202=0.5"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the binary starts");
    let mut running = Running(child);
    let stdout = running.0.stdout.take().unwrap();
    let mut lines = BufReader::new(stdout).lines().map(Result::unwrap);
    let summary = lines.next().unwrap();
    for said in [
        "drop202=0.5",
        "queue delay 30 s",
        "clock skew -10800 s",
        "lists oldest-first",
        "1000 extra leads",
        "2 extra tokens",
    ] {
        assert!(summary.contains(said), "{said}: {summary}");
    }
    let base_url = lines
        .find_map(|line| Some(line.trim().strip_prefix("base URL : ")?.to_string()))
        .expect("the base URL is printed");
    let profile = ApiProfile::new(&base_url, "", Dialect::V2).unwrap();
    let client = Client::new(profile, SecretString::from("rotated-2")).unwrap();
    let page = client.leads().list(&ListQuery::page(1, 10)).await.unwrap();
    assert!(page.total >= 1_300);
    let created: Vec<_> = page.items.iter().map(|l| l.created_at.clone()).collect();
    assert!(
        created.windows(2).all(|pair| pair[0] <= pair[1]),
        "{created:?}"
    );
}

#[test]
fn bad_arguments_exit_with_a_message() {
    let output = Command::new(env!("CARGO_BIN_EXE_wedocod-console"))
        .args(["sandbox", "--faults", "meteor=1"])
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("unknown fault"), "{stderr}");
}

#[test]
fn without_a_display_the_window_explains_instead_of_crashing() {
    let output = Command::new(env!("CARGO_BIN_EXE_wedocod-console"))
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("no graphical display"), "{stderr}");
    assert!(!stderr.contains("panicked"));
}
