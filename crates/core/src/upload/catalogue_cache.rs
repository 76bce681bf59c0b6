//! The store's product catalogue, fetched once per session (every page) and kept on
//! disk, so SKUs are checked offline too: from the store when it answers, else from the
//! last copy, whose age the screen shows.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::api::{ApiError, Client};
use crate::records::ProductNames;
use wedocod_import::Catalogue;

/// A cached copy younger than this still makes unknown SKUs errors; an older one only
/// warns, since the store may have added products since.
const TRUSTED_FOR: Duration = Duration::from_secs(24 * 3600);

/// The catalogue as saved on disk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedCatalogue {
    pub base_url: String,
    pub fetched_at: DateTime<Utc>,
    pub skus: Vec<String>,
    /// Each product's name by its SKU, for the screens that show a lead's products (a
    /// call needs "Huile d'argan 100 ml", not `ARG-100`). Absent in copies saved before.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub names: BTreeMap<String, String>,
}

/// Where the catalogue came from this time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownCatalogue {
    pub saved: SavedCatalogue,
    /// Fetched just now (false: the store did not answer; this is the last copy).
    pub fresh: bool,
}

impl KnownCatalogue {
    pub fn age(&self) -> Duration {
        (Utc::now() - self.saved.fetched_at)
            .to_std()
            .unwrap_or_default()
    }

    /// The SKUs for the checker.
    pub fn catalogue(&self) -> Catalogue {
        Catalogue::new(
            self.saved.skus.iter().cloned(),
            self.fresh || self.age() < TRUSTED_FOR,
        )
    }
}

/// The cache file in a store's cache folder ([`crate::stores::StoreHome::caches`]): one
/// per store account, since two stores on one address sell different products.
fn cache_file(dir: &Path) -> PathBuf {
    dir.join("catalogue.json")
}

fn read_cache(dir: &Path) -> Option<SavedCatalogue> {
    let text = std::fs::read_to_string(cache_file(dir)).ok()?;
    serde_json::from_str(&text).ok()
}

/// The product names of the last copy saved in the store's cache folder `dir` (none when
/// the catalogue was never fetched): read from disk, so the desk names products offline.
pub async fn saved_names(dir: PathBuf) -> ProductNames {
    let read = tokio::task::spawn_blocking(move || read_cache(&dir)).await;
    ProductNames::new(
        read.ok()
            .flatten()
            .map(|saved| saved.names)
            .unwrap_or_default(),
    )
}

/// Fetches the catalogue and saves it in the store's cache folder `dir`; when the store
/// cannot be reached, the last copy.
pub async fn load(client: Client, dir: PathBuf) -> Result<KnownCatalogue, ApiError> {
    let base_url = client.profile().base_url().to_string();
    match client.all_products().await {
        Ok(products) => {
            let saved = SavedCatalogue {
                base_url: base_url.clone(),
                fetched_at: Utc::now(),
                names: products
                    .iter()
                    .filter_map(|product| Some((product.sku.clone()?, product.name.clone()?)))
                    .filter(|(_, name)| !name.trim().is_empty())
                    .collect(),
                skus: products
                    .into_iter()
                    .filter_map(|product| product.sku)
                    .collect(),
            };
            if let Ok(text) = serde_json::to_string(&saved)
                && let Err(error) =
                    crate::files::write_atomically(&cache_file(&dir), text.as_bytes())
            {
                tracing::warn!(%error, "could not cache the catalogue");
            }
            Ok(KnownCatalogue { saved, fresh: true })
        }
        Err(error) => match read_cache(&dir) {
            Some(saved) if error.is_transient() => Ok(KnownCatalogue {
                saved,
                fresh: false,
            }),
            _ => Err(error),
        },
    }
}
