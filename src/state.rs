//! The widget's interactive state as a pure reducer, tested natively; the yew `Reducible`
//! impl only forwards to [`State::reduce`].

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
}

impl Loaded {
    /// A picture read just now at `at`.
    pub fn new(snapshot: Snapshot, at: Time, cached: bool) -> Loaded {
        Loaded { snapshot: Rc::new(snapshot), checked: Rc::new(Cell::new(at)), cached }
    }
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
    /// The reader hid the widget.
    pub dismissed: bool,
    /// Reads are failing while older data stays on screen.
    pub failure: Option<Failure>,
}

/// What can happen to the state.
#[derive(Clone, Debug)]
pub enum Action {
    /// A read finished with new data, or failed.
    Fetched(Result<Loaded, Failure>),
    /// The banner was activated.
    Toggle,
    /// Close the timeline.
    Collapse,
    /// Pin the clock (or unpin with `None`).
    Pin(Option<Time>),
    /// The reader asked to try again after an error.
    Retry,
    /// Hide the widget.
    Dismiss,
}

impl State {
    /// The state before anything loaded.
    pub fn new(pinned: Option<Time>, expanded: bool) -> State {
        State { load: Load::Loading, expanded, pinned, dismissed: false, failure: None }
    }

    /// The state after `action`.
    pub fn reduce(&self, action: Action) -> State {
        let mut next = self.clone();
        match action {
            Action::Fetched(Ok(loaded)) => {
                next.load = Load::Ready(loaded);
                next.failure = None;
            }
            // A failed refresh keeps the last good data; only a first failure shows an error.
            Action::Fetched(Err(failure)) => match next.load {
                Load::Ready(_) => next.failure = Some(failure),
                _ => next.load = Load::Failed(failure),
            },
            Action::Toggle => next.expanded = !next.expanded,
            Action::Collapse => next.expanded = false,
            Action::Pin(at) => next.pinned = at,
            Action::Retry => {
                if matches!(next.load, Load::Failed(_)) {
                    next.load = Load::Loading;
                }
            }
            Action::Dismiss => next.dismissed = true,
        }
        next
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

#[cfg(target_arch = "wasm32")]
impl yew::Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(State::reduce(&self, action))
    }
}
