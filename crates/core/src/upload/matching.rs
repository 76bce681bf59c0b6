//! How a submitted row is recognised among the server's records when the server did not
//! say which record it made (api-contract.md §8): the phone's last nine digits, the
//! name without case or extra spaces, and every product line (SKU, quantity and line
//! total). Two orders of one customer for another quantity are two keys: a lookup must
//! never take one for the other.

use crate::api::ResourceName;
use crate::api::wire::{Lead, NewLead, NewOrder, Order, ProductLine};

/// What a row and the record it became have in common.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct MatchKey {
    phone: String,
    name: String,
    sku: String,
    /// Every product line as `sku×quantity×total` (the line total in cents), sorted.
    /// Empty in journals written before lines were part of the key: the engine builds
    /// the key again from the row's item.
    #[serde(default)]
    lines: String,
}

impl MatchKey {
    pub fn new(phone: &str, name: &str, products: &[ProductLine]) -> Self {
        let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
        let phone = digits[digits.len().saturating_sub(9)..].to_string();
        let name = name
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        let sku = products
            .first()
            .and_then(|line| line.sku.as_deref())
            .unwrap_or_default()
            .trim()
            .to_lowercase();
        let mut lines: Vec<String> = products.iter().map(line_signature).collect();
        lines.sort();
        MatchKey {
            phone,
            name,
            sku,
            lines: lines.join("|"),
        }
    }

    /// The phone's last nine digits: what a search for the record asks the server (every
    /// spelling of one Moroccan number, `06…`, `+212 6…`, `00212…`, contains them).
    pub fn phone_digits(&self) -> &str {
        &self.phone
    }
}

/// One product line as both sides write it: the line total is `total` (v2 leads) or the
/// unit `price` times the quantity (v1 leads, orders), in cents so `149` and `149.00`
/// agree.
fn line_signature(line: &ProductLine) -> String {
    let sku = line
        .sku
        .as_deref()
        .unwrap_or_default()
        .trim()
        .to_lowercase();
    let quantity = line.quantity.unwrap_or(1);
    let total = line
        .total
        .or_else(|| line.price.map(|price| price * quantity as f64))
        .map_or(-1, |total| (total * 100.0).round() as i64);
    format!("{sku}×{quantity}×{total}")
}

/// The key of an item as a journal keeps it (the create item's JSON), read as the item
/// of `kind`: journals written before product lines were part of the key keep a
/// shorter one, so the key is always built again from the item.
pub fn key_of(kind: ResourceName, item: &serde_json::Value) -> Option<MatchKey> {
    match kind {
        ResourceName::Leads => serde_json::from_value::<NewLead>(item.clone())
            .ok()
            .map(|lead| lead.match_key()),
        ResourceName::Orders => serde_json::from_value::<NewOrder>(item.clone())
            .ok()
            .map(|order| order.match_key()),
    }
}

/// A create item the engine can send and later recognise.
pub trait Submitted {
    fn match_key(&self) -> MatchKey;
}

/// A server record the engine can recognise.
pub trait Stored {
    fn match_key(&self) -> MatchKey;
    fn reference(&self) -> Option<&str>;
    fn created_at(&self) -> Option<&str>;
}

impl Submitted for NewLead {
    fn match_key(&self) -> MatchKey {
        MatchKey::new(&self.phone, &self.full_name, &self.products)
    }
}

impl Submitted for NewOrder {
    fn match_key(&self) -> MatchKey {
        MatchKey::new(&self.phone, &self.full_name, &self.products)
    }
}

macro_rules! stored {
    ($record:ty) => {
        impl Stored for $record {
            fn match_key(&self) -> MatchKey {
                MatchKey::new(
                    self.phone.as_deref().unwrap_or_default(),
                    self.full_name.as_deref().unwrap_or_default(),
                    &self.products,
                )
            }

            fn reference(&self) -> Option<&str> {
                self.reference.as_deref()
            }

            fn created_at(&self) -> Option<&str> {
                self.created_at.as_deref()
            }
        }
    };
}

stored!(Lead);
stored!(Order);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_of_the_same_customer_match() {
        let line = |sku: &str| {
            vec![ProductLine {
                sku: Some(sku.into()),
                ..ProductLine::default()
            }]
        };
        let a = MatchKey::new("+212 6 12 34 56 78", "Amina  ALAOUI", &line("ARG-100"));
        let b = MatchKey::new("0612345678", "amina alaoui", &line("arg-100 "));
        assert_eq!(a, b);
        assert_ne!(
            a,
            MatchKey::new("0612345678", "amina alaoui", &line("SAV-1"))
        );
        assert_eq!(a.phone_digits(), "612345678");
    }

    #[test]
    fn another_quantity_or_total_is_another_key() {
        let lines = |quantity, total: f64| {
            vec![ProductLine {
                sku: Some("ARG-100".into()),
                quantity: Some(quantity),
                total: Some(total),
                price: None,
            }]
        };
        let key = |products: &[ProductLine]| MatchKey::new("0612345678", "Amina", products);
        assert_eq!(key(&lines(2, 298.0)), key(&lines(2, 298.000_001)));
        assert_ne!(key(&lines(2, 298.0)), key(&lines(3, 298.0)));
        assert_ne!(key(&lines(2, 298.0)), key(&lines(2, 300.0)));
        // A unit price times the quantity is the same line as its total.
        let priced = vec![ProductLine {
            sku: Some("arg-100".into()),
            quantity: Some(2),
            total: None,
            price: Some(149.0),
        }];
        assert_eq!(key(&lines(2, 298.0)), key(&priced));
    }
}
