//! Uploads: checked rows → requests of at most 100 items → per-row outcomes, with a
//! journal on disk so nothing is lost or sent twice, even when the network drops or the
//! console is killed mid-upload. No UI code: the window and the `upload` command drive
//! the same engine.

pub mod catalogue_cache;
pub mod engine;
pub mod journal;
pub mod matching;
pub mod past_uploads;
pub mod report;
mod start;
pub mod state;

pub use engine::{
    Activity, BatchProgress, Control, Engine, Progress, Repeats, UploadError, UploadSettings,
};
pub use report::UploadReport;
pub use start::{Begin, Upload};
pub use state::{Counts, RowState, UploadState};
