//! The one check that spans rows: the same phone with the same SKU twice in a file is
//! usually a customer who submitted the form twice. Fed in file order, it warns on the
//! later record and names the first.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::issue::{Issue, IssueCode};
use super::rule_check::Finding;

/// Remembers the first line of each (phone, SKU) key seen so far. The keys are already
/// hashes, so the map uses them as they are instead of hashing them again: this runs
/// once per record on the one thread that keeps file order.
#[derive(Debug, Default)]
pub struct DuplicateTracker {
    first_line: HashMap<u64, u64, BuildHasherDefault<KeyAsHash>>,
}

/// A hasher for keys that are hashes already.
#[derive(Debug, Default)]
pub struct KeyAsHash(u64);

impl Hasher for KeyAsHash {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(*byte);
        }
    }

    fn write_u64(&mut self, key: u64) {
        self.0 = key;
    }
}

impl DuplicateTracker {
    /// A tracker with room for about `records` keys.
    pub fn with_capacity(records: usize) -> Self {
        DuplicateTracker {
            first_line: HashMap::with_capacity_and_hasher(records, BuildHasherDefault::default()),
        }
    }

    /// Records the keys of the record starting on `line`; returns the line of an earlier
    /// record sharing one of them.
    pub fn observe(&mut self, line: u64, keys: &[u64]) -> Option<u64> {
        let mut earlier = None;
        for key in keys {
            let first = *self.first_line.entry(*key).or_insert(line);
            if first != line && earlier.is_none() {
                earlier = Some(first);
            }
        }
        earlier
    }
}

/// The warning put on the phone cell of the later record.
pub fn duplicate_issue(line: u64, earlier: u64, phone_column: Option<usize>, phone: &str) -> Issue {
    Finding::warning(
        IssueCode::DuplicateLead,
        format!("Same phone and product as line {earlier}: probably the same customer twice."),
        Some(format!(
            "Delete this row or line {earlier} if they are the same order."
        )),
    )
    .at(line, phone_column, "phone".to_string(), phone)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_later_record_names_the_first() {
        let mut tracker = DuplicateTracker::default();
        assert_eq!(tracker.observe(2, &[7, 8]), None);
        assert_eq!(tracker.observe(3, &[9]), None);
        assert_eq!(tracker.observe(5, &[8]), Some(2));
        assert_eq!(tracker.observe(6, &[]), None);
        assert_eq!(
            duplicate_issue(5, 2, Some(1), "0612").code,
            IssueCode::DuplicateLead
        );
    }
}
