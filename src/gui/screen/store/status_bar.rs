//! The bottom bar of an open store: which store (its name and address), the requests its
//! rate budget has left, when its local copy was synced, and whether the last request of the tab in view got an answer.

use iced::widget::{container, space, text};
use iced::{Center, Element, Fill};

use wedocod_api::pacing::RateBudget;

use crate::gui::direction::reading_row;
use crate::gui::theme;
use crate::i18n::tr;

/// The bar. `reachable`: `None` while nothing has been asked yet; `copy`: where the
/// local copy stands ("synced 10:42").
pub fn view<'a, M: 'a>(
    name: &'a str,
    address: &'a str,
    budget: Option<RateBudget>,
    reachable: Option<bool>,
    copy: Option<String>,
) -> Element<'a, M> {
    let budget = budget
        .map(|b| tr!("rate-budget", remaining = b.remaining, limit = b.limit))
        .unwrap_or_default();
    let network = match reachable {
        Some(false) => text(tr!("offline")).style(text::danger),
        _ => text(tr!("online")).style(text::success),
    };
    container(
        reading_row![
            text(name),
            text("·"),
            text(address).style(theme::muted),
            space().width(Fill),
            text(budget).style(theme::muted),
            text(copy.unwrap_or_default()).style(theme::muted),
            network,
        ]
        .spacing(theme::GAP)
        .align_y(Center),
    )
    .padding([4, 12])
    .width(Fill)
    .style(theme::bar)
    .into()
}
