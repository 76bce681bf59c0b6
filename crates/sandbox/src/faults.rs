//! Fault injection: each fault is switched on from the command line (`--faults SPEC`) or
//! at run time, so the console and its tests can meet every failure a real server and a
//! real network produce.
//!
//! SPEC is a comma-separated list of `name=trigger`:
//!
//! | name        | what happens when it triggers                                        |
//! |-------------|----------------------------------------------------------------------|
//! | `storm429`  | this and the next 2 requests of the token answer 429 (Retry-After 1) |
//! | `fail500`   | 500 before anything is processed                                     |
//! | `commit500` | a write is stored, then answered 500 (outcome uncertain to the client) |
//! | `drop`      | a write is stored, then the connection is closed with no answer      |
//! | `drop202`   | a create is queued as a batch, then the connection is closed unanswered |
//! | `slow`      | every request waits this long first (`slow=1500ms`, `slow=2s`)       |
//! | `rowfail`   | a created row fails business processing (`failed_count`, failures)  |
//! | `batchfail` | an async batch stops part-way and ends `failed`                      |
//! | `absurd429` | a 429 whose `Retry-After` (and `retry_after`) is 2^64 - 1 seconds     |
//! | `redirect`  | a create is answered 307 to another path, before anything is stored  |
//! | `oddbody`   | a create is answered 201 `{"ok": true}` (no documented shape), unstored |
//!
//! A trigger is a probability (`0.25`, `1`), `xN` for "the next N times only", or `off`.

use std::fmt;
use std::str::FromStr;
use std::time::Duration;

use rand::Rng;
use rand::rngs::StdRng;

/// When a fault fires.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum Trigger {
    #[default]
    Off,
    /// Each eligible event, with this probability (seeded, so runs repeat).
    Probability(f64),
    /// The next N eligible events, then never again.
    Next(u32),
}

impl Trigger {
    /// Decides one eligible event, consuming a `Next` count when it fires.
    pub fn fire(&mut self, rng: &mut StdRng) -> bool {
        match self {
            Trigger::Off => false,
            Trigger::Probability(p) => *p > 0.0 && rng.random_bool(p.clamp(0.0, 1.0)),
            Trigger::Next(0) => false,
            Trigger::Next(count) => {
                *count -= 1;
                true
            }
        }
    }
}

impl FromStr for Trigger {
    type Err = FaultSpecError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let text = text.trim();
        if text.eq_ignore_ascii_case("off") {
            return Ok(Trigger::Off);
        }
        if let Some(count) = text.strip_prefix(['x', 'X']) {
            return count
                .parse()
                .map(Trigger::Next)
                .map_err(|_| FaultSpecError(format!("{text:?} is not `xN`")));
        }
        match text.parse::<f64>() {
            Ok(p) if (0.0..=1.0).contains(&p) => Ok(Trigger::Probability(p)),
            _ => Err(FaultSpecError(format!(
                "{text:?} is not a probability between 0 and 1, `xN` or `off`"
            ))),
        }
    }
}

impl fmt::Display for Trigger {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Trigger::Off => f.write_str("off"),
            Trigger::Probability(p) => write!(f, "{p}"),
            Trigger::Next(count) => write!(f, "x{count}"),
        }
    }
}

/// A fault specification that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("bad --faults: {0}")]
pub struct FaultSpecError(pub String);

/// Every switchable fault.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Faults {
    pub storm429: Trigger,
    pub fail500: Trigger,
    pub commit500: Trigger,
    pub drop_after_commit: Trigger,
    /// Only creates answered 202: the batch is queued and will run, but its id never
    /// reaches the client, which must then find the rows without a batch to ask about.
    pub drop_queued: Trigger,
    /// Extra latency before every request.
    pub slow: Option<Duration>,
    pub row_failure: Trigger,
    pub batch_failure: Trigger,
    /// A wait no client should take literally: it must neither panic nor hang.
    pub absurd_retry_after: Trigger,
    pub redirect_create: Trigger,
    pub odd_body: Trigger,
}

impl FromStr for Faults {
    type Err = FaultSpecError;

    fn from_str(spec: &str) -> Result<Self, Self::Err> {
        let mut faults = Faults::default();
        for item in spec.split(',').map(str::trim).filter(|i| !i.is_empty()) {
            let (name, value) = item
                .split_once('=')
                .ok_or_else(|| FaultSpecError(format!("{item:?} is not name=value")))?;
            let name = name.trim().to_ascii_lowercase();
            if name == "slow" {
                faults.slow = Some(parse_duration(value)?);
                continue;
            }
            let trigger: Trigger = value.parse()?;
            let slot = match name.as_str() {
                "storm429" => &mut faults.storm429,
                "fail500" => &mut faults.fail500,
                "commit500" => &mut faults.commit500,
                "drop" => &mut faults.drop_after_commit,
                "drop202" => &mut faults.drop_queued,
                "rowfail" => &mut faults.row_failure,
                "batchfail" => &mut faults.batch_failure,
                "absurd429" => &mut faults.absurd_retry_after,
                "redirect" => &mut faults.redirect_create,
                "oddbody" => &mut faults.odd_body,
                _ => {
                    return Err(FaultSpecError(format!(
                        "unknown fault {name:?}; known: storm429, fail500, commit500, drop, drop202, slow, rowfail, batchfail, absurd429, redirect, oddbody"
                    )));
                }
            };
            *slot = trigger;
        }
        Ok(faults)
    }
}

impl fmt::Display for Faults {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let triggers = [
            ("storm429", self.storm429),
            ("fail500", self.fail500),
            ("commit500", self.commit500),
            ("drop", self.drop_after_commit),
            ("drop202", self.drop_queued),
            ("rowfail", self.row_failure),
            ("batchfail", self.batch_failure),
            ("absurd429", self.absurd_retry_after),
            ("redirect", self.redirect_create),
            ("oddbody", self.odd_body),
        ];
        let mut parts: Vec<String> = triggers
            .iter()
            .filter(|(_, trigger)| *trigger != Trigger::Off)
            .map(|(name, trigger)| format!("{name}={trigger}"))
            .collect();
        if let Some(slow) = self.slow {
            parts.push(format!("slow={}ms", slow.as_millis()));
        }
        if parts.is_empty() {
            f.write_str("none")
        } else {
            f.write_str(&parts.join(","))
        }
    }
}

/// `250ms`, `2s` or a bare number of milliseconds.
fn parse_duration(text: &str) -> Result<Duration, FaultSpecError> {
    let text = text.trim();
    let bad = || FaultSpecError(format!("{text:?} is not a duration like 500ms or 2s"));
    if let Some(ms) = text.strip_suffix("ms") {
        return ms
            .trim()
            .parse()
            .map(Duration::from_millis)
            .map_err(|_| bad());
    }
    if let Some(seconds) = text.strip_suffix('s') {
        let seconds: f64 = seconds.trim().parse().map_err(|_| bad())?;
        return Duration::try_from_secs_f64(seconds).map_err(|_| bad());
    }
    text.parse().map(Duration::from_millis).map_err(|_| bad())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn spec_round_trips() {
        let faults: Faults = "storm429=0.1, drop=x2, slow=1.5s, rowfail=1, drop202=0.5"
            .parse()
            .unwrap();
        assert_eq!(faults.storm429, Trigger::Probability(0.1));
        assert_eq!(faults.drop_after_commit, Trigger::Next(2));
        assert_eq!(faults.drop_queued, Trigger::Probability(0.5));
        assert_eq!(faults.slow, Some(Duration::from_millis(1_500)));
        assert_eq!(faults.row_failure, Trigger::Probability(1.0));
        assert_eq!(
            faults.to_string(),
            "storm429=0.1,drop=x2,drop202=0.5,rowfail=1,slow=1500ms"
        );
        assert_eq!(Faults::default().to_string(), "none");
    }

    #[test]
    fn bad_specs_are_explained() {
        assert!(
            "teapot=1"
                .parse::<Faults>()
                .unwrap_err()
                .0
                .contains("unknown fault")
        );
        assert!("fail500=2".parse::<Faults>().is_err());
        assert!("fail500".parse::<Faults>().is_err());
        assert!("slow=fast".parse::<Faults>().is_err());
    }

    #[test]
    fn next_n_fires_n_times() {
        let mut rng = StdRng::seed_from_u64(1);
        let mut trigger = Trigger::Next(2);
        let fired: Vec<bool> = (0..4).map(|_| trigger.fire(&mut rng)).collect();
        assert_eq!(fired, [true, true, false, false]);
        assert!(!Trigger::Probability(0.0).fire(&mut rng));
        assert!(Trigger::Probability(1.0).fire(&mut rng));
    }
}
