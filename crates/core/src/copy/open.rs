//! Opening the copy's file. The sync opens it for writing: it creates the file owner-only,
//! brings its schema forward, and sets aside (renames, never repairs) a file it cannot
//! trust: one SQLite cannot open, one that fails `quick_check` (a truncated copy), or one
//! written by a newer console. The copy is a cache, so setting it aside loses nothing;
//! the merchant is told, and the next sync rebuilds it. Screens and commands open it for
//! reading only, and treat a missing or unready copy as "not synced yet".

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use super::CopyError;
use super::schema::{MIGRATIONS, NEWEST_VERSION};
use crate::files::{create_private_dir, private_file_options};

/// How long a reader or the writer waits for the other's transaction: the sync writes a
/// page at a time, in milliseconds.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// A copy that could not be trusted and was renamed so a new one could be built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetAside {
    /// Where the old file now is.
    pub moved_to: PathBuf,
    /// Why, in a sentence for the log (no customer data).
    pub reason: String,
}

/// Opens (and if needed creates or rebuilds) the copy at `path` for the sync.
pub fn open_for_writing(path: &Path) -> Result<(Connection, Option<SetAside>), CopyError> {
    if let Some(folder) = path.parent() {
        create_private_dir(folder).map_err(CopyError::io(folder))?;
    }
    let set_aside = match distrust(path) {
        Some(reason) => Some(set_aside(path, reason)?),
        None => None,
    };
    create_owner_only(path)?;
    let mut connection = Connection::open(path)?;
    configure(&connection)?;
    connection.pragma_update(None, "journal_mode", "WAL")?;
    connection.pragma_update(None, "synchronous", "NORMAL")?;
    MIGRATIONS.to_latest(&mut connection)?;
    Ok((connection, set_aside))
}

/// Opens the copy at `path` for reading: `None` when none exists yet, or when it was made
/// by another schema version (the next sync brings it forward or sets it aside).
pub fn open_for_reading(path: &Path) -> Result<Option<Connection>, CopyError> {
    if !path.exists() {
        return Ok(None);
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let connection = Connection::open_with_flags(path, flags)?;
    configure(&connection)?;
    connection.pragma_update(None, "query_only", true)?;
    let version: usize = connection.pragma_query_value(None, "user_version", |row| row.get(0))?;
    Ok((version == NEWEST_VERSION).then_some(connection))
}

fn configure(connection: &Connection) -> Result<(), CopyError> {
    connection.busy_timeout(BUSY_TIMEOUT)?;
    connection.pragma_update(None, "foreign_keys", true)?;
    // A store of 100,000 records keeps its narrow rows and indexes in memory: searches and
    // counts walk them without going back to the disk. Memory grows only as pages are read.
    connection.pragma_update(None, "cache_size", -CACHE_KIB)?;
    Ok(())
}

/// SQLite's page cache per connection, in KiB.
const CACHE_KIB: i64 = 32 * 1024;

/// Why the file at `path` cannot be used as it is, if it cannot.
fn distrust(path: &Path) -> Option<String> {
    if !path.exists() {
        return None;
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let connection = match Connection::open_with_flags(path, flags) {
        Ok(connection) => connection,
        Err(error) => return Some(format!("SQLite cannot open it ({error})")),
    };
    let _ = connection.busy_timeout(BUSY_TIMEOUT);
    let check: Result<String, _> =
        connection.pragma_query_value(None, "quick_check", |row| row.get(0));
    match check {
        Ok(answer) if answer == "ok" => {}
        Ok(answer) => return Some(format!("its integrity check failed ({answer})")),
        Err(error) => return Some(format!("its integrity check could not run ({error})")),
    }
    match connection.pragma_query_value(None, "user_version", |row| row.get::<_, usize>(0)) {
        Ok(version) if version > NEWEST_VERSION => Some(format!(
            "it was made by a newer console (schema {version}, this one knows {NEWEST_VERSION})"
        )),
        Ok(_) => None,
        Err(error) => Some(format!("its schema version cannot be read ({error})")),
    }
}

/// Renames the copy (and its WAL and shared-memory files) out of the way.
fn set_aside(path: &Path, reason: String) -> Result<SetAside, CopyError> {
    let stamp = chrono::Utc::now().format("%Y%m%d-%H%M%S");
    let moved_to = path.with_extension(format!("set-aside-{stamp}.sqlite"));
    std::fs::rename(path, &moved_to).map_err(CopyError::io(path))?;
    for companion in super::companions(path) {
        let _ = std::fs::remove_file(companion);
    }
    tracing::warn!(moved_to = %moved_to.display(), %reason, "local copy set aside, rebuilding");
    Ok(SetAside { moved_to, reason })
}

/// Creates the file owner-only before SQLite opens it: SQLite gives its WAL and
/// shared-memory files the database file's permissions.
fn create_owner_only(path: &Path) -> Result<(), CopyError> {
    private_file_options()
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
        .map(drop)
        .map_err(CopyError::io(path))
}
