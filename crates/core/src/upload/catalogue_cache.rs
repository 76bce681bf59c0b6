//! The store's product catalogue, fetched once per session (every page) and kept on
//! disk, so SKUs are checked offline too: from the store when it answers, else from the
//! last copy, whose age the screen shows. Stock levels come with it when the token may
//! read them: the import warns of rows whose product is out of stock, the desk of leads
//! that would empty it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::api::seller::Stock;
use crate::api::{ApiError, Client};
use crate::copy::LocalCopy;
use crate::records::ProductNames;
use crate::seller::StockLevels;
use wedocod_import::Catalogue;

/// A cached copy younger than this still makes unknown SKUs errors; an older one only
/// warns, since the store may have added products since.
const TRUSTED_FOR: Duration = Duration::from_secs(24 * 3600);

/// The catalogue as saved on disk.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedCatalogue {
    pub base_url: String,
    pub fetched_at: DateTime<Utc>,
    pub skus: Vec<String>,
    /// Each product's name by its SKU, for the screens that show a lead's products (a
    /// call needs "Huile d'argan 100 ml", not `ARG-100`). Absent in copies saved before.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub names: BTreeMap<String, String>,
    /// Each product's stock per warehouse; empty when the token may not read stocks (or
    /// in copies saved before).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stocks: Vec<Stock>,
}

/// Where the catalogue came from this time.
#[derive(Debug, Clone, PartialEq)]
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

    /// The SKUs for the checker, with those out of stock.
    pub fn catalogue(&self) -> Catalogue {
        Catalogue::new(
            self.saved.skus.iter().cloned(),
            self.fresh || self.age() < TRUSTED_FOR,
        )
        .with_out_of_stock(
            StockLevels::of(&self.saved.stocks)
                .out_of_stock()
                .map(str::to_string),
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

/// What the screens showing a lead's products look up: their names, and their stock.
#[derive(Debug, Clone, Default)]
pub struct ProductLookups {
    pub names: ProductNames,
    pub stock: StockLevels,
}

/// The product names of the last catalogue saved in the store's cache folder `dir` (none
/// when it was never fetched), and the stock of the store's local `copy` (synced every few
/// minutes), else of that catalogue: read from disk, so the desk names products and warns
/// of stock offline.
pub async fn saved_lookups(dir: PathBuf, copy: LocalCopy) -> ProductLookups {
    let read = tokio::task::spawn_blocking(move || read_cache(&dir)).await;
    let saved = read.ok().flatten();
    let copied = copy
        .ask(|reader| reader.listing::<Stock>())
        .await
        .ok()
        .flatten()
        .flatten()
        .filter(|listing| !listing.refused);
    let stocks = match &copied {
        Some(listing) => &listing.items[..],
        None => saved.as_ref().map_or(&[][..], |saved| &saved.stocks[..]),
    };
    ProductLookups {
        stock: StockLevels::of(stocks),
        names: ProductNames::new(saved.map(|saved| saved.names).unwrap_or_default()),
    }
}

/// The stock rows, every page; a token that may not read them (403, or a server without
/// the route) has none, and a store that fails now keeps the last copy's.
async fn stocks_of(client: &Client, dir: &Path) -> Vec<Stock> {
    match client.every::<Stock>().await {
        Ok(stocks) => stocks,
        Err(error) if error.is_refusal() => Vec::new(),
        Err(error) => {
            tracing::warn!(%error, "stock levels not read; the last copy's kept");
            read_cache(dir)
                .map(|saved| saved.stocks)
                .unwrap_or_default()
        }
    }
}

/// Fetches the catalogue and saves it in the store's cache folder `dir`; when the store
/// cannot be reached, the last copy.
pub async fn load(client: Client, dir: PathBuf) -> Result<KnownCatalogue, ApiError> {
    let base_url = client.profile().base_url().to_string();
    match client.all_products().await {
        Ok(products) => {
            let stocks = stocks_of(&client, &dir).await;
            let saved = SavedCatalogue {
                stocks,
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
