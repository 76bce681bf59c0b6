//! Keyboard shortcuts: which key means what, on every layout. Which screen a shortcut goes
//! to is the window's choice, and what it does there the screen's (each maps the shortcuts
//! it knows to its own messages); this module knows no screen.

use iced::keyboard::key::{Code, Named, Physical};
use iced::keyboard::{self, Key};

/// A keyboard shortcut.
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
    /// Ctrl+1 to Ctrl+9: the tab at that place, 1 for the first (the open store's screen
    /// says which tab stands where).
    Tab(usize),
    /// A digit or a letter without Ctrl (the desk's outcome keys): digits by their place,
    /// letters as `to_latin` reads them.
    Key(char),
}

/// The shortcut a key press means. Letters are matched by `Key::to_latin`: the letter the
/// layout writes when it is Latin (Ctrl+Z is the key labelled Z on AZERTY), else the
/// physical key's place on a US keyboard (Ctrl+Z on an Arabic layout).
pub fn of_key(event: keyboard::Event) -> Option<Shortcut> {
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
    if let Some(place) = digit(physical_key) {
        return Some(Shortcut::Tab(place));
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
    let digit = digit(physical_key).and_then(|place| char::from_digit(place as u32, 10));
    digit.or_else(|| {
        key.to_latin(physical_key)
            .map(|letter| letter.to_ascii_lowercase())
            .filter(char::is_ascii_alphanumeric)
    })
}

/// The digit `1`–`9` on the key at that place of the top row, whatever the layout writes
/// there.
fn digit(physical_key: Physical) -> Option<usize> {
    match physical_key {
        Physical::Code(Code::Digit1) => Some(1),
        Physical::Code(Code::Digit2) => Some(2),
        Physical::Code(Code::Digit3) => Some(3),
        Physical::Code(Code::Digit4) => Some(4),
        Physical::Code(Code::Digit5) => Some(5),
        Physical::Code(Code::Digit6) => Some(6),
        Physical::Code(Code::Digit7) => Some(7),
        Physical::Code(Code::Digit8) => Some(8),
        Physical::Code(Code::Digit9) => Some(9),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use iced::keyboard::{Location, Modifiers};

    fn press(key: Key, code: Code, modifiers: Modifiers) -> Option<Shortcut> {
        of_key(keyboard::Event::KeyPressed {
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
            Some(Shortcut::Tab(5))
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
