//! The store index, `stores/index.json` in the data folder: each store's id, its API
//! address and the fingerprints of the tokens that opened it. Read and rewritten under
//! a lock, atomically, so two windows and a command registering stores at once never
//! lose one another's entries.

use std::io;
use std::path::{Path, PathBuf};

use secrecy::SecretString;
use serde::{Deserialize, Serialize};

use url::{Host, Url};

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
    /// A new token at an address whose stores have uploads the token cannot be checked
    /// against: starting a fresh history could send their rows again.
    #[error(
        "this token is new for {address}, where this computer already has a store with uploads ({}) whose records it cannot see to confirm the account: open that store in the window and replace its token there, or give the token access to view leads and orders",
        stores.join(", ")
    )]
    Unconfirmed {
        address: String,
        stores: Vec<String>,
    },
    /// `--resume ID` of an upload kept for another store that this token cannot be shown
    /// to open.
    #[error(
        "upload {upload_id} belongs to store {store}, and this token cannot see the records that store created: it may be another account, so the upload is not resumed with it"
    )]
    UploadElsewhere { upload_id: String, store: String },
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

/// The address of an account, one spelling for all the ways to reach it: the scheme,
/// the host (`localhost`, `127.0.0.1` and `[::1]` are one loopback), the port (the
/// scheme's default when none is written), and no path: `/api/web/1.0` and trailing
/// slashes reach the same account.
pub fn canonical_address(url: &Url) -> String {
    let host = match url.host() {
        Some(Host::Domain(name)) if name.eq_ignore_ascii_case("localhost") => "loopback".into(),
        Some(Host::Ipv4(ip)) if ip.is_loopback() => "loopback".into(),
        Some(Host::Ipv6(ip)) if ip.is_loopback() => "loopback".into(),
        Some(host) => host.to_string().to_ascii_lowercase(),
        None => String::new(),
    };
    let port = url
        .port_or_known_default()
        .map_or_else(String::new, |port| format!(":{port}"));
    format!("{}://{host}{port}", url.scheme())
}

/// The address a store is reached at, canonical (see [`canonical_address`]).
fn address(api: &ApiProfile) -> String {
    canonical_address(api.base_url())
}

/// The address as fingerprints were salted before addresses were canonical (base URL
/// and prefix as the client joins them): stores registered then are still found.
fn legacy_address(api: &ApiProfile) -> String {
    api.url(&[]).as_str().trim_end_matches('/').to_string()
}

/// The canonical form of an address the index holds (written in either spelling).
fn canonical_of(written: &str) -> String {
    Url::parse(written).map_or_else(|_| written.to_string(), |url| canonical_address(&url))
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

    /// The store `token` was registered with at `api`'s address (in either spelling of
    /// the address), if any.
    fn known(&self, api: &ApiProfile, token: &SecretString) -> Option<String> {
        let canonical = self.fingerprint(api, token);
        let legacy = fingerprint::of(self.index.salt.as_bytes(), &legacy_address(api), token);
        self.index
            .stores
            .iter()
            .find(|entry| {
                entry
                    .fingerprints
                    .iter()
                    .any(|known| *known == canonical || *known == legacy)
            })
            .map(|entry| entry.id.clone())
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

/// What the index knows of a token at an address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Recognised {
    /// The token opened this store before.
    Known(StoreHome),
    /// A token never seen: these stores were opened at the same address by other
    /// tokens (a rotated token of one of them, or another account).
    New { same_address: Vec<StoreHome> },
}

/// Whether `token` at `api` opened a store before, without registering anything.
pub fn recognise(
    data_dir: &Path,
    api: &ApiProfile,
    token: &SecretString,
) -> Result<Recognised, StoreError> {
    let mut open = OpenIndex::open(data_dir)?;
    if let Some(id) = open.known(api, token) {
        // Registered under the legacy spelling: register the canonical one too.
        let fingerprint = open.fingerprint(api, token);
        open.register(&id, api, fingerprint)?;
        return home(data_dir, &id).map(Recognised::Known);
    }
    let here = address(api);
    let same_address = open
        .index
        .stores
        .iter()
        .filter(|entry| canonical_of(&entry.address) == here)
        .filter_map(|entry| StoreHome::of(data_dir, &entry.id))
        .collect();
    Ok(Recognised::New { same_address })
}

/// Registers `token` at `api` as a new store.
pub fn create(
    data_dir: &Path,
    api: &ApiProfile,
    token: &SecretString,
) -> Result<StoreHome, StoreError> {
    let mut open = OpenIndex::open(data_dir)?;
    let fingerprint = open.fingerprint(api, token);
    let id = open.known(api, token).unwrap_or_else(new_store_id);
    open.register(&id, api, fingerprint)?;
    home(data_dir, &id)
}

/// Every store of the computer (what `--resume ID` looks through when the upload is
/// not in the store the token opens).
pub fn all(data_dir: &Path) -> Result<Vec<StoreHome>, StoreError> {
    let open = OpenIndex::open(data_dir)?;
    Ok(open
        .index
        .stores
        .iter()
        .filter_map(|entry| StoreHome::of(data_dir, &entry.id))
        .collect())
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
        let home_a = create(dir.path(), &shop, &a).unwrap();
        let home_b = create(dir.path(), &shop, &b).unwrap();
        assert_ne!(home_a, home_b);
        assert_eq!(create(dir.path(), &shop, &a).unwrap(), home_a);
        assert_eq!(create(dir.path(), &shop, &b).unwrap(), home_b);
        let index = std::fs::read_to_string(stores_dir(dir.path()).join("index.json")).unwrap();
        assert!(!index.contains("token-of-store"));
    }

    #[test]
    fn a_replaced_token_keeps_the_store() {
        let dir = tempfile::tempdir().unwrap();
        let shop = api("https://api.wedocod.com");
        let old = SecretString::from("old-token-0123456789");
        let new = SecretString::from("new-token-0123456789");
        let home = create(dir.path(), &shop, &old).unwrap();
        assert_eq!(adopt(dir.path(), home.id(), &shop, &new).unwrap(), home);
        assert_eq!(create(dir.path(), &shop, &new).unwrap(), home);
        // The same token at another address is another store.
        assert_ne!(
            create(dir.path(), &api("https://shop.example.ma"), &new).unwrap(),
            home
        );
    }

    #[test]
    fn one_account_is_one_address_however_it_is_written() {
        let canonical = |text: &str| canonical_address(&Url::parse(text).unwrap());
        let loopback = canonical("http://127.0.0.1:8080");
        for same in [
            "http://localhost:8080/",
            "http://LOCALHOST:8080/api/web/1.0",
            "http://[::1]:8080",
            "http://127.0.0.1:8080/api/web/1.0/",
        ] {
            assert_eq!(canonical(same), loopback, "{same}");
        }
        assert_eq!(
            canonical("https://API.wedocod.com:443/"),
            canonical("https://api.wedocod.com")
        );
        assert_ne!(canonical("http://127.0.0.1:8081"), loopback);
        assert_ne!(
            canonical("https://shop.example.ma"),
            canonical("https://api.wedocod.com")
        );
        let dir = tempfile::tempdir().unwrap();
        let token = SecretString::from("token-0123456789");
        let home = create(dir.path(), &api("http://127.0.0.1:8080"), &token).unwrap();
        let v1 = ApiProfile::new("http://localhost:8080/", "/api/web/1.0", Dialect::V1).unwrap();
        assert_eq!(
            recognise(dir.path(), &v1, &token).unwrap(),
            Recognised::Known(home.clone())
        );
        // Another token at that address: a new token, the store a candidate for it.
        let other = SecretString::from("token-rotated-0123456789");
        assert_eq!(
            recognise(dir.path(), &v1, &other).unwrap(),
            Recognised::New {
                same_address: vec![home]
            }
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
            create(dir.path(), &api("https://api.wedocod.com"), &token),
            Err(StoreError::Damaged { .. })
        ));
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "{\"salt\": \"ab\", \"sto"
        );
    }
}
