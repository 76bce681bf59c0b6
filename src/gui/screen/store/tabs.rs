//! The tabs of an open store and their one order: the header shows them left to right in
//! it, and Ctrl+1, Ctrl+2… open them in it. A new tab starts here: its place, its label.

use wedocod_api::ResourceName;

use crate::i18n::tr;

/// A tab of an open store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    /// The store at a glance.
    Dashboard,
    Records(ResourceName),
    /// The confirmation desk.
    Desk,
    Import,
    Uploads,
    /// The catalogue and its stock.
    Products,
    /// Invoices: what WedoCOD pays.
    Payouts,
    /// Requests to find and stock a product.
    Sourcing,
}

impl Tab {
    /// Every tab, in the header's order; Ctrl+1 opens the first.
    pub const ALL: [Tab; 9] = [
        Tab::Dashboard,
        Tab::Records(ResourceName::Leads),
        Tab::Records(ResourceName::Orders),
        Tab::Desk,
        Tab::Import,
        Tab::Uploads,
        Tab::Products,
        Tab::Payouts,
        Tab::Sourcing,
    ];

    /// The tab at `place` (1 for the first): the one Ctrl+`place` opens.
    pub fn at(place: usize) -> Option<Tab> {
        let index = place.checked_sub(1)?;
        Tab::ALL.get(index).copied()
    }

    /// Its name in the header.
    pub fn label(self) -> String {
        match self {
            Tab::Dashboard => tr!("glance-tab"),
            Tab::Records(ResourceName::Leads) => tr!("leads"),
            Tab::Records(ResourceName::Orders) => tr!("orders"),
            Tab::Desk => tr!("desk-tab"),
            Tab::Import => tr!("import"),
            Tab::Uploads => tr!("uploads-tab"),
            Tab::Products => tr!("products-tab"),
            Tab::Payouts => tr!("payouts-tab"),
            Tab::Sourcing => tr!("sourcing-tab"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ctrl_and_a_digit_open_the_tab_at_that_place() {
        assert_eq!(Tab::at(1), Some(Tab::Dashboard));
        assert_eq!(Tab::at(2), Some(Tab::Records(ResourceName::Leads)));
        assert_eq!(Tab::at(3), Some(Tab::Records(ResourceName::Orders)));
        assert_eq!(Tab::at(4), Some(Tab::Desk));
        assert_eq!(Tab::at(5), Some(Tab::Import));
        assert_eq!(Tab::at(6), Some(Tab::Uploads));
        assert_eq!(Tab::at(7), Some(Tab::Products));
        assert_eq!(Tab::at(9), Some(Tab::Sourcing));
        assert_eq!(Tab::at(0), None);
        assert_eq!(Tab::at(10), None);
    }
}
