//! `validate`'s report for people, in the language of the computer (`LANG`): how the
//! file was read, where each column goes, and the issues grouped by code and field with
//! the lines they are on. The JSON and CSV reports stay in English, whatever the language.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use crate::i18n::{Plain, tr, wording};
use wedocod_api::ResourceName;
use wedocod_import::EncodingSource;
use wedocod_import::Validation;
use wedocod_import::{ColumnRole, MatchedBy};
use wedocod_import::{Issue, Severity};

/// How many lines each group lists before "…".
const LINES_SHOWN: usize = 8;

pub fn print_text(
    out: &mut impl Write,
    file: &Path,
    validation: &Validation,
) -> std::io::Result<()> {
    let mapping = &validation.mapping;
    let labels = Labels::new();
    let delimiter = match validation.delimiter {
        b'\t' => tr!("delimiter-tab"),
        other => format!("\"{}\"", char::from(other)),
    };
    labels.line(out, &labels.file, &file.display().to_string())?;
    let read_as = tr!(
        "cli-read-as",
        encoding = validation.encoding.name(),
        source = source_words(validation.encoding_source),
        delimiter = delimiter,
        line = Plain(validation.header.line)
    );
    labels.line(out, &labels.read_as, &read_as)?;
    let mut mapped = Vec::new();
    let mut custom = Vec::new();
    let mut ignored = Vec::new();
    for (column, header) in mapping.headers().iter().enumerate() {
        match mapping.role(column) {
            ColumnRole::Target(target) => {
                let guessed = if mapping.matched_by(column) == Some(MatchedBy::CloseSpelling) {
                    format!(" {}", tr!("cli-close-spelling"))
                } else {
                    String::new()
                };
                mapped.push(format!("{header} → {target}{guessed}"));
            }
            ColumnRole::CustomData => custom.push(header.as_str()),
            ColumnRole::Ignored => ignored.push(header.as_str()),
        }
    }
    labels.line(out, &labels.columns, &mapped.join(", "))?;
    if !custom.is_empty() {
        let columns = custom.join(", ");
        let extra = match mapping.kind() {
            ResourceName::Leads => tr!("cli-extra-data-leads", columns = columns),
            ResourceName::Orders => tr!("cli-extra-data-orders", columns = columns),
        };
        writeln!(out, "{extra}")?;
    }
    if !ignored.is_empty() {
        labels.line(out, &labels.not_sent, &ignored.join(", "))?;
    }
    let rows = tr!(
        "cli-rows",
        rows = validation.rows,
        ready = validation.valid_rows,
        errors = validation.errors(),
        warnings = validation.warnings()
    );
    labels.line(out, &labels.rows, &rows)?;
    for severity in [Severity::Error, Severity::Warning] {
        print_group(out, validation, severity)?;
    }
    Ok(())
}

/// The issues of one severity, grouped by code and field, the most frequent first.
fn print_group(
    out: &mut impl Write,
    validation: &Validation,
    severity: Severity,
) -> std::io::Result<()> {
    let mut groups: BTreeMap<(&str, &str), Vec<&Issue>> = BTreeMap::new();
    for issue in validation
        .issues
        .iter()
        .filter(|issue| issue.severity == severity)
    {
        groups
            .entry((issue.code.as_str(), issue.field.as_str()))
            .or_default()
            .push(issue);
    }
    if groups.is_empty() {
        return Ok(());
    }
    let heading = match severity {
        Severity::Error => tr!("cli-errors"),
        Severity::Warning => tr!("cli-warnings"),
    };
    writeln!(out, "\n{heading}")?;
    let mut groups: Vec<_> = groups.into_iter().collect();
    groups.sort_by_key(|(_, issues)| std::cmp::Reverse(issues.len()));
    for ((code, field), issues) in groups {
        let Some(first) = issues.first() else {
            continue;
        };
        let mut lines: Vec<String> = issues
            .iter()
            .take(LINES_SHOWN)
            .map(|issue| issue.line.to_string())
            .collect();
        if issues.len() > LINES_SHOWN {
            lines.push("…".to_string());
        }
        let column = first.column_index.map_or(String::new(), |column| {
            format!(
                " {}",
                tr!("cli-in-column", column = validation.mapping.header(column))
            )
        });
        let field = if field.is_empty() {
            String::new()
        } else {
            format!(" ({field})")
        };
        let group = tr!(
            "cli-issue-group",
            count = issues.len(),
            what = format!("{code}{field}{column}"),
            lines = lines.join(", ")
        );
        writeln!(out, "  {group}")?;
        writeln!(out, "      {}", wording::message(&first.wording))?;
        writeln!(
            out,
            "      {}",
            tr!("cli-fix", fix = wording::fix(&first.wording))
        )?;
    }
    Ok(())
}

/// How the encoding was known, in words.
fn source_words(source: EncodingSource) -> String {
    match source {
        EncodingSource::Chosen => tr!("cli-source-chosen"),
        EncodingSource::ByteOrderMark => tr!("cli-source-bom"),
        EncodingSource::ValidUtf8 => tr!("cli-source-utf8"),
        EncodingSource::Guessed { sure: true } => tr!("cli-source-guessed-sure"),
        EncodingSource::Guessed { sure: false } => tr!("cli-source-guessed-unsure"),
        EncodingSource::Workbook => tr!("cli-source-workbook"),
    }
}

/// The labels of the report's first lines, padded to the longest so the values line up
/// in every language.
struct Labels {
    file: String,
    read_as: String,
    columns: String,
    not_sent: String,
    rows: String,
    width: usize,
}

impl Labels {
    fn new() -> Labels {
        let mut labels = Labels {
            file: tr!("cli-label-file"),
            read_as: tr!("cli-label-read-as"),
            columns: tr!("cli-label-columns"),
            not_sent: tr!("cli-label-not-sent"),
            rows: tr!("cli-label-rows"),
            width: 0,
        };
        labels.width = [
            &labels.file,
            &labels.read_as,
            &labels.columns,
            &labels.not_sent,
            &labels.rows,
        ]
        .iter()
        .map(|label| label.chars().count())
        .max()
        .unwrap_or(0);
        labels
    }

    fn line(&self, out: &mut impl Write, label: &str, value: &str) -> std::io::Result<()> {
        writeln!(out, "{label:<width$} {value}", width = self.width)
    }
}
