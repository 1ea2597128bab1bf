//! Fuzzes everything a feed reaches: decoding, the pure model operations the views call, and
//! the rich-text parser on the same bytes. Any panic is a bug: a feed must never crash the
//! widget.
#![no_main]

use libfuzzer_sys::fuzz_target;
use status_widget::events::changes;
use status_widget::feed::decode;
use status_widget::text::{parse, plain_text, safe_href};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let blocks = parse(&text);
    let _ = plain_text(&blocks);
    let _ = safe_href(&text);

    if let Ok((_, snapshot)) = decode(data) {
        let _ = snapshot.overall();
        let _ = snapshot.active();
        let _ = snapshot.troubled_components();
        let moments = snapshot.moments();
        let mut previous = None;
        for at in moments.iter().rev().take(4) {
            let past = snapshot.as_of(*at);
            let _ = changes(previous.as_ref(), &past);
            for incident in past.incidents.iter().chain(&past.maintenances) {
                let _ = incident.component_names();
                let _ = incident.began();
                for update in &incident.updates {
                    let _ = parse(&update.body);
                }
            }
            previous = Some(past);
        }
        let names: Vec<String> = snapshot.components.iter().take(3).map(|c| c.name.clone()).collect();
        let _ = snapshot.filtered(&names).overall();
        let _ = snapshot.clone().merge(snapshot);
    }
});
