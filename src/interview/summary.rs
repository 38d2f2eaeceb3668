//! Totals of a completed (or reviewed) interview, for the summary and history.

use super::clock::Millis;
use super::session::{Ending, Interview, Rating};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub questions: usize,
    pub answered: usize,
    pub skipped: usize,
    pub time_up: usize,
    pub covered: usize,
    pub key_points: usize,
    pub used_ms: Millis,
    pub allowed_ms: Millis,
    /// How many of each rating, in `Rating::ALL` order.
    pub ratings: [usize; 4],
}

impl Summary {
    pub fn of(interview: &Interview) -> Self {
        let now = interview.completed_at.unwrap_or(interview.started_at);
        let mut summary = Summary {
            questions: interview.attempts.len(),
            answered: 0,
            skipped: 0,
            time_up: 0,
            covered: 0,
            key_points: 0,
            used_ms: interview.elapsed_ms(now),
            allowed_ms: interview.allowed_ms(),
            ratings: [0; 4],
        };
        for attempt in &interview.attempts {
            match attempt.ending {
                Some(Ending::Skipped) => summary.skipped += 1,
                Some(Ending::TimeUp) => {
                    summary.time_up += 1;
                    summary.answered += 1;
                }
                Some(Ending::Done) => summary.answered += 1,
                None => {}
            }
            summary.covered = summary.covered.saturating_add(attempt.covered());
            summary.key_points = summary.key_points.saturating_add(
                attempt
                    .content()
                    .map_or(attempt.marks.len(), |q| q.key_points.len()),
            );
            if let Some(rating) = attempt.rating {
                let index = Rating::ALL.iter().position(|r| *r == rating).unwrap_or(0);
                summary.ratings[index] += 1;
            }
        }
        summary
    }

    /// Share of key points covered, in whole percent.
    pub fn score(&self) -> u32 {
        if self.key_points == 0 {
            return 0;
        }
        let covered = self.covered.min(self.key_points) as u128;
        let points = self.key_points as u128;
        ((covered * 100 + points / 2) / points).min(100) as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interview::setup::Setup;

    #[test]
    fn totals_and_score() {
        let mut i = Interview::new(
            "s".into(),
            Setup::default(),
            &["dba-raid", "dba-indexes"],
            0,
        );
        i.type_answer("RAID 10", 10_000);
        i.done(10_000);
        i.rate(Rating::Hard, 0);
        i.next(10_000);
        i.skip(15_000);
        let s = Summary::of(&i);
        let raid = crate::content::question("dba-raid").unwrap();
        let indexes = crate::content::question("dba-indexes").unwrap();
        assert_eq!(
            (s.questions, s.answered, s.skipped, s.time_up),
            (2, 1, 1, 0)
        );
        assert_eq!(
            s.key_points,
            raid.key_points.len() + indexes.key_points.len()
        );
        assert_eq!(s.covered, 1);
        assert_eq!(s.used_ms, 15_000);
        assert_eq!(s.ratings, [0, 1, 0, 0]);
        assert_eq!(
            s.score(),
            (100 + s.key_points as u32 / 2) / s.key_points as u32
        );
    }

    #[test]
    fn hostile_stored_numbers_neither_wrap_nor_pass_100_percent() {
        let mut i = Interview::new(
            "h".into(),
            Setup::default(),
            &["dba-raid", "dba-indexes"],
            0,
        );
        // Stored marks that outnumber the question's key points.
        i.attempts[0].marks = vec![true; 50];
        i.attempts[0].ending = Some(Ending::Done);
        // Times near the top of the range.
        i.attempts[0].allowed_ms = Millis::MAX;
        i.attempts[1].allowed_ms = Millis::MAX;
        i.attempts[1].clock.banked = Millis::MAX - 1;
        i.completed_at = Some(Millis::MAX);
        let s = Summary::of(&i);
        let raid = crate::content::question("dba-raid").unwrap();
        assert_eq!(s.covered, raid.key_points.len());
        assert!(s.score() <= 100);
        assert_eq!(s.allowed_ms, Millis::MAX);
        assert_eq!(s.used_ms, Millis::MAX);
        let absurd = Summary {
            covered: usize::MAX,
            key_points: 3,
            ..s.clone()
        };
        assert_eq!(absurd.score(), 100);
        let huge = Summary {
            covered: usize::MAX / 2,
            key_points: usize::MAX,
            ..s
        };
        assert_eq!(huge.score(), 50);
    }
}
