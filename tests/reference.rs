//! Native tests: the compiled-in reference incident, live and replayed.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::at;
use status_widget::feed::{reference, REFERENCE_REPLAY_AT};
use status_widget::model::{ComponentStatus, Impact, Indicator, OverallSource, Status};

const AFFECTED: [&str; 7] = [
    "America East",
    "America East 2",
    "America West",
    "America West 2",
    "UK (United Kingdom)",
    "UK 2 (United Kingdom)",
    "EU1 (English Europe and Asia)",
];

fn status_of(s: &status_widget::model::Snapshot, name: &str) -> ComponentStatus {
    s.components
        .iter()
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("no component {name}"))
        .status
        .clone()
}

#[test]
fn reference_feed_as_published() {
    let s = reference().unwrap();
    assert_eq!(s.page.name.as_deref(), Some("Datto"));
    let group = s.components.iter().find(|c| c.is_group).unwrap();
    assert_eq!(group.name, "Autotask PSA");
    let zones: Vec<_> = s.components.iter().filter(|c| c.group_id.as_deref() == Some(&group.id)).collect();
    assert_eq!(zones.len(), 12);
    assert_eq!(s.incidents.len(), 1);
    let incident = &s.incidents[0];
    assert_eq!(incident.name, "PSA - OTP Email delay - Under Investigation");
    assert_eq!(incident.status, Status::Postmortem);
    // Seven updates through investigating → identified → monitoring → resolved, then the RCA.
    let statuses: Vec<_> = incident.updates.iter().rev().map(|u| u.status.as_str()).collect();
    assert_eq!(
        statuses,
        [
            "investigating",
            "identified",
            "identified",
            "identified",
            "monitoring",
            "monitoring",
            "resolved",
            "postmortem"
        ]
    );
    assert_eq!(incident.updates[0].at, Some(at("2020-03-10T17:27:00Z")));
    assert!(incident.updates[0].body.contains("Root Cause Analysis"));
    assert_eq!(incident.component_names(), AFFECTED);
    assert_eq!(s.maintenances.len(), 1);
    assert!(s.maintenances[0].is_maintenance());
    assert_eq!(s.maintenances[0].status, Status::Completed);
    // Long over: nothing active, the page says all is well.
    assert!(s.active().is_empty());
    assert_eq!(s.overall().indicator, Indicator::None);
    assert_eq!(s.overall().source, OverallSource::Page);
}

#[test]
fn replay_while_the_incident_was_identified() {
    let s = reference().unwrap().as_of(at(REFERENCE_REPLAY_AT));
    let active = s.active();
    assert_eq!(active.len(), 1, "the maintenance was over, the incident open");
    let incident = active[0];
    assert_eq!(incident.status, Status::Identified);
    assert_eq!(incident.impact, Impact::Minor);
    assert_eq!(incident.updates.len(), 3, "08:21, 09:35, 10:32 are visible");
    assert_eq!(incident.updates[0].at, Some(at("2020-02-05T10:32:00Z")));
    assert!(incident.resolved_at.is_none());
    for zone in AFFECTED {
        assert_eq!(status_of(&s, zone), ComponentStatus::DegradedPerformance, "{zone}");
    }
    assert_eq!(status_of(&s, "DE1 (German)"), ComponentStatus::Operational);
    // The page's own "All Systems Operational" was written weeks later: worked out again.
    let overall = s.overall();
    assert_eq!((overall.indicator, overall.source), (Indicator::Minor, OverallSource::Components));
}

#[test]
fn replay_during_the_maintenance_and_before_anything() {
    let full = reference().unwrap();
    let s = full.as_of(at("2020-02-04T22:00:00Z"));
    assert!(s.incidents.is_empty(), "the incident did not exist yet");
    let active = s.active();
    assert_eq!(active.len(), 1);
    assert!(active[0].is_maintenance());
    assert_eq!(active[0].status, Status::InProgress);
    assert_eq!(status_of(&s, "UK (United Kingdom)"), ComponentStatus::UnderMaintenance);
    assert_eq!(s.overall().indicator, Indicator::Maintenance);

    let s = full.as_of(at("2020-01-01T00:00:00Z"));
    assert!(s.incidents.is_empty() && s.maintenances.is_empty());
    assert_eq!(s.overall().indicator, Indicator::None);
}

#[test]
fn replay_after_resolution_and_every_moment() {
    let full = reference().unwrap();
    let s = full.as_of(at("2020-02-05T16:00:00Z"));
    assert!(s.active().is_empty());
    assert_eq!(s.incidents[0].status, Status::Resolved);
    assert_eq!(s.incidents[0].resolved_at, Some(at("2020-02-05T15:04:00Z")));
    assert_eq!(status_of(&s, "America East"), ComponentStatus::Operational);

    let moments = full.moments();
    assert_eq!(moments.len(), 11, "3 maintenance updates + 8 incident updates");
    assert!(moments.windows(2).all(|w| w[0] < w[1]));
    // Stepping through every moment never loses an update or invents one.
    for (i, moment) in moments.iter().enumerate() {
        let visible: usize = full
            .as_of(*moment)
            .incidents
            .iter()
            .chain(&full.as_of(*moment).maintenances)
            .map(|x| x.updates.len())
            .sum();
        assert_eq!(visible, i + 1, "at {moment}");
    }
}

#[test]
fn filtering_by_zone() {
    let full = reference().unwrap();
    let terms = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();

    // An affected zone: the incident and the maintenance both touch it.
    let uk2 = full.filtered(&terms(&["uk 2 (united kingdom)"]));
    assert_eq!(uk2.components.len(), 1);
    assert_eq!((uk2.incidents.len(), uk2.maintenances.len()), (1, 1));
    assert!(uk2.status.is_none(), "the page's own status does not describe one zone");
    assert_eq!(uk2.incidents[0].component_names(), ["UK 2 (United Kingdom)"], "narrowed to the filter");
    assert_eq!(uk2.incidents[0].updates.len(), 8, "the history stays whole");
    let live = uk2.as_of(at(REFERENCE_REPLAY_AT));
    assert_eq!(live.overall().indicator, Indicator::Minor);

    // A zone the incident spared: only the maintenance (it covered every zone).
    let de1 = full.filtered(&terms(&["DE1 (German)"]));
    assert_eq!((de1.incidents.len(), de1.maintenances.len()), (0, 1));
    assert_eq!(de1.as_of(at(REFERENCE_REPLAY_AT)).overall().indicator, Indicator::None);

    // A group name brings its twelve zones; an id works as well as a name.
    assert_eq!(full.filtered(&terms(&["Autotask PSA"])).components.len(), 13);
    assert_eq!(full.filtered(&terms(&["ae00zone0002"])).components[0].name, "America East");

    // Nothing matches: nothing is left to show as "operational".
    let none = full.filtered(&terms(&["Mars"]));
    assert!(none.components.is_empty() && none.incidents.is_empty());
}

#[test]
fn events_follow_the_replay() {
    use status_widget::events::{changes, WidgetEvent};
    let full = reference().unwrap();
    let at_moment = |s: &str| full.as_of(at(s));
    let names = |events: Vec<WidgetEvent>| events.iter().map(|e| e.name()).collect::<Vec<_>>();

    let first = changes(None, &at_moment("2020-02-05T08:00:00Z"));
    assert_eq!(
        first,
        [WidgetEvent::StatusChange {
            indicator: "none".into(),
            description: None,
            previous: None,
            page: Some("Datto".into())
        }]
    );

    let opened = changes(Some(&at_moment("2020-02-05T08:00:00Z")), &at_moment("2020-02-05T08:21:00Z"));
    assert_eq!(names(opened.clone()), ["status-change", "incident-open"]);
    let detail = opened[1].detail();
    assert!(detail.contains(&("status", status_widget::events::DetailValue::Text("investigating".into()))));

    let updated = changes(Some(&at_moment("2020-02-05T08:21:00Z")), &at_moment("2020-02-05T09:35:00Z"));
    assert_eq!(names(updated), ["incident-update"]);
    let quiet = changes(Some(&at_moment("2020-02-05T09:35:00Z")), &at_moment("2020-02-05T09:40:00Z"));
    assert!(quiet.is_empty(), "nothing posted, nothing said");
    let resolved = changes(Some(&at_moment("2020-02-05T14:28:00Z")), &at_moment("2020-02-05T15:04:00Z"));
    assert_eq!(names(resolved.clone()), ["status-change", "incident-resolve"]);
    assert!(matches!(&resolved[1], WidgetEvent::IncidentResolve(d) if d.status == "resolved"));
}

#[test]
fn announcements_say_what_happened_once() {
    use status_widget::events::changes;
    use status_widget::labels::announcement;
    let full = reference().unwrap();
    let say = |a: &str, b: &str| {
        announcement(&changes(Some(&full.as_of(at(a))), &full.as_of(at(b))), status_widget::i18n::Lang::En)
    };
    assert_eq!(
        say("2020-02-05T08:00:00Z", "2020-02-05T08:21:00Z").as_deref(),
        Some("New incident: PSA - OTP Email delay - Under Investigation, Investigating.")
    );
    assert_eq!(
        say("2020-02-05T11:30:00Z", "2020-02-05T11:53:00Z").as_deref(),
        Some("Update on PSA - OTP Email delay - Under Investigation: Monitoring.")
    );
    assert_eq!(
        say("2020-02-05T15:00:00Z", "2020-02-05T15:04:00Z").as_deref(),
        Some("Resolved: PSA - OTP Email delay - Under Investigation.")
    );
    assert_eq!(
        say("2020-02-04T19:00:00Z", "2020-02-04T20:00:00Z").as_deref(),
        Some("Maintenance started: Autotask PSA email DKIM changes, In progress.")
    );
    assert_eq!(say("2020-02-05T09:40:00Z", "2020-02-05T09:50:00Z"), None, "nothing new, nothing said");
}

#[test]
fn root_causes_are_found_where_feeds_put_them() {
    let full = reference().unwrap();
    let rca = full.incidents[0].root_cause().expect("the reference has a postmortem update");
    assert!(rca.body.starts_with("Start and End Date/Time (UTC):"));
    assert_eq!(rca.published, Some(at("2020-03-10T17:27:00Z")));
    assert_eq!(rca.update_id, Some("otpupd000008"));
    // Not yet published while the incident was live.
    assert!(full.as_of(at("2020-02-05T16:00:00Z")).incidents[0].root_cause().is_none());
}

#[test]
fn upcoming_maintenance_within_a_week() {
    let full = reference().unwrap();
    let announced = full.as_of(at("2020-02-01T12:00:00Z"));
    let upcoming = announced.upcoming(at("2020-02-01T12:00:00Z"), 7);
    assert_eq!(upcoming.len(), 1);
    assert_eq!(upcoming[0].name, "Autotask PSA email DKIM changes");
    assert!(announced.upcoming(at("2020-02-01T12:00:00Z"), 2).is_empty(), "starts in 3 days");
    assert!(
        full.as_of(at("2020-01-28T00:00:00Z")).upcoming(at("2020-01-28T00:00:00Z"), 7).is_empty(),
        "not announced yet"
    );
    assert!(full.upcoming(at("2020-02-06T00:00:00Z"), 7).is_empty(), "completed");
}
