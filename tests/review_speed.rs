//! Native tests from the review of the size and speed commits (c12648a..8ee2844): the
//! NUL-separated message table, humanize's platform upper-casing, and make_unique's list.
#![cfg(not(target_arch = "wasm32"))]

use status_widget::feed::decode;
use status_widget::i18n::{Key, Lang};
use status_widget::labels;
use status_widget::model::{ComponentStatus, Snapshot};

fn feed(json: &str) -> Snapshot {
    decode(json.as_bytes()).unwrap_or_else(|e| panic!("{e}: {json}")).1
}

/// Each language's table is cut at NULs by key order: the last key still reads its own text
/// in every language (a NUL inside a message, or a language out of `Lang`'s order, would
/// shift it), and no text holds a NUL.
#[test]
fn the_message_table_gives_every_language_its_own_text_up_to_the_last_key() {
    let last: Vec<&str> = Lang::ALL.iter().map(|l| l.t(Key::JustNow)).collect();
    assert_eq!(last, ["just now", "ahora mismo", "gerade eben", "à l’instant", "agora mesmo", "الآن"]);
    assert_eq!(Lang::Ar.t(Key::AllOperational), "جميع الأنظمة تعمل");
    assert_eq!(Lang::De.t(Key::UpdateOf), " · Meldung {0} von {1}");
    for key in Key::ALL {
        for lang in Lang::ALL {
            assert!(!lang.t(*key).contains('\0'), "{key:?} in {lang:?}");
        }
    }
}

/// The first letter upper-cased as `char::to_uppercase` did, multi-byte ones included.
#[test]
fn humanize_upper_cases_a_multi_byte_first_letter() {
    let words =
        |raw: &str| labels::component_status(&ComponentStatus::Other(raw.into()), Lang::En).into_owned();
    assert_eq!(words("élan_vital"), "Élan vital");
    assert_eq!(words("ßig"), "SSig");
    assert_eq!(words("ǆ-x"), "Ǆ x");
    assert_eq!(words("日本_語"), "日本 語");
    assert_eq!(words("  "), "Unknown");
}

/// A repeated id gets `#n` (n: its place from the oldest); when the feed already has an id
/// spelled that way, further on in the walk, the made-up id must not equal it: views key
/// incident lists by id (yew asserts unique keys in debug builds). The decoder then writes
/// `#n.k`.
#[test]
fn a_made_up_id_never_equals_an_id_of_the_feed() {
    let incident = |id: &str| {
        format!(
            r#"{{"id":"{id}","name":"Incident {id}","status":"resolved","impact":"minor","created_at":"2024-01-01T00:00:00Z","incident_updates":[]}}"#
        )
    };
    // Newest first: the oldest ("a#2") is walked first, then "a", then "a" again → "a#2".
    let document = format!(
        r#"{{"page":{{"id":"p","name":"P"}},"incidents":[{},{},{}]}}"#,
        incident("a"),
        incident("a"),
        incident("a#2")
    );
    let mut ids: Vec<String> = feed(&document).incidents.iter().map(|i| i.id.clone()).collect();
    let all = ids.clone();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 3, "ids not unique: {all:?}");
}
