//! Deterministic demo data, dated back from the sandbox's clock: the same seed always
//! gives the same catalogue, leads, orders and histories at the same distances from the
//! moment the sandbox opened, so screenshots and tests are repeatable and a dashboard of
//! "the last 30 days" is full whenever it is opened. Names, phones and cities look like a
//! Moroccan shop's, in Latin and Arabic script. The data is shaped for the screens that
//! read it: returns differ by city and by product (the rankings of what comes back), the
//! desk's pace and the confirmation rate differ by day (the trends), a few customers come
//! back (some after a returned parcel) and a few leads are sent twice (the desk's
//! warnings), and the last day and a half is still mostly `new` (the morning's calls).

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, SubsecRound, Utc};
use rand::distr::Distribution;
use rand::distr::weighted::WeightedIndex;
use rand::rngs::StdRng;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};

use crate::api::wire::{CustomField, Lead, Order, Product, ProductLine};
use crate::api::{Leads, Orders};

use super::store::{AccountId, Store, StoredRecord, StoredResource, timestamp};
use crate::api::statuses::{LEAD_STATUSES, ORDER_STATUSES};

/// How much demo data an account gets.
#[derive(Debug, Clone, Copy)]
pub struct SeedSize {
    pub products: usize,
    pub leads: usize,
    pub orders: usize,
}

/// The demo account: ≥ 300 leads and ≥ 200 orders, every status present. The counts are
/// the tests' too (the newest lead is `LD-100320`, the oldest `LD-100001`).
pub const DEMO: SeedSize = SeedSize {
    products: 24,
    leads: 320,
    orders: 220,
};

/// The second account, whose records must answer 404 to the demo token.
pub const OTHER: SeedSize = SeedSize {
    products: 3,
    leads: 6,
    orders: 4,
};

/// How far back the demo records go: the dashboard's last 30 days are full, with two
/// weeks before them to compare with.
const WINDOW_DAYS: i64 = 45;
const HOUR: i64 = 3_600;
const DAY: i64 = 24 * HOUR;
/// The newest record is at least this old (seconds) when the sandbox opens: nothing is
/// created, and nothing changes, in the sandbox's future.
const NEWEST_AGE: i64 = 5 * 60;
/// Leads younger than this are the morning's call queue: most are still `new`.
const QUEUE_AGE: i64 = 36 * HOUR;

const FIRST_NAMES: &[&str] = &[
    "Amina",
    "Youssef",
    "Fatima Zahra",
    "Mohamed",
    "Khadija",
    "Omar",
    "Salma",
    "Hamza",
    "Imane",
    "Mehdi",
    "Nadia",
    "Karim",
    "Sara",
    "Ayoub",
    "Hajar",
    "Anas",
    "محمد",
    "فاطمة",
    "يوسف",
    "خديجة",
];
const LAST_NAMES: &[&str] = &[
    "Alaoui",
    "Bennani",
    "El Idrissi",
    "Tazi",
    "Berrada",
    "Chraibi",
    "Amrani",
    "Fassi",
    "Ouazzani",
    "Benjelloun",
    "Lahlou",
    "Naciri",
    "العلوي",
    "بناني",
    "الإدريسي",
];
/// A city of the shop's customers.
struct City {
    name: &'static str,
    areas: &'static [&'static str],
    /// How many of the customers live there, against the other cities.
    weight: u32,
    /// The share of its parcels that come back (of those delivered or returned), before
    /// the products' own part: two cities far from the warehouse come back much more.
    returns: f64,
}

const CITIES: &[City] = &[
    City {
        name: "Casablanca",
        areas: &["Maârif", "Sidi Maârouf", "Ain Chock", "Hay Hassani"],
        weight: 28,
        returns: 0.05,
    },
    City {
        name: "Rabat",
        areas: &["Agdal", "Hassan", "Souissi"],
        weight: 12,
        returns: 0.07,
    },
    City {
        name: "Marrakech",
        areas: &["Guéliz", "Médina", "Hivernage"],
        weight: 10,
        returns: 0.08,
    },
    City {
        name: "Fès",
        areas: &["Saïss", "Atlas"],
        weight: 8,
        returns: 0.09,
    },
    City {
        name: "Tanger",
        areas: &["Malabata", "Iberia"],
        weight: 8,
        returns: 0.08,
    },
    City {
        name: "Agadir",
        areas: &["Talborjt", "Dakhla"],
        weight: 6,
        returns: 0.08,
    },
    City {
        name: "Meknès",
        areas: &["Hamria"],
        weight: 5,
        returns: 0.08,
    },
    City {
        name: "Oujda",
        areas: &["Lazaret"],
        weight: 10,
        returns: 0.33,
    },
    City {
        name: "Kénitra",
        areas: &["Maamora"],
        weight: 9,
        returns: 0.31,
    },
    City {
        name: "الدار البيضاء",
        areas: &["المعاريف"],
        weight: 6,
        returns: 0.05,
    },
];

const STREETS: &[&str] = &[
    "Rue Ibn Battouta",
    "Boulevard Zerktouni",
    "Avenue Mohammed V",
    "Rue Allal Ben Abdellah",
    "Derb Sidi Bouloukat",
    "Avenue Hassan II",
    "زنقة ابن سينا",
];

/// A product of the catalogue (the demo's SKUs are `{code}-{100 + index}`, the
/// tests' `ARG-100` among them).
struct Item {
    code: &'static str,
    name: &'static str,
    price: f64,
    /// How often it is ordered, against the others: a shop has its best sellers.
    popularity: f64,
    /// How much more often a parcel holding it comes back (added to its city's share):
    /// a watch and a caftan ("not as in the photo", the wrong size) come back much more
    /// than soap.
    returns: f64,
}

const PRODUCTS: &[Item] = &[
    item("ARG", "Huile d'argan 100 ml", 149.0, 10.0, 0.0),
    item("SAV", "Savon noir beldi", 45.0, 6.0, -0.03),
    item("GHS", "Ghassoul naturel", 39.5, 4.0, 0.0),
    item("CAF", "Caftan brodé", 890.0, 6.0, 0.26),
    item("BAB", "Babouches en cuir", 220.0, 4.0, 0.05),
    item("THE", "Théière marocaine", 310.0, 3.0, 0.0),
    item("MON", "Montre connectée", 399.0, 8.0, 0.32),
    item("ECO", "Écouteurs sans fil", 249.0, 5.0, 0.08),
    item("SAC", "Sac à main", 350.0, 4.0, 0.02),
    item("PAR", "Parfum musc 50 ml", 180.0, 5.0, 0.0),
    item("TAP", "Tapis berbère", 1_450.0, 1.0, 0.04),
    item("LAM", "Lampe en cuivre", 275.0, 2.0, 0.0),
];

const fn item(
    code: &'static str,
    name: &'static str,
    price: f64,
    popularity: f64,
    returns: f64,
) -> Item {
    Item {
        code,
        name,
        price,
        popularity,
        returns,
    }
}

/// The desk's agents, who confirm and cancel, and the carriers, who ship and deliver.
const AGENTS: &[&str] = &["agent:salma", "agent:hamza", "agent:imane"];
const CARRIERS: &[&str] = &["carrier:amana", "carrier:ozon"];

/// How many demo customers come back, per lead of the account (none in a small one).
const LEADS_PER_REGULAR: usize = 40;
/// How many of those regulars had a parcel returned before their newest lead, still
/// `new`: the desk's "returned before" warning.
const RETURNED_BEFORE: usize = 3;
/// How many leads were sent twice, per lead of the account.
const LEADS_PER_DUPLICATE: usize = 60;
/// How many of those second leads are still `new`: the desk's "likely duplicate" warning.
const DUPLICATES_ON_THE_DESK: usize = 2;

/// One day of the window (0 = the last 24 hours): how busy it was, how fast the desk
/// called and how many leads it confirmed, so the dashboard's lines move.
struct Day {
    volume: f64,
    /// The typical minutes from a lead's creation to its first call.
    pace: f64,
    /// The share it confirmed of the leads it called and did not leave `new`.
    confirms: f64,
}

fn draw_days(rng: &mut StdRng) -> Vec<Day> {
    (0..WINDOW_DAYS)
        .map(|day| {
            // A growing shop: the last days have about twice the first days' records.
            let recency = 1.0 - day as f64 / WINDOW_DAYS as f64;
            Day {
                volume: (0.7 + recency) * rng.random_range(0.75..1.25),
                pace: rng.random_range(8.0..40.0),
                confirms: rng.random_range(0.12..0.26),
            }
        })
        .collect()
}

fn day_of(days: &[Day], age: i64) -> &Day {
    let index = usize::try_from(age / DAY).unwrap_or(0);
    &days[index.min(days.len() - 1)]
}

/// `count` record ages in seconds, oldest first, spread over the window by its days'
/// volumes.
fn draw_ages(rng: &mut StdRng, days: &[Day], count: usize) -> Vec<i64> {
    let Ok(pick_day) = WeightedIndex::new(days.iter().map(|day| day.volume)) else {
        return vec![NEWEST_AGE; count];
    };
    let mut ages: Vec<i64> = (0..count)
        .map(|_| {
            let day = pick_day.sample(rng) as i64;
            let earliest = if day == 0 { NEWEST_AGE } else { day * DAY };
            rng.random_range(earliest..(day + 1) * DAY)
        })
        .collect();
    ages.sort_unstable_by(|a, b| b.cmp(a));
    ages
}

/// A customer: the name, phone and address every record of theirs carries.
#[derive(Clone)]
struct Customer {
    full_name: String,
    phone: String,
    /// An index in `CITIES`.
    city: usize,
    area: String,
    address: String,
}

fn customer(rng: &mut StdRng) -> Customer {
    let first = FIRST_NAMES.choose(rng).copied().unwrap_or("Amina");
    let last = LAST_NAMES.choose(rng).copied().unwrap_or("Alaoui");
    let city = WeightedIndex::new(CITIES.iter().map(|city| city.weight))
        .map_or(0, |cities| cities.sample(rng));
    let areas = CITIES[city].areas;
    let area = areas.choose(rng).copied().unwrap_or_default();
    let street = STREETS.choose(rng).copied().unwrap_or("Rue Ibn Battouta");
    let address = format!("{} {street}", rng.random_range(1..250));
    Customer {
        full_name: format!("{first} {last}"),
        phone: phone(rng),
        city,
        area: area.to_string(),
        address,
    }
}

/// A record before it is stored: when, whose, what, and the status it is meant to
/// reach (`None`: drawn when its history is).
struct Draft {
    age: i64,
    customer: Customer,
    lines: Vec<ProductLine>,
    status: Option<&'static str>,
    /// Given a part already (a status for the checks, a regular, a duplicate).
    taken: bool,
}

fn drafts(rng: &mut StdRng, ages: Vec<i64>, products: &[Product]) -> Vec<Draft> {
    ages.into_iter()
        .map(|age| Draft {
            age,
            customer: customer(rng),
            lines: lines(rng, products, 3),
            status: None,
            taken: false,
        })
        .collect()
}

/// Every status appears once in the oldest records, whose histories are all in the past
/// (the tests and the dashboard's bars count on each).
fn give_every_status(drafts: &mut [Draft], statuses: &'static [&'static str]) {
    for (draft, status) in drafts.iter_mut().zip(statuses) {
        draft.status = Some(status);
        draft.taken = true;
    }
}

/// A draft not given a part yet whose age `fits`, at random; it is taken.
fn pick(rng: &mut StdRng, drafts: &mut [Draft], fits: impl Fn(i64) -> bool) -> Option<usize> {
    let free: Vec<usize> = (0..drafts.len())
        .filter(|&index| !drafts[index].taken && fits(drafts[index].age))
        .collect();
    let chosen = free.choose(rng).copied()?;
    drafts[chosen].taken = true;
    Some(chosen)
}

/// A status change planned for a record.
struct Step {
    at: DateTime<Utc>,
    status: &'static str,
    by: &'static str,
}

/// A record and the changes it goes through.
struct Planned<T> {
    created: DateTime<Utc>,
    record: T,
    steps: Vec<Step>,
}

/// Fills `account` with demo data drawn from `seed`, dated back from `now` (the
/// sandbox's clock, skew included): the newest record minutes old, the oldest
/// `WINDOW_DAYS` days old. The same seed gives the same records at the same distances
/// from `now`, references in the order of creation.
pub fn seed_account(
    store: &mut Store,
    account: AccountId,
    size: SeedSize,
    seed: u64,
    sku_prefix: &str,
    now: DateTime<Utc>,
) {
    // Whole seconds, as timestamps are: two openings differ by whole seconds only.
    let now = now.trunc_subsecs(0);
    let mut rng = StdRng::seed_from_u64(seed.wrapping_add(account as u64));
    let products = catalogue(&mut rng, size.products, sku_prefix, now);
    store.add_listed(account, products.clone());
    let days = draw_days(&mut rng);
    let regulars: Vec<Customer> = (0..size.leads / LEADS_PER_REGULAR)
        .map(|_| customer(&mut rng))
        .collect();
    let leads = plan_leads(&mut rng, &products, size.leads, &days, &regulars, now);
    store_planned::<Leads>(store, account, leads, now);
    let orders = plan_orders(&mut rng, &products, size.orders, &days, &regulars, now);
    store_planned::<Orders>(store, account, orders, now);
}

/// Stores the records oldest first (so references follow creation, as a server's do),
/// then their changes in the order they happened, each with its history entry. A change
/// after `now` is not made: the record keeps the status it had before.
fn store_planned<R: StoredResource>(
    store: &mut Store,
    account: AccountId,
    mut plans: Vec<Planned<R::Record>>,
    now: DateTime<Utc>,
) {
    plans.sort_by_key(|plan| plan.created);
    let mut changes = Vec::new();
    for plan in plans {
        let Some(reference) = store.add_record::<R>(account, plan.record, plan.created) else {
            continue;
        };
        changes.extend(
            plan.steps
                .into_iter()
                .take_while(|step| step.at <= now)
                .map(|step| (reference.clone(), step)),
        );
    }
    // Stable: one record's changes keep their order.
    changes.sort_by_key(|(_, step)| step.at);
    for (reference, step) in changes {
        store.change_status::<R>(account, &reference, step.status, step.by, step.at);
    }
}

fn plan_leads(
    rng: &mut StdRng,
    products: &[Product],
    count: usize,
    days: &[Day],
    regulars: &[Customer],
    now: DateTime<Utc>,
) -> Vec<Planned<Lead>> {
    let twice = count / LEADS_PER_DUPLICATE;
    let ages = draw_ages(rng, days, count - twice);
    let mut drafts = drafts(rng, ages, products);
    give_every_status(&mut drafts, LEAD_STATUSES);
    // A regular's lead, now and then an older one too; the first few regulars' (who
    // returned a parcel) is on the desk, still `new`.
    for (index, regular) in regulars.iter().enumerate() {
        let fits = |age| index >= RETURNED_BEFORE || age < QUEUE_AGE;
        if let Some(chosen) = pick(rng, &mut drafts, fits) {
            drafts[chosen].customer = regular.clone();
            if index < RETURNED_BEFORE {
                drafts[chosen].status = Some("new");
            }
        }
        if rng.random_bool(0.5)
            && let Some(chosen) = pick(rng, &mut drafts, |age| age >= 7 * DAY)
        {
            drafts[chosen].customer = regular.clone();
        }
    }
    // The same phone and products again, 20 minutes to two days later: still `new` on
    // the desk for the first few, marked `duplicate` by the desk for the others.
    for index in 0..twice {
        let on_the_desk = index < DUPLICATES_ON_THE_DESK;
        let fits = |age| {
            if on_the_desk {
                (4 * HOUR..48 * HOUR).contains(&age)
            } else {
                age >= 4 * DAY
            }
        };
        let Some(first) = pick(rng, &mut drafts, fits) else {
            continue;
        };
        let original = &drafts[first];
        let age = if on_the_desk {
            rng.random_range(NEWEST_AGE..original.age - HOUR)
        } else {
            original.age - rng.random_range(20 * 60..2 * DAY)
        };
        let mut lines = original.lines.clone();
        if let Some(line) = lines.first_mut() {
            let quantity = rng.random_range(1..=3);
            line.quantity = Some(quantity);
            line.total = line.price.map(|unit| unit * quantity as f64);
        }
        drafts.push(Draft {
            age,
            customer: original.customer.clone(),
            lines,
            status: Some(if on_the_desk { "new" } else { "duplicate" }),
            taken: true,
        });
    }
    drafts
        .into_iter()
        .map(|draft| {
            let day = day_of(days, draft.age);
            let status = draft
                .status
                .unwrap_or_else(|| lead_outcome(rng, draft.age, day));
            let created = now - Duration::seconds(draft.age);
            let steps = lead_steps(rng, created, status, day);
            let lead = lead_of(rng, &draft.customer, draft.lines);
            Planned {
                created,
                record: lead,
                steps,
            }
        })
        .collect()
}

/// Where a lead ends: most of the last day and a half's still to call, a backlog of
/// older ones never called, and the day's share of the others confirmed.
///
/// The shares keep the demo's proportions of old (about a third `new`, some 40
/// confirmed): the console's tests see every confirmed lead on one page of 50
/// (tests/gui_browse.rs, tests/gui_dashboard.rs) and work through 60 `new` ones on the
/// desk (tests/gui_desk.rs).
fn lead_outcome(rng: &mut StdRng, age: i64, day: &Day) -> &'static str {
    let still_new = if age < QUEUE_AGE {
        0.8
    } else if age < 7 * DAY {
        0.45
    } else {
        0.3
    };
    if rng.random_bool(still_new) {
        return "new";
    }
    if rng.random_bool(day.confirms) {
        return "confirmed";
    }
    [
        ("cancelled", 35),
        ("no_reply", 22),
        ("call_later", 20),
        ("wrong_number", 15),
    ]
    .choose_weighted(rng, |(_, weight)| *weight)
    .map_or("cancelled", |(status, _)| status)
}

/// The desk's calls: most first calls within the hour, at the day's pace (so the
/// median time to a first change moves from day to day), some hours later (a lead of
/// the evening, a busy desk), and a `no_reply` on the way now and then.
fn lead_steps(
    rng: &mut StdRng,
    created: DateTime<Utc>,
    status: &'static str,
    day: &Day,
) -> Vec<Step> {
    if status == "new" {
        return Vec::new();
    }
    let by = AGENTS.choose(rng).copied().unwrap_or("agent");
    let first = if rng.random_bool(0.8) {
        let minutes = (day.pace * rng.random_range(0.4..1.6)).max(5.0);
        (minutes * 60.0) as i64 + rng.random_range(0..60)
    } else {
        rng.random_range(2 * HOUR..16 * HOUR)
    };
    let mut at = created + Duration::seconds(first);
    let mut steps = Vec::new();
    if status != "no_reply" && rng.random_bool(0.3) {
        steps.push(Step {
            at,
            status: "no_reply",
            by,
        });
        at += Duration::seconds(rng.random_range(HOUR..DAY));
    }
    steps.push(Step { at, status, by });
    steps
}

fn plan_orders(
    rng: &mut StdRng,
    products: &[Product],
    count: usize,
    days: &[Day],
    regulars: &[Customer],
    now: DateTime<Utc>,
) -> Vec<Planned<Order>> {
    let ages = draw_ages(rng, days, count);
    let mut drafts = drafts(rng, ages, products);
    give_every_status(&mut drafts, ORDER_STATUSES);
    // Two to four orders per regular; the first few had an old one returned.
    for (index, regular) in regulars.iter().enumerate() {
        if index < RETURNED_BEFORE
            && let Some(chosen) = pick(rng, &mut drafts, |age| age >= 14 * DAY)
        {
            drafts[chosen].customer = regular.clone();
            drafts[chosen].status = Some("returned");
        }
        for _ in 0..rng.random_range(2..=3) {
            if let Some(chosen) = pick(rng, &mut drafts, |_| true) {
                drafts[chosen].customer = regular.clone();
            }
        }
    }
    let mut owed = Owed::default();
    drafts
        .into_iter()
        .map(|draft| {
            let status = draft
                .status
                .unwrap_or_else(|| order_outcome(rng, &draft.customer, &draft.lines, &mut owed));
            let created = now - Duration::seconds(draft.age);
            let steps = order_steps(rng, created, status);
            let order = order_of(rng, &draft.customer, draft.lines);
            Planned {
                created,
                record: order,
                steps,
            }
        })
        .collect()
}

/// The returns each city and each product owe: what their parcels' chances of coming
/// back add up to, less the parcels that came back.
#[derive(Default)]
struct Owed {
    cities: BTreeMap<usize, f64>,
    products: BTreeMap<String, f64>,
}

/// Where an order ends if nothing stops it first: some canceled, the rest delivered or
/// returned, returned as often as its city and its most returned product make it.
///
/// Returns are dealt, not rolled: a parcel comes back when what its city and its product
/// owe passes a jittered threshold. With a dozen or two parcels per city or product,
/// independent dice would often rank a quiet city or soap above a troubled city or a
/// watch; dealt, each rate stays near its own share.
fn order_outcome(
    rng: &mut StdRng,
    customer: &Customer,
    lines: &[ProductLine],
    owed: &mut Owed,
) -> &'static str {
    if rng.random_bool(0.12) {
        return "canceled";
    }
    let (sku, product) = lines
        .iter()
        .filter_map(|line| line.sku.as_deref())
        .map(|sku| (sku, product_returns(sku)))
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .unwrap_or(("", 0.0));
    let chance = (CITIES[customer.city].returns + product.max(0.0)).clamp(0.02, 0.8);
    let city = owed.cities.entry(customer.city).or_default();
    *city += chance;
    let city_owes = *city;
    let product = owed.products.entry(sku.to_string()).or_default();
    *product += chance;
    if (city_owes + *product) / 2.0 >= rng.random_range(0.35..0.65) {
        *product -= 1.0;
        if let Some(city) = owed.cities.get_mut(&customer.city) {
            *city -= 1.0;
        }
        "returned"
    } else {
        "delivered"
    }
}

/// How much more often a parcel holding `sku` comes back (its catalogue code is the part
/// before the number, after any prefix: `OTH-MON-106` is a watch).
fn product_returns(sku: &str) -> f64 {
    let code = catalogue_code(sku);
    PRODUCTS
        .iter()
        .find(|item| item.code == code)
        .map_or(0.0, |item| item.returns)
}

/// A demo SKU's catalogue code: the part before the number, after any prefix
/// (`OTH-MON-106` → `MON`).
pub fn catalogue_code(sku: &str) -> &str {
    sku.rsplit_once('-')
        .map_or(sku, |(code, _)| code)
        .rsplit('-')
        .next()
        .unwrap_or_default()
}

/// An order's way: confirmed within hours, shipped within two days, delivered within
/// four or back within eight; canceled before or after its confirmation.
fn order_steps(rng: &mut StdRng, created: DateTime<Utc>, status: &'static str) -> Vec<Step> {
    let agent = AGENTS.choose(rng).copied().unwrap_or("agent");
    let carrier = CARRIERS.choose(rng).copied().unwrap_or("carrier");
    let mut at = created;
    let mut steps = Vec::new();
    let mut step = |status, by, after: i64| {
        at += Duration::seconds(after);
        steps.push(Step { at, status, by });
    };
    let confirm = rng.random_range(10 * 60..6 * HOUR);
    match status {
        "new" => {}
        "canceled" if rng.random_bool(0.6) => step("canceled", agent, confirm),
        "canceled" => {
            step("confirmed", agent, confirm);
            step("canceled", agent, rng.random_range(HOUR..2 * DAY));
        }
        _ => {
            step("confirmed", agent, confirm);
            if status != "confirmed" {
                step("shipped", carrier, rng.random_range(8 * HOUR..2 * DAY));
            }
            match status {
                "delivered" => step("delivered", carrier, rng.random_range(DAY..4 * DAY)),
                "returned" => step("returned", carrier, rng.random_range(3 * DAY..8 * DAY)),
                _ => {}
            }
        }
    }
    steps
}

/// How far apart the extra leads were created: 10,000 of them span two weeks.
const EXTRA_LEAD_STEP_SECONDS: i64 = 120;

/// Adds `count` leads to `account`, created in the past (two minutes apart, the newest
/// two minutes before `now`, so among the demo leads of the last days), all `new` and
/// without histories: a store of thousands of records in which a client's lookups must
/// still find its own. Built as records, not as JSON create items, so 10,000 take
/// milliseconds. The account's leads are then put back in order of creation, as the
/// store keeps them.
pub fn seed_extra_leads(
    store: &mut Store,
    account: AccountId,
    count: usize,
    seed: u64,
    now: DateTime<Utc>,
) {
    let mut rng = StdRng::seed_from_u64(seed ^ 0xe47a_1ead);
    seed_extra::<Leads>(store, account, count, now, |products| {
        demo_lead(&mut rng, products)
    });
}

/// Adds `count` orders to `account` the way [`seed_extra_leads`] adds leads: a store of
/// thousands of orders for the local copy's sync and search.
pub fn seed_extra_orders(
    store: &mut Store,
    account: AccountId,
    count: usize,
    seed: u64,
    now: DateTime<Utc>,
) {
    let mut rng = StdRng::seed_from_u64(seed ^ 0x0bde_5eed);
    seed_extra::<Orders>(store, account, count, now, |products| {
        let customer = customer(&mut rng);
        let lines = lines(&mut rng, products, 3);
        order_of(&mut rng, &customer, lines)
    });
}

/// `count` records made by `make` from the account's catalogue, two minutes apart up to
/// `now`, then the account's records put back in order of creation.
fn seed_extra<R: StoredResource>(
    store: &mut Store,
    account: AccountId,
    count: usize,
    now: DateTime<Utc>,
    mut make: impl FnMut(&[Product]) -> R::Record,
) {
    if count == 0 {
        return;
    }
    let now = now.trunc_subsecs(0);
    let Some(existing) = store.accounts.get(account) else {
        return;
    };
    let products = existing.products.clone();
    for index in 0..count {
        let at = i64::try_from(count - index)
            .ok()
            .and_then(|back| Duration::try_seconds(EXTRA_LEAD_STEP_SECONDS.checked_mul(back)?))
            .and_then(|back| now.checked_sub_signed(back));
        let record = make(&products);
        // Past the calendar's range (an absurd count): not made.
        let Some(at) = at else {
            continue;
        };
        store.add_record::<R>(account, record, at);
    }
    if let Some(existing) = store.accounts.get_mut(account) {
        // Timestamps of one format sort as text; stable, so ties keep their order.
        R::records_mut(existing).sort_by(|a, b| a.created_at().cmp(&b.created_at()));
    }
}

fn catalogue(rng: &mut StdRng, count: usize, sku_prefix: &str, now: DateTime<Utc>) -> Vec<Product> {
    (0..count)
        .map(|index| {
            let Item {
                code, name, price, ..
            } = PRODUCTS[index % PRODUCTS.len()];
            let variant = index / PRODUCTS.len();
            // In the catalogue before the first demo record.
            let created = now - Duration::days(WINDOW_DAYS + rng.random_range(30..400));
            Product {
                // Given by the store, server-wide.
                id: None,
                name: Some(if variant == 0 {
                    name.to_string()
                } else {
                    format!("{name} (lot de {})", variant + 1)
                }),
                sku: Some(format!("{sku_prefix}{code}-{:03}", 100 + index)),
                price: Some(price * (variant + 1) as f64),
                status: Some(
                    if index % 11 == 10 {
                        "inactive"
                    } else {
                        "active"
                    }
                    .into(),
                ),
                created_at: Some(timestamp(created)),
                // The show's seller fields: `seed_seller`'s.
                ..Product::default()
            }
        })
        .collect()
}

fn phone(rng: &mut StdRng) -> String {
    let prefix = ["06", "07"].choose(rng).copied().unwrap_or("06");
    format!("{prefix}{:08}", rng.random_range(0..100_000_000u32))
}

/// Up to `max_lines` products, most often one (a shop's ad sells one product), the best
/// sellers most often; a "lot de 2" and an inactive product seldom.
fn lines(rng: &mut StdRng, products: &[Product], max_lines: usize) -> Vec<ProductLine> {
    let count = match rng.random_range(0..100) {
        0..82 => 1,
        82..96 => 2,
        _ => 3,
    }
    .min(max_lines)
    .min(products.len());
    let popularity = |index: usize| {
        let item = &PRODUCTS[index % PRODUCTS.len()];
        let lot = if index < PRODUCTS.len() { 1.0 } else { 0.35 };
        let inactive = products[index].status.as_deref() == Some("inactive");
        item.popularity * lot * if inactive { 0.3 } else { 1.0 }
    };
    let Ok(chosen) = rand::seq::index::sample_weighted(rng, products.len(), popularity, count)
    else {
        return Vec::new();
    };
    chosen
        .into_iter()
        .map(|index| {
            let product = &products[index];
            let quantity = rng.random_range(1..=3);
            let unit = product.price.unwrap_or(100.0);
            ProductLine {
                sku: product.sku.clone(),
                quantity: Some(quantity),
                total: Some(unit * quantity as f64),
                price: Some(unit),
            }
        })
        .collect()
}

/// A lead from someone new (the extra leads).
fn demo_lead(rng: &mut StdRng, products: &[Product]) -> Lead {
    let customer = customer(rng);
    let lines = lines(rng, products, 3);
    lead_of(rng, &customer, lines)
}

fn lead_of(rng: &mut StdRng, customer: &Customer, mut products: Vec<ProductLine>) -> Lead {
    for line in &mut products {
        line.price = None;
    }
    let data = if rng.random_bool(0.3) {
        vec![CustomField {
            key: "source".into(),
            value: Some(
                ["facebook", "instagram", "tiktok"]
                    .choose(rng)
                    .copied()
                    .unwrap_or("facebook")
                    .into(),
            ),
        }]
    } else {
        Vec::new()
    };
    Lead {
        full_name: Some(customer.full_name.clone()),
        phone: Some(customer.phone.clone()),
        city: Some(CITIES[customer.city].name.to_string()),
        area: Some(customer.area.clone()),
        address: Some(customer.address.clone()),
        products,
        data,
        ..Lead::default()
    }
}

fn order_of(rng: &mut StdRng, customer: &Customer, mut products: Vec<ProductLine>) -> Order {
    let total = products.iter().filter_map(|l| l.total).sum();
    for line in &mut products {
        line.total = None;
    }
    Order {
        email: rng
            .random_bool(0.4)
            .then(|| format!("client{}@example.ma", rng.random_range(100..999))),
        full_name: Some(customer.full_name.clone()),
        phone: Some(customer.phone.clone()),
        city: Some(CITIES[customer.city].name.to_string()),
        area: Some(customer.area.clone()),
        address: Some(customer.address.clone()),
        shipment_way: Some(rng.random_range(1..=2)),
        is_fees_paid_by_customer: Some(rng.random_bool(0.5)),
        total: Some(total),
        products,
        ..Order::default()
    }
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, HashMap};

    use chrono::TimeZone;

    use super::*;
    use crate::api::wire::History;

    /// A fixed "now": the tests' data does not depend on when they run.
    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 20, 9, 30, 0).unwrap()
    }

    fn parse(text: Option<&str>) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text.unwrap())
            .unwrap()
            .with_timezone(&Utc)
    }

    fn histories_cover(histories: &[History], reference: &str) -> bool {
        histories.iter().any(|h| h.reference() == Some(reference))
    }

    fn seeded_at(seed: u64, now: DateTime<Utc>) -> Store {
        let mut store = Store::new(seed);
        let account = store.add_account();
        seed_account(&mut store, account, DEMO, seed, "", now);
        store
    }

    fn seeded(seed: u64) -> Store {
        seeded_at(seed, now())
    }

    /// Each order's SKUs.
    fn skus(lines: &[ProductLine]) -> Vec<&str> {
        lines
            .iter()
            .filter_map(|line| line.sku.as_deref())
            .collect()
    }

    /// The share returned of the delivered or returned orders, by `key`, where `key`
    /// has at least `enough` of them.
    fn return_rates<'a>(
        orders: &'a [Order],
        keys: impl Fn(&'a Order) -> Vec<&'a str>,
        enough: usize,
    ) -> BTreeMap<&'a str, f64> {
        let mut counts: HashMap<&str, (usize, usize)> = HashMap::new();
        for order in orders {
            let returned = match order.status.as_deref() {
                Some("returned") => 1,
                Some("delivered") => 0,
                _ => continue,
            };
            for key in keys(order) {
                let count = counts.entry(key).or_default();
                count.0 += returned;
                count.1 += 1;
            }
        }
        counts
            .into_iter()
            .filter(|(_, (_, all))| *all >= enough)
            .map(|(key, (returned, all))| (key, returned as f64 / all as f64))
            .collect()
    }

    #[test]
    fn extra_leads_fill_the_past_up_to_now_among_the_demo_ones() {
        let now = Utc::now();
        let mut store = seeded_at(1, now);
        let demo = store.accounts[0].leads.len();
        seed_extra_leads(&mut store, 0, 10_000, 1, now);
        let leads = &store.accounts[0].leads;
        assert_eq!(leads.len(), demo + 10_000);
        let created: Vec<&str> = leads
            .iter()
            .map(|lead| lead.created_at.as_deref().unwrap())
            .collect();
        // Kept oldest first, like every record of the store; and in the past.
        assert!(created.windows(2).all(|pair| pair[0] <= pair[1]));
        assert!(created[created.len() - 1] < timestamp(Utc::now()).as_str());
        let references: std::collections::HashSet<_> =
            leads.iter().map(|lead| lead.reference.clone()).collect();
        assert_eq!(references.len(), leads.len(), "every reference is new");
    }

    #[test]
    fn same_seed_same_data() {
        let (a, b) = (seeded(42), seeded(42));
        assert_eq!(a.accounts[0].leads, b.accounts[0].leads);
        assert_eq!(a.accounts[0].orders, b.accounts[0].orders);
        assert_eq!(a.accounts[0].lead_histories, b.accounts[0].lead_histories);
        assert_ne!(seeded(43).accounts[0].leads, a.accounts[0].leads);
    }

    /// Opened later, the same seed gives the same records, as far from the new "now".
    #[test]
    fn same_seed_same_distances_from_now() {
        let later = now() + Duration::days(3) + Duration::hours(7) + Duration::seconds(13);
        let (a, b) = (seeded_at(7, now()), seeded_at(7, later));
        let shift = later - now();
        let (a, b) = (&a.accounts[0], &b.accounts[0]);
        assert_eq!(a.leads.len(), b.leads.len());
        for (one, other) in a.leads.iter().zip(&b.leads) {
            assert_eq!(one.reference, other.reference);
            assert_eq!((&one.status, &one.phone), (&other.status, &other.phone));
            assert_eq!(one.products, other.products);
            let created = |lead: &Lead| parse(lead.created_at.as_deref());
            assert_eq!(created(other) - created(one), shift);
        }
        for (one, other) in a.order_histories.iter().zip(&b.order_histories) {
            assert_eq!(one.reference(), other.reference());
            assert_eq!(one.new_status, other.new_status);
            let changed = |h: &History| parse(h.changed_at.as_deref());
            assert_eq!(changed(other) - changed(one), shift);
        }
        assert_eq!(a.order_histories.len(), b.order_histories.len());
    }

    #[test]
    fn every_status_and_its_history_is_there() {
        let store = seeded(1);
        let account = &store.accounts[0];
        assert!(account.leads.len() >= 300 && account.orders.len() >= 200);
        for status in LEAD_STATUSES {
            assert!(
                account
                    .leads
                    .iter()
                    .any(|l| l.status.as_deref() == Some(status)),
                "{status}"
            );
        }
        for status in ORDER_STATUSES {
            assert!(
                account
                    .orders
                    .iter()
                    .any(|o| o.status.as_deref() == Some(status)),
                "{status}"
            );
        }
        for lead in account
            .leads
            .iter()
            .filter(|l| l.status.as_deref() != Some("new"))
        {
            assert!(histories_cover(
                &account.lead_histories,
                lead.reference.as_deref().unwrap()
            ));
        }
        for order in account
            .orders
            .iter()
            .filter(|o| o.status.as_deref() != Some("new"))
        {
            assert!(histories_cover(
                &account.order_histories,
                order.reference.as_deref().unwrap()
            ));
        }
    }

    /// The dashboard's last 30 days are full, nothing is dated after the sandbox's
    /// clock, references and history ids follow time, and the desk has a morning's work.
    #[test]
    fn records_fill_the_last_45_days_and_nothing_is_in_the_future() {
        for seed in [1, 2, 3] {
            let store = seeded(seed);
            let account = &store.accounts[0];
            let earliest = now() - Duration::days(WINDOW_DAYS);
            let created: Vec<DateTime<Utc>> = account
                .leads
                .iter()
                .map(|l| parse(l.created_at.as_deref()))
                .chain(
                    account
                        .orders
                        .iter()
                        .map(|o| parse(o.created_at.as_deref())),
                )
                .collect();
            assert!(created.iter().all(|at| *at >= earliest && *at < now()));
            // Every one of the last 30 days has records.
            for day in 0..30 {
                let (from, to) = (now() - Duration::days(day + 1), now() - Duration::days(day));
                assert!(
                    created.iter().any(|at| (from..to).contains(at)),
                    "day {day}"
                );
            }
            for (references, times) in [
                (
                    account
                        .leads
                        .iter()
                        .map(|l| l.reference.clone())
                        .collect::<Vec<_>>(),
                    account
                        .leads
                        .iter()
                        .map(|l| l.created_at.clone())
                        .collect::<Vec<_>>(),
                ),
                (
                    account.orders.iter().map(|o| o.reference.clone()).collect(),
                    account
                        .orders
                        .iter()
                        .map(|o| o.created_at.clone())
                        .collect(),
                ),
            ] {
                assert!(times.windows(2).all(|pair| pair[0] <= pair[1]));
                let numbers: Vec<u64> = references
                    .iter()
                    .map(|r| r.as_deref().unwrap()[3..].parse().unwrap())
                    .collect();
                assert!(numbers.windows(2).all(|pair| pair[0] < pair[1]));
            }
            for (histories, created_of) in [
                (
                    &account.lead_histories,
                    account
                        .leads
                        .iter()
                        .map(|l| (l.reference.clone().unwrap(), l.created_at.clone()))
                        .collect::<HashMap<_, _>>(),
                ),
                (
                    &account.order_histories,
                    account
                        .orders
                        .iter()
                        .map(|o| (o.reference.clone().unwrap(), o.created_at.clone()))
                        .collect(),
                ),
            ] {
                let changed: Vec<DateTime<Utc>> = histories
                    .iter()
                    .map(|h| parse(h.changed_at.as_deref()))
                    .collect();
                assert!(changed.iter().all(|at| *at <= now()));
                assert!(
                    changed.windows(2).all(|pair| pair[0] <= pair[1]),
                    "newest last"
                );
                for entry in histories {
                    let created = parse(created_of[entry.reference().unwrap()].as_deref());
                    assert!(parse(entry.changed_at.as_deref()) > created);
                }
            }
            let new_leads: Vec<&Lead> = account
                .leads
                .iter()
                .filter(|l| l.status.as_deref() == Some("new"))
                .collect();
            let queue_start = now() - Duration::seconds(QUEUE_AGE);
            let fresh = new_leads
                .iter()
                .filter(|l| parse(l.created_at.as_deref()) >= queue_start)
                .count();
            assert!(fresh >= 5, "the last day and a half: {fresh}");
        }
    }

    /// What the console's tests count on: every confirmed lead on one page of 50 and
    /// more than 20 of them (tests/gui_browse.rs, tests/gui_dashboard.rs), 60 `new` leads
    /// and two `call_later` ones for the desk (tests/gui_desk.rs).
    #[test]
    fn the_consoles_tests_find_the_proportions_they_count_on() {
        for seed in [1, 2, 3, 4, 5] {
            let store = seeded(seed);
            let count = |status: &str| {
                store.accounts[0]
                    .leads
                    .iter()
                    .filter(|l| l.status.as_deref() == Some(status))
                    .count()
            };
            let confirmed = count("confirmed");
            assert!((21..=50).contains(&confirmed), "{seed}: {confirmed}");
            assert!(count("new") >= 60, "{seed}: {}", count("new"));
            assert!(count("call_later") >= 2, "{seed}");
        }
    }

    /// "The ten cities and products that come back most" rank something: two cities
    /// (Oujda, Kénitra) and two products (the watch, the caftan) come back far more than
    /// the others.
    #[test]
    fn returns_differ_by_city_and_by_product() {
        for seed in [1, 2, 3] {
            let store = seeded(seed);
            let orders = &store.accounts[0].orders;
            let by_city = return_rates(orders, |o| vec![o.city.as_deref().unwrap()], 8);
            let troubled = by_city["Oujda"].max(by_city["Kénitra"]);
            let quiet = by_city["Casablanca"];
            assert!(
                troubled >= 0.3 && quiet <= 0.2 && troubled - quiet >= 0.15,
                "{seed}: {by_city:?}"
            );
            let by_product = return_rates(orders, |o| skus(&o.products), 10);
            let mut rates: Vec<(f64, &str)> =
                by_product.iter().map(|(sku, rate)| (*rate, *sku)).collect();
            rates.sort_by(|a, b| b.0.total_cmp(&a.0));
            let highest = rates[0].0;
            let median = rates[rates.len() / 2].0;
            assert!(
                highest >= 0.3 && highest >= 1.5 * median,
                "{seed}: {by_product:?}"
            );
            assert!(
                rates[..2]
                    .iter()
                    .any(|(_, sku)| sku.starts_with("MON") || sku.starts_with("CAF")),
                "{seed}: {rates:?}"
            );
        }
    }

    /// The desk's "returned before": a phone with a returned parcel has a newer lead,
    /// still `new`.
    #[test]
    fn a_regular_with_a_returned_parcel_has_a_new_lead_on_the_desk() {
        let store = seeded(1);
        let account = &store.accounts[0];
        let returned_at: HashMap<&str, DateTime<Utc>> = account
            .order_histories
            .iter()
            .filter(|h| h.new_status.as_deref() == Some("returned"))
            .map(|h| (h.reference().unwrap(), parse(h.changed_at.as_deref())))
            .collect();
        let cases = account
            .leads
            .iter()
            .filter(|lead| lead.status.as_deref() == Some("new"))
            .filter(|lead| {
                account.orders.iter().any(|order| {
                    order.phone == lead.phone
                        && returned_at
                            .get(order.reference.as_deref().unwrap())
                            .is_some_and(|at| *at < parse(lead.created_at.as_deref()))
                })
            })
            .count();
        assert!(cases >= 1, "{cases}");
        // And a few phones on several records.
        let mut records_per_phone: HashMap<&str, usize> = HashMap::new();
        for phone in account
            .leads
            .iter()
            .map(|l| l.phone.as_deref().unwrap())
            .chain(account.orders.iter().map(|o| o.phone.as_deref().unwrap()))
        {
            *records_per_phone.entry(phone).or_default() += 1;
        }
        assert!(records_per_phone.values().filter(|n| **n >= 3).count() >= 5);
    }

    /// The desk's "likely duplicate": the same phone with two leads for the same product
    /// within 72 hours, the second still `new`.
    #[test]
    fn a_likely_duplicate_is_on_the_desk() {
        let store = seeded(1);
        let leads = &store.accounts[0].leads;
        let pairs = |still_new: bool| {
            leads
                .iter()
                .enumerate()
                .flat_map(|(index, first)| {
                    leads[index + 1..].iter().map(move |second| (first, second))
                })
                .filter(|(first, second)| {
                    first.phone == second.phone
                        && skus(&first.products)
                            .iter()
                            .any(|sku| skus(&second.products).contains(sku))
                        && parse(second.created_at.as_deref()) - parse(first.created_at.as_deref())
                            <= Duration::hours(72)
                        && (!still_new || second.status.as_deref() == Some("new"))
                })
                .count()
        };
        assert!(pairs(true) >= 1, "on the desk");
        assert!(pairs(false) >= 3, "and marked by the desk");
    }

    /// The dashboard's "time to first change" has a median that moves from day to day,
    /// most first changes within the hour and some hours later.
    #[test]
    fn first_changes_come_within_the_hour_at_a_pace_that_varies_by_day() {
        let store = seeded(1);
        let account = &store.accounts[0];
        let mut first_change: HashMap<&str, DateTime<Utc>> = HashMap::new();
        for entry in &account.lead_histories {
            first_change
                .entry(entry.reference().unwrap())
                .or_insert_with(|| parse(entry.changed_at.as_deref()));
        }
        let mut by_day: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
        for lead in &account.leads {
            let Some(first) = first_change.get(lead.reference.as_deref().unwrap()) else {
                continue;
            };
            let created = parse(lead.created_at.as_deref());
            let day = (now() - created).num_days();
            by_day
                .entry(day)
                .or_default()
                .push((*first - created).num_minutes());
        }
        let all: Vec<i64> = by_day.values().flatten().copied().collect();
        let within_the_hour = all.iter().filter(|m| (5..=60).contains(*m)).count();
        assert!(
            within_the_hour * 2 > all.len(),
            "{within_the_hour} of {}",
            all.len()
        );
        assert!(all.iter().any(|m| *m >= 120), "some hours later");
        let medians: Vec<i64> = by_day
            .values_mut()
            .filter(|delays| delays.len() >= 3)
            .map(|delays| {
                delays.sort_unstable();
                delays[delays.len() / 2]
            })
            .collect();
        let (low, high) = (medians.iter().min().unwrap(), medians.iter().max().unwrap());
        assert!(*high >= 2 * *low, "{medians:?}");
    }

    #[test]
    fn the_other_account_stays_small() {
        let mut store = Store::new(1);
        let demo = store.add_account();
        seed_account(&mut store, demo, DEMO, 1, "", now());
        let other = store.add_account();
        seed_account(&mut store, other, OTHER, 1, "OTH-", now());
        let account = &store.accounts[other];
        assert_eq!(
            (
                account.products.len(),
                account.leads.len(),
                account.orders.len()
            ),
            (3, 6, 4)
        );
        assert!(
            account
                .products
                .iter()
                .all(|p| p.sku.as_deref().unwrap().starts_with("OTH-"))
        );
        assert_eq!(product_returns("OTH-MON-106"), product_returns("MON-118"));
    }
}
