//! What the window asks of the desktop around it: a notification when long work ends while
//! the merchant looks at another window (an upload, its queued batches included, or an
//! export), and a link opened in the system's handler (WhatsApp, a call).
//!
//! Notifications go through the system's service (freedesktop D-Bus on Linux, toasts on
//! Windows, the notification centre on macOS); where there is none, nothing is shown and the
//! window's own notice still says it when the merchant comes back. Window tests give a
//! [`Desktop::Recorded`] and read what would have been shown and opened.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use iced::Task;

use super::blocking::off_the_window;

/// The application's name on the notification.
const APP_NAME: &str = "WedoCOD Merchant Console";
/// A notification service that does not answer in this time is not waited for.
const SHOW_TIMEOUT: Duration = Duration::from_secs(5);

/// A notification: its title and the sentence the window shows too.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DesktopNotice {
    pub title: String,
    pub body: String,
}

/// What a recorded desktop was asked to do, in order.
#[derive(Debug, Default)]
pub struct DesktopLog {
    pub notices: Vec<DesktopNotice>,
    /// The links opened (`https://wa.me/…`, `tel:…`).
    pub opened: Vec<String>,
}

/// The desktop the window talks to.
#[derive(Debug, Clone, Default)]
pub enum Desktop {
    /// The operating system's notification service and link handlers.
    #[default]
    System,
    /// Kept in a log: window tests read what would have been shown and opened.
    Recorded(Arc<Mutex<DesktopLog>>),
}

impl Desktop {
    /// Shows `notice`, off the window's thread. A failure (no service, a service that
    /// hangs) is logged and otherwise ignored: a notification is a courtesy.
    pub fn notify<Message: Send + 'static>(&self, notice: DesktopNotice) -> Task<Message> {
        match self {
            Desktop::System => Task::future(async move {
                let shown = tokio::time::timeout(
                    SHOW_TIMEOUT,
                    tokio::task::spawn_blocking(move || show_on_system(&notice)),
                )
                .await;
                match shown {
                    Ok(Ok(Ok(()))) => {}
                    Ok(Ok(Err(reason))) => {
                        tracing::info!("no desktop notification: {reason}")
                    }
                    Ok(Err(panicked)) => {
                        tracing::warn!("the desktop notification failed: {panicked}")
                    }
                    Err(_) => tracing::info!("the notification service did not answer"),
                }
            })
            .discard(),
            Desktop::Recorded(log) => {
                if let Ok(mut log) = log.lock() {
                    log.notices.push(notice);
                }
                Task::none()
            }
        }
    }

    /// Opens `link` in the system's handler for it (off the window's thread); `opened`
    /// hears whether it could.
    pub fn open<Message: Send + 'static>(
        &self,
        link: String,
        opened: fn(Result<(), String>) -> Message,
    ) -> Task<Message> {
        match self {
            Desktop::System => Task::perform(
                off_the_window(move || {
                    open::that_detached(&link).map_err(|error| error.to_string())
                }),
                opened,
            ),
            Desktop::Recorded(log) => {
                if let Ok(mut log) = log.lock() {
                    log.opened.push(link);
                }
                Task::done(opened(Ok(())))
            }
        }
    }
}

fn show_on_system(notice: &DesktopNotice) -> Result<(), String> {
    notify_rust::Notification::new()
        .appname(APP_NAME)
        .summary(&notice.title)
        .body(&notice.body)
        .show()
        .map(drop)
        .map_err(|error| error.to_string())
}
