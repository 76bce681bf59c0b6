//! What happens before any route runs, in the order a Laravel stack does it: the slow
//! fault, authentication (401), the rate limit (429, with `Retry-After`), the 429-storm
//! and 500-before-processing faults; then the route, and the `X-RateLimit-*` headers on
//! its answer. Every request is logged.

use std::collections::HashSet;
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::header::{DATE, LOCATION};
use axum::http::{HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tokio::time::Instant;

use super::rate_limit::Admission;
use super::respond::{Failure, Reject};
use super::store::AccountId;
use super::{LOG_LIMIT, LoggedRequest, SandboxState, lock};
use crate::api::Scope;

/// The authenticated caller, handed to the routes.
#[derive(Debug, Clone)]
pub struct Caller {
    pub account: AccountId,
    pub scopes: HashSet<Scope>,
}

/// 429s a storm answers in a row, the triggering request included.
const STORM_LENGTH: u32 = 3;

fn bearer(request: &Request) -> Option<String> {
    let header = request.headers().get("authorization")?.to_str().ok()?;
    let (scheme, token) = header.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim().to_string())
        .filter(|token| !token.is_empty())
}

/// Logs the request when dropped: with the answer's status, or with status 0 when the
/// request never got one (its connection was dropped by the `drop` fault).
struct LogEntry<'a> {
    state: &'a SandboxState,
    method: String,
    path: String,
    status: u16,
}

impl Drop for LogEntry<'_> {
    fn drop(&mut self) {
        tracing::info!(target: "sandbox", "{} {} → {}", self.method, self.path, self.status);
        let mut log = lock(&self.state.log);
        if log.len() < LOG_LIMIT {
            log.push(LoggedRequest {
                at: Instant::now(),
                method: std::mem::take(&mut self.method),
                path: std::mem::take(&mut self.path),
                status: self.status,
            });
        }
    }
}

pub async fn gate(
    State(state): State<Arc<SandboxState>>,
    request: Request,
    next: Next,
) -> Response {
    let mut entry = LogEntry {
        state: &state,
        method: request.method().to_string(),
        path: request.uri().path().to_string(),
        status: 0,
    };
    let response = admit_and_run(&state, request, next).await;
    entry.status = response.status().as_u16();
    response
}

async fn admit_and_run(state: &SandboxState, mut request: Request, next: Next) -> Response {
    let dialect = state.dialect;
    let slow = lock(&state.faults).faults.slow;
    if let Some(delay) = slow {
        tokio::time::sleep(delay).await;
    }
    let grant = bearer(&request).and_then(|token| {
        let store = lock(&state.store);
        store
            .tokens
            .get(&token)
            .cloned()
            .map(|grant| (token, grant))
    });
    let Some((token, grant)) = grant else {
        return Reject::new(dialect, Failure::Unauthenticated).into_response();
    };

    let (limit, admission) = {
        let mut limiter = lock(&state.limiter);
        (limiter.limit(), limiter.admit(&token, Instant::now()))
    };
    let remaining = match admission {
        Admission::Allowed { remaining } => remaining,
        Admission::Refused { retry_after } => {
            let seconds = retry_after.as_secs_f64().ceil().max(1.0) as u64;
            return with_budget(rate_limited(dialect, seconds), limit, 0);
        }
    };
    if in_storm(state, &token) {
        return with_budget(rate_limited(dialect, 1), limit, remaining);
    }
    if state.roll(|faults| &mut faults.absurd_retry_after) {
        return with_budget(rate_limited(dialect, u64::MAX), limit, remaining);
    }
    if request.method() == Method::POST {
        if state.roll(|faults| &mut faults.redirect_create) {
            let elsewhere = format!("/moved{}", request.uri().path());
            let redirect = (StatusCode::TEMPORARY_REDIRECT, [(LOCATION, elsewhere)]);
            return with_budget(redirect.into_response(), limit, remaining);
        }
        if state.roll(|faults| &mut faults.odd_body) {
            let odd = (
                StatusCode::CREATED,
                axum::Json(serde_json::json!({"ok": true})),
            );
            return with_budget(odd.into_response(), limit, remaining);
        }
    }
    if state.roll(|faults| &mut faults.fail500) {
        return with_budget(
            Reject::new(dialect, Failure::ServerError).into_response(),
            limit,
            remaining,
        );
    }
    request.extensions_mut().insert(Caller {
        account: grant.account,
        scopes: grant.scopes,
    });
    with_budget(next.run(request).await, limit, remaining)
}

fn rate_limited(dialect: crate::api::Dialect, retry_after_secs: u64) -> Response {
    Reject::new(dialect, Failure::RateLimited { retry_after_secs }).into_response()
}

/// True while a 429 storm owes this token refusals; may start a new storm.
fn in_storm(state: &SandboxState, token: &str) -> bool {
    let mut faults = lock(&state.faults);
    if let Some(owed) = faults.storms.get_mut(token).filter(|owed| **owed > 0) {
        *owed -= 1;
        return true;
    }
    let super::FaultState {
        faults: switches,
        rng,
        storms,
    } = &mut *faults;
    if switches.storm429.fire(rng) {
        storms.insert(token.to_string(), STORM_LENGTH - 1);
        return true;
    }
    false
}

/// Every answer carries a `Date` from the sandbox's clock, and `X-RateLimit-Limit` and
/// `X-RateLimit-Remaining`, as the v2 docs say. Budgets are counted per token, so an
/// answer no token was charged for (no or a wrong token, a path that is no route, the
/// sandbox's own routes) shows the whole budget: nothing was counted (api-contract
/// decision, README "The sandbox").
pub async fn budget_headers(
    State(state): State<Arc<SandboxState>>,
    request: Request,
    next: Next,
) -> Response {
    let mut response = next.run(request).await;
    // hyper writes a `Date` from the real clock unless the answer has one: the sandbox's
    // own clock (skewed or not) is the one a client can read the server's time from.
    let date = state.now().format("%a, %d %b %Y %H:%M:%S GMT").to_string();
    if let Ok(date) = HeaderValue::from_str(&date) {
        response.headers_mut().insert(DATE, date);
    }
    if response.headers().contains_key("x-ratelimit-limit") {
        return response;
    }
    let limit = lock(&state.limiter).limit();
    with_budget(response, limit, limit)
}

fn with_budget(mut response: Response, limit: u32, remaining: u32) -> Response {
    let headers = response.headers_mut();
    headers.insert("x-ratelimit-limit", HeaderValue::from(limit));
    headers.insert("x-ratelimit-remaining", HeaderValue::from(remaining));
    response
}
