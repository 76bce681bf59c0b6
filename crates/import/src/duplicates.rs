//! The one check that spans rows: the same phone with the same SKU twice in a file is
//! usually a customer who submitted the form twice. Keys are collected while the file is
//! read and sorted once at the end, on two threads: a million hash-table look-ups in file
//! order cost more than the rest of the checks together.

use super::issue::Issue;
use super::rule_check::Finding;
use super::wording::Wording;

/// One (phone, SKU) key of a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Entry {
    key: u64,
    line: u64,
    /// The phone's international digits (`212612345678`).
    phone: u64,
}

/// A record that repeats an earlier one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Duplicate {
    pub line: u64,
    pub earlier_line: u64,
    pub phone: u64,
}

/// Collects the keys of every record, then finds the repeats.
#[derive(Debug, Default)]
pub struct DuplicateFinder {
    /// Split by the key's top bit: equal keys always land in the same half, and the two
    /// halves sort on two cores.
    halves: [Vec<Entry>; 2],
}

impl DuplicateFinder {
    /// A finder with room for about `records` keys.
    pub fn with_capacity(records: usize) -> Self {
        DuplicateFinder {
            halves: [
                Vec::with_capacity(records / 2),
                Vec::with_capacity(records / 2),
            ],
        }
    }

    /// Adds a key of the record starting on `line`.
    pub fn add(&mut self, key: u64, line: u64, phone: u64) {
        let half = usize::from(key >> 63 == 1);
        if let Some(entries) = self.halves.get_mut(half) {
            entries.push(Entry { key, line, phone });
        }
    }

    /// Every record sharing a key with an earlier one, once, in line order.
    pub fn duplicates(self) -> Vec<Duplicate> {
        let [low, high] = self.halves;
        let (mut found, mut more) = std::thread::scope(|scope| {
            let high = scope.spawn(move || repeats(high));
            let low = repeats(low);
            (low, high.join().unwrap_or_default())
        });
        found.append(&mut more);
        found.sort_unstable_by_key(|duplicate| (duplicate.line, duplicate.earlier_line));
        found.dedup_by_key(|duplicate| duplicate.line);
        found
    }
}

/// The repeats among `entries`, each naming the first line with its key.
fn repeats(mut entries: Vec<Entry>) -> Vec<Duplicate> {
    entries.sort_unstable();
    let mut found = Vec::new();
    let mut first: Option<Entry> = None;
    for entry in entries {
        match first {
            Some(earlier) if earlier.key == entry.key => {
                if earlier.line != entry.line {
                    found.push(Duplicate {
                        line: entry.line,
                        earlier_line: earlier.line,
                        phone: entry.phone,
                    });
                }
            }
            _ => first = Some(entry),
        }
    }
    found
}

/// The warning put on the phone cell of the later record. The value is the phone as it
/// will be sent: the cell as written is long gone when the whole file has been read.
pub fn duplicate_issue(duplicate: &Duplicate, phone_column: Option<usize>) -> Issue {
    Finding::warning(Wording::DuplicateLead {
        earlier: duplicate.earlier_line,
    })
    .at(
        duplicate.line,
        phone_column,
        "phone".to_string(),
        &format!("+{}", duplicate.phone),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::IssueCode;

    #[test]
    fn each_later_record_names_the_first_once() {
        let mut finder = DuplicateFinder::with_capacity(8);
        let high = 1 << 63;
        finder.add(7, 2, 212_612_345_678);
        finder.add(high | 8, 2, 212_612_345_678);
        finder.add(9, 3, 212_600_000_000);
        finder.add(high | 8, 5, 212_612_345_678);
        finder.add(7, 5, 212_612_345_678);
        finder.add(7, 9, 212_612_345_678);
        let found = finder.duplicates();
        assert_eq!(
            found,
            [
                Duplicate {
                    line: 5,
                    earlier_line: 2,
                    phone: 212_612_345_678
                },
                Duplicate {
                    line: 9,
                    earlier_line: 2,
                    phone: 212_612_345_678
                },
            ]
        );
        let issue = duplicate_issue(&found[0], Some(1));
        assert_eq!(issue.code, IssueCode::DuplicateLead);
        assert_eq!(issue.value, "+212612345678");
    }
}
