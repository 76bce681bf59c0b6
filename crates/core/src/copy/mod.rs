//! The store's local copy: every lead and order, their product lines and status histories
//! and the catalogue, in one SQLite file in the store's folder. It answers what the API
//! cannot (a customer's past orders and returns, likely duplicates, returns by city and
//! product, how fast leads are called) instantly and offline. It is a cache: the sync
//! only reads the store, the merchant's changes go through the API and reach the copy
//! once the store has them, and deleting the file loses nothing.
//!
//! One process syncs a store at a time (a lock file beside the copy); every window and
//! command reads it (SQLite's WAL lets readers read while the sync writes).

mod fold;
mod open;
mod read;
mod schema;
mod state;
mod stored;
mod sync;
mod trends;
mod walk;
mod write;

use std::path::{Path, PathBuf};

pub use fold::{fold_text, looks_like_phone, phone_key};
pub use open::SetAside;
pub use read::{
    CopiedListing, CopyPage, CopyQuery, CopyReader, Customer, CustomerRecord, Earlier, KindCounts,
    SortColumn,
};
pub use sync::{SyncError, SyncOptions, SyncProgress, SyncReport, SyncStep, sync};
pub use trends::{LeadDay, OrderDay, Returns, Trends, WeekRevenue};

use crate::stores::StoreHome;

/// Where one store's copy lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalCopy {
    file: PathBuf,
}

impl LocalCopy {
    /// The copy of the store kept in `home`.
    pub fn of(home: &StoreHome) -> LocalCopy {
        LocalCopy::at(home.caches().join("copy.sqlite"))
    }

    /// A copy in a file of its own choosing (tests, benchmarks).
    pub fn at(file: PathBuf) -> LocalCopy {
        LocalCopy { file }
    }

    pub fn file(&self) -> &Path {
        &self.file
    }

    /// The lock the syncing process holds.
    fn sync_lock(&self) -> PathBuf {
        self.file.with_extension("sync.lock")
    }

    /// Opens the copy for reading: `None` until a first sync has made it.
    pub fn reader(&self) -> Result<Option<CopyReader>, CopyError> {
        Ok(open::open_for_reading(&self.file)?.map(CopyReader::new))
    }

    /// Asks the copy `question` on a blocking thread (never the caller's: a window's
    /// thread must not wait on a disk): `None` until a first sync has made the copy.
    pub async fn ask<T: Send + 'static>(
        &self,
        question: impl FnOnce(&CopyReader) -> Result<T, CopyError> + Send + 'static,
    ) -> Result<Option<T>, CopyError> {
        let copy = self.clone();
        tokio::task::spawn_blocking(move || match copy.reader()? {
            Some(reader) => question(&reader).map(Some),
            None => Ok(None),
        })
        .await
        .map_err(|_| CopyError::WriterLost)?
    }

    /// Deletes the copy and its companions (when its store is deleted).
    pub fn remove(&self) -> std::io::Result<()> {
        let file = std::iter::once(self.file.clone());
        for path in file.chain(companions(&self.file)) {
            match std::fs::remove_file(path) {
                Err(error) if error.kind() != std::io::ErrorKind::NotFound => return Err(error),
                _ => {}
            }
        }
        let _ = std::fs::remove_file(self.sync_lock());
        Ok(())
    }
}

/// SQLite's files beside a WAL database: its write-ahead log and shared-memory index.
fn companions(file: &Path) -> impl Iterator<Item = PathBuf> + '_ {
    ["-wal", "-shm"].into_iter().map(move |suffix| {
        let mut path = file.as_os_str().to_owned();
        path.push(suffix);
        PathBuf::from(path)
    })
}

/// What went wrong with the copy's file.
#[derive(Debug, thiserror::Error)]
pub enum CopyError {
    #[error("the local copy cannot be read or written: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("the local copy's schema cannot be brought up to date: {0}")]
    Schema(#[from] rusqlite_migration::Error),
    #[error("the local copy's reader or writer stopped unexpectedly")]
    WriterLost,
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl CopyError {
    /// Wraps an I/O error about `path` (for `map_err`).
    fn io(path: &Path) -> impl FnOnce(std::io::Error) -> CopyError + '_ {
        move |source| CopyError::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}
