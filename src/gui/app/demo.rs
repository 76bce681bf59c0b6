//! The embedded demo store: a sandbox that is new every time, and a folder for its
//! uploads that goes with it. Built with the console's `demo` feature (on by default);
//! a build without it has no sandbox in its tree, and the welcome screen no demo to offer.

use std::path::Path;
use std::sync::Arc;

/// A running demo store, kept alive while the window is connected to it.
#[cfg(feature = "demo")]
#[derive(Debug)]
pub struct Demo {
    sandbox: wedocod_sandbox::BackgroundSandbox,
    folder: tempfile::TempDir,
}

/// No demo store can exist in a build without the sandbox.
#[cfg(not(feature = "demo"))]
#[derive(Debug)]
pub enum Demo {}

/// Whether this build can start a demo store.
pub const AVAILABLE: bool = cfg!(feature = "demo");

/// Starts the embedded sandbox, and makes its uploads folder, off the UI thread.
#[cfg(feature = "demo")]
pub async fn start() -> Result<Arc<Demo>, String> {
    use wedocod_sandbox::{BackgroundSandbox, SandboxConfig};
    tokio::task::spawn_blocking(|| {
        let folder = tempfile::Builder::new()
            .prefix("wedocod-demo-")
            .tempdir()
            .map_err(|error| error.to_string())?;
        let sandbox = BackgroundSandbox::start(SandboxConfig::default())
            .map_err(|error| error.to_string())?;
        Ok(Arc::new(Demo { sandbox, folder }))
    })
    .await
    .map_err(|error| error.to_string())?
}

/// A build without the sandbox says so (the welcome screen does not offer it).
#[cfg(not(feature = "demo"))]
pub async fn start() -> Result<Arc<Demo>, String> {
    Err(crate::i18n::tr!("demo-not-built"))
}

#[cfg(feature = "demo")]
impl Demo {
    pub fn base_url(&self) -> &str {
        self.sandbox.base_url()
    }

    /// The demo account's token (a random one, not a secret of anyone's).
    pub fn token(&self) -> &str {
        self.sandbox.token()
    }

    pub fn folder(&self) -> &Path {
        self.folder.path()
    }
}

#[cfg(not(feature = "demo"))]
impl Demo {
    pub fn base_url(&self) -> &str {
        match *self {}
    }

    pub fn token(&self) -> &str {
        match *self {}
    }

    pub fn folder(&self) -> &Path {
        match *self {}
    }
}
