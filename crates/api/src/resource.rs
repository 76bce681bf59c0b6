//! Leads and orders share their five routes; this trait carries what differs (record
//! and item types, and the v1 item spelling) so the client is written once for both.

use std::fmt::Debug;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::profile::Dialect;
use super::scope::ResourceName;
use super::wire::{Lead, NewLead, NewOrder, Order};

/// A record kind with list/show/create/update/delete routes.
pub trait Resource: Send + Sync + 'static {
    const NAME: ResourceName;
    /// What list and show return.
    type Record: DeserializeOwned + Serialize + Clone + Debug + Send + Sync + 'static;
    /// What create takes.
    type NewItem: Serialize + Clone + Debug + Send + Sync + 'static;

    /// The JSON of one create item as `dialect` expects it.
    fn wire_item(item: &Self::NewItem, _dialect: Dialect) -> Value {
        serde_json::to_value(item).unwrap_or(Value::Null)
    }
}

/// `/leads`.
#[derive(Debug, Clone, Copy)]
pub struct Leads;

/// `/orders`.
#[derive(Debug, Clone, Copy)]
pub struct Orders;

impl Resource for Leads {
    const NAME: ResourceName = ResourceName::Leads;
    type Record = Lead;
    type NewItem = NewLead;

    /// v1 lead products carry the unit `price` where v2 carries the line `total`.
    fn wire_item(item: &NewLead, dialect: Dialect) -> Value {
        let mut item = item.clone();
        if dialect == Dialect::V1 {
            for line in &mut item.products {
                if line.price.is_none()
                    && let (Some(total), Some(quantity)) = (line.total, line.quantity)
                    && quantity > 0
                {
                    line.price = Some((total / quantity as f64 * 100.0).round() / 100.0);
                }
                line.total = None;
            }
        }
        serde_json::to_value(item).unwrap_or(Value::Null)
    }
}

impl Resource for Orders {
    const NAME: ResourceName = ResourceName::Orders;
    type Record = Order;
    type NewItem = NewOrder;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::ProductLine;

    #[test]
    fn v1_leads_send_unit_prices() {
        let lead = NewLead {
            full_name: "Amina".into(),
            phone: "0612345678".into(),
            products: vec![ProductLine {
                sku: Some("SKU-1".into()),
                quantity: Some(3),
                total: Some(100.0),
                price: None,
            }],
            ..NewLead::default()
        };
        let v1 = Leads::wire_item(&lead, Dialect::V1);
        assert_eq!(v1["products"][0]["price"], 33.33);
        assert!(v1["products"][0].get("total").is_none());
        let v2 = Leads::wire_item(&lead, Dialect::V2);
        assert_eq!(v2["products"][0]["total"], 100.0);
    }
}
