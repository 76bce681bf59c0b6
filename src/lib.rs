//! WedoCOD Merchant Console: the library behind the `wedocod-console` binary.
//!
//! Layers (data flows one way): `api` (HTTP client and wire format), `sandbox` (a
//! WedoCOD-compatible server sharing `api`'s wire types), `cli` (the commands).

pub mod api;
pub mod cli;
pub mod config;
pub mod paths;
pub mod sandbox;
pub mod secrets;
