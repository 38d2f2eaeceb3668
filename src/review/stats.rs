//! Statistics over the reader's practice, aggregated without the browser: readiness and its
//! trend as the reader practises, the practice calendar, interview scores over time, the
//! weakest questions, and how often the reader corrected the device's marking of key points.
//! The views draw them (SVG) and give each a table as its text alternative. What readiness and
//! weakest mean is written out in docs/statistics.md.

// Two orders here are by floats, which the app's sort (`crate::sorting`) does not take; only the
// statistics page's piece of the wasm holds this module, not the start page's (clippy.toml).
#![allow(clippy::disallowed_methods)]

use super::day::local_day;
use super::event::{Points, ReviewEvent};
use super::memory::{self, MemoryState};
use super::ready::{self, readiness_of, Goal};
use crate::content::{Question, QUESTIONS};
use crate::interview::{Interview, Rating};
use crate::sorted::SortedMap;

/// Days the calendar covers, today included.
pub const CALENDAR_DAYS: usize = 365;
/// Days with practice the readiness trend shows, the latest.
pub const TREND_DAYS: usize = 30;

/// Readiness at the goal as it stood at the end of a day the reader practised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TrendPoint {
    /// Local day number (`day::local_day`).
    pub day: i64,
    /// Questions ready at the goal with the practice up to the end of that day.
    pub ready: usize,
}

/// Readiness at the goal after each of the last `TREND_DAYS` days with ratings, oldest first:
/// every rating up to the end of the day replayed, as `memory::replay` does, and judged by
/// `ready::is_ready` at the same goal.
pub fn trend_in(
    questions: &[Question],
    events: &[ReviewEvent],
    goal: &Goal,
    utc_offset_minutes: i32,
) -> Vec<TrendPoint> {
    let mut events: Vec<&ReviewEvent> = events.iter().collect();
    // The order `memory::replay` folds each question's ratings in.
    crate::sorting::by_key(&mut events, |e| u64::from(memory::rating_order(e.rating)));
    crate::sorting::by_key(&mut events, |e| e.at);
    let mut states: SortedMap<String, MemoryState> = SortedMap::new();
    let mut points: Vec<TrendPoint> = Vec::new();
    for (i, event) in events.iter().enumerate() {
        let next = memory::review(
            states.get(&event.question),
            event.rating,
            event.points,
            event.at,
        );
        states.insert(event.question.clone(), next);
        let day = local_day(event.at, utc_offset_minutes);
        let last_of_day = events
            .get(i + 1)
            .is_none_or(|e| local_day(e.at, utc_offset_minutes) != day);
        if last_of_day {
            let ready = readiness_of(questions, &states, goal).ready;
            points.push(TrendPoint { day, ready });
        }
    }
    let skip = points.len().saturating_sub(TREND_DAYS);
    points.split_off(skip)
}

pub fn trend(events: &[ReviewEvent], goal: &Goal, utc_offset_minutes: i32) -> Vec<TrendPoint> {
    trend_in(QUESTIONS, events, goal, utc_offset_minutes)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CalendarDay {
    /// Local day number (see `local_day`).
    pub day: i64,
    pub ratings: u32,
}

/// Ratings per local day for the last `CALENDAR_DAYS` days, oldest first, today last; days
/// without practice are there with 0, ratings outside the window are left out.
pub fn calendar(events: &[ReviewEvent], now_ms: u64, utc_offset_minutes: i32) -> Vec<CalendarDay> {
    let today = local_day(now_ms, utc_offset_minutes);
    let first = today - (CALENDAR_DAYS as i64 - 1);
    let mut days: Vec<CalendarDay> = (first..=today)
        .map(|day| CalendarDay { day, ratings: 0 })
        .collect();
    for event in events {
        let day = local_day(event.at, utc_offset_minutes);
        if (first..=today).contains(&day) {
            days[(day - first) as usize].ratings += 1;
        }
    }
    days
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScorePoint {
    pub completed_ms: u64,
    /// 0 to 100.
    pub percent: f64,
}

/// Interview scores `(completed epoch ms, score percent)` in time order, each clamped to 0–100;
/// scores that are not numbers are left out.
pub fn scores_over_time(scores: &[(u64, f64)]) -> Vec<ScorePoint> {
    let mut points: Vec<ScorePoint> = scores
        .iter()
        .filter(|(_, p)| p.is_finite())
        .map(|&(completed_ms, p)| ScorePoint {
            completed_ms,
            percent: p.clamp(0.0, 100.0),
        })
        .collect();
    points.sort_by(|a, b| {
        (a.completed_ms, a.percent)
            .partial_cmp(&(b.completed_ms, b.percent))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    points
}

#[derive(Debug, Clone, PartialEq)]
pub struct WeakQuestion {
    pub id: &'static str,
    /// Predicted recall at the goal.
    pub recall: f64,
    pub last_rating: Option<Rating>,
    /// Ratings Again, and Hard.
    pub again: u32,
    pub hard: u32,
    /// The latest marked answer's key points.
    pub latest: Option<Points>,
}

/// How urgent the latest evidence is: last rated Again, then Hard, then rated Good or Easy but
/// with a latest answer that missed most key points (or none marked), then only fading.
fn standing(state: &MemoryState) -> u8 {
    match state.last_rating {
        Some(Rating::Again) => 0,
        Some(Rating::Hard) => 1,
        _ if !state.answers.latest().is_some_and(|p| p.most()) => 2,
        _ => 3,
    }
}

/// The `limit` weakest questions: practised, still in the bank, and not ready at the goal.
/// Ordered by evidence: `standing` first (so a question just answered well is never above one
/// just failed), then more Again ratings, more Hard ratings, more of the key points missed in
/// the latest three marked answers (as a share), lower recall at the goal, guide order.
pub fn weakest_in(
    questions: &[Question],
    memory: &SortedMap<String, MemoryState>,
    goal: &Goal,
    limit: usize,
) -> Vec<WeakQuestion> {
    let mut weak: Vec<(usize, &MemoryState, f64)> = questions
        .iter()
        .enumerate()
        .filter_map(|(index, q)| {
            let state = memory.get(q.id)?;
            (!ready::is_ready(state, goal)).then(|| (index, state, ready::recall(state, goal)))
        })
        .collect();
    let missed = |state: &MemoryState| {
        let (missed, of) = state.answers.missed();
        // In thousandths, so shares compare exactly.
        (missed * 1_000).checked_div(of).unwrap_or(0)
    };
    weak.sort_by(|(ia, a, ra), (ib, b, rb)| {
        standing(a)
            .cmp(&standing(b))
            .then(b.again.cmp(&a.again))
            .then(b.hard.cmp(&a.hard))
            .then(missed(b).cmp(&missed(a)))
            .then(ra.total_cmp(rb))
            .then(ia.cmp(ib))
    });
    weak.into_iter()
        .take(limit)
        .map(|(index, state, recall)| WeakQuestion {
            id: questions[index].id,
            recall,
            last_rating: state.last_rating,
            again: state.again,
            hard: state.hard,
            latest: state.answers.latest(),
        })
        .collect()
}

pub fn weakest(
    memory: &SortedMap<String, MemoryState>,
    goal: &Goal,
    limit: usize,
) -> Vec<WeakQuestion> {
    weakest_in(QUESTIONS, memory, goal, limit)
}

/// Key-point marks the device made on typed answers, and how many of them the reader changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Corrections {
    pub checked: usize,
    pub changed: usize,
}

impl Corrections {
    pub fn percent(&self) -> f64 {
        if self.checked == 0 {
            return 0.0;
        }
        100.0 * self.changed as f64 / self.checked as f64
    }
}

pub fn corrections<'a>(interviews: impl IntoIterator<Item = &'a Interview>) -> Corrections {
    interviews.into_iter().map(Interview::corrections).fold(
        Corrections::default(),
        |total, (checked, changed)| Corrections {
            checked: total.checked.saturating_add(checked),
            changed: total.changed.saturating_add(changed),
        },
    )
}

/// Pace and fillers of one interview's recorded answers, pooled over their speaking time.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DeliveryPoint {
    pub completed_ms: u64,
    /// Recorded answers it pools.
    pub answers: usize,
    pub words_per_minute: u32,
    pub fillers_per_minute: f64,
}

/// Words per minute and filler words per minute of each completed interview with recorded
/// answers, in time order: every recorded answer's words and fillers over their speaking time
/// together. Interviews with less than ten seconds of speech are left out (no pace to judge).
pub fn delivery_over_time<'a>(
    interviews: impl IntoIterator<Item = &'a Interview>,
) -> Vec<DeliveryPoint> {
    let mut points: Vec<DeliveryPoint> = interviews
        .into_iter()
        .filter_map(|i| {
            let completed_ms = i.completed_at?;
            let (answers, words, fillers, ms) = i
                .attempts
                .iter()
                .filter_map(|a| a.delivery())
                .fold((0usize, 0usize, 0usize, 0u64), |(n, w, f, ms), d| {
                    (
                        n + 1,
                        w.saturating_add(d.words),
                        f.saturating_add(d.fillers.total()),
                        ms.saturating_add(d.speaking_ms),
                    )
                });
            (ms >= 10_000 && words > 0).then(|| {
                let minutes = ms as f64 / 60_000.0;
                DeliveryPoint {
                    completed_ms,
                    answers,
                    words_per_minute: (words as f64 / minutes).round() as u32,
                    fillers_per_minute: (fillers as f64 / minutes * 10.0).round() / 10.0,
                }
            })
        })
        .collect();
    crate::sorting::by_key(&mut points, |p| p.completed_ms);
    points
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::day::parse_day;
    use crate::review::memory::{replay, Rated};
    use crate::review::DAY_MS;
    use Rating::*;

    const NOW: u64 = 1_700_000_000_000;

    fn q(i: usize) -> &'static str {
        QUESTIONS[i].id
    }

    fn state(ratings: &[(u64, Rating, u8)]) -> MemoryState {
        replay(
            ratings
                .iter()
                .map(|&(at, r, covered)| -> Rated { (at, r, Some(Points(covered, 5))) }),
        )
        .unwrap()
    }

    fn ids(weak: &[WeakQuestion]) -> Vec<&'static str> {
        weak.iter().map(|w| w.id).collect()
    }

    /// The scenario of a first interview answered badly: five questions, four rated Hard and
    /// one Good, with 1 of 24 key points covered in all.
    #[test]
    fn after_one_bad_interview_nothing_is_ready_and_the_hard_ones_are_weakest() {
        let goal = Goal::new(None, NOW, 0);
        let mut memory = SortedMap::new();
        for (i, (rating, covered)) in [(Hard, 0), (Hard, 1), (Good, 0), (Hard, 0), (Hard, 0)]
            .into_iter()
            .enumerate()
        {
            let at = NOW - 600_000 + i as u64 * 60_000;
            memory.insert(q(i).to_string(), state(&[(at, rating, covered)]));
        }
        assert_eq!(readiness_of(QUESTIONS, &memory, &goal).ready, 0);
        let weak = weakest(&memory, &goal, 5);
        // The Hard ones first (more key points missed first), the Good one with 0 of 5 last;
        // none shows a recall of 100% a week ahead.
        assert_eq!(ids(&weak), [q(0), q(3), q(4), q(1), q(2)]);
        assert!(weak.iter().all(|w| w.recall < 0.9), "{weak:?}");
        assert_eq!(weak[4].last_rating, Some(Good));
        assert_eq!(weak[3].latest, Some(Points(1, 5)));
    }

    #[test]
    fn weakest_orders_by_evidence_and_never_puts_a_question_just_got_right_first() {
        let goal = Goal::new(parse_day("2023-11-27"), NOW, 0);
        let mut memory = SortedMap::new();
        // Just got right, after two lapses long ago: but barely learnt, so fading by the 27th.
        memory.insert(
            q(0).to_string(),
            state(&[
                (NOW - 30 * DAY_MS, Again, 0),
                (NOW - 20 * DAY_MS, Again, 1),
                (NOW, Good, 5),
            ]),
        );
        // Rated Good with 1 of 5 key points.
        memory.insert(q(1).to_string(), state(&[(NOW - DAY_MS, Good, 1)]));
        // Rated Hard yesterday, once.
        memory.insert(q(2).to_string(), state(&[(NOW - DAY_MS, Hard, 4)]));
        // Failed just now.
        memory.insert(q(3).to_string(), state(&[(NOW - 3_600_000, Again, 0)]));
        // Hard, twice.
        memory.insert(
            q(4).to_string(),
            state(&[(NOW - 5 * DAY_MS, Hard, 3), (NOW - 2 * DAY_MS, Hard, 3)]),
        );
        // Ready for the 27th: not weak at all.
        memory.insert(
            q(5).to_string(),
            state(&[
                (NOW - 60 * DAY_MS, Good, 5),
                (NOW - 40 * DAY_MS, Good, 5),
                (NOW - 9 * DAY_MS, Good, 5),
            ]),
        );
        assert!(ready::is_ready(&memory[q(5)], &goal));
        let weak = weakest(&memory, &goal, 10);
        assert_eq!(ids(&weak), [q(3), q(4), q(2), q(1), q(0)]);
        assert_eq!((weak[1].hard, weak[4].again), (2, 2));
        assert_eq!(ids(&weakest(&memory, &goal, 2)), [q(3), q(4)]);
    }

    #[test]
    fn a_clock_set_back_leaves_the_evidence_as_it_is() {
        // Rated "tomorrow", the clock since set back: a question answered well then is ready for
        // an interview the day after, and one failed then is the weakest.
        let goal = Goal::new(parse_day("2023-11-16"), NOW, 0);
        let mut memory = SortedMap::new();
        memory.insert(q(0).to_string(), state(&[(NOW + DAY_MS, Good, 5)]));
        memory.insert(q(1).to_string(), state(&[(NOW + DAY_MS, Again, 1)]));
        memory.insert(q(2).to_string(), state(&[(NOW - DAY_MS, Hard, 3)]));
        assert!(ready::is_ready(&memory[q(0)], &goal));
        assert_eq!(ids(&weakest(&memory, &goal, 5)), [q(1), q(2)]);
        assert_eq!(readiness_of(QUESTIONS, &memory, &goal).ready, 1);
    }

    #[test]
    fn a_question_never_practised_is_not_weak() {
        let goal = Goal::new(None, NOW, 0);
        assert!(weakest(&SortedMap::new(), &goal, 5).is_empty());
        let mut memory = SortedMap::new();
        memory.insert(q(7).to_string(), state(&[(NOW, Again, 0)]));
        memory.insert("gone".to_string(), state(&[(NOW, Again, 0)]));
        assert_eq!(ids(&weakest(&memory, &goal, 5)), [q(7)]);
    }

    #[test]
    fn the_trend_is_readiness_at_the_goal_after_each_day_practised() {
        // The reader is in UTC; NOW is 2023-11-14 22:13:20.
        let goal = Goal::new(parse_day("2023-11-24"), NOW, 0);
        let good = |at: u64, question: &str| {
            ReviewEvent::new(at, question, Good).with_points(Some(Points(5, 5)))
        };
        let mut events = vec![
            good(NOW - 30 * DAY_MS, q(0)),
            good(NOW - 30 * DAY_MS + 1, q(1)),
            good(NOW - 25 * DAY_MS, q(0)),
            good(NOW - 25 * DAY_MS, q(1)),
            good(NOW - 5 * DAY_MS, q(0)),
            good(NOW - 5 * DAY_MS, q(1)),
            // The same day, later: q(1) failed.
            ReviewEvent::new(NOW - 5 * DAY_MS + 60_000, q(1), Again),
        ];
        events.reverse();
        let points = trend(&events, &goal, 0);
        let days: Vec<_> = points.iter().map(|p| p.day - local_day(NOW, 0)).collect();
        assert_eq!(days, [-30, -25, -5]);
        let ready: Vec<_> = points.iter().map(|p| p.ready).collect();
        assert_eq!(ready, [0, 0, 1]);
        // The last point is today's readiness.
        let memory = crate::transfer::export::replay_all(&events);
        assert_eq!(
            points[2].ready,
            readiness_of(QUESTIONS, &memory, &goal).ready
        );
        // Only the latest days.
        let many: Vec<_> = (0..40).map(|d| good(NOW - d * DAY_MS, q(0))).collect();
        let points = trend(&many, &goal, 0);
        assert_eq!(points.len(), TREND_DAYS);
        assert_eq!(points.last().unwrap().day, local_day(NOW, 0));
        assert!(trend(&[], &goal, 0).is_empty());
    }

    #[test]
    fn calendar_counts_ratings_per_local_day() {
        // 2023-11-14 22:13:20 UTC.
        let q = "dba-raid";
        let events = [
            ReviewEvent::new(NOW, q, Rating::Good),
            ReviewEvent::new(NOW - 3_600_000, q, Rating::Again),
            ReviewEvent::new(NOW - DAY_MS, q, Rating::Hard),
            ReviewEvent::new(NOW - 364 * DAY_MS, q, Rating::Easy),
            ReviewEvent::new(NOW - 365 * DAY_MS, q, Rating::Easy),
            ReviewEvent::new(NOW + DAY_MS, q, Rating::Easy),
        ];
        let days = calendar(&events, NOW, 0);
        assert_eq!(days.len(), CALENDAR_DAYS);
        assert_eq!(days.last().unwrap().day, local_day(NOW, 0));
        assert_eq!(days[364].ratings, 2);
        assert_eq!(days[363].ratings, 1);
        assert_eq!(days[0].ratings, 1);
        assert_eq!(days.iter().map(|d| d.ratings).sum::<u32>(), 4);
        // Two hours east it is 00:13 on the 15th: the rating an hour ago was yesterday.
        let east = calendar(&events, NOW, 120);
        assert_eq!(east[364].ratings, 1);
        assert_eq!(east[363].ratings, 2);
    }

    #[test]
    fn scores_are_sorted_and_clamped() {
        let points = scores_over_time(&[(30, 80.0), (10, 120.0), (20, f64::NAN), (20, -5.0)]);
        let pairs: Vec<_> = points.iter().map(|p| (p.completed_ms, p.percent)).collect();
        assert_eq!(pairs, [(10, 100.0), (20, 0.0), (30, 80.0)]);
    }

    #[test]
    fn delivery_over_time_pools_each_interviews_recorded_answers() {
        use crate::interview::delivery::Audio;
        use crate::interview::{AnswerMode, Setup};
        let setup = Setup {
            mode: AnswerMode::Speak,
            ..Setup::default()
        };
        let spoken = |id: &str, start: u64, words: usize, fillers: &str| {
            let mut i = Interview::new(id.into(), setup.clone(), &["dba-raid", "ops-cdn"], start);
            i.set_transcript(0, &format!("{fillers} {}", "word ".repeat(words)));
            i.recorded(
                0,
                Audio {
                    duration_ms: 30_000,
                    ..Audio::default()
                },
            );
            i.done(start + 30_000);
            i.rate(crate::interview::Rating::Good, start + 31_000);
            i.next(start + 31_000);
            i.recorded(
                1,
                Audio {
                    duration_ms: 30_000,
                    ..Audio::default()
                },
            );
            i.done(start + 60_000);
            i.rate(crate::interview::Rating::Good, start + 61_000);
            i.next(start + 61_000);
            i
        };
        let later = spoken("b", NOW, 120, "");
        let earlier = spoken("a", NOW - 86_400_000, 148, "Um, uh,");
        let typed = Interview::new("c".into(), Setup::default(), &["dba-raid"], NOW);
        let points = delivery_over_time([&later, &typed, &earlier]);
        assert_eq!(points.len(), 2);
        // 150 words (two of them fillers) over a minute of two answers, one silent.
        assert_eq!(points[0].completed_ms, NOW - 86_400_000 + 61_000);
        assert_eq!((points[0].answers, points[0].words_per_minute), (2, 150));
        assert_eq!(points[0].fillers_per_minute, 2.0);
        assert_eq!(
            (points[1].words_per_minute, points[1].fillers_per_minute),
            (120, 0.0)
        );
    }
}
