//! `wedocod-console sync [store arguments] [--json]`: brings the store's local copy up to
//! date (a first sync reads everything, later ones only what changed) and prints, per
//! resource, the records by status and the requests it spent. Exit 0: the copy is up to
//! date; 2: it is not (refused token, no network, cancelled), and the copy keeps what it
//! had.

use std::io::IsTerminal;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};

use crate::i18n::sync as said;
use crate::i18n::tr;
use wedocod_api::ResourceName;
use wedocod_core::copy::{LocalCopy, SyncOptions, SyncProgress, SyncReport, sync};
use wedocod_core::stores::OpenStore;

use super::store::StoreArgs;
use super::validate::DialectArg;

/// Arguments of `sync`.
#[derive(Debug, Args)]
pub struct SyncArgs {
    #[command(flatten)]
    pub store: StoreArgs,
    /// API generation of a store given by --base-url.
    #[arg(long, value_enum, default_value = "v2")]
    pub dialect: DialectArg,
    /// Print the outcome as JSON on stdout.
    #[arg(long)]
    pub json: bool,
}

/// Runs the command.
pub fn run(args: SyncArgs) -> ExitCode {
    super::block_on(async {
        let store = match args.store.open(args.dialect.into(), None).await {
            Ok(store) => store,
            Err(message) => {
                super::say_error(&message);
                return ExitCode::from(2);
            }
        };
        match bring_up_to_date(&store, args.json).await {
            Ok(report) => {
                say_done(&report, args.json);
                ExitCode::SUCCESS
            }
            Err(message) => {
                super::say_error(&message);
                ExitCode::from(2)
            }
        }
    })
}

/// Syncs the copy of `store`, a bar on the terminal, Ctrl-C to stop (the pages read so
/// far stay in the copy). Waits for a window that is syncing the same store.
pub async fn bring_up_to_date(store: &OpenStore, quiet: bool) -> Result<SyncReport, String> {
    let cancel = Arc::new(AtomicBool::new(false));
    let on_interrupt = cancel.clone();
    tokio::spawn(async move {
        if tokio::signal::ctrl_c().await.is_ok() {
            on_interrupt.store(true, Ordering::SeqCst);
        }
    });
    let bar = if quiet || !std::io::stderr().is_terminal() {
        ProgressBar::hidden()
    } else {
        ProgressBar::new_spinner().with_style(
            ProgressStyle::with_template("{spinner} {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        )
    };
    let show = |progress: SyncProgress| {
        bar.set_message(tr!(
            "sync-progress",
            page = progress.page,
            pages = progress.pages.unwrap_or(0),
            requests = progress.requests
        ));
        bar.tick();
    };
    let options = SyncOptions {
        wait_for_lock: true,
        ..SyncOptions::default()
    };
    let copy = LocalCopy::of(&store.home);
    let report = sync(&store.client, &copy, &options, &cancel, &show)
        .await
        .map_err(|error| said::failure(&error));
    bar.finish_and_clear();
    let report = report?;
    if let Some(set_aside) = &report.set_aside {
        eprintln!(
            "{}",
            tr!("sync-set-aside", reason = set_aside.reason.as_str())
        );
    }
    Ok(report)
}

fn say_done(report: &SyncReport, json: bool) {
    if json {
        match serde_json::to_string_pretty(report) {
            Ok(text) => println!("{text}"),
            Err(error) => super::say_error(&error.to_string()),
        }
        return;
    }
    println!("{}", said::counts(ResourceName::Leads, &report.leads));
    println!("{}", said::counts(ResourceName::Orders, &report.orders));
    println!("{}", tr!("sync-requests", requests = report.requests));
}
