//! Coverage and the maintenance behind an incident: cases a code review of issue 17 found.
//! (the days an incidents.json covers, a maintenance that started early, the new setting).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use chrono::{NaiveDate, TimeDelta};
use common::{at, shared};
use status_widget::config::{Config, SETTINGS};
use status_widget::feed::{decode, REFERENCE_DOCUMENTS};
use status_widget::model::Snapshot;

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn feed(json: &str) -> Snapshot {
    decode(json.as_bytes()).unwrap_or_else(|e| panic!("{e}: {json}")).1
}

/// One resolved incident object of an incidents.json.
fn resolved(id: &str, began: &str, resolved_at: &str) -> String {
    format!(
        r#"{{"id":"{id}","name":"Incident {id}","status":"resolved","impact":"minor",
        "created_at":"{began}","started_at":"{began}","resolved_at":"{resolved_at}","updated_at":"{resolved_at}",
        "components":[],"incident_updates":[
          {{"id":"{id}-r","status":"resolved","body":"Fixed.","created_at":"{resolved_at}","display_at":"{resolved_at}"}},
          {{"id":"{id}-i","status":"investigating","body":"Looking.","created_at":"{began}","display_at":"{began}"}}]}}"#
    )
}

/// Fifty resolved incidents, one every 12 hours from `first` on, each an hour long, newest first.
fn fifty_resolved(first: &str) -> Vec<String> {
    let first = at(first);
    (0..50)
        .rev()
        .map(|n| {
            let began = first + TimeDelta::hours(12 * n);
            let end = began + TimeDelta::hours(1);
            resolved(&format!("r{n}"), &began.to_rfc3339(), &end.to_rfc3339())
        })
        .collect()
}

fn incidents_json(items: &[String]) -> String {
    format!(
        r#"{{"page":{{"id":"p","name":"P","url":"https://status.example.com"}},"incidents":[{}]}}"#,
        items.join(",")
    )
}

/// Statuspage's incidents.json is "the 50 most recent incidents", and it "includes all
/// unresolved incidents" whatever their age. An incident left open for weeks (Cloudflare's
/// shared summary has one open 16 days) is therefore in the list although resolved incidents
/// after it are not. `incidents_since` takes the oldest `began()` of every incident, open
/// ones included, so the open incident stretches the claimed coverage back to its start:
/// weeks of days are then called "No incidents reported" although resolved incidents of
/// those weeks are simply not in the 50.
#[test]
fn an_old_open_incident_does_not_stretch_the_days_the_list_covers() {
    let mut items = vec![format!(
        r#"{{"id":"open","name":"Degraded webhooks","status":"monitoring","impact":"minor",
        "created_at":"2026-05-01T10:00:00Z","started_at":"2026-05-01T10:00:00Z","resolved_at":null,
        "components":[],"incident_updates":[{{"id":"o1","status":"monitoring","body":"Watching.",
        "created_at":"2026-05-01T10:00:00Z"}}]}}"#
    )];
    // The 50 most recent resolved ones run from 1 July on, twice a day.
    items.extend(fifty_resolved("2026-07-01T08:00:00Z"));
    let snapshot = feed(&incidents_json(&items));
    let now = at("2026-07-30T12:00:00Z");
    let days = snapshot.history(now, 90, |t| t.date_naive());
    let claimed: Vec<NaiveDate> =
        days.iter().filter(|d| d.covered && d.date < date("2026-07-01")).map(|d| d.date).collect();
    assert!(
        claimed.is_empty(),
        "incidents_since = {:?}: {} days before the oldest listed resolved incident are claimed quiet \
         (e.g. {:?}), though resolved incidents of those days fall outside the 50",
        snapshot.incidents_since,
        claimed.len(),
        claimed.last()
    );
}

/// What the list's 50 are: GitHub's real incidents.json (shared fixture) is ordered by
/// `resolved_at`, newest first, not by when incidents began (four pairs are out of
/// `created_at`/`started_at` order, none out of `resolved_at` order). So the list holds every
/// incident resolved after the oldest listed `resolved_at`, and no more: one that began
/// after the oldest listed incident began but was resolved before it (a short incident during
/// a long one) is not in it. `incidents_since` uses the oldest `began()`, so the days of such
/// a long incident are claimed quiet.
#[test]
fn the_list_covers_the_days_after_its_oldest_resolution_not_its_oldest_beginning() {
    if let Some((_, github)) = shared("github_incidents_50_2026-07_gitdown.json") {
        // The snapshot is in began() order; the fixture's own order is where each id stands.
        let path =
            common::shared_fixtures().unwrap().join("statuspage/github_incidents_50_2026-07_gitdown.json");
        let raw = std::fs::read_to_string(path).unwrap();
        let mut by_position: Vec<_> =
            github.incidents.iter().map(|i| (raw.find(&format!("\"{}\"", i.id)).unwrap(), i)).collect();
        by_position.sort_by_key(|(position, _)| *position);
        let resolved: Vec<_> = by_position.iter().map(|(_, i)| i.resolved_at).collect();
        assert_eq!(resolved.len(), 50);
        assert!(resolved.windows(2).all(|w| w[0] >= w[1]), "the fixture is in resolved_at order");
    }
    // 49 recent incidents, and the 50th (oldest resolution): began 20 June, resolved 28 June.
    let mut items = fifty_resolved("2026-07-01T08:00:00Z");
    items.pop();
    items.push(resolved("long", "2026-06-20T09:00:00Z", "2026-06-28T09:00:00Z"));
    let snapshot = feed(&incidents_json(&items));
    let days = snapshot.history(at("2026-07-30T12:00:00Z"), 60, |t| t.date_naive());
    // A 2-hour incident on 22 June, resolved before 28 June, would be the 51st: not listed.
    let day = days.iter().find(|d| d.date == date("2026-06-22")).unwrap();
    assert!(
        !day.covered,
        "22 June is claimed quiet (incidents_since = {:?}), but an incident of that day resolved \
         before 28 June 09:00 would not be among the 50 listed",
        snapshot.incidents_since
    );
}

/// An incident that began while a maintenance was under way (its `in_progress` update posted
/// before the planned start: the work started early) is not found: `near_maintenance` takes
/// the maintenance's start from `scheduled_for` only.
#[test]
fn an_incident_during_a_maintenance_that_started_early_is_near_it() {
    let snapshot = feed(
        r#"{"page":{"id":"p","name":"P"},
        "incidents":[{"id":"inc","name":"API errors","status":"resolved","impact":"major",
          "created_at":"2026-07-01T21:50:00Z","started_at":"2026-07-01T21:50:00Z","resolved_at":"2026-07-01T22:20:00Z",
          "components":[{"id":"api","name":"API","status":"operational"}],
          "incident_updates":[
            {"id":"i2","status":"resolved","body":"Fixed.","created_at":"2026-07-01T22:20:00Z"},
            {"id":"i1","status":"investigating","body":"Errors.","created_at":"2026-07-01T21:50:00Z"}]}],
        "scheduled_maintenances":[{"id":"m","name":"Database upgrade","status":"completed","impact":"maintenance",
          "created_at":"2026-06-25T10:00:00Z","resolved_at":"2026-07-01T22:30:00Z",
          "scheduled_for":"2026-07-01T22:00:00Z","scheduled_until":"2026-07-01T23:00:00Z",
          "components":[{"id":"api","name":"API","status":"operational"}],
          "incident_updates":[
            {"id":"m3","status":"completed","body":"Done.","created_at":"2026-07-01T22:30:00Z"},
            {"id":"m2","status":"in_progress","body":"We are starting the upgrade now.","created_at":"2026-07-01T21:40:00Z"},
            {"id":"m1","status":"scheduled","body":"Planned.","created_at":"2026-06-25T10:00:00Z"}]}]}"#,
    );
    let incident = &snapshot.incidents[0];
    let near = snapshot.near_maintenance(incident, TimeDelta::hours(24));
    assert_eq!(
        near.as_ref().map(|n| (n.maintenance.id.as_str(), n.after)),
        Some(("m", None)),
        "the incident began at 21:50, ten minutes after the page said the maintenance was in progress"
    );
}

/// `near-maintenance-hours` shares the day settings' bound (3660): a value past it, though a
/// whole number of hours as documented, is refused with a warning that names no limit.
#[test]
fn near_maintenance_hours_accepts_what_its_documentation_accepts() {
    let (config, warnings) =
        Config::from_lookup(|name| (name == "near-maintenance-hours").then(|| "4380".to_owned()));
    assert!(
        config.near_maintenance_hours == 4380 || warnings.iter().any(|w| w.contains("3660")),
        "near-maintenance-hours=4380 (six months) → {} with {warnings:?}",
        config.near_maintenance_hours
    );
}

/// The settings table (and so the README, which the logic test holds to it) still describes
/// `history-days` as before issue 17: "Resolved incidents …; a day without any says 'No
/// incidents reported'". Days the documents do not cover now say nothing and are left out,
/// and completed or cancelled maintenances are listed too.
#[test]
fn the_history_days_description_matches_what_the_history_shows() {
    let setting = SETTINGS.iter().find(|s| s.name == "history-days").unwrap();
    let summary = decode(REFERENCE_DOCUMENTS[0].as_bytes()).unwrap().1;
    let days = summary.history(at("2020-02-06T12:00:00Z"), 14, |t| t.date_naive());
    let quiet_uncovered = days.iter().filter(|d| d.incidents.is_empty() && !d.covered).count();
    assert!(quiet_uncovered > 0);
    assert!(
        !setting.description.contains(r#"a day without any says "No incidents reported""#),
        "history-days: {:?} — but {quiet_uncovered} of 14 days of a summary.json say nothing",
        setting.description
    );
}
