//! How a submitted row is recognised among the server's records when the server did not
//! say which record it made (api-contract.md §8): the phone's last nine digits, the
//! name without case or extra spaces, and the first SKU.

use crate::api::wire::{Lead, NewLead, NewOrder, Order, ProductLine};

/// What a row and the record it became have in common.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct MatchKey {
    phone: String,
    name: String,
    sku: String,
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
        MatchKey { phone, name, sku }
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
    }
}
