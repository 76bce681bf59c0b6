//! Connecting a store: name, API address, optional prefix, dialect and token, checked
//! with one cheap call per resource before anything is saved, so a wrong token, a
//! missing scope, an unreachable host, a TLS failure and plain http are told apart here.

use iced::widget::{button, center, column, container, pick_list, row, space, text, text_input};
use iced::{Element, Fill, Task};
use secrecy::SecretString;

use crate::api::{ApiError, ApiProfile, Client, DEFAULT_BASE_URL, Dialect, ListQuery};
use crate::gui::error_view;
use crate::gui::i18n::{fill, strings};
use crate::gui::theme;

/// Widget ids of the form's fields (keyboard focus, tests).
pub const NAME_ID: &str = "connect-name";
pub const BASE_URL_ID: &str = "connect-base-url";
pub const PREFIX_ID: &str = "connect-prefix";
pub const TOKEN_ID: &str = "connect-token";

/// The form. The token field's text is dropped as soon as the check starts.
#[derive(Debug, Clone)]
pub struct State {
    name: String,
    base_url: String,
    prefix: String,
    dialect: Dialect,
    token: String,
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
    Token(String),
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
            token: String::new(),
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
            Message::Back => return Action::Back,
            Message::Submit => return self.submit(),
            Message::Checked(result) => {
                let checked = self.checking.take();
                match (result, checked) {
                    (Ok(()), Some(connected)) => {
                        self.token.clear();
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
        let s = strings();
        self.error = None;
        let name = self.name.trim();
        if name.is_empty() {
            self.error = Some(s.name_required.into());
            return Action::None;
        }
        if self.replacing.is_none()
            && self
                .taken
                .iter()
                .any(|taken| taken.to_lowercase() == name.to_lowercase())
        {
            self.error = Some(fill(s.name_taken, &[("name", &name)]));
            return Action::None;
        }
        if self.token.trim().is_empty() {
            self.error = Some(s.token_required.into());
            return Action::None;
        }
        let profile = match ApiProfile::new(&self.base_url, &self.prefix, self.dialect) {
            Ok(profile) => profile,
            Err(error) => {
                self.error = Some(error_view::describe_profile_error(&error));
                return Action::None;
            }
        };
        let token = SecretString::from(self.token.trim().to_string());
        match crate::gui::client_for(&profile, &token) {
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

    pub fn view(&self) -> Element<'_, Message> {
        let s = strings();
        let field = |label: &'static str, input: Element<'static, Message>| {
            column![text(label).size(13).style(theme::muted), input].spacing(4)
        };
        let editable = self.checking.is_none();
        let input = |id: &'static str,
                     placeholder: &str,
                     value: &str,
                     on_input: fn(String) -> Message|
         -> Element<'static, Message> {
            text_input(placeholder, value)
                .id(id)
                .on_input_maybe(editable.then_some(on_input))
                .on_submit(Message::Submit)
                .into()
        };
        let token: Element<'static, Message> = text_input("", &self.token)
            .id(TOKEN_ID)
            .secure(true)
            .on_input_maybe(editable.then_some(Message::Token as fn(String) -> Message))
            .on_submit(Message::Submit)
            .into();
        let mut form = column![
            text(s.connect_title).size(24),
            field(
                s.field_profile_name,
                input(NAME_ID, "", &self.name, Message::Name)
            ),
            field(
                s.field_base_url,
                input(
                    BASE_URL_ID,
                    DEFAULT_BASE_URL,
                    &self.base_url,
                    Message::BaseUrl
                )
            ),
            field(
                s.field_prefix,
                input(PREFIX_ID, "", &self.prefix, Message::Prefix)
            ),
            field(
                s.field_dialect,
                pick_list(
                    [Dialect::V2, Dialect::V1],
                    Some(self.dialect),
                    Message::Dialect
                )
                .into()
            ),
            field(s.field_token, token),
            text(s.token_help).size(13).style(theme::muted),
        ]
        .spacing(theme::PAD);
        if let Some(error) = &self.error {
            form = form.push(text(error).style(text::danger));
        }
        let submit_label = if editable { s.connect } else { s.connecting };
        form = form.push(row![
            button(text(s.back))
                .style(button::secondary)
                .on_press(Message::Back),
            space().width(Fill),
            button(text(submit_label)).on_press_maybe(editable.then_some(Message::Submit)),
        ]);
        center(container(form).padding(24).width(520).style(theme::panel)).into()
    }
}
