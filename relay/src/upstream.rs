//! Reading one upstream page on its schedule: every document its kind needs, with
//! conditional requests (`If-None-Match`, `If-Modified-Since`), a timeout and a size cap,
//! interval ±10% jitter, doubling backoff after failures and `Retry-After` honoured. Redirects
//! may not leave the configured host; no cookie is kept and nothing of any client's request
//! is ever forwarded. `auto` finds the product on the first read by trying each one's first
//! document.

use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use reqwest::header::{
    HeaderMap, ACCEPT, ETAG, IF_MODIFIED_SINCE, IF_NONE_MATCH, LAST_MODIFIED, RETRY_AFTER,
};
use reqwest::{redirect, Client, StatusCode};
use serde_json::Value;
use status_widget::model::Snapshot;
use url::Url;

use crate::adapters::{read, Document, Found, Kind, KINDS};
use crate::config::{Config, KindChoice, UpstreamConfig};
use crate::feed::Feed;
use crate::metrics::Metrics;

/// Why a document could not be read.
#[derive(Debug)]
pub struct FetchError {
    /// What a person reads in the logs, the health answer and the stale note.
    pub message: String,
    /// The server's `Retry-After`, when it sent one.
    pub retry_after: Option<Duration>,
}

/// A document as last fetched, for the next conditional request.
#[derive(Clone, Debug, Default)]
struct Cached {
    etag: Option<String>,
    last_modified: Option<String>,
    value: Option<Value>,
}

/// `url` without its user name and password, for anything the relay shows: documents, the
/// health answer, metrics, logs.
pub fn redacted(url: &Url) -> Url {
    let mut url = url.clone();
    let _ = url.set_username("");
    let _ = url.set_password(None);
    url
}

/// Whether a redirect from `from` to `to` stays where the config pointed: the same host and
/// port, and the same scheme or an upgrade from http to https (on https's port).
fn same_place(from: &Url, to: &Url) -> bool {
    let same = from.scheme() == to.scheme() && from.port_or_known_default() == to.port_or_known_default();
    let upgrade = from.scheme() == "http" && to.scheme() == "https" && to.port().is_none();
    from.host_str() == to.host_str() && (same || upgrade)
}

/// The HTTP client every upstream shares: rustls, no cookies, redirects only within the
/// place they started (host, port, scheme; at most 5).
pub fn client(config: &Config) -> reqwest::Result<Client> {
    let policy = redirect::Policy::custom(|attempt| {
        let first = attempt.previous().first().cloned();
        if attempt.previous().len() > 5 {
            attempt.error("more than 5 redirects")
        } else if first.is_some_and(|first| same_place(&first, attempt.url())) {
            attempt.follow()
        } else {
            // Hand the 3xx back: reported as a redirect off the configured host.
            attempt.stop()
        }
    });
    Client::builder()
        .user_agent(config.poll.user_agent.clone())
        .redirect(policy)
        .timeout(Duration::from_secs_f64(config.poll.timeout))
        .connect_timeout(Duration::from_secs_f64(config.poll.timeout.min(5.0)))
        .build()
}

/// One upstream of one feed.
pub struct Upstream {
    /// Its config.
    pub config: UpstreamConfig,
    /// Its place in the feed.
    pub index: usize,
    /// The feed it feeds.
    pub feed: Arc<Feed>,
    kind: Option<Kind>,
    cached: Vec<Cached>,
    failures: u32,
}

impl Upstream {
    /// An upstream not read yet.
    pub fn new(config: UpstreamConfig, index: usize, feed: Arc<Feed>) -> Upstream {
        let kind = match config.kind {
            KindChoice::Known(kind) => Some(kind),
            KindChoice::Auto => None,
        };
        Upstream { config, index, feed, kind, cached: Vec::new(), failures: 0 }
    }

    /// Reads it for ever on its schedule.
    pub async fn run(mut self, client: Client, config: Arc<Config>, metrics: Arc<Metrics>) {
        let interval = config.interval(&self.config);
        let max_backoff = Duration::from_secs_f64(config.poll.max_backoff);
        loop {
            let started = Instant::now();
            let outcome = self.read(&client, config.poll.max_bytes).await;
            let latency = started.elapsed();
            let (wait, outcome) = match outcome {
                Ok((snapshot, partly_old)) => {
                    self.failures = 0;
                    match &partly_old {
                        Some(_) => metrics.failure(&self.feed.name, self.index, latency),
                        None => metrics.success(&self.feed.name, self.index, latency),
                    }
                    (jitter(interval), Ok((snapshot, partly_old)))
                }
                Err(error) => {
                    self.failures = self.failures.saturating_add(1);
                    // `auto`: a page that keeps failing may have moved to another product
                    // (Perplexity's went from Instatus to incident.io): find it again.
                    if self.config.kind == KindChoice::Auto && self.failures.is_multiple_of(3) {
                        self.kind = None;
                        self.cached.clear();
                    }
                    metrics.failure(&self.feed.name, self.index, latency);
                    let upstream = redacted(&self.config.url);
                    tracing::warn!(feed = %self.feed.name, upstream = %upstream, "{}", error.message);
                    let wait = backoff(interval, self.failures, error.retry_after, max_backoff, random());
                    (wait, Err(error.message))
                }
            };
            // Encoding and compressing every document is CPU work: off the async workers.
            let (feed, index) = (self.feed.clone(), self.index);
            let _ = tokio::task::spawn_blocking(move || feed.record(index, outcome, SystemTime::now())).await;
            tokio::time::sleep(wait).await;
        }
    }

    /// One read of every document, into a picture, with a note when an optional document
    /// failed and its last good copy stood in.
    pub async fn read(
        &mut self,
        client: &Client,
        max_bytes: usize,
    ) -> Result<(Snapshot, Option<String>), FetchError> {
        let kind = match self.kind {
            Some(kind) => kind,
            None => {
                let kind = detect(client, &self.config.url, max_bytes).await?;
                tracing::info!(feed = %self.feed.name, upstream = %redacted(&self.config.url), "found {}", kind.product());
                self.kind = Some(kind);
                kind
            }
        };
        let documents =
            kind.documents(&self.config.url).map_err(|message| FetchError { message, retry_after: None })?;
        self.cached.resize(documents.len(), Cached::default());
        let mut values = Vec::with_capacity(documents.len());
        let mut partly_old = Vec::new();
        for (document, cached) in documents.iter().zip(self.cached.iter_mut()) {
            match fetch(client, document, cached, max_bytes).await {
                Ok(()) => values.push(cached.value.clone()),
                Err(error) if document.required => return Err(error),
                Err(error) => {
                    // An optional document (history, maintenances) that failed: its last good
                    // copy stands in, else it is left out; the feed says so.
                    tracing::info!(url = %redacted(&document.url), "left out: {}", error.message);
                    // A document the page never served (a 404 from the start) is no staleness.
                    if cached.value.is_some() {
                        partly_old.push(format!("{} (its last good copy is served)", error.message));
                    }
                    values.push(cached.value.clone());
                }
            }
        }
        // Adapting a big document is CPU work: off the async workers.
        let adapted = tokio::task::spawn_blocking(move || kind.adapt(&values)).await;
        let failed = |message: String| FetchError { message, retry_after: None };
        let mut snapshot = match adapted {
            Ok(result) => result.map_err(|e| failed(e.to_string()))?,
            Err(_) => return Err(failed(format!("reading the {} documents failed", kind.product()))),
        };
        // Some products' documents name neither the page nor its address (Uptime Kuma's,
        // Cachet's): the config knows both.
        if snapshot.page.url.is_none() {
            snapshot.page.url = Some(redacted(&self.config.url).to_string());
        }
        if snapshot.page.name.is_none() {
            snapshot.page.name = self.config.label.clone();
        }
        Ok((snapshot, (!partly_old.is_empty()).then(|| partly_old.join("; "))))
    }
}

/// `interval` ±10%.
fn jitter(interval: Duration) -> Duration {
    interval.mul_f64(0.9 + 0.2 * random())
}

/// After `failures` failures in a row: the interval doubled per failure, never longer than
/// `max`, spread ±10% by `random` (in [0, 1)) so replicas do not retry a shared outage in
/// step; never sooner than the server's `Retry-After` (itself capped at `max`).
pub fn backoff(
    interval: Duration,
    failures: u32,
    retry_after: Option<Duration>,
    max: Duration,
    random: f64,
) -> Duration {
    let doubled = interval.saturating_mul(1u32 << failures.min(16).saturating_sub(1)).min(max);
    let spread = doubled.mul_f64(0.9 + 0.2 * random.clamp(0.0, 1.0));
    let floor = retry_after.map_or(Duration::ZERO, |r| r.min(max));
    spread.max(floor).max(Duration::from_millis(100))
}

/// A number in [0, 1) from the clock (enough to spread replicas' reads apart).
fn random() -> f64 {
    let nanos = SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).map_or(0, |d| d.subsec_nanos());
    f64::from(nanos % 1_000_000) / 1_000_000.0
}

/// `auto`: tries each product's first document at `base` and keeps the first one that is
/// what it should be.
async fn detect(client: &Client, base: &Url, max_bytes: usize) -> Result<Kind, FetchError> {
    let mut tried = Vec::new();
    let mut seen_urls = Vec::new();
    for kind in KINDS {
        let Some(first) = kind.documents(base).ok().and_then(|d| d.into_iter().next()) else { continue };
        if seen_urls.contains(&first.url) {
            continue;
        }
        seen_urls.push(first.url.clone());
        let mut cached = Cached::default();
        if fetch(client, &first, &mut cached, max_bytes).await.is_err() {
            continue;
        }
        let Some(value) = cached.value else { continue };
        let bytes = serde_json::to_vec(&value).unwrap_or_default();
        match read::identify_bytes(&bytes) {
            Found::Kind(found) if kind.documents(base).is_ok() => {
                // The document at a product's path may be another product's (Better Stack
                // and cState both serve /index.json): the document decides.
                let family = |k: Kind| matches!(k, Kind::Cachet2 | Kind::Cachet3);
                return Ok(if family(found) && family(kind) { kind } else { found });
            }
            found => tried.push(format!("{} ({})", redacted(&first.url), found.describe())),
        }
    }
    Err(FetchError {
        message: format!(
            "no status page product found at {}: tried {}",
            redacted(base),
            if tried.is_empty() {
                "every product's address, none answered with JSON".to_owned()
            } else {
                tried.join(", ")
            }
        ),
        retry_after: None,
    })
}

/// Fetches one document into `cached` (a 304 keeps what is there).
async fn fetch(
    client: &Client,
    document: &Document,
    cached: &mut Cached,
    max_bytes: usize,
) -> Result<(), FetchError> {
    // What the messages name: never the address's password.
    let url = &redacted(&document.url);
    let fail = |message: String| FetchError { message, retry_after: None };
    let mut request = client.get(document.url.clone()).header(ACCEPT, "application/json");
    if cached.value.is_some() {
        if let Some(etag) = &cached.etag {
            request = request.header(IF_NONE_MATCH, etag);
        }
        if let Some(modified) = &cached.last_modified {
            request = request.header(IF_MODIFIED_SINCE, modified);
        }
    }
    let mut response = request.send().await.map_err(|e| fail(describe(url, e)))?;
    let status = response.status();
    if status == StatusCode::NOT_MODIFIED && cached.value.is_some() {
        return Ok(());
    }
    if status.is_redirection() {
        let to =
            response.headers().get(reqwest::header::LOCATION).and_then(|l| l.to_str().ok()).unwrap_or("?");
        return Err(fail(format!("{url} redirected to {to}, off the configured host: not followed")));
    }
    if !status.is_success() {
        let retry_after = retry_after(response.headers());
        return Err(FetchError { message: format!("{url} answered HTTP {}", status.as_u16()), retry_after });
    }
    if let Some(length) = response.content_length().filter(|l| *l > max_bytes as u64) {
        return Err(fail(format!("{url} is {length} bytes, over the {max_bytes}-byte limit")));
    }
    let headers = response.headers().clone();
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(|e| fail(describe(url, e)))? {
        if body.len() + chunk.len() > max_bytes {
            return Err(fail(format!("{url} is over the {max_bytes}-byte limit")));
        }
        body.extend_from_slice(&chunk);
    }
    let value = read::parse(url.as_str(), &body).map_err(|e| fail(e.to_string()))?;
    let text = |name| {
        headers.get(name).and_then(|v: &reqwest::header::HeaderValue| v.to_str().ok()).map(str::to_owned)
    };
    *cached = Cached { etag: text(ETAG), last_modified: text(LAST_MODIFIED), value: Some(value) };
    Ok(())
}

fn describe(url: &Url, error: reqwest::Error) -> String {
    if error.is_timeout() {
        format!("no answer from {url} in time")
    } else if error.is_connect() {
        format!("cannot connect to {url}")
    } else {
        // Without reqwest's copy of the address, which would carry a password.
        format!("reading {url} failed: {}", error.without_url())
    }
}

/// `Retry-After` in seconds or as an HTTP date.
fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?.trim().to_owned();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let when = chrono::DateTime::parse_from_rfc2822(&value).ok()?;
    (when.with_timezone(&chrono::Utc) - chrono::Utc::now()).to_std().ok()
}
