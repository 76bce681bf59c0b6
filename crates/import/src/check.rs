//! Every rule of the contract applied to one item's rows: the file-level checks (a
//! required column nobody mapped) once, then [`Checker::check_record`] per item. A
//! record is checked on its own, so an edited cell re-checks only its record, and
//! records can be checked on every core at once. Duplicates across the file are the
//! one cross-row check: see [`super::duplicates`].

use crate::api::profile::Dialect;
use crate::api::rules::{FieldKind, FieldRule, ItemSchema, ListRule, item_schema};
use crate::api::scope::ResourceName;

use super::catalogue::Catalogue;
use super::issue::Issue;
use super::mapping::{ColumnRole, Mapping, ProductColumns};
use super::phone::{PhoneProblem, PhoneRules};
use super::rule_check::{
    Finding, check_amount, check_length, check_value, not_an_amount, required,
};
use super::table::Row;
use super::target::{Field, ProductPart, Target};
use super::values::{format_amount, parse_amount, parse_whole_number};
use super::wording::{Label, Wording};

/// Which money rule the contract puts on a product line.
#[derive(Debug, Clone, Copy, PartialEq)]
enum ProductMoney {
    /// v2 leads send the line total.
    LineTotal(&'static FieldRule),
    /// Orders and v1 leads send the unit price.
    UnitPrice(&'static FieldRule),
}

/// Checks records of one mapped file.
#[derive(Debug, Clone)]
pub struct Checker<'m> {
    mapping: &'m Mapping,
    phone: &'m PhoneRules,
    dialect: Dialect,
    catalogue: Option<&'m Catalogue>,
    schema: ItemSchema,
    money: Option<ProductMoney>,
    /// The schema's scalar fields with their rules and columns, looked up once rather
    /// than per row.
    fields: Vec<(Field, &'static FieldRule, Option<usize>)>,
    /// The columns that make up the full name, in reading order (first, full, last).
    name_columns: Vec<usize>,
    /// The column blamed for a bad full name.
    name_blame: Option<usize>,
    custom_value_rule: Option<&'static FieldRule>,
    /// False when the whole file is known to hold no NUL byte: rows need not be searched.
    search_nul: bool,
    /// The custom data columns and the words naming them in messages.
    custom_columns: Vec<usize>,
    sku_rule: Option<&'static FieldRule>,
    quantity_rule: Option<&'static FieldRule>,
}

impl<'m> Checker<'m> {
    pub fn new(
        mapping: &'m Mapping,
        phone: &'m PhoneRules,
        dialect: Dialect,
        catalogue: Option<&'m Catalogue>,
    ) -> Self {
        let schema = item_schema(mapping.kind(), dialect);
        let money = match (mapping.kind(), dialect) {
            (ResourceName::Leads, Dialect::V2) => {
                schema.products.field("total").map(ProductMoney::LineTotal)
            }
            _ => schema.products.field("price").map(ProductMoney::UnitPrice),
        };
        let fields = schema
            .fields
            .iter()
            .filter_map(|rule| {
                Field::ALL
                    .into_iter()
                    .find(|field| field.name() == rule.name)
                    .map(|field| (field, rule, mapping.field_column(field)))
            })
            .collect();
        let name_columns: Vec<usize> = [Field::FirstName, Field::FullName, Field::LastName]
            .into_iter()
            .filter_map(|part| mapping.field_column(part))
            .collect();
        let name_blame = mapping
            .field_column(Field::FullName)
            .or(name_columns.first().copied());
        let custom_columns = mapping.custom_columns().collect();
        Checker {
            mapping,
            phone,
            dialect,
            catalogue,
            schema,
            money,
            fields,
            name_columns,
            name_blame,
            custom_value_rule: schema.custom_data.and_then(|data| data.field("value")),
            search_nul: true,
            custom_columns,
            sku_rule: schema.products.field("sku"),
            quantity_rule: schema.products.field("quantity"),
        }
    }

    /// Skips the per-row search for NUL bytes when the caller has looked through the
    /// whole file at once and found none.
    pub fn with_nul_search(mut self, search: bool) -> Self {
        self.search_nul = search;
        self
    }

    /// Problems with the columns themselves, reported once on the header line.
    pub fn check_columns(&self, header_line: u64) -> Vec<Issue> {
        let mut issues = Vec::new();
        let mut missing = |name: &str, label: Label| {
            issues.push(
                Finding::error(Wording::MissingColumn {
                    label,
                    name: name.to_string(),
                })
                .at(header_line, None, name.to_string(), ""),
            );
        };
        for &(field, rule, column) in &self.fields {
            let mapped = match field {
                Field::FullName => !self.name_columns.is_empty(),
                // The order total is the sum of the lines when no column gives it.
                Field::OrderTotal => true,
                Field::FeesPaidByCustomer => {
                    column.is_some() || self.mapping.fees_paid_default().is_some()
                }
                _ => column.is_some(),
            };
            if !mapped && rule.requirement.is_required(self.dialect) {
                missing(rule.name, Label::Field(field));
            }
        }
        let products = self.mapping.products();
        if !products.iter().any(|slot| slot.sku.is_some()) {
            missing("sku", Label::ProductSku);
        }
        if !products
            .iter()
            .any(|slot| slot.unit_price.is_some() || slot.line_total.is_some())
        {
            match self.money {
                Some(ProductMoney::LineTotal(_)) => {
                    missing("line_total", Label::Product(ProductPart::LineTotal))
                }
                _ => missing("price", Label::ProductPrice),
            }
        }
        if let Some(data) = self.schema.custom_data.and_then(|rule| rule.field("key")) {
            for column in self.mapping.custom_columns() {
                let key = self.mapping.header(column);
                if let Some(finding) = check_value(data, || Label::ColumnHeader, key, self.dialect)
                {
                    issues.push(finding.at(header_line, Some(column), "data".to_string(), key));
                }
            }
        }
        issues
    }

    /// Checks one record (its rows, usually one), appending what is wrong to `issues`
    /// and one key per (phone, SKU) pair to `duplicate_keys` for the cross-row check;
    /// returns the record's phone as international digits when it is valid.
    /// Appending to the caller's buffers keeps a million records from costing a million
    /// allocations.
    pub fn check_record(
        &self,
        rows: &[Row],
        issues: &mut Vec<Issue>,
        duplicate_keys: &mut Vec<u64>,
    ) -> Option<u64> {
        let first = rows.first()?;
        let mut misshapen = false;
        for row in rows {
            misshapen |= self.check_shape(row, issues);
        }
        if misshapen {
            // Cells shifted by a missing or extra delimiter would only add noise.
            return None;
        }
        let mut phone_key = None;
        for &(field, rule, column) in &self.fields {
            if field == Field::FullName {
                self.check_full_name(rows, rule, issues);
                continue;
            }
            let Some(column) = column else {
                continue;
            };
            let (line, value) = first_value(rows, column);
            let finding = if field == Field::Phone {
                self.check_phone(rule, value, &mut phone_key)
            } else {
                check_value(rule, || Label::Field(field), value, self.dialect)
            };
            if let Some(finding) = finding {
                issues.push(finding.at(line, Some(column), field.name().to_string(), value));
            }
        }
        let mut product_count = 0;
        for row in rows {
            for slot in self.mapping.products() {
                if let Some(sku) = self.check_product(row, slot, issues) {
                    product_count += 1;
                    if let (Some(phone), false) = (phone_key, sku.is_empty()) {
                        duplicate_keys.push(duplicate_key(phone, sku));
                    }
                }
            }
        }
        self.check_product_count(first, product_count, issues);
        if let Some(rule) = self.schema.custom_data {
            self.check_custom_data(rows, &rule, issues);
        }
        phone_key
    }

    /// Extra or missing cells, and NUL bytes; true when the row's cells are misaligned.
    fn check_shape(&self, row: &Row, issues: &mut Vec<Issue>) -> bool {
        let width = self.mapping.headers().len();
        let count = row.cells.len();
        let extra = if count > width {
            row.cells
                .iter()
                .skip(width)
                .find(|cell| !cell.trim().is_empty())
        } else {
            None
        };
        let misaligned = if let Some(extra) = extra {
            issues.push(Finding::error(Wording::TooManyCells { count, width }).at(
                row.line,
                None,
                String::new(),
                extra,
            ));
            true
        } else if count < width {
            issues.push(Finding::error(Wording::TooFewCells { count, width }).at(
                row.line,
                None,
                String::new(),
                "",
            ));
            true
        } else {
            false
        };
        if self.search_nul && memchr::memchr(0, row.cells.as_slice().as_bytes()).is_some() {
            for (column, cell) in row.cells.iter().enumerate() {
                if cell.contains('\0') {
                    issues.push(Finding::error(Wording::NulByte).at(
                        row.line,
                        Some(column),
                        self.field_name(column),
                        &cell.replace('\0', ""),
                    ));
                }
            }
        }
        misaligned
    }

    /// The full name, or first + last name joined.
    fn check_full_name(&self, rows: &[Row], rule: &FieldRule, issues: &mut Vec<Issue>) {
        let Some(blame) = self.name_blame else {
            return;
        };
        let (line, value) = match self.name_columns.as_slice() {
            [only] => {
                let (line, value) = first_value(rows, *only);
                (line, std::borrow::Cow::Borrowed(value))
            }
            columns => {
                let values: Vec<(u64, &str)> = columns
                    .iter()
                    .map(|column| first_value(rows, *column))
                    .filter(|(_, value)| !value.is_empty())
                    .collect();
                let line = values
                    .first()
                    .map_or(rows.first().map_or(0, |row| row.line), |(line, _)| *line);
                let joined: Vec<&str> = values.iter().map(|(_, value)| *value).collect();
                (line, std::borrow::Cow::Owned(joined.join(" ")))
            }
        };
        if let Some(finding) =
            check_value(rule, || Label::Field(Field::FullName), &value, self.dialect)
        {
            issues.push(finding.at(
                line,
                Some(blame),
                Field::FullName.name().to_string(),
                &value,
            ));
        }
    }

    fn check_phone(&self, rule: &FieldRule, value: &str, key: &mut Option<u64>) -> Option<Finding> {
        if value.is_empty() {
            return rule
                .requirement
                .is_required(self.dialect)
                .then(|| required(Label::Field(Field::Phone)));
        }
        let region = self.phone.region();
        match self.phone.check(value) {
            Ok(phone) => {
                *key = Some(phone.key());
                if let Some(country) = &phone.foreign_region {
                    return Some(Finding::warning(Wording::PhoneForeign {
                        value: value.to_string(),
                        country: country.clone(),
                        region: region.to_string(),
                    }));
                }
                if phone.missing_leading_zero {
                    return Some(Finding::warning(Wording::PhoneMissingLeadingZero {
                        value: value.to_string(),
                        national: self.phone.national_spelling(&phone),
                    }));
                }
                if phone.unknown_range {
                    return Some(Finding::warning(Wording::PhoneUnknownRange {
                        value: value.to_string(),
                        region: region.to_string(),
                    }));
                }
                let (min, max) = match rule.kind {
                    FieldKind::Text { min, max } => (min, max),
                    _ => (0, usize::MAX),
                };
                check_length(|| Label::Field(Field::Phone), phone.e164_len(), min, max)
            }
            Err(PhoneProblem::Letters) => Some(Finding::error(Wording::PhoneHasLetters {
                value: value.to_string(),
            })),
            Err(PhoneProblem::ScientificNotation) => {
                Some(Finding::error(Wording::PhoneScientificNotation {
                    value: value.to_string(),
                }))
            }
            Err(PhoneProblem::Invalid) => Some(Finding::error(Wording::PhoneInvalid {
                value: value.to_string(),
                region: region.to_string(),
                example: self.phone.example().to_string(),
            })),
        }
    }

    /// Checks one product of a row; returns its SKU when the product is present.
    fn check_product<'r>(
        &self,
        row: &'r Row,
        slot: &ProductColumns,
        issues: &mut Vec<Issue>,
    ) -> Option<&'r str> {
        // Each cell is read once: this runs for every product of every row.
        let read = |part: ProductPart| slot.column(part).map(|column| (column, row.cell(column)));
        let (sku_cell, quantity_cell, unit_cell, total_cell) = (
            read(ProductPart::Sku),
            read(ProductPart::Quantity),
            read(ProductPart::UnitPrice),
            read(ProductPart::LineTotal),
        );
        let cell = |part: ProductPart| match part {
            ProductPart::Sku => sku_cell,
            ProductPart::Quantity => quantity_cell,
            ProductPart::UnitPrice => unit_cell,
            ProductPart::LineTotal => total_cell,
        };
        let present = [sku_cell, quantity_cell, unit_cell, total_cell]
            .into_iter()
            .flatten()
            .any(|(_, value)| !value.is_empty());
        if !present {
            return None;
        }
        let mut report =
            |part: ProductPart, column: Option<usize>, value: &str, finding: Finding| {
                let field = Target::Product {
                    slot: slot.slot,
                    part,
                }
                .to_string();
                issues.push(finding.at(row.line, column, field, value));
            };
        let sku = cell(ProductPart::Sku).map_or("", |(_, value)| value);
        if let Some(rule) = self.sku_rule {
            let found = check_value(rule, || Label::Product(ProductPart::Sku), sku, self.dialect)
                .or_else(|| self.check_catalogue(sku));
            if let Some(finding) = found {
                report(ProductPart::Sku, slot.sku, sku, finding);
            }
        }
        let mut quantity = 1;
        if let (Some((column, value)), Some(rule)) = (quantity_cell, self.quantity_rule) {
            match check_value(
                rule,
                || Label::Product(ProductPart::Quantity),
                value,
                self.dialect,
            ) {
                Some(finding) => report(ProductPart::Quantity, Some(column), value, finding),
                None => quantity = parse_whole_number(value).unwrap_or(1),
            }
        }
        let money = self.money?;
        let (rule, wanted, other) = match money {
            ProductMoney::LineTotal(rule) => (rule, ProductPart::LineTotal, ProductPart::UnitPrice),
            ProductMoney::UnitPrice(rule) => (rule, ProductPart::UnitPrice, ProductPart::LineTotal),
        };
        let given = |part| cell(part).filter(|(_, value)| !value.is_empty());
        if let Some((column, value)) = given(wanted) {
            if let Some(finding) = check_value(rule, || Label::Product(wanted), value, self.dialect)
            {
                report(wanted, Some(column), value, finding);
            }
        } else if let Some((column, value)) = given(other) {
            let finding = match parse_amount(value) {
                None => Some(not_an_amount(Label::Product(other), value)),
                Some(amount) => {
                    let converted = match wanted {
                        ProductPart::LineTotal => amount * quantity as f64,
                        _ => amount / quantity.max(1) as f64,
                    };
                    match rule.kind {
                        FieldKind::Money { min, max } if !(min..=max).contains(&converted) => {
                            check_amount(
                                || Label::Computed {
                                    wanted,
                                    from: other,
                                },
                                &format_amount(converted),
                                converted,
                                min,
                                max,
                            )
                        }
                        _ => None,
                    }
                }
            };
            if let Some(finding) = finding {
                report(other, Some(column), value, finding);
            }
        } else if let Some(column) = slot.column(wanted) {
            report(wanted, Some(column), "", required(Label::Product(wanted)));
        } else if let Some(column) = slot.column(other) {
            report(other, Some(column), "", required(Label::Product(other)));
        }
        Some(sku)
    }

    fn check_catalogue(&self, sku: &str) -> Option<Finding> {
        let catalogue = self.catalogue?;
        if catalogue.is_out_of_stock(sku) {
            return Some(Finding::warning(Wording::OutOfStock {
                sku: sku.to_string(),
            }));
        }
        if sku.is_empty() || catalogue.contains(sku) {
            return None;
        }
        let wording = Wording::UnknownSku {
            sku: sku.to_string(),
        };
        Some(if catalogue.authoritative {
            Finding::error(wording)
        } else {
            Finding::warning(wording)
        })
    }

    fn check_product_count(&self, first: &Row, count: usize, issues: &mut Vec<Issue>) {
        let ListRule {
            min_items,
            max_items,
            ..
        } = self.schema.products;
        let sku_column = self.mapping.products().first().and_then(|slot| slot.sku);
        let kind = self.mapping.kind();
        let finding = if count < min_items {
            Finding::error(Wording::NoProducts { kind })
        } else if count > max_items {
            Finding::error(Wording::TooManyProducts {
                kind,
                count,
                max: max_items,
            })
        } else {
            return;
        };
        issues.push(finding.at(first.line, sku_column, "products".to_string(), ""));
    }

    fn check_custom_data(&self, rows: &[Row], rule: &ListRule, issues: &mut Vec<Issue>) {
        let mut count = 0;
        let line = rows.first().map_or(0, |row| row.line);
        for &column in &self.custom_columns {
            let (value_line, value) = first_value(rows, column);
            if value.is_empty() {
                continue;
            }
            count += 1;
            if let Some(finding) = self.custom_value_rule.and_then(|value_rule| {
                let label = || Label::CustomValue(self.mapping.header(column).to_string());
                check_value(value_rule, label, value, self.dialect)
            }) {
                issues.push(finding.at(value_line, Some(column), "data".to_string(), value));
            }
        }
        if count > rule.max_items {
            issues.push(
                Finding::error(Wording::TooManyCustomFields {
                    count,
                    max: rule.max_items,
                })
                .at(line, None, "data".to_string(), ""),
            );
        }
    }

    /// The field a column feeds, as issues name it.
    fn field_name(&self, column: usize) -> String {
        match self.mapping.role(column) {
            ColumnRole::Target(target) => target.to_string(),
            ColumnRole::CustomData => "data".to_string(),
            ColumnRole::Ignored => String::new(),
        }
    }
}

/// The first non-empty value of `column` among the record's rows, with its line: a
/// storefront export fills the customer only on an order's first row.
pub fn first_value(rows: &[Row], column: usize) -> (u64, &str) {
    rows.iter()
        .map(|row| (row.line, row.cell(column)))
        .find(|(_, value)| !value.is_empty())
        .unwrap_or((rows.first().map_or(0, |row| row.line), ""))
}

fn duplicate_key(phone: u64, sku: &str) -> u64 {
    // FNV-1a over the SKU seeded with the phone, then a splitmix64 finish: cheap enough
    // for every row, and the tracker uses the result as the hash itself.
    let mut hash = 0xcbf2_9ce4_8422_2325 ^ phone;
    for byte in sku.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash ^= hash >> 30;
    hash = hash.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    hash ^= hash >> 27;
    hash = hash.wrapping_mul(0x94d0_49bb_1331_11eb);
    hash ^ (hash >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::IssueCode;

    fn mapping(headers: &[&str], kind: ResourceName) -> Mapping {
        Mapping::infer(headers, kind, &[]).unwrap()
    }

    fn codes(checker: &Checker<'_>, rows: &[Row]) -> Vec<(u64, Option<usize>, &'static str)> {
        let mut issues = Vec::new();
        let mut keys = Vec::new();
        checker.check_record(rows, &mut issues, &mut keys);
        issues
            .iter()
            .map(|issue| (issue.line, issue.column_index, issue.code.as_str()))
            .collect()
    }

    #[test]
    fn unknown_skus_are_errors_only_with_a_fresh_catalogue() {
        let mapping = mapping(
            &["name", "phone", "city", "address", "sku", "total"],
            ResourceName::Leads,
        );
        let phone = PhoneRules::new(crate::phone::DEFAULT_PHONE_REGION).unwrap();
        let lead = [Row::new(
            2,
            &[
                "Ali Alami",
                "0612345678",
                "Rabat",
                "Rue 1 Agdal",
                "NOPE",
                "100",
            ],
        )];
        let fresh = Catalogue::new(["TSH-01".to_string()], true);
        let cached = Catalogue::new(["TSH-01".to_string()], false);
        let strict = Checker::new(&mapping, &phone, Dialect::V2, Some(&fresh));
        let lenient = Checker::new(&mapping, &phone, Dialect::V2, Some(&cached));
        let blind = Checker::new(&mapping, &phone, Dialect::V2, None);
        let mut issues = Vec::new();
        strict.check_record(&lead, &mut issues, &mut Vec::new());
        assert_eq!(issues[0].severity, crate::Severity::Error);
        issues.clear();
        lenient.check_record(&lead, &mut issues, &mut Vec::new());
        assert_eq!(issues[0].severity, crate::Severity::Warning);
        assert_eq!(codes(&blind, &lead), []);
    }

    #[test]
    fn a_product_out_of_stock_is_a_warning_on_its_sku() {
        let mapping = mapping(
            &["name", "phone", "city", "address", "sku", "total"],
            ResourceName::Leads,
        );
        let phone = PhoneRules::new(crate::phone::DEFAULT_PHONE_REGION).unwrap();
        let row = |sku: &str| {
            [Row::new(
                2,
                &[
                    "Ali Alami",
                    "0612345678",
                    "Rabat",
                    "Rue 1 Agdal",
                    sku,
                    "100",
                ],
            )]
        };
        let catalogue = Catalogue::new(["TSH-01".to_string(), "CAF-02".to_string()], true)
            .with_out_of_stock(["CAF-02".to_string()]);
        let checker = Checker::new(&mapping, &phone, Dialect::V2, Some(&catalogue));
        let mut issues = Vec::new();
        checker.check_record(&row("CAF-02"), &mut issues, &mut Vec::new());
        assert_eq!(issues.len(), 1);
        assert_eq!(issues[0].severity, crate::Severity::Warning);
        assert_eq!(issues[0].code, crate::IssueCode::OutOfStock);
        assert_eq!(issues[0].column_index, Some(4));
        assert_eq!(codes(&checker, &row("TSH-01")), []);
    }

    #[test]
    fn first_and_last_names_are_checked_joined() {
        let mapping = mapping(
            &[
                "prenom",
                "nom de famille",
                "phone",
                "city",
                "address",
                "sku",
                "total",
            ],
            ResourceName::Leads,
        );
        let phone = PhoneRules::new(crate::phone::DEFAULT_PHONE_REGION).unwrap();
        let checker = Checker::new(&mapping, &phone, Dialect::V2, None);
        let ok = [Row::new(
            2,
            &["Al", "Fa", "0612345678", "Rabat", "Rue 1 Agdal", "S", "100"],
        )];
        assert_eq!(codes(&checker, &ok), []);
        let short = [Row::new(
            3,
            &["Al", "", "0612345678", "Rabat", "Rue 1 Agdal", "S", "100"],
        )];
        assert_eq!(codes(&checker, &short), [(3, Some(0), "too_short")]);
    }

    #[test]
    fn orders_allow_ten_products_and_v1_leads_drop_the_city_rule() {
        let orders = mapping(
            &[
                "order_id",
                "name",
                "phone",
                "city",
                "address",
                "sku",
                "price",
                "fees_paid",
            ],
            ResourceName::Orders,
        );
        let phone = PhoneRules::new(crate::phone::DEFAULT_PHONE_REGION).unwrap();
        let checker = Checker::new(&orders, &phone, Dialect::V2, None);
        let mut rows = vec![Row::new(
            2,
            &[
                "A1",
                "Omar",
                "0612345678",
                "Rabat",
                "Agdal",
                "S0",
                "10",
                "no",
            ],
        )];
        for line in 3..=12 {
            rows.push(Row::new(line, &["A1", "", "", "", "", "S", "10", ""]));
        }
        assert_eq!(codes(&checker, &rows), [(2, Some(5), "too_many_products")]);
        assert_eq!(codes(&checker, rows.get(..10).unwrap()), []);

        let leads = mapping(
            &["name", "phone", "city", "address", "sku", "price"],
            ResourceName::Leads,
        );
        let v1 = Checker::new(&leads, &phone, Dialect::V1, None);
        let no_city = [Row::new(
            2,
            &["Omar Alami", "0612345678", "", "", "S", "10"],
        )];
        assert_eq!(codes(&v1, &no_city), []);
        let v2 = Checker::new(&leads, &phone, Dialect::V2, None);
        assert_eq!(
            codes(&v2, &no_city),
            [(2, Some(2), "required"), (2, Some(3), "required")]
        );
    }

    #[test]
    fn line_totals_are_computed_from_unit_prices() {
        let leads = mapping(
            &[
                "name", "phone", "city", "address", "sku", "quantity", "price",
            ],
            ResourceName::Leads,
        );
        let phone = PhoneRules::new(crate::phone::DEFAULT_PHONE_REGION).unwrap();
        let checker = Checker::new(&leads, &phone, Dialect::V2, None);
        let over = [Row::new(
            2,
            &[
                "Omar Alami",
                "0612345678",
                "Rabat",
                "Rue 1 Agdal",
                "S",
                "999",
                "1002",
            ],
        )];
        let mut issues = Vec::new();
        checker.check_record(&over, &mut issues, &mut Vec::new());
        assert_eq!(issues.len(), 1);
        assert_eq!(issues[0].code, IssueCode::OutOfRange);
        assert!(
            issues[0]
                .message()
                .contains("product total computed from the unit price 1000998")
        );
    }

    #[test]
    fn a_missing_column_is_reported_once_on_the_header() {
        let leads = mapping(&["name", "city", "address", "sku"], ResourceName::Leads);
        let phone = PhoneRules::new(crate::phone::DEFAULT_PHONE_REGION).unwrap();
        let checker = Checker::new(&leads, &phone, Dialect::V2, None);
        let missing: Vec<String> = checker
            .check_columns(1)
            .into_iter()
            .map(|issue| issue.field)
            .collect();
        assert_eq!(missing, ["phone", "line_total"]);
    }
}
