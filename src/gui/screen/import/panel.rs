//! The import screen's side panel: the selected cell and its problems, the summary of
//! problems (click to filter), find and replace, undo/redo, saving, and the upload.

use iced::widget::{button, checkbox, container, pick_list, scrollable, text};
use iced::{Element, Fill};

use crate::gui::direction::{reading_column, reading_input, reading_row};
use crate::gui::theme;
use crate::i18n::{Plain, tr, wording};
use wedocod_import::RowFilter;
use wedocod_import::WorkbookContent;

use super::editing::{ColumnName, Message as Edit, OpenFile};
use super::section::section;
use super::upload_panel;

/// The cell editor of the side panel.
const EDITOR_ID: &str = "import-cell-editor";

/// What the side panel asks for: an edit of the open file, something of the upload, or
/// a file written beside it.
#[derive(Debug, Clone)]
pub enum Message {
    Edit(Edit),
    Upload(upload_panel::Message),
    /// The corrected file or the error report, as CSV or (when `workbook`) as an Excel
    /// workbook.
    Save {
        content: WorkbookContent,
        workbook: bool,
    },
}

pub fn view<'a>(file: &'a OpenFile, store: Option<&'a str>) -> Element<'a, Message> {
    let editing = reading_column![
        cell_section(file),
        summary_section(file),
        find_section(file),
        reading_row![
            button(text(tr!("undo")))
                .style(button::secondary)
                .on_press_maybe(file.sheet.can_undo().then_some(Edit::Undo)),
            button(text(tr!("redo")))
                .style(button::secondary)
                .on_press_maybe(file.sheet.can_redo().then_some(Edit::Redo)),
        ]
        .spacing(4),
    ]
    .spacing(theme::PAD);
    let content = reading_column![
        Element::from(editing).map(Message::Edit),
        save_buttons(),
        file.upload.view(&file.sheet, store).map(Message::Upload),
    ]
    .spacing(theme::PAD)
    .padding(theme::PAD);
    container(scrollable(content))
        .width(380)
        .height(Fill)
        .style(theme::panel)
        .into()
}

/// The corrected file and the error report, each as CSV or as an Excel workbook.
fn save_buttons<'a>() -> Element<'a, Message> {
    let save = |label: String, content, workbook| {
        button(text(label))
            .style(button::secondary)
            .on_press(Message::Save { content, workbook })
    };
    reading_row![
        save(tr!("save-corrected"), WorkbookContent::Corrected, false),
        save(tr!("save-report"), WorkbookContent::Report, false),
        save(tr!("save-corrected-xlsx"), WorkbookContent::Corrected, true),
        save(tr!("save-report-xlsx"), WorkbookContent::Report, true),
    ]
    .spacing(4)
    .wrap()
    .into()
}

fn cell_section(file: &OpenFile) -> Element<'_, Edit> {
    let Some((row_index, column)) = file.selected else {
        return section(tr!("cell"), text(tr!("select-a-cell")).style(theme::muted));
    };
    let sheet = &file.sheet;
    let header = sheet.header.names.get(column).map_or("", String::as_str);
    let mut body = reading_column![
        text(match &sheet.workbook {
            Some(book) => tr!(
                "cell-in-sheet",
                line = Plain(sheet.line(row_index)),
                column = header,
                cell = book.cell_name(column, sheet.line(row_index)),
                sheet = book.name
            ),
            None => tr!(
                "cell-at",
                line = Plain(sheet.line(row_index)),
                column = header
            ),
        })
        .style(theme::muted),
        reading_row![
            reading_input("", &file.editor)
                .id(EDITOR_ID)
                .on_input(Edit::EditorInput)
                .on_submit(Edit::ApplyEdit)
                .width(Fill),
            button(text(tr!("apply"))).on_press(Edit::ApplyEdit),
        ]
        .spacing(4),
    ]
    .spacing(4);
    for refusal in file
        .upload
        .refused_cells
        .get(&(row_index, column))
        .into_iter()
        .flatten()
    {
        let message = wording::message(&refusal.wording);
        body = body.push(text(tr!("server-said", message = message)).style(text::danger));
    }
    for issue in sheet.cell_issues(row_index, column) {
        let style = match issue.severity {
            wedocod_import::Severity::Error => text::danger,
            wedocod_import::Severity::Warning => text::warning,
        };
        body = body.push(text(wording::message(&issue.wording)).style(style));
        body = body.push(
            text(wording::fix(&issue.wording))
                .size(13)
                .style(theme::muted),
        );
    }
    section(tr!("cell"), body)
}

fn summary_section(file: &OpenFile) -> Element<'_, Edit> {
    let mut body = reading_column![
        checkbox(file.filter == RowFilter::Errors)
            .label(tr!("errors-only"))
            .on_toggle(|on| Edit::Filter(if on {
                RowFilter::Errors
            } else {
                RowFilter::All
            })),
        reading_row![
            button(text(tr!("previous-issue")))
                .style(button::secondary)
                .on_press(Edit::NextIssue(false)),
            button(text(tr!("next-issue")))
                .style(button::secondary)
                .on_press(Edit::NextIssue(true)),
        ]
        .spacing(4),
    ]
    .spacing(4);
    for line in file.sheet.summary() {
        let label = if line.varied {
            tr!(
                "summary-alike",
                count = line.count,
                line = Plain(line.first_line),
                message = wording::message(&line.wording)
            )
        } else {
            format!("{} × {}", line.count, wording::message(&line.wording))
        };
        let chosen = file.filter == RowFilter::Code(line.code);
        let style = match line.severity {
            wedocod_import::Severity::Error => text::danger,
            wedocod_import::Severity::Warning => text::warning,
        };
        body = body.push(
            button(text(label).size(13).style(style))
                .style(if chosen {
                    button::secondary
                } else {
                    button::text
                })
                .on_press(Edit::Filter(if chosen {
                    RowFilter::All
                } else {
                    RowFilter::Code(line.code)
                })),
        );
    }
    section(tr!("problems"), body)
}

fn find_section(file: &OpenFile) -> Element<'_, Edit> {
    let columns: Vec<ColumnName> = file
        .sheet
        .header
        .names
        .iter()
        .enumerate()
        .map(|(index, name)| ColumnName(index, name.clone()))
        .collect();
    let body = reading_column![
        pick_list(columns, file.find_column.clone(), Edit::FindColumn)
            .placeholder(tr!("in-column"))
            .width(Fill),
        reading_input(&tr!("find"), &file.find).on_input(Edit::FindInput),
        reading_input(&tr!("replace-with"), &file.replace)
            .on_input(Edit::ReplaceInput)
            .on_submit(Edit::ReplaceAll),
        button(text(tr!("replace-all"))).on_press_maybe(
            (file.find_column.is_some() && !file.find.is_empty()).then_some(Edit::ReplaceAll)
        ),
    ]
    .spacing(4);
    section(tr!("find-replace"), body)
}
