//! Response bodies in the dialect the sandbox was started with: v2 `{data, meta}` /
//! `{error: {code, message, …}}`, or v1's Laravel defaults (api-contract.md §4).

use axum::Json;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use crate::api::wire::{FieldErrors, Pagination, V1Pagination};
use crate::api::{Dialect, Scope};

/// Why a request was refused.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    Unauthenticated,
    Forbidden(Scope),
    NotFound,
    Validation(FieldErrors),
    RateLimited {
        retry_after_secs: u64,
    },
    /// A request body over the server's limit.
    TooLarge,
    ServerError,
}

/// A refusal, ready to be written in `dialect`.
#[derive(Debug, Clone, PartialEq)]
pub struct Reject {
    pub dialect: Dialect,
    pub failure: Failure,
}

impl Reject {
    pub fn new(dialect: Dialect, failure: Failure) -> Self {
        Reject { dialect, failure }
    }
}

impl IntoResponse for Reject {
    fn into_response(self) -> Response {
        let (status, code, message) = match &self.failure {
            Failure::Unauthenticated => (
                StatusCode::UNAUTHORIZED,
                "UNAUTHENTICATED",
                "Unauthenticated.".to_string(),
            ),
            Failure::Forbidden(scope) => (
                StatusCode::FORBIDDEN,
                "HTTP_ERROR",
                match self.dialect {
                    Dialect::V2 => format!(
                        "This action is unauthorized: the token lacks the \"{scope}\" ability."
                    ),
                    Dialect::V1 => "This action is unauthorized.".to_string(),
                },
            ),
            Failure::NotFound => (
                StatusCode::NOT_FOUND,
                "NOT_FOUND",
                match self.dialect {
                    Dialect::V2 => "Resource not found.".to_string(),
                    Dialect::V1 => "Not Found.".to_string(),
                },
            ),
            Failure::Validation(_) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                "VALIDATION_ERROR",
                "The given data was invalid.".to_string(),
            ),
            Failure::RateLimited { .. } => (
                StatusCode::TOO_MANY_REQUESTS,
                "HTTP_ERROR",
                "Too Many Attempts.".to_string(),
            ),
            Failure::TooLarge => (
                StatusCode::PAYLOAD_TOO_LARGE,
                "HTTP_ERROR",
                "The request body is too large.".to_string(),
            ),
            Failure::ServerError => (
                StatusCode::INTERNAL_SERVER_ERROR,
                "HTTP_ERROR",
                "Server Error".to_string(),
            ),
        };
        let body = match (self.dialect, &self.failure) {
            (Dialect::V2, Failure::Validation(fields)) => {
                json!({"error": {"code": code, "message": message, "fields": fields}})
            }
            (Dialect::V2, Failure::RateLimited { retry_after_secs }) => {
                json!({"error": {"code": code, "message": message, "retry_after": retry_after_secs}})
            }
            (Dialect::V2, _) => json!({"error": {"code": code, "message": message}}),
            (Dialect::V1, Failure::Validation(fields)) => {
                json!({"message": message, "errors": fields})
            }
            (Dialect::V1, _) => json!({"message": message}),
        };
        let mut response = (status, Json(body)).into_response();
        if let Failure::RateLimited { retry_after_secs } = self.failure {
            response
                .headers_mut()
                .insert("retry-after", HeaderValue::from(retry_after_secs));
        }
        response
    }
}

/// A v2 success envelope (v1 answers use the same `data` key where they carry data).
pub fn envelope(status: StatusCode, data: Value, meta: Value) -> Response {
    (status, Json(json!({"data": data, "meta": meta}))).into_response()
}

/// v1's `{message}` answers, with `data` when there is some.
pub fn message(status: StatusCode, message: &str, data: Option<Value>) -> Response {
    let body = match data {
        Some(data) => json!({"message": message, "data": data}),
        None => json!({"message": message}),
    };
    (status, Json(body)).into_response()
}

/// A page of a list in the dialect's pagination shape.
pub fn page(dialect: Dialect, items: Vec<Value>, pagination: Pagination) -> Response {
    let meta = match dialect {
        Dialect::V2 => json!({"pagination": pagination}),
        Dialect::V1 => json!(V1Pagination {
            current_page: pagination.page,
            per_page: pagination.limit,
            total: pagination.total,
        }),
    };
    envelope(StatusCode::OK, Value::Array(items), meta)
}
