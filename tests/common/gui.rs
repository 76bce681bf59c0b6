//! Drives the real `App` the way iced would: views are simulated with iced_test
//! (clicks, typing, finding text), and every task `update` returns is run to the end on
//! the test's runtime, so real requests reach the real sandbox.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

use iced::Task;
use iced_test::futures::futures::StreamExt;
use iced_test::runtime::Action;
use iced_test::{Error, Simulator};
use wedocod_console::gui::desktop::{Desktop, DesktopLog};
use wedocod_console::gui::screen::connect;
use wedocod_console::gui::screen::store::{self, Tab};
use wedocod_console::gui::{App, LaunchOptions, Message, VaultSource};
use wedocod_core::secrets::TokenVault;
use wedocod_sandbox::Sandbox;

/// A launch that touches neither the merchant's config nor the keyring: a config file in
/// its own temporary folder and an in-memory vault (shared by the launches of a test, so
/// it stands for the keyring across restarts).
pub struct Isolated {
    pub dir: tempfile::TempDir,
    pub vault: TokenVault,
    /// The notifications the launches would have shown and the links they would have
    /// opened.
    pub desktop: Arc<Mutex<DesktopLog>>,
    /// Whether open stores sync their local copy (off unless a test looks at it).
    pub sync_copy: bool,
}

impl Isolated {
    pub fn new() -> Isolated {
        Isolated {
            dir: tempfile::tempdir().expect("a temporary folder"),
            vault: TokenVault::session_only("tests use an in-memory vault"),
            desktop: Arc::default(),
            sync_copy: false,
        }
    }

    pub fn config_file(&self) -> std::path::PathBuf {
        self.dir.path().join("config.toml")
    }

    pub fn launch(&self) -> LaunchOptions {
        LaunchOptions {
            demo: false,
            config_file: self.config_file(),
            data_dir: self.dir.path().join("data"),
            vault: VaultSource::Given(self.vault.clone()),
            desktop: Desktop::Recorded(self.desktop.clone()),
            sync_copy: self.sync_copy,
        }
    }
}

/// A tall window, so side panels fit without scrolling.
const SCREEN: (f32, f32) = (1280.0, 1600.0);

pub struct Driver {
    pub app: App,
    /// What the window last wrote to the clipboard.
    pub clipboard: Option<String>,
}

impl Driver {
    pub async fn boot(options: LaunchOptions) -> Driver {
        let (app, task) = App::boot(options);
        let mut driver = Driver {
            app,
            clipboard: None,
        };
        driver.run(task).await;
        driver
    }

    /// Runs a task and every task its messages produce, until all are done.
    pub async fn run(&mut self, task: Task<Message>) {
        let mut queue = VecDeque::from([task]);
        while let Some(task) = queue.pop_front() {
            let Some(mut stream) = iced_test::runtime::task::into_stream(task) else {
                continue;
            };
            while let Some(action) = stream.next().await {
                match action {
                    Action::Output(message) => queue.push_back(self.app.update(message)),
                    Action::Clipboard(iced_test::runtime::clipboard::Action::Write {
                        contents,
                        ..
                    }) => self.clipboard = Some(contents),
                    _ => {}
                }
            }
        }
    }

    /// Boots and walks the connect form as a merchant would, presses Connect, and opens the
    /// Leads tab.
    pub async fn connect(isolated: &Isolated, sandbox: &Sandbox, token: &str) -> Driver {
        use wedocod_console::i18n::text;
        let mut driver = Driver::boot(isolated.launch()).await;
        driver.click(&text("connect-store")).await.unwrap();
        driver
            .type_into(connect::NAME_ID, "Boutique Rabat")
            .await
            .unwrap();
        // The address field is pre-filled with the production URL: replace it.
        let address = connect::Message::BaseUrl(sandbox.base_url().to_string());
        driver.send(Message::Connect(address)).await;
        driver.type_into(connect::TOKEN_ID, token).await.unwrap();
        driver.click(&text("connect")).await.unwrap();
        // A store opens on its dashboard; the tests start from its leads.
        let leads = Tab::Records(wedocod_api::ResourceName::Leads);
        driver
            .send(Message::Store(store::Message::Tab(leads)))
            .await;
        driver
    }

    pub async fn send(&mut self, message: Message) {
        let task = self.app.update(message);
        self.run(task).await;
    }

    /// Feeds the messages a simulated interaction produced.
    async fn feed(&mut self, messages: Vec<Message>) {
        for message in messages {
            self.send(message).await;
        }
    }

    /// Clicks the widget showing `label` (or with that id) in the current view.
    pub async fn click(&mut self, selector: &str) -> Result<(), Error> {
        let messages = {
            let mut ui = Simulator::with_size(iced::Settings::default(), SCREEN, self.app.view());
            ui.click(selector)?;
            ui.into_messages().collect()
        };
        self.feed(messages).await;
        Ok(())
    }

    /// Clicks the text input with `id` and types `text` into it.
    pub async fn type_into(&mut self, id: &'static str, text: &str) -> Result<(), Error> {
        let messages = {
            let mut ui = Simulator::with_size(iced::Settings::default(), SCREEN, self.app.view());
            ui.click(iced_test::selector::id(id))?;
            ui.typewrite(text);
            ui.into_messages().collect()
        };
        self.feed(messages).await;
        Ok(())
    }

    /// Those of `texts` that are on screen (one layout for all of them).
    pub fn sees_which(&self, texts: &[String]) -> Vec<String> {
        let mut ui = Simulator::with_size(iced::Settings::default(), SCREEN, self.app.view());
        texts
            .iter()
            .filter(|text| ui.find(text.as_str()).is_ok())
            .cloned()
            .collect()
    }

    /// Where `text` is laid out (the first widget showing it), if on screen.
    pub fn bounds_of(&self, text: &str) -> Option<iced::Rectangle> {
        let mut ui = Simulator::with_size(iced::Settings::default(), SCREEN, self.app.view());
        ui.find(text).ok().map(|found| found.bounds())
    }

    /// True when `text` is on screen.
    pub fn sees(&self, text: &str) -> bool {
        let mut ui = Simulator::with_size(iced::Settings::default(), SCREEN, self.app.view());
        ui.find(text).is_ok()
    }
}
