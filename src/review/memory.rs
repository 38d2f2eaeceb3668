//! The per-question memory model: FSRS-6 with its default parameters (`super::fsrs`). Every
//! rating, from an interview or a review, moves a question's state; the state says when the
//! question is due and how likely it is to be recalled, and keeps the evidence readiness and
//! the weakest questions are judged on (the latest rating, how many were Again or Hard, the
//! key points of the latest answers).

use super::event::Points;
use super::fsrs::{self, Memory};
use super::DAY_MS;
use crate::interview::Rating;
use serde::{Deserialize, Serialize};

/// The recall probability the schedule aims for when a question comes due.
pub const DESIRED_RETENTION: f32 = 0.9;
/// No interval is longer than this (about ten years).
pub const MAX_INTERVAL_DAYS: f32 = 3_650.0;
/// A question rated Again comes back after the interval FSRS gives (a few hours), never sooner.
pub const MIN_RELEARN_MS: u64 = 10 * 60 * 1_000;

/// What is stored per question.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct MemoryState {
    /// Days after which recall falls to 90%.
    pub stability: f32,
    /// 1 (easy) to 10 (hard).
    pub difficulty: f32,
    /// Epoch milliseconds of the latest rating.
    pub last_review: u64,
    /// Epoch milliseconds when the question is next due.
    pub due: u64,
    /// How many times it was rated.
    pub reps: u32,
    /// How many times it was rated Again after its first rating.
    pub lapses: u32,
    /// The latest rating. `None` only in states stored before it was kept: a memory cache
    /// replays them (`cache::plausible`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_rating: Option<Rating>,
    /// Ratings Again, the first one included.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub again: u32,
    /// Ratings Hard.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub hard: u32,
    /// The key points of the latest marked answers.
    #[serde(default, skip_serializing_if = "Answers::is_empty")]
    pub answers: Answers,
}

/// A blank state for tests to fill in.
#[cfg(test)]
impl Default for MemoryState {
    fn default() -> Self {
        MemoryState {
            stability: 1.0,
            difficulty: 5.0,
            last_review: 0,
            due: 0,
            reps: 1,
            lapses: 0,
            last_rating: None,
            again: 0,
            hard: 0,
            answers: Answers::default(),
        }
    }
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// The key points of the latest three marked answers, newest first (`Points(0, 0)` where
/// there are fewer).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answers([Points; 3]);

impl Answers {
    fn is_empty(&self) -> bool {
        self.latest().is_none()
    }

    /// The latest marked answer's key points.
    pub fn latest(&self) -> Option<Points> {
        self.iter().next()
    }

    /// Newest first.
    pub fn iter(&self) -> impl Iterator<Item = Points> + '_ {
        self.0.iter().copied().filter(|p| p.of() > 0)
    }

    /// Key points missed over these answers, and how many they were asked for.
    pub fn missed(&self) -> (u32, u32) {
        self.iter().fold((0, 0), |(missed, of), p| {
            (missed + u32::from(p.missed()), of + u32::from(p.of()))
        })
    }

    /// With a newer answer's points first (unchanged when it marked nothing).
    fn after(self, points: Option<Points>) -> Answers {
        match points.filter(|p| p.of() > 0) {
            Some(p) => Answers([p, self.0[0], self.0[1]]),
            None => self,
        }
    }

    #[cfg(test)]
    pub fn of(points: &[Points]) -> Answers {
        let mut answers = Answers::default();
        for p in points.iter().rev() {
            answers = answers.after(Some(*p));
        }
        answers
    }
}

/// Whole days between two instants (24-hour periods; 0 if the clock went backwards).
fn days_between(from_ms: u64, to_ms: u64) -> u32 {
    u32::try_from(to_ms.saturating_sub(from_ms) / DAY_MS).unwrap_or(u32::MAX)
}

fn fsrs_state(state: &MemoryState) -> Option<Memory> {
    let usable = state.stability.is_finite()
        && state.stability > 0.0
        && state.difficulty.is_finite()
        && state.difficulty > 0.0;
    usable.then_some(Memory {
        stability: state.stability,
        difficulty: state.difficulty,
    })
}

/// The state after rating the question at `now_ms` (`state` is `None` when it was never
/// rated), with the key points of the answer rated, if it was marked. A stored state that
/// cannot be used (a damaged import) starts the question afresh, counts kept.
pub fn review(
    state: Option<&MemoryState>,
    rating: Rating,
    points: Option<Points>,
    now_ms: u64,
) -> MemoryState {
    let previous = state.and_then(fsrs_state);
    let days = state.map_or(0, |s| days_between(s.last_review, now_ms));
    let next = fsrs::next_states(previous, DESIRED_RETENTION, days)
        .or_else(|| fsrs::next_states(None, DESIRED_RETENTION, 0));
    let (memory, interval) = match next {
        Some(next) => {
            let item = next[usize::from(rating_order(rating)) - 1];
            (item.memory, item.interval)
        }
        // Unreachable with the default parameters; keeps the promise never to panic.
        None => (
            Memory {
                stability: 1.0,
                difficulty: 5.0,
            },
            1.0,
        ),
    };
    let due = now_ms.saturating_add(interval_ms(interval, rating));
    let reps = state.map_or(0, |s| s.reps).saturating_add(1);
    let lapses =
        state.map_or(0, |s| s.lapses) + u32::from(state.is_some() && rating == Rating::Again);
    let count = |n: Option<u32>, of: Rating| n.unwrap_or(0).saturating_add(u32::from(rating == of));
    MemoryState {
        stability: memory.stability,
        difficulty: memory.difficulty,
        last_review: now_ms,
        due,
        reps,
        lapses,
        last_rating: Some(rating),
        again: count(state.map(|s| s.again), Rating::Again),
        hard: count(state.map(|s| s.hard), Rating::Hard),
        answers: state
            .map_or_else(Answers::default, |s| s.answers)
            .after(points),
    }
}

/// Again: the sub-day interval FSRS gives, so the question comes back the same day. Otherwise
/// whole days, at least one, as Anki rounds them.
fn interval_ms(interval_days: f32, rating: Rating) -> u64 {
    let days = if interval_days.is_finite() {
        interval_days.clamp(0.0, MAX_INTERVAL_DAYS)
    } else {
        1.0
    };
    if rating == Rating::Again {
        ((f64::from(days) * DAY_MS as f64) as u64).max(MIN_RELEARN_MS)
    } else {
        days.round().max(1.0) as u64 * DAY_MS
    }
}

/// Predicted probability of recalling the question at `now_ms` (1.0 right after a rating).
pub fn retrievability(state: &MemoryState, now_ms: u64) -> f64 {
    let Some(memory) = fsrs_state(state) else {
        return 0.0;
    };
    let days = now_ms.saturating_sub(state.last_review) as f64 / DAY_MS as f64;
    let r = fsrs::current_retrievability(memory, days as f32);
    if r.is_finite() {
        f64::from(r.clamp(0.0, 1.0))
    } else {
        0.0
    }
}

pub fn is_due(state: &MemoryState, now_ms: u64) -> bool {
    state.due <= now_ms
}

/// One rating as the memory model takes it: when, which, and the rated answer's key points.
pub type Rated = (u64, Rating, Option<Points>);

/// Replays ratings in time order into a state; `None` when there are none.
pub fn replay<I>(ratings: I) -> Option<MemoryState>
where
    I: IntoIterator<Item = Rated>,
{
    let mut ratings: Vec<_> = ratings.into_iter().collect();
    in_replay_order(&mut ratings);
    ratings
        .into_iter()
        .fold(None, |state, (at, rating, points)| {
            Some(review(state.as_ref(), rating, points, at))
        })
}

/// Puts ratings in the order `replay` folds them in: by time, then by rating. By rating first,
/// then by time, both stable (`sorting`, which keeps a single sort in the wasm).
pub(crate) fn in_replay_order(ratings: &mut Vec<Rated>) {
    crate::sorting::by_key(ratings, |&(_, rating, _)| u64::from(rating_order(rating)));
    crate::sorting::by_key(ratings, |&(at, _, _)| at);
}

/// A fixed order of ratings, for deterministic sorting.
pub(crate) fn rating_order(rating: Rating) -> u8 {
    match rating {
        Rating::Again => 1,
        Rating::Hard => 2,
        Rating::Good => 3,
        Rating::Easy => 4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const T0: u64 = 1_700_000_000_000;

    fn close(actual: f32, expected: f32) {
        assert!(
            (actual - expected).abs() < 1e-4,
            "{actual} is not {expected}"
        );
    }

    #[test]
    fn replay_order_is_by_time_then_by_rating() {
        use Rating::*;
        let mut ratings = vec![
            (T0 + 5, Good, None),
            (T0, Easy, None),
            (T0 + 5, Again, Some(Points(1, 2))),
            (T0, Hard, None),
            (T0, Easy, None),
        ];
        in_replay_order(&mut ratings);
        assert_eq!(
            ratings,
            [
                (T0, Hard, None),
                (T0, Easy, None),
                (T0, Easy, None),
                (T0 + 5, Again, Some(Points(1, 2))),
                (T0 + 5, Good, None)
            ]
        );
    }

    /// fsrs 6.6.2, the doc test of `FSRS::next_states` (src/inference.rs): a new card with the
    /// default parameters.
    #[test]
    fn first_rating_matches_the_crates_next_states_doc_test() {
        let expected = [
            (Rating::Again, 0.212, 6.4133),
            (Rating::Hard, 1.2931, 5.1121707),
            (Rating::Good, 2.3065, 2.118104),
            (Rating::Easy, 8.2956, 1.0),
        ];
        for (rating, stability, difficulty) in expected {
            let state = review(None, rating, None, T0);
            close(state.stability, stability);
            close(state.difficulty, difficulty);
            assert_eq!((state.reps, state.lapses, state.last_review), (1, 0, T0));
        }
        // Good: 2.3065 days rounds to 2; Easy: 8.2956 to 8; Again: 0.212 days (about 5 hours).
        assert_eq!(review(None, Rating::Good, None, T0).due, T0 + 2 * DAY_MS);
        assert_eq!(review(None, Rating::Easy, None, T0).due, T0 + 8 * DAY_MS);
        assert_eq!(
            review(None, Rating::Again, None, T0).due,
            T0 + (0.212f32 as f64 * DAY_MS as f64) as u64
        );
    }

    /// fsrs 6.6.2, `inference::tests::test_memory_state` with `DEFAULT_PARAMETERS`: ratings
    /// Again, Good, Good, Good, Good, Good after 0, 0, 1, 3, 8, 21 days give stability 53.62691
    /// and difficulty 6.3574867.
    #[test]
    fn a_review_history_matches_the_crates_test_memory_state() {
        let ratings = [1, 3, 3, 3, 3, 3].map(|r| Rating::ALL[r - 1]);
        let intervals = [0, 0, 1, 3, 8, 21];
        let mut now = T0;
        let mut state: Option<MemoryState> = None;
        for (rating, days) in ratings.into_iter().zip(intervals) {
            now += days * DAY_MS;
            state = Some(review(state.as_ref(), rating, None, now));
        }
        let state = state.unwrap();
        close(state.stability, 53.62691);
        close(state.difficulty, 6.3574867);
        assert_eq!((state.reps, state.lapses), (6, 0));
        // 53.6 days at 90% retention.
        assert_eq!(state.due, now + 54 * DAY_MS);
    }

    /// Recall is 90% after `stability` days: the definition the crate's
    /// `inference::tests::test_next_interval` relies on (stability 1 at 90% gives 1 day).
    #[test]
    fn retrievability_follows_the_crates_forgetting_curve() {
        let state = MemoryState {
            stability: 1.0,
            difficulty: 5.0,
            last_review: T0,
            due: T0 + DAY_MS,
            reps: 1,
            lapses: 0,
            ..MemoryState::default()
        };
        assert_eq!(retrievability(&state, T0), 1.0);
        assert!((retrievability(&state, T0 + DAY_MS) - 0.9).abs() < 1e-5);
        assert!(retrievability(&state, T0 + 10 * DAY_MS) < 0.9);
        // A clock before the last review counts as no time elapsed.
        assert_eq!(retrievability(&state, T0 - DAY_MS), 1.0);
        assert!(!is_due(&state, T0 + DAY_MS - 1));
        assert!(is_due(&state, T0 + DAY_MS));
    }

    #[test]
    fn again_after_the_first_rating_is_a_lapse_and_comes_back_the_same_day() {
        let first = review(None, Rating::Good, None, T0);
        let later = T0 + 2 * DAY_MS;
        let again = review(Some(&first), Rating::Again, None, later);
        assert_eq!((again.reps, again.lapses), (2, 1));
        assert!(again.due > later && again.due < later + DAY_MS);
        assert!(again.stability < first.stability);
    }

    #[test]
    fn a_damaged_state_starts_afresh_without_panicking() {
        let damaged = MemoryState {
            stability: f32::NAN,
            difficulty: -3.0,
            last_review: u64::MAX,
            due: 0,
            reps: u32::MAX,
            lapses: 7,
            ..MemoryState::default()
        };
        let state = review(Some(&damaged), Rating::Good, None, T0);
        close(state.stability, 2.3065);
        assert_eq!((state.reps, state.lapses), (u32::MAX, 7));
        assert_eq!(retrievability(&damaged, T0), 0.0);
    }

    #[test]
    fn replay_sorts_by_time() {
        let a = replay([(T0 + DAY_MS, Rating::Good, None), (T0, Rating::Again, None)]);
        let b = replay([(T0, Rating::Again, None), (T0 + DAY_MS, Rating::Good, None)]);
        assert_eq!(a, b);
        assert_eq!(replay([]), None);
    }

    #[test]
    fn the_state_keeps_the_evidence_of_its_ratings_and_answers() {
        use Rating::*;
        let state = replay([
            (T0, Again, Some(Points(0, 5))),
            (T0 + 1, Hard, None),
            (T0 + DAY_MS, Again, Some(Points(1, 5))),
            (T0 + 2 * DAY_MS, Good, Some(Points(4, 5))),
            (T0 + 3 * DAY_MS, Hard, Some(Points(2, 5))),
            (T0 + 4 * DAY_MS, Good, None),
        ])
        .unwrap();
        assert_eq!(state.last_rating, Some(Good));
        // Every Again counts; a lapse is an Again after the first rating.
        assert_eq!((state.again, state.hard, state.lapses), (2, 2, 1));
        // The latest three marked answers, newest first; an unmarked one changes nothing.
        assert_eq!(
            state.answers.iter().collect::<Vec<_>>(),
            [Points(2, 5), Points(4, 5), Points(1, 5)]
        );
        assert_eq!(state.answers.latest(), Some(Points(2, 5)));
        assert_eq!(state.answers.missed(), (8, 15));
        let fresh = review(None, Good, None, T0);
        assert_eq!(fresh.answers.latest(), None);
        assert_eq!(fresh.answers.missed(), (0, 0));
    }

    #[test]
    fn state_round_trips_through_json() {
        let state = review(None, Rating::Hard, Some(Points(1, 4)), T0);
        let json = serde_json::to_string(&state).unwrap();
        assert!(json.contains(r#""answers":[[1,4],[0,0],[0,0]]"#), "{json}");
        assert_eq!(serde_json::from_str::<MemoryState>(&json).unwrap(), state);
        // A state stored before the evidence was kept reads without it.
        let old =
            r#"{"stability":1.5,"difficulty":5.0,"last_review":7,"due":9,"reps":2,"lapses":1}"#;
        let read: MemoryState = serde_json::from_str(old).unwrap();
        assert_eq!(
            (read.last_rating, read.again, read.answers),
            (None, 0, Answers::default())
        );
    }
}
