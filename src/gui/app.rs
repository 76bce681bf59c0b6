//! The application shell: which screen is showing, the connected store, the saved
//! stores (profiles, in the config file) and their tokens (in the keyring), the header
//! with the Leads/Orders tabs, the status bar, keyboard shortcuts and the theme.

mod demo;
mod preferences;
mod session;
mod shortcuts;
mod window;

use std::path::PathBuf;

use iced::widget::{button, column, container, row, space, text};
use iced::{Center, Element, Fill, Subscription, Task, Theme};

use wedocod_api::{ApiError, ResourceName};
use wedocod_core::config::Config;
use wedocod_core::secrets::TokenVault;
use wedocod_core::upload::catalogue_cache::KnownCatalogue;

use super::config_saver::ConfigSaver;
use super::desktop::{Desktop, DesktopNotice};
use super::screen::{
    connect, dashboard, desk, import, profiles, records, settings, uploads, welcome,
};
use super::theme;
use crate::i18n::tr;

pub use demo::Demo;
pub use session::Session;
pub use shortcuts::Shortcut;
pub use window::{WindowEvent, settings_for as window_settings_for};

/// Where the token vault comes from.
#[derive(Debug, Clone)]
pub enum VaultSource {
    /// The operating system's keyring (session-only when there is none).
    System,
    /// A given vault: tests share one between two launches to stand for the keyring.
    Given(TokenVault),
}

/// How the window starts.
#[derive(Debug, Clone)]
pub struct LaunchOptions {
    /// Go straight to the embedded demo store.
    pub demo: bool,
    pub config_file: PathBuf,
    /// Where each store's upload journals and caches go.
    pub data_dir: PathBuf,
    pub vault: VaultSource,
    /// The desktop around the window: notifications and links opened.
    pub desktop: Desktop,
}

impl LaunchOptions {
    /// The console as merchants run it: their config file and keyring.
    pub fn standard(demo: bool) -> Self {
        LaunchOptions {
            demo,
            config_file: wedocod_core::config::config_file(),
            data_dir: wedocod_core::paths::data_dir(),
            vault: VaultSource::System,
            desktop: Desktop::System,
        }
    }
}

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
    Browse(Box<Browse>),
}

/// The tabs of a connected store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    /// The store at a glance.
    Dashboard,
    Records(ResourceName),
    /// The confirmation desk.
    Desk,
    Import,
    Uploads,
}

/// The Leads and Orders screens of a connected store.
#[derive(Debug)]
struct Browse {
    tab: Tab,
    leads: records::State,
    orders: records::State,
    /// Opened on its first visit: it reads the queue only when the merchant works it.
    desk: Option<desk::State>,
    dashboard: dashboard::State,
}

impl Browse {
    fn screen(&self, resource: ResourceName) -> &records::State {
        match resource {
            ResourceName::Leads => &self.leads,
            ResourceName::Orders => &self.orders,
        }
    }

    fn screen_mut(&mut self, resource: ResourceName) -> &mut records::State {
        match resource {
            ResourceName::Leads => &mut self.leads,
            ResourceName::Orders => &mut self.orders,
        }
    }
}

#[derive(Debug, Clone)]
pub enum Message {
    /// The keyring, a store being opened, the demo starting: see [`session`].
    Session(session::Message),
    /// The settings file was written (or why not).
    ConfigSaved(Result<(), String>),
    Welcome(welcome::Message),
    Connect(connect::Message),
    Profiles(profiles::Message),
    ShowProfiles,
    ShowSettings,
    Settings(settings::Message),
    Tab(Tab),
    Records(ResourceName, records::Message),
    Desk(desk::Message),
    Dashboard(dashboard::Message),
    Import(import::Message),
    Uploads(uploads::Message),
    Catalogue(Result<KnownCatalogue, ApiError>),
    /// How many uploads to the store just opened stopped before their end, and how
    /// many of its journals cannot be read.
    UploadsNeedingAttention(usize, usize),
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
    uploads: uploads::State,
    data_dir: PathBuf,
    /// The Settings panel, over the screen, while it is open.
    settings: Option<settings::State>,
    /// The window was asked to close and the merchant must choose first: the question is
    /// on screen.
    closing: Option<Closing>,
    /// The window was asked to close while desk outcomes were on their way: it closes once
    /// the store has them.
    close_when_sent: bool,
    desktop: Desktop,
    /// Whether the window has the keyboard: long work that ends out of sight is told by a
    /// desktop notification too.
    focused: bool,
}

/// Why closing the window waits for the merchant's word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Closing {
    /// An upload runs (it stops and can be resumed).
    Upload,
    /// Desk outcomes the store refused or asks to wait for (their leads keep their status).
    DeskOutcomes(usize),
}

impl App {
    pub fn boot(options: LaunchOptions) -> (App, Task<Message>) {
        let loaded = Config::load_from(&options.config_file);
        crate::i18n::set_language(preferences::starting_language(
            loaded.config.language.as_deref(),
        ));
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
            uploads: uploads::State::default(),
            data_dir: options.data_dir,
            settings: None,
            closing: None,
            close_when_sent: false,
            desktop: options.desktop,
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
        (app, Task::batch([vault, demo]))
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

    fn per_page(&self) -> u64 {
        u64::from(self.config.page_size)
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

    /// Opens the leads and orders screens on a connected store.
    fn browse(&mut self, session: Session) -> Task<Message> {
        let journals = session.store.home.journals();
        let attention = Task::perform(uploads::load(journals.clone()), |listing| {
            let (interrupted, damaged) = uploads::needing_attention(&listing);
            Message::UploadsNeedingAttention(interrupted, damaged)
        });
        self.uploads.set_store(journals);
        let catalogue = Task::perform(
            wedocod_core::upload::catalogue_cache::load(
                session.store.client.clone(),
                session.store.home.caches(),
            ),
            Message::Catalogue,
        );
        let per_page = self.per_page();
        let client = &session.store.client;
        let (leads, load_leads) = records::State::new(ResourceName::Leads, per_page, client);
        let (orders, load_orders) = records::State::new(ResourceName::Orders, per_page, client);
        let mut dashboard = dashboard::State::default();
        let glance = dashboard.visit(client).map(Message::Dashboard);
        self.session = Some(session);
        self.screen = Screen::Browse(Box::new(Browse {
            tab: Tab::Dashboard,
            leads,
            orders,
            desk: None,
            dashboard,
        }));
        Task::batch([
            glance,
            load_leads.map(|m| Message::Records(ResourceName::Leads, m)),
            load_orders.map(|m| Message::Records(ResourceName::Orders, m)),
            catalogue,
            attention,
        ])
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
            Message::Tab(tab) => self.show_tab(tab),
            Message::UploadsNeedingAttention(interrupted, damaged) => {
                self.tell_uploads_needing_attention(interrupted, damaged);
                Task::none()
            }
            Message::Catalogue(result) => self.take_catalogue(result),
            Message::Uploads(message) => self.update_uploads(message),
            Message::Records(resource, message) => self.update_records(resource, message),
            Message::Desk(message) => self.update_desk(message),
            Message::Dashboard(message) => self.update_dashboard(message),
            Message::Import(message) => self.update_import(message),
            Message::FileDropped(path) => {
                match &mut self.screen {
                    Screen::Browse(browse) => browse.tab = Tab::Import,
                    Screen::ImportOffline => {}
                    _ => self.screen = Screen::ImportOffline,
                }
                self.update_import(import::Message::Dropped(path))
            }
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

    fn show_tab(&mut self, tab: Tab) -> Task<Message> {
        if let Screen::Browse(browse) = &mut self.screen {
            browse.tab = tab;
            if tab == Tab::Dashboard
                && let Some(session) = &self.session
            {
                return browse
                    .dashboard
                    .visit(&session.store.client)
                    .map(Message::Dashboard);
            }
            if tab == Tab::Desk
                && browse.desk.is_none()
                && let Some(session) = &self.session
            {
                let statuses = self.config.desk_statuses();
                let client = session.store.client.clone();
                let (desk, start) = desk::State::new(client, statuses, self.desktop.clone());
                browse.desk = Some(desk);
                return start.map(Message::Desk);
            }
        }
        match tab {
            Tab::Uploads => self.uploads.refresh().map(Message::Uploads),
            _ => Task::none(),
        }
    }

    fn update_dashboard(&mut self, message: dashboard::Message) -> Task<Message> {
        let (Screen::Browse(browse), Some(session)) = (&mut self.screen, &self.session) else {
            return Task::none();
        };
        match browse.dashboard.update(message, &session.store.client) {
            dashboard::Action::None => Task::none(),
            dashboard::Action::Run(task) => task.map(Message::Dashboard),
            dashboard::Action::ShowTable(kind, status) => {
                browse.tab = Tab::Records(kind);
                let only = records::StatusFilter::Only(status);
                self.update_records(kind, records::Message::StatusFilter(only))
            }
        }
    }

    fn desk(&mut self) -> Option<&mut desk::State> {
        match &mut self.screen {
            Screen::Browse(browse) => browse.desk.as_mut(),
            _ => None,
        }
    }

    /// Desk outcomes the store has not taken yet.
    fn desk_outcomes_in_flight(&mut self) -> usize {
        self.desk().map_or(0, |desk| desk.outcomes_in_flight())
    }

    fn send_desk_outcomes_now(&mut self) -> Task<Message> {
        self.desk()
            .map_or_else(Task::none, |desk| desk.send_now().map(Message::Desk))
    }

    /// A message of the confirmation desk, with the merchant's WhatsApp message.
    pub(super) fn update_desk(&mut self, message: desk::Message) -> Task<Message> {
        let template = super::widget::contact::whatsapp_template(&self.config);
        let Screen::Browse(browse) = &mut self.screen else {
            return Task::none();
        };
        let Some(desk) = &mut browse.desk else {
            return Task::none();
        };
        let refused = matches!(&message, desk::Message::Sent(Err(error))
            if !matches!(error, ApiError::RateLimited { .. }));
        // A refusal puts its leads back in the queue: none of these reached the store.
        let not_taken = desk.outcomes_in_flight();
        let task = match desk.update(message, &template) {
            desk::Action::None => Task::none(),
            desk::Action::Run(task) => task.map(Message::Desk),
            desk::Action::Statuses(statuses, task) => {
                self.config.desk_statuses = Some(statuses);
                return Task::batch([task.map(Message::Desk), self.save_config()]);
            }
        };
        if !self.close_when_sent {
            return task;
        }
        match desk.outcomes_in_flight() {
            0 if !refused => {
                self.close_when_sent = false;
                Task::batch([task, self.close_now()])
            }
            _ if refused => {
                // The store did not take them: the merchant decides.
                self.close_when_sent = false;
                self.closing = Some(Closing::DeskOutcomes(not_taken));
                task
            }
            _ => task,
        }
    }

    fn tell_uploads_needing_attention(&mut self, interrupted: usize, damaged: usize) {
        if interrupted > 0 {
            self.notify(tr!("uploads-interrupted", count = interrupted));
        }
        if damaged > 0 {
            self.notify(tr!("uploads-damaged", count = damaged));
        }
    }

    /// The store's catalogue (fetched, or the cached copy) for the import screen's checks.
    fn take_catalogue(&mut self, result: Result<KnownCatalogue, ApiError>) -> Task<Message> {
        let (catalogue, note) = match result {
            Ok(known) => {
                let count = known.saved.skus.len();
                let note = if known.fresh {
                    tr!("catalogue-fresh", count = count)
                } else {
                    let hours = known.age().as_secs() / 3600;
                    tr!("catalogue-cached", count = count, hours = hours)
                };
                (Some(known.catalogue()), Some(note))
            }
            Err(error) => (None, Some(tr!("catalogue-unknown", reason = error))),
        };
        let action = self.import.set_catalogue(catalogue, note);
        self.import_task(action)
    }

    fn update_uploads(&mut self, message: uploads::Message) -> Task<Message> {
        match self.uploads.update(message) {
            uploads::Action::None => Task::none(),
            uploads::Action::Run(task) => task.map(Message::Uploads),
            uploads::Action::Resume {
                upload_id,
                file,
                sheet,
                kind,
            } => {
                if let Screen::Browse(browse) = &mut self.screen {
                    browse.tab = Tab::Import;
                }
                self.update_import(import::Message::ResumeUpload {
                    upload_id,
                    file,
                    sheet,
                    kind,
                })
            }
        }
    }
    /// Back from a form or the profiles: to the open store, else the start screen.
    fn back(&mut self) -> Task<Message> {
        match self.session.clone() {
            Some(session) => self.browse(session),
            None => {
                self.welcome();
                Task::none()
            }
        }
    }

    fn update_profiles(&mut self, message: profiles::Message) -> Task<Message> {
        let Screen::Profiles(screen) = &mut self.screen else {
            return Task::none();
        };
        match screen.update(message) {
            profiles::Action::None => Task::none(),
            profiles::Action::Open(name) => self.open_profile(name),
            profiles::Action::Add => {
                self.screen =
                    Screen::Connect(Box::new(connect::State::adding(self.profile_names())));
                Task::none()
            }
            profiles::Action::Back => self.back(),
            profiles::Action::Rename { old, new } => {
                if let Err(error) = self.config.rename_profile(&old, &new) {
                    screen.refuse(error.to_string());
                    return Task::none();
                }
                let new = new.trim().to_string();
                let saved = self.save_config();
                if let Some(session) = self.session.as_mut().filter(|s| s.name == old) {
                    session.name = new.clone();
                }
                let vault = self.vault.clone();
                let renamed =
                    Task::perform(async move { vault.rename(&old, &new).await }, |done| {
                        Message::Session(session::Message::KeyringDone(done))
                    });
                Task::batch([saved, renamed])
            }
            profiles::Action::Delete(name) => {
                if let Err(error) = self.config.delete_profile(&name) {
                    screen.refuse(error.to_string());
                    return Task::none();
                }
                let saved = self.save_config();
                if self.session.as_ref().is_some_and(|s| s.name == name) {
                    self.session = None;
                }
                let vault = self.vault.clone();
                let deleted = Task::perform(async move { vault.delete(&name).await }, |done| {
                    Message::Session(session::Message::KeyringDone(done))
                });
                Task::batch([saved, deleted])
            }
        }
    }

    fn update_import(&mut self, message: import::Message) -> Task<Message> {
        let store = self.session.as_ref().map(|session| &session.store);
        let action = self.import.update(message, store);
        self.import_task(action)
    }

    fn update_records(
        &mut self,
        resource: ResourceName,
        message: records::Message,
    ) -> Task<Message> {
        let saved = match message {
            records::Message::PerPage(per_page) => {
                // Remembered for next time: merchants pick a page size once.
                self.config.page_size =
                    u32::try_from(per_page).unwrap_or(wedocod_core::config::DEFAULT_PAGE_SIZE);
                self.save_config()
            }
            _ => Task::none(),
        };
        let (Screen::Browse(browse), Some(session)) = (&mut self.screen, &self.session) else {
            return saved;
        };
        let task = match browse
            .screen_mut(resource)
            .update(message, &session.store.client)
        {
            records::Action::None => Task::none(),
            records::Action::Run(task) => task.map(move |m| Message::Records(resource, m)),
            records::Action::ReplaceToken => {
                let form = connect::State::for_profile(&session.name, &session.profile);
                self.screen = Screen::Connect(Box::new(form));
                Task::none()
            }
            records::Action::Reach(how, customer) => {
                let template = super::widget::contact::whatsapp_template(&self.config);
                super::widget::contact::reach(
                    how,
                    &customer,
                    &template,
                    &self.desktop,
                    Message::LinkOpened,
                )
                .unwrap_or_else(Task::none)
            }
            records::Action::ExportEnded(sentence) => {
                self.tell_if_away(tr!("export-ended-title"), sentence)
            }
        };
        Task::batch([saved, task])
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
            iced::Event::Keyboard(event) => shortcuts::shortcut(event).map(Message::Shortcut),
            _ => None,
        });
        let Screen::Browse(browse) = &self.screen else {
            return Subscription::batch([drops, keys, window::events()]);
        };
        Subscription::batch([
            drops,
            keys,
            window::events(),
            browse
                .leads
                .subscription()
                .map(|m| Message::Records(ResourceName::Leads, m)),
            browse
                .orders
                .subscription()
                .map(|m| Message::Records(ResourceName::Orders, m)),
            browse
                .desk
                .as_ref()
                .map_or_else(Subscription::none, desk::State::subscription)
                .map(Message::Desk),
        ])
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
            Screen::ImportOffline => column![
                self.header(None),
                container(self.import.view(None).map(Message::Import)).height(Fill),
            ]
            .into(),
            Screen::Browse(browse) => {
                let body: Element<'_, Message> = match browse.tab {
                    Tab::Records(resource) => browse
                        .screen(resource)
                        .view()
                        .map(move |m| Message::Records(resource, m)),
                    Tab::Import => self
                        .import
                        .view(self.session.as_ref().map(|s| s.name.as_str()))
                        .map(Message::Import),
                    Tab::Uploads => self.uploads.view().map(Message::Uploads),
                    Tab::Dashboard => browse.dashboard.view().map(Message::Dashboard),
                    Tab::Desk => match &browse.desk {
                        Some(desk) => desk.view().map(Message::Desk),
                        None => text(tr!("loading")).into(),
                    },
                };
                let reachable = match browse.tab {
                    Tab::Records(resource) => browse.screen(resource).reachable(),
                    Tab::Import | Tab::Uploads | Tab::Desk | Tab::Dashboard => {
                        browse.leads.reachable()
                    }
                };
                column![
                    self.header(Some(browse.tab)),
                    container(body).height(Fill),
                    self.status_bar(reachable)
                ]
                .into()
            }
        };
        let screen = if self.notices.is_empty() {
            screen
        } else {
            column![
                super::widget::notice::banner(
                    self.notices.iter().map(String::as_str),
                    Message::DismissNotice
                ),
                screen
            ]
            .into()
        };
        if let Some(closing) = self.closing {
            let (title, body) = match closing {
                Closing::Upload => (
                    tr!("close-while-uploading-title"),
                    tr!("close-while-uploading-body"),
                ),
                Closing::DeskOutcomes(count) => (
                    tr!("close-with-outcomes-title"),
                    tr!("close-with-outcomes-body", count = count),
                ),
            };
            return super::widget::dialog::proceed(
                screen,
                title,
                body,
                Message::Window(WindowEvent::KeepOpen),
                (
                    tr!("close-anyway"),
                    Message::Window(WindowEvent::CloseAnyway),
                ),
            );
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

    /// The top bar: the tabs of a connected store, or the way back without one.
    fn header(&self, active: Option<Tab>) -> Element<'_, Message> {
        let tab = |label: String, tab: Tab| {
            button(text(label).size(16))
                .style(if Some(tab) == active {
                    button::primary
                } else {
                    button::text
                })
                .on_press(Message::Tab(tab))
        };
        let theme_label = match theme::toggled(self.config.theme) {
            wedocod_core::config::ThemeChoice::Dark => tr!("theme-dark"),
            _ => tr!("theme-light"),
        };
        let mut bar = row![text(tr!("app-name")).size(20), space().width(24)]
            .spacing(theme::GAP)
            .align_y(Center);
        bar = match active {
            Some(_) => bar
                .push(tab(tr!("glance-tab"), Tab::Dashboard))
                .push(tab(tr!("leads"), Tab::Records(ResourceName::Leads)))
                .push(tab(tr!("orders"), Tab::Records(ResourceName::Orders)))
                .push(tab(tr!("desk-tab"), Tab::Desk))
                .push(tab(tr!("import"), Tab::Import))
                .push(tab(tr!("uploads-tab"), Tab::Uploads)),
            None => bar.push(text(tr!("import")).size(16)),
        };
        bar = bar.push(space().width(Fill));
        bar = bar.push(
            button(text(tr!("stores")))
                .style(button::secondary)
                .on_press(Message::ShowProfiles),
        );
        bar = bar.push(
            button(text(tr!("settings")))
                .style(button::secondary)
                .on_press(Message::ShowSettings),
        );
        bar = bar.push(
            button(text(theme_label))
                .style(button::secondary)
                .on_press(Message::ToggleTheme),
        );
        container(bar)
            .padding([8, 12])
            .width(Fill)
            .style(theme::bar)
            .into()
    }

    fn status_bar(&self, reachable: Option<bool>) -> Element<'_, Message> {
        let Some(session) = &self.session else {
            return space().into();
        };
        let budget = session
            .store
            .client
            .rate_budget()
            .map(|b| tr!("rate-budget", remaining = b.remaining, limit = b.limit))
            .unwrap_or_default();
        let network = match reachable {
            Some(false) => text(tr!("offline")).style(text::danger),
            _ => text(tr!("online")).style(text::success),
        };
        container(
            row![
                text(&session.name),
                text("·"),
                text(session.profile.base_url().as_str()).style(theme::muted),
                space().width(Fill),
                text(budget).style(theme::muted),
                network,
            ]
            .spacing(theme::GAP)
            .align_y(Center),
        )
        .padding([4, 12])
        .width(Fill)
        .style(theme::bar)
        .into()
    }
}

impl App {
    /// What the import screen asked for, as a task of the window.
    fn import_task(&self, action: import::Action) -> Task<Message> {
        match action {
            import::Action::None => Task::none(),
            import::Action::Run(task) => task.map(Message::Import),
            import::Action::UploadEnded(sentence) => {
                self.tell_if_away(tr!("upload-ended-title"), sentence)
            }
        }
    }

    /// A desktop notification, when the window is not the one the merchant looks at.
    fn tell_if_away(&self, title: String, body: String) -> Task<Message> {
        if self.focused {
            return Task::none();
        }
        self.desktop.notify(DesktopNotice { title, body })
    }
}
