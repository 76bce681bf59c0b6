//! Keyboard shortcuts: which key means what, and which screen a shortcut goes to.

use iced::Task;
use iced::keyboard::{self, Key, key::Named};

use crate::gui::screen::{import, records};

use super::{App, Message, Screen, Tab};

/// A keyboard shortcut of the browse screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shortcut {
    PreviousPage,
    NextPage,
    Refresh,
    Search,
    Export,
    NextIssue,
    PreviousIssue,
    Undo,
    Redo,
}

pub(super) fn shortcut(event: keyboard::Event) -> Option<Shortcut> {
    let keyboard::Event::KeyPressed { key, modifiers, .. } = event else {
        return None;
    };
    match key.as_ref() {
        Key::Named(Named::PageUp) => Some(Shortcut::PreviousPage),
        Key::Named(Named::PageDown) => Some(Shortcut::NextPage),
        Key::Character("r") if modifiers.command() => Some(Shortcut::Refresh),
        Key::Character("f") if modifiers.command() => Some(Shortcut::Search),
        Key::Character("e") if modifiers.command() => Some(Shortcut::Export),
        Key::Named(Named::F5) => Some(Shortcut::Refresh),
        Key::Named(Named::F8) if modifiers.shift() => Some(Shortcut::PreviousIssue),
        Key::Named(Named::F8) => Some(Shortcut::NextIssue),
        Key::Character("z") if modifiers.command() => Some(Shortcut::Undo),
        Key::Character("y") if modifiers.command() => Some(Shortcut::Redo),
        _ => None,
    }
}

impl App {
    /// Hands a shortcut to the screen it belongs to; others ignore it.
    pub(super) fn on_shortcut(&mut self, shortcut: Shortcut) -> Task<Message> {
        let tab = match &self.screen {
            Screen::Browse(browse) => browse.tab,
            Screen::ImportOffline => Tab::Import,
            _ => return Task::none(),
        };
        match (tab, shortcut) {
            (Tab::Records(resource), Shortcut::PreviousPage) => {
                self.update_records(resource, records::Message::PreviousPage)
            }
            (Tab::Records(resource), Shortcut::NextPage) => {
                self.update_records(resource, records::Message::NextPage)
            }
            (Tab::Records(resource), Shortcut::Refresh) => {
                self.update_records(resource, records::Message::Refresh)
            }
            (Tab::Records(resource), Shortcut::Search) => {
                self.update_records(resource, records::Message::FocusSearch)
            }
            (Tab::Records(resource), Shortcut::Export) => {
                self.update_records(resource, records::Message::AskExport)
            }
            (Tab::Import, Shortcut::NextIssue) => {
                self.update_import(import::Message::Edit(import::Edit::NextIssue(true)))
            }
            (Tab::Import, Shortcut::PreviousIssue) => {
                self.update_import(import::Message::Edit(import::Edit::NextIssue(false)))
            }
            (Tab::Import, Shortcut::Undo) => {
                self.update_import(import::Message::Edit(import::Edit::Undo))
            }
            (Tab::Import, Shortcut::Redo) => {
                self.update_import(import::Message::Edit(import::Edit::Redo))
            }
            _ => Task::none(),
        }
    }
}
