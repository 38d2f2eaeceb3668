//! `Store`: records by kind and id over a `Backend`, under keys
//! `interview-practice/<KIND>/<id>`. Values it cannot read are reported, kept byte for byte, and
//! never overwritten; keys outside its prefix are never read or written.

use crate::sorted::{SortedMap, SortedSet};
use std::cell::RefCell;
use std::fmt;

use super::backend::{Backend, BackendError};
use super::envelope::{decode, try_encode, DecodeError, Record};

/// The prefix of every key the app writes.
pub const KEY_PREFIX: &str = "interview-practice/";

/// The key of the record of kind `R` with this id: `interview-practice/<KIND>/<id>`.
pub fn record_key<R: Record>(id: &str) -> String {
    format!("{}{id}", kind_prefix::<R>())
}

fn kind_prefix<R: Record>() -> String {
    format!("{KEY_PREFIX}{}/", R::KIND)
}

/// Why a save did not happen. Nothing was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveError {
    /// Storage cannot be used (blocked or gone).
    Unavailable,
    /// Storage is full.
    Full,
    /// Anything else, including refusing to overwrite a value this version cannot read.
    Other(String),
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SaveError::Unavailable => f.write_str("the browser's storage is not available"),
            SaveError::Full => f.write_str("the browser's storage for this site is full"),
            SaveError::Other(reason) => write!(f, "could not save: {reason}"),
        }
    }
}

impl std::error::Error for SaveError {}

impl From<BackendError> for SaveError {
    fn from(error: BackendError) -> Self {
        match error {
            BackendError::Unavailable => SaveError::Unavailable,
            BackendError::QuotaExceeded => SaveError::Full,
            BackendError::Other(reason) => SaveError::Other(reason),
        }
    }
}

/// A stored value that could not be read: kept as is, and never overwritten.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    pub key: String,
    /// The value exactly as stored.
    pub raw: String,
    pub error: DecodeError,
}

/// Everything stored of one kind.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded<R> {
    /// `(id, record)`, sorted by id.
    pub records: Vec<(String, R)>,
    /// Values under the kind's prefix that could not be read, sorted by key.
    pub unreadable: Vec<Unreadable>,
    /// Set when the backend failed while listing or reading, so `records` may be incomplete.
    pub backend_error: Option<BackendError>,
}

impl<R> Default for Loaded<R> {
    fn default() -> Self {
        Loaded {
            records: Vec::new(),
            unreadable: Vec::new(),
            backend_error: None,
        }
    }
}

/// The keys a backend held when listed (`Store::list`), or why they could not be listed.
pub struct Listing(Result<Vec<String>, BackendError>);

impl Listing {
    /// The ids of the records of kind `R` listed, sorted (none when listing failed).
    pub fn ids<R: Record>(&self) -> Vec<String> {
        let prefix = kind_prefix::<R>();
        let keys = self.0.as_deref().unwrap_or_default();
        keys.iter()
            .filter_map(|key| key.strip_prefix(&prefix))
            .filter(|id| !id.is_empty())
            .map(str::to_owned)
            .collect()
    }
}

pub struct Store<B: Backend> {
    backend: B,
    /// Keys known to hold values this version cannot read: `save` refuses them.
    unreadable: RefCell<SortedSet<String>>,
    /// What `save_own` wrote, by key: a value still stored is this store's own, known to be
    /// readable without decoding it.
    own: RefCell<SortedMap<String, String>>,
}

impl<B: Backend> Store<B> {
    pub fn new(backend: B) -> Self {
        Store {
            backend,
            unreadable: RefCell::new(SortedSet::new()),
            own: RefCell::new(SortedMap::new()),
        }
    }

    pub fn backend(&self) -> &B {
        &self.backend
    }

    /// Writes `record` under its key, unless that key holds a value this version cannot read
    /// (known from an earlier load, or found now): then it refuses with `SaveError::Other` and
    /// leaves the value as it is.
    pub fn save<R: Record>(&self, id: &str, record: &R) -> Result<(), SaveError> {
        let key = key_to_save::<R>(id)?;
        if self.unreadable.borrow().contains(&key) {
            return Err(refusal(&key));
        }
        // Another tab (perhaps a newer version of the app) may have written since we loaded.
        if let Some(raw) = self
            .backend
            .get(&key)?
            .filter(|raw| !self.is_own(&key, raw))
        {
            if decode::<R>(&raw).is_err() {
                self.unreadable.borrow_mut().insert(key.clone());
                return Err(refusal(&key));
            }
        }
        let encoded = try_encode(record).map_err(|error| SaveError::Other(error.to_string()))?;
        self.backend.set(&key, &encoded)?;
        Ok(())
    }

    /// Writes `record` under its key only if the key holds nothing or what this method last
    /// wrote there; `Ok(false)`, writing nothing, when it holds any other value. Decodes
    /// nothing: how a tab that cannot read stored records yet saves its own
    /// (`progress::state::readers`).
    pub fn save_own<R: Record>(&self, id: &str, record: &R) -> Result<bool, SaveError> {
        let key = key_to_save::<R>(id)?;
        if self
            .backend
            .get(&key)?
            .is_some_and(|raw| !self.is_own(&key, &raw))
        {
            return Ok(false);
        }
        let encoded = try_encode(record).map_err(|error| SaveError::Other(error.to_string()))?;
        self.backend.set(&key, &encoded)?;
        self.own.borrow_mut().insert(key, encoded);
        Ok(true)
    }

    /// Whether `raw`, stored under `key`, is the value `save_own` last wrote there.
    fn is_own(&self, key: &str, raw: &str) -> bool {
        self.own.borrow().get(key).is_some_and(|own| own == raw)
    }

    /// `load`, but `Ok(None)` when the key still holds what `save_own` wrote there: what
    /// another tab stored since, if anything.
    pub fn load_theirs<R: Record>(&self, id: &str) -> Result<Option<R>, Unreadable> {
        let key = record_key::<R>(id);
        match self.backend.get(&key) {
            Ok(Some(raw)) if !self.is_own(&key, &raw) => self.read(key, raw).map(Some),
            _ => Ok(None),
        }
    }

    /// Deletes the record of kind `R` with this id: only ever on the reader's explicit
    /// request ("delete these interviews").
    pub fn delete<R: Record>(&self, id: &str) -> Result<(), SaveError> {
        self.backend
            .remove(&record_key::<R>(id))
            .map_err(|e| match e {
                BackendError::Unavailable => SaveError::Unavailable,
                other => SaveError::Other(other.to_string()),
            })
    }

    /// The record of kind `R` with this id, if there is one. A backend failure reads as none
    /// (and `save` will then refuse, as it cannot check what it would overwrite).
    pub fn load<R: Record>(&self, id: &str) -> Result<Option<R>, Unreadable> {
        let key = record_key::<R>(id);
        match self.backend.get(&key) {
            Ok(Some(raw)) => self.read(key, raw).map(Some),
            Ok(None) | Err(_) => Ok(None),
        }
    }

    /// Every record of kind `R`, and every value under its prefix that could not be read.
    pub fn load_all<R: Record>(&self) -> Loaded<R> {
        self.load_listed(&self.list())
    }

    /// The backend's keys, sorted, listed once to load several kinds in a row
    /// (`load_listed`): listing asks the browser for every key, one call each.
    pub fn list(&self) -> Listing {
        // The app's merge sort keeps the standard sort out of the start page's piece: see
        // docs/decisions.md.
        Listing(self.backend.keys().map(crate::sorted::sort))
    }

    /// `load_all` from keys listed before.
    pub fn load_listed<R: Record>(&self, listing: &Listing) -> Loaded<R> {
        let mut loaded = Loaded::default();
        let prefix = kind_prefix::<R>();
        let keys = match &listing.0 {
            Ok(keys) => keys,
            Err(error) => {
                loaded.backend_error = Some(error.clone());
                return loaded;
            }
        };
        for key in keys {
            if !key.starts_with(&prefix) || key.len() <= prefix.len() {
                continue;
            }
            let raw = match self.backend.get(key) {
                Ok(Some(raw)) => raw,
                // Removed (by another tab) since listed.
                Ok(None) => continue,
                Err(error) => {
                    loaded.backend_error = Some(error);
                    continue;
                }
            };
            let id = key[prefix.len()..].to_owned();
            match self.read(key.clone(), raw) {
                Ok(record) => loaded.records.push((id, record)),
                Err(unreadable) => loaded.unreadable.push(unreadable),
            }
        }
        loaded
    }

    /// Decodes a value read from `key`, keeping the set of unreadable keys up to date.
    fn read<R: Record>(&self, key: String, raw: String) -> Result<R, Unreadable> {
        match decode::<R>(&raw) {
            Ok(record) => {
                self.unreadable.borrow_mut().remove(&key);
                Ok(record)
            }
            Err(error) => {
                self.unreadable.borrow_mut().insert(key.clone());
                Err(Unreadable { key, raw, error })
            }
        }
    }
}

/// The key a record is saved under: a record needs an id.
fn key_to_save<R: Record>(id: &str) -> Result<String, SaveError> {
    if id.is_empty() {
        return Err(SaveError::Other(format!("a {} needs an id", R::KIND)));
    }
    Ok(record_key::<R>(id))
}

fn refusal(key: &str) -> SaveError {
    SaveError::Other(format!(
        "{key} holds data this version cannot read; it is kept as it is"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::backend::MemoryBackend;
    use crate::storage::envelope::encode;
    use crate::storage::envelope::tests::Note;

    fn note(text: &str) -> Note {
        Note {
            text: text.to_owned(),
            stars: 3,
        }
    }

    #[test]
    fn saves_under_the_kind_and_id_and_loads_back() {
        let store = Store::new(MemoryBackend::new());
        store.save("b", &note("two")).unwrap();
        store.save("a", &note("one")).unwrap();
        store.save("a/with/slashes", &note("three")).unwrap();
        assert_eq!(
            store.backend().get("interview-practice/note/a"),
            Ok(Some(encode(&note("one"))))
        );
        assert_eq!(store.load::<Note>("a"), Ok(Some(note("one"))));
        assert_eq!(store.load::<Note>("missing"), Ok(None));
        let loaded = store.load_all::<Note>();
        assert_eq!(
            loaded.records,
            vec![
                ("a".to_owned(), note("one")),
                ("a/with/slashes".to_owned(), note("three")),
                ("b".to_owned(), note("two")),
            ]
        );
        assert!(loaded.unreadable.is_empty());
        assert_eq!(loaded.backend_error, None);
        // Saving again replaces.
        store.save("a", &note("uno")).unwrap();
        assert_eq!(store.load::<Note>("a"), Ok(Some(note("uno"))));
        assert!(store.save("", &note("x")).is_err());
    }

    #[test]
    fn keys_with_other_prefixes_are_ignored_and_untouched() {
        let backend = MemoryBackend::new();
        let foreign = [
            ("theme", "dark"),
            ("interview-practice/probe", "x"),
            ("interview-practice/notes/a", "not ours"),
            ("interview-practice/note", "no id"),
            ("interview-practice/note/", "empty id"),
            ("other-app/note/a", "{}"),
            ("Interview-Practice/note/a", "case"),
        ];
        for (key, value) in foreign {
            backend.set(key, value).unwrap();
        }
        let store = Store::new(backend);
        store.save("a", &note("mine")).unwrap();
        let loaded = store.load_all::<Note>();
        assert_eq!(loaded.records, vec![("a".to_owned(), note("mine"))]);
        assert!(loaded.unreadable.is_empty());
        for (key, value) in foreign {
            assert_eq!(
                store.backend().get(key),
                Ok(Some(value.to_owned())),
                "{key}"
            );
        }
        assert_eq!(store.backend().keys().unwrap().len(), foreign.len() + 1);
    }

    #[test]
    fn save_own_writes_over_nothing_but_its_own_values_and_decodes_nothing() {
        let backend = MemoryBackend::new();
        let theirs = encode(&note("another tab's"));
        backend
            .set("interview-practice/note/theirs", &theirs)
            .unwrap();
        // Not even a value this version could not read is decoded: it is not this store's.
        let newer = include_str!("fixtures/note-v99.json");
        backend.set("interview-practice/note/newer", newer).unwrap();
        let store = Store::new(backend);
        assert_eq!(store.save_own("theirs", &note("ours")), Ok(false));
        assert_eq!(store.save_own("newer", &note("ours")), Ok(false));
        assert_eq!(store.save_own("ours", &note("one")), Ok(true));
        assert_eq!(store.save_own("ours", &note("two")), Ok(true));
        assert_eq!(store.load_theirs::<Note>("ours"), Ok(None));
        assert_eq!(
            store.backend().get("interview-practice/note/theirs"),
            Ok(Some(theirs))
        );
        assert_eq!(
            store.backend().get("interview-practice/note/newer"),
            Ok(Some(newer.to_owned()))
        );
        assert_eq!(store.load::<Note>("ours"), Ok(Some(note("two"))));
        // Once another tab writes over it, it is theirs.
        store
            .backend()
            .set("interview-practice/note/ours", &encode(&note("three")))
            .unwrap();
        assert_eq!(store.load_theirs::<Note>("ours"), Ok(Some(note("three"))));
        assert_eq!(store.save_own("ours", &note("four")), Ok(false));
        // `save` checks what it writes over, and writes over what it can read.
        store.save("theirs", &note("ours")).unwrap();
        assert_eq!(store.load::<Note>("theirs"), Ok(Some(note("ours"))));
        assert!(store.save_own("", &note("x")).is_err());
    }

    #[test]
    fn unreadable_values_are_reported_raw_and_never_overwritten() {
        let backend = MemoryBackend::new();
        let newer = include_str!("fixtures/note-v99.json");
        let truncated = &encode(&note("cut"))[..20];
        backend.set("interview-practice/note/newer", newer).unwrap();
        backend
            .set("interview-practice/note/truncated", truncated)
            .unwrap();
        let store = Store::new(backend);
        store.save("fine", &note("fine")).unwrap();

        let loaded = store.load_all::<Note>();
        assert_eq!(loaded.records, vec![("fine".to_owned(), note("fine"))]);
        assert_eq!(
            loaded.unreadable,
            vec![
                Unreadable {
                    key: "interview-practice/note/newer".to_owned(),
                    raw: newer.to_owned(),
                    error: DecodeError::NewerSchema {
                        found: 99,
                        supported: 1
                    },
                },
                Unreadable {
                    key: "interview-practice/note/truncated".to_owned(),
                    raw: truncated.to_owned(),
                    error: DecodeError::NotJson,
                },
            ]
        );

        for id in ["newer", "truncated"] {
            assert!(matches!(
                store.save(id, &note("overwrite")),
                Err(SaveError::Other(_))
            ));
        }
        assert_eq!(
            store.backend().get("interview-practice/note/newer"),
            Ok(Some(newer.to_owned()))
        );
        assert_eq!(
            store.backend().get("interview-practice/note/truncated"),
            Ok(Some(truncated.to_owned()))
        );
        // `load` reports the same, with the raw bytes.
        let unreadable = store.load::<Note>("newer").unwrap_err();
        assert_eq!(unreadable.raw, newer);
    }

    #[test]
    fn save_refuses_a_key_found_unreadable_without_a_load() {
        // Another tab, running a newer version, wrote after this store loaded.
        let store = Store::new(MemoryBackend::new());
        let newer = include_str!("fixtures/note-v99.json");
        store
            .backend()
            .set("interview-practice/note/a", newer)
            .unwrap();
        assert!(matches!(
            store.save("a", &note("older")),
            Err(SaveError::Other(_))
        ));
        assert_eq!(
            store.backend().get("interview-practice/note/a"),
            Ok(Some(newer.to_owned()))
        );
    }

    #[test]
    fn a_full_store_keeps_the_previous_value() {
        let first = encode(&note("short"));
        let quota = "interview-practice/note/a".len() + first.len();
        let store = Store::new(MemoryBackend::with_quota(quota));
        store.save("a", &note("short")).unwrap();
        assert_eq!(
            store.save("a", &note("a much longer text that does not fit")),
            Err(SaveError::Full)
        );
        assert_eq!(store.save("b", &note("")), Err(SaveError::Full));
        assert_eq!(store.load::<Note>("a"), Ok(Some(note("short"))));
        assert_eq!(
            store.backend().get("interview-practice/note/a"),
            Ok(Some(first))
        );
        assert_eq!(store.backend().keys().unwrap().len(), 1);
    }

    #[test]
    fn an_unavailable_backend_is_reported() {
        let store = Store::new(MemoryBackend::new());
        store.save("a", &note("one")).unwrap();
        store.backend().set_unavailable(true);
        assert_eq!(store.save("a", &note("two")), Err(SaveError::Unavailable));
        assert_eq!(store.load::<Note>("a"), Ok(None));
        let loaded = store.load_all::<Note>();
        assert!(loaded.records.is_empty());
        assert_eq!(loaded.backend_error, Some(BackendError::Unavailable));
        store.backend().set_unavailable(false);
        assert_eq!(store.load::<Note>("a"), Ok(Some(note("one"))));
    }

    #[test]
    fn one_listing_loads_every_kind_and_skips_what_went_since() {
        let store = Store::new(MemoryBackend::new());
        store.save("b", &note("two")).unwrap();
        store.save("a", &note("one")).unwrap();
        store
            .backend()
            .set("interview-practice/other/a", "{}")
            .unwrap();
        let listing = store.list();
        // Another tab removes a value after the listing: it is skipped, not an error.
        store.backend().remove("interview-practice/note/b").unwrap();
        let loaded = store.load_listed::<Note>(&listing);
        assert_eq!(loaded.records, vec![("a".to_owned(), note("one"))]);
        assert_eq!(loaded.backend_error, None);
        // A listing that failed reports the failure for every kind loaded from it.
        store.backend().set_unavailable(true);
        let failed = store.list();
        store.backend().set_unavailable(false);
        let loaded = store.load_listed::<Note>(&failed);
        assert!(loaded.records.is_empty());
        assert_eq!(loaded.backend_error, Some(BackendError::Unavailable));
    }

    #[test]
    fn errors_map_from_the_backend() {
        assert_eq!(
            SaveError::from(BackendError::Unavailable),
            SaveError::Unavailable
        );
        assert_eq!(
            SaveError::from(BackendError::QuotaExceeded),
            SaveError::Full
        );
        assert_eq!(
            SaveError::from(BackendError::Other("x".to_owned())),
            SaveError::Other("x".to_owned())
        );
    }
}
