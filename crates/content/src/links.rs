//! The places inside the app that rendered content may link to. Read by the renderer
//! (`markdown`) and by the allow-list that checks what it wrote (`allow_list`).

use std::collections::HashSet;

/// The ids links may point to.
#[derive(Debug, Default)]
pub struct Targets {
    pub articles: HashSet<String>,
    pub questions: HashSet<String>,
}

impl Targets {
    /// Checks an in-app link (`#/article/<id>` or `#/q/<id>`), returning why it is not valid.
    pub fn check(&self, href: &str) -> Result<(), String> {
        if let Some(id) = href.strip_prefix("#/article/") {
            if self.articles.contains(id) {
                return Ok(());
            }
            return Err(format!("link to unknown article `{id}`"));
        }
        if let Some(id) = href.strip_prefix("#/q/") {
            if self.questions.contains(id) {
                return Ok(());
            }
            return Err(format!("link to unknown question `{id}`"));
        }
        Err(format!(
            "link `{href}` must point inside the app: `#/article/<id>` or `#/q/<id>`"
        ))
    }
}
