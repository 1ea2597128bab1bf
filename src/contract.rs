//! The element's public contract as data, and everything written from it. Attributes are
//! [`SETTINGS`]; events, CSS parts and custom properties are the tables here. From these one
//! set of tables come the README's contract section, `package/status-widget.d.ts` (types for
//! TypeScript and React 19's JSX) and `package/custom-elements.json` (the Custom Elements
//! Manifest that editors, Storybook and documentation tools read). `cargo run --example
//! contract` rewrites all three; `tests/contract.rs` fails when any of them, or the code the
//! tables describe (event names and details, `part=` attributes, `styles/tokens.css`),
//! disagrees. Native only: nothing of this is in the wasm.

use crate::config::{Setting, SETTINGS};
use serde_json::{json, Value};

/// One field of an event's `detail`.
#[derive(Clone, Copy, Debug)]
pub struct Field {
    /// Key in `detail`.
    pub name: &'static str,
    /// Its TypeScript type.
    pub ts: &'static str,
}

/// One event the element dispatches (as `status-widget:<name>`).
#[derive(Clone, Copy, Debug)]
pub struct EventDoc {
    /// The name after `status-widget:`.
    pub name: &'static str,
    /// When it is sent.
    pub when: &'static str,
    /// The TypeScript interface its `detail` is (`StatusWidgetEmptyDetail` for `{}`).
    pub detail_type: &'static str,
    /// What `detail` holds, in words.
    pub detail: &'static str,
}

/// A `detail` interface and its fields, in the order the widget writes them.
#[derive(Clone, Copy, Debug)]
pub struct DetailDoc {
    /// TypeScript interface name.
    pub name: &'static str,
    /// Its fields.
    pub fields: &'static [Field],
}

/// One CSS part (`::part(name)`).
#[derive(Clone, Copy, Debug)]
pub struct Part {
    /// The part name.
    pub name: &'static str,
    /// The element it names.
    pub description: &'static str,
}

/// One CSS custom property a host may set; its default comes from `styles/tokens.css`.
#[derive(Clone, Copy, Debug)]
pub struct CustomProperty {
    /// `--sw-…`.
    pub name: &'static str,
    /// What it styles.
    pub description: &'static str,
}

/// The values an incident-carrying event's `detail` holds.
const INCIDENT_FIELDS: &[Field] = &[
    Field { name: "id", ts: "string" },
    Field { name: "name", ts: "string" },
    Field { name: "status", ts: "string" },
    Field { name: "impact", ts: "string" },
    Field { name: "maintenance", ts: "boolean" },
    Field { name: "shortlink", ts: "string | null" },
    Field { name: "page", ts: "string | null" },
];

/// Every `detail` shape, by interface name.
pub const DETAILS: [DetailDoc; 4] = [
    DetailDoc {
        name: "StatusChangeDetail",
        fields: &[
            Field { name: "indicator", ts: "StatusIndicator" },
            Field { name: "description", ts: "string | null" },
            Field { name: "previous", ts: "StatusIndicator | null" },
            Field { name: "page", ts: "string | null" },
        ],
    },
    DetailDoc { name: "IncidentDetail", fields: INCIDENT_FIELDS },
    DetailDoc {
        name: "ErrorDetail",
        fields: &[
            Field { name: "kind", ts: "StatusWidgetErrorKind" },
            Field { name: "message", ts: "string" },
        ],
    },
    DetailDoc { name: "StatusWidgetEmptyDetail", fields: &[] },
];

/// The `kind` values of `status-widget:error`.
pub const ERROR_KINDS: [&str; 9] = [
    "network",
    "http",
    "timeout",
    "too-large",
    "not-json",
    "not-status-document",
    "unsupported",
    "no-match",
    "load",
];

/// The indicators Statuspage names (a feed may send another value: it is passed on as written).
pub const INDICATORS: [&str; 5] = ["none", "minor", "major", "critical", "maintenance"];

/// Every event, in the README's order.
pub const EVENTS: [EventDoc; 8] = [
    EventDoc {
        name: "status-change",
        when: "the overall indicator differs from the last picture shown (then `previous` is the indicator before), and once for the first picture: the first ever, the first after `src` or `components` changes or a replay step back in time, the first with another source's page in it (its `page` names them all), and the first with all of a base URL's documents in it, when its indicator differs from the summary's shown alone before it; for these `previous` is `null`",
        detail_type: "StatusChangeDetail",
        detail: "`{indicator, description, previous, page}`: `indicator` as the feed spells it (`none`, `minor`, `major`, `critical`, `maintenance`, or an unknown value as written); `description` the page's own words or `null`; `previous` the indicator before, `null` the first time; `page` the status page's name (several joined with \" · \") or `null`",
    },
    EventDoc {
        name: "incident-open",
        when: "an incident or maintenance became active",
        detail_type: "IncidentDetail",
        detail: "`{id, name, status, impact, maintenance, shortlink, page}`: `page` is the status page it is on when the widget shows several (their ids may repeat), else `null`",
    },
    EventDoc {
        name: "incident-update",
        when: "an active one got a new update or status",
        detail_type: "IncidentDetail",
        detail: "same as `incident-open`",
    },
    EventDoc {
        name: "incident-resolve",
        when: "an active one ended (or left the feed)",
        detail_type: "IncidentDetail",
        detail: "same as `incident-open`, with its final status",
    },
    EventDoc {
        name: "expand",
        when: "the timeline opened (click, Enter, Space)",
        detail_type: "StatusWidgetEmptyDetail",
        detail: "`{}`",
    },
    EventDoc {
        name: "collapse",
        when: "the timeline closed (click, Enter, Space, Escape)",
        detail_type: "StatusWidgetEmptyDetail",
        detail: "`{}`",
    },
    EventDoc {
        name: "dismiss",
        when: "the reader pressed the dismiss button (`dismissible`)",
        detail_type: "StatusWidgetEmptyDetail",
        detail: "`{}`",
    },
    EventDoc {
        name: "error",
        when: "the feed could not be read, or the `components` filter matches nothing in it (then no status-change is sent: the screen shows no status), or the widget's own wasm could not load (each widget then says so)",
        detail_type: "ErrorDetail",
        detail: "`{kind, message}`: `kind` one of `network`, `http`, `timeout`, `too-large`, `not-json`, `not-status-document`, `unsupported`, `no-match`, `load`; `message` a log line",
    },
];

/// Every CSS part.
pub const PARTS: [Part; 8] = [
    Part { name: "root", description: "the widget's box" },
    Part { name: "banner", description: "the banner button" },
    Part { name: "panel", description: "the expanded timeline" },
    Part { name: "dismiss", description: "the dismiss button (with `dismissible`)" },
    Part { name: "history", description: "the \"Past incidents\" section" },
    Part {
        name: "near-maintenance",
        description: "the line (a `<details>`) naming the maintenance an incident began during or soon after",
    },
    Part { name: "source", description: "the tag naming an incident's status page (several sources)" },
    Part { name: "notice", description: "the line naming a source that cannot be read (several sources)" },
];

/// Every custom property, in `styles/tokens.css`'s order.
pub const CUSTOM_PROPERTIES: [CustomProperty; 24] = [
    CustomProperty { name: "--sw-font", description: "font family" },
    CustomProperty {
        name: "--sw-font-size",
        description: "base size (14 px at the browser's default size); in `rem`, so the widget's text grows with the host's root font size (browser zoom and text-size settings), spacing with it",
    },
    CustomProperty { name: "--sw-radius", description: "corner radius" },
    CustomProperty { name: "--sw-gap", description: "spacing between controls" },
    CustomProperty { name: "--sw-max-width", description: "widest the widget grows" },
    CustomProperty { name: "--sw-surface", description: "background" },
    CustomProperty { name: "--sw-surface-raised", description: "background of raised areas (open entries, the replay bar)" },
    CustomProperty { name: "--sw-text", description: "text" },
    CustomProperty { name: "--sw-text-muted", description: "secondary text (times, notes)" },
    CustomProperty { name: "--sw-border", description: "lines and borders" },
    CustomProperty { name: "--sw-focus", description: "focus ring" },
    CustomProperty { name: "--sw-link", description: "links" },
    CustomProperty { name: "--sw-none", description: "colour of \"operational\" (indicator `none`)" },
    CustomProperty { name: "--sw-none-tint", description: "background of \"operational\"" },
    CustomProperty { name: "--sw-maintenance", description: "colour of maintenance" },
    CustomProperty { name: "--sw-maintenance-tint", description: "background of maintenance" },
    CustomProperty { name: "--sw-minor", description: "colour of a minor incident or degraded performance" },
    CustomProperty { name: "--sw-minor-tint", description: "background of minor" },
    CustomProperty { name: "--sw-major", description: "colour of a major incident or partial outage" },
    CustomProperty { name: "--sw-major-tint", description: "background of major" },
    CustomProperty { name: "--sw-critical", description: "colour of a critical incident or major outage" },
    CustomProperty { name: "--sw-critical-tint", description: "background of critical" },
    CustomProperty { name: "--sw-unknown", description: "colour of a status the widget does not know" },
    CustomProperty { name: "--sw-unknown-tint", description: "background of unknown" },
];

/// The stylesheet the custom properties' defaults are read from.
pub const TOKENS_CSS: &str = include_str!("../styles/tokens.css");

/// The `--sw-*` properties `styles/tokens.css` reads, with their defaults as written
/// (`light-dark(#ffffff, #161b22)` for colours), in its order.
pub fn token_defaults() -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut rest = TOKENS_CSS;
    while let Some(start) = rest.find("var(--sw-") {
        let after = &rest[start + 4..];
        let name_end = after.find([',', ')']).unwrap_or(after.len());
        let name = after[..name_end].trim().to_owned();
        // The default runs to the `)` that closes this `var(`.
        let mut depth = 0usize;
        let mut end = name_end;
        for (i, c) in after[name_end..].char_indices() {
            match c {
                '(' => depth += 1,
                ')' if depth == 0 => {
                    end = name_end + i;
                    break;
                }
                ')' => depth -= 1,
                _ => {}
            }
        }
        let default = after[name_end..end].trim_start_matches(',').trim().to_owned();
        found.push((name, default));
        rest = &after[end..];
    }
    found
}

/// A default as a person reads it: `light-dark(a, b)` becomes "`a` (dark `b`)".
fn readable_default(default: &str) -> String {
    match default.strip_prefix("light-dark(").and_then(|d| d.strip_suffix(')')) {
        Some(pair) => match pair.split_once(',') {
            Some((light, dark)) => format!("`{}` (dark `{}`)", light.trim(), dark.trim()),
            None => format!("`{default}`"),
        },
        None => format!("`{default}`"),
    }
}

fn default_of(name: &str) -> String {
    token_defaults().into_iter().find(|(n, _)| n == name).map(|(_, d)| d).unwrap_or_default()
}

/// Markdown cells may not hold a raw `|`.
fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}

/// The README's attributes table.
pub fn settings_table() -> String {
    let mut table =
        String::from("| name | type | default | example | what it does |\n|---|---|---|---|---|\n");
    for s in SETTINGS {
        table.push_str(&format!(
            "| `{}` | {} | {} | `{}` | {} |\n",
            s.name,
            cell(s.kind),
            cell(s.default),
            cell(s.example),
            cell(s.description)
        ));
    }
    table
}

/// The README's events table.
pub fn events_table() -> String {
    let mut table = String::from("| event | when | `detail` |\n|---|---|---|\n");
    for e in EVENTS {
        table.push_str(&format!("| `status-widget:{}` | {} | {} |\n", e.name, cell(e.when), cell(e.detail)));
    }
    table
}

/// The README's parts table.
pub fn parts_table() -> String {
    let mut table = String::from("| part | element |\n|---|---|\n");
    for p in PARTS {
        table.push_str(&format!("| `{}` | {} |\n", p.name, cell(p.description)));
    }
    table
}

/// The README's custom properties table.
pub fn properties_table() -> String {
    let mut table = String::from("| property | default | what |\n|---|---|---|\n");
    for p in CUSTOM_PROPERTIES {
        let default = readable_default(&default_of(p.name));
        table.push_str(&format!("| `{}` | {} | {} |\n", p.name, cell(&default), cell(p.description)));
    }
    table
}

/// The README with its four contract tables rewritten from the tables here. Each table is
/// found by its header row and runs to the first blank line.
pub fn readme_with_tables(readme: &str) -> String {
    let mut text = readme.to_owned();
    for table in [settings_table(), events_table(), parts_table(), properties_table()] {
        let header = table.lines().next().unwrap_or_default();
        let Some(start) = text.find(header) else { continue };
        let end = text[start..].find("\n\n").map_or(text.len(), |e| start + e + 1);
        text.replace_range(start..end, &table);
    }
    text
}

/// The README as the registries (npm, crates.io) show it: without the screenshot tables and
/// with links into the repository as plain text, since neither ships the files they name.
pub fn registry_readme(readme: &str) -> String {
    let kept: Vec<&str> = readme
        .split("\n\n")
        .filter(|block| !(block.lines().all(|l| l.starts_with('|')) && block.contains("![")))
        .collect();
    let text = unlink_relative(kept.join("\n\n").trim_end());
    format!(
        "<!-- Written by `cargo run --example contract` from the repository's README.md, for the\n\
         \x20    npm package and the crate: the screenshots and files it links to are not shipped. -->\n\n\
         {text}\n"
    )
}

/// `[text](path)` becomes `text` when `path` is a file of the repository (not a web address,
/// an anchor or an e-mail address). Code (inline, or fenced: backticks toggle it, over the
/// whole text) is left alone.
fn unlink_relative(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_code = false;
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == '`' {
            in_code = !in_code;
        } else if c == '[' && !in_code {
            if let Some((label, target, len)) = link(rest) {
                let external = ["http://", "https://", "#", "mailto:"].iter().any(|p| target.starts_with(p));
                if !external {
                    out.push_str(label);
                    rest = &rest[len..];
                    continue;
                }
            }
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// `[label](target)` at the start of `text`: the label, the target and the length taken.
fn link(text: &str) -> Option<(&str, &str, usize)> {
    let close = text.find("](")?;
    let label = &text[1..close];
    let end = close + text[close..].find(')')?;
    let target = &text[close + 2..end];
    let plain = !label.contains(['[', ']', '`', '\n']) && !target.contains([' ', '\n', '(']);
    plain.then_some((label, target, end + 1))
}

/// A `/** … */` comment from Markdown-ish text, indented by `indent`.
fn doc_comment(text: &str, indent: &str) -> String {
    let text = text.replace("*/", "*\\/");
    format!("{indent}/** {text} */\n")
}

fn interface_name(setting: &Setting) -> String {
    if setting.name.contains('-') {
        format!("'{}'", setting.name)
    } else {
        setting.name.to_owned()
    }
}

/// `status-widget.d.ts`: the element class, its events, the tag name map and React 19's JSX
/// element, for the npm package's `types`.
pub fn typescript() -> String {
    let mut ts = String::from(
        "// status-widget.d.ts: written by `cargo run --example contract` from src/config.rs and\n\
         // src/contract.rs (the tables the README's contract comes from). Do not edit by hand.\n\n",
    );
    let quoted = |list: &[&str]| list.iter().map(|v| format!("'{v}'")).collect::<Vec<_>>().join(" | ");
    ts.push_str(
        "/** An overall indicator: Statuspage's names, or another value a feed sent, as written. */\n",
    );
    ts.push_str(&format!("export type StatusIndicator = {} | (string & {{}});\n\n", quoted(&INDICATORS)));
    ts.push_str("/** What `status-widget:error`'s `detail.kind` says went wrong. */\n");
    ts.push_str(&format!("export type StatusWidgetErrorKind = {};\n\n", quoted(&ERROR_KINDS)));
    for detail in DETAILS {
        let users: Vec<String> = EVENTS
            .iter()
            .filter(|e| e.detail_type == detail.name)
            .map(|e| format!("`status-widget:{}`", e.name))
            .collect();
        ts.push_str(&doc_comment(&format!("The `detail` of {}.", users.join(", ")), ""));
        if detail.fields.is_empty() {
            ts.push_str(&format!("export type {} = Record<string, never>;\n\n", detail.name));
            continue;
        }
        ts.push_str(&format!("export interface {} {{\n", detail.name));
        for field in detail.fields {
            ts.push_str(&format!("  readonly {}: {};\n", field.name, field.ts));
        }
        ts.push_str("}\n\n");
    }
    ts.push_str(
        "/** Every event the element dispatches (bubbling and composed: `document` hears them too). */\n",
    );
    ts.push_str("export interface StatusWidgetEventMap {\n");
    for e in EVENTS {
        ts.push_str(&doc_comment(&format!("Sent when {}.", e.when), "  "));
        ts.push_str(&format!("  'status-widget:{}': CustomEvent<{}>;\n", e.name, e.detail_type));
    }
    ts.push_str("}\n\n");
    ts.push_str(
        "/** The element's attributes (the same names work as the standalone page's query parameters). */\n",
    );
    ts.push_str("export interface StatusWidgetAttributes {\n");
    for s in SETTINGS {
        ts.push_str(&doc_comment(&format!("{} Default: {}.", s.description, s.default), "  "));
        ts.push_str(&format!("  {}?: {} | undefined;\n", interface_name(&s), s.ts));
    }
    ts.push_str("}\n\n");
    ts.push_str(
        "/** `<status-widget>`: a status banner that expands into an incident timeline. */\n\
         export declare class StatusWidgetElement extends HTMLElement {\n\
         \x20 /** The package's version (the crate's too). */\n\
         \x20 static readonly version: string;\n\
         \x20 /** The attribute names the element observes: every key of `StatusWidgetAttributes`, and `lang` and `dir` (empty before the wasm is ready). */\n\
         \x20 static readonly observedAttributes: ReadonlyArray<string>;\n\
         \x20 /** \"Datto status\" in the language `lang` names, from the widget's message table (the name alone before the wasm is ready). */\n\
         \x20 static statusTitle(name: string, lang?: string): string;\n\
         \x20 addEventListener<K extends keyof StatusWidgetElementEventMap>(type: K, listener: (this: StatusWidgetElement, event: StatusWidgetElementEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;\n\
         \x20 addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;\n\
         \x20 removeEventListener<K extends keyof StatusWidgetElementEventMap>(type: K, listener: (this: StatusWidgetElement, event: StatusWidgetElementEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;\n\
         \x20 removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;\n\
         }\n\n\
         /** The element's events beside those of every HTML element. */\n\
         export interface StatusWidgetElementEventMap extends HTMLElementEventMap, StatusWidgetEventMap {}\n\n\
         /** The package's version (the crate's too). */\n\
         export declare const version: string;\n\n",
    );
    ts.push_str(
        "declare global {\n\
         \x20 interface HTMLElementTagNameMap {\n\
         \x20   'status-widget': StatusWidgetElement;\n\
         \x20 }\n\
         \x20 // The events bubble out of the element and its shadow root, up to the window.\n\
         \x20 interface DocumentEventMap extends StatusWidgetEventMap {}\n\
         \x20 interface WindowEventMap extends StatusWidgetEventMap {}\n\
         }\n",
    );
    ts
}

/// `react.d.ts`: `<status-widget>` in React 19's JSX, for `import 'status-widget/react'`. Apart
/// from `status-widget.d.ts` because it needs React's types: a project without them (or with
/// `react` but not `@types/react`) type-checks the main entry all the same.
pub fn typescript_react() -> String {
    let mut ts = String::from(
        "// react.d.ts: written by `cargo run --example contract` from src/config.rs and\n\
         // src/contract.rs. Do not edit by hand. `import 'status-widget/react'` defines the element\n\
         // (as `import 'status-widget'` does) and adds it to React 19's JSX.\n\n\
         import type { HTMLAttributes, Key, Ref } from 'react';\n\
         import type { StatusWidgetAttributes, StatusWidgetElement, StatusWidgetEventMap } from './status-widget.js';\n\n\
         export * from './status-widget.js';\n\n\
         /** Listeners React 19 adds for `on<event name>` props on a custom element. */\n\
         export type StatusWidgetReactEvents = {\n",
    );
    for e in EVENTS {
        ts.push_str(&format!(
            "  'onstatus-widget:{}'?: ((event: StatusWidgetEventMap['status-widget:{}']) => void) | undefined;\n",
            e.name, e.name
        ));
    }
    ts.push_str(
        "};\n\n\
         /** Props of `<status-widget>` in React 19's JSX: its attributes and events, and every\n\
         \x20* prop React gives an HTML element (`className`, `style`, `title`, `onClick`, `aria-*`, …). */\n\
         export type StatusWidgetReactProps = Omit<HTMLAttributes<StatusWidgetElement>, keyof StatusWidgetAttributes> &\n\
         \x20 StatusWidgetAttributes &\n\
         \x20 StatusWidgetReactEvents & {\n\
         \x20   ref?: Ref<StatusWidgetElement> | undefined;\n\
         \x20   key?: Key | null | undefined;\n\
         \x20 };\n\n\
         declare module 'react' {\n\
         \x20 namespace JSX {\n\
         \x20   interface IntrinsicElements {\n\
         \x20     'status-widget': StatusWidgetReactProps;\n\
         \x20   }\n\
         \x20 }\n\
         }\n",
    );
    ts
}

/// A setting's default, for the manifest: the literal value where there is one.
fn manifest_default(setting: &Setting) -> Option<String> {
    let d = setting.default;
    let literal = d.strip_prefix('`').and_then(|d| d.strip_suffix('`')).filter(|d| !d.contains('`'));
    match literal {
        Some(value) => Some(value.to_owned()),
        None if d.bytes().all(|b| b.is_ascii_digit()) || d == "false" => Some(d.to_owned()),
        None => None,
    }
}

/// `custom-elements.json`, in schema 2.1.0, for the package version `version`.
pub fn manifest(version: &str) -> String {
    let attributes: Vec<Value> = SETTINGS
        .iter()
        .map(|s| {
            let mut a = json!({
                "name": s.name,
                "type": { "text": s.ts },
                "description": format!("{} Accepts: {}.", s.description, s.kind),
            });
            if let Some(default) = manifest_default(s) {
                a["default"] = json!(default);
            }
            a
        })
        .collect();
    let events: Vec<Value> = EVENTS
        .iter()
        .map(|e| {
            json!({
                "name": format!("status-widget:{}", e.name),
                "type": { "text": format!("CustomEvent<{}>", e.detail_type) },
                "description": format!("Sent when {}. `detail`: {}.", e.when, e.detail),
            })
        })
        .collect();
    let parts: Vec<Value> =
        PARTS.iter().map(|p| json!({ "name": p.name, "description": p.description })).collect();
    let properties: Vec<Value> = CUSTOM_PROPERTIES
        .iter()
        .map(|p| json!({ "name": p.name, "default": default_of(p.name), "description": p.description }))
        .collect();
    let manifest = json!({
        "schemaVersion": "2.1.0",
        "modules": [{
            "kind": "javascript-module",
            "path": "status-widget.js",
            "description": "Defines <status-widget> when imported (once the wasm has loaded).",
            "declarations": [{
                "kind": "variable",
                "name": "version",
                "type": { "text": "string" },
                "default": format!("\"{version}\""),
                "description": "The package's version (the crate's too)."
            }, {
                "kind": "class",
                "name": "StatusWidgetElement",
                "tagName": "status-widget",
                "customElement": true,
                "summary": "A status banner that expands into an incident timeline, for any Statuspage v2 feed.",
                "description": format!("status-widget {version}. Renders into an open shadow root; restyle it through the CSS parts and custom properties."),
                "superclass": { "name": "HTMLElement", "package": "global:" },
                "attributes": attributes,
                "events": events,
                "cssParts": parts,
                "cssProperties": properties,
                "members": [
                    { "kind": "field", "name": "observedAttributes", "static": true, "readonly": true, "type": { "text": "ReadonlyArray<string>" }, "description": "Every attribute above, and `lang` and `dir`." },
                    { "kind": "field", "name": "version", "static": true, "readonly": true, "type": { "text": "string" }, "default": format!("\"{version}\""), "description": "The package's version (the crate's too)." },
                    { "kind": "method", "name": "statusTitle", "static": true,
                      "description": "\"Datto status\" in the language `lang` names, from the widget's message table.",
                      "parameters": [ { "name": "name", "type": { "text": "string" } }, { "name": "lang", "optional": true, "type": { "text": "string" } } ],
                      "return": { "type": { "text": "string" } } }
                ]
            }],
            "exports": [
                { "kind": "custom-element-definition", "name": "status-widget", "declaration": { "name": "StatusWidgetElement", "module": "status-widget.js" } },
                { "kind": "js", "name": "StatusWidgetElement", "declaration": { "name": "StatusWidgetElement", "module": "status-widget.js" } },
                { "kind": "js", "name": "version", "declaration": { "name": "version", "module": "status-widget.js" } }
            ]
        }]
    });
    let mut text = serde_json::to_string_pretty(&manifest).unwrap_or_default();
    text.push('\n');
    text
}

/// The bundle's modules, `src/embed/status-widget-NAME.js`: one for each language but
/// English (which the wasm holds), and the reference incident's documents. Their paths and
/// texts. The entry loads the ones a widget needs before it renders (`src/i18n.rs`'s
/// `loaded`, `src/feed.rs`'s `reference_module`).
pub fn modules() -> Vec<(String, String)> {
    let languages = crate::i18n::Lang::ALL
        .iter()
        .filter_map(|lang| Some((format!("lang-{}", lang.primary()), lang.module_text()?)));
    languages
        .chain([("reference".to_owned(), crate::feed::reference_module_text())])
        .map(|(name, text)| {
            let literal = serde_json::to_string(&text).unwrap_or_default();
            (format!("src/embed/status-widget-{name}.js"), format!("export default {literal};\n"))
        })
        .collect()
}
