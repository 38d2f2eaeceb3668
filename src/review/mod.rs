//! Practice over time: the per-question memory model (FSRS), readiness for the reader's
//! interview, the Review mode's queue and the plan toward the interview, the stored ratings,
//! notes and settings, and statistics. Pure: no browser APIs; the clock, the
//! time zone and the stored data are passed in, so everything is tested natively.

pub mod cache;
pub mod day;
pub mod event;
mod fsrs;
pub mod memory;
pub mod plan;
pub mod queue;
pub mod ready;
pub mod record;
pub mod stats;

pub use event::ReviewEvent;
pub use memory::MemoryState;
pub use record::{Note, Settings};

/// Milliseconds in a day.
pub const DAY_MS: u64 = 86_400_000;
