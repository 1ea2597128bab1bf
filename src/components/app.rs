use std::cell::Cell;
use std::rc::Rc;

use gloo_timers::callback::Interval;
use web_sys::HtmlElement;
use yew::prelude::*;

use super::banner::Banner;
use super::error_notice::ErrorNotice;
use super::panel::Panel;
use super::replay_bar::ReplayBar;
use crate::config::Config;
use crate::feed::client;
use crate::state::{Action, Load, State};
use crate::time;

/// Props of [`App`].
#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// The widget's settings.
    pub config: Config,
}

thread_local! {
    static NEXT_ID: Cell<u32> = const { Cell::new(0) };
}

/// The whole widget: subscribes to the feed, keeps the state, and lays out the banner, the
/// timeline panel and, when the clock is pinned, the replay bar.
#[function_component]
pub fn App(props: &AppProps) -> Html {
    let config = &props.config;
    let state = use_reducer(|| State::new(config.now, config.expanded));
    let panel_id = use_memo((), |()| {
        let id = NEXT_ID.with(|n| n.replace(n.get() + 1));
        AttrValue::from(format!("sw-panel-{id}"))
    });
    let banner_ref = use_node_ref();

    {
        let dispatcher = state.dispatcher();
        use_effect_with((config.src.clone(), state.attempt), move |(src, _)| {
            let subscription =
                client::subscribe(src.clone(), move |result| dispatcher.dispatch(Action::Fetched(result)));
            move || drop(subscription)
        });
    }

    // A live clock ticks so relative times ("8 min ago") stay true; a pinned one does not.
    let clock = use_state(time::now);
    {
        let setter = clock.setter();
        use_effect_with(state.pinned.is_some(), move |pinned| {
            let interval = (!pinned).then(|| Interval::new(30_000, move || setter.set(time::now())));
            move || drop(interval)
        });
    }
    let now = state.pinned.unwrap_or(*clock);
    let time_zone: Option<AttrValue> = config.time_zone.clone().map(Into::into);

    let on_toggle = {
        let dispatcher = state.dispatcher();
        Callback::from(move |()| dispatcher.dispatch(Action::Toggle))
    };
    let on_keydown = {
        let (dispatcher, banner_ref, expanded) = (state.dispatcher(), banner_ref.clone(), state.expanded);
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" && expanded {
                dispatcher.dispatch(Action::Collapse);
                if let Some(banner) = banner_ref.cast::<HtmlElement>() {
                    let _ = banner.focus();
                }
            }
        })
    };

    let content = match &state.load {
        Load::Loading => html! { <p class="sw-loading" role="status">{ "Loading status…" }</p> },
        Load::Failed(error) => {
            let dispatcher = state.dispatcher();
            let on_retry = Callback::from(move |()| dispatcher.dispatch(Action::Retry));
            html! { <ErrorNotice error={error.clone()} {on_retry} /> }
        }
        Load::Ready(loaded) => {
            let snapshot = match state.pinned {
                Some(at) => Rc::new(loaded.snapshot.as_of(at)),
                None => loaded.snapshot.clone(),
            };
            let replay = state.pinned.map(|at| {
                let dispatcher = state.dispatcher();
                let on_pin = Callback::from(move |at| dispatcher.dispatch(Action::Pin(at)));
                let moments = Rc::new(loaded.snapshot.moments());
                html! { <ReplayBar {at} {moments} time_zone={time_zone.clone()} {on_pin} /> }
            });
            html! {
                <>
                    <Banner
                        snapshot={snapshot.clone()}
                        {now}
                        checked_at={state.pinned.unwrap_or(loaded.fetched_at)}
                        expanded={state.expanded}
                        panel_id={(*panel_id).clone()}
                        time_zone={time_zone.clone()}
                        {on_toggle}
                        node_ref={banner_ref.clone()}
                    />
                    <Panel
                        {snapshot}
                        {now}
                        id={(*panel_id).clone()}
                        hidden={!state.expanded}
                        time_zone={time_zone.clone()}
                    />
                    { for replay }
                </>
            }
        }
    };
    html! {
        <div class="sw" part="root" onkeydown={on_keydown}>{ content }</div>
    }
}
