//! Which column feeds which field. Each header is matched, in this order, to: the
//! merchant's explicit choice (`--map`, or the one remembered for this header set), a
//! storefront preset, the field's own name or a synonym, a numbered product column
//! (`sku_2`), then a close spelling (edit distance 1, or 2 for long names). Whatever is
//! left becomes the lead's custom `data` (orders have none, so it is ignored).

use std::collections::{BTreeMap, HashSet};

use crate::api::scope::ResourceName;

use super::presets::Preset;
use super::synonyms::{normalize_header, synonyms_of};
use super::target::{Field, ProductPart, Target, split_slot};

/// What one column of the file is used for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnRole {
    Target(Target),
    /// Sent as a custom `{key: header, value: cell}` pair (leads).
    CustomData,
    /// Not sent.
    Ignored,
}

/// How a column's role was decided, shown so the merchant can trust or correct it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchedBy {
    Explicit,
    Preset(&'static str),
    Name,
    CloseSpelling,
    Leftover,
}

/// The columns of one product slot (`sku_2`, `quantity_2`, …).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ProductColumns {
    pub slot: u16,
    pub sku: Option<usize>,
    pub quantity: Option<usize>,
    pub unit_price: Option<usize>,
    pub line_total: Option<usize>,
}

impl ProductColumns {
    /// The column holding `part`, if mapped.
    pub fn column(&self, part: ProductPart) -> Option<usize> {
        match part {
            ProductPart::Sku => self.sku,
            ProductPart::Quantity => self.quantity,
            ProductPart::UnitPrice => self.unit_price,
            ProductPart::LineTotal => self.line_total,
        }
    }
}

/// A `--map` entry that cannot be applied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MappingError {
    #[error("--map entry \"{0}\" should look like field=Column Header")]
    Syntax(String),
    #[error(
        "--map: unknown field \"{0}\" (fields: full_name, phone, city, area, address, sku, quantity, price, line_total, sku_2…, group; orders add email, total, shipment_way, is_fees_paid_by_customer)"
    )]
    UnknownField(String),
    #[error("--map {field}=…: the file has no column \"{header}\"")]
    NoSuchColumn { field: String, header: String },
}

/// The role of every column of a file.
#[derive(Debug, Clone, PartialEq)]
pub struct Mapping {
    kind: ResourceName,
    headers: Vec<String>,
    roles: Vec<ColumnRole>,
    matched_by: Vec<MatchedBy>,
    products: Vec<ProductColumns>,
    /// The answer for every order when no column holds it: storefront exports never
    /// carry `is_fees_paid_by_customer`, and a shop usually has one policy.
    fees_paid_default: Option<bool>,
}

/// Parses `phone=Tel,full_name=Nom complet` into (target, header) pairs.
pub fn parse_map_argument(
    argument: &str,
    kind: ResourceName,
) -> Result<Vec<(Target, String)>, MappingError> {
    argument
        .split(',')
        .filter(|entry| !entry.trim().is_empty())
        .map(|entry| {
            let (field, header) = entry
                .split_once('=')
                .ok_or_else(|| MappingError::Syntax(entry.to_string()))?;
            let target = Target::parse_user(field, kind)
                .ok_or_else(|| MappingError::UnknownField(field.trim().to_string()))?;
            Ok((target, header.trim().to_string()))
        })
        .collect()
}

impl Mapping {
    /// Maps `headers` (as written) for a file of `kind`, honouring `explicit` choices first.
    pub fn infer<H: AsRef<str>>(
        headers: &[H],
        kind: ResourceName,
        explicit: &[(Target, String)],
    ) -> Result<Mapping, MappingError> {
        let headers: Vec<String> = headers.iter().map(|h| h.as_ref().to_string()).collect();
        let normalized: Vec<String> = headers.iter().map(|h| normalize_header(h)).collect();
        let mut decided: Vec<Option<(ColumnRole, MatchedBy)>> = vec![None; headers.len()];
        let mut taken: HashSet<Target> = HashSet::new();

        for (target, header) in explicit {
            let column = find_column(&headers, &normalized, header).ok_or_else(|| {
                MappingError::NoSuchColumn {
                    field: target.to_string(),
                    header: header.clone(),
                }
            })?;
            if let Some(slot) = decided.get_mut(column) {
                *slot = Some((ColumnRole::Target(*target), MatchedBy::Explicit));
                taken.insert(*target);
            }
        }

        if let Some(preset) = Preset::detect(&normalized) {
            for (column, name) in normalized.iter().enumerate() {
                let role = match preset
                    .target_name(name)
                    .and_then(|t| Target::parse(t, kind))
                {
                    Some(target) if !taken.contains(&target) => {
                        taken.insert(target);
                        ColumnRole::Target(target)
                    }
                    _ if preset.ignores(name) => ColumnRole::Ignored,
                    _ => continue,
                };
                if let Some(slot) = decided.get_mut(column).filter(|slot| slot.is_none()) {
                    *slot = Some((role, MatchedBy::Preset(preset.name)));
                }
            }
        }

        let candidates = candidate_targets(kind);
        for numbered in [false, true] {
            for (column, name) in normalized.iter().enumerate() {
                if decided.get(column).is_some_and(Option::is_some) {
                    continue;
                }
                let found = candidates
                    .iter()
                    .chain(numbered_candidates(name).iter())
                    .copied()
                    .find(|target| {
                        !taken.contains(target)
                            && if numbered {
                                numbered_match(name, *target, kind)
                            } else {
                                named(name, *target, kind)
                            }
                    });
                if let (Some(target), Some(slot)) = (found, decided.get_mut(column)) {
                    taken.insert(target);
                    *slot = Some((ColumnRole::Target(target), MatchedBy::Name));
                }
            }
        }

        for (column, name) in normalized.iter().enumerate() {
            if decided.get(column).is_some_and(Option::is_some) {
                continue;
            }
            if let Some(target) = closest_target(name, &candidates, &taken, kind) {
                taken.insert(target);
                if let Some(slot) = decided.get_mut(column) {
                    *slot = Some((ColumnRole::Target(target), MatchedBy::CloseSpelling));
                }
            }
        }

        let leftover = match kind {
            ResourceName::Leads => ColumnRole::CustomData,
            ResourceName::Orders => ColumnRole::Ignored,
        };
        let (roles, matched_by): (Vec<ColumnRole>, Vec<MatchedBy>) = decided
            .into_iter()
            .zip(&headers)
            .map(|(decision, header)| match decision {
                Some(decision) => decision,
                None if header.trim().is_empty() => (ColumnRole::Ignored, MatchedBy::Leftover),
                None => (leftover, MatchedBy::Leftover),
            })
            .unzip();
        let products = product_columns(&roles);
        Ok(Mapping {
            kind,
            headers,
            roles,
            matched_by,
            products,
            fees_paid_default: None,
        })
    }

    /// How many cells of a record name a known field: picks the header row.
    pub fn known_header_count<'a>(
        cells: impl IntoIterator<Item = &'a str>,
        kind: ResourceName,
    ) -> usize {
        let candidates = candidate_targets(kind);
        cells
            .into_iter()
            .map(normalize_header)
            .filter(|name| {
                !name.is_empty()
                    && (candidates
                        .iter()
                        .any(|target| synonyms_of(*target, kind).contains(&name.as_str()))
                        || numbered_candidates(name)
                            .iter()
                            .any(|target| numbered_match(name, *target, kind)))
            })
            .count()
    }

    /// Answers `is_fees_paid_by_customer` for rows without a column for it.
    pub fn set_fees_paid_default(&mut self, answer: Option<bool>) {
        self.fees_paid_default = answer;
    }

    pub fn fees_paid_default(&self) -> Option<bool> {
        self.fees_paid_default
    }

    pub fn kind(&self) -> ResourceName {
        self.kind
    }

    /// The headers as written in the file.
    pub fn headers(&self) -> &[String] {
        &self.headers
    }

    /// The header of `column` as written, or `""` past the header's end.
    pub fn header(&self, column: usize) -> &str {
        self.headers.get(column).map(String::as_str).unwrap_or("")
    }

    pub fn role(&self, column: usize) -> ColumnRole {
        self.roles
            .get(column)
            .copied()
            .unwrap_or(ColumnRole::Ignored)
    }

    pub fn matched_by(&self, column: usize) -> Option<MatchedBy> {
        self.matched_by.get(column).copied()
    }

    /// The column mapped to `target`.
    pub fn column_of(&self, target: Target) -> Option<usize> {
        self.roles
            .iter()
            .position(|role| *role == ColumnRole::Target(target))
    }

    /// The column of a scalar field.
    pub fn field_column(&self, field: Field) -> Option<usize> {
        self.column_of(Target::Field(field))
    }

    /// The product slots, in slot order.
    pub fn products(&self) -> &[ProductColumns] {
        &self.products
    }

    /// The columns sent as custom data.
    pub fn custom_columns(&self) -> impl Iterator<Item = usize> + '_ {
        self.roles
            .iter()
            .enumerate()
            .filter(|(_, role)| **role == ColumnRole::CustomData)
            .map(|(column, _)| column)
    }

    /// field name → header, as the JSON report shows it.
    pub fn to_names(&self) -> BTreeMap<String, String> {
        self.roles
            .iter()
            .zip(&self.headers)
            .filter_map(|(role, header)| match role {
                ColumnRole::Target(target) => Some((target.to_string(), header.clone())),
                _ => None,
            })
            .collect()
    }

    /// The explicit choices, to remember for this header set.
    pub fn explicit_choices(&self) -> Vec<(Target, String)> {
        self.roles
            .iter()
            .zip(&self.matched_by)
            .zip(&self.headers)
            .filter_map(|((role, how), header)| match (role, how) {
                (ColumnRole::Target(target), MatchedBy::Explicit) => {
                    Some((*target, header.clone()))
                }
                _ => None,
            })
            .collect()
    }
}

/// A header named in `--map`: as written, then ignoring case, then normalised.
fn find_column(headers: &[String], normalized: &[String], wanted: &str) -> Option<usize> {
    headers
        .iter()
        .position(|header| header == wanted)
        .or_else(|| {
            headers
                .iter()
                .position(|header| header.eq_ignore_ascii_case(wanted))
        })
        .or_else(|| {
            let wanted = normalize_header(wanted);
            normalized.iter().position(|header| *header == wanted)
        })
}

/// The slot-1 targets a file of `kind` can fill, most specific first.
fn candidate_targets(kind: ResourceName) -> Vec<Target> {
    let mut targets: Vec<Target> = Field::ALL
        .into_iter()
        .filter(|field| field.exists_for(kind))
        .map(Target::Field)
        .collect();
    targets.extend(
        ProductPart::ALL
            .into_iter()
            .map(|part| Target::Product { slot: 1, part }),
    );
    targets.push(Target::GroupBy);
    targets
}

/// The product targets a numbered header (`quantite_3`) could mean.
fn numbered_candidates(name: &str) -> Vec<Target> {
    let (_, slot) = split_slot(name);
    ProductPart::ALL
        .into_iter()
        .map(|part| Target::Product { slot, part })
        .collect()
}

/// The target's own name (`sku_2`) or one of its synonyms.
fn named(name: &str, target: Target, kind: ResourceName) -> bool {
    name == target.to_string() || synonyms_of(target, kind).contains(&name)
}

/// `sku_2`, `Quantité 2`, `prix3`: a product part's name or synonym plus a number.
fn numbered_match(name: &str, target: Target, kind: ResourceName) -> bool {
    let Target::Product { slot, part } = target else {
        return false;
    };
    let (base, name_slot) = split_slot(name);
    base != name
        && name_slot == slot
        && (base == part.name()
            || synonyms_of(Target::Product { slot: 1, part }, kind).contains(&base))
}

/// The one target whose name or synonym is within a small edit distance of `name`.
fn closest_target(
    name: &str,
    candidates: &[Target],
    taken: &HashSet<Target>,
    kind: ResourceName,
) -> Option<Target> {
    let length = name.chars().count();
    if length < 4 {
        return None;
    }
    let allowed = if length >= 8 { 2 } else { 1 };
    let mut best: Option<(usize, Target)> = None;
    let mut tie = false;
    for target in candidates.iter().filter(|target| !taken.contains(target)) {
        for synonym in synonyms_of(*target, kind) {
            if synonym.chars().count() < 4 {
                continue;
            }
            let distance = edit_distance(name, synonym);
            if distance > allowed {
                continue;
            }
            match best {
                Some((best_distance, best_target)) if distance == best_distance => {
                    tie |= best_target != *target;
                }
                Some((best_distance, _)) if distance > best_distance => {}
                _ => {
                    best = Some((distance, *target));
                    tie = false;
                }
            }
        }
    }
    best.filter(|_| !tie).map(|(_, target)| target)
}

/// Levenshtein distance over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        if let Some(first) = current.first_mut() {
            *first = i + 1;
        }
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous.get(j).copied().unwrap_or(0) + usize::from(ca != *cb);
            let deletion = previous.get(j + 1).copied().unwrap_or(0) + 1;
            let insertion = current.get(j).copied().unwrap_or(0) + 1;
            if let Some(cell) = current.get_mut(j + 1) {
                *cell = substitution.min(deletion).min(insertion);
            }
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous.last().copied().unwrap_or(0)
}

/// Gathers the columns of each product slot.
fn product_columns(roles: &[ColumnRole]) -> Vec<ProductColumns> {
    let mut slots: BTreeMap<u16, ProductColumns> = BTreeMap::new();
    for (column, role) in roles.iter().enumerate() {
        if let ColumnRole::Target(Target::Product { slot, part }) = role {
            let entry = slots.entry(*slot).or_insert(ProductColumns {
                slot: *slot,
                ..ProductColumns::default()
            });
            match part {
                ProductPart::Sku => entry.sku = Some(column),
                ProductPart::Quantity => entry.quantity = Some(column),
                ProductPart::UnitPrice => entry.unit_price = Some(column),
                ProductPart::LineTotal => entry.line_total = Some(column),
            }
        }
    }
    slots.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mapped(names: &[&str], kind: ResourceName) -> BTreeMap<String, String> {
        Mapping::infer(names, kind, &[]).unwrap().to_names()
    }

    #[test]
    fn french_and_arabic_headers_map() {
        let names = mapped(
            &[
                "Nom complet",
                "Téléphone",
                "Ville",
                "Adresse",
                "Quantité",
                "Prix",
            ],
            ResourceName::Leads,
        );
        assert_eq!(names["full_name"], "Nom complet");
        assert_eq!(names["phone"], "Téléphone");
        assert_eq!(names["quantity"], "Quantité");
        assert_eq!(names["price"], "Prix");
        let arabic = mapped(
            &["الاسم", "الهاتف", "المدينة", "العنوان"],
            ResourceName::Leads,
        );
        assert_eq!(arabic["city"], "المدينة");
        assert_eq!(arabic["address"], "العنوان");
    }

    #[test]
    fn numbered_products_and_close_spellings() {
        let mapping = Mapping::infer(
            &[
                "Telephon",
                "sku",
                "quantity",
                "sku_2",
                "Quantité 2",
                "Couleur",
            ],
            ResourceName::Leads,
            &[],
        )
        .unwrap();
        let names = mapping.to_names();
        assert_eq!(names["phone"], "Telephon");
        assert_eq!(names["sku_2"], "sku_2");
        assert_eq!(names["quantity_2"], "Quantité 2");
        assert_eq!(mapping.matched_by(0), Some(MatchedBy::CloseSpelling));
        assert_eq!(mapping.products().len(), 2);
        assert_eq!(mapping.custom_columns().collect::<Vec<_>>(), [5]);
    }

    #[test]
    fn shopify_preset_groups_by_name() {
        let mapping = Mapping::infer(
            &[
                "Name",
                "Email",
                "Financial Status",
                "Lineitem quantity",
                "Lineitem name",
                "Lineitem price",
                "Lineitem sku",
                "Billing Name",
                "Billing Address1",
                "Billing City",
                "Billing Phone",
                "Total",
                "Notes",
            ],
            ResourceName::Orders,
            &[],
        )
        .unwrap();
        let names = mapping.to_names();
        assert_eq!(names["group"], "Name");
        assert_eq!(names["full_name"], "Billing Name");
        assert_eq!(names["total"], "Total");
        assert_eq!(mapping.role(2), ColumnRole::Ignored);
        assert_eq!(mapping.role(4), ColumnRole::Ignored);
    }

    #[test]
    fn woocommerce_preset_splits_the_name() {
        let mapping = Mapping::infer(
            &[
                "Order Number",
                "Order Status",
                "Billing First Name",
                "Billing Last Name",
                "Billing Phone",
                "Billing City",
                "Billing Address 1",
                "Item SKU",
                "Item Quantity",
                "Item Cost",
            ],
            ResourceName::Leads,
            &[],
        )
        .unwrap();
        let names = mapping.to_names();
        assert_eq!(names["group"], "Order Number");
        assert_eq!(names["first_name"], "Billing First Name");
        assert_eq!(names["last_name"], "Billing Last Name");
        assert_eq!(names["price"], "Item Cost");
        assert_eq!(mapping.role(1), ColumnRole::Ignored);
    }

    #[test]
    fn explicit_choices_win_and_errors_name_the_column() {
        let choices =
            parse_map_argument("phone=Contact, total=Montant", ResourceName::Leads).unwrap();
        let mapping = Mapping::infer(
            &["Tel", "Contact", "montant"],
            ResourceName::Leads,
            &choices,
        )
        .unwrap();
        let names = mapping.to_names();
        assert_eq!(names["phone"], "Contact");
        assert_eq!(names["line_total"], "montant");
        assert_eq!(mapping.role(0), ColumnRole::CustomData);
        assert_eq!(mapping.explicit_choices().len(), 2);
        assert!(matches!(
            parse_map_argument("colour=Couleur", ResourceName::Leads),
            Err(MappingError::UnknownField(_))
        ));
        assert!(matches!(
            Mapping::infer(&["Tel"], ResourceName::Leads, &choices),
            Err(MappingError::NoSuchColumn { .. })
        ));
    }

    #[test]
    fn edit_distance_counts_characters() {
        assert_eq!(edit_distance("telephon", "telephone"), 1);
        assert_eq!(edit_distance("الهاتف", "الهاتف"), 0);
        assert_eq!(edit_distance("", "abc"), 3);
    }
}
