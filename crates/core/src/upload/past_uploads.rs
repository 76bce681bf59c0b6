//! Past uploads, read back from their journals: what the Uploads screen lists, and the
//! refused rows exported as a file ready to fix and import again.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::api::ResourceName;
use wedocod_import::Sheet;
use wedocod_import::ValidateSettings;
use wedocod_import::{ExportFormat, SafeCsvWriter, start_file};

use super::journal::{self, Event, Journal, JournalError, Partial, PlannedRow};
use super::matching::{MatchKey, key_of};
use super::state::{Counts, RowState, UploadState};

/// One upload as the Uploads screen shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct UploadSummary {
    pub upload_id: String,
    pub started_at: String,
    pub file: String,
    /// The workbook sheet the rows were read from (none for a CSV file).
    pub sheet: Option<String>,
    pub base_url: String,
    pub kind: ResourceName,
    /// `sync`, `async` or `sync + async`, from the answers the server gave.
    pub mode: &'static str,
    pub batches: Vec<String>,
    pub counts: Counts,
    pub finished: bool,
}

/// An upload's summary and full state.
#[derive(Debug, Clone)]
pub struct UploadRecord {
    pub summary: UploadSummary,
    pub state: UploadState,
}

fn summarise(events: &[Event]) -> Option<UploadRecord> {
    let Some(Event::Started {
        upload_id,
        kind,
        file,
        sheet,
        base_url,
        at,
        ..
    }) = events.first()
    else {
        return None;
    };
    let state = UploadState::replay(events)?;
    let batches: Vec<String> = events
        .iter()
        .filter_map(|event| match event {
            Event::Queued { batch_id, .. } => Some(batch_id.clone()),
            _ => None,
        })
        .collect();
    let synchronous = events
        .iter()
        .any(|event| matches!(event, Event::Created { .. }));
    let mode = match (synchronous, !batches.is_empty()) {
        (_, false) => "sync",
        (false, true) => "async",
        (true, true) => "sync + async",
    };
    Some(UploadRecord {
        summary: UploadSummary {
            upload_id: upload_id.clone(),
            started_at: at.clone(),
            file: file.clone(),
            sheet: sheet.clone(),
            base_url: base_url.clone(),
            kind: *kind,
            mode,
            batches,
            counts: state.counts(),
            finished: state.finished,
        },
        state,
    })
}

/// A journal that cannot be read whole: shown as damaged, never left out, since the
/// rows it holds may have been sent.
#[derive(Debug, Clone, PartialEq)]
pub struct DamagedJournal {
    pub upload_id: String,
    pub reason: String,
    /// The rows it planned, when its first event could be read.
    pub planned: Option<(ResourceName, Vec<PlannedRow>)>,
}

/// Every journal of one store.
#[derive(Debug, Clone, Default)]
pub struct Listing {
    /// Newest first.
    pub uploads: Vec<UploadRecord>,
    pub damaged: Vec<DamagedJournal>,
}

/// The upload ids of the journals in `dir`.
fn upload_ids(dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name();
            let id = name.to_str()?.strip_suffix(".jsonl")?;
            journal::is_upload_id(id).then(|| id.to_string())
        })
        .collect()
}

/// The workbook sheet upload `upload_id` read its rows from (none for a CSV file, or a
/// journal that cannot be read: resuming it then says what is wrong).
pub fn sheet_of(dir: &Path, upload_id: &str) -> Option<String> {
    match Journal::read(dir, upload_id).ok()?.into_iter().next()? {
        Event::Started { sheet, .. } => sheet,
        _ => None,
    }
}

/// Every upload in `dir`, one store's journal folder.
pub fn list(dir: &Path) -> Listing {
    let mut listing = Listing::default();
    for upload_id in upload_ids(dir) {
        let partial = match Journal::read_partial(dir, &upload_id) {
            // Gone between the folder listing and the read: nothing to show.
            Err(JournalError::Unknown(_)) => continue,
            Err(error) => Partial {
                events: Vec::new(),
                damage: Some(error),
            },
            Ok(partial) => partial,
        };
        match partial.damage {
            None => listing.uploads.extend(summarise(&partial.events)),
            Some(damage) => listing.damaged.push(DamagedJournal {
                upload_id,
                reason: damage.to_string(),
                planned: match partial.events.first() {
                    Some(Event::Started { kind, rows, .. }) => Some((*kind, rows.clone())),
                    _ => None,
                },
            }),
        }
    }
    listing
        .uploads
        .sort_by(|a, b| b.summary.started_at.cmp(&a.summary.started_at));
    listing
        .damaged
        .sort_by(|a, b| b.upload_id.cmp(&a.upload_id));
    listing
}

/// Whether an earlier upload still answers for a row: created, queued, in flight,
/// uncertain, or waiting to be sent by an upload that has not finished (resuming it
/// would send the row). Rows refused or skipped are free to be sent again.
fn holds(state: &RowState, finished: bool) -> bool {
    match state {
        RowState::Refused { .. } | RowState::Skipped { .. } => false,
        RowState::Pending => !finished,
        RowState::Sending { .. }
        | RowState::Queued { .. }
        | RowState::Created { .. }
        | RowState::Uncertain { .. } => true,
    }
}

/// The items earlier uploads of one kind answer for in a store.
#[derive(Debug, Default)]
pub struct Claims {
    /// Each item (as sent, serialised) with the newest upload that answers for it.
    pub items: HashMap<String, String>,
    /// Journals of which not even the planned rows can be read: any row may be in them.
    pub unreadable: Vec<DamagedJournal>,
    /// The customers and products (match keys) uploads of the last days answer for, with
    /// the newest such upload: the same order with an address or a city edited in the
    /// file is still sent before.
    pub keys: HashMap<MatchKey, String>,
}

/// How long an upload's rows count as sent before by their customer and products, not
/// only by their exact content: a re-sent file with edited addresses is caught, a repeat
/// order of the same customer next week is not refused.
const KEYS_HELD_FOR: chrono::Duration = chrono::Duration::days(7);

/// What earlier uploads of `kind` in the store whose journals are in `dir` created or
/// will send: what a new upload must not send again by mistake. A damaged journal's
/// planned rows all count, since how far it got cannot be known.
pub fn claims(dir: &Path, kind: ResourceName) -> Claims {
    let listing = list(dir);
    let mut claims = Claims::default();
    for record in &listing.uploads {
        if record.summary.kind != kind {
            continue;
        }
        let recent = chrono::DateTime::parse_from_rfc3339(&record.summary.started_at)
            .is_ok_and(|at| chrono::Utc::now() - at.with_timezone(&chrono::Utc) < KEYS_HELD_FOR);
        for (row, state) in record.state.rows.iter().zip(&record.state.states) {
            if holds(state, record.state.finished) {
                claims
                    .items
                    .entry(row.item.to_string())
                    .or_insert_with(|| record.summary.upload_id.clone());
                if recent && let Some(key) = key_of(kind, &row.item) {
                    claims
                        .keys
                        .entry(key)
                        .or_insert_with(|| record.summary.upload_id.clone());
                }
            }
        }
    }
    for damaged in listing.damaged {
        match &damaged.planned {
            Some((planned_kind, rows)) if *planned_kind == kind => {
                for row in rows.iter().filter(|row| row.skipped.is_empty()) {
                    claims
                        .items
                        .entry(row.item.to_string())
                        .or_insert_with(|| damaged.upload_id.clone());
                }
            }
            Some(_) => {}
            None => claims.unreadable.push(damaged),
        }
    }
    claims
}

/// Writes the refused (and skipped) rows of an upload, read again from its file, with
/// an `errors` column: the file to fix and import again. Returns how many rows it wrote.
/// Reads and checks the whole source file: call it off the UI thread.
pub fn export_refused<W: Write>(
    record: &UploadRecord,
    output: W,
    format: ExportFormat,
) -> Result<usize, String> {
    let source = PathBuf::from(&record.summary.file);
    let bytes = std::fs::read(&source).map_err(|error| format!("{}: {error}", source.display()))?;
    let sheet = Sheet::load(bytes, &ValidateSettings::new(record.summary.kind))
        .map_err(|error| error.to_string())?;
    let mut out = output;
    let written = (|| -> std::io::Result<usize> {
        start_file(&mut out, format)?;
        let mut writer = SafeCsvWriter::new(&mut out, format);
        writer.write_row(
            sheet
                .header
                .names
                .iter()
                .map(String::as_str)
                .chain(["errors"]),
        )?;
        let mut count = 0;
        for (row, state) in record.state.rows.iter().zip(&record.state.states) {
            let (RowState::Refused { errors } | RowState::Skipped { errors }) = state else {
                continue;
            };
            let Some(index) = sheet.row_at_line(row.line) else {
                continue;
            };
            let messages: Vec<String> = errors
                .iter()
                .map(|error| match &error.header {
                    Some(column) => format!("{column}: {}", error.message()),
                    None => error.message(),
                })
                .collect();
            let cells: Vec<&str> = (0..sheet.column_count())
                .map(|column| sheet.cell(index, column))
                .collect();
            let joined = messages.join(" | ");
            writer.write_row(cells.into_iter().chain([joined.as_str()]))?;
            count += 1;
        }
        writer.finish()?;
        out.flush()?;
        Ok(count)
    })();
    written.map_err(|error| error.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::upload::journal::PlannedRow;
    use crate::upload::matching::MatchKey;
    use wedocod_import::Issue;

    /// An upload of `file` whose only row (line 2) the server refused because of `column`.
    fn refused(file: &Path, column: &str, message: &str) -> UploadRecord {
        let error = Issue {
            column_index: Some(0),
            header: Some(column.to_string()),
            ..Issue::of_row(2, "full_name", message)
        };
        UploadRecord {
            summary: UploadSummary {
                upload_id: "u1".to_string(),
                started_at: String::new(),
                file: file.display().to_string(),
                sheet: None,
                base_url: String::new(),
                kind: ResourceName::Leads,
                mode: "sync",
                batches: Vec::new(),
                counts: Counts::default(),
                finished: true,
            },
            state: UploadState {
                upload_id: "u1".to_string(),
                rows: vec![PlannedRow {
                    line: 2,
                    item: serde_json::Value::Null,
                    key: MatchKey::new("0612345678", "x", &[]),
                    skipped: Vec::new(),
                }],
                states: vec![RowState::Refused {
                    errors: vec![error],
                }],
                requests_sent: 1,
                finished: true,
            },
        }
    }

    #[test]
    fn no_exported_cell_header_or_error_starts_a_formula() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("leads.csv");
        std::fs::write(
            &file,
            "-1+Nom,phone\n\"-1+cmd|' /C calc'!A0\",+212612345678\n",
        )
        .unwrap();
        let record = refused(&file, "-1+Nom", "is invalid");
        let mut bytes = Vec::new();
        let count = export_refused(&record, &mut bytes, ExportFormat::default()).unwrap();
        assert_eq!(count, 1);
        let text = String::from_utf8(bytes).unwrap();
        assert_eq!(
            text,
            "'-1+Nom,phone,errors\n'-1+cmd|' /C calc'!A0,+212612345678,'-1+Nom: is invalid\n"
        );
    }
}
