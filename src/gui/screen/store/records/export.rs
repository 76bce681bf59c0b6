//! The table's *Export…*: every record the current filter and search select, across all
//! pages, to an Excel or CSV file. The merchant chooses the file (the system's dialog,
//! which also asks before replacing one), sees an estimate and confirms, then follows the
//! pages with a bar and can cancel; a cancelled export writes nothing. The reading and
//! writing are `wedocod_core::records::export_table`, shared with `wedocod-console export`.

use std::path::PathBuf;
use std::sync::Arc;

use iced::futures::SinkExt;
use iced::futures::channel::mpsc::Sender;
use iced::widget::{button, container, progress_bar, text};
use iced::{Center, Element, Fill, Task};

use crate::gui::direction::{filling, reading_column, reading_row};
use crate::gui::file_dialog::{self, Chosen};
use crate::gui::theme;
use crate::gui::widget::dialog;
use crate::i18n::export as said;
use crate::i18n::{kind_words, tr};
use wedocod_api::pacing::RateBudget;
use wedocod_api::{ApiError, Client};
use wedocod_core::records::{
    Estimate, ExportError, ExportProgress, Exported, TableFilter, TableFormat, export_table,
};
use wedocod_core::upload::Control;

/// An export being confirmed or under way.
#[derive(Debug, Clone)]
pub struct Export {
    filter: TableFilter,
    path: PathBuf,
    /// The merchant agreed to replace a file of this very name (the save dialog asked, or
    /// the typed path's *Save* was pressed again); not when `.xlsx` was added to the name
    /// typed (that file was never shown to the merchant).
    may_replace: bool,
    stage: Stage,
}

#[derive(Debug, Clone)]
enum Stage {
    Confirming {
        rows: u64,
        estimate: Estimate,
    },
    Running {
        control: Arc<Control>,
        progress: Option<ExportProgress>,
    },
}

#[derive(Debug, Clone)]
pub enum Message {
    Start,
    Cancel,
    Event(ExportEvent),
}

/// What the running export tells the window.
#[derive(Debug, Clone)]
pub enum ExportEvent {
    Progress(ExportProgress),
    Finished(Result<Exported, ExportError>),
}

/// What the records screen must do after an update.
pub enum Action {
    None,
    Run(Task<Message>),
    /// The merchant backed out before it started.
    Closed,
    /// Written: the sentence to show.
    Done(String),
    /// Stopped by the server's answer: the records screen shows it as any request's error.
    Refused(ApiError),
    /// Cancelled, or the file could not be written: the sentence to show.
    Stopped(String),
}

/// `leads-new-2026-11-29.xlsx`: the kind, the status filter, today.
pub fn suggested_name(filter: &TableFilter) -> String {
    let status = filter
        .status
        .as_deref()
        .map(|status| format!("-{status}"))
        .unwrap_or_default();
    let today = chrono::Local::now().format("%Y-%m-%d");
    format!("{}{status}-{today}.xlsx", filter.kind.plural())
}

/// The system's save dialog for a table file first named `name`, or word that none can
/// open.
pub fn choose_file(name: String) -> Task<Chosen> {
    let dialog = rfd::AsyncFileDialog::new()
        .set_file_name(name)
        .add_filter(tr!("dialog-excel"), &["xlsx"])
        .add_filter("CSV", &["csv"]);
    Task::perform(file_dialog::save(dialog), std::convert::identity)
}

/// `path` with `.xlsx` when it names neither format (a name typed without extension), and
/// whether it was added.
pub fn with_known_extension(path: PathBuf) -> (PathBuf, bool) {
    if TableFormat::of_path(&path).is_ok() {
        return (path, false);
    }
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".xlsx");
    (path.with_file_name(name), true)
}

impl Export {
    /// An export of `filter` (which selects `rows` records) to `path`, waiting for the
    /// merchant's go; `replace_agreed`: the merchant already agreed to replace a file there.
    pub fn confirm(
        filter: TableFilter,
        path: PathBuf,
        replace_agreed: bool,
        rows: u64,
        budget: Option<RateBudget>,
    ) -> Export {
        let (path, extended) = with_known_extension(path);
        Export {
            filter,
            path,
            may_replace: replace_agreed && !extended,
            stage: Stage::Confirming {
                rows,
                estimate: Estimate::new(rows, budget),
            },
        }
    }

    pub fn is_confirming(&self) -> bool {
        matches!(self.stage, Stage::Confirming { .. })
    }

    pub fn is_running(&self) -> bool {
        matches!(self.stage, Stage::Running { .. })
    }

    pub fn update(&mut self, message: Message, client: &Client) -> Action {
        match message {
            Message::Start => self.start(client),
            Message::Cancel => match &self.stage {
                Stage::Confirming { .. } => Action::Closed,
                Stage::Running { control, .. } => {
                    control.cancel();
                    Action::None
                }
            },
            Message::Event(ExportEvent::Progress(update)) => {
                if let Stage::Running { progress, .. } = &mut self.stage {
                    *progress = Some(update);
                }
                Action::None
            }
            Message::Event(ExportEvent::Finished(result)) => self.finished(result),
        }
    }

    fn start(&mut self, client: &Client) -> Action {
        if self.is_running() {
            return Action::None;
        }
        let control = Control::new();
        self.stage = Stage::Running {
            control: control.clone(),
            progress: None,
        };
        let (client, filter, path) = (client.clone(), self.filter.clone(), self.path.clone());
        let may_replace = self.may_replace;
        let stream = iced::stream::channel(16, move |mut output: Sender<ExportEvent>| async move {
            let mut progress = output.clone();
            let result = export_table(
                &client,
                &filter,
                &path,
                may_replace,
                &control,
                &mut |update| {
                    // A dropped update is fine: the next one carries the whole picture.
                    let _ = progress.try_send(ExportEvent::Progress(update));
                },
            )
            .await;
            let _ = output.send(ExportEvent::Finished(result)).await;
        });
        Action::Run(Task::run(stream, Message::Event))
    }

    fn finished(&self, result: Result<Exported, ExportError>) -> Action {
        match result {
            Ok(exported) => Action::Done(said::done(&exported, self.filter.kind)),
            Err(ExportError::Api(error)) => Action::Refused(error),
            Err(error) => Action::Stopped(said::failure(&error)),
        }
    }

    /// The confirmation over `base` (a screen whose messages wrap this one's), while the
    /// merchant decides.
    pub fn over<'a, Outer: Clone + 'a>(
        &'a self,
        base: Element<'a, Outer>,
        wrap: fn(Message) -> Outer,
    ) -> Element<'a, Outer> {
        let Stage::Confirming { rows, estimate } = &self.stage else {
            return base;
        };
        dialog::proceed(
            base,
            tr!(
                "export-title",
                count = rows,
                kind = kind_words(self.filter.kind)
            ),
            tr!(
                "export-body",
                path = self.path.display(),
                estimate = said::estimate(estimate)
            ),
            wrap(Message::Cancel),
            (tr!("export-start"), wrap(Message::Start)),
        )
    }

    /// The bar while it runs.
    pub fn banner(&self) -> Option<Element<'_, Message>> {
        let Stage::Running { progress, control } = &self.stage else {
            return None;
        };
        let progress = progress.unwrap_or(ExportProgress {
            pages_read: 0,
            pages: 1,
            rows: 0,
            total: 0,
            waiting: None,
        });
        let mut status = tr!(
            "exporting",
            kind = kind_words(self.filter.kind),
            page = progress.pages_read,
            pages = progress.pages.max(1),
            rows = progress.rows
        );
        if let Some(wait) = progress.waiting {
            status = format!(
                "{status} · {}",
                tr!("export-waiting", seconds = wait.as_secs().max(1))
            );
        }
        let cancel = button(text(tr!("cancel")))
            .style(button::secondary)
            .on_press_maybe((!control.is_cancelled()).then_some(Message::Cancel));
        let done = progress.pages_read as f32 / progress.pages.max(1) as f32;
        Some(
            container(
                reading_column![
                    reading_row![filling(text(status)), cancel]
                        .spacing(theme::GAP)
                        .align_y(Center),
                    progress_bar(0.0..=1.0, done),
                ]
                .spacing(4),
            )
            .padding(theme::PAD)
            .width(Fill)
            .style(theme::panel)
            .into(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wedocod_api::ResourceName;

    #[test]
    fn a_typed_name_without_extension_becomes_a_workbook() {
        assert_eq!(
            with_known_extension(PathBuf::from("/tmp/week")),
            (PathBuf::from("/tmp/week.xlsx"), true)
        );
        assert_eq!(
            with_known_extension(PathBuf::from("/tmp/week.CSV")),
            (PathBuf::from("/tmp/week.CSV"), false)
        );
        let filter = TableFilter {
            kind: ResourceName::Orders,
            status: Some("delivered".into()),
            search: None,
        };
        assert!(suggested_name(&filter).starts_with("orders-delivered-20"));
    }
}
