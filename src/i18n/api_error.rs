//! Every [`ApiError`] in words a merchant understands, in the language spoken now: the
//! window's error banner and the terminal's `error:` lines say the same.

use wedocod_api::{ApiError, ProfileError, TransportKind};

/// The sentence that explains an error.
pub fn describe(error: &ApiError, seconds_left: Option<u64>) -> String {
    match error {
        ApiError::Unauthenticated { .. } => tr!("error-unauthenticated"),
        ApiError::Forbidden {
            scope: Some(scope), ..
        } => tr!("error-forbidden-scope", scope = scope),
        ApiError::Forbidden { scope: None, .. } => tr!("error-forbidden"),
        ApiError::NotFound { .. } => tr!("error-not-found"),
        ApiError::Validation {
            fields, message, ..
        } => {
            let details: Vec<String> = fields.values().flatten().take(5).cloned().collect();
            if details.is_empty() {
                format!("{} {message}", tr!("error-validation"))
            } else {
                format!("{} {}", tr!("error-validation"), details.join(" "))
            }
        }
        ApiError::RateLimited { retry_after, .. } => {
            let seconds = seconds_left
                .or(retry_after.map(|wait| wait.as_secs().max(1)))
                .unwrap_or(1);
            tr!("error-rate-limited", seconds = seconds)
        }
        ApiError::Server { status, .. } => tr!("error-server", status = status),
        ApiError::Transport { kind, .. } => match kind {
            TransportKind::Connect => tr!("error-unreachable"),
            TransportKind::Tls => tr!("error-tls"),
            TransportKind::Timeout => tr!("error-timeout"),
            TransportKind::Interrupted => tr!("error-interrupted"),
        }
        .to_string(),
        ApiError::Undecodable { status, excerpt } => {
            tr!("error-undecodable", status = status, excerpt = excerpt)
        }
        ApiError::UnexpectedStatus { status, .. } => {
            tr!("error-unexpected", status = status)
        }
        ApiError::Redirected { status, location } => {
            tr!("error-redirected", status = status, location = location)
        }
        ApiError::InvalidRequest(reason) => format!("{}: {reason}", tr!("error-not-sent")),
    }
}

/// [`describe`] with the HTTP status, for the terminal and the log: what support asks
/// for first.
pub fn describe_with_status(error: &ApiError) -> String {
    let said = describe(error, None);
    match error.status() {
        Some(status) if !said.contains(&status.to_string()) => format!("{said} (HTTP {status})"),
        _ => said,
    }
}

/// The sentence for a base URL that cannot be used.
pub fn describe_profile_error(error: &ProfileError) -> String {
    match error {
        ProfileError::PlainHttpRefused(_) => tr!("error-plain-http"),
        ProfileError::InvalidUrl(_) | ProfileError::UnsupportedScheme(_) => {
            tr!("error-bad-url")
        }
        ProfileError::NotABaseUrl { .. } => tr!("error-url-extras"),
        ProfileError::UnknownDialect(_) => error.to_string(),
    }
}
