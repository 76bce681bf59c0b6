//! The real keyring: a profile's token goes through `TokenVault` into the OS keyring, comes
//! back, is deleted, and never touches a file of the console; another client of that
//! keyring (not the console's keyring crate) finds it under the console's service name.
//!
//! It needs a running, unlocked keyring, so it is ignored by default. `scripts/keyring-tests`
//! runs it against the Secret Service (gnome-keyring in a throw-away D-Bus session);
//! `scripts/check-windows` runs the Windows build of it under Wine, whose Credential Manager
//! is the one the Windows console uses. Built where the console's keyring is one of these.
#![cfg(any(
    target_os = "linux",
    target_os = "freebsd",
    target_os = "openbsd",
    target_os = "netbsd",
    target_os = "dragonfly",
    windows
))]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{SystemTime, UNIX_EPOCH};

use secrecy::{ExposeSecret, SecretString};
use wedocod_api::{DEFAULT_BASE_URL, Dialect};
use wedocod_core::config::{self, Config, StoreProfile};
use wedocod_core::paths;
use wedocod_core::secrets::{self, Persistence, TokenVault};

#[test]
#[ignore = "needs an unlocked OS keyring: run by scripts/keyring-tests and scripts/check-windows"]
fn a_profile_token_lives_in_the_os_keyring_and_in_no_file() {
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
        "the OS keyring could not be opened"
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
        another_client_lookup(&profile_name).as_deref(),
        Some(token.expose_secret()),
        "another client of the keyring finds the token under service {} and the profile's name",
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
    assert_eq!(another_client_lookup(&profile_name), None);
    vault
        .delete(&profile_name)
        .await
        .expect("deleting a missing token is fine");
    assert_no_file_contains(console_dirs, token.expose_secret());
}

/// What `secret-tool` (libsecret, a client independent of ours) finds for the profile.
#[cfg(not(windows))]
fn another_client_lookup(profile_name: &str) -> Option<String> {
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

/// What the Credential Manager itself (`CredReadW`) holds for the profile: a generic
/// credential named `<profile>.<service>`, its blob the token in UTF-16, as the keyring
/// crates write passwords on Windows.
#[cfg(windows)]
fn another_client_lookup(profile_name: &str) -> Option<String> {
    use windows_sys::Win32::Security::Credentials::{
        CRED_TYPE_GENERIC, CREDENTIALW, CredFree, CredReadW,
    };
    let target: Vec<u16> = format!("{profile_name}.{}", secrets::SERVICE)
        .encode_utf16()
        .chain(Some(0))
        .collect();
    let mut credential: *mut CREDENTIALW = std::ptr::null_mut();
    // SAFETY: `target` is a NUL-terminated UTF-16 string that outlives the call; on success
    // `credential` points at a CREDENTIALW whose blob has `CredentialBlobSize` bytes, read
    // once and freed with CredFree.
    unsafe {
        if CredReadW(target.as_ptr(), CRED_TYPE_GENERIC, 0, &mut credential) == 0 {
            return None;
        }
        let blob = std::slice::from_raw_parts(
            (*credential).CredentialBlob,
            (*credential).CredentialBlobSize as usize,
        );
        let units: Vec<u16> = blob
            .chunks_exact(2)
            .map(|pair| u16::from_le_bytes([pair[0], pair[1]]))
            .collect();
        let secret = String::from_utf16_lossy(&units);
        CredFree(credential.cast());
        Some(secret)
    }
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
