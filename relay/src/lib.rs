//! status-relay: reads the status pages its config names, translates them into the widget's
//! model ([`adapters`]), and serves them as Statuspage v2 ([`encode`], [`server`]), with a
//! live stream of changes.

pub mod adapters;
pub mod config;
pub mod encode;
pub mod feed;
pub mod metrics;
pub mod server;
pub mod upstream;
