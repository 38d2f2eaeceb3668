//! A map kept as a vector sorted by key. Marking's maps hold a few hundred entries at most, and
//! a hash map costs the wasm its table code and hasher again for every key and value type.

use std::borrow::Borrow;

#[derive(Debug, Clone)]
pub struct SortedMap<K, V>(Vec<(K, V)>);

impl<K, V> Default for SortedMap<K, V> {
    fn default() -> Self {
        Self(Vec::new())
    }
}

impl<K: Ord, V> SortedMap<K, V> {
    fn find<Q: Ord + ?Sized>(&self, key: &Q) -> Result<usize, usize>
    where
        K: Borrow<Q>,
    {
        self.0.binary_search_by(|(k, _)| k.borrow().cmp(key))
    }

    pub fn get<Q: Ord + ?Sized>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
    {
        self.find(key).ok().map(|i| &self.0[i].1)
    }

    /// The value under `key`, made by `make` if there is none yet.
    pub fn get_or_insert_with(&mut self, key: K, make: impl FnOnce() -> V) -> &mut V {
        let i = match self.find(&key) {
            Ok(i) => i,
            Err(i) => {
                self.0.insert(i, (key, make()));
                i
            }
        };
        &mut self.0[i].1
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_was_inserted_in_any_order() {
        let mut map = SortedMap::default();
        for (k, v) in [("raid", 1), ("az", 2), ("zone", 3), ("az", 9)] {
            *map.get_or_insert_with(k.to_string(), || 0) += v;
        }
        assert_eq!(map.get("az"), Some(&11));
        assert_eq!(map.get("raid"), Some(&1));
        assert_eq!(map.get("zone"), Some(&3));
        assert_eq!(map.get("db"), None);
        assert!(!map.is_empty());
        assert!(SortedMap::<String, u8>::default().is_empty());
    }
}
