//! Which recordings of spoken answers a question keeps: the last ones saved on this device.
//!
//! Each recording carries the number of its save (one more than any stored before). The wall
//! clock cannot order them: set back a day, it would date the take just recorded before the
//! older ones, and pruning would delete it first.

/// A stored recording, without its audio.
#[derive(Debug, Clone, PartialEq)]
pub struct Stored {
    /// `<interview id>/<question number>`.
    pub key: String,
    pub question: String,
    /// Its save's number on this device; 0 for recordings stored before saves were numbered
    /// (they count as older than every numbered one).
    pub saved: u64,
    /// When it was recorded, by the device's clock (ms since 1970): shown, and orders only
    /// recordings of the same save number.
    pub at: f64,
    pub size: f64,
    pub mime: String,
}

/// The number of the next save.
pub fn next_save(stored: &[Stored]) -> u64 {
    stored.iter().map(|r| r.saved).max().unwrap_or(0) + 1
}

/// Sorts the last saved first (then the last recorded, by the clock).
pub fn newest_first(stored: &mut Vec<Stored>) {
    // Stable sorts: the clock's order stays among recordings of the same save number.
    crate::sorting::by_key_descending(stored, |r| r.at.max(0.0) as u64);
    crate::sorting::by_key_descending(stored, |r| r.saved);
}

/// The keys of the recordings of `question` beyond the last `keep` saved: those to delete.
pub fn beyond(stored: &[Stored], question: &str, keep: usize) -> Vec<String> {
    let mut of_question: Vec<Stored> = stored
        .iter()
        .filter(|r| r.question == question)
        .cloned()
        .collect();
    newest_first(&mut of_question);
    of_question.into_iter().skip(keep).map(|r| r.key).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOUR: f64 = 3_600_000.0;
    const DAY: f64 = 24.0 * HOUR;
    const NOW: f64 = 1_780_000_000_000.0;

    fn recording(key: &str, question: &str, saved: u64, at: f64) -> Stored {
        Stored {
            key: key.into(),
            question: question.into(),
            saved,
            at,
            size: 1_000.0,
            mime: "audio/webm".into(),
        }
    }

    #[test]
    fn a_clock_set_back_a_day_never_deletes_the_take_just_recorded() {
        let mut stored = vec![
            recording("a/1", "dba-raid", 1, NOW - 2.0 * HOUR),
            recording("b/1", "dba-raid", 2, NOW - HOUR),
            recording("c/1", "dba-raid", 3, NOW),
        ];
        // The device's clock goes back a day; the reader records the question again.
        let saved = next_save(&stored);
        assert_eq!(saved, 4);
        stored.push(recording("d/1", "dba-raid", saved, NOW - DAY));
        assert_eq!(beyond(&stored, "dba-raid", 3), vec!["a/1".to_string()]);
        assert_eq!(beyond(&stored, "dba-raid", 1), ["c/1", "b/1", "a/1"]);
    }

    #[test]
    fn a_clock_set_forward_and_back_keeps_the_last_saves() {
        // Saved in this order, the second under a clock a year ahead.
        let stored = vec![
            recording("a/1", "q", 1, NOW),
            recording("b/1", "q", 2, NOW + 365.0 * DAY),
            recording("c/1", "q", 3, NOW + HOUR),
            recording("d/1", "q", 4, NOW + 2.0 * HOUR),
        ];
        assert_eq!(beyond(&stored, "q", 2), ["b/1", "a/1"]);
    }

    #[test]
    fn only_the_question_s_own_recordings_are_pruned() {
        let stored = vec![
            recording("a/1", "q", 1, NOW),
            recording("a/2", "other", 2, NOW),
            recording("b/1", "q", 3, NOW),
            recording("b/2", "other", 4, NOW),
        ];
        assert_eq!(beyond(&stored, "q", 1), ["a/1"]);
        assert_eq!(beyond(&stored, "q", 2), Vec::<String>::new());
        assert_eq!(beyond(&stored, "q", 0), ["b/1", "a/1"]);
        assert_eq!(beyond(&stored, "missing", 0), Vec::<String>::new());
    }

    #[test]
    fn recordings_stored_before_saves_were_numbered_are_older_than_any_numbered_one() {
        let stored = vec![
            recording("old-1/1", "q", 0, NOW - HOUR),
            recording("old-2/1", "q", 0, NOW + DAY),
            recording("new/1", "q", next_save(&[]), NOW - DAY),
        ];
        assert_eq!(next_save(&stored[..2]), 1);
        // Among themselves, the clock is all there is.
        assert_eq!(beyond(&stored, "q", 2), ["old-1/1"]);
        assert_eq!(beyond(&stored, "q", 1), ["old-2/1", "old-1/1"]);
    }

    #[test]
    fn the_list_shows_the_last_saved_first() {
        let mut stored = vec![
            recording("a/1", "q", 1, NOW),
            recording("c/1", "r", 3, NOW - DAY),
            recording("b/1", "q", 2, NOW + DAY),
        ];
        newest_first(&mut stored);
        let keys: Vec<&str> = stored.iter().map(|r| r.key.as_str()).collect();
        assert_eq!(keys, ["c/1", "b/1", "a/1"]);
    }
}
