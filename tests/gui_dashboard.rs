//! The store at a glance against a real sandbox: the counts per status are the store's
//! own (checked against every record read page by page), the rates follow from them, and
//! a bar opens its table filtered on its status.

mod common;

use std::collections::BTreeMap;

use common::gui::Driver;
use common::{client, sandbox};
use wedocod_api::statuses::known_statuses;
use wedocod_api::{Client, ListQuery, ResourceName};
use wedocod_console::gui::Message;
use wedocod_console::gui::screen::store::{self, Tab, dashboard};
use wedocod_console::i18n::{text, text_with};
use wedocod_core::records::glance::Glance;
use wedocod_sandbox::SandboxConfig;

/// Every record of `kind`, counted by status, read page by page.
async fn counted_by_hand(client: &Client, kind: ResourceName) -> BTreeMap<String, u64> {
    let mut counts = BTreeMap::new();
    let mut page = 1;
    loop {
        let query = ListQuery::page(page, 100);
        let (statuses, pages) = match kind {
            ResourceName::Leads => {
                let read = client.leads().list(&query).await.unwrap();
                (
                    read.items.into_iter().map(|r| r.status).collect::<Vec<_>>(),
                    read.pages,
                )
            }
            ResourceName::Orders => {
                let read = client.orders().list(&query).await.unwrap();
                (
                    read.items.into_iter().map(|r| r.status).collect::<Vec<_>>(),
                    read.pages,
                )
            }
        };
        for status in statuses.into_iter().flatten() {
            *counts.entry(status).or_default() += 1;
        }
        if page >= pages {
            return counts;
        }
        page += 1;
    }
}

#[tokio::test]
async fn the_counts_are_the_stores_and_a_bar_opens_its_table() {
    let sandbox = sandbox(SandboxConfig::default()).await;
    let client = client(&sandbox);
    let glance = Glance::read(&client).await.unwrap();
    for (kind, counts) in [
        (ResourceName::Leads, &glance.leads),
        (ResourceName::Orders, &glance.orders),
    ] {
        let by_hand = counted_by_hand(&client, kind).await;
        for status in known_statuses(kind) {
            assert_eq!(
                counts.of(status),
                by_hand.get(*status).copied().unwrap_or(0),
                "{kind:?} {status}"
            );
        }
        assert_eq!(counts.total() as usize, sandbox.record_count(kind));
    }
    let leads = &glance.leads;
    let decided = leads.total() - leads.of("new") - leads.of("call_later");
    let expected = leads.of("confirmed") as f64 / decided as f64;
    assert_eq!(glance.confirmation_rate(), Some(expected));

    let mut driver =
        Driver::connect(&common::gui::Isolated::new(), &sandbox, sandbox.token()).await;
    driver
        .send(Message::Store(store::Message::Tab(Tab::Dashboard)))
        .await;
    assert!(driver.sees(&text("glance-title")));
    let percent = (expected * 100.0).round();
    assert!(driver.sees(&text_with("glance-percent", &[("percent", &percent)])));
    driver
        .send(Message::Store(store::Message::Dashboard(
            dashboard::Message::Open(ResourceName::Leads, "confirmed".into()),
        )))
        .await;
    let confirmed = leads.of("confirmed");
    let page_of = text_with(
        "page-of",
        &[("page", &1), ("pages", &1), ("total", &confirmed)],
    );
    assert!(driver.sees(&page_of), "the confirmed leads' table");
}
