//! The documented `show` routes of the list-only resources (products, lead and order
//! histories) and the rate-limit headers on every answer, 401s included: the real client
//! and plain HTTP against the real sandbox over loopback.

use wedocod_testkit as common;

use common::{client, client_with, sandbox};
use wedocod_api::wire::History;
use wedocod_api::{
    Action, ApiError, Client, Dialect, ListQuery, Page, ResourceName, RetryPolicy, Scope,
};
use wedocod_sandbox::{Sandbox, SandboxConfig};

fn other_account(sandbox: &Sandbox) -> Client {
    client_with(
        sandbox,
        Dialect::V2,
        sandbox.other_account_token(),
        RetryPolicy::never(),
    )
}

fn is_not_found(error: &ApiError) -> bool {
    error.status() == Some(404)
}

#[tokio::test]
async fn a_listed_product_is_shown_by_its_id_and_no_other_account_sees_it() {
    let sandbox = sandbox(SandboxConfig::default()).await;
    let (mine, theirs) = (client(&sandbox), other_account(&sandbox));
    let listed = mine.products(&ListQuery::page(1, 5)).await.unwrap().items;
    for product in &listed {
        let id = product.id.as_deref().unwrap();
        // The show is the list item and the seller fields.
        let shown = mine.product(id).await.unwrap();
        assert_eq!(&shown.listed(), product);
        assert!(shown.description.is_some() && shown.updated_at.is_some());
    }
    let their_product = theirs.products(&ListQuery::page(1, 1)).await.unwrap().items[0].clone();
    let their_id = their_product.id.as_deref().unwrap();
    assert_eq!(
        theirs.product(their_id).await.unwrap().listed(),
        their_product
    );
    assert!(is_not_found(&mine.product(their_id).await.unwrap_err()));
    assert!(is_not_found(&mine.product("999999").await.unwrap_err()));
}

#[tokio::test]
async fn a_listed_status_change_is_shown_by_its_id_for_leads_and_orders() {
    let sandbox = sandbox(SandboxConfig::default()).await;
    let (mine, theirs) = (client(&sandbox), other_account(&sandbox));
    for resource in [ResourceName::Leads, ResourceName::Orders] {
        let (histories, their_histories) = match resource {
            ResourceName::Leads => (
                mine.leads().histories(&ListQuery::page(1, 3)).await,
                theirs.leads().histories(&ListQuery::page(1, 1)).await,
            ),
            ResourceName::Orders => (
                mine.orders().histories(&ListQuery::page(1, 3)).await,
                theirs.orders().histories(&ListQuery::page(1, 1)).await,
            ),
        };
        let show = |client: &Client, id: String| {
            let client = client.clone();
            async move {
                match resource {
                    ResourceName::Leads => client.leads().history(&id).await,
                    ResourceName::Orders => client.orders().history(&id).await,
                }
            }
        };
        for entry in histories.unwrap().items {
            let id = entry.id.clone().unwrap();
            assert_eq!(show(&mine, id).await.unwrap(), entry, "{resource:?}");
        }
        let their_id = their_histories.unwrap().items[0].id.clone().unwrap();
        assert!(show(&theirs, their_id.clone()).await.is_ok());
        assert!(is_not_found(&show(&mine, their_id).await.unwrap_err()));
        assert!(is_not_found(
            &show(&mine, "999999".into()).await.unwrap_err()
        ));
    }
}

#[tokio::test]
async fn a_status_change_needs_its_resource_view_scope_and_a_product_any_token() {
    let sandbox = sandbox(SandboxConfig::default()).await;
    let mine = client(&sandbox);
    let first_change = |page: Result<Page<History>, ApiError>| page.unwrap().items[0].id.clone();
    let lead_change = first_change(mine.leads().histories(&ListQuery::page(1, 1)).await).unwrap();
    let order_change = first_change(mine.orders().histories(&ListQuery::page(1, 1)).await).unwrap();
    let product = mine.products(&ListQuery::page(1, 1)).await.unwrap().items[0]
        .id
        .clone()
        .unwrap();

    let view_orders = Scope::new(Action::View, ResourceName::Orders);
    let token = sandbox.grant_token(&[view_orders]);
    let limited = client_with(&sandbox, Dialect::V2, &token, RetryPolicy::never());
    let error = limited.leads().history(&lead_change).await.unwrap_err();
    assert!(
        matches!(&error, ApiError::Forbidden { scope: Some(scope), .. }
            if *scope == Scope::new(Action::View, ResourceName::Leads)),
        "{error:?}"
    );
    assert!(limited.orders().history(&order_change).await.is_ok());
    assert!(limited.product(&product).await.is_ok());
}

/// The two budget headers of an answer, as numbers.
fn budget(answer: &reqwest::Response) -> (Option<u32>, Option<u32>) {
    let header = |name: &str| {
        answer
            .headers()
            .get(name)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.parse().ok())
    };
    (header("x-ratelimit-limit"), header("x-ratelimit-remaining"))
}

#[tokio::test]
async fn every_answer_carries_the_rate_limit_headers_401s_and_unknown_paths_included() {
    let sandbox = sandbox(SandboxConfig {
        rate_limit: 7,
        ..SandboxConfig::default()
    })
    .await;
    let http = common::raw_http();
    let get = |path: &str, token: Option<&str>| {
        let mut request = http.get(format!("{}{path}", sandbox.base_url()));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        async move { request.send().await.unwrap() }
    };

    let no_token = get("/leads", None).await;
    assert_eq!(no_token.status(), 401);
    assert_eq!(
        budget(&no_token),
        (Some(7), Some(7)),
        "nothing is counted without a token"
    );
    let wrong_token = get("/products/1/show", Some("not-a-token")).await;
    assert_eq!(wrong_token.status(), 401);
    assert_eq!(budget(&wrong_token), (Some(7), Some(7)));

    let counted = get("/products/1/show", Some(sandbox.token())).await;
    assert_eq!(counted.status(), 200);
    assert_eq!(budget(&counted), (Some(7), Some(6)));

    let nowhere = get("/no-such-route", Some(sandbox.token())).await;
    assert_eq!(nowhere.status(), 404);
    assert_eq!(budget(&nowhere).0, Some(7));
}

#[tokio::test]
async fn a_body_over_the_limit_is_a_413_in_the_error_envelope_and_the_description_says_so() {
    let sandbox = sandbox(SandboxConfig::default()).await;
    let huge = format!("{{\"data\": [\"{}\"]}}", "x".repeat(3 * 1024 * 1024));
    let http = common::raw_http();
    let answer = http
        .post(format!("{}/leads", sandbox.base_url()))
        .bearer_auth(sandbox.token())
        .header("content-type", "application/json")
        .body(huge)
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 413);
    assert!(budget(&answer).0.is_some());
    let body: serde_json::Value = answer.json().await.unwrap();
    assert_eq!(body["error"]["code"], "HTTP_ERROR");

    let description: serde_json::Value = http
        .get(format!("{}/openapi.json", sandbox.base_url()))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(description["paths"]["/leads"]["post"]["responses"]["413"].is_object());
    assert_eq!(description["openapi"], "3.1.0");
}
