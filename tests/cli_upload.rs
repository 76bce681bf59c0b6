//! `wedocod-console upload` as a merchant runs it: the real binary against a real
//! sandbox, its JSON report and exit codes, and a `kill -9` in the middle followed by
//! `--resume`, ending with exactly one server record per row.

mod common;

use std::io::{BufRead, BufReader};
use std::process::Stdio;
use std::time::{Duration, Instant};

use common::cli::{json_of, upload, write_leads};
use common::{posts, sandbox};
use wedocod_api::ResourceName;
use wedocod_sandbox::SandboxConfig;

#[tokio::test]
async fn the_json_report_names_each_refused_cell() {
    let sandbox = sandbox(SandboxConfig::default()).await;
    let dir = tempfile::tempdir().unwrap();
    let file = write_leads(dir.path(), 4, Some(2));
    let mut command = upload(
        &sandbox,
        dir.path(),
        sandbox.token(),
        &[file.to_str().unwrap(), "--json"],
    );
    let output = tokio::task::spawn_blocking(move || command.output().unwrap())
        .await
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report = json_of(&output);
    assert_eq!(report["rows"], 4);
    assert_eq!(report["created"], 3);
    assert_eq!(report["refused"], 1);
    assert!(report["upload_id"].as_str().unwrap().starts_with("up-"));
    let refused = &report["results"][2];
    assert_eq!(refused["line"], 4);
    assert_eq!(refused["status"], "refused");
    assert_eq!(refused["errors"][0]["column"], "sku");
    assert_eq!(refused["errors"][0]["field"], "products.0.sku");
    assert!(
        report["results"][0]["reference"]
            .as_str()
            .unwrap()
            .starts_with("LD-")
    );
}

#[tokio::test]
async fn a_refused_token_sends_nothing_and_exits_2() {
    let sandbox = sandbox(SandboxConfig::default()).await;
    let dir = tempfile::tempdir().unwrap();
    let file = write_leads(dir.path(), 3, None);
    let mut command = upload(
        &sandbox,
        dir.path(),
        "wrong-token",
        &[file.to_str().unwrap(), "--json"],
    );
    let output = tokio::task::spawn_blocking(move || command.output().unwrap())
        .await
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("401"), "{stderr}");
    assert!(!stderr.contains("wrong-token"), "the token never shows");
}

#[tokio::test]
async fn kill_9_mid_upload_then_resume_creates_each_row_once() {
    let sandbox = sandbox(SandboxConfig {
        faults: "slow=120ms".parse().unwrap(),
        rate_limit: 6_000,
        ..SandboxConfig::default()
    })
    .await;
    let before = sandbox.record_count(ResourceName::Leads);
    let dir = tempfile::tempdir().unwrap();
    let file = write_leads(dir.path(), 150, None);
    let file_arg = file.to_str().unwrap().to_string();
    let mut child = upload(
        &sandbox,
        dir.path(),
        sandbox.token(),
        &[&file_arg, "--per-request", "10"],
    )
    .stderr(Stdio::piped())
    .stdout(Stdio::null())
    .spawn()
    .unwrap();
    let stderr = child.stderr.take().unwrap();
    let upload_id = tokio::task::spawn_blocking(move || {
        let line = BufReader::new(stderr).lines().next().unwrap().unwrap();
        line.split_whitespace().nth(1).unwrap().to_string()
    })
    .await
    .unwrap();
    // Let a few requests through, then kill the process where it stands.
    let deadline = Instant::now() + Duration::from_secs(30);
    while posts(&sandbox) < 5 && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    child.kill().unwrap(); // SIGKILL: no clean-up runs
    child.wait().unwrap();
    let created_when_killed = sandbox.record_count(ResourceName::Leads) - before;
    assert!(
        created_when_killed > 0 && created_when_killed < 150,
        "killed mid-run ({created_when_killed})"
    );

    let mut resume = upload(
        &sandbox,
        dir.path(),
        sandbox.token(),
        &[&file_arg, "--resume", &upload_id, "--json"],
    );
    let output = tokio::task::spawn_blocking(move || resume.output().unwrap())
        .await
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report = json_of(&output);
    assert_eq!(report["created"], 150);
    assert_eq!(report["upload_id"], upload_id.as_str());
    assert_eq!(
        sandbox.record_count(ResourceName::Leads) - before,
        150,
        "exactly one record per row"
    );
}

/// A workbook whose first sheet is another table (`Autres`) and whose second (`Semaine`)
/// holds three leads, the second with a SKU the store does not sell.
fn two_table_workbook(dir: &std::path::Path) -> std::path::PathBuf {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let tables: [(&str, &[(&str, &str)]); 2] = [
        (
            "Autres",
            &[
                ("Autre Un", "ARG-100"),
                ("Autre Deux", "ARG-100"),
                ("Autre Trois", "ARG-100"),
            ],
        ),
        (
            "Semaine",
            &[
                ("Salma Tazi", "ARG-100"),
                ("Omar Fassi", "ZZZ-404"),
                ("Hind Alami", "ARG-100"),
            ],
        ),
    ];
    for (index, (name, rows)) in tables.into_iter().enumerate() {
        let sheet = workbook.add_worksheet().set_name(name).unwrap();
        for (column, title) in common::workbook::LEAD_HEADERS.into_iter().enumerate() {
            sheet.write_string(0, column as u16, title).unwrap();
        }
        for (row, (customer, sku)) in rows.iter().enumerate() {
            let line = row as u32 + 1;
            let phone = format!("06{}{:07}", 5 + index, 1_000_000 + row);
            let cells = [*customer, &phone, "Rabat", "12 Rue Oum Rabii", *sku];
            for (column, cell) in cells.into_iter().enumerate() {
                sheet.write_string(line, column as u16, cell).unwrap();
            }
            sheet.write_number(line, 5, 1.0).unwrap();
            sheet.write_number(line, 6, 149.0).unwrap();
        }
    }
    let path = dir.join("leads.xlsx");
    workbook.save(&path).unwrap();
    path
}

#[tokio::test]
async fn a_resume_reads_the_sheet_its_upload_read_and_refuses_another() {
    let sandbox = sandbox(SandboxConfig::default()).await;
    let before = sandbox.record_count(ResourceName::Leads);
    let dir = tempfile::tempdir().unwrap();
    let file = two_table_workbook(dir.path());
    let file = file.to_str().unwrap();
    let run = |args: &[&str]| {
        let mut command = upload(&sandbox, dir.path(), sandbox.token(), args);
        tokio::task::spawn_blocking(move || command.output().unwrap())
    };
    let first = run(&[file, "--sheet", "Semaine", "--skip-invalid", "--json"])
        .await
        .unwrap();
    let report = json_of(&first);
    assert_eq!(
        (report["created"].as_u64(), report["rows"].as_u64()),
        (Some(2), Some(3))
    );
    let upload_id = report["upload_id"].as_str().unwrap().to_string();

    // Without --sheet the journal's sheet is read: the unsold SKU is still there, nothing
    // is sent (reading `Autres`, its line 3 would have gone as a "fix" of Omar's row).
    let resumed = run(&[file, "--resume", &upload_id, "--skip-invalid", "--json"])
        .await
        .unwrap();
    let report = json_of(&resumed);
    assert_eq!(report["created"], 2, "{report}");
    assert_eq!(sandbox.record_count(ResourceName::Leads) - before, 2);

    let other = run(&[file, "--resume", &upload_id, "--sheet", "Autres"])
        .await
        .unwrap();
    assert_eq!(other.status.code(), Some(2));
    let said = String::from_utf8_lossy(&other.stderr);
    assert!(
        said.contains(r#"read the sheet "Semaine", not the sheet "Autres""#),
        "{said}"
    );
    assert_eq!(sandbox.record_count(ResourceName::Leads) - before, 2);
}
