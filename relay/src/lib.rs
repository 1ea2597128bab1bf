//! status-relay: reads the status pages its config names, translates them into the widget's
//! model ([`adapters`]), and serves them as Statuspage v2 ([`encode`]), with a live stream of
//! changes.

pub mod adapters;
pub mod encode;
