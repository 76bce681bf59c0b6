//! What loading the settings had to repair, in the language spoken now (the window's
//! first notices).

use wedocod_core::config::ConfigWarning;

use super::Plain;

pub fn describe(warning: &ConfigWarning) -> String {
    match warning {
        ConfigWarning::Unreadable { path, reason } => {
            tr!("config-unreadable", path = path.display(), reason = reason)
        }
        ConfigWarning::Damaged { reason } => tr!("config-damaged", reason = reason),
        ConfigWarning::Setting { key } => tr!("config-setting", key = key),
        ConfigWarning::Profile { name, position } => match name {
            Some(name) => tr!("config-profile-named", name = name),
            None => tr!("config-profile-number", position = Plain(position)),
        },
        ConfigWarning::PageSize { given, used } => {
            tr!("config-page-size", given = given, used = used)
        }
        ConfigWarning::Language { given } => tr!("config-language", given = given),
        ConfigWarning::Window => tr!("config-window"),
        ConfigWarning::DeskStatuses { given } => tr!("config-desk-statuses", given = given),
        ConfigWarning::ProfileName { name, reason } => {
            tr!("config-profile-name", name = name, reason = reason)
        }
        ConfigWarning::ActiveGone { name } => tr!("config-active-gone", name = name),
        ConfigWarning::CopiedTo { path } => tr!("config-copied", path = path.display()),
        ConfigWarning::CopyFailed { path, reason } => {
            tr!("config-copy-failed", path = path.display(), reason = reason)
        }
    }
}
