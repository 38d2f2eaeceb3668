//! Time spent on a question, from wall-clock anchors: ticks only redraw, they never count.
//! A clock that jumps backwards is absorbed (the time already seen stays spent), so remaining
//! time never grows and never goes negative.

use serde::{Deserialize, Serialize};

/// Milliseconds since the Unix epoch, from the caller's clock.
pub type Millis = u64;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stopwatch {
    /// Time counted while stopped or before the last re-anchoring.
    #[serde(rename = "b", alias = "banked")]
    pub banked: Millis,
    /// When it last started running; `None` while paused.
    #[serde(
        rename = "a",
        alias = "anchor",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub anchor: Option<Millis>,
    /// The latest time observed, to notice a clock going backwards.
    #[serde(rename = "l", alias = "last_seen")]
    pub last_seen: Millis,
}

impl Stopwatch {
    pub fn running(&self) -> bool {
        self.anchor.is_some()
    }

    /// Takes note of the current time; a jump backwards re-anchors at the new time.
    pub fn observe(&mut self, now: Millis) {
        if now < self.last_seen {
            if let Some(anchor) = self.anchor {
                self.banked = self
                    .banked
                    .saturating_add(self.last_seen.saturating_sub(anchor));
                self.anchor = Some(now);
            }
        }
        self.last_seen = now;
    }

    /// Time counted so far; never less than at any earlier call.
    pub fn elapsed(&self, now: Millis) -> Millis {
        let now = now.max(self.last_seen);
        self.banked
            .saturating_add(self.anchor.map_or(0, |anchor| now.saturating_sub(anchor)))
    }

    pub fn start(&mut self, now: Millis) {
        self.observe(now);
        if self.anchor.is_none() {
            self.anchor = Some(now);
        }
    }

    pub fn stop(&mut self, now: Millis) {
        self.observe(now);
        self.banked = self.elapsed(now);
        self.anchor = None;
    }

    /// After a reload that gave no chance to stop (a crash): count only up to the last time
    /// seen, and stop there.
    pub fn stop_at_last_seen(&mut self) {
        let last = self.last_seen;
        self.stop(last);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_wall_clock_time_between_start_and_stop() {
        let mut s = Stopwatch::default();
        s.start(1_000);
        assert_eq!(s.elapsed(1_000), 0);
        assert_eq!(s.elapsed(31_000), 30_000);
        s.stop(31_000);
        assert_eq!(s.elapsed(999_999), 30_000);
        s.start(100_000);
        assert_eq!(s.elapsed(110_000), 40_000);
    }

    #[test]
    fn throttled_ticks_do_not_lose_time() {
        let mut s = Stopwatch::default();
        s.start(0);
        // A background tab ticks once a minute: the time is still right.
        s.observe(60_000);
        assert_eq!(s.elapsed(60_000), 60_000);
        assert_eq!(s.elapsed(61_234), 61_234);
    }

    #[test]
    fn a_clock_going_backwards_never_gives_time_back() {
        let mut s = Stopwatch::default();
        s.start(10_000_000);
        s.observe(10_010_000);
        assert_eq!(s.elapsed(10_010_000), 10_000);
        // The clock jumps back an hour.
        assert_eq!(s.elapsed(10_010_000 - 3_600_000), 10_000);
        s.observe(10_010_000 - 3_600_000);
        assert_eq!(s.elapsed(10_010_000 - 3_600_000), 10_000);
        assert_eq!(s.elapsed(10_010_000 - 3_600_000 + 5_000), 15_000);
    }

    #[test]
    fn stop_at_last_seen_ignores_time_after_a_crash() {
        let mut s = Stopwatch::default();
        s.start(0);
        s.observe(20_000);
        s.stop_at_last_seen();
        assert_eq!(s.elapsed(5_000_000), 20_000);
    }

    #[test]
    fn hostile_stored_times_saturate_instead_of_wrapping() {
        let mut s = Stopwatch {
            banked: Millis::MAX - 1,
            anchor: Some(0),
            last_seen: 10,
        };
        assert_eq!(s.elapsed(1_000), Millis::MAX);
        s.observe(5); // a jump back banks what ran so far
        assert_eq!(s.elapsed(5), Millis::MAX);
        s.stop(Millis::MAX);
        assert_eq!(s.elapsed(0), Millis::MAX);
    }
}
