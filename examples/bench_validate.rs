//! Helper of `scripts/bench-validate`: writes a realistic Moroccan leads file, and
//! parses a file with the bare csv crate (the speed the validator is compared with).
//!
//! ```text
//! bench_validate generate FILE ROWS   # ~1 % of the cells are wrong on purpose
//! bench_validate bare-parse FILE      # prints the number of records
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

fn generate(path: &str, rows: usize) -> std::io::Result<()> {
    let mut out = BufWriter::with_capacity(1 << 20, std::fs::File::create(path)?);
    writeln!(
        out,
        "Nom complet;Téléphone;Ville;Quartier;Adresse;SKU;Quantité;Prix;Source"
    )?;
    let mut random = Random(0x9e37_79b9_7f4a_7c15);
    for _ in 0..rows {
        let first = random.pick(FIRST_NAMES).copied().unwrap_or("Ali");
        let last = random.pick(LAST_NAMES).copied().unwrap_or("Alami");
        let (city, areas) = random.pick(CITIES).copied().unwrap_or(("Rabat", &[]));
        let area = random.pick(areas).copied().unwrap_or("");
        let street = random.pick(STREETS).copied().unwrap_or("Rue 1");
        let (sku, price) = random.pick(PRODUCTS).copied().unwrap_or(("SKU", "100"));
        let source = random.pick(SOURCES).copied().unwrap_or("");
        let mut name = format!("{first} {last}");
        let mut tel = phone(&mut random);
        let mut city = city.to_string();
        let mut address = format!("N° {} {street}", 1 + random.below(200));
        let mut sku = sku.to_string();
        let mut quantity = (1 + random.below(3)).to_string();
        let mut price = price.to_string();
        if random.spoil() {
            name = "A".to_string();
        }
        if random.spoil() {
            tel = ["06 12 AB 34", "0612", "6.12346E+08", "612345678"][random.below(4)].to_string();
        }
        if random.spoil() {
            city.clear();
        }
        if random.spoil() {
            address = "Rue".to_string();
        }
        if random.spoil() {
            sku.clear();
        }
        if random.spoil() {
            quantity = "0".to_string();
        }
        if random.spoil() {
            price = "gratuit".to_string();
        }
        writeln!(
            out,
            "{name};{tel};{city};{area};{address};{sku};{quantity};{price};{source}"
        )?;
    }
    out.flush()
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
        [_, "bare-parse", path] => bare_parse(path)
            .map(|rows| println!("{rows}"))
            .map_err(|error| error.to_string()),
        _ => Err("usage: bench_validate generate FILE ROWS | bare-parse FILE".to_string()),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}
