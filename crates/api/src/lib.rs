//! The WedoCOD API: wire types, envelopes, errors, pacing and the typed client. Knows
//! HTTP and JSON, nothing of CSV files or windows. The client (reqwest) is behind the
//! `client` feature: the sandbox shares everything else without it.

#[cfg(test)]
mod arbitrary;
#[cfg(feature = "client")]
pub mod body;
#[cfg(feature = "client")]
pub mod client;
pub mod endpoints;
pub mod envelope;
pub mod error;
mod lenient;
pub mod pacing;
pub mod profile;
pub mod resource;
pub mod rules;
pub mod scope;
pub mod seller;
#[cfg(feature = "client")]
pub mod server_clock;
pub mod statuses;
pub mod wire;

#[cfg(feature = "client")]
pub use client::{
    Client, ClientOptions, CreateOutcome, DeleteOutcome, ListQuery, Page, Records, RetryPolicy,
    UpdateOutcome, install_crypto_provider,
};
pub use error::{ApiError, TransportKind};
pub use profile::{ApiProfile, DEFAULT_BASE_URL, Dialect, ProfileError, V1_PREFIX};
pub use resource::{Leads, Orders, Resource};
pub use scope::{Action, ResourceName, Scope, Subject};
pub use wire::{Lead, NewLead, NewOrder, Order};
