//! Google Cloud Service Health (`https://status.cloud.google.com/`): `incidents.json`, a
//! bare array of every incident the dashboard has published, newest first, and optionally
//! `products.json` (`{products: [{id, title}]}`) for the products' names today. Shapes from
//! the real captures in the shared fixtures and the feed's own `incidents.schema.json` as
//! other readers quote it.
//!
//! How it maps:
//! - Every incident is kept: the feed is the page's whole history, which the widget's
//!   history view reads (so `incidents_since` is the oldest end it lists). An incident with
//!   an `end` is resolved then; one without is open.
//! - Name: `external_desc`, the dashboard's headline. Impact: `severity` (low → minor,
//!   medium → major, high → critical; the schema documents high and medium, the feed also
//!   writes low), else `status_impact` (SERVICE_INFORMATION → minor, SERVICE_DISRUPTION →
//!   major, SERVICE_OUTAGE → critical). Unknown words are kept.
//! - Updates are newest first, their text untouched (Markdown: Google's incident reports,
//!   10,000 characters with escaped headings, are the last update's body). An update's
//!   `status` is the service's state when it was posted, not a step of a lifecycle:
//!   AVAILABLE is `resolved` once the incident has ended and `monitoring` while it has not
//!   (Google says the service is back but has not closed the incident); every other state
//!   is `investigating`, the one Statuspage word that claims nothing more. An update's
//!   `modified` is left out: Google moves it when the next update is posted (each update's
//!   `modified` is the next one's `created` in the captures), so it is no edit time, and
//!   the widget would take a resolved update "edited" days later for a root-cause analysis.
//! - An incident with no updates (the cut-down capture) is still an incident: its headline
//!   is its text.
//! - Components: the page has no component list of its own, only products named by
//!   incidents. The components are the products of the open incidents, each at the worst
//!   state those incidents give it (the latest update's state, else `status_impact`:
//!   SERVICE_INFORMATION → degraded_performance, SERVICE_DISRUPTION → partial_outage,
//!   SERVICE_OUTAGE → major_outage, AVAILABLE → operational). Listing every product of
//!   `products.json` as operational would claim a health the feed never states per product
//!   (and make a wall of a hundred green rows); with no open incident there are no
//!   components, and the widget says all is well from the incidents. Product names are
//!   today's: `products.json`'s title, else `current_title`, else the `title` at the time.
//! - Google publishes no planned maintenance in this feed: no maintenances. The overall
//!   status is left to the widget (Google states none).

use std::collections::HashMap;

use serde_json::Value;
use status_widget::model::{
    AffectedComponent, Component, ComponentStatus, Impact, Incident, Page, Snapshot, Status, Update,
};

use super::read::{self, member, objects, text, time};
use super::AdaptError;

/// The dashboard, which the incidents' `uri` is relative to.
const DASHBOARD: &str = "https://status.cloud.google.com/";

/// Keys a Google Cloud incident carries; an array whose objects have none of them is not
/// this feed.
const INCIDENT_KEYS: [&str; 8] = [
    "external_desc",
    "begin",
    "status_impact",
    "affected_products",
    "service_name",
    "severity",
    "uri",
    "updates",
];

/// `incidents.json` (required), then `products.json` for the products' current names.
pub fn documents() -> Vec<(String, bool)> {
    vec![("incidents.json".to_owned(), true), ("products.json".to_owned(), false)]
}

/// The incidents (and product names) into one picture.
pub fn adapt(documents: &[Option<Value>]) -> Result<Snapshot, AdaptError> {
    let Some(feed) = documents.first().and_then(Option::as_ref) else {
        return Err(AdaptError::Missing("Google Cloud's incidents.json".to_owned()));
    };
    let expected = "Google Cloud's incidents.json (an array of incidents)";
    let Value::Array(items) = feed else {
        return Err(read::wrong_kind("incidents.json", expected, feed));
    };
    let raw: Vec<&Value> = items.iter().filter(|i| i.is_object()).collect();
    let ours = |i: &&Value| INCIDENT_KEYS.iter().any(|k| i.get(*k).is_some());
    if !items.is_empty() && !raw.iter().any(ours) {
        return Err(read::wrong_kind("incidents.json", expected, feed));
    }
    let names = documents.get(1).and_then(Option::as_ref).map(product_names).unwrap_or_default();

    let mut incidents: Vec<Incident> = raw.iter().map(|i| incident(i, &names)).collect();
    read::unique_ids(incidents.iter_mut().map(|i| &mut i.id));
    let components = components(&raw, &names);
    let incidents_since = incidents.iter().filter(|i| i.status.is_closed()).filter_map(Incident::ended).min();
    Ok(Snapshot {
        page: Page {
            id: None,
            name: Some("Google Cloud".to_owned()),
            url: Some(DASHBOARD.to_owned()),
            time_zone: None,
            updated_at: raw.iter().filter_map(|i| time(i, "modified")).max(),
        },
        status: None,
        components,
        incidents,
        maintenances: Vec::new(),
        labels: Vec::new(),
        incidents_since,
        stale_since: None,
    })
}

/// `products.json`'s names by product id (empty for any other shape).
fn product_names(document: &Value) -> HashMap<String, String> {
    objects(document, "products")
        .into_iter()
        .filter_map(|p| Some((text(p, "id")?, text(p, "title")?.trim().to_owned())))
        .collect()
}

/// A product's name today.
fn product_name(product: &Value, names: &HashMap<String, String>) -> Option<String> {
    text(product, "id")
        .and_then(|id| names.get(&id).cloned())
        .or_else(|| text(product, "current_title"))
        .or_else(|| text(product, "title"))
        .map(|n| n.trim().to_owned())
}

fn incident(raw: &Value, names: &HashMap<String, String>) -> Incident {
    let id = text(raw, "id").or_else(|| text(raw, "number")).or_else(|| text(raw, "uri")).unwrap_or_default();
    let ended = time(raw, "end");
    let mut updates: Vec<&Value> = objects(raw, "updates");
    if updates.is_empty() {
        updates.extend(member(raw, "most_recent_update").filter(|u| u.is_object()));
    }
    let mut updates: Vec<Update> = updates.into_iter().map(|u| update(u, ended.is_some())).collect();
    // Newest first (the feed's order, made sure of); ids count from the oldest, so they stay
    // put as updates are added.
    updates.sort_by_key(|u| std::cmp::Reverse(u.at));
    let count = updates.len();
    for (index, update) in updates.iter_mut().enumerate() {
        update.id = format!("{id}-{}", count - 1 - index);
    }
    let status = match (ended, updates.first().map(|u| &u.status)) {
        (Some(_), _) => Status::Resolved,
        (None, Some(Status::Monitoring)) => Status::Monitoring,
        (None, _) => Status::Investigating,
    };
    let begin = time(raw, "begin");
    Incident {
        name: text(raw, "external_desc")
            .or_else(|| text(raw, "service_name"))
            .unwrap_or_else(|| id.clone())
            .trim()
            .to_owned(),
        status,
        impact: impact(raw),
        // When Google posted it; the cut-down capture has no `created`, and then its start
        // stands in (the widget's replay drops an incident with neither updates nor this).
        created_at: time(raw, "created").or(begin),
        updated_at: time(raw, "modified"),
        started_at: begin,
        resolved_at: ended,
        shortlink: text(raw, "uri").map(|uri| shortlink(&uri)),
        components: objects(raw, "affected_products")
            .into_iter()
            .filter_map(|p| {
                let name = product_name(p, names)?;
                Some(AffectedComponent { code: text(p, "id"), name, old_status: None, new_status: None })
            })
            .collect(),
        updates,
        schedule: None,
        postmortem: None,
        source: None,
        id,
    }
}

/// The incident's page on the dashboard.
fn shortlink(uri: &str) -> String {
    let uri = uri.trim();
    if uri.starts_with("https://") || uri.starts_with("http://") {
        uri.to_owned()
    } else {
        format!("{DASHBOARD}{}", uri.trim_start_matches('/'))
    }
}

/// Google writes its updates in Markdown (its incident reports with headings, bold and
/// lists): given to the widget as the small HTML set it renders (paragraphs, headings, lists,
/// bold, links; anything else shows as text), by pulldown-cmark. Tables are not read as
/// tables (the widget has none): their rows stay lines of text.
fn markdown(text: &str) -> String {
    let mut html = String::with_capacity(text.len() + text.len() / 4);
    pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new(text));
    html
}

fn update(raw: &Value, incident_ended: bool) -> Update {
    let created = time(raw, "created");
    let status = match text(raw, "status").map(|s| s.trim().to_owned()).as_deref() {
        Some("AVAILABLE") if incident_ended => Status::Resolved,
        Some("AVAILABLE") => Status::Monitoring,
        Some("SERVICE_INFORMATION" | "SERVICE_DISRUPTION" | "SERVICE_OUTAGE") | None => Status::Investigating,
        Some(other) => Status::Other(other.to_owned()),
    };
    Update {
        id: String::new(),
        status,
        body: text(raw, "text").map(|t| markdown(&t)).unwrap_or_default(),
        at: time(raw, "when").or(created),
        created_at: created,
        updated_at: None,
        affected: Vec::new(),
        edited_later: false,
    }
}

fn impact(raw: &Value) -> Impact {
    let severity = text(raw, "severity").map(|s| s.trim().to_ascii_lowercase());
    match severity.as_deref() {
        Some("low") => Impact::Minor,
        Some("medium") => Impact::Major,
        Some("high") => Impact::Critical,
        Some(other) => Impact::Other(other.to_owned()),
        None => match text(raw, "status_impact").map(|s| s.trim().to_owned()).as_deref() {
            Some("SERVICE_INFORMATION") => Impact::Minor,
            Some("SERVICE_DISRUPTION") => Impact::Major,
            Some("SERVICE_OUTAGE") => Impact::Critical,
            Some(other) => Impact::Other(other.to_owned()),
            None => Impact::None,
        },
    }
}

/// A service state (an update's `status` or the incident's `status_impact`) as a component
/// status.
fn state(word: &str) -> ComponentStatus {
    match word.trim() {
        "AVAILABLE" => ComponentStatus::Operational,
        "SERVICE_INFORMATION" => ComponentStatus::DegradedPerformance,
        "SERVICE_DISRUPTION" => ComponentStatus::PartialOutage,
        "SERVICE_OUTAGE" => ComponentStatus::MajorOutage,
        other => ComponentStatus::Other(other.to_owned()),
    }
}

/// The products of the open incidents, each at the worst state they give it, in the order
/// the feed first names them.
fn components(raw: &[&Value], names: &HashMap<String, String>) -> Vec<Component> {
    let mut components: Vec<Component> = Vec::new();
    for incident in raw.iter().filter(|i| time(i, "end").is_none()) {
        let latest = objects(incident, "updates")
            .into_iter()
            .chain(member(incident, "most_recent_update").filter(|u| u.is_object()))
            .max_by_key(|u| time(u, "when").or_else(|| time(u, "created")))
            .and_then(|u| text(u, "status"));
        let Some(word) = latest.or_else(|| text(incident, "status_impact")) else { continue };
        let status = state(&word);
        for product in objects(incident, "affected_products") {
            let Some(name) = product_name(product, names) else { continue };
            let id = text(product, "id").unwrap_or_else(|| name.clone());
            match components.iter_mut().find(|c| c.id == id) {
                Some(existing) if status.severity() > existing.status.severity() => {
                    existing.status = status.clone()
                }
                Some(_) => {}
                None => components.push(Component {
                    id,
                    name,
                    status: status.clone(),
                    description: None,
                    position: i64::try_from(components.len()).unwrap_or(i64::MAX),
                    group_id: None,
                    is_group: false,
                    only_show_if_degraded: false,
                    showcase: true,
                    source: None,
                }),
            }
        }
    }
    components
}
