//! Statuspage v2 documents → [`Snapshot`].
//!
//! One lenient wire shape covers every document kind (summary, status, components,
//! incidents, unresolved, one incident with or without its `{page, incident}` wrapper,
//! scheduled maintenances); the kind is told from which keys are present. Wire types use
//! [`Scalar`], [`Obj`] and [`Items`], so a field of the wrong type reads as absent instead
//! of failing the whole document.

use serde::de::IgnoredAny;
use serde::Deserialize;

use super::lenient::{Items, Obj, Scalar};
use super::FeedError;
use crate::model::{
    AffectedComponent, Component, ComponentStatus, Impact, Incident, Indicator, Page, PageStatus, Postmortem,
    Schedule, Snapshot, Status, Time, Update,
};

/// The largest feed the widget reads; larger ones are refused with [`FeedError::TooLarge`].
pub const MAX_FEED_BYTES: usize = 5 * 1024 * 1024;

/// Which Statuspage v2 document a feed was.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocumentKind {
    /// `/api/v2/summary.json`.
    Summary,
    /// `/api/v2/status.json`.
    Status,
    /// `/api/v2/components.json`.
    Components,
    /// `/api/v2/incidents.json` or `incidents/unresolved.json`.
    Incidents,
    /// `/api/v2/incidents/{id}.json`, wrapped or bare.
    Incident,
    /// `/api/v2/scheduled-maintenances*.json`.
    Maintenances,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct WireDocument {
    page: Obj<WirePage>,
    status: Obj<WireStatus>,
    components: Items<WireComponent>,
    incidents: Items<WireIncident>,
    scheduled_maintenances: Items<WireIncident>,
    incident: Obj<WireIncident>,
    // Present only on a bare incident or maintenance object.
    incident_updates: Option<IgnoredAny>,
    // Other status-page formats, recognised to say so clearly.
    #[serde(rename = "summaryStatus")]
    cstate_summary: Option<IgnoredAny>,
    #[serde(rename = "apiVersion")]
    cstate_api: Option<IgnoredAny>,
    meta: Option<IgnoredAny>,
    data: Option<IgnoredAny>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct WirePage {
    id: Scalar,
    name: Scalar,
    url: Scalar,
    time_zone: Scalar,
    updated_at: Scalar,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct WireStatus {
    indicator: Scalar,
    description: Scalar,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct WireComponent {
    id: Scalar,
    name: Scalar,
    status: Scalar,
    description: Scalar,
    position: Scalar,
    group_id: Scalar,
    group: Scalar,
    only_show_if_degraded: Scalar,
    showcase: Scalar,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct WireIncident {
    id: Scalar,
    name: Scalar,
    status: Scalar,
    impact: Scalar,
    created_at: Scalar,
    updated_at: Scalar,
    started_at: Scalar,
    resolved_at: Scalar,
    shortlink: Scalar,
    components: Items<WireComponent>,
    incident_updates: Items<WireUpdate>,
    scheduled_for: Scalar,
    scheduled_until: Scalar,
    postmortem_body: Scalar,
    postmortem_published_at: Scalar,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct WireUpdate {
    id: Scalar,
    status: Scalar,
    body: Scalar,
    created_at: Scalar,
    updated_at: Scalar,
    display_at: Scalar,
    affected_components: Items<WireAffected>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct WireAffected {
    code: Scalar,
    name: Scalar,
    old_status: Scalar,
    new_status: Scalar,
}

/// Reads one document. Never panics: broken JSON, JSON that is not a status document, other
/// status-page formats and oversized input each give their own [`FeedError`].
pub fn decode(bytes: &[u8]) -> Result<(DocumentKind, Snapshot), FeedError> {
    if bytes.len() > MAX_FEED_BYTES {
        return Err(FeedError::TooLarge { size: bytes.len(), limit: MAX_FEED_BYTES });
    }
    let Obj(document) = serde_json::from_slice::<Obj<WireDocument>>(bytes).map_err(not_json)?;
    let document = document.ok_or(FeedError::NotStatusDocument)?;

    let kind = if document.incident.0.is_some() || document.incident_updates.is_some() {
        DocumentKind::Incident
    } else if document.incidents.is_present() && document.components.is_present() {
        DocumentKind::Summary
    } else if document.incidents.is_present() {
        DocumentKind::Incidents
    } else if document.scheduled_maintenances.is_present() {
        DocumentKind::Maintenances
    } else if document.components.is_present() {
        DocumentKind::Components
    } else if document.status.0.is_some() && document.page.0.is_some() {
        DocumentKind::Status
    } else if document.cstate_summary.is_some() || document.cstate_api.is_some() {
        return Err(FeedError::Unsupported("cState"));
    } else if document.meta.is_some() && document.data.is_some() {
        return Err(FeedError::Unsupported("Cachet"));
    } else {
        return Err(FeedError::NotStatusDocument);
    };

    let mut snapshot = Snapshot {
        page: document.page.0.map(page).unwrap_or_default(),
        status: document.status.0.map(|s| PageStatus {
            indicator: s.indicator.text().map_or(Indicator::Other(String::new()), |t| Indicator::parse(&t)),
            description: s.description.text(),
        }),
        components: document.components.into_vec().into_iter().filter_map(component).collect(),
        ..Snapshot::default()
    };
    snapshot.components.sort_by_key(|c| c.position);

    let mut all: Vec<Incident> = document
        .incidents
        .into_vec()
        .into_iter()
        .chain(document.scheduled_maintenances.into_vec())
        .chain(document.incident.0)
        .map(incident)
        .collect();
    if document.incident_updates.is_some() {
        // A bare incident: the document itself is the incident.
        let bare = serde_json::from_slice::<WireIncident>(bytes).map_err(not_json)?;
        all.push(incident(bare));
    }
    // Views key lists by id: missing or repeated ids must not collide.
    make_unique(all.iter_mut().map(|i| &mut i.id));
    for incident in &mut all {
        make_unique(incident.updates.iter_mut().map(|u| &mut u.id));
    }
    let (maintenances, incidents) = all.into_iter().partition(Incident::is_maintenance);
    snapshot.incidents = incidents;
    snapshot.maintenances = maintenances;
    snapshot.sort();
    Ok((kind, snapshot))
}

/// Gives every empty or repeated id a unique `#n` suffix (n: its position).
fn make_unique<'a>(ids: impl Iterator<Item = &'a mut String>) {
    let mut seen = std::collections::HashSet::new();
    for (position, id) in ids.enumerate() {
        if id.is_empty() || !seen.insert(id.clone()) {
            id.push_str(&format!("#{position}"));
            seen.insert(id.clone());
        }
    }
}

fn not_json(error: serde_json::Error) -> FeedError {
    if error.is_data() {
        // Valid JSON of an impossible shape (e.g. a repeated key): not a document we can read.
        FeedError::NotStatusDocument
    } else {
        FeedError::NotJson(error.to_string())
    }
}

/// Reads a feed timestamp: RFC 3339 with or without fractions, `Z` or an offset; a space
/// instead of `T` is accepted. A date alone or anything else reads as absent.
pub fn parse_time(raw: &str) -> Option<Time> {
    // By hand rather than chrono's format parser, which costs the wasm about 8 KB brotli for
    // this one shape; tests compare the two on every shape feeds use.
    let b = raw.trim().as_bytes();
    let digits = |from: usize, len: usize| -> Option<u32> {
        let part = b.get(from..from + len)?;
        part.iter().try_fold(0u32, |n, d| d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0')))
    };
    let at = |i: usize| b.get(i).copied();
    let separators = at(4) == Some(b'-')
        && at(7) == Some(b'-')
        && matches!(at(10), Some(b'T' | b't' | b' '))
        && at(13) == Some(b':')
        && at(16) == Some(b':');
    if !separators {
        return None;
    }
    let (year, month, day) = (digits(0, 4)?, digits(5, 2)?, digits(8, 2)?);
    let (hour, minute, second) = (digits(11, 2)?, digits(14, 2)?, digits(17, 2)?);
    // Fractions of a second: any number of digits, nanoseconds kept.
    let mut i = 19;
    let mut nanos = 0u32;
    if at(i) == Some(b'.') {
        i += 1;
        let start = i;
        while at(i).is_some_and(|d| d.is_ascii_digit()) {
            if i - start < 9 {
                nanos = nanos * 10 + u32::from(at(i)? - b'0');
            }
            i += 1;
        }
        if i == start {
            return None;
        }
        for _ in (i - start)..9 {
            nanos = nanos.saturating_mul(10);
        }
    }
    let offset_minutes: i64 = match at(i)? {
        b'Z' | b'z' if i + 1 == b.len() => 0,
        sign @ (b'+' | b'-') if i + 6 == b.len() && at(i + 3) == Some(b':') => {
            let (h, m) = (digits(i + 1, 2)?, digits(i + 4, 2)?);
            if h > 23 || m > 59 {
                return None;
            }
            let minutes = i64::from(h * 60 + m);
            if sign == b'-' {
                -minutes
            } else {
                minutes
            }
        }
        _ => return None,
    };
    // A leap second (:60) reads as the last nanosecond before the next minute.
    let (second, nanos) = if second == 60 { (59, 999_999_999) } else { (second, nanos) };
    let date = chrono::NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)?;
    let local = date.and_hms_nano_opt(hour, minute, second, nanos)?;
    local.and_utc().checked_sub_signed(chrono::TimeDelta::minutes(offset_minutes))
}

fn time(value: &Scalar) -> Option<Time> {
    value.text().as_deref().and_then(parse_time)
}

fn page(wire: WirePage) -> Page {
    Page {
        id: wire.id.text(),
        name: wire.name.text(),
        url: wire.url.text(),
        time_zone: wire.time_zone.text(),
        updated_at: time(&wire.updated_at),
    }
}

fn component(wire: WireComponent) -> Option<Component> {
    let id = wire.id.text();
    let name = wire.name.text();
    if id.is_none() && name.is_none() {
        return None;
    }
    Some(Component {
        name: name.clone().unwrap_or_else(|| id.clone().unwrap_or_default()),
        id: id.or(name).unwrap_or_default(),
        status: component_status(&wire.status).unwrap_or(ComponentStatus::Other(String::new())),
        description: wire.description.text(),
        position: wire.position.number().map_or(i64::MAX, |p| p as i64),
        group_id: wire.group_id.text(),
        is_group: wire.group.flag(),
        only_show_if_degraded: wire.only_show_if_degraded.flag(),
        showcase: wire.showcase.flag(),
        source: None,
    })
}

fn component_status(value: &Scalar) -> Option<ComponentStatus> {
    value.text().map(|s| ComponentStatus::parse(&s))
}

fn incident(wire: WireIncident) -> Incident {
    let mut updates: Vec<Update> = wire.incident_updates.into_vec().into_iter().map(update).collect();
    // Newest first; updates without a time go last, in feed order.
    updates.sort_by_key(|u| std::cmp::Reverse(u.at));
    let is_maintenance = wire.scheduled_for.text().is_some() || wire.scheduled_until.text().is_some();
    let status = wire
        .status
        .text()
        .map(|s| Status::parse(&s))
        .or_else(|| updates.first().map(|u| u.status.clone()))
        .unwrap_or(Status::Other(String::new()));
    Incident {
        id: wire.id.text().or_else(|| wire.name.text()).unwrap_or_default(),
        name: wire.name.text().unwrap_or_default(),
        status,
        impact: wire.impact.text().map_or(Impact::None, |s| Impact::parse(&s)),
        created_at: time(&wire.created_at),
        updated_at: time(&wire.updated_at),
        started_at: time(&wire.started_at),
        resolved_at: time(&wire.resolved_at),
        shortlink: wire.shortlink.text(),
        components: wire
            .components
            .into_vec()
            .into_iter()
            .filter_map(component)
            .map(|c| AffectedComponent { code: Some(c.id), name: c.name, old_status: None, new_status: None })
            .collect(),
        updates,
        schedule: is_maintenance
            .then(|| Schedule { starts: time(&wire.scheduled_for), ends: time(&wire.scheduled_until) }),
        postmortem: wire
            .postmortem_body
            .text()
            .map(|body| Postmortem { body, published_at: time(&wire.postmortem_published_at) }),
        source: None,
    }
}

fn update(wire: WireUpdate) -> Update {
    let created_at = time(&wire.created_at);
    Update {
        id: wire.id.text().unwrap_or_default(),
        status: wire.status.text().map_or(Status::Other(String::new()), |s| Status::parse(&s)),
        body: wire.body.text().unwrap_or_default(),
        at: time(&wire.display_at).or(created_at),
        created_at,
        updated_at: time(&wire.updated_at),
        affected: wire
            .affected_components
            .into_vec()
            .into_iter()
            .filter_map(|a| {
                let name = a.name.text().or_else(|| a.code.text())?;
                Some(AffectedComponent {
                    code: a.code.text(),
                    name,
                    old_status: component_status(&a.old_status),
                    new_status: component_status(&a.new_status),
                })
            })
            .collect(),
    }
}
