//! A titled part of the import screen's side panel: one look for the editing sections and
//! the upload's, in a module of its own so both panels use it without importing each other.

use crate::gui::direction::reading_column;
use iced::Element;
use iced::widget::text;

/// `body` under `title`.
pub fn section<'a, M: 'a>(title: String, body: impl Into<Element<'a, M>>) -> Element<'a, M> {
    reading_column![text(title).size(15), body.into()]
        .spacing(6)
        .into()
}
