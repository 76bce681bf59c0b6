//! Every error case of the contract, as the real client decodes it from the real sandbox.

use wedocod_testkit as common;

use std::time::Duration;

use common::{client, client_with, posts, sandbox, valid_lead, valid_leads};
use wedocod_api::wire::StatusChange;
use wedocod_api::{
    Action, ApiError, CreateOutcome, Dialect, ListQuery, ResourceName, RetryPolicy, Scope,
    TransportKind,
};
use wedocod_sandbox::{Faults, SandboxConfig, Trigger};

fn faults(spec: &str) -> SandboxConfig {
    SandboxConfig {
        faults: spec.parse().unwrap(),
        ..SandboxConfig::default()
    }
}

#[tokio::test]
async fn unknown_and_revoked_tokens_are_401() {
    let sandbox = sandbox(SandboxConfig::default()).await;
    let stranger = client_with(&sandbox, Dialect::V2, "not-a-token", RetryPolicy::never());
    let error = stranger
        .leads()
        .list(&ListQuery::default())
        .await
        .unwrap_err();
    assert!(
        matches!(error, ApiError::Unauthenticated { .. }),
        "{error:?}"
    );
    assert!(
        !format!("{error} {error:?}").contains("not-a-token"),
        "the token never shows"
    );

    let token = sandbox.grant_token(&Scope::all());
    let revoked = client_with(&sandbox, Dialect::V2, &token, RetryPolicy::never());
    assert!(revoked.leads().list(&ListQuery::default()).await.is_ok());
    sandbox.revoke_token(&token);
    let error = revoked
        .orders()
        .list(&ListQuery::default())
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(401));
}

#[tokio::test]
async fn missing_scopes_are_403_naming_the_scope() {
    let sandbox = sandbox(SandboxConfig::default()).await;
    let view_leads = Scope::new(Action::View, ResourceName::Leads);
    let token = sandbox.grant_token(&[view_leads]);
    let limited = client_with(&sandbox, Dialect::V2, &token, RetryPolicy::never());

    assert!(limited.leads().list(&ListQuery::default()).await.is_ok());
    let error = limited
        .orders()
        .list(&ListQuery::default())
        .await
        .unwrap_err();
    assert_eq!(
        error,
        ApiError::Forbidden {
            scope: Some(Scope::new(Action::View, ResourceName::Orders)),
            message: "This action is unauthorized: the token lacks the \"view orders\" ability."
                .into(),
        }
    );
    assert!(error.to_string().contains("\"view orders\""));
    let error = limited.leads().create(&[valid_lead(1)]).await.unwrap_err();
    assert!(
        matches!(error, ApiError::Forbidden { scope: Some(s), .. } if s == Scope::new(Action::Create, ResourceName::Leads))
    );
    let error = limited
        .leads()
        .delete(&["LD-100001".to_string()])
        .await
        .unwrap_err();
    assert!(
        matches!(error, ApiError::Forbidden { scope: Some(s), .. } if s.action == Action::Delete)
    );
}

#[tokio::test]
async fn validation_errors_carry_exact_field_paths() {
    let sandbox = sandbox(SandboxConfig::default()).await;
    let client = client(&sandbox);
    let mut leads = valid_leads(4);
    leads[1].phone = String::new();
    leads[3].products[0].sku = Some("NOT-IN-CATALOGUE".into());
    leads[3].full_name = "Al".into();
    let before = sandbox.record_count(ResourceName::Leads);
    let error = client.leads().create(&leads).await.unwrap_err();
    let ApiError::Validation {
        fields, message, ..
    } = error
    else {
        panic!("expected 422, got {error:?}");
    };
    assert_eq!(message, "The given data was invalid.");
    assert_eq!(
        fields.keys().collect::<Vec<_>>(),
        ["data.1.phone", "data.3.full_name", "data.3.products.0.sku"]
    );
    assert_eq!(
        fields["data.1.phone"],
        ["The data.1.phone field is required."]
    );
    assert_eq!(
        fields["data.3.products.0.sku"],
        ["The selected data.3.products.0.sku is invalid."]
    );
    assert_eq!(
        sandbox.record_count(ResourceName::Leads),
        before,
        "all or nothing"
    );

    let error = client
        .leads()
        .update_status(&[StatusChange {
            reference: "LD-100001".into(),
            status: "teleported".into(),
        }])
        .await
        .unwrap_err();
    assert!(
        matches!(error, ApiError::Validation { ref fields, .. } if fields.contains_key("data.0.status"))
    );

    let error = client
        .leads()
        .list(&ListQuery::page(0, 500))
        .await
        .unwrap_err();
    assert!(matches!(error, ApiError::Validation { ref fields, .. } if fields.len() == 2));
}

#[tokio::test]
async fn the_client_refuses_oversized_requests_without_sending() {
    let sandbox = sandbox(SandboxConfig::default()).await;
    let error = client(&sandbox)
        .leads()
        .create(&valid_leads(101))
        .await
        .unwrap_err();
    assert!(matches!(error, ApiError::InvalidRequest(_)));
    assert!(sandbox.request_log().is_empty());
}

#[tokio::test]
async fn rate_limit_answers_429_with_retry_after() {
    let sandbox = sandbox(SandboxConfig {
        rate_limit: 3,
        ..SandboxConfig::default()
    })
    .await;
    // A fresh client per call: one client would pace itself and never see the 429.
    for remaining in [2, 1, 0] {
        let client = client(&sandbox);
        client.products(&ListQuery::default()).await.unwrap();
        assert_eq!(client.rate_budget().unwrap().remaining, remaining);
        assert_eq!(client.rate_budget().unwrap().limit, 3);
    }
    let error = client(&sandbox)
        .products(&ListQuery::default())
        .await
        .unwrap_err();
    // One request every 20 s at 3/min: the header says when the next one passes.
    assert_eq!(
        error,
        ApiError::RateLimited {
            retry_after: Some(Duration::from_secs(20)),
            message: "Too Many Attempts.".into()
        }
    );
}

#[tokio::test]
async fn a_429_storm_is_waited_out_as_retry_after_says() {
    let sandbox = sandbox(faults("storm429=x1")).await;
    let client = client_with(
        &sandbox,
        Dialect::V2,
        sandbox.token(),
        RetryPolicy::default(),
    );
    let page = client.leads().list(&ListQuery::page(1, 5)).await.unwrap();
    assert_eq!(page.items.len(), 5);
    let log = sandbox.request_log();
    let statuses: Vec<u16> = log.iter().map(|r| r.status).collect();
    assert_eq!(statuses, [429, 429, 429, 200]);
    for pair in log.windows(2) {
        let gap = pair[1].at - pair[0].at;
        // Retry-After: 1 — the client never came back sooner (scheduler slack allowed).
        assert!(gap >= Duration::from_millis(950), "retried after {gap:?}");
    }
}

#[tokio::test]
async fn a_paced_client_spaces_requests_instead_of_hitting_429() {
    let sandbox = sandbox(SandboxConfig::default()).await;
    let client = client(&sandbox);
    // 60/min: the 61st and 62nd requests must wait for budget to come back.
    for _ in 0..62 {
        client.products(&ListQuery::page(1, 1)).await.unwrap();
    }
    let log = sandbox.request_log();
    assert!(
        log.iter().all(|r| r.status == 200),
        "no request ran into the limit"
    );
    assert!(log[61].at - log[59].at >= Duration::from_secs(1));
}

#[tokio::test]
async fn server_errors_before_processing_are_500() {
    let sandbox = sandbox(faults("fail500=x1")).await;
    let client = client(&sandbox);
    let before = sandbox.record_count(ResourceName::Leads);
    let error = client.leads().create(&valid_leads(2)).await.unwrap_err();
    assert!(
        matches!(error, ApiError::Server { status: 500, .. }),
        "{error:?}"
    );
    assert!(
        error.outcome_uncertain(),
        "the client cannot know 500 came before processing"
    );
    assert_eq!(sandbox.record_count(ResourceName::Leads), before);
    assert!(
        client.leads().create(&valid_leads(2)).await.is_ok(),
        "x1: only once"
    );
}

#[tokio::test]
async fn a_connection_dropped_after_commit_is_an_uncertain_outcome_never_resent() {
    let sandbox = sandbox(faults("drop=x1")).await;
    let client = client_with(
        &sandbox,
        Dialect::V2,
        sandbox.token(),
        RetryPolicy::default(),
    );
    let before = sandbox.record_count(ResourceName::Leads);
    let error = client.leads().create(&valid_leads(3)).await.unwrap_err();
    assert!(
        matches!(
            error,
            ApiError::Transport {
                maybe_sent: true,
                ..
            }
        ),
        "{error:?}"
    );
    assert!(error.outcome_uncertain());
    assert_eq!(
        sandbox.record_count(ResourceName::Leads),
        before + 3,
        "the rows were stored"
    );
    let posts = posts(&sandbox);
    assert_eq!(
        posts, 1,
        "a create with an uncertain outcome is never resent blindly"
    );
}

#[tokio::test]
async fn a_500_after_commit_is_an_uncertain_outcome() {
    let sandbox = sandbox(faults("commit500=x1")).await;
    let client = client_with(
        &sandbox,
        Dialect::V2,
        sandbox.token(),
        RetryPolicy::default(),
    );
    let before = sandbox.record_count(ResourceName::Leads);
    let error = client.leads().create(&valid_leads(2)).await.unwrap_err();
    assert!(matches!(error, ApiError::Server { status: 500, .. }));
    assert!(error.outcome_uncertain());
    assert_eq!(sandbox.record_count(ResourceName::Leads), before + 2);
    assert_eq!(sandbox.request_log().len(), 1);
}

#[tokio::test]
async fn slow_answers_time_out_as_maybe_sent() {
    let sandbox = sandbox(faults("slow=3s")).await;
    let options = wedocod_api::ClientOptions {
        timeout: Duration::from_millis(300),
        connect_timeout: Duration::from_secs(2),
        retry: RetryPolicy::never(),
    };
    let client = wedocod_api::Client::with_options(
        common::profile(&sandbox, Dialect::V2),
        secrecy::SecretString::from(sandbox.token().to_string()),
        options,
    )
    .unwrap();
    let error = client
        .leads()
        .list(&ListQuery::default())
        .await
        .unwrap_err();
    assert!(
        matches!(
            error,
            ApiError::Transport {
                kind: TransportKind::Timeout,
                maybe_sent: true,
                ..
            }
        ),
        "{error:?}"
    );
}

#[tokio::test]
async fn nothing_listening_is_a_connect_failure_known_not_sent() {
    let sandbox = sandbox(SandboxConfig::default()).await;
    let client = client(&sandbox);
    sandbox.stop().await;
    let error = client.leads().create(&valid_leads(1)).await.unwrap_err();
    assert!(
        matches!(
            error,
            ApiError::Transport {
                kind: TransportKind::Connect,
                maybe_sent: false,
                ..
            }
        ),
        "{error:?}"
    );
    assert!(!error.outcome_uncertain());
}

#[tokio::test]
async fn business_failures_are_counted_not_named() {
    let sandbox = sandbox(faults("rowfail=x1")).await;
    let outcome = client(&sandbox)
        .leads()
        .create(&valid_leads(3))
        .await
        .unwrap();
    assert!(matches!(
        outcome,
        CreateOutcome::Created { ref created_refs, failed_count: 1, total: 3 } if created_refs.len() == 2
    ));
}

#[tokio::test]
async fn faults_switch_at_run_time() {
    let sandbox = sandbox(SandboxConfig::default()).await;
    let client = client(&sandbox);
    sandbox.set_faults(Faults {
        fail500: Trigger::Probability(1.0),
        ..Faults::default()
    });
    assert!(client.products(&ListQuery::default()).await.is_err());
    sandbox.set_faults(Faults::default());
    assert!(client.products(&ListQuery::default()).await.is_ok());
}

/// A proxy's HTML page instead of JSON: served by a bare TCP listener, read by the client.
async fn serve_once(status_line: &'static str, body: &'static str) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let (mut socket, _) = listener.accept().await.unwrap();
        let mut request = [0u8; 4096];
        let _ = socket.read(&mut request).await;
        let response = format!(
            "HTTP/1.1 {status_line}\r\ncontent-type: text/html\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
            body.len()
        );
        let _ = socket.write_all(response.as_bytes()).await;
    });
    format!("http://{addr}")
}

fn raw_client(base_url: &str) -> wedocod_api::Client {
    let profile = wedocod_api::ApiProfile::new(base_url, "", Dialect::V2).unwrap();
    wedocod_api::Client::with_options(
        profile,
        secrecy::SecretString::from("t"),
        wedocod_api::ClientOptions {
            retry: RetryPolicy::never(),
            ..Default::default()
        },
    )
    .unwrap()
}

#[tokio::test]
async fn non_json_answers_keep_status_and_an_excerpt() {
    let url = serve_once(
        "502 Bad Gateway",
        "<html><body><h1>502 Bad Gateway</h1> nginx</body></html>",
    )
    .await;
    let error = raw_client(&url)
        .leads()
        .list(&ListQuery::default())
        .await
        .unwrap_err();
    assert!(
        matches!(error, ApiError::Server { status: 502, ref message } if message.contains("502 Bad Gateway")),
        "{error:?}"
    );
    let url = serve_once("200 OK", "<html>maintenance</html>").await;
    let error = raw_client(&url)
        .leads()
        .list(&ListQuery::default())
        .await
        .unwrap_err();
    assert!(
        matches!(error, ApiError::Undecodable { status: 200, ref excerpt } if excerpt.contains("maintenance")),
        "{error:?}"
    );
}

#[tokio::test]
async fn hostile_answers_to_a_create_are_never_taken_for_created() {
    use wedocod_api::pacing::MAX_RETRY_WAIT;
    // A Retry-After of 2^64 - 1 seconds: a capped wait, no panic.
    let absurd = sandbox(faults("absurd429=x1")).await;
    let error = client(&absurd)
        .leads()
        .create(&valid_leads(2))
        .await
        .unwrap_err();
    assert!(
        matches!(error, ApiError::RateLimited { retry_after: Some(wait), .. } if wait == MAX_RETRY_WAIT),
        "{error:?}"
    );

    // A redirect is not followed with the rows: an uncertain outcome, nothing sent on.
    let redirecting = sandbox(faults("redirect=x1")).await;
    let before = redirecting.record_count(ResourceName::Leads);
    let error = client(&redirecting)
        .leads()
        .create(&valid_leads(2))
        .await
        .unwrap_err();
    assert!(
        matches!(error, ApiError::Redirected { status: 307, ref location } if location.starts_with("/moved")),
        "{error:?}"
    );
    assert!(error.outcome_uncertain());
    assert_eq!(redirecting.record_count(ResourceName::Leads), before);
    assert_eq!(redirecting.request_log().len(), 1, "not followed");

    // A 201 whose body is in no documented shape (here nothing was stored): never "created".
    let odd = sandbox(faults("oddbody=x1")).await;
    let before = odd.record_count(ResourceName::Leads);
    let error = client(&odd)
        .leads()
        .create(&valid_leads(2))
        .await
        .unwrap_err();
    assert!(error.outcome_uncertain(), "{error:?}");
    assert_eq!(odd.record_count(ResourceName::Leads), before);
}
