//! Native tests: incident history by day, several sources in one widget, and the settings
//! that drive them.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use chrono::{NaiveDate, TimeDelta};
use common::{at, shared};
use status_widget::config::Config;
use status_widget::feed::{reference, FeedError};
use status_widget::model::{Indicator, OverallSource, Snapshot};
use status_widget::state::{Action, Failure, Load, Loaded, State};

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn config(pairs: &[(&str, &str)]) -> (Config, Vec<String>) {
    Config::from_lookup(|name| pairs.iter().find(|(k, _)| *k == name).map(|(_, v)| v.to_string()))
}

#[test]
fn history_lists_every_day_newest_first_with_its_incidents() {
    let Some((_, github)) = shared("github_incidents_50_2026-07_gitdown.json") else { return };
    let now = at("2026-07-31T03:30:00Z");
    let days = github.history(now, 14, |t| t.date_naive());
    assert_eq!(days.len(), 14, "today and the 13 days before");
    assert_eq!(days[0].date, date("2026-07-31"));
    assert_eq!(days[13].date, date("2026-07-18"));
    assert!(days.windows(2).all(|w| w[0].date > w[1].date), "newest day first");
    assert!(days[0].incidents.is_empty(), "nothing yet on the 31st");
    let names = |d: &str| -> Vec<&str> {
        days.iter().find(|x| x.date == date(d)).unwrap().incidents.iter().map(|i| i.name.as_str()).collect()
    };
    assert_eq!(names("2026-07-29"), ["Incident with Copilot AI Model Providers", "Incident with Actions"]);
    assert_eq!(names("2026-07-25").len(), 3);
    assert!(names("2026-07-28").is_empty(), "a quiet day is listed, empty");
    for day in &days {
        assert!(day.incidents.windows(2).all(|w| w[0].began() >= w[1].began()), "newest first within a day");
        assert!(day.incidents.iter().all(|i| i.began().unwrap().date_naive() == day.date));
    }
    // Every incident that began inside the window is in it, and only those.
    let listed: usize = days.iter().map(|d| d.incidents.len()).sum();
    let since = date("2026-07-18").and_hms_opt(0, 0, 0).unwrap().and_utc();
    assert_eq!(listed, github.incidents.iter().filter(|i| i.began().is_some_and(|b| b >= since)).count());
    assert!(listed > 10);

    // The reader's zone decides the day: seen from UTC-10, 03:53 on the 27th is the 26th.
    let hawaii = |t: status_widget::model::Time| (t - TimeDelta::hours(10)).date_naive();
    let days = github.history(now, 14, hawaii);
    assert_eq!(days[0].date, date("2026-07-30"));
    let on_26th = days.iter().find(|d| d.date == date("2026-07-26")).unwrap();
    assert_eq!(
        on_26th.incidents.iter().map(|i| i.name.as_str()).collect::<Vec<_>>(),
        ["Incident with GraphQL API Requests"]
    );

    assert!(github.history(now, 0, |t| t.date_naive()).is_empty(), "0 days: no history");
}

#[test]
fn history_leaves_out_what_is_still_open_or_not_yet_posted() {
    let live = reference().unwrap();
    // While the reference incident is open it is not history; once resolved it is.
    let during = live.as_of(at("2020-02-05T10:40:00Z"));
    let days = during.history(at("2020-02-05T10:40:00Z"), 14, |t| t.date_naive());
    assert!(days.iter().flat_map(|d| &d.incidents).all(|i| i.is_maintenance()));
    // The DKIM maintenance of the evening before, completed, is history beside incidents.
    let fourth = days.iter().find(|d| d.date == date("2020-02-04")).unwrap();
    assert_eq!(
        fourth.incidents.iter().map(|i| i.name.as_str()).collect::<Vec<_>>(),
        ["Autotask PSA email DKIM changes"]
    );
    let after = live.as_of(at("2020-02-06T12:00:00Z"));
    let days = after.history(at("2020-02-06T12:00:00Z"), 14, |t| t.date_naive());
    assert_eq!(days[1].date, date("2020-02-05"));
    assert_eq!(days[1].incidents.len(), 1);
    assert_eq!(days[1].incidents[0].name, "PSA - OTP Email delay - Under Investigation");
    // Only completed maintenances are history: it is listed on its own day.
    assert!(days[2].incidents.iter().all(|i| i.is_maintenance() && i.status.is_closed()));
    // incidents.json lists every incident resolved since its oldest resolution (5 Feb 15:04): the days after
    // that day are known to be quiet, that day and those before are not.
    assert_eq!(days.iter().map(|d| d.covered).collect::<Vec<_>>()[..3], [true, false, false]);
    // Three days on, with a 2-day history, it has dropped out.
    let later = live.history(at("2020-02-08T12:00:00Z"), 2, |t| t.date_naive());
    assert!(later.iter().all(|d| d.incidents.is_empty()));
}

fn labelled(name: &str, snapshot: Snapshot) -> Snapshot {
    snapshot.labelled(name)
}

#[test]
fn several_sources_make_one_picture_with_the_worst_status() {
    let Some((_, github)) = shared("github_summary_2022-11_sergeyshevch-statuspage-exporter.json") else {
        return;
    };
    let Some((_, box_page)) = shared("box_components_groups_degraded_atc0005-check-statuspage.json") else {
        return;
    };
    let autotask = reference().unwrap().as_of(at("2020-02-05T10:40:00Z"));
    let combined =
        Snapshot::combine(vec![labelled("GitHub", github.clone()), labelled("Autotask", autotask.clone())]);
    assert_eq!(combined.sources(), ["GitHub", "Autotask"]);
    assert_eq!(combined.components.len(), github.components.len() + autotask.components.len());
    assert_eq!(combined.incidents.len(), github.incidents.len() + autotask.incidents.len());
    assert!(combined.incidents.iter().all(|i| i.source.is_some()), "every incident names its page");
    assert!(combined.incidents.windows(2).all(|w| w[0].began() >= w[1].began()), "newest first across pages");
    // Each page's own overall status (GitHub's stated one, the replayed reference's worked
    // out from its components); the worst stands.
    let overall = combined.overall();
    assert_eq!(overall.source, OverallSource::Page);
    let worst =
        [github.overall().indicator.severity(), autotask.overall().indicator.severity()].into_iter().max();
    assert_eq!(Some(overall.indicator.severity()), worst);
    assert!(overall.indicator.severity() >= status_widget::model::Severity::Minor);
    let names = combined.page.name.as_deref().unwrap();
    assert!(names.contains("GitHub") && names.contains("Datto"), "{names}");

    // When every page states a status, the worst one stands.
    let stated =
        Snapshot::combine(vec![labelled("GitHub", github.clone()), labelled("Box", box_page.clone())]);
    let worst =
        [github.overall().indicator.severity(), box_page.overall().indicator.severity()].into_iter().max();
    assert_eq!(Some(stated.overall().indicator.severity()), worst);
    assert_eq!(stated.overall().source, OverallSource::Page);

    // A filter can name a source: all of that page, nothing of the other.
    let only_autotask = combined.filtered(&["autotask".to_owned()]);
    assert_eq!(only_autotask.components.len(), autotask.components.len());
    assert!(only_autotask.components.iter().chain([]).all(|c| c.source.as_deref() == Some("Autotask")));
    assert_eq!(only_autotask.incidents.len(), 1);
    assert_eq!(only_autotask.overall().indicator, Indicator::Minor);
    // And a zone name still works across pages.
    let uk2 = combined.filtered(&["UK 2 (United Kingdom)".to_owned()]);
    assert_eq!(uk2.components.len(), 1);
    assert!(uk2.incidents.iter().any(|i| i.source.as_deref() == Some("Autotask")));
}

#[test]
fn a_failing_source_is_named_and_the_others_stay() {
    let (config, warnings) =
        config(&[("src", "  https://status.example.com   http://127.0.0.1:9/x/summary.json ")]);
    assert!(warnings.is_empty());
    assert_eq!(
        config.sources(),
        [Some("https://status.example.com".to_owned()), Some("http://127.0.0.1:9/x/summary.json".to_owned())]
    );
    assert_eq!(config.source_labels(), ["status.example.com", "127.0.0.1:9"]);
    let (relative, _) = self::config(&[("src", "/feeds/ours.json https://")]);
    assert_eq!(relative.source_labels(), ["/feeds/ours.json", "https://"], "never an empty name");

    let now = at("2020-02-05T10:40:00Z");
    let failure = Failure { error: FeedError::NotStatusDocument, since: now };
    let state = State::new(None, false, &config.source_labels());
    assert_eq!(state.sources.len(), 2);
    // The first answer is shown at once, labelled with the page's own name.
    let one = state.reduce(Action::Fetched(0, Ok(Loaded::new(reference().unwrap(), now, false))));
    let Load::Ready(loaded) = &one.load else { panic!("the first source is shown") };
    assert_eq!(loaded.snapshot.sources(), ["Datto"]);
    assert!(one.failing_sources().is_empty());
    // The second fails: named, while the first stays on screen.
    let two = one.reduce(Action::Fetched(1, Err(failure.clone())));
    assert!(matches!(two.load, Load::Ready(_)));
    let failing: Vec<(&str, bool)> = two.failing_sources().iter().map(|(l, _, stale)| (*l, *stale)).collect();
    assert_eq!(failing, [("127.0.0.1:9", false)]);
    assert_eq!(two.failure, None, "no single-source staleness notice");
    // Both fail from the start: the widget's error, with the first failure.
    let both = state
        .reduce(Action::Fetched(1, Err(failure.clone())))
        .reduce(Action::Fetched(0, Err(failure.clone())));
    assert_eq!(both.load, Load::Failed(failure.clone()));
    // One failed, one still loading: wait for it.
    assert_eq!(state.reduce(Action::Fetched(1, Err(failure.clone()))).load, Load::Loading);
    // The freshness of a combined picture is its least recent source.
    let older = at("2020-02-05T10:00:00Z");
    let mixed = state
        .reduce(Action::Fetched(0, Ok(Loaded::new(reference().unwrap(), now, false))))
        .reduce(Action::Fetched(1, Ok(Loaded::new(reference().unwrap(), older, false))));
    let Load::Ready(loaded) = &mixed.load else { panic!() };
    assert_eq!(loaded.checked_at(), older);
}

#[test]
fn history_and_maintenance_days_are_settings() {
    let (defaults, _) = config(&[]);
    assert_eq!((defaults.history_days, defaults.maintenance_days), (14, 7));
    let (set, warnings) = config(&[("history-days", "30"), ("maintenance-days", "0")]);
    assert!(warnings.is_empty());
    assert_eq!((set.history_days, set.maintenance_days), (30, 0));
    let (bad, warnings) = config(&[("history-days", "-3"), ("maintenance-days", "a week")]);
    assert_eq!((bad.history_days, bad.maintenance_days), (14, 7));
    assert_eq!(warnings.len(), 2);
    assert!(warnings[0].contains("history-days") && warnings[0].contains("whole days"), "{}", warnings[0]);
}

#[test]
fn a_dismissal_hides_one_incident_until_its_next_update() {
    use status_widget::state::{notice_key, parse_dismissed, MAX_DISMISSED};
    let feed = reference().unwrap();
    let first = notice_key(&feed.as_of(at("2020-02-05T08:30:00Z")), "ref");
    let same = notice_key(&feed.as_of(at("2020-02-05T09:00:00Z")), "ref");
    let next = notice_key(&feed.as_of(at("2020-02-05T09:40:00Z")), "ref");
    assert_eq!(first, same, "nothing new: still dismissed");
    assert_ne!(first, next, "a newer update brings the banner back");
    assert_eq!(first.split('@').next(), next.split('@').next(), "the same incident");
    assert_eq!(notice_key(&feed.as_of(at("2020-02-05T16:00:00Z")), "ref"), "ref status:none");
    // Keys name the page: an all-clear dismissed on one page hides no other page's.
    assert_ne!(
        notice_key(&feed.as_of(at("2020-02-05T16:00:00Z")), "https://www.githubstatus.com"),
        notice_key(&feed.as_of(at("2020-02-05T16:00:00Z")), "https://status.example.com")
    );
    // The maintenance the night before is another notice altogether.
    assert!(notice_key(&feed.as_of(at("2020-02-05T02:00:00Z")), "ref").starts_with("ref dkim2020feb4@"));
    assert_eq!(parse_dismissed("a@1\n\n  b@2 \r\n"), ["a@1", "b@2"]);
    let many: Vec<String> = (0..30).map(|i| format!("i{i}@u")).collect();
    let kept = parse_dismissed(&many.join("\n"));
    assert_eq!(kept.len(), MAX_DISMISSED);
    assert_eq!(kept.last().map(String::as_str), Some("i29@u"), "the newest are kept");
}

#[test]
fn a_source_arriving_late_is_not_news_and_a_new_incident_undoes_a_dismissal() {
    use status_widget::events::{changes, WidgetEvent};
    use status_widget::i18n::{Key, Lang};
    use status_widget::state::notice_key;
    let Some((_, github)) = shared("github_summary_2022-11_sergeyshevch-statuspage-exporter.json") else {
        return;
    };
    let autotask = reference().unwrap().as_of(at("2020-02-05T10:40:00Z"));
    let first = Snapshot::combine(vec![labelled("Datto", autotask.clone())]);
    let both =
        Snapshot::combine(vec![labelled("Datto", autotask.clone()), labelled("GitHub", github.clone())]);
    // GitHub's picture arrives second: its incident was already open, so no incident-open.
    let events = changes(Some(&first), &both);
    assert!(!events.iter().any(|e| matches!(e, WidgetEvent::IncidentOpen(_))), "{events:?}");
    // Both pages are in minor trouble: no change of status, but a new picture (its name
    // names both pages), sent like a first one, with no previous.
    assert!(
        matches!(&events[..], [WidgetEvent::StatusChange { page: Some(p), previous: None, .. }] if p == "Datto · GitHub"),
        "{events:?}"
    );
    // And when it leaves (src changed), nothing "resolves".
    let events = changes(Some(&both), &first);
    assert!(!events.iter().any(|e| matches!(e, WidgetEvent::IncidentResolve(_))), "{events:?}");

    // A dismissal covers every active incident: one more incident brings the banner back.
    assert_ne!(notice_key(&first, "p"), notice_key(&both, "p"));
    assert_eq!(notice_key(&both, "p").split(' ').count(), 3, "the page, then one part per active incident");

    // A feed's name containing a placeholder is shown as written.
    assert_eq!(
        Lang::En.fill(Key::AnnounceUpdate, &["Name {1}", "Resolved"]),
        "Update on Name {1}: Resolved."
    );
    assert_eq!(Lang::Es.fill(Key::PlusMore, &["2"]), "+2");
}

#[test]
fn changing_src_starts_the_sources_again() {
    let now = at("2020-02-05T10:40:00Z");
    let state = State::new(None, true, &["a".to_owned(), "b".to_owned()]);
    let failure = Failure { error: FeedError::NotStatusDocument, since: now };
    let failed = state
        .reduce(Action::Fetched(1, Err(failure)))
        .reduce(Action::Fetched(0, Ok(Loaded::new(reference().unwrap(), now, false))));
    assert_eq!(failed.failing_sources().len(), 1);
    let one = failed.reduce(Action::Sources(vec!["c".to_owned()]));
    assert!(one.sources.is_empty(), "one source: no per-source list");
    assert_eq!((one.load.clone(), one.failure.clone()), (Load::Loading, None));
    assert!(one.expanded, "the reader's choices stay");
    let three = failed.reduce(Action::Sources(vec!["x".into(), "y".into(), "z".into()]));
    assert_eq!(three.sources.len(), 3);
    assert!(three.failing_sources().is_empty());
}

fn feed(json: &str) -> Snapshot {
    status_widget::feed::decode(json.as_bytes()).unwrap().1
}

#[test]
fn status_change_means_the_indicator_changed() {
    use status_widget::events::{changes, WidgetEvent};
    let page = |indicator: &str, words: &str| {
        feed(&format!(
            r#"{{"page":{{"id":"p","name":"P"}},"status":{{"indicator":"{indicator}","description":"{words}"}}}}"#
        ))
    };
    assert_eq!(changes(Some(&page("minor", "Minor")), &page("minor", "Partial outage")), []);
    let events = changes(Some(&page("minor", "Minor")), &page("major", "Major"));
    assert!(
        matches!(&events[..], [WidgetEvent::StatusChange { indicator, previous: Some(p), .. }] if indicator == "major" && p == "minor"),
        "{events:?}"
    );
}

#[test]
fn a_new_update_without_an_id_is_reported() {
    use status_widget::events::{changes, WidgetEvent};
    let one = feed(
        r#"{"page":{"id":"p"},"incidents":[{"id":"i","name":"Slow","status":"investigating",
        "incident_updates":[{"status":"investigating","body":"Looking","created_at":"2026-01-01T10:00:00Z"}]}]}"#,
    );
    let two = feed(
        r#"{"page":{"id":"p"},"incidents":[{"id":"i","name":"Slow","status":"investigating",
        "incident_updates":[{"status":"investigating","body":"Still looking","created_at":"2026-01-01T10:30:00Z"},
        {"status":"investigating","body":"Looking","created_at":"2026-01-01T10:00:00Z"}]}]}"#,
    );
    let events = changes(Some(&one), &two);
    assert!(matches!(&events[..], [WidgetEvent::IncidentUpdate(i)] if i.id == "i"), "{events:?}");
    // The made-up ids stay with their updates as newer ones arrive (counted from the oldest).
    assert_eq!(one.incidents[0].updates[0].id, two.incidents[0].updates[1].id);
    assert_eq!(changes(Some(&two), &two.clone()), []);
}

#[test]
fn the_same_ids_on_two_pages_are_two_incidents_and_two_groups() {
    use status_widget::events::{changes, WidgetEvent};
    let incident = |status: &str| {
        feed(&format!(
            r#"{{"page":{{"id":"p"}},"incidents":[{{"id":"1","name":"One","status":"{status}","incident_updates":[]}}],
            "components":[{{"id":"g","name":"Group","group":true,"status":"operational"}},
                         {{"id":"c","name":"Member","group_id":"g","status":"operational"}}]}}"#
        ))
    };
    let before = Snapshot::combine(vec![
        labelled("A", incident("investigating")),
        labelled("B", incident("resolved")),
    ]);
    let after = Snapshot::combine(vec![
        labelled("A", incident("resolved")),
        labelled("B", incident("investigating")),
    ]);
    let events = changes(Some(&before), &after);
    let names: Vec<&str> = events.iter().map(|e| e.name()).collect();
    assert_eq!(names, ["incident-open", "incident-resolve"], "{events:?}");
    assert!(!events.iter().any(|e| matches!(e, WidgetEvent::StatusChange { .. })));
    // Group "g" of page A lists A's member only.
    let tree = after.component_tree();
    let groups: Vec<_> = tree.iter().filter(|e| e.group.is_some()).collect();
    assert_eq!(groups.len(), 2);
    for entry in groups {
        assert_eq!(entry.members.len(), 1);
        assert_eq!(entry.members[0].source, entry.group.unwrap().source);
    }
    // Keys differ where ids do not.
    assert_ne!(after.incidents[0].key(), after.incidents[1].key());
}

/// Issue 17: the history says only what the documents say.
#[test]
fn quiet_days_are_claimed_only_where_the_documents_list_every_incident() {
    use status_widget::feed::{decode, REFERENCE_DOCUMENTS};
    let [summary, incidents, maintenances] = REFERENCE_DOCUMENTS.map(|d| decode(d.as_bytes()).unwrap().1);
    let now = at("2020-02-06T12:00:00Z");
    // summary.json (unresolved incidents only), scheduled-maintenances.json: no quiet day.
    for (what, snapshot) in [("summary", &summary), ("maintenances", &maintenances)] {
        assert_eq!(snapshot.incidents_since, None, "{what}");
        assert!(snapshot.history(now, 14, |t| t.date_naive()).iter().all(|d| !d.covered), "{what}");
    }
    // incidents.json: every incident resolved since its oldest resolution (5 Feb 15:04) is listed, so the days
    // after that day are known; the combined base-URL picture keeps that.
    assert_eq!(incidents.incidents_since, Some(at("2020-02-05T15:04:00Z")));
    let base = summary.clone().merge(incidents.clone()).merge(maintenances.clone());
    assert_eq!(base.incidents_since, incidents.incidents_since);
    let covered: Vec<bool> = base.history(now, 3, |t| t.date_naive()).iter().map(|d| d.covered).collect();
    assert_eq!(covered, [true, false, false]);
    // Several pages: a day is quiet only if every page's documents cover it.
    let both = Snapshot::combine(vec![base.clone().labelled("A"), summary.clone().labelled("B")]);
    assert_eq!(both.incidents_since, None);
    let both = Snapshot::combine(vec![base.clone().labelled("A"), base.clone().labelled("B")]);
    assert_eq!(both.incidents_since, base.incidents_since);
    // components.json, and an unresolved-only incidents list, say nothing of the past.
    if let Some((_, components)) = shared("box_components_groups_degraded_atc0005-check-statuspage.json") {
        assert_eq!(components.incidents_since, None);
    }
    let unresolved = br#"{"page":{"id":"p","name":"P"},"incidents":[{"id":"1","name":"Open","status":"investigating","created_at":"2026-07-01T00:00:00Z","incident_updates":[]}]}"#;
    assert_eq!(decode(unresolved).unwrap().1.incidents_since, None);
    // GitHub's 50 latest reach back to 28 May: 90 days of history leave the older days unclaimed.
    if let Some((_, github)) = shared("github_incidents_50_2026-07_gitdown.json") {
        let days = github.history(at("2026-07-30T12:00:00Z"), 90, |t| t.date_naive());
        let first_covered = days.iter().rev().find(|d| d.covered).unwrap().date;
        assert_eq!(first_covered, date("2026-05-29"));
        assert!(days.iter().filter(|d| d.date < date("2026-05-29")).all(|d| !d.covered));
    }
}

#[test]
fn completed_and_cancelled_maintenances_are_history_scheduled_ones_are_not() {
    let feed = br#"{"page":{"id":"p","name":"P"},"scheduled_maintenances":[
      {"id":"done","name":"Done","status":"completed","impact":"maintenance","scheduled_for":"2026-07-01T20:00:00Z","scheduled_until":"2026-07-01T22:00:00Z","incident_updates":[]},
      {"id":"off","name":"Called off","status":"cancelled","impact":"maintenance","scheduled_for":"2026-07-02T20:00:00Z","scheduled_until":"2026-07-02T22:00:00Z","incident_updates":[]},
      {"id":"soon","name":"Soon","status":"scheduled","impact":"maintenance","scheduled_for":"2026-07-09T20:00:00Z","scheduled_until":"2026-07-09T22:00:00Z","incident_updates":[]},
      {"id":"now","name":"Now","status":"in_progress","impact":"maintenance","scheduled_for":"2026-07-03T09:00:00Z","scheduled_until":"2026-07-03T22:00:00Z","incident_updates":[]}]}"#;
    let snapshot = status_widget::feed::decode(feed).unwrap().1;
    let days = snapshot.history(at("2026-07-03T12:00:00Z"), 7, |t| t.date_naive());
    let listed: Vec<(&str, NaiveDate)> =
        days.iter().flat_map(|d| d.incidents.iter().map(move |i| (i.name.as_str(), d.date))).collect();
    assert_eq!(listed, [("Called off", date("2026-07-02")), ("Done", date("2026-07-01"))]);
    assert_eq!(
        status_widget::labels::status(&days[1].incidents[0].status, status_widget::i18n::Lang::De),
        "Abgesagt"
    );
}

#[test]
fn the_maintenance_behind_an_incident_is_found_by_time_and_shared_components() {
    let live = reference().unwrap();
    let incident = live.incidents.iter().find(|i| i.id == "otp2020feb05").unwrap();
    // The DKIM maintenance ended at 04:00; the incident began at 08:21 on the same zones.
    let near = live.near_maintenance(incident, TimeDelta::hours(24)).expect("the DKIM maintenance");
    assert_eq!(near.maintenance.name, "Autotask PSA email DKIM changes");
    assert_eq!(near.after, Some(TimeDelta::minutes(4 * 60 + 21)));
    // At every replay step after the incident opens.
    for step in
        ["2020-02-05T08:21:00Z", "2020-02-05T10:40:00Z", "2020-02-05T15:04:00Z", "2020-03-11T12:00:00Z"]
    {
        let then = live.as_of(at(step));
        let incident = then.incidents.iter().find(|i| i.id == "otp2020feb05").unwrap();
        assert!(then.near_maintenance(incident, TimeDelta::hours(24)).is_some(), "{step}");
    }
    // Four hours is not enough; a maintenance is not near itself; other components are not near.
    assert!(live.near_maintenance(incident, TimeDelta::hours(4)).is_none());
    assert!(live.near_maintenance(&live.maintenances[0], TimeDelta::hours(24)).is_none());
    let mut elsewhere = incident.clone();
    elsewhere.components.retain(|c| c.name == "Nowhere");
    elsewhere.updates.iter_mut().for_each(|u| u.affected.clear());
    elsewhere.components.push(status_widget::model::AffectedComponent {
        code: Some("nowhere".into()),
        name: "Nowhere".into(),
        old_status: None,
        new_status: None,
    });
    assert!(live.near_maintenance(&elsewhere, TimeDelta::hours(24)).is_none());
    // Began while it was under way: no time after.
    let mut during = incident.clone();
    during.started_at = Some(at("2020-02-04T21:00:00Z"));
    assert_eq!(live.near_maintenance(&during, TimeDelta::hours(24)).unwrap().after, None);
}
