//! The reader's interviews in memory, saved through `storage` as they change. Storage that is
//! blocked, full or holding unreadable data is reported through `Notices` and never loses what
//! is in memory: a failed save is retried on the next change.

use crate::interview::{Interview, Millis, Setup};
use crate::platform::{clock, local_storage, page};
use crate::storage::{record_key, Backend, BackendError, MemoryBackend, SaveError, Store};
use leptos::prelude::*;
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
}

/// Stored data this version cannot read, kept as it is for the reader to download.
#[derive(Debug, Clone, PartialEq)]
pub struct KeptAside {
    pub key: String,
    pub raw: String,
    pub reason: String,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Notices {
    /// Storage is blocked: progress lives in memory only.
    pub not_saved: bool,
    /// The last save failed because storage is full.
    pub full: bool,
    pub kept_aside: Vec<KeptAside>,
}

#[derive(Clone, Copy)]
pub struct Progress {
    store: StoredValue<Store<AppBackend>, LocalStorage>,
    /// Every interview known: stored ones and this tab's, by start time.
    pub interviews: RwSignal<Vec<Interview>>,
    /// The id of this tab's interview (running, or just completed).
    pub active_id: RwSignal<Option<String>>,
    pub notices: RwSignal<Notices>,
    /// Ids whose latest state is not yet saved (storage full, or a debounced save pending).
    unsaved: RwSignal<Vec<String>>,
    debounce: StoredValue<Option<TimeoutHandle>, LocalStorage>,
    /// When the running interview was last saved by a tick.
    checkpoint: StoredValue<Millis>,
}

/// How often a running interview is saved even when nothing else changes.
const CHECKPOINT_MS: Millis = 5_000;

impl Progress {
    /// Probes storage, loads everything readable, and resumes this tab's interview.
    pub fn load() -> Progress {
        let (backend, not_saved) = match local_storage::probe() {
            Some(storage) => (AppBackend::Browser(storage), false),
            None => (AppBackend::Memory(MemoryBackend::new()), true),
        };
        let store = Store::new(backend);
        let loaded = store.load_all::<Interview>();
        let kept_aside = loaded
            .unreadable
            .iter()
            .map(|u| KeptAside {
                key: u.key.clone(),
                raw: u.raw.clone(),
                reason: u.error.to_string(),
            })
            .collect();
        let mut interviews: Vec<Interview> = loaded.records.into_iter().map(|(_, i)| i).collect();
        interviews.sort_by_key(|i| i.started_at);
        let active_id = page::tab::interview().filter(|id| interviews.iter().any(|i| &i.id == id));
        let now = clock::now();
        if let Some(active) = active_id
            .as_ref()
            .and_then(|id| interviews.iter_mut().find(|i| &i.id == id))
        {
            active.restore(now);
        }
        Progress {
            store: StoredValue::new_local(store),
            interviews: RwSignal::new(interviews),
            active_id: RwSignal::new(active_id),
            notices: RwSignal::new(Notices {
                not_saved,
                full: false,
                kept_aside,
            }),
            unsaved: RwSignal::new(Vec::new()),
            debounce: StoredValue::new_local(None),
            checkpoint: StoredValue::new(now),
        }
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
        self.take_over(&id);
        self.save_now(&id);
    }

    /// Makes an interview this tab's own (resuming an unfinished one).
    pub fn take_over(&self, id: &str) {
        page::tab::set_interview(id);
        self.active_id.set(Some(id.to_string()));
        self.update(Save::Now, |i| i.resume(clock::now()));
    }

    /// Changes this tab's interview and saves it, now or shortly (while typing).
    pub fn update(&self, save: Save, change: impl FnOnce(&mut Interview)) {
        let Some(id) = self.active_id.get_untracked() else {
            return;
        };
        self.interviews.update(|all| {
            if let Some(interview) = all.iter_mut().find(|i| i.id == id) {
                change(interview);
            }
        });
        match save {
            Save::Now => self.save_now(&id),
            Save::Soon => self.save_soon(&id),
            Save::NotNeeded => {}
        }
    }

    fn save_soon(&self, id: &str) {
        self.unsaved.update(|ids| {
            if !ids.iter().any(|i| i == id) {
                ids.push(id.to_string());
            }
        });
        let this = *self;
        if let Some(handle) = self.debounce.get_value() {
            handle.clear();
        }
        let handle = set_timeout_with_handle(move || this.flush(), Duration::from_millis(400)).ok();
        self.debounce.set_value(handle);
    }

    /// Saves everything not yet saved: on hide, on close, and before a fresh save.
    pub fn flush(&self) {
        for id in self.unsaved.get_untracked() {
            self.save_now(&id);
        }
    }

    fn save_now(&self, id: &str) {
        // A failed earlier save is retried with this change.
        let mut ids = self.unsaved.get_untracked();
        if !ids.iter().any(|i| i == id) {
            ids.push(id.to_string());
        }
        let all = self.interviews.get_untracked();
        let mut still_unsaved = Vec::new();
        let mut full = false;
        for id in ids {
            let Some(interview) = all.iter().find(|i| i.id == id) else {
                continue;
            };
            match self.store.with_value(|store| store.save(&id, interview)) {
                Ok(()) => {}
                Err(SaveError::Full) => {
                    full = true;
                    still_unsaved.push(id);
                }
                Err(SaveError::Unavailable) => {
                    self.notices.update(|n| n.not_saved = true);
                    still_unsaved.push(id);
                }
                Err(SaveError::Other(message)) => {
                    leptos::logging::warn!("interview {id} not saved: {message}");
                    still_unsaved.push(id);
                }
            }
        }
        self.unsaved.set(still_unsaved);
        if self.notices.with_untracked(|n| n.full) != full {
            self.notices.update(|n| n.full = full);
        }
    }

    /// Another tab saved an interview: take its stored state, unless it is this tab's own.
    pub fn reload_from_storage(&self, key: &str) {
        let Some(id) = key.strip_prefix(&record_key::<Interview>("")) else {
            return;
        };
        if self.active_id.get_untracked().as_deref() == Some(id) {
            return;
        }
        if let Ok(Some(stored)) = self.store.with_value(|s| s.load::<Interview>(id)) {
            self.interviews
                .update(|all| match all.iter_mut().find(|i| i.id == stored.id) {
                    Some(known) => *known = stored,
                    None => all.push(stored),
                });
        }
    }

    /// A clock tick: redraws nothing unless the question's time ran out. The interview notes
    /// the time it was last seen, saved every few seconds so a crash loses little.
    pub fn tick(&self, now: Millis) {
        let Some(id) = self.active_id.get_untracked() else {
            return;
        };
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
            self.flush_active();
        }
    }

    fn flush_active(&self) {
        if let Some(id) = self.active_id.get_untracked() {
            self.save_now(&id);
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

pub enum Save {
    Now,
    /// Shortly after the last change (typing).
    Soon,
    NotNeeded,
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
