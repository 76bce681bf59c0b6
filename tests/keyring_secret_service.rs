//! The real keyring: a profile's token goes through `TokenVault` into the Secret Service
//! (gnome-keyring in CI), comes back, is deleted, and never touches a file of the console.
//!
//! It needs a running, unlocked Secret Service, so it is ignored by default;
//! `scripts/keyring-tests` starts one in a throw-away D-Bus session and runs it. It is built
//! only where the console's keyring is the Secret Service (the platforms of
//! `zbus-secret-service-keyring-store` in Cargo.toml).
#![cfg(any(
    target_os = "linux",
    target_os = "freebsd",
    target_os = "openbsd",
    target_os = "netbsd",
    target_os = "dragonfly"
))]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{SystemTime, UNIX_EPOCH};

use secrecy::{ExposeSecret, SecretString};
use wedocod_console::api::{DEFAULT_BASE_URL, Dialect};
use wedocod_console::config::{self, Config, StoreProfile};
use wedocod_console::paths;
use wedocod_console::secrets::{self, Persistence, TokenVault};

#[test]
#[ignore = "needs a Secret Service: run by scripts/keyring-tests"]
fn a_profile_token_lives_in_the_secret_service_and_in_no_file() {
    let config_dir = tempfile::tempdir().expect("a temporary config directory");
    let data_dir = tempfile::tempdir().expect("a temporary data directory");
    // SAFETY: this binary's only test sets the variables before it starts any thread (the
    // runtime is built below), so nothing reads the environment concurrently.
    unsafe {
        std::env::set_var(paths::CONFIG_DIR_ENV, config_dir.path());
        std::env::set_var(paths::DATA_DIR_ENV, data_dir.path());
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    runtime.block_on(save_read_and_delete_a_token(&[
        config_dir.path().to_path_buf(),
        data_dir.path().to_path_buf(),
    ]));
}

async fn save_read_and_delete_a_token(console_dirs: &[PathBuf]) {
    let unique = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("a clock after 1970")
        .as_nanos();
    let profile_name = format!("Keyring test {unique}");
    let token = SecretString::from(format!("wdc_test_{unique}_keyring-only"));

    let vault = TokenVault::open().await;
    assert_eq!(
        vault.persistence(),
        Persistence::Keyring,
        "the Secret Service could not be opened"
    );

    let mut profile = StoreProfile::new(&profile_name, DEFAULT_BASE_URL, "", Dialect::V2);
    profile.remember_token_hint(&token);
    let mut settings = Config::default();
    settings.add_profile(profile).expect("a new profile name");
    settings.save().expect("the config is saved");
    assert!(config::config_file().starts_with(&console_dirs[0]));

    assert_eq!(
        vault.save(&profile_name, &token).await,
        Ok(Persistence::Keyring)
    );
    let reopened = TokenVault::open().await;
    let loaded = reopened.load(&profile_name).await.expect("a keyring read");
    assert_eq!(
        loaded.as_ref().map(|token| token.expose_secret()),
        Some(token.expose_secret())
    );
    assert_eq!(
        secret_tool_lookup(&profile_name).as_deref(),
        Some(token.expose_secret()),
        "another Secret Service client finds the token under service {} and the profile's name",
        secrets::SERVICE
    );

    let reloaded = Config::load();
    assert!(reloaded.warnings.is_empty(), "{:?}", reloaded.warnings);
    assert_eq!(reloaded.config, settings);
    assert_no_file_contains(console_dirs, token.expose_secret());

    vault
        .delete(&profile_name)
        .await
        .expect("the token is deleted");
    assert!(
        secrets::load(&profile_name)
            .await
            .expect("a keyring read")
            .is_none(),
        "the token is gone from the keyring"
    );
    assert_eq!(secret_tool_lookup(&profile_name), None);
    vault
        .delete(&profile_name)
        .await
        .expect("deleting a missing token is fine");
    assert_no_file_contains(console_dirs, token.expose_secret());
}

/// What `secret-tool` (libsecret, a client independent of ours) finds for the profile.
fn secret_tool_lookup(profile_name: &str) -> Option<String> {
    let output = Command::new("secret-tool")
        .args([
            "lookup",
            "service",
            secrets::SERVICE,
            "username",
            profile_name,
        ])
        .output()
        .expect("secret-tool runs (scripts/keyring-tests installs libsecret-tools)");
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}

fn assert_no_file_contains(dirs: &[PathBuf], needle: &str) {
    let mut files = Vec::new();
    for dir in dirs {
        collect_files(dir, &mut files);
    }
    assert!(
        files
            .iter()
            .any(|file| file.ends_with(config::CONFIG_FILE_NAME)),
        "the walk must at least see the config file: {files:?}"
    );
    for file in files {
        let bytes = fs::read(&file).expect("a readable file");
        let found = bytes
            .windows(needle.len())
            .any(|window| window == needle.as_bytes());
        assert!(!found, "{} contains the token", file.display());
    }
}

fn collect_files(dir: &Path, files: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("a readable directory") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            collect_files(&path, files);
        } else {
            files.push(path);
        }
    }
}
