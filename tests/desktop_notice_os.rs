//! The desktop notification through a real D-Bus session bus (scripts/desktop-notice-tests
//! runs this under `dbus-run-session`; `#[ignore]` elsewhere, where there may be no bus or
//! the merchant's own notification service). A notification service written here from the
//! freedesktop specification owns `org.freedesktop.Notifications` and records what it is
//! asked to show: the console's title and sentence, under its name. Before the service
//! exists, showing one ends quietly.

use std::collections::HashMap;
use std::time::Duration;

use iced::Task;
use iced_test::futures::futures::StreamExt;
use tokio::sync::mpsc::{UnboundedSender, unbounded_channel};
use wedocod_console::gui::desktop::{Desktop, DesktopNotice};
use zbus::zvariant::OwnedValue;

/// What the service was asked to show: the application's name, the title, the body.
type Shown = (String, String, String);

struct NotificationService {
    shown: UnboundedSender<Shown>,
}

/// The methods of org.freedesktop.Notifications a client may call.
#[zbus::interface(name = "org.freedesktop.Notifications")]
impl NotificationService {
    #[allow(clippy::too_many_arguments)] // The specification's signature.
    fn notify(
        &self,
        app_name: String,
        _replaces_id: u32,
        _app_icon: String,
        summary: String,
        body: String,
        _actions: Vec<String>,
        _hints: HashMap<String, OwnedValue>,
        _expire_timeout: i32,
    ) -> u32 {
        let _ = self.shown.send((app_name, summary, body));
        1
    }

    fn get_capabilities(&self) -> Vec<String> {
        vec!["body".into()]
    }

    fn get_server_information(&self) -> (String, String, String, String) {
        (
            "test service".into(),
            "wedocod".into(),
            "1".into(),
            "1.2".into(),
        )
    }

    fn close_notification(&self, _id: u32) {}
}

/// Runs the notification's task to its end.
async fn show(notice: DesktopNotice) {
    let task: Task<()> = Desktop::System.notify(notice);
    if let Some(mut stream) = iced_test::runtime::task::into_stream(task) {
        while stream.next().await.is_some() {}
    }
}

#[tokio::test]
#[ignore = "needs a D-Bus session bus of its own: scripts/desktop-notice-tests"]
async fn a_notification_reaches_the_desktop_service_with_its_words() {
    let arabic = DesktopNotice {
        title: "انتهى الإرسال".into(),
        body: "أُنشئ 30 سطرًا، رُفض 0".into(),
    };
    // No service yet: nothing to show it, and the window goes on.
    tokio::time::timeout(Duration::from_secs(10), show(arabic.clone()))
        .await
        .expect("a missing service is not waited for");

    let (sender, mut shown) = unbounded_channel();
    let _service = zbus::connection::Builder::session()
        .expect("a session bus (run under dbus-run-session)")
        .name("org.freedesktop.Notifications")
        .unwrap()
        .serve_at(
            "/org/freedesktop/Notifications",
            NotificationService { shown: sender },
        )
        .unwrap()
        .build()
        .await
        .expect("the test's notification service owns its name");
    show(arabic.clone()).await;
    let (app, title, body) = tokio::time::timeout(Duration::from_secs(10), shown.recv())
        .await
        .expect("the service was called")
        .unwrap();
    assert_eq!(app, "WedoCOD Merchant Console");
    assert_eq!((title, body), (arabic.title, arabic.body));
}
