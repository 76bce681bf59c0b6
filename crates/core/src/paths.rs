//! Where the console keeps its files. Tests and portable installs point both folders
//! elsewhere with `WEDOCOD_CONSOLE_CONFIG_DIR` / `WEDOCOD_CONSOLE_DATA_DIR`, so nothing a
//! test writes ever lands in the merchant's real profile.

use std::path::PathBuf;

use directories::ProjectDirs;

/// Overrides the configuration folder (remembered column mappings, profiles).
pub const CONFIG_DIR_ENV: &str = "WEDOCOD_CONSOLE_CONFIG_DIR";
/// Overrides the data folder (journals, caches).
pub const DATA_DIR_ENV: &str = "WEDOCOD_CONSOLE_DATA_DIR";

/// The folder for small settings files the merchant may want to keep.
pub fn config_dir() -> PathBuf {
    from_env(CONFIG_DIR_ENV).unwrap_or_else(|| {
        project_dirs()
            .map(|dirs| dirs.config_dir().to_path_buf())
            .unwrap_or_else(|| fallback_dir("config"))
    })
}

/// The folder for larger files the console rebuilds or appends to.
pub fn data_dir() -> PathBuf {
    from_env(DATA_DIR_ENV).unwrap_or_else(|| {
        project_dirs()
            .map(|dirs| dirs.data_dir().to_path_buf())
            .unwrap_or_else(|| fallback_dir("data"))
    })
}

fn from_env(name: &str) -> Option<PathBuf> {
    std::env::var_os(name)
        .filter(|value| !value.is_empty())
        .map(PathBuf::from)
}

fn project_dirs() -> Option<ProjectDirs> {
    ProjectDirs::from("com", "WedoCOD", "WedoCOD Console")
}

/// A system without a home folder (a bare container) still gets a usable place.
fn fallback_dir(kind: &str) -> PathBuf {
    std::env::temp_dir().join("wedocod-console").join(kind)
}
