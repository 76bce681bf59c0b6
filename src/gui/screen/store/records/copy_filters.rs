//! The filters only the local copy answers, under the table's toolbar: a city, a product
//! (SKU), a date range. Typed, applied with Enter or *Apply*; a date the merchant
//! mistyped is said, not guessed. Shown only while the table reads the copy.

use chrono::NaiveDate;
use iced::widget::{button, text};
use iced::{Center, Element};

use crate::gui::direction::{reading_input, reading_row};
use crate::gui::theme;
use crate::i18n::tr;
use wedocod_core::records::CopyFilters;

#[derive(Debug, Clone)]
pub enum Message {
    City(String),
    Sku(String),
    From(String),
    To(String),
    Apply,
    Clear,
}

/// The filters as typed.
#[derive(Debug, Clone, Default)]
pub struct State {
    city: String,
    sku: String,
    from: String,
    to: String,
    /// The date that could not be read, for the line under the bar.
    problem: Option<String>,
}

/// What the table must do.
pub enum Action {
    None,
    /// Read the first page again with these filters (the sort is the table's).
    Apply(CopyFilters),
}

impl State {
    /// The inputs filled with `filters` (a dashboard chart opened the table on them).
    pub fn showing(filters: &CopyFilters) -> State {
        let day = |day: Option<NaiveDate>| day.map(|day| day.to_string()).unwrap_or_default();
        State {
            city: filters.city.clone().unwrap_or_default(),
            sku: filters.sku.clone().unwrap_or_default(),
            from: day(filters.from_day),
            to: day(filters.to_day),
            problem: None,
        }
    }

    pub fn update(&mut self, message: Message, current: &CopyFilters) -> Action {
        match message {
            Message::City(city) => self.city = city,
            Message::Sku(sku) => self.sku = sku,
            Message::From(from) => self.from = from,
            Message::To(to) => self.to = to,
            Message::Apply => return self.apply(current),
            Message::Clear => {
                *self = State::default();
                return self.apply(current);
            }
        }
        Action::None
    }

    fn apply(&mut self, current: &CopyFilters) -> Action {
        let (from_day, to_day) = match (day(&self.from), day(&self.to)) {
            (Ok(from), Ok(to)) => (from, to),
            (Err(typed), _) | (_, Err(typed)) => {
                self.problem = Some(tr!("filter-bad-date", date = typed));
                return Action::None;
            }
        };
        self.problem = None;
        Action::Apply(CopyFilters {
            city: filled(&self.city),
            sku: filled(&self.sku),
            from_day,
            to_day,
            ..current.clone()
        })
    }

    pub fn view(&self) -> Element<'_, Message> {
        let input = |placeholder: String, value: &str, on: fn(String) -> Message| {
            reading_input(&placeholder, value)
                .on_input(on)
                .on_submit(Message::Apply)
                .width(150)
        };
        let mut bar = reading_row![
            input(tr!("filter-city"), &self.city, Message::City),
            input(tr!("filter-product"), &self.sku, Message::Sku),
            input(tr!("filter-from"), &self.from, Message::From),
            input(tr!("filter-to"), &self.to, Message::To),
            button(text(tr!("apply"))).on_press(Message::Apply),
            button(text(tr!("filter-clear")))
                .style(button::secondary)
                .on_press(Message::Clear),
        ]
        .spacing(theme::GAP)
        .align_y(Center);
        if let Some(problem) = &self.problem {
            bar = bar.push(text(problem).style(text::danger));
        }
        bar.wrap().into()
    }
}

fn filled(value: &str) -> Option<String> {
    let value = value.trim();
    (!value.is_empty()).then(|| value.to_string())
}

/// A typed day (`2026-12-01`); empty is no bound; anything else comes back as typed.
fn day(typed: &str) -> Result<Option<NaiveDate>, String> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(typed, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(typed, "%d/%m/%Y"))
        .map(Some)
        .map_err(|_| typed.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_are_read_in_both_spellings_and_a_mistake_is_said() {
        assert_eq!(day(""), Ok(None));
        assert_eq!(day("2026-12-01"), Ok(NaiveDate::from_ymd_opt(2026, 12, 1)));
        assert_eq!(day("01/12/2026"), Ok(NaiveDate::from_ymd_opt(2026, 12, 1)));
        assert_eq!(day("yesterday"), Err("yesterday".to_string()));
    }
}
