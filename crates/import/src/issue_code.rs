//! The stable codes of what can be wrong with a cell (`phone_invalid`, `unknown_sku`…):
//! what programs filter on in the `validate` JSON, the journals and the reports, and what
//! the window's filters list. Apart from the issue and its wording, which both name them.

use serde::Serialize;

macro_rules! issue_codes {
    ($($variant:ident => $code:literal),* $(,)?) => {
        /// Stable machine-readable codes: scripts and the GUI filter on them, so a code
        /// never changes meaning once released.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum IssueCode { $($variant),* }

        impl IssueCode {
            pub fn as_str(self) -> &'static str {
                match self { $(IssueCode::$variant => $code),* }
            }

            /// The code a journal or a report spells `code`; `None` for one this console
            /// does not know.
            pub fn of_str(code: &str) -> Option<IssueCode> {
                match code { $($code => Some(IssueCode::$variant),)* _ => None }
            }
        }
    };
}

issue_codes! {
    Required => "required",
    MissingColumn => "missing_column",
    TooShort => "too_short",
    TooLong => "too_long",
    NotAWholeNumber => "not_a_whole_number",
    NotANumber => "not_a_number",
    OutOfRange => "out_of_range",
    NotYesNo => "not_yes_no",
    InvalidEmail => "invalid_email",
    PhoneHasLetters => "phone_has_letters",
    PhoneScientificNotation => "phone_scientific_notation",
    PhoneInvalid => "phone_invalid",
    PhoneMissingLeadingZero => "phone_missing_leading_zero",
    PhoneForeign => "phone_foreign",
    PhoneUnknownRange => "phone_unknown_range",
    NoProducts => "no_products",
    TooManyProducts => "too_many_products",
    TooManyCustomFields => "too_many_custom_fields",
    UnknownSku => "unknown_sku",
    OutOfStock => "out_of_stock",
    DuplicateLead => "duplicate_lead",
    TooManyCells => "too_many_cells",
    TooFewCells => "too_few_cells",
    NulByte => "nul_byte",
    UnclosedQuote => "unclosed_quote",
    EncodingGuessed => "encoding_guessed",
    // A sentence written elsewhere (the server's refusal, the console's own note on a row,
    // a journal's record whose code this console does not know): journals and reports
    // write no code for it.
    Written => "written",
}

impl Serialize for IssueCode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}
