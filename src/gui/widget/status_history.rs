//! A record's status history as the detail panels and the desk's card show it: one line
//! per change, newest first, in the merchant's language.

use iced::Element;
use iced::widget::{Column, text};

use crate::gui::direction::start;
use crate::gui::theme;
use crate::i18n::conventions;
use crate::i18n::{status_label, tr};
use wedocod_api::wire::History;
use wedocod_core::records::Moment;

/// The heading and a line per change (or the words for none).
pub fn lines<'a, Message: 'a>(history: &[History]) -> Column<'a, Message> {
    let mut lines = Column::new()
        .spacing(2)
        .align_x(start())
        .push(text(tr!("history")).size(16));
    if history.is_empty() {
        return lines.push(text(tr!("no-history")).style(theme::muted));
    }
    for entry in history {
        lines = lines.push(text(entry_line(entry)).size(13));
    }
    lines
}

/// The heading and one muted sentence in place of the lines (loading, or why not).
pub fn instead<'a, Message: 'a>(words: String) -> Element<'a, Message> {
    Column::new()
        .spacing(2)
        .align_x(start())
        .push(text(tr!("history")).size(16))
        .push(text(words).size(13).style(theme::muted))
        .into()
}

fn entry_line(entry: &History) -> String {
    tr!(
        "history-entry",
        old = status_label(entry.old_status.as_deref().unwrap_or_default()),
        new = status_label(entry.new_status.as_deref().unwrap_or_default()),
        by = entry.changed_by.as_deref().unwrap_or("—"),
        at = Moment::of(entry.changed_at.as_deref())
            .map_or_else(|| "—".to_string(), |at| conventions::moment(&at))
    )
}
