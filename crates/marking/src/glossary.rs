//! The glossary, one entry a line, of three sorts:
//!
//! - synonyms and abbreviations: terms that mean the same, `availability zone = AZ`. The first
//!   term is the canonical form; answers and key points both have every other term replaced by
//!   it before matching, longest first;
//! - kinds of things: `kind filesystem: xfs, ext3, ext4`. Each member is a thing of its own:
//!   the words of an answer that name one are marked with it ([`Member`]), so that a key point
//!   naming one member is not taken for another, and "ext4 over xfs" rejects xfs;
//! - idioms: `idiom: on-call rotation, point of contention`. Phrases whose words mean something
//!   else together than alone: they are one word of their own, which no key word matches
//!   unless the key names the idiom.
//!
//! A term written in capitals (`IPS`) is an acronym: it matches as written, plural or not, not
//! by its stem ("IPS" is not "IP"). Letters spelled one by one, as speech recognition writes an
//! acronym ("v p c"), are read as the acronym they spell.

use crate::words::{self, prefix, Member, Prefix, Token, Word};
use interview_sorted::SortedMap;
use std::fmt;
use std::rc::Rc;

/// How one word of a variant matches an answer's word.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Pattern {
    Stem(String),
    /// An acronym, lower case: the word as written, or with a plural `s`.
    Acronym(String),
}

impl Pattern {
    fn new(written: &str, word: &Word) -> Self {
        let letters = written.chars().filter(char::is_ascii_alphabetic).count();
        let capitals = written.chars().all(|c| !c.is_lowercase());
        if letters >= 2 && capitals && written.chars().all(|c| c.is_ascii_alphanumeric()) {
            Pattern::Acronym(word.text.clone())
        } else {
            Pattern::Stem(word.stem.clone())
        }
    }

    fn matches(&self, word: &Word) -> bool {
        match self {
            Pattern::Stem(stem) => *stem == word.stem,
            Pattern::Acronym(text) => {
                word.text == *text || word.text.strip_suffix('s') == Some(text.as_str())
            }
        }
    }

    /// The key the pattern is found under: the stem of its word.
    fn key(&self) -> String {
        match self {
            Pattern::Stem(stem) => stem.clone(),
            Pattern::Acronym(text) => words::stem(text),
        }
    }
}

/// A variant's words, and the canonical words that replace it.
type Variant = (Vec<Pattern>, Vec<Word>);

#[derive(Debug, Default)]
pub struct Glossary {
    /// By the stem of a variant's first word, longest variant first.
    variants: SortedMap<String, Vec<Variant>>,
    /// Members of kinds, by the name of their first canonical word, longest first (see
    /// [`name`]).
    members: SortedMap<String, Vec<(Vec<String>, Member)>>,
    /// The kinds' names, in order.
    kinds: Vec<String>,
    /// Every word of the variants as it is matched (see [`Glossary::stems`]).
    matched: Vec<String>,
    /// The prefixes of the keys of `variants` and `members`, sorted: a word whose prefix is
    /// in neither is looked up in neither.
    variant_prefixes: Vec<Prefix>,
    member_prefixes: Vec<Prefix>,
}

/// Why a glossary cannot be built; `line` counts the lines given from 0.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GlossaryError {
    TooFewTerms {
        line: usize,
    },
    NoWords {
        line: usize,
        term: String,
    },
    Repeated {
        line: usize,
        term: String,
        first_line: usize,
    },
}

impl GlossaryError {
    pub fn line(&self) -> usize {
        match self {
            Self::TooFewTerms { line }
            | Self::NoWords { line, .. }
            | Self::Repeated { line, .. } => *line,
        }
    }
}

impl fmt::Display for GlossaryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::TooFewTerms { .. } => write!(
                f,
                "a line needs two terms or more: `a = b`, `kind <name>: a, b` or `idiom: a, b`"
            ),
            Self::NoWords { term, .. } => write!(f, "term `{term}` has no letters or digits"),
            Self::Repeated {
                term, first_line, ..
            } => write!(
                f,
                "term `{term}` is already on line {} (a term belongs to one line)",
                first_line + 1
            ),
        }
    }
}

/// One line of the glossary, read.
enum Entry<'a> {
    Synonyms(Vec<&'a str>),
    Kind(&'a str, Vec<&'a str>),
    Idioms(Vec<&'a str>),
}

fn list(terms: &str) -> Vec<&str> {
    terms.split(',').map(str::trim).collect()
}

fn entry(line: &str) -> Entry<'_> {
    if let Some(idioms) = line.strip_prefix("idiom:") {
        return Entry::Idioms(list(idioms));
    }
    if let Some((name, members)) = line
        .strip_prefix("kind ")
        .and_then(|rest| rest.split_once(':'))
    {
        if !name.contains('=') {
            return Entry::Kind(name.trim(), list(members));
        }
    }
    Entry::Synonyms(line.split('=').map(str::trim).collect())
}

impl Glossary {
    /// Builds the glossary from its lines (see the module's documentation).
    pub fn new<L: AsRef<str>>(lines: impl IntoIterator<Item = L>) -> Result<Self, GlossaryError> {
        let lines: Vec<L> = lines.into_iter().collect();
        let mut glossary = Self::default();
        // Every term's words, folded and joined, and the line it is on.
        let mut seen: SortedMap<String, usize> = SortedMap::default();
        let mut kinds = Vec::new();
        for (line, text) in lines.iter().enumerate() {
            match entry(text.as_ref()) {
                Entry::Synonyms(terms) => glossary.synonyms(line, &terms, &mut seen)?,
                Entry::Idioms(idioms) => {
                    for idiom in idioms {
                        // The idiom is one word of its own, which only itself matches.
                        let words = term_words(line, idiom)?;
                        let text: Vec<&str> = words.iter().map(|w| w.text.as_str()).collect();
                        let own = Word {
                            text: text.join("_"),
                            stem: text.join("_"),
                            letters: 0,
                        };
                        glossary.variant(line, idiom, &words, vec![own], &mut seen)?;
                    }
                }
                Entry::Kind(name, members) => kinds.push((line, name, members)),
            }
        }
        // Members are read through the synonyms ("vim = vi"), so kinds come last.
        let mut member_names: Vec<String> = Vec::new();
        for (line, kind_name, members) in kinds {
            if members.len() < 2 {
                return Err(GlossaryError::TooFewTerms { line });
            }
            let kind = glossary.kinds.len() as u16;
            glossary.kinds.push(kind_name.to_string());
            for (id, member) in members.into_iter().enumerate() {
                let tokens = glossary.canonical(words::tokens(member));
                if tokens.is_empty() {
                    return Err(GlossaryError::NoWords {
                        line,
                        term: member.to_string(),
                    });
                }
                let stems: Vec<String> = tokens.iter().map(|t| name(&t.word).to_string()).collect();
                member_names.push(stems[0].clone());
                let key = format!("member {}", stems.join(" "));
                if let Some(&first_line) = seen.get(key.as_str()) {
                    return Err(GlossaryError::Repeated {
                        line,
                        term: member.to_string(),
                        first_line,
                    });
                }
                seen.entry(key).or_insert(line);
                let member = Member {
                    kind,
                    id: id as u16,
                };
                let list = glossary.members.entry(stems[0].clone()).or_default();
                let at = list.partition_point(|(other, _)| other.len() >= stems.len());
                list.insert(at, (stems, member));
            }
        }
        let sorted = |keys: Vec<Prefix>| {
            let mut keys = interview_sorted::sort(keys);
            keys.dedup();
            keys
        };
        glossary.variant_prefixes =
            sorted((glossary.matched.iter().filter_map(|w| prefix(w))).collect());
        glossary.member_prefixes = sorted(member_names.iter().filter_map(|n| prefix(n)).collect());
        Ok(glossary)
    }

    fn synonyms(
        &mut self,
        line: usize,
        terms: &[&str],
        seen: &mut SortedMap<String, usize>,
    ) -> Result<(), GlossaryError> {
        if terms.len() < 2 {
            return Err(GlossaryError::TooFewTerms { line });
        }
        let canonical = term_words(line, terms[0])?;
        let key = fold_key(&canonical);
        if let Some(&first_line) = seen.get(key.as_str()) {
            return Err(GlossaryError::Repeated {
                line,
                term: terms[0].to_string(),
                first_line,
            });
        }
        seen.entry(key).or_insert(line);
        for term in &terms[1..] {
            let words = term_words(line, term)?;
            self.variant(line, term, &words, canonical.clone(), seen)?;
        }
        Ok(())
    }

    /// Adds `term` (its `words`), read as `canonical`.
    fn variant(
        &mut self,
        line: usize,
        term: &str,
        words: &[Word],
        canonical: Vec<Word>,
        seen: &mut SortedMap<String, usize>,
    ) -> Result<(), GlossaryError> {
        let key = fold_key(words);
        if let Some(&first_line) = seen.get(key.as_str()) {
            if first_line != line {
                return Err(GlossaryError::Repeated {
                    line,
                    term: term.to_string(),
                    first_line,
                });
            }
            return Ok(()); // the same term twice on a line ("IO = I/O" fold alike)
        }
        seen.entry(key).or_insert(line);
        let written: Vec<&str> = term
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let patterns: Vec<Pattern> = if written.len() == words.len() {
            written
                .iter()
                .zip(words)
                .map(|(w, word)| Pattern::new(w, word))
                .collect()
        } else {
            words
                .iter()
                .map(|w| Pattern::Stem(w.stem.clone()))
                .collect()
        };
        self.matched.extend(patterns.iter().map(|p| match p {
            Pattern::Stem(s) | Pattern::Acronym(s) => s.clone(),
        }));
        // Longest variant first, so "multi AZ" wins over "multi".
        let list = self.variants.entry(patterns[0].key()).or_default();
        let at = list.partition_point(|(other, _)| other.len() >= patterns.len());
        list.insert(at, (patterns, canonical));
        Ok(())
    }

    /// Every word of the glossary's terms as it is matched (stems, and acronyms as written).
    pub(crate) fn stems(&self) -> impl Iterator<Item = &str> {
        self.matched.iter().map(String::as_str)
    }

    /// The kinds' names, in the order of their lines.
    pub fn kinds(&self) -> &[String] {
        &self.kinds
    }

    /// The tokens with every variant replaced by its canonical words (which take the
    /// variant's place in the text), letters spelled one by one read as the acronym they
    /// spell, and the members of kinds marked.
    pub fn canonical(&self, tokens: Vec<Token>) -> Vec<Token> {
        if self.variants.is_empty() && self.members.is_empty() {
            return tokens;
        }
        let mut out: Vec<Token> = Vec::with_capacity(tokens.len());
        let mut i = 0;
        while i < tokens.len() {
            let spelled = self.spelled(&tokens, i);
            let (first, rest) = match &spelled {
                Some((word, end)) => (word, *end),
                None => (&*tokens[i].word, i + 1),
            };
            let found = self
                .may_be(&self.variant_prefixes, &first.stem)
                .then(|| self.variants.get(first.stem.as_str()))
                .flatten()
                .and_then(|list| {
                    list.iter().find(|(patterns, _)| {
                        patterns[0].matches(first)
                            && tokens.len() - rest >= patterns.len() - 1
                            && patterns[1..].iter().zip(&tokens[rest..]).all(|(p, t)| {
                                p.matches(&t.word) && t.sentence == tokens[i].sentence
                            })
                    })
                });
            let end = match found {
                Some((patterns, _)) => rest + patterns.len() - 1,
                None => rest,
            };
            let span = tokens[i].span.start..tokens[end - 1].span.end;
            let placed = |word: Rc<Word>| Token {
                word,
                span: span.clone(),
                sentence: tokens[i].sentence,
                clause: tokens[i].clause,
                member: None,
                written: None,
            };
            match (found, spelled) {
                (Some((patterns, canonical)), _) => {
                    // The canonical form's first words already written before a variant that
                    // ends it are not written again: "Elastic Beanstalk" is not "elastic
                    // elastic beanstalk" for "Beanstalk".
                    let before = canonical.len().saturating_sub(patterns.len());
                    let written = before > 0
                        && out.len() >= before
                        && out[out.len() - before..]
                            .iter()
                            .zip(canonical)
                            .all(|(t, w)| {
                                t.word.stem == w.stem && t.sentence == tokens[i].sentence
                            });
                    let skip = if written { before } else { 0 };
                    out.extend(canonical[skip..].iter().map(|w| placed(Rc::new(w.clone()))));
                    if end == i + 1 && canonical.len() == 1 {
                        if let Some(last) = out.last_mut() {
                            last.written = Some(Rc::clone(&tokens[i].word));
                        }
                    }
                }
                (None, Some((word, _))) => out.push(placed(Rc::new(word))),
                (None, None) => out.push(tokens[i].clone()),
            }
            i = end;
        }
        self.mark_members(&mut out);
        out
    }

    /// Letters spelled one by one from `at` ("e b s"), as the word they spell when the
    /// glossary knows it (a variant or a member), with the token after them.
    fn spelled(&self, tokens: &[Token], at: usize) -> Option<(Word, usize)> {
        let letter = |t: &Token| t.word.text.len() == 1 && t.word.letters != 0;
        // From the first letter of a run, or the second after an article or "I" ("a v p c"):
        // never from the middle of a spelled word ("d n s" holds no "n s").
        let inside = |i: usize| {
            i > 0 && letter(&tokens[i - 1]) && tokens[i - 1].sentence == tokens[i].sentence
        };
        if inside(at) && (inside(at - 1) || !matches!(tokens[at - 1].word.text.as_str(), "a" | "i"))
        {
            return None;
        }
        let run = tokens[at..]
            .iter()
            .take_while(|t| letter(t) && t.sentence == tokens[at].sentence)
            .count();
        (2..=run).rev().find_map(|len| {
            let text: String = tokens[at..at + len]
                .iter()
                .map(|t| t.word.text.as_str())
                .collect();
            let word = Word::new(&text);
            let known = self
                .variants
                .get(word.stem.as_str())
                .is_some_and(|list| list.iter().any(|(p, _)| p[0].matches(&word)))
                || self
                    .members
                    .get(name(&word))
                    .is_some_and(|list| list.iter().any(|(names, _)| names.len() == 1));
            known.then_some((word, at + len))
        })
    }

    /// Whether a word (a stem or name) may be among keys with these prefixes.
    fn may_be(&self, prefixes: &[Prefix], word: &str) -> bool {
        prefix(word).is_none_or(|p| prefixes.binary_search(&p).is_ok())
    }

    /// Marks the tokens that name a member of a kind, longest member first.
    fn mark_members(&self, tokens: &mut [Token]) {
        if self.members.is_empty() {
            return;
        }
        let mut i = 0;
        while i < tokens.len() {
            let word_name = name(&tokens[i].word);
            let found = self
                .may_be(&self.member_prefixes, word_name)
                .then(|| self.members.get(word_name))
                .flatten()
                .and_then(|list| {
                    list.iter().find(|(names, _)| {
                        tokens.len() - i >= names.len()
                            && names
                                .iter()
                                .zip(&tokens[i..])
                                .all(|(n, t)| n == name(&t.word))
                    })
                });
            match found {
                Some((names, member)) => {
                    for t in &mut tokens[i..i + names.len()] {
                        t.member = Some(*member);
                    }
                    i += names.len();
                }
                None => i += 1,
            }
        }
    }
}

/// A member's word as it is matched: as written, a plural `s` aside. Not by stem: "fast" is
/// not "Fastly".
fn name(word: &Word) -> &str {
    match word.text.strip_suffix('s') {
        Some(singular) if singular.len() >= 2 => singular,
        _ => &word.text,
    }
}

/// A term's words, or the error naming it when it has none.
fn term_words(line: usize, term: &str) -> Result<Vec<Word>, GlossaryError> {
    let words: Vec<Word> = words::tokens(term)
        .into_iter()
        .map(|t| (*t.word).clone())
        .collect();
    if words.is_empty() {
        return Err(GlossaryError::NoWords {
            line,
            term: term.to_string(),
        });
    }
    Ok(words)
}

/// A term's words folded and joined: two terms that fold alike are one.
fn fold_key(words: &[Word]) -> String {
    let stems: Vec<&str> = words.iter().map(|w| w.stem.as_str()).collect();
    stems.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn canonical(glossary: &Glossary, text: &str) -> Vec<String> {
        glossary
            .canonical(words::tokens(text))
            .into_iter()
            .map(|t| t.word.text.clone())
            .collect()
    }

    #[test]
    fn variants_become_the_canonical_term_longest_first() {
        let g = Glossary::new([
            "availability zone = AZ",
            "RAID 10 = RAID 1+0 = RAID10",
            "I/O = IO = input/output",
        ])
        .unwrap();
        assert_eq!(canonical(&g, "two AZs"), ["2", "availability", "zone"]);
        assert_eq!(canonical(&g, "raid 1+0"), ["raid", "10"]);
        assert_eq!(canonical(&g, "RAID10"), ["raid", "10"]);
        assert_eq!(canonical(&g, "RAID 1"), ["raid", "1"]);
        assert_eq!(canonical(&g, "fast IO"), ["fast", "i", "o"]);
        assert_eq!(canonical(&g, "input/output"), ["i", "o"]);
        let t = g.canonical(words::tokens("an AZ"));
        assert_eq!(t[1].span, 3..5);
        assert_eq!(t[2].span, 3..5);
    }

    #[test]
    fn an_acronym_matches_as_written_not_by_its_stem() {
        let g =
            Glossary::new(["intrusion prevention system = IPS", "virtual machine = VM"]).unwrap();
        assert_eq!(canonical(&g, "IP addresses"), ["ip", "addresses"]);
        assert_eq!(
            canonical(&g, "an IPS"),
            ["an", "intrusion", "prevention", "system"]
        );
        assert_eq!(canonical(&g, "VMs"), ["virtual", "machine"]);
    }

    #[test]
    fn letters_spelled_one_by_one_are_the_acronym() {
        let g = Glossary::new([
            "virtual private cloud = VPC",
            "availability zone = AZ",
            "kind filesystem: xfs, ext4",
        ])
        .unwrap();
        assert_eq!(
            canonical(&g, "a v p c"),
            ["a", "virtual", "private", "cloud"]
        );
        assert_eq!(
            canonical(&g, "multi a z"),
            ["multi", "availability", "zone"]
        );
        let t = g.canonical(words::tokens("i like x f s"));
        assert_eq!(t[2].word.text, "xfs");
        assert_eq!(t[2].span, 7..12);
        assert!(t[2].member.is_some());
        // Letters that spell nothing known stay letters, and a known acronym inside a
        // spelled word is not read ("d a z" is not "d" and a zone).
        assert_eq!(canonical(&g, "a b c"), ["a", "b", "c"]);
        assert_eq!(canonical(&g, "d a z"), ["d", "a", "z"]);
    }

    #[test]
    fn members_of_a_kind_are_marked_through_their_synonyms() {
        let g = Glossary::new([
            "vi = vim",
            "SQL Server = MSSQL",
            "kind text editor: vi, emacs, nano",
            "kind database: MySQL, SQL Server",
        ])
        .unwrap();
        assert_eq!(g.kinds(), ["text editor", "database"]);
        // By name, not stem: "fast" is not "Fastly"; a plural is the member.
        let cdn = Glossary::new([
            "kind CDN: Fastly, Akamai",
            "kind scheduler: cron, systemd timers",
        ])
        .unwrap();
        let t = cdn.canonical(words::tokens("fast Fastly systemd timer"));
        assert_eq!(t[0].member, None);
        assert!(t[1].member.is_some() && t[2].member.is_some() && t[3].member.is_some());
        let t = g.canonical(words::tokens("vim or nano, on SQL Server, not in a server"));
        let members: Vec<(&str, Option<Member>)> =
            t.iter().map(|t| (t.word.text.as_str(), t.member)).collect();
        let editor = |id| Some(Member { kind: 0, id });
        let database = Some(Member { kind: 1, id: 1 });
        assert_eq!(
            members,
            [
                ("vi", editor(0)),
                ("or", None),
                ("nano", editor(2)),
                ("on", None),
                ("sql", database),
                ("server", database),
                ("not", None),
                ("in", None),
                ("a", None),
                ("server", None)
            ]
        );
    }

    #[test]
    fn an_idiom_is_a_word_of_its_own() {
        let g = Glossary::new(["idiom: on-call rotation, point of contention"]).unwrap();
        assert_eq!(
            canonical(&g, "the on call rotation"),
            ["the", "on_call_rotation"]
        );
        assert_eq!(
            canonical(&g, "points of contention"),
            ["point_of_contention"]
        );
        assert_eq!(canonical(&g, "log rotation"), ["log", "rotation"]);
    }

    #[test]
    fn bad_lines_are_named() {
        assert_eq!(
            Glossary::new(["AZ"]).unwrap_err(),
            GlossaryError::TooFewTerms { line: 0 }
        );
        assert_eq!(
            Glossary::new(["db = —"]).unwrap_err(),
            GlossaryError::NoWords {
                line: 0,
                term: "—".into()
            }
        );
        let repeated = Glossary::new(["database = DB", "disk = DBs"]).unwrap_err();
        assert_eq!(
            repeated.to_string(),
            "term `DBs` is already on line 1 (a term belongs to one line)"
        );
        assert_eq!(
            Glossary::new(["kind shell: bash"]).unwrap_err(),
            GlossaryError::TooFewTerms { line: 0 }
        );
        assert_eq!(
            Glossary::new(["kind shell: bash, zsh", "kind other: zsh, fish"])
                .unwrap_err()
                .line(),
            1
        );
    }
}
