//! The green banner for news (an action that worked, a file saved), with its Dismiss
//! button: one look for every screen.

use iced::widget::{button, container, text};
use iced::{Center, Element, Fill};

use crate::gui::direction::{reading_column, reading_row};
use crate::gui::theme;
use crate::i18n::tr;

/// The banner showing `lines`, one under the other.
pub fn banner<'a, Message: Clone + 'a>(
    lines: impl IntoIterator<Item = &'a str>,
    on_dismiss: Message,
) -> Element<'a, Message> {
    let lines = lines
        .into_iter()
        .fold(reading_column![].width(Fill), |lines, line| {
            lines.push(text(line))
        });
    container(
        reading_row![
            lines,
            button(text(tr!("dismiss")))
                .style(button::secondary)
                .on_press(on_dismiss),
        ]
        .spacing(theme::GAP)
        .align_y(Center),
    )
    .padding([6, 12])
    .width(Fill)
    .style(theme::notice_banner)
    .into()
}
