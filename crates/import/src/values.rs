//! Reading the typed values merchants write as text: amounts with a decimal comma or a
//! currency (`12,50`, `1 200 DH`), whole numbers, yes/no in three languages, e-mail
//! addresses, and digits in Arabic-Indic or full-width form. Shared by the checker and
//! the item builder so both read a cell the same way.

/// The ASCII digit a character stands for: `0`–`9`, Arabic-Indic (U+0660–0669),
/// Extended Arabic-Indic (U+06F0–06F9) and full-width (U+FF10–FF19) digits.
pub fn ascii_digit(c: char) -> Option<u8> {
    let offset = match c {
        '0'..='9' => u32::from(c) - u32::from('0'),
        '\u{0660}'..='\u{0669}' => u32::from(c) - 0x0660,
        '\u{06F0}'..='\u{06F9}' => u32::from(c) - 0x06F0,
        '\u{FF10}'..='\u{FF19}' => u32::from(c) - 0xFF10,
        _ => return None,
    };
    u8::try_from(offset).ok().map(|digit| b'0' + digit)
}

/// Currency marks merchants append to amounts.
const CURRENCY_MARKS: &[&str] = &["mad", "dhs", "dh", "درهم", "د.م.", "€", "eur"];

/// Reads an amount: `12.50`, `12,50`, `1 200,50`, `1.200,50`, `1,200.50`, `149 DH`.
pub fn parse_amount(cell: &str) -> Option<f64> {
    let cell = cell.trim();
    if let Some(amount) = parse_plain_amount(cell) {
        return Some(amount);
    }
    let lower = cell.to_lowercase();
    let mut text = lower.as_str();
    for mark in CURRENCY_MARKS {
        text = text.trim_start_matches(mark).trim_end_matches(mark).trim();
    }
    let mut plain = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            ' ' | '\u{a0}' | '\u{202f}' | '\'' => {}
            '-' | ',' | '.' => plain.push(c),
            c => plain.push(char::from(ascii_digit(c)?)),
        }
    }
    let last_comma = plain.rfind(',');
    let last_dot = plain.rfind('.');
    let plain = match (last_comma, last_dot) {
        (Some(comma), Some(dot)) if comma > dot => plain.replace('.', "").replace(',', "."),
        (Some(_), Some(_)) => plain.replace(',', ""),
        (Some(_), None) if plain.matches(',').count() == 1 => plain.replace(',', "."),
        (Some(_), None) => plain.replace(',', ""),
        _ => plain,
    };
    let valid_shape = !plain.is_empty()
        && plain.matches('.').count() <= 1
        && plain
            .trim_start_matches('-')
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.')
        && plain.bytes().any(|b| b.is_ascii_digit());
    if !valid_shape {
        return None;
    }
    plain.parse::<f64>().ok().filter(|value| value.is_finite())
}

/// The common spellings (`149`, `12.50`, `12,50`) without allocating: runs on every row.
/// Digits are read as an integer and divided once by a power of ten; both that division
/// and `str::parse` round correctly, so the result is the same `f64`.
fn parse_plain_amount(cell: &str) -> Option<f64> {
    const MOST_DIGITS: u32 = 15;
    let mut digits: u64 = 0;
    let mut count = 0;
    let mut decimals: Option<u32> = None;
    for byte in cell.bytes() {
        match byte {
            b'0'..=b'9' => {
                digits = digits * 10 + u64::from(byte - b'0');
                count += 1;
                if let Some(decimals) = decimals.as_mut() {
                    *decimals += 1;
                }
            }
            b'.' | b',' if decimals.is_none() => decimals = Some(0),
            _ => return None,
        }
        if count > MOST_DIGITS {
            return None;
        }
    }
    if count == 0 {
        return None;
    }
    let scale = 10u64.checked_pow(decimals.unwrap_or(0))?;
    Some(digits as f64 / scale as f64)
}

/// Reads a whole number (`2`, `2.0`, `٢`); `None` for text or a fraction.
pub fn parse_whole_number(cell: &str) -> Option<i64> {
    let value = parse_amount(cell)?;
    (value.fract() == 0.0 && value.abs() < 9.0e15).then_some(value as i64)
}

/// Reads yes/no in English, French and Arabic, and `1`/`0`, `true`/`false`.
pub fn parse_yes_no(cell: &str) -> Option<bool> {
    match cell.trim().to_lowercase().as_str() {
        "1" | "yes" | "y" | "true" | "oui" | "o" | "vrai" | "نعم" => Some(true),
        "0" | "no" | "n" | "false" | "non" | "faux" | "لا" => Some(false),
        _ => None,
    }
}

pub use crate::api::rules::looks_like_email;

/// Writes an amount the API and spreadsheets both read: `12.5` → `12.50`, `149.0` → `149`.
pub fn format_amount(value: f64) -> String {
    if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        format!("{value:.2}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_in_every_spelling() {
        assert_eq!(parse_amount("12.50"), Some(12.5));
        assert_eq!(parse_amount("12,50"), Some(12.5));
        assert_eq!(parse_amount(" 1 200,50 "), Some(1200.5));
        assert_eq!(parse_amount("1.200,50"), Some(1200.5));
        assert_eq!(parse_amount("1,200.50"), Some(1200.5));
        assert_eq!(parse_amount("1,200,000"), Some(1_200_000.0));
        assert_eq!(parse_amount("149 DH"), Some(149.0));
        assert_eq!(parse_amount("١٥٠"), Some(150.0));
        assert_eq!(parse_amount("-5"), Some(-5.0));
        assert_eq!(parse_amount("abc"), None);
        assert_eq!(parse_amount("1.2.3"), None);
        assert_eq!(parse_amount(""), None);
        assert_eq!(parse_amount("-"), None);
        assert_eq!(parse_amount("."), None);
        assert_eq!(parse_amount("12."), Some(12.0));
        assert_eq!(parse_amount("0.1"), "0.1".parse().ok());
        assert_eq!(parse_amount("149,99"), "149.99".parse().ok());
        assert_eq!(
            parse_amount("1234567890123456789"),
            Some(1.2345678901234568e18)
        );
    }

    #[test]
    fn whole_numbers_yes_no_and_emails() {
        assert_eq!(parse_whole_number("2"), Some(2));
        assert_eq!(parse_whole_number("2,0"), Some(2));
        assert_eq!(parse_whole_number("2,5"), None);
        assert_eq!(parse_yes_no("Oui"), Some(true));
        assert_eq!(parse_yes_no("لا"), Some(false));
        assert_eq!(parse_yes_no("maybe"), None);
        assert!(looks_like_email("ali@shop.ma"));
        assert!(!looks_like_email("ali@shop"));
        assert!(!looks_like_email("ali shop@x.ma"));
        assert_eq!(format_amount(12.5), "12.50");
        assert_eq!(format_amount(149.0), "149");
    }
}
