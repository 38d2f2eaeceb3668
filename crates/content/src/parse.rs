//! Reads one content file into its document, reporting the file and line of any mistake.

use crate::document::*;
use crate::error::ContentError;
use crate::header::Header;
use std::path::Path;

const ARTICLE_FIELDS: &[&str] = &["format", "id", "title", "author"];
const GUIDE_FIELDS: &[&str] = &["format", "part", "id", "title", "short", "author"];
const FOOTER_FIELDS: &[&str] = &["format"];

pub fn article(file: &Path, text: &str) -> Result<ArticleDoc, ContentError> {
    let (header, body) = Header::parse(file, text)?;
    header.only(file, ARTICLE_FIELDS)?;
    let article = article_header(file, &header, body)?;
    Ok(article)
}

pub fn footer(file: &Path, text: &str) -> Result<FooterDoc, ContentError> {
    let (header, body) = Header::parse(file, text)?;
    header.only(file, FOOTER_FIELDS)?;
    Ok(FooterDoc {
        file: file.to_path_buf(),
        body: Markdown {
            text: body.to_string(),
            line: header.body_line,
        },
    })
}

fn article_header(file: &Path, header: &Header, body: &str) -> Result<ArticleDoc, ContentError> {
    let id = header.require(file, "id")?;
    check_id(file, id.line, &id.value)?;
    Ok(ArticleDoc {
        file: file.to_path_buf(),
        id: id.value.clone(),
        id_line: id.line,
        title: header.require(file, "title")?.value.clone(),
        author: header.require(file, "author")?.value.clone(),
        body: Markdown {
            text: body.to_string(),
            line: header.body_line,
        },
    })
}

/// Ids end up in URLs (`#/q/<id>`), so they stay plain.
pub fn check_id(file: &Path, line: usize, id: &str) -> Result<(), ContentError> {
    let plain = !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !id.starts_with('-')
        && !id.ends_with('-');
    if plain {
        Ok(())
    } else {
        Err(ContentError::new(
            file,
            line,
            format!("id `{id}` may use only a-z, 0-9 and inner `-`"),
        ))
    }
}

/// Lines of the body with their 1-based line numbers in the file.
struct Lines<'a> {
    lines: Vec<(usize, &'a str)>,
}

pub fn guide(file: &Path, text: &str) -> Result<GuideDoc, ContentError> {
    let (header, body) = Header::parse(file, text)?;
    header.only(file, GUIDE_FIELDS)?;
    let part_field = header.require(file, "part")?;
    let part = match part_field.value.parse::<u8>() {
        Ok(part) if part >= 1 => part,
        _ => {
            return Err(ContentError::new(
                file,
                part_field.line,
                format!(
                    "`part` must be a number from 1, found `{}`",
                    part_field.value
                ),
            ))
        }
    };
    let short = header.require(file, "short")?.value.clone();
    let mut article = article_header(file, &header, "")?;
    let lines = Lines {
        lines: body
            .lines()
            .enumerate()
            .map(|(i, l)| (header.body_line + i, l))
            .collect(),
    };
    let blocks = lines.blocks();
    let mut blocks = blocks.into_iter();
    // The introduction: everything before the first `== ` line.
    if let Some(intro) = blocks.next() {
        article.body = intro.body;
    }
    let mut sections: Vec<SectionDoc> = Vec::new();
    for block in blocks {
        let marker = block.marker.as_deref().unwrap_or_default();
        if let Some(title) = marker.strip_prefix("section:") {
            let title = title.trim();
            if title.is_empty() {
                return Err(ContentError::new(
                    file,
                    block.line,
                    "a section needs a title",
                ));
            }
            sections.push(SectionDoc {
                title: title.to_string(),
                line: block.line,
                intro: block.body,
                items: Vec::new(),
            });
            continue;
        }
        let Some(section) = sections.last_mut() else {
            return Err(ContentError::new(
                file,
                block.line,
                format!("`== {marker}` comes before the first `== section:`"),
            ));
        };
        if let Some(id) = marker.strip_prefix("question:") {
            section.items.push(Item::Question(question(
                file,
                block.line,
                id.trim(),
                &block.body,
            )?));
        } else if marker == "text" {
            section.items.push(Item::Text(block.body));
        } else {
            return Err(ContentError::new(
                file,
                block.line,
                format!("unknown block `== {marker}` (expected `== section: <title>`, `== question: <id>` or `== text`)"),
            ));
        }
    }
    Ok(GuideDoc {
        file: file.to_path_buf(),
        part,
        part_line: part_field.line,
        article,
        short,
        sections,
    })
}

struct Block {
    /// The text after `== `, or `None` for the introduction.
    marker: Option<String>,
    line: usize,
    body: Markdown,
}

impl Lines<'_> {
    fn blocks(&self) -> Vec<Block> {
        let mut blocks = vec![Block {
            marker: None,
            line: self.lines.first().map(|l| l.0).unwrap_or(1),
            body: Markdown::default(),
        }];
        for &(line, text) in &self.lines {
            if let Some(marker) = text.strip_prefix("== ") {
                blocks.push(Block {
                    marker: Some(marker.trim().to_string()),
                    line,
                    body: Markdown {
                        text: String::new(),
                        line: line + 1,
                    },
                });
            } else {
                let block = blocks.last_mut().expect("there is always a first block");
                if block.body.text.is_empty() {
                    block.body.line = line;
                }
                block.body.text.push_str(text);
                block.body.text.push('\n');
            }
        }
        blocks
    }
}

/// A question block: field lines, a blank line, then the model answer.
fn question(
    file: &Path,
    line: usize,
    id: &str,
    body: &Markdown,
) -> Result<QuestionDoc, ContentError> {
    check_id(file, line, id)?;
    let at = |l: usize, message: String| {
        ContentError::new(file, l, message).entry(format!("question {id}"))
    };
    let mut ask: Option<String> = None;
    let mut key_points = Vec::new();
    let mut related = Vec::new();
    let mut see = Vec::new();
    let mut no_answer = false;
    let mut answer = Markdown {
        text: String::new(),
        line: body.line,
    };
    let mut in_fields = true;
    for (i, text) in body.text.lines().enumerate() {
        let l = body.line + i;
        if in_fields {
            if text.trim().is_empty() {
                in_fields = false;
                continue;
            }
            let Some((key, value)) = text.split_once(':') else {
                return Err(at(l, format!("expected a field `ask:`, `key:`, `related:`, `see:` or `answer:`, then a blank line before the answer; found `{text}`")));
            };
            let value = value.trim();
            match key.trim() {
                "ask" if ask.is_some() => return Err(at(l, "`ask:` is given twice".into())),
                "ask" => ask = Some(value.to_string()),
                "key" => key_points.push(key_point(value).ok_or_else(|| {
                    at(
                        l,
                        format!("key point `{value}` has an empty alternative or term"),
                    )
                })?),
                "related" => related.push(Reference {
                    id: value.to_string(),
                    line: l,
                }),
                "see" => see.push(Reference {
                    id: value.to_string(),
                    line: l,
                }),
                "answer" if value == "none" => no_answer = true,
                "answer" => {
                    return Err(at(
                        l,
                        format!("`answer:` may only be `none`, found `{value}`"),
                    ))
                }
                other => return Err(at(l, format!("unknown field `{other}:`"))),
            }
            if let Some(point) = key_points.last_mut() {
                if key.trim() == "key" {
                    point.line = l;
                }
            }
        } else {
            if answer.text.is_empty() && text.trim().is_empty() {
                continue;
            }
            if answer.text.is_empty() {
                answer.line = l;
            }
            answer.text.push_str(text);
            answer.text.push('\n');
        }
    }
    let ask = match ask {
        Some(ask) if !ask.is_empty() => ask,
        _ => return Err(at(line, "the question is empty: add an `ask:` line".into())),
    };
    let answer = match (no_answer, answer.is_blank()) {
        (true, true) => None,
        (true, false) => {
            return Err(at(answer.line, "has `answer: none` but also an answer text".into()))
        }
        (false, true) => {
            return Err(at(line, "the model answer is empty (write it after a blank line, or mark the question `answer: none`)".into()))
        }
        (false, false) => Some(answer),
    };
    if !(1..=6).contains(&key_points.len()) {
        return Err(at(
            line,
            format!(
                "needs 1 to 6 key points (`key:` lines), has {}",
                key_points.len()
            ),
        ));
    }
    Ok(QuestionDoc {
        id: id.to_string(),
        line,
        ask,
        key_points,
        related,
        see,
        answer,
    })
}

/// `RAID 10 | RAID10 | mirror + stripe` → [["RAID 10"], ["RAID10"], ["mirror", "stripe"]].
fn key_point(value: &str) -> Option<KeyPointDoc> {
    let alternatives: Vec<Vec<String>> = value
        .split('|')
        .map(|alt| alt.split('+').map(|t| t.trim().to_string()).collect())
        .collect();
    let complete = alternatives
        .iter()
        .all(|terms: &Vec<String>| terms.iter().all(|t| t.chars().any(char::is_alphanumeric)));
    complete.then_some(KeyPointDoc {
        line: 0,
        alternatives,
    })
}
