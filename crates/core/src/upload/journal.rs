//! The upload journal: one JSON line per event, appended and flushed to disk *before*
//! a request leaves and *after* its outcome is known. Replaying it after a crash gives
//! every row's state back; a request with no recorded outcome is known to be uncertain,
//! so its rows are looked up on the server before anything is sent again.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::api::{Dialect, ResourceName};
use crate::files::{self, LockError, LockFile};
use wedocod_import::Issue;

use super::matching::MatchKey;

/// One row of the upload as it was planned.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlannedRow {
    pub line: u64,
    /// The create item, exactly as it is sent.
    pub item: Value,
    pub key: MatchKey,
    /// Errors found offline: the row is skipped, not sent.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skipped: Vec<Issue>,
}

/// Everything that happens to an upload.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum Event {
    Started {
        upload_id: String,
        kind: ResourceName,
        dialect: Dialect,
        file: String,
        /// The workbook sheet the rows were read from (none for a CSV file): a resume reads
        /// the same sheet, never another one's rows as "fixes".
        #[serde(default, skip_serializing_if = "Option::is_none")]
        sheet: Option<String>,
        base_url: String,
        /// The store's id ([`crate::stores`]); empty in journals written before stores
        /// had one.
        #[serde(default)]
        store: String,
        per_request: usize,
        at: String,
        rows: Vec<PlannedRow>,
    },
    /// Written before the request leaves.
    Sending {
        request: u64,
        rows: Vec<usize>,
        at: String,
        /// The server's time at `at`, from its `Date` headers (none before any answer
        /// had one): what its records' `created_at` is compared with.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        server_at: Option<String>,
    },
    /// Rows known created, with their references when the server gave them.
    Created { rows: Vec<(usize, Option<String>)> },
    /// An async batch accepted the rows.
    Queued {
        request: u64,
        rows: Vec<usize>,
        batch_id: String,
        /// When the request left, on this computer's clock and on the server's: a batch
        /// that never ends is given up after a maximum age, its rows looked up.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        at: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        server_at: Option<String>,
    },
    /// Rows the server refused (422) or could not create; they wait for a fix.
    Refused { rows: Vec<(usize, Vec<Issue>)> },
    /// Rows whose outcome is uncertain; `resend_if_missing` tells whether rows not found on
    /// the server may be sent again (a failure before processing) or are final (a
    /// business failure the server counted).
    Uncertain {
        rows: Vec<usize>,
        since: String,
        resend_if_missing: bool,
        reason: String,
        /// Whether the request may sit in the server's queue (a lost answer to more rows
        /// than a sync create takes, a batch that cannot be followed): its rows get the
        /// long queue window to appear before anything is concluded.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        may_be_queued: bool,
        /// `since` on the server's clock, when known.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        server_since: Option<String>,
    },
    /// Uncertain rows the store could not prove created or absent within the windows:
    /// they stay *not confirmed* (counted as sent, never resent, never refused), and the
    /// reason is what the merchant is told. A resume looks them up again.
    Unresolved { rows: Vec<usize>, reason: String },
    /// Rows found not to exist after an uncertain outcome: sent again.
    Released { rows: Vec<usize> },
    /// Rows not sent yet that the merchant removed from the file before resuming.
    Dropped { rows: Vec<usize> },
    /// A refused or skipped row the merchant fixed in the file: sent again with these values.
    Revised {
        row: usize,
        item: Value,
        key: MatchKey,
    },
    /// The upload reached its end (some rows may still be refused).
    Finished { at: String },
}

/// Why the journal could not be used.
#[derive(Debug, thiserror::Error)]
pub enum JournalError {
    #[error("cannot write the upload journal {path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot read the upload journal {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the upload journal {path} is damaged at line {line}: {message}")]
    Damaged {
        path: PathBuf,
        line: usize,
        message: String,
    },
    #[error("no upload {0:?} in this store's journals")]
    Unknown(String),
    #[error("{0:?} is not an upload id (they look like up-20261122-032537-0eea)")]
    NotAnId(String),
    /// Two engines on one journal would both send its pending rows.
    #[error(
        "upload {0} is running in another window or command: let it finish there, or close it and try again"
    )]
    InUse(String),
    #[error("cannot lock the upload journal: {0}")]
    Lock(LockError),
}

/// Whether `id` is an upload id this console made: ids come from command lines and
/// are joined to paths, so `../` or a separator must never get through.
pub fn is_upload_id(id: &str) -> bool {
    files::is_console_id(id, "up-")
}

/// An open journal file, locked for this engine alone until it is dropped.
#[derive(Debug)]
pub struct Journal {
    path: PathBuf,
    file: File,
    _lock: LockFile,
}

/// What could be read of a journal: its events up to the first damaged line, and the
/// damage if there is one (a torn last line is not damage: see `split_events`).
#[derive(Debug)]
pub struct Partial {
    pub events: Vec<Event>,
    pub damage: Option<JournalError>,
}

fn journal_path(dir: &Path, upload_id: &str) -> Result<PathBuf, JournalError> {
    if !is_upload_id(upload_id) {
        return Err(JournalError::NotAnId(upload_id.to_string()));
    }
    Ok(dir.join(format!("{upload_id}.jsonl")))
}

/// Whether the journal folder `dir` holds upload `upload_id` (an id this console did not
/// make is in no folder).
pub fn exists(dir: &Path, upload_id: &str) -> bool {
    journal_path(dir, upload_id).is_ok_and(|path| path.is_file())
}

/// Takes the lock that says an engine uses the upload's journal.
fn lock(dir: &Path, upload_id: &str) -> Result<LockFile, JournalError> {
    LockFile::try_acquire(&dir.join(format!("{upload_id}.lock"))).map_err(|error| match error {
        LockError::Busy(_) => JournalError::InUse(upload_id.to_string()),
        other => JournalError::Lock(other),
    })
}

/// The journal's events, the length of the bytes that hold them whole, and the damage.
///
/// Every event is written as one line ending in a newline, so bytes after the last
/// newline are a write a crash cut short, and so is a last line that does not read
/// (a power cut can leave a zero-filled block): the event it was recording never
/// completed, which replay already treats as uncertain. They are a torn tail, whatever
/// they hold (half of a multi-byte character included). A line that does not read
/// *before* the last one is damage.
fn split_events(path: &Path, bytes: &[u8]) -> (Vec<Event>, usize, Option<JournalError>) {
    let whole = bytes
        .iter()
        .rposition(|&byte| byte == b'\n')
        .map_or(0, |last| last + 1);
    let lines: Vec<&[u8]> = bytes[..whole]
        .split_inclusive(|&byte| byte == b'\n')
        .collect();
    let mut events = Vec::with_capacity(lines.len());
    let mut kept = 0;
    for (number, line) in lines.iter().enumerate() {
        match serde_json::from_slice::<Event>(line) {
            Ok(event) => {
                events.push(event);
                kept += line.len();
            }
            Err(_) if number + 1 == lines.len() => break,
            Err(error) => {
                let damage = JournalError::Damaged {
                    path: path.to_path_buf(),
                    line: number + 1,
                    message: error.to_string(),
                };
                return (events, kept, Some(damage));
            }
        }
    }
    (events, kept, None)
}

impl Journal {
    /// Creates the journal of a new upload in `dir` (owner-only: it holds customers'
    /// names and phones), locked for the caller.
    pub fn create(dir: &Path, upload_id: &str) -> Result<Journal, JournalError> {
        let path = journal_path(dir, upload_id)?;
        let write_error = |source| JournalError::Write {
            path: path.clone(),
            source,
        };
        files::create_private_dir(dir).map_err(write_error)?;
        let lock = lock(dir, upload_id)?;
        let file = files::private_file_options()
            .create_new(true)
            .append(true)
            .open(&path)
            .map_err(write_error)?;
        files::sync_dir(dir).map_err(write_error)?;
        Ok(Journal {
            path,
            file,
            _lock: lock,
        })
    }

    /// Opens an upload's journal to replay it and go on writing: locked first (another
    /// window or command using it is refused), then cut back to its last whole event,
    /// so what is appended next starts on a line of its own.
    pub fn open(dir: &Path, upload_id: &str) -> Result<(Journal, Vec<Event>), JournalError> {
        let path = journal_path(dir, upload_id)?;
        if !path.exists() {
            return Err(JournalError::Unknown(upload_id.to_string()));
        }
        let lock = lock(dir, upload_id)?;
        let write_error = |source| JournalError::Write {
            path: path.clone(),
            source,
        };
        let bytes = std::fs::read(&path).map_err(|source| JournalError::Read {
            path: path.clone(),
            source,
        })?;
        let (events, kept, damage) = split_events(&path, &bytes);
        if let Some(damage) = damage {
            return Err(damage);
        }
        if kept < bytes.len() {
            // A handle of its own: Windows lets an append-only handle add bytes, not cut them.
            let cutting = OpenOptions::new()
                .write(true)
                .open(&path)
                .map_err(write_error)?;
            cutting.set_len(kept as u64).map_err(write_error)?;
            cutting.sync_all().map_err(write_error)?;
        }
        let file = OpenOptions::new()
            .append(true)
            .open(&path)
            .map_err(write_error)?;
        Ok((
            Journal {
                path,
                file,
                _lock: lock,
            },
            events,
        ))
    }

    /// An upload's events, read without opening the journal for writing (the Uploads
    /// screen lists journals it never writes to).
    pub fn read(dir: &Path, upload_id: &str) -> Result<Vec<Event>, JournalError> {
        let partial = Journal::read_partial(dir, upload_id)?;
        match partial.damage {
            Some(damage) => Err(damage),
            None => Ok(partial.events),
        }
    }

    /// As much of an upload's events as can be read, and the damage after them: a
    /// damaged journal still tells which rows it planned, which the "sent before"
    /// check must count.
    pub fn read_partial(dir: &Path, upload_id: &str) -> Result<Partial, JournalError> {
        let path = journal_path(dir, upload_id)?;
        let bytes = std::fs::read(&path).map_err(|source| match source.kind() {
            std::io::ErrorKind::NotFound => JournalError::Unknown(upload_id.to_string()),
            _ => JournalError::Read {
                path: path.clone(),
                source,
            },
        })?;
        let (events, _, damage) = split_events(&path, &bytes);
        Ok(Partial { events, damage })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Appends an event and waits until it is on disk.
    pub fn record(&mut self, event: &Event) -> Result<(), JournalError> {
        let write_error = |source| JournalError::Write {
            path: self.path.clone(),
            source,
        };
        let mut line =
            serde_json::to_vec(event).map_err(|e| write_error(std::io::Error::other(e)))?;
        line.push(b'\n');
        self.file.write_all(&line).map_err(write_error)?;
        self.file.sync_data().map_err(write_error)
    }
}

#[cfg(test)]
mod tests {
    use std::fs;

    use super::*;

    fn sending(request: u64) -> Event {
        Event::Sending {
            request,
            rows: vec![0, 1],
            at: "now".into(),
            server_at: None,
        }
    }

    /// A journal of two events followed by `tail`, as a crash may leave it.
    fn journal_with_tail(dir: &Path, tail: &[u8]) -> PathBuf {
        let mut journal = Journal::create(dir, "up-1").unwrap();
        journal.record(&sending(1)).unwrap();
        journal
            .record(&Event::Created {
                rows: vec![(0, Some("LD-1".into()))],
            })
            .unwrap();
        drop(journal);
        let path = dir.join("up-1.jsonl");
        let mut bytes = fs::read(&path).unwrap();
        bytes.extend_from_slice(tail);
        fs::write(&path, bytes).unwrap();
        path
    }

    #[test]
    fn a_torn_tail_is_cut_before_anything_is_appended() {
        let name = "{\"event\":\"revised\",\"row\":0,\"item\":{\"full_name\":\"محمد";
        let cut_inside_a_letter = &name.as_bytes()[..name.len() - 1];
        for tail in [
            &b"{\"event\":\"sen"[..],
            cut_inside_a_letter,
            &[0u8; 512][..],
        ] {
            let dir = tempfile::tempdir().unwrap();
            let path = journal_with_tail(dir.path(), tail);
            assert_eq!(Journal::read(dir.path(), "up-1").unwrap().len(), 2);
            let (mut journal, events) = Journal::open(dir.path(), "up-1").unwrap();
            assert_eq!(events.len(), 2);
            journal.record(&sending(2)).unwrap();
            drop(journal);
            let events = Journal::read(dir.path(), "up-1").unwrap();
            assert_eq!(
                events.len(),
                3,
                "{}",
                fs::read_to_string(&path).unwrap_or_default()
            );
            assert_eq!(events[2], sending(2));
        }
    }

    #[test]
    fn damage_before_the_last_line_is_reported_with_what_came_before() {
        let dir = tempfile::tempdir().unwrap();
        let path = journal_with_tail(dir.path(), b"garbage\n");
        let mut bytes = fs::read(&path).unwrap();
        bytes.extend_from_slice(&serde_json::to_vec(&sending(3)).unwrap());
        bytes.push(b'\n');
        fs::write(&path, bytes).unwrap();
        let partial = Journal::read_partial(dir.path(), "up-1").unwrap();
        assert_eq!(partial.events.len(), 2);
        assert!(matches!(
            partial.damage,
            Some(JournalError::Damaged { line: 3, .. })
        ));
        assert!(matches!(
            Journal::open(dir.path(), "up-1"),
            Err(JournalError::Damaged { line: 3, .. })
        ));
    }

    #[test]
    fn one_engine_per_journal() {
        let dir = tempfile::tempdir().unwrap();
        journal_with_tail(dir.path(), b"");
        let (first, _) = Journal::open(dir.path(), "up-1").unwrap();
        assert!(matches!(
            Journal::open(dir.path(), "up-1"),
            Err(JournalError::InUse(_))
        ));
        drop(first);
        assert!(Journal::open(dir.path(), "up-1").is_ok());
    }

    #[test]
    fn ids_that_are_not_upload_ids_never_reach_a_path() {
        let dir = tempfile::tempdir().unwrap();
        for id in ["../up-1", "up-1/../../x", "up-", "x", "up-a b", "up-1\\.."] {
            assert!(matches!(
                Journal::open(dir.path(), id),
                Err(JournalError::NotAnId(_))
            ));
            assert!(matches!(
                Journal::create(dir.path(), id),
                Err(JournalError::NotAnId(_))
            ));
        }
        assert!(matches!(
            Journal::open(dir.path(), "up-2"),
            Err(JournalError::Unknown(_))
        ));
    }

    #[cfg(unix)]
    #[test]
    fn journals_are_owner_only() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("uploads");
        let path = journal_with_tail(&folder, b"");
        let mode = |path: &Path| fs::metadata(path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&folder), 0o700);
        assert_eq!(mode(&path), 0o600);
    }
}
