//! Memory states kept between visits, so a start-up does not replay every rating through FSRS.
//!
//! A memory state is a pure function of its question's ratings (`memory::replay`), and replaying
//! them is the slowest part of opening the app with a long history (every rating is a handful
//! of `powf`s). The cache keeps each question's state with
//! a fingerprint of the ratings it came from: a question whose ratings are the same as when it
//! was cached is not replayed; any other (a new rating, one from another tab or an import, a
//! deleted interview) is. So the cache can only save time, never change a state: `memory` gives
//! exactly what `export::replay_all` gives, whatever the cache holds.
//!
//! Stored under `interview-practice/memory/cache`. It is derived data: the export leaves it out,
//! and losing it (or finding it unreadable) only costs one full replay.

use super::memory::{self, rating_order, MemoryState, Rated};
use super::ReviewEvent;
use crate::sorted::SortedMap;
use crate::storage::Record;
use serde::{Deserialize, Serialize};

/// Question id to its cached state.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MemoryCache {
    #[serde(rename = "q")]
    pub questions: SortedMap<String, Cached>,
}

/// One question's state and the fingerprint of the ratings it was replayed from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cached {
    /// `fingerprint` of the question's ratings.
    #[serde(rename = "f")]
    pub fingerprint: String,
    #[serde(rename = "s")]
    pub state: MemoryState,
}

impl Record for MemoryCache {
    const KIND: &'static str = "memory";
    const SCHEMA: u32 = 1;
}

impl MemoryCache {
    /// The one record's id.
    pub const ID: &'static str = "cache";

    /// Every rated question's memory state, from `events` (every rating, once each, as
    /// `ProgressState::rating_events` gives them): replays only the questions whose ratings
    /// differ from what the cache was made from, and brings the cache up to date. Returns the
    /// states (equal to `export::replay_all(events)`) and whether the cache changed.
    pub fn memory(&mut self, events: &[ReviewEvent]) -> (SortedMap<String, MemoryState>, bool) {
        let mut by_question: SortedMap<&str, Vec<Rated>> = SortedMap::new();
        for event in events {
            by_question.entry(&event.question).or_default().push((
                event.at,
                event.rating,
                event.points,
            ));
        }
        let mut changed = false;
        let mut states = SortedMap::new();
        for (question, mut ratings) in by_question {
            // The order `memory::replay` folds them in.
            memory::in_replay_order(&mut ratings);
            let print = fingerprint(&ratings);
            let cached = self
                .questions
                .get(question)
                .filter(|c| c.fingerprint == print && plausible(&c.state, &ratings))
                .map(|c| c.state);
            let state = match cached {
                Some(state) => state,
                None => {
                    let Some(state) = memory::replay(ratings.iter().copied()) else {
                        continue;
                    };
                    self.questions.insert(
                        question.to_string(),
                        Cached {
                            fingerprint: print,
                            state,
                        },
                    );
                    changed = true;
                    state
                }
            };
            states.insert(question.to_string(), state);
        }
        // Questions no longer rated (their interviews deleted) leave the cache.
        let before = self.questions.len();
        self.questions
            .retain(|question, _| states.contains_key(question));
        changed |= self.questions.len() != before;
        (states, changed)
    }

    /// Whether the cache can be stored: JSON has no NaN or infinity, so a state holding one
    /// (never one FSRS gives) would make the record unreadable.
    pub fn storable(&self) -> bool {
        self.questions
            .values()
            .all(|c| c.state.stability.is_finite() && c.state.difficulty.is_finite())
    }
}

/// The count of ratings and a 64-bit FNV-1a hash of their times, ratings and answers' key
/// points, in replay order: any added, removed or changed rating or mark changes it.
pub fn fingerprint(ratings: &[Rated]) -> String {
    let mut hash = Fnv::default();
    for &(at, rating, points) in ratings {
        hash.write(&at.to_le_bytes());
        hash.write(&[rating_order(rating)]);
        if let Some(points) = points {
            hash.write(&[b'p', points.0, points.1]);
        }
    }
    format!("{}-{}", ratings.len(), hash.finish())
}

/// A 64-bit FNV-1a hash: small, and stable across versions and platforms, as a stored
/// fingerprint must be.
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    pub fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 ^= u64::from(byte);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }

    pub fn value(&self) -> u64 {
        self.0
    }

    /// The hash as 16 hex digits.
    pub fn finish(&self) -> String {
        format!("{:016x}", self.0)
    }
}

/// A cheap check that a cached state belongs to these ratings (a hand-edited or damaged cache
/// with a matching fingerprint is still replayed): as many repetitions, the same last rating
/// at the same time. A state cached before it kept its last rating is replayed too.
fn plausible(state: &MemoryState, ratings: &[Rated]) -> bool {
    u32::try_from(ratings.len()).is_ok_and(|n| n == state.reps)
        && ratings.last().is_some_and(|&(at, rating, _)| {
            at == state.last_review && state.last_rating == Some(rating)
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interview::Rating;
    use crate::review::event::Points;
    use crate::storage::{decode, encode};
    use crate::transfer::export::replay_all;

    const T0: u64 = 1_700_000_000_000;
    const DAY: u64 = 86_400_000;

    fn event(at: u64, question: &str, rating: Rating) -> ReviewEvent {
        ReviewEvent::new(at, question, rating)
    }

    fn history() -> Vec<ReviewEvent> {
        let ratings = [Rating::Good, Rating::Again, Rating::Hard, Rating::Easy];
        let mut events = Vec::new();
        for day in 0..40u64 {
            for (q, question) in ["dba-raid", "ops-cdn", "deploy-ci"].iter().enumerate() {
                if !(day + q as u64).is_multiple_of(3) {
                    let rating = ratings[(day as usize + q) % 4];
                    let points = (day % 2 == 0).then_some(Points((day % 5) as u8, 4));
                    events.push(
                        event(T0 + day * DAY + q as u64, question, rating).with_points(points),
                    );
                }
            }
        }
        events.sort();
        events
    }

    #[test]
    fn gives_what_a_full_replay_gives_and_fills_the_cache() {
        let events = history();
        let mut cache = MemoryCache::default();
        let (states, changed) = cache.memory(&events);
        assert_eq!(states, replay_all(&events));
        assert!(changed);
        assert_eq!(cache.questions.len(), 3);
        // The same ratings again: nothing replayed, nothing changed.
        let (again, changed) = cache.memory(&events);
        assert_eq!(again, states);
        assert!(!changed);
        assert!(cache.memory(&[]).0.is_empty());
    }

    #[test]
    fn a_changed_question_is_replayed_and_the_others_are_not() {
        let mut events = history();
        let mut cache = MemoryCache::default();
        cache.memory(&events);
        // A poisoned state for a question whose ratings do not change shows that it is not
        // replayed: the cache is trusted while its fingerprint holds.
        let mut poisoned = cache.questions["ops-cdn"].state;
        poisoned.due += 1;
        cache.questions.get_mut("ops-cdn").unwrap().state = poisoned;
        events.push(event(T0 + 50 * DAY, "dba-raid", Rating::Again));
        let (states, changed) = cache.memory(&events);
        assert!(changed);
        assert_eq!(states["dba-raid"], replay_all(&events)["dba-raid"]);
        assert_eq!(states["deploy-ci"], replay_all(&events)["deploy-ci"]);
        assert_eq!(states["ops-cdn"], poisoned);
    }

    #[test]
    fn every_change_to_the_ratings_changes_the_fingerprint() {
        let base = [
            (T0, Rating::Good, None),
            (T0 + DAY, Rating::Hard, Some(Points(1, 3))),
        ];
        let print = fingerprint(&base);
        assert_eq!(print, fingerprint(&base));
        assert!(print.starts_with("2-"));
        for other in [
            vec![(T0, Rating::Good, None)],
            vec![
                (T0, Rating::Good, None),
                (T0 + DAY, Rating::Easy, Some(Points(1, 3))),
            ],
            vec![
                (T0, Rating::Good, None),
                (T0 + DAY + 1, Rating::Hard, Some(Points(1, 3))),
            ],
            vec![
                (T0, Rating::Good, None),
                (T0 + DAY, Rating::Hard, Some(Points(2, 3))),
            ],
            vec![(T0, Rating::Good, None), (T0 + DAY, Rating::Hard, None)],
            vec![
                (T0, Rating::Good, None),
                (T0 + DAY, Rating::Hard, Some(Points(1, 3))),
                (T0 + 2 * DAY, Rating::Good, None),
            ],
        ] {
            assert_ne!(fingerprint(&other), print, "{other:?}");
        }
    }

    #[test]
    fn a_state_cached_before_it_kept_its_evidence_is_replayed() {
        let events = history();
        let mut cache = MemoryCache::default();
        cache.memory(&events);
        let stale = cache.questions.get_mut("dba-raid").unwrap();
        stale.state.last_rating = None;
        stale.state.answers = Default::default();
        let (states, changed) = cache.memory(&events);
        assert!(changed);
        assert_eq!(states, replay_all(&events));
        assert!(states["dba-raid"].last_rating.is_some());
    }

    #[test]
    fn a_damaged_or_foreign_cache_is_replayed_over() {
        let events = history();
        let truth = replay_all(&events);
        let mut cache = MemoryCache::default();
        cache.memory(&events);
        // Right fingerprint, implausible state (another question's): replayed.
        let other = cache.questions["deploy-ci"].state;
        cache.questions.get_mut("dba-raid").unwrap().state = other;
        // Wrong fingerprint: replayed.
        cache.questions.get_mut("ops-cdn").unwrap().fingerprint = "1-0".to_string();
        // A question no longer rated: dropped.
        let stray = cache.questions["deploy-ci"].clone();
        cache.questions.insert("gone".to_string(), stray);
        let (states, changed) = cache.memory(&events);
        assert!(changed);
        assert_eq!(states, truth);
        assert!(!cache.questions.contains_key("gone"));
    }

    #[test]
    fn round_trips_through_its_envelope() {
        let mut cache = MemoryCache::default();
        cache.memory(&history());
        assert!(cache.storable());
        let raw = encode(&cache);
        assert!(raw.starts_with(r#"{"schema":1,"#));
        assert_eq!(decode::<MemoryCache>(&raw), Ok(cache.clone()));
        // What it gives after a round trip is still exactly a full replay.
        let mut read: MemoryCache = decode(&raw).unwrap();
        let (states, changed) = read.memory(&history());
        assert!(!changed);
        assert_eq!(states, replay_all(&history()));
        cache.questions.get_mut("ops-cdn").unwrap().state.stability = f32::NAN;
        assert!(!cache.storable());
    }
}
