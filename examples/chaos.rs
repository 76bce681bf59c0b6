//! The promise under chaos (`scripts/chaos`): uploads of thousands of rows to two stores
//! on one sandbox address, with the sandbox's faults on (500s after storing, dropped
//! connections, 429 storms), the `upload` command killed with SIGKILL at random
//! moments, journals torn the way a power cut tears them, and two resumers started at
//! once. At the end each store must hold exactly one record per row. Prints the
//! figures; exits 1 if a row is missing or duplicated.
//!
//! A second pass then meets the real API's conditions (issue 22, [`real_conditions`]): no
//! batch endpoint, queues of 30 s, dropped 202s, a server clock 2 minutes ahead or 3 hours
//! behind, 10,000 records in the store, two addresses for one account, a rotated token, a
//! resume after the file was edited.
//!
//! Usage: chaos [UPLOADS] [ROWS] [SEED] [REAL_ROWS] (default 20 uploads of 2,000 rows,
//! then four uploads of 300 rows in the second pass; REAL_ROWS 0 skips it, UPLOADS 0 the
//! first pass).

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use secrecy::SecretString;
use wedocod_api::{ApiProfile, Dialect, ResourceName};
use wedocod_core::stores;
use wedocod_sandbox::{Sandbox, SandboxConfig};

const TOKEN_VARIABLE: &str = "WEDOCOD_CHAOS_TOKEN";
/// Resume rounds one upload may take before the run gives up on it.
const MAX_ROUNDS: usize = 40;
/// What a power cut leaves at the end of a journal: the start of a line never finished.
const TORN_TAILS: [&str; 3] = [
    "{\"event\":\"sending\",\"request\":9",
    "{\"event\":\"revised\",\"row\":3,\"item\":{\"full_name\":\"محمد بن",
    "\0\0\0\0\0\0\0\0",
];

#[derive(Debug, Default)]
struct Figures {
    uploads: usize,
    rows: usize,
    processes: usize,
    kills: usize,
    torn_tails: usize,
    resumers_refused: usize,
    rounds: usize,
}

/// The console binary next to this example (`target/<profile>/wedocod-console`).
fn console_binary() -> PathBuf {
    let exe = std::env::current_exe().expect("the example's path");
    let profile_dir = exe
        .parent()
        .and_then(Path::parent)
        .expect("target/<profile>/examples");
    profile_dir.join(format!("wedocod-console{}", std::env::consts::EXE_SUFFIX))
}

fn write_file(dir: &Path, upload: usize, rows: usize) -> PathBuf {
    let path = dir.join(format!("chaos-{upload:02}.csv"));
    let mut file = std::io::BufWriter::new(std::fs::File::create(&path).expect("the file"));
    writeln!(file, "full_name,phone,city,address,sku,quantity,total").expect("written");
    for row in 0..rows {
        let n = upload * rows + row;
        writeln!(
            file,
            "Client Chaos {n},06{:08},Marrakech,{row} Derb Dabachi,ARG-100,1,149",
            20_000_000 + n
        )
        .expect("written");
    }
    path
}

struct Run<'a> {
    sandbox: &'a Sandbox,
    data_dir: &'a Path,
    token: &'a str,
    file: &'a Path,
}

impl Run<'_> {
    fn command(&self, extra: &[&str]) -> Command {
        let mut command = Command::new(console_binary());
        command
            .arg("upload")
            .arg(self.file)
            .args(["--kind", "leads", "--base-url", self.sandbox.base_url()])
            // The settle window merchants get (20 s). Shorter windows (2 s, then 5 s) let
            // the sandbox, busy with twenty uploads' batches on two cores, finish a lost
            // request's batch after its rows had been declared missing and sent again:
            // the limit the README states for any settle window, met early. Requests
            // killed in flight may sit in the sandbox's queue: a queue window of 30 s (the
            // merchants' 10 minutes would make each such resume wait that long when the
            // request never left), longer than the 20 s that always held for them here.
            .args(["--token-env", TOKEN_VARIABLE, "--settle-seconds", "20"])
            .args(["--queue-seconds", "30"])
            .args(extra)
            .env(TOKEN_VARIABLE, self.token)
            .env("WEDOCOD_CONSOLE_DATA_DIR", self.data_dir)
            .env("WEDOCOD_CONSOLE_CONFIG_DIR", self.data_dir.join("config"))
            .stdin(Stdio::null());
        command
    }

    /// The journal of `upload_id`, where the command keeps it.
    fn journal(&self, upload_id: &str) -> PathBuf {
        let api = ApiProfile::new(self.sandbox.base_url(), "", Dialect::V2).expect("loopback");
        let token = SecretString::from(self.token.to_string());
        stores::create(self.data_dir, &api, &token)
            .expect("the store")
            .journals()
            .join(format!("{upload_id}.jsonl"))
    }
}

/// Kills `child` with SIGKILL after `delay` unless it ended first; whether it killed.
fn kill_after(child: &mut Child, delay: Duration) -> bool {
    let deadline = Instant::now() + delay;
    while Instant::now() < deadline {
        if let Ok(Some(_)) = child.try_wait() {
            return false;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let killed = child.kill().is_ok();
    let _ = child.wait();
    killed
}

/// One upload from its start to every row in the store, whatever happens on the way;
/// its id, and whether it finished.
fn upload_with_chaos(
    run: &Run,
    rows: usize,
    rng: &mut StdRng,
    figures: &mut Figures,
) -> (Option<String>, bool) {
    let mut first = run
        .command(&[])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the command starts");
    figures.processes += 1;
    let mut stderr = BufReader::new(first.stderr.take().expect("piped"));
    let mut line = String::new();
    let _ = stderr.read_line(&mut line);
    let Some(upload_id) = line.split_whitespace().nth(1).map(str::to_string) else {
        eprintln!("the upload did not start: {line}");
        let _ = first.kill();
        let _ = first.wait();
        return (None, false);
    };
    // Keep reading so the command never blocks on a full pipe.
    std::thread::spawn(move || std::io::copy(&mut stderr, &mut std::io::sink()));
    if rng.random_bool(0.7) && kill_after(&mut first, rng.random_range(100..4_000).ms()) {
        figures.kills += 1;
    } else if first.wait().is_ok_and(|status| status.success()) {
        return (Some(upload_id), true);
    }
    let resume = ["--resume", upload_id.as_str(), "--json"];
    for _ in 0..MAX_ROUNDS {
        figures.rounds += 1;
        if rng.random_bool(0.5) {
            let tail = TORN_TAILS[rng.random_range(0..TORN_TAILS.len())];
            let cut = rng.random_range(1..=tail.len());
            let mut journal = std::fs::OpenOptions::new()
                .append(true)
                .open(run.journal(&upload_id))
                .expect("the journal");
            journal
                .write_all(&tail.as_bytes()[..cut])
                .expect("torn tail written");
            figures.torn_tails += 1;
        }
        let resumers = if rng.random_bool(0.5) { 2 } else { 1 };
        let mut children: Vec<Child> = (0..resumers)
            .map(|_| {
                run.command(&resume)
                    .stdout(Stdio::piped())
                    .stderr(Stdio::piped())
                    .spawn()
                    .expect("the command starts")
            })
            .collect();
        figures.processes += resumers;
        if rng.random_bool(0.3) && kill_after(&mut children[0], rng.random_range(100..3_000).ms()) {
            figures.kills += 1;
        }
        let mut done = false;
        for child in children {
            let Ok(output) = child.wait_with_output() else {
                continue;
            };
            let stderr = String::from_utf8_lossy(&output.stderr);
            if stderr.contains("running in another window or command") {
                figures.resumers_refused += 1;
            }
            if output.status.success() {
                let report: serde_json::Value =
                    serde_json::from_slice(&output.stdout).unwrap_or_default();
                done |= report["created"] == rows;
            }
        }
        if done {
            return (Some(upload_id), true);
        }
    }
    eprintln!("upload {upload_id} did not finish in {MAX_ROUNDS} rounds");
    (Some(upload_id), false)
}

trait Millis {
    fn ms(self) -> Duration;
}

impl Millis for u64 {
    fn ms(self) -> Duration {
        Duration::from_millis(self)
    }
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut number = |default: u64| {
        args.next()
            .and_then(|text| text.parse().ok())
            .unwrap_or(default)
    };
    let (uploads, rows, seed) = (number(20) as usize, number(2_000) as usize, number(7));
    let real_rows = number(300) as usize;
    // The sandboxes serve from the runtime's threads while this one drives the commands.
    let runtime = tokio::runtime::Runtime::new().expect("a runtime");
    let first = faults_and_kills(&runtime, uploads, rows, seed);
    let second = real_rows == 0 || real_conditions::pass(&runtime, real_rows, seed);
    if first && second {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// The first pass: many uploads against faults, SIGKILLs, torn journals and concurrent
/// resumers, on a sandbox with its batch endpoint and its own clock. Whether every store
/// holds exactly one record per row.
fn faults_and_kills(
    runtime: &tokio::runtime::Runtime,
    uploads: usize,
    rows: usize,
    seed: u64,
) -> bool {
    let sandbox = runtime
        .block_on(Sandbox::start(SandboxConfig {
            faults: "commit500=0.03,drop=0.03,fail500=0.02,storm429=0.01"
                .parse()
                .expect("faults"),
            rate_limit: 100_000,
            batch_row_delay: Duration::from_micros(200),
            seed,
            ..SandboxConfig::default()
        }))
        .expect("the sandbox starts");
    let tokens = [sandbox.token().to_string(), sandbox.add_store()];
    let before: Vec<usize> = tokens.iter().map(|token| count(&sandbox, token)).collect();
    let folder = tempfile::tempdir().expect("a temporary folder");
    let started = Instant::now();
    let mut rng = StdRng::seed_from_u64(seed);
    let mut figures = Figures::default();
    let mut expected = [0usize; 2];
    let mut unfinished = 0;
    let mut exact_so_far = true;
    let mut surplus_seen = [0i64; 2];
    for upload in 0..uploads {
        let store = upload % 2;
        let file = write_file(folder.path(), upload, rows);
        let run = Run {
            sandbox: &sandbox,
            data_dir: folder.path(),
            token: &tokens[store],
            file: &file,
        };
        let (upload_id, finished) = upload_with_chaos(&run, rows, &mut rng, &mut figures);
        if !finished {
            unfinished += 1;
        }
        expected[store] += rows;
        // Which upload broke the promise, with its journal kept for a post-mortem.
        let held = count(&sandbox, &tokens[store]) - before[store];
        let surplus = held as i64 - expected[store] as i64;
        if surplus != surplus_seen[store] {
            surplus_seen[store] = surplus;
            let kept = std::env::temp_dir().join(format!("chaos-upload-{upload:02}.jsonl"));
            if let Some(id) = &upload_id {
                let _ = std::fs::copy(run.journal(id), &kept);
            }
            println!(
                "  upload {upload} ({}): the store holds {held} records for {} rows so far; journal kept in {}",
                upload_id.as_deref().unwrap_or("never started"),
                expected[store],
                kept.display()
            );
            exact_so_far = false;
        }
        figures.uploads += 1;
        figures.rows += rows;
    }
    let posts = sandbox
        .request_log()
        .iter()
        .filter(|request| request.method == "POST")
        .count();
    let seconds = started.elapsed().as_secs_f64();
    let held: Vec<usize> = tokens
        .iter()
        .zip(&before)
        .map(|(token, before)| count(&sandbox, token) - before)
        .collect();
    println!(
        "chaos: {} uploads of {rows} rows ({} rows) to 2 stores on one address, seed {seed}, {seconds:.0} s",
        figures.uploads, figures.rows
    );
    println!(
        "  {} processes, {} killed with SIGKILL, {} torn journal tails, {} resume rounds, {} resumers refused as running elsewhere, {posts} create requests",
        figures.processes,
        figures.kills,
        figures.torn_tails,
        figures.rounds,
        figures.resumers_refused
    );
    let mut exact = unfinished == 0 && exact_so_far;
    for (store, (held, expected)) in held.iter().zip(expected).enumerate() {
        let missing = expected.saturating_sub(*held);
        let duplicated = held.saturating_sub(expected);
        println!(
            "  store {}: {held} records for {expected} rows: {missing} missing, {duplicated} duplicated",
            ["A", "B"][store]
        );
        exact &= missing == 0 && duplicated == 0;
    }
    if unfinished > 0 {
        println!("  {unfinished} upload(s) did not finish");
    }
    println!(
        "{}",
        if exact {
            "every store holds exactly one record per row"
        } else {
            "THE PROMISE BROKE: see the figures above"
        }
    );
    exact
}

fn count(sandbox: &Sandbox, token: &str) -> usize {
    sandbox
        .record_count_of(token, ResourceName::Leads)
        .expect("a known token")
}

/// The second pass: the real API's conditions (issue 22). Four uploads of a few hundred
/// rows run at once against two sandboxes that behave like the documented API rather than
/// like a helpful test server: no `GET /batches/{id}`, a queue that starts a batch only
/// after 30 s, 202s lost on the way back (`drop202`), a server clock 2 minutes ahead (and,
/// for one upload, 3 hours behind), 10,000 older leads in the store. Each upload meets one
/// more condition:
///
/// - *two addresses*: started at `http://localhost:PORT`, killed, resumed at
///   `http://127.0.0.1:PORT` (the same account);
/// - *rotated token*: started with one token, killed, the token revoked, resumed with the
///   account's new token;
/// - *edited file*: a row the console cannot send is skipped (`--skip-invalid`); then the
///   merchant deletes it and another row, sorts the file and resumes;
/// - *clock behind*: killed and resumed where the server's clock is 3 hours behind.
///
/// Where the console refuses a resume, the pass does what a merchant would: starts the file
/// again at that address (with `--skip-sent` when told rows were already sent). At the end
/// every row still in a file must have exactly one record, the row that could not be sent
/// none, the deleted valid row at most one (it may have been sent before the edit).
mod real_conditions {
    use std::collections::HashMap;
    use std::io::Read;

    use super::*;

    /// The merchants' settle window (for rows of an answered failure), and a queue window
    /// (for rows that may sit in the server's queue) twice the queue's delay: the engine
    /// concludes nothing on those rows before it has passed.
    const SETTLE_SECONDS: &str = "20";
    const QUEUE_SECONDS: &str = "60";
    /// Six requests per 300 rows, each over the sync threshold: every one is queued (202).
    const PER_REQUEST: &str = "50";
    const QUEUE: Duration = Duration::from_secs(30);
    /// A process running longer is killed and reported (an engine polling for ever).
    const PROCESS_LIMIT: Duration = Duration::from_secs(150);
    /// No new run starts after this: the pass stays within about four minutes.
    const BUDGET: Duration = Duration::from_secs(170);
    /// Runs after the first one: resumes, or starting the file again when refused.
    const MAX_RUNS: usize = 3;
    const OLD_TOKEN: &str = "chaos-token-before-rotation";
    const NEW_TOKEN: &str = "chaos-token-after-rotation";

    #[derive(Debug, Clone, Copy, PartialEq)]
    enum Scenario {
        TwoAddresses,
        RotatedToken,
        EditedFile,
        ClockBehind,
    }

    const SCENARIOS: [Scenario; 4] = [
        Scenario::TwoAddresses,
        Scenario::RotatedToken,
        Scenario::EditedFile,
        Scenario::ClockBehind,
    ];

    impl Scenario {
        fn title(self) -> &'static str {
            match self {
                Scenario::TwoAddresses => "two addresses (localhost, then 127.0.0.1), clock +2 min",
                Scenario::RotatedToken => "rotated token, clock +2 min",
                Scenario::EditedFile => "resume after editing the file, clock +2 min",
                Scenario::ClockBehind => "killed and resumed, clock -3 h",
            }
        }
    }

    /// One row of a scenario's file; its phone is unique in the whole pass, so the records
    /// of a row are the records with its phone.
    #[derive(Debug, Clone)]
    struct Row {
        name: String,
        phone: String,
        /// False for the row the console must not send (a quantity of 0).
        valid: bool,
    }

    impl Row {
        /// The row's line: its address is its own (from its phone), so sorting the file
        /// moves rows without changing them.
        fn csv(&self) -> String {
            let quantity = if self.valid { 1 } else { 0 };
            let number = &self.phone[self.phone.len() - 4..];
            format!(
                "{},{},Rabat,{number} Avenue Hassan II,ARG-100,{quantity},149",
                self.name, self.phone
            )
        }
    }

    fn rows_of(scenario: usize, count: usize, with_invalid: bool) -> Vec<Row> {
        (0..count)
            .map(|index| Row {
                name: format!("Client Réel {scenario}-{index:04}"),
                phone: format!("07{:08}", 30_000_000 + scenario * 100_000 + index),
                valid: !(with_invalid && index == 7),
            })
            .collect()
    }

    fn write_rows(path: &Path, rows: &[Row]) {
        let mut text = String::from("full_name,phone,city,address,sku,quantity,total\n");
        for row in rows {
            text += &row.csv();
            text.push('\n');
        }
        std::fs::write(path, text).expect("the file is written");
    }

    /// What the final check needs of one scenario.
    struct Expectation {
        /// Rows of the final file the console may send: one record each.
        intended: Vec<Row>,
        /// Valid rows deleted from the file: at most one record each.
        deleted: Vec<Row>,
        /// The row the console must never send: no record.
        unsendable: Vec<Row>,
    }

    struct Scene<'a> {
        scenario: Scenario,
        sandbox: &'a Sandbox,
        token: String,
        data_dir: PathBuf,
        file: PathBuf,
        started: Instant,
        notes: Vec<String>,
    }

    /// What a finished (or killed) command left.
    struct Ran {
        code: Option<i32>,
        report: Option<serde_json::Value>,
        stderr: String,
        timed_out: bool,
    }

    impl Scene<'_> {
        fn command(&self, base_url: &str, token: &str, extra: &[&str]) -> Command {
            let mut command = Command::new(console_binary());
            command
                .arg("upload")
                .arg(&self.file)
                .args(["--kind", "leads", "--base-url", base_url])
                .args(["--token-env", TOKEN_VARIABLE])
                .args([
                    "--settle-seconds",
                    SETTLE_SECONDS,
                    "--queue-seconds",
                    QUEUE_SECONDS,
                    "--per-request",
                    PER_REQUEST,
                ])
                .args(extra)
                .env(TOKEN_VARIABLE, token)
                .env("WEDOCOD_CONSOLE_DATA_DIR", &self.data_dir)
                .env("WEDOCOD_CONSOLE_CONFIG_DIR", self.data_dir.join("config"))
                .stdin(Stdio::null());
            command
        }

        fn note(&mut self, text: String) {
            self.notes.push(text);
        }

        /// Starts an upload and kills it with SIGKILL once its journal shows a second
        /// request on its way (rows sent, their answers unknown or still queued), or
        /// reports that it ended first. The upload's id.
        fn start_and_kill(&mut self, base_url: &str, token: &str) -> Option<String> {
            let mut child = self
                .command(base_url, token, &[])
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .expect("the command starts");
            let mut stderr = BufReader::new(child.stderr.take().expect("piped"));
            let mut line = String::new();
            let _ = stderr.read_line(&mut line);
            std::thread::spawn(move || std::io::copy(&mut stderr, &mut std::io::sink()));
            let Some(id) = upload_id_in(&line) else {
                let _ = child.kill();
                let _ = child.wait();
                self.note(format!(
                    "first run at {base_url} did not start: {}",
                    line.trim()
                ));
                return None;
            };
            let deadline = Instant::now() + Duration::from_secs(60);
            loop {
                if let Ok(Some(status)) = child.try_wait() {
                    self.note(format!(
                        "first run {id} at {base_url} ended before the kill ({status})"
                    ));
                    return Some(id);
                }
                let sending = find_journal(&self.data_dir, &id)
                    .and_then(|path| std::fs::read_to_string(path).ok())
                    .map_or(0, |text| text.matches("\"event\":\"sending\"").count());
                if sending >= 2 || Instant::now() >= deadline {
                    let _ = child.kill();
                    let _ = child.wait();
                    self.note(format!(
                        "first run {id} at {base_url}: SIGKILL with {sending} request(s) sent"
                    ));
                    return Some(id);
                }
                std::thread::sleep(Duration::from_millis(10));
            }
        }

        /// Runs a command to its end (or kills it at the limit) and reads its JSON report.
        fn run(&self, mut command: Command) -> Ran {
            let mut child = command
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("the command starts");
            let mut out = child.stdout.take().expect("piped");
            let mut err = child.stderr.take().expect("piped");
            let out = std::thread::spawn(move || {
                let mut bytes = Vec::new();
                let _ = out.read_to_end(&mut bytes);
                bytes
            });
            let err = std::thread::spawn(move || {
                let mut text = String::new();
                let _ = err.read_to_string(&mut text);
                text
            });
            let deadline = Instant::now() + PROCESS_LIMIT;
            let timed_out = loop {
                if let Ok(Some(_)) = child.try_wait() {
                    break false;
                }
                if Instant::now() >= deadline {
                    let _ = child.kill();
                    break true;
                }
                std::thread::sleep(Duration::from_millis(50));
            };
            let code = child.wait().ok().and_then(|status| status.code());
            let stdout = out.join().unwrap_or_default();
            let report = serde_json::from_slice::<serde_json::Value>(&stdout)
                .ok()
                .filter(|report| report["upload_id"].is_string());
            Ran {
                code,
                report,
                stderr: err.join().unwrap_or_default(),
                timed_out,
            }
        }

        /// Runs resumes of `id` until the upload's report says every row is settled; when
        /// a resume is refused, starts the file again as a merchant would.
        fn settle(&mut self, base_url: &str, token: &str, mut id: Option<String>, extra: &[&str]) {
            let mut skip_sent = false;
            for _ in 0..MAX_RUNS {
                if self.started.elapsed() >= BUDGET {
                    self.note("out of time: no further run".into());
                    return;
                }
                let mut args: Vec<&str> = vec!["--json"];
                args.extend(extra);
                let what = match &id {
                    Some(id) => {
                        args.extend(["--resume", id.as_str()]);
                        format!("resume of {id} at {base_url}")
                    }
                    None if skip_sent => {
                        args.push("--skip-sent");
                        format!("the file again at {base_url} with --skip-sent")
                    }
                    None => format!("the file again at {base_url}"),
                };
                let ran = self.run(self.command(base_url, token, &args));
                let code = ran.code.map_or("killed".into(), |code| code.to_string());
                let Some(report) = ran.report else {
                    if ran.timed_out {
                        self.note(format!(
                            "{what}: still running after {} s, killed (no report)",
                            PROCESS_LIMIT.as_secs()
                        ));
                        return;
                    }
                    let said = ran.stderr.lines().last().unwrap_or_default().trim();
                    self.note(format!("{what}: refused, exit {code}: {said}"));
                    match id.take() {
                        Some(_) => {}
                        None if !skip_sent => skip_sent = true,
                        None => return,
                    }
                    continue;
                };
                let figure = |name: &str| report[name].as_u64().unwrap_or(0);
                self.note(format!(
                    "{what}: exit {code}{}, created {} refused {} not confirmed {} skipped {} pending {} of {} rows",
                    if ran.timed_out { " (killed at the limit)" } else { "" },
                    figure("created"),
                    figure("refused"),
                    figure("unknown"),
                    figure("skipped"),
                    figure("pending"),
                    figure("rows"),
                ));
                id = report["upload_id"].as_str().map(str::to_string);
                if figure("refused") + figure("unknown") + figure("pending") == 0 {
                    return;
                }
            }
        }

        /// How many records the account holds for `row` now.
        fn records_of(&self, row: &Row) -> usize {
            phone_counts(self.sandbox, &self.token)
                .get(&phone_key(&row.phone))
                .copied()
                .unwrap_or(0)
        }
    }

    /// `up-…`, the id the first line of `upload` names, whatever the language.
    fn upload_id_in(line: &str) -> Option<String> {
        line.split(|c: char| c.is_whitespace() || "\"'«»“”:,.".contains(c))
            .find(|word| word.starts_with("up-"))
            .map(str::to_string)
    }

    /// `ID.jsonl` anywhere under `dir`: where the store's folder is depends on the store
    /// identity, which this pass does not presume.
    fn find_journal(dir: &Path, id: &str) -> Option<PathBuf> {
        let name = format!("{id}.jsonl");
        for entry in std::fs::read_dir(dir).ok()?.flatten() {
            let path = entry.path();
            if path.is_dir() {
                if let Some(found) = find_journal(&path, id) {
                    return Some(found);
                }
            } else if path.file_name().is_some_and(|file| file == name.as_str()) {
                return Some(path);
            }
        }
        None
    }

    /// Copies every journal under `dir` to the temporary folder, for a post-mortem; where.
    fn keep_journals(dir: &Path, index: usize) -> Vec<PathBuf> {
        let mut kept = Vec::new();
        let Ok(entries) = std::fs::read_dir(dir) else {
            return kept;
        };
        for path in entries.flatten().map(|entry| entry.path()) {
            if path.is_dir() {
                kept.extend(keep_journals(&path, index));
            } else if path.extension().is_some_and(|ext| ext == "jsonl") {
                let name = path.file_name().unwrap_or_default().to_string_lossy();
                let copy = std::env::temp_dir().join(format!("chaos-real-{index}-{name}"));
                if std::fs::copy(&path, &copy).is_ok() {
                    kept.push(copy);
                }
            }
        }
        kept
    }

    /// The last nine digits: the console sends `0730000001` as `+212730000001`.
    fn phone_key(phone: &str) -> String {
        let digits: Vec<char> = phone.chars().filter(char::is_ascii_digit).collect();
        digits[digits.len().saturating_sub(9)..].iter().collect()
    }

    /// How many records the account holds per phone (by [`phone_key`]).
    fn phone_counts(sandbox: &Sandbox, token: &str) -> HashMap<String, usize> {
        let mut counts = HashMap::new();
        for lead in sandbox.leads_of(token).expect("a known token") {
            if let Some(phone) = lead.phone {
                *counts.entry(phone_key(&phone)).or_insert(0) += 1;
            }
        }
        counts
    }

    fn play(scene: &mut Scene, rows: usize, index: usize) -> Expectation {
        let all = rows_of(index, rows, scene.scenario == Scenario::EditedFile);
        write_rows(&scene.file, &all);
        let base_url = scene.sandbox.base_url().to_string();
        let token = scene.token.clone();
        match scene.scenario {
            Scenario::TwoAddresses => {
                let localhost = base_url.replace("127.0.0.1", "localhost");
                let id = scene.start_and_kill(&localhost, &token);
                scene.settle(&base_url, &token, id, &[]);
            }
            Scenario::RotatedToken => {
                let id = scene.start_and_kill(&base_url, OLD_TOKEN);
                scene.sandbox.revoke_token(OLD_TOKEN);
                scene.note("the first token revoked; the account's new token from now on".into());
                scene.settle(&base_url, NEW_TOKEN, id, &[]);
            }
            Scenario::ClockBehind => {
                let id = scene.start_and_kill(&base_url, &token);
                scene.settle(&base_url, &token, id, &[]);
            }
            Scenario::EditedFile => {
                let first =
                    scene.run(scene.command(&base_url, &token, &["--json", "--skip-invalid"]));
                let id = first
                    .report
                    .as_ref()
                    .and_then(|report| report["upload_id"].as_str().map(str::to_string));
                scene.note(format!(
                    "first run with --skip-invalid: exit {}, created {} skipped {}",
                    first.code.map_or("killed".into(), |code| code.to_string()),
                    first
                        .report
                        .as_ref()
                        .map_or(0, |r| r["created"].as_u64().unwrap_or(0)),
                    first
                        .report
                        .as_ref()
                        .map_or(0, |r| r["skipped"].as_u64().unwrap_or(0)),
                ));
                // The merchant deletes the bad row and the last one, and sorts the rest.
                let deleted = all[all.len() - 1].clone();
                let held = scene.records_of(&deleted);
                let mut kept: Vec<Row> = all[..all.len() - 1]
                    .iter()
                    .filter(|row| row.valid)
                    .cloned()
                    .collect();
                kept.sort_by(|a, b| b.name.cmp(&a.name));
                write_rows(&scene.file, &kept);
                scene.note(format!(
                    "file edited: the unsendable row and {} (records then: {held}) deleted, {} rows sorted in reverse",
                    deleted.name,
                    kept.len()
                ));
                scene.settle(&base_url, &token, id, &["--skip-invalid"]);
                return Expectation {
                    intended: kept,
                    deleted: vec![deleted],
                    unsendable: all.into_iter().filter(|row| !row.valid).collect(),
                };
            }
        }
        Expectation {
            intended: all,
            deleted: Vec::new(),
            unsendable: Vec::new(),
        }
    }

    fn real_sandbox(runtime: &tokio::runtime::Runtime, seed: u64, clock_skew: i64) -> Sandbox {
        runtime
            .block_on(Sandbox::start(SandboxConfig {
                faults: "drop202=0.2".parse().expect("faults"),
                batch_endpoint: false,
                queue_delay: QUEUE,
                clock_skew,
                extra_leads: 10_000,
                extra_tokens: vec![OLD_TOKEN.into(), NEW_TOKEN.into()],
                rate_limit: 100_000,
                batch_row_delay: Duration::from_millis(2),
                seed,
                ..SandboxConfig::default()
            }))
            .expect("the sandbox starts")
    }

    /// Runs the pass and prints its figures; whether every row has exactly its records.
    pub fn pass(runtime: &tokio::runtime::Runtime, rows: usize, seed: u64) -> bool {
        let ahead = real_sandbox(runtime, seed, 120);
        let behind = real_sandbox(runtime, seed, -3 * 3_600);
        let folder = tempfile::tempdir().expect("a temporary folder");
        let started = Instant::now();
        let played: Vec<(Scene, Expectation)> = std::thread::scope(|scope| {
            let handles: Vec<_> = SCENARIOS
                .iter()
                .enumerate()
                .map(|(index, &scenario)| {
                    let sandbox = if scenario == Scenario::ClockBehind {
                        &behind
                    } else {
                        &ahead
                    };
                    let data_dir = folder.path().join(format!("merchant-{index}"));
                    std::fs::create_dir_all(&data_dir).expect("a data folder");
                    let mut scene = Scene {
                        scenario,
                        sandbox,
                        token: sandbox.token().to_string(),
                        file: folder.path().join(format!("real-{index}.csv")),
                        data_dir,
                        started,
                        notes: Vec::new(),
                    };
                    scope.spawn(move || {
                        let expectation = play(&mut scene, rows, index);
                        (scene, expectation)
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|handle| handle.join().expect("a scenario thread"))
                .collect()
        });
        // Rows still in a queue appear later: the store is judged once every queue is done.
        let drained_by = Instant::now() + QUEUE + Duration::from_secs(60);
        while (ahead.unfinished_batches() + behind.unfinished_batches()) > 0
            && Instant::now() < drained_by
        {
            std::thread::sleep(Duration::from_millis(200));
        }
        let seconds = started.elapsed().as_secs_f64();
        println!(
            "chaos, the real API's conditions: {} uploads of {rows} rows, seed {seed}, {seconds:.0} s",
            SCENARIOS.len()
        );
        println!(
            "  no batch endpoint, queue {} s, drop202=0.2, 10,000 older leads, settle window {SETTLE_SECONDS} s, queue window {QUEUE_SECONDS} s",
            QUEUE.as_secs()
        );
        for (name, sandbox) in [("clock +2 min", &ahead), ("clock -3 h", &behind)] {
            let log = sandbox.request_log();
            let posts = log.iter().filter(|r| r.method == "POST");
            let dropped = posts.clone().filter(|r| r.status == 0).count();
            let lists = log.iter().filter(|r| r.method == "GET").count();
            println!(
                "  sandbox {name}: {} create requests ({dropped} answers dropped), {lists} lookups, {} batches unfinished",
                posts.count(),
                sandbox.unfinished_batches()
            );
        }
        let mut exact = true;
        for (index, (scene, expectation)) in played.iter().enumerate() {
            let counts = phone_counts(scene.sandbox, &scene.token);
            let held = |row: &Row| counts.get(&phone_key(&row.phone)).copied().unwrap_or(0);
            let missing = expectation.intended.iter().filter(|r| held(r) == 0).count();
            let duplicated = expectation.intended.iter().filter(|r| held(r) > 1).count();
            let surplus: usize = expectation
                .intended
                .iter()
                .map(|r| held(r).saturating_sub(1))
                .sum();
            let deleted_twice = expectation.deleted.iter().filter(|r| held(r) > 1).count();
            let unsendable_sent = expectation.unsendable.iter().map(held).sum::<usize>();
            let ok = missing + duplicated + deleted_twice + unsendable_sent == 0;
            exact &= ok;
            println!(
                "  {}: {}",
                scene.scenario.title(),
                if ok { "exact" } else { "BROKEN" }
            );
            for note in &scene.notes {
                println!("    {note}");
            }
            println!(
                "    checked {} rows: {missing} missing, {duplicated} with more than one record ({surplus} extra records)",
                expectation.intended.len()
            );
            if !expectation.deleted.is_empty() || !expectation.unsendable.is_empty() {
                println!(
                    "    deleted rows: {deleted_twice} valid with more than one record; the unsendable row has {unsendable_sent} record(s)"
                );
            }
            if !ok {
                for kept in keep_journals(&scene.data_dir, index) {
                    println!("    journal kept in {}", kept.display());
                }
            }
        }
        println!(
            "{}",
            if exact {
                "under the real API's conditions every row has exactly one record"
            } else {
                "THE PROMISE BROKE under the real API's conditions: see the figures above"
            }
        );
        exact
    }
}
