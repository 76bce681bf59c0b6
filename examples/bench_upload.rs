//! Upload benchmark (release): 10,000 leads to an in-process sandbox limited to N
//! requests a minute, in requests of 100, timed against the ideal `ceil(rows/100)/N`
//! minutes: once with requests answered in place (sync threshold 100), once with the
//! contract's default threshold of 10, where every request becomes a queued batch whose
//! outcome costs one more request (`GET /batches/{id}`) of the same budget; then the
//! queued upload with faults injected, counting the server's records.
//! Prints figures; asserts nothing.
//!
//! Usage: bench_upload [ROWS] [REQUESTS_PER_MINUTE] [FAULTS]

use std::process::ExitCode;
use std::time::{Duration, Instant};

use secrecy::SecretString;
use wedocod_api::{ApiProfile, Client, Dialect, Leads, ResourceName};
use wedocod_core::stores::StoreHome;
use wedocod_core::upload::{Control, Engine, UploadReport, UploadSettings};
use wedocod_import::Sheet;
use wedocod_import::ValidateSettings;
use wedocod_sandbox::{Sandbox, SandboxConfig};

fn leads(rows: usize, first_phone: usize) -> Vec<u8> {
    let mut csv = String::from("full_name,phone,city,address,sku,quantity,total\n");
    for n in 0..rows {
        csv.push_str(&format!(
            "Client {n},06{:08},Casablanca,{n} Boulevard Zerktouni,ARG-100,1,149\n",
            first_phone + n
        ));
    }
    csv.into_bytes()
}

/// Uploads `rows` leads; returns the elapsed time, the report and the records created.
async fn run(
    rows: usize,
    sandbox: SandboxConfig,
    first_phone: usize,
) -> (Duration, UploadReport, usize) {
    let sandbox = Sandbox::start(sandbox).await.expect("the sandbox starts");
    let before = sandbox.record_count(ResourceName::Leads);
    let profile = ApiProfile::new(sandbox.base_url(), "", Dialect::V2).expect("loopback");
    let client =
        Client::new(profile, SecretString::from(sandbox.token().to_string())).expect("a client");
    let sheet = Sheet::load(
        leads(rows, first_phone),
        &ValidateSettings::new(ResourceName::Leads),
    )
    .expect("the file");
    // Removed when the run ends.
    let journal = tempfile::tempdir().expect("a temporary folder");
    let settings = UploadSettings::new(StoreHome::detached(journal.path().to_path_buf()));
    let start = Instant::now();
    let mut engine = Engine::<Leads>::start(
        client,
        "bench.csv",
        sheet.leads(),
        sheet.mapping.clone(),
        settings,
    )
    .expect("the upload starts");
    if let Err(error) = engine.run(&Control::new(), &mut |_| {}).await {
        eprintln!("the upload stopped: {error}");
    }
    let elapsed = start.elapsed();
    let report = UploadReport::of(engine.state());
    (
        elapsed,
        report,
        sandbox.record_count(ResourceName::Leads) - before,
    )
}

/// `actual` as a percentage of `ideal` (above 100 % when faster).
fn percent_of(ideal: Duration, actual: Duration) -> f64 {
    ideal.as_secs_f64() / actual.as_secs_f64() * 100.0
}

fn print_outcome(rows: usize, report: &UploadReport, records: usize) {
    println!(
        "  created {} of {rows}; server records added: {records} ({})",
        report.created,
        if records == rows {
            "exactly one per row"
        } else {
            "MISMATCH"
        }
    );
}

#[tokio::main]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let rows: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let per_minute: u32 = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(60);
    let faults = args
        .get(3)
        .cloned()
        .unwrap_or_else(|| "storm429=0.05,commit500=0.02,drop=0.02".into());
    let requests = rows.div_ceil(100);
    let minutes =
        |requests: usize| Duration::from_secs_f64(requests as f64 / f64::from(per_minute) * 60.0);
    let ideal = minutes(requests);
    // Queued: one create and one status request per 100 rows, less the limit's initial
    // burst of `per_minute` requests.
    let queued_floor = minutes((2 * requests).saturating_sub(per_minute as usize));
    let limited = |sync_threshold: usize, faults: &str| SandboxConfig {
        rate_limit: per_minute,
        sync_threshold,
        faults: faults.parse().expect("a fault spec"),
        ..SandboxConfig::default()
    };
    println!(
        "{rows} leads, {requests} requests of 100, rate limit {per_minute}/min; ideal {:.1} s",
        ideal.as_secs_f64()
    );

    let (elapsed, report, records) = run(rows, limited(100, ""), 10_000_000).await;
    println!(
        "answered in place (sync threshold 100): {:.1} s = {:.0} % of the ideal (the limit's initial burst lets it beat the steady-state ideal)",
        elapsed.as_secs_f64(),
        percent_of(ideal, elapsed)
    );
    print_outcome(rows, &report, records);

    let (elapsed, report, records) = run(rows, limited(10, ""), 20_000_000).await;
    println!(
        "queued batches (default threshold 10): {:.1} s = {:.0} % of the ideal, {:.0} % of the floor of {:.1} s that one status request per batch sets",
        elapsed.as_secs_f64(),
        percent_of(ideal, elapsed),
        percent_of(queued_floor, elapsed),
        queued_floor.as_secs_f64()
    );
    print_outcome(rows, &report, records);

    let (elapsed, report, records) = run(rows, limited(10, &faults), 30_000_000).await;
    println!(
        "queued batches with faults ({faults}): {:.1} s",
        elapsed.as_secs_f64()
    );
    print_outcome(rows, &report, records);
    ExitCode::SUCCESS
}
