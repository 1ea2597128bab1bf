//! Shared helpers for the native tests.
#![allow(dead_code)]

use std::path::PathBuf;

use status_widget::feed::{decode, DocumentKind};
use status_widget::model::{Snapshot, Time};

/// The shared real-feed fixtures (`../shared/fixtures`, or `$STATUS_WIDGET_FIXTURES`).
/// Missing under CI is a failure; missing locally is reported and the test returns `None`.
pub fn shared_fixtures() -> Option<PathBuf> {
    let dir = std::env::var_os("STATUS_WIDGET_FIXTURES")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures"));
    if dir.is_dir() {
        return Some(dir);
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("fixture folder {} is missing (CI=true: this is a failure, not a skip)", dir.display());
    }
    eprintln!("skipping: fixture folder {} is missing", dir.display());
    None
}

/// Decodes one of the shared fixtures by file name (under `statuspage/`).
pub fn shared(name: &str) -> Option<(DocumentKind, Snapshot)> {
    let path = shared_fixtures()?.join("statuspage").join(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Some(decode(&bytes).unwrap_or_else(|e| panic!("{name}: {e}")))
}

/// Decodes one of our own quirk fixtures (`tests/feeds/`).
pub fn own(name: &str) -> Result<(DocumentKind, Snapshot), status_widget::feed::FeedError> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/feeds").join(name);
    decode(&std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
}

/// Parses an RFC 3339 instant in a test.
pub fn at(s: &str) -> Time {
    status_widget::feed::parse_time(s).unwrap_or_else(|| panic!("bad test time {s}"))
}

/// Every link anywhere in the blocks.
pub fn hrefs(blocks: &[status_widget::text::Block]) -> Vec<String> {
    use status_widget::text::{Block, Inline};
    fn walk(items: &[status_widget::text::Inline], out: &mut Vec<String>) {
        for item in items {
            match item {
                Inline::Link { href, children } => {
                    out.push(href.clone());
                    walk(children, out);
                }
                Inline::Strong(c) | Inline::Emphasis(c) => walk(c, out),
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    for block in blocks {
        match block {
            Block::Paragraph(items) => walk(items, &mut out),
            Block::List { items, .. } => items.iter().for_each(|i| walk(i, &mut out)),
        }
    }
    out
}
