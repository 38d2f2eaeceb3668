//! How ratings, notes and settings are stored: one key per rating, per note, and one for the
//! settings, so two tabs never overwrite each other's history.

use super::ReviewEvent;
use crate::storage::Record;
use serde::{Deserialize, Serialize};

/// The reader's note on a question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    pub text: String,
    /// Epoch milliseconds of the last edit: between two tabs, the newer note wins.
    pub updated_at: u64,
}

impl Record for ReviewEvent {
    const KIND: &'static str = "review";
    const SCHEMA: u32 = 1;
}

impl Record for Note {
    const KIND: &'static str = "note";
    const SCHEMA: u32 = 1;
}

/// The reader's choices that outlive a session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// New questions the Review mode introduces per day.
    pub new_per_day: usize,
    /// Recordings of spoken answers kept per question (the newest; older ones are deleted).
    #[serde(default = "default_keep_recordings")]
    pub keep_recordings: usize,
    /// Epoch milliseconds of the last change: between two tabs, the newer settings win.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub updated_at: u64,
}

/// Recordings kept per question unless the reader chooses otherwise.
pub const DEFAULT_KEEP_RECORDINGS: usize = 3;

fn default_keep_recordings() -> usize {
    DEFAULT_KEEP_RECORDINGS
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            new_per_day: super::queue::DEFAULT_NEW_PER_DAY,
            keep_recordings: DEFAULT_KEEP_RECORDINGS,
            updated_at: 0,
        }
    }
}

impl Record for Settings {
    const KIND: &'static str = "settings";
    const SCHEMA: u32 = 1;
}

impl Settings {
    pub const ID: &'static str = "reader";

    /// As the export file's `settings` map.
    pub fn to_map(&self) -> crate::sorted::SortedMap<String, String> {
        [
            ("new_per_day".to_string(), self.new_per_day.to_string()),
            (
                "keep_recordings".to_string(),
                self.keep_recordings.to_string(),
            ),
        ]
        .into()
    }

    pub fn from_map(map: &crate::sorted::SortedMap<String, String>) -> Self {
        let defaults = Settings::default();
        Settings {
            new_per_day: map
                .get("new_per_day")
                .and_then(|v| v.parse().ok())
                .filter(|n| (1..=200).contains(n))
                .unwrap_or(defaults.new_per_day),
            keep_recordings: map
                .get("keep_recordings")
                .and_then(|v| v.parse().ok())
                .filter(|n| (1..=20).contains(n))
                .unwrap_or(defaults.keep_recordings),
            updated_at: 0,
        }
    }
}

/// The storage id of a review rating: unique by time and question. (Interview ratings are
/// kept in their interview.)
pub fn review_id(event: &ReviewEvent) -> String {
    format!("r{:x}-{}", event.at, event.question)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interview::Rating;
    use crate::storage::{decode, encode};

    const REVIEW_SCHEMA_1: &str = r#"{"schema":1,"app":"0.1.0","data":{"at":1764133200000,"question":"dba-raid","rating":"hard"}}"#;
    const NOTE_SCHEMA_1: &str = r#"{"schema":1,"app":"0.1.0","data":{"text":"RAID 10 <b>not</b> 5","updated_at":1764133200000}}"#;
    const SETTINGS_SCHEMA_1: &str = r#"{"schema":1,"app":"0.1.0","data":{"new_per_day":15}}"#;

    #[test]
    fn schema_1_records_load() {
        let event: ReviewEvent = decode(REVIEW_SCHEMA_1).unwrap();
        assert_eq!(
            event,
            ReviewEvent::new(1_764_133_200_000, "dba-raid", Rating::Hard)
        );
        let note: Note = decode(NOTE_SCHEMA_1).unwrap();
        assert_eq!(note.text, "RAID 10 <b>not</b> 5");
        let settings: Settings = decode(SETTINGS_SCHEMA_1).unwrap();
        assert_eq!(settings.new_per_day, 15);
        assert_eq!(settings.keep_recordings, DEFAULT_KEEP_RECORDINGS);
        assert_eq!(decode::<Settings>(&encode(&settings)).unwrap(), settings);
    }

    #[test]
    fn settings_travel_as_a_map_and_bad_values_fall_back() {
        let settings = Settings {
            new_per_day: 25,
            keep_recordings: 5,
            updated_at: 0,
        };
        assert_eq!(Settings::from_map(&settings.to_map()), settings);
        let bad = [("new_per_day".to_string(), "-3".to_string())].into();
        assert_eq!(Settings::from_map(&bad), Settings::default());
    }

    #[test]
    fn review_ids_are_unique_by_time_and_question() {
        let event = ReviewEvent::new(0x10, "ops-cdn", Rating::Good);
        assert_eq!(review_id(&event), "r10-ops-cdn");
    }
}
