//! How merchants name their columns: normalised header spellings in English, French and
//! Arabic. Pure data plus the normalisation every lookup goes through. Storefront
//! exports whose column sets are known in advance are in [`super::presets`].

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
                "frais_payes_par_le_client",
                "frais_de_livraison_payes_par_le_client",
                "livraison_payee_par_le_client",
                "frais_client",
                "الزبون_يدفع_التوصيل",
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

    /// Every target a column can feed (the first product's parts stand for every slot).
    fn every_target() -> Vec<Target> {
        let mut targets: Vec<Target> = Field::ALL.into_iter().map(Target::Field).collect();
        targets.extend(
            ProductPart::ALL
                .into_iter()
                .map(|part| Target::Product { slot: 1, part }),
        );
        targets.push(Target::GroupBy);
        targets
    }

    /// A header means one thing: a synonym listed under two targets would map the column
    /// to whichever is tried first, whatever the newer field meant.
    #[test]
    fn no_synonym_belongs_to_two_targets() {
        for kind in [ResourceName::Leads, ResourceName::Orders] {
            let mut owner: std::collections::HashMap<&str, Target> = Default::default();
            let exists = |target: &Target| match target {
                Target::Field(field) => field.exists_for(kind),
                _ => true,
            };
            for target in every_target().into_iter().filter(exists) {
                for synonym in synonyms_of(target, kind) {
                    if let Some(first) = owner.insert(synonym, target) {
                        assert_eq!(first, target, "{kind:?}: \"{synonym}\" names two targets");
                    }
                }
            }
        }
    }

    #[test]
    fn every_synonym_is_already_normalized() {
        let targets = every_target();
        for kind in [ResourceName::Leads, ResourceName::Orders] {
            for target in &targets {
                for synonym in synonyms_of(*target, kind) {
                    assert_eq!(normalize_header(synonym), *synonym);
                }
            }
        }
    }
}
