//! The sandbox's contract as an OpenAPI 3.1 description (`GET /openapi.json`,
//! `wedocod-console sandbox --print-openapi`), generated from what the sandbox itself
//! runs on, so it cannot drift from it: the endpoint table (every path, method and
//! scope), the wire types' JSON Schemas (utoipa's `ToSchema` on `wedocod_api::wire`), the
//! field rules the request checks enforce (request bodies with their limits), and the
//! envelopes of the dialect the sandbox answers in. The document is assembled as JSON (the
//! shapes are the contract's, written once here from those tables); that a third-party tool
//! accepts it and finds the sandbox's answers in it is what `scripts/conformance` proves
//! with Schemathesis. (utoipa's typed `OpenApi` is not used for the whole document: it
//! writes a link's `operationId` as `operation_id`.)
//!
//! What is this project's own and not WedoCOD's is marked `x-wedocod-extension`: the
//! batch endpoint and the fault switch.

use serde_json::{Map, Value, json};
use utoipa::{PartialSchema, ToSchema};

use crate::api::endpoints::{Endpoint, Listing, body_key};
use crate::api::rules::{
    FieldKind, FieldRule, ItemSchema, ListRule, MAX_ITEMS_PER_BULK_CHANGE, item_schema,
    max_items_per_request,
};
use crate::api::seller::{Invoice, Sourcing, SourcingCreated, Stock};
use crate::api::wire::{
    BatchFailure, BatchStatus, CustomField, Deleted, History, Lead, Order, Pagination, Product,
    ProductLine, Queued, RecordRef, SyncCreated, V1Pagination,
};
use crate::api::{Dialect, ResourceName, V1_PREFIX};
use crate::request_check::{PAGE, PER_PAGE, SOURCING_FIELDS};
use crate::store::search_of;

/// Marks what WedoCOD does not document: a tool of this sandbox.
const EXTENSION: &str = "x-wedocod-extension";

/// The description of a sandbox answering in `dialect`, with or without the batch
/// endpoint.
pub fn document(dialect: Dialect, batch_endpoint: bool) -> Value {
    let mut paths = Map::new();
    for endpoint in Endpoint::every_route() {
        if matches!(endpoint, Endpoint::Batch(_)) && !batch_endpoint {
            continue;
        }
        let item = paths
            .entry(endpoint.path())
            .or_insert_with(|| json!({}))
            .as_object_mut()
            .expect("a path item is an object");
        item.insert(
            endpoint.method().as_str().to_lowercase(),
            operation(endpoint, dialect),
        );
    }
    paths.insert("/_sandbox/faults".into(), faults_path());
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "WedoCOD seller API (sandbox)",
            "version": env!("CARGO_PKG_VERSION"),
            "description": format!(
                "The WedoCOD seller API as the WedoCOD Console's sandbox serves it, answering \
                 like the {} documentation. Generated from the sandbox's own endpoint table, \
                 wire types and field rules. Operations marked `{EXTENSION}` are the \
                 sandbox's own, not WedoCOD's.",
                match dialect { Dialect::V2 => "v2", Dialect::V1 => "v1" }
            ),
        },
        "servers": [
            {"url": "/", "description": "the sandbox's address"},
            {"url": V1_PREFIX, "description": "the same routes under the v1 prefix"},
        ],
        "security": [{"bearer": []}],
        "paths": paths,
        "components": {
            "schemas": schemas(dialect),
            "securitySchemes": {
                "bearer": {"type": "http", "scheme": "bearer", "description": "A sandbox token (printed at start)."}
            },
        },
    })
}

/// The document as served: JSON, pretty.
pub fn to_json(dialect: Dialect, batch_endpoint: bool) -> String {
    serde_json::to_string_pretty(&document(dialect, batch_endpoint))
        .expect("a JSON value serializes")
}

fn schema_ref(name: &str) -> Value {
    json!({"$ref": format!("#/components/schemas/{name}")})
}

/// The wire types (from their `ToSchema`) and the envelopes of `dialect`.
fn schemas(dialect: Dialect) -> Map<String, Value> {
    let mut schemas = Map::new();
    let mut add = |name: std::borrow::Cow<'static, str>, schema| {
        schemas.insert(
            name.into_owned(),
            serde_json::to_value(schema).expect("a schema serializes"),
        );
    };
    add(ProductLine::name(), ProductLine::schema());
    add(CustomField::name(), CustomField::schema());
    add(Lead::name(), Lead::schema());
    add(Order::name(), Order::schema());
    add(RecordRef::name(), RecordRef::schema());
    add(Product::name(), Product::schema());
    add(Stock::name(), Stock::schema());
    add(Invoice::name(), Invoice::schema());
    add(Sourcing::name(), Sourcing::schema());
    add(SourcingCreated::name(), SourcingCreated::schema());
    add(History::name(), History::schema());
    add(Pagination::name(), Pagination::schema());
    add(V1Pagination::name(), V1Pagination::schema());
    add(SyncCreated::name(), SyncCreated::schema());
    add(Queued::name(), Queued::schema());
    add(Deleted::name(), Deleted::schema());
    add(BatchFailure::name(), BatchFailure::schema());
    add(BatchStatus::name(), BatchStatus::schema());
    let field_errors = json!({
        "type": "object",
        "description": "Messages by dotted path into the request body (`data.3.phone`, `data.0.products.1.sku`).",
        "additionalProperties": {"type": "array", "items": {"type": "string"}},
    });
    schemas.insert("FieldErrors".into(), field_errors);
    schemas.insert(
        "Error".into(),
        match dialect {
            Dialect::V2 => json!({
                "type": "object",
                "required": ["error"],
                "properties": {"error": {
                    "type": "object",
                    "required": ["code", "message"],
                    "properties": {
                        "code": {"type": "string", "description": "VALIDATION_ERROR, UNAUTHENTICATED, NOT_FOUND, HTTP_ERROR (an open set)"},
                        "message": {"type": "string"},
                        "fields": schema_ref("FieldErrors"),
                        "retry_after": {"type": "integer", "minimum": 0},
                    },
                }},
            }),
            Dialect::V1 => json!({
                "type": "object",
                "required": ["message"],
                "properties": {
                    "message": {"type": "string"},
                    "errors": schema_ref("FieldErrors"),
                },
            }),
        },
    );
    schemas
}

/// `{data, meta}` around `data`.
fn envelope(data: Value, meta: Value) -> Value {
    json!({
        "type": "object",
        "required": ["data", "meta"],
        "properties": {"data": data, "meta": meta},
    })
}

/// v1's `{message}` answers, with `data` when given.
fn message_body(data: Option<Value>) -> Value {
    let mut properties = json!({"message": {"type": "string"}});
    if let Some(data) = data {
        properties["data"] = data;
    }
    json!({"type": "object", "required": ["message"], "properties": properties})
}

fn empty_meta() -> Value {
    json!({"type": "object"})
}

fn page_of(item: &str, dialect: Dialect) -> Value {
    let meta = match dialect {
        Dialect::V2 => json!({
            "type": "object",
            "required": ["pagination"],
            "properties": {"pagination": schema_ref("Pagination")},
        }),
        Dialect::V1 => schema_ref("V1Pagination"),
    };
    envelope(json!({"type": "array", "items": schema_ref(item)}), meta)
}

/// An answer's JSON body, with the rate-limit headers every answer carries.
fn answer(description: &str, body: Value) -> Value {
    json!({
        "description": description,
        "headers": {
            "X-RateLimit-Limit": {"description": "Requests per minute for the token.", "schema": {"type": "integer", "minimum": 0}},
            "X-RateLimit-Remaining": {"description": "Requests left this minute (the whole budget when no token was charged).", "schema": {"type": "integer", "minimum": 0}},
        },
        "content": {"application/json": {"schema": body}},
    })
}

fn error_answer(description: &str) -> Value {
    answer(description, schema_ref("Error"))
}

/// 401, 429 (with `Retry-After`) and 500, which any route may answer; 403 where a scope
/// is needed.
fn common_answers(answers: &mut Map<String, Value>, scoped: bool) {
    answers.insert(
        "401".into(),
        error_answer("No token, or one the server does not know."),
    );
    if scoped {
        answers.insert(
            "403".into(),
            error_answer("The token lacks the scope this call needs (the message names it)."),
        );
    }
    let mut limited = error_answer("The token's budget is spent: nothing was processed.");
    limited["headers"]["Retry-After"] = json!({
        "description": "Seconds to wait.",
        "schema": {"type": "integer", "minimum": 0},
    });
    answers.insert("429".into(), limited);
    answers.insert(
        "500".into(),
        error_answer("A server failure (the sandbox's `fail500` and `commit500` faults)."),
    );
}

fn text_parameter(name: &str, location: &str, description: &str) -> Value {
    json!({
        "name": name,
        "in": location,
        "required": location == "path",
        "description": description,
        "schema": {"type": "string"},
    })
}

fn page_parameters(filters: &[(&str, &str)]) -> Vec<Value> {
    let mut parameters: Vec<Value> = [PAGE, PER_PAGE]
        .iter()
        .map(|rule| {
            json!({
                "name": rule.name,
                "in": "query",
                "required": false,
                "schema": field_schema(rule),
            })
        })
        .collect();
    parameters.extend(
        filters
            .iter()
            .map(|(name, description)| text_parameter(name, "query", description)),
    );
    parameters
}

/// The JSON Schema of one field, with the limits the request checks enforce.
fn field_schema(rule: &FieldRule) -> Value {
    match rule.kind {
        FieldKind::Text { min, max } => {
            json!({"type": "string", "minLength": min, "maxLength": max})
        }
        FieldKind::Integer { min, max } => {
            json!({"type": "integer", "minimum": min, "maximum": max})
        }
        FieldKind::Money { min, max } => json!({"type": "number", "minimum": min, "maximum": max}),
        FieldKind::Boolean => json!({"type": "boolean"}),
        FieldKind::Email { max } => json!({"type": "string", "format": "email", "maxLength": max}),
    }
}

fn object_of(fields: &[FieldRule], dialect: Dialect) -> Map<String, Value> {
    let properties: Map<String, Value> = fields
        .iter()
        .map(|rule| (rule.name.to_string(), field_schema(rule)))
        .collect();
    let required: Vec<&str> = fields
        .iter()
        .filter(|rule| rule.requirement.is_required(dialect))
        .map(|rule| rule.name)
        .collect();
    let mut object = Map::new();
    object.insert("type".into(), json!("object"));
    object.insert("required".into(), json!(required));
    object.insert("properties".into(), Value::Object(properties));
    object
}

fn list_schema(rule: &ListRule, dialect: Dialect) -> Value {
    json!({
        "type": "array",
        "minItems": rule.min_items,
        "maxItems": rule.max_items,
        "items": object_of(rule.item_fields, dialect),
    })
}

/// One create item, from the rules the sandbox checks it with.
fn create_item(schema: &ItemSchema, dialect: Dialect) -> Value {
    let mut item = object_of(schema.fields, dialect);
    let lists = std::iter::once(&schema.products).chain(schema.custom_data.as_ref());
    for rule in lists {
        item["properties"]
            .as_object_mut()
            .expect("properties is an object")
            .insert(rule.name.to_string(), list_schema(rule, dialect));
        if rule.requirement.is_required(dialect) {
            item["required"]
                .as_array_mut()
                .expect("required is an array")
                .push(json!(rule.name));
        }
    }
    Value::Object(item)
}

/// `{key: [item…]}` with between 1 and `max` items.
fn bulk_body(key: &str, item: Value, max: usize) -> Value {
    json!({
        "required": true,
        "content": {"application/json": {"schema": {
            "type": "object",
            "required": [key],
            "properties": {key: {"type": "array", "minItems": 1, "maxItems": max, "items": item}},
        }}},
    })
}

fn names(resource: ResourceName) -> (&'static str, &'static str, &'static str) {
    match resource {
        ResourceName::Leads => ("Lead", "Leads", "LeadHistory"),
        ResourceName::Orders => ("Order", "Orders", "OrderHistory"),
    }
}

/// A seller list's item schema (its wire type's name) and its plural, for operation ids
/// and summaries.
fn listing_names(listing: Listing) -> (&'static str, &'static str) {
    match listing {
        Listing::Products => ("Product", "Products"),
        Listing::Stocks => ("Stock", "Stocks"),
        Listing::Invoices => ("Invoice", "Invoices"),
        Listing::Sourcings => ("Sourcing", "Sourcings"),
    }
}

/// What a seller list holds, as its summary says it.
fn listing_summary(listing: Listing) -> &'static str {
    match listing {
        Listing::Products => {
            "The account's product catalogue (a list item leaves out the show's seller fields)"
        }
        Listing::Stocks => "Stock per product and warehouse",
        Listing::Invoices => "Invoices: the payouts to the merchant",
        Listing::Sourcings => "Sourcing requests: products the merchant asked WedoCOD to find",
    }
}

/// The operation id of an endpoint, which the `links` of lists point at.
fn operation_id(endpoint: Endpoint<'_>) -> String {
    match endpoint {
        Endpoint::List(resource) => format!("list{}", names(resource).1),
        Endpoint::Show(resource, _) => format!("show{}", names(resource).0),
        Endpoint::Create(resource) => format!("create{}", names(resource).1),
        Endpoint::Update(resource) => format!("update{}", names(resource).1),
        Endpoint::Delete(resource) => format!("delete{}", names(resource).1),
        Endpoint::Histories(resource) => {
            format!("list{}", names(resource).2.replace("History", "Histories"))
        }
        Endpoint::ShowHistory(resource, _) => format!("show{}", names(resource).2),
        Endpoint::Browse(listing) => format!("list{}", listing_names(listing).1),
        Endpoint::ShowListed(listing, _) => format!("show{}", listing_names(listing).0),
        Endpoint::CreateSourcing => "createSourcing".into(),
        Endpoint::Batch(_) => "showBatch".into(),
    }
}

/// A list's 200, with a link to the `show` of its first item (what a stateful tester
/// follows).
fn listed(item: &str, dialect: Dialect, show: Endpoint<'_>, key: &str) -> Value {
    let parameter = show
        .segments()
        .into_iter()
        .find(|segment| segment.starts_with('{'))
        .map(|segment| segment.trim_matches(|c| c == '{' || c == '}').to_string())
        .unwrap_or_default();
    let mut ok = answer("One page, newest first.", page_of(item, dialect));
    ok["links"] = json!({
        "first": {
            "operationId": operation_id(show),
            "parameters": {parameter: format!("$response.body#/data/0/{key}")},
            "description": "The first item of the page, shown alone.",
        }
    });
    ok
}

fn operation(endpoint: Endpoint<'_>, dialect: Dialect) -> Value {
    let mut answers = Map::new();
    let mut parameters = Vec::new();
    let mut body = Value::Null;
    let mut extension = false;
    let summary;
    match endpoint {
        Endpoint::List(resource) => {
            let (item, plural, _) = names(resource);
            summary = format!("{plural}, page by page");
            parameters = page_parameters(&[
                ("status", "Only this status."),
                (
                    "search",
                    "Reference, name, phone or city containing this text.",
                ),
            ]);
            let show = Endpoint::Show(resource, "{reference}");
            answers.insert("200".into(), listed(item, dialect, show, "reference"));
            answers.insert(
                "422".into(),
                error_answer("A page or page size out of range."),
            );
        }
        Endpoint::Show(resource, _) => {
            let (item, ..) = names(resource);
            summary = format!("One {} by reference", item.to_lowercase());
            parameters.push(text_parameter(
                "reference",
                "path",
                "The record's reference.",
            ));
            answers.insert(
                "200".into(),
                answer("The record.", envelope(schema_ref(item), empty_meta())),
            );
            answers.insert(
                "404".into(),
                error_answer("No such record in this account."),
            );
        }
        Endpoint::Create(resource) => {
            let (_, plural, _) = names(resource);
            summary = format!("Create {} in bulk", plural.to_lowercase());
            let item = create_item(&item_schema(resource, dialect), dialect);
            body = bulk_body(
                body_key(resource, dialect),
                item,
                max_items_per_request(dialect),
            );
            let mode_meta = json!({
                "type": "object",
                "properties": {"mode": {"type": "string", "enum": ["sync", "async"]}, "total": {"type": "integer", "minimum": 0}},
            });
            match dialect {
                Dialect::V2 => {
                    answers.insert("201".into(), answer(
                        "Created at once (up to the sync threshold): the references, in request order, and how many failed.",
                        envelope(schema_ref("SyncCreated"), mode_meta.clone()),
                    ));
                    answers.insert(
                        "202".into(),
                        answer(
                            "Queued as a batch (above the sync threshold).",
                            envelope(schema_ref("Queued"), mode_meta),
                        ),
                    );
                }
                Dialect::V1 => {
                    answers.insert("201".into(), answer("Created.", message_body(None)));
                }
            }
            answers.insert(
                "422".into(),
                error_answer(
                    "Refused: nothing was created. The field map names each bad field by its path.",
                ),
            );
        }
        Endpoint::Update(resource) => {
            let (_, plural, _) = names(resource);
            summary = format!("Change the status of {} in bulk", plural.to_lowercase());
            let change = json!({
                "type": "object",
                "required": ["reference", "status"],
                "properties": {"reference": {"type": "string"}, "status": {"type": "string"}},
            });
            body = bulk_body(
                body_key(resource, dialect),
                change,
                MAX_ITEMS_PER_BULK_CHANGE,
            );
            let changed = json!({"type": "array", "items": schema_ref("RecordRef")});
            let ok = match dialect {
                Dialect::V2 => envelope(
                    changed,
                    json!({
                        "type": "object",
                        "properties": {"updated_fields": {"type": "array", "items": {"type": "string"}}},
                    }),
                ),
                Dialect::V1 => message_body(Some(changed)),
            };
            answers.insert("200".into(), answer("Changed.", ok));
            answers.insert("422".into(), error_answer("Refused: nothing was changed."));
        }
        Endpoint::Delete(resource) => {
            let (_, plural, _) = names(resource);
            summary = format!("Delete {} in bulk", plural.to_lowercase());
            body = bulk_body("ids", json!({"type": "string"}), MAX_ITEMS_PER_BULK_CHANGE);
            let ok = match dialect {
                Dialect::V2 => envelope(schema_ref("Deleted"), empty_meta()),
                Dialect::V1 => message_body(Some(schema_ref("Deleted"))),
            };
            answers.insert("200".into(), answer("Deleted.", ok));
            answers.insert("422".into(), error_answer("Refused: nothing was deleted."));
        }
        Endpoint::Histories(resource) => {
            let (item, ..) = names(resource);
            summary = format!("Status changes of {}s, newest first", item.to_lowercase());
            parameters = page_parameters(&[("reference", "Only this record's changes.")]);
            let show = Endpoint::ShowHistory(resource, "{id}");
            answers.insert("200".into(), listed("History", dialect, show, "id"));
            answers.insert(
                "422".into(),
                error_answer("A page or page size out of range."),
            );
        }
        Endpoint::ShowHistory(resource, _) => {
            let (item, ..) = names(resource);
            summary = format!("One status change of a {} by id", item.to_lowercase());
            parameters.push(text_parameter("id", "path", "The change's id."));
            answers.insert(
                "200".into(),
                answer("The change.", envelope(schema_ref("History"), empty_meta())),
            );
            answers.insert(
                "404".into(),
                error_answer("No such change in this account."),
            );
        }
        Endpoint::Browse(listing) => {
            let (item, _) = listing_names(listing);
            summary = listing_summary(listing).into();
            let search = search_of(listing).map(|hint| ("search", hint));
            parameters = page_parameters(search.as_slice());
            let show = Endpoint::ShowListed(listing, "{id}");
            let mut page = listed(item, dialect, show, "id");
            if listing == Listing::Products {
                page["description"] = json!("One page, by id.");
            }
            answers.insert("200".into(), page);
            answers.insert(
                "422".into(),
                error_answer("A page or page size out of range."),
            );
        }
        Endpoint::ShowListed(listing, _) => {
            let (item, _) = listing_names(listing);
            let what = item.to_lowercase();
            summary = format!("One {what} by id, with the fields only a show gives");
            parameters.push(text_parameter("id", "path", &format!("The {what}'s id.")));
            answers.insert(
                "200".into(),
                answer(
                    &format!("The {what}."),
                    envelope(schema_ref(item), empty_meta()),
                ),
            );
            answers.insert(
                "404".into(),
                error_answer(&format!("No such {what} in this account.")),
            );
        }
        Endpoint::CreateSourcing => {
            summary =
                "Ask WedoCOD to source a product: one request, by a name the account has not used"
                    .into();
            body = json!({
                "required": true,
                "content": {"application/json": {"schema": object_of(&SOURCING_FIELDS, dialect)}},
            });
            let mut created = answer(
                "Sent, `pending`: its id and reference.",
                envelope(schema_ref("SourcingCreated"), empty_meta()),
            );
            created["links"] = json!({
                "shown": {
                    "operationId": operation_id(Endpoint::ShowListed(Listing::Sourcings, "{id}")),
                    "parameters": {"id": "$response.body#/data/id"},
                    "description": "The new request, shown alone.",
                }
            });
            answers.insert("201".into(), created);
            answers.insert(
                "422".into(),
                error_answer(
                    "Refused, nothing stored: a missing, short or already used name (in any case), or a quantity or note out of range.",
                ),
            );
        }
        Endpoint::Batch(_) => {
            summary = "The progress of a queued batch".into();
            extension = true;
            parameters.push(text_parameter(
                "batch_id",
                "path",
                "The `batch_id` a 202 gave.",
            ));
            answers.insert(
                "200".into(),
                answer(
                    "The batch.",
                    envelope(schema_ref("BatchStatus"), empty_meta()),
                ),
            );
            answers.insert(
                "404".into(),
                error_answer("No such batch for this account."),
            );
        }
    }
    common_answers(&mut answers, endpoint.scope().is_some());
    let mut operation = json!({
        "operationId": operation_id(endpoint),
        "summary": summary,
        "parameters": parameters,
        "responses": answers,
    });
    if let Some(scope) = endpoint.scope() {
        operation["description"] = json!(format!("Needs the `{scope}` scope."));
    }
    if !body.is_null() {
        operation["requestBody"] = body;
        operation["responses"]["413"] = error_answer("The body is over the server's limit (2 MB).");
    }
    if extension {
        operation[EXTENSION] = json!(true);
    }
    operation
}

/// `GET` and `PUT /_sandbox/faults`: the fault switch, the sandbox's own.
fn faults_path() -> Value {
    let faults = json!({
        "type": "object",
        "required": ["faults"],
        "properties": {"faults": {"type": "string", "description": "The faults switched on, in --faults syntax."}},
    });
    let switched = answer("The faults now on.", envelope(faults, empty_meta()));
    let mut get_answers = Map::new();
    get_answers.insert("200".into(), switched.clone());
    get_answers.insert("401".into(), error_answer("Not a token of this sandbox."));
    let mut put_answers = get_answers.clone();
    put_answers.insert("422".into(), error_answer("Not a fault specification."));
    json!({
        "get": {
            "operationId": "showFaults",
            "summary": "The faults switched on",
            EXTENSION: true,
            "responses": get_answers,
        },
        "put": {
            "operationId": "setFaults",
            "summary": "Switch faults on a running sandbox (`drop=x1,slow=2s`, or `none`)",
            EXTENSION: true,
            "requestBody": {"required": true, "content": {"text/plain": {"schema": {"type": "string"}}}},
            "responses": put_answers,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_of_the_endpoint_table_is_described_once_with_its_method() {
        for dialect in [Dialect::V2, Dialect::V1] {
            let described = document(dialect, true);
            for endpoint in Endpoint::every_route() {
                let method = endpoint.method().as_str().to_lowercase();
                let operation = &described["paths"][endpoint.path()][&method];
                assert_eq!(
                    operation["operationId"],
                    json!(operation_id(endpoint)),
                    "{method} {}",
                    endpoint.path()
                );
            }
            assert_eq!(described["openapi"], "3.1.0");
        }
    }

    /// Every `$ref` of the document names one of its schemas.
    #[test]
    fn every_reference_resolves() {
        fn refs<'a>(value: &'a Value, found: &mut Vec<&'a str>) {
            match value {
                Value::Object(map) => {
                    if let Some(Value::String(target)) = map.get("$ref") {
                        found.push(target);
                    }
                    map.values().for_each(|inner| refs(inner, found));
                }
                Value::Array(items) => items.iter().for_each(|inner| refs(inner, found)),
                _ => {}
            }
        }
        for dialect in [Dialect::V2, Dialect::V1] {
            let described = document(dialect, true);
            let mut found = Vec::new();
            refs(&described, &mut found);
            assert!(found.len() > 20);
            for target in found {
                let name = target.trim_start_matches("#/components/schemas/");
                assert!(
                    described["components"]["schemas"][name].is_object(),
                    "{target}"
                );
            }
        }
    }

    #[test]
    fn the_seller_lists_and_the_sourcing_request_are_described() {
        let described = document(Dialect::V2, true);
        let paths = &described["paths"];
        let stocks = &paths["/stocks"]["get"];
        assert_eq!(stocks["operationId"], "listStocks");
        assert_eq!(stocks["description"], "Needs the `view stocks` scope.");
        assert!(stocks["responses"]["403"].is_object());
        assert_eq!(
            stocks["responses"]["200"]["links"]["first"]["operationId"],
            "showStock"
        );
        assert!(paths["/products"]["get"]["responses"].get("403").is_none());
        let searches = |path: &str| {
            paths[path]["get"]["parameters"]
                .as_array()
                .unwrap()
                .iter()
                .any(|parameter| parameter["name"] == "search")
        };
        assert!(searches("/products") && searches("/stocks"));
        assert!(!searches("/invoices") && !searches("/sourcings"));
        let create = &paths["/sourcings"]["post"];
        assert_eq!(create["description"], "Needs the `create sourcings` scope.");
        let body = &create["requestBody"]["content"]["application/json"]["schema"];
        assert_eq!(body["required"], json!(["name"]));
        assert_eq!(body["properties"]["name"]["maxLength"], 100);
        assert_eq!(body["properties"]["quantity"]["maximum"], 100_000);
        assert!(create["responses"]["201"]["links"]["shown"].is_object());
        assert!(create["responses"]["422"].is_object());
        assert_eq!(
            paths["/invoices/{id}/show"]["get"]["responses"]["200"]["content"]["application/json"]
                ["schema"]["properties"]["data"],
            schema_ref("Invoice")
        );
    }

    #[test]
    fn the_batch_endpoint_and_the_fault_switch_are_marked_as_the_sandboxs_own() {
        let described = document(Dialect::V2, true);
        assert_eq!(
            described["paths"]["/batches/{batch_id}"]["get"][EXTENSION],
            true
        );
        assert_eq!(
            described["paths"]["/_sandbox/faults"]["put"][EXTENSION],
            true
        );
        assert_eq!(described["paths"]["/leads"]["get"].get(EXTENSION), None);
        let without = document(Dialect::V2, false);
        assert_eq!(without["paths"].get("/batches/{batch_id}"), None);
    }

    #[test]
    fn request_bodies_carry_the_rules_the_sandbox_checks() {
        let described = document(Dialect::V2, true);
        let body = &described["paths"]["/leads"]["post"]["requestBody"]["content"]["application/json"]
            ["schema"]["properties"]["data"];
        assert_eq!(body["maxItems"], 100);
        let item = &body["items"];
        let rules = item_schema(ResourceName::Leads, Dialect::V2);
        let full_name = rules.field("full_name").unwrap();
        assert_eq!(item["properties"]["full_name"], field_schema(full_name));
        assert!(
            item["required"]
                .as_array()
                .unwrap()
                .contains(&json!("phone"))
        );
        assert_eq!(
            item["properties"]["products"]["maxItems"],
            json!(rules.products.max_items)
        );
        let v1 = document(Dialect::V1, true);
        assert!(v1["paths"]["/leads"]["post"]["requestBody"]["content"]["application/json"]
            ["schema"]["properties"]["leads"]
            .is_object());
    }
}
