//! The window on the store's local copy (issue 24), simulated with iced_test against a real
//! sandbox: the first sync runs as the store opens, the tables then read the copy (its
//! filters and sorts shown), keep paging and searching with the sandbox stopped, and the
//! detail panel names a likely duplicate.

mod common;

use common::gui::{Driver, Isolated};
use common::sandbox;
use wedocod_api::{CreateOutcome, ResourceName};
use wedocod_console::gui::Message;
use wedocod_console::gui::screen::store::{self, records};
use wedocod_console::i18n::{text, text_with};
use wedocod_sandbox::SandboxConfig;

fn leads(message: records::Message) -> Message {
    Message::Store(store::Message::Records(ResourceName::Leads, message))
}

fn page_of(page: u64, pages: u64, total: usize) -> String {
    text_with(
        "page-of",
        &[("page", &page), ("pages", &pages), ("total", &total)],
    )
}

#[tokio::test]
async fn the_tables_read_the_copy_and_keep_working_offline() {
    let sandbox = sandbox(SandboxConfig {
        rate_limit: 1_000_000,
        ..SandboxConfig::default()
    })
    .await;
    let twice = vec![common::valid_lead(7), common::valid_lead(7)];
    let references = match common::client(&sandbox)
        .leads()
        .create(&twice)
        .await
        .unwrap()
    {
        CreateOutcome::Created { created_refs, .. } => created_refs,
        other => panic!("{other:?}"),
    };
    let total = sandbox.record_count(ResourceName::Leads);
    let pages = (total as u64).div_ceil(50);
    let isolated = Isolated {
        sync_copy: true,
        ..Isolated::new()
    };
    let mut driver = Driver::connect(&isolated, &sandbox, sandbox.token()).await;
    // The first sync ran as the store opened, and the tables read the copy since.
    assert!(
        driver.sees(&text("filter-clear")),
        "the copy's filters show"
    );
    assert!(driver.sees(&page_of(1, pages, total)));

    sandbox.stop().await;
    driver.click(&text("next-page")).await.unwrap();
    assert!(
        driver.sees(&page_of(2, pages, total)),
        "a page change costs no request: it works with the store gone"
    );

    // Sorted by total, smallest first, by a click on the column's title.
    let total_title = text("column-total");
    driver.click(&total_title).await.unwrap();
    assert!(driver.sees(&format!("{total_title} ▲")));

    // A search folds accents and finds a phone in another spelling.
    let phone = common::valid_lead(7).phone;
    let spelled = format!("+212 {}", &phone[1..]);
    driver
        .send(leads(records::Message::SearchInput(spelled)))
        .await;
    driver.send(leads(records::Message::SearchSubmit)).await;
    assert!(
        driver.sees(&page_of(1, 1, 2)),
        "the two leads of that phone"
    );

    // The detail panel names the duplicate, from the copy, offline.
    driver
        .send(leads(records::Message::Open(references[1].clone())))
        .await;
    let duplicate = text_with(
        "desk-customer-duplicate",
        &[("references", &references[0].as_str())],
    );
    assert!(driver.sees(&duplicate), "{duplicate}");
}

#[tokio::test]
async fn a_lead_that_arrives_joins_the_desk_with_the_next_sync() {
    use wedocod_console::gui::screen::store::{Tab, copy_sync};
    let sandbox = sandbox(SandboxConfig {
        rate_limit: 1_000_000,
        ..SandboxConfig::default()
    })
    .await;
    let isolated = Isolated {
        sync_copy: true,
        ..Isolated::new()
    };
    let mut driver = Driver::connect(&isolated, &sandbox, sandbox.token()).await;
    driver
        .send(Message::Store(store::Message::Tab(Tab::Desk)))
        .await;
    driver.click(&text("desk-newest-first")).await.unwrap();
    let first_on_screen = common::client(&sandbox)
        .leads()
        .list(&wedocod_api::ListQuery {
            status: Some("new".into()),
            ..wedocod_api::ListQuery::page(1, 1)
        })
        .await
        .unwrap()
        .items[0]
        .full_name
        .clone()
        .unwrap();
    // The lead on screen stays; the next is the newest.
    let skip = || Message::Store(store::Message::Desk(store::desk::Message::Skip));
    driver.send(skip()).await;
    assert!(
        driver.sees(&first_on_screen),
        "newest first: {first_on_screen}"
    );

    let arriving = common::valid_lead(4242);
    common::client(&sandbox)
        .leads()
        .create(std::slice::from_ref(&arriving))
        .await
        .unwrap();
    driver
        .send(Message::Store(store::Message::Copy(
            copy_sync::Message::Due,
        )))
        .await;
    // It joined right after the lead on screen: one skip away.
    driver.send(skip()).await;
    assert!(driver.sees(&arriving.full_name), "{}", arriving.full_name);
}
