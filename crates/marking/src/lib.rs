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

use interview_sorted::SortedMap;
use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;
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
    /// Real words that are one slip away from a key word ("share" for "spare"): an answer
    /// that writes them means them, not the key word.
    real_words: SortedMap<String, ()>,
}

/// Words that a phrase may leave out or add: "more ways to search" matches "more ways you
/// can search". Particles stay: "scale up" is not "scale out".
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "to", "of", "and", "is", "are", "be", "it", "its", "this", "that", "your",
    "their", "for",
];
/// Whether a phrase may leave the word out (see `FUNCTION_WORDS`).
pub fn is_function_word(word: &str) -> bool {
    FUNCTION_WORDS.contains(&word)
}

/// At most this many other words between two words of a phrase.
const MAX_GAP: usize = 2;
/// A phrase's words in another order count within this many words of its first.
const NEAR: usize = 4;

impl Marker {
    pub fn new(glossary: Glossary) -> Self {
        Self {
            glossary,
            real_words: SortedMap::default(),
        }
    }

    /// Adds words that are never taken as a slip of another (see [`Marker::near_misses`]).
    pub fn with_real_words<W: AsRef<str>>(mut self, words: impl IntoIterator<Item = W>) -> Self {
        for word in words {
            self.real_words
                .entry(Word::new(word.as_ref()).text)
                .or_insert(());
        }
        self
    }

    /// Of `words` (real English words), those a slip away from a word of the key points: the
    /// only ones worth telling the marker about, so the app ships a short list.
    pub fn near_misses<'a>(
        &self,
        words: impl IntoIterator<Item = &'a str>,
        points: &[KeyPoint],
    ) -> Vec<String> {
        let keys: Vec<&Word> = points
            .iter()
            .flat_map(|p| p.alternatives.iter().flatten())
            .flat_map(|term| term.words.iter())
            .collect();
        let found: Vec<String> = words
            .into_iter()
            .map(Word::new)
            .filter(|w| keys.iter().any(|k| w.stem != k.stem && slip_of(w, k)))
            .map(|w| w.text)
            .collect();
        let mut found = interview_sorted::sort(found);
        found.dedup();
        found
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
        let answer = Answer::new(
            self.glossary.canonical(words::tokens(answer)),
            &self.real_words,
        );
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
    /// For each distinct word, whether it is a real word near a key word (so not a slip).
    real: Vec<bool>,
    /// The distinct words by their first letter.
    by_initial: Vec<(char, Vec<usize>)>,
    /// For each key word met so far, which distinct words of the answer it matches.
    hits: RefCell<SortedMap<String, Rc<Hits>>>,
    /// For each token, the token of the cue that negates it.
    negated_by: Vec<Option<usize>>,
}

/// How one key word relates to each distinct word of an answer.
struct Hits {
    /// The word itself (by stem, slip or ending).
    same: Vec<bool>,
    /// The start of it, written apart: "web" for "webserver".
    starts: Vec<bool>,
}

/// A term's words matched against one answer.
struct TermHits {
    words: Vec<Rc<Hits>>,
    /// For each word, the answer's words that are it and the next written as one.
    joined: Vec<Option<Vec<bool>>>,
}

/// One occurrence of a term: the answer tokens it used.
#[derive(Debug, Clone)]
struct Occurrence {
    tokens: Vec<usize>,
}

impl Answer {
    fn new(tokens: Vec<Token>, real_words: &SortedMap<String, ()>) -> Self {
        let mut index: SortedMap<String, usize> = SortedMap::default();
        let mut words = Vec::new();
        let distinct: Vec<usize> = tokens
            .iter()
            .map(|t| match index.get(t.word.text.as_str()) {
                Some(&d) => d,
                // A new word: only then is its text copied for the index.
                None => {
                    words.push((*t.word).clone());
                    *index
                        .entry(t.word.text.clone())
                        .or_insert_with(|| words.len() - 1)
                }
            })
            .collect();
        let negated_by = negation::scopes(&tokens);
        let real = words
            .iter()
            .map(|w| real_words.get(w.text.as_str()).is_some())
            .collect();
        // A few dozen initials: a list, searched in order.
        let mut by_initial: Vec<(char, Vec<usize>)> = Vec::new();
        for (i, w) in words.iter().enumerate() {
            if let Some(c) = w.text.chars().next() {
                match by_initial.iter_mut().find(|(initial, _)| *initial == c) {
                    Some((_, list)) => list.push(i),
                    None => by_initial.push((c, vec![i])),
                }
            }
        }
        Self {
            tokens,
            distinct,
            words,
            real,
            by_initial,
            hits: RefCell::default(),
            negated_by,
        }
    }

    /// For each distinct word of the answer, whether it is the key word: same stem, a spelling
    /// slip, or an inflection the stemmer left apart ("automatically" for "automate").
    /// Key points share words ("RAID" in many alternatives): each is compared once.
    fn hits(&self, word: &Word) -> Rc<Hits> {
        if let Some(known) = self.hits.borrow().get(word.text.as_str()) {
            return Rc::clone(known);
        }
        // Words that match share their first letter (a slip never changes it): compare only
        // with the answer's words that start like the key word.
        let mut hits = Hits {
            same: vec![false; self.words.len()],
            starts: vec![false; self.words.len()],
        };
        let initial = word.text.chars().next();
        let same_initial = self
            .by_initial
            .iter()
            .find(|(c, _)| Some(*c) == initial)
            .map_or(&[][..], |(_, list)| list);
        for &i in same_initial {
            let answer = &self.words[i];
            hits.same[i] = same_word(answer, word, !self.real[i]);
            hits.starts[i] =
                answer.text.len() < word.text.len() && word.text.starts_with(&answer.text);
        }
        let hits = Rc::new(hits);
        self.hits
            .borrow_mut()
            .entry(word.text.clone())
            .or_insert_with(|| Rc::clone(&hits));
        hits
    }

    /// Which distinct words of the answer have `stem`.
    fn with_stem(&self, stem: &str) -> Vec<bool> {
        self.words.iter().map(|w| w.stem == stem).collect()
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

    /// Every term of the alternative occurs outside negation. A term that is a negation
    /// itself (`can't + tune`) must negate another term of the alternative ("can't tune"),
    /// and that term's negation is then the point, not against it; so is a negation inside
    /// a phrase ("no DBA").
    fn find_alternative(&self, terms: &[Term]) -> Option<Vec<Range<usize>>> {
        let mut found: Vec<Vec<Occurrence>> = Vec::with_capacity(terms.len());
        for term in terms {
            let occurrences = self.occurrences(term);
            if occurrences.is_empty() {
                return None;
            }
            found.push(occurrences);
        }
        let is_cue =
            |term: &Term| matches!(term.words.as_slice(), [w] if negation::is_cue(&w.text));
        // The cue tokens the alternative names as its own.
        let cues: Vec<usize> = terms
            .iter()
            .zip(&found)
            .filter(|(term, _)| is_cue(term))
            .flat_map(|(_, occ)| occ.iter().flat_map(|o| o.tokens.clone()))
            .collect();
        let free = |o: &Occurrence| {
            o.tokens.iter().all(|&t| {
                self.negated_by[t].is_none_or(|cue| cues.contains(&cue) || o.tokens.contains(&cue))
            })
        };
        let mut chosen: Vec<&Occurrence> = Vec::with_capacity(terms.len());
        for (term, occ) in terms.iter().zip(&found) {
            if is_cue(term) {
                continue;
            }
            chosen.push(occ.iter().find(|o| free(o))?);
        }
        // Each cue term negates one of the chosen occurrences.
        for (term, occ) in terms.iter().zip(&found) {
            if !is_cue(term) {
                continue;
            }
            let negating = occ.iter().find(|cue| {
                chosen.iter().any(|o| {
                    o.tokens.iter().any(|&t| {
                        cue.tokens
                            .contains(&self.negated_by[t].unwrap_or(usize::MAX))
                    })
                })
            })?;
            chosen.push(negating);
        }
        let mut tokens: Vec<usize> = Vec::new();
        for &t in chosen.iter().flat_map(|o| &o.tokens) {
            insert_sorted(&mut tokens, t);
        }
        // Neighbouring words make one run of the answer ("RAID 5"); a glossary term's
        // canonical words share one place.
        let mut spans: Vec<Range<usize>> = Vec::new();
        let mut last: Option<usize> = None;
        for &t in &tokens {
            let span = self.tokens[t].span.clone();
            match spans.last_mut() {
                Some(run) if last.is_some_and(|l| self.neighbours(l, t)) || run.end >= span.end => {
                    run.end = run.end.max(span.end);
                }
                _ => spans.push(span),
            }
            last = Some(t);
        }
        Some(spans)
    }

    /// Whether token `b` follows token `a` in the same clause.
    fn neighbours(&self, a: usize, b: usize) -> bool {
        let (first, second) = (&self.tokens[a], &self.tokens[b]);
        b == a + 1 && first.clause == second.clause && first.sentence == second.sentence
    }

    fn occurrences(&self, term: &Term) -> Vec<Occurrence> {
        // Most terms are absent from most answers: look for the first word before the rest.
        let first = self.hits(&term.words[0]);
        let first_joined = term.joined[0].as_deref().map(|stem| self.with_stem(stem));
        let possible = first.same.contains(&true)
            || first.starts.contains(&true)
            || first_joined.as_ref().is_some_and(|j| j.contains(&true));
        if !possible {
            return Vec::new();
        }
        let mut words = vec![first];
        words.extend(term.words[1..].iter().map(|w| self.hits(w)));
        let mut joined = vec![first_joined];
        joined.extend(
            term.joined[1..]
                .iter()
                .map(|j| j.as_deref().map(|stem| self.with_stem(stem))),
        );
        let hits = TermHits { words, joined };
        // A phrase can only start where its first word (or the start of it) stands. Plain
        // loops: each iterator adapter chain is code of its own in the wasm.
        let first_joined = hits.joined[0].as_deref();
        let mut starts: Vec<usize> = Vec::new();
        for (p, &d) in self.distinct.iter().enumerate() {
            if hits.words[0].same[d]
                || hits.words[0].starts[d]
                || first_joined.is_some_and(|j| j[d])
            {
                starts.push(p);
            }
        }
        let mut found = Vec::new();
        for start in starts {
            if let Some(occurrence) = self
                .phrase_at(term, &hits, start)
                .or_else(|| self.phrase_near(term, &hits, start))
            {
                found.push(occurrence);
            }
        }
        found
    }

    /// The phrase starting exactly at `start`, its later words each within `MAX_GAP` words.
    fn phrase_at(&self, term: &Term, hits: &TermHits, start: usize) -> Option<Occurrence> {
        let mut used = Vec::new();
        let mut at = start;
        let mut k = 0;
        while k < term.words.len() {
            let window = if k == 0 { 0 } else { MAX_GAP };
            let sentence = self.tokens[start].sentence;
            let mut matched = None;
            for p in at..=at + window {
                if p >= self.tokens.len() || self.tokens[p].sentence != sentence {
                    break;
                }
                if let Some((a, b)) = self.word_at(term, hits, k, p) {
                    matched = Some((p, a, b));
                    break;
                }
            }
            let (pos, answer_len, key_len) = matched?;
            used.extend(pos..pos + answer_len);
            at = pos + answer_len;
            k += key_len;
        }
        Some(Occurrence { tokens: used })
    }

    /// The phrase's words in another order, close to its first word in one sentence: "the
    /// penalty on writes" for "write penalty".
    fn phrase_near(&self, term: &Term, hits: &TermHits, start: usize) -> Option<Occurrence> {
        if term.words.len() < 2 || !hits.words[0].same[self.distinct[start]] {
            return None;
        }
        let sentence = self.tokens[start].sentence;
        let near = start.saturating_sub(NEAR)..self.tokens.len().min(start + NEAR + 1);
        let mut used = vec![start];
        for word_hits in &hits.words[1..] {
            let p = near.clone().find(|&p| {
                self.tokens[p].sentence == sentence
                    && !used.contains(&p)
                    && word_hits.same[self.distinct[p]]
            })?;
            insert_sorted(&mut used, p);
        }
        Some(Occurrence { tokens: used })
    }

    /// Whether the phrase's word `k` matches at answer token `p`: (answer tokens, phrase words) used.
    fn word_at(&self, term: &Term, hits: &TermHits, k: usize, p: usize) -> Option<(usize, usize)> {
        let d = self.distinct[p];
        if hits.words[k].same[d] {
            return Some((1, 1));
        }
        let token = &self.tokens[p];
        let word = &term.words[k];
        // "web server" in the answer for "webserver" in the key, and the other way round.
        if hits.words[k].starts[d] {
            if let Some(next) = self.tokens.get(p + 1) {
                if next.sentence == token.sentence && next.clause == token.clause {
                    let joined = Word::new(&format!("{}{}", token.word.text, next.word.text));
                    if same_word(&joined, word, false) {
                        return Some((2, 1));
                    }
                }
            }
        }
        hits.joined[k]
            .as_ref()
            .is_some_and(|j| j[d])
            .then_some((1, 2))
    }
}

/// Adds `x` to a short sorted list of token positions, once (cheaper in the wasm than a sort).
fn insert_sorted(list: &mut Vec<usize>, x: usize) {
    if let Err(at) = list.binary_search(&x) {
        list.insert(at, x);
    }
}

/// Whether an answer's word is the key's word: the same stem, a spelling slip of it (when
/// `may_slip`: it is not a word of its own), or a stem that extends the key's by a short ending
/// the stemmer keeps ("automatically" → "automat" for "automate" → "autom").
fn same_word(answer: &Word, key: &Word, may_slip: bool) -> bool {
    answer.stem == key.stem
        // A slip changes at most two letters of the set per edit allowed (two at most).
        || (may_slip && slip_of(answer, key))
        || (key.stem.len() >= 5
            && !answer.has_digit()
            && answer.stem.starts_with(&key.stem)
            && answer.stem.len() <= key.stem.len() + 3)
}

/// A slip changes at most two letters of the set per edit allowed (two at most): a cheap
/// refusal before the edit distance.
fn slip_of(written: &Word, meant: &Word) -> bool {
    (written.letters ^ meant.letters).count_ones() <= 4 && typo::slip(&written.text, &meant.text)
}

#[cfg(test)]
mod tests;
