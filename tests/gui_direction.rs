//! Arabic is read from the right, so the window mirrors its layout; French is not. The
//! same screens of the demo store in both languages, the places of their elements
//! compared: tabs, a table's columns and cells, pagination, the side panel, the status
//! bar, the desk's buttons. One test in this binary: the language is the process's.

mod common;

use common::gui::{Driver, Isolated};
use iced::Rectangle;
use wedocod_api::ResourceName;
use wedocod_console::gui::Message;
use wedocod_console::gui::screen::settings;
use wedocod_console::gui::screen::store::{self, Tab, records};
use wedocod_console::i18n::{Language, text};

/// The demo store in `language`, on its Leads tab.
async fn demo_in(language: Language, isolated: &Isolated) -> Driver {
    let mut driver = Driver::boot(isolated.launch()).await;
    driver.send(Message::ShowSettings).await;
    driver
        .send(Message::Settings(settings::Message::Language(language)))
        .await;
    driver
        .send(Message::Settings(settings::Message::Close))
        .await;
    driver.click(&text("explore-demo")).await.unwrap();
    driver
        .send(Message::Store(store::Message::Tab(Tab::Records(
            ResourceName::Leads,
        ))))
        .await;
    driver
}

fn place(driver: &Driver, shown: &str) -> Rectangle {
    driver
        .bounds_of(shown)
        .unwrap_or_else(|| panic!("{shown:?} is not on screen"))
}

/// Whether `first` lies left of `second` (their middles compared).
fn left_of(driver: &Driver, first: &str, second: &str) -> bool {
    place(driver, first).center_x() < place(driver, second).center_x()
}

#[tokio::test]
async fn arabic_reads_every_screen_from_the_right_and_french_from_the_left() {
    for language in [Language::French, Language::Arabic] {
        let isolated = Isolated::new();
        let mut driver = demo_in(language, &isolated).await;
        // Read from the left, each pair is in reading order left to right; from the right,
        // right to left.
        let from_the_left = language == Language::French;
        let in_reading_order = |driver: &Driver, first: &str, second: &str, what: &str| {
            assert_eq!(
                left_of(driver, first, second),
                from_the_left,
                "{language:?}: {what}: {first:?} then {second:?}"
            );
        };
        in_reading_order(&driver, &text("leads"), &text("orders"), "the tabs");
        in_reading_order(&driver, &text("glance-tab"), &text("desk-tab"), "the tabs");
        in_reading_order(
            &driver,
            &text("column-reference"),
            &text("column-customer"),
            "the table's columns",
        );
        in_reading_order(
            &driver,
            "LD-100320",
            &text("column-status"),
            "a row's cells",
        );
        in_reading_order(
            &driver,
            &text("first-page"),
            &text("last-page"),
            "pagination",
        );
        in_reading_order(
            &driver,
            &text("refresh"),
            &text("export-button"),
            "the toolbar",
        );
        in_reading_order(&driver, "·", &text("online"), "the status bar");

        let leads = |message| Message::Store(store::Message::Records(ResourceName::Leads, message));
        driver
            .send(leads(records::Message::Open("LD-100320".into())))
            .await;
        in_reading_order(
            &driver,
            &text("column-reference"),
            &text("details"),
            "the table, then its side panel",
        );
        driver.send(leads(records::Message::CloseDetail)).await;

        driver
            .send(Message::Store(store::Message::Tab(Tab::Desk)))
            .await;
        in_reading_order(
            &driver,
            &text("desk-skip"),
            &text("desk-undo"),
            "the desk's keys",
        );
    }
}
