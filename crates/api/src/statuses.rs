//! Statuses (api-contract.md §6): documented ones and the sandbox's **\[decided\]** extras.
//! The console treats a status as an open string; these are the ones it offers in
//! filters and bulk changes, and the ones the sandbox accepts.

use super::scope::ResourceName;

/// Lead statuses.
pub const LEAD_STATUSES: &[&str] = &[
    "new",
    "confirmed",
    "no_reply",
    "call_later",
    "cancelled",
    "wrong_number",
    "duplicate",
];

/// Order statuses.
pub const ORDER_STATUSES: &[&str] = &[
    "new",
    "confirmed",
    "shipped",
    "delivered",
    "returned",
    "canceled",
];

/// The known statuses of a resource.
pub fn known_statuses(resource: ResourceName) -> &'static [&'static str] {
    match resource {
        ResourceName::Leads => LEAD_STATUSES,
        ResourceName::Orders => ORDER_STATUSES,
    }
}
