//! The widget's interactive state as a pure reducer, tested natively; the yew `Reducible`
//! impl only forwards to [`State::reduce`].

use std::rc::Rc;

use crate::feed::FeedError;
use crate::model::{Snapshot, Time};

/// A feed that was read, and when.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    /// The picture.
    pub snapshot: Rc<Snapshot>,
    /// When the widget last read it (the "last check").
    pub fetched_at: Time,
}

/// Where loading stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Load {
    /// Nothing yet.
    Loading,
    /// A feed was read.
    Ready(Loaded),
    /// Reading failed and there is nothing to show.
    Failed(FeedError),
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
    /// Bumped by [`Action::Retry`] and [`Action::Refresh`] so the feed is read again.
    pub attempt: u32,
    /// The reader hid the widget.
    pub dismissed: bool,
}

/// What can happen to the state.
#[derive(Clone, Debug)]
pub enum Action {
    /// A fetch finished.
    Fetched(Result<Loaded, FeedError>),
    /// The banner was activated.
    Toggle,
    /// Close the timeline.
    Collapse,
    /// Pin the clock (or unpin with `None`).
    Pin(Option<Time>),
    /// Try the feed again after an error.
    Retry,
    /// Read the feed again, keeping what is shown until the answer comes (polling).
    Refresh,
    /// Hide the widget.
    Dismiss,
}

impl State {
    /// The state before anything loaded.
    pub fn new(pinned: Option<Time>, expanded: bool) -> State {
        State { load: Load::Loading, expanded, pinned, attempt: 0, dismissed: false }
    }

    /// The state after `action`.
    pub fn reduce(&self, action: Action) -> State {
        let mut next = self.clone();
        match action {
            Action::Fetched(Ok(loaded)) => next.load = Load::Ready(loaded),
            // A failed refresh keeps the last good data; only a first failure shows an error.
            Action::Fetched(Err(error)) => {
                if !matches!(next.load, Load::Ready(_)) {
                    next.load = Load::Failed(error);
                }
            }
            Action::Toggle => next.expanded = !next.expanded,
            Action::Collapse => next.expanded = false,
            Action::Pin(at) => next.pinned = at,
            Action::Retry => {
                next.load = Load::Loading;
                next.attempt += 1;
            }
            Action::Refresh => next.attempt += 1,
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
