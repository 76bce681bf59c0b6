//! The accept loop. It is written by hand (instead of `axum::serve`) for one fault: a
//! connection dropped *after* the rows were stored, with no answer at all, which is
//! what a client sees when a proxy or the network dies at the worst moment. It keeps
//! itself safe from its clients: a cap on connections, a time limit on each request's
//! head (and so on idle connections), and a back-off when accepting fails.

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::TcpListener;
use tokio::sync::{Notify, Semaphore, watch};
use tower::ServiceExt;

use crate::accept_backoff::AcceptBackoff;

/// Put in every request's extensions: closes the request's connection unanswered.
#[derive(Debug, Clone)]
pub struct ConnectionKiller(Arc<Notify>);

impl ConnectionKiller {
    /// Closes the connection; the handler should then never answer.
    pub fn kill(&self) {
        self.0.notify_one();
    }
}

/// What bounds the connections the server holds, so idle or slow clients cannot use
/// it up (the sandbox also runs inside the console, whose window waits on it).
#[derive(Debug, Clone, Copy)]
pub struct ServeLimits {
    /// The most connections served at once; more wait in the system's backlog until one
    /// closes, instead of each taking a task and a socket.
    pub connections: usize,
    /// The time a request's head may take to arrive. hyper starts it whenever the
    /// connection waits for a request, so it is also the longest a kept-alive connection
    /// stays open idle, and a client trickling its headers is cut off.
    pub header_read: Duration,
}

impl Default for ServeLimits {
    fn default() -> Self {
        ServeLimits {
            connections: 256,
            header_read: Duration::from_secs(30),
        }
    }
}

/// Serves `app` on `listener` until `shutdown` turns true.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    mut shutdown: watch::Receiver<bool>,
    limits: ServeLimits,
) {
    let permits = Arc::new(Semaphore::new(limits.connections.max(1)));
    let mut backoff = AcceptBackoff::default();
    loop {
        // A free place first: at the cap, connections wait unaccepted.
        let permit = tokio::select! {
            permit = permits.clone().acquire_owned() => match permit {
                Ok(permit) => permit,
                Err(_) => return,
            },
            _ = shutdown.changed() => return,
        };
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    if let Some(failures) = backoff.succeeded() {
                        tracing::info!(failures, "accepting connections again");
                    }
                    stream
                }
                Err(error) => {
                    let after = backoff.failed();
                    if after.log {
                        tracing::warn!(%error, failures = after.failures, wait_ms = after.wait.as_millis() as u64, "accept failed; waiting before trying again");
                    }
                    tokio::select! {
                        () = tokio::time::sleep(after.wait) => continue,
                        _ = shutdown.changed() => return,
                    }
                }
            },
            _ = shutdown.changed() => return,
        };
        let app = app.clone();
        let mut connection_shutdown = shutdown.clone();
        tokio::spawn(async move {
            // Held until the connection ends: its place under the cap.
            let _permit = permit;
            let kill = Arc::new(Notify::new());
            let killer = ConnectionKiller(kill.clone());
            let service =
                hyper::service::service_fn(move |mut request: hyper::Request<Incoming>| {
                    request.extensions_mut().insert(killer.clone());
                    app.clone().oneshot(request.map(Body::new))
                });
            let connection = hyper::server::conn::http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(limits.header_read)
                .serve_connection(TokioIo::new(stream), service);
            // Dropping the connection future closes the socket without a response.
            tokio::select! {
                _ = connection => {}
                _ = kill.notified() => {}
                _ = connection_shutdown.changed() => {}
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use axum::routing::get;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    use tokio::net::TcpStream;

    use super::*;

    /// A server of one route under `limits`, and its address.
    async fn start(limits: ServeLimits) -> (std::net::SocketAddr, watch::Sender<bool>) {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let app = Router::new().route("/", get(|| async { "ok" }));
        let (shutdown, receiver) = watch::channel(false);
        tokio::spawn(serve(listener, app, receiver, limits));
        (addr, shutdown)
    }

    const REQUEST: &[u8] = b"GET / HTTP/1.1\r\nhost: x\r\n\r\n";

    /// Reads until the server closes the connection; what it sent.
    async fn read_to_close(stream: &mut TcpStream) -> String {
        let mut answer = Vec::new();
        // A bound far past the limits under test, so a server that never closes fails
        // the test instead of hanging it.
        let read =
            tokio::time::timeout(Duration::from_secs(60), stream.read_to_end(&mut answer)).await;
        assert!(read.is_ok(), "the server kept the connection open");
        String::from_utf8_lossy(&answer).into_owned()
    }

    #[tokio::test]
    async fn a_connection_that_sends_nothing_or_then_idles_is_closed() {
        let limits = ServeLimits {
            header_read: Duration::from_millis(200),
            ..ServeLimits::default()
        };
        let (addr, _shutdown) = start(limits).await;
        let mut silent = TcpStream::connect(addr).await.unwrap();
        assert_eq!(read_to_close(&mut silent).await, "");
        // Half a head, then nothing.
        let mut trickling = TcpStream::connect(addr).await.unwrap();
        trickling
            .write_all(b"GET / HTTP/1.1\r\nhost")
            .await
            .unwrap();
        read_to_close(&mut trickling).await;
        // A kept-alive connection after its answer.
        let mut idle = TcpStream::connect(addr).await.unwrap();
        idle.write_all(REQUEST).await.unwrap();
        let answer = read_to_close(&mut idle).await;
        assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    }

    #[tokio::test]
    async fn past_the_cap_a_connection_waits_for_a_place() {
        let limits = ServeLimits {
            connections: 2,
            header_read: Duration::from_secs(3600),
        };
        let (addr, _shutdown) = start(limits).await;
        let first = TcpStream::connect(addr).await.unwrap();
        let mut second = TcpStream::connect(addr).await.unwrap();
        // Served: the second connection holds a place.
        second.write_all(REQUEST).await.unwrap();
        let mut head = [0u8; 12];
        second.read_exact(&mut head).await.unwrap();
        assert_eq!(&head, b"HTTP/1.1 200");
        let mut third = TcpStream::connect(addr).await.unwrap();
        third.write_all(REQUEST).await.unwrap();
        let mut byte = [0u8; 1];
        let waited = tokio::time::timeout(Duration::from_millis(300), third.read(&mut byte)).await;
        assert!(
            waited.is_err(),
            "a third connection was served past a cap of 2"
        );
        // A place frees up: the third is served.
        drop(first);
        third.read_exact(&mut head).await.unwrap();
        assert_eq!(&head, b"HTTP/1.1 200");
    }
}
