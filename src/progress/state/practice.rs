//! What the reader does: an interview started, answered and rated, a review rating, a note,
//! the settings; and the interview's clock (`tick`, `page_visible`).

use super::saving::edit_time;
use super::{Dirty, ProgressState, Save, CHECKPOINT_MS};
use crate::interview::{Interview, Millis, Rating, Setup, MAX_ANSWER_CHARS};
use crate::review::day::Date;
use crate::review::event::Points;
use crate::review::record::review_id;
use crate::review::{Note, ReviewEvent};
use crate::storage::Backend;

impl<B: Backend> ProgressState<B> {
    /// Starts an interview on `questions` as this tab's own, and saves it. Its clock runs
    /// from `now` (not restored as a taken-over one is: nothing paused it).
    pub fn start(&mut self, id: String, setup: Setup, questions: &[&str], now: Millis) {
        self.interviews
            .push(Interview::new(id.clone(), setup, questions, now));
        self.make_active(&id);
        self.update(Save::Now, |_| {});
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

    /// The date of the reader's interview, or none.
    pub fn set_interview_date(&mut self, date: Option<Date>, now: Millis) {
        self.settings.interview_date = date;
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interview::{Ending, Phase};
    use crate::progress::state::testing::*;

    #[test]
    fn a_new_interview_runs_from_its_start_and_was_never_paused() {
        let storage = Shared::default();
        let mut tab = open_tab(&storage, T0);
        start(&mut tab, "new", T0);
        let running = tab.active().expect("the tab's interview");
        assert!(
            !running.paused_while_away,
            "nothing paused a clock just started"
        );
        let allowed = Millis::from(Setup::default().seconds_per_question) * SECOND;
        let attempt = running.attempt().unwrap();
        assert!(attempt.clock.running());
        assert_eq!(attempt.remaining_ms(T0 + 5 * SECOND), allowed - 5 * SECOND);
        // As saved: a reload right away finds it as it was, running since the start.
        let saved: Interview = stored(&storage, "new").unwrap();
        assert!(!saved.paused_while_away);
        assert!(saved.attempt().unwrap().clock.running());
    }

    #[test]
    fn a_recording_not_stored_is_noticed_until_every_recording_is_stored() {
        let mut tab = open_tab(&Shared::default(), T0);
        tab.recordings_stored();
        assert!(!tab.take_changes().notices, "nothing to take back");
        tab.recording_not_stored("storage is full".into());
        assert!(tab.take_changes().notices);
        assert_eq!(tab.notices().recordings.as_deref(), Some("storage is full"));
        tab.recording_not_stored("storage is full".into());
        assert!(
            !tab.take_changes().notices,
            "the same reason is not announced again"
        );
        tab.recordings_stored();
        assert!(tab.take_changes().notices);
        assert_eq!(tab.notices().recordings, None);
    }

    #[test]
    fn a_running_interview_is_saved_every_five_seconds_and_a_crash_resumes_from_there() {
        let storage = Shared::default();
        let mut tab = open_tab(&storage, T0);
        start(&mut tab, "x", T0);
        let saved = || answer_of(stored::<Interview>(&storage, "x").as_ref());
        // Typing is saved shortly after it pauses (the caller's timer), or by a checkpoint.
        tab.update(Save::Soon, |i| i.type_answer("first", T0 + SECOND));
        tab.tick(T0 + 4_999);
        assert_eq!(saved(), "");
        tab.tick(T0 + 5_000);
        assert_eq!(saved(), "first");
        tab.update(Save::Soon, |i| i.type_answer("second", T0 + 6 * SECOND));
        tab.tick(T0 + 9_999);
        assert_eq!(saved(), "first");
        tab.tick(T0 + 10_000);
        assert_eq!(saved(), "second");

        // The tab crashes; a reload a minute later goes on with the time of the last checkpoint,
        // and in a background tab the clock waits.
        let later = T0 + 70 * SECOND;
        let resumed = ProgressState::load(storage.clone(), Found::Usable, Some("x"), false, later);
        let attempt = resumed.active().unwrap().attempt().unwrap();
        assert_eq!(attempt.answer, "second");
        assert_eq!(attempt.remaining_ms(later + HOUR), 110_000);

        // The question's time running out is saved at once.
        tab.tick(T0 + 120_000);
        let stored = stored::<Interview>(&storage, "x").unwrap();
        assert_eq!(stored.attempts[0].ending, Some(Ending::TimeUp));
        assert_eq!(stored.phase(), Phase::Reveal);
    }
}
