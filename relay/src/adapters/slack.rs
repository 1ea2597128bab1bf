//! Slack's status API, `api/v2.0.0/current` (at `https://slack-status.com`):
//! `{status, date_created, date_updated, active_incidents: [{id, date_created, date_updated,
//! title, type, status, url, services[], notes: [{date_created, body}]}]}`.
//!
//! From Slack's API documentation (docs.slack.dev/reference/slack-status-api): the top-level
//! `status` is `ok` when all is well, else `active`; an item's `type` is `incident`, `notice`
//! or `outage`; its `status` is `active` or `resolved`, or, for planned maintenance,
//! `scheduled`, `completed` or `cancelled`; `date_created` is when the response (or the
//! maintenance) began; `services` names the affected Slack services, from a list the
//! documentation gives. Times carry Pacific offsets (`-07:00`); ids are integers in the
//! capture, text in the documentation's example; the PHP encoder escapes slashes (`\/`).
//!
//! The components are that documented list of services, operational unless an active item
//! names them (a service name not in the list is added as it comes): an outage makes them a
//! major outage, an incident a partial outage (Slack's orange, between its blue notice and
//! red outage, as Statuspage's partial outage is), and a notice leaves them working (it is
//! shown as an incident with impact `none`). Slack has no incident phases: an active incident
//! reads as `investigating`.

use serde_json::Value;
use status_widget::model::{
    AffectedComponent, Component, ComponentStatus, Impact, Incident, Indicator, Page, PageStatus, Schedule,
    Snapshot, Status, Update,
};

use super::read::{member, objects, text, time, unique_ids, wrong_kind};
use super::AdaptError;

/// The services Slack's API documentation lists for `services` in the current endpoint, in its
/// order (docs.slack.dev/reference/slack-status-api, "Current Status API").
const SERVICES: [&str; 11] = [
    "Login/SSO",
    "Messaging",
    "Notifications",
    "Search",
    "Workspace/Org Administration",
    "Canvases",
    "Connectivity",
    "Files",
    "Huddles",
    "Apps/Integrations/APIs",
    "Workflows",
];

/// `api/v2.0.0/current`.
pub fn documents() -> Vec<(String, bool)> {
    vec![("api/v2.0.0/current".to_owned(), true)]
}

/// The current status into a picture.
pub fn adapt(documents: &[Option<Value>]) -> Result<Snapshot, AdaptError> {
    let Some(document) = documents.first().and_then(Option::as_ref) else {
        return Err(AdaptError::Missing("Slack's api/v2.0.0/current".to_owned()));
    };
    let top = text(document, "status");
    let is_current = document.is_object()
        && (member(document, "active_incidents").is_some()
            || (top.is_some() && member(document, "date_updated").is_some()));
    if !is_current {
        return Err(wrong_kind("api/v2.0.0/current", "Slack's api/v2.0.0/current", document));
    }

    let items: Vec<Incident> = objects(document, "active_incidents").into_iter().map(item).collect();
    let mut components: Vec<Component> = SERVICES.iter().map(|s| service((*s).to_owned())).collect();
    for (incident, raw) in items.iter().zip(objects(document, "active_incidents")) {
        if incident.is_maintenance() || incident.status.is_closed() {
            continue;
        }
        let hit = match text(raw, "type").as_deref().map(str::trim) {
            Some("outage") => ComponentStatus::MajorOutage,
            Some("notice") => ComponentStatus::Operational,
            _ => ComponentStatus::PartialOutage,
        };
        for named in &incident.components {
            let existing = components.iter_mut().find(|c| c.name == named.name);
            let component = match existing {
                Some(component) => component,
                None => {
                    components.push(service(named.name.clone()));
                    let Some(last) = components.last_mut() else { continue };
                    last
                }
            };
            if hit.severity() > component.status.severity() {
                component.status = hit.clone();
            }
        }
    }
    super::read::number(&mut components);

    // "ok" is Slack stating all is well; "active" says something is on without saying how
    // bad, which the services say, so the widget works it out from them.
    let any_open = items.iter().any(|i| !i.status.is_closed());
    let status = match top.as_deref().map(str::trim) {
        Some("ok") if !any_open => Some(PageStatus { indicator: Indicator::None, description: None }),
        Some("ok" | "active") | None => None,
        Some(other) => Some(PageStatus { indicator: Indicator::Other(other.to_owned()), description: None }),
    };
    let (maintenances, incidents) = items.into_iter().partition(Incident::is_maintenance);
    let mut snapshot = Snapshot {
        page: Page {
            name: Some("Slack".to_owned()),
            url: Some("https://slack-status.com".to_owned()),
            updated_at: time(document, "date_updated"),
            ..Page::default()
        },
        status,
        components,
        incidents,
        maintenances,
        ..Snapshot::default()
    };
    // Newest first before ids are made unique, so a made-up suffix stays put as news arrives.
    snapshot.sort();
    unique_ids(snapshot.incidents.iter_mut().map(|i| &mut i.id));
    unique_ids(snapshot.maintenances.iter_mut().map(|i| &mut i.id));
    Ok(snapshot)
}

fn service(name: String) -> Component {
    Component {
        id: name.clone(),
        name,
        status: ComponentStatus::Operational,
        description: None,
        position: 0,
        group_id: None,
        is_group: false,
        only_show_if_degraded: false,
        showcase: false,
        source: None,
    }
}

/// One item of `active_incidents`: an incident, or (scheduled / completed / cancelled) a
/// maintenance.
fn item(raw: &Value) -> Incident {
    let status_word = text(raw, "status").map(|s| s.trim().to_owned());
    let (status, maintenance) = match status_word.as_deref() {
        Some("active") | None => (Status::Investigating, false),
        Some("resolved") => (Status::Resolved, false),
        Some("scheduled") => (Status::Scheduled, true),
        Some("completed") => (Status::Completed, true),
        Some("cancelled") => (Status::Cancelled, true),
        Some(other) => (Status::Other(other.to_owned()), false),
    };
    let impact = if maintenance {
        Impact::Maintenance
    } else {
        match text(raw, "type").as_deref().map(str::trim) {
            Some("notice") => Impact::None,
            Some("incident") => Impact::Major,
            Some("outage") => Impact::Critical,
            Some(other) => Impact::Other(other.to_owned()),
            None => Impact::None,
        }
    };
    let title = text(raw, "title").map(|t| t.trim().to_owned()).unwrap_or_default();
    let id = text(raw, "id").unwrap_or_else(|| title.clone());
    let created_at = time(raw, "date_created");
    let updated_at = time(raw, "date_updated");

    // Notes, numbered from the oldest; the newest has the item's status, the ones before it
    // the status it opened with (Slack gives notes no status of their own).
    let mut notes: Vec<(usize, &Value)> = objects(raw, "notes").into_iter().enumerate().collect();
    notes.sort_by_key(|(i, n)| (time(n, "date_created"), *i));
    let opening = if maintenance { Status::Scheduled } else { Status::Investigating };
    let newest = notes.len().saturating_sub(1);
    let mut updates: Vec<Update> = notes
        .iter()
        .enumerate()
        .map(|(k, (_, note))| {
            let at = time(note, "date_created");
            Update {
                id: format!("{id}-{}", k + 1),
                status: if k == newest { status.clone() } else { opening.clone() },
                body: text(note, "body").unwrap_or_default(),
                at,
                created_at: at,
                updated_at: None,
                affected: Vec::new(),
                edited_later: false,
            }
        })
        .collect();
    updates.reverse();

    let components = match member(raw, "services") {
        Some(Value::Array(services)) => services
            .iter()
            .filter_map(super::read::as_text)
            .map(|name| {
                let name = name.trim().to_owned();
                AffectedComponent { code: Some(name.clone()), name, old_status: None, new_status: None }
            })
            .collect(),
        _ => Vec::new(),
    };
    Incident {
        name: title,
        status: status.clone(),
        impact,
        created_at,
        updated_at,
        started_at: None,
        resolved_at: status.is_closed().then_some(updated_at).flatten(),
        shortlink: text(raw, "url"),
        components,
        updates,
        // Slack gives a maintenance no planned window: it began at `date_created`.
        schedule: maintenance.then_some(Schedule { starts: created_at, ends: None }),
        postmortem: None,
        source: None,
        id,
    }
}
