//! What loading the settings file had to repair, said once at start-up: as a value with
//! its details, so the window says it in the merchant's language; `Display` is the
//! English of the log and the tests.

use std::fmt;
use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigWarning {
    /// The file exists but cannot be read at all.
    Unreadable {
        path: PathBuf,
        reason: String,
    },
    /// The file is not TOML: every setting is its default.
    Damaged {
        reason: String,
    },
    /// One top-level setting could not be read.
    Setting {
        key: String,
    },
    /// One saved store could not be read (its name when it has one, else its place).
    Profile {
        name: Option<String>,
        position: usize,
    },
    PageSize {
        given: u64,
        used: u64,
    },
    Language {
        given: String,
    },
    Window,
    /// Statuses the desk was to work through that are not lead statuses.
    DeskStatuses {
        given: String,
    },
    /// A store whose name breaks the rules (empty, too long, taken twice).
    ProfileName {
        name: String,
        reason: String,
    },
    ActiveGone {
        name: String,
    },
    /// Where the damaged file was kept, or why it could not be.
    CopiedTo {
        path: PathBuf,
    },
    CopyFailed {
        path: PathBuf,
        reason: String,
    },
}

impl fmt::Display for ConfigWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigWarning::Unreadable { path, reason } => write!(
                f,
                "The settings file {} could not be read ({reason}); default settings are used.",
                path.display()
            ),
            ConfigWarning::Damaged { reason } => write!(
                f,
                "The settings file is damaged, so default settings are used: {reason}"
            ),
            ConfigWarning::Setting { key } => write!(
                f,
                "The setting `{key}` could not be read; its default is used."
            ),
            ConfigWarning::Profile { name, position } => match name {
                Some(name) => write!(f, "The profile {name:?} could not be read and was left out."),
                None => write!(
                    f,
                    "The profile number {position} could not be read and was left out."
                ),
            },
            ConfigWarning::PageSize { given, used } => write!(
                f,
                "The page size {given} is not offered; it was set to {used}."
            ),
            ConfigWarning::Language { given } => write!(
                f,
                "The language {given:?} is not one the console speaks; it follows the computer's."
            ),
            ConfigWarning::Window => f.write_str(
                "The saved window size or place could not be used; the window opens at its usual size.",
            ),
            ConfigWarning::DeskStatuses { given } => write!(
                f,
                "The desk's queue named statuses that leads do not have ({given}); they were left out."
            ),
            ConfigWarning::ProfileName { name, reason } => write!(
                f,
                "A profile ({name:?}) was left out of the settings: {reason}."
            ),
            ConfigWarning::ActiveGone { name } => write!(
                f,
                "The active profile {name:?} no longer exists; none is active."
            ),
            ConfigWarning::CopiedTo { path } => {
                write!(f, "The damaged file was copied to {}.", path.display())
            }
            ConfigWarning::CopyFailed { path, reason } => write!(
                f,
                "The damaged file could not be copied to {} ({reason}); the next save replaces it.",
                path.display()
            ),
        }
    }
}
