//! The console's settings: store profiles, the active one, theme and page size, kept in
//! `config.toml` in [`crate::paths::config_dir`]. Never a token: tokens live in the
//! keyring (see [`crate::secrets`]); a profile remembers only the token's last characters
//! so the merchant can tell which token it uses.
//!
//! Every struct is `#[serde(default)]` and loading never fails: a missing setting takes
//! its default, an unreadable one is dropped with a warning the UI can show, and the
//! damaged file is copied aside first so nothing the merchant typed is silently lost.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};

use crate::api::{ApiProfile, DEFAULT_BASE_URL, Dialect, ProfileError};
pub use crate::config_warning::ConfigWarning;
use crate::desk::queue::{DEFAULT_STATUSES, queue_order};
use crate::language::Language;

/// The config file's name inside the config directory.
pub const CONFIG_FILE_NAME: &str = "config.toml";

/// The page sizes the tables and Settings offer (the API serves at most 100 a page).
pub const PAGE_SIZES: [u64; 3] = [25, 50, 100];

/// The page size of a new or repaired config.
pub const DEFAULT_PAGE_SIZE: u64 = 50;

/// The longest profile name accepted: it is shown in the title bar and status bar.
pub const MAX_PROFILE_NAME_CHARS: usize = 64;

/// How many of the token's last characters a profile remembers, for display only.
const TOKEN_HINT_CHARS: usize = 4;

/// The full path of the config file.
pub fn config_file() -> PathBuf {
    crate::paths::config_dir().join(CONFIG_FILE_NAME)
}

/// The console's settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Config {
    pub profiles: Vec<StoreProfile>,
    /// The name of the profile opened at start-up.
    pub active_profile: Option<String>,
    pub theme: ThemeChoice,
    /// Rows per table page: one of [`PAGE_SIZES`].
    pub page_size: u64,
    /// The window's language as the file spells it (a [`Language`] code, see
    /// [`Config::language`]); none: the computer's. Kept as text so that a language this
    /// console does not speak is repaired with a warning, not a settings file refused.
    pub language: Option<String>,
    /// Where the window was and how big, when it was last closed.
    pub window: Option<WindowGeometry>,
    /// The confirmation desk's WhatsApp message, with `{name}`, `{products}`, `{total}` and
    /// `{city}`; none: the default of the window's language.
    pub whatsapp_template: Option<String>,
    /// The lead statuses the confirmation desk works through; none: `new` then
    /// `call_later`.
    pub desk_statuses: Option<Vec<String>>,
    /// Whether the desk calls the newest leads first (speed to lead) rather than the
    /// oldest.
    pub desk_newest_first: bool,
}

/// The window's size and place on screen, in logical pixels.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct WindowGeometry {
    pub width: f32,
    pub height: f32,
    /// None until the window was moved (the system places it).
    pub x: Option<f32>,
    pub y: Option<f32>,
}

// Equal values are equal numbers: a NaN never gets in (`is_usable` refuses it).
impl Eq for WindowGeometry {}

/// The smallest window the screens are laid out for.
pub const MIN_WINDOW: (f32, f32) = (900.0, 600.0);

impl WindowGeometry {
    /// Whether a hand-edited or damaged value could open a window at all: finite, at
    /// least [`MIN_WINDOW`], at most a wall of screens, its corner not absurdly far away.
    fn is_usable(&self) -> bool {
        let size_ok = |value: f32, min: f32| value.is_finite() && (min..=20_000.0).contains(&value);
        let place_ok = |value: Option<f32>| {
            value.is_none_or(|value| value.is_finite() && (-20_000.0..=20_000.0).contains(&value))
        };
        size_ok(self.width, MIN_WINDOW.0)
            && size_ok(self.height, MIN_WINDOW.1)
            && place_ok(self.x)
            && place_ok(self.y)
    }
}

impl Default for Config {
    fn default() -> Self {
        Config {
            profiles: Vec::new(),
            active_profile: None,
            theme: ThemeChoice::default(),
            page_size: DEFAULT_PAGE_SIZE,
            language: None,
            window: None,
            whatsapp_template: None,
            desk_statuses: None,
            desk_newest_first: false,
        }
    }
}

/// The colour theme the merchant picked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ThemeChoice {
    /// Follow the operating system's light or dark setting.
    #[default]
    System,
    Light,
    Dark,
}

/// One WedoCOD store the console connects to. Deliberately has no token field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct StoreProfile {
    /// Unique (ignoring case) among the profiles; also the keyring entry's user name.
    pub name: String,
    pub base_url: String,
    pub prefix: String,
    pub dialect: Dialect,
    /// The token's last characters, shown so the merchant can tell which token is saved.
    pub token_hint: Option<String>,
    /// True for the embedded demo sandbox.
    pub sandbox: bool,
    /// The store account's id ([`crate::stores`]): its uploads and caches, kept when
    /// the token is replaced. Set when the store is first opened.
    pub store_id: Option<String>,
}

impl Default for StoreProfile {
    fn default() -> Self {
        StoreProfile {
            name: String::new(),
            base_url: DEFAULT_BASE_URL.to_string(),
            prefix: String::new(),
            dialect: Dialect::default(),
            token_hint: None,
            sandbox: false,
            store_id: None,
        }
    }
}

impl StoreProfile {
    /// A profile for a real store at `base_url`.
    pub fn new(name: &str, base_url: &str, prefix: &str, dialect: Dialect) -> StoreProfile {
        StoreProfile {
            name: name.trim().to_string(),
            base_url: base_url.trim().to_string(),
            prefix: prefix.trim().to_string(),
            dialect,
            token_hint: None,
            sandbox: false,
            store_id: None,
        }
    }

    /// Where the API lives, checked (https, or http on loopback only).
    pub fn api_profile(&self) -> Result<ApiProfile, ProfileError> {
        ApiProfile::new(&self.base_url, &self.prefix, self.dialect)
    }

    /// Remembers the last characters of `token` for display. A token too short to spare
    /// them gets no hint: the hint must never give away a real part of the token.
    pub fn remember_token_hint(&mut self, token: &SecretString) {
        let token = token.expose_secret();
        let length = token.chars().count();
        self.token_hint = (length >= 3 * TOKEN_HINT_CHARS)
            .then(|| token.chars().skip(length - TOKEN_HINT_CHARS).collect());
    }
}

/// Why a profile cannot be added, renamed, found or deleted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProfileNameError {
    #[error("a profile needs a name")]
    Empty,
    #[error("a profile name can have at most {MAX_PROFILE_NAME_CHARS} characters")]
    TooLong,
    #[error("a profile named {0:?} already exists: choose another name")]
    Taken(String),
    #[error("there is no profile named {0:?}")]
    NotFound(String),
}

/// A loaded config and what had to be repaired in it, in sentences for the UI.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadedConfig {
    pub config: Config,
    pub warnings: Vec<ConfigWarning>,
}

/// Why the config could not be saved.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("could not save the settings to {path}: {source}")]
    Write { path: PathBuf, source: io::Error },
    #[error("could not write the settings: {0}")]
    Serialize(#[from] toml::ser::Error),
}

impl Config {
    /// Loads [`config_file`]; see [`Config::load_from`].
    pub fn load() -> LoadedConfig {
        Config::load_from(&config_file())
    }

    /// Loads the config at `path`. Never fails: a missing file is a first run (defaults,
    /// no warning); an unreadable or damaged one gives what could be read plus warnings,
    /// after copying the file to `<name>.damaged` so the next save cannot lose it.
    pub fn load_from(path: &Path) -> LoadedConfig {
        let (mut config, mut warnings) = match fs::read_to_string(path) {
            Ok(text) => parse_leniently(&text),
            Err(error) if error.kind() == io::ErrorKind::NotFound => {
                return LoadedConfig {
                    config: Config::default(),
                    warnings: Vec::new(),
                };
            }
            Err(error) => (
                Config::default(),
                vec![ConfigWarning::Unreadable {
                    path: path.to_path_buf(),
                    reason: error.to_string(),
                }],
            ),
        };
        warnings.extend(config.repair());
        if !warnings.is_empty() {
            warnings.push(keep_damaged_copy(path));
        }
        LoadedConfig { config, warnings }
    }

    /// Saves to [`config_file`]; see [`Config::save_to`].
    pub fn save(&self) -> Result<(), SaveError> {
        self.save_to(&config_file())
    }

    /// Writes the config atomically: to a temporary file next to `path`, then renamed over
    /// it, so a crash or a full disk leaves the previous file whole. Creates the directory.
    pub fn save_to(&self, path: &Path) -> Result<(), SaveError> {
        let text = toml::to_string_pretty(self)?;
        crate::files::write_atomically(path, text.as_bytes()).map_err(|source| SaveError::Write {
            path: path.to_path_buf(),
            source,
        })
    }

    /// The profile named `name` (ignoring case).
    pub fn profile(&self, name: &str) -> Option<&StoreProfile> {
        self.position(name).map(|index| &self.profiles[index])
    }

    /// The profile named `name` (ignoring case), to change its URL, dialect or token hint.
    pub fn profile_mut(&mut self, name: &str) -> Option<&mut StoreProfile> {
        self.position(name).map(|index| &mut self.profiles[index])
    }

    /// The profile opened at start-up, if it still exists.
    pub fn active(&self) -> Option<&StoreProfile> {
        self.active_profile
            .as_deref()
            .and_then(|name| self.profile(name))
    }

    /// Makes `name` the profile opened at start-up.
    pub fn set_active(&mut self, name: &str) -> Result<(), ProfileNameError> {
        let index = self
            .position(name)
            .ok_or_else(|| ProfileNameError::NotFound(name.to_string()))?;
        self.active_profile = Some(self.profiles[index].name.clone());
        Ok(())
    }

    /// Adds a profile under a unique name (its name is trimmed). The first profile becomes
    /// the active one.
    pub fn add_profile(&mut self, mut profile: StoreProfile) -> Result<(), ProfileNameError> {
        profile.name = self.check_new_name(&profile.name, None)?;
        if self.active_profile.is_none() {
            self.active_profile = Some(profile.name.clone());
        }
        self.profiles.push(profile);
        Ok(())
    }

    /// Renames a profile, following it with `active_profile`. Changing only the case of a
    /// name is allowed. The caller moves the token too ([`crate::secrets::TokenVault::rename`]).
    pub fn rename_profile(&mut self, old: &str, new: &str) -> Result<(), ProfileNameError> {
        let index = self
            .position(old)
            .ok_or_else(|| ProfileNameError::NotFound(old.to_string()))?;
        let new = self.check_new_name(new, Some(index))?;
        let was_active =
            self.active().map(|active| &active.name) == Some(&self.profiles[index].name);
        if was_active {
            self.active_profile = Some(new.clone());
        }
        self.profiles[index].name = new;
        Ok(())
    }

    /// Removes a profile and returns it; if it was active, the first remaining profile
    /// becomes active. The caller deletes its token ([`crate::secrets::TokenVault::delete`]).
    pub fn delete_profile(&mut self, name: &str) -> Result<StoreProfile, ProfileNameError> {
        let index = self
            .position(name)
            .ok_or_else(|| ProfileNameError::NotFound(name.to_string()))?;
        let removed = self.profiles.remove(index);
        if self.active().is_none() {
            self.active_profile = self.profiles.first().map(|profile| profile.name.clone());
        }
        Ok(removed)
    }

    /// Names are compared ignoring case because Windows' Credential Manager does: two
    /// profiles differing only in case would share one keyring entry there.
    fn position(&self, name: &str) -> Option<usize> {
        let name = name.trim();
        self.profiles
            .iter()
            .position(|profile| profile.name.to_lowercase() == name.to_lowercase())
    }

    /// The trimmed `name` if no other profile than `renaming` uses it.
    fn check_new_name(
        &self,
        name: &str,
        renaming: Option<usize>,
    ) -> Result<String, ProfileNameError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(ProfileNameError::Empty);
        }
        if name.chars().count() > MAX_PROFILE_NAME_CHARS {
            return Err(ProfileNameError::TooLong);
        }
        match self.position(name) {
            Some(index) if Some(index) != renaming => {
                Err(ProfileNameError::Taken(self.profiles[index].name.clone()))
            }
            _ => Ok(name.to_string()),
        }
    }

    /// The window's language; none: the computer's.
    pub fn language(&self) -> Option<Language> {
        self.language.as_deref().and_then(Language::of_code)
    }

    /// Chooses the window's language from now on.
    pub fn set_language(&mut self, language: Language) {
        self.language = Some(language.code().to_string());
    }

    /// The lead statuses the confirmation desk works through, in its order.
    pub fn desk_statuses(&self) -> Vec<String> {
        match &self.desk_statuses {
            Some(chosen) => queue_order(chosen.iter().map(String::as_str)),
            None => queue_order(DEFAULT_STATUSES),
        }
    }

    /// Fixes what a hand-edited or older file can get wrong, each fix explained.
    fn repair(&mut self) -> Vec<ConfigWarning> {
        let mut warnings = Vec::new();
        if !PAGE_SIZES.contains(&self.page_size) {
            warnings.push(ConfigWarning::PageSize {
                given: self.page_size,
                used: DEFAULT_PAGE_SIZE,
            });
            self.page_size = DEFAULT_PAGE_SIZE;
        }
        if let Some(language) = self
            .language
            .take_if(|language| Language::of_code(language).is_none())
        {
            warnings.push(ConfigWarning::Language { given: language });
        }
        if self.window.take_if(|window| !window.is_usable()).is_some() {
            warnings.push(ConfigWarning::Window);
        }
        if let Some(chosen) = self.desk_statuses.take() {
            let known = queue_order(chosen.iter().map(String::as_str));
            let unknown: Vec<String> = chosen
                .into_iter()
                .filter(|status| !known.contains(status))
                .collect();
            if !unknown.is_empty() {
                warnings.push(ConfigWarning::DeskStatuses {
                    given: unknown.join(", "),
                });
            }
            self.desk_statuses = (!known.is_empty()).then_some(known);
        }
        let mut kept = Config::default();
        for profile in std::mem::take(&mut self.profiles) {
            if let Err(error) = kept.check_new_name(&profile.name, None) {
                warnings.push(ConfigWarning::ProfileName {
                    name: profile.name.clone(),
                    reason: error.to_string(),
                });
            } else {
                kept.profiles.push(profile);
            }
        }
        self.profiles = kept.profiles;
        if let Some(name) = self.active_profile.clone() {
            match self.position(&name) {
                Some(index) => self.active_profile = Some(self.profiles[index].name.clone()),
                None => {
                    warnings.push(ConfigWarning::ActiveGone { name });
                    self.active_profile = None;
                }
            }
        }
        warnings
    }
}

/// Parses `text`, keeping every setting that can be read. A file that does not parse at
/// all gives the defaults; otherwise each top-level setting is tried on its own, and in
/// the profile list each profile on its own, so one bad value costs only itself.
fn parse_leniently(text: &str) -> (Config, Vec<ConfigWarning>) {
    if let Ok(config) = toml::from_str::<Config>(text) {
        return (config, Vec::new());
    }
    let table = match toml::from_str::<toml::Table>(text) {
        Ok(table) => table,
        Err(error) => {
            return (
                Config::default(),
                vec![ConfigWarning::Damaged {
                    reason: error.to_string(),
                }],
            );
        }
    };
    let mut warnings = Vec::new();
    let mut readable = toml::Table::new();
    for (key, value) in table {
        let value = if key == "profiles" {
            readable_profiles(value, &mut warnings)
        } else {
            value
        };
        let mut candidate = readable.clone();
        candidate.insert(key.clone(), value);
        if toml::Value::Table(candidate.clone())
            .try_into::<Config>()
            .is_ok()
        {
            readable = candidate;
        } else {
            warnings.push(ConfigWarning::Setting { key });
        }
    }
    let config = toml::Value::Table(readable)
        .try_into::<Config>()
        .unwrap_or_default();
    (config, warnings)
}

/// The profiles in `value` that can be read; a warning for each that cannot.
fn readable_profiles(value: toml::Value, warnings: &mut Vec<ConfigWarning>) -> toml::Value {
    let toml::Value::Array(profiles) = value else {
        return value;
    };
    let readable = profiles
        .into_iter()
        .enumerate()
        .filter(|(position, profile)| {
            let fits = profile.clone().try_into::<StoreProfile>().is_ok();
            if !fits {
                warnings.push(ConfigWarning::Profile {
                    name: profile
                        .get("name")
                        .and_then(toml::Value::as_str)
                        .map(str::to_string),
                    position: position + 1,
                });
            }
            fits
        })
        .map(|(_, profile)| profile)
        .collect();
    toml::Value::Array(readable)
}

/// Copies a damaged config file aside and says where, so the merchant can recover by hand
/// what the console could not read.
fn keep_damaged_copy(path: &Path) -> ConfigWarning {
    let mut copy = path.as_os_str().to_owned();
    copy.push(".damaged");
    let copy = PathBuf::from(copy);
    match fs::copy(path, &copy) {
        Ok(_) => ConfigWarning::CopiedTo { path: copy },
        Err(error) => ConfigWarning::CopyFailed {
            path: copy,
            reason: error.to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shop(name: &str) -> StoreProfile {
        StoreProfile::new(name, "https://shop.example.ma", "", Dialect::V2)
    }

    fn temp_config() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let path = dir.path().join("nested").join(CONFIG_FILE_NAME);
        (dir, path)
    }

    fn write(path: &Path, text: &str) {
        fs::create_dir_all(path.parent().expect("a parent")).expect("the directory");
        fs::write(path, text).expect("the file");
    }

    #[test]
    fn a_saved_config_loads_back_identical() {
        let (_dir, path) = temp_config();
        let mut config = Config {
            theme: ThemeChoice::Dark,
            page_size: 100,
            ..Config::default()
        };
        let mut main = StoreProfile::new(
            " Main store ",
            "https://api.wedocod.com",
            "/api/web/1.0",
            Dialect::V1,
        );
        main.remember_token_hint(&SecretString::from("tok-abcdefghijkl-WXYZ"));
        config.add_profile(main).unwrap();
        config.add_profile(shop("Second")).unwrap();

        config.save_to(&path).unwrap();
        let loaded = Config::load_from(&path);

        assert_eq!(loaded.warnings, Vec::<ConfigWarning>::new());
        assert_eq!(loaded.config, config);
        assert_eq!(loaded.config.active_profile.as_deref(), Some("Main store"));
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.contains("token_hint = \"WXYZ\""), "{text}");
        assert!(!text.contains("abcdefghijkl"), "{text}");
    }

    #[test]
    fn saving_leaves_no_temporary_file_behind() {
        let (_dir, path) = temp_config();
        Config::default().save_to(&path).unwrap();
        Config::default().save_to(&path).unwrap();
        let names: Vec<_> = fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|entry| entry.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![CONFIG_FILE_NAME]);
    }

    #[test]
    fn a_missing_file_is_a_first_run() {
        let (_dir, path) = temp_config();
        let loaded = Config::load_from(&path);
        assert_eq!(loaded.config, Config::default());
        assert_eq!(loaded.config.page_size, 50);
        assert!(loaded.warnings.is_empty());
    }

    #[test]
    fn an_old_file_with_fewer_settings_takes_the_defaults_silently() {
        let (_dir, path) = temp_config();
        write(
            &path,
            "active_profile = \"Shop\"\n[[profiles]]\nname = \"Shop\"\nbase_url = \"https://shop.example.ma\"\n",
        );
        let loaded = Config::load_from(&path);
        assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
        assert_eq!(loaded.config.theme, ThemeChoice::System);
        assert_eq!(loaded.config.page_size, DEFAULT_PAGE_SIZE);
        let profile = loaded.config.active().unwrap();
        assert_eq!(profile.dialect, Dialect::V2);
        assert_eq!(profile.prefix, "");
        assert!(!profile.sandbox);
    }

    #[test]
    fn a_file_that_does_not_parse_gives_defaults_a_warning_and_a_copy() {
        let (_dir, path) = temp_config();
        write(&path, "profiles = [[[ this is not toml");
        let loaded = Config::load_from(&path);
        assert_eq!(loaded.config, Config::default());
        assert!(
            loaded.warnings[0].to_string().contains("damaged"),
            "{:?}",
            loaded.warnings
        );
        let copy = path.with_file_name("config.toml.damaged");
        assert_eq!(
            fs::read_to_string(copy).unwrap(),
            "profiles = [[[ this is not toml"
        );
    }

    #[test]
    fn a_file_that_is_not_text_gives_defaults_a_warning_and_a_copy() {
        let (_dir, path) = temp_config();
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, [0xff, 0xfe, 0x00, 0x9c]).unwrap();
        let loaded = Config::load_from(&path);
        assert_eq!(loaded.config, Config::default());
        assert!(
            loaded.warnings[0].to_string().contains("could not be read"),
            "{:?}",
            loaded.warnings
        );
        assert!(path.with_file_name("config.toml.damaged").exists());
    }

    #[test]
    fn a_window_that_could_not_open_is_forgotten() {
        let (_dir, path) = temp_config();
        for window in [
            "width = nan\nheight = 800.0",
            "width = 100.0\nheight = 800.0",
        ] {
            write(&path, &format!("[window]\n{window}\n"));
            let loaded = Config::load_from(&path);
            assert_eq!(loaded.config.window, None, "{window}");
            assert!(loaded.warnings.contains(&ConfigWarning::Window), "{window}");
        }
        write(
            &path,
            "[window]\nwidth = 1400.0\nheight = 900.0\nx = 40.0\ny = 30.0\n",
        );
        let loaded = Config::load_from(&path);
        assert_eq!(
            loaded.config.window.map(|w| (w.width, w.x)),
            Some((1400.0, Some(40.0)))
        );
        assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    }

    #[test]
    fn one_bad_value_costs_only_itself() {
        let (_dir, path) = temp_config();
        write(
            &path,
            r#"theme = "purple"
page_size = 30
language = "tlh"
active_profile = "Good"

[[profiles]]
name = "Good"
base_url = "https://good.example.ma"

[[profiles]]
name = "Bad dialect"
dialect = "v9"
"#,
        );
        let loaded = Config::load_from(&path);
        let names: Vec<_> = loaded
            .config
            .profiles
            .iter()
            .map(|p| p.name.as_str())
            .collect();
        assert_eq!(names, ["Good"]);
        assert_eq!(loaded.config.active_profile.as_deref(), Some("Good"));
        assert_eq!(loaded.config.theme, ThemeChoice::System);
        assert_eq!(loaded.config.page_size, DEFAULT_PAGE_SIZE);
        let warnings: Vec<String> = loaded.warnings.iter().map(ToString::to_string).collect();
        let warnings = warnings.join("\n");
        assert!(warnings.contains("\"Bad dialect\""), "{warnings}");
        assert!(warnings.contains("`theme`"), "{warnings}");
        assert!(warnings.contains("page size 30"), "{warnings}");
        assert!(warnings.contains("\"tlh\""), "{warnings}");
        assert_eq!(loaded.config.language, None);
        assert!(path.with_file_name("config.toml.damaged").exists());
    }

    #[test]
    fn duplicate_unnamed_and_dangling_entries_are_repaired() {
        let (_dir, path) = temp_config();
        write(
            &path,
            r#"active_profile = "Gone"
[[profiles]]
name = "Shop"
[[profiles]]
name = "SHOP"
[[profiles]]
base_url = "https://nameless.example.ma"
"#,
        );
        let loaded = Config::load_from(&path);
        assert_eq!(loaded.config.profiles.len(), 1);
        assert_eq!(loaded.config.active_profile, None);
        assert_eq!(loaded.warnings.len(), 4, "{:?}", loaded.warnings);
        assert!(
            loaded.warnings[3].to_string().contains("copied"),
            "{:?}",
            loaded.warnings
        );
    }

    #[test]
    fn profile_names_are_trimmed_unique_ignoring_case_and_not_empty() {
        let mut config = Config::default();
        config.add_profile(shop("  Casablanca ")).unwrap();
        assert_eq!(config.profiles[0].name, "Casablanca");
        assert_eq!(
            config.add_profile(shop("casablanca")),
            Err(ProfileNameError::Taken("Casablanca".into()))
        );
        assert_eq!(
            config.add_profile(shop("   ")),
            Err(ProfileNameError::Empty)
        );
        assert_eq!(
            config.add_profile(shop(&"x".repeat(MAX_PROFILE_NAME_CHARS + 1))),
            Err(ProfileNameError::TooLong)
        );
        assert_eq!(
            ProfileNameError::Taken("Casablanca".into()).to_string(),
            "a profile named \"Casablanca\" already exists: choose another name"
        );
    }

    #[test]
    fn renaming_follows_the_active_profile_and_refuses_taken_names() {
        let mut config = Config::default();
        config.add_profile(shop("Rabat")).unwrap();
        config.add_profile(shop("Fes")).unwrap();
        assert_eq!(
            config.rename_profile("Fes", "RABAT"),
            Err(ProfileNameError::Taken("Rabat".into()))
        );
        config.rename_profile("rabat", "Rabat Centre").unwrap();
        assert_eq!(config.active_profile.as_deref(), Some("Rabat Centre"));
        config.rename_profile("Fes", "FES").unwrap();
        assert_eq!(config.profile("fes").unwrap().name, "FES");
        assert_eq!(
            config.rename_profile("Tanger", "x"),
            Err(ProfileNameError::NotFound("Tanger".into()))
        );
    }

    #[test]
    fn deleting_the_active_profile_activates_the_next_one() {
        let mut config = Config::default();
        config.add_profile(shop("Agadir")).unwrap();
        config.add_profile(shop("Oujda")).unwrap();
        config.set_active("oujda").unwrap();
        assert_eq!(config.delete_profile("Oujda").unwrap().name, "Oujda");
        assert_eq!(config.active_profile.as_deref(), Some("Agadir"));
        config.delete_profile("Agadir").unwrap();
        assert_eq!(config.active_profile, None);
        assert_eq!(
            config.delete_profile("Agadir"),
            Err(ProfileNameError::NotFound("Agadir".into()))
        );
    }

    #[test]
    fn a_profile_becomes_an_api_profile_only_with_a_safe_url() {
        let mut profile = shop("Shop");
        profile.prefix = "api/web/1.0".into();
        let api = profile.api_profile().unwrap();
        assert_eq!(
            api.url(&["leads"]).as_str(),
            "https://shop.example.ma/api/web/1.0/leads"
        );
        profile.base_url = "http://shop.example.ma".into();
        assert_eq!(
            profile.api_profile(),
            Err(ProfileError::PlainHttpRefused("shop.example.ma".into()))
        );
    }

    #[test]
    fn the_token_hint_is_the_last_four_characters_of_long_tokens_only() {
        let mut profile = shop("Shop");
        profile.remember_token_hint(&SecretString::from("wdc_live_0123456789_ab٣٤"));
        assert_eq!(profile.token_hint.as_deref(), Some("ab٣٤"),);
        profile.remember_token_hint(&SecretString::from("short-token"));
        assert_eq!(profile.token_hint, None);
    }
}
