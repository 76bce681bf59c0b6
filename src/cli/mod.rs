//! The command line: `wedocod-console [COMMAND]`. Each command lives in its own module
//! and returns the process exit code.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

pub mod validate;

/// WedoCOD Merchant Console: browse leads and orders, prepare CSV files offline and
/// upload them in bulk.
#[derive(Debug, Parser)]
#[command(name = "wedocod-console", version, about, long_about = None)]
pub struct Cli {
    /// Open the console on the embedded demo sandbox (no account needed).
    #[arg(long, global = false)]
    pub sandbox: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a CSV file of leads or orders offline, cell by cell.
    Validate(validate::ValidateArgs),
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        None => {
            println!(
                "The console window is not built yet. For now:\n  \
                 wedocod-console sandbox     run the demo WedoCOD server\n  \
                 wedocod-console --help      list every command"
            );
            ExitCode::SUCCESS
        }
        Some(Command::Validate(args)) => validate::run(args),
    }
}
