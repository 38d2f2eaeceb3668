//! The shape of the content the compiler emits as statics: everything a page needs to list and
//! link the content. The long texts are in `Bodies`, loaded when first needed.

#[derive(Debug, PartialEq, Eq)]
pub struct Article {
    pub id: &'static str,
    pub title: &'static str,
    pub author: &'static str,
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
    pub key_points: &'static [KeyPoint],
    /// Ids of articles this question points to.
    pub related: &'static [&'static str],
    /// Ids of questions that cover the same topic.
    pub see: &'static [&'static str],
}

/// A key point's label; what covers it (its alternatives) is in `Bodies`.
#[derive(Debug, PartialEq, Eq)]
pub struct KeyPoint {
    pub label: &'static str,
}
