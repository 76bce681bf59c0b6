//! The accept loop. It is written by hand (instead of `axum::serve`) for one fault: a
//! connection dropped *after* the rows were stored, with no answer at all, which is
//! what a client sees when a proxy or the network dies at the worst moment.

use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use hyper::body::Incoming;
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use tokio::sync::{Notify, watch};
use tower::ServiceExt;

/// Put in every request's extensions: closes the request's connection unanswered.
#[derive(Debug, Clone)]
pub struct ConnectionKiller(Arc<Notify>);

impl ConnectionKiller {
    /// Closes the connection; the handler should then never answer.
    pub fn kill(&self) {
        self.0.notify_one();
    }
}

/// Serves `app` on `listener` until `shutdown` turns true.
pub async fn serve(listener: TcpListener, app: Router, mut shutdown: watch::Receiver<bool>) {
    loop {
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(error) => {
                    tracing::warn!(%error, "accept failed");
                    continue;
                }
            },
            _ = shutdown.changed() => return,
        };
        let app = app.clone();
        let mut connection_shutdown = shutdown.clone();
        tokio::spawn(async move {
            let kill = Arc::new(Notify::new());
            let killer = ConnectionKiller(kill.clone());
            let service =
                hyper::service::service_fn(move |mut request: hyper::Request<Incoming>| {
                    request.extensions_mut().insert(killer.clone());
                    app.clone().oneshot(request.map(Body::new))
                });
            let connection = hyper::server::conn::http1::Builder::new()
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
