//! What the store's local copy knows of a record's customer, where the merchant decides
//! (the desk's card, the detail panels): earlier orders and how they ended, a warning when
//! the phone returned or refused parcels before, and the leads it likely duplicates.

use iced::Element;
use iced::widget::text;

use crate::gui::direction::reading_column;
use crate::i18n::tr;
use wedocod_core::copy::Earlier;

/// The lines (nothing for a customer the copy has not seen before).
pub fn lines<'a, M: 'a>(earlier: &Earlier) -> Element<'a, M> {
    let mut lines = reading_column![].spacing(4);
    if earlier.orders > 0 || earlier.leads > 0 {
        lines = lines.push(text(tr!(
            "desk-customer-orders",
            orders = earlier.orders,
            delivered = earlier.delivered,
            returned = earlier.returned,
            leads = earlier.leads
        )));
    }
    if earlier.returned > 0 {
        lines = lines.push(
            text(tr!("desk-customer-returned", returned = earlier.returned)).style(text::danger),
        );
    }
    if !earlier.duplicates.is_empty() {
        lines = lines.push(
            text(tr!(
                "desk-customer-duplicate",
                references = earlier.duplicates.join(", ")
            ))
            .style(text::warning),
        );
    }
    lines.into()
}
