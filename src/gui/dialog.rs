//! The confirmation dialog every destructive action goes through: the screen dimmed
//! behind, Cancel (or a click outside) backs out, the red button goes ahead.

use iced::widget::{
    button, center, column, container, mouse_area, opaque, row, space, stack, text,
};
use iced::{Color, Element, Fill};

use super::i18n::strings;
use super::theme;

/// `base` with the dialog over it.
pub fn confirm<'a, Message: Clone + 'a>(
    base: Element<'a, Message>,
    title: String,
    body: String,
    on_cancel: Message,
    on_confirm: Message,
) -> Element<'a, Message> {
    let s = strings();
    let dialog = container(
        column![
            text(title).size(20),
            text(body),
            row![
                space().width(Fill),
                button(text(s.cancel))
                    .style(button::secondary)
                    .on_press(on_cancel.clone()),
                button(text(s.confirm_delete))
                    .style(button::danger)
                    .on_press(on_confirm),
            ]
            .spacing(theme::GAP)
        ]
        .spacing(theme::PAD),
    )
    .padding(20)
    .width(440)
    .style(theme::panel);
    let dimmed = |_: &iced::Theme| container::Style {
        background: Some(
            Color {
                a: 0.6,
                ..Color::BLACK
            }
            .into(),
        ),
        ..container::Style::default()
    };
    stack![
        base,
        opaque(mouse_area(center(opaque(dialog)).style(dimmed)).on_press(on_cancel))
    ]
    .into()
}
