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
mod part;
mod replay_bar;
mod show_more;
mod update_entry;

pub use app::{App, AppProps};

use yew::{html, Html};

use crate::i18n::{Key, Lang, Piece};
use crate::model::{Severity, Time};
use crate::time::{self, TimeStyle};

/// `base` with its BEM modifier (`sw-icon sw-icon--major`), for an element's `className`
/// property (`~className=`): a computed `class=` goes through yew's `Classes`, an index set
/// of strings whose code costs the wasm kilobytes.
pub(crate) fn modified(base: &str, modifier: &str) -> String {
    let mut class = String::with_capacity(2 * base.len() + modifier.len() + 3);
    for part in [base, " ", base, "--", modifier] {
        class.push_str(part);
    }
    class
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

/// `true` or `false`, for `aria-expanded` (a static string: no formatting, no allocation).
pub(crate) fn true_false(value: bool) -> &'static str {
    if value {
        "true"
    } else {
        "false"
    }
}

/// A heading at `level` (2 to 6) with a static class: built here once, where each `<@{tag}>`
/// of `html!` compiles its own copy of yew's run-time checks (input, textarea, void tags).
pub(crate) fn heading_element(level: u8, class: &'static str, content: Html) -> Html {
    let mut tag = yew::virtual_dom::VTag::new(heading(level));
    tag.set_attributes(yew::virtual_dom::Attributes::Dynamic {
        keys: &["class"],
        values: Box::new([Some(yew::virtual_dom::AttributeOrProperty::Attribute(class.into()))]),
    });
    tag.add_child(content);
    tag.into()
}

/// The name of the status page something comes from, when the widget shows several.
pub(crate) fn source_tag(label: &str) -> Html {
    html! { <span class="sw-source" part="source">{ label.to_owned() }</span> }
}

/// An instant as the reader reads it, with the exact instant and the status page's own
/// zone on hover.
pub(crate) fn moment(at: Time, times: &TimeStyle, class: &'static str) -> Html {
    html! {
        <time ~className={class} datetime={time::machine(at)} title={time::hover(at, times)} lang={times.intl_lang()}>
            { time::local(at, times) }
        </time>
    }
}

/// `key`'s words with `args` in their places, each argument in a `<bdi>`: a feed's name or
/// an `Intl` date keeps its own direction, and reorders neither the widget's words nor its
/// neighbours (an Arabic date among English words, a Hebrew name in a list).
pub(crate) fn isolated(lang: Lang, key: Key, args: &[Html]) -> Html {
    lang.pieces(key)
        .into_iter()
        .map(|piece| match piece {
            Piece::Words(words) => html! { { words } },
            Piece::Arg(i) => html! { <bdi>{ args.get(i).cloned().unwrap_or_default() }</bdi> },
        })
        .collect()
}

/// Names joined with the language's list separator (", ", Arabic "، "), each in its own
/// `<bdi>`.
pub(crate) fn name_run<'a>(names: impl IntoIterator<Item = &'a str>, lang: Lang) -> Html {
    let separator = lang.t(Key::ListSeparator);
    names
        .into_iter()
        .enumerate()
        .map(|(i, name)| html! { <>{ (i > 0).then_some(separator) }<bdi>{ name.to_owned() }</bdi></> })
        .collect()
}

/// A maintenance's window in `style`'s zone: "4 Feb 2020, 20:00 UTC – 5 Feb 2020, 04:00
/// UTC", or "from …" with no planned end; `None` without a planned start.
pub(crate) fn window_span(schedule: &crate::model::Schedule, style: &TimeStyle) -> Option<String> {
    let starts = time::local(schedule.starts?, style);
    Some(match schedule.ends {
        Some(end) => format!("{starts} – {}", time::local(end, style)),
        None => style.lang.fill(Key::WindowFrom, &[&starts]),
    })
}

/// The maintenance `incident` began during or within `hours` after, on the same
/// components; none when `hours` is 0.
pub(crate) fn near_maintenance(
    snapshot: &crate::model::Snapshot,
    incident: &crate::model::Incident,
    hours: u32,
) -> Option<crate::model::NearMaintenance> {
    (hours > 0).then(|| snapshot.near_maintenance(incident, chrono::TimeDelta::hours(i64::from(hours))))?
}

/// The BEM modifier for a component's status: its severity's, or `unknown` for a status
/// this widget does not know (its colour is `--sw-unknown`, not a guessed severity's).
pub(crate) fn status_tone(status: &crate::model::ComponentStatus) -> &'static str {
    match status {
        crate::model::ComponentStatus::Other(_) => "unknown",
        known => tone(known.severity()),
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
