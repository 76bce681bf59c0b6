//! Leads and orders as the window shows them: one row model for both, in the language
//! spoken now. The requests that fetch and change them are the core's
//! (`wedocod_core::records::requests`).

use crate::i18n::conventions;
use crate::i18n::{status_label, tr};
use wedocod_api::{Lead, Order, Page};
use wedocod_core::records::requests::Record;
use wedocod_core::records::{Moment, ProductNames, RecordSummary, products_named};

/// One lead or order, flattened for the table and the detail panel.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordRow {
    pub reference: String,
    pub customer: String,
    pub phone: String,
    pub city: String,
    pub products: String,
    pub total: String,
    /// The status code, as sent and filtered on (and coloured by).
    pub status: String,
    /// The status in the merchant's words, looked up once when the row is made (a language
    /// switch reads the tables again), not on every frame.
    pub status_label: String,
    pub created: String,
    /// Every field, label → value, for the detail panel.
    pub fields: Vec<(String, String)>,
}

/// The value, or a dash for none: an empty cell reads as "not loaded yet".
fn or_dash(value: &str) -> String {
    if value.is_empty() {
        "—".into()
    } else {
        value.to_string()
    }
}

fn money(amount: Option<f64>) -> String {
    amount.map_or_else(|| "—".into(), conventions::money)
}

fn moment(value: &Option<Moment>) -> String {
    value
        .as_ref()
        .map_or_else(|| "—".into(), conventions::moment)
}

impl RecordRow {
    /// The table's columns from the shared summary, and `details` for the panel.
    fn of(summary: RecordSummary, details: Vec<(String, String)>) -> RecordRow {
        RecordRow {
            reference: or_dash(&summary.reference),
            customer: or_dash(&summary.customer),
            phone: or_dash(&summary.phone),
            city: or_dash(&summary.city),
            products: or_dash(&summary.products),
            total: money(summary.total),
            status_label: status_label(&summary.status),
            status: summary.status.clone(),
            created: moment(&summary.created),
            fields: details,
        }
    }
}

/// The detail panel's fields every record has, around the ones only one kind has; its
/// products as `products` names them.
fn common_fields(
    summary: &RecordSummary,
    products: &str,
    after_phone: Vec<(String, String)>,
    after_total: Vec<(String, String)>,
) -> Vec<(String, String)> {
    let mut fields = vec![
        (tr!("column-reference"), or_dash(&summary.reference)),
        (tr!("column-customer"), or_dash(&summary.customer)),
        (tr!("column-phone"), or_dash(&summary.phone)),
    ];
    fields.extend(after_phone);
    fields.extend([
        (tr!("column-city"), or_dash(&summary.city)),
        (tr!("detail-area"), or_dash(&summary.area)),
        (tr!("detail-address"), or_dash(&summary.address)),
        (tr!("column-products"), or_dash(products)),
        (tr!("column-total"), money(summary.total)),
    ]);
    fields.extend(after_total);
    fields.extend([
        (tr!("column-status"), status_label(&summary.status)),
        (tr!("column-created"), moment(&summary.created)),
        (tr!("detail-updated"), moment(&summary.updated)),
    ]);
    fields
}

/// A lead's row, its detail panel naming products as `names` does.
fn lead_row(lead: &Lead, names: &ProductNames) -> RecordRow {
    let summary = RecordSummary::from(lead);
    let custom: Vec<String> = lead
        .data
        .iter()
        .map(|field| format!("{}: {}", field.key, field.value.as_deref().unwrap_or("")))
        .collect();
    let fields = common_fields(
        &summary,
        &products_named(&lead.products, names),
        Vec::new(),
        vec![(tr!("detail-custom-data"), or_dash(&custom.join(", ")))],
    );
    RecordRow::of(summary, fields)
}

/// An order's row, its detail panel naming products as `names` does.
fn order_row(order: &Order, names: &ProductNames) -> RecordRow {
    let summary = RecordSummary::from(order);
    let fees = match order.is_fees_paid_by_customer {
        Some(true) => tr!("fees-customer"),
        Some(false) => tr!("fees-store"),
        None => "—".into(),
    };
    let fields = common_fields(
        &summary,
        &products_named(&order.products, names),
        vec![(
            tr!("detail-email"),
            or_dash(order.email.as_deref().unwrap_or_default()),
        )],
        vec![(tr!("detail-fees-paid-by"), fees)],
    );
    RecordRow::of(summary, fields)
}

impl RecordRow {
    /// The row of `record` for its detail panel, which names products as the catalogue
    /// does (`names`); the table's column keeps the SKUs, short.
    pub fn named(record: &Record, names: &ProductNames) -> RecordRow {
        match record {
            Record::Lead(lead) => lead_row(lead, names),
            Record::Order(order) => order_row(order, names),
        }
    }
}

impl From<&Lead> for RecordRow {
    fn from(lead: &Lead) -> Self {
        lead_row(lead, &ProductNames::default())
    }
}

impl From<&Order> for RecordRow {
    fn from(order: &Order) -> Self {
        order_row(order, &ProductNames::default())
    }
}

impl From<&Record> for RecordRow {
    fn from(record: &Record) -> Self {
        RecordRow::named(record, &ProductNames::default())
    }
}

/// A page of the store's records as the table's rows.
pub fn rows(page: Page<Record>) -> Page<RecordRow> {
    page.map(|record| RecordRow::from(&record))
}

#[cfg(test)]
mod tests {
    use super::*;
    use wedocod_api::wire::ProductLine;

    #[test]
    fn rows_summarise_records() {
        let lead = Lead {
            reference: Some("LD-1".into()),
            full_name: Some("محمد العلوي".into()),
            products: vec![ProductLine {
                sku: Some("ARG-100".into()),
                quantity: Some(2),
                total: Some(298.0),
                price: None,
            }],
            created_at: Some("2026-09-05T06:18:00Z".into()),
            ..Lead::default()
        };
        let row = RecordRow::from(&lead);
        assert_eq!(row.products, "2 × ARG-100");
        // As the language spoken writes amounts and dates (conventions.rs tests each).
        assert_eq!(row.total, conventions::money(298.0));
        let created = Moment::of(Some("2026-09-05T06:18:00Z")).unwrap();
        assert_eq!(row.created, conventions::moment(&created));
        assert_eq!(row.city, "—");
    }
}
