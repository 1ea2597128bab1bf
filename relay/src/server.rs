//! The HTTP side: each feed's Statuspage v2 documents at `/feeds/<name>/api/v2/*.json`
//! (strong ETag and 304, `Cache-Control` fit for a CDN, compression, CORS), its live stream
//! at `/feeds/<name>/events` (Server-Sent Events: the summary at once, then every change),
//! `/healthz` and `/metrics`. A request names a feed, never an address: the config holds
//! every upstream.

use std::collections::HashMap;
use std::convert::Infallible;
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use axum::extract::{Path, Request, State};
use axum::http::header::{self, HeaderMap, HeaderName, HeaderValue};
use axum::http::{Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use futures_util::stream;
use serde_json::json;
use tokio::sync::watch;
use tower_http::cors::{AllowOrigin, CorsLayer};

use crate::config::Config;
use crate::encode::PATHS;
use crate::feed::{age, Body, Feed, Picture};
use crate::metrics::Metrics;
use crate::upstream::{client, Upstream};

/// The header that tells a client where the feed's live stream is (relative to the
/// document's own address), so the widget listens instead of polling.
pub const EVENTS_HEADER: &str = "status-relay-events";
/// How often an open event stream says it is alive (`event: ping`) when nothing changed.
pub const PING: Duration = Duration::from_secs(10);

/// When the relay last read every upstream of the feed (RFC 3339).
pub const CHECKED_HEADER: &str = "status-relay-checked";

/// A configured relay: its feeds and counters.
#[derive(Clone)]
pub struct Relay {
    /// The config it serves.
    pub config: Arc<Config>,
    /// Its feeds by name.
    pub feeds: Arc<HashMap<String, Arc<Feed>>>,
    /// Its counters.
    pub metrics: Arc<Metrics>,
    /// Set when the relay stops: open event streams end, so a graceful shutdown does not
    /// wait for readers that never leave.
    pub stopping: watch::Sender<bool>,
}

impl Relay {
    /// A relay for `config`, nothing read yet.
    pub fn new(config: Config) -> Relay {
        let metrics = Arc::new(Metrics::default());
        let feeds = config
            .feeds
            .iter()
            .map(|f| {
                let labels = f
                    .upstreams
                    .iter()
                    .map(|u| (u.label.clone(), u.url.host_str().unwrap_or("upstream").to_owned()))
                    .collect();
                for (index, u) in f.upstreams.iter().enumerate() {
                    metrics.register(&f.name, index, crate::upstream::redacted(&u.url).as_str());
                }
                (f.name.clone(), Feed::new(&f.name, labels))
            })
            .collect();
        Relay { config: Arc::new(config), feeds: Arc::new(feeds), metrics, stopping: watch::channel(false).0 }
    }

    /// Starts reading every upstream on its schedule (on the current tokio runtime).
    pub fn spawn_upstreams(&self) -> Result<Vec<tokio::task::JoinHandle<()>>, reqwest::Error> {
        let client = client(&self.config)?;
        let mut handles = Vec::new();
        for feed_config in &self.config.feeds {
            let Some(feed) = self.feeds.get(&feed_config.name) else { continue };
            for (index, upstream) in feed_config.upstreams.iter().enumerate() {
                let upstream = Upstream::new(upstream.clone(), index, feed.clone());
                handles.push(tokio::spawn(upstream.run(
                    client.clone(),
                    self.config.clone(),
                    self.metrics.clone(),
                )));
            }
        }
        Ok(handles)
    }

    /// The routes, with limits, CORS and compression.
    pub fn router(&self) -> Router {
        let cors = CorsLayer::new()
            .allow_origin(if self.config.origins.iter().any(|o| o == "*") {
                AllowOrigin::any()
            } else {
                AllowOrigin::list(self.config.origins.iter().filter_map(|o| HeaderValue::from_str(o).ok()))
            })
            .allow_methods([Method::GET, Method::HEAD])
            .allow_headers([
                header::IF_NONE_MATCH,
                header::IF_MODIFIED_SINCE,
                header::CACHE_CONTROL,
                HeaderName::from_static("last-event-id"),
            ])
            .expose_headers([
                header::ETAG,
                header::LAST_MODIFIED,
                HeaderName::from_static(EVENTS_HEADER),
                HeaderName::from_static(CHECKED_HEADER),
                header::RETRY_AFTER,
            ])
            .max_age(Duration::from_secs(86_400));
        Router::new()
            .route("/healthz", get(healthz))
            .route("/metrics", get(metrics))
            .route("/feeds/{name}", get(index))
            .route("/feeds/{name}/", get(index))
            .route("/feeds/{name}/events", get(events))
            .route("/feeds/{name}/api/v2/{*path}", get(document))
            .fallback(not_found)
            .with_state(self.clone())
            .layer(cors)
            .layer(middleware::from_fn_with_state(self.clone(), limits))
    }
}

fn json_error(status: StatusCode, message: &str) -> Response {
    let body = json!({ "error": message }).to_string();
    (status, [(header::CONTENT_TYPE, "application/json"), (header::CACHE_CONTROL, "no-store")], body)
        .into_response()
}

/// Bounded requests: a long target (414), big headers (431), a method other than GET, HEAD
/// or a CORS preflight (405).
async fn limits(State(relay): State<Relay>, request: Request, next: Next) -> Response {
    let limits = &relay.config.limits;
    let target = request.uri().path_and_query().map_or(0, |p| p.as_str().len());
    if target > limits.max_uri {
        relay.metrics.responses_other.fetch_add(1, Ordering::Relaxed);
        return json_error(StatusCode::URI_TOO_LONG, "the request target is too long");
    }
    let header_bytes: usize = request.headers().iter().map(|(k, v)| k.as_str().len() + v.len() + 4).sum();
    if header_bytes > limits.max_header_bytes {
        relay.metrics.responses_other.fetch_add(1, Ordering::Relaxed);
        return json_error(StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE, "the request headers are too large");
    }
    if !matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        relay.metrics.responses_other.fetch_add(1, Ordering::Relaxed);
        let mut response = json_error(StatusCode::METHOD_NOT_ALLOWED, "the relay answers GET and HEAD only");
        response.headers_mut().insert(header::ALLOW, HeaderValue::from_static("GET, HEAD, OPTIONS"));
        return response;
    }
    next.run(request).await
}

async fn not_found(State(relay): State<Relay>) -> Response {
    relay.metrics.responses_other.fetch_add(1, Ordering::Relaxed);
    json_error(StatusCode::NOT_FOUND, "nothing here: feeds are at /feeds/<name>/api/v2/summary.json")
}

fn no_feed(relay: &Relay) -> Response {
    relay.metrics.responses_other.fetch_add(1, Ordering::Relaxed);
    json_error(StatusCode::NOT_FOUND, "no feed of that name")
}

fn http_date(t: SystemTime) -> String {
    chrono::DateTime::<chrono::Utc>::from(t).format("%a, %d %b %Y %H:%M:%S GMT").to_string()
}

/// Whether the client's copy is current: `If-None-Match` names a representation of this body
/// (weak comparison, as RFC 9110 says for GET: any coding of the same bytes), or, without
/// it, `If-Modified-Since` is not before the last change.
fn not_modified(headers: &HeaderMap, body: &Body, changed: Option<SystemTime>) -> bool {
    if let Some(value) = headers.get(header::IF_NONE_MATCH).and_then(|v| v.to_str().ok()) {
        let tags = [body.etag_for(None), body.etag_for(Some("gz")), body.etag_for(Some("br"))];
        return value
            .split(',')
            .map(|t| t.trim().trim_start_matches("W/"))
            .any(|t| t == "*" || tags.iter().any(|e| e == t));
    }
    let since = headers.get(header::IF_MODIFIED_SINCE).and_then(|v| v.to_str().ok());
    match (since.and_then(|s| chrono::DateTime::parse_from_rfc2822(s).ok()), changed) {
        (Some(since), Some(changed)) => {
            chrono::DateTime::<chrono::Utc>::from(changed).timestamp() <= since.timestamp()
        }
        _ => false,
    }
}

/// The coding to send: brotli, else gzip, when the client accepts it (`q=0` refuses).
fn coding(headers: &HeaderMap) -> Option<&'static str> {
    let accept = headers.get(header::ACCEPT_ENCODING).and_then(|v| v.to_str().ok())?.to_ascii_lowercase();
    let accepts = |name: &str| {
        accept.split(',').any(|part| {
            let mut pieces = part.split(';').map(str::trim);
            let refused = |q: &str| q.strip_prefix("q=").and_then(|q| q.parse::<f64>().ok()) == Some(0.0);
            pieces.next() == Some(name) && !pieces.any(refused)
        })
    };
    if accepts("br") {
        Some("br")
    } else if accepts("gzip") {
        Some("gz")
    } else {
        None
    }
}

async fn document(
    State(relay): State<Relay>,
    Path((name, path)): Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    let Some(feed) = relay.feeds.get(&name) else { return no_feed(&relay) };
    let Some(path) = PATHS.iter().find(|p| **p == path) else {
        relay.metrics.responses_other.fetch_add(1, Ordering::Relaxed);
        return json_error(StatusCode::NOT_FOUND, "no such document: the relay serves Statuspage v2's summary.json, status.json, components.json, incidents.json, incidents/unresolved.json, scheduled-maintenances.json and its upcoming.json and active.json");
    };
    let picture = feed.picture();
    let Some(body) = picture.documents.get(path) else {
        relay.metrics.responses_other.fetch_add(1, Ordering::Relaxed);
        let why = picture.failure.clone().unwrap_or_else(|| "the upstream has not been read yet".to_owned());
        let mut response = json_error(StatusCode::SERVICE_UNAVAILABLE, &format!("no picture yet: {why}"));
        let headers = response.headers_mut();
        headers.insert(header::RETRY_AFTER, HeaderValue::from_static("5"));
        // The stream brings the first picture the moment there is one.
        if let Ok(events) =
            HeaderValue::from_str(&format!("{}events", "../".repeat(path.matches('/').count() + 2)))
        {
            headers.insert(HeaderName::from_static(EVENTS_HEADER), events);
        }
        return response;
    };
    let cache = &relay.config.cache;
    let coding = coding(&headers);
    let mut response_headers = HeaderMap::new();
    let mut put = |name: HeaderName, value: String| {
        if let Ok(value) = HeaderValue::from_str(&value) {
            response_headers.insert(name, value);
        }
    };
    put(header::ETAG, body.etag_for(coding));
    put(header::VARY, "accept-encoding".to_owned());
    put(
        header::CACHE_CONTROL,
        format!(
            "public, max-age={}, stale-while-revalidate={}, stale-if-error={}",
            cache.max_age, cache.stale_while_revalidate, cache.stale_if_error
        ),
    );
    if let Some(changed) = picture.changed {
        put(header::LAST_MODIFIED, http_date(changed));
    }
    if let Some(checked) = picture.checked {
        put(
            HeaderName::from_static(CHECKED_HEADER),
            chrono::DateTime::<chrono::Utc>::from(checked).to_rfc3339(),
        );
    }
    // The stream's address relative to this document's (`../../events` from
    // `api/v2/summary.json`), so it holds behind a proxy that mounts the relay on a sub-path.
    let depth = path.matches('/').count() + 2;
    put(HeaderName::from_static(EVENTS_HEADER), format!("{}events", "../".repeat(depth)));
    if not_modified(&headers, body, picture.changed) {
        relay.metrics.responses_304.fetch_add(1, Ordering::Relaxed);
        return (StatusCode::NOT_MODIFIED, response_headers).into_response();
    }
    relay.metrics.responses_200.fetch_add(1, Ordering::Relaxed);
    response_headers
        .insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json; charset=utf-8"));
    let bytes = match coding {
        Some("br") if !body.brotli.is_empty() => {
            response_headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static("br"));
            body.brotli.clone()
        }
        Some("gz") if !body.gzip.is_empty() => {
            response_headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
            body.gzip.clone()
        }
        _ => body.bytes.clone(),
    };
    (StatusCode::OK, response_headers, bytes).into_response()
}

/// Counts a stream while it is open.
struct StreamGuard {
    metrics: Arc<Metrics>,
    feed: String,
}

impl Drop for StreamGuard {
    fn drop(&mut self) {
        self.metrics.stream(&self.feed, -1);
    }
}

async fn events(State(relay): State<Relay>, Path(name): Path<String>) -> Response {
    let Some(feed) = relay.feeds.get(&name).cloned() else { return no_feed(&relay) };
    if relay.metrics.open_streams.load(Ordering::Relaxed) >= relay.config.limits.max_streams as i64 {
        let mut response =
            json_error(StatusCode::SERVICE_UNAVAILABLE, "too many open streams: poll the documents instead");
        response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("30"));
        return response;
    }
    relay.metrics.stream(&name, 1);
    let guard = StreamGuard { metrics: relay.metrics.clone(), feed: name };
    let mut receiver = feed.subscribe();
    receiver.mark_changed();
    let state = (receiver, guard, None::<String>, relay.stopping.subscribe());
    let stream = stream::unfold(state, |(mut receiver, guard, mut last, mut stopping)| async move {
        loop {
            if *stopping.borrow() {
                return None;
            }
            tokio::select! {
                changed = receiver.changed() => changed.ok()?,
                _ = stopping.changed() => return None,
                // "Still here, nothing changed": the widget counts it as a fresh read, so a
                // quiet feed is never called out of date while its stream is open.
                () = tokio::time::sleep(PING) => {
                    let ping = Event::default().event("ping").data("1");
                    return Some((Ok::<Event, Infallible>(ping), (receiver, guard, last, stopping)));
                }
            }
            let picture: Arc<Picture> = receiver.borrow_and_update().clone();
            let Some(summary) = picture.documents.get("summary.json") else { continue };
            if last.as_deref() == Some(summary.etag.as_str()) {
                continue;
            }
            last = Some(summary.etag.clone());
            let event = Event::default()
                .event("summary")
                .id(summary.etag.trim_matches('"'))
                .retry(Duration::from_secs(3))
                .data(String::from_utf8_lossy(&summary.bytes));
            return Some((Ok::<Event, Infallible>(event), (receiver, guard, last, stopping)));
        }
    });
    let mut response = Sse::new(stream).keep_alive(KeepAlive::new().interval(PING)).into_response();
    response
        .headers_mut()
        .insert(HeaderName::from_static("x-accel-buffering"), HeaderValue::from_static("no"));
    response
}

/// `/feeds/<name>`: what the feed serves, for a person finding their way.
async fn index(State(relay): State<Relay>, Path(name): Path<String>) -> Response {
    if !relay.feeds.contains_key(&name) {
        return no_feed(&relay);
    }
    let documents: Vec<String> = PATHS.iter().map(|p| format!("/feeds/{name}/api/v2/{p}")).collect();
    let body = json!({
        "feed": name,
        "widget": format!("<status-widget src=\"…/feeds/{name}\"></status-widget>"),
        "documents": documents,
        "events": format!("/feeds/{name}/events"),
    })
    .to_string();
    (StatusCode::OK, [(header::CONTENT_TYPE, "application/json"), (header::CACHE_CONTROL, "no-store")], body)
        .into_response()
}

async fn healthz(State(relay): State<Relay>) -> Response {
    let mut names: Vec<&String> = relay.feeds.keys().collect();
    names.sort();
    let feeds: serde_json::Map<String, serde_json::Value> = names
        .into_iter()
        .filter_map(|n| relay.feeds.get(n).map(|f| (n, f.picture())))
        .map(|(n, p)| {
            let value = json!({
                "ready": p.ready(),
                "stale": p.stale.is_some() || !p.ready(),
                "error": p.stale.clone().or_else(|| p.failure.clone()),
                "checked_seconds_ago": age(p.checked).map(|d| d.as_secs()),
            });
            (n.clone(), value)
        })
        .collect();
    let body = json!({ "status": "ok", "version": env!("CARGO_PKG_VERSION"), "feeds": feeds }).to_string();
    (StatusCode::OK, [(header::CONTENT_TYPE, "application/json"), (header::CACHE_CONTROL, "no-store")], body)
        .into_response()
}

async fn metrics(State(relay): State<Relay>) -> Response {
    (StatusCode::OK, [(header::CONTENT_TYPE, "text/plain; version=0.0.4")], relay.metrics.render())
        .into_response()
}
