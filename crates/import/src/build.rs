//! Checked records → the create items the API takes (`NewLead`, `NewOrder`), each with
//! its [`ItemOrigin`]: the file lines and columns every value came from, so a 422 from
//! the server lands on the cell that caused it ([`super::server_errors`]).

use crate::api::profile::Dialect;
use crate::api::scope::ResourceName;
use crate::api::wire::{CustomField, NewLead, NewOrder, ProductLine};

use super::check::first_value;
use super::mapping::{Mapping, ProductColumns};
use super::phone::PhoneRules;
use super::table::Row;
use super::target::{Field, ProductPart};
use super::values::{parse_amount, parse_whole_number, parse_yes_no};

/// A cell of the file: its line and column (`None` when the value was computed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CellRef {
    pub line: u64,
    pub column: Option<usize>,
}

/// The file row and columns one product line came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProductOrigin {
    pub line: u64,
    pub columns: ProductColumns,
}

/// Where every part of one create item came from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ItemOrigin {
    /// The lines of the item's rows; the first is where the record starts.
    pub lines: Vec<u64>,
    /// Scalar field name (`phone`, `city`…) → the cell it came from.
    pub fields: Vec<(&'static str, CellRef)>,
    /// One entry per product line sent, in the order sent.
    pub products: Vec<ProductOrigin>,
    /// One entry per custom data pair sent, in the order sent.
    pub custom_data: Vec<CellRef>,
}

impl ItemOrigin {
    /// The line where the item's record starts.
    pub fn first_line(&self) -> u64 {
        self.lines.first().copied().unwrap_or(0)
    }
}

/// A create item and where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Built<T> {
    pub item: T,
    pub origin: ItemOrigin,
}

/// Turns records of one mapped file into create items.
#[derive(Debug, Clone, Copy)]
pub struct ItemBuilder<'m> {
    mapping: &'m Mapping,
    phone: &'m PhoneRules,
    dialect: Dialect,
}

/// The values common to leads and orders, read once.
struct Common {
    full_name: String,
    phone: String,
    city: String,
    area: String,
    address: String,
    products: Vec<(ProductLine, f64)>,
}

impl<'m> ItemBuilder<'m> {
    pub fn new(mapping: &'m Mapping, phone: &'m PhoneRules, dialect: Dialect) -> Self {
        ItemBuilder {
            mapping,
            phone,
            dialect,
        }
    }

    /// The lead a record describes. Meant for records without errors; a bad value is sent
    /// as written (or left out) rather than panicking.
    pub fn lead(&self, rows: &[Row]) -> Built<NewLead> {
        let mut origin = self.origin_of(rows);
        let common = self.common(rows, &mut origin);
        let mut data = Vec::new();
        if self.mapping.kind() == ResourceName::Leads {
            for column in self.mapping.custom_columns() {
                let (line, value) = first_value(rows, column);
                if !value.is_empty() {
                    data.push(CustomField {
                        key: self.mapping.header(column).to_string(),
                        value: Some(clean(value)),
                    });
                    origin.custom_data.push(CellRef {
                        line,
                        column: Some(column),
                    });
                }
            }
        }
        let lead = NewLead {
            full_name: common.full_name,
            phone: common.phone,
            city: optional(common.city),
            area: optional(common.area),
            address: optional(common.address),
            products: common.products.into_iter().map(|(line, _)| line).collect(),
            data,
        };
        Built { item: lead, origin }
    }

    /// The order a record describes (same caveat as [`Self::lead`]).
    pub fn order(&self, rows: &[Row]) -> Built<NewOrder> {
        let mut origin = self.origin_of(rows);
        let common = self.common(rows, &mut origin);
        let email = self.scalar(rows, Field::Email, &mut origin);
        let shipment_way = self.scalar(rows, Field::ShipmentWay, &mut origin);
        let fees = self.scalar(rows, Field::FeesPaidByCustomer, &mut origin);
        let total = self.scalar(rows, Field::OrderTotal, &mut origin);
        let lines_total: f64 = common.products.iter().map(|(_, total)| total).sum();
        let order = NewOrder {
            full_name: common.full_name,
            phone: common.phone,
            email: optional(email),
            city: common.city,
            area: optional(common.area),
            address: common.address,
            shipment_way: parse_whole_number(&shipment_way),
            is_fees_paid_by_customer: parse_yes_no(&fees)
                .or(self.mapping.fees_paid_default())
                .unwrap_or(false),
            total: parse_amount(&total).unwrap_or(lines_total),
            products: common.products.into_iter().map(|(line, _)| line).collect(),
        };
        Built {
            item: order,
            origin,
        }
    }

    fn origin_of(&self, rows: &[Row]) -> ItemOrigin {
        ItemOrigin {
            lines: rows.iter().map(|row| row.line).collect(),
            ..ItemOrigin::default()
        }
    }

    fn common(&self, rows: &[Row], origin: &mut ItemOrigin) -> Common {
        let name_parts: Vec<String> = [Field::FirstName, Field::FullName, Field::LastName]
            .into_iter()
            .map(|part| self.scalar(rows, part, origin))
            .filter(|part| !part.is_empty())
            .collect();
        let written_phone = self.scalar(rows, Field::Phone, origin);
        let phone = self
            .phone
            .check(&written_phone)
            .map(|phone| phone.e164())
            .unwrap_or(written_phone);
        let city = self.scalar(rows, Field::City, origin);
        let area = self.scalar(rows, Field::Area, origin);
        let address = self.scalar(rows, Field::Address, origin);
        let mut products = Vec::new();
        for row in rows {
            for slot in self.mapping.products() {
                if let Some(product) = self.product(row, slot) {
                    products.push(product);
                    origin.products.push(ProductOrigin {
                        line: row.line,
                        columns: *slot,
                    });
                }
            }
        }
        Common {
            full_name: name_parts.join(" "),
            phone,
            city,
            area,
            address,
            products,
        }
    }

    /// A scalar field's value, recording its cell in `origin`.
    fn scalar(&self, rows: &[Row], field: Field, origin: &mut ItemOrigin) -> String {
        let Some(column) = self.mapping.field_column(field) else {
            return String::new();
        };
        let (line, value) = first_value(rows, column);
        let name = field.rule_name();
        if !origin.fields.iter().any(|(known, _)| *known == name) {
            origin.fields.push((
                name,
                CellRef {
                    line,
                    column: Some(column),
                },
            ));
        }
        clean(value)
    }

    /// One product line and its line total, or `None` when the slot is empty in this row.
    fn product(&self, row: &Row, slot: &ProductColumns) -> Option<(ProductLine, f64)> {
        let cell = |part: ProductPart| slot.column(part).map_or("", |column| row.cell(column));
        if ProductPart::ALL
            .into_iter()
            .all(|part| cell(part).is_empty())
        {
            return None;
        }
        let quantity = parse_whole_number(cell(ProductPart::Quantity)).unwrap_or(1);
        let count = quantity.max(1) as f64;
        let unit_price = parse_amount(cell(ProductPart::UnitPrice));
        let line_total = parse_amount(cell(ProductPart::LineTotal));
        let total = line_total.or(unit_price.map(|price| price * count));
        let price = unit_price.or(line_total.map(|total| total / count));
        let sends_total = self.mapping.kind() == ResourceName::Leads && self.dialect == Dialect::V2;
        let line = ProductLine {
            sku: Some(clean(cell(ProductPart::Sku))),
            quantity: Some(quantity),
            total: if sends_total { total } else { None },
            price: if sends_total { None } else { price },
        };
        Some((line, total.unwrap_or(0.0)))
    }
}

/// A cell as sent: trimmed, without NUL bytes.
fn clean(value: &str) -> String {
    value.replace('\0', "").trim().to_string()
}

fn optional(value: String) -> Option<String> {
    (!value.is_empty()).then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lead_with_numbered_products_and_custom_data() {
        let headers = [
            "Nom",
            "Tel",
            "Ville",
            "Adresse",
            "sku",
            "qte",
            "prix",
            "sku_2",
            "quantity_2",
            "price_2",
            "Couleur",
        ];
        let mapping = Mapping::infer(&headers, ResourceName::Leads, &[]).unwrap();
        let phone = PhoneRules::new(crate::phone::DEFAULT_PHONE_REGION).unwrap();
        let builder = ItemBuilder::new(&mapping, &phone, Dialect::V2);
        let built = builder.lead(&[Row::new(
            4,
            &[
                "Amina Idrissi",
                "06 12 34 56 78",
                "Fès",
                "12 rue Talaa",
                "TSH-01",
                "2",
                "12,50",
                "CAP-9",
                "1",
                "80",
                "rouge",
            ],
        )]);
        assert_eq!(built.item.phone, "+212612345678");
        assert_eq!(built.item.products.len(), 2);
        assert_eq!(built.item.products[0].total, Some(25.0));
        assert_eq!(built.item.products[0].price, None);
        assert_eq!(built.item.data[0].key, "Couleur");
        assert_eq!(built.origin.products[1].columns.sku, Some(7));
        assert_eq!(built.origin.custom_data[0].column, Some(10));
        let v1 = ItemBuilder::new(&mapping, &phone, Dialect::V1)
            .lead(&[Row::new(4, &["A", "0612345678", "", "", "S", "2", "12,50"])]);
        assert_eq!(v1.item.products[0].price, Some(12.5));
    }

    #[test]
    fn a_grouped_order_sums_its_lines() {
        let headers = [
            "Name",
            "Billing Name",
            "Billing Phone",
            "Billing City",
            "Billing Address1",
            "Lineitem sku",
            "Lineitem quantity",
            "Lineitem price",
            "fees_paid",
        ];
        let mapping = Mapping::infer(&headers, ResourceName::Orders, &[]).unwrap();
        let phone = PhoneRules::new(crate::phone::DEFAULT_PHONE_REGION).unwrap();
        let builder = ItemBuilder::new(&mapping, &phone, Dialect::V2);
        let built = builder.order(&[
            Row::new(
                2,
                &[
                    "#1001",
                    "Omar",
                    "0612345678",
                    "Rabat",
                    "Agdal",
                    "A",
                    "2",
                    "100",
                    "oui",
                ],
            ),
            Row::new(3, &["#1001", "", "", "", "", "B", "1", "50", ""]),
        ]);
        assert_eq!(built.item.total, 250.0);
        assert!(built.item.is_fees_paid_by_customer);
        assert_eq!(built.item.products[1].price, Some(50.0));
        assert_eq!(built.origin.products[1].line, 3);
        assert_eq!(built.origin.lines, [2, 3]);
    }
}
