//! The reading direction of the language spoken, applied to every screen at once. Arabic
//! is read from the right, so the window mirrors its layout: rows are built in reading
//! order (the first child at the right), tables' columns run from the right, side panels
//! move to the left, columns of text hang from the right edge. Text itself is left to the
//! text engine: an Arabic sentence is shaped right to left, a phone, an amount or a Latin
//! name inside it keep their own direction, and paired marks (« », ‹ ›) are mirrored.
//!
//! Screens say `reading_row![…]` and `reading_column![…]` where they used to say `row!`
//! and `column!`, and pass a table's columns through [`table_columns`]; nothing else asks
//! which language is spoken.

use iced::alignment::{Horizontal, Vertical};
use iced::widget::{Column, Container, Row, TextInput, container, table, text_input};
use iced::{Element, Fill, Length, Padding, Pixels};

use crate::i18n::language;

/// Whether the language spoken is read from the right.
pub fn right_to_left() -> bool {
    language().is_right_to_left()
}

/// `items` in reading order: as given when read from the left, reversed from the right.
pub fn reading_order<T>(items: impl IntoIterator<Item = T>) -> Vec<T> {
    ordered(items, right_to_left())
}

fn ordered<T>(items: impl IntoIterator<Item = T>, right_to_left: bool) -> Vec<T> {
    let mut items: Vec<T> = items.into_iter().collect();
    if right_to_left {
        items.reverse();
    }
    items
}

/// `content` in the whole width, from the reading side: a title or a sentence beside
/// buttons. (A text of the whole width aligned right is drawn out of its box by iced:
/// the container places the text instead.)
pub fn filling<'a, Message: 'a>(
    content: impl Into<Element<'a, Message>>,
) -> Container<'a, Message> {
    container(content).width(Fill).align_x(start())
}

/// A text field whose text starts on the reading side (a phone typed in it keeps its own
/// direction).
pub fn reading_input<'a, Message: Clone + 'a>(
    placeholder: &str,
    value: &str,
) -> TextInput<'a, Message> {
    text_input(placeholder, value).align_x(start())
}

/// A table's columns in reading order (the first at the right when read from the right),
/// each cell hanging from the reading side.
pub fn table_columns<'a, 'b, T, Message>(
    columns: impl IntoIterator<Item = table::Column<'a, 'b, T, Message>>,
) -> Vec<table::Column<'a, 'b, T, Message>> {
    reading_order(columns.into_iter().map(|column| column.align_x(start())))
}

/// The side a line of reading starts on.
pub fn start() -> Horizontal {
    side(right_to_left())
}

fn side(right_to_left: bool) -> Horizontal {
    if right_to_left {
        Horizontal::Right
    } else {
        Horizontal::Left
    }
}

/// A row whose children are given in reading order (first, second…) and laid out from the
/// side the language is read from. It takes the settings of iced's `Row` it uses.
pub struct ReadingRow<'a, Message> {
    children: Vec<Element<'a, Message>>,
    spacing: Option<Pixels>,
    padding: Padding,
    width: Option<Length>,
    height: Option<Length>,
    align_y: Vertical,
    wrap: bool,
    /// Between the lines of a wrapped row.
    line_spacing: Option<Pixels>,
}

impl<'a, Message: 'a> ReadingRow<'a, Message> {
    pub fn new(children: Vec<Element<'a, Message>>) -> Self {
        ReadingRow {
            children,
            spacing: None,
            padding: Padding::ZERO,
            width: None,
            height: None,
            align_y: Vertical::Top,
            wrap: false,
            line_spacing: None,
        }
    }

    pub fn push(mut self, child: impl Into<Element<'a, Message>>) -> Self {
        self.children.push(child.into());
        self
    }

    pub fn spacing(mut self, amount: impl Into<Pixels>) -> Self {
        self.spacing = Some(amount.into());
        self
    }

    pub fn padding(mut self, padding: impl Into<Padding>) -> Self {
        self.padding = padding.into();
        self
    }

    pub fn width(mut self, width: impl Into<Length>) -> Self {
        self.width = Some(width.into());
        self
    }

    pub fn height(mut self, height: impl Into<Length>) -> Self {
        self.height = Some(height.into());
        self
    }

    pub fn align_y(mut self, align: impl Into<Vertical>) -> Self {
        self.align_y = align.into();
        self
    }

    /// Children that do not fit go on the next line, which starts on the reading side.
    pub fn wrap(mut self) -> Self {
        self.wrap = true;
        self
    }

    /// Between the lines of a wrapped row.
    pub fn vertical_spacing(mut self, amount: impl Into<Pixels>) -> Self {
        self.line_spacing = Some(amount.into());
        self
    }
}

impl<'a, Message: 'a> From<ReadingRow<'a, Message>> for Element<'a, Message> {
    fn from(reading: ReadingRow<'a, Message>) -> Self {
        let mut row = Row::with_children(reading_order(reading.children))
            .padding(reading.padding)
            .align_y(reading.align_y);
        if let Some(spacing) = reading.spacing {
            row = row.spacing(spacing);
        }
        if let Some(width) = reading.width {
            row = row.width(width);
        }
        if let Some(height) = reading.height {
            row = row.height(height);
        }
        if reading.wrap {
            let mut wrapping = row.wrap().align_x(start());
            if let Some(spacing) = reading.line_spacing {
                wrapping = wrapping.vertical_spacing(spacing);
            }
            wrapping.into()
        } else {
            row.into()
        }
    }
}

/// A column whose children hang from the side the language is read from.
pub fn hanging_column<'a, Message: 'a>(children: Vec<Element<'a, Message>>) -> Column<'a, Message> {
    Column::with_children(children).align_x(start())
}

/// `row![a, b]` in reading order: a [`ReadingRow`].
macro_rules! reading_row {
    () => {
        $crate::gui::direction::ReadingRow::new(Vec::new())
    };
    ($($child:expr),+ $(,)?) => {
        $crate::gui::direction::ReadingRow::new(vec![$(iced::Element::from($child)),+])
    };
}

/// `column![a, b]` hanging from the reading side.
macro_rules! reading_column {
    () => {
        $crate::gui::direction::hanging_column(Vec::new())
    };
    ($($child:expr),+ $(,)?) => {
        $crate::gui::direction::hanging_column(vec![$(iced::Element::from($child)),+])
    };
}

pub(crate) use {reading_column, reading_row};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Language;

    #[test]
    fn read_from_the_right_the_order_reverses_and_lines_start_at_the_right() {
        assert!(Language::Arabic.is_right_to_left());
        assert!(!Language::French.is_right_to_left());
        assert_eq!(ordered([1, 2, 3], true), vec![3, 2, 1]);
        assert_eq!(side(true), Horizontal::Right);
        assert_eq!(ordered([1, 2, 3], false), vec![1, 2, 3]);
        assert_eq!(side(false), Horizontal::Left);
    }
}
