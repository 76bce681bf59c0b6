//! The confirmation desk's queue, without a window: leads to call, one at a time, oldest
//! first (or newest first: speed to lead), status by status (`new`, then `call_later`);
//! leads that arrive while the desk is open (found by the local copy's sync); the
//! outcomes the merchant chose, sent to the store in small bulk updates; and what to do
//! when the store refuses them.
//!
//! Requests stay well under one per lead: a page of 100 leads is read ahead while the
//! merchant works through the one before it, and outcomes go in bulk updates of up to
//! [`BATCH`] (or sooner after [`FLUSH_AFTER`] of quiet). A refused update (500, 403) puts
//! its leads back at the front of the queue with the error; a 429 keeps the outcomes and
//! sends them again once the wait is over, while the merchant goes on. Nothing is lost.

use std::collections::{HashMap, HashSet, VecDeque};
use std::time::{Duration, Instant};

use crate::api::rules::MAX_PAGES_FOLLOWED;
use crate::api::statuses::LEAD_STATUSES;
use crate::api::wire::{Lead, StatusChange};
use crate::api::{ApiError, ListQuery, Page};

/// The statuses a desk works through unless the merchant chose others.
pub const DEFAULT_STATUSES: [&str; 2] = ["new", "call_later"];

/// The queue's statuses in the order the desk works through them: `new` first, then as
/// the store lists its statuses; unknown and repeated ones left out.
pub fn queue_order<'a>(chosen: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let chosen: HashSet<&str> = chosen.into_iter().collect();
    LEAD_STATUSES
        .iter()
        .filter(|status| chosen.contains(*status))
        .map(|status| status.to_string())
        .collect()
}

/// Outcomes sent together.
pub const BATCH: usize = 10;
/// How long an outcome may wait for others before it is sent alone.
pub const FLUSH_AFTER: Duration = Duration::from_secs(4);
/// The leads a page brings (the API's largest page).
pub const PAGE_SIZE: u64 = 100;
/// A page is read ahead when fewer leads than this are waiting.
pub const READ_AHEAD_BELOW: usize = 20;

/// A lead to call, with what went wrong with it, when the store refused its outcome.
#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    pub lead: Lead,
    pub problem: Option<ApiError>,
}

impl Card {
    pub fn reference(&self) -> &str {
        self.lead.reference.as_deref().unwrap_or_default()
    }

    /// Whether the lead's status may ever have changed, so its history is worth a request:
    /// a `new` lead never touched since it was made (or whose store does not say when it
    /// was touched) has none, and most of a morning's queue is such leads.
    pub fn may_have_history(&self) -> bool {
        let lead = &self.lead;
        lead.status.as_deref() != Some("new")
            || lead
                .updated_at
                .as_ref()
                .is_some_and(|updated| Some(updated) != lead.created_at.as_ref())
    }
}

/// An outcome the merchant chose for a lead.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    pub lead: Lead,
    /// The status the lead had, which *Undo* puts back.
    pub from: String,
    pub to: String,
}

impl Decision {
    fn change(&self) -> StatusChange {
        StatusChange {
            reference: self.lead.reference.clone().unwrap_or_default(),
            status: self.to.clone(),
        }
    }
}

/// The session's figures.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tally {
    pub handled: usize,
    pub confirmed: usize,
    /// Leads handled per hour since the desk opened.
    pub per_hour: f64,
}

/// Where the next page of a status comes from: the list is newest first, so the desk
/// reads its last page first and walks back; outcomes take leads out of the status, so a
/// pass that found nothing new ends the status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cursor {
    /// Not read yet: the first read tells how many pages there are.
    Start,
    Page(u64),
    Done,
}

/// Which leads of a status the desk calls first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum QueueOrder {
    #[default]
    OldestFirst,
    /// Speed to lead: a lead called within minutes confirms far more often.
    NewestFirst,
}

#[derive(Debug)]
pub struct Desk {
    statuses: Vec<String>,
    order: QueueOrder,
    status_index: usize,
    cursor: Cursor,
    /// Whether the current pass over the status brought a lead not seen before.
    found_in_pass: bool,
    reading: bool,
    /// The page being read was asked for before the statuses changed: its leads are not
    /// taken.
    stale_read: bool,
    cards: VecDeque<Card>,
    seen: HashSet<String>,
    /// How many leads of each queue status the store holds, as of its last page read and
    /// the outcomes chosen since.
    totals: HashMap<String, u64>,
    unsent: Vec<Decision>,
    first_unsent: Option<Instant>,
    sending: Vec<Decision>,
    /// Outcomes that can still be undone, the last on top.
    undoable: Vec<Decision>,
    /// No update before this (the store answered 429).
    hold_until: Option<Instant>,
    /// No page read before this (the last read failed).
    read_again_at: Option<Instant>,
    /// An undone outcome that had already gone: its reversal goes at once.
    flush_now: bool,
    opened: Instant,
    handled: usize,
    confirmed: usize,
}

impl Desk {
    /// A desk working through `statuses` in order (`["new", "call_later"]` by default),
    /// each status's leads in `order`.
    pub fn new(statuses: Vec<String>, order: QueueOrder, now: Instant) -> Desk {
        Desk {
            statuses,
            order,
            status_index: 0,
            cursor: Cursor::Start,
            found_in_pass: false,
            reading: false,
            stale_read: false,
            cards: VecDeque::new(),
            seen: HashSet::new(),
            totals: HashMap::new(),
            unsent: Vec::new(),
            first_unsent: None,
            sending: Vec::new(),
            undoable: Vec::new(),
            hold_until: None,
            read_again_at: None,
            flush_now: false,
            opened: now,
            handled: 0,
            confirmed: 0,
        }
    }

    /// The statuses worked through, in order.
    pub fn statuses(&self) -> &[String] {
        &self.statuses
    }

    /// Works through `statuses` from now on: the leads of statuses left out leave the
    /// queue (unless the store refused their outcome: those stay until handled), the new
    /// ones are read from their oldest. Outcomes chosen, on their way or undoable stay as
    /// they are, and so does the tally.
    pub fn set_statuses(&mut self, statuses: Vec<String>) {
        if statuses == self.statuses {
            return;
        }
        let seen = &mut self.seen;
        self.cards.retain(|card| {
            let kept = card.problem.is_some()
                || card
                    .lead
                    .status
                    .as_ref()
                    .is_some_and(|status| statuses.contains(status));
            if !kept {
                seen.remove(card.reference());
            }
            kept
        });
        self.totals.retain(|status, _| statuses.contains(status));
        self.statuses = statuses;
        self.status_index = 0;
        self.cursor = Cursor::Start;
        self.found_in_pass = false;
        self.stale_read = self.reading;
        self.read_again_at = None;
    }

    pub fn order(&self) -> QueueOrder {
        self.order
    }

    /// Calls the leads in `order` from now on: the lead on screen (and any the store
    /// refused) stay, the others leave and the queue is read again from its start in the
    /// new order.
    pub fn set_order(&mut self, order: QueueOrder) {
        if order == self.order {
            return;
        }
        self.order = order;
        let seen = &mut self.seen;
        let mut position = 0;
        self.cards.retain(|card| {
            let kept = position == 0 || card.problem.is_some();
            position += 1;
            if !kept {
                seen.remove(card.reference());
            }
            kept
        });
        self.status_index = 0;
        self.cursor = Cursor::Start;
        self.found_in_pass = false;
        self.stale_read = self.reading;
        self.read_again_at = None;
    }

    /// Leads that arrived since the queue was read: those of a status the desk works
    /// through and not on it yet join it (after the lead on screen when newest first, at
    /// its end otherwise). Says how many joined.
    pub fn take_arrivals(&mut self, mut leads: Vec<Lead>) -> usize {
        leads.retain(|lead| {
            lead.status
                .as_ref()
                .is_some_and(|status| self.statuses.contains(status))
        });
        leads.sort_by(|a, b| a.created_at.cmp(&b.created_at));
        let mut joined = 0;
        for lead in leads {
            let Some(reference) = lead.reference.clone() else {
                continue;
            };
            if !self.seen.insert(reference) {
                continue;
            }
            let card = Card {
                lead,
                problem: None,
            };
            match self.order {
                QueueOrder::OldestFirst => self.cards.push_back(card),
                QueueOrder::NewestFirst => {
                    let after_current = usize::from(!self.cards.is_empty());
                    self.cards.insert(after_current, card);
                }
            }
            joined += 1;
        }
        joined
    }

    /// The lead on screen.
    pub fn current(&self) -> Option<&Card> {
        self.cards.front()
    }

    /// The lead on screen and the `count - 1` after it.
    pub fn upcoming(&self, count: usize) -> impl Iterator<Item = &Card> {
        self.cards.iter().take(count)
    }

    /// Whether every status has been read to its end and no lead is left.
    pub fn finished(&self) -> bool {
        self.cards.is_empty() && self.status_index >= self.statuses.len() && !self.reading
    }

    /// The page to read now, if the queue runs low and one is not being read already (nor
    /// did the last read fail a moment ago).
    pub fn page_to_read(&mut self, now: Instant) -> Option<ListQuery> {
        if self.reading || self.cards.len() >= READ_AHEAD_BELOW {
            return None;
        }
        if self.read_again_at.is_some_and(|at| now < at) {
            return None;
        }
        let status = self.statuses.get(self.status_index)?.clone();
        let page = match self.cursor {
            Cursor::Start => 1,
            Cursor::Page(page) => page,
            Cursor::Done => return None,
        };
        self.reading = true;
        Some(ListQuery {
            status: Some(status),
            ..ListQuery::page(page, PAGE_SIZE)
        })
    }

    /// Takes a page read for `query`: its leads not seen yet join the queue, oldest first.
    pub fn take_page(
        &mut self,
        query: &ListQuery,
        page: Result<Page<Lead>, ApiError>,
        now: Instant,
    ) {
        self.reading = false;
        if std::mem::take(&mut self.stale_read) {
            return;
        }
        let page = match page {
            Ok(page) => page,
            Err(error) => {
                // The window shows the error; the page is read again after a pause.
                let pause = match error {
                    ApiError::RateLimited { retry_after, .. } => retry_after,
                    _ => None,
                };
                self.read_again_at = Some(now + pause.unwrap_or(Duration::from_secs(5)));
                return;
            }
        };
        self.read_again_at = None;
        if let Some(status) = &query.status {
            // The store still counts the outcomes not sent yet.
            let unsent = self
                .unsent
                .iter()
                .chain(&self.sending)
                .filter(|decision| &decision.from == status)
                .count() as u64;
            self.totals
                .insert(status.clone(), page.total.saturating_sub(unsent));
        }
        if self.cursor == Cursor::Start && page.pages > 1 && self.order == QueueOrder::OldestFirst {
            // The oldest leads are on the last page; a pass walks back from it one page a
            // read, so a page count past the ceiling (a server announcing 10¹³ pages) is
            // cut to it: a pass stays bounded and the desk still shows the newest leads.
            self.cursor = Cursor::Page(page.pages.min(MAX_PAGES_FOLLOWED));
            return;
        }
        let wanted = query.status.as_deref();
        let mut fresh = 0;
        // Pages list the newest first: read backwards for the oldest first.
        let leads: Vec<Lead> = match self.order {
            QueueOrder::OldestFirst => page.items.into_iter().rev().collect(),
            QueueOrder::NewestFirst => page.items,
        };
        for lead in leads {
            let Some(reference) = lead.reference.clone() else {
                continue;
            };
            if lead.status.as_deref() != wanted || !self.seen.insert(reference) {
                continue;
            }
            fresh += 1;
            self.cards.push_back(Card {
                lead,
                problem: None,
            });
        }
        self.found_in_pass |= fresh > 0;
        let pages = page.pages.min(MAX_PAGES_FOLLOWED);
        self.cursor = match (self.order, query.page) {
            (QueueOrder::OldestFirst, page) if page > 1 => Cursor::Page(page - 1),
            (QueueOrder::NewestFirst, page) if page < pages => Cursor::Page(page + 1),
            // Back at the first page: another pass finds the leads that moved while this
            // one read, unless it found nothing.
            _ if self.found_in_pass => {
                self.found_in_pass = false;
                Cursor::Start
            }
            _ => Cursor::Done,
        };
        if self.cursor == Cursor::Done {
            self.status_index += 1;
            self.cursor = Cursor::Start;
        }
    }

    /// The merchant chose `status` for the lead on screen; the next lead shows.
    pub fn decide(&mut self, status: &str, now: Instant) {
        let Some(card) = self.cards.pop_front() else {
            return;
        };
        let from = card.lead.status.clone().unwrap_or_default();
        let decision = Decision {
            lead: card.lead,
            from,
            to: status.to_string(),
        };
        self.moved(&decision.from, &decision.to);
        self.handled += 1;
        if status == "confirmed" {
            self.confirmed += 1;
        }
        self.undoable.push(decision.clone());
        self.unsent.push(decision);
        self.first_unsent.get_or_insert(now);
    }

    /// Leaves the lead on screen for later in this session.
    pub fn skip(&mut self) {
        if let Some(card) = self.cards.pop_front() {
            self.cards.push_back(card);
        }
    }

    /// Puts the last outcome back: the lead shows again with its previous status, and the
    /// store is told when the outcome had already gone.
    pub fn undo(&mut self, now: Instant) {
        let Some(last) = self.undoable.pop() else {
            return;
        };
        self.moved(&last.to, &last.from);
        self.handled = self.handled.saturating_sub(1);
        if last.to == "confirmed" {
            self.confirmed = self.confirmed.saturating_sub(1);
        }
        let reference = last.lead.reference.clone();
        if let Some(index) = self
            .unsent
            .iter()
            .rposition(|decision| decision.lead.reference == reference)
        {
            self.unsent.remove(index);
            if self.unsent.is_empty() {
                self.first_unsent = None;
            }
        } else {
            self.unsent.push(Decision {
                lead: last.lead.clone(),
                from: last.to.clone(),
                to: last.from.clone(),
            });
            self.first_unsent.get_or_insert(now);
            self.flush_now = true;
        }
        let mut lead = last.lead;
        lead.status = Some(last.from);
        self.cards.push_front(Card {
            lead,
            problem: None,
        });
    }

    /// Sends the outcomes waiting without waiting for more (the window is closing); a
    /// wait the store asked for still holds.
    pub fn send_soon(&mut self) {
        self.flush_now = !self.unsent.is_empty();
    }

    /// The bulk update to send now: when none is on its way, the store is not asking to
    /// wait, and enough outcomes are waiting or the first has waited long enough (or the
    /// queue is empty: nothing more will come to join them; or an undo must reach the
    /// store).
    pub fn update_to_send(&mut self, now: Instant) -> Option<Vec<StatusChange>> {
        if !self.sending.is_empty() || self.unsent.is_empty() {
            return None;
        }
        if self.hold_until.is_some_and(|until| now < until) {
            return None;
        }
        let waited = self
            .first_unsent
            .is_some_and(|first| now.duration_since(first) >= FLUSH_AFTER);
        if self.unsent.len() < BATCH && !waited && !self.flush_now && !self.cards.is_empty() {
            return None;
        }
        self.hold_until = None;
        self.flush_now = false;
        let take = self.unsent.len().min(BATCH);
        self.sending = self.unsent.drain(..take).collect();
        self.first_unsent = (!self.unsent.is_empty()).then_some(now);
        Some(self.sending.iter().map(Decision::change).collect())
    }

    /// The store's answer to the update sent. A 429 keeps the outcomes for after the wait;
    /// any other refusal puts their leads back at the front of the queue with the error.
    pub fn sent(&mut self, result: Result<(), ApiError>, now: Instant) {
        let sending = std::mem::take(&mut self.sending);
        match result {
            Ok(()) => {}
            Err(ApiError::RateLimited { retry_after, .. }) => {
                self.hold_until = Some(now + retry_after.unwrap_or(Duration::from_secs(5)));
                let mut waiting = sending;
                waiting.append(&mut self.unsent);
                self.unsent = waiting;
                self.first_unsent.get_or_insert(now);
            }
            Err(error) => {
                for decision in sending.into_iter().rev() {
                    self.moved(&decision.to, &decision.from);
                    self.handled = self.handled.saturating_sub(1);
                    if decision.to == "confirmed" {
                        self.confirmed = self.confirmed.saturating_sub(1);
                    }
                    self.undoable
                        .retain(|undoable| undoable.lead.reference != decision.lead.reference);
                    let mut lead = decision.lead;
                    lead.status = Some(decision.from);
                    self.cards.push_front(Card {
                        lead,
                        problem: Some(error.clone()),
                    });
                }
            }
        }
    }

    /// A lead left status `from` for `to`: the queue's counts follow.
    fn moved(&mut self, from: &str, to: &str) {
        if let Some(total) = self.totals.get_mut(from) {
            *total = total.saturating_sub(1);
        }
        if let Some(total) = self.totals.get_mut(to) {
            *total += 1;
        }
    }

    /// The leads of the queue's statuses the store holds, as far as the desk knows (a
    /// status not read yet counts what is loaded of it: nothing).
    pub fn queue_size(&self) -> u64 {
        let counted: u64 = self.totals.values().sum();
        counted.max(self.cards.len() as u64)
    }

    /// How long the store asked to wait before the next update, if it did.
    pub fn wait_left(&self, now: Instant) -> Option<Duration> {
        self.hold_until
            .filter(|until| *until > now)
            .map(|until| until - now)
    }

    /// Outcomes chosen but not yet taken by the store.
    pub fn outcomes_in_flight(&self) -> usize {
        self.unsent.len() + self.sending.len()
    }

    pub fn tally(&self, now: Instant) -> Tally {
        let hours = now.duration_since(self.opened).as_secs_f64() / 3600.0;
        Tally {
            handled: self.handled,
            confirmed: self.confirmed,
            per_hour: if hours > 0.0 {
                self.handled as f64 / hours
            } else {
                0.0
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lead(reference: &str, status: &str) -> Lead {
        Lead {
            reference: Some(reference.to_string()),
            status: Some(status.to_string()),
            ..Lead::default()
        }
    }

    /// The store's newest-first list of `status`, cut into pages of `per_page`.
    fn page(all: &[Lead], query: &ListQuery) -> Page<Lead> {
        let chosen: Vec<Lead> = all
            .iter()
            .filter(|lead| lead.status == query.status)
            .cloned()
            .collect();
        let per_page = query.per_page as usize;
        let start = (query.page as usize - 1) * per_page;
        Page {
            items: chosen.iter().skip(start).take(per_page).cloned().collect(),
            page: query.page,
            per_page: query.per_page,
            total: chosen.len() as u64,
            pages: chosen.len().div_ceil(per_page) as u64,
            counted: true,
        }
    }

    /// 250 new leads (LD-249 the newest) and 3 to call later.
    fn store() -> Vec<Lead> {
        let mut all: Vec<Lead> = (0..250)
            .rev()
            .map(|n| lead(&format!("LD-{n}"), "new"))
            .collect();
        all.extend((0..3).map(|n| lead(&format!("CL-{n}"), "call_later")));
        all
    }

    fn read(desk: &mut Desk, all: &[Lead], now: Instant) -> bool {
        match desk.page_to_read(now) {
            Some(query) => {
                let answer = Ok(page(all, &query));
                desk.take_page(&query, answer, now);
                true
            }
            None => false,
        }
    }

    /// A desk on [`store`] working through `new` then `call_later` in `order`, every lead
    /// confirmed as it shows (the store takes each outcome at once): the desk, the leads in
    /// the order shown, and the pages read.
    fn confirm_everything(order: QueueOrder) -> (Desk, Vec<String>, usize) {
        let mut all = store();
        let now = Instant::now();
        let mut desk = Desk::new(vec!["new".into(), "call_later".into()], order, now);
        let mut shown = Vec::new();
        let mut reads = 0;
        while !desk.finished() {
            if read(&mut desk, &all, now) {
                reads += 1;
            }
            let Some(card) = desk.current() else {
                continue;
            };
            let reference = card.reference().to_string();
            shown.push(reference.clone());
            desk.decide("confirmed", now);
            all.iter_mut()
                .filter(|lead| lead.reference.as_deref() == Some(reference.as_str()))
                .for_each(|lead| lead.status = Some("confirmed".into()));
            assert!(reads < 40, "the desk keeps reading");
        }
        (desk, shown, reads)
    }

    #[test]
    fn a_pass_never_starts_past_the_page_ceiling() {
        let now = Instant::now();
        let mut desk = Desk::new(vec!["new".into()], QueueOrder::OldestFirst, now);
        let first = desk.page_to_read(now).expect("the first page");
        let announced = Page {
            pages: 10_000_000_000_000,
            total: 10_000_000_000_000 * first.per_page,
            ..page(&store(), &first)
        };
        desk.take_page(&first, Ok(announced), now);
        let next = desk.page_to_read(now).expect("the last page it will read");
        assert_eq!(next.page, MAX_PAGES_FOLLOWED);
    }

    #[test]
    fn newest_first_calls_the_latest_leads_first_each_once() {
        let (_, shown, _) = confirm_everything(QueueOrder::NewestFirst);
        assert_eq!(&shown[..3], ["LD-249", "LD-248", "LD-247"]);
        let unique: HashSet<&String> = shown.iter().collect();
        assert_eq!((shown.len(), unique.len()), (253, 253), "every lead once");
    }

    #[test]
    fn arrivals_join_the_queue_once_where_the_order_puts_them() {
        let all = store();
        let now = Instant::now();
        for order in [QueueOrder::OldestFirst, QueueOrder::NewestFirst] {
            let mut desk = Desk::new(vec!["new".into()], order, now);
            read(&mut desk, &all, now);
            read(&mut desk, &all, now);
            let on_screen = desk.current().unwrap().reference().to_string();
            let arrived = vec![
                lead("LD-900", "new"),
                lead("LD-901", "confirmed"),
                lead(&on_screen, "new"),
            ];
            assert_eq!(desk.take_arrivals(arrived.clone()), 1, "{order:?}");
            assert_eq!(desk.take_arrivals(arrived), 0, "once");
            let place = desk
                .upcoming(usize::MAX)
                .position(|card| card.reference() == "LD-900")
                .unwrap();
            match order {
                QueueOrder::OldestFirst => assert_eq!(place, desk.cards.len() - 1),
                QueueOrder::NewestFirst => assert_eq!(place, 1, "right after the lead on screen"),
            }
            assert_eq!(desk.current().unwrap().reference(), on_screen);
        }
    }

    #[test]
    fn leads_come_oldest_first_status_by_status_each_once() {
        let (desk, shown, reads) = confirm_everything(QueueOrder::OldestFirst);
        assert_eq!(&shown[..3], ["LD-0", "LD-1", "LD-2"]);
        assert_eq!(shown.len(), 253);
        assert_eq!(desk.queue_size(), 0);
        let unique: HashSet<&String> = shown.iter().collect();
        assert_eq!(unique.len(), 253, "every lead once");
        assert_eq!(shown.last().map(String::as_str), Some("CL-0"));
        assert!(reads <= 10, "{reads} reads for 253 leads");
    }

    #[test]
    fn outcomes_go_in_bulk_and_a_refusal_brings_the_leads_back() {
        let all = store();
        let start = Instant::now();
        let mut desk = Desk::new(vec!["new".into()], QueueOrder::OldestFirst, start);
        read(&mut desk, &all, start);
        read(&mut desk, &all, start);
        for _ in 0..BATCH - 1 {
            desk.decide("confirmed", start);
        }
        assert_eq!(desk.update_to_send(start), None, "waits for more");
        desk.decide("cancelled", start);
        let changes = desk
            .update_to_send(start)
            .expect("ten outcomes go together");
        assert_eq!(changes.len(), BATCH);
        assert_eq!(changes[0].reference, "LD-0");
        assert_eq!(changes[9].status, "cancelled");
        let refused = ApiError::Server {
            status: 500,
            message: "boom".into(),
        };
        desk.sent(Err(refused), start);
        let card = desk.current().unwrap();
        assert_eq!(card.reference(), "LD-0");
        assert!(card.problem.is_some());
        assert_eq!(card.lead.status.as_deref(), Some("new"));
        assert_eq!(desk.tally(start).handled, 0);

        desk.decide("confirmed", start);
        assert_eq!(desk.update_to_send(start), None);
        let later = start + FLUSH_AFTER;
        assert_eq!(
            desk.update_to_send(later).map(|c| c.len()),
            Some(1),
            "sent alone after a pause"
        );
        let wait = ApiError::RateLimited {
            retry_after: Some(Duration::from_secs(30)),
            message: String::new(),
        };
        desk.sent(Err(wait), later);
        assert_eq!(
            desk.current().unwrap().reference(),
            "LD-1",
            "the merchant goes on"
        );
        assert_eq!(desk.wait_left(later), Some(Duration::from_secs(30)));
        assert_eq!(desk.update_to_send(later + Duration::from_secs(29)), None);
        let again = desk
            .update_to_send(later + Duration::from_secs(30))
            .unwrap();
        assert_eq!(again[0].reference, "LD-0", "kept through the 429");
        desk.sent(Ok(()), later + Duration::from_secs(30));
        assert_eq!(desk.outcomes_in_flight(), 0);
    }

    #[test]
    fn statuses_chosen_mid_session_change_the_queue_and_keep_the_outcomes() {
        let all = store();
        let now = Instant::now();
        let mut desk = Desk::new(vec!["new".into()], QueueOrder::OldestFirst, now);
        read(&mut desk, &all, now);
        read(&mut desk, &all, now);
        for _ in 0..31 {
            desk.decide("confirmed", now);
        }
        // A page of `new` is on its way when the merchant changes the statuses.
        let in_flight = desk.page_to_read(now).expect("reads ahead");
        desk.set_statuses(queue_order(["call_later"]));
        assert_eq!(desk.current(), None, "the new leads left the queue");
        desk.take_page(&in_flight, Ok(page(&all, &in_flight)), now);
        assert_eq!(desk.current(), None, "the stale page is not taken");
        read(&mut desk, &all, now);
        assert_eq!(desk.current().unwrap().reference(), "CL-2");
        assert_eq!(desk.queue_size(), 3);
        assert_eq!(desk.tally(now).handled, 31);
        assert_eq!(desk.outcomes_in_flight(), 31, "the outcomes still go");

        desk.set_statuses(queue_order(["call_later", "new"]));
        assert_eq!(desk.statuses(), ["new", "call_later"]);
        let mut shown = HashSet::new();
        let mut reads = 0;
        while !desk.finished() {
            if read(&mut desk, &all, now) {
                reads += 1;
            }
            if let Some(card) = desk.current() {
                assert!(shown.insert(card.reference().to_string()), "each lead once");
                desk.decide("confirmed", now);
            }
            assert!(reads < 40, "the desk keeps reading");
        }
        // The 31 handled before stay handled; the new leads put back come again.
        assert_eq!(shown.len(), 250 - 31 + 3);
    }

    #[test]
    fn only_a_lead_that_may_have_changed_is_worth_its_history() {
        let card = |status: &str, created: Option<&str>, updated: Option<&str>| Card {
            lead: Lead {
                created_at: created.map(str::to_string),
                updated_at: updated.map(str::to_string),
                ..lead("LD-1", status)
            },
            problem: None,
        };
        let at = Some("2026-11-28T09:00:00Z");
        let later = Some("2026-11-28T10:00:00Z");
        assert!(!card("new", at, at).may_have_history());
        assert!(!card("new", at, None).may_have_history());
        assert!(card("new", at, later).may_have_history());
        assert!(card("call_later", at, at).may_have_history());
        assert!(card("no_reply", None, None).may_have_history());
    }

    #[test]
    fn queue_order_puts_new_first_and_drops_unknown_statuses() {
        assert_eq!(
            queue_order(["call_later", "nonsense", "no_reply", "new", "new"]),
            ["new", "no_reply", "call_later"]
        );
    }

    #[test]
    fn undo_takes_back_an_unsent_outcome_or_reverses_a_sent_one() {
        let all = store();
        let now = Instant::now();
        let mut desk = Desk::new(vec!["new".into()], QueueOrder::OldestFirst, now);
        read(&mut desk, &all, now);
        read(&mut desk, &all, now);
        assert_eq!(desk.queue_size(), 250);
        desk.decide("confirmed", now);
        assert_eq!(desk.queue_size(), 249);
        desk.undo(now);
        assert_eq!(desk.queue_size(), 250);
        assert_eq!(desk.current().unwrap().reference(), "LD-0");
        assert_eq!(desk.outcomes_in_flight(), 0, "never sent");
        desk.decide("wrong_number", now);
        let sent = desk.update_to_send(now + FLUSH_AFTER).unwrap();
        assert_eq!(sent[0].status, "wrong_number");
        desk.sent(Ok(()), now + FLUSH_AFTER);
        desk.undo(now + FLUSH_AFTER);
        assert_eq!(desk.current().unwrap().reference(), "LD-0");
        let back = desk
            .update_to_send(now + FLUSH_AFTER)
            .expect("the reversal goes at once");
        assert_eq!(
            (back[0].reference.as_str(), back[0].status.as_str()),
            ("LD-0", "new")
        );
    }
}
