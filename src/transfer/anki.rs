//! The question bank with the reader's notes as an Anki text import file: tab-separated, with
//! the header lines Anki reads (`#separator`, `#html`, `#deck`, `#columns`, `#tags column`).
//! A field that holds a tab, a line break or a double quote, or starts with `#`, is put in
//! double quotes with its quotes doubled, as Anki's CSV reader expects.

use crate::content::{Answers, Question, QUESTIONS};
use crate::review::Note;
use crate::sorted::SortedMap;
use std::fmt::Write;

pub const DECK: &str = "Interview Practice";
pub const FILE_NAME: &str = "interview-practice-anki.txt";
pub const NO_MODEL_ANSWER: &str =
    "<p><em>No model answer: the guide asks this question without answering it.</em></p>";
/// The column (counting from 1) that holds each note's tags.
pub const TAGS_COLUMN: usize = 5;

/// The whole file, one note per question in guide order.
pub fn anki_text_in(
    questions: &[Question],
    answers: &'static Answers,
    notes: &SortedMap<String, Note>,
) -> String {
    let mut out = String::new();
    out.push_str("#separator:tab\n");
    out.push_str("#html:true\n");
    let _ = writeln!(out, "#deck:{DECK}");
    out.push_str("#columns:Question\tAnswer\tKey points\tNote\tTags\n");
    let _ = writeln!(out, "#tags column:{TAGS_COLUMN}");
    for question in questions {
        let note = notes
            .get(question.id)
            .map(|n| text_to_html(&n.text))
            .unwrap_or_default();
        let fields = [
            interview_text::escape(question.ask),
            answers
                .answer(question)
                .map_or(NO_MODEL_ANSWER, |html| html.as_str())
                .to_string(),
            key_points_html(question),
            note,
            tags(question),
        ];
        let line: Vec<String> = fields.iter().map(|f| field(f)).collect();
        out.push_str(&line.join("\t"));
        out.push('\n');
    }
    out
}

pub fn anki_text(answers: &'static Answers, notes: &SortedMap<String, Note>) -> String {
    anki_text_in(QUESTIONS, answers, notes)
}

/// `interview-practice part-1 cloud-concepts`: space-separated, no spaces inside a tag.
fn tags(question: &Question) -> String {
    let section = question
        .guide()
        .sections
        .get(question.section)
        .map_or("", |s| s.slug);
    let mut tags = format!("interview-practice part-{}", question.part);
    if !section.is_empty() {
        tags.push(' ');
        tags.push_str(&section.replace(char::is_whitespace, "-"));
    }
    tags
}

fn key_points_html(question: &Question) -> String {
    let mut html = String::from("<ul>");
    for point in question.key_points {
        let _ = write!(html, "<li>{}</li>", interview_text::escape(point.label));
    }
    html.push_str("</ul>");
    html
}

/// Text the reader typed, shown as text in Anki's HTML fields.
fn text_to_html(text: &str) -> String {
    interview_text::escape(text.trim_end())
        .replace("\r\n", "<br>")
        .replace(['\r', '\n'], "<br>")
}

/// One field, quoted when Anki would otherwise split or skip it.
fn field(value: &str) -> String {
    let needs_quotes =
        value.starts_with('#') || value.chars().any(|c| matches!(c, '\t' | '\n' | '\r' | '"'));
    if needs_quotes {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::answers;

    /// Reads records back as Anki's reader does: tab-separated, double-quoted fields may hold
    /// tabs, line breaks and doubled quotes.
    fn read_records(body: &str) -> Vec<Vec<String>> {
        let mut records = Vec::new();
        let mut record = Vec::new();
        let mut current = String::new();
        let mut chars = body.chars().peekable();
        let mut quoted = false;
        let mut at_field_start = true;
        while let Some(c) = chars.next() {
            if quoted {
                if c == '"' {
                    if chars.peek() == Some(&'"') {
                        chars.next();
                        current.push('"');
                    } else {
                        quoted = false;
                    }
                } else {
                    current.push(c);
                }
                continue;
            }
            match c {
                '"' if at_field_start => {
                    quoted = true;
                    at_field_start = false;
                }
                '\t' => {
                    record.push(std::mem::take(&mut current));
                    at_field_start = true;
                }
                '\n' => {
                    record.push(std::mem::take(&mut current));
                    records.push(std::mem::take(&mut record));
                    at_field_start = true;
                }
                c => {
                    assert_ne!(c, '"', "a quote inside an unquoted field");
                    current.push(c);
                    at_field_start = false;
                }
            }
        }
        assert!(!quoted && current.is_empty() && record.is_empty());
        records
    }

    fn split_headers(text: &str) -> (Vec<&str>, &str) {
        let mut headers = Vec::new();
        let mut rest = text;
        while rest.starts_with('#') {
            let end = rest.find('\n').unwrap();
            headers.push(&rest[..end]);
            rest = &rest[end + 1..];
        }
        (headers, rest)
    }

    #[test]
    fn headers_come_first_as_anki_reads_them() {
        let text = anki_text(answers().unwrap(), &SortedMap::new());
        let (headers, _) = split_headers(&text);
        assert_eq!(
            headers,
            [
                "#separator:tab",
                "#html:true",
                "#deck:Interview Practice",
                "#columns:Question\tAnswer\tKey points\tNote\tTags",
                "#tags column:5",
            ]
        );
    }

    #[test]
    fn one_record_per_question_with_five_fields() {
        let mut notes = SortedMap::new();
        let first = &QUESTIONS[0];
        notes.insert(
            first.id.to_string(),
            Note {
                text: "#1: say \"RAID 10\"\tfirst\nthen <mirror> & stripe\n".into(),
                updated_at: 0,
            },
        );
        let text = anki_text(answers().unwrap(), &notes);
        let (_, body) = split_headers(&text);
        let records = read_records(body);
        assert_eq!(records.len(), QUESTIONS.len());
        for (record, question) in records.iter().zip(QUESTIONS) {
            assert_eq!(record.len(), 5, "{}", question.id);
            assert_eq!(
                record[1],
                answers()
                    .unwrap()
                    .answer(question)
                    .map_or(NO_MODEL_ANSWER, |html| html.as_str()),
                "{}",
                question.id
            );
            assert_eq!(record[2].matches("<li>").count(), question.key_points.len());
            let tags: Vec<&str> = record[4].split(' ').collect();
            assert_eq!(
                tags,
                [
                    "interview-practice",
                    &format!("part-{}", question.part),
                    question.section().slug
                ]
            );
        }
        assert_eq!(
            records[0][3],
            "#1: say &quot;RAID 10&quot;\tfirst<br>then &lt;mirror&gt; &amp; stripe"
        );
        assert!(records[1..].iter().all(|r| r[3].is_empty()));
    }

    #[test]
    fn fields_are_quoted_only_when_needed() {
        assert_eq!(field("plain <b>html</b>"), "plain <b>html</b>");
        assert_eq!(field("a\tb"), "\"a\tb\"");
        assert_eq!(field("line\nbreak"), "\"line\nbreak\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("#not a comment"), "\"#not a comment\"");
        assert_eq!(text_to_html("a\r\nb\rc\n\n"), "a<br>b<br>c");
    }
}
