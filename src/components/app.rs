use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_timers::callback::{Interval, Timeout};
use web_sys::HtmlElement;
use yew::prelude::*;

use super::banner::{banner, BannerProps};
use super::error_notice::error_notice;
use super::freshness::{freshness, FreshnessProps};
use super::panel::PanelProps;
use super::part::{part, Kind};
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

/// What happens to the widget: the state's actions, and its own clock and tasks.
pub enum Msg {
    /// A change of state (a read's result, the reader pinning the clock, a retry).
    Act(Action),
    /// The banner was activated: open or close the timeline, and say which.
    Toggle,
    /// Escape was pressed inside the widget.
    Escape,
    /// The reader dismissed what the banner says (its notice key).
    Dismiss(String),
    /// The live clock's tick.
    Tick,
    /// The task after the first picture: full hover texts and the timeline.
    Full,
    /// Words for screen readers.
    Announce(String),
}

/// The whole widget: subscribes to the feed, keeps the state, and lays out the banner, the
/// timeline panel and, when the clock is pinned, the replay bar.
///
/// A struct component, not a function one: its feed subscriptions, clock and announcements
/// are plain fields and steps of one lifecycle (a hook each would be its own copy of yew's
/// hook code in the wasm).
pub struct App {
    state: State,
    /// What is shown: the feed, filtered to the chosen components, as of the pinned instant
    /// (worked out when the state or the settings change, not on every clock tick).
    view: Option<Rc<Snapshot>>,
    /// Element id of the panel, named by the banner's `aria-controls`.
    panel_id: AttrValue,
    banner_ref: NodeRef,
    /// One per source: each a shared poller's subscriber.
    subscriptions: Vec<client::Subscription>,
    /// The live clock, ticking every 30 s while the clock is not pinned.
    clock: crate::model::Time,
    ticking: Option<Interval>,
    /// The first picture is up with quick hover texts and no timeline; `full` is the task
    /// that fills them in.
    quick: bool,
    full: Option<Timeout>,
    /// Words for screen readers, spoken when they change.
    announcement: String,
    /// The picture events were last worked out from, and what it was keyed by.
    previous: Option<Shown>,
    announced_key: Option<AnnounceKey>,
}

/// The state a picture's events are worked out once for: the read it comes from, the pinned
/// instant, `components` and `src`.
type AnnounceKey = (usize, Option<crate::model::Time>, Vec<String>, Vec<Option<String>>);

impl App {
    /// Sends `event` to the host's listener.
    fn emit(ctx: &Context<Self>, event: WidgetEvent) {
        if let Some(on_event) = &ctx.props().on_event {
            on_event.emit(event);
        }
    }

    /// Subscribes to each of the settings' feeds (one shared poller per address on the page).
    fn subscribe(&mut self, ctx: &Context<Self>) {
        let config = &ctx.props().config;
        let options = client::Options { poll: config.poll, timeout: config.timeout };
        for (index, src) in config.sources().into_iter().enumerate() {
            let link = ctx.link().clone();
            let subscribed = client::subscribe(src, options, move |result| {
                link.send_message(Msg::Act(Action::Fetched(index, result)))
            });
            self.subscriptions.push(subscribed);
        }
    }

    /// `action` applied, and what is shown worked out again.
    fn act(&mut self, ctx: &Context<Self>, action: Action) {
        if let Action::Fetched(_, Err(failure)) = &action {
            let error = &failure.error;
            Self::emit(ctx, WidgetEvent::Error { kind: error.kind(), message: error.to_string() });
        }
        self.state = self.state.reduce(action);
        self.refresh(ctx);
    }

    /// What is shown, from the state and the settings.
    fn refresh(&mut self, ctx: &Context<Self>) {
        let components = &ctx.props().config.components;
        self.view = match &self.state.load {
            Load::Ready(loaded) => {
                let filtered = loaded.snapshot.filtered(components);
                Some(Rc::new(match self.state.pinned {
                    Some(at) => filtered.as_of(at),
                    None => filtered,
                }))
            }
            _ => None,
        };
    }

    /// The widget's language: its `locale`, else the browser's.
    fn lang(config: &Config) -> Lang {
        match &config.locale {
            Some(tag) => Lang::from_tag(tag),
            None => Lang::from_tag(&time::browser_language()),
        }
    }

    /// Tells the host what changed since the last picture shown, and tells screen readers
    /// once (never for the first picture, which may be the saved copy). Only pictures made
    /// under the same settings compare, moving forward in time: a new `src` or `components`,
    /// or a replay step back, starts again as a first picture (a status-change with no
    /// previous).
    fn announce(&mut self, ctx: &Context<Self>) {
        let config = &ctx.props().config;
        // A picture that goes and comes back (loading again in between) is worked out again.
        let Load::Ready(loaded) = &self.state.load else {
            self.announced_key = None;
            return;
        };
        let origin = Rc::as_ptr(&loaded.snapshot) as usize;
        let pinned = self.state.pinned;
        let key = (origin, pinned, config.components.clone(), config.sources());
        if self.announced_key.as_ref() == Some(&key) {
            return;
        }
        self.announced_key = Some(key);
        let Some(view) = self.view.clone() else { return };
        let (partial, early) = (loaded.partial, loaded.early);
        let settings = (config.sources(), config.components.clone());
        let comparable = self.previous.as_ref().filter(|b| {
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
                Self::emit(ctx, WidgetEvent::Error { kind: "no-match", message });
            }
            self.previous = Some(Shown { settings, at: pinned, picture: None, partial });
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
            if let Some(words) = labels::announcement(&events, Self::lang(config)) {
                // Widgets showing the same live feed say it once between them; a replay is
                // one widget's own, and each step it takes is news (again, when the reader
                // steps back and forward).
                if pinned.is_some() || first_to_announce(origin, &words) {
                    // The same words again are news again (the next replay step with the
                    // same status): a live region speaks only when its text changes.
                    let words = if self.announcement == words { words + "\u{a0}" } else { words };
                    ctx.link().send_message(Msg::Announce(words));
                }
            }
        }
        for event in events {
            Self::emit(ctx, event);
        }
        self.previous = Some(Shown { settings, at: pinned, picture: Some(view), partial });
    }
}

impl Component for App {
    type Message = Msg;
    type Properties = AppProps;

    fn create(ctx: &Context<Self>) -> Self {
        let config = &ctx.props().config;
        let mut state =
            State::new(config.now, config.expanded || config.mode == Mode::Page, &config.source_labels());
        state.dismissed = saved_dismissals();
        let id = NEXT_ID.with(|n| n.replace(n.get() + 1));
        App {
            state,
            view: None,
            panel_id: AttrValue::from(format!("sw-panel-{id}")),
            banner_ref: NodeRef::default(),
            subscriptions: Vec::new(),
            clock: time::now(),
            ticking: None,
            quick: true,
            full: None,
            announcement: String::new(),
            previous: None,
            announced_key: None,
        }
    }

    fn update(&mut self, ctx: &Context<Self>, msg: Msg) -> bool {
        match msg {
            Msg::Act(Action::Retry) => {
                self.act(ctx, Action::Retry);
                for subscription in &self.subscriptions {
                    subscription.retry();
                }
            }
            Msg::Act(action) => self.act(ctx, action),
            Msg::Toggle => {
                let expanded = self.state.expanded;
                self.act(ctx, Action::Toggle);
                Self::emit(ctx, if expanded { WidgetEvent::Collapse } else { WidgetEvent::Expand });
            }
            Msg::Escape => {
                if !self.state.expanded {
                    return false;
                }
                self.act(ctx, Action::Collapse);
                Self::emit(ctx, WidgetEvent::Collapse);
                if let Some(banner) = self.banner_ref.cast::<HtmlElement>() {
                    let _ = banner.focus();
                }
            }
            Msg::Dismiss(notice) => {
                // Read again: another widget of the site may have remembered one since.
                let mut remembered = saved_dismissals();
                remembered.retain(|k| *k != notice);
                remembered.push(notice.clone());
                save_dismissals(&remembered);
                self.act(ctx, Action::Dismiss(notice));
                Self::emit(ctx, WidgetEvent::Dismiss);
            }
            Msg::Tick => self.clock = time::now(),
            Msg::Full => self.quick = false,
            Msg::Announce(words) => self.announcement = words,
        }
        true
    }

    /// After mount, the host changed settings the state took at first render:
    /// - `src` (or the polling options): the old sources' pictures and failures go, and the
    ///   new ones are read;
    /// - `mode` became `page`, or `expanded` changed: the timeline opens or closes as at
    ///   first render (a page has it open). No expand / collapse event: those report what
    ///   the reader did, and the host made this change itself;
    /// - `now` changed: follow it.
    fn changed(&mut self, ctx: &Context<Self>, old: &AppProps) -> bool {
        let (config, was) = (&ctx.props().config, &old.config);
        let polling = |c: &Config| (c.sources(), c.poll.to_bits(), c.timeout.to_bits());
        if polling(config) != polling(was) {
            self.subscriptions.clear();
            self.act(ctx, Action::Sources(config.source_labels()));
            self.subscribe(ctx);
        }
        let open = |c: &Config| (c.mode == Mode::Page, c.expanded);
        if open(config) != open(was) && (config.mode == Mode::Page || config.expanded) != self.state.expanded
        {
            self.act(ctx, Action::Toggle);
        }
        if config.now != was.now {
            self.act(ctx, Action::Pin(config.now));
        }
        self.refresh(ctx);
        true
    }

    fn rendered(&mut self, ctx: &Context<Self>, first_render: bool) {
        if first_render {
            self.subscribe(ctx);
        }
        // A live clock ticks so relative times ("8 min ago") stay true; a pinned one does
        // not (and reads the time afresh when it is let go).
        match (self.state.pinned, &self.ticking) {
            (Some(_), Some(_)) => self.ticking = None,
            (None, None) => {
                let link = ctx.link().clone();
                self.ticking = Some(Interval::new(30_000, move || link.send_message(Msg::Tick)));
                if !first_render {
                    ctx.link().send_message(Msg::Tick);
                }
            }
            _ => {}
        }
        // The first picture goes up in a task of its own, with quick hover texts (no Intl
        // formatter to build) and without the timeline (page mode and `expanded` open it
        // from the start); the full texts and the timeline follow in the next task. A big
        // page (Duo's 539 components, GitHub's 90 days of history) is then never built in
        // one long task.
        if self.quick && self.full.is_none() && matches!(self.state.load, Load::Ready(_)) {
            let link = ctx.link().clone();
            self.full = Some(Timeout::new(0, move || link.send_message(Msg::Full)));
        }
        self.announce(ctx);
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        let props = ctx.props();
        let config = &props.config;
        let state = &self.state;
        let now = state.pinned.unwrap_or(self.clock);
        let page_zone = match &state.load {
            Load::Ready(loaded) => loaded.snapshot.page.time_zone.clone(),
            _ => None,
        };
        let lang = Self::lang(config);
        let times = Rc::new(TimeStyle {
            lang,
            time_zone: config.time_zone.clone(),
            locale: config.locale.clone(),
            page_zone,
            quick: self.quick,
        });
        let view = self.view.clone();

        // Dismissed: hidden while the banner would say the same thing (same incident, same
        // latest update); anything new brings it back.
        let page = config.src.as_deref().unwrap_or("reference");
        let notice = view.as_deref().map(|view| notice_key(view, page));
        if config.dismissible && notice.as_ref().is_some_and(|key| state.dismissed.contains(key)) {
            return html! {};
        }

        let link = ctx.link();
        let on_toggle = link.callback(|()| Msg::Toggle);
        let on_keydown =
            link.batch_callback(|event: KeyboardEvent| (event.key() == "Escape").then_some(Msg::Escape));
        let dismiss = config.dismissible.then(|| {
            let notice = notice.clone().unwrap_or_default();
            let onclick = link.callback(move |_: MouseEvent| Msg::Dismiss(notice.clone()));
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
                let on_retry = link.callback(|()| Msg::Act(Action::Retry));
                error_notice(&failure.error, &on_retry, lang)
            }
            (Load::Ready(loaded), Some(snapshot)) => {
                let nothing_matches = nothing_matches(&config.components, &snapshot);
                let replay = state.pinned.map(|at| {
                    let on_pin = link.callback(|at| Msg::Act(Action::Pin(at)));
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
                                    panel_id: self.panel_id.clone(),
                                    times: times.clone(),
                                    on_toggle,
                                    node_ref: self.banner_ref.clone(),
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
                            { part(
                                Kind::Panel(PanelProps {
                                    snapshot,
                                    now,
                                    id: self.panel_id.clone(),
                                    hidden: !state.expanded || self.quick,
                                    times: times.clone(),
                                    page: config.mode == Mode::Page,
                                    history_days: config.history_days,
                                    maintenance_days: config.maintenance_days,
                                    near_maintenance_hours: config.near_maintenance_hours,
                                }),
                                None,
                            ) }
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
                    <div class="sw-visually-hidden sw-announcer" role="status" aria-live="polite">{ self.announcement.clone() }</div>
                </div>
        }
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
