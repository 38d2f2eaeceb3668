//! The shape of the content the compiler emits as statics: everything a page needs to list and
//! link the content. The long texts are in data files, loaded as pages need them (`bodies`).

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
    pub key_points: KeyPoints,
    /// Ids of articles this question points to.
    pub related: &'static [&'static str],
    /// Ids of questions that cover the same topic.
    pub see: &'static [&'static str],
}

/// Where a question's key points are in `KEY_POINTS`, the labels of every question's key points
/// in one static of its own. Only the pages that show labels read that static, so its labels
/// travel in their pieces of the wasm; the start page's piece holds the questions, and with
/// them only how many key points each has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyPoints {
    pub(crate) at: u32,
    /// The content compiler allows 1 to 6 (crates/content, parse.rs).
    pub(crate) len: u8,
}

impl KeyPoints {
    pub fn len(self) -> usize {
        usize::from(self.len)
    }

    pub fn is_empty(self) -> bool {
        self.len == 0
    }

    /// The labels, in the question's order.
    pub fn labels(self) -> &'static [KeyPoint] {
        super::KEY_POINTS
            .get(self.at as usize..)
            .and_then(|rest| rest.get(..self.len()))
            .unwrap_or_default()
    }

    pub fn iter(self) -> std::slice::Iter<'static, KeyPoint> {
        self.labels().iter()
    }
}

impl IntoIterator for KeyPoints {
    type Item = &'static KeyPoint;
    type IntoIter = std::slice::Iter<'static, KeyPoint>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// A key point's label; what covers it (its alternatives) is in `Bodies`.
#[derive(Debug, PartialEq, Eq)]
pub struct KeyPoint {
    pub label: &'static str,
}
