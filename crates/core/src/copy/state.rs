//! Where each resource's sync stands, kept in the copy itself so that it commits with the
//! page it describes: a sync killed between two pages resumes at the next one.

use rusqlite::{Connection, OptionalExtension, params};

use crate::api::ResourceName;

/// Whether the token can read a resource's status histories.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HistoryFeed {
    /// Not asked yet.
    Unknown,
    Readable,
    /// 403 or 404: recent records are re-read instead.
    Unreadable,
}

impl HistoryFeed {
    fn text(self) -> &'static str {
        match self {
            HistoryFeed::Unknown => "unknown",
            HistoryFeed::Readable => "readable",
            HistoryFeed::Unreadable => "unreadable",
        }
    }

    fn of_text(text: &str) -> HistoryFeed {
        match text {
            "readable" => HistoryFeed::Readable,
            "unreadable" => HistoryFeed::Unreadable,
            _ => HistoryFeed::Unknown,
        }
    }
}

/// One resource's sync position.
#[derive(Debug, Clone, PartialEq)]
pub struct ResourceState {
    /// The number of the latest complete re-read (records it saw carry it).
    pub pass: i64,
    /// A complete re-read under way: the next page to read, in reading order.
    pub reread_page: Option<u64>,
    /// The total the server announced when that re-read began.
    pub reread_total: Option<u64>,
    /// Whether a first complete read has finished (until then nothing is incremental).
    pub complete: bool,
    /// Whether the server lists the newest record first (learnt from its pages).
    pub newest_first: bool,
    pub histories: HistoryFeed,
    /// When recent records were last re-read (the fallback without histories), UTC.
    pub recent_reread_at: Option<String>,
    /// When the whole resource was last re-read, UTC.
    pub full_reread_at: Option<String>,
    /// When the last sync of this resource finished, UTC.
    pub synced_at: Option<String>,
    /// The total the server last announced.
    pub server_total: Option<u64>,
}

impl Default for ResourceState {
    fn default() -> Self {
        ResourceState {
            pass: 0,
            reread_page: None,
            reread_total: None,
            complete: false,
            newest_first: true,
            histories: HistoryFeed::Unknown,
            recent_reread_at: None,
            full_reread_at: None,
            synced_at: None,
            server_total: None,
        }
    }
}

/// The position of `kind` (the default before its first sync).
pub fn load(connection: &Connection, kind: ResourceName) -> rusqlite::Result<ResourceState> {
    let state = connection
        .query_row(
            "SELECT pass, full_pass_page, full_pass_total, complete, newest_first, histories,
                    recent_reread_at, full_reread_at, synced_at, server_total
             FROM sync_state WHERE kind = ?1",
            [kind.plural()],
            |row| {
                Ok(ResourceState {
                    pass: row.get(0)?,
                    reread_page: row.get(1)?,
                    reread_total: row.get(2)?,
                    complete: row.get(3)?,
                    newest_first: row.get(4)?,
                    histories: HistoryFeed::of_text(&row.get::<_, String>(5)?),
                    recent_reread_at: row.get(6)?,
                    full_reread_at: row.get(7)?,
                    synced_at: row.get(8)?,
                    server_total: row.get(9)?,
                })
            },
        )
        .optional()?;
    Ok(state.unwrap_or_default())
}

/// Saves the position of `kind` (inside the transaction of the page it follows).
pub fn save(
    connection: &Connection,
    kind: ResourceName,
    state: &ResourceState,
) -> rusqlite::Result<()> {
    connection
        .prepare_cached(
            "INSERT OR REPLACE INTO sync_state (kind, pass, full_pass_page, full_pass_total,
                 complete, newest_first, histories, recent_reread_at, full_reread_at,
                 synced_at, server_total)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        )?
        .execute(params![
            kind.plural(),
            state.pass,
            state.reread_page,
            state.reread_total,
            state.complete,
            state.newest_first,
            state.histories.text(),
            state.recent_reread_at,
            state.full_reread_at,
            state.synced_at,
            state.server_total,
        ])?;
    Ok(())
}
