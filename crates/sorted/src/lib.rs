//! Maps and sets kept as sorted vectors, and the one merge sort behind them. Each `BTreeMap`,
//! `BTreeSet` or `HashMap` of its own key and value types is its own copy of the standard
//! library's tree or table code in the wasm, and each standard sort of its own type or closure
//! its own copy of the sort; a sorted vector needs a binary search and a vector's insert. The
//! maps here hold a few hundred entries at most (questions, settings, notes, a marker's words),
//! and iterate, compare and serialize in key order as a `BTreeMap` does, so stored JSON is the
//! same. Shared by the app and the marking crate. Why not a crate: docs/decisions.md.

// Tests compare with the standard collections and sort: the size rules (clippy.toml) hold
// what ships.
#![cfg_attr(test, allow(clippy::disallowed_methods, clippy::disallowed_types))]

use std::borrow::Borrow;
use std::fmt;

/// A map with its entries kept in key order.
#[derive(Clone, PartialEq, Eq)]
pub struct SortedMap<K, V> {
    entries: Vec<(K, V)>,
}

impl<K, V> Default for SortedMap<K, V> {
    fn default() -> Self {
        Self {
            entries: Vec::new(),
        }
    }
}

impl<K: Ord, V> SortedMap<K, V> {
    pub fn new() -> Self {
        Self::default()
    }

    fn find<Q: Ord + ?Sized>(&self, key: &Q) -> Result<usize, usize>
    where
        K: Borrow<Q>,
    {
        self.entries.binary_search_by(|(k, _)| k.borrow().cmp(key))
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn get<Q: Ord + ?Sized>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
    {
        self.find(key).ok().map(|at| &self.entries[at].1)
    }

    pub fn get_mut<Q: Ord + ?Sized>(&mut self, key: &Q) -> Option<&mut V>
    where
        K: Borrow<Q>,
    {
        self.find(key).ok().map(|at| &mut self.entries[at].1)
    }

    pub fn contains_key<Q: Ord + ?Sized>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
    {
        self.find(key).is_ok()
    }

    /// Sets `key` to `value`; the value it had, if any.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        match self.find(&key) {
            Ok(at) => Some(std::mem::replace(&mut self.entries[at].1, value)),
            Err(at) => {
                self.entries.insert(at, (key, value));
                None
            }
        }
    }

    pub fn remove<Q: Ord + ?Sized>(&mut self, key: &Q) -> Option<V>
    where
        K: Borrow<Q>,
    {
        self.find(key).ok().map(|at| self.entries.remove(at).1)
    }

    /// The place of `key`, to read, change or fill as a `BTreeMap`'s entry.
    pub fn entry(&mut self, key: K) -> Entry<'_, K, V> {
        match self.find(&key) {
            Ok(at) => Entry::Occupied(&mut self.entries[at].1),
            Err(at) => Entry::Vacant(self, at, key),
        }
    }

    pub fn retain(&mut self, mut keep: impl FnMut(&K, &mut V) -> bool) {
        self.entries.retain_mut(|(k, v)| keep(k, v));
    }

    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (&K, &V)> + ExactSizeIterator {
        self.entries.iter().map(|(k, v)| (k, v))
    }

    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &K> + ExactSizeIterator {
        self.entries.iter().map(|(k, _)| k)
    }

    pub fn values_mut(&mut self) -> impl DoubleEndedIterator<Item = &mut V> + ExactSizeIterator {
        self.entries.iter_mut().map(|(_, v)| v)
    }

    pub fn values(&self) -> impl DoubleEndedIterator<Item = &V> + ExactSizeIterator {
        self.entries.iter().map(|(_, v)| v)
    }

    pub fn into_values(self) -> impl DoubleEndedIterator<Item = V> + ExactSizeIterator {
        self.entries.into_iter().map(|(_, v)| v)
    }
}

/// A key's place in a map: its value, or where it would go.
pub enum Entry<'a, K, V> {
    Occupied(&'a mut V),
    Vacant(&'a mut SortedMap<K, V>, usize, K),
}

impl<'a, K, V> Entry<'a, K, V> {
    pub fn or_insert(self, value: V) -> &'a mut V {
        self.or_insert_with(|| value)
    }

    pub fn or_insert_with(self, make: impl FnOnce() -> V) -> &'a mut V {
        match self {
            Entry::Occupied(value) => value,
            Entry::Vacant(map, at, key) => {
                map.entries.insert(at, (key, make()));
                &mut map.entries[at].1
            }
        }
    }

    pub fn or_default(self) -> &'a mut V
    where
        V: Default,
    {
        self.or_insert_with(V::default)
    }

    pub fn and_modify(self, change: impl FnOnce(&mut V)) -> Self {
        match self {
            Entry::Occupied(value) => {
                change(value);
                Entry::Occupied(value)
            }
            vacant => vacant,
        }
    }
}

impl<K: Ord, V> FromIterator<(K, V)> for SortedMap<K, V> {
    /// As a `BTreeMap` collects: for a key given twice, the later value.
    fn from_iter<I: IntoIterator<Item = (K, V)>>(items: I) -> Self {
        let mut entries = in_order(items.into_iter().collect(), |a: &(K, V), b| a.0 < b.0);
        // Equal keys are next to each other, in the order given: keep the last.
        entries.reverse();
        entries.dedup_by(|later, earlier| later.0 == earlier.0);
        entries.reverse();
        Self { entries }
    }
}

impl<K: Ord, V, const N: usize> From<[(K, V); N]> for SortedMap<K, V> {
    fn from(items: [(K, V); N]) -> Self {
        items.into_iter().collect()
    }
}

/// For tests, which read a value they know is there.
#[cfg(any(test, feature = "index"))]
impl<K: Ord + Borrow<Q>, Q: Ord + ?Sized, V> std::ops::Index<&Q> for SortedMap<K, V> {
    type Output = V;

    fn index(&self, key: &Q) -> &V {
        self.get(key).expect("no entry for the key")
    }
}

impl<K, V> IntoIterator for SortedMap<K, V> {
    type Item = (K, V);
    type IntoIter = std::vec::IntoIter<(K, V)>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
    }
}

impl<'a, K, V> IntoIterator for &'a SortedMap<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = std::iter::Map<std::slice::Iter<'a, (K, V)>, fn(&'a (K, V)) -> (&'a K, &'a V)>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter().map(|(k, v)| (k, v))
    }
}

impl<K: fmt::Debug, V: fmt::Debug> fmt::Debug for SortedMap<K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map()
            .entries(self.entries.iter().map(|(k, v)| (k, v)))
            .finish()
    }
}

/// Read and written as serde reads and writes a `BTreeMap`: a map in key order, and for a key
/// given twice, the later value.
#[cfg(feature = "serde")]
mod serde_impls {
    use super::SortedMap;
    use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
    use serde::ser::{Serialize, SerializeMap, Serializer};
    use std::fmt;
    use std::marker::PhantomData;

    impl<K: Serialize, V: Serialize> Serialize for SortedMap<K, V> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut map = serializer.serialize_map(Some(self.entries.len()))?;
            for (key, value) in &self.entries {
                map.serialize_entry(key, value)?;
            }
            map.end()
        }
    }

    impl<'de, K: Deserialize<'de> + Ord, V: Deserialize<'de>> Deserialize<'de> for SortedMap<K, V> {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            struct Entries<K, V>(PhantomData<(K, V)>);
            impl<'de, K: Deserialize<'de> + Ord, V: Deserialize<'de>> Visitor<'de> for Entries<K, V> {
                type Value = SortedMap<K, V>;
                fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    f.write_str("a map")
                }
                fn visit_map<A: MapAccess<'de>>(
                    self,
                    mut access: A,
                ) -> Result<Self::Value, A::Error> {
                    let mut map = SortedMap::new();
                    while let Some((key, value)) = access.next_entry()? {
                        map.insert(key, value);
                    }
                    Ok(map)
                }
            }
            deserializer.deserialize_map(Entries(PhantomData))
        }
    }
}

/// A set with its items kept in order.
#[derive(Clone, PartialEq, Eq)]
pub struct SortedSet<T> {
    items: Vec<T>,
}

impl<T> Default for SortedSet<T> {
    fn default() -> Self {
        Self { items: Vec::new() }
    }
}

impl<T: Ord> SortedSet<T> {
    pub fn new() -> Self {
        Self::default()
    }

    fn find<Q: Ord + ?Sized>(&self, item: &Q) -> Result<usize, usize>
    where
        T: Borrow<Q>,
    {
        self.items.binary_search_by(|i| i.borrow().cmp(item))
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn contains<Q: Ord + ?Sized>(&self, item: &Q) -> bool
    where
        T: Borrow<Q>,
    {
        self.find(item).is_ok()
    }

    /// Adds `item`; whether it was not there yet.
    pub fn insert(&mut self, item: T) -> bool {
        match self.find(&item) {
            Ok(_) => false,
            Err(at) => {
                self.items.insert(at, item);
                true
            }
        }
    }

    pub fn remove<Q: Ord + ?Sized>(&mut self, item: &Q) -> bool
    where
        T: Borrow<Q>,
    {
        self.find(item).map(|at| self.items.remove(at)).is_ok()
    }

    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.items.iter()
    }
}

impl<T: Ord> FromIterator<T> for SortedSet<T> {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Self {
        let mut items = sort(items.into_iter().collect());
        items.dedup();
        Self { items }
    }
}

impl<T: Ord, const N: usize> From<[T; N]> for SortedSet<T> {
    fn from(items: [T; N]) -> Self {
        items.into_iter().collect()
    }
}

impl<T> IntoIterator for SortedSet<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl<'a, T> IntoIterator for &'a SortedSet<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

impl<T: fmt::Debug> fmt::Debug for SortedSet<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(&self.items).finish()
    }
}

/// `items` in order, equal ones as they came (`in_order`).
pub fn sort<T: Ord>(items: Vec<T>) -> Vec<T> {
    in_order(items, |a: &T, b| a < b)
}

/// `items` in order, equal ones as they came: as they are when they came in order (the usual
/// case: ratings collected in time order), else by a merge sort. One insert at a time would
/// move the whole tail for each item out of place; the standard sort is a copy of its own in
/// the wasm for each type sorted.
fn in_order<T>(items: Vec<T>, less: impl Fn(&T, &T) -> bool + Copy) -> Vec<T> {
    if items.windows(2).all(|pair| !less(&pair[1], &pair[0])) {
        return items;
    }
    merge_sort(items, less)
}

/// Runs of this many items are sorted by insertion before merging.
const RUN: usize = 16;

/// The items moved into the order `positions` finds: each item moves once, and no level of
/// the sort allocates (marking sorts an answer's words on every mark).
fn merge_sort<T>(items: Vec<T>, less: impl Fn(&T, &T) -> bool + Copy) -> Vec<T> {
    let order = positions(items.len(), &|a, b| less(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| slots[i].take()).collect()
}

/// The positions `0..n` in order, by `before`: a bottom-up merge sort in two buffers allocated
/// once. Not generic, so the wasm holds one copy of it for every type sorted.
fn positions(n: usize, before: &dyn Fn(usize, usize) -> bool) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    // Only a later item strictly before an earlier one moves: equal items keep their order.
    for start in (0..n).step_by(RUN) {
        let end = (start + RUN).min(n);
        for i in start + 1..end {
            let mut j = i;
            while j > start && before(order[j], order[j - 1]) {
                order.swap(j, j - 1);
                j -= 1;
            }
        }
    }
    let mut merged = vec![0; n];
    let mut width = RUN;
    while width < n {
        for start in (0..n).step_by(2 * width) {
            let middle = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut left, mut right) = (start, middle);
            // On a tie the left one first.
            for slot in &mut merged[start..end] {
                if right < end && (left == middle || before(order[right], order[left])) {
                    *slot = order[right];
                    right += 1;
                } else {
                    *slot = order[left];
                    left += 1;
                }
            }
        }
        std::mem::swap(&mut order, &mut merged);
        width *= 2;
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[cfg(feature = "serde")]
    #[test]
    fn stored_as_a_btree_map_is_stored() {
        let theirs = BTreeMap::from([("ops-cdn".to_string(), 2), ("dba-raid".to_string(), 1)]);
        let ours = SortedMap::from([("ops-cdn".to_string(), 2), ("dba-raid".to_string(), 1)]);
        let text = serde_json::to_string(&theirs).unwrap();
        assert_eq!(serde_json::to_string(&ours).unwrap(), text);
        assert_eq!(text, r#"{"dba-raid":1,"ops-cdn":2}"#);
        // Read back, and from text in any order, with a key twice (the later value, as
        // serde reads a BTreeMap).
        assert_eq!(
            serde_json::from_str::<SortedMap<String, u32>>(&text).unwrap(),
            ours
        );
        let twice = r#"{"ops-cdn":5,"dba-raid":1,"ops-cdn":2}"#;
        assert_eq!(
            serde_json::from_str::<SortedMap<String, u32>>(twice).unwrap(),
            ours
        );
        assert_eq!(
            serde_json::from_str::<BTreeMap<String, u32>>(twice).unwrap(),
            theirs
        );
        assert!(serde_json::from_str::<SortedMap<String, u32>>("[1]").is_err());
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;
        use std::collections::BTreeSet;

        #[derive(Debug, Clone)]
        enum Op {
            Insert(u8, u16),
            Remove(u8),
            OrInsert(u8, u16),
            Modify(u8),
            Retain(u8),
        }

        fn op() -> impl Strategy<Value = Op> {
            prop_oneof![
                (any::<u8>(), any::<u16>()).prop_map(|(k, v)| Op::Insert(k % 32, v)),
                any::<u8>().prop_map(|k| Op::Remove(k % 32)),
                (any::<u8>(), any::<u16>()).prop_map(|(k, v)| Op::OrInsert(k % 32, v)),
                any::<u8>().prop_map(|k| Op::Modify(k % 32)),
                any::<u8>().prop_map(|k| Op::Retain(k % 4)),
            ]
        }

        proptest! {
            #[test]
            fn a_map_does_what_a_btree_map_does(ops in prop::collection::vec(op(), 0..200)) {
                let mut ours = SortedMap::new();
                let mut theirs = BTreeMap::new();
                for op in ops {
                    match op {
                        Op::Insert(k, v) => prop_assert_eq!(ours.insert(k, v), theirs.insert(k, v)),
                        Op::Remove(k) => prop_assert_eq!(ours.remove(&k), theirs.remove(&k)),
                        Op::OrInsert(k, v) => {
                            prop_assert_eq!(*ours.entry(k).or_insert(v), *theirs.entry(k).or_insert(v))
                        }
                        Op::Modify(k) => {
                            ours.entry(k).and_modify(|v| *v = v.wrapping_add(1));
                            theirs.entry(k).and_modify(|v| *v = v.wrapping_add(1));
                        }
                        Op::Retain(m) => {
                            ours.retain(|k, _| k % 4 != m);
                            theirs.retain(|k, _| k % 4 != m);
                        }
                    }
                    prop_assert_eq!(ours.len(), theirs.len());
                }
                prop_assert!(ours.iter().eq(theirs.iter()));
                for k in 0..32 {
                    prop_assert_eq!(ours.get(&k), theirs.get(&k));
                    prop_assert_eq!(ours.contains_key(&k), theirs.contains_key(&k));
                }
            }

            #[test]
            fn collecting_keeps_the_later_value_of_a_key_as_a_btree_map_does(
                items in prop::collection::vec((0..40u8, any::<u16>()), 0..300),
            ) {
                let ours: SortedMap<u8, u16> = items.iter().copied().collect();
                let theirs: BTreeMap<u8, u16> = items.iter().copied().collect();
                prop_assert!(ours.iter().eq(theirs.iter()));
            }

            #[test]
            fn a_set_collects_and_changes_as_a_btree_set_does(
                items in prop::collection::vec(any::<(u8, u8)>(), 0..300),
                removed in prop::collection::vec(any::<(u8, u8)>(), 0..20),
            ) {
                let mut ours: SortedSet<(u8, u8)> = items.iter().copied().collect();
                let mut theirs: BTreeSet<(u8, u8)> = items.iter().copied().collect();
                prop_assert!(ours.iter().eq(theirs.iter()));
                for item in removed {
                    prop_assert_eq!(ours.remove(&item), theirs.remove(&item));
                    prop_assert_eq!(ours.insert(item), theirs.insert(item));
                    prop_assert_eq!(ours.contains(&item), theirs.contains(&item));
                }
                prop_assert!(ours.into_iter().eq(theirs.into_iter()));
            }

            #[test]
            fn the_merge_sort_is_the_standard_stable_sort(items in prop::collection::vec(any::<(u8, u16)>(), 0..300)) {
                let ours = in_order(items.clone(), |a, b| a.0 < b.0);
                let mut theirs = items;
                theirs.sort_by_key(|&(k, _)| k);
                prop_assert_eq!(ours, theirs);
            }
        }
    }
}
