//! Other tabs on the same storage: their changes, read as their storage events arrive
//! (`read_change`), and which tab runs which interview (one writer per interview).

use super::loading::stored_snapshot;
use super::saving::theirs_wins;
use super::{Dirty, ProgressState, Save};
use crate::interview::{Interview, Millis};
use crate::progress::snapshot::Snapshot;
use crate::review::record::Settings;
use crate::review::{Note, ReviewEvent};
use crate::storage::{record_key, Backend};

impl<B: Backend> ProgressState<B> {
    /// `reload_from_storage` with the readers.
    pub(super) fn read_change(&mut self, key: &str) -> bool {
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

    /// Makes an interview this tab's own: one a closed or crashed tab left, or one another
    /// live tab ran (the caller takes its lock). The question goes on with the time it had at
    /// its last checkpoint.
    pub fn take_over(&mut self, id: &str, now: Millis) {
        self.make_active(id);
        self.update(Save::Now, |i| i.restore(now));
    }

    pub(super) fn make_active(&mut self, id: &str) {
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::state::testing::*;

    #[test]
    fn two_tabs_share_notes_newest_first_and_lose_no_typed_text() {
        let mut browser = Browser::with_tabs(2, T0);
        // Each tab types a note on its own question: both are kept, in both tabs.
        browser.act(A, |a| {
            a.set_note("dba-raid", "RAID 10", T0 + SECOND);
            a.flush();
        });
        browser.act(B, |b| {
            b.set_note("ops-cdn", "edge caches", T0 + 2 * SECOND);
            b.flush();
        });
        for tab in &browser.tabs {
            assert_eq!(tab.note("dba-raid"), "RAID 10");
            assert_eq!(tab.note("ops-cdn"), "edge caches");
        }
        // B edits A's note later: the newer text wins in both tabs and in storage.
        browser.act(B, |b| {
            b.set_note("dba-raid", "RAID 10, never 5", T0 + 3 * SECOND);
            b.flush();
        });
        assert_eq!(browser.tabs[A].note("dba-raid"), "RAID 10, never 5");
        // A reload reads what both tabs show.
        let reloaded = open_tab(&browser.storage, T0 + 4 * SECOND);
        assert_eq!(reloaded.note("dba-raid"), "RAID 10, never 5");
        assert_eq!(reloaded.note("ops-cdn"), "edge caches");
    }

    #[test]
    fn an_older_note_from_another_tab_never_replaces_one_typed_here() {
        let mut browser = Browser::with_tabs(2, T0);
        browser.tabs[B].set_note("dba-raid", "typed in B", T0 + SECOND);
        // A types later; its save waits for the typing to pause...
        browser.tabs[A].set_note("dba-raid", "typed in A, later", T0 + 2 * SECOND);
        // ...when B's older note is saved and its event reaches A.
        browser.act(B, |b| b.flush());
        assert_eq!(browser.tabs[A].note("dba-raid"), "typed in A, later");
        browser.act(A, |a| a.flush());
        assert_eq!(
            stored::<Note>(&browser.storage, "dba-raid").unwrap().text,
            "typed in A, later"
        );
        assert_eq!(browser.tabs[B].note("dba-raid"), "typed in A, later");
    }

    #[test]
    fn a_pending_note_never_overwrites_a_newer_one_whose_event_is_still_on_its_way() {
        let mut browser = Browser::with_tabs(2, T0);
        browser.tabs[A].set_note("dba-raid", "older, typed in A", T0 + SECOND);
        // B saves a newer note; A saves before B's event arrives.
        let before = stored_all(&browser.storage);
        browser.tabs[B].set_note("dba-raid", "newer, typed in B", T0 + 2 * SECOND);
        browser.tabs[B].flush();
        browser.tabs[A].flush();
        // Storage never held the older text, even for a moment.
        assert_eq!(
            stored::<Note>(&browser.storage, "dba-raid").unwrap().text,
            "newer, typed in B"
        );
        browser.deliver(B, &before);
        for tab in &browser.tabs {
            assert_eq!(tab.note("dba-raid"), "newer, typed in B");
        }
    }

    #[test]
    fn settings_changed_in_another_tab_are_picked_up_and_an_older_change_is_not() {
        let mut browser = Browser::with_tabs(2, T0);
        browser.act(B, |b| b.set_new_per_day(25, T0 + SECOND));
        assert_eq!(browser.tabs[A].settings().new_per_day, 25);
        // A's later change is saved before B's earlier one: the later one stays, everywhere.
        let before = stored_all(&browser.storage);
        browser.tabs[A].set_new_per_day(30, T0 + 3 * SECOND);
        browser.act(B, |b| b.set_new_per_day(20, T0 + 2 * SECOND));
        browser.deliver(A, &before);
        for tab in &browser.tabs {
            assert_eq!(tab.settings().new_per_day, 30);
        }
        let reloaded = open_tab(&browser.storage, T0 + 4 * SECOND);
        assert_eq!(reloaded.settings().new_per_day, 30);
    }

    #[test]
    fn interviews_of_two_tabs_are_both_kept_and_each_tab_sees_the_other() {
        let mut browser = Browser::with_tabs(2, T0);
        browser.act(A, |a| start(a, "x", T0));
        browser.act(B, |b| start(b, "y", T0 + SECOND));
        for tab in &mut browser.tabs {
            let mut ids: Vec<&str> = tab.interviews().iter().map(|i| i.id.as_str()).collect();
            ids.sort();
            assert_eq!(ids, ["x", "y"]);
        }
        assert_eq!(browser.tabs[A].unfinished()[0].id, "y");
        // B's saves never replace what A types in its own interview.
        browser.act(A, |a| {
            a.update(Save::Now, |i| i.type_answer("mine", T0 + 2 * SECOND))
        });
        browser.act(B, |b| {
            b.update(Save::Now, |i| i.type_answer("theirs", T0 + 3 * SECOND))
        });
        assert_eq!(answer_of(browser.tabs[A].active()), "mine");
        assert_eq!(
            answer_of(stored::<Interview>(&browser.storage, "x").as_ref()),
            "mine"
        );
        assert_eq!(
            answer_of(stored::<Interview>(&browser.storage, "y").as_ref()),
            "theirs"
        );
    }

    #[test]
    fn a_tab_whose_interview_was_taken_over_neither_changes_nor_saves_it() {
        let mut browser = Browser::with_tabs(2, T0);
        browser.act(A, |a| start(a, "x", T0));
        browser.act(B, |b| b.take_over("x", T0 + 10 * SECOND));
        // A's lock is stolen.
        browser.act(A, |a| a.lock_report("x", false));
        assert!(browser.tabs[A].moved_away());
        browser.act(B, |b| {
            b.update(Save::Now, |i| i.type_answer("typed in B", T0 + 11 * SECOND))
        });
        assert_eq!(answer_of(browser.tabs[A].active()), "typed in B");
        let before = stored_all(&browser.storage);
        assert!(!browser.act(A, |a| {
            a.update(Save::Now, |i| i.type_answer("typed in A", T0 + 12 * SECOND))
        }));
        browser.act(A, |a| {
            a.tick(T0 + 60 * SECOND);
            a.page_visible(false, T0 + 61 * SECOND);
        });
        assert_eq!(stored_all(&browser.storage), before);
        assert_eq!(answer_of(browser.tabs[A].active()), "typed in B");
    }

    #[test]
    fn a_late_word_about_an_interview_this_tab_left_does_not_stop_the_one_it_runs() {
        let mut browser = Browser::with_tabs(1, T0);
        browser.act(A, |a| {
            start(a, "x", T0);
            start(a, "y", T0 + SECOND);
            // The lock of x, still held from before, is stolen by another tab.
            a.lock_report("x", false);
        });
        let a = &mut browser.tabs[A];
        assert!(!a.moved_away());
        assert!(a.update(Save::Now, |i| i.type_answer("still mine", T0 + 2 * SECOND)));
        assert_eq!(
            answer_of(stored::<Interview>(&browser.storage, "y").as_ref()),
            "still mine"
        );
    }

    #[test]
    fn a_storage_that_fails_to_answer_an_event_does_not_drop_an_interview() {
        let mut browser = Browser::with_tabs(2, T0);
        browser.act(B, |b| start(b, "y", T0));
        browser.storage.set_unavailable(true);
        browser.tabs[A].reload_from_storage(&record_key::<Interview>("y"));
        browser.storage.set_unavailable(false);
        assert_eq!(browser.tabs[A].unfinished().len(), 1);
    }
}
