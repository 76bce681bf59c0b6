//! The `validate` command on workbooks: the sheet and the cell (`B7`) in its JSON, the
//! `.xlsx` report's notes on exactly the bad cells, a corrected CSV and a report from one
//! check. The reading itself is tested in `crates/import/tests/import_workbook.rs`.

mod common;

use std::path::Path;
use std::process::Command;

use common::workbook::excel_export;
use serde_json::Value;
use wedocod_api::ResourceName;
use wedocod_import::{ValidateSettings, validate_bytes};

/// `validate` with a scratch profile in `folder`: it remembers nothing in the real one.
fn validate_in(folder: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_wedocod-console"));
    command
        .arg("validate")
        .env("WEDOCOD_CONSOLE_DATA_DIR", folder)
        .env("WEDOCOD_CONSOLE_CONFIG_DIR", folder);
    command
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

#[test]
fn the_xlsx_report_marks_exactly_the_bad_cells_keeps_phones_as_text_and_amounts_as_numbers() {
    use calamine::{Data, Reader, open_workbook_auto};
    let folder = tempfile::tempdir().unwrap();
    let source = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/crates/import/tests/data/leads_fr_excel_1252.csv"
    );
    let report = folder.path().join("errors.xlsx");
    let output = validate_in(folder.path())
        .args([source, "--kind", "leads", "--report"])
        .arg(&report)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "errors found: exit 1");

    let mut settings = ValidateSettings::new(ResourceName::Leads);
    settings.threads = 1;
    let validation = validate_bytes(std::fs::read(source).unwrap(), &settings, None).unwrap();
    // In the report the file's column N is column N + 1: the line comes first.
    let mut expected: Vec<String> = validation
        .issues
        .iter()
        .filter_map(|issue| {
            let column = issue.column_index?;
            Some(format!(
                "{}{}",
                wedocod_import::column_letters(column as u32 + 1),
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

#[test]
fn a_csv_and_a_workbook_output_together_come_from_one_check_and_agree() {
    let folder = tempfile::tempdir().unwrap();
    let source = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/crates/import/tests/data/leads_excel_numeric_phones.xlsx"
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
