//! Stock per product across warehouses, and what a lead's lines would do to it. A product
//! is *low* at or under its warning quantity (the warehouses' warnings added up, like
//! their quantities) and *out* at zero; a lead is warned when a product is out, or when
//! its quantity would take the stock to or under the warning.

use std::collections::BTreeMap;

use crate::api::seller::Stock;
use crate::api::wire::ProductLine;

/// How much is left of a product.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StockMark {
    Out,
    Low,
    Enough,
}

/// One product's stock, all warehouses together.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StockLevel {
    pub quantity: i64,
    pub warning: i64,
    /// Each warehouse and its quantity, in the server's order.
    pub warehouses: Vec<(String, i64)>,
}

impl StockLevel {
    pub fn mark(&self) -> StockMark {
        self.mark_after(0)
    }

    /// The mark once `taken` more units have left.
    pub fn mark_after(&self, taken: i64) -> StockMark {
        let left = self.quantity.saturating_sub(taken.max(0));
        if self.quantity <= 0 {
            StockMark::Out
        } else if left <= self.warning {
            StockMark::Low
        } else {
            StockMark::Enough
        }
    }
}

/// What a lead's product would meet in stock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StockWarning {
    /// None left of `sku`.
    Out { sku: String },
    /// `quantity` asked of `sku` would leave `left` (at or under the warning `warning`).
    WouldBeLow {
        sku: String,
        quantity: i64,
        left: i64,
        warning: i64,
    },
}

impl StockWarning {
    pub fn sku(&self) -> &str {
        match self {
            StockWarning::Out { sku } | StockWarning::WouldBeLow { sku, .. } => sku,
        }
    }
}

/// Stock levels by SKU.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StockLevels {
    by_sku: BTreeMap<String, StockLevel>,
}

impl StockLevels {
    /// Adds up the stock rows of each SKU (rows without a SKU are skipped).
    pub fn of(stocks: &[Stock]) -> StockLevels {
        let mut by_sku: BTreeMap<String, StockLevel> = BTreeMap::new();
        for stock in stocks {
            let Some(sku) = stock
                .product_sku
                .as_deref()
                .map(str::trim)
                .filter(|sku| !sku.is_empty())
            else {
                continue;
            };
            let quantity = stock.quantity.unwrap_or(0).max(0);
            let level = by_sku.entry(sku.to_string()).or_default();
            level.quantity += quantity;
            level.warning += stock.warning_quantity.unwrap_or(0).max(0);
            level
                .warehouses
                .push((stock.warehouse_name.clone().unwrap_or_default(), quantity));
        }
        StockLevels { by_sku }
    }

    pub fn is_empty(&self) -> bool {
        self.by_sku.is_empty()
    }

    pub fn level(&self, sku: &str) -> Option<&StockLevel> {
        self.by_sku.get(sku.trim())
    }

    /// The SKUs with nothing left anywhere.
    pub fn out_of_stock(&self) -> impl Iterator<Item = &str> {
        self.by_sku
            .iter()
            .filter(|(_, level)| level.mark() == StockMark::Out)
            .map(|(sku, _)| sku.as_str())
    }

    /// What confirming `lines` would meet: a product out of stock, or one the lead would
    /// take to or under its warning. A SKU the stock list does not know says nothing.
    pub fn warnings(&self, lines: &[ProductLine]) -> Vec<StockWarning> {
        let mut asked: BTreeMap<&str, i64> = BTreeMap::new();
        for line in lines {
            if let Some(sku) = line.sku.as_deref().map(str::trim) {
                *asked.entry(sku).or_default() += line.quantity.unwrap_or(1).max(1);
            }
        }
        asked
            .into_iter()
            .filter_map(|(sku, quantity)| {
                let level = self.level(sku)?;
                match level.mark_after(quantity) {
                    StockMark::Out => Some(StockWarning::Out {
                        sku: sku.to_string(),
                    }),
                    StockMark::Low => Some(StockWarning::WouldBeLow {
                        sku: sku.to_string(),
                        quantity,
                        left: (level.quantity - quantity).max(0),
                        warning: level.warning,
                    }),
                    StockMark::Enough => None,
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stock(sku: &str, warehouse: &str, quantity: i64, warning: i64) -> Stock {
        Stock {
            product_sku: Some(sku.into()),
            warehouse_name: Some(warehouse.into()),
            quantity: Some(quantity),
            warning_quantity: Some(warning),
            ..Stock::default()
        }
    }

    fn line(sku: &str, quantity: i64) -> ProductLine {
        ProductLine {
            sku: Some(sku.into()),
            quantity: Some(quantity),
            ..ProductLine::default()
        }
    }

    #[test]
    fn warehouses_add_up_and_marks_follow_the_warning() {
        let levels = StockLevels::of(&[
            stock("ARG-100", "Casablanca", 30, 10),
            stock("ARG-100", "Tanger", 5, 5),
            stock("CAF-200", "Casablanca", 0, 5),
            stock("MON-300", "Agadir", 8, 10),
        ]);
        let argan = levels.level("ARG-100").unwrap();
        assert_eq!((argan.quantity, argan.warning), (35, 15));
        assert_eq!(argan.warehouses.len(), 2);
        assert_eq!(argan.mark(), StockMark::Enough);
        assert_eq!(argan.mark_after(20), StockMark::Low);
        assert_eq!(levels.level("CAF-200").unwrap().mark(), StockMark::Out);
        assert_eq!(levels.level("MON-300").unwrap().mark(), StockMark::Low);
        assert_eq!(levels.out_of_stock().collect::<Vec<_>>(), vec!["CAF-200"]);
    }

    #[test]
    fn a_lead_is_warned_of_what_it_would_take() {
        let levels = StockLevels::of(&[
            stock("ARG-100", "Casablanca", 30, 10),
            stock("CAF-200", "Casablanca", 0, 5),
        ]);
        assert!(levels.warnings(&[line("ARG-100", 2)]).is_empty());
        assert_eq!(
            levels.warnings(&[line("ARG-100", 12), line("ARG-100", 10), line("UNKNOWN", 1)]),
            vec![StockWarning::WouldBeLow {
                sku: "ARG-100".into(),
                quantity: 22,
                left: 8,
                warning: 10
            }]
        );
        assert_eq!(
            levels.warnings(&[line("CAF-200", 1)]),
            vec![StockWarning::Out {
                sku: "CAF-200".into()
            }]
        );
    }
}
