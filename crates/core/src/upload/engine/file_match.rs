//! What a file still means for an upload it is resumed with. The merchant may have
//! fixed refused rows, deleted a bad row, or sorted the file since: rows are matched by
//! content, never by line number alone, so a row already sent is never taken for a fix
//! of another and sent again.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use crate::upload::journal::PlannedRow;
use crate::upload::matching::{MatchKey, Submitted};
use crate::upload::state::{RowState, UploadState};
use wedocod_import::Candidate;
use wedocod_import::ItemOrigin;

/// A refused or skipped row the merchant fixed: sent again with its new item.
#[derive(Debug, Clone)]
pub(super) struct Revision {
    pub row: usize,
    pub item: Value,
    pub key: MatchKey,
    pub origin: ItemOrigin,
}

/// The upload's rows against the file as it is now.
#[derive(Debug, Default)]
pub(super) struct FileMatch {
    /// Where each row's values are in the file now (422 errors land on those cells).
    pub origins: Vec<Option<ItemOrigin>>,
    pub revisions: Vec<Revision>,
    /// Rows not sent yet that the file no longer holds: not sent.
    pub dropped: Vec<usize>,
    /// Rows whose item the file still holds, wherever it moved.
    pub matched: usize,
    /// Rows the upload sent or will send (neither refused nor skipped).
    pub sent: usize,
}

impl FileMatch {
    /// True when the file holds none of the upload's rows: another file, whose rows must
    /// not be taken for this upload's fixes. (An upload whose every row was refused may
    /// come back with all of them fixed: that is the same file.)
    pub fn is_another_file(&self, rows: usize) -> bool {
        rows > 0 && self.matched == 0 && (self.sent > 0 || self.revisions.is_empty())
    }
}

/// Matches the upload's rows with the file's `candidates`: first by identical content
/// (wherever the row moved), then a refused or skipped row whose line now holds a new,
/// error-free row not matched to any other is a fix. A fix identical to an item another
/// row of the upload already sent (or will send) is not one.
pub(super) fn match_file<T: serde::Serialize + serde::de::DeserializeOwned + Submitted>(
    state: &UploadState,
    candidates: &[Candidate<T>],
) -> FileMatch {
    let items: Vec<Option<Value>> = candidates
        .iter()
        .map(|candidate| serde_json::to_value(&candidate.built.item).ok())
        .collect();
    let mut by_content: HashMap<String, Vec<usize>> = HashMap::new();
    for (index, item) in items.iter().enumerate().rev() {
        if let Some(item) = item {
            by_content.entry(item.to_string()).or_default().push(index);
        }
    }
    let mut result = FileMatch {
        origins: vec![None; state.rows.len()],
        ..FileMatch::default()
    };
    let mut used = HashSet::new();
    let mut unmatched_rows = Vec::new();
    for (row, planned) in state.rows.iter().enumerate() {
        match by_content
            .get_mut(&planned.item.to_string())
            .and_then(Vec::pop)
        {
            Some(index) => {
                used.insert(index);
                result.origins[row] = Some(candidates[index].built.origin.clone());
                result.matched += 1;
            }
            None => unmatched_rows.push(row),
        }
    }
    // What the upload's other rows sent or will send: a "fix" that is one of them (the
    // same item, or the same customer and products at another address) is a row moved
    // or edited, and sending it would make a second record.
    let sent_rows: Vec<&PlannedRow> = state
        .rows
        .iter()
        .zip(&state.states)
        .filter(|(_, state)| !matches!(state, RowState::Refused { .. } | RowState::Skipped { .. }))
        .map(|(planned, _)| planned)
        .collect();
    result.sent = sent_rows.len();
    let sent: HashSet<String> = sent_rows
        .iter()
        .map(|planned| planned.item.to_string())
        .collect();
    let sent_keys: HashSet<MatchKey> = sent_rows
        .iter()
        .filter_map(|planned| serde_json::from_value::<T>(planned.item.clone()).ok())
        .map(|item| item.match_key())
        .collect();
    let free_at_line: HashMap<u64, usize> = candidates
        .iter()
        .enumerate()
        .filter(|(index, candidate)| !used.contains(index) && candidate.errors.is_empty())
        .map(|(index, candidate)| (candidate.line, index))
        .collect();
    for row in unmatched_rows {
        match &state.states[row] {
            RowState::Refused { .. } | RowState::Skipped { .. } => {
                let planned = &state.rows[row];
                let Some(&index) = free_at_line.get(&planned.line) else {
                    continue;
                };
                let Some(item) = items[index].clone() else {
                    continue;
                };
                let key = candidates[index].built.item.match_key();
                if sent.contains(&item.to_string())
                    || sent_keys.contains(&key)
                    || !used.insert(index)
                {
                    continue;
                }
                result.revisions.push(Revision {
                    row,
                    key,
                    origin: candidates[index].built.origin.clone(),
                    item,
                });
            }
            RowState::Pending => result.dropped.push(row),
            _ => {}
        }
    }
    result
}
