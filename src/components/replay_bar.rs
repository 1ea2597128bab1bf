use std::rc::Rc;

use yew::prelude::*;

use crate::model::Time;
use crate::state::step;
use crate::time::{self, TimeStyle};

/// Props of [`ReplayBar`].
#[derive(Properties, PartialEq)]
pub struct ReplayBarProps {
    /// The pinned instant.
    pub at: Time,
    /// Every instant something was posted, oldest first.
    pub moments: Rc<Vec<Time>>,
    /// Zone and locale for displayed times.
    pub times: Rc<TimeStyle>,
    /// Pin another instant, or `None` for the live clock.
    pub on_pin: Callback<Option<Time>>,
}

/// Says that the widget shows the past, and steps through the feed's updates.
#[function_component]
pub fn ReplayBar(props: &ReplayBarProps) -> Html {
    let at = props.at;
    let previous = step(&props.moments, at, false);
    let next = step(&props.moments, at, true);
    let seen = props.moments.iter().filter(|m| **m <= at).count();
    let go = |target: Option<Time>| {
        let on_pin = props.on_pin.clone();
        Callback::from(move |_: MouseEvent| on_pin.emit(target))
    };
    html! {
        <div class="sw-replay" role="group" aria-label="Replay">
            <p class="sw-replay__note" aria-live="polite">
                { "Replaying " }
                <time datetime={time::machine(at)}>{ time::local(at, &props.times) }</time>
                <span class="sw-replay__count">{ format!(" · update {seen} of {}", props.moments.len()) }</span>
            </p>
            <div class="sw-replay__controls">
                <button type="button" class="sw-replay__button" disabled={previous.is_none()} onclick={go(previous)}>
                    { "Previous update" }
                </button>
                <button type="button" class="sw-replay__button" disabled={next.is_none()} onclick={go(next)}>
                    { "Next update" }
                </button>
                <button type="button" class="sw-replay__button" onclick={go(None)}>{ "Show live" }</button>
            </div>
        </div>
    }
}
