//! The first screen when no store is set up: explore the demo store, or connect one.

use iced::widget::{button, center, column, container, text};
use iced::{Center, Element};

use crate::gui::i18n::strings;
use crate::gui::theme;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    ExploreDemo,
    ConnectStore,
    CheckFile,
}

/// `starting`: the demo store is being started; `error`: it could not start.
pub fn view(starting: bool, error: Option<&str>) -> Element<'_, Message> {
    let s = strings();
    let choice = |label: &'static str, hint: &'static str, message: Option<Message>| {
        container(
            column![
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
    let mut content = column![text(s.welcome_title).size(28), text(s.welcome_body)]
        .spacing(18)
        .align_x(Center);
    if crate::gui::app::DEMO_AVAILABLE {
        content = content.push(choice(
            s.explore_demo,
            s.explore_demo_hint,
            (!starting).then_some(Message::ExploreDemo),
        ));
    }
    content = content.push(
        column![
            choice(
                s.connect_store,
                s.connect_store_hint,
                (!starting).then_some(Message::ConnectStore)
            ),
            button(text(s.check_file_offline))
                .style(button::text)
                .on_press_maybe((!starting).then_some(Message::CheckFile)),
        ]
        .spacing(18)
        .align_x(Center),
    );
    if starting {
        content = content.push(text(s.starting_demo));
    }
    if let Some(error) = error {
        content = content.push(text(format!("{}: {error}", s.demo_failed)).style(text::danger));
    }
    center(content).into()
}
