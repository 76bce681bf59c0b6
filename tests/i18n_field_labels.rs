//! Every field a column can be mapped to has a label of its own in every language the
//! console speaks: a new `Field` without its words would show an empty or borrowed label
//! on the import screen and in the terminal. (Its rule and synonyms are checked in
//! `crates/import/src/target.rs`.) A test binary of its own: it switches the language
//! the whole process speaks.

use std::collections::BTreeSet;

use wedocod_console::i18n::{self, wording::target_said};
use wedocod_core::language::Language;
use wedocod_import::{Field, Target};

#[test]
fn every_field_has_a_distinct_label_in_every_language() {
    for language in Language::ALL {
        i18n::set_language(language);
        let labels: Vec<String> = Field::ALL
            .into_iter()
            .map(|field| target_said(Target::Field(field)))
            .collect();
        for (field, label) in Field::ALL.iter().zip(&labels) {
            assert!(
                !label.trim().is_empty() && !label.starts_with("label-"),
                "{language:?}: {field:?} is labelled {label:?}"
            );
        }
        let distinct: BTreeSet<&String> = labels.iter().collect();
        assert_eq!(distinct.len(), labels.len(), "{language:?}: {labels:?}");
    }
}
