//! Which store a command talks to, shared by `upload` and `export`: a store saved in the
//! window (its token from the OS keyring), or an address with the token in an environment
//! variable (never on the command line, where other users of the computer can read it).

use clap::Args;
use secrecy::SecretString;

use crate::i18n::api_error::describe_profile_error;
use crate::i18n::tr;
use wedocod_api::{ApiProfile, Client, ClientOptions, Dialect};
use wedocod_core::config::Config;
use wedocod_core::secrets::TokenVault;
use wedocod_core::stores::{self, OpenStore};
use wedocod_core::upload::journal;

/// The store arguments of a command.
#[derive(Debug, Args)]
pub struct StoreArgs {
    /// A store saved in the console (its token comes from the keyring). Default: the
    /// store opened last in the window.
    #[arg(long, conflicts_with = "base_url")]
    pub profile: Option<String>,
    /// The API address, for a store not saved in the console (with --token-env).
    #[arg(long, requires = "token_env")]
    pub base_url: Option<String>,
    /// Path prefix of the API (`/api/web/1.0`), with --base-url.
    #[arg(long, default_value = "")]
    pub prefix: String,
    /// The environment variable holding the API token (never the token itself: command
    /// lines are visible to other users of the computer), with --base-url.
    #[arg(long, requires = "base_url")]
    pub token_env: Option<String>,
}

/// A store's address and token, and its id when the window saved it.
struct Chosen {
    profile: ApiProfile,
    token: SecretString,
    saved_id: Option<String>,
}

impl StoreArgs {
    /// The client for the store (`dialect` applies to a store given by address).
    pub async fn client(&self, dialect: Dialect) -> Result<Client, String> {
        let chosen = self.choose(dialect).await?;
        connect(chosen.profile, chosen.token)
    }

    /// The client, and the store's folder for journals: the same store the window uses
    /// for the same account, found by the token's fingerprint when the store is given by
    /// address and token (a new token for a known address is checked against that
    /// store's records first). With `resuming`, an upload kept for another store of the
    /// computer is found there, when the token can see that store's records (a token
    /// rotated or revoked mid-upload).
    pub async fn open(
        &self,
        dialect: Dialect,
        resuming: Option<&str>,
    ) -> Result<OpenStore, String> {
        let Chosen {
            profile,
            token,
            saved_id,
        } = self.choose(dialect).await?;
        let client = connect(profile, token.clone())?;
        let data_dir = wedocod_core::paths::data_dir();
        let home = stores::open(&data_dir, saved_id.as_deref(), &client, &token)
            .await
            .map_err(|e| e.to_string())?;
        let Some(upload_id) = resuming else {
            return Ok(OpenStore { client, home });
        };
        if journal::exists(&home.journals(), upload_id) {
            return Ok(OpenStore { client, home });
        }
        let elsewhere = stores::store_of_upload(&data_dir, upload_id, &client, &token)
            .await
            .map_err(|e| e.to_string())?;
        Ok(OpenStore {
            home: elsewhere.unwrap_or(home),
            client,
        })
    }

    async fn choose(&self, dialect: Dialect) -> Result<Chosen, String> {
        if let (Some(base_url), Some(variable)) = (&self.base_url, &self.token_env) {
            let token = std::env::var(variable)
                .map_err(|_| tr!("cli-no-token-in-env", variable = variable))?;
            return Ok(Chosen {
                profile: ApiProfile::new(base_url, &self.prefix, dialect)
                    .map_err(|error| describe_profile_error(&error))?,
                token: SecretString::from(token.trim().to_string()),
                saved_id: None,
            });
        }
        let config = Config::load().config;
        let name = self
            .profile
            .clone()
            .or_else(|| config.active_profile.clone())
            .ok_or_else(|| tr!("cli-no-store"))?;
        let saved = config
            .profile(&name)
            .ok_or_else(|| tr!("cli-unknown-store", name = name))?;
        let token = TokenVault::open()
            .await
            .load(&saved.name)
            .await
            .map_err(|error| tr!("cli-keyring-failed", reason = error))?
            .ok_or_else(|| tr!("token-missing", name = name))?;
        Ok(Chosen {
            profile: saved
                .api_profile()
                .map_err(|error| describe_profile_error(&error))?,
            token,
            saved_id: saved.store_id.clone(),
        })
    }
}

fn connect(profile: ApiProfile, token: SecretString) -> Result<Client, String> {
    Client::with_options(profile, token, ClientOptions::default()).map_err(|e| e.to_string())
}
