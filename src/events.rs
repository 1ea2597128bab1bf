//! What the widget tells its host page. [`changes`] compares two pictures and says what
//! happened in between; the custom element turns each [`WidgetEvent`] into a `CustomEvent`
//! named `status-widget:<name>` that bubbles out of the shadow root. Pure, tested natively.

use crate::model::{Incident, Snapshot};

/// A value in an event's `detail`.
#[derive(Clone, Debug, PartialEq)]
pub enum DetailValue {
    /// A string.
    Text(String),
    /// A boolean.
    Flag(bool),
    /// `null`.
    Null,
}

impl From<Option<String>> for DetailValue {
    fn from(value: Option<String>) -> Self {
        value.map_or(DetailValue::Null, DetailValue::Text)
    }
}

/// The part of an incident that events carry.
#[derive(Clone, Debug, PartialEq)]
pub struct IncidentDetail {
    /// Incident id.
    pub id: String,
    /// Title.
    pub name: String,
    /// Status as the feed spells it (`investigating`, …).
    pub status: String,
    /// Impact as the feed spells it.
    pub impact: String,
    /// Whether it is a scheduled maintenance.
    pub maintenance: bool,
    /// Its link on the status page, if any.
    pub shortlink: Option<String>,
    /// The status page it is on, when the widget shows several (their incidents' ids may
    /// be the same).
    pub page: Option<String>,
}

impl From<&Incident> for IncidentDetail {
    fn from(incident: &Incident) -> Self {
        IncidentDetail {
            id: incident.id.clone(),
            name: incident.name.clone(),
            status: incident.status.as_str().to_owned(),
            impact: incident.impact.as_str().to_owned(),
            maintenance: incident.is_maintenance(),
            shortlink: incident.shortlink.clone(),
            page: incident.source.clone(),
        }
    }
}

/// Something the host may want to know.
#[derive(Clone, Debug, PartialEq)]
pub enum WidgetEvent {
    /// The overall status changed (also sent once for the first picture, with no previous).
    StatusChange {
        /// The indicator as the feed spells it (`none`, `minor`, …).
        indicator: String,
        /// The page's wording, when it gave one.
        description: Option<String>,
        /// The indicator before, or `None` for the first picture.
        previous: Option<String>,
        /// The status page's name (several pages' names joined with " · ").
        page: Option<String>,
    },
    /// An incident or maintenance became active.
    IncidentOpen(IncidentDetail),
    /// An active incident got a new update or status.
    IncidentUpdate(IncidentDetail),
    /// An active incident or maintenance ended (or left the feed).
    IncidentResolve(IncidentDetail),
    /// The timeline was opened.
    Expand,
    /// The timeline was closed.
    Collapse,
    /// The reader dismissed the widget.
    Dismiss,
    /// The feed could not be read.
    Error {
        /// A short machine-readable kind (`http`, `network`, `timeout`, …).
        kind: &'static str,
        /// The log line.
        message: String,
    },
}

impl WidgetEvent {
    /// The name after `status-widget:`.
    pub fn name(&self) -> &'static str {
        match self {
            WidgetEvent::StatusChange { .. } => "status-change",
            WidgetEvent::IncidentOpen(_) => "incident-open",
            WidgetEvent::IncidentUpdate(_) => "incident-update",
            WidgetEvent::IncidentResolve(_) => "incident-resolve",
            WidgetEvent::Expand => "expand",
            WidgetEvent::Collapse => "collapse",
            WidgetEvent::Dismiss => "dismiss",
            WidgetEvent::Error { .. } => "error",
        }
    }

    /// The event's `detail`, as key–value pairs (empty for expand, collapse and dismiss).
    pub fn detail(&self) -> Vec<(&'static str, DetailValue)> {
        use DetailValue::{Flag, Text};
        match self {
            WidgetEvent::StatusChange { indicator, description, previous, page } => vec![
                ("indicator", Text(indicator.clone())),
                ("description", description.clone().into()),
                ("previous", previous.clone().into()),
                ("page", page.clone().into()),
            ],
            WidgetEvent::IncidentOpen(i)
            | WidgetEvent::IncidentUpdate(i)
            | WidgetEvent::IncidentResolve(i) => vec![
                ("id", Text(i.id.clone())),
                ("name", Text(i.name.clone())),
                ("status", Text(i.status.clone())),
                ("impact", Text(i.impact.clone())),
                ("maintenance", Flag(i.maintenance)),
                ("shortlink", i.shortlink.clone().into()),
                ("page", i.page.clone().into()),
            ],
            WidgetEvent::Error { kind, message } => {
                vec![("kind", Text((*kind).to_owned())), ("message", Text(message.clone()))]
            }
            WidgetEvent::Expand | WidgetEvent::Collapse | WidgetEvent::Dismiss => Vec::new(),
        }
    }
}

/// What changed from `before` to `after`: the overall status, incidents that opened, got an
/// update, or ended. With no `before` (the first picture, or the first under new settings:
/// the caller passes `None` then) only the status is reported, with no previous.
pub fn changes(before: Option<&Snapshot>, after: &Snapshot) -> Vec<WidgetEvent> {
    let overall = after.overall();
    let Some(before) = before else {
        return vec![WidgetEvent::StatusChange {
            indicator: overall.indicator.as_str().to_owned(),
            description: overall.description,
            previous: None,
            page: after.page.name.clone(),
        }];
    };
    let mut events = Vec::new();
    let previous = before.overall();
    // Only the indicator: a new wording with the same indicator is no change of status.
    // A source arriving renames the picture ("GitHub" → "GitHub · Datto"): that is a new
    // picture, not news, so it is sent like a first one, with no previous.
    let renamed = before.page.name != after.page.name;
    if previous.indicator != overall.indicator || renamed {
        events.push(WidgetEvent::StatusChange {
            indicator: overall.indicator.as_str().to_owned(),
            description: overall.description,
            previous: (!renamed).then(|| previous.indicator.as_str().to_owned()),
            page: after.page.name.clone(),
        });
    }
    // With several sources, a page that arrives (or leaves) brings its incidents along:
    // that is not news, so only pages present in both pictures report opens and ends.
    let (sources_before, sources_after) = (before.sources(), after.sources());
    let in_both = |i: &&Incident| {
        i.source.as_deref().is_none_or(|s| sources_before.contains(&s) && sources_after.contains(&s))
    };
    let was_active: Vec<&Incident> = before.active().into_iter().filter(in_both).collect();
    let now_active: Vec<&Incident> = after.active().into_iter().filter(in_both).collect();
    for incident in &now_active {
        match was_active.iter().find(|i| i.key() == incident.key()) {
            None => events.push(WidgetEvent::IncidentOpen((*incident).into())),
            Some(old) if old.status != incident.status || latest(old) != latest(incident) => {
                events.push(WidgetEvent::IncidentUpdate((*incident).into()))
            }
            Some(_) => {}
        }
    }
    for old in was_active.iter().filter(|old| !now_active.iter().any(|i| i.key() == old.key())) {
        let ended =
            after.incidents.iter().chain(&after.maintenances).find(|i| i.key() == old.key()).unwrap_or(old);
        events.push(WidgetEvent::IncidentResolve(ended.into()));
    }
    events
}

/// What tells an incident's latest update from an earlier one: its id, time and text, and
/// how many updates there are (feeds without update ids get made-up ones).
/// An update as far as news goes: its id, time, status and text.
type Said<'a> = (&'a str, Option<crate::model::Time>, &'a crate::model::Status, &'a str);

fn latest(incident: &Incident) -> (usize, Option<Said<'_>>) {
    // Not `updated_at`: an update touched without a change of text is no news.
    (
        incident.updates.len(),
        incident.updates.first().map(|u| (u.id.as_str(), u.at, &u.status, u.body.as_str())),
    )
}
