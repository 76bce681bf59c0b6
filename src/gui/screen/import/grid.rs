//! The grid of the import screen, virtualised: whatever the file's size, only the rows
//! in view are built, between two spacers as tall as the rows above and below them, so
//! a million-row file scrolls like a hundred-row one.

use iced::widget::{button, container, scrollable, space, text, tooltip};
use iced::{Background, Border, Color, Element, Fill, Length, Theme};

use wedocod_import::Severity;
use wedocod_import::Sheet;

use super::editing::{GRID_ID, Message, ROW_HEIGHT};
use super::upload_panel::RefusedCells;
use crate::gui::direction::{reading_column, reading_row};

const LINE_WIDTH: f32 = 64.0;
/// Room for the vertical scrollbar, so the header lines up with the cells.
const SCROLLBAR_ROOM: f32 = 12.0;

/// What the grid shows: the rows kept by the filter, and the slice in view.
pub struct GridView<'a> {
    pub sheet: &'a Sheet,
    /// Rows kept by the filter, in file order.
    pub visible: &'a [usize],
    /// Index in `visible` of the first row in view.
    pub first: usize,
    /// How many rows fit in view.
    pub window: usize,
    pub selected: Option<(usize, usize)>,
    /// Messages of the server's refusals, by cell.
    pub refused_cells: &'a RefusedCells,
}

/// The rows `[first, end)` of `visible` that are built.
pub fn slice(visible_len: usize, first: usize, window: usize) -> (usize, usize) {
    let first = first.min(visible_len);
    (first, (first + window).min(visible_len))
}

fn cell_style(
    severity: Option<Severity>,
    selected: bool,
) -> impl Fn(&Theme, button::Status) -> button::Style {
    move |theme, _status| {
        let palette = theme.extended_palette();
        let tint = match severity {
            Some(Severity::Error) => Some(palette.danger.base.color),
            Some(Severity::Warning) => Some(palette.warning.base.color),
            None => None,
        };
        button::Style {
            background: tint.map(|color| Background::Color(Color { a: 0.22, ..color })),
            text_color: palette.background.base.text,
            border: Border {
                width: if selected { 2.0 } else { 0.5 },
                color: if selected {
                    palette.primary.base.color
                } else {
                    palette.background.strong.color
                },
                radius: 0.0.into(),
            },
            ..button::Style::default()
        }
    }
}

fn header_cell(label: &str, width: Length) -> Element<'_, Message> {
    container(
        text(label)
            .size(13)
            .wrapping(text::Wrapping::None)
            .font(crate::gui::fonts::BOLD),
    )
    .padding([4, 6])
    .width(width)
    .clip(true)
    .into()
}

/// The grid: a fixed header, then the rows in view.
pub fn view<'a>(grid: GridView<'a>) -> Element<'a, Message> {
    let sheet = grid.sheet;
    let mut header = reading_row![header_cell("#", Length::Fixed(LINE_WIDTH))];
    for name in &sheet.header.names {
        header = header.push(header_cell(name, Fill));
    }
    header = header.push(space().width(SCROLLBAR_ROOM));

    let (start, end) = slice(grid.visible.len(), grid.first, grid.window);
    let mut rows = reading_column![space().height(ROW_HEIGHT * start as f32)];
    for &row_index in &grid.visible[start..end] {
        let mut cells = reading_row![
            container(
                text(sheet.line(row_index).to_string())
                    .size(12)
                    .wrapping(text::Wrapping::None)
            )
            .padding([4, 6])
            .width(LINE_WIDTH)
            .height(ROW_HEIGHT)
        ];
        for column in 0..sheet.column_count() {
            let refused = grid.refused_cells.get(&(row_index, column));
            let severity = if refused.is_some() {
                Some(Severity::Error)
            } else {
                sheet.cell_severity(row_index, column)
            };
            let value = text(sheet.cell(row_index, column))
                .size(13)
                .wrapping(text::Wrapping::None);
            let cell = button(container(value).clip(true))
                .padding([4, 6])
                .width(Fill)
                .height(ROW_HEIGHT)
                .style(cell_style(
                    severity,
                    grid.selected == Some((row_index, column)),
                ))
                .on_press(Message::Select(row_index, column));
            // The store's refusals on one line, then each of the checker's findings.
            let said =
                |issue: &wedocod_import::Issue| crate::i18n::wording::message(&issue.wording);
            let messages: Vec<String> = refused
                .map(|refusals| refusals.iter().map(said).collect::<Vec<_>>().join(" "))
                .into_iter()
                .chain(sheet.cell_issues(row_index, column).map(said))
                .collect();
            cells = cells.push(if messages.is_empty() {
                Element::from(cell)
            } else {
                tooltip(
                    cell,
                    container(text(messages.join("\n")).size(13))
                        .padding(6)
                        .style(container::rounded_box),
                    tooltip::Position::Bottom,
                )
                .into()
            });
        }
        rows = rows.push(cells);
    }
    rows = rows.push(space().height(ROW_HEIGHT * (grid.visible.len() - end) as f32));
    reading_column![
        container(header).style(crate::gui::theme::bar),
        scrollable(rows)
            .id(GRID_ID)
            .height(Fill)
            .on_scroll(|viewport| Message::Scrolled(
                viewport.absolute_offset().y,
                viewport.bounds().height
            )),
    ]
    .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_rows_in_view_are_built() {
        assert_eq!(slice(1_000_000, 900_000, 30), (900_000, 900_030));
        assert_eq!(slice(10, 5, 30), (5, 10));
        assert_eq!(slice(10, 50, 30), (10, 10), "a filter that shrank the list");
    }
}
