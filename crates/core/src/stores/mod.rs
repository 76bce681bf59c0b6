//! A store is an account, not an address. Every merchant uses `https://api.wedocod.com`,
//! and an agency runs several stores from one computer, so everything the console keeps
//! per store (upload journals, the "sent before" check, the catalogue cache) lives in a
//! folder named by a store identity that two accounts on one address never share.
//!
//! The API has no "who am I" route, so the identity is the console's own: a random id,
//! registered against a fingerprint of each token that opened the store (see
//! `fingerprint`). The window keeps the id in the store's profile, so replacing the
//! token keeps the history; the `upload` command with `--token-env` finds the same id
//! through the fingerprint. The token itself is never stored.

mod confirm;
mod fingerprint;
mod registry;

use std::path::{Path, PathBuf};

pub use confirm::{open, store_of_upload};
pub use registry::{Recognised, StoreError, adopt, all, canonical_address, create, recognise};

/// A store account the console is connected to: the client that reaches it and the folder
/// kept for it on this computer. What the window's session, the upload engine's callers
/// and the commands pass around; a saved profile (`config::StoreProfile`: how to reach
/// it, never the token) and the API address (`ApiProfile`) are views of it.
#[derive(Debug, Clone)]
pub struct OpenStore {
    pub client: crate::api::Client,
    pub home: StoreHome,
}

/// The folder of everything kept for one store account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoreHome {
    id: String,
    dir: PathBuf,
}

/// The folder, inside the data folder, that holds one folder per store.
pub fn stores_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("stores")
}

/// Whether `id` is one this console could have made: ids come back from the config
/// file, which a person can edit, and are joined to paths.
pub fn is_store_id(id: &str) -> bool {
    crate::files::is_console_id(id, "st-")
}

impl StoreHome {
    /// The home of store `id` under `data_dir` (`None` when `id` is not a store id).
    pub fn of(data_dir: &Path, id: &str) -> Option<StoreHome> {
        is_store_id(id).then(|| StoreHome {
            id: id.to_string(),
            dir: stores_dir(data_dir).join(id),
        })
    }

    /// A store kept in a folder of its own, outside the registry: the demo sandbox,
    /// which is new (and empty) every time it starts.
    pub fn detached(dir: PathBuf) -> StoreHome {
        StoreHome {
            id: "st-detached".to_string(),
            dir,
        }
    }

    pub fn id(&self) -> &str {
        &self.id
    }

    /// The store's upload journals.
    pub fn journals(&self) -> PathBuf {
        self.dir.join("uploads")
    }

    /// The folder of the store's cached catalogue.
    pub fn caches(&self) -> PathBuf {
        self.dir.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_console_made_ids_become_paths() {
        assert!(is_store_id("st-01jd5q3v6m8x"));
        for bad in ["", "st-", "../x", "st-../x", "st-a/b", "up-123", "st-a.b"] {
            assert!(!is_store_id(bad), "{bad}");
            assert!(StoreHome::of(Path::new("/d"), bad).is_none());
        }
    }
}
