//! The whole content, cross-checked and rendered: what the app ships.

use crate::document::*;
use crate::error::{ContentError, Errors};
use crate::links::Targets;
use crate::markdown::{self, escape};
use interview_marking::Marker;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone)]
pub struct Library {
    pub articles: Vec<Article>,
    pub guides: Vec<Guide>,
    pub questions: Vec<Question>,
    pub footer_html: String,
    /// The glossary's entries for marking answers, one a line (see `glossary.rs`).
    pub glossary: Vec<String>,
    /// Common words one slip away from a key word: the marker takes them as written.
    pub real_words: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Article {
    pub id: String,
    pub title: String,
    pub author: String,
    pub html: String,
    /// Set when the article is one of the interview guides.
    pub guide_part: Option<u8>,
}

#[derive(Debug, Clone)]
pub struct Guide {
    pub part: u8,
    pub title: String,
    pub short: String,
    pub article: String,
    pub author: String,
    pub sections: Vec<Section>,
}

#[derive(Debug, Clone)]
pub struct Section {
    pub slug: String,
    pub title: String,
}

#[derive(Debug, Clone)]
pub struct Question {
    pub id: String,
    pub part: u8,
    /// Index into the guide's sections.
    pub section: usize,
    pub ask: String,
    pub answer_html: Option<String>,
    pub answer_text: String,
    pub key_points: Vec<KeyPoint>,
    pub related: Vec<String>,
    pub see: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct KeyPoint {
    pub label: String,
    pub alternatives: Vec<Vec<String>>,
}

/// The files of a content folder, already read: (path, text).
pub struct Sources {
    pub footer: (std::path::PathBuf, String),
    pub glossary: (std::path::PathBuf, String),
    pub articles: Vec<(std::path::PathBuf, String)>,
    pub guides: Vec<(std::path::PathBuf, String)>,
}

pub fn build(sources: &Sources) -> Result<Library, Errors> {
    let mut errors = Errors::default();
    let footer = parse_one(&mut errors, &sources.footer, crate::parse::footer);
    let glossary = parse_one(&mut errors, &sources.glossary, crate::glossary::parse);
    let marker = glossary
        .as_ref()
        .and_then(|doc| crate::glossary::check(&mut errors, doc))
        .map(Marker::new);
    let articles: Vec<ArticleDoc> = sources
        .articles
        .iter()
        .filter_map(|source| parse_one(&mut errors, source, crate::parse::article))
        .collect();
    let mut guides: Vec<GuideDoc> = sources
        .guides
        .iter()
        .filter_map(|source| parse_one(&mut errors, source, crate::parse::guide))
        .collect();
    guides.sort_by_key(|g| g.part);

    for article in &articles {
        let stem = article.file.file_stem().and_then(|s| s.to_str());
        if stem != Some(article.id.as_str()) {
            errors.push(
                ContentError::new(
                    &article.file,
                    article.id_line,
                    format!(
                        "the id `{}` must equal the file name without `.md` (`{}`)",
                        article.id,
                        stem.unwrap_or_default()
                    ),
                )
                .entry(format!("article {}", article.id)),
            );
        }
    }
    check_parts(&mut errors, &guides);
    let targets = targets(&mut errors, &articles, &guides);
    check_references(&mut errors, &guides, &targets);

    let mut library = Library {
        articles: Vec::new(),
        guides: Vec::new(),
        questions: Vec::new(),
        footer_html: String::new(),
        glossary: glossary
            .map(|doc| doc.entries.into_iter().map(|(_, text)| text).collect())
            .unwrap_or_default(),
        real_words: Vec::new(),
    };
    if let Some(footer) = footer {
        if let Some(r) = render(&mut errors, &footer.file, &footer.body, &targets) {
            library.footer_html = r.html;
        }
    }
    for article in &articles {
        if let Some(r) = render(&mut errors, &article.file, &article.body, &targets) {
            library.articles.push(Article {
                id: article.id.clone(),
                title: article.title.clone(),
                author: article.author.clone(),
                html: r.html,
                guide_part: None,
            });
        }
    }
    for guide in &guides {
        add_guide(&mut errors, &mut library, guide, &targets);
    }
    if let Some(marker) = marker {
        let points: Vec<_> = library
            .questions
            .iter()
            .flat_map(|q| &q.key_points)
            .map(|p| marker.key_point(&p.alternatives))
            .collect();
        // Real words: English's (see `ENGLISH_WORDS`), and every word the content itself writes
        // (the glossary's terms, the questions and their model answers): "integration" is
        // not a slip of "iteration".
        let mut written: Vec<String> = library
            .glossary
            .iter()
            .map(String::as_str)
            .chain(
                library
                    .questions
                    .iter()
                    .flat_map(|q| [q.ask.as_str(), q.answer_text.as_str()]),
            )
            .flat_map(interview_marking::words::tokens)
            .map(|t| t.word.text.clone())
            .filter(|w| w.chars().all(|c| c.is_ascii_lowercase()))
            .chain(crate::key_points::common_words().map(str::to_string))
            .collect();
        match crate::key_points::english_words() {
            Ok(english) => written.extend(english),
            Err(e) => errors.push(ContentError::new(
                Path::new(crate::key_points::ENGLISH_WORDS),
                0,
                format!("cannot read the English word list ({e}): `make setup` installs Debian's wamerican"),
            )),
        }
        written.sort();
        written.dedup();
        library.real_words = marker.near_misses(written.iter().map(String::as_str), &points);
        let marker = marker.with_real_words(&library.real_words);
        let model_answer = |id: &str| {
            let question = library.questions.iter().find(|q| q.id == id)?;
            question.answer_html.as_ref()?;
            Some(question.answer_text.as_str())
        };
        crate::key_points::check(&mut errors, &guides, model_answer, &marker);
    }
    library.articles.sort_by(|a, b| {
        (a.guide_part.is_none(), a.guide_part, &a.title).cmp(&(
            b.guide_part.is_none(),
            b.guide_part,
            &b.title,
        ))
    });
    if errors.is_empty() {
        Ok(library)
    } else {
        Err(errors)
    }
}

fn parse_one<T>(
    errors: &mut Errors,
    (path, text): &(std::path::PathBuf, String),
    parse: fn(&Path, &str) -> Result<T, ContentError>,
) -> Option<T> {
    parse(path, text).map_err(|e| errors.push(e)).ok()
}

fn render(
    errors: &mut Errors,
    file: &Path,
    markdown: &Markdown,
    targets: &Targets,
) -> Option<markdown::Rendered> {
    markdown::render(file, markdown, targets)
        .map_err(|e| errors.push(e))
        .ok()
}

fn check_parts(errors: &mut Errors, guides: &[GuideDoc]) {
    for (index, guide) in guides.iter().enumerate() {
        let expected = index as u8 + 1;
        if guide.part != expected {
            errors.push(ContentError::new(
                &guide.file,
                guide.part_line,
                format!(
                    "guide parts must be numbered 1, 2, 3… without gaps or repeats: expected part {expected}, found {}",
                    guide.part
                ),
            ));
        }
        if guide.sections.is_empty() {
            errors.push(ContentError::new(
                &guide.file,
                guide.part_line,
                "the guide has no `== section:`",
            ));
        }
        for section in &guide.sections {
            if !section.items.iter().any(|i| matches!(i, Item::Question(_))) {
                errors.push(
                    ContentError::new(&guide.file, section.line, "the section has no question")
                        .entry(format!("section {}", section.title)),
                );
            }
        }
    }
}

/// Every id that can be linked to, reporting duplicates with both places.
fn targets(errors: &mut Errors, articles: &[ArticleDoc], guides: &[GuideDoc]) -> Targets {
    let mut targets = Targets::default();
    let mut first_use = FirstUse::default();
    for article in articles.iter().chain(guides.iter().map(|g| &g.article)) {
        first_use.check(
            errors,
            "article",
            &article.id,
            &article.file,
            article.id_line,
        );
        targets.articles.insert(article.id.clone());
    }
    let mut first_use = FirstUse::default();
    for guide in guides {
        for question in guide.questions() {
            first_use.check(errors, "question", &question.id, &guide.file, question.line);
            targets.questions.insert(question.id.clone());
        }
    }
    targets
}

/// Where each id was first used, to name both places of a duplicate.
#[derive(Default)]
struct FirstUse(HashMap<String, (PathBuf, usize)>);

impl FirstUse {
    fn check(&mut self, errors: &mut Errors, kind: &str, id: &str, file: &Path, line: usize) {
        if let Some((first, first_line)) = self.0.insert(id.to_string(), (file.to_path_buf(), line))
        {
            errors.push(
                ContentError::new(
                    file,
                    line,
                    format!(
                        "duplicate {kind} id, first used at {}:{first_line}",
                        first.display()
                    ),
                )
                .entry(format!("{kind} {id}")),
            );
        }
    }
}

fn check_references(errors: &mut Errors, guides: &[GuideDoc], targets: &Targets) {
    for guide in guides {
        for question in guide.questions() {
            let at = |line: usize, message: String| {
                ContentError::new(&guide.file, line, message)
                    .entry(format!("question {}", question.id))
            };
            for r in &question.related {
                if !targets.articles.contains(&r.id) {
                    errors.push(at(
                        r.line,
                        format!("`related:` names unknown article `{}`", r.id),
                    ));
                }
            }
            for r in &question.see {
                if r.id == question.id {
                    errors.push(at(r.line, "`see:` names the question itself".into()));
                } else if !targets.questions.contains(&r.id) {
                    errors.push(at(
                        r.line,
                        format!("`see:` names unknown question `{}`", r.id),
                    ));
                }
            }
        }
    }
}

/// Adds the guide, its questions, and its article: the guide's text, sections and questions in
/// the order the blog published them.
fn add_guide(errors: &mut Errors, library: &mut Library, guide: &GuideDoc, targets: &Targets) {
    let file = &guide.file;
    let mut html = render(errors, file, &guide.article.body, targets)
        .map(|r| r.html)
        .unwrap_or_default();
    let mut sections = Vec::new();
    let mut slugs: BTreeMap<String, usize> = BTreeMap::new();
    for (index, section) in guide.sections.iter().enumerate() {
        let slug = slug(&section.title);
        if let Some(line) = slugs.insert(slug.clone(), section.line) {
            errors.push(ContentError::new(
                file,
                section.line,
                format!("section title repeats the section at line {line}"),
            ));
        }
        html.push_str(&format!(
            "<h2 id=\"{slug}\">{}. {}</h2>\n",
            index + 1,
            escape(&section.title)
        ));
        if let Some(r) = render(errors, file, &section.intro, targets) {
            html.push_str(&r.html);
        }
        for item in &section.items {
            match item {
                Item::Text(text) => {
                    if let Some(r) = render(errors, file, text, targets) {
                        html.push_str(&r.html);
                    }
                }
                Item::Question(q) => {
                    html.push_str(&format!(
                        "<h3 id=\"{}\"><a href=\"#/q/{}\">{}</a></h3>\n",
                        q.id,
                        q.id,
                        escape(&q.ask)
                    ));
                    let answer = match &q.answer {
                        Some(answer) => render(errors, file, answer, targets),
                        None => None,
                    };
                    match &answer {
                        Some(r) => html.push_str(&r.html),
                        None => html.push_str(
                            "<p class=\"no-answer\">The guide asks this question without a model answer.</p>\n",
                        ),
                    }
                    library.questions.push(Question {
                        id: q.id.clone(),
                        part: guide.part,
                        section: index,
                        ask: q.ask.clone(),
                        answer_text: answer.as_ref().map(|r| r.plain.clone()).unwrap_or_default(),
                        answer_html: answer.map(|r| r.html),
                        key_points: q
                            .key_points
                            .iter()
                            .map(|k| KeyPoint {
                                label: k.label(),
                                alternatives: k.alternatives.clone(),
                            })
                            .collect(),
                        related: q.related.iter().map(|r| r.id.clone()).collect(),
                        see: q.see.iter().map(|r| r.id.clone()).collect(),
                    });
                }
            }
        }
        sections.push(Section {
            slug,
            title: section.title.clone(),
        });
    }
    if let Err(message) = crate::allow_list::check(&html, targets) {
        errors.push(ContentError::new(file, 1, message));
    }
    library.articles.push(Article {
        id: guide.article.id.clone(),
        title: guide.article.title.clone(),
        author: guide.article.author.clone(),
        html,
        guide_part: Some(guide.part),
    });
    library.guides.push(Guide {
        part: guide.part,
        title: guide.article.title.clone(),
        short: guide.short.clone(),
        article: guide.article.id.clone(),
        author: guide.article.author.clone(),
        sections,
    });
}

/// "Architecture & Management Questions" → "architecture-management-questions".
pub fn slug(title: &str) -> String {
    let mut slug = String::new();
    for c in title.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_string()
}
