//! Confirming an account before trusting a token the index has never seen. The API has
//! no "who am I" route, so a new token for a known address is either a rotated token of
//! a store the computer already knows (its upload history must follow, or rows it sent
//! would be sent again) or another account (whose history must stay apart). The store
//! itself tells: a record an earlier token created is visible to the new one only if
//! both open the same account.

use std::path::{Path, PathBuf};

use secrecy::SecretString;

use crate::api::{ApiError, Client, Leads, ListQuery, Orders, Resource, ResourceName};
use crate::upload::matching::{MatchKey, Stored, key_of};
use crate::upload::state::RowState;
use crate::upload::{journal, past_uploads};

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
/// store of the same address has an upload history the token cannot be checked
/// against: one such store is taken as the token's own, several are refused.
pub async fn open(
    data_dir: &Path,
    saved_id: Option<&str>,
    client: &Client,
    token: &SecretString,
) -> Result<StoreHome, StoreError> {
    if let Some(id) = saved_id.filter(|id| super::is_store_id(id)) {
        return adopt(data_dir, id, client, token).await;
    }
    let (dir, api, secret) = (
        data_dir.to_path_buf(),
        client.profile().clone(),
        token.clone(),
    );
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
                return adopt(data_dir, home.id(), client, token).await;
            }
            Probe::Other => {}
            Probe::Unknown if has_history(&home) => unverifiable.push(home.id().to_string()),
            Probe::Unknown => {}
        }
    }
    match unverifiable.as_slice() {
        [] => blocking(move || registry::create(&dir, &api, &secret)).await,
        // One store of this address with a history nothing could check: taken for the
        // same account (a rotated token), so its rows are not sent again. If it is
        // another account, the cost is a row refused as sent before, never a duplicate.
        [only] => {
            tracing::warn!(
                store = %only,
                "a new token for a known address could not be checked against its store's records; it opens that store"
            );
            adopt(data_dir, only, client, token).await
        }
        _ => Err(StoreError::Unconfirmed {
            address: registry::canonical_address(client.profile().base_url()),
            stores: unverifiable,
        }),
    }
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
    let Some(home) = homes
        .into_iter()
        .find(|home| journal::exists(&home.journals(), upload_id))
    else {
        return Ok(None);
    };
    match probe(client, &home).await {
        // The merchant named this upload: unless its records are shown to be in
        // another account, it is theirs.
        Probe::Same | Probe::Unknown => adopt(data_dir, home.id(), client, token).await.map(Some),
        Probe::Other => Err(StoreError::UploadElsewhere {
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

/// What the store's uploads sent that a token can be asked about: a few references
/// they were given, and a few rows sent without one (queued, in flight, not confirmed,
/// or created by a v1 answer), with their kind.
struct Evidence {
    references: Vec<(ResourceName, String)>,
    rows: Vec<(ResourceName, MatchKey)>,
}

fn evidence(home: &StoreHome) -> Evidence {
    let listing = past_uploads::list(&home.journals());
    let mut evidence = Evidence {
        references: Vec::new(),
        rows: Vec::new(),
    };
    for record in &listing.uploads {
        let kind = record.summary.kind;
        for (row, state) in record.state.rows.iter().zip(&record.state.states) {
            match state {
                RowState::Created {
                    reference: Some(reference),
                } if evidence.references.len() < PROBES => {
                    evidence.references.push((kind, reference.clone()));
                }
                RowState::Created { reference: None }
                | RowState::Queued { .. }
                | RowState::Sending { .. }
                | RowState::Uncertain { .. }
                    if evidence.rows.len() < PROBES =>
                {
                    evidence
                        .rows
                        .extend(key_of(kind, &row.item).map(|key| (kind, key)));
                }
                _ => {}
            }
        }
    }
    evidence
}

/// Looks the store's records up with `client`'s token: by reference, else by searching
/// for rows it sent (a search that finds nothing proves nothing: a queue may still
/// hold them).
async fn probe(client: &Client, home: &StoreHome) -> Probe {
    let evidence = evidence(home);
    let mut said = Probe::Unknown;
    for (kind, reference) in evidence.references {
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
    if said == Probe::Other {
        return said;
    }
    for (kind, key) in evidence.rows {
        let found = match kind {
            ResourceName::Leads => holds_row::<Leads>(client, &key).await,
            ResourceName::Orders => holds_row::<Orders>(client, &key).await,
        };
        if found {
            return Probe::Same;
        }
    }
    said
}

/// Whether the first page of a search by the row's phone shows a record of its key.
async fn holds_row<R: Resource>(client: &Client, key: &MatchKey) -> bool
where
    R::Record: Stored,
{
    let mut query = ListQuery::page(1, 100);
    query.search = Some(key.phone_digits().to_string());
    match client.records::<R>().list(&query).await {
        Ok(page) => page.items.iter().any(|record| record.match_key() == *key),
        Err(error) => {
            tracing::info!(%error, "could not search the store for a row it sent");
            false
        }
    }
}

/// Registers `client`'s token for store `id` (off the async threads: the fingerprint is
/// a deliberately slow hash).
async fn adopt(
    data_dir: &Path,
    id: &str,
    client: &Client,
    token: &SecretString,
) -> Result<StoreHome, StoreError> {
    let (dir, id, api, secret) = (
        data_dir.to_path_buf(),
        id.to_string(),
        client.profile().clone(),
        token.clone(),
    );
    blocking(move || registry::adopt(&dir, &id, &api, &secret)).await
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
