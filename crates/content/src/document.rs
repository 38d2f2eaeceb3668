//! Content files as the author wrote them: parsed, not yet cross-checked or rendered.

use std::path::PathBuf;

/// A run of Markdown and the line of the file where it starts.
#[derive(Debug, Clone, Default)]
pub struct Markdown {
    pub text: String,
    pub line: usize,
}

impl Markdown {
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }
}

#[derive(Debug, Clone)]
pub struct ArticleDoc {
    pub file: PathBuf,
    pub id: String,
    pub id_line: usize,
    pub title: String,
    pub author: String,
    pub body: Markdown,
}

#[derive(Debug, Clone)]
pub struct GuideDoc {
    pub file: PathBuf,
    pub part: u8,
    pub part_line: usize,
    /// The guide is also an article: the blog post it comes from.
    pub article: ArticleDoc,
    /// A short name for menus ("Operations").
    pub short: String,
    pub sections: Vec<SectionDoc>,
}

impl GuideDoc {
    /// The guide's questions in the order written, across its sections.
    pub fn questions(&self) -> impl Iterator<Item = &QuestionDoc> {
        self.sections.iter().flat_map(|s| {
            s.items.iter().filter_map(|item| match item {
                Item::Question(q) => Some(q),
                Item::Text(_) => None,
            })
        })
    }
}

#[derive(Debug, Clone)]
pub struct SectionDoc {
    pub title: String,
    pub line: usize,
    pub intro: Markdown,
    pub items: Vec<Item>,
}

#[derive(Debug, Clone)]
pub enum Item {
    Question(QuestionDoc),
    /// Guide prose between questions, part of no answer.
    Text(Markdown),
}

#[derive(Debug, Clone)]
pub struct QuestionDoc {
    pub id: String,
    pub line: usize,
    pub ask: String,
    pub key_points: Vec<KeyPointDoc>,
    pub related: Vec<Reference>,
    pub see: Vec<Reference>,
    /// `None` when the guide asks the question without answering it (`answer: none`).
    pub answer: Option<Markdown>,
}

#[derive(Debug, Clone)]
pub struct KeyPointDoc {
    pub line: usize,
    /// Alternatives; each is a set of terms that must all appear.
    pub alternatives: Vec<Vec<String>>,
}

impl KeyPointDoc {
    /// What the reader sees: the first alternative as written.
    pub fn label(&self) -> String {
        self.alternatives
            .first()
            .map(|terms| terms.join(" + "))
            .unwrap_or_default()
    }
}

/// An id named in a file, kept with its line for error messages.
#[derive(Debug, Clone)]
pub struct Reference {
    pub id: String,
    pub line: usize,
}

#[derive(Debug, Clone)]
pub struct FooterDoc {
    pub file: PathBuf,
    pub body: Markdown,
}
