//! The application shell: which screen is showing, the connected store, the header
//! with the Leads/Orders tabs, the status bar, keyboard shortcuts and the theme.

use std::sync::Arc;

use iced::keyboard::{self, Key, key::Named};
use iced::widget::{button, column, container, row, space, text};
use iced::{Center, Element, Fill, Subscription, Task, Theme};
use secrecy::SecretString;

use crate::api::{ApiProfile, Client, Dialect, ResourceName};
use crate::sandbox::{BackgroundSandbox, SandboxConfig};

use super::i18n::{fill, strings};
use super::screen::{connect, records, welcome};
use super::theme::{self, ThemeChoice};

/// How the window starts.
#[derive(Debug, Clone, Copy, Default)]
pub struct LaunchOptions {
    /// Go straight to the embedded demo store.
    pub demo: bool,
}

/// The store the window talks to.
#[derive(Debug, Clone)]
struct Session {
    name: String,
    profile: ApiProfile,
    client: Client,
    /// The embedded demo store, kept alive while connected to it.
    _demo: Option<Arc<BackgroundSandbox>>,
}

#[derive(Debug)]
enum Screen {
    Welcome {
        starting_demo: bool,
        error: Option<String>,
    },
    Connect(Box<connect::State>),
    Browse(Box<Browse>),
}

/// The Leads and Orders screens of a connected store.
#[derive(Debug)]
struct Browse {
    tab: ResourceName,
    leads: records::State,
    orders: records::State,
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

/// A keyboard shortcut of the browse screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shortcut {
    PreviousPage,
    NextPage,
    Refresh,
    Search,
}

#[derive(Debug, Clone)]
pub enum Message {
    Welcome(welcome::Message),
    DemoStarted(Result<Arc<BackgroundSandbox>, String>),
    Connect(connect::Message),
    Tab(ResourceName),
    Records(ResourceName, records::Message),
    Shortcut(Shortcut),
    ToggleTheme,
}

/// The whole window.
#[derive(Debug)]
pub struct App {
    screen: Screen,
    session: Option<Session>,
    theme: ThemeChoice,
    per_page: u64,
}

/// Starts the embedded sandbox off the UI thread.
async fn start_demo() -> Result<Arc<BackgroundSandbox>, String> {
    tokio::task::spawn_blocking(|| BackgroundSandbox::start(SandboxConfig::default()))
        .await
        .map_err(|error| error.to_string())?
        .map(Arc::new)
        .map_err(|error| error.to_string())
}

fn shortcut(event: keyboard::Event) -> Option<Shortcut> {
    let keyboard::Event::KeyPressed { key, modifiers, .. } = event else {
        return None;
    };
    match key.as_ref() {
        Key::Named(Named::PageUp) => Some(Shortcut::PreviousPage),
        Key::Named(Named::PageDown) => Some(Shortcut::NextPage),
        Key::Character("r") if modifiers.command() => Some(Shortcut::Refresh),
        Key::Character("f") if modifiers.command() => Some(Shortcut::Search),
        Key::Named(Named::F5) => Some(Shortcut::Refresh),
        _ => None,
    }
}

impl App {
    pub fn boot(options: LaunchOptions) -> (App, Task<Message>) {
        let mut app = App {
            screen: Screen::Welcome {
                starting_demo: false,
                error: None,
            },
            session: None,
            theme: ThemeChoice::default(),
            per_page: 50,
        };
        let task = if options.demo {
            app.update(Message::Welcome(welcome::Message::ExploreDemo))
        } else {
            Task::none()
        };
        (app, task)
    }

    pub fn title(&self) -> String {
        match &self.session {
            Some(session) => format!("{} — {}", strings().app_name, session.name),
            None => strings().app_name.to_string(),
        }
    }

    pub fn theme(&self) -> Theme {
        self.theme.theme()
    }

    /// Opens the leads and orders screens on a connected store.
    fn browse(&mut self, session: Session) -> Task<Message> {
        let (leads, load_leads) =
            records::State::new(ResourceName::Leads, self.per_page, &session.client);
        let (orders, load_orders) =
            records::State::new(ResourceName::Orders, self.per_page, &session.client);
        self.session = Some(session);
        self.screen = Screen::Browse(Box::new(Browse {
            tab: ResourceName::Leads,
            leads,
            orders,
        }));
        Task::batch([
            load_leads.map(|m| Message::Records(ResourceName::Leads, m)),
            load_orders.map(|m| Message::Records(ResourceName::Orders, m)),
        ])
    }

    pub fn update(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::Welcome(welcome::Message::ExploreDemo) => {
                self.screen = Screen::Welcome {
                    starting_demo: true,
                    error: None,
                };
                Task::perform(start_demo(), Message::DemoStarted)
            }
            Message::Welcome(welcome::Message::ConnectStore) => {
                self.screen = Screen::Connect(Box::default());
                Task::none()
            }
            Message::DemoStarted(Ok(sandbox)) => {
                let token = SecretString::from(sandbox.token().to_string());
                let connected = ApiProfile::new(sandbox.base_url(), "", Dialect::V2)
                    .map_err(|error| error.to_string())
                    .and_then(|profile| {
                        super::client_for(&profile, &token)
                            .map(|client| (profile, client))
                            .map_err(|error| error.to_string())
                    });
                match connected {
                    Ok((profile, client)) => self.browse(Session {
                        name: strings().demo_profile.to_string(),
                        profile,
                        client,
                        _demo: Some(sandbox),
                    }),
                    Err(error) => {
                        self.screen = Screen::Welcome {
                            starting_demo: false,
                            error: Some(error),
                        };
                        Task::none()
                    }
                }
            }
            Message::DemoStarted(Err(error)) => {
                self.screen = Screen::Welcome {
                    starting_demo: false,
                    error: Some(error),
                };
                Task::none()
            }
            Message::Connect(message) => {
                let Screen::Connect(form) = &mut self.screen else {
                    return Task::none();
                };
                match form.update(message) {
                    connect::Action::None => Task::none(),
                    connect::Action::Run(task) => task.map(Message::Connect),
                    connect::Action::Back => {
                        self.screen = match &self.session {
                            Some(session) => return self.browse(session.clone()),
                            None => Screen::Welcome {
                                starting_demo: false,
                                error: None,
                            },
                        };
                        Task::none()
                    }
                    connect::Action::Connected(connected) => self.browse(Session {
                        name: connected.name,
                        profile: connected.profile,
                        client: connected.client,
                        _demo: None,
                    }),
                }
            }
            Message::Tab(resource) => {
                if let Screen::Browse(browse) = &mut self.screen {
                    browse.tab = resource;
                }
                Task::none()
            }
            Message::Records(resource, message) => self.update_records(resource, message),
            Message::Shortcut(shortcut) => {
                let Screen::Browse(browse) = &self.screen else {
                    return Task::none();
                };
                let tab = browse.tab;
                let message = match shortcut {
                    Shortcut::PreviousPage => records::Message::PreviousPage,
                    Shortcut::NextPage => records::Message::NextPage,
                    Shortcut::Refresh => records::Message::Refresh,
                    Shortcut::Search => records::Message::FocusSearch,
                };
                self.update_records(tab, message)
            }
            Message::ToggleTheme => {
                self.theme = self.theme.toggled();
                Task::none()
            }
        }
    }

    fn update_records(
        &mut self,
        resource: ResourceName,
        message: records::Message,
    ) -> Task<Message> {
        let (Screen::Browse(browse), Some(session)) = (&mut self.screen, &self.session) else {
            return Task::none();
        };
        match browse.screen_mut(resource).update(message, &session.client) {
            records::Action::None => Task::none(),
            records::Action::Run(task) => task.map(move |m| Message::Records(resource, m)),
            records::Action::ReplaceToken => {
                self.screen = Screen::Connect(Box::new(connect::State::for_profile(
                    &session.name,
                    &session.profile,
                )));
                Task::none()
            }
        }
    }

    pub fn subscription(&self) -> Subscription<Message> {
        let Screen::Browse(browse) = &self.screen else {
            return Subscription::none();
        };
        Subscription::batch([
            keyboard::listen()
                .filter_map(shortcut)
                .map(Message::Shortcut),
            browse
                .leads
                .subscription()
                .map(|m| Message::Records(ResourceName::Leads, m)),
            browse
                .orders
                .subscription()
                .map(|m| Message::Records(ResourceName::Orders, m)),
        ])
    }

    pub fn view(&self) -> Element<'_, Message> {
        match &self.screen {
            Screen::Welcome {
                starting_demo,
                error,
            } => welcome::view(*starting_demo, error.as_deref()).map(Message::Welcome),
            Screen::Connect(form) => form.view().map(Message::Connect),
            Screen::Browse(browse) => {
                let resource = browse.tab;
                let active = browse.screen(resource);
                column![
                    self.header(resource),
                    container(active.view().map(move |m| Message::Records(resource, m)))
                        .height(Fill),
                    self.status_bar(active),
                ]
                .into()
            }
        }
    }

    fn header(&self, active: ResourceName) -> Element<'_, Message> {
        let s = strings();
        let tab = |label: &'static str, resource: ResourceName| {
            button(text(label).size(16))
                .style(if resource == active {
                    button::primary
                } else {
                    button::text
                })
                .on_press(Message::Tab(resource))
        };
        let theme_label = match self.theme {
            ThemeChoice::Light => s.theme_dark,
            ThemeChoice::Dark => s.theme_light,
        };
        container(
            row![
                text(s.app_name).size(20),
                space().width(24),
                tab(s.leads, ResourceName::Leads),
                tab(s.orders, ResourceName::Orders),
                space().width(Fill),
                button(text(theme_label))
                    .style(button::secondary)
                    .on_press(Message::ToggleTheme),
            ]
            .spacing(theme::GAP)
            .align_y(Center),
        )
        .padding([8, 12])
        .width(Fill)
        .style(theme::bar)
        .into()
    }

    fn status_bar(&self, active: &records::State) -> Element<'_, Message> {
        let s = strings();
        let Some(session) = &self.session else {
            return space().into();
        };
        let budget = session
            .client
            .rate_budget()
            .map(|b| {
                fill(
                    s.rate_budget,
                    &[("remaining", &b.remaining), ("limit", &b.limit)],
                )
            })
            .unwrap_or_default();
        let network = match active.reachable() {
            Some(false) => text(s.offline).style(text::danger),
            _ => text(s.online).style(text::success),
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
