//! What the browse screens ask the store: a page of leads or orders, one record with its
//! status history, a status given to several records, records deleted. The window keeps
//! only its messages and its row model; the requests and the choice between leads and
//! orders are here, beside the export that reads the same lists.

use crate::api::wire::{History, ProductLine, StatusChange};
use crate::api::{
    ApiError, Client, DeleteOutcome, Lead, ListQuery, Order, Page, ResourceName, UpdateOutcome,
};

/// A lead or an order, as the store gave it.
#[derive(Debug, Clone, PartialEq)]
pub enum Record {
    Lead(Lead),
    Order(Order),
}

impl Record {
    /// Its product lines.
    pub fn products(&self) -> &[ProductLine] {
        match self {
            Record::Lead(lead) => &lead.products,
            Record::Order(order) => &order.products,
        }
    }
}

/// One page of `resource` as `query` asks for it.
pub async fn read_page(
    client: &Client,
    resource: ResourceName,
    query: &ListQuery,
) -> Result<Page<Record>, ApiError> {
    Ok(match resource {
        ResourceName::Leads => client.leads().list(query).await?.map(Record::Lead),
        ResourceName::Orders => client.orders().list(query).await?.map(Record::Order),
    })
}

/// A record and the first 100 entries of its status history, for a detail panel.
pub async fn read_detail(
    client: &Client,
    resource: ResourceName,
    reference: &str,
) -> Result<(Record, Vec<History>), ApiError> {
    let history_query = ListQuery {
        reference: Some(reference.to_string()),
        ..ListQuery::page(1, 100)
    };
    let (record, history) = match resource {
        ResourceName::Leads => {
            let leads = client.leads();
            let lead = leads.show(reference).await?;
            (Record::Lead(lead), leads.histories(&history_query).await?)
        }
        ResourceName::Orders => {
            let orders = client.orders();
            let order = orders.show(reference).await?;
            (
                Record::Order(order),
                orders.histories(&history_query).await?,
            )
        }
    };
    Ok((record, history.items))
}

/// Gives every reference the same status.
pub async fn change_status(
    client: &Client,
    resource: ResourceName,
    references: Vec<String>,
    status: &str,
) -> Result<UpdateOutcome, ApiError> {
    let changes: Vec<StatusChange> = references
        .into_iter()
        .map(|reference| StatusChange {
            reference,
            status: status.to_string(),
        })
        .collect();
    match resource {
        ResourceName::Leads => client.leads().update_status(&changes).await,
        ResourceName::Orders => client.orders().update_status(&changes).await,
    }
}

/// Deletes the references.
pub async fn delete(
    client: &Client,
    resource: ResourceName,
    references: &[String],
) -> Result<DeleteOutcome, ApiError> {
    match resource {
        ResourceName::Leads => client.leads().delete(references).await,
        ResourceName::Orders => client.orders().delete(references).await,
    }
}
