//! The relay's TOML config: where it listens, who may read it (CORS), and every feed it
//! serves with the upstream pages it reads. Nothing a request says ever adds an upstream.
//!
//! ```toml
//! listen = "127.0.0.1:8787"
//! origins = ["*"]
//!
//! [poll]
//! interval = 60        # seconds between reads of each upstream (±10% jitter)
//!
//! [[feeds]]
//! name = "perplexity"
//! kind = "instatus"    # or "auto"
//! url = "https://status.perplexity.com"
//!
//! [[feeds]]
//! name = "clouds"
//! upstreams = [
//!   { kind = "google-cloud", url = "https://status.cloud.google.com", label = "Google Cloud" },
//!   { kind = "slack", url = "https://slack-status.com", label = "Slack" },
//! ]
//! ```

use std::net::SocketAddr;
use std::path::Path;
use std::time::Duration;

use serde::Deserialize;
use url::Url;

use crate::adapters::Kind;

/// The whole config file.
#[derive(Clone, Debug)]
pub struct Config {
    /// Address to listen on (default `127.0.0.1:8787`; `0.0.0.0:8787` in a container).
    pub listen: SocketAddr,
    /// Origins allowed to read the feeds from a browser (`Access-Control-Allow-Origin`);
    /// `["*"]` (the default) lets any page embed them.
    pub origins: Vec<String>,
    /// How upstreams are read.
    pub poll: Poll,
    /// What the responses tell caches (a CDN in front, browsers).
    pub cache: Cache,
    /// Bounds on what clients may ask.
    pub limits: Limits,
    /// The feeds served at `/feeds/<name>/`.
    pub feeds: Vec<FeedConfig>,
}

/// How every upstream is read (each upstream may set its own `interval`).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Poll {
    /// Seconds between reads, ±10% jitter.
    pub interval: f64,
    /// Seconds one document may take.
    pub timeout: f64,
    /// Largest upstream document, in bytes; a larger one is a failure.
    pub max_bytes: usize,
    /// Longest wait after failures (doubling from `interval`) or a `Retry-After`, in seconds.
    pub max_backoff: f64,
    /// The `User-Agent` sent upstream.
    pub user_agent: String,
}

impl Default for Poll {
    fn default() -> Self {
        Poll {
            interval: 60.0,
            timeout: 10.0,
            max_bytes: 5 * 1024 * 1024,
            max_backoff: 900.0,
            user_agent: format!("status-relay/{}", env!("CARGO_PKG_VERSION")),
        }
    }
}

/// `Cache-Control` of the documents.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Cache {
    /// `max-age`, seconds.
    pub max_age: u32,
    /// `stale-while-revalidate`, seconds.
    pub stale_while_revalidate: u32,
    /// `stale-if-error`, seconds.
    pub stale_if_error: u32,
}

impl Default for Cache {
    fn default() -> Self {
        Cache { max_age: 10, stale_while_revalidate: 30, stale_if_error: 86_400 }
    }
}

/// Bounds on requests and connections.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Limits {
    /// Longest request target (path and query), bytes; longer: 414.
    pub max_uri: usize,
    /// Largest sum of request header bytes; larger: 431.
    pub max_header_bytes: usize,
    /// Most open event streams per replica; more: 503.
    pub max_streams: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_uri: 1024, max_header_bytes: 16 * 1024, max_streams: 20_000 }
    }
}

/// One feed.
#[derive(Clone, Debug)]
pub struct FeedConfig {
    /// The name in its address, `/feeds/<name>/` (letters, digits, `-`, `_`; at most 64).
    pub name: String,
    /// Shorthand for one upstream: its kind.
    pub kind: Option<KindChoice>,
    /// Shorthand for one upstream: its address.
    pub url: Option<Url>,
    /// The upstream pages this feed combines.
    pub upstreams: Vec<UpstreamConfig>,
}

/// One upstream page.
#[derive(Clone, Debug)]
pub struct UpstreamConfig {
    /// Which product it is, or `auto`.
    pub kind: KindChoice,
    /// Its public address (for Uptime Kuma, `https://host/status/<slug>`).
    pub url: Url,
    /// Its name when a feed combines several (default: the page's own name).
    pub label: Option<String>,
    /// Seconds between reads of this one.
    pub interval: Option<f64>,
}

/// A product, or `auto`: found out on the first read by trying each product's documents.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum KindChoice {
    /// Told in the config.
    Known(Kind),
    /// `"auto"`.
    #[default]
    Auto,
}

/// A config that cannot be served, with what to fix.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file could not be read.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// Not valid TOML, or a key or value the relay does not know.
    #[error("{0}")]
    Syntax(String),
    /// Valid TOML that cannot be served.
    #[error("{0}")]
    Invalid(String),
}

fn default_listen() -> SocketAddr {
    SocketAddr::from(([127, 0, 0, 1], 8787))
}

fn default_origins() -> Vec<String> {
    vec!["*".to_owned()]
}

impl Config {
    /// Reads and checks a config file.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path)
            .map_err(|source| ConfigError::Read { path: path.display().to_string(), source })?;
        Config::parse(&text)
    }

    /// Parses and checks a config.
    pub fn parse(text: &str) -> Result<Config, ConfigError> {
        let raw: RawConfig = toml::from_str(text).map_err(|e| ConfigError::Syntax(e.to_string()))?;
        let mut config = raw.into_config()?;
        config.check()?;
        Ok(config)
    }

    fn check(&mut self) -> Result<(), ConfigError> {
        let invalid = |message: String| Err(ConfigError::Invalid(message));
        if self.feeds.is_empty() {
            return invalid("the config names no feeds: add a [[feeds]] table".to_owned());
        }
        if reqwest::header::HeaderValue::from_str(&self.poll.user_agent).is_err() {
            return invalid("[poll] user_agent must be one line of visible text".to_owned());
        }
        if self.poll.max_backoff < self.poll.interval {
            return invalid(format!(
                "[poll] max_backoff ({}) is shorter than interval ({}): raise max_backoff too",
                self.poll.max_backoff, self.poll.interval
            ));
        }
        let p = &self.poll;
        let day = 86_400.0;
        let ok = (1.0..=day).contains(&p.interval)
            && p.timeout > 0.0
            && p.timeout <= 300.0
            && (p.interval..=day).contains(&p.max_backoff)
            && p.max_bytes > 0;
        if !ok {
            return invalid(
                "[poll] needs 1 <= interval <= 86400, 0 < timeout <= 300, interval <= max_backoff <= 86400, max_bytes > 0"
                    .to_owned(),
            );
        }
        for origin in &self.origins {
            if origin != "*"
                && Url::parse(origin).map_or(true, |u| u.origin().ascii_serialization() != *origin)
            {
                return invalid(format!(
                    "origins: {origin:?} is not an origin like \"https://app.example.com\" or \"*\""
                ));
            }
        }
        let mut names = std::collections::HashSet::new();
        for feed in &mut self.feeds {
            let name_ok = !feed.name.is_empty()
                && feed.name.len() <= 64
                && feed.name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
            if !name_ok {
                return invalid(format!(
                    "feed name {:?}: use 1 to 64 letters, digits, '-' or '_'",
                    feed.name
                ));
            }
            if !names.insert(feed.name.clone()) {
                return invalid(format!("two feeds are named {:?}", feed.name));
            }
            if feed.url.is_some() && !feed.upstreams.is_empty() {
                return invalid(format!(
                    "feed {:?} has both url and upstreams: give one or the other",
                    feed.name
                ));
            }
            match (feed.url.take(), feed.kind.take()) {
                (Some(url), kind) => feed.upstreams.insert(
                    0,
                    UpstreamConfig { kind: kind.unwrap_or_default(), url, label: None, interval: None },
                ),
                (None, Some(_)) => return invalid(format!("feed {:?} has a kind but no url", feed.name)),
                (None, None) => {}
            }
            if feed.upstreams.is_empty() {
                return invalid(format!("feed {:?} names no upstream: give it a url", feed.name));
            }
            let mut labels = std::collections::HashSet::new();
            for label in feed.upstreams.iter().filter_map(|u| u.label.as_deref()) {
                if !labels.insert(label) {
                    return invalid(format!("feed {:?}: two upstreams are labelled {label:?}", feed.name));
                }
            }
            for upstream in &feed.upstreams {
                if !matches!(upstream.url.scheme(), "http" | "https") || upstream.url.host_str().is_none() {
                    return invalid(format!(
                        "feed {:?}: {} is not an http(s) address",
                        feed.name, upstream.url
                    ));
                }
                if let KindChoice::Known(kind) = upstream.kind {
                    kind.documents(&upstream.url)
                        .map_err(|e| ConfigError::Invalid(format!("feed {:?}: {e}", feed.name)))?;
                }
                if upstream.interval.is_some_and(|i| !(1.0..=86_400.0).contains(&i)) {
                    return invalid(format!("feed {:?}: interval must be 1 to 86400 seconds", feed.name));
                }
            }
        }
        Ok(())
    }

    /// The poll interval of an upstream.
    pub fn interval(&self, upstream: &UpstreamConfig) -> Duration {
        Duration::from_secs_f64(upstream.interval.unwrap_or(self.poll.interval))
    }
}

/// The file as written: `kind` is a word, checked here so a typo names the known kinds.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default = "default_listen")]
    listen: SocketAddr,
    #[serde(default = "default_origins")]
    origins: Vec<String>,
    #[serde(default)]
    poll: Poll,
    #[serde(default)]
    cache: Cache,
    #[serde(default)]
    limits: Limits,
    #[serde(default)]
    feeds: Vec<RawFeed>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFeed {
    name: String,
    kind: Option<String>,
    url: Option<Url>,
    #[serde(default)]
    upstreams: Vec<RawUpstream>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawUpstream {
    kind: Option<String>,
    url: Url,
    label: Option<String>,
    interval: Option<f64>,
}

fn kind_choice(word: Option<&str>, feed: &str) -> Result<KindChoice, ConfigError> {
    let Some(word) = word else { return Ok(KindChoice::Auto) };
    if word == "auto" {
        return Ok(KindChoice::Auto);
    }
    crate::adapters::KINDS.iter().find(|k| k.config_name() == word).map(|k| KindChoice::Known(*k)).ok_or_else(
        || {
            let known: Vec<&str> = crate::adapters::KINDS.iter().map(|k| k.config_name()).collect();
            ConfigError::Invalid(format!(
                "feed {feed:?}: kind {word:?} is not one of auto, {}",
                known.join(", ")
            ))
        },
    )
}

impl RawConfig {
    fn into_config(self) -> Result<Config, ConfigError> {
        let feeds = self
            .feeds
            .into_iter()
            .map(|f| {
                let upstreams = f
                    .upstreams
                    .into_iter()
                    .map(|u| {
                        Ok(UpstreamConfig {
                            kind: kind_choice(u.kind.as_deref(), &f.name)?,
                            url: u.url,
                            label: u.label,
                            interval: u.interval,
                        })
                    })
                    .collect::<Result<Vec<_>, ConfigError>>()?;
                let kind = match f.kind.as_deref() {
                    Some(word) => Some(kind_choice(Some(word), &f.name)?),
                    None => None,
                };
                Ok(FeedConfig { name: f.name, kind, url: f.url, upstreams })
            })
            .collect::<Result<Vec<_>, ConfigError>>()?;
        Ok(Config {
            listen: self.listen,
            origins: self.origins,
            poll: self.poll,
            cache: self.cache,
            limits: self.limits,
            feeds,
        })
    }
}
