//! [`TokenVault`]: the application's one door to tokens. It uses the keyring when there is
//! one, and otherwise keeps tokens in memory for this session only and says so, because
//! writing a token to a file behind the merchant's back is never acceptable.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use secrecy::SecretString;

use super::KeyringError;

/// Where saved tokens go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Persistence {
    /// In the operating system's keyring: they survive a restart.
    Keyring,
    /// In memory only, forgotten when the console closes; `reason` says why, for the UI.
    SessionOnly { reason: String },
}

/// Saves, loads and deletes tokens by profile name. Cheap to clone: clones share the same
/// state, so a clone can be moved into each UI task.
#[derive(Debug, Clone)]
pub struct TokenVault {
    state: Arc<Mutex<VaultState>>,
}

#[derive(Debug)]
struct VaultState {
    persistence: Persistence,
    /// Tokens that are not in the keyring: all of them when session-only, and those the
    /// merchant chose to keep for the session after the keyring refused them.
    session_tokens: HashMap<String, SecretString>,
}

impl TokenVault {
    /// Opens the keyring; when there is none, the vault is session-only with the reason.
    pub async fn open() -> TokenVault {
        match super::init().await {
            Ok(()) => TokenVault::with(Persistence::Keyring),
            Err(error) => {
                tracing::warn!("no keyring, tokens are kept for this session only: {error}");
                TokenVault::session_only(error.to_string())
            }
        }
    }

    /// A vault that never touches the keyring, for sessions whose tokens must not outlive
    /// them (the embedded demo sandbox) or when the merchant declines the keyring.
    pub fn session_only(reason: impl Into<String>) -> TokenVault {
        TokenVault::with(Persistence::SessionOnly {
            reason: reason.into(),
        })
    }

    fn with(persistence: Persistence) -> TokenVault {
        TokenVault {
            state: Arc::new(Mutex::new(VaultState {
                persistence,
                session_tokens: HashMap::new(),
            })),
        }
    }

    /// Where tokens saved now go.
    pub fn persistence(&self) -> Persistence {
        self.state().persistence.clone()
    }

    /// Saves the token of `profile` and tells where it went. When the keyring turns out to
    /// be missing, the vault switches to session-only and keeps the token in memory; a
    /// locked keyring, a timeout or a failure is returned, so the merchant can unlock and
    /// retry, or choose [`TokenVault::keep_for_session`].
    pub async fn save(
        &self,
        profile: &str,
        token: &SecretString,
    ) -> Result<Persistence, KeyringError> {
        if self.persistence() == Persistence::Keyring {
            match super::save(profile, token).await {
                Ok(()) => {
                    self.state().session_tokens.remove(profile);
                    return Ok(Persistence::Keyring);
                }
                Err(KeyringError::Unavailable { detail }) => self.lose_keyring(detail),
                Err(other) => return Err(other),
            }
        }
        self.keep_for_session(profile, token.clone());
        Ok(self.persistence())
    }

    /// Keeps the token of `profile` in memory only, until the console closes.
    pub fn keep_for_session(&self, profile: &str, token: SecretString) {
        self.state()
            .session_tokens
            .insert(profile.to_string(), token);
    }

    /// The token of `profile`: the one kept for the session if any, else the keyring's.
    pub async fn load(&self, profile: &str) -> Result<Option<SecretString>, KeyringError> {
        if let Some(token) = self.state().session_tokens.get(profile) {
            return Ok(Some(token.clone()));
        }
        if self.persistence() != Persistence::Keyring {
            return Ok(None);
        }
        match super::load(profile).await {
            Err(KeyringError::Unavailable { detail }) => {
                self.lose_keyring(detail);
                Ok(None)
            }
            outcome => outcome,
        }
    }

    /// Forgets the token of `profile` everywhere (memory and keyring). A missing token is
    /// not an error, so deleting a profile always deletes its token.
    pub async fn delete(&self, profile: &str) -> Result<(), KeyringError> {
        self.state().session_tokens.remove(profile);
        if self.persistence() != Persistence::Keyring {
            return Ok(());
        }
        match super::delete(profile).await {
            Err(KeyringError::Unavailable { detail }) => {
                self.lose_keyring(detail);
                Ok(())
            }
            outcome => outcome,
        }
    }

    /// Moves the token of a renamed profile to its new name (the keyring entry's user is
    /// the profile name). The new entry is written before the old one is deleted, so a
    /// failure half-way never loses the token.
    ///
    /// A rename that changes only the case is the exception: Windows' Credential Manager
    /// sees one entry for both names, so writing first would let the delete remove the
    /// token just written. There the old entry goes first, and if the new one cannot be
    /// written the token is kept for this session under the new name and the error returned.
    pub async fn rename(&self, old: &str, new: &str) -> Result<(), KeyringError> {
        if old == new {
            return Ok(());
        }
        let Some(token) = self.load(old).await? else {
            return self.delete(old).await;
        };
        if old.to_lowercase() != new.to_lowercase() {
            self.save(new, &token).await?;
            return self.delete(old).await;
        }
        self.delete(old).await?;
        match self.save(new, &token).await {
            Ok(_) => Ok(()),
            Err(error) => {
                self.keep_for_session(new, token);
                Err(error)
            }
        }
    }

    fn lose_keyring(&self, detail: String) {
        let reason = KeyringError::Unavailable { detail }.to_string();
        tracing::warn!("the keyring went away, tokens are kept for this session only: {reason}");
        self.state().persistence = Persistence::SessionOnly { reason };
    }

    /// The state is only ever held for a few statements, never across an `.await`; a
    /// panic while it was held cannot leave it half-updated, so a poisoned lock is used.
    fn state(&self) -> MutexGuard<'_, VaultState> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use secrecy::ExposeSecret;

    use super::super::test_support::{fail_next_call, use_mock_store};
    use super::*;

    fn token(text: &str) -> SecretString {
        SecretString::from(text)
    }

    fn exposed(token: Option<SecretString>) -> Option<String> {
        token.map(|token| token.expose_secret().to_string())
    }

    async fn keyring_vault() -> TokenVault {
        use_mock_store();
        let vault = TokenVault::open().await;
        assert_eq!(vault.persistence(), Persistence::Keyring);
        vault
    }

    #[tokio::test]
    async fn with_a_keyring_tokens_go_to_the_keyring() {
        let vault = keyring_vault().await;
        let saved = vault
            .save("vault-keyring", &token("tok-keyring-9876"))
            .await;
        assert_eq!(saved, Ok(Persistence::Keyring));
        let in_keyring = super::super::load("vault-keyring").await.unwrap();
        assert_eq!(exposed(in_keyring), Some("tok-keyring-9876".to_string()));
        vault.delete("vault-keyring").await.unwrap();
        assert_eq!(exposed(vault.load("vault-keyring").await.unwrap()), None);
    }

    #[tokio::test]
    async fn session_only_vaults_keep_tokens_in_memory_and_say_why() {
        use_mock_store();
        let vault = TokenVault::session_only("demo data");
        let saved = vault.save("vault-session", &token("tok-session")).await;
        assert_eq!(
            saved,
            Ok(Persistence::SessionOnly {
                reason: "demo data".to_string()
            })
        );
        assert_eq!(
            exposed(vault.load("vault-session").await.unwrap()),
            Some("tok-session".to_string())
        );
        assert!(
            super::super::load("vault-session").await.unwrap().is_none(),
            "a session-only vault must never write to the keyring"
        );
        vault.delete("vault-session").await.unwrap();
        assert_eq!(exposed(vault.load("vault-session").await.unwrap()), None);
    }

    #[tokio::test]
    async fn a_keyring_that_goes_away_turns_the_vault_session_only() {
        let vault = keyring_vault().await;
        fail_next_call("vault-gone", keyring_core::Error::NoDefaultStore);
        let saved = vault.save("vault-gone", &token("tok-gone")).await.unwrap();
        assert!(
            matches!(&saved, Persistence::SessionOnly { reason } if reason.contains("no keyring")),
            "{saved:?}"
        );
        assert_eq!(vault.persistence(), saved);
        assert_eq!(
            exposed(vault.load("vault-gone").await.unwrap()),
            Some("tok-gone".to_string())
        );
    }

    #[tokio::test]
    async fn a_locked_keyring_is_reported_and_the_merchant_may_keep_the_token_for_the_session() {
        let vault = keyring_vault().await;
        let refused = keyring_core::Error::NoStorageAccess(Box::new(std::io::Error::other(
            "prompt dismissed",
        )));
        fail_next_call("vault-locked", refused);
        let error = vault
            .save("vault-locked", &token("tok-locked"))
            .await
            .unwrap_err();
        assert!(matches!(error, KeyringError::Locked { .. }), "{error:?}");
        assert_eq!(vault.persistence(), Persistence::Keyring);
        assert_eq!(exposed(vault.load("vault-locked").await.unwrap()), None);

        vault.keep_for_session("vault-locked", token("tok-locked"));
        assert_eq!(
            exposed(vault.load("vault-locked").await.unwrap()),
            Some("tok-locked".to_string())
        );
    }

    #[tokio::test]
    async fn renaming_a_profile_moves_its_token() {
        let vault = keyring_vault().await;
        vault
            .save("vault-rename-old", &token("tok-rename"))
            .await
            .unwrap();
        vault
            .rename("vault-rename-old", "vault-rename-new")
            .await
            .unwrap();
        assert_eq!(exposed(vault.load("vault-rename-old").await.unwrap()), None);
        assert_eq!(
            exposed(vault.load("vault-rename-new").await.unwrap()),
            Some("tok-rename".to_string())
        );
    }

    #[tokio::test]
    async fn renaming_only_the_case_keeps_the_token() {
        let vault = keyring_vault().await;
        vault
            .save("vault-case-fes", &token("tok-case"))
            .await
            .unwrap();
        vault
            .rename("vault-case-fes", "VAULT-CASE-FES")
            .await
            .unwrap();
        assert_eq!(exposed(vault.load("vault-case-fes").await.unwrap()), None);
        assert_eq!(
            exposed(vault.load("VAULT-CASE-FES").await.unwrap()),
            Some("tok-case".to_string())
        );
    }

    #[tokio::test]
    async fn the_vault_never_shows_a_token_in_debug_output() {
        let vault = TokenVault::session_only("test");
        vault.keep_for_session("vault-debug", token("tok-debug-visible?"));
        assert!(!format!("{vault:?}").contains("tok-debug-visible"));
    }
}
