//! The session: the token vault (the OS keyring), the saved store being opened (its
//! token loaded, its folder found), a store just connected, and the demo store's
//! start-up. Its messages are the answers of that slow work; the window's `update`
//! hands them here.

use std::path::PathBuf;
use std::sync::Arc;

use iced::Task;
use secrecy::SecretString;

use crate::gui::client::client_for;
use crate::gui::screen::{connect, profiles};
use crate::gui::widget::error_view;
use crate::i18n::tr;
use wedocod_api::{ApiProfile, Client, Dialect};
use wedocod_core::config::StoreProfile;
use wedocod_core::secrets::{KeyringError, Persistence, TokenVault};
use wedocod_core::stores::OpenStore;
use wedocod_core::stores::StoreHome;

use super::demo::Demo;
use super::{App, Screen};
use crate::gui::app;

/// News from the session's slow work.
#[derive(Debug, Clone)]
pub enum Message {
    VaultOpened(TokenVault),
    TokenLoaded(String, Result<Option<SecretString>, KeyringError>),
    TokenSaved(String, SecretString, Result<Persistence, KeyringError>),
    KeyringDone(Result<(), KeyringError>),
    DemoStarted(Result<Arc<Demo>, String>),
    /// A saved store's folder was found (or could not be).
    StoreOpened(Result<Box<Session>, String>),
}

/// The store the window talks to.
#[derive(Debug, Clone)]
pub struct Session {
    /// The saved profile's name (the keyring entry's too).
    pub(super) name: String,
    /// The client and the store's folder; the client knows the address (`profile()`).
    pub(super) store: OpenStore,
    /// The embedded demo store, kept alive while connected to it.
    _demo: Option<Arc<Demo>>,
}

/// A saved store about to open, before its folder is found.
struct Opening {
    name: String,
    saved_id: Option<String>,
    client: Client,
    token: SecretString,
}

/// Finds a saved store's folder off the UI thread (the token's fingerprint is a
/// deliberately slow hash, and the store index a file) and makes the session.
async fn open_store(data_dir: PathBuf, opening: Opening) -> Result<Box<Session>, String> {
    let Opening {
        name,
        saved_id,
        client,
        token,
    } = opening;
    let home = wedocod_core::stores::open(&data_dir, saved_id.as_deref(), &client, &token)
        .await
        .map_err(|error| error.to_string())?;
    Ok(Box::new(Session {
        name,
        store: OpenStore { client, home },
        _demo: None,
    }))
}

impl App {
    /// Keyring, demo start-up and opening a store: the session's own news.
    pub(super) fn update_session(&mut self, message: Message) -> Task<app::Message> {
        match message {
            Message::VaultOpened(vault) => {
                self.vault = vault;
                match (&self.screen, self.config.active_profile.clone()) {
                    (Screen::Opening, Some(name)) => self.open_profile(name),
                    _ => Task::none(),
                }
            }
            Message::TokenLoaded(name, Ok(Some(token))) => self.token_loaded(name, token),
            Message::TokenLoaded(name, Ok(None)) => {
                match self.config.profile(&name).cloned() {
                    Some(profile) => {
                        self.notify(tr!("token-missing", name = name));
                        self.ask_token(&profile);
                    }
                    None => self.welcome(),
                }
                Task::none()
            }
            Message::TokenLoaded(_, Err(error)) => {
                self.notify(error.to_string());
                self.screen = Screen::Profiles(profiles::State::default());
                Task::none()
            }
            Message::TokenSaved(_, _, Ok(Persistence::Keyring)) => Task::none(),
            Message::TokenSaved(_, _, Ok(Persistence::SessionOnly { reason })) => {
                self.notify(tr!("token-session-only", reason = reason));
                Task::none()
            }
            Message::TokenSaved(name, token, Err(error)) => {
                self.vault.keep_for_session(&name, token);
                self.notify(tr!("keyring-failed", reason = error));
                Task::none()
            }
            Message::KeyringDone(result) => {
                if let Err(error) = result {
                    self.notify(error.to_string());
                }
                Task::none()
            }
            Message::DemoStarted(Ok(demo)) => self.demo_started(demo),
            Message::DemoStarted(Err(error)) => {
                self.demo_failed(error);
                Task::none()
            }
            Message::StoreOpened(Ok(session)) => self.store_opened(*session),
            Message::StoreOpened(Err(reason)) => {
                self.notify(reason);
                self.screen = Screen::Profiles(profiles::State::default());
                Task::none()
            }
        }
    }

    /// A saved store's token came from the vault: check its address, then find its folder.
    fn token_loaded(&mut self, name: String, token: SecretString) -> Task<app::Message> {
        let Some(profile) = self.config.profile(&name).cloned() else {
            self.welcome();
            return Task::none();
        };
        let client = profile
            .api_profile()
            .map_err(|error| error_view::describe_profile_error(&error))
            .and_then(|api| {
                client_for(&api, &token).map_err(|error| error_view::describe(&error, None))
            });
        match client {
            Ok(client) => {
                let _ = self.config.set_active(&name);
                let saved = self.save_config();
                let open = self.open_store(Opening {
                    name,
                    saved_id: profile.store_id.clone(),
                    client,
                    token,
                });
                Task::batch([saved, open])
            }
            Err(reason) => {
                self.notify(reason);
                self.ask_token(&profile);
                Task::none()
            }
        }
    }

    /// The embedded sandbox is up: browse it, its uploads in the demo's own folder.
    fn demo_started(&mut self, demo: Arc<Demo>) -> Task<app::Message> {
        let token = SecretString::from(demo.token().to_string());
        let connected = ApiProfile::new(demo.base_url(), "", Dialect::V2)
            .map_err(|error| error.to_string())
            .and_then(|profile| client_for(&profile, &token).map_err(|error| error.to_string()));
        match connected {
            Ok(client) => {
                let home = StoreHome::detached(demo.folder().to_path_buf());
                self.open_store_screen(Session {
                    name: tr!("demo-profile"),
                    store: OpenStore { client, home },
                    _demo: Some(demo),
                })
            }
            Err(error) => {
                self.demo_failed(error);
                Task::none()
            }
        }
    }

    fn demo_failed(&mut self, error: String) {
        self.screen = Screen::Welcome {
            starting_demo: false,
            error: Some(error),
        };
    }

    /// A saved store's folder is known: remember its id in the profile, then browse it.
    fn store_opened(&mut self, session: Session) -> Task<app::Message> {
        let id = session.store.home.id().to_string();
        let saved = match self.config.profile_mut(&session.name) {
            Some(profile) if profile.store_id.as_deref() != Some(id.as_str()) => {
                profile.store_id = Some(id);
                self.save_config()
            }
            _ => Task::none(),
        };
        Task::batch([saved, self.open_store_screen(session)])
    }

    /// Opens a saved store once its folder is found.
    fn open_store(&mut self, opening: Opening) -> Task<app::Message> {
        Task::perform(open_store(self.data_dir.clone(), opening), |opened| {
            app::Message::Session(Message::StoreOpened(opened))
        })
    }

    /// Opens a saved store: its token comes from the vault first.
    pub(super) fn open_profile(&mut self, name: String) -> Task<app::Message> {
        self.screen = Screen::Opening;
        let vault = self.vault.clone();
        Task::perform(
            async move {
                let token = vault.load(&name).await;
                (name, token)
            },
            |(name, token)| app::Message::Session(Message::TokenLoaded(name, token)),
        )
    }

    /// The connect form to paste a store's token again.
    pub(super) fn ask_token(&mut self, profile: &StoreProfile) {
        self.screen = match profile.api_profile() {
            Ok(api) => Screen::Connect(Box::new(connect::State::for_profile(&profile.name, &api))),
            Err(_) => Screen::Connect(Box::new(connect::State::adding(self.profile_names()))),
        };
    }

    /// A store whose token was checked: remember it (never the token) and save the
    /// token in the vault.
    pub(super) fn connected(&mut self, connected: connect::Connected) -> Task<app::Message> {
        let mut profile = StoreProfile::new(
            &connected.name,
            connected.profile.base_url().as_str().trim_end_matches('/'),
            connected.profile.prefix(),
            connected.profile.dialect(),
        );
        profile.remember_token_hint(&connected.token);
        let name = profile.name.clone();
        match self.config.profile_mut(&name) {
            Some(existing) => {
                // A replaced token keeps the store's history.
                profile.store_id = existing.store_id.take();
                *existing = profile;
            }
            None => {
                if let Err(error) = self.config.add_profile(profile) {
                    self.notify(error.to_string());
                }
            }
        }
        let _ = self.config.set_active(&name);
        let saved = self.save_config();
        let saved_id = self
            .config
            .profile(&name)
            .and_then(|saved| saved.store_id.clone());
        let vault = self.vault.clone();
        let token = connected.token.clone();
        let save = Task::perform(
            async move {
                let result = vault.save(&name, &token).await;
                (name, token, result)
            },
            |(name, token, result)| app::Message::Session(Message::TokenSaved(name, token, result)),
        );
        let open = self.open_store(Opening {
            name: connected.name,
            saved_id,
            client: connected.client,
            token: connected.token,
        });
        Task::batch([saved, save, open])
    }
}
