//! The dialog every destructive or long action goes through: the screen dimmed behind,
//! Cancel (or a click outside) backs out, the main button goes ahead.

use iced::widget::{Button, button, center, container, mouse_area, opaque, space, stack, text};
use iced::{Color, Element, Fill};

use crate::gui::direction::{reading_column, reading_row};
use crate::gui::theme;
use crate::i18n::tr;

/// `base` with a dialog over it whose red button destroys something.
pub fn confirm<'a, Message: Clone + 'a>(
    base: Element<'a, Message>,
    title: String,
    body: String,
    on_cancel: Message,
    on_confirm: Message,
) -> Element<'a, Message> {
    let destroy = button(text(tr!("confirm-delete")))
        .style(button::danger)
        .on_press(on_confirm);
    over(base, title, body, on_cancel, destroy)
}

/// `base` with a dialog over it whose main button, `label`, starts something harmless.
pub fn proceed<'a, Message: Clone + 'a>(
    base: Element<'a, Message>,
    title: String,
    body: String,
    on_cancel: Message,
    (label, on_go): (String, Message),
) -> Element<'a, Message> {
    over(
        base,
        title,
        body,
        on_cancel,
        button(text(label)).on_press(on_go),
    )
}

fn over<'a, Message: Clone + 'a>(
    base: Element<'a, Message>,
    title: String,
    body: String,
    on_cancel: Message,
    main: Button<'a, Message>,
) -> Element<'a, Message> {
    let dialog = container(
        reading_column![
            text(title).size(20),
            text(body),
            reading_row![
                space().width(Fill),
                button(text(tr!("cancel")))
                    .style(button::secondary)
                    .on_press(on_cancel.clone()),
                main,
            ]
            .spacing(theme::GAP)
        ]
        .spacing(theme::PAD),
    )
    .padding(20)
    .width(440)
    .style(theme::panel);
    modal(base, dialog, on_cancel)
}

/// `base` dimmed, with `content` centred over it; a click outside sends `on_dismiss`.
pub fn modal<'a, Message: Clone + 'a>(
    base: Element<'a, Message>,
    content: impl Into<Element<'a, Message>>,
    on_dismiss: Message,
) -> Element<'a, Message> {
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
        opaque(mouse_area(center(opaque(content)).style(dimmed)).on_press(on_dismiss))
    ]
    .into()
}
