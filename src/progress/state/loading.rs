//! A start-up that reads what is stored (`load`), and the completed interviews a start-up
//! from a snapshot leaves unread (`read_history`). Both run only with the readers
//! (`readers.rs`), which name them.

use super::{Changes, Dirty, Found, KeptAside, Notices, ProgressState, Readers, KEEP_ANSWERS};
use crate::interview::{Interview, Millis};
use crate::progress::snapshot::{self, Snapshot};
use crate::review::cache::MemoryCache;
use crate::review::record::Settings;
use crate::review::{Note, ReviewEvent};
use crate::storage::{Backend, Listing, Loaded, Record, Store, Unreadable};
use std::cell::{Cell, RefCell};

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
        let mut kept_aside = Vec::new();
        let snapshot = stored_snapshot(&store).unwrap_or_else(|unreadable| {
            kept_aside.push(unreadable.into());
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
                kept_aside.push(unreadable.into());
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
                kept_aside,
                recordings: None,
                unread: false,
            },
            needs_readers: false,
            unread: Vec::new(),
            unchecked: false,
            readers: Some(Readers::here()),
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

    /// `load_history` with the readers.
    pub(super) fn read_history(&mut self) {
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
}

/// Drops the answer texts of completed interviews beyond the newest `keep`; returns the ids of
/// those changed.
pub(super) fn compact_old_answers(interviews: &mut [Interview], keep: usize) -> Vec<String> {
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
pub(super) fn stored_snapshot<B: Backend>(
    store: &Store<B>,
) -> Result<Option<Snapshot>, Unreadable> {
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
    kept_aside: &mut Vec<KeptAside>,
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
            Err(unreadable) => kept_aside.push(unreadable.into()),
        }
    }
    (interviews, unloaded)
}

fn records<R: Record>(loaded: Loaded<R>, kept: &mut Vec<KeptAside>) -> Vec<(String, R)> {
    kept.extend(loaded.unreadable.into_iter().map(KeptAside::from));
    loaded.records
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interview::Summary;
    use crate::progress::state::testing::*;

    #[test]
    fn unreadable_records_are_kept_aside_and_never_overwritten() {
        let storage = Shared::default();
        let truncated = &INTERVIEW[..60];
        let records = [
            (record_key::<Note>("dba-raid"), NEWER_NOTE),
            (record_key::<Interview>("cut"), truncated),
            (record_key::<ReviewEvent>("r1-ops-cdn"), "not json"),
            (record_key::<Interview>(INTERVIEW_ID), INTERVIEW),
        ];
        for (key, value) in &records {
            storage.set(key, value).unwrap();
        }
        let mut browser = Browser::on(storage, 2, T0);
        let kept: Vec<(String, String)> = browser.tabs[A]
            .notices()
            .kept_aside
            .iter()
            .map(|k| (k.key.clone(), k.raw.clone()))
            .collect();
        assert_eq!(kept.len(), 3);
        for (key, value) in &records[..3] {
            assert!(kept.contains(&(key.clone(), value.to_string())), "{key}");
        }
        assert_eq!(browser.tabs[A].interviews()[0].id, INTERVIEW_ID);

        // Typing a note on that question keeps the text here and the stored value as it was.
        browser.act(A, |a| {
            a.set_note("dba-raid", "mine", T0 + SECOND);
            a.flush();
        });
        assert_eq!(browser.tabs[A].note("dba-raid"), "mine");
        assert_eq!(
            browser.storage.get(&records[0].0).unwrap().as_deref(),
            Some(NEWER_NOTE)
        );

        // A newer version in tab B writes settings this version cannot read: tab A reports them
        // and does not overwrite them.
        let newer_settings = NEWER_NOTE.replace("from the future", "settings");
        let before = stored_all(&browser.storage);
        browser
            .storage
            .set(&record_key::<Settings>(Settings::ID), &newer_settings)
            .unwrap();
        browser.deliver(B, &before);
        let key = record_key::<Settings>(Settings::ID);
        assert!(browser.tabs[A]
            .notices()
            .kept_aside
            .iter()
            .any(|k| k.key == key));
        browser.act(A, |a| a.set_new_per_day(40, T0 + 2 * SECOND));
        assert_eq!(browser.tabs[A].settings().new_per_day, 40);
        assert_eq!(browser.storage.get(&key).unwrap(), Some(newer_settings));
        for (key, value) in &records {
            assert_eq!(browser.storage.get(key).unwrap().as_deref(), Some(*value));
        }
    }

    #[test]
    fn hostile_numbers_neither_wrap_nor_pass_100_percent() {
        let storage = Shared::default();
        let max = u64::MAX.to_string();
        // This tab's interview, with times at the top of the range and too many marks.
        let running = INTERVIEW
            .replace("1764133200000", &max)
            .replace("120000", &max)
            .replace("45000", &max)
            .replace("1764133290000", &max)
            .replace("\"m\":\"101\"", "\"m\":\"1111111111111111\"");
        storage
            .set(&record_key::<Interview>(INTERVIEW_ID), &running)
            .unwrap();
        let mut done = completed("done", T0, "RAID 10");
        done.attempts[0].marks = vec![true; 64];
        done.attempts[0].allowed_ms = u64::MAX;
        done.completed_at = Some(u64::MAX);
        put(&storage, "done", &done);
        put(
            &storage,
            "dba-raid",
            &Note {
                text: "stamped at the end of time".into(),
                updated_at: u64::MAX,
            },
        );
        let review = ReviewEvent::new(u64::MAX, "ops-cdn", Rating::Easy);
        put(&storage, &review_id(&review), &review);

        let mut tab =
            ProgressState::load(storage.clone(), Found::Usable, Some(INTERVIEW_ID), true, T0);
        assert!(tab.notices().kept_aside.is_empty());
        for now in [0, T0, u64::MAX - 1, u64::MAX] {
            tab.tick(now);
            let interview = tab.active().unwrap();
            // A sum that wrapped would be smaller than one of its parts.
            assert!(interview.elapsed_ms(now) >= interview.attempts[1].used_ms(now));
            let attempt = interview.attempt().unwrap();
            assert!(attempt.remaining_ms(now) <= attempt.allowed_ms);
        }
        for interview in tab.interviews() {
            assert!(Summary::of(interview).score() <= 100);
        }
        assert_eq!(Summary::of(tab.history()[0]).score(), 100);
        assert!(tab.memory().contains_key("ops-cdn"));
        // The reader's edit of a note stamped in the future is saved and survives a reload.
        tab.set_note("dba-raid", "typed now", T0 + SECOND);
        tab.flush();
        assert_eq!(
            open_tab(&storage, T0 + 2 * SECOND).note("dba-raid"),
            "typed now"
        );
    }
}
