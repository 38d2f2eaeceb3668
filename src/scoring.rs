//! Key points checked against an answer, typed or transcribed, on the device: the one entry
//! point of the app's marking ([`mark`]), over the `interview-marking` crate with the
//! glossary from `content/glossary.md`, which travels in the content's marking file; each
//! question's key points' alternatives are in its own data file (`content::bodies`). Pure:
//! tested natively.
//!
//! The matcher is a table of its own ([`Matcher`]): the release build keeps its code in the
//! marking's piece of the wasm, which installs the table (`views::interview::marking`), so an
//! interview's first question never waits for it. Until it is installed the answer cannot be
//! marked, as until the key points are loaded: [`mark`] says `None`.

// The baseline build leaves the matcher's plumbing unused.
#![cfg_attr(feature = "unmarked", allow(dead_code, unused_imports))]

use crate::content::{marking, question_text, Marking, Question, QuestionText};
pub use interview_marking::PointMark;
use interview_marking::{Glossary, Marker};
use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;
use std::sync::OnceLock;

/// The matcher, as one table of functions: only the code that calls [`Matcher::here`] holds
/// what it names.
pub struct Matcher {
    mark: fn(&str, &'static Question) -> Option<Vec<PointMark>>,
}

impl Matcher {
    pub fn here() -> Self {
        Matcher { mark: mark_here }
    }
}

static INSTALLED: OnceLock<Matcher> = OnceLock::new();

/// The installed matcher, if its piece is here. Builds without the `split` feature (native and
/// browser tests) have it from the start.
pub fn installed() -> Option<&'static Matcher> {
    #[cfg(feature = "split")]
    return INSTALLED.get();
    #[cfg(not(feature = "split"))]
    return Some(INSTALLED.get_or_init(Matcher::here));
}

/// Installs the matcher: called by its piece of the wasm, which then holds the matcher's code.
pub fn install() {
    let _ = INSTALLED.set(Matcher::here());
}

/// How the answer fares against each of the question's key points, in order, with the words
/// that matched; `None` until the matcher is installed and the question's data file and the
/// marking file are loaded (`content::bodies`).
pub fn mark(answer: &str, question: &'static Question) -> Option<Vec<PointMark>> {
    (installed()?.mark)(answer, question)
}

fn marker(marking: &'static Marking) -> &'static Marker {
    static MARKER: OnceLock<Marker> = OnceLock::new();
    // The content compiler has checked the glossary and the data file its checksum: it cannot
    // fail here, and an empty one would only make the marking stricter.
    MARKER.get_or_init(|| {
        Marker::new(Glossary::new(marking.glossary()).unwrap_or_default())
            .with_real_words(marking.real_words())
    })
}

#[cfg(not(feature = "unmarked"))]
fn mark_here(answer: &str, question: &'static Question) -> Option<Vec<PointMark>> {
    let marker = marker(marking()?);
    prepared(question_text(question)?, question, |prepared| {
        marker.mark(answer, prepared)
    })
}

/// `make bench`'s baseline build (feature `unmarked`): the matcher left out, so the size of the
/// wasm without it can be measured. Every point missed.
#[cfg(feature = "unmarked")]
fn mark_here(_answer: &str, question: &'static Question) -> Option<Vec<PointMark>> {
    marking()?;
    Some(
        question_text(question)?
            .alternatives()
            .map(|_| PointMark::default())
            .collect(),
    )
}

/// A question's key points, prepared for matching once per session: a question has hundreds
/// of alternatives, and preparing them costs as much as marking an answer.
fn prepared<T>(
    text: &'static QuestionText,
    question: &'static Question,
    f: impl FnOnce(&[interview_marking::KeyPoint]) -> T,
) -> Option<T> {
    thread_local! {
        // A few dozen questions a session: a list costs the wasm less than a hash map.
        static PREPARED: RefCell<Vec<(usize, Rc<Vec<interview_marking::KeyPoint>>)>> =
            RefCell::default();
    }
    // The content is static: a question lives at one address for good.
    let key = question as *const Question as usize;
    let found = PREPARED.with(|cache| {
        let cache = cache.borrow();
        cache
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, p)| Rc::clone(p))
    });
    let prepared = match found {
        Some(prepared) => prepared,
        None => {
            let marker = marker(marking()?);
            let fresh: Rc<Vec<_>> = Rc::new(
                text.alternatives()
                    .map(|alternatives| marker.key_point(alternatives))
                    .collect(),
            );
            PREPARED.with(|cache| cache.borrow_mut().push((key, Rc::clone(&fresh))));
            fresh
        }
    };
    Some(f(&prepared))
}

/// Whether the answer covers each key point; `None` until the key points are loaded.
pub fn covered(answer: &str, question: &'static Question) -> Option<Vec<bool>> {
    mark(answer, question).map(|marks| marks.iter().map(|m| m.covered).collect())
}

/// A run of the answer's text and the key points whose evidence it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub range: Range<usize>,
    pub points: Vec<usize>,
}

/// The answer cut into runs at the edges of every point's evidence, so a view can highlight
/// the words of one point, or of all.
pub fn segments(text: &str, marks: &[PointMark]) -> Vec<Segment> {
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for m in marks {
        for r in &m.evidence {
            cuts.extend([r.start.min(text.len()), r.end.min(text.len())]);
        }
    }
    cuts.retain(|&c| text.is_char_boundary(c));
    let mut cuts = crate::sorted::sort(cuts);
    cuts.dedup();
    cuts.windows(2)
        .map(|w| {
            let range = w[0]..w[1];
            let points = marks
                .iter()
                .enumerate()
                .filter(|(_, m)| {
                    m.evidence
                        .iter()
                        .any(|r| r.start <= range.start && range.end <= r.end)
                })
                .map(|(i, _)| i)
                .collect();
            Segment { range, points }
        })
        .collect()
}

/// The evidence of a point as the reader's own words: `“mirrors” … “stripes”`.
pub fn quote(text: &str, mark: &PointMark) -> String {
    mark.evidence
        .iter()
        .filter_map(|r| text.get(r.clone()))
        .map(|words| format!("“{words}”"))
        .collect::<Vec<_>>()
        .join(" … ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{question, QUESTIONS};

    /// Marks against ad-hoc key points, each given as its alternatives `a|b+c`.
    fn mark_against(answer: &str, points: &[&str]) -> Vec<PointMark> {
        let marker = marker(marking().unwrap());
        let prepared: Vec<_> = points
            .iter()
            .map(|p| marker.key_point(p.split('|').map(|a| a.split('+'))))
            .collect();
        marker.mark(answer, &prepared)
    }

    const RAID: &str = "RAID 10|mirror+stripe";
    const ZONE: &str = "another availability zone";

    fn covered_by(answer: &str, points: &[&str]) -> Vec<bool> {
        mark_against(answer, points)
            .iter()
            .map(|m| m.covered)
            .collect()
    }

    #[test]
    fn the_glossary_from_content_is_used() {
        assert_eq!(
            covered_by("RAID 1+0 in another AZ", &[RAID, ZONE]),
            [true, true]
        );
        assert_eq!(
            covered_by("RAID 5 in one zone", &[RAID, ZONE]),
            [false, false]
        );
    }

    #[test]
    fn every_model_answer_covers_its_own_key_points() {
        let answers = crate::content::answers().unwrap();
        for q in QUESTIONS.iter().filter(|q| answers.answer(q).is_some()) {
            let marks = covered(&answers.answer_text(q), q).unwrap();
            assert_eq!(marks.len(), q.key_points.len());
            assert!(marks.iter().all(|m| *m), "{}: {marks:?}", q.id);
        }
        let raid = question("dba-raid").unwrap();
        assert!(covered("no idea", raid).unwrap().iter().all(|m| !m));
    }

    #[test]
    fn segments_cut_the_text_at_each_points_evidence() {
        let text = "It mirrors, then stripes, in another AZ";
        let marks = mark_against(text, &[RAID, ZONE]);
        let cut: Vec<(&str, Vec<usize>)> = segments(text, &marks)
            .into_iter()
            .map(|s| (&text[s.range], s.points))
            .collect();
        assert_eq!(
            cut,
            [
                ("It ", vec![]),
                ("mirrors", vec![0]),
                (", then ", vec![]),
                ("stripes", vec![0]),
                (", in ", vec![]),
                ("another AZ", vec![1]),
            ]
        );
        assert_eq!(quote(text, &marks[0]), "“mirrors” … “stripes”");
        assert_eq!(segments("", &marks), []);
    }
}
