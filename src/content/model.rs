//! The shape of the content the compiler emits. Everything is `'static`: the content is
//! part of the program, not loaded at run time.

use super::Html;

#[derive(Debug, PartialEq, Eq)]
pub struct Article {
    pub id: &'static str,
    pub title: &'static str,
    pub author: &'static str,
    /// Sanitised at build time (crates/content): the only HTML the app trusts.
    pub html: Html,
    /// Set when the article is one of the interview guides.
    pub guide_part: Option<u8>,
}

#[derive(Debug, PartialEq, Eq)]
pub struct Guide {
    pub part: u8,
    pub title: &'static str,
    /// The name menus use ("Operations").
    pub short: &'static str,
    /// The id of the guide's own article.
    pub article: &'static str,
    pub author: &'static str,
    pub sections: &'static [Section],
}

#[derive(Debug, PartialEq, Eq)]
pub struct Section {
    pub slug: &'static str,
    pub title: &'static str,
}

#[derive(Debug, PartialEq, Eq)]
pub struct Question {
    pub id: &'static str,
    pub part: u8,
    /// Index into the guide's sections.
    pub section: usize,
    pub ask: &'static str,
    /// `None` when the guide asks the question without answering it.
    pub answer_html: Option<Html>,
    pub key_points: &'static [KeyPoint],
    /// Ids of articles this question points to.
    pub related: &'static [&'static str],
    /// Ids of questions that cover the same topic.
    pub see: &'static [&'static str],
}

#[derive(Debug, PartialEq, Eq)]
pub struct KeyPoint {
    pub label: &'static str,
    /// The alternatives as one text, `a|b+c`: any alternative covers the point, every
    /// `+`-joined term of an alternative must appear. One string, not a table of them: the
    /// key points are thousands of short terms, and each table entry costs the wasm 8 bytes.
    pub alternatives: &'static str,
}

impl KeyPoint {
    /// Each alternative as its terms.
    pub fn alternatives(&self) -> impl Iterator<Item = impl Iterator<Item = &'static str>> {
        self.alternatives.split('|').map(|a| a.split('+'))
    }
}
