//! What the checker says about a cell, kept as a message and its values rather than a
//! finished sentence: the window and the terminal render it in the merchant's language
//! from their catalogues, while JSON output and the reports written to files keep the
//! English of [`Wording::message`] and [`Wording::fix`], the same whatever the language.

use crate::api::scope::ResourceName;

use super::issue_code::IssueCode;
use super::target::{Field, ProductPart, Target};

/// What a message calls the value it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Label {
    Field(Field),
    /// One part of a product line, whichever slot it is in.
    Product(ProductPart),
    OrderReference,
    /// The product's SKU column as a whole ("No column holds the product SKU").
    ProductSku,
    /// The product's price column as a whole.
    ProductPrice,
    /// A custom data column's header, as the key it is sent under.
    ColumnHeader,
    /// A custom data column's value: `value of "Couleur"`.
    CustomValue(String),
    /// A product amount worked out from the other one the file gives.
    Computed {
        wanted: ProductPart,
        from: ProductPart,
    },
}

impl Label {
    /// The label of what a column feeds.
    pub fn of(target: Target) -> Label {
        match target {
            Target::Field(field) => Label::Field(field),
            Target::Product { part, .. } => Label::Product(part),
            Target::GroupBy => Label::OrderReference,
        }
    }

    /// The label in English.
    pub fn english(&self) -> String {
        match self {
            Label::Field(field) => field_english(*field).to_string(),
            Label::Product(part) => part_english(*part).to_string(),
            Label::OrderReference => "order reference".to_string(),
            Label::ProductSku => "product SKU".to_string(),
            Label::ProductPrice => "product price".to_string(),
            Label::ColumnHeader => "column header".to_string(),
            Label::CustomValue(header) => format!("value of \"{header}\""),
            Label::Computed { wanted, from } => format!(
                "{} computed from the {}",
                part_english(*wanted),
                part_english(*from)
            ),
        }
    }
}

fn field_english(field: Field) -> &'static str {
    match field {
        Field::FullName => "full name",
        Field::FirstName => "first name",
        Field::LastName => "last name",
        Field::Phone => "phone",
        Field::Email => "e-mail",
        Field::City => "city",
        Field::Area => "area",
        Field::Address => "address",
        Field::ShipmentWay => "shipment way",
        Field::FeesPaidByCustomer => "\"fees paid by customer\" answer",
        Field::OrderTotal => "order total",
    }
}

fn part_english(part: ProductPart) -> &'static str {
    match part {
        ProductPart::Sku => "SKU",
        ProductPart::Quantity => "quantity",
        ProductPart::UnitPrice => "unit price",
        ProductPart::LineTotal => "product total",
    }
}

/// One thing the checker says, with the values its sentence and fix show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Wording {
    Required {
        label: Label,
    },
    MissingColumn {
        label: Label,
        /// The field's name in the API, as `--map` spells it.
        name: String,
    },
    InvalidEmail {
        value: String,
    },
    NotAWholeNumber {
        label: Label,
        value: String,
        min: i64,
        max: i64,
    },
    NotAnAmount {
        label: Label,
        value: String,
    },
    OutOfRange {
        label: Label,
        value: String,
        min: String,
        max: String,
    },
    NotYesNo {
        label: Label,
        value: String,
    },
    TooShort {
        label: Label,
        length: usize,
        min: usize,
    },
    TooLong {
        label: Label,
        length: usize,
        max: usize,
    },
    TooManyCells {
        count: usize,
        width: usize,
    },
    TooFewCells {
        count: usize,
        width: usize,
    },
    NulByte,
    PhoneForeign {
        value: String,
        /// The other country, as a region code (`FR`).
        country: String,
        region: String,
    },
    PhoneMissingLeadingZero {
        value: String,
        /// The number as it is written at home (`0612345678`).
        national: String,
    },
    PhoneUnknownRange {
        value: String,
        region: String,
    },
    PhoneHasLetters {
        value: String,
    },
    PhoneScientificNotation {
        value: String,
    },
    PhoneInvalid {
        value: String,
        region: String,
        /// A valid number of the region.
        example: String,
    },
    UnknownSku {
        sku: String,
    },
    /// A known product with nothing left in any warehouse.
    OutOfStock {
        sku: String,
    },
    NoProducts {
        kind: ResourceName,
    },
    TooManyProducts {
        kind: ResourceName,
        count: usize,
        max: usize,
    },
    TooManyCustomFields {
        count: usize,
        max: usize,
    },
    DuplicateLead {
        earlier: u64,
    },
    EncodingGuessed {
        encoding: String,
    },
    /// A sentence as it was written, with no finding behind it to say again: the server's
    /// message on a refused cell, or a finding read back from a journal (journals keep
    /// the English sentence only).
    Written {
        message: String,
    },
    UnclosedQuote {
        line: u64,
    },
}

/// "lead" or "order" in an English sentence.
fn kind_english(kind: ResourceName) -> &'static str {
    match kind {
        ResourceName::Leads => "lead",
        ResourceName::Orders => "order",
    }
}

impl Wording {
    /// The sentence in English.
    pub fn message(&self) -> String {
        match self {
            Wording::Required { label } => format!("The {} is empty.", label.english()),
            Wording::MissingColumn { label, .. } => {
                format!("No column holds the {}.", label.english())
            }
            Wording::InvalidEmail { value } => format!("\"{value}\" is not an e-mail address."),
            Wording::NotAWholeNumber { label, value, .. } => {
                format!("The {} \"{value}\" is not a whole number.", label.english())
            }
            Wording::NotAnAmount { label, value } => {
                format!("The {} \"{value}\" is not an amount.", label.english())
            }
            Wording::OutOfRange {
                label,
                value,
                min,
                max,
            } => format!(
                "The {} {value} is outside the allowed range {min} to {max}.",
                label.english()
            ),
            Wording::NotYesNo { label, value } => {
                format!("The {} \"{value}\" is neither yes nor no.", label.english())
            }
            Wording::TooShort { label, length, min } => format!(
                "The {} is too short: {length} characters, at least {min}.",
                label.english()
            ),
            Wording::TooLong { label, length, max } => format!(
                "The {} is too long: {length} characters, at most {max}.",
                label.english()
            ),
            Wording::TooManyCells { count, width } => format!(
                "This row has {count} cells but the header has {width}: a value probably holds an unquoted delimiter."
            ),
            Wording::TooFewCells { count, width } => {
                format!("This row has {count} of the header's {width} cells.")
            }
            Wording::NulByte => "This cell holds invisible NUL characters.".to_string(),
            Wording::PhoneForeign {
                value,
                country,
                region,
            } => format!("The phone \"{value}\" is a number from {country}, not {region}."),
            Wording::PhoneMissingLeadingZero { value, .. } => {
                format!("The phone \"{value}\" lost its leading 0 (Excel drops it).")
            }
            Wording::PhoneUnknownRange { value, region } => format!(
                "The phone \"{value}\" is not in a {region} range the phone metadata knows: check it."
            ),
            Wording::PhoneHasLetters { value } => {
                format!("The phone \"{value}\" contains letters.")
            }
            Wording::PhoneScientificNotation { value } => {
                format!("Excel turned the phone into \"{value}\" and lost its digits.")
            }
            Wording::PhoneInvalid { value, region, .. } => {
                format!("\"{value}\" is not a valid {region} phone number.")
            }
            Wording::UnknownSku { sku } => {
                format!("The SKU \"{sku}\" is not in your product catalogue.")
            }
            Wording::OutOfStock { sku } => {
                format!("\"{sku}\" is out of stock in every warehouse.")
            }
            Wording::NoProducts { kind } => format!("This {} has no product.", kind_english(*kind)),
            Wording::TooManyProducts { kind, count, max } => format!(
                "This {} has {count} products, at most {max} are allowed.",
                kind_english(*kind)
            ),
            Wording::TooManyCustomFields { count, max } => {
                format!("{count} extra columns are filled in this row; at most {max} can be sent.")
            }
            Wording::DuplicateLead { earlier } => format!(
                "Same phone and product as line {earlier}: probably the same customer twice."
            ),
            Wording::EncodingGuessed { encoding } => {
                format!("The file's encoding was guessed as {encoding} with low confidence.")
            }
            Wording::Written { message } => message.clone(),
            Wording::UnclosedQuote { line } => format!(
                "A quote opens on line {line} and never closes: the rest of the file was read as one cell."
            ),
        }
    }

    /// How to put it right, in English.
    pub fn fix(&self) -> String {
        match self {
            Wording::Required { label } => format!("Fill in the {}.", label.english()),
            Wording::MissingColumn { name, .. } => format!(
                "Add a \"{name}\" column, or choose one with --map {name}=<column header>."
            ),
            Wording::InvalidEmail { .. } => {
                "Write it like name@example.com, or leave it empty.".to_string()
            }
            Wording::NotAWholeNumber { min, max, .. } => {
                format!("Write a whole number from {min} to {max}.")
            }
            Wording::NotAnAmount { .. } => "Write an amount such as 149 or 149,50.".to_string(),
            Wording::OutOfRange { min, max, .. } => format!("Write a value from {min} to {max}."),
            Wording::NotYesNo { .. } => {
                "Write yes or no (oui/non, نعم/لا and 1/0 work too).".to_string()
            }
            Wording::TooShort { label, .. } => format!("Write the complete {}.", label.english()),
            Wording::TooLong { max, .. } => format!("Shorten it to {max} characters."),
            Wording::TooManyCells { .. } => {
                "Put quotes around values that contain the delimiter, or delete the extra cells."
                    .to_string()
            }
            Wording::TooFewCells { .. } => {
                "Look for a missing delimiter or a line broken in two.".to_string()
            }
            Wording::NulByte => "Delete them (the corrected file leaves them out).".to_string(),
            Wording::PhoneForeign { .. } => {
                "Check that the customer can be reached for delivery.".to_string()
            }
            Wording::PhoneMissingLeadingZero { national, .. } => format!("Write {national}."),
            Wording::PhoneUnknownRange { .. } => "The store accepts it (new ranges open before the metadata knows them); make sure the customer can be reached.".to_string(),
            Wording::PhoneHasLetters { .. } => "Keep only the digits of the number.".to_string(),
            Wording::PhoneScientificNotation { .. } => {
                "Format the phone column as Text in Excel and type the numbers again.".to_string()
            }
            Wording::PhoneInvalid { example, .. } => format!("A valid number looks like {example}."),
            Wording::UnknownSku { .. } => {
                "Check the spelling, or add the product in WedoCOD first.".to_string()
            }
            Wording::OutOfStock { .. } => {
                "The row can be sent, but the order may be cancelled: restock or ask a sourcing first.".to_string()
            }
            Wording::NoProducts { .. } => {
                "Fill in the SKU (and quantity) of what the customer ordered.".to_string()
            }
            Wording::TooManyProducts { kind, .. } => {
                format!("Split it into several {}s.", kind_english(*kind))
            }
            Wording::TooManyCustomFields { .. } => {
                "Map the columns you need to fields, or delete the others.".to_string()
            }
            Wording::DuplicateLead { earlier } => {
                format!("Delete this row or line {earlier} if they are the same order.")
            }
            Wording::EncodingGuessed { .. } => "If names look garbled, choose the encoding with --encoding (utf-8, windows-1252, windows-1256).".to_string(),
            Wording::UnclosedQuote { .. } => {
                "Add the closing quote (\") or delete the opening one.".to_string()
            }
            Wording::Written { .. } => String::new(),
        }
    }

    /// The stable code programs filter on.
    pub fn code(&self) -> IssueCode {
        match self {
            Wording::Required { .. } => IssueCode::Required,
            Wording::MissingColumn { .. } => IssueCode::MissingColumn,
            Wording::InvalidEmail { .. } => IssueCode::InvalidEmail,
            Wording::NotAWholeNumber { .. } => IssueCode::NotAWholeNumber,
            Wording::NotAnAmount { .. } => IssueCode::NotANumber,
            Wording::OutOfRange { .. } => IssueCode::OutOfRange,
            Wording::NotYesNo { .. } => IssueCode::NotYesNo,
            Wording::TooShort { .. } => IssueCode::TooShort,
            Wording::TooLong { .. } => IssueCode::TooLong,
            Wording::TooManyCells { .. } => IssueCode::TooManyCells,
            Wording::TooFewCells { .. } => IssueCode::TooFewCells,
            Wording::NulByte => IssueCode::NulByte,
            Wording::PhoneForeign { .. } => IssueCode::PhoneForeign,
            Wording::PhoneMissingLeadingZero { .. } => IssueCode::PhoneMissingLeadingZero,
            Wording::PhoneUnknownRange { .. } => IssueCode::PhoneUnknownRange,
            Wording::PhoneHasLetters { .. } => IssueCode::PhoneHasLetters,
            Wording::PhoneScientificNotation { .. } => IssueCode::PhoneScientificNotation,
            Wording::PhoneInvalid { .. } => IssueCode::PhoneInvalid,
            Wording::UnknownSku { .. } => IssueCode::UnknownSku,
            Wording::OutOfStock { .. } => IssueCode::OutOfStock,
            Wording::NoProducts { .. } => IssueCode::NoProducts,
            Wording::TooManyProducts { .. } => IssueCode::TooManyProducts,
            Wording::TooManyCustomFields { .. } => IssueCode::TooManyCustomFields,
            Wording::DuplicateLead { .. } => IssueCode::DuplicateLead,
            Wording::EncodingGuessed { .. } => IssueCode::EncodingGuessed,
            Wording::UnclosedQuote { .. } => IssueCode::UnclosedQuote,
            Wording::Written { .. } => IssueCode::Written,
        }
    }
}
