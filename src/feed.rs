#![deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::string_slice)]
//! Getting the feed: where to fetch it, how to read it, and what can go wrong.
//!
//! Everything here but `client` (the browser client, on wasm only) is pure and tested natively. Views never fetch: the app
//! subscribes through `client::subscribe` and receives results.

pub mod cache;
#[cfg(target_arch = "wasm32")]
pub mod client;
mod decode;
pub mod json;
mod lenient;
pub mod schedule;
pub mod tabs;

pub use decode::{decode, parse_time, DocumentKind, MAX_FEED_BYTES};

use crate::model::Snapshot;

/// Everything that can stop the widget from showing a feed. `Display` is a log line; the
/// view turns the variant into a short message for the reader.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum FeedError {
    /// The request did not complete (offline, DNS, CORS refusal, connection reset).
    #[error("could not fetch {url}: {detail}")]
    Network {
        /// The address requested.
        url: String,
        /// What the browser said.
        detail: String,
    },
    /// The server answered with an error status.
    #[error("{url} answered HTTP {status}")]
    Http {
        /// The address requested.
        url: String,
        /// The HTTP status code.
        status: u16,
    },
    /// No answer within the time limit.
    #[error("no answer from {url} within {seconds} s")]
    Timeout {
        /// The address requested.
        url: String,
        /// The limit.
        seconds: u32,
    },
    /// The feed is bigger than [`MAX_FEED_BYTES`].
    #[error("feed is {size} bytes, over the {limit}-byte limit")]
    TooLarge {
        /// Bytes received (or announced).
        size: usize,
        /// The limit.
        limit: usize,
    },
    /// The bytes are not JSON.
    #[error("feed is not JSON: {0}")]
    NotJson(String),
    /// JSON, but not a Statuspage v2 document.
    #[error("JSON is not a Statuspage v2 document")]
    NotStatusDocument,
    /// A status document of another product, recognised but not read.
    #[error("a status document of {0}, which this widget does not read")]
    Unsupported(&'static str),
}

impl FeedError {
    /// A short machine-readable kind, for the `status-widget:error` event.
    pub fn kind(&self) -> &'static str {
        match self {
            FeedError::Network { .. } => "network",
            FeedError::Http { .. } => "http",
            FeedError::Timeout { .. } => "timeout",
            FeedError::TooLarge { .. } => "too-large",
            FeedError::NotJson(_) => "not-json",
            FeedError::NotStatusDocument => "not-status-document",
            FeedError::Unsupported(_) => "unsupported",
        }
    }
}

/// The address(es) to fetch for a `src` value. A URL whose path ends in `.json` is one
/// document; anything else is a status page's base URL, whose `/api/v2/summary.json`
/// (required, shown first), `incidents.json` (history) and `scheduled-maintenances.json`
/// are fetched.
pub fn document_urls(src: &str) -> Vec<String> {
    let src = src.trim();
    let path_end = src.find(['?', '#']).unwrap_or(src.len());
    let (path, rest) = src.split_at(path_end);
    if path.ends_with(".json") {
        return vec![src.to_owned()];
    }
    let base = path.trim_end_matches('/');
    let api = if base.ends_with("/api/v2") { "" } else { "/api/v2" };
    ["summary", "incidents", "scheduled-maintenances"]
        .iter()
        .map(|document| format!("{base}{api}/{document}.json{rest}"))
        .collect()
}

/// The reference incident (Autotask PSA "OTP Email delay", 5 Feb 2020) compiled in as real
/// Statuspage v2 documents: the demo's default feed, needing no network.
pub const REFERENCE_DOCUMENTS: [&str; 3] = [
    // src/reference/*.json, without indentation (build.rs).
    include_str!(concat!(env!("OUT_DIR"), "/summary.json")),
    include_str!(concat!(env!("OUT_DIR"), "/incidents.json")),
    include_str!(concat!(env!("OUT_DIR"), "/scheduled-maintenances.json")),
];

/// The instant the demo replays by default: the reference incident while it was live.
pub const REFERENCE_REPLAY_AT: &str = "2020-02-05T10:40:00Z";

/// Reads the reference feed into one snapshot. In the bundle its documents are a module of
/// their own (`status-widget-reference.js`, handed over before a widget without `src`
/// renders); a network failure when that module could not be loaded.
pub fn reference() -> Result<Snapshot, FeedError> {
    let documents = reference_module::documents().ok_or_else(|| FeedError::Network {
        url: "status-widget-reference.js".to_owned(),
        detail: "the reference incident could not be loaded".to_owned(),
    })?;
    documents.iter().try_fold(Snapshot::default(), |acc, doc| {
        decode(doc.as_bytes()).map(|(_, snapshot)| acc.merge(snapshot))
    })
}

/// The reference documents as the bundle's module holds them: the crate's version, then
/// each document on a line of its own (compact JSON has no line break).
pub fn reference_module_text() -> String {
    format!("{}\n{}", env!("CARGO_PKG_VERSION"), REFERENCE_DOCUMENTS.join("\n"))
}

/// Where the reference documents come from: compiled in (natively, and in a yew app); in
/// the bundle (the `element` feature), the module `status-widget-reference.js`, once the
/// entry has handed it over: only a widget without `src` (the demo's) needs it.
pub(crate) mod reference_module {
    #[cfg(not(all(feature = "element", target_arch = "wasm32")))]
    pub(crate) fn documents() -> Option<[&'static str; 3]> {
        Some(super::REFERENCE_DOCUMENTS)
    }

    #[cfg(all(feature = "element", target_arch = "wasm32"))]
    thread_local! {
        static DOCUMENTS: std::cell::Cell<Option<[&'static str; 3]>> = const { std::cell::Cell::new(None) };
        static ASKED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }

    #[cfg(all(feature = "element", target_arch = "wasm32"))]
    pub(crate) fn documents() -> Option<[&'static str; 3]> {
        DOCUMENTS.with(std::cell::Cell::get)
    }

    /// Whether the module was handed over already, or given up on.
    #[cfg(all(feature = "element", target_arch = "wasm32"))]
    pub(crate) fn asked() -> bool {
        ASKED.with(std::cell::Cell::get)
    }

    /// Takes the module's text ([`super::reference_module_text`]), or `None` when it could
    /// not be loaded; a text of another version is refused too.
    #[cfg(all(feature = "element", target_arch = "wasm32"))]
    pub(crate) fn add(text: Option<&str>) -> bool {
        ASKED.with(|asked| asked.set(true));
        let lines: Vec<&str> = text.map(|t| t.split('\n').collect()).unwrap_or_default();
        let [version, summary, incidents, maintenances] = lines[..] else { return false };
        if version != env!("CARGO_PKG_VERSION") {
            return false;
        }
        let documents = [summary, incidents, maintenances].map(|d| &*String::leak(d.to_owned()));
        DOCUMENTS.with(|slot| slot.set(Some(documents)));
        true
    }
}
