//! How text and phones are folded so that a search finds what a merchant means: `Fès`
//! finds `fes`, `أحمد` finds `احمد`, and `06 12…`, `+212 6 12…`, `00212612…` and the same
//! number in Arabic-Indic digits are one customer. The copy stores the folded form in its
//! own columns and a query is folded by the same functions, so both sides always agree.
//! SQLite's `unicode61` tokenizer folds Latin accents only (notes/sqlite.md), which is
//! why the folding is done here, in Rust, for every script.

use std::sync::LazyLock;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;
use wedocod_import::{DEFAULT_PHONE_REGION, PhoneRules};

/// `text` as the search index holds it: lower case, without accents, Arabic diacritics
/// or tatweel, with one spelling of each Arabic letter that people write several ways
/// (alef with or without hamza, final yeh and alef maqsura, teh marbuta and heh) and
/// ASCII digits for Arabic-Indic ones.
pub fn fold_text(text: &str) -> String {
    text.nfd()
        .filter(|c| !is_combining_mark(*c) && *c != '\u{0640}')
        .map(fold_letter)
        .flat_map(char::to_lowercase)
        .collect()
}

/// One letter after decomposition (hamzas and maddas are combining marks by then).
fn fold_letter(c: char) -> char {
    match c {
        '\u{0671}' => '\u{0627}',              // alef wasla → alef
        '\u{0649}' | '\u{06CC}' => '\u{064A}', // alef maqsura, Farsi yeh → yeh
        '\u{0629}' => '\u{0647}',              // teh marbuta → heh
        '\u{06A9}' => '\u{0643}',              // keheh → kaf
        _ => ascii_digit(c).unwrap_or(c),
    }
}

/// The ASCII digit of an Arabic-Indic or Eastern Arabic-Indic digit.
fn ascii_digit(c: char) -> Option<char> {
    let value = match c {
        '\u{0660}'..='\u{0669}' => c as u32 - 0x0660,
        '\u{06F0}'..='\u{06F9}' => c as u32 - 0x06F0,
        _ => return None,
    };
    char::from_digit(value, 10)
}

static PHONE_RULES: LazyLock<Option<PhoneRules>> =
    LazyLock::new(|| PhoneRules::new(DEFAULT_PHONE_REGION));

/// One key per phone number: its international form (`+212612345678`) when it is a valid
/// number of the console's region or of another, else its digits (Arabic-Indic ones made
/// ASCII, a leading `00` dropped). `None` when the text holds no digit at all.
pub fn phone_key(phone: &str) -> Option<String> {
    let folded: String = phone.chars().map(|c| ascii_digit(c).unwrap_or(c)).collect();
    if let Some(valid) = PHONE_RULES
        .as_ref()
        .and_then(|rules| rules.check(&folded).ok())
    {
        return Some(valid.e164());
    }
    let digits: String = folded.chars().filter(char::is_ascii_digit).collect();
    let digits = digits.strip_prefix("00").unwrap_or(&digits);
    (!digits.is_empty()).then(|| digits.to_string())
}

/// Whether a search box's text is a phone number rather than words: mostly digits, at
/// least six of them.
pub fn looks_like_phone(query: &str) -> bool {
    let folded: Vec<char> = query
        .chars()
        .map(|c| ascii_digit(c).unwrap_or(c))
        .filter(|c| !c.is_whitespace())
        .collect();
    let digits = folded.iter().filter(|c| c.is_ascii_digit()).count();
    digits >= 6
        && folded
            .iter()
            .all(|c| c.is_ascii_digit() || matches!(c, '+' | '-' | '.' | '(' | ')' | '/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_accents_and_case_fold() {
        assert_eq!(fold_text("Fès"), "fes");
        assert_eq!(fold_text("MEKNÈS Maârif"), "meknes maarif");
        assert_eq!(fold_text("Kénitra"), fold_text("kenitra"));
    }

    #[test]
    fn arabic_spellings_fold_to_one() {
        assert_eq!(fold_text("أحمد"), fold_text("احمد"));
        assert_eq!(fold_text("إيمان"), fold_text("ايمان"));
        assert_eq!(fold_text("مصطفى"), fold_text("مصطفي"));
        assert_eq!(fold_text("فاطمة"), fold_text("فاطمه"));
        assert_eq!(fold_text("مُحَمَّد"), fold_text("محمد"));
        assert_eq!(fold_text("مـــحمد"), fold_text("محمد"));
        assert_eq!(fold_text("آمنة"), fold_text("امنه"));
    }

    #[test]
    fn every_spelling_of_a_phone_is_one_key() {
        let key = phone_key("0612345678").unwrap();
        assert_eq!(key, "+212612345678");
        for spelling in [
            "06 12 34 56 78",
            "+212 6 12 34 56 78",
            "00212612345678",
            "212612345678",
            "+212 (0)6-12-34-56-78",
            "٠٦١٢٣٤٥٦٧٨",
            "۰۶۱۲۳۴۵۶۷۸",
        ] {
            assert_eq!(
                phone_key(spelling).as_deref(),
                Some(key.as_str()),
                "{spelling}"
            );
        }
    }

    #[test]
    fn a_phone_that_is_no_number_keeps_its_digits() {
        assert_eq!(phone_key("12-34").as_deref(), Some("1234"));
        assert_eq!(phone_key("0012345").as_deref(), Some("12345"));
        assert_eq!(phone_key("no phone"), None);
    }

    #[test]
    fn phones_are_told_from_words() {
        assert!(looks_like_phone("06 12 34 56"));
        assert!(looks_like_phone("+212612345678"));
        assert!(looks_like_phone("٠٦١٢٣٤٥٦٧٨"));
        assert!(!looks_like_phone("LD-000123"));
        assert!(!looks_like_phone("Amina 0612"));
        assert!(!looks_like_phone("123"));
    }
}
