//! Synonyms and abbreviations: groups of terms that mean the same ("availability zone = AZ").
//! Each group's first term is its canonical form; answers and key points both have every
//! other term of the group replaced by it before matching, longest first.

use crate::words::{self, Token, Word};
use interview_sorted::SortedMap;
use std::fmt;
use std::rc::Rc;

/// A variant's stems, and the canonical words that replace it.
type Variant = (Vec<String>, Vec<Word>);

#[derive(Debug, Default)]
pub struct Glossary {
    /// By the stem of a variant's first word: (the variant's stems, the canonical words),
    /// longest variant first.
    variants: SortedMap<String, Vec<Variant>>,
}

/// Why a glossary cannot be built; `group` counts from 0.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GlossaryError {
    TooFewTerms {
        group: usize,
    },
    NoWords {
        group: usize,
        term: String,
    },
    Repeated {
        group: usize,
        term: String,
        first_group: usize,
    },
}

impl fmt::Display for GlossaryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::TooFewTerms { .. } => {
                write!(f, "a group needs two terms or more, separated by `=`")
            }
            Self::NoWords { term, .. } => write!(f, "term `{term}` has no letters or digits"),
            Self::Repeated {
                term, first_group, ..
            } => write!(
                f,
                "term `{term}` is already in group {} (a term belongs to one group)",
                first_group + 1
            ),
        }
    }
}

impl Glossary {
    /// Builds the glossary from groups of equivalent terms, the canonical one first.
    pub fn new<G, T>(groups: G) -> Result<Self, GlossaryError>
    where
        G: IntoIterator,
        G::Item: IntoIterator<Item = T>,
        T: AsRef<str>,
    {
        let mut glossary = Self::default();
        // By the term's stems, joined.
        let mut seen: SortedMap<String, usize> = SortedMap::default();
        for (group, terms) in groups.into_iter().enumerate() {
            let terms: Vec<String> = terms.into_iter().map(|t| t.as_ref().to_string()).collect();
            if terms.len() < 2 {
                return Err(GlossaryError::TooFewTerms { group });
            }
            let mut canonical: Option<Vec<Word>> = None;
            for term in &terms {
                let words: Vec<Word> = words::tokens(term)
                    .into_iter()
                    .map(|t| (*t.word).clone())
                    .collect();
                if words.is_empty() {
                    return Err(GlossaryError::NoWords {
                        group,
                        term: term.clone(),
                    });
                }
                let stems: Vec<String> = words.iter().map(|w| w.stem.clone()).collect();
                let key = stems.join(" ");
                if let Some(&first_group) = seen.get(key.as_str()) {
                    if first_group != group {
                        return Err(GlossaryError::Repeated {
                            group,
                            term: term.clone(),
                            first_group,
                        });
                    }
                    continue; // the same term twice in a group ("IO = I/O" fold alike)
                }
                seen.entry(key).or_insert_with(|| group);
                match &canonical {
                    None => canonical = Some(words),
                    Some(canonical) => {
                        // Longest variant first, so "multi AZ" wins over "multi".
                        let list = glossary
                            .variants
                            .entry(stems[0].clone())
                            .or_insert_with(Vec::new);
                        let at = list.partition_point(|(other, _)| other.len() >= stems.len());
                        list.insert(at, (stems, canonical.clone()));
                    }
                }
            }
        }
        Ok(glossary)
    }

    /// The tokens with every variant replaced by its canonical words (which take the
    /// variant's place in the text).
    pub fn canonical(&self, tokens: Vec<Token>) -> Vec<Token> {
        if self.variants.is_empty() {
            return tokens;
        }
        let mut out = Vec::with_capacity(tokens.len());
        let mut i = 0;
        while i < tokens.len() {
            let found =
                self.variants
                    .get(tokens[i].word.stem.as_str())
                    .and_then(|list| {
                        list.iter().find(|(stems, _)| {
                            tokens.len() - i >= stems.len()
                                && stems.iter().zip(&tokens[i..]).all(|(s, t)| {
                                    *s == t.word.stem && t.sentence == tokens[i].sentence
                                })
                        })
                    });
            match found {
                Some((stems, canonical)) => {
                    let last = &tokens[i + stems.len() - 1];
                    let span = tokens[i].span.start..last.span.end;
                    out.extend(canonical.iter().map(|word| Token {
                        word: Rc::new(word.clone()),
                        span: span.clone(),
                        sentence: tokens[i].sentence,
                        clause: tokens[i].clause,
                    }));
                    i += stems.len();
                }
                None => {
                    out.push(tokens[i].clone());
                    i += 1;
                }
            }
        }
        out
    }
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
            vec!["availability zone", "AZ"],
            vec!["RAID 10", "RAID 1+0", "RAID10"],
            vec!["I/O", "IO", "input/output"],
        ])
        .unwrap();
        assert_eq!(canonical(&g, "two AZs"), ["two", "availability", "zone"]);
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
    fn bad_groups_are_named() {
        assert_eq!(
            Glossary::new([vec!["AZ"]]).unwrap_err(),
            GlossaryError::TooFewTerms { group: 0 }
        );
        assert_eq!(
            Glossary::new([vec!["db", "—"]]).unwrap_err(),
            GlossaryError::NoWords {
                group: 0,
                term: "—".into()
            }
        );
        let repeated = Glossary::new([vec!["database", "DB"], vec!["disk", "DBs"]]).unwrap_err();
        assert_eq!(
            repeated.to_string(),
            "term `DBs` is already in group 1 (a term belongs to one group)"
        );
    }
}
