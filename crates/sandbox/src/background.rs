//! The embedded sandbox on a thread of its own, for the window's demo mode: its own
//! async runtime keeps it serving whatever the UI is doing, and dropping the handle
//! stops it.

use std::sync::mpsc;
use std::thread;

use tokio::sync::oneshot;

use super::{Sandbox, SandboxConfig};

/// A sandbox serving on a background thread until dropped.
#[derive(Debug)]
pub struct BackgroundSandbox {
    base_url: String,
    token: String,
    stop: Option<oneshot::Sender<()>>,
}

impl BackgroundSandbox {
    /// Starts a sandbox and waits until it listens.
    pub fn start(config: SandboxConfig) -> std::io::Result<BackgroundSandbox> {
        let (ready_tx, ready_rx) = mpsc::channel();
        let (stop_tx, stop_rx) = oneshot::channel::<()>();
        thread::Builder::new()
            .name("wedocod-sandbox".into())
            .spawn(move || {
                let runtime = match tokio::runtime::Builder::new_multi_thread()
                    .worker_threads(1)
                    .enable_all()
                    .build()
                {
                    Ok(runtime) => runtime,
                    Err(error) => {
                        let _ = ready_tx.send(Err(error));
                        return;
                    }
                };
                runtime.block_on(async move {
                    match Sandbox::start(config).await {
                        Ok(sandbox) => {
                            let _ = ready_tx.send(Ok((
                                sandbox.base_url().to_string(),
                                sandbox.token().to_string(),
                            )));
                            let _ = stop_rx.await;
                            sandbox.stop().await;
                        }
                        Err(error) => {
                            let _ = ready_tx.send(Err(error));
                        }
                    }
                });
            })?;
        let (base_url, token) = ready_rx
            .recv()
            .map_err(|_| std::io::Error::other("the sandbox thread ended before listening"))??;
        Ok(BackgroundSandbox {
            base_url,
            token,
            stop: Some(stop_tx),
        })
    }

    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    pub fn token(&self) -> &str {
        &self.token
    }
}

impl Drop for BackgroundSandbox {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}
