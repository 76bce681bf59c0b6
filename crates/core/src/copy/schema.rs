//! The copy's tables, one migration per schema version (kept in SQLite's `user_version` by
//! `rusqlite_migration`). A migration is never edited once released: a change is a new
//! one appended, so a copy made by any earlier console is brought forward, and a copy
//! from a newer console (a version this one does not know) is set aside, never
//! downgraded.

use std::sync::LazyLock;

use rusqlite_migration::{M, Migrations};

/// Version 1: records (their columns, and their bodies apart), their product lines and
/// status histories, the catalogue, where each resource's sync stands, and the full-text
/// index over the folded text.
const V1: &str = r#"
CREATE TABLE records (
    row_id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    reference TEXT NOT NULL,
    full_name TEXT,
    phone TEXT,
    phone_key TEXT,
    city TEXT,
    city_key TEXT,
    status TEXT,
    total REAL,
    created_at TEXT,
    updated_at TEXT,
    seen_in_pass INTEGER NOT NULL DEFAULT 0,
    UNIQUE (kind, reference)
);
-- The records as the server sent them, apart: a filter or a count scans the narrow rows
-- above without reading every body.
CREATE TABLE record_bodies (
    row_id INTEGER PRIMARY KEY,
    body TEXT NOT NULL
);
CREATE INDEX records_by_phone ON records (phone_key);
CREATE INDEX records_by_created ON records (kind, created_at);
CREATE INDEX records_by_status ON records (kind, status);
CREATE INDEX records_by_city ON records (kind, city_key, status);

CREATE TABLE record_products (
    kind TEXT NOT NULL,
    reference TEXT NOT NULL,
    position INTEGER NOT NULL,
    row_id INTEGER NOT NULL,
    sku TEXT,
    sku_key TEXT,
    quantity INTEGER,
    line_total REAL,
    PRIMARY KEY (kind, reference, position)
);
CREATE INDEX record_products_by_sku ON record_products (sku_key, kind, row_id);

CREATE TABLE histories (
    kind TEXT NOT NULL,
    id TEXT NOT NULL,
    reference TEXT,
    old_status TEXT,
    new_status TEXT,
    changed_by TEXT,
    changed_at TEXT,
    PRIMARY KEY (kind, id)
);
CREATE INDEX histories_by_reference ON histories (kind, reference, changed_at);
CREATE INDEX histories_by_time ON histories (kind, changed_at);

CREATE TABLE products (
    sku_key TEXT PRIMARY KEY,
    sku TEXT NOT NULL,
    name TEXT,
    price REAL,
    status TEXT
);

CREATE TABLE sync_state (
    kind TEXT PRIMARY KEY,
    pass INTEGER NOT NULL DEFAULT 0,
    full_pass_page INTEGER,
    full_pass_total INTEGER,
    complete INTEGER NOT NULL DEFAULT 0,
    newest_first INTEGER NOT NULL DEFAULT 1,
    histories TEXT NOT NULL DEFAULT 'unknown',
    recent_reread_at TEXT,
    full_reread_at TEXT,
    synced_at TEXT,
    server_total INTEGER
);

CREATE TABLE copy_meta (
    key TEXT PRIMARY KEY,
    value TEXT
);

CREATE VIRTUAL TABLE records_search USING fts5 (
    folded,
    tokenize = "unicode61 remove_diacritics 0"
);
"#;

/// Version 2: the seller lists (products with their seller fields, stocks, invoices,
/// sourcing requests), each kept whole as the server listed it, in its order, with when
/// it was last read and whether the token may read it.
const V2: &str = r#"
CREATE TABLE listings (
    kind TEXT NOT NULL,
    position INTEGER NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (kind, position)
);
CREATE TABLE listing_state (
    kind TEXT PRIMARY KEY,
    read_at TEXT,
    refused INTEGER NOT NULL DEFAULT 0
);
"#;

/// Every schema version's step, oldest first.
const STEPS: &[&str] = &[V1, V2];

/// The steps as migrations.
pub static MIGRATIONS: LazyLock<Migrations<'static>> =
    LazyLock::new(|| Migrations::new(STEPS.iter().map(|step| M::up(step)).collect()));

/// The newest schema version this console writes.
pub const NEWEST_VERSION: usize = STEPS.len();

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        MIGRATIONS.validate().unwrap();
    }
}
