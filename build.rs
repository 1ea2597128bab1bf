//! Shrinks what is compiled into the wasm, at build time: the widget's CSS without comments
//! and layout whitespace, and the reference feed's JSON without indentation. The sources in
//! `styles/` and `src/reference/` stay readable.

use std::{env, fs, path::Path};

const STYLES: [&str; 6] = ["tokens", "app", "banner", "timeline", "replay", "modes"];
const REFERENCE: [&str; 3] = ["summary", "incidents", "scheduled-maintenances"];

fn main() {
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let mut css = String::new();
    for name in STYLES {
        let path = format!("styles/{name}.css");
        println!("cargo:rerun-if-changed={path}");
        css.push_str(&minify_css(&fs::read_to_string(&path).expect("stylesheet")));
    }
    fs::write(Path::new(&out).join("widget-document.css"), for_document(&css))
        .expect("write widget-document.css");
    fs::write(Path::new(&out).join("widget.css"), css).expect("write widget.css");
    for name in REFERENCE {
        let path = format!("src/reference/{name}.json");
        println!("cargo:rerun-if-changed={path}");
        let value: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(&path).expect("reference JSON")).expect("valid JSON");
        let compact = serde_json::to_string(&value).expect("serialise");
        fs::write(Path::new(&out).join(format!("{name}.json")), compact).expect("write reference JSON");
    }
}

/// The same stylesheet for a yew app that renders the component into its own document
/// (`adopt_styles_into_document`): there is no host element, so the placements the element's
/// `:host([mode=…])` rules make are made on the widget's root, by its mode classes.
fn for_document(css: &str) -> String {
    const HOST_RULES: [(&str, &str); 7] = [
        (":host{display: block}", ""),
        (":host([hidden])", ".sw[hidden]"),
        (":host([mode=\"bar\"])", ".sw--bar"),
        (":host([mode=\"corner\"][corner=\"bottom-left\"])", ".sw--corner-bottom-left"),
        (":host([mode=\"corner\"][corner=\"top-left\"])", ".sw--corner-top-left"),
        (":host([mode=\"corner\"][corner=\"top-right\"])", ".sw--corner-top-right"),
        (":host([mode=\"corner\"])", ".sw--corner"),
    ];
    let mut document = css.to_owned();
    for (host, root) in HOST_RULES {
        assert!(document.contains(host), "styles/modes.css no longer has {host}: update build.rs");
        document = document.replace(host, root);
    }
    assert!(!document.contains(":host"), "a :host rule build.rs does not translate for the document");
    document
}

/// Drops comments, collapses whitespace, and removes it around `{`, `}`, `;` and `,`.
/// Spaces inside values (`calc(100vw - 2rem)`, `rgb(0 0 0 / 0.2)`) and between selectors
/// (`.a .b`) are kept.
fn minify_css(source: &str) -> String {
    let mut text = String::with_capacity(source.len());
    let mut rest = source;
    while let Some(start) = rest.find("/*") {
        text.push_str(&rest[..start]);
        rest = rest[start..].find("*/").map_or("", |end| &rest[start + end + 2..]);
    }
    text.push_str(rest);
    let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::with_capacity(collapsed.len());
    let chars: Vec<char> = collapsed.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        let tight = |c: Option<&char>| matches!(c, Some('{' | '}' | ';' | ','));
        if *c == ' ' && (tight(chars.get(i + 1)) || (i > 0 && tight(chars.get(i - 1)))) {
            continue;
        }
        out.push(*c);
    }
    out.replace(";}", "}")
}
