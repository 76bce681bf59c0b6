//! A lead or an order as the merchant reads it: the columns of the window's table and of
//! an exported file. The wire types keep every field optional and every time as the
//! server wrote it; here a product list becomes `2 × ARG-100`, a lead's total is summed
//! from its lines, and times are the computer's local time.

use std::collections::BTreeMap;
use std::fmt;

use chrono::{DateTime, Local, NaiveDateTime};

use crate::api::wire::ProductLine;
use crate::api::{Lead, Order};

/// A moment as the merchant reads it: local time when the server's text is a time, the
/// text itself otherwise (a server that writes something else loses nothing).
#[derive(Debug, Clone, PartialEq)]
pub enum Moment {
    Local(NaiveDateTime),
    AsSent(String),
}

impl Moment {
    /// `2026-09-05T06:18:00Z` → 06:18 UTC in the computer's zone; `None` for no value.
    pub fn of(value: Option<&str>) -> Option<Moment> {
        let value = value.map(str::trim).filter(|v| !v.is_empty())?;
        Some(match DateTime::parse_from_rfc3339(value) {
            Ok(time) => Moment::Local(time.with_timezone(&Local).naive_local()),
            Err(_) => Moment::AsSent(value.to_string()),
        })
    }
}

impl fmt::Display for Moment {
    /// `2026-09-05 08:18`: minutes are what a merchant sorts and reads by.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Moment::Local(time) => write!(f, "{}", time.format("%Y-%m-%d %H:%M")),
            Moment::AsSent(text) => f.write_str(text),
        }
    }
}

/// One lead or order, flattened. Empty text means the server sent no value.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordSummary {
    pub reference: String,
    pub customer: String,
    pub phone: String,
    pub city: String,
    pub area: String,
    pub address: String,
    /// `2 × ARG-100, 1 × SAV-101`.
    pub products: String,
    /// An order's total; a lead's is the sum of its lines (none when no line has a price).
    pub total: Option<f64>,
    pub status: String,
    pub created: Option<Moment>,
    pub updated: Option<Moment>,
}

fn text(value: &Option<String>) -> String {
    value
        .as_deref()
        .map(str::trim)
        .unwrap_or_default()
        .to_string()
}

/// Products' names by their SKU, as the store's catalogue gives them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProductNames(BTreeMap<String, String>);

impl ProductNames {
    pub fn new(names: BTreeMap<String, String>) -> ProductNames {
        ProductNames(names)
    }

    /// `Huile d'argan 100 ml (ARG-100)`, or the SKU alone when the catalogue does not
    /// know it.
    pub fn label(&self, sku: &str) -> String {
        match self.0.get(sku) {
            Some(name) => format!("{name} ({sku})"),
            None => sku.to_string(),
        }
    }
}

/// `2 × Huile d'argan 100 ml (ARG-100), 1 × SAV-101`: each line named where `names` knows
/// its SKU, the SKU alone where it does not (empty for no line).
pub fn products_named(lines: &[ProductLine], names: &ProductNames) -> String {
    let parts: Vec<String> = lines
        .iter()
        .map(|line| {
            let sku = line.sku.as_deref().unwrap_or("?");
            let quantity = line.quantity.unwrap_or(1);
            format!("{quantity} × {}", names.label(sku))
        })
        .collect();
    parts.join(", ")
}

/// `2 × ARG-100, 1 × SAV-101` (empty for no line): the products by SKU, as the tables and
/// exported files show them.
pub fn products_summary(lines: &[ProductLine]) -> String {
    products_named(lines, &ProductNames::default())
}

/// A lead's total: each line's `total` (v2), or unit `price` × quantity (v1).
fn lines_total(lines: &[ProductLine]) -> Option<f64> {
    let amounts: Vec<f64> = lines
        .iter()
        .filter_map(|line| {
            // A line without a quantity counts once, as its summary shows it.
            line.total.or(line
                .price
                .map(|price| price * line.quantity.unwrap_or(1) as f64))
        })
        .collect();
    (!amounts.is_empty()).then(|| amounts.iter().sum())
}

impl From<&Lead> for RecordSummary {
    fn from(lead: &Lead) -> Self {
        RecordSummary {
            reference: text(&lead.reference),
            customer: text(&lead.full_name),
            phone: text(&lead.phone),
            city: text(&lead.city),
            area: text(&lead.area),
            address: text(&lead.address),
            products: products_summary(&lead.products),
            total: lines_total(&lead.products),
            status: text(&lead.status),
            created: Moment::of(lead.created_at.as_deref()),
            updated: Moment::of(lead.updated_at.as_deref()),
        }
    }
}

impl From<&Order> for RecordSummary {
    fn from(order: &Order) -> Self {
        RecordSummary {
            reference: text(&order.reference),
            customer: text(&order.full_name),
            phone: text(&order.phone),
            city: text(&order.city),
            area: text(&order.area),
            address: text(&order.address),
            products: products_summary(&order.products),
            total: order.total,
            status: text(&order.status),
            created: Moment::of(order.created_at.as_deref()),
            updated: Moment::of(order.updated_at.as_deref()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn products_are_named_where_the_catalogue_knows_their_sku() {
        let line = |sku: &str, quantity| ProductLine {
            sku: Some(sku.to_string()),
            quantity: Some(quantity),
            total: None,
            price: None,
        };
        let names = ProductNames::new(BTreeMap::from([(
            "ARG-100".to_string(),
            "Huile d'argan 100 ml".to_string(),
        )]));
        let lines = [line("ARG-100", 2), line("SAV-101", 1)];
        assert_eq!(
            products_named(&lines, &names),
            "2 × Huile d'argan 100 ml (ARG-100), 1 × SAV-101"
        );
        assert_eq!(products_summary(&lines), "2 × ARG-100, 1 × SAV-101");
    }
    use chrono::TimeZone;

    #[test]
    fn a_lead_reads_as_the_merchant_reads_it() {
        let lead = Lead {
            reference: Some(" LD-1 ".into()),
            full_name: Some("محمد العلوي".into()),
            products: vec![
                ProductLine {
                    sku: Some("ARG-100".into()),
                    quantity: Some(2),
                    total: Some(298.0),
                    price: None,
                },
                ProductLine {
                    sku: Some("SAV-101".into()),
                    quantity: Some(3),
                    total: None,
                    price: Some(10.5),
                },
            ],
            created_at: Some("2026-09-05T06:18:00Z".into()),
            updated_at: Some("yesterday".into()),
            ..Lead::default()
        };
        let summary = RecordSummary::from(&lead);
        assert_eq!(summary.reference, "LD-1");
        assert_eq!(summary.products, "2 × ARG-100, 3 × SAV-101");
        assert_eq!(summary.total, Some(329.5));
        assert_eq!(summary.city, "");
        let utc = chrono::Utc.with_ymd_and_hms(2026, 9, 5, 6, 18, 0).unwrap();
        assert_eq!(
            summary.created,
            Some(Moment::Local(utc.with_timezone(&Local).naive_local()))
        );
        assert_eq!(summary.updated, Some(Moment::AsSent("yesterday".into())));
    }

    #[test]
    fn a_lead_without_prices_has_no_total() {
        let lead = Lead {
            products: vec![ProductLine {
                sku: Some("X".into()),
                ..ProductLine::default()
            }],
            ..Lead::default()
        };
        let summary = RecordSummary::from(&lead);
        assert_eq!(summary.total, None);
        assert_eq!(summary.products, "1 × X");
        assert_eq!(summary.created, None);
    }
}
