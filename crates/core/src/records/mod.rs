//! Leads and orders as the merchant reads them (`summary`) and asks the store for them
//! (`requests`: pages, details, status changes, deletes; `table_source`: a page from the
//! local copy when it is synced, else from the store), the store at a glance
//! (`glance`: counts per status and the rates they give), and the export of a whole
//! filtered table to a file (`table_export` reads it, `table_file` writes it). The window's
//! Export button and `wedocod-console export` both go through [`export_table`].

pub mod glance;
pub mod requests;
pub mod summary;
pub mod table_export;
pub mod table_file;
pub mod table_source;

use std::path::{Path, PathBuf};

use crate::api::Client;
use crate::upload::Control;

pub use summary::{Moment, ProductNames, RecordSummary, products_named};
pub use table_export::{Estimate, ExportError, ExportProgress, TableFilter};
pub use table_file::{Cell, Sheet, TableFormat, write_sheet_file};
pub use table_source::{CopyFilters, Source, TablePage, read_record, read_table};

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exported {
    pub path: PathBuf,
    pub rows: u64,
    pub requests: u64,
    /// The server's count when the last page came; differs from `rows` when records were
    /// added, deleted or changed status while the export ran.
    pub server_total: u64,
}

/// Reads every record `filter` selects and writes them to `path` (`.xlsx` or `.csv`). An
/// existing file is replaced only when `overwrite`. Nothing is written when the export is
/// cancelled or a page cannot be read.
pub async fn export_table(
    client: &Client,
    filter: &TableFilter,
    path: &Path,
    overwrite: bool,
    control: &Control,
    on_progress: &mut (dyn FnMut(ExportProgress) + Send),
) -> Result<Exported, ExportError> {
    let write_error = |reason: String| ExportError::Write {
        path: path.display().to_string(),
        reason,
    };
    TableFormat::of_path(path).map_err(write_error)?;
    // A folder that is not there is said before a single page is read.
    let folder = path
        .parent()
        .filter(|parent| !parent.as_os_str().is_empty());
    if let Some(folder) = folder.filter(|folder| !folder.is_dir()) {
        return Err(write_error(format!(
            "the folder {} does not exist",
            folder.display()
        )));
    }
    let read = table_export::read_table(client, filter, control, on_progress).await?;
    if control.is_cancelled() {
        return Err(ExportError::Cancelled);
    }
    let rows = read.rows.len() as u64;
    let (kind, destination) = (filter.kind, path.to_path_buf());
    tokio::task::spawn_blocking(move || {
        table_file::write_table(&read.rows, kind, &destination, overwrite)
    })
    .await
    .map_err(|error| write_error(error.to_string()))?
    .map_err(|error| write_error(error.to_string()))?;
    Ok(Exported {
        path: path.to_path_buf(),
        rows,
        requests: read.requests,
        server_total: read.server_total,
    })
}
