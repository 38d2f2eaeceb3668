//! Practice over time: the per-question memory model (FSRS), the Review mode's queue,
//! statistics, the export file and its merge, and the Anki export. Pure: no browser APIs; the
//! clock, the time zone and the stored data are passed in, so everything is tested natively.

pub mod anki;
pub mod event;
pub mod export;
pub mod memory;
pub mod queue;
pub mod record;
pub mod stats;

pub use event::ReviewEvent;
pub use export::{Export, ImportError, ImportPreview, Note};
pub use memory::MemoryState;

/// Milliseconds in a day.
pub const DAY_MS: u64 = 86_400_000;
