//! The import screen: open a CSV (file dialog, drop, or a typed path), see how it was
//! read and mapped and change it, fix its cells in a grid that shows every problem where
//! it is, save the corrected file and the error report, and upload it with the same
//! engine as the `upload` command. Works offline; uploading needs a connected store.

mod editing;
mod grid;
mod panel;
mod section;
mod upload_panel;

use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

use iced::widget::{button, container, pick_list, text};
use iced::{Center, Element, Fill, Task};

use crate::gui::blocking::off_the_window;
use crate::gui::direction::{reading_column, reading_input, reading_row};
use crate::gui::file_dialog::{self, Chosen};
use crate::gui::shortcut::Shortcut;
use crate::gui::theme;
use crate::i18n::tr;
use wedocod_api::{ApiError, ResourceName};
use wedocod_core::stores::OpenStore;
use wedocod_core::upload::Repeats;
use wedocod_core::upload::catalogue_cache::{self, KnownCatalogue};
use wedocod_import::Catalogue;
use wedocod_import::ColumnRole;
use wedocod_import::EncodingSource;
use wedocod_import::ExportFormat;
use wedocod_import::RememberedMappings;
use wedocod_import::Sheet;
use wedocod_import::ValidateSettings;
use wedocod_import::output_file;
use wedocod_import::{Field, ProductPart, Target};
use wedocod_import::{WorkbookContent, write_workbook};

use editing::OpenFile;

pub use editing::{ColumnName, GRID_ID, Message as Edit, ROW_HEIGHT};

/// The typed path, focused when the screen opens.
pub const PATH_ID: &str = "import-path";

/// The encodings offered besides detection.
const ENCODINGS: [&str; 5] = [
    "UTF-8",
    "windows-1252",
    "windows-1256",
    "ISO-8859-1",
    "ISO-8859-6",
];

/// A pick-list choice that may be "automatic".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice<T> {
    Auto,
    Given(T),
}

impl fmt::Display for Choice<&'static str> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Choice::Auto => f.write_str(&tr!("detected")),
            Choice::Given(name) => f.write_str(name),
        }
    }
}

impl fmt::Display for Choice<u8> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Choice::Auto => f.write_str(&tr!("detected")),
            Choice::Given(b'\t') => f.write_str(&tr!("delimiter-tab")),
            Choice::Given(byte) => write!(f, "{}", *byte as char),
        }
    }
}

impl crate::i18n::Arg for Choice<u8> {
    fn arg(&self) -> fluent::FluentValue<'static> {
        self.to_string().arg()
    }
}

/// What a column can be mapped to, as the mapping pick lists offer it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnUse {
    Target(Target),
    /// Custom data (leads) or not sent (orders).
    Other,
}

impl fmt::Display for ColumnUse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            // The merchant's word; `--map` and the JSON use the API's name.
            ColumnUse::Target(target) => f.write_str(&crate::i18n::wording::target_said(*target)),
            ColumnUse::Other => f.write_str(&tr!("column-other")),
        }
    }
}

/// A kind of records, for the kind pick list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kind(pub ResourceName);

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&match self.0 {
            ResourceName::Leads => tr!("leads"),
            ResourceName::Orders => tr!("orders"),
        })
    }
}

/// The screen.
#[derive(Debug)]
pub struct State {
    kind: ResourceName,
    path: String,
    encoding: Choice<&'static str>,
    delimiter: Choice<u8>,
    /// The workbook sheet chosen; `None`: the first that holds a table.
    sheet: Option<String>,
    loading: bool,
    error: Option<String>,
    notice: Option<String>,
    /// Column choices the merchant made here, by header.
    explicit: Vec<(Target, String)>,
    /// SKUs of the store's catalogue, when known, and where they come from.
    catalogue: Option<Catalogue>,
    catalogue_note: Option<String>,
    /// An upload to go on with once its file is read again.
    resume_after_load: Option<String>,
    /// Whether the file being read is the open one read again (another encoding,
    /// separator or column choice): its upload panel then stays. A file opened anew starts
    /// with an empty one.
    rereading: bool,
    file: Option<Box<OpenFile>>,
}

#[derive(Debug, Clone)]
pub enum Message {
    PathInput(String),
    Open,
    Browse,
    /// What the open dialog gave (a file, nothing, or word that none opens).
    Browsed(Chosen),
    Dropped(PathBuf),
    Kind(Kind),
    Encoding(Choice<&'static str>),
    Delimiter(Choice<u8>),
    /// Another sheet of the open workbook: other rows, so a new upload panel.
    Sheet(String),
    Loaded(PathBuf, Result<Arc<Sheet>, String>),
    MapColumn(usize, ColumnUse),
    /// Editing the open file.
    Edit(editing::Message),
    /// The upload panel.
    Upload(upload_panel::Message),
    /// Writes the corrected file or the error report beside the open file, as CSV or (when
    /// `workbook`) as an Excel workbook.
    Save {
        content: WorkbookContent,
        workbook: bool,
    },
    /// Where the corrected file or the report was written (or why not).
    Saved(Result<PathBuf, String>),
    /// The column choices were remembered (or why not); the file is then read again.
    Remembered(Result<(), String>),
    /// Reopen an interrupted upload's file and go on with it.
    ResumeUpload {
        upload_id: String,
        file: PathBuf,
        /// The workbook sheet the upload read (none for a CSV file).
        sheet: Option<String>,
        kind: ResourceName,
    },
    /// The connected store's catalogue (fetched, or the cached copy), or why it is unknown.
    Catalogue(Result<KnownCatalogue, ApiError>),
    DismissNotice,
}

impl From<panel::Message> for Message {
    fn from(message: panel::Message) -> Message {
        match message {
            panel::Message::Edit(message) => Message::Edit(message),
            panel::Message::Upload(message) => Message::Upload(message),
            panel::Message::Save { content, workbook } => Message::Save { content, workbook },
        }
    }
}

pub enum Action {
    None,
    Run(Task<Message>),
    /// The upload ended (finished, stopped or failed): how, in a sentence.
    UploadEnded(String),
}

/// Reads the catalogue of `store` (or its cached copy) for the checks.
pub fn catalogue_of(store: &OpenStore) -> Task<Message> {
    Task::perform(
        catalogue_cache::load(store.client.clone(), store.home.caches()),
        Message::Catalogue,
    )
}

/// The message a keyboard shortcut means on this screen, if any.
pub fn shortcut(pressed: Shortcut) -> Option<Message> {
    let edit = match pressed {
        Shortcut::NextIssue => Edit::NextIssue(true),
        Shortcut::PreviousIssue => Edit::NextIssue(false),
        Shortcut::Undo => Edit::Undo,
        Shortcut::Redo => Edit::Redo,
        _ => return None,
    };
    Some(Message::Edit(edit))
}

/// What the upload panel asked for, as the screen's action.
fn upload_action(action: upload_panel::Action) -> Action {
    match action {
        upload_panel::Action::None => Action::None,
        upload_panel::Action::Run(task) => Action::Run(task.map(Message::Upload)),
        upload_panel::Action::Ended(outcome) => Action::UploadEnded(outcome),
    }
}

fn remembered_path() -> PathBuf {
    wedocod_core::paths::config_dir().join("mappings.toml")
}

/// The system's file dialog, or word that none can open (the typed path and drag-and-drop
/// still work).
fn browse() -> Task<Message> {
    let dialog = rfd::AsyncFileDialog::new().add_filter(
        tr!("dialog-csv-or-workbook"),
        &["csv", "txt", "tsv", "xlsx", "xlsm", "xls", "ods"],
    );
    Task::perform(file_dialog::open(dialog), Message::Browsed)
}

/// Reads and checks a file off the UI thread, with the column choices remembered for it.
async fn load(path: PathBuf, mut settings: ValidateSettings) -> Result<Arc<Sheet>, String> {
    off_the_window(move || {
        settings.remembered = RememberedMappings::load(&remembered_path());
        let bytes = std::fs::read(&path).map_err(|error| format!("{}: {error}", path.display()))?;
        Sheet::load(bytes, &settings)
            .map(Arc::new)
            .map_err(|error| crate::i18n::read_error::describe(&error))
    })
    .await
}

/// Remembers the column choices made for these headers, off the UI thread.
async fn remember(
    headers: Vec<String>,
    kind: ResourceName,
    choices: Vec<(Target, String)>,
) -> Result<(), String> {
    off_the_window(move || {
        RememberedMappings::remember_in(&remembered_path(), &headers, kind, &choices)
            .map_err(|error| error.to_string())
    })
    .await
}

/// Writes the corrected file or the error report beside `source`, under the first name no
/// file has (`orders-corrected.csv`, `orders-corrected-2.csv`…, or `.xlsx` for a workbook):
/// a file the merchant kept is never overwritten. Off the UI thread.
async fn save_beside(
    sheet: Arc<Sheet>,
    source: PathBuf,
    content: WorkbookContent,
    workbook: bool,
) -> Result<PathBuf, String> {
    off_the_window(move || {
        let suffix = match content {
            WorkbookContent::Corrected => "corrected",
            WorkbookContent::Report => "errors",
        };
        let extension = if workbook { "xlsx" } else { "csv" };
        let (path, file) = output_file::create_beside_as(&source, suffix, extension)
            .map_err(|error| format!("{}: {error}", source.display()))?;
        if workbook {
            // The free name is taken; the workbook is written over the empty file.
            drop(file);
            return write_workbook(&sheet, content, &path).map(|()| path);
        }
        let out = std::io::BufWriter::new(file);
        let written = match content {
            WorkbookContent::Corrected => sheet.write_corrected(out, EXCEL),
            WorkbookContent::Report => sheet.write_report(out, EXCEL),
        };
        written
            .map(|()| path.clone())
            .map_err(|error| format!("{}: {error}", path.display()))
    })
    .await
}

const EXCEL: ExportFormat = ExportFormat {
    bom: true,
    delimiter: b';',
};

impl Default for State {
    fn default() -> State {
        State {
            kind: ResourceName::Leads,
            path: String::new(),
            encoding: Choice::Auto,
            delimiter: Choice::Auto,
            sheet: None,
            loading: false,
            error: None,
            notice: None,
            explicit: Vec::new(),
            catalogue: None,
            catalogue_note: None,
            resume_after_load: None,
            rereading: false,
            file: None,
        }
    }
}

impl State {
    /// The store's catalogue (fetched, or the cached copy) for the checks, and a note
    /// saying which.
    fn take_catalogue(&mut self, result: Result<KnownCatalogue, ApiError>) -> Action {
        let (catalogue, note) = match result {
            Ok(known) => {
                let count = known.saved.skus.len();
                let note = if known.fresh {
                    tr!("catalogue-fresh", count = count)
                } else {
                    let hours = known.age().as_secs() / 3600;
                    tr!("catalogue-cached", count = count, hours = hours)
                };
                (Some(known.catalogue()), Some(note))
            }
            Err(error) => (None, Some(tr!("catalogue-unknown", reason = error))),
        };
        self.set_catalogue(catalogue, note)
    }

    /// The SKUs to check against (the store's catalogue, fetched or cached), and a note
    /// saying which; an open file is checked again with them.
    fn set_catalogue(&mut self, catalogue: Option<Catalogue>, note: Option<String>) -> Action {
        self.catalogue = catalogue;
        self.catalogue_note = note;
        if self.uploading() {
            // The running upload's file stays as it is; the next read uses the catalogue.
            return Action::None;
        }
        self.reload(true)
    }

    fn settings(&self) -> ValidateSettings {
        let mut settings = ValidateSettings::new(self.kind);
        settings.encoding = match self.encoding {
            Choice::Given(label) => encoding_rs::Encoding::for_label(label.as_bytes()),
            Choice::Auto => None,
        };
        settings.delimiter = match self.delimiter {
            Choice::Given(byte) => Some(byte),
            Choice::Auto => None,
        };
        settings.explicit = self.explicit.clone();
        settings.catalogue = self.catalogue.clone();
        settings.sheet = self.sheet.clone();
        settings
    }

    /// Reads `path`; `rereading` when it is the open file read again (its upload panel
    /// stays). Refused while an upload runs.
    fn open(&mut self, path: PathBuf, rereading: bool) -> Action {
        if self.uploading() {
            self.notice = Some(tr!("busy-uploading"));
            // Nothing is read, so there is nothing to resume after it.
            self.resume_after_load = None;
            return Action::None;
        }
        self.rereading = rereading;
        self.loading = true;
        self.error = None;
        self.path = path.display().to_string();
        let settings = self.settings();
        Action::Run(Task::perform(load(path.clone(), settings), move |result| {
            Message::Loaded(path.clone(), result)
        }))
    }

    /// Opens another file: a workbook's first sheet with data, a new upload panel.
    fn open_new(&mut self, path: PathBuf) -> Action {
        if !self.uploading() {
            self.sheet = None;
        }
        self.open(path, false)
    }

    /// Reads the open file again, keeping its upload panel when `same_items` (another
    /// encoding, separator, column choice or catalogue; not another kind of records).
    fn reload(&mut self, same_items: bool) -> Action {
        match self.file.as_ref().map(|file| file.path.clone()) {
            Some(path) => self.open(path, same_items),
            None => Action::None,
        }
    }

    /// Whether an upload is running (the window must not drop it).
    pub fn uploading(&self) -> bool {
        self.file
            .as_ref()
            .is_some_and(|file| file.upload.is_running())
    }

    pub fn update(&mut self, message: Message, store: Option<&OpenStore>) -> Action {
        match message {
            Message::PathInput(path) => self.path = path,
            Message::Open => {
                let path = PathBuf::from(self.path.trim());
                if !self.path.trim().is_empty() {
                    return self.open_new(path);
                }
            }
            Message::Browse => return Action::Run(browse()),
            Message::Browsed(Chosen::Path(path)) | Message::Dropped(path) => {
                return self.open_new(path);
            }
            Message::Browsed(Chosen::Closed) => {}
            // The typed path was always there: the merchant is told to use it.
            Message::Browsed(Chosen::NoDialog) => {
                self.notice = Some(tr!("no-file-dialog"));
                return Action::Run(iced::widget::operation::focus(PATH_ID));
            }
            Message::ResumeUpload {
                upload_id,
                file,
                sheet,
                kind,
            } => {
                // While an upload runs, `open` refuses and the open file keeps its choices.
                if !self.uploading() {
                    self.kind = kind;
                    self.sheet = sheet;
                }
                self.resume_after_load = Some(upload_id);
                return self.open(file, false);
            }
            Message::Kind(Kind(kind)) => {
                self.kind = kind;
                self.explicit.clear();
                return self.reload(false);
            }
            Message::Encoding(choice) => {
                self.encoding = choice;
                return self.reload(true);
            }
            Message::Delimiter(choice) => {
                self.delimiter = choice;
                return self.reload(true);
            }
            Message::Sheet(name) => {
                self.sheet = Some(name);
                return self.reload(false);
            }
            Message::Loaded(path, result) => return self.loaded(path, result, store),
            Message::MapColumn(column, choice) => return self.map_column(column, choice),
            Message::Remembered(result) => {
                if let Err(error) = result {
                    self.notice = Some(error);
                }
                return self.reload(true);
            }
            Message::Saved(result) => {
                self.notice = Some(match result {
                    Ok(path) => tr!("saved-to", path = path.display()),
                    Err(error) => error,
                });
            }
            Message::DismissNotice => self.notice = None,
            Message::Catalogue(result) => return self.take_catalogue(result),
            Message::Save { content, workbook } => return self.save(content, workbook),
            Message::Edit(message) => return self.edit(message),
            Message::Upload(message) => return self.update_upload(message, store),
        }
        Action::None
    }

    /// Writes the corrected file or the error report beside the open file.
    fn save(&self, content: WorkbookContent, workbook: bool) -> Action {
        let Some(file) = &self.file else {
            return Action::None;
        };
        let save = save_beside(
            Arc::clone(&file.sheet),
            file.path.clone(),
            content,
            workbook,
        );
        Action::Run(Task::perform(save, Message::Saved))
    }

    fn edit(&mut self, message: editing::Message) -> Action {
        let Some(file) = self.file.as_deref_mut() else {
            return Action::None;
        };
        match file.update(message) {
            editing::Action::None => Action::None,
            editing::Action::Run(task) => Action::Run(task.map(Message::Edit)),
            editing::Action::Notice(notice) => {
                self.notice = Some(notice);
                Action::None
            }
        }
    }

    fn update_upload(
        &mut self,
        message: upload_panel::Message,
        store: Option<&OpenStore>,
    ) -> Action {
        let Some(file) = self.file.as_deref_mut() else {
            return Action::None;
        };
        let source = upload_panel::Source {
            sheet: &file.sheet,
            path: &file.path,
        };
        upload_action(file.upload.update(message, source, store))
    }

    /// A file was read and checked (or could not be): it opens, keeping its upload panel
    /// when it is the same file read again, and goes on with an upload to resume.
    fn loaded(
        &mut self,
        path: PathBuf,
        result: Result<Arc<Sheet>, String>,
        store: Option<&OpenStore>,
    ) -> Action {
        self.loading = false;
        match result {
            Ok(sheet) => {
                let previous = self.file.take().filter(|_| self.rereading);
                let upload = previous.map(|file| file.upload).unwrap_or_default();
                self.file = Some(Box::new(OpenFile::new(path, sheet, upload)));
            }
            Err(error) => {
                self.resume_after_load = None;
                self.error = Some(error);
            }
        }
        match (
            self.resume_after_load.take(),
            store,
            self.file.as_deref_mut(),
        ) {
            (Some(id), Some(store), Some(file)) => {
                let source = upload_panel::Source {
                    sheet: &file.sheet,
                    path: &file.path,
                };
                upload_action(file.upload.start(source, store, Some(id), Repeats::Refuse))
            }
            _ => Action::None,
        }
    }

    /// The merchant chose what a column holds: remembered for files with these headers
    /// (off the window's thread), then the file is checked again.
    fn map_column(&mut self, column: usize, choice: ColumnUse) -> Action {
        let Some(file) = &self.file else {
            return Action::None;
        };
        let header = file
            .sheet
            .header
            .names
            .get(column)
            .cloned()
            .unwrap_or_default();
        self.explicit.retain(|(_, name)| *name != header);
        if let ColumnUse::Target(target) = choice {
            self.explicit.retain(|(existing, _)| *existing != target);
            self.explicit.push((target, header));
        }
        Action::Run(Task::perform(
            remember(
                file.sheet.header.names.clone(),
                self.kind,
                self.explicit.clone(),
            ),
            Message::Remembered,
        ))
    }

    pub fn view<'a>(&'a self, store: Option<&'a str>) -> Element<'a, Message> {
        let kinds = [Kind(ResourceName::Leads), Kind(ResourceName::Orders)];
        let opener = reading_row![
            pick_list(kinds, Some(Kind(self.kind)), Message::Kind),
            reading_input(&tr!("path-placeholder"), &self.path)
                .id(PATH_ID)
                .on_input(Message::PathInput)
                .on_submit(Message::Open)
                .width(Fill),
            button(text(tr!("open-file"))).on_press(Message::Open),
            button(text(tr!("browse")))
                .style(button::secondary)
                .on_press(Message::Browse),
        ]
        .spacing(theme::GAP)
        .align_y(Center);
        let mut content = reading_column![opener].spacing(theme::GAP);
        if let Some(note) = &self.catalogue_note {
            content = content.push(text(note).size(13).style(theme::muted));
        }
        if self.loading {
            content = content.push(text(tr!("reading-file")));
        }
        if let Some(error) = &self.error {
            content = content.push(
                container(text(error))
                    .padding(theme::PAD)
                    .width(Fill)
                    .style(theme::error_banner),
            );
        }
        match &self.file {
            Some(file) => content = content.push(self.file_view(file, store)),
            None => {
                content = content.push(iced::widget::center(
                    text(tr!("import-hint")).style(theme::muted),
                ))
            }
        }
        // Below the grid, so that nothing the merchant is about to click moves.
        if let Some(notice) = &self.notice {
            content = content.push(crate::gui::widget::notice::banner(
                [notice.as_str()],
                Message::DismissNotice,
            ));
        }
        container(content).padding(theme::PAD).into()
    }

    fn file_view<'a>(&'a self, file: &'a OpenFile, store: Option<&'a str>) -> Element<'a, Message> {
        let sheet = &file.sheet;
        let (errors, warnings) = sheet.counts();
        let read_as = reading_row![
            self.read_as(sheet),
            iced::widget::space().width(Fill),
            text(tr!(
                "rows-summary",
                rows = sheet.row_count(),
                errors = errors,
                warnings = warnings
            )),
        ]
        .spacing(theme::GAP)
        .align_y(Center);
        let grid = grid::view(grid::GridView {
            sheet,
            visible: &file.visible,
            first: file.first,
            window: file.window,
            selected: file.selected,
            refused_cells: &file.upload.refused_cells,
        })
        .map(Message::Edit);
        let table = reading_column![self.mapping_row(sheet), grid].spacing(4);
        reading_column![
            read_as,
            reading_row![
                container(table).width(Fill).height(Fill),
                panel::view(file, store).map(Message::from)
            ]
            .spacing(theme::GAP)
            .height(Fill),
        ]
        .spacing(theme::GAP)
        .into()
    }

    /// How the file was read, and the choices that read it otherwise: the encoding and the
    /// separator of a CSV file, the sheet of a workbook.
    fn read_as<'a>(&self, sheet: &'a Sheet) -> Element<'a, Message> {
        if let Some(book) = &sheet.workbook {
            return reading_row![
                text(tr!("read-sheet", count = book.sheet_names.len())),
                text(tr!("sheet")),
                pick_list(
                    book.sheet_names.clone(),
                    Some(book.name.clone()),
                    Message::Sheet
                ),
            ]
            .spacing(theme::GAP)
            .align_y(Center)
            .into();
        }
        let encodings: Vec<Choice<&'static str>> = std::iter::once(Choice::Auto)
            .chain(ENCODINGS.into_iter().map(Choice::Given))
            .collect();
        let delimiters: Vec<Choice<u8>> = std::iter::once(Choice::Auto)
            .chain([b',', b';', b'\t', b'|'].into_iter().map(Choice::Given))
            .collect();
        let guessed = match sheet.encoding_source {
            EncodingSource::Guessed { sure: false } => tr!("encoding-unsure"),
            _ => String::new(),
        };
        reading_row![
            text(tr!(
                "read-as",
                encoding = sheet.encoding.name(),
                delimiter = Choice::Given(sheet.delimiter)
            )),
            text(guessed).style(text::warning),
            text(tr!("encoding")),
            pick_list(encodings, Some(self.encoding.clone()), Message::Encoding),
            text(tr!("delimiter")),
            pick_list(delimiters, Some(self.delimiter.clone()), Message::Delimiter),
        ]
        .spacing(theme::GAP)
        .align_y(Center)
        .into()
    }

    /// One pick list per column: what it feeds.
    fn mapping_row<'a>(&self, sheet: &'a Sheet) -> Element<'a, Message> {
        let mut choices = vec![ColumnUse::Other];
        choices.extend(
            Field::ALL
                .into_iter()
                .filter(|f| f.exists_for(self.kind))
                .map(|f| ColumnUse::Target(Target::Field(f))),
        );
        for slot in 1..=3 {
            choices.extend(
                ProductPart::ALL
                    .into_iter()
                    .map(|part| ColumnUse::Target(Target::Product { slot, part })),
            );
        }
        choices.push(ColumnUse::Target(Target::GroupBy));
        let mut mapping = reading_row![text(tr!("columns")).size(12).width(64)].align_y(Center);
        for column in 0..sheet.column_count() {
            let current = match sheet.mapping.role(column) {
                ColumnRole::Target(target) => ColumnUse::Target(target),
                ColumnRole::CustomData | ColumnRole::Ignored => ColumnUse::Other,
            };
            mapping = mapping.push(
                pick_list(choices.clone(), Some(current), move |choice| {
                    Message::MapColumn(column, choice)
                })
                .text_size(12)
                .width(Fill),
            );
        }
        mapping.push(iced::widget::space().width(12)).into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wedocod_core::upload::Control;
    use wedocod_import::RowFilter;

    fn opened(csv: &str) -> State {
        let mut state = State::default();
        let sheet = Sheet::load(
            csv.as_bytes().to_vec(),
            &ValidateSettings::new(ResourceName::Leads),
        )
        .unwrap();
        state.update(
            Message::Loaded(PathBuf::from("leads.csv"), Ok(Arc::new(sheet))),
            None,
        );
        state
    }

    const FILE: &str = "full_name,phone,city,address,sku,quantity,total\n\
                        Amina Alaoui,0612345678,Rabat,12 Rue Ibn Sina,ARG-100,2,298\n\
                        Omar Fassi,06123,Fès,3 Avenue Hassan II,ARG-100,1,149\n";

    #[test]
    fn no_file_is_opened_or_read_again_while_an_upload_runs() {
        let mut state = opened(FILE);
        if let Some(file) = state.file.as_mut() {
            file.upload.control = Some(Control::new());
        }
        state.path = "other.csv".into();
        assert!(matches!(state.update(Message::Open, None), Action::None));
        assert!(matches!(
            state.update(Message::Delimiter(Choice::Given(b';')), None),
            Action::None
        ));
        assert_eq!(
            state.notice.as_deref(),
            Some(tr!("busy-uploading").as_str())
        );
        assert!(!state.loading);
    }

    #[test]
    fn f8_selects_the_next_problem_and_an_edit_fixes_it() {
        let mut state = opened(FILE);
        state.update(Message::Edit(editing::Message::NextIssue(true)), None);
        let file = state.file.as_ref().unwrap();
        assert_eq!(file.selected, Some((1, 1)));
        assert_eq!(file.editor, "06123");
        state.update(
            Message::Edit(editing::Message::EditorInput("0661234567".into())),
            None,
        );
        state.update(Message::Edit(editing::Message::ApplyEdit), None);
        let file = state.file.as_ref().unwrap();
        assert_eq!(file.sheet.counts().0, 0, "the row was re-checked");
        state.update(
            Message::Edit(editing::Message::Filter(RowFilter::Errors)),
            None,
        );
        assert!(state.file.as_ref().unwrap().visible.is_empty());
    }
}
