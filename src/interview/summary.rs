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
            summary.covered += attempt.covered();
            summary.key_points += attempt
                .content()
                .map_or(attempt.marks.len(), |q| q.key_points.len());
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
        ((self.covered * 100 + self.key_points / 2) / self.key_points) as u32
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
}
