//! The Uploads screen: every upload sent to this store from this computer, its mode,
//! what became of its rows, the refused rows and why, their export as a file to fix and
//! import again, and resuming an upload that was interrupted.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use iced::widget::{button, container, scrollable, space, table, text};
use iced::{Center, Element, Fill, Task};

use crate::gui::blocking::off_the_window;
use crate::gui::direction::{filling, reading_column, reading_row};
use crate::gui::theme;
use crate::gui::widget::table_view;
use crate::i18n::{Plain, tr};
use wedocod_api::ResourceName;
use wedocod_core::upload::RowState;
use wedocod_core::upload::past_uploads::{self, DamagedJournal, Listing, UploadRecord};
use wedocod_import::ExportFormat;
use wedocod_import::output_file;

#[derive(Debug, Default)]
pub struct State {
    /// The connected store's journal folder.
    journals: Option<PathBuf>,
    records: Arc<Vec<UploadRecord>>,
    /// Journals that cannot be read whole: listed, never hidden.
    damaged: Arc<Vec<DamagedJournal>>,
    selected: Option<String>,
    notice: Option<String>,
}

#[derive(Debug, Clone)]
pub enum Message {
    Refresh,
    Loaded(Arc<Vec<UploadRecord>>, Arc<Vec<DamagedJournal>>),
    Select(String),
    Export(String),
    /// How many refused rows were written and where (or why not).
    Exported(Result<(usize, PathBuf), String>),
    Resume(String),
    DismissNotice,
}

pub enum Action {
    None,
    Run(Task<Message>),
    /// Reopen the upload's file and go on with it.
    Resume {
        upload_id: String,
        file: PathBuf,
        /// The workbook sheet it read (none for a CSV file).
        sheet: Option<String>,
        kind: ResourceName,
    },
}

/// The uploads recorded in one store's journal folder `dir` (read off the UI thread).
pub async fn load(dir: PathBuf) -> Listing {
    tokio::task::spawn_blocking(move || past_uploads::list(&dir))
        .await
        .unwrap_or_default()
}

/// How many of a store's uploads stopped before their end, and how many journals
/// cannot be read.
pub fn needing_attention(listing: &Listing) -> (usize, usize) {
    let interrupted = listing
        .uploads
        .iter()
        .filter(|record| !record.summary.finished)
        .count();
    (interrupted, listing.damaged.len())
}

/// Writes the refused rows of `record` beside its file, under the first name no file has
/// (`ventes-refused.csv`, `ventes-refused-2.csv`…), off the UI thread. The rows are written
/// in memory first (only the refused ones: a small file), so that a source that cannot be
/// read leaves no empty file behind.
async fn export(record: UploadRecord) -> Result<(usize, PathBuf), String> {
    off_the_window(move || {
        let format = ExportFormat {
            bom: true,
            delimiter: b';',
        };
        let mut bytes = Vec::new();
        let count = past_uploads::export_refused(&record, &mut bytes, format)?;
        let source = PathBuf::from(&record.summary.file);
        let (output, mut file) = output_file::create_beside(&source, "refused")
            .map_err(|error| format!("{}: {error}", source.display()))?;
        std::io::Write::write_all(&mut file, &bytes)
            .map(|()| (count, output.clone()))
            .map_err(|error| format!("{}: {error}", output.display()))
    })
    .await
}

fn file_name(path: &str) -> String {
    Path::new(path)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(path)
        .to_string()
}

impl State {
    /// The uploads of the store whose journals are in `journals`.
    pub fn for_store(journals: PathBuf) -> State {
        State {
            journals: Some(journals),
            ..State::default()
        }
    }

    /// Reads the journals again.
    pub fn refresh(&self) -> Task<Message> {
        let Some(dir) = self.journals.clone() else {
            return Task::none();
        };
        Task::perform(load(dir), |listing| {
            Message::Loaded(Arc::new(listing.uploads), Arc::new(listing.damaged))
        })
    }

    fn record(&self, id: &str) -> Option<&UploadRecord> {
        self.records
            .iter()
            .find(|record| record.summary.upload_id == id)
    }

    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::Refresh => return Action::Run(self.refresh()),
            Message::Loaded(records, damaged) => {
                self.records = records;
                self.damaged = damaged;
            }
            Message::Select(id) => self.selected = Some(id),
            Message::Export(id) => {
                if let Some(record) = self.record(&id) {
                    return Action::Run(Task::perform(export(record.clone()), Message::Exported));
                }
            }
            Message::Exported(result) => {
                self.notice = Some(match result {
                    Ok((count, path)) => {
                        tr!("refused-exported", count = count, path = path.display())
                    }
                    Err(error) => error,
                });
            }
            Message::Resume(id) => {
                if let Some(record) = self.record(&id) {
                    return Action::Resume {
                        upload_id: id,
                        file: PathBuf::from(&record.summary.file),
                        sheet: record.summary.sheet.clone(),
                        kind: record.summary.kind,
                    };
                }
            }
            Message::DismissNotice => self.notice = None,
        }
        Action::None
    }

    pub fn view(&self) -> Element<'_, Message> {
        let mut content = reading_column![
            reading_row![
                filling(text(tr!("uploads-title")).size(22)),
                button(text(tr!("refresh"))).on_press(Message::Refresh),
            ]
            .align_y(Center)
        ]
        .spacing(theme::GAP);
        if let Some(notice) = &self.notice {
            content = content.push(crate::gui::widget::notice::banner(
                [notice.as_str()],
                Message::DismissNotice,
            ));
        }
        for damaged in self.damaged.iter() {
            content = content.push(
                text(tr!(
                    "upload-damaged",
                    upload = damaged.upload_id,
                    reason = damaged.reason
                ))
                .style(text::danger),
            );
        }
        if self.records.is_empty() {
            if self.damaged.is_empty() {
                content = content.push(text(tr!("no-uploads")).style(theme::muted));
            }
            return container(content).padding(theme::PAD).into();
        }
        let mut body = reading_row![container(uploads_table(&self.records)).width(Fill)]
            .spacing(theme::GAP)
            .height(Fill);
        if let Some(record) = self.selected.as_deref().and_then(|id| self.record(id)) {
            body = body.push(detail(record));
        }
        container(content.push(body)).padding(theme::PAD).into()
    }
}

/// One line per upload: when, which file, its rows and what became of them.
fn uploads_table(records: &[UploadRecord]) -> Element<'_, Message> {
    let bold = |label: String| text(label).font(crate::gui::fonts::BOLD);
    let columns = [
        table::column(bold(tr!("upload-when")), |r: &UploadRecord| {
            text(
                r.summary
                    .started_at
                    .replace('T', " ")
                    .chars()
                    .take(19)
                    .collect::<String>(),
            )
        }),
        table::column(bold(tr!("upload-file")), |r: &UploadRecord| {
            text(file_name(&r.summary.file))
        }),
        table::column(bold(tr!("upload-rows")), |r: &UploadRecord| {
            text(r.summary.counts.rows)
        }),
        table::column(bold(tr!("upload-mode")), |r: &UploadRecord| {
            text(r.summary.mode)
        }),
        table::column(bold(tr!("upload-created")), |r: &UploadRecord| {
            text(r.summary.counts.created)
        }),
        table::column(bold(tr!("upload-refused")), |r: &UploadRecord| {
            text(r.summary.counts.refused + r.summary.counts.skipped)
        }),
        table::column(bold(tr!("upload-waiting")), |r: &UploadRecord| {
            let c = r.summary.counts;
            text(c.pending + c.queued + c.uncertain)
        }),
        table::column(bold(tr!("upload-state")), |r: &UploadRecord| {
            if r.summary.finished {
                text(tr!("upload-finished")).style(text::success)
            } else {
                text(tr!("upload-interrupted")).style(text::warning)
            }
        }),
        table::column(bold(String::new()), |r: &UploadRecord| {
            button(text(tr!("details")))
                .style(button::text)
                .on_press(Message::Select(r.summary.upload_id.clone()))
        }),
    ];
    table_view::scrolled(columns, records)
}

fn detail(record: &UploadRecord) -> Element<'_, Message> {
    let summary = &record.summary;
    let mut refused = reading_column![].spacing(4);
    for (row, state) in record.state.rows.iter().zip(&record.state.states) {
        // A row the store could not prove created or absent: said with the reason, so
        // the merchant knows to look for it before sending it again.
        if let RowState::Uncertain {
            unresolved: Some(reason),
            ..
        } = state
        {
            refused = refused.push(
                text(format!(
                    "{} {} — {reason}",
                    tr!("line-n", line = Plain(row.line)),
                    tr!("outcome-uncertain")
                ))
                .size(13),
            );
            continue;
        }
        let (RowState::Refused { errors } | RowState::Skipped { errors }) = state else {
            continue;
        };
        for error in errors {
            let place = error
                .header
                .as_deref()
                .map(|c| format!("{c}: "))
                .unwrap_or_default();
            refused = refused.push(
                text(format!(
                    "{} {}{}",
                    tr!("line-n", line = Plain(row.line)),
                    place,
                    crate::i18n::wording::message(&error.wording)
                ))
                .size(13),
            );
        }
    }
    let mut actions = reading_row![
        button(text(tr!("export-refused")))
            .style(button::secondary)
            .on_press(Message::Export(summary.upload_id.clone()))
    ]
    .spacing(4);
    // An unfinished upload goes on; a finished one with rows not confirmed looks them up
    // again.
    if !summary.finished || summary.counts.uncertain > 0 {
        actions = actions.push(
            button(text(tr!("resume-upload"))).on_press(Message::Resume(summary.upload_id.clone())),
        );
    }
    let batches = if summary.batches.is_empty() {
        String::new()
    } else {
        tr!("upload-batches", ids = summary.batches.join(", "))
    };
    container(scrollable(
        reading_column![
            text(&summary.upload_id).size(16),
            text(&summary.file).size(13).style(theme::muted),
            text(batches).size(12).style(theme::muted),
            actions,
            space().height(4),
            refused,
        ]
        .spacing(6)
        .padding(theme::PAD),
    ))
    .width(420)
    .height(Fill)
    .style(theme::panel)
    .into()
}
