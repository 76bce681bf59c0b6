//! `wedocod-console customer PHONE [store arguments] [--json]`: a customer's leads and
//! orders with their statuses, and how many orders were delivered and returned, from the
//! store's local copy brought up to date first. With the store out of reach, the copy
//! answers as of its last sync and says so. Exit 0: answered; 2: no answer (no phone,
//! no copy and no store).

use std::process::ExitCode;

use clap::Args;

use crate::i18n::tr;
use wedocod_core::copy::{Customer, CustomerRecord, LocalCopy};

use super::store::StoreArgs;
use super::validate::DialectArg;

/// Arguments of `customer`.
#[derive(Debug, Args)]
pub struct CustomerArgs {
    /// The customer's phone, in any spelling (`0612…`, `+212 6 12…`, `00212…`).
    pub phone: String,
    #[command(flatten)]
    pub store: StoreArgs,
    /// API generation of a store given by --base-url.
    #[arg(long, value_enum, default_value = "v2")]
    pub dialect: DialectArg,
    /// Print the answer as JSON on stdout.
    #[arg(long)]
    pub json: bool,
}

/// Runs the command.
pub fn run(args: CustomerArgs) -> ExitCode {
    super::block_on(async {
        match answer(&args).await {
            Ok(customer) => {
                say(&customer, args.json);
                ExitCode::SUCCESS
            }
            Err(message) => {
                super::say_error(&message);
                ExitCode::from(2)
            }
        }
    })
}

async fn answer(args: &CustomerArgs) -> Result<Customer, String> {
    if wedocod_core::copy::phone_key(&args.phone).is_none() {
        return Err(tr!("customer-not-a-phone", text = args.phone.as_str()));
    }
    let store = args.store.open(args.dialect.into(), None).await?;
    if let Err(reason) = super::sync::bring_up_to_date(&store, args.json).await {
        eprintln!("{}", tr!("customer-from-copy", reason = reason));
    }
    let reader = LocalCopy::of(&store.home)
        .reader()
        .map_err(|error| error.to_string())?
        .ok_or_else(|| tr!("customer-no-copy"))?;
    reader
        .customer(&args.phone)
        .map_err(|error| error.to_string())?
        .ok_or_else(|| tr!("customer-not-a-phone", text = args.phone.as_str()))
}

fn say(customer: &Customer, json: bool) {
    if json {
        match serde_json::to_string_pretty(customer) {
            Ok(text) => println!("{text}"),
            Err(error) => super::say_error(&error.to_string()),
        }
        return;
    }
    println!(
        "{}",
        tr!(
            "customer-summary",
            phone = customer.phone.as_str(),
            leads = customer.leads.len(),
            orders = customer.orders.len(),
            delivered = customer.delivered,
            returned = customer.returned
        )
    );
    for record in customer.leads.iter().chain(&customer.orders) {
        println!("  {}", line(record));
    }
}

/// `LD-000123  confirmed  2026-12-01T09:30:00Z  Amina Alaoui  Fès  ARG-100`.
fn line(record: &CustomerRecord) -> String {
    let fields = [
        Some(record.reference.as_str()),
        record.status.as_deref(),
        record.created_at.as_deref(),
        record.full_name.as_deref(),
        record.city.as_deref(),
    ];
    let mut text: Vec<&str> = fields.into_iter().flatten().collect();
    let skus = record.skus.join(" ");
    text.push(&skus);
    text.join("  ")
}
