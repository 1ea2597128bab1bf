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
    assert!(read("package/react.d.ts") == contract::typescript_react(), "package/react.d.ts {STALE}");
    let registry = read("package/README.md");
    assert!(registry == contract::registry_readme(&read("README.md")), "package/README.md {STALE}");
    // What npm and crates.io show has no picture or link to a file they do not have: outside
    // code, every link goes to the web, an anchor or an address.
    let mut in_code = false;
    let prose: String = registry
        .split('`')
        .filter(|_| {
            in_code = !in_code;
            in_code
        })
        .collect::<Vec<_>>()
        .join(" ");
    for (i, _) in prose.match_indices("](") {
        let target = &prose[i + 2..];
        assert!(
            ["http://", "https://", "#", "mailto:"].iter().any(|p| target.starts_with(p)),
            "a link the registries cannot follow: {}",
            &prose[i.saturating_sub(40)..(i + 60).min(prose.len())]
        );
    }
    assert!(!registry.contains("!["), "a picture the registries do not have");
    assert!(registry.contains("## Install") && registry.contains("### Events"));
    let manifest = read("package/custom-elements.json");
    assert!(
        manifest == contract::manifest(env!("CARGO_PKG_VERSION")),
        "package/custom-elements.json {STALE}"
    );
    // What a tool reading the manifest finds: every attribute, event, part and property.
    let value: serde_json::Value = serde_json::from_str(&manifest).unwrap();
    let module = &value["modules"][0];
    let declarations = module["declarations"].as_array().unwrap();
    let element = declarations.iter().find(|d| d["tagName"] == "status-widget").unwrap();
    // Every export names a declaration of its module.
    for export in module["exports"].as_array().unwrap() {
        let name = &export["declaration"]["name"];
        assert!(declarations.iter().any(|d| &d["name"] == name), "export {export} names nothing declared");
    }
    // Attribute defaults are the attribute's literal value (attributes are strings).
    let mode = element["attributes"].as_array().unwrap().iter().find(|a| a["name"] == "mode").unwrap();
    assert_eq!(mode["default"], "banner");
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
            "  {}?: {} | undefined;",
            if s.name.contains('-') { format!("'{}'", s.name) } else { s.name.to_owned() },
            s.ts
        )));
    }
    for e in EVENTS {
        assert!(types.contains(&format!("'status-widget:{}': CustomEvent<{}>;", e.name, e.detail_type)));
        assert!(contract::typescript_react().contains(&format!(
            "'onstatus-widget:{}'?: ((event: StatusWidgetEventMap['status-widget:{}']) => void) | undefined;",
            e.name, e.name
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

/// One of each event the widget can send. The match below stops compiling when a variant is
/// added, so the list cannot fall behind.
fn every_event() -> Vec<WidgetEvent> {
    let _every_variant_listed = |event: &WidgetEvent| match event {
        WidgetEvent::StatusChange { .. }
        | WidgetEvent::IncidentOpen(_)
        | WidgetEvent::IncidentUpdate(_)
        | WidgetEvent::IncidentResolve(_)
        | WidgetEvent::Expand
        | WidgetEvent::Collapse
        | WidgetEvent::Dismiss
        | WidgetEvent::Error { .. } => (),
    };
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

/// Every file under `dir` (recursively) whose name ends in `ext`, with its text.
fn sources(dir: &str, ext: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut pending = vec![std::path::PathBuf::from(format!("{}/{dir}", env!("CARGO_MANIFEST_DIR")))];
    while let Some(path) = pending.pop() {
        if path.is_dir() {
            pending.extend(fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
        } else if path.to_string_lossy().ends_with(ext) {
            found.push((path.to_string_lossy().into_owned(), fs::read_to_string(&path).unwrap()));
        }
    }
    found.sort();
    found
}

/// The quoted word after each `marker` in `text`.
fn after<'a>(text: &'a str, marker: &str, quote: char) -> Vec<&'a str> {
    text.match_indices(marker)
        .map(|(i, _)| {
            let rest = &text[i + marker.len()..];
            &rest[..rest.find(quote).unwrap()]
        })
        .collect()
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
    // Stops compiling when FeedError gains a variant, so the list above cannot fall behind.
    let _every_variant_listed = |error: &FeedError| match error {
        FeedError::Network { .. }
        | FeedError::Http { .. }
        | FeedError::Timeout { .. }
        | FeedError::TooLarge { .. }
        | FeedError::NotJson(_)
        | FeedError::NotStatusDocument
        | FeedError::Unsupported(_) => (),
    };
    let mut kinds: Vec<&str> = errors.iter().map(FeedError::kind).collect();
    // Errors that are not the feed's: a `components` filter that matches nothing (the views),
    // and the wasm that could not load (the entry).
    let rust = sources("src", ".rs");
    for (_, text) in &rust {
        kinds.extend(after(text, "WidgetEvent::Error { kind: \"", '"'));
    }
    let entry = read("src/embed/status-widget.js");
    kinds.extend(after(&entry, "kind: '", '\''));
    assert_eq!(kinds, ERROR_KINDS);
    // The README's words for the error event name every kind.
    let error = EVENTS.iter().find(|e| e.name == "error").unwrap();
    for kind in ERROR_KINDS {
        assert!(error.detail.contains(&format!("`{kind}`")), "the error event's detail text omits `{kind}`");
    }
}

#[test]
fn the_detail_words_name_every_field() {
    for event in EVENTS {
        let detail = DETAILS.iter().find(|d| d.name == event.detail_type).unwrap();
        if detail.fields.is_empty() {
            assert_eq!(event.detail, "`{}`", "{}", event.name);
        } else if event.detail.starts_with("`{") {
            let names: Vec<&str> = detail.fields.iter().map(|f| f.name).collect();
            assert!(event.detail.starts_with(&format!("`{{{}}}`", names.join(", "))), "{}", event.name);
        } else {
            assert!(event.detail.starts_with("same as `incident-open`"), "{}", event.name);
        }
    }
}

#[test]
fn the_parts_table_is_every_part_the_views_name() {
    let mut named = BTreeSet::new();
    for (path, text) in sources("src", ".rs") {
        if path.ends_with("contract.rs") {
            continue;
        }
        named.extend(after(&text, "part=\"", '"').into_iter().map(str::to_owned));
        assert!(!text.contains("part={"), "{path} sets a part from an expression: list it in PARTS by name");
    }
    let documented: BTreeSet<String> = PARTS.iter().map(|p| p.name.to_owned()).collect();
    assert_eq!(named, documented);
}

#[test]
fn the_custom_properties_are_every_property_the_stylesheets_read() {
    let read_by_tokens: Vec<String> = contract::token_defaults().into_iter().map(|(name, _)| name).collect();
    assert_eq!(read_by_tokens, CUSTOM_PROPERTIES.iter().map(|p| p.name.to_owned()).collect::<Vec<_>>());
    // No other stylesheet reads a host property directly (they use the private copies).
    for (path, css) in sources("styles", ".css") {
        if !path.ends_with("tokens.css") && !path.ends_with("page.css") {
            assert!(!css.contains("var(--sw-"), "{path} reads a --sw- property itself");
        }
    }
    // build.rs compiles tokens.css in first, so its private copies exist for every other sheet.
    assert!(read("build.rs").contains("= [\"tokens\","));
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

/// The TypeScript types say what `Config::from_lookup` takes: every literal a type lists is
/// read without a warning, and a value outside a number type is refused.
#[test]
fn the_setting_types_are_what_the_widget_accepts() {
    use status_widget::config::Config;
    let warnings_for =
        |name: &str, value: &str| Config::from_lookup(|n| (n == name).then(|| value.to_owned())).1;
    for s in SETTINGS {
        for literal in s.ts.split(" | ").filter_map(|t| t.strip_prefix('\'')?.strip_suffix('\'')) {
            assert!(warnings_for(s.name, literal).is_empty(), "{}=\"{literal}\" warns", s.name);
        }
        if s.ts.contains("`${number}`") {
            assert!(warnings_for(s.name, "12").is_empty(), "{}=12 warns", s.name);
            assert!(!warnings_for(s.name, "soon").is_empty(), "{}=soon is taken", s.name);
        }
        if s.ts.starts_with("boolean") {
            assert!(warnings_for(s.name, s.name).is_empty(), "{0}=\"{0}\" warns", s.name);
        }
    }
}

/// The registries' README leaves code alone, inline and fenced, and unlinks only the
/// repository's own files.
#[test]
fn the_registry_readme_unlinks_files_only_outside_code() {
    let readme = "Intro\n\n| a | b |\n|---|---|\n| ![x](docs/x.png) | ![y](docs/y.png) |\n\n\
        Markdown `[text](url)` and [the benchmarks](BENCHMARKS.md), [yew](https://yew.rs), [up](#top).\n\n\
        ```md\n[kept](in-code.md)\n\n[still](kept.md)\n```\n\nAfter [a file](src/lib.rs) and `x`.";
    let out = contract::registry_readme(readme);
    assert!(!out.contains("docs/x.png"));
    assert!(
        out.contains("Markdown `[text](url)` and the benchmarks, [yew](https://yew.rs), [up](#top)."),
        "{out}"
    );
    assert!(out.contains("```md\n[kept](in-code.md)\n\n[still](kept.md)\n```"), "{out}");
    assert!(out.contains("After a file and `x`."), "{out}");
}

#[test]
fn the_bundle_modules_are_the_message_table_and_the_reference() {
    let modules = contract::modules();
    assert_eq!(
        modules.len(),
        status_widget::i18n::Lang::ALL.len(),
        "one per language but English, and the reference"
    );
    for (path, content) in &modules {
        assert!(read(path) == *content, "{path} {STALE}");
    }
    // The entry loads each of them by a static import() (bundlers follow only those).
    let entry = read("src/embed/status-widget.js");
    for (path, _) in modules {
        let file = path.trim_start_matches("src/embed/");
        let name = file.trim_start_matches("status-widget-").trim_end_matches(".js");
        let import = format!("'{name}': () => import('./{file}')");
        assert!(entry.contains(&import), "src/embed/status-widget.js does not load {file} with {import}");
    }
}
