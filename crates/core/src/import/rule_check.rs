//! One value against one field rule of the contract (`api::rules`): the limits come from
//! there, the words for the merchant from here.

use crate::api::profile::Dialect;
use crate::api::rules::{FieldKind, FieldRule};

use super::issue::{Issue, IssueCode, Severity};
use super::values::{
    format_amount, looks_like_email, parse_amount, parse_whole_number, parse_yes_no,
};

/// What is wrong with a value, before it is pinned to a cell.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub severity: Severity,
    pub code: IssueCode,
    pub message: String,
    pub fix: Option<String>,
}

impl Finding {
    pub fn error(code: IssueCode, message: String, fix: Option<String>) -> Finding {
        Finding {
            severity: Severity::Error,
            code,
            message,
            fix,
        }
    }

    pub fn warning(code: IssueCode, message: String, fix: Option<String>) -> Finding {
        Finding {
            severity: Severity::Warning,
            code,
            message,
            fix,
        }
    }

    /// Pins the finding to a cell.
    pub fn at(self, line: u64, column: Option<usize>, field: String, value: &str) -> Issue {
        Issue {
            line,
            column,
            field,
            value: value.to_string(),
            severity: self.severity,
            code: self.code,
            message: self.message,
            fix: self.fix,
        }
    }
}

/// The finding for an empty required value.
pub fn required(label: &str) -> Finding {
    Finding::error(
        IssueCode::Required,
        format!("The {label} is empty."),
        Some(format!("Fill in the {label}.")),
    )
}

/// Checks `value` (already trimmed) against `rule`; `None` when it passes or is an
/// allowed blank.
pub fn check_value(
    rule: &FieldRule,
    label: &str,
    value: &str,
    dialect: Dialect,
) -> Option<Finding> {
    if value.is_empty() {
        return rule
            .requirement
            .is_required(dialect)
            .then(|| required(label));
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
                Some(Finding::error(
                    IssueCode::InvalidEmail,
                    format!("\"{value}\" is not an e-mail address."),
                    Some("Write it like name@example.com, or leave it empty.".to_string()),
                ))
            } else {
                check_length(label, value.chars().count(), 1, max)
            }
        }
        FieldKind::Integer { min, max } => match parse_whole_number(value) {
            None => Some(Finding::error(
                IssueCode::NotAWholeNumber,
                format!("The {label} \"{value}\" is not a whole number."),
                Some(format!("Write a whole number from {min} to {max}.")),
            )),
            Some(number) => (!(min..=max).contains(&number))
                .then(|| out_of_range(label, value, &min.to_string(), &max.to_string())),
        },
        FieldKind::Money { min, max } => match parse_amount(value) {
            None => Some(not_an_amount(label, value)),
            Some(amount) => check_amount(label, value, amount, min, max),
        },
        FieldKind::Boolean => parse_yes_no(value).is_none().then(|| {
            Finding::error(
                IssueCode::NotYesNo,
                format!("The {label} \"{value}\" is neither yes nor no."),
                Some("Write yes or no (oui/non, نعم/لا and 1/0 work too).".to_string()),
            )
        }),
    }
}

/// Checks a length in characters against `min..=max`.
pub fn check_length(label: &str, length: usize, min: usize, max: usize) -> Option<Finding> {
    if length < min {
        Some(Finding::error(
            IssueCode::TooShort,
            format!("The {label} is too short: {length} characters, at least {min}."),
            Some(format!("Write the complete {label}.")),
        ))
    } else if length > max {
        Some(Finding::error(
            IssueCode::TooLong,
            format!("The {label} is too long: {length} characters, at most {max}."),
            Some(format!("Shorten it to {max} characters.")),
        ))
    } else {
        None
    }
}

/// Checks an amount (read from `written`) against `min..=max`.
pub fn check_amount(
    label: &str,
    written: &str,
    amount: f64,
    min: f64,
    max: f64,
) -> Option<Finding> {
    (!(min..=max).contains(&amount))
        .then(|| out_of_range(label, written, &format_amount(min), &format_amount(max)))
}

pub fn not_an_amount(label: &str, value: &str) -> Finding {
    Finding::error(
        IssueCode::NotANumber,
        format!("The {label} \"{value}\" is not an amount."),
        Some("Write an amount such as 149 or 149,50.".to_string()),
    )
}

fn out_of_range(label: &str, value: &str, min: &str, max: &str) -> Finding {
    Finding::error(
        IssueCode::OutOfRange,
        format!("The {label} {value} is outside the allowed range {min} to {max}."),
        Some(format!("Write a value from {min} to {max}.")),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::rules::item_schema;
    use crate::api::scope::ResourceName;

    #[test]
    fn limits_come_from_the_contract() {
        let schema = item_schema(ResourceName::Leads, Dialect::V2);
        let name = schema.field("full_name").unwrap();
        assert_eq!(
            check_value(name, "full name", "Al", Dialect::V2)
                .unwrap()
                .code,
            IssueCode::TooShort
        );
        assert_eq!(
            check_value(name, "full name", "", Dialect::V2)
                .unwrap()
                .code,
            IssueCode::Required
        );
        assert!(check_value(name, "full name", "Ali", Dialect::V2).is_none());
        let city = schema.field("city").unwrap();
        assert!(check_value(city, "city", "", Dialect::V1).is_none());
        let quantity = schema.products.field("quantity").unwrap();
        assert_eq!(
            check_value(quantity, "quantity", "1000", Dialect::V2)
                .unwrap()
                .code,
            IssueCode::OutOfRange
        );
        assert_eq!(
            check_value(quantity, "quantity", "2,5", Dialect::V2)
                .unwrap()
                .code,
            IssueCode::NotAWholeNumber
        );
        let total = schema.products.field("total").unwrap();
        assert!(check_value(total, "line total", "12,50", Dialect::V2).is_none());
        assert_eq!(
            check_value(total, "line total", "0,50", Dialect::V2)
                .unwrap()
                .code,
            IssueCode::OutOfRange
        );
        assert_eq!(
            check_value(total, "line total", "douze", Dialect::V2)
                .unwrap()
                .code,
            IssueCode::NotANumber
        );
    }

    #[test]
    fn orders_check_emails_and_yes_no() {
        let schema = item_schema(ResourceName::Orders, Dialect::V2);
        let email = schema.field("email").unwrap();
        assert_eq!(
            check_value(email, "e-mail", "ali@", Dialect::V2)
                .unwrap()
                .code,
            IssueCode::InvalidEmail
        );
        let fees = schema.field("is_fees_paid_by_customer").unwrap();
        assert!(check_value(fees, "fees", "oui", Dialect::V2).is_none());
        assert_eq!(
            check_value(fees, "fees", "peut-être", Dialect::V2)
                .unwrap()
                .code,
            IssueCode::NotYesNo
        );
    }
}
