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
//!
//! ## In a yew app
//!
//! On `wasm32`, `StatusWidget` is the widget as a yew component (the `<status-widget>`
//! element wraps the same one). Its settings are the element's attributes, read through
//! [`config::Config::from_lookup`]; `on_event` hears what the element would dispatch as DOM
//! events. `examples/yew-host` in the repository is this code, built for the browser:
//!
//! ```ignore
//! use status_widget::{config::Config, events::WidgetEvent, StatusWidget};
//! use yew::prelude::*;
//!
//! #[function_component]
//! fn Header() -> Html {
//!     let settings = [("src", "https://www.githubstatus.com"), ("mode", "bar")];
//!     let config = Config::from_lookup(|name| {
//!         settings.iter().find(|(key, _)| *key == name).map(|(_, value)| value.to_string())
//!     })
//!     .0;
//!     let last_event = use_state(|| String::from("none yet"));
//!     let on_event = {
//!         let last_event = last_event.setter();
//!         Callback::from(move |event: WidgetEvent| last_event.set(event.name().to_owned()))
//!     };
//!     html! {
//!         <header>
//!             <StatusWidget {config} on_event={Some(on_event)} />
//!             <small>{ format!("last widget event: {}", *last_event) }</small>
//!         </header>
//!     }
//! }
//!
//! fn main() {
//!     // The component's stylesheet, adopted by the document (the element adopts it into
//!     // its shadow root instead).
//!     status_widget::adopt_styles_into_document();
//!     yew::Renderer::<Header>::new().render();
//! }
//! ```
//!
//! `cargo add status-widget` (and `yew` with the `csr` feature) is all it takes; the crate
//! compiles its stylesheet and reference feed in.
#![deny(missing_docs)]

pub mod config;
#[cfg(not(target_arch = "wasm32"))]
#[doc(hidden)]
pub mod contract;
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
/// The `<status-widget>` element's wasm half, for the bundle (feature `element`).
#[cfg(all(target_arch = "wasm32", feature = "element"))]
pub mod embed;

/// The bundle's allocator: talc, smaller than std's dlmalloc in the wasm, growing the memory
/// in steps of its own ([`allocator::GrowInSteps`]). Only in the element's build: a yew app
/// that depends on the crate keeps its own allocator.
#[cfg(all(target_arch = "wasm32", feature = "element"))]
#[global_allocator]
static ALLOCATOR: talc::cell::TalcSyncCell<allocator::GrowInSteps, talc::wasm::WasmBinning> =
    talc::cell::TalcSyncCell::new_wasm(allocator::GrowInSteps { end: None });

#[cfg(all(target_arch = "wasm32", feature = "element"))]
mod allocator {
    use core::alloc::Layout;
    use core::ptr::NonNull;

    use talc::base::binning::Binning;
    use talc::base::Talc;

    /// A wasm page.
    const PAGE: usize = 64 * 1024;
    /// The least the memory grows by: 256 KiB.
    const STEP_PAGES: usize = 4;

    /// talc's `WasmGrowAndExtend`, but growing the memory at least [`STEP_PAGES`], or a
    /// quarter of what it is, at a time.
    /// talc's own source grows by just enough, a page at a time, and each `memory.grow`
    /// costs V8 time: decoding a big feed (Duo's 539 components) spent 8-13 ms growing the
    /// memory page by page, against 0.2 ms with dlmalloc.
    #[derive(Debug)]
    pub struct GrowInSteps {
        /// The end of the heap, once there is one.
        pub end: Option<NonNull<u8>>,
    }

    // SAFETY: as talc's `WasmGrowAndExtend`, which this follows: it calls no allocator, and
    // hands talc only memory it has just grown, which nothing else uses.
    unsafe impl talc::source::Source for GrowInSteps {
        fn acquire<B: Binning>(talc: &mut Talc<Self, B>, layout: Layout) -> Result<(), ()> {
            // The allocation, its alignment, and a page to spare for talc's own bookkeeping
            // (its bins, with the first heap) and chunk headers.
            let needed = layout.size().saturating_add(layout.align()).saturating_add(PAGE);
            // At least a step, and a quarter of the memory there is: a feed that needs
            // megabytes gets them in a few grows.
            let quarter = core::arch::wasm32::memory_size::<0>() / 4;
            let pages = needed.div_ceil(PAGE).max(STEP_PAGES).max(quarter);
            let mut pages = pages;
            let mut previous = core::arch::wasm32::memory_grow::<0>(pages);
            if previous == usize::MAX {
                // No room for a whole step: just what this allocation needs.
                pages = needed.div_ceil(PAGE);
                previous = core::arch::wasm32::memory_grow::<0>(pages);
                if previous == usize::MAX {
                    return Err(());
                }
            }
            let base = (previous * PAGE) as *mut u8;
            let bytes = pages * PAGE;
            // The end of the memory, short of the top of the address space (as talc's own).
            let new_end = base.wrapping_add(bytes.min(usize::MAX - base as usize));
            if let Some(old_end) = talc.source.end.take() {
                if old_end.as_ptr() == base {
                    // SAFETY: the memory from the old end to the new one was just grown.
                    talc.source.end = Some(unsafe { talc.extend(old_end, new_end) });
                    return Ok(());
                }
            }
            // SAFETY: `base..base + bytes` was just grown and is used by nothing else.
            talc.source.end = unsafe { talc.claim(base, bytes) };
            Ok(())
        }
    }
}
#[cfg(target_arch = "wasm32")]
mod styles;

/// The crate's version, which is also the npm package's: `StatusWidgetElement.version` and the
/// prefix of every console message (`status-widget 0.1.0: …`).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// What every console message of the widget starts with: its name and version.
#[cfg(target_arch = "wasm32")]
pub(crate) const LOG_PREFIX: &str = concat!("status-widget ", env!("CARGO_PKG_VERSION"), ":");

/// The widget as a yew component, for yew apps (the custom element wraps the same thing).
#[cfg(target_arch = "wasm32")]
pub use components::{App as StatusWidget, AppProps as StatusWidgetProps};

/// Attaches the widget's stylesheet to the page's document, for yew apps that render
/// [`StatusWidget`] directly (the custom element does this for its shadow root).
#[cfg(target_arch = "wasm32")]
pub fn adopt_styles_into_document() {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        if let Err(error) = styles::adopt_into_document(&document) {
            web_sys::console::warn_2(&format!("{LOG_PREFIX} styles not applied:").into(), &error);
        }
    }
}
