//! A lead or order as the copy's columns hold it: the values filters, sorts and customer
//! lookups need in columns of their own (folded where people spell them several ways),
//! the text every search looks through, and the record itself as the server sent it, so
//! a screen reading the copy shows exactly what it would have shown from the API.

use chrono::{DateTime, SecondsFormat, Utc};

use super::fold::{fold_text, phone_key};
use crate::api::wire::ProductLine;
use crate::api::{Lead, Order, ResourceName};
use crate::records::requests::Record;

/// One record's columns.
#[derive(Debug, Clone, PartialEq)]
pub struct Stored {
    pub kind: ResourceName,
    pub reference: String,
    pub full_name: Option<String>,
    pub phone: Option<String>,
    pub phone_key: Option<String>,
    pub city: Option<String>,
    pub city_key: Option<String>,
    pub status: Option<String>,
    pub total: Option<f64>,
    pub created_at: Option<String>,
    pub updated_at: Option<String>,
    pub products: Vec<ProductLine>,
    pub search: String,
    pub body: String,
}

impl Stored {
    /// The columns of `record`; `None` for a record without a reference (nothing could
    /// ever find or update it).
    pub fn of(record: &Record) -> Option<Stored> {
        match record {
            Record::Lead(lead) => Stored::of_lead(lead),
            Record::Order(order) => Stored::of_order(order),
        }
    }

    fn of_lead(lead: &Lead) -> Option<Stored> {
        let total = lead
            .products
            .iter()
            .filter_map(line_total)
            .reduce(|sum, line| sum + line);
        let extra: Vec<&str> = lead
            .data
            .iter()
            .filter_map(|field| field.value.as_deref())
            .chain(lead.area.as_deref())
            .chain(lead.address.as_deref())
            .collect();
        Stored::build(
            ResourceName::Leads,
            Fields {
                reference: lead.reference.as_deref(),
                full_name: lead.full_name.as_deref(),
                phone: lead.phone.as_deref(),
                city: lead.city.as_deref(),
                status: lead.status.as_deref(),
                created_at: lead.created_at.as_deref(),
                updated_at: lead.updated_at.as_deref(),
                products: &lead.products,
                extra: &extra,
            },
            total,
            serde_json::to_string(lead).ok()?,
        )
    }

    fn of_order(order: &Order) -> Option<Stored> {
        let extra: Vec<&str> = [&order.email, &order.area, &order.address]
            .into_iter()
            .filter_map(|value| value.as_deref())
            .collect();
        Stored::build(
            ResourceName::Orders,
            Fields {
                reference: order.reference.as_deref(),
                full_name: order.full_name.as_deref(),
                phone: order.phone.as_deref(),
                city: order.city.as_deref(),
                status: order.status.as_deref(),
                created_at: order.created_at.as_deref(),
                updated_at: order.updated_at.as_deref(),
                products: &order.products,
                extra: &extra,
            },
            order.total,
            serde_json::to_string(order).ok()?,
        )
    }

    fn build(
        kind: ResourceName,
        fields: Fields<'_>,
        total: Option<f64>,
        body: String,
    ) -> Option<Stored> {
        let reference = fields.reference.map(str::trim).filter(|r| !r.is_empty())?;
        let phone_key = fields.phone.and_then(phone_key);
        let mut words: Vec<&str> = vec![reference];
        words.extend(fields.full_name);
        words.extend(fields.phone);
        words.extend(phone_key.as_deref());
        words.extend(fields.city);
        words.extend(
            fields
                .products
                .iter()
                .filter_map(|line| line.sku.as_deref()),
        );
        words.extend(fields.extra.iter().copied());
        let mut search = fold_text(&words.join(" "));
        // The national spelling too (`0612345678`), so typing the start of a number as
        // merchants write it finds it.
        if let Some(national) = phone_key.as_deref().and_then(national_spelling) {
            search.push(' ');
            search.push_str(&national);
        }
        Some(Stored {
            kind,
            reference: reference.to_string(),
            full_name: fields.full_name.map(str::to_string),
            phone: fields.phone.map(str::to_string),
            phone_key,
            city: fields.city.map(str::to_string),
            city_key: fields.city.map(|city| fold_text(city.trim())),
            status: fields.status.map(|status| status.trim().to_string()),
            total,
            created_at: fields.created_at.map(server_time),
            updated_at: fields.updated_at.map(server_time),
            products: fields.products.to_vec(),
            search,
            body,
        })
    }
}

/// What leads and orders both have, borrowed from either.
struct Fields<'r> {
    reference: Option<&'r str>,
    full_name: Option<&'r str>,
    phone: Option<&'r str>,
    city: Option<&'r str>,
    status: Option<&'r str>,
    created_at: Option<&'r str>,
    updated_at: Option<&'r str>,
    products: &'r [ProductLine],
    extra: &'r [&'r str],
}

/// A line's total: `total` (v2 leads), else the unit price times the quantity.
pub fn line_total(line: &ProductLine) -> Option<f64> {
    line.total.or_else(|| {
        line.price
            .map(|price| price * line.quantity.unwrap_or(1) as f64)
    })
}

/// `+212612345678` → `0612345678` (Moroccan numbers; others have none here).
fn national_spelling(key: &str) -> Option<String> {
    key.strip_prefix("+212")
        .map(|national| format!("0{national}"))
}

/// A server time in one spelling (`2026-12-06T09:30:00Z`) so the copy compares and sorts
/// times as text; text that is no time is kept as it came.
pub fn server_time(value: &str) -> String {
    match DateTime::parse_from_rfc3339(value.trim()) {
        Ok(time) => time
            .with_timezone(&Utc)
            .to_rfc3339_opts(SecondsFormat::Secs, true),
        Err(_) => value.trim().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lead_is_searchable_by_every_field_and_phone_spelling() {
        let lead = Lead {
            reference: Some("LD-000123".into()),
            full_name: Some("Fatima Zahra Alaoui".into()),
            phone: Some("+212 6 12 34 56 78".into()),
            city: Some("Fès".into()),
            products: vec![ProductLine {
                sku: Some("ARG-100".into()),
                quantity: Some(2),
                total: Some(298.0),
                price: None,
            }],
            created_at: Some("2026-12-06T10:30:00+02:00".into()),
            ..Lead::default()
        };
        let stored = Stored::of(&Record::Lead(lead)).unwrap();
        assert_eq!(stored.phone_key.as_deref(), Some("+212612345678"));
        assert_eq!(stored.city_key.as_deref(), Some("fes"));
        assert_eq!(stored.total, Some(298.0));
        assert_eq!(stored.created_at.as_deref(), Some("2026-12-06T08:30:00Z"));
        for word in ["ld-000123", "fatima", "fes", "arg-100", "0612345678"] {
            assert!(stored.search.contains(word), "{word} in {}", stored.search);
        }
    }

    #[test]
    fn a_record_without_reference_is_not_kept() {
        assert!(Stored::of(&Record::Order(Order::default())).is_none());
    }
}
