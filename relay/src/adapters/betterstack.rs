//! TODO: adapter.

use serde_json::Value;
use status_widget::model::Snapshot;

use super::AdaptError;

/// The documents to fetch, the required one first.
pub fn documents() -> Vec<(String, bool)> {
    Vec::new()
}

/// The documents into one picture.
pub fn adapt(_documents: &[Option<Value>]) -> Result<Snapshot, AdaptError> {
    Ok(Snapshot::default())
}
