//! Instatus: the public `summary.json` (page status, active incidents and maintenances) and
//! `components.json` (the components with their statuses and groups), both at the page's
//! base URL.
//!
//! Shapes, from Instatus's public-data help page (instatus.com/help/api/public-data) and the
//! captures in SOURCES.md:
//! - `summary.json`: `{page: {name, url, status}, activeIncidents: [{id, name, started,
//!   status, impact, url, updatedAt}], activeMaintenances: [{id, name, start, status,
//!   duration, url, updatedAt}]}`. Page status `UP` / `HASISSUES` / `UNDERMAINTENANCE` (an
//!   older API page lists `ALLPARTIALOUTAGE`, `SOMEDEGRADEDPERFORMANCE`, `ONEMAJOROUTAGE`…
//!   too). Live pages leave both lists out when empty (perplexity capture). `started` is ISO
//!   on live pages but JavaScript's `Date.toString()` in the help page's example
//!   (`Sat Jun 11 2022 18:55:50 GMT+0000 (Coordinated Universal Time)`); both are read.
//!   `duration` is in minutes (the maintenances API gives it next to `notifyMinutes`).
//! - `components.json`: `{components: [{id, name, description, status, group}]}` with
//!   uppercase statuses, `group` null or `{id, name, description}` (a name alone is read too);
//!   the API reference's bare array with `children` is read as well.
//!
//! Summary gives no update texts, so incidents carry none: the widget shows the title, status,
//! impact and link (to the incident on the page).

use std::collections::HashSet;

use chrono::{DateTime, TimeDelta};
use serde_json::Value;
use status_widget::model::{
    Component, ComponentStatus, Impact, Incident, Indicator, Page, PageStatus, Schedule, Severity, Snapshot,
    Status, Time,
};

use super::read::{identify, integer, member, objects, text, time, unique_ids, wrong_kind};
use super::{AdaptError, Found, Kind};

/// `summary.json` (required), then `components.json`.
pub fn documents() -> Vec<(String, bool)> {
    vec![("summary.json".to_owned(), true), ("components.json".to_owned(), false)]
}

/// The summary and the components into one picture.
pub fn adapt(documents: &[Option<Value>]) -> Result<Snapshot, AdaptError> {
    let Some(summary) = documents.first().and_then(Option::as_ref) else {
        return Err(AdaptError::Missing("the Instatus summary.json".to_owned()));
    };
    let page = member(summary, "page").filter(|p| p.is_object());
    let is_summary = page.is_some_and(|p| text(p, "status").is_some() || text(p, "name").is_some())
        || member(summary, "activeIncidents").is_some()
        || member(summary, "activeMaintenances").is_some();
    if !is_summary {
        return Err(not_summary(summary));
    }

    let components = match documents.get(1).and_then(Option::as_ref) {
        Some(document) => {
            // A components document of another product means the page is misconfigured; one
            // the rules do not place (an error body, an empty list) just has no components.
            if let Some(found) = identify(document).filter(|f| *f != Found::Kind(Kind::Instatus)) {
                return Err(AdaptError::WrongKind {
                    document: "components.json".to_owned(),
                    expected: "an Instatus components.json".to_owned(),
                    found: found.describe(),
                });
            }
            components(document)
        }
        None => Vec::new(),
    };

    let status = page
        .and_then(|p| text(p, "status"))
        .map(|raw| PageStatus { indicator: page_indicator(&raw, &components), description: None });
    let mut snapshot = Snapshot {
        page: Page {
            name: page.and_then(|p| text(p, "name")).map(|n| n.trim().to_owned()),
            url: page.and_then(|p| text(p, "url")),
            ..Page::default()
        },
        status,
        components,
        incidents: objects(summary, "activeIncidents").into_iter().map(incident).collect(),
        maintenances: objects(summary, "activeMaintenances").into_iter().map(maintenance).collect(),
        ..Snapshot::default()
    };
    // Newest first before ids are made unique, so a made-up suffix stays put as news arrives.
    snapshot.sort();
    unique_ids(snapshot.incidents.iter_mut().map(|i| &mut i.id));
    unique_ids(snapshot.maintenances.iter_mut().map(|i| &mut i.id));
    Ok(snapshot)
}

/// The error for a first document that is not a summary, naming Instatus's other document
/// when it is that one.
fn not_summary(document: &Value) -> AdaptError {
    if member(document, "components").is_some() && identify(document) == Some(Found::Kind(Kind::Instatus)) {
        return AdaptError::WrongKind {
            document: "summary.json".to_owned(),
            expected: "an Instatus summary.json".to_owned(),
            found: "an Instatus components.json (configure the page's base URL, not the document)".to_owned(),
        };
    }
    wrong_kind("summary.json", "an Instatus summary.json", document)
}

/// An Instatus component (or impact) word in Statuspage's words; unknown ones as written.
fn component_status(raw: &str) -> ComponentStatus {
    match raw.trim().to_ascii_uppercase().as_str() {
        "OPERATIONAL" => ComponentStatus::Operational,
        "DEGRADEDPERFORMANCE" => ComponentStatus::DegradedPerformance,
        // Instatus's scale has a minor outage between degraded and major; Statuspage's
        // nearest is the partial outage.
        "PARTIALOUTAGE" | "MINOROUTAGE" => ComponentStatus::PartialOutage,
        "MAJOROUTAGE" => ComponentStatus::MajorOutage,
        "UNDERMAINTENANCE" => ComponentStatus::UnderMaintenance,
        _ => ComponentStatus::Other(raw.trim().to_owned()),
    }
}

fn indicator_of(severity: Severity) -> Indicator {
    match severity {
        Severity::None => Indicator::None,
        Severity::Maintenance => Indicator::Maintenance,
        Severity::Minor => Indicator::Minor,
        Severity::Major => Indicator::Major,
        Severity::Critical => Indicator::Critical,
    }
}

/// The page's stated status. `HASISSUES` says something is wrong but not how badly: the
/// worst component says that (as the widget would work it out), and at least `minor`, since
/// the page says there are issues even when `components.json` is missing or all green.
fn page_indicator(raw: &str, components: &[Component]) -> Indicator {
    let word = raw.trim().to_ascii_uppercase();
    match word.as_str() {
        "UP" => Indicator::None,
        "UNDERMAINTENANCE" | "ALLUNDERMAINTENANCE" => Indicator::Maintenance,
        "HASISSUES" => {
            let worst = components.iter().map(|c| c.status.severity()).max().unwrap_or(Severity::None);
            indicator_of(worst.max(Severity::Minor))
        }
        _ => {
            // The older scale: ALL / SOME / ONE followed by a component word.
            let suffix = ["ALL", "SOME", "ONE"].iter().find_map(|prefix| word.strip_prefix(prefix));
            match suffix.map(component_status) {
                Some(ComponentStatus::Other(_)) | None => Indicator::Other(raw.trim().to_owned()),
                Some(status) => indicator_of(status.severity()),
            }
        }
    }
}

/// An incident's impact from Instatus's component words, by the severity Statuspage gives
/// the matching component status (degraded: minor, partial: major, major outage: critical).
fn impact(raw: &str) -> Impact {
    match component_status(raw) {
        ComponentStatus::Other(_) => Impact::Other(raw.trim().to_owned()),
        status => match status.severity() {
            Severity::None => Impact::None,
            Severity::Maintenance => Impact::Maintenance,
            Severity::Minor => Impact::Minor,
            Severity::Major => Impact::Major,
            Severity::Critical => Impact::Critical,
        },
    }
}

fn incident_status(raw: &str) -> Status {
    match raw.trim().to_ascii_uppercase().as_str() {
        "INVESTIGATING" => Status::Investigating,
        "IDENTIFIED" => Status::Identified,
        "MONITORING" => Status::Monitoring,
        "RESOLVED" => Status::Resolved,
        "POSTMORTEM" => Status::Postmortem,
        _ => Status::Other(raw.trim().to_owned()),
    }
}

fn maintenance_status(raw: &str) -> Status {
    match raw.trim().to_ascii_uppercase().as_str() {
        "NOTSTARTEDYET" => Status::Scheduled,
        "INPROGRESS" => Status::InProgress,
        "COMPLETED" => Status::Completed,
        _ => Status::Other(raw.trim().to_owned()),
    }
}

/// An instant as Instatus writes it: ISO (live pages), or JavaScript's `Date.toString()`
/// (`Sat Jun 11 2022 18:55:50 GMT+0000 (Coordinated Universal Time)`, the help page).
fn instant(value: &Value, key: &str) -> Option<Time> {
    time(value, key).or_else(|| {
        let raw = text(value, key)?;
        let without_zone_name = raw.split(" (").next()?.trim();
        DateTime::parse_from_str(without_zone_name, "%a %b %d %Y %H:%M:%S GMT%z").ok().map(|t| t.to_utc())
    })
}

fn incident(item: &Value) -> Incident {
    let name = text(item, "name").map(|n| n.trim().to_owned()).unwrap_or_default();
    let started = instant(item, "started");
    Incident {
        id: text(item, "id").or_else(|| text(item, "url")).unwrap_or_else(|| name.clone()),
        name,
        status: text(item, "status").map_or(Status::Investigating, |s| incident_status(&s)),
        impact: text(item, "impact").map_or(Impact::None, |s| impact(&s)),
        created_at: started,
        updated_at: instant(item, "updatedAt"),
        started_at: started,
        resolved_at: None,
        shortlink: text(item, "url"),
        components: Vec::new(),
        updates: Vec::new(),
        schedule: None,
        postmortem: None,
        source: None,
    }
}

fn maintenance(item: &Value) -> Incident {
    let name = text(item, "name").map(|n| n.trim().to_owned()).unwrap_or_default();
    let starts = instant(item, "start");
    let minutes = integer(item, "duration").filter(|m| *m > 0);
    let ends = starts.zip(minutes).and_then(|(s, m)| s.checked_add_signed(TimeDelta::try_minutes(m)?));
    Incident {
        id: text(item, "id").or_else(|| text(item, "url")).unwrap_or_else(|| name.clone()),
        name,
        status: text(item, "status").map_or(Status::Scheduled, |s| maintenance_status(&s)),
        impact: Impact::Maintenance,
        created_at: None,
        updated_at: instant(item, "updatedAt"),
        started_at: None,
        resolved_at: None,
        shortlink: text(item, "url"),
        components: Vec::new(),
        updates: Vec::new(),
        schedule: Some(Schedule { starts, ends }),
        postmortem: None,
        source: None,
    }
}

/// One component as listed, before groups are placed.
struct Entry {
    id: String,
    name: String,
    status: Option<ComponentStatus>,
    description: Option<String>,
    /// Its group: id and name.
    group: Option<(String, String)>,
}

/// The components of `components.json`, flat, with groups as `is_group` components before
/// their members. A group named by a member but not listed itself is made from its name and
/// gets the worst status of its members.
fn components(document: &Value) -> Vec<Component> {
    let items: Vec<&Value> = match document {
        Value::Array(items) => items.iter().filter(|i| i.is_object()).collect(),
        _ => objects(document, "components"),
    };
    let mut entries = Vec::new();
    for item in items {
        flatten(item, None, &mut entries, 0);
    }
    let group_ids: HashSet<String> =
        entries.iter().filter_map(|e| e.group.as_ref().map(|g| g.0.clone())).collect();
    let listed: HashSet<String> = entries.iter().map(|e| e.id.clone()).collect();

    let mut out: Vec<Component> = Vec::new();
    let mut emitted = HashSet::new();
    for entry in entries {
        if let Some((group_id, group_name)) = &entry.group {
            if !listed.contains(group_id) && emitted.insert(group_id.clone()) {
                out.push(component_of(group_id.clone(), group_name.clone(), None, None, None, true));
            }
        }
        if !emitted.insert(entry.id.clone()) {
            continue;
        }
        let is_group = group_ids.contains(&entry.id);
        let group_id = entry.group.map(|g| g.0).filter(|g| *g != entry.id);
        out.push(component_of(entry.id, entry.name, entry.status, entry.description, group_id, is_group));
    }
    // Groups without a status of their own take their worst member's.
    super::read::roll_up(&mut out, |g| g.status == ComponentStatus::Other(String::new()));
    super::read::number(&mut out);
    out
}

fn component_of(
    id: String,
    name: String,
    status: Option<ComponentStatus>,
    description: Option<String>,
    group_id: Option<String>,
    is_group: bool,
) -> Component {
    Component {
        id,
        name,
        // No status of its own: filled from the members (groups) or kept empty.
        status: status.unwrap_or(ComponentStatus::Other(String::new())),
        description,
        position: 0,
        group_id,
        is_group,
        only_show_if_degraded: false,
        showcase: false,
        source: None,
    }
}

/// Reads one listed component (and, for the API reference's shape, its `children`).
fn flatten(item: &Value, parent: Option<(String, String)>, entries: &mut Vec<Entry>, depth: usize) {
    let name = text(item, "name").map(|n| n.trim().to_owned());
    let Some(id) = text(item, "id").or_else(|| name.clone()) else { return };
    let name = name.unwrap_or_else(|| id.clone());
    let group = parent.or_else(|| match member(item, "group") {
        Some(Value::Object(_)) => {
            let group = member(item, "group")?;
            let group_name = text(group, "name").map(|n| n.trim().to_owned());
            let group_id = text(group, "id").or_else(|| group_name.as_ref().map(|n| format!("group:{n}")))?;
            Some((group_id.clone(), group_name.unwrap_or(group_id)))
        }
        Some(Value::String(s)) if !s.trim().is_empty() => {
            Some((format!("group:{}", s.trim()), s.trim().to_owned()))
        }
        _ => None,
    });
    entries.push(Entry {
        id: id.clone(),
        name: name.clone(),
        status: text(item, "status").map(|s| component_status(&s)),
        description: text(item, "description"),
        group,
    });
    // Nested groups are not an Instatus feature; one level is read, deeper ones flattened
    // into it, and a hostile depth cannot recurse far (serde_json caps nesting at 128).
    if depth < 8 {
        for child in objects(item, "children") {
            flatten(child, Some((id.clone(), name.clone())), entries, depth + 1);
        }
    }
}
