//! Counters for `/metrics`, in Prometheus's text format (written by hand: a dozen lines of a
//! stable format, against a dependency and its registry for four families).

use std::collections::HashMap;
use std::fmt::Write;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, SystemTime};

/// Per upstream: reads, failures, last success, last latency; per feed: open streams.
#[derive(Default)]
pub struct Metrics {
    upstreams: Mutex<HashMap<(String, usize), UpstreamCounters>>,
    /// Upstream addresses by (feed, index), for labels.
    urls: Mutex<HashMap<(String, usize), String>>,
    streams: Mutex<HashMap<String, i64>>,
    /// Document requests answered, by status class.
    pub responses_200: AtomicU64,
    /// Conditional requests answered 304.
    pub responses_304: AtomicU64,
    /// Everything else (404, 414, 431, 503).
    pub responses_other: AtomicU64,
    /// Open event streams, all feeds.
    pub open_streams: AtomicI64,
}

#[derive(Default, Clone)]
struct UpstreamCounters {
    reads: u64,
    failures: u64,
    last_success: Option<SystemTime>,
    latency: Duration,
    latency_sum: Duration,
}

impl Metrics {
    /// Names an upstream for the labels.
    pub fn register(&self, feed: &str, index: usize, url: &str) {
        let mut urls = self.urls.lock().unwrap_or_else(|p| p.into_inner());
        urls.insert((feed.to_owned(), index), url.to_owned());
        self.upstreams.lock().unwrap_or_else(|p| p.into_inner()).entry((feed.to_owned(), index)).or_default();
    }

    fn with(&self, feed: &str, index: usize, f: impl FnOnce(&mut UpstreamCounters)) {
        let mut map = self.upstreams.lock().unwrap_or_else(|p| p.into_inner());
        f(map.entry((feed.to_owned(), index)).or_default());
    }

    /// A good read.
    pub fn success(&self, feed: &str, index: usize, latency: Duration) {
        self.with(feed, index, |c| {
            c.reads += 1;
            c.last_success = Some(SystemTime::now());
            c.latency = latency;
            c.latency_sum += latency;
        });
    }

    /// A failed read.
    pub fn failure(&self, feed: &str, index: usize, latency: Duration) {
        self.with(feed, index, |c| {
            c.reads += 1;
            c.failures += 1;
            c.latency = latency;
            c.latency_sum += latency;
        });
    }

    /// A stream opened (`+1`) or closed (`-1`).
    pub fn stream(&self, feed: &str, delta: i64) {
        *self.streams.lock().unwrap_or_else(|p| p.into_inner()).entry(feed.to_owned()).or_default() += delta;
        self.open_streams.fetch_add(delta, Ordering::Relaxed);
    }

    /// The exposition.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let upstreams = self.upstreams.lock().unwrap_or_else(|p| p.into_inner()).clone();
        let urls = self.urls.lock().unwrap_or_else(|p| p.into_inner()).clone();
        let mut keys: Vec<_> = upstreams.keys().cloned().collect();
        keys.sort();
        let label = |key: &(String, usize)| {
            let url = urls.get(key).map_or(String::new(), |u| u.replace('\\', "\\\\").replace('"', "\\\""));
            format!("feed=\"{}\",upstream=\"{url}\"", key.0)
        };
        let family = |out: &mut String,
                      name: &str,
                      kind: &str,
                      help: &str,
                      value: &dyn Fn(&UpstreamCounters) -> Option<f64>| {
            let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} {kind}");
            for key in &keys {
                if let Some(v) = upstreams.get(key).and_then(value) {
                    let _ = writeln!(out, "{name}{{{}}} {v}", label(key));
                }
            }
        };
        family(
            &mut out,
            "relay_upstream_reads_total",
            "counter",
            "Reads of the upstream (all its documents).",
            &|c| Some(c.reads as f64),
        );
        family(&mut out, "relay_upstream_failures_total", "counter", "Reads that failed.", &|c| {
            Some(c.failures as f64)
        });
        family(
            &mut out,
            "relay_upstream_last_success_timestamp_seconds",
            "gauge",
            "When the upstream was last read successfully (Unix time).",
            &|c| {
                c.last_success
                    .and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
                    .map(|d| d.as_secs_f64())
            },
        );
        family(&mut out, "relay_upstream_latency_seconds", "gauge", "How long the latest read took.", &|c| {
            Some(c.latency.as_secs_f64())
        });
        family(
            &mut out,
            "relay_upstream_latency_seconds_total",
            "counter",
            "Time spent reading the upstream.",
            &|c| Some(c.latency_sum.as_secs_f64()),
        );
        let _ = writeln!(out, "# HELP relay_streams Open event streams.\n# TYPE relay_streams gauge");
        let streams = self.streams.lock().unwrap_or_else(|p| p.into_inner()).clone();
        let mut feeds: Vec<_> = streams.into_iter().collect();
        feeds.sort();
        for (feed, n) in feeds {
            let _ = writeln!(out, "relay_streams{{feed=\"{feed}\"}} {n}");
        }
        let _ = writeln!(out, "# HELP relay_responses_total Document responses by status.\n# TYPE relay_responses_total counter");
        for (code, counter) in
            [("200", &self.responses_200), ("304", &self.responses_304), ("other", &self.responses_other)]
        {
            let _ = writeln!(
                out,
                "relay_responses_total{{status=\"{code}\"}} {}",
                counter.load(Ordering::Relaxed)
            );
        }
        out
    }
}
