use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::Key;
use crate::model::Time;
use crate::state::step;
use crate::time::{self, TimeStyle};

/// What [`replay_bar`] shows.
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
///
/// A plain function, not a component: one instance with no state of its own, and each
/// component costs the wasm about 1.5 KB of yew's lifecycle code.
pub fn replay_bar(props: &ReplayBarProps) -> Html {
    let at = props.at;
    let lang = props.times.lang;
    let previous = step(&props.moments, at, false);
    let next = step(&props.moments, at, true);
    let seen = props.moments.iter().filter(|m| **m <= at).count();
    let go = |target: Option<Time>| {
        let on_pin = props.on_pin.clone();
        Callback::from(move |_: MouseEvent| on_pin.emit(target))
    };
    html! {
        <div class="sw-replay" role="group" aria-label={lang.t(Key::Replay)}>
            <p class="sw-replay__note" aria-live="polite">
                { lang.t(Key::Replaying) }
                <time datetime={time::machine(at)} lang={props.times.intl_lang()}>{ time::local(at, &props.times) }</time>
                <span class="sw-replay__count">{ lang.fill(Key::UpdateOf, &[&time::number(seen, lang), &time::number(props.moments.len(), lang)]) }</span>
            </p>
            <div class="sw-replay__controls">
                <button type="button" class="sw-replay__button" disabled={previous.is_none()} onclick={go(previous)}>
                    { lang.t(Key::PreviousUpdate) }
                </button>
                <button type="button" class="sw-replay__button" disabled={next.is_none()} onclick={go(next)}>
                    { lang.t(Key::NextUpdate) }
                </button>
                <button type="button" class="sw-replay__button" onclick={go(None)}>{ lang.t(Key::ShowLive) }</button>
            </div>
        </div>
    }
}
