//! The seller API's lists beside leads and orders: stock per warehouse, invoices (the
//! payouts), sourcing requests. Their shapes are the newer documentation's; every field
//! is optional and read leniently, like the records', so one odd field never hides a
//! page. `updated_at` is only in a show's answer.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::endpoints::Listing;
use super::lenient;
use super::wire::Product;

/// An item of a seller list: the client reads its pages, one by id, or the whole list.
pub trait Listed: DeserializeOwned + Serialize + Clone + Send + Sync + 'static {
    const LISTING: Listing;

    /// Its id, by which its show is asked.
    fn id(&self) -> Option<&str>;
}

macro_rules! listed {
    ($type:ty, $listing:expr) => {
        impl Listed for $type {
            const LISTING: Listing = $listing;

            fn id(&self) -> Option<&str> {
                self.id.as_deref()
            }
        }
    };
}

listed!(Product, Listing::Products);
listed!(Stock, Listing::Stocks);
listed!(Invoice, Listing::Invoices);
listed!(Sourcing, Listing::Sourcings);

/// One product's stock in one warehouse (`GET /stocks`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Stock {
    #[serde(default, deserialize_with = "lenient::text")]
    pub id: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub product_name: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub product_sku: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub warehouse_name: Option<String>,
    #[serde(default, deserialize_with = "lenient::integer")]
    pub quantity: Option<i64>,
    /// At or under it, the stock is low.
    #[serde(default, deserialize_with = "lenient::integer")]
    pub warning_quantity: Option<i64>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub status: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
}

/// One payout to the merchant (`GET /invoices`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Invoice {
    #[serde(default, deserialize_with = "lenient::text")]
    pub id: Option<String>,
    /// `INV-00001`.
    #[serde(default, deserialize_with = "lenient::text")]
    pub reference: Option<String>,
    #[serde(default, deserialize_with = "lenient::number")]
    pub amount: Option<f64>,
    /// `paid`, `pending`…
    #[serde(default, deserialize_with = "lenient::text")]
    pub status: Option<String>,
    /// `bank_transfer`…
    #[serde(default, deserialize_with = "lenient::text")]
    pub payment_method: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub created_at: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
}

/// A request that WedoCOD find and stock a product (`GET /sourcings`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Sourcing {
    #[serde(default, deserialize_with = "lenient::text")]
    pub id: Option<String>,
    /// `SRC-00001`.
    #[serde(default, deserialize_with = "lenient::text")]
    pub reference: Option<String>,
    /// `pending`…
    #[serde(default, deserialize_with = "lenient::text")]
    pub status: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub created_at: Option<String>,
    /// Not in the documented list item: shown when a server sends it (the sandbox does).
    #[serde(default, deserialize_with = "lenient::text")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Not in the documented list item either.
    #[serde(default, deserialize_with = "lenient::integer")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quantity: Option<i64>,
    #[serde(default, deserialize_with = "lenient::text")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
}

/// What `POST /sourcings` takes: the documentation asks at least a unique `name`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewSourcing {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// `data` of a 201 from `POST /sourcings`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SourcingCreated {
    #[serde(default, deserialize_with = "lenient::text")]
    pub id: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub reference: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_text_and_missing_fields_still_read() {
        let stock: Stock = serde_json::from_value(serde_json::json!({
            "id": 7, "product_sku": "GHS-114", "quantity": "3", "warning_quantity": null
        }))
        .unwrap();
        assert_eq!(stock.id.as_deref(), Some("7"));
        assert_eq!(stock.quantity, Some(3));
        assert_eq!(stock.warning_quantity, None);
        let invoice: Invoice =
            serde_json::from_value(serde_json::json!({"amount": "1250,50", "status": "paid"}))
                .unwrap();
        assert_eq!(invoice.amount, Some(1250.5));
    }
}
