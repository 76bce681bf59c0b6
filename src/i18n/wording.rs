//! The checker's findings in the language spoken now: each [`Wording`] of the importer
//! (`wedocod-import`) becomes its catalogue message, with its values; a sentence the
//! store wrote (`Wording::Written`) is said as written. `tr!` checks every id and variable
//! against the English catalogue at compile time, and `tests/i18n_wording.rs` checks that
//! the English catalogue says exactly what the importer's own English says.

use super::Plain;
use wedocod_api::ResourceName;
use wedocod_import::{Field, ProductPart, Target};
use wedocod_import::{Label, Wording};

/// What is wrong, as a sentence.
pub fn message(wording: &Wording) -> String {
    match wording {
        Wording::Required { label } => tr!("check-required", label = said(label)),
        Wording::MissingColumn { label, .. } => {
            tr!("check-missing-column", label = said(label))
        }
        Wording::InvalidEmail { value } => tr!("check-invalid-email", value = value),
        Wording::NotAWholeNumber { label, value, .. } => {
            tr!("check-not-whole", label = said(label), value = value)
        }
        Wording::NotAnAmount { label, value } => {
            tr!("check-not-amount", label = said(label), value = value)
        }
        Wording::OutOfRange {
            label,
            value,
            min,
            max,
        } => tr!(
            "check-out-of-range",
            label = said(label),
            value = value,
            min = min,
            max = max
        ),
        Wording::NotYesNo { label, value } => {
            tr!("check-not-yes-no", label = said(label), value = value)
        }
        Wording::TooShort { label, length, min } => tr!(
            "check-too-short",
            label = said(label),
            length = length,
            min = min
        ),
        Wording::TooLong { label, length, max } => tr!(
            "check-too-long",
            label = said(label),
            length = length,
            max = max
        ),
        Wording::TooManyCells { count, width } => {
            tr!("check-too-many-cells", count = count, width = width)
        }
        Wording::TooFewCells { count, width } => {
            tr!("check-too-few-cells", count = count, width = width)
        }
        Wording::NulByte => tr!("check-nul"),
        Wording::PhoneForeign {
            value,
            country,
            region,
        } => tr!(
            "check-phone-foreign",
            value = value,
            country = country,
            region = region
        ),
        Wording::PhoneMissingLeadingZero { value, .. } => {
            tr!("check-phone-lost-zero", value = value)
        }
        Wording::PhoneUnknownRange { value, region } => {
            tr!("check-phone-unknown-range", value = value, region = region)
        }
        Wording::PhoneHasLetters { value } => tr!("check-phone-letters", value = value),
        Wording::PhoneScientificNotation { value } => {
            tr!("check-phone-scientific", value = value)
        }
        Wording::PhoneInvalid { value, region, .. } => {
            tr!("check-phone-invalid", value = value, region = region)
        }
        Wording::UnknownSku { sku } => tr!("check-unknown-sku", sku = sku),
        Wording::OutOfStock { sku } => tr!("check-out-of-stock", sku = sku),
        Wording::NoProducts { kind } => match kind {
            ResourceName::Leads => tr!("check-lead-no-product"),
            ResourceName::Orders => tr!("check-order-no-product"),
        },
        Wording::TooManyProducts { kind, count, max } => match kind {
            ResourceName::Leads => tr!("check-lead-too-many-products", count = count, max = max),
            ResourceName::Orders => {
                tr!("check-order-too-many-products", count = count, max = max)
            }
        },
        Wording::TooManyCustomFields { count, max } => {
            tr!("check-too-many-extra-columns", count = count, max = max)
        }
        Wording::DuplicateLead { earlier } => tr!("check-duplicate", line = Plain(earlier)),
        Wording::EncodingGuessed { encoding } => {
            tr!("check-encoding-guessed", encoding = encoding)
        }
        Wording::UnclosedQuote { line } => tr!("check-unclosed-quote", line = Plain(line)),
        // The server's message, or a journal's English: said as it was written.
        Wording::Written { message } => message.clone(),
    }
}

/// How to put it right.
pub fn fix(wording: &Wording) -> String {
    match wording {
        Wording::Required { label } => tr!("fix-required", label = said(label)),
        Wording::MissingColumn { name, .. } => tr!("fix-missing-column", name = name),
        Wording::InvalidEmail { .. } => tr!("fix-invalid-email"),
        Wording::NotAWholeNumber { min, max, .. } => tr!("fix-not-whole", min = min, max = max),
        Wording::NotAnAmount { .. } => tr!("fix-not-amount"),
        Wording::OutOfRange { min, max, .. } => tr!("fix-out-of-range", min = min, max = max),
        Wording::NotYesNo { .. } => tr!("fix-not-yes-no"),
        Wording::TooShort { label, .. } => tr!("fix-too-short", label = said(label)),
        Wording::TooLong { max, .. } => tr!("fix-too-long", max = max),
        Wording::TooManyCells { .. } => tr!("fix-too-many-cells"),
        Wording::TooFewCells { .. } => tr!("fix-too-few-cells"),
        Wording::NulByte => tr!("fix-nul"),
        Wording::PhoneForeign { .. } => tr!("fix-phone-foreign"),
        Wording::PhoneMissingLeadingZero { national, .. } => {
            tr!("fix-phone-lost-zero", national = national)
        }
        Wording::PhoneUnknownRange { .. } => tr!("fix-phone-unknown-range"),
        Wording::PhoneHasLetters { .. } => tr!("fix-phone-letters"),
        Wording::PhoneScientificNotation { .. } => tr!("fix-phone-scientific"),
        Wording::PhoneInvalid { example, .. } => tr!("fix-phone-invalid", example = example),
        Wording::UnknownSku { .. } => tr!("fix-unknown-sku"),
        Wording::OutOfStock { .. } => tr!("fix-out-of-stock"),
        Wording::NoProducts { .. } => tr!("fix-no-product"),
        Wording::TooManyProducts { kind, .. } => match kind {
            ResourceName::Leads => tr!("fix-lead-too-many-products"),
            ResourceName::Orders => tr!("fix-order-too-many-products"),
        },
        Wording::TooManyCustomFields { .. } => tr!("fix-too-many-extra-columns"),
        Wording::DuplicateLead { earlier } => tr!("fix-duplicate", line = Plain(earlier)),
        Wording::EncodingGuessed { .. } => tr!("fix-encoding-guessed"),
        Wording::UnclosedQuote { .. } => tr!("fix-unclosed-quote"),
        Wording::Written { .. } => String::new(),
    }
}

/// What a column feeds, as a menu names it: "Nom complet", "Quantité", "SKU 2".
pub fn target_said(target: Target) -> String {
    let said = match target {
        // The sentence's label is "the 'fees paid by customer' answer".
        Target::Field(Field::FeesPaidByCustomer) => tr!("detail-fees-paid-by"),
        Target::Field(field) => field_said(field),
        Target::Product { part, slot: 1 } => part_said(part),
        Target::Product { part, slot } => format!("{} {slot}", part_said(part)),
        Target::GroupBy => tr!("label-order-reference"),
    };
    let mut letters = said.chars();
    match letters.next() {
        Some(first) => first.to_uppercase().chain(letters).collect(),
        None => said,
    }
}

/// What a message calls the value it is about.
fn said(label: &Label) -> String {
    match label {
        Label::Field(field) => field_said(*field),
        Label::Product(part) => part_said(*part),
        Label::OrderReference => tr!("label-order-reference"),
        Label::ProductSku => tr!("label-product-sku"),
        Label::ProductPrice => tr!("label-product-price"),
        Label::ColumnHeader => tr!("label-column-header"),
        Label::CustomValue(header) => tr!("label-custom-value", header = header),
        Label::Computed { wanted, from } => tr!(
            "label-computed",
            wanted = part_said(*wanted),
            from = part_said(*from)
        ),
    }
}

fn field_said(field: Field) -> String {
    match field {
        Field::FullName => tr!("label-full-name"),
        Field::FirstName => tr!("label-first-name"),
        Field::LastName => tr!("label-last-name"),
        Field::Phone => tr!("label-phone"),
        Field::Email => tr!("label-email"),
        Field::City => tr!("label-city"),
        Field::Area => tr!("label-area"),
        Field::Address => tr!("label-address"),
        Field::ShipmentWay => tr!("label-shipment-way"),
        Field::FeesPaidByCustomer => tr!("label-fees"),
        Field::OrderTotal => tr!("label-order-total"),
    }
}

fn part_said(part: ProductPart) -> String {
    match part {
        ProductPart::Sku => tr!("label-sku"),
        ProductPart::Quantity => tr!("label-quantity"),
        ProductPart::UnitPrice => tr!("label-unit-price"),
        ProductPart::LineTotal => tr!("label-product-total"),
    }
}
