//! The export file: all of the reader's progress as one versioned JSON document, and the merge
//! that imports it. Merging never loses anything on either side and gives the same result
//! whichever side is which, so importing the same file twice, or exporting from two sites and
//! importing each into the other, ends in one agreed state.

use crate::interview::{Ending, Interview, MAX_ANSWER_CHARS};
use crate::review::event;
use crate::review::memory::{self, MemoryState};
use crate::review::{Note, ReviewEvent};
use crate::sorted::{SortedMap, SortedSet};
use base64::alphabet;
use base64::engine::{DecodePaddingMode, Engine, GeneralPurpose, GeneralPurposeConfig};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::cmp::Ordering;
use std::fmt;

/// The `format` every export file names, so another app's JSON is recognised as foreign.
pub const FORMAT: &str = "interview-practice-export";
/// The version this build writes; it reads this version and every earlier one.
pub const VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Export {
    pub format: String,
    pub version: u32,
    /// Epoch milliseconds.
    pub exported_at: u64,
    /// Every interview, complete or in progress, with its typed answers.
    #[serde(default)]
    pub interviews: Vec<Interview>,
    /// Every rating, from interviews and reviews.
    #[serde(default)]
    pub reviews: Vec<ReviewEvent>,
    /// Question id to its memory state.
    #[serde(default)]
    pub memory: SortedMap<String, MemoryState>,
    /// Question id to the reader's note.
    #[serde(default)]
    pub notes: SortedMap<String, Note>,
    #[serde(default)]
    pub settings: SortedMap<String, String>,
    /// Recordings of spoken answers, only when the reader ticked "include recordings".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recordings: Vec<RecordingFile>,
}

/// A recording in the export file: its audio as base64.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordingFile {
    /// `<interview id>/<question number>`.
    pub key: String,
    pub question: String,
    /// Epoch milliseconds.
    pub at: u64,
    pub mime: String,
    /// The audio, base64 (standard alphabet, padded).
    pub data: String,
}

/// The largest file the app imports, in bytes. A file is held in memory about four times over
/// while it is read (the browser's text, the app's copy, the records, recordings decoded one
/// by one): 50 MB keeps that within a phone's reach, and holds about two and a half hours of
/// recordings.
pub const MAX_FILE_BYTES: u64 = 50_000_000;

/// Why a file cannot be imported. Nothing is changed when any of these is returned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// Larger than `MAX_FILE_BYTES` (its size in bytes): not read at all.
    TooLarge { bytes: u64 },
    /// Not JSON at all (`line`, `column` of the first error).
    NotJson { line: usize, column: usize },
    /// JSON that stops part-way: the download or copy was cut short.
    Truncated,
    /// JSON, but not an Interview Practice export.
    Foreign,
    /// Written by a newer version of the app.
    NewerVersion { version: u64 },
    /// An Interview Practice export whose contents are damaged.
    Damaged { detail: String },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::TooLarge { bytes } => write!(
                f,
                "This file is too large to import: {}, and the app imports files up to {}. An export without recordings is far smaller.",
                megabytes(*bytes),
                megabytes(MAX_FILE_BYTES)
            ),
            ImportError::NotJson { line, column } => write!(
                f,
                "This file is not an Interview Practice export: it is not JSON (line {line}, column {column})."
            ),
            ImportError::Truncated => {
                f.write_str("This export file is incomplete: it ends part-way through.")
            }
            ImportError::Foreign => f.write_str(
                "This file is not an Interview Practice export: it is JSON from something else.",
            ),
            ImportError::NewerVersion { version } => write!(
                f,
                "This export was made by a newer version of Interview Practice (file version {version}, this app reads up to {VERSION}). Update the page and try again."
            ),
            ImportError::Damaged { detail } => {
                write!(f, "This export file is damaged: {detail}.")
            }
        }
    }
}

impl std::error::Error for ImportError {}

/// What importing a file would change, shown before it is applied.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportPreview {
    pub new_interviews: usize,
    /// Interviews already here that the file has further along.
    pub updated_interviews: usize,
    pub new_reviews: usize,
    pub new_notes: usize,
    /// Notes here that the file has a newer version of.
    pub notes_changed: usize,
    /// Questions whose memory state (and so schedule) changes.
    pub memory_changed: usize,
    pub settings_changed: usize,
    /// Completed interviews, here or in the file, whose typed answers the import drops: only
    /// the newest ones keep theirs (the number is the progress's to keep).
    pub answers_dropped: usize,
}

impl ImportPreview {
    /// Nothing would change: the file holds nothing that is not here already.
    pub fn is_empty(&self) -> bool {
        *self == ImportPreview::default()
    }
}

impl Export {
    pub fn new(exported_at: u64) -> Self {
        Self {
            format: FORMAT.to_string(),
            version: VERSION,
            exported_at,
            interviews: Vec::new(),
            reviews: Vec::new(),
            memory: SortedMap::new(),
            notes: SortedMap::new(),
            settings: SortedMap::new(),
            recordings: Vec::new(),
        }
    }

    /// The file's text.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// `interview-practice-2024-03-09.json`, from the local day of the export.
pub fn file_name(exported_at: u64, utc_offset_minutes: i32) -> String {
    let day = crate::review::day::local_day(exported_at, utc_offset_minutes);
    format!(
        "interview-practice-{}.json",
        crate::review::day::format_day(day)
    )
}

/// `61.2 MB` (1 MB = 1,000,000 bytes), `50 MB`.
fn megabytes(bytes: u64) -> String {
    let tenths = bytes.div_ceil(100_000);
    match tenths % 10 {
        0 => format!("{} MB", tenths / 10),
        rest => format!("{}.{rest} MB", tenths / 10),
    }
}

/// Whether a file of `bytes` may be imported: checked before it is read.
pub fn check_size(bytes: u64) -> Result<(), ImportError> {
    if bytes > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge { bytes });
    }
    Ok(())
}

/// Reads an export file, decoding it once: a file of recordings is tens of megabytes. Never
/// panics, whatever the bytes.
pub fn parse(text: &str) -> Result<Export, ImportError> {
    // An export is an object (a list or a string with the same fields is not one of ours).
    if !text.trim_start().starts_with('{') {
        return Err(serde_json::from_str::<serde::de::IgnoredAny>(text)
            .map_or_else(json_error, |_| ImportError::Foreign));
    }
    let mut file: Export = match serde_json::from_str(text) {
        Ok(file) => file,
        Err(e) if e.is_data() => return Err(why_not_ours(text, e)),
        Err(e) => return Err(json_error(e)),
    };
    if file.format != FORMAT {
        return Err(ImportError::Foreign);
    }
    known_version(u64::from(file.version))?;
    // A file can hold anything: notes and answers are capped like typed ones.
    let cap = |text: &mut String| {
        if let Some((at, _)) = text.char_indices().nth(MAX_ANSWER_CHARS) {
            text.truncate(at);
        }
    };
    for note in file.notes.values_mut() {
        cap(&mut note.text);
    }
    for attempt in file
        .interviews
        .iter_mut()
        .flat_map(|i| i.attempts.iter_mut())
    {
        cap(&mut attempt.answer);
    }
    Ok(file)
}

/// A file that is not JSON, or stops part-way.
fn json_error(e: serde_json::Error) -> ImportError {
    match e.classify() {
        serde_json::error::Category::Eof => ImportError::Truncated,
        _ => ImportError::NotJson {
            line: e.line(),
            column: e.column(),
        },
    }
}

/// Why an object that is JSON did not decode as an export: foreign, newer, or damaged (`e`).
fn why_not_ours(text: &str, e: serde_json::Error) -> ImportError {
    /// The two fields that say whose file it is and which version, each as written.
    #[derive(Deserialize)]
    struct Header<'a> {
        #[serde(borrow)]
        format: Option<&'a RawValue>,
        #[serde(borrow)]
        version: Option<&'a RawValue>,
    }
    let header = match serde_json::from_str::<Header>(text) {
        Ok(header) => header,
        Err(e) if e.is_data() => return ImportError::Foreign,
        Err(e) => return json_error(e),
    };
    let format = header.format.map_or("", RawValue::get);
    if serde_json::from_str::<&str>(format).ok() != Some(FORMAT) {
        return ImportError::Foreign;
    }
    match serde_json::from_str::<u64>(header.version.map_or("", RawValue::get)) {
        Err(_) => ImportError::Damaged {
            detail: "its version is missing".into(),
        },
        Ok(version) => known_version(version)
            .err()
            .unwrap_or(ImportError::Damaged {
                detail: e.to_string(),
            }),
    }
}

/// A version this app reads: from 1 to `VERSION`.
fn known_version(version: u64) -> Result<(), ImportError> {
    if version > u64::from(VERSION) {
        return Err(ImportError::NewerVersion { version });
    }
    if version == 0 {
        return Err(ImportError::Damaged {
            detail: "its version is 0".into(),
        });
    }
    Ok(())
}

/// One export holding everything in both, the same whichever is `a` and which `b`:
/// - interviews: by id; when both have one, the one further along (completed, then more
///   questions answered, then more rated; a last tie goes to the greater JSON text);
/// - ratings: all of both, those listed and those inside every interview, each once, in
///   time order (the app replays the ratings inside its interviews, so a file whose list
///   leaves them out still previews what the import does);
/// - memory: each question's ratings replayed in time order through FSRS, exactly as the app
///   derives it (a file's own memory states are not taken: what the preview announces is what
///   the app will then schedule);
/// - notes: the later edit (a tie goes to the greater text); settings: both (a clash goes to
///   the greater value, numbers compared as numbers: "10" beats "9").
pub fn merge(a: &Export, b: &Export) -> Export {
    let mut interviews: SortedMap<&str, &Interview> = SortedMap::new();
    for interview in a.interviews.iter().chain(&b.interviews) {
        interviews
            .entry(interview.id.as_str())
            .and_modify(|kept| {
                if advancement(interview, kept) == Ordering::Greater {
                    *kept = interview;
                }
            })
            .or_insert(interview);
    }
    let mut interviews: Vec<Interview> = interviews.into_values().cloned().collect();
    // By start, then by id: they come in the order of their ids.
    crate::sorting::by_key(&mut interviews, |i| i.started_at);

    let reviews = event::unite(ratings(a).into_iter().chain(ratings(b)));

    let memory = replay_all(&reviews);

    let mut notes = a.notes.clone();
    for (question, note) in &b.notes {
        notes
            .entry(question.clone())
            .and_modify(|kept| {
                if (note.updated_at, &note.text) > (kept.updated_at, &kept.text) {
                    *kept = note.clone();
                }
            })
            .or_insert_with(|| note.clone());
    }

    let mut settings = a.settings.clone();
    for (key, value) in &b.settings {
        settings
            .entry(key.clone())
            .and_modify(|kept| {
                if setting_order(value, kept) == Ordering::Greater {
                    *kept = value.clone();
                }
            })
            .or_insert_with(|| value.clone());
    }

    Export {
        format: FORMAT.to_string(),
        version: VERSION,
        exported_at: a.exported_at.max(b.exported_at),
        interviews,
        reviews,
        memory,
        notes,
        settings,
        recordings: {
            // Both files' recordings, one per key: the newer take (whichever file it is in).
            let mut by_key: SortedMap<&str, &RecordingFile> = SortedMap::new();
            for r in a.recordings.iter().chain(&b.recordings) {
                by_key
                    .entry(r.key.as_str())
                    .and_modify(|kept| {
                        if (r.at, &r.data) > (kept.at, &kept.data) {
                            *kept = r;
                        }
                    })
                    .or_insert(r);
            }
            by_key.into_values().cloned().collect()
        },
    }
}

/// Standard base64 (RFC 4648), padded when written; read with or without its padding, never
/// with `=` anywhere but at the end.
const BASE64: GeneralPurpose = GeneralPurpose::new(
    &alphabet::STANDARD,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// Standard base64 with padding.
pub fn base64_encode(bytes: &[u8]) -> String {
    BASE64.encode(bytes)
}

/// Decodes standard base64 (padding optional, line breaks and spaces skipped); `None` on any
/// other character, `=` before the end, or a length no encoder writes.
pub fn base64_decode(text: &str) -> Option<Vec<u8>> {
    let text: Vec<u8> = text.bytes().filter(|c| !c.is_ascii_whitespace()).collect();
    BASE64.decode(text).ok()
}

/// Memory states from ratings alone: each question's ratings in time order.
pub fn replay_all(reviews: &[ReviewEvent]) -> SortedMap<String, MemoryState> {
    let mut by_question: SortedMap<&str, Vec<&ReviewEvent>> = SortedMap::new();
    for event in reviews {
        by_question.entry(&event.question).or_default().push(event);
    }
    by_question
        .into_iter()
        .filter_map(|(question, events)| {
            let state = memory::replay(events.into_iter().map(|e| (e.at, e.rating, e.points)))?;
            Some((question.to_string(), state))
        })
        .collect()
}

/// Every rating an export holds, once each: its list, and the ratings inside its interviews
/// (with the key points of the answers they rated).
fn ratings(export: &Export) -> Vec<ReviewEvent> {
    let in_interviews = export.interviews.iter().flat_map(event::of_interview);
    event::unite(export.reviews.iter().cloned().chain(in_interviews))
}

fn answered(interview: &Interview) -> usize {
    interview
        .attempts
        .iter()
        .filter(|a| matches!(a.ending, Some(Ending::Done | Ending::TimeUp)))
        .count()
}

fn rated(interview: &Interview) -> usize {
    interview
        .attempts
        .iter()
        .filter(|a| a.rating.is_some())
        .count()
}

/// How far along an interview is; distinct interviews never compare equal.
fn advancement(x: &Interview, y: &Interview) -> Ordering {
    (x.completed_at.is_some(), answered(x), rated(x))
        .cmp(&(y.completed_at.is_some(), answered(y), rated(y)))
        .then_with(|| json(x).cmp(&json(y)))
}

/// Settings values compare as numbers when both are ("10" beats "9"), else as text.
fn setting_order(x: &str, y: &str) -> Ordering {
    match (x.parse::<u64>(), y.parse::<u64>()) {
        (Ok(a), Ok(b)) => a.cmp(&b).then_with(|| x.cmp(y)),
        _ => x.cmp(y),
    }
}

fn json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// What `merge(current, incoming)` would change in `current`.
pub fn diff(current: &Export, incoming: &Export) -> ImportPreview {
    diff_merged(current, &merge(current, incoming))
}

/// What merging a file into `current` changes, from the merge (`merged`) itself.
pub fn diff_merged(current: &Export, merged: &Export) -> ImportPreview {
    let here: SortedMap<&str, &Interview> = current
        .interviews
        .iter()
        .map(|i| (i.id.as_str(), i))
        .collect();
    let mut preview = ImportPreview::default();
    for interview in &merged.interviews {
        match here.get(interview.id.as_str()) {
            None => preview.new_interviews += 1,
            Some(old) if *old != interview => preview.updated_interviews += 1,
            Some(_) => {}
        }
    }
    let reviews_here: SortedSet<ReviewEvent> = ratings(current).into_iter().collect();
    preview.new_reviews = merged
        .reviews
        .iter()
        .filter(|e| !reviews_here.contains(*e))
        .count();
    for (question, note) in &merged.notes {
        match current.notes.get(question) {
            None => preview.new_notes += 1,
            Some(old) if old != note => preview.notes_changed += 1,
            Some(_) => {}
        }
    }
    // Memory as the app derives it, from the ratings, on both sides of the import.
    let memory_now = replay_all(&reviews_here.into_iter().collect::<Vec<_>>());
    preview.memory_changed = merged
        .memory
        .iter()
        .filter(|(q, state)| memory_now.get(*q) != Some(state))
        .count();
    preview.settings_changed = merged
        .settings
        .iter()
        .filter(|(k, v)| current.settings.get(*k) != Some(v))
        .count();
    preview
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interview::{Rating, Setup};

    const T0: u64 = 1_700_000_000_000;

    fn interview(id: &str, steps: usize) -> Interview {
        let mut i = Interview::new(
            id.into(),
            Setup::default(),
            &["dba-raid", "dba-indexes"],
            T0,
        );
        let mut now = T0;
        for step in 0..steps {
            now += 1_000;
            match step % 3 {
                0 => i.done(now),
                1 => i.rate(Rating::Good, 0),
                _ => i.next(now),
            }
        }
        i
    }

    fn sample() -> Export {
        let mut e = Export::new(T0);
        e.interviews.push(interview("a", 6));
        e.reviews
            .push(ReviewEvent::new(T0, "dba-raid", Rating::Good));
        e.memory = replay_all(&e.reviews);
        e.notes.insert(
            "dba-raid".into(),
            Note {
                text: "RAID 10: \"mirror\" then\tstripe\n".into(),
                updated_at: T0,
            },
        );
        e.settings.insert("new-per-day".into(), "10".into());
        e
    }

    #[test]
    fn an_export_round_trips() {
        let e = sample();
        assert_eq!(parse(&e.to_json()).unwrap(), e);
        assert!(e
            .to_json()
            .contains("\"format\": \"interview-practice-export\""));
    }

    #[test]
    fn bad_files_get_clear_errors() {
        let json = sample().to_json();
        assert_eq!(parse(&json[..json.len() / 2]), Err(ImportError::Truncated));
        assert_eq!(parse(""), Err(ImportError::Truncated));
        assert!(matches!(
            parse("PK\u{3}\u{4} a zip"),
            Err(ImportError::NotJson { line: 1, .. })
        ));
        assert_eq!(parse("[1, 2]"), Err(ImportError::Foreign));
        assert_eq!(parse("{\"name\": \"x\"}"), Err(ImportError::Foreign));
        assert_eq!(
            parse(r#"{"format": "interview-practice-export", "version": 2, "exported_at": 0}"#),
            Err(ImportError::NewerVersion { version: 2 })
        );
        assert!(matches!(
            parse(r#"{"format": "interview-practice-export", "version": 1}"#),
            Err(ImportError::Damaged { .. })
        ));
        assert!(matches!(
            parse(
                r#"{"format": "interview-practice-export", "version": 1, "exported_at": 0, "reviews": [{"at": 1}]}"#
            ),
            Err(ImportError::Damaged { .. })
        ));
        // JSON, however deep, but not an export.
        assert_eq!(
            parse(&format!("{}{}", "[".repeat(10_000), "]".repeat(10_000))),
            Err(ImportError::Foreign)
        );
        for error in [
            ImportError::NotJson { line: 1, column: 2 },
            ImportError::Truncated,
            ImportError::Foreign,
            ImportError::NewerVersion { version: 9 },
            ImportError::Damaged { detail: "x".into() },
        ] {
            assert!(!error.to_string().is_empty());
        }
    }

    #[test]
    fn a_file_above_the_limit_is_refused_with_its_size_and_the_limit() {
        assert_eq!(check_size(0), Ok(()));
        assert_eq!(check_size(MAX_FILE_BYTES), Ok(()));
        assert_eq!(
            check_size(MAX_FILE_BYTES + 1),
            Err(ImportError::TooLarge {
                bytes: MAX_FILE_BYTES + 1
            })
        );
        assert_eq!(
            ImportError::TooLarge { bytes: 61_234_567 }.to_string(),
            "This file is too large to import: 61.3 MB, and the app imports files up to 50 MB. An export without recordings is far smaller."
        );
        // Never rounded down to the limit itself.
        assert!(ImportError::TooLarge {
            bytes: MAX_FILE_BYTES + 1
        }
        .to_string()
        .contains(": 50.1 MB,"));
    }

    #[test]
    fn foreign_newer_and_damaged_files_are_told_apart() {
        let ours = |rest: &str| format!(r#"{{"format": "interview-practice-export", {rest}}}"#);
        // A list with an export's fields is not an export.
        assert_eq!(
            parse(r#"["interview-practice-export", 1, 0]"#),
            Err(ImportError::Foreign)
        );
        assert_eq!(
            parse(r#"{"format": 7, "version": 1, "exported_at": 0}"#),
            Err(ImportError::Foreign)
        );
        assert_eq!(
            parse(r#"{"format": "other", "version": 1, "exported_at": 0}"#),
            Err(ImportError::Foreign)
        );
        // A newer version that no longer decodes as this one is still told as newer.
        assert_eq!(
            parse(&ours(r#""version": 3, "exported_at": "yesterday""#)),
            Err(ImportError::NewerVersion { version: 3 })
        );
        assert_eq!(
            parse(&ours(r#""version": 99999999999, "exported_at": 0"#)),
            Err(ImportError::NewerVersion {
                version: 99_999_999_999
            })
        );
        assert_eq!(
            parse(&ours(r#""exported_at": 0"#)),
            Err(ImportError::Damaged {
                detail: "its version is missing".into()
            })
        );
        assert_eq!(
            parse(&ours(r#""version": "1", "exported_at": 0"#)),
            Err(ImportError::Damaged {
                detail: "its version is missing".into()
            })
        );
        assert_eq!(
            parse(&ours(r#""version": 0, "exported_at": 0"#)),
            Err(ImportError::Damaged {
                detail: "its version is 0".into()
            })
        );
        // Damaged and cut short: cut short is what the reader can fix.
        assert_eq!(
            parse(&ours(r#""version": 1, "exported_at": "x", "notes": {"#)),
            Err(ImportError::Truncated)
        );
        // A field the app does not read is skipped, however deep.
        assert_eq!(
            parse(&ours(&format!(
                r#""version": 1, "exported_at": 0, "extra": {}{}"#,
                "[".repeat(10_000),
                "]".repeat(10_000)
            ))),
            Ok(Export::new(0))
        );
    }

    #[test]
    fn a_minimal_file_reads_with_empty_collections() {
        let e = parse(r#"{"format": "interview-practice-export", "version": 1, "exported_at": 5}"#)
            .unwrap();
        assert_eq!(e, Export::new(5));
    }

    #[test]
    fn the_interview_further_along_wins() {
        let mut a = Export::new(T0);
        let mut b = Export::new(T0 + 1);
        a.interviews.push(interview("x", 2));
        b.interviews.push(interview("x", 6)); // completed
        b.interviews.push(interview("y", 0));
        let m = merge(&a, &b);
        assert_eq!(m.interviews.len(), 2);
        let x = m.interviews.iter().find(|i| i.id == "x").unwrap();
        assert!(x.completed_at.is_some());
        assert_eq!(m.exported_at, T0 + 1);
        assert_eq!(
            diff(&a, &b),
            ImportPreview {
                new_interviews: 1,
                updated_interviews: 1,
                // The second rating inside b's x, which a's x has not reached.
                new_reviews: 1,
                memory_changed: 1,
                ..ImportPreview::default()
            }
        );
    }

    #[test]
    fn memory_is_recomputed_from_the_ratings_of_both_sides() {
        let mut a = Export::new(T0);
        let mut b = Export::new(T0);
        a.reviews
            .push(ReviewEvent::new(T0, "dba-raid", Rating::Good));
        a.memory = replay_all(&a.reviews);
        b.reviews.push(ReviewEvent::new(
            T0 + 3 * crate::review::DAY_MS,
            "dba-raid",
            Rating::Again,
        ));
        b.memory = replay_all(&b.reviews);
        let m = merge(&a, &b);
        let state = m.memory["dba-raid"];
        assert_eq!((state.reps, state.lapses), (2, 1));
        let p = diff(&a, &b);
        assert_eq!((p.new_reviews, p.memory_changed), (1, 1));
    }

    #[test]
    fn the_preview_announces_exactly_the_memory_the_app_will_have() {
        // A file whose memory state no rating backs (a hand-edited file): the app derives
        // memory from ratings, so neither the preview nor the result takes it.
        let a = Export::new(T0);
        let mut b = Export::new(T0);
        b.memory.insert(
            "dba-raid".into(),
            MemoryState {
                stability: 99.0,
                difficulty: 1.0,
                last_review: T0,
                due: T0 + 99 * crate::review::DAY_MS,
                reps: 9,
                lapses: 0,
                ..MemoryState::default()
            },
        );
        assert!(diff(&a, &b).is_empty());
        assert!(merge(&a, &b).memory.is_empty());
    }

    #[test]
    fn imported_notes_and_answers_are_capped_like_typed_ones() {
        let mut file = sample();
        file.notes.insert(
            "dba-raid".into(),
            Note {
                text: "é".repeat(MAX_ANSWER_CHARS + 7),
                updated_at: T0,
            },
        );
        file.interviews[0].attempts[0].answer = "x".repeat(3 * MAX_ANSWER_CHARS);
        let read = parse(&file.to_json()).unwrap();
        assert_eq!(
            read.notes["dba-raid"].text.chars().count(),
            MAX_ANSWER_CHARS
        );
        assert_eq!(
            read.interviews[0].attempts[0].answer.chars().count(),
            MAX_ANSWER_CHARS
        );
    }

    #[test]
    fn settings_compare_as_numbers() {
        let mut a = Export::new(T0);
        let mut b = Export::new(T0);
        a.settings.insert("new_per_day".into(), "9".into());
        b.settings.insert("new_per_day".into(), "10".into());
        assert_eq!(merge(&a, &b).settings["new_per_day"], "10");
        assert_eq!(merge(&b, &a).settings["new_per_day"], "10");
        assert_eq!(diff(&a, &b).settings_changed, 1);
        assert_eq!(diff(&b, &a).settings_changed, 0);
    }

    #[test]
    fn the_later_note_wins_and_settings_are_united() {
        let mut a = sample();
        let mut b = Export::new(T0);
        b.notes.insert(
            "dba-raid".into(),
            Note {
                text: "newer".into(),
                updated_at: T0 + 1,
            },
        );
        b.notes.insert(
            "dba-indexes".into(),
            Note {
                text: "b-tree".into(),
                updated_at: T0,
            },
        );
        b.settings.insert("theme".into(), "dark".into());
        let m = merge(&a, &b);
        assert_eq!(m.notes["dba-raid"].text, "newer");
        assert_eq!(m.notes.len(), 2);
        assert_eq!(m.settings.len(), 2);
        let p = diff(&a, &b);
        assert_eq!(
            (p.new_notes, p.notes_changed, p.settings_changed),
            (1, 1, 1)
        );
        a = m.clone();
        assert!(diff(&a, &b).is_empty());
        assert!(diff(&m, &m).is_empty());
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use crate::content::QUESTIONS;
        use proptest::prelude::*;

        fn rating() -> impl Strategy<Value = Rating> {
            prop::sample::select(Rating::ALL.to_vec())
        }

        fn question() -> impl Strategy<Value = String> {
            (0..4usize).prop_map(|i| QUESTIONS[i].id.to_string())
        }

        fn review_event() -> impl Strategy<Value = ReviewEvent> {
            (0..20u64, question(), rating()).prop_map(|(day, question, rating)| ReviewEvent {
                at: T0 + day * 43_200_000,
                question,
                rating,
                points: None,
            })
        }

        fn an_interview() -> impl Strategy<Value = Interview> {
            (
                prop::sample::select(vec!["i1", "i2", "i3"]),
                0..3u64,
                prop::collection::vec(0..5u8, 0..12),
            )
                .prop_map(|(id, start, ops)| {
                    let started = T0 + start;
                    let mut i = Interview::new(
                        id.into(),
                        Setup::default(),
                        &[QUESTIONS[0].id, QUESTIONS[1].id],
                        started,
                    );
                    let mut now = started;
                    for op in ops {
                        now += 1_000;
                        match op {
                            0 => i.type_answer("raid mirror stripe", now),
                            1 => i.done(now),
                            2 => i.rate(Rating::Hard, 0),
                            3 => i.next(now),
                            _ => i.skip(now),
                        }
                    }
                    i
                })
        }

        fn note() -> impl Strategy<Value = Note> {
            (prop::sample::select(vec!["a", "b", "tab\there"]), 0..3u64).prop_map(|(text, at)| {
                Note {
                    text: text.into(),
                    updated_at: T0 + at,
                }
            })
        }

        fn memory_state() -> impl Strategy<Value = MemoryState> {
            (0..20u64, rating(), 0..3u32).prop_map(|(day, rating, extra)| {
                let mut s = memory::review(None, rating, None, T0 + day * 43_200_000);
                s.reps += extra;
                s
            })
        }

        prop_compose! {
            fn an_export()(
                exported_at in 0..5u64,
                interviews in prop::collection::vec(an_interview(), 0..4),
                reviews in prop::collection::vec(review_event(), 0..8),
                consistent in any::<bool>(),
                stray in prop::collection::btree_map(question(), memory_state(), 0..3),
                notes in prop::collection::btree_map(question(), note(), 0..3),
                settings in prop::collection::btree_map(
                    prop::sample::select(vec!["theme", "new-per-day"]).prop_map(String::from),
                    prop::sample::select(vec!["1", "2"]).prop_map(String::from),
                    0..2,
                ),
            ) -> Export {
                let mut e = Export::new(T0 + exported_at);
                e.memory = if consistent { replay_all(&reviews) } else { stray.into_iter().collect() };
                e.interviews = interviews;
                e.reviews = reviews;
                e.notes = notes.into_iter().collect();
                e.settings = settings.into_iter().collect();
                e
            }
        }

        fn contains_all_of(merged: &Export, side: &Export) {
            for interview in &side.interviews {
                let kept = merged
                    .interviews
                    .iter()
                    .find(|i| i.id == interview.id)
                    .expect("interview kept");
                assert_ne!(advancement(kept, interview), Ordering::Less);
            }
            for event in &side.reviews {
                assert!(merged.reviews.contains(event));
            }
            for event in &side.reviews {
                assert!(merged.memory.contains_key(&event.question));
            }
            for (question, note) in &side.notes {
                let kept = &merged.notes[question];
                assert!((kept.updated_at, &kept.text) >= (note.updated_at, &note.text));
            }
            for key in side.settings.keys() {
                assert!(merged.settings.contains_key(key));
            }
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(200))]

            #[test]
            fn merge_is_order_independent(a in an_export(), b in an_export()) {
                prop_assert_eq!(merge(&a, &b), merge(&b, &a));
            }

            #[test]
            fn merging_again_changes_nothing(a in an_export(), b in an_export()) {
                let ab = merge(&a, &b);
                prop_assert_eq!(merge(&a, &ab), ab.clone());
                prop_assert_eq!(merge(&ab, &ab), ab.clone());
                prop_assert!(diff(&ab, &a).is_empty());
                prop_assert!(diff(&ab, &b).is_empty());
            }

            #[test]
            fn merge_is_associative(a in an_export(), b in an_export(), c in an_export()) {
                prop_assert_eq!(merge(&merge(&a, &b), &c), merge(&a, &merge(&b, &c)));
            }

            #[test]
            fn merge_loses_nothing(a in an_export(), b in an_export()) {
                let m = merge(&a, &b);
                contains_all_of(&m, &a);
                contains_all_of(&m, &b);
                prop_assert_eq!(parse(&m.to_json()).unwrap(), m);
            }

            #[test]
            fn parse_never_panics(text in "\\PC{0,200}") {
                let _ = parse(&text);
            }

            #[test]
            fn parse_never_panics_on_a_cut_export(a in an_export(), cut in 0..4000usize) {
                let json = a.to_json();
                let mut end = cut.min(json.len());
                while !json.is_char_boundary(end) {
                    end -= 1;
                }
                let parsed = parse(&json[..end]);
                if end < json.len() {
                    prop_assert!(parsed.is_err());
                }
            }
        }
    }

    #[test]
    fn base64_round_trips_and_matches_the_standard() {
        assert_eq!(base64_encode(b""), "");
        assert_eq!(base64_encode(b"f"), "Zg==");
        assert_eq!(base64_encode(b"fo"), "Zm8=");
        assert_eq!(base64_encode(b"foo"), "Zm9v");
        assert_eq!(base64_encode(b"foobar"), "Zm9vYmFy");
        let bytes: Vec<u8> = (0..=255).collect();
        assert_eq!(base64_decode(&base64_encode(&bytes)).unwrap(), bytes);
        assert_eq!(base64_decode("Zm9v\nYmE=").unwrap(), b"fooba");
        assert_eq!(base64_decode("Zm9v!"), None);
        assert_eq!(base64_decode("Zg").unwrap(), b"f");
        assert_eq!(base64_decode("Zg==").unwrap(), b"f");
    }

    #[test]
    fn base64_refuses_padding_before_the_end() {
        for damaged in ["Zg==Zg==", "Z=g=", "=Zm9v", "Zm9=v"] {
            assert_eq!(base64_decode(damaged), None, "{damaged}");
        }
    }

    #[test]
    fn recordings_are_left_out_unless_included_and_merge_by_key_newest_first() {
        let mut a = Export::new(1);
        assert!(!a.to_json().contains("recordings"));
        let take = |key: &str, at: u64, data: &str| RecordingFile {
            key: key.into(),
            question: "dba-raid".into(),
            at,
            mime: "audio/webm".into(),
            data: data.into(),
        };
        a.recordings = vec![take("i/1", 9, "AAAA")];
        let mut b = Export::new(2);
        b.recordings = vec![take("i/1", 5, "BBBB"), take("i/2", 5, "CCCC")];
        let merged = merge(&a, &b);
        assert_eq!(
            merged.recordings,
            vec![take("i/1", 9, "AAAA"), take("i/2", 5, "CCCC")]
        );
        assert_eq!(merge(&b, &a), merged);
        assert_eq!(
            parse(&merged.to_json()).unwrap().recordings,
            merged.recordings
        );
        // An earlier file without recordings still reads.
        assert!(parse(&Export::new(1).to_json())
            .unwrap()
            .recordings
            .is_empty());
    }
}
