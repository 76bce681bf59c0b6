//! The store index, `stores/index.json` in the data folder: each store's id, its API
//! address and the fingerprints of the tokens that opened it. Read and rewritten under
//! a lock, atomically, so two windows and a command registering stores at once never
//! lose one another's entries.

use std::io;
use std::path::{Path, PathBuf};

use secrecy::SecretString;
use serde::{Deserialize, Serialize};

use crate::api::ApiProfile;
use crate::files::{self, LockFile};

use super::{StoreHome, fingerprint, stores_dir};

/// Why the store of a token could not be found or registered.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot use the store index {path}: {source}")]
    Io { path: PathBuf, source: io::Error },
    /// Never replaced silently: a new index would give every store a new identity, and
    /// the "sent before" check would no longer see their earlier uploads.
    #[error(
        "the store index {path} is damaged ({message}); move it aside to start a new one (earlier uploads will then not be recognised)"
    )]
    Damaged { path: PathBuf, message: String },
    #[error("cannot use the store index: {0}")]
    Lock(#[from] files::LockError),
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Index {
    /// Hexadecimal; drawn once per installation.
    salt: String,
    stores: Vec<Entry>,
}

#[derive(Debug, Serialize, Deserialize)]
struct Entry {
    id: String,
    /// For people reading the folder; the fingerprints already depend on it.
    address: String,
    fingerprints: Vec<String>,
}

/// The address a store is reached at: base URL and path prefix, as the client joins them.
fn address(api: &ApiProfile) -> String {
    api.url(&[]).as_str().trim_end_matches('/').to_string()
}

fn new_store_id() -> String {
    format!("st-{}", ulid::Ulid::new().to_string().to_ascii_lowercase())
}

fn new_salt() -> String {
    use rand::Rng;
    let salt: [u8; 16] = rand::rng().random();
    salt.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// The index, locked for the time of one change.
struct OpenIndex {
    path: PathBuf,
    index: Index,
    _lock: LockFile,
}

impl OpenIndex {
    fn open(data_dir: &Path) -> Result<OpenIndex, StoreError> {
        let dir = stores_dir(data_dir);
        let io_error = |source| StoreError::Io {
            path: dir.clone(),
            source,
        };
        files::create_private_dir(&dir).map_err(io_error)?;
        let lock = LockFile::acquire(&dir.join("index.lock"))?;
        let path = dir.join("index.json");
        let index = match std::fs::read(&path) {
            Ok(bytes) => serde_json::from_slice(&bytes).map_err(|error| StoreError::Damaged {
                path: path.clone(),
                message: error.to_string(),
            })?,
            Err(error) if error.kind() == io::ErrorKind::NotFound => Index {
                salt: new_salt(),
                stores: Vec::new(),
            },
            Err(source) => return Err(StoreError::Io { path, source }),
        };
        Ok(OpenIndex {
            path,
            index,
            _lock: lock,
        })
    }

    fn fingerprint(&self, api: &ApiProfile, token: &SecretString) -> String {
        fingerprint::of(self.index.salt.as_bytes(), &address(api), token)
    }

    /// Records that `fingerprint` opens store `id` (and no other), saving the index
    /// only when that changes it.
    fn register(
        &mut self,
        id: &str,
        api: &ApiProfile,
        fingerprint: String,
    ) -> Result<(), StoreError> {
        let stores = &mut self.index.stores;
        if stores
            .iter()
            .any(|entry| entry.id == id && entry.fingerprints.contains(&fingerprint))
        {
            return Ok(());
        }
        for entry in stores.iter_mut() {
            entry.fingerprints.retain(|known| *known != fingerprint);
        }
        match stores.iter_mut().find(|entry| entry.id == id) {
            Some(entry) => entry.fingerprints.push(fingerprint),
            None => stores.push(Entry {
                id: id.to_string(),
                address: address(api),
                fingerprints: vec![fingerprint],
            }),
        }
        self.save()
    }

    fn save(&self) -> Result<(), StoreError> {
        let text = serde_json::to_vec_pretty(&self.index).map_err(|error| StoreError::Io {
            path: self.path.clone(),
            source: io::Error::other(error),
        })?;
        files::write_atomically(&self.path, &text).map_err(|source| StoreError::Io {
            path: self.path.clone(),
            source,
        })
    }
}

/// The store `token` opens at `api`: the one it was registered with, or a new one.
/// What the `upload` command uses with `--token-env`, and the window for a store
/// connected for the first time.
pub fn identify(
    data_dir: &Path,
    api: &ApiProfile,
    token: &SecretString,
) -> Result<StoreHome, StoreError> {
    let mut open = OpenIndex::open(data_dir)?;
    let fingerprint = open.fingerprint(api, token);
    let id = open
        .index
        .stores
        .iter()
        .find(|entry| entry.fingerprints.contains(&fingerprint))
        .map_or_else(new_store_id, |entry| entry.id.clone());
    open.register(&id, api, fingerprint)?;
    home(data_dir, &id)
}

/// Makes `token` open store `id` from now on: a saved store whose token was replaced
/// keeps its history, and the command finds it with the new token. The token is taken
/// from any store it opened before.
pub fn adopt(
    data_dir: &Path,
    id: &str,
    api: &ApiProfile,
    token: &SecretString,
) -> Result<StoreHome, StoreError> {
    let mut open = OpenIndex::open(data_dir)?;
    let fingerprint = open.fingerprint(api, token);
    open.register(id, api, fingerprint)?;
    home(data_dir, id)
}

/// The store of a saved profile: the id it remembers (now opened by `token` too), or,
/// for a profile saved before stores had ids, the store `token` identifies.
pub fn open(
    data_dir: &Path,
    saved_id: Option<&str>,
    api: &ApiProfile,
    token: &SecretString,
) -> Result<StoreHome, StoreError> {
    match saved_id.filter(|id| super::is_store_id(id)) {
        Some(id) => adopt(data_dir, id, api, token),
        None => identify(data_dir, api, token),
    }
}

fn home(data_dir: &Path, id: &str) -> Result<StoreHome, StoreError> {
    StoreHome::of(data_dir, id).ok_or_else(|| StoreError::Damaged {
        path: stores_dir(data_dir).join("index.json"),
        message: format!("{id:?} is not a store id"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::Dialect;

    fn api(url: &str) -> ApiProfile {
        ApiProfile::new(url, "", Dialect::V2).unwrap()
    }

    #[test]
    fn two_tokens_on_one_address_are_two_stores_and_each_is_found_again() {
        let dir = tempfile::tempdir().unwrap();
        let shop = api("https://api.wedocod.com");
        let a = SecretString::from("token-of-store-a-0123456789");
        let b = SecretString::from("token-of-store-b-0123456789");
        let home_a = identify(dir.path(), &shop, &a).unwrap();
        let home_b = identify(dir.path(), &shop, &b).unwrap();
        assert_ne!(home_a, home_b);
        assert_eq!(identify(dir.path(), &shop, &a).unwrap(), home_a);
        assert_eq!(identify(dir.path(), &shop, &b).unwrap(), home_b);
        let index = std::fs::read_to_string(stores_dir(dir.path()).join("index.json")).unwrap();
        assert!(!index.contains("token-of-store"));
    }

    #[test]
    fn a_replaced_token_keeps_the_store() {
        let dir = tempfile::tempdir().unwrap();
        let shop = api("https://api.wedocod.com");
        let old = SecretString::from("old-token-0123456789");
        let new = SecretString::from("new-token-0123456789");
        let home = identify(dir.path(), &shop, &old).unwrap();
        assert_eq!(adopt(dir.path(), home.id(), &shop, &new).unwrap(), home);
        assert_eq!(identify(dir.path(), &shop, &new).unwrap(), home);
        // The same token at another address is another store.
        assert_ne!(
            identify(dir.path(), &api("https://shop.example.ma"), &new).unwrap(),
            home
        );
    }

    #[test]
    fn a_damaged_index_is_said_not_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let path = stores_dir(dir.path()).join("index.json");
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, "{\"salt\": \"ab\", \"sto").unwrap();
        let token = SecretString::from("token-0123456789");
        assert!(matches!(
            identify(dir.path(), &api("https://api.wedocod.com"), &token),
            Err(StoreError::Damaged { .. })
        ));
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "{\"salt\": \"ab\", \"sto"
        );
    }
}
