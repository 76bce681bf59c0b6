//! The routes of api-contract.md §6, served at `/` and under `/api/web/1.0`, written
//! once for leads and orders, and once for the seller lists (products, stock, invoices,
//! sourcing requests). Every route checks its scope from the shared endpoint table, so a
//! 403 always names the scope the call needed.

use std::collections::HashMap;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Extension, Router, middleware};
use serde::Serialize;
use serde_json::{Map, Value, json};

use super::gate::{Caller, budget_headers, gate};
use super::respond::{self, Failure, Reject};
use super::server::ConnectionKiller;
use super::store::{Batch, StoredListing, StoredRecord, StoredResource};
use super::{Faults, ListOrder, SandboxState, lock, openapi, request_check, worker};
use crate::api::endpoints::{Endpoint, body_key};
use crate::api::rules::{item_schema, max_items_per_request};
use crate::api::seller::{Invoice, Sourcing, Stock};
use crate::api::wire::{BatchStatus, Deleted, Pagination, Product, Queued, RecordRef, SyncCreated};
use crate::api::{Dialect, Leads, Orders, V1_PREFIX};

type Answer = Result<Response, Reject>;

/// The whole application: API routes (behind the gate) at both prefixes, the fault
/// switch, and a JSON 404 for everything else.
pub fn router(state: Arc<SandboxState>, batch_endpoint: bool) -> Router {
    let mut api = Router::new();
    api = resource_routes::<Leads>(api);
    api = resource_routes::<Orders>(api);
    api = listing_routes::<Product>(api);
    api = listing_routes::<Stock>(api);
    api = listing_routes::<Invoice>(api);
    api = listing_routes::<Sourcing>(api);
    api = api.route(&Endpoint::CreateSourcing.path(), post(create_sourcing));
    if batch_endpoint {
        api = api.route(&Endpoint::Batch("{batch_id}").path(), get(batch));
    }
    let api = api.route_layer(middleware::from_fn_with_state(state.clone(), gate));
    // The description is public, like any API's documentation: no token, no budget.
    let description = openapi::to_json(state.dialect, batch_endpoint);
    let openapi_json =
        get(move || async move { ([(header::CONTENT_TYPE, "application/json")], description) });
    Router::new()
        .merge(api.clone())
        .nest(V1_PREFIX, api)
        .route("/openapi.json", openapi_json)
        .route("/_sandbox/faults", get(show_faults).put(set_faults))
        .fallback(not_found)
        .layer(middleware::from_fn_with_state(
            state.clone(),
            budget_headers,
        ))
        .with_state(state)
}

fn resource_routes<R: StoredResource>(
    router: Router<Arc<SandboxState>>,
) -> Router<Arc<SandboxState>> {
    router
        .route(
            &Endpoint::List(R::NAME).path(),
            get(list::<R>)
                .post(create::<R>)
                .patch(update::<R>)
                .delete(delete::<R>),
        )
        .route(
            &Endpoint::Show(R::NAME, "{reference}").path(),
            get(show::<R>),
        )
        .route(&Endpoint::Histories(R::NAME).path(), get(histories::<R>))
        .route(
            &Endpoint::ShowHistory(R::NAME, "{id}").path(),
            get(show_history::<R>),
        )
}

fn listing_routes<T: StoredListing>(
    router: Router<Arc<SandboxState>>,
) -> Router<Arc<SandboxState>> {
    router
        .route(&Endpoint::Browse(T::LISTING).path(), get(browse::<T>))
        .route(
            &Endpoint::ShowListed(T::LISTING, "{id}").path(),
            get(show_listed::<T>),
        )
}

fn reject(state: &SandboxState, failure: Failure) -> Reject {
    Reject::new(state.dialect, failure)
}

/// 403 unless the caller's token carries the endpoint's scope.
fn require(state: &SandboxState, caller: &Caller, endpoint: Endpoint<'_>) -> Result<(), Reject> {
    match endpoint.scope() {
        Some(scope) if !caller.scopes.contains(&scope) => {
            Err(reject(state, Failure::Forbidden(scope)))
        }
        _ => Ok(()),
    }
}

fn page_query(
    state: &SandboxState,
    params: &HashMap<String, String>,
) -> Result<(u64, u64), Reject> {
    request_check::page_query(params).map_err(|fields| reject(state, Failure::Validation(fields)))
}

/// The request body as JSON. Laravel reads a malformed JSON body as no input at all; a
/// body over the server's limit (axum's 2 MB) is a 413 in the dialect's error shape.
fn json_body(state: &SandboxState, body: Result<Bytes, BytesRejection>) -> Result<Value, Reject> {
    let bytes = body.map_err(|_| reject(state, Failure::TooLarge))?;
    Ok(serde_json::from_slice(&bytes).unwrap_or_else(|_| Value::Object(Map::new())))
}

/// One page of `items` (already filtered and in list order).
fn paged<T: Serialize>(dialect: Dialect, items: &[T], page: u64, per_page: u64) -> Response {
    let pagination = Pagination::new(page, per_page, items.len() as u64);
    let start = usize::try_from((page - 1).saturating_mul(per_page)).unwrap_or(usize::MAX);
    let values = items
        .iter()
        .skip(start)
        .take(per_page as usize)
        .filter_map(|item| serde_json::to_value(item).ok())
        .collect();
    respond::page(dialect, values, pagination)
}

fn filter<'a>(params: &'a HashMap<String, String>, name: &str) -> Option<&'a str> {
    params
        .get(name)
        .map(|value| value.trim())
        .filter(|value| !value.is_empty())
}

/// "Leads" / "Orders", for v1 messages.
fn title<R: StoredResource>() -> String {
    let plural = R::NAME.plural();
    plural[..1].to_uppercase() + &plural[1..]
}

async fn list<R: StoredResource>(
    State(state): State<Arc<SandboxState>>,
    Extension(caller): Extension<Caller>,
    Query(params): Query<HashMap<String, String>>,
) -> Answer {
    require(&state, &caller, Endpoint::List(R::NAME))?;
    let (page, per_page) = page_query(&state, &params)?;
    let status = filter(&params, "status");
    let search = filter(&params, "search").map(str::to_lowercase);
    let store = lock(&state.store);
    let mut matching: Vec<&R::Record> = R::records(&store.accounts[caller.account])
        .iter()
        .filter(|record| status.is_none_or(|status| record.status() == Some(status)))
        .filter(|record| {
            search
                .as_deref()
                .is_none_or(|needle| record.matches(needle))
        })
        .collect();
    in_list_order(&state, &mut matching);
    Ok(paged(state.dialect, &matching, page, per_page))
}

/// Puts items kept oldest first in the order lists are served in.
fn in_list_order<T>(state: &SandboxState, items: &mut [T]) {
    if state.list_order == ListOrder::NewestFirst {
        items.reverse();
    }
}

async fn show<R: StoredResource>(
    State(state): State<Arc<SandboxState>>,
    Extension(caller): Extension<Caller>,
    Path(reference): Path<String>,
) -> Answer {
    require(&state, &caller, Endpoint::Show(R::NAME, &reference))?;
    let store = lock(&state.store);
    let record = R::records(&store.accounts[caller.account])
        .iter()
        .find(|record| record.reference() == Some(reference.as_str()));
    found(&state, record)
}

/// A `show` answer: the item in an envelope, or 404 (absent, or another account's).
fn found<T: Serialize>(state: &SandboxState, item: Option<&T>) -> Answer {
    let item = item.ok_or_else(|| reject(state, Failure::NotFound))?;
    Ok(respond::envelope(StatusCode::OK, json!(item), json!({})))
}

/// The commit faults: the write is stored, then the client gets a 500 or nothing.
async fn after_commit(
    state: &SandboxState,
    killer: &ConnectionKiller,
    response: Response,
) -> Answer {
    if state.roll(|faults| &mut faults.drop_after_commit) {
        tracing::info!("dropping the connection after commit (fault)");
        killer.kill();
        return std::future::pending().await;
    }
    if state.roll(|faults| &mut faults.commit500) {
        return Err(reject(state, Failure::ServerError));
    }
    Ok(response)
}

async fn create<R: StoredResource>(
    State(state): State<Arc<SandboxState>>,
    Extension(caller): Extension<Caller>,
    Extension(killer): Extension<ConnectionKiller>,
    body: Result<Bytes, BytesRejection>,
) -> Answer {
    require(&state, &caller, Endpoint::Create(R::NAME))?;
    let dialect = state.dialect;
    let skus = lock(&state.store).accounts[caller.account].skus();
    let items = request_check::validate_create(
        &json_body(&state, body)?,
        R::NAME,
        dialect,
        &item_schema(R::NAME, dialect),
        max_items_per_request(dialect),
        &skus,
    )
    .map_err(|fields| reject(&state, Failure::Validation(fields)))?;
    let total = items.len();
    let meta = |mode: &str| json!({"mode": mode, "total": total});

    if dialect == Dialect::V2 && total > state.sync_threshold {
        let batch_id = {
            let mut store = lock(&state.store);
            let batch_id = store.new_batch_id();
            let status = BatchStatus {
                batch_id: batch_id.clone(),
                status: "queued".into(),
                total: total as u64,
                ..BatchStatus::default()
            };
            let batch = Batch {
                account: caller.account,
                items,
                status,
            };
            store.batches.insert(batch_id.clone(), batch);
            batch_id
        };
        tokio::spawn(worker::process::<R>(state.clone(), batch_id.clone()));
        if state.roll(|faults| &mut faults.drop_queued) {
            tracing::info!(%batch_id, "dropping the connection after queueing (fault)");
            killer.kill();
            return std::future::pending().await;
        }
        let queued = Queued {
            batch_id,
            queued: true,
        };
        let response = respond::envelope(StatusCode::ACCEPTED, json!(queued), meta("async"));
        return after_commit(&state, &killer, response).await;
    }

    let mut created = SyncCreated::default();
    {
        let mut store = lock(&state.store);
        for item in items {
            if state.roll(|faults| &mut faults.row_failure) {
                created.failed_count += 1;
            } else if let Some(reference) = store.create::<R>(caller.account, item, state.now()) {
                created.created_refs.push(reference);
            }
        }
    }
    let response = match dialect {
        Dialect::V2 => respond::envelope(StatusCode::CREATED, json!(created), meta("sync")),
        Dialect::V1 => respond::message(
            StatusCode::CREATED,
            &format!("{} created successfully.", title::<R>()),
            None,
        ),
    };
    after_commit(&state, &killer, response).await
}

fn exists<R: StoredResource>(state: &SandboxState, caller: &Caller) -> impl Fn(&str) -> bool {
    let store = lock(&state.store);
    let references: std::collections::HashSet<String> = R::records(&store.accounts[caller.account])
        .iter()
        .filter_map(|record| record.reference().map(str::to_string))
        .collect();
    move |reference| references.contains(reference)
}

async fn update<R: StoredResource>(
    State(state): State<Arc<SandboxState>>,
    Extension(caller): Extension<Caller>,
    Extension(killer): Extension<ConnectionKiller>,
    body: Result<Bytes, BytesRejection>,
) -> Answer {
    require(&state, &caller, Endpoint::Update(R::NAME))?;
    let key = body_key(R::NAME, state.dialect);
    let changes = request_check::validate_status_changes(
        &json_body(&state, body)?,
        key,
        R::STATUSES,
        exists::<R>(&state, &caller),
    )
    .map_err(|fields| reject(&state, Failure::Validation(fields)))?;
    let updated: Vec<RecordRef> = {
        let mut store = lock(&state.store);
        let now = state.now();
        changes
            .iter()
            .filter_map(|change| {
                store.change_status::<R>(
                    caller.account,
                    &change.reference,
                    &change.status,
                    "api",
                    now,
                )
            })
            .map(|record| serde_json::from_value(json!(record)).unwrap_or_default())
            .collect()
    };
    let response = match state.dialect {
        Dialect::V2 => respond::envelope(
            StatusCode::OK,
            json!(updated),
            json!({"updated_fields": ["status"]}),
        ),
        Dialect::V1 => respond::message(
            StatusCode::OK,
            &format!("{} updated successfully.", title::<R>()),
            Some(json!(updated)),
        ),
    };
    after_commit(&state, &killer, response).await
}

async fn delete<R: StoredResource>(
    State(state): State<Arc<SandboxState>>,
    Extension(caller): Extension<Caller>,
    Extension(killer): Extension<ConnectionKiller>,
    body: Result<Bytes, BytesRejection>,
) -> Answer {
    require(&state, &caller, Endpoint::Delete(R::NAME))?;
    let ids = request_check::validate_ids(&json_body(&state, body)?, exists::<R>(&state, &caller))
        .map_err(|fields| reject(&state, Failure::Validation(fields)))?;
    let count = {
        let mut store = lock(&state.store);
        let records = R::records_mut(&mut store.accounts[caller.account]);
        let before = records.len();
        records.retain(|record| {
            !record
                .reference()
                .is_some_and(|r| ids.iter().any(|id| id == r))
        });
        (before - records.len()) as u64
    };
    let deleted = json!(Deleted {
        deleted: true,
        count
    });
    let response = match state.dialect {
        Dialect::V2 => respond::envelope(StatusCode::OK, deleted, json!({})),
        Dialect::V1 => respond::message(
            StatusCode::OK,
            &format!("{} deleted successfully.", title::<R>()),
            Some(deleted),
        ),
    };
    after_commit(&state, &killer, response).await
}

async fn histories<R: StoredResource>(
    State(state): State<Arc<SandboxState>>,
    Extension(caller): Extension<Caller>,
    Query(params): Query<HashMap<String, String>>,
) -> Answer {
    require(&state, &caller, Endpoint::Histories(R::NAME))?;
    let (page, per_page) = page_query(&state, &params)?;
    let reference = filter(&params, "reference");
    let store = lock(&state.store);
    let matching: Vec<_> = R::histories(&store.accounts[caller.account])
        .iter()
        .rev()
        .filter(|entry| reference.is_none_or(|r| entry.reference() == Some(r)))
        .collect();
    Ok(paged(state.dialect, &matching, page, per_page))
}

async fn show_history<R: StoredResource>(
    State(state): State<Arc<SandboxState>>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
) -> Answer {
    require(&state, &caller, Endpoint::ShowHistory(R::NAME, &id))?;
    let store = lock(&state.store);
    let entry = R::histories(&store.accounts[caller.account])
        .iter()
        .find(|entry| entry.id.as_deref() == Some(id.as_str()));
    found(&state, entry)
}

/// A seller list's page: its list items (without the show's fields), in the list order
/// (the catalogue by id), searched where the list takes a search.
async fn browse<T: StoredListing>(
    State(state): State<Arc<SandboxState>>,
    Extension(caller): Extension<Caller>,
    Query(params): Query<HashMap<String, String>>,
) -> Answer {
    require(&state, &caller, Endpoint::Browse(T::LISTING))?;
    let (page, per_page) = page_query(&state, &params)?;
    let search = T::SEARCH
        .and(filter(&params, "search"))
        .map(str::to_lowercase);
    let store = lock(&state.store);
    let mut matching: Vec<T> = T::items(&store.accounts[caller.account])
        .iter()
        .filter(|item| search.as_deref().is_none_or(|needle| item.matches(needle)))
        .map(T::listed)
        .collect();
    if T::BY_AGE {
        in_list_order(&state, &mut matching);
    }
    Ok(paged(state.dialect, &matching, page, per_page))
}

/// One item of a seller list by its server-wide id, whole.
async fn show_listed<T: StoredListing>(
    State(state): State<Arc<SandboxState>>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
) -> Answer {
    require(&state, &caller, Endpoint::ShowListed(T::LISTING, &id))?;
    let store = lock(&state.store);
    let item = T::items(&store.accounts[caller.account])
        .iter()
        .find(|item| item.id() == Some(id.as_str()));
    found(&state, item)
}

/// `POST /sourcings`: one request, a flat object in both dialects, answered 201
/// `{data: {id, reference}, meta: {}}`; a write, so the commit faults apply.
async fn create_sourcing(
    State(state): State<Arc<SandboxState>>,
    Extension(caller): Extension<Caller>,
    Extension(killer): Extension<ConnectionKiller>,
    body: Result<Bytes, BytesRejection>,
) -> Answer {
    require(&state, &caller, Endpoint::CreateSourcing)?;
    let body = json_body(&state, body)?;
    let names: std::collections::HashSet<String> = lock(&state.store).accounts[caller.account]
        .sourcings
        .iter()
        .filter_map(|sourcing| sourcing.name.as_deref())
        .map(same_name)
        .collect();
    let (name, quantity) =
        request_check::validate_sourcing(&body, |name| names.contains(&same_name(name)))
            .map_err(|fields| reject(&state, Failure::Validation(fields)))?;
    let created = lock(&state.store)
        .add_sourcing(caller.account, name, quantity, state.now())
        .ok_or_else(|| reject(&state, Failure::ServerError))?;
    let response = respond::envelope(StatusCode::CREATED, json!(created), json!({}));
    after_commit(&state, &killer, response).await
}

/// Two sourcing names are the same request when they differ only in case or in the
/// spaces around them.
fn same_name(name: &str) -> String {
    name.trim().to_lowercase()
}

async fn batch(
    State(state): State<Arc<SandboxState>>,
    Extension(caller): Extension<Caller>,
    Path(batch_id): Path<String>,
) -> Answer {
    let store = lock(&state.store);
    let status = store
        .batches
        .get(&batch_id)
        .filter(|batch| batch.account == caller.account)
        .map(|batch| batch.status.clone())
        .ok_or_else(|| reject(&state, Failure::NotFound))?;
    Ok(respond::envelope(StatusCode::OK, json!(status), json!({})))
}

async fn not_found(State(state): State<Arc<SandboxState>>) -> Response {
    reject(&state, Failure::NotFound).into_response()
}

/// Fault switching is for whoever holds a valid token of this sandbox.
fn admin(state: &SandboxState, headers: &HeaderMap) -> Result<(), Reject> {
    let token = headers
        .get("authorization")
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "))
        .unwrap_or_default();
    if lock(&state.store).tokens.contains_key(token.trim()) {
        Ok(())
    } else {
        Err(reject(state, Failure::Unauthenticated))
    }
}

fn faults_answer(faults: &Faults) -> Response {
    respond::envelope(
        StatusCode::OK,
        json!({"faults": faults.to_string()}),
        json!({}),
    )
}

/// `GET /_sandbox/faults`: the faults now switched on.
async fn show_faults(State(state): State<Arc<SandboxState>>, headers: HeaderMap) -> Answer {
    admin(&state, &headers)?;
    Ok(faults_answer(&lock(&state.faults).faults))
}

/// `PUT /_sandbox/faults` with a SPEC body (`drop=x1,slow=2s`, or `none`).
async fn set_faults(
    State(state): State<Arc<SandboxState>>,
    headers: HeaderMap,
    body: String,
) -> Answer {
    admin(&state, &headers)?;
    let spec = body.trim();
    let parsed = if spec.eq_ignore_ascii_case("none") {
        Ok(Faults::default())
    } else {
        spec.parse::<Faults>()
    };
    match parsed {
        Ok(faults) => {
            let answer = faults_answer(&faults);
            lock(&state.faults).faults = faults;
            Ok(answer)
        }
        Err(error) => {
            let fields = [("faults".to_string(), vec![error.to_string()])].into();
            Err(reject(&state, Failure::Validation(fields)))
        }
    }
}
