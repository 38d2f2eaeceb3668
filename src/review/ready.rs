//! Whether a question is ready for the reader's interview: judged on evidence, on the day that
//! matters. The day is the interview date the reader set, or a week from now when none is set
//! (or it has passed). docs/statistics.md says the same in plain words.

use super::day::{local_day, start_ms};
use super::memory::{retrievability, MemoryState};
use super::DAY_MS;
use crate::content::{Guide, Question};
use crate::interview::Rating;
use crate::sorted::SortedMap;

/// A question is ready when its predicted recall on the day is at least this.
pub const READY_RECALL: f64 = 0.9;
/// Without an interview date, readiness is judged this many days ahead.
pub const DEFAULT_DAYS: u64 = 7;
/// The hour of the interview day recall is predicted for: midday, local time.
const INTERVIEW_HOUR_MS: u64 = 12 * 3_600_000;

/// When readiness is judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Goal {
    /// The instant recall is predicted for (epoch ms).
    pub at_ms: u64,
    /// The reader's interview, when a date is set and it has not passed.
    pub interview: Option<InterviewDay>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InterviewDay {
    /// Local day number (`day::local_day`).
    pub day: i64,
    /// When it begins (epoch ms, local midnight).
    pub start_ms: u64,
    /// Days before it, today included: 0 on the day itself.
    pub days_left: u32,
}

impl Goal {
    /// The goal at `now_ms`: midday of the interview day `date` (or now, later that day), or a
    /// week from now when there is no date or it has passed.
    pub fn new(date: Option<i64>, now_ms: u64, utc_offset_minutes: i32) -> Goal {
        let today = local_day(now_ms, utc_offset_minutes);
        match date.filter(|day| *day >= today) {
            Some(day) => {
                let start = start_ms(day, utc_offset_minutes);
                Goal {
                    at_ms: start.saturating_add(INTERVIEW_HOUR_MS).max(now_ms),
                    interview: Some(InterviewDay {
                        day,
                        start_ms: start,
                        days_left: u32::try_from(day - today).unwrap_or(u32::MAX),
                    }),
                }
            }
            None => Goal {
                at_ms: now_ms.saturating_add(DEFAULT_DAYS * DAY_MS),
                interview: None,
            },
        }
    }
}

/// Predicted recall of a practised question at the goal.
pub fn recall(state: &MemoryState, goal: &Goal) -> f64 {
    retrievability(state, goal.at_ms)
}

/// Ready: last rated Good or Easy, its latest marked answer covered most of its key points,
/// and its predicted recall at the goal is at least `READY_RECALL`.
pub fn is_ready(state: &MemoryState, goal: &Goal) -> bool {
    matches!(state.last_rating, Some(Rating::Good | Rating::Easy))
        && state.answers.latest().is_some_and(|p| p.most())
        && recall(state, goal) >= READY_RECALL
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Readiness {
    pub questions: usize,
    /// Ready at the goal (`is_ready`).
    pub ready: usize,
    pub never_practised: usize,
}

impl Readiness {
    /// Practised but not ready.
    pub fn not_ready(&self) -> usize {
        self.questions - self.ready - self.never_practised
    }

    /// The share in whole percent, rounded down so 100% means every question.
    pub fn percent(&self) -> u32 {
        (self.ready * 100).checked_div(self.questions).unwrap_or(0) as u32
    }

    pub fn add(&mut self, state: Option<&MemoryState>, goal: &Goal) {
        self.questions += 1;
        match state {
            None => self.never_practised += 1,
            Some(state) if is_ready(state, goal) => self.ready += 1,
            Some(_) => {}
        }
    }
}

/// Readiness over questions.
pub fn readiness_of<'a>(
    questions: impl IntoIterator<Item = &'a Question>,
    memory: &SortedMap<String, MemoryState>,
    goal: &Goal,
) -> Readiness {
    let mut readiness = Readiness::default();
    for question in questions {
        readiness.add(memory.get(question.id), goal);
    }
    readiness
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartReadiness {
    pub part: u8,
    pub overall: Readiness,
    /// In the guide's section order: the section's slug and its readiness.
    pub sections: Vec<(&'static str, Readiness)>,
}

/// Readiness of every guide part and section at the goal, in guide order.
pub fn by_part(
    guides: &[Guide],
    questions: &[Question],
    memory: &SortedMap<String, MemoryState>,
    goal: &Goal,
) -> Vec<PartReadiness> {
    guides
        .iter()
        .map(|guide| {
            let mut part = PartReadiness {
                part: guide.part,
                overall: Readiness::default(),
                sections: guide
                    .sections
                    .iter()
                    .map(|s| (s.slug, Readiness::default()))
                    .collect(),
            };
            for question in questions.iter().filter(|q| q.part == guide.part) {
                let state = memory.get(question.id);
                part.overall.add(state, goal);
                if let Some((_, section)) = part.sections.get_mut(question.section) {
                    section.add(state, goal);
                }
            }
            part
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{GUIDES, QUESTIONS};
    use crate::review::day::parse_day;
    use crate::review::event::Points;
    use crate::review::memory::{replay, Rated};
    use Rating::*;

    /// 2026-03-02 09:00 UTC, a Monday; the reader is in UTC.
    const NOW: u64 = 1_772_442_000_000;
    const HOUR: u64 = 3_600_000;

    fn date(text: &str) -> Option<i64> {
        parse_day(text)
    }

    fn history(ratings: &[Rated]) -> MemoryState {
        replay(ratings.iter().copied()).unwrap()
    }

    fn good(at: u64) -> Rated {
        (at, Good, Some(Points(4, 5)))
    }

    #[test]
    fn the_goal_is_midday_of_the_interview_day_or_a_week_ahead() {
        assert_eq!(
            crate::review::day::format_day(local_day(NOW, 0)),
            "2026-03-02"
        );
        let week = Goal::new(None, NOW, 0);
        assert_eq!((week.at_ms, week.interview), (NOW + 7 * DAY_MS, None));

        let friday = Goal::new(date("2026-03-06"), NOW, 0);
        let day = friday.interview.unwrap();
        assert_eq!(day.days_left, 4);
        assert_eq!(day.start_ms, NOW - 9 * HOUR + 4 * DAY_MS);
        assert_eq!(friday.at_ms, day.start_ms + 12 * HOUR);

        // Today, in the morning: midday; in the evening: now.
        let today = Goal::new(date("2026-03-02"), NOW, 0);
        assert_eq!(today.interview.unwrap().days_left, 0);
        assert_eq!(today.at_ms, NOW + 3 * HOUR);
        let evening = Goal::new(date("2026-03-02"), NOW + 10 * HOUR, 0);
        assert_eq!(evening.at_ms, NOW + 10 * HOUR);

        // Passed: as if none were set.
        assert_eq!(Goal::new(date("2026-03-01"), NOW, 0), week);

        // Far away.
        let far = Goal::new(date("2031-03-02"), NOW, 0).interview.unwrap();
        assert_eq!(far.days_left, 1_826);

        // The local day decides: at 09:00 UTC it is still 1 March in Hawaii (UTC-10), where
        // 2 March begins at 10:00 UTC.
        let hawaii = Goal::new(date("2026-03-01"), NOW, -10 * 60)
            .interview
            .unwrap();
        assert_eq!(hawaii.days_left, 0);
        let next = Goal::new(date("2026-03-02"), NOW, -10 * 60)
            .interview
            .unwrap();
        assert_eq!((next.days_left, next.start_ms), (1, NOW + HOUR));
        assert_eq!(Goal::new(date("2026-02-28"), NOW, -10 * 60).interview, None);
    }

    #[test]
    fn a_just_failed_question_is_never_ready() {
        for text in [
            None,
            Some("2026-03-02"),
            Some("2026-03-03"),
            Some("2026-06-01"),
        ] {
            let goal = Goal::new(text.and_then(date), NOW, 0);
            // Well known for months, then failed just now with a perfect answer.
            let mut ratings: Vec<Rated> = (0..8)
                .map(|i| good(NOW - (120 - 15 * i) * DAY_MS))
                .collect();
            ratings.push((NOW, Again, Some(Points(5, 5))));
            let state = history(&ratings);
            assert!(recall(&state, &Goal { at_ms: NOW, ..goal }) == 1.0);
            assert!(!is_ready(&state, &goal), "{text:?}");
            // Hard is not ready either.
            ratings.pop();
            ratings.push((NOW, Hard, Some(Points(5, 5))));
            assert!(!is_ready(&history(&ratings), &goal), "{text:?}");
        }
    }

    #[test]
    fn ready_needs_a_good_rating_most_key_points_and_recall_on_the_day() {
        let goal = Goal::new(date("2026-03-06"), NOW, 0);
        // Learnt over weeks, last rated Good yesterday with 4 of 5 key points.
        let learnt: Vec<Rated> = [40, 30, 18, 1]
            .iter()
            .map(|d| good(NOW - d * DAY_MS))
            .collect();
        let state = history(&learnt);
        assert!(recall(&state, &goal) >= READY_RECALL);
        assert!(is_ready(&state, &goal));

        // The same, but the latest answer covered 2 of 5.
        let mut missed = learnt.clone();
        missed.last_mut().unwrap().2 = Some(Points(2, 5));
        assert!(!is_ready(&history(&missed), &goal));

        // The same, but no answer was ever marked: no evidence.
        let unmarked: Vec<Rated> = learnt.iter().map(|&(at, r, _)| (at, r, None)).collect();
        assert!(!is_ready(&history(&unmarked), &goal));

        // A later rating with nothing marked keeps the latest marked answer's evidence.
        let mut later = learnt.clone();
        later.push((NOW - HOUR, Easy, None));
        assert!(is_ready(&history(&later), &goal));

        // Rated Good once, long ago: recall on the day has fallen.
        let once = history(&[good(NOW - 20 * DAY_MS)]);
        assert!(recall(&once, &goal) < READY_RECALL);
        assert!(!is_ready(&once, &goal));

        // A first Good today lasts to Friday? Stability 2.3 days: not four days.
        let today = history(&[good(NOW)]);
        assert!(!is_ready(&today, &goal));
        assert!(is_ready(&today, &Goal::new(date("2026-03-03"), NOW, 0)));
    }

    #[test]
    fn a_far_date_asks_more_than_a_near_one() {
        let learnt: Vec<Rated> = [40, 30, 18, 1]
            .iter()
            .map(|d| good(NOW - d * DAY_MS))
            .collect();
        let state = history(&learnt);
        let near = Goal::new(date("2026-03-06"), NOW, 0);
        let far = Goal::new(date("2027-03-02"), NOW, 0);
        assert!(is_ready(&state, &near));
        assert!(!is_ready(&state, &far));
        assert!(recall(&state, &far) < recall(&state, &near));
    }

    #[test]
    fn a_clock_set_back_counts_no_time_as_passed() {
        // Rated "tomorrow" by the clock: a Good answer is recalled at a goal before it, an
        // Again still is not ready.
        let goal = Goal::new(None, NOW, 0);
        let ahead = history(&[good(NOW + 8 * DAY_MS)]);
        assert_eq!(recall(&ahead, &goal), 1.0);
        assert!(is_ready(&ahead, &goal));
        let failed = history(&[(NOW + 8 * DAY_MS, Again, Some(Points(0, 5)))]);
        assert!(!is_ready(&failed, &goal));
    }

    #[test]
    fn readiness_counts_ready_and_never_practised_per_part_and_section() {
        let goal = Goal::new(date("2026-03-06"), NOW, 0);
        let part1: Vec<_> = QUESTIONS.iter().filter(|q| q.part == 1).collect();
        let (a, b, c) = (part1[0], part1[1], part1[2]);
        let learnt: Vec<Rated> = [40, 30, 18, 1]
            .iter()
            .map(|d| good(NOW - d * DAY_MS))
            .collect();
        let mut memory = SortedMap::new();
        memory.insert(a.id.to_string(), history(&learnt));
        memory.insert(
            b.id.to_string(),
            history(&[(NOW, Hard, Some(Points(1, 5)))]),
        );
        memory.insert(c.id.to_string(), history(&[good(NOW - 2 * DAY_MS)]));
        memory.insert("gone".into(), history(&learnt));

        let parts = by_part(GUIDES, QUESTIONS, &memory, &goal);
        assert_eq!(parts.iter().map(|p| p.part).collect::<Vec<_>>(), [1, 2, 3]);
        let p1 = &parts[0];
        assert_eq!(p1.overall.questions, part1.len());
        assert_eq!(p1.overall.ready, 1);
        assert_eq!(p1.overall.not_ready(), 2);
        assert_eq!(p1.overall.never_practised, part1.len() - 3);
        let sum: usize = p1.sections.iter().map(|(_, r)| r.questions).sum();
        assert_eq!(sum, part1.len());
        let (slug, section) = p1.sections[a.section];
        assert_eq!(slug, a.section().slug);
        assert!(section.ready >= 1);
        for other in &parts[1..] {
            assert_eq!(other.overall.ready, 0);
            assert_eq!(other.overall.never_practised, other.overall.questions);
            assert_eq!(other.overall.percent(), 0);
        }
        let total: usize = parts.iter().map(|p| p.overall.questions).sum();
        assert_eq!(total, QUESTIONS.len());
        assert_eq!(readiness_of(QUESTIONS, &memory, &goal).ready, 1);
    }

    #[test]
    fn percent_rounds_down() {
        let r = Readiness {
            questions: 3,
            ready: 2,
            never_practised: 1,
        };
        assert_eq!(r.percent(), 66);
        assert_eq!(Readiness::default().percent(), 0);
    }
}
