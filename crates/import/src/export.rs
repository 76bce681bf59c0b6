//! Files handed back to the merchant: the corrected CSV (UTF-8, with a BOM and `;` on
//! request so Excel opens it right) and the error report. A cell that would start a
//! spreadsheet formula (`=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading
//! `'`, unless the whole cell is a plain number: `+212…` phone numbers and negative
//! amounts stay as they are.

use std::borrow::Cow;
use std::io::Write;

use super::issue::Issue;
use super::mapping::{ColumnRole, Mapping};
use super::phone::PhoneRules;
use super::target::{Field, ProductPart, Target};
use super::values::{format_amount, parse_amount, parse_whole_number};

/// How the exported files are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportFormat {
    /// Starts the file with a UTF-8 BOM: Excel then reads it as UTF-8.
    pub bom: bool,
    pub delimiter: u8,
}

impl Default for ExportFormat {
    fn default() -> Self {
        ExportFormat {
            bom: false,
            delimiter: b',',
        }
    }
}

/// The first characters that make a spreadsheet read a cell as a formula (OWASP's list).
const FORMULA_TRIGGERS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Whether the whole cell is a plain number a spreadsheet reads as a value, never as a
/// formula: an optional sign, then ASCII digits with single spaces, dots or commas between
/// them (`-12,5`, `+3`, `1 270,00`, `+212612345678`, `+212 6 12 34 56 78`). Looking at the
/// whole cell, not its first two characters, is what keeps `-1+cmd|' /C calc'!A0` out.
pub fn is_plain_number(cell: &str) -> bool {
    let digits = cell.strip_prefix(['+', '-']).unwrap_or(cell).as_bytes();
    let (Some(first), Some(last)) = (digits.first(), digits.last()) else {
        return false;
    };
    first.is_ascii_digit()
        && last.is_ascii_digit()
        && digits
            .iter()
            .all(|byte| byte.is_ascii_digit() || matches!(byte, b' ' | b'.' | b','))
        && digits
            .windows(2)
            .all(|pair| pair[0].is_ascii_digit() || pair[1].is_ascii_digit())
}

/// `cell`, made safe to open in a spreadsheet: a leading `'` when it would start a
/// formula and is not a plain number.
pub fn neutralize_formula(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(FORMULA_TRIGGERS) && !is_plain_number(cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// What the corrected file holds for a cell: trimmed, NUL bytes dropped, phones in
/// international form, amounts with a decimal point, whole numbers plain.
pub fn corrected_cell<'c>(
    mapping: &Mapping,
    phone: &PhoneRules,
    column: usize,
    cell: &'c str,
) -> Cow<'c, str> {
    let trimmed = cell.trim();
    let corrected = match mapping.role(column) {
        ColumnRole::Target(Target::Field(Field::Phone)) => {
            phone.check(trimmed).ok().map(|valid| valid.e164())
        }
        ColumnRole::Target(Target::Field(Field::OrderTotal))
        | ColumnRole::Target(Target::Product {
            part: ProductPart::UnitPrice | ProductPart::LineTotal,
            ..
        }) => parse_amount(trimmed).map(format_amount),
        ColumnRole::Target(Target::Field(Field::ShipmentWay))
        | ColumnRole::Target(Target::Product {
            part: ProductPart::Quantity,
            ..
        }) => parse_whole_number(trimmed).map(|number| number.to_string()),
        _ => None,
    };
    match corrected {
        Some(value) => Cow::Owned(value),
        None if trimmed.contains('\0') => Cow::Owned(trimmed.replace('\0', "")),
        None => Cow::Borrowed(trimmed),
    }
}

/// Starts an exported file: the BOM when asked for.
pub fn start_file(output: &mut impl Write, format: ExportFormat) -> std::io::Result<()> {
    if format.bom {
        output.write_all(b"\xEF\xBB\xBF")?;
    }
    Ok(())
}

/// A CSV writer for exported files, every cell neutralized.
pub struct SafeCsvWriter<W: Write> {
    writer: csv::Writer<W>,
}

impl<W: Write> SafeCsvWriter<W> {
    pub fn new(output: W, format: ExportFormat) -> Self {
        SafeCsvWriter {
            writer: csv::WriterBuilder::new()
                .delimiter(format.delimiter)
                .flexible(true)
                .from_writer(output),
        }
    }

    pub fn write_row<'a>(
        &mut self,
        cells: impl IntoIterator<Item = &'a str>,
    ) -> std::io::Result<()> {
        for cell in cells {
            self.writer
                .write_field(neutralize_formula(cell).as_bytes())
                .map_err(std::io::Error::other)?;
        }
        self.writer
            .write_record(None::<&[u8]>)
            .map_err(std::io::Error::other)
    }

    pub fn finish(mut self) -> std::io::Result<W> {
        self.writer.flush()?;
        self.writer.into_inner().map_err(|error| error.into_error())
    }
}

/// The error report's columns.
pub const REPORT_HEADER: [&str; 8] = [
    "line", "column", "field", "value", "severity", "code", "message", "fix",
];

/// Writes the error report: one line per issue, columns named as in the file.
pub fn write_report<W: Write>(
    output: W,
    format: ExportFormat,
    issues: &[Issue],
    mapping: &Mapping,
) -> std::io::Result<W> {
    let mut output = output;
    start_file(&mut output, format)?;
    let mut writer = SafeCsvWriter::new(output, format);
    writer.write_row(REPORT_HEADER)?;
    for issue in issues {
        let line = issue.line.to_string();
        let (message, fix) = (issue.message(), issue.fix());
        let column = issue
            .column_index
            .map_or("", |column| mapping.header(column));
        writer.write_row([
            line.as_str(),
            column,
            issue.field.as_str(),
            issue.value.as_str(),
            issue.severity.as_str(),
            issue.code.as_str(),
            message.as_str(),
            fix.as_str(),
        ])?;
    }
    writer.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::scope::ResourceName;

    #[test]
    fn formulas_are_neutralized_but_phones_and_amounts_survive() {
        for formula in [
            "=HYPERLINK(\"x\")",
            "@SUM(A1)",
            "+cmd|' /C calc'!A0",
            "-1+cmd|' /C calc'!A0",
            "+1+HYPERLINK(\"http://x\",\"y\")",
            "-2+3",
            "- x",
            "-",
            "+212-6-12",
            "-1,,2",
            "\tx",
            "\r1",
        ] {
            assert_eq!(
                neutralize_formula(formula),
                format!("'{formula}"),
                "{formula}"
            );
        }
        for value in [
            "+212612345678",
            "+212 6 12 34 56 78",
            "-12,5",
            "-12.5",
            "+3",
            "-1 270,00",
            "1 270,00",
            "Ali",
            "",
        ] {
            assert_eq!(neutralize_formula(value), value);
        }
    }

    #[test]
    fn corrected_cells_are_normalized_per_field() {
        let headers = ["phone", "price", "quantity", "city"];
        let mapping = Mapping::infer(&headers, ResourceName::Leads, &[]).unwrap();
        let phone = PhoneRules::new(crate::phone::DEFAULT_PHONE_REGION).unwrap();
        assert_eq!(
            corrected_cell(&mapping, &phone, 0, " 612345678 "),
            "+212612345678"
        );
        assert_eq!(corrected_cell(&mapping, &phone, 0, "06 12 AB"), "06 12 AB");
        assert_eq!(corrected_cell(&mapping, &phone, 1, "12,50"), "12.50");
        assert_eq!(corrected_cell(&mapping, &phone, 2, "2,0"), "2");
        assert_eq!(corrected_cell(&mapping, &phone, 3, " Fès\0 "), "Fès");
    }

    /// The error report of one `required` issue on `value`, in the file's only column.
    fn report(header: &str, line: u64, value: &str, format: ExportFormat) -> String {
        let headers = [header];
        let mapping = Mapping::infer(&headers, ResourceName::Leads, &[]).unwrap();
        let issue =
            crate::rule_check::required(crate::wording::Label::Field(crate::target::Field::Phone))
                .at(line, Some(0), "phone".to_string(), value);
        String::from_utf8(write_report(Vec::new(), format, &[issue], &mapping).unwrap()).unwrap()
    }

    #[test]
    fn the_report_neutralizes_column_names_and_values() {
        let text = report(
            "-1+Tel",
            2,
            "+1+HYPERLINK(\"http://x\",\"y\")",
            ExportFormat::default(),
        );
        let line = text.lines().nth(1).unwrap();
        assert!(
            line.starts_with("2,'-1+Tel,phone,\"'+1+HYPERLINK(\"\"http://x\"\",\"\"y\"\")\","),
            "{line}"
        );
    }

    #[test]
    fn the_report_uses_excel_settings() {
        let format = ExportFormat {
            bom: true,
            delimiter: b';',
        };
        let text = report("Tel", 3, "=1+1", format);
        assert!(text.starts_with("\u{feff}line;column;field;value"));
        assert!(text.contains("3;Tel;phone;'=1+1;error;required;"));
    }
}
