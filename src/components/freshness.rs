use std::rc::Rc;

use yew::prelude::*;

use super::error_notice::reason;
use crate::feed::schedule::is_stale;
use crate::i18n::Key;
use crate::model::Time;
use crate::state::Failure;
use crate::time::{self, TimeStyle};

/// What [`freshness`] shows.
pub struct FreshnessProps {
    /// The last successful read.
    pub checked: Time,
    /// What is shown is the saved copy, not yet confirmed.
    pub cached: bool,
    /// Reads are failing.
    pub failure: Option<Failure>,
    /// The current instant.
    pub now: Time,
    /// The polling interval in seconds (0: off).
    pub poll: f64,
    /// Zone and locale for displayed times.
    pub times: Rc<TimeStyle>,
}

/// How fresh the picture is, said honestly: "Updated 2 min ago"; a saved copy says so while
/// the network answers; failing reads say so, and after three missed intervals the widget
/// says the status may be out of date and why.
///
/// A plain function, not a component: one instance with no state of its own, and each
/// component costs the wasm about 1.5 KB of yew's lifecycle code.
pub fn freshness(props: &FreshnessProps) -> Html {
    let lang = props.times.lang;
    let age = time::relative(props.checked, props.now, lang);
    let stale = is_stale(props.checked, props.now, props.poll);
    let (modifier, words) = match (&props.failure, props.cached) {
        (Some(failure), _) if stale || props.cached => (
            "stale",
            lang.fill(
                Key::OutOfDateSince,
                &[&reason(&failure.error, lang), &time::local(failure.since, &props.times), &age],
            ),
        ),
        (Some(failure), _) => {
            ("failing", lang.fill(Key::RefreshFailing, &[&age, &reason(&failure.error, lang)]))
        }
        (None, true) => ("cached", lang.fill(Key::SavedCopy, &[&age])),
        (None, false) if stale => ("stale", lang.fill(Key::OutOfDate, &[&age])),
        (None, false) => ("fresh", lang.fill(Key::Updated, &[&age])),
    };
    html! {
        <p ~className={crate::components::modified("sw-freshness", modifier)}>
            <time datetime={time::machine(props.checked)} title={time::title(props.checked, &props.times)}>{ words }</time>
        </p>
    }
}
