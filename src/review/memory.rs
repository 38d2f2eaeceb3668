//! The per-question memory model: FSRS-6 with its default parameters (`super::fsrs`). Every
//! rating, from an interview or a review, moves a question's state; the state says when the
//! question is due and how likely it is to be recalled.

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

/// The state after rating the question at `now_ms`; `None` when it was never rated. A stored
/// state that cannot be used (a damaged import) starts the question afresh, counts kept.
pub fn review(state: Option<&MemoryState>, rating: Rating, now_ms: u64) -> MemoryState {
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
    MemoryState {
        stability: memory.stability,
        difficulty: memory.difficulty,
        last_review: now_ms,
        due,
        reps,
        lapses,
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

/// Replays ratings `(epoch ms, rating)` in time order into a state; `None` when there are none.
pub fn replay<I>(ratings: I) -> Option<MemoryState>
where
    I: IntoIterator<Item = (u64, Rating)>,
{
    let mut ratings: Vec<_> = ratings.into_iter().collect();
    in_replay_order(&mut ratings);
    ratings.into_iter().fold(None, |state, (at, rating)| {
        Some(review(state.as_ref(), rating, at))
    })
}

/// Puts ratings in the order `replay` folds them in: by time, then by rating. By rating first,
/// then by time, both stable (`sorting`, which keeps a single sort in the wasm).
pub(crate) fn in_replay_order(ratings: &mut Vec<(u64, Rating)>) {
    crate::sorting::by_key(ratings, |&(_, rating)| u64::from(rating_order(rating)));
    crate::sorting::by_key(ratings, |&(at, _)| at);
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
            (T0 + 5, Good),
            (T0, Easy),
            (T0 + 5, Again),
            (T0, Hard),
            (T0, Easy),
        ];
        in_replay_order(&mut ratings);
        assert_eq!(
            ratings,
            [
                (T0, Hard),
                (T0, Easy),
                (T0, Easy),
                (T0 + 5, Again),
                (T0 + 5, Good)
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
            let state = review(None, rating, T0);
            close(state.stability, stability);
            close(state.difficulty, difficulty);
            assert_eq!((state.reps, state.lapses, state.last_review), (1, 0, T0));
        }
        // Good: 2.3065 days rounds to 2; Easy: 8.2956 to 8; Again: 0.212 days (about 5 hours).
        assert_eq!(review(None, Rating::Good, T0).due, T0 + 2 * DAY_MS);
        assert_eq!(review(None, Rating::Easy, T0).due, T0 + 8 * DAY_MS);
        assert_eq!(
            review(None, Rating::Again, T0).due,
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
            state = Some(review(state.as_ref(), rating, now));
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
        let first = review(None, Rating::Good, T0);
        let later = T0 + 2 * DAY_MS;
        let again = review(Some(&first), Rating::Again, later);
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
        };
        let state = review(Some(&damaged), Rating::Good, T0);
        close(state.stability, 2.3065);
        assert_eq!((state.reps, state.lapses), (u32::MAX, 7));
        assert_eq!(retrievability(&damaged, T0), 0.0);
    }

    #[test]
    fn replay_sorts_by_time() {
        let a = replay([(T0 + DAY_MS, Rating::Good), (T0, Rating::Again)]);
        let b = replay([(T0, Rating::Again), (T0 + DAY_MS, Rating::Good)]);
        assert_eq!(a, b);
        assert_eq!(replay([]), None);
    }

    #[test]
    fn state_round_trips_through_json() {
        let state = review(None, Rating::Hard, T0);
        let json = serde_json::to_string(&state).unwrap();
        assert_eq!(serde_json::from_str::<MemoryState>(&json).unwrap(), state);
    }
}
