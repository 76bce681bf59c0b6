//! The system's file dialogs, or word that none can open. `rfd` asks the XDG desktop portal
//! on Linux and falls back to `zenity`; on a desktop with neither (i3, Openbox, some XFCE
//! installs) it opens nothing and answers as if the merchant had closed it. So before
//! opening one, the console looks for either, and a screen that learns there is none offers
//! a typed path instead (with the same checks) and says why.

use std::path::{Path, PathBuf};

/// What the merchant chose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Chosen {
    Path(PathBuf),
    /// The dialog was closed without a choice.
    Closed,
    /// No dialog can open on this desktop.
    NoDialog,
}

/// The save dialog `dialog` describes, when one can open.
pub async fn save(dialog: rfd::AsyncFileDialog) -> Chosen {
    if !available() {
        return Chosen::NoDialog;
    }
    match dialog.save_file().await {
        Some(handle) => Chosen::Path(handle.path().to_path_buf()),
        None => Chosen::Closed,
    }
}

/// The open dialog `dialog` describes, when one can open.
pub async fn open(dialog: rfd::AsyncFileDialog) -> Chosen {
    if !available() {
        return Chosen::NoDialog;
    }
    match dialog.pick_file().await {
        Some(handle) => Chosen::Path(handle.path().to_path_buf()),
        None => Chosen::Closed,
    }
}

/// Whether a file dialog can open: always on Windows and macOS; elsewhere when `zenity` is
/// on the `PATH` or a desktop portal with a file chooser is installed for a session bus.
pub fn available() -> bool {
    if !cfg!(all(unix, not(target_os = "macos"))) {
        return true;
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    let data_dirs = std::env::var_os("XDG_DATA_DIRS")
        .filter(|dirs| !dirs.is_empty())
        .unwrap_or_else(|| "/usr/local/share:/usr/share".into());
    let session_bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some_and(|a| !a.is_empty());
    has_zenity(std::env::split_paths(&path))
        || (session_bus && has_portal_file_chooser(std::env::split_paths(&data_dirs)))
}

fn has_zenity(mut dirs: impl Iterator<Item = PathBuf>) -> bool {
    dirs.any(|dir| dir.join("zenity").is_file())
}

/// Whether a portal backend installed under one of `data_dirs` offers a file chooser
/// (`xdg-desktop-portal/portals/*.portal` naming the `FileChooser` interface).
fn has_portal_file_chooser(mut data_dirs: impl Iterator<Item = PathBuf>) -> bool {
    data_dirs.any(|dir| offers_file_chooser(&dir.join("xdg-desktop-portal/portals")))
}

fn offers_file_chooser(portals: &Path) -> bool {
    let Ok(entries) = std::fs::read_dir(portals) else {
        return false;
    };
    entries.flatten().any(|entry| {
        entry.path().extension().is_some_and(|ext| ext == "portal")
            && std::fs::read_to_string(entry.path())
                .is_ok_and(|text| text.contains("org.freedesktop.impl.portal.FileChooser"))
    })
}

/// Where a typed path starts: the merchant's Documents folder (else home), `name` in it.
pub fn typed_path_start(name: &str) -> PathBuf {
    let folder = std::env::var_os("HOME")
        .or_else(|| std::env::var_os("USERPROFILE"))
        .map(PathBuf::from)
        .map(|home| {
            let documents = home.join("Documents");
            if documents.is_dir() { documents } else { home }
        })
        .unwrap_or_default();
    folder.join(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zenity_or_a_portal_file_chooser_is_found_and_their_absence_too() {
        let dir = tempfile::tempdir().unwrap();
        let bin = dir.path().join("bin");
        let share = dir.path().join("share");
        std::fs::create_dir_all(&bin).unwrap();
        std::fs::create_dir_all(share.join("xdg-desktop-portal/portals")).unwrap();
        assert!(!has_zenity([bin.clone()].into_iter()));
        assert!(!has_portal_file_chooser([share.clone()].into_iter()));

        // A portal backend without a file chooser (a screenshot-only one) is not enough.
        let portals = share.join("xdg-desktop-portal/portals");
        std::fs::write(
            portals.join("shot.portal"),
            "[portal]\nInterfaces=org.freedesktop.impl.portal.Screenshot;\n",
        )
        .unwrap();
        assert!(!has_portal_file_chooser([share.clone()].into_iter()));
        std::fs::write(
            portals.join("gtk.portal"),
            "[portal]\nInterfaces=org.freedesktop.impl.portal.FileChooser;org.freedesktop.impl.portal.AppChooser;\n",
        )
        .unwrap();
        assert!(has_portal_file_chooser([share].into_iter()));

        std::fs::write(bin.join("zenity"), "#!/bin/sh\n").unwrap();
        assert!(has_zenity([bin].into_iter()));
    }
}
