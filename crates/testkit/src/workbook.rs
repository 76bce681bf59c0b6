//! Workbooks as Excel stores what a merchant typed: numbers as numbers, text as text.

use rust_xlsxwriter::{Workbook, Worksheet};

/// A cell to write.
pub enum Cell {
    Text(&'static str),
    Number(f64),
}

/// The columns every leads sheet here has.
pub const LEAD_HEADERS: [&str; 7] = [
    "full_name",
    "phone",
    "city",
    "address",
    "sku",
    "quantity",
    "total",
];

/// A leads table with its header at row `top` (0-based) from column `left`: the first
/// lead's phone typed as a number (its zero gone), quantities and totals as numbers, the
/// second lead's phone as text with a letter O in it.
pub fn leads_table(sheet: &mut Worksheet, top: u32, left: u16) {
    use Cell::{Number, Text};
    let rows: [&[Cell]; 2] = [
        &[
            Text("Amina Alaoui"),
            Number(612345678.0),
            Text("Rabat"),
            Text("12 Rue Ibn Sina"),
            Text("ARG-100"),
            Number(2.0),
            Number(298.5),
        ],
        &[
            Text("Omar Fassi"),
            Text("06123456O8"),
            Text("Fès"),
            Text("3 Avenue Hassan II"),
            Text("ARG-100"),
            Number(1.0),
            Number(149.0),
        ],
    ];
    for (offset, header) in LEAD_HEADERS.iter().enumerate() {
        sheet
            .write_string(top, left + offset as u16, *header)
            .unwrap();
    }
    for (row_offset, cells) in rows.iter().enumerate() {
        let row = top + 1 + row_offset as u32;
        for (offset, cell) in cells.iter().enumerate() {
            let column = left + offset as u16;
            match cell {
                Text(text) => sheet.write_string(row, column, *text),
                Number(number) => sheet.write_number(row, column, *number),
            }
            .unwrap();
        }
    }
}

/// A one-sheet workbook named "Leads" holding [`leads_table`] at A1, as Excel saves it.
pub fn excel_export() -> Vec<u8> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet().set_name("Leads").unwrap();
    leads_table(sheet, 0, 0);
    workbook.save_to_buffer().unwrap()
}
