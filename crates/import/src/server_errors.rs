//! A 422 field key back to the file. Keys are dotted paths into the request body
//! (`data.3.phone`, `data.0.products.1.sku`, `leads.2.city`, `orders.0.products`): body
//! key, item index in that request, field, then optionally a nested index and field.
//! With the origins of the request's items, each lands on a line and column.

use super::build::ItemOrigin;
use super::issue::Issue;
use super::mapping::Mapping;

/// Places the server's `message` about `key` on its cell, resolving the key against the
/// origins of the items of the request, in request order. `None` when the key does not
/// name an item of the request.
pub fn locate(
    key: &str,
    message: &str,
    request: &[ItemOrigin],
    mapping: &Mapping,
) -> Option<Issue> {
    let mut segments = key.split('.');
    let _body_key = segments.next()?;
    let index: usize = segments.next()?.parse().ok()?;
    let origin = request.get(index)?;
    let field = segments.next().unwrap_or("");
    let nested: Option<usize> = segments.next().and_then(|segment| segment.parse().ok());
    let part = segments.next().unwrap_or("");
    let path = key.splitn(3, '.').nth(2).unwrap_or(field).to_string();
    let record_line = origin.first_line();
    let (line, column) = match (field, nested) {
        ("products", Some(product)) => {
            let product = origin.products.get(product)?;
            let columns = product.columns;
            let column = match part {
                "sku" => columns.sku,
                "quantity" => columns.quantity,
                "total" => columns.line_total.or(columns.unit_price),
                "price" => columns.unit_price.or(columns.line_total),
                _ => columns.sku,
            };
            (product.line, column)
        }
        ("products", None) => (
            record_line,
            origin
                .products
                .first()
                .and_then(|product| product.columns.sku),
        ),
        ("data", Some(pair)) => {
            let cell = origin.custom_data.get(pair)?;
            (cell.line, cell.column)
        }
        _ => origin
            .fields
            .iter()
            .find(|(name, _)| *name == field)
            .map_or((record_line, None), |(_, cell)| (cell.line, cell.column)),
    };
    Some(Issue::at_column(
        line,
        column,
        mapping,
        path,
        message.to_string(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::profile::Dialect;
    use crate::api::scope::ResourceName;
    use crate::build::ItemBuilder;
    use crate::grouping::record_ranges;
    use crate::phone::PhoneRules;
    use crate::table::Row;

    #[test]
    fn keys_land_on_their_cells_including_grouped_products() {
        let headers = [
            "order_id", "name", "phone", "city", "address", "sku", "quantity", "price", "sku_2",
            "Couleur",
        ];
        let mapping = Mapping::infer(&headers, ResourceName::Leads, &[]).unwrap();
        let phone = PhoneRules::new(crate::phone::DEFAULT_PHONE_REGION).unwrap();
        let builder = ItemBuilder::new(&mapping, &phone, Dialect::V2);
        let rows = [
            Row::new(
                2,
                &[
                    "A1",
                    "Ali Alami",
                    "0612345678",
                    "Fès",
                    "Rue 1",
                    "S1",
                    "1",
                    "10",
                    "",
                    "bleu",
                ],
            ),
            Row::new(
                3,
                &[
                    "A2",
                    "Sara",
                    "0698765432",
                    "Rabat",
                    "Rue 2",
                    "S2",
                    "1",
                    "10",
                    "S3",
                    "",
                ],
            ),
            Row::new(5, &["A2", "", "", "", "", "S4", "2", "10", "", ""]),
        ];
        let origins: Vec<ItemOrigin> =
            record_ranges(&rows, mapping.column_of(crate::target::Target::GroupBy))
                .into_iter()
                .filter_map(|range| rows.get(range))
                .map(|record| builder.lead(record).origin)
                .collect();
        assert_eq!(origins.len(), 2);
        let at = |key: &str| {
            locate(key, "refused", &origins, &mapping).map(|cell| (cell.line, cell.header))
        };
        assert_eq!(at("data.1.phone"), Some((3, Some("phone".to_string()))));
        assert_eq!(at("leads.0.city"), Some((2, Some("city".to_string()))));
        assert_eq!(
            at("data.1.products.1.sku"),
            Some((3, Some("sku_2".to_string())))
        );
        assert_eq!(
            at("data.1.products.2.quantity"),
            Some((5, Some("quantity".to_string())))
        );
        assert_eq!(
            at("data.1.products.2.total"),
            Some((5, Some("price".to_string())))
        );
        assert_eq!(at("orders.1.products"), Some((3, Some("sku".to_string()))));
        assert_eq!(
            at("data.0.data.0.value"),
            Some((2, Some("Couleur".to_string())))
        );
        assert_eq!(at("data.0.status"), Some((2, None)));
        assert_eq!(at("data.7.phone"), None);
        assert_eq!(at("data.x.phone"), None);
        assert_eq!(
            locate("data.1.products.1.sku", "refused", &origins, &mapping)
                .unwrap()
                .field,
            "products.1.sku"
        );
    }
}
