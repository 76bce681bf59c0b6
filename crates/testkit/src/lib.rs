//! What the tests of every crate share: a real sandbox on 127.0.0.1 and the real client,
//! a fake API written from the docs alone (`docs_server`), workbooks as Excel stores them
//! (`workbook`). A dev-dependency only: nothing here reaches the console.

use std::time::Duration;

pub mod docs_server;
pub mod workbook;

use secrecy::SecretString;
use wedocod_api::wire::ProductLine;
use wedocod_api::{ApiProfile, Client, ClientOptions, Dialect, NewLead, RetryPolicy};
use wedocod_sandbox::{Sandbox, SandboxConfig};

pub async fn sandbox(config: SandboxConfig) -> Sandbox {
    Sandbox::start(config).await.expect("sandbox starts")
}

/// How many POST requests (creates) the sandbox has received.
pub fn posts(sandbox: &Sandbox) -> usize {
    sandbox
        .request_log()
        .iter()
        .filter(|request| request.method == "POST")
        .count()
}

pub fn profile(sandbox: &Sandbox, dialect: Dialect) -> ApiProfile {
    let prefix = match dialect {
        Dialect::V2 => "",
        Dialect::V1 => wedocod_api::V1_PREFIX,
    };
    ApiProfile::new(sandbox.base_url(), prefix, dialect).expect("loopback http is allowed")
}

/// The client with the given token and retries, short timeouts so failures are quick.
pub fn client_with(sandbox: &Sandbox, dialect: Dialect, token: &str, retry: RetryPolicy) -> Client {
    let options = ClientOptions {
        timeout: Duration::from_secs(10),
        connect_timeout: Duration::from_secs(2),
        retry,
    };
    Client::with_options(
        profile(sandbox, dialect),
        SecretString::from(token.to_string()),
        options,
    )
    .expect("client builds")
}

/// A bare reqwest client, for answers the console's client would interpret.
pub fn raw_http() -> reqwest::Client {
    wedocod_api::install_crypto_provider();
    reqwest::Client::new()
}

/// The demo token, no automatic retries: every answer is seen as it is.
pub fn client(sandbox: &Sandbox) -> Client {
    client_with(sandbox, Dialect::V2, sandbox.token(), RetryPolicy::never())
}

/// A lead that passes every rule of the contract, with a SKU of the demo catalogue.
pub fn valid_lead(n: usize) -> NewLead {
    NewLead {
        full_name: format!("Client Numéro {n}"),
        phone: format!("06{:08}", 10_000_000 + n),
        city: Some("Casablanca".into()),
        area: Some("Maârif".into()),
        address: Some(format!("{n} Boulevard Zerktouni")),
        products: vec![ProductLine {
            sku: Some("ARG-100".into()),
            quantity: Some(2),
            total: Some(298.0),
            price: None,
        }],
        data: Vec::new(),
    }
}

pub fn valid_leads(count: usize) -> Vec<NewLead> {
    (0..count).map(valid_lead).collect()
}
