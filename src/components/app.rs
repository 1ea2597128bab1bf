use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_timers::callback::{Interval, Timeout};
use web_sys::HtmlElement;
use yew::prelude::*;

use super::banner::{banner, BannerProps};
use super::error_notice::error_notice;
use super::freshness::{freshness, FreshnessProps};
use super::panel::Panel;
use super::replay_bar::{replay_bar, ReplayBarProps};
use crate::config::{Config, Mode, Theme};
use crate::events::{changes, WidgetEvent};
use crate::feed::client;
use crate::i18n::{Key, Lang};
use crate::labels;
use crate::model::Snapshot;
use crate::state::{notice_key, parse_dismissed, Action, Load, State, MAX_DISMISSED};
use crate::time::{self, TimeStyle};

/// Props of [`App`].
#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// The widget's settings.
    pub config: Config,
    /// Receives what happens (status changes, incidents, expand / collapse, errors); the
    /// custom element turns these into DOM events.
    #[prop_or_default]
    pub on_event: Option<Callback<WidgetEvent>>,
    /// The host's writing direction (`ltr` or `rtl`), when it states one; else the
    /// direction of the widget's language.
    #[prop_or_default]
    pub dir: Option<AttrValue>,
}

thread_local! {
    static NEXT_ID: Cell<u32> = const { Cell::new(0) };
}

/// Polling options as an effect dependency (f64 has no `Eq`; bit patterns do).
#[derive(Clone, Copy)]
struct PollKey(client::Options);

impl PartialEq for PollKey {
    fn eq(&self, other: &Self) -> bool {
        self.0.poll.to_bits() == other.0.poll.to_bits()
            && self.0.timeout.to_bits() == other.0.timeout.to_bits()
    }
}

/// The whole widget: subscribes to the feed, keeps the state, and lays out the banner, the
/// timeline panel and, when the clock is pinned, the replay bar.
#[function_component]
pub fn App(props: &AppProps) -> Html {
    let config = &props.config;
    let state = use_reducer(|| {
        let mut state =
            State::new(config.now, config.expanded || config.mode == Mode::Page, &config.source_labels());
        state.dismissed = saved_dismissals();
        state
    });
    let panel_id = use_memo((), |()| {
        let id = NEXT_ID.with(|n| n.replace(n.get() + 1));
        AttrValue::from(format!("sw-panel-{id}"))
    });
    let banner_ref = use_node_ref();
    let emit = {
        let on_event = props.on_event.clone();
        move |event: WidgetEvent| {
            if let Some(on_event) = &on_event {
                on_event.emit(event);
            }
        }
    };

    // The feeds: one shared poller per address on the page; this widget subscribes to each.
    let subscriptions = use_mut_ref(Vec::<client::Subscription>::new);
    {
        let (dispatcher, emit, subscriptions) = (state.dispatcher(), emit.clone(), subscriptions.clone());
        let options = client::Options { poll: config.poll, timeout: config.timeout };
        let first = use_mut_ref(|| true);
        let labels = config.source_labels();
        use_effect_with((config.sources(), PollKey(options)), move |(sources, PollKey(options))| {
            // `src` changed after mount: the old sources' pictures and failures go.
            if !first.replace(false) {
                dispatcher.dispatch(Action::Sources(labels));
            }
            for (index, src) in sources.iter().enumerate() {
                let (dispatcher, emit) = (dispatcher.clone(), emit.clone());
                let subscribed = client::subscribe(src.clone(), *options, move |result| {
                    if let Err(failure) = &result {
                        let error = &failure.error;
                        emit(WidgetEvent::Error { kind: error.kind(), message: error.to_string() });
                    }
                    dispatcher.dispatch(Action::Fetched(index, result))
                });
                subscriptions.borrow_mut().push(subscribed);
            }
            move || subscriptions.borrow_mut().clear()
        });
    }
    // After mount, the host changed settings the state took at first render (one effect for
    // both: each effect is its own copy of yew's hook code):
    // - `mode` became `page`, or `expanded` changed: the timeline opens or closes as at first
    //   render (a page has it open). No expand / collapse event: those report what the reader
    //   did, and the host made this change itself;
    // - `now` changed: follow it.
    {
        let (dispatcher, expanded) = (state.dispatcher(), state.expanded);
        let before = use_mut_ref(|| None::<((bool, bool), Option<crate::model::Time>)>);
        let open = (config.mode == Mode::Page, config.expanded);
        use_effect_with((open, config.now), move |&(open, now)| {
            if let Some((was_open, was_now)) = before.replace(Some((open, now))) {
                if open != was_open && (open.0 || open.1) != expanded {
                    dispatcher.dispatch(Action::Toggle);
                }
                if now != was_now {
                    dispatcher.dispatch(Action::Pin(now));
                }
            }
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
    let page_zone = match &state.load {
        Load::Ready(loaded) => loaded.snapshot.page.time_zone.clone(),
        _ => None,
    };
    let lang = match &config.locale {
        Some(tag) => Lang::from_tag(tag),
        None => Lang::from_tag(&time::browser_language()),
    };
    // The first picture goes up in a task of its own, with quick hover texts (no Intl
    // formatter to build) and without the timeline (page mode and `expanded` open it from the
    // start); the full texts and the timeline follow in the next task. A big page (Duo's 539
    // components, GitHub's 90 days of history) is then never built in one long task.
    let quick = use_state(|| true);
    {
        let (quick, shown) = (quick.clone(), matches!(state.load, Load::Ready(_)));
        use_effect_with(shown, move |shown| {
            if *shown && *quick {
                Timeout::new(0, move || quick.set(false)).forget();
            }
        });
    }
    let times = use_memo(
        (config.time_zone.clone(), config.locale.clone(), page_zone, lang, *quick),
        |(time_zone, locale, page, lang, quick)| TimeStyle {
            lang: *lang,
            time_zone: time_zone.clone(),
            locale: locale.clone(),
            page_zone: page.clone(),
            quick: *quick,
        },
    );

    // What is shown: the feed, filtered to the chosen components, as of the pinned instant.
    let view: Option<Rc<Snapshot>> = match &state.load {
        Load::Ready(loaded) => {
            let filtered = loaded.snapshot.filtered(&config.components);
            Some(Rc::new(match state.pinned {
                Some(at) => filtered.as_of(at),
                None => filtered,
            }))
        }
        _ => None,
    };
    // Tell the host what changed since the last picture shown, and tell screen readers once
    // (never for the first picture, which may be the saved copy). Only pictures made under
    // the same settings compare, moving forward in time: a new `src` or `components`, or a
    // replay step back, starts again as a first picture (a status-change with no previous).
    let announcement = use_state(String::new);
    {
        let previous = use_mut_ref(|| None::<Shown>);
        let key = match &state.load {
            Load::Ready(loaded) => Some((
                Rc::as_ptr(&loaded.snapshot) as usize,
                state.pinned,
                config.components.clone(),
                config.sources(),
            )),
            _ => None,
        };
        let (view, emit, announce) = (view.clone(), emit.clone(), announcement.setter());
        let said = (*announcement).clone();
        let (origin, partial, early) = match &state.load {
            Load::Ready(loaded) => (Rc::as_ptr(&loaded.snapshot) as usize, loaded.partial, loaded.early),
            _ => (0, false, false),
        };
        let (settings, pinned) = ((config.sources(), config.components.clone()), state.pinned);
        // Right after `src` changes, the picture shown is still the old sources' until the
        // new ones answer: it is no picture of the new settings, so it counts for nothing.
        let stale = use_mut_ref(|| (config.sources(), None::<Rc<Snapshot>>));
        let loaded = match &state.load {
            Load::Ready(loaded) => Some(loaded.snapshot.clone()),
            _ => None,
        };
        {
            let mut stale = stale.borrow_mut();
            if stale.0 != config.sources() {
                *stale = (config.sources(), loaded.clone());
            }
        }
        let is_stale = matches!((&stale.borrow().1, &loaded), (Some(old), Some(now)) if Rc::ptr_eq(old, now));
        use_effect_with(key, move |_| {
            let Some(view) = view.filter(|_| !is_stale) else { return };
            let mut before = previous.borrow_mut();
            let comparable = before.as_ref().filter(|b| {
                b.settings == settings
                    && match (b.at, pinned) {
                        (None, None) => true,
                        (Some(then), Some(now)) => now >= then,
                        _ => false,
                    }
            });
            if nothing_matches(&settings.1, &view) {
                // Nothing to show a status of: no status-change (the screen states none).
                if comparable.is_none_or(|b| b.picture.is_some()) {
                    let message = format!("no component matches \u{201c}{}\u{201d}", settings.1.join(", "));
                    emit(WidgetEvent::Error { kind: "no-match", message });
                }
                *before = Some(Shown { settings, at: pinned, picture: None, partial });
                return;
            }
            let base = comparable.and_then(|b| b.picture.clone());
            let mut events = changes(base.as_deref(), &view);
            // After a first read's summary alone, the rest of its documents complete the
            // picture: that is a first picture again (a replay's summary is today's status,
            // not the replayed time's), not news. Only a read's whole answer completes it: a
            // later read's early summary (when the first read's history failed) is news.
            let completes = comparable.is_some_and(|b| b.partial) && !early;
            if completes {
                events.retain(|e| matches!(e, WidgetEvent::StatusChange { .. }));
                for event in &mut events {
                    if let WidgetEvent::StatusChange { previous, .. } = event {
                        *previous = None;
                    }
                }
            }
            if base.is_some() && !completes {
                if let Some(words) = labels::announcement(&events, lang) {
                    // Widgets showing the same live feed say it once between them; a replay
                    // is one widget's own, and each step it takes is news (again, when
                    // the reader steps back and forward).
                    if pinned.is_some() || first_to_announce(origin, &words) {
                        // The same words again are news again (the next replay step with
                        // the same status): a live region speaks only when its text changes.
                        announce.set(if said == words { words + "\u{a0}" } else { words });
                    }
                }
            }
            for event in events {
                emit(event);
            }
            *before = Some(Shown { settings, at: pinned, picture: Some(view), partial });
        });
    }

    // Dismissed: hidden while the banner would say the same thing (same incident, same
    // latest update); anything new brings it back.
    let page = config.src.as_deref().unwrap_or("reference");
    let notice = view.as_deref().map(|view| notice_key(view, page));
    if config.dismissible && notice.as_ref().is_some_and(|key| state.dismissed.contains(key)) {
        return html! {};
    }

    let on_toggle = {
        let (dispatcher, emit, expanded) = (state.dispatcher(), emit.clone(), state.expanded);
        Callback::from(move |()| {
            dispatcher.dispatch(Action::Toggle);
            emit(if expanded { WidgetEvent::Collapse } else { WidgetEvent::Expand });
        })
    };
    let on_keydown = {
        let (dispatcher, emit) = (state.dispatcher(), emit.clone());
        let (banner_ref, expanded) = (banner_ref.clone(), state.expanded);
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" && expanded {
                dispatcher.dispatch(Action::Collapse);
                emit(WidgetEvent::Collapse);
                if let Some(banner) = banner_ref.cast::<HtmlElement>() {
                    let _ = banner.focus();
                }
            }
        })
    };
    let dismiss = config.dismissible.then(|| {
        let (dispatcher, emit) = (state.dispatcher(), emit.clone());
        let notice = notice.clone().unwrap_or_default();
        let onclick = Callback::from(move |_: MouseEvent| {
            // Read again: another widget of the site may have remembered one since.
            let mut remembered = saved_dismissals();
            remembered.retain(|k| *k != notice);
            remembered.push(notice.clone());
            save_dismissals(&remembered);
            dispatcher.dispatch(Action::Dismiss(notice.clone()));
            emit(WidgetEvent::Dismiss);
        });
        html! {
            <button type="button" class="sw-dismiss" aria-label={lang.t(Key::Dismiss)} part="dismiss" {onclick}>
                <span class="sw-dismiss__cross" aria-hidden="true"></span>
            </button>
        }
    });

    // With several sources, one that cannot be read is named; the others stay on screen.
    let failing = state.failing_sources();
    let failing_sources = (!failing.is_empty()).then(|| {
        html! {
            <ul class="sw-sources-failing" part="notice">
                { for failing.iter().map(|(label, failure, stale)| html! {
                    <li>{ lang.fill(if *stale { Key::SourceStale } else { Key::SourceFailed }, &[
                        label,
                        &super::error_notice::reason(&failure.error, lang),
                    ]) }</li>
                }) }
            </ul>
        }
    });
    let content = match (&state.load, view) {
        (Load::Failed(failure), _) => {
            let (dispatcher, subscriptions) = (state.dispatcher(), subscriptions.clone());
            let on_retry = Callback::from(move |()| {
                dispatcher.dispatch(Action::Retry);
                for subscription in subscriptions.borrow().iter() {
                    subscription.retry();
                }
            });
            error_notice(&failure.error, &on_retry, lang)
        }
        (Load::Ready(loaded), Some(snapshot)) => {
            let nothing_matches = nothing_matches(&config.components, &snapshot);
            let replay = state.pinned.map(|at| {
                let dispatcher = state.dispatcher();
                let on_pin = Callback::from(move |at| dispatcher.dispatch(Action::Pin(at)));
                let moments = Rc::new(loaded.snapshot.filtered(&config.components).moments());
                replay_bar(&ReplayBarProps { at, moments, times: times.clone(), on_pin })
            });
            if nothing_matches {
                html! {
                    <p class="sw-error" role="status">
                        { lang.fill(Key::NoMatch, &[&config.components.join(", ")]) }
                    </p>
                }
            } else {
                html! {
                    <>
                        <div class="sw-head">
                            { banner(&BannerProps {
                                snapshot: snapshot.clone(),
                                now,
                                checked_at: state.pinned.unwrap_or(loaded.checked_at()),
                                live: state.pinned.is_none(),
                                expanded: state.expanded,
                                panel_id: (*panel_id).clone(),
                                times: times.clone(),
                                on_toggle,
                                node_ref: banner_ref.clone(),
                            }) }
                            { for dismiss }
                        </div>
                        { for failing_sources }
                        if state.pinned.is_none() {
                            { freshness(&FreshnessProps {
                                checked: loaded.checked_at(),
                                cached: loaded.cached,
                                failure: state.failure.clone(),
                                now,
                                poll: config.poll,
                                times: times.clone(),
                            }) }
                        }
                        <Panel
                            {snapshot}
                            {now}
                            id={(*panel_id).clone()}
                            hidden={!state.expanded || *quick}
                            times={times.clone()}
                            page={config.mode == Mode::Page}
                            history_days={config.history_days}
                            maintenance_days={config.maintenance_days}
                            near_maintenance_hours={config.near_maintenance_hours}
                        />
                        { for replay }
                    </>
                }
            }
        }
        _ => html! { <p class="sw-loading" role="status">{ lang.t(Key::Loading) }</p> },
    };
    let mut classes = String::from(match config.mode {
        Mode::Banner => "sw sw--banner",
        Mode::Bar => "sw sw--bar",
        Mode::Corner => "sw sw--corner",
        Mode::Page => "sw sw--page",
    });
    if config.mode == Mode::Corner {
        classes.push_str(" sw--corner-");
        classes.push_str(config.corner.as_str());
    }
    classes.push_str(match config.theme {
        Theme::Auto => " sw--auto",
        Theme::Light => " sw--light",
        Theme::Dark => " sw--dark",
    });
    html! {
            <div ~className={classes} part="root" lang={lang.lang_attribute(config.locale.as_deref())} dir={props.dir.clone().unwrap_or(AttrValue::Static(lang.dir()))} onkeydown={on_keydown}>
                { content }
                <div class="sw-visually-hidden sw-announcer" role="status" aria-live="polite">{ (*announcement).clone() }</div>
            </div>
    }
}

/// The last picture events were worked out from, and the settings it was made under.
struct Shown {
    /// `src` and `components`.
    settings: (Vec<Option<String>>, Vec<String>),
    /// The pinned clock, or `None` when live.
    at: Option<crate::model::Time>,
    /// The picture; `None` when the filter matched nothing.
    picture: Option<Rc<Snapshot>>,
    /// It was a first read's summary alone, the rest of the documents still on their way.
    partial: bool,
}

/// Whether a `components` filter matched nothing: no component, and no incident by its
/// components (incidents that name none are kept by any filter, so they do not count).
fn nothing_matches(components: &[String], view: &Snapshot) -> bool {
    let names_some = |i: &crate::model::Incident| {
        !i.components.is_empty() || i.updates.iter().any(|u| !u.affected.is_empty()) || i.source.is_some()
    };
    !components.is_empty()
        && view.components.is_empty()
        && !view.incidents.iter().chain(&view.maintenances).any(names_some)
}

thread_local! {
    /// What was announced lately, by the feed picture it came from: a second widget showing
    /// the same feed with the same words stays quiet.
    static ANNOUNCED: RefCell<Vec<(usize, String)>> = const { RefCell::new(Vec::new()) };
}

/// Whether this widget is the first to announce `words` about the picture at `origin`.
fn first_to_announce(origin: usize, words: &str) -> bool {
    ANNOUNCED.with(|announced| {
        let mut announced = announced.borrow_mut();
        if announced.iter().any(|(o, w)| *o == origin && w == words) {
            return false;
        }
        if announced.len() >= 16 {
            announced.remove(0);
        }
        announced.push((origin, words.to_owned()));
        true
    })
}

/// Where dismissals are remembered (per origin, shared by the widgets of a site).
const DISMISSED_KEY: &str = "status-widget:dismissed";

/// Dismissals remembered from earlier visits; none where storage is unavailable.
fn saved_dismissals() -> Vec<String> {
    #[cfg(target_arch = "wasm32")]
    if let Some(stored) = crate::feed::cache::storage::read(DISMISSED_KEY) {
        return parse_dismissed(&stored);
    }
    parse_dismissed("")
}

/// Remembers dismissals (the latest [`MAX_DISMISSED`]); silently nothing where storage is
/// unavailable, so the dismissal lasts until the page is reloaded.
fn save_dismissals(keys: &[String]) {
    let start = keys.len().saturating_sub(MAX_DISMISSED);
    let _entry = keys.get(start..).unwrap_or_default().join("\n");
    #[cfg(target_arch = "wasm32")]
    crate::feed::cache::storage::write(DISMISSED_KEY, &_entry);
}
