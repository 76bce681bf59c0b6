//! What the console's window and terminal share, with no window library in its tree
//! (a merchant's file is read and checked by `wedocod-import`): `upload` (rows → requests →
//! outcomes, with a journal on disk), `stores` (a store account's identity and folder),
//! `config` (profiles, never a token), `secrets` (the token in the OS keyring), `paths`
//! (where files live), `files` (durable, owner-only files and locks) and `records` (leads
//! and orders as the merchant reads them, and their export to Excel or CSV).

/// The API crate under the name the modules use (`crate::api::…`).
use wedocod_api as api;

pub mod config;
pub mod config_warning;
pub mod desk;
pub mod diagnostics;
pub mod files;
pub mod language;
pub mod log_file;
pub mod paths;
pub mod records;
pub mod secrets;
pub mod stores;
pub mod upload;
