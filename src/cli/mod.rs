//! The command line: `wedocod-console [COMMAND]`. Each command lives in its own module
//! and returns the process exit code.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

pub mod customer;
pub mod export;
#[cfg(feature = "demo")]
pub mod sandbox;
pub mod store;
pub mod sync;
pub mod upload;
mod upload_text;
pub mod validate;
mod validate_text;

/// WedoCOD Merchant Console: browse leads and orders, prepare CSV files offline and
/// upload them in bulk.
#[derive(Debug, Parser)]
#[command(name = "wedocod-console", version, about, long_about = None)]
pub struct Cli {
    /// Open the console on the embedded demo sandbox (no account needed; builds without
    /// the `demo` feature say they have none).
    #[arg(long, global = false)]
    pub sandbox: bool,

    /// Show the libraries' progress lines (retries, pauses) on the terminal too, in
    /// English, as `RUST_LOG=info` does.
    #[arg(long, global = true)]
    pub verbose: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the WedoCOD-compatible sandbox server until Ctrl-C.
    #[cfg(feature = "demo")]
    Sandbox(sandbox::SandboxArgs),
    /// Check a CSV file of leads or orders offline, cell by cell.
    Validate(validate::ValidateArgs),
    /// Upload a CSV file of leads or orders: no row lost, none sent twice.
    Upload(upload::UploadArgs),
    /// Export every lead or order a filter selects, all pages, to an Excel or CSV file.
    Export(export::ExportArgs),
    /// Bring the store's local copy up to date and print its records by status.
    Sync(sync::SyncArgs),
    /// A customer's leads and orders, delivered and returned, by phone number.
    Customer(customer::CustomerArgs),
}

impl Cli {
    /// Whether the terminal hears only warnings and errors from the libraries: the
    /// commands that speak to the merchant in their language (`validate`, `upload`,
    /// `export`) unless `--verbose`; the window and the sandbox server keep their `INFO`
    /// lines (a server's log is its output).
    pub fn quiet_logs(&self) -> bool {
        let speaks = match &self.command {
            None => false,
            #[cfg(feature = "demo")]
            Some(Command::Sandbox(_)) => false,
            Some(
                Command::Validate(_)
                | Command::Upload(_)
                | Command::Export(_)
                | Command::Sync(_)
                | Command::Customer(_),
            ) => true,
        };
        speaks && !self.verbose
    }
}

/// Runs the parsed command line. A command speaks the computer's language (`LANG` and
/// `LC_*` on Linux and macOS, the display language on Windows); the window's own choice
/// is made in its Settings.
pub fn run(cli: Cli) -> ExitCode {
    if cli.command.is_some() {
        crate::i18n::set_language(crate::i18n::system_language());
    }
    match cli.command {
        #[cfg(feature = "demo")]
        Some(Command::Sandbox(args)) => sandbox::run(args),
        Some(Command::Validate(args)) => validate::run(args),
        Some(Command::Upload(args)) => upload::run(args),
        Some(Command::Export(args)) => export::run(args),
        Some(Command::Sync(args)) => sync::run(args),
        Some(Command::Customer(args)) => customer::run(args),
        None => open_window(cli.sandbox),
    }
}

/// A command's `error:` line, in the computer's language (`erreur :`, `خطأ:`).
fn say_error(message: &str) {
    eprintln!("{}", crate::i18n::tr!("cli-error", message = message));
}

/// Runs an async command on a runtime of its own (exit 2 when none can start).
fn block_on(command: impl Future<Output = ExitCode>) -> ExitCode {
    match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime.block_on(command),
        Err(error) => {
            eprintln!("error: cannot start the async runtime: {error}");
            ExitCode::from(2)
        }
    }
}

/// `wedocod-console` alone opens the window; `--sandbox` goes straight to the demo store.
fn open_window(demo: bool) -> ExitCode {
    if let Some(reason) = no_display() {
        eprintln!("error: the window cannot open: {reason}");
        return ExitCode::from(2);
    }
    match crate::gui::run(crate::gui::LaunchOptions::standard(demo)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: the window could not open: {error}");
            ExitCode::from(2)
        }
    }
}

/// On Linux and the BSDs a window needs an X11 or Wayland display; without one the
/// windowing library would panic, so say it plainly instead.
fn no_display() -> Option<&'static str> {
    let needs_display = cfg!(all(unix, not(target_os = "macos")));
    let has_display = ["DISPLAY", "WAYLAND_DISPLAY"]
        .iter()
        .any(|name| std::env::var_os(name).is_some_and(|value| !value.is_empty()));
    (needs_display && !has_display).then_some(
        "no graphical display (DISPLAY and WAYLAND_DISPLAY are unset). \
         The commands work without one: see `wedocod-console --help`.",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    #[cfg(feature = "demo")]
    fn sandbox_flags_parse() {
        let cli = Cli::try_parse_from([
            "wedocod-console",
            "sandbox",
            "--scopes",
            "view leads,CREATE LEADS",
            "--dialect",
            "v1",
            "--faults",
            "drop=x1",
        ])
        .unwrap();
        let Some(Command::Sandbox(args)) = cli.command else {
            panic!("not the sandbox command")
        };
        assert_eq!(args.scopes.0.len(), 2);
        assert!(Cli::try_parse_from(["wedocod-console", "sandbox", "--faults", "nope=1"]).is_err());
    }
}
