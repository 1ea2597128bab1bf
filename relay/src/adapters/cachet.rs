//! Cachet, 2.x (`/api/v1/…`, Laravel's plain JSON: `{meta: {pagination}, data: [...]}`) and
//! 3.x (`/api/…`, JSON:API through timacdonald/json-api: `{data: [{id, type, attributes,
//! relationships}], included, links, meta}`), one reader for both shapes (item by item: a
//! 3.x item has `attributes`). Shapes from Cachet's own code: 2.4's presenters and API
//! controllers, and cachethq/core's `Http/Resources` and enums; the 2.x component list is the
//! Yoti capture in the shared fixtures.
//!
//! The documents, in this order for both versions: components (required), component groups
//! (for the groups' names: a component only carries a `group_id` in 2.x, and nothing at all
//! in 3.x unless asked), incidents, schedules (maintenances).
//!
//! Pagination: Cachet pages every list (2.x: 20 a page by default; 3.x: 15, at most 100),
//! and only the first page is read. The document URLs ask for a large page (`per_page`) and,
//! for 2.x, newest first (`sort=id&order=desc`: 2.x otherwise lists the oldest incidents
//! first). Anything beyond that first page is not seen.
//!
//! How it maps:
//! - Component status: 1 operational, 2 performance issues → degraded_performance, 3 partial
//!   outage, 4 major outage, 6 (3.x) under maintenance; 0 (2.x) and 5 (3.x) are Cachet's
//!   "Unknown", kept as the page words it (`status_name`, or the word "unknown"); any other
//!   value is kept as written. 3.x's `latest_status` (the component's status with its open
//!   incidents and running maintenance applied, what its page shows) is preferred. Disabled
//!   components (`enabled: false`) are hidden, as Cachet hides them.
//! - Groups (`group-<id>`) in the group list's order, each with its enabled components by
//!   `order`; components outside any known group after them (Cachet's "Other Components").
//!   Without the group list, components stand alone: a group's name is not known. A group
//!   with no visible component is not shown (nor does Cachet show it).
//! - Two components may share a name (Yoti's two "Yoti Doc Scan", in two groups): ids keep
//!   them apart.
//! - Times are written without a zone (`2020-02-27 13:22:51`) and read as UTC. Cachet 2
//!   writes them in its configured zone, which the API does not say; UTC is its default.
//! - Incident status: 1 investigating, 2 identified, 3 watching → monitoring, 4 fixed →
//!   resolved; 3.x's 0 ("Reported", unknown) → investigating. In 2.x, 0 is "Scheduled": an
//!   incident with status 0 is a maintenance of the pre-2.3 kind. The status is the newest
//!   update's. The incident's own `message` is its first update; hidden incidents
//!   (`visible` other than 1) are left out.
//! - Impact: Cachet has none. It is read from the component status an incident set (3.x:
//!   the `component_status` of its components) or, for an open 2.x incident, its
//!   component's current status: performance issues → minor, partial outage → major, major
//!   outage → critical; else none.
//! - Schedules: 0 upcoming → scheduled, 1 in progress, 2 complete → completed, with the
//!   window `scheduled_at`…`completed_at`.
//! - Cachet's API carries no page name and no overall status of its own in these lists:
//!   both are left to the relay's config and the widget.

use std::collections::HashMap;

use serde_json::Value;
use status_widget::model::{
    AffectedComponent, Component, ComponentStatus, Impact, Incident, Page, Schedule, Snapshot, Status, Time,
    Update,
};

use super::read::{self, flag, integer, member, objects, text};
use super::AdaptError;

/// What the first document should be.
const COMPONENTS: &str = "a Cachet components list (/api/v1/components or /api/components)";

/// Cachet 2.x's documents, the required one first.
pub fn documents_v2() -> Vec<(String, bool)> {
    vec![
        ("api/v1/components?per_page=500".to_owned(), true),
        ("api/v1/components/groups?per_page=500".to_owned(), false),
        ("api/v1/incidents?sort=id&order=desc&per_page=50".to_owned(), false),
        ("api/v1/schedules?sort=scheduled_at&order=desc&per_page=50".to_owned(), false),
    ]
}

/// Cachet 3.x's documents, the required one first. The components list asks for no
/// `include` (it would carry an `included` member, which reads as another product's
/// document); groups bring their members, incidents and schedules their updates and
/// components.
pub fn documents_v3() -> Vec<(String, bool)> {
    vec![
        ("api/components?per_page=100".to_owned(), true),
        ("api/component-groups?include=components&per_page=100".to_owned(), false),
        ("api/incidents?include=updates,components&sort=-created_at&per_page=100".to_owned(), false),
        ("api/schedules?include=updates,components&sort=-scheduled_at&per_page=100".to_owned(), false),
    ]
}

/// The documents into one picture.
pub fn adapt(documents: &[Option<Value>]) -> Result<Snapshot, AdaptError> {
    let Some(first) = documents.first().and_then(Option::as_ref) else {
        return Err(AdaptError::Missing("Cachet's components list".to_owned()));
    };
    let listed = check_components(first)?;
    let doc = |i: usize| {
        documents.get(i).and_then(Option::as_ref).filter(|d| matches!(d.get("data"), Some(Value::Array(_))))
    };
    let components = components(&listed, doc(1));
    let names: HashMap<String, &Component> =
        components.iter().filter(|c| !c.is_group).map(|c| (c.id.clone(), c)).collect();

    let mut incidents = Vec::new();
    let mut maintenances = Vec::new();
    let mut incidents_since = None;
    if let Some(document) = doc(2) {
        let included = Included::of(document);
        for raw in objects(document, "data") {
            let item = Item::new(raw, &included);
            if !item.visible() {
                continue;
            }
            let incident = incident(&item, &names);
            if incident.is_maintenance() {
                maintenances.push(incident);
            } else {
                incidents.push(incident);
            }
        }
        // Only a list that is the whole history says a quiet day was quiet.
        if only_page(document) {
            incidents_since = incidents.iter().filter_map(Incident::began).min();
        }
    }
    if let Some(document) = doc(3) {
        let included = Included::of(document);
        maintenances.extend(
            objects(document, "data").into_iter().map(|raw| schedule(&Item::new(raw, &included), &names)),
        );
    }
    read::unique_ids(incidents.iter_mut().map(|i| &mut i.id));
    read::unique_ids(maintenances.iter_mut().map(|i| &mut i.id));

    let updated_at =
        listed.iter().filter_map(|raw| Item::new(raw, &Included::default()).time("updated_at")).max();
    Ok(Snapshot {
        page: Page { updated_at, ..Page::default() },
        status: None,
        components,
        incidents,
        maintenances,
        labels: Vec::new(),
        incidents_since,
        stale_since: None,
    })
}

/// The components list's items, or the error naming what the document is.
fn check_components(document: &Value) -> Result<Vec<&Value>, AdaptError> {
    let wrong = |found: String| AdaptError::WrongKind {
        document: "the first document".to_owned(),
        expected: COMPONENTS.to_owned(),
        found,
    };
    if !matches!(document.get("data"), Some(Value::Array(_))) {
        return Err(read::wrong_kind("the first document", COMPONENTS, document));
    }
    let items = objects(document, "data");
    if items.is_empty() {
        return Ok(items);
    }
    // 3.x names each item's type: a list of something else says what it is.
    let types: Vec<String> = items.iter().filter_map(|i| text(i, "type")).collect();
    if types.len() == items.len() && !types.iter().any(|t| normalised(t) == "components") {
        let kind = types.first().cloned().unwrap_or_default();
        return Err(wrong(format!("a Cachet list of {kind}")));
    }
    // A component has a group, an order or an enabled flag, and no message (incidents and
    // schedules have one).
    fn fields(item: &Value) -> &Value {
        member(item, "attributes").unwrap_or(item)
    }
    let message = |i: &&Value| fields(i).get("message").is_some();
    let component_like = |i: &&Value| {
        let keys = ["group_id", "enabled", "order", "status_name", "link", "latest_status"];
        !message(i) && keys.iter().any(|k| fields(i).get(*k).is_some())
    };
    if !items.iter().any(component_like) {
        return Err(if items.iter().any(message) {
            wrong("a Cachet incidents or schedules list".to_owned())
        } else {
            read::wrong_kind("the first document", COMPONENTS, document)
        });
    }
    Ok(items)
}

/// Whether a list is all there is (its first page is its last).
fn only_page(document: &Value) -> bool {
    let meta = member(document, "meta");
    // 2.x: `meta.pagination.total_pages`; 3.x (simple pagination): no `links.next`.
    if let Some(pagination) = meta.and_then(|m| member(m, "pagination")) {
        return integer(pagination, "total_pages").is_some_and(|n| n <= 1);
    }
    let first = meta.and_then(|m| integer(m, "current_page")).unwrap_or(1) == 1;
    first && member(document, "links").is_some_and(|l| member(l, "next").is_none())
}

/// A JSON:API type or relationship name compared loosely (`componentGroups`,
/// `component_groups`, `component-groups`).
fn normalised(name: &str) -> String {
    name.chars().filter(|c| c.is_ascii_alphanumeric()).map(|c| c.to_ascii_lowercase()).collect()
}

/// 3.x's `included` resources, by type and id.
#[derive(Default)]
struct Included<'a>(HashMap<(String, String), &'a Value>);

impl<'a> Included<'a> {
    fn of(document: &'a Value) -> Self {
        Included(
            objects(document, "included")
                .into_iter()
                .filter_map(|i| Some(((normalised(&text(i, "type")?), text(i, "id")?), i)))
                .collect(),
        )
    }

    fn get(&self, kind: &str, id: &str) -> Option<&'a Value> {
        self.0.get(&(normalised(kind), id.to_owned())).copied()
    }
}

/// One item of either version: 2.x's fields are the item's own, 3.x's its `attributes`.
struct Item<'a> {
    raw: &'a Value,
    fields: &'a Value,
    v3: bool,
    included: &'a Included<'a>,
}

impl<'a> Item<'a> {
    fn new(raw: &'a Value, included: &'a Included<'a>) -> Self {
        let attributes = member(raw, "attributes").filter(|a| a.is_object());
        Item { raw, fields: attributes.unwrap_or(raw), v3: attributes.is_some(), included }
    }

    fn id(&self) -> Option<String> {
        text(self.raw, "id").or_else(|| text(self.fields, "id")).map(|id| id.trim().to_owned())
    }

    fn text(&self, key: &str) -> Option<String> {
        text(self.fields, key)
    }

    /// A number, or 3.x's `{human, value}`.
    fn number(&self, key: &str) -> Option<i64> {
        match member(self.fields, key) {
            Some(Value::Object(_)) => member(self.fields, key).and_then(|v| integer(v, "value")),
            _ => integer(self.fields, key),
        }
    }

    /// A status's words: 2.x's `status_name`/`human_status`, 3.x's `{human}`.
    fn words(&self, key: &str) -> Option<String> {
        member(self.fields, key).and_then(|v| text(v, "human")).or_else(|| {
            ["status_name", "human_status"]
                .iter()
                .find_map(|k| text(self.fields, k))
                .filter(|_| key == "status")
        })
    }

    /// 2.x's `created_at` is 3.x's `created: {human, string}`.
    fn time(&self, key: &str) -> Option<Time> {
        let short = key.strip_suffix("_at").unwrap_or(key);
        match member(self.fields, short) {
            Some(v @ Value::Object(_)) => read::time(v, "string"),
            Some(v) => read::as_time(v),
            None => read::time(self.fields, key),
        }
    }

    /// Whether the public may see it: 2.x and 3.x both write 1 for public (3.x: "guest").
    fn visible(&self) -> bool {
        match member(self.fields, "visible") {
            None => true,
            Some(Value::Bool(b)) => *b,
            Some(_) => integer(self.fields, "visible") == Some(1) || flag(self.fields, "visible"),
        }
    }

    /// The ids a 3.x relationship names.
    fn related(&self, name: &str) -> Vec<String> {
        let Some(Value::Object(relationships)) = member(self.raw, "relationships") else { return Vec::new() };
        let Some(data) = relationships
            .iter()
            .find(|(k, _)| normalised(k) == normalised(name))
            .and_then(|(_, v)| member(v, "data"))
        else {
            return Vec::new();
        };
        match data {
            Value::Array(items) => items.iter().filter_map(|i| text(i, "id")).collect(),
            one => text(one, "id").into_iter().collect(),
        }
    }

    /// The 3.x resources of `kind` a relationship names, as they are included.
    fn related_items(&self, name: &str, kind: &str) -> Vec<Item<'a>> {
        self.related(name)
            .iter()
            .filter_map(|id| self.included.get(kind, id))
            .map(|raw| Item::new(raw, self.included))
            .collect()
    }
}

/// A component status number as Statuspage's word (see the module's notes).
fn component_status(number: Option<i64>, words: Option<String>) -> ComponentStatus {
    match number {
        Some(1) => ComponentStatus::Operational,
        Some(2) => ComponentStatus::DegradedPerformance,
        Some(3) => ComponentStatus::PartialOutage,
        Some(4) => ComponentStatus::MajorOutage,
        Some(6) => ComponentStatus::UnderMaintenance,
        Some(0 | 5) => {
            ComponentStatus::Other(words.map_or_else(|| "unknown".to_owned(), |w| w.trim().to_lowercase()))
        }
        Some(other) => ComponentStatus::Other(other.to_string()),
        None => ComponentStatus::Other(words.unwrap_or_else(|| "unknown".to_owned())),
    }
}

/// The impact a component status stands for (see the module's notes).
fn impact_of(status: &ComponentStatus) -> Impact {
    match status {
        ComponentStatus::DegradedPerformance => Impact::Minor,
        ComponentStatus::PartialOutage => Impact::Major,
        ComponentStatus::MajorOutage => Impact::Critical,
        _ => Impact::None,
    }
}

/// The groups with their components, then the components of no known group.
fn components(listed: &[&Value], groups_document: Option<&Value>) -> Vec<Component> {
    struct Listed {
        component: Component,
        order: i64,
        group: Option<String>,
    }
    let none = Included::default();
    let mut members: Vec<Listed> = Vec::new();
    for raw in listed {
        let item = Item::new(raw, &none);
        if member(item.fields, "enabled").is_some() && !flag(item.fields, "enabled") {
            continue;
        }
        let Some(id) = item.id().or_else(|| item.text("name")) else { continue };
        let status_key =
            if member(item.fields, "latest_status").is_some() { "latest_status" } else { "status" };
        // 2.x writes `group_id` (0: none); 3.x a `group` relationship, when asked for.
        let group = integer(item.fields, "group_id")
            .filter(|g| *g > 0)
            .map(|g| g.to_string())
            .or_else(|| item.related("group").into_iter().next());
        members.push(Listed {
            component: Component {
                name: item.text("name").map_or_else(|| id.clone(), |n| n.trim().to_owned()),
                id,
                status: component_status(item.number(status_key), item.words(status_key)),
                description: item.text("description").map(|d| d.trim().to_owned()).filter(|d| !d.is_empty()),
                position: 0,
                group_id: None,
                is_group: false,
                only_show_if_degraded: false,
                showcase: true,
                source: None,
            },
            order: item.number("order").unwrap_or(i64::MAX),
            group,
        });
    }

    // The group list: (order, place in the list, id, name, members it names (3.x)).
    let included = groups_document.map(Included::of).unwrap_or_default();
    let mut groups: Vec<(i64, usize, String, String, Vec<String>)> = Vec::new();
    for (place, raw) in
        groups_document.map(|d| objects(d, "data")).unwrap_or_default().into_iter().enumerate()
    {
        let item = Item::new(raw, &included);
        let (Some(id), Some(name)) = (item.id(), item.text("name").map(|n| n.trim().to_owned())) else {
            continue;
        };
        if item.visible() && !name.is_empty() {
            groups.push((
                item.number("order").unwrap_or(i64::MAX),
                place,
                id,
                name,
                item.related("components"),
            ));
        }
    }
    groups.sort_by_key(|g| (g.0, g.1));
    for (_, _, group, _, named) in &groups {
        for listed in members.iter_mut().filter(|m| m.group.is_none() && named.contains(&m.component.id)) {
            listed.group = Some(group.clone());
        }
    }

    let by_order = |indices: &mut Vec<usize>, members: &[Listed]| {
        indices.sort_by_key(|i| (members.get(*i).map_or(i64::MAX, |m| m.order), *i));
    };
    let mut placed = vec![false; members.len()];
    let mut components = Vec::new();
    for (_, _, group, name, _) in &groups {
        let mut mine: Vec<usize> = (0..members.len())
            .filter(|i| members.get(*i).is_some_and(|m| m.group.as_deref() == Some(group)))
            .collect();
        if mine.is_empty() {
            continue;
        }
        by_order(&mut mine, &members);
        let group_id = format!("group-{group}");
        // A group's status is its worst member's, as Statuspage's groups carry it.
        let worst = mine
            .iter()
            .filter_map(|i| members.get(*i))
            .map(|m| &m.component.status)
            .max_by_key(|s| (s.severity(), !matches!(s, ComponentStatus::Other(_))))
            .cloned()
            .unwrap_or(ComponentStatus::Operational);
        components.push(Component {
            id: group_id.clone(),
            name: name.clone(),
            status: worst,
            description: None,
            position: 0,
            group_id: None,
            is_group: true,
            only_show_if_degraded: false,
            showcase: true,
            source: None,
        });
        for i in mine {
            if let Some(listed) = members.get(i) {
                let mut component = listed.component.clone();
                component.group_id = Some(group_id.clone());
                components.push(component);
            }
            if let Some(done) = placed.get_mut(i) {
                *done = true;
            }
        }
    }
    let mut rest: Vec<usize> =
        (0..members.len()).filter(|i| !placed.get(*i).copied().unwrap_or(true)).collect();
    by_order(&mut rest, &members);
    components.extend(rest.into_iter().filter_map(|i| members.get(i)).map(|m| m.component.clone()));
    read::unique_ids(components.iter_mut().map(|c| &mut c.id));
    super::read::number(&mut components);
    components
}

/// An incident status number (see the module's notes); `None` for 2.x's 0, "Scheduled".
fn incident_status(number: i64, v3: bool) -> Option<Status> {
    Some(match number {
        0 if v3 => Status::Investigating,
        0 => return None,
        1 => Status::Investigating,
        2 => Status::Identified,
        3 => Status::Monitoring,
        4 => Status::Resolved,
        other => Status::Other(other.to_string()),
    })
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

/// An incident; a 2.x incident with status 0 ("Scheduled") is a maintenance of the kind
/// Cachet made before 2.3.
fn incident(item: &Item<'_>, components: &HashMap<String, &Component>) -> Incident {
    let id = item.id().unwrap_or_default();
    let opened = item.time("occurred_at").or_else(|| item.time("created_at"));
    let first = item.number("status");
    let scheduled = !item.v3 && first == Some(0);

    // Its updates: 2.x inline, 3.x through `included`.
    let raw_updates: Vec<Item<'_>> = if item.v3 {
        item.related_items("updates", "updates")
    } else {
        objects(item.fields, "updates").into_iter().map(|u| Item::new(u, item.included)).collect()
    };
    let mut updates: Vec<Update> = raw_updates
        .iter()
        .enumerate()
        .map(|(n, u)| {
            let status = u
                .number("status")
                .map_or(Status::Investigating, |s| incident_status(s, item.v3).unwrap_or(Status::Scheduled));
            let key = u.id().map_or_else(|| format!("{}", n + 1), |u| format!("u{u}"));
            let at = u.time("created_at");
            update(
                format!("{id}-{key}"),
                status,
                u.text("message").unwrap_or_default(),
                at,
                u.time("updated_at"),
            )
        })
        .collect();
    updates.sort_by_key(|u| std::cmp::Reverse(u.at));
    // Where it stands: its newest update's status, else the incident's own (2.x's
    // `latest_status`, 3.x's `status`, which is the current one), else investigating.
    let current = if item.v3 { first } else { item.number("latest_status").or(first) };
    let status = if scheduled {
        Status::Scheduled
    } else {
        updates
            .first()
            .map(|u| u.status.clone())
            .or_else(|| current.and_then(|n| incident_status(n, item.v3)))
            .unwrap_or(Status::Investigating)
    };
    // The incident's own message is its first post. 2.x keeps the status it was opened with
    // in `status`; 3.x's `status` is the current one, so with updates the opening one is not
    // known and reads as investigating.
    if let Some(message) = item.text("message") {
        let opening = match (first, item.v3 && !updates.is_empty()) {
            (_, true) | (None, _) => Status::Investigating,
            (Some(n), false) => incident_status(n, item.v3).unwrap_or(Status::Scheduled),
        };
        updates.push(update(format!("{id}-0"), opening, message, opened, None));
    }
    updates.sort_by_key(|u| std::cmp::Reverse(u.at));
    read::unique_ids(updates.iter_mut().map(|u| &mut u.id));

    // The components it names, with the status it gave them (3.x).
    let mut affected: Vec<(AffectedComponent, Option<ComponentStatus>)> = Vec::new();
    if item.v3 {
        for id in item.related("components") {
            let listed = item.included.get("components", &id).map(|raw| Item::new(raw, item.included));
            let given = listed.as_ref().and_then(|c| {
                let pivot = member(c.fields, "pivot")?;
                let set = member(pivot, "component_status")?;
                integer(set, "value").or_else(|| integer(pivot, "component_status"))
            });
            let given = given.map(|n| component_status(Some(n), None));
            let name = listed
                .as_ref()
                .and_then(|c| c.text("name"))
                .or_else(|| components.get(&id).map(|c| c.name.clone()));
            if let Some(name) = name {
                affected.push((
                    AffectedComponent {
                        code: Some(id),
                        name: name.trim().to_owned(),
                        old_status: None,
                        new_status: given.clone(),
                    },
                    given,
                ));
            }
        }
    } else if let Some(component) =
        integer(item.fields, "component_id").filter(|c| *c > 0).map(|c| c.to_string())
    {
        if let Some(listed) = components.get(&component) {
            // An open incident's component stands as it is now.
            let now = (!status.is_closed()).then(|| listed.status.clone());
            affected.push((
                AffectedComponent {
                    code: Some(component),
                    name: listed.name.clone(),
                    old_status: None,
                    new_status: None,
                },
                now,
            ));
        }
    }
    let impact = affected
        .iter()
        .filter_map(|(_, s)| s.as_ref())
        .map(impact_of)
        .max_by_key(Impact::severity)
        .unwrap_or(Impact::None);

    let resolved_at = status.is_closed().then(|| {
        updates
            .iter()
            .find(|u| u.status == Status::Resolved)
            .and_then(|u| u.at)
            .or_else(|| item.time("updated_at"))
    });
    Incident {
        name: item.text("name").map(|n| n.trim().to_owned()).unwrap_or_default(),
        status,
        impact: if scheduled { Impact::Maintenance } else { impact },
        created_at: item.time("created_at"),
        updated_at: item.time("updated_at"),
        started_at: item.time("occurred_at"),
        resolved_at: resolved_at.flatten(),
        shortlink: item.text("permalink"),
        components: affected.into_iter().map(|(a, _)| a).collect(),
        updates,
        schedule: scheduled.then(|| Schedule { starts: item.time("scheduled_at").or(opened), ends: None }),
        postmortem: None,
        source: None,
        id,
    }
}

/// A schedule: a planned maintenance with its window.
fn schedule(item: &Item<'_>, components: &HashMap<String, &Component>) -> Incident {
    let id = format!("schedule-{}", item.id().unwrap_or_default());
    let starts = item.time("scheduled_at");
    let ends = item.time("completed_at");
    let status = match item.number("status") {
        Some(0) => Status::Scheduled,
        Some(1) => Status::InProgress,
        Some(2) => Status::Completed,
        Some(other) => Status::Other(other.to_string()),
        None => Status::Scheduled,
    };
    // Updates of a schedule carry no status: it is the one the schedule had when they were
    // posted, going by its window.
    let status_at = |at: Option<Time>| match (at, starts, ends) {
        (Some(at), _, Some(ends)) if at >= ends => Status::Completed,
        (Some(at), Some(starts), _) if at >= starts => Status::InProgress,
        _ => Status::Scheduled,
    };
    let mut updates: Vec<Update> = item
        .related_items("updates", "updates")
        .iter()
        .enumerate()
        .map(|(n, u)| {
            let at = u.time("created_at");
            let key = u.id().map_or_else(|| format!("{}", n + 1), |u| format!("u{u}"));
            update(
                format!("{id}-{key}"),
                status_at(at),
                u.text("message").unwrap_or_default(),
                at,
                u.time("updated_at"),
            )
        })
        .collect();
    if let Some(message) = item.text("message") {
        let at = item.time("created_at").or(starts);
        updates.push(update(format!("{id}-0"), status_at(at), message, at, None));
    }
    updates.sort_by_key(|u| std::cmp::Reverse(u.at));
    read::unique_ids(updates.iter_mut().map(|u| &mut u.id));

    // 2.x lists `{component_id, component_status}`; 3.x relates the components.
    let mut named: Vec<(String, Option<ComponentStatus>)> = objects(item.fields, "components")
        .into_iter()
        .filter_map(|c| {
            let id = text(c, "component_id").or_else(|| text(c, "id"))?;
            Some((id, integer(c, "component_status").map(|n| component_status(Some(n), None))))
        })
        .collect();
    named.extend(item.related("components").into_iter().map(|id| (id, None)));
    let affected = named
        .into_iter()
        .filter_map(|(code, new_status)| {
            let included =
                item.included.get("components", &code).and_then(|c| Item::new(c, item.included).text("name"));
            let name = included.or_else(|| components.get(&code).map(|c| c.name.clone()))?;
            Some(AffectedComponent {
                code: Some(code),
                name: name.trim().to_owned(),
                old_status: None,
                new_status,
            })
        })
        .collect();
    Incident {
        id,
        name: item.text("name").map(|n| n.trim().to_owned()).unwrap_or_default(),
        resolved_at: (status == Status::Completed).then_some(ends).flatten(),
        status,
        impact: Impact::Maintenance,
        created_at: item.time("created_at"),
        updated_at: item.time("updated_at"),
        started_at: starts,
        shortlink: None,
        components: affected,
        updates,
        schedule: Some(Schedule { starts, ends }),
        postmortem: None,
        source: None,
    }
}
