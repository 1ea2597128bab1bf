//! The element's contract is written once (src/config.rs's settings, src/contract.rs's
//! events, parts and custom properties) and read in four places: the README, the package's
//! `status-widget.d.ts` and `custom-elements.json`, and the code itself. These tests fail when
//! any of them drifts; `cargo run --example contract` rewrites the three files.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::fs;

use status_widget::config::SETTINGS;
use status_widget::contract::{self, CUSTOM_PROPERTIES, DETAILS, ERROR_KINDS, EVENTS, PARTS};
use status_widget::events::{IncidentDetail, WidgetEvent};
use status_widget::feed::FeedError;

fn read(path: &str) -> String {
    fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR")))
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

const STALE: &str = "stale: run `cargo run --example contract`, then read the diff";

#[test]
fn the_readme_tables_are_the_contract_tables() {
    let readme = read("README.md");
    for table in [
        contract::settings_table(),
        contract::events_table(),
        contract::parts_table(),
        contract::properties_table(),
    ] {
        assert!(readme.contains(&table), "README.md {STALE}; missing:\n{table}");
    }
    assert_eq!(contract::readme_with_tables(&readme), readme, "README.md {STALE}");
}

#[test]
fn the_package_types_and_manifest_are_written_from_the_tables() {
    assert!(
        read("package/status-widget.d.ts") == contract::typescript(),
        "package/status-widget.d.ts {STALE}"
    );
    let manifest = read("package/custom-elements.json");
    assert!(
        manifest == contract::manifest(env!("CARGO_PKG_VERSION")),
        "package/custom-elements.json {STALE}"
    );
    // What a tool reading the manifest finds: every attribute, event, part and property.
    let value: serde_json::Value = serde_json::from_str(&manifest).unwrap();
    let element = &value["modules"][0]["declarations"][0];
    assert_eq!(element["tagName"], "status-widget");
    let names = |key: &str| -> Vec<String> {
        element[key].as_array().unwrap().iter().map(|a| a["name"].as_str().unwrap().to_owned()).collect()
    };
    assert_eq!(names("attributes"), SETTINGS.iter().map(|s| s.name.to_owned()).collect::<Vec<_>>());
    assert_eq!(
        names("events"),
        EVENTS.iter().map(|e| format!("status-widget:{}", e.name)).collect::<Vec<_>>()
    );
    assert_eq!(names("cssParts"), PARTS.iter().map(|p| p.name.to_owned()).collect::<Vec<_>>());
    assert_eq!(
        names("cssProperties"),
        CUSTOM_PROPERTIES.iter().map(|p| p.name.to_owned()).collect::<Vec<_>>()
    );
    assert!(element["cssProperties"]
        .as_array()
        .unwrap()
        .iter()
        .all(|p| !p["default"].as_str().unwrap().is_empty()));
    // The types name every attribute and event too.
    let types = contract::typescript();
    for s in SETTINGS {
        assert!(types.contains(&format!(
            "  {}?: {};",
            if s.name.contains('-') { format!("'{}'", s.name) } else { s.name.to_owned() },
            s.ts
        )));
    }
    for e in EVENTS {
        assert!(types.contains(&format!("'status-widget:{}': CustomEvent<{}>;", e.name, e.detail_type)));
        assert!(types.contains(&format!(
            "'onstatus-widget:{}'?: (event: CustomEvent<{}>) => void;",
            e.name, e.detail_type
        )));
    }
}

fn incident() -> IncidentDetail {
    IncidentDetail {
        id: "1".into(),
        name: "n".into(),
        status: "investigating".into(),
        impact: "minor".into(),
        maintenance: false,
        shortlink: None,
        page: None,
    }
}

/// One of each event the widget can send.
fn every_event() -> Vec<WidgetEvent> {
    vec![
        WidgetEvent::StatusChange { indicator: "none".into(), description: None, previous: None, page: None },
        WidgetEvent::IncidentOpen(incident()),
        WidgetEvent::IncidentUpdate(incident()),
        WidgetEvent::IncidentResolve(incident()),
        WidgetEvent::Expand,
        WidgetEvent::Collapse,
        WidgetEvent::Dismiss,
        WidgetEvent::Error { kind: "network", message: String::new() },
    ]
}

#[test]
fn the_events_table_is_what_the_widget_sends() {
    let sent: Vec<&str> = every_event().iter().map(WidgetEvent::name).collect();
    assert_eq!(sent, EVENTS.iter().map(|e| e.name).collect::<Vec<_>>());
    for (event, doc) in every_event().iter().zip(EVENTS) {
        let detail =
            DETAILS.iter().find(|d| d.name == doc.detail_type).expect("a DETAILS entry for each event");
        let keys: Vec<&str> = event.detail().iter().map(|(key, _)| *key).collect();
        assert_eq!(keys, detail.fields.iter().map(|f| f.name).collect::<Vec<_>>(), "{}", doc.name);
        for ((_, value), field) in event.detail().iter().zip(detail.fields) {
            let ts = match value {
                status_widget::events::DetailValue::Text(_) => "string",
                status_widget::events::DetailValue::Flag(_) => "boolean",
                status_widget::events::DetailValue::Null => "null",
            };
            let allowed = match field.ts {
                "StatusIndicator" | "StatusWidgetErrorKind" => "string",
                "StatusIndicator | null" => "string | null",
                other => other,
            };
            assert!(
                allowed.split(" | ").any(|t| t == ts),
                "{}.{}: {ts} is not {}",
                doc.name,
                field.name,
                field.ts
            );
        }
    }
}

#[test]
fn the_error_kinds_are_every_kind_the_widget_reports() {
    let errors = [
        FeedError::Network { url: String::new(), detail: String::new() },
        FeedError::Http { url: String::new(), status: 500 },
        FeedError::Timeout { url: String::new(), seconds: 1 },
        FeedError::TooLarge { size: 2, limit: 1 },
        FeedError::NotJson(String::new()),
        FeedError::NotStatusDocument,
        FeedError::Unsupported("cState"),
    ];
    let mut kinds: Vec<&str> = errors.iter().map(FeedError::kind).collect();
    // The one error that is not the feed's: a `components` filter that matches nothing.
    let app = read("src/components/app.rs");
    for (i, _) in app.match_indices("WidgetEvent::Error { kind: \"") {
        let rest = &app[i + "WidgetEvent::Error { kind: \"".len()..];
        kinds.push(&rest[..rest.find('"').unwrap()]);
    }
    assert_eq!(kinds, ERROR_KINDS);
}

#[test]
fn the_parts_table_is_every_part_the_views_name() {
    let mut named = BTreeSet::new();
    let views = fs::read_dir(format!("{}/src/components", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let files =
        views
            .map(|e| e.unwrap().path())
            .chain([format!("{}/src/components.rs", env!("CARGO_MANIFEST_DIR")).into()]);
    for path in files {
        let source = fs::read_to_string(path).unwrap();
        for (i, _) in source.match_indices("part=\"") {
            let rest = &source[i + 6..];
            named.insert(rest[..rest.find('"').unwrap()].to_owned());
        }
    }
    let documented: BTreeSet<String> = PARTS.iter().map(|p| p.name.to_owned()).collect();
    assert_eq!(named, documented);
}

#[test]
fn the_custom_properties_are_every_property_the_stylesheets_read() {
    let read_by_tokens: Vec<String> = contract::token_defaults().into_iter().map(|(name, _)| name).collect();
    assert_eq!(read_by_tokens, CUSTOM_PROPERTIES.iter().map(|p| p.name.to_owned()).collect::<Vec<_>>());
    // No other stylesheet reads a host property directly (they use the private copies).
    for name in ["app", "banner", "timeline", "replay", "modes"] {
        let css = read(&format!("styles/{name}.css"));
        assert!(!css.contains("var(--sw-"), "styles/{name}.css reads a --sw- property itself");
    }
    let defaults = contract::token_defaults();
    let font = &defaults.iter().find(|(n, _)| n == "--sw-font-size").unwrap().1;
    assert_eq!(font, "0.875rem");
    let surface = &defaults.iter().find(|(n, _)| n == "--sw-surface").unwrap().1;
    assert_eq!(surface, "light-dark(#ffffff, #161b22)");
}

#[test]
fn one_version_for_the_crate_the_package_and_the_changelog() {
    assert_eq!(status_widget::VERSION, env!("CARGO_PKG_VERSION"));
    let changelog = read("CHANGELOG.md");
    assert!(
        changelog.contains(&format!("## [{}] - ", env!("CARGO_PKG_VERSION"))),
        "CHANGELOG.md has no section for {}",
        env!("CARGO_PKG_VERSION")
    );
    let yew_host = read("examples/yew-host/Cargo.toml");
    let (major_minor, _) = env!("CARGO_PKG_VERSION").rsplit_once('.').unwrap();
    assert!(
        yew_host.contains(&format!("status-widget = {{ version = \"{major_minor}\"")),
        "examples/yew-host depends on another version"
    );
}
