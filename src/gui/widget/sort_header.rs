//! A table column's title that sorts by it when pressed, with an arrow on the column the
//! table is sorted by (▲ ascending, ▼ descending). Without a message to send (the table
//! cannot sort now) it is a plain bold title.

use iced::Element;
use iced::widget::{button, text};

/// The title `label` of `column`; `sorted`: the column sorted by and whether ascending.
pub fn sort_header<'a, Column: PartialEq, Message: Clone + 'a>(
    label: String,
    column: Column,
    sorted: (Column, bool),
    on_press: Option<Message>,
) -> Element<'a, Message> {
    let arrow = match (&on_press, sorted) {
        (Some(_), (by, true)) if by == column => " ▲",
        (Some(_), (by, false)) if by == column => " ▼",
        _ => "",
    };
    let title = text(format!("{label}{arrow}")).font(crate::gui::fonts::BOLD);
    match on_press {
        Some(message) => button(title)
            .style(button::text)
            .padding(0)
            .on_press(message)
            .into(),
        None => title.into(),
    }
}
