//! Import-screen benchmark (release): open + check a CSV into a sheet, build and lay out
//! the first grid frame, then time the grid's view at row 1 and at row 900,000 of a
//! 1,000,000-row file against a 1,000-row file. Virtualisation holds when the ratios
//! stay near 1. Prints figures; asserts nothing (the machine is shared and noisy).
//!
//! Usage: bench_grid BIG.csv SMALL.csv

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

use wedocod_api::ResourceName;
use wedocod_console::gui::screen::import::{self, ROW_HEIGHT};
use wedocod_import::Sheet;
use wedocod_import::ValidateSettings;

/// The peak resident memory of this process, in KiB.
fn peak_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|line| line.starts_with("VmHWM:"))
                .and_then(|line| line.split_whitespace().nth(1))
                .and_then(|kib| kib.parse().ok())
        })
        .unwrap_or(0)
}

fn open(path: &str) -> (import::State, Duration) {
    let start = Instant::now();
    let bytes = std::fs::read(path).expect("the benchmark file");
    let sheet =
        Sheet::load(bytes, &ValidateSettings::new(ResourceName::Leads)).expect("a readable file");
    let mut state = import::State::default();
    state.update(
        import::Message::Loaded(PathBuf::from(path), Ok(Arc::new(sheet))),
        None,
    );
    (state, start.elapsed())
}

/// The median time to build and lay out the screen with the grid scrolled to `row`.
fn frame_at(state: &mut import::State, row: usize) -> Duration {
    state.update(
        import::Message::Edit(import::Edit::Scrolled(row as f32 * ROW_HEIGHT, 720.0)),
        None,
    );
    let mut times: Vec<Duration> = (0..15)
        .map(|_| {
            let start = Instant::now();
            let ui = iced_test::simulator(state.view(None));
            drop(ui);
            start.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let [_, big, small] = args.as_slice() else {
        eprintln!("usage: bench_grid BIG.csv SMALL.csv");
        return ExitCode::from(2);
    };
    let big_bytes = std::fs::metadata(big).map(|m| m.len()).unwrap_or(0);
    let (mut big_state, big_open) = open(big);
    let first_frame = frame_at(&mut big_state, 0);
    let peak = peak_kib();
    let big_top = frame_at(&mut big_state, 0);
    let big_deep = frame_at(&mut big_state, 900_000);
    let (mut small_state, _) = open(small);
    let small_top = frame_at(&mut small_state, 0);
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!("file: {big} ({:.1} MB)", big_bytes as f64 / 1e6);
    println!(
        "open + check into the grid: {:.2} s",
        big_open.as_secs_f64()
    );
    println!(
        "first grid frame (view + layout): {:.1} ms; to first frame: {:.2} s",
        ms(first_frame),
        (big_open + first_frame).as_secs_f64()
    );
    println!(
        "peak memory: {:.0} MB = {:.2} x the file",
        peak as f64 / 1024.0,
        peak as f64 * 1024.0 / big_bytes.max(1) as f64
    );
    println!(
        "grid frame at row 1: {:.2} ms; at row 900,000: {:.2} ms; 1,000-row file: {:.2} ms",
        ms(big_top),
        ms(big_deep),
        ms(small_top)
    );
    println!(
        "ratio to the 1,000-row file: row 1 {:.2}, row 900,000 {:.2}",
        big_top.as_secs_f64() / small_top.as_secs_f64(),
        big_deep.as_secs_f64() / small_top.as_secs_f64()
    );
    ExitCode::SUCCESS
}
