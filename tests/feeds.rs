//! Native tests: every real feed in ../shared/fixtures and every quirk fixture decodes into
//! the model the view relies on.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{at, own, shared, shared_fixtures};
use status_widget::feed::{decode, document_urls, DocumentKind, FeedError};
use status_widget::model::{ComponentStatus, Impact, Indicator, OverallSource, Severity, Status};

fn update_count(s: &status_widget::model::Snapshot) -> usize {
    s.incidents.iter().map(|i| i.updates.len()).sum()
}

#[test]
fn every_statuspage_fixture_decodes_and_every_other_format_is_refused_calmly() {
    let Some(dir) = shared_fixtures() else { return };
    let mut read = 0;
    for sub in ["statuspage", "other"] {
        for entry in std::fs::read_dir(dir.join(sub)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "json") {
                continue;
            }
            let result = decode(&std::fs::read(&path).unwrap());
            let name = path.file_name().unwrap().to_string_lossy();
            match (sub, result) {
                ("statuspage", Ok((_, snapshot))) => {
                    assert!(
                        !snapshot.components.is_empty() || !snapshot.incidents.is_empty(),
                        "{name}: decoded to nothing"
                    );
                    // Every incident has a name to show and its updates newest first.
                    for incident in &snapshot.incidents {
                        assert!(!incident.name.is_empty(), "{name}: incident {} has no name", incident.id);
                        let times: Vec<_> = incident.updates.iter().filter_map(|u| u.at).collect();
                        assert!(times.windows(2).all(|w| w[0] >= w[1]), "{name}: updates not newest first");
                    }
                }
                ("statuspage", Err(e)) => panic!("{name}: {e}"),
                (_, Ok((kind, _))) => panic!("{name}: a non-Statuspage file was read as {kind:?}"),
                (_, Err(e)) => assert!(
                    matches!(e, FeedError::Unsupported(_) | FeedError::NotStatusDocument),
                    "{name}: {e}"
                ),
            }
            read += 1;
        }
    }
    assert!(read >= 17, "only {read} fixture files found");
}

#[test]
fn other_formats_are_named() {
    let Some(dir) = shared_fixtures() else { return };
    let read = |n: &str| decode(&std::fs::read(dir.join("other").join(n)).unwrap()).unwrap_err();
    assert_eq!(read("cachet_yoti_v1_components_EXTRACTED.json"), FeedError::Unsupported("Cachet"));
    assert_eq!(read("cstate_torproject_index_EXTRACTED_no-issues.json"), FeedError::Unsupported("cState"));
    assert_eq!(read("cstate_schullogin_de_index_EXTRACTED_german.json"), FeedError::Unsupported("cState"));
    // Documents that reuse Statuspage's key names (`incident`, `components`, `page`) are named
    // for what they are, never read as a (falsely troubled) Statuspage page.
    for (file, product) in [
        ("perplexity_instatus_components_uppercase-status_ai-status.json", "Instatus"),
        ("perplexity_instatus_summary_page-only-UP_ai-status.json", "Instatus"),
        ("perplexity_incidentio_proxy-components_widget-api-off_ai-status.json", "incident.io"),
        ("slum_uptimekuma_status-page_v1-pinned-incident_kwire.json", "Uptime Kuma"),
        ("slum_uptimekuma_heartbeat_19-monitors-null-ping_kwire.json", "Uptime Kuma"),
        ("together_betterstack_index_2day-history-recovered_ai-status.json", "Better Stack"),
        ("huggingface_betterstack_index_90day-history-8-reports_Wakz.json", "Better Stack"),
        ("slack_slackstatus_current_2-active-incidents-minified_statuscheck.json", "Slack"),
        ("googlecloud_gcp_incidents_postmortem-markdown_devops-status-mcp-server.json", "Google Cloud"),
        ("googlecloud_gcp_incidents_one-incident-no-updates_ai-status.json", "Google Cloud"),
        ("googlecloud_gcp_products_vertex-subset_ai-status.json", "Google Cloud"),
        ("aws_awshealth_currentevents_string-codes-epoch_ai-status.json", "AWS Health"),
    ] {
        assert_eq!(read(file), FeedError::Unsupported(product), "{file}");
    }
}

#[test]
fn statuspage_key_names_alone_do_not_make_a_statuspage_document() {
    let refused = |json: &str| decode(json.as_bytes()).unwrap_err();
    // The review's smallest case: Uptime Kuma's status page with its single pinned incident.
    assert_eq!(refused(r#"{"config":{},"incident":{"id":1}}"#), FeedError::Unsupported("Uptime Kuma"));
    // An `incident` member that carries no updates, and no page: not an incident document.
    assert_eq!(refused(r#"{"incident":{"id":1,"title":"x"}}"#), FeedError::NotStatusDocument);
    // A list of things called components with nothing of Statuspage's in them.
    assert_eq!(refused(r#"{"components":[{"id":"a","name":"Website"}]}"#), FeedError::NotStatusDocument);
    assert_eq!(
        refused(r#"{"components":[{"id":"a","name":"API","status":"OPERATIONAL"}]}"#),
        FeedError::Unsupported("Instatus")
    );
    assert_eq!(refused(r#"{"incidents":[{"id":"a","title":"x"}]}"#), FeedError::NotStatusDocument);
    // A real page object makes a Statuspage document of any of its lists, unknown values kept.
    let (kind, s) =
        decode(br#"{"page":{"id":"p"},"components":[{"id":"a","name":"W","status":"weird"}]}"#).unwrap();
    assert_eq!(kind, DocumentKind::Components);
    assert_eq!(s.components[0].status, ComponentStatus::Other("weird".into()));
    let (kind, _) =
        decode(br#"{"page":{"id":"p"},"incident":{"id":"1","name":"x","incident_updates":[]}}"#).unwrap();
    assert_eq!(kind, DocumentKind::Incident);
}

#[test]
fn github_summary_keeps_the_page_indicator_not_the_incident_impact() {
    let Some((kind, s)) = shared("github_summary_2022-11_sergeyshevch-statuspage-exporter.json") else {
        return;
    };
    assert_eq!(kind, DocumentKind::Summary);
    assert_eq!(s.components.len(), 11);
    assert_eq!(s.page.name.as_deref(), Some("GitHub"));
    let overall = s.overall();
    assert_eq!((overall.indicator, overall.source), (Indicator::Minor, OverallSource::Page));
    assert_eq!(overall.description.as_deref(), Some("Minor Service Outage"));
    let active = s.active();
    assert_eq!(active.len(), 1);
    assert_eq!(active[0].impact, Impact::Major);
    assert_eq!(active[0].status, Status::Investigating);
    assert_eq!(active[0].updates.len(), 7);
    assert_eq!(active[0].component_names(), ["Packages", "Pages"]);
    assert!(active[0].resolved_at.is_none());
}

#[test]
fn minified_summary_with_nothing_active() {
    let Some((kind, s)) = shared("github_summary_minified_2026-07_gitdown.json") else { return };
    assert_eq!(kind, DocumentKind::Summary);
    assert_eq!(s.components.len(), 12);
    assert_eq!(s.overall().indicator, Indicator::None);
    assert!(s.active().is_empty());
}

#[test]
fn github_incident_history_has_all_50_incidents_and_287_updates() {
    let Some((kind, s)) = shared("github_incidents_50_2026-07_gitdown.json") else { return };
    assert_eq!(kind, DocumentKind::Incidents);
    assert_eq!(s.incidents.len(), 50);
    assert_eq!(update_count(&s), 287);
    assert!(s.incidents.iter().all(|i| i.status == Status::Resolved && !i.is_active()));
    assert!(s.incidents.windows(2).all(|w| w[0].began() >= w[1].began()), "newest first");
    // Backdated updates are placed by display_at.
    let backdated = s.incidents.iter().flat_map(|i| &i.updates).filter(|u| u.at != u.created_at).count();
    assert_eq!(backdated, 3);
    // With no component list, the overall status can only say whether anything is active.
    let overall = s.overall();
    assert_eq!((overall.indicator, overall.source), (Indicator::None, OverallSource::Incidents));
}

#[test]
fn bare_and_wrapped_single_incidents() {
    let Some((kind, s)) = shared("github_incident_8vfyvq16hzh9_critical_gitdown.json") else { return };
    assert_eq!(kind, DocumentKind::Incident);
    assert_eq!(s.incidents.len(), 1);
    assert_eq!(s.incidents[0].impact, Impact::Critical);
    assert_eq!(s.incidents[0].updates.len(), 18);
    assert_eq!(s.incidents[0].components.len(), 4);

    let Some((kind, s)) = shared("github_incident_t2xwk9mz56f4_29updates_GitHub-Incident-History.json")
    else {
        return;
    };
    assert_eq!(kind, DocumentKind::Incident);
    assert_eq!(s.page.name.as_deref(), Some("GitHub"));
    assert_eq!(s.incidents[0].updates.len(), 29);
    assert_eq!(s.incidents[0].components.len(), 8);
}

#[test]
fn legacy_html_body_and_deleted_component() {
    let Some((_, s)) = shared("github_incident_6swlsy1h3wy9_legacy-html-body_GitHub-Incident-History.json")
    else {
        return;
    };
    let incident = &s.incidents[0];
    assert_eq!(incident.updates.len(), 1);
    assert!(incident.updates[0].body.len() > 6000 && incident.updates[0].body.contains("<ul>"));
    assert_eq!(incident.resolved_at, incident.created_at);

    let Some((_, s)) =
        shared("github_incident_rgy28jwprr1c_affected-component-not-in-list_GitHub-Incident-History.json")
    else {
        return;
    };
    let incident = &s.incidents[0];
    assert!(incident.components.is_empty());
    assert_eq!(incident.component_names(), ["Notifications"]);
}

#[test]
fn offsets_are_converted_to_utc() {
    let Some((_, s)) = shared("instructure_summary_2021-12_aws-outage_atc0005-check-statuspage.json") else {
        return;
    };
    assert_eq!(s.page.time_zone.as_deref(), Some("America/Denver"));
    assert_eq!(s.components.len(), 24);
    assert_eq!(s.components.iter().filter(|c| c.is_group).count(), 3);
    assert_eq!(s.overall().description.as_deref(), Some("Partially Degraded Service"));
    let incident = &s.active()[0];
    assert_eq!(incident.status, Status::Identified);
    assert_eq!(incident.updates.len(), 11);
    let update = incident.updates.iter().find(|u| u.id == "bkwp1fjx0sxj").unwrap();
    assert_eq!(update.at, Some(at("2021-12-07T17:39:58Z")));
}

#[test]
fn large_component_lists() {
    for (file, components, groups) in [
        ("duo_components_539comps_69groups_atc0005-check-statuspage.json", 539, 69),
        ("qualys_components_271comps_major-outage_under-maintenance_atc0005-check-statuspage.json", 271, 12),
        ("coinbase_components_139comps_atc0005-check-statuspage.json", 139, 3),
        ("reddit_components_unicode_atc0005-check-statuspage.json", 47, 2),
        ("box_components_groups_degraded_atc0005-check-statuspage.json", 52, 7),
    ] {
        let Some((kind, s)) = shared(file) else { return };
        assert_eq!(kind, DocumentKind::Components, "{file}");
        assert_eq!(s.components.len(), components, "{file}");
        assert_eq!(s.components.iter().filter(|c| c.is_group).count(), groups, "{file}");
        assert!(s.components.windows(2).all(|w| w[0].position <= w[1].position), "{file}: by position");
    }
    let Some((_, qualys)) =
        shared("qualys_components_271comps_major-outage_under-maintenance_atc0005-check-statuspage.json")
    else {
        return;
    };
    let count = |status: ComponentStatus| qualys.components.iter().filter(|c| c.status == status).count();
    assert!(count(ComponentStatus::MajorOutage) >= 2);
    assert!(count(ComponentStatus::UnderMaintenance) >= 7);
    assert_eq!(qualys.overall().source, OverallSource::Components);
    assert_eq!(qualys.overall().indicator, Indicator::Critical);
    let troubled = qualys.troubled_components();
    assert_eq!(troubled.len(), 5, "1 major outage + 4 under maintenance, groups left out");
    assert!(troubled.iter().all(|c| !c.is_group));
    assert_eq!(troubled[0].status, ComponentStatus::MajorOutage, "worst first");
    let Some((_, reddit)) = shared("reddit_components_unicode_atc0005-check-statuspage.json") else { return };
    assert!(reddit.components.iter().any(|c| c.name == "Fastly Sāo Paulo (GRU)"));
}

#[test]
fn unknown_enum_values_render_as_something_sensible() {
    let (kind, s) = own("unknown-enums.json").unwrap();
    assert_eq!(kind, DocumentKind::Summary);
    assert_eq!(s.overall().indicator, Indicator::Maintenance);
    assert_eq!(s.components[0].status, ComponentStatus::UnderMaintenance);
    assert_eq!(s.components[1].status, ComponentStatus::Other("sparkling".into()));
    assert_eq!(s.components[1].status.severity(), Severity::Minor);
    let incident = &s.active()[0];
    // Impact `none` on an open incident still ranks as a problem.
    assert_eq!(incident.impact, Impact::None);
    assert_eq!(incident.severity(), Severity::Minor);
    assert_eq!(incident.updates[0].status, Status::Other("escalated".into()));
    assert!(incident.updates[0].affected.is_empty(), "null affected_components");
}

#[test]
fn missing_and_null_fields() {
    let (kind, s) = own("incident-io-sparse.json").unwrap();
    assert_eq!(kind, DocumentKind::Incidents);
    assert_eq!(s.incidents.len(), 2);
    let open = &s.active()[0];
    assert_eq!(open.name, "Webhooks delayed");
    assert_eq!(open.impact, Impact::None);
    assert!(open.shortlink.is_none() && open.components.is_empty());
    assert_eq!(open.updates[0].at, Some(at("2024-06-02T09:15:00Z")), "created_at stands in for display_at");
    let old = &s.incidents[1];
    assert_eq!(old.id, "Old thing", "the name stands in for a missing id");
    assert!(old.updates.is_empty() && !old.is_active());
}

#[test]
fn timestamp_shapes_and_reminder_intervals() {
    let (_, s) = own("timestamps-and-reminders.json").unwrap();
    assert_eq!(s.incidents.len(), 3);
    let mixed = s.incidents.iter().find(|i| i.id == "t1").unwrap();
    let times: Vec<_> = mixed.updates.iter().map(|u| u.at.unwrap()).collect();
    assert_eq!(times, [at("2024-03-10T07:20:00Z"), at("2024-03-10T06:30:00Z"), at("2024-03-10T06:00:00Z")]);
    assert_eq!(mixed.created_at, Some(at("2024-03-10T06:00:00.123Z")));
    assert_eq!(s.page.updated_at, Some(at("2024-03-10T07:30:00Z")));
    let date_only = s.incidents.iter().find(|i| i.id == "t3").unwrap();
    assert_eq!(date_only.started_at, None, "a date without a time is not an instant");
}

#[test]
fn wrong_types_read_as_absent() {
    let (kind, s) = own("wrong-types.json").unwrap();
    assert_eq!(kind, DocumentKind::Summary);
    assert_eq!(s.page.name, None);
    assert_eq!(s.page.id.as_deref(), Some("42"));
    assert!(s.status.is_none());
    assert_eq!(s.components.len(), 2);
    assert_eq!(s.components[0].name, "No id");
    assert_eq!(s.components[1].id, "7");
    assert_eq!(s.components[1].position, 2);
    assert_eq!(s.incidents.len(), 1);
    let incident = &s.incidents[0];
    // Numbers are kept as text (ids are sometimes numeric); an unknown impact still ranks.
    assert_eq!(incident.impact, Impact::Other("5".into()));
    assert_eq!(incident.severity(), Severity::Minor);
    assert_eq!(incident.created_at, None);
    assert_eq!(incident.updates[0].body, "12345");
}

#[test]
fn broken_input_gives_an_error_never_a_panic() {
    assert!(matches!(own("malformed.json"), Err(FeedError::NotJson(_))));
    assert_eq!(own("not-a-status-feed.json").unwrap_err(), FeedError::NotStatusDocument);
    for bytes in [
        &b""[..],
        b"null",
        b"[]",
        b"42",
        b"\"x\"",
        b"{}",
        b"{\"page\":{}}",
        b"\xff\xfe",
        b"{\"a\":1,\"a\":2}",
    ] {
        assert!(decode(bytes).is_err(), "{:?}", String::from_utf8_lossy(bytes));
    }
    // A repeated key keeps its last value, as JSON.parse does.
    let (_, repeated) = decode(br#"{"incidents":[{"id":"a","id":"b","name":"x"}]}"#).unwrap();
    assert_eq!(repeated.incidents[0].id, "b");
    // Nesting deeper than the reader allows is refused, not a stack overflow.
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(matches!(decode(deep.as_bytes()), Err(FeedError::NotJson(m)) if m.contains("nested too deeply")));
    let deep_ok = format!("{{\"page\":{{}},\"incidents\":{}{}}}", "[".repeat(100), "]".repeat(100));
    assert!(decode(deep_ok.as_bytes()).is_ok(), "100 levels are fine");
    let big = vec![b' '; status_widget::feed::MAX_FEED_BYTES + 1];
    assert!(matches!(decode(&big), Err(FeedError::TooLarge { .. })));
}

#[test]
fn src_is_a_base_url_or_a_document() {
    let three = |base: &str| {
        ["summary", "incidents", "scheduled-maintenances"].map(|d| format!("{base}/api/v2/{d}.json")).to_vec()
    };
    assert_eq!(document_urls("https://www.githubstatus.com"), three("https://www.githubstatus.com"));
    assert_eq!(document_urls("https://status.example.com/"), three("https://status.example.com"));
    assert_eq!(document_urls("https://x.io/api/v2/"), three("https://x.io"));
    assert_eq!(document_urls("/fixtures/a.json"), ["/fixtures/a.json"]);
    assert_eq!(
        document_urls("https://x.io/api/v2/incidents.json?limit=5"),
        ["https://x.io/api/v2/incidents.json?limit=5"]
    );
}

#[test]
fn missing_and_repeated_ids_are_made_unique() {
    let (_, s) = decode(br#"{"incidents": [
        {"id": "a", "name": "One", "incident_updates": [{"body": "x"}, {"body": "y"}, {"id": "u", "body": "z"}, {"id": "u", "body": "w"}]},
        {"id": "a", "name": "Two"},
        {"name": "Three"}
    ]}"#).unwrap();
    let mut ids: Vec<&str> = s.incidents.iter().map(|i| i.id.as_str()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 3, "{ids:?}");
    let one = s.incidents.iter().find(|i| i.name == "One").unwrap();
    let mut update_ids: Vec<&str> = one.updates.iter().map(|u| u.id.as_str()).collect();
    update_ids.sort();
    update_ids.dedup();
    assert_eq!(update_ids.len(), 4, "{update_ids:?}");
}

#[test]
fn component_trees_put_trouble_first() {
    let Some((_, duo)) = shared("duo_components_539comps_69groups_atc0005-check-statuspage.json") else {
        return;
    };
    let tree = duo.component_tree();
    let groups = tree.iter().filter(|e| e.group.is_some()).count();
    assert_eq!(groups, 69);
    let listed: usize = tree.iter().map(|e| e.members.len()).sum();
    assert!(listed <= 539 - 69 && listed > 400, "{listed}");
    assert!(tree.windows(2).all(|w| w[0].worst >= w[1].worst), "worst first");

    let Some((_, boxes)) = shared("box_components_groups_degraded_atc0005-check-statuspage.json") else {
        return;
    };
    let tree = boxes.component_tree();
    let first = &tree[0];
    assert_eq!(first.group.map(|g| g.name.as_str()), Some("Box Web Application"));
    assert_eq!(first.members.len(), 13);
    assert_eq!(first.worst, Severity::Minor);
}

#[test]
fn github_adds_root_causes_by_editing_the_resolved_update() {
    let Some((_, s)) = shared("github_incidents_50_2026-07_gitdown.json") else { return };
    let with = s.incidents.iter().filter(|i| i.root_cause().is_some()).count();
    assert!(with >= 10, "only {with} of 50 incidents have a root cause");
    let first = s.incidents.iter().find_map(|i| i.root_cause()).unwrap();
    // The edited update is the root cause: shown once, as the root cause, not again in the timeline.
    assert!(first.update_id.is_none() && first.edit_of.is_some() && first.published.is_some());
}

#[test]
fn timestamps_read_by_hand_match_chrono() {
    use status_widget::feed::parse_time;
    let chrono_reads = |raw: &str| {
        let raw = raw.trim();
        chrono::DateTime::parse_from_rfc3339(raw)
            .or_else(|_| chrono::DateTime::parse_from_rfc3339(&raw.replacen(' ', "T", 1)))
            .ok()
            .map(|t| t.to_utc())
    };
    let shapes = [
        "2020-02-05T08:21:00.000Z",
        "2020-02-05T08:21:00Z",
        "2020-02-05t08:21:00z",
        " 2020-02-05T08:21:00.123456789Z ",
        "2020-02-05T08:21:00.1234567891234Z",
        "2020-02-05T08:21:00.5-05:00",
        "2021-12-07T10:39:58.123-07:00",
        "2020-02-05T08:21:00+05:30",
        "2020-02-05 08:21:00Z",
        "2020-02-05 08:21:00.000+00:00",
        "2016-12-31T23:59:60Z",
        "2020-02-30T08:21:00Z",
        "2020-02-05T24:00:00Z",
        "2020-02-05T08:61:00Z",
        "2020-02-05",
        "2020-02-05T08:21Z",
        "2020-02-05T08:21:00",
        "2020-02-05T08:21:00.Z",
        "2020-02-05T08:21:00+0530",
        "2020-02-05T08:21:00+24:00",
        "2020-02-05T08:21:00Zjunk",
        "20200205T082100Z",
        "+2020-02-05T08:21:00Z",
        "２０２０-02-05T08:21:00Z",
        "",
        "yesterday",
    ];
    for raw in shapes {
        let ours = parse_time(raw);
        let theirs = chrono_reads(raw);
        match raw {
            // chrono keeps a leap second as such; we read it as the instant before the next minute.
            "2016-12-31T23:59:60Z" => assert_eq!(ours, Some(at("2016-12-31T23:59:59.999999999Z"))),
            // chrono accepts an offset of 24 hours; no feed writes one, and we refuse it.
            "2020-02-05T08:21:00+24:00" => assert_eq!(ours, None),
            _ => assert_eq!(ours, theirs, "{raw:?}"),
        }
    }
    proptest::proptest!(|(millis in 0i64..4_102_444_800_000, offset in -(23 * 60 + 59)..(23 * 60 + 59i64))| {
        let instant = chrono::DateTime::from_timestamp_millis(millis).unwrap();
        let zone = chrono::FixedOffset::east_opt((offset * 60) as i32).unwrap();
        let written = instant.with_timezone(&zone).to_rfc3339_opts(chrono::SecondsFormat::Millis, false);
        proptest::prop_assert_eq!(parse_time(&written), Some(instant), "{}", written);
    });
}

#[test]
fn the_json_reader_follows_rfc_8259() {
    use status_widget::feed::json::{parse, Json};
    let ok = |s: &str| parse(s.as_bytes()).unwrap_or_else(|e| panic!("{s:?}: {e}"));
    assert_eq!(
        ok(" {\"a\" : [1, -0.5e3, true, false, null, \"x\"]} "),
        Json::Object(vec![(
            "a".into(),
            Json::List(vec![
                Json::Number("1".into()),
                Json::Number("-0.5e3".into()),
                Json::Bool(true),
                Json::Bool(false),
                Json::Null,
                Json::Text("x".into())
            ])
        )])
    );
    assert_eq!(
        ok(r#""\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00\ud800x""#),
        Json::Text("\"\\/\u{8}\u{c}\n\r\té😀\u{FFFD}x".into())
    );
    assert_eq!(ok("\u{FEFF}\"bom\""), Json::Text("bom".into()));
    assert_eq!(ok("\"Ünïcødé ✓ 日本\""), Json::Text("Ünïcødé ✓ 日本".into()));
    for bad in [
        "",
        " ",
        "{",
        "}",
        "[1,]",
        "{\"a\":1,}",
        "{a:1}",
        "{\"a\" 1}",
        "01",
        "1.",
        ".5",
        "-",
        "1e",
        "+1",
        "tru",
        "nul",
        "\"open",
        "\"\\x\"",
        "\"\\u12\"",
        "\"tab\there\"",
        "[1 2]",
        "{} {}",
        "NaN",
        "'x'",
    ] {
        assert!(parse(bad.as_bytes()).is_err(), "{bad:?} should be refused");
    }
    assert!(parse(b"\"\xff\"").is_err(), "not UTF-8");
    let error = parse(b"{\"a\": tru}").unwrap_err();
    assert_eq!(error.to_string(), "expected a value at byte 6");
    // Every fixture reads the same as JSON, whatever our decoder then makes of it.
    let Some(dir) = common::shared_fixtures() else { return };
    for sub in ["statuspage", "other"] {
        for entry in std::fs::read_dir(dir.join(sub)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "json") {
                let bytes = std::fs::read(&path).unwrap();
                assert!(parse(&bytes).is_ok(), "{}", path.display());
            }
        }
    }
}

#[test]
fn backfilled_incidents_begin_when_they_happened_not_when_they_were_posted() {
    let Some((_, s)) = shared("github_incidents_50_2026-07_gitdown.json") else { return };
    let day = |t: status_widget::model::Time| t.date_naive().to_string();
    for (id, began) in
        [("kn7gv3tlfc54", "2026-06-17"), ("594m87r8sw13", "2026-07-24"), ("jpd6l1jq0r54", "2026-06-08")]
    {
        let incident = s.incidents.iter().find(|i| i.id == id).unwrap();
        let (b, e) = (incident.began().unwrap(), incident.ended().unwrap());
        assert!(b <= e, "{id} begins after it ends");
        assert_eq!(day(b), began, "{id} is listed on the day it happened");
        // Its only known times are its end: how long it lasted is not known, never "under a minute".
        assert_eq!(incident.lasted(), None, "{id}");
    }
    // The list is newest first by when incidents began.
    let began: Vec<_> = s.incidents.iter().map(|i| i.began()).collect();
    assert!(began.windows(2).all(|w| w[0] >= w[1]));
    // An ordinary incident still has its duration.
    let actions = s.incidents.iter().find(|i| i.id == "75g5xmzptjqb").unwrap();
    assert_eq!(actions.lasted().map(|d| d.num_minutes()), Some(34));
    // In history, by the reader's day.
    let history = s.history(at("2026-06-20T00:00:00Z"), 14, |t| t.date_naive());
    let on = |date: &str| {
        history
            .iter()
            .find(|d| d.date.to_string() == date)
            .map(|d| d.incidents.iter().map(|i| i.id.as_str()).collect::<Vec<_>>())
    };
    assert!(on("2026-06-17").unwrap().contains(&"kn7gv3tlfc54"));
    assert!(!on("2026-06-19").unwrap().contains(&"kn7gv3tlfc54"));
}

#[test]
fn a_replay_shows_no_root_cause_from_the_future() {
    let Some((_, s)) = shared("github_incidents_50_2026-07_gitdown.json") else { return };
    let find =
        |s: &status_widget::model::Snapshot| s.incidents.iter().find(|i| i.id == "75g5xmzptjqb").cloned();
    // The resolved update was edited at 2026-07-30 01:28 to add the analysis.
    assert!(find(&s).unwrap().root_cause().is_some(), "today, the analysis is there");
    let before = s.as_of(at("2026-07-29T16:05:00Z"));
    let incident = find(&before).unwrap();
    assert_eq!(incident.status, Status::Resolved);
    assert_eq!(incident.root_cause(), None, "at 16:05 on the 29th it had not been written");
    let after = s.as_of(at("2026-07-30T02:00:00Z"));
    assert!(find(&after).unwrap().root_cause().is_some());
}

#[test]
fn component_filters_fold_case_in_every_script() {
    let (_, s) = decode(
        r#"{"page":{"id":"p"},"components":[{"id":"z","name":"Zürich","status":"major_outage"},
            {"id":"i","name":"İstanbul","status":"operational"},{"id":"o","name":"Oslo","status":"operational"}]}"#
            .as_bytes(),
    )
    .unwrap();
    let names = |terms: &[&str]| {
        let terms: Vec<String> = terms.iter().map(|t| t.to_string()).collect();
        s.filtered(&terms).components.iter().map(|c| c.name.clone()).collect::<Vec<_>>()
    };
    assert_eq!(names(&["ZÜRICH"]), ["Zürich"]);
    assert_eq!(names(&["zürich"]), ["Zürich"]);
    assert_eq!(names(&["OSLO"]), ["Oslo"]);
    assert!(names(&["ZURICH"]).is_empty(), "folding case is not dropping accents");
}
