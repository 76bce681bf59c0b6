//! The application shell: which screen is showing, the connected store, the saved
//! stores (profiles, in the config file) and their tokens (in the keyring), the notices,
//! which screen a keyboard shortcut goes to, closing the window, and the theme. The open
//! store's tabs are one screen of their own (`screen::store`).

mod demo;
mod launch;
mod preferences;
mod session;
mod stores;
mod window;

use std::path::PathBuf;

use iced::widget::{container, text};
use iced::{Element, Fill, Subscription, Task, Theme};

use wedocod_core::config::Config;
use wedocod_core::secrets::TokenVault;

use super::config_saver::ConfigSaver;
use super::desktop::{Desktop, DesktopNotice};
use super::screen::store::{self, Shell};
use super::screen::{connect, import, profiles, settings, welcome};
use super::shortcut::{self, Shortcut};
use super::theme;
use super::widget::contact::{self, Customer, Reach};
use crate::gui::direction::reading_column;
use crate::i18n::tr;

pub use demo::Demo;
pub use launch::{LaunchOptions, VaultSource};
pub use session::Session;
use window::Closing;
pub use window::{WindowEvent, settings_for as window_settings_for};

#[derive(Debug)]
enum Screen {
    Welcome {
        starting_demo: bool,
        error: Option<String>,
    },
    /// The import screen with no store connected (everything but uploading works).
    ImportOffline,
    /// Between start-up and the saved store's first page.
    Opening,
    Connect(Box<connect::State>),
    Profiles(profiles::State),
    /// The open store, its tabs.
    Store(Box<store::State>),
}

#[derive(Debug, Clone)]
pub enum Message {
    /// The keyring, a store being opened, the demo starting: see `app/session.rs`.
    Session(session::Message),
    /// The settings file was written (or why not).
    ConfigSaved(Result<(), String>),
    Welcome(welcome::Message),
    Connect(connect::Message),
    Profiles(profiles::Message),
    ShowProfiles,
    ShowSettings,
    Settings(settings::Message),
    Store(store::Message),
    /// The import screen's, whichever screen shows it (it outlives the store).
    Import(import::Message),
    /// Lines for the notice bar.
    Notify(Vec<String>),
    FileDropped(std::path::PathBuf),
    Shortcut(Shortcut),
    ToggleTheme,
    DismissNotice,
    /// Whether the system opened a WhatsApp or `tel:` link.
    LinkOpened(Result<(), String>),
    Window(WindowEvent),
}

/// The whole window.
#[derive(Debug)]
pub struct App {
    screen: Screen,
    session: Option<Session>,
    config: Config,
    config_saver: ConfigSaver,
    vault: TokenVault,
    /// News for the merchant that is not tied to one screen (keyring, settings file).
    notices: Vec<String>,
    /// The import screen keeps its file across screens and stores.
    import: import::State,
    data_dir: PathBuf,
    /// The Settings panel, over the screen, while it is open.
    settings: Option<settings::State>,
    /// The window was asked to close and the merchant must choose first: the question is
    /// on screen.
    closing: Option<Closing>,
    /// The window was asked to close while work of the open store was on its way (the
    /// desk's outcomes): it closes once the store has it.
    close_when_sent: bool,
    desktop: Desktop,
    /// Whether open stores keep their local copy synced (`LaunchOptions::sync_copy`).
    sync_copy: bool,
    /// Whether the window has the keyboard: long work that ends out of sight is told by a
    /// desktop notification too.
    focused: bool,
}

impl App {
    pub fn boot(options: LaunchOptions) -> (App, Task<Message>) {
        let loaded = Config::load_from(&options.config_file);
        crate::i18n::set_language(
            loaded
                .config
                .language()
                .unwrap_or_else(crate::i18n::system_language),
        );
        let notices = loaded
            .warnings
            .iter()
            .map(crate::i18n::config_warning::describe)
            .collect();
        let opening = !options.demo && loaded.config.active().is_some();
        let mut app = App {
            screen: if opening {
                Screen::Opening
            } else {
                Screen::Welcome {
                    starting_demo: false,
                    error: None,
                }
            },
            session: None,
            config: loaded.config,
            config_saver: ConfigSaver::new(options.config_file),
            vault: TokenVault::session_only("the keyring is being opened"),
            notices,
            import: import::State::default(),
            data_dir: options.data_dir,
            settings: None,
            closing: None,
            close_when_sent: false,
            desktop: options.desktop,
            sync_copy: options.sync_copy,
            focused: true,
        };
        let vault = match options.vault {
            VaultSource::System => Task::perform(TokenVault::open(), |vault| {
                Message::Session(session::Message::VaultOpened(vault))
            }),
            VaultSource::Given(vault) => {
                app.update(Message::Session(session::Message::VaultOpened(vault)))
            }
        };
        let demo = if options.demo {
            app.update(Message::Welcome(welcome::Message::ExploreDemo))
        } else {
            Task::none()
        };
        (app, Task::batch([vault, demo, window::fit_to_monitor()]))
    }

    pub fn title(&self) -> String {
        match &self.session {
            Some(session) => format!("{} — {}", tr!("app-name"), session.name),
            None => tr!("app-name"),
        }
    }

    pub fn theme(&self) -> Theme {
        theme::theme(self.config.theme)
    }

    fn welcome(&mut self) {
        self.screen = Screen::Welcome {
            starting_demo: false,
            error: None,
        };
    }

    /// Adds news for the merchant to the notice bar.
    fn notify(&mut self, notice: impl Into<String>) {
        self.notices.push(notice.into());
    }

    /// Saves the settings off the window's thread; a failure comes back as a notice.
    fn save_config(&mut self) -> Task<Message> {
        Task::perform(self.config_saver.save(&self.config), Message::ConfigSaved)
    }

    /// Opens the store screen on a connected store.
    fn open_store_screen(&mut self, session: Session) -> Task<Message> {
        let (screen, opening) = store::State::open(
            session.store.clone(),
            session.name.clone(),
            &self.config,
            self.desktop.clone(),
            self.sync_copy,
        );
        self.session = Some(session);
        self.screen = Screen::Store(Box::new(screen));
        opening.map(from_store)
    }

    fn profile_names(&self) -> Vec<String> {
        self.config
            .profiles
            .iter()
            .map(|p| p.name.clone())
            .collect()
    }

    pub fn update(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::Session(message) => self.update_session(message),
            Message::ConfigSaved(result) => {
                if let Err(error) = result {
                    self.notify(error);
                }
                Task::none()
            }
            Message::Welcome(message) => self.update_welcome(message),
            Message::Connect(message) => self.update_connect(message),
            Message::ShowProfiles => {
                self.screen = Screen::Profiles(profiles::State::default());
                Task::none()
            }
            Message::Profiles(message) => self.update_profiles(message),
            Message::ShowSettings => self.show_settings(),
            Message::Settings(message) => self.update_settings(message),
            Message::Store(message) => self.update_store(message),
            Message::Import(message) => self.update_import(message),
            Message::Notify(lines) => {
                self.notices.extend(lines);
                Task::none()
            }
            Message::FileDropped(path) => match &self.screen {
                Screen::Store(_) => self.update_store(store::Message::FileDropped(path)),
                Screen::ImportOffline => self.update_import(import::Message::Dropped(path)),
                _ => {
                    self.screen = Screen::ImportOffline;
                    self.update_import(import::Message::Dropped(path))
                }
            },
            Message::Shortcut(shortcut) => self.on_shortcut(shortcut),
            Message::ToggleTheme => self.choose_theme(theme::toggled(self.config.theme)),
            Message::DismissNotice => {
                self.notices.clear();
                Task::none()
            }
            Message::LinkOpened(result) => {
                if let Err(problem) = result {
                    self.notify(problem);
                }
                Task::none()
            }
            Message::Window(event) => self.on_window(event),
        }
    }

    fn update_welcome(&mut self, message: welcome::Message) -> Task<Message> {
        match message {
            welcome::Message::ExploreDemo => {
                self.screen = Screen::Welcome {
                    starting_demo: true,
                    error: None,
                };
                Task::perform(demo::start(), |started| {
                    Message::Session(session::Message::DemoStarted(started))
                })
            }
            welcome::Message::CheckFile => {
                self.screen = Screen::ImportOffline;
                Task::none()
            }
            welcome::Message::Settings => self.show_settings(),
            welcome::Message::ConnectStore => {
                self.screen =
                    Screen::Connect(Box::new(connect::State::adding(self.profile_names())));
                Task::none()
            }
        }
    }

    fn update_connect(&mut self, message: connect::Message) -> Task<Message> {
        let Screen::Connect(form) = &mut self.screen else {
            return Task::none();
        };
        match form.update(message) {
            connect::Action::None => Task::none(),
            connect::Action::Run(task) => task.map(Message::Connect),
            connect::Action::Back => self.back(),
            connect::Action::Connected(connected) => self.connected(connected),
        }
    }

    /// A message of the store screen, and what it asks of the window.
    fn update_store(&mut self, message: store::Message) -> Task<Message> {
        let Screen::Store(screen) = &mut self.screen else {
            return Task::none();
        };
        match screen.update(message, &mut self.config) {
            store::Action::None => Task::none(),
            store::Action::Run(task) => task.map(from_store),
            store::Action::SaveSettings(task) => {
                Task::batch([task.map(from_store), self.save_config()])
            }
            store::Action::Import(message) => self.update_import(message),
            store::Action::Notify(lines) => self.update(Message::Notify(lines)),
            store::Action::TellIfAway(notice, task) => {
                Task::batch([self.tell_if_away(notice), task.map(from_store)])
            }
            store::Action::Reach(how, customer) => self.reach(how, &customer),
            store::Action::ReplaceToken => {
                if let Some(session) = &self.session {
                    let form =
                        connect::State::for_profile(&session.name, session.store.client.profile());
                    self.screen = Screen::Connect(Box::new(form));
                }
                Task::none()
            }
            store::Action::Shell(pressed) => self.update(shell_message(pressed)),
            store::Action::Unsent {
                task,
                refused,
                left,
            } => self.unsent_moved(task.map(from_store), refused, left),
        }
    }

    /// Hands a shortcut to the screen it belongs to; others ignore it.
    fn on_shortcut(&mut self, shortcut: Shortcut) -> Task<Message> {
        if self.settings.is_some() {
            if shortcut == Shortcut::Close {
                self.settings = None;
            }
            return Task::none();
        }
        match &self.screen {
            Screen::Store(_) => self.update_store(store::Message::Shortcut(shortcut)),
            Screen::ImportOffline => {
                import::shortcut(shortcut).map_or_else(Task::none, |m| self.update_import(m))
            }
            _ => Task::none(),
        }
    }

    /// Back from a form or the profiles: to the open store, else the start screen.
    fn back(&mut self) -> Task<Message> {
        match self.session.clone() {
            Some(session) => self.open_store_screen(session),
            None => {
                self.welcome();
                Task::none()
            }
        }
    }

    fn update_import(&mut self, message: import::Message) -> Task<Message> {
        let store = self.session.as_ref().map(|session| &session.store);
        let action = self.import.update(message, store);
        self.import_task(action)
    }

    pub fn subscription(&self) -> Subscription<Message> {
        let drops = iced::event::listen_with(|event, _status, _window| match event {
            iced::Event::Window(iced::window::Event::FileDropped(path)) => {
                Some(Message::FileDropped(path))
            }
            _ => None,
        });
        // Shortcuts work even while a text field has the focus (the search box, the
        // cell editor): none of them is a key a text field uses.
        let keys = iced::event::listen_with(|event, _status, _window| match event {
            iced::Event::Keyboard(event) => shortcut::of_key(event).map(Message::Shortcut),
            _ => None,
        });
        let store = match &self.screen {
            Screen::Store(screen) => screen.subscription().map(from_store),
            _ => Subscription::none(),
        };
        Subscription::batch([drops, keys, window::events(), store])
    }

    pub fn view(&self) -> Element<'_, Message> {
        let screen = match &self.screen {
            Screen::Welcome {
                starting_demo,
                error,
            } => welcome::view(demo::AVAILABLE, *starting_demo, error.as_deref())
                .map(Message::Welcome),
            Screen::Opening => iced::widget::center(text(tr!("loading"))).into(),
            Screen::Connect(form) => form.view().map(Message::Connect),
            Screen::Profiles(screen) => screen
                .view(
                    &self.config.profiles,
                    self.session.as_ref().map(|s| s.name.as_str()),
                )
                .map(Message::Profiles),
            Screen::ImportOffline => reading_column![
                store::header::view(None, self.config.theme, shell_message),
                container(self.import.view(None).map(Message::Import)).height(Fill),
            ]
            .into(),
            Screen::Store(screen) => screen.view(&self.config, &self.import).map(from_store),
        };
        let screen = if self.notices.is_empty() {
            screen
        } else {
            reading_column![
                super::widget::notice::banner(
                    self.notices.iter().map(String::as_str),
                    Message::DismissNotice
                ),
                screen
            ]
            .into()
        };
        if let Some(closing) = self.closing {
            return window::ask_before_closing(closing, screen);
        }
        match &self.settings {
            Some(panel) => super::widget::dialog::modal(
                screen,
                panel
                    .view(&self.config, &self.data_dir)
                    .map(Message::Settings),
                Message::Settings(settings::Message::Close),
            ),
            None => screen,
        }
    }

    /// What the import screen asked for, as a task of the window.
    fn import_task(&self, action: import::Action) -> Task<Message> {
        match action {
            import::Action::None => Task::none(),
            import::Action::Run(task) => task.map(Message::Import),
            import::Action::UploadEnded(sentence) => self.tell_if_away(DesktopNotice {
                title: tr!("upload-ended-title"),
                body: sentence,
            }),
        }
    }

    /// A desktop notification, when the window is not the one the merchant looks at.
    fn tell_if_away(&self, notice: DesktopNotice) -> Task<Message> {
        if self.focused {
            return Task::none();
        }
        self.desktop.notify(notice)
    }

    /// WhatsApp, a call or the phone copied, with the merchant's message.
    fn reach(&self, how: Reach, customer: &Customer) -> Task<Message> {
        let template = contact::whatsapp_template(&self.config);
        contact::reach(how, customer, &template, &self.desktop, Message::LinkOpened)
            .unwrap_or_else(Task::none)
    }
}

/// A message of the store screen as the window's. The import screen's and the notice
/// bar's go to the window whatever screen shows when they arrive: the import outlives the
/// store, and news of a store is not lost on the way to another screen.
fn from_store(message: store::Message) -> Message {
    match message {
        store::Message::Import(message) => Message::Import(message),
        store::Message::Notify(lines) => Message::Notify(lines),
        message => Message::Store(message),
    }
}

/// What a button of the header that belongs to the window asks for.
fn shell_message(pressed: Shell) -> Message {
    match pressed {
        Shell::Stores => Message::ShowProfiles,
        Shell::Settings => Message::ShowSettings,
        Shell::ToggleTheme => Message::ToggleTheme,
    }
}
