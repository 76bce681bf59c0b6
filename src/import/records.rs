//! Rows → items. Usually one row is one lead or order; storefront exports write one row
//! per product line and repeat the order's `Name` on each, so consecutive rows sharing a
//! non-empty value in the grouping column form one item.

use super::table::Row;

/// Whether `next` continues the item `previous` belongs to.
pub fn continues_record(previous: &Row, next: &Row, group_column: Option<usize>) -> bool {
    let Some(column) = group_column else {
        return false;
    };
    let key = previous.cell(column);
    !key.is_empty() && key == next.cell(column)
}

/// Splits `rows` into the row ranges of each item, in order.
pub fn record_ranges(rows: &[Row], group_column: Option<usize>) -> Vec<std::ops::Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0;
    for (index, pair) in rows.windows(2).enumerate() {
        let split = match pair {
            [previous, next] => !continues_record(previous, next, group_column),
            _ => false,
        };
        if split {
            ranges.push(start..index + 1);
            start = index + 1;
        }
    }
    if start < rows.len() {
        ranges.push(start..rows.len());
    }
    ranges
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn consecutive_rows_with_the_same_key_group() {
        let rows = [
            Row::new(2, &["#1001", "a"]),
            Row::new(3, &["#1001", "b"]),
            Row::new(4, &["#1002", "c"]),
            Row::new(5, &["", "d"]),
            Row::new(6, &["", "e"]),
        ];
        assert_eq!(record_ranges(&rows, Some(0)), [0..2, 2..3, 3..4, 4..5]);
        assert_eq!(record_ranges(&rows, None).len(), 5);
        assert!(record_ranges(&[], Some(0)).is_empty());
    }
}
