//! What can go wrong with the keyring, in words a merchant understands.
//!
//! keyring-core's own error carries platform details and, for a few variants, the raw bytes
//! of the secret (`BadEncoding`, `BadDataFormat`). This type keeps only the kind of failure
//! and a short, token-free description, so it can be shown, logged and cloned into UI
//! messages without any risk of printing the token.

use std::time::Duration;

/// Why a keyring call did not do what was asked. Never contains the token.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyringError {
    /// This computer offers no keyring the console can use (no Secret Service running,
    /// no D-Bus session, or an operating system without a supported store).
    #[error("this computer has no keyring the console can use ({detail})")]
    Unavailable { detail: String },
    /// The keyring exists but is locked, or access to it was refused (a dismissed prompt).
    #[error(
        "the keyring is locked or refused access: unlock it or allow the console, then try again ({detail})"
    )]
    Locked { detail: String },
    /// The keyring did not answer in time; a locked keyring waiting for its password does this.
    #[error(
        "the keyring did not answer within {} seconds: it may be waiting for you to unlock it",
        .after.as_secs()
    )]
    TimedOut { after: Duration },
    /// The keyring answered with a failure of its own.
    #[error("the keyring failed: {detail}")]
    Failed { detail: String },
}

impl KeyringError {
    /// Classifies a failure to open the platform's store. Any failure at this point means
    /// the console cannot use a keyring on this computer, except a refusal, which the
    /// merchant can fix by unlocking or allowing access.
    pub(crate) fn from_store_setup(error: keyring_core::Error) -> KeyringError {
        match error {
            keyring_core::Error::NoStorageAccess(cause) => KeyringError::Locked {
                detail: cause.to_string(),
            },
            keyring_core::Error::PlatformFailure(cause) => KeyringError::Unavailable {
                detail: cause.to_string(),
            },
            other => KeyringError::Unavailable {
                detail: describe(&other),
            },
        }
    }

    /// Classifies a failure of a save, load or delete. `NoEntry` is not a failure for
    /// loads and deletes; callers handle it before coming here.
    pub(crate) fn from_call(error: keyring_core::Error) -> KeyringError {
        match error {
            keyring_core::Error::NoStorageAccess(cause) => KeyringError::Locked {
                detail: cause.to_string(),
            },
            keyring_core::Error::NoDefaultStore => KeyringError::Unavailable {
                detail: "the keyring was never opened".to_string(),
            },
            other => KeyringError::Failed {
                detail: describe(&other),
            },
        }
    }
}

/// A token-free description of a keyring-core error: the variants that carry secret bytes
/// or credential objects are described without them.
fn describe(error: &keyring_core::Error) -> String {
    use keyring_core::Error;
    match error {
        Error::PlatformFailure(cause) | Error::NoStorageAccess(cause) => cause.to_string(),
        Error::NoEntry => "no token is saved for this profile".to_string(),
        Error::BadEncoding(_) => "the saved token is not valid text".to_string(),
        Error::BadDataFormat(..) => "the saved token is damaged".to_string(),
        Error::BadStoreFormat(reason) => format!("the keyring's data is damaged: {reason}"),
        Error::TooLong(attribute, limit) => {
            format!("the {attribute} is longer than this keyring accepts ({limit} characters)")
        }
        Error::Invalid(attribute, reason) => format!("the {attribute} was refused: {reason}"),
        Error::Ambiguous(matches) => format!(
            "{} saved tokens match this profile; remove the extra ones with the system's keyring manager",
            matches.len()
        ),
        Error::NoDefaultStore => "the keyring was never opened".to_string(),
        Error::NotSupportedByStore(reason) => format!("not supported by this keyring: {reason}"),
        _ => "an error this version of the console does not know".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn platform(text: &str) -> keyring_core::error::PlatformError {
        Box::new(std::io::Error::other(text.to_string()))
    }

    #[test]
    fn refusals_are_told_apart_from_missing_keyrings_and_failures() {
        assert!(matches!(
            KeyringError::from_call(keyring_core::Error::NoStorageAccess(platform("locked"))),
            KeyringError::Locked { .. }
        ));
        assert!(matches!(
            KeyringError::from_call(keyring_core::Error::NoDefaultStore),
            KeyringError::Unavailable { .. }
        ));
        assert!(matches!(
            KeyringError::from_call(keyring_core::Error::PlatformFailure(platform("boom"))),
            KeyringError::Failed { .. }
        ));
        assert!(matches!(
            KeyringError::from_store_setup(keyring_core::Error::PlatformFailure(platform(
                "org.freedesktop.DBus.Error.ServiceUnknown"
            ))),
            KeyringError::Unavailable { .. }
        ));
    }

    #[test]
    fn secret_bytes_in_keyring_errors_never_reach_the_message() {
        let secret = b"tok-very-secret-0001".to_vec();
        for error in [
            keyring_core::Error::BadEncoding(secret.clone()),
            keyring_core::Error::BadDataFormat(secret.clone(), platform("bad padding")),
        ] {
            let ours = KeyringError::from_call(error);
            for shown in [ours.to_string(), format!("{ours:?}")] {
                assert!(!shown.contains("very-secret"), "{shown}");
                assert!(!shown.contains("116, 111, 107"), "{shown}");
            }
        }
    }
}
