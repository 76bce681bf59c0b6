//! Where a seller list comes from: the local copy when a sync has read it (instant,
//! offline), else the store, every page. A list the store cannot give now (offline, slow)
//! falls back to the copy's, however old, and says from when.

use crate::api::seller::Listed;
use crate::api::{ApiError, Client};
use crate::copy::LocalCopy;
use crate::records::Source;

/// A whole seller list and where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct SellerList<T> {
    pub items: Vec<T>,
    pub source: Source,
}

/// The list of `T`: from `copy` unless `from_store` (the merchant's Refresh, or right
/// after sending a sourcing request), else from the store.
pub async fn read_list<T: Listed>(
    client: &Client,
    copy: &LocalCopy,
    from_store: bool,
) -> Result<SellerList<T>, ApiError> {
    let copied = || async {
        match copy.ask(|reader| reader.listing::<T>()).await {
            Ok(found) => found.flatten().filter(|listing| !listing.refused),
            Err(error) => {
                tracing::warn!(%error, "the local copy could not answer; asking the store");
                None
            }
        }
    };
    if !from_store && let Some(listing) = copied().await {
        return Ok(SellerList {
            items: listing.items,
            source: Source::Copy {
                synced_at: listing.read_at,
            },
        });
    }
    match client.every::<T>().await {
        Ok(items) => Ok(SellerList {
            items,
            source: Source::Store,
        }),
        Err(error) if error.is_transient() => match copied().await {
            Some(listing) => Ok(SellerList {
                items: listing.items,
                source: Source::Copy {
                    synced_at: listing.read_at,
                },
            }),
            None => Err(error),
        },
        Err(error) => Err(error),
    }
}
