//! The seller API's lists as the merchant reads them: stock levels (what the desk and the
//! import warn from), payout totals, and where a list is read from (the local copy, else
//! the store: [`crate::records::Source`] says which).

mod list_source;
mod payouts;
mod stock_levels;

pub use list_source::{SellerList, read_list};
pub use payouts::{MonthTotal, PayoutTotals, StatusTotal, invoice_sheet};
pub use stock_levels::{StockLevel, StockLevels, StockMark, StockWarning};
