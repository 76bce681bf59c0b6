//! The open store's local copy kept up to date: a sync when the store opens, then every
//! minute while the window is open, and what the status bar says of it ("synced 10:42",
//! "offline, as of 10:41"). A second window on the same store finds the sync busy and
//! only reads. The sync runs as a task; nothing here touches the disk or the network.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use iced::{Subscription, Task};

use crate::i18n::conventions::clock_time;
use crate::i18n::sync as said;
use crate::i18n::tr;
use wedocod_api::Client;
use wedocod_core::copy::{LocalCopy, SyncError, SyncOptions, sync};

/// How often the copy is brought up to date while the window is open.
const EVERY: Duration = Duration::from_secs(60);

#[derive(Debug, Clone)]
pub enum Message {
    /// Time for the next sync.
    Due,
    /// A sync ended: when (UTC, the copy's text), or why not.
    Ended(Result<Synced, String>),
}

/// A sync that finished.
#[derive(Debug, Clone)]
pub struct Synced {
    /// When it finished.
    pub at: String,
    /// Why the copy was rebuilt, if it was.
    pub rebuilt: Option<String>,
}

/// What the window must do after a message.
pub enum Action {
    None,
    Run(Task<Message>),
    /// The copy changed: screens reading it read again; lines for the notice bar.
    Refreshed(Vec<String>),
}

#[derive(Debug)]
pub struct State {
    copy: LocalCopy,
    client: Client,
    running: bool,
    /// Whether syncs run at all (window tests turn them off).
    enabled: bool,
    /// Set when the store screen closes: a sync under way stops after its page.
    cancel: Arc<AtomicBool>,
    /// When the copy was last brought up to date (UTC text).
    synced_at: Option<String>,
    /// The last sync failed because the store could not be reached.
    offline: bool,
}

impl Drop for State {
    fn drop(&mut self) {
        self.cancel.store(true, Ordering::SeqCst);
    }
}

impl State {
    /// The copy of the store `client` reaches, and its first sync (none when not
    /// `enabled`: the copy is then read as it is, never synced).
    pub fn start(copy: LocalCopy, client: Client, enabled: bool) -> (State, Task<Message>) {
        let mut state = State {
            copy,
            client,
            running: false,
            enabled,
            cancel: Arc::new(AtomicBool::new(false)),
            synced_at: None,
            offline: false,
        };
        let task = if enabled { state.run() } else { Task::none() };
        (state, task)
    }

    pub fn copy(&self) -> &LocalCopy {
        &self.copy
    }

    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::Due if self.running || !self.enabled => Action::None,
            Message::Due => Action::Run(self.run()),
            Message::Ended(Ok(synced)) => {
                self.running = false;
                self.offline = false;
                self.synced_at = Some(synced.at);
                let notices = synced
                    .rebuilt
                    .map(|reason| tr!("sync-set-aside", reason = reason))
                    .into_iter()
                    .collect();
                Action::Refreshed(notices)
            }
            Message::Ended(Err(reason)) => {
                self.running = false;
                self.offline = true;
                tracing::info!(%reason, "the local copy was not synced");
                Action::None
            }
        }
    }

    fn run(&mut self) -> Task<Message> {
        self.running = true;
        let (client, copy, cancel) = (self.client.clone(), self.copy.clone(), self.cancel.clone());
        Task::perform(
            async move {
                let options = SyncOptions::default();
                let outcome = sync(&client, &copy, &options, &cancel, &|_| {}).await;
                match outcome {
                    Ok(report) => Ok(Synced {
                        at: report.synced_at,
                        rebuilt: report.set_aside.map(|set_aside| set_aside.reason),
                    }),
                    // Another window syncs this store: its copy is as fresh as ours.
                    Err(SyncError::Busy) => Ok(Synced {
                        at: chrono::Utc::now().to_rfc3339(),
                        rebuilt: None,
                    }),
                    Err(error) => Err(said::failure(&error)),
                }
            },
            Message::Ended,
        )
    }

    pub fn subscription(&self) -> Subscription<Message> {
        if self.enabled {
            iced::time::every(EVERY).map(|_| Message::Due)
        } else {
            Subscription::none()
        }
    }

    /// "synced 10:42", "offline, as of 10:41", "syncing…", for the status bar.
    pub fn status(&self) -> Option<String> {
        let at = self.synced_at.as_deref().and_then(clock_time);
        match (self.offline, at) {
            (true, Some(at)) => Some(tr!("copy-offline-as-of", time = at)),
            (false, Some(at)) => Some(tr!("copy-synced-at", time = at)),
            (_, None) if self.running => Some(tr!("copy-syncing")),
            (_, None) => None,
        }
    }
}
