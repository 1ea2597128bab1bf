use std::rc::Rc;

use yew::prelude::*;

use crate::feed::schedule::is_stale;
use crate::feed::FeedError;
use crate::model::Time;
use crate::state::Failure;
use crate::time::{self, TimeStyle};

/// Props of [`Freshness`].
#[derive(Properties, PartialEq)]
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
#[function_component]
pub fn Freshness(props: &FreshnessProps) -> Html {
    let age = time::relative(props.checked, props.now);
    let stale = is_stale(props.checked, props.now, props.poll);
    let (modifier, words) = match (&props.failure, props.cached) {
        (Some(failure), _) if stale || props.cached => (
            "stale",
            format!(
                "Status may be out of date: {} since {}. Last read {age}.",
                reason(&failure.error),
                time::local(failure.since, &props.times)
            ),
        ),
        (Some(failure), _) => {
            ("failing", format!("Updated {age}; refreshing failed ({}), retrying.", reason(&failure.error)))
        }
        (None, true) => ("cached", format!("Saved copy from {age}; refreshing…")),
        (None, false) if stale => ("stale", format!("Status may be out of date: last read {age}.")),
        (None, false) => ("fresh", format!("Updated {age}")),
    };
    html! {
        <p class={classes!("sw-freshness", format!("sw-freshness--{modifier}"))}>
            <time datetime={time::machine(props.checked)} title={time::local(props.checked, &props.times)}>{ words }</time>
        </p>
    }
}

/// Why reads fail, in a few words.
fn reason(error: &FeedError) -> String {
    match error {
        FeedError::Network { .. } | FeedError::Timeout { .. } => "the status page is unreachable".into(),
        FeedError::Http { status, .. } => format!("the status page answers HTTP {status}"),
        FeedError::TooLarge { .. } => "the feed is too large".into(),
        FeedError::NotJson(_) | FeedError::NotStatusDocument | FeedError::Unsupported(_) => {
            "the feed cannot be read".into()
        }
    }
}
