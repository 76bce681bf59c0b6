//! `upload`'s words for people, in the language of the computer: the first line naming
//! the upload, the progress bar's line, and the report at the end. `--json` stays as the
//! engine writes it, in every language.

use indicatif::{ProgressBar, ProgressStyle};

use crate::i18n::{Plain, tr, upload, wording};
use wedocod_core::upload::report::RowOutcome;
use wedocod_core::upload::{Progress, UploadReport};

/// The line that names the upload and how to resume it.
pub fn started(upload_id: &str, file: &str) -> String {
    tr!("cli-upload-started", id = upload_id, file = file)
}

/// A bar of `rows` rows; a hidden one when nobody watches.
pub fn progress_bar(rows: u64, shown: bool) -> ProgressBar {
    if !shown {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(rows);
    let template = format!(
        "{{bar:40}} {{pos}}/{{len}} {} · {{msg}}",
        tr!("cli-rows-settled")
    );
    let style =
        ProgressStyle::with_template(&template).unwrap_or_else(|_| ProgressStyle::default_bar());
    bar.set_style(style);
    bar
}

/// Moves the bar to where the engine is.
pub fn show(bar: &ProgressBar, progress: &Progress) {
    let counts = progress.counts;
    bar.set_position((counts.created + counts.refused + counts.skipped) as u64);
    let waiting = counts.pending + counts.queued + counts.uncertain;
    let mut message = tr!(
        "cli-progress",
        created = counts.created,
        refused = counts.refused,
        waiting = waiting,
        requests = progress.requests,
        rate = progress.rows_per_minute.round()
    );
    if let Some(left) = progress.time_left {
        let minutes = left.as_secs().div_ceil(60);
        message = format!("{message}, {}", tr!("cli-time-left", minutes = minutes));
    }
    bar.set_message(format!(
        "{message} — {}",
        upload::activity(progress.activity)
    ));
}

/// The report: the counts, then each row not created with its errors.
pub fn report(report: &UploadReport) -> String {
    let mut lines = vec![tr!(
        "cli-upload-summary",
        id = report.upload_id,
        rows = report.rows,
        created = report.created,
        refused = report.refused,
        skipped = report.skipped,
        uncertain = report.uncertain,
        pending = report.pending
    )];
    for result in report
        .results
        .iter()
        .filter(|result| result.status != RowOutcome::Created)
    {
        lines.push(format!(
            "  {}",
            tr!(
                "cli-upload-line",
                line = Plain(result.line),
                outcome = upload::outcome(result.status)
            )
        ));
        for error in &result.errors {
            let said = wording::message(&error.wording);
            lines.push(match &error.header {
                Some(column) => format!("    {column}: {said}"),
                None => format!("    {said}"),
            });
        }
    }
    if !report.complete() {
        lines.push(tr!("cli-upload-resume-hint", id = report.upload_id));
    }
    lines.push(String::new());
    lines.join("\n")
}
