//! The stores this console knows: switch to one, rename it, delete it (and its token),
//! or add another. Tokens are never shown, only their last characters.

use iced::widget::{button, center, container, scrollable, text};
use iced::{Center, Element, Fill};

use crate::gui::direction::{filling, reading_column, reading_input, reading_row};
use crate::gui::theme;
use crate::gui::widget::dialog;
use crate::i18n::tr;
use wedocod_core::config::StoreProfile;

/// The rename field, focused when a rename starts.
pub const RENAME_ID: &str = "profile-rename";

#[derive(Debug, Clone, Default)]
pub struct State {
    renaming: Option<(String, String)>,
    deleting: Option<String>,
    error: Option<String>,
}

#[derive(Debug, Clone)]
pub enum Message {
    Open(String),
    StartRename(String),
    RenameInput(String),
    ConfirmRename,
    CancelRename,
    AskDelete(String),
    ConfirmDelete,
    CancelDelete,
    Add,
    Back,
}

pub enum Action {
    None,
    Open(String),
    Rename { old: String, new: String },
    Delete(String),
    Add,
    Back,
}

impl State {
    /// Shows why the last change was refused (a taken name, a failed save).
    pub fn refuse(&mut self, reason: String) {
        self.error = Some(reason);
    }

    pub fn update(&mut self, message: Message) -> Action {
        self.error = None;
        match message {
            Message::Open(name) => return Action::Open(name),
            Message::StartRename(name) => self.renaming = Some((name.clone(), name)),
            Message::RenameInput(text) => {
                if let Some((_, new)) = &mut self.renaming {
                    *new = text;
                }
            }
            Message::ConfirmRename => {
                if let Some((old, new)) = self.renaming.take() {
                    return Action::Rename { old, new };
                }
            }
            Message::CancelRename => self.renaming = None,
            Message::AskDelete(name) => self.deleting = Some(name),
            Message::ConfirmDelete => {
                if let Some(name) = self.deleting.take() {
                    return Action::Delete(name);
                }
            }
            Message::CancelDelete => self.deleting = None,
            Message::Add => return Action::Add,
            Message::Back => return Action::Back,
        }
        Action::None
    }

    pub fn view<'a>(
        &'a self,
        profiles: &'a [StoreProfile],
        active: Option<&'a str>,
    ) -> Element<'a, Message> {
        let mut list = reading_column![].spacing(theme::GAP);
        for profile in profiles {
            list = list.push(self.card(profile, active == Some(profile.name.as_str())));
        }
        if profiles.is_empty() {
            list = list.push(text(tr!("no-profiles")).style(theme::muted));
        }
        let mut content = reading_column![
            reading_row![
                filling(text(tr!("profiles-title")).size(24)),
                button(text(tr!("back")))
                    .style(button::secondary)
                    .on_press(Message::Back),
                button(text(tr!("add-store"))).on_press(Message::Add),
            ]
            .spacing(theme::GAP)
            .align_y(Center),
            scrollable(list).height(Fill),
        ]
        .spacing(theme::PAD);
        if let Some(error) = &self.error {
            content = content.push(text(error).style(text::danger));
        }
        let screen: Element<'_, Message> = container(content).padding(20).max_width(820).into();
        let screen = center(screen).into();
        match &self.deleting {
            Some(name) => dialog::confirm(
                screen,
                tr!("delete-profile-title", name = name),
                tr!("delete-profile-body"),
                Message::CancelDelete,
                Message::ConfirmDelete,
            ),
            None => screen,
        }
    }

    fn card<'a>(&'a self, profile: &'a StoreProfile, is_active: bool) -> Element<'a, Message> {
        let token = match &profile.token_hint {
            Some(hint) => tr!("token-ending", hint = hint),
            None => tr!("token-saved"),
        };
        let address = format!(
            "{}{} · {}",
            profile.base_url, profile.prefix, profile.dialect
        );
        let title: Element<'_, Message> = match &self.renaming {
            Some((old, new)) if *old == profile.name => reading_row![
                reading_input(&tr!("field-profile-name"), new)
                    .id(RENAME_ID)
                    .on_input(Message::RenameInput)
                    .on_submit(Message::ConfirmRename)
                    .width(Fill),
                button(text(tr!("save"))).on_press(Message::ConfirmRename),
                button(text(tr!("cancel")))
                    .style(button::secondary)
                    .on_press(Message::CancelRename),
            ]
            .spacing(theme::GAP)
            .into(),
            _ => {
                let mut title = reading_row![text(&profile.name).size(18)]
                    .spacing(theme::GAP)
                    .align_y(Center);
                if is_active {
                    title = title.push(text(tr!("active-profile")).size(13).style(text::success));
                }
                title.into()
            }
        };
        let actions = reading_row![
            button(text(tr!("open"))).on_press(Message::Open(profile.name.clone())),
            button(text(tr!("rename")))
                .style(button::secondary)
                .on_press(Message::StartRename(profile.name.clone())),
            button(text(tr!("delete")))
                .style(button::danger)
                .on_press(Message::AskDelete(profile.name.clone())),
        ]
        .spacing(theme::GAP);
        container(
            reading_column![
                title,
                text(address).style(theme::muted),
                text(token).size(13).style(theme::muted),
                actions
            ]
            .spacing(6),
        )
        .padding(theme::PAD)
        .width(Fill)
        .style(theme::panel)
        .into()
    }
}
