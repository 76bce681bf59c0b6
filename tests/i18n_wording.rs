//! The checker's findings said through the catalogues: in English the window and the
//! terminal must say word for word what the JSON says (the importer's own English), for every
//! kind of finding, so the two can never drift apart.

use wedocod_api::ResourceName;
use wedocod_console::i18n::wording;
use wedocod_import::{Field, ProductPart};
use wedocod_import::{Label, Wording};

/// One finding of every kind, with every kind of label.
fn every_wording() -> Vec<Wording> {
    let text = |value: &str| value.to_string();
    let mut found = vec![
        Wording::MissingColumn {
            label: Label::ProductSku,
            name: text("sku"),
        },
        Wording::MissingColumn {
            label: Label::ProductPrice,
            name: text("price"),
        },
        Wording::InvalidEmail {
            value: text("ali@"),
        },
        Wording::NotAWholeNumber {
            label: Label::Product(ProductPart::Quantity),
            value: text("deux"),
            min: 1,
            max: 999,
        },
        Wording::NotAnAmount {
            label: Label::Product(ProductPart::UnitPrice),
            value: text("douze"),
        },
        Wording::OutOfRange {
            label: Label::Computed {
                wanted: ProductPart::LineTotal,
                from: ProductPart::UnitPrice,
            },
            value: text("0.50"),
            min: text("1"),
            max: text("999999"),
        },
        Wording::NotYesNo {
            label: Label::Field(Field::FeesPaidByCustomer),
            value: text("peut-être"),
        },
        Wording::TooShort {
            label: Label::Field(Field::FullName),
            length: 2,
            min: 3,
        },
        Wording::TooLong {
            label: Label::CustomValue(text("Couleur")),
            length: 300,
            max: 255,
        },
        Wording::TooManyCells { count: 9, width: 8 },
        Wording::TooFewCells { count: 7, width: 8 },
        Wording::NulByte,
        Wording::PhoneForeign {
            value: text("+33612345678"),
            country: text("FR"),
            region: text("MA"),
        },
        Wording::PhoneMissingLeadingZero {
            value: text("612345678"),
            national: text("0612345678"),
        },
        Wording::PhoneUnknownRange {
            value: text("0685209555"),
            region: text("MA"),
        },
        Wording::PhoneHasLetters {
            value: text("06.64.56.78.9O"),
        },
        Wording::PhoneScientificNotation {
            value: text("2,12613E+11"),
        },
        Wording::PhoneInvalid {
            value: text("0698"),
            region: text("MA"),
            example: text("0650123456"),
        },
        Wording::UnknownSku { sku: text("ARG-9") },
        Wording::OutOfStock {
            sku: text("PAR-121"),
        },
        Wording::TooManyCustomFields { count: 12, max: 10 },
        Wording::DuplicateLead { earlier: 4 },
        Wording::EncodingGuessed {
            encoding: text("windows-1256"),
        },
        Wording::UnclosedQuote { line: 12 },
        Wording::Required {
            label: Label::ColumnHeader,
        },
        Wording::Required {
            label: Label::OrderReference,
        },
        Wording::Written {
            message: text("The selected sku is invalid."),
        },
    ];
    for kind in [ResourceName::Leads, ResourceName::Orders] {
        found.push(Wording::NoProducts { kind });
        found.push(Wording::TooManyProducts {
            kind,
            count: 12,
            max: 10,
        });
    }
    for field in Field::ALL {
        found.push(Wording::Required {
            label: Label::Field(field),
        });
    }
    for part in ProductPart::ALL {
        found.push(Wording::Required {
            label: Label::Product(part),
        });
    }
    found
}

/// The place of each kind of finding: the match fails to compile when a kind is added,
/// so [`every_wording`] is brought up to date with it.
fn kind_of(wording: &Wording) -> usize {
    match wording {
        Wording::Required { .. } => 0,
        Wording::MissingColumn { .. } => 1,
        Wording::InvalidEmail { .. } => 2,
        Wording::NotAWholeNumber { .. } => 3,
        Wording::NotAnAmount { .. } => 4,
        Wording::OutOfRange { .. } => 5,
        Wording::NotYesNo { .. } => 6,
        Wording::TooShort { .. } => 7,
        Wording::TooLong { .. } => 8,
        Wording::TooManyCells { .. } => 9,
        Wording::TooFewCells { .. } => 10,
        Wording::NulByte => 11,
        Wording::PhoneForeign { .. } => 12,
        Wording::PhoneMissingLeadingZero { .. } => 13,
        Wording::PhoneUnknownRange { .. } => 14,
        Wording::PhoneHasLetters { .. } => 15,
        Wording::PhoneScientificNotation { .. } => 16,
        Wording::PhoneInvalid { .. } => 17,
        Wording::UnknownSku { .. } => 18,
        Wording::NoProducts { .. } => 19,
        Wording::TooManyProducts { .. } => 20,
        Wording::TooManyCustomFields { .. } => 21,
        Wording::DuplicateLead { .. } => 22,
        Wording::EncodingGuessed { .. } => 23,
        Wording::UnclosedQuote { .. } => 24,
        Wording::Written { .. } => 25,
        Wording::OutOfStock { .. } => 26,
    }
}

const KINDS: usize = 27;

#[test]
fn every_kind_of_finding_is_tried() {
    let mut seen = [false; KINDS];
    for wording in every_wording() {
        seen[kind_of(&wording)] = true;
    }
    assert!(seen.iter().all(|seen| *seen), "untried kinds: {seen:?}");
}

#[test]
fn the_english_catalogue_says_what_the_json_says() {
    for wording in every_wording() {
        assert_eq!(wording::message(&wording), wording.message());
        assert_eq!(wording::fix(&wording), wording.fix());
    }
}
