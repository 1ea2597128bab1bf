//! Stable sorting through one shared copy of the standard library's sort.
//!
//! Each `sort_by` on a new element type compiles another copy of the sort: seven lists
//! (incidents, updates, components, …) cost the wasm about 40 KB before wasm-opt. Here the
//! positions are sorted instead, through a `dyn` comparison, and the items then move into
//! that order, so one copy serves every list. Same result as `slice::sort_by`: stable.

use std::cmp::Ordering;

/// Sorts `items` stably by `compare`, as `slice::sort_by` does.
pub(crate) fn sort_by<T>(items: &mut Vec<T>, compare: impl Fn(&T, &T) -> Ordering) {
    let order = positions(items.len(), &|a, b| match (items.get(a), items.get(b)) {
        (Some(a), Some(b)) => compare(a, b),
        _ => Ordering::Equal,
    });
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().filter_map(|i| slots.get_mut(i).and_then(Option::take)));
}

/// Sorts `items` stably by `key`, as `slice::sort_by_key` does.
pub(crate) fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// `0..len` in the order `compare` gives the items at those positions (stable).
#[inline(never)]
fn positions(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|a, b| compare(*a, *b));
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_like_the_standard_library() {
        let words = ["pear", "fig", "apple", "kiwi", "date", "plum", "lime", "", "banana", "fig"];
        for len in 0..=words.len() {
            let mut ours: Vec<&str> = words[..len].to_vec();
            let mut theirs = ours.clone();
            sort_by_key(&mut ours, |w| w.len());
            theirs.sort_by_key(|w| w.len());
            assert_eq!(ours, theirs, "by length, {len} words");
            sort_by(&mut ours, |a, b| b.cmp(a));
            theirs.sort_by(|a, b| b.cmp(a));
            assert_eq!(ours, theirs, "reversed, {len} words");
        }
    }
}
