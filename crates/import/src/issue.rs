//! One problem found in the file: where (line, column), how bad (error blocks the row,
//! warning does not), a stable code for programs, and what to tell people about it (a
//! [`Wording`], said in English here and in the merchant's language by the window and the
//! terminal).

use serde::Serialize;

use super::wording::Wording;

/// Whether the row can be sent as it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The server would refuse the row.
    Error,
    /// The row can be sent, but the merchant should look at it.
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

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
    DuplicateLead => "duplicate_lead",
    TooManyCells => "too_many_cells",
    TooFewCells => "too_few_cells",
    NulByte => "nul_byte",
    UnclosedQuote => "unclosed_quote",
    EncodingGuessed => "encoding_guessed",
}

impl Serialize for IssueCode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// One problem, on one cell when a cell is to blame.
#[derive(Debug, Clone, PartialEq)]
pub struct Issue {
    /// The file line where the row starts (the header is usually line 1).
    pub line: u64,
    /// The column index, `None` when the whole row or file is concerned.
    pub column: Option<usize>,
    /// The field the cell feeds (`phone`, `sku_2`, `data`), or what the row-level check is about.
    pub field: String,
    /// The cell as written.
    pub value: String,
    pub severity: Severity,
    /// The wording's code, kept beside it: screens and counts filter on it for every row.
    pub code: IssueCode,
    pub wording: Wording,
}

impl Issue {
    /// What is wrong, in English (JSON output and written reports).
    pub fn message(&self) -> String {
        self.wording.message()
    }

    /// How to put it right, in English.
    pub fn fix(&self) -> String {
        self.wording.fix()
    }
}
