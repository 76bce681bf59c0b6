//! WedoCOD Merchant Console: the library behind the `wedocod-console` binary.
//!
//! Layers (data flows one way): `api` (HTTP client and wire format), `sandbox` (a
//! WedoCOD-compatible server sharing `api`'s wire types), `import` (CSV files → checked
//! rows → create items), `cli` (the commands).

pub mod api;
pub mod cli;
pub mod import;
pub mod paths;
