//! The async batch worker: a 202 queues the rows; this task creates them one by one,
//! slowly enough that a client can watch `processed` grow, and applies the `rowfail`
//! and `batchfail` faults.

use std::sync::Arc;

use crate::api::wire::{BatchFailure, FieldErrors};

use super::store::StoredResource;
use super::{SandboxState, lock};

fn failure(index: usize, key: &str, message: &str) -> BatchFailure {
    let errors: FieldErrors = [(key.to_string(), vec![message.to_string()])].into();
    BatchFailure { index, errors }
}

/// Processes batch `batch_id` to its end.
pub async fn process<R: StoredResource>(state: Arc<SandboxState>, batch_id: String) {
    let delay = state.batch_row_delay;
    // The batch stays `queued` this long, as behind other merchants' work on a real queue.
    tokio::time::sleep(state.queue_delay + delay).await;
    let (account, total) = {
        let mut store = lock(&state.store);
        let Some(batch) = store.batches.get_mut(&batch_id) else {
            return;
        };
        batch.status.status = "processing".into();
        (batch.account, batch.items.len())
    };
    let stop_at = state
        .roll(|faults| &mut faults.batch_failure)
        .then_some(total / 2);
    for index in 0..total {
        tokio::time::sleep(delay).await;
        let row_fails = state.roll(|faults| &mut faults.row_failure);
        let mut store = lock(&state.store);
        if stop_at == Some(index) {
            if let Some(batch) = store.batches.get_mut(&batch_id) {
                batch.status.failures.extend((index..total).map(|i| {
                    failure(
                        i,
                        "batch",
                        "Processing stopped before this row; it was not created.",
                    )
                }));
                batch.status.status = "failed".into();
            }
            tracing::info!(%batch_id, index, "batch failed part-way (fault)");
            return;
        }
        let Some(item) = store
            .batches
            .get(&batch_id)
            .and_then(|b| b.items.get(index).cloned())
        else {
            return;
        };
        let created = if row_fails {
            None
        } else {
            store.create::<R>(account, item, state.now())
        };
        let Some(batch) = store.batches.get_mut(&batch_id) else {
            return;
        };
        match created {
            Some(reference) => batch.status.created_refs.push(reference),
            None => batch.status.failures.push(failure(
                index,
                "processing",
                "The row passed validation but could not be processed.",
            )),
        }
        batch.status.processed += 1;
    }
    if let Some(batch) = lock(&state.store).batches.get_mut(&batch_id) {
        batch.status.status = "completed".into();
        tracing::info!(%batch_id, processed = batch.status.processed, "batch completed");
    }
}
