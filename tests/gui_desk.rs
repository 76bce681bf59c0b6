//! The confirmation desk, simulated with iced_test against real sandboxes: leads confirmed
//! from the keyboard alone land on the server with their history, in bulk updates; an
//! update the store refuses (500, 403 without the scope) brings its leads back with the
//! error while a 429 only delays it; *Undo last* puts the previous status back on the
//! server.

mod common;

use std::time::Duration;

use common::gui::{Driver, Isolated};
use common::{client, sandbox};
use wedocod_api::wire::Lead;
use wedocod_api::{Action, Client, Dialect, ListQuery, ResourceName, RetryPolicy, Scope};
use wedocod_console::gui::Message;
use wedocod_console::gui::app::WindowEvent;
use wedocod_console::gui::screen::store::{self, Tab, desk};
use wedocod_console::gui::shortcut::Shortcut;
use wedocod_console::i18n::{conventions, status_label, text, text_with};
use wedocod_core::config::Config;
use wedocod_core::records::Moment;
use wedocod_sandbox::{Faults, Sandbox, SandboxConfig, Trigger};

/// The store's `new` leads, oldest first: the desk's order.
async fn new_leads_oldest_first(client: &Client) -> Vec<String> {
    leads_oldest_first(client, "new").await
}

/// The store's leads of `status`, oldest first.
async fn leads_oldest_first(client: &Client, status: &str) -> Vec<String> {
    let mut all = Vec::new();
    let mut page = 1;
    loop {
        let query = ListQuery {
            status: Some(status.into()),
            ..ListQuery::page(page, 100)
        };
        let read = client.leads().list(&query).await.unwrap();
        all.extend(read.items.into_iter().filter_map(|lead| lead.reference));
        if page >= read.pages {
            break;
        }
        page += 1;
    }
    all.reverse();
    all
}

/// A history line as the card says it.
fn history_line(entry: &wedocod_api::wire::History) -> String {
    let at = Moment::of(entry.changed_at.as_deref()).map(|at| conventions::moment(&at));
    text_with(
        "history-entry",
        &[
            ("old", &status_label(entry.old_status.as_deref().unwrap())),
            ("new", &status_label(entry.new_status.as_deref().unwrap())),
            ("by", &entry.changed_by.clone().unwrap()),
            ("at", &at.unwrap()),
        ],
    )
}

async fn lead(client: &Client, reference: &str) -> Lead {
    client.leads().show(reference).await.unwrap()
}

/// The line of the card that names the lead shown, with its status.
fn shown(reference: &str, status: &str) -> String {
    format!("{reference} · {}", status_label(status))
}

fn key(key: char) -> Message {
    Message::Shortcut(Shortcut::Key(key))
}

fn patches(sandbox: &Sandbox) -> usize {
    sandbox
        .request_log()
        .iter()
        .filter(|request| request.method == "PATCH")
        .count()
}

async fn open_desk(sandbox: &Sandbox, token: &str) -> Driver {
    let mut driver = Driver::connect(&Isolated::new(), sandbox, token).await;
    driver
        .send(Message::Store(store::Message::Tab(Tab::Desk)))
        .await;
    driver
}

#[tokio::test]
async fn ten_leads_confirmed_from_the_keyboard_land_with_their_history() {
    let sandbox = sandbox(SandboxConfig::default()).await;
    let client = client(&sandbox);
    let queue = new_leads_oldest_first(&client).await;
    assert!(queue.len() >= 60, "the demo store has a morning's work");
    let mut driver = open_desk(&sandbox, sandbox.token()).await;
    for reference in &queue[..10] {
        assert!(
            driver.sees(&shown(reference, "new")),
            "{reference} is shown"
        );
        driver.send(key('1')).await;
    }
    assert!(driver.sees(&shown(&queue[10], "new")));
    assert_eq!(patches(&sandbox), 1, "ten outcomes, one bulk update");
    for reference in &queue[..10] {
        assert_eq!(
            lead(&client, reference).await.status.as_deref(),
            Some("confirmed")
        );
        let query = ListQuery {
            reference: Some(reference.clone()),
            ..ListQuery::page(1, 50)
        };
        let history = client.leads().histories(&query).await.unwrap();
        assert!(
            history
                .items
                .iter()
                .any(|entry| entry.old_status.as_deref() == Some("new")
                    && entry.new_status.as_deref() == Some("confirmed")),
            "{reference}: {history:?}"
        );
    }
    assert_eq!(
        lead(&client, &queue[10]).await.status.as_deref(),
        Some("new")
    );
}

#[tokio::test]
async fn a_refused_update_brings_its_leads_back_and_a_429_only_delays_it() {
    let sandbox = sandbox(SandboxConfig::default()).await;
    // The test looks with a token of its own: a 429 storm is the desk's token's.
    let checker = sandbox.grant_token(&Scope::all());
    let client = common::client_with(&sandbox, Dialect::V2, &checker, RetryPolicy::never());
    let queue = new_leads_oldest_first(&client).await;
    let mut driver = open_desk(&sandbox, sandbox.token()).await;
    // Every request fails while the outcomes go (the client's own retries included).
    sandbox.set_faults(Faults {
        fail500: Trigger::Probability(1.0),
        ..Faults::default()
    });
    for _ in 0..10 {
        driver.send(key('4')).await;
    }
    sandbox.set_faults(Faults::default());
    // The store failed: the first lead is back on screen, with why, and nothing changed.
    assert!(driver.sees(&shown(&queue[0], "new")));
    let server_failed = text_with("error-server", &[("status", &500)]);
    assert!(driver.sees(&text_with("desk-refused", &[("reason", &server_failed)])));
    assert_eq!(
        lead(&client, &queue[0]).await.status.as_deref(),
        Some("new")
    );

    sandbox.set_faults(Faults {
        storm429: Trigger::Next(1),
        ..Faults::default()
    });
    for _ in 0..10 {
        driver.send(key('1')).await;
    }
    // The merchant goes on while the store asks to wait.
    assert!(driver.sees(&shown(&queue[10], "new")));
    assert_eq!(
        lead(&client, &queue[0]).await.status.as_deref(),
        Some("new")
    );
    // The window ticks every second while outcomes wait; the storm is three 429s.
    for _ in 0..10 {
        tokio::time::sleep(Duration::from_millis(1100)).await;
        driver
            .send(Message::Store(store::Message::Desk(desk::Message::Tick)))
            .await;
        if lead(&client, &queue[9]).await.status.as_deref() == Some("confirmed") {
            break;
        }
    }
    for reference in &queue[..10] {
        assert_eq!(
            lead(&client, reference).await.status.as_deref(),
            Some("confirmed")
        );
    }
}

#[tokio::test]
async fn without_the_update_scope_the_leads_come_back_with_the_403() {
    let sandbox = sandbox(SandboxConfig::default()).await;
    let viewer = sandbox.grant_token(&[
        Scope::new(Action::View, ResourceName::Leads),
        Scope::new(Action::View, ResourceName::Orders),
    ]);
    let queue = new_leads_oldest_first(&client(&sandbox)).await;
    let mut driver = open_desk(&sandbox, &viewer).await;
    for _ in 0..10 {
        driver.send(key('1')).await;
    }
    assert!(driver.sees(&shown(&queue[0], "new")));
    let update_leads = Scope::new(Action::Update, ResourceName::Leads);
    let forbidden = text_with("error-forbidden-scope", &[("scope", &update_leads)]);
    assert!(driver.sees(&text_with("desk-refused", &[("reason", &forbidden)])));
}

#[tokio::test]
async fn undo_puts_the_previous_status_back_on_the_server() {
    let sandbox = sandbox(SandboxConfig::default()).await;
    let client = client(&sandbox);
    let queue = new_leads_oldest_first(&client).await;
    let mut driver = open_desk(&sandbox, sandbox.token()).await;
    for _ in 0..10 {
        driver.send(key('5')).await;
    }
    assert_eq!(
        lead(&client, &queue[9]).await.status.as_deref(),
        Some("wrong_number")
    );
    driver.send(key('u')).await;
    assert!(
        driver.sees(&shown(&queue[9], "new")),
        "the lead is back on screen"
    );
    assert_eq!(
        lead(&client, &queue[9]).await.status.as_deref(),
        Some("new")
    );
    assert_eq!(
        lead(&client, &queue[8]).await.status.as_deref(),
        Some("wrong_number")
    );
}

#[tokio::test]
async fn the_queue_works_through_the_statuses_ticked_and_each_card_shows_its_history() {
    let sandbox = sandbox(SandboxConfig::default()).await;
    let client = client(&sandbox);
    let call_later = leads_oldest_first(&client, "call_later").await;
    assert!(
        call_later.len() >= 2,
        "the demo store has leads to call back"
    );
    let isolated = Isolated::new();
    let mut driver = Driver::connect(&isolated, &sandbox, sandbox.token()).await;
    driver
        .send(Message::Store(store::Message::Tab(Tab::Desk)))
        .await;
    assert!(driver.sees(&text("no-history")), "a new lead has none");

    driver.click(&status_label("new")).await.unwrap();
    assert!(
        driver.sees(&shown(&call_later[0], "call_later")),
        "only the leads to call back are left"
    );
    let query = ListQuery {
        reference: Some(call_later[0].clone()),
        ..ListQuery::page(1, 5)
    };
    let history = client.leads().histories(&query).await.unwrap().items;
    assert!(!history.is_empty());
    for entry in &history {
        let line = history_line(entry);
        assert!(driver.sees(&line), "the card shows {line}");
    }
    driver.send(key('1')).await;
    assert!(driver.sees(&shown(&call_later[1], "call_later")));
    // Closing the window sends the outcome still waiting for its bulk update.
    let close = Message::Window(WindowEvent::CloseRequested);
    driver.send(close).await;
    assert_eq!(
        lead(&client, &call_later[0]).await.status.as_deref(),
        Some("confirmed")
    );

    // The choice is kept: the next launch's desk starts from it.
    let saved = Config::load_from(&isolated.config_file()).config;
    assert_eq!(saved.desk_statuses, Some(vec!["call_later".to_string()]));
    let mut again = Driver::boot(isolated.launch()).await;
    again
        .send(Message::Store(store::Message::Tab(Tab::Desk)))
        .await;
    assert!(again.sees(&shown(&call_later[1], "call_later")));

    // The last status cannot be unticked: an empty queue is no choice.
    again.click(&status_label("call_later")).await.unwrap();
    assert!(again.sees(&shown(&call_later[1], "call_later")));
}

#[tokio::test]
async fn closing_with_an_outcome_the_store_refuses_asks_first() {
    let sandbox = sandbox(SandboxConfig::default()).await;
    let client = client(&sandbox);
    let queue = new_leads_oldest_first(&client).await;
    let mut driver = open_desk(&sandbox, sandbox.token()).await;
    for _ in 0..3 {
        driver.send(key('1')).await;
    }
    sandbox.set_faults(Faults {
        fail500: Trigger::Probability(1.0),
        ..Faults::default()
    });
    driver
        .send(Message::Window(WindowEvent::CloseRequested))
        .await;
    sandbox.set_faults(Faults::default());
    assert!(driver.sees(&text("close-with-outcomes-title")));
    assert!(driver.sees(&text_with("close-with-outcomes-body", &[("count", &3)])));
    assert!(driver.sees(&shown(&queue[0], "new")), "the lead is back");
    driver.click(&text("cancel")).await.unwrap();
    assert!(!driver.sees(&text("close-with-outcomes-title")));
    assert_eq!(
        lead(&client, &queue[0]).await.status.as_deref(),
        Some("new")
    );
}

#[tokio::test]
async fn whatsapp_and_call_open_on_the_leads_international_number_with_its_message() {
    let sandbox = sandbox(SandboxConfig::default()).await;
    let client = client(&sandbox);
    let queue = new_leads_oldest_first(&client).await;
    let first = lead(&client, &queue[0]).await;
    let isolated = Isolated::new();
    let mut driver = Driver::connect(&isolated, &sandbox, sandbox.token()).await;
    driver
        .send(Message::Store(store::Message::Tab(Tab::Desk)))
        .await;
    driver.send(key('w')).await;
    driver.send(key('c')).await;
    driver.send(key('p')).await;

    // The store's spelling (06…, +212 6…) in international digits, worked out here alone.
    let digits: String = first
        .phone
        .clone()
        .unwrap()
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    let national = digits
        .trim_start_matches("00")
        .trim_start_matches("212")
        .trim_start_matches('0');
    let international = format!("212{national}");
    let opened = isolated.desktop.lock().unwrap().opened.clone();
    assert_eq!(opened.len(), 2, "{opened:?}");
    let whatsapp = reqwest::Url::parse(&opened[0]).unwrap();
    assert_eq!(whatsapp.host_str(), Some("wa.me"));
    assert_eq!(whatsapp.path(), format!("/{international}"));
    let message: String = whatsapp
        .query_pairs()
        .find(|(name, _)| name == "text")
        .map(|(_, text)| text.into_owned())
        .expect("the message is in the link");
    // The default template names the customer, the products and the city.
    for part in [
        first.full_name.as_deref().unwrap(),
        first.city.as_deref().unwrap(),
        first.products[0].sku.as_deref().unwrap(),
    ] {
        assert!(message.contains(part), "{part:?} is in {message:?}");
    }
    assert_eq!(opened[1], format!("tel:+{international}"));
    assert_eq!(driver.clipboard, Some(format!("+{international}")));
}

/// The card names the lead's products as the catalogue does (saved when the store opened),
/// the SKU beside each name: a confirmation call needs "Huile d'argan 100 ml".
#[tokio::test]
async fn the_card_names_its_products_from_the_catalogue() {
    let sandbox = sandbox(SandboxConfig::default()).await;
    let client = client(&sandbox);
    let first = &new_leads_oldest_first(&client).await[0];
    let products = lead(&client, first).await.products;
    let catalogue = client.all_products().await.unwrap();
    let name_of = |sku: &str| {
        catalogue
            .iter()
            .find(|product| product.sku.as_deref() == Some(sku))
            .and_then(|product| product.name.clone())
            .unwrap()
    };
    let expected: Vec<String> = products
        .iter()
        .map(|line| {
            let sku = line.sku.clone().unwrap();
            format!("{} × {} ({sku})", line.quantity.unwrap(), name_of(&sku))
        })
        .collect();
    // Kept to the end: the catalogue is saved in its data folder.
    let isolated = Isolated::new();
    let mut driver = Driver::connect(&isolated, &sandbox, sandbox.token()).await;
    driver
        .send(Message::Store(store::Message::Tab(Tab::Desk)))
        .await;
    assert!(driver.sees(&shown(first, "new")));
    assert!(driver.sees(&expected.join(", ")), "{expected:?}");
}
