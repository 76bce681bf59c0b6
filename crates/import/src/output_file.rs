//! Where an exported file goes without destroying one the merchant already has. A file is
//! created only when no file of that name exists (`create_new`, so two exports racing
//! cannot both win), unless overwriting was asked for; a file the console names itself,
//! next to its source, takes the first free name instead. Every file is created
//! owner-only (0600 on Unix), like journals and exports: a corrected file or a report
//! holds the same customers' names and phones as the journal.

use std::fs::{File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};

/// How many numbered names are tried next to a source before giving up.
const MAX_SIBLINGS: u32 = 999;

/// Options that create a file readable and writable by its owner only.
/// On Windows a file in the user's profile folders already takes the profile's owner-only
/// access list.
pub fn private_file_options() -> OpenOptions {
    #[cfg_attr(not(unix), expect(unused_mut, reason = "the mode is set on Unix only"))]
    let mut options = OpenOptions::new();
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options
}

/// Creates `path` for writing, readable by its owner only; an existing file is an
/// `AlreadyExists` error unless `overwrite` (it then keeps the access it had: the
/// merchant may have shared it on purpose).
pub fn create(path: &Path, overwrite: bool) -> io::Result<File> {
    let mut options = private_file_options();
    options.write(true);
    if overwrite {
        options.create(true).truncate(true);
    } else {
        options.create_new(true);
    }
    options.open(path)
}

/// Creates the first free name among `orders-corrected.csv`, `orders-corrected-2.csv`…
/// beside `source` (`orders.csv`, `suffix` = `corrected`), and says which it took.
pub fn create_beside(source: &Path, suffix: &str) -> io::Result<(PathBuf, File)> {
    create_beside_as(source, suffix, "csv")
}

/// [`create_beside`] with another extension (`xlsx`).
pub fn create_beside_as(
    source: &Path,
    suffix: &str,
    extension: &str,
) -> io::Result<(PathBuf, File)> {
    let stem = source
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("file");
    for number in 1..=MAX_SIBLINGS {
        let name = match number {
            1 => format!("{stem}-{suffix}.{extension}"),
            n => format!("{stem}-{suffix}-{n}.{extension}"),
        };
        let path = source.with_file_name(name);
        match create(&path, false) {
            Ok(file) => return Ok((path, file)),
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(error) => return Err(error),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        format!("{MAX_SIBLINGS} files named {stem}-{suffix}…{extension} already exist"),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_existing_file_is_kept_unless_overwriting_was_asked() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.csv");
        std::fs::write(&path, "mine").unwrap();
        let error = create(&path, false).unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "mine");
        create(&path, true).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "");
    }

    #[cfg(unix)]
    #[test]
    fn corrected_files_and_reports_are_the_owners_alone() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let named = dir.path().join("fixed.csv");
        create(&named, false).unwrap();
        let (beside, _) =
            create_beside_as(&dir.path().join("orders.csv"), "report", "xlsx").unwrap();
        for path in [named, beside] {
            let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600, "{}", path.display());
        }
    }

    #[test]
    fn files_beside_the_source_take_the_first_free_name() {
        let dir = tempfile::tempdir().unwrap();
        let source = dir.path().join("orders.csv");
        let (first, _) = create_beside(&source, "corrected").unwrap();
        let (second, _) = create_beside(&source, "corrected").unwrap();
        assert_eq!(first, dir.path().join("orders-corrected.csv"));
        assert_eq!(second, dir.path().join("orders-corrected-2.csv"));
    }
}
