//! One served feed: the latest picture of each of its upstreams, composed into one
//! [`Snapshot`], encoded once per change into every document the relay serves, and published
//! to the event streams. The last good picture of an upstream stays until a newer one
//! replaces it: a failing upstream makes the feed stale, never empty.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use status_widget::model::Snapshot;
use tokio::sync::watch;

use crate::encode::{encode, PATHS};

/// What one upstream last gave.
#[derive(Clone, Debug, Default)]
pub struct UpstreamPicture {
    /// The last good picture, and when it was read.
    pub good: Option<(Snapshot, SystemTime)>,
    /// What is wrong since then: the latest read failed, or an optional document of it did
    /// and its last good copy stands in.
    pub failing: Option<String>,
    /// Its name in a combined picture, when the config gives one (else its page's name, else
    /// its host).
    pub label: Option<String>,
    /// Its host, the last resort for a name.
    pub host: String,
}

impl UpstreamPicture {
    fn name(&self) -> String {
        self.label
            .clone()
            .or_else(|| self.good.as_ref().and_then(|g| g.0.page.name.clone()))
            .unwrap_or_else(|| self.host.clone())
    }
}

/// One encoded document, compressed once per change rather than once per request.
#[derive(Clone, Debug)]
pub struct Body {
    /// The JSON bytes.
    pub bytes: bytes::Bytes,
    /// The same, gzip.
    pub gzip: bytes::Bytes,
    /// The same, brotli.
    pub brotli: bytes::Bytes,
    /// Its strong `ETag`, quoted: the same bytes give the same tag on every replica. The
    /// compressed bodies carry it with `-gz` / `-br` before the closing quote (RFC 9110: a
    /// strong tag names one representation).
    pub etag: String,
}

impl Body {
    fn new(bytes: Vec<u8>) -> Body {
        use std::io::Write;
        let etag = format!("\"{}\"", hex(&Sha256::digest(&bytes)[..12]));
        let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        let gzip = match gzip.write_all(&bytes) {
            Ok(()) => gzip.finish().unwrap_or_default(),
            Err(_) => Vec::new(),
        };
        let mut brotli = Vec::new();
        let params = brotli::enc::BrotliEncoderParams { quality: 9, lgwin: 22, ..Default::default() };
        let _ = brotli::BrotliCompress(&mut bytes.as_slice(), &mut brotli, &params);
        Body { bytes: bytes.into(), gzip: gzip.into(), brotli: brotli.into(), etag }
    }

    /// The tag of the representation in `coding` (`None`: identity).
    pub fn etag_for(&self, coding: Option<&str>) -> String {
        match coding {
            Some(coding) => format!("{}-{coding}\"", self.etag.trim_end_matches('"')),
            None => self.etag.clone(),
        }
    }
}

/// What the feed serves now.
#[derive(Clone, Debug, Default)]
pub struct Picture {
    /// Each document by path (see [`PATHS`]); empty until an upstream was read once.
    pub documents: HashMap<&'static str, Body>,
    /// When the served content last changed (`Last-Modified`).
    pub changed: Option<SystemTime>,
    /// When the relay last read every upstream successfully.
    pub checked: Option<SystemTime>,
    /// Why it is stale, when an upstream is failing.
    pub stale: Option<String>,
    /// The failure before any good read, for the 503 answer.
    pub failure: Option<String>,
}

impl Picture {
    /// Whether there is anything to serve.
    pub fn ready(&self) -> bool {
        !self.documents.is_empty()
    }

    fn same_documents(&self, other: &Picture) -> bool {
        PATHS
            .iter()
            .all(|p| self.documents.get(p).map(|b| &b.etag) == other.documents.get(p).map(|b| &b.etag))
    }
}

/// A feed: its upstreams' pictures and the published [`Picture`].
pub struct Feed {
    /// Its name.
    pub name: String,
    upstreams: Mutex<Vec<UpstreamPicture>>,
    picture: watch::Sender<Arc<Picture>>,
}

fn rfc3339(t: SystemTime) -> String {
    DateTime::<Utc>::from(t).to_rfc3339_opts(SecondsFormat::Secs, true)
}

impl Feed {
    /// A feed with one upstream per `(label, host)`, nothing read yet.
    pub fn new(name: &str, upstreams: Vec<(Option<String>, String)>) -> Arc<Feed> {
        let upstreams = upstreams
            .into_iter()
            .map(|(label, host)| UpstreamPicture { label, host, ..UpstreamPicture::default() })
            .collect();
        let (picture, _) = watch::channel(Arc::new(Picture::default()));
        Arc::new(Feed { name: name.to_owned(), upstreams: Mutex::new(upstreams), picture })
    }

    /// What it serves now.
    pub fn picture(&self) -> Arc<Picture> {
        self.picture.borrow().clone()
    }

    /// Every change from now on (the event streams).
    pub fn subscribe(&self) -> watch::Receiver<Arc<Picture>> {
        self.picture.subscribe()
    }

    /// Upstream `index` was read: `Ok` with its picture (and what of it is old, when an
    /// optional document failed and its last good copy stood in), or `Err` with why not.
    /// Encodes and compresses every document: call it off the async workers.
    pub fn record(&self, index: usize, outcome: Result<(Snapshot, Option<String>), String>, at: SystemTime) {
        let mut upstreams = self.upstreams.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(upstream) = upstreams.get_mut(index) {
            match outcome {
                Ok((snapshot, partly_old)) => {
                    upstream.good = Some((snapshot, at));
                    upstream.failing = partly_old;
                }
                Err(error) => upstream.failing = Some(error),
            }
        }
        let next = compose(&upstreams, &self.picture(), at);
        drop(upstreams);
        self.picture.send_if_modified(|current| {
            let changed = !current.same_documents(&next)
                || current.stale != next.stale
                || current.failure != next.failure;
            // The check time moves on silently (no event, same bytes).
            *current = Arc::new(next);
            changed
        });
    }
}

/// The feed's picture from its upstreams' latest.
fn compose(upstreams: &[UpstreamPicture], previous: &Picture, at: SystemTime) -> Picture {
    let good: Vec<&(Snapshot, SystemTime)> = upstreams.iter().filter_map(|u| u.good.as_ref()).collect();
    let failing: Vec<String> = upstreams
        .iter()
        .filter_map(|u| {
            u.failing
                .as_ref()
                .map(|f| if upstreams.len() > 1 { format!("{}: {f}", u.name()) } else { f.clone() })
        })
        .collect();
    let failing = (!failing.is_empty()).then(|| failing.join("; "));
    if good.is_empty() {
        return Picture { failure: failing, ..Picture::default() };
    }
    let snapshot = if upstreams.len() == 1 {
        good.first().map(|(s, _)| s.clone()).unwrap_or_default()
    } else {
        combine(upstreams)
    };
    // How stale: since when the oldest good picture of a failing upstream was read.
    let stale_since =
        upstreams.iter().filter(|u| u.failing.is_some()).filter_map(|u| u.good.as_ref().map(|g| g.1)).min();
    let relay = match (&failing, stale_since) {
        (Some(error), since) => json!({ "stale": true, "since": since.map(rfc3339), "error": error }),
        (None, _) => json!({ "stale": false }),
    };
    let encoded = encode(&snapshot);
    // The summary names the version of the history and maintenance lists, so it changes
    // (and is pushed) whenever they do: a listening widget then reads them again.
    let lists =
        [&encoded.incidents, &encoded.maintenances].map(|v| serde_json::to_vec(v).unwrap_or_default());
    let history = hex(&Sha256::digest(lists.concat())[..8]);
    let mut documents = HashMap::new();
    for path in PATHS {
        let Some(mut value) = encoded.at(path) else { continue };
        if let Value::Object(map) = &mut value {
            let mut relay = relay.clone();
            if let (Value::Object(r), "summary.json") = (&mut relay, path) {
                r.insert("history".to_owned(), Value::String(history.clone()));
            }
            map.insert("relay".to_owned(), relay);
        }
        documents.insert(path, Body::new(serde_json::to_vec(&value).unwrap_or_default()));
    }
    let next = Picture { documents, changed: None, checked: None, stale: failing, failure: None };
    let same = previous.same_documents(&next);
    let checked = if next.stale.is_none() { Some(at) } else { previous.checked };
    Picture { changed: if same { previous.changed.or(Some(at)) } else { Some(at) }, checked, ..next }
}

/// Several upstreams as one page: each one's components under a group named after it (its
/// own groups keep their place, named "<label> · <group>"), ids prefixed so two pages' "1"
/// never meet, incidents and maintenances together, the worst stated status for all.
fn combine(upstreams: &[UpstreamPicture]) -> Snapshot {
    // Prefixed by the upstream's place in the config, so an id stays the same whichever of
    // the others is up.
    let parts: Vec<Snapshot> = upstreams
        .iter()
        .enumerate()
        .filter_map(|(n, u)| u.good.as_ref().map(|(s, _)| prefixed(s.clone(), &format!("u{n}"), &u.name())))
        .collect();
    let mut combined = Snapshot::combine(parts);
    for c in &mut combined.components {
        c.source = None;
    }
    for i in combined.incidents.iter_mut().chain(&mut combined.maintenances) {
        i.source = None;
    }
    combined.labels.clear();
    combined
}

fn prefixed(mut s: Snapshot, prefix: &str, label: &str) -> Snapshot {
    let p = |id: &str| format!("{prefix}.{id}");
    let group_id = format!("{prefix}.group");
    let mut loose = false;
    for c in &mut s.components {
        c.id = p(&c.id);
        match &c.group_id {
            Some(g) => c.group_id = Some(p(g)),
            None if c.is_group => c.name = format!("{label} · {}", c.name),
            None => {
                c.group_id = Some(group_id.clone());
                loose = true;
            }
        }
    }
    if loose {
        let worst = s
            .components
            .iter()
            .filter(|c| c.group_id.as_deref() == Some(group_id.as_str()))
            .max_by_key(|c| c.status.severity())
            .map(|c| c.status.clone())
            .unwrap_or(status_widget::model::ComponentStatus::Operational);
        s.components.insert(
            0,
            status_widget::model::Component {
                id: group_id,
                name: label.to_owned(),
                status: worst,
                description: s.page.name.clone().filter(|n| n != label),
                position: i64::MIN,
                group_id: None,
                is_group: true,
                only_show_if_degraded: false,
                showcase: false,
                source: None,
            },
        );
    }
    for i in s.incidents.iter_mut().chain(&mut s.maintenances) {
        i.id = p(&i.id);
        for a in i.components.iter_mut().chain(i.updates.iter_mut().flat_map(|u| u.affected.iter_mut())) {
            a.code = a.code.as_deref().map(p);
        }
    }
    s.page.name = Some(label.to_owned());
    s.labelled(label)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// How long ago `t` was, for the health answer.
pub fn age(t: Option<SystemTime>) -> Option<Duration> {
    t.and_then(|t| SystemTime::now().duration_since(t).ok())
}
