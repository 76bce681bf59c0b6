//! A desktop notification when long work ends while the merchant looks at another window:
//! an upload (its queued batches included) or an export. Shown through the system's
//! notification service (freedesktop D-Bus on Linux, toasts on Windows, the notification
//! centre on macOS); where there is none, nothing is shown and the window's own notice
//! still says it when the merchant comes back.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use iced::Task;

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

/// Where notifications go.
#[derive(Debug, Clone, Default)]
pub enum DesktopNotices {
    /// The operating system's notification service.
    #[default]
    System,
    /// Kept in a list: window tests read what would have been shown.
    Recorded(Arc<Mutex<Vec<DesktopNotice>>>),
}

impl DesktopNotices {
    /// Shows `notice`, off the window's thread. A failure (no service, a service that
    /// hangs) is logged and otherwise ignored: a notification is a courtesy.
    pub fn show<Message: Send + 'static>(&self, notice: DesktopNotice) -> Task<Message> {
        match self {
            DesktopNotices::System => Task::future(async move {
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
            DesktopNotices::Recorded(list) => {
                if let Ok(mut list) = list.lock() {
                    list.push(notice);
                }
                Task::none()
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
