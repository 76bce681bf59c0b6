//! `wedocod-console upload FILE --kind leads|orders`: the window's upload engine without
//! the window. A progress bar on a terminal, a report at the end (`--json` for scripts).
//! Exit 0: every row created; 1: some were not (the report says which and why); 2:
//! nothing could be sent (bad file, refused token, no network).

use std::io::IsTerminal;
use std::process::ExitCode;
use std::time::Duration;

use clap::Args;

use crate::i18n::upload;
use wedocod_core::stores::OpenStore;
use wedocod_core::upload::past_uploads;
use wedocod_core::upload::{Begin, Control, Repeats, Upload, UploadError, UploadSettings};
use wedocod_import::Sheet;

use super::store::StoreArgs;
use super::upload_text;
use super::validate::FileArgs;

/// Arguments of `upload`.
#[derive(Debug, Args)]
pub struct UploadArgs {
    #[command(flatten)]
    pub file: FileArgs,
    #[command(flatten)]
    pub store: StoreArgs,
    /// Items per request (the API takes at most 100; more than the server's sync
    /// threshold, 10 by default, makes it queue them as a batch).
    #[arg(long, default_value_t = 100, value_parser = clap::value_parser!(u16).range(1..=1000))]
    pub per_request: u16,
    /// Send the valid rows and report the others, instead of refusing to start.
    #[arg(long)]
    pub skip_invalid: bool,
    /// Go on with an earlier upload (its id is printed at the start and in the report):
    /// rows already created are never sent again; refused rows fixed in FILE are.
    #[arg(long, value_name = "ID")]
    pub resume: Option<String>,
    /// Rows an earlier upload already created in this store: send the others and report
    /// these as skipped (without it, or --again, the upload refuses to start and names
    /// that upload).
    #[arg(long, conflicts_with = "again")]
    pub skip_sent: bool,
    /// Rows an earlier upload already created in this store: create them again as new
    /// records.
    #[arg(long)]
    pub again: bool,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
    /// Seconds rows of an uncertain request may take to show up on the server.
    #[arg(long, default_value_t = 20, hide = true)]
    pub settle_seconds: u64,
    /// How long rows whose request may sit in the server's queue get to appear before
    /// anything is concluded (tests and the chaos tier shorten it).
    #[arg(long, default_value_t = 600, hide = true)]
    pub queue_seconds: u64,
}

/// Runs the command.
pub fn run(args: UploadArgs) -> ExitCode {
    super::block_on(async {
        upload(args).await.unwrap_or_else(|message| {
            super::say_error(&message);
            ExitCode::from(2)
        })
    })
}

async fn upload(args: UploadArgs) -> Result<ExitCode, String> {
    let (mut settings, _) = args.file.settings()?;
    // A resume opens the store first: its journal says which workbook sheet to read
    // (unless another is named, which the journal then refuses).
    let opened = match &args.resume {
        Some(upload_id) => {
            let store = args
                .store
                .open(args.file.dialect(), Some(upload_id))
                .await?;
            if settings.sheet.is_none() {
                settings.sheet = past_uploads::sheet_of(&store.home.journals(), upload_id);
            }
            Some(store)
        }
        None => None,
    };
    let path = args.file.file.clone();
    let bytes = std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let document = tokio::task::spawn_blocking(move || Sheet::load(bytes, &settings))
        .await
        .map_err(|e| e.to_string())?
        .map_err(|error| crate::i18n::read_error::describe(&error))?;
    let OpenStore { client, home } = match opened {
        Some(opened) => opened,
        None => args.store.open(args.file.dialect(), None).await?,
    };
    let settings = UploadSettings {
        per_request: usize::from(args.per_request),
        skip_invalid: args.skip_invalid,
        repeats: match (args.skip_sent, args.again) {
            (true, _) => Repeats::Skip,
            (false, true) => Repeats::Send,
            (false, false) => Repeats::Refuse,
        },
        settle_window: Duration::from_secs(args.settle_seconds),
        queue_window: Duration::from_secs(args.queue_seconds),
        sheet: document.workbook.as_ref().map(|book| book.name.clone()),
        ..UploadSettings::new(home)
    };
    let file = path.display().to_string();
    let begin = match &args.resume {
        Some(upload_id) => Begin::Resume { upload_id },
        None => Begin::New { file: &file },
    };
    let mut engine = Upload::start_or_resume(client, begin, &document, settings)
        .map_err(|error| upload::describe(&error))?;
    drop(document);
    if !args.json {
        eprintln!("{}", upload_text::started(engine.upload_id(), &file));
    }
    let control = Control::new();
    let on_interrupt = control.clone();
    tokio::spawn(async move {
        if tokio::signal::ctrl_c().await.is_ok() {
            on_interrupt.cancel();
        }
    });
    let watched = !args.json && std::io::stderr().is_terminal();
    let bar = upload_text::progress_bar(engine.state().rows.len() as u64, watched);
    let outcome = engine
        .run(&control, &mut |progress| upload_text::show(&bar, &progress))
        .await;
    bar.finish_and_clear();
    let report = engine.report();
    if args.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?
        );
    } else {
        print!("{}", upload_text::report(&report));
    }
    let sent_nothing = report.created + report.refused + report.uncertain == 0;
    Ok(match outcome {
        Err(error @ (UploadError::Api(_) | UploadError::Offline(_))) if sent_nothing => {
            super::say_error(&upload::describe(&error));
            ExitCode::from(2)
        }
        Err(error) => {
            super::say_error(&upload::describe(&error));
            ExitCode::from(1)
        }
        Ok(()) if report.complete() => ExitCode::SUCCESS,
        Ok(()) => ExitCode::from(1),
    })
}
