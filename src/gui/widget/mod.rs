//! Widgets more than one screen shows, each with one look everywhere: the dialogs, the
//! error banner, the notice banner, a sortable column title, a table, a status history, stock
//! warnings, a customer's past (from the local
//! copy), and the ways to reach a customer.
//! They know nothing of the screens that use them: each takes the messages its buttons
//! send.

pub mod contact;
pub(crate) mod customer_past;
pub(crate) mod dialog;
pub mod error_view;
pub(crate) mod notice;
pub(crate) mod sort_header;
pub(crate) mod status_history;
pub(crate) mod stock_warnings;
pub(crate) mod table_view;
