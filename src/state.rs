//! The widget's interactive state as a pure reducer, tested natively; the `App` component
//! applies each of its messages' actions with [`State::reduce`].

use std::cell::Cell;
use std::rc::Rc;

use crate::feed::FeedError;
use crate::model::{Snapshot, Time};

/// A feed that was read, and when.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    /// The picture.
    pub snapshot: Rc<Snapshot>,
    /// When the feed was last read successfully. Shared with the poller, which moves it on
    /// when a poll finds the feed unchanged, without a re-render (the clock tick shows it).
    pub checked: Rc<Cell<Time>>,
    /// Painted from the browser's saved copy, not yet confirmed by the network.
    pub cached: bool,
    /// The other sources' read times, when the picture combines several status pages.
    pub also_checked: Vec<Rc<Cell<Time>>>,
    /// The first document of a first read, shown before the rest arrive (a base URL's
    /// summary without its incident history): the complete picture after it is no news.
    pub partial: bool,
    /// Any read's first document shown before the rest arrive: not the read that completes
    /// a partial picture (that one is the read's whole answer).
    pub early: bool,
}

impl Loaded {
    /// A picture read just now at `at` (or, from a status-relay whose upstream fails, last
    /// confirmed when the relay last read it).
    pub fn new(snapshot: Snapshot, at: Time, cached: bool) -> Loaded {
        let at = snapshot.stale_since.map_or(at, |since| since.min(at));
        Loaded {
            snapshot: Rc::new(snapshot),
            checked: Rc::new(Cell::new(at)),
            cached,
            also_checked: Vec::new(),
            partial: false,
            early: false,
        }
    }

    /// When the picture was last confirmed: for several sources, the least recent of them.
    pub fn checked_at(&self) -> Time {
        self.also_checked.iter().map(|c| c.get()).fold(self.checked.get(), Time::min)
    }

    /// Several sources' pictures as one, each labelled with its `label`.
    pub fn combine(parts: &[(&str, &Loaded)]) -> Option<Loaded> {
        let (_, first) = parts.first()?;
        let snapshots = parts.iter().map(|(label, l)| (*l.snapshot).clone().labelled(label)).collect();
        Some(Loaded {
            snapshot: Rc::new(Snapshot::combine(snapshots)),
            checked: first.checked.clone(),
            cached: parts.iter().any(|(_, l)| l.cached),
            also_checked: parts.iter().skip(1).map(|(_, l)| l.checked.clone()).collect(),
            partial: parts.iter().any(|(_, l)| l.partial),
            early: parts.iter().any(|(_, l)| l.early),
        })
    }
}

/// One source's own standing, when the widget shows several.
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    /// What the reader sees it called: the page's name once known, else the address's host.
    pub label: String,
    /// Where its reading stands.
    pub load: Load,
    /// Its refreshes are failing while its older data stays on screen.
    pub failure: Option<Failure>,
}

/// A failed read, and since when reads have been failing.
#[derive(Clone, Debug, PartialEq)]
pub struct Failure {
    /// The latest error.
    pub error: FeedError,
    /// The first failure of the current run of failures.
    pub since: Time,
}

/// Where loading stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Load {
    /// Nothing yet.
    Loading,
    /// A feed was read.
    Ready(Loaded),
    /// Reading failed and there is nothing to show.
    Failed(Failure),
}

/// Everything the widget remembers between renders.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The feed.
    pub load: Load,
    /// Whether the timeline is open.
    pub expanded: bool,
    /// The pinned clock, when replaying.
    pub pinned: Option<Time>,
    /// What the reader dismissed ([`notice_key`]s), remembered across reloads.
    pub dismissed: Vec<String>,
    /// Reads are failing while older data stays on screen.
    pub failure: Option<Failure>,
    /// Each source's standing, when `src` names several (empty for one).
    pub sources: Vec<Source>,
}

/// What can happen to the state.
#[derive(Clone, Debug)]
pub enum Action {
    /// A read of source number `.0` finished with new data, or failed.
    Fetched(usize, Result<Loaded, Failure>),
    /// The banner was activated.
    Toggle,
    /// Close the timeline.
    Collapse,
    /// Pin the clock (or unpin with `None`).
    Pin(Option<Time>),
    /// The reader asked to try again after an error.
    Retry,
    /// Hide what the banner shows now (its [`notice_key`]).
    Dismiss(String),
    /// `src` changed: start again with these sources (labels as for [`State::new`]).
    Sources(Vec<String>),
}

impl State {
    /// The state before anything loaded, for sources called `labels` (one source: any one
    /// label, or none).
    pub fn new(pinned: Option<Time>, expanded: bool, labels: &[String]) -> State {
        let sources = if labels.len() > 1 {
            let source = |label: &String| Source { label: label.clone(), load: Load::Loading, failure: None };
            labels.iter().map(source).collect()
        } else {
            Vec::new()
        };
        State { load: Load::Loading, expanded, pinned, dismissed: Vec::new(), failure: None, sources }
    }

    /// Sources that cannot be read right now, with their latest error and whether their
    /// older data is still shown.
    pub fn failing_sources(&self) -> Vec<(&str, &Failure, bool)> {
        self.sources
            .iter()
            .filter_map(|s| match &s.load {
                Load::Failed(f) => Some((s.label.as_str(), f, false)),
                _ => s.failure.as_ref().map(|f| (s.label.as_str(), f, true)),
            })
            .collect()
    }

    /// Works out the widget's picture from its sources: every source read so far combined;
    /// an error only when all of them failed; loading while none has answered yet.
    fn combine_sources(&mut self) {
        let ready: Vec<(&str, &Loaded)> = self
            .sources
            .iter()
            .filter_map(|s| match &s.load {
                Load::Ready(loaded) => Some((s.label.as_str(), loaded)),
                _ => None,
            })
            .collect();
        // Two pages with the same name would mix their incidents and groups: keep labels apart.
        let mut seen: Vec<String> = Vec::new();
        let ready: Vec<(String, &Loaded)> = ready
            .into_iter()
            .map(|(label, loaded)| {
                let mut unique = label.to_owned();
                let mut n = 1;
                while seen.contains(&unique) {
                    n += 1;
                    unique = format!("{label} ({n})");
                }
                seen.push(unique.clone());
                (unique, loaded)
            })
            .collect();
        let ready: Vec<(&str, &Loaded)> =
            ready.iter().map(|(label, loaded)| (label.as_str(), *loaded)).collect();
        self.load = match Loaded::combine(&ready) {
            Some(loaded) => Load::Ready(loaded),
            None => {
                let first_failure = self.sources.iter().find_map(|s| match &s.load {
                    Load::Failed(f) => Some(f.clone()),
                    _ => None,
                });
                let all_failed = self.sources.iter().all(|s| matches!(s.load, Load::Failed(_)));
                match first_failure {
                    Some(failure) if all_failed => Load::Failed(failure),
                    _ => Load::Loading,
                }
            }
        };
        // Per-source failures are reported by name; the single-source notice stays quiet.
        self.failure = None;
    }

    /// The state after `action`.
    pub fn reduce(&self, action: Action) -> State {
        let mut next = self.clone();
        match action {
            Action::Fetched(index, result) => match next.sources.get_mut(index) {
                Some(source) => {
                    // The page's own name is the clearest label once it is known.
                    if let Ok(loaded) = &result {
                        if let Some(name) =
                            loaded.snapshot.page.name.as_deref().filter(|n| !n.trim().is_empty())
                        {
                            source.label = name.trim().to_owned();
                        }
                    }
                    apply(&mut source.load, &mut source.failure, result);
                    next.combine_sources();
                }
                None => apply(&mut next.load, &mut next.failure, result),
            },
            Action::Toggle => next.expanded = !next.expanded,
            Action::Collapse => next.expanded = false,
            Action::Pin(at) => next.pinned = at,
            Action::Retry => {
                if matches!(next.load, Load::Failed(_)) {
                    next.load = Load::Loading;
                    for source in &mut next.sources {
                        source.load = Load::Loading;
                    }
                }
            }
            Action::Sources(labels) => {
                let fresh = State::new(None, false, &labels);
                next.sources = fresh.sources;
                next.load = Load::Loading;
                next.failure = None;
            }
            Action::Dismiss(key) => {
                next.dismissed.retain(|k| *k != key);
                next.dismissed.push(key);
                // The oldest go first; a handful is all a reader ever dismisses.
                let excess = next.dismissed.len().saturating_sub(MAX_DISMISSED);
                next.dismissed.drain(..excess);
            }
        }
        next
    }
}

/// How many dismissals are remembered.
pub const MAX_DISMISSED: usize = 20;

/// What a dismissal hides, on the status page `page` (the widget's `src`): every active
/// incident with its latest update (a newer update, or another incident, brings the banner
/// back), or, with nothing active, the overall status. Keys name the page, so dismissing one
/// page's widget hides no other page's.
pub fn notice_key(snapshot: &Snapshot, page: &str) -> String {
    let mut parts: Vec<String> = snapshot
        .active()
        .iter()
        .map(|incident| {
            let latest = incident.updates.first();
            let id = latest.map(|u| u.id.as_str()).unwrap_or_default();
            // Feeds without update ids get made-up ones ("#0"); the time tells updates apart.
            let at = latest.and_then(|u| u.at).map_or(0, |t| t.timestamp());
            format!("{}@{id}@{at}", incident.key())
        })
        .collect();
    crate::order::sort_by(&mut parts, String::cmp);
    let key = if parts.is_empty() {
        format!("{page} status:{}", snapshot.overall().indicator.as_str())
    } else {
        format!("{page} {}", parts.join(" "))
    };
    key.replace(['\n', '\r'], " ")
}

/// The saved list of dismissals as stored (one key per line), read leniently.
pub fn parse_dismissed(stored: &str) -> Vec<String> {
    let mut keys: Vec<String> =
        stored.lines().map(str::trim).filter(|k| !k.is_empty()).map(str::to_owned).collect();
    let excess = keys.len().saturating_sub(MAX_DISMISSED);
    keys.drain(..excess);
    keys
}

/// A read's result applied to one load: new data replaces the old; a failed refresh keeps
/// the last good data and is remembered; only a first failure shows an error.
fn apply(load: &mut Load, failure: &mut Option<Failure>, result: Result<Loaded, Failure>) {
    match result {
        Ok(loaded) => {
            *load = Load::Ready(loaded);
            *failure = None;
        }
        Err(error) => match load {
            Load::Ready(_) => *failure = Some(error),
            _ => *load = Load::Failed(error),
        },
    }
}

/// The next (or previous) moment of a replay from `at`: the first posted instant after it,
/// or the last one before it. `None` at either end.
pub fn step(moments: &[Time], at: Time, forward: bool) -> Option<Time> {
    if forward {
        moments.iter().find(|m| **m > at).copied()
    } else {
        moments.iter().rev().find(|m| **m < at).copied()
    }
}
