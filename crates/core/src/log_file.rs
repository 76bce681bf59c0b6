//! The window's log file in the data folder: `console.log`, and `console.log.1` for the
//! one before. When the file passes [`MAX_BYTES`] it becomes `.1` (replacing the older
//! one) and a new one starts, so the two never take more than a few megabytes. Nothing
//! logged carries the token: the client and the engine never log it.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::files::LockFile;

/// The size at which the log starts over (the previous one kept as `.1`).
pub const MAX_BYTES: u64 = 2 * 1024 * 1024;

/// The log's name in the data folder.
pub const FILE_NAME: &str = "console.log";

/// The log file of the data folder `dir`.
pub fn path_in(dir: &Path) -> PathBuf {
    dir.join(FILE_NAME)
}

/// An appending writer that starts over past [`MAX_BYTES`]. One window at a time writes it
/// (a lock beside it): a second window would count the size wrong and rename the other's
/// file under it, so it logs to stderr only.
#[derive(Debug)]
pub struct LogFile {
    path: PathBuf,
    file: File,
    written: u64,
    _only_writer: LockFile,
}

impl LogFile {
    /// Opens (or creates) the log of the data folder `dir`, owner-only.
    pub fn open(dir: &Path) -> io::Result<LogFile> {
        crate::files::create_private_dir(dir)?;
        let only_writer =
            LockFile::try_acquire(&dir.join(".console.log.lock")).map_err(io::Error::other)?;
        let path = path_in(dir);
        let (file, written) = Self::append(&path)?;
        let mut log = LogFile {
            path,
            file,
            written,
            _only_writer: only_writer,
        };
        if log.written >= MAX_BYTES {
            log.start_over()?;
        }
        Ok(log)
    }

    fn append(path: &Path) -> io::Result<(File, u64)> {
        let file = crate::files::private_file_options()
            .create(true)
            .append(true)
            .open(path)?;
        let written = file.metadata()?.len();
        Ok((file, written))
    }

    /// The current file becomes `.1`; a new one starts.
    fn start_over(&mut self) -> io::Result<()> {
        let mut older = self.path.clone().into_os_string();
        older.push(".1");
        fs::rename(&self.path, &older)?;
        let (file, written) = Self::append(&self.path)?;
        self.file = file;
        self.written = written;
        Ok(())
    }
}

impl Write for LogFile {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        if self.written >= MAX_BYTES {
            // A log that cannot start over keeps growing rather than losing lines.
            let _ = self.start_over();
        }
        let count = self.file.write(bytes)?;
        self.written += count as u64;
        Ok(count)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_log_starts_over_past_its_size_keeping_the_previous_one() {
        let dir = tempfile::tempdir().unwrap();
        let mut log = LogFile::open(dir.path()).unwrap();
        let line = vec![b'x'; 1024 * 1024];
        for _ in 0..5 {
            log.write_all(&line).unwrap();
        }
        let current = fs::metadata(path_in(dir.path())).unwrap().len();
        let previous = fs::metadata(dir.path().join("console.log.1"))
            .unwrap()
            .len();
        assert!(current <= MAX_BYTES && previous <= MAX_BYTES + 1024 * 1024);
        let logs = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .filter(|entry| {
                entry
                    .file_name()
                    .to_string_lossy()
                    .starts_with("console.log")
            })
            .count();
        assert_eq!(logs, 2);
    }

    #[test]
    fn a_second_window_does_not_write_the_log() {
        let dir = tempfile::tempdir().unwrap();
        let _first = LogFile::open(dir.path()).unwrap();
        assert!(LogFile::open(dir.path()).is_err());
    }
}
