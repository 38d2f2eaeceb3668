//! What a tab derives from the records: each question's memory state and first rating, and
//! the two derived records, the memory cache and the snapshot. Derived data is stored best
//! effort: losing it only costs a start-up that replays or reads everything. Only with the
//! readers (`readers.rs`), which name these functions.

use super::ProgressState;
use crate::interview::Millis;
use crate::progress::snapshot::{self, Snapshot};
use crate::review::cache::MemoryCache;
use crate::review::memory::MemoryState;
use crate::sorted::SortedMap;
use crate::storage::Backend;

impl<B: Backend> ProgressState<B> {
    /// `memory` with the readers.
    pub(super) fn replay_memory(&self) -> SortedMap<String, MemoryState> {
        if !self.unloaded.is_empty() {
            return self.snapshot_part(|s| s.memory.clone());
        }
        let (states, changed) = self
            .memory_cache
            .borrow_mut()
            .memory(&self.read_rating_events());
        if changed {
            self.memory_cache_unsaved.set(true);
        }
        states
    }

    /// `first_rated` with the readers.
    pub(super) fn replay_first_rated(&self) -> SortedMap<String, Millis> {
        if !self.unloaded.is_empty() {
            return self.snapshot_part(|s| s.first_rated.clone());
        }
        let mut first = SortedMap::new();
        // In time order: the first seen is the first.
        for event in self.read_rating_events() {
            first.entry(event.question).or_insert(event.at);
        }
        first
    }

    /// After a flush: the memory cache stored if it changed, the snapshot voided if it no
    /// longer holds.
    pub(super) fn store_derived(&mut self) {
        self.write_memory_cache();
        self.void_stale_snapshot();
    }

    /// Stores the memory cache if it changed. Derived data, so best effort: a cache that
    /// cannot be stored (full or blocked storage, or an unreadable one stored by a newer
    /// version, which stays as it is) raises no notice; the states are replayed next time.
    fn write_memory_cache(&mut self) {
        if !self.memory_cache_unsaved.replace(false) {
            return;
        }
        let cache = self.memory_cache.borrow();
        if cache.storable() {
            let _ = self.store.save(MemoryCache::ID, &*cache);
        }
    }

    /// What the snapshot holds of the records (`keys`, `contents`), or `None` while some are
    /// unread (left for `load_history`, or waiting for the readers).
    fn fingerprints(&self) -> Option<(String, String)> {
        if !self.unloaded.is_empty() || !self.unread.is_empty() {
            return None;
        }
        let keys = snapshot::keys(
            self.interviews.iter().map(|i| i.id.as_str()),
            self.reviews.keys().map(String::as_str),
        );
        let contents = snapshot::contents(&keys, &self.interviews);
        Some((keys, contents))
    }

    /// Voids the stored snapshot once the records it was taken of changed: the next start then
    /// reads every interview (until a new snapshot is stored).
    pub(super) fn void_stale_snapshot(&mut self) {
        // No snapshot known, nothing to void: no hashing of every record at each save.
        if !std::mem::take(&mut self.snapshot_check) || self.snapshot.is_none() {
            return;
        }
        let Some((_, contents)) = self.fingerprints() else {
            // Changed while some interviews are unread: only in ways that leave the snapshot
            // true (a rating reads them all first); compared once they are read.
            self.snapshot_check = true;
            return;
        };
        if self
            .snapshot
            .as_ref()
            .is_some_and(|s| s.contents != contents)
            && self.store.save(Snapshot::ID, &Snapshot::void()).is_ok()
        {
            self.snapshot = None;
        }
    }

    /// `store_snapshot` with the readers.
    pub(super) fn write_snapshot(&mut self) {
        // Only of records as stored: not while a save waits (storage full), nor while
        // another tab runs this tab's interview (what this one holds of it may be behind).
        if self.moved_away || !self.unsaved.is_empty() {
            return;
        }
        let Some((keys, contents)) = self.fingerprints() else {
            return;
        };
        if self
            .snapshot
            .as_ref()
            .is_some_and(|s| s.contents == contents)
        {
            return;
        }
        let snapshot = Snapshot {
            keys,
            contents,
            unfinished: self
                .interviews
                .iter()
                .filter(|i| i.completed_at.is_none())
                .map(|i| i.id.clone())
                .collect(),
            memory: self.memory(),
            first_rated: self.first_rated(),
        };
        if self.store.save(Snapshot::ID, &snapshot).is_ok() {
            self.snapshot = Some(snapshot);
        }
        // The states were brought up to date for it.
        self.write_memory_cache();
    }

    /// A part of the snapshot a start-up took its figures from.
    fn snapshot_part<T: Default>(&self, part: impl FnOnce(&Snapshot) -> T) -> T {
        self.snapshot.as_ref().map(part).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interview::Phase;
    use crate::progress::state::testing::*;
    use crate::transfer::export;
    use std::rc::Rc;

    fn memory_cache(storage: &MemoryBackend) -> Option<MemoryCache> {
        stored(storage, MemoryCache::ID)
    }

    #[test]
    fn memory_states_are_cached_by_the_next_save_and_a_reload_replays_only_what_changed() {
        let storage = Shared::default();
        put(&storage, "a", &completed("a", T0, "RAID 10"));
        put(&storage, "b", &completed("b", T0 + HOUR, "mirrors"));
        let mut tab = open_tab(&storage, T0 + 2 * HOUR);
        // The start stored the states, with the snapshot of the records they came from.
        let memory = tab.memory();
        assert_eq!(memory, export::replay_all(&tab.rating_events()));
        let cached = memory_cache(&storage).expect("stored by the start");
        assert_eq!(cached.questions["dba-raid"].state, memory["dba-raid"]);
        assert!(snapshot_of(&storage).is_some());

        // A new tab reads it, gives the same states and has nothing to store (the marker would
        // be overwritten by a save).
        let key = record_key::<MemoryCache>(MemoryCache::ID);
        let raw = storage.get(&key).unwrap().unwrap();
        let mut reloaded = open_tab(&storage, T0 + 3 * HOUR);
        assert_eq!(reloaded.memory(), memory);
        let marker = raw.replace(r#""app":""#, r#""app":"marker "#);
        storage.set(&key, &marker).unwrap();
        reloaded.flush();
        assert_eq!(storage.get(&key), Ok(Some(marker)));

        // A rating in another tab (its interview arriving here) changes the state and the cache.
        let mut later = open_tab(&storage, T0 + 4 * HOUR);
        put(&storage, "c", &completed("c", T0 + 4 * HOUR, "stripes"));
        tab.reload_from_storage(&record_key::<Interview>("c"));
        let newer = tab.memory();
        assert_ne!(newer["dba-raid"], memory["dba-raid"]);
        assert_eq!(newer, export::replay_all(&tab.rating_events()));
        tab.flush();
        assert_eq!(
            memory_cache(&storage).unwrap().questions["dba-raid"].state,
            newer["dba-raid"]
        );
        // Deleting interviews gives what a full replay of the rest gives.
        later.reload_from_storage(&record_key::<Interview>("c"));
        later.delete_interviews(&["a".into(), "b".into(), "c".into()]);
        assert!(later.memory().is_empty());
        later.flush();
        assert!(memory_cache(&storage).unwrap().questions.is_empty());
    }

    #[test]
    fn an_unreadable_memory_cache_is_kept_aside_never_overwritten_and_the_states_are_replayed() {
        let storage = Shared::default();
        put(&storage, "a", &completed("a", T0, "RAID 10"));
        let key = record_key::<MemoryCache>(MemoryCache::ID);
        let newer = r#"{"schema":99,"app":"9.0.0","data":{"whatever":true}}"#;
        storage.set(&key, newer).unwrap();
        let mut tab = open_tab(&storage, T0 + HOUR);
        assert_eq!(tab.notices().kept_aside.len(), 1);
        assert_eq!(tab.notices().kept_aside[0].key, key);
        assert_eq!(tab.memory(), export::replay_all(&tab.rating_events()));
        tab.flush();
        assert_eq!(storage.get(&key), Ok(Some(newer.to_string())));
        assert!(tab.take_problems().is_empty());

        // Damaged: the same.
        storage
            .set(&key, r#"{"schema":1,"data":{"q":{"dba-raid":"#)
            .unwrap();
        let mut tab = open_tab(&storage, T0 + HOUR);
        assert_eq!(tab.notices().kept_aside.len(), 1);
        assert_eq!(tab.memory(), export::replay_all(&tab.rating_events()));
        tab.flush();
        assert!(storage
            .get(&key)
            .unwrap()
            .unwrap()
            .ends_with(r#""dba-raid":"#));
    }

    #[test]
    fn a_memory_cache_that_cannot_be_saved_raises_no_notice() {
        // Room for the interview only.
        let measure = MemoryBackend::new();
        put(&measure, "a", &completed("a", T0, "RAID 10"));
        let storage = Shared::new(MemoryBackend::with_quota(measure.used()));
        put(&storage, "a", &completed("a", T0, "RAID 10"));
        let mut tab = open_tab(&storage, T0 + HOUR);
        let memory = tab.memory();
        tab.flush();
        assert_eq!(tab.notices(), &Notices::default());
        assert_eq!(memory_cache(&storage), None);
        assert_eq!(snapshot_of(&storage), None);
        assert_eq!(tab.memory(), memory);
    }

    /// The stored snapshot a start would go by (none when there is none, or it is void).
    fn snapshot_of(storage: &MemoryBackend) -> Option<Snapshot> {
        stored::<Snapshot>(storage, Snapshot::ID).filter(|s| !s.is_void())
    }

    /// A storage that notes the key of every value read.
    #[derive(Clone, Default)]
    struct Watched {
        storage: Shared,
        reads: Rc<std::cell::RefCell<Vec<String>>>,
    }

    impl Watched {
        fn on(storage: &Shared) -> Self {
            Watched {
                storage: storage.clone(),
                reads: Rc::default(),
            }
        }

        /// How many interview records were read (each once, however often).
        fn interviews_read(&self) -> usize {
            let prefix = record_key::<Interview>("");
            self.reads
                .borrow()
                .iter()
                .filter(|key| key.starts_with(&prefix))
                .collect::<SortedSet<_>>()
                .len()
        }
    }

    impl Backend for Watched {
        fn get(&self, key: &str) -> Result<Option<String>, crate::storage::BackendError> {
            self.reads.borrow_mut().push(key.to_string());
            self.storage.get(key)
        }
        fn set(&self, key: &str, value: &str) -> Result<(), crate::storage::BackendError> {
            self.storage.set(key, value)
        }
        fn keys(&self) -> Result<Vec<String>, crate::storage::BackendError> {
            self.storage.keys()
        }
        fn remove(&self, key: &str) -> Result<(), crate::storage::BackendError> {
            self.storage.remove(key)
        }
    }

    /// Twenty completed interviews, one unfinished and one review rating.
    fn long_history() -> Shared {
        let storage = Shared::default();
        for n in 0..20 {
            let id = format!("i{n:02}");
            put(&storage, &id, &completed(&id, T0 + n * HOUR, "RAID 10"));
        }
        let mut open = Interview::new(
            "open".into(),
            Setup::default(),
            &["ops-cdn"],
            T0 + 30 * HOUR,
        );
        open.type_answer("edge caches", T0 + 30 * HOUR + SECOND);
        put(&storage, "open", &open);
        let review = ReviewEvent::new(T0 + 31 * HOUR, "ops-cdn", Rating::Hard);
        put(&storage, &review_id(&review), &review);
        storage
    }

    /// What the start page shows of the history.
    type StartPage = (
        usize,
        Vec<String>,
        SortedMap<String, MemoryState>,
        SortedMap<String, Millis>,
    );

    fn start_page<B: Backend>(tab: &ProgressState<B>) -> StartPage {
        let unfinished = tab.unfinished().iter().map(|i| i.id.clone()).collect();
        (
            tab.completed_count(),
            unfinished,
            tab.memory(),
            tab.first_rated(),
        )
    }

    fn open_watched(
        storage: &Shared,
        resume: Option<&str>,
        now: Millis,
    ) -> (ProgressState<Watched>, Watched) {
        let watched = Watched::on(storage);
        let tab = ProgressState::load(watched.clone(), Found::Usable, resume, true, now);
        (tab, watched)
    }

    #[test]
    fn a_start_reads_only_the_unfinished_interviews_and_shows_what_reading_all_would() {
        let storage = long_history();
        // The first start reads every interview, and stores the snapshot.
        let (mut first, watched) = open_watched(&storage, None, T0 + 32 * HOUR);
        assert_eq!(watched.interviews_read(), 21);
        let shown = start_page(&first);
        assert_eq!(shown.0, 20);
        assert_eq!(shown.1, ["open"]);
        assert_eq!(shown.2, export::replay_all(&first.rating_events()));
        assert_eq!(shown.3["dba-raid"], T0 + 3 * SECOND);
        assert_eq!(shown.3["ops-cdn"], T0 + 31 * HOUR);

        // The next reads the unfinished one and shows the same.
        let (mut next, watched) = open_watched(&storage, None, T0 + 33 * HOUR);
        assert_eq!(watched.interviews_read(), 1);
        assert_eq!(start_page(&next), shown);
        next.take_changes();
        // The history reads the rest; nothing shown changes.
        assert_eq!(next.history().len(), 20);
        assert_eq!(watched.interviews_read(), 21);
        assert_eq!(next.take_changes(), Changes::default());
        assert_eq!(start_page(&next), shown);

        // A rating from that start reads them first: its state is replayed from all of them.
        let (mut rated, watched) = open_watched(&storage, None, T0 + 34 * HOUR);
        rated.take_over("open", T0 + 34 * HOUR);
        assert_eq!(watched.interviews_read(), 1);
        rated.update(Save::Now, |i| {
            i.done(T0 + 34 * HOUR);
            i.rate(Rating::Easy, T0 + 34 * HOUR);
        });
        assert_eq!(watched.interviews_read(), 21);
        let memory = rated.memory();
        assert_eq!(memory, export::replay_all(&rated.rating_events()));
        assert_eq!(memory["ops-cdn"].reps, 2);
        // The rating changed what the snapshot holds: it is void, and a start reads everything,
        // until the page is hidden and a new one is stored.
        rated.update(Save::Now, |i| i.next(T0 + 34 * HOUR));
        assert_eq!(snapshot_of(&storage), None);
        let (_, watched) = open_watched(&storage, None, T0 + 35 * HOUR);
        assert_eq!(watched.interviews_read(), 21);
        rated.page_visible(false, T0 + 35 * HOUR);
        // This tab's interview, completed, is read at a reload that resumes it.
        let (mut resumed, watched) = open_watched(&storage, Some("open"), T0 + 35 * HOUR);
        assert_eq!(watched.interviews_read(), 1);
        assert_eq!(resumed.active().map(|i| i.phase()), Some(Phase::Complete));
        assert_eq!(start_page(&resumed), start_page(&rated));
        assert_eq!(resumed.history().len(), 21);
    }

    #[test]
    fn a_snapshot_of_other_records_is_not_trusted() {
        let storage = long_history();
        let mut first = open_tab(&storage, T0 + 32 * HOUR);
        let events = first.rating_events();

        // An interview stored by something that left the snapshot as it was (an older version).
        put(
            &storage,
            "late",
            &completed("late", T0 + 40 * HOUR, "stripes"),
        );
        let (mut next, watched) = open_watched(&storage, None, T0 + 41 * HOUR);
        assert_eq!(watched.interviews_read(), 22);
        assert_eq!(next.completed_count(), 21);
        assert_eq!(next.memory(), export::replay_all(&next.rating_events()));

        // One deleted the same way.
        for id in ["late", "i00"] {
            storage.remove(&record_key::<Interview>(id)).unwrap();
        }
        let (next, watched) = open_watched(&storage, None, T0 + 42 * HOUR);
        assert_eq!(watched.interviews_read(), 20);
        assert_eq!(next.completed_count(), 19);

        // No snapshot (an older version's storage), or one a newer version wrote, kept aside.
        let key = record_key::<Snapshot>(Snapshot::ID);
        storage.remove(&key).unwrap();
        let (next, watched) = open_watched(&storage, None, T0 + 43 * HOUR);
        assert_eq!(watched.interviews_read(), 20);
        assert_eq!(next.completed_count(), 19);
        let newer = r#"{"schema":99,"app":"9.0.0","data":{}}"#;
        storage.set(&key, newer).unwrap();
        let (mut next, watched) = open_watched(&storage, None, T0 + 43 * HOUR);
        assert_eq!(watched.interviews_read(), 20);
        assert_eq!(next.completed_count(), 19);
        assert_eq!(next.notices().kept_aside[0].key, key);
        next.page_visible(false, T0 + 43 * HOUR);
        assert_eq!(storage.get(&key), Ok(Some(newer.to_string())));
        storage.remove(&key).unwrap();
        open_tab(&storage, T0 + 43 * HOUR);

        // An interview a newer version wrote, unreadable here: found when the interviews are read,
        // and from then on every start reads them all and keeps it aside.
        storage
            .set(
                &record_key::<Interview>("i05"),
                r#"{"schema":99,"data":{}}"#,
            )
            .unwrap();
        let (mut next, watched) = open_watched(&storage, None, T0 + 44 * HOUR);
        assert_eq!(watched.interviews_read(), 1);
        assert_eq!(next.notices().kept_aside.len(), 0);
        next.load_history();
        assert_eq!(next.completed_count(), 18);
        assert_eq!(next.notices().kept_aside.len(), 1);
        for _ in 0..2 {
            let (next, watched) = open_watched(&storage, None, T0 + 44 * HOUR);
            assert_eq!(watched.interviews_read(), 20);
            assert_eq!(next.completed_count(), 18);
            assert_eq!(next.notices().kept_aside.len(), 1);
        }
        assert_ne!(events.len(), 0);
    }

    #[test]
    fn a_snapshot_left_behind_by_a_change_is_corrected_when_the_interviews_are_read() {
        let storage = long_history();
        open_tab(&storage, T0 + 32 * HOUR);
        // A rating changed under the same keys (an older version's import), snapshot untouched.
        let mut changed = stored::<Interview>(&storage, "i03").unwrap();
        changed.attempts[0].rating = Some(Rating::Again);
        put(&storage, "i03", &changed);

        let (mut next, watched) = open_watched(&storage, None, T0 + 33 * HOUR);
        assert_eq!(watched.interviews_read(), 1);
        let stale = next.memory();
        next.take_changes();
        next.load_history();
        let memory = next.memory();
        assert_ne!(memory, stale);
        assert_eq!(memory, export::replay_all(&next.rating_events()));
        assert!(next.take_changes().interviews, "the views show it again");
        // The snapshot is stored again: the next start shows the records as they are.
        let (again, watched) = open_watched(&storage, None, T0 + 34 * HOUR);
        assert_eq!(watched.interviews_read(), 1);
        assert_eq!(again.memory(), memory);
    }

    #[test]
    fn a_snapshot_taken_before_another_tabs_change_arrived_is_voided_by_that_tab() {
        let mut browser = Browser::on(long_history(), 2, T0 + 32 * HOUR);
        // No snapshot stored now (the last one removed), as both tabs know.
        let key = record_key::<Snapshot>(Snapshot::ID);
        browser.storage.remove(&key).unwrap();
        for tab in &mut browser.tabs {
            tab.reload_from_storage(&key);
        }
        // B rates the unfinished interview; its events have not reached A yet.
        let before = stored_all(&browser.storage);
        let b = &mut browser.tabs[B];
        b.take_over("open", T0 + 33 * HOUR);
        b.update(Save::Now, |i| {
            i.done(T0 + 33 * HOUR);
            i.rate(Rating::Hard, T0 + 33 * HOUR);
        });
        // A is hidden meanwhile, and stores a snapshot without B's rating.
        let a_before = stored_all(&browser.storage);
        browser.tabs[A].page_visible(false, T0 + 33 * HOUR);
        assert!(snapshot_of(&browser.storage).is_some());
        // B hears of it, and voids it: it is not of the records as they are.
        browser.deliver(A, &a_before);
        assert_eq!(snapshot_of(&browser.storage), None);
        // B's change reaches A; the next snapshot A stores holds it, and B keeps that one.
        browser.deliver(B, &before);
        browser.act(A, |a| a.page_visible(false, T0 + 34 * HOUR));
        let snapshot = snapshot_of(&browser.storage).expect("kept");
        let mut fresh = open_tab(&browser.storage, T0 + 35 * HOUR);
        assert_eq!(snapshot.memory, export::replay_all(&fresh.rating_events()));
        assert_eq!(snapshot.memory["ops-cdn"].reps, 2);
    }

    #[test]
    fn a_snapshot_another_tab_voids_leaves_what_this_tab_shows_as_it_was() {
        let storage = long_history();
        open_tab(&storage, T0 + 32 * HOUR);
        let (mut tab, watched) = open_watched(&storage, None, T0 + 33 * HOUR);
        assert_eq!(watched.interviews_read(), 1);
        let shown = start_page(&tab);
        // Another tab's change voided the snapshot this tab took its figures from.
        put(&storage, Snapshot::ID, &Snapshot::void());
        tab.reload_from_storage(&record_key::<Snapshot>(Snapshot::ID));
        assert_eq!(watched.interviews_read(), 21);
        assert_eq!(start_page(&tab), shown);
        assert!(!tab.take_changes().interviews);
    }
}
