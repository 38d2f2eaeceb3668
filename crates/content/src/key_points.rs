//! Key points written to be matched: each alternative names a concept (not a lone everyday
//! word such as "important" or "link", which unrelated answers would use), and every model
//! answer covers all of its own key points under the same marking the reader's answer gets.

use crate::document::GuideDoc;
use crate::error::{ContentError, Errors};
use interview_marking::{words, Marker};
use std::collections::HashSet;
use std::sync::OnceLock;

/// Whether every word of the alternative (small function words aside) is a word of the
/// question, both read through the glossary ("availability zone" repeats "Multi-AZ").
fn only_repeats(marker: &Marker, alternative: &[String], asked: &[String]) -> bool {
    let stems: Vec<String> = alternative
        .iter()
        .flat_map(|term| {
            words::tokens(term)
                .into_iter()
                .filter(|t| !interview_marking::is_function_word(&t.word.text))
                .flat_map(|t| marker.stems(&t.word.text))
        })
        .collect();
    !stems.is_empty() && stems.iter().all(|s| asked.contains(s))
}

/// The 3,000 most frequent English words (wordfreq 3.1.1, `top_n_list("en", 3000)`, letters
/// only), one a line: too common to stand alone as a key point's alternative, and, when one
/// slip away from a key word, real words the marker must not take for slips.
const COMMON_WORDS: &str = include_str!("common_words.txt");

pub fn common_words() -> impl Iterator<Item = &'static str> {
    COMMON_WORDS.lines()
}

/// Debian's list of American English words (package `wamerican`, installed by `make setup`):
/// a word an answer writes that is in it is meant as written, not as a slip of a key word
/// ("clearer" is not "cleaner"). Only the few that are a slip away from a key word ship.
pub const ENGLISH_WORDS: &str = "/usr/share/dict/american-english";

/// The lower-case words of [`ENGLISH_WORDS`] (names and possessives left out).
pub fn english_words() -> std::io::Result<Vec<String>> {
    let text = std::fs::read_to_string(ENGLISH_WORDS)?;
    Ok(text
        .lines()
        .filter(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase()))
        .map(str::to_string)
        .collect())
}

fn is_common(word: &str) -> bool {
    static COMMON: OnceLock<HashSet<&'static str>> = OnceLock::new();
    COMMON
        .get_or_init(|| common_words().collect())
        .contains(word.to_lowercase().as_str())
}

/// Checks every key point of `guides`; `model_answer` gives a question's model answer as plain
/// text, for the questions that have one.
pub fn check<'a>(
    errors: &mut Errors,
    guides: &[GuideDoc],
    model_answer: impl Fn(&str) -> Option<&'a str>,
    marker: &Marker,
) {
    for guide in guides {
        for doc in guide.questions() {
            let at = |line: usize, message: String| {
                ContentError::new(&guide.file, line, message).entry(format!("question {}", doc.id))
            };
            let asked = marker.stems(&doc.ask);
            // Members of kinds the question names may be in any alternative ("apache +
            // older" for "nginx is newer" when asked about Apache and nginx).
            let asked_members = marker.members(&doc.ask);
            for point in &doc.key_points {
                let label = point
                    .alternatives
                    .first()
                    .map(|a| a.join(" "))
                    .unwrap_or_default();
                let named = marker.members(&label);
                for (n, alternative) in point.alternatives.iter().enumerate() {
                    if !named.is_empty() {
                        let other =
                            marker
                                .members(&alternative.join(" "))
                                .into_iter()
                                .find(|(m, _)| {
                                    named.iter().any(|(n, _)| n.kind == m.kind && n != m)
                                        && !named.iter().any(|(n, _)| n == m)
                                        && !asked_members.iter().any(|(a, _)| a == m)
                                });
                        if let Some((_, kind)) = other {
                            errors.push(at(point.line, format!(
                                "key point `{}`: the alternative `{}` names another {kind} than the label does; a label that names one thing is covered by that thing only (content/glossary.md lists the kinds)",
                                point.label(),
                                alternative.join(" + ")
                            )));
                        }
                    }
                    // The label names the point as the reader sees it; matching keeps it from
                    // being said by the question's own words the glossary spelled out.
                    if n > 0 && only_repeats(marker, alternative, &asked) {
                        errors.push(at(point.line, format!(
                            "key point `{}`: the alternative `{}` only repeats the question's words, which any answer may echo",
                            point.label(),
                            alternative.join(" + ")
                        )));
                    }
                    if let [term] = alternative.as_slice() {
                        let words: Vec<&str> = term.split_whitespace().collect();
                        if let [word] = words.as_slice() {
                            if is_common(word) {
                                errors.push(at(point.line, format!(
                                    "key point `{}`: the alternative `{word}` is an everyday word that unrelated answers use; name the concept (a phrase, or `{word} + another word`)",
                                    point.label()
                                )));
                            }
                        }
                    }
                }
            }
            let Some(answer) = model_answer(&doc.id) else {
                continue;
            };
            let points: Vec<_> = doc
                .key_points
                .iter()
                .map(|p| marker.key_point(&p.alternatives))
                .collect();
            for (point, mark) in doc.key_points.iter().zip(marker.mark(answer, &points)) {
                if !mark.covered {
                    errors.push(at(point.line, format!(
                        "the model answer does not cover its own key point `{}`: add an alternative in the answer's words",
                        point.label()
                    )));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_alternative_of_the_questions_own_words_is_refused() {
        let marker = Marker::new(
            interview_marking::Glossary::new(["multi availability zone = Multi-AZ"]).unwrap(),
        );
        let asked = marker.stems("Why is auditing important? access control?");
        let alt = |terms: &[&str]| terms.iter().map(|t| t.to_string()).collect::<Vec<_>>();
        assert!(only_repeats(&marker, &alt(&["access", "controls"]), &asked));
        assert!(!only_repeats(&marker, &alt(&["who has access"]), &asked));
        assert!(!only_repeats(&marker, &alt(&["the"]), &asked));
        // Through the glossary: "availability zone" only repeats "Multi-AZ".
        let asked = marker.stems("What about Multi-AZ?");
        assert!(only_repeats(&marker, &alt(&["availability zone"]), &asked));
        assert!(!only_repeats(&marker, &alt(&["another zone"]), &asked));
    }

    #[test]
    fn everyday_words_are_known() {
        for word in ["important", "link", "grow", "example", "Faster"] {
            assert!(is_common(word), "{word}");
        }
        for word in ["raid", "replication", "memcached", "hypervisor", "firewall"] {
            assert!(!is_common(word), "{word}");
        }
    }
}
