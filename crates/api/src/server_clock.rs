//! The server's clock, as its `Date` headers tell it. A merchant's computer may be
//! minutes or hours off (clocks set by hand around time-zone changes), and the server's
//! `created_at` is in the server's time: anything that compares the two (reconciliation
//! asks "was this record made after my request left?") must use the server's clock.

use std::sync::Mutex;
use std::time::{Duration, SystemTime};

use http::HeaderMap;
use http::header::DATE;

/// The offset of the server's clock from this computer's, from the last `Date` header.
#[derive(Debug, Default)]
pub struct ServerClock {
    /// Milliseconds the server is ahead of this computer (negative: behind).
    offset_ms: Mutex<Option<i64>>,
}

impl ServerClock {
    /// Reads the `Date` header of an answer received now. An answer without one, or
    /// with one that does not read, changes nothing.
    pub fn observe(&self, headers: &HeaderMap) {
        let Some(server) = headers
            .get(DATE)
            .and_then(|value| value.to_str().ok())
            .and_then(|text| httpdate::parse_http_date(text).ok())
        else {
            return;
        };
        let offset = offset_ms(server, SystemTime::now());
        if let Ok(mut slot) = self.offset_ms.lock() {
            *slot = Some(offset);
        }
    }

    /// The server's time now, if a `Date` header has told its clock. Precise to about a
    /// second (the header's resolution) plus the answer's travel time.
    pub fn now(&self) -> Option<SystemTime> {
        let offset = (*self.offset_ms.lock().ok()?)?;
        let now = SystemTime::now();
        let shift = Duration::from_millis(offset.unsigned_abs());
        if offset >= 0 {
            now.checked_add(shift)
        } else {
            now.checked_sub(shift)
        }
    }
}

fn offset_ms(server: SystemTime, local: SystemTime) -> i64 {
    match server.duration_since(local) {
        Ok(ahead) => i64::try_from(ahead.as_millis()).unwrap_or(i64::MAX),
        Err(behind) => -i64::try_from(behind.duration().as_millis()).unwrap_or(i64::MAX),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use http::HeaderValue;

    fn dated(text: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(DATE, HeaderValue::from_str(text).unwrap());
        headers
    }

    #[test]
    fn the_server_time_follows_its_date_header_not_this_clock() {
        let clock = ServerClock::default();
        assert_eq!(clock.now(), None);
        clock.observe(&dated("yesterday"));
        assert_eq!(clock.now(), None, "an unreadable Date is ignored");
        let three_hours_ahead = SystemTime::now() + Duration::from_secs(3 * 3600);
        clock.observe(&dated(&httpdate::fmt_http_date(three_hours_ahead)));
        let told = clock.now().unwrap();
        let ahead = told.duration_since(SystemTime::now()).unwrap();
        assert!(ahead > Duration::from_secs(3 * 3600 - 5), "{ahead:?}");
        assert!(ahead < Duration::from_secs(3 * 3600 + 5), "{ahead:?}");
        let behind = SystemTime::now() - Duration::from_secs(120);
        clock.observe(&dated(&httpdate::fmt_http_date(behind)));
        assert!(clock.now().unwrap() < SystemTime::now() - Duration::from_secs(100));
    }
}
