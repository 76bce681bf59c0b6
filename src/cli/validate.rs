//! `wedocod-console validate FILE --kind leads|orders`: checks a CSV file offline and
//! says, line by line, what the server would refuse. Exit 0: no errors (warnings
//! allowed); 1: some rows have errors; 2: the file cannot be read or the arguments are
//! wrong.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use serde::Serialize;

use crate::i18n::read_error;
use wedocod_api::profile::Dialect;
use wedocod_api::scope::ResourceName;
use wedocod_core::paths;
use wedocod_import::Catalogue;
use wedocod_import::RememberedMappings;
use wedocod_import::Severity;
use wedocod_import::Sheet;
use wedocod_import::encoding_by_label;
use wedocod_import::output_file;
use wedocod_import::parse_map_argument;
use wedocod_import::parse_yes_no;
use wedocod_import::{CorrectedOutput, ValidateSettings, Validation, validate_file};
use wedocod_import::{ExportFormat, write_report};
use wedocod_import::{WorkbookContent, write_workbook};

use super::validate_text::print_text;

/// How to read and check a CSV file or a workbook: shared by `validate` and `upload`.
#[derive(Debug, Args)]
pub struct FileArgs {
    /// The CSV file, or an Excel or LibreOffice workbook (.xlsx, .xlsm, .xls, .ods).
    pub file: PathBuf,
    /// The workbook's sheet: its name or its number from 1 (default: the first that holds
    /// a table: a header and a row).
    #[arg(long, value_name = "NAME|N")]
    pub sheet: Option<String>,
    /// What the file holds.
    #[arg(long, value_enum)]
    pub kind: KindArg,
    /// The file's encoding (utf-8, windows-1252, windows-1256…); guessed when absent.
    #[arg(long)]
    pub encoding: Option<String>,
    /// The cell separator: `,` `;` `tab` `|`; sniffed when absent.
    #[arg(long)]
    pub delimiter: Option<String>,
    /// Column choices, `field=Column header`, comma-separated (`--map phone=Tel,sku=Ref`).
    /// Remembered for files with the same headers.
    #[arg(long = "map")]
    pub map: Vec<String>,
    /// Country of the phone numbers (ISO code).
    #[arg(long, default_value = wedocod_import::DEFAULT_PHONE_REGION)]
    pub region: String,
    /// API generation whose rules apply.
    #[arg(long, value_enum, default_value = "v2")]
    pub dialect: DialectArg,
    /// Your SKUs (one per line, or a CSV with a `sku` column): unknown SKUs become errors.
    #[arg(long, value_name = "FILE")]
    pub skus: Option<PathBuf>,
    /// For orders without an `is_fees_paid_by_customer` column: the answer for every row.
    #[arg(long, value_name = "yes|no")]
    pub fees_paid_by_customer: Option<String>,
    /// Checking threads (default: one per core).
    #[arg(long)]
    pub threads: Option<usize>,
}

/// Arguments of `validate`.
#[derive(Debug, Args)]
pub struct ValidateArgs {
    #[command(flatten)]
    pub file: FileArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: OutputFormat,
    /// Write the corrected file here (an Excel workbook when the name ends in `.xlsx`).
    #[arg(long)]
    pub fixed: Option<PathBuf>,
    /// Write the error report here: CSV, or an Excel workbook with every bad cell marked
    /// when the name ends in `.xlsx`.
    #[arg(long)]
    pub report: Option<PathBuf>,
    /// Write exported files for Excel: UTF-8 with a BOM and `;` between cells.
    #[arg(long)]
    pub excel: bool,
    /// Overwrite the `--fixed` and `--report` files when they already exist.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    Leads,
    Orders,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DialectArg {
    V2,
    V1,
}

impl From<KindArg> for ResourceName {
    fn from(kind: KindArg) -> Self {
        match kind {
            KindArg::Leads => ResourceName::Leads,
            KindArg::Orders => ResourceName::Orders,
        }
    }
}

impl From<DialectArg> for Dialect {
    fn from(dialect: DialectArg) -> Self {
        match dialect {
            DialectArg::V2 => Dialect::V2,
            DialectArg::V1 => Dialect::V1,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Text,
    Json,
    Csv,
}

/// Runs the command.
pub fn run(args: ValidateArgs) -> ExitCode {
    match validate(&args) {
        Ok(validation) => {
            if let Err(error) = print(&args, &validation) {
                eprintln!("error: cannot print the result: {error}");
                return ExitCode::from(2);
            }
            if validation.errors() > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(message) => {
            super::say_error(&message);
            ExitCode::from(2)
        }
    }
}

/// Where mappings chosen with `--map` are remembered.
fn remembered_path() -> PathBuf {
    paths::config_dir().join("mappings.toml")
}

impl FileArgs {
    pub fn dialect(&self) -> Dialect {
        self.dialect.into()
    }

    /// The checker's settings and the kind of records, from the arguments.
    pub fn settings(&self) -> Result<(ValidateSettings, ResourceName), String> {
        let kind = ResourceName::from(self.kind);
        let encoding = self
            .encoding
            .as_deref()
            .map(encoding_by_label)
            .transpose()
            .map_err(|error| read_error::describe(&error.into()))?;
        let delimiter = self.delimiter.as_deref().map(parse_delimiter).transpose()?;
        let mut explicit = Vec::new();
        for argument in &self.map {
            explicit.extend(
                parse_map_argument(argument, kind)
                    .map_err(|error| read_error::describe(&error.into()))?,
            );
        }
        let fees_paid_by_customer = self
            .fees_paid_by_customer
            .as_deref()
            .map(|answer| {
                parse_yes_no(answer)
                    .ok_or_else(|| format!("--fees-paid-by-customer \"{answer}\": use yes or no"))
            })
            .transpose()?;
        let mut settings = ValidateSettings::new(kind);
        settings.dialect = self.dialect();
        settings.encoding = encoding;
        settings.delimiter = delimiter;
        settings.explicit = explicit;
        settings.remembered = RememberedMappings::load(&remembered_path());
        settings.region = self.region.clone();
        settings.fees_paid_by_customer = fees_paid_by_customer;
        settings.sheet = self.sheet.clone();
        if let Some(path) = &self.skus {
            let bytes = std::fs::read(path)
                .map_err(|error| format!("cannot read {}: {error}", path.display()))?;
            let catalogue = Catalogue::from_file_bytes(bytes, true)
                .map_err(|error| format!("{}: {error}", path.display()))?;
            settings.catalogue = Some(catalogue);
        }
        if let Some(threads) = self.threads {
            settings.threads = threads;
        }
        Ok((settings, kind))
    }
}

fn validate(args: &ValidateArgs) -> Result<Validation, String> {
    let mut created = Vec::new();
    let validation = check_and_write(args, &mut created);
    if validation.is_err() {
        // Files this run created, empty or half written: running it again must not meet
        // them as existing files.
        for path in created {
            let _ = std::fs::remove_file(path);
        }
    }
    validation
}

/// Whether an output path asks for an Excel workbook rather than CSV.
fn is_xlsx(path: &Path) -> bool {
    path.extension()
        .is_some_and(|extension| extension.eq_ignore_ascii_case("xlsx"))
}

/// The files `--fixed` and `--report` name, opened.
struct Outputs<'p> {
    fixed: Option<(&'p Path, BufWriter<File>)>,
    report: Option<(&'p Path, BufWriter<File>)>,
    format: ExportFormat,
}

impl Outputs<'_> {
    fn any_workbook(&self) -> bool {
        [&self.fixed, &self.report]
            .into_iter()
            .flatten()
            .any(|(path, _)| is_xlsx(path))
    }

    /// CSV outputs only: the corrected file streams while the check runs, the report is
    /// written from its issues.
    fn written_while_checking(
        self,
        file: &Path,
        settings: &ValidateSettings,
    ) -> Result<Validation, String> {
        let format = self.format;
        let mut fixed = self.fixed;
        let corrected = fixed.as_mut().map(|(_, writer)| CorrectedOutput {
            writer: writer as &mut (dyn Write + Send),
            format,
        });
        let validation = validate_file(file, settings, corrected)
            .map_err(|error| read_error::describe(&error))?;
        if let Some((path, output)) = self.report {
            write_report(output, format, &validation.issues, &validation.mapping)
                .and_then(|mut writer| writer.flush())
                .map_err(|error| format!("cannot write {}: {error}", path.display()))?;
        }
        Ok(validation)
    }

    /// A workbook among the outputs: the file is checked once into a sheet, and every
    /// output is written from it.
    fn written_from_one_sheet(
        self,
        file: &Path,
        settings: &ValidateSettings,
    ) -> Result<Validation, String> {
        let bytes = std::fs::read(file)
            .map_err(|error| format!("cannot read {}: {error}", file.display()))?;
        let (sheet, validation) =
            Sheet::load_checked(bytes, settings).map_err(|error| read_error::describe(&error))?;
        let outputs = [
            (self.fixed, WorkbookContent::Corrected),
            (self.report, WorkbookContent::Report),
        ];
        for (output, content) in outputs {
            let Some((path, mut writer)) = output else {
                continue;
            };
            if is_xlsx(path) {
                drop(writer);
                write_workbook(&sheet, content, path)?;
                continue;
            }
            let written = match content {
                WorkbookContent::Corrected => sheet.write_corrected(&mut writer, self.format),
                WorkbookContent::Report => sheet.write_report(&mut writer, self.format),
            }
            .and_then(|()| writer.flush());
            written.map_err(|error| format!("cannot write {}: {error}", path.display()))?;
        }
        Ok(validation)
    }
}

/// Checks the file and writes the outputs, adding to `created` each output file it
/// created anew.
fn check_and_write<'a>(
    args: &'a ValidateArgs,
    created: &mut Vec<&'a Path>,
) -> Result<Validation, String> {
    let (settings, kind) = args.file.settings()?;
    let format = export_format(args);
    if args.fixed.is_some() && args.fixed == args.report {
        return Err("--fixed and --report name the same file".to_string());
    }
    // Both are opened before the check starts, so that a refusal costs nothing.
    let mut open = |path: &'a Option<PathBuf>| {
        path.as_deref()
            .map(|path| {
                let file = open_output(path, args)?;
                if !args.force {
                    created.push(path);
                }
                Ok::<_, String>(file)
            })
            .transpose()
    };
    let fixed_file = open(&args.fixed)?;
    let report_file = open(&args.report)?;
    let outputs = Outputs {
        fixed: args.fixed.as_deref().zip(fixed_file),
        report: args.report.as_deref().zip(report_file),
        format,
    };
    let validation = if outputs.any_workbook() {
        outputs.written_from_one_sheet(&args.file.file, &settings)?
    } else {
        outputs.written_while_checking(&args.file.file, &settings)?
    };
    if !settings.explicit.is_empty() {
        let choices = validation.mapping.explicit_choices();
        let remembered_path = remembered_path();
        let remembered = RememberedMappings::remember_in(
            &remembered_path,
            &validation.header.names,
            kind,
            &choices,
        );
        if let Err(error) = remembered {
            eprintln!(
                "warning: could not remember the mapping in {}: {error}",
                remembered_path.display()
            );
        }
    }
    Ok(validation)
}

/// Opens an output file: an existing one only with `--force`, and never the file being
/// checked (it would be emptied before it is read).
fn open_output(path: &Path, args: &ValidateArgs) -> Result<BufWriter<File>, String> {
    let canonical = |path: &Path| std::fs::canonicalize(path).ok();
    if canonical(path).is_some() && canonical(path) == canonical(&args.file.file) {
        return Err(format!(
            "{} is the file being checked: write to another file",
            path.display()
        ));
    }
    output_file::create(path, args.force)
        .map(std::io::BufWriter::new)
        .map_err(|error| match error.kind() {
            std::io::ErrorKind::AlreadyExists => format!(
                "{} already exists: give another name, or add --force to overwrite it",
                path.display()
            ),
            _ => format!("cannot write {}: {error}", path.display()),
        })
}

fn export_format(args: &ValidateArgs) -> ExportFormat {
    if args.excel {
        ExportFormat {
            bom: true,
            delimiter: b';',
        }
    } else {
        ExportFormat::default()
    }
}

fn parse_delimiter(text: &str) -> Result<u8, String> {
    match text {
        "tab" | "\\t" | "\t" => Ok(b'\t'),
        "comma" => Ok(b','),
        "semicolon" => Ok(b';'),
        "pipe" => Ok(b'|'),
        other => match other.as_bytes() {
            [byte] if byte.is_ascii() && !byte.is_ascii_alphanumeric() && *byte != b'"' => {
                Ok(*byte)
            }
            _ => Err(format!("--delimiter \"{other}\": use , ; tab or |")),
        },
    }
}

fn print(args: &ValidateArgs, validation: &Validation) -> std::io::Result<()> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match args.format {
        OutputFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &JsonReport::new(args, validation))?;
            writeln!(out)?;
        }
        OutputFormat::Csv => {
            out = write_report(
                out,
                export_format(args),
                &validation.issues,
                &validation.mapping,
            )?;
        }
        OutputFormat::Text => print_text(&mut out, &args.file.file, validation)?,
    }
    out.flush()
}

/// The JSON shape scripts rely on (issue 4 of the project).
#[derive(Serialize)]
struct JsonReport<'v> {
    file: String,
    kind: &'static str,
    encoding: &'static str,
    delimiter: String,
    mapping: BTreeMap<String, String>,
    rows: u64,
    valid_rows: u64,
    errors: usize,
    warnings: usize,
    /// The sheet read, when the file is a workbook.
    #[serde(skip_serializing_if = "Option::is_none")]
    sheet: Option<&'v str>,
    issues: Vec<JsonIssue<'v>>,
}

#[derive(Serialize)]
struct JsonIssue<'v> {
    line: u64,
    column: Option<&'v str>,
    field: &'v str,
    value: &'v str,
    severity: Severity,
    code: wedocod_import::IssueCode,
    message: String,
    fix: Option<String>,
    /// A workbook's sheet and cell (`B7`); absent for CSV files.
    #[serde(skip_serializing_if = "Option::is_none")]
    sheet: Option<&'v str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cell: Option<String>,
}

impl<'v> JsonReport<'v> {
    fn new(args: &ValidateArgs, validation: &'v Validation) -> Self {
        JsonReport {
            file: args.file.file.display().to_string(),
            kind: validation.mapping.kind().plural(),
            encoding: validation.encoding.name(),
            delimiter: char::from(validation.delimiter).to_string(),
            mapping: validation.mapping.to_names(),
            rows: validation.rows,
            valid_rows: validation.valid_rows,
            sheet: validation.workbook.as_ref().map(|book| book.name.as_str()),
            errors: validation.errors(),
            warnings: validation.warnings(),
            issues: validation
                .issues
                .iter()
                .map(|issue| JsonIssue {
                    line: issue.line,
                    column: issue
                        .column_index
                        .map(|column| validation.mapping.header(column)),
                    field: &issue.field,
                    value: &issue.value,
                    severity: issue.severity,
                    code: issue.code,
                    message: issue.message(),
                    fix: Some(issue.fix()),
                    sheet: validation.workbook.as_ref().map(|book| book.name.as_str()),
                    cell: validation.workbook.as_ref().and_then(|book| {
                        issue
                            .column_index
                            .map(|column| book.cell_name(column, issue.line))
                    }),
                })
                .collect(),
        }
    }
}
