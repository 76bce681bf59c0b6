//! The real API's harder conditions, which the sandbox can switch on (issue 22): slow
//! queues, a server clock that is not the computer's, lists in the other order, a big
//! store, more than one token for one account, and 202s lost on the way back.

use wedocod_testkit as common;

use std::time::Duration;

use chrono::{DateTime, TimeDelta, Utc};
use common::{client, client_with, raw_http, sandbox, valid_leads};
use wedocod_api::wire::StatusChange;
use wedocod_api::{ApiError, CreateOutcome, Dialect, ListQuery, ResourceName, RetryPolicy};
use wedocod_sandbox::{ListOrder, SandboxConfig};

fn parse(at: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(at)
        .expect("an ISO-8601 timestamp")
        .with_timezone(&Utc)
}

/// Whether `at` is within a few minutes of `expected`: generous, so a slow machine
/// never fails it, and still far from the hours of skew it checks.
fn near(at: DateTime<Utc>, expected: DateTime<Utc>) -> bool {
    (at - expected).abs() < TimeDelta::minutes(5)
}

#[tokio::test]
async fn a_queued_batch_waits_for_its_queue() {
    let sandbox = sandbox(SandboxConfig {
        queue_delay: Duration::from_secs(3_600),
        batch_row_delay: Duration::from_millis(1),
        ..SandboxConfig::default()
    })
    .await;
    let client = client(&sandbox);
    let before = sandbox.record_count(ResourceName::Leads);
    let CreateOutcome::Queued { batch_id, .. } =
        client.leads().create(&valid_leads(20)).await.unwrap()
    else {
        panic!("20 rows are queued");
    };
    // Without the delay, 20 rows at 1 ms each are long done by the last look.
    for _ in 0..5 {
        tokio::time::sleep(Duration::from_millis(50)).await;
        let status = client.batch(&batch_id).await.unwrap().unwrap();
        assert_eq!((status.status.as_str(), status.processed), ("queued", 0));
    }
    assert_eq!(sandbox.record_count(ResourceName::Leads), before);
}

#[tokio::test]
async fn a_skewed_clock_stamps_records_histories_and_the_date_header() {
    let skew = TimeDelta::hours(-3);
    let sandbox = sandbox(SandboxConfig {
        clock_skew: skew.num_seconds(),
        ..SandboxConfig::default()
    })
    .await;
    let leads = client(&sandbox).leads();
    let CreateOutcome::Created { created_refs, .. } = leads.create(&valid_leads(1)).await.unwrap()
    else {
        panic!("one row is a sync create");
    };
    let reference = created_refs[0].clone();
    let server_now = Utc::now() + skew;
    let created = leads.show(&reference).await.unwrap();
    assert!(near(
        parse(created.created_at.as_deref().unwrap()),
        server_now
    ));

    leads
        .update_status(&[StatusChange {
            reference: reference.clone(),
            status: "confirmed".into(),
        }])
        .await
        .unwrap();
    let updated = leads.show(&reference).await.unwrap();
    assert!(near(
        parse(updated.updated_at.as_deref().unwrap()),
        server_now
    ));
    let history = leads
        .histories(&ListQuery {
            reference: Some(reference),
            ..ListQuery::default()
        })
        .await
        .unwrap();
    let changed_at = history.items[0].changed_at.as_deref().unwrap();
    assert!(near(parse(changed_at), server_now));

    // Every answer says the server's time, errors included.
    for path in ["/leads", "/no-such-route"] {
        let answer = raw_http()
            .get(format!("{}{path}", sandbox.base_url()))
            .bearer_auth(sandbox.token())
            .send()
            .await
            .unwrap();
        let date = answer.headers()["date"].to_str().unwrap().to_string();
        let date = DateTime::parse_from_rfc2822(&date.replace("GMT", "+0000")).unwrap();
        assert!(near(date.with_timezone(&Utc), server_now), "{path}: {date}");
    }
}

#[tokio::test]
async fn lists_can_come_oldest_first() {
    let created_at = |order: ListOrder| async move {
        let sandbox = sandbox(SandboxConfig {
            list_order: order,
            ..SandboxConfig::default()
        })
        .await;
        let page = client(&sandbox)
            .leads()
            .list(&ListQuery::page(1, 20))
            .await
            .unwrap();
        page.items
            .into_iter()
            .map(|lead| lead.created_at.unwrap())
            .collect::<Vec<_>>()
    };
    let newest = created_at(ListOrder::NewestFirst).await;
    assert!(
        newest.windows(2).all(|pair| pair[0] >= pair[1]),
        "{newest:?}"
    );
    let oldest = created_at(ListOrder::OldestFirst).await;
    assert!(
        oldest.windows(2).all(|pair| pair[0] <= pair[1]),
        "{oldest:?}"
    );
    assert!(oldest[0] < newest[newest.len() - 1]);
}

#[tokio::test]
async fn ten_thousand_extra_leads_make_a_big_store_of_the_past() {
    let plain = sandbox(SandboxConfig::default()).await;
    let demo = plain.record_count(ResourceName::Leads);
    let big = sandbox(SandboxConfig {
        extra_leads: 10_000,
        ..SandboxConfig::default()
    })
    .await;
    assert_eq!(big.record_count(ResourceName::Leads), demo + 10_000);
    let first = client(&big)
        .leads()
        .list(&ListQuery::page(1, 100))
        .await
        .unwrap();
    assert_eq!(first.total as usize, demo + 10_000);
    assert_eq!(first.pages as usize, (demo + 10_000).div_ceil(100));
    let newest = parse(first.items[0].created_at.as_deref().unwrap());
    assert!(newest < Utc::now(), "created in the past");
}

#[tokio::test]
async fn extra_tokens_open_the_same_account_until_revoked() {
    let sandbox = sandbox(SandboxConfig {
        extra_tokens: vec!["rotated-token".into()],
        ..SandboxConfig::default()
    })
    .await;
    let rotated = client_with(&sandbox, Dialect::V2, "rotated-token", RetryPolicy::never());
    let CreateOutcome::Created { created_refs, .. } =
        rotated.leads().create(&valid_leads(1)).await.unwrap()
    else {
        panic!("one row is a sync create");
    };
    // A record made with one token is the account's: the other token sees it.
    client(&sandbox)
        .leads()
        .show(&created_refs[0])
        .await
        .unwrap();
    assert_eq!(
        sandbox.record_count_of("rotated-token", ResourceName::Leads),
        Some(sandbox.record_count(ResourceName::Leads))
    );

    sandbox.revoke_token(sandbox.token());
    let refused = client(&sandbox).leads().list(&ListQuery::default()).await;
    assert!(
        matches!(refused, Err(ApiError::Unauthenticated { .. })),
        "{refused:?}"
    );
    rotated.leads().show(&created_refs[0]).await.unwrap();
}

#[tokio::test]
async fn drop202_loses_the_answer_of_a_queued_batch_that_still_runs() {
    let sandbox = sandbox(SandboxConfig {
        faults: "drop202=1".parse().unwrap(),
        batch_endpoint: false,
        batch_row_delay: Duration::from_millis(1),
        ..SandboxConfig::default()
    })
    .await;
    let client = client(&sandbox);
    let before = sandbox.record_count(ResourceName::Leads);
    // A sync create is no 202: it is answered.
    assert!(matches!(
        client.leads().create(&valid_leads(2)).await.unwrap(),
        CreateOutcome::Created { .. }
    ));
    let error = client.leads().create(&valid_leads(20)).await.unwrap_err();
    assert!(error.outcome_uncertain(), "{error:?}");
    while sandbox.record_count(ResourceName::Leads) < before + 22 {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert_eq!(sandbox.record_count(ResourceName::Leads), before + 22);
}
