//! Key points checked against an answer, typed or transcribed, on the device: the one entry
//! point of the app's marking ([`mark`]), over the `interview-marking` crate with the
//! glossary compiled from `content/glossary.md`. Pure: tested natively.

use crate::content::{KeyPoint, GLOSSARY, REAL_WORDS};
pub use interview_marking::PointMark;
use interview_marking::{Glossary, Marker};
use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;
use std::sync::OnceLock;

fn marker() -> &'static Marker {
    static MARKER: OnceLock<Marker> = OnceLock::new();
    // The content compiler has checked the glossary: it cannot fail here, and an empty one
    // would only make the marking stricter.
    MARKER.get_or_init(|| {
        Marker::new(Glossary::new(GLOSSARY.iter().map(|g| g.iter())).unwrap_or_default())
            .with_real_words(REAL_WORDS)
    })
}

/// How the answer fares against each key point, in order, with the words that matched.
pub fn mark(answer: &str, points: &'static [KeyPoint]) -> Vec<PointMark> {
    let marker = marker();
    prepared(points, |prepared| marker.mark(answer, prepared))
}

/// A question's key points, prepared for matching once per session: a question has hundreds
/// of alternatives, and preparing them costs as much as marking an answer.
fn prepared<T>(
    points: &'static [KeyPoint],
    f: impl FnOnce(&[interview_marking::KeyPoint]) -> T,
) -> T {
    thread_local! {
        static PREPARED: RefCell<HashMap<usize, Rc<Vec<interview_marking::KeyPoint>>>> =
            RefCell::default();
    }
    // The content is static: a question's key points live at one address for good.
    let key = points.as_ptr() as usize;
    let found = PREPARED.with(|cache| cache.borrow().get(&key).cloned());
    let prepared = found.unwrap_or_else(|| {
        let marker = marker();
        let fresh: Rc<Vec<_>> = Rc::new(
            points
                .iter()
                .map(|p| marker.key_point(p.alternatives()))
                .collect(),
        );
        PREPARED.with(|cache| cache.borrow_mut().insert(key, Rc::clone(&fresh)));
        fresh
    });
    f(&prepared)
}

/// Whether the answer covers each key point.
pub fn covered(answer: &str, points: &'static [KeyPoint]) -> Vec<bool> {
    mark(answer, points).iter().map(|m| m.covered).collect()
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
    cuts.sort_unstable();
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

    const RAID: KeyPoint = KeyPoint {
        label: "RAID 10",
        alternatives: "RAID 10|mirror+stripe",
    };
    const ZONE: KeyPoint = KeyPoint {
        label: "another availability zone",
        alternatives: "another availability zone",
    };

    #[test]
    fn the_glossary_from_content_is_used() {
        assert_eq!(
            covered("RAID 1+0 in another AZ", &[RAID, ZONE]),
            [true, true]
        );
        assert_eq!(covered("RAID 5 in one zone", &[RAID, ZONE]), [false, false]);
    }

    #[test]
    fn every_model_answer_covers_its_own_key_points() {
        for q in QUESTIONS.iter().filter(|q| q.answer_html.is_some()) {
            let marks = covered(&q.answer_text(), q.key_points);
            assert!(marks.iter().all(|m| *m), "{}: {marks:?}", q.id);
        }
        let raid = question("dba-raid").unwrap();
        assert!(covered("no idea", raid.key_points).iter().all(|m| !m));
    }

    #[test]
    fn segments_cut_the_text_at_each_points_evidence() {
        let text = "It mirrors, then stripes, in another AZ";
        let marks = mark(text, &[RAID, ZONE]);
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
