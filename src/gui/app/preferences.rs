//! The Settings panel's effects on the window: the language switched everywhere at once,
//! the theme, the page size handed to both tables, each remembered in the settings file.

use iced::Task;

use crate::gui::screen::{settings, store};
use crate::i18n;
use wedocod_core::config::ThemeChoice;

use super::{App, Message};

impl App {
    pub(super) fn show_settings(&mut self) -> Task<Message> {
        let (panel, counting) = settings::State::open(&self.data_dir);
        self.settings = Some(panel);
        counting.map(Message::Settings)
    }

    pub(super) fn update_settings(&mut self, message: settings::Message) -> Task<Message> {
        let Some(panel) = &mut self.settings else {
            return Task::none();
        };
        match panel.update(message) {
            settings::Action::None => Task::none(),
            settings::Action::Run(task) => task.map(Message::Settings),
            settings::Action::Close => {
                self.settings = None;
                Task::none()
            }
            settings::Action::Language(language) => {
                i18n::set_language(language);
                self.config.set_language(language);
                let reread = self.update_store(store::Message::LanguageChanged);
                Task::batch([self.save_config(), reread])
            }
            settings::Action::Theme(choice) => self.choose_theme(choice),
            settings::Action::Template(template) => {
                self.config.whatsapp_template = template;
                self.save_config()
            }
            settings::Action::PageSize(size) => {
                // Remembered for next time, and both tables read their first page again.
                self.config.page_size = size;
                let saved = self.save_config();
                let reread = self.update_store(store::Message::PerPage(size));
                Task::batch([saved, reread])
            }
        }
    }

    pub(super) fn choose_theme(&mut self, choice: ThemeChoice) -> Task<Message> {
        self.config.theme = choice;
        self.save_config()
    }
}
