//! The v1 generation: `/api/web/1.0`, `leads`/`orders` body keys, Laravel error and
//! pagination shapes, `{message}` creates.

use wedocod_testkit as common;

use common::{client_with, sandbox, valid_leads};
use wedocod_api::{
    Action, ApiError, CreateOutcome, Dialect, ListQuery, ResourceName, RetryPolicy, Scope,
};
use wedocod_sandbox::SandboxConfig;

fn v1() -> SandboxConfig {
    SandboxConfig {
        dialect: Dialect::V1,
        ..SandboxConfig::default()
    }
}

#[tokio::test]
async fn v1_lists_use_flat_pagination() {
    let sandbox = sandbox(v1()).await;
    let client = client_with(&sandbox, Dialect::V1, sandbox.token(), RetryPolicy::never());
    let page = client.orders().list(&ListQuery::page(3, 25)).await.unwrap();
    let total = sandbox.record_count(ResourceName::Orders) as u64;
    assert_eq!(
        (page.page, page.per_page, page.total, page.pages),
        (3, 25, total, total.div_ceil(25))
    );
    assert_eq!(page.items.len(), 25);

    // The raw shape really is v1's.
    let raw: serde_json::Value = common::raw_http()
        .get(format!(
            "{}/api/web/1.0/orders?page=3&per_page=25",
            sandbox.base_url()
        ))
        .bearer_auth(sandbox.token())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        raw["meta"],
        serde_json::json!({"current_page": 3, "per_page": 25, "total": total})
    );
}

#[tokio::test]
async fn v1_creates_answer_with_a_message_even_above_the_threshold() {
    let sandbox = sandbox(v1()).await;
    let client = client_with(&sandbox, Dialect::V1, sandbox.token(), RetryPolicy::never());
    let before = sandbox.record_count(ResourceName::Leads);
    let outcome = client.leads().create(&valid_leads(15)).await.unwrap();
    assert_eq!(
        outcome,
        CreateOutcome::Accepted {
            message: Some("Leads created successfully.".into()),
            total: 15
        }
    );
    assert_eq!(sandbox.record_count(ResourceName::Leads), before + 15);
    // v1 products carried the unit price: 298 for 2 → 149.
    let newest = client.leads().list(&ListQuery::page(1, 1)).await.unwrap();
    assert_eq!(newest.items[0].products[0].price, Some(149.0));
}

#[tokio::test]
async fn v1_validation_errors_are_keyed_by_the_resource() {
    let sandbox = sandbox(v1()).await;
    let client = client_with(&sandbox, Dialect::V1, sandbox.token(), RetryPolicy::never());
    let mut leads = valid_leads(3);
    leads[2].city = None; // optional in v1
    leads[2].phone = "12".into();
    leads[0].products[0].quantity = Some(0);
    let error = client.leads().create(&leads).await.unwrap_err();
    let ApiError::Validation {
        fields, message, ..
    } = error
    else {
        panic!("expected 422, got {error:?}");
    };
    assert_eq!(message, "The given data was invalid.");
    // With no quantity no unit price can be derived from the line total: both are named.
    assert_eq!(
        fields.keys().collect::<Vec<_>>(),
        [
            "leads.0.products.0.price",
            "leads.0.products.0.quantity",
            "leads.2.phone"
        ]
    );
    assert_eq!(
        fields["leads.2.phone"],
        ["The leads.2.phone field must be at least 7 characters."]
    );
}

#[tokio::test]
async fn v1_auth_errors_decode() {
    let sandbox = sandbox(v1()).await;
    let stranger = client_with(&sandbox, Dialect::V1, "nope", RetryPolicy::never());
    let error = stranger
        .leads()
        .list(&ListQuery::default())
        .await
        .unwrap_err();
    assert_eq!(
        error,
        ApiError::Unauthenticated {
            message: "Unauthenticated.".into()
        }
    );

    let token = sandbox.grant_token(&["VIEW LEADS".parse::<Scope>().unwrap()]);
    let limited = client_with(&sandbox, Dialect::V1, &token, RetryPolicy::never());
    let error = limited.orders().show("OR-200001").await.unwrap_err();
    assert_eq!(
        error,
        ApiError::Forbidden {
            scope: Some(Scope::new(Action::View, ResourceName::Orders)),
            message: "This action is unauthorized.".into()
        }
    );
    let error = limited.leads().show("LD-999999").await.unwrap_err();
    assert_eq!(
        error,
        ApiError::NotFound {
            message: "Not Found.".into()
        }
    );
}

#[tokio::test]
async fn both_prefixes_serve_the_same_data() {
    let sandbox = sandbox(SandboxConfig::default()).await;
    let at_root = client_with(&sandbox, Dialect::V2, sandbox.token(), RetryPolicy::never());
    let profile =
        wedocod_api::ApiProfile::new(sandbox.base_url(), "/api/web/1.0", Dialect::V2).unwrap();
    let prefixed = wedocod_api::Client::new(
        profile,
        secrecy::SecretString::from(sandbox.token().to_string()),
    )
    .unwrap();
    let a = at_root.leads().show("LD-100001").await.unwrap();
    let b = prefixed.leads().show("LD-100001").await.unwrap();
    assert_eq!(a, b);
}
