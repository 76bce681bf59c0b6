//! A whole file checked on every core. Each worker takes the next batch of records from
//! the shared reader (never splitting an item across two batches), turns it into text
//! and checks it while another worker reads; the calling thread puts the results back
//! in file order: it counts rows, gathers the duplicate keys and writes the corrected
//! file. The phone metadata loads while the file is read. Memory stays near the file's
//! size: records live only while their batch is checked, and their buffers are reused.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;
use std::sync::Mutex;
use std::sync::mpsc::{Receiver, Sender, channel};

use encoding_rs::Encoding;

use crate::api::profile::Dialect;
use crate::api::scope::ResourceName;

use super::catalogue::Catalogue;
use super::check::Checker;
use super::decode::{Decoded, EncodingSource, decode_file};
use super::duplicates::{DuplicateFinder, duplicate_issue};
use super::error::ReadError;
use super::export::{ExportFormat, SafeCsvWriter, corrected_cell, start_file};
use super::grouping::{continues_record, raw_group_cell, record_ranges};
use super::issue::{Issue, Severity};
use super::mapping::{Mapping, MappingError};
use super::phone::PhoneRules;
use super::remembered::RememberedMappings;
use super::rule_check::Finding;
use super::sniff::sniff_delimiter;
use super::table::{Header, RawRow, Row, TableReader};
use super::target::{Field, Target};
use super::wording::Wording;
use super::workbook::WorkbookSource;

/// Rows per batch: large enough to amortise the hand-offs, small enough to stay in cache.
const BATCH_ROWS: usize = 2048;

/// What to check and how to read the file.
#[derive(Debug, Clone)]
pub struct ValidateSettings {
    pub kind: ResourceName,
    pub dialect: Dialect,
    /// `None`: BOM, then strict UTF-8, then a guess.
    pub encoding: Option<&'static Encoding>,
    /// `None`: sniffed.
    pub delimiter: Option<u8>,
    /// The merchant's `--map` choices; when empty, the remembered ones are used.
    pub explicit: Vec<(Target, String)>,
    pub remembered: RememberedMappings,
    /// ISO region of the phone numbers (`MA`).
    pub region: String,
    pub catalogue: Option<Catalogue>,
    /// `is_fees_paid_by_customer` for orders when the file has no such column.
    pub fees_paid_by_customer: Option<bool>,
    /// Worker threads (at least 1).
    pub threads: usize,
    /// The sheet of a workbook to read (a name or a number from 1); `None`: the first that
    /// holds a table. Ignored for CSV files.
    pub sheet: Option<String>,
}

impl ValidateSettings {
    /// The usual settings: v2 rules, encoding and delimiter detected, remembered mappings
    /// ignored, Moroccan phones, no catalogue, one thread per core.
    pub fn new(kind: ResourceName) -> Self {
        ValidateSettings {
            kind,
            dialect: Dialect::V2,
            encoding: None,
            delimiter: None,
            explicit: Vec::new(),
            remembered: RememberedMappings::default(),
            region: crate::phone::DEFAULT_PHONE_REGION.to_string(),
            catalogue: None,
            fees_paid_by_customer: None,
            threads: std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get),
            sheet: None,
        }
    }
}

/// Why a validation could not run.
#[derive(Debug, thiserror::Error)]
pub enum ValidateError {
    #[error(transparent)]
    Read(#[from] ReadError),
    #[error(transparent)]
    Mapping(#[from] MappingError),
    #[error("unknown phone region \"{0}\": use a two-letter country code such as MA")]
    UnknownRegion(String),
    #[error("cannot write the corrected file: {0}")]
    Write(#[source] std::io::Error),
}

/// The outcome of checking a whole file.
#[derive(Debug, Clone)]
pub struct Validation {
    pub encoding: &'static Encoding,
    pub encoding_source: EncodingSource,
    pub delimiter: u8,
    pub header: Header,
    pub mapping: Mapping,
    /// Data rows (blank lines not counted).
    pub rows: u64,
    /// Rows whose item has no error.
    pub valid_rows: u64,
    /// Sorted by line, then column.
    pub issues: Vec<Issue>,
    /// Set when the file is a workbook: the sheet read, for naming cells (`B7`).
    pub workbook: Option<WorkbookSource>,
}

impl Validation {
    pub fn errors(&self) -> usize {
        self.count(Severity::Error)
    }

    pub fn warnings(&self) -> usize {
        self.count(Severity::Warning)
    }

    fn count(&self, severity: Severity) -> usize {
        self.issues
            .iter()
            .filter(|issue| issue.severity == severity)
            .count()
    }
}

/// Where to write the corrected file, if wanted.
pub struct CorrectedOutput<'w> {
    pub writer: &'w mut (dyn Write + Send),
    pub format: ExportFormat,
}

/// One record's results, as the ordered pass needs them.
struct RecordOutcome {
    line: u64,
    rows: u64,
    has_error: bool,
    keys: std::ops::Range<usize>,
    /// The record's phone as international digits, when valid.
    phone: u64,
}

/// A checked batch.
struct BatchOutcome {
    index: usize,
    records: Vec<RecordOutcome>,
    issues: Vec<Issue>,
    keys: Vec<u64>,
    corrected: Vec<u8>,
}

/// Checks a file's bytes.
pub fn validate_bytes(
    bytes: Vec<u8>,
    settings: &ValidateSettings,
    corrected: Option<CorrectedOutput<'_>>,
) -> Result<Validation, ValidateError> {
    validate_loaded(|| Ok(bytes), settings, corrected)
}

/// Reads and checks a file.
pub fn validate_file(
    path: &Path,
    settings: &ValidateSettings,
    corrected: Option<CorrectedOutput<'_>>,
) -> Result<Validation, ValidateError> {
    let read = || {
        std::fs::read(path).map_err(|source| ReadError::Io {
            path: path.to_path_buf(),
            source,
        })
    };
    validate_loaded(read, settings, corrected)
}

fn validate_loaded(
    load: impl FnOnce() -> Result<Vec<u8>, ReadError>,
    settings: &ValidateSettings,
    corrected: Option<CorrectedOutput<'_>>,
) -> Result<Validation, ValidateError> {
    // Loading the phone metadata is the phonenumber crate's slow first call: it overlaps
    // with reading and decoding the file instead of delaying them.
    let (phone, decoded) = std::thread::scope(|scope| {
        let phone = scope.spawn(|| PhoneRules::new(&settings.region));
        let decoded = load()
            .and_then(|bytes| decode_file(bytes, settings.encoding, settings.sheet.as_deref()));
        (phone.join().ok().flatten(), decoded)
    });
    let phone = phone.ok_or_else(|| ValidateError::UnknownRegion(settings.region.clone()))?;
    validate_decoded(&decoded?, &phone, settings, corrected)
}

/// Checks a file already decoded to text (the window keeps the text to read its rows).
pub fn validate_decoded(
    decoded: &Decoded,
    phone: &PhoneRules,
    settings: &ValidateSettings,
    corrected: Option<CorrectedOutput<'_>>,
) -> Result<Validation, ValidateError> {
    let &Decoded {
        ref text,
        encoding,
        source,
        ref workbook,
    } = decoded;
    // A workbook's sheet is written as `,`-separated CSV: nothing to sniff.
    let workbook_settings;
    let settings = match workbook {
        Some(_) => {
            workbook_settings = ValidateSettings {
                delimiter: Some(b','),
                ..settings.clone()
            };
            &workbook_settings
        }
        None => settings,
    };
    let (reader, mapping, delimiter) = open_table(text, settings)?;
    let header = reader.header().clone();
    let checker = Checker::new(
        &mapping,
        phone,
        settings.dialect,
        settings.catalogue.as_ref(),
    );

    let mut issues = Vec::new();
    if source == (EncodingSource::Guessed { sure: false }) {
        issues.push(encoding_warning(encoding));
    }
    let column_issues = checker.check_columns(header.line);
    let columns_ok = !column_issues
        .iter()
        .any(|issue| issue.severity == Severity::Error);
    issues.extend(column_issues);

    let mut corrected = corrected;
    let export_format = corrected.as_ref().map(|output| output.format);
    if let Some(output) = corrected.as_mut() {
        start_file(&mut output.writer, output.format).map_err(ValidateError::Write)?;
        let mut writer = SafeCsvWriter::new(Vec::new(), output.format);
        writer
            .write_row(header.names.iter().map(String::as_str))
            .map_err(ValidateError::Write)?;
        let head = writer.finish().map_err(ValidateError::Write)?;
        output
            .writer
            .write_all(&head)
            .map_err(ValidateError::Write)?;
    }

    let group_column = mapping.column_of(Target::GroupBy);
    let phone_column = mapping.field_column(Field::Phone);
    let threads = settings.threads.max(1);
    let mut totals = Totals::default();
    let mut duplicates = DuplicateFinder::with_capacity(estimated_rows(text, header.line));

    // One vectorised pass over the whole file spares a search in every row.
    let file_has_nul = memchr::memchr(0, text).is_some();
    let batches = Mutex::new(BatchSource {
        reader,
        group_column,
        carry: None,
        next_index: 0,
        finished: false,
        error: None,
    });
    let pipeline = std::thread::scope(|scope| -> Result<(), ValidateError> {
        let (done_tx, done_rx) = channel::<BatchOutcome>();
        for _ in 0..threads {
            let done_tx = done_tx.clone();
            let mapping = &mapping;
            let batches = &batches;
            // Each worker owns its phone patterns: a shared regex serves one thread fast
            // and makes the others queue for scratch space.
            let phone = phone.clone();
            let catalogue = settings.catalogue.as_ref();
            scope.spawn(move || {
                let checker = Checker::new(mapping, &phone, settings.dialect, catalogue)
                    .with_nul_search(file_has_nul);
                let export = export_format.map(|format| (mapping, &phone, format));
                check_batches(batches, &checker, group_column, export, &done_tx);
            });
        }
        drop(done_tx);
        totals.collect(done_rx, &mut duplicates, &mut issues, corrected.as_mut())
    });
    pipeline?;
    let batches = batches.into_inner().map_err(|_| ReadError::Csv {
        line: 0,
        message: "a checking thread stopped while reading".to_string(),
    })?;
    if let Some(error) = batches.error {
        return Err(error.into());
    }
    let unclosed_quote = batches.reader.unclosed_quote_line();
    if totals.rows == 0 {
        return Err(ReadError::HeaderOnly {
            header_line: header.line,
        }
        .into());
    }
    if let Some(line) = unclosed_quote {
        issues.push(unclosed_quote_issue(line));
        totals.invalidate_last_record(line);
    }
    if let Some(output) = corrected.as_mut() {
        output.writer.flush().map_err(ValidateError::Write)?;
    }
    issues.extend(
        duplicates
            .duplicates()
            .iter()
            .map(|duplicate| duplicate_issue(duplicate, phone_column)),
    );
    issues.sort_by_key(|issue| {
        (
            issue.line,
            issue.column_index.map_or(0, |column| column + 1),
        )
    });
    Ok(Validation {
        encoding,
        encoding_source: source,
        delimiter,
        header,
        mapping,
        rows: totals.rows,
        valid_rows: if columns_ok { totals.valid_rows } else { 0 },
        issues,
        workbook: workbook.clone(),
    })
}

/// Finds the delimiter, the header and the mapping of a decoded file: the rows are
/// then read from the returned reader.
pub fn open_table<'t>(
    text: &'t [u8],
    settings: &ValidateSettings,
) -> Result<(TableReader<'t>, Mapping, u8), ValidateError> {
    let delimiter = settings.delimiter.unwrap_or_else(|| sniff_delimiter(text));
    let kind = settings.kind;
    let reader = TableReader::new(text, delimiter, |record| {
        Mapping::known_header_count(record.iter(), kind)
    })?;
    let names = &reader.header().names;
    let explicit = if settings.explicit.is_empty() {
        settings.remembered.choices_for(names, kind)
    } else {
        settings.explicit.clone()
    };
    let mut mapping = Mapping::infer(names, kind, &explicit)?;
    mapping.set_fees_paid_default(settings.fees_paid_by_customer);
    Ok((reader, mapping, delimiter))
}

/// A guess of the number of rows from the size of the first lines, so the duplicate
/// keys are stored once instead of growing (and briefly doubling) a dozen times.
fn estimated_rows(text: &[u8], header_line: u64) -> usize {
    const SAMPLE: usize = 64 * 1024;
    let sample = text.get(..SAMPLE).unwrap_or(text);
    let lines = memchr::memchr_iter(b'\n', sample).count().max(1);
    let rows = text.len() / (sample.len() / lines).max(1);
    rows.saturating_sub(usize::try_from(header_line).unwrap_or(0))
}

/// The reader, shared by the workers: each takes the next batch under the lock.
struct BatchSource<'t> {
    reader: TableReader<'t>,
    group_column: Option<usize>,
    /// The first record of the next batch, read while closing the previous one.
    carry: Option<RawRow>,
    next_index: usize,
    finished: bool,
    /// Why reading stopped early.
    error: Option<ReadError>,
}

impl BatchSource<'_> {
    /// Reads the next batch into `buffers` (reusing the records there), ending it on an
    /// item boundary; returns its index and length, `None` at the end or on an error.
    fn fill(&mut self, buffers: &mut Vec<RawRow>) -> Option<(usize, usize)> {
        if self.finished {
            return None;
        }
        let mut len = 0;
        if let Some(carried) = self.carry.take() {
            place(buffers, 0, carried);
            len = 1;
        }
        loop {
            if buffers.len() <= len {
                buffers.push(RawRow::default());
            }
            let Some(slot) = buffers.get_mut(len) else {
                break;
            };
            match self.reader.next_raw(slot) {
                Ok(true) => {}
                Ok(false) => {
                    self.finished = true;
                    break;
                }
                Err(error) => {
                    self.error = Some(error);
                    self.finished = true;
                    return None;
                }
            }
            let (before, after) = buffers.split_at_mut(len);
            let (Some(last), Some(new)) = (before.last(), after.first_mut()) else {
                len += 1;
                continue;
            };
            let same_item = continues_record(
                raw_group_cell(last, self.group_column),
                raw_group_cell(new, self.group_column),
            );
            if len >= BATCH_ROWS && !same_item {
                self.carry = Some(std::mem::take(new));
                break;
            }
            len += 1;
        }
        if len == 0 {
            return None;
        }
        let index = self.next_index;
        self.next_index += 1;
        Some((index, len))
    }
}

/// Puts `row` at `index` of `buffers`, keeping the record that was there for reuse.
fn place(buffers: &mut Vec<RawRow>, index: usize, row: RawRow) {
    match buffers.get_mut(index) {
        Some(slot) => *slot = row,
        None => buffers.push(row),
    }
}

/// One worker: whichever worker is free reads the next batch (the lock is held only
/// while reading), then checks it while the other reads.
fn check_batches(
    batches: &Mutex<BatchSource<'_>>,
    checker: &Checker<'_>,
    group_column: Option<usize>,
    export: Option<(&Mapping, &PhoneRules, ExportFormat)>,
    done: &Sender<BatchOutcome>,
) {
    let mut buffers: Vec<RawRow> = Vec::with_capacity(BATCH_ROWS + 1);
    let mut rows: Vec<Row> = Vec::with_capacity(BATCH_ROWS + 1);
    while let Some((index, len)) = batches
        .lock()
        .ok()
        .and_then(|mut batches| batches.fill(&mut buffers))
    {
        let live = len.min(buffers.len());
        rows.extend(buffers.drain(..live).map(RawRow::into_row));
        let outcome = check_batch(checker, index, &rows, group_column, export);
        buffers.extend(rows.drain(..).map(Row::into_raw));
        if done.send(outcome).is_err() {
            break;
        }
    }
}

/// Checks every record of a batch (and writes its corrected rows when asked).
fn check_batch(
    checker: &Checker<'_>,
    index: usize,
    rows: &[Row],
    group_column: Option<usize>,
    export: Option<(&Mapping, &PhoneRules, ExportFormat)>,
) -> BatchOutcome {
    let mut outcome = BatchOutcome {
        index,
        records: Vec::with_capacity(rows.len()),
        issues: Vec::new(),
        keys: Vec::new(),
        corrected: Vec::new(),
    };
    for range in record_ranges(rows, group_column) {
        let record = rows.get(range).unwrap_or(&[]);
        let issues_before = outcome.issues.len();
        let keys_before = outcome.keys.len();
        let phone = checker.check_record(record, &mut outcome.issues, &mut outcome.keys);
        let has_error = outcome
            .issues
            .get(issues_before..)
            .is_some_and(|found| found.iter().any(|issue| issue.severity == Severity::Error));
        outcome.records.push(RecordOutcome {
            line: record.first().map_or(0, |row| row.line),
            rows: record.len() as u64,
            has_error,
            keys: keys_before..outcome.keys.len(),
            phone: phone.unwrap_or(0),
        });
    }
    if let Some((mapping, phone, format)) = export {
        let mut writer = SafeCsvWriter::new(Vec::new(), format);
        for row in rows {
            let cells: Vec<std::borrow::Cow<'_, str>> = row
                .cells
                .iter()
                .enumerate()
                .map(|(column, cell)| corrected_cell(mapping, phone, column, cell))
                .collect();
            if writer
                .write_row(cells.iter().map(|cell| cell.as_ref()))
                .is_err()
            {
                break;
            }
        }
        outcome.corrected = writer.finish().unwrap_or_default();
    }
    outcome
}

/// Counts kept by the ordered pass.
#[derive(Default)]
struct Totals {
    rows: u64,
    valid_rows: u64,
    /// (first line, rows, valid) of the last record seen.
    last_record: Option<(u64, u64, bool)>,
}

impl Totals {
    /// Takes the checked batches in file order, whatever order they finish in.
    fn collect(
        &mut self,
        done: Receiver<BatchOutcome>,
        duplicates: &mut DuplicateFinder,
        issues: &mut Vec<Issue>,
        mut corrected: Option<&mut CorrectedOutput<'_>>,
    ) -> Result<(), ValidateError> {
        let mut pending: BTreeMap<usize, BatchOutcome> = BTreeMap::new();
        let mut next = 0;
        for outcome in done {
            pending.insert(outcome.index, outcome);
            while let Some(outcome) = pending.remove(&next) {
                next += 1;
                self.absorb(outcome, duplicates, issues, corrected.as_deref_mut())?;
            }
        }
        // A batch never checked means a checking thread died: say so rather than
        // report a file with rows missing.
        if !pending.is_empty() {
            return Err(ReadError::Csv {
                line: 0,
                message: "a checking thread stopped".to_string(),
            }
            .into());
        }
        Ok(())
    }

    fn absorb(
        &mut self,
        outcome: BatchOutcome,
        duplicates: &mut DuplicateFinder,
        issues: &mut Vec<Issue>,
        corrected: Option<&mut CorrectedOutput<'_>>,
    ) -> Result<(), ValidateError> {
        for record in &outcome.records {
            self.rows += record.rows;
            if !record.has_error {
                self.valid_rows += record.rows;
            }
            self.last_record = Some((record.line, record.rows, !record.has_error));
            for key in outcome.keys.get(record.keys.clone()).unwrap_or(&[]) {
                duplicates.add(*key, record.line, record.phone);
            }
        }
        issues.extend(outcome.issues);
        if let Some(output) = corrected {
            output
                .writer
                .write_all(&outcome.corrected)
                .map_err(ValidateError::Write)?;
        }
        Ok(())
    }

    /// The record that swallowed the rest of the file cannot be sent.
    fn invalidate_last_record(&mut self, line: u64) {
        if let Some((first_line, rows, true)) = self.last_record
            && first_line <= line
        {
            self.valid_rows = self.valid_rows.saturating_sub(rows);
        }
    }
}

fn encoding_warning(encoding: &'static Encoding) -> Issue {
    Finding::warning(Wording::EncodingGuessed {
        encoding: encoding.name().to_string(),
    })
    .at(1, None, String::new(), "")
}

fn unclosed_quote_issue(line: u64) -> Issue {
    Finding::error(Wording::UnclosedQuote { line }).at(line, None, String::new(), "")
}
