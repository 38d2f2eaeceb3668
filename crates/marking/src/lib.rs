//! Marks an answer against a question's key points, fully on the device. One entry point,
//! [`Marker::mark`], scores typed answers and speech transcripts alike, at build time (the
//! content check: every model answer covers its own key points) and in the app.
//!
//! A key point has alternatives; an alternative has terms joined by `+`; a term is a phrase.
//! Both the answer and the key point go through the same steps ([`words`]): words split at
//! letters/digits, British spellings folded to American, Snowball stemming, then the glossary's
//! synonyms replaced by their canonical form ([`glossary`]). A phrase's words must appear in
//! order within one sentence, with at most two other words between them; small function words
//! of the phrase are optional. A word matches by stem, as two words written as one (or one as
//! two), or with a spelling slip ([`typo`]). An occurrence inside a negated clause does not
//! count ([`negation`]).

pub mod glossary;
pub mod negation;
pub mod typo;
pub mod words;

pub use glossary::{Glossary, GlossaryError};

/// The 3,000 most frequent English words (wordfreq 3.1.1, `top_n_list("en", 3000)`, letters
/// only), one a line. A word of the answer that is one of them is taken as written, never as a
/// slip of another ("share" is not "spare"); the content check also refuses them as lone key
/// point alternatives.
pub const COMMON_WORDS: &str = include_str!("common_words.txt");

/// Whether `word` (lower case) is one of [`COMMON_WORDS`].
pub fn is_common(word: &str) -> bool {
    common_words().contains(word)
}

fn common_words() -> &'static HashSet<&'static str> {
    static WORDS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| COMMON_WORDS.lines().collect())
}

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::OnceLock;
use words::{Token, Word};

/// How one key point fared against an answer.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PointMark {
    pub covered: bool,
    /// Byte ranges of the answer's words that covered the point, in order (empty when missed).
    pub evidence: Vec<Range<usize>>,
}

/// A key point prepared for matching: its alternatives, each a list of terms.
#[derive(Debug, Clone)]
pub struct KeyPoint {
    alternatives: Vec<Vec<Term>>,
}

#[derive(Debug, Clone)]
struct Term {
    /// The phrase's words, without function words unless it has nothing else.
    words: Vec<Word>,
    /// For each word, the stem of it written together with the next ("web server" →
    /// "webserv"), to match an answer that writes them as one.
    joined: Vec<Option<String>>,
}

impl Term {
    fn new(all: Vec<Word>) -> Self {
        let content: Vec<Word> = all
            .iter()
            .filter(|w| !FUNCTION_WORDS.contains(&w.text.as_str()))
            .cloned()
            .collect();
        let words = if content.is_empty() { all } else { content };
        let joined = words
            .windows(2)
            .map(|pair| Some(words::stem(&format!("{}{}", pair[0].text, pair[1].text))))
            .chain(std::iter::once(None))
            .collect();
        Self { words, joined }
    }
}

/// The glossary, ready to prepare key points and mark answers.
#[derive(Debug, Default)]
pub struct Marker {
    glossary: Glossary,
}

/// Words that a phrase may leave out or add: "more ways to search" matches "more ways you
/// can search". Particles stay: "scale up" is not "scale out".
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "to", "of", "and", "is", "are", "be", "it", "its", "this", "that", "your",
    "their", "for",
];
/// At most this many other words between two words of a phrase.
const MAX_GAP: usize = 2;
/// A phrase's words in another order count within this many words of its first.
const NEAR: usize = 4;

impl Marker {
    pub fn new(glossary: Glossary) -> Self {
        Self { glossary }
    }

    /// Prepares a key point from its alternatives (each a list of `+`-joined terms).
    pub fn key_point<A, T>(&self, alternatives: A) -> KeyPoint
    where
        A: IntoIterator,
        A::Item: IntoIterator<Item = T>,
        T: AsRef<str>,
    {
        let alternatives = alternatives
            .into_iter()
            .map(|terms| {
                terms
                    .into_iter()
                    .map(|term| {
                        let tokens = self.glossary.canonical(words::tokens(term.as_ref()));
                        Term::new(tokens.into_iter().map(|t| (*t.word).clone()).collect())
                    })
                    .filter(|term| !term.words.is_empty())
                    .collect::<Vec<_>>()
            })
            .filter(|terms: &Vec<Term>| !terms.is_empty())
            .collect();
        KeyPoint { alternatives }
    }

    /// Marks the answer against each key point, in order.
    pub fn mark(&self, answer: &str, points: &[KeyPoint]) -> Vec<PointMark> {
        let answer = Answer::new(self.glossary.canonical(words::tokens(answer)));
        points.iter().map(|p| answer.mark(p)).collect()
    }
}

/// The answer's tokens with what matching needs precomputed.
struct Answer {
    tokens: Vec<Token>,
    /// For each token, the index of its word among the answer's distinct words: a long answer
    /// repeats words, and each distinct word is compared with a key word once.
    distinct: Vec<usize>,
    words: Vec<Word>,
    /// For each distinct word, whether it is a common English word (so not a slip).
    common: Vec<bool>,
    /// For each token, the token of the cue that negates it.
    negated_by: Vec<Option<usize>>,
}

/// One occurrence of a term: the answer tokens it used.
#[derive(Debug, Clone)]
struct Occurrence {
    tokens: Vec<usize>,
}

impl Answer {
    fn new(tokens: Vec<Token>) -> Self {
        let mut index: HashMap<&str, usize> = HashMap::new();
        let mut words = Vec::new();
        let distinct = tokens
            .iter()
            .map(|t| {
                *index.entry(t.word.text.as_str()).or_insert_with(|| {
                    words.push((*t.word).clone());
                    words.len() - 1
                })
            })
            .collect();
        let negated_by = negation::scopes(&tokens);
        let common = words.iter().map(|w| is_common(&w.text)).collect();
        Self {
            tokens,
            distinct,
            words,
            common,
            negated_by,
        }
    }

    /// For each distinct word of the answer, whether it is the key word: same stem, a spelling
    /// slip, or an inflection the stemmer left apart ("automatically" for "automate").
    fn hits(&self, word: &Word) -> Vec<bool> {
        self.words
            .iter()
            .zip(&self.common)
            .map(|(w, &common)| same_word(w, word, !common))
            .collect()
    }

    fn mark(&self, point: &KeyPoint) -> PointMark {
        for alternative in &point.alternatives {
            if let Some(evidence) = self.find_alternative(alternative) {
                return PointMark {
                    covered: true,
                    evidence,
                };
            }
        }
        PointMark::default()
    }

    /// Every term of the alternative occurs, and at least one occurrence is not negated (by
    /// a cue outside the alternative's own words: "no DBA" is not negated by its "no").
    fn find_alternative(&self, terms: &[Term]) -> Option<Vec<Range<usize>>> {
        let mut found: Vec<Vec<Occurrence>> = Vec::with_capacity(terms.len());
        for term in terms {
            let occurrences = self.occurrences(term);
            if occurrences.is_empty() {
                return None;
            }
            found.push(occurrences);
        }
        let own: Vec<usize> = found
            .iter()
            .flatten()
            .flat_map(|o| o.tokens.clone())
            .collect();
        let free = |o: &Occurrence| {
            o.tokens
                .iter()
                .all(|&t| self.negated_by[t].is_none_or(|cue| own.contains(&cue)))
        };
        // Of each term, the first occurrence outside negation, else the first.
        let chosen: Vec<&Occurrence> = found
            .iter()
            .map(|occ| occ.iter().find(|o| free(o)).unwrap_or(&occ[0]))
            .collect();
        if !chosen.iter().any(|o| free(o)) {
            return None;
        }
        let mut tokens: Vec<usize> = chosen.iter().flat_map(|o| o.tokens.clone()).collect();
        tokens.sort_unstable();
        tokens.dedup();
        let mut spans: Vec<Range<usize>> = tokens
            .iter()
            .map(|&t| self.tokens[t].span.clone())
            .collect();
        spans.dedup(); // a glossary term's canonical words share its place
        Some(spans)
    }

    fn occurrences(&self, term: &Term) -> Vec<Occurrence> {
        // Most terms are absent from most answers: look for the first word before the rest.
        let first = &term.words[0];
        let first_hits = self.hits(first);
        let possible = first_hits.contains(&true)
            || self.words.iter().any(|w| {
                w.text.len() < first.text.len() && first.text.starts_with(w.text.as_str())
            })
            || term.joined[0]
                .as_ref()
                .is_some_and(|joined| self.words.iter().any(|w| &w.stem == joined));
        if !possible {
            return Vec::new();
        }
        let mut hits = vec![first_hits];
        hits.extend(term.words[1..].iter().map(|w| self.hits(w)));
        (0..self.tokens.len())
            .filter_map(|start| {
                self.phrase_at(term, &hits, start)
                    .or_else(|| self.phrase_near(term, &hits, start))
            })
            .collect()
    }

    /// The phrase starting exactly at `start`, its later words each within `MAX_GAP` words.
    fn phrase_at(&self, term: &Term, hits: &[Vec<bool>], start: usize) -> Option<Occurrence> {
        let mut used = Vec::new();
        let mut at = start;
        let mut k = 0;
        while k < term.words.len() {
            let window = if k == 0 { 0 } else { MAX_GAP };
            let (pos, answer_len, key_len) = (at..=at + window)
                .take_while(|&p| {
                    p < self.tokens.len() && self.tokens[p].sentence == self.tokens[start].sentence
                })
                .find_map(|p| self.word_at(term, hits, k, p).map(|(a, b)| (p, a, b)))?;
            used.extend(pos..pos + answer_len);
            at = pos + answer_len;
            k += key_len;
        }
        Some(Occurrence { tokens: used })
    }

    /// The phrase's words in another order, close to its first word in one sentence: "the
    /// penalty on writes" for "write penalty".
    fn phrase_near(&self, term: &Term, hits: &[Vec<bool>], start: usize) -> Option<Occurrence> {
        if term.words.len() < 2 || !hits[0][self.distinct[start]] {
            return None;
        }
        let sentence = self.tokens[start].sentence;
        let near = start.saturating_sub(NEAR)..self.tokens.len().min(start + NEAR + 1);
        let mut used = vec![start];
        for word_hits in &hits[1..] {
            let p = near.clone().find(|&p| {
                self.tokens[p].sentence == sentence
                    && !used.contains(&p)
                    && word_hits[self.distinct[p]]
            })?;
            used.push(p);
        }
        used.sort_unstable();
        Some(Occurrence { tokens: used })
    }

    /// Whether the phrase's word `k` matches at answer token `p`: (answer tokens, phrase words) used.
    fn word_at(
        &self,
        term: &Term,
        hits: &[Vec<bool>],
        k: usize,
        p: usize,
    ) -> Option<(usize, usize)> {
        if hits[k][self.distinct[p]] {
            return Some((1, 1));
        }
        let token = &self.tokens[p];
        let word = &term.words[k];
        // "web server" in the answer for "webserver" in the key, and the other way round.
        if let Some(next) = self.tokens.get(p + 1) {
            let together = next.sentence == token.sentence && next.clause == token.clause;
            if together && word.text.starts_with(&token.word.text) {
                let joined = Word::new(&format!("{}{}", token.word.text, next.word.text));
                if same_word(&joined, word, false) {
                    return Some((2, 1));
                }
            }
        }
        (term.joined[k].as_deref() == Some(token.word.stem.as_str())).then_some((1, 2))
    }
}

/// Whether an answer's word is the key's word: the same stem, a spelling slip of it (when
/// `may_slip`: it is not a word of its own), or a stem that extends the key's by a short ending
/// the stemmer keeps ("automatically" → "automat" for "automate" → "autom").
fn same_word(answer: &Word, key: &Word, may_slip: bool) -> bool {
    answer.stem == key.stem
        // A slip changes at most two letters of the set per edit allowed (two at most).
        || (may_slip
            && (answer.letters ^ key.letters).count_ones() <= 4
            && typo::slip(&answer.text, &key.text))
        || (key.stem.len() >= 5
            && !answer.has_digit()
            && answer.stem.starts_with(&key.stem)
            && answer.stem.len() <= key.stem.len() + 3)
}

#[cfg(test)]
mod tests;
