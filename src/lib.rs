//! WedoCOD Merchant Console: the library behind the `wedocod-console` binary.
//!
//! Layers (data flows one way): `api` (HTTP client and wire format), `sandbox` (a
//! WedoCOD-compatible server sharing `api`'s wire types), `import` (CSV files → checked
//! rows → create items), `gui` (the window) and `cli` (the commands) on top; `config`
//! (profiles, never a token), `secrets` (the token in the OS keyring), `stores` (a store
//! account's identity and folder), `paths` (where files live) and `files` (durable,
//! owner-only files and locks) beside them; `upload` (rows → requests → outcomes, with a journal) joins
//! `import` and `api`.

pub mod api;
pub mod cli;
pub mod config;
pub mod files;
pub mod gui;
pub mod import;
pub mod paths;
pub mod sandbox;
pub mod secrets;
pub mod stores;
pub mod upload;
