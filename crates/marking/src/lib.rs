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
//! two, or spelled letter by letter), or with a spelling slip ([`typo`]). An occurrence inside
//! a negated clause does not count ([`negation`]), nor one said of another member of the kind
//! the key point names ("Apache is the newer one" for "nginx + newer"; see [`glossary`]).

pub mod glossary;
pub mod negation;
pub mod typo;
pub mod words;

pub use glossary::{Glossary, GlossaryError};
pub use words::Member;

use interview_sorted::SortedMap;
use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;
use words::{prefix, Prefix, Token, Word};

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
    alternatives: Vec<Alternative>,
    /// The members of kinds its alternatives name: what an alternative naming none is about.
    members: Vec<Member>,
    /// The first letters of its words and stems (see [`Prefix`]).
    prefixes: Vec<Prefix>,
    /// The one member its label is the name of ("xfs", "vi", "RAID 10"): an answer that names
    /// only other members of its kind speaks of them, whatever it says ("scp, to copy files
    /// between hosts" is no rsync).
    named: Option<Member>,
}

#[derive(Debug, Clone)]
struct Alternative {
    terms: Vec<Term>,
    /// One everyday word ("rotation", "contention"): it counts only near another word of the
    /// question's key points, which says the answer speaks of the question's subject ("an
    /// on-call rotation" is no log rotation).
    needs_support: bool,
    /// The members of kinds its terms name ("nginx" in `nginx + newer`).
    members: Vec<Member>,
}

#[derive(Debug, Clone)]
struct Term {
    /// The phrase's words, without function words unless it has nothing else.
    words: Vec<Word>,
    /// For each word, the member of a kind it names, if any.
    members: Vec<Option<Member>>,
    /// For each word, the stem of it written together with the next ("web server" →
    /// "webserv"), to match an answer that writes them as one.
    joined: Vec<Option<String>>,
}

impl Term {
    fn new(tokens: Vec<Token>) -> Self {
        let all: Vec<&Word> = tokens.iter().map(|t| &*t.word).collect();
        // Function words are left out, unless the phrase has nothing else; a word is written
        // together with the next only if they stand side by side ("up to date" is not
        // "update").
        let kept: Vec<usize> = (0..all.len())
            .filter(|&i| !FUNCTION_WORDS.contains(&all[i].text.as_str()))
            .collect();
        let kept = if kept.is_empty() {
            (0..all.len()).collect()
        } else {
            kept
        };
        let joined = kept
            .windows(2)
            .map(|pair| {
                (pair[1] == pair[0] + 1)
                    .then(|| words::stem(&format!("{}{}", all[pair[0]].text, all[pair[1]].text)))
            })
            .chain(std::iter::once(None))
            .collect();
        let words = kept.iter().map(|&i| all[i].clone()).collect();
        let members = kept.iter().map(|&i| tokens[i].member).collect();
        Self {
            words,
            members,
            joined,
        }
    }
}

/// The glossary, ready to prepare key points and mark answers.
#[derive(Debug, Default)]
pub struct Marker {
    glossary: Glossary,
    /// Real words that are one slip away from a key word ("share" for "spare"): an answer
    /// that writes them means them, not the key word.
    real_words: SortedMap<String, ()>,
    /// The prefixes of the glossary's terms and of the words negation reads by stem.
    prefixes: Vec<Prefix>,
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
/// The terms of an alternative (`mirror + stripe`) count within this many words of each
/// other's first.
const TERMS_APART: usize = 30;
/// Words after an occurrence where a member it is said of may stand ("the write penalty of
/// RAID 6").
const SAID_OF_AFTER: usize = 4;
/// Words that introduce what a description is said of, after it: "penalty of RAID 6", "jobs
/// I use systemd timers for".
const INTRODUCING: &[&str] = &[
    "of", "on", "in", "for", "to", "with", "like", "from", "using", "via", "use", "as", "is",
];
/// Members named at most this many words apart make one list ("MySQL, Postgres or Oracle").
const LIST_GAP: usize = 3;
/// An everyday word's support stands within this many words of it (see
/// `Alternative::needs_support`).
const SUPPORT: usize = 8;
/// A phrase's words in another order count within this many words of its first.
const NEAR: usize = 4;
/// At most this many of an answer's words written apart are one key word ("e c 2" is not
/// longer than this; "web server" is two).
const MAX_JOINED: usize = 6;

impl Marker {
    pub fn new(glossary: Glossary) -> Self {
        let mut prefixes: Vec<Prefix> = glossary.stems().filter_map(prefix).collect();
        prefixes.extend(negation::stemmed_words().filter_map(prefix));
        let mut prefixes = interview_sorted::sort(prefixes);
        prefixes.dedup();
        Self {
            glossary,
            real_words: SortedMap::default(),
            prefixes,
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
            .flat_map(|p| p.alternatives.iter().flat_map(|a| &a.terms))
            .flat_map(|term| term.words.iter())
            .collect();
        // Key points share words: each is compared once.
        let texts: Vec<(&str, usize)> = (keys.iter().enumerate())
            .map(|(i, k)| (k.text.as_str(), i))
            .collect();
        let mut texts = interview_sorted::sort(texts);
        texts.dedup_by(|a, b| a.0 == b.0);
        let keys: Vec<&Word> = texts.iter().map(|&(_, i)| keys[i]).collect();
        let found: Vec<String> = words
            .into_iter()
            .map(Word::new)
            .filter(|w| {
                keys.iter()
                    .any(|k| w.stem != k.stem && slip_of(w, k, || true))
            })
            .map(|w| w.text)
            .collect();
        let mut found = interview_sorted::sort(found);
        found.dedup();
        found
    }

    /// The stems of a text's words as matching reads them: through the glossary ("Multi-AZ"
    /// is "multi", "availabl", "zone").
    pub fn stems(&self, text: &str) -> Vec<String> {
        self.glossary
            .canonical(words::tokens(text))
            .into_iter()
            .map(|t| t.word.stem.clone())
            .collect()
    }

    /// The members of kinds a text names, each once, in order ("ext4 or xfs": two
    /// filesystems), and the name of each one's kind.
    pub fn members(&self, text: &str) -> Vec<(Member, &str)> {
        let mut found: Vec<(Member, &str)> = Vec::new();
        for t in self.glossary.canonical(words::tokens(text)) {
            if let Some(m) = t.member {
                if !found.iter().any(|(f, _)| *f == m) {
                    let kind = self.glossary.kinds().get(usize::from(m.kind));
                    found.push((m, kind.map_or("", String::as_str)));
                }
            }
        }
        found
    }

    /// Prepares a key point from its alternatives (each a list of `+`-joined terms).
    pub fn key_point<A, T>(&self, alternatives: A) -> KeyPoint
    where
        A: IntoIterator,
        A::Item: IntoIterator<Item = T>,
        T: AsRef<str>,
    {
        let mut point = KeyPoint {
            alternatives: Vec::new(),
            members: Vec::new(),
            prefixes: Vec::new(),
            named: None,
        };
        for (n, terms) in alternatives.into_iter().enumerate() {
            let mut alternative = Alternative {
                terms: Vec::new(),
                members: Vec::new(),
                needs_support: false,
            };
            let mut everyday = true;
            for (t, term) in terms.into_iter().enumerate() {
                // A name, an acronym or a number is no everyday word.
                everyday &= !term
                    .as_ref()
                    .chars()
                    .any(|c| c.is_uppercase() || c.is_ascii_digit());
                let tokens = self.glossary.canonical(words::tokens(term.as_ref()));
                if n == 0 {
                    // The label is the member's name and nothing else.
                    point.named = tokens
                        .first()
                        .and_then(|first| first.member)
                        .filter(|&m| t == 0 && tokens.iter().all(|t| t.member == Some(m)));
                }
                for member in tokens.iter().filter_map(|t| t.member) {
                    insert_sorted(&mut alternative.members, member);
                    insert_sorted(&mut point.members, member);
                }
                let term = Term::new(tokens);
                if !term.words.is_empty() {
                    alternative.terms.push(term);
                }
            }
            alternative.needs_support = everyday
                && alternative.members.is_empty()
                && matches!(alternative.terms.as_slice(), [t] if t.words.len() == 1);
            if !alternative.terms.is_empty() {
                point.alternatives.push(alternative);
            }
        }
        // The label, or else the first alternative naming a member, names what the point is
        // about ("nginx is newer", "more efficient | nginx + faster"): what an alternative
        // naming none ("came later", "less memory") is said of, not the members later
        // alternatives set it against ("apache + older", "apache + heavier").
        if let Some(first) = point.alternatives.iter().find(|a| !a.members.is_empty()) {
            point.members = first.members.clone();
        }
        for term in point.alternatives.iter().flat_map(|a| &a.terms) {
            let words = term.words.iter().flat_map(|w| [&w.text, &w.stem]);
            for p in words
                .chain(term.joined.iter().flatten())
                .filter_map(|w| prefix(w))
            {
                insert_sorted(&mut point.prefixes, p);
            }
        }
        point
    }

    /// Marks the answer against each key point, in order.
    pub fn mark(&self, answer: &str, points: &[KeyPoint]) -> Vec<PointMark> {
        // Short words are always stemmed: their stem may change their first letters
        // ("using" is "use").
        let needed = |word: &str| {
            word.len() <= 5
                || prefix(word).is_none_or(|p| {
                    self.prefixes.binary_search(&p).is_ok()
                        || points.iter().any(|k| k.prefixes.binary_search(&p).is_ok())
                })
        };
        let answer = Answer::new(
            self.glossary
                .canonical(words::tokens_stemming(answer, &needed)),
            &self.real_words,
        );
        points.iter().map(|p| answer.mark(p, points)).collect()
    }
}

/// The answer's tokens with what matching needs precomputed.
struct Answer<'m> {
    tokens: Vec<Token>,
    /// For each token, the index of its word among the answer's distinct words: a long answer
    /// repeats words, and each distinct word is compared with a key word once.
    distinct: Vec<usize>,
    words: Vec<Rc<Word>>,
    /// Real words near a key word (so not a slip), looked up only for a word that may be one.
    real_words: &'m SortedMap<String, ()>,
    /// The distinct words by their first letter.
    by_initial: Vec<(char, Vec<usize>)>,
    /// For each key word met so far, which distinct words of the answer it matches.
    hits: RefCell<SortedMap<String, Rc<Hits>>>,
    /// For each token, the token of the cue that negates it.
    negated_by: Vec<Option<usize>>,
    /// The tokens that start a cue negating what follows ("not", "instead of", "I'd avoid").
    cues: Vec<usize>,
    /// For each token, its segment: a clause, or part of one where the sentence turns.
    segment: Vec<usize>,
    /// For each token, whether it is a word of the question's key points: found when an
    /// everyday word first needs support.
    key_words: std::cell::OnceCell<Vec<bool>>,
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

impl<'m> Answer<'m> {
    fn new(tokens: Vec<Token>, real_words: &'m SortedMap<String, ()>) -> Self {
        // The distinct words, found by sorting the tokens by their text.
        let order = words::sorted_by_text(tokens.len(), |i| &tokens[i].word.text);
        let mut words: Vec<Rc<Word>> = Vec::new();
        let mut distinct = vec![0; tokens.len()];
        for (n, &i) in order.iter().enumerate() {
            let new = n == 0 || tokens[order[n - 1]].word.text != tokens[i].word.text;
            if new {
                words.push(Rc::clone(&tokens[i].word));
            }
            distinct[i] = words.len() - 1;
        }
        let segment = negation::segments(&tokens);
        let ends = negation::cue_ends(&tokens);
        let negated_by = negation::scopes(&tokens, &segment, &ends);
        let cues = (0..tokens.len()).filter(|&i| ends[i].is_some()).collect();

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
            real_words,
            by_initial,
            hits: RefCell::default(),
            negated_by,
            cues,
            segment,
            key_words: std::cell::OnceCell::new(),
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
            hits.same[i] = same_word(answer, word, || {
                self.real_words.get(answer.text.as_str()).is_none()
            });
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

    /// Marks one of the question's key points (`all`).
    fn mark(&self, point: &KeyPoint, all: &[KeyPoint]) -> PointMark {
        let of_others = point.named.is_some_and(|own| self.names_only_others(own));
        for alternative in &point.alternatives {
            if of_others && alternative.members.is_empty() {
                continue;
            }
            let own = if alternative.members.is_empty() {
                &point.members
            } else {
                &alternative.members
            };
            let found = self.find_alternative(&alternative.terms, own).filter(|_| {
                !alternative.needs_support || self.supported(&alternative.terms[0], all)
            });
            if let Some(evidence) = found {
                return PointMark {
                    covered: true,
                    evidence,
                };
            }
        }
        PointMark::default()
    }

    /// Whether the answer names other members of `own`'s kind, never `own` itself: what it
    /// says of the kind is said of them.
    fn names_only_others(&self, own: Member) -> bool {
        let mut others = false;
        for m in self.tokens.iter().filter_map(|t| t.member) {
            if m == own {
                return false;
            }
            others |= m.kind == own.kind;
        }
        others
    }

    /// Whether an occurrence of the one-word term stands near another word of the question's
    /// key points: in its sentence or within `SUPPORT` words.
    fn supported(&self, term: &Term, all: &[KeyPoint]) -> bool {
        // A question of one key point has no other words for an everyday word to stand near.
        if all.len() < 2 {
            return true;
        }
        let key_words = self.key_words.get_or_init(|| {
            let stems: Vec<&str> = all
                .iter()
                .flat_map(|p| &p.alternatives)
                .flat_map(|a| &a.terms)
                .flat_map(|term| &term.words)
                .map(|w| w.stem.as_str())
                .collect();
            let mut stems = interview_sorted::sort(stems);
            stems.dedup();
            self.tokens
                .iter()
                .map(|t| {
                    !is_function_word(&t.word.text)
                        && stems.binary_search(&t.word.stem.as_str()).is_ok()
                })
                .collect()
        });
        let stem = &term.words[0].stem;
        let supports = |o: &Occurrence, i: usize| {
            !o.tokens.contains(&i) && key_words[i] && self.tokens[i].word.stem != *stem
        };
        self.occurrences(term).iter().any(|o| {
            let at = o.tokens[0];
            let sentence = self.tokens[at].sentence;
            let near =
                |i: &usize| i.abs_diff(at) <= SUPPORT || self.tokens[*i].sentence == sentence;
            (0..at).rev().take_while(near).any(|i| supports(o, i))
                || (at..self.tokens.len())
                    .take_while(near)
                    .any(|i| supports(o, i))
        })
    }

    /// Whether the occurrence is said of other members of a kind the key point names than its
    /// own (`own`): those named before it in its segment, or else within a few words after
    /// it. "Apache is the newer one" says nothing of nginx, nor "nano, my text editor" of vi;
    /// "a database like MySQL or Oracle stalls" speaks of MySQL.
    fn said_of_another(&self, o: &Occurrence, own: &[Member]) -> bool {
        let Some(&first) = o.tokens.first() else {
            return false;
        };
        let segment = self.segment[first];
        let of_kind = |i: &usize| {
            self.tokens[*i]
                .member
                .filter(|m| own.iter().any(|o| o.kind == m.kind))
        };
        if own.is_empty()
            || o.tokens
                .iter()
                .filter_map(of_kind)
                .any(|m| own.contains(&m))
        {
            return false;
        }
        let last = o.tokens[o.tokens.len() - 1];
        let before = (0..first).rev().take_while(|&i| self.segment[i] == segment);
        // After it, within its clause, a member it is said of: "the write penalty of RAID 6",
        // "for scheduled jobs I use systemd timers" (but not "the rebuild is slow raid 10
        // gives you fast I/O", speech running on).
        let clause = (self.tokens[last].sentence, self.tokens[last].clause);
        let in_clause = |i: &usize| (self.tokens[*i].sentence, self.tokens[*i].clause) == clause;
        let introduced = (last + 1..self.tokens.len())
            .take(SAID_OF_AFTER)
            .take_while(in_clause)
            .position(|i| INTRODUCING.contains(&self.tokens[i].word.text.as_str()));
        let after = (last + 1..self.tokens.len())
            .take(SAID_OF_AFTER)
            .take_while(in_clause)
            .skip(introduced.map_or(SAID_OF_AFTER, |p| p + 1));
        // The nearest member named, or a list of members it starts ("MySQL or Oracle"), not
        // one named further away ("apache is the newer one and nginx is the old one": "old"
        // is said of nginx).
        let spoken_of = |named: &mut dyn Iterator<Item = usize>| {
            let mut last: Option<usize> = None;
            for (i, m) in named.filter_map(|i| of_kind(&i).map(|m| (i, m))) {
                if last.is_some_and(|l: usize| l.abs_diff(i) > LIST_GAP) {
                    break;
                }
                if own.contains(&m) {
                    return Some(false);
                }
                last = Some(i);
            }
            last.map(|_| true)
        };
        // A segment that opens with a pronoun speaks of what the one before named: "i use
        // nano it's a text editor", "I use nano. It's a fine text editor."; so does a reason
        // or a consequence: "RAID 5 is best, because parity makes writes faster".
        let start = (0..=first)
            .rev()
            .take_while(|&i| self.segment[i] == segment)
            .last()
            .unwrap_or(first);
        let pointing = matches!(
            self.tokens[start].word.text.as_str(),
            "it" | "its" | "that" | "this" | "which" | "they" | "because" | "since" | "so"
        );
        let previous = start.checked_sub(1).filter(|_| pointing).map(|p| {
            (0..=p)
                .rev()
                .take_while(move |&i| self.segment[i] == self.segment[p])
        });
        spoken_of(&mut before.into_iter())
            .or_else(|| spoken_of(&mut after.into_iter()))
            .or_else(|| previous.and_then(|mut p| spoken_of(&mut p)))
            .unwrap_or(false)
    }

    /// Every term of the alternative occurs outside negation, and not said of another member
    /// of a kind the point names (see [`Answer::said_of_another`]). A term that is a negation
    /// itself (`can't + tune`) must negate another term of the alternative ("can't tune"),
    /// and that term's negation is then the point, not against it; so is a negation inside
    /// a phrase ("no DBA").
    fn find_alternative(&self, terms: &[Term], own: &[Member]) -> Option<Vec<Range<usize>>> {
        let is_cue =
            |term: &Term| matches!(term.words.as_slice(), [w] if negation::is_cue(&w.text));
        let mut found: Vec<Vec<Occurrence>> = Vec::with_capacity(terms.len());
        for term in terms {
            // A cue term is any cue of the answer: `not + waterfall` is said by "instead of
            // waterfall", "no waterfall", "never waterfall" alike.
            let occurrences = if is_cue(term) {
                self.cues
                    .iter()
                    .map(|&c| Occurrence { tokens: vec![c] })
                    .collect()
            } else {
                self.occurrences(term)
            };
            if occurrences.is_empty() {
                return None;
            }
            found.push(occurrences);
        }
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
            }) && !self.said_of_another(o, own)
        };
        // The terms' occurrences close together: around each place the first term stands,
        // the nearest of every other term's ("hard" in one sentence and "scale" in another
        // say nothing together).
        // Checked lazily: most alternatives are one term, whose first free occurrence does.
        let mut plain = terms.iter().zip(&found).filter(|(term, _)| !is_cue(term));
        let (_, first) = plain.next()?;
        let others: Vec<&Vec<Occurrence>> = plain.map(|(_, occ)| occ).collect();
        let mut chosen: Vec<&Occurrence> = first.iter().filter(|o| free(o)).find_map(|anchor| {
            let at = anchor.tokens[0];
            let mut chosen = vec![anchor];
            for occ in &others {
                chosen.push(
                    occ.iter()
                        .filter(|o| {
                            o.tokens[0].abs_diff(at) <= TERMS_APART
                                && free(o)
                                && !self.another_member_between(anchor, o, own)
                        })
                        .min_by_key(|o| o.tokens[0].abs_diff(at))?,
                );
            }
            Some(chosen)
        })?;
        // Each cue term negates one of the chosen occurrences.
        for (term, occ) in terms.iter().zip(&found) {
            if !is_cue(term) {
                continue;
            }
            // Before what it negates: "X has nothing to do with it" rejects X.
            let negating = occ.iter().find(|cue| {
                chosen.iter().any(|o| {
                    o.tokens.iter().any(|&t| {
                        t > cue.tokens[0]
                            && cue
                                .tokens
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

    /// Whether another member of `own`'s kind is named between two occurrences, one of which
    /// names `own`: what the other says is said of that nearer member ("Apache is the younger
    /// project, nginx is the older design" says nothing of an older Apache).
    fn another_member_between(&self, a: &Occurrence, b: &Occurrence, own: &[Member]) -> bool {
        let names_own = |o: &Occurrence| {
            o.tokens
                .iter()
                .any(|&t| self.tokens[t].member.is_some_and(|m| own.contains(&m)))
        };
        if !names_own(a) && !names_own(b) {
            return false;
        }
        let (first, second) = if a.tokens[0] < b.tokens[0] {
            (a, b)
        } else {
            (b, a)
        };
        let between = first.tokens[first.tokens.len() - 1] + 1..second.tokens[0];
        // Walked from the member's side: members listed with it ("MySQL or Oracle") are no
        // other subject.
        let from_first = names_own(first);
        let mut last = if from_first {
            between.start.saturating_sub(1)
        } else {
            between.end
        };
        for n in 0..between.len() {
            let i = if from_first {
                between.start + n
            } else {
                between.end - 1 - n
            };
            let Some(m) = self.tokens[i]
                .member
                .filter(|m| own.iter().any(|o| o.kind == m.kind))
            else {
                continue;
            };
            if i.abs_diff(last) > LIST_GAP && !own.contains(&m) {
                return true;
            }
            last = i;
        }
        false
    }

    /// Whether the occurrence is a strict part of one term the glossary wrote in the answer's
    /// place: "availability zone" is not said by "multi-AZ" (multi availability zone), nor
    /// "private cloud" by "VPC" (virtual private cloud).
    fn inside_longer_term(&self, o: &Occurrence) -> bool {
        let span = &self.tokens[o.tokens[0]].span;
        if o.tokens.iter().any(|&t| self.tokens[t].span != *span) {
            return false;
        }
        let same = |t: &&Token| t.span == *span;
        let before = self.tokens[..o.tokens[0]]
            .iter()
            .rev()
            .take_while(same)
            .count();
        let after = self.tokens[o.tokens[o.tokens.len() - 1] + 1..]
            .iter()
            .take_while(same)
            .count();
        before + after > 0
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
                .filter(|o| term.words.len() < 2 || !self.inside_longer_term(o))
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
        let sentence = self.tokens[start].sentence;
        while k < term.words.len() {
            // Other words between two of the phrase's, small function words not counted.
            let mut gap = 0;
            let mut matched = None;
            let mut p = at;
            while p < self.tokens.len() && self.tokens[p].sentence == sentence {
                if let Some((a, b)) = self.word_at(term, hits, k, p) {
                    matched = Some((p, a, b));
                    break;
                }
                if !is_function_word(&self.tokens[p].word.text) {
                    gap += 1;
                }
                if k == 0 || gap > MAX_GAP {
                    break;
                }
                p += 1;
            }
            let (pos, answer_len, key_len) = matched?;
            used.extend(pos..pos + answer_len);
            at = pos + answer_len;
            k += key_len;
        }
        Some(Occurrence { tokens: used })
    }

    /// Whether answer token `p` may be the phrase's word `k` as far as kinds go: a word naming
    /// a member of a kind is that member, matched as written by a key word naming no other
    /// ("RAID" in "RAID 5"), never by stem ("Fastly" is not "fast", the "Elastic" of
    /// "Elastic Beanstalk" not "elasticity").
    fn may_be(&self, term: &Term, k: usize, p: usize) -> bool {
        let token = &self.tokens[p];
        match (token.member, term.members[k]) {
            (None, _) => true,
            (Some(m), Some(n)) => m == n,
            (Some(_), None) => token.word.text == term.words[k].text,
        }
    }

    /// The phrase's words in another order, close to its first word in one sentence: "the
    /// penalty on writes" for "write penalty".
    fn phrase_near(&self, term: &Term, hits: &TermHits, start: usize) -> Option<Occurrence> {
        if term.words.len() < 2
            || !hits.words[0].same[self.distinct[start]]
            || !self.may_be(term, 0, start)
        {
            return None;
        }
        let (sentence, clause) = (self.tokens[start].sentence, self.tokens[start].clause);
        let near = start.saturating_sub(NEAR)..self.tokens.len().min(start + NEAR + 1);
        let mut used = vec![start];
        for (k, word_hits) in hits.words.iter().enumerate().skip(1) {
            let p = near.clone().find(|&p| {
                (self.tokens[p].sentence, self.tokens[p].clause) == (sentence, clause)
                    && !used.contains(&p)
                    && word_hits.same[self.distinct[p]]
                    && self.may_be(term, k, p)
            })?;
            insert_sorted(&mut used, p);
        }
        // A member named across "and" is another clause's subject: "the newer one and nginx
        // is the old one".
        let (first, last) = (used[0], used[used.len() - 1]);
        let named = used.iter().any(|&p| self.tokens[p].member.is_some());
        let crosses = (first + 1..last).any(|p| {
            matches!(
                self.tokens[p].word.text.as_str(),
                "and" | "or" | "but" | "while"
            )
        });
        if named && crosses {
            return None;
        }
        Some(Occurrence { tokens: used })
    }

    /// Whether the phrase's word `k` matches at answer token `p`: (answer tokens, phrase words) used.
    fn word_at(&self, term: &Term, hits: &TermHits, k: usize, p: usize) -> Option<(usize, usize)> {
        if !self.may_be(term, k, p) {
            return None;
        }
        let d = self.distinct[p];
        if hits.words[k].same[d] {
            return Some((1, 1));
        }
        let token = &self.tokens[p];
        let word = &term.words[k];
        // "web server" in the answer for "webserver" in the key, and the other way round;
        // letters spelled one by one ("e b s") for the word they spell.
        if hits.words[k].starts[d] {
            // The glossary's words, then the words as written ("r sync", though "sync" is
            // read as "synchronous"). A lone letter starts many key words: only letters
            // spelling one out join it, as written, not by stem ("a lot" is no key word).
            let letter = token.word.text.len() == 1;
            // "a" and "i" are words of their own: they join only letters spelled after them
            // ("a m i"), never a word ("a synchronous copy" is no "asynchronous").
            let word_of_its_own = matches!(token.word.text.as_str(), "a" | "i");
            for as_written in [false, true] {
                let mut joined = token.word.text.clone();
                for (n, next) in self.tokens[p + 1..].iter().take(MAX_JOINED - 1).enumerate() {
                    if next.sentence != token.sentence || next.clause != token.clause {
                        break;
                    }
                    let next_word = match (&next.written, as_written) {
                        (Some(written), true) => written,
                        _ => &next.word,
                    };
                    if word_of_its_own && next_word.text.len() > 1 {
                        break;
                    }
                    joined.push_str(&next_word.text);
                    // A plural ends the last letter spelled: "s s ds", "v ms".
                    if letter
                        && next_word.text.len() == 2
                        && joined.len() == word.text.len() + 1
                        && joined.ends_with('s')
                        && joined.starts_with(&word.text)
                    {
                        return Some((n + 2, 1));
                    }
                    if !word.text.starts_with(&joined) {
                        // Stemmed only if it may be the key word with an ending.
                        if !letter
                            && joined.starts_with(&word.stem)
                            && same_word(&Word::new(&joined), word, || false)
                        {
                            return Some((n + 2, 1));
                        }
                        break;
                    }
                    if joined.len() == word.text.len() {
                        return Some((n + 2, 1));
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

/// Adds `x` to a short sorted list, once (cheaper in the wasm than a sort).
fn insert_sorted<T: Ord>(list: &mut Vec<T>, x: T) {
    if let Err(at) = list.binary_search(&x) {
        list.insert(at, x);
    }
}

/// Whether an answer's word is the key's word: the same stem, a spelling slip of it (when
/// `may_slip`: it is not a word of its own), or a stem that extends the key's by a short ending
/// the stemmer keeps ("automatically" → "automat" for "automate" → "autom").
fn same_word(answer: &Word, key: &Word, may_slip: impl FnOnce() -> bool) -> bool {
    answer.stem == key.stem
        || slip_of(answer, key, may_slip)
        || (key.stem.len() >= 5
            && !answer.has_digit()
            && answer.stem.starts_with(&key.stem)
            && answer.stem.len() <= key.stem.len() + 3)
}

/// A slip changes at most two letters of the set per edit allowed (two at most): a cheap
/// refusal before the edit distance.
fn slip_of(written: &Word, meant: &Word, may_slip: impl FnOnce() -> bool) -> bool {
    (written.letters ^ meant.letters).count_ones() <= 4
        && typo::slip(&written.text, &meant.text)
        && may_slip()
}

#[cfg(test)]
mod tests;
