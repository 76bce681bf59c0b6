//! One error type for everything a call can end in. Cases are told apart by what the
//! merchant can do about them, so every screen can present them the same way.

use std::time::Duration;

use super::scope::Scope;
use super::wire::FieldErrors;

/// How a request failed to get a response.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TransportKind {
    /// No connection could be opened (DNS, refused, unreachable).
    Connect,
    /// The TLS handshake failed (certificate, protocol).
    Tls,
    /// No answer within the time limit.
    Timeout,
    /// The connection broke while the request or response was in flight.
    Interrupted,
}

/// Everything an API call can end in, besides success.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ApiError {
    /// 401: the token is unknown, revoked or missing.
    #[error("the server did not accept the API token (401): {message}")]
    Unauthenticated { message: String },

    /// 403: the token lacks the scope the call needs.
    #[error("{}", forbidden_text(*.scope, message))]
    Forbidden {
        scope: Option<Scope>,
        message: String,
    },

    /// 404: absent, or it belongs to another account.
    #[error("not found, or not in this account (404): {message}")]
    NotFound { message: String },

    /// 422: the request was refused as a whole; `fields` maps dotted paths to messages.
    #[error("the server refused the data (422): {message}")]
    Validation {
        message: String,
        fields: FieldErrors,
        /// Legacy `error.batch` details, kept raw (their shape is undocumented).
        batch: Option<serde_json::Value>,
    },

    /// 429: nothing was processed; safe to send again after `retry_after`.
    #[error("too many requests (429){}", retry_text(*.retry_after))]
    RateLimited {
        retry_after: Option<Duration>,
        message: String,
    },

    /// 5xx: the server failed. For a create the rows may or may not exist.
    #[error("the server failed (HTTP {status}): {message}")]
    Server { status: u16, message: String },

    /// Another HTTP status the contract does not describe (400, 405, 409, …).
    #[error("unexpected answer (HTTP {status}): {message}")]
    UnexpectedStatus { status: u16, message: String },

    /// No usable response. `maybe_sent` tells whether the server may have received (and
    /// acted on) the request: false only when the connection was never established.
    #[error("{}", transport_text(*.kind, message))]
    Transport {
        kind: TransportKind,
        maybe_sent: bool,
        message: String,
    },

    /// 3xx: the server sent the request elsewhere. A write is never sent on to another
    /// address (the token and the rows would follow), so for a create its outcome is
    /// unknown; for a read it usually means a wrong API address.
    #[error(
        "the server answered HTTP {status}, sending the request on to {location}: check the API address"
    )]
    Redirected { status: u16, location: String },

    /// A response arrived but its body is not what the contract describes.
    #[error("the server's answer could not be read (HTTP {status}): {excerpt}")]
    Undecodable { status: u16, excerpt: String },

    /// The console refused to send the request (too many items, empty list, …).
    #[error("request not sent: {0}")]
    InvalidRequest(String),
}

fn forbidden_text(scope: Option<Scope>, message: &str) -> String {
    match scope {
        Some(scope) => format!("the API token lacks the \"{scope}\" permission (403): {message}"),
        None => format!("the API token is not allowed to do this (403): {message}"),
    }
}

fn retry_text(retry_after: Option<Duration>) -> String {
    retry_after
        .map(|wait| format!("; retry in {} s", wait.as_secs().max(1)))
        .unwrap_or_default()
}

fn transport_text(kind: TransportKind, message: &str) -> String {
    let what = match kind {
        TransportKind::Connect => "could not reach the server",
        TransportKind::Tls => "secure connection failed (TLS)",
        TransportKind::Timeout => "the server did not answer in time",
        TransportKind::Interrupted => "the connection broke",
    };
    format!("{what}: {message}")
}

impl ApiError {
    /// The token may not read this, or the server has no such route (403, 404, 405): a
    /// list to go without, not a failure.
    pub fn is_refusal(&self) -> bool {
        matches!(self.status(), Some(403..=405))
    }

    /// The HTTP status behind this error, when a response arrived.
    pub fn status(&self) -> Option<u16> {
        match self {
            ApiError::Unauthenticated { .. } => Some(401),
            ApiError::Forbidden { .. } => Some(403),
            ApiError::NotFound { .. } => Some(404),
            ApiError::Validation { .. } => Some(422),
            ApiError::RateLimited { .. } => Some(429),
            ApiError::Server { status, .. }
            | ApiError::UnexpectedStatus { status, .. }
            | ApiError::Redirected { status, .. }
            | ApiError::Undecodable { status, .. } => Some(*status),
            ApiError::Transport { .. } | ApiError::InvalidRequest(_) => None,
        }
    }

    /// True when a write may have been applied although no success was seen: a 5xx, a
    /// broken connection after sending, a redirect, or an unreadable answer. Such a
    /// create must be reconciled, never blindly resent.
    pub fn outcome_uncertain(&self) -> bool {
        match self {
            ApiError::Server { .. }
            | ApiError::Undecodable { .. }
            | ApiError::Redirected { .. } => true,
            ApiError::Transport { maybe_sent, .. } => *maybe_sent,
            _ => false,
        }
    }

    /// True when trying again later may succeed (network, 429, 5xx).
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            ApiError::RateLimited { .. } | ApiError::Server { .. } | ApiError::Transport { .. }
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scope::{Action, ResourceName};

    #[test]
    fn forbidden_names_the_scope() {
        let error = ApiError::Forbidden {
            scope: Some(Scope::new(Action::View, ResourceName::Orders)),
            message: "This action is unauthorized.".into(),
        };
        assert!(error.to_string().contains("\"view orders\""));
    }

    #[test]
    fn only_unsent_requests_have_a_known_outcome() {
        let unsent = ApiError::Transport {
            kind: TransportKind::Connect,
            maybe_sent: false,
            message: "refused".into(),
        };
        let dropped = ApiError::Transport {
            kind: TransportKind::Interrupted,
            maybe_sent: true,
            message: "closed".into(),
        };
        assert!(!unsent.outcome_uncertain());
        assert!(dropped.outcome_uncertain());
        assert!(
            ApiError::Server {
                status: 500,
                message: String::new()
            }
            .outcome_uncertain()
        );
        assert!(
            !ApiError::RateLimited {
                retry_after: None,
                message: String::new()
            }
            .outcome_uncertain()
        );
    }
}
