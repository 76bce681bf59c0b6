//! Arbitrary bytes never panic the reader or the checker: every input ends in a report
//! or a read error. A file held in a sheet gives back every cell as the reader read it.

use proptest::prelude::*;

use wedocod_api::scope::ResourceName;
use wedocod_import::PhoneRules;
use wedocod_import::Row;
use wedocod_import::Sheet;
use wedocod_import::decode;
use wedocod_import::parse_amount;
use wedocod_import::{ValidateSettings, open_table, validate_bytes};
use wedocod_import::{is_plain_number, neutralize_formula};

fn settings(kind: ResourceName, delimiter: Option<u8>) -> ValidateSettings {
    let mut settings = ValidateSettings::new(kind);
    settings.delimiter = delimiter;
    settings.threads = 2;
    settings
}

/// Cells that look like a merchant's file more often than random bytes do.
fn csvish() -> impl Strategy<Value = Vec<u8>> {
    let cell = prop_oneof![
        Just("name".to_string()),
        Just("phone".to_string()),
        Just("sku".to_string()),
        Just("Name".to_string()),
        Just("Lineitem sku".to_string()),
        Just("0612345678".to_string()),
        Just("\"".to_string()),
        Just("12,50".to_string()),
        Just("٠٦١٢".to_string()),
        "[ -~]{0,12}",
        "\\PC{0,6}",
    ];
    let separator = prop_oneof![
        Just(","),
        Just(";"),
        Just("\t"),
        Just("\n"),
        Just("\r\n"),
        Just("\""),
        Just("\0")
    ];
    prop::collection::vec((cell, separator), 0..60).prop_map(|parts| {
        parts
            .into_iter()
            .flat_map(|(cell, separator)| [cell, separator.to_string()])
            .collect::<String>()
            .into_bytes()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let _ = validate_bytes(bytes.clone(), &settings(ResourceName::Leads, None), None);
        let _ = validate_bytes(bytes, &settings(ResourceName::Orders, Some(b';')), None);
    }

    #[test]
    fn csv_like_text_never_panics(bytes in csvish()) {
        for kind in [ResourceName::Leads, ResourceName::Orders] {
            if let Ok(validation) = validate_bytes(bytes.clone(), &settings(kind, None), None) {
                prop_assert!(validation.valid_rows <= validation.rows);
                prop_assert!(validation.issues.iter().all(|issue| issue.line >= 1));
            }
        }
    }

    #[test]
    fn a_sheet_holds_every_cell_as_the_reader_reads_it(bytes in csvish()) {
        let settings = settings(ResourceName::Leads, None);
        if let Ok(sheet) = Sheet::load(bytes.clone(), &settings) {
            let mut found = settings.clone();
            found.encoding = Some(sheet.encoding);
            found.delimiter = Some(sheet.delimiter);
            let text = decode(bytes, found.encoding).unwrap().text;
            let (mut reader, _, _) = open_table(&text, &found).unwrap();
            let mut row = Row::default();
            let mut index = 0;
            while reader.next_row(&mut row).unwrap() {
                prop_assert_eq!(sheet.line(index), row.line);
                for column in 0..row.cells.len().max(sheet.column_count()) {
                    prop_assert_eq!(sheet.cell(index, column), row.cell(column));
                }
                index += 1;
            }
            prop_assert_eq!(index, sheet.row_count());
        }
    }

    #[test]
    fn amounts_read_like_the_standard_parser(whole in "[0-9]{1,9}", fraction in "[0-9]{0,5}", comma in any::<bool>()) {
        let separator = if comma { "," } else { "." };
        let written = format!("{whole}{separator}{fraction}");
        let standard: f64 = format!("{whole}.{fraction}").trim_end_matches('.').parse().unwrap();
        prop_assert_eq!(parse_amount(&written), Some(standard));
    }

    #[test]
    fn cell_readers_never_panic(cell in "\\PC{0,40}") {
        let rules = PhoneRules::new(wedocod_import::DEFAULT_PHONE_REGION).unwrap();
        let _ = rules.check(&cell);
        let _ = parse_amount(&cell);
    }

    /// Cells built to start like a formula, a number or a phone, then anything.
    #[test]
    fn no_exported_cell_starts_a_formula(cell in "[-+=@\t\r]?[0-9 .,+-]{0,4}\\PC{0,12}") {
        let safe = neutralize_formula(&cell);
        let quoted = format!("'{cell}");
        prop_assert!(*safe == cell || *safe == quoted);
        if safe.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            prop_assert!(is_plain_number(&safe), "{:?} leaves as a formula", safe);
        }
    }
}
