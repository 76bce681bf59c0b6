//! An upload of either kind, started or resumed in one place: the window and the `upload`
//! command hand over a checked file and say whether it is new or which upload it resumes;
//! the kind (leads or orders) is read from the file's mapping, not chosen twice by
//! callers. What each caller keeps is only its own way of showing progress.

use serde::de::DeserializeOwned;
use wedocod_api::{Client, Leads, Orders, Resource, ResourceName};
use wedocod_import::{Candidate, Mapping, Sheet};

use super::engine::{Control, Engine, Progress, UploadError, UploadSettings};
use super::matching::{Stored, Submitted};
use super::report::UploadReport;
use super::state::UploadState;

/// Whether an upload is new or continues an earlier one.
#[derive(Debug, Clone, Copy)]
pub enum Begin<'a> {
    /// A new upload of the file at this path (as the journal will name it).
    New { file: &'a str },
    /// Upload `upload_id` again, sending only the rows fixed since and looking up those
    /// whose outcome is not known yet.
    Resume { upload_id: &'a str },
}

/// An upload's engine, whichever kind of record it sends.
pub enum Upload {
    Leads(Engine<Leads>),
    Orders(Engine<Orders>),
}

impl Upload {
    /// Starts or resumes an upload of `sheet`'s rows to the store `client` reaches,
    /// its journal in `settings.store`. The sheet can be let go once this returns: the
    /// engine holds the items it built.
    pub fn start_or_resume(
        client: Client,
        begin: Begin<'_>,
        sheet: &Sheet,
        settings: UploadSettings,
    ) -> Result<Upload, UploadError> {
        let mapping = sheet.mapping.clone();
        Ok(match mapping.kind() {
            ResourceName::Leads => {
                Upload::Leads(engine_for(client, begin, sheet.leads(), mapping, settings)?)
            }
            ResourceName::Orders => Upload::Orders(engine_for(
                client,
                begin,
                sheet.orders(),
                mapping,
                settings,
            )?),
        })
    }

    pub fn upload_id(&self) -> &str {
        match self {
            Upload::Leads(engine) => engine.upload_id(),
            Upload::Orders(engine) => engine.upload_id(),
        }
    }

    pub fn state(&self) -> &UploadState {
        match self {
            Upload::Leads(engine) => engine.state(),
            Upload::Orders(engine) => engine.state(),
        }
    }

    /// Runs until every row is settled, the upload is cancelled, or it cannot go on;
    /// `progress` hears how far it is after every step.
    pub async fn run(
        &mut self,
        control: &Control,
        progress: &mut (dyn FnMut(Progress) + Send),
    ) -> Result<(), UploadError> {
        match self {
            Upload::Leads(engine) => engine.run(control, progress).await,
            Upload::Orders(engine) => engine.run(control, progress).await,
        }
    }

    /// What became of every row so far.
    pub fn report(&self) -> UploadReport {
        UploadReport::of(self.state())
    }
}

/// The engine of a new upload of `candidates`, or of the upload `begin` resumes.
fn engine_for<R>(
    client: Client,
    begin: Begin<'_>,
    candidates: Vec<Candidate<R::NewItem>>,
    mapping: Mapping,
    settings: UploadSettings,
) -> Result<Engine<R>, UploadError>
where
    R: Resource,
    R::NewItem: Submitted + DeserializeOwned,
    R::Record: Stored,
{
    match begin {
        Begin::New { file } => Engine::start(client, file, candidates, mapping, settings),
        Begin::Resume { upload_id } => {
            Engine::resume(client, upload_id, Some((candidates, mapping)), settings)
        }
    }
}
