//! A mock interview as a state machine over an injected clock: each question is answered
//! (typed or out loud) against its own countdown, then revealed beside the model answer with
//! its key points marked, then rated. Pure: tested natively.

use super::clock::{Millis, Stopwatch};
use super::delivery::{Audio, Delivery};
use super::setup::{AnswerMode, Setup};
use crate::content::{self, Question};
use crate::scoring;
use crate::storage::names;
use serde::{Deserialize, Serialize};

/// Typed answers are capped so one answer cannot fill the reader's storage.
pub const MAX_ANSWER_CHARS: usize = 5_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Rating {
    Again,
    Hard,
    Good,
    Easy,
}

names::by_name!(Rating {
    Again = "again",
    Hard = "hard",
    Good = "good",
    Easy = "easy",
});

impl Rating {
    pub fn label(self) -> &'static str {
        match self {
            Rating::Again => "Again",
            Rating::Hard => "Hard",
            Rating::Good => "Good",
            Rating::Easy => "Easy",
        }
    }

    /// Keys 1–4.
    pub fn from_key(key: &str) -> Option<Rating> {
        match key {
            "1" => Some(Rating::Again),
            "2" => Some(Rating::Hard),
            "3" => Some(Rating::Good),
            "4" => Some(Rating::Easy),
            _ => None,
        }
    }
}

/// How answering a question ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Ending {
    Done,
    TimeUp,
    Skipped,
}

names::by_name!(Ending {
    Done = "done",
    TimeUp = "time-up",
    Skipped = "skipped",
});

/// Stored compactly (schema 2: short names, marks as `"101"`): a reader keeps thousands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attempt {
    #[serde(rename = "q", alias = "question")]
    pub question: String,
    #[serde(rename = "ms", alias = "allowed_ms")]
    pub allowed_ms: Millis,
    #[serde(rename = "k", alias = "clock")]
    pub clock: Stopwatch,
    #[serde(
        rename = "x",
        alias = "answer",
        default,
        skip_serializing_if = "String::is_empty"
    )]
    pub answer: String,
    #[serde(
        rename = "e",
        alias = "ending",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ending: Option<Ending>,
    /// Key points as checked against the answer, then as corrected by the reader.
    #[serde(rename = "m", alias = "marks", default, with = "marks")]
    pub marks: Vec<bool>,
    /// The key points whose mark the reader changed from the device's (an even number of
    /// changes cancels out). Stored only when there is one: most answers need none.
    #[serde(
        rename = "cr",
        default,
        with = "marks",
        skip_serializing_if = "no_correction"
    )]
    pub corrected: Vec<bool>,
    #[serde(
        rename = "r",
        alias = "rating",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub rating: Option<Rating>,
    /// When it was rated: the rating feeds the question's memory model from then.
    #[serde(
        rename = "rt",
        alias = "rated_at",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub rated_at: Option<Millis>,
    /// The answer text was dropped to save space (old interviews); everything else is kept.
    #[serde(
        rename = "cx",
        alias = "answer_compacted",
        default,
        skip_serializing_if = "std::ops::Not::not"
    )]
    pub answer_compacted: bool,
    /// Speak mode: what the recorder measured from the audio level (the recording itself is
    /// in IndexedDB, under the interview's id and this attempt's index). The transcript, if
    /// any, is the `answer`, marked like a typed one.
    #[serde(rename = "au", default, skip_serializing_if = "Option::is_none")]
    pub audio: Option<Audio>,
}

fn no_correction(corrected: &[bool]) -> bool {
    !corrected.contains(&true)
}

/// Marks as a string of `0` and `1`; schema 1 stored a list of booleans, still read.
mod marks {
    use serde::de::{SeqAccess, Visitor};
    use serde::{Deserializer, Serializer};
    use std::fmt;

    pub fn serialize<S: Serializer>(marks: &[bool], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(
            &marks
                .iter()
                .map(|m| if *m { '1' } else { '0' })
                .collect::<String>(),
        )
    }

    /// Either form, read as it comes (an untagged enum would buffer the value first, and
    /// bring serde's buffering code with it).
    struct Marks;

    impl<'de> Visitor<'de> for Marks {
        type Value = Vec<bool>;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("marks: a string of 0 and 1, or a list of booleans")
        }

        fn visit_str<E>(self, text: &str) -> Result<Vec<bool>, E> {
            Ok(text.chars().map(|c| c == '1').collect())
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut list: A) -> Result<Vec<bool>, A::Error> {
            let mut marks = Vec::new();
            while let Some(mark) = list.next_element()? {
                marks.push(mark);
            }
            Ok(marks)
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<bool>, D::Error> {
        d.deserialize_any(Marks)
    }
}

impl Attempt {
    fn new(question: &str, allowed_ms: Millis) -> Self {
        Self {
            question: question.to_string(),
            allowed_ms,
            clock: Stopwatch::default(),
            answer: String::new(),
            ending: None,
            marks: Vec::new(),
            corrected: Vec::new(),
            rating: None,
            rated_at: None,
            answer_compacted: false,
            audio: None,
        }
    }

    /// Delivery figures of a spoken answer that was recorded.
    pub fn delivery(&self) -> Option<Delivery> {
        let audio = self.audio.as_ref()?;
        Some(Delivery::measure(&self.answer, audio, self.allowed_ms))
    }

    /// Marks the answer (typed, or a transcript) against the question's key points. Left
    /// unmarked (no marks) while the matcher or the key points are not here: `mark_pending`
    /// marks it once they are, and if they never come (offline) the reader marks the points.
    fn mark(&mut self) {
        self.marks = match self.content() {
            Some(q) => scoring::covered(&self.answer, q).unwrap_or_default(),
            None => Vec::new(),
        };
        self.corrected.clear();
    }

    /// Ended, with key points, and not marked yet, by the device or the reader.
    fn unmarked(&self) -> bool {
        self.ending.is_some()
            && self.marks.is_empty()
            && self.content().is_some_and(|q| !q.key_points.is_empty())
    }

    /// The question, if the content still has it (stored attempts may outlive a question).
    pub fn content(&self) -> Option<&'static Question> {
        content::question(&self.question)
    }

    pub fn used_ms(&self, now: Millis) -> Millis {
        self.clock.elapsed(now).min(self.allowed_ms)
    }

    pub fn remaining_ms(&self, now: Millis) -> Millis {
        self.allowed_ms.saturating_sub(self.used_ms(now))
    }

    /// Key points covered, never more than the question has (stored marks may outnumber them).
    pub fn covered(&self) -> usize {
        let points = self
            .content()
            .map_or(self.marks.len(), |q| q.key_points.len());
        self.marks.iter().take(points).filter(|m| **m).count()
    }

    /// How many marks the reader changed from the device's.
    pub fn corrections(&self) -> usize {
        self.corrected
            .iter()
            .take(self.marks.len())
            .filter(|c| **c)
            .count()
    }
}

/// Where the interview stands, derived from its attempts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    Answering,
    Reveal,
    Complete,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Interview {
    pub id: String,
    #[serde(rename = "s", alias = "setup")]
    pub setup: Setup,
    #[serde(rename = "t0", alias = "started_at")]
    pub started_at: Millis,
    #[serde(
        rename = "t1",
        alias = "completed_at",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub completed_at: Option<Millis>,
    #[serde(rename = "a", alias = "attempts")]
    pub attempts: Vec<Attempt>,
    #[serde(rename = "c", alias = "current")]
    pub current: usize,
    /// Set when the clock was paused because the page was hidden or closed; the view says so.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub paused_while_away: bool,
    /// The device marked the answers and the reader's corrections are recorded (typed
    /// interviews since corrections were counted).
    #[serde(rename = "dm", default, skip_serializing_if = "std::ops::Not::not")]
    pub device_marked: bool,
}

impl Interview {
    /// Starts an interview on these questions; the first question's clock starts now.
    pub fn new(id: String, setup: Setup, questions: &[&str], now: Millis) -> Self {
        let allowed = u64::from(setup.seconds_per_question) * 1_000;
        let device_marked = setup.mode == AnswerMode::Type;
        let mut interview = Self {
            id,
            setup,
            started_at: now,
            completed_at: None,
            attempts: questions.iter().map(|q| Attempt::new(q, allowed)).collect(),
            current: 0,
            paused_while_away: false,
            device_marked,
        };
        match interview.attempts.first_mut() {
            Some(first) => first.clock.start(now),
            None => interview.completed_at = Some(now),
        }
        interview
    }

    pub fn phase(&self) -> Phase {
        match self.attempts.get(self.current) {
            _ if self.completed_at.is_some() => Phase::Complete,
            None => Phase::Complete,
            Some(a) if a.ending.is_none() => Phase::Answering,
            Some(_) => Phase::Reveal,
        }
    }

    pub fn attempt(&self) -> Option<&Attempt> {
        self.attempts.get(self.current)
    }

    fn answering(&mut self) -> Option<&mut Attempt> {
        if self.phase() == Phase::Answering {
            self.attempts.get_mut(self.current)
        } else {
            None
        }
    }

    /// Called on every tick and event: notices the clock, and ends the question when its time is
    /// up. Returns whether the phase changed.
    pub fn tick(&mut self, now: Millis) -> bool {
        let Some(attempt) = self.answering() else {
            return false;
        };
        attempt.clock.observe(now);
        if attempt.clock.running() && attempt.remaining_ms(now) == 0 {
            self.end(Ending::TimeUp, now);
            return true;
        }
        false
    }

    /// Replaces the typed answer (capped); ignored once the question has ended.
    pub fn type_answer(&mut self, text: &str, now: Millis) {
        self.tick(now);
        self.draft_answer(text, now);
    }

    /// Replaces the typed answer (capped) while the question has time left, without ending a
    /// question whose time is up: the answer box shown while the interview page's code
    /// downloads keeps what is typed, and must not need the marking that ending runs. The next
    /// `tick` ends the question.
    pub fn draft_answer(&mut self, text: &str, now: Millis) {
        if let Some(attempt) = self.answering() {
            if attempt.remaining_ms(now) > 0 {
                attempt.answer = text.chars().take(MAX_ANSWER_CHARS).collect();
            }
        }
    }

    /// **Done**: ends the question early and reveals the model answer.
    pub fn done(&mut self, now: Millis) {
        if !self.tick(now) {
            self.end(Ending::Done, now);
        }
    }

    /// **Skip**: moves straight on to the next question.
    pub fn skip(&mut self, now: Millis) {
        if self.tick(now) || self.phase() != Phase::Answering {
            return;
        }
        self.end(Ending::Skipped, now);
        self.advance(now);
    }

    fn end(&mut self, ending: Ending, now: Millis) {
        if let Some(attempt) = self.answering() {
            attempt.clock.stop(now);
            attempt.ending = Some(ending);
            // A spoken answer without a transcript marks nothing: the reader marks it.
            attempt.mark();
        }
    }

    /// Speak mode: the transcript of attempt `index` so far (from the recogniser while
    /// recording, or as the reader edits it on the reveal). It is marked against the key
    /// points like a typed answer, and replaces the marks (the reader's corrections of the
    /// previous text no longer apply). A completed interview keeps its transcripts.
    pub fn set_transcript(&mut self, index: usize, text: &str) {
        if self.setup.mode != AnswerMode::Speak || self.completed_at.is_some() {
            return;
        }
        let ended = self.current > index || self.phase() == Phase::Reveal;
        if let Some(attempt) = self.attempts.get_mut(index) {
            attempt.answer = text.chars().take(MAX_ANSWER_CHARS).collect();
            if ended && attempt.ending != Some(Ending::Skipped) {
                attempt.mark();
            }
        }
    }

    /// Speak mode where speaking cannot work (a frame without the microphone): the rest of
    /// the interview is typed.
    pub fn type_instead(&mut self) {
        self.setup.mode = AnswerMode::Type;
    }

    /// Speak mode: the recording of attempt `index` stopped (it may stop after the question
    /// ended: the recorder finishes asynchronously).
    pub fn recorded(&mut self, index: usize, audio: Audio) {
        if let Some(attempt) = self.attempts.get_mut(index) {
            attempt.audio = Some(audio);
        }
    }

    /// Whether an ended answer still waits for the matcher or its key points (`mark_pending`).
    pub fn has_unmarked(&self) -> bool {
        self.attempts.iter().any(Attempt::unmarked)
    }

    /// Marks the ended answers that could not be marked when they ended (the matcher or the key
    /// points were not here yet), now that they can be. Returns whether any was.
    pub fn mark_pending(&mut self) -> bool {
        let mut marked = false;
        for attempt in self.attempts.iter_mut().filter(|a| a.unmarked()) {
            attempt.mark();
            marked |= !attempt.marks.is_empty();
        }
        marked
    }

    /// The reader corrects a key point's mark on the reveal (an answer the device could not
    /// mark starts with every point missed).
    pub fn toggle_mark(&mut self, index: usize) {
        if self.phase() == Phase::Reveal {
            let attempt = &mut self.attempts[self.current];
            if attempt.unmarked() {
                let points = attempt.content().map_or(0, |q| q.key_points.len());
                attempt.marks = vec![false; points];
            }
            if let Some(mark) = attempt.marks.get_mut(index) {
                *mark = !*mark;
                attempt.corrected.resize(attempt.marks.len(), false);
                attempt.corrected[index] = !attempt.corrected[index];
            }
        }
    }

    /// (marks the device made and the reader saw, marks the reader changed) in this
    /// interview: how often the reader disagreed with the marking.
    pub fn corrections(&self) -> (usize, usize) {
        if !self.device_marked {
            return (0, 0);
        }
        self.attempts
            .iter()
            .filter(|a| matches!(a.ending, Some(Ending::Done | Ending::TimeUp)))
            .fold((0, 0), |(checked, changed), a| {
                (
                    checked.saturating_add(a.marks.len()),
                    changed.saturating_add(a.corrections()),
                )
            })
    }

    pub fn rate(&mut self, rating: Rating, now: Millis) {
        if self.phase() == Phase::Reveal {
            let attempt = &mut self.attempts[self.current];
            attempt.rating = Some(rating);
            attempt.rated_at = Some(now);
        }
    }

    /// Every rating given in this interview: `(when, question, rating)`.
    pub fn ratings(&self) -> impl Iterator<Item = (Millis, &str, Rating)> {
        self.attempts
            .iter()
            .filter_map(|a| Some((a.rated_at?, a.question.as_str(), a.rating?)))
    }

    /// Drops the typed answers of a completed interview to save space; times, key points and
    /// ratings stay. Returns whether anything was dropped.
    pub fn compact_answers(&mut self) -> bool {
        if self.completed_at.is_none() {
            return false;
        }
        let mut changed = false;
        for attempt in &mut self.attempts {
            if !attempt.answer.is_empty() {
                attempt.answer.clear();
                attempt.answer_compacted = true;
                changed = true;
            }
        }
        changed
    }

    /// **Next question**, once rated.
    pub fn next(&mut self, now: Millis) {
        if self.phase() == Phase::Reveal && self.attempts[self.current].rating.is_some() {
            self.advance(now);
        }
    }

    fn advance(&mut self, now: Millis) {
        self.current += 1;
        self.paused_while_away = false;
        match self.attempts.get_mut(self.current) {
            Some(next) => next.clock.start(now),
            None => self.completed_at = Some(now),
        }
    }

    /// The page is hidden or closing: stop counting.
    pub fn pause(&mut self, now: Millis) {
        if let Some(attempt) = self.answering() {
            if attempt.clock.running() {
                attempt.clock.stop(now);
            }
        }
    }

    /// The page is visible again (or reloaded): count again, and say the clock was paused.
    pub fn resume(&mut self, now: Millis) {
        if let Some(attempt) = self.answering() {
            if !attempt.clock.running() {
                attempt.clock.start(now);
                self.paused_while_away = true;
            }
        }
    }

    /// After loading from storage: a clock saved as running was never paused (the page
    /// crashed), so count only up to the last time it was seen, then resume.
    pub fn restore(&mut self, now: Millis) {
        if let Some(attempt) = self.answering() {
            if attempt.clock.running() {
                attempt.clock.stop_at_last_seen();
            }
        }
        self.resume(now);
    }

    /// Time spent answering, over all questions so far.
    pub fn elapsed_ms(&self, now: Millis) -> Millis {
        // Stored data may hold any number: add without wrapping.
        self.attempts
            .iter()
            .fold(0, |sum: Millis, a| sum.saturating_add(a.used_ms(now)))
    }

    pub fn allowed_ms(&self) -> Millis {
        self.attempts
            .iter()
            .fold(0, |sum: Millis, a| sum.saturating_add(a.allowed_ms))
    }

    /// Questions rated Again or Hard: the next interview's material.
    pub fn weak_questions(&self) -> Vec<&str> {
        self.attempts
            .iter()
            .filter(|a| matches!(a.rating, Some(Rating::Again | Rating::Hard)))
            .map(|a| a.question.as_str())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interview::setup::Order;

    const MINUTE: Millis = 60_000;

    fn interview(mode: AnswerMode) -> Interview {
        let setup = Setup {
            count: 3,
            order: Order::Guide,
            mode,
            ..Setup::default()
        };
        Interview::new(
            "t".into(),
            setup,
            &["dba-raid", "dba-indexes", "dba-nosql"],
            100_000_000,
        )
    }

    #[test]
    fn the_readers_corrections_of_the_marking_are_kept_and_counted() {
        let mut i = interview(AnswerMode::Type);
        let t0 = 100_000_000;
        i.type_answer("RAID 1+0: mirrored pairs, then striped.", t0 + 1_000);
        i.done(t0 + 2_000);
        let points = i.attempts[0].marks.len();
        assert!(i.attempts[0].marks[0], "RAID 1+0 is RAID 10");
        assert_eq!(i.corrections(), (points, 0));
        // Nothing corrected: nothing more is stored.
        assert!(!serde_json::to_string(&i.attempts[0])
            .unwrap()
            .contains("cr"));
        i.toggle_mark(0);
        i.toggle_mark(1);
        i.toggle_mark(1);
        assert_eq!(i.corrections(), (points, 1));
        let stored = serde_json::to_string(&i).unwrap();
        let back: Interview = serde_json::from_str(&stored).unwrap();
        assert_eq!(back.corrections(), (points, 1));
        let total = crate::review::stats::corrections([&i, &back]);
        assert_eq!((total.checked, total.changed), (2 * points, 2));
        assert_eq!(total.percent(), 100.0 / points as f64);
        // A skipped question was never shown marked: it is not counted.
        i.rate(Rating::Good, t0);
        i.next(t0 + 3_000);
        i.skip(t0 + 4_000);
        assert_eq!(i.corrections(), (points, 1));
        // Spoken answers are marked by the reader alone: nothing to disagree with.
        let mut spoken = interview(AnswerMode::Speak);
        spoken.done(t0);
        spoken.toggle_mark(0);
        assert_eq!(spoken.corrections(), (0, 0));
        // Interviews stored before corrections were recorded are not counted.
        let mut old: Interview =
            serde_json::from_str(&stored.replace(r#","dm":true"#, "")).unwrap();
        assert_eq!(old.corrections(), (0, 0));
        old.device_marked = true;
        assert_eq!(old.corrections(), (points, 1));
    }

    #[test]
    fn a_full_typed_interview() {
        let mut i = interview(AnswerMode::Type);
        let t0 = 100_000_000;
        assert_eq!(i.phase(), Phase::Answering);
        assert_eq!(i.attempt().unwrap().remaining_ms(t0), 2 * MINUTE);
        i.type_answer(
            "RAID 10: mirror then stripe. RAID 5 has a write penalty.",
            t0 + 30_000,
        );
        i.done(t0 + 40_000);
        assert_eq!(i.phase(), Phase::Reveal);
        let raid = &i.attempts[0];
        assert_eq!(raid.ending, Some(Ending::Done));
        assert_eq!(raid.used_ms(t0 + 99 * MINUTE), 40_000);
        assert!(raid.covered() >= 2, "{:?}", raid.marks);
        // Typing after Done changes nothing.
        i.type_answer("changed", t0 + 41_000);
        assert!(i.attempts[0].answer.starts_with("RAID 10"));
        // Next needs a rating.
        i.next(t0 + 42_000);
        assert_eq!(i.current, 0);
        i.rate(Rating::Good, 0);
        i.next(t0 + 42_000);
        assert_eq!((i.current, i.phase()), (1, Phase::Answering));

        i.skip(t0 + 50_000);
        assert_eq!(i.attempts[1].ending, Some(Ending::Skipped));
        assert_eq!(i.current, 2);

        i.done(t0 + 60_000);
        i.toggle_mark(0);
        assert!(i.attempts[2].marks[0]);
        i.rate(Rating::Again, 0);
        i.next(t0 + 61_000);
        assert_eq!(i.phase(), Phase::Complete);
        assert_eq!(i.completed_at, Some(t0 + 61_000));
        assert_eq!(i.elapsed_ms(t0 + 99 * MINUTE), 40_000 + 8_000 + 10_000);
        assert_eq!(i.weak_questions(), ["dba-nosql"]);
    }

    #[test]
    fn time_up_locks_the_answer_and_reveals() {
        let mut i = interview(AnswerMode::Type);
        let t0 = 100_000_000;
        i.type_answer("indexes", t0 + MINUTE);
        // Throttled: the next tick comes long after the deadline.
        assert!(i.tick(t0 + 5 * MINUTE));
        assert_eq!(i.phase(), Phase::Reveal);
        assert_eq!(i.attempts[0].ending, Some(Ending::TimeUp));
        assert_eq!(i.attempts[0].used_ms(t0 + 5 * MINUTE), 2 * MINUTE);
        assert_eq!(i.attempts[0].remaining_ms(t0 + 5 * MINUTE), 0);
        i.type_answer("more", t0 + 5 * MINUTE);
        assert_eq!(i.attempts[0].answer, "indexes");
    }

    #[test]
    fn typing_after_the_deadline_is_refused_even_without_a_tick() {
        let mut i = interview(AnswerMode::Type);
        i.type_answer("late answer", 100_000_000 + 3 * MINUTE);
        assert_eq!(i.attempts[0].answer, "");
        assert_eq!(i.attempts[0].ending, Some(Ending::TimeUp));
    }

    #[test]
    fn a_draft_keeps_the_answer_in_time_and_leaves_the_ending_to_the_next_tick() {
        let mut i = interview(AnswerMode::Type);
        let t0 = 100_000_000;
        i.draft_answer("mirrors, then stripes", t0 + MINUTE);
        assert_eq!(i.attempts[0].answer, "mirrors, then stripes");
        assert_eq!(i.phase(), Phase::Answering);
        // Past the deadline: refused, and nothing marked or ended until the clock is checked.
        i.draft_answer("too late", t0 + 3 * MINUTE);
        assert_eq!(i.attempts[0].answer, "mirrors, then stripes");
        assert_eq!(i.attempts[0].ending, None);
        assert!(i.tick(t0 + 3 * MINUTE));
        assert_eq!(i.attempts[0].ending, Some(Ending::TimeUp));
        let long = "x".repeat(MAX_ANSWER_CHARS + 10);
        let mut j = interview(AnswerMode::Type);
        j.draft_answer(&long, t0 + 1_000);
        assert_eq!(j.attempts[0].answer.chars().count(), MAX_ANSWER_CHARS);
    }

    #[test]
    fn an_hour_long_gap_while_hidden_costs_nothing() {
        let mut i = interview(AnswerMode::Type);
        let t0 = 100_000_000;
        i.tick(t0 + 30_000);
        i.pause(t0 + 30_000);
        i.resume(t0 + 30_000 + 60 * MINUTE);
        assert!(i.paused_while_away);
        assert_eq!(
            i.attempt().unwrap().remaining_ms(t0 + 60 * MINUTE + 30_000),
            90_000
        );
        assert!(!i.tick(t0 + 60 * MINUTE + 40_000));
        assert_eq!(
            i.attempt().unwrap().remaining_ms(t0 + 60 * MINUTE + 40_000),
            80_000
        );
    }

    #[test]
    fn the_clock_going_backwards_never_adds_time() {
        let mut i = interview(AnswerMode::Type);
        let t0 = 100_000_000;
        i.tick(t0 + 20_000);
        let before = i.attempt().unwrap().remaining_ms(t0 + 20_000);
        i.tick(t0 - 50 * MINUTE);
        let after = i.attempt().unwrap().remaining_ms(t0 - 50 * MINUTE);
        assert_eq!(before, after);
        i.tick(t0 - 50 * MINUTE + 10_000);
        assert_eq!(
            i.attempt().unwrap().remaining_ms(t0 - 50 * MINUTE + 10_000),
            before - 10_000
        );
    }

    #[test]
    fn reload_in_the_middle_resumes_with_the_remaining_time() {
        let mut i = interview(AnswerMode::Type);
        let t0 = 100_000_000;
        i.type_answer("half an answer", t0 + 45_000);
        // pagehide checkpoints, then the stored copy is loaded after the reload.
        i.pause(t0 + 45_000);
        let stored = serde_json::to_string(&i).unwrap();
        let mut reloaded: Interview = serde_json::from_str(&stored).unwrap();
        reloaded.restore(t0 + 10 * MINUTE);
        assert_eq!(
            reloaded.attempt().unwrap().remaining_ms(t0 + 10 * MINUTE),
            75_000
        );
        assert_eq!(reloaded.attempt().unwrap().answer, "half an answer");
        assert!(reloaded.paused_while_away);
    }

    #[test]
    fn reload_after_a_crash_counts_only_until_last_seen() {
        let mut i = interview(AnswerMode::Type);
        let t0 = 100_000_000;
        i.tick(t0 + 50_000);
        let stored = serde_json::to_string(&i).unwrap();
        let mut reloaded: Interview = serde_json::from_str(&stored).unwrap();
        reloaded.restore(t0 + 30 * MINUTE);
        assert_eq!(
            reloaded.attempt().unwrap().remaining_ms(t0 + 30 * MINUTE),
            70_000
        );
    }

    /// The answers as they end before the matcher's piece or the key points are here: unmarked.
    fn unmarked_by_the_device(i: &mut Interview) {
        for attempt in i.attempts.iter_mut().filter(|a| a.ending.is_some()) {
            attempt.marks.clear();
        }
    }

    #[test]
    fn answers_ended_before_the_matcher_came_are_marked_once_it_is_here() {
        let t0 = 100_000_000;
        let mut i = interview(AnswerMode::Type);
        i.type_answer("RAID 1+0: mirrored pairs, then striped.", t0 + 1_000);
        i.done(t0 + 2_000);
        let device = i.attempts[0].marks.clone();
        unmarked_by_the_device(&mut i);
        assert!(i.has_unmarked());
        assert_eq!(i.attempts[0].covered(), 0);
        assert!(i.mark_pending());
        assert_eq!(i.attempts[0].marks, device);
        assert!(i.attempts[0].marks[0], "RAID 1+0 is RAID 10");
        // Marked once: nothing left, nothing marked again.
        assert!(!i.has_unmarked());
        assert!(!i.mark_pending());
        // A question still running waits for its own end.
        i.rate(Rating::Good, t0);
        i.next(t0 + 3_000);
        i.type_answer("B-tree indexes", t0 + 4_000);
        assert!(!i.has_unmarked());
        // The time ran out before the matcher came: marked once it is, like a Done.
        i.tick(t0 + 4_000 + 10 * MINUTE);
        assert_eq!(i.attempts[1].ending, Some(Ending::TimeUp));
        unmarked_by_the_device(&mut i);
        assert!(i.has_unmarked());
        assert!(i.mark_pending());
        assert_eq!(
            i.attempts[1].marks.len(),
            i.attempts[1].content().unwrap().key_points.len()
        );
    }

    #[test]
    fn an_answer_the_device_could_not_mark_is_marked_by_the_reader_and_kept() {
        let t0 = 100_000_000;
        let mut i = interview(AnswerMode::Type);
        i.type_answer("RAID 1+0: mirrored pairs, then striped.", t0 + 1_000);
        i.done(t0 + 2_000);
        unmarked_by_the_device(&mut i);
        let points = i.attempts[0].content().unwrap().key_points.len();
        // The key points never came (offline): every point missed until the reader ticks it.
        i.toggle_mark(1);
        assert_eq!(i.attempts[0].marks.len(), points);
        assert_eq!(i.attempts[0].covered(), 1);
        assert!(i.attempts[0].marks[1]);
        // The reader's marks stay when the key points come after all.
        assert!(!i.has_unmarked());
        assert!(!i.mark_pending());
        assert_eq!(i.attempts[0].covered(), 1);
    }

    #[test]
    fn speak_aloud_marks_nothing_until_the_reader_does() {
        let mut i = interview(AnswerMode::Speak);
        i.done(100_000_000 + MINUTE);
        assert!(i.attempts[0].marks.iter().all(|m| !m));
        i.toggle_mark(1);
        assert_eq!(i.attempts[0].covered(), 1);
    }

    #[test]
    fn a_transcript_is_marked_like_a_typed_answer_and_editing_it_marks_again() {
        let t0 = 100_000_000;
        let mut i = interview(AnswerMode::Speak);
        // While recording, the recogniser's text arrives; marking waits for the end.
        i.set_transcript(0, "um I would use RAID 10");
        assert!(i.attempts[0].marks.is_empty());
        i.done(t0 + MINUTE);
        assert_eq!(
            i.attempts[0].marks,
            scoring::covered("um I would use RAID 10", i.attempts[0].content().unwrap()).unwrap()
        );
        assert!(i.attempts[0].marks[0]);
        i.toggle_mark(0);
        assert!(!i.attempts[0].marks[0]);
        // The reader corrects the transcript on the reveal: marked again, corrections reset.
        i.set_transcript(0, "RAID 10, because RAID 5 has a write penalty");
        assert!(i.attempts[0].marks[0] && i.attempts[0].marks[1]);
        assert_eq!(i.attempts[0].corrections(), 0);
        // A typed interview has no transcript to set.
        let mut typed = interview(AnswerMode::Type);
        typed.set_transcript(0, "RAID 10");
        assert_eq!(typed.attempts[0].answer, "");
    }

    #[test]
    fn a_recording_stopping_after_the_question_ended_is_kept_with_its_delivery() {
        let t0 = 100_000_000;
        let mut i = interview(AnswerMode::Speak);
        assert_eq!(i.attempts[0].delivery(), None);
        i.done(t0 + MINUTE);
        i.rate(Rating::Good, t0 + MINUTE);
        i.next(t0 + MINUTE);
        let audio = Audio {
            duration_ms: 40_000,
            first_sound_ms: Some(1_000),
            last_sound_ms: Some(31_000),
            pauses_ms: vec![3_000],
        };
        i.recorded(0, audio.clone());
        i.set_transcript(0, &"word ".repeat(70));
        let d = i.attempts[0].delivery().unwrap();
        assert_eq!(
            (d.words, d.words_per_minute, d.long_pauses),
            (70, Some(140), 1)
        );
        // Stored and read back; a stored attempt without audio still reads.
        let back: Interview = serde_json::from_str(&serde_json::to_string(&i).unwrap()).unwrap();
        assert_eq!(back.attempts[0].audio, Some(audio));
        assert_eq!(back.attempts[1].audio, None);
    }

    #[test]
    fn ratings_are_timed_and_answers_compact() {
        let mut i = interview(AnswerMode::Type);
        let t0 = 100_000_000;
        i.type_answer("RAID 10", t0 + 1_000);
        i.done(t0 + 2_000);
        assert!(
            !i.compact_answers(),
            "an interview in progress keeps its answers"
        );
        i.rate(Rating::Hard, t0 + 3_000);
        i.next(t0 + 3_000);
        i.skip(t0 + 4_000);
        i.skip(t0 + 5_000);
        let ratings: Vec<_> = i.ratings().collect();
        assert_eq!(ratings, [(t0 + 3_000, "dba-raid", Rating::Hard)]);
        let marks = i.attempts[0].marks.clone();
        assert!(i.compact_answers());
        assert_eq!(i.attempts[0].answer, "");
        assert!(i.attempts[0].answer_compacted);
        assert_eq!(i.attempts[0].marks, marks);
        assert!(!i.compact_answers());
    }

    #[test]
    fn answers_are_capped() {
        let mut i = interview(AnswerMode::Type);
        i.type_answer(&"é".repeat(6_000), 100_000_001);
        assert_eq!(i.attempts[0].answer.chars().count(), MAX_ANSWER_CHARS);
    }

    #[test]
    fn an_empty_interview_is_complete() {
        let i = Interview::new("e".into(), Setup::default(), &[], 5);
        assert_eq!(i.phase(), Phase::Complete);
    }
}

#[cfg(test)]
mod stored_names {
    use super::*;
    use crate::interview::setup::Order;
    use serde::de::DeserializeOwned;

    /// Every variant is written as its name and read back from it.
    fn round_trip<T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug>(
        all: &[T],
        names: &[&str],
    ) {
        assert_eq!(all.len(), names.len());
        for (value, name) in all.iter().zip(names) {
            let json = serde_json::to_string(value).unwrap();
            assert_eq!(json, format!("\"{name}\""));
            assert_eq!(&serde_json::from_str::<T>(&json).unwrap(), value);
        }
        assert!(serde_json::from_str::<T>(r#""unheard-of""#).is_err());
        assert!(serde_json::from_str::<T>("0").is_err());
    }

    #[test]
    fn enums_are_stored_and_read_by_name() {
        round_trip(&Rating::ALL, Rating::NAMES);
        round_trip(&Ending::ALL, Ending::NAMES);
        round_trip(&Order::ALL, Order::NAMES);
        round_trip(&AnswerMode::ALL, AnswerMode::NAMES);
    }

    #[derive(Deserialize)]
    struct Marked {
        #[serde(with = "marks")]
        m: Vec<bool>,
    }

    #[test]
    fn marks_are_read_as_text_or_as_schema_1_lists() {
        let read = |json: &str| serde_json::from_str::<Marked>(json).map(|r| r.m);
        assert_eq!(read(r#"{"m":"101"}"#).unwrap(), [true, false, true]);
        assert_eq!(read(r#"{"m":[true,false]}"#).unwrap(), [true, false]);
        assert_eq!(read(r#"{"m":""}"#).unwrap(), Vec::<bool>::new());
        assert!(read(r#"{"m":3}"#).is_err());
        assert!(read(r#"{"m":[1]}"#).is_err());
        assert!(read(r#"{"m":{}}"#).is_err());
    }
}
