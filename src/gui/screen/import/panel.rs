//! The import screen's side panel: the selected cell and its problems, the summary of
//! problems (click to filter), find and replace, undo/redo, saving, and the upload.

use iced::widget::{
    Column, button, checkbox, column, container, pick_list, progress_bar, row, scrollable, text,
    text_input,
};
use iced::{Element, Fill};

use crate::gui::i18n::{fill, strings};
use crate::gui::theme;
use crate::import::sheet::RowFilter;
use crate::upload::{Control, Repeats, UploadReport};

use super::{ColumnName, EDITOR_ID, Message, OpenFile, UploadPanel};

fn section<'a>(title: &'a str, body: impl Into<Element<'a, Message>>) -> Element<'a, Message> {
    column![text(title).size(15), body.into()].spacing(6).into()
}

pub fn view<'a>(file: &'a OpenFile, store: Option<&'a str>) -> Element<'a, Message> {
    let content = column![
        cell_section(file),
        summary_section(file),
        find_section(file),
        row![
            button(text(strings().undo))
                .style(button::secondary)
                .on_press_maybe(file.sheet.can_undo().then_some(Message::Undo)),
            button(text(strings().redo))
                .style(button::secondary)
                .on_press_maybe(file.sheet.can_redo().then_some(Message::Redo)),
            button(text(strings().save_corrected))
                .style(button::secondary)
                .on_press(Message::SaveCorrected),
            button(text(strings().save_report))
                .style(button::secondary)
                .on_press(Message::SaveReport),
        ]
        .spacing(4)
        .wrap(),
        upload_section(file, store),
    ]
    .spacing(theme::PAD)
    .padding(theme::PAD);
    container(scrollable(content))
        .width(380)
        .height(Fill)
        .style(theme::panel)
        .into()
}

fn cell_section(file: &OpenFile) -> Element<'_, Message> {
    let s = strings();
    let Some((row_index, column)) = file.selected else {
        return section(s.cell, text(s.select_a_cell).style(theme::muted));
    };
    let sheet = &file.sheet;
    let header = sheet.header.names.get(column).map_or("", String::as_str);
    let mut body = column![
        text(fill(
            s.cell_at,
            &[("line", &sheet.line(row_index)), ("column", &header)]
        ))
        .style(theme::muted),
        row![
            text_input("", &file.editor)
                .id(EDITOR_ID)
                .on_input(Message::EditorInput)
                .on_submit(Message::ApplyEdit)
                .width(Fill),
            button(text(s.apply)).on_press(Message::ApplyEdit),
        ]
        .spacing(4),
    ]
    .spacing(4);
    for message in file
        .server_errors
        .get(&(row_index, column))
        .into_iter()
        .flatten()
    {
        body = body.push(text(fill(s.server_said, &[("message", message)])).style(text::danger));
    }
    for issue in sheet.cell_issues(row_index, column) {
        let style = match issue.severity {
            crate::import::Severity::Error => text::danger,
            crate::import::Severity::Warning => text::warning,
        };
        body = body.push(text(&issue.message).style(style));
        if let Some(fix) = &issue.fix {
            body = body.push(text(fix).size(13).style(theme::muted));
        }
    }
    section(s.cell, body)
}

fn summary_section(file: &OpenFile) -> Element<'_, Message> {
    let s = strings();
    let mut body = column![
        checkbox(file.filter == RowFilter::Errors)
            .label(s.errors_only)
            .on_toggle(|on| Message::Filter(if on {
                RowFilter::Errors
            } else {
                RowFilter::All
            })),
        row![
            button(text(s.previous_issue))
                .style(button::secondary)
                .on_press(Message::NextIssue(false)),
            button(text(s.next_issue))
                .style(button::secondary)
                .on_press(Message::NextIssue(true)),
        ]
        .spacing(4),
    ]
    .spacing(4);
    for line in file.sheet.summary() {
        let label = if line.varied {
            fill(
                s.summary_alike,
                &[
                    ("count", &line.count),
                    ("line", &line.first_line),
                    ("message", &line.message),
                ],
            )
        } else {
            format!("{} × {}", line.count, line.message)
        };
        let chosen = file.filter == RowFilter::Code(line.code);
        let style = match line.severity {
            crate::import::Severity::Error => text::danger,
            crate::import::Severity::Warning => text::warning,
        };
        body = body.push(
            button(text(label).size(13).style(style))
                .style(if chosen {
                    button::secondary
                } else {
                    button::text
                })
                .on_press(Message::Filter(if chosen {
                    RowFilter::All
                } else {
                    RowFilter::Code(line.code)
                })),
        );
    }
    section(s.problems, body)
}

fn find_section(file: &OpenFile) -> Element<'_, Message> {
    let s = strings();
    let columns: Vec<ColumnName> = file
        .sheet
        .header
        .names
        .iter()
        .enumerate()
        .map(|(index, name)| ColumnName(index, name.clone()))
        .collect();
    let body = column![
        pick_list(columns, file.find_column.clone(), Message::FindColumn)
            .placeholder(s.in_column)
            .width(Fill),
        text_input(s.find, &file.find).on_input(Message::FindInput),
        text_input(s.replace_with, &file.replace)
            .on_input(Message::ReplaceInput)
            .on_submit(Message::ReplaceAll),
        button(text(s.replace_all)).on_press_maybe(
            (file.find_column.is_some() && !file.find.is_empty()).then_some(Message::ReplaceAll)
        ),
    ]
    .spacing(4);
    section(s.find_replace, body)
}

fn upload_section<'a>(file: &'a OpenFile, store: Option<&'a str>) -> Element<'a, Message> {
    let s = strings();
    let Some(store) = store else {
        return section(s.upload, text(s.upload_needs_store).style(theme::muted));
    };
    let upload = &file.upload;
    let body = match (&upload.control, &upload.report) {
        (Some(control), _) => running_upload(upload, control),
        (None, Some(report)) => finished_upload(upload, report),
        (None, None) => upload_setup(file, store),
    };
    section(s.upload, body)
}

/// An upload under way: progress, each queued batch, pause and cancel.
fn running_upload<'a>(upload: &'a UploadPanel, control: &Control) -> Column<'a, Message> {
    let s = strings();
    let mut body = column![].spacing(6);
    let counts = upload
        .progress
        .as_ref()
        .map(|p| p.counts)
        .unwrap_or_default();
    let settled = counts.created + counts.refused + counts.skipped;
    body = body.push(progress_bar(
        0.0..=counts.rows.max(1) as f32,
        settled as f32,
    ));
    if let Some(progress) = &upload.progress {
        body = body.push(text(progress_line(progress)).size(13));
        for batch in &progress.batches {
            body = body.push(
                text(fill(
                    s.batch_line,
                    &[
                        ("id", &batch.batch_id),
                        ("status", &batch.status),
                        ("processed", &batch.processed),
                        ("total", &batch.total),
                    ],
                ))
                .size(12)
                .style(theme::muted),
            );
        }
    }
    let paused = control.is_paused();
    body.push(
        row![
            button(text(if paused { s.resume } else { s.pause }))
                .style(button::secondary)
                .on_press(Message::PauseUpload(!paused)),
            button(text(s.cancel))
                .style(button::danger)
                .on_press(Message::CancelUpload),
        ]
        .spacing(4),
    )
}

/// An upload that ended: what became of the rows, and sending the fixed ones.
fn finished_upload<'a>(upload: &'a UploadPanel, report: &UploadReport) -> Column<'a, Message> {
    let s = strings();
    let mut body = column![].spacing(6).push(text(fill(
        s.upload_done,
        &[
            ("created", &report.created),
            ("refused", &report.refused),
            ("skipped", &report.skipped),
            ("pending", &(report.pending + report.unknown)),
        ],
    )));
    if let Some(reason) = &upload.stopped {
        body = body.push(text(reason).style(text::danger));
    }
    if !report.complete() {
        body = body.push(text(s.fix_then_retry).size(13).style(theme::muted));
        body = body.push(button(text(s.retry_refused)).on_press(Message::StartUpload));
    }
    // Starting over would send the created rows a second time.
    body.push(text(s.upload_again_hint).size(12).style(theme::muted))
}

/// Before an upload: where it goes, what to do with invalid rows and rows sent before,
/// the request size, and Start.
fn upload_setup<'a>(file: &'a OpenFile, store: &'a str) -> Column<'a, Message> {
    let s = strings();
    let upload = &file.upload;
    let mut body = column![].spacing(6);
    if let Some(reason) = &upload.stopped {
        body = body.push(text(reason).style(text::danger));
    }
    let invalid = file.sheet.error_row_count();
    body = body
        .push(text(fill(
            s.upload_to,
            &[("store", &store), ("rows", &file.sheet.row_count())],
        )))
        .push(
            checkbox(upload.skip_invalid)
                .label(fill(s.skip_invalid, &[("count", &invalid)]))
                .on_toggle(Message::SkipInvalid),
        );
    if upload.repeats_refused {
        body = body.push(
            row![
                button(text(s.skip_sent)).on_press(Message::StartWithRepeats(Repeats::Skip)),
                button(text(s.send_again))
                    .style(button::secondary)
                    .on_press(Message::StartWithRepeats(Repeats::Send)),
            ]
            .spacing(4),
        );
    }
    body.push(
        row![
            text(s.per_request),
            text_input("100", &upload.per_request)
                .on_input(Message::PerRequest)
                .width(70),
        ]
        .spacing(4)
        .align_y(iced::Center),
    )
    .push(text(s.queue_hint).size(12).style(theme::muted))
    .push(button(text(s.start_upload)).on_press(Message::StartUpload))
}

fn progress_line(progress: &crate::upload::Progress) -> String {
    let counts = progress.counts;
    let left = progress
        .time_left
        .map(|left| format!(" · ~{} min", left.as_secs().div_ceil(60)))
        .unwrap_or_default();
    fill(
        strings().progress_line,
        &[
            ("requests", &progress.requests),
            ("created", &counts.created),
            ("refused", &counts.refused),
            (
                "pending",
                &(counts.pending + counts.queued + counts.uncertain),
            ),
            ("rate", &format!("{:.0}", progress.rows_per_minute)),
            ("left", &left),
        ],
    )
}
