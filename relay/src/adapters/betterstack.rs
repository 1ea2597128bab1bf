//! Better Stack (formerly Better Uptime): the status page's public `index.json`, a JSON:API
//! document. `data` is the `status_page`; `included[]` holds its `status_page_section`s,
//! `status_page_resource`s (the monitors shown), `status_report`s (incidents and
//! maintenances) and their `status_update`s.
//!
//! Values, from Better Stack's docs ("JSON API status", "Status page reports API response
//! params") and the captures in SOURCES.md: page `aggregate_state` operational / degraded /
//! downtime / maintenance; resource `status` the same plus `not_monitored`; `report_type`
//! manual / automatic / maintenance; a report's `aggregate_state` is `resolved` once over
//! (both captures), else the state of its resources; `affected_resources[].status` resolved
//! / degraded / downtime / maintenance. `ends_at` is only required for maintenance: on a
//! manual report it is null even once resolved (Hugging Face's two), so the end of such an
//! incident is the update that resolved it. `status_history` (90 days per resource) has no
//! place in the model and is left out.

use std::collections::HashMap;

use serde_json::Value;
use status_widget::model::{
    AffectedComponent, Component, ComponentStatus, Impact, Incident, Indicator, Page, PageStatus, Schedule,
    Severity, Snapshot, Status, Time, Update,
};

use super::read::{integer, member, objects, text, time, unique_ids, wrong_kind};
use super::AdaptError;

/// The page's `index.json`.
pub fn documents() -> Vec<(String, bool)> {
    vec![("index.json".to_owned(), true)]
}

/// `index.json` into a picture.
pub fn adapt(documents: &[Option<Value>]) -> Result<Snapshot, AdaptError> {
    let Some(document) = documents.first().and_then(Option::as_ref) else {
        return Err(AdaptError::Missing("the Better Stack index.json".to_owned()));
    };
    let data = member(document, "data")
        .filter(|d| d.is_object())
        .filter(|d| text(d, "type").is_none_or(|t| t == "status_page"))
        .filter(|d| member(d, "attributes").is_some() || member(document, "included").is_some());
    let Some(data) = data else {
        return Err(wrong_kind("index.json", "a Better Stack index.json", document));
    };
    let empty = Value::Null;
    let attributes = member(data, "attributes").unwrap_or(&empty);
    let included = objects(document, "included");
    let of_type = |kind: &str| -> Vec<&Value> {
        included.iter().copied().filter(|i| text(i, "type").as_deref() == Some(kind)).collect()
    };

    let page_url = text(attributes, "custom_domain").map(|domain| https(&domain)).or_else(|| {
        text(attributes, "subdomain").map(|sub| format!("https://{}.betteruptime.com", sub.trim()))
    });
    let components = components(&of_type("status_page_section"), &of_type("status_page_resource"));
    let updates: HashMap<String, &Value> =
        of_type("status_update").into_iter().filter_map(|u| Some((text(u, "id")?, u))).collect();

    let mut snapshot = Snapshot {
        page: Page {
            id: text(data, "id"),
            name: text(attributes, "company_name").map(|n| n.trim().to_owned()),
            url: page_url.clone(),
            // Better Stack writes Rails zone names ("Eastern Time (US & Canada)"), not the IANA
            // names the model keeps; left out rather than guessed.
            time_zone: None,
            updated_at: time(attributes, "updated_at"),
        },
        status: text(attributes, "aggregate_state")
            .map(|raw| PageStatus { indicator: indicator(&raw), description: None }),
        components,
        ..Snapshot::default()
    };
    for report in of_type("status_report") {
        let Some(incident) = report_incident(report, &updates, &snapshot.components, page_url.as_deref())
        else {
            continue;
        };
        if incident.is_maintenance() {
            snapshot.maintenances.push(incident);
        } else {
            snapshot.incidents.push(incident);
        }
    }
    // Newest first before ids are made unique, so a made-up suffix stays put as news arrives.
    snapshot.sort();
    unique_ids(snapshot.incidents.iter_mut().map(|i| &mut i.id));
    unique_ids(snapshot.maintenances.iter_mut().map(|i| &mut i.id));
    for incident in snapshot.incidents.iter_mut().chain(&mut snapshot.maintenances) {
        unique_ids(incident.updates.iter_mut().map(|u| &mut u.id));
    }
    Ok(snapshot)
}

/// `status.example.com` as an address; one already written with a scheme is kept.
fn https(domain: &str) -> String {
    let domain = domain.trim().trim_end_matches('/');
    if domain.starts_with("http://") || domain.starts_with("https://") {
        domain.to_owned()
    } else {
        format!("https://{domain}")
    }
}

fn indicator(raw: &str) -> Indicator {
    match raw.trim() {
        "operational" => Indicator::None,
        "degraded" => Indicator::Minor,
        "downtime" => Indicator::Major,
        "maintenance" => Indicator::Maintenance,
        other => Indicator::Other(other.to_owned()),
    }
}

/// A resource's (or an affected resource's) state in Statuspage's words. `resolved`, which
/// only reports use, means the resource is back to normal. `not_monitored` has no Statuspage
/// word and is kept as written.
fn component_status(raw: &str) -> ComponentStatus {
    match raw.trim() {
        "operational" | "resolved" => ComponentStatus::Operational,
        "degraded" => ComponentStatus::DegradedPerformance,
        "downtime" => ComponentStatus::MajorOutage,
        "maintenance" => ComponentStatus::UnderMaintenance,
        other => ComponentStatus::Other(other.to_owned()),
    }
}

/// A section's group id: sections and resources are numbered separately, so the group's id
/// is prefixed to keep it apart from a resource's.
fn section_id(id: &str) -> String {
    format!("section-{id}")
}

/// Sections (as groups, in their `position` order) each followed by its resources (in
/// theirs), then resources in no known section. A section with no name shows its resources
/// without a heading, and a section with no resources is left out.
fn components(sections: &[&Value], resources: &[&Value]) -> Vec<Component> {
    let position =
        |v: &Value| integer(member(v, "attributes").unwrap_or(&Value::Null), "position").unwrap_or(i64::MAX);
    let mut sections: Vec<(usize, &Value)> = sections.iter().copied().enumerate().collect();
    sections.sort_by_key(|(i, s)| (position(s), *i));
    let mut resources: Vec<(usize, &Value)> = resources.iter().copied().enumerate().collect();
    resources.sort_by_key(|(i, r)| (position(r), *i));
    let section_of = |r: &Value| member(r, "attributes").and_then(|a| text(a, "status_page_section_id"));

    let mut out: Vec<Component> = Vec::new();
    let mut placed: Vec<bool> = vec![false; resources.len()];
    for (_, section) in &sections {
        let Some(id) = text(section, "id") else { continue };
        let members: Vec<usize> = resources
            .iter()
            .enumerate()
            .filter(|(k, (_, r))| {
                !placed.get(*k).copied().unwrap_or(true) && section_of(r).as_deref() == Some(&id)
            })
            .map(|(k, _)| k)
            .collect();
        if members.is_empty() {
            continue;
        }
        let name = member(section, "attributes").and_then(|a| text(a, "name")).map(|n| n.trim().to_owned());
        let group = name.filter(|n| !n.is_empty()).map(|name| {
            let group = Component {
                id: section_id(&id),
                name,
                status: ComponentStatus::Operational,
                description: None,
                position: 0,
                group_id: None,
                is_group: true,
                only_show_if_degraded: false,
                showcase: false,
                source: None,
            };
            out.push(group);
            section_id(&id)
        });
        for k in members {
            if let (Some(slot), Some((_, resource))) = (placed.get_mut(k), resources.get(k)) {
                *slot = true;
                if let Some(component) = resource_component(resource, group.clone()) {
                    out.push(component);
                }
            }
        }
    }
    for (k, (_, resource)) in resources.iter().enumerate() {
        if !placed.get(k).copied().unwrap_or(true) {
            if let Some(component) = resource_component(resource, None) {
                out.push(component);
            }
        }
    }
    // A group shows the worst of its members.
    super::read::roll_up(&mut out, |_| true);
    super::read::number(&mut out);
    out
}

/// A resource as a component. A `ResourceGroup` (several monitors shown as one line) is one
/// component too: its members are not in the document.
fn resource_component(resource: &Value, group_id: Option<String>) -> Option<Component> {
    let id = text(resource, "id")?;
    let attributes = member(resource, "attributes").unwrap_or(&Value::Null);
    Some(Component {
        name: text(attributes, "public_name")
            .map(|n| n.trim().to_owned())
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| id.clone()),
        id,
        status: text(attributes, "status")
            .map_or(ComponentStatus::Other(String::new()), |s| component_status(&s)),
        description: text(attributes, "explanation"),
        position: 0,
        group_id,
        is_group: false,
        only_show_if_degraded: false,
        showcase: false,
        source: None,
    })
}

/// One status update with what the report's rules make of it.
struct Posted<'a> {
    id: String,
    at: Option<Time>,
    /// `(resource id, status as written)` from its `affected_resources`.
    affected: Vec<(String, String)>,
    value: &'a Value,
}

fn affected_of(attributes: &Value) -> Vec<(String, String)> {
    objects(attributes, "affected_resources")
        .into_iter()
        .filter_map(|a| Some((text(a, "status_page_resource_id")?, text(a, "status")?)))
        .collect()
}

/// A `status_report` as an incident (or, `report_type: maintenance`, a maintenance).
fn report_incident(
    report: &Value,
    updates: &HashMap<String, &Value>,
    components: &[Component],
    page_url: Option<&str>,
) -> Option<Incident> {
    let id = text(report, "id")?;
    let attributes = member(report, "attributes").unwrap_or(&Value::Null);
    let is_maintenance = text(attributes, "report_type").as_deref() == Some("maintenance");
    let resolved = text(attributes, "aggregate_state").as_deref() == Some("resolved");
    let starts = time(attributes, "starts_at");
    let ends = time(attributes, "ends_at");
    let name_of = |rid: &str| components.iter().find(|c| !c.is_group && c.id == rid).map(|c| c.name.clone());

    // Its updates, oldest first (the relationship lists them in no time order); equal times in
    // the order Better Stack numbered them.
    let mut posted: Vec<Posted<'_>> = member(report, "relationships")
        .and_then(|r| member(r, "status_updates"))
        .map(|s| objects(s, "data"))
        .unwrap_or_default()
        .into_iter()
        .filter_map(|reference| {
            let uid = text(reference, "id")?;
            let value = *updates.get(&uid)?;
            let attrs = member(value, "attributes").unwrap_or(&Value::Null);
            Some(Posted { at: time(attrs, "published_at"), affected: affected_of(attrs), id: uid, value })
        })
        .collect();
    posted.sort_by(|a, b| {
        let number = |p: &Posted<'_>| p.id.parse::<u64>().unwrap_or(u64::MAX);
        a.at.cmp(&b.at).then(number(a).cmp(&number(b)))
    });
    let newest = posted.len().saturating_sub(1);

    let mut last_status: HashMap<String, ComponentStatus> = HashMap::new();
    let mut built: Vec<Update> = Vec::new();
    for (k, update) in posted.iter().enumerate() {
        let says_resolved =
            !update.affected.is_empty() && update.affected.iter().all(|(_, s)| s == "resolved");
        let closes = says_resolved || (k == newest && resolved);
        let status = if is_maintenance {
            if closes {
                Status::Completed
            } else if update.affected.iter().any(|(_, s)| s == "maintenance")
                || starts.zip(update.at).is_some_and(|(s, at)| at >= s)
            {
                Status::InProgress
            } else {
                Status::Scheduled
            }
        } else if closes {
            Status::Resolved
        } else {
            Status::Investigating
        };
        let affected = update
            .affected
            .iter()
            .filter_map(|(rid, raw)| {
                // Resources no longer on the page (Together's maintenance names six that are
                // not in `included`) have no name to show and are left out.
                let name = name_of(rid)?;
                let new = component_status(raw);
                let old = last_status.insert(rid.clone(), new.clone());
                Some(AffectedComponent {
                    code: Some(rid.clone()),
                    name,
                    old_status: old,
                    new_status: Some(new),
                })
            })
            .collect();
        let attrs = member(update.value, "attributes").unwrap_or(&Value::Null);
        built.push(Update {
            id: update.id.clone(),
            status,
            body: text(attrs, "message").unwrap_or_default(),
            at: update.at,
            created_at: update.at,
            updated_at: None,
            affected,
            edited_later: false,
        });
    }
    built.reverse();

    let report_affected = affected_of(attributes);
    let worst = report_affected
        .iter()
        .chain(posted.iter().flat_map(|p| &p.affected))
        .map(|(_, s)| component_status(s).severity())
        .max()
        .unwrap_or(Severity::None);
    let impact = if is_maintenance {
        Impact::Maintenance
    } else {
        match worst {
            Severity::None | Severity::Maintenance => Impact::None,
            Severity::Minor => Impact::Minor,
            Severity::Major => Impact::Major,
            Severity::Critical => Impact::Critical,
        }
    };
    let first_at = posted.iter().filter_map(|p| p.at).min();
    let last_at = posted.iter().filter_map(|p| p.at).max();
    let status = match (is_maintenance, resolved) {
        (false, true) => Status::Resolved,
        (false, false) => Status::Investigating,
        (true, true) => Status::Completed,
        (true, false) => {
            let state = text(attributes, "aggregate_state");
            let running = state.as_deref() == Some("maintenance")
                || built.first().is_some_and(|u| u.status == Status::InProgress);
            if running {
                Status::InProgress
            } else {
                Status::Scheduled
            }
        }
    };
    // The end: a manual report's `ends_at` when it has one, else (null, as Better Stack leaves
    // it) the update that closed it; a maintenance's `ends_at` is its planned end, so its real
    // end is its last update.
    let resolved_at =
        resolved.then(|| if is_maintenance { last_at.or(ends) } else { ends.or(last_at) }).flatten();

    Some(Incident {
        shortlink: page_url.map(|url| format!("{url}/incident/{id}")),
        name: text(attributes, "title").map(|t| t.trim().to_owned()).unwrap_or_default(),
        status,
        impact,
        created_at: first_at.or(starts),
        updated_at: last_at,
        started_at: if is_maintenance { None } else { starts },
        resolved_at,
        components: report_affected
            .iter()
            .filter_map(|(rid, raw)| {
                Some(AffectedComponent {
                    code: Some(rid.clone()),
                    name: name_of(rid)?,
                    old_status: None,
                    new_status: Some(component_status(raw)),
                })
            })
            .collect(),
        updates: built,
        schedule: is_maintenance.then_some(Schedule { starts, ends }),
        postmortem: None,
        source: None,
        id,
    })
}
