//! Statuspage v2 documents → [`Snapshot`].
//!
//! One lenient wire shape covers every document kind (summary, status, components,
//! incidents, unresolved, one incident with or without its `{page, incident}` wrapper,
//! scheduled maintenances); the kind is told from which keys are present. Fields are read
//! through [`Field`], so a field of the wrong type reads as absent instead of failing the
//! whole document.

use super::json::{self, Json};
use super::lenient::{field, Field};
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

/// Reads one document. Never panics: broken JSON, JSON that is not a status document, other
/// status-page formats and oversized input each give their own [`FeedError`].
pub fn decode(bytes: &[u8]) -> Result<(DocumentKind, Snapshot), FeedError> {
    if bytes.len() > MAX_FEED_BYTES {
        return Err(FeedError::TooLarge { size: bytes.len(), limit: MAX_FEED_BYTES });
    }
    let document = json::parse(bytes).map_err(|e| FeedError::NotJson(e.to_string()))?;
    let kind = kind_of(&document)?;
    let member = |key: &str| field(&document, key);
    let wrapped = member("incident").object().filter(|_| kind == DocumentKind::Incident);
    let bare = kind == DocumentKind::Incident && wrapped.is_none();
    let (incidents, components) = (member("incidents").objects(), member("components").objects());
    let maintenances = member("scheduled_maintenances").objects();
    let (status, page_object) = (member("status").object(), member("page").object());

    let mut snapshot = Snapshot {
        page: page_object.map(page).unwrap_or_default(),
        status: status.map(|s| PageStatus {
            indicator: field(s, "indicator")
                .text()
                .map_or(Indicator::Other(String::new()), |t| Indicator::parse(&t)),
            description: field(s, "description").text(),
        }),
        components: components.unwrap_or_default().into_iter().filter_map(component).collect(),
        // A status-relay's note on a picture it serves while its upstream fails.
        stale_since: member("relay")
            .object()
            .filter(|r| field(r, "stale").flag())
            .and_then(|r| time(field(r, "since"))),
        ..Snapshot::default()
    };
    crate::order::sort_by_key(&mut snapshot.components, |c| c.position);

    let mut all: Vec<Incident> = incidents
        .unwrap_or_default()
        .into_iter()
        .chain(maintenances.unwrap_or_default())
        .chain(wrapped)
        // A bare incident: the document itself is the incident.
        .chain(bare.then_some(&document))
        .map(incident)
        .collect();
    // Views key lists by id: missing or repeated ids must not collide.
    make_unique(all.iter_mut().map(|i| &mut i.id));
    for incident in &mut all {
        make_unique(incident.updates.iter_mut().map(|u| &mut u.id));
    }
    let (maintenances, incidents): (Vec<Incident>, Vec<Incident>) =
        all.into_iter().partition(Incident::is_maintenance);
    // An incidents list holding a resolved incident is the page's latest incidents
    // (`incidents/unresolved.json`, and summary.json, hold open ones only): every incident
    // resolved since the oldest resolution it lists is in it. Open incidents say nothing of
    // coverage (the list carries them however old), and the 50 are the latest by resolution
    // (GitHub's list is in `resolved_at` order), so an incident that began after that moment
    // ended after it too, and is listed.
    if kind == DocumentKind::Incidents {
        snapshot.incidents_since =
            incidents.iter().filter(|i| i.status.is_closed()).filter_map(Incident::ended).min();
    }
    snapshot.incidents = incidents;
    snapshot.maintenances = maintenances;
    snapshot.sort();
    Ok((kind, snapshot))
}

/// Tells which Statuspage document `document` is, by what Statuspage really sends: every
/// document but a bare incident carries a `page` object, and an incident always carries its
/// `incident_updates`. Lists without a `page` (cut out of a document by hand) count only when
/// every item looks like Statuspage's: an incident with a `name` or its updates, a component
/// with a `page_id` or a `status`. Anything else is refused, naming the product when it is
/// recognisably another one (checked first: their documents reuse Statuspage's key names).
fn kind_of(document: &Json) -> Result<DocumentKind, FeedError> {
    let member = |key: &str| field(document, key);
    let has_updates = |object: &Json| matches!(field(object, "incident_updates").0, Some(Json::List(_)));
    let statuspage_incident = |i: &Json| has_updates(i) || field(i, "name").text().is_some();
    let statuspage_maintenance = |m: &Json| has_updates(m) || field(m, "scheduled_for").present();
    let bare = has_updates(document) && member("name").text().is_some();
    let statuspage_component =
        |c: &Json| field(c, "page_id").present() || field(c, "status").text().is_some();
    let list = |key: &str, looks_right: &dyn Fn(&Json) -> bool| {
        let items = member(key).objects()?;
        let recognised = !items.is_empty() && items.iter().all(|i| looks_right(i));
        (member("page").object().is_some() || recognised).then_some(items)
    };
    if let Some(product) = other_product(document) {
        return Err(FeedError::Unsupported(product));
    }
    let paged = member("page").object().is_some();
    let incidents = list("incidents", &statuspage_incident);
    let components = list("components", &statuspage_component);
    let kind = if member("incident").object().is_some_and(|i| paged && has_updates(i)) || bare {
        DocumentKind::Incident
    } else if incidents.is_some() && components.is_some() {
        DocumentKind::Summary
    } else if incidents.is_some() {
        DocumentKind::Incidents
    } else if list("scheduled_maintenances", &statuspage_maintenance).is_some() {
        DocumentKind::Maintenances
    } else if components.is_some() {
        DocumentKind::Components
    } else if paged && member("status").object().is_some_and(|s| field(s, "indicator").present()) {
        DocumentKind::Status
    } else {
        return Err(FeedError::NotStatusDocument);
    };
    Ok(kind)
}

/// The product a document recognisably comes from, when it is not Statuspage: by the keys
/// each product's public API sends (see `SOURCES.md` for the captures).
fn other_product(document: &Json) -> Option<&'static str> {
    let has = |key: &str| field(document, key).present();
    let first = match document {
        Json::List(items) => items.first(),
        _ => None,
    };
    if let Some(item) = first {
        let has = |key: &str| field(item, key).present();
        return if has("impacted_services") || has("event_log") || has("arn") {
            Some("AWS Health")
        } else if has("service_name") || has("status_impact") || has("affected_products") {
            Some("Google Cloud")
        } else {
            None
        };
    }
    let page_status = field(document, "page").object().and_then(|p| field(p, "status").text());
    let shouting = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_uppercase() || b == b'_');
    let components = field(document, "components").objects().unwrap_or_default();
    let component = |key: &str| components.iter().any(|c| field(c, key).present());
    let component_status_shouts =
        components.iter().any(|c| field(c, "status").text().is_some_and(|s| shouting(&s)));
    if has("summaryStatus") || (has("cStateVersion") && has("systems")) {
        Some("cState")
    } else if has("data") && has("included") && field(document, "data").object().is_some() {
        // JSON:API both: Better Stack's `data` is the page, Cachet 3's a list.
        Some("Better Stack")
    } else if has("meta") && has("data") {
        Some("Cachet")
    } else if has("publicGroupList")
        || has("heartbeatList")
        || (has("config") && (has("incident") || has("incidents")))
    {
        Some("Uptime Kuma")
    } else if has("active_incidents") || (has("date_created") && has("date_updated")) {
        Some("Slack")
    } else if has("expose_status_summary_api")
        || component("status_page_id")
        || has("page_title")
        || has("ongoing_incidents")
        || has("in_progress_maintenances")
    {
        Some("incident.io")
    } else if page_status.as_deref().is_some_and(shouting)
        || component_status_shouts
        || has("activeIncidents")
        || has("activeMaintenances")
    {
        Some("Instatus")
    } else if has("products") && !has("page") {
        Some("Google Cloud")
    } else {
        None
    }
}

/// Gives every empty or repeated id a unique `#n` suffix (n: its position counted from the
/// oldest, the end of the list, so a made-up id stays the same when newer items arrive).
fn make_unique<'a>(ids: impl DoubleEndedIterator<Item = &'a mut String>) {
    // A sorted list, not a hash set: no hashing code in the wasm for this alone.
    let mut seen: Vec<String> = Vec::new();
    let mut insert = |id: &String| match seen.binary_search(id) {
        Ok(_) => false,
        Err(at) => {
            seen.insert(at, id.clone());
            true
        }
    };
    for (position, id) in ids.rev().enumerate() {
        if id.is_empty() || !insert(id) {
            // `#n`, or `#n.k` when the feed itself has an id spelled `…#n`.
            let made = format!("{id}#{position}");
            let mut candidate = made.clone();
            let mut k = 0;
            while !insert(&candidate) {
                k += 1;
                candidate = format!("{made}.{k}");
            }
            *id = candidate;
        }
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

fn time(value: Field<'_>) -> Option<Time> {
    value.text().as_deref().and_then(parse_time)
}

fn page(object: &Json) -> Page {
    let f = |key: &str| field(object, key);
    Page {
        id: f("id").text(),
        name: f("name").text(),
        url: f("url").text(),
        time_zone: f("time_zone").text(),
        updated_at: time(f("updated_at")),
    }
}

fn component(object: &Json) -> Option<Component> {
    let f = |key: &str| field(object, key);
    let id = f("id").text();
    let name = f("name").text();
    if id.is_none() && name.is_none() {
        return None;
    }
    Some(Component {
        name: name.clone().unwrap_or_else(|| id.clone().unwrap_or_default()),
        id: id.or(name).unwrap_or_default(),
        status: component_status(f("status")).unwrap_or(ComponentStatus::Other(String::new())),
        description: f("description").text(),
        position: f("position").integer().unwrap_or(i64::MAX),
        group_id: f("group_id").text(),
        is_group: f("group").flag(),
        only_show_if_degraded: f("only_show_if_degraded").flag(),
        showcase: f("showcase").flag(),
        source: None,
    })
}

fn component_status(value: Field<'_>) -> Option<ComponentStatus> {
    value.text().map(|s| ComponentStatus::parse(&s))
}

fn incident(object: &Json) -> Incident {
    let f = |key: &str| field(object, key);
    let mut updates: Vec<Update> =
        f("incident_updates").objects().unwrap_or_default().into_iter().map(update).collect();
    // Newest first; updates without a time go last, in feed order.
    crate::order::sort_by_key(&mut updates, |u| std::cmp::Reverse(u.at));
    // A maintenance has its window, or (with no window written) its impact.
    let is_maintenance = f("scheduled_for").text().is_some()
        || f("scheduled_until").text().is_some()
        || f("impact").text().as_deref() == Some("maintenance");
    let status = f("status")
        .text()
        .map(|s| Status::parse(&s))
        .or_else(|| updates.first().map(|u| u.status.clone()))
        .unwrap_or(Status::Other(String::new()));
    Incident {
        id: f("id").text().or_else(|| f("name").text()).unwrap_or_default(),
        name: f("name").text().unwrap_or_default(),
        status,
        impact: f("impact").text().map_or(Impact::None, |s| Impact::parse(&s)),
        created_at: time(f("created_at")),
        updated_at: time(f("updated_at")),
        started_at: time(f("started_at")),
        resolved_at: time(f("resolved_at")),
        shortlink: f("shortlink").text(),
        components: f("components")
            .objects()
            .unwrap_or_default()
            .into_iter()
            .filter_map(component)
            .map(|c| AffectedComponent { code: Some(c.id), name: c.name, old_status: None, new_status: None })
            .collect(),
        updates,
        schedule: is_maintenance
            .then(|| Schedule { starts: time(f("scheduled_for")), ends: time(f("scheduled_until")) }),
        postmortem: f("postmortem_body")
            .text()
            .map(|body| Postmortem { body, published_at: time(f("postmortem_published_at")) }),
        source: None,
    }
}

fn update(object: &Json) -> Update {
    let f = |key: &str| field(object, key);
    let created_at = time(f("created_at"));
    Update {
        id: f("id").text().unwrap_or_default(),
        status: f("status").text().map_or(Status::Other(String::new()), |s| Status::parse(&s)),
        body: f("body").text().unwrap_or_default(),
        at: time(f("display_at")).or(created_at),
        created_at,
        updated_at: time(f("updated_at")),
        edited_later: false,
        affected: f("affected_components")
            .objects()
            .unwrap_or_default()
            .into_iter()
            .filter_map(|a| {
                let name = field(a, "name").text().or_else(|| field(a, "code").text())?;
                Some(AffectedComponent {
                    code: field(a, "code").text(),
                    name,
                    old_status: component_status(field(a, "old_status")),
                    new_status: component_status(field(a, "new_status")),
                })
            })
            .collect(),
    }
}
