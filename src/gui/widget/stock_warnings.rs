//! What confirming a lead would meet in stock, where the merchant decides (the desk's
//! card, a lead's or order's detail panel): a red line for a product out of stock, an
//! amber one for a product the lead would take to or under its warning quantity.

use iced::Element;
use iced::widget::text;

use crate::gui::direction::reading_column;
use crate::i18n::tr;
use wedocod_core::records::ProductNames;
use wedocod_core::seller::{StockLevels, StockWarning};

/// Each warning with its product as the merchant reads it.
pub type NamedWarnings = Vec<(StockWarning, String)>;

/// The warnings for `lines` given `stock`, each product named from `names`.
pub fn named(
    stock: &StockLevels,
    names: &ProductNames,
    lines: &[wedocod_api::wire::ProductLine],
) -> NamedWarnings {
    stock
        .warnings(lines)
        .into_iter()
        .map(|warning| {
            let label = names.label(warning.sku());
            (warning, label)
        })
        .collect()
}

/// The lines; nothing when there is no warning.
pub fn lines<'a, Message: 'a>(warnings: &[(StockWarning, String)]) -> Option<Element<'a, Message>> {
    if warnings.is_empty() {
        return None;
    }
    let mut said = reading_column![].spacing(2);
    for (warning, product) in warnings {
        said = said.push(match warning {
            StockWarning::Out { .. } => {
                text(tr!("stock-warning-out", product = product.as_str())).style(text::danger)
            }
            StockWarning::WouldBeLow { left, warning, .. } => text(tr!(
                "stock-warning-low",
                product = product.as_str(),
                left = *left,
                warning = *warning
            ))
            .style(text::warning),
        });
    }
    Some(said.into())
}
