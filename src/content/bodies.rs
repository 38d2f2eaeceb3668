//! The long texts: article bodies, model answers and key points' alternatives, with the
//! glossary and real words that marking reads them with. They make up most of the content, and
//! the start page needs none of them, so the build writes them to one data file beside the wasm
//! (`DATA_FILE`) instead of into it, and the app fetches that file when a page first needs it
//! (`views::bodies`). Native code reads the same file, compiled in.

use super::{Article, Html, Question, DATA_CHECKSUM};
use crate::sorted::SortedMap;
use serde::Deserialize;
use std::fmt;
use std::sync::OnceLock;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Bodies {
    articles: SortedMap<String, String>,
    answers: SortedMap<String, String>,
    /// A question's key points' alternatives, in order, each `a|b+c`: any alternative covers the
    /// point, every `+`-joined term of an alternative must appear.
    points: SortedMap<String, Vec<String>>,
    /// The glossary's groups of equivalent terms, one a line, the terms separated by `=`.
    glossary: String,
    /// Real words one slip from a key word, separated by spaces (never taken as a slip).
    real_words: String,
}

/// Why the data file cannot be used; shown to the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BodiesError {
    /// Not the file this version was built with: damaged, cut short, or from another build.
    Damaged,
    Unreadable(String),
}

impl fmt::Display for BodiesError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BodiesError::Damaged => write!(
                f,
                "the answers file ({}) is damaged or belongs to another version",
                super::DATA_FILE
            ),
            BodiesError::Unreadable(reason) => {
                write!(
                    f,
                    "the answers file ({}) is unreadable: {reason}",
                    super::DATA_FILE
                )
            }
        }
    }
}

static LOADED: OnceLock<Bodies> = OnceLock::new();

/// The bodies, once loaded (natively: always, from the compiled-in file).
pub fn bodies() -> Option<&'static Bodies> {
    #[cfg(not(target_arch = "wasm32"))]
    if LOADED.get().is_none() {
        return load(include_str!(concat!(env!("OUT_DIR"), "/content.json"))).ok();
    }
    LOADED.get()
}

/// Checks the fetched data file against the checksum this build expects, and keeps it for the
/// rest of the session. Only this module makes `Html`, and only from a file that passed.
pub fn load(text: &str) -> Result<&'static Bodies, BodiesError> {
    check(text, DATA_CHECKSUM)?;
    let parsed = parse(text)?;
    Ok(LOADED.get_or_init(|| parsed))
}

fn check(text: &str, expected: u64) -> Result<(), BodiesError> {
    if interview_text::checksum(text) == expected {
        Ok(())
    } else {
        Err(BodiesError::Damaged)
    }
}

fn parse(text: &str) -> Result<Bodies, BodiesError> {
    serde_json::from_str(text).map_err(|e| BodiesError::Unreadable(e.to_string()))
}

impl Bodies {
    /// The article's text (empty if the file lacks it, which the checksum rules out).
    pub fn article(&'static self, article: &Article) -> Html {
        Html(self.articles.get(article.id).map_or("", String::as_str))
    }

    /// The model answer; `None` when the guide asks the question without answering it.
    pub fn answer(&'static self, question: &Question) -> Option<Html> {
        self.answers.get(question.id).map(|a| Html(a))
    }

    /// The model answer as plain text (empty when the guide gives none).
    pub fn answer_text(&'static self, question: &Question) -> String {
        self.answer(question)
            .map(|html| super::plain_text(html.as_str()))
            .unwrap_or_default()
    }

    /// Each key point's alternatives, each as its terms, in the question's order.
    pub fn alternatives(
        &'static self,
        question: &Question,
    ) -> impl Iterator<Item = impl Iterator<Item = impl Iterator<Item = &'static str>>> {
        self.points
            .get(question.id)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .map(|point| point.split('|').map(|a| a.split('+')))
    }

    /// The glossary's groups, each as its terms, the canonical one first.
    pub fn glossary(&'static self) -> impl Iterator<Item = impl Iterator<Item = &'static str>> {
        self.glossary.lines().map(|group| group.split('='))
    }

    /// Real words one slip from a key word.
    pub fn real_words(&'static self) -> impl Iterator<Item = &'static str> {
        self.real_words.split_ascii_whitespace()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{question, QUESTIONS};

    const FILE: &str = include_str!(concat!(env!("OUT_DIR"), "/content.json"));

    #[test]
    fn the_built_file_passes_and_holds_every_question() {
        let bodies = load(FILE).unwrap();
        for q in QUESTIONS {
            assert_eq!(
                bodies.alternatives(q).count(),
                q.key_points.len(),
                "{}",
                q.id
            );
        }
        let raid = question("dba-raid").unwrap();
        assert!(bodies.answer_text(raid).contains("RAID 10"));
        assert!(bodies
            .glossary()
            .any(|mut group| group.next() == Some("availability zone")));
        assert!(bodies.real_words().count() > 10);
    }

    #[test]
    fn a_damaged_or_cut_file_is_refused_with_a_message() {
        let cut = &FILE[..FILE.len() / 2];
        assert_eq!(check(cut, DATA_CHECKSUM), Err(BodiesError::Damaged));
        let edited = FILE.replacen("RAID", "RAIN", 1);
        assert_eq!(check(&edited, DATA_CHECKSUM), Err(BodiesError::Damaged));
        assert!(BodiesError::Damaged
            .to_string()
            .contains(crate::content::DATA_FILE));
        // An empty answer from a failed request is no file either.
        assert_eq!(check("", DATA_CHECKSUM), Err(BodiesError::Damaged));
    }

    #[test]
    fn a_file_that_is_not_the_data_is_unreadable_not_a_panic() {
        for text in [
            "<!doctype html><p>not found</p>",
            "{\"articles\": 3}",
            "null",
            "{",
        ] {
            assert!(
                matches!(parse(text), Err(BodiesError::Unreadable(_))),
                "{text}"
            );
            assert!(matches!(
                check(text, DATA_CHECKSUM),
                Err(BodiesError::Damaged)
            ));
        }
        // Missing sections are empty, not an error: the checksum vouches for the real file.
        assert!(parse("{}").is_ok());
    }
}
