//! Statuspage v2 itself: passed through the widget's own decoder, so the relay serves what
//! the widget would have read, normalised (one encoder for every product).

use serde_json::Value;
use status_widget::feed::{decode, FeedError};
use status_widget::model::Snapshot;

use super::read::wrong_kind;
use super::AdaptError;

/// `summary.json` (required), then the incident history and the maintenances.
pub fn documents() -> Vec<(String, bool)> {
    ["api/v2/summary.json", "api/v2/incidents.json", "api/v2/scheduled-maintenances.json"]
        .iter()
        .enumerate()
        .map(|(i, path)| ((*path).to_owned(), i == 0))
        .collect()
}

/// Each document through the widget's decoder, merged as the widget merges them.
pub fn adapt(documents: &[Option<Value>]) -> Result<Snapshot, AdaptError> {
    let mut snapshot = Snapshot::default();
    for (index, document) in documents.iter().enumerate() {
        let Some(document) = document else { continue };
        let bytes = serde_json::to_vec(document).unwrap_or_default();
        match decode(&bytes) {
            Ok((_, part)) => snapshot = snapshot.merge(part),
            Err(FeedError::NotStatusDocument | FeedError::Unsupported(_)) if index == 0 => {
                return Err(wrong_kind("summary.json", "a Statuspage v2 summary.json", document));
            }
            // A history document of another shape is left out, as the widget leaves it out.
            Err(_) => {}
        }
    }
    Ok(snapshot)
}
