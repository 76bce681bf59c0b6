//! The first screen when no store is set up: explore the demo store, or connect one.

use iced::widget::{button, center, container, text};
use iced::{Center, Element};

use crate::gui::direction::reading_column;
use crate::gui::theme;
use crate::i18n::tr;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    ExploreDemo,
    ConnectStore,
    CheckFile,
    /// Language, theme… before anything else.
    Settings,
}

/// `offer_demo`: this build can start the demo store; `starting`: it is being started;
/// `error`: it could not start.
pub fn view(offer_demo: bool, starting: bool, error: Option<&str>) -> Element<'_, Message> {
    let choice = |label: String, hint: String, message: Option<Message>| {
        container(
            reading_column![
                button(text(label).size(18))
                    .padding([10, 20])
                    .on_press_maybe(message),
                text(hint).style(theme::muted),
            ]
            .spacing(theme::GAP)
            .align_x(Center),
        )
        .padding(20)
        .width(480)
        .style(theme::panel)
    };
    let mut content = reading_column![
        text(tr!("welcome-title")).size(28),
        text(tr!("welcome-body"))
    ]
    .spacing(18)
    .align_x(Center);
    if offer_demo {
        content = content.push(choice(
            tr!("explore-demo"),
            tr!("explore-demo-hint"),
            (!starting).then_some(Message::ExploreDemo),
        ));
    }
    content = content.push(
        reading_column![
            choice(
                tr!("connect-store"),
                tr!("connect-store-hint"),
                (!starting).then_some(Message::ConnectStore)
            ),
            button(text(tr!("check-file-offline")))
                .style(button::text)
                .on_press_maybe((!starting).then_some(Message::CheckFile)),
            button(text(tr!("settings")))
                .style(button::text)
                .on_press(Message::Settings),
        ]
        .spacing(18)
        .align_x(Center),
    );
    if starting {
        content = content.push(text(tr!("starting-demo")));
    }
    if let Some(error) = error {
        content =
            content.push(text(format!("{}: {error}", tr!("demo-failed"))).style(text::danger));
    }
    center(content).into()
}
