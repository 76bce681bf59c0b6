//! The seller lists beside leads and orders (the catalogue's show, stock per warehouse,
//! invoices, sourcing requests) and `POST /sourcings`: the real client and plain HTTP
//! against the real sandbox over loopback, in both dialects.

use wedocod_testkit as common;

use std::collections::{BTreeSet, HashMap, HashSet};

use common::{client, client_with, sandbox};
use serde_json::{Value, json};
use wedocod_api::endpoints::Listing;
use wedocod_api::seller::{Invoice, Listed, NewSourcing, Sourcing, Stock};
use wedocod_api::wire::Product;
use wedocod_api::{
    Action, ApiError, Client, Dialect, ListQuery, ResourceName, RetryPolicy, Scope, Subject,
};
use wedocod_sandbox::{ListOrder, Sandbox, SandboxConfig};

fn other_account(sandbox: &Sandbox) -> Client {
    client_with(
        sandbox,
        Dialect::V2,
        sandbox.other_account_token(),
        RetryPolicy::never(),
    )
}

fn request(name: &str) -> NewSourcing {
    NewSourcing {
        name: name.into(),
        quantity: Some(200),
        note: Some("Pour le Ramadan, livraison à Casablanca.".into()),
    }
}

/// A GET's status and JSON body, with `token`.
async fn get_raw(sandbox: &Sandbox, token: &str, path: &str) -> (u16, Value) {
    let answer = common::raw_http()
        .get(format!("{}{path}", sandbox.base_url()))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    (answer.status().as_u16(), answer.json().await.unwrap())
}

/// A POST's status and JSON body, with the demo token.
async fn post_raw(sandbox: &Sandbox, path: &str, body: Value) -> (u16, Value) {
    let answer = common::raw_http()
        .post(format!("{}{path}", sandbox.base_url()))
        .bearer_auth(sandbox.token())
        .json(&body)
        .send()
        .await
        .unwrap();
    (answer.status().as_u16(), answer.json().await.unwrap())
}

/// The keys of a JSON object.
fn keys(value: &Value) -> BTreeSet<&str> {
    value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect()
}

/// Pages of 7 add up to what the account holds, each id once; the whole list as well.
async fn paged_whole<T: Listed + PartialEq + std::fmt::Debug>(
    sandbox: &Sandbox,
    client: &Client,
) -> Vec<T> {
    let total = sandbox.listed_count(T::LISTING);
    assert!(total > 0, "{:?}", T::LISTING);
    let first = client.page_of::<T>(&ListQuery::page(1, 7)).await.unwrap();
    assert_eq!(first.total, total as u64, "{:?}", T::LISTING);
    assert_eq!(first.pages, (total as u64).div_ceil(7));
    let last = client
        .page_of::<T>(&ListQuery::page(first.pages, 7))
        .await
        .unwrap();
    assert_eq!(last.items.len(), total - 7 * (first.pages as usize - 1));
    let every = client.every::<T>().await.unwrap();
    assert_eq!(every.len(), total);
    let ids: HashSet<&str> = every.iter().filter_map(Listed::id).collect();
    assert_eq!(ids.len(), total, "{:?}: one id each", T::LISTING);
    assert_eq!(first.items[..], every[..first.items.len()]);
    every
}

#[tokio::test]
async fn stock_invoices_and_sourcing_requests_are_paged_with_their_totals() {
    let sandbox = sandbox(SandboxConfig::default()).await;
    let client = client(&sandbox);
    let stocks = paged_whole::<Stock>(&sandbox, &client).await;
    let invoices = paged_whole::<Invoice>(&sandbox, &client).await;
    let sourcings = paged_whole::<Sourcing>(&sandbox, &client).await;
    paged_whole::<Product>(&sandbox, &client).await;

    let warehouses: HashSet<&str> = stocks
        .iter()
        .filter_map(|row| row.warehouse_name.as_deref())
        .collect();
    assert_eq!(warehouses.len(), 3);
    // A year of payouts, newest first: the newest not paid yet.
    assert!(invoices.len() >= 50);
    assert_eq!(invoices[0].status.as_deref(), Some("pending"));
    assert_eq!(
        invoices[0].reference,
        Some(format!("INV-{:05}", invoices.len()))
    );
    assert_eq!(
        invoices.last().unwrap().reference.as_deref(),
        Some("INV-00001")
    );
    assert!((5..=8).contains(&sourcings.len()));
    // List items leave out what only a show gives.
    assert!(stocks.iter().all(|row| row.created_at.is_none()));
    assert!(invoices.iter().all(|invoice| invoice.updated_at.is_none()));
    assert!(sourcings.iter().all(|sourcing| sourcing.name.is_some()));

    // Searching stock by product name or SKU; the invoices ignore a search.
    let argan = client
        .page_of::<Stock>(&ListQuery {
            search: Some("ARGAN".into()),
            ..ListQuery::page(1, 100)
        })
        .await
        .unwrap();
    assert!(!argan.items.is_empty() && argan.items.len() < stocks.len());
    assert!(argan.items.iter().all(|row| {
        row.product_name
            .as_deref()
            .is_some_and(|name| name.contains("argan"))
    }));
    let searched = client
        .page_of::<Invoice>(&ListQuery {
            search: Some("nothing like it".into()),
            ..ListQuery::page(1, 10)
        })
        .await
        .unwrap();
    assert_eq!(searched.total, invoices.len() as u64);
}

/// The demo's stock is shaped for the desk: a product out of stock in every warehouse,
/// and one running low, are asked for by leads still `new`.
#[tokio::test]
async fn leads_on_the_desk_ask_for_a_product_out_of_stock_and_one_running_low() {
    let sandbox = sandbox(SandboxConfig::default()).await;
    let client = client(&sandbox);
    let mut totals: HashMap<String, (i64, i64)> = HashMap::new();
    for row in client.every::<Stock>().await.unwrap() {
        let total = totals
            .entry(row.product_sku.unwrap())
            .or_insert((0, i64::MAX));
        total.0 += row.quantity.unwrap();
        total.1 = total.1.min(row.warning_quantity.unwrap());
    }
    let out: HashSet<&str> = totals
        .iter()
        .filter(|(_, (quantity, _))| *quantity == 0)
        .map(|(sku, _)| sku.as_str())
        .collect();
    let low: HashSet<&str> = totals
        .iter()
        .filter(|(_, (quantity, warning))| *quantity > 0 && quantity <= warning)
        .map(|(sku, _)| sku.as_str())
        .collect();
    assert!(!out.is_empty() && !low.is_empty());
    let new_leads = client
        .leads()
        .list(&ListQuery {
            status: Some("new".into()),
            ..ListQuery::page(1, 100)
        })
        .await
        .unwrap()
        .items;
    let asks_for = |skus: &HashSet<&str>| {
        new_leads.iter().any(|lead| {
            lead.products
                .iter()
                .any(|line| line.sku.as_deref().is_some_and(|sku| skus.contains(sku)))
        })
    };
    assert!(asks_for(&out), "{out:?}");
    assert!(asks_for(&low), "{low:?}");
}

/// Every key of the list item is in the show with the same value, and the show has
/// `extra` besides.
fn show_extends_item(item: &Value, shown: &Value, extra: &[&str]) {
    for (key, value) in item.as_object().unwrap() {
        assert_eq!(&shown[key], value, "{key}");
    }
    let added: BTreeSet<&str> = keys(shown).difference(&keys(item)).copied().collect();
    assert_eq!(added, extra.iter().copied().collect(), "{item}");
}

#[tokio::test]
async fn list_items_carry_the_documented_fields_and_a_show_adds_its_own() {
    let sandbox = sandbox(SandboxConfig::default()).await;
    let token = sandbox.token();
    let cases: [(&str, &[&str], &[&str]); 4] = [
        (
            "products",
            &["id", "name", "sku", "price", "status", "created_at"],
            &["description", "has_discount", "free_shipping", "updated_at"],
        ),
        (
            "stocks",
            &[
                "id",
                "product_name",
                "product_sku",
                "warehouse_name",
                "quantity",
                "warning_quantity",
                "status",
            ],
            &["created_at", "updated_at"],
        ),
        (
            "invoices",
            &[
                "id",
                "reference",
                "amount",
                "status",
                "payment_method",
                "created_at",
            ],
            &["updated_at"],
        ),
        (
            "sourcings",
            // `name` and `quantity` are the sandbox's, beyond the documented four.
            &[
                "id",
                "reference",
                "status",
                "created_at",
                "name",
                "quantity",
            ],
            &["updated_at"],
        ),
    ];
    for (plural, listed, added) in cases {
        let (status, page) = get_raw(&sandbox, token, &format!("/{plural}?per_page=3")).await;
        assert_eq!(status, 200, "{plural}");
        for item in page["data"].as_array().unwrap() {
            assert_eq!(keys(item), listed.iter().copied().collect(), "{plural}");
            let id = item["id"].as_str().unwrap();
            let (status, shown) = get_raw(&sandbox, token, &format!("/{plural}/{id}/show")).await;
            assert_eq!(status, 200);
            show_extends_item(item, &shown["data"], added);
        }
    }
    // The product show through the client: the list item and the seller fields.
    let client = client(&sandbox);
    let listed = client.products(&ListQuery::page(1, 1)).await.unwrap().items[0].clone();
    let shown = client.product(listed.id.as_deref().unwrap()).await.unwrap();
    assert_eq!(shown.listed(), listed);
    assert!(shown.description.as_deref().unwrap().contains("argan"));
    assert!(shown.has_discount.is_some() && shown.free_shipping.is_some());
    assert!(shown.updated_at.is_some());
    assert_eq!(listed.description, None);
}

/// One of each list shown by the client by its id; another account's id and a missing
/// one are 404.
async fn shown_alone<T: Listed + PartialEq + std::fmt::Debug>(mine: &Client, theirs: &Client) {
    let item = mine
        .page_of::<T>(&ListQuery::page(1, 1))
        .await
        .unwrap()
        .items[0]
        .clone();
    let shown: T = mine.one_of(item.id().unwrap()).await.unwrap();
    assert_eq!(shown.id(), item.id());
    let their_item = theirs
        .page_of::<T>(&ListQuery::page(1, 1))
        .await
        .unwrap()
        .items[0]
        .clone();
    let their_id = their_item.id().unwrap();
    assert!(theirs.one_of::<T>(their_id).await.is_ok());
    for id in [their_id, "999999"] {
        let error = mine.one_of::<T>(id).await.unwrap_err();
        assert!(
            matches!(error, ApiError::NotFound { .. }),
            "{:?} {id}: {error:?}",
            T::LISTING
        );
    }
}

#[tokio::test]
async fn an_item_is_shown_by_its_id_and_no_other_account_sees_it() {
    let sandbox = sandbox(SandboxConfig::default()).await;
    let (mine, theirs) = (client(&sandbox), other_account(&sandbox));
    shown_alone::<Stock>(&mine, &theirs).await;
    shown_alone::<Invoice>(&mine, &theirs).await;
    shown_alone::<Sourcing>(&mine, &theirs).await;
    shown_alone::<Product>(&mine, &theirs).await;
}

fn forbidden(error: &ApiError) -> Option<Scope> {
    match error {
        ApiError::Forbidden { scope, .. } => *scope,
        _ => None,
    }
}

#[tokio::test]
async fn each_list_needs_its_view_scope_and_a_request_create_sourcings() {
    let sandbox = sandbox(SandboxConfig::default()).await;
    let view = |subject| Scope::new(Action::View, subject);
    let token = sandbox.grant_token(&[view(Subject::Leads), view(Subject::Invoices)]);
    let limited = client_with(&sandbox, Dialect::V2, &token, RetryPolicy::never());

    let error = limited
        .page_of::<Stock>(&ListQuery::default())
        .await
        .unwrap_err();
    assert_eq!(
        error,
        ApiError::Forbidden {
            scope: Some(view(Subject::Stocks)),
            message: "This action is unauthorized: the token lacks the \"view stocks\" ability."
                .into(),
        }
    );
    let error = limited.one_of::<Stock>("1").await.unwrap_err();
    assert_eq!(forbidden(&error), Some(view(Subject::Stocks)));
    let error = limited.one_of::<Sourcing>("1").await.unwrap_err();
    assert_eq!(forbidden(&error), Some(view(Subject::Sourcings)));
    let before = sandbox.listed_count(Listing::Sourcings);
    let error = limited
        .create_sourcing(&request("Théière en argent"))
        .await
        .unwrap_err();
    assert_eq!(
        forbidden(&error),
        Some(Scope::new(Action::Create, Subject::Sourcings))
    );
    assert!(error.to_string().contains("\"create sourcings\""));
    assert_eq!(sandbox.listed_count(Listing::Sourcings), before);
    // What it has, and the catalogue, which any token reads.
    assert!(limited.every::<Invoice>().await.is_ok());
    assert!(limited.one_of::<Invoice>("1").await.is_ok());
    assert!(limited.all_products().await.is_ok());
    assert!(limited.leads().list(&ListQuery::default()).await.is_ok());

    // Sending a request does not need to read them.
    let sender = sandbox.grant_token(&[Scope::new(Action::Create, Subject::Sourcings)]);
    let sender = client_with(&sandbox, Dialect::V2, &sender, RetryPolicy::never());
    assert!(
        sender
            .create_sourcing(&request("Théière en argent"))
            .await
            .is_ok()
    );
    let error = sender.every::<Sourcing>().await.unwrap_err();
    assert_eq!(forbidden(&error), Some(view(Subject::Sourcings)));
}

#[tokio::test]
async fn a_sourcing_request_is_stored_pending_and_listed_first() {
    let sandbox = sandbox(SandboxConfig::default()).await;
    let client = client(&sandbox);
    let before = sandbox.listed_count(Listing::Sourcings);
    let created = client
        .create_sourcing(&request("Coussins en cuir de Marrakech"))
        .await
        .unwrap();
    let reference = format!("SRC-{:05}", before + 1);
    assert_eq!(created.reference.as_deref(), Some(reference.as_str()));
    let id = created.id.clone().unwrap();
    assert_eq!(sandbox.listed_count(Listing::Sourcings), before + 1);

    let newest = client
        .page_of::<Sourcing>(&ListQuery::page(1, 1))
        .await
        .unwrap();
    assert_eq!(newest.total, before as u64 + 1);
    let listed = &newest.items[0];
    assert_eq!(listed.id.as_deref(), Some(id.as_str()));
    assert_eq!(listed.status.as_deref(), Some("pending"));
    assert_eq!(
        listed.name.as_deref(),
        Some("Coussins en cuir de Marrakech")
    );
    assert_eq!(listed.quantity, Some(200));
    let shown: Sourcing = client.one_of(&id).await.unwrap();
    assert_eq!(shown.reference.as_deref(), Some(reference.as_str()));
    assert_eq!(shown.created_at, shown.updated_at);
    let error = other_account(&sandbox)
        .one_of::<Sourcing>(&id)
        .await
        .unwrap_err();
    assert!(matches!(error, ApiError::NotFound { .. }), "{error:?}");

    // The raw answer: 201 `{data: {id, reference}, meta: {}}`, a bare name enough.
    let (status, body) = post_raw(&sandbox, "/sourcings", json!({"name": "Tajine de Safi"})).await;
    assert_eq!(status, 201);
    assert_eq!(keys(&body["data"]), BTreeSet::from(["id", "reference"]));
    assert_eq!(body["meta"], json!({}));
    assert_eq!(
        body["data"]["reference"],
        json!(format!("SRC-{:05}", before + 2))
    );
}

#[tokio::test]
async fn a_request_needs_a_new_name_and_sane_numbers_and_a_refused_one_is_not_stored() {
    let sandbox = sandbox(SandboxConfig::default()).await;
    let client = client(&sandbox);
    client
        .create_sourcing(&request("Coussins en cuir"))
        .await
        .unwrap();
    let before = sandbox.listed_count(Listing::Sourcings);
    let seeded = client
        .every::<Sourcing>()
        .await
        .unwrap()
        .last()
        .cloned()
        .unwrap();
    let seeded_name = seeded.name.unwrap().to_uppercase();
    for taken in ["coussins EN CUIR", seeded_name.as_str()] {
        let error = client.create_sourcing(&request(taken)).await.unwrap_err();
        let ApiError::Validation {
            fields, message, ..
        } = error
        else {
            panic!("expected 422, got {error:?}");
        };
        assert_eq!(message, "The given data was invalid.");
        assert_eq!(
            fields,
            [(
                "name".to_string(),
                vec!["The name has already been taken.".to_string()]
            )]
            .into()
        );
    }
    let nameless = NewSourcing {
        name: String::new(),
        quantity: Some(0),
        note: None,
    };
    let error = client.create_sourcing(&nameless).await.unwrap_err();
    let ApiError::Validation { fields, .. } = error else {
        panic!("expected 422, got {error:?}");
    };
    assert_eq!(fields["name"], ["The name field is required."]);
    assert_eq!(
        fields["quantity"],
        ["The quantity field must be at least 1."]
    );
    let (status, body) = post_raw(
        &sandbox,
        "/sourcings",
        json!({"name": "Ok", "note": "x".repeat(1_001)}),
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(body["error"]["code"], "VALIDATION_ERROR");
    assert_eq!(
        keys(&body["error"]["fields"]),
        BTreeSet::from(["name", "note"])
    );
    assert_eq!(sandbox.listed_count(Listing::Sourcings), before);
}

#[tokio::test]
async fn the_commit_faults_meet_a_sourcing_request_too() {
    let sandbox = sandbox(SandboxConfig {
        faults: "commit500=x1".parse().unwrap(),
        ..SandboxConfig::default()
    })
    .await;
    let client = client(&sandbox);
    let before = sandbox.listed_count(Listing::Sourcings);
    let error = client
        .create_sourcing(&request("Plateau en cuivre"))
        .await
        .unwrap_err();
    assert!(error.outcome_uncertain(), "{error:?}");
    assert_eq!(sandbox.listed_count(Listing::Sourcings), before + 1);
}

#[tokio::test]
async fn oldest_first_puts_a_new_request_last_and_the_first_invoice_first() {
    let sandbox = sandbox(SandboxConfig {
        list_order: ListOrder::OldestFirst,
        ..SandboxConfig::default()
    })
    .await;
    let client = client(&sandbox);
    let invoices = client
        .page_of::<Invoice>(&ListQuery::page(1, 1))
        .await
        .unwrap();
    assert_eq!(invoices.items[0].reference.as_deref(), Some("INV-00001"));
    let created = client
        .create_sourcing(&request("Coussins en cuir"))
        .await
        .unwrap();
    let every = client.every::<Sourcing>().await.unwrap();
    assert_eq!(every.last().unwrap().id, created.id);
    assert_eq!(every[0].reference.as_deref(), Some("SRC-00001"));
    // The catalogue keeps its own order.
    let products = client.all_products().await.unwrap();
    assert_eq!(products[0].sku.as_deref(), Some("ARG-100"));
}

#[tokio::test]
async fn the_v1_dialect_serves_the_seller_lists_and_takes_a_request() {
    let sandbox = sandbox(SandboxConfig {
        dialect: Dialect::V1,
        ..SandboxConfig::default()
    })
    .await;
    let client = client_with(&sandbox, Dialect::V1, sandbox.token(), RetryPolicy::never());
    let invoices = client
        .page_of::<Invoice>(&ListQuery::page(2, 10))
        .await
        .unwrap();
    let total = sandbox.listed_count(Listing::Invoices) as u64;
    assert_eq!(
        (invoices.page, invoices.total, invoices.pages),
        (2, total, total.div_ceil(10))
    );
    let stock = client.every::<Stock>().await.unwrap();
    assert_eq!(stock.len(), sandbox.listed_count(Listing::Stocks));
    let created = client
        .create_sourcing(&request("Coussins en cuir"))
        .await
        .unwrap();
    let shown: Sourcing = client.one_of(created.id.as_deref().unwrap()).await.unwrap();
    assert_eq!(shown.status.as_deref(), Some("pending"));

    // v1's shapes: 201 as in v2, 422 as Laravel's `{message, errors}`.
    let (status, body) = post_raw(
        &sandbox,
        "/api/web/1.0/sourcings",
        json!({"name": "coussins en cuir"}),
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(
        body,
        json!({"message": "The given data was invalid.", "errors": {"name": ["The name has already been taken."]}})
    );
    let error = client
        .create_sourcing(&request("COUSSINS EN CUIR"))
        .await
        .unwrap_err();
    assert!(
        matches!(&error, ApiError::Validation { fields, .. } if fields.contains_key("name")),
        "{error:?}"
    );
    let (status, body) = post_raw(&sandbox, "/sourcings", json!({"name": "Tajine de Safi"})).await;
    assert_eq!(status, 201);
    assert!(body["data"]["reference"].is_string());

    let token = sandbox.grant_token(&[Scope::new(Action::View, ResourceName::Leads)]);
    let limited = client_with(&sandbox, Dialect::V1, &token, RetryPolicy::never());
    let error = limited
        .page_of::<Invoice>(&ListQuery::default())
        .await
        .unwrap_err();
    assert_eq!(
        error,
        ApiError::Forbidden {
            scope: Some(Scope::new(Action::View, Subject::Invoices)),
            message: "This action is unauthorized.".into(),
        }
    );
}

#[tokio::test]
async fn a_request_is_taken_at_both_prefixes_in_the_v2_dialect() {
    let sandbox = sandbox(SandboxConfig::default()).await;
    let (status, body) = post_raw(
        &sandbox,
        "/api/web/1.0/sourcings",
        json!({"name": "Lanterne en laiton", "quantity": 50}),
    )
    .await;
    assert_eq!(status, 201, "{body}");
    let id = body["data"]["id"].as_str().unwrap();
    let (status, shown) =
        get_raw(&sandbox, sandbox.token(), &format!("/sourcings/{id}/show")).await;
    assert_eq!(status, 200);
    assert_eq!(shown["data"]["quantity"], 50);
}
