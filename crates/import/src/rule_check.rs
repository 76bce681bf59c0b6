//! One value against one field rule of the contract (`api::rules`): the limits come from
//! there, what is said about a value from here (in [`Wording`], rendered in the merchant's
//! language by the window and the terminal).

use crate::api::profile::Dialect;
use crate::api::rules::{FieldKind, FieldRule};

use super::issue::{Issue, Severity};
use super::values::{
    format_amount, looks_like_email, parse_amount, parse_whole_number, parse_yes_no,
};
use super::wording::{Label, Wording};

/// What is wrong with a value, before it is pinned to a cell.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub severity: Severity,
    pub wording: Wording,
}

impl Finding {
    pub fn error(wording: Wording) -> Finding {
        Finding {
            severity: Severity::Error,
            wording,
        }
    }

    pub fn warning(wording: Wording) -> Finding {
        Finding {
            severity: Severity::Warning,
            wording,
        }
    }

    /// Pins the finding to a cell.
    pub fn at(self, line: u64, column: Option<usize>, field: String, value: &str) -> Issue {
        Issue {
            line,
            column_index: column,
            header: None,
            field,
            value: value.to_string(),
            severity: self.severity,
            code: self.wording.code(),
            wording: self.wording,
        }
    }
}

/// The finding for an empty required value.
pub fn required(label: Label) -> Finding {
    Finding::error(Wording::Required { label })
}

/// Checks `value` (already trimmed) against `rule`; `None` when it passes or is an
/// allowed blank. `label` is built only for a value that fails.
pub fn check_value(
    rule: &FieldRule,
    label: impl FnOnce() -> Label,
    value: &str,
    dialect: Dialect,
) -> Option<Finding> {
    if value.is_empty() {
        return rule
            .requirement
            .is_required(dialect)
            .then(|| required(label()));
    }
    match rule.kind {
        FieldKind::Text { min, max } => {
            // A character takes 1 to 4 bytes: most cells are judged without counting.
            let bytes = value.len();
            if bytes <= max && bytes >= min.saturating_mul(4) {
                None
            } else {
                check_length(label, value.chars().count(), min, max)
            }
        }
        FieldKind::Email { max } => {
            if !looks_like_email(value) {
                Some(Finding::error(Wording::InvalidEmail {
                    value: value.to_string(),
                }))
            } else {
                check_length(label, value.chars().count(), 1, max)
            }
        }
        FieldKind::Integer { min, max } => match parse_whole_number(value) {
            None => Some(Finding::error(Wording::NotAWholeNumber {
                label: label(),
                value: value.to_string(),
                min,
                max,
            })),
            Some(number) => (!(min..=max).contains(&number))
                .then(|| out_of_range(label(), value, min.to_string(), max.to_string())),
        },
        FieldKind::Money { min, max } => match parse_amount(value) {
            None => Some(not_an_amount(label(), value)),
            Some(amount) => check_amount(label, value, amount, min, max),
        },
        FieldKind::Boolean => parse_yes_no(value).is_none().then(|| {
            Finding::error(Wording::NotYesNo {
                label: label(),
                value: value.to_string(),
            })
        }),
    }
}

/// Checks a length in characters against `min..=max`.
pub fn check_length(
    label: impl FnOnce() -> Label,
    length: usize,
    min: usize,
    max: usize,
) -> Option<Finding> {
    if length < min {
        Some(Finding::error(Wording::TooShort {
            label: label(),
            length,
            min,
        }))
    } else if length > max {
        Some(Finding::error(Wording::TooLong {
            label: label(),
            length,
            max,
        }))
    } else {
        None
    }
}

/// Checks an amount (read from `written`) against `min..=max`.
pub fn check_amount(
    label: impl FnOnce() -> Label,
    written: &str,
    amount: f64,
    min: f64,
    max: f64,
) -> Option<Finding> {
    (!(min..=max).contains(&amount))
        .then(|| out_of_range(label(), written, format_amount(min), format_amount(max)))
}

pub fn not_an_amount(label: Label, value: &str) -> Finding {
    Finding::error(Wording::NotAnAmount {
        label,
        value: value.to_string(),
    })
}

fn out_of_range(label: Label, value: &str, min: String, max: String) -> Finding {
    Finding::error(Wording::OutOfRange {
        label,
        value: value.to_string(),
        min,
        max,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::rules::item_schema;
    use crate::api::scope::ResourceName;
    use crate::issue_code::IssueCode;
    use crate::target::{Field, ProductPart};

    #[test]
    fn limits_come_from_the_contract() {
        let schema = item_schema(ResourceName::Leads, Dialect::V2);
        let name = schema.field("full_name").unwrap();
        assert_eq!(
            check_value(name, || Label::Field(Field::FullName), "Al", Dialect::V2)
                .unwrap()
                .wording
                .code(),
            IssueCode::TooShort
        );
        assert_eq!(
            check_value(name, || Label::Field(Field::FullName), "", Dialect::V2)
                .unwrap()
                .wording
                .code(),
            IssueCode::Required
        );
        assert!(check_value(name, || Label::Field(Field::FullName), "Ali", Dialect::V2).is_none());
        let city = schema.field("city").unwrap();
        assert!(check_value(city, || Label::Field(Field::City), "", Dialect::V1).is_none());
        let quantity = schema.products.field("quantity").unwrap();
        assert_eq!(
            check_value(
                quantity,
                || Label::Product(ProductPart::Quantity),
                "1000",
                Dialect::V2
            )
            .unwrap()
            .wording
            .code(),
            IssueCode::OutOfRange
        );
        assert_eq!(
            check_value(
                quantity,
                || Label::Product(ProductPart::Quantity),
                "2,5",
                Dialect::V2
            )
            .unwrap()
            .wording
            .code(),
            IssueCode::NotAWholeNumber
        );
        let total = schema.products.field("total").unwrap();
        assert!(
            check_value(
                total,
                || Label::Product(ProductPart::LineTotal),
                "12,50",
                Dialect::V2
            )
            .is_none()
        );
        assert_eq!(
            check_value(
                total,
                || Label::Product(ProductPart::LineTotal),
                "0,50",
                Dialect::V2
            )
            .unwrap()
            .wording
            .code(),
            IssueCode::OutOfRange
        );
        assert_eq!(
            check_value(
                total,
                || Label::Product(ProductPart::LineTotal),
                "douze",
                Dialect::V2
            )
            .unwrap()
            .wording
            .code(),
            IssueCode::NotANumber
        );
    }

    #[test]
    fn orders_check_emails_and_yes_no() {
        let schema = item_schema(ResourceName::Orders, Dialect::V2);
        let email = schema.field("email").unwrap();
        assert_eq!(
            check_value(email, || Label::Field(Field::Email), "ali@", Dialect::V2)
                .unwrap()
                .wording
                .code(),
            IssueCode::InvalidEmail
        );
        let fees = schema.field("is_fees_paid_by_customer").unwrap();
        assert!(
            check_value(
                fees,
                || Label::Field(Field::FeesPaidByCustomer),
                "oui",
                Dialect::V2
            )
            .is_none()
        );
        assert_eq!(
            check_value(
                fees,
                || Label::Field(Field::FeesPaidByCustomer),
                "peut-être",
                Dialect::V2
            )
            .unwrap()
            .wording
            .code(),
            IssueCode::NotYesNo
        );
    }
}
