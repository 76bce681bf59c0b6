//! Workbooks opened as they are: the cells as a merchant means them, the sheet chosen by
//! name or number, issues naming the sheet and the cell (`B7`), in the library and in the
//! `validate` binary's JSON. The workbooks are written here with rust_xlsxwriter, the way
//! Excel stores what a merchant typed (numbers as numbers).

use std::path::Path;
use std::process::Command;

mod common;

use common::workbook::leads_table;
use rust_xlsxwriter::Workbook;
use serde_json::Value;
use wedocod_console::api::ResourceName;
use wedocod_console::import::file_check::{ValidateError, ValidateSettings, validate_bytes};
use wedocod_console::import::{IssueCode, ReadError, Severity};

fn excel_export() -> Vec<u8> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet().set_name("Leads").unwrap();
    leads_table(sheet, 0, 0);
    workbook.save_to_buffer().unwrap()
}

/// `validate` with a scratch profile in `folder`: it remembers nothing in the real one.
fn validate_in(folder: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_wedocod-console"));
    command
        .arg("validate")
        .env("WEDOCOD_CONSOLE_DATA_DIR", folder)
        .env("WEDOCOD_CONSOLE_CONFIG_DIR", folder);
    command
}

fn settings() -> ValidateSettings {
    let mut settings = ValidateSettings::new(ResourceName::Leads);
    settings.threads = 1;
    settings
}

#[test]
fn an_excel_export_is_checked_cell_by_cell_as_the_merchant_typed_it() {
    let validation = validate_bytes(excel_export(), &settings(), None).unwrap();
    assert_eq!(validation.rows, 2);
    let book = validation.workbook.as_ref().expect("read as a workbook");
    assert_eq!(book.name, "Leads");
    let found: Vec<(String, IssueCode, Severity)> = validation
        .issues
        .iter()
        .map(|issue| {
            (
                book.cell_name(issue.column.unwrap(), issue.line),
                issue.code,
                issue.severity,
            )
        })
        .collect();
    assert_eq!(
        found,
        vec![
            (
                "B2".to_string(),
                IssueCode::PhoneMissingLeadingZero,
                Severity::Warning
            ),
            (
                "B3".to_string(),
                IssueCode::PhoneHasLetters,
                Severity::Error
            ),
        ],
        "a quantity 2.0 is 2 and an amount keeps its cents: neither is an issue"
    );
    assert_eq!(validation.valid_rows, 1);
}

#[test]
fn the_first_sheet_with_data_is_read_and_another_is_chosen_by_name_or_number() {
    let mut workbook = Workbook::new();
    workbook.add_worksheet().set_name("Notes").unwrap();
    let leads = workbook
        .add_worksheet()
        .set_name("Commandes du jour")
        .unwrap();
    leads_table(leads, 0, 0);
    let bytes = workbook.save_to_buffer().unwrap();

    let default = validate_bytes(bytes.clone(), &settings(), None).unwrap();
    let book = default.workbook.unwrap();
    assert_eq!(book.name, "Commandes du jour");
    assert_eq!(book.sheet_names, ["Notes", "Commandes du jour"]);

    for choice in ["2", "commandes du jour"] {
        let mut chosen = settings();
        chosen.sheet = Some(choice.to_string());
        let validation = validate_bytes(bytes.clone(), &chosen, None).unwrap();
        assert_eq!(validation.rows, 2, "{choice}");
    }
    for (choice, says) in [
        ("Notes", "is empty"),
        ("3", "1 \"Notes\", 2 \"Commandes du jour\""),
    ] {
        let mut chosen = settings();
        chosen.sheet = Some(choice.to_string());
        match validate_bytes(bytes.clone(), &chosen, None) {
            Err(ValidateError::Read(ReadError::Workbook { reason })) => {
                assert!(reason.contains(says), "{choice}: {reason}")
            }
            other => panic!("{choice}: {other:?}"),
        }
    }
}

#[test]
fn a_title_above_the_headers_and_data_from_column_c_keep_the_sheets_cell_names() {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet
        .write_string(0, 2, "Export des leads — novembre")
        .unwrap();
    leads_table(sheet, 2, 2);
    let validation = validate_bytes(workbook.save_to_buffer().unwrap(), &settings(), None).unwrap();
    assert_eq!(validation.rows, 2);
    let book = validation.workbook.as_ref().unwrap();
    let cells: Vec<String> = validation
        .issues
        .iter()
        .map(|issue| book.cell_name(issue.column.unwrap(), issue.line))
        .collect();
    assert_eq!(cells, ["D4", "D5"]);
}

#[test]
fn a_damaged_workbook_is_a_clear_error_not_a_page_of_garbage() {
    let mut bytes = excel_export();
    bytes.truncate(bytes.len() / 2);
    match validate_bytes(bytes, &settings(), None) {
        Err(ValidateError::Read(ReadError::Workbook { .. })) => {}
        other => panic!("{other:?}"),
    }
}

#[test]
fn validate_names_the_sheet_and_the_cell_in_its_json_and_keeps_the_other_keys() {
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("leads export.xlsx");
    std::fs::write(&file, excel_export()).unwrap();
    let output = validate_in(folder.path())
        .arg(&file)
        .args(["--kind", "leads", "--format", "json", "--sheet", "Leads"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "errors found: exit 1");
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["sheet"], "Leads");
    assert_eq!(report["rows"], 2);
    let issue = &report["issues"][1];
    assert_eq!(issue["sheet"], "Leads");
    assert_eq!(issue["cell"], "B3");
    assert_eq!(issue["line"], 3);
    assert_eq!(issue["column"], "phone");
    assert_eq!(issue["code"], "phone_has_letters");
    assert!(Path::new(&file).exists());
}

/// The cells (`C4`) that carry a note in the workbook's second sheet.
fn noted_cells(workbook: &Path) -> Vec<String> {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(workbook).unwrap()).unwrap();
    let mut comments = String::new();
    std::io::Read::read_to_string(
        &mut archive.by_name("xl/comments1.xml").unwrap(),
        &mut comments,
    )
    .unwrap();
    comments
        .split("<comment ref=\"")
        .skip(1)
        .filter_map(|part| part.split('"').next())
        .map(str::to_string)
        .collect()
}

#[test]
fn the_xlsx_report_marks_exactly_the_bad_cells_keeps_phones_as_text_and_amounts_as_numbers() {
    use calamine::{Data, Reader, open_workbook_auto};
    let folder = tempfile::tempdir().unwrap();
    let source = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/leads_fr_excel_1252.csv"
    );
    let report = folder.path().join("errors.xlsx");
    let output = validate_in(folder.path())
        .args([source, "--kind", "leads", "--report"])
        .arg(&report)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "errors found: exit 1");

    let settings = settings();
    let validation = validate_bytes(std::fs::read(source).unwrap(), &settings, None).unwrap();
    // In the report the file's column N is column N + 1: the line comes first.
    let mut expected: Vec<String> = validation
        .issues
        .iter()
        .filter_map(|issue| {
            let column = issue.column?;
            Some(format!(
                "{}{}",
                wedocod_console::import::workbook::column_letters(column as u32 + 1),
                issue.line
            ))
        })
        .collect();
    // Rows are written in file order; the header is line 1 in both.
    expected.sort();
    let mut noted = noted_cells(&report);
    noted.sort();
    assert_eq!(noted, expected);

    let mut workbook = open_workbook_auto(&report).unwrap();
    assert_eq!(workbook.sheet_names(), ["Problems", "Rows"]);
    let rows = workbook.worksheet_range("Rows").unwrap();
    // Line 4: the phone that lost its zero stays text; its unit price is a number.
    assert_eq!(rows.get((3, 2)), Some(&Data::String("661234567".into())));
    assert!(matches!(rows.get((3, 8)), Some(Data::Float(price)) if (*price - 79.5).abs() < 1e-9));
    let problems = workbook.worksheet_range("Problems").unwrap();
    assert_eq!(problems.height(), 1 + validation.issues.len());
}

/// The corpus of `tests/data/` made by `scripts/make-workbook-corpus` with LibreOffice and
/// openpyxl (not with the writer the console itself uses): (line, cell, code) of every
/// issue, the sheet read and the rows ready to send.
fn corpus(name: &str, kind: ResourceName) -> (String, Vec<(u64, String, &'static str)>, u64) {
    let bytes = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data")
            .join(name),
    )
    .unwrap();
    let mut settings = ValidateSettings::new(kind);
    settings.threads = 1;
    let validation = validate_bytes(bytes, &settings, None).unwrap();
    let book = validation.workbook.clone().expect("read as a workbook");
    let issues = validation
        .issues
        .iter()
        .map(|issue| {
            let cell = issue
                .column
                .map_or(String::new(), |column| book.cell_name(column, issue.line));
            (issue.line, cell, issue.code.as_str())
        })
        .collect();
    (book.name, issues, validation.valid_rows)
}

fn at(list: &[(u64, &str, &'static str)]) -> Vec<(u64, String, &'static str)> {
    list.iter()
        .map(|(line, cell, code)| (*line, cell.to_string(), *code))
        .collect()
}

#[test]
fn corpus_an_excel_export_whose_phones_became_numbers() {
    let (sheet, issues, ready) = corpus("leads_excel_numeric_phones.xlsx", ResourceName::Leads);
    assert_eq!(sheet, "leads_excel_numeric_phones");
    assert_eq!(
        issues,
        at(&[
            (2, "B2", "phone_missing_leading_zero"),
            (3, "B3", "phone_missing_leading_zero"),
            (5, "B5", "phone_has_letters"),
            (6, "B6", "phone_missing_leading_zero"),
            (6, "D6", "required"),
        ])
    );
    assert_eq!(ready, 3, "a lost zero is a warning: those rows still go");
}

#[test]
fn corpus_a_two_sheet_workbook_opens_on_its_table_not_its_notes() {
    let (sheet, issues, ready) = corpus("leads_two_sheets.xlsx", ResourceName::Leads);
    assert_eq!(sheet, "Leads semaine 48");
    assert_eq!(issues, at(&[(4, "B4", "duplicate_lead")]));
    assert_eq!(ready, 3);
}

#[test]
fn corpus_an_ods_from_libreoffice() {
    let (sheet, issues, ready) = corpus("orders_libreoffice.ods", ResourceName::Orders);
    assert_eq!(sheet, "orders_libreoffice");
    assert_eq!(
        issues,
        at(&[
            (2, "B2", "phone_missing_leading_zero"),
            (3, "B3", "phone_missing_leading_zero"),
            (4, "B4", "phone_missing_leading_zero"),
            (4, "E4", "out_of_range"),
            (5, "B5", "phone_missing_leading_zero"),
            (5, "H5", "not_a_whole_number"),
        ]),
        "“Frais payés par le client” is the fees column; 307.5 keeps its cents"
    );
    assert_eq!(ready, 2);
}

#[test]
fn corpus_a_title_and_a_date_above_a_table_starting_at_b4() {
    let (sheet, issues, ready) = corpus("leads_title_row.xlsx", ResourceName::Leads);
    assert_eq!(sheet, "Export");
    assert_eq!(
        issues,
        at(&[
            (6, "C6", "phone_missing_leading_zero"),
            (7, "G7", "out_of_range"),
            (8, "H8", "not_a_number"),
        ]),
        "a quantity 1.0 is 1; dates and booleans are data, not issues"
    );
    assert_eq!(ready, 2);
}

#[test]
fn corpus_an_excel_97_xls() {
    let (sheet, issues, ready) = corpus("leads_legacy.xls", ResourceName::Leads);
    assert_eq!(sheet, "leads_legacy");
    assert_eq!(
        issues,
        at(&[
            (2, "B2", "phone_missing_leading_zero"),
            (3, "B3", "phone_missing_leading_zero"),
            (3, "F3", "not_a_whole_number"),
            (4, "B4", "phone_missing_leading_zero"),
            (4, "E4", "required"),
            (5, "B5", "phone_invalid"),
        ])
    );
    assert_eq!(ready, 1);
}

#[test]
fn a_csv_and_a_workbook_output_together_come_from_one_check_and_agree() {
    let folder = tempfile::tempdir().unwrap();
    let source = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/leads_excel_numeric_phones.xlsx"
    );
    let (fixed, report) = (
        folder.path().join("fixed.csv"),
        folder.path().join("errors.xlsx"),
    );
    let output = validate_in(folder.path())
        .args([source, "--kind", "leads", "--format", "json", "--fixed"])
        .arg(&fixed)
        .arg("--report")
        .arg(&report)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "errors found: exit 1");
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["rows"], 5);
    assert_eq!(json["issues"].as_array().unwrap().len(), 5);
    let corrected = std::fs::read_to_string(&fixed).unwrap();
    assert!(
        corrected.contains("+212612345678"),
        "the numeric phone comes back whole in the corrected CSV: {corrected}"
    );
    let mut noted = noted_cells(&report);
    noted.sort();
    // The report's column N is the file's N - 1 (its first column is the line).
    assert_eq!(noted, ["C2", "C3", "C5", "C6", "E6"]);
}
