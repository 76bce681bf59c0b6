//! The diagnostics bundle a merchant copies from Settings and pastes to support: the
//! version, the system, where settings and data live, and the end of the log. The log
//! never holds the token (the client and the engine never log it), and the settings file,
//! which holds none either, is left out: store names and addresses are the merchant's to
//! share.

use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

use crate::log_file;

/// How much of the log's end goes into the bundle: the last few hundred lines.
const LOG_TAIL_BYTES: u64 = 32 * 1024;

/// What the bundle describes besides the files.
#[derive(Debug, Clone)]
pub struct About<'a> {
    pub version: &'a str,
    /// The language the window speaks (`fr`).
    pub language: &'a str,
    pub config_dir: &'a Path,
    pub data_dir: &'a Path,
}

/// The bundle as plain text.
pub fn bundle(about: &About<'_>) -> String {
    let log = log_file::path_in(about.data_dir);
    let tail = match log_tail(&log) {
        Ok(tail) if tail.is_empty() => "(the log is empty)".to_string(),
        Ok(tail) => tail,
        Err(error) => format!("(the log cannot be read: {error})"),
    };
    format!(
        "WedoCOD Merchant Console {version}\n\
         System: {os} {arch} ({family}), language {language}\n\
         Settings folder: {config}\n\
         Data folder: {data}\n\
         Log: {log}\n\
         --- the end of the log ---\n\
         {tail}\n",
        version = about.version,
        os = std::env::consts::OS,
        arch = std::env::consts::ARCH,
        family = std::env::consts::FAMILY,
        language = about.language,
        config = about.config_dir.display(),
        data = about.data_dir.display(),
        log = log.display(),
    )
}

/// The last [`LOG_TAIL_BYTES`] of the log, from the first whole line.
fn log_tail(path: &Path) -> std::io::Result<String> {
    let mut file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(String::new()),
        Err(error) => return Err(error),
    };
    let length = file.metadata()?.len();
    let start = length.saturating_sub(LOG_TAIL_BYTES);
    file.seek(SeekFrom::Start(start))?;
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)?;
    let text = String::from_utf8_lossy(&bytes);
    let whole_lines = if start > 0 {
        text.split_once('\n').map_or("", |(_, rest)| rest)
    } else {
        &text
    };
    Ok(whole_lines.trim_end().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn about<'a>(dir: &'a Path) -> About<'a> {
        About {
            version: "1.2.3",
            language: "fr",
            config_dir: dir,
            data_dir: dir,
        }
    }

    #[test]
    fn the_bundle_names_the_version_the_folders_and_ends_with_the_log() {
        let dir = tempfile::tempdir().unwrap();
        let lines: Vec<String> = (0..5000)
            .map(|n| format!("2026-11-29T03:00:00Z INFO line {n}"))
            .collect();
        std::fs::write(log_file::path_in(dir.path()), lines.join("\n")).unwrap();
        let bundle = bundle(&about(dir.path()));
        assert!(bundle.starts_with("WedoCOD Merchant Console 1.2.3\n"));
        assert!(bundle.contains("language fr"));
        assert!(bundle.contains(&dir.path().display().to_string()));
        assert!(bundle.trim_end().ends_with("INFO line 4999"));
        assert!(!bundle.contains("INFO line 10\n"), "only the log's end");
        let (_, tail) = bundle.split_once("--- the end of the log ---\n").unwrap();
        assert!(
            tail.starts_with("2026-11-29T03:00:00Z INFO line"),
            "from a whole line"
        );
        assert!(tail.len() as u64 <= LOG_TAIL_BYTES);
    }

    #[test]
    fn a_missing_log_is_said_not_failed() {
        let dir = tempfile::tempdir().unwrap();
        assert!(bundle(&about(dir.path())).contains("(the log is empty)"));
    }
}
