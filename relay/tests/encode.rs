//! The encoder against the widget's own decoder: whatever picture an adapter makes, the
//! widget reading the relay's three documents sees the same page, status, components,
//! incidents, updates and maintenances.

use chrono::{TimeZone, Utc};
use proptest::prelude::*;
use status_relay::encode::encode;
use status_widget::feed::decode;
use status_widget::model::{
    AffectedComponent, Component, ComponentStatus, Impact, Incident, Indicator, Page, PageStatus, Postmortem,
    Schedule, Snapshot, Status, Time, Update,
};

fn read_back(snapshot: &Snapshot) -> Snapshot {
    let documents = encode(snapshot);
    [documents.summary, documents.incidents, documents.maintenances].iter().fold(
        Snapshot::default(),
        |acc, d| {
            let bytes = serde_json::to_vec(d).expect("serialises");
            let (_, part) = decode(&bytes).expect("the widget reads every document the relay writes");
            acc.merge(part)
        },
    )
}

/// What the comparison leaves aside: list order among equal sort keys, an affected
/// component's missing code (written as its name, which the widget then reads as the code),
/// and `incidents_since`, which the widget works out from the list itself.
fn normalised(mut s: Snapshot) -> Snapshot {
    s.incidents.sort_by(|a, b| a.id.cmp(&b.id));
    s.maintenances.sort_by(|a, b| a.id.cmp(&b.id));
    for incident in s.incidents.iter_mut().chain(&mut s.maintenances) {
        for c in &mut incident.components {
            c.code.get_or_insert_with(|| c.name.clone());
            c.old_status = None;
            c.new_status = None;
        }
    }
    // A maintenance of no stated impact is written with Statuspage's impact `maintenance`.
    for m in &mut s.maintenances {
        if m.impact == Impact::None {
            m.impact = Impact::Maintenance;
        }
    }
    s.incidents_since = None;
    s
}

fn word() -> impl Strategy<Value = String> {
    "[A-Za-z][A-Za-z0-9 <>&'\"é—\\\\/]{0,24}"
}

fn time() -> impl Strategy<Value = Time> {
    (1_500_000_000i64..1_900_000_000, 0u32..1000)
        .prop_map(|(s, ms)| Utc.timestamp_opt(s, ms * 1_000_000).single().expect("in range"))
}

fn component_status() -> impl Strategy<Value = ComponentStatus> {
    prop_oneof![
        Just("operational"),
        Just("degraded_performance"),
        Just("partial_outage"),
        Just("major_outage"),
        Just("under_maintenance"),
        Just("not_monitored"),
    ]
    .prop_map(ComponentStatus::parse)
}

fn status() -> impl Strategy<Value = Status> {
    prop_oneof![
        Just("investigating"),
        Just("identified"),
        Just("monitoring"),
        Just("resolved"),
        Just("postmortem"),
        Just("scheduled"),
        Just("in_progress"),
        Just("completed"),
        Just("acknowledged"),
    ]
    .prop_map(Status::parse)
}

/// Impacts of incidents; Statuspage gives `maintenance` only to maintenances, and the widget
/// reads a windowless document of that impact as one.
fn impact() -> impl Strategy<Value = Impact> {
    prop_oneof![Just("none"), Just("minor"), Just("major"), Just("critical"), Just("severe")]
        .prop_map(Impact::parse)
}

fn update(n: usize) -> impl Strategy<Value = Update> {
    (
        status(),
        word(),
        proptest::option::of(time()),
        proptest::option::of(time()),
        proptest::option::of(word()),
    )
        .prop_map(move |(status, body, at, updated_at, affected)| Update {
            id: format!("u{n}"),
            status,
            body,
            at,
            created_at: at,
            updated_at,
            affected: affected
                .map(|name| AffectedComponent {
                    code: Some(format!("c-{name}")),
                    name,
                    old_status: Some(ComponentStatus::Operational),
                    new_status: Some(ComponentStatus::MajorOutage),
                })
                .into_iter()
                .collect(),
            edited_later: false,
        })
}

fn incident(n: usize, maintenance: bool) -> impl Strategy<Value = Incident> {
    (
        word(),
        status(),
        impact(),
        proptest::option::of(time()),
        proptest::option::of(time()),
        proptest::option::of(time()),
        proptest::collection::vec(0..1usize, 0..5),
        proptest::option::of((word(), proptest::option::of(time()))),
        time(),
        proptest::option::of(time()),
        proptest::option::of(word()),
    )
        .prop_flat_map(
            move |(
                name,
                status,
                impact,
                created,
                updated,
                resolved,
                updates,
                postmortem,
                starts,
                ends,
                link,
            )| {
                let updates: Vec<_> = (0..updates.len()).map(update).collect();
                (
                    Just((name, status, impact, created, updated, resolved, postmortem, starts, ends, link)),
                    updates,
                )
            },
        )
        .prop_map(
            move |(
                (name, status, impact, created, updated, resolved, postmortem, starts, ends, link),
                mut updates,
            )| {
                updates.sort_by_key(|u| std::cmp::Reverse(u.at));
                Incident {
                    id: format!("{}{n}", if maintenance { "m" } else { "i" }),
                    name,
                    status,
                    impact,
                    created_at: created,
                    updated_at: updated,
                    started_at: created,
                    resolved_at: resolved,
                    shortlink: link.map(|l| format!("https://stspg.io/{}", l.len())),
                    components: vec![AffectedComponent {
                        code: None,
                        name: "API".to_owned(),
                        old_status: None,
                        new_status: None,
                    }],
                    updates,
                    schedule: maintenance.then_some(Schedule { starts: Some(starts), ends }),
                    postmortem: postmortem.map(|(body, published_at)| Postmortem { body, published_at }),
                    source: None,
                }
            },
        )
}

fn snapshot() -> impl Strategy<Value = Snapshot> {
    (
        proptest::option::of(word()),
        proptest::option::of(time()),
        proptest::option::of((
            prop_oneof![Just("none"), Just("minor"), Just("critical"), Just("degraded")],
            proptest::option::of(word()),
        )),
        proptest::collection::vec(
            (word(), component_status(), proptest::option::of(word()), 0..3usize),
            0..8,
        ),
        0..5usize,
        0..4usize,
    )
        .prop_flat_map(|(name, updated, status, components, incidents, maintenances)| {
            let incidents: Vec<_> = (0..incidents).map(|n| incident(n, false)).collect();
            let maintenances: Vec<_> = (0..maintenances).map(|n| incident(n, true)).collect();
            (Just((name, updated, status, components)), incidents, maintenances)
        })
        .prop_map(|((name, updated, status, components), incidents, maintenances)| {
            let mut snapshot = Snapshot {
                page: Page {
                    id: Some("pg1".to_owned()),
                    name,
                    url: Some("https://status.example.com".to_owned()),
                    time_zone: Some("Etc/UTC".to_owned()),
                    updated_at: updated,
                },
                status: status.map(|(indicator, description)| PageStatus {
                    indicator: Indicator::parse(indicator),
                    description,
                }),
                incidents,
                maintenances,
                ..Snapshot::default()
            };
            // One group, its members pointing at it, and loose components.
            snapshot.components.push(Component {
                id: "g".to_owned(),
                name: "Group".to_owned(),
                status: ComponentStatus::Operational,
                description: None,
                position: 0,
                group_id: None,
                is_group: true,
                only_show_if_degraded: false,
                showcase: false,
                source: None,
            });
            for (n, (name, status, description, kind)) in components.into_iter().enumerate() {
                snapshot.components.push(Component {
                    id: format!("c{n}"),
                    name,
                    status,
                    description,
                    position: n as i64 + 1,
                    group_id: (kind == 0).then(|| "g".to_owned()),
                    is_group: false,
                    only_show_if_degraded: kind == 1,
                    showcase: kind == 2,
                    source: None,
                });
            }
            snapshot.sort();
            snapshot
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn the_widget_reads_back_what_the_relay_wrote(s in snapshot()) {
        let back = read_back(&s);
        let stated = s.status.is_some();
        let (want, got) = (normalised(s.clone()), normalised(back.clone()));
        prop_assert_eq!(&want.page, &got.page);
        prop_assert_eq!(&want.components, &got.components);
        prop_assert_eq!(&want.incidents, &got.incidents);
        prop_assert_eq!(&want.maintenances, &got.maintenances);
        if stated {
            prop_assert_eq!(&want.status, &got.status);
        } else {
            // No stated status: the relay states the one the widget would have worked out.
            prop_assert_eq!(s.overall().indicator, back.overall().indicator);
        }
    }
}

#[test]
fn summary_lists_only_what_is_open() {
    let mut s = Snapshot::default();
    for (id, status) in [("a", Status::Investigating), ("b", Status::Resolved)] {
        s.incidents.push(Incident {
            id: id.to_owned(),
            name: id.to_owned(),
            status,
            impact: Impact::Minor,
            created_at: None,
            updated_at: None,
            started_at: None,
            resolved_at: None,
            shortlink: None,
            components: Vec::new(),
            updates: Vec::new(),
            schedule: None,
            postmortem: None,
            source: None,
        });
    }
    let documents = encode(&s);
    let ids = |v: &serde_json::Value| -> Vec<String> {
        v["incidents"]
            .as_array()
            .expect("a list")
            .iter()
            .map(|i| i["id"].as_str().unwrap_or("").to_owned())
            .collect()
    };
    assert_eq!(ids(&documents.summary), ["a"]);
    assert_eq!(ids(&documents.incidents), ["a", "b"]);
    assert_eq!(documents.summary["status"]["indicator"], "minor");
    assert_eq!(documents.summary["status"]["description"], "Minor service disruption");
}
