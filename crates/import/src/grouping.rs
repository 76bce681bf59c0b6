//! Rows → items. Usually one row is one lead or order; storefront exports write one row
//! per product line and repeat the order's `Name` on each, so consecutive rows sharing a
//! non-empty value in the grouping column form one item.

use super::table::{RawRow, Row};

/// Whether a row whose grouping cell is `next` continues the item of the row whose
/// grouping cell is `previous` (cells as bytes: the reader compares them before they are
/// checked to be text).
pub fn continues_record(previous: Option<&[u8]>, next: Option<&[u8]>) -> bool {
    let key = previous.unwrap_or_default().trim_ascii();
    !key.is_empty() && key == next.unwrap_or_default().trim_ascii()
}

/// The grouping cell of a record not yet checked to be text.
pub fn raw_group_cell(row: &RawRow, group_column: Option<usize>) -> Option<&[u8]> {
    group_column.and_then(|column| row.cells.get(column))
}

/// The grouping cell of a row, as [`continues_record`] compares it.
pub fn group_cell(row: &Row, group_column: Option<usize>) -> Option<&[u8]> {
    group_column
        .and_then(|column| row.cells.get(column))
        .map(str::as_bytes)
}

/// Splits `rows` into the row ranges of each item, in order.
pub fn record_ranges(rows: &[Row], group_column: Option<usize>) -> Vec<std::ops::Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0;
    for (index, pair) in rows.windows(2).enumerate() {
        let split = match pair {
            [previous, next] => !continues_record(
                group_cell(previous, group_column),
                group_cell(next, group_column),
            ),
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
