//! [`Snapshot`] → Statuspage v2 documents: `summary.json`, `incidents.json` and
//! `scheduled-maintenances.json`, as Statuspage itself writes them, so the widget and every
//! other Statuspage client read the relay's feeds unchanged. The inverse of the widget's
//! decoder: `decode(encode(s))` keeps everything the widget shows (a property test says so).

use chrono::SecondsFormat;
use serde_json::{json, Map, Value};
use status_widget::i18n::Lang;
use status_widget::labels;
use status_widget::model::{AffectedComponent, Component, Incident, Page, Snapshot, Time, Update};

/// The three documents of a feed, as JSON values (the server adds its `relay` member and
/// serialises them).
#[derive(Clone, Debug, PartialEq)]
pub struct Documents {
    /// `/api/v2/summary.json`: page, status, components, open incidents, maintenances not over.
    pub summary: Value,
    /// `/api/v2/incidents.json`: every incident the picture holds, open and resolved.
    pub incidents: Value,
    /// `/api/v2/scheduled-maintenances.json`: every maintenance.
    pub maintenances: Value,
}

/// Every document path the relay serves under `/feeds/<name>/api/v2/`, as Statuspage names
/// them.
pub const PATHS: [&str; 8] = [
    "summary.json",
    "status.json",
    "components.json",
    "incidents.json",
    "incidents/unresolved.json",
    "scheduled-maintenances.json",
    "scheduled-maintenances/upcoming.json",
    "scheduled-maintenances/active.json",
];

impl Documents {
    /// The document at `path` (one of [`PATHS`]), cut from the three.
    pub fn at(&self, path: &str) -> Option<Value> {
        let pick = |from: &Value, keys: &[&str]| {
            let mut object = Map::new();
            for key in keys {
                object.insert((*key).to_owned(), from.get(*key).cloned().unwrap_or(Value::Null));
            }
            Value::Object(object)
        };
        let maintenances_where = |keep: &dyn Fn(&str) -> bool| {
            let list: Vec<Value> = self.maintenances["scheduled_maintenances"]
                .as_array()
                .into_iter()
                .flatten()
                .filter(|m| keep(m["status"].as_str().unwrap_or("")))
                .cloned()
                .collect();
            json!({ "page": self.summary["page"], "scheduled_maintenances": list })
        };
        Some(match path {
            "summary.json" => self.summary.clone(),
            "status.json" => pick(&self.summary, &["page", "status"]),
            "components.json" => pick(&self.summary, &["page", "components"]),
            "incidents.json" => self.incidents.clone(),
            "incidents/unresolved.json" => pick(&self.summary, &["page", "incidents"]),
            "scheduled-maintenances.json" => self.maintenances.clone(),
            "scheduled-maintenances/upcoming.json" => maintenances_where(&|s| s == "scheduled"),
            "scheduled-maintenances/active.json" => {
                maintenances_where(&|s| matches!(s, "in_progress" | "verifying"))
            }
            _ => return None,
        })
    }
}

/// Writes a picture as Statuspage v2.
pub fn encode(snapshot: &Snapshot) -> Documents {
    let page = page(&snapshot.page);
    let page_id = snapshot.page.id.clone();
    let incident = |i: &Incident| incident(i, page_id.as_deref());
    let open = |i: &&Incident| !i.status.is_closed();
    Documents {
        summary: json!({
            "page": page,
            "status": status(snapshot),
            "components": components(snapshot),
            "incidents": snapshot.incidents.iter().filter(open).map(incident).collect::<Vec<_>>(),
            "scheduled_maintenances": snapshot.maintenances.iter().filter(open).map(incident).collect::<Vec<_>>(),
        }),
        incidents: json!({
            "page": page,
            "incidents": snapshot.incidents.iter().map(incident).collect::<Vec<_>>(),
        }),
        maintenances: json!({
            "page": page,
            "scheduled_maintenances": snapshot.maintenances.iter().map(incident).collect::<Vec<_>>(),
        }),
    }
}

fn at(time: Option<Time>) -> Value {
    time.map_or(Value::Null, |t| Value::String(t.to_rfc3339_opts(SecondsFormat::AutoSi, true)))
}

/// A feed word as Statuspage writes its own: lower case. An unknown value is kept, lowered,
/// because the widget takes a capitalised status word (`OPERATIONAL`) for a sign of an
/// Instatus document and would refuse the relay's feed over one unknown status.
fn words(value: &str) -> Value {
    if value.is_empty() {
        Value::Null
    } else {
        Value::String(value.to_lowercase())
    }
}

fn page(page: &Page) -> Value {
    json!({
        "id": page.id,
        "name": page.name,
        "url": page.url,
        "time_zone": page.time_zone,
        "updated_at": at(page.updated_at),
    })
}

/// The page's stated status, or, when the product states none, the one the widget works out
/// (every Statuspage client expects `status.indicator`), described in the widget's English
/// words, so an English reader sees what the widget would have said, and other readers get
/// the widget's own words for the indicator as usual.
fn status(snapshot: &Snapshot) -> Value {
    match &snapshot.status {
        Some(status) => {
            json!({ "indicator": words(status.indicator.as_str()), "description": status.description })
        }
        None => {
            let overall = snapshot.overall();
            let description = match (overall.source, snapshot.active().is_empty()) {
                (status_widget::model::OverallSource::Incidents, true) => {
                    Lang::En.t(status_widget::i18n::Key::NoActiveIncidents).to_owned()
                }
                _ => labels::indicator(&overall.indicator, Lang::En).into_owned(),
            };
            json!({ "indicator": words(overall.indicator.as_str()), "description": description })
        }
    }
}

fn components(snapshot: &Snapshot) -> Vec<Value> {
    snapshot
        .components
        .iter()
        .map(|c| {
            let mut object = component(c, snapshot.page.id.as_deref());
            if c.is_group {
                let members: Vec<&str> =
                    snapshot.components.iter().filter(|m| m.is_in(c)).map(|m| m.id.as_str()).collect();
                object.insert("components".to_owned(), json!(members));
            }
            Value::Object(object)
        })
        .collect()
}

fn component(c: &Component, page_id: Option<&str>) -> Map<String, Value> {
    let value = json!({
        "id": c.id,
        "name": c.name,
        "status": words(c.status.as_str()),
        "description": c.description,
        "position": c.position,
        "group_id": c.group_id,
        "group": c.is_group,
        "only_show_if_degraded": c.only_show_if_degraded,
        "showcase": c.showcase,
        "page_id": page_id,
    });
    match value {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

fn named(a: &AffectedComponent) -> Value {
    json!({ "id": a.code.as_deref().unwrap_or(&a.name), "name": a.name })
}

fn incident(i: &Incident, page_id: Option<&str>) -> Value {
    let mut value = json!({
        "id": i.id,
        "name": i.name,
        "status": words(i.status.as_str()),
        "impact": words(i.impact.as_str()),
        "created_at": at(i.created_at),
        "updated_at": at(i.updated_at),
        "started_at": at(i.started_at),
        "resolved_at": at(i.resolved_at),
        "monitoring_at": Value::Null,
        "shortlink": i.shortlink,
        "page_id": page_id,
        "incident_updates": i.updates.iter().map(update).collect::<Vec<_>>(),
        "components": i.components.iter().map(named).collect::<Vec<_>>(),
    });
    if let (Some(schedule), Value::Object(map)) = (&i.schedule, &mut value) {
        // Statuspage clients (the widget among them) tell a maintenance by its window: one
        // without a planned start (Uptime Kuma's manual ones) starts when it was posted.
        let posted = i.created_at.or(i.started_at).or_else(|| i.updates.iter().filter_map(|u| u.at).min());
        let starts = schedule.starts.or(if schedule.ends.is_none() { posted } else { None });
        map.insert("scheduled_for".to_owned(), at(starts));
        map.insert("scheduled_until".to_owned(), at(schedule.ends));
        if i.impact == status_widget::model::Impact::None {
            map.insert("impact".to_owned(), Value::String("maintenance".to_owned()));
        }
    }
    if let (Some(postmortem), Value::Object(map)) = (&i.postmortem, &mut value) {
        map.insert("postmortem_body".to_owned(), Value::String(postmortem.body.clone()));
        map.insert("postmortem_published_at".to_owned(), at(postmortem.published_at));
    }
    value
}

fn update(u: &Update) -> Value {
    json!({
        "id": u.id,
        "status": words(u.status.as_str()),
        "body": u.body,
        "display_at": at(u.at),
        "created_at": at(u.created_at),
        "updated_at": at(u.updated_at),
        "affected_components": u.affected.iter().map(|a| json!({
            "code": a.code,
            "name": a.name,
            "old_status": a.old_status.as_ref().map(|s| words(s.as_str())),
            "new_status": a.new_status.as_ref().map(|s| words(s.as_str())),
        })).collect::<Vec<_>>(),
    })
}
