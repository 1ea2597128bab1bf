//! One adapter per status-page product: a pure function from the documents the product
//! serves to the widget's [`Snapshot`]. Each knows which documents to fetch from a page's
//! base URL ([`Kind::documents`]); none of them fetches.
//!
//! Every adapter is lenient the way the widget's decoder is: a field of the wrong type reads
//! as absent, an unknown status is kept as the feed wrote it (`Other`), and only a document of
//! another kind (or no JSON at all) is an error, naming what the document is.

mod betterstack;
mod cachet;
mod cstate;
mod googlecloud;
mod incidentio;
mod instatus;
pub mod read;
mod slack;
mod statuspage;
mod uptimekuma;

use serde_json::Value;
use status_widget::model::Snapshot;
use url::Url;

/// The products the relay reads, as the config names them (`kind = "instatus"`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// Atlassian Statuspage v2 (`/api/v2/summary.json`, `incidents.json`,
    /// `scheduled-maintenances.json`): passed through, normalised.
    Statuspage,
    /// Instatus (`/summary.json` + `/components.json`).
    Instatus,
    /// Better Stack (`/index.json`, JSON:API).
    #[serde(rename = "betterstack")]
    BetterStack,
    /// incident.io (its widget API, `/api/v1/summary`, or its Statuspage-compatible shim).
    #[serde(rename = "incidentio")]
    IncidentIo,
    /// Uptime Kuma (`/api/status-page/<slug>` + `/api/status-page/heartbeat/<slug>`).
    #[serde(rename = "uptime-kuma")]
    UptimeKuma,
    /// Cachet 2.x (`/api/v1/components`, `/api/v1/incidents`, `/api/v1/schedules`).
    #[serde(rename = "cachet")]
    Cachet2,
    /// Cachet 3.x (`/api/components`, `/api/incidents`, `/api/schedules`).
    #[serde(rename = "cachet3")]
    Cachet3,
    /// cState (`/index.json`).
    #[serde(rename = "cstate")]
    CState,
    /// Slack (`/api/v2.0.0/current`).
    Slack,
    /// Google Cloud (`/incidents.json`).
    #[serde(rename = "google-cloud")]
    GoogleCloud,
}

/// Every kind, in the order `auto` tries them.
pub const KINDS: [Kind; 10] = [
    Kind::Statuspage,
    Kind::Instatus,
    Kind::BetterStack,
    Kind::IncidentIo,
    Kind::UptimeKuma,
    Kind::Cachet2,
    Kind::Cachet3,
    Kind::CState,
    Kind::Slack,
    Kind::GoogleCloud,
];

/// One document an adapter reads from a page.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    /// Where it is.
    pub url: Url,
    /// Whether the picture can be made without it (`false`: a failure of this one keeps the
    /// last good picture; `true` for the first, optional for history lists).
    pub required: bool,
}

/// Why documents could not be read as the configured kind.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum AdaptError {
    /// The bytes are not JSON (or too deeply nested).
    #[error("{document} is not JSON: {reason}")]
    NotJson {
        /// Which document.
        document: String,
        /// serde_json's words.
        reason: String,
    },
    /// JSON, but of another kind: `found` says what it is.
    #[error("{document} is not {expected}: it is {found}")]
    WrongKind {
        /// Which document.
        document: String,
        /// What the config said, e.g. "an Instatus summary.json".
        expected: String,
        /// What it is, e.g. "a cState index.json", "a Statuspage v2 document", "JSON that no
        /// status page serves".
        found: String,
    },
    /// A required document was not there.
    #[error("{0} is missing")]
    Missing(String),
}

impl Kind {
    /// The config's spelling (`kind = "..."`).
    pub fn config_name(self) -> &'static str {
        match self {
            Kind::Statuspage => "statuspage",
            Kind::Instatus => "instatus",
            Kind::BetterStack => "betterstack",
            Kind::IncidentIo => "incidentio",
            Kind::UptimeKuma => "uptime-kuma",
            Kind::Cachet2 => "cachet",
            Kind::Cachet3 => "cachet3",
            Kind::CState => "cstate",
            Kind::Slack => "slack",
            Kind::GoogleCloud => "google-cloud",
        }
    }

    /// The product's name, for messages.
    pub fn product(self) -> &'static str {
        match self {
            Kind::Statuspage => "Statuspage",
            Kind::Instatus => "Instatus",
            Kind::BetterStack => "Better Stack",
            Kind::IncidentIo => "incident.io",
            Kind::UptimeKuma => "Uptime Kuma",
            Kind::Cachet2 => "Cachet 2",
            Kind::Cachet3 => "Cachet 3",
            Kind::CState => "cState",
            Kind::Slack => "Slack",
            Kind::GoogleCloud => "Google Cloud",
        }
    }

    /// The documents to fetch for the page at `base` (its public address, e.g.
    /// `https://status.example.com`, or for Uptime Kuma `https://kuma.example/status/<slug>`),
    /// the required one first. Fails when `base` cannot name them (an Uptime Kuma address
    /// without a slug).
    pub fn documents(self, base: &Url) -> Result<Vec<Document>, String> {
        let paths: Vec<(String, bool)> = match self {
            Kind::Statuspage => statuspage::documents(),
            Kind::Instatus => instatus::documents(),
            Kind::BetterStack => betterstack::documents(),
            Kind::IncidentIo => incidentio::documents(),
            Kind::UptimeKuma => uptimekuma::documents(base)?,
            Kind::Cachet2 => cachet::documents_v2(),
            Kind::Cachet3 => cachet::documents_v3(),
            Kind::CState => cstate::documents(),
            Kind::Slack => slack::documents(),
            Kind::GoogleCloud => googlecloud::documents(),
        };
        paths
            .into_iter()
            .map(|(path, required)| {
                let url =
                    read::join(base, &path).ok_or_else(|| format!("{base} cannot take the path {path}"))?;
                Ok(Document { url, required })
            })
            .collect()
    }

    /// Reads the documents (in the order of [`Kind::documents`]; `None` for one that could
    /// not be fetched) into one picture.
    pub fn adapt(self, documents: &[Option<Value>]) -> Result<Snapshot, AdaptError> {
        let first = documents.first().and_then(Option::as_ref);
        let Some(first) = first else {
            return Err(AdaptError::Missing(format!("the {} document", self.product())));
        };
        // Refused only when the first document is positively something else; JSON the shared
        // rules do not place is left to the adapter, which knows its own shapes.
        if let Some(found) = read::identify(first).filter(|found| !self.same_family(*found)) {
            return Err(AdaptError::WrongKind {
                document: "the first document".to_owned(),
                expected: format!("{} {} document", read::article(self.product()), self.product()),
                found: found.describe(),
            });
        }
        let mut snapshot = match self {
            Kind::Statuspage => statuspage::adapt(documents),
            Kind::Instatus => instatus::adapt(documents),
            Kind::BetterStack => betterstack::adapt(documents),
            Kind::IncidentIo => incidentio::adapt(documents),
            Kind::UptimeKuma => uptimekuma::adapt(documents),
            Kind::Cachet2 | Kind::Cachet3 => cachet::adapt(documents),
            Kind::CState => cstate::adapt(documents),
            Kind::Slack => slack::adapt(documents),
            Kind::GoogleCloud => googlecloud::adapt(documents),
        }?;
        snapshot.sort();
        Ok(snapshot)
    }

    /// Whether a document identified as `found` belongs to this kind's product (Cachet's two
    /// versions are one product to the identifier).
    fn same_family(self, found: Found) -> bool {
        match found {
            Found::Kind(kind) => {
                kind == self
                    || matches!((kind, self), (Kind::Cachet2 | Kind::Cachet3, Kind::Cachet2 | Kind::Cachet3))
                    // incident.io's Statuspage-compatible shim serves Statuspage's shapes.
                    || (kind == Kind::Statuspage && self == Kind::IncidentIo)
            }
            Found::Other(_) | Found::NotStatus => false,
        }
    }
}

/// What a JSON document is, as far as the relay can tell.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Found {
    /// A product the relay reads.
    Kind(Kind),
    /// A product it recognises but does not read (e.g. "AWS Health").
    Other(&'static str),
    /// JSON that no status page serves.
    NotStatus,
}

impl Found {
    /// "a cState document", "an AWS Health document", "JSON that no status page serves".
    pub fn describe(self) -> String {
        match self {
            Found::Kind(kind) => format!("{} {} document", read::article(kind.product()), kind.product()),
            Found::Other(product) => {
                format!("{} {product} document, which the relay does not read", read::article(product))
            }
            Found::NotStatus => "JSON that no status page serves".to_owned(),
        }
    }
}

/// What `document` is: the widget's own decoder tells Statuspage from every product it
/// recognises (one set of rules for both), refined here where the relay needs more (Cachet's
/// version).
pub fn identify_bytes(bytes: &[u8]) -> Found {
    read::identify_bytes(bytes)
}
