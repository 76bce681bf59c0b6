//! Widgets more than one screen shows, each with one look everywhere: the dialogs, the
//! error banner, the notice banner, a status history, a customer's past (from the local
//! copy), and the ways to reach a customer.
//! They know nothing of the screens that use them: each takes the messages its buttons
//! send.

pub mod contact;
pub(crate) mod customer_past;
pub(crate) mod dialog;
pub mod error_view;
pub(crate) mod notice;
pub(crate) mod status_history;
