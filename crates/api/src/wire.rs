//! The JSON shapes of api-contract.md §6–§8, shared by the client (which decodes them
//! leniently) and the sandbox (which encodes them).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::lenient;

/// One product line of a lead or order. Leads carry `total` (the line total, v2) or
/// `price` (the unit price, v1); orders carry `price`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProductLine {
    #[serde(default, deserialize_with = "lenient::text")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sku: Option<String>,
    #[serde(default, deserialize_with = "lenient::integer")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quantity: Option<i64>,
    #[serde(default, deserialize_with = "lenient::number")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total: Option<f64>,
    #[serde(default, deserialize_with = "lenient::number")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub price: Option<f64>,
}

/// A custom `{key, value}` pair attached to a lead.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CustomField {
    #[serde(default)]
    pub key: String,
    #[serde(default, deserialize_with = "lenient::text")]
    pub value: Option<String>,
}

/// A lead as list and show return it. Every field is optional: real records may carry
/// more or less than the contract says.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Lead {
    #[serde(default, deserialize_with = "lenient::text")]
    pub id: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub reference: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub full_name: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub phone: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub city: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub area: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub address: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub status: Option<String>,
    #[serde(default, deserialize_with = "lenient::list")]
    pub products: Vec<ProductLine>,
    #[serde(default, deserialize_with = "lenient::list")]
    pub data: Vec<CustomField>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub created_at: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub updated_at: Option<String>,
}

/// An order as list and show return it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Order {
    #[serde(default, deserialize_with = "lenient::text")]
    pub id: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub reference: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub full_name: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub phone: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub email: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub city: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub area: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub address: Option<String>,
    #[serde(default, deserialize_with = "lenient::integer")]
    pub shipment_way: Option<i64>,
    #[serde(default, deserialize_with = "lenient::boolean")]
    pub is_fees_paid_by_customer: Option<bool>,
    #[serde(default, deserialize_with = "lenient::number")]
    pub total: Option<f64>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub status: Option<String>,
    #[serde(default, deserialize_with = "lenient::list")]
    pub products: Vec<ProductLine>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub created_at: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub updated_at: Option<String>,
}

/// One lead to create (`POST /leads`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NewLead {
    pub full_name: String,
    pub phone: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub area: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    pub products: Vec<ProductLine>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub data: Vec<CustomField>,
}

/// One order to create (`POST /orders`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NewOrder {
    pub full_name: String,
    pub phone: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    pub city: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub area: Option<String>,
    pub address: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shipment_way: Option<i64>,
    pub is_fees_paid_by_customer: bool,
    pub total: f64,
    pub products: Vec<ProductLine>,
}

/// One item of a bulk status change (`PATCH /leads`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusChange {
    pub reference: String,
    pub status: String,
}

/// `{id, reference}` as bulk update returns them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RecordRef {
    #[serde(default, deserialize_with = "lenient::text")]
    pub id: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub reference: Option<String>,
}

/// A catalogue product: the list's fields (`GET /products`), and the seller fields only
/// its show gives (`GET /products/{id}/show`), absent from a list item.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Product {
    #[serde(default, deserialize_with = "lenient::text")]
    pub id: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub sku: Option<String>,
    #[serde(default, deserialize_with = "lenient::number")]
    pub price: Option<f64>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub status: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub created_at: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, deserialize_with = "lenient::boolean")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub has_discount: Option<bool>,
    #[serde(default, deserialize_with = "lenient::boolean")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub free_shipping: Option<bool>,
    #[serde(default, deserialize_with = "lenient::text")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
}

impl Product {
    /// The product as a list shows it: the show's seller fields left out.
    pub fn listed(&self) -> Product {
        Product {
            description: None,
            has_discount: None,
            free_shipping: None,
            updated_at: None,
            ..self.clone()
        }
    }
}

/// One status change of a lead or order (`GET /lead-histories`, `/order-histories`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct History {
    #[serde(default, deserialize_with = "lenient::text")]
    pub id: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lead_reference: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order_reference: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub old_status: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub new_status: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub changed_by: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub changed_at: Option<String>,
}

impl History {
    /// The reference of the lead or order this entry belongs to.
    pub fn reference(&self) -> Option<&str> {
        self.lead_reference
            .as_deref()
            .or(self.order_reference.as_deref())
    }
}

/// v2 `meta.pagination`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Pagination {
    pub page: u64,
    pub limit: u64,
    pub total: u64,
    pub pages: u64,
}

impl Pagination {
    /// `pages = ceil(total / limit)` (api-contract.md §5).
    pub fn new(page: u64, limit: u64, total: u64) -> Self {
        Pagination {
            page,
            limit,
            total,
            pages: total.div_ceil(limit.max(1)),
        }
    }
}

/// v1 flat pagination meta.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct V1Pagination {
    pub current_page: u64,
    pub per_page: u64,
    pub total: u64,
}

/// `data` of a sync bulk create (201).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SyncCreated {
    #[serde(default)]
    pub created_refs: Vec<String>,
    #[serde(default)]
    pub failed_count: u64,
}

/// `data` of an async bulk create (202).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Queued {
    pub batch_id: String,
    #[serde(default)]
    pub queued: bool,
}

/// `data` of a bulk delete.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Deleted {
    #[serde(default)]
    pub deleted: bool,
    #[serde(default)]
    pub count: u64,
}

/// The field errors of a 422, keyed by dotted path (`data.3.phone`).
pub type FieldErrors = BTreeMap<String, Vec<String>>;

/// One row of a batch that was not created.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BatchFailure {
    /// The index of the item in the create request.
    pub index: usize,
    #[serde(default)]
    #[cfg_attr(
        feature = "openapi",
        schema(value_type = std::collections::HashMap<String, Vec<String>>)
    )]
    pub errors: FieldErrors,
}

/// `data` of `GET /batches/{id}` (a sandbox extension, api-contract.md §8).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BatchStatus {
    pub batch_id: String,
    /// `queued`, `processing`, `completed` or `failed`; kept open.
    pub status: String,
    #[serde(default)]
    pub total: u64,
    #[serde(default)]
    pub processed: u64,
    #[serde(default)]
    pub created_refs: Vec<String>,
    #[serde(default)]
    pub failures: Vec<BatchFailure>,
}

impl BatchStatus {
    /// True once the server will not change this batch any more.
    pub fn is_finished(&self) -> bool {
        matches!(
            self.status.trim().to_ascii_lowercase().as_str(),
            "completed" | "failed"
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_decode_leniently() {
        let lead: Lead = serde_json::from_value(serde_json::json!({
            "id": 42,
            "reference": "L-1",
            "full_name": "محمد العلوي",
            "products": [{"sku": "SKU-1", "quantity": "2", "total": "12,50"}, "junk"],
            "data": null,
            "extra": {"ignored": true}
        }))
        .unwrap();
        assert_eq!(lead.id.as_deref(), Some("42"));
        assert_eq!(lead.products.len(), 1);
        assert_eq!(lead.products[0].quantity, Some(2));
        assert_eq!(lead.products[0].total, Some(12.5));
        assert!(lead.data.is_empty());
    }

    #[test]
    fn pagination_rounds_pages_up() {
        assert_eq!(Pagination::new(1, 50, 301).pages, 7);
        assert_eq!(Pagination::new(1, 50, 300).pages, 6);
        assert_eq!(Pagination::new(1, 25, 0).pages, 0);
    }
}
