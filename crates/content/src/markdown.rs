//! Markdown to HTML at build time. Raw HTML is shown as text, links may only point inside the
//! app, and the output is checked against an allow-list, so only trusted HTML reaches the page.

use crate::allow_list;
use crate::document::Markdown;
use crate::error::ContentError;
use crate::links::Targets;
use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::path::Path;

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub html: String,
    /// The text without markup, as the app reads it (`interview_text::plain_text`).
    pub plain: String,
}

pub fn render(
    file: &Path,
    markdown: &Markdown,
    targets: &Targets,
) -> Result<Rendered, ContentError> {
    let source = markdown.text.as_str();
    let line_of = |offset: usize| markdown.line + source[..offset].matches('\n').count();
    let mut events: Vec<Event> = Vec::new();
    for (event, range) in Parser::new_ext(source, Options::empty()).into_offset_iter() {
        let fail = |message: String| ContentError::new(file, line_of(range.start), message);
        let event = match event {
            // Raw HTML is never trusted: it is shown as the text it is.
            Event::Html(html) | Event::InlineHtml(html) => Event::Text(html),
            Event::Start(Tag::HtmlBlock) => Event::Start(Tag::Paragraph),
            Event::End(TagEnd::HtmlBlock) => Event::End(TagEnd::Paragraph),
            Event::Start(Tag::Link { dest_url, .. }) => {
                targets.check(&dest_url).map_err(fail)?;
                Event::Start(Tag::Link {
                    link_type: pulldown_cmark::LinkType::Inline,
                    dest_url,
                    title: CowStr::Borrowed(""),
                    id: CowStr::Borrowed(""),
                })
            }
            Event::Start(Tag::Image { .. }) => {
                return Err(fail("images are not supported in content".into()))
            }
            Event::Start(Tag::Heading { level, .. })
                if matches!(
                    level,
                    HeadingLevel::H1 | HeadingLevel::H5 | HeadingLevel::H6
                ) =>
            {
                return Err(fail(format!(
                    "heading level {level} is not allowed: use `##`, `###` or `####`"
                )))
            }
            other => other,
        };
        events.push(event);
    }
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    let html = html.replace("<blockquote>", "<blockquote class=\"pull-quote\">");
    allow_list::check(&html, targets)
        .map_err(|message| ContentError::new(file, markdown.line, message))?;
    // The plain text the app derives from the HTML, so the content check marks what the
    // reader's device will mark.
    let plain = interview_text::plain_text(&html).trim().to_string();
    Ok(Rendered { html, plain })
}

/// Escapes text for HTML built by hand (headings of the guide's article).
pub use interview_text::escape;
