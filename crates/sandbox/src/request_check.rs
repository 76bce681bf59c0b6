//! Request validation with Laravel's messages, keyed by dotted path (`data.0.phone`),
//! driven by the contract's rules in `api::rules`. All-or-nothing: the caller refuses
//! the whole request when any message is produced.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use crate::api::rules::{
    FieldKind, FieldRule, ItemSchema, ListRule, MAX_ITEMS_PER_BULK_CHANGE, MAX_PER_PAGE,
    Requirement, looks_like_email,
};
use crate::api::wire::{FieldErrors, StatusChange};
use crate::api::{Dialect, ResourceName};

/// Laravel prints attributes with spaces for underscores (`full_name` → `full name`).
fn attribute(path: &str) -> String {
    path.replace('_', " ")
}

/// Collects messages per path.
#[derive(Debug, Default)]
pub struct Messages(FieldErrors);

impl Messages {
    pub fn add(&mut self, path: &str, message: String) {
        self.0.entry(path.to_string()).or_default().push(message);
    }

    pub fn required(&mut self, path: &str) {
        self.add(path, format!("The {} field is required.", attribute(path)));
    }

    pub fn invalid_selection(&mut self, path: &str) {
        self.add(
            path,
            format!("The selected {} is invalid.", attribute(path)),
        );
    }

    pub fn into_result<T>(self, value: T) -> Result<T, FieldErrors> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(self.0)
        }
    }
}

/// Laravel's `ConvertEmptyStringsToNull`: an empty string counts as absent.
fn is_absent(value: Option<&Value>) -> bool {
    match value {
        None | Some(Value::Null) => true,
        Some(Value::String(text)) => text.is_empty(),
        _ => false,
    }
}

/// A number, or a string Laravel's `numeric` accepts.
fn as_number(value: &Value) -> Option<f64> {
    match value {
        Value::Number(number) => number.as_f64(),
        Value::String(text) => text.trim().parse().ok().filter(|n: &f64| n.is_finite()),
        _ => None,
    }
}

/// Checks one scalar field.
fn check_field(
    messages: &mut Messages,
    path: &str,
    value: Option<&Value>,
    rule: &FieldRule,
    dialect: Dialect,
) {
    if is_absent(value) {
        if rule.requirement.is_required(dialect) {
            messages.required(path);
        }
        return;
    }
    let Some(value) = value else { return };
    let name = attribute(path);
    match rule.kind {
        FieldKind::Text { min, max } => {
            let Value::String(text) = value else {
                messages.add(path, format!("The {name} field must be a string."));
                return;
            };
            let length = text.chars().count();
            if length < min {
                messages.add(
                    path,
                    format!("The {name} field must be at least {min} characters."),
                );
            } else if length > max {
                messages.add(
                    path,
                    format!("The {name} field must not be greater than {max} characters."),
                );
            }
        }
        FieldKind::Integer { min, max } => match as_number(value).filter(|n| n.fract() == 0.0) {
            None => messages.add(path, format!("The {name} field must be an integer.")),
            Some(n) if n < min as f64 => {
                messages.add(path, format!("The {name} field must be at least {min}."))
            }
            Some(n) if n > max as f64 => messages.add(
                path,
                format!("The {name} field must not be greater than {max}."),
            ),
            Some(_) => {}
        },
        FieldKind::Money { min, max } => match as_number(value) {
            None => messages.add(path, format!("The {name} field must be a number.")),
            Some(n) if n < min => {
                messages.add(path, format!("The {name} field must be at least {min}."))
            }
            Some(n) if n > max => messages.add(
                path,
                format!("The {name} field must not be greater than {max}."),
            ),
            Some(_) => {}
        },
        FieldKind::Boolean => {
            let valid = matches!(value, Value::Bool(_))
                || matches!(value, Value::Number(n) if n.as_i64() == Some(0) || n.as_i64() == Some(1))
                || matches!(value, Value::String(s) if s == "0" || s == "1");
            if !valid {
                messages.add(path, format!("The {name} field must be true or false."));
            }
        }
        FieldKind::Email { max } => match value {
            Value::String(text) if looks_like_email(text) => {
                if text.chars().count() > max {
                    messages.add(
                        path,
                        format!("The {name} field must not be greater than {max} characters."),
                    );
                }
            }
            _ => messages.add(
                path,
                format!("The {name} field must be a valid email address."),
            ),
        },
    }
}

/// Checks a list's presence, type and size; returns its items when they can be checked.
pub fn check_list<'a>(
    messages: &mut Messages,
    path: &str,
    value: Option<&'a Value>,
    min_items: usize,
    max_items: usize,
    required: bool,
) -> Option<&'a [Value]> {
    let name = attribute(path);
    match value {
        None | Some(Value::Null) => {
            if required {
                messages.required(path);
            }
            None
        }
        Some(Value::Array(items)) if items.is_empty() && required => {
            messages.required(path);
            None
        }
        Some(Value::Array(items)) => {
            if items.len() < min_items {
                messages.add(
                    path,
                    format!("The {name} field must have at least {min_items} items."),
                );
            } else if items.len() > max_items {
                messages.add(
                    path,
                    format!("The {name} field must not have more than {max_items} items."),
                );
                return None;
            }
            Some(items)
        }
        Some(_) => {
            messages.add(path, format!("The {name} field must be an array."));
            None
        }
    }
}

/// Checks the items of a nested list (`products`, `data`) with their field rules.
fn check_nested(
    messages: &mut Messages,
    path: &str,
    item: &Value,
    rule: &ListRule,
    dialect: Dialect,
) -> Vec<(String, Value)> {
    let mut checked = Vec::new();
    let list = check_list(
        messages,
        path,
        item.get(rule.name),
        rule.min_items,
        rule.max_items,
        rule.requirement.is_required(dialect),
    );
    for (index, entry) in list.unwrap_or_default().iter().enumerate() {
        let entry_path = format!("{path}.{index}");
        if !entry.is_object() {
            messages.add(
                &entry_path,
                format!("The {} field must be an array.", attribute(&entry_path)),
            );
            continue;
        }
        for field in rule.item_fields {
            check_field(
                messages,
                &format!("{entry_path}.{}", field.name),
                entry.get(field.name),
                field,
                dialect,
            );
        }
        checked.push((entry_path, entry.clone()));
    }
    checked
}

/// Validates a bulk create body and returns its items.
pub fn validate_create(
    body: &Value,
    resource: ResourceName,
    dialect: Dialect,
    schema: &ItemSchema,
    max_items: usize,
    known_skus: &HashSet<String>,
) -> Result<Vec<Value>, FieldErrors> {
    let key = crate::api::endpoints::body_key(resource, dialect);
    let mut messages = Messages::default();
    let items = check_list(&mut messages, key, body.get(key), 1, max_items, true)
        .unwrap_or_default()
        .to_vec();
    for (index, item) in items.iter().enumerate() {
        let path = format!("{key}.{index}");
        if !item.is_object() {
            messages.add(
                &path,
                format!("The {} field must be an array.", attribute(&path)),
            );
            continue;
        }
        for field in schema.fields {
            check_field(
                &mut messages,
                &format!("{path}.{}", field.name),
                item.get(field.name),
                field,
                dialect,
            );
        }
        let products_path = format!("{path}.{}", schema.products.name);
        for (line_path, line) in check_nested(
            &mut messages,
            &products_path,
            item,
            &schema.products,
            dialect,
        ) {
            let sku = line.get("sku").and_then(Value::as_str);
            if sku.is_some_and(|sku| !sku.is_empty() && !known_skus.contains(sku)) {
                messages.invalid_selection(&format!("{line_path}.sku"));
            }
        }
        if let Some(custom) = &schema.custom_data {
            check_nested(
                &mut messages,
                &format!("{path}.{}", custom.name),
                item,
                custom,
                dialect,
            );
        }
    }
    messages.into_result(items)
}

/// `page` and `per_page` of a list call (defaults 1 and 50, `per_page` at most 100).
/// The `page` query parameter of lists: 1 and up.
pub const PAGE: FieldRule = FieldRule {
    name: "page",
    kind: FieldKind::Integer {
        min: 1,
        max: u32::MAX as i64,
    },
    requirement: Requirement::Optional,
};

/// The `per_page` query parameter of lists: 1 to 100 (50 when absent).
pub const PER_PAGE: FieldRule = FieldRule {
    name: "per_page",
    kind: FieldKind::Integer {
        min: 1,
        max: MAX_PER_PAGE as i64,
    },
    requirement: Requirement::Optional,
};

pub fn page_query(params: &HashMap<String, String>) -> Result<(u64, u64), FieldErrors> {
    let mut messages = Messages::default();
    let mut read = |rule: &FieldRule, default: u64| {
        let value = params
            .get(rule.name)
            .map(|text| Value::String(text.clone()));
        check_field(&mut messages, rule.name, value.as_ref(), rule, Dialect::V2);
        value
            .as_ref()
            .and_then(as_number)
            .filter(|n| n.fract() == 0.0 && *n >= 1.0)
            .map_or(default, |n| n as u64)
    };
    let page = read(&PAGE, 1);
    let per_page = read(&PER_PAGE, 50);
    messages.into_result((page, per_page))
}

/// The fields of `POST /sourcings`, a flat object in both dialects: the docs ask at least
/// a unique `name`; `quantity` and `note` are this sandbox's (api-contract.md §6).
pub const SOURCING_FIELDS: [FieldRule; 3] = [
    FieldRule {
        name: "name",
        kind: FieldKind::Text { min: 3, max: 100 },
        requirement: Requirement::Required,
    },
    FieldRule {
        name: "quantity",
        kind: FieldKind::Integer {
            min: 1,
            max: 100_000,
        },
        requirement: Requirement::Optional,
    },
    FieldRule {
        name: "note",
        // An empty note counts as none.
        kind: FieldKind::Text { min: 0, max: 1_000 },
        requirement: Requirement::Optional,
    },
];

/// Validates a sourcing request against [`SOURCING_FIELDS`] and the account's names
/// (`taken`: is this name, trimmed and in any case, already a request's); returns the
/// name and the quantity.
pub fn validate_sourcing(
    body: &Value,
    taken: impl Fn(&str) -> bool,
) -> Result<(String, Option<i64>), FieldErrors> {
    let mut messages = Messages::default();
    for rule in &SOURCING_FIELDS {
        check_field(
            &mut messages,
            rule.name,
            body.get(rule.name),
            rule,
            Dialect::V2,
        );
    }
    let name = body.get("name").and_then(Value::as_str).unwrap_or_default();
    if !messages.0.contains_key("name") && taken(name) {
        messages.add("name", "The name has already been taken.".into());
    }
    let quantity = body
        .get("quantity")
        .and_then(as_number)
        .map(|quantity| quantity as i64);
    messages.into_result((name.to_string(), quantity))
}

/// A required string field of a bulk change item that must name something that exists
/// (a reference of this account, a known status).
fn selection(
    messages: &mut Messages,
    path: &str,
    value: Option<&Value>,
    valid: impl Fn(&str) -> bool,
) -> Option<String> {
    match value {
        _ if is_absent(value) => {
            messages.required(path);
            None
        }
        Some(Value::String(text)) if valid(text) => Some(text.clone()),
        _ => {
            messages.invalid_selection(path);
            None
        }
    }
}

/// Validates a bulk status change body (`{key: [{reference, status}]}`).
pub fn validate_status_changes(
    body: &Value,
    key: &str,
    statuses: &[&str],
    exists: impl Fn(&str) -> bool,
) -> Result<Vec<StatusChange>, FieldErrors> {
    let mut messages = Messages::default();
    let items = check_list(
        &mut messages,
        key,
        body.get(key),
        1,
        MAX_ITEMS_PER_BULK_CHANGE,
        true,
    )
    .unwrap_or_default();
    let mut changes = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        let path = format!("{key}.{index}");
        let reference = selection(
            &mut messages,
            &format!("{path}.reference"),
            item.get("reference"),
            &exists,
        );
        let status = selection(
            &mut messages,
            &format!("{path}.status"),
            item.get("status"),
            |s| statuses.contains(&s),
        );
        if let (Some(reference), Some(status)) = (reference, status) {
            changes.push(StatusChange { reference, status });
        }
    }
    messages.into_result(changes)
}

/// Validates a bulk delete body (`{"ids": [reference…]}`).
pub fn validate_ids(
    body: &Value,
    exists: impl Fn(&str) -> bool,
) -> Result<Vec<String>, FieldErrors> {
    let mut messages = Messages::default();
    let items = check_list(
        &mut messages,
        "ids",
        body.get("ids"),
        1,
        MAX_ITEMS_PER_BULK_CHANGE,
        true,
    )
    .unwrap_or_default();
    let ids = items
        .iter()
        .enumerate()
        .filter_map(|(index, id)| {
            selection(&mut messages, &format!("ids.{index}"), Some(id), &exists)
        })
        .collect();
    messages.into_result(ids)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::rules::item_schema;
    use serde_json::json;

    fn skus() -> HashSet<String> {
        ["ARG-100".to_string()].into_iter().collect()
    }

    fn lead_errors(body: Value, dialect: Dialect) -> FieldErrors {
        let schema = item_schema(ResourceName::Leads, dialect);
        validate_create(&body, ResourceName::Leads, dialect, &schema, 100, &skus()).unwrap_err()
    }

    #[test]
    fn a_valid_lead_passes() {
        let body = json!({"data": [{"full_name": "Amina Alaoui", "phone": "0612345678", "city": "Rabat",
            "address": "12 Rue Ibn Sina", "products": [{"sku": "ARG-100", "quantity": 2, "total": "150.5"}]}]});
        let schema = item_schema(ResourceName::Leads, Dialect::V2);
        assert!(
            validate_create(
                &body,
                ResourceName::Leads,
                Dialect::V2,
                &schema,
                100,
                &skus()
            )
            .is_ok()
        );
    }

    #[test]
    fn messages_are_laravel_style_and_keyed_by_path() {
        let errors = lead_errors(
            json!({"data": [{"full_name": "Al", "phone": "", "city": "Rabat", "address": "12 Rue Ibn Sina",
                "products": [{"sku": "NOPE", "quantity": 1.5, "total": 0}]}]}),
            Dialect::V2,
        );
        assert_eq!(
            errors["data.0.full_name"],
            ["The data.0.full name field must be at least 3 characters."]
        );
        assert_eq!(
            errors["data.0.phone"],
            ["The data.0.phone field is required."]
        );
        assert_eq!(
            errors["data.0.products.0.sku"],
            ["The selected data.0.products.0.sku is invalid."]
        );
        assert_eq!(
            errors["data.0.products.0.quantity"],
            ["The data.0.products.0.quantity field must be an integer."]
        );
        assert_eq!(
            errors["data.0.products.0.total"],
            ["The data.0.products.0.total field must be at least 1."]
        );
    }

    #[test]
    fn v1_uses_the_resource_key_and_relaxes_city() {
        let errors = lead_errors(
            json!({"leads": [{"full_name": "Amina", "phone": "0612345678", "products": []}]}),
            Dialect::V1,
        );
        assert_eq!(errors.keys().collect::<Vec<_>>(), ["leads.0.products"]);
        let missing = lead_errors(json!({"data": []}), Dialect::V1);
        assert_eq!(missing["leads"], ["The leads field is required."]);
    }

    #[test]
    fn page_query_defaults_and_limits() {
        let params = |pairs: &[(&str, &str)]| -> HashMap<String, String> {
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect()
        };
        assert_eq!(page_query(&params(&[])), Ok((1, 50)));
        assert_eq!(
            page_query(&params(&[("page", "3"), ("per_page", "25")])),
            Ok((3, 25))
        );
        let errors = page_query(&params(&[("page", "0"), ("per_page", "500")])).unwrap_err();
        assert_eq!(errors["page"], ["The page field must be at least 1."]);
        assert_eq!(
            errors["per_page"],
            ["The per page field must not be greater than 100."]
        );
    }

    #[test]
    fn bulk_changes_name_unknown_references_and_statuses() {
        let body = json!({"data": [{"reference": "LD-1", "status": "confirmed"}, {"reference": "LD-9", "status": "teleported"}]});
        let errors =
            validate_status_changes(&body, "data", &["confirmed"], |r| r == "LD-1").unwrap_err();
        assert_eq!(
            errors["data.1.reference"],
            ["The selected data.1.reference is invalid."]
        );
        assert_eq!(
            errors["data.1.status"],
            ["The selected data.1.status is invalid."]
        );
        assert!(!errors.contains_key("data.0.reference"));
        let ids = validate_ids(&json!({"ids": ["LD-1", 7]}), |r| r == "LD-1").unwrap_err();
        assert_eq!(ids["ids.1"], ["The selected ids.1 is invalid."]);
    }

    #[test]
    fn a_sourcing_request_needs_a_unique_name_and_sane_numbers() {
        let taken = |name: &str| name.trim().eq_ignore_ascii_case("tajine");
        assert_eq!(
            validate_sourcing(&json!({"name": "Coussins", "quantity": "40"}), taken),
            Ok(("Coussins".to_string(), Some(40)))
        );
        assert_eq!(
            validate_sourcing(&json!({"name": "Coussins", "note": ""}), taken),
            Ok(("Coussins".to_string(), None))
        );
        let errors = validate_sourcing(&json!({"name": " TAJINE"}), taken).unwrap_err();
        assert_eq!(errors["name"], ["The name has already been taken."]);
        let errors = validate_sourcing(&json!({"quantity": 0, "note": "x".repeat(1_001)}), taken)
            .unwrap_err();
        assert_eq!(errors["name"], ["The name field is required."]);
        assert_eq!(
            errors["quantity"],
            ["The quantity field must be at least 1."]
        );
        assert_eq!(
            errors["note"],
            ["The note field must not be greater than 1000 characters."]
        );
        let errors = validate_sourcing(&json!({"name": 12, "quantity": 2.5}), taken).unwrap_err();
        assert_eq!(errors["name"], ["The name field must be a string."]);
        assert_eq!(
            errors["quantity"],
            ["The quantity field must be an integer."]
        );
        let errors = validate_sourcing(&json!({"name": "ab"}), taken).unwrap_err();
        assert_eq!(
            errors["name"],
            ["The name field must be at least 3 characters."]
        );
    }

    #[test]
    fn too_many_items() {
        let item = json!({"full_name": "Amina"});
        let body = json!({"data": vec![item; 101]});
        let errors = lead_errors(body, Dialect::V2);
        assert_eq!(
            errors["data"],
            ["The data field must not have more than 100 items."]
        );
    }
}
