//! Storefront exports recognised by their columns (Shopify, WooCommerce): which
//! headers identify each, which field each column fills, which columns are the
//! storefront's own bookkeeping. A new preset (YouCan, say) is one more entry in
//! [`PRESETS`], with its headers written already normalised (see the test).

/// A storefront export recognised by its columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Preset {
    pub name: &'static str,
    /// Normalised headers that, all present, identify the export.
    signature: &'static [&'static str],
    /// Normalised header → target name (`--map` spelling).
    columns: &'static [(&'static str, &'static str)],
    /// Normalised header prefixes of columns the console has no use for.
    ignored_prefixes: &'static [&'static str],
}

pub const PRESETS: &[Preset] = &[
    Preset {
        name: "Shopify",
        signature: &["name", "lineitem_sku"],
        columns: &[
            ("name", "group"),
            ("billing_name", "full_name"),
            ("billing_phone", "phone"),
            ("billing_city", "city"),
            ("billing_address1", "address"),
            ("email", "email"),
            ("total", "total"),
            ("lineitem_sku", "sku"),
            ("lineitem_quantity", "quantity"),
            ("lineitem_price", "price"),
        ],
        ignored_prefixes: &[
            "billing_",
            "shipping",
            "lineitem_",
            "tax",
            "payment",
            "discount",
            "financial",
            "fulfill",
            "paid",
            "currency",
            "subtotal",
            "accepts",
            "created",
            "cancelled",
            "refunded",
            "vendor",
            "outstanding",
            "employee",
            "location",
            "device",
            "risk",
            "source",
            "receipt",
            "duties",
            "note",
            "tags",
            "phone",
            "id",
            "total",
            "email",
        ],
    },
    Preset {
        name: "WooCommerce",
        signature: &["billing_first_name", "billing_phone"],
        columns: &[
            ("order_number", "group"),
            ("order_id", "group"),
            ("billing_first_name", "first_name"),
            ("billing_last_name", "last_name"),
            ("billing_phone", "phone"),
            ("billing_email", "email"),
            ("billing_city", "city"),
            ("billing_address_1", "address"),
            ("billing_address_2", "area"),
            ("sku", "sku"),
            ("item_sku", "sku"),
            ("quantity", "quantity"),
            ("item_quantity", "quantity"),
            ("item_cost", "price"),
            ("order_total_amount", "total"),
            ("order_total", "total"),
        ],
        ignored_prefixes: &[
            "billing_",
            "shipping_",
            "order_",
            "customer_",
            "payment_",
            "coupon",
            "item_",
            "cart_",
            "fee_",
            "tax_",
        ],
    },
];

impl Preset {
    /// The preset whose signature columns all appear in `normalized_headers`.
    pub fn detect(normalized_headers: &[String]) -> Option<&'static Preset> {
        PRESETS.iter().find(|preset| {
            preset
                .signature
                .iter()
                .all(|column| normalized_headers.iter().any(|header| header == column))
        })
    }

    /// The target name the preset gives a normalised header.
    pub fn target_name(&self, normalized: &str) -> Option<&'static str> {
        self.columns
            .iter()
            .find(|(header, _)| *header == normalized)
            .map(|(_, target)| *target)
    }

    /// Whether the export has this column for its own bookkeeping only.
    pub fn ignores(&self, normalized: &str) -> bool {
        self.ignored_prefixes
            .iter()
            .any(|prefix| normalized.starts_with(prefix))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::scope::ResourceName;
    use crate::synonyms::normalize_header;
    use crate::target::Target;

    #[test]
    fn every_preset_column_is_normalized_and_names_a_field() {
        for preset in PRESETS {
            for (header, target) in preset.columns {
                assert_eq!(normalize_header(header), *header);
                assert!(
                    Target::parse(target, ResourceName::Orders).is_some(),
                    "{target}"
                );
            }
        }
    }

    #[test]
    fn shopify_is_recognised() {
        let headers: Vec<String> = ["Name", "Email", "Lineitem sku", "Billing Name"]
            .iter()
            .map(|header| normalize_header(header))
            .collect();
        let preset = Preset::detect(&headers).unwrap();
        assert_eq!(preset.name, "Shopify");
        assert_eq!(preset.target_name("billing_name"), Some("full_name"));
        assert!(preset.ignores("financial_status"));
    }
}
