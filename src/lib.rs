//! # status-widget
//!
//! A status banner that expands into an incident timeline, for any page that serves the
//! Statuspage v2 public API. The data flows one way:
//!
//! ```text
//! feed (fetch; decode every Statuspage v2 document kind)  →  model::Snapshot (pure data)
//!   →  Snapshot::as_of(now) (replay)  →  state (pure reducer)  →  components (yew views)
//! ```
//!
//! Read a feed and ask what is going on:
//!
//! ```
//! let (_, snapshot) = status_widget::feed::decode(br#"{
//!     "page": {"name": "Example"},
//!     "status": {"indicator": "minor", "description": "Partially Degraded Service"},
//!     "components": [], "incidents": []
//! }"#).unwrap();
//! assert_eq!(snapshot.overall().description.as_deref(), Some("Partially Degraded Service"));
//! assert!(snapshot.active().is_empty());
//! ```
//!
//! Everything but the views and the browser client builds and tests natively.
#![deny(missing_docs)]

pub mod config;
pub mod events;
pub mod feed;
pub mod i18n;
pub mod labels;
pub mod model;
mod order;
pub mod state;
pub mod text;
pub mod time;

#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod embed;
#[cfg(target_arch = "wasm32")]
mod styles;

/// The widget as a yew component, for yew apps (the custom element wraps the same thing).
#[cfg(target_arch = "wasm32")]
pub use components::{App as StatusWidget, AppProps as StatusWidgetProps};

/// Attaches the widget's stylesheet to the page's document, for yew apps that render
/// [`StatusWidget`] directly (the custom element does this for its shadow root).
#[cfg(target_arch = "wasm32")]
pub fn adopt_styles_into_document() {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        if let Err(error) = styles::adopt(&document) {
            web_sys::console::warn_2(&"status-widget: styles not applied:".into(), &error);
        }
    }
}
