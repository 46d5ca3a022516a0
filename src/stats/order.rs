//! Sorting once for every caller: the order of a list of values, and maps
//! built by insertion rather than by sorting their pairs.

use std::collections::BTreeMap;

/// The indices of `xs` from its smallest value to its largest (in
/// `total_cmp`'s order), equal values by index. One function for every
/// caller: each sort with its own closure is another copy of the sort in
/// the WebAssembly the page loads.
pub(crate) fn order_of(xs: &[f64]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..xs.len()).collect();
    order.sort_unstable_by(|&a, &b| xs[a].total_cmp(&xs[b]).then(a.cmp(&b)));
    order
}

/// A map from pairs, by insertion: `collect()` into a `BTreeMap` sorts the
/// pairs first, with a copy of the sort for each type of pair (kilobytes of
/// WebAssembly each) to gain nothing on maps of a few dozen entries.
pub(crate) fn map_of<K: Ord, V>(pairs: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut map = BTreeMap::new();
    for (k, v) in pairs {
        map.insert(k, v);
    }
    map
}
