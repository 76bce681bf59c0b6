//! The window, simulated with iced_test against real sandboxes: first run, connecting,
//! paging, filtering, bulk status changes, deletes, and the 401/403/429 presentations.

mod common;

use std::time::Duration;

use common::gui::{Driver, Isolated};
use common::sandbox;
use wedocod_api::{Action, ListQuery, ResourceName, Scope};
use wedocod_console::gui::Message;
use wedocod_console::gui::app::WindowEvent;
use wedocod_console::gui::desktop::DesktopNotice;
use wedocod_console::gui::file_dialog::Chosen;
use wedocod_console::gui::screen::connect;
use wedocod_console::gui::screen::store::{self, records};
use wedocod_console::i18n::{text, text_with};
use wedocod_sandbox::{Sandbox, SandboxConfig};

async fn connect_to(sandbox: &Sandbox, token: &str) -> Driver {
    Driver::connect(&Isolated::new(), sandbox, token).await
}

fn page_of(page: u64, pages: u64, total: usize) -> String {
    text_with(
        "page-of",
        &[("page", &page), ("pages", &pages), ("total", &total)],
    )
}

fn leads(message: records::Message) -> Message {
    Message::Store(store::Message::Records(ResourceName::Leads, message))
}

#[tokio::test]
async fn first_run_explores_the_demo_and_pages_through() {
    let isolated = Isolated::new();
    let mut driver = Driver::boot(isolated.launch()).await;
    assert!(driver.sees(&text("welcome-title")));
    driver.click(&text("explore-demo")).await.unwrap();
    assert!(
        driver.sees(&text("glance-title")),
        "a store opens on its dashboard"
    );
    driver.click(&text("leads")).await.unwrap();
    assert!(
        driver.sees(&page_of(1, 7, 320)),
        "the demo store's first page of leads"
    );
    assert!(driver.sees("LD-100320"), "newest first");
    assert_eq!(driver.app.title(), "WedoCOD Console — Demo store");

    driver.click(&text("next-page")).await.unwrap();
    assert!(driver.sees(&page_of(2, 7, 320)));
    driver.click(&text("last-page")).await.unwrap();
    assert!(driver.sees(&page_of(7, 7, 320)));
    assert!(
        driver.sees("LD-100001"),
        "the oldest lead is on the last page"
    );

    driver.click(&text("orders")).await.unwrap();
    assert!(driver.sees(&page_of(1, 5, 220)));
}

#[tokio::test]
async fn a_wrong_token_is_told_apart_and_a_right_one_connects() {
    let sandbox = sandbox(SandboxConfig::default()).await;
    let driver = connect_to(&sandbox, "not-the-token").await;
    assert!(driver.sees(&text("error-unauthenticated")));
    assert!(driver.sees(&text("connect-title")), "still on the form");

    let driver = connect_to(&sandbox, sandbox.token()).await;
    assert!(driver.sees(&page_of(1, 7, 320)));
    assert_eq!(driver.app.title(), "WedoCOD Console — Boutique Rabat");
}

#[tokio::test]
async fn plain_http_to_another_host_is_refused_before_sending() {
    let isolated = Isolated::new();
    let mut driver = Driver::boot(isolated.launch()).await;
    driver.click(&text("connect-store")).await.unwrap();
    driver.type_into(connect::NAME_ID, "Shop").await.unwrap();
    driver
        .send(Message::Connect(connect::Message::BaseUrl(
            "http://shop.example.ma".into(),
        )))
        .await;
    driver.type_into(connect::TOKEN_ID, "abc").await.unwrap();
    driver.click(&text("connect")).await.unwrap();
    assert!(driver.sees(&text("error-plain-http")));
}

#[tokio::test]
async fn filters_and_search_narrow_the_list() {
    let sandbox = sandbox(SandboxConfig::default()).await;
    let listed = common::client(&sandbox)
        .leads()
        .list(&ListQuery {
            status: Some("confirmed".into()),
            ..ListQuery::page(1, 1)
        })
        .await
        .unwrap();
    let confirmed = listed.total as usize;
    let one = listed.items[0].clone();
    assert!(
        confirmed > 20,
        "{confirmed} confirmed leads in the demo data"
    );
    let mut driver = connect_to(&sandbox, sandbox.token()).await;
    // Pick lists draw their text themselves (no text widget to find): choose by message.
    driver
        .send(leads(records::Message::StatusFilter(
            records::StatusFilter::Only("confirmed".into()),
        )))
        .await;
    assert!(
        driver.sees(&page_of(1, 1, confirmed)),
        "the sandbox's confirmed leads, on one page"
    );

    let reference = one.reference.unwrap();
    driver
        .send(leads(records::Message::SearchInput(reference.clone())))
        .await;
    driver.send(leads(records::Message::SearchSubmit)).await;
    assert!(driver.sees(&page_of(1, 1, 1)), "{reference}");
    assert!(driver.sees(&one.full_name.unwrap()));
}

#[tokio::test]
async fn bulk_status_change_then_history_in_the_detail_panel() {
    let sandbox = sandbox(SandboxConfig::default()).await;
    let mut driver = connect_to(&sandbox, sandbox.token()).await;
    driver
        .send(leads(records::Message::Toggle("LD-100316".into(), true)))
        .await;
    assert!(driver.sees(&text_with("selected-count", &[("count", &1)])));
    driver
        .send(leads(records::Message::BulkStatus("confirmed".into())))
        .await;
    driver.click(&text("apply")).await.unwrap();
    assert!(driver.sees(&text_with(
        "status-changed",
        &[("count", &1), ("fields", &"status")]
    )));

    driver.click("LD-100316").await.unwrap();
    assert!(driver.sees(&text("history")));
    assert!(
        !driver.sees(&text("no-history")),
        "the change shows in the history"
    );
}

#[tokio::test]
async fn delete_asks_for_confirmation_first() {
    let sandbox = sandbox(SandboxConfig::default()).await;
    let before = sandbox.record_count(ResourceName::Leads);
    let mut driver = connect_to(&sandbox, sandbox.token()).await;
    driver
        .send(leads(records::Message::Toggle("LD-100320".into(), true)))
        .await;
    driver
        .send(leads(records::Message::Toggle("LD-100319".into(), true)))
        .await;
    driver.click(&text("delete")).await.unwrap();
    assert!(driver.sees(&text("confirm-delete-title")));
    driver.click(&text("cancel")).await.unwrap();
    assert!(!driver.sees(&text("confirm-delete-title")));
    assert_eq!(
        sandbox.record_count(ResourceName::Leads),
        before,
        "cancel deletes nothing"
    );

    driver.click(&text("delete")).await.unwrap();
    driver.click(&text("confirm-delete")).await.unwrap();
    assert!(driver.sees(&text_with("deleted", &[("count", &2)])));
    assert_eq!(sandbox.record_count(ResourceName::Leads), before - 2);
    assert!(!driver.sees("LD-100320"));
}

#[tokio::test]
async fn a_missing_scope_is_named_at_connect_and_on_actions() {
    let sandbox = sandbox(SandboxConfig::default()).await;
    let leads_only = sandbox.grant_token(&[Scope::new(Action::View, ResourceName::Leads)]);
    let driver = connect_to(&sandbox, &leads_only).await;
    assert!(driver.sees(&text_with(
        "error-forbidden-scope",
        &[("scope", &"view orders")]
    )));

    let viewer = sandbox.grant_token(&[
        Scope::new(Action::View, ResourceName::Leads),
        Scope::new(Action::View, ResourceName::Orders),
    ]);
    let mut driver = connect_to(&sandbox, &viewer).await;
    driver
        .send(leads(records::Message::Toggle("LD-100320".into(), true)))
        .await;
    driver.click(&text("delete")).await.unwrap();
    driver.click(&text("confirm-delete")).await.unwrap();
    assert!(driver.sees(&text_with(
        "error-forbidden-scope",
        &[("scope", &"delete leads")]
    )));
    assert!(driver.sees(&text_with(
        "action-needs-scope",
        &[("scope", &"delete leads")]
    )));
}

#[tokio::test]
async fn a_429_counts_down_and_retries_by_itself() {
    let sandbox = sandbox(SandboxConfig::default()).await;
    let mut driver = connect_to(&sandbox, sandbox.token()).await;
    sandbox.set_faults("storm429=x1".parse().unwrap());
    driver.click(&text("refresh")).await.unwrap();
    assert!(driver.sees(&text_with("error-rate-limited", &[("seconds", &1)])));
    // The storm answers 429 three times; each time the screen waits Retry-After and retries.
    for _ in 0..3 {
        tokio::time::sleep(Duration::from_millis(1_100)).await;
        driver.send(leads(records::Message::Tick)).await;
    }
    assert!(!driver.sees(&text_with("error-rate-limited", &[("seconds", &1)])));
    assert!(driver.sees(&page_of(1, 7, 320)));
}

#[tokio::test]
async fn an_absurd_retry_after_counts_down_from_the_ceiling() {
    let sandbox = sandbox(SandboxConfig::default()).await;
    let mut driver = connect_to(&sandbox, sandbox.token()).await;
    sandbox.set_faults("absurd429=x1".parse().unwrap());
    driver.click(&text("refresh")).await.unwrap();
    driver.send(leads(records::Message::Tick)).await;
    let ceiling = wedocod_api::pacing::MAX_RETRY_WAIT.as_secs();
    assert!(
        (ceiling - 2..=ceiling)
            .any(|seconds| driver.sees(&text_with("error-rate-limited", &[("seconds", &seconds)]))),
        "the countdown starts at the ceiling"
    );
}

#[tokio::test]
async fn server_errors_offer_a_retry() {
    let sandbox = sandbox(SandboxConfig::default()).await;
    let mut driver = connect_to(&sandbox, sandbox.token()).await;
    sandbox.set_faults("fail500=x1".parse().unwrap());
    driver.click(&text("next-page")).await.unwrap();
    assert!(driver.sees(&text_with("error-server", &[("status", &500)])));
    driver.click(&text("retry")).await.unwrap();
    assert!(driver.sees(&page_of(2, 7, 320)));
}

#[tokio::test]
async fn the_filtered_table_exports_to_a_workbook() {
    let sandbox = sandbox(SandboxConfig::default()).await;
    let isolated = Isolated::new();
    let mut driver = Driver::connect(&isolated, &sandbox, sandbox.token()).await;
    driver
        .send(leads(records::Message::StatusFilter(
            records::StatusFilter::Only("no_reply".into()),
        )))
        .await;
    let total = sandbox_count(&sandbox, "no_reply").await;
    let folder = tempfile::tempdir().unwrap();
    // A name typed without extension becomes a workbook.
    let chosen = folder.path().join("to call back");
    driver
        .send(leads(records::Message::ExportTo(Chosen::Path(chosen))))
        .await;
    assert!(driver.sees(&text_with(
        "export-title",
        &[("count", &total), ("kind", &text("kind-leads"))]
    )));
    driver.click(&text("cancel")).await.unwrap();
    assert!(!driver.sees(&text("export-start")), "the dialog closed");
    assert_eq!(std::fs::read_dir(folder.path()).unwrap().count(), 0);

    driver
        .send(leads(records::Message::ExportTo(Chosen::Path(
            folder.path().join("to call back"),
        ))))
        .await;
    // The merchant looks at another window while it runs: a desktop notification says
    // what the window says.
    driver
        .send(Message::Window(WindowEvent::Focused(false)))
        .await;
    driver.click(&text("export-start")).await.unwrap();
    let written = folder.path().join("to call back.xlsx");
    let exported = text_with(
        "exported",
        &[
            ("rows", &total),
            ("kind", &text("kind-leads")),
            ("path", &written.display()),
        ],
    );
    assert!(driver.sees(&exported));
    assert_eq!(
        isolated.desktop.lock().unwrap().notices,
        [DesktopNotice {
            title: text("export-ended-title"),
            body: exported
        }]
    );
    let mut workbook = calamine::open_workbook_auto(&written).unwrap();
    let range = calamine::Reader::worksheet_range(&mut workbook, "Leads").unwrap();
    let statuses: Vec<String> = range.rows().skip(1).map(|row| row[8].to_string()).collect();
    assert_eq!(statuses.len() as u64, total);
    assert!(statuses.iter().all(|status| status == "no_reply"));
}

/// The sandbox's count of leads with `status`, through the API.
async fn sandbox_count(sandbox: &Sandbox, status: &str) -> u64 {
    let query = wedocod_api::ListQuery {
        status: Some(status.into()),
        ..wedocod_api::ListQuery::page(1, 1)
    };
    common::client(sandbox)
        .leads()
        .list(&query)
        .await
        .unwrap()
        .total
}

/// The detail panel names a record's products as the store's catalogue does (saved when
/// the store opened), the SKU beside each name; the table's column keeps the SKUs.
#[tokio::test]
async fn the_detail_panel_names_the_products() {
    let sandbox = sandbox(SandboxConfig::default()).await;
    let client = common::client(&sandbox);
    let lead = client.leads().show("LD-100320").await.unwrap();
    let catalogue = client.all_products().await.unwrap();
    let named: Vec<String> = lead
        .products
        .iter()
        .map(|line| {
            let sku = line.sku.clone().unwrap();
            let name = catalogue
                .iter()
                .find(|product| product.sku.as_deref() == Some(sku.as_str()))
                .and_then(|product| product.name.clone())
                .unwrap();
            format!("{} × {name} ({sku})", line.quantity.unwrap())
        })
        .collect();
    // Kept to the end: the catalogue is saved in its data folder.
    let isolated = Isolated::new();
    let mut driver = Driver::connect(&isolated, &sandbox, sandbox.token()).await;
    assert!(!driver.sees(&named.join(", ")), "the table keeps the SKUs");
    driver.click("LD-100320").await.unwrap();
    assert!(driver.sees(&named.join(", ")), "{named:?}");
}
