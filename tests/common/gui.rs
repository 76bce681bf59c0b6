//! Drives the real `App` the way iced would: views are simulated with iced_test
//! (clicks, typing, finding text), and every task `update` returns is run to the end on
//! the test's runtime, so real requests reach the real sandbox.

use std::collections::VecDeque;

use iced::Task;
use iced_test::futures::futures::StreamExt;
use iced_test::runtime::Action;
use iced_test::{Error, Simulator};
use wedocod_console::gui::{App, LaunchOptions, Message};

pub struct Driver {
    pub app: App,
}

impl Driver {
    pub async fn boot(options: LaunchOptions) -> Driver {
        let (app, task) = App::boot(options);
        let mut driver = Driver { app };
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
                if let Action::Output(message) = action {
                    queue.push_back(self.app.update(message));
                }
            }
        }
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
            let mut ui = Simulator::new(self.app.view());
            ui.click(selector)?;
            ui.into_messages().collect()
        };
        self.feed(messages).await;
        Ok(())
    }

    /// Clicks the text input with `id` and types `text` into it.
    pub async fn type_into(&mut self, id: &'static str, text: &str) -> Result<(), Error> {
        let messages = {
            let mut ui = Simulator::new(self.app.view());
            ui.click(iced_test::selector::id(id))?;
            ui.typewrite(text);
            ui.into_messages().collect()
        };
        self.feed(messages).await;
        Ok(())
    }

    /// True when `text` is on screen.
    pub fn sees(&self, text: &str) -> bool {
        let mut ui = Simulator::new(self.app.view());
        ui.find(text).is_ok()
    }
}
