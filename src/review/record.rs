//! How ratings, notes and settings are stored: one key per rating, per note, and one for the
//! settings, so two tabs never overwrite each other's history.

use super::day::Date;
use super::ReviewEvent;
use crate::storage::Record;
use serde::{Deserialize, Deserializer, Serialize};

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
    /// The date of the reader's interview, stored as `2026-03-15`. A stored value that is no
    /// date reads as none.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "read_date"
    )]
    pub interview_date: Option<Date>,
    /// Epoch milliseconds of the last change: between two tabs, the newer settings win.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub updated_at: u64,
}

fn read_date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
    Ok(Option::<String>::deserialize(d)?.and_then(|text| Date::parse(&text)))
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
            interview_date: None,
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
        let mut map: crate::sorted::SortedMap<String, String> = [
            ("new_per_day".to_string(), self.new_per_day.to_string()),
            (
                "keep_recordings".to_string(),
                self.keep_recordings.to_string(),
            ),
        ]
        .into();
        if let Some(date) = &self.interview_date {
            map.insert("interview_date".to_string(), date.as_str().to_string());
        }
        map
    }

    /// The same choices, whenever they were made.
    pub fn same_choices(&self, other: &Settings) -> bool {
        Settings {
            updated_at: 0,
            ..self.clone()
        } == Settings {
            updated_at: 0,
            ..other.clone()
        }
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
            interview_date: map.get("interview_date").and_then(|v| Date::parse(v)),
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
            interview_date: Date::parse("2026-03-15"),
            updated_at: 0,
        };
        let map = settings.to_map();
        assert_eq!(map["interview_date"], "2026-03-15");
        assert_eq!(Settings::from_map(&map), settings);
        assert!(!Settings::default().to_map().contains_key("interview_date"));
        let bad = [
            ("new_per_day".to_string(), "-3".to_string()),
            ("interview_date".to_string(), "next Friday".to_string()),
        ]
        .into();
        assert_eq!(Settings::from_map(&bad), Settings::default());
    }

    #[test]
    fn the_interview_date_is_stored_as_a_date_and_old_records_read_without_it() {
        // Stored before there was an interview date: reads unchanged, with none.
        let old: Settings = decode(SETTINGS_SCHEMA_1).unwrap();
        assert_eq!(old.interview_date, None);
        assert!(!encode(&old).contains("interview"));
        let set = Settings {
            interview_date: Date::parse("2026-03-15"),
            updated_at: 1_772_000_000_000,
            ..old.clone()
        };
        let raw = encode(&set);
        assert!(raw.contains(r#""interview_date":"2026-03-15""#), "{raw}");
        assert_eq!(decode::<Settings>(&raw).unwrap(), set);
        // A stored value that is no date: no date, the rest of the record kept.
        let odd = raw.replace("2026-03-15", "someday");
        let read: Settings = decode(&odd).unwrap();
        assert_eq!((read.interview_date, read.new_per_day), (None, 15));
        assert!(set.same_choices(&Settings {
            updated_at: 5,
            ..set.clone()
        }));
        assert!(!set.same_choices(&old));
    }

    #[test]
    fn review_ids_are_unique_by_time_and_question() {
        let event = ReviewEvent::new(0x10, "ops-cdn", Rating::Good);
        assert_eq!(review_id(&event), "r10-ops-cdn");
    }
}
