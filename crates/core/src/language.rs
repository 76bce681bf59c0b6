//! The languages the console speaks, one list for the window, the terminal and the
//! settings file. The catalogues that give each its words are the window's
//! (`assets/i18n/`); the core only needs to know which languages exist, so that the
//! settings file can be repaired without them.

use serde::{Deserialize, Serialize};

/// A language the console speaks. Its settings-file spelling (and its catalogue's folder)
/// is its code: `en`, `fr`, `ar`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Language {
    #[default]
    #[serde(rename = "en")]
    English,
    #[serde(rename = "fr")]
    French,
    #[serde(rename = "ar")]
    Arabic,
}

impl Language {
    /// Every language, in the order a language menu lists them. A new language is one more
    /// variant here, its catalogue folder, and its number conventions in the window.
    pub const ALL: [Language; 3] = [Language::English, Language::French, Language::Arabic];

    /// The catalogue's folder and the settings file's spelling: `en`, `fr`, `ar`.
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::French => "fr",
            Language::Arabic => "ar",
        }
    }

    /// The language a settings file or a command line spells `code`; `None` for one the
    /// console does not speak.
    pub fn of_code(code: &str) -> Option<Language> {
        Language::ALL
            .into_iter()
            .find(|language| language.code() == code)
    }

    /// Whether it is read from the right: the window mirrors its whole layout then.
    pub fn is_right_to_left(self) -> bool {
        match self {
            Language::Arabic => true,
            Language::English | Language::French => false,
        }
    }

    /// The language's name in itself, as a language menu shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Language::English => "English",
            Language::French => "Français",
            Language::Arabic => "العربية",
        }
    }

    /// The language of a locale tag (`fr-MA`, `ar_MA.UTF-8`, `en-US`); `None` for one the
    /// console does not speak.
    pub fn of_locale(tag: &str) -> Option<Language> {
        let primary = tag
            .split(['-', '_', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        Language::of_code(&primary)
    }
}

impl std::fmt::Display for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.native_name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_back_and_serde_spells_them_the_same() {
        for language in Language::ALL {
            assert_eq!(Language::of_code(language.code()), Some(language));
            assert_eq!(
                serde_json::to_string(&language).unwrap(),
                format!("\"{}\"", language.code())
            );
        }
        assert_eq!(Language::of_code("tlh"), None);
    }

    #[test]
    fn locales_name_their_language() {
        assert_eq!(Language::of_locale("fr-MA"), Some(Language::French));
        assert_eq!(Language::of_locale("ar_MA.UTF-8"), Some(Language::Arabic));
        assert_eq!(Language::of_locale("en-US"), Some(Language::English));
        assert_eq!(Language::of_locale("de-DE"), None);
    }
}
