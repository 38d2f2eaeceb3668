//! `Readers`: everything that reads stored records, as one table, and what a tab does until it
//! has it. Each method below that calls the table has its stand-in beside it: the one place
//! that knows the readers may be missing.

use super::{Changes, Dirty, Found, Notices, ProgressState, Written};
use crate::interview::Millis;
use crate::review::cache::MemoryCache;
use crate::review::memory::MemoryState;
use crate::review::record::Settings;
use crate::sorted::SortedMap;
use crate::storage::{Backend, SaveError, Store, KEY_PREFIX};
use std::cell::{Cell, RefCell};

/// What only a tab that reads stored records does, as one table of functions. The release build
/// keeps every function it names, and the decoders they call, in the readers' piece of the
/// wasm, which installs the table once (`progress::readers`): a first visit, with nothing
/// stored, never downloads them. A state holds it from `load`, or from `readers_here`; until
/// then (`unread`) it reads nothing, writes over nothing but its own values, and derives
/// nothing.
pub struct Readers<B: Backend> {
    /// `ProgressState::load`: a start-up that finds records.
    pub load: fn(B, Found, Option<&str>, bool, Millis) -> ProgressState<B>,
    /// `reload_from_storage`: another tab's change.
    reload: fn(&mut ProgressState<B>, &str) -> bool,
    /// `write`: over what another tab stored, once checked.
    write: fn(&mut ProgressState<B>, &Dirty) -> Result<Written, SaveError>,
    /// `load_history`.
    load_history: fn(&mut ProgressState<B>),
    /// `memory`: the ratings replayed.
    memory: fn(&ProgressState<B>) -> SortedMap<String, MemoryState>,
    /// `first_rated`.
    first_rated: fn(&ProgressState<B>) -> SortedMap<String, Millis>,
    /// `store_snapshot`.
    store_snapshot: fn(&mut ProgressState<B>),
    /// `update_derived`: after each flush.
    derive: fn(&mut ProgressState<B>),
}

impl<B: Backend> Clone for Readers<B> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<B: Backend> Copy for Readers<B> {}

impl<B: Backend> Readers<B> {
    /// The table: only the code that calls this holds what it names.
    pub fn here() -> Self {
        Readers {
            load: ProgressState::load,
            reload: ProgressState::read_change,
            write: ProgressState::write_checked,
            load_history: ProgressState::read_history,
            memory: ProgressState::replay_memory,
            first_rated: ProgressState::replay_first_rated,
            store_snapshot: ProgressState::write_snapshot,
            derive: ProgressState::store_derived,
        }
    }
}

impl<B: Backend> ProgressState<B> {
    /// Nothing read yet: every record stored under the app's keys waits for the readers
    /// (`readers_here` reads them as another tab's changes are read). What a start-up is
    /// without them, which a first visit (nothing stored) always is, and what a rehearsal
    /// is.
    pub fn unread(backend: B, found: Found, now: Millis) -> Self {
        let store = Store::new(backend);
        let unread: Vec<String> = match store.backend().keys() {
            Ok(keys) => keys
                .into_iter()
                .filter(|key| key.starts_with(KEY_PREFIX))
                .collect(),
            Err(_) => Vec::new(),
        };
        ProgressState {
            store,
            interviews: Vec::new(),
            unloaded: Vec::new(),
            active_id: None,
            moved_away: false,
            reviews: SortedMap::new(),
            notes: SortedMap::new(),
            settings: Settings::default(),
            memory_cache: RefCell::new(MemoryCache::default()),
            memory_cache_unsaved: Cell::new(false),
            snapshot: None,
            snapshot_check: false,
            notices: Notices {
                not_saved: found == Found::Blocked,
                full: found == Found::Full,
                ..Notices::default()
            },
            needs_readers: !unread.is_empty(),
            unread,
            unchecked: false,
            readers: None,
            unsaved: Vec::new(),
            checkpoint: now,
            changes: Changes::default(),
            problems: Vec::new(),
        }
    }

    /// Reads the completed interviews a start-up from a snapshot left unread: before anything
    /// lists, changes or exports them. The views hear of it only if the records differ from
    /// what the snapshot said (a newer version or a failed save can leave it behind).
    pub fn load_history(&mut self) {
        if self.unloaded.is_empty() {
            return;
        }
        // Only a start-up from a snapshot leaves interviews unread: with the readers.
        if let Some(readers) = self.readers {
            (readers.load_history)(self);
        }
    }

    /// Question id to its memory state, replayed from the ratings: only the questions whose
    /// ratings changed since the cache last saw them (the cache is stored by the next `flush`).
    /// From a snapshot, the states it was stored with.
    pub fn memory(&self) -> SortedMap<String, MemoryState> {
        self.readers
            .map(|readers| (readers.memory)(self))
            .unwrap_or_default()
    }

    /// Question id to the time of its first rating (from a snapshot, as it was stored).
    pub fn first_rated(&self) -> SortedMap<String, Millis> {
        self.readers
            .map(|readers| (readers.first_rated)(self))
            .unwrap_or_default()
    }

    /// Stores a snapshot of the records as they are, unless the stored one is: when the page
    /// is hidden, and once a start-up has read every interview. Best effort, like the memory
    /// cache: without it, the next start reads every interview.
    pub fn store_snapshot(&mut self) {
        if let Some(readers) = self.readers {
            (readers.store_snapshot)(self);
        }
    }

    /// Another tab saved (or deleted) the record under `key`: take its state, except for this
    /// tab's own interview, and except a note or settings older than this tab's; without the
    /// readers, it waits for them. Returns whether it was another tab's interview (which tabs
    /// run which interview may have changed).
    pub fn reload_from_storage(&mut self, key: &str) -> bool {
        match self.readers {
            Some(readers) => (readers.reload)(self, key),
            None => {
                self.wait_for_readers(key);
                false
            }
        }
    }

    /// Writes one record.
    pub(super) fn write(&mut self, key: &Dirty) -> Result<Written, SaveError> {
        // The interview moved to another tab: what this tab holds of it is no longer the
        // newest.
        let ours = matches!(key, Dirty::Interview(id) if self.active_id.as_ref() == Some(id));
        if ours && self.moved_away {
            return Ok(Written::Skipped);
        }
        match self.readers {
            Some(readers) => (readers.write)(self, key),
            None => self.write_own(key),
        }
    }

    /// `write` without the readers: over nothing but what this tab wrote (`Store::save_own`).
    /// Another tab's value under the key waits for the readers, to be checked: for a note or
    /// the settings, whether it is newer.
    fn write_own(&mut self, key: &Dirty) -> Result<Written, SaveError> {
        let saved = match key {
            Dirty::Interview(id) => match self.interviews.iter().find(|i| &i.id == id) {
                Some(interview) => self.store.save_own(id, interview),
                None => return Ok(Written::Skipped),
            },
            Dirty::Review(id) => match self.reviews.get(id) {
                Some(event) => self.store.save_own(id, event),
                None => return Ok(Written::Skipped),
            },
            Dirty::Note(question) => match self.notes.get(question) {
                Some(note) => self.store.save_own(question, note),
                None => return Ok(Written::Skipped),
            },
            Dirty::Settings => self.store.save_own(Settings::ID, &self.settings),
        };
        Ok(if saved? {
            Written::Stored
        } else {
            Written::Waiting
        })
    }

    /// After a flush: the derived records brought up to date (`store_derived`). Without the
    /// readers, ratings to replay (made here, or imported) wait for them.
    pub(super) fn update_derived(&mut self) {
        match self.readers {
            Some(readers) => (readers.derive)(self),
            None => self.needs_readers |= self.has_ratings(),
        }
    }

    /// Whether something waits for the readers since the caller last asked: once they are
    /// here, `readers_here` reads and saves it.
    pub fn take_needs_readers(&mut self) -> bool {
        std::mem::take(&mut self.needs_readers)
    }

    /// The readers are here: reads the values that waited for them, as another tab's change
    /// is read, then saves what waited. Returns whether one was another tab's interview.
    pub fn readers_here(&mut self, readers: Readers<B>) -> bool {
        if self.readers.is_none() {
            self.readers = Some(readers);
            // The memory states can be replayed now.
            self.changes.interviews = true;
            self.changes.reviews = true;
        }
        let mut interview = false;
        for key in std::mem::take(&mut self.unread) {
            interview |= self.reload_from_storage(&key);
        }
        self.flush();
        if std::mem::take(&mut self.notices.unread) {
            self.changes.notices = true;
        }
        interview
    }

    /// `key` waits for the readers to be read (`readers_here`).
    fn wait_for_readers(&mut self, key: &str) {
        if !self.unread.iter().any(|k| k == key) {
            self.unread.push(key.to_string());
        }
        self.needs_readers = true;
    }

    /// The readers could not be downloaded: if anything waits for them, the reader is told.
    pub fn readers_missing(&mut self) {
        let waiting = !self.unread.is_empty() || self.unchecked;
        if waiting && !self.notices.unread {
            self.notices.unread = true;
            self.changes.notices = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::state::testing::*;

    /// A storage holding a note ("RAID 10" on dba-raid), its snapshot, and the fixture's
    /// unfinished interview.
    fn stored_note_and_interview() -> Shared {
        let storage = Shared::default();
        let mut first = open_tab(&storage, T0);
        first.set_note("dba-raid", "RAID 10", T0 + SECOND);
        first.store_snapshot();
        first.flush();
        put(
            &storage,
            INTERVIEW_ID,
            &decode::<Interview>(INTERVIEW).unwrap(),
        );
        storage
    }

    /// A tab started before the readers are here.
    fn open_unread(storage: &Shared, now: Millis) -> Tab {
        ProgressState::unread(storage.clone(), Found::Usable, now)
    }

    #[test]
    fn a_start_up_without_the_readers_reads_nothing_keeps_nothing_aside_and_reads_all_once_they_are_here(
    ) {
        let storage = stored_note_and_interview();
        let before = stored_all(&storage);

        let mut tab = open_unread(&storage, T0 + HOUR);
        assert!(tab.take_needs_readers(), "it asks for the readers");
        assert_eq!(tab.note("dba-raid"), "");
        assert!(tab.notices().kept_aside.is_empty(), "nothing is unreadable");
        assert_eq!(stored_all(&storage), before, "nothing was overwritten");
        assert!(!tab.notices().unread, "no notice while they download");
        // They could not be downloaded: the reader is told, until they are here.
        tab.readers_missing();
        assert!(tab.notices().unread);
        assert!(tab.take_changes().notices);

        tab.readers_here(Readers::here());
        assert!(!tab.notices().unread);
        assert_eq!(tab.note("dba-raid"), "RAID 10");
        assert!(tab.interviews().iter().any(|i| i.id == INTERVIEW_ID));
        assert!(tab.notices().kept_aside.is_empty());
        assert!(!tab.take_needs_readers());
    }

    #[test]
    fn a_tab_without_the_readers_overwrites_nothing_and_catches_up_once_they_are_here() {
        let mut browser = Browser::with_tabs(2, T0);
        browser.tabs[A] = open_unread(&browser.storage, T0);
        // B writes a note; A hears of it before its readers are here.
        browser.tabs[B].set_note("dba-raid", "typed in B", T0 + SECOND);
        browser.tabs[B].flush();
        let key = record_key::<Note>("dba-raid");
        let a = &mut browser.tabs[A];
        a.reload_from_storage(&key);
        assert!(a.take_needs_readers());
        assert_eq!(a.note("dba-raid"), "");
        // An older edit of B's note, typed in A before B's arrived: not written over B's, which
        // A cannot check yet, and not lost.
        a.set_note("dba-raid", "typed in A, earlier", T0 + SECOND / 2);
        a.flush();
        assert!(a.take_needs_readers());
        assert_eq!(
            stored::<Note>(&browser.storage, "dba-raid").unwrap().text,
            "typed in B"
        );
        assert!(a.notices().kept_aside.is_empty());
        assert!(a.notices() == &Notices::default(), "no notice for a wait");
        assert!(a.take_problems().is_empty(), "a wait is no failure");

        a.readers_here(Readers::here());
        // B's newer note wins, in A and in storage.
        assert_eq!(a.note("dba-raid"), "typed in B");
        assert_eq!(
            stored::<Note>(&browser.storage, "dba-raid").unwrap().text,
            "typed in B"
        );
        assert!(!a.take_needs_readers());
        assert!(a.take_problems().is_empty());
    }

    #[test]
    fn a_tab_alone_saves_over_its_own_records_without_the_readers() {
        let storage = Shared::default();
        let mut tab = open_unread(&storage, T0);
        start(&mut tab, "alone", T0);
        tab.update(Save::Now, |i| i.type_answer("mirrors", T0 + SECOND));
        tab.update(Save::Now, |i| {
            i.type_answer("mirrors, then stripes", T0 + 2 * SECOND)
        });
        tab.set_note("dba-raid", "RAID 10", T0 + SECOND);
        tab.flush();
        tab.set_note("dba-raid", "RAID 10, never 5", T0 + 2 * SECOND);
        tab.flush();
        assert!(!tab.take_needs_readers(), "nothing waits for them");
        assert_eq!(
            answer_of(stored(&storage, "alone").as_ref()),
            "mirrors, then stripes"
        );
        assert_eq!(
            stored::<Note>(&storage, "dba-raid").unwrap().text,
            "RAID 10, never 5"
        );
        assert!(tab.take_problems().is_empty());
        // Another tab's value under its interview's key is not its own: that save waits.
        let theirs =
            stored_all(&storage)[&record_key::<Interview>("alone")].replace("mirrors", "Mirrors");
        storage
            .set(&record_key::<Interview>("alone"), &theirs)
            .unwrap();
        tab.update(Save::Now, |i| {
            i.type_answer("mirrors, then stripes, then", T0 + 3 * SECOND)
        });
        assert!(tab.take_needs_readers());
        assert_eq!(
            stored_all(&storage)[&record_key::<Interview>("alone")],
            theirs
        );
    }

    #[test]
    fn a_start_up_that_reads_nothing_reads_everything_once_the_readers_are_here() {
        let storage = stored_note_and_interview();
        let before = stored_all(&storage);

        // A first visit: nothing stored, nothing waits.
        let mut empty = open_unread(&Shared::default(), T0);
        assert!(!empty.take_needs_readers());

        let mut tab = open_unread(&storage, T0 + HOUR);
        assert!(tab.take_needs_readers());
        assert_eq!(tab.note("dba-raid"), "");
        assert!(tab.interviews().is_empty());
        tab.flush();
        tab.store_snapshot();
        assert_eq!(stored_all(&storage), before, "nothing was written");

        tab.readers_here(Readers::here());
        assert_eq!(tab.note("dba-raid"), "RAID 10");
        assert!(tab.interviews().iter().any(|i| i.id == INTERVIEW_ID));
        assert_eq!(tab.unfinished().len(), 1);
        assert!(tab.notices().kept_aside.is_empty());
    }

    #[test]
    fn when_the_readers_cannot_come_the_reader_is_told_only_if_something_waits_for_them() {
        // A first visit to a storage another script filled: the note cannot be saved, but not
        // for want of the readers, so their failed download is no news to the reader.
        let other = |storage: &MemoryBackend| storage.set("another-script/cache", &"x".repeat(500));
        let measure = MemoryBackend::new();
        other(&measure).unwrap();
        let storage = Shared::new(MemoryBackend::with_quota(measure.used()));
        other(&storage).unwrap();
        let mut tab = open_unread(&storage, T0);
        tab.set_note("dba-raid", "RAID 10", T0 + SECOND);
        tab.flush();
        assert!(tab.notices().full);
        tab.readers_missing();
        assert!(!tab.notices().unread);

        // A stored note waits for them to be read, and a save over it to check it: now the
        // reader is told.
        let storage = stored_note_and_interview();
        let mut tab = open_unread(&storage, T0 + HOUR);
        tab.set_note("dba-raid", "RAID 5", T0 + HOUR);
        tab.flush();
        tab.readers_missing();
        assert!(tab.notices().unread);
        assert!(!tab.notices().full);
    }

    #[test]
    fn a_first_visit_rates_without_the_readers_and_shows_memory_states_once_they_are_here() {
        let storage = Shared::default();
        let mut tab = open_unread(&storage, T0);
        let setup = Setup {
            count: 1,
            ..Setup::default()
        };
        tab.start("first".into(), setup, &["dba-raid"], T0);
        tab.update(Save::Now, |i| {
            i.type_answer("mirrors, then stripes", T0 + SECOND);
            i.done(T0 + 2 * SECOND);
        });
        assert!(!tab.take_needs_readers(), "nothing to replay yet");
        tab.rate(Rating::Good, T0 + 3 * SECOND);
        assert!(tab.take_needs_readers(), "its first rating asks for them");
        assert!(tab.memory().is_empty());
        tab.store_snapshot();
        tab.flush();
        // Its own records are saved; no derived record is written without the readers.
        assert!(stored::<Interview>(&storage, "first").is_some());
        let keys: Vec<String> = stored_all(&storage).into_iter().map(|(k, _)| k).collect();
        assert_eq!(keys, vec![record_key::<Interview>("first")]);

        tab.take_changes();
        tab.readers_here(Readers::here());
        let changes = tab.take_changes();
        assert!(
            changes.reviews && changes.interviews,
            "the views replay them"
        );
        assert!(tab.memory().contains_key("dba-raid"));
        assert!(tab.first_rated().contains_key("dba-raid"));
        tab.store_snapshot();
        assert!(stored::<Snapshot>(&storage, Snapshot::ID).is_some());
    }
}
