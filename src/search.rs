//! Search as you type over questions and their model answers. Pure: tested natively.

use crate::content::{bodies, Question, QUESTIONS};
use std::sync::OnceLock;

/// Which questions to search: all, a guide part, or one section of it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scope {
    pub part: Option<u8>,
    pub section: Option<usize>,
}

impl Scope {
    pub fn contains(&self, question: &Question) -> bool {
        self.part.is_none_or(|p| p == question.part)
            && self.section.is_none_or(|s| s == question.section)
    }
}

/// Lower case, letters and digits only, words separated by one space, with a leading space so
/// that ` term` finds a word starting with `term`. Apostrophes vanish: "what’s" → "whats".
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 1);
    out.push(' ');
    for c in text.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if matches!(c, '\'' | '’' | '‘') {
            continue;
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    out
}

struct Entry {
    question: &'static Question,
    ask: String,
    answer: String,
}

/// The index of questions and answers; the questions alone until the answers have loaded
/// (`content::bodies`), so the browser lists and searches at once and finds answers' words as
/// soon as it can.
fn index() -> &'static [Entry] {
    static QUESTIONS_ONLY: OnceLock<Vec<Entry>> = OnceLock::new();
    static WITH_ANSWERS: OnceLock<Vec<Entry>> = OnceLock::new();
    let build = |answer: &dyn Fn(&Question) -> String| {
        QUESTIONS
            .iter()
            .map(|question| Entry {
                question,
                ask: normalize(question.ask),
                answer: normalize(&answer(question)),
            })
            .collect()
    };
    match bodies() {
        Some(bodies) => WITH_ANSWERS.get_or_init(|| build(&|q| bodies.answer_text(q))),
        None => QUESTIONS_ONLY.get_or_init(|| build(&|_| String::new())),
    }
}

/// The questions in `scope` whose text or answer holds every word of `query` (as a word or the
/// start of one), best first: words found in the question weigh more than in the answer.
/// An empty query lists the whole scope in guide order.
pub fn search(query: &str, scope: Scope) -> Vec<&'static Question> {
    search_with_notes(query, scope, &|_| None)
}

/// Like `search`, also matching the reader's note on each question (`note(id)`).
pub fn search_with_notes(
    query: &str,
    scope: Scope,
    note: &dyn Fn(&str) -> Option<String>,
) -> Vec<&'static Question> {
    let query = normalize(query);
    let terms: Vec<String> = query.split_whitespace().map(|t| format!(" {t}")).collect();
    let mut hits: Vec<(usize, usize, &'static Question)> = index()
        .iter()
        .enumerate()
        .filter(|(_, entry)| scope.contains(entry.question))
        .filter_map(|(order, entry)| {
            let note = note(entry.question.id)
                .map(|n| normalize(&n))
                .unwrap_or_default();
            let mut score = 0;
            for term in &terms {
                let in_ask = entry.ask.contains(term.as_str());
                let in_note = note.contains(term.as_str());
                let in_answer = entry.answer.contains(term.as_str());
                score += match (in_ask, in_note, in_answer) {
                    (true, _, _) => 3,
                    (_, true, _) => 2,
                    (_, _, true) => 1,
                    _ => return None,
                };
            }
            Some((score, order, entry.question))
        })
        .collect();
    // Best first; equal scores stay in the index's order, in which they were collected.
    crate::sorting::by_key_descending(&mut hits, |&(score, _, _)| score as u64);
    hits.into_iter().map(|(_, _, q)| q).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(query: &str, scope: Scope) -> Vec<&'static str> {
        search(query, scope).into_iter().map(|q| q.id).collect()
    }

    #[test]
    fn normalizes_case_punctuation_and_apostrophes() {
        assert_eq!(normalize("What’s RAID-10?"), " whats raid 10 ");
        assert_eq!(normalize(""), " ");
    }

    #[test]
    fn empty_query_lists_the_scope_in_guide_order() {
        assert_eq!(search("", Scope::default()).len(), QUESTIONS.len());
        let part3 = ids(
            "  ",
            Scope {
                part: Some(3),
                section: None,
            },
        );
        assert_eq!(part3.first(), Some(&"dba-raid"));
        assert_eq!(part3.len(), 17);
    }

    #[test]
    fn finds_words_in_questions_before_answers() {
        let hits = ids("raid", Scope::default());
        assert_eq!(hits.first(), Some(&"dba-raid"));
        // "software raid" appears only in the cloud bottleneck answer.
        assert!(hits.contains(&"dba-cloud-bottleneck"));
    }

    #[test]
    fn every_word_must_match_as_a_word_start() {
        assert_eq!(ids("RAID stripes", Scope::default()), ["dba-raid"]);
        assert!(
            ids("aid", Scope::default()).is_empty()
                || !ids("aid", Scope::default()).contains(&"dba-raid")
        );
        assert!(ids("zzzz raid", Scope::default()).is_empty());
    }

    #[test]
    fn notes_are_searched_too() {
        let note = |id: &str| (id == "ops-cdn").then(|| "Remember Akamai edge caching".to_string());
        let hits: Vec<_> = search_with_notes("edge caching", Scope::default(), &note)
            .into_iter()
            .map(|q| q.id)
            .collect();
        assert_eq!(hits, ["ops-cdn"]);
        assert!(search("edge caching", Scope::default()).is_empty());
    }

    #[test]
    fn searches_only_the_chosen_section() {
        let scope = Scope {
            part: Some(1),
            section: Some(1),
        };
        let hits = ids("amazon", scope);
        assert!(!hits.is_empty());
        assert!(hits.iter().all(|id| id.starts_with("ops-")));
        assert!(!hits.contains(&"ops-command-line-tools"));
    }
}
