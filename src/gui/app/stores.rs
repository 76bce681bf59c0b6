//! The Stores screen's answers: a saved store opened, added, renamed or deleted, in the
//! settings file and the keyring alike (a renamed store's token moves with it).

use iced::Task;

use crate::gui::screen::{connect, profiles};
use wedocod_core::copy::LocalCopy;
use wedocod_core::stores::StoreHome;

use super::{App, Message, Screen, session};

impl App {
    pub(super) fn update_profiles(&mut self, message: profiles::Message) -> Task<Message> {
        let Screen::Profiles(screen) = &mut self.screen else {
            return Task::none();
        };
        match screen.update(message) {
            profiles::Action::None => Task::none(),
            profiles::Action::Open(name) => self.open_profile(name),
            profiles::Action::Add => {
                self.screen =
                    Screen::Connect(Box::new(connect::State::adding(self.profile_names())));
                Task::none()
            }
            profiles::Action::Back => self.back(),
            profiles::Action::Rename { old, new } => {
                if let Err(error) = self.config.rename_profile(&old, &new) {
                    screen.refuse(error.to_string());
                    return Task::none();
                }
                let new = new.trim().to_string();
                let saved = self.save_config();
                if let Some(session) = self.session.as_mut().filter(|s| s.name == old) {
                    session.name = new.clone();
                }
                let vault = self.vault.clone();
                let renamed =
                    Task::perform(async move { vault.rename(&old, &new).await }, |done| {
                        Message::Session(session::Message::KeyringDone(done))
                    });
                Task::batch([saved, renamed])
            }
            profiles::Action::Delete(name) => {
                let store_id = self
                    .config
                    .profile(&name)
                    .and_then(|profile| profile.store_id.clone());
                if let Err(error) = self.config.delete_profile(&name) {
                    screen.refuse(error.to_string());
                    return Task::none();
                }
                let copy_removed = self.remove_local_copy(store_id);
                let saved = self.save_config();
                if self.session.as_ref().is_some_and(|s| s.name == name) {
                    self.session = None;
                }
                let vault = self.vault.clone();
                let deleted = Task::perform(async move { vault.delete(&name).await }, |done| {
                    Message::Session(session::Message::KeyringDone(done))
                });
                Task::batch([saved, deleted, copy_removed])
            }
        }
    }

    /// Deletes the local copy of store `store_id` (the customers' data it holds) once no
    /// saved store uses it any more; the upload journals stay (they say what was sent).
    fn remove_local_copy(&self, store_id: Option<String>) -> Task<Message> {
        let still_used = |id: &String| {
            self.config
                .profiles
                .iter()
                .any(|profile| profile.store_id.as_ref() == Some(id))
        };
        let Some(home) = store_id
            .filter(|id| !still_used(id))
            .and_then(|id| StoreHome::of(&self.data_dir, &id))
        else {
            return Task::none();
        };
        let copy = LocalCopy::of(&home);
        Task::future(async move {
            let removed = tokio::task::spawn_blocking(move || copy.remove()).await;
            if let Ok(Err(error)) = removed {
                tracing::warn!(%error, "the deleted store's local copy could not be removed");
            }
        })
        .discard()
    }
}
