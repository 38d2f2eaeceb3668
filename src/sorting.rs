//! Sorting by a number (a time, mostly) through one sort of `(u64, usize)` pairs. Each
//! `sort_by_key` with its own closure is its own copy of the standard library's sort in the
//! wasm; the pairs go through the merge sort the sorted maps use (`sorted::sort`), so the start
//! page's piece holds no standard sort (clippy.toml holds it so).

/// Sorts `items` by `key`, smallest first; items with equal keys keep their order.
pub fn by_key<T>(items: &mut Vec<T>, key: impl Fn(&T) -> u64) {
    if items.len() < 2 {
        return;
    }
    // The app's one merge sort (`sorted::sort`), on pairs whose position breaks ties.
    let order = crate::sorted::sort(
        items
            .iter()
            .enumerate()
            .map(|(at, item)| (key(item), at))
            .collect(),
    );
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(
        order
            .into_iter()
            .filter_map(|(_, at)| slots.get_mut(at).and_then(Option::take)),
    );
}

/// Sorts `items` by `key`, largest first; items with equal keys keep their order.
pub fn by_key_descending<T>(items: &mut Vec<T>, key: impl Fn(&T) -> u64) {
    by_key(items, |item| u64::MAX - key(item));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_by_the_key_and_keeps_equal_keys_in_order() {
        let mut items = vec![(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e')];
        by_key(&mut items, |&(k, _)| k);
        assert_eq!(items, [(0, 'd'), (1, 'b'), (1, 'e'), (3, 'a'), (3, 'c')]);
    }

    #[test]
    fn sorts_largest_first_and_keeps_equal_keys_in_order() {
        let mut items = vec![(3, 'a'), (1, 'b'), (3, 'c'), (u64::MAX, 'd'), (0, 'e')];
        by_key_descending(&mut items, |&(k, _)| k);
        assert_eq!(
            items,
            [(u64::MAX, 'd'), (3, 'a'), (3, 'c'), (1, 'b'), (0, 'e')]
        );
    }

    #[test]
    fn gives_what_the_standard_stable_sort_gives() {
        let keys: Vec<u64> = (0..200u64).map(|i| (i * 7919) % 13).collect();
        let mut ours: Vec<(u64, usize)> = keys.iter().copied().zip(0..).collect();
        let mut theirs = ours.clone();
        by_key(&mut ours, |&(k, _)| k);
        theirs.sort_by_key(|&(k, _)| k);
        assert_eq!(ours, theirs);
        by_key_descending(&mut ours, |&(k, _)| k);
        theirs.sort_by_key(|&(k, _)| std::cmp::Reverse(k));
        assert_eq!(ours, theirs);
    }

    #[test]
    fn empty_and_single_lists_are_left_alone() {
        let mut none: Vec<u8> = Vec::new();
        by_key(&mut none, |&b| u64::from(b));
        assert!(none.is_empty());
        let mut one = vec![5u8];
        by_key_descending(&mut one, |&b| u64::from(b));
        assert_eq!(one, [5]);
    }
}
