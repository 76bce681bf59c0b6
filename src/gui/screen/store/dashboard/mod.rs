//! The store at a glance, the first tab of an open store: leads and orders by status as
//! bars (each a link to its table filtered on that status), the confirmation, delivery and
//! return rates, and an honest "as of HH:MM" with *Refresh*. Once the store's local copy is
//! synced, everything comes from it with no request, with the trends below
//! (`trends_view`); before that, the counts cost a dozen one-record pages and are kept for
//! a few minutes (see `wedocod_core::records::glance`).

mod chart_bar;
mod chart_column;
mod trends_view;

use std::time::{Duration, Instant};

use iced::widget::{button, scrollable, text};
use iced::{Center, Element, Fill, Task};

use crate::gui::direction::{filling, reading_column, reading_row};
use crate::gui::theme;
use crate::gui::widget::error_view;
use crate::i18n::{status_label, tr};
use wedocod_api::{ApiError, Client, ResourceName};
use wedocod_core::copy::{LocalCopy, Trends};
use wedocod_core::records::CopyFilters;
use wedocod_core::records::glance::{Glance, StatusCounts};

/// How long counts are shown before a visit reads them again.
pub const FRESH_FOR: Duration = Duration::from_secs(5 * 60);

/// The counts, and the trends when they came from the local copy.
#[derive(Debug, Clone)]
pub struct Reading {
    glance: Glance,
    trends: Option<Box<Trends>>,
}

#[derive(Debug, Clone)]
pub enum Message {
    Refresh,
    Read(Result<Reading, ApiError>),
    /// A bar: the table of `kind` filtered on `status`.
    Open(ResourceName, String),
    /// A chart's column or row: the table of `kind` on this status and these filters.
    OpenFiltered(ResourceName, Option<String>, CopyFilters),
}

/// What the window must do.
pub enum Action {
    None,
    Run(Task<Message>),
    /// Show the table of this kind, filtered on this status and these filters.
    ShowTable(ResourceName, Option<String>, CopyFilters),
}

#[derive(Debug)]
pub struct State {
    /// The store's local copy, which answers once synced.
    copy: LocalCopy,
    glance: Option<Glance>,
    trends: Option<Box<Trends>>,
    /// When the counts shown were read, for the cache and the "as of" line.
    read_at: Option<(Instant, String)>,
    reading: bool,
    error: Option<ApiError>,
}

impl State {
    pub fn new(copy: LocalCopy) -> State {
        State {
            copy,
            glance: None,
            trends: None,
            read_at: None,
            reading: false,
            error: None,
        }
    }

    /// The copy was synced: read it again (no request).
    pub fn copy_refreshed(&mut self, client: &Client) -> Task<Message> {
        if self.reading {
            Task::none()
        } else {
            self.read(client)
        }
    }

    /// The counts, read again when none are shown or they are older than [`FRESH_FOR`].
    pub fn visit(&mut self, client: &Client) -> Task<Message> {
        let fresh = self
            .read_at
            .as_ref()
            .is_some_and(|(at, _)| at.elapsed() < FRESH_FOR);
        if fresh || self.reading {
            Task::none()
        } else {
            self.read(client)
        }
    }

    /// From the copy when it is synced, else a dozen small requests.
    fn read(&mut self, client: &Client) -> Task<Message> {
        self.reading = true;
        let client = client.clone();
        let copy = self.copy.clone();
        Task::perform(
            async move {
                let held = copy
                    .ask(|reader| {
                        if reader.synced_at()?.is_none() {
                            return Ok(None);
                        }
                        let leads = reader.counts(ResourceName::Leads)?;
                        let orders = reader.counts(ResourceName::Orders)?;
                        Ok(Some(Reading {
                            glance: Glance {
                                leads: StatusCounts::of_copy(ResourceName::Leads, &leads.by_status),
                                orders: StatusCounts::of_copy(
                                    ResourceName::Orders,
                                    &orders.by_status,
                                ),
                            },
                            trends: Some(Box::new(reader.trends()?)),
                        }))
                    })
                    .await;
                match held {
                    Ok(Some(Some(reading))) => Ok(reading),
                    _ => Glance::read(&client).await.map(|glance| Reading {
                        glance,
                        trends: None,
                    }),
                }
            },
            Message::Read,
        )
    }

    pub fn update(&mut self, message: Message, client: &Client) -> Action {
        match message {
            Message::Refresh => Action::Run(self.read(client)),
            Message::Read(result) => {
                self.reading = false;
                match result {
                    Ok(reading) => {
                        self.glance = Some(reading.glance);
                        self.trends = reading.trends;
                        let clock = chrono::Local::now().format("%H:%M").to_string();
                        self.read_at = Some((Instant::now(), clock));
                        self.error = None;
                    }
                    Err(error) => self.error = Some(error),
                }
                Action::None
            }
            Message::Open(kind, status) => {
                Action::ShowTable(kind, Some(status), CopyFilters::default())
            }
            Message::OpenFiltered(kind, status, filters) => {
                Action::ShowTable(kind, status, filters)
            }
        }
    }

    pub fn view(&self) -> Element<'_, Message> {
        let as_of = match (&self.read_at, self.reading) {
            (_, true) => tr!("loading"),
            (Some((_, clock)), false) => tr!("glance-as-of", time = clock),
            (None, false) => String::new(),
        };
        let mut page = reading_column![
            reading_row![
                filling(text(tr!("glance-title")).size(22)),
                text(as_of).style(theme::muted),
                button(text(tr!("refresh")))
                    .style(button::secondary)
                    .on_press_maybe((!self.reading).then_some(Message::Refresh)),
            ]
            .spacing(theme::GAP)
            .align_y(Center)
        ]
        .spacing(theme::PAD)
        .padding(20);
        if let Some(error) = &self.error {
            page = page.push(text(error_view::describe(error, None)).style(text::danger));
        }
        if let Some(glance) = &self.glance {
            page = page
                .push(rates(glance))
                .push(bars(tr!("leads"), &glance.leads))
                .push(bars(tr!("orders"), &glance.orders));
        }
        if let Some(trends) = &self.trends {
            page = page.push(trends_view::view(trends));
        }
        scrollable(page).into()
    }
}

/// The three rates, or a dash for one nothing has happened to yet.
fn rates(glance: &Glance) -> Element<'_, Message> {
    let rate = |label: String, percent: Option<f64>| {
        let shown = percent.map_or_else(
            || "—".to_string(),
            |percent| tr!("glance-percent", percent = percent),
        );
        reading_column![
            text(label).size(13).style(theme::muted),
            text(shown).size(26)
        ]
        .spacing(2)
    };
    let whole = |share: f64| (share * 100.0).round();
    let delivered = glance.delivery_rate().map(whole);
    // The rest of the same orders, so the two always add up to 100 % once rounded.
    let returned = delivered.map(|delivered| 100.0 - delivered);
    reading_row![
        rate(
            tr!("glance-confirmation"),
            glance.confirmation_rate().map(whole)
        ),
        rate(tr!("glance-delivery"), delivered),
        rate(tr!("glance-return"), returned),
    ]
    .spacing(48)
    .into()
}

/// One bar per status, as long as its share of the largest, each opening its table.
fn bars(title: String, counts: &StatusCounts) -> Element<'_, Message> {
    let largest = counts.largest().max(1);
    let mut list = reading_column![text(title).size(18)].spacing(6);
    for (status, count) in &counts.counts {
        let share = *count as f32 / largest as f32;
        list = list.push(
            button(
                reading_row![
                    text(status_label(status)).width(150),
                    chart_bar::bar(share),
                    text(count.to_string()).width(60),
                ]
                .spacing(theme::GAP)
                .align_y(Center),
            )
            .style(button::text)
            .width(Fill)
            .on_press(Message::Open(counts.kind, status.clone())),
        );
    }
    list.into()
}
