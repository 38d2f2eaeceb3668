//! The reader's progress as plain data: interviews, ratings, notes and settings in memory, and
//! the policy that saves them through `storage`, one key per record. No browser APIs and no
//! clock: every method that needs the time takes it, so each rule is tested natively, with two
//! tabs on one storage (`state/tests.rs`).
//!
//! Nothing in memory is ever lost: a save that fails (storage blocked or full) becomes a
//! notice, and the record stays unsaved, to be written again with the next change. Stored
//! values this version cannot read are kept aside, reported, and never overwritten. Between
//! tabs, the newest note or settings win by their timestamps, when another tab's record
//! arrives and again before writing.
//!
//! A long history does not slow the start: a `Snapshot` of the stored interviews and reviews
//! is kept with them, and a start-up that lists the same records reads only the unfinished
//! interviews, taking the count of completed ones, the memory states and first ratings from
//! the snapshot. The completed interviews are read when something lists, changes or exports
//! them (`load_history`), and then correct anything the snapshot had wrong. A save that
//! changes what the snapshot holds voids it; a new one is stored when the page is hidden.

use super::snapshot::{self, Snapshot};
use crate::interview::{Interview, Millis, Rating, Setup, MAX_ANSWER_CHARS};
use crate::review::cache::MemoryCache;
use crate::review::event::{self, Points};
use crate::review::memory::MemoryState;
use crate::review::record::{review_id, Settings};
use crate::review::{Note, ReviewEvent};
use crate::sorted::{SortedMap, SortedSet};
use crate::storage::usage::Usage;
use crate::storage::{
    record_key, Backend, DecodeError, Listing, Loaded, Record, SaveError, Store, Unreadable,
    KEY_PREFIX,
};
use crate::transfer::export::{self, Export, ImportPreview};
use std::cell::{Cell, RefCell};

/// How often a running interview is saved even when nothing else changes.
pub const CHECKPOINT_MS: Millis = 5_000;

/// Completed interviews that keep their typed answers; older ones keep everything else, so a
/// thousand interviews fit in the browser's storage.
pub const KEEP_ANSWERS: usize = 50;

/// Stored data this version cannot read, kept as it is for the reader to download.
#[derive(Debug, Clone, PartialEq)]
pub struct KeptAside {
    pub key: String,
    pub raw: String,
    pub reason: String,
}

impl From<Unreadable> for KeptAside {
    fn from(u: Unreadable) -> Self {
        KeptAside {
            key: u.key,
            raw: u.raw,
            reason: u.error.to_string(),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Notices {
    /// Storage is blocked: progress lives in memory only.
    pub not_saved: bool,
    /// The last save failed because storage is full.
    pub full: bool,
    pub kept_aside: Vec<KeptAside>,
    /// A recording could not be stored (IndexedDB blocked or full): why.
    pub recordings: Option<String>,
    /// Stored records wait to be read, or changes to be saved, for the decoders
    /// (`storage::readers`), which could not be downloaded.
    pub unread: bool,
}

/// What the start-up probe found of the browser's storage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    /// Reads and writes work.
    Usable,
    /// Reads work, writes are refused: the quota is full. Everything stored is still read.
    Full,
    /// Storage cannot be used: the backend is memory, and progress lasts as long as the page.
    Blocked,
}

/// When a change to this tab's interview is saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Save {
    Now,
    /// Shortly after the last change (typing): the caller calls `flush` when typing pauses.
    Soon,
}

/// What changed since the caller last asked (`take_changes`): what views show again.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Changes {
    pub interviews: bool,
    pub reviews: bool,
    pub notes: bool,
    pub settings: bool,
    pub notices: bool,
    /// Which interview is this tab's, or whether another tab took it.
    pub tab: bool,
}

/// A record to save: what is in memory under this key is written.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Dirty {
    Interview(String),
    Review(String),
    Note(String),
    Settings,
}

/// For the console, when a record cannot be saved. Not `Debug`: its quoting of strings brings
/// `str`'s escaping and Unicode tables into the start page's wasm, for this one message.
impl std::fmt::Display for Dirty {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (kind, id) = match self {
            Dirty::Interview(id) => ("interview", id.as_str()),
            Dirty::Review(id) => ("review of", id.as_str()),
            Dirty::Note(question) => ("note on", question.as_str()),
            Dirty::Settings => return f.write_str("settings"),
        };
        write!(f, "{kind} {id}")
    }
}

/// The reader's progress in memory and the rules that save it through `B`.
pub struct ProgressState<B: Backend> {
    store: Store<B>,
    /// Every interview read: stored ones and this tab's, by start time.
    interviews: Vec<Interview>,
    /// Completed interviews stored but not read yet (a start-up from a snapshot): the ids
    /// `load_history` reads.
    unloaded: Vec<String>,
    /// The id of this tab's interview (running, or just completed).
    active_id: Option<String>,
    /// This tab's interview is running in another tab, which took it over (or held it
    /// first): this tab shows it but neither changes nor saves it.
    moved_away: bool,
    /// Every review rating, by storage id (interview ratings live in their interviews).
    reviews: SortedMap<String, ReviewEvent>,
    /// Question id to the reader's note.
    notes: SortedMap<String, Note>,
    settings: Settings,
    /// Memory states with the ratings they came from, so `memory` replays only what changed
    /// (kept in the storage between visits; a cache, filled as `memory` is asked).
    memory_cache: RefCell<MemoryCache>,
    /// `memory_cache` changed since it was last stored: the next `flush` stores it.
    memory_cache_unsaved: Cell<bool>,
    /// The stored snapshot, as this tab read or wrote it (none when there is none, or it is
    /// unreadable, or void).
    snapshot: Option<Snapshot>,
    /// Interviews or reviews may have changed since `snapshot` was compared with them: the
    /// next `flush` compares, and voids it if it no longer matches.
    snapshot_check: bool,
    notices: Notices,
    /// Records whose latest state is not yet saved (storage full, or a save pending).
    unsaved: Vec<Dirty>,
    /// When the running interview was last saved by a tick.
    checkpoint: Millis,
    changes: Changes,
    /// Saves that failed for another reason than full or blocked storage, for the log.
    problems: Vec<String>,
    /// A record could not be read or checked because the decoders are not here
    /// (`storage::readers`): the caller fetches them, then calls `readers_here`
    /// (`take_needs_readers`).
    needs_readers: bool,
    /// Keys whose values were not read for that reason: read again by `readers_here`.
    unread: Vec<String>,
    /// The last `flush` left a save waiting to check the value it would replace
    /// (`SaveError::Unchecked`): unsaved for want of the decoders, not for a full storage.
    unchecked: bool,
    /// What only a tab with the decoders does; `None` until they are here.
    derived: Option<Derived<B>>,
}

/// What only a tab with the decoders does: replay the ratings into memory states, keep the
/// derived records (snapshot, memory cache), read the history a snapshot left unread. Set by
/// `load` and `readers_here`, which the release build keeps with the decoders in their piece
/// of the wasm (`progress::readers`), so this code comes with them. A tab without them (a
/// first visit) stores no derived record, and shows memory states once they arrive: its
/// first rating asks for them.
struct Derived<B: Backend> {
    memory: fn(&ProgressState<B>) -> SortedMap<String, MemoryState>,
    first_rated: fn(&ProgressState<B>) -> SortedMap<String, Millis>,
    load_history: fn(&mut ProgressState<B>),
    store_snapshot: fn(&mut ProgressState<B>),
    store_memory_cache: fn(&mut ProgressState<B>),
    void_stale_snapshot: fn(&mut ProgressState<B>),
}

impl<B: Backend> Clone for Derived<B> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<B: Backend> Copy for Derived<B> {}

impl<B: Backend> Derived<B> {
    fn here() -> Self {
        Derived {
            memory: ProgressState::replay_memory,
            first_rated: ProgressState::replay_first_rated,
            load_history: ProgressState::read_history,
            store_snapshot: ProgressState::write_snapshot,
            store_memory_cache: ProgressState::write_memory_cache,
            void_stale_snapshot: ProgressState::void_snapshot_if_stale,
        }
    }
}

impl<B: Backend> ProgressState<B> {
    /// Loads everything readable from `backend` (a full storage is read in full), resumes
    /// `resume`, this tab's interview if it is stored, and saves the answers compaction drops.
    /// `visible`: whether the page is shown; a background tab's interview waits, paused.
    pub fn load(
        backend: B,
        found: Found,
        resume: Option<&str>,
        visible: bool,
        now: Millis,
    ) -> Self {
        let store = Store::new(backend);
        let listing = store.list();
        let mut kept_aside = Aside::default();
        let snapshot = stored_snapshot(&store).unwrap_or_else(|unreadable| {
            kept_aside.add(unreadable);
            None
        });
        let (mut interviews, unloaded) =
            read_interviews(&store, &listing, snapshot.as_ref(), resume, &mut kept_aside);
        crate::sorting::by_key(&mut interviews, |i| i.started_at);
        let reviews = records(store.load_listed::<ReviewEvent>(&listing), &mut kept_aside)
            .into_iter()
            .collect();
        let notes = records(store.load_listed::<Note>(&listing), &mut kept_aside)
            .into_iter()
            .collect();
        let settings = records(store.load_listed::<Settings>(&listing), &mut kept_aside)
            .into_iter()
            .find(|(id, _)| id == Settings::ID)
            .map(|(_, s)| s)
            .unwrap_or_default();
        let memory_cache = match store.load::<MemoryCache>(MemoryCache::ID) {
            Ok(cache) => cache.unwrap_or_default(),
            Err(unreadable) => {
                kept_aside.add(unreadable);
                MemoryCache::default()
            }
        };

        let active_id = resume
            .filter(|id| interviews.iter().any(|i| i.id == *id))
            .map(str::to_string);
        if let Some(active) = active_id
            .as_ref()
            .and_then(|id| interviews.iter_mut().find(|i| &i.id == id))
        {
            active.restore(now);
            // Loaded in a background tab: the clock counts from when the reader looks.
            if !visible {
                active.pause(now);
            }
        }
        // Compacting needs every completed interview: from a snapshot, `load_history` does it.
        let compacted = if unloaded.is_empty() {
            compact_old_answers(&mut interviews, KEEP_ANSWERS)
        } else {
            Vec::new()
        };
        let mut state = ProgressState {
            store,
            interviews,
            unloaded,
            active_id,
            moved_away: false,
            reviews,
            notes,
            settings,
            memory_cache: RefCell::new(memory_cache),
            memory_cache_unsaved: Cell::new(false),
            snapshot,
            snapshot_check: true,
            notices: Notices {
                not_saved: found == Found::Blocked,
                full: found == Found::Full,
                kept_aside: kept_aside.kept,
                recordings: None,
                unread: false,
            },
            needs_readers: !kept_aside.unread.is_empty(),
            unread: kept_aside.unread,
            unchecked: false,
            derived: Some(Derived::here()),
            unsaved: Vec::new(),
            checkpoint: now,
            changes: Changes::default(),
            problems: Vec::new(),
        };
        for id in compacted {
            state.mark(Dirty::Interview(id));
        }
        state.flush();
        state.store_snapshot();
        state
    }

    /// Nothing read yet: every record stored under the app's keys waits for the decoders
    /// (`readers_here` reads them as another tab's changes are read). What a start-up is
    /// without them, which a first visit (nothing stored) always is, and what a rehearsal
    /// is: the release build keeps `load` in the decoders' piece.
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
            derived: None,
            unsaved: Vec::new(),
            checkpoint: now,
            changes: Changes::default(),
            problems: Vec::new(),
        }
    }

    /// Every interview, by start time (read in full first: `load_history`).
    pub fn interviews(&mut self) -> &[Interview] {
        self.load_history();
        &self.interviews
    }

    /// Reads the completed interviews a start-up from a snapshot left unread: before anything
    /// lists, changes or exports them. The views hear of it only if the records differ from
    /// what the snapshot said (a newer version or a failed save can leave it behind).
    pub fn load_history(&mut self) {
        if self.unloaded.is_empty() {
            return;
        }
        // Only a start-up from a snapshot leaves interviews unread: with the decoders.
        if let Some(derived) = self.derived {
            (derived.load_history)(self);
        }
    }

    fn read_history(&mut self) {
        let shown = (self.completed_count(), self.memory(), self.first_rated());
        for id in std::mem::take(&mut self.unloaded) {
            match self.store.load::<Interview>(&id) {
                Ok(Some(interview)) if !self.interviews.iter().any(|i| i.id == interview.id) => {
                    self.interviews.push(interview)
                }
                // Deleted by another tab since the start, or already here.
                Ok(_) => {}
                Err(unreadable) => self.keep_aside(unreadable),
            }
        }
        crate::sorting::by_key(&mut self.interviews, |i| i.started_at);
        for id in compact_old_answers(&mut self.interviews, KEEP_ANSWERS) {
            self.mark(Dirty::Interview(id));
        }
        if (self.completed_count(), self.memory(), self.first_rated()) != shown {
            self.changes.interviews = true;
        }
        self.snapshot_check = true;
        self.flush();
        self.store_snapshot();
    }

    pub fn active_id(&self) -> Option<&str> {
        self.active_id.as_deref()
    }

    /// This tab's interview.
    pub fn active(&self) -> Option<&Interview> {
        let id = self.active_id.as_ref()?;
        self.interviews.iter().find(|i| &i.id == id)
    }

    /// Whether another tab took this tab's interview over.
    pub fn moved_away(&self) -> bool {
        self.moved_away
    }

    pub fn notes(&self) -> &SortedMap<String, Note> {
        &self.notes
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    pub fn notices(&self) -> &Notices {
        &self.notices
    }

    pub fn backend(&self) -> &B {
        self.store.backend()
    }

    /// How many interviews are completed (`history().len()`, without reading them).
    pub fn completed_count(&self) -> usize {
        self.unloaded.len()
            + self
                .interviews
                .iter()
                .filter(|i| i.completed_at.is_some())
                .count()
    }

    /// Completed interviews, most recent first.
    pub fn history(&mut self) -> Vec<&Interview> {
        self.load_history();
        let mut done: Vec<&Interview> = self
            .interviews
            .iter()
            .filter(|i| i.completed_at.is_some())
            .collect();
        crate::sorting::by_key_descending(&mut done, |i| i.completed_at.unwrap_or(0));
        done
    }

    /// Interviews left unfinished by a closed tab (not this tab's), newest first.
    pub fn unfinished(&self) -> Vec<&Interview> {
        let mut open: Vec<&Interview> = self
            .interviews
            .iter()
            .filter(|i| i.completed_at.is_none() && Some(&i.id) != self.active_id.as_ref())
            .collect();
        crate::sorting::by_key_descending(&mut open, |i| i.started_at);
        open
    }

    /// Every rating, from interviews and from reviews, once each, in time order.
    pub fn rating_events(&mut self) -> Vec<ReviewEvent> {
        self.load_history();
        self.read_rating_events()
    }

    /// `rating_events` of what is read: all of them once `unloaded` is empty.
    fn read_rating_events(&self) -> Vec<ReviewEvent> {
        // A rating that came both as a review record and inside an interview (through an
        // import) counts once, as the export's merge counts it.
        event::unite(
            self.reviews
                .values()
                .cloned()
                .chain(self.interviews.iter().flat_map(event::of_interview)),
        )
    }

    /// Whether any rating is held, from interviews or from reviews.
    fn has_ratings(&self) -> bool {
        !self.reviews.is_empty() || self.interviews.iter().any(|i| i.ratings().next().is_some())
    }

    /// Question id to its memory state, replayed from the ratings: only the questions whose
    /// ratings changed since the cache last saw them (the cache is stored by the next `flush`).
    /// From a snapshot, the states it was stored with.
    pub fn memory(&self) -> SortedMap<String, MemoryState> {
        self.derived
            .map(|derived| (derived.memory)(self))
            .unwrap_or_default()
    }

    fn replay_memory(&self) -> SortedMap<String, MemoryState> {
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

    /// Question id to the time of its first rating (from a snapshot, as it was stored).
    pub fn first_rated(&self) -> SortedMap<String, Millis> {
        self.derived
            .map(|derived| (derived.first_rated)(self))
            .unwrap_or_default()
    }

    fn replay_first_rated(&self) -> SortedMap<String, Millis> {
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

    /// What changed since the last call.
    pub fn take_changes(&mut self) -> Changes {
        std::mem::take(&mut self.changes)
    }

    /// Whether something waits for the decoders (`storage::readers`) since the caller last
    /// asked: once they are here, `readers_here` reads and saves it.
    pub fn take_needs_readers(&mut self) -> bool {
        std::mem::take(&mut self.needs_readers)
    }

    /// The decoders are here: reads the values that waited for them, as another tab's
    /// change is read, then saves what waited. Returns whether one was another tab's interview.
    pub fn readers_here(&mut self) -> bool {
        if self.derived.is_none() {
            self.derived = Some(Derived::here());
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

    /// Another tab changed `key`, which waits for the decoders to be read (`readers_here`).
    pub fn wait_for_readers(&mut self, key: &str) {
        if !self.unread.iter().any(|k| k == key) {
            self.unread.push(key.to_string());
        }
        self.needs_readers = true;
    }

    /// The decoders could not be downloaded: if anything waits for them, the reader is told.
    pub fn readers_missing(&mut self) {
        let waiting = !self.unread.is_empty() || self.unchecked;
        if waiting && !self.notices.unread {
            self.notices.unread = true;
            self.changes.notices = true;
        }
    }

    /// Saves that failed for another reason than a full or blocked storage, since the last
    /// call: one line each, for the log.
    pub fn take_problems(&mut self) -> Vec<String> {
        std::mem::take(&mut self.problems)
    }

    /// Starts an interview on `questions` as this tab's own, and saves it. Its clock runs
    /// from `now` (not restored as a taken-over one is: nothing paused it).
    pub fn start(&mut self, id: String, setup: Setup, questions: &[&str], now: Millis) {
        self.interviews
            .push(Interview::new(id.clone(), setup, questions, now));
        self.make_active(&id);
        self.update(Save::Now, |_| {});
    }

    /// Makes an interview this tab's own: one a closed or crashed tab left, or one another
    /// live tab ran (the caller takes its lock). The question goes on with the time it had at
    /// its last checkpoint.
    pub fn take_over(&mut self, id: &str, now: Millis) {
        self.make_active(id);
        self.update(Save::Now, |i| i.restore(now));
    }

    fn make_active(&mut self, id: &str) {
        self.active_id = Some(id.to_string());
        self.moved_away = false;
        self.changes.tab = true;
    }

    /// What the tab lock says of interview `id`: `held` by this tab, or by another one.
    /// Only this tab's current interview is concerned: a late word on an interview this tab
    /// has since left changes nothing.
    pub fn lock_report(&mut self, id: &str, held: bool) {
        if self.active_id.as_deref() == Some(id) && self.moved_away == held {
            self.moved_away = !held;
            self.changes.tab = true;
        }
    }

    /// Changes this tab's interview and saves it now, or marks it for the caller's next
    /// `flush` (`Save::Soon`). Returns whether there was an interview to change: none, or
    /// another tab runs it (one writer per interview).
    pub fn update(&mut self, save: Save, change: impl FnOnce(&mut Interview)) -> bool {
        let Some(id) = self.active_id.clone() else {
            return false;
        };
        if self.moved_away {
            return false;
        }
        let Some(interview) = self.interviews.iter_mut().find(|i| i.id == id) else {
            return false;
        };
        let rated = interview.ratings().count();
        change(interview);
        let new_rating = interview.ratings().count() != rated;
        self.changes.interviews = true;
        self.mark(Dirty::Interview(id));
        // A new rating changes memory states: they are replayed from every interview.
        if new_rating {
            self.load_history();
        }
        if save == Save::Now {
            self.flush();
        }
        true
    }

    /// Rates the current question of this tab's interview; the rating, kept in the interview,
    /// feeds the question's memory model.
    pub fn rate(&mut self, rating: Rating, now: Millis) {
        self.update(Save::Now, |i| i.rate(rating, now));
    }

    /// A rating from the Review mode, stored as a record of its own, with the key points the
    /// reader's answer covered if it was marked.
    pub fn record_review(
        &mut self,
        question: &str,
        rating: Rating,
        points: Option<Points>,
        now: Millis,
    ) {
        self.load_history();
        let event = ReviewEvent::new(now, question, rating).with_points(points);
        let id = review_id(&event);
        self.reviews.insert(id.clone(), event);
        self.changes.reviews = true;
        self.mark(Dirty::Review(id));
        self.flush();
    }

    /// The reader's note on a question, or an empty text.
    pub fn note(&self, question: &str) -> &str {
        self.notes.get(question).map_or("", |n| n.text.as_str())
    }

    /// Keeps the reader's note (capped like an answer), to be saved by the caller's next
    /// `flush`, shortly after typing stops.
    pub fn set_note(&mut self, question: &str, text: &str, now: Millis) {
        let updated_at = edit_time(self.notes.get(question).map(|n| n.updated_at), now);
        let note = Note {
            text: text.chars().take(MAX_ANSWER_CHARS).collect(),
            updated_at,
        };
        self.notes.insert(question.to_string(), note);
        self.changes.notes = true;
        self.mark(Dirty::Note(question.to_string()));
    }

    pub fn set_new_per_day(&mut self, count: usize, now: Millis) {
        self.settings.new_per_day = count.clamp(1, 200);
        self.settings.updated_at = edit_time(Some(self.settings.updated_at), now);
        self.changes.settings = true;
        self.mark(Dirty::Settings);
        self.flush();
    }

    /// Recordings kept per question (1 to 20).
    pub fn set_keep_recordings(&mut self, count: usize, now: Millis) {
        self.settings.keep_recordings = count.clamp(1, 20);
        self.settings.updated_at = edit_time(Some(self.settings.updated_at), now);
        self.changes.settings = true;
        self.mark(Dirty::Settings);
        self.flush();
    }

    /// The day of the reader's interview (a local day number), or none.
    pub fn set_interview_day(&mut self, day: Option<i64>, now: Millis) {
        self.settings.interview_day = day;
        self.settings.updated_at = edit_time(Some(self.settings.updated_at), now);
        self.changes.settings = true;
        self.mark(Dirty::Settings);
        self.flush();
    }

    /// A recording could not be stored: the notice says why. The same reason again (every two
    /// seconds while recording) changes nothing, so the notice is not announced again.
    pub fn recording_not_stored(&mut self, reason: String) {
        if self.notices.recordings.as_ref() != Some(&reason) {
            self.notices.recordings = Some(reason);
            self.changes.notices = true;
        }
    }

    /// Every recording of this page is stored: the notice goes.
    pub fn recordings_stored(&mut self) {
        if self.notices.recordings.take().is_some() {
            self.changes.notices = true;
        }
    }

    /// Everything, as one export file.
    pub fn export(&mut self, now: Millis) -> Export {
        self.load_history();
        let mut file = Export::new(now);
        file.interviews = self.interviews.clone();
        file.reviews = self.rating_events();
        file.memory = export::replay_all(&file.reviews);
        file.notes = self.notes.clone();
        file.settings = self.settings.to_map();
        file
    }

    /// How much storage the progress and the site use; `None` when progress is not saved.
    pub fn usage(&self) -> Option<Usage> {
        if self.notices.not_saved {
            return None;
        }
        Usage::of(self.store.backend())
    }

    /// Frees space on the reader's request: drops the typed answers of completed interviews
    /// beyond the newest `keep` (times, key points and ratings stay). Returns how many changed.
    pub fn compact_answers(&mut self, keep: usize) -> usize {
        self.load_history();
        let changed = compact_old_answers(&mut self.interviews, keep);
        if !changed.is_empty() {
            self.changes.interviews = true;
        }
        let count = changed.len();
        for id in changed {
            self.mark(Dirty::Interview(id));
        }
        self.flush();
        count
    }

    /// Deletes completed interviews, with their answers and ratings, on the reader's request;
    /// unfinished ones are never deleted. Then retries what was waiting for space.
    pub fn delete_interviews(&mut self, ids: &[String]) {
        self.load_history();
        let ids: Vec<&String> = ids
            .iter()
            .filter(|id| {
                self.interviews
                    .iter()
                    .any(|i| &i.id == *id && i.completed_at.is_some())
            })
            .collect();
        if ids.is_empty() {
            return;
        }
        self.interviews.retain(|i| !ids.contains(&&i.id));
        self.unsaved
            .retain(|k| !matches!(k, Dirty::Interview(id) if ids.contains(&id)));
        self.changes.interviews = true;
        for id in ids {
            if let Err(e) = self.store.delete::<Interview>(id) {
                self.problems
                    .push(format!("interview {id} not deleted: {e}"));
            }
        }
        self.flush();
    }

    /// What importing `incoming` would change.
    pub fn preview(&mut self, incoming: &Export, now: Millis) -> ImportPreview {
        export::diff(&self.export(now), incoming)
    }

    /// Merges `incoming` into everything here, losing nothing on either side, and saves what
    /// changed: exactly what `preview` announced.
    pub fn import(&mut self, incoming: &Export, now: Millis) {
        let merged = export::merge(&self.export(now), incoming);
        // Ratings kept in the interviews are not stored twice.
        let in_interviews: SortedSet<(u64, &str)> = merged
            .interviews
            .iter()
            .flat_map(|i| i.ratings().map(|(at, question, _)| (at, question)))
            .collect();
        let mut reviews = SortedMap::new();
        for event in &merged.reviews {
            if !in_interviews.contains(&(event.at, event.question.as_str())) {
                reviews.insert(review_id(event), event.clone());
            }
        }
        let mut interviews = merged.interviews;
        compact_old_answers(&mut interviews, KEEP_ANSWERS);
        let settings = Settings::from_map(&merged.settings);

        // Only what differs is written: a record already here is not saved again.
        let mut dirty = Vec::new();
        for interview in &interviews {
            if !self.interviews.contains(interview) {
                dirty.push(Dirty::Interview(interview.id.clone()));
            }
        }
        for (id, event) in &reviews {
            if self.reviews.get(id) != Some(event) {
                dirty.push(Dirty::Review(id.clone()));
            }
        }
        for (question, note) in &merged.notes {
            if self.notes.get(question) != Some(note) {
                dirty.push(Dirty::Note(question.clone()));
            }
        }
        if !settings.same_choices(&self.settings) {
            self.settings = Settings {
                updated_at: edit_time(Some(self.settings.updated_at), now),
                ..settings
            };
            dirty.push(Dirty::Settings);
        }
        self.interviews = interviews;
        self.reviews = reviews;
        self.notes = merged.notes;
        self.changes = Changes {
            interviews: true,
            reviews: true,
            notes: true,
            settings: true,
            ..self.changes
        };
        for key in dirty {
            self.mark(key);
        }
        self.flush();
    }

    /// Saves everything not yet saved: after each change, on hide and on close. A failed
    /// earlier save is retried with it.
    pub fn flush(&mut self) {
        let keys = std::mem::take(&mut self.unsaved);
        let (mut wrote, mut refused) = (false, false);
        self.unchecked = false;
        let mut still_unsaved = Vec::new();
        for key in keys {
            match self.write(&key) {
                Ok(written) => wrote |= written,
                Err(SaveError::Full) => {
                    refused = true;
                    still_unsaved.push(key);
                }
                Err(SaveError::Unavailable) => {
                    if !self.notices.not_saved {
                        self.notices.not_saved = true;
                        self.changes.notices = true;
                    }
                    still_unsaved.push(key);
                }
                Err(SaveError::Unchecked) => {
                    self.needs_readers = true;
                    self.unchecked = true;
                    still_unsaved.push(key);
                }
                Err(SaveError::Other(message)) => {
                    self.problems.push(format!("{key} not saved: {message}"));
                    still_unsaved.push(key);
                }
            }
        }
        // Whatever was marked while writing goes after what was already waiting.
        for key in std::mem::replace(&mut self.unsaved, still_unsaved) {
            self.mark(key);
        }
        match self.derived {
            Some(derived) => {
                (derived.store_memory_cache)(self);
                (derived.void_stale_snapshot)(self);
            }
            // Ratings to replay (made here, or imported): the memory states wait for them.
            None => self.needs_readers |= self.has_ratings(),
        }
        // Full until a write succeeds: with nothing written, what was known stands.
        let full = refused || (!wrote && self.notices.full);
        if self.notices.full != full {
            self.notices.full = full;
            self.changes.notices = true;
        }
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
    /// unread (left for `load_history`, or waiting for the decoders).
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
    fn void_stale_snapshot(&mut self) {
        if let Some(derived) = self.derived {
            (derived.void_stale_snapshot)(self);
        }
    }

    fn void_snapshot_if_stale(&mut self) {
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

    /// Stores a snapshot of the records as they are, unless the stored one is: when the page
    /// is hidden, and once a start-up has read every interview. Best effort, like the memory
    /// cache: without it, the next start reads every interview.
    pub fn store_snapshot(&mut self) {
        if let Some(derived) = self.derived {
            (derived.store_snapshot)(self);
        }
    }

    fn write_snapshot(&mut self) {
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

    /// Writes one record; `Ok(false)` when there was nothing to write.
    fn write(&mut self, key: &Dirty) -> Result<bool, SaveError> {
        match key {
            // The interview moved to another tab: what this tab holds of it is no longer
            // the newest.
            Dirty::Interview(id) if self.moved_away && self.active_id.as_ref() == Some(id) => {
                Ok(false)
            }
            Dirty::Interview(id) => {
                let Some(interview) = self.interviews.iter().find(|i| &i.id == id) else {
                    return Ok(false);
                };
                let result = self.store.save(id, interview);
                self.written::<Interview>(id, result)
            }
            Dirty::Review(id) => {
                let Some(event) = self.reviews.get(id) else {
                    return Ok(false);
                };
                let result = self.store.save(id, event);
                self.written::<ReviewEvent>(id, result)
            }
            Dirty::Note(question) => {
                let Some(ours) = self.notes.get(question) else {
                    return Ok(false);
                };
                // Another tab saved a newer note whose event has not arrived yet: it wins,
                // here as it will there, and is never overwritten with an older text.
                if let Ok(Some(stored)) = self.store.load_theirs::<Note>(question) {
                    if theirs_wins(Some(ours.updated_at), stored.updated_at) {
                        self.notes.insert(question.clone(), stored);
                        self.changes.notes = true;
                        return Ok(false);
                    }
                }
                let result = self.store.save(question, ours);
                self.written::<Note>(question, result)
            }
            Dirty::Settings => {
                if let Ok(Some(stored)) = self.store.load_theirs::<Settings>(Settings::ID) {
                    if theirs_wins(Some(self.settings.updated_at), stored.updated_at) {
                        self.settings = stored;
                        self.changes.settings = true;
                        return Ok(false);
                    }
                }
                let result = self.store.save(Settings::ID, &self.settings);
                self.written::<Settings>(Settings::ID, result)
            }
        }
    }

    /// The outcome of a save; a refusal to overwrite a value this version cannot read (one
    /// another tab wrote since the load) reports that value.
    fn written<R: Record>(
        &mut self,
        id: &str,
        result: Result<(), SaveError>,
    ) -> Result<bool, SaveError> {
        if let Err(SaveError::Other(_)) = &result {
            if let Err(unreadable) = self.store.load::<R>(id) {
                self.keep_aside(unreadable);
            }
        }
        result.map(|()| true)
    }

    fn keep_aside(&mut self, unreadable: Unreadable) {
        if unreadable.error == DecodeError::NotHere {
            return self.wait_for_readers(&unreadable.key);
        }
        let kept = KeptAside::from(unreadable);
        let known = &mut self.notices.kept_aside;
        match known.iter_mut().find(|k| k.key == kept.key) {
            Some(same) if *same == kept => return,
            Some(older) => *older = kept,
            None => known.push(kept),
        }
        self.changes.notices = true;
    }

    /// Another tab saved (or deleted) the record under `key`: take its state, except for this
    /// tab's own interview, and except a note or settings older than this tab's. Returns
    /// whether it was another tab's interview (which tabs run which interview may have
    /// changed).
    pub fn reload_from_storage(&mut self, key: &str) -> bool {
        if key == record_key::<Snapshot>(Snapshot::ID) {
            // Another tab stored or voided it: if it is not of the records as this tab holds
            // them (their latest change not yet there when it was taken), it goes. The figures
            // this tab took from its own snapshot are replaced by the records first.
            self.load_history();
            self.snapshot = stored_snapshot(&self.store).ok().flatten();
            self.snapshot_check = true;
            self.void_stale_snapshot();
            return false;
        }
        let interview = key.strip_prefix(&record_key::<Interview>(""));
        let review = key.strip_prefix(&record_key::<ReviewEvent>(""));
        if interview.is_some() || review.is_some() {
            // Their ratings change memory states, replayed from every interview.
            self.load_history();
            self.snapshot_check = true;
        }
        if let Some(id) = interview {
            // This tab's own interview has one writer: this tab, unless another took it.
            if self.active_id.as_deref() == Some(id) && !self.moved_away {
                return false;
            }
            match self.store.load::<Interview>(id) {
                Ok(Some(stored)) => {
                    match self.interviews.iter_mut().find(|i| i.id == stored.id) {
                        Some(known) => *known = stored,
                        None => self.interviews.push(stored),
                    }
                    self.changes.interviews = true;
                }
                // The reader deleted it in another tab (not a storage that failed to answer:
                // then nothing is dropped).
                Ok(None) if self.store.backend().get(key) == Ok(None) => {
                    self.interviews.retain(|i| i.id != id);
                    self.changes.interviews = true;
                }
                Ok(None) => {}
                Err(unreadable) => self.keep_aside(unreadable),
            }
            return true;
        }
        if let Some(id) = review {
            match self.store.load::<ReviewEvent>(id) {
                Ok(Some(event)) => {
                    self.reviews.insert(id.to_string(), event);
                    self.changes.reviews = true;
                }
                Ok(None) => {}
                Err(unreadable) => self.keep_aside(unreadable),
            }
        } else if let Some(question) = key.strip_prefix(&record_key::<Note>("")) {
            match self.store.load::<Note>(question) {
                Ok(Some(theirs)) => {
                    let ours = self.notes.get(question);
                    if theirs_wins(ours.map(|n| n.updated_at), theirs.updated_at) {
                        // Our older edit is superseded: its pending save must not write it back.
                        self.forget(&Dirty::Note(question.to_string()));
                        self.notes.insert(question.to_string(), theirs);
                        self.changes.notes = true;
                    } else if ours.is_some_and(|ours| ours.updated_at > theirs.updated_at) {
                        // Storage holds an older note than ours: ours goes back, so every tab
                        // ends with the newest.
                        self.mark(Dirty::Note(question.to_string()));
                        self.flush();
                    }
                }
                Ok(None) => {}
                Err(unreadable) => self.keep_aside(unreadable),
            }
        } else if key == record_key::<Settings>(Settings::ID) {
            match self.store.load::<Settings>(Settings::ID) {
                Ok(Some(theirs)) => {
                    let ours = self.settings.updated_at;
                    if theirs_wins(Some(ours), theirs.updated_at) {
                        self.forget(&Dirty::Settings);
                        self.settings = theirs;
                        self.changes.settings = true;
                    } else if ours > theirs.updated_at {
                        self.mark(Dirty::Settings);
                        self.flush();
                    }
                }
                Ok(None) => {}
                Err(unreadable) => self.keep_aside(unreadable),
            }
        }
        false
    }

    /// A clock tick: the interview notes the time it was last seen, saved every
    /// `CHECKPOINT_MS` so a crash loses little. Returns whether the question's time ran out
    /// (the only change a view must show).
    pub fn tick(&mut self, now: Millis) -> bool {
        let Some(id) = self.active_id.clone() else {
            return false;
        };
        if self.moved_away {
            return false;
        }
        let ended = self
            .interviews
            .iter_mut()
            .find(|i| i.id == id)
            .is_some_and(|i| i.tick(now));
        if ended {
            self.changes.interviews = true;
        }
        let checkpoint_due = now.saturating_sub(self.checkpoint) >= CHECKPOINT_MS;
        if ended || checkpoint_due {
            self.checkpoint = now;
            self.mark(Dirty::Interview(id));
            self.flush();
        }
        ended
    }

    /// The page is shown (the clock counts again) or hidden or closed (the clock stops, and
    /// everything is saved).
    pub fn page_visible(&mut self, visible: bool, now: Millis) {
        if visible {
            self.update(Save::Now, |i| i.resume(now));
        } else {
            self.update(Save::Now, |i| i.pause(now));
            self.flush();
            self.store_snapshot();
        }
    }

    fn mark(&mut self, key: Dirty) {
        if matches!(key, Dirty::Interview(_) | Dirty::Review(_)) {
            self.snapshot_check = true;
        }
        if !self.unsaved.contains(&key) {
            self.unsaved.push(key);
        }
    }

    /// Drops a pending save: what it would write is no longer the newest.
    fn forget(&mut self, key: &Dirty) {
        self.unsaved.retain(|k| k != key);
    }
}

/// Drops the answer texts of completed interviews beyond the newest `keep`; returns the ids of
/// those changed.
fn compact_old_answers(interviews: &mut [Interview], keep: usize) -> Vec<String> {
    let mut completed: Vec<&mut Interview> = interviews
        .iter_mut()
        .filter(|i| i.completed_at.is_some())
        .collect();
    crate::sorting::by_key_descending(&mut completed, |i| i.completed_at.unwrap_or(0));
    completed
        .into_iter()
        .skip(keep)
        .filter_map(|i| i.compact_answers().then(|| i.id.clone()))
        .collect()
}

/// The stored snapshot, unless there is none or it is void.
fn stored_snapshot<B: Backend>(store: &Store<B>) -> Result<Option<Snapshot>, Unreadable> {
    Ok(store
        .load::<Snapshot>(Snapshot::ID)?
        .filter(|s| !s.is_void()))
}

/// The stored interviews a start-up reads, and the ids of those it leaves for `load_history`:
/// when the snapshot was taken of the records listed now, only the unfinished ones and
/// this tab's (`resume`); otherwise all of them.
fn read_interviews<B: Backend>(
    store: &Store<B>,
    listing: &Listing,
    snapshot: Option<&Snapshot>,
    resume: Option<&str>,
    kept_aside: &mut Aside,
) -> (Vec<Interview>, Vec<String>) {
    let ids = listing.ids::<Interview>();
    let listed = snapshot::keys(
        ids.iter().map(String::as_str),
        listing.ids::<ReviewEvent>().iter().map(String::as_str),
    );
    let Some(snapshot) = snapshot.filter(|s| s.keys == listed) else {
        let interviews = records(store.load_listed::<Interview>(listing), kept_aside);
        return (interviews.into_iter().map(|(_, i)| i).collect(), Vec::new());
    };
    let (read, unloaded): (Vec<String>, Vec<String>) = ids
        .into_iter()
        .partition(|id| snapshot.unfinished.contains(id) || resume == Some(id.as_str()));
    let mut interviews = Vec::new();
    for id in read {
        match store.load::<Interview>(&id) {
            Ok(Some(interview)) => interviews.push(interview),
            Ok(None) => {}
            Err(unreadable) => kept_aside.add(unreadable),
        }
    }
    (interviews, unloaded)
}

fn records<R: Record>(loaded: Loaded<R>, kept: &mut Aside) -> Vec<(String, R)> {
    for unreadable in loaded.unreadable {
        kept.add(unreadable);
    }
    loaded.records
}

/// What a start-up could not read.
#[derive(Default)]
struct Aside {
    /// Values this version cannot read.
    kept: Vec<KeptAside>,
    /// Keys not read because the decoders are not here (`DecodeError::NotHere`): neither
    /// kept aside nor ever overwritten, and read once they are.
    unread: Vec<String>,
}

impl Aside {
    fn add(&mut self, unreadable: Unreadable) {
        if unreadable.error == DecodeError::NotHere {
            self.unread.push(unreadable.key);
        } else {
            self.kept.push(unreadable.into());
        }
    }
}

/// Whether a record another tab stored replaces ours: the newer edit wins, and a tie keeps
/// ours.
fn theirs_wins(ours: Option<Millis>, theirs: Millis) -> bool {
    ours.is_none_or(|ours| theirs > ours)
}

/// The time of an edit: now, and always later than the edit it replaces, so a text stamped
/// in the future (a clock set back since, or a hostile file) does not win over the reader's
/// newer typing.
fn edit_time(previous: Option<Millis>, now: Millis) -> Millis {
    previous.map_or(now, |previous| now.max(previous.saturating_add(1)))
}

#[cfg(test)]
mod tests;
