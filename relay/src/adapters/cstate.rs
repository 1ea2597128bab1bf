//! cState (a Hugo static site): its `index.json`, built by cState's `layouts/index.json`:
//! `title`, `baseURL`, `description`, `summaryStatus`, `categories[] {name, description?,
//! hideTitle, closedByDefault}`, `pinnedIssues[]` (informational issues pinned to the top),
//! and `systems[] {name, description?, category, status, unresolvedIssues[]}`, each issue
//! `{title, createdAt, lastMod, permalink, severity, resolved, informational, resolvedAt,
//! affected[], filename}` (`body` only in an issue's own JSON). Statuses and severities are
//! `ok` / `notice` / `disrupted` / `down`.
//!
//! Hugo's quirks, all in the captures: a value the template had nothing for is the text
//! `<no value>` (read as absent), times are Go's `time.String()` (`2025-09-10 10:00:00 +0000
//! UTC`, `2025-09-12 19:20:02 +0200 +0200` with the offset written twice; the first counts),
//! and pages are in their own language (the German capture).
//!
//! Systems have no id: their name is their id (it is what issues' `affected` name). cState's
//! colours go ok green, notice blue, disrupted orange, down red; Statuspage's words are chosen
//! by the same colours: disrupted is a partial outage (impact and indicator `major`), down a
//! major outage (`critical`), and notice, which is information about a working system, is
//! operational (its issue shows, with impact `none`).

use std::collections::HashSet;

use serde_json::Value;
use status_widget::model::{
    AffectedComponent, Component, ComponentStatus, Impact, Incident, Indicator, Page, PageStatus, Snapshot,
    Status, Update,
};

use super::read::{flag, member, objects, text, time, unique_ids, wrong_kind};
use super::AdaptError;

/// The page's `index.json`.
pub fn documents() -> Vec<(String, bool)> {
    vec![("index.json".to_owned(), true)]
}

/// `index.json` into a picture.
pub fn adapt(documents: &[Option<Value>]) -> Result<Snapshot, AdaptError> {
    let Some(document) = documents.first().and_then(Option::as_ref) else {
        return Err(AdaptError::Missing("the cState index.json".to_owned()));
    };
    let is_index = matches!(member(document, "systems"), Some(Value::Array(_)))
        || member(document, "summaryStatus").is_some()
        || (text(document, "is").as_deref() == Some("index") && member(document, "cStateVersion").is_some());
    if !is_index {
        return Err(wrong_kind("index.json", "a cState index.json", document));
    }

    let components = components(document);
    let mut snapshot = Snapshot {
        page: Page {
            name: text(document, "title").map(|t| t.trim().to_owned()),
            url: text(document, "baseURL"),
            ..Page::default()
        },
        // cState's summary is the page's own banner: both it and `summaryStatus` come from every
        // unresolved issue on the site, while a system's status comes only from the issues
        // whose `affected` names that system. So `disrupted` with every system `ok` (the Tor
        // capture) means an unresolved issue names no listed system, and index.json does not
        // carry it. The page itself says "disrupted" to its visitors; so does the widget: it
        // shows the page's statement, even though it cannot show the issue behind it.
        status: text(document, "summaryStatus")
            .map(|raw| PageStatus { indicator: indicator(&raw), description: None }),
        components,
        ..Snapshot::default()
    };
    snapshot.incidents = issues(document, &snapshot.components);
    // Newest first before ids are made unique, so a made-up suffix stays put as news arrives.
    snapshot.sort();
    unique_ids(snapshot.incidents.iter_mut().map(|i| &mut i.id));
    Ok(snapshot)
}

fn indicator(raw: &str) -> Indicator {
    match raw.trim() {
        "ok" | "notice" => Indicator::None,
        "disrupted" => Indicator::Major,
        "down" => Indicator::Critical,
        other => Indicator::Other(other.to_owned()),
    }
}

fn component_status(raw: &str) -> ComponentStatus {
    match raw.trim() {
        "ok" | "notice" => ComponentStatus::Operational,
        "disrupted" => ComponentStatus::PartialOutage,
        "down" => ComponentStatus::MajorOutage,
        other => ComponentStatus::Other(other.to_owned()),
    }
}

fn impact(raw: &str) -> Impact {
    match raw.trim() {
        "ok" | "notice" => Impact::None,
        "disrupted" => Impact::Major,
        "down" => Impact::Critical,
        other => Impact::Other(other.to_owned()),
    }
}

/// A category's group id, kept apart from system ids (which are names).
fn category_id(name: &str) -> String {
    format!("category:{name}")
}

/// Categories in their listed order, each as a group followed by its systems; a category with
/// `hideTitle` shows its systems without a heading, so they are not grouped; categories a
/// system names that are not listed come after, in the order systems name them; a category
/// with no systems is left out.
fn components(document: &Value) -> Vec<Component> {
    let systems = objects(document, "systems");
    let category_of = |s: &Value| text(s, "category").map(|c| c.trim().to_owned()).filter(|c| !c.is_empty());
    let mut order: Vec<(String, bool)> = objects(document, "categories")
        .into_iter()
        .filter_map(|c| Some((text(c, "name")?.trim().to_owned(), flag(c, "hideTitle"))))
        .collect();
    for system in &systems {
        if let Some(category) = category_of(system) {
            if !order.iter().any(|(name, _)| *name == category) {
                order.push((category, false));
            }
        }
    }

    let mut out: Vec<Component> = Vec::new();
    let mut ids: HashSet<String> = HashSet::new();
    let system_component = |system: &Value, group_id: Option<String>, ids: &mut HashSet<String>| {
        let name = text(system, "name")?.trim().to_owned();
        // Two systems of one name would be one to `affected`; the second gets its own id.
        let mut id = name.clone();
        let mut n = 2;
        while !ids.insert(id.clone()) {
            id = format!("{name}#{n}");
            n += 1;
        }
        Some(Component {
            id,
            name,
            status: text(system, "status")
                .map_or(ComponentStatus::Other(String::new()), |s| component_status(&s)),
            description: text(system, "description"),
            position: 0,
            group_id,
            is_group: false,
            only_show_if_degraded: false,
            showcase: false,
            source: None,
        })
    };
    let mut seen_groups = HashSet::new();
    for (category, hidden) in &order {
        if !seen_groups.insert(category.clone()) {
            continue;
        }
        let members: Vec<&Value> = systems
            .iter()
            .copied()
            .filter(|s| category_of(s).as_deref() == Some(category.as_str()))
            .collect();
        if members.is_empty() {
            continue;
        }
        let group_id = (!hidden).then(|| category_id(category));
        if let Some(group_id) = &group_id {
            out.push(Component {
                id: group_id.clone(),
                name: category.clone(),
                status: ComponentStatus::Operational,
                description: None,
                position: 0,
                group_id: None,
                is_group: true,
                only_show_if_degraded: false,
                showcase: false,
                source: None,
            });
        }
        for system in members {
            if let Some(component) = system_component(system, group_id.clone(), &mut ids) {
                out.push(component);
            }
        }
    }
    for system in systems.iter().copied().filter(|s| category_of(s).is_none()) {
        if let Some(component) = system_component(system, None, &mut ids) {
            out.push(component);
        }
    }
    // A group shows the worst of its members.
    super::read::roll_up(&mut out, |_| true);
    super::read::number(&mut out);
    out
}

/// Every issue once: each system lists the unresolved issues naming it (an issue naming two
/// systems is listed twice), and pinned issues are listed apart.
fn issues(document: &Value, components: &[Component]) -> Vec<Incident> {
    let mut raw: Vec<&Value> = Vec::new();
    for system in objects(document, "systems") {
        raw.extend(objects(system, "unresolvedIssues"));
    }
    raw.extend(objects(document, "pinnedIssues"));
    let key = |issue: &Value| {
        text(issue, "filename")
            .map(|f| f.trim_end_matches(".md").to_owned())
            .or_else(|| text(issue, "permalink"))
            .or_else(|| text(issue, "title"))
    };
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for issue in raw {
        let Some(id) = key(issue) else { continue };
        if !seen.insert(id.clone()) {
            continue;
        }
        out.push(incident(issue, id, components));
    }
    out
}

fn incident(issue: &Value, id: String, components: &[Component]) -> Incident {
    let resolved = flag(issue, "resolved");
    let status = if resolved { Status::Resolved } else { Status::Investigating };
    let created_at = time(issue, "createdAt");
    let informational = flag(issue, "informational");
    let impact = match text(issue, "severity") {
        _ if informational => Impact::None,
        Some(severity) => impact(&severity),
        None => Impact::None,
    };
    let affected: Vec<AffectedComponent> = match member(issue, "affected") {
        Some(Value::Array(names)) => names
            .iter()
            .filter_map(super::read::as_text)
            .map(|name| {
                let name = name.trim().to_owned();
                let code = components.iter().find(|c| !c.is_group && c.name == name).map(|c| c.id.clone());
                AffectedComponent { code, name, old_status: None, new_status: None }
            })
            .collect(),
        _ => Vec::new(),
    };
    // index.json carries no text; an issue's own JSON has `body` (its Markdown as HTML),
    // which becomes its one update.
    let updates = text(issue, "body")
        .map(|body| Update {
            id: format!("{id}-1"),
            status: status.clone(),
            body,
            at: created_at,
            created_at,
            updated_at: time(issue, "lastMod"),
            affected: Vec::new(),
            edited_later: false,
        })
        .into_iter()
        .collect();
    Incident {
        name: text(issue, "title").map(|t| t.trim().to_owned()).unwrap_or_else(|| id.clone()),
        status,
        impact,
        created_at,
        updated_at: time(issue, "lastMod"),
        started_at: None,
        resolved_at: time(issue, "resolvedAt").filter(|_| resolved),
        shortlink: text(issue, "permalink"),
        components: affected,
        updates,
        schedule: None,
        postmortem: None,
        source: None,
        id,
    }
}
