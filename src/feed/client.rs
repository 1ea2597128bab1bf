//! Reading feeds in the browser. Views never fetch: the app calls [`subscribe`] and receives
//! results. Every widget on a page that shows the same `src` shares one `Poller`: one
//! request per cycle, whatever the number of widgets.
//!
//! A poller paints the saved copy from `localStorage` first (if any), then reads the feed,
//! then reads it again on the schedule of [`Policy`] (interval ±10%, doubling backoff after
//! failures, `Retry-After` honoured), with `cache: "no-cache"` so the browser revalidates
//! with ETag / Last-Modified without adding CORS-preflight headers. An unchanged feed is not
//! delivered (no re-render, no event). While the page is hidden it does not poll; when the
//! page shows again after a missed cycle it reads at once. Each read has a timeout and is
//! aborted when the last subscriber leaves.
//!
//! Across the tabs of one origin, pollers of the same `src` talk over a `BroadcastChannel`:
//! one tab leads (reads and broadcasts what it read), the others follow; the rules are in
//! [`super::tabs`]. Without `BroadcastChannel` every tab leads.
//!
//! When the feed's summary comes from a status-relay (its response names the relay's event
//! stream in `Status-Relay-Events`), the leading tab listens to that stream (`EventSource`)
//! instead of polling: each pushed summary is read at once. While it listens it still reads
//! the documents, ten times less often. When the stream fails it closes it, polls as usual,
//! and opens it again after a doubling wait ([`reconnect_after`]).

use std::cell::{Cell, RefCell};
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::rc::Rc;

use gloo_events::EventListener;
use gloo_timers::callback::{Interval, Timeout};
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    AbortController, AbortSignal, BroadcastChannel, EventSource, MessageEvent, RequestCache, RequestInit,
    Response,
};

use super::cache::{self, storage};
use super::schedule::{parse_retry_after, reconnect_after, timer_millis, Policy};
use super::tabs::{takeover_after, takeover_after_goodbye, yields_to, Claim};
use super::{decode, document_urls, reference, FeedError, MAX_FEED_BYTES};
use crate::model::Snapshot;
use crate::state::{Failure, Loaded};
use crate::time;

/// How one subscriber wants the feed read.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Options {
    /// Seconds between reads; 0: read once.
    pub poll: f64,
    /// Seconds one read may take.
    pub timeout: f64,
}

type Listener = Rc<dyn Fn(Result<Loaded, Failure>)>;

/// The documents of one read, filled in as they arrive.
type Reads = Rc<RefCell<Vec<Option<Result<String, (FeedError, Option<f64>)>>>>>;

struct Subscriber {
    id: u32,
    listener: Listener,
    options: Options,
}

/// The shared reader of one `src`.
struct Poller {
    src: Option<String>,
    state: RefCell<PollState>,
}

#[derive(Default)]
struct PollState {
    subscribers: Vec<Subscriber>,
    latest: Option<Loaded>,
    latest_hash: Option<u64>,
    /// A read's result is on its way to the subscribers (delivered in the next task): a widget
    /// that subscribes meanwhile gets it from there, not twice.
    delivering: bool,
    failure: Option<Failure>,
    failures: u32,
    retry_after: Option<f64>,
    timer: Option<Timeout>,
    in_flight: Option<(AbortController, Timeout)>,
    missed_while_hidden: bool,
    visibility: Option<EventListener>,
    /// The link to the same poller in other tabs, when there is one.
    tabs: Option<TabLink>,
    /// This tab's claim while it leads; `None` while it follows another tab.
    leading: Option<Claim>,
    /// The documents of the last complete read (summary first).
    documents: Vec<String>,
    /// Reads so far, to refresh the history documents every tenth poll.
    reads: u32,
    /// The summary changed on a summary-only poll: read everything next, at once.
    read_all_next: bool,
    /// The relay's event stream for this `src`, as its summary named it.
    events_url: Option<String>,
    /// The open stream, while this tab leads and listens.
    stream: Option<Stream>,
    /// Stream failures in a row (reset by a pushed summary), and the reconnect timer.
    stream_failures: u32,
    reconnect: Option<Timeout>,
}

/// A relay's event stream and its listeners; closed when dropped.
struct Stream {
    source: EventSource,
    _summary: EventListener,
    _ping: EventListener,
    _error: EventListener,
}

impl Drop for Stream {
    fn drop(&mut self) {
        self.source.close();
    }
}

/// The response header by which a status-relay names the feed's event stream.
const EVENTS_HEADER: &str = "status-relay-events";

/// Polls read only the summary; the history and maintenance documents are read again when
/// the summary changed, and every this many polls anyway.
const FULL_READ_EVERY: u32 = 10;

struct TabLink {
    channel: BroadcastChannel,
    id: f64,
    _messages: EventListener,
    _pagehide: EventListener,
    heartbeat: Option<Interval>,
    takeover: Option<Timeout>,
}

thread_local! {
    static POLLERS: RefCell<Vec<Rc<Poller>>> = const { RefCell::new(Vec::new()) };
    static NEXT_ID: Cell<u32> = const { Cell::new(0) };
    /// `take(url, signal)` from `status-widget.js`: the response promise of a request it
    /// started for `url` while the wasm was loading (once), or `undefined`.
    static PREFETCHED: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
}

/// Lets the first read of a document use the request `status-widget.js` started for it while
/// the wasm was loading (see there), instead of asking the server a second time.
pub fn use_prefetched(take: js_sys::Function) {
    PREFETCHED.with(|p| *p.borrow_mut() = Some(take));
}

/// The response promise the shim holds for `url`, handing it over (each is taken once). The
/// shim aborts that request when `signal` aborts.
fn take_prefetched(url: &str, signal: &AbortSignal) -> Option<js_sys::Promise> {
    let take = PREFETCHED.with(|p| p.borrow().clone())?;
    take.call2(&JsValue::NULL, &JsValue::from_str(url), signal).ok()?.dyn_into().ok()
}

/// A widget's place among a poller's subscribers; dropping it leaves (and stops the poller
/// when it was the last).
pub struct Subscription {
    poller: Rc<Poller>,
    id: u32,
}

impl Subscription {
    /// Reads the feed now (the reader pressed "Try again").
    pub fn retry(&self) {
        self.poller.read_now();
    }
}

impl Drop for Subscription {
    fn drop(&mut self) {
        let empty = {
            let mut state = self.poller.state.borrow_mut();
            state.subscribers.retain(|s| s.id != self.id);
            state.subscribers.is_empty()
        };
        if empty {
            self.poller.stop();
            POLLERS.with(|p| p.borrow_mut().retain(|p| !Rc::ptr_eq(p, &self.poller)));
        }
    }
}

/// Subscribes to the feed for `src` (the compiled-in reference when `None`). `on_result`
/// gets what is known now (if anything), then every change and every failure.
pub fn subscribe(
    src: Option<String>,
    options: Options,
    on_result: impl Fn(Result<Loaded, Failure>) + 'static,
) -> Subscription {
    let poller = POLLERS.with(|pollers| {
        let mut pollers = pollers.borrow_mut();
        if let Some(existing) = pollers.iter().find(|p| p.src == src) {
            return existing.clone();
        }
        let poller = Rc::new(Poller { src, state: RefCell::default() });
        pollers.push(poller.clone());
        poller
    });
    let id = NEXT_ID.with(|n| n.replace(n.get() + 1));
    let listener: Listener = Rc::new(on_result);
    let (first, known) = {
        let mut state = poller.state.borrow_mut();
        state.subscribers.push(Subscriber { id, listener: listener.clone(), options });
        let known = match (&state.latest, &state.failure) {
            _ if state.delivering => None,
            (Some(latest), _) => Some(Ok(latest.clone())),
            (None, Some(failure)) => Some(Err(failure.clone())),
            (None, None) => None,
        };
        (state.subscribers.len() == 1, known)
    };
    if first {
        poller.start();
    } else if let Some(known) = known {
        listener(known);
    }
    Subscription { poller, id }
}

impl Poller {
    fn start(self: &Rc<Self>) {
        let Some(src) = self.src.clone() else {
            // The reference feed is compiled in: one delivery, nothing to poll.
            let poller = self.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let result = reference()
                    .map(|snapshot| Loaded::new(snapshot, time::now(), false))
                    .map_err(|error| Failure { error, since: time::now() });
                {
                    let mut state = poller.state.borrow_mut();
                    match &result {
                        Ok(loaded) => state.latest = Some(loaded.clone()),
                        Err(failure) => state.failure = Some(failure.clone()),
                    }
                }
                poller.deliver(result);
            });
            return;
        };
        if let Some(saved) = storage::read(&cache::key(&src)) {
            if let Some(loaded) = from_cache(&saved) {
                self.state.borrow_mut().latest = Some(loaded.clone());
                self.deliver(Ok(loaded));
            }
        }
        let poller = Rc::downgrade(self);
        let visibility = web_sys::window().and_then(|w| w.document()).map(|document| {
            EventListener::new(&document, "visibilitychange", move |_| {
                let Some(poller) = poller.upgrade() else { return };
                let (linked, leading) = {
                    let state = poller.state.borrow();
                    (state.tabs.is_some(), state.leading.is_some())
                };
                if page_hidden() {
                    if linked && leading {
                        // Hand over to a visible tab.
                        poller.say_goodbye();
                        poller.follow(None);
                    }
                    return;
                }
                let missed = std::mem::take(&mut poller.state.borrow_mut().missed_while_hidden);
                if leading && missed {
                    poller.read_now();
                } else if !leading {
                    // Back in view: lead soon unless a leader speaks up first.
                    let poll = poller.options().poll;
                    let overdue = poller.state.borrow().latest.as_ref().is_none_or(|l| {
                        (time::now() - l.checked.get()).num_milliseconds() as f64 > poll * 1000.0
                    });
                    let wait = if overdue {
                        takeover_after_goodbye(js_sys::Math::random())
                    } else {
                        takeover_after(poll)
                    };
                    poller.arm_takeover(Some(wait));
                }
            })
        });
        self.state.borrow_mut().visibility = visibility;
        if self.options().poll > 0.0 {
            self.link_tabs(&src);
        }
        self.lead();
        self.read_now();
    }

    /// Joins the other tabs' pollers of this `src`, where `BroadcastChannel` exists.
    fn link_tabs(self: &Rc<Self>, src: &str) {
        let Ok(channel) = BroadcastChannel::new(&format!("status-widget:{src}")) else { return };
        let Some(window) = web_sys::window() else { return };
        let poller = Rc::downgrade(self);
        let messages = EventListener::new(&channel, "message", move |event| {
            let (Some(poller), Some(event)) = (poller.upgrade(), event.dyn_ref::<MessageEvent>()) else {
                return;
            };
            poller.hear(&event.data());
        });
        let poller = Rc::downgrade(self);
        let pagehide = EventListener::new(&window, "pagehide", move |_| {
            if let Some(poller) = poller.upgrade() {
                poller.say_goodbye();
            }
        });
        self.state.borrow_mut().tabs = Some(TabLink {
            channel,
            id: js_sys::Math::random(),
            _messages: messages,
            _pagehide: pagehide,
            heartbeat: None,
            takeover: None,
        });
    }

    fn post(&self, message: &[(&str, JsValue)]) {
        let state = self.state.borrow();
        let Some(tabs) = &state.tabs else { return };
        let object = Object::new();
        for (key, value) in message {
            let _ = Reflect::set(&object, &JsValue::from_str(key), value);
        }
        let _ = tabs.channel.post_message(&object);
    }

    fn claim_message(claim: Claim) -> [(&'static str, JsValue); 3] {
        [("t", "leader".into()), ("since", claim.since.into()), ("id", claim.id.into())]
    }

    /// This tab reads the feed from now on, and tells the others every interval.
    fn lead(self: &Rc<Self>) {
        let claim = {
            let mut state = self.state.borrow_mut();
            let id = state.tabs.as_ref().map_or(0.0, |t| t.id);
            let claim = Claim { since: js_sys::Date::now(), id };
            state.leading = Some(claim);
            claim
        };
        if self.state.borrow().tabs.is_none() {
            return; // alone: nobody to tell
        }
        let poll = self.options().poll;
        let poller = Rc::downgrade(self);
        let heartbeat = Interval::new(timer_millis(poll).clamp(50, 3_600_000), move || {
            if let Some(poller) = poller.upgrade() {
                if let Some(claim) = poller.state.borrow().leading {
                    poller.post(&Self::claim_message(claim));
                }
            }
        });
        if let Some(tabs) = &mut self.state.borrow_mut().tabs {
            tabs.takeover = None;
            tabs.heartbeat = Some(heartbeat);
        }
        self.post(&Self::claim_message(claim));
    }

    /// Another tab leads: stop reading, and take over if it goes quiet for too long.
    fn follow(self: &Rc<Self>, takeover_in: Option<f64>) {
        {
            let mut state = self.state.borrow_mut();
            state.leading = None;
            state.timer = None;
            state.stream = None;
            state.reconnect = None;
            if let Some(tabs) = &mut state.tabs {
                tabs.heartbeat = None;
            }
        }
        self.arm_takeover(takeover_in);
    }

    fn arm_takeover(self: &Rc<Self>, seconds: Option<f64>) {
        let poller = Rc::downgrade(self);
        let takeover = seconds.map(|seconds| {
            Timeout::new(timer_millis(seconds), move || {
                let Some(poller) = poller.upgrade() else { return };
                if !page_hidden() {
                    poller.lead();
                    poller.read_now();
                }
            })
        });
        if let Some(tabs) = &mut self.state.borrow_mut().tabs {
            tabs.takeover = takeover;
        }
    }

    /// A message from the same poller in another tab.
    fn hear(self: &Rc<Self>, data: &JsValue) {
        let field = |key: &str| Reflect::get(data, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED);
        let poll = self.options().poll;
        let leading = self.state.borrow().leading;
        match field("t").as_string().as_deref() {
            Some("leader") => {
                let (Some(since), Some(id)) = (field("since").as_f64(), field("id").as_f64()) else { return };
                let theirs = Claim { since, id };
                match leading {
                    Some(mine) if yields_to(mine, theirs) => self.follow(Some(takeover_after(poll))),
                    // The other one will yield once it hears this tab.
                    Some(mine) => self.post(&Self::claim_message(mine)),
                    None => self.arm_takeover(Some(takeover_after(poll))),
                }
            }
            Some("result") if leading.is_none() => {
                let documents: Vec<String> =
                    Array::from(&field("documents")).iter().filter_map(|d| d.as_string()).collect();
                if let Some(src) = self.src.clone() {
                    self.finish(&src, Ok(documents));
                }
                self.arm_takeover(Some(takeover_after(poll)));
            }
            Some("bye") if leading.is_none() && !page_hidden() => {
                self.arm_takeover(Some(takeover_after_goodbye(js_sys::Math::random())));
            }
            _ => {}
        }
    }

    /// This tab stops leading (it hides or closes): the others take over.
    fn say_goodbye(&self) {
        if self.state.borrow().leading.is_some() {
            self.post(&[("t", "bye".into())]);
        }
    }

    fn stop(&self) {
        self.say_goodbye();
        let mut state = self.state.borrow_mut();
        if let Some(tabs) = state.tabs.take() {
            tabs.channel.close();
        }
        state.timer = None;
        state.visibility = None;
        state.stream = None;
        state.reconnect = None;
        if let Some((controller, _)) = state.in_flight.take() {
            controller.abort();
        }
    }

    /// The most frequent polling any subscriber asked for (0: none), and the most patient
    /// timeout.
    fn options(&self) -> Options {
        let state = self.state.borrow();
        let poll = state
            .subscribers
            .iter()
            .map(|s| s.options.poll)
            .filter(|p| *p > 0.0)
            .reduce(f64::min)
            .unwrap_or(0.0);
        let timeout = state.subscribers.iter().map(|s| s.options.timeout).fold(0.0, f64::max);
        Options { poll, timeout }
    }

    fn read_now(self: &Rc<Self>) {
        // The reference incident: read it again (a "Try again" after its module failed to
        // load gets the same answer, not a loading line that never ends).
        let Some(src) = self.src.clone() else { return self.start() };
        if self.state.borrow().in_flight.is_some() {
            return;
        }
        let Ok(controller) = AbortController::new() else { return };
        let timed_out = Rc::new(Cell::new(false));
        let seconds = self.options().timeout;
        let watchdog = {
            let (controller, timed_out) = (controller.clone(), timed_out.clone());
            Timeout::new(timer_millis(seconds), move || {
                timed_out.set(true);
                controller.abort();
            })
        };
        let signal = controller.signal();
        {
            let mut state = self.state.borrow_mut();
            state.timer = None;
            state.in_flight = Some((controller, watchdog));
        }
        // The first read takes every document of the src at once; the first (summary.json
        // for a base URL) is shown as soon as it arrives, the rest when all are in. Later
        // polls read the summary alone, and the rest only when it changed (or every tenth
        // poll), so an unchanged page costs its server one request per cycle.
        let all = document_urls(&src);
        let full = {
            let mut state = self.state.borrow_mut();
            let full = state.documents.len() != all.len()
                || state.read_all_next
                || state.reads.is_multiple_of(FULL_READ_EVERY);
            state.reads = state.reads.wrapping_add(1);
            state.read_all_next = false;
            full
        };
        let urls: Vec<String> = if full { all } else { all.into_iter().take(1).collect() };
        let reads: Reads = Rc::new(RefCell::new(vec![None; urls.len()]));
        for (index, url) in urls.into_iter().enumerate() {
            let (poller, reads, signal, timed_out, src) =
                (self.clone(), reads.clone(), signal.clone(), timed_out.clone(), src.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let events = (index == 0).then_some(&poller);
                let result = read_one(&url, &signal, &timed_out, seconds, events).await;
                if let Some(slot) = reads.borrow_mut().get_mut(index) {
                    *slot = Some(result);
                }
                poller.progress(&src, &reads);
            });
        }
    }

    /// One document arrived: show the first one early, finish when all are in. Only the
    /// first document is required; a missing history or maintenance list (a page that does
    /// not serve them) is logged and left out.
    fn progress(self: &Rc<Self>, src: &str, reads: &Reads) {
        if self.state.borrow().in_flight.is_none() {
            return; // stopped while reading
        }
        let reads = reads.borrow();
        let all_in = reads.iter().all(Option::is_some);
        if !all_in {
            if let (Some(Some(Ok(first))), true) = (reads.first(), reads.len() > 1) {
                self.show_early(first);
            }
            return;
        }
        self.state.borrow_mut().in_flight = None;
        let mut documents = Vec::new();
        let mut outcome = Ok(());
        for (index, read) in reads.iter().flatten().enumerate() {
            match read {
                Ok(text) => documents.push(text.clone()),
                Err(failure) if index == 0 => outcome = Err(failure.clone()),
                Err((error, _)) => {
                    web_sys::console::warn_1(&format!("{} left out: {error}", crate::LOG_PREFIX).into())
                }
            }
        }
        let summary_only = reads.len() == 1 && self.state.borrow().documents.len() > 1;
        drop(reads);
        if let (true, Ok(())) = (summary_only, &outcome) {
            // Keep the history read before; if the summary moved on, read it all next.
            let mut state = self.state.borrow_mut();
            let changed = state.documents.first() != documents.first();
            documents.extend(state.documents.iter().skip(1).cloned());
            state.read_all_next = changed;
        }
        self.finish(src, outcome.map(|()| documents));
        if self.state.borrow().read_all_next {
            self.read_now();
        }
    }

    /// Delivers the first document at once, over what is already shown, when it changes the
    /// picture (the banner should not wait for a long incident history).
    fn show_early(&self, first: &str) {
        let Ok((_, summary)) = decode(first.as_bytes()) else { return };
        let early = {
            let state = self.state.borrow();
            let base = state.latest.as_ref().map(|l| (*l.snapshot).clone()).unwrap_or_default();
            let merged = base.clone().merge(summary);
            let partial = state.latest.is_none();
            (merged != base).then(|| Loaded {
                partial,
                early: true,
                ..Loaded::new(merged, time::now(), false)
            })
        };
        if let Some(early) = early {
            self.state.borrow_mut().latest = Some(early.clone());
            self.deliver(Ok(early));
        }
    }

    fn finish(self: &Rc<Self>, src: &str, outcome: Result<Vec<String>, (FeedError, Option<f64>)>) {
        let now = time::now();
        let leading = self.state.borrow().leading.is_some();
        if let (true, Ok(documents)) = (leading, &outcome) {
            let list: Array = documents.iter().map(|d| JsValue::from_str(d)).collect();
            self.post(&[("t", "result".into()), ("documents", list.into())]);
        }
        let result = outcome.and_then(|documents| {
            let mut hasher = DefaultHasher::new();
            documents.hash(&mut hasher);
            let hash = hasher.finish();
            let unchanged = {
                let state = self.state.borrow();
                state.latest_hash == Some(hash) && state.latest.is_some()
            };
            if unchanged {
                return Ok(None);
            }
            let snapshot = merge(&documents).map_err(|error| (error, None))?;
            self.state.borrow_mut().documents = documents.clone();
            if leading {
                if let Some(entry) = cache::encode(now, &documents) {
                    // Stored in a task of its own: a big feed's copy takes milliseconds to
                    // write, and the picture need not wait for it.
                    let key = cache::key(src);
                    gloo_timers::callback::Timeout::new(0, move || storage::write(&key, &entry)).forget();
                }
            }
            Ok(Some((Loaded::new(snapshot, now, false), hash)))
        });
        let delivery = {
            let mut state = self.state.borrow_mut();
            match result {
                Ok(fresh) => {
                    state.failures = 0;
                    state.retry_after = None;
                    let recovered = state.failure.take().is_some();
                    match fresh {
                        Some((loaded, hash)) => {
                            state.latest = Some(loaded.clone());
                            state.latest_hash = Some(hash);
                            Some(Ok(loaded))
                        }
                        // Unchanged: only the time of the last check moves on.
                        None => {
                            let latest = state.latest.clone();
                            if let Some(latest) = &latest {
                                latest
                                    .checked
                                    .set(latest.snapshot.stale_since.map_or(now, |since| since.min(now)));
                            }
                            latest.filter(|_| recovered).map(Ok)
                        }
                    }
                }
                Err((error, retry_after)) => {
                    web_sys::console::warn_1(&format!("{} {src}: {error}", crate::LOG_PREFIX).into());
                    state.failures += 1;
                    state.retry_after = retry_after;
                    let since = state.failure.as_ref().map_or(now, |f| f.since);
                    let failure = Failure { error, since };
                    state.failure = Some(failure.clone());
                    Some(Err(failure))
                }
            }
        };
        if let Some(delivery) = delivery {
            // Drawn in the next task: decoding a big feed and drawing it are two tasks, not
            // one long one (Duo's 539 components: about 30 ms and 45 ms).
            self.state.borrow_mut().delivering = true;
            let poller = Rc::downgrade(self);
            Timeout::new(0, move || {
                if let Some(poller) = poller.upgrade() {
                    poller.state.borrow_mut().delivering = false;
                    poller.deliver(delivery);
                }
            })
            .forget();
        }
        self.listen();
        self.schedule();
    }

    /// Opens the relay's event stream, when the summary named one, this tab leads and polls,
    /// and no stream is open or waiting to reconnect.
    fn listen(self: &Rc<Self>) {
        let url = {
            let state = self.state.borrow();
            let idle = state.stream.is_none() && state.reconnect.is_none() && state.leading.is_some();
            match &state.events_url {
                Some(url) if idle => url.clone(),
                _ => return,
            }
        };
        if self.options().poll <= 0.0 {
            return;
        }
        let Ok(source) = EventSource::new(&url) else { return };
        let poller = Rc::downgrade(self);
        let summary = EventListener::new(&source, "summary", move |event| {
            let (Some(poller), Some(event)) = (poller.upgrade(), event.dyn_ref::<MessageEvent>()) else {
                return;
            };
            if let Some(text) = event.data().as_string() {
                poller.pushed(text);
            }
        });
        let poller = Rc::downgrade(self);
        let ping = EventListener::new(&source, "ping", move |_| {
            if let Some(poller) = poller.upgrade() {
                poller.alive();
            }
        });
        let poller = Rc::downgrade(self);
        let error = EventListener::new(&source, "error", move |_| {
            if let Some(poller) = poller.upgrade() {
                poller.stream_lost();
            }
        });
        self.state.borrow_mut().stream =
            Some(Stream { source, _summary: summary, _ping: ping, _error: error });
    }

    /// The relay's stream says nothing changed: as good as an unchanged read (the "Updated"
    /// time moves on, here and in the other tabs).
    fn alive(self: &Rc<Self>) {
        let (Some(src), documents) = (self.src.clone(), self.state.borrow().documents.clone()) else {
            return;
        };
        if !documents.is_empty() && self.state.borrow().in_flight.is_none() {
            self.finish(&src, Ok(documents));
        }
    }

    /// A summary the relay pushed: read as a summary-only poll would be (the history is read
    /// again when it changed).
    fn pushed(self: &Rc<Self>, summary: String) {
        let Some(src) = self.src.clone() else { return };
        let documents = {
            let mut state = self.state.borrow_mut();
            state.stream_failures = 0;
            if state.in_flight.is_some() {
                return; // a read under way brings this or newer
            }
            let changed = state.documents.first() != Some(&summary);
            state.read_all_next = changed && state.documents.len() > 1;
            let mut documents = vec![summary];
            documents.extend(state.documents.iter().skip(1).cloned());
            documents
        };
        self.finish(&src, Ok(documents));
        if self.state.borrow().read_all_next {
            self.read_now();
        }
    }

    /// The stream failed (the relay is down, or a proxy cut it): close it, poll as usual, and
    /// open it again after a doubling wait.
    fn stream_lost(self: &Rc<Self>) {
        let failures = {
            let mut state = self.state.borrow_mut();
            state.stream = None;
            state.stream_failures = state.stream_failures.saturating_add(1);
            state.stream_failures
        };
        let poller = Rc::downgrade(self);
        let reconnect =
            Timeout::new(timer_millis(reconnect_after(failures, js_sys::Math::random())), move || {
                if let Some(poller) = poller.upgrade() {
                    poller.state.borrow_mut().reconnect = None;
                    poller.listen();
                }
            });
        self.state.borrow_mut().reconnect = Some(reconnect);
        self.schedule();
    }

    fn schedule(self: &Rc<Self>) {
        let poll = self.options().poll;
        let state = self.state.borrow();
        if poll <= 0.0 || state.subscribers.is_empty() || state.leading.is_none() {
            return;
        }
        drop(state);
        let (failures, retry_after) = {
            let state = self.state.borrow();
            (state.failures, state.retry_after)
        };
        // Listening to a relay's stream, the documents are read ten times less often.
        let listening = self.state.borrow().stream.is_some();
        let interval = if listening { poll * f64::from(FULL_READ_EVERY) } else { poll };
        let delay = Policy::every(interval).next_delay(failures, retry_after, js_sys::Math::random());
        let poller = Rc::downgrade(self);
        let timer = Timeout::new(timer_millis(delay), move || {
            let Some(poller) = poller.upgrade() else { return };
            if page_hidden() {
                // Paused while hidden; the visibility listener reads once the page shows.
                poller.state.borrow_mut().missed_while_hidden = true;
            } else {
                poller.read_now();
            }
        });
        self.state.borrow_mut().timer = Some(timer);
    }

    fn deliver(&self, result: Result<Loaded, Failure>) {
        let listeners: Vec<Listener> =
            self.state.borrow().subscribers.iter().map(|s| s.listener.clone()).collect();
        for listener in listeners {
            listener(result.clone());
        }
    }
}

fn page_hidden() -> bool {
    web_sys::window().and_then(|w| w.document()).is_some_and(|d| d.hidden())
}

fn merge(documents: &[impl AsRef<str>]) -> Result<Snapshot, FeedError> {
    documents.iter().try_fold(Snapshot::default(), |acc, document| {
        decode(document.as_ref().as_bytes()).map(|(_, snapshot)| acc.merge(snapshot))
    })
}

fn from_cache(entry: &str) -> Option<Loaded> {
    let (saved_at, documents) = cache::decode(entry)?;
    merge(&documents).ok().map(|snapshot| Loaded::new(snapshot, saved_at, true))
}

/// Reads one document as text, or says why not (with the server's `Retry-After` in seconds
/// when it sent one with a 429 or 503).
async fn read_one(
    url: &str,
    signal: &AbortSignal,
    timed_out: &Cell<bool>,
    timeout: f64,
    events: Option<&Rc<Poller>>,
) -> Result<String, (FeedError, Option<f64>)> {
    let failed = |detail: String| {
        let error = if timed_out.get() {
            FeedError::Timeout { url: url.to_owned(), seconds: timeout.round() as u32 }
        } else {
            FeedError::Network { url: url.to_owned(), detail }
        };
        (error, None)
    };
    let started = match take_prefetched(url, signal) {
        Some(promise) => Ok(promise),
        None => fetch(url, signal),
    };
    let response: Response = match started {
        Ok(promise) => JsFuture::from(promise).await.and_then(JsCast::dyn_into),
        Err(error) => Err(error),
    }
    .map_err(|error| failed(js_error_text(&error)))?;
    let status = response.status();
    let header = |name: &str| response.headers().get(name).ok().flatten();
    if let Some(poller) = events {
        // A status-relay names its event stream, relative to the document's address (also on
        // its 503 before a first read: the stream then brings the first picture).
        let stream =
            header(EVENTS_HEADER).and_then(|h| web_sys::Url::new_with_base(&h, &response.url()).ok());
        poller.state.borrow_mut().events_url = stream.map(|u| u.href());
    }
    if !response.ok() {
        let retry_after = matches!(status, 429 | 503)
            .then(|| header("retry-after"))
            .flatten()
            .and_then(|value| parse_retry_after(&value, time::now()));
        return Err((FeedError::Http { url: url.to_owned(), status }, retry_after));
    }
    let too_large = |size| (FeedError::TooLarge { size, limit: MAX_FEED_BYTES }, None);
    let announced = header("content-length").and_then(|v| v.parse::<usize>().ok());
    if let Some(size) = announced.filter(|size| *size > MAX_FEED_BYTES) {
        return Err(too_large(size));
    }
    let text = match response.text() {
        Ok(promise) => JsFuture::from(promise).await,
        Err(error) => Err(error),
    }
    .map_err(|error| failed(js_error_text(&error)))?
    .as_string()
    .unwrap_or_default();
    if text.len() > MAX_FEED_BYTES {
        return Err(too_large(text.len()));
    }
    Ok(text)
}

/// Starts a GET of `url` that revalidates with the server (`cache: "no-cache"`: ETag and
/// Last-Modified, without headers that would need a CORS preflight) and stops when `signal`
/// aborts. The fetch API directly: the one thing gloo-net did here.
fn fetch(url: &str, signal: &AbortSignal) -> Result<js_sys::Promise, JsValue> {
    let init = RequestInit::new();
    init.set_cache(RequestCache::NoCache);
    init.set_signal(Some(signal));
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    // `fetch(url, init)`, not `fetch(new Request(url, init))`: in WebKitGTK 2.50, once the
    // Request object is garbage-collected, aborting its signal no longer rejects the fetch,
    // so a timed-out read would hang for ever (the e2e fault walk caught it in WebKit).
    Ok(window.fetch_with_str_and_init(url, &init))
}

/// A rejected fetch as JavaScript names it ("TypeError: Failed to fetch").
fn js_error_text(error: &JsValue) -> String {
    match error.dyn_ref::<js_sys::Error>() {
        Some(error) => format!("{}: {}", String::from(error.name()), String::from(error.message())),
        None => error.as_string().unwrap_or_else(|| "the request failed".to_owned()),
    }
}
