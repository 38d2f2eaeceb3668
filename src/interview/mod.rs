//! Timed mock interviews: set-up, the state machine, its clock and its summary. Pure: no
//! browser APIs; the clock is passed in, so tests can throttle it, jump it or run it backwards.

pub mod clock;
pub mod delivery;
pub mod random;
mod record;
pub mod recordings;
pub mod session;
pub mod setup;
pub mod summary;

pub use clock::Millis;
pub use session::{Attempt, Ending, Interview, Phase, Rating, MAX_ANSWER_CHARS};
pub use setup::{format_seconds, AnswerMode, Order, Setup};
pub use summary::Summary;
