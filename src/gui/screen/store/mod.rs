//! The open store, one screen: its tabs (the glance, leads, orders, the desk, import,
//! uploads, products, payouts, sourcing) and each tab's state, the header that switches them, their shortcuts and the
//! status bar. The window opens it on a connected store and lends it the settings and the
//! import screen, which the window keeps because it outlives the store (its file stays
//! across stores); everything else a tab needs is here, so a new tab touches this folder
//! and the language catalogues, not the window.

pub mod copy_sync;
pub mod dashboard;
pub mod desk;
pub mod header;
pub mod records;
pub mod seller;
mod status_bar;
mod tabs;
pub mod uploads;

use std::path::PathBuf;

use iced::widget::{container, text};
use iced::{Element, Fill, Subscription, Task};

use wedocod_api::{ApiError, Client, ResourceName};
use wedocod_core::config::Config;
use wedocod_core::copy::LocalCopy;
use wedocod_core::desk::queue::QueueOrder;
use wedocod_core::stores::OpenStore;

use crate::gui::desktop::{Desktop, DesktopNotice};
use crate::gui::direction::reading_column;
use crate::gui::screen::import;
use crate::gui::shortcut::Shortcut;
use crate::gui::widget::contact::{self, Customer, Reach};
use crate::i18n::tr;

pub use header::Shell;
pub use tabs::Tab;

/// The screen of an open store.
#[derive(Debug)]
pub struct State {
    tab: Tab,
    /// The store's name, for the status bar (its address is the client's).
    name: String,
    store: OpenStore,
    /// Where the desk opens WhatsApp and call links.
    desktop: Desktop,
    leads: records::State,
    orders: records::State,
    /// Opened on its first visit: it reads the queue only when the merchant works it.
    desk: Option<desk::State>,
    dashboard: dashboard::State,
    uploads: uploads::State,
    products: seller::products::State,
    payouts: seller::payouts::State,
    sourcing: seller::sourcing::State,
    /// The store's local copy, synced every minute.
    copy: copy_sync::State,
}

#[derive(Debug, Clone)]
pub enum Message {
    Tab(Tab),
    /// A button of the header that belongs to the window.
    Shell(Shell),
    Records(ResourceName, records::Message),
    Desk(desk::Message),
    Dashboard(dashboard::Message),
    Uploads(uploads::Message),
    Products(seller::products::Message),
    Payouts(seller::payouts::Message),
    Sourcing(seller::sourcing::Message),
    Copy(copy_sync::Message),
    /// A message of the import screen, which the window keeps: it takes these wherever
    /// they come from, even once another screen shows.
    Import(import::Message),
    /// Lines for the window's notice bar (uploads of the store just opened that need the
    /// merchant). The window takes these wherever they come from too.
    Notify(Vec<String>),
    /// A file dropped on the window: the import tab opens it.
    FileDropped(PathBuf),
    Shortcut(Shortcut),
    /// The page size chosen in the settings, for both tables.
    PerPage(u64),
    /// The language changed: the tables' rows, written in the one before, are read again.
    LanguageChanged,
}

/// What the window must do.
pub enum Action {
    None,
    Run(Task<Message>),
    /// The settings lent were changed (a page size, the desk's statuses): save them; the
    /// task goes on meanwhile.
    SaveSettings(Task<Message>),
    /// For the import screen, which the window keeps.
    Import(import::Message),
    /// Lines for the window's notice bar.
    Notify(Vec<String>),
    /// News the merchant should hear even when looking elsewhere (long work ended, leads
    /// arrived): a desktop notification too then; the task goes on.
    TellIfAway(DesktopNotice, Task<Message>),
    /// Reach a customer (the window knows the message template and opens the store).
    Reach(Reach, Customer),
    /// A 401: the token must be pasted again.
    ReplaceToken,
    Shell(Shell),
    /// Work the store has not taken yet moved on (the desk's outcomes): a window waiting
    /// for it before closing looks again. `refused`: how many the store just refused;
    /// `left`: how many it has still to take.
    Unsent {
        task: Task<Message>,
        refused: Option<usize>,
        left: usize,
    },
}

impl State {
    /// The screen of `store`, called `name`, on its glance, its local copy synced when
    /// `sync_copy`;
    /// the task reads the glance, both tables' first pages, the catalogue for the import
    /// screen, and the uploads that need the merchant.
    pub fn open(
        store: OpenStore,
        name: String,
        config: &Config,
        desktop: Desktop,
        sync_copy: bool,
    ) -> (State, Task<Message>) {
        let per_page = config.page_size;
        let client = &store.client;
        let caches = store.home.caches();
        let local_copy = LocalCopy::of(&store.home);
        let (leads, load_leads) = records::State::new(
            ResourceName::Leads,
            per_page,
            client,
            caches.clone(),
            local_copy.clone(),
        );
        let (orders, load_orders) = records::State::new(
            ResourceName::Orders,
            per_page,
            client,
            caches,
            local_copy.clone(),
        );
        let mut dashboard = dashboard::State::new(local_copy.clone());
        let glance = dashboard.visit(client).map(Message::Dashboard);
        let products = seller::products::State::new(local_copy.clone());
        let payouts = seller::payouts::State::new(local_copy.clone());
        let sourcing = seller::sourcing::State::new(local_copy.clone());
        let (copy, first_sync) = copy_sync::State::start(local_copy, client.clone(), sync_copy);
        let opening = Task::batch([
            first_sync.map(Message::Copy),
            glance,
            load_leads.map(|m| Message::Records(ResourceName::Leads, m)),
            load_orders.map(|m| Message::Records(ResourceName::Orders, m)),
            import::catalogue_of(&store).map(Message::Import),
            needing_attention(store.home.journals()),
        ]);
        let state = State {
            tab: Tab::Dashboard,
            name,
            uploads: uploads::State::for_store(store.home.journals()),
            store,
            desktop,
            leads,
            orders,
            desk: None,
            dashboard,
            products,
            payouts,
            sourcing,
            copy,
        };
        (state, opening)
    }

    /// Outcomes chosen at the desk that the store has not taken yet.
    pub fn unsent(&self) -> usize {
        self.desk
            .as_ref()
            .map_or(0, desk::State::outcomes_in_flight)
    }

    /// Sends the desk's waiting outcomes now, not in a few seconds (the window is closing).
    pub fn send_unsent(&mut self) -> Task<Message> {
        self.desk
            .as_mut()
            .map_or_else(Task::none, |desk| desk.send_now().map(Message::Desk))
    }

    /// `config`: the settings, lent; a change the screen makes to them is answered with
    /// [`Action::SaveSettings`].
    pub fn update(&mut self, message: Message, config: &mut Config) -> Action {
        match message {
            Message::Tab(tab) => self.show(tab, config),
            Message::Shell(pressed) => Action::Shell(pressed),
            Message::Records(resource, message) => self.update_records(resource, message, config),
            Message::Desk(message) => self.update_desk(message, config),
            Message::Dashboard(message) => self.update_dashboard(message, config),
            Message::Uploads(message) => self.update_uploads(message),
            Message::Products(message) => seller_action(
                self.products.update(message, &self.store.client),
                Message::Products,
            ),
            Message::Payouts(message) => seller_action(
                self.payouts.update(message, &self.store.client),
                Message::Payouts,
            ),
            Message::Sourcing(message) => seller_action(
                self.sourcing.update(message, &self.store.client),
                Message::Sourcing,
            ),
            Message::Copy(message) => self.update_copy(message),
            Message::Import(message) => Action::Import(message),
            Message::Notify(lines) => Action::Notify(lines),
            Message::FileDropped(path) => {
                self.tab = Tab::Import;
                Action::Import(import::Message::Dropped(path))
            }
            Message::Shortcut(pressed) => self.on_shortcut(pressed, config),
            Message::PerPage(per_page) => self.both_tables(&records::Message::PerPage(per_page)),
            Message::LanguageChanged => self.both_tables(&records::Message::Reload),
        }
    }

    fn show(&mut self, tab: Tab, config: &Config) -> Action {
        self.tab = tab;
        let client = &self.store.client;
        match tab {
            Tab::Dashboard => Action::Run(self.dashboard.visit(client).map(Message::Dashboard)),
            Tab::Desk if self.desk.is_none() => {
                let statuses = config.desk_statuses();
                let order = if config.desk_newest_first {
                    QueueOrder::NewestFirst
                } else {
                    QueueOrder::OldestFirst
                };
                let (desk, start) = desk::State::new(
                    client.clone(),
                    statuses,
                    order,
                    self.desktop.clone(),
                    self.store.home.caches(),
                    self.copy.copy().clone(),
                );
                self.desk = Some(desk);
                Action::Run(start.map(Message::Desk))
            }
            Tab::Uploads => Action::Run(self.uploads.refresh().map(Message::Uploads)),
            Tab::Products => Action::Run(self.products.visit(client).map(Message::Products)),
            Tab::Payouts => Action::Run(self.payouts.visit(client).map(Message::Payouts)),
            Tab::Sourcing => Action::Run(Task::batch([
                self.sourcing.visit(client).map(Message::Sourcing),
                iced::widget::operation::focus(seller::sourcing::NAME_ID),
            ])),
            Tab::Records(_) | Tab::Desk | Tab::Import => Action::None,
        }
    }

    /// A shortcut: Ctrl+digit opens a tab; the others go to the tab in view.
    fn on_shortcut(&mut self, pressed: Shortcut, config: &mut Config) -> Action {
        if let Shortcut::Tab(place) = pressed {
            return Tab::at(place).map_or(Action::None, |tab| self.show(tab, config));
        }
        match self.tab {
            Tab::Records(resource) => records::shortcut(pressed).map_or(Action::None, |message| {
                self.update_records(resource, message, config)
            }),
            Tab::Desk => desk::shortcut(pressed)
                .map_or(Action::None, |message| self.update_desk(message, config)),
            Tab::Import => import::shortcut(pressed).map_or(Action::None, Action::Import),
            Tab::Products if pressed == Shortcut::Search => {
                Action::Run(iced::widget::operation::focus(seller::products::SEARCH_ID))
            }
            Tab::Products if pressed == Shortcut::Refresh => self.update(
                Message::Products(seller::products::Message::Refresh),
                config,
            ),
            Tab::Payouts if pressed == Shortcut::Refresh => {
                self.update(Message::Payouts(seller::payouts::Message::Refresh), config)
            }
            Tab::Payouts if pressed == Shortcut::Export => {
                self.update(Message::Payouts(seller::payouts::Message::Export), config)
            }
            Tab::Sourcing if pressed == Shortcut::Refresh => self.update(
                Message::Sourcing(seller::sourcing::Message::Refresh),
                config,
            ),
            Tab::Dashboard | Tab::Uploads | Tab::Products | Tab::Payouts | Tab::Sourcing => {
                Action::None
            }
        }
    }

    /// A table, and the client its requests go through.
    fn table(&mut self, resource: ResourceName) -> (&mut records::State, &Client) {
        let table = match resource {
            ResourceName::Leads => &mut self.leads,
            ResourceName::Orders => &mut self.orders,
        };
        (table, &self.store.client)
    }

    fn update_records(
        &mut self,
        resource: ResourceName,
        message: records::Message,
        config: &mut Config,
    ) -> Action {
        let remember = matches!(message, records::Message::PerPage(_));
        if let records::Message::PerPage(per_page) = message {
            // Remembered for next time: merchants pick a page size once.
            config.page_size = per_page;
        }
        let (table, client) = self.table(resource);
        match table.update(message, client) {
            records::Action::None if remember => Action::SaveSettings(Task::none()),
            records::Action::None => Action::None,
            records::Action::Run(task) => {
                let task = task.map(move |m| Message::Records(resource, m));
                if remember {
                    Action::SaveSettings(task)
                } else {
                    Action::Run(task)
                }
            }
            records::Action::SyncCopy(task) => {
                let reload = task.map(move |m| Message::Records(resource, m));
                let sync = match self.copy.update(copy_sync::Message::Due) {
                    copy_sync::Action::Run(sync) => sync.map(Message::Copy),
                    _ => Task::none(),
                };
                Action::Run(Task::batch([reload, sync]))
            }
            records::Action::ReplaceToken => Action::ReplaceToken,
            records::Action::Reach(how, customer) => Action::Reach(how, customer),
            records::Action::ExportEnded(sentence) => Action::TellIfAway(
                DesktopNotice {
                    title: tr!("export-ended-title"),
                    body: sentence,
                },
                Task::none(),
            ),
        }
    }

    /// The same message to both tables (a new page size, a reload): each answers with the
    /// request it sends.
    fn both_tables(&mut self, message: &records::Message) -> Action {
        let tasks = [ResourceName::Leads, ResourceName::Orders].map(|resource| {
            let (table, client) = self.table(resource);
            match table.update(message.clone(), client) {
                records::Action::Run(task) => task.map(move |m| Message::Records(resource, m)),
                _ => Task::none(),
            }
        });
        Action::Run(Task::batch(tasks))
    }

    /// A message of the confirmation desk, with the merchant's WhatsApp message.
    fn update_desk(&mut self, message: desk::Message, config: &mut Config) -> Action {
        let template = contact::whatsapp_template(config);
        let Some(desk) = &mut self.desk else {
            return Action::None;
        };
        let refused = matches!(&message, desk::Message::Sent(Err(error))
            if !matches!(error, ApiError::RateLimited { .. }));
        // A refusal puts its leads back in the queue: none of these reached the store.
        let not_taken = desk.outcomes_in_flight();
        let task = match desk.update(message, &template) {
            desk::Action::None => Task::none(),
            desk::Action::Run(task) => task.map(Message::Desk),
            desk::Action::Statuses(statuses, task) => {
                config.desk_statuses = Some(statuses);
                return Action::SaveSettings(task.map(Message::Desk));
            }
            desk::Action::Order(order, task) => {
                config.desk_newest_first = order == QueueOrder::NewestFirst;
                return Action::SaveSettings(task.map(Message::Desk));
            }
            desk::Action::Arrived(count, task) => {
                let notice = DesktopNotice {
                    title: tr!("desk-arrived-title"),
                    body: tr!("desk-arrived-body", count = count),
                };
                return Action::TellIfAway(notice, task.map(Message::Desk));
            }
        };
        Action::Unsent {
            task,
            refused: refused.then_some(not_taken),
            left: desk.outcomes_in_flight(),
        }
    }

    fn update_dashboard(&mut self, message: dashboard::Message, config: &mut Config) -> Action {
        match self.dashboard.update(message, &self.store.client) {
            dashboard::Action::None => Action::None,
            dashboard::Action::Run(task) => Action::Run(task.map(Message::Dashboard)),
            dashboard::Action::ShowTable(kind, status, filters) => {
                self.tab = Tab::Records(kind);
                self.update_records(
                    kind,
                    records::Message::ShowFiltered(status, filters),
                    config,
                )
            }
        }
    }

    /// A sync ended: the desk reads what the copy knows of its customers again.
    fn update_copy(&mut self, message: copy_sync::Message) -> Action {
        match self.copy.update(message) {
            copy_sync::Action::None => Action::None,
            copy_sync::Action::Run(task) => Action::Run(task.map(Message::Copy)),
            copy_sync::Action::Refreshed(lines) => {
                let desk = self
                    .desk
                    .as_mut()
                    .map_or_else(Task::none, |desk| desk.copy_refreshed().map(Message::Desk));
                let tables = match self.both_tables(&records::Message::Reload) {
                    Action::Run(task) => task,
                    _ => Task::none(),
                };
                let client = &self.store.client;
                let dashboard = self
                    .dashboard
                    .copy_refreshed(client)
                    .map(Message::Dashboard);
                let seller = Task::batch([
                    self.products.copy_refreshed(client).map(Message::Products),
                    self.payouts.copy_refreshed(client).map(Message::Payouts),
                    self.sourcing.copy_refreshed(client).map(Message::Sourcing),
                ]);
                if lines.is_empty() {
                    Action::Run(Task::batch([desk, tables, dashboard, seller]))
                } else {
                    Action::Notify(lines)
                }
            }
        }
    }

    fn update_uploads(&mut self, message: uploads::Message) -> Action {
        match self.uploads.update(message) {
            uploads::Action::None => Action::None,
            uploads::Action::Run(task) => Action::Run(task.map(Message::Uploads)),
            uploads::Action::Resume {
                upload_id,
                file,
                sheet,
                kind,
            } => {
                self.tab = Tab::Import;
                Action::Import(import::Message::ResumeUpload {
                    upload_id,
                    file,
                    sheet,
                    kind,
                })
            }
        }
    }

    /// The tables' 429 countdowns and the desk's ticks.
    pub fn subscription(&self) -> Subscription<Message> {
        Subscription::batch([
            self.leads
                .subscription()
                .map(|m| Message::Records(ResourceName::Leads, m)),
            self.orders
                .subscription()
                .map(|m| Message::Records(ResourceName::Orders, m)),
            self.desk
                .as_ref()
                .map_or_else(Subscription::none, desk::State::subscription)
                .map(Message::Desk),
            self.copy.subscription().map(Message::Copy),
        ])
    }

    /// `config`: the settings, for the theme the header offers; `import`: the import
    /// screen the window keeps, shown in its tab.
    pub fn view<'a>(&'a self, config: &Config, import: &'a import::State) -> Element<'a, Message> {
        let body: Element<'_, Message> = match self.tab {
            Tab::Dashboard => self.dashboard.view().map(Message::Dashboard),
            Tab::Records(resource) => self
                .shown_table(resource)
                .view()
                .map(move |m| Message::Records(resource, m)),
            Tab::Desk => match &self.desk {
                Some(desk) => desk.view().map(Message::Desk),
                None => text(tr!("loading")).into(),
            },
            Tab::Import => import.view(Some(self.name.as_str())).map(Message::Import),
            Tab::Uploads => self.uploads.view().map(Message::Uploads),
            Tab::Products => self.products.view().map(Message::Products),
            Tab::Payouts => self.payouts.view().map(Message::Payouts),
            Tab::Sourcing => self.sourcing.view().map(Message::Sourcing),
        };
        let reachable = match self.tab {
            Tab::Records(resource) => self.shown_table(resource).reachable(),
            _ => self.leads.reachable(),
        };
        let tabs = header::Tabs {
            active: self.tab,
            on_press: Message::Tab,
        };
        reading_column![
            header::view(Some(tabs), config.theme, Message::Shell),
            container(body).height(Fill),
            status_bar::view(
                &self.name,
                self.store.client.profile().base_url().as_str(),
                self.store.client.rate_budget(),
                reachable,
                self.copy.status(),
            ),
        ]
        .into()
    }

    fn shown_table(&self, resource: ResourceName) -> &records::State {
        match resource {
            ResourceName::Leads => &self.leads,
            ResourceName::Orders => &self.orders,
        }
    }
}

/// A seller tab's action as the window's, its messages wrapped by `wrap`.
fn seller_action<M: Send + 'static>(action: seller::Action<M>, wrap: fn(M) -> Message) -> Action {
    match action {
        seller::Action::None => Action::None,
        seller::Action::Run(task) => Action::Run(task.map(wrap)),
        seller::Action::ReplaceToken => Action::ReplaceToken,
    }
}

/// Lists the store's uploads that need the merchant (stopped before their end, or whose
/// journal cannot be read) as lines for the notice bar.
fn needing_attention(journals: PathBuf) -> Task<Message> {
    Task::perform(uploads::load(journals), |listing| {
        let (interrupted, damaged) = uploads::needing_attention(&listing);
        let mut lines = Vec::new();
        if interrupted > 0 {
            lines.push(tr!("uploads-interrupted", count = interrupted));
        }
        if damaged > 0 {
            lines.push(tr!("uploads-damaged", count = damaged));
        }
        Message::Notify(lines)
    })
}
