//! The token's home: the operating system's keyring (Secret Service, macOS Keychain,
//! Windows Credential Manager), under the service [`SERVICE`] and the profile's name.
//!
//! Keyring calls block, and a locked Secret Service can block for ever while it waits for
//! a password, so every call runs on tokio's blocking pool under [`CALL_TIMEOUT`]: the UI
//! thread never waits on the keyring, and a stuck keyring becomes an error the merchant
//! can read. Tokens travel as [`SecretString`] (redacted `Debug`) and are never logged.
//!
//! [`TokenVault`] is what the application uses: it adds the session-only fallback for
//! computers without a keyring.

mod error;
mod platform_store;
mod vault;

use std::time::Duration;

use keyring_core::Entry;
use secrecy::{ExposeSecret, SecretString};

pub use error::KeyringError;
pub use vault::{Persistence, TokenVault};

/// The keyring service every token is saved under; the entry's user is the profile name.
pub const SERVICE: &str = "wedocod-console";

/// How long one keyring call may take. Long enough for a merchant to type the keyring's
/// password into an unlock prompt, short enough that a dead keyring is reported.
pub const CALL_TIMEOUT: Duration = Duration::from_secs(30);

/// Opens this platform's keyring and makes it the default store, once per process: if a
/// store is already set (an earlier call, or a test's mock store), it is kept.
///
/// The failure is returned rather than swallowed because every later call would otherwise
/// only say that no store was set, hiding the real reason (no D-Bus session, no Secret
/// Service, ...).
pub async fn init() -> Result<(), KeyringError> {
    off_the_async_threads(CALL_TIMEOUT, || {
        if keyring_core::get_default_store().is_none() {
            let store = platform_store::open().map_err(KeyringError::from_store_setup)?;
            keyring_core::set_default_store(store);
        }
        Ok(())
    })
    .await
}

/// Saves (or replaces) the token of `profile`.
pub async fn save(profile: &str, token: &SecretString) -> Result<(), KeyringError> {
    let profile = profile.to_string();
    let token = token.clone();
    off_the_async_threads(CALL_TIMEOUT, move || {
        entry(&profile)?
            .set_password(token.expose_secret())
            .map_err(KeyringError::from_call)
    })
    .await
}

/// The token saved for `profile`, or `None` when none is saved.
pub async fn load(profile: &str) -> Result<Option<SecretString>, KeyringError> {
    let profile = profile.to_string();
    off_the_async_threads(CALL_TIMEOUT, move || {
        match entry(&profile)?.get_password() {
            Ok(token) => Ok(Some(SecretString::from(token))),
            Err(keyring_core::Error::NoEntry) => Ok(None),
            Err(other) => Err(KeyringError::from_call(other)),
        }
    })
    .await
}

/// Deletes the token of `profile`; deleting a token that is not there succeeds, so a
/// profile can always be removed.
pub async fn delete(profile: &str) -> Result<(), KeyringError> {
    let profile = profile.to_string();
    off_the_async_threads(CALL_TIMEOUT, move || {
        match entry(&profile)?.delete_credential() {
            Ok(()) | Err(keyring_core::Error::NoEntry) => Ok(()),
            Err(other) => Err(KeyringError::from_call(other)),
        }
    })
    .await
}

fn entry(profile: &str) -> Result<Entry, KeyringError> {
    Entry::new(SERVICE, profile).map_err(KeyringError::from_call)
}

/// Runs a blocking keyring call on tokio's blocking pool and gives up after `timeout`.
///
/// A call that timed out keeps its blocking thread until the keyring answers (a thread
/// cannot be cancelled); the caller is free at once.
async fn off_the_async_threads<T, Call>(timeout: Duration, call: Call) -> Result<T, KeyringError>
where
    T: Send + 'static,
    Call: FnOnce() -> Result<T, KeyringError> + Send + 'static,
{
    match tokio::time::timeout(timeout, tokio::task::spawn_blocking(call)).await {
        Ok(Ok(outcome)) => outcome,
        Ok(Err(_panicked_or_cancelled)) => Err(KeyringError::Failed {
            detail: "the keyring call stopped unexpectedly".to_string(),
        }),
        Err(_elapsed) => Err(KeyringError::TimedOut { after: timeout }),
    }
}

/// Unit tests share one process-wide default store, so they all use the same mock store,
/// set once, and each test uses profile names no other test uses (the mock returns the
/// same credential for the same service and user).
#[cfg(test)]
pub(crate) mod test_support {
    use std::sync::Once;

    use keyring_core::mock;

    pub(crate) fn use_mock_store() {
        static MOCK: Once = Once::new();
        MOCK.call_once(|| match mock::Store::new() {
            Ok(store) => keyring_core::set_default_store(store),
            Err(error) => panic!("the mock keyring store could not be built: {error}"),
        });
    }

    /// Makes the next keyring call on `profile` fail with `error`.
    pub(crate) fn fail_next_call(profile: &str, error: keyring_core::Error) {
        use_mock_store();
        let entry = keyring_core::Entry::new(super::SERVICE, profile).expect("mock entry");
        let cred: &mock::Cred = entry.as_any().downcast_ref().expect("a mock credential");
        cred.set_error(error);
    }
}

#[cfg(test)]
mod tests {
    use super::test_support::{fail_next_call, use_mock_store};
    use super::*;

    fn platform(text: &str) -> keyring_core::error::PlatformError {
        Box::new(std::io::Error::other(text.to_string()))
    }

    #[tokio::test]
    async fn a_saved_token_is_loaded_back_and_gone_after_delete() {
        use_mock_store();
        let profile = "secrets-round-trip";
        assert!(load(profile).await.unwrap().is_none());
        save(profile, &SecretString::from("tok-round-trip-1234"))
            .await
            .unwrap();
        let loaded = load(profile).await.unwrap().unwrap();
        assert_eq!(loaded.expose_secret(), "tok-round-trip-1234");
        delete(profile).await.unwrap();
        assert!(load(profile).await.unwrap().is_none());
    }

    #[tokio::test]
    async fn saving_again_replaces_the_token() {
        use_mock_store();
        let profile = "secrets-replace";
        save(profile, &SecretString::from("first")).await.unwrap();
        save(profile, &SecretString::from("second")).await.unwrap();
        let loaded = load(profile).await.unwrap().unwrap();
        assert_eq!(loaded.expose_secret(), "second");
    }

    #[tokio::test]
    async fn deleting_a_missing_token_is_fine() {
        use_mock_store();
        delete("secrets-never-saved").await.unwrap();
    }

    #[tokio::test]
    async fn init_keeps_a_store_already_set() {
        use_mock_store();
        init().await.unwrap();
        save("secrets-after-init", &SecretString::from("kept"))
            .await
            .unwrap();
        assert!(load("secrets-after-init").await.unwrap().is_some());
    }

    #[tokio::test]
    async fn a_locked_keyring_is_reported_as_locked() {
        let profile = "secrets-locked";
        fail_next_call(
            profile,
            keyring_core::Error::NoStorageAccess(platform("prompt dismissed")),
        );
        let error = load(profile).await.unwrap_err();
        assert!(matches!(error, KeyringError::Locked { .. }), "{error:?}");
        assert!(error.to_string().contains("locked"));
    }

    #[tokio::test]
    async fn a_platform_failure_on_delete_is_reported() {
        let profile = "secrets-delete-fails";
        fail_next_call(
            profile,
            keyring_core::Error::PlatformFailure(platform("D-Bus went away")),
        );
        let error = delete(profile).await.unwrap_err();
        assert_eq!(
            error,
            KeyringError::Failed {
                detail: "D-Bus went away".to_string()
            }
        );
    }

    #[tokio::test]
    async fn a_keyring_that_never_answers_times_out() {
        let outcome = off_the_async_threads(Duration::from_millis(20), || {
            std::thread::sleep(Duration::from_millis(300));
            Ok(())
        })
        .await;
        assert_eq!(
            outcome,
            Err(KeyringError::TimedOut {
                after: Duration::from_millis(20)
            })
        );
    }

    #[tokio::test]
    async fn a_keyring_call_that_panics_is_a_failure_not_a_crash() {
        let outcome: Result<(), KeyringError> =
            off_the_async_threads(CALL_TIMEOUT, || panic!("store bug")).await;
        assert!(matches!(outcome, Err(KeyringError::Failed { .. })));
    }
}
