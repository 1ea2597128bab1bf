//! incident.io status pages, read through two documents:
//!
//! - its Statuspage-compatible shim, `<page>/api/v2/summary.json` and
//!   `<page>/api/v2/incidents.json`, which every incident.io page serves (required: it has
//!   the full component list and the page's indicator). These go through the Statuspage
//!   adapter. The shim's quirks: `incidents` and `scheduled_maintenances` are `null` when
//!   empty (read as empty), incidents carry no `components` (the widget then names the
//!   components of their updates' `affected_components`), `shortlink` is null (made here
//!   from incident.io's public incident address, `<page>/incidents/<id>`), and components
//!   come without groups.
//! - its widget API, `<page>/api/v1/summary` (optional: the page owner must switch it on),
//!   `{page_title, page_url, ongoing_incidents, in_progress_maintenances,
//!   scheduled_maintenances}`, each item `{id, name, status, url, last_update_at,
//!   last_update_message, current_worst_impact, affected_components: [{id, name, group_name,
//!   current_status}]}`, maintenances with `started_at` / `scheduled_end_at` (in progress) or
//!   `starts_at` / `ends_at` (scheduled). incident.io documents the fields but publishes no
//!   schema; these names are those of the widget API's preview. It lists only the latest
//!   update and only the components an event affects; it fills in what the shim leaves out
//!   (the components of each ongoing incident, its link), and stands alone when it is the
//!   only document.
//!
//! The one real incident.io document held (SOURCES.md) is a record of a probe, for a page
//! whose widget API is off (`expose_status_summary_api: false`): three components with no
//! status. It is refused with that reason rather than shown as "all operational".

use serde_json::Value;
use status_widget::model::{
    AffectedComponent, Component, ComponentStatus, Impact, Incident, Page, Schedule, Severity, Snapshot,
    Status, Time, Update,
};

use super::read::{identify, member, objects, text, time, unique_ids, wrong_kind};
use super::{AdaptError, Found, Kind};

const EXPECTED: &str =
    "an incident.io status page summary (api/v2/summary.json or the widget API's api/v1/summary)";

/// The shim's summary (required) and incident history, then the widget API.
pub fn documents() -> Vec<(String, bool)> {
    vec![
        ("api/v2/summary.json".to_owned(), true),
        ("api/v2/incidents.json".to_owned(), false),
        ("api/v1/summary".to_owned(), false),
    ]
}

/// What one document is, to this adapter.
enum Shape {
    /// Statuspage-shaped: the compatibility shim.
    Statuspage,
    /// The widget API's summary.
    Widget,
    /// A record of a page whose widget API is switched off: no status in it.
    SwitchedOff,
    /// Anything else.
    Other(Option<Found>),
}

fn shape(document: &Value) -> Shape {
    if member(document, "expose_status_summary_api") == Some(&Value::Bool(false)) {
        return Shape::SwitchedOff;
    }
    match identify(document) {
        Some(Found::Kind(Kind::Statuspage)) => Shape::Statuspage,
        Some(Found::Kind(Kind::IncidentIo))
            if ["page_title", "ongoing_incidents", "in_progress_maintenances"]
                .iter()
                .any(|key| member(document, key).is_some()) =>
        {
            Shape::Widget
        }
        found => Shape::Other(found),
    }
}

fn name_of(index: usize) -> &'static str {
    match index {
        0 => "api/v2/summary.json",
        1 => "api/v2/incidents.json",
        _ => "api/v1/summary",
    }
}

fn switched_off(document: &str) -> AdaptError {
    AdaptError::WrongKind {
        document: document.to_owned(),
        expected: EXPECTED.to_owned(),
        found:
            "an incident.io page record with its widget API switched off (expose_status_summary_api: false), \
                which carries no component status: there is no status to show from it"
                .to_owned(),
    }
}

/// The shim's documents through the Statuspage adapter, completed from the widget API.
pub fn adapt(documents: &[Option<Value>]) -> Result<Snapshot, AdaptError> {
    let mut shim: Vec<Option<Value>> = Vec::new();
    let mut widget: Option<&Value> = None;
    for (index, document) in documents.iter().enumerate() {
        let Some(document) = document else { continue };
        let required = index == 0;
        match shape(document) {
            Shape::Statuspage => shim.push(Some(document.clone())),
            Shape::Widget => widget = widget.or(Some(document)),
            Shape::SwitchedOff if required => return Err(switched_off(name_of(index))),
            Shape::Other(_) if required => return Err(wrong_kind(name_of(index), EXPECTED, document)),
            // An optional document of another product: the configuration is wrong.
            Shape::Other(Some(found)) if !matches!(found, Found::Kind(Kind::IncidentIo)) => {
                return Err(AdaptError::WrongKind {
                    document: name_of(index).to_owned(),
                    expected: EXPECTED.to_owned(),
                    found: found.describe(),
                });
            }
            // An optional document that is no status (an error page's JSON, a switched-off
            // widget API) adds nothing.
            Shape::SwitchedOff | Shape::Other(_) => {}
        }
    }
    let widget = widget.map(widget_snapshot);
    let mut snapshot = match (shim.is_empty(), widget) {
        (false, widget) => {
            let mut snapshot = super::statuspage::adapt(&shim)?;
            fill_links(&mut snapshot);
            if let Some(widget) = widget {
                complete(&mut snapshot, widget);
            }
            snapshot
        }
        (true, Some(widget)) => widget,
        (true, None) => return Err(AdaptError::Missing("the incident.io summary".to_owned())),
    };
    // Newest first before ids are made unique, so a made-up suffix stays put as news arrives.
    snapshot.sort();
    // The same event from two documents is merged above; a page's own repeat is told apart.
    unique_ids(snapshot.incidents.iter_mut().map(|i| &mut i.id));
    unique_ids(snapshot.maintenances.iter_mut().map(|i| &mut i.id));
    Ok(snapshot)
}

/// The shim leaves `shortlink` null; incident.io's public address of an incident (or
/// maintenance) is `<page>/incidents/<id>`.
fn fill_links(snapshot: &mut Snapshot) {
    let Some(url) = snapshot.page.url.as_deref().map(|u| u.trim_end_matches('/').to_owned()) else { return };
    for incident in snapshot.incidents.iter_mut().chain(&mut snapshot.maintenances) {
        let plain_id = !incident.id.is_empty() && incident.id.bytes().all(|b| b.is_ascii_alphanumeric());
        if incident.shortlink.is_none() && plain_id {
            incident.shortlink = Some(format!("{url}/incidents/{}", incident.id));
        }
    }
}

/// What the widget API adds to the shim's picture: the components an incident affects (the
/// shim's incidents list none), its link, and any event the shim does not list. The shim's
/// component list is the full one and stays; the widget's (affected components only) is used
/// when the shim has none.
fn complete(snapshot: &mut Snapshot, widget: Snapshot) {
    for event in widget.incidents.into_iter().chain(widget.maintenances) {
        let existing =
            snapshot.incidents.iter_mut().chain(&mut snapshot.maintenances).find(|i| i.id == event.id);
        match existing {
            Some(existing) => {
                if existing.components.is_empty() {
                    existing.components = event.components;
                }
                if event.shortlink.is_some() {
                    existing.shortlink = event.shortlink;
                }
            }
            None if event.is_maintenance() => snapshot.maintenances.push(event),
            None => snapshot.incidents.push(event),
        }
    }
    if snapshot.components.is_empty() {
        snapshot.components = widget.components;
    }
    if snapshot.page.name.is_none() {
        snapshot.page.name = widget.page.name;
    }
    if snapshot.page.url.is_none() {
        snapshot.page.url = widget.page.url;
    }
}

/// incident.io's component words in Statuspage's: its worst is `full_outage`.
fn component_status(raw: &str) -> ComponentStatus {
    match raw.trim() {
        "full_outage" => ComponentStatus::MajorOutage,
        "degraded" => ComponentStatus::DegradedPerformance,
        "under_maintenance" | "maintenance" => ComponentStatus::UnderMaintenance,
        other => ComponentStatus::parse(other),
    }
}

/// `current_worst_impact` (component words) as an impact, by the severity Statuspage gives
/// the matching component status.
fn impact(raw: &str) -> Impact {
    match component_status(raw) {
        ComponentStatus::Other(other) => Impact::Other(other),
        status => match status.severity() {
            Severity::None => Impact::None,
            Severity::Maintenance => Impact::Maintenance,
            Severity::Minor => Impact::Minor,
            Severity::Major => Impact::Major,
            Severity::Critical => Impact::Critical,
        },
    }
}

fn event_status(raw: &str) -> Status {
    match raw.trim() {
        "maintenance_scheduled" => Status::Scheduled,
        "maintenance_in_progress" => Status::InProgress,
        "maintenance_complete" | "maintenance_completed" => Status::Completed,
        other => Status::parse(other),
    }
}

fn first_time(item: &Value, keys: &[&str]) -> Option<Time> {
    keys.iter().find_map(|key| time(item, key))
}

/// The widget API's summary as a picture of its own: no overall status (it states none), the
/// affected components (with their groups), each event with its latest update.
fn widget_snapshot(document: &Value) -> Snapshot {
    let mut snapshot = Snapshot {
        page: Page {
            name: text(document, "page_title").map(|t| t.trim().to_owned()),
            url: text(document, "page_url"),
            ..Page::default()
        },
        ..Snapshot::default()
    };
    let lists: [(&str, bool, Status); 3] = [
        ("ongoing_incidents", false, Status::Investigating),
        ("in_progress_maintenances", true, Status::InProgress),
        ("scheduled_maintenances", true, Status::Scheduled),
    ];
    for (key, maintenance, default) in lists {
        for item in objects(document, key) {
            let event = widget_event(item, maintenance, default.clone());
            add_components(&mut snapshot.components, item);
            if maintenance {
                snapshot.maintenances.push(event);
            } else {
                snapshot.incidents.push(event);
            }
        }
    }
    // A group shows the worst of its members.
    super::read::roll_up(&mut snapshot.components, |_| true);
    snapshot
}

fn widget_event(item: &Value, maintenance: bool, default: Status) -> Incident {
    let name = text(item, "name").map(|n| n.trim().to_owned()).unwrap_or_default();
    let id = text(item, "id").unwrap_or_else(|| name.clone());
    let status = text(item, "status").map_or(default, |s| event_status(&s));
    let last_at = time(item, "last_update_at");
    let updates = text(item, "last_update_message")
        .map(|body| Update {
            // The widget API carries only the latest update, so it cannot be numbered from the
            // oldest: its time tells it apart from the next one.
            id: match last_at {
                Some(at) => format!("{id}-{}", at.timestamp()),
                None => format!("{id}-latest"),
            },
            status: status.clone(),
            body,
            at: last_at,
            created_at: last_at,
            updated_at: None,
            affected: Vec::new(),
            edited_later: false,
        })
        .into_iter()
        .collect();
    let components = objects(item, "affected_components")
        .into_iter()
        .filter_map(|c| {
            let name = text(c, "name").or_else(|| text(c, "id"))?;
            Some(AffectedComponent {
                code: text(c, "id"),
                name: name.trim().to_owned(),
                old_status: None,
                new_status: text(c, "current_status").map(|s| component_status(&s)),
            })
        })
        .collect();
    let schedule = maintenance.then(|| Schedule {
        starts: first_time(item, &["starts_at", "started_at", "start_at", "scheduled_start_at"]),
        ends: first_time(item, &["ends_at", "scheduled_end_at", "end_at", "scheduled_ends_at"]),
    });
    Incident {
        impact: if maintenance {
            Impact::Maintenance
        } else {
            text(item, "current_worst_impact").map_or(Impact::None, |s| impact(&s))
        },
        created_at: first_time(item, &["published_at", "created_at", "started_at"]),
        updated_at: last_at,
        started_at: if maintenance { None } else { first_time(item, &["started_at"]) },
        resolved_at: first_time(item, &["resolved_at"]),
        shortlink: text(item, "url"),
        components,
        updates,
        schedule,
        postmortem: None,
        source: None,
        id,
        name,
        status,
    }
}

/// The components an event affects, added once each (first seen wins), with a group for each
/// `group_name` placed before its first member.
fn add_components(components: &mut Vec<Component>, item: &Value) {
    for affected in objects(item, "affected_components") {
        let Some(id) = text(affected, "id").or_else(|| text(affected, "name")) else { continue };
        if components.iter().any(|c| !c.is_group && c.id == id) {
            continue;
        }
        let group_name = text(affected, "group_name").map(|g| g.trim().to_owned()).filter(|g| !g.is_empty());
        let group_id = group_name.as_ref().map(|g| format!("group:{g}"));
        if let (Some(gid), Some(gname)) = (&group_id, &group_name) {
            if !components.iter().any(|c| c.is_group && c.id == *gid) {
                components.push(plain(gid.clone(), gname.clone(), ComponentStatus::Operational, None, true));
            }
        }
        let name = text(affected, "name").map(|n| n.trim().to_owned()).unwrap_or_else(|| id.clone());
        let status = text(affected, "current_status")
            .map_or(ComponentStatus::Other(String::new()), |s| component_status(&s));
        components.push(plain(id, name, status, group_id, false));
    }
    super::read::number(components);
}

fn plain(
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
        showcase: false,
        source: None,
    }
}
