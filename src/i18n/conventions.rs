//! Amounts, counts and times as the language spoken writes them: `1,270.00 MAD` and
//! `12,000` in English, `1 270,00 MAD` and `12 000` in French and Arabic (Morocco writes
//! Western digits with French separators; the thin space is a narrow no-break space so a
//! number never wraps), times in the computer's zone as `2026-09-05 08:18` or
//! `05/09/2026 08:18`.
//!
//! The API says no currency; the console sells in Morocco, so amounts are MAD.

use crate::i18n::{Language, language};
use wedocod_core::records::Moment;

/// The currency every amount is in.
const CURRENCY: &str = "MAD";

/// `amount` with two decimals, grouped by thousands, and the currency.
pub fn money(amount: f64) -> String {
    money_in(amount, language())
}

/// The thousands separator and the decimal sign.
fn separators(language: Language) -> (&'static str, &'static str) {
    match language {
        Language::English => (",", "."),
        Language::French | Language::Arabic => ("\u{202F}", ","),
    }
}

/// `digits` in groups of three from the right.
fn grouped(digits: &str, group: &str) -> String {
    let digits: Vec<char> = digits.chars().collect();
    let mut grouped = String::new();
    for (index, digit) in digits.iter().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            grouped.push_str(group);
        }
        grouped.push(*digit);
    }
    grouped
}

/// A whole number grouped by thousands (`12 000`): Fluent formats the counts of every
/// message with it (see `i18n::configure`).
pub fn whole_number_in(number: i64, language: Language) -> String {
    let (group, _) = separators(language);
    let sign = if number < 0 { "-" } else { "" };
    format!(
        "{sign}{}",
        grouped(&number.unsigned_abs().to_string(), group)
    )
}

fn money_in(amount: f64, language: Language) -> String {
    let (group, decimal) = separators(language);
    let fixed = format!("{:.2}", amount.abs());
    let (whole, cents) = fixed.split_once('.').unwrap_or((&fixed, "00"));
    let grouped = grouped(whole, group);
    let sign = if amount < 0.0 && fixed != "0.00" {
        "-"
    } else {
        ""
    };
    // A no-break space: the amount and its currency never part at a line's end.
    format!("{sign}{grouped}{decimal}{cents}\u{a0}{CURRENCY}")
}

/// A number with one decimal, with the language's decimal sign (`1,5` in French).
pub fn decimal(value: f64) -> String {
    decimal_in(value, language())
}

fn decimal_in(value: f64, language: Language) -> String {
    let text = format!("{value:.1}");
    match language {
        Language::English => text,
        Language::French | Language::Arabic => text.replace('.', ","),
    }
}

/// A time as the language writes dates; a server value that is not a time as it came.
pub fn moment(moment: &Moment) -> String {
    moment_in(moment, language())
}

/// A server's time field as the language writes dates (empty when absent).
pub fn local_time(server_time: Option<&str>) -> String {
    Moment::of(server_time)
        .map(|time| moment(&time))
        .unwrap_or_default()
}

/// `2026-12-06T09:42:00Z` → `10:42` on the computer's clock (a time of today, as the
/// status bar says when the copy was synced); `None` for text that is no time.
pub fn clock_time(server_time: &str) -> Option<String> {
    chrono::DateTime::parse_from_rfc3339(server_time)
        .ok()
        .map(|time| {
            time.with_timezone(&chrono::Local)
                .format("%H:%M")
                .to_string()
        })
}

fn moment_in(moment: &Moment, language: Language) -> String {
    match (moment, language) {
        (Moment::Local(time), Language::English) => time.format("%Y-%m-%d %H:%M").to_string(),
        (Moment::Local(time), Language::French | Language::Arabic) => {
            time.format("%d/%m/%Y %H:%M").to_string()
        }
        (Moment::AsSent(text), _) => text.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_written_as_each_language_writes_them() {
        assert_eq!(money_in(1270.0, Language::English), "1,270.00\u{a0}MAD");
        assert_eq!(
            money_in(1270.0, Language::French),
            "1\u{202F}270,00\u{a0}MAD"
        );
        assert_eq!(
            money_in(1234567.891, Language::Arabic),
            "1\u{202F}234\u{202F}567,89\u{a0}MAD"
        );
        assert_eq!(money_in(99.5, Language::French), "99,50\u{a0}MAD");
        assert_eq!(money_in(-12.0, Language::English), "-12.00\u{a0}MAD");
        assert_eq!(money_in(0.0, Language::English), "0.00\u{a0}MAD");
        assert_eq!(decimal_in(1.25, Language::French), "1,2");
        assert_eq!(decimal_in(1.26, Language::English), "1.3");
    }

    #[test]
    fn counts_are_grouped_by_thousands() {
        assert_eq!(whole_number_in(999, Language::French), "999");
        assert_eq!(whole_number_in(12_000, Language::French), "12\u{202F}000");
        assert_eq!(whole_number_in(1_234_567, Language::English), "1,234,567");
        assert_eq!(whole_number_in(-4_000, Language::Arabic), "-4\u{202F}000");
    }

    #[test]
    fn times_are_written_as_each_language_writes_dates() {
        let time = chrono::NaiveDate::from_ymd_opt(2026, 9, 5)
            .and_then(|day| day.and_hms_opt(8, 18, 0))
            .unwrap();
        assert_eq!(
            moment_in(&Moment::Local(time), Language::English),
            "2026-09-05 08:18"
        );
        assert_eq!(
            moment_in(&Moment::Local(time), Language::French),
            "05/09/2026 08:18"
        );
        let odd = Moment::AsSent("yesterday".into());
        assert_eq!(moment_in(&odd, Language::Arabic), "yesterday");
    }
}
