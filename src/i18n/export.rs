//! A table export in the language spoken now, the same words in the window and in the
//! terminal: the estimate before it starts, what was written, and why it stopped.

use wedocod_api::ResourceName;
use wedocod_core::records::{Estimate, ExportError, Exported};

use super::{api_error, kind_words};

/// "about 4 requests, under a minute".
pub fn estimate(estimate: &Estimate) -> String {
    tr!(
        "export-estimate",
        requests = estimate.requests,
        minutes = estimate.minutes()
    )
}

/// Where the file went, and a note when the store's count moved during the export.
pub fn done(exported: &Exported, kind: ResourceName) -> String {
    let mut done = tr!(
        "exported",
        rows = exported.rows,
        kind = kind_words(kind),
        path = exported.path.display()
    );
    if exported.server_total != exported.rows {
        done.push(' ');
        done.push_str(&tr!("export-count-changed", total = exported.server_total));
    }
    done
}

/// Why no file was written.
pub fn failure(error: &ExportError) -> String {
    match error {
        ExportError::Api(error) => api_error::describe_with_status(error),
        ExportError::Cancelled => tr!("export-cancelled"),
        ExportError::PagesRepeat { page } => tr!("export-pages-repeat", page = page),
        ExportError::TooManyPages { announced, ceiling } => tr!(
            "export-too-many-pages",
            announced = announced,
            ceiling = ceiling
        ),
        ExportError::Write { path, reason } => {
            tr!("export-write-failed", path = path, reason = reason)
        }
    }
}
