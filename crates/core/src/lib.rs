//! What the console's window and terminal share, with no window library in its tree
//! (a merchant's file is read and checked by `wedocod-import`): `upload` (rows → requests →
//! outcomes, with a journal on disk), `copy` (the store's local copy in SQLite: sync,
//! search, customers), `stores` (a store account's identity and folder),
//! `records` (leads and orders as the merchant reads them, the requests that fetch and
//! change them, and their export to Excel or CSV), `desk` (the confirmation desk's queue
//! and ways to reach a customer), `config` (profiles, never a token; `config_warning`
//! says what was repaired), `language` (the languages the console speaks), `secrets` (the
//! token in the OS keyring), `paths` (where files live), `files` (durable, owner-only files
//! and locks), `seller` (stock levels, payout totals and where the seller lists are
//! read from), `log_file` (the window's log) and `diagnostics` (what support is sent).

/// The API crate under the name the modules use (`crate::api::…`).
use wedocod_api as api;

pub mod config;
pub mod config_warning;
pub mod copy;
pub mod desk;
pub mod diagnostics;
pub mod files;
pub mod language;
pub mod log_file;
pub mod paths;
pub mod records;
pub mod secrets;
pub mod seller;
pub mod stores;
pub mod upload;
