//! A table as the screens show it: its columns in reading order (the first at the right
//! in Arabic), its cells hanging from the reading side, scrolled both ways within the
//! room it is given.

use iced::widget::{scrollable, table};
use iced::{Element, Fill};

use crate::gui::direction::table_columns;

/// `rows` under `columns` (given in reading order).
pub fn scrolled<'a, 'b, T: Clone, Message: 'a>(
    columns: impl IntoIterator<Item = table::Column<'a, 'b, T, Message>>,
    rows: impl IntoIterator<Item = T>,
) -> Element<'a, Message> {
    let both = scrollable::Direction::Both {
        vertical: scrollable::Scrollbar::default(),
        horizontal: scrollable::Scrollbar::default(),
    };
    scrollable(
        table(table_columns(columns), rows)
            .padding_x(8)
            .padding_y(4),
    )
    .direction(both)
    .height(Fill)
    .width(Fill)
    .into()
}
