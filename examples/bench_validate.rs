//! Helper of `scripts/bench-validate` and `scripts/bench-workbook`: writes a realistic
//! Moroccan leads file (CSV, or an Excel workbook written as Excel stores it), and parses
//! a CSV file with the bare csv crate (the speed the validator is compared with).
//!
//! ```text
//! bench_validate generate FILE ROWS        # ~1 % of the cells are wrong on purpose
//! bench_validate generate-xlsx FILE ROWS   # the same leads as an .xlsx
//! bench_validate bare-parse FILE           # prints the number of records
//! ```

use std::io::{BufWriter, Write};
use std::process::ExitCode;

const FIRST_NAMES: &[&str] = &[
    "Mohamed",
    "Fatima Zahra",
    "Youssef",
    "Khadija",
    "Amine",
    "Salma",
    "Hamza",
    "Imane",
    "Omar",
    "Meryem",
    "Ayoub",
    "Hajar",
    "Mehdi",
    "Nadia",
    "Rachid",
    "Zineb",
    "محمد",
    "فاطمة",
    "يوسف",
    "خديجة",
];
const LAST_NAMES: &[&str] = &[
    "Alaoui",
    "Bennani",
    "El Idrissi",
    "Tazi",
    "Berrada",
    "Chraïbi",
    "El Fassi",
    "Amrani",
    "Benjelloun",
    "Ouazzani",
    "Kettani",
    "Lahlou",
    "العلوي",
    "بناني",
    "الإدريسي",
    "التازي",
];
const CITIES: &[(&str, &[&str])] = &[
    (
        "Casablanca",
        &["Maârif", "Sidi Maârouf", "Hay Hassani", "Aïn Chock"],
    ),
    ("Rabat", &["Agdal", "Hay Riad", "Souissi", "Océan"]),
    ("Marrakech", &["Guéliz", "Médina", "Daoudiate", "M'hamid"]),
    ("Fès", &["Ville Nouvelle", "Saïss", "Narjiss", "Atlas"]),
    ("Tanger", &["Malabata", "Iberia", "Boukhalef", "Marchan"]),
    ("Agadir", &["Talborjt", "Hay Mohammadi", "Dakhla", "Founty"]),
    ("Meknès", &["Hamria", "Marjane", "Bassatine", "Zitoune"]),
    ("Oujda", &["Centre", "Lazaret", "Al Qods", "Sidi Maâfa"]),
    (
        "الدار البيضاء",
        &["المعاريف", "الحي الحسني", "عين الشق", "سيدي مومن"],
    ),
];
const STREETS: &[&str] = &[
    "Rue Ibnou Mounir",
    "Bd Mohammed V",
    "Av. Hassan II",
    "Rue Oum Rabii",
    "Bd Zerktouni",
    "Rue de Fès",
    "Av. Allal Ben Abdellah",
    "شارع محمد الخامس",
    "زنقة الأطلس",
];
const PRODUCTS: &[(&str, &str)] = &[
    ("TSH-BLK-M", "149,00"),
    ("TSH-WHT-L", "149,00"),
    ("CAP-RED", "79,50"),
    ("SNK-42", "399,00"),
    ("WATCH-01", "249,90"),
    ("BAG-LTH", "320,00"),
    ("PERF-50", "189,00"),
    ("SOCK-3P", "45,00"),
];
const SOURCES: &[&str] = &["facebook", "instagram", "tiktok", "whatsapp", "site"];

/// xorshift64*: fast, deterministic, good enough for test data.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        items.get(self.below(items.len()))
    }

    /// True about once in a hundred draws: the cell is spoiled.
    fn spoil(&mut self) -> bool {
        self.below(100) == 0
    }
}

fn phone(random: &mut Random) -> String {
    // Prefixes the numbering plan gives to mobiles (06x, 070, 071, 076, 077).
    const PREFIXES: &[&str] = &[
        "60", "61", "62", "63", "64", "65", "66", "67", "69", "70", "71", "76", "77",
    ];
    let prefix = PREFIXES
        .get(random.below(PREFIXES.len()))
        .copied()
        .unwrap_or("61");
    let national = format!("{prefix}{:07}", random.below(10_000_000));
    match random.below(4) {
        0 => format!("0{national}"),
        1 => format!("+212{national}"),
        2 => {
            let digits = format!("0{national}");
            let pairs: Vec<&str> = (0..5)
                .filter_map(|i| digits.get(i * 2..i * 2 + 2))
                .collect();
            pairs.join(" ")
        }
        _ => format!("00212{national}"),
    }
}

const HEADER: [&str; 9] = [
    "Nom complet",
    "Téléphone",
    "Ville",
    "Quartier",
    "Adresse",
    "SKU",
    "Quantité",
    "Prix",
    "Source",
];

/// One lead's cells as a merchant's file holds them (about 1 % spoiled).
fn lead(random: &mut Random) -> [String; 9] {
    let first = random.pick(FIRST_NAMES).copied().unwrap_or("Ali");
    let last = random.pick(LAST_NAMES).copied().unwrap_or("Alami");
    let (city, areas) = random.pick(CITIES).copied().unwrap_or(("Rabat", &[]));
    let area = random.pick(areas).copied().unwrap_or("");
    let street = random.pick(STREETS).copied().unwrap_or("Rue 1");
    let (sku, price) = random.pick(PRODUCTS).copied().unwrap_or(("SKU", "100"));
    let source = random.pick(SOURCES).copied().unwrap_or("");
    let mut cells = [
        format!("{first} {last}"),
        phone(random),
        city.to_string(),
        area.to_string(),
        format!("N° {} {street}", 1 + random.below(200)),
        sku.to_string(),
        (1 + random.below(3)).to_string(),
        price.to_string(),
        source.to_string(),
    ];
    let spoiled: [(usize, &[&str]); 7] = [
        (0, &["A"]),
        (1, &["06 12 AB 34", "0612", "6.12346E+08", "612345678"]),
        (2, &[""]),
        (4, &["Rue"]),
        (5, &[""]),
        (6, &["0"]),
        (7, &["gratuit"]),
    ];
    for (column, values) in spoiled {
        if random.spoil() {
            cells[column] = values[random.below(values.len())].to_string();
        }
    }
    cells
}

fn generate(path: &str, rows: usize) -> std::io::Result<()> {
    let mut out = BufWriter::with_capacity(1 << 20, std::fs::File::create(path)?);
    writeln!(out, "{}", HEADER.join(";"))?;
    let mut random = Random(0x9e37_79b9_7f4a_7c15);
    for _ in 0..rows {
        writeln!(out, "{}", lead(&mut random).join(";"))?;
    }
    out.flush()
}

/// The same leads as an Excel export stores them: quantities and prices as numbers, and
/// one phone in three typed as a number (its leading 0 gone, as Excel does).
fn generate_workbook(path: &str, rows: usize) -> Result<(), rust_xlsxwriter::XlsxError> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet().set_name("Leads")?;
    for (column, title) in HEADER.iter().enumerate() {
        sheet.write_string(0, column as u16, *title)?;
    }
    let mut random = Random(0x9e37_79b9_7f4a_7c15);
    for row in 1..=rows as u32 {
        let numeric_phone = random.below(3) == 0;
        for (column, cell) in lead(&mut random).iter().enumerate() {
            let number = cell.replace(',', ".").parse::<f64>().ok();
            let as_number = match column {
                1 => number.filter(|_| numeric_phone && cell.starts_with('0')),
                6 | 7 => number,
                _ => None,
            };
            match as_number {
                Some(value) => sheet.write_number(row, column as u16, value)?,
                None => sheet.write_string(row, column as u16, cell)?,
            };
        }
    }
    workbook.save(path)
}

fn bare_parse(path: &str) -> csv::Result<u64> {
    let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_path(path)?;
    let mut record = csv::StringRecord::new();
    let mut rows = 0;
    while reader.read_record(&mut record)? {
        rows += 1;
    }
    Ok(rows)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let outcome = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        [_, "generate", path, rows] => match rows.parse() {
            Ok(rows) => generate(path, rows).map_err(|error| error.to_string()),
            Err(_) => Err(format!("not a row count: {rows}")),
        },
        [_, "generate-xlsx", path, rows] => match rows.parse() {
            Ok(rows) => generate_workbook(path, rows).map_err(|error| error.to_string()),
            Err(_) => Err(format!("not a row count: {rows}")),
        },
        [_, "bare-parse", path] => bare_parse(path)
            .map(|rows| println!("{rows}"))
            .map_err(|error| error.to_string()),
        _ => Err(
            "usage: bench_validate generate FILE ROWS | generate-xlsx FILE ROWS | bare-parse FILE"
                .to_string(),
        ),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}
