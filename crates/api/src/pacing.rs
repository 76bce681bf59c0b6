//! Client-side pacing from the `X-RateLimit-*` headers (api-contract.md §3). The server
//! allows `limit` requests a minute; when the budget left runs low the client spaces its
//! requests one "slot" (60 s / limit) apart instead of running into 429s.

#[cfg(feature = "client")]
use std::sync::Mutex;
use std::time::Duration;

#[cfg(feature = "client")]
use http::HeaderMap;
#[cfg(feature = "client")]
use tokio::time::Instant;

#[cfg(feature = "client")]
/// The rate-limit budget as the server last reported it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateBudget {
    pub limit: u32,
    pub remaining: u32,
    pub observed_at: Instant,
}

#[cfg(feature = "client")]
impl RateBudget {
    /// The time one request's budget takes to come back.
    pub fn slot(&self) -> Duration {
        Duration::from_secs(60) / self.limit.max(1)
    }
}

#[cfg(feature = "client")]
/// Shared by every request of one client.
#[derive(Debug, Default)]
pub struct Pacer {
    state: Mutex<PacerState>,
}

#[cfg(feature = "client")]
#[derive(Debug, Default)]
struct PacerState {
    budget: Option<RateBudget>,
    /// No request starts before this instant.
    not_before: Option<Instant>,
}

#[cfg(feature = "client")]
/// Requests kept in reserve: below this many left, requests are spaced one slot apart.
const RESERVE: u32 = 2;

#[cfg(feature = "client")]
impl Pacer {
    /// Records the headers of a response.
    pub fn observe(&self, headers: &HeaderMap) {
        let limit = header_number(headers, "x-ratelimit-limit");
        let remaining = header_number(headers, "x-ratelimit-remaining");
        let (Some(limit), Some(remaining)) = (limit, remaining) else {
            return;
        };
        let now = Instant::now();
        let budget = RateBudget {
            limit,
            remaining,
            observed_at: now,
        };
        let mut state = self.lock();
        if remaining < RESERVE {
            let not_before = now + budget.slot();
            state.not_before = Some(state.not_before.map_or(not_before, |t| t.max(not_before)));
        }
        state.budget = Some(budget);
    }

    /// After a 429: nothing starts before `wait` has passed.
    pub fn hold_for(&self, wait: Duration) {
        let until = deadline_after(wait);
        let mut state = self.lock();
        state.not_before = Some(state.not_before.map_or(until, |t| t.max(until)));
    }

    /// Waits until the next request may start, and claims that turn: concurrent callers
    /// are spaced one slot apart while the budget is low.
    pub async fn wait_turn(&self) {
        let wait = {
            let mut state = self.lock();
            let now = Instant::now();
            let start = state.not_before.filter(|t| *t > now).unwrap_or(now);
            if let Some(budget) = state.budget.filter(|b| b.remaining < RESERVE) {
                state.not_before = Some(start + budget.slot());
            }
            start - now
        };
        if !wait.is_zero() {
            tokio::time::sleep(wait).await;
        }
    }

    /// The last budget the server reported.
    pub fn budget(&self) -> Option<RateBudget> {
        self.lock().budget
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, PacerState> {
        // A panic while holding this lock cannot leave the state inconsistent.
        self.state
            .lock()
            .unwrap_or_else(|poison| poison.into_inner())
    }
}

#[cfg(feature = "client")]
fn header_number(headers: &HeaderMap, name: &str) -> Option<u32> {
    headers.get(name)?.to_str().ok()?.trim().parse().ok()
}

/// The longest a 429 makes the console wait. A server value is never trusted further:
/// `Retry-After: 99999999999999999999999` would overflow a `Duration` (a panic) or an
/// `Instant`, and an honest limit of 60 requests a minute never needs more than a minute.
pub const MAX_RETRY_WAIT: Duration = Duration::from_secs(120);

/// A wait the server asked for, in seconds, capped at [`MAX_RETRY_WAIT`]; `None` for a
/// negative or non-finite number.
pub fn capped_wait(seconds: f64) -> Option<Duration> {
    (seconds.is_finite() && seconds >= 0.0)
        .then(|| Duration::from_secs_f64(seconds.min(MAX_RETRY_WAIT.as_secs_f64())))
}

#[cfg(feature = "client")]
/// The moment `wait` from now, or as far as the clock can go: no wait can panic.
pub fn deadline_after(wait: Duration) -> Instant {
    let now = Instant::now();
    now.checked_add(wait.min(MAX_RETRY_WAIT)).unwrap_or(now)
}

#[cfg(feature = "client")]
/// Seconds from a `Retry-After` header (the HTTP-date form is not used by Laravel),
/// capped at [`MAX_RETRY_WAIT`].
pub fn retry_after_header(headers: &HeaderMap) -> Option<Duration> {
    let seconds: f64 = headers
        .get("retry-after")?
        .to_str()
        .ok()?
        .trim()
        .parse()
        .ok()?;
    capped_wait(seconds)
}

#[cfg(all(test, feature = "client"))]
mod tests {
    use super::*;
    use http::HeaderValue;

    fn headers(limit: &str, remaining: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert("x-ratelimit-limit", HeaderValue::from_str(limit).unwrap());
        headers.insert(
            "x-ratelimit-remaining",
            HeaderValue::from_str(remaining).unwrap(),
        );
        headers
    }

    #[test]
    fn budget_is_read_from_headers() {
        let pacer = Pacer::default();
        pacer.observe(&headers("60", "42"));
        let budget = pacer.budget().unwrap();
        assert_eq!((budget.limit, budget.remaining), (60, 42));
        assert_eq!(budget.slot(), Duration::from_secs(1));
        pacer.observe(&headers("abc", "1"));
        assert_eq!(pacer.budget().unwrap().remaining, 42, "garbage is ignored");
    }

    #[tokio::test(start_paused = true)]
    async fn low_budget_spaces_requests_one_slot_apart() {
        let pacer = Pacer::default();
        pacer.observe(&headers("120", "0"));
        let start = tokio::time::Instant::now();
        pacer.wait_turn().await;
        pacer.wait_turn().await;
        // Two turns after an exhausted budget: one slot each (0.5 s at 120/min).
        assert_eq!(start.elapsed(), Duration::from_secs(1));
    }

    #[tokio::test(start_paused = true)]
    async fn plenty_of_budget_does_not_wait() {
        let pacer = Pacer::default();
        pacer.observe(&headers("60", "30"));
        let start = tokio::time::Instant::now();
        pacer.wait_turn().await;
        assert_eq!(start.elapsed(), Duration::ZERO);
    }

    #[test]
    fn retry_after_seconds() {
        let mut headers = HeaderMap::new();
        headers.insert("retry-after", HeaderValue::from_static("2"));
        assert_eq!(retry_after_header(&headers), Some(Duration::from_secs(2)));
    }

    #[test]
    fn absurd_and_broken_waits_neither_panic_nor_hang() {
        let wait = |value: &str| {
            let mut headers = HeaderMap::new();
            headers.insert("retry-after", HeaderValue::from_str(value).unwrap());
            retry_after_header(&headers)
        };
        assert_eq!(wait("99999999999999999999999"), Some(MAX_RETRY_WAIT));
        assert_eq!(wait("18446744073709551615"), Some(MAX_RETRY_WAIT));
        assert_eq!(wait("1e308"), Some(MAX_RETRY_WAIT));
        assert_eq!(wait("2.5"), Some(Duration::from_millis(2_500)));
        assert_eq!(wait("-1"), None);
        assert_eq!(wait("NaN"), None);
        assert_eq!(wait("inf"), None);
        assert_eq!(wait("Wed, 21 Oct 2026 07:28:00 GMT"), None);
        let pacer = Pacer::default();
        pacer.hold_for(Duration::MAX);
        assert!(deadline_after(Duration::MAX) <= Instant::now() + MAX_RETRY_WAIT);
    }

    proptest::proptest! {
        #[test]
        fn any_header_values_are_read_without_panic(
            retry_after in "\\PC{0,30}",
            limit in "\\PC{0,30}",
            remaining in "\\PC{0,30}",
            seconds in proptest::prelude::any::<f64>(),
        ) {
            let mut headers = HeaderMap::new();
            for (name, value) in [
                ("retry-after", retry_after),
                ("x-ratelimit-limit", limit),
                ("x-ratelimit-remaining", remaining),
            ] {
                if let Ok(value) = HeaderValue::from_str(&value) {
                    headers.insert(name, value);
                }
            }
            proptest::prop_assert!(
                retry_after_header(&headers).is_none_or(|wait| wait <= MAX_RETRY_WAIT)
            );
            Pacer::default().observe(&headers);
            proptest::prop_assert!(capped_wait(seconds).is_none_or(|wait| wait <= MAX_RETRY_WAIT));
        }
    }
}
