//! Runs an upload for the window: a task whose messages are the engine's progress, then
//! its report. Starting or resuming it is the core's (`Upload::start_or_resume`, shared
//! with the `upload` command); this only carries its events to the screen, in words.

use std::sync::Arc;

use iced::Task;
use iced::futures::SinkExt;

use crate::i18n::{Plain, tr};
use wedocod_api::Client;
use wedocod_core::upload::{
    Begin, Control, Progress, Upload, UploadError, UploadReport, UploadSettings,
};
use wedocod_import::Sheet;

/// What the engine tells the window.
#[derive(Debug, Clone)]
pub enum UploadEvent {
    Started(String),
    Progress(Progress),
    /// The final report, and why the upload stopped early, if it did.
    Finished(Box<UploadReport>, Option<String>),
    /// It could not start (rows with errors, journal not writable…).
    Failed(String),
    /// The file holds rows an earlier upload sent to this store, or may have (its
    /// journal cannot be read): why, for the screen that offers the ways on.
    Repeats(String),
}

/// What to upload, and how.
pub struct UploadJob {
    pub client: Client,
    /// The file as it was when the upload started; let go once its items are built.
    pub sheet: Arc<Sheet>,
    pub file: String,
    pub settings: UploadSettings,
    pub control: Arc<Control>,
    /// Resume this upload (sending only the rows fixed since) instead of starting one.
    pub resume: Option<String>,
}

async fn run(job: UploadJob, mut output: iced::futures::channel::mpsc::Sender<UploadEvent>) {
    let UploadJob {
        client,
        sheet,
        file,
        settings,
        control,
        resume,
    } = job;
    let begin = match &resume {
        Some(upload_id) => Begin::Resume { upload_id },
        None => Begin::New { file: &file },
    };
    let started = Upload::start_or_resume(client, begin, &sheet, settings);
    drop(sheet);
    let mut engine = match started {
        Ok(engine) => engine,
        Err(error) => {
            let event =
                match error {
                    UploadError::AlreadyCreated {
                        count,
                        first_line,
                        upload_id,
                    } => UploadEvent::Repeats(tr!(
                        "already-created",
                        count = count,
                        line = Plain(first_line),
                        upload = upload_id
                    )),
                    UploadError::UnreadableJournal { upload_id, reason } => UploadEvent::Repeats(
                        tr!("unreadable-journal", upload = upload_id, reason = reason),
                    ),
                    error => UploadEvent::Failed(crate::i18n::upload::describe(&error)),
                };
            let _ = output.send(event).await;
            return;
        }
    };
    let _ = output
        .send(UploadEvent::Started(engine.upload_id().to_string()))
        .await;
    let mut progress = output.clone();
    let outcome = engine
        .run(&control, &mut |update| {
            // Dropped updates are fine: the next one carries the whole picture.
            let _ = progress.try_send(UploadEvent::Progress(update));
        })
        .await;
    let stopped = outcome
        .err()
        .map(|error| crate::i18n::upload::describe(&error));
    let _ = output
        .send(UploadEvent::Finished(Box::new(engine.report()), stopped))
        .await;
}

/// The task that runs `job`, reporting through `on_event`.
pub fn upload<Message: Send + 'static>(
    job: UploadJob,
    on_event: fn(UploadEvent) -> Message,
) -> Task<Message> {
    let stream = iced::stream::channel(64, move |output| run(job, output));
    Task::run(stream, on_event)
}
