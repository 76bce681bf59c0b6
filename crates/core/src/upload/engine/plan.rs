//! Starting an upload (planning its rows, refusing rows an earlier upload answers
//! for, writing the journal's first line) and resuming one from its journal.

use std::path::Path;

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::api::{Client, Dialect, Resource, ResourceName};
use crate::files::{self, LockFile};
use crate::upload::journal::{Event, Journal, JournalError, PlannedRow};
use crate::upload::matching::{Stored, Submitted};
use crate::upload::past_uploads;
use crate::upload::report::SENT_BEFORE;
use crate::upload::state::UploadState;
use wedocod_import::Candidate;
use wedocod_import::Issue;
use wedocod_import::Mapping;

use super::answers::SentAt;
use super::file_match::match_file;
use super::run::SYNC_ITEMS;
use super::{Engine, Repeats, UploadError, UploadSettings, now, stamp};

/// A new upload's id: sortable by time, unique enough for one computer.
fn new_upload_id() -> String {
    use rand::Rng;
    format!(
        "up-{}-{:04x}",
        now().format("%Y%m%d-%H%M%S"),
        rand::rng().random::<u16>()
    )
}

/// The lock a new upload holds while it checks earlier uploads and records its own.
const START_LOCK: &str = "start.lock";

/// For each of `candidates` (with its `items` as sent), the earlier upload that already
/// sent the same item to this store or will, if one did: running `upload` again, two
/// windows starting one file, or reopening a file already sent, would otherwise
/// duplicate those rows.
fn earlier_uploads<T: Submitted>(
    kind: ResourceName,
    candidates: &[Candidate<T>],
    items: &[Value],
    journal_dir: &Path,
) -> Result<Vec<Option<String>>, UploadError> {
    let claims = past_uploads::claims(journal_dir, kind);
    if let Some(unreadable) = claims.unreadable.into_iter().next() {
        return Err(UploadError::UnreadableJournal {
            upload_id: unreadable.upload_id,
            reason: unreadable.reason,
        });
    }
    Ok(candidates
        .iter()
        .zip(items)
        .map(|(candidate, item)| {
            if !candidate.errors.is_empty() {
                return None;
            }
            claims
                .items
                .get(&item.to_string())
                .or_else(|| claims.keys.get(&candidate.built.item.match_key()))
                .cloned()
        })
        .collect())
}

/// Why the journal `started` cannot be resumed by an engine of `kind` and `dialect` for
/// `store`, if it cannot.
fn mismatch(
    started: &Event,
    settings: &UploadSettings,
    kind: ResourceName,
    dialect: Dialect,
) -> Option<String> {
    let store = &settings.store;
    let Event::Started {
        store: journal_store,
        kind: journal_kind,
        dialect: journal_dialect,
        sheet: journal_sheet,
        ..
    } = started
    else {
        return Some("does not start like an upload".to_string());
    };
    if journal_store.is_empty() {
        Some("was written before stores had an identity, so its store is unknown".to_string())
    } else if journal_store != store.id() {
        Some("belongs to another store".to_string())
    } else if *journal_kind != kind {
        Some(format!(
            "sent {}, not {}",
            journal_kind.plural(),
            kind.plural()
        ))
    } else if *journal_dialect != dialect {
        Some(format!(
            "was sent with API generation {journal_dialect}, not {dialect}"
        ))
    } else if journal_sheet.is_some() && *journal_sheet != settings.sheet {
        // Journals written before sheets were recorded say nothing: they are not refused.
        let name = |sheet: &Option<String>| {
            sheet
                .as_ref()
                .map_or("no sheet (a CSV file)".to_string(), |name| {
                    format!("the sheet \"{name}\"")
                })
        };
        Some(format!(
            "read {}, not {}",
            name(journal_sheet),
            name(&settings.sheet)
        ))
    } else {
        None
    }
}

impl<R> Engine<R>
where
    R: Resource,
    R::NewItem: Submitted + DeserializeOwned,
    R::Record: Stored,
{
    /// Plans a new upload of `candidates` (records of `file`) and writes its journal.
    pub fn start(
        client: Client,
        file: &str,
        candidates: Vec<Candidate<R::NewItem>>,
        mapping: Mapping,
        settings: UploadSettings,
    ) -> Result<Engine<R>, UploadError> {
        if candidates.is_empty() {
            return Err(UploadError::NothingToSend);
        }
        let invalid: Vec<u64> = candidates
            .iter()
            .filter(|c| !c.errors.is_empty())
            .map(|c| c.line)
            .collect();
        if !invalid.is_empty() && !settings.skip_invalid {
            return Err(UploadError::InvalidRows {
                count: invalid.len(),
                first_line: invalid[0],
            });
        }
        let items: Vec<Value> = candidates
            .iter()
            .map(|candidate| serde_json::to_value(&candidate.built.item).unwrap_or(Value::Null))
            .collect();
        let journal_dir = settings.store.journals();
        // One start at a time per store: the check below and the journal that records
        // these rows as claimed happen together, so a second window or command starting
        // the same file at the same moment sees them.
        files::create_private_dir(&journal_dir).map_err(|source| JournalError::Write {
            path: journal_dir.clone(),
            source,
        })?;
        let _starting =
            LockFile::acquire(&journal_dir.join(START_LOCK)).map_err(JournalError::Lock)?;
        let earlier = match settings.repeats {
            Repeats::Send => vec![None; candidates.len()],
            Repeats::Refuse | Repeats::Skip => {
                earlier_uploads(R::NAME, &candidates, &items, &journal_dir)?
            }
        };
        let repeated: Vec<(u64, &String)> = candidates
            .iter()
            .zip(&earlier)
            .filter_map(|(candidate, upload)| Some((candidate.line, upload.as_ref()?)))
            .collect();
        if let (Repeats::Refuse, Some(&(first_line, upload_id))) =
            (settings.repeats, repeated.first())
        {
            return Err(UploadError::AlreadyCreated {
                count: repeated.len(),
                first_line,
                upload_id: upload_id.clone(),
            });
        }
        let upload_id = new_upload_id();
        let rows: Vec<PlannedRow> = candidates
            .iter()
            .zip(items)
            .zip(&earlier)
            .map(|((candidate, item), earlier)| PlannedRow {
                line: candidate.line,
                item,
                key: candidate.built.item.match_key(),
                skipped: match earlier {
                    Some(upload) => vec![Issue::of_row(
                        candidate.line,
                        SENT_BEFORE,
                        format!("already sent to this store by upload {upload}"),
                    )],
                    None => candidate
                        .errors
                        .iter()
                        .map(|issue| issue.clone().with_header(&mapping))
                        .collect(),
                },
            })
            .collect();
        let started = Event::Started {
            upload_id: upload_id.clone(),
            kind: R::NAME,
            dialect: client.profile().dialect(),
            file: file.to_string(),
            sheet: settings.sheet.clone(),
            base_url: client.profile().base_url().to_string(),
            store: settings.store.id().to_string(),
            per_request: settings.per_request,
            at: stamp(now()),
            rows,
        };
        let mut journal = Journal::create(&journal_dir, &upload_id)?;
        journal.record(&started)?;
        let state =
            UploadState::replay(std::slice::from_ref(&started)).ok_or(UploadError::NotAnUpload)?;
        let origins = candidates
            .into_iter()
            .map(|c| Some(c.built.origin))
            .collect();
        Ok(Engine::with(
            client,
            journal,
            state,
            origins,
            Some(mapping),
            settings,
        ))
    }

    /// Reopens an upload from its journal. With the file's candidates at hand, server
    /// errors land on columns again; without them, on lines.
    pub fn resume(
        client: Client,
        upload_id: &str,
        file: Option<(Vec<Candidate<R::NewItem>>, Mapping)>,
        settings: UploadSettings,
    ) -> Result<Engine<R>, UploadError> {
        let (journal, events) = Journal::open(&settings.store.journals(), upload_id)?;
        let started = events.first().ok_or(UploadError::NotAnUpload)?;
        if let Some(mismatch) = mismatch(started, &settings, R::NAME, client.profile().dialect()) {
            return Err(UploadError::WrongJournal {
                upload_id: upload_id.to_string(),
                mismatch,
            });
        }
        let state = UploadState::replay(&events).ok_or(UploadError::NotAnUpload)?;
        let matched = file
            .as_ref()
            .map(|(candidates, _)| match_file(&state, candidates));
        if let Some(matched) = &matched
            && matched.is_another_file(state.rows.len())
        {
            return Err(UploadError::WrongJournal {
                upload_id: upload_id.to_string(),
                mismatch: "was made from another file: the file holds none of its rows".to_string(),
            });
        }
        let mapping = file.map(|(_, mapping)| mapping);
        let (origins, mut revised, dropped) = match matched {
            Some(matched) => (matched.origins, matched.revisions, matched.dropped),
            None => (vec![None; state.rows.len()], Vec::new(), Vec::new()),
        };
        if !revised.is_empty() {
            // A fixed row that another upload has sent since (the fixed file sent anew
            // with --skip-sent) stays with that upload.
            let claims = past_uploads::claims(&settings.store.journals(), R::NAME);
            revised.retain(|revision| {
                claims
                    .items
                    .get(&revision.item.to_string())
                    .is_none_or(|owner| owner == upload_id)
            });
        }
        let mut engine = Engine::with(client, journal, state, origins, mapping, settings);
        // Rows the merchant removed from the file before they were sent: not sent.
        if !dropped.is_empty() {
            engine.record(Event::Dropped { rows: dropped })?;
        }
        // Rows the merchant fixed in the file since they were refused or skipped: sent
        // with their new values. Rows already created are never sent again.
        for revision in revised {
            engine.record(Event::Revised {
                row: revision.row,
                item: revision.item,
                key: revision.key,
            })?;
            if let Some(slot) = engine.origins.get_mut(revision.row) {
                *slot = Some(revision.origin);
            }
        }
        // Requests cut off by the crash: their rows may exist already, and a lost
        // answer to more rows than a sync create takes may have queued them.
        for interrupted in engine.state.interrupted_requests() {
            let may_be_queued = interrupted.rows.len() > SYNC_ITEMS;
            let sent = SentAt {
                at: interrupted.at,
                server_at: interrupted.server_at,
            };
            engine.record(sent.uncertain(
                &interrupted.rows,
                true,
                may_be_queued,
                "the console stopped while this request was in flight".into(),
            ))?;
        }
        // Rows an earlier run left not confirmed are looked up again.
        engine.look_again_at_unresolved()?;
        Ok(engine)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stores::StoreHome;

    fn started(store: &str, kind: ResourceName, dialect: Dialect) -> Event {
        Event::Started {
            upload_id: "up-1".into(),
            kind,
            dialect,
            file: "leads.xlsx".into(),
            sheet: Some("Leads".into()),
            base_url: "https://api.wedocod.com".into(),
            store: store.into(),
            per_request: 100,
            at: "2026-11-28T00:00:00Z".into(),
            rows: Vec::new(),
        }
    }

    #[test]
    fn a_journal_is_resumed_only_by_its_store_kind_generation_and_sheet() {
        let home = StoreHome::of(Path::new("/data"), "st-a").unwrap();
        let settings = UploadSettings {
            sheet: Some("Leads".into()),
            ..UploadSettings::new(home)
        };
        let (leads, v2) = (ResourceName::Leads, Dialect::V2);
        assert_eq!(
            mismatch(&started("st-a", leads, v2), &settings, leads, v2),
            None
        );
        let refusals = [
            (started("st-b", leads, v2), leads, v2, "another store"),
            (started("", leads, v2), leads, v2, "store is unknown"),
            (
                started("st-a", leads, v2),
                ResourceName::Orders,
                v2,
                "not orders",
            ),
            (
                started("st-a", leads, v2),
                leads,
                Dialect::V1,
                "generation v2, not v1",
            ),
        ];
        for (journal, kind, dialect, reason) in refusals {
            let said = mismatch(&journal, &settings, kind, dialect).unwrap();
            assert!(said.contains(reason), "{said}");
        }
        let another_sheet = UploadSettings {
            sheet: Some("Notes".into()),
            ..settings.clone()
        };
        let said = mismatch(&started("st-a", leads, v2), &another_sheet, leads, v2).unwrap();
        assert_eq!(said, r#"read the sheet "Leads", not the sheet "Notes""#);
        let no_sheet = UploadSettings {
            sheet: None,
            ..settings
        };
        let said = mismatch(&started("st-a", leads, v2), &no_sheet, leads, v2).unwrap();
        assert!(said.ends_with("not no sheet (a CSV file)"), "{said}");
        // A journal written before sheets were recorded is resumed whatever the sheet.
        let mut legacy = started("st-a", leads, v2);
        if let Event::Started { sheet, .. } = &mut legacy {
            *sheet = None;
        }
        assert_eq!(mismatch(&legacy, &another_sheet, leads, v2), None);
    }
}
