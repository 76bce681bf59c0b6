//! What the accept loop does when `accept` fails. Most failures (too many open files,
//! no buffer space) last until connections close: trying again at once spins a core and
//! writes a log line per try, thousands a second. The loop waits instead, longer after
//! each failure in a row, and logs only the 1st, 2nd, 4th, 8th… of a run, then once
//! when accepting works again.

use std::time::Duration;

/// The wait after the first failure of a run.
const FIRST_WAIT: Duration = Duration::from_millis(10);
/// The longest wait between two tries.
const LONGEST_WAIT: Duration = Duration::from_secs(1);

/// The failures in a row, and the waits and log lines they earn.
#[derive(Debug, Default)]
pub struct AcceptBackoff {
    failures: u32,
}

/// What to do after a failed `accept`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AfterFailure {
    pub wait: Duration,
    /// Whether this failure is worth a log line (the run's count is given with it).
    pub log: bool,
    pub failures: u32,
}

impl AcceptBackoff {
    pub fn failed(&mut self) -> AfterFailure {
        self.failures = self.failures.saturating_add(1);
        let doubled = FIRST_WAIT.saturating_mul(1 << (self.failures - 1).min(16));
        AfterFailure {
            wait: doubled.min(LONGEST_WAIT),
            log: self.failures.is_power_of_two(),
            failures: self.failures,
        }
    }

    /// An accept worked: the failures of the run that ended, if there was one.
    pub fn succeeded(&mut self) -> Option<u32> {
        Some(std::mem::take(&mut self.failures)).filter(|failures| *failures > 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_run_of_failures_waits_more_and_more_and_logs_a_few_lines() {
        let mut backoff = AcceptBackoff::default();
        let after: Vec<AfterFailure> = (0..10_000).map(|_| backoff.failed()).collect();
        assert_eq!(after[0].wait, FIRST_WAIT);
        assert!(after.windows(2).all(|pair| pair[0].wait <= pair[1].wait));
        assert_eq!(after.last().map(|a| a.wait), Some(LONGEST_WAIT));
        let logged = after.iter().filter(|a| a.log).count();
        assert_eq!(logged, 14, "1, 2, 4 … 8192");
        assert_eq!(backoff.succeeded(), Some(10_000));
        assert_eq!(backoff.succeeded(), None);
        assert_eq!(backoff.failed().wait, FIRST_WAIT, "a new run starts short");
    }
}
