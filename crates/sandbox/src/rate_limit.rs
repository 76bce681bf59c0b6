//! Per-token rate limiting, `limit` requests a minute, as a generic cell rate algorithm:
//! a full budget allows a burst of `limit`, then one request comes back every
//! 60 s / limit. Unlike a fixed window it tells exactly when the next request will pass,
//! which is what `Retry-After` must say.

use std::collections::HashMap;
use std::time::Duration;

use tokio::time::Instant;

const WINDOW: Duration = Duration::from_secs(60);

/// The decision for one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Admission {
    Allowed { remaining: u32 },
    Refused { retry_after: Duration },
}

/// The limiter of every token.
#[derive(Debug)]
pub struct RateLimiter {
    limit: u32,
    /// Per token: the theoretical arrival time of its next request.
    next_arrival: HashMap<String, Instant>,
}

impl RateLimiter {
    pub fn new(limit: u32) -> Self {
        RateLimiter {
            limit: limit.max(1),
            next_arrival: HashMap::new(),
        }
    }

    pub fn limit(&self) -> u32 {
        self.limit
    }

    fn interval(&self) -> Duration {
        WINDOW / self.limit
    }

    /// Admits or refuses one request of `token` at `now`.
    pub fn admit(&mut self, token: &str, now: Instant) -> Admission {
        let interval = self.interval();
        let arrival = self
            .next_arrival
            .get(token)
            .copied()
            .map_or(now, |t| t.max(now));
        let next = arrival + interval;
        let debt = next - now;
        if debt > WINDOW {
            return Admission::Refused {
                retry_after: debt - WINDOW,
            };
        }
        self.next_arrival.insert(token.to_string(), next);
        let remaining = (WINDOW - debt).as_nanos() / interval.as_nanos();
        Admission::Allowed {
            remaining: remaining as u32,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn burst_then_one_per_interval() {
        let mut limiter = RateLimiter::new(3);
        let start = Instant::now();
        let remaining: Vec<Admission> = (0..4).map(|_| limiter.admit("t", start)).collect();
        assert_eq!(
            remaining,
            [
                Admission::Allowed { remaining: 2 },
                Admission::Allowed { remaining: 1 },
                Admission::Allowed { remaining: 0 },
                Admission::Refused {
                    retry_after: Duration::from_secs(20)
                },
            ]
        );
        // One interval (20 s at 3/min) later, exactly one more request passes.
        let later = start + Duration::from_secs(20);
        assert_eq!(
            limiter.admit("t", later),
            Admission::Allowed { remaining: 0 }
        );
        assert!(matches!(
            limiter.admit("t", later),
            Admission::Refused { .. }
        ));
        assert_eq!(
            limiter.admit("other", later),
            Admission::Allowed { remaining: 2 },
            "tokens are limited separately"
        );
    }

    #[test]
    fn budget_comes_back_over_a_minute() {
        let mut limiter = RateLimiter::new(60);
        let start = Instant::now();
        for _ in 0..60 {
            limiter.admit("t", start);
        }
        assert!(matches!(
            limiter.admit("t", start),
            Admission::Refused { .. }
        ));
        assert_eq!(
            limiter.admit("t", start + WINDOW),
            Admission::Allowed { remaining: 59 }
        );
    }
}
