//! The upload journal: one JSON line per event, appended and flushed to disk *before*
//! a request leaves and *after* its outcome is known. Replaying it after a crash gives
//! every row's state back; a request with no recorded outcome is known to be uncertain,
//! so its rows are looked up on the server before anything is sent again.

use std::fs::{self, File, OpenOptions};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::api::{Dialect, ResourceName};

use super::matching::MatchKey;

/// A server error placed on the file: the line, the column's header, the field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowError {
    pub line: u64,
    pub column: Option<String>,
    pub field: String,
    pub message: String,
}

/// One row of the upload as it was planned.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlannedRow {
    pub line: u64,
    /// The create item, exactly as it is sent.
    pub item: Value,
    pub key: MatchKey,
    /// Errors found offline: the row is skipped, not sent.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skipped: Vec<RowError>,
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
        base_url: String,
        per_request: usize,
        at: String,
        rows: Vec<PlannedRow>,
    },
    /// Written before the request leaves.
    Sending {
        request: u64,
        rows: Vec<usize>,
        at: String,
    },
    /// Rows known created, with their references when the server gave them.
    Created { rows: Vec<(usize, Option<String>)> },
    /// An async batch accepted the rows.
    Queued {
        request: u64,
        rows: Vec<usize>,
        batch_id: String,
    },
    /// Rows the server refused (422) or could not create; they wait for a fix.
    Refused { rows: Vec<(usize, Vec<RowError>)> },
    /// Rows whose outcome is unknown; `resend_if_missing` tells whether rows not found on
    /// the server may be sent again (a failure before processing) or are final (a
    /// business failure the server counted).
    Uncertain {
        rows: Vec<usize>,
        since: String,
        resend_if_missing: bool,
        reason: String,
    },
    /// Rows found not to exist after an uncertain outcome: sent again.
    Released { rows: Vec<usize> },
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
    #[error("no upload {0:?} in the journal folder")]
    Unknown(String),
}

/// An open journal file.
#[derive(Debug)]
pub struct Journal {
    path: PathBuf,
    file: File,
}

/// The folder of the journals.
pub fn journal_dir() -> PathBuf {
    crate::paths::data_dir().join("uploads")
}

impl Journal {
    /// Creates the journal of a new upload in `dir`.
    pub fn create(dir: &Path, upload_id: &str) -> Result<Journal, JournalError> {
        let path = dir.join(format!("{upload_id}.jsonl"));
        let write_error = |source| JournalError::Write {
            path: path.clone(),
            source,
        };
        fs::create_dir_all(dir).map_err(write_error)?;
        let file = OpenOptions::new()
            .create_new(true)
            .append(true)
            .open(&path)
            .map_err(write_error)?;
        Ok(Journal { path, file })
    }

    /// Opens an upload's journal to replay it and go on writing.
    pub fn open(dir: &Path, upload_id: &str) -> Result<(Journal, Vec<Event>), JournalError> {
        let events = Journal::read(dir, upload_id)?;
        let path = dir.join(format!("{upload_id}.jsonl"));
        let file = OpenOptions::new()
            .append(true)
            .open(&path)
            .map_err(|source| JournalError::Write {
                path: path.clone(),
                source,
            })?;
        Ok((Journal { path, file }, events))
    }

    /// An upload's events, read without opening the journal for writing (the Uploads
    /// screen lists journals it never writes to).
    pub fn read(dir: &Path, upload_id: &str) -> Result<Vec<Event>, JournalError> {
        let path = dir.join(format!("{upload_id}.jsonl"));
        if !path.exists() {
            return Err(JournalError::Unknown(upload_id.to_string()));
        }
        let read_error = |source| JournalError::Read {
            path: path.clone(),
            source,
        };
        let reader = BufReader::new(File::open(&path).map_err(read_error)?);
        let mut events = Vec::new();
        let mut lines = reader.lines().enumerate().peekable();
        while let Some((number, line)) = lines.next() {
            let line = line.map_err(read_error)?;
            match serde_json::from_str(&line) {
                Ok(event) => events.push(event),
                // A kill in the middle of a write leaves a torn last line: the event it
                // was recording never completed, which replay already treats as unknown.
                Err(_) if lines.peek().is_none() => break,
                Err(error) => {
                    return Err(JournalError::Damaged {
                        path,
                        line: number + 1,
                        message: error.to_string(),
                    });
                }
            }
        }
        Ok(events)
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
    use super::*;

    #[test]
    fn events_survive_a_torn_last_line() {
        let dir = tempfile::tempdir().unwrap();
        let mut journal = Journal::create(dir.path(), "up-1").unwrap();
        journal
            .record(&Event::Sending {
                request: 1,
                rows: vec![0, 1],
                at: "now".into(),
            })
            .unwrap();
        journal
            .record(&Event::Created {
                rows: vec![(0, Some("LD-1".into()))],
            })
            .unwrap();
        drop(journal);
        let path = dir.path().join("up-1.jsonl");
        let mut text = fs::read_to_string(&path).unwrap();
        text.push_str("{\"event\":\"sen");
        fs::write(&path, text).unwrap();
        let (_, events) = Journal::open(dir.path(), "up-1").unwrap();
        assert_eq!(events.len(), 2);
        assert!(matches!(
            Journal::open(dir.path(), "nope"),
            Err(JournalError::Unknown(_))
        ));
    }
}
