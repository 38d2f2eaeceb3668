//! The long texts: model answers, key points' alternatives, article bodies, and the glossary and
//! real words that marking reads them with. They make up most of the content and the start
//! page needs none of them, so the build writes them to data files beside the wasm, by need
//! ([`File`]): one per question (its model answer and its key points' alternatives), one per
//! article, one for marking, and one of every model answer (the question browser's search and
//! the Anki export). A page fetches the files it shows (`views::bodies`): an interview its own
//! questions' and the marking file, a question page its question's, an article page its
//! article's. Each file is named after its checksum and checked against it. Native code reads
//! the same files, compiled in.

use super::{
    Article, Html, Question, ANSWERS_FILE, ARTICLES, ARTICLE_COUNT, ARTICLE_FILES, MARKING_FILE,
    QUESTIONS, QUESTION_COUNT, QUESTION_FILES,
};
use crate::sorted::SortedMap;
use serde::Deserialize;
use std::fmt;
use std::sync::OnceLock;

/// One of the data files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum File {
    /// A question's model answer and key points' alternatives (by its index in `QUESTIONS`).
    Question(usize),
    /// An article's body (by its index in `ARTICLES`).
    Article(usize),
    /// The glossary and the real words one slip from a key word.
    Marking,
    /// Every model answer.
    Answers,
}

impl File {
    pub fn question(question: &Question) -> File {
        File::Question(
            QUESTIONS
                .iter()
                .position(|q| q.id == question.id)
                .unwrap_or(usize::MAX),
        )
    }

    pub fn article(article: &Article) -> File {
        File::Article(
            ARTICLES
                .iter()
                .position(|a| a.id == article.id)
                .unwrap_or(usize::MAX),
        )
    }

    /// Every data file of this build.
    pub fn all() -> impl Iterator<Item = File> {
        (0..QUESTION_COUNT)
            .map(File::Question)
            .chain((0..ARTICLE_COUNT).map(File::Article))
            .chain([File::Marking, File::Answers])
    }

    /// What the build wrote it as, relative to the page: `content-<kind>[-<id>]-<checksum>.json`
    /// (crates/content, `DataFile`).
    pub fn name(self) -> String {
        let (kind, id) = match self {
            File::Question(i) => ("question", QUESTIONS.get(i).map(|q| q.id)),
            File::Article(i) => ("article", ARTICLES.get(i).map(|a| a.id)),
            File::Marking => ("marking", None),
            File::Answers => ("answers", None),
        };
        let mut name = String::with_capacity(64);
        name.push_str("content-");
        name.push_str(kind);
        name.push('-');
        if let Some(id) = id {
            name.push_str(id);
            name.push('-');
        }
        let checksum = self.checksum();
        for shift in (0..16).rev() {
            name.push(char::from(
                b"0123456789abcdef"[(checksum >> (shift * 4)) as usize & 15],
            ));
        }
        name.push_str(".json");
        name
    }

    fn checksum(self) -> u64 {
        match self {
            File::Question(i) => QUESTION_FILES.get(i).copied().unwrap_or_default(),
            File::Article(i) => ARTICLE_FILES.get(i).copied().unwrap_or_default(),
            File::Marking => MARKING_FILE,
            File::Answers => ANSWERS_FILE,
        }
    }

    /// The file in the reader's words.
    pub fn what(self) -> &'static str {
        match self {
            File::Question(_) | File::Answers => "the answers file",
            File::Article(_) => "the article's file",
            File::Marking => "the key points' file",
        }
    }

    /// Whether it has been loaded (natively: always, from the compiled-in files).
    pub fn is_loaded(self) -> bool {
        match self {
            File::Question(i) => question_slot(i).is_some_and(|s| loaded(self, s).is_some()),
            File::Article(i) => article_slot(i).is_some_and(|s| loaded(self, s).is_some()),
            File::Marking => loaded(self, &MARKING).is_some(),
            File::Answers => loaded(self, &ANSWERS).is_some(),
        }
    }
}

/// What a data file holds, each kind of file its own fields: one type, so that the wasm holds
/// one reader for them all (a reader per kind was 1.5 KB gzip more on an interview's path).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Data {
    /// A question's model answer, if the guide gives one.
    answer: Option<String>,
    /// A question's key points' alternatives, in order, each `a|b+c`: any alternative covers
    /// the point, every `+`-joined term of an alternative must appear.
    points: Vec<String>,
    /// An article's body.
    html: String,
    /// The glossary's entries, one a line (synonyms, kinds, idioms).
    glossary: String,
    /// Real words one slip from a key word, separated by spaces (never taken as a slip).
    real_words: String,
    /// Every model answer, by question id.
    answers: SortedMap<String, String>,
}

/// A question's data file.
#[derive(Debug)]
pub struct QuestionText(Data);

/// An article's data file.
#[derive(Debug)]
struct ArticleText(Data);

/// The marking file.
#[derive(Debug)]
pub struct Marking(Data);

/// The file of every model answer.
#[derive(Debug)]
pub struct Answers(Data);

/// Why a data file cannot be used; shown to the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BodiesError {
    /// Not the file this version was built with: damaged, cut short, or from another build.
    Damaged(File),
    Unreadable(File, String),
}

impl fmt::Display for BodiesError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BodiesError::Damaged(file) => write!(
                f,
                "{} ({}) is damaged or belongs to another version",
                file.what(),
                file.name()
            ),
            BodiesError::Unreadable(file, reason) => {
                write!(
                    f,
                    "{} ({}) is unreadable: {reason}",
                    file.what(),
                    file.name()
                )
            }
        }
    }
}

static QUESTION_TEXTS: [OnceLock<QuestionText>; QUESTION_COUNT] =
    [const { OnceLock::new() }; QUESTION_COUNT];
static ARTICLE_TEXTS: [OnceLock<ArticleText>; ARTICLE_COUNT] =
    [const { OnceLock::new() }; ARTICLE_COUNT];
static MARKING: OnceLock<Marking> = OnceLock::new();
static ANSWERS: OnceLock<Answers> = OnceLock::new();

fn question_slot(index: usize) -> Option<&'static OnceLock<QuestionText>> {
    QUESTION_TEXTS.get(index)
}

fn article_slot(index: usize) -> Option<&'static OnceLock<ArticleText>> {
    ARTICLE_TEXTS.get(index)
}

/// What `slot` holds; natively, the compiled-in file is loaded first.
fn loaded<T>(file: File, slot: &'static OnceLock<T>) -> Option<&'static T> {
    #[cfg(not(target_arch = "wasm32"))]
    if slot.get().is_none() {
        let name = file.name();
        if let Some((_, text)) = compiled::COMPILED_DATA.iter().find(|(n, _)| *n == name) {
            let _ = load(file, text);
        }
    }
    #[cfg(target_arch = "wasm32")]
    let _ = file;
    slot.get()
}

#[cfg(any(test, not(target_arch = "wasm32")))]
mod compiled {
    include!(concat!(env!("OUT_DIR"), "/data.rs"));
}

/// Checks a fetched data file against the checksum this build expects, and keeps it for the
/// rest of the session. Only this module makes `Html`, and only from a file that passed.
pub fn load(file: File, text: &str) -> Result<(), BodiesError> {
    if interview_text::checksum(text) != file.checksum() {
        return Err(BodiesError::Damaged(file));
    }
    let data = parse(text).map_err(|e| BodiesError::Unreadable(file, e.to_string()))?;
    match file {
        File::Question(i) => keep(question_slot(i), QuestionText(data)),
        File::Article(i) => keep(article_slot(i), ArticleText(data)),
        File::Marking => keep(Some(&MARKING), Marking(data)),
        File::Answers => keep(Some(&ANSWERS), Answers(data)),
    }
    Ok(())
}

fn parse(text: &str) -> Result<Data, serde_json::Error> {
    serde_json::from_str(text)
}

fn keep<T>(slot: Option<&'static OnceLock<T>>, value: T) {
    if let Some(slot) = slot {
        let _ = slot.set(value);
    }
}

/// The question's data file, once loaded.
pub fn question_text(question: &Question) -> Option<&'static QuestionText> {
    let file = File::question(question);
    match file {
        File::Question(i) => loaded(file, question_slot(i)?),
        _ => None,
    }
}

/// The article's body, once loaded.
pub fn article_html(article: &Article) -> Option<Html> {
    let file = File::article(article);
    match file {
        File::Article(i) => loaded(file, article_slot(i)?).map(|a| Html(a.0.html.as_str())),
        _ => None,
    }
}

/// The marking file, once loaded.
pub fn marking() -> Option<&'static Marking> {
    loaded(File::Marking, &MARKING)
}

/// Every model answer, once loaded.
pub fn answers() -> Option<&'static Answers> {
    loaded(File::Answers, &ANSWERS)
}

impl QuestionText {
    /// The model answer; `None` when the guide asks the question without answering it.
    pub fn answer(&'static self) -> Option<Html> {
        self.0.answer.as_deref().map(Html)
    }

    /// Each key point's alternatives, each as its terms, in the question's order.
    pub fn alternatives(
        &'static self,
    ) -> impl Iterator<Item = impl Iterator<Item = impl Iterator<Item = &'static str>>> {
        self.0
            .points
            .iter()
            .map(|point| point.split('|').map(|a| a.split('+')))
    }
}

impl Marking {
    /// The glossary's entries, one a line (see `interview_marking::glossary`).
    pub fn glossary(&'static self) -> impl Iterator<Item = &'static str> {
        self.0.glossary.lines()
    }

    /// Real words one slip from a key word.
    pub fn real_words(&'static self) -> impl Iterator<Item = &'static str> {
        self.0.real_words.split_ascii_whitespace()
    }
}

impl Answers {
    /// The model answer; `None` when the guide asks the question without answering it.
    pub fn answer(&'static self, question: &Question) -> Option<Html> {
        self.0.answers.get(question.id).map(|a| Html(a))
    }

    /// The model answer as plain text (empty when the guide gives none).
    pub fn answer_text(&'static self, question: &Question) -> String {
        self.answer(question)
            .map(|html| super::plain_text(html.as_str()))
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{article, question};

    fn compiled(file: File) -> &'static str {
        let name = file.name();
        compiled::COMPILED_DATA
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, text)| *text)
            .unwrap_or_else(|| panic!("{name} is not among the compiled files"))
    }

    #[test]
    fn every_file_the_app_names_is_one_the_build_wrote_and_passes() {
        let names: Vec<String> = File::all().map(File::name).collect();
        assert_eq!(names.len(), compiled::COMPILED_DATA.len());
        for file in File::all() {
            assert_eq!(load(file, compiled(file)), Ok(()), "{}", file.name());
            assert!(file.is_loaded());
        }
        let raid = question("dba-raid").unwrap();
        assert!(File::question(raid)
            .name()
            .starts_with("content-question-dba-raid-"));
        assert!(File::Marking.name().starts_with("content-marking-"));
    }

    #[test]
    fn each_question_file_holds_its_own_answer_and_key_points() {
        for q in QUESTIONS {
            let text = question_text(q).unwrap();
            assert_eq!(text.alternatives().count(), q.key_points.len(), "{}", q.id);
            assert_eq!(text.answer(), answers().unwrap().answer(q), "{}", q.id);
        }
        let raid = question("dba-raid").unwrap();
        assert!(answers().unwrap().answer_text(raid).contains("RAID 10"));
        // Only its own: another question's answer is not in it.
        assert!(!compiled(File::question(raid)).contains("CDN"));
        let marking = marking().unwrap();
        assert!(marking
            .glossary()
            .any(|line| line.starts_with("availability zone =")));
        assert!(marking.real_words().count() > 10);
        let sandy = article("crisis-management-sandy").unwrap();
        assert!(article_html(sandy).unwrap().as_str().contains("<p>"));
    }

    #[test]
    fn a_damaged_or_cut_file_is_refused_with_a_message() {
        let raid = File::question(question("dba-raid").unwrap());
        let text = compiled(raid);
        assert_eq!(
            load(raid, &text[..text.len() / 2]),
            Err(BodiesError::Damaged(raid))
        );
        let edited = text.replacen("RAID", "RAIN", 1);
        assert_eq!(load(raid, &edited), Err(BodiesError::Damaged(raid)));
        // Another file's text is not this one.
        assert_eq!(
            load(raid, compiled(File::Marking)),
            Err(BodiesError::Damaged(raid))
        );
        let message = BodiesError::Damaged(raid).to_string();
        assert!(message.contains("the answers file"), "{message}");
        assert!(message.contains(&raid.name()), "{message}");
        // An empty answer from a failed request is no file either.
        assert_eq!(load(raid, ""), Err(BodiesError::Damaged(raid)));
    }

    #[test]
    fn a_file_that_is_not_the_data_is_unreadable_not_a_panic() {
        for text in [
            "<!doctype html><p>not found</p>",
            "{\"points\": 3}",
            "{\"answer\": []}",
            "null",
            "{",
        ] {
            assert!(parse(text).is_err(), "{text}");
            for file in File::all().take(3) {
                assert_eq!(load(file, text), Err(BodiesError::Damaged(file)));
            }
        }
        // Missing fields are empty, not an error: the checksum vouches for the real file.
        assert!(parse("{}").is_ok());
    }
}
