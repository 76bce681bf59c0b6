//! Deterministic demo data: the same seed always gives the same catalogue, leads,
//! orders and histories, so screenshots and tests are repeatable. Names, phones and
//! cities look like a Moroccan shop's, in Latin and Arabic script.

use chrono::{DateTime, Duration, TimeZone, Utc};
use rand::rngs::StdRng;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use serde_json::json;

use crate::api::wire::{CustomField, Lead, Order, Product, ProductLine};
use crate::api::{Leads, Orders};

use super::store::{AccountId, Store, StoredResource, timestamp};
use crate::api::statuses::{LEAD_STATUSES, ORDER_STATUSES};

/// How much demo data an account gets.
#[derive(Debug, Clone, Copy)]
pub struct SeedSize {
    pub products: usize,
    pub leads: usize,
    pub orders: usize,
}

/// The demo account: ≥ 300 leads and ≥ 200 orders, every status present.
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
const CITIES: &[(&str, &[&str])] = &[
    (
        "Casablanca",
        &["Maârif", "Sidi Maârouf", "Ain Chock", "Hay Hassani"],
    ),
    ("Rabat", &["Agdal", "Hassan", "Souissi"]),
    ("Marrakech", &["Guéliz", "Médina", "Hivernage"]),
    ("Fès", &["Saïss", "Atlas"]),
    ("Tanger", &["Malabata", "Iberia"]),
    ("Agadir", &["Talborjt", "Dakhla"]),
    ("Meknès", &["Hamria"]),
    ("Oujda", &["Lazaret"]),
    ("Kénitra", &["Maamora"]),
    ("الدار البيضاء", &["المعاريف"]),
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
const PRODUCTS: &[(&str, &str, f64)] = &[
    ("ARG", "Huile d'argan 100 ml", 149.0),
    ("SAV", "Savon noir beldi", 45.0),
    ("GHS", "Ghassoul naturel", 39.5),
    ("CAF", "Caftan brodé", 890.0),
    ("BAB", "Babouches en cuir", 220.0),
    ("THE", "Théière marocaine", 310.0),
    ("MON", "Montre connectée", 399.0),
    ("ECO", "Écouteurs sans fil", 249.0),
    ("SAC", "Sac à main", 350.0),
    ("PAR", "Parfum musc 50 ml", 180.0),
    ("TAP", "Tapis berbère", 1_450.0),
    ("LAM", "Lampe en cuivre", 275.0),
];

fn day_zero() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 8, 1, 8, 0, 0)
        .single()
        .unwrap_or_default()
}

/// Fills `account` with demo data drawn from `seed`.
pub fn seed_account(
    store: &mut Store,
    account: AccountId,
    size: SeedSize,
    seed: u64,
    sku_prefix: &str,
) {
    let mut rng = StdRng::seed_from_u64(seed.wrapping_add(account as u64));
    let products = catalogue(&mut rng, size.products, sku_prefix);
    store.add_products(account, products.clone());
    let mut clock = day_zero();
    for index in 0..size.leads {
        clock += Duration::minutes(rng.random_range(20..300));
        let status = pick_status(&mut rng, LEAD_STATUSES, index);
        let lead = demo_lead(&mut rng, &products);
        add_with_history::<Leads>(store, account, json!(lead), clock, status, &mut rng);
    }
    let mut clock = day_zero();
    for index in 0..size.orders {
        clock += Duration::minutes(rng.random_range(30..400));
        let status = pick_status(&mut rng, ORDER_STATUSES, index);
        let order = demo_order(&mut rng, &products);
        add_with_history::<Orders>(store, account, json!(order), clock, status, &mut rng);
    }
}

/// How far apart the extra leads were created: 10,000 of them span two weeks.
const EXTRA_LEAD_STEP_SECONDS: i64 = 120;

/// Adds `count` leads to `account` after its demo leads, created in the past (from the
/// last demo lead on, two minutes apart), all `new` and without histories: a store of
/// thousands of records in which a client's lookups must still find its own. Built as
/// records, not as JSON create items, so 10,000 take milliseconds.
pub fn seed_extra_leads(store: &mut Store, account: AccountId, count: usize, seed: u64) {
    if count == 0 {
        return;
    }
    let mut rng = StdRng::seed_from_u64(seed ^ 0xe47a_1ead);
    let Some(existing) = store.accounts.get(account) else {
        return;
    };
    let products = existing.products.clone();
    let start = existing
        .leads
        .last()
        .and_then(|lead| lead.created_at.as_deref())
        .and_then(|at| DateTime::parse_from_rfc3339(at).ok())
        .map_or_else(day_zero, |at| at.with_timezone(&Utc));
    for index in 0..count {
        let at = start + Duration::seconds(EXTRA_LEAD_STEP_SECONDS * (index as i64 + 1));
        let lead = demo_lead(&mut rng, &products);
        store.add_record::<Leads>(account, lead, at);
    }
}

/// The share of records still `new`, as in a store whose morning calls are still to make:
/// the confirmation desk of the demo has work.
const STILL_NEW: f64 = 0.3;

/// Every status appears once in the first records; then a share stays `new` and the rest
/// are drawn at random.
fn pick_status(rng: &mut StdRng, statuses: &'static [&'static str], index: usize) -> &'static str {
    if let Some(status) = statuses.get(index) {
        return status;
    }
    if rng.random_bool(STILL_NEW) {
        return "new";
    }
    statuses.choose(rng).copied().unwrap_or("new")
}

fn catalogue(rng: &mut StdRng, count: usize, sku_prefix: &str) -> Vec<Product> {
    (0..count)
        .map(|index| {
            let (code, name, price) = PRODUCTS[index % PRODUCTS.len()];
            let variant = index / PRODUCTS.len();
            let created = day_zero() - Duration::days(rng.random_range(30..400));
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
            }
        })
        .collect()
}

fn phone(rng: &mut StdRng) -> String {
    let prefix = ["06", "07"].choose(rng).copied().unwrap_or("06");
    format!("{prefix}{:08}", rng.random_range(0..100_000_000u32))
}

fn lines(rng: &mut StdRng, products: &[Product], max_lines: usize) -> Vec<ProductLine> {
    let count = rng.random_range(1..=max_lines);
    products
        .choose_multiple(rng, count)
        .map(|product| {
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

fn person(rng: &mut StdRng) -> (String, String, String, String) {
    let first = FIRST_NAMES.choose(rng).copied().unwrap_or("Amina");
    let last = LAST_NAMES.choose(rng).copied().unwrap_or("Alaoui");
    let (city, areas) = CITIES.choose(rng).copied().unwrap_or(("Rabat", &["Agdal"]));
    let area = areas.choose(rng).copied().unwrap_or_default();
    let street = STREETS.choose(rng).copied().unwrap_or("Rue Ibn Battouta");
    let address = format!("{} {street}", rng.random_range(1..250));
    (
        format!("{first} {last}"),
        city.to_string(),
        area.to_string(),
        address,
    )
}

fn demo_lead(rng: &mut StdRng, products: &[Product]) -> Lead {
    let (full_name, city, area, address) = person(rng);
    let mut products = lines(rng, products, 3);
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
        full_name: Some(full_name),
        phone: Some(phone(rng)),
        city: Some(city),
        area: Some(area),
        address: Some(address),
        products,
        data,
        ..Lead::default()
    }
}

fn demo_order(rng: &mut StdRng, products: &[Product]) -> Order {
    let (full_name, city, area, address) = person(rng);
    let mut products = lines(rng, products, 3);
    let total = products.iter().filter_map(|l| l.total).sum();
    for line in &mut products {
        line.total = None;
    }
    Order {
        email: rng
            .random_bool(0.4)
            .then(|| format!("client{}@example.ma", rng.random_range(100..999))),
        full_name: Some(full_name),
        phone: Some(phone(rng)),
        city: Some(city),
        area: Some(area),
        address: Some(address),
        shipment_way: Some(rng.random_range(1..=2)),
        is_fees_paid_by_customer: Some(rng.random_bool(0.5)),
        total: Some(total),
        products,
        ..Order::default()
    }
}

/// Creates a record as `new`, then walks it to `status` through the history a call
/// centre would leave (a `no_reply` or `call_later` on the way, now and then).
fn add_with_history<R: StoredResource>(
    store: &mut Store,
    account: AccountId,
    item: serde_json::Value,
    created: DateTime<Utc>,
    status: &str,
    rng: &mut StdRng,
) {
    let Some(reference) = store.create::<R>(account, item, created) else {
        return;
    };
    if status == "new" {
        return;
    }
    let agent = ["agent:salma", "agent:hamza", "agent:imane"]
        .choose(rng)
        .copied()
        .unwrap_or("agent");
    let mut at = created;
    if R::STATUSES.contains(&"no_reply") && rng.random_bool(0.3) && status != "no_reply" {
        at += Duration::minutes(rng.random_range(10..120));
        store.change_status::<R>(account, &reference, "no_reply", agent, at);
    }
    at += Duration::minutes(rng.random_range(10..600));
    store.change_status::<R>(account, &reference, status, agent, at);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::wire::History;

    fn histories_cover(histories: &[History], reference: &str) -> bool {
        histories.iter().any(|h| h.reference() == Some(reference))
    }

    fn seeded(seed: u64) -> Store {
        let mut store = Store::new(seed);
        let account = store.add_account();
        seed_account(&mut store, account, DEMO, seed, "");
        store
    }

    #[test]
    fn extra_leads_come_after_the_demo_ones_in_the_past() {
        let mut store = seeded(1);
        let demo = store.accounts[0].leads.len();
        seed_extra_leads(&mut store, 0, 10_000, 1);
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
        assert_ne!(seeded(43).accounts[0].leads, a.accounts[0].leads);
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
    }
}
