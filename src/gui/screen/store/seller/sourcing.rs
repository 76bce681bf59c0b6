//! The Sourcing tab: the requests the merchant asked WedoCOD to find and stock (their
//! reference, name, quantity, status and date), and a form to send one. The store's 422
//! lands under the field it names, as on the connect screen; a request is sent once
//! (never resent by itself when its answer is lost: the list, read again, says).

use std::collections::BTreeMap;
use std::sync::Arc;

use iced::widget::{button, center, container, scrollable, table, text};
use iced::{Center, Element, Fill, Task};

use super::listed::{Loaded, Read};
use crate::gui::direction::{filling, reading_column, reading_input, reading_row};
use crate::gui::theme;
use crate::gui::widget::error_view::{self, ErrorAction};
use crate::gui::widget::table_view;
use crate::i18n::conventions::local_time;
use crate::i18n::{status_label, tr};
use wedocod_api::seller::{NewSourcing, Sourcing, SourcingCreated};
use wedocod_api::{ApiError, Client};
use wedocod_core::copy::LocalCopy;

/// The name field's id (focused when the tab opens the form).
pub const NAME_ID: &str = "sourcing-name";

/// The fields of the form, by the names the store's 422 gives them.
const NAME: &str = "name";
const QUANTITY: &str = "quantity";
const NOTE: &str = "note";

#[derive(Debug)]
pub struct State {
    requests: Loaded<Sourcing>,
    name: String,
    quantity: String,
    note: String,
    sending: bool,
    /// Each field's problems: the form's own checks, or the store's.
    field_errors: BTreeMap<String, Vec<String>>,
    /// A refusal that names no field (403, a network failure…).
    problem: Option<ApiError>,
    /// The reference of the request just sent.
    sent: Option<String>,
}

#[derive(Debug, Clone)]
pub enum Message {
    Refresh,
    Read(Read<Sourcing>),
    Name(String),
    Quantity(String),
    Note(String),
    Send,
    Sent(Arc<Result<SourcingCreated, ApiError>>),
    ListError(ErrorAction),
    Problem(ErrorAction),
}

pub type Action = super::Action<Message>;

impl State {
    pub fn new(copy: LocalCopy) -> State {
        State {
            requests: Loaded::new(copy),
            name: String::new(),
            quantity: String::new(),
            note: String::new(),
            sending: false,
            field_errors: BTreeMap::new(),
            problem: None,
            sent: None,
        }
    }

    pub fn visit(&self, client: &Client) -> Task<Message> {
        self.requests.first_read(client).map(Message::Read)
    }

    pub fn copy_refreshed(&self, client: &Client) -> Task<Message> {
        self.requests.read_again(client).map(Message::Read)
    }

    pub fn update(&mut self, message: Message, client: &Client) -> Action {
        match message {
            Message::Refresh | Message::ListError(ErrorAction::Retry) => {
                return Action::Run(self.requests.read(client, true).map(Message::Read));
            }
            Message::Read(read) => self.requests.take(&read),
            Message::Name(name) => {
                self.name = name;
                self.field_errors.remove(NAME);
            }
            Message::Quantity(quantity) => {
                self.quantity = quantity;
                self.field_errors.remove(QUANTITY);
            }
            Message::Note(note) => {
                self.note = note;
                self.field_errors.remove(NOTE);
            }
            Message::Send | Message::Problem(ErrorAction::Retry) => return self.send(client),
            Message::Sent(answer) => {
                self.sending = false;
                match answer.as_ref() {
                    Ok(created) => {
                        self.sent = Some(created.reference.clone().unwrap_or_default());
                        self.name.clear();
                        self.quantity.clear();
                        self.note.clear();
                        // The list as the store has it now, the new request in it.
                        return Action::Run(self.requests.read(client, true).map(Message::Read));
                    }
                    Err(ApiError::Validation {
                        fields, message, ..
                    }) => {
                        self.field_errors = fields.clone();
                        if fields.is_empty() {
                            self.field_errors
                                .insert(NAME.to_string(), vec![message.clone()]);
                        }
                    }
                    Err(ApiError::Unauthenticated { .. }) => return Action::ReplaceToken,
                    Err(error) => {
                        self.problem = Some(error.clone());
                        if error.outcome_uncertain() {
                            // The store may have it: the list says. Sending it again is
                            // safe too, its name being unique (a 422 if it arrived).
                            return Action::Run(
                                self.requests.read(client, true).map(Message::Read),
                            );
                        }
                    }
                }
            }
            Message::ListError(ErrorAction::ReplaceToken)
            | Message::Problem(ErrorAction::ReplaceToken) => return Action::ReplaceToken,
            Message::ListError(ErrorAction::Dismiss) => self.requests.dismiss(),
            Message::Problem(ErrorAction::Dismiss) => self.problem = None,
        }
        Action::None
    }

    /// Checks the form as the store would, then sends it.
    fn send(&mut self, client: &Client) -> Action {
        if self.sending {
            return Action::None;
        }
        self.field_errors.clear();
        self.problem = None;
        self.sent = None;
        let name = self.name.trim().to_string();
        if name.chars().count() < 3 {
            self.field_errors
                .insert(NAME.to_string(), vec![tr!("sourcing-name-needed")]);
        }
        let quantity = match self.quantity.trim() {
            "" => None,
            typed => match typed.parse::<i64>() {
                Ok(quantity) if quantity > 0 => Some(quantity),
                _ => {
                    self.field_errors
                        .insert(QUANTITY.to_string(), vec![tr!("sourcing-quantity-whole")]);
                    None
                }
            },
        };
        if !self.field_errors.is_empty() {
            return Action::None;
        }
        let request = NewSourcing {
            name,
            quantity,
            note: Some(self.note.trim().to_string()).filter(|note| !note.is_empty()),
        };
        self.sending = true;
        let client = client.clone();
        Action::Run(Task::perform(
            async move { Arc::new(client.create_sourcing(&request).await) },
            Message::Sent,
        ))
    }

    pub fn view(&self) -> Element<'_, Message> {
        let toolbar = reading_row![
            filling(
                text(tr!("sourcing-count", count = self.requests.items().len()))
                    .style(theme::muted)
            ),
            button(text(tr!("refresh")))
                .style(button::secondary)
                .on_press(Message::Refresh),
        ]
        .spacing(theme::GAP)
        .align_y(Center);
        let mut content = reading_column![toolbar].spacing(theme::GAP);
        if let Some(status) = self.requests.status(Message::ListError) {
            content = content.push(status);
        }
        let body = reading_row![self.table(), self.form()].spacing(theme::GAP);
        container(content.push(body)).padding(theme::PAD).into()
    }

    fn table(&self) -> Element<'_, Message> {
        let requests = self.requests.items();
        if requests.is_empty() {
            return center(text(tr!("sourcing-none"))).into();
        }
        let bold = |label: String| text(label).font(crate::gui::fonts::BOLD);
        let columns = [
            table::column(bold(tr!("column-reference")), |request: &Sourcing| {
                text(request.reference.clone().unwrap_or_default())
            }),
            table::column(bold(tr!("column-name")), |request: &Sourcing| {
                text(request.name.clone().unwrap_or_default())
            }),
            table::column(bold(tr!("column-quantity")), |request: &Sourcing| {
                text(request.quantity.map(|q| q.to_string()).unwrap_or_default())
            }),
            table::column(bold(tr!("column-status")), |request: &Sourcing| {
                let status = request.status.as_deref().unwrap_or("");
                container(text(status_label(status)).size(13))
                    .padding([1, 8])
                    .style(theme::status_badge(status))
            }),
            table::column(bold(tr!("column-created")), |request: &Sourcing| {
                text(local_time(request.created_at.as_deref()))
            }),
        ];
        table_view::scrolled(columns, requests)
    }

    fn form(&self) -> Element<'_, Message> {
        let field = |label: String, key: &str, input: Element<'static, Message>| {
            let mut field = reading_column![text(label).size(13), input].spacing(4);
            for problem in self.field_errors.get(key).into_iter().flatten() {
                field = field.push(text(problem.clone()).size(13).style(text::danger));
            }
            field
        };
        let mut form = reading_column![
            text(tr!("sourcing-new")).size(18),
            text(tr!("sourcing-why")).size(13).style(theme::muted),
            field(
                tr!("sourcing-name"),
                NAME,
                reading_input("", &self.name)
                    .id(NAME_ID)
                    .on_input(Message::Name)
                    .on_submit(Message::Send)
                    .into()
            ),
            field(
                tr!("sourcing-quantity"),
                QUANTITY,
                reading_input("", &self.quantity)
                    .on_input(Message::Quantity)
                    .on_submit(Message::Send)
                    .into()
            ),
            field(
                tr!("sourcing-note"),
                NOTE,
                reading_input("", &self.note)
                    .on_input(Message::Note)
                    .on_submit(Message::Send)
                    .into()
            ),
            button(text(if self.sending {
                tr!("sourcing-sending")
            } else {
                tr!("sourcing-send")
            }))
            .on_press_maybe((!self.sending).then_some(Message::Send)),
        ]
        .spacing(theme::GAP);
        if let Some(reference) = &self.sent {
            form = form.push(
                container(text(tr!("sourcing-sent", reference = reference.as_str())))
                    .padding(theme::PAD)
                    .width(Fill)
                    .style(theme::notice_banner),
            );
        }
        if let Some(problem) = &self.problem {
            form = form.push(error_view::view(problem, None, Message::Problem));
        }
        container(scrollable(form.padding(theme::PAD)))
            .width(360)
            .height(Fill)
            .style(theme::panel)
            .into()
    }
}
