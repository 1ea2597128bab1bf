//! The views: props in, `Html` out, no I/O. Class names follow BEM (`sw-banner__name`,
//! `sw-banner--major`); colours come from `--sw-*` tokens in `styles/`.

mod app;
mod badge;
mod banner;
mod body_text;
mod component_tree;
mod error_notice;
mod freshness;
mod incident_timeline;
mod panel;
mod replay_bar;
mod show_more;
mod update_entry;

pub use app::{App, AppProps};

use crate::model::Severity;

/// The BEM modifier for a severity: `none`, `maintenance`, `minor`, `major`, `critical`.
pub(crate) fn tone(severity: Severity) -> &'static str {
    match severity {
        Severity::None => "none",
        Severity::Maintenance => "maintenance",
        Severity::Minor => "minor",
        Severity::Major => "major",
        Severity::Critical => "critical",
    }
}
