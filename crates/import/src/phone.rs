//! Phone numbers of the delivery country (Morocco by default). The spellings merchants
//! use — `0612345678`, `+212 6 12 34 56 78`, `00212…`, `212…`, `+212 (0)6…`, Arabic-Indic
//! digits — are reduced to the national number here, then judged against the phonenumber
//! crate's metadata for the region. Its full parser (about 100× slower) is called only
//! for numbers of another country. Letters are refused before anything else: the crate
//! would silently read them as keypad digits.

use phonenumber::metadata::{DATABASE, Descriptor, Metadata};
use phonenumber::{Type, country};
use regex::{Regex, RegexBuilder};

use super::values::ascii_digit;

/// The most digits a phone number has (E.164: 15) plus room for a trunk or IDD prefix.
const MAX_DIGITS: usize = 18;

/// The number types the crate treats as valid (everything but `Unknown`).
const VALID_TYPES: [Type; 10] = [
    Type::Mobile,
    Type::FixedLine,
    Type::TollFree,
    Type::PremiumRate,
    Type::SharedCost,
    Type::Voip,
    Type::PersonalNumber,
    Type::Pager,
    Type::Uan,
    Type::Voicemail,
];

/// Why a phone cell cannot be sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhoneProblem {
    /// Letters in the cell (`06 12 AB`, `tel: 0612…`).
    Letters,
    /// Excel turned the number into `6.12346E+08`.
    ScientificNotation,
    /// Digits that form no valid number.
    Invalid,
}

/// A phone number that can be sent, as `+` country code national number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidPhone {
    /// The international digits without `+` (`212612345678`).
    digits: u64,
    /// Set when the number belongs to another country than the region's.
    pub foreign_region: Option<String>,
    /// Set when the cell held the national number without its leading `0`.
    pub missing_leading_zero: bool,
    /// Set when the number has the region's shape (its length and leading digits) but lies
    /// in no range the metadata knows: ranges are allocated faster than the metadata ships
    /// (`0685209555`), and the store accepts them, so this is for the merchant to check.
    pub unknown_range: bool,
}

impl ValidPhone {
    /// `+212612345678`.
    pub fn e164(&self) -> String {
        format!("+{}", self.digits)
    }

    /// The length of [`Self::e164`] without building it (checked on every row).
    pub fn e164_len(&self) -> usize {
        1 + self
            .digits
            .checked_ilog10()
            .map_or(1, |log| log as usize + 1)
    }

    /// A number equal for every spelling of the same phone (duplicate detection).
    pub fn key(&self) -> u64 {
        self.digits
    }
}

/// One number-type pattern of the metadata, compiled for this checker. The crate's own
/// `Descriptor::is_match` goes through a regex cache behind one global mutex, keyed by
/// the pattern's text: fine for one number, a queue when every core checks phones.
#[derive(Debug, Clone)]
struct NumberPattern {
    lengths: Vec<u16>,
    /// The pattern anchored at the start, as the crate matches it.
    regex: Regex,
}

impl NumberPattern {
    fn compile(descriptor: &Descriptor) -> Option<NumberPattern> {
        let source = format!("^(?:{})", descriptor.national_number().as_str());
        Some(NumberPattern {
            lengths: descriptor.possible_length().to_vec(),
            // The metadata's patterns are written across lines, as the crate reads them.
            regex: RegexBuilder::new(&source)
                .ignore_whitespace(true)
                .build()
                .ok()?,
        })
    }

    /// The crate's rule: a possible length, and a match starting at the first digit.
    fn matches(&self, national: &str) -> bool {
        let length = u16::try_from(national.len()).unwrap_or(u16::MAX);
        (self.lengths.is_empty() || self.lengths.contains(&length)) && self.regex.is_match(national)
    }
}

/// The region whose numbers a file holds unless the merchant says otherwise (ISO 3166
/// code): WedoCOD ships in Morocco, so `0612345678` is read as `+212612345678`.
pub const DEFAULT_PHONE_REGION: &str = "MA";

/// The phone rules of one region, looked up once.
#[derive(Debug, Clone)]
pub struct PhoneRules {
    region: String,
    metadata: &'static Metadata,
    general: NumberPattern,
    /// The valid number types, mobile first (most merchants' customers).
    types: Vec<NumberPattern>,
    country_code: String,
    country_code_value: u64,
    national_prefix: String,
}

impl PhoneRules {
    /// The rules of `region` (ISO code such as `MA`). Loading the crate's metadata is its
    /// slow first call: do it once, before the rows flow.
    pub fn new(region: &str) -> Option<PhoneRules> {
        let region = region.trim().to_uppercase();
        let metadata = DATABASE.by_id(region.as_str())?;
        let descriptors = metadata.descriptors();
        let rules = PhoneRules {
            general: NumberPattern::compile(descriptors.general())?,
            types: VALID_TYPES
                .iter()
                .filter_map(|kind| descriptors.get(*kind))
                .filter_map(NumberPattern::compile)
                .collect(),
            country_code: metadata.country_code().to_string(),
            country_code_value: u64::from(metadata.country_code()),
            national_prefix: metadata.national_prefix().unwrap_or("").to_string(),
            region,
            metadata,
        };
        rules.warm_up();
        Some(rules)
    }

    pub fn region(&self) -> &str {
        &self.region
    }

    /// A valid example in the national spelling merchants type (`0650123456`).
    pub fn example(&self) -> String {
        let national = self
            .metadata
            .descriptors()
            .mobile()
            .and_then(|mobile| mobile.example())
            .unwrap_or("");
        format!("{}{national}", self.national_prefix)
    }

    /// The spelling merchants type at home: `0612345678` (foreign numbers stay `+…`).
    pub fn national_spelling(&self, phone: &ValidPhone) -> String {
        let digits = phone.digits.to_string();
        match digits.strip_prefix(self.country_code.as_str()) {
            Some(national) if phone.foreign_region.is_none() => {
                format!("{}{national}", self.national_prefix)
            }
            _ => phone.e164(),
        }
    }

    /// Compiles the region's patterns now rather than on the first row.
    fn warm_up(&self) {
        let example = self.example();
        let _ = self.check(&example);
        let _ = phonenumber::parse(None, "+33612345678");
    }

    /// Judges one cell.
    pub fn check(&self, cell: &str) -> Result<ValidPhone, PhoneProblem> {
        let (plus, digits) = digits_of(cell)?;
        let digits = digits.as_str();
        let cc = self.country_code.as_str();
        let international = if plus {
            Some(digits)
        } else {
            digits.strip_prefix("00")
        };
        if let Some(international) = international {
            return match international.strip_prefix(cc) {
                Some(national) => self.national(national, false),
                None => foreign(international),
            };
        }
        if let Some(national) = self.strip_national_prefix(digits) {
            return self.national(national, false);
        }
        if let Some(national) = digits
            .strip_prefix(cc)
            .filter(|n| self.is_valid_national(n))
        {
            return self.national(national, false);
        }
        self.national(digits, true)
    }

    /// `digits` without the trunk prefix (`0`), when it has one.
    fn strip_national_prefix<'d>(&self, digits: &'d str) -> Option<&'d str> {
        if self.national_prefix.is_empty() {
            return None;
        }
        digits.strip_prefix(self.national_prefix.as_str())
    }

    fn national(&self, national: &str, missing_zero: bool) -> Result<ValidPhone, PhoneProblem> {
        // `+212 (0)6…`: the trunk zero written after the country code.
        let national = match self.strip_national_prefix(national) {
            Some(stripped) if !missing_zero && self.is_valid_national(stripped) => stripped,
            _ => national,
        };
        let known = self.is_valid_national(national);
        // Without its leading zero a number of the region's shape alone is too much of a
        // guess: only a known range is taken.
        if !known && (missing_zero || !self.has_region_shape(national)) {
            return Err(PhoneProblem::Invalid);
        }
        let digits = u32::try_from(national.len())
            .ok()
            .and_then(|len| 10u64.checked_pow(len))
            .and_then(|scale| self.country_code_value.checked_mul(scale))
            .zip(national.parse::<u64>().ok())
            .and_then(|(prefix, national)| prefix.checked_add(national))
            .ok_or(PhoneProblem::Invalid)?;
        Ok(ValidPhone {
            digits,
            foreign_region: None,
            missing_leading_zero: missing_zero && !self.national_prefix.is_empty(),
            unknown_range: !known,
        })
    }

    /// Whether `national` has the shape of the region's numbers, known range or not: a
    /// length some number type of the region has, and the leading digits of the metadata's
    /// general pattern.
    fn has_region_shape(&self, national: &str) -> bool {
        let length = u16::try_from(national.len()).unwrap_or(u16::MAX);
        self.types
            .iter()
            .any(|pattern| pattern.lengths.contains(&length))
            && self.general.regex.is_match(national)
    }

    /// The crate's own validity rule (`number_type != Unknown`) on the region's metadata.
    fn is_valid_national(&self, national: &str) -> bool {
        !national.is_empty()
            && self.general.matches(national)
            && self.types.iter().any(|pattern| pattern.matches(national))
    }
}

/// A number with a country code that is not the region's: valid elsewhere, or invalid.
fn foreign(international: &str) -> Result<ValidPhone, PhoneProblem> {
    let number =
        phonenumber::parse(None, format!("+{international}")).map_err(|_| PhoneProblem::Invalid)?;
    if !number.is_valid() {
        return Err(PhoneProblem::Invalid);
    }
    let region = number
        .country()
        .id()
        .map(|id: country::Id| format!("{id:?}"))
        .unwrap_or_else(|| format!("+{}", number.code().value()));
    Ok(ValidPhone {
        digits: international.parse().map_err(|_| PhoneProblem::Invalid)?,
        foreign_region: Some(region),
        missing_leading_zero: false,
        unknown_range: false,
    })
}

/// The ASCII digits of a cell, kept on the stack: this runs on every row.
struct Digits {
    buffer: [u8; MAX_DIGITS],
    len: usize,
}

impl Digits {
    fn as_str(&self) -> &str {
        self.buffer
            .get(..self.len)
            .and_then(|digits| std::str::from_utf8(digits).ok())
            .unwrap_or("")
    }
}

/// The digits of a cell as ASCII and whether it starts with `+`. Spaces, dots, dashes,
/// slashes, brackets and bidi marks are spelling; letters and anything else are not.
fn digits_of(cell: &str) -> Result<(bool, Digits), PhoneProblem> {
    let cell = cell.trim();
    if looks_scientific(cell) {
        return Err(PhoneProblem::ScientificNotation);
    }
    let mut digits = Digits {
        buffer: [0; MAX_DIGITS],
        len: 0,
    };
    let mut plus = false;
    for c in cell.chars() {
        if let Some(digit) = ascii_digit(c) {
            let slot = digits
                .buffer
                .get_mut(digits.len)
                .ok_or(PhoneProblem::Invalid)?;
            *slot = digit;
            digits.len += 1;
            continue;
        }
        match c {
            '+' | '\u{FF0B}' if digits.len == 0 && !plus => plus = true,
            ' ' | '\u{a0}' | '.' | '-' | '/' | '(' | ')' | '\t' => {}
            '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => {}
            c if c.is_alphabetic() => return Err(PhoneProblem::Letters),
            _ => return Err(PhoneProblem::Invalid),
        }
    }
    if digits.len == 0 {
        return Err(PhoneProblem::Invalid);
    }
    Ok((plus, digits))
}

/// `6.12346E+08`, `6,12E+8`: what Excel shows for a long number in a General cell.
fn looks_scientific(cell: &str) -> bool {
    let Some((mantissa, exponent)) = cell.split_once(['E', 'e']) else {
        return false;
    };
    let exponent = exponent.strip_prefix('+').unwrap_or(exponent);
    !mantissa.is_empty()
        && !exponent.is_empty()
        && mantissa
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        && exponent.chars().all(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn morocco() -> PhoneRules {
        PhoneRules::new("ma").unwrap()
    }

    #[test]
    fn every_moroccan_spelling_is_the_same_number() {
        let rules = morocco();
        for spelling in [
            "0612345678",
            "+212612345678",
            "00212612345678",
            "212612345678",
            "06 12 34 56 78",
            "06.12.34.56.78",
            "06-12-34-56-78",
            "+212 (0)6 12 34 56 78",
            "٠٦١٢٣٤٥٦٧٨",
            "۰۶۱۲۳۴۵۶۷۸",
            "０６１２３４５６７８",
            "\u{200f}0612345678",
        ] {
            let phone = rules
                .check(spelling)
                .unwrap_or_else(|p| panic!("{spelling}: {p:?}"));
            assert_eq!(phone.e164(), "+212612345678", "{spelling}");
            assert!(!phone.missing_leading_zero && phone.foreign_region.is_none());
        }
    }

    #[test]
    fn the_dropped_zero_is_accepted_with_a_warning() {
        let phone = morocco().check("612345678").unwrap();
        assert!(phone.missing_leading_zero);
        assert_eq!(phone.e164(), "+212612345678");
        assert_eq!(phone.e164_len(), 13);
        assert_eq!(morocco().national_spelling(&phone), "0612345678");
    }

    #[test]
    fn letters_short_numbers_and_excel_notation_are_refused() {
        let rules = morocco();
        assert_eq!(rules.check("06 12 AB 56 78"), Err(PhoneProblem::Letters));
        assert_eq!(
            rules.check("6.12346E+08"),
            Err(PhoneProblem::ScientificNotation)
        );
        assert_eq!(rules.check("0612"), Err(PhoneProblem::Invalid));
        assert_eq!(rules.check(""), Err(PhoneProblem::Invalid));
        assert_eq!(rules.check("06*12"), Err(PhoneProblem::Invalid));
        assert_eq!(
            rules.check("0012345678901234567890"),
            Err(PhoneProblem::Invalid)
        );
    }

    #[test]
    fn foreign_numbers_name_their_country() {
        let phone = morocco().check("+33 6 12 34 56 78").unwrap();
        assert_eq!(phone.foreign_region.as_deref(), Some("FR"));
        assert_eq!(phone.e164(), "+33612345678");
        assert_eq!(morocco().check("+999 1234"), Err(PhoneProblem::Invalid));
    }

    #[test]
    fn a_well_formed_number_in_a_range_the_metadata_does_not_know_is_taken_but_flagged() {
        let rules = morocco();
        for spelling in ["0685209555", "+212 685 209 555", "00212685209555"] {
            let phone = rules.check(spelling).unwrap();
            assert!(phone.unknown_range, "{spelling}");
            assert_eq!(phone.e164(), "+212685209555");
        }
        assert!(!rules.check("0612345678").unwrap().unknown_range);
        // Wrong lengths, letters and a missing zero on top stay refusals.
        for refused in ["068520955", "06852095551", "068520955O", "685209555"] {
            assert!(rules.check(refused).is_err(), "{refused}");
        }
    }

    #[test]
    fn the_fast_path_agrees_with_the_crate() {
        let rules = morocco();
        let region = Some(DEFAULT_PHONE_REGION.parse::<country::Id>().unwrap());
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..3_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let national = format!("{}{:08}", 5 + state % 3, (state >> 8) % 100_000_000);
            for spelling in [format!("0{national}"), format!("+212{national}")] {
                let ours = rules
                    .check(&spelling)
                    .is_ok_and(|phone| !phone.unknown_range);
                let crate_says = phonenumber::parse(region, &spelling)
                    .map(|number| number.is_valid())
                    .unwrap_or(false);
                assert_eq!(ours, crate_says, "{spelling}");
            }
        }
    }
}
