//! Where the bytes go: the `Backend` trait, and `MemoryBackend`, the in-memory backend used by
//! tests and by the app when the browser blocks localStorage.

use crate::sorted::SortedMap;
use std::cell::{Cell, RefCell};
use std::fmt;

/// A string key-value store.
pub trait Backend {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError>;
    fn set(&self, key: &str, value: &str) -> Result<(), BackendError>;
    /// Every key in the store, including keys other code wrote.
    fn keys(&self) -> Result<Vec<String>, BackendError>;
    /// Deletes a key. Only `Store::delete` calls it, and only on the reader's explicit action:
    /// the app itself never deletes data.
    fn remove(&self, key: &str) -> Result<(), BackendError>;
}

/// A shared backend: two `Store`s (two tabs, in tests) writing to one storage, as two tabs
/// share the browser's localStorage.
impl<B: Backend + ?Sized> Backend for std::rc::Rc<B> {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError> {
        (**self).get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), BackendError> {
        (**self).set(key, value)
    }
    fn keys(&self) -> Result<Vec<String>, BackendError> {
        (**self).keys()
    }
    fn remove(&self, key: &str) -> Result<(), BackendError> {
        (**self).remove(key)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackendError {
    /// The store cannot be used at all (blocked, disabled, gone).
    Unavailable,
    /// The store is full: the write did not happen.
    QuotaExceeded,
    Other(String),
}

impl fmt::Display for BackendError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BackendError::Unavailable => f.write_str("browser storage is not available"),
            BackendError::QuotaExceeded => f.write_str("browser storage is full"),
            BackendError::Other(message) => write!(f, "browser storage failed: {message}"),
        }
    }
}

impl std::error::Error for BackendError {}

/// An in-memory store, optionally with a byte quota (the sum of every key's and value's length
/// in bytes), like the browser's. Data lives as long as the value does.
#[derive(Debug, Default)]
pub struct MemoryBackend {
    entries: RefCell<SortedMap<String, String>>,
    quota: Option<usize>,
    /// When set, every call fails with `Unavailable` (for tests of a store that goes away).
    unavailable: Cell<bool>,
}

impl MemoryBackend {
    pub fn new() -> Self {
        Self::default()
    }

    /// A store that refuses, with `QuotaExceeded`, any write that would make the sum of key and
    /// value lengths exceed `bytes`.
    pub fn with_quota(bytes: usize) -> Self {
        MemoryBackend {
            quota: Some(bytes),
            ..Self::default()
        }
    }

    /// Bytes used: the sum of every key's and value's length.
    pub fn used(&self) -> usize {
        self.entries
            .borrow()
            .iter()
            .map(|(key, value)| key.len() + value.len())
            .sum()
    }

    /// Makes every later call fail with `Unavailable` (or work again), to test a store that
    /// goes away.
    pub fn set_unavailable(&self, unavailable: bool) {
        self.unavailable.set(unavailable);
    }

    fn check_available(&self) -> Result<(), BackendError> {
        if self.unavailable.get() {
            Err(BackendError::Unavailable)
        } else {
            Ok(())
        }
    }
}

impl Backend for MemoryBackend {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError> {
        self.check_available()?;
        Ok(self.entries.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), BackendError> {
        self.check_available()?;
        if let Some(quota) = self.quota {
            let replaced = self
                .entries
                .borrow()
                .get(key)
                .map_or(0, |old| key.len() + old.len());
            let after = self.used() - replaced + key.len() + value.len();
            if after > quota {
                return Err(BackendError::QuotaExceeded);
            }
        }
        self.entries
            .borrow_mut()
            .insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, BackendError> {
        self.check_available()?;
        Ok(self.entries.borrow().keys().cloned().collect())
    }

    fn remove(&self, key: &str) -> Result<(), BackendError> {
        self.check_available()?;
        self.entries.borrow_mut().remove(key);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stores_and_lists() {
        let backend = MemoryBackend::new();
        assert_eq!(backend.get("a"), Ok(None));
        backend.set("b", "2").unwrap();
        backend.set("a", "1").unwrap();
        backend.set("a", "one").unwrap();
        assert_eq!(backend.get("a"), Ok(Some("one".to_owned())));
        assert_eq!(backend.keys(), Ok(vec!["a".to_owned(), "b".to_owned()]));
        assert_eq!(backend.used(), 1 + 3 + 1 + 1);
    }

    #[test]
    fn quota_counts_keys_and_values_and_replacements() {
        let backend = MemoryBackend::with_quota(10);
        backend.set("key", "1234567").unwrap(); // exactly 10
        assert_eq!(backend.set("k", ""), Err(BackendError::QuotaExceeded));
        // Replacing a value only counts the difference.
        backend.set("key", "abc").unwrap();
        assert_eq!(
            backend.set("key", "12345678"),
            Err(BackendError::QuotaExceeded)
        );
        assert_eq!(backend.get("key"), Ok(Some("abc".to_owned())));
        backend.set("xy", "z").unwrap();
        assert_eq!(backend.used(), 9);
    }

    #[test]
    fn unavailable_fails_every_call() {
        let backend = MemoryBackend::new();
        backend.set("a", "1").unwrap();
        backend.set_unavailable(true);
        assert_eq!(backend.get("a"), Err(BackendError::Unavailable));
        assert_eq!(backend.set("a", "2"), Err(BackendError::Unavailable));
        assert_eq!(backend.keys(), Err(BackendError::Unavailable));
        backend.set_unavailable(false);
        assert_eq!(backend.get("a"), Ok(Some("1".to_owned())));
    }
}
