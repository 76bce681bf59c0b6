//! The top bar of an open store: the application's name, the tabs, and the window's own
//! buttons (Stores, Settings, the theme). The import screen without a store shows the same
//! bar with its name where the tabs would be, so the bar takes the messages its buttons
//! send instead of having its own.

use iced::widget::{button, container, space, text};
use iced::{Center, Element, Fill};

use wedocod_core::config::ThemeChoice;

use super::tabs::Tab;
use crate::gui::direction::reading_row;
use crate::gui::theme;
use crate::i18n::tr;

/// The header's buttons that belong to the window, not to a store: the same with a store
/// or without one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shell {
    /// The saved stores.
    Stores,
    Settings,
    /// Light or dark, whichever is not showing.
    ToggleTheme,
}

/// The tabs the header shows: the one open, and the message a tab sends when pressed.
pub struct Tabs<M> {
    pub active: Tab,
    pub on_press: fn(Tab) -> M,
}

/// The bar: `tabs` when a store is open, else the import screen's name; `theme` is the
/// one showing (the theme button offers the other).
pub fn view<'a, M: Clone + 'a>(
    tabs: Option<Tabs<M>>,
    theme: ThemeChoice,
    on_shell: fn(Shell) -> M,
) -> Element<'a, M> {
    let theme_label = match theme::toggled(theme) {
        ThemeChoice::Dark => tr!("theme-dark"),
        _ => tr!("theme-light"),
    };
    // The name and the tabs wrap onto a second line when the window is too narrow for
    // them (French and Arabic labels are longer); the window's own buttons keep their
    // place at the end, whole.
    let mut places = reading_row![text(tr!("app-name")).size(20), space().width(24)]
        .spacing(theme::GAP)
        .align_y(Center)
        .width(Fill);
    places = match tabs {
        Some(Tabs { active, on_press }) => Tab::ALL.into_iter().fold(places, |bar, tab| {
            bar.push(
                button(text(tab.label()).size(16))
                    .style(if tab == active {
                        button::primary
                    } else {
                        button::text
                    })
                    .on_press(on_press(tab)),
            )
        }),
        None => places.push(text(Tab::Import.label()).size(16)),
    };
    let shell = |label: String, pressed: Shell| {
        button(text(label))
            .style(button::secondary)
            .on_press(on_shell(pressed))
    };
    let bar = reading_row![
        places.wrap().vertical_spacing(4),
        shell(tr!("stores"), Shell::Stores),
        shell(tr!("settings"), Shell::Settings),
        shell(theme_label, Shell::ToggleTheme),
    ]
    .spacing(theme::GAP)
    .align_y(Center);
    container(bar)
        .padding([8, 12])
        .width(Fill)
        .style(theme::bar)
        .into()
}
