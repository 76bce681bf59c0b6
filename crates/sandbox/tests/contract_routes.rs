//! Every route of the contract, the real client against the real sandbox over loopback.

use wedocod_testkit as common;

use std::time::Duration;

use common::{client, sandbox, valid_lead, valid_leads};
use wedocod_api::wire::{ProductLine, StatusChange};
use wedocod_api::{CreateOutcome, ListQuery, NewOrder, ResourceName};
use wedocod_sandbox::SandboxConfig;

#[tokio::test]
async fn lead_pages_follow_the_pagination_arithmetic() {
    let sandbox = sandbox(SandboxConfig::default()).await;
    let leads = client(&sandbox).leads();
    let total = sandbox.record_count(ResourceName::Leads) as u64;
    assert!(total >= 300);

    let first = leads.list(&ListQuery::page(1, 50)).await.unwrap();
    assert_eq!((first.page, first.per_page, first.total), (1, 50, total));
    assert_eq!(first.pages, total.div_ceil(50));
    assert_eq!(first.items.len(), 50);

    let last = leads.list(&ListQuery::page(first.pages, 50)).await.unwrap();
    assert_eq!(last.items.len() as u64, total - 50 * (first.pages - 1));
    let beyond = leads
        .list(&ListQuery::page(first.pages + 1, 50))
        .await
        .unwrap();
    assert!(beyond.items.is_empty());
    assert_eq!(beyond.total, total);

    // Newest first, and pages do not overlap.
    let second = leads.list(&ListQuery::page(2, 50)).await.unwrap();
    assert!(first.items.last().unwrap().created_at >= second.items[0].created_at);
    assert_ne!(first.items[0].reference, second.items[0].reference);
}

#[tokio::test]
async fn status_and_search_filters() {
    let sandbox = sandbox(SandboxConfig::default()).await;
    let orders = client(&sandbox).orders();
    let shipped = orders
        .list(&ListQuery {
            status: Some("shipped".into()),
            ..ListQuery::page(1, 100)
        })
        .await
        .unwrap();
    assert!(shipped.total > 0);
    assert!(
        shipped
            .items
            .iter()
            .all(|o| o.status.as_deref() == Some("shipped"))
    );

    let one = orders.show("OR-200001").await.unwrap();
    let phone = one.phone.clone().unwrap();
    let found = orders
        .list(&ListQuery {
            search: Some(phone.clone()),
            ..ListQuery::default()
        })
        .await
        .unwrap();
    assert!(
        found
            .items
            .iter()
            .any(|o| o.reference.as_deref() == Some("OR-200001"))
    );
    assert!(
        found
            .items
            .iter()
            .all(|o| o.phone.as_deref() == Some(phone.as_str()))
    );
}

#[tokio::test]
async fn show_returns_the_record_and_404s_other_accounts() {
    let sandbox = sandbox(SandboxConfig::default()).await;
    let client = client(&sandbox);
    let page = client.leads().list(&ListQuery::page(1, 1)).await.unwrap();
    let reference = page.items[0].reference.clone().unwrap();
    let lead = client.leads().show(&reference).await.unwrap();
    assert_eq!(lead, page.items[0]);

    // The other account's newest lead exists, but not for this token.
    let other = common::client_with(
        &sandbox,
        wedocod_api::Dialect::V2,
        sandbox.other_account_token(),
        wedocod_api::RetryPolicy::never(),
    );
    let theirs = other.leads().list(&ListQuery::page(1, 1)).await.unwrap();
    let their_reference = theirs.items[0].reference.clone().unwrap();
    assert!(other.leads().show(&their_reference).await.is_ok());
    let error = client.leads().show(&their_reference).await.unwrap_err();
    assert_eq!(error.status(), Some(404), "{error}");
}

#[tokio::test]
async fn sync_create_returns_usable_references() {
    let sandbox = sandbox(SandboxConfig::default()).await;
    let client = client(&sandbox);
    let before = sandbox.record_count(ResourceName::Leads);
    let outcome = client.leads().create(&valid_leads(3)).await.unwrap();
    let CreateOutcome::Created {
        created_refs,
        failed_count,
        total,
    } = outcome
    else {
        panic!("expected a sync create, got {outcome:?}");
    };
    assert_eq!((created_refs.len(), failed_count, total), (3, 0, 3));
    assert_eq!(sandbox.record_count(ResourceName::Leads), before + 3);
    let lead = client.leads().show(&created_refs[1]).await.unwrap();
    assert_eq!(lead.full_name.as_deref(), Some("Client Numéro 1"));
    assert_eq!(lead.status.as_deref(), Some("new"));
    assert_eq!(lead.products[0].total, Some(298.0));
}

#[tokio::test]
async fn async_create_is_queued_and_the_batch_completes() {
    let config = SandboxConfig {
        batch_row_delay: Duration::from_millis(2),
        ..SandboxConfig::default()
    };
    let sandbox = sandbox(config).await;
    let client = client(&sandbox);
    let outcome = client.leads().create(&valid_leads(25)).await.unwrap();
    let CreateOutcome::Queued { batch_id, total } = outcome else {
        panic!("more than the sync threshold must be queued, got {outcome:?}");
    };
    assert!(batch_id.starts_with("batch_"));
    assert_eq!(total, 25);
    let mut seen_states = Vec::new();
    let status = loop {
        let status = client
            .batch(&batch_id)
            .await
            .unwrap()
            .expect("the sandbox has a batch endpoint");
        seen_states.push(status.status.clone());
        if status.is_finished() {
            break status;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    assert_eq!(status.status, "completed", "{seen_states:?}");
    assert_eq!((status.total, status.processed), (25, 25));
    assert_eq!(status.created_refs.len(), 25);
    assert!(status.failures.is_empty());
    let created = client.leads().show(&status.created_refs[24]).await.unwrap();
    assert_eq!(created.full_name.as_deref(), Some("Client Numéro 24"));
}

#[tokio::test]
async fn orders_are_created_updated_and_deleted() {
    let sandbox = sandbox(SandboxConfig::default()).await;
    let orders = client(&sandbox).orders();
    let order = NewOrder {
        full_name: "Salma Tazi".into(),
        phone: "+212612345678".into(),
        email: Some("salma@example.ma".into()),
        city: "Rabat".into(),
        area: None,
        address: "4 Avenue Mohammed V".into(),
        shipment_way: Some(1),
        is_fees_paid_by_customer: true,
        total: 298.0,
        products: vec![ProductLine {
            sku: Some("ARG-100".into()),
            quantity: Some(2),
            total: None,
            price: Some(149.0),
        }],
    };
    let CreateOutcome::Created { created_refs, .. } = orders.create(&[order]).await.unwrap() else {
        panic!("one order is a sync create");
    };
    let reference = created_refs[0].clone();

    let update = orders
        .update_status(&[StatusChange {
            reference: reference.clone(),
            status: "shipped".into(),
        }])
        .await
        .unwrap();
    assert_eq!(update.updated_fields, ["status"]);
    assert_eq!(
        update.records[0].reference.as_deref(),
        Some(reference.as_str())
    );
    assert_eq!(
        orders.show(&reference).await.unwrap().status.as_deref(),
        Some("shipped")
    );

    let history = orders
        .histories(&ListQuery {
            reference: Some(reference.clone()),
            ..ListQuery::default()
        })
        .await
        .unwrap();
    assert_eq!(history.total, 1);
    let entry = &history.items[0];
    assert_eq!(entry.order_reference.as_deref(), Some(reference.as_str()));
    assert_eq!(
        (entry.old_status.as_deref(), entry.new_status.as_deref()),
        (Some("new"), Some("shipped"))
    );

    let deleted = orders
        .delete(std::slice::from_ref(&reference))
        .await
        .unwrap();
    assert_eq!(deleted.count, 1);
    assert_eq!(
        orders.show(&reference).await.unwrap_err().status(),
        Some(404)
    );
}

#[tokio::test]
async fn lead_histories_and_bulk_changes() {
    let sandbox = sandbox(SandboxConfig::default()).await;
    let leads = client(&sandbox).leads();
    let histories = leads.histories(&ListQuery::page(1, 25)).await.unwrap();
    assert!(
        histories.total > 100,
        "seeded status changes have histories"
    );
    assert!(histories.items.iter().all(|h| h.lead_reference.is_some()));

    let CreateOutcome::Created { created_refs, .. } =
        leads.create(&[valid_lead(1), valid_lead(2)]).await.unwrap()
    else {
        panic!("sync");
    };
    let changes: Vec<StatusChange> = created_refs
        .iter()
        .map(|reference| StatusChange {
            reference: reference.clone(),
            status: "confirmed".into(),
        })
        .collect();
    assert_eq!(
        leads.update_status(&changes).await.unwrap().records.len(),
        2
    );
    assert_eq!(leads.delete(&created_refs).await.unwrap().count, 2);
}

#[tokio::test]
async fn products_are_paged_and_searchable() {
    let sandbox = sandbox(SandboxConfig::default()).await;
    let client = client(&sandbox);
    let all = client.all_products().await.unwrap();
    assert_eq!(all.len(), 24);
    let page = client.products(&ListQuery::page(2, 10)).await.unwrap();
    assert_eq!((page.items.len(), page.pages, page.total), (10, 3, 24));
    let argan = client
        .products(&ListQuery {
            search: Some("argan".into()),
            ..ListQuery::default()
        })
        .await
        .unwrap();
    assert!(argan.items.iter().all(|p| {
        p.name
            .as_deref()
            .unwrap_or("")
            .to_lowercase()
            .contains("argan")
    }));
    assert!(!argan.items.is_empty());
}
