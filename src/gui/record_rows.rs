//! Leads and orders as the window shows them: one row model for both, and the API
//! calls of the browse screen, so the screen itself holds no request logic.

use crate::api::wire::{History, ProductLine, StatusChange};
use crate::api::{
    ApiError, Client, DeleteOutcome, Lead, ListQuery, Order, Page, ResourceName, UpdateOutcome,
};

/// One lead or order, flattened for the table and the detail panel.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordRow {
    pub reference: String,
    pub customer: String,
    pub phone: String,
    pub city: String,
    pub products: String,
    pub total: String,
    pub status: String,
    pub created: String,
    /// Every field, label → value, for the detail panel.
    pub fields: Vec<(&'static str, String)>,
}

fn or_dash(value: &Option<String>) -> String {
    value
        .clone()
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| "—".into())
}

fn money(amount: f64) -> String {
    format!("{amount:.2} MAD")
}

/// `2 × ARG-100, 1 × SAV-101`.
fn products_summary(lines: &[ProductLine]) -> String {
    let parts: Vec<String> = lines
        .iter()
        .map(|line| {
            format!(
                "{} × {}",
                line.quantity.unwrap_or(1),
                line.sku.as_deref().unwrap_or("?")
            )
        })
        .collect();
    if parts.is_empty() {
        "—".into()
    } else {
        parts.join(", ")
    }
}

/// `2026-09-05T06:18:00Z` → `2026-09-05 06:18`; anything else as it came.
fn short_time(value: &Option<String>) -> String {
    match value
        .as_deref()
        .and_then(|v| chrono::DateTime::parse_from_rfc3339(v).ok())
    {
        Some(time) => time.format("%Y-%m-%d %H:%M").to_string(),
        None => or_dash(value),
    }
}

impl From<&Lead> for RecordRow {
    fn from(lead: &Lead) -> Self {
        let line_total: f64 = lead
            .products
            .iter()
            .filter_map(|line| {
                line.total
                    .or(line.price.zip(line.quantity).map(|(p, q)| p * q as f64))
            })
            .sum();
        let custom: Vec<String> = lead
            .data
            .iter()
            .map(|field| format!("{}: {}", field.key, field.value.as_deref().unwrap_or("")))
            .collect();
        RecordRow {
            reference: or_dash(&lead.reference),
            customer: or_dash(&lead.full_name),
            phone: or_dash(&lead.phone),
            city: or_dash(&lead.city),
            products: products_summary(&lead.products),
            total: money(line_total),
            status: or_dash(&lead.status),
            created: short_time(&lead.created_at),
            fields: vec![
                ("Reference", or_dash(&lead.reference)),
                ("Customer", or_dash(&lead.full_name)),
                ("Phone", or_dash(&lead.phone)),
                ("City", or_dash(&lead.city)),
                ("Area", or_dash(&lead.area)),
                ("Address", or_dash(&lead.address)),
                ("Products", products_summary(&lead.products)),
                ("Total", money(line_total)),
                (
                    "Custom data",
                    if custom.is_empty() {
                        "—".into()
                    } else {
                        custom.join(", ")
                    },
                ),
                ("Status", or_dash(&lead.status)),
                ("Created", short_time(&lead.created_at)),
                ("Updated", short_time(&lead.updated_at)),
            ],
        }
    }
}

impl From<&Order> for RecordRow {
    fn from(order: &Order) -> Self {
        let total = order.total.map(money).unwrap_or_else(|| "—".into());
        let fees = match order.is_fees_paid_by_customer {
            Some(true) => "customer",
            Some(false) => "store",
            None => "—",
        };
        RecordRow {
            reference: or_dash(&order.reference),
            customer: or_dash(&order.full_name),
            phone: or_dash(&order.phone),
            city: or_dash(&order.city),
            products: products_summary(&order.products),
            total: total.clone(),
            status: or_dash(&order.status),
            created: short_time(&order.created_at),
            fields: vec![
                ("Reference", or_dash(&order.reference)),
                ("Customer", or_dash(&order.full_name)),
                ("Phone", or_dash(&order.phone)),
                ("E-mail", or_dash(&order.email)),
                ("City", or_dash(&order.city)),
                ("Area", or_dash(&order.area)),
                ("Address", or_dash(&order.address)),
                ("Products", products_summary(&order.products)),
                ("Total", total),
                ("Delivery fees paid by", fees.into()),
                ("Status", or_dash(&order.status)),
                ("Created", short_time(&order.created_at)),
                ("Updated", short_time(&order.updated_at)),
            ],
        }
    }
}

fn rows<T>(page: Page<T>) -> Page<RecordRow>
where
    for<'a> RecordRow: From<&'a T>,
{
    Page {
        items: page.items.iter().map(RecordRow::from).collect(),
        page: page.page,
        per_page: page.per_page,
        total: page.total,
        pages: page.pages,
    }
}

/// One page of rows.
pub async fn load_page(
    client: Client,
    resource: ResourceName,
    query: ListQuery,
) -> Result<Page<RecordRow>, ApiError> {
    match resource {
        ResourceName::Leads => client.leads().list(&query).await.map(rows),
        ResourceName::Orders => client.orders().list(&query).await.map(rows),
    }
}

/// A record and its status history, for the detail panel.
pub async fn load_detail(
    client: Client,
    resource: ResourceName,
    reference: String,
) -> Result<(RecordRow, Vec<History>), ApiError> {
    let history_query = ListQuery {
        reference: Some(reference.clone()),
        ..ListQuery::page(1, 100)
    };
    let (row, history) = match resource {
        ResourceName::Leads => {
            let leads = client.leads();
            let lead = leads.show(&reference).await?;
            (
                RecordRow::from(&lead),
                leads.histories(&history_query).await?,
            )
        }
        ResourceName::Orders => {
            let orders = client.orders();
            let order = orders.show(&reference).await?;
            (
                RecordRow::from(&order),
                orders.histories(&history_query).await?,
            )
        }
    };
    Ok((row, history.items))
}

/// Gives every reference the same status.
pub async fn change_status(
    client: Client,
    resource: ResourceName,
    references: Vec<String>,
    status: String,
) -> Result<UpdateOutcome, ApiError> {
    let changes: Vec<StatusChange> = references
        .into_iter()
        .map(|reference| StatusChange {
            reference,
            status: status.clone(),
        })
        .collect();
    match resource {
        ResourceName::Leads => client.leads().update_status(&changes).await,
        ResourceName::Orders => client.orders().update_status(&changes).await,
    }
}

/// Deletes the references.
pub async fn delete(
    client: Client,
    resource: ResourceName,
    references: Vec<String>,
) -> Result<DeleteOutcome, ApiError> {
    match resource {
        ResourceName::Leads => client.leads().delete(&references).await,
        ResourceName::Orders => client.orders().delete(&references).await,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(row.total, "298.00 MAD");
        assert_eq!(row.created, "2026-09-05 06:18");
        assert_eq!(row.city, "—");
    }
}
