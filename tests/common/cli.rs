//! The commands as a merchant runs them: the real binary, its own data folder, the token
//! in an environment variable.

use std::process::Command;

use wedocod_sandbox::Sandbox;

/// The variable the token is passed in (never the command line).
pub const TOKEN_VARIABLE: &str = "WEDOCOD_TEST_TOKEN";

/// A leads file of `count` valid rows (one with an unknown SKU at `bad_sku_at`).
pub fn write_leads(
    dir: &std::path::Path,
    count: usize,
    bad_sku_at: Option<usize>,
) -> std::path::PathBuf {
    let mut csv = String::from("full_name,phone,city,address,sku,quantity,total\n");
    for n in 0..count {
        let sku = if Some(n) == bad_sku_at {
            "ZZZ-404"
        } else {
            "ARG-100"
        };
        csv.push_str(&format!(
            "Client {n},06{:08},Fès,{n} Rue Talaa Kebira,{sku},1,149\n",
            40_000_000 + n
        ));
    }
    let path = dir.join("leads.csv");
    std::fs::write(&path, csv).unwrap();
    path
}

/// `upload` to the sandbox with `token`, keeping its stores and journals in `data_dir`.
pub fn upload(
    sandbox: &Sandbox,
    data_dir: &std::path::Path,
    token: &str,
    args: &[&str],
) -> Command {
    upload_at(sandbox.base_url(), data_dir, token, args)
}

/// `upload` to the API at `base_url` (a sandbox's address, written another way).
pub fn upload_at(
    base_url: &str,
    data_dir: &std::path::Path,
    token: &str,
    args: &[&str],
) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_wedocod-console"));
    command
        .arg("upload")
        .args(args)
        .args([
            "--kind",
            "leads",
            "--base-url",
            base_url,
            "--token-env",
            TOKEN_VARIABLE,
        ])
        .args(["--settle-seconds", "1", "--queue-seconds", "4"])
        .env(TOKEN_VARIABLE, token)
        .env("WEDOCOD_CONSOLE_DATA_DIR", data_dir)
        .env("WEDOCOD_CONSOLE_CONFIG_DIR", data_dir.join("config"));
    command
}

/// The JSON report on standard output.
pub fn json_of(output: &std::process::Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|error| {
        panic!(
            "not JSON ({error}): {}",
            String::from_utf8_lossy(&output.stdout)
        )
    })
}

/// Runs `command` to its end off the test's runtime (the sandbox serves on it).
pub async fn finish(mut command: Command) -> std::process::Output {
    tokio::task::spawn_blocking(move || command.output().unwrap())
        .await
        .unwrap()
}
