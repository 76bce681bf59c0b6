//! Turns an HTTP status + body into the success payload or an [`ApiError`], whatever
//! envelope the server used (api-contract.md §4): v2 `{data, meta}` / `{error}`, v1
//! `{message, errors}`, the `{status: false}` shape, or no JSON at all. Errors are
//! classified by HTTP status first and by `error.code` second, since codes are an open set.

use std::time::Duration;

use serde_json::{Map, Value};

use super::error::ApiError;
use super::pacing::capped_wait;
use super::scope::Scope;
use super::wire::FieldErrors;

/// The payload of a successful answer.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Success {
    /// `data`, or the whole body when it has no `data` key (v1 paginators, `{message}`).
    pub data: Value,
    /// `meta`, or an empty object.
    pub meta: Map<String, Value>,
    /// A top-level `message` (v1 answers).
    pub message: Option<String>,
    /// Whether the body had a `data` key: v2's envelope, not v1's bare object.
    pub enveloped: bool,
}

/// What the response told about the request besides its body.
pub struct ResponseParts<'a> {
    pub status: u16,
    /// The `Retry-After` header, when present and numeric.
    pub retry_after_header: Option<Duration>,
    pub body: &'a [u8],
    /// The scope the call needed, used to explain a 403.
    pub needed_scope: Option<Scope>,
}

/// Decodes one response.
pub fn decode(parts: ResponseParts<'_>) -> Result<Success, ApiError> {
    let json = parse_json(parts.body);
    if (200..300).contains(&parts.status) {
        return match json {
            Some(Value::Object(object)) => success_or_soft_failure(object),
            Some(other) => Ok(Success {
                data: other,
                ..Success::default()
            }),
            None if parts.body.iter().all(u8::is_ascii_whitespace) => Ok(Success::default()),
            None => Err(ApiError::Undecodable {
                status: parts.status,
                excerpt: excerpt(parts.body),
            }),
        };
    }
    Err(classify_failure(parts, json))
}

fn parse_json(body: &[u8]) -> Option<Value> {
    serde_json::from_slice(body).ok()
}

/// A 2xx body: either a success envelope, or the `{status: false, message, errors}` shape
/// some endpoints answer with 200.
fn success_or_soft_failure(mut object: Map<String, Value>) -> Result<Success, ApiError> {
    let message = object
        .get("message")
        .and_then(Value::as_str)
        .map(str::to_string);
    if object.get("status") == Some(&Value::Bool(false)) {
        return Err(ApiError::Validation {
            message: message.unwrap_or_else(|| "The request was refused.".into()),
            fields: field_errors(object.get("errors")),
            batch: None,
        });
    }
    let meta = object.remove("meta");
    let enveloped = object.contains_key("data");
    let (data, meta) = match (object.remove("data"), meta) {
        (Some(data), Some(Value::Object(meta))) => (data, meta),
        // Laravel's default paginator: `current_page`, `per_page`, `total` beside `data`.
        (Some(data), _) => (data, object),
        (None, _) => (Value::Object(object), Map::new()),
    };
    Ok(Success {
        data,
        meta,
        message,
        enveloped,
    })
}

/// The parts of any error body shape the classification needs.
#[derive(Default)]
struct ErrorBody {
    code: Option<String>,
    message: Option<String>,
    fields: FieldErrors,
    batch: Option<Value>,
    retry_after: Option<Duration>,
}

fn error_body(json: &Value) -> ErrorBody {
    // v2: {"error": {code, message, fields, batch, retry_after}}
    if let Some(error) = json.get("error").filter(|error| error.is_object()) {
        return ErrorBody {
            code: error
                .get("code")
                .and_then(Value::as_str)
                .map(str::to_string),
            message: error
                .get("message")
                .and_then(Value::as_str)
                .map(str::to_string),
            fields: field_errors(error.get("fields")),
            batch: error.get("batch").cloned(),
            retry_after: error
                .get("retry_after")
                .and_then(Value::as_f64)
                .and_then(capped_wait),
        };
    }
    // v1 and the `status: false` shape: {"message", "errors"}
    ErrorBody {
        message: json
            .get("message")
            .and_then(Value::as_str)
            .map(str::to_string),
        fields: field_errors(json.get("errors")),
        ..ErrorBody::default()
    }
}

/// `{"path": ["msg", …]}`; a bare string message is accepted as a one-item list.
fn field_errors(value: Option<&Value>) -> FieldErrors {
    let Some(Value::Object(map)) = value else {
        return FieldErrors::new();
    };
    map.iter()
        .map(|(path, messages)| {
            let messages = match messages {
                Value::Array(items) => items
                    .iter()
                    .map(|item| match item {
                        Value::String(text) => text.clone(),
                        other => other.to_string(),
                    })
                    .collect(),
                Value::String(text) => vec![text.clone()],
                other => vec![other.to_string()],
            };
            (path.clone(), messages)
        })
        .collect()
}

fn classify_failure(parts: ResponseParts<'_>, json: Option<Value>) -> ApiError {
    let status = parts.status;
    let Some(json) = json else {
        return classify_without_json(&parts);
    };
    let body = error_body(&json);
    let message = body.message.clone().unwrap_or_else(|| excerpt(parts.body));
    match status {
        401 => ApiError::Unauthenticated { message },
        403 => ApiError::Forbidden {
            scope: parts.needed_scope,
            message,
        },
        404 => ApiError::NotFound { message },
        422 => ApiError::Validation {
            message,
            fields: body.fields,
            batch: body.batch,
        },
        429 => ApiError::RateLimited {
            retry_after: parts.retry_after_header.or(body.retry_after),
            message,
        },
        500..=599 => ApiError::Server { status, message },
        _ if body.code.as_deref() == Some("VALIDATION_ERROR") || !body.fields.is_empty() => {
            ApiError::Validation {
                message,
                fields: body.fields,
                batch: body.batch,
            }
        }
        _ if body.code.as_deref() == Some("UNAUTHENTICATED") => {
            ApiError::Unauthenticated { message }
        }
        _ if body.code.as_deref() == Some("NOT_FOUND") => ApiError::NotFound { message },
        _ => ApiError::UnexpectedStatus { status, message },
    }
}

/// An HTML error page, a proxy's text or an empty body: the status still says what
/// happened for the well-known cases.
fn classify_without_json(parts: &ResponseParts<'_>) -> ApiError {
    let message = excerpt(parts.body);
    match parts.status {
        401 => ApiError::Unauthenticated { message },
        403 => ApiError::Forbidden {
            scope: parts.needed_scope,
            message,
        },
        404 => ApiError::NotFound { message },
        429 => ApiError::RateLimited {
            retry_after: parts.retry_after_header,
            message,
        },
        status @ 500..=599 => ApiError::Server { status, message },
        status => ApiError::Undecodable {
            status,
            excerpt: message,
        },
    }
}

/// The first characters of a body, whitespace collapsed, for an error message.
pub fn excerpt(body: &[u8]) -> String {
    const LIMIT: usize = 160;
    let text = String::from_utf8_lossy(body);
    let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if collapsed.is_empty() {
        return "(empty body)".into();
    }
    match collapsed.char_indices().nth(LIMIT) {
        Some((cut, _)) => format!("{}…", &collapsed[..cut]),
        None => collapsed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scope::{Action, ResourceName};
    use serde_json::json;

    fn parts(status: u16, body: &[u8]) -> ResponseParts<'_> {
        ResponseParts {
            status,
            retry_after_header: None,
            body,
            needed_scope: Some(Scope::new(Action::View, ResourceName::Leads)),
        }
    }

    fn decode_json(status: u16, value: Value) -> Result<Success, ApiError> {
        let body = value.to_string();
        decode(parts(status, body.as_bytes()))
    }

    #[test]
    fn v2_success_splits_data_and_meta() {
        let success = decode_json(
            200,
            json!({"data": [1, 2], "meta": {"pagination": {"page": 1}}}),
        )
        .unwrap();
        assert_eq!(success.data, json!([1, 2]));
        assert!(success.meta.contains_key("pagination"));
    }

    #[test]
    fn laravel_paginator_keys_become_meta() {
        let success = decode_json(200, json!({"data": [], "current_page": 2, "total": 9})).unwrap();
        assert_eq!(success.meta["current_page"], 2);
    }

    #[test]
    fn v1_message_only_success() {
        let success = decode_json(201, json!({"message": "Leads created successfully."})).unwrap();
        assert_eq!(
            success.message.as_deref(),
            Some("Leads created successfully.")
        );
    }

    #[test]
    fn v2_validation_error_keeps_paths() {
        let error = decode_json(
            422,
            json!({"error": {"code": "VALIDATION_ERROR", "message": "The given data was invalid.",
                "fields": {"data.0.phone": ["The data.0.phone field is required."]}}}),
        )
        .unwrap_err();
        let ApiError::Validation { fields, .. } = error else {
            panic!("{error:?}")
        };
        assert_eq!(
            fields["data.0.phone"],
            vec!["The data.0.phone field is required."]
        );
    }

    #[test]
    fn v1_validation_error_keeps_paths() {
        let error = decode_json(
            422,
            json!({"message": "The given data was invalid.", "errors": {"leads.2.city": ["x"]}}),
        )
        .unwrap_err();
        assert!(
            matches!(error, ApiError::Validation { ref fields, .. } if fields.contains_key("leads.2.city"))
        );
    }

    #[test]
    fn status_false_shape_is_a_refusal_even_with_200() {
        let error = decode_json(
            200,
            json!({"status": false, "message": "Invalid data", "errors": {"phone": "bad"}}),
        )
        .unwrap_err();
        assert!(
            matches!(error, ApiError::Validation { ref fields, .. } if fields["phone"] == vec!["bad"])
        );
    }

    #[test]
    fn status_wins_over_code() {
        let error = decode_json(
            404,
            json!({"error": {"code": "HTTP_ERROR", "message": "Not found"}}),
        )
        .unwrap_err();
        assert!(matches!(error, ApiError::NotFound { .. }));
        let error =
            decode_json(403, json!({"message": "This action is unauthorized."})).unwrap_err();
        assert!(matches!(error, ApiError::Forbidden { scope: Some(_), .. }));
    }

    #[test]
    fn retry_after_header_beats_body() {
        let body = json!({"error": {"code": "HTTP_ERROR", "message": "Too Many Attempts.", "retry_after": 7}})
            .to_string();
        let mut with_header = parts(429, body.as_bytes());
        with_header.retry_after_header = Some(Duration::from_secs(3));
        assert_eq!(
            decode(with_header).unwrap_err(),
            ApiError::RateLimited {
                retry_after: Some(Duration::from_secs(3)),
                message: "Too Many Attempts.".into()
            }
        );
        assert!(matches!(
            decode(parts(429, body.as_bytes())).unwrap_err(),
            ApiError::RateLimited { retry_after: Some(wait), .. } if wait == Duration::from_secs(7)
        ));
    }

    #[test]
    fn html_pages_keep_status_and_excerpt() {
        let page = b"<html>\n<body>  502 Bad Gateway </body></html>";
        assert!(matches!(
            decode(parts(502, page)).unwrap_err(),
            ApiError::Server { status: 502, ref message } if message.contains("502 Bad Gateway")
        ));
        assert!(matches!(
            decode(parts(200, b"<html>oops</html>")).unwrap_err(),
            ApiError::Undecodable { status: 200, .. }
        ));
        assert!(matches!(
            decode(parts(418, b"")).unwrap_err(),
            ApiError::Undecodable { ref excerpt, .. } if excerpt == "(empty body)"
        ));
    }

    #[test]
    fn excerpts_are_short() {
        let long = "x".repeat(1_000);
        assert!(excerpt(long.as_bytes()).chars().count() <= 161);
    }

    #[test]
    fn an_absurd_wait_in_the_body_is_capped() {
        let body = br#"{"error": {"code": "HTTP_ERROR", "message": "Too Many Attempts.", "retry_after": 1e300}}"#;
        assert!(matches!(
            decode(parts(429, body)).unwrap_err(),
            ApiError::RateLimited { retry_after: Some(wait), .. } if wait == crate::pacing::MAX_RETRY_WAIT
        ));
    }

    proptest::proptest! {
        #[test]
        fn any_bytes_decode_without_panic(
            status in 0u16..1000,
            body in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..300),
        ) {
            let _ = decode(parts(status, &body));
        }

        #[test]
        fn any_json_lands_in_a_documented_case(
            status in 100u16..600,
            json in crate::arbitrary::json(),
        ) {
            let body = json.to_string();
            match decode(parts(status, body.as_bytes())) {
                // A 2xx is a success, or the `status: false` refusal some pages answer.
                Ok(_) => proptest::prop_assert!((200..300).contains(&status)),
                Err(ApiError::RateLimited { retry_after, .. }) => {
                    proptest::prop_assert!(
                        retry_after.is_none_or(|wait| wait <= crate::pacing::MAX_RETRY_WAIT)
                    );
                }
                Err(ApiError::Server { .. }) => proptest::prop_assert!(status >= 500),
                Err(_) => {}
            }
        }
    }
}
