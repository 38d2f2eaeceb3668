//! The reader's progress for the views: `state::ProgressState` (pure: what is in memory and
//! what is saved) wrapped in signals. This module supplies what the pure state must not
//! touch: the clock, the save timer while typing, page visibility, cross-tab storage events
//! and the tab lock of each interview. Views call `Progress`; it forwards to the state and
//! tells the views what changed.

pub mod readers;
mod snapshot;
pub mod state;

pub use state::{KeptAside, Notices, Save};

use crate::interview::{Interview, Rating, Setup};
use crate::platform::tab_lock::{self, Ownership};
use crate::platform::{clock, local_storage, page};
use crate::review::day::Date;
use crate::review::event::Points;
use crate::review::record::Settings;
use crate::review::{MemoryState, Note, ReviewEvent};
use crate::sorted::SortedMap;
use crate::storage::usage::Usage;
use crate::storage::{Backend, BackendError, MemoryBackend};
use crate::transfer::export::{Export, ImportPreview};
use leptos::prelude::*;
use state::{Changes, Found, ProgressState};
use std::time::Duration;

/// The browser's storage, or memory when the browser will not let us use it.
pub enum AppBackend {
    Browser(local_storage::LocalStorage),
    Memory(MemoryBackend),
}

impl Backend for AppBackend {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError> {
        match self {
            AppBackend::Browser(b) => b.get(key),
            AppBackend::Memory(b) => b.get(key),
        }
    }
    fn set(&self, key: &str, value: &str) -> Result<(), BackendError> {
        match self {
            AppBackend::Browser(b) => b.set(key, value),
            AppBackend::Memory(b) => b.set(key, value),
        }
    }
    fn keys(&self) -> Result<Vec<String>, BackendError> {
        match self {
            AppBackend::Browser(b) => b.keys(),
            AppBackend::Memory(b) => b.keys(),
        }
    }
    fn remove(&self, key: &str) -> Result<(), BackendError> {
        match self {
            AppBackend::Browser(b) => b.remove(key),
            AppBackend::Memory(b) => b.remove(key),
        }
    }
}

/// One trigger per part of the state the views read, fired when the state says it changed.
#[derive(Clone, Copy)]
struct Triggers {
    interviews: Trigger,
    reviews: Trigger,
    notes: Trigger,
    settings: Trigger,
    notices: Trigger,
    tab: Trigger,
}

impl Triggers {
    fn publish(&self, changes: Changes) {
        let pairs = [
            (changes.interviews, self.interviews),
            (changes.reviews, self.reviews),
            (changes.notes, self.notes),
            (changes.settings, self.settings),
            (changes.notices, self.notices),
            (changes.tab, self.tab),
        ];
        for (changed, trigger) in pairs {
            if changed {
                trigger.notify();
            }
        }
    }
}

type State = StoredValue<ProgressState<AppBackend>, LocalStorage>;

#[derive(Clone, Copy)]
pub struct Progress {
    state: State,
    changed: Triggers,
    /// The id of this tab's interview (running, or just completed).
    pub active_id: Memo<Option<String>>,
    /// This tab's interview is running in another tab, which took it over (or held it
    /// first): this tab shows it but neither changes nor saves it.
    pub moved_away: Memo<bool>,
    /// Unfinished interviews that other live tabs are running (from the browser's locks).
    pub elsewhere: RwSignal<Vec<String>>,
    /// Question id to the reader's note.
    pub notes: Memo<SortedMap<String, Note>>,
    pub settings: Memo<Settings>,
    /// Question id to its memory state, replayed from the ratings.
    pub memory: Memo<SortedMap<String, MemoryState>>,
    pub notices: Memo<Notices>,
    debounce: StoredValue<Option<TimeoutHandle>, LocalStorage>,
    /// The readers are being fetched, or a new try waits: one at a time (`fetch_readers`).
    fetching_readers: StoredValue<bool, LocalStorage>,
}

/// A memo of one part of the state, read again when its trigger fires; views redraw only
/// when the part really changed.
fn part<T: Clone + Default + PartialEq + Send + Sync + 'static>(
    state: State,
    trigger: Trigger,
    read: impl Fn(&ProgressState<AppBackend>) -> T + Send + Sync + 'static,
) -> Memo<T> {
    Memo::new(move |_| {
        trigger.track();
        state.try_with_value(&read).unwrap_or_default()
    })
}

impl Progress {
    /// Probes storage, loads everything readable, and resumes this tab's interview.
    pub fn load() -> Progress {
        let (backend, found) = match local_storage::probe() {
            local_storage::Probe::Usable(storage) => (AppBackend::Browser(storage), Found::Usable),
            local_storage::Probe::Full(storage) => (AppBackend::Browser(storage), Found::Full),
            local_storage::Probe::Blocked => {
                (AppBackend::Memory(MemoryBackend::new()), Found::Blocked)
            }
        };
        // Without the readers (a first visit, nothing stored, never fetches them), nothing
        // is read: what is stored waits for them.
        let mut loaded = match readers::installed() {
            Some(readers) => (readers.load)(
                backend,
                found,
                page::tab::interview().as_deref(),
                page::visible(),
                clock::now(),
            ),
            None => ProgressState::unread(backend, found, clock::now()),
        };
        let problems = loaded.take_problems();
        let needs_readers = loaded.take_needs_readers();
        let active_id = loaded.active_id().map(str::to_string);
        let progress = Progress::over(loaded);
        log(problems);
        if needs_readers {
            progress.fetch_readers();
        }
        if let Some(id) = active_id {
            progress.own(&id, false);
        }
        progress
    }

    /// A progress of its own, in memory and empty, for a rehearsal of an interview's start
    /// (`views::app::rehearse_start`): nothing is read from or saved to the browser.
    pub fn rehearsal() -> Progress {
        let backend = AppBackend::Memory(MemoryBackend::new());
        Progress::over(ProgressState::unread(backend, Found::Usable, clock::now()))
    }

    /// Starts an interview in a rehearsal's progress as `start` does, but claims no tab.
    pub fn start_rehearsal(&self, setup: Setup, questions: &[&str]) {
        self.apply(|s| s.start("rehearsal".to_string(), setup, questions, clock::now()));
    }

    /// The signals over a loaded state.
    fn over(mut loaded: ProgressState<AppBackend>) -> Progress {
        loaded.take_changes();
        let state: State = StoredValue::new_local(loaded);
        let changed = Triggers {
            interviews: Trigger::new(),
            reviews: Trigger::new(),
            notes: Trigger::new(),
            settings: Trigger::new(),
            notices: Trigger::new(),
            tab: Trigger::new(),
        };
        Progress {
            state,
            changed,
            active_id: part(state, changed.tab, |s| s.active_id().map(str::to_string)),
            moved_away: part(state, changed.tab, |s| s.moved_away()),
            elsewhere: RwSignal::new(Vec::new()),
            notes: part(state, changed.notes, |s| s.notes().clone()),
            settings: part(state, changed.settings, |s| s.settings().clone()),
            memory: Memo::new(move |_| {
                changed.interviews.track();
                changed.reviews.track();
                state.try_with_value(|s| s.memory()).unwrap_or_default()
            }),
            notices: part(state, changed.notices, |s| s.notices().clone()),
            debounce: StoredValue::new_local(None),
            fetching_readers: StoredValue::new_local(false),
        }
    }

    /// Runs `change` on the state, then tells the views what changed (after the state is
    /// released, so a view reading it never finds it borrowed).
    fn apply<T: Default>(&self, change: impl FnOnce(&mut ProgressState<AppBackend>) -> T) -> T {
        let Some((out, changes, problems, needs_readers)) = self.state.try_update_value(|s| {
            let out = change(s);
            (
                out,
                s.take_changes(),
                s.take_problems(),
                s.take_needs_readers(),
            )
        }) else {
            return T::default();
        };
        log(problems);
        self.changed.publish(changes);
        if needs_readers {
            self.fetch_readers();
        }
        out
    }

    /// Something waits for the readers of stored records (another tab's change to read, a
    /// save that must check what its key holds): fetches them, then reads and saves it. If
    /// they cannot be downloaded, the reader is told, and they are asked for again shortly.
    fn fetch_readers(&self) {
        // Every change asks while they are missing: one fetch, and one retry, at a time.
        if self.fetching_readers.try_get_value().unwrap_or(true) {
            return;
        }
        self.fetching_readers.set_value(true);
        let this = *self;
        // Not Leptos' executor: a start-up asks before the app is mounted.
        wasm_bindgen_futures::spawn_local(async move {
            let Some(readers) = readers::fetch().await else {
                this.apply(|s| s.readers_missing());
                set_timeout(
                    move || {
                        this.fetching_readers.try_set_value(false);
                        this.fetch_readers();
                    },
                    Duration::from_secs(15),
                );
                return;
            };
            this.fetching_readers.try_set_value(false);
            if this.apply(|s| s.readers_here(*readers)) {
                this.refresh_elsewhere();
            }
        });
    }

    /// Reads the state without tracking.
    fn read<T: Default>(&self, read: impl FnOnce(&ProgressState<AppBackend>) -> T) -> T {
        self.state.try_with_value(read).unwrap_or_default()
    }

    /// The interview with this id, read once (no redraw when it changes).
    pub fn interview_untracked(&self, id: &str) -> Option<Interview> {
        self.apply(|s| s.interviews().iter().find(|i| i.id == id).cloned())
    }

    /// Holds the interview's lock for this tab (taking it from another live tab when
    /// `steal`); the state hears when another tab has it.
    fn own(&self, id: &str, steal: bool) {
        let this = *self;
        let owned = id.to_string();
        tab_lock::hold(id, steal, move |ownership| {
            this.apply(|s| s.lock_report(&owned, ownership == Ownership::Held))
        });
    }

    /// Asks the browser which unfinished interviews other tabs are running.
    pub fn refresh_elsewhere(&self) {
        // Not Leptos' executor: the readers can arrive before the app is mounted.
        let this = *self;
        wasm_bindgen_futures::spawn_local(async move {
            let mut held = tab_lock::held().await;
            let (moved_away, mine) =
                this.read(|s| (s.moved_away(), s.active_id().map(str::to_string)));
            if !moved_away {
                held.retain(|id| Some(id) != mine.as_ref());
            }
            // The progress may be gone by the answer (a rehearsal's, `Progress::rehearsal`).
            if this
                .elsewhere
                .try_get_untracked()
                .is_some_and(|shown| shown != held)
            {
                this.elsewhere.try_set(held);
            }
        });
    }

    /// Every rating, from interviews and from reviews, for the statistics and schedules.
    pub fn rating_events(&self) -> Vec<ReviewEvent> {
        self.changed.interviews.track();
        self.changed.reviews.track();
        self.apply(|s| s.rating_events())
    }

    /// Question id to the time of its first rating.
    pub fn first_rated(&self) -> SortedMap<String, u64> {
        self.changed.interviews.track();
        self.changed.reviews.track();
        self.read(|s| s.first_rated())
    }

    /// Reads the completed interviews a start-up did not need (`ProgressState::load_history`).
    pub fn load_history(&self) {
        self.apply(|s| s.load_history());
    }

    /// This tab's interview.
    pub fn active(&self) -> Option<Interview> {
        self.changed.tab.track();
        self.changed.interviews.track();
        self.read(|s| s.active().cloned())
    }

    /// Completed interviews, most recent first.
    pub fn history(&self) -> Vec<Interview> {
        self.changed.interviews.track();
        self.apply(|s| s.history().into_iter().cloned().collect())
    }

    /// How many interviews are completed, without copying them.
    pub fn history_len(&self) -> usize {
        self.changed.interviews.track();
        self.read(|s| s.completed_count())
    }

    /// Interviews left unfinished by a closed tab (not this tab's), newest first.
    pub fn unfinished(&self) -> Vec<Interview> {
        self.changed.tab.track();
        self.changed.interviews.track();
        self.read(|s| s.unfinished().into_iter().cloned().collect())
    }

    pub fn start(&self, setup: Setup, questions: &[&str]) {
        let now = clock::now();
        let id = format!("{now:x}-{:04x}", clock::random_seed() & 0xffff);
        page::tab::set_interview(&id);
        self.apply(|s| s.start(id.clone(), setup, questions, now));
        self.own(&id, false);
        self.elsewhere.update(|held| held.retain(|h| h != &id));
    }

    /// Makes an unfinished interview this tab's own: one a closed or crashed tab left, or,
    /// with `steal`, one another live tab is running (which then stops). The question goes
    /// on with the time it had at its last checkpoint.
    pub fn take_over(&self, id: &str, steal: bool) {
        page::tab::set_interview(id);
        self.apply(|s| s.take_over(id, clock::now()));
        self.own(id, steal);
        self.elsewhere.update(|held| held.retain(|h| h != id));
    }

    /// Changes this tab's interview and saves it, now or shortly (while typing).
    pub fn update(&self, save: Save, change: impl FnOnce(&mut Interview)) {
        if self.apply(|s| s.update(save, change)) && save == Save::Soon {
            self.flush_soon();
        }
    }

    /// Rates the current question of this tab's interview; the rating, kept in the interview,
    /// feeds the question's memory model.
    pub fn rate(&self, rating: Rating) {
        self.apply(|s| s.rate(rating, clock::now()));
    }

    /// A rating from the Review mode, stored as a record of its own, with the key points the
    /// reader's answer covered if it was marked.
    pub fn record_review(&self, question: &str, rating: Rating, points: Option<Points>) {
        self.apply(|s| s.record_review(question, rating, points, clock::now()));
    }

    pub fn note(&self, question: &str) -> String {
        self.notes
            .with(|notes| notes.get(question).map(|n| n.text.clone()))
            .unwrap_or_default()
    }

    /// Keeps the reader's note (saved shortly after typing stops).
    pub fn set_note(&self, question: &str, text: &str) {
        self.apply(|s| s.set_note(question, text, clock::now()));
        self.flush_soon();
    }

    pub fn set_new_per_day(&self, count: usize) {
        self.apply(|s| s.set_new_per_day(count, clock::now()));
    }

    /// Recordings kept per question (1 to 20).
    pub fn set_keep_recordings(&self, count: usize) {
        self.apply(|s| s.set_keep_recordings(count, clock::now()));
    }

    /// The date of the reader's interview, or none.
    pub fn set_interview_date(&self, date: Option<Date>) {
        self.apply(|s| s.set_interview_date(date, clock::now()));
    }

    /// A recording could not be stored (IndexedDB blocked or full): says why.
    pub fn recording_not_stored(&self, reason: String) {
        self.apply(|s| s.recording_not_stored(reason));
    }

    /// Every recording of this page is stored (space was freed): the notice goes.
    pub fn recordings_stored(&self) {
        self.apply(|s| s.recordings_stored());
    }

    /// Everything, as one export file.
    pub fn export(&self) -> Export {
        let now = clock::now();
        self.state
            .try_update_value(|s| s.export(now))
            .unwrap_or_else(|| Export::new(now))
    }

    /// How much storage the progress and the site use; `None` when progress is not saved.
    pub fn usage(&self) -> Option<Usage> {
        // Read again whenever the progress changes.
        self.changed.notices.track();
        self.changed.interviews.track();
        self.changed.notes.track();
        self.changed.reviews.track();
        self.read(|s| s.usage())
    }

    /// Frees space on the reader's request: drops the typed answers of completed interviews
    /// beyond the newest `keep` (times, key points and ratings stay). Returns how many changed.
    pub fn compact_answers(&self, keep: usize) -> usize {
        self.apply(|s| s.compact_answers(keep))
    }

    /// Deletes completed interviews, with their answers and ratings, on the reader's request.
    pub fn delete_interviews(&self, ids: &[String]) {
        self.apply(|s| s.delete_interviews(ids));
    }

    /// What importing `incoming` would change.
    pub fn preview(&self, incoming: &Export) -> ImportPreview {
        let now = clock::now();
        self.apply(|s| s.preview(incoming, now))
    }

    /// Merges `incoming` into everything here, losing nothing on either side, and saves it.
    pub fn import(&self, incoming: &Export) {
        self.apply(|s| s.import(incoming, clock::now()));
    }

    /// Saves shortly after the last change, so typing writes once a pause.
    fn flush_soon(&self) {
        let this = *self;
        if let Some(handle) = self.debounce.get_value() {
            handle.clear();
        }
        let handle = set_timeout_with_handle(move || this.flush(), Duration::from_millis(400)).ok();
        self.debounce.set_value(handle);
    }

    /// Saves everything not yet saved: after each change, on hide and on close. A failed
    /// earlier save is retried with it.
    pub fn flush(&self) {
        self.apply(|s| s.flush());
    }

    /// Another tab saved a record: take its stored state (this tab's own interview excepted).
    pub fn reload_from_storage(&self, key: &str) {
        if self.apply(|s| s.reload_from_storage(key)) {
            self.refresh_elsewhere();
        }
    }

    /// A clock tick: redraws nothing unless the question's time ran out. The interview notes
    /// the time it was last seen, saved every few seconds so a crash loses little.
    pub fn tick(&self, now: u64) {
        self.apply(|s| s.tick(now));
    }

    pub fn page_visible(&self, visible: bool) {
        self.apply(|s| s.page_visible(visible, clock::now()));
    }
}

fn log(problems: Vec<String>) {
    for problem in problems {
        leptos::logging::warn!("{problem}");
    }
}

/// Loads progress, provides it to every component, and wires page and cross-tab events.
pub fn provide() -> Progress {
    let progress = open();
    provide_context(progress);
    progress
}

/// Loads the reader's progress and keeps it current for as long as the page lives: the
/// history once the page is up, page visibility, other tabs' changes. Owned by no view: the app
/// starts it in a task of its own before it builds its first page (`crate::start`).
pub fn open() -> Progress {
    let progress = Progress::load();
    // The start page needs none of the completed interviews; reading them once it is up
    // brings anything the snapshot had wrong (a newer version, a failed save) to light.
    set_timeout(move || progress.load_history(), Duration::from_secs(2));
    page::on_visibility(move |visible| progress.page_visible(visible));
    page::on_storage_change(move |key| {
        if let Some(key) = key {
            progress.reload_from_storage(&key);
        }
    });
    progress
}
