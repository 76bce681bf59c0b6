//! How the window starts: straight on the demo store or not, which settings file and data
//! folder, which token vault, which desktop. The console passes the merchant's own; window
//! tests pass their temporary ones, so a test never touches the merchant's files or keyring.

use std::path::PathBuf;

use wedocod_core::secrets::TokenVault;

use crate::gui::desktop::Desktop;

/// Where the token vault comes from.
#[derive(Debug, Clone)]
pub enum VaultSource {
    /// The operating system's keyring (session-only when there is none).
    System,
    /// A given vault: tests share one between two launches to stand for the keyring.
    Given(TokenVault),
}

/// How the window starts.
#[derive(Debug, Clone)]
pub struct LaunchOptions {
    /// Go straight to the embedded demo store.
    pub demo: bool,
    pub config_file: PathBuf,
    /// Where each store's upload journals and caches go.
    pub data_dir: PathBuf,
    pub vault: VaultSource,
    /// The desktop around the window: notifications and links opened.
    pub desktop: Desktop,
    /// Whether each open store's local copy is kept synced. Window tests that do not
    /// look at the copy turn it off: a sync spends the sandbox's rate budget and time.
    pub sync_copy: bool,
}

impl LaunchOptions {
    /// The console as merchants run it: their config file and keyring.
    pub fn standard(demo: bool) -> Self {
        LaunchOptions {
            demo,
            config_file: wedocod_core::config::config_file(),
            data_dir: wedocod_core::paths::data_dir(),
            vault: VaultSource::System,
            desktop: Desktop::System,
            sync_copy: true,
        }
    }
}
