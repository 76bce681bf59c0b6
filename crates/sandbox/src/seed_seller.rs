//! The seller lists of the demo data, beside its leads and orders: what the catalogue's
//! show adds (descriptions in French, discounts, free shipping), stock per warehouse, a
//! year of payouts (invoices) and a few sourcing requests. Dated back from the sandbox's
//! clock like the rest, and drawn from their own dice, after the leads and orders: the
//! records the console's tests count on stay exactly as they were.
//!
//! The stock is shaped for the confirmation desk: a product out of stock in every
//! warehouse, and one running low, are in leads among the first the desk calls, so its
//! stock warnings have something to show.

use std::collections::HashMap;

use chrono::{DateTime, Duration, SubsecRound, Utc};
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};

use crate::api::seller::{Invoice, Sourcing, Stock};
use crate::api::wire::{Lead, Product};

use super::seed::catalogue_code;
use super::store::{AccountId, INVOICE_PREFIX, SOURCING_PREFIX, Store, numbered, timestamp};

/// How much of each seller list an account gets.
#[derive(Debug, Clone, Copy)]
pub struct SellerSize {
    /// Where the stock is kept; every product is in the first, some in the others.
    pub warehouses: &'static [&'static str],
    /// Products out of stock and running low beyond the two the desk meets.
    pub more_out: usize,
    pub more_low: usize,
    /// A payout every so many days, over the last `invoice_span_days`.
    pub invoice_every_days: i64,
    pub invoice_span_days: i64,
    /// A typical payout (MAD) at the start of the span and at its end: a growing shop.
    pub payout: (f64, f64),
    /// The sourcing requests, oldest first: a name and the status it has reached.
    pub sourcings: &'static [(&'static str, &'static str)],
}

/// The demo account: three warehouses, a year of weekly payouts, seven sourcing requests.
pub const DEMO: SellerSize = SellerSize {
    warehouses: &["Casablanca", "Tanger", "Agadir"],
    more_out: 1,
    more_low: 2,
    invoice_every_days: 7,
    invoice_span_days: 365,
    payout: (3_000.0, 9_000.0),
    sourcings: &[
        ("Tajine en terre cuite peint à la main", "completed"),
        ("Coussins berbères brodés", "completed"),
        ("Bracelet berbère en argent", "rejected"),
        ("Diffuseur d'huiles essentielles", "completed"),
        ("Djellaba en lin pour homme", "in_progress"),
        ("Henné naturel de Marrakech", "in_progress"),
        ("Ceinture de caftan dorée (mdamma)", "pending"),
    ],
};

/// The second account: one warehouse, two months of payouts twice a month, two requests.
pub const OTHER: SellerSize = SellerSize {
    warehouses: &["Casablanca"],
    more_out: 0,
    more_low: 0,
    invoice_every_days: 15,
    invoice_span_days: 60,
    payout: (800.0, 1_600.0),
    sourcings: &[
        ("Miel de thym de l'Atlas", "completed"),
        ("Amlou aux amandes", "pending"),
    ],
};

/// The statuses the console's desk works through unless the merchant chose others
/// (`DEFAULT_STATUSES` of the core crate's desk queue), in its order.
const DESK_STATUSES: [&str; 2] = ["new", "call_later"];
/// The leads the desk calls first, among which the shortages are placed.
const FIRST_CALLS: usize = 8;
/// Mixed into the seed: these dice are not the leads' and orders'.
const SALT: u64 = 0x5e11_e125_0025_0001;
const HOUR: i64 = 3_600;
const DAY: i64 = 24 * HOUR;

/// The catalogue's descriptions by code, and whether the product is sold at a discount.
const DESCRIPTIONS: &[(&str, &str, bool)] = &[
    (
        "ARG",
        "Huile d'argan pure, pressée à froid par une coopérative de femmes près d'Essaouira. Pour la peau, les cheveux et les ongles. Flacon en verre de 100 ml.",
        true,
    ),
    (
        "SAV",
        "Savon noir traditionnel à l'huile d'olive et à l'eucalyptus, pour le gommage au hammam. Pot de 250 g.",
        false,
    ),
    (
        "GHS",
        "Argile naturelle de l'Atlas en poudre, pour un masque du visage ou un shampoing doux. Sachet de 200 g.",
        false,
    ),
    (
        "CAF",
        "Caftan en satin, broderie faite main et boutons sfifa. Tailles S à XL, plusieurs couleurs.",
        true,
    ),
    (
        "BAB",
        "Babouches en cuir de Fès cousues main, semelle souple. Pointures 36 à 45.",
        false,
    ),
    (
        "THE",
        "Théière en maillechort ciselé d'un litre, poignée isolée : le service du thé à la menthe.",
        false,
    ),
    (
        "MON",
        "Montre connectée : appels, notifications, suivi du sommeil et de l'activité. Autonomie de 7 jours, bracelet en silicone.",
        true,
    ),
    (
        "ECO",
        "Écouteurs Bluetooth 5.3 avec boîtier de charge, réduction de bruit, 24 heures d'écoute.",
        true,
    ),
    (
        "SAC",
        "Sac à main en similicuir, bandoulière amovible, trois compartiments.",
        false,
    ),
    (
        "PAR",
        "Parfum au musc blanc et à l'ambre, longue tenue. Flacon de 50 ml.",
        false,
    ),
    (
        "TAP",
        "Tapis berbère en laine tissé à la main dans le Moyen Atlas, 160 × 230 cm. Pièce unique.",
        false,
    ),
    (
        "LAM",
        "Lampe en cuivre ajouré, martelée à la main, qui dessine des motifs au mur. Hauteur 35 cm, ampoule E14.",
        true,
    ),
];

/// Delivered free from this price (MAD).
const FREE_SHIPPING_FROM: f64 = 300.0;

/// How much of a product is left, over all its warehouses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Level {
    Plenty,
    /// Above zero, at or under the warning quantity of each of its rows, in total.
    Low,
    /// Zero in every warehouse that keeps it.
    Out,
}

/// Fills `account`'s seller lists and its products' seller fields, drawn from `seed`
/// and dated back from `now`. Call it after [`super::seed::seed_account`] (the desk's
/// leads decide which products run short) and before leads are added in bulk.
pub fn seed_seller(
    store: &mut Store,
    account: AccountId,
    size: SellerSize,
    seed: u64,
    now: DateTime<Utc>,
) {
    let now = now.trunc_subsecs(0);
    let mut rng = StdRng::seed_from_u64(seed.wrapping_add(account as u64) ^ SALT);
    let Some(existing) = store.accounts.get_mut(account) else {
        return;
    };
    for product in &mut existing.products {
        describe(&mut rng, product, now);
    }
    let levels = shortages(&mut rng, &existing.leads, &existing.products, size);
    let stocks = stock_rows(&mut rng, &existing.products, &levels, size.warehouses, now);
    let invoices = invoices(&mut rng, size, now);
    let sourcings = sourcings(&mut rng, size.sourcings, now);
    store.add_listed(account, stocks);
    store.add_listed(account, invoices);
    store.add_listed(account, sourcings);
}

fn parse(text: Option<&str>) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text?)
        .ok()
        .map(|at| at.with_timezone(&Utc))
}

/// Between `from` and `now`, `after` later, never in the sandbox's future.
fn later(from: DateTime<Utc>, after: i64, now: DateTime<Utc>) -> DateTime<Utc> {
    (from + Duration::seconds(after)).min(now)
}

/// The show's seller fields: a description for the demo's products (a lot says so),
/// the discount its line has, free shipping for the dearer ones, and a last change
/// since it entered the catalogue for most.
fn describe(rng: &mut StdRng, product: &mut Product, now: DateTime<Utc>) {
    let code = catalogue_code(product.sku.as_deref().unwrap_or_default());
    let known = DESCRIPTIONS.iter().find(|(known, ..)| *known == code);
    let lot = product
        .name
        .as_deref()
        .and_then(|name| name.strip_suffix(')'))
        .and_then(|name| name.rsplit_once("(lot de "))
        .map(|(_, count)| count);
    product.description = known.map(|(_, text, _)| match lot {
        Some(count) => format!("{text} Vendu par lot de {count}."),
        None => text.to_string(),
    });
    product.has_discount = Some(known.is_some_and(|(.., discount)| *discount));
    product.free_shipping = Some(product.price.unwrap_or_default() >= FREE_SHIPPING_FROM);
    let created = parse(product.created_at.as_deref()).unwrap_or(now);
    let age = (now - created).num_seconds().max(1);
    let updated = if rng.random_bool(0.75) {
        later(created, rng.random_range(0..age), now)
    } else {
        created
    };
    product.updated_at = Some(timestamp(updated));
}

/// Which products run short: of the SKUs in the first leads the desk calls, the one
/// fewest desk leads ask for is out of stock, the next low; then `more_out` others out
/// (inactive products first) and `more_low` others low, at random.
fn shortages(
    rng: &mut StdRng,
    leads: &[Lead],
    products: &[Product],
    size: SellerSize,
) -> HashMap<String, Level> {
    let desk: Vec<&Lead> = DESK_STATUSES
        .iter()
        .flat_map(|status| {
            leads
                .iter()
                .filter(move |lead| lead.status.as_deref() == Some(*status))
        })
        .collect();
    let skus_of = |lead: &&Lead| -> Vec<String> {
        let mut skus: Vec<String> = lead.products.iter().filter_map(|l| l.sku.clone()).collect();
        skus.dedup();
        skus
    };
    let mut on_desk: HashMap<String, usize> = HashMap::new();
    for sku in desk.iter().flat_map(skus_of) {
        *on_desk.entry(sku).or_default() += 1;
    }
    let mut first_called: Vec<String> = Vec::new();
    for sku in desk.iter().take(FIRST_CALLS).flat_map(skus_of) {
        if !first_called.contains(&sku) {
            first_called.push(sku);
        }
    }
    // Stable: of two as rare, the one called first.
    first_called.sort_by_key(|sku| on_desk.get(sku).copied().unwrap_or_default());
    let mut levels: HashMap<String, Level> = first_called
        .into_iter()
        .zip([Level::Out, Level::Low])
        .collect();
    let mut rest: Vec<&Product> = products
        .iter()
        .filter(|product| {
            product
                .sku
                .as_ref()
                .is_some_and(|sku| !levels.contains_key(sku))
        })
        .collect();
    rest.shuffle(rng);
    // Stable: still shuffled within each part.
    rest.sort_by_key(|product| product.status.as_deref() != Some("inactive"));
    let (out, low) = rest.split_at(size.more_out.min(rest.len()));
    let more = out
        .iter()
        .map(|product| (product, Level::Out))
        .chain(low.iter().take(size.more_low).map(|p| (p, Level::Low)));
    for (product, level) in more {
        if let Some(sku) = &product.sku {
            levels.insert(sku.clone(), level);
        }
    }
    levels
}

/// A row per product per warehouse that keeps it: every product in the first
/// warehouse, about half in each other; quantities by the product's level and price.
fn stock_rows(
    rng: &mut StdRng,
    products: &[Product],
    levels: &HashMap<String, Level>,
    warehouses: &[&str],
    now: DateTime<Utc>,
) -> Vec<Stock> {
    let mut rows = Vec::new();
    for product in products {
        let sku = product.sku.clone().unwrap_or_default();
        let level = levels.get(&sku).copied().unwrap_or(Level::Plenty);
        let kept: Vec<&str> = warehouses
            .iter()
            .enumerate()
            .filter(|(index, _)| *index == 0 || rng.random_bool(0.5))
            .map(|(_, warehouse)| *warehouse)
            .collect();
        let warnings: Vec<i64> = kept.iter().map(|_| 5 * rng.random_range(2..=4)).collect();
        let quantities = quantities(rng, level, &warnings, product.price.unwrap_or(100.0));
        let in_catalogue = parse(product.created_at.as_deref()).unwrap_or(now);
        for ((warehouse, warning), quantity) in kept.into_iter().zip(warnings).zip(quantities) {
            let created = later(in_catalogue, rng.random_range(DAY..20 * DAY), now);
            let moved = match level {
                Level::Out => rng.random_range(6 * HOUR..4 * DAY),
                Level::Low => rng.random_range(2 * HOUR..2 * DAY),
                Level::Plenty => rng.random_range(HOUR..10 * DAY),
            };
            let updated = (now - Duration::seconds(moved)).max(created);
            rows.push(Stock {
                id: None,
                product_name: product.name.clone(),
                product_sku: Some(sku.clone()),
                warehouse_name: Some(warehouse.to_string()),
                quantity: Some(quantity),
                warning_quantity: Some(warning),
                status: product.status.clone(),
                created_at: Some(timestamp(created)),
                updated_at: Some(timestamp(updated)),
            });
        }
    }
    // Kept, and numbered, in the order they were made. Timestamps of one format sort
    // as text; stable.
    rows.sort_by(|a, b| a.created_at.cmp(&b.created_at));
    rows
}

/// The quantity in each warehouse: none when out; a few in all, at most the smallest
/// warning, when low; above each warning when plenty (fewer of the dearer products).
fn quantities(rng: &mut StdRng, level: Level, warnings: &[i64], price: f64) -> Vec<i64> {
    match level {
        Level::Out => vec![0; warnings.len()],
        Level::Low => {
            let smallest = warnings.iter().copied().min().unwrap_or(10);
            let mut left = rng.random_range(1..smallest);
            let mut quantities = vec![0; warnings.len()];
            for (index, quantity) in quantities.iter_mut().enumerate() {
                let share = if index + 1 == warnings.len() {
                    left
                } else {
                    rng.random_range(0..=left)
                };
                *quantity = share;
                left -= share;
            }
            quantities
        }
        Level::Plenty => {
            let most = if price >= 800.0 {
                30
            } else if price >= 300.0 {
                80
            } else {
                250
            };
            warnings
                .iter()
                .map(|warning| warning + rng.random_range(5..=most))
                .collect()
        }
    }
}

/// A payout every `invoice_every_days`, the newest a day to five old, back over the
/// span: growing amounts, mostly by bank transfer; the newest waiting, the one before
/// being processed, one cancelled long ago in a year of them, the rest paid.
fn invoices(rng: &mut StdRng, size: SellerSize, now: DateTime<Utc>) -> Vec<Invoice> {
    let span = size.invoice_span_days * DAY;
    let newest = rng.random_range(DAY..5 * DAY);
    let ages: Vec<i64> = (0..)
        .map(|index| newest + index * size.invoice_every_days * DAY)
        .map(|age| age + rng.random_range(-3 * HOUR..3 * HOUR))
        .take_while(|age| *age <= span)
        .collect();
    let cancelled = (ages.len() > 12).then(|| rng.random_range(8..ages.len() - 4));
    let (start, end) = size.payout;
    let mut invoices: Vec<Invoice> = ages
        .iter()
        .enumerate()
        .map(|(index, age)| {
            let created = now - Duration::seconds(*age);
            let grown = 1.0 - *age as f64 / span as f64;
            let amount = (start + (end - start) * grown) * rng.random_range(0.8..1.2);
            let (status, after) = match index {
                0 => ("pending", 0),
                1 => ("processing", rng.random_range(2 * HOUR..30 * HOUR)),
                _ if Some(index) == cancelled => ("cancelled", rng.random_range(DAY..2 * DAY)),
                _ => ("paid", rng.random_range(DAY..3 * DAY)),
            };
            let method = if rng.random_bool(0.15) {
                "cash"
            } else {
                "bank_transfer"
            };
            Invoice {
                id: None,
                reference: None,
                amount: Some((amount * 100.0).round() / 100.0),
                status: Some(status.into()),
                payment_method: Some(method.into()),
                created_at: Some(timestamp(created)),
                updated_at: Some(timestamp(later(created, after, now))),
            }
        })
        .collect();
    invoices.reverse();
    for (number, invoice) in invoices.iter_mut().enumerate() {
        invoice.reference = Some(numbered(INVOICE_PREFIX, number + 1));
    }
    invoices
}

/// The requests of `planned`, oldest first over the last five months, the newest a few
/// days old; a quantity each, and a last change for those WedoCOD has answered.
fn sourcings(
    rng: &mut StdRng,
    planned: &[(&'static str, &'static str)],
    now: DateTime<Utc>,
) -> Vec<Sourcing> {
    let step = 150 * DAY / planned.len().max(1) as i64;
    planned
        .iter()
        .enumerate()
        .map(|(index, (name, status))| {
            let newer = (planned.len() - 1 - index) as i64;
            let age = 2 * DAY + newer * step + rng.random_range(0..step / 2);
            let created = now - Duration::seconds(age);
            let answered = if *status == "pending" {
                created
            } else {
                later(created, rng.random_range(DAY..20 * DAY).min(age), now)
            };
            Sourcing {
                id: None,
                reference: Some(numbered(SOURCING_PREFIX, index + 1)),
                status: Some(status.to_string()),
                created_at: Some(timestamp(created)),
                name: Some(name.to_string()),
                quantity: Some(10 * rng.random_range(5..=60)),
                updated_at: Some(timestamp(answered)),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use chrono::TimeZone;

    use super::*;
    use crate::seed::{self, seed_account};

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 20, 9, 30, 0).unwrap()
    }

    /// Both accounts, as the sandbox seeds them.
    fn seeded(seed: u64) -> Store {
        let mut store = Store::new(seed);
        for (size, seller, prefix) in [(seed::DEMO, DEMO, ""), (seed::OTHER, OTHER, "OTH-")] {
            let account = store.add_account();
            seed_account(&mut store, account, size, seed, prefix, now());
            seed_seller(&mut store, account, seller, seed, now());
        }
        store
    }

    fn at(text: &Option<String>) -> DateTime<Utc> {
        parse(text.as_deref()).unwrap()
    }

    /// The SKUs whose rows add up to nothing, and those low: above zero and at most
    /// each row's warning.
    fn short(stocks: &[Stock]) -> (Vec<String>, Vec<String>) {
        let mut by_sku: HashMap<&str, Vec<&Stock>> = HashMap::new();
        for row in stocks {
            by_sku
                .entry(row.product_sku.as_deref().unwrap())
                .or_default()
                .push(row);
        }
        let (mut out, mut low) = (Vec::new(), Vec::new());
        for (sku, rows) in by_sku {
            let total: i64 = rows.iter().map(|row| row.quantity.unwrap()).sum();
            let warning = rows.iter().map(|row| row.warning_quantity.unwrap()).min();
            if total == 0 {
                out.push(sku.to_string());
            } else if Some(total) <= warning {
                low.push(sku.to_string());
            } else {
                let sum: i64 = rows.iter().map(|row| row.warning_quantity.unwrap()).sum();
                assert!(total > sum, "{sku}: plenty is above every warning");
            }
        }
        out.sort();
        low.sort();
        (out, low)
    }

    #[test]
    fn the_leads_and_orders_are_the_same_with_or_without_the_seller_lists() {
        let mut plain = Store::new(1);
        let account = plain.add_account();
        seed_account(&mut plain, account, seed::DEMO, 1, "", now());
        let full = seeded(1);
        assert_eq!(plain.accounts[0].leads, full.accounts[0].leads);
        assert_eq!(plain.accounts[0].orders, full.accounts[0].orders);
        assert_eq!(
            plain.accounts[0].lead_histories,
            full.accounts[0].lead_histories
        );
    }

    #[test]
    fn same_seed_same_seller_lists() {
        let (a, b) = (seeded(3), seeded(3));
        for (one, other) in a.accounts.iter().zip(&b.accounts) {
            assert_eq!(one.products, other.products);
            assert_eq!(one.stocks, other.stocks);
            assert_eq!(one.invoices, other.invoices);
            assert_eq!(one.sourcings, other.sourcings);
        }
        assert_ne!(seeded(4).accounts[0].invoices, a.accounts[0].invoices);
    }

    /// The desk meets an out-of-stock product and a low one among its first calls.
    #[test]
    fn the_desk_meets_a_product_out_of_stock_and_one_running_low() {
        for seed in 1..=8 {
            let store = seeded(seed);
            for account in &store.accounts {
                let (out, low) = short(&account.stocks);
                // The desk's order: `new` leads oldest first, then `call_later` ones.
                let first_calls: Vec<&Lead> = ["new", "call_later"]
                    .iter()
                    .flat_map(|status| {
                        account
                            .leads
                            .iter()
                            .filter(move |lead| lead.status.as_deref() == Some(*status))
                    })
                    .take(FIRST_CALLS)
                    .collect();
                let called = |skus: &[String]| {
                    first_calls.iter().any(|lead| {
                        lead.products
                            .iter()
                            .any(|line| skus.contains(line.sku.as_ref().unwrap()))
                    })
                };
                assert!(called(&out), "{seed}: {out:?}");
                assert!(low.is_empty() || called(&low), "{seed}: {low:?}");
            }
            // The demo's first calls are all `new`, and ask for two products at least.
            let (out, low) = short(&store.accounts[0].stocks);
            assert_eq!((out.len(), low.len()), (2, 3), "{seed}");
        }
    }

    #[test]
    fn stock_is_in_three_warehouses_not_every_product_everywhere() {
        let store = seeded(1);
        let demo = &store.accounts[0];
        let warehouses: HashSet<&str> = demo
            .stocks
            .iter()
            .map(|row| row.warehouse_name.as_deref().unwrap())
            .collect();
        assert_eq!(warehouses.len(), 3);
        assert!(demo.stocks.len() > demo.products.len());
        assert!(demo.stocks.len() < 3 * demo.products.len());
        let skus: HashSet<&str> = demo
            .stocks
            .iter()
            .map(|row| row.product_sku.as_deref().unwrap())
            .collect();
        assert_eq!(skus.len(), demo.products.len(), "every product is kept");
        for row in &demo.stocks {
            assert!((10..=20).contains(&row.warning_quantity.unwrap()));
            assert!(at(&row.created_at) <= at(&row.updated_at));
            assert!(at(&row.updated_at) <= now());
        }
        let ids: Vec<u64> = demo
            .stocks
            .iter()
            .map(|row| row.id.as_deref().unwrap().parse().unwrap())
            .collect();
        assert!(ids.windows(2).all(|pair| pair[0] < pair[1]));
    }

    #[test]
    fn a_year_of_payouts_the_newest_not_paid_yet() {
        let store = seeded(1);
        let invoices = &store.accounts[0].invoices;
        assert!((51..=53).contains(&invoices.len()), "{}", invoices.len());
        let created: Vec<DateTime<Utc>> = invoices.iter().map(|i| at(&i.created_at)).collect();
        assert!(created.windows(2).all(|pair| pair[0] < pair[1]));
        assert!(created[0] >= now() - Duration::days(365));
        assert!(*created.last().unwrap() < now());
        let references: Vec<&str> = invoices
            .iter()
            .map(|i| i.reference.as_deref().unwrap())
            .collect();
        assert_eq!(references[0], "INV-00001");
        assert_eq!(references[1], "INV-00002");
        let statuses: Vec<&str> = invoices
            .iter()
            .rev()
            .map(|i| i.status.as_deref().unwrap())
            .collect();
        assert_eq!(statuses[..2], ["pending", "processing"]);
        assert_eq!(statuses.iter().filter(|s| **s == "cancelled").count(), 1);
        assert!(
            statuses[2..]
                .iter()
                .all(|s| *s == "paid" || *s == "cancelled")
        );
        let cash = invoices
            .iter()
            .filter(|i| i.payment_method.as_deref() == Some("cash"))
            .count();
        assert!(cash >= 1 && cash * 3 < invoices.len(), "{cash}");
        for invoice in invoices {
            assert!((1_000.0..20_000.0).contains(&invoice.amount.unwrap()));
            assert!(at(&invoice.created_at) <= at(&invoice.updated_at));
            assert!(at(&invoice.updated_at) <= now());
        }
        let other = &store.accounts[1];
        assert!((3..=5).contains(&other.invoices.len()));
        assert_eq!(other.invoices[0].reference.as_deref(), Some("INV-00001"));
    }

    #[test]
    fn sourcing_requests_in_every_status_and_the_catalogue_described() {
        let store = seeded(1);
        let demo = &store.accounts[0];
        let statuses: HashSet<&str> = demo
            .sourcings
            .iter()
            .map(|s| s.status.as_deref().unwrap())
            .collect();
        assert_eq!(
            statuses,
            HashSet::from(["pending", "in_progress", "completed", "rejected"])
        );
        assert_eq!(demo.sourcings[0].reference.as_deref(), Some("SRC-00001"));
        assert!(
            demo.sourcings
                .windows(2)
                .all(|pair| pair[0].created_at < pair[1].created_at)
        );
        assert!(demo.sourcings.iter().all(|s| at(&s.updated_at) <= now()));
        let products = &demo.products;
        assert!(products.iter().all(|p| p.description.is_some()));
        let lot = products
            .iter()
            .find(|p| p.name.as_deref().unwrap().contains("(lot de 2)"))
            .unwrap();
        assert!(
            lot.description
                .as_deref()
                .unwrap()
                .ends_with("Vendu par lot de 2.")
        );
        let count = |flag: fn(&Product) -> Option<bool>| {
            products.iter().filter(|p| flag(p) == Some(true)).count()
        };
        let (discounted, free) = (count(|p| p.has_discount), count(|p| p.free_shipping));
        assert!(discounted > 0 && discounted < products.len());
        assert!(free > 0 && free < products.len());
        assert!(products.iter().all(|p| p.created_at <= p.updated_at));
        assert!(
            store.accounts[1]
                .products
                .iter()
                .all(|p| p.description.is_some())
        );
    }
}
