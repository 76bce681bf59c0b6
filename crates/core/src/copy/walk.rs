//! The order in which the sync reads a list's pages, and how fast. The docs do not say
//! which end of a list comes first: the sandbox serves the newest record first, a server
//! sorting by id the oldest. Incremental reads want the newest first (they stop at the
//! first record they already hold), so the plan learns the order from the first page's
//! times and, for an oldest-first server, continues from the last page backwards.

use std::time::Duration;

use tokio::time::Instant;

/// No list is read past this many pages (a million records), whatever a server says.
pub const MAX_PAGES: u64 = 10_000;

/// The pages left to read after page 1, newest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PagePlan {
    next: Option<u64>,
    newest_first: bool,
    /// Page 1 of an oldest-first list holds the oldest records: it is visited last.
    first_page_last: bool,
    pages: u64,
}

impl PagePlan {
    /// The plan once page 1 (of `pages`) has been read from a list `newest_first` or not.
    pub fn after_first(pages: u64, newest_first: bool) -> PagePlan {
        let pages = pages.min(MAX_PAGES);
        let next = if newest_first {
            (pages >= 2).then_some(2)
        } else {
            (pages >= 2).then_some(pages)
        };
        PagePlan {
            next,
            newest_first,
            first_page_last: !newest_first && pages >= 2,
            pages,
        }
    }

    /// The plan for a list that announces no total: forwards until a short page.
    pub fn open_ended() -> PagePlan {
        PagePlan::after_first(MAX_PAGES, true)
    }

    /// Whether page 1's items come after every other page's.
    pub fn first_page_last(&self) -> bool {
        self.first_page_last
    }

    /// Whether each page's items must be reversed to read newest first.
    pub fn reversed(&self) -> bool {
        !self.newest_first
    }

    /// The next page to fetch.
    pub fn next_page(&mut self) -> Option<u64> {
        let page = self.next?;
        self.next = if self.newest_first {
            (page < self.pages).then_some(page + 1)
        } else {
            (page > 2).then_some(page - 1)
        };
        Some(page)
    }
}

/// Whether a page's items, by their times (server text, one spelling), run oldest first:
/// `None` when the page cannot tell (fewer than two distinct times).
pub fn runs_oldest_first(times: &[Option<String>]) -> Option<bool> {
    let known: Vec<&String> = times.iter().flatten().collect();
    let (first, last) = (known.first()?, known.last()?);
    (first != last).then(|| first < last)
}

/// Spaces requests so the sync spends at most its share of the rate-limit budget: the
/// merchant's own work (the desk, uploads) keeps the rest.
#[derive(Debug)]
pub struct Pace {
    share: f64,
    last: Option<Instant>,
}

/// The budget assumed until the server announces one (the documented 60 a minute).
const ASSUMED_LIMIT_PER_MINUTE: u32 = 60;

impl Pace {
    pub fn new(share: f64) -> Pace {
        Pace {
            share: share.clamp(0.01, 1.0),
            last: None,
        }
    }

    /// Waits until the next request is within the share of `limit` a minute.
    pub async fn wait(&mut self, limit: Option<u32>) {
        let limit = f64::from(limit.unwrap_or(ASSUMED_LIMIT_PER_MINUTE).max(1));
        let interval = Duration::from_secs_f64(60.0 / (limit * self.share));
        if let Some(last) = self.last {
            tokio::time::sleep_until(last + interval).await;
        }
        self.last = Some(Instant::now());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pages(mut plan: PagePlan) -> Vec<u64> {
        std::iter::from_fn(|| plan.next_page()).collect()
    }

    #[test]
    fn a_newest_first_list_is_read_forwards() {
        let plan = PagePlan::after_first(4, true);
        assert!(!plan.first_page_last());
        assert_eq!(pages(plan), [2, 3, 4]);
    }

    #[test]
    fn an_oldest_first_list_is_read_from_its_end() {
        let plan = PagePlan::after_first(4, false);
        assert!(plan.first_page_last() && plan.reversed());
        assert_eq!(pages(plan), [4, 3, 2]);
        assert_eq!(pages(PagePlan::after_first(1, false)), Vec::<u64>::new());
    }

    #[test]
    fn the_order_is_learnt_from_times() {
        let t = |s: &str| Some(s.to_string());
        assert_eq!(
            runs_oldest_first(&[t("2026-01-02"), None, t("2026-01-01")]),
            Some(false)
        );
        assert_eq!(
            runs_oldest_first(&[t("2026-01-01"), t("2026-01-02")]),
            Some(true)
        );
        assert_eq!(runs_oldest_first(&[t("2026-01-01")]), None);
    }

    #[tokio::test(start_paused = true)]
    async fn half_the_budget_spaces_requests_twice_the_slot() {
        let mut pace = Pace::new(0.5);
        let start = Instant::now();
        pace.wait(Some(60)).await;
        pace.wait(Some(60)).await;
        pace.wait(Some(60)).await;
        assert_eq!(start.elapsed(), Duration::from_secs(4));
    }
}
