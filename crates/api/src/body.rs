//! Answer bodies read with a size cap. A server (or a proxy, or anything listening at a
//! mistyped address) can send an endless body; read whole, it grows the console's memory
//! until the process is killed, taking the window and any upload with it. Bodies are read
//! chunk by chunk and the reading stops past [`MAX_BODY_BYTES`]: the longest answer the
//! API gives (a page of 100 records, a create of 1,000 v1 rows) is a few hundred KiB.

/// The most bytes of one answer the client reads: far above any answer of the API, far
/// below what hurts a merchant's computer.
pub const MAX_BODY_BYTES: usize = 32 * 1024 * 1024;

/// Why a body was not read whole.
#[derive(Debug)]
pub enum BodyError {
    /// The connection failed while the body came.
    Transport(reqwest::Error),
    /// The body is longer than the cap (announced, or seen while reading): `start` holds
    /// its first bytes, for the error's excerpt.
    TooLarge { start: Vec<u8> },
}

/// Reads `response`'s body, up to `cap` bytes. An announced `Content-Length` past the
/// cap is refused before a byte is read; otherwise reading stops at the first chunk that
/// would pass it, so memory never grows past `cap` plus one chunk.
pub async fn read_capped(
    mut response: reqwest::Response,
    cap: usize,
) -> Result<Vec<u8>, BodyError> {
    if response
        .content_length()
        .is_some_and(|announced| announced > cap as u64)
    {
        return Err(BodyError::TooLarge { start: Vec::new() });
    }
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(BodyError::Transport)? {
        if body.len().saturating_add(chunk.len()) > cap {
            body.truncate(EXCERPT_BYTES);
            return Err(BodyError::TooLarge { start: body });
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

/// What is kept of a body too large to read, for the error's excerpt.
const EXCERPT_BYTES: usize = 1024;

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicU64, Ordering};
    use std::time::Duration;

    use secrecy::SecretString;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    use super::*;
    use crate::client::{Client, ClientOptions, ListQuery, RetryPolicy};
    use crate::error::ApiError;
    use crate::profile::{ApiProfile, Dialect};

    /// A server whose answer never ends: a 200 with a chunked body of 64 KiB chunks sent
    /// until the client hangs up. Counts the bytes it managed to send.
    async fn endless_server() -> (String, Arc<AtomicU64>) {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = listener.local_addr().unwrap();
        let sent = Arc::new(AtomicU64::new(0));
        let counter = sent.clone();
        tokio::spawn(async move {
            while let Ok((mut socket, _)) = listener.accept().await {
                let counter = counter.clone();
                tokio::spawn(async move {
                    let mut request = vec![0u8; 8192];
                    let _ = socket.read(&mut request).await;
                    let head = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n";
                    if socket.write_all(head.as_bytes()).await.is_err() {
                        return;
                    }
                    let mut chunk = format!("{:x}\r\n", 64 * 1024).into_bytes();
                    chunk.extend(std::iter::repeat_n(b'x', 64 * 1024));
                    chunk.extend_from_slice(b"\r\n");
                    while socket.write_all(&chunk).await.is_ok() {
                        counter.fetch_add(64 * 1024, Ordering::SeqCst);
                    }
                });
            }
        });
        (format!("http://{address}"), sent)
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn an_endless_answer_is_cut_at_the_cap_and_called_unreadable() {
        let (base_url, sent) = endless_server().await;
        let client = Client::with_options(
            ApiProfile::new(&base_url, "", Dialect::V2).unwrap(),
            SecretString::from("t".to_string()),
            ClientOptions {
                // Far longer than reading 32 MiB over loopback takes: without a cap, the
                // answer ends in this timeout (and gigabytes of memory), never in a refusal.
                timeout: Duration::from_secs(120),
                retry: RetryPolicy::never(),
                ..ClientOptions::default()
            },
        )
        .unwrap();
        let error = client
            .leads()
            .list(&ListQuery::page(1, 100))
            .await
            .unwrap_err();
        match &error {
            ApiError::Undecodable {
                status: 200,
                excerpt,
            } => {
                assert!(excerpt.contains("32 MiB"), "{excerpt}")
            }
            other => panic!("expected an unreadable answer, got {other:?}"),
        }
        assert!(
            error.outcome_uncertain(),
            "a create's outcome stays uncertain"
        );
        // The client hung up near the cap: what the server still sent sat in socket buffers.
        let slack = 16 * 1024 * 1024;
        tokio::time::sleep(Duration::from_millis(100)).await;
        assert!(
            sent.load(Ordering::SeqCst) < (MAX_BODY_BYTES + slack) as u64,
            "{} bytes sent",
            sent.load(Ordering::SeqCst)
        );
    }

    #[tokio::test]
    async fn an_announced_length_past_the_cap_is_refused_before_reading() {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = listener.local_addr().unwrap();
        tokio::spawn(async move {
            while let Ok((mut socket, _)) = listener.accept().await {
                let mut request = vec![0u8; 8192];
                let _ = socket.read(&mut request).await;
                let head = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 1000000000000\r\n\r\n{\"data\": [";
                let _ = socket.write_all(head.as_bytes()).await;
                // Then nothing: a client that waits for the body waits for ever.
                tokio::time::sleep(Duration::from_secs(3600)).await;
            }
        });
        let client = Client::with_options(
            ApiProfile::new(&format!("http://{address}"), "", Dialect::V2).unwrap(),
            SecretString::from("t".to_string()),
            ClientOptions {
                timeout: Duration::from_secs(120),
                retry: RetryPolicy::never(),
                ..ClientOptions::default()
            },
        )
        .unwrap();
        let error = client
            .leads()
            .list(&ListQuery::page(1, 100))
            .await
            .unwrap_err();
        assert!(
            matches!(&error, ApiError::Undecodable { status: 200, excerpt } if excerpt.contains("32 MiB")),
            "{error:?}"
        );
    }
}
