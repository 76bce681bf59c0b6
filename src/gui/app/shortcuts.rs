//! Keyboard shortcuts: which key means what, and which screen a shortcut goes to.

use iced::Task;
use iced::keyboard::key::{Code, Named, Physical};
use iced::keyboard::{self, Key};

use wedocod_api::ResourceName;

use crate::gui::screen::{desk, import, records};

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
    /// Esc: the open panel or dialog closes.
    Close,
    /// Ctrl+1 to Ctrl+6: Dashboard, Leads, Orders, Desk, Import, Uploads.
    Tab(Tab),
    /// A digit or a letter without Ctrl (the desk's outcome keys): digits by their place,
    /// letters as `to_latin` reads them.
    Key(char),
}

/// The shortcut a key press means. Letters are matched by `Key::to_latin`: the letter the
/// layout writes when it is Latin (Ctrl+Z is the key labelled Z on AZERTY), else the
/// physical key's place on a US keyboard (Ctrl+Z on an Arabic layout).
pub(super) fn shortcut(event: keyboard::Event) -> Option<Shortcut> {
    let keyboard::Event::KeyPressed {
        key,
        physical_key,
        modifiers,
        ..
    } = event
    else {
        return None;
    };
    if let Key::Named(named) = key.as_ref() {
        return match named {
            Named::PageUp => Some(Shortcut::PreviousPage),
            Named::PageDown => Some(Shortcut::NextPage),
            Named::F5 => Some(Shortcut::Refresh),
            Named::F8 if modifiers.shift() => Some(Shortcut::PreviousIssue),
            Named::F8 => Some(Shortcut::NextIssue),
            Named::Escape => Some(Shortcut::Close),
            _ => None,
        };
    }
    if modifiers.is_empty() {
        return plain_key(&key, physical_key).map(Shortcut::Key);
    }
    // AltGr is Ctrl+Alt on Windows: AltGr+3 writes `#` on AZERTY, not a shortcut.
    if !modifiers.command() || modifiers.alt() {
        return None;
    }
    // Digits by their place: AZERTY writes & é " ' on that row without Shift.
    let tab = match physical_key {
        Physical::Code(Code::Digit1) => Some(Tab::Dashboard),
        Physical::Code(Code::Digit2) => Some(Tab::Records(ResourceName::Leads)),
        Physical::Code(Code::Digit3) => Some(Tab::Records(ResourceName::Orders)),
        Physical::Code(Code::Digit4) => Some(Tab::Desk),
        Physical::Code(Code::Digit5) => Some(Tab::Import),
        Physical::Code(Code::Digit6) => Some(Tab::Uploads),
        _ => None,
    };
    if let Some(tab) = tab {
        return Some(Shortcut::Tab(tab));
    }
    match key.to_latin(physical_key)?.to_ascii_lowercase() {
        'r' => Some(Shortcut::Refresh),
        'f' => Some(Shortcut::Search),
        'e' => Some(Shortcut::Export),
        'z' => Some(Shortcut::Undo),
        'y' => Some(Shortcut::Redo),
        _ => None,
    }
}

/// A key pressed alone: `1`–`9` by their place (AZERTY writes `&é"` there), letters as
/// the layout writes them when Latin, else by their place.
fn plain_key(key: &Key, physical_key: Physical) -> Option<char> {
    let digit = match physical_key {
        Physical::Code(Code::Digit1) => Some('1'),
        Physical::Code(Code::Digit2) => Some('2'),
        Physical::Code(Code::Digit3) => Some('3'),
        Physical::Code(Code::Digit4) => Some('4'),
        Physical::Code(Code::Digit5) => Some('5'),
        Physical::Code(Code::Digit6) => Some('6'),
        Physical::Code(Code::Digit7) => Some('7'),
        Physical::Code(Code::Digit8) => Some('8'),
        Physical::Code(Code::Digit9) => Some('9'),
        _ => None,
    };
    digit.or_else(|| {
        key.to_latin(physical_key)
            .map(|letter| letter.to_ascii_lowercase())
            .filter(char::is_ascii_alphanumeric)
    })
}

impl App {
    /// Hands a shortcut to the screen it belongs to; others ignore it.
    pub(super) fn on_shortcut(&mut self, shortcut: Shortcut) -> Task<Message> {
        if self.settings.is_some() {
            if shortcut == Shortcut::Close {
                self.settings = None;
            }
            return Task::none();
        }
        if let Shortcut::Tab(tab) = shortcut {
            return match &self.screen {
                Screen::Browse(_) => self.show_tab(tab),
                _ => Task::none(),
            };
        }
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
            (Tab::Records(resource), Shortcut::Close) => {
                self.update_records(resource, records::Message::Close)
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
            (Tab::Desk, Shortcut::Key(key)) => self.update_desk(desk::Message::Key(key)),
            (Tab::Desk, Shortcut::Undo) => self.update_desk(desk::Message::Undo),
            _ => Task::none(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use iced::keyboard::{Location, Modifiers};

    fn press(key: Key, code: Code, modifiers: Modifiers) -> Option<Shortcut> {
        shortcut(keyboard::Event::KeyPressed {
            modified_key: key.clone(),
            key,
            physical_key: Physical::Code(code),
            location: Location::Standard,
            modifiers,
            text: None,
            repeat: false,
        })
    }

    #[test]
    fn letters_are_the_same_keys_on_every_layout() {
        let ctrl = Modifiers::CTRL;
        // QWERTY, AZERTY (its Z is where QWERTY has W), and Arabic (the Z key writes ئ).
        assert_eq!(
            press(Key::Character("z".into()), Code::KeyZ, ctrl),
            Some(Shortcut::Undo)
        );
        assert_eq!(
            press(Key::Character("z".into()), Code::KeyW, ctrl),
            Some(Shortcut::Undo)
        );
        assert_eq!(
            press(Key::Character("ئ".into()), Code::KeyZ, ctrl),
            Some(Shortcut::Undo)
        );
        assert_eq!(
            press(Key::Character("ث".into()), Code::KeyE, ctrl),
            Some(Shortcut::Export)
        );
        assert_eq!(
            press(Key::Character("z".into()), Code::KeyZ, Modifiers::SHIFT),
            None
        );
        assert_eq!(
            press(Key::Named(Named::Escape), Code::Escape, Modifiers::empty()),
            Some(Shortcut::Close)
        );
        // Ctrl+5 on AZERTY writes `(` with that key: the tab is chosen by its place.
        assert_eq!(
            press(Key::Character("(".into()), Code::Digit5, ctrl),
            Some(Shortcut::Tab(Tab::Import))
        );
        // The desk's keys alone: `1` is `&` on AZERTY, `s` is `س` on an Arabic layout.
        assert_eq!(
            press(Key::Character("&".into()), Code::Digit1, Modifiers::empty()),
            Some(Shortcut::Key('1'))
        );
        assert_eq!(
            press(Key::Character("س".into()), Code::KeyS, Modifiers::empty()),
            Some(Shortcut::Key('s'))
        );
    }
}
