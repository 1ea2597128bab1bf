//! The views: props in, `Html` out, no I/O. Class names follow BEM (`sw-banner__name`,
//! `sw-banner--major`); colours come from `--sw-*` tokens in `styles/`.

mod app;
mod badge;
mod banner;
mod body_text;
mod component_tree;
mod error_notice;
mod freshness;
mod history;
mod incident_timeline;
mod panel;
mod replay_bar;
mod show_more;
mod update_entry;

pub use app::{App, AppProps};

use yew::{html, Html};

use crate::i18n::Lang;
use crate::model::{Severity, Time};
use crate::time::{self, TimeStyle};

/// The language of the widget's words, provided by [`App`] to every view.
#[yew::hook]
pub(crate) fn use_lang() -> Lang {
    yew::functional::use_context::<Lang>().unwrap_or_default()
}

/// The tag name of a heading at `level` (2 to 6).
pub(crate) fn heading(level: u8) -> &'static str {
    match level {
        0..=2 => "h2",
        3 => "h3",
        4 => "h4",
        5 => "h5",
        _ => "h6",
    }
}

/// The name of the status page something comes from, when the widget shows several.
pub(crate) fn source_tag(label: &str) -> Html {
    html! { <span class="sw-source" part="source">{ label.to_owned() }</span> }
}

/// An instant as the reader reads it, with the exact instant and the status page's own
/// zone on hover.
pub(crate) fn moment(at: Time, times: &TimeStyle, class: &'static str) -> Html {
    html! {
        <time class={(!class.is_empty()).then_some(class)} datetime={time::machine(at)} title={time::hover(at, times)} lang={times.intl_lang()}>
            { time::local(at, times) }
        </time>
    }
}

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
