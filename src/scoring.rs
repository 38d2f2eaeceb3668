//! Key points checked against a typed answer, on the device. Case, punctuation, apostrophes and
//! plural endings are ignored; a key point's alternatives are phrases, and within one
//! alternative every phrase must appear. Pure: tested natively.

use crate::content::KeyPoint;
use crate::search::normalize;

/// The answer's words, normalised and stemmed, ready to match many key points.
pub struct Answer {
    words: Vec<String>,
}

impl Answer {
    pub fn new(text: &str) -> Self {
        Self { words: words(text) }
    }

    /// Whether any alternative of the point is in the answer.
    pub fn covers(&self, point: &KeyPoint) -> bool {
        point
            .alternatives
            .iter()
            .any(|terms| terms.iter().all(|term| self.contains(&words(term))))
    }

    /// Whether the phrase appears as consecutive words.
    fn contains(&self, phrase: &[String]) -> bool {
        !phrase.is_empty() && self.words.windows(phrase.len()).any(|w| w == phrase)
    }
}

/// Which of the key points the answer covers, in order.
pub fn mark(answer: &str, points: &[KeyPoint]) -> Vec<bool> {
    let answer = Answer::new(answer);
    points.iter().map(|p| answer.covers(p)).collect()
}

fn words(text: &str) -> Vec<String> {
    normalize(text).split_whitespace().map(stem).collect()
}

/// Folds plural endings: "indexes" → "index", "replicas" → "replica", "policies" → "policy".
fn stem(word: &str) -> String {
    let n = word.len();
    if n > 4 && word.ends_with("ies") {
        return format!("{}y", &word[..n - 3]);
    }
    for ending in ["sses", "xes", "ches", "shes", "zes"] {
        if n > ending.len() + 1 && word.ends_with(ending) {
            return word[..n - 2].to_string();
        }
    }
    if n > 3 && word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us") {
        return word[..n - 1].to_string();
    }
    word.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::question;

    const RAID: KeyPoint = KeyPoint {
        label: "RAID 10",
        alternatives: &[&["RAID 10"], &["RAID10"], &["mirror", "stripe"]],
    };

    #[test]
    fn any_alternative_covers_the_point() {
        assert!(Answer::new("I'd use raid-10.").covers(&RAID));
        assert!(Answer::new("RAID10, obviously").covers(&RAID));
        assert!(Answer::new("It Mirrors disks, then STRIPES across them").covers(&RAID));
        assert!(!Answer::new("It mirrors disks").covers(&RAID));
        assert!(!Answer::new("raid 5").covers(&RAID));
        assert!(!Answer::new("").covers(&RAID));
    }

    #[test]
    fn plural_and_variant_forms_are_tolerated() {
        assert_eq!(stem("indexes"), "index");
        assert_eq!(stem("replicas"), "replica");
        assert_eq!(stem("policies"), "policy");
        assert_eq!(stem("access"), "access");
        assert_eq!(stem("status"), "status");
        let point = KeyPoint {
            label: "read replica",
            alternatives: &[&["read replica"]],
        };
        assert!(Answer::new("Read-Replicas lag behind").covers(&point));
        assert!(!Answer::new("replicas to read").covers(&point));
    }

    #[test]
    fn phrases_match_whole_words_only() {
        let point = KeyPoint {
            label: "cron",
            alternatives: &[&["cron"]],
        };
        assert!(Answer::new("cron jobs").covers(&point));
        assert!(!Answer::new("acronym").covers(&point));
    }

    #[test]
    fn the_model_answer_covers_most_of_its_own_key_points() {
        let raid = question("dba-raid").unwrap();
        let marks = mark(&raid.answer_text(), raid.key_points);
        assert!(marks.iter().filter(|m| **m).count() >= 2, "{marks:?}");
        assert_eq!(
            mark("no idea", raid.key_points),
            vec![false; raid.key_points.len()]
        );
    }
}
