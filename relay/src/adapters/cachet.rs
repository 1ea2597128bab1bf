//! TODO: adapter.

use serde_json::Value;
use status_widget::model::Snapshot;

use super::AdaptError;

/// Cachet 2.x's documents, the required one first.
pub fn documents_v2() -> Vec<(String, bool)> {
    Vec::new()
}

/// Cachet 3.x's documents, the required one first.
pub fn documents_v3() -> Vec<(String, bool)> {
    Vec::new()
}

/// The documents into one picture.
pub fn adapt(_documents: &[Option<Value>]) -> Result<Snapshot, AdaptError> {
    Ok(Snapshot::default())
}
