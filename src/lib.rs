//! WedoCOD Merchant Console: the window (`gui`) and the commands (`cli`) of the
//! `wedocod-console` binary, on top of three crates the compiler keeps apart:
//! `wedocod-api` (wire format and client), `wedocod-core` (import, upload, stores,
//! settings, tokens: everything the window and the terminal share, with no iced in its
//! tree) and `wedocod-sandbox` (the WedoCOD-compatible server of the demo store). They
//! are re-exported under their old names, so `crate::upload::…` reads the same in the
//! window's code and in the tests.

pub mod cli;
pub mod gui;
pub mod i18n;

pub use wedocod_api as api;
pub use wedocod_core::{
    config, desk, diagnostics, files, import, log_file, paths, records, secrets, stores, upload,
};
#[cfg(feature = "demo")]
pub use wedocod_sandbox as sandbox;
