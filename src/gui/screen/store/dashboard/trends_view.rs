//! The dashboard's trends from the local copy: leads per day (confirmed in green) and
//! orders per day (returned in red) over 30 days, how fast new leads get their first call,
//! the cities and products that come back most, and delivered revenue per week. Every
//! column and row is a button that opens the table on what it shows.

use chrono::{Datelike, Duration, NaiveDate};
use iced::widget::{button, row, text};
use iced::{Center, Element, Fill};

use super::Message;
use super::chart_bar;
use super::chart_column::{self, Part};
use crate::gui::direction::{reading_column, reading_row};
use crate::gui::theme;
use crate::i18n::conventions::money;
use crate::i18n::tr;
use wedocod_api::ResourceName;
use wedocod_core::copy::{Returns, Trends};
use wedocod_core::records::CopyFilters;

/// The trends, below the counts.
pub fn view(trends: &Trends) -> Element<'_, Message> {
    reading_column![
        text(tr!("trends-from-copy")).size(13).style(theme::muted),
        lead_days(trends),
        order_days(trends),
        first_call(trends),
        returns(tr!("trends-cities"), &trends.cities, ReturnsOf::City),
        returns(tr!("trends-products"), &trends.products, ReturnsOf::Product),
        revenue(trends),
    ]
    .spacing(theme::PAD * 2.0)
    .into()
}

/// The table of `kind` on one day.
fn one_day(kind: ResourceName, status: Option<&str>, day: NaiveDate) -> Message {
    Message::OpenFiltered(
        kind,
        status.map(str::to_string),
        CopyFilters {
            from_day: Some(day),
            to_day: Some(day),
            ..CopyFilters::default()
        },
    )
}

/// A titled chart of columns, with the first and last day under it.
fn chart<'a>(
    title: String,
    columns: Vec<Element<'a, Message>>,
    first: String,
    last: String,
) -> Element<'a, Message> {
    reading_column![
        text(title).size(18),
        row(columns).spacing(2).align_y(iced::Bottom),
        reading_row![
            text(first).size(12).style(theme::muted),
            iced::widget::space().width(Fill),
            text(last).size(12).style(theme::muted)
        ],
    ]
    .spacing(6)
    .into()
}

/// A column as a button.
fn clickable<'a>(column: Element<'a, Message>, message: Message) -> Element<'a, Message> {
    button(column)
        .style(button::text)
        .padding(0)
        .width(Fill)
        .on_press(message)
        .into()
}

fn share(part: u64, whole: u64) -> f32 {
    if whole == 0 {
        0.0
    } else {
        part as f32 / whole as f32
    }
}

fn day_label(day: NaiveDate) -> String {
    format!("{:02}/{:02}", day.day(), day.month())
}

fn lead_days(trends: &Trends) -> Element<'_, Message> {
    let largest = trends.leads.iter().map(|day| day.leads).max().unwrap_or(0);
    let columns = trends
        .leads
        .iter()
        .map(|day| {
            clickable(
                chart_column::column(
                    share(day.leads, largest),
                    share(day.confirmed, day.leads),
                    Part::Good,
                ),
                one_day(ResourceName::Leads, None, day.day),
            )
        })
        .collect();
    chart(
        tr!("trends-leads-per-day"),
        columns,
        trends
            .leads
            .first()
            .map(|d| day_label(d.day))
            .unwrap_or_default(),
        trends
            .leads
            .last()
            .map(|d| day_label(d.day))
            .unwrap_or_default(),
    )
}

fn order_days(trends: &Trends) -> Element<'_, Message> {
    let largest = trends
        .orders
        .iter()
        .map(|day| day.orders)
        .max()
        .unwrap_or(0);
    let columns = trends
        .orders
        .iter()
        .map(|day| {
            clickable(
                chart_column::column(
                    share(day.orders, largest),
                    share(day.returned, day.orders),
                    Part::Bad,
                ),
                one_day(ResourceName::Orders, None, day.day),
            )
        })
        .collect();
    chart(
        tr!("trends-orders-per-day"),
        columns,
        trends
            .orders
            .first()
            .map(|d| day_label(d.day))
            .unwrap_or_default(),
        trends
            .orders
            .last()
            .map(|d| day_label(d.day))
            .unwrap_or_default(),
    )
}

/// The median time to a first call, today and this week.
fn first_call(trends: &Trends) -> Element<'_, Message> {
    let shown = |minutes: Option<f64>| {
        minutes.map_or_else(
            || "—".to_string(),
            |minutes| tr!("trends-minutes", minutes = minutes.round()),
        )
    };
    let figure = |label: String, value: String| {
        reading_column![
            text(label).size(13).style(theme::muted),
            text(value).size(26)
        ]
        .spacing(2)
    };
    reading_column![
        text(tr!("trends-first-call")).size(18),
        reading_row![
            figure(tr!("trends-today"), shown(trends.first_call_today)),
            figure(tr!("trends-this-week"), shown(trends.first_call_week)),
        ]
        .spacing(48),
    ]
    .spacing(6)
    .into()
}

#[derive(Debug, Clone, Copy)]
enum ReturnsOf {
    City,
    Product,
}

/// The cities or products that come back most, each opening its returned orders.
fn returns<'a>(title: String, list: &'a [Returns], of: ReturnsOf) -> Element<'a, Message> {
    let largest = list.iter().map(|r| r.returned).max().unwrap_or(0);
    let mut rows = reading_column![text(title).size(18)].spacing(6);
    if list.is_empty() {
        rows = rows.push(text(tr!("trends-no-returns")).style(theme::muted));
    }
    for returns in list {
        let label = match &returns.name {
            Some(name) => format!("{name} ({})", returns.key),
            None => returns.key.clone(),
        };
        let filters = match of {
            ReturnsOf::City => CopyFilters {
                city: Some(returns.key.clone()),
                ..CopyFilters::default()
            },
            ReturnsOf::Product => CopyFilters {
                sku: Some(returns.key.clone()),
                ..CopyFilters::default()
            },
        };
        let figures = tr!(
            "trends-returned-of",
            returned = returns.returned,
            ended = returns.ended,
            percent = (returns.rate() * 100.0).round()
        );
        rows = rows.push(
            button(
                reading_row![
                    text(label).width(260),
                    chart_bar::bar(share(returns.returned, largest)),
                    text(figures).width(220),
                ]
                .spacing(theme::GAP)
                .align_y(Center),
            )
            .style(button::text)
            .width(Fill)
            .on_press(Message::OpenFiltered(
                ResourceName::Orders,
                Some("returned".to_string()),
                filters,
            )),
        );
    }
    rows.into()
}

/// Delivered revenue per week, each week opening its delivered orders.
fn revenue(trends: &Trends) -> Element<'_, Message> {
    let largest = trends
        .revenue
        .iter()
        .map(|week| week.amount)
        .fold(0.0_f64, f64::max);
    let weeks = trends.revenue.iter().map(|week| {
        let share = if largest > 0.0 {
            (week.amount / largest) as f32
        } else {
            0.0
        };
        let filters = CopyFilters {
            from_day: Some(week.monday),
            to_day: Some(week.monday + Duration::days(6)),
            ..CopyFilters::default()
        };
        let open =
            Message::OpenFiltered(ResourceName::Orders, Some("delivered".to_string()), filters);
        reading_column![
            clickable(chart_column::column(share, 1.0, Part::Good), open),
            text(money(week.amount)).size(12),
            text(day_label(week.monday)).size(12).style(theme::muted),
        ]
        .spacing(2)
        .width(Fill)
        .into()
    });
    reading_column![
        text(tr!("trends-revenue")).size(18),
        row(weeks).spacing(theme::GAP).align_y(iced::Bottom),
    ]
    .spacing(6)
    .into()
}
