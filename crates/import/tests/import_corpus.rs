//! Every corpus file in `tests/data/` checked end to end, with the exact issues expected
//! (line, column as written in the file, code) and how the file was read.

use std::path::Path;

use wedocod_api::scope::ResourceName;
use wedocod_import::ExportFormat;
use wedocod_import::ReadError;
use wedocod_import::{
    CorrectedOutput, ValidateError, ValidateSettings, Validation, validate_bytes,
};

fn settings(kind: ResourceName) -> ValidateSettings {
    let mut settings = ValidateSettings::new(kind);
    settings.threads = 2;
    settings
}

fn bytes_of(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data")
            .join(name),
    )
    .unwrap()
}

fn check_with(name: &str, settings: &ValidateSettings) -> Result<Validation, ValidateError> {
    validate_bytes(bytes_of(name), settings, None)
}

fn check(name: &str, kind: ResourceName) -> Validation {
    check_with(name, &settings(kind)).unwrap()
}

/// (line, column header, code) of every issue, in report order.
fn issues(validation: &Validation) -> Vec<(u64, String, &'static str)> {
    validation
        .issues
        .iter()
        .map(|issue| {
            let column = issue.column_index.map_or(String::new(), |column| {
                validation.mapping.header(column).to_string()
            });
            (issue.line, column, issue.code.as_str())
        })
        .collect()
}

fn expected(list: &[(u64, &str, &'static str)]) -> Vec<(u64, String, &'static str)> {
    list.iter()
        .map(|(line, column, code)| (*line, column.to_string(), *code))
        .collect()
}

#[test]
fn french_excel_windows_1252_with_decimal_commas() {
    let validation = check("leads_fr_excel_1252.csv", ResourceName::Leads);
    assert_eq!(validation.encoding.name(), "windows-1252");
    assert_eq!(validation.delimiter, b';');
    let mapping = validation.mapping.to_names();
    assert_eq!(mapping["full_name"], "Nom complet");
    assert_eq!(mapping["phone"], "Téléphone");
    assert_eq!(mapping["area"], "Quartier");
    assert_eq!(mapping["sku"], "Référence");
    assert_eq!(mapping["price"], "Prix unitaire");
    assert_eq!(validation.mapping.custom_columns().count(), 1);
    assert_eq!(
        issues(&validation),
        expected(&[
            (4, "Téléphone", "phone_missing_leading_zero"),
            (6, "Téléphone", "phone_has_letters"),
            (7, "Référence", "required"),
            (8, "Quantité", "not_a_whole_number"),
            (9, "Prix unitaire", "out_of_range"),
            (10, "Téléphone", "duplicate_lead"),
        ])
    );
    assert_eq!((validation.rows, validation.valid_rows), (9, 5));
    assert_eq!((validation.errors(), validation.warnings()), (4, 2));
    let zero = &validation.issues[0];
    assert_eq!(zero.value, "661234567");
    assert_eq!(zero.fix(), "Write 0661234567.");
}

#[test]
fn arabic_windows_1256() {
    let validation = check("leads_ar_1256.csv", ResourceName::Leads);
    assert_eq!(validation.encoding.name(), "windows-1256");
    assert_eq!(validation.delimiter, b',');
    let mapping = validation.mapping.to_names();
    assert_eq!(mapping["full_name"], "الاسم");
    assert_eq!(mapping["city"], "المدينة");
    assert_eq!(mapping["sku"], "المنتج");
    assert_eq!(
        issues(&validation),
        expected(&[
            (4, "الهاتف", "phone_invalid"),
            (5, "العنوان", "too_short"),
            (6, "السعر", "required"),
        ])
    );
    assert_eq!(validation.issues[1].value, "حي");
}

#[test]
fn utf8_with_bom_quoted_cells_and_phone_spellings() {
    let validation = check("leads_utf8_bom.csv", ResourceName::Leads);
    assert_eq!(validation.encoding.name(), "UTF-8");
    assert_eq!(validation.mapping.header(0), "full_name");
    assert_eq!(validation.mapping.to_names()["line_total"], "total");
    assert_eq!(
        issues(&validation),
        expected(&[
            (4, "phone", "phone_scientific_notation"),
            (6, "phone", "phone_foreign"),
            (7, "quantity", "out_of_range"),
        ])
    );
    assert_eq!(validation.rows, 6);
    assert_eq!(validation.valid_rows, 4);
}

#[test]
fn shopify_orders_group_line_items_by_name() {
    let validation = check("orders_shopify.csv", ResourceName::Orders);
    assert_eq!(validation.mapping.to_names()["group"], "Name");
    assert_eq!(
        issues(&validation),
        expected(&[
            (1, "", "missing_column"),
            (5, "Lineitem price", "out_of_range"),
            (6, "Email", "invalid_email"),
            (6, "Billing Phone", "phone_has_letters"),
            (7, "Lineitem sku", "too_many_products"),
        ])
    );
    assert_eq!(
        validation.valid_rows, 0,
        "no order can be sent without the fees answer"
    );

    let mut with_policy = settings(ResourceName::Orders);
    with_policy.fees_paid_by_customer = Some(true);
    let validation = check_with("orders_shopify.csv", &with_policy).unwrap();
    assert_eq!(validation.issues.len(), 4);
    assert_eq!(validation.rows, 16);
    // #1001 (1 row) is the only order without errors: #1002 has a bad line item.
    assert_eq!(validation.valid_rows, 1);
}

#[test]
fn numbered_product_columns() {
    let validation = check("leads_numbered_products.csv", ResourceName::Leads);
    assert_eq!(validation.mapping.products().len(), 3);
    assert_eq!(
        issues(&validation),
        expected(&[
            (3, "quantity_2", "out_of_range"),
            (4, "sku_1", "no_products"),
            (5, "sku_3", "required"),
        ])
    );
    assert_eq!(validation.issues[0].field, "quantity_2");
}

#[test]
fn ragged_rows_name_their_line() {
    let validation = check("ragged.csv", ResourceName::Leads);
    assert_eq!(
        issues(&validation),
        expected(&[(3, "", "too_many_cells"), (4, "", "too_few_cells")])
    );
    assert_eq!(validation.issues[0].value, "extra");
    assert_eq!(validation.valid_rows, 2);
}

#[test]
fn an_unclosed_quote_names_its_line() {
    let validation = check("unclosed_quote.csv", ResourceName::Leads);
    assert_eq!(
        issues(&validation),
        expected(&[(3, "", "too_few_cells"), (3, "", "unclosed_quote")])
    );
    assert_eq!((validation.rows, validation.valid_rows), (2, 1));
}

#[test]
fn nul_bytes_are_flagged_on_their_cell() {
    let validation = check("nul_bytes.csv", ResourceName::Leads);
    assert_eq!(issues(&validation), expected(&[(2, "name", "nul_byte")]));
    assert_eq!(validation.issues[0].value, "Ali Alami");
}

#[test]
fn title_lines_above_the_header_are_skipped() {
    let validation = check("title_lines.csv", ResourceName::Leads);
    assert_eq!(validation.header.line, 4);
    assert!(validation.issues.is_empty());
    assert_eq!(validation.rows, 1);
}

#[test]
fn unreadable_files_say_why() {
    let leads = settings(ResourceName::Leads);
    assert!(matches!(
        check_with("empty.csv", &leads),
        Err(ValidateError::Read(ReadError::Empty))
    ));
    assert!(matches!(
        check_with("header_only.csv", &leads),
        Err(ValidateError::Read(ReadError::HeaderOnly {
            header_line: 1
        }))
    ));
    assert!(matches!(
        check_with("binary.bin", &leads),
        Err(ValidateError::Read(ReadError::Binary { .. }))
    ));
    assert!(matches!(
        check_with("workbook.xlsx", &leads),
        Err(ValidateError::Read(ReadError::Workbook { .. }))
    ));
}

#[test]
fn overrides_win_over_detection() {
    let mut forced = settings(ResourceName::Leads);
    forced.encoding = Some(encoding_rs::WINDOWS_1252);
    let validation = check_with("leads_ar_1256.csv", &forced).unwrap();
    assert_eq!(validation.encoding.name(), "windows-1252");
    assert!(!validation.mapping.to_names().contains_key("city"));

    let mut semicolons = settings(ResourceName::Leads);
    semicolons.delimiter = Some(b';');
    let validation = check_with("leads_fr_excel_1252.csv", &semicolons).unwrap();
    assert_eq!(validation.delimiter, b';');
}

#[test]
fn the_corrected_file_is_fixed_and_safe_for_excel() {
    let mut corrected = Vec::new();
    let output = CorrectedOutput {
        writer: &mut corrected,
        format: ExportFormat {
            bom: true,
            delimiter: b';',
        },
    };
    validate_bytes(
        bytes_of("leads_utf8_bom.csv"),
        &settings(ResourceName::Leads),
        Some(output),
    )
    .unwrap();
    let text = String::from_utf8(corrected).unwrap();
    assert!(text.starts_with("\u{feff}full_name;phone;"));
    assert!(text.contains("Ali Ben Salah;+212612345678;"));
    assert!(text.contains("Hind El Amrani;+212623456789;"));
    assert!(text.contains("\"Villa 3\nLotissement Al Amal\""));
    assert!(text.contains(";\"'=HYPERLINK(\"\"http://evil.example\"\")\""));
    assert_eq!(text.lines().filter(|line| line.contains("+212")).count(), 4);
}

#[test]
fn one_thread_and_many_give_the_same_answer() {
    let mut single = settings(ResourceName::Orders);
    single.threads = 1;
    let mut many = settings(ResourceName::Orders);
    many.threads = 4;
    let one = check_with("orders_shopify.csv", &single).unwrap();
    let four = check_with("orders_shopify.csv", &many).unwrap();
    assert_eq!(one.issues, four.issues);
    assert_eq!(one.valid_rows, four.valid_rows);
}

#[test]
fn items_spanning_batches_stay_whole() {
    let mut text = String::from("order_id,name,phone,city,address,sku,quantity,price,fees_paid\n");
    let mut expected_too_many = Vec::new();
    let mut line = 1;
    for order in 0..1_500 {
        let rows = if order % 50 == 7 { 11 } else { 3 };
        if rows > 10 {
            expected_too_many.push(line + 1);
        }
        for item in 0..rows {
            line += 1;
            let customer = if item == 0 {
                format!(
                    "Client {order},06{:08},Rabat,Rue {order} Agdal",
                    10_000_000 + order
                )
            } else {
                ",,,".to_string()
            };
            text.push_str(&format!("C{order},{customer},SKU-{item},1,100,oui\n"));
        }
    }
    let mut settings = settings(ResourceName::Orders);
    for threads in [1, 3] {
        settings.threads = threads;
        let validation = validate_bytes(text.clone().into_bytes(), &settings, None).unwrap();
        let too_many: Vec<u64> = validation
            .issues
            .iter()
            .filter(|issue| issue.code.as_str() == "too_many_products")
            .map(|issue| issue.line)
            .collect();
        assert_eq!(too_many, expected_too_many, "{threads} threads");
        assert_eq!(validation.issues.len(), expected_too_many.len());
        assert_eq!(validation.rows, line - 1);
    }
}
