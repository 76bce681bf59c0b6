//! The real `wedocod-console validate` binary: its JSON, its files and its exit codes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("crates/import/tests/data")
        .join(name)
}

/// A scratch folder used as config and data dir, so nothing touches the real profile;
/// removed when the test ends.
fn scratch(test: &str) -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix(&format!("wedocod-cli-{test}-"))
        .tempdir()
        .unwrap()
}

/// Writes a small CSV into the scratch folder and returns its path.
fn write_csv(folder: &Path, name: &str, text: &str) -> String {
    let file = folder.join(name);
    std::fs::write(&file, text).unwrap();
    file.to_str().unwrap().to_string()
}

fn validate(folder: &Path, args: &[&str]) -> Output {
    validate_in("C.UTF-8", folder, args)
}

/// `validate` on a computer whose language is `locale`.
fn validate_in(locale: &str, folder: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_wedocod-console"))
        .arg("validate")
        .args(args)
        .env("WEDOCOD_CONSOLE_CONFIG_DIR", folder.join("config"))
        .env("WEDOCOD_CONSOLE_DATA_DIR", folder.join("data"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", locale)
        .output()
        .unwrap()
}

/// `validate FILE --kind leads --format json` plus `extra` arguments.
fn validate_leads_json(folder: &Path, file: &str, extra: &[&str]) -> Output {
    let mut args = vec![file, "--kind", "leads", "--format", "json"];
    args.extend_from_slice(extra);
    validate(folder, &args)
}

fn json(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout).unwrap()
}

#[test]
fn json_report_has_the_documented_shape_and_exit_1_on_errors() {
    let scratch_dir = scratch("json");
    let folder = scratch_dir.path();
    let file = data("leads_fr_excel_1252.csv");
    let output = validate_leads_json(folder, file.to_str().unwrap(), &[]);
    assert_eq!(
        output.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report = json(&output);
    let keys: Vec<&str> = report
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut expected = vec![
        "file",
        "kind",
        "encoding",
        "delimiter",
        "mapping",
        "rows",
        "valid_rows",
        "errors",
        "warnings",
        "issues",
    ];
    expected.sort_unstable();
    let mut keys_sorted = keys.clone();
    keys_sorted.sort_unstable();
    assert_eq!(keys_sorted, expected);
    assert_eq!(report["kind"], "leads");
    assert_eq!(report["encoding"], "windows-1252");
    assert_eq!(report["delimiter"], ";");
    assert_eq!(report["mapping"]["phone"], "Téléphone");
    assert_eq!(report["rows"], 9);
    assert_eq!(report["valid_rows"], 5);
    assert_eq!(report["errors"], 4);
    assert_eq!(report["warnings"], 2);
    let first = &report["issues"][0];
    assert_eq!(
        *first,
        serde_json::json!({
            "line": 4,
            "column": "Téléphone",
            "field": "phone",
            "value": "661234567",
            "severity": "warning",
            "code": "phone_missing_leading_zero",
            "message": "The phone \"661234567\" lost its leading 0 (Excel drops it).",
            "fix": "Write 0661234567."
        })
    );
}

#[test]
fn exit_0_when_only_warnings() {
    let scratch_dir = scratch("warnings");
    let folder = scratch_dir.path();
    let file = write_csv(
        folder,
        "ok.csv",
        "Nom;Tel;Ville;Adresse;SKU;Prix\nAmina Idrissi;612345678;Fès;12 rue Talaa;TSH-01;149\n",
    );
    let output = validate(folder, &[&file, "--kind", "leads"]);
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.contains("1 read, 1 ready to send · 0 errors, 1 warning\n"),
        "{text}"
    );
    assert!(text.contains("phone_missing_leading_zero"));
}

#[test]
fn exit_2_when_the_file_or_the_arguments_are_wrong() {
    let scratch_dir = scratch("unreadable");
    let folder = scratch_dir.path();
    for name in [
        "empty.csv",
        "header_only.csv",
        "binary.bin",
        "workbook.xlsx",
    ] {
        let file = data(name);
        let output = validate(folder, &[file.to_str().unwrap(), "--kind", "leads"]);
        assert_eq!(output.status.code(), Some(2), "{name}");
        assert!(String::from_utf8_lossy(&output.stderr).starts_with("error: "));
    }
    let file = data("ragged.csv");
    let file = file.to_str().unwrap();
    for bad in [
        vec![file, "--kind", "parcels"],
        vec![file, "--kind", "leads", "--encoding", "klingon"],
        vec![file, "--kind", "leads", "--delimiter", "ab"],
        vec![file, "--kind", "leads", "--map", "colour=Couleur"],
        vec![file, "--kind", "leads", "--map", "phone=Nope"],
        vec![file, "--kind", "leads", "--region", "XX"],
        vec!["/no/such/file.csv", "--kind", "leads"],
    ] {
        assert_eq!(validate(folder, &bad).status.code(), Some(2), "{bad:?}");
    }
}

#[test]
fn an_explicit_mapping_is_remembered_for_the_same_headers() {
    let scratch_dir = scratch("remember");
    let folder = scratch_dir.path();
    let file = write_csv(
        folder,
        "contacts.csv",
        "Client,Contact,Ville,Adresse,SKU,Prix\nAmina Idrissi,0612345678,Fès,12 rue Talaa,TSH-01,149\n",
    );
    let file = file.as_str();
    let first = validate_leads_json(folder, file, &[]);
    assert_eq!(json(&first)["issues"][0]["code"], "missing_column");
    let mapped = validate_leads_json(folder, file, &["--map", "phone=Contact"]);
    assert_eq!(mapped.status.code(), Some(0));
    assert!(folder.join("config/mappings.toml").exists());
    let again = validate_leads_json(folder, file, &[]);
    assert_eq!(again.status.code(), Some(0));
    assert_eq!(json(&again)["mapping"]["phone"], "Contact");
}

#[test]
fn fixed_file_and_report_are_written_for_excel() {
    let scratch_dir = scratch("exports");
    let folder = scratch_dir.path();
    let fixed = folder.join("fixed.csv");
    let report = folder.join("report.csv");
    let output = validate_leads_to(
        folder,
        None,
        &[
            "--format",
            "csv",
            "--excel",
            "--fixed",
            fixed.to_str().unwrap(),
            "--report",
            report.to_str().unwrap(),
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    let fixed = std::fs::read_to_string(fixed).unwrap();
    assert!(fixed.starts_with("\u{feff}full_name;phone;city"));
    assert!(fixed.contains("+212698765432"));
    let report = std::fs::read_to_string(report).unwrap();
    assert!(report.starts_with("\u{feff}line;column;field;value;severity;code;message;fix"));
    assert!(report.contains("4;phone;phone;6.12346E+08;error;phone_scientific_notation;"));
    assert!(report.contains(";+33 6 12 34 56 78;warning;phone_foreign;"));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.contains("7;quantity;quantity;1000;error;out_of_range;"));
}

#[test]
fn a_sku_list_turns_unknown_skus_into_errors() {
    let scratch_dir = scratch("skus");
    let folder = scratch_dir.path();
    let file = data("leads_fr_excel_1252.csv");
    let skus = data("products_export.csv");
    let output = validate_leads_json(
        folder,
        file.to_str().unwrap(),
        &["--skus", skus.to_str().unwrap()],
    );
    assert_eq!(output.status.code(), Some(1));
    let report = json(&output);
    let unknown: Vec<(u64, String)> = report["issues"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|issue| issue["code"] == "unknown_sku")
        .map(|issue| {
            (
                issue["line"].as_u64().unwrap(),
                issue["value"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        unknown,
        [(4, "CAP-RED".to_string()), (6, "CAP-RED".to_string())]
    );
}

/// `validate FILE --kind leads` plus `extra` arguments; FILE is a small leads file unless
/// given.
fn validate_leads_to(folder: &Path, file: Option<&Path>, extra: &[&str]) -> Output {
    let small = data("leads_utf8_bom.csv");
    let file = file.unwrap_or(&small);
    let mut args = vec![file.to_str().unwrap(), "--kind", "leads"];
    args.extend_from_slice(extra);
    validate(folder, &args)
}

#[test]
fn existing_output_files_are_kept_unless_force_is_given() {
    let scratch_dir = scratch("force");
    let folder = scratch_dir.path();
    for (option, first_column) in [("--fixed", "full_name"), ("--report", "line")] {
        let target = folder.join(format!("{}.csv", &option[2..]));
        std::fs::write(&target, "the merchant's own file").unwrap();
        let target_arg = target.to_str().unwrap();

        let refused = validate_leads_to(folder, None, &[option, target_arg]);
        assert_eq!(refused.status.code(), Some(2), "{option}");
        let stderr = String::from_utf8_lossy(&refused.stderr);
        assert!(
            stderr.contains("already exists") && stderr.contains("--force"),
            "{stderr}"
        );
        assert_eq!(
            std::fs::read_to_string(&target).unwrap(),
            "the merchant's own file"
        );

        let forced = validate_leads_to(folder, None, &[option, target_arg, "--force"]);
        assert_eq!(
            forced.status.code(),
            Some(1),
            "{option}: the file has errors"
        );
        let written = std::fs::read_to_string(&target).unwrap();
        assert!(written.starts_with(first_column), "{written}");
    }
}

#[test]
fn a_refused_run_leaves_no_new_file_behind() {
    let scratch_dir = scratch("refused-run");
    let folder = scratch_dir.path();
    let fixed = folder.join("fixed.csv");
    let report = folder.join("report.csv");
    std::fs::write(&report, "kept").unwrap();
    let output = validate_leads_to(
        folder,
        None,
        &[
            "--fixed",
            fixed.to_str().unwrap(),
            "--report",
            report.to_str().unwrap(),
        ],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        !fixed.exists(),
        "the fixed file created before the refusal is removed"
    );
    assert_eq!(std::fs::read_to_string(&report).unwrap(), "kept");

    let missing = folder.join("missing.csv");
    let fixed_arg = fixed.to_str().unwrap();
    let output = validate_leads_to(folder, Some(&missing), &["--fixed", fixed_arg]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        !fixed.exists(),
        "an unreadable input leaves no empty output"
    );
}

#[test]
fn the_checked_file_is_never_an_output_even_with_force() {
    let scratch_dir = scratch("same-file");
    let folder = scratch_dir.path();
    let file = write_csv(folder, "leads.csv", "full_name,phone\nAmina,0612345678\n");
    let before = std::fs::read_to_string(&file).unwrap();
    let output = validate(
        folder,
        &[&file, "--kind", "leads", "--fixed", &file, "--force"],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("the file being checked"));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), before);
}

#[test]
fn the_report_speaks_the_computers_language_and_the_json_does_not() {
    let scratch_dir = scratch("language");
    let folder = scratch_dir.path();
    let file = data("leads_fr_excel_1252.csv");
    let file = file.to_str().unwrap();
    let french = validate_in("fr_MA.UTF-8", folder, &[file, "--kind", "leads"]);
    let french = String::from_utf8(french.stdout).unwrap();
    for said in [
        "Lignes\u{202f}:     9 lues, 5 prêtes à envoyer · 4 erreurs, 2 avertissements",
        "Champ «\u{a0}quantité\u{a0}»\u{202f}: «\u{a0}deux\u{a0}» n’est pas un nombre entier.",
        "À faire\u{202f}: Ne gardez que les chiffres du numéro.",
        "Le téléphone «\u{a0}06.64.56.78.9O\u{a0}» contient des lettres.",
    ] {
        assert!(french.contains(said), "{said:?} not in:\n{french}");
    }
    for english in ["Rows:", "Fix:", "The phone", "is not a whole number"] {
        assert!(!french.contains(english), "{english:?} in:\n{french}");
    }
    let arabic = validate_in("ar_MA.UTF-8", folder, &[file, "--kind", "leads"]);
    let arabic = String::from_utf8(arabic.stdout).unwrap();
    assert!(
        arabic.contains("الهاتف «06.64.56.78.9O» يحتوي على حروف."),
        "{arabic}"
    );

    let json_args = [file, "--kind", "leads", "--format", "json"];
    let english = validate_in("C.UTF-8", folder, &json_args).stdout;
    assert!(String::from_utf8_lossy(&english).contains("is not a whole number"));
    for locale in ["fr_MA.UTF-8", "ar_MA.UTF-8"] {
        let json = validate_in(locale, folder, &json_args).stdout;
        assert!(json == english, "the JSON changed with {locale}");
    }
}
