use std::process::ExitCode;

use clap::Parser;
use tracing_subscriber::EnvFilter;
use wedocod_console::cli::{self, Cli};

fn main() -> ExitCode {
    // Logs go to stderr; `RUST_LOG=debug` shows more. No log line carries the token.
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr)
        .init();
    cli::run(Cli::parse())
}
