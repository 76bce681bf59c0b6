//! WedoCOD Merchant Console: the library behind the `wedocod-console` binary.
//!
//! Layers (data flows one way): `api` (HTTP client and wire format), `sandbox` (a
//! WedoCOD-compatible server sharing `api`'s wire types), `import` (CSV files → checked
//! rows → create items), `gui` (the window) and `cli` (the commands) on top; `config`
//! (profiles, never a token), `secrets` (the token in the OS keyring) and `paths` (where
//! files live) beside them; `upload` (rows → requests → outcomes, with a journal) joins
//! `import` and `api`.

pub mod api;
pub mod cli;
pub mod config;
pub mod gui;
pub mod import;
pub mod paths;
pub mod sandbox;
pub mod secrets;
pub mod upload;
