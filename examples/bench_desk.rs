//! Issue 15's benchmark (release): the demo sandbox at its default 60 requests a minute,
//! and the confirmation desk worked through from the keyboard with no human delay, on
//! the window's own update path (`desk::State`, its tasks run to their end as the window
//! runs them). Prints the leads confirmed per minute and the API requests per confirmed
//! lead (the target: well under one). Asserts nothing: the machine is shared and noisy.

use std::time::Instant;

use iced::Task;
use iced_test::futures::futures::StreamExt;
use iced_test::runtime::Action;
use wedocod_api::{Client, ClientOptions, Dialect};
use wedocod_console::gui::desktop::Desktop;
use wedocod_console::gui::screen::store::desk;
use wedocod_core::copy::LocalCopy;
use wedocod_core::desk::queue::{DEFAULT_STATUSES, QueueOrder, queue_order};
use wedocod_sandbox::{Sandbox, SandboxConfig};

/// Runs `task` and every task its messages lead to, as the window's runtime would.
async fn run(state: &mut desk::State, task: Task<desk::Message>) {
    let mut queue = vec![task];
    while let Some(task) = queue.pop() {
        let Some(mut stream) = iced_test::runtime::task::into_stream(task) else {
            continue;
        };
        while let Some(action) = stream.next().await {
            if let Action::Output(message) = action {
                queue.push(update(state, message));
            }
        }
    }
}

fn update(state: &mut desk::State, message: desk::Message) -> Task<desk::Message> {
    match state.update(message, "Bonjour {name}") {
        desk::Action::Run(task)
        | desk::Action::Statuses(_, task)
        | desk::Action::Order(_, task)
        | desk::Action::Arrived(_, task) => task,
        desk::Action::None => Task::none(),
    }
}

#[tokio::main]
async fn main() {
    let sandbox = Sandbox::start(SandboxConfig::default())
        .await
        .expect("the sandbox starts");
    let profile = wedocod_api::ApiProfile::new(sandbox.base_url(), "", Dialect::V2)
        .expect("loopback is allowed");
    let token = secrecy::SecretString::from(sandbox.token().to_string());
    let client =
        Client::with_options(profile, token, ClientOptions::default()).expect("the client builds");
    let opened = Instant::now();
    let statuses = queue_order(DEFAULT_STATUSES);
    // No catalogue saved: the cards name products by SKU, as before the desk knew names.
    let caches = std::env::temp_dir().join("wedocod-bench-desk-no-catalogue");
    // No local copy either: the cards say nothing of the customers' past.
    let copy = LocalCopy::at(caches.join("copy.sqlite"));
    let (mut state, start) = desk::State::new(
        client.clone(),
        statuses.clone(),
        QueueOrder::OldestFirst,
        Desktop::System,
        caches,
        copy,
    );
    run(&mut state, start).await;
    let mut confirmed = 0usize;
    while state.has_lead() {
        let task = update(&mut state, desk::Message::Key('1'));
        run(&mut state, task).await;
        confirmed += 1;
    }
    // The last outcomes go after a short quiet; the window's tick sends them.
    while state.outcomes_in_flight() > 0 {
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        let task = update(&mut state, desk::Message::Tick);
        run(&mut state, task).await;
    }
    let elapsed = opened.elapsed();
    let log = sandbox.request_log();
    let requests = log.len();
    let histories = log
        .iter()
        .filter(|request| request.path.contains("lead-histories"))
        .count();
    let mut left = 0;
    for status in &statuses {
        let query = wedocod_api::ListQuery {
            status: Some(status.clone()),
            ..wedocod_api::ListQuery::page(1, 1)
        };
        left += client
            .leads()
            .list(&query)
            .await
            .map_or(0, |page| page.total);
    }
    println!(
        "desk: {confirmed} leads confirmed by keyboard in {:.3} s against the sandbox (60 requests/min)",
        elapsed.as_secs_f64()
    );
    println!(
        "  {:.0} leads a minute; {requests} API requests: {:.3} per confirmed lead (target: well under 1)",
        confirmed as f64 / elapsed.as_secs_f64() * 60.0,
        requests as f64 / confirmed.max(1) as f64
    );
    println!(
        "  of which {histories} read the status history of a lead called before (a new lead needs none)"
    );
    println!("  leads still new or to call back on the server afterwards: {left}");
    sandbox.stop().await;
}
