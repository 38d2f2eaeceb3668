//! What a start-up shows of a long history without reading it: a record of the stored
//! interviews and reviews as they were when it was taken (which ids, which interviews are
//! unfinished, the questions' memory states and first ratings), so opening the app with a long
//! history reads one small record and the unfinished interviews, not every interview.
//!
//! It holds while the records it was taken of are stored: `keys` is checked against the keys a
//! start-up lists, and `contents` against the records a tab holds, which voids the snapshot
//! as soon as they differ (`progress::state`). Derived data, stored under
//! `interview-practice/snapshot/start`: the export leaves it out, and without it a start-up
//! reads every interview.

use crate::interview::{Interview, Millis};
use crate::review::cache::Fnv;
use crate::review::event;
use crate::review::memory::{rating_order, MemoryState};
use crate::sorted::SortedMap;
use crate::storage::Record;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    /// `keys` of the interviews and reviews it was taken of.
    #[serde(rename = "k")]
    pub keys: String,
    /// `contents` of the same.
    #[serde(rename = "c")]
    pub contents: String,
    /// The interviews not completed: a start-up reads these.
    #[serde(rename = "u", default)]
    pub unfinished: Vec<String>,
    /// Question id to its memory state.
    #[serde(rename = "m", default)]
    pub memory: SortedMap<String, MemoryState>,
    /// Question id to the time of its first rating (new questions introduced today).
    #[serde(rename = "f", default)]
    pub first_rated: SortedMap<String, Millis>,
}

impl Record for Snapshot {
    const KIND: &'static str = "snapshot";
    const SCHEMA: u32 = 1;
}

impl Snapshot {
    /// The one record's id.
    pub const ID: &'static str = "start";

    /// A snapshot no records match: what replaces one that no longer holds (cheaper in the
    /// wasm than removing the key, which would bring the storage's removal code into the start
    /// page's piece).
    pub fn void() -> Snapshot {
        Snapshot::default()
    }

    pub fn is_void(&self) -> bool {
        self.keys.is_empty()
    }
}

/// A fingerprint of a set of records: how many, and the wrapping sum of each one's hash, so
/// it does not depend on the order they come in (the stored keys', or the interviews' in
/// memory).
#[derive(Default)]
struct SetPrint {
    count: u64,
    sum: u64,
}

impl SetPrint {
    fn add(&mut self, hash: &Fnv) {
        self.count += 1;
        self.sum = self.sum.wrapping_add(hash.value());
    }

    fn finish(&self) -> String {
        format!("{}-{:016x}", self.count, self.sum)
    }
}

/// A fingerprint of the interview and review ids: what a start-up can check from the stored
/// keys alone.
pub fn keys<'a>(
    interviews: impl IntoIterator<Item = &'a str>,
    reviews: impl IntoIterator<Item = &'a str>,
) -> String {
    let mut print = SetPrint::default();
    let mut add = |kind: u8, id: &str| {
        let mut hash = Fnv::default();
        hash.write(&[kind]);
        hash.write(id.as_bytes());
        print.add(&hash);
    };
    for id in interviews {
        add(b'i', id);
    }
    for id in reviews {
        add(b'r', id);
    }
    print.finish()
}

/// A fingerprint of what a snapshot holds of these records (with their `keys`): which
/// interviews are completed, and every rating with the key points of the answer it rated.
/// Typing an answer leaves it as it is.
pub fn contents<'a>(keys: &str, interviews: impl IntoIterator<Item = &'a Interview>) -> String {
    let mut print = SetPrint::default();
    for interview in interviews {
        let mut hash = Fnv::default();
        hash.write(interview.id.as_bytes());
        hash.write(&[u8::from(interview.completed_at.is_some())]);
        for rating in event::of_interview(interview) {
            hash.write(&rating.at.to_le_bytes());
            hash.write(rating.question.as_bytes());
            hash.write(&[rating_order(rating.rating)]);
            if let Some(points) = rating.points {
                hash.write(&[b'p', points.0, points.1]);
            }
        }
        print.add(&hash);
    }
    format!("{keys}/{}", print.finish())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interview::{Rating, Setup};
    use crate::storage::{decode, encode};

    fn rated(id: &str, rating: Rating) -> Interview {
        let setup = Setup {
            count: 1,
            ..Setup::default()
        };
        let mut i = Interview::new(id.into(), setup, &["dba-raid"], 1_000);
        i.type_answer("RAID 10", 2_000);
        i.done(3_000);
        i.rate(rating, 4_000);
        i
    }

    #[test]
    fn keys_change_with_any_id_added_removed_or_moved_between_kinds_not_with_order() {
        let base = keys(["a", "b"], ["r1"]);
        assert_eq!(base, keys(["b", "a"], ["r1"]));
        assert!(!Snapshot {
            keys: base.clone(),
            ..Snapshot::void()
        }
        .is_void());
        for other in [
            keys(["a"], ["r1"]),
            keys(["a", "b", "c"], ["r1"]),
            keys(["a", "b"], []),
            keys(["a", "b", "r1"], []),
            keys(["ab"], ["r1"]),
            keys(["a", "a", "b"], ["r1"]),
        ] {
            assert_ne!(other, base);
        }
    }

    #[test]
    fn contents_change_with_ratings_and_completion_not_with_typing() {
        let good = rated("a", Rating::Good);
        let base = contents("k", [&good]);
        let mut typed = good.clone();
        typed.type_answer("RAID 10 mirrors then stripes", 3_500);
        assert_eq!(contents("k", [&typed]), base);
        assert_ne!(contents("k", [&rated("a", Rating::Hard)]), base);
        assert_ne!(contents("other keys", [&good]), base);
        let mut completed = good.clone();
        completed.next(5_000);
        assert!(completed.completed_at.is_some());
        assert_ne!(contents("k", [&completed]), base);
        // A key point's mark corrected after the rating: the memory states' evidence changes.
        let mut corrected = good.clone();
        corrected.toggle_mark(0);
        assert_ne!(contents("k", [&corrected]), base);
    }

    #[test]
    fn round_trips_through_its_envelope() {
        let snapshot = Snapshot {
            keys: "k".into(),
            contents: "c".into(),
            unfinished: vec!["a".into()],
            memory: crate::transfer::export::replay_all(&[crate::review::ReviewEvent::new(
                4_000,
                "dba-raid",
                Rating::Good,
            )]),
            first_rated: SortedMap::from([("dba-raid".to_string(), 4_000)]),
        };
        assert_eq!(decode::<Snapshot>(&encode(&snapshot)), Ok(snapshot));
    }
}
