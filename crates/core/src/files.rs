//! Files that must survive a crash and stay the merchant's own: owner-only folders and
//! files (journals hold customers' names and phones), atomic replacement, a folder
//! synced after a file is created or renamed in it (else a power cut can forget the
//! new name even though the data was synced), and advisory locks that say "another
//! window or command is using this".

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Whether `name` is `prefix` followed by 1 to 64 ASCII letters, digits or `-`: the
/// shape of the ids this console makes, checked before one read from a config file or a
/// command line is joined to a path (no `..`, no separator).
pub fn is_console_id(name: &str, prefix: &str) -> bool {
    name.strip_prefix(prefix).is_some_and(|rest| {
        (1..=64).contains(&rest.len())
            && rest.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    })
}

/// Creates `dir` and its parents; `dir` itself is readable by its owner only.
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// Owner-only file creation is the importer's too (its corrected files and reports).
pub use wedocod_import::output_file::private_file_options;

/// Makes a new or renamed entry of `dir` durable. Windows offers no handle on a folder
/// to sync (NTFS journals its metadata itself), so there it does nothing.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    File::open(dir)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// The bytes the files under `dir` take, counted through every sub-folder (what cannot be
/// read counts as nothing: the figure is for the merchant's information).
pub fn folder_size(dir: &Path) -> u64 {
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    entries
        .flatten()
        .map(|entry| match entry.file_type() {
            Ok(kind) if kind.is_dir() => folder_size(&entry.path()),
            Ok(_) => entry.metadata().map_or(0, |meta| meta.len()),
            Err(_) => 0,
        })
        .sum()
}

/// Replaces `path` with `bytes` atomically: written to a temporary file next to it,
/// synced, then renamed over it, so a crash or a full disk leaves the previous file
/// whole. Creates the folder (owner-only when new); the file is owner-only.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let directory = path.parent().unwrap_or_else(|| Path::new("."));
    create_private_dir(directory)?;
    let file_name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temporary = directory.join(format!(".{file_name}.{}.tmp", std::process::id()));
    let written = private_file_options()
        .write(true)
        .create(true)
        .truncate(true)
        .open(&temporary)
        .and_then(|mut file| {
            file.write_all(bytes)?;
            file.sync_all()
        });
    let renamed = written.and_then(|()| fs::rename(&temporary, path));
    if renamed.is_err() {
        // Best effort: the temporary file is garbage either way, the rename error matters.
        let _ = fs::remove_file(&temporary);
        return renamed;
    }
    sync_dir(directory)
}

/// An exclusive advisory lock on a small file of its own, held until dropped (or until
/// the process dies: the operating system releases it, so a crash never leaves a stale
/// lock). The lock is on a separate file because Windows' locks are mandatory and would
/// stop other windows from even reading a locked journal.
#[derive(Debug)]
pub struct LockFile {
    _file: File,
}

/// Why a lock could not be taken.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error("{} is in use by another window or command", .0.display())]
    Busy(PathBuf),
    #[error("cannot lock {path}: {source}")]
    Io { path: PathBuf, source: io::Error },
}

impl LockFile {
    /// Takes the lock at `path` now, or says it is busy.
    pub fn try_acquire(path: &Path) -> Result<LockFile, LockError> {
        let file = LockFile::open(path)?;
        match file.try_lock() {
            Ok(()) => Ok(LockFile { _file: file }),
            Err(fs::TryLockError::WouldBlock) => Err(LockError::Busy(path.to_path_buf())),
            Err(fs::TryLockError::Error(source)) => Err(LockError::Io {
                path: path.to_path_buf(),
                source,
            }),
        }
    }

    /// Waits for the lock at `path`: for short sections that every process passes
    /// through quickly (checking and registering an upload).
    pub fn acquire(path: &Path) -> Result<LockFile, LockError> {
        let file = LockFile::open(path)?;
        file.lock().map_err(|source| LockError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Ok(LockFile { _file: file })
    }

    fn open(path: &Path) -> Result<File, LockError> {
        private_file_options()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(path)
            .map_err(|source| LockError::Io {
                path: path.to_path_buf(),
                source,
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lock_is_exclusive_until_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("up-1.lock");
        let held = LockFile::try_acquire(&path).unwrap();
        assert!(matches!(
            LockFile::try_acquire(&path),
            Err(LockError::Busy(_))
        ));
        drop(held);
        assert!(LockFile::try_acquire(&path).is_ok());
    }

    #[cfg(unix)]
    #[test]
    fn private_folders_and_files_are_owner_only() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("a/b");
        create_private_dir(&folder).unwrap();
        let mode = fs::metadata(&folder).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o700);
        let file = folder.join("f");
        write_atomically(&file, b"x").unwrap();
        let mode = fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        assert_eq!(fs::read(&file).unwrap(), b"x");
    }
}
