//! The console's texts in English, French and Arabic, for the window and the terminal: Project Fluent catalogues
//! (`assets/i18n/{en,fr,ar}/wedocod_console.ftl`) embedded in the binary and read through
//! i18n-embed. `tr!` is i18n-embed-fl's `fl!`: every message id and its variables are
//! checked against the English catalogue at compile time, and each language's plural
//! rules choose the form (Arabic has six). One place chooses the language:
//! [`set_language`], called at start-up with the computer's language and by Settings.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;
use std::sync::atomic::{AtomicU8, Ordering};

use fluent::FluentValue;
use i18n_embed::LanguageLoader;
use i18n_embed::fluent::{FluentLanguageLoader, fluent_language_loader};
use i18n_embed::unic_langid::LanguageIdentifier;
use rust_embed::RustEmbed;

#[derive(RustEmbed)]
#[folder = "assets/i18n/"]
struct Catalogues;

/// The languages are the core's, so the settings file names the same ones.
pub use wedocod_core::language::Language;

/// The first of the computer's preferred languages the console speaks; English when none
/// is.
pub fn system_language() -> Language {
    i18n_embed::DesktopLanguageRequester::requested_languages()
        .iter()
        .find_map(|tag| Language::of_locale(&tag.to_string()))
        .unwrap_or_default()
}

static LOADER: LazyLock<FluentLanguageLoader> = LazyLock::new(|| {
    let loader: FluentLanguageLoader = fluent_language_loader!();
    if let Err(error) = loader.load_fallback_language(&Catalogues) {
        // Cannot happen with the catalogues compiled in; the window then shows message ids.
        tracing::error!("the English catalogue did not load: {error}");
    }
    configure(&loader);
    loader
});

/// Settings that belong to the loaded bundles, so they are made after every load:
/// - no isolation marks: Fluent wraps each variable in Unicode isolation marks, which the
///   embedded fonts draw as boxes; Arabic sentences put their Latin values in order
///   without them;
/// - counts grouped by thousands as each language writes them (`12 000`, `12,000`):
///   fluent-rs formats numbers as plain digits, and takes a formatter for this.
fn configure(loader: &FluentLanguageLoader) {
    loader.set_use_isolating(false);
    loader.with_bundles_mut(|bundle| {
        let language = bundle
            .locales
            .first()
            .and_then(|locale| Language::of_locale(&locale.to_string()))
            .unwrap_or_default();
        bundle.set_formatter(Some(match language {
            Language::English => english_numbers,
            Language::French => french_numbers,
            Language::Arabic => arabic_numbers,
        }));
    });
}

fn english_numbers<M>(value: &FluentValue, _: &M) -> Option<String> {
    grouped_number(value, Language::English)
}

fn french_numbers<M>(value: &FluentValue, _: &M) -> Option<String> {
    grouped_number(value, Language::French)
}

fn arabic_numbers<M>(value: &FluentValue, _: &M) -> Option<String> {
    grouped_number(value, Language::Arabic)
}

/// A whole number of 1000 or more, grouped; anything else as Fluent writes it.
fn grouped_number(value: &FluentValue, language: Language) -> Option<String> {
    match value {
        FluentValue::Number(number)
            if number.value.fract() == 0.0
                && number.value.abs() >= 1000.0
                && number.value.abs() < 1e15
                && number.options.minimum_fraction_digits.is_none() =>
        {
            Some(conventions::whole_number_in(number.value as i64, language))
        }
        _ => None,
    }
}

static CURRENT: AtomicU8 = AtomicU8::new(0);

/// The loader `tr!` reads.
pub fn loader() -> &'static FluentLanguageLoader {
    &LOADER
}

/// Speaks `language` from now on, everywhere at once (English fills any gap).
pub fn set_language(language: Language) {
    let requested: Vec<LanguageIdentifier> = [language, Language::English]
        .iter()
        .filter_map(|language| language.code().parse().ok())
        .collect();
    match LOADER.load_languages(&Catalogues, &requested) {
        Ok(()) => {
            configure(&LOADER);
            CURRENT.store(language as u8, Ordering::SeqCst);
        }
        Err(error) => tracing::error!("the {} catalogue did not load: {error}", language.code()),
    }
}

/// The language spoken now.
pub fn language() -> Language {
    Language::ALL
        .into_iter()
        .find(|language| *language as u8 == CURRENT.load(Ordering::SeqCst))
        .unwrap_or_default()
}

/// A value a message shows: numbers stay numbers (they choose the plural form), anything
/// else is its text.
pub trait Arg {
    fn arg(&self) -> FluentValue<'static>;
}

macro_rules! number_args {
    ($($number:ty),*) => {
        $(impl Arg for $number {
            fn arg(&self) -> FluentValue<'static> {
                FluentValue::from(*self)
            }
        })*
    };
}
number_args!(u8, u16, u32, u64, usize, i32, i64, f64);

impl Arg for str {
    fn arg(&self) -> FluentValue<'static> {
        FluentValue::from(self.to_string())
    }
}

impl Arg for String {
    fn arg(&self) -> FluentValue<'static> {
        self.as_str().arg()
    }
}

impl Arg for Cow<'_, str> {
    fn arg(&self) -> FluentValue<'static> {
        self.as_ref().arg()
    }
}

impl Arg for std::path::Display<'_> {
    fn arg(&self) -> FluentValue<'static> {
        self.to_string().arg()
    }
}

/// Values shown as their text (errors, permissions, estimates…).
macro_rules! display_args {
    ($($shown:ty),*) => {
        $(impl Arg for $shown {
            fn arg(&self) -> FluentValue<'static> {
                self.to_string().arg()
            }
        })*
    };
}
display_args!(
    wedocod_api::ApiError,
    wedocod_api::Scope,
    wedocod_core::secrets::KeyringError
);

/// A number that names rather than counts (a file line): written as it is, never grouped
/// by thousands (`ligne 12345`, as French writes page and line numbers).
pub struct Plain<T>(pub T);

impl<T: std::fmt::Display> Arg for Plain<T> {
    fn arg(&self) -> FluentValue<'static> {
        self.0.to_string().arg()
    }
}

impl<T: Arg + ?Sized> Arg for &T {
    fn arg(&self) -> FluentValue<'static> {
        (**self).arg()
    }
}

/// The text of a message in the language spoken now: `tr!("leads")`,
/// `tr!("page-of", page = 2, pages = 7, total = 320)`. The id and the variables are
/// checked at compile time.
macro_rules! tr {
    ($id:literal) => {
        i18n_embed_fl::fl!($crate::i18n::loader(), $id)
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        i18n_embed_fl::fl!(
            $crate::i18n::loader(),
            $id,
            $($name = $crate::i18n::Arg::arg(&$value)),+
        )
    };
}
pub(crate) use tr;

/// A status as the merchant reads it (`call_later` → "Call later", "À rappeler"); a
/// status the catalogues do not know, as the server wrote it. The code itself is what is
/// sent and filtered on.
pub fn status_label(status: &str) -> String {
    coded_label("status", status)
}

/// A code the server sends (a status, a payment method) in the language: the catalogue's
/// `{family}-{code}` when it has one, else the code as the server wrote it.
pub fn coded_label(family: &str, code: &str) -> String {
    let id = format!("{family}-{code}");
    if code.is_empty() {
        "—".to_string()
    } else if LOADER.has(&id) {
        LOADER.get(&id)
    } else {
        code.to_string()
    }
}

/// "leads" or "orders" inside a sentence.
pub fn kind_words(kind: wedocod_api::ResourceName) -> String {
    match kind {
        wedocod_api::ResourceName::Leads => tr!("kind-leads"),
        wedocod_api::ResourceName::Orders => tr!("kind-orders"),
    }
}

/// The text of message `id` (for tests and ids chosen at run time; the screens use
/// `tr!`, which is checked at compile time).
pub fn text(id: &str) -> String {
    LOADER.get(id)
}

/// [`text`] with variables: `text_with("page-of", &[("page", &2), ("pages", &7), ("total", &320)])`.
pub fn text_with(id: &str, args: &[(&str, &dyn Arg)]) -> String {
    let args: HashMap<&str, FluentValue<'static>> = args
        .iter()
        .map(|(name, value)| (*name, value.arg()))
        .collect();
    LOADER.get_args_concrete(id, args)
}

pub mod api_error;
pub mod config_warning;
pub mod conventions;
pub mod export;
pub mod read_error;
pub mod sync;
pub mod upload;
pub mod wording;

#[cfg(test)]
mod tests {
    use super::*;

    /// A loader of its own in `language`: the window's loader is shared by every test.
    fn loader_in(language: Language) -> FluentLanguageLoader {
        let loader: FluentLanguageLoader = fluent_language_loader!();
        let ids: Vec<LanguageIdentifier> = [language.code(), "en"]
            .iter()
            .map(|code| code.parse().unwrap())
            .collect();
        loader.load_languages(&Catalogues, &ids).unwrap();
        configure(&loader);
        loader
    }

    fn say(loader: &FluentLanguageLoader, id: &str, args: &[(&str, &dyn Arg)]) -> String {
        let args = args
            .iter()
            .map(|(name, value)| (*name, value.arg()))
            .collect();
        loader.get_args_concrete(id, args)
    }

    #[test]
    fn french_and_arabic_choose_their_own_plural_forms() {
        let french = loader_in(Language::French);
        assert_eq!(
            say(&french, "deleted", &[("count", &0)]),
            "0 enregistrement supprimé."
        );
        assert_eq!(
            say(&french, "deleted", &[("count", &2)]),
            "2 enregistrements supprimés."
        );
        assert_eq!(
            say(
                &french,
                "export-estimate",
                &[("requests", &4), ("minutes", &0)]
            ),
            "environ 4 requêtes, moins d’une minute"
        );
        assert_eq!(
            say(&french, "check-duplicate", &[("line", &Plain(12_345))]),
            "Même téléphone et même produit qu’à la ligne 12345\u{202f}: sans doute le même client deux fois."
        );
        assert_eq!(
            say(&french, "cli-export-rows", &[("rows", &12_000)]),
            "12\u{202f}000 lignes"
        );
        let english = loader_in(Language::English);
        assert_eq!(
            say(&english, "cli-export-rows", &[("rows", &12_000)]),
            "12,000 rows"
        );
        let arabic = loader_in(Language::Arabic);
        assert_eq!(say(&arabic, "deleted", &[("count", &2)]), "حُذف سجلان.");
        assert_eq!(say(&arabic, "deleted", &[("count", &5)]), "حُذفت 5 سجلات.");
        assert_eq!(say(&arabic, "deleted", &[("count", &11)]), "حُذف 11 سجلًا.");
        assert_eq!(say(&arabic, "deleted", &[("count", &100)]), "حُذف 100 سجل.");
        assert_eq!(
            say(
                &arabic,
                "export-estimate",
                &[("requests", &2), ("minutes", &1)]
            ),
            "طلبان، نحو دقيقة"
        );
    }

    #[test]
    fn the_whatsapp_templates_keep_their_placeholders() {
        for language in Language::ALL {
            let template = say(&loader_in(language), "desk-whatsapp-template", &[]);
            for placeholder in ["{name}", "{products}", "{total}", "{city}"] {
                assert!(template.contains(placeholder), "{language:?}: {template}");
            }
        }
    }

    #[test]
    fn messages_are_filled_and_choose_their_plural() {
        assert_eq!(
            text_with("page-of", &[("page", &2), ("pages", &7), ("total", &320)]),
            "Page 2 of 7 · 320 in all"
        );
        assert_eq!(text_with("deleted", &[("count", &1)]), "1 record deleted.");
        assert_eq!(text_with("deleted", &[("count", &3)]), "3 records deleted.");
    }
}
