//! Arbitrary JSON for the property tests of every decoder of server bytes: whatever a
//! server (or a proxy in front of it) answers, decoding never panics and every answer
//! lands in a documented case or an error that says so.

use proptest::prelude::*;
use serde_json::{Map, Value};

/// Keys the decoders look for, mixed with any others, so generated objects hit the
/// interesting branches often.
const KEYS: [&str; 14] = [
    "data",
    "meta",
    "error",
    "message",
    "errors",
    "status",
    "created_refs",
    "failed_count",
    "batch_id",
    "pagination",
    "retry_after",
    "total",
    "pages",
    "page",
];

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => proptest::sample::select(&KEYS[..]).prop_map(str::to_string),
        1 => "[a-z_]{0,8}",
    ]
}

/// Any JSON value, nested a few levels deep.
pub fn json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        "\\PC{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..6)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect::<Map<_, _>>())),
        ]
    })
}
