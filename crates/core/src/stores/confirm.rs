//! Confirming an account before trusting a token the index has never seen. The API has
//! no "who am I" route, so a new token for a known address is either a rotated token of
//! a store the computer already knows (its upload history must follow, or rows it sent
//! would be sent again) or another account (whose history must stay apart). The store
//! itself tells: a record an earlier token created is visible to the new one only if
//! both open the same account.

use std::path::{Path, PathBuf};

use secrecy::SecretString;

use crate::api::{ApiError, Client, Leads, Orders, ResourceName};
use crate::upload::past_uploads;
use crate::upload::state::RowState;

use super::StoreHome;
use super::registry::{self, Recognised, StoreError};

/// References looked at per store: one visible record is proof enough, and each look
/// spends a request.
const PROBES: usize = 3;

/// What the store says of a known store's records, seen with a new token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Probe {
    /// A record the store created is visible: the same account.
    Same,
    /// Its records are not found: another account.
    Other,
    /// Nothing to look at, or the looks did not answer.
    Unknown,
}

/// The store a command or window opens with `client`'s token: the one a saved profile
/// remembers, the one the token opened before, a store of the same address whose
/// records the token can see (a rotated token), or a new one. Never a new one while a
/// store of the same address has an upload history the token cannot be checked against.
pub async fn open(
    data_dir: &Path,
    saved_id: Option<&str>,
    client: &Client,
    token: &SecretString,
) -> Result<StoreHome, StoreError> {
    let (dir, api, secret) = (
        data_dir.to_path_buf(),
        client.profile().clone(),
        token.clone(),
    );
    if let Some(id) = saved_id.filter(|id| super::is_store_id(id)) {
        let id = id.to_string();
        return blocking(move || registry::adopt(&dir, &id, &api, &secret)).await;
    }
    let same_address = {
        let (dir, api, secret) = (dir.clone(), api.clone(), secret.clone());
        match blocking(move || registry::recognise(&dir, &api, &secret)).await? {
            Recognised::Known(home) => return Ok(home),
            Recognised::New { same_address } => same_address,
        }
    };
    let mut unverifiable = Vec::new();
    for home in same_address {
        match probe(client, &home).await {
            Probe::Same => {
                let id = home.id().to_string();
                return blocking(move || registry::adopt(&dir, &id, &api, &secret)).await;
            }
            Probe::Other => {}
            Probe::Unknown if has_history(&home) => unverifiable.push(home.id().to_string()),
            Probe::Unknown => {}
        }
    }
    if !unverifiable.is_empty() {
        return Err(StoreError::Unconfirmed {
            address: registry::canonical_address(client.profile().base_url()),
            stores: unverifiable,
        });
    }
    blocking(move || registry::create(&dir, &api, &secret)).await
}

/// The store of this computer whose journals hold `upload_id`, when `client`'s token
/// can see that store's records (it is then registered for the token): `--resume ID`
/// after a token was rotated or revoked mid-upload.
pub async fn store_of_upload(
    data_dir: &Path,
    upload_id: &str,
    client: &Client,
    token: &SecretString,
) -> Result<Option<StoreHome>, StoreError> {
    let dir = data_dir.to_path_buf();
    let homes = blocking(move || registry::all(&dir)).await?;
    let file = format!("{upload_id}.jsonl");
    let Some(home) = homes
        .into_iter()
        .find(|home| home.journals().join(&file).is_file())
    else {
        return Ok(None);
    };
    match probe(client, &home).await {
        Probe::Same => {
            let (dir, id, api, secret) = (
                data_dir.to_path_buf(),
                home.id().to_string(),
                client.profile().clone(),
                token.clone(),
            );
            blocking(move || registry::adopt(&dir, &id, &api, &secret))
                .await
                .map(Some)
        }
        Probe::Other | Probe::Unknown => Err(StoreError::UploadElsewhere {
            upload_id: upload_id.to_string(),
            store: home.id().to_string(),
        }),
    }
}

/// Whether any upload was ever recorded for the store.
fn has_history(home: &StoreHome) -> bool {
    let listing = past_uploads::list(&home.journals());
    !listing.uploads.is_empty() || !listing.damaged.is_empty()
}

/// A few references the store's uploads created, with their kind.
fn references(home: &StoreHome) -> Vec<(ResourceName, String)> {
    past_uploads::list(&home.journals())
        .uploads
        .iter()
        .flat_map(|record| {
            let kind = record.summary.kind;
            record
                .state
                .states
                .iter()
                .filter_map(move |state| match state {
                    RowState::Created {
                        reference: Some(reference),
                    } => Some((kind, reference.clone())),
                    _ => None,
                })
        })
        .take(PROBES)
        .collect()
}

/// Looks the store's records up with `client`'s token.
async fn probe(client: &Client, home: &StoreHome) -> Probe {
    let mut said = Probe::Unknown;
    for (kind, reference) in references(home) {
        let seen = match kind {
            ResourceName::Leads => client.records::<Leads>().show(&reference).await.map(drop),
            ResourceName::Orders => client.records::<Orders>().show(&reference).await.map(drop),
        };
        match seen {
            Ok(()) => return Probe::Same,
            Err(ApiError::NotFound { .. }) => said = Probe::Other,
            Err(error) => tracing::info!(%error, "could not look a store's record up"),
        }
    }
    said
}

async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, StoreError> + Send + 'static,
) -> Result<T, StoreError> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|error| StoreError::Io {
            path: PathBuf::new(),
            source: std::io::Error::other(error),
        })?
}
