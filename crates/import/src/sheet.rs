//! A checked file held in memory to be fixed and uploaded: every row and cell, the
//! issues of each record, edits that re-check only their record, undo and redo, find
//! and replace in a column, error navigation, the corrected file and the error report,
//! and the create items (with the cells each value came from) for the upload engine.
//! The window's import screen and the `upload` command both work on a [`Sheet`].

use std::collections::BTreeMap;
use std::io::Write;
use std::ops::Range;

use crate::api::Dialect;
use crate::api::wire::{NewLead, NewOrder};

use super::build::{Built, ItemBuilder};
use super::catalogue::Catalogue;
use super::check::Checker;
use super::decode::{EncodingSource, decode_file};
use super::export::{ExportFormat, SafeCsvWriter, corrected_cell, start_file, write_report};
use super::file_check::{
    ValidateError, ValidateSettings, Validation, open_table, validate_decoded,
};
use super::grouping::{continues_record, group_cell};
use super::issue::{Issue, Severity};
use super::issue_code::IssueCode;
use super::mapping::{ColumnRole, Mapping};
use super::phone::PhoneRules;
use super::row_store::{RowStore, RowStoreBuilder};
use super::table::{Header, Row};
use super::target::{Field, ProductPart, Target};
use super::wording::Wording;
use super::workbook::WorkbookSource;

/// A record turned into a create item, with its errors (empty when it can be sent).
#[derive(Debug, Clone)]
pub struct Candidate<T> {
    pub built: Built<T>,
    pub line: u64,
    pub errors: Vec<Issue>,
}

/// One cell's change, kept to be undone.
#[derive(Debug, Clone, PartialEq, Eq)]
struct CellEdit {
    row: usize,
    column: usize,
    before: String,
    after: String,
}

/// Issues of one code, for the summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryLine {
    pub code: IssueCode,
    pub severity: Severity,
    /// What the first such issue says.
    pub wording: Wording,
    /// Whether the others say something else (the same problem with other values), so
    /// that the message reads as an example rather than as all of them.
    pub varied: bool,
    pub count: usize,
    pub first_line: u64,
}

/// The counts of a sheet's issues.
#[derive(Debug, Clone, Default)]
struct Tally {
    errors: usize,
    warnings: usize,
    error_rows: usize,
    summary: Vec<SummaryLine>,
}

/// Which rows to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RowFilter {
    #[default]
    All,
    /// Rows whose record has an error.
    Errors,
    /// Rows with an issue of this code.
    Code(IssueCode),
}

/// A whole file, checked, split into records, editable.
#[derive(Debug, Clone)]
pub struct Sheet {
    pub encoding: &'static encoding_rs::Encoding,
    pub encoding_source: EncodingSource,
    pub delimiter: u8,
    pub header: Header,
    pub mapping: Mapping,
    /// Set when the file is a workbook: the sheet read, the other sheets, cell names.
    pub workbook: Option<WorkbookSource>,
    rows: RowStore,
    /// The first row of each record, in file order (a record runs to the next one's).
    record_starts: Vec<u32>,
    /// The record of each row.
    record_of: Vec<u32>,
    /// Issues per record, for the records that have any (most have none).
    issues: BTreeMap<u32, Vec<Issue>>,
    /// Issues about the whole file (missing columns, a guessed encoding).
    file_issues: Vec<Issue>,
    /// What the issues add up to: the screen shows it on every frame, so it is counted
    /// once per change rather than once per frame.
    tally: Tally,
    dialect: Dialect,
    phone: PhoneRules,
    catalogue: Option<Catalogue>,
    undo: Vec<Vec<CellEdit>>,
    redo: Vec<Vec<CellEdit>>,
}

impl Sheet {
    /// Reads and checks `bytes` with `settings`. The file is decoded once; its text is
    /// checked, then read again into the flat row store and dropped.
    pub fn load(bytes: Vec<u8>, settings: &ValidateSettings) -> Result<Sheet, ValidateError> {
        Self::build(bytes, settings, |_| ()).map(|(sheet, ())| sheet)
    }

    /// [`Sheet::load`], and the check's report as `validate` prints it: one check for a
    /// command that prints the report and writes workbooks from the sheet.
    pub fn load_checked(
        bytes: Vec<u8>,
        settings: &ValidateSettings,
    ) -> Result<(Sheet, Validation), ValidateError> {
        Self::build(bytes, settings, Validation::clone)
    }

    /// Checks and splits the file; `report` keeps what it needs of the check first.
    fn build<R>(
        bytes: Vec<u8>,
        settings: &ValidateSettings,
        report: impl FnOnce(&Validation) -> R,
    ) -> Result<(Sheet, R), ValidateError> {
        let phone = PhoneRules::new(&settings.region)
            .ok_or_else(|| ValidateError::UnknownRegion(settings.region.clone()))?;
        let decoded = decode_file(bytes, settings.encoding, settings.sheet.as_deref())?;
        let validation = validate_decoded(&decoded, &phone, settings, None)?;
        let report = report(&validation);
        // The rows are read again with exactly what the validation found.
        let mut found = settings.clone();
        found.encoding = Some(validation.encoding);
        found.delimiter = Some(validation.delimiter);
        let group_column = validation.mapping.column_of(Target::GroupBy);
        let text = match String::from_utf8(decoded.text) {
            Ok(text) => text,
            // Decoding leaves UTF-8; should it not, the rows read below match this text.
            Err(error) => String::from_utf8_lossy(error.as_bytes()).into_owned(),
        };
        let mut rows = RowStoreBuilder::new(
            validation.delimiter,
            usize::try_from(validation.rows).unwrap_or(0),
            validation.header.names.len(),
        );
        let (mut reader, _, _) = open_table(text.as_bytes(), &found)?;
        let mut record_starts = Vec::new();
        let mut record_of = Vec::new();
        let mut row = Row::default();
        let mut previous = Row::default();
        while reader.next_row(&mut row)? {
            let continues = !rows.is_empty()
                && continues_record(
                    group_cell(&previous, group_column),
                    group_cell(&row, group_column),
                );
            if !continues {
                record_starts.push(row_number(rows.len()));
            }
            record_of.push(row_number(record_starts.len() - 1));
            rows.push(&text, &row, reader.row_start().unwrap_or(usize::MAX));
            std::mem::swap(&mut previous, &mut row);
        }
        drop(reader);
        let rows = rows.finish(text);
        let mut issues: BTreeMap<u32, Vec<Issue>> = BTreeMap::new();
        let mut file_issues = Vec::new();
        for issue in validation.issues {
            // An issue after the last row (an unclosed quote) goes to that row; one on the
            // header or above it is about the whole file.
            let row = (issue.line > validation.header.line)
                .then(|| rows.row_at_or_before(issue.line))
                .flatten();
            match row {
                Some(row) => issues.entry(record_of[row]).or_default().push(issue),
                None => file_issues.push(issue),
            }
        }
        let mut sheet = Sheet {
            encoding: validation.encoding,
            encoding_source: validation.encoding_source,
            delimiter: validation.delimiter,
            header: validation.header,
            mapping: validation.mapping,
            workbook: validation.workbook,
            rows,
            record_starts,
            record_of,
            issues,
            file_issues,
            dialect: settings.dialect,
            phone,
            catalogue: settings.catalogue.clone(),
            undo: Vec::new(),
            redo: Vec::new(),
            tally: Tally::default(),
        };
        sheet.retally();
        Ok((sheet, report))
    }

    pub fn row_count(&self) -> usize {
        self.rows.len()
    }

    pub fn column_count(&self) -> usize {
        self.header.names.len()
    }

    /// The file line of a row.
    pub fn line(&self, row: usize) -> u64 {
        self.rows.line(row)
    }

    /// The row on a file line.
    pub fn row_at_line(&self, line: u64) -> Option<usize> {
        self.rows.row_at_line(line)
    }

    pub fn cell(&self, row: usize, column: usize) -> &str {
        self.rows.cell(row, column)
    }

    /// The rows of a record.
    fn record_rows(&self, record: usize) -> Range<usize> {
        let start = self
            .record_starts
            .get(record)
            .map_or(0, |&row| row as usize);
        let end = self
            .record_starts
            .get(record + 1)
            .map_or(self.rows.len(), |&row| row as usize);
        start..end
    }

    fn record_issues(&self, row: usize) -> &[Issue] {
        self.record_of
            .get(row)
            .and_then(|record| self.issues.get(record))
            .map_or(&[], Vec::as_slice)
    }

    /// The records with an error, in file order.
    fn error_records(&self) -> impl Iterator<Item = usize> {
        self.issues
            .iter()
            .filter(|(_, issues)| issues.iter().any(|i| i.severity == Severity::Error))
            .map(|(&record, _)| record as usize)
    }

    /// Every issue of the records, in file order.
    fn record_issue_list(&self) -> impl Iterator<Item = &Issue> {
        self.issues.values().flatten()
    }

    /// The issues of one cell (a whole-row issue counts for every cell of its row).
    pub fn cell_issues(&self, row: usize, column: usize) -> impl Iterator<Item = &Issue> {
        let line = self.line(row);
        self.record_issues(row).iter().filter(move |issue| {
            issue.line == line && issue.column_index.is_none_or(|c| c == column)
        })
    }

    /// The worst issue of a cell.
    pub fn cell_severity(&self, row: usize, column: usize) -> Option<Severity> {
        self.cell_issues(row, column)
            .map(|issue| issue.severity)
            .max_by_key(|s| *s == Severity::Error)
    }

    /// Issues of the whole file (shown above the grid).
    pub fn file_issues(&self) -> &[Issue] {
        &self.file_issues
    }

    fn blocks_all(&self) -> bool {
        self.file_issues
            .iter()
            .any(|issue| issue.severity == Severity::Error)
    }

    /// Whether a row's record has an error.
    pub fn row_has_error(&self, row: usize) -> bool {
        self.blocks_all()
            || self
                .record_issues(row)
                .iter()
                .any(|issue| issue.severity == Severity::Error)
    }

    /// Rows kept by `filter`, in file order.
    pub fn rows_matching(&self, filter: RowFilter) -> Vec<usize> {
        match filter {
            RowFilter::All => (0..self.rows.len()).collect(),
            RowFilter::Errors if self.blocks_all() => (0..self.rows.len()).collect(),
            RowFilter::Errors => self
                .error_records()
                .flat_map(|record| self.record_rows(record))
                .collect(),
            RowFilter::Code(code) => {
                let mut rows: Vec<usize> = self
                    .record_issue_list()
                    .filter(|issue| issue.code == code)
                    .filter_map(|issue| self.row_at_line(issue.line))
                    .collect();
                rows.sort_unstable();
                rows.dedup();
                rows
            }
        }
    }

    /// Counts of errors and warnings.
    pub fn counts(&self) -> (usize, usize) {
        (self.tally.errors, self.tally.warnings)
    }

    /// Issues grouped by code, most frequent first.
    pub fn summary(&self) -> &[SummaryLine] {
        &self.tally.summary
    }

    /// How many rows belong to a record with an error (and so will not be sent).
    pub fn error_row_count(&self) -> usize {
        self.tally.error_rows
    }

    /// Adds the issues up again (after loading and after each edit).
    fn retally(&mut self) {
        let mut tally = Tally::default();
        for issue in self.file_issues.iter().chain(self.record_issue_list()) {
            match issue.severity {
                Severity::Error => tally.errors += 1,
                Severity::Warning => tally.warnings += 1,
            }
            match tally
                .summary
                .iter_mut()
                .find(|line| line.code == issue.code)
            {
                Some(line) => {
                    line.count += 1;
                    line.varied |= line.wording != issue.wording;
                    if issue.line < line.first_line {
                        line.first_line = issue.line;
                        line.wording.clone_from(&issue.wording);
                    }
                }
                None => tally.summary.push(SummaryLine {
                    code: issue.code,
                    severity: issue.severity,
                    wording: issue.wording.clone(),
                    varied: false,
                    count: 1,
                    first_line: issue.line,
                }),
            }
        }
        tally
            .summary
            .sort_by(|a, b| b.count.cmp(&a.count).then(a.first_line.cmp(&b.first_line)));
        tally.error_rows = if self.blocks_all() {
            self.rows.len()
        } else {
            self.error_records()
                .map(|record| self.record_rows(record).len())
                .sum()
        };
        self.tally = tally;
    }

    /// The next (or previous) cell with an issue after (before) `from`, wrapping around.
    pub fn next_issue(
        &self,
        from: Option<(usize, usize)>,
        forward: bool,
    ) -> Option<(usize, usize)> {
        let mut cells: Vec<(usize, usize)> = self
            .record_issue_list()
            .filter_map(|issue| {
                Some((
                    self.row_at_line(issue.line)?,
                    issue.column_index.unwrap_or(0),
                ))
            })
            .collect();
        cells.sort_unstable();
        cells.dedup();
        let found = match (from, forward) {
            (None, true) => cells.first(),
            (None, false) => cells.last(),
            (Some(from), true) => cells.iter().find(|&&cell| cell > from).or(cells.first()),
            (Some(from), false) => cells
                .iter()
                .rev()
                .find(|&&cell| cell < from)
                .or(cells.last()),
        };
        found.copied()
    }

    /// Whether a column feeds the (phone, SKU) key that spots duplicate leads.
    fn feeds_duplicate_key(&self, column: usize) -> bool {
        matches!(
            self.mapping.role(column),
            ColumnRole::Target(
                Target::Field(Field::Phone)
                    | Target::Product {
                        part: ProductPart::Sku,
                        ..
                    }
            )
        )
    }

    /// Re-checks one record (and only it). Duplicates are found across the whole file
    /// at load, so a record's duplicate warnings are kept when its phone and SKUs did not
    /// change (and dropped when they did: the record may no longer repeat another).
    fn recheck(&mut self, record: u32, keep_duplicates: bool) {
        let checker = Checker::new(
            &self.mapping,
            &self.phone,
            self.dialect,
            self.catalogue.as_ref(),
        );
        let mut issues = Vec::new();
        let mut keys = Vec::new();
        let rows = self.rows.rows(self.record_rows(record as usize));
        checker.check_record(&rows, &mut issues, &mut keys);
        if keep_duplicates && let Some(before) = self.issues.get(&record) {
            let duplicates = before.iter().filter(|i| i.code == IssueCode::DuplicateLead);
            issues.extend(duplicates.cloned());
        }
        if issues.is_empty() {
            self.issues.remove(&record);
        } else {
            self.issues.insert(record, issues);
        }
    }

    fn apply(&mut self, edits: &[CellEdit], forward: bool) {
        for edit in edits {
            let value = if forward { &edit.after } else { &edit.before };
            self.rows.set_cell(edit.row, edit.column, value);
        }
        // Each touched record once, with whether its duplicate key may have changed.
        let mut touched: BTreeMap<u32, bool> = BTreeMap::new();
        for edit in edits {
            if let Some(&record) = self.record_of.get(edit.row) {
                *touched.entry(record).or_default() |= self.feeds_duplicate_key(edit.column);
            }
        }
        for (record, key_changed) in touched {
            self.recheck(record, !key_changed);
        }
        self.retally();
    }

    /// Changes one cell and re-checks its record.
    pub fn set_cell(&mut self, row: usize, column: usize, value: &str) {
        if row >= self.rows.len()
            || column >= self.column_count()
            || self.cell(row, column) == value
        {
            return;
        }
        let edit = CellEdit {
            row,
            column,
            before: self.cell(row, column).to_string(),
            after: value.to_string(),
        };
        self.commit(vec![edit]);
    }

    /// Applies new edits as one undo step.
    fn commit(&mut self, edits: Vec<CellEdit>) {
        self.apply(&edits, true);
        self.undo.push(edits);
        self.redo.clear();
    }

    /// Replaces `find` with `replace` in every cell of `column` (in the given rows);
    /// one undo step. Returns how many cells changed.
    pub fn replace_in_column(
        &mut self,
        column: usize,
        find: &str,
        replace: &str,
        rows: &[usize],
    ) -> usize {
        if find.is_empty() {
            return 0;
        }
        let edits: Vec<CellEdit> = rows
            .iter()
            .filter_map(|&row| {
                let before = self.cell(row, column);
                before.contains(find).then(|| CellEdit {
                    row,
                    column,
                    before: before.to_string(),
                    after: before.replace(find, replace),
                })
            })
            .collect();
        let count = edits.len();
        if count > 0 {
            self.commit(edits);
        }
        count
    }

    /// Undoes the last edit; returns the first cell it touched.
    pub fn undo(&mut self) -> Option<(usize, usize)> {
        let edits = self.undo.pop()?;
        self.apply(&edits, false);
        let cell = edits.first().map(|edit| (edit.row, edit.column));
        self.redo.push(edits);
        cell
    }

    /// Redoes the last undone edit.
    pub fn redo(&mut self) -> Option<(usize, usize)> {
        let edits = self.redo.pop()?;
        self.apply(&edits, true);
        let cell = edits.first().map(|edit| (edit.row, edit.column));
        self.undo.push(edits);
        cell
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Writes the file as the merchant fixed it, with the corrections `validate --fixed`
    /// makes (phones in international form, amounts with a point), formulas neutralised.
    pub fn write_corrected(&self, output: impl Write, format: ExportFormat) -> std::io::Result<()> {
        let mut output = output;
        start_file(&mut output, format)?;
        let mut writer = SafeCsvWriter::new(output, format);
        writer.write_row(self.header.names.iter().map(String::as_str))?;
        for row in 0..self.rows.len() {
            // The same corrections as `validate --fixed`: phones in international form,
            // amounts with a decimal point, whole numbers plain.
            let cells: Vec<std::borrow::Cow<'_, str>> = self
                .rows
                .raw_cells(row)
                .enumerate()
                .map(|(column, cell)| corrected_cell(&self.mapping, &self.phone, column, cell))
                .collect();
            writer.write_row(cells.iter().map(|cell| cell.as_ref()))?;
        }
        writer.finish()?.flush()
    }

    /// Writes every issue, one line each.
    pub fn write_report(&self, output: impl Write, format: ExportFormat) -> std::io::Result<()> {
        let issues: Vec<Issue> = self
            .file_issues
            .iter()
            .chain(self.record_issue_list())
            .cloned()
            .collect();
        write_report(output, format, &issues, &self.mapping)?.flush()
    }

    fn candidates<T>(
        &self,
        build: impl Fn(&ItemBuilder<'_>, &[Row]) -> Built<T>,
    ) -> Vec<Candidate<T>> {
        let builder = ItemBuilder::new(&self.mapping, &self.phone, self.dialect);
        let file_errors: Vec<&Issue> = self
            .file_issues
            .iter()
            .filter(|issue| issue.severity == Severity::Error)
            .collect();
        (0..self.record_starts.len())
            .map(|record| {
                let rows = self.rows.rows(self.record_rows(record));
                let issues = self.issues.get(&row_number(record));
                Candidate {
                    built: build(&builder, &rows),
                    line: rows.first().map_or(0, |row| row.line),
                    errors: file_errors
                        .iter()
                        .copied()
                        .chain(
                            issues
                                .into_iter()
                                .flatten()
                                .filter(|issue| issue.severity == Severity::Error),
                        )
                        .cloned()
                        .collect(),
                }
            })
            .collect()
    }

    /// Every record as a lead.
    pub fn leads(&self) -> Vec<Candidate<NewLead>> {
        self.candidates(|builder, rows| builder.lead(rows))
    }

    /// Every record as an order.
    pub fn orders(&self) -> Vec<Candidate<NewOrder>> {
        self.candidates(|builder, rows| builder.order(rows))
    }
}

/// A row or record index as the sheet stores it (no file has 4 billion rows; one that
/// did would share the last number rather than stop the program).
fn row_number(index: usize) -> u32 {
    u32::try_from(index).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::ResourceName;

    const FILE: &str = "full_name,phone,city,address,sku,quantity,total\n\
                        Amina Alaoui,0612345678,Rabat,12 Rue Ibn Sina,ARG-100,2,298\n\
                        Omar Fassi,06123,Fès,3 Avenue Hassan II,ARG-100,1,149\n";

    const CSV: ExportFormat = ExportFormat {
        bom: false,
        delimiter: b',',
    };

    fn sheet() -> Sheet {
        Sheet::load(
            FILE.as_bytes().to_vec(),
            &ValidateSettings::new(ResourceName::Leads),
        )
        .unwrap()
    }

    #[test]
    fn records_carry_their_items_and_errors() {
        let sheet = sheet();
        let leads = sheet.leads();
        assert_eq!(leads.len(), 2);
        assert_eq!((leads[0].line, leads[1].line), (2, 3));
        assert!(leads[0].errors.is_empty());
        assert!(!leads[1].errors.is_empty(), "a bad phone is an error");
        assert_eq!(sheet.cell_severity(1, 1), Some(Severity::Error));
        assert_eq!(sheet.cell_severity(0, 1), None);
        assert_eq!(sheet.rows_matching(RowFilter::Errors), [1]);
        assert_eq!(sheet.error_row_count(), 1);
        assert_eq!(sheet.counts().0, sheet.summary()[0].count);
        assert_eq!(sheet.next_issue(None, true), Some((1, 1)));
    }

    #[test]
    fn a_summary_line_says_when_its_problems_differ() {
        let file = "full_name,phone,city,address,sku,quantity,total\n\
                    Amina Alaoui,06123,Rabat,12 Rue Ibn Sina,ARG-100,2,298\n\
                    Omar Fassi,0698,Fès,3 Avenue Hassan II,ARG-100,1,149\n\
                    Sara Tazi,0698,Fès,3 Avenue Hassan II,ARG-100,1,149\n";
        let sheet = Sheet::load(
            file.as_bytes().to_vec(),
            &ValidateSettings::new(ResourceName::Leads),
        )
        .unwrap();
        let phones = &sheet.summary()[0];
        assert_eq!((phones.count, phones.first_line), (3, 2));
        assert!(phones.varied, "06123 and 0698 are two values");
        let message = phones.wording.message();
        assert!(message.contains("06123"), "{message}");
    }

    #[test]
    fn a_duplicate_warning_outlives_edits_that_keep_phone_and_sku() {
        let file = "full_name,phone,city,address,sku,quantity,total\n\
                    Omar Fassi,0698765432,Fès,3 Avenue Hassan II,ARG-100,1,149\n\
                    Omar Fassi,0698765432,Fes,3 Avenue Hassan II,ARG-100,1,149\n";
        let mut sheet = Sheet::load(
            file.as_bytes().to_vec(),
            &ValidateSettings::new(ResourceName::Leads),
        )
        .unwrap();
        let duplicate = |sheet: &Sheet| {
            sheet
                .summary()
                .iter()
                .any(|line| line.code == IssueCode::DuplicateLead)
        };
        assert!(duplicate(&sheet));
        sheet.set_cell(1, 2, "Fès");
        assert!(duplicate(&sheet), "a city edit leaves the repeat as it was");
        sheet.set_cell(1, 1, "0612345678");
        assert!(!duplicate(&sheet), "another phone is not a repeat");
    }

    #[test]
    fn an_edit_rechecks_its_row_and_can_be_undone() {
        let mut sheet = sheet();
        sheet.set_cell(1, 1, "0612345679");
        assert_eq!(sheet.cell_severity(1, 1), None);
        assert!(sheet.rows_matching(RowFilter::Errors).is_empty());
        assert_eq!((sheet.error_row_count(), sheet.counts().0), (0, 0));
        assert_eq!(sheet.undo(), Some((1, 1)));
        assert_eq!(sheet.cell(1, 1), "06123");
        assert!(sheet.row_has_error(1));
        assert_eq!(sheet.redo(), Some((1, 1)));
        assert!(!sheet.row_has_error(1));
    }

    #[test]
    fn replace_in_a_column_is_one_undo_step() {
        let mut sheet = sheet();
        let all = sheet.rows_matching(RowFilter::All);
        assert_eq!(sheet.replace_in_column(4, "ARG", "SAV", &all), 2);
        assert_eq!(sheet.cell(0, 4), "SAV-100");
        sheet.undo();
        assert_eq!((sheet.cell(0, 4), sheet.cell(1, 4)), ("ARG-100", "ARG-100"));
    }

    #[test]
    fn exports_neutralise_formulas_and_keep_phones() {
        let mut sheet = sheet();
        sheet.set_cell(0, 2, "=HYPERLINK(\"x\")");
        sheet.set_cell(0, 1, "+212612345678");
        let mut out = Vec::new();
        sheet.write_corrected(&mut out, CSV).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("'=HYPERLINK"));
        assert!(text.contains(",+212612345678,"));
        let mut report = Vec::new();
        sheet.write_report(&mut report, CSV).unwrap();
        assert!(String::from_utf8(report).unwrap().lines().count() >= 2);
    }
}
