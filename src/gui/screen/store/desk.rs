//! The confirmation desk: one lead at a time, large, with *WhatsApp*, *Call* and *Copy
//! phone*, and one button and one key per outcome (`1`–`6`: every lead status but `new`),
//! *Skip* (`S`) and *Undo last* (`U`, or Ctrl+Z). The next lead shows at once: outcomes go
//! to the store in the background, in small bulk updates (see `wedocod_core::desk::queue`),
//! and one the store refuses comes back to its lead with the error's wording. The statuses the queue
//! works through are ticked above the card (kept in the settings). Under the history, what
//! the store's local copy knows of the customer: earlier orders and how they ended, a
//! warning when the phone returned parcels before, and a likely duplicate (`D` marks it).

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use iced::widget::{button, checkbox, container, space, text};
use iced::{Center, Element, Fill, Subscription, Task};

use crate::gui::desktop::Desktop;
use crate::gui::direction::{reading_column, reading_row};
use crate::gui::shortcut::Shortcut;
use crate::gui::theme;
use crate::gui::widget::contact::{self, Customer, Reach};
use crate::gui::widget::customer_past;
use crate::gui::widget::error_view;
use crate::gui::widget::status_history;
use crate::gui::widget::stock_warnings;
use crate::i18n::conventions;
use crate::i18n::{status_label, tr};
use wedocod_api::statuses::LEAD_STATUSES;
use wedocod_api::wire::{History, Lead};
use wedocod_api::{ApiError, Client, ListQuery, Page, ResourceName};
use wedocod_core::copy::{CopyQuery, Earlier, LocalCopy};
use wedocod_core::desk::contact::TemplateValues;
use wedocod_core::desk::queue::{Card, Desk, QueueOrder, queue_order};
use wedocod_core::records::requests::Record;
use wedocod_core::records::{RecordSummary, products_named};
use wedocod_core::upload::catalogue_cache::{self, ProductLookups};

/// The outcomes, in the order of their keys `1`…: every lead status but `new`.
fn outcomes() -> impl Iterator<Item = &'static str> {
    LEAD_STATUSES
        .iter()
        .copied()
        .filter(|status| *status != "new")
}

#[derive(Debug, Clone)]
pub enum Message {
    PageRead(ListQuery, Result<Page<Lead>, ApiError>),
    /// A lead's status history (by its reference).
    HistoryRead(String, Result<Page<History>, ApiError>),
    /// The outcome of key `n + 1` (an index in `outcomes()`).
    Decide(usize),
    Skip,
    Undo,
    /// The store's answer to a bulk update.
    Sent(Result<(), ApiError>),
    /// Once a second while outcomes wait: sends them when it is time.
    Tick,
    /// WhatsApp, a call or the phone copied (`W`, `C`, `P`).
    Reach(Reach),
    Opened(Result<(), String>),
    /// A key pressed while the desk shows.
    Key(char),
    /// The merchant ticked or unticked a status of the queue.
    QueueStatus(&'static str, bool),
    /// The products' names and stock, from the store's catalogue as last saved.
    LookupsRead(ProductLookups),
    /// What the local copy knows of a lead's customer (by its reference); `None` before
    /// a first sync.
    EarlierRead(String, Option<Earlier>),
    /// The leads of the queue's statuses the last sync holds, newest first.
    Arrivals(Vec<Lead>),
    /// *Newest first* ticked or unticked.
    NewestFirst(bool),
}

#[derive(Debug)]
pub struct State {
    desk: Desk,
    client: Client,
    /// The last read of the queue that failed, for the banner.
    read_error: Option<ApiError>,
    /// Why a link could not be opened.
    problem: Option<String>,
    copied: bool,
    /// Where WhatsApp and call links open.
    desktop: Desktop,
    /// The status histories asked for, by lead reference: none while on their way.
    histories: HashMap<String, Option<Result<Vec<History>, ApiError>>>,
    /// What the card calls each product (the SKU alone for one the catalogue lacks).
    lookups: ProductLookups,
    /// The store's cache folder, where the catalogue is saved.
    caches: PathBuf,
    /// The store's local copy, and what it said of each lead's customer.
    copy: LocalCopy,
    earlier: HashMap<String, Option<Earlier>>,
}

/// The newest leads of the queue's statuses looked at after each sync for arrivals: more
/// than a minute's worth at any shop's pace.
const ARRIVALS_LOOKED_AT: u64 = 200;

/// Histories are read for the lead on screen and the next, so the next shows complete.
const HISTORIES_AHEAD: usize = 2;
/// The changes a card shows, newest first (the detail panel has them all).
const HISTORY_LINES: usize = 5;

/// The message a keyboard shortcut means on the desk, if any: its keys alone, and Ctrl+Z.
pub fn shortcut(pressed: Shortcut) -> Option<Message> {
    match pressed {
        Shortcut::Key(key) => Some(Message::Key(key)),
        Shortcut::Undo => Some(Message::Undo),
        _ => None,
    }
}

/// What the window must do.
pub enum Action {
    None,
    Run(Task<Message>),
    /// The queue's statuses changed (to keep in the settings); the task reads them.
    Statuses(Vec<String>, Task<Message>),
    /// The queue's order changed (to keep in the settings); the task reads it again.
    Order(QueueOrder, Task<Message>),
    /// Leads arrived while the desk was open and joined the queue (how many).
    Arrived(usize, Task<Message>),
}

impl State {
    /// A desk working through `statuses` (the settings' choice), naming products from the
    /// catalogue saved in the store's cache folder `caches`, its customers' past from `copy`.
    pub fn new(
        client: Client,
        statuses: Vec<String>,
        order: QueueOrder,
        desktop: Desktop,
        caches: PathBuf,
        copy: LocalCopy,
    ) -> (State, Task<Message>) {
        let mut state = State {
            desk: Desk::new(statuses, order, Instant::now()),
            client,
            read_error: None,
            problem: None,
            copied: false,
            desktop,
            histories: HashMap::new(),
            lookups: ProductLookups::default(),
            caches,
            copy,
            earlier: HashMap::new(),
        };
        let lookups = state.read_lookups();
        let task = Task::batch([lookups, state.work(Instant::now())]);
        (state, task)
    }

    pub fn update(&mut self, message: Message, template: &str) -> Action {
        let now = Instant::now();
        match message {
            Message::PageRead(query, result) => {
                self.read_error = result.as_ref().err().cloned();
                self.desk.take_page(&query, result, now);
            }
            Message::LookupsRead(lookups) => self.lookups = lookups,
            Message::EarlierRead(reference, earlier) => {
                self.earlier.insert(reference, earlier);
            }
            Message::Arrivals(leads) => {
                let joined = self.desk.take_arrivals(leads);
                if joined > 0 {
                    return Action::Arrived(joined, self.work(now));
                }
            }
            Message::NewestFirst(newest) => {
                let order = if newest {
                    QueueOrder::NewestFirst
                } else {
                    QueueOrder::OldestFirst
                };
                self.desk.set_order(order);
                return Action::Order(order, self.work(now));
            }
            Message::HistoryRead(reference, result) => {
                let read = result.map(|page| page.items);
                self.histories.insert(reference, Some(read));
            }
            Message::Decide(index) => {
                if let Some(status) = outcomes().nth(index) {
                    // The outcome adds to the history: read again if the lead comes back.
                    if let Some(card) = self.desk.current() {
                        self.histories.remove(card.reference());
                    }
                    self.desk.decide(status, now);
                    self.copied = false;
                }
            }
            Message::Skip => {
                self.desk.skip();
                self.copied = false;
            }
            Message::Undo => {
                self.desk.undo(now);
                self.copied = false;
            }
            Message::Sent(result) => self.desk.sent(result, now),
            Message::Tick => {}
            Message::Reach(how) => return self.reach(how, template),
            Message::Opened(result) => self.problem = result.err(),
            Message::QueueStatus(status, ticked) => {
                let current = self.desk.statuses().iter().map(String::as_str);
                let chosen = if ticked {
                    queue_order(current.chain([status]))
                } else {
                    queue_order(current.filter(|kept| *kept != status))
                };
                // The last status stays: an empty queue is not a choice.
                if chosen.is_empty() || chosen == self.desk.statuses() {
                    return Action::None;
                }
                self.desk.set_statuses(chosen.clone());
                self.read_error = None;
                return Action::Statuses(chosen, self.work(now));
            }
            Message::Key(key) => {
                let message = match key {
                    '1'..='9' => Message::Decide(key as usize - '1' as usize),
                    's' => Message::Skip,
                    'u' => Message::Undo,
                    'w' => Message::Reach(Reach::WhatsApp),
                    'c' => Message::Reach(Reach::Call),
                    'p' => Message::Reach(Reach::CopyPhone),
                    'd' if self.current_is_duplicate() => {
                        match outcomes().position(|status| status == "duplicate") {
                            Some(index) => Message::Decide(index),
                            None => return Action::None,
                        }
                    }
                    _ => return Action::None,
                };
                return self.update(message, template);
            }
        }
        Action::Run(self.work(now))
    }

    /// Reads ahead and sends what is due.
    fn work(&mut self, now: Instant) -> Task<Message> {
        let mut tasks = Vec::new();
        if let Some(query) = self.desk.page_to_read(now) {
            let client = self.client.clone();
            tasks.push(Task::perform(
                async move {
                    let result = client.leads().list(&query).await;
                    (query, result)
                },
                |(query, result)| Message::PageRead(query, result),
            ));
        }
        for card in self.desk.upcoming(HISTORIES_AHEAD) {
            let reference = card.reference().to_string();
            if !card.may_have_history() || self.histories.contains_key(&reference) {
                continue;
            }
            self.histories.insert(reference.clone(), None);
            let client = self.client.clone();
            let query = ListQuery {
                reference: Some(reference.clone()),
                ..ListQuery::page(1, HISTORY_LINES as u64)
            };
            tasks.push(Task::perform(
                async move { client.leads().histories(&query).await },
                move |result| Message::HistoryRead(reference.clone(), result),
            ));
        }
        for card in self.desk.upcoming(HISTORIES_AHEAD) {
            let reference = card.reference().to_string();
            if self.earlier.contains_key(&reference) {
                continue;
            }
            self.earlier.insert(reference.clone(), None);
            let copy = self.copy.clone();
            let asked = reference.clone();
            tasks.push(Task::perform(
                async move {
                    copy.ask(move |reader| reader.earlier(ResourceName::Leads, &asked))
                        .await
                        .ok()
                        .flatten()
                },
                move |earlier| Message::EarlierRead(reference.clone(), earlier),
            ));
        }
        if let Some(changes) = self.desk.update_to_send(now) {
            let client = self.client.clone();
            tasks.push(Task::perform(
                async move { client.leads().update_status(&changes).await.map(|_| ()) },
                Message::Sent,
            ));
        }
        Task::batch(tasks)
    }

    /// Ticks while outcomes wait for their bulk update or a page is due again.
    pub fn subscription(&self) -> Subscription<Message> {
        if self.desk.outcomes_in_flight() > 0 || self.read_error.is_some() {
            iced::time::every(Duration::from_secs(1)).map(|_| Message::Tick)
        } else {
            Subscription::none()
        }
    }

    /// The copy was synced: what it knows of the customers is read again (new leads of
    /// the same phone, outcomes since).
    pub fn copy_refreshed(&mut self) -> Task<Message> {
        self.earlier.clear();
        let copy = self.copy.clone();
        let statuses = self.desk.statuses().to_vec();
        let arrivals = Task::perform(
            async move {
                let asked = CopyQuery {
                    statuses,
                    ..CopyQuery::first_page(ResourceName::Leads, ARRIVALS_LOOKED_AT)
                };
                let page = copy.ask(move |reader| reader.search(&asked)).await;
                let records = page.ok().flatten().map(|page| page.records);
                records
                    .unwrap_or_default()
                    .into_iter()
                    .filter_map(|record| match record {
                        Record::Lead(lead) => Some(lead),
                        Record::Order(_) => None,
                    })
                    .collect()
            },
            Message::Arrivals,
        );
        Task::batch([arrivals, self.read_lookups(), self.work(Instant::now())])
    }

    /// The products' names and stock, as last saved (read again after each sync).
    fn read_lookups(&self) -> Task<Message> {
        Task::perform(
            catalogue_cache::saved_lookups(self.caches.clone(), self.copy.clone()),
            Message::LookupsRead,
        )
    }

    /// Whether the lead on screen looks like a duplicate.
    fn current_is_duplicate(&self) -> bool {
        self.desk.current().is_some_and(|card| {
            matches!(self.earlier.get(card.reference()), Some(Some(earlier)) if !earlier.duplicates.is_empty())
        })
    }

    /// Whether a lead is on screen.
    pub fn has_lead(&self) -> bool {
        self.desk.current().is_some()
    }

    /// Outcomes chosen that the store has not taken yet.
    pub fn outcomes_in_flight(&self) -> usize {
        self.desk.outcomes_in_flight()
    }

    /// Sends every outcome waiting now, not in a few seconds (the window is closing).
    pub fn send_now(&mut self) -> Task<Message> {
        self.desk.send_soon();
        self.work(Instant::now())
    }

    fn reach(&mut self, how: Reach, template: &str) -> Action {
        let task = self
            .desk
            .current()
            .and_then(|card| customer(&card.lead, &RecordSummary::from(&card.lead)))
            .and_then(|customer| {
                contact::reach(how, &customer, template, &self.desktop, Message::Opened)
            });
        self.copied = how == Reach::CopyPhone && task.is_some();
        task.map_or(Action::None, Action::Run)
    }

    pub fn view(&self) -> Element<'_, Message> {
        let now = Instant::now();
        let tally = self.desk.tally(now);
        let mut counters = reading_row![
            text(tr!(
                "desk-tally",
                handled = tally.handled,
                confirmed = tally.confirmed,
                rate = tally.per_hour.round()
            )),
            space::horizontal(),
            text(tr!("desk-waiting", count = self.desk.queue_size())),
        ]
        .spacing(theme::GAP);
        if let Some(wait) = self.desk.wait_left(now) {
            counters = counters.push(
                text(tr!("desk-store-waits", seconds = wait.as_secs().max(1))).style(text::warning),
            );
        }
        let mut page = reading_column![counters, self.queue_choice()]
            .spacing(theme::PAD)
            .padding(20);
        if let Some(error) = &self.read_error {
            page = page.push(text(error_view::describe(error, None)).style(text::danger));
        }
        page = page.push(match self.desk.current() {
            Some(card) => self.card(card),
            None if self.desk.finished() => container(text(tr!("desk-done")).size(22))
                .padding(40)
                .into(),
            None => container(text(tr!("loading"))).padding(40).into(),
        });
        if let Some(problem) = &self.problem {
            page = page.push(text(problem).style(text::danger));
        }
        page.into()
    }

    /// The lead's last status changes, or why they are not shown.
    fn history<'a>(&'a self, card: &Card) -> Element<'a, Message> {
        if !card.may_have_history() {
            return status_history::lines(&[]).into();
        }
        match self.histories.get(card.reference()) {
            Some(Some(Ok(history))) => status_history::lines(history).into(),
            Some(Some(Err(error))) => status_history::instead(error_view::describe(error, None)),
            _ => status_history::instead(tr!("loading")),
        }
    }

    /// A tick per lead status: which ones the queue works through.
    fn queue_choice(&self) -> Element<'_, Message> {
        let mut choice = reading_row![text(tr!("desk-queue")).style(theme::muted)]
            .spacing(theme::GAP)
            .align_y(Center);
        for status in LEAD_STATUSES.iter().copied() {
            let ticked = self.desk.statuses().iter().any(|chosen| chosen == status);
            choice = choice.push(
                checkbox(ticked)
                    .label(status_label(status))
                    .on_toggle(move |ticked| Message::QueueStatus(status, ticked)),
            );
        }
        let newest_first = self.desk.order() == QueueOrder::NewestFirst;
        choice = choice.push(
            checkbox(newest_first)
                .label(tr!("desk-newest-first"))
                .on_toggle(Message::NewestFirst),
        );
        choice.wrap().into()
    }

    fn card<'a>(&'a self, card: &'a Card) -> Element<'a, Message> {
        let summary = RecordSummary::from(&card.lead);
        let reachable =
            customer(&card.lead, &summary).is_some_and(|customer| customer.reachable().is_some());
        let total = summary
            .total
            .map(conventions::money)
            .unwrap_or_else(|| "—".into());
        let mut body = reading_column![
            text(summary.customer).size(30),
            text(summary.phone).size(24),
            text(format!("{} · {}", summary.city, summary.area)).size(18),
            text(summary.address).size(16),
            text(products_named(&card.lead.products, &self.lookups.names)).size(18),
            text(total).size(22),
            text(format!(
                "{} · {}",
                summary.reference,
                status_label(&summary.status)
            ))
            .size(14)
            .style(theme::muted),
        ]
        .spacing(6);
        let warnings = stock_warnings::named(
            &self.lookups.stock,
            &self.lookups.names,
            &card.lead.products,
        );
        if let Some(lines) = stock_warnings::lines(&warnings) {
            body = body.push(lines);
        }
        if let Some(problem) = &card.problem {
            body = body.push(
                text(tr!(
                    "desk-refused",
                    reason = error_view::describe(problem, None)
                ))
                .style(text::danger),
            );
        }
        body = body.push(self.history(card));
        if let Some(Some(earlier)) = self.earlier.get(card.reference()) {
            body = body.push(customer_past::lines(earlier));
            if !earlier.duplicates.is_empty() {
                body = body.push(text(tr!("desk-duplicate-key")).style(theme::muted));
            }
        }
        let contact = contact::buttons(reachable, self.copied, Message::Reach);
        let mut keys = reading_row![].spacing(theme::GAP);
        for (index, status) in outcomes().enumerate() {
            let style = if status == "confirmed" {
                button::success
            } else {
                button::secondary
            };
            keys = keys.push(
                button(text(format!("{} {}", index + 1, status_label(status))))
                    .style(style)
                    .on_press(Message::Decide(index)),
            );
        }
        let others = reading_row![
            button(text(tr!("desk-skip")))
                .style(button::secondary)
                .on_press(Message::Skip),
            button(text(tr!("desk-undo")))
                .style(button::secondary)
                .on_press(Message::Undo),
        ]
        .spacing(theme::GAP)
        .align_y(Center);
        container(
            reading_column![body, contact, keys.wrap(), others]
                .spacing(theme::PAD)
                .width(Fill),
        )
        .padding(20)
        .style(theme::panel)
        .into()
    }
}

/// Who the lead is, for WhatsApp, a call or the clipboard.
fn customer(lead: &Lead, summary: &RecordSummary) -> Option<Customer> {
    Some(Customer {
        phone: lead.phone.clone()?,
        values: TemplateValues {
            name: summary.customer.clone(),
            products: summary.products.clone(),
            total: summary.total.map(conventions::money).unwrap_or_default(),
            city: summary.city.clone(),
        },
    })
}
