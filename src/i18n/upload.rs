//! An upload in the language spoken now: why it stopped, what the engine is doing and
//! what became of a row. A cell's problem is said by `wording.rs`, the store's refusals
//! included.

use super::Plain;
use wedocod_core::upload::report::RowOutcome;
use wedocod_core::upload::{Activity, UploadError};

use super::api_error;

/// Why an upload stopped, or could not start.
pub fn describe(error: &UploadError) -> String {
    match error {
        UploadError::InvalidRows { count, first_line } => {
            tr!(
                "upload-invalid-rows",
                count = count,
                line = Plain(first_line)
            )
        }
        UploadError::NothingToSend => tr!("upload-nothing-to-send"),
        UploadError::AlreadyCreated {
            count,
            first_line,
            upload_id,
        } => tr!(
            "upload-already-created",
            count = count,
            line = Plain(first_line),
            id = upload_id
        ),
        UploadError::Api(error) => api_error::describe_with_status(error),
        UploadError::Offline(error) => tr!(
            "upload-offline",
            reason = api_error::describe_with_status(error)
        ),
        UploadError::Cancelled => tr!("upload-cancelled"),
        UploadError::ServerKeepsFailing { count, last } => {
            tr!("upload-server-keeps-failing", count = count, last = last)
        }
        // A journal that cannot be read or belongs elsewhere: rare, and what support
        // needs to read, so said as the engine says it.
        UploadError::Journal(_)
        | UploadError::UnreadableJournal { .. }
        | UploadError::NotAnUpload
        | UploadError::WrongJournal { .. } => error.to_string(),
    }
}

/// What the engine is doing, in a few words.
pub fn activity(activity: Activity) -> String {
    match activity {
        Activity::Starting => tr!("activity-starting"),
        Activity::Sending { rows } => tr!("activity-sending", rows = rows),
        Activity::LookingUp => tr!("activity-looking-up"),
        Activity::FollowingBatches => tr!("activity-batches"),
        Activity::Offline => tr!("activity-offline"),
        Activity::Done => tr!("activity-done"),
    }
}

/// What became of a row.
pub fn outcome(outcome: RowOutcome) -> String {
    match outcome {
        RowOutcome::Created => tr!("outcome-created"),
        RowOutcome::Refused => tr!("outcome-refused"),
        RowOutcome::Uncertain => tr!("outcome-uncertain"),
        RowOutcome::Skipped => tr!("outcome-skipped"),
        RowOutcome::Pending => tr!("outcome-pending"),
    }
}
