//! The FSRS-6 scheduler with its default parameters: the formulas behind the `fsrs` crate's
//! `FSRS::next_states` and `current_retrievability`, operation for operation, so a schedule is
//! the crate's to the bit (the tests compare the two on a grid of states, days and ratings).
//!
//! Written out rather than linked: `FSRS::new` clamps its parameters to bounds it computes at
//! run time, and that clamp's panic message formats floats, which would put float formatting
//! in the start page's piece for parameters that never change here (docs/decisions.md).

/// fsrs 6.6.2's `DEFAULT_PARAMETERS`: already within the bounds `FSRS::new` clamps them to
/// (the tests check that the crate's scheduler, which clamps them, gives the same states).
static W: [f32; 21] = [
    0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835,
    0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, DECAY,
];

/// How fast recall falls with time (`fsrs::FSRS6_DEFAULT_DECAY`).
pub const DECAY: f32 = 0.1542;

const S_MIN: f32 = 0.001;
const S_MAX: f32 = 36_500.0;
const D_MIN: f32 = 1.0;
const D_MAX: f32 = 10.0;

/// Stability (days until recall falls to 90%) and difficulty (1 to 10).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Memory {
    pub stability: f32,
    pub difficulty: f32,
}

/// What one rating leads to: the memory after it, and the days until recall falls to the
/// desired retention.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Next {
    pub memory: Memory,
    pub interval: f32,
}

/// What each rating, Again, Hard, Good and Easy, leads to after `days` since the last one
/// (`current` is `None` for a question never rated). `None` when a state is not finite, where
/// the crate gives an error.
pub fn next_states(
    current: Option<Memory>,
    desired_retention: f32,
    days: u32,
) -> Option<[Next; 4]> {
    let (state, nth) = match current {
        Some(state) => (state, 1),
        None => (
            Memory {
                stability: 0.0,
                difficulty: 0.0,
            },
            0,
        ),
    };
    let next = [1.0, 2.0, 3.0, 4.0].map(|rating| step(days as f32, rating, state, nth));
    if next
        .iter()
        .any(|m| !m.stability.is_finite() || !m.difficulty.is_finite())
    {
        return None;
    }
    Some(next.map(|memory| Next {
        memory,
        interval: next_interval(memory.stability, desired_retention),
    }))
}

/// The probability of recall `days` after the last rating. The crate writes the curve's factor
/// here as a power, in `step` as an exponential: each is kept as written, to give its bits.
pub fn current_retrievability(memory: Memory, days: f32) -> f32 {
    let factor = 0.9f32.powf(1.0 / -DECAY) - 1.0;
    (days / memory.stability * factor + 1.0).powf(-DECAY)
}

fn step(delta_t: f32, rating: f32, state: Memory, nth: usize) -> Memory {
    let last_s = state.stability.clamp(S_MIN, S_MAX);
    let last_d = state.difficulty.clamp(D_MIN, D_MAX);

    let retrievability = forgetting_curve(delta_t, last_s);
    let mut new_s = if rating == 1.0 {
        stability_after_failure(last_s, last_d, retrievability)
    } else {
        stability_after_success(last_s, last_d, retrievability, rating)
    };
    if delta_t == 0.0 {
        new_s = stability_short_term(last_s, rating);
    }
    let mut new_d = mean_reversion(next_difficulty(last_d, rating)).clamp(D_MIN, D_MAX);

    if nth == 0 && state.stability == 0.0 {
        let init_rating = (rating as u32).clamp(1, 4) as usize;
        new_s = init_stability(init_rating);
        new_d = init_difficulty(init_rating).clamp(D_MIN, D_MAX);
    }
    Memory {
        stability: new_s.clamp(S_MIN, S_MAX),
        difficulty: new_d,
    }
}

fn curve_factor() -> f32 {
    (0.9f32.ln() / -W[20]).exp() - 1.0
}

fn forgetting_curve(t: f32, s: f32) -> f32 {
    (t / s * curve_factor() + 1.0).powf(-W[20])
}

fn next_interval(stability: f32, desired_retention: f32) -> f32 {
    stability / curve_factor() * (desired_retention.powf(1.0 / -W[20]) - 1.0)
}

fn init_stability(rating: usize) -> f32 {
    W[rating.saturating_sub(1).min(3)]
}

fn init_difficulty(rating: usize) -> f32 {
    W[4] - (W[5] * rating.saturating_sub(1) as f32).exp() + 1.0
}

fn mean_reversion(new_d: f32) -> f32 {
    W[7] * (init_difficulty(4) - new_d) + new_d
}

fn next_difficulty(difficulty: f32, rating: f32) -> f32 {
    let delta_d = -W[6] * (rating - 3.0);
    // Linear damping: the closer to 10, the smaller the step.
    difficulty + (10.0 - difficulty) * delta_d / 9.0
}

fn stability_after_success(last_s: f32, last_d: f32, r: f32, rating: f32) -> f32 {
    let hard_penalty = if rating == 2.0 { W[15] } else { 1.0 };
    let easy_bonus = if rating == 4.0 { W[16] } else { 1.0 };
    last_s
        * (W[8].exp()
            * (11.0 - last_d)
            * last_s.powf(-W[9])
            * (((1.0 - r) * W[10]).exp() - 1.0)
            * hard_penalty
            * easy_bonus
            + 1.0)
}

fn stability_after_failure(last_s: f32, last_d: f32, r: f32) -> f32 {
    let new_s = W[11]
        * last_d.powf(-W[12])
        * ((last_s + 1.0).powf(W[13]) - 1.0)
        * ((1.0 - r) * W[14]).exp();
    new_s.min(last_s / (W[17] * W[18]).exp())
}

fn stability_short_term(last_s: f32, rating: f32) -> f32 {
    let sinc = (W[17] * (rating - 3.0 + W[18])).exp() * last_s.powf(-W[19]);
    last_s * if rating >= 2.0 { sinc.max(1.0) } else { sinc }
}

// Native only: the crate is a dependency of the native tests alone.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    const STABILITIES: [f32; 14] = [
        0.0, 0.0005, 0.001, 0.01, 0.212, 0.5, 1.0, 2.3065, 8.0, 53.6, 1_000.0, 36_500.0, 1e6, -1.0,
    ];
    const DIFFICULTIES: [f32; 9] = [0.0, 1.0, 2.118_104, 5.0, 6.4133, 7.7, 10.0, 12.0, -3.0];
    const DAYS: [u32; 10] = [0, 1, 2, 3, 7, 21, 100, 365, 3_650, 100_000];
    const RETENTIONS: [f32; 3] = [0.9, 0.8, 0.97];

    fn same(ours: f32, theirs: f32) -> bool {
        ours.to_bits() == theirs.to_bits() || (ours.is_nan() && theirs.is_nan())
    }

    fn theirs(
        current: Option<Memory>,
        desired_retention: f32,
        days: u32,
    ) -> Option<[(f32, f32, f32); 4]> {
        let current = current.map(|m| fsrs::MemoryState {
            stability: m.stability,
            difficulty: m.difficulty,
        });
        let next = fsrs::FSRS::default()
            .next_states(current, desired_retention, days)
            .ok()?;
        Some(
            [next.again, next.hard, next.good, next.easy]
                .map(|item| (item.memory.stability, item.memory.difficulty, item.interval)),
        )
    }

    /// Every state of the grid, rated each way after each gap, gives the crate's memory and
    /// interval bit for bit, and fails where the crate fails.
    #[test]
    fn next_states_are_the_crates() {
        let mut compared = 0;
        let states = STABILITIES.iter().flat_map(|&stability| {
            DIFFICULTIES.iter().map(move |&difficulty| {
                Some(Memory {
                    stability,
                    difficulty,
                })
            })
        });
        for current in states.chain([None]) {
            for days in DAYS {
                for retention in RETENTIONS {
                    let ours = next_states(current, retention, days);
                    let theirs = theirs(current, retention, days);
                    assert_eq!(
                        ours.is_some(),
                        theirs.is_some(),
                        "{current:?} after {days} days"
                    );
                    let (Some(ours), Some(theirs)) = (ours, theirs) else {
                        continue;
                    };
                    for (ours, theirs) in ours.iter().zip(theirs) {
                        assert!(
                            same(ours.memory.stability, theirs.0)
                                && same(ours.memory.difficulty, theirs.1)
                                && same(ours.interval, theirs.2),
                            "{current:?} after {days} days at {retention}: {ours:?} against {theirs:?}"
                        );
                        compared += 1;
                    }
                }
            }
        }
        assert!(compared > 4_000, "{compared}");
    }

    #[test]
    fn a_state_that_cannot_go_on_gives_none() {
        let broken = Memory {
            stability: f32::NAN,
            difficulty: 5.0,
        };
        assert_eq!(theirs(Some(broken), 0.9, 3), None);
        assert_eq!(next_states(Some(broken), 0.9, 3), None);
    }

    #[test]
    fn retrievability_is_the_crates() {
        assert_eq!(DECAY, fsrs::FSRS6_DEFAULT_DECAY);
        for stability in STABILITIES {
            for days in [0.0, 0.5, 1.0, 2.0, 30.0, 1e4] {
                let memory = Memory {
                    stability,
                    difficulty: 5.0,
                };
                let theirs = fsrs::current_retrievability(
                    fsrs::MemoryState {
                        stability,
                        difficulty: 5.0,
                    },
                    days,
                    fsrs::FSRS6_DEFAULT_DECAY,
                );
                assert!(same(current_retrievability(memory, days), theirs));
            }
        }
    }
}
