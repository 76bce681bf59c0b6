//! The sandbox's in-memory data: accounts with their catalogue, leads, orders, status
//! histories, seller lists (stock, invoices, sourcing requests) and batches, and the
//! tokens that open them. Everything a request changes
//! happens under one lock, so every request sees a consistent store.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, SecondsFormat, Utc};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde_json::Value;

use crate::api::endpoints::Listing;
use crate::api::seller::{Invoice, Listed, Sourcing, SourcingCreated, Stock};
use crate::api::statuses::{LEAD_STATUSES, ORDER_STATUSES};
use crate::api::wire::{BatchStatus, History, Lead, Order, Product};
use crate::api::{Leads, Orders, Resource, Scope};

/// Index of an account in the store.
pub type AccountId = usize;

/// What a token opens.
#[derive(Debug, Clone)]
pub struct TokenGrant {
    pub account: AccountId,
    pub scopes: HashSet<Scope>,
}

/// One merchant account.
#[derive(Debug, Default)]
pub struct Account {
    pub products: Vec<Product>,
    /// Oldest first; lists are served newest first.
    pub leads: Vec<Lead>,
    pub orders: Vec<Order>,
    pub lead_histories: Vec<History>,
    pub order_histories: Vec<History>,
    /// One product in one warehouse each; oldest first, like the lists below.
    pub stocks: Vec<Stock>,
    pub invoices: Vec<Invoice>,
    pub sourcings: Vec<Sourcing>,
}

impl Account {
    pub fn skus(&self) -> HashSet<String> {
        self.products.iter().filter_map(|p| p.sku.clone()).collect()
    }
}

/// An async create queued by a 202.
#[derive(Debug, Clone)]
pub struct Batch {
    pub account: AccountId,
    pub items: Vec<Value>,
    pub status: BatchStatus,
}

/// The whole sandbox state.
#[derive(Debug)]
pub struct Store {
    pub accounts: Vec<Account>,
    pub tokens: HashMap<String, TokenGrant>,
    pub batches: HashMap<String, Batch>,
    next_lead_number: u64,
    next_order_number: u64,
    next_history_id: u64,
    /// The last id given in each seller list. Ids are the server's, not an account's: one
    /// id names one product (one stock row, one invoice…) of one account.
    listed_ids: HashMap<Listing, u64>,
    ids: StdRng,
}

/// ISO-8601 UTC, second precision, `Z` suffix.
pub fn timestamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// The fields list, show, search and status changes need, on both record kinds.
pub trait StoredRecord {
    fn reference(&self) -> Option<&str>;
    fn status(&self) -> Option<&str>;
    fn created_at(&self) -> Option<&str>;
    /// Sets the status and `updated_at`.
    fn set_status(&mut self, status: &str, now: &str);
    /// Case-insensitive match on reference, name, phone or city.
    fn matches(&self, needle_lowercase: &str) -> bool;
    /// Gives a freshly decoded create item its identity and timestamps.
    fn stamp(&mut self, id: String, reference: String, status: &str, now: &str);
}

macro_rules! stored_record {
    ($record:ty) => {
        impl StoredRecord for $record {
            fn reference(&self) -> Option<&str> {
                self.reference.as_deref()
            }

            fn status(&self) -> Option<&str> {
                self.status.as_deref()
            }

            fn created_at(&self) -> Option<&str> {
                self.created_at.as_deref()
            }

            fn set_status(&mut self, status: &str, now: &str) {
                self.status = Some(status.to_string());
                self.updated_at = Some(now.to_string());
            }

            fn matches(&self, needle_lowercase: &str) -> bool {
                [&self.reference, &self.full_name, &self.phone, &self.city]
                    .into_iter()
                    .flatten()
                    .any(|field| field.to_lowercase().contains(needle_lowercase))
            }

            fn stamp(&mut self, id: String, reference: String, status: &str, now: &str) {
                self.id = Some(id);
                self.reference = Some(reference);
                self.status = Some(status.to_string());
                self.created_at = Some(now.to_string());
                self.updated_at = Some(now.to_string());
            }
        }
    };
}

stored_record!(Lead);
stored_record!(Order);

/// Where each record kind lives in an account, and its statuses.
pub trait StoredResource: Resource<Record: StoredRecord> {
    /// Statuses a record may be given (api-contract.md §6 "Statuses").
    const STATUSES: &'static [&'static str];
    fn records(account: &Account) -> &Vec<Self::Record>;
    fn records_mut(account: &mut Account) -> &mut Vec<Self::Record>;
    fn histories(account: &Account) -> &Vec<History>;
    fn histories_mut(account: &mut Account) -> &mut Vec<History>;
    /// A history entry pointing at `reference` with the right key.
    fn history_for(reference: &str) -> History;
    fn next_reference(store: &mut Store) -> String;
}

impl StoredResource for Leads {
    const STATUSES: &'static [&'static str] = LEAD_STATUSES;

    fn records(account: &Account) -> &Vec<Lead> {
        &account.leads
    }
    fn records_mut(account: &mut Account) -> &mut Vec<Lead> {
        &mut account.leads
    }
    fn histories(account: &Account) -> &Vec<History> {
        &account.lead_histories
    }
    fn histories_mut(account: &mut Account) -> &mut Vec<History> {
        &mut account.lead_histories
    }
    fn history_for(reference: &str) -> History {
        History {
            lead_reference: Some(reference.to_string()),
            ..History::default()
        }
    }
    fn next_reference(store: &mut Store) -> String {
        store.next_lead_number += 1;
        format!("LD-{}", store.next_lead_number)
    }
}

impl StoredResource for Orders {
    const STATUSES: &'static [&'static str] = ORDER_STATUSES;

    fn records(account: &Account) -> &Vec<Order> {
        &account.orders
    }
    fn records_mut(account: &mut Account) -> &mut Vec<Order> {
        &mut account.orders
    }
    fn histories(account: &Account) -> &Vec<History> {
        &account.order_histories
    }
    fn histories_mut(account: &mut Account) -> &mut Vec<History> {
        &mut account.order_histories
    }
    fn history_for(reference: &str) -> History {
        History {
            order_reference: Some(reference.to_string()),
            ..History::default()
        }
    }
    fn next_reference(store: &mut Store) -> String {
        store.next_order_number += 1;
        format!("OR-{}", store.next_order_number)
    }
}

/// A seller list's items as an account keeps them (oldest first) and as its routes serve
/// them: a list item leaves out what only the show gives.
pub trait StoredListing: Listed {
    /// What `search` looks in (`None`: the list takes no search, and ignores one).
    const SEARCH: Option<&'static str> = None;
    /// Whether the list is served in the sandbox's list order (the catalogue keeps its
    /// own: by id).
    const BY_AGE: bool = true;
    fn items(account: &Account) -> &Vec<Self>;
    fn items_mut(account: &mut Account) -> &mut Vec<Self>;
    fn set_id(&mut self, id: String);
    /// The item as a list shows it.
    fn listed(&self) -> Self;
    /// Whether `search` finds it (only asked when [`StoredListing::SEARCH`] is some).
    fn matches(&self, _needle_lowercase: &str) -> bool {
        true
    }
}

/// Where an account keeps a seller list's items, and the id each is given.
macro_rules! kept_in {
    ($field:ident) => {
        fn items(account: &Account) -> &Vec<Self> {
            &account.$field
        }
        fn items_mut(account: &mut Account) -> &mut Vec<Self> {
            &mut account.$field
        }
        fn set_id(&mut self, id: String) {
            self.id = Some(id);
        }
    };
}

/// Whether one of `fields` contains the (lowercase) needle, ignoring case.
fn any_contains(fields: [&Option<String>; 2], needle_lowercase: &str) -> bool {
    fields
        .into_iter()
        .flatten()
        .any(|field| field.to_lowercase().contains(needle_lowercase))
}

impl StoredListing for Product {
    const SEARCH: Option<&'static str> = Some("Name or SKU containing this text.");
    const BY_AGE: bool = false;
    kept_in!(products);
    fn listed(&self) -> Self {
        Product::listed(self)
    }
    fn matches(&self, needle_lowercase: &str) -> bool {
        any_contains([&self.name, &self.sku], needle_lowercase)
    }
}

impl StoredListing for Stock {
    const SEARCH: Option<&'static str> = Some("Product name or SKU containing this text.");
    kept_in!(stocks);
    fn listed(&self) -> Self {
        Stock {
            created_at: None,
            updated_at: None,
            ..self.clone()
        }
    }
    fn matches(&self, needle_lowercase: &str) -> bool {
        any_contains([&self.product_name, &self.product_sku], needle_lowercase)
    }
}

impl StoredListing for Invoice {
    kept_in!(invoices);
    fn listed(&self) -> Self {
        Invoice {
            updated_at: None,
            ..self.clone()
        }
    }
}

impl StoredListing for Sourcing {
    kept_in!(sourcings);
    fn listed(&self) -> Self {
        Sourcing {
            updated_at: None,
            ..self.clone()
        }
    }
}

/// What `search` looks in on `listing` (`None`: it takes no search).
pub fn search_of(listing: Listing) -> Option<&'static str> {
    match listing {
        Listing::Products => Product::SEARCH,
        Listing::Stocks => Stock::SEARCH,
        Listing::Invoices => Invoice::SEARCH,
        Listing::Sourcings => Sourcing::SEARCH,
    }
}

/// How many items the account holds in `listing`.
pub fn listed_count(account: &Account, listing: Listing) -> usize {
    match listing {
        Listing::Products => account.products.len(),
        Listing::Stocks => account.stocks.len(),
        Listing::Invoices => account.invoices.len(),
        Listing::Sourcings => account.sourcings.len(),
    }
}

/// The reference prefixes of invoices (`INV-00001`) and sourcing requests (`SRC-00001`),
/// numbered per account.
pub const INVOICE_PREFIX: &str = "INV-";
pub const SOURCING_PREFIX: &str = "SRC-";

/// `INV-00042`: the prefix and the number on five digits.
pub fn numbered(prefix: &str, number: usize) -> String {
    format!("{prefix}{number:05}")
}

/// The range a reference's first number is drawn from after seeding: above the seeded
/// demo references (`LD-100001`…), wide enough that two runs seldom overlap.
const FIRST_DRAWN_REFERENCE: u64 = 1_000_000;
const LAST_DRAWN_REFERENCE: u64 = 1_000_000_000;

impl Store {
    /// An empty store whose ids are drawn from `seed`.
    pub fn new(seed: u64) -> Self {
        Store {
            accounts: Vec::new(),
            tokens: HashMap::new(),
            batches: HashMap::new(),
            next_lead_number: 100_000,
            next_order_number: 200_000,
            next_history_id: 0,
            listed_ids: HashMap::new(),
            ids: StdRng::seed_from_u64(seed ^ 0x5eed),
        }
    }

    /// Draws the ids and references made from now on from the operating system's
    /// randomness. The demo data is seeded (the same seed, the same store), but what the
    /// server creates must not repeat across restarts: a client that remembers a batch id
    /// or a reference from the last run (a journal, a reconciliation) would find another
    /// record under it. References keep their shape (`LD-…`, `OR-…`, digits), numbered on
    /// from a random start far above the seeded ones.
    pub fn draw_ids_from_os(&mut self) {
        self.ids = StdRng::from_os_rng();
        let mut os = StdRng::from_os_rng();
        self.next_lead_number = self
            .next_lead_number
            .max(os.random_range(FIRST_DRAWN_REFERENCE..LAST_DRAWN_REFERENCE));
        self.next_order_number = self
            .next_order_number
            .max(os.random_range(FIRST_DRAWN_REFERENCE..LAST_DRAWN_REFERENCE));
    }

    pub fn add_account(&mut self) -> AccountId {
        self.accounts.push(Account::default());
        self.accounts.len() - 1
    }

    pub fn grant(&mut self, token: &str, account: AccountId, scopes: &[Scope]) {
        self.tokens.insert(
            token.to_string(),
            TokenGrant {
                account,
                scopes: scopes.iter().copied().collect(),
            },
        );
    }

    /// Puts `items` in one of the account's seller lists, after those it holds, each under
    /// a new server-wide id.
    pub fn add_listed<T: StoredListing>(&mut self, account: AccountId, items: Vec<T>) {
        let last = self.listed_ids.entry(T::LISTING).or_default();
        let first = *last + 1;
        *last += items.len() as u64;
        if let Some(target) = self.accounts.get_mut(account) {
            T::items_mut(target).extend((first..).zip(items).map(|(id, mut item)| {
                item.set_id(id.to_string());
                item
            }));
        }
    }

    /// Records a sourcing request sent by a client: `pending`, numbered after the
    /// account's others.
    pub fn add_sourcing(
        &mut self,
        account: AccountId,
        name: String,
        quantity: Option<i64>,
        at: DateTime<Utc>,
    ) -> Option<SourcingCreated> {
        let number = self.accounts.get(account)?.sourcings.len() + 1;
        let now = timestamp(at);
        let sourcing = Sourcing {
            reference: Some(numbered(SOURCING_PREFIX, number)),
            status: Some("pending".into()),
            created_at: Some(now.clone()),
            name: Some(name),
            quantity,
            updated_at: Some(now),
            ..Sourcing::default()
        };
        self.add_listed(account, vec![sourcing]);
        let added = self.accounts.get(account)?.sourcings.last()?;
        Some(SourcingCreated {
            id: added.id.clone(),
            reference: added.reference.clone(),
        })
    }

    /// A ULID whose time part is `at`.
    pub fn new_id(&mut self, at: DateTime<Utc>) -> String {
        let millis = at.timestamp_millis().max(0) as u64;
        ulid::Ulid::from_parts(millis, self.ids.random()).to_string()
    }

    /// A `batch_<uuid>` id.
    pub fn new_batch_id(&mut self) -> String {
        let uuid = uuid::Builder::from_random_bytes(self.ids.random()).into_uuid();
        format!("batch_{uuid}")
    }

    /// Stores one validated create item as a new record with status `new`.
    pub fn create<R: StoredResource>(
        &mut self,
        account: AccountId,
        item: Value,
        at: DateTime<Utc>,
    ) -> Option<String> {
        let mut record: R::Record = serde_json::from_value(item).ok()?;
        let id = self.new_id(at);
        let reference = R::next_reference(self);
        record.stamp(id, reference.clone(), "new", &timestamp(at));
        R::records_mut(self.accounts.get_mut(account)?).push(record);
        Some(reference)
    }

    /// Stores an already built record as a new one with status `new` (seeding in bulk,
    /// without a JSON round trip per record).
    pub fn add_record<R: StoredResource>(
        &mut self,
        account: AccountId,
        mut record: R::Record,
        at: DateTime<Utc>,
    ) -> Option<String> {
        let id = self.new_id(at);
        let reference = R::next_reference(self);
        record.stamp(id, reference.clone(), "new", &timestamp(at));
        R::records_mut(self.accounts.get_mut(account)?).push(record);
        Some(reference)
    }

    /// Changes a record's status and appends the history entry.
    pub fn change_status<R: StoredResource>(
        &mut self,
        account: AccountId,
        reference: &str,
        status: &str,
        changed_by: &str,
        at: DateTime<Utc>,
    ) -> Option<R::Record> {
        let now = timestamp(at);
        self.next_history_id += 1;
        let history_id = self.next_history_id;
        let account = self.accounts.get_mut(account)?;
        let record = R::records_mut(account)
            .iter_mut()
            .find(|record| record.reference() == Some(reference))?;
        let old_status = record.status().map(str::to_string);
        record.set_status(status, &now);
        let updated = record.clone();
        R::histories_mut(account).push(History {
            id: Some(history_id.to_string()),
            old_status,
            new_status: Some(status.to_string()),
            changed_by: Some(changed_by.to_string()),
            changed_at: Some(now),
            ..R::history_for(reference)
        });
        Some(updated)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn ids_and_references_drawn_from_the_os_differ_between_two_runs_of_one_seed() {
        let run = || {
            let mut store = Store::new(7);
            let account = store.add_account();
            store.draw_ids_from_os();
            let item = json!({"full_name": "Amina", "phone": "0612345678"});
            let lead = store.create::<Leads>(account, item, Utc::now()).unwrap();
            (lead, store.new_batch_id())
        };
        let (first, second) = (run(), run());
        assert_ne!(first.0, second.0, "lead references");
        assert_ne!(first.1, second.1, "batch ids");
        assert!(first.0.starts_with("LD-") && first.0[3..].chars().all(|c| c.is_ascii_digit()));
        assert!(first.0[3..].parse::<u64>().unwrap() > 1_000_000);
        assert!(first.1.starts_with("batch_") && first.1.len() == "batch_".len() + 36);
    }

    #[test]
    fn seller_ids_are_the_servers_and_references_the_accounts() {
        let mut store = Store::new(7);
        let (one, two) = (store.add_account(), store.add_account());
        store.add_listed(one, vec![Invoice::default(), Invoice::default()]);
        store.add_listed(two, vec![Invoice::default()]);
        store.add_listed(two, vec![Product::default()]);
        assert_eq!(store.accounts[two].invoices[0].id.as_deref(), Some("3"));
        assert_eq!(store.accounts[two].products[0].id.as_deref(), Some("1"));
        let now = Utc::now();
        let first = store.add_sourcing(one, "Tajine".into(), None, now).unwrap();
        let second = store
            .add_sourcing(two, "Tajine".into(), Some(5), now)
            .unwrap();
        assert_eq!(
            (first.id.as_deref(), first.reference.as_deref()),
            (Some("1"), Some("SRC-00001"))
        );
        assert_eq!(
            (second.id.as_deref(), second.reference.as_deref()),
            (Some("2"), Some("SRC-00001"))
        );
        let stored = &store.accounts[two].sourcings[0];
        assert_eq!(stored.status.as_deref(), Some("pending"));
        assert_eq!(stored.quantity, Some(5));
        assert_eq!(listed_count(&store.accounts[one], Listing::Invoices), 2);
        assert_eq!(stored.listed().updated_at, None);
    }

    #[test]
    fn create_and_change_status_keep_history() {
        let mut store = Store::new(7);
        let account = store.add_account();
        let now = Utc::now();
        let reference = store
            .create::<Leads>(
                account,
                json!({"full_name": "Amina", "phone": "0612345678"}),
                now,
            )
            .unwrap();
        assert_eq!(reference, "LD-100001");
        let updated = store
            .change_status::<Leads>(account, &reference, "confirmed", "api", now)
            .unwrap();
        assert_eq!(updated.status.as_deref(), Some("confirmed"));
        let history = &store.accounts[account].lead_histories[0];
        assert_eq!(history.old_status.as_deref(), Some("new"));
        assert_eq!(history.reference(), Some("LD-100001"));
        assert!(
            store
                .change_status::<Leads>(account, "LD-404", "confirmed", "api", now)
                .is_none()
        );
    }
}
