//! The open store's local copy kept up to date: a sync when the store opens, then every
//! minute while the window is open, and what the status bar says of it ("synced 10:42",
//! "offline, as of 10:41"). A second window on the same store finds the sync busy and
//! only reads. The sync runs as a task; nothing here touches the disk or the network.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use iced::futures::SinkExt;
use iced::futures::channel::mpsc::Sender;
use iced::{Subscription, Task};

use crate::i18n::conventions::clock_time;
use crate::i18n::sync as said;
use crate::i18n::tr;
use wedocod_api::Client;
use wedocod_core::copy::{LocalCopy, SyncError, SyncOptions, SyncProgress, sync};

/// How often the copy is brought up to date while the window is open.
const EVERY: Duration = Duration::from_secs(60);

#[derive(Debug, Clone)]
pub enum Message {
    /// Time for the next sync.
    Due,
    /// Where a sync is (a first sync of a large store takes minutes).
    Progress(SyncProgress),
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
    /// Where the sync under way is.
    progress: Option<SyncProgress>,
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
            progress: None,
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
            Message::Progress(progress) => {
                self.progress = Some(progress);
                Action::None
            }
            Message::Ended(Ok(synced)) => {
                self.running = false;
                self.progress = None;
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
                self.progress = None;
                self.offline = true;
                tracing::info!(%reason, "the local copy was not synced");
                Action::None
            }
        }
    }

    fn run(&mut self) -> Task<Message> {
        self.running = true;
        let (client, copy, cancel) = (self.client.clone(), self.copy.clone(), self.cancel.clone());
        let stream = iced::stream::channel(16, move |mut output: Sender<Message>| async move {
            // A dropped update is fine: the next one carries the whole picture.
            let progress = Mutex::new(output.clone());
            let report = |update: SyncProgress| {
                if let Ok(mut progress) = progress.lock() {
                    let _ = progress.try_send(Message::Progress(update));
                }
            };
            let options = SyncOptions::default();
            let outcome = match sync(&client, &copy, &options, &cancel, &report).await {
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
            };
            let _ = output.send(Message::Ended(outcome)).await;
        });
        Task::run(stream, std::convert::identity)
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
            (_, None) if self.running => Some(match self.progress {
                Some(SyncProgress {
                    page,
                    pages: Some(pages),
                    ..
                }) => tr!("copy-syncing-page", page = page, pages = pages),
                _ => tr!("copy-syncing"),
            }),
            (_, None) => None,
        }
    }
}
