//! Uptime Kuma: a status page at `https://kuma.example/status/<slug>` serves its
//! configuration, pinned incident, groups of monitors and running maintenances at
//! `/api/status-page/<slug>`, and the monitors' latest heartbeats at
//! `/api/status-page/heartbeat/<slug>` (shapes from Uptime Kuma's
//! `server/routers/status-page-router.js` and `server/model/*.js`, 1.x to 2.5, and the SLUM
//! captures in the shared fixtures).
//!
//! What the page shows, and how it maps:
//! - Groups (`publicGroupList`) become groups (`group-<id>`, names trimmed: real pages end
//!   them with "\n"); their monitors become components (the monitor id). A monitor of type
//!   `group` is Uptime Kuma's rollup of other monitors: it is listed like any monitor, with
//!   the status of its own heartbeats (which Uptime Kuma works out from its children; the
//!   public JSON does not say which monitors those are).
//! - A monitor's status is its latest heartbeat's (by `time`): 1 up → operational, 0 down →
//!   major_outage, 2 pending (failing, not yet declared down) → degraded_performance, 3
//!   maintenance → under_maintenance; any other value is kept as written. Without the
//!   heartbeat document, or with no beat for a monitor, the status is `unknown` (never
//!   "operational": nothing says it is up).
//! - The overall indicator is left to the widget (`status: None`): Uptime Kuma states none
//!   in its JSON (its page works one out in the browser from the same heartbeats, as the
//!   widget does from the components).
//! - The pinned incident (1.x/2.0: `incident`; 2.1+: `incidents`) is an open incident with
//!   one update carrying its text. Uptime Kuma's incidents have no impact, only a colour
//!   (`style`): danger → major (red, but Uptime Kuma has no second, worse colour to tell a
//!   critical outage by, and the monitors already say what is down), warning → minor, info /
//!   primary / light / dark → none (an announcement). An unknown style is kept as written.
//! - `maintenanceList` (only the maintenances running now, as Uptime Kuma sends it) become
//!   maintenances with their time slot.

use std::collections::HashMap;

use serde_json::Value;
use status_widget::model::{
    Component, ComponentStatus, Impact, Incident, Page, Schedule, Snapshot, Status, Time, Update,
};
use url::Url;

use super::read::{self, as_text, flag, integer, member, objects, text, time};
use super::AdaptError;

/// The status of a monitor nothing reports on.
const UNKNOWN: &str = "unknown";

/// The status page's JSON (required) and its heartbeats, from the page's public address
/// (`…/status/<slug>`): the slug is the segment after the last `status`, and anything before
/// `status` is kept (an instance behind a path prefix).
pub fn documents(base: &Url) -> Result<Vec<(String, bool)>, String> {
    let segments: Vec<&str> = base.path_segments().map(Iterator::collect).unwrap_or_default();
    let at = segments.iter().rposition(|s| *s == "status");
    let slug = at.and_then(|i| segments.get(i + 1)).filter(|s| !s.is_empty());
    let (Some(at), Some(slug)) = (at, slug) else {
        return Err(format!(
            "{base} names no Uptime Kuma status page: its address ends in /status/<slug> \
             (Uptime Kuma's own /status page is /status/default)"
        ));
    };
    let prefix: String = segments
        .get(..at)
        .unwrap_or_default()
        .iter()
        .filter(|s| !s.is_empty())
        .map(|s| format!("{s}/"))
        .collect();
    Ok(vec![
        (format!("/{prefix}api/status-page/{slug}"), true),
        (format!("/{prefix}api/status-page/heartbeat/{slug}"), false),
    ])
}

/// The status page and its heartbeats into one picture.
pub fn adapt(documents: &[Option<Value>]) -> Result<Snapshot, AdaptError> {
    let Some(page) = documents.first().and_then(Option::as_ref) else {
        return Err(AdaptError::Missing("the Uptime Kuma status page (/api/status-page/<slug>)".to_owned()));
    };
    check_status_page(page)?;
    // A second document of another shape (an error page, a proxy's HTML turned JSON) is as
    // good as none: statuses are then unknown.
    let beats = documents.get(1).and_then(Option::as_ref).filter(|d| member(d, "heartbeatList").is_some());
    let latest = beats.map(latest_beats);

    let config = member(page, "config");
    let mut snapshot = Snapshot {
        page: Page {
            id: config.and_then(|c| text(c, "slug")),
            name: config.and_then(|c| text(c, "title")).map(|t| t.trim().to_owned()),
            url: None,
            time_zone: None,
            // The moment the heartbeats describe: the newest beat.
            updated_at: latest.as_ref().and_then(|l| l.values().filter_map(|b| b.at).max()),
        },
        status: None,
        components: components(page, latest.as_ref()),
        ..Snapshot::default()
    };
    snapshot.incidents = incidents(page);
    snapshot.maintenances =
        objects(page, "maintenanceList").into_iter().enumerate().map(maintenance).collect();
    read::unique_ids(snapshot.incidents.iter_mut().map(|i| &mut i.id));
    read::unique_ids(snapshot.maintenances.iter_mut().map(|i| &mut i.id));
    Ok(snapshot)
}

/// Refuses a first document that is not a status page, saying what it is.
fn check_status_page(page: &Value) -> Result<(), AdaptError> {
    let keys = ["publicGroupList", "config", "incident", "incidents", "maintenanceList"];
    if page.is_object() && keys.iter().any(|k| page.get(k).is_some()) {
        return Ok(());
    }
    let expected = "an Uptime Kuma status page (/api/status-page/<slug>)".to_owned();
    let document = "the first document".to_owned();
    if member(page, "heartbeatList").is_some() {
        return Err(AdaptError::WrongKind {
            document,
            expected,
            found: "Uptime Kuma's heartbeat document (/api/status-page/heartbeat/<slug>), which comes second"
                .to_owned(),
        });
    }
    // Uptime Kuma answers an unknown slug with `{"ok": false, "msg": "Status Page Not Found"}`.
    if page.get("ok") == Some(&Value::Bool(false)) {
        let msg = text(page, "msg").unwrap_or_else(|| "no reason given".to_owned());
        return Err(AdaptError::WrongKind {
            document,
            expected,
            found: format!("Uptime Kuma's error \"{msg}\""),
        });
    }
    Err(read::wrong_kind(&document, &expected, page))
}

/// A monitor's latest heartbeat.
struct Beat {
    at: Option<Time>,
    status: ComponentStatus,
}

/// The latest beat of each monitor, keyed by its id as the document writes it (`"52"`). The
/// lists are oldest first; the latest is the one with the newest `time`, else the last.
/// Aggregated bars (2.x with `heartbeatBarDays`) put `0` for an empty bucket: not a beat.
fn latest_beats(document: &Value) -> HashMap<String, Beat> {
    let mut latest = HashMap::new();
    let Some(Value::Object(lists)) = member(document, "heartbeatList") else { return latest };
    for (id, list) in lists {
        let Value::Array(list) = list else { continue };
        let newest = list
            .iter()
            .enumerate()
            .filter(|(_, b)| b.is_object())
            .max_by_key(|(position, b)| (time(b, "time"), *position))
            .map(|(_, b)| b);
        if let Some(beat) = newest {
            latest.insert(id.trim().to_owned(), Beat { at: time(beat, "time"), status: beat_status(beat) });
        }
    }
    latest
}

/// A heartbeat's `status` (0 down, 1 up, 2 pending, 3 maintenance) as a component status.
fn beat_status(beat: &Value) -> ComponentStatus {
    match integer(beat, "status") {
        Some(1) => ComponentStatus::Operational,
        Some(0) => ComponentStatus::MajorOutage,
        Some(2) => ComponentStatus::DegradedPerformance,
        Some(3) => ComponentStatus::UnderMaintenance,
        Some(other) => ComponentStatus::Other(other.to_string()),
        None => ComponentStatus::Other(text(beat, "status").unwrap_or_else(|| UNKNOWN.to_owned())),
    }
}

/// The groups and their monitors, in the page's order (groups by `weight`, as Uptime Kuma
/// sends them). A group with no monitors is left out (there is nothing in it to show); a
/// group without a name leaves its monitors ungrouped.
fn components(page: &Value, latest: Option<&HashMap<String, Beat>>) -> Vec<Component> {
    let mut components = Vec::new();
    let mut groups = objects(page, "publicGroupList");
    // Stable: groups without a weight keep their place after the weighted ones.
    groups.sort_by_key(|g| integer(g, "weight").unwrap_or(i64::MAX));
    for (index, group) in groups.into_iter().enumerate() {
        let monitors = objects(group, "monitorList");
        if monitors.is_empty() {
            continue;
        }
        let name = text(group, "name").map(|n| n.trim().to_owned()).filter(|n| !n.is_empty());
        let group_id = name
            .as_ref()
            .map(|_| format!("group-{}", text(group, "id").unwrap_or_else(|| format!("#{index}"))));
        let first_member = components.len() + usize::from(group_id.is_some());
        if let (Some(id), Some(name)) = (&group_id, name) {
            components.push(component(
                id.clone(),
                name,
                ComponentStatus::Other(UNKNOWN.to_owned()),
                None,
                true,
            ));
        }
        for monitor in monitors {
            let id = text(monitor, "id");
            let status = match (latest, &id) {
                (Some(latest), Some(id)) => latest.get(id).map(|b| b.status.clone()),
                _ => None,
            }
            .unwrap_or_else(|| ComponentStatus::Other(UNKNOWN.to_owned()));
            let name =
                text(monitor, "name").map(|n| n.trim().to_owned()).or_else(|| id.clone()).unwrap_or_default();
            // A monitor shown in two groups gets a second id, so ids stay unique.
            let mut key = id.unwrap_or_default();
            if key.is_empty() || components.iter().any(|c: &Component| c.id == key) {
                key = format!("{key}@{}", group_id.clone().unwrap_or_else(|| format!("#{index}")));
            }
            let mut member = component(key, name, status, group_id.clone(), false);
            member.description = text(monitor, "description");
            components.push(member);
        }
        // A group's status is its worst member's, as Statuspage's groups carry it.
        if group_id.is_some() {
            let worst = components
                .get(first_member..)
                .unwrap_or_default()
                .iter()
                .map(|c| &c.status)
                .max_by_key(|s| (s.severity(), !matches!(s, ComponentStatus::Other(_))));
            let worst = worst.cloned();
            if let (Some(worst), Some(group)) = (worst, components.get_mut(first_member.saturating_sub(1))) {
                group.status = worst;
            }
        }
    }
    super::read::number(&mut components);
    components
}

fn component(
    id: String,
    name: String,
    status: ComponentStatus,
    group_id: Option<String>,
    is_group: bool,
) -> Component {
    Component {
        id,
        name,
        status,
        description: None,
        position: 0,
        group_id,
        is_group,
        only_show_if_degraded: false,
        showcase: true,
        source: None,
    }
}

/// The pinned incident(s): 2.1+'s `incidents` list, else 1.x/2.0's single `incident` (both
/// read, one copy of each id kept: a page may carry both for older readers).
fn incidents(page: &Value) -> Vec<Incident> {
    let mut raw = objects(page, "incidents");
    if let Some(single) = member(page, "incident").filter(|i| i.is_object()) {
        let id = text(single, "id");
        if id.is_none() || !raw.iter().any(|i| text(i, "id") == id) {
            raw.push(single);
        }
    }
    raw.into_iter().map(incident).collect()
}

fn incident(raw: &Value) -> Incident {
    let id = text(raw, "id").unwrap_or_default();
    let created = time(raw, "createdDate");
    let edited = time(raw, "lastUpdatedDate");
    // Uptime Kuma lists only active pinned incidents; one marked inactive is over (resolving
    // one stamps `lastUpdatedDate`).
    let resolved = member(raw, "active").is_some() && !flag(raw, "active");
    let status = if resolved { Status::Resolved } else { Status::Investigating };
    let mut updates = Vec::new();
    if resolved {
        if let Some(at) = edited {
            updates.push(update(format!("{id}-1"), Status::Resolved, String::new(), Some(at), None));
        }
    }
    updates.push(update(
        format!("{id}-0"),
        if resolved && edited.is_some() { Status::Investigating } else { status.clone() },
        text(raw, "content").unwrap_or_default(),
        created,
        edited,
    ));
    Incident {
        id,
        name: text(raw, "title").unwrap_or_default(),
        status,
        impact: style_impact(raw),
        created_at: created,
        updated_at: edited.or(created),
        started_at: None,
        resolved_at: if resolved { edited } else { None },
        shortlink: None,
        components: Vec::new(),
        updates,
        schedule: None,
        postmortem: None,
        source: None,
    }
}

fn update(id: String, status: Status, body: String, at: Option<Time>, edited: Option<Time>) -> Update {
    Update {
        id,
        status,
        body,
        at,
        created_at: at,
        updated_at: edited,
        affected: Vec::new(),
        edited_later: false,
    }
}

/// The incident's colour as an impact (see the module's notes).
fn style_impact(raw: &Value) -> Impact {
    match text(raw, "style").map(|s| s.trim().to_ascii_lowercase()).as_deref() {
        Some("danger") => Impact::Major,
        Some("warning") => Impact::Minor,
        Some("info" | "primary" | "light" | "dark") | None => Impact::None,
        Some(other) => Impact::Other(other.to_owned()),
    }
}

/// A running maintenance (`status` "under-maintenance"; the list holds no others, so one
/// without a status is taken as running) with its current time slot.
fn maintenance((index, raw): (usize, &Value)) -> Incident {
    let status = match text(raw, "status").map(|s| s.trim().to_ascii_lowercase()).as_deref() {
        Some("under-maintenance") | None => Status::InProgress,
        Some("scheduled") => Status::Scheduled,
        Some("ended") => Status::Completed,
        Some(other) => Status::Other(other.to_owned()),
    };
    // "single" maintenances give their window as written in the maintenance's own zone
    // (`2025-01-01 10:00:00`, with `timezoneOffset` "+02:00"); recurring ones in UTC (`…Z`).
    let offset = text(raw, "timezoneOffset");
    let at = |value: Option<&Value>| value.and_then(|v| zoned(v, offset.as_deref()));
    let slot = objects(raw, "timeslotList").into_iter().next();
    let range = match member(raw, "dateRange") {
        Some(Value::Array(range)) => range.clone(),
        _ => Vec::new(),
    };
    let starts = at(slot.and_then(|s| member(s, "startDate"))).or_else(|| at(range.first()));
    let ends = at(slot.and_then(|s| member(s, "endDate"))).or_else(|| at(range.get(1)));
    let id = format!("maintenance-{}", text(raw, "id").unwrap_or_else(|| format!("#{index}")));
    let body = text(raw, "description").unwrap_or_default();
    Incident {
        id: id.clone(),
        name: text(raw, "title").unwrap_or_default(),
        status: status.clone(),
        impact: Impact::Maintenance,
        created_at: None,
        updated_at: None,
        started_at: starts,
        resolved_at: None,
        shortlink: None,
        components: Vec::new(),
        updates: vec![update(format!("{id}-0"), status, body, starts, None)],
        schedule: Some(Schedule { starts, ends }),
        postmortem: None,
        source: None,
    }
}

/// An instant written with a zone, or without one in the zone `offset` names.
fn zoned(value: &Value, offset: Option<&str>) -> Option<Time> {
    let written = as_text(value)?;
    let written = written.trim();
    let has_zone = written.ends_with('Z')
        || written.ends_with('z')
        || written.get(19..).is_some_and(|tail| tail.contains('+') || tail.contains('-'));
    match offset.map(str::trim).filter(|o| !has_zone && o.len() == 6) {
        Some(offset) => {
            status_widget::feed::parse_time(&format!("{written}{offset}")).or_else(|| read::as_time(value))
        }
        None => read::as_time(value),
    }
}
