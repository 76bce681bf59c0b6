//! Which keyring store this operating system gets. Kept apart so that the `cfg` choices
//! live in one place and the rest of the module is the same on every platform.

use std::sync::Arc;

use keyring_core::CredentialStore;

/// The Secret Service (GNOME Keyring, KWallet) over D-Bus. Opening it connects to the
/// session bus, so it fails when no Secret Service is running.
#[cfg(any(
    target_os = "linux",
    target_os = "freebsd",
    target_os = "openbsd",
    target_os = "netbsd",
    target_os = "dragonfly"
))]
pub(crate) fn open() -> keyring_core::Result<Arc<CredentialStore>> {
    let store: Arc<CredentialStore> = zbus_secret_service_keyring_store::Store::new()?;
    Ok(store)
}

/// The login keychain.
#[cfg(target_os = "macos")]
pub(crate) fn open() -> keyring_core::Result<Arc<CredentialStore>> {
    let store: Arc<CredentialStore> = apple_native_keyring_store::keychain::Store::new()?;
    Ok(store)
}

/// The Windows Credential Manager.
#[cfg(windows)]
pub(crate) fn open() -> keyring_core::Result<Arc<CredentialStore>> {
    let store: Arc<CredentialStore> = windows_native_keyring_store::Store::new()?;
    Ok(store)
}

/// Any other system: no keyring, so tokens stay in memory for the session.
#[cfg(not(any(
    target_os = "linux",
    target_os = "freebsd",
    target_os = "openbsd",
    target_os = "netbsd",
    target_os = "dragonfly",
    target_os = "macos",
    windows
)))]
pub(crate) fn open() -> keyring_core::Result<Arc<CredentialStore>> {
    Err(keyring_core::Error::NotSupportedByStore(
        "the console knows no keyring for this operating system".to_string(),
    ))
}
