//! How merchants name their columns: normalised header spellings in English, French and
//! Arabic, and the storefront export presets (Shopify, WooCommerce) whose column sets are
//! known in advance. Pure data plus the normalisation every lookup goes through.

use crate::api::scope::ResourceName;

use super::target::{Field, ProductPart, Target};

/// Lower case, accents and Arabic letter variants folded, every run of other characters
/// turned into one `_`: `"Téléphone "` → `telephone`, `"N° Commande"` → `n_commande`.
pub fn normalize_header(header: &str) -> String {
    let mut normalized = String::with_capacity(header.len());
    let mut pending_separator = false;
    for c in header.chars().flat_map(char::to_lowercase) {
        let folded = fold_letter(c);
        match folded {
            Some(letter) => {
                if pending_separator && !normalized.is_empty() {
                    normalized.push('_');
                }
                pending_separator = false;
                normalized.push(letter);
            }
            None if is_arabic_mark(c) => {}
            None => pending_separator = true,
        }
    }
    normalized
}

/// The letter or digit `c` counts as, or `None` for a separator.
fn fold_letter(c: char) -> Option<char> {
    let folded = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ÿ' => 'y',
        'أ' | 'إ' | 'آ' => 'ا',
        'ة' => 'ه',
        'ى' => 'ي',
        c if c.is_alphanumeric() => c,
        _ => return None,
    };
    Some(folded)
}

/// Tashkeel and tatweel: decoration that must not change a match.
fn is_arabic_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{0652}' | '\u{0640}')
}

/// The normalised names that mean `target` in a file of `kind`.
pub fn synonyms_of(target: Target, kind: ResourceName) -> &'static [&'static str] {
    let money_total: &[&str] = &[
        "total",
        "montant",
        "montant_total",
        "total_ttc",
        "prix_total",
        "المجموع",
        "المبلغ",
    ];
    match target {
        Target::Field(field) => match field {
            Field::FullName => &[
                "full_name",
                "fullname",
                "name",
                "customer_name",
                "customer",
                "client",
                "client_name",
                "nom",
                "nom_complet",
                "nom_et_prenom",
                "nom_prenom",
                "nom_du_client",
                "destinataire",
                "recipient",
                "الاسم",
                "الاسم_الكامل",
                "اسم_الزبون",
                "الزبون",
                "الاسم_و_النسب",
            ],
            Field::FirstName => &[
                "first_name",
                "firstname",
                "prenom",
                "given_name",
                "الاسم_الشخصي",
            ],
            Field::LastName => &[
                "last_name",
                "lastname",
                "surname",
                "nom_de_famille",
                "family_name",
                "النسب",
            ],
            Field::Phone => &[
                "phone",
                "phone_number",
                "telephone",
                "tel",
                "mobile",
                "gsm",
                "portable",
                "numero",
                "numero_de_telephone",
                "num_tel",
                "n_tel",
                "whatsapp",
                "الهاتف",
                "رقم_الهاتف",
                "الجوال",
                "هاتف",
            ],
            Field::Email => &[
                "email",
                "e_mail",
                "mail",
                "courriel",
                "adresse_email",
                "البريد_الالكتروني",
            ],
            Field::City => &["city", "ville", "town", "commune", "المدينه", "مدينه"],
            Field::Area => &[
                "area",
                "quartier",
                "district",
                "neighborhood",
                "neighbourhood",
                "zone",
                "secteur",
                "الحي",
                "المنطقه",
            ],
            Field::Address => &[
                "address",
                "adresse",
                "address1",
                "address_1",
                "street",
                "rue",
                "adresse_de_livraison",
                "shipping_address",
                "delivery_address",
                "العنوان",
                "عنوان",
            ],
            Field::ShipmentWay => &["shipment_way", "shipment_method", "mode_de_livraison"],
            Field::FeesPaidByCustomer => &[
                "is_fees_paid_by_customer",
                "fees_paid_by_customer",
                "fees_paid",
                "frais_payes_par_client",
                "frais_client",
            ],
            Field::OrderTotal => money_total,
        },
        Target::Product { part, .. } => match part {
            ProductPart::Sku => &[
                "sku",
                "product_sku",
                "reference",
                "ref",
                "ref_produit",
                "code_produit",
                "product_code",
                "article",
                "produit",
                "product",
                "المنتج",
                "رمز_المنتج",
            ],
            ProductPart::Quantity => &[
                "quantity",
                "qty",
                "quantite",
                "qte",
                "nombre",
                "الكميه",
                "عدد",
            ],
            ProductPart::UnitPrice => &[
                "price",
                "prix",
                "unit_price",
                "prix_unitaire",
                "pu",
                "السعر",
                "الثمن",
                "ثمن",
            ],
            ProductPart::LineTotal => match kind {
                ResourceName::Leads => &[
                    "line_total",
                    "total",
                    "montant",
                    "montant_total",
                    "total_ttc",
                    "prix_total",
                    "total_ligne",
                    "المجموع",
                    "المبلغ",
                ],
                ResourceName::Orders => {
                    &["line_total", "total_ligne", "montant_ligne", "item_total"]
                }
            },
        },
        Target::GroupBy => &[
            "group",
            "order_id",
            "order_number",
            "order_no",
            "commande",
            "numero_commande",
            "n_commande",
            "id_commande",
            "رقم_الطلب",
        ],
    }
}

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

    #[test]
    fn headers_normalize_across_languages() {
        assert_eq!(normalize_header(" Téléphone "), "telephone");
        assert_eq!(normalize_header("N° Commande"), "n_commande");
        assert_eq!(normalize_header("Billing Address1"), "billing_address1");
        assert_eq!(normalize_header("المدينة"), "المدينه");
        assert_eq!(normalize_header("الإسم"), "الاسم");
        assert_eq!(normalize_header("Quantité 2"), "quantite_2");
    }

    #[test]
    fn every_synonym_is_already_normalized() {
        let mut targets: Vec<Target> = Field::ALL.into_iter().map(Target::Field).collect();
        targets.extend(
            ProductPart::ALL
                .into_iter()
                .map(|part| Target::Product { slot: 1, part }),
        );
        targets.push(Target::GroupBy);
        for kind in [ResourceName::Leads, ResourceName::Orders] {
            for target in &targets {
                for synonym in synonyms_of(*target, kind) {
                    assert_eq!(normalize_header(synonym), *synonym);
                }
            }
        }
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
