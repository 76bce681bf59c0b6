//! The open file and its editing, a component of the import screen with messages of its
//! own: scrolling the grid, selecting and fixing a cell, the error filter, stepping from
//! problem to problem, undo and redo, find and replace. Reading the file and uploading it
//! are the screen's and the upload panel's.

use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

use iced::Task;
use iced::widget::scrollable::AbsoluteOffset;

use wedocod_import::{RowFilter, Sheet};

use super::upload_panel::UploadPanel;

/// Every row of the grid is this tall, so the row under any scroll offset is a division
/// away (the grid lays its rows out with it; scrolling to a cell computes with it).
pub const ROW_HEIGHT: f32 = 28.0;
/// The grid's scrollable, which edits scroll to the cell they changed.
pub const GRID_ID: &str = "import-grid";

/// A column, for the find-and-replace pick list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnName(pub usize, pub String);

impl fmt::Display for ColumnName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.1)
    }
}

/// An open file.
#[derive(Debug)]
pub struct OpenFile {
    pub path: PathBuf,
    /// Shared with a running upload while it builds its items; an edit then copies it.
    pub sheet: Arc<Sheet>,
    pub filter: RowFilter,
    /// Rows kept by the filter, in file order.
    pub visible: Vec<usize>,
    /// Index in `visible` of the first row in view, and how many rows fit.
    pub first: usize,
    pub window: usize,
    pub selected: Option<(usize, usize)>,
    pub editor: String,
    pub find_column: Option<ColumnName>,
    pub find: String,
    pub replace: String,
    pub upload: UploadPanel,
}

#[derive(Debug, Clone)]
pub enum Message {
    /// The grid's scroll offset and height.
    Scrolled(f32, f32),
    Select(usize, usize),
    EditorInput(String),
    ApplyEdit,
    Filter(RowFilter),
    /// F8 (forward) or Shift+F8.
    NextIssue(bool),
    Undo,
    Redo,
    FindColumn(ColumnName),
    FindInput(String),
    ReplaceInput(String),
    ReplaceAll,
}

/// What the screen must do after an edit.
pub enum Action {
    None,
    Run(Task<Message>),
    /// A line for the screen's notice.
    Notice(String),
}

impl OpenFile {
    /// A file just read, with the upload panel it keeps (an empty one when opened anew).
    pub fn new(path: PathBuf, sheet: Arc<Sheet>, mut upload: UploadPanel) -> OpenFile {
        // Read again, its cells may have moved: the server's refusals of the last run
        // no longer point at them.
        upload.refused_cells.clear();
        OpenFile {
            visible: sheet.rows_matching(RowFilter::All),
            path,
            sheet,
            filter: RowFilter::All,
            first: 0,
            window: 40,
            selected: None,
            editor: String::new(),
            find_column: None,
            find: String::new(),
            replace: String::new(),
            upload,
        }
    }

    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::Scrolled(offset, height) => {
                self.first = (offset.max(0.0) / ROW_HEIGHT) as usize;
                self.window = (height / ROW_HEIGHT).ceil() as usize + 1;
            }
            Message::Select(row, column) => {
                self.selected = Some((row, column));
                self.editor = self.sheet.cell(row, column).to_string();
            }
            Message::EditorInput(value) => self.editor = value,
            Message::ApplyEdit => self.apply_edit(),
            Message::Filter(filter) => {
                self.filter = filter;
                self.refilter();
                self.first = 0;
                return Action::Run(scroll_grid_to(0.0));
            }
            Message::NextIssue(forward) => {
                let Some((row, column)) = self.sheet.next_issue(self.selected, forward) else {
                    return Action::None;
                };
                self.filter = RowFilter::All;
                self.refilter();
                return self.reveal(row, column);
            }
            Message::Undo => return self.step_history(Sheet::undo),
            Message::Redo => return self.step_history(Sheet::redo),
            Message::FindColumn(column) => self.find_column = Some(column),
            Message::FindInput(text) => self.find = text,
            Message::ReplaceInput(text) => self.replace = text,
            Message::ReplaceAll => return self.replace_all(),
        }
        Action::None
    }

    /// The editor's value goes into the selected cell, which is checked again; the
    /// server's refusal of it no longer applies.
    fn apply_edit(&mut self) {
        if let Some((row, column)) = self.selected {
            Arc::make_mut(&mut self.sheet).set_cell(row, column, &self.editor);
            self.upload.refused_cells.remove(&(row, column));
            self.refilter();
        }
    }

    /// Undo or redo, then shows the cell it changed.
    fn step_history(&mut self, step: fn(&mut Sheet) -> Option<(usize, usize)>) -> Action {
        let cell = step(Arc::make_mut(&mut self.sheet));
        self.refilter();
        match cell {
            Some((row, column)) => self.reveal(row, column),
            None => Action::None,
        }
    }

    /// Replaces the text in the chosen column, in the rows the filter keeps.
    fn replace_all(&mut self) -> Action {
        let Some(ColumnName(column, _)) = &self.find_column else {
            return Action::None;
        };
        let count = Arc::make_mut(&mut self.sheet).replace_in_column(
            *column,
            &self.find,
            &self.replace,
            &self.visible,
        );
        self.refilter();
        Action::Notice(crate::i18n::tr!("replaced", count = count))
    }

    /// Re-applies the filter after the rows' issues changed.
    fn refilter(&mut self) {
        self.visible = self.sheet.rows_matching(self.filter);
    }

    /// Selects a cell and scrolls the grid to it.
    fn reveal(&mut self, row: usize, column: usize) -> Action {
        self.selected = Some((row, column));
        self.editor = self.sheet.cell(row, column).to_string();
        let index = self
            .visible
            .binary_search(&row)
            .unwrap_or_else(|position| position);
        Action::Run(scroll_grid_to(
            (index as f32 * ROW_HEIGHT - ROW_HEIGHT * 3.0).max(0.0),
        ))
    }
}

fn scroll_grid_to(y: f32) -> Task<Message> {
    iced::widget::operation::scroll_to(GRID_ID, AbsoluteOffset { x: 0.0, y })
}
