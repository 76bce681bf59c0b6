//! Where to save an export when no file dialog can open on this desktop (no portal, no
//! `zenity`): the window says so and offers a typed path, with the checks the dialog makes
//! (a name Excel or a spreadsheet opens, `.xlsx` added to a bare name; a folder that
//! exists; a file already there replaced only once *Save* is pressed again for it).

use std::path::PathBuf;

use iced::widget::{button, container, space, text};
use iced::{Element, Fill, Task};

use super::export::with_known_extension;
use crate::gui::direction::{reading_column, reading_input, reading_row};
use crate::gui::theme;
use crate::gui::widget::dialog;
use crate::i18n::tr;

/// The text input's id, focused when the panel opens.
pub const INPUT_ID: &str = "export-typed-path";

#[derive(Debug, Clone)]
pub enum Message {
    Input(String),
    Save,
    /// What the disk says of the path typed.
    Checked(PathBuf, Check),
    Cancel,
}

/// What the disk says of a path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    Free,
    Exists,
    NoFolder,
}

/// What the table must do.
pub enum Action {
    None,
    Run(Task<Message>),
    Cancelled,
    /// Export to this path; `replace_agreed`: a file there may be replaced.
    Chosen {
        path: PathBuf,
        replace_agreed: bool,
    },
}

#[derive(Debug, Clone)]
pub struct TypedPath {
    text: String,
    problem: Option<String>,
    /// The existing file the merchant was told about: *Save* again replaces it.
    replace_asked: Option<PathBuf>,
}

impl TypedPath {
    /// The panel, its path starting as `start`, and the task that focuses it.
    pub fn open(start: PathBuf) -> (TypedPath, Task<Message>) {
        let panel = TypedPath {
            text: start.display().to_string(),
            problem: None,
            replace_asked: None,
        };
        (panel, iced::widget::operation::focus(INPUT_ID))
    }

    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::Input(text) => {
                self.text = text;
                self.problem = None;
                self.replace_asked = None;
                Action::None
            }
            Message::Save => {
                let typed = self.text.trim();
                if typed.is_empty() {
                    self.problem = Some(tr!("typed-path-empty"));
                    return Action::None;
                }
                let (path, _) = with_known_extension(PathBuf::from(typed));
                if self.replace_asked.as_ref() == Some(&path) {
                    return Action::Chosen {
                        path,
                        replace_agreed: true,
                    };
                }
                Action::Run(Task::perform(check(path.clone()), move |found| {
                    Message::Checked(path.clone(), found)
                }))
            }
            Message::Checked(path, Check::Free) => Action::Chosen {
                path,
                replace_agreed: false,
            },
            Message::Checked(path, Check::Exists) => {
                self.problem = Some(tr!("typed-path-exists", path = path.display()));
                self.replace_asked = Some(path);
                Action::None
            }
            Message::Checked(path, Check::NoFolder) => {
                let folder = path.parent().unwrap_or(&path).display().to_string();
                self.problem = Some(tr!("typed-path-no-folder", folder = folder));
                Action::None
            }
            Message::Cancel => Action::Cancelled,
        }
    }

    /// The panel over `base`.
    pub fn over<'a, Outer: Clone + 'a>(
        &'a self,
        base: Element<'a, Outer>,
        wrap: fn(Message) -> Outer,
    ) -> Element<'a, Outer> {
        let mut content = reading_column![
            text(tr!("typed-path-title")).size(20),
            text(tr!("typed-path-why")),
            reading_input("", &self.text)
                .id(INPUT_ID)
                .on_input(Message::Input)
                .on_submit(Message::Save),
        ]
        .spacing(theme::PAD);
        if let Some(problem) = &self.problem {
            content = content.push(text(problem).style(text::danger));
        }
        let save = if self.replace_asked.is_some() {
            tr!("typed-path-replace")
        } else {
            tr!("typed-path-save")
        };
        content = content.push(
            reading_row![
                space().width(Fill),
                button(text(tr!("cancel")))
                    .style(button::secondary)
                    .on_press(Message::Cancel),
                button(text(save)).on_press(Message::Save),
            ]
            .spacing(theme::GAP),
        );
        let panel: Element<'a, Message> = container(content)
            .padding(20)
            .width(560)
            .style(theme::panel)
            .into();
        dialog::modal(base, panel.map(wrap), wrap(Message::Cancel))
    }
}

/// Whether `path` is free, taken, or in no folder (off the window's thread).
async fn check(path: PathBuf) -> Check {
    tokio::task::spawn_blocking(move || {
        let folder = path
            .parent()
            .filter(|folder| !folder.as_os_str().is_empty());
        if folder.is_some_and(|folder| !folder.is_dir()) {
            Check::NoFolder
        } else if path.exists() {
            Check::Exists
        } else {
            Check::Free
        }
    })
    .await
    .unwrap_or(Check::NoFolder)
}
