//! A file held in memory for editing and upload: the GUI edits its rows (re-checking
//! only the edited item with [`Checker::check_record`](super::check::Checker)), and the
//! upload engine turns its items into create requests that remember their source cells.

use std::ops::Range;

use encoding_rs::Encoding;

use crate::api::profile::Dialect;
use crate::api::wire::{NewLead, NewOrder};

use super::build::{Built, ItemBuilder};
use super::decode::{EncodingSource, decode};
use super::mapping::Mapping;
use super::phone::PhoneRules;
use super::records::record_ranges;
use super::table::{Header, Row};
use super::target::Target;
use super::validate::{ValidateError, ValidateSettings, open_table};

/// Every row of a file, with how it was read and mapped.
#[derive(Debug, Clone)]
pub struct Document {
    pub encoding: &'static Encoding,
    pub encoding_source: EncodingSource,
    pub delimiter: u8,
    pub header: Header,
    pub mapping: Mapping,
    pub rows: Vec<Row>,
}

impl Document {
    /// Reads a whole file into memory with the same settings `validate` uses.
    pub fn open(bytes: Vec<u8>, settings: &ValidateSettings) -> Result<Document, ValidateError> {
        let decoded = decode(bytes, settings.encoding)?;
        let (mut reader, mapping, delimiter) = open_table(&decoded.text, settings)?;
        let mut rows = Vec::new();
        let mut row = Row::default();
        while reader.next_row(&mut row)? {
            rows.push(std::mem::take(&mut row));
        }
        Ok(Document {
            encoding: decoded.encoding,
            encoding_source: decoded.source,
            delimiter,
            header: reader.header().clone(),
            mapping,
            rows,
        })
    }

    /// The row ranges of each item (one row each, or a storefront order's line items).
    pub fn items(&self) -> Vec<Range<usize>> {
        record_ranges(&self.rows, self.mapping.column_of(Target::GroupBy))
    }

    /// The rows of the item `range` (from [`Self::items`]).
    pub fn item_rows(&self, range: Range<usize>) -> &[Row] {
        self.rows.get(range).unwrap_or(&[])
    }

    /// Every item as a lead, with its source cells.
    pub fn leads(&self, phone: &PhoneRules, dialect: Dialect) -> Vec<Built<NewLead>> {
        let builder = ItemBuilder::new(&self.mapping, phone, dialect);
        self.items()
            .into_iter()
            .map(|range| builder.lead(self.item_rows(range)))
            .collect()
    }

    /// Every item as an order, with its source cells.
    pub fn orders(&self, phone: &PhoneRules, dialect: Dialect) -> Vec<Built<NewOrder>> {
        let builder = ItemBuilder::new(&self.mapping, phone, dialect);
        self.items()
            .into_iter()
            .map(|range| builder.order(self.item_rows(range)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::scope::ResourceName;
    use crate::import::server_errors::locate;

    #[test]
    fn a_shopify_export_becomes_orders_whose_errors_land_on_cells() {
        let text = "Name,Billing Name,Billing Phone,Billing City,Billing Address1,Lineitem sku,Lineitem quantity,Lineitem price\n\
                    #1001,Amina Benali,0661234567,Casablanca,12 rue Ibnou Mounir,TSH-BLK-M,2,149\n\
                    #1002,Karim Tazi,0662345678,Fès,Av. Hassan II 45,TSH-WHT-L,1,149\n\
                    #1002,,,,,CAP-RED,2,79.25\n";
        let mut settings = ValidateSettings::new(ResourceName::Orders);
        settings.fees_paid_by_customer = Some(false);
        let document = Document::open(text.as_bytes().to_vec(), &settings).unwrap();
        assert_eq!(document.items(), [0..1, 1..3]);
        let phone = PhoneRules::new("MA").unwrap();
        let orders = document.orders(&phone, Dialect::V2);
        assert_eq!(orders[1].item.products.len(), 2);
        assert_eq!(orders[1].item.total, 307.5);
        let origins: Vec<_> = orders.iter().map(|built| built.origin.clone()).collect();
        let cell = locate("orders.1.products.1.price", &origins, &document.mapping).unwrap();
        assert_eq!(
            (cell.line, cell.header.as_deref()),
            (4, Some("Lineitem price"))
        );
    }
}
