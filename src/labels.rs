//! The widget's own words for feed values. Feed text (names, bodies, the page's own status
//! description) is shown as the feed wrote it; only these labels are the widget's.
//! A value the widget does not know is shown from its raw spelling ("under_maintenance" →
//! "Under maintenance"), so a new value still reads sensibly.

use std::borrow::Cow;

use crate::events::WidgetEvent;
use crate::model::{ComponentStatus, Impact, Indicator, Status};

/// The overall indicator in words.
pub fn indicator(value: &Indicator) -> Cow<'_, str> {
    match value {
        Indicator::None => "All systems operational".into(),
        Indicator::Minor => "Minor service disruption".into(),
        Indicator::Major => "Major service outage".into(),
        Indicator::Critical => "Critical service outage".into(),
        Indicator::Maintenance => "Maintenance in progress".into(),
        Indicator::Other(raw) => humanize(raw),
    }
}

/// An incident or update status in words.
pub fn status(value: &Status) -> Cow<'_, str> {
    match value {
        Status::Investigating => "Investigating".into(),
        Status::Identified => "Identified".into(),
        Status::Monitoring => "Monitoring".into(),
        Status::Resolved => "Resolved".into(),
        Status::Postmortem => "Postmortem".into(),
        Status::Scheduled => "Scheduled".into(),
        Status::InProgress => "In progress".into(),
        Status::Verifying => "Verifying".into(),
        Status::Completed => "Completed".into(),
        Status::Other(raw) => humanize(raw),
    }
}

/// An impact in words.
pub fn impact(value: &Impact) -> Cow<'_, str> {
    match value {
        Impact::None => "No declared impact".into(),
        Impact::Minor => "Minor impact".into(),
        Impact::Major => "Major impact".into(),
        Impact::Critical => "Critical impact".into(),
        Impact::Maintenance => "Maintenance".into(),
        Impact::Other(raw) => Cow::Owned(format!("Impact: {}", humanize(raw))),
    }
}

/// A component status in words.
pub fn component_status(value: &ComponentStatus) -> Cow<'_, str> {
    match value {
        ComponentStatus::Operational => "Operational".into(),
        ComponentStatus::DegradedPerformance => "Degraded performance".into(),
        ComponentStatus::PartialOutage => "Partial outage".into(),
        ComponentStatus::MajorOutage => "Major outage".into(),
        ComponentStatus::UnderMaintenance => "Under maintenance".into(),
        ComponentStatus::Other(raw) => humanize(raw),
    }
}

/// "under_maintenance" → "Under maintenance"; an empty value → "Unknown".
fn humanize(raw: &str) -> Cow<'_, str> {
    let words = raw.trim().replace(['_', '-'], " ");
    let mut chars = words.chars();
    match chars.next() {
        None => "Unknown".into(),
        Some(first) => Cow::Owned(first.to_uppercase().chain(chars).collect()),
    }
}

/// What a screen reader hears about changes: new incidents, new updates and resolutions, in
/// one sentence each; `None` when nothing worth saying happened (status changes alone are
/// already visible in the banner).
pub fn announcement(events: &[WidgetEvent]) -> Option<String> {
    let sentences: Vec<String> = events
        .iter()
        .filter_map(|event| match event {
            WidgetEvent::IncidentOpen(i) => {
                let kind = if i.maintenance { "Maintenance started" } else { "New incident" };
                Some(format!("{kind}: {}, {}.", i.name, status(&Status::parse(&i.status))))
            }
            WidgetEvent::IncidentUpdate(i) => {
                Some(format!("Update on {}: {}.", i.name, status(&Status::parse(&i.status))))
            }
            WidgetEvent::IncidentResolve(i) => {
                let word = if i.maintenance { "Maintenance over" } else { "Resolved" };
                Some(format!("{word}: {}.", i.name))
            }
            _ => None,
        })
        .collect();
    (!sentences.is_empty()).then(|| sentences.join(" "))
}
