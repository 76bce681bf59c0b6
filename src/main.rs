//! The `wedocod-console` binary: logging, then the window or the command asked for.

// Release builds on Windows are GUI-subsystem programs: no console window flashes up behind
// the window when the console is started from the Start menu. `attach_parent_console` gives
// the commands their terminal back.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::process::ExitCode;

use clap::Parser;
use tracing_subscriber::EnvFilter;
use wedocod_console::cli::{self, Cli};
use wedocod_core::log_file::LogFile;

fn main() -> ExitCode {
    #[cfg(windows)]
    attach_parent_console();
    let cli = Cli::parse();
    start_logging(cli.command.is_none(), cli.quiet_logs());
    cli::run(cli)
}

/// Logs go to stderr (coloured only on a terminal; `RUST_LOG=debug` shows more) and, for
/// the window, to `console.log` in the data folder too, so a merchant can send it. The
/// commands log to stderr alone: twenty `upload`s at once would fight over one file. A
/// command that speaks to the merchant (`quiet`) shows only warnings and errors there:
/// its own lines are in the merchant's language, the libraries' English `INFO` lines
/// (a retry, a pause) are for `--verbose` or `RUST_LOG`. No log line carries the token.
fn start_logging(window: bool, quiet: bool) {
    use std::io::IsTerminal;
    use tracing_subscriber::layer::SubscriberExt;
    use tracing_subscriber::util::SubscriberInitExt;

    use tracing_subscriber::Layer;

    let default = if quiet { "warn" } else { "info" };
    let chosen = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(default));
    let stderr = tracing_subscriber::fmt::layer()
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .with_filter(chosen);
    // The file a merchant sends to support holds the console's own lines whatever RUST_LOG
    // says: the libraries' debug output (with request addresses) stays out of it.
    let file = window
        .then(|| LogFile::open(&wedocod_core::paths::data_dir()).ok())
        .flatten()
        .map(|log| {
            tracing_subscriber::fmt::layer()
                .with_writer(std::sync::Mutex::new(log))
                .with_ansi(false)
                .with_filter(EnvFilter::new("warn,wedocod=info,sandbox=info"))
        });
    tracing_subscriber::registry()
        .with(stderr)
        .with(file)
        .init();
}

/// A GUI-subsystem program starts with no console: run from cmd or PowerShell, `--help`,
/// `sandbox` and the error messages would print nowhere. Attaching to the parent's console
/// (when there is one: not from Explorer or the Start menu) gives standard output and error
/// back. Output redirected to a file or a pipe keeps its inherited handle: attaching would
/// send it to the terminal instead. A missing handle (null) is the usual case from a terminal.
#[cfg(windows)]
fn attach_parent_console() {
    use windows_sys::Win32::Storage::FileSystem::{FILE_TYPE_DISK, FILE_TYPE_PIPE, GetFileType};
    use windows_sys::Win32::System::Console::{
        ATTACH_PARENT_PROCESS, AttachConsole, GetStdHandle, STD_OUTPUT_HANDLE,
    };
    // SAFETY: these calls take plain values and only read or change this process's console
    // state; GetFileType is only given a non-null handle.
    unsafe {
        let stdout = GetStdHandle(STD_OUTPUT_HANDLE);
        let redirected =
            !stdout.is_null() && matches!(GetFileType(stdout), FILE_TYPE_DISK | FILE_TYPE_PIPE);
        if !redirected {
            // Fails harmlessly when the parent has no console.
            AttachConsole(ATTACH_PARENT_PROCESS);
        }
    }
}
