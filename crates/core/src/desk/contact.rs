//! Reaching a customer from the confirmation desk: the phone in its international form,
//! a WhatsApp link (`https://wa.me/212…`) with a message filled from the merchant's
//! template, and a `tel:` link. The phone is read by the same rules as the file checker,
//! so every spelling it accepts (`06…`, `+212 6…`, `00212…`, Arabic-Indic digits) gives the
//! same number.

use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};

use wedocod_import::PhoneRules;

/// A customer's number, as WhatsApp and the phone want it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reachable {
    /// Country code and number, digits only: `212612345678`.
    pub digits: String,
}

impl Reachable {
    /// The number of `phone` as the checker of `rules` reads it; `None` for one it refuses.
    pub fn of(phone: &str, rules: &PhoneRules) -> Option<Reachable> {
        let valid = rules.check(phone).ok()?;
        let e164 = valid.e164();
        Some(Reachable {
            digits: e164.trim_start_matches('+').to_string(),
        })
    }

    /// `https://wa.me/212612345678?text=…`, the message URL-encoded (Arabic included).
    pub fn whatsapp(&self, message: &str) -> String {
        let link = format!("https://wa.me/{}", self.digits);
        if message.trim().is_empty() {
            link
        } else {
            format!(
                "{link}?text={}",
                utf8_percent_encode(message, NON_ALPHANUMERIC)
            )
        }
    }

    /// `tel:+212612345678`.
    pub fn call(&self) -> String {
        format!("tel:+{}", self.digits)
    }

    /// `+212612345678`, to copy.
    pub fn international(&self) -> String {
        format!("+{}", self.digits)
    }
}

/// What a message template's placeholders stand for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TemplateValues {
    pub name: String,
    pub products: String,
    pub total: String,
    pub city: String,
}

/// `template` with `{name}`, `{products}`, `{total}` and `{city}` filled in; other braces
/// are left as written.
pub fn fill(template: &str, values: &TemplateValues) -> String {
    template
        .replace("{name}", &values.name)
        .replace("{products}", &values.products)
        .replace("{total}", &values.total)
        .replace("{city}", &values.city)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_spelling_the_checker_accepts_is_one_number() {
        let rules = PhoneRules::new(wedocod_import::DEFAULT_PHONE_REGION).unwrap();
        for spelling in [
            "0612345678",
            "06 12 34 56 78",
            "06.12.34.56.78",
            "+212 6 12 34 56 78",
            "+212612345678",
            "00212612345678",
            "٠٦١٢٣٤٥٦٧٨",
            "612345678",
        ] {
            let reachable = Reachable::of(spelling, &rules).unwrap_or_else(|| panic!("{spelling}"));
            assert_eq!(reachable.digits, "212612345678", "{spelling}");
            assert_eq!(reachable.call(), "tel:+212612345678");
            assert_eq!(reachable.whatsapp(""), "https://wa.me/212612345678");
        }
        assert_eq!(Reachable::of("06.64.56.78.9O", &rules), None);
        assert_eq!(Reachable::of("", &rules), None);
    }

    #[test]
    fn the_template_is_filled_and_encoded_arabic_included() {
        let values = TemplateValues {
            name: "أمينة".to_string(),
            products: "2 × ARG-100".to_string(),
            total: "298,00 MAD".to_string(),
            city: "Fès".to_string(),
        };
        let message = fill(
            "سلام {name}، طلبك: {products} ({total}) إلى {city}? {x}",
            &values,
        );
        assert_eq!(
            message,
            "سلام أمينة، طلبك: 2 × ARG-100 (298,00 MAD) إلى Fès? {x}"
        );
        let rules = PhoneRules::new(wedocod_import::DEFAULT_PHONE_REGION).unwrap();
        let link = Reachable::of("0612345678", &rules)
            .unwrap()
            .whatsapp(&message);
        assert!(link.starts_with("https://wa.me/212612345678?text=%D8%B3%D9%84%D8%A7%D9%85%20"));
        assert!(link.contains("%C3%A8s%3F%20%7Bx%7D"), "{link}");
        let decoded: String =
            percent_encoding::percent_decode_str(link.split_once("?text=").unwrap().1)
                .decode_utf8()
                .unwrap()
                .into_owned();
        assert_eq!(decoded, message);
    }
}
