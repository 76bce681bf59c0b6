//! What WedoCOD has paid and owes the merchant: invoices added up by status and by month
//! (of their creation, the server's calendar as written in `created_at`).

use std::collections::BTreeMap;

use crate::api::seller::Invoice;
use crate::records::{Cell, Moment, Sheet};

/// The columns of the exported invoices, with their widths in Excel.
const INVOICE_COLUMNS: [(&str, f64); 6] = [
    ("Reference", 14.0),
    ("Amount", 12.0),
    ("Status", 12.0),
    ("Payment method", 18.0),
    ("Created", 17.0),
    ("Updated", 17.0),
];

/// The invoices as a sheet for an Excel or CSV file (amounts as numbers, dates as dates).
pub fn invoice_sheet(invoices: &[Invoice]) -> Sheet<'static> {
    let text = |value: &Option<String>| Cell::Text(value.clone().unwrap_or_default());
    Sheet {
        name: "Invoices",
        columns: &INVOICE_COLUMNS,
        rows: invoices
            .iter()
            .map(|invoice| {
                vec![
                    text(&invoice.reference),
                    Cell::Money(invoice.amount),
                    text(&invoice.status),
                    text(&invoice.payment_method),
                    Cell::Moment(Moment::of(invoice.created_at.as_deref())),
                    Cell::Moment(Moment::of(invoice.updated_at.as_deref())),
                ]
            })
            .collect(),
    }
}

/// The invoices of one status.
#[derive(Debug, Clone, PartialEq)]
pub struct StatusTotal {
    pub status: String,
    pub count: usize,
    pub amount: f64,
}

/// One month's invoices.
#[derive(Debug, Clone, PartialEq)]
pub struct MonthTotal {
    /// `2026-11`.
    pub month: String,
    pub count: usize,
    pub amount: f64,
    /// Of which paid.
    pub paid: f64,
}

/// Totals over a list of invoices.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PayoutTotals {
    /// Largest amount first.
    pub by_status: Vec<StatusTotal>,
    /// Newest month first.
    pub by_month: Vec<MonthTotal>,
    pub amount: f64,
}

impl PayoutTotals {
    pub fn of(invoices: &[Invoice]) -> PayoutTotals {
        let mut by_status: BTreeMap<String, StatusTotal> = BTreeMap::new();
        let mut by_month: BTreeMap<String, MonthTotal> = BTreeMap::new();
        let mut amount = 0.0;
        for invoice in invoices {
            let value = invoice.amount.unwrap_or(0.0);
            amount += value;
            let status = invoice
                .status
                .as_deref()
                .map(str::trim)
                .filter(|status| !status.is_empty())
                .unwrap_or("unknown")
                .to_lowercase();
            let paid = status == "paid";
            let entry = by_status
                .entry(status.clone())
                .or_insert_with(|| StatusTotal {
                    status,
                    count: 0,
                    amount: 0.0,
                });
            entry.count += 1;
            entry.amount += value;
            if let Some(month) = invoice
                .created_at
                .as_deref()
                .and_then(|created| created.get(..7))
                .filter(|month| month.as_bytes().get(4) == Some(&b'-'))
            {
                let entry = by_month
                    .entry(month.to_string())
                    .or_insert_with(|| MonthTotal {
                        month: month.to_string(),
                        count: 0,
                        amount: 0.0,
                        paid: 0.0,
                    });
                entry.count += 1;
                entry.amount += value;
                if paid {
                    entry.paid += value;
                }
            }
        }
        let mut by_status: Vec<StatusTotal> = by_status.into_values().collect();
        by_status.sort_by(|a, b| b.amount.total_cmp(&a.amount));
        PayoutTotals {
            by_status,
            by_month: by_month.into_values().rev().collect(),
            amount,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn invoice(status: &str, amount: f64, created_at: &str) -> Invoice {
        Invoice {
            status: Some(status.into()),
            amount: Some(amount),
            created_at: Some(created_at.into()),
            ..Invoice::default()
        }
    }

    #[test]
    fn totals_by_status_and_by_month_add_up_to_the_whole() {
        let totals = PayoutTotals::of(&[
            invoice("paid", 1000.0, "2026-10-03T10:00:00Z"),
            invoice("Paid", 500.5, "2026-11-03T10:00:00Z"),
            invoice("pending", 250.0, "2026-11-20T10:00:00Z"),
            Invoice::default(),
        ]);
        assert_eq!(totals.amount, 1750.5);
        assert_eq!(totals.by_status[0].status, "paid");
        assert_eq!(totals.by_status[0].amount, 1500.5);
        assert_eq!(totals.by_status[0].count, 2);
        assert_eq!(totals.by_status.len(), 3);
        assert_eq!(totals.by_month[0].month, "2026-11");
        assert_eq!(totals.by_month[0].amount, 750.5);
        assert_eq!(totals.by_month[0].paid, 500.5);
        assert_eq!(totals.by_month[1].month, "2026-10");
    }
}
