//! The last good feed per `src`, kept in `localStorage` so a page paints at once, before the
//! network answers. The entry format is pure and tested natively; the storage calls (browser
//! only) swallow every failure: storage may be missing, full, or forbidden.
//!
//! Format: `status-widget-cache-v1\0<saved_at millis>\0<document>\0<document>…`. JSON text
//! cannot contain a raw NUL (control characters are escaped), so NUL separates safely.

use crate::model::Time;

/// Version tag; a new format gets a new tag and old entries are ignored.
const VERSION: &str = "status-widget-cache-v1";

/// The largest entry written (characters); bigger feeds are simply not cached.
pub const MAX_ENTRY_CHARS: usize = 1_000_000;

/// The storage key for a `src`.
pub fn key(src: &str) -> String {
    format!("{VERSION}:{src}")
}

/// Writes an entry, or `None` when it would be over [`MAX_ENTRY_CHARS`].
pub fn encode(saved_at: Time, documents: &[String]) -> Option<String> {
    let mut entry = format!("{VERSION}\0{}", saved_at.timestamp_millis());
    for document in documents {
        entry.push('\0');
        entry.push_str(document);
    }
    (entry.len() <= MAX_ENTRY_CHARS).then_some(entry)
}

/// Reads an entry: when it was saved and its documents. `None` for another version or
/// anything damaged.
pub fn decode(entry: &str) -> Option<(Time, Vec<&str>)> {
    let mut parts = entry.split('\0');
    if parts.next()? != VERSION {
        return None;
    }
    let saved_at = chrono::DateTime::from_timestamp_millis(parts.next()?.parse().ok()?)?;
    let documents: Vec<&str> = parts.collect();
    (!documents.is_empty()).then_some((saved_at, documents))
}

#[cfg(target_arch = "wasm32")]
pub(crate) mod storage {
    use web_sys::Storage;

    fn local() -> Option<Storage> {
        // Throws (Err) in sandboxed frames and some privacy modes; None where absent.
        web_sys::window()?.local_storage().ok().flatten()
    }

    /// The entry for `key`, if storage works and has one.
    pub fn read(key: &str) -> Option<String> {
        local()?.get_item(key).ok().flatten()
    }

    /// Stores `entry`; on a quota error drops the old entry instead, so a stale copy never
    /// outlives a failed write.
    pub fn write(key: &str, entry: &str) {
        if let Some(storage) = local() {
            if storage.set_item(key, entry).is_err() {
                let _ = storage.remove_item(key);
            }
        }
    }
}
