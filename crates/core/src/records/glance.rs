//! The store at a glance: how many leads and orders are in each status, read as the
//! `total` of a one-record page per status (a dozen requests, whatever the store's size),
//! and the rates a merchant watches: confirmation, delivery and return.

use crate::api::statuses::known_statuses;
use crate::api::{ApiError, Client, ListQuery, ResourceName};

/// The counts of one kind of record, status by status, in the statuses' usual order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusCounts {
    pub kind: ResourceName,
    pub counts: Vec<(String, u64)>,
}

impl StatusCounts {
    /// Reads the count of every known status of `kind`, one small request each.
    pub async fn read(client: &Client, kind: ResourceName) -> Result<StatusCounts, ApiError> {
        let mut counts = Vec::new();
        for status in known_statuses(kind) {
            let query = ListQuery {
                status: Some(status.to_string()),
                ..ListQuery::page(1, 1)
            };
            let total = match kind {
                ResourceName::Leads => client.leads().list(&query).await?.total,
                ResourceName::Orders => client.orders().list(&query).await?.total,
            };
            counts.push((status.to_string(), total));
        }
        Ok(StatusCounts { kind, counts })
    }

    /// The counts the local copy holds: every known status in its usual order (zero
    /// when none), then the statuses the console does not know, as they are.
    pub fn of_copy(
        kind: ResourceName,
        by_status: &std::collections::BTreeMap<String, u64>,
    ) -> StatusCounts {
        let known = known_statuses(kind);
        let mut counts: Vec<(String, u64)> = known
            .iter()
            .map(|status| {
                (
                    status.to_string(),
                    by_status.get(*status).copied().unwrap_or(0),
                )
            })
            .collect();
        counts.extend(
            by_status
                .iter()
                .filter(|(status, _)| !status.is_empty() && !known.contains(&status.as_str()))
                .map(|(status, count)| (status.clone(), *count)),
        );
        StatusCounts { kind, counts }
    }

    pub fn of(&self, status: &str) -> u64 {
        self.counts
            .iter()
            .find(|(known, _)| known == status)
            .map_or(0, |(_, count)| *count)
    }

    pub fn total(&self) -> u64 {
        self.counts.iter().map(|(_, count)| count).sum()
    }

    /// The largest count, for scaling bars.
    pub fn largest(&self) -> u64 {
        self.counts
            .iter()
            .map(|(_, count)| *count)
            .max()
            .unwrap_or(0)
    }
}

/// Leads and orders together, and the rates read from them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Glance {
    pub leads: StatusCounts,
    pub orders: StatusCounts,
}

impl Glance {
    pub async fn read(client: &Client) -> Result<Glance, ApiError> {
        Ok(Glance {
            leads: StatusCounts::read(client, ResourceName::Leads).await?,
            orders: StatusCounts::read(client, ResourceName::Orders).await?,
        })
    }

    /// Confirmed leads among those with an outcome (neither `new` nor `call_later`, whose
    /// calls are still to make).
    pub fn confirmation_rate(&self) -> Option<f64> {
        let leads = &self.leads;
        let decided = leads.total() - leads.of("new") - leads.of("call_later");
        share(leads.of("confirmed"), decided)
    }

    /// Delivered orders among those whose delivery ended (delivered or returned).
    pub fn delivery_rate(&self) -> Option<f64> {
        let orders = &self.orders;
        share(
            orders.of("delivered"),
            orders.of("delivered") + orders.of("returned"),
        )
    }
}

fn share(part: u64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(kind: ResourceName, counts: &[(&str, u64)]) -> StatusCounts {
        StatusCounts {
            kind,
            counts: counts
                .iter()
                .map(|(status, count)| (status.to_string(), *count))
                .collect(),
        }
    }

    #[test]
    fn rates_leave_out_what_is_still_to_decide() {
        let glance = Glance {
            leads: counts(
                ResourceName::Leads,
                &[
                    ("new", 40),
                    ("call_later", 10),
                    ("confirmed", 30),
                    ("cancelled", 20),
                ],
            ),
            orders: counts(
                ResourceName::Orders,
                &[("shipped", 5), ("delivered", 45), ("returned", 5)],
            ),
        };
        assert_eq!(glance.confirmation_rate(), Some(0.6));
        assert_eq!(glance.delivery_rate(), Some(0.9));
        assert_eq!(glance.leads.largest(), 40);
        let empty = Glance {
            leads: counts(ResourceName::Leads, &[("new", 3)]),
            orders: counts(ResourceName::Orders, &[]),
        };
        assert_eq!(empty.confirmation_rate(), None);
        assert_eq!(empty.delivery_rate(), None);
    }
}
