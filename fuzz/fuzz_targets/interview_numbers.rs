//! The clock and summary arithmetic on a stored interview with hostile numbers, at a hostile
//! time: nothing wraps or panics, and a score never passes 100%.
#![no_main]

use interview_practice::interview::{Interview, Summary};
use interview_practice::storage::decode;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The first 8 bytes are the time "now", the rest the stored record.
    let (now, raw) = data.split_at(data.len().min(8));
    let mut clock = [0u8; 8];
    clock[..now.len()].copy_from_slice(now);
    let now = u64::from_le_bytes(clock);
    let Ok(mut interview) = decode::<Interview>(&String::from_utf8_lossy(raw)) else {
        return;
    };
    let summary = Summary::of(&interview);
    assert!(summary.score() <= 100);
    let _ = interview.elapsed_ms(now);
    let _ = interview.allowed_ms();
    if let Some(attempt) = interview.attempt() {
        assert!(attempt.remaining_ms(now) <= attempt.allowed_ms);
    }
    interview.restore(now);
    interview.tick(now);
    interview.pause(now);
    interview.resume(now);
});
