//! Disk work for the window, run where it cannot freeze it: on tokio's blocking pool,
//! awaited by a task whose result comes back as a message.

/// Runs `work` on the blocking pool; a panic in it comes back as an error to show.
pub async fn off_the_window<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, String> + Send + 'static,
) -> Result<T, String> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|error| error.to_string())?
}
