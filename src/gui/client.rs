//! The window's API client, built the same way for every screen that makes one (the
//! connect form checking a token, a saved store being opened). A module of its own so that
//! screens and the shell both use it without importing from the module that holds them.

use std::time::Duration;

use secrecy::SecretString;

use wedocod_api::{ApiError, ApiProfile, Client, ClientOptions, RetryPolicy};

/// The window's client: no hidden retries, so a 429 shows its countdown and a network
/// failure its retry button instead of a silent wait.
pub fn client_for(profile: &ApiProfile, token: &SecretString) -> Result<Client, ApiError> {
    let options = ClientOptions {
        timeout: Duration::from_secs(30),
        connect_timeout: Duration::from_secs(10),
        retry: RetryPolicy::never(),
    };
    Client::with_options(profile.clone(), token.clone(), options)
}
