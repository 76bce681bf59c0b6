//! The upload part of the import screen, a component with messages of its own: the
//! settings before a start, the progress of a running upload (each queued batch, pause,
//! cancel), its report, and the server's refusals, kept by cell for the grid.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use iced::widget::{Column, button, checkbox, progress_bar, text};
use iced::{Element, Task};

use crate::gui::direction::{reading_column, reading_input, reading_row};
use crate::gui::theme;
use crate::gui::uploading::{self, UploadEvent, UploadJob};
use crate::i18n::tr;
use wedocod_core::stores::OpenStore;
use wedocod_core::upload::report::RowOutcome;
use wedocod_core::upload::{Control, Progress, Repeats, UploadReport, UploadSettings};
use wedocod_import::{Issue, Sheet};

use super::section::section;

/// The server's refusals, by (row, column) of the sheet: the same issues the checker
/// finds, said in the merchant's language when the grid draws them.
pub type RefusedCells = BTreeMap<(usize, usize), Vec<Issue>>;

#[derive(Debug, Default)]
pub struct UploadPanel {
    skip_invalid: bool,
    per_request: String,
    /// Pauses or cancels the running upload; `None` when none runs.
    pub(super) control: Option<Arc<Control>>,
    upload_id: Option<String>,
    progress: Option<Progress>,
    report: Option<UploadReport>,
    stopped: Option<String>,
    /// The last start was refused because earlier uploads created some of the rows: the
    /// panel then offers to send them again anyway.
    repeats_refused: bool,
    /// The server's refusals, by cell, until the cell is edited.
    pub refused_cells: RefusedCells,
}

#[derive(Debug, Clone)]
pub enum Message {
    SkipInvalid(bool),
    PerRequest(String),
    /// Starts the upload, or goes on with the one this file began (sending only the rows
    /// fixed since they were refused).
    Start,
    /// Start again after a refusal, doing this with the rows earlier uploads created.
    StartWithRepeats(Repeats),
    Pause(bool),
    Cancel,
    Event(UploadEvent),
}

/// What the import screen must do after a message of the panel.
pub enum Action {
    None,
    Run(Task<Message>),
    /// The upload ended (finished, stopped or failed): how, in a sentence.
    Ended(String),
}

/// The file an upload reads.
pub struct Source<'a> {
    pub sheet: &'a Arc<Sheet>,
    pub path: &'a Path,
}

impl UploadPanel {
    /// Whether an upload is running (the window must not drop it).
    pub fn is_running(&self) -> bool {
        self.control.is_some()
    }

    pub fn update(
        &mut self,
        message: Message,
        source: Source<'_>,
        store: Option<&OpenStore>,
    ) -> Action {
        match message {
            Message::SkipInvalid(skip) => self.skip_invalid = skip,
            Message::PerRequest(text) => {
                self.per_request = text.chars().filter(char::is_ascii_digit).collect()
            }
            Message::Start | Message::StartWithRepeats(_) => {
                let Some(store) = store else {
                    return Action::None;
                };
                let repeats = match message {
                    Message::StartWithRepeats(repeats) => repeats,
                    _ => Repeats::Refuse,
                };
                // An upload of this file already began (it stopped, or rows were
                // refused): going on with it is the only way that sends no row twice.
                let resume = self.upload_id.clone();
                return self.start(source, store, resume, repeats);
            }
            Message::Pause(paused) => {
                if let Some(control) = &self.control {
                    control.pause(paused);
                }
            }
            Message::Cancel => {
                if let Some(control) = &self.control {
                    control.cancel();
                }
            }
            Message::Event(event) => {
                let was_running = self.is_running();
                self.absorb(event, source.sheet);
                // The engine's last event: nothing follows it.
                if was_running
                    && !self.is_running()
                    && let Some(outcome) = self.outcome()
                {
                    return Action::Ended(outcome);
                }
            }
        }
        Action::None
    }

    /// Starts an upload of the file, or goes on with `resume`.
    pub fn start(
        &mut self,
        source: Source<'_>,
        store: &OpenStore,
        resume: Option<String>,
        repeats: Repeats,
    ) -> Action {
        let control = Control::new();
        let per_request = self.per_request.parse().unwrap_or(100).clamp(1, 100);
        let job = UploadJob {
            client: store.client.clone(),
            sheet: Arc::clone(source.sheet),
            file: source.path.display().to_string(),
            settings: UploadSettings {
                per_request,
                skip_invalid: self.skip_invalid,
                repeats,
                sheet: source.sheet.workbook.as_ref().map(|book| book.name.clone()),
                ..UploadSettings::new(store.home.clone())
            },
            control: control.clone(),
            resume,
        };
        self.control = Some(control);
        self.report = None;
        self.stopped = None;
        self.repeats_refused = false;
        Action::Run(uploading::upload(job, Message::Event))
    }

    /// An event of the running upload; the server's refusals land on their cells.
    fn absorb(&mut self, event: UploadEvent, sheet: &Sheet) {
        match event {
            UploadEvent::Started(id) => self.upload_id = Some(id),
            UploadEvent::Progress(progress) => self.progress = Some(progress),
            UploadEvent::Failed(reason) => {
                self.control = None;
                self.stopped = Some(reason);
            }
            UploadEvent::Repeats(why) => {
                self.control = None;
                self.repeats_refused = true;
                self.stopped = Some(why);
            }
            UploadEvent::Finished(report, stopped) => {
                self.control = None;
                self.refused_cells = refused_cells(&report, sheet);
                self.report = Some(*report);
                self.stopped = stopped;
            }
        }
    }

    pub fn view<'a>(&'a self, sheet: &Sheet, store: Option<&'a str>) -> Element<'a, Message> {
        let Some(store) = store else {
            return section(
                tr!("upload"),
                text(tr!("upload-needs-store")).style(theme::muted),
            );
        };
        let body = match (&self.control, &self.report) {
            (Some(control), _) => self.running(control),
            (None, Some(report)) => self.finished(report),
            (None, None) => self.setup(sheet, store),
        };
        section(tr!("upload"), body)
    }

    /// An upload under way: progress, each queued batch, pause and cancel.
    fn running(&self, control: &Control) -> Column<'_, Message> {
        let mut body = reading_column![].spacing(6);
        let counts = self.progress.as_ref().map(|p| p.counts).unwrap_or_default();
        let settled = counts.created + counts.refused + counts.skipped;
        body = body.push(progress_bar(
            0.0..=counts.rows.max(1) as f32,
            settled as f32,
        ));
        if let Some(progress) = &self.progress {
            body = body.push(text(progress_line(progress)).size(13));
            for batch in &progress.batches {
                body = body.push(
                    text(tr!(
                        "batch-line",
                        id = batch.batch_id,
                        status = batch.status,
                        processed = batch.processed,
                        total = batch.total
                    ))
                    .size(12)
                    .style(theme::muted),
                );
            }
        }
        let paused = control.is_paused();
        body.push(
            reading_row![
                button(text(if paused { tr!("resume") } else { tr!("pause") }))
                    .style(button::secondary)
                    .on_press(Message::Pause(!paused)),
                button(text(tr!("cancel")))
                    .style(button::danger)
                    .on_press(Message::Cancel),
            ]
            .spacing(4),
        )
    }

    /// An upload that ended: what became of the rows, and sending the fixed ones.
    /// How the last upload ended, in a sentence: its counts, or why it stopped.
    pub fn outcome(&self) -> Option<String> {
        let counts = self.report.as_ref().map(done_line);
        match (counts, &self.stopped) {
            (Some(counts), Some(reason)) => Some(format!("{counts} {reason}")),
            (Some(counts), None) => Some(counts),
            (None, reason) => reason.clone(),
        }
    }

    fn finished(&self, report: &UploadReport) -> Column<'_, Message> {
        let mut body = reading_column![].spacing(6).push(text(done_line(report)));
        if let Some(reason) = &self.stopped {
            body = body.push(text(reason).style(text::danger));
        }
        if !report.complete() {
            body = body.push(text(tr!("fix-then-retry")).size(13).style(theme::muted));
            body = body.push(button(text(tr!("retry-refused"))).on_press(Message::Start));
        }
        // Starting over would send the created rows a second time.
        body.push(text(tr!("upload-again-hint")).size(12).style(theme::muted))
    }

    /// Before an upload: where it goes, what to do with invalid rows and rows sent
    /// before, the request size, and Start.
    fn setup<'a>(&'a self, sheet: &Sheet, store: &'a str) -> Column<'a, Message> {
        let mut body = reading_column![].spacing(6);
        if let Some(reason) = &self.stopped {
            body = body.push(text(reason).style(text::danger));
        }
        let invalid = sheet.error_row_count();
        body = body
            .push(text(tr!(
                "upload-to",
                store = store,
                rows = sheet.row_count()
            )))
            .push(
                checkbox(self.skip_invalid)
                    .label(tr!("skip-invalid", count = invalid))
                    .on_toggle(Message::SkipInvalid),
            );
        if self.repeats_refused {
            body = body.push(
                reading_row![
                    button(text(tr!("skip-sent")))
                        .on_press(Message::StartWithRepeats(Repeats::Skip)),
                    button(text(tr!("send-again")))
                        .style(button::secondary)
                        .on_press(Message::StartWithRepeats(Repeats::Send)),
                ]
                .spacing(4),
            );
        }
        body.push(
            reading_row![
                text(tr!("per-request")),
                reading_input("100", &self.per_request)
                    .on_input(Message::PerRequest)
                    .width(70),
            ]
            .spacing(4)
            .align_y(iced::Center),
        )
        .push(text(tr!("queue-hint")).size(12).style(theme::muted))
        .push(button(text(tr!("start-upload"))).on_press(Message::Start))
    }
}

/// The refused rows' errors, on the cells they name: by column index, since two columns
/// of a file may share a header. An error no column is to blame for shows on the row's
/// first cell.
fn refused_cells(report: &UploadReport, sheet: &Sheet) -> RefusedCells {
    let mut cells = RefusedCells::new();
    let refused = report
        .results
        .iter()
        .filter(|result| result.status == RowOutcome::Refused);
    for error in refused.flat_map(|result| &result.errors) {
        let Some(row) = sheet.row_at_line(error.line) else {
            continue;
        };
        cells
            .entry((row, error.column_index.unwrap_or(0)))
            .or_default()
            .push(error.clone());
    }
    cells
}

fn progress_line(progress: &Progress) -> String {
    let counts = progress.counts;
    let left = progress
        .time_left
        .map(|left| format!(" · ~{} min", left.as_secs().div_ceil(60)))
        .unwrap_or_default();
    tr!(
        "progress-line",
        requests = progress.requests,
        created = counts.created,
        refused = counts.refused,
        pending = (counts.pending + counts.queued + counts.uncertain),
        rate = format!("{:.0}", progress.rows_per_minute),
        left = left
    )
}

/// The counts of a finished upload.
fn done_line(report: &UploadReport) -> String {
    let pending = report.pending + report.uncertain;
    tr!(
        "upload-done",
        created = report.created,
        refused = report.refused,
        skipped = report.skipped,
        pending = pending
    )
}
