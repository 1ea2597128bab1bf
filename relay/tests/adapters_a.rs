//! The Instatus, Better Stack, incident.io, cState and Slack adapters, through the public API
//! (`Kind::X.documents`, `Kind::X.adapt`), on the real captures in `shared/fixtures`
//! (SOURCES.md says where each comes from and what is odd in it). Documents written here by
//! hand are marked HAND-WRITTEN and follow the product's documentation; they cover shapes no
//! public capture shows (an Instatus page with incidents, incident.io's widget API, Slack
//! outages and maintenances).

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use serde_json::{json, Value};
use status_relay::adapters::{read, AdaptError, Kind};
use status_widget::model::{
    Component, ComponentStatus, Impact, Incident, Indicator, OverallSource, Snapshot, Status,
};
use url::Url;

fn fixtures() -> PathBuf {
    std::env::var_os("STATUS_WIDGET_FIXTURES")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/fixtures"))
}

fn bytes(path: &str) -> Vec<u8> {
    let path = fixtures().join(path);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn other(name: &str) -> Value {
    serde_json::from_slice(&bytes(&format!("other/{name}"))).expect("a capture is JSON")
}

fn statuspage(name: &str) -> Value {
    serde_json::from_slice(&bytes(&format!("statuspage/{name}"))).expect("a capture is JSON")
}

const INSTATUS_SUMMARY: &str = "perplexity_instatus_summary_page-only-UP_ai-status.json";
const INSTATUS_COMPONENTS: &str = "perplexity_instatus_components_uppercase-status_ai-status.json";
const TOGETHER: &str = "together_betterstack_index_2day-history-recovered_ai-status.json";
const HUGGINGFACE: &str = "huggingface_betterstack_index_90day-history-8-reports_Wakz.json";
const INCIDENTIO_PROBE: &str = "perplexity_incidentio_proxy-components_widget-api-off_ai-status.json";
const TOR: &str = "cstate_torproject_index_EXTRACTED_no-issues.json";
const SCHULLOGIN: &str = "cstate_schullogin_de_index_EXTRACTED_german.json";
const SLACK: &str = "slack_slackstatus_current_2-active-incidents-minified_statuscheck.json";
const GITHUB_SUMMARY: &str = "github_summary_2022-11_sergeyshevch-statuspage-exporter.json";

fn at(s: &str) -> DateTime<Utc> {
    s.parse().expect("a test time")
}

fn adapt(kind: Kind, documents: Vec<Option<Value>>) -> Snapshot {
    kind.adapt(&documents).unwrap_or_else(|e| panic!("{kind:?}: {e}"))
}

fn component<'a>(snapshot: &'a Snapshot, name: &str) -> &'a Component {
    snapshot.components.iter().find(|c| c.name == name).unwrap_or_else(|| panic!("no component {name}"))
}

fn incident<'a>(list: &'a [Incident], name: &str) -> &'a Incident {
    list.iter().find(|i| i.name == name).unwrap_or_else(|| panic!("no incident {name}"))
}

fn groups(snapshot: &Snapshot) -> Vec<&str> {
    snapshot.components.iter().filter(|c| c.is_group).map(|c| c.name.as_str()).collect()
}

fn members<'a>(snapshot: &'a Snapshot, group: &str) -> Vec<&'a str> {
    let group = component(snapshot, group);
    assert!(group.is_group, "{} is a group", group.name);
    snapshot.components.iter().filter(|c| c.is_in(group)).map(|c| c.name.as_str()).collect()
}

fn urls(kind: Kind, base: &str) -> Vec<(String, bool)> {
    let base = Url::parse(base).expect("a test URL");
    kind.documents(&base)
        .expect("the documents")
        .into_iter()
        .map(|d| (d.url.to_string(), d.required))
        .collect()
}

fn wrong_kind(kind: Kind, document: Value) -> String {
    match kind.adapt(&[Some(document)]) {
        Err(error @ AdaptError::WrongKind { .. }) => error.to_string(),
        other => panic!("{kind:?}: expected WrongKind, got {other:?}"),
    }
}

// ---------------------------------------------------------------------------------------
// Instatus
// ---------------------------------------------------------------------------------------

#[test]
fn instatus_documents_are_summary_then_components() {
    assert_eq!(
        urls(Kind::Instatus, "https://status.perplexity.com"),
        [
            ("https://status.perplexity.com/summary.json".to_owned(), true),
            ("https://status.perplexity.com/components.json".to_owned(), false),
        ]
    );
    // A page under a path keeps it.
    assert_eq!(
        urls(Kind::Instatus, "https://example.com/status/").first().map(|d| d.0.as_str()),
        Some("https://example.com/status/summary.json")
    );
}

#[test]
fn instatus_perplexity_up_with_three_operational_components() {
    let snapshot =
        adapt(Kind::Instatus, vec![Some(other(INSTATUS_SUMMARY)), Some(other(INSTATUS_COMPONENTS))]);
    assert_eq!(snapshot.page.name.as_deref(), Some("Perplexity"));
    assert_eq!(snapshot.page.url.as_deref(), Some("https://status.perplexity.com"));
    // "UP", an uppercase word, is Statuspage's "none".
    let status = snapshot.status.as_ref().expect("the page states its status");
    assert_eq!(status.indicator, Indicator::None);
    let names: Vec<&str> = snapshot.components.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Website", "API", "Computer"]);
    assert!(groups(&snapshot).is_empty(), "group: null everywhere");
    for c in &snapshot.components {
        assert_eq!(c.status, ComponentStatus::Operational, "OPERATIONAL is operational");
        assert_eq!(c.description, None, "description \"\" is none");
        assert_eq!(c.group_id, None);
    }
    // The cuid ids are kept as the components' ids.
    assert_eq!(component(&snapshot, "Website").id, "clyi6jhgg31469ihojbwbsmeeg");
    assert_eq!(component(&snapshot, "Computer").id, "cmr18ih7201l20rqmap66bx4l");
    // activeIncidents / activeMaintenances are missing, not empty: no incidents either way.
    assert!(snapshot.incidents.is_empty());
    assert!(snapshot.maintenances.is_empty());
    assert_eq!(snapshot.overall().indicator, Indicator::None);
}

#[test]
fn instatus_summary_alone_when_components_json_failed() {
    let snapshot = adapt(Kind::Instatus, vec![Some(other(INSTATUS_SUMMARY)), None]);
    assert!(snapshot.components.is_empty());
    assert_eq!(snapshot.status.map(|s| s.indicator), Some(Indicator::None));
}

/// HAND-WRITTEN, after the example on instatus.com/help/api/public-data (its `started` in
/// JavaScript's `Date.toString()` form, `duration` in minutes), with the `id` and
/// `updatedAt` live pages add.
fn instatus_summary_with_issues() -> Value {
    json!({
        "page": {"name": "Instatus", "url": "https://instat.us", "status": "HASISSUES"},
        "activeIncidents": [{
            "id": "cl4a8n3070721qtmzvts760c4",
            "name": "We're facing an issue with our API",
            "started": "Sat Jun 11 2022 18:55:50 GMT+0000 (Coordinated Universal Time)",
            "status": "INVESTIGATING",
            "impact": "MAJOROUTAGE",
            "url": "https://testing-widget.instatus.com/incident/cl4a8n3070721qtmzvts760c4",
            "updatedAt": "2022-06-11T19:05:00.000Z"
        }, {
            "name": "Slow dashboard",
            "started": "2022-06-11T17:00:00Z",
            "status": "MONITORING",
            "impact": "DEGRADEDPERFORMANCE"
        }],
        "activeMaintenances": [{
            "id": "cl4a8nlv50918qtmzdlw60ivu",
            "name": "Database maintenance",
            "start": "Sat Jun 11 2022 18:55:54 GMT+0000 (Coordinated Universal Time)",
            "status": "NOTSTARTEDYET",
            "duration": "60",
            "url": "https://testing-widget.instatus.com/maintenance/cl4a8nlv50918qtmzdlw60ivu"
        }]
    })
}

/// HAND-WRITTEN components.json in the live shape (`{components: [...]}`), with a group
/// object on a member and the group itself listed after it, and one status Instatus's API
/// reference lists that Statuspage lacks (MINOROUTAGE) and one nobody lists.
fn instatus_components_with_groups() -> Value {
    json!({"components": [
        {"id": "api1", "name": "  Trading API ", "description": "", "status": "PARTIALOUTAGE",
         "group": {"id": "grp1", "name": "Trading", "description": ""}},
        {"id": "grp1", "name": "Trading", "description": "", "status": "PARTIALOUTAGE", "group": null},
        {"id": "web1", "name": "Website", "description": "The site", "status": "MINOROUTAGE", "group": "Public"},
        {"id": "odd1", "name": "Odd", "description": "", "status": "SOMETHINGNEW", "group": null}
    ]})
}

#[test]
fn instatus_incidents_maintenances_and_groups() {
    let snapshot = adapt(
        Kind::Instatus,
        vec![Some(instatus_summary_with_issues()), Some(instatus_components_with_groups())],
    );
    // HASISSUES does not say how bad: the worst component (a partial outage) does.
    assert_eq!(snapshot.status.as_ref().map(|s| s.indicator.clone()), Some(Indicator::Major));

    assert_eq!(groups(&snapshot), ["Trading", "Public"]);
    assert_eq!(members(&snapshot, "Trading"), ["Trading API"], "names are trimmed");
    assert_eq!(members(&snapshot, "Public"), ["Website"]);
    assert_eq!(component(&snapshot, "Public").id, "group:Public", "a group known by name only");
    assert_eq!(component(&snapshot, "Public").status, ComponentStatus::PartialOutage, "its worst member");
    assert_eq!(component(&snapshot, "Website").status, ComponentStatus::PartialOutage, "MINOROUTAGE");
    assert_eq!(component(&snapshot, "Website").description.as_deref(), Some("The site"));
    assert_eq!(component(&snapshot, "Odd").status, ComponentStatus::Other("SOMETHINGNEW".to_owned()));
    let ids: Vec<&str> = snapshot.components.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids.len(), 5, "the group listed after its member is not repeated: {ids:?}");

    assert_eq!(snapshot.incidents.len(), 2);
    let api = incident(&snapshot.incidents, "We're facing an issue with our API");
    assert_eq!(api.id, "cl4a8n3070721qtmzvts760c4");
    assert_eq!(api.status, Status::Investigating);
    assert_eq!(api.impact, Impact::Critical, "MAJOROUTAGE: Statuspage's impact for a major outage");
    assert_eq!(api.created_at, Some(at("2022-06-11T18:55:50Z")), "JavaScript's Date.toString() read");
    assert_eq!(api.updated_at, Some(at("2022-06-11T19:05:00Z")));
    assert_eq!(
        api.shortlink.as_deref(),
        Some("https://testing-widget.instatus.com/incident/cl4a8n3070721qtmzvts760c4")
    );
    assert!(api.is_active());
    let slow = incident(&snapshot.incidents, "Slow dashboard");
    assert_eq!(slow.id, "Slow dashboard", "no id, no url: the name");
    assert_eq!(slow.status, Status::Monitoring);
    assert_eq!(slow.impact, Impact::Minor);
    // Newest first.
    assert_eq!(
        snapshot.incidents.first().map(|i| i.name.as_str()),
        Some("We're facing an issue with our API")
    );

    assert_eq!(snapshot.maintenances.len(), 1);
    let db = incident(&snapshot.maintenances, "Database maintenance");
    assert_eq!(db.status, Status::Scheduled, "NOTSTARTEDYET");
    assert_eq!(db.impact, Impact::Maintenance);
    let schedule = db.schedule.as_ref().expect("a maintenance has a schedule");
    assert_eq!(schedule.starts, Some(at("2022-06-11T18:55:54Z")));
    assert_eq!(schedule.ends, Some(at("2022-06-11T19:55:54Z")), "duration: 60 minutes");
}

#[test]
fn instatus_page_status_words() {
    let with = |status: &str| {
        let summary = json!({"page": {"name": "P", "url": "https://p.example", "status": status}});
        adapt(Kind::Instatus, vec![Some(summary), None]).status.map(|s| s.indicator)
    };
    assert_eq!(with("UNDERMAINTENANCE"), Some(Indicator::Maintenance));
    // HASISSUES with no components known is still not "operational".
    assert_eq!(with("HASISSUES"), Some(Indicator::Minor));
    // The older API page's scale.
    assert_eq!(with("SOMEMAJOROUTAGE"), Some(Indicator::Critical));
    assert_eq!(with("ONEDEGRADEDPERFORMANCE"), Some(Indicator::Minor));
    assert_eq!(with("SOMETHINGELSE"), Some(Indicator::Other("SOMETHINGELSE".to_owned())));
}

#[test]
fn instatus_refuses_other_documents() {
    assert!(wrong_kind(Kind::Instatus, other(SLACK)).contains("Slack"));
    assert!(wrong_kind(Kind::Instatus, statuspage(GITHUB_SUMMARY)).contains("Statuspage"));
    assert!(wrong_kind(Kind::Instatus, other(TOR)).contains("cState"));
    assert!(wrong_kind(Kind::Instatus, json!({"hello": "world"})).contains("JSON that no status page serves"));
    // Its own components.json given as the summary: said so.
    let message = wrong_kind(Kind::Instatus, other(INSTATUS_COMPONENTS));
    assert!(message.contains("Instatus components.json"), "{message}");
    // A components document of another product is refused too, naming it.
    let error = Kind::Instatus
        .adapt(&[Some(other(INSTATUS_SUMMARY)), Some(other(HUGGINGFACE))])
        .expect_err("Better Stack is not Instatus's components.json");
    assert!(
        error.to_string().contains("components.json") && error.to_string().contains("Better Stack"),
        "{error}"
    );
}

// ---------------------------------------------------------------------------------------
// Better Stack
// ---------------------------------------------------------------------------------------

#[test]
fn betterstack_documents_are_index_json() {
    assert_eq!(
        urls(Kind::BetterStack, "https://status.huggingface.co"),
        [("https://status.huggingface.co/index.json".to_owned(), true)]
    );
}

#[test]
fn betterstack_together_sections_resources_and_a_resolved_maintenance() {
    let snapshot = adapt(Kind::BetterStack, vec![Some(other(TOGETHER))]);
    assert_eq!(snapshot.page.name.as_deref(), Some("Together AI"));
    assert_eq!(snapshot.page.url.as_deref(), Some("https://status.together.ai"), "from custom_domain");
    assert_eq!(snapshot.page.id.as_deref(), Some("197766"));
    assert_eq!(snapshot.page.time_zone, None, "a Rails zone name is not an IANA one");
    assert_eq!(snapshot.page.updated_at, Some(at("2026-09-04T10:17:22.958Z")));
    assert_eq!(snapshot.status.as_ref().map(|s| s.indicator.clone()), Some(Indicator::None));

    // Six sections, but two (Vision, Images) list no resource: four groups, in position order.
    assert_eq!(
        groups(&snapshot),
        ["Website", "Inference - Chat", "Inference - Embeddings", "Inference - Voice"]
    );
    let resources: Vec<&Component> = snapshot.components.iter().filter(|c| !c.is_group).collect();
    assert_eq!(resources.len(), 22);
    assert_eq!(members(&snapshot, "Website"), ["Website", "Playground"]);
    assert_eq!(members(&snapshot, "Inference - Chat").len(), 16);
    assert_eq!(members(&snapshot, "Inference - Voice"), ["Whisper Large V3", "Orpheus TTS", "Kokoro-82M"]);
    // A group and its resource may share a name; they are told apart by id.
    assert_eq!(component(&snapshot, "Playground").group_id.as_deref(), Some("section-231960"));
    for c in &snapshot.components {
        assert_eq!(c.status, ComponentStatus::Operational, "{} (every resource is operational)", c.name);
        // explanation is null in 19 and "" in 3: none of them a description.
        assert_eq!(c.description, None, "{}", c.name);
    }
    // The status_history's downtime and "recovered" days are history, not the current status.
    assert_eq!(snapshot.overall().indicator, Indicator::None);

    assert!(snapshot.incidents.is_empty());
    assert_eq!(snapshot.maintenances.len(), 1);
    let m = incident(&snapshot.maintenances, "Scheduled network maintenance");
    assert_eq!(m.id, "941865");
    assert_eq!(m.status, Status::Completed, "aggregate_state resolved");
    assert_eq!(m.impact, Impact::Maintenance);
    let schedule = m.schedule.as_ref().expect("a maintenance");
    assert_eq!(schedule.starts, Some(at("2026-07-03T04:00:59Z")));
    assert_eq!(schedule.ends, Some(at("2026-07-03T06:59:00Z")));
    assert_eq!(m.resolved_at, Some(at("2026-07-03T06:59:00Z")));
    assert_eq!(m.shortlink.as_deref(), Some("https://status.together.ai/incident/941865"));
    // Eight affected resources, six of them no longer on the page: the two it has are named.
    let affected: Vec<&str> = m.components.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(affected, ["MiniMax M3", "GLM 5.2"]);
    assert_eq!(m.components.first().and_then(|a| a.code.as_deref()), Some("8911095"));
    assert_eq!(
        m.components.first().and_then(|a| a.new_status.clone()),
        Some(ComponentStatus::UnderMaintenance)
    );
    // Updates newest first, with Better Stack's ids; the announcement (posted at the start)
    // is the maintenance running, the last one its end.
    let updates: Vec<(&str, &Status)> = m.updates.iter().map(|u| (u.id.as_str(), &u.status)).collect();
    assert_eq!(updates, [("5326570", &Status::Completed), ("5324213", &Status::InProgress)]);
    let first = m.updates.last().expect("two updates");
    assert!(first.body.contains("9 PM – midnight"), "the en dash kept: {}", first.body);
    assert!(first.body.contains("\n\n"), "paragraphs kept");
    assert_eq!(m.updates.first().map(|u| u.body.as_str()), Some("Maintenance ended"));
}

#[test]
fn betterstack_huggingface_reports_and_quirks() {
    let snapshot = adapt(Kind::BetterStack, vec![Some(other(HUGGINGFACE))]);
    assert_eq!(snapshot.page.name.as_deref(), Some("Hugging Face"));
    assert_eq!(snapshot.page.url.as_deref(), Some("https://status.huggingface.co"));
    assert_eq!(snapshot.status.as_ref().map(|s| s.indicator.clone()), Some(Indicator::None));
    assert_eq!(
        groups(&snapshot),
        ["Current status by service", "Inference Endpoints", "Spaces", "CDN", "Jobs"]
    );
    assert_eq!(snapshot.components.iter().filter(|c| !c.is_group).count(), 8);
    // "Jobs" is a ResourceGroup: one line on the page, whose monitors the document does not
    // list, so a component, not a group (the section named "Jobs" is the group).
    let jobs: Vec<&Component> = snapshot.components.iter().filter(|c| c.name == "Jobs").collect();
    assert_eq!(jobs.len(), 2);
    assert!(jobs.iter().any(|c| c.is_group && c.id == "section-337505"));
    assert!(jobs
        .iter()
        .any(|c| !c.is_group && c.id == "8951453" && c.group_id.as_deref() == Some("section-337505")));
    // Two resources watch the same monitor (resource_id 319190) and stay two components.
    assert_eq!(component(&snapshot, "Git Hosting and Serving").id, "84642");
    assert_eq!(component(&snapshot, "AWS CDN").id, "8810148");
    // availability is the integer 1 on two resources and a float elsewhere; neither matters
    // to the picture, and both read.
    assert_eq!(component(&snapshot, "Inference Endpoints API").status, ComponentStatus::Operational);
    assert_eq!(component(&snapshot, "Google cloud CDN").status, ComponentStatus::Operational);
    assert_eq!(component(&snapshot, "Huggingface Hub").description.as_deref(), Some("huggingface.co"));

    // Eight reports: six maintenances, two manual incidents.
    assert_eq!(snapshot.incidents.len(), 2);
    assert_eq!(snapshot.maintenances.len(), 6);
    let names: Vec<&str> = snapshot.incidents.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(names, ["Elevated error rate - AWS CDN (Singapore)", "Hub unavailable"], "newest first");

    let hub = incident(&snapshot.incidents, "Hub unavailable");
    assert_eq!(hub.id, "965809");
    assert_eq!(hub.status, Status::Resolved);
    assert_eq!(hub.impact, Impact::Critical, "its updates took the Hub down");
    assert_eq!(hub.started_at, Some(at("2026-07-16T08:30:00Z")));
    // ends_at is null on a manual report even once resolved: it ended with the update that
    // resolved it.
    assert_eq!(hub.resolved_at, Some(at("2026-07-16T10:07:00Z")));
    assert_eq!(hub.shortlink.as_deref(), Some("https://status.huggingface.co/incident/965809"));
    let affected: Vec<&str> = hub.components.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(affected, ["Huggingface Hub", "Git Hosting and Serving", "Inference Endpoints UI"]);
    // The relationship lists 5410962, 5410504, 5410587: the updates are put newest first.
    let updates: Vec<(&str, Status, Option<DateTime<Utc>>)> =
        hub.updates.iter().map(|u| (u.id.as_str(), u.status.clone(), u.at)).collect();
    assert_eq!(
        updates,
        [
            ("5410962", Status::Resolved, Some(at("2026-07-16T10:07:00Z"))),
            ("5410587", Status::Investigating, Some(at("2026-07-16T08:43:00Z"))),
            ("5410504", Status::Investigating, Some(at("2026-07-16T08:30:00Z"))),
        ]
    );
    assert!(hub.updates.first().is_some_and(|u| u.body.contains("Root cause confirmed")));
    // Each update's affected resources, with the status before (the previous update's).
    let degraded = hub.updates.get(1).expect("three updates");
    let hub_line = degraded.affected.iter().find(|a| a.name == "Huggingface Hub").expect("named");
    assert_eq!(hub_line.code.as_deref(), Some("84641"));
    assert_eq!(hub_line.old_status, Some(ComponentStatus::MajorOutage), "downtime before");
    assert_eq!(hub_line.new_status, Some(ComponentStatus::DegradedPerformance));
    let resolving = hub.updates.first().and_then(|u| u.affected.first()).expect("affected");
    assert_eq!(resolving.new_status, Some(ComponentStatus::Operational), "resolved: back to normal");
    assert!(!hub.is_active());
    assert_eq!(hub.ended(), Some(at("2026-07-16T10:07:00Z")));

    let cdn = incident(&snapshot.incidents, "Elevated error rate - AWS CDN (Singapore)");
    assert_eq!(cdn.impact, Impact::Minor, "degraded only");
    assert_eq!(cdn.resolved_at, Some(at("2026-08-07T23:14:00Z")));
    assert_eq!(cdn.updates.len(), 2);

    // Maintenances soonest first; two updates posted at the same instant in the order Better
    // Stack numbered them, newest first.
    let starts: Vec<Option<DateTime<Utc>>> =
        snapshot.maintenances.iter().map(|m| m.schedule.as_ref().and_then(|s| s.starts)).collect();
    let mut sorted = starts.clone();
    sorted.sort();
    assert_eq!(starts, sorted);
    let endpoints = snapshot.maintenances.iter().find(|m| m.id == "982437").expect("982437");
    let ids: Vec<&str> = endpoints.updates.iter().map(|u| u.id.as_str()).collect();
    assert_eq!(ids, ["5493215", "5493214", "5478339"]);
    assert_eq!(endpoints.updates.first().map(|u| &u.status), Some(&Status::Completed));
    assert_eq!(endpoints.status, Status::Completed);
    // Update ids are unique across the page.
    let mut all: Vec<&str> = snapshot
        .incidents
        .iter()
        .chain(&snapshot.maintenances)
        .flat_map(|i| i.updates.iter().map(|u| u.id.as_str()))
        .collect();
    let count = all.len();
    all.sort_unstable();
    all.dedup();
    assert_eq!(all.len(), count);
    assert_eq!(count, 18, "18 status_updates");
}

/// HAND-WRITTEN, in the shape of the captures, with values Better Stack's docs list that no
/// capture shows: an ongoing manual report on a resource that is down, an upcoming
/// maintenance, a resource not monitored, and a section with no name.
fn betterstack_ongoing() -> Value {
    json!({
        "data": {"id": "1", "type": "status_page", "attributes": {
            "company_name": "Example", "subdomain": "example", "custom_domain": null,
            "aggregate_state": "downtime", "updated_at": "2026-09-20T10:00:00.000Z"}},
        "included": [
            {"id": "10", "type": "status_page_section", "attributes": {"name": "", "position": 0}},
            {"id": "20", "type": "status_page_resource", "attributes": {
                "status_page_section_id": 10, "public_name": "API", "status": "downtime", "position": 0}},
            {"id": "21", "type": "status_page_resource", "attributes": {
                "status_page_section_id": 10, "public_name": "Legacy", "status": "not_monitored", "position": 1}},
            {"id": "30", "type": "status_report", "attributes": {
                "title": "API down", "report_type": "manual", "starts_at": "2026-09-20T09:00:00.000Z",
                "ends_at": null, "aggregate_state": "downtime",
                "affected_resources": [{"status_page_resource_id": "20", "status": "downtime"}]},
             "relationships": {"status_updates": {"data": [{"id": "40", "type": "status_update"}]}}},
            {"id": "40", "type": "status_update", "attributes": {
                "message": "We are looking into it.", "published_at": "2026-09-20T09:01:00.000Z",
                "affected_resources": [{"status_page_resource_id": "20", "status": "downtime"}]}},
            {"id": "31", "type": "status_report", "attributes": {
                "title": "Upgrade", "report_type": "maintenance", "starts_at": "2026-09-25T09:00:00.000Z",
                "ends_at": "2026-09-25T10:00:00.000Z", "aggregate_state": "operational",
                "affected_resources": [{"status_page_resource_id": "20", "status": "maintenance"}]},
             "relationships": {"status_updates": {"data": [{"id": "41", "type": "status_update"}]}}},
            {"id": "41", "type": "status_update", "attributes": {
                "message": "Planned.", "published_at": "2026-09-19T09:00:00.000Z", "affected_resources": []}}
        ]
    })
}

#[test]
fn betterstack_ongoing_incident_and_upcoming_maintenance() {
    let snapshot = adapt(Kind::BetterStack, vec![Some(betterstack_ongoing())]);
    assert_eq!(snapshot.page.url.as_deref(), Some("https://example.betteruptime.com"), "from the subdomain");
    assert_eq!(snapshot.status.as_ref().map(|s| s.indicator.clone()), Some(Indicator::Major));
    assert!(groups(&snapshot).is_empty(), "a section without a name is no heading");
    assert_eq!(component(&snapshot, "API").status, ComponentStatus::MajorOutage);
    assert_eq!(component(&snapshot, "Legacy").status, ComponentStatus::Other("not_monitored".to_owned()));
    let down = incident(&snapshot.incidents, "API down");
    assert_eq!(down.status, Status::Investigating);
    assert_eq!(down.impact, Impact::Critical);
    assert_eq!(down.resolved_at, None);
    assert!(down.is_active());
    let upgrade = incident(&snapshot.maintenances, "Upgrade");
    assert_eq!(upgrade.status, Status::Scheduled);
    assert_eq!(
        upgrade.updates.first().map(|u| &u.status),
        Some(&Status::Scheduled),
        "posted before the start"
    );
    assert_eq!(snapshot.upcoming(at("2026-09-21T00:00:00Z"), 7).len(), 1);
}

#[test]
fn betterstack_refuses_other_documents() {
    assert!(wrong_kind(Kind::BetterStack, other(TOR)).contains("cState"));
    assert!(wrong_kind(Kind::BetterStack, other(INSTATUS_SUMMARY)).contains("Instatus"));
    assert!(wrong_kind(Kind::BetterStack, statuspage(GITHUB_SUMMARY)).contains("Statuspage"));
    assert!(wrong_kind(Kind::BetterStack, json!({"data": []})).contains("JSON that no status page serves"));
}

// ---------------------------------------------------------------------------------------
// incident.io
// ---------------------------------------------------------------------------------------

#[test]
fn incidentio_documents_are_the_shim_then_the_widget_api() {
    assert_eq!(
        urls(Kind::IncidentIo, "https://status.perplexity.com/"),
        [
            ("https://status.perplexity.com/api/v2/summary.json".to_owned(), true),
            ("https://status.perplexity.com/api/v2/incidents.json".to_owned(), false),
            ("https://status.perplexity.com/api/v1/summary".to_owned(), false),
        ]
    );
}

#[test]
fn incidentio_probe_record_with_the_widget_api_off_is_refused_with_its_reason() {
    let error = Kind::IncidentIo.adapt(&[Some(other(INCIDENTIO_PROBE))]).expect_err("no status in it");
    let message = error.to_string();
    assert!(matches!(error, AdaptError::WrongKind { .. }));
    assert!(message.contains("widget API switched off"), "{message}");
    assert!(message.contains("expose_status_summary_api: false"), "{message}");
    assert!(message.contains("no component status"), "{message}");
    // Given as the (optional) widget API document next to a real summary, it adds nothing.
    let with_probe =
        adapt(Kind::IncidentIo, vec![Some(statuspage(GITHUB_SUMMARY)), None, Some(other(INCIDENTIO_PROBE))]);
    assert_eq!(with_probe, adapt(Kind::IncidentIo, vec![Some(statuspage(GITHUB_SUMMARY))]));
}

#[test]
fn incidentio_shim_reads_as_statuspage() {
    // The shim serves Statuspage's shapes: a real Statuspage summary reads as the Statuspage
    // adapter reads it.
    let shim = adapt(Kind::IncidentIo, vec![Some(statuspage(GITHUB_SUMMARY)), None, None]);
    let plain = adapt(Kind::Statuspage, vec![Some(statuspage(GITHUB_SUMMARY))]);
    assert_eq!(shim, plain);
    assert_eq!(shim.components.len(), 11);
    assert_eq!(shim.status.map(|s| s.indicator), Some(Indicator::Minor));
}

/// HAND-WRITTEN shim summary with the differences from Statuspage reported for incident.io
/// pages: `scheduled_maintenances` null, incidents without `components`, `shortlink` null.
fn incidentio_shim() -> Value {
    json!({
        "page": {"id": "01KZSFD3VPNK8C7QRFH0GAZ4H2", "name": "Example", "url": "https://status.example.com",
                 "time_zone": "Etc/UTC", "updated_at": "2026-09-23T10:00:00Z"},
        "status": {"indicator": "minor", "description": "Partially Degraded Service"},
        "components": [
            {"id": "01H0QJ1BXP0E76RGBYRDHKA2KQ", "name": "Login", "status": "partial_outage", "position": 1},
            {"id": "01H0QJ1BXP0E76RGBYRDHKA2KR", "name": "API", "status": "operational", "position": 2}
        ],
        "incidents": [{
            "id": "01H0QJ89CRW5BKTY9N89MSDT5S", "name": "Login failing for some users", "status": "identified",
            "impact": "major", "created_at": "2026-09-23T09:00:00Z", "updated_at": "2026-09-23T09:30:00Z",
            "shortlink": null,
            "incident_updates": [
                {"id": "u2", "status": "identified", "body": "Found it.", "created_at": "2026-09-23T09:30:00Z",
                 "display_at": "2026-09-23T09:30:00Z",
                 "affected_components": [{"code": "01H0QJ1BXP0E76RGBYRDHKA2KQ", "name": "Login",
                                          "old_status": "degraded_performance", "new_status": "partial_outage"}]},
                {"id": "u1", "status": "investigating", "body": "Looking.", "created_at": "2026-09-23T09:00:00Z",
                 "display_at": "2026-09-23T09:00:00Z"}
            ]
        }],
        "scheduled_maintenances": null
    })
}

/// HAND-WRITTEN widget API summary with the fields incident.io's widget API preview shows
/// (help.incident.io, "Embed your status page's data into your own product").
fn incidentio_widget() -> Value {
    json!({
        "page_title": "Example",
        "page_url": "https://status.example.com",
        "ongoing_incidents": [{
            "id": "01H0QJ89CRW5BKTY9N89MSDT5S", "name": "Login failing for some users", "status": "identified",
            "url": "https://status.example.com/incidents/01H0QJ89CRW5BKTY9N89MSDT5S",
            "last_update_at": "2026-09-23T09:30:00Z", "last_update_message": "Found it.",
            "current_worst_impact": "partial_outage",
            "affected_components": [{"id": "01H0QJ1BXP0E76RGBYRDHKA2KQ", "name": "Login",
                                     "group_name": "Authentication", "current_status": "partial_outage"}]
        }],
        "in_progress_maintenances": [{
            "id": "01FDAG4SAP5TYPT98WGR2N7W91", "name": "Database upgrade", "status": "maintenance_in_progress",
            "url": "https://status.example.com/incidents/01FDAG4SAP5TYPT98WGR2N7W91",
            "last_update_at": "2026-09-23T08:00:00Z", "last_update_message": "Under way.",
            "affected_components": [{"id": "01H0QJ1BXP0E76RGBYRDHKA2KR", "name": "API",
                                     "group_name": "Backend", "current_status": "full_outage"}],
            "started_at": "2026-09-23T08:00:00Z", "scheduled_end_at": "2026-09-23T12:00:00Z"
        }],
        "scheduled_maintenances": [{
            "id": "01FCNDV6P870EA6S7TK1DSYD5H", "name": "Essential maintenance", "status": "maintenance_scheduled",
            "url": "https://status.example.com/incidents/01FCNDV6P870EA6S7TK1DSYD5H",
            "last_update_at": "2026-09-22T08:00:00Z", "last_update_message": "Planned.",
            "affected_components": [],
            "starts_at": "2026-09-30T08:00:00Z", "ends_at": "2026-09-30T10:00:00Z"
        }]
    })
}

#[test]
fn incidentio_shim_completed_from_the_widget_api() {
    let shim_only = adapt(Kind::IncidentIo, vec![Some(incidentio_shim()), None, None]);
    let login = incident(&shim_only.incidents, "Login failing for some users");
    assert!(login.components.is_empty(), "the shim names no components");
    assert_eq!(login.component_names(), ["Login"], "the widget falls back on the updates'");
    assert_eq!(
        login.shortlink.as_deref(),
        Some("https://status.example.com/incidents/01H0QJ89CRW5BKTY9N89MSDT5S"),
        "incident.io's public address, as the shim leaves shortlink null"
    );
    assert!(shim_only.maintenances.is_empty(), "scheduled_maintenances: null");

    let both = adapt(Kind::IncidentIo, vec![Some(incidentio_shim()), None, Some(incidentio_widget())]);
    assert_eq!(both.status.as_ref().map(|s| s.indicator.clone()), Some(Indicator::Minor), "the shim's");
    assert_eq!(both.components.len(), 2, "the shim's full list stays");
    let login = incident(&both.incidents, "Login failing for some users");
    assert_eq!(both.incidents.len(), 1, "one incident, not two copies");
    assert_eq!(login.updates.len(), 2, "the shim's history is kept");
    let named: Vec<(&str, Option<&str>)> =
        login.components.iter().map(|a| (a.name.as_str(), a.code.as_deref())).collect();
    assert_eq!(named, [("Login", Some("01H0QJ1BXP0E76RGBYRDHKA2KQ"))]);
    // The widget's maintenances, which the shim did not list, are added.
    assert_eq!(both.maintenances.len(), 2);
    let upgrade = incident(&both.maintenances, "Database upgrade");
    assert_eq!(upgrade.status, Status::InProgress);
    assert!(upgrade.is_active());
}

#[test]
fn incidentio_widget_api_alone() {
    let snapshot = adapt(Kind::IncidentIo, vec![Some(incidentio_widget())]);
    assert_eq!(snapshot.page.name.as_deref(), Some("Example"));
    assert_eq!(snapshot.page.url.as_deref(), Some("https://status.example.com"));
    assert_eq!(snapshot.status, None, "the widget API states no overall status");
    // Only the affected components, with their groups.
    assert_eq!(groups(&snapshot), ["Authentication", "Backend"]);
    assert_eq!(members(&snapshot, "Authentication"), ["Login"]);
    assert_eq!(component(&snapshot, "API").status, ComponentStatus::MajorOutage, "full_outage");
    assert_eq!(component(&snapshot, "Backend").status, ComponentStatus::MajorOutage, "its worst member");

    let login = incident(&snapshot.incidents, "Login failing for some users");
    assert_eq!(login.status, Status::Identified);
    assert_eq!(login.impact, Impact::Major, "partial_outage");
    assert_eq!(login.updated_at, Some(at("2026-09-23T09:30:00Z")));
    assert_eq!(login.updates.len(), 1);
    let update = login.updates.first().expect("the latest update");
    assert_eq!(update.body, "Found it.");
    assert_eq!(update.status, Status::Identified);
    assert_eq!(update.id, format!("01H0QJ89CRW5BKTY9N89MSDT5S-{}", at("2026-09-23T09:30:00Z").timestamp()));
    let affected = login.components.first().expect("Login");
    assert_eq!(affected.new_status, Some(ComponentStatus::PartialOutage));

    let upgrade = incident(&snapshot.maintenances, "Database upgrade");
    let schedule = upgrade.schedule.as_ref().expect("a maintenance");
    assert_eq!(
        (schedule.starts, schedule.ends),
        (Some(at("2026-09-23T08:00:00Z")), Some(at("2026-09-23T12:00:00Z")))
    );
    let essential = incident(&snapshot.maintenances, "Essential maintenance");
    assert_eq!(essential.status, Status::Scheduled);
    assert_eq!(essential.schedule.as_ref().and_then(|s| s.starts), Some(at("2026-09-30T08:00:00Z")));
    // The widget works the overall status out: a running maintenance and a partial outage.
    let overall = snapshot.overall();
    assert_eq!(overall.source, OverallSource::Components);
    assert_eq!(overall.indicator, Indicator::Critical, "a component in full outage");
}

#[test]
fn incidentio_refuses_other_documents() {
    assert!(wrong_kind(Kind::IncidentIo, other(HUGGINGFACE)).contains("Better Stack"));
    assert!(wrong_kind(Kind::IncidentIo, other(SLACK)).contains("Slack"));
    assert!(wrong_kind(Kind::IncidentIo, other(INSTATUS_SUMMARY)).contains("Instatus"));
    assert!(
        wrong_kind(Kind::IncidentIo, json!({"status": "fine"})).contains("JSON that no status page serves")
    );
    // An optional document of another product is refused too.
    let error = Kind::IncidentIo
        .adapt(&[Some(incidentio_shim()), Some(other(TOR)), None])
        .expect_err("cState is not incident.io");
    assert!(error.to_string().contains("cState"), "{error}");
}

// ---------------------------------------------------------------------------------------
// cState
// ---------------------------------------------------------------------------------------

#[test]
fn cstate_documents_are_index_json() {
    assert_eq!(
        urls(Kind::CState, "https://status.torproject.org/"),
        [("https://status.torproject.org/index.json".to_owned(), true)]
    );
}

#[test]
fn cstate_tor_disrupted_summary_with_every_system_ok() {
    let snapshot = adapt(Kind::CState, vec![Some(other(TOR))]);
    assert_eq!(snapshot.page.name.as_deref(), Some("Tor Project status"));
    assert_eq!(snapshot.page.url.as_deref(), Some("https://status.torproject.org/"));
    // The page's own banner says disrupted (an unresolved issue that names no listed
    // system): the widget says what the page says.
    let status = snapshot.status.as_ref().expect("summaryStatus");
    assert_eq!(status.indicator, Indicator::Major);
    assert_eq!(snapshot.overall().source, OverallSource::Page);
    assert!(snapshot.components.iter().all(|c| c.status == ComponentStatus::Operational));
    assert!(snapshot.incidents.is_empty() && snapshot.maintenances.is_empty());

    // Titled categories are groups; "Deprecated" has hideTitle, so its system stands alone;
    // "Uncategorized" has no systems.
    assert_eq!(groups(&snapshot), ["Tor Network", "Tor Project websites", "Internal systems"]);
    assert_eq!(snapshot.components.iter().filter(|c| !c.is_group).count(), 15);
    assert_eq!(
        members(&snapshot, "Tor Network"),
        ["v3 Onion Services", "Directory Authorities", "Network Experiments"]
    );
    assert_eq!(members(&snapshot, "Tor Project websites").len(), 7);
    assert_eq!(members(&snapshot, "Internal systems"), ["GitLab", "Email", "Mailing lists", "DNS"]);
    let v2 = component(&snapshot, "v2 Onion Services");
    assert_eq!(v2.group_id, None);
    assert_eq!(v2.id, "v2 Onion Services", "a system's name is its id");
    assert_eq!(component(&snapshot, "Tor Network").id, "category:Tor Network");
    assert!(v2.description.as_deref().is_some_and(|d| d.contains("–")), "the en dash kept");
    // Listed in the page's order: each group before its systems.
    let order: Vec<&str> = snapshot.components.iter().take(5).map(|c| c.name.as_str()).collect();
    assert_eq!(
        order,
        [
            "Tor Network",
            "v3 Onion Services",
            "Directory Authorities",
            "Network Experiments",
            "Tor Project websites"
        ]
    );
}

#[test]
fn cstate_german_page_with_placeholders_and_doubled_offsets() {
    let snapshot = adapt(Kind::CState, vec![Some(other(SCHULLOGIN))]);
    assert_eq!(snapshot.page.name.as_deref(), Some("Verfügbarkeit digitaler Dienste für Schulen in Sachsen"));
    assert_eq!(snapshot.page.url.as_deref(), Some("https://status.schullogin.de"));
    assert_eq!(snapshot.status.as_ref().map(|s| s.indicator.clone()), Some(Indicator::Major));
    // Three of the five categories have no systems.
    assert_eq!(groups(&snapshot), ["Schullogin", "Dienste in Schullogin"]);
    assert_eq!(members(&snapshot, "Schullogin"), ["Anmeldung", "Support", "Schnittstellen"]);
    assert_eq!(component(&snapshot, "Anmeldung").status, ComponentStatus::PartialOutage, "disrupted");
    assert_eq!(component(&snapshot, "Schullogin").status, ComponentStatus::PartialOutage, "its worst system");
    assert_eq!(component(&snapshot, "Nachrichten").status, ComponentStatus::Operational);

    assert_eq!(snapshot.incidents.len(), 1);
    let issue = incident(&snapshot.incidents, "Schullogin: vereinzelte Anmelde-Probleme bei SaxSVS-Accounts");
    assert_eq!(issue.id, "2025-09-10T1000--Schullogin_vereinzelte_Anmelde-Probleme_SaxSVS-Accounts");
    assert_eq!(issue.status, Status::Investigating);
    assert_eq!(issue.impact, Impact::Major);
    // Go's "2025-09-10 10:00:00 +0000 UTC".
    assert_eq!(issue.created_at, Some(at("2025-09-10T10:00:00Z")));
    // "2025-09-12 19:20:02 +0200 +0200": the offset written twice, the instant 17:20:02 UTC.
    assert_eq!(issue.updated_at, Some(at("2025-09-12T17:20:02Z")));
    // "resolvedAt": "<no value>" is Hugo's placeholder for nothing.
    assert_eq!(issue.resolved_at, None);
    assert!(issue.is_active());
    assert_eq!(
        issue.shortlink.as_deref(),
        Some("https://status.schullogin.de/issues/2025-09-10t1000--schullogin_vereinzelte_anmelde-probleme_saxsvs-accounts/")
    );
    let affected: Vec<(&str, Option<&str>)> =
        issue.components.iter().map(|a| (a.name.as_str(), a.code.as_deref())).collect();
    assert_eq!(affected, [("Anmeldung", Some("Anmeldung"))]);
    assert!(issue.updates.is_empty(), "index.json carries no issue text");
    // The document's "description": "<no value>" is absent too.
    assert_eq!(read::text(&other(SCHULLOGIN), "description"), None);
}

#[test]
fn cstate_issue_listed_under_two_systems_is_one_incident() {
    // HAND-WRITTEN in cState's index.json shape (its layouts/index.json): one issue affecting
    // two systems appears under both; a pinned informational issue; a resolved issue with a
    // body (from an issue's own JSON) and a Go time.
    let issue = json!({"is": "issue", "title": "API slow", "createdAt": "2026-01-02 10:00:00 +0000 UTC",
        "lastMod": "2026-01-02 11:00:00 +0100 +0100", "permalink": "https://s.example/issues/api-slow/",
        "severity": "down", "resolved": false, "informational": false, "resolvedAt": "<no value>",
        "affected": ["API", "Web"], "filename": "api-slow.md"});
    let document = json!({
        "is": "index", "cStateVersion": "6.0", "title": "S", "baseURL": "https://s.example/",
        "summaryStatus": "down", "categories": [],
        "pinnedIssues": [{"is": "issue", "title": "New region", "createdAt": "2026-01-01 09:00:00 +0000 UTC",
            "lastMod": "2026-01-01 09:00:00 +0000 UTC", "permalink": "https://s.example/issues/new-region/",
            "affected": [], "filename": "new-region.md"}],
        "systems": [
            {"name": "API", "category": "Core", "status": "down", "unresolvedIssues": [issue.clone()]},
            {"name": "Web", "category": "Core", "status": "down", "unresolvedIssues": [issue]},
            {"name": "Docs", "category": "Uncategorized", "status": "notice", "unresolvedIssues": []}
        ]
    });
    let snapshot = adapt(Kind::CState, vec![Some(document)]);
    assert_eq!(snapshot.status.as_ref().map(|s| s.indicator.clone()), Some(Indicator::Critical));
    assert_eq!(groups(&snapshot), ["Core", "Uncategorized"], "categories named by systems only");
    assert_eq!(component(&snapshot, "API").status, ComponentStatus::MajorOutage);
    assert_eq!(component(&snapshot, "Docs").status, ComponentStatus::Operational, "a notice: working");
    assert_eq!(snapshot.incidents.len(), 2);
    let slow = incident(&snapshot.incidents, "API slow");
    assert_eq!(slow.id, "api-slow");
    assert_eq!(slow.impact, Impact::Critical);
    assert_eq!(slow.updated_at, Some(at("2026-01-02T10:00:00Z")));
    assert_eq!(slow.components.len(), 2);
    let pinned = incident(&snapshot.incidents, "New region");
    assert_eq!(pinned.impact, Impact::None);

    let single = json!({"is": "index", "summaryStatus": "ok", "systems": [], "pinnedIssues": [
        {"is": "issue", "title": "Fixed", "body": "<p>It was fixed.</p>", "createdAt": "2026-01-03 08:00:00 +0000 UTC",
         "lastMod": "2026-01-03 09:00:00 +0000 UTC", "severity": "disrupted", "resolved": true,
         "resolvedAt": "2026-01-03 09:00:00 +0000 UTC", "affected": [], "filename": "fixed.md"}]});
    let snapshot = adapt(Kind::CState, vec![Some(single)]);
    let fixed = incident(&snapshot.incidents, "Fixed");
    assert_eq!(fixed.status, Status::Resolved);
    assert_eq!(fixed.resolved_at, Some(at("2026-01-03T09:00:00Z")));
    let ids: Vec<&str> = fixed.updates.iter().map(|u| u.id.as_str()).collect();
    assert_eq!(ids, ["fixed-1"]);
    assert_eq!(fixed.updates.first().map(|u| u.body.as_str()), Some("<p>It was fixed.</p>"));
}

#[test]
fn cstate_refuses_other_documents() {
    assert!(wrong_kind(Kind::CState, other(INSTATUS_SUMMARY)).contains("Instatus"));
    assert!(wrong_kind(Kind::CState, other(SLACK)).contains("Slack"));
    assert!(wrong_kind(Kind::CState, other(INCIDENTIO_PROBE)).contains("incident.io"));
    assert!(wrong_kind(Kind::CState, json!({"is": "issue", "title": "x"}))
        .contains("JSON that no status page serves"));
}

// ---------------------------------------------------------------------------------------
// Slack
// ---------------------------------------------------------------------------------------

#[test]
fn slack_documents_are_the_current_api() {
    assert_eq!(
        urls(Kind::Slack, "https://slack-status.com"),
        [("https://slack-status.com/api/v2.0.0/current".to_owned(), true)]
    );
}

#[test]
fn slack_two_active_incidents_with_notes() {
    let snapshot = adapt(Kind::Slack, vec![Some(other(SLACK))]);
    assert_eq!(snapshot.page.name.as_deref(), Some("Slack"));
    // -07:00 read as the UTC instant.
    assert_eq!(snapshot.page.updated_at, Some(at("2020-07-30T22:12:34Z")));
    // "active" says something is on, not how bad: the services say.
    assert_eq!(snapshot.status, None);
    // The eleven services Slack's API documentation lists, two of them hit.
    assert_eq!(snapshot.components.len(), 11);
    assert_eq!(component(&snapshot, "Notifications").status, ComponentStatus::PartialOutage);
    // PHP's escaped slash read: "Apps\/Integrations\/APIs".
    assert_eq!(component(&snapshot, "Apps/Integrations/APIs").status, ComponentStatus::PartialOutage);
    assert_eq!(component(&snapshot, "Messaging").status, ComponentStatus::Operational);
    assert_eq!(snapshot.overall().indicator, Indicator::Major);

    // Newest first: 879 was opened six days before 878.
    let ids: Vec<&str> = snapshot.incidents.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["878", "879"]);
    let notifications =
        incident(&snapshot.incidents, "We are investigating an issue with notification settings");
    assert_eq!(notifications.status, Status::Investigating, "active");
    assert_eq!(notifications.impact, Impact::Major, "type incident");
    assert_eq!(notifications.created_at, Some(at("2020-07-30T22:12:34Z")));
    assert_eq!(notifications.shortlink.as_deref(), Some("https://status.slack.com/2020-07/ea58a170d343b2ad"));
    let named: Vec<&str> = notifications.components.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(named, ["Notifications"]);
    assert_eq!(notifications.updates.len(), 1);
    let note = notifications.updates.first().expect("a note");
    assert_eq!(note.id, "878-1");
    assert_eq!(note.status, Status::Investigating);
    assert_eq!(note.at, Some(at("2020-07-30T22:12:34Z")));
    assert!(note.body.starts_with("Some users might notice"));

    let api = incident(&snapshot.incidents, "We're looking into an issue with certain API calls");
    assert_eq!(api.created_at, Some(at("2020-07-24T17:45:08Z")));
    assert_eq!(api.shortlink.as_deref(), Some("https://status.slack.com/2020-07/7d32ad54b0703c47"));
    assert!(api.updates.first().is_some_and(|u| u.body.contains("chat.postMessage")));
    assert!(snapshot.maintenances.is_empty());
}

#[test]
fn slack_all_clear() {
    // From Slack's documentation's sample "ok" response.
    let ok = json!({"status": "ok", "active_incidents": [], "date_created": "2018-09-07T18:34:15-07:00",
                    "date_updated": "2018-09-07T18:34:15-07:00"});
    let snapshot = adapt(Kind::Slack, vec![Some(ok)]);
    assert_eq!(snapshot.status.map(|s| s.indicator), Some(Indicator::None));
    assert!(snapshot.components.iter().all(|c| c.status == ComponentStatus::Operational));
    assert!(snapshot.incidents.is_empty());
}

#[test]
fn slack_outage_notice_maintenance_and_unlisted_service() {
    // HAND-WRITTEN after the field descriptions in Slack's documentation: an outage with two
    // notes (out of time order), a notice, a scheduled maintenance, and a service name the
    // list does not have (the history endpoint names retired ones such as "Calls").
    let document = json!({"status": "active", "date_created": "2026-01-01T10:00:00-08:00",
        "date_updated": "2026-01-01T11:00:00-08:00", "active_incidents": [
        {"id": "1", "date_created": "2026-01-01T09:00:00-08:00", "date_updated": "2026-01-01T10:00:00-08:00",
         "title": "Slack is down", "type": "outage", "status": "active", "url": "https://slack-status.com/2026-01/a",
         "services": ["Messaging", "Calls"],
         "notes": [
            {"date_created": "2026-01-01T10:00:00-08:00", "body": "Still working on it."},
            {"date_created": "2026-01-01T09:00:00-08:00", "body": "We are investigating."}]},
        {"id": "2", "date_created": "2026-01-01T08:00:00-08:00", "date_updated": "2026-01-01T08:00:00-08:00",
         "title": "Heads up", "type": "notice", "status": "active", "url": "https://slack-status.com/2026-01/b",
         "services": ["Huddles"], "notes": []},
        {"id": "3", "date_created": "2026-01-05T08:00:00-08:00", "date_updated": "2026-01-01T08:00:00-08:00",
         "title": "Planned work", "type": "incident", "status": "scheduled", "url": "https://slack-status.com/2026-01/c",
         "services": ["Search"], "notes": [{"date_created": "2026-01-01T08:00:00-08:00", "body": "Planned."}]}
    ]});
    let snapshot = adapt(Kind::Slack, vec![Some(document)]);
    assert_eq!(component(&snapshot, "Messaging").status, ComponentStatus::MajorOutage);
    assert_eq!(component(&snapshot, "Calls").status, ComponentStatus::MajorOutage, "kept though unlisted");
    assert_eq!(snapshot.components.len(), 12);
    assert_eq!(component(&snapshot, "Huddles").status, ComponentStatus::Operational, "a notice");
    assert_eq!(component(&snapshot, "Search").status, ComponentStatus::Operational, "not yet started");
    assert_eq!(snapshot.overall().indicator, Indicator::Critical);

    let down = incident(&snapshot.incidents, "Slack is down");
    assert_eq!(down.impact, Impact::Critical);
    let notes: Vec<(&str, &str)> = down.updates.iter().map(|u| (u.id.as_str(), u.body.as_str())).collect();
    assert_eq!(
        notes,
        [("1-2", "Still working on it."), ("1-1", "We are investigating.")],
        "newest first, counted from the oldest"
    );
    assert_eq!(incident(&snapshot.incidents, "Heads up").impact, Impact::None);

    let planned = incident(&snapshot.maintenances, "Planned work");
    assert_eq!(planned.status, Status::Scheduled);
    assert_eq!(planned.impact, Impact::Maintenance);
    assert_eq!(planned.schedule.as_ref().and_then(|s| s.starts), Some(at("2026-01-05T16:00:00Z")));
}

#[test]
fn repeated_ids_are_told_apart() {
    // HAND-WRITTEN: two Slack items with one id (the capture's ids are integers, the docs'
    // text; nothing promises they differ).
    let item = |title: &str, day: &str| {
        json!({"id": 7, "date_created": day, "date_updated": day, "title": title, "type": "incident",
               "status": "active", "services": [], "notes": []})
    };
    let document = json!({"status": "active", "date_updated": "2026-01-02T00:00:00-08:00", "active_incidents": [
        item("Older", "2026-01-01T00:00:00-08:00"), item("Newer", "2026-01-02T00:00:00-08:00")]});
    let snapshot = adapt(Kind::Slack, vec![Some(document)]);
    // The oldest keeps the id; a newer one with the same id is numbered, and keeps its number
    // when more arrive.
    let ids: Vec<(&str, &str)> =
        snapshot.incidents.iter().map(|i| (i.name.as_str(), i.id.as_str())).collect();
    assert_eq!(ids, [("Newer", "7#1"), ("Older", "7")]);
}

#[test]
fn slack_refuses_other_documents() {
    assert!(wrong_kind(Kind::Slack, other(INCIDENTIO_PROBE)).contains("incident.io"));
    assert!(wrong_kind(Kind::Slack, other(TOGETHER)).contains("Better Stack"));
    assert!(wrong_kind(Kind::Slack, statuspage(GITHUB_SUMMARY)).contains("Statuspage"));
    assert!(wrong_kind(Kind::Slack, other("aws_awshealth_currentevents_string-codes-epoch_ai-status.json"))
        .contains("AWS Health"));
    assert!(wrong_kind(
        Kind::Slack,
        other("googlecloud_gcp_incidents_one-incident-no-updates_ai-status.json")
    )
    .contains("Google Cloud"));
    assert!(wrong_kind(Kind::Slack, json!({"status": "ok"})).contains("JSON that no status page serves"));
}

// ---------------------------------------------------------------------------------------
// Broken input: clear errors, never a panic
// ---------------------------------------------------------------------------------------

const KINDS: [Kind; 5] = [Kind::Instatus, Kind::BetterStack, Kind::IncidentIo, Kind::CState, Kind::Slack];

const CAPTURES: [&str; 8] =
    [INSTATUS_SUMMARY, INSTATUS_COMPONENTS, TOGETHER, HUGGINGFACE, INCIDENTIO_PROBE, TOR, SCHULLOGIN, SLACK];

#[test]
fn truncated_and_garbage_bytes_are_not_json() {
    for name in CAPTURES {
        let whole = bytes(&format!("other/{name}"));
        let half = whole.get(..whole.len() / 2).expect("half");
        match read::parse(name, half) {
            Err(error @ AdaptError::NotJson { .. }) => {
                assert!(error.to_string().starts_with(&format!("{name} is not JSON")), "{error}");
            }
            other => panic!("{name} cut in half: {other:?}"),
        }
    }
    for garbage in [&b""[..], b"<!DOCTYPE html><html>", b"\xff\xfe{", b"{\"page\": {\"name\": \"x\"", b"nul"]
    {
        assert!(matches!(read::parse("summary.json", garbage), Err(AdaptError::NotJson { .. })));
    }
}

#[test]
fn json_that_is_no_page_is_a_wrong_kind_for_every_adapter() {
    for kind in KINDS {
        for value in [Value::Null, json!([]), json!([1, 2]), json!("text"), json!(42), json!(true), json!({})]
        {
            let result = kind.adapt(&[Some(value.clone())]);
            assert!(matches!(result, Err(AdaptError::WrongKind { .. })), "{kind:?} on {value}: {result:?}");
        }
        assert!(matches!(kind.adapt(&[]), Err(AdaptError::Missing(_))));
        assert!(matches!(kind.adapt(&[None, None]), Err(AdaptError::Missing(_))));
    }
}

/// Every value (at depth up to 4; of a list, its first two and last two items) replaced in
/// turn by each JSON type: the adapter answers, whatever it answers.
fn vandalised(document: &Value) -> Vec<Value> {
    fn paths(value: &Value, prefix: &mut Vec<String>, out: &mut Vec<Vec<String>>, depth: usize) {
        if depth > 4 {
            return;
        }
        match value {
            Value::Object(map) => {
                for (key, child) in map {
                    prefix.push(key.clone());
                    out.push(prefix.clone());
                    paths(child, prefix, out, depth + 1);
                    prefix.pop();
                }
            }
            Value::Array(items) => {
                let n = items.len();
                for (i, child) in items.iter().enumerate().filter(|(i, _)| *i < 2 || *i + 2 >= n) {
                    prefix.push(i.to_string());
                    out.push(prefix.clone());
                    paths(child, prefix, out, depth + 1);
                    prefix.pop();
                }
            }
            _ => {}
        }
    }
    let mut all = Vec::new();
    paths(document, &mut Vec::new(), &mut all, 0);
    let replacements = [Value::Null, json!(1.5), json!("<no value>"), json!([]), json!({})];
    let mut out = Vec::new();
    for path in all {
        for replacement in &replacements {
            let mut copy = document.clone();
            let pointer = format!(
                "/{}",
                path.iter().map(|p| p.replace('~', "~0").replace('/', "~1")).collect::<Vec<_>>().join("/")
            );
            if let Some(slot) = copy.pointer_mut(&pointer) {
                *slot = replacement.clone();
                out.push(copy);
            }
        }
    }
    out
}

#[test]
fn vandalised_captures_never_panic() {
    let cases: [(Kind, &str); 6] = [
        (Kind::Instatus, INSTATUS_COMPONENTS),
        (Kind::BetterStack, TOGETHER),
        (Kind::IncidentIo, INCIDENTIO_PROBE),
        (Kind::CState, TOR),
        (Kind::CState, SCHULLOGIN),
        (Kind::Slack, SLACK),
    ];
    for (kind, name) in cases {
        let documents = vandalised(&other(name));
        assert!(documents.len() > 40, "{name}: {} changed copies", documents.len());
        for document in documents {
            // Through catch_unwind so a panic names the document it came from.
            let outcome = std::panic::catch_unwind(|| {
                let documents = match kind {
                    Kind::Instatus => vec![Some(other(INSTATUS_SUMMARY)), Some(document.clone())],
                    _ => vec![Some(document.clone())],
                };
                let _ = kind.adapt(&documents);
            });
            assert!(outcome.is_ok(), "{kind:?} panicked on a changed {name}: {document}");
        }
    }
    for document in vandalised(&instatus_summary_with_issues())
        .into_iter()
        .chain(vandalised(&betterstack_ongoing()))
        .chain(vandalised(&incidentio_widget()))
    {
        for kind in [Kind::Instatus, Kind::BetterStack, Kind::IncidentIo] {
            let outcome = std::panic::catch_unwind(|| {
                let _ = kind.adapt(&[Some(document.clone())]);
            });
            assert!(outcome.is_ok(), "{kind:?} panicked on {document}");
        }
    }
}
