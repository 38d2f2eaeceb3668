//! The reader's progress in memory: interviews, ratings, notes and settings, saved through
//! `storage` as they change, one key per record. Storage that is blocked, full or holding
//! unreadable data is reported through `Notices` and never loses what is in memory: a failed
//! save is retried on the next change.

use crate::interview::{Interview, Millis, Rating, Setup};
use crate::platform::tab_lock::{self, Ownership};
use crate::platform::{clock, local_storage, page};
use crate::review::record::{review_id, Settings};
use crate::review::{MemoryState, Note, ReviewEvent};
use crate::storage::usage::Usage;
use crate::storage::{
    record_key, Backend, BackendError, Loaded, MemoryBackend, Record, SaveError, Store, Unreadable,
};
use crate::transfer::export::{self, Export, ImportPreview};
use leptos::prelude::*;
use std::collections::BTreeMap;
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
}

/// A record to save: what is in memory under this key is written.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Dirty {
    Interview(String),
    Review(String),
    Note(String),
    Settings,
}

#[derive(Clone, Copy)]
pub struct Progress {
    store: StoredValue<Store<AppBackend>, LocalStorage>,
    /// Every interview known: stored ones and this tab's, by start time.
    pub interviews: RwSignal<Vec<Interview>>,
    /// The id of this tab's interview (running, or just completed).
    pub active_id: RwSignal<Option<String>>,
    /// This tab's interview is running in another tab, which took it over (or held it
    /// first): this tab shows it but neither changes nor saves it.
    pub moved_away: RwSignal<bool>,
    /// Unfinished interviews that other live tabs are running.
    pub elsewhere: RwSignal<Vec<String>>,
    /// Every rating, by storage id.
    pub reviews: RwSignal<BTreeMap<String, ReviewEvent>>,
    /// Question id to the reader's note.
    pub notes: RwSignal<BTreeMap<String, Note>>,
    pub settings: RwSignal<Settings>,
    /// Question id to its memory state, replayed from the ratings.
    pub memory: Memo<BTreeMap<String, MemoryState>>,
    pub notices: RwSignal<Notices>,
    /// Records whose latest state is not yet saved (storage full, or a save pending).
    unsaved: RwSignal<Vec<Dirty>>,
    debounce: StoredValue<Option<TimeoutHandle>, LocalStorage>,
    /// When the running interview was last saved by a tick.
    checkpoint: StoredValue<Millis>,
}

/// How often a running interview is saved even when nothing else changes.
const CHECKPOINT_MS: Millis = 5_000;

/// Completed interviews that keep their typed answers; older ones keep everything else, so a
/// thousand interviews fit in the browser's storage.
const KEEP_ANSWERS: usize = 50;

/// Drops the answer texts of completed interviews beyond the newest `keep`; returns the ids of
/// those changed.
fn compact_old_answers(interviews: &mut [Interview], keep: usize) -> Vec<String> {
    let mut completed: Vec<&mut Interview> = interviews
        .iter_mut()
        .filter(|i| i.completed_at.is_some())
        .collect();
    completed.sort_by_key(|i| std::cmp::Reverse(i.completed_at));
    completed
        .into_iter()
        .skip(keep)
        .filter_map(|i| i.compact_answers().then(|| i.id.clone()))
        .collect()
}

/// The ratings of every interview and every review, in time order.
fn rating_events(
    interviews: RwSignal<Vec<Interview>>,
    reviews: RwSignal<BTreeMap<String, ReviewEvent>>,
) -> Vec<ReviewEvent> {
    let mut events: Vec<ReviewEvent> = reviews.read().values().cloned().collect();
    interviews.with(|all| {
        events.extend(
            all.iter()
                .flat_map(|i| i.ratings().map(|(at, q, r)| ReviewEvent::new(at, q, r))),
        )
    });
    events.sort();
    events
}

fn records<R: Record>(loaded: Loaded<R>, kept: &mut Vec<KeptAside>) -> Vec<(String, R)> {
    kept.extend(loaded.unreadable.into_iter().map(KeptAside::from));
    loaded.records
}

impl Progress {
    /// Probes storage, loads everything readable, and resumes this tab's interview.
    pub fn load() -> Progress {
        let (backend, not_saved, full) = match local_storage::probe() {
            local_storage::Probe::Usable(storage) => (AppBackend::Browser(storage), false, false),
            local_storage::Probe::Full(storage) => (AppBackend::Browser(storage), false, true),
            local_storage::Probe::Blocked => {
                (AppBackend::Memory(MemoryBackend::new()), true, false)
            }
        };
        let store = Store::new(backend);
        let mut kept_aside = Vec::new();
        let mut interviews: Vec<Interview> =
            records(store.load_all::<Interview>(), &mut kept_aside)
                .into_iter()
                .map(|(_, i)| i)
                .collect();
        interviews.sort_by_key(|i| i.started_at);
        let reviews: BTreeMap<String, ReviewEvent> =
            records(store.load_all::<ReviewEvent>(), &mut kept_aside)
                .into_iter()
                .collect();
        let notes: BTreeMap<String, Note> = records(store.load_all::<Note>(), &mut kept_aside)
            .into_iter()
            .collect();
        let settings = records(store.load_all::<Settings>(), &mut kept_aside)
            .into_iter()
            .find(|(id, _)| id == Settings::ID)
            .map(|(_, s)| s)
            .unwrap_or_default();

        let active_id = page::tab::interview().filter(|id| interviews.iter().any(|i| &i.id == id));
        let now = clock::now();
        if let Some(active) = active_id
            .as_ref()
            .and_then(|id| interviews.iter_mut().find(|i| &i.id == id))
        {
            active.restore(now);
            // Loaded in a background tab: the clock counts from when the reader looks.
            if !page::visible() {
                active.pause(now);
            }
        }
        let compacted = compact_old_answers(&mut interviews, KEEP_ANSWERS);
        let reviews = RwSignal::new(reviews);
        let interviews = RwSignal::new(interviews);
        let progress = Progress {
            store: StoredValue::new_local(store),
            interviews,
            active_id: RwSignal::new(active_id.clone()),
            moved_away: RwSignal::new(false),
            elsewhere: RwSignal::new(Vec::new()),
            reviews,
            notes: RwSignal::new(notes),
            settings: RwSignal::new(settings),
            memory: Memo::new(move |_| export::replay_all(&rating_events(interviews, reviews))),
            notices: RwSignal::new(Notices {
                not_saved,
                full,
                kept_aside,
                recordings: None,
            }),
            unsaved: RwSignal::new(Vec::new()),
            debounce: StoredValue::new_local(None),
            checkpoint: StoredValue::new(now),
        };
        for id in compacted {
            progress.mark(Dirty::Interview(id));
        }
        progress.flush();
        if let Some(id) = active_id {
            progress.own(&id, false);
        }
        progress
    }

    /// Holds the interview for this tab (taking it from another live tab when `steal`).
    fn own(&self, id: &str, steal: bool) {
        let moved_away = self.moved_away;
        // Set only on a change: the interview page redraws when it changes.
        let set = move |away: bool| {
            if moved_away.get_untracked() != away {
                moved_away.set(away);
            }
        };
        set(false);
        tab_lock::hold(
            id,
            steal,
            move |ownership| set(ownership != Ownership::Held),
        );
    }

    /// Asks the browser which unfinished interviews other tabs are running.
    pub fn refresh_elsewhere(&self) {
        let this = *self;
        leptos::task::spawn_local(async move {
            let mut held = tab_lock::held().await;
            if !this.moved_away.get_untracked() {
                let mine = this.active_id.get_untracked();
                held.retain(|id| Some(id) != mine.as_ref());
            }
            if this.elsewhere.get_untracked() != held {
                this.elsewhere.set(held);
            }
        });
    }

    /// Every rating, from interviews and from reviews, for the statistics and schedules.
    pub fn rating_events(&self) -> Vec<ReviewEvent> {
        rating_events(self.interviews, self.reviews)
    }

    /// This tab's interview.
    pub fn active(&self) -> Option<Interview> {
        let id = self.active_id.get()?;
        self.interviews
            .with(|all| all.iter().find(|i| i.id == id).cloned())
    }

    /// Completed interviews, most recent first.
    pub fn history(&self) -> Vec<Interview> {
        let mut done: Vec<Interview> = self
            .interviews
            .get()
            .into_iter()
            .filter(|i| i.completed_at.is_some())
            .collect();
        done.sort_by_key(|i| std::cmp::Reverse(i.completed_at));
        done
    }

    /// Interviews left unfinished by a closed tab (not this tab's), newest first.
    pub fn unfinished(&self) -> Vec<Interview> {
        let active = self.active_id.get();
        let mut open: Vec<Interview> = self
            .interviews
            .get()
            .into_iter()
            .filter(|i| i.completed_at.is_none() && Some(&i.id) != active.as_ref())
            .collect();
        open.sort_by_key(|i| std::cmp::Reverse(i.started_at));
        open
    }

    pub fn start(&self, setup: Setup, questions: &[&str]) {
        let now = clock::now();
        let id = format!("{now:x}-{:04x}", clock::random_seed() & 0xffff);
        let interview = Interview::new(id.clone(), setup, questions, now);
        self.interviews.update(|all| all.push(interview));
        self.take_over(&id, false);
        self.save(Dirty::Interview(id));
    }

    /// Makes an unfinished interview this tab's own: one a closed or crashed tab left, or,
    /// with `steal`, one another live tab is running (which then stops). The question goes
    /// on with the time it had at its last checkpoint.
    pub fn take_over(&self, id: &str, steal: bool) {
        page::tab::set_interview(id);
        self.active_id.set(Some(id.to_string()));
        self.own(id, steal);
        self.update(Save::Now, |i| i.restore(clock::now()));
        self.elsewhere.update(|held| held.retain(|h| h != id));
    }

    /// Changes this tab's interview and saves it, now or shortly (while typing).
    pub fn update(&self, save: Save, change: impl FnOnce(&mut Interview)) {
        let Some(id) = self.active_id.get_untracked() else {
            return;
        };
        // Another tab runs it now: one writer per interview.
        if self.moved_away.get_untracked() {
            return;
        }
        self.interviews.update(|all| {
            if let Some(interview) = all.iter_mut().find(|i| i.id == id) {
                change(interview);
            }
        });
        match save {
            Save::Now => self.save(Dirty::Interview(id)),
            Save::Soon => self.save_soon(Dirty::Interview(id)),
        }
    }

    /// Rates the current question of this tab's interview; the rating, kept in the interview,
    /// feeds the question's memory model.
    pub fn rate(&self, rating: Rating) {
        self.update(Save::Now, |i| i.rate(rating, clock::now()));
    }

    /// A rating from the Review mode, stored as a record of its own.
    pub fn record_review(&self, question: &str, rating: Rating) {
        let event = ReviewEvent::new(clock::now(), question, rating);
        let id = review_id(&event);
        self.reviews.update(|all| {
            all.insert(id.clone(), event);
        });
        self.save(Dirty::Review(id));
    }

    pub fn note(&self, question: &str) -> String {
        self.notes
            .with(|notes| notes.get(question).map(|n| n.text.clone()))
            .unwrap_or_default()
    }

    /// Keeps the reader's note (saved shortly after typing stops).
    pub fn set_note(&self, question: &str, text: &str) {
        let note = Note {
            text: text
                .chars()
                .take(crate::interview::MAX_ANSWER_CHARS)
                .collect(),
            updated_at: clock::now(),
        };
        self.notes.update(|notes| {
            notes.insert(question.to_string(), note);
        });
        self.save_soon(Dirty::Note(question.to_string()));
    }

    pub fn set_new_per_day(&self, count: usize) {
        self.settings.update(|s| {
            s.new_per_day = count.clamp(1, 200);
            s.updated_at = clock::now();
        });
        self.save(Dirty::Settings);
    }

    /// Recordings kept per question (1 to 20).
    pub fn set_keep_recordings(&self, count: usize) {
        self.settings.update(|s| {
            s.keep_recordings = count.clamp(1, 20);
            s.updated_at = clock::now();
        });
        self.save(Dirty::Settings);
    }

    /// Everything, as one export file.
    pub fn export(&self) -> Export {
        let mut file = Export::new(clock::now());
        file.interviews = self.interviews.get_untracked();
        file.reviews = untrack(|| self.rating_events());
        file.memory = self.memory.get_untracked();
        file.notes = self.notes.get_untracked();
        file.settings = self.settings.get_untracked().to_map();
        file
    }

    /// How much storage the progress and the site use; `None` when progress is not saved.
    pub fn usage(&self) -> Option<Usage> {
        if self.notices.with(|n| n.not_saved) {
            return None;
        }
        // Read again whenever the progress changes.
        self.interviews.track();
        self.notes.track();
        self.reviews.track();
        self.store.with_value(|s| Usage::of(s.backend()))
    }

    /// Frees space on the reader's request: drops the typed answers of completed interviews
    /// beyond the newest `keep` (times, key points and ratings stay). Returns how many changed.
    pub fn compact_answers(&self, keep: usize) -> usize {
        let mut changed = Vec::new();
        self.interviews
            .update(|all| changed = compact_old_answers(all, keep));
        let count = changed.len();
        for id in changed {
            self.mark(Dirty::Interview(id));
        }
        self.flush();
        count
    }

    /// Deletes completed interviews, with their answers and ratings, on the reader's request.
    pub fn delete_interviews(&self, ids: &[String]) {
        let ids: Vec<&String> = ids
            .iter()
            .filter(|id| {
                self.interviews.with_untracked(|all| {
                    all.iter().any(|i| &i.id == *id && i.completed_at.is_some())
                })
            })
            .collect();
        self.interviews
            .update(|all| all.retain(|i| !ids.contains(&&i.id)));
        self.unsaved.update(|keys| {
            keys.retain(|k| !matches!(k, Dirty::Interview(id) if ids.contains(&id)))
        });
        self.store.with_value(|s| {
            for id in &ids {
                if let Err(e) = s.delete::<Interview>(id) {
                    leptos::logging::warn!("interview {id} not deleted: {e}");
                }
            }
        });
    }

    /// What importing `incoming` would change.
    pub fn preview(&self, incoming: &Export) -> ImportPreview {
        export::diff(&self.export(), incoming)
    }

    /// Merges `incoming` into everything here, losing nothing on either side, and saves it.
    pub fn import(&self, incoming: &Export) {
        let merged = export::merge(&self.export(), incoming);
        // Ratings kept in the interviews are not stored twice.
        let in_interviews: std::collections::BTreeSet<(u64, &str)> = merged
            .interviews
            .iter()
            .flat_map(|i| i.ratings().map(|(at, question, _)| (at, question)))
            .collect();
        let mut dirty = Vec::new();
        let mut reviews = BTreeMap::new();
        for event in &merged.reviews {
            if in_interviews.contains(&(event.at, event.question.as_str())) {
                continue;
            }
            let id = review_id(event);
            dirty.push(Dirty::Review(id.clone()));
            reviews.insert(id, event.clone());
        }
        dirty.extend(
            merged
                .interviews
                .iter()
                .map(|i| Dirty::Interview(i.id.clone())),
        );
        dirty.extend(merged.notes.keys().map(|q| Dirty::Note(q.clone())));
        dirty.push(Dirty::Settings);
        let mut interviews = merged.interviews;
        compact_old_answers(&mut interviews, KEEP_ANSWERS);
        self.interviews.set(interviews);
        self.reviews.set(reviews);
        self.notes.set(merged.notes);
        self.settings.set(Settings {
            updated_at: clock::now(),
            ..Settings::from_map(&merged.settings)
        });
        for key in dirty {
            self.mark(key);
        }
        self.flush();
    }

    fn save_soon(&self, key: Dirty) {
        self.mark(key);
        let this = *self;
        if let Some(handle) = self.debounce.get_value() {
            handle.clear();
        }
        let handle = set_timeout_with_handle(move || this.flush(), Duration::from_millis(400)).ok();
        self.debounce.set_value(handle);
    }

    fn mark(&self, key: Dirty) {
        self.unsaved.update(|keys| {
            if !keys.contains(&key) {
                keys.push(key);
            }
        });
    }

    fn save(&self, key: Dirty) {
        self.mark(key);
        self.flush();
    }

    /// Saves everything not yet saved: after each change, on hide and on close. A failed
    /// earlier save is retried with it.
    pub fn flush(&self) {
        let keys = self.unsaved.get_untracked();
        let mut still_unsaved = Vec::new();
        let (mut wrote, mut refused) = (false, false);
        for key in keys {
            match self.write(&key) {
                Ok(()) => wrote = true,
                Err(SaveError::Full) => {
                    refused = true;
                    still_unsaved.push(key);
                }
                Err(SaveError::Unavailable) => {
                    self.notices.update(|n| n.not_saved = true);
                    still_unsaved.push(key);
                }
                Err(SaveError::Other(message)) => {
                    leptos::logging::warn!("{key:?} not saved: {message}");
                    still_unsaved.push(key);
                }
            }
        }
        self.unsaved.set(still_unsaved);
        // Full until a write succeeds: with nothing to write, what the probe found stands.
        let full = refused || (!wrote && self.notices.with_untracked(|n| n.full));
        if self.notices.with_untracked(|n| n.full) != full {
            self.notices.update(|n| n.full = full);
        }
    }

    fn write(&self, key: &Dirty) -> Result<(), SaveError> {
        let store =
            |f: &dyn Fn(&Store<AppBackend>) -> Result<(), SaveError>| self.store.with_value(f);
        match key {
            // The interview moved to another tab: what this tab holds of it is no longer
            // the newest.
            Dirty::Interview(id)
                if self.moved_away.get_untracked()
                    && self.active_id.get_untracked().as_ref() == Some(id) =>
            {
                Ok(())
            }
            Dirty::Interview(id) => match self
                .interviews
                .with_untracked(|all| all.iter().find(|i| &i.id == id).cloned())
            {
                Some(interview) => store(&|s| s.save(id, &interview)),
                None => Ok(()),
            },
            Dirty::Review(id) => match self.reviews.with_untracked(|r| r.get(id).cloned()) {
                Some(event) => store(&|s| s.save(id, &event)),
                None => Ok(()),
            },
            Dirty::Note(question) => {
                match self.notes.with_untracked(|n| n.get(question).cloned()) {
                    Some(note) => store(&|s| s.save(question, &note)),
                    None => Ok(()),
                }
            }
            Dirty::Settings => {
                let settings = self.settings.get_untracked();
                store(&|s| s.save(Settings::ID, &settings))
            }
        }
    }

    /// Another tab saved a record: take its stored state (this tab's own interview excepted).
    pub fn reload_from_storage(&self, key: &str) {
        let load = |f: &dyn Fn(&Store<AppBackend>)| self.store.with_value(f);
        if let Some(id) = key.strip_prefix(&record_key::<Interview>("")) {
            // This tab's own interview has one writer: this tab, unless another took it.
            if self.active_id.get_untracked().as_deref() == Some(id)
                && !self.moved_away.get_untracked()
            {
                return;
            }
            self.refresh_elsewhere();
            load(&|s| match s.load::<Interview>(id) {
                Ok(Some(stored)) => {
                    self.interviews
                        .update(|all| match all.iter_mut().find(|i| i.id == stored.id) {
                            Some(known) => *known = stored,
                            None => all.push(stored),
                        })
                }
                // The reader deleted it in another tab.
                Ok(None) => self.interviews.update(|all| all.retain(|i| i.id != id)),
                Err(_) => {}
            });
        } else if let Some(id) = key.strip_prefix(&record_key::<ReviewEvent>("")) {
            load(&|s| {
                if let Ok(Some(event)) = s.load::<ReviewEvent>(id) {
                    self.reviews.update(|r| {
                        r.insert(id.to_string(), event);
                    });
                }
            });
        } else if let Some(question) = key.strip_prefix(&record_key::<Note>("")) {
            load(&|s| {
                let Ok(Some(note)) = s.load::<Note>(question) else {
                    return;
                };
                let ours = self
                    .notes
                    .with_untracked(|n| n.get(question).map(|n| n.updated_at));
                if theirs_wins(ours, note.updated_at) {
                    // Our older edit is superseded: its pending save must not write it back.
                    self.forget(&Dirty::Note(question.to_string()));
                    self.notes.update(|n| {
                        n.insert(question.to_string(), note);
                    });
                }
            });
        } else if key == record_key::<Settings>(Settings::ID) {
            load(&|s| {
                let Ok(Some(settings)) = s.load::<Settings>(Settings::ID) else {
                    return;
                };
                let ours = self.settings.with_untracked(|s| s.updated_at);
                if theirs_wins(Some(ours), settings.updated_at) {
                    self.forget(&Dirty::Settings);
                    self.settings.set(settings);
                }
            });
        }
    }

    /// Drops a pending save: what it would write is no longer the newest.
    fn forget(&self, key: &Dirty) {
        self.unsaved.update(|keys| keys.retain(|k| k != key));
    }

    /// A clock tick: redraws nothing unless the question's time ran out. The interview notes
    /// the time it was last seen, saved every few seconds so a crash loses little.
    pub fn tick(&self, now: Millis) {
        let Some(id) = self.active_id.get_untracked() else {
            return;
        };
        if self.moved_away.get_untracked() {
            return;
        }
        let mut ended = false;
        self.interviews.update_untracked(|all| {
            if let Some(interview) = all.iter_mut().find(|i| i.id == id) {
                ended = interview.tick(now);
            }
        });
        if ended {
            self.interviews.notify();
        }
        let checkpoint_due = now.saturating_sub(self.checkpoint.get_value()) >= CHECKPOINT_MS;
        if ended || checkpoint_due {
            self.checkpoint.set_value(now);
            self.save(Dirty::Interview(id));
        }
    }

    pub fn page_visible(&self, visible: bool) {
        let now = clock::now();
        if visible {
            self.update(Save::Now, |i| i.resume(now));
        } else {
            self.update(Save::Now, |i| i.pause(now));
            self.flush();
        }
    }
}

/// Whether a record another tab stored replaces ours: the newer edit wins, and a tie keeps
/// ours (this tab then saves it, so both tabs agree).
fn theirs_wins(ours: Option<Millis>, theirs: Millis) -> bool {
    ours.is_none_or(|ours| theirs > ours)
}

pub enum Save {
    Now,
    /// Shortly after the last change (typing).
    Soon,
}

/// Loads progress, provides it to every component, and wires page and cross-tab events.
pub fn provide() -> Progress {
    let progress = Progress::load();
    provide_context(progress);
    page::on_visibility(move |visible| progress.page_visible(visible));
    page::on_storage_change(move |key| {
        if let Some(key) = key {
            progress.reload_from_storage(&key);
        }
    });
    progress
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_newer_edit_wins_between_tabs() {
        assert!(theirs_wins(None, 0));
        assert!(theirs_wins(Some(10), 11));
        assert!(!theirs_wins(Some(10), 10));
        assert!(!theirs_wins(Some(11), 10));
    }
}
