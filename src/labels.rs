//! The widget's own words for feed values. Feed text (names, bodies, the page's own status
//! description) is shown as the feed wrote it; only these labels are the widget's.
//! A value the widget does not know is shown from its raw spelling ("under_maintenance" →
//! "Under maintenance"), so a new value still reads sensibly.

use std::borrow::Cow;

use crate::events::WidgetEvent;
use crate::i18n::{Key, Lang};
use crate::model::{ComponentStatus, Impact, Indicator, Status};

/// The overall indicator in words.
pub fn indicator(value: &Indicator, lang: Lang) -> Cow<'_, str> {
    let key = match value {
        Indicator::None => Key::AllOperational,
        Indicator::Minor => Key::MinorDisruption,
        Indicator::Major => Key::MajorServiceOutage,
        Indicator::Critical => Key::CriticalServiceOutage,
        Indicator::Maintenance => Key::MaintenanceInProgress,
        Indicator::Other(raw) => return humanize(raw, lang),
    };
    lang.t(key).into()
}

/// An incident or update status in words.
pub fn status(value: &Status, lang: Lang) -> Cow<'_, str> {
    let key = match value {
        Status::Investigating => Key::Investigating,
        Status::Identified => Key::Identified,
        Status::Monitoring => Key::Monitoring,
        Status::Resolved => Key::Resolved,
        Status::Postmortem => Key::Postmortem,
        Status::Scheduled => Key::Scheduled,
        Status::InProgress => Key::InProgress,
        Status::Verifying => Key::Verifying,
        Status::Completed => Key::Completed,
        Status::Cancelled => Key::Cancelled,
        Status::Other(raw) => return humanize(raw, lang),
    };
    lang.t(key).into()
}

/// An impact in words.
pub fn impact(value: &Impact, lang: Lang) -> Cow<'_, str> {
    let key = match value {
        Impact::None => Key::ImpactNone,
        Impact::Minor => Key::ImpactMinor,
        Impact::Major => Key::ImpactMajor,
        Impact::Critical => Key::ImpactCritical,
        Impact::Maintenance => Key::ImpactMaintenance,
        Impact::Other(raw) => return Cow::Owned(lang.fill(Key::ImpactOther, &[&humanize(raw, lang)])),
    };
    lang.t(key).into()
}

/// A component status in words.
pub fn component_status(value: &ComponentStatus, lang: Lang) -> Cow<'_, str> {
    let key = match value {
        ComponentStatus::Operational => Key::Operational,
        ComponentStatus::DegradedPerformance => Key::DegradedPerformance,
        ComponentStatus::PartialOutage => Key::PartialOutage,
        ComponentStatus::MajorOutage => Key::MajorOutage,
        ComponentStatus::UnderMaintenance => Key::UnderMaintenance,
        ComponentStatus::Other(raw) => return humanize(raw, lang),
    };
    lang.t(key).into()
}

/// "under_maintenance" → "Under maintenance"; an empty value → "Unknown".
fn humanize(raw: &str, lang: Lang) -> Cow<'_, str> {
    let words = raw.trim().replace(['_', '-'], " ");
    let mut chars = words.chars();
    match chars.next() {
        None => lang.t(Key::Unknown).into(),
        // The first letter by the platform's upper-casing (the browser's in the wasm: Rust's
        // own table would cost it 12 KB raw).
        Some(_) => {
            let rest = chars.as_str();
            Cow::Owned(crate::model::upper(&words[..words.len() - rest.len()]) + rest)
        }
    }
}

/// What a screen reader hears about changes: new incidents, new updates and resolutions, in
/// one sentence each; `None` when nothing worth saying happened (status changes alone are
/// already visible in the banner).
pub fn announcement(events: &[WidgetEvent], lang: Lang) -> Option<String> {
    let sentences: Vec<String> = events
        .iter()
        .filter_map(|event| match event {
            WidgetEvent::IncidentOpen(i) => {
                let key =
                    if i.maintenance { Key::AnnounceMaintenanceStarted } else { Key::AnnounceNewIncident };
                Some(lang.fill(key, &[&i.name, &status(&Status::parse(&i.status), lang)]))
            }
            WidgetEvent::IncidentUpdate(i) => {
                Some(lang.fill(Key::AnnounceUpdate, &[&i.name, &status(&Status::parse(&i.status), lang)]))
            }
            WidgetEvent::IncidentResolve(i) => {
                let key = if i.maintenance { Key::AnnounceMaintenanceOver } else { Key::AnnounceResolved };
                Some(lang.fill(key, &[&i.name]))
            }
            _ => None,
        })
        .collect();
    (!sentences.is_empty()).then(|| sentences.join(" "))
}
