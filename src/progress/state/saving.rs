//! Saving: `flush` writes every record marked unsaved (`mark`), and keeps what could not be
//! written for the next one. With the readers, a write checks the value it replaces
//! (`write_checked`); without them, see `readers.rs`.

use super::{Dirty, KeptAside, ProgressState, Written};
use crate::interview::{Interview, Millis};
use crate::review::record::Settings;
use crate::review::{Note, ReviewEvent};
use crate::storage::{Backend, Record, SaveError, Unreadable};

impl<B: Backend> ProgressState<B> {
    /// Saves everything not yet saved: after each change, on hide and on close. A failed
    /// earlier save is retried with it.
    pub fn flush(&mut self) {
        let keys = std::mem::take(&mut self.unsaved);
        let (mut wrote, mut refused) = (false, false);
        self.unchecked = false;
        let mut still_unsaved = Vec::new();
        for key in keys {
            match self.write(&key) {
                Ok(Written::Stored) => wrote = true,
                Ok(Written::Skipped) => {}
                Ok(Written::Waiting) => {
                    self.needs_readers = true;
                    self.unchecked = true;
                    still_unsaved.push(key);
                }
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
        self.update_derived();
        // Full until a write succeeds: with nothing written, what was known stands.
        let full = refused || (!wrote && self.notices.full);
        if self.notices.full != full {
            self.notices.full = full;
            self.changes.notices = true;
        }
    }

    /// `write` with the readers: over any value this version can read, after a note or the
    /// settings another tab stored are checked to be older.
    pub(super) fn write_checked(&mut self, key: &Dirty) -> Result<Written, SaveError> {
        match key {
            Dirty::Interview(id) => {
                let Some(interview) = self.interviews.iter().find(|i| &i.id == id) else {
                    return Ok(Written::Skipped);
                };
                let result = self.store.save(id, interview);
                self.written::<Interview>(id, result)
            }
            Dirty::Review(id) => {
                let Some(event) = self.reviews.get(id) else {
                    return Ok(Written::Skipped);
                };
                let result = self.store.save(id, event);
                self.written::<ReviewEvent>(id, result)
            }
            Dirty::Note(question) => {
                let Some(ours) = self.notes.get(question) else {
                    return Ok(Written::Skipped);
                };
                // Another tab saved a newer note whose event has not arrived yet: it wins,
                // here as it will there, and is never overwritten with an older text.
                if let Ok(Some(stored)) = self.store.load_theirs::<Note>(question) {
                    if theirs_wins(Some(ours.updated_at), stored.updated_at) {
                        self.notes.insert(question.clone(), stored);
                        self.changes.notes = true;
                        return Ok(Written::Skipped);
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
                        return Ok(Written::Skipped);
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
    ) -> Result<Written, SaveError> {
        if let Err(SaveError::Other(_)) = &result {
            if let Err(unreadable) = self.store.load::<R>(id) {
                self.keep_aside(unreadable);
            }
        }
        result.map(|()| Written::Stored)
    }

    /// A stored value this version cannot read: reported once (again if it changes), and
    /// never overwritten (`Store` refuses to).
    pub(super) fn keep_aside(&mut self, unreadable: Unreadable) {
        let kept = KeptAside::from(unreadable);
        let known = &mut self.notices.kept_aside;
        match known.iter_mut().find(|k| k.key == kept.key) {
            Some(same) if *same == kept => return,
            Some(older) => *older = kept,
            None => known.push(kept),
        }
        self.changes.notices = true;
    }

    /// `key` is saved by the next `flush`.
    pub(super) fn mark(&mut self, key: Dirty) {
        if matches!(key, Dirty::Interview(_) | Dirty::Review(_)) {
            self.snapshot_check = true;
        }
        if !self.unsaved.contains(&key) {
            self.unsaved.push(key);
        }
    }

    /// Drops a pending save: what it would write is no longer the newest.
    pub(super) fn forget(&mut self, key: &Dirty) {
        self.unsaved.retain(|k| k != key);
    }
}

/// Whether a record another tab stored replaces ours: the newer edit wins, and a tie keeps
/// ours.
pub(super) fn theirs_wins(ours: Option<Millis>, theirs: Millis) -> bool {
    ours.is_none_or(|ours| theirs > ours)
}

/// The time of an edit: now, and always later than the edit it replaces, so a text stamped
/// in the future (a clock set back since, or a hostile file) does not win over the reader's
/// newer typing.
pub(super) fn edit_time(previous: Option<Millis>, now: Millis) -> Millis {
    previous.map_or(now, |previous| now.max(previous.saturating_add(1)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::state::testing::*;

    /// A storage filled to its quota with an interview, a rating, a note, settings and another
    /// site script's data.
    fn full_storage() -> Shared {
        let fill = |storage: &MemoryBackend| {
            put(storage, "done", &completed("done", T0, "RAID 10"));
            let review = ReviewEvent::new(T0 + HOUR, "ops-cdn", Rating::Hard);
            put(storage, &review_id(&review), &review);
            put(
                storage,
                "dba-raid",
                &Note {
                    text: "mirrors".into(),
                    updated_at: T0,
                },
            );
            put(
                storage,
                Settings::ID,
                &Settings {
                    new_per_day: 15,
                    updated_at: T0,
                    ..Settings::default()
                },
            );
            storage
                .set("another-script/cache", &"x".repeat(500))
                .unwrap();
        };
        let measure = MemoryBackend::new();
        fill(&measure);
        let storage = Shared::new(MemoryBackend::with_quota(measure.used()));
        fill(&storage);
        storage
    }

    #[test]
    fn a_full_storage_is_read_in_full_and_what_waits_is_saved_once_there_is_room() {
        let storage = full_storage();
        let mut tab = ProgressState::load(storage.clone(), Found::Full, None, true, T0 + 2 * HOUR);
        assert_eq!(tab.interviews().len(), 1);
        assert_eq!(tab.rating_events().len(), 2);
        assert_eq!(tab.note("dba-raid"), "mirrors");
        assert_eq!(tab.settings().new_per_day, 15);
        assert!(tab.notices().full);

        tab.set_note("ops-cdn", "edge caches", T0 + 3 * HOUR);
        tab.flush();
        assert!(tab.notices().full);
        assert_eq!(tab.note("ops-cdn"), "edge caches");
        assert_eq!(stored::<Note>(&storage, "ops-cdn"), None);
        // Another change while still full: both wait, in memory.
        tab.record_review("dba-raid", Rating::Good, None, T0 + 4 * HOUR);
        assert!(tab.notices().full);
        assert_eq!(tab.rating_events().len(), 3);

        // The reader frees space (Your data: delete an old interview): what waited is saved.
        tab.delete_interviews(&["done".to_string()]);
        assert!(!tab.notices().full);
        assert_eq!(
            stored::<Note>(&storage, "ops-cdn").unwrap().text,
            "edge caches"
        );
        let mut reloaded = open_tab(&storage, T0 + 5 * HOUR);
        assert_eq!(reloaded.note("ops-cdn"), "edge caches");
        assert_eq!(reloaded.rating_events().len(), 2);
        assert!(reloaded.interviews().is_empty());
    }

    #[test]
    fn storage_filling_up_mid_interview_keeps_the_answer_until_a_later_save_succeeds() {
        let storage = Shared::new(MemoryBackend::with_quota(2_000));
        storage
            .set("another-script/cache", &"x".repeat(1_000))
            .unwrap();
        let mut tab = open_tab(&storage, T0);
        start(&mut tab, "x", T0);
        // Another script fills the rest.
        storage
            .set(
                "another-script/more",
                &"y".repeat(2_000 - storage.used() - 20),
            )
            .unwrap();
        let long = "a long answer ".repeat(20);
        tab.update(Save::Now, |i| i.type_answer(&long, T0 + SECOND));
        assert!(tab.notices().full);
        assert_eq!(answer_of(tab.active()), long);
        assert_eq!(answer_of(stored::<Interview>(&storage, "x").as_ref()), "");
        // A checkpoint while still full keeps it waiting.
        tab.tick(T0 + 6 * SECOND);
        assert!(tab.notices().full);
        // Space comes back: the next checkpoint saves the latest answer.
        storage.remove("another-script/more").unwrap();
        tab.tick(T0 + 11 * SECOND);
        assert!(!tab.notices().full);
        assert_eq!(answer_of(stored::<Interview>(&storage, "x").as_ref()), long);
    }

    #[test]
    fn blocked_storage_runs_in_memory_and_says_so() {
        let mut tab = ProgressState::load(Shared::default(), Found::Blocked, None, true, T0);
        assert!(tab.notices().not_saved);
        assert_eq!(tab.usage(), None);
        start(&mut tab, "x", T0);
        tab.update(Save::Now, |i| {
            i.type_answer("kept on the page", T0 + SECOND)
        });
        tab.set_note("dba-raid", "mine", T0 + 2 * SECOND);
        tab.flush();
        assert_eq!(answer_of(tab.active()), "kept on the page");
        assert_eq!(tab.note("dba-raid"), "mine");
    }

    #[test]
    fn storage_that_goes_away_keeps_everything_in_memory_and_saves_when_it_is_back() {
        let storage = Shared::default();
        let mut tab = open_tab(&storage, T0);
        storage.set_unavailable(true);
        tab.set_note("dba-raid", "typed while blocked", T0 + SECOND);
        tab.flush();
        assert!(tab.notices().not_saved);
        assert_eq!(tab.note("dba-raid"), "typed while blocked");
        storage.set_unavailable(false);
        assert_eq!(stored::<Note>(&storage, "dba-raid"), None);
        tab.set_new_per_day(20, T0 + 2 * SECOND);
        assert_eq!(
            stored::<Note>(&storage, "dba-raid").unwrap().text,
            "typed while blocked"
        );
        assert_eq!(
            stored::<Settings>(&storage, Settings::ID)
                .unwrap()
                .new_per_day,
            20
        );
    }

    #[test]
    fn the_newer_edit_wins_between_tabs() {
        assert!(theirs_wins(None, 0));
        assert!(theirs_wins(Some(10), 11));
        assert!(!theirs_wins(Some(10), 10));
        assert!(!theirs_wins(Some(11), 10));
    }
}
