//! Workbooks opened as they are: the cells as a merchant means them, the sheet chosen by
//! name or number, issues naming the sheet and the cell (`B7`) (the `validate` command's JSON and reports:
//! `tests/cli_validate_workbook.rs` at the root). The workbooks are written here with rust_xlsxwriter, the way
//! Excel stores what a merchant typed (numbers as numbers).

use std::path::Path;

use wedocod_testkit as common;

use common::workbook::{excel_export, leads_table};
use rust_xlsxwriter::Workbook;
use wedocod_api::ResourceName;
use wedocod_import::{IssueCode, ReadError, Severity};
use wedocod_import::{ValidateError, ValidateSettings, validate_bytes};

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
                book.cell_name(issue.column_index.unwrap(), issue.line),
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
        .map(|issue| book.cell_name(issue.column_index.unwrap(), issue.line))
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
                .column_index
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
