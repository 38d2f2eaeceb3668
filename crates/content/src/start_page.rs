//! The start page's lists as HTML: the guides with their sections and question counts, and the
//! blog's other reading. They change only with content/, so the build renders them once; the app
//! sets them as markup (`GUIDES_HTML`, `READING_HTML`) instead of building some hundred elements
//! one call at a time as it starts, and the benchmark's static baseline page uses the same.
//! Every text is escaped: nothing from content/ can add markup.

use crate::library::Library;
use crate::markdown::escape as esc;
use std::fmt::Write as _;

/// Percent-encodes everything but unreserved characters, as the app's routes do (the app's
/// tests compare these links with its router's).
pub use interview_text::percent_encode as encode;

/// The question browser filtered to a guide, or to one of its sections.
pub fn browse(part: u8, section: Option<&str>) -> String {
    match section {
        Some(slug) => format!("#/questions?part={part}&section={}", encode(slug)),
        None => format!("#/questions?part={part}"),
    }
}

/// `<ul class="guides">`: each guide's heading linking to its questions, its count and source,
/// its sections with their counts, and a link to the guide itself.
pub fn guides(library: &Library) -> String {
    let mut guides = String::from(r#"<ul class="guides">"#);
    for guide in &library.guides {
        let in_part = || library.questions.iter().filter(|q| q.part == guide.part);
        let mut sections = String::new();
        for (index, section) in guide.sections.iter().enumerate() {
            let count = in_part().filter(|q| q.section == index).count();
            let _ = write!(
                sections,
                r#"<li><a href="{}">{}</a> <span class="count">({count})</span></li>"#,
                esc(&browse(guide.part, Some(&section.slug))),
                esc(&section.title)
            );
        }
        let _ = write!(
            guides,
            concat!(
                r#"<li class="guide"><h3><a href="{browse}">Part {part}: {short}</a></h3>"#,
                r#"<p class="meta">{count} questions · from “{title}”</p>"#,
                r#"<ul class="sections">{sections}</ul>"#,
                r##"<p><a href="#/article/{article}">Read the guide</a></p></li>"##
            ),
            browse = esc(&browse(guide.part, None)),
            part = guide.part,
            short = esc(&guide.short),
            count = in_part().count(),
            title = esc(&guide.title),
            sections = sections,
            article = encode(&guide.article),
        );
    }
    guides.push_str("</ul>");
    guides
}

/// `<ul class="library">`: the articles that are not guides, each a link to it.
pub fn reading(library: &Library) -> String {
    let mut reading = String::from(r#"<ul class="library">"#);
    for article in library.articles.iter().filter(|a| a.guide_part.is_none()) {
        let _ = write!(
            reading,
            r##"<li><a href="#/article/{}">{}</a></li>"##,
            encode(&article.id),
            esc(&article.title)
        );
    }
    reading.push_str("</ul>");
    reading
}

#[cfg(test)]
mod tests {
    use super::*;

    fn library() -> Library {
        crate::compile(std::path::Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/valid"
        )))
        .unwrap()
    }

    #[test]
    fn links_are_encoded_like_the_app_s() {
        assert_eq!(encode("cloud-concepts"), "cloud-concepts");
        assert_eq!(encode("a b/c"), "a%20b%2Fc");
        assert_eq!(browse(3, Some("x")), "#/questions?part=3&section=x");
        assert_eq!(browse(2, None), "#/questions?part=2");
    }

    #[test]
    fn the_guides_list_every_guide_and_section_with_counts() {
        let library = library();
        let html = guides(&library);
        assert!(html.starts_with(r#"<ul class="guides"><li class="guide">"#));
        assert!(html.ends_with("</li></ul>"));
        assert_eq!(
            html.matches(r#"<li class="guide">"#).count(),
            library.guides.len()
        );
        let sections: usize = library.guides.iter().map(|g| g.sections.len()).sum();
        assert_eq!(html.matches(r#"<span class="count">"#).count(), sections);
        let guide = &library.guides[0];
        let count = library
            .questions
            .iter()
            .filter(|q| q.part == guide.part)
            .count();
        assert!(html.contains(&format!("<p class=\"meta\">{count} questions · from “")));
    }

    #[test]
    fn reading_lists_only_the_articles_that_are_not_guides() {
        let library = library();
        let html = reading(&library);
        let others = library
            .articles
            .iter()
            .filter(|a| a.guide_part.is_none())
            .count();
        assert!(others > 0);
        assert_eq!(html.matches("<li>").count(), others);
        for guide in &library.guides {
            assert!(!html.contains(&format!("#/article/{}\"", guide.article)));
        }
    }

    #[test]
    fn titles_are_escaped() {
        let mut library = library();
        library.guides[0].short = "<script>x</script> & co".into();
        library
            .articles
            .iter_mut()
            .find(|a| a.guide_part.is_none())
            .unwrap()
            .title = "a \"b\" <i>".into();
        let (guides, reading) = (guides(&library), reading(&library));
        assert!(!guides.contains("<script>"));
        assert!(guides.contains("&lt;script&gt;x&lt;/script&gt; &amp; co"));
        assert!(!reading.contains("<i>"));
    }
}
