//! One rating of one question: what the memory model, the calendar and the export are built
//! from, with the key points the answer it rated covered, when it was marked. Ratings are kept
//! for good; memory states can always be recomputed from them.

use super::memory::rating_order;
use crate::interview::{Ending, Interview, Rating};
use crate::sorted::SortedMap;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ReviewEvent {
    /// Epoch milliseconds.
    pub at: u64,
    pub question: String,
    pub rating: Rating,
    /// The key points the rated answer covered: the device's marks as the reader left them
    /// (an interview's answer, or a review's typed answer or ticked points). `None` when
    /// nothing was marked, and in ratings stored before marks were kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points: Option<Points>,
}

/// Key points an answer covered, of how many its question has: `[covered, of]`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Points(pub u8, pub u8);

impl Points {
    /// From a question's marks, one per key point; `None` when there are none.
    pub fn of_marks(marks: &[bool]) -> Option<Points> {
        let of = u8::try_from(marks.len()).unwrap_or(u8::MAX);
        let covered = marks.iter().take(usize::from(of)).filter(|m| **m).count() as u8;
        (of > 0).then_some(Points(covered, of))
    }

    pub fn covered(self) -> u8 {
        self.0.min(self.1)
    }

    pub fn of(self) -> u8 {
        self.1
    }

    pub fn missed(self) -> u8 {
        self.1 - self.covered()
    }

    /// More than half of the key points: what readiness asks of the latest answer.
    pub fn most(self) -> bool {
        self.of() > 0 && 2 * u16::from(self.covered()) > u16::from(self.of())
    }
}

impl ReviewEvent {
    pub fn new(at: u64, question: &str, rating: Rating) -> Self {
        Self {
            at,
            question: question.to_string(),
            rating,
            points: None,
        }
    }

    pub fn with_points(self, points: Option<Points>) -> Self {
        Self { points, ..self }
    }
}

/// A rating is its time, question and rating: the same rating stored twice (as a review record
/// and in an interview, through an import) is one, whatever marks each copy carries.
impl PartialEq for ReviewEvent {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for ReviewEvent {}

/// By time, then question, then Again < Hard < Good < Easy: a total order, so sorted lists of
/// events are canonical.
impl Ord for ReviewEvent {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.at, &self.question, rating_order(self.rating)).cmp(&(
            other.at,
            &other.question,
            rating_order(other.rating),
        ))
    }
}

impl PartialOrd for ReviewEvent {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Every rating once, in order; of two copies of one rating, the one with the greater marks
/// (any over none), so the result does not depend on the order they come in.
pub fn unite(events: impl IntoIterator<Item = ReviewEvent>) -> Vec<ReviewEvent> {
    let mut united: SortedMap<(u64, String, u8), ReviewEvent> = SortedMap::new();
    for event in events {
        let key = (event.at, event.question.clone(), rating_order(event.rating));
        match united.get_mut(&key) {
            Some(kept) if kept.points >= event.points => {}
            Some(kept) => *kept = event,
            None => {
                united.insert(key, event);
            }
        }
    }
    united.into_values().collect()
}

/// The ratings given in an interview, each with the key points of the answer it rated (an
/// answer that ended, done or out of time; a skipped question has none).
pub fn of_interview(interview: &Interview) -> impl Iterator<Item = ReviewEvent> + '_ {
    interview.attempts.iter().filter_map(|a| {
        let answered = matches!(a.ending, Some(Ending::Done | Ending::TimeUp));
        // Stored marks may outnumber the question's key points.
        let points = a.content().map_or(a.marks.len(), |q| q.key_points.len());
        let marks = &a.marks[..a.marks.len().min(points)];
        let points = answered.then(|| Points::of_marks(marks)).flatten();
        Some(ReviewEvent::new(a.rated_at?, &a.question, a.rating?).with_points(points))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interview::Setup;
    use crate::storage::{decode, encode};

    #[test]
    fn points_count_the_marks_and_most_is_more_than_half() {
        assert_eq!(Points::of_marks(&[true, false, true]), Some(Points(2, 3)));
        assert_eq!(Points::of_marks(&[]), None);
        assert!(Points(2, 3).most());
        assert!(!Points(2, 4).most());
        assert!(Points(3, 4).most());
        assert!(!Points(0, 1).most());
        assert!(Points(1, 1).most());
        // Damaged: more covered than there are.
        assert_eq!((Points(9, 2).covered(), Points(9, 2).missed()), (2, 0));
        assert!(!Points(0, 0).most());
    }

    #[test]
    fn copies_of_one_rating_are_one_and_keep_their_marks() {
        let bare = ReviewEvent::new(5, "dba-raid", Rating::Good);
        let marked = bare.clone().with_points(Some(Points(1, 4)));
        assert_eq!(bare, marked);
        let other = ReviewEvent::new(6, "dba-raid", Rating::Good);
        for events in [
            vec![bare.clone(), marked.clone(), other.clone()],
            vec![other.clone(), marked.clone(), bare.clone()],
        ] {
            let united = unite(events);
            assert_eq!(united.len(), 2);
            assert_eq!(united[0].points, Some(Points(1, 4)));
            assert_eq!(united[1], other);
        }
        let better = bare.clone().with_points(Some(Points(3, 4)));
        assert_eq!(
            unite([better.clone(), marked.clone()])[0].points,
            better.points
        );
        assert_eq!(unite([marked, better.clone()])[0].points, better.points);
    }

    #[test]
    fn an_interviews_ratings_carry_their_answers_marks() {
        let setup = Setup {
            count: 3,
            ..Setup::default()
        };
        let mut i = Interview::new(
            "i".into(),
            setup,
            &["dba-raid", "ops-cdn", "dba-indexes"],
            0,
        );
        i.type_answer("RAID 10 mirrors then stripes", 1_000);
        i.done(2_000);
        i.rate(Rating::Hard, 3_000);
        i.next(3_000);
        i.skip(4_000);
        i.type_answer("nothing useful", 5_000);
        i.done(6_000);
        let events: Vec<_> = of_interview(&i).collect();
        // The third is not rated yet; the skipped one never is.
        assert_eq!(events.len(), 1);
        let raid = crate::content::question("dba-raid").unwrap();
        let points = events[0].points.unwrap();
        assert_eq!(usize::from(points.of()), raid.key_points.len());
        assert_eq!(usize::from(points.covered()), i.attempts[0].covered());
        assert!(points.covered() >= 1);
        assert_eq!((events[0].at, events[0].rating), (3_000, Rating::Hard));
    }

    #[test]
    fn marks_are_stored_with_the_rating_and_old_records_read_without() {
        let old: ReviewEvent = decode(
            r#"{"schema":1,"app":"0.1.0","data":{"at":7,"question":"dba-raid","rating":"hard"}}"#,
        )
        .unwrap();
        assert_eq!(old.points, None);
        let marked = old.clone().with_points(Some(Points(2, 5)));
        let raw = encode(&marked);
        assert!(raw.contains(r#""points":[2,5]"#), "{raw}");
        assert_eq!(
            decode::<ReviewEvent>(&raw).unwrap().points,
            Some(Points(2, 5))
        );
        assert!(!encode(&old).contains("points"));
    }
}
