//! Key points checked against an answer, typed or transcribed, on the device: the one entry
//! point of the app's marking ([`mark`]), over the `interview-marking` crate with the
//! glossary from `content/glossary.md`, which travels in the content data file with the key
//! points (`content::bodies`). Pure: tested natively.

// The baseline build leaves the matcher's plumbing unused.
#![cfg_attr(feature = "unmarked", allow(dead_code, unused_imports))]

use crate::content::{bodies, Bodies, Question};
pub use interview_marking::PointMark;
use interview_marking::{Glossary, Marker};
use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;
use std::sync::OnceLock;

fn marker(bodies: &'static Bodies) -> &'static Marker {
    static MARKER: OnceLock<Marker> = OnceLock::new();
    // The content compiler has checked the glossary and the data file its checksum: it cannot
    // fail here, and an empty one would only make the marking stricter.
    MARKER.get_or_init(|| {
        Marker::new(Glossary::new(bodies.glossary()).unwrap_or_default())
            .with_real_words(bodies.real_words())
    })
}

/// How the answer fares against each of the question's key points, in order, with the words
/// that matched; `None` until the key points' alternatives are loaded (`content::bodies`).
#[cfg(not(feature = "unmarked"))]
pub fn mark(answer: &str, question: &'static Question) -> Option<Vec<PointMark>> {
    let bodies = bodies()?;
    let marker = marker(bodies);
    prepared(bodies, question, |prepared| marker.mark(answer, prepared))
}

/// `make bench`'s baseline build (feature `unmarked`): the matcher left out, so the size of the
/// wasm without it can be measured. Every point missed.
#[cfg(feature = "unmarked")]
pub fn mark(_answer: &str, question: &'static Question) -> Option<Vec<PointMark>> {
    Some(
        bodies()?
            .alternatives(question)
            .map(|_| PointMark::default())
            .collect(),
    )
}

/// A question's key points, prepared for matching once per session: a question has hundreds
/// of alternatives, and preparing them costs as much as marking an answer.
fn prepared<T>(
    bodies: &'static Bodies,
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
            let marker = marker(bodies);
            let fresh: Rc<Vec<_>> = Rc::new(
                bodies
                    .alternatives(question)
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
        let marker = marker(bodies().unwrap());
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
        let bodies = bodies().unwrap();
        for q in QUESTIONS.iter().filter(|q| bodies.answer(q).is_some()) {
            let marks = covered(&bodies.answer_text(q), q).unwrap();
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
