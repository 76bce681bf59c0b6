//! The seller tabs against the demo store: the Products tab's stock badges, the desk's
//! warning on a lead for a product out of stock, the Payouts tab's totals against the
//! sandbox's invoices, a sourcing request sent from the window (and its 422 under its
//! field), a token without `view stocks` told so, the scope named, the tabs read from the
//! local copy with the store gone, the invoices exported, and the import check's warning
//! on a row whose product is out of stock.

mod common;

use common::gui::{Driver, Isolated};
use common::{client, sandbox};
use wedocod_api::seller::{Invoice, Sourcing, Stock};
use wedocod_api::wire::ProductLine;
use wedocod_api::{Action, Dialect, NewLead, ResourceName, RetryPolicy, Scope, Subject};
use wedocod_console::gui::Message;
use wedocod_console::gui::file_dialog::Chosen;
use wedocod_console::gui::screen::import;
use wedocod_console::gui::screen::store::seller::{payouts, sourcing};
use wedocod_console::gui::screen::store::{self, Tab, desk};
use wedocod_console::i18n::api_error::describe;
use wedocod_console::i18n::conventions::money;
use wedocod_console::i18n::{text, text_with};
use wedocod_core::records::ProductNames;
use wedocod_core::seller::{StockLevels, StockMark};
use wedocod_sandbox::SandboxConfig;

fn tab(tab: Tab) -> Message {
    Message::Store(store::Message::Tab(tab))
}

/// What the Products tab should say above its table ("24 products · 3 low · 2 out of
/// stock"), worked out from the store's catalogue and stock; and the low and out counts.
async fn stock_summary(client: &wedocod_api::Client) -> (String, usize, usize) {
    let catalogue = client.all_products().await.unwrap();
    let levels = StockLevels::of(&client.every::<Stock>().await.unwrap());
    let count = |mark| {
        catalogue
            .iter()
            .filter_map(|product| levels.level(product.sku.as_deref()?))
            .filter(|level| level.mark() == mark)
            .count()
    };
    let (low, out) = (count(StockMark::Low), count(StockMark::Out));
    let summary = text_with(
        "products-count",
        &[("count", &catalogue.len()), ("low", &low), ("out", &out)],
    );
    (summary, low, out)
}

#[tokio::test]
async fn products_show_their_stock_with_low_and_out_badges() {
    let sandbox = sandbox(SandboxConfig::default()).await;
    let (summary, low, out) = stock_summary(&client(&sandbox)).await;
    assert!(low > 0 && out > 0);

    let mut driver = Driver::connect(&Isolated::new(), &sandbox, sandbox.token()).await;
    driver.send(tab(Tab::Products)).await;
    assert!(driver.sees(&summary), "{summary}");
    assert!(driver.sees(&text("stock-out")));
    assert!(driver.sees(&text("stock-low")));
}

#[tokio::test]
async fn a_lead_for_a_product_out_of_stock_is_warned_on_the_desk() {
    // The test's own reads and the window's opening are more than a minute's budget.
    let sandbox = sandbox(SandboxConfig {
        rate_limit: 1_000_000,
        ..SandboxConfig::default()
    })
    .await;
    let client = client(&sandbox);
    let levels = StockLevels::of(&client.every::<Stock>().await.unwrap());
    let out = levels
        .out_of_stock()
        .next()
        .expect("a product out of stock")
        .to_string();
    let catalogue = client.all_products().await.unwrap();
    let names = ProductNames::new(
        catalogue
            .iter()
            .filter_map(|product| Some((product.sku.clone()?, product.name.clone()?)))
            .collect(),
    );
    let lead = NewLead {
        full_name: "Salma Bennani".into(),
        phone: "0661234567".into(),
        city: Some("Fès".into()),
        address: Some("12 Rue Talaa Kebira".into()),
        products: vec![ProductLine {
            sku: Some(out.clone()),
            quantity: Some(1),
            total: Some(199.0),
            price: None,
        }],
        ..NewLead::default()
    };
    client.leads().create(&[lead]).await.unwrap();

    // Kept to the end: the catalogue and its stock are saved in its data folder.
    let isolated = Isolated::new();
    let mut driver = Driver::connect(&isolated, &sandbox, sandbox.token()).await;
    driver.send(tab(Tab::Desk)).await;
    // The newest lead first: the one just created comes after the card on screen.
    for message in [desk::Message::NewestFirst(true), desk::Message::Skip] {
        driver
            .send(Message::Store(store::Message::Desk(message)))
            .await;
    }
    assert!(driver.sees("Salma Bennani"));
    let warning = text_with("stock-warning-out", &[("product", &names.label(&out))]);
    assert!(driver.sees(&warning), "{warning}");
}

#[tokio::test]
async fn the_payouts_totals_are_the_sum_of_the_invoices() {
    let sandbox = sandbox(SandboxConfig::default()).await;
    let client = client(&sandbox);
    let invoices = client.every::<Invoice>().await.unwrap();
    assert!(invoices.len() >= 12, "a year of invoices");
    let sum = |status: Option<&str>| -> f64 {
        invoices
            .iter()
            .filter(|invoice| status.is_none_or(|s| invoice.status.as_deref() == Some(s)))
            .filter_map(|invoice| invoice.amount)
            .sum()
    };
    let mut driver = Driver::connect(&Isolated::new(), &sandbox, sandbox.token()).await;
    driver.send(tab(Tab::Payouts)).await;
    assert!(driver.sees(&money(sum(None))), "all: {}", money(sum(None)));
    assert!(driver.sees(&money(sum(Some("paid")))), "paid");
    assert!(driver.sees(&text_with("payouts-count", &[("count", &invoices.len())])));
}

#[tokio::test]
async fn a_sourcing_request_sent_from_the_window_appears_in_the_list() {
    let sandbox = sandbox(SandboxConfig::default()).await;
    let client = client(&sandbox);
    let before = client.every::<Sourcing>().await.unwrap().len();
    let mut driver = Driver::connect(&Isolated::new(), &sandbox, sandbox.token()).await;
    driver.send(tab(Tab::Sourcing)).await;
    let name = "Huile de nigelle 250 ml";
    driver.type_into(sourcing::NAME_ID, name).await.unwrap();
    driver.click(&text("sourcing-send")).await.unwrap();

    let after = client.every::<Sourcing>().await.unwrap();
    assert_eq!(after.len(), before + 1);
    let sent = after
        .iter()
        .find(|request| request.name.as_deref() == Some(name))
        .expect("the request is in the store");
    let reference = sent.reference.clone().unwrap();
    assert!(driver.sees(&text_with("sourcing-sent", &[("reference", &reference)])));
    assert!(driver.sees(&reference), "the list, read again, shows it");

    // The same name again: the store's 422 lands under the name.
    driver.type_into(sourcing::NAME_ID, name).await.unwrap();
    driver.click(&text("sourcing-send")).await.unwrap();
    assert_eq!(client.every::<Sourcing>().await.unwrap().len(), before + 1);
    assert!(driver.sees("The name has already been taken."));
}

#[tokio::test]
async fn a_token_without_view_stocks_is_told_the_scope_it_lacks() {
    let sandbox = sandbox(SandboxConfig::default()).await;
    let limited = sandbox.grant_token(&[
        Scope::new(Action::View, ResourceName::Leads),
        Scope::new(Action::View, ResourceName::Orders),
    ]);
    let refused = common::client_with(&sandbox, Dialect::V2, &limited, RetryPolicy::never())
        .every::<Stock>()
        .await
        .unwrap_err();
    assert!(
        matches!(&refused, wedocod_api::ApiError::Forbidden { scope: Some(scope), .. }
            if *scope == Scope::new(Action::View, Subject::Stocks))
    );
    let mut driver = Driver::connect(&Isolated::new(), &sandbox, &limited).await;
    driver.send(tab(Tab::Products)).await;
    let said = describe(&refused, None);
    assert!(said.contains("view stocks"), "{said}");
    assert!(driver.sees(&said), "{said}");
}

#[tokio::test]
async fn the_seller_tabs_read_the_local_copy_with_the_store_gone() {
    let sandbox = sandbox(SandboxConfig {
        rate_limit: 1_000_000,
        ..SandboxConfig::default()
    })
    .await;
    let client = client(&sandbox);
    let invoices = client.every::<Invoice>().await.unwrap();
    let all: f64 = invoices.iter().filter_map(|invoice| invoice.amount).sum();
    let (summary, _, _) = stock_summary(&client).await;
    let isolated = Isolated {
        sync_copy: true,
        ..Isolated::new()
    };
    // The first sync runs as the store opens; the tabs are visited only after it.
    let mut driver = Driver::connect(&isolated, &sandbox, sandbox.token()).await;
    sandbox.stop().await;
    driver.send(tab(Tab::Payouts)).await;
    assert!(driver.sees(&money(all)), "the invoices, from the copy");
    driver.send(tab(Tab::Products)).await;
    assert!(
        driver
            .sees_which(&[text("stock-out"), text("stock-low")])
            .len()
            == 2,
        "the stock, from the copy"
    );
    assert!(
        driver.sees(&summary),
        "every product, from the copy: {summary}"
    );
}

#[tokio::test]
async fn the_invoices_export_to_a_csv_file_in_the_tables_order() {
    let sandbox = sandbox(SandboxConfig::default()).await;
    let invoices = client(&sandbox).every::<Invoice>().await.unwrap();
    let mut driver = Driver::connect(&Isolated::new(), &sandbox, sandbox.token()).await;
    driver.send(tab(Tab::Payouts)).await;
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("invoices.csv");
    driver
        .send(Message::Store(store::Message::Payouts(
            payouts::Message::ExportTo(Chosen::Path(file.clone())),
        )))
        .await;
    let written = std::fs::read_to_string(&file).unwrap();
    let lines: Vec<&str> = written.lines().collect();
    assert_eq!(
        lines.len(),
        invoices.len() + 1,
        "a header and every invoice"
    );
    assert!(lines[0].contains("Reference") && lines[0].contains("Payment method"));
    // Newest first, as the table sorts them.
    let newest = invoices
        .iter()
        .max_by(|a, b| a.created_at.cmp(&b.created_at))
        .unwrap();
    assert!(lines[1].starts_with(newest.reference.as_deref().unwrap()));
    let said = text_with(
        "payouts-exported",
        &[
            ("count", &invoices.len()),
            ("path", &file.display().to_string()),
        ],
    );
    assert!(driver.sees(&said), "{said}");
}

#[tokio::test]
async fn the_import_check_warns_of_a_row_whose_product_is_out_of_stock() {
    let sandbox = sandbox(SandboxConfig::default()).await;
    let levels = StockLevels::of(&client(&sandbox).every::<Stock>().await.unwrap());
    let out = levels.out_of_stock().next().unwrap().to_string();
    let isolated = Isolated::new();
    let mut csv = String::from("Nom complet;Téléphone;Ville;Adresse;SKU;Quantité;Prix\n");
    for (n, sku) in ["ARG-100", out.as_str(), "ARG-100"].iter().enumerate() {
        csv.push_str(&format!(
            "Cliente {n};06{:08};Rabat;{n} Rue Patrice Lumumba;{sku};1;149,00\n",
            50_000_000 + n
        ));
    }
    let path = isolated.dir.path().join("ventes.csv");
    std::fs::write(&path, csv).unwrap();
    let mut driver = Driver::connect(&isolated, &sandbox, sandbox.token()).await;
    driver.send(tab(Tab::Import)).await;
    driver
        .type_into(import::PATH_ID, &path.display().to_string())
        .await
        .unwrap();
    driver.click(&text("open-file")).await.unwrap();
    let summary = text_with(
        "rows-summary",
        &[("rows", &3), ("errors", &0), ("warnings", &1)],
    );
    assert!(driver.sees(&summary), "a warning, not an error: {summary}");
    driver.click(out.as_str()).await.unwrap();
    let said = text_with("check-out-of-stock", &[("sku", &out)]);
    assert!(driver.sees(&said), "{said}");
}
