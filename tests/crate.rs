//! The crate as a yew app depends on it (from the code review of issue 16, each test failed
//! on the reviewed build): its declared toolchain builds what Cargo.lock pins, it switches no
//! feature off for its dependents, pins no exact version, its docs' example uses only what
//! an app has, and every attribute of the element it reads is observed.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::process::Command;

use serde_json::Value;
use status_widget::config::SETTINGS;

fn read(path: &str) -> String {
    fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR")))
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The `[package]` table of Cargo.toml, as `key = value` lines (enough for this review).
fn package_keys() -> BTreeMap<String, String> {
    let toml = read("Cargo.toml");
    let start = toml.find("[package]\n").expect("[package]");
    let body = &toml[start + "[package]\n".len()..];
    let end = body.find("\n[").unwrap_or(body.len());
    body[..end]
        .lines()
        .filter_map(|l| l.split_once(" = "))
        .map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()))
        .collect()
}

/// Found in review: `rust-version = "1.84"`, but the dependencies Cargo.lock pins for the library (not
/// dev-dependencies) need newer compilers: serde_json's `preserve_order` brings indexmap 2.14
/// and hashbrown 0.17 (Rust 1.85), and yew brings tokio 1.54 (1.85). `cargo +1.84 build
/// --locked` of the repository (and `cargo publish`'s verify build on 1.84) fails.
#[test]
fn the_locked_dependencies_build_on_the_declared_rust_version() {
    let declared = package_keys()["rust-version"].trim_matches('"').to_owned();
    let parse = |v: &str| -> (u64, u64) {
        let mut parts = v.split('.').map(|p| p.parse::<u64>().unwrap_or(0));
        (parts.next().unwrap_or(0), parts.next().unwrap_or(0))
    };
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--locked", "--offline"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo metadata");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let meta: Value = serde_json::from_slice(&output.stdout).unwrap();
    let packages: BTreeMap<&str, &Value> =
        meta["packages"].as_array().unwrap().iter().map(|p| (p["id"].as_str().unwrap(), p)).collect();
    let nodes: BTreeMap<&str, &Value> =
        meta["resolve"]["nodes"].as_array().unwrap().iter().map(|n| (n["id"].as_str().unwrap(), n)).collect();
    let root = packages.iter().find(|(_, p)| p["name"] == "status-widget").map(|(id, _)| *id).unwrap();
    let mut seen = BTreeSet::new();
    let mut stack = vec![root];
    while let Some(id) = stack.pop() {
        if !seen.insert(id) {
            continue;
        }
        for dep in nodes[id]["deps"].as_array().unwrap() {
            let dev_only = dep["dep_kinds"].as_array().unwrap().iter().all(|k| k["kind"] == "dev");
            if !dev_only {
                stack.push(dep["pkg"].as_str().unwrap());
            }
        }
    }
    let too_new: Vec<String> = seen
        .iter()
        .filter_map(|id| {
            let p = packages[id];
            let rv = p["rust_version"].as_str()?;
            (parse(rv) > parse(&declared)).then(|| format!("{} {} needs {rv}", p["name"], p["version"]))
        })
        .collect();
    assert!(too_new.is_empty(), "rust-version = {declared}, but Cargo.lock pins: {too_new:?}");
}

/// Defect (drift the contract tests cannot see): src/embed.rs reads attributes of the element
/// that are not settings: `dir` (its own) and `lang` (`closest("[lang]")`, the element
/// first). The d.ts offers both as JSX props, yet neither is observed, so a framework that
/// changes `dir` or `lang` on the element sees nothing happen until some other attribute
/// changes (the README: "Attribute changes take effect at once"); nor are they in the README's
/// attributes table, the manifest's attributes or `observedAttributes`.
#[test]
fn every_attribute_the_element_reads_is_observed() {
    let embed = read("src/embed.rs");
    // The settings, and the element's own `lang` and `dir` (observed by status-widget.js).
    let entry = read("src/embed/status-widget.js");
    assert!(entry.contains("[...glue.settingNames(), 'lang', 'dir']"));
    let observed: BTreeSet<&str> = SETTINGS.iter().map(|s| s.name).chain(["lang", "dir"]).collect();
    let mut read_not_observed = BTreeSet::new();
    for (i, _) in embed.match_indices("get_attribute(\"") {
        let rest = &embed[i + "get_attribute(\"".len()..];
        let name = &rest[..rest.find('"').unwrap()];
        if !observed.contains(name) {
            read_not_observed.insert(name.to_owned());
        }
    }
    assert!(
        read_not_observed.is_empty(),
        "src/embed.rs reads these attributes of the element, which it does not observe and the contract does not list: {read_not_observed:?}"
    );
}

/// The dependency lines of Cargo.toml's `[dependencies]` and `[target.….dependencies]` tables
/// (not dev- or build-dependencies): what every consumer of the published crate gets.
fn library_dependency_lines() -> Vec<String> {
    let toml = read("Cargo.toml");
    let mut lines = Vec::new();
    let mut in_deps = false;
    for line in toml.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_deps = line == "[dependencies]"
                || (line.starts_with("[target.")
                    && line.ends_with(".dependencies]")
                    && !line.ends_with("dev-dependencies]"));
            continue;
        }
        if in_deps && !line.is_empty() && !line.starts_with('#') {
            lines.push(line.to_owned());
        }
    }
    lines
}

/// Found in review: the library enables `tracing`'s `max_level_off` and `release_max_level_off`. Cargo
/// unifies features, and these set tracing's one STATIC_MAX_LEVEL, so every yew app that adds
/// `status-widget` (the README's `cargo add status-widget`) has all of its own tracing events,
/// and yew's, compiled out, at every level, in debug builds too. Size tricks of this kind
/// belong to the bundle's build (scripts/build.sh / the cdylib), not the library's manifest.
#[test]
fn the_library_does_not_switch_off_tracing_for_its_consumers() {
    let global: Vec<String> = library_dependency_lines()
        .into_iter()
        .filter(|l| l.starts_with("tracing") && l.contains("max_level_"))
        .collect();
    assert!(global.is_empty(), "a dependent app inherits these global tracing levels: {global:?}");
}

/// Found in review: the library pins `yew = "=0.22.0"`. A yew app on any other 0.22.x (a patch
/// release) cannot depend on status-widget: Cargo cannot unify `=0.22.0` with `^0.22.1` and
/// fails to resolve. A library should ask for `0.22`.
#[test]
fn the_library_pins_no_exact_dependency_versions() {
    let exact: Vec<String> = library_dependency_lines().into_iter().filter(|l| l.contains("\"=")).collect();
    assert!(exact.is_empty(), "exact pins a dependent cannot unify with: {exact:?}");
}

/// Found in review: the crate docs' yew example (lib.rs, `ignore`d, so never compiled) calls
/// `log::info!`, but neither the crate nor examples/yew-host ("is this code", the docs say)
/// depends on `log`: copied into an app, the example does not build.
#[test]
fn the_crate_docs_yew_example_uses_only_crates_the_host_example_has() {
    let lib = read("src/lib.rs");
    let host = read("examples/yew-host/Cargo.toml");
    let docs: String = lib.lines().filter(|l| l.starts_with("//!")).collect::<Vec<_>>().join("\n");
    if docs.contains("log::") {
        assert!(
            host.lines().any(|l| l.trim_start().starts_with("log ") || l.trim_start().starts_with("log=")),
            "src/lib.rs's example uses log::info!, which examples/yew-host (and the crate) does not depend on"
        );
    }
}
