//! The window in French and in Arabic (issue 13): the language switched in Settings, then
//! every screen walked on the demo store (welcome, settings, the dashboard, leads, a lead's detail,
//! orders, the export dialog, the confirmation desk, the import screen with a file full of errors, uploads, the
//! stores and the connect form), failing if any English text of the window's catalogue is
//! on screen, or the checker's English for the file's problems. One test, one process: the language is the whole window's.

mod common;

use std::path::Path;

use common::gui::{Driver, Isolated};
use fluent_syntax::ast::{Entry, PatternElement};
use wedocod_api::ResourceName;
use wedocod_console::gui::Message;
use wedocod_console::gui::file_dialog::Chosen;
use wedocod_console::gui::screen::store::{self, Tab, records};
use wedocod_console::gui::screen::{import, profiles, settings};
use wedocod_console::i18n::{Language, text, text_with, wording};
use wedocod_import::Sheet;
use wedocod_import::ValidateSettings;
use wedocod_import::Wording;

/// The English catalogue's texts without variables that another language must not show
/// (words spelt alike in French, such as "Total", are left out).
fn english_texts(alike: &[&str]) -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/i18n/en/wedocod_console.ftl");
    let source = std::fs::read_to_string(path).unwrap();
    let resource = fluent_syntax::parser::parse(source.as_str()).unwrap();
    resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            Entry::Message(message) => {
                let elements = &message.value.as_ref()?.elements;
                match elements.as_slice() {
                    [PatternElement::TextElement { value }] => Some(value.to_string()),
                    _ => None,
                }
            }
            _ => None,
        })
        .filter(|value| !alike.contains(&value.as_str()))
        .collect()
}

/// Fails with the screen's name and the English it shows.
fn no_english(driver: &Driver, english: &[String], screen: &str) {
    let seen = driver.sees_which(english);
    assert!(seen.is_empty(), "{screen}: English on screen: {seen:?}");
}

/// The import screen's problem list says each finding of the file in the language spoken,
/// never in the English the JSON keeps.
fn the_checker_speaks(driver: &Driver, file: &Path) {
    let settings = ValidateSettings::new(ResourceName::Leads);
    let sheet = Sheet::load(std::fs::read(file).unwrap(), &settings).unwrap();
    let summary = sheet.summary();
    let lines: Vec<_> = summary.iter().filter(|line| !line.varied).collect();
    assert!(lines.len() >= 5, "{summary:?}");
    let shown = |said: &dyn Fn(&Wording) -> String| -> Vec<String> {
        lines
            .iter()
            .map(|line| format!("{} × {}", line.count, said(&line.wording)))
            .collect()
    };
    let spoken = shown(&wording::message);
    assert_eq!(driver.sees_which(&spoken), spoken);
    let english = shown(&Wording::message);
    assert_eq!(driver.sees_which(&english), Vec::<String>::new());
}

async fn walk(language: Language, alike: &[&str]) {
    let english = english_texts(alike);
    let isolated = Isolated::new();
    let mut driver = Driver::boot(isolated.launch()).await;
    driver.send(Message::ShowSettings).await;
    driver
        .send(Message::Settings(settings::Message::Language(language)))
        .await;
    assert!(driver.sees(&text("settings-title")));
    no_english(&driver, &english, "settings");
    driver
        .send(Message::Settings(settings::Message::Close))
        .await;
    no_english(&driver, &english, "welcome");

    driver.click(&text("explore-demo")).await.unwrap();
    assert!(driver.sees(&text("glance-title")));
    no_english(&driver, &english, "the dashboard");
    driver
        .send(Message::Store(store::Message::Tab(Tab::Records(
            ResourceName::Leads,
        ))))
        .await;
    assert!(driver.sees(&text_with(
        "page-of",
        &[("page", &1), ("pages", &7), ("total", &320)]
    )));
    no_english(&driver, &english, "leads");
    let leads = |message| Message::Store(store::Message::Records(ResourceName::Leads, message));
    driver
        .send(leads(records::Message::Open("LD-100320".into())))
        .await;
    assert!(driver.sees(&text("history")));
    no_english(&driver, &english, "a lead's detail");
    let folder = tempfile::tempdir().unwrap();
    driver
        .send(leads(records::Message::ExportTo(Chosen::Path(
            folder.path().join("leads.xlsx"),
        ))))
        .await;
    no_english(&driver, &english, "the export dialog");
    driver.send(leads(records::Message::Close)).await;

    driver
        .send(Message::Store(store::Message::Tab(Tab::Records(
            ResourceName::Orders,
        ))))
        .await;
    no_english(&driver, &english, "orders");

    driver
        .send(Message::Store(store::Message::Tab(Tab::Desk)))
        .await;
    assert!(driver.sees(&text("desk-undo")), "a lead to call");
    no_english(&driver, &english, "the confirmation desk");

    for (tab, shown, screen) in [
        (Tab::Products, "stock-out", "products"),
        (Tab::Payouts, "payouts-by-month", "payouts"),
        (Tab::Sourcing, "sourcing-new", "sourcing"),
    ] {
        driver.send(Message::Store(store::Message::Tab(tab))).await;
        assert!(driver.sees(&text(shown)), "{screen}");
        no_english(&driver, &english, screen);
    }

    driver
        .send(Message::Store(store::Message::Tab(Tab::Import)))
        .await;
    no_english(&driver, &english, "import, no file");
    let errors = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("crates/import/tests/data/leads_fr_excel_1252.csv");
    driver
        .send(Message::Import(import::Message::Dropped(errors.clone())))
        .await;
    assert!(driver.sees(&text("problems")));
    no_english(&driver, &english, "import, a file with errors");
    the_checker_speaks(&driver, &errors);

    driver
        .send(Message::Store(store::Message::Tab(Tab::Uploads)))
        .await;
    no_english(&driver, &english, "uploads");

    driver.send(Message::ShowProfiles).await;
    no_english(&driver, &english, "stores");
    driver.send(Message::Profiles(profiles::Message::Add)).await;
    assert!(driver.sees(&text("connect-title")));
    no_english(&driver, &english, "connect");
}

#[tokio::test]
async fn french_then_arabic_throughout() {
    walk(
        Language::French,
        &[
            "Total",
            "Mode",
            "Pause",
            "Leads",
            "E-mail",
            "leads",
            "WhatsApp (W)",
            "Sourcing",
            "SKU",
            "Stock",
            "Description",
        ],
    )
    .await;
    walk(Language::Arabic, &[]).await;
}
