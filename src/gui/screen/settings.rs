//! Settings, over whatever screen is showing (Esc or Close leaves it where it was): the
//! language (applied at once to every screen), the theme, rows per page, the desk's WhatsApp
//! message, where settings
//! and data live (each folder opens in the file manager, the log in the text editor; a
//! diagnostics bundle for support goes to the clipboard), and an About block with the
//! version, the licences and the data folder's size.

use std::path::{Path, PathBuf};

use iced::widget::{button, container, pick_list, scrollable, text};
use iced::{Center, Element, Task};

use crate::gui::direction::{filling, reading_column, reading_input, reading_row};
use crate::gui::theme;
use crate::gui::widget::contact;
use crate::i18n::{Language, tr};
use wedocod_core::config::{Config, PAGE_SIZES, ThemeChoice};

/// The theme choices, as the menu shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThemeOption(pub ThemeChoice);

impl std::fmt::Display for ThemeOption {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self.0 {
            ThemeChoice::System => tr!("theme-system"),
            ThemeChoice::Light => tr!("theme-light"),
            ThemeChoice::Dark => tr!("theme-dark"),
        })
    }
}

#[derive(Debug, Clone, Default)]
pub struct State {
    /// The data folder's size once counted (off the window's thread).
    data_size: Option<u64>,
    /// Why a folder could not be opened.
    problem: Option<String>,
    /// The diagnostics bundle was put on the clipboard.
    copied: bool,
    /// The data folder the window uses (its log is the bundle's).
    data_dir: PathBuf,
}

#[derive(Debug, Clone)]
pub enum Message {
    Language(Language),
    Theme(ThemeOption),
    PageSize(u64),
    /// The desk's WhatsApp message, as typed.
    Template(String),
    /// A folder in the file manager (made first when missing).
    OpenFolder(PathBuf),
    /// The log in the text editor.
    OpenFile(PathBuf),
    FolderOpened(Result<(), String>),
    DataSize(u64),
    /// The diagnostics bundle to the clipboard, read off the window's thread.
    CopyDiagnostics,
    DiagnosticsRead(String),
    Close,
}

/// What the window must do.
pub enum Action {
    None,
    Run(Task<Message>),
    Language(Language),
    Theme(ThemeChoice),
    PageSize(u64),
    /// The WhatsApp message; `None`: the language's default.
    Template(Option<String>),
    Close,
}

impl State {
    /// The settings, with the data folder's size being counted.
    pub fn open(data_dir: &Path) -> (State, Task<Message>) {
        let dir = data_dir.to_path_buf();
        let count = Task::perform(
            crate::gui::blocking::off_the_window(move || {
                Ok(wedocod_core::files::folder_size(&dir))
            }),
            |counted| Message::DataSize(counted.unwrap_or_default()),
        );
        let state = State {
            data_dir: data_dir.to_path_buf(),
            ..State::default()
        };
        (state, count)
    }

    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::Language(language) => Action::Language(language),
            Message::Theme(option) => Action::Theme(option.0),
            Message::PageSize(size) => Action::PageSize(size),
            Message::Template(typed) => {
                let default = typed.trim().is_empty() || typed == tr!("desk-whatsapp-template");
                Action::Template((!default).then_some(typed))
            }
            Message::OpenFolder(folder) => open_in_system(folder, true),
            Message::OpenFile(file) => open_in_system(file, false),
            Message::FolderOpened(result) => {
                self.problem = result.err();
                Action::None
            }
            Message::DataSize(bytes) => {
                self.data_size = Some(bytes);
                Action::None
            }
            Message::CopyDiagnostics => {
                let language = crate::i18n::language().code();
                let data_dir = self.data_dir.clone();
                Action::Run(Task::perform(
                    crate::gui::blocking::off_the_window(move || {
                        let config_dir = wedocod_core::paths::config_dir();
                        Ok(wedocod_core::diagnostics::bundle(
                            &wedocod_core::diagnostics::About {
                                version: env!("CARGO_PKG_VERSION"),
                                language,
                                config_dir: &config_dir,
                                data_dir: &data_dir,
                            },
                        ))
                    }),
                    |bundle: Result<String, String>| {
                        Message::DiagnosticsRead(bundle.unwrap_or_else(|problem| problem))
                    },
                ))
            }
            Message::DiagnosticsRead(bundle) => {
                self.copied = true;
                Action::Run(iced::clipboard::write(bundle))
            }
            Message::Close => Action::Close,
        }
    }

    pub fn view<'a>(&'a self, config: &'a Config, data_dir: &'a Path) -> Element<'a, Message> {
        let themes = [ThemeChoice::System, ThemeChoice::Light, ThemeChoice::Dark].map(ThemeOption);
        let language = crate::i18n::language();
        let template = contact::whatsapp_template(config);
        let setting = |label: String, control: Element<'a, Message>| {
            reading_row![filling(text(label)), control]
                .spacing(theme::GAP)
                .align_y(Center)
        };
        let place = |label: String, path: PathBuf, action: String, open: fn(PathBuf) -> Message| {
            reading_column![
                text(label).size(13).style(theme::muted),
                reading_row![
                    filling(text(path.display().to_string())),
                    button(text(action))
                        .style(button::secondary)
                        .on_press(open(path)),
                ]
                .spacing(theme::GAP)
                .align_y(Center),
            ]
        };
        let size = match self.data_size {
            Some(bytes) => tr!(
                "data-size",
                megabytes = crate::i18n::conventions::decimal(bytes as f64 / 1e6)
            ),
            None => tr!("loading"),
        };
        let mut content = reading_column![
            reading_row![
                filling(text(tr!("settings-title")).size(22)),
                button(text(tr!("close")))
                    .style(button::secondary)
                    .on_press(Message::Close),
            ]
            .align_y(Center),
            setting(
                tr!("settings-language"),
                pick_list(Language::ALL, Some(language), Message::Language).into()
            ),
            setting(
                tr!("settings-theme"),
                pick_list(themes, Some(ThemeOption(config.theme)), Message::Theme).into()
            ),
            setting(
                tr!("per-page"),
                pick_list(PAGE_SIZES, Some(config.page_size), Message::PageSize).into()
            ),
            reading_column![
                text(tr!("settings-whatsapp")),
                reading_input(&tr!("desk-whatsapp-template"), &template)
                    .on_input(Message::Template),
                text(tr!("settings-whatsapp-hint"))
                    .size(13)
                    .style(theme::muted),
            ]
            .spacing(4),
            text(tr!("settings-folders")).size(16),
            place(
                tr!("settings-config-folder"),
                wedocod_core::paths::config_dir(),
                tr!("open-folder"),
                Message::OpenFolder
            ),
            place(
                tr!("settings-data-folder"),
                data_dir.to_path_buf(),
                tr!("open-folder"),
                Message::OpenFolder
            ),
            place(
                tr!("settings-log"),
                wedocod_core::log_file::path_in(data_dir),
                tr!("open-log"),
                Message::OpenFile
            ),
            reading_row![
                filling(
                    text(if self.copied {
                        tr!("diagnostics-copied")
                    } else {
                        tr!("diagnostics-hint")
                    })
                    .size(13)
                    .style(theme::muted)
                ),
                button(text(tr!("copy-diagnostics")))
                    .style(button::secondary)
                    .on_press(Message::CopyDiagnostics),
            ]
            .spacing(theme::GAP)
            .align_y(Center),
            text(tr!("settings-about")).size(16),
            text(tr!("about-version", version = env!("CARGO_PKG_VERSION"))),
            text(tr!("about-licences")).size(13),
            text(size).size(13),
        ]
        .spacing(theme::PAD);
        if let Some(problem) = &self.problem {
            content = content.push(text(problem).style(text::danger));
        }
        container(scrollable(content.padding(20)))
            .width(560)
            .max_height(640)
            .style(theme::panel)
            .into()
    }
}

/// Opens `path` with the system (a folder in the file manager, a file in its editor), off
/// the window's thread; a folder that is not there yet is made first (it is made on first
/// use anyway) so that opening it never fails for that.
fn open_in_system(path: PathBuf, folder: bool) -> Action {
    Action::Run(Task::perform(
        crate::gui::blocking::off_the_window(move || {
            if folder && !path.exists() {
                wedocod_core::files::create_private_dir(&path)
                    .map_err(|error| format!("{}: {error}", path.display()))?;
            }
            open::that_detached(&path).map_err(|error| format!("{}: {error}", path.display()))
        }),
        Message::FolderOpened,
    ))
}
