//! What the tests of every concern share: tabs on one storage with the browser's storage
//! events between them (`Browser`), and stored records to start from. Each test checks what a
//! tab holds and what the storage holds.

pub(super) use super::*;
pub(super) use crate::interview::{Interview, Millis, Rating, Setup};
pub(super) use crate::review::record::review_id;
pub(super) use crate::review::{Note, ReviewEvent};
pub(super) use crate::sorted::{SortedMap, SortedSet};
pub(super) use crate::storage::{decode, encode, record_key, Backend, MemoryBackend, Record};
use std::rc::Rc;

pub(super) const T0: Millis = 1_764_133_200_000;
pub(super) const SECOND: Millis = 1_000;
pub(super) const HOUR: Millis = 3_600_000;
pub(super) const A: usize = 0;
pub(super) const B: usize = 1;

pub(super) type Shared = Rc<MemoryBackend>;
pub(super) type Tab = ProgressState<Shared>;

/// An interview as schema 2 stores it: question 2 of 2 unanswered, its clock paused.
pub(super) const INTERVIEW: &str = include_str!("../../interview/fixtures/interview-schema-2.json");
pub(super) const INTERVIEW_ID: &str = "19b0f1a2c3d-5e6f";
/// A note saved by a newer version of the app (schema 99).
pub(super) const NEWER_NOTE: &str = include_str!("../../storage/fixtures/note-v99.json");

pub(super) fn open_tab(storage: &Shared, now: Millis) -> Tab {
    ProgressState::load(storage.clone(), Found::Usable, None, true, now)
}

/// Every key and value stored.
pub(super) fn stored_all(storage: &MemoryBackend) -> SortedMap<String, String> {
    storage
        .keys()
        .unwrap()
        .into_iter()
        .map(|key| {
            let value = storage.get(&key).unwrap().unwrap_or_default();
            (key, value)
        })
        .collect()
}

pub(super) fn stored<R: Record>(storage: &MemoryBackend, id: &str) -> Option<R> {
    decode(&storage.get(&record_key::<R>(id)).unwrap()?).ok()
}

pub(super) fn put<R: Record>(storage: &MemoryBackend, id: &str, record: &R) {
    storage.set(&record_key::<R>(id), &encode(record)).unwrap();
}

/// Tabs of one browser on one storage. As in the browser, a tab's writes reach every other
/// tab as storage events (never the writer itself), including writes those events cause.
pub(super) struct Browser {
    pub(super) storage: Shared,
    pub(super) tabs: Vec<Tab>,
}

impl Browser {
    pub(super) fn with_tabs(count: usize, now: Millis) -> Self {
        Self::on(Shared::default(), count, now)
    }

    pub(super) fn on(storage: Shared, count: usize, now: Millis) -> Self {
        let tabs = (0..count).map(|_| open_tab(&storage, now)).collect();
        Browser { storage, tabs }
    }

    /// Runs `f` in tab `i`, then delivers the storage events it caused.
    pub(super) fn act<T>(&mut self, i: usize, f: impl FnOnce(&mut Tab) -> T) -> T {
        let before = stored_all(&self.storage);
        let out = f(&mut self.tabs[i]);
        self.deliver(i, &before);
        out
    }

    /// The events for what tab `writer` changed since `before`.
    pub(super) fn deliver(&mut self, writer: usize, before: &SortedMap<String, String>) {
        let after = stored_all(&self.storage);
        let changed: Vec<String> = before
            .keys()
            .chain(after.keys())
            .filter(|key| before.get(*key) != after.get(*key))
            .cloned()
            .collect::<SortedSet<_>>()
            .into_iter()
            .collect();
        if changed.is_empty() {
            return;
        }
        for reader in (0..self.tabs.len()).filter(|r| *r != writer) {
            let before = stored_all(&self.storage);
            for key in &changed {
                self.tabs[reader].reload_from_storage(key);
            }
            self.deliver(reader, &before);
        }
    }
}

/// A one-question interview, answered, rated Good and completed at `at + 3 s`.
pub(super) fn completed(id: &str, at: Millis, answer: &str) -> Interview {
    let setup = Setup {
        count: 1,
        ..Setup::default()
    };
    let mut i = Interview::new(id.into(), setup, &["dba-raid"], at);
    i.type_answer(answer, at + SECOND);
    i.done(at + 2 * SECOND);
    i.rate(Rating::Good, at + 3 * SECOND);
    i.next(at + 3 * SECOND);
    i
}

pub(super) fn start(tab: &mut Tab, id: &str, now: Millis) {
    tab.start(id.into(), Setup::default(), &["dba-raid", "ops-cdn"], now);
}

pub(super) fn answer_of(interview: Option<&Interview>) -> String {
    interview
        .and_then(|i| i.attempt())
        .map(|a| a.answer.clone())
        .unwrap_or_default()
}
