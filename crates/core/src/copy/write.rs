//! Everything the sync writes, one page per transaction: records (with their product
//! lines and search text), history entries and the status they carry, the seller lists
//! and the catalogue, and the records a complete re-read did not see. Nothing here decides what to read.

use rusqlite::{Connection, OptionalExtension, Transaction, params};

use super::fold::fold_text;
use super::stored::{Stored, line_total, server_time};
use crate::api::ResourceName;
use crate::api::seller::Listed;
use crate::api::wire::{History, Product};

/// Saves `records`, marking them seen by re-read `pass`. Says, for each, whether the
/// copy held it before. A record the copy holds in a newer state (a status change read
/// from the histories after this page was served) keeps that state.
pub fn save_records(
    tx: &Transaction<'_>,
    records: &[Stored],
    pass: i64,
) -> rusqlite::Result<Vec<bool>> {
    let mut existed = Vec::with_capacity(records.len());
    let mut find = tx.prepare_cached(
        "SELECT row_id, updated_at FROM records WHERE kind = ?1 AND reference = ?2",
    )?;
    // New or changed, one statement: the row keeps its id (the search index's key).
    let mut upsert = tx.prepare_cached(
        "INSERT INTO records (kind, reference, full_name, phone, phone_key, city, city_key,
             status, total, created_at, updated_at, seen_in_pass)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
         ON CONFLICT (kind, reference) DO UPDATE SET full_name = excluded.full_name,
             phone = excluded.phone, phone_key = excluded.phone_key, city = excluded.city,
             city_key = excluded.city_key, status = excluded.status, total = excluded.total,
             created_at = excluded.created_at, updated_at = excluded.updated_at,
             seen_in_pass = excluded.seen_in_pass
         RETURNING row_id",
    )?;
    let mut mark_seen =
        tx.prepare_cached("UPDATE records SET seen_in_pass = ?2 WHERE row_id = ?1")?;
    for record in records {
        let kind = record.kind.plural();
        let known: Option<(i64, Option<String>)> = find
            .query_row(params![kind, record.reference], |row| {
                Ok((row.get(0)?, row.get(1)?))
            })
            .optional()?;
        existed.push(known.is_some());
        if let Some((row_id, held)) = &known
            && is_older(record.updated_at.as_deref(), held.as_deref())
        {
            mark_seen.execute(params![row_id, pass])?;
            continue;
        }
        let row_id: i64 = upsert.query_row(
            params![
                kind,
                record.reference,
                record.full_name,
                record.phone,
                record.phone_key,
                record.city,
                record.city_key,
                record.status,
                record.total,
                record.created_at,
                record.updated_at,
                pass,
            ],
            |row| row.get(0),
        )?;
        tx.prepare_cached("INSERT OR REPLACE INTO record_bodies (row_id, body) VALUES (?1, ?2)")?
            .execute(params![row_id, record.body])?;
        save_lines(tx, record, row_id)?;
        tx.prepare_cached("DELETE FROM records_search WHERE rowid = ?1")?
            .execute([row_id])?;
        tx.prepare_cached("INSERT INTO records_search (rowid, folded) VALUES (?1, ?2)")?
            .execute(params![row_id, record.search])?;
    }
    Ok(existed)
}

/// Whether a record last updated at `read` is older than the copy's, updated at `held`.
fn is_older(read: Option<&str>, held: Option<&str>) -> bool {
    matches!((read, held), (Some(read), Some(held)) if read < held)
}

fn save_lines(tx: &Transaction<'_>, record: &Stored, row_id: i64) -> rusqlite::Result<()> {
    let kind = record.kind.plural();
    tx.prepare_cached("DELETE FROM record_products WHERE kind = ?1 AND reference = ?2")?
        .execute(params![kind, record.reference])?;
    let mut insert = tx.prepare_cached(
        "INSERT INTO record_products
             (kind, reference, position, row_id, sku, sku_key, quantity, line_total)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for (position, line) in record.products.iter().enumerate() {
        let sku = line.sku.as_deref().map(str::trim);
        insert.execute(params![
            kind,
            record.reference,
            position as i64,
            row_id,
            sku,
            sku.map(fold_text),
            line.quantity,
            line_total(line),
        ])?;
    }
    Ok(())
}

/// Saves history entries of `kind`; says, for each, whether the copy held it before.
/// Entries without an id cannot be told apart from the next page's and are skipped.
pub fn save_histories(
    tx: &Transaction<'_>,
    kind: ResourceName,
    entries: &[History],
) -> rusqlite::Result<Vec<bool>> {
    let mut insert = tx.prepare_cached(
        "INSERT OR IGNORE INTO histories
             (kind, id, reference, old_status, new_status, changed_by, changed_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    let mut existed = Vec::with_capacity(entries.len());
    for entry in entries {
        let Some(id) = entry.id.as_deref() else {
            existed.push(false);
            continue;
        };
        let added = insert.execute(params![
            kind.plural(),
            id,
            entry.reference(),
            entry.old_status,
            entry.new_status,
            entry.changed_by,
            entry.changed_at.as_deref().map(server_time),
        ])?;
        existed.push(added == 0);
    }
    Ok(existed)
}

/// Gives each record the status of its history entries, oldest change first, when the
/// change is not older than what the copy holds for the record.
pub fn apply_histories(
    tx: &Transaction<'_>,
    kind: ResourceName,
    entries: &[History],
) -> rusqlite::Result<()> {
    let mut ordered: Vec<&History> = entries
        .iter()
        .filter(|entry| entry.new_status.is_some() && entry.reference().is_some())
        .collect();
    ordered.sort_by_key(|entry| entry.changed_at.as_deref().map(server_time));
    // The body first: the condition reads the record's `updated_at` before it changes.
    let mut update_body = tx.prepare_cached(
        "UPDATE record_bodies SET body = json_set(body, '$.status', ?3,
                 '$.updated_at', coalesce(?4, json_extract(body, '$.updated_at')))
         WHERE row_id = (SELECT row_id FROM records WHERE kind = ?1 AND reference = ?2
                         AND (?4 IS NULL OR updated_at IS NULL OR updated_at <= ?4))",
    )?;
    let mut update = tx.prepare_cached(
        "UPDATE records SET status = ?3, updated_at = coalesce(?4, updated_at)
         WHERE kind = ?1 AND reference = ?2
           AND (?4 IS NULL OR updated_at IS NULL OR updated_at <= ?4)",
    )?;
    for entry in ordered {
        let values = params![
            kind.plural(),
            entry.reference(),
            entry.new_status,
            entry.changed_at.as_deref().map(server_time),
        ];
        update_body.execute(values)?;
        update.execute(values)?;
    }
    Ok(())
}

/// The references among `references` the copy does not hold.
pub fn unknown_references(
    tx: &Transaction<'_>,
    kind: ResourceName,
    references: &[String],
) -> rusqlite::Result<Vec<String>> {
    let mut find = tx.prepare_cached("SELECT 1 FROM records WHERE kind = ?1 AND reference = ?2")?;
    let mut unknown = Vec::new();
    for reference in references {
        if !find.exists(params![kind.plural(), reference])? && !unknown.contains(reference) {
            unknown.push(reference.clone());
        }
    }
    Ok(unknown)
}

/// Deletes the records of `kind` that complete re-read `pass` did not see: the server
/// deleted them.
pub fn delete_unseen(
    tx: &Transaction<'_>,
    kind: ResourceName,
    pass: i64,
) -> rusqlite::Result<usize> {
    let kind = kind.plural();
    for table in ["records_search WHERE rowid", "record_bodies WHERE row_id"] {
        tx.execute(
            &format!(
                "DELETE FROM {table} IN
                     (SELECT row_id FROM records WHERE kind = ?1 AND seen_in_pass < ?2)"
            ),
            params![kind, pass],
        )?;
    }
    tx.execute(
        "DELETE FROM record_products WHERE kind = ?1 AND reference IN
             (SELECT reference FROM records WHERE kind = ?1 AND seen_in_pass < ?2)",
        params![kind, pass],
    )?;
    tx.execute(
        "DELETE FROM records WHERE kind = ?1 AND seen_in_pass < ?2",
        params![kind, pass],
    )
}

/// Replaces a seller list with `items` as read at `read_at`.
pub fn save_listing<T: Listed>(
    tx: &Transaction<'_>,
    items: &[T],
    read_at: &str,
) -> rusqlite::Result<()> {
    let kind = T::LISTING.plural();
    tx.execute("DELETE FROM listings WHERE kind = ?1", [kind])?;
    let mut insert =
        tx.prepare_cached("INSERT INTO listings (kind, position, body) VALUES (?1, ?2, ?3)")?;
    for (position, item) in items.iter().enumerate() {
        let body = serde_json::to_string(item).unwrap_or_default();
        insert.execute(params![kind, position as i64, body])?;
    }
    tx.execute(
        "INSERT OR REPLACE INTO listing_state (kind, read_at, refused) VALUES (?1, ?2, 0)",
        [kind, read_at],
    )?;
    Ok(())
}

/// Notes that the token may not read a seller list (kept so a screen can say so, and
/// so the list is not asked again before it is due).
pub fn listing_refused(connection: &Connection, kind: &str, at: &str) -> rusqlite::Result<()> {
    connection
        .execute(
            "INSERT OR REPLACE INTO listing_state (kind, read_at, refused) VALUES (?1, ?2, 1)",
            [kind, at],
        )
        .map(drop)
}

/// When a seller list was last read (or refused).
pub fn listing_read_at(connection: &Connection, kind: &str) -> rusqlite::Result<Option<String>> {
    connection
        .query_row(
            "SELECT read_at FROM listing_state WHERE kind = ?1",
            [kind],
            |row| row.get(0),
        )
        .optional()
        .map(Option::flatten)
}

/// Replaces the SKU catalogue the searches and filters use.
pub fn save_catalogue(tx: &Transaction<'_>, products: &[Product]) -> rusqlite::Result<()> {
    tx.execute("DELETE FROM products", [])?;
    let mut insert = tx.prepare_cached(
        "INSERT OR REPLACE INTO products (sku_key, sku, name, price, status)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for product in products {
        let Some(sku) = product
            .sku
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        else {
            continue;
        };
        insert.execute(params![
            fold_text(sku),
            sku,
            product.name,
            product.price,
            product.status
        ])?;
    }
    Ok(())
}
