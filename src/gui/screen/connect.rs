//! Connecting a store: name, API address, optional prefix, dialect and token, checked
//! with one cheap call per resource before anything is saved, so a wrong token, a
//! missing scope, an unreachable host, a TLS failure and plain http are told apart here.

use iced::widget::{button, center, container, pick_list, space, text};
use iced::{Element, Fill, Task};
use secrecy::{ExposeSecret, SecretString};

use crate::gui::direction::{reading_column, reading_input, reading_row};
use crate::gui::theme;
use crate::gui::widget::error_view;
use crate::i18n::tr;
use wedocod_api::{ApiError, ApiProfile, Client, DEFAULT_BASE_URL, Dialect, ListQuery};

/// Widget ids of the form's fields (keyboard focus, tests).
pub const NAME_ID: &str = "connect-name";
pub const BASE_URL_ID: &str = "connect-base-url";
pub const PREFIX_ID: &str = "connect-prefix";
pub const TOKEN_ID: &str = "connect-token";

/// The form. The typed token is a secret from the first key (its `Debug` shows nothing,
/// its memory is wiped when dropped); it is cleared once the store is saved or the form is
/// left, and kept after a refusal so that only the wrong field is typed again.
#[derive(Debug, Clone)]
pub struct State {
    name: String,
    base_url: String,
    prefix: String,
    dialect: Dialect,
    token: SecretString,
    /// Names already used by other stores.
    taken: Vec<String>,
    /// The store whose token is being replaced (its name cannot change here).
    replacing: Option<String>,
    /// The store being checked; the form is read-only meanwhile.
    checking: Option<Connected>,
    error: Option<String>,
}

#[derive(Debug, Clone)]
pub enum Message {
    Name(String),
    BaseUrl(String),
    Prefix(String),
    Dialect(Dialect),
    /// What the token field holds after a key: a secret already, so that a printed
    /// message shows nothing.
    Token(SecretString),
    Submit,
    Checked(Result<(), ApiError>),
    Back,
}

/// A store whose token was accepted.
#[derive(Debug, Clone)]
pub struct Connected {
    pub name: String,
    pub profile: ApiProfile,
    pub token: SecretString,
    pub client: Client,
}

pub enum Action {
    None,
    Run(Task<Message>),
    Connected(Connected),
    Back,
}

impl Default for State {
    fn default() -> Self {
        State {
            name: String::new(),
            base_url: DEFAULT_BASE_URL.to_string(),
            prefix: String::new(),
            dialect: Dialect::V2,
            token: SecretString::default(),
            taken: Vec::new(),
            replacing: None,
            checking: None,
            error: None,
        }
    }
}

/// One list call per resource: the cheapest proof that the token opens both.
async fn check_token(client: Client) -> Result<(), ApiError> {
    let query = ListQuery::page(1, 1);
    client.leads().list(&query).await?;
    client.orders().list(&query).await?;
    Ok(())
}

impl State {
    /// An empty form for a new store; `taken` are the names already in use.
    pub fn adding(taken: Vec<String>) -> Self {
        State {
            taken,
            ..State::default()
        }
    }

    /// The form pre-filled for a known store, to replace its token.
    pub fn for_profile(name: &str, profile: &ApiProfile) -> Self {
        State {
            replacing: Some(name.to_string()),
            name: name.to_string(),
            base_url: profile
                .base_url()
                .to_string()
                .trim_end_matches('/')
                .to_string(),
            prefix: profile.prefix().to_string(),
            dialect: profile.dialect(),
            ..State::default()
        }
    }

    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::Name(name) => self.name = name,
            Message::BaseUrl(url) => self.base_url = url,
            Message::Prefix(prefix) => self.prefix = prefix,
            Message::Dialect(dialect) => self.dialect = dialect,
            Message::Token(token) => self.token = token,
            Message::Back => {
                self.forget_token();
                return Action::Back;
            }
            Message::Submit => return self.submit(),
            Message::Checked(result) => {
                let checked = self.checking.take();
                match (result, checked) {
                    (Ok(()), Some(connected)) => {
                        self.forget_token();
                        return Action::Connected(connected);
                    }
                    (Err(error), _) => self.error = Some(error_view::describe(&error, None)),
                    (Ok(()), None) => {}
                }
            }
        }
        Action::None
    }

    fn submit(&mut self) -> Action {
        self.error = None;
        let name = self.name.trim();
        if name.is_empty() {
            self.error = Some(tr!("name-required"));
            return Action::None;
        }
        if self.replacing.is_none()
            && self
                .taken
                .iter()
                .any(|taken| taken.to_lowercase() == name.to_lowercase())
        {
            self.error = Some(tr!("name-taken", name = name));
            return Action::None;
        }
        if self.token.expose_secret().trim().is_empty() {
            self.error = Some(tr!("token-required"));
            return Action::None;
        }
        let profile = match ApiProfile::new(&self.base_url, &self.prefix, self.dialect) {
            Ok(profile) => profile,
            Err(error) => {
                self.error = Some(error_view::describe_profile_error(&error));
                return Action::None;
            }
        };
        let token = SecretString::from(self.token.expose_secret().trim());
        match crate::gui::client::client_for(&profile, &token) {
            Ok(client) => {
                self.checking = Some(Connected {
                    name: self.name.trim().to_string(),
                    profile,
                    token,
                    client: client.clone(),
                });
                Action::Run(Task::perform(check_token(client), Message::Checked))
            }
            Err(error) => {
                self.error = Some(error_view::describe(&error, None));
                Action::None
            }
        }
    }

    /// Drops every copy of the token the form holds (the field and the store being checked).
    fn forget_token(&mut self) {
        self.token = SecretString::default();
        self.checking = None;
    }

    pub fn view(&self) -> Element<'_, Message> {
        let field = |label: String, input: Element<'static, Message>| {
            reading_column![text(label).size(13).style(theme::muted), input].spacing(4)
        };
        let editable = self.checking.is_none();
        let input = |id: &'static str,
                     placeholder: &str,
                     value: &str,
                     on_input: fn(String) -> Message|
         -> Element<'static, Message> {
            reading_input(placeholder, value)
                .id(id)
                .on_input_maybe(editable.then_some(on_input))
                .on_submit(Message::Submit)
                .into()
        };
        // The widget needs the text to draw its dots: the secret is exposed here only, for
        // the time of one view.
        let on_token = |typed: String| Message::Token(SecretString::from(typed));
        let token: Element<'static, Message> = reading_input("", self.token.expose_secret())
            .id(TOKEN_ID)
            .secure(true)
            .on_input_maybe(editable.then_some(on_token))
            .on_submit(Message::Submit)
            .into();
        let mut form = reading_column![
            text(tr!("connect-title")).size(24),
            field(
                tr!("field-profile-name"),
                input(NAME_ID, "", &self.name, Message::Name)
            ),
            field(
                tr!("field-base-url"),
                input(
                    BASE_URL_ID,
                    DEFAULT_BASE_URL,
                    &self.base_url,
                    Message::BaseUrl
                )
            ),
            field(
                tr!("field-prefix"),
                input(PREFIX_ID, "", &self.prefix, Message::Prefix)
            ),
            field(
                tr!("field-dialect"),
                pick_list(
                    [Dialect::V2, Dialect::V1],
                    Some(self.dialect),
                    Message::Dialect
                )
                .into()
            ),
            field(tr!("field-token"), token),
            text(tr!("token-help")).size(13).style(theme::muted),
        ]
        .spacing(theme::PAD);
        if let Some(error) = &self.error {
            form = form.push(text(error).style(text::danger));
        }
        let submit_label = if editable {
            tr!("connect")
        } else {
            tr!("connecting")
        };
        form = form.push(reading_row![
            button(text(tr!("back")))
                .style(button::secondary)
                .on_press(Message::Back),
            space().width(Fill),
            button(text(submit_label)).on_press_maybe(editable.then_some(Message::Submit)),
        ]);
        center(container(form).padding(24).width(520).style(theme::panel)).into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TYPED: &str = "wdc_live_9f8e7d6c5b4a";

    #[test]
    fn the_typed_token_never_shows_in_debug_output() {
        let mut form = State::adding(Vec::new());
        form.update(Message::Name("Boutique".into()));
        form.update(Message::BaseUrl("http://127.0.0.1:9".into()));
        form.update(Message::Token(SecretString::from(TYPED)));
        assert!(!format!("{form:?}").contains(TYPED));
        assert!(!format!("{:?}", Message::Token(SecretString::from(TYPED))).contains(TYPED));
        assert!(matches!(form.update(Message::Submit), Action::Run(_)));
        assert!(form.checking.is_some());
        assert!(!format!("{form:?}").contains(TYPED), "{form:?}");
    }

    #[test]
    fn the_token_is_cleared_when_the_form_is_left_or_the_store_saved() {
        let mut form = State::adding(Vec::new());
        form.update(Message::Token(SecretString::from(TYPED)));
        assert!(matches!(form.update(Message::Back), Action::Back));
        assert_eq!(form.token.expose_secret(), "");

        form.update(Message::Name("Boutique".into()));
        form.update(Message::BaseUrl("http://127.0.0.1:9".into()));
        form.update(Message::Token(SecretString::from(TYPED)));
        form.update(Message::Submit);
        assert!(matches!(form.update(Message::Back), Action::Back));
        assert!(
            form.checking.is_none(),
            "the store being checked is dropped"
        );

        form.update(Message::Token(SecretString::from(TYPED)));
        form.update(Message::Submit);
        assert!(matches!(
            form.update(Message::Checked(Ok(()))),
            Action::Connected(_)
        ));
        assert_eq!(form.token.expose_secret(), "");
    }
}
