//! The SKUs of the merchant's account, to check product cells offline. A later part of
//! the console caches them from the API; a merchant can also hand a file over: one SKU
//! per line, or any CSV export with a `sku` column (the products page's export).

use std::collections::HashSet;

use super::decode::decode;
use super::error::ReadError;
use super::sniff::sniff_delimiter;
use super::synonyms::normalize_header;
use super::table::{Row, TableReader};

/// The SKUs of the merchant's account, when known.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Catalogue {
    skus: HashSet<String>,
    /// Known products with nothing left in any warehouse: a row for one is a warning
    /// (the lead is likely cancelled or returned), never an error.
    out_of_stock: HashSet<String>,
    /// True when the list is known to be complete (fetched just now, or given by the
    /// merchant): an unknown SKU is then an error. A cached copy may be stale, so an
    /// unknown SKU is only a warning.
    pub authoritative: bool,
}

impl Catalogue {
    pub fn new(skus: impl IntoIterator<Item = String>, authoritative: bool) -> Self {
        Catalogue {
            skus: skus.into_iter().collect(),
            out_of_stock: HashSet::new(),
            authoritative,
        }
    }

    /// The same catalogue, knowing which SKUs are out of stock.
    pub fn with_out_of_stock(mut self, skus: impl IntoIterator<Item = String>) -> Self {
        self.out_of_stock = skus.into_iter().collect();
        self
    }

    pub fn is_out_of_stock(&self, sku: &str) -> bool {
        self.out_of_stock.contains(sku)
    }

    /// Reads a SKU list file: the column headed `sku` (any case), else the first one.
    pub fn from_file_bytes(bytes: Vec<u8>, authoritative: bool) -> Result<Self, ReadError> {
        let text = decode(bytes, None)?.text;
        let is_sku = |cell: &str| normalize_header(cell).ends_with("sku");
        let mut reader = TableReader::new(&text, sniff_delimiter(&text), |record| {
            record.iter().filter(|cell| is_sku(cell)).count() * 2
        })?;
        let column = reader.header().names.iter().position(|name| is_sku(name));
        let mut skus: Vec<String> = Vec::new();
        if column.is_none() {
            skus.extend(reader.header().names.first().cloned());
        }
        let mut row = Row::default();
        while reader.next_row(&mut row)? {
            let sku = row.cell(column.unwrap_or(0));
            if !sku.is_empty() {
                skus.push(sku.to_string());
            }
        }
        Ok(Catalogue::new(skus, authoritative))
    }

    pub fn contains(&self, sku: &str) -> bool {
        self.skus.contains(sku)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_list_and_a_products_export_both_read() {
        let plain =
            Catalogue::from_file_bytes(b"TSH-BLK-M\nCAP-RED\n\nSNK-42\n".to_vec(), true).unwrap();
        assert!(
            ["TSH-BLK-M", "CAP-RED", "SNK-42"]
                .iter()
                .all(|sku| plain.contains(sku))
        );
        let export = Catalogue::from_file_bytes(
            b"id;name;SKU;price\n1;T-shirt;TSH-BLK-M;149\n2;Cap;CAP-RED;79,50\n".to_vec(),
            true,
        )
        .unwrap();
        assert!(export.contains("CAP-RED") && export.contains("TSH-BLK-M"));
        assert!(!export.contains("Cap") && !export.contains("SKU"));
    }
}
