//! The merchant's own column choices, remembered per header set so next month's export
//! of the same shop maps itself. Kept in `mappings.toml` in the config folder; a damaged
//! file degrades to "nothing remembered" instead of stopping the import.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Mutex, PoisonError};

use serde::{Deserialize, Serialize};

use crate::api::scope::ResourceName;

use super::synonyms::normalize_header;
use super::target::Target;

/// Held while the file is read, changed and written again: two saves in flight (two
/// column choices made in a row) would otherwise each write back the file without the
/// other's choice.
static CHANGING: Mutex<()> = Mutex::new(());

/// Every remembered mapping, keyed by `header_set_key`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RememberedMappings {
    pub mappings: BTreeMap<String, RememberedMapping>,
}

/// The choices made for one header set.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RememberedMapping {
    pub kind: String,
    /// The headers as written when the choice was made (to help a human reading the file).
    pub headers: Vec<String>,
    /// field name → header.
    pub columns: BTreeMap<String, String>,
}

impl RememberedMappings {
    /// Reads the file; a missing or damaged file gives an empty set.
    pub fn load(path: &Path) -> Self {
        std::fs::read_to_string(path)
            .ok()
            .and_then(|text| toml::from_str(&text).ok())
            .unwrap_or_default()
    }

    /// Writes the file, creating its folder.
    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder)?;
        }
        let text = toml::to_string_pretty(self).map_err(std::io::Error::other)?;
        std::fs::write(path, text)
    }

    /// Remembers `choices` for these headers in the file at `path`, keeping every other
    /// header set it holds. Reads and writes the file: call it off the UI thread.
    pub fn remember_in(
        path: &Path,
        headers: &[String],
        kind: ResourceName,
        choices: &[(Target, String)],
    ) -> std::io::Result<()> {
        let _changing = CHANGING.lock().unwrap_or_else(PoisonError::into_inner);
        let mut remembered = RememberedMappings::load(path);
        remembered.remember(headers, kind, choices);
        remembered.save(path)
    }

    /// The choices remembered for these headers, dropping any that no longer parse.
    pub fn choices_for(&self, headers: &[String], kind: ResourceName) -> Vec<(Target, String)> {
        self.mappings
            .get(&header_set_key(headers, kind))
            .map(|remembered| {
                remembered
                    .columns
                    .iter()
                    .filter_map(|(name, header)| {
                        Target::parse(name, kind).map(|target| (target, header.clone()))
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Remembers `choices` for these headers (replacing older ones).
    pub fn remember(
        &mut self,
        headers: &[String],
        kind: ResourceName,
        choices: &[(Target, String)],
    ) {
        self.mappings.insert(
            header_set_key(headers, kind),
            RememberedMapping {
                kind: kind.plural().to_string(),
                headers: headers.to_vec(),
                columns: choices
                    .iter()
                    .map(|(target, header)| (target.to_string(), header.clone()))
                    .collect(),
            },
        );
    }
}

/// A stable key for a set of headers: FNV-1a over the sorted normalised names, so column
/// order, case and accents do not matter, and the key survives compiler upgrades.
pub fn header_set_key(headers: &[String], kind: ResourceName) -> String {
    let mut names: Vec<String> = headers.iter().map(|h| normalize_header(h)).collect();
    names.sort();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in kind
        .plural()
        .bytes()
        .chain(names.iter().flat_map(|name| name.bytes().chain([0x1f])))
    {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembering_in_the_file_keeps_other_header_sets() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("config").join("mappings.toml");
        let phone = |header: &str| {
            vec![(
                Target::parse("phone", ResourceName::Leads).unwrap(),
                header.to_string(),
            )]
        };
        let first = vec!["Tel".to_string()];
        let second = vec!["Contact".to_string()];
        RememberedMappings::remember_in(&path, &first, ResourceName::Leads, &phone("Tel")).unwrap();
        RememberedMappings::remember_in(&path, &second, ResourceName::Leads, &phone("Contact"))
            .unwrap();
        let loaded = RememberedMappings::load(&path);
        assert_eq!(
            loaded.choices_for(&first, ResourceName::Leads),
            phone("Tel")
        );
        assert_eq!(
            loaded.choices_for(&second, ResourceName::Leads),
            phone("Contact")
        );
    }

    #[test]
    fn choices_round_trip_through_the_file() {
        let folder =
            std::env::temp_dir().join(format!("wedocod-remembered-{}", std::process::id()));
        let path = folder.join("mappings.toml");
        let headers = vec!["Tel".to_string(), "Nom".to_string()];
        let mut remembered = RememberedMappings::default();
        let choices = vec![(
            Target::parse("phone", ResourceName::Leads).unwrap(),
            "Tel".to_string(),
        )];
        remembered.remember(&headers, ResourceName::Leads, &choices);
        remembered.save(&path).unwrap();
        let reordered = vec!["nom".to_string(), "TEL".to_string()];
        let loaded = RememberedMappings::load(&path);
        assert_eq!(loaded.choices_for(&reordered, ResourceName::Leads), choices);
        assert!(
            loaded
                .choices_for(&reordered, ResourceName::Orders)
                .is_empty()
        );
        std::fs::write(&path, "mappings = 12\n[[[").unwrap();
        assert_eq!(
            RememberedMappings::load(&path),
            RememberedMappings::default()
        );
        std::fs::remove_dir_all(folder).unwrap();
    }
}
