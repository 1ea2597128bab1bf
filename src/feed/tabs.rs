//! Sharing one poller across the tabs of an origin: one tab (the leader) reads the feed and
//! broadcasts what it read; the others listen. The rules that decide who leads are pure and
//! tested natively; the `BroadcastChannel` plumbing lives in `client.rs`.
//!
//! - A tab starts reading at once (no waiting for an election, so the first paint is not
//!   delayed) and says so; when two tabs both lead, the one that started leading later
//!   yields ([`yields_to`]).
//! - The leader sends a heartbeat every interval; a visible follower that hears nothing for
//!   [`takeover_after`] takes over.
//! - A leader whose tab hides or closes says goodbye; a visible follower then takes over
//!   after a short random pause, so that not every follower does at once.

/// A leader's claim: when it started leading (ms since the epoch) and its random tab id.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Claim {
    /// When this tab became leader.
    pub since: f64,
    /// Random id, to break ties.
    pub id: f64,
}

/// Whether `mine` should step down on hearing `theirs`: the younger claim yields; on a tie
/// the higher id does. Exactly one of two different claims yields.
pub fn yields_to(mine: Claim, theirs: Claim) -> bool {
    (mine.since, mine.id) > (theirs.since, theirs.id)
}

/// Seconds a follower waits without hearing the leader before taking over.
pub fn takeover_after(interval: f64) -> f64 {
    3.0 * interval.max(0.5)
}

/// Seconds a follower waits after the leader said goodbye, spread by `random` in `[0, 1)`.
pub fn takeover_after_goodbye(random: f64) -> f64 {
    0.05 + 0.25 * random.clamp(0.0, 1.0)
}
