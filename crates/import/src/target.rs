//! What a column can feed: a field of the item, one part of a numbered product, or the
//! column that groups consecutive rows into one item. Names are the ones `--map` takes
//! and the JSON report prints.

use std::fmt;

use crate::api::scope::ResourceName;

/// Declares the fields with their contract names once: the enum, [`Field::ALL`] and
/// [`Field::name`] cannot disagree, so a new field is one line here (and the matches the
/// compiler then asks for: which kinds have it, and its label).
macro_rules! fields {
    ($($(#[$doc:meta])* $variant:ident => $name:literal),* $(,)?) => {
        /// A scalar field of a lead or order (or a part of the full name).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Field {
            $($(#[$doc])* $variant),*
        }

        impl Field {
            /// Every field, in the order menus list them.
            pub const ALL: [Field; [$(stringify!($variant)),*].len()] = [$(Field::$variant),*];

            /// The field's name in the contract (and in `--map`).
            pub fn name(self) -> &'static str {
                match self {
                    $(Field::$variant => $name),*
                }
            }
        }
    };
}

fields! {
    FullName => "full_name",
    /// Joined with the last name into `full_name` (WooCommerce, "Prénom").
    FirstName => "first_name",
    LastName => "last_name",
    Phone => "phone",
    Email => "email",
    City => "city",
    Area => "area",
    Address => "address",
    ShipmentWay => "shipment_way",
    FeesPaidByCustomer => "is_fees_paid_by_customer",
    /// The order's total (orders only).
    OrderTotal => "total",
}

impl Field {
    /// Whether items of `kind` have this field.
    pub fn exists_for(self, kind: ResourceName) -> bool {
        // Every field named, no catch-all: a new field must say which kinds have it.
        match self {
            Field::Email | Field::ShipmentWay | Field::FeesPaidByCustomer | Field::OrderTotal => {
                kind == ResourceName::Orders
            }
            Field::FullName
            | Field::FirstName
            | Field::LastName
            | Field::Phone
            | Field::City
            | Field::Area
            | Field::Address => true,
        }
    }

    /// The contract field whose rule checks this one (first and last names are checked
    /// once joined).
    pub fn rule_name(self) -> &'static str {
        match self {
            Field::FirstName | Field::LastName => "full_name",
            other => other.name(),
        }
    }
}

/// One cell of a product line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ProductPart {
    Sku,
    Quantity,
    /// The price of one unit.
    UnitPrice,
    /// Quantity × unit price, what v2 leads send as `total`.
    LineTotal,
}

impl ProductPart {
    pub const ALL: [ProductPart; 4] = [
        ProductPart::Sku,
        ProductPart::Quantity,
        ProductPart::UnitPrice,
        ProductPart::LineTotal,
    ];

    pub fn name(self) -> &'static str {
        match self {
            ProductPart::Sku => "sku",
            ProductPart::Quantity => "quantity",
            ProductPart::UnitPrice => "price",
            ProductPart::LineTotal => "line_total",
        }
    }
}

/// Where a column's cells go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Target {
    Field(Field),
    /// Part of product `slot` (1-based: `sku`, `sku_2`, …) of each row.
    Product {
        slot: u16,
        part: ProductPart,
    },
    /// Consecutive rows with the same value here form one item (Shopify's `Name`).
    GroupBy,
}

impl Target {
    /// Parses a `--map` name: `phone`, `sku_2`, `group`. A merchant mapping `total` in a
    /// leads file means the product's total, the only money a lead carries.
    pub fn parse_user(name: &str, kind: ResourceName) -> Option<Target> {
        if kind == ResourceName::Leads && name.trim().eq_ignore_ascii_case("total") {
            return Some(Target::Product {
                slot: 1,
                part: ProductPart::LineTotal,
            });
        }
        Target::parse(name, kind)
    }

    /// Parses a target name exactly as [`Display`](fmt::Display) prints it.
    pub fn parse(name: &str, kind: ResourceName) -> Option<Target> {
        let name = name.trim().to_lowercase();
        if name == "group" {
            return Some(Target::GroupBy);
        }
        if let Some(field) = Field::ALL
            .into_iter()
            .find(|field| field.name() == name && field.exists_for(kind))
        {
            return Some(Target::Field(field));
        }
        let (base, slot) = split_slot(&name);
        ProductPart::ALL
            .into_iter()
            .find(|part| part.name() == base)
            .map(|part| Target::Product { slot, part })
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Target::Field(field) => f.write_str(field.name()),
            Target::Product { slot: 1, part } => f.write_str(part.name()),
            Target::Product { slot, part } => write!(f, "{}_{slot}", part.name()),
            Target::GroupBy => f.write_str("group"),
        }
    }
}

/// Splits a trailing product number: `sku_2` → (`sku`, 2), `quantite3` → (`quantite`, 3),
/// `sku` → (`sku`, 1). A number outside 1..=999 is not a slot.
pub fn split_slot(name: &str) -> (&str, u16) {
    let base = name.trim_end_matches(|c: char| c.is_ascii_digit());
    let digits = name.get(base.len()..).unwrap_or("");
    match digits.parse::<u16>() {
        Ok(slot) if (1..=999).contains(&slot) && !base.is_empty() => {
            (base.trim_end_matches(['_', ' ']), slot)
        }
        _ => (name, 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A new field cannot be half added: each one the merchant can map has the contract
    /// rule that checks it, in both documentation generations, and headers that find it.
    /// (Its label in every language is checked by the console's `tests/i18n_field_labels.rs`.)
    #[test]
    fn every_field_has_a_rule_and_synonyms_for_each_kind_it_exists_for() {
        use crate::api::profile::Dialect;
        use crate::api::rules::item_schema;
        for kind in [ResourceName::Leads, ResourceName::Orders] {
            for field in Field::ALL
                .into_iter()
                .filter(|field| field.exists_for(kind))
            {
                for dialect in [Dialect::V1, Dialect::V2] {
                    assert!(
                        item_schema(kind, dialect)
                            .field(field.rule_name())
                            .is_some(),
                        "{field:?} of {kind:?} has no rule in {dialect:?}"
                    );
                }
                assert!(
                    !crate::synonyms::synonyms_of(Target::Field(field), kind).is_empty(),
                    "{field:?} of {kind:?} has no synonym"
                );
            }
        }
    }

    #[test]
    fn names_round_trip() {
        for kind in [ResourceName::Leads, ResourceName::Orders] {
            for name in [
                "phone",
                "sku",
                "sku_2",
                "quantity_10",
                "price",
                "line_total_3",
                "group",
            ] {
                let target = Target::parse(name, kind).unwrap();
                assert_eq!(target.to_string(), name);
            }
        }
        assert_eq!(Target::parse("email", ResourceName::Leads), None);
        assert_eq!(
            Target::parse("total", ResourceName::Orders),
            Some(Target::Field(Field::OrderTotal))
        );
        assert_eq!(Target::parse("total", ResourceName::Leads), None);
        assert_eq!(
            Target::parse_user("TOTAL", ResourceName::Leads)
                .unwrap()
                .to_string(),
            "line_total"
        );
    }

    #[test]
    fn slots_split_off_the_end() {
        assert_eq!(split_slot("sku_2"), ("sku", 2));
        assert_eq!(split_slot("quantite3"), ("quantite", 3));
        assert_eq!(split_slot("sku"), ("sku", 1));
        assert_eq!(split_slot("12"), ("12", 1));
        assert_eq!(split_slot("sku_0"), ("sku_0", 1));
    }
}
