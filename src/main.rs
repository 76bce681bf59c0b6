use std::process::ExitCode;

use clap::Parser;
use wedocod_console::cli::{self, Cli};

fn main() -> ExitCode {
    cli::run(Cli::parse())
}
