//! The catalogues of `assets/i18n/`: one folder per language the console speaks (the
//! core's `Language::ALL`), every message of the English one in every other language with
//! the same variables (a missing one would show English, a renamed variable an empty
//! hole), each parses without error, and no message of another language was left in
//! English.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use wedocod_core::language::Language;

/// Message id → the variables it uses.
type Catalogue = BTreeMap<String, (BTreeSet<String>, String)>;

fn variables(pattern: &Pattern<&str>, found: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        let PatternElement::Placeable { expression } = element else {
            continue;
        };
        match expression {
            Expression::Inline(inline) => inline_variables(inline, found),
            Expression::Select { selector, variants } => {
                inline_variables(selector, found);
                for variant in variants {
                    variables(&variant.value, found);
                }
            }
        }
    }
}

fn inline_variables(inline: &InlineExpression<&str>, found: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            found.insert(id.name.to_string());
        }
        InlineExpression::Placeable { expression } => {
            let pattern = Pattern {
                elements: vec![PatternElement::Placeable {
                    expression: (**expression).clone(),
                }],
            };
            variables(&pattern, found);
        }
        _ => {}
    }
}

fn catalogue(language: &str) -> Catalogue {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets/i18n")
        .join(language)
        .join("wedocod_console.ftl");
    let source = std::fs::read_to_string(&path).unwrap();
    let resource = fluent_syntax::parser::parse(source.as_str())
        .unwrap_or_else(|(_, errors)| panic!("{language}: {errors:?}"));
    let mut messages = Catalogue::new();
    for entry in &resource.body {
        match entry {
            Entry::Message(message) => {
                let value = message.value.as_ref().expect("every message has a value");
                let mut found = BTreeSet::new();
                variables(value, &mut found);
                let text = message_text(&source, message.id.name);
                let previous = messages.insert(message.id.name.to_string(), (found, text));
                assert!(previous.is_none(), "{language}: {} twice", message.id.name);
            }
            Entry::Junk { content } => panic!("{language}: unreadable: {content}"),
            _ => {}
        }
    }
    messages
}

/// The lines of message `id` as written (its first line and the indented ones after it).
fn message_text(source: &str, id: &str) -> String {
    let start = format!("{id} =");
    let mut lines = source.lines().skip_while(|line| !line.starts_with(&start));
    let first = lines.next().unwrap_or_default();
    let rest = lines.take_while(|line| line.starts_with(' ') || line.starts_with('}'));
    std::iter::once(first)
        .chain(rest)
        .collect::<Vec<_>>()
        .join("\n")
}

/// The codes of every language but English, whose catalogue is the reference.
fn translations() -> impl Iterator<Item = &'static str> {
    Language::ALL
        .into_iter()
        .filter(|language| *language != Language::English)
        .map(Language::code)
}

#[test]
fn every_language_spoken_has_a_catalogue_folder_and_every_folder_a_language() {
    let folders: BTreeSet<String> =
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/i18n"))
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
    let spoken: BTreeSet<String> = Language::ALL
        .into_iter()
        .map(|language| language.code().to_string())
        .collect();
    assert_eq!(folders, spoken);
}

#[test]
fn every_language_says_everything_english_says_with_the_same_variables() {
    let english = catalogue("en");
    assert!(english.len() > 200, "{} messages", english.len());
    for language in translations() {
        let other = catalogue(language);
        let missing: Vec<&String> = english
            .keys()
            .filter(|id| !other.contains_key(*id))
            .collect();
        let extra: Vec<&String> = other
            .keys()
            .filter(|id| !english.contains_key(*id))
            .collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{language}: missing {missing:?}, extra {extra:?}"
        );
        for (id, (variables, _)) in &english {
            assert_eq!(&other[id].0, variables, "{language}: the variables of {id}");
        }
    }
}

#[test]
fn nothing_was_left_in_english() {
    let english = catalogue("en");
    // The same word in French, or no words at all.
    let alike = [
        "column-total",
        "column-sku",
        "column-stock",
        "product-description",
        "sourcing-tab",
        "upload-mode",
        "pause",
        "leads",
        "history-entry",
        "batch-line",
        "detail-email",
        "kind-leads",
        "label-sku",
        "label-email",
        "cli-page",
        "desk-whatsapp",
        "glance-percent",
        "trends-minutes",
    ];
    for language in translations() {
        let other = catalogue(language);
        let untranslated: Vec<&String> = english
            .iter()
            .filter(|(id, (_, text))| {
                !alike.contains(&id.as_str())
                    && other[*id].1 == *text
                    && text.contains(char::is_alphabetic)
            })
            .map(|(id, _)| id)
            .collect();
        assert!(
            untranslated.is_empty(),
            "{language}: still English: {untranslated:?}"
        );
    }
}
