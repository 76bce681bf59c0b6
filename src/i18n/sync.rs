//! The local copy's sentences shared by the `sync` and `customer` commands and the window:
//! a sync's failure, a summary of a resource's records by status.

use wedocod_api::ResourceName;
use wedocod_core::copy::{KindCounts, SyncError};

use super::api_error::describe;
use super::kind_words;

/// Why a sync stopped, in the merchant's words.
pub fn failure(error: &SyncError) -> String {
    match error {
        SyncError::Busy => tr!("sync-busy"),
        SyncError::Cancelled => tr!("sync-cancelled"),
        SyncError::Api(error) => describe(error, None),
        SyncError::Copy(error) => tr!("sync-copy-failed", reason = error.to_string()),
        SyncError::Lock(error) => tr!("sync-copy-failed", reason = error.to_string()),
    }
}

/// `Leads: 320 (new 40, confirmed 120, …)`.
pub fn counts(kind: ResourceName, counts: &KindCounts) -> String {
    let statuses: Vec<String> = counts
        .by_status
        .iter()
        .map(|(status, count)| format!("{status} {count}"))
        .collect();
    tr!(
        "sync-counts",
        kind = kind_words(kind),
        total = counts.total,
        statuses = statuses.join(", ")
    )
}
