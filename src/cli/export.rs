//! `wedocod-console export leads|orders [--status S] [--search Q] -o FILE.xlsx|.csv`:
//! every record the filters select, across all pages, into a file a merchant opens in
//! Excel. The estimate is printed once the first page says how many records there are;
//! a bar follows the pages on a terminal; Ctrl-C stops it and writes nothing.
//! Exit 0: the file is written; 2: it is not (bad name, refused token, no network,
//! cancelled).

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};

use crate::i18n::export as said;
use crate::i18n::{kind_words, tr};
use wedocod_api::{Client, ResourceName};
use wedocod_core::records::{
    Estimate, ExportProgress, Exported, TableFilter, TableFormat, export_table,
};
use wedocod_core::upload::Control;

use super::store::StoreArgs;
use super::validate::{DialectArg, KindArg};

/// Arguments of `export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// What to export.
    #[arg(value_enum)]
    pub kind: KindArg,
    /// Only the records with this status (`new`, `confirmed`, `delivered`…).
    #[arg(long)]
    pub status: Option<String>,
    /// Only the records this text finds (a name, a phone, a reference…), as the window's
    /// search box.
    #[arg(long)]
    pub search: Option<String>,
    /// The file to write: `.xlsx` for Excel, or `.csv`.
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
    /// Replace FILE when it exists (without it, an existing file is never touched).
    #[arg(long)]
    pub overwrite: bool,
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
pub fn run(args: ExportArgs) -> ExitCode {
    super::block_on(async {
        match export(&args).await {
            Ok(exported) => {
                say_done(&args, &exported);
                ExitCode::SUCCESS
            }
            Err(message) => {
                super::say_error(&message);
                ExitCode::from(2)
            }
        }
    })
}

async fn export(args: &ExportArgs) -> Result<Exported, String> {
    TableFormat::of_path(&args.output)?;
    if args.output.exists() && !args.overwrite {
        return Err(tr!("cli-export-exists", path = args.output.display()));
    }
    let client = args.store.client(args.dialect.into()).await?;
    let filter = TableFilter {
        kind: args.kind.into(),
        status: args.status.clone(),
        search: args.search.clone(),
    };
    let control = Control::new();
    let on_interrupt = control.clone();
    tokio::spawn(async move {
        if tokio::signal::ctrl_c().await.is_ok() {
            on_interrupt.cancel();
        }
    });
    let mut shown = Shown::new(args.json, client.clone(), filter.kind);
    export_table(
        &client,
        &filter,
        &args.output,
        args.overwrite,
        &control,
        &mut |progress| shown.progress(progress),
    )
    .await
    .map_err(|error| said::failure(&error))
    .inspect(|_| shown.bar.finish_and_clear())
    .inspect_err(|_| shown.bar.abandon())
}

/// What the terminal shows while the pages come.
struct Shown {
    /// `--json`: no estimate line (the bar hides itself when stderr is not a terminal).
    quiet: bool,
    client: Client,
    kind: ResourceName,
    estimated: bool,
    bar: ProgressBar,
}

impl Shown {
    fn new(json: bool, client: Client, kind: ResourceName) -> Shown {
        let bar = if json || !std::io::stderr().is_terminal() {
            ProgressBar::hidden()
        } else {
            ProgressBar::new(1).with_style(
                ProgressStyle::with_template(&format!(
                    "{{bar:40}} {} {{pos}}/{{len}} · {{msg}}",
                    tr!("cli-page")
                ))
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
            )
        };
        Shown {
            quiet: json,
            client,
            kind,
            estimated: false,
            bar,
        }
    }

    /// The estimate once the first page told the count, then the bar.
    fn progress(&mut self, progress: ExportProgress) {
        if !self.estimated && progress.waiting.is_none() {
            self.estimated = true;
            if !self.quiet {
                let estimate = Estimate::new(progress.total, self.client.rate_budget());
                let line = tr!(
                    "cli-exporting",
                    count = progress.total,
                    kind = kind_words(self.kind),
                    estimate = said::estimate(&estimate)
                );
                self.bar.suspend(|| eprintln!("{line}"));
            }
        }
        self.bar.set_length(progress.pages.max(1));
        self.bar.set_position(progress.pages_read);
        let rows = tr!("cli-export-rows", rows = progress.rows);
        self.bar.set_message(match progress.waiting {
            Some(wait) => format!(
                "{rows} · {}",
                tr!("export-waiting", seconds = wait.as_secs().max(1))
            ),
            None => rows,
        });
    }
}

fn say_done(args: &ExportArgs, exported: &Exported) {
    if args.json {
        let json = serde_json::json!({
            "path": exported.path.display().to_string(),
            "rows": exported.rows,
            "requests": exported.requests,
            "server_total": exported.server_total,
        });
        println!("{json:#}");
        return;
    }
    eprintln!("{}", said::done(exported, args.kind.into()));
}
