//! `content/glossary.md`: what the marking of answers knows of words, one entry a line:
//! synonyms and abbreviations (`availability zone = AZ`, the canonical term first), kinds of
//! things (`kind filesystem: xfs, ext4`) and idioms (`idiom: on-call rotation`); see
//! [`interview_marking::glossary`].

use crate::error::{ContentError, Errors};
use crate::header::Header;
use interview_marking::{Glossary, GlossaryError};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone)]
pub struct GlossaryDoc {
    pub file: PathBuf,
    /// (line, text) for each entry.
    pub entries: Vec<(usize, String)>,
}

const FIELDS: &[&str] = &["format"];

/// Reads the file; each group is then checked by [`check`].
pub fn parse(file: &Path, text: &str) -> Result<GlossaryDoc, ContentError> {
    let (header, body) = Header::parse(file, text)?;
    header.only(file, FIELDS)?;
    let entries = body
        .lines()
        .enumerate()
        .map(|(index, line)| (header.body_line + index, line.trim()))
        .filter(|(_, line)| !line.is_empty() && !line.starts_with('#'))
        .map(|(line, text)| (line, text.to_string()))
        .collect();
    Ok(GlossaryDoc {
        file: file.to_path_buf(),
        entries,
    })
}

/// Builds the glossary the marker uses, naming the line of a bad entry.
pub fn check(errors: &mut Errors, doc: &GlossaryDoc) -> Option<Glossary> {
    match Glossary::new(doc.entries.iter().map(|(_, text)| text)) {
        Ok(glossary) => Some(glossary),
        Err(e) => {
            let message = match &e {
                GlossaryError::Repeated {
                    term, first_line, ..
                } => format!(
                    "term `{term}` is already on line {} (a term belongs to one line)",
                    doc.entries[*first_line].0
                ),
                _ => e.to_string(),
            };
            errors.push(ContentError::new(
                &doc.file,
                doc.entries[e.line()].0,
                message,
            ));
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(text: &str) -> Vec<String> {
        let mut errors = Errors::default();
        let doc = parse(Path::new("glossary.md"), text).unwrap();
        check(&mut errors, &doc);
        errors.0.iter().map(|e| e.to_string()).collect()
    }

    #[test]
    fn groups_one_a_line_comments_and_blanks_skipped() {
        let doc = parse(
            Path::new("g.md"),
            "format: 1\n---\n# comment\n\navailability zone = AZ\nRAID 10 = RAID 1+0 = RAID10\n",
        )
        .unwrap();
        assert_eq!(doc.entries[0], (5, "availability zone = AZ".into()));
        assert_eq!(doc.entries[1].1, "RAID 10 = RAID 1+0 = RAID10");
        assert!(errors("format: 1\n---\nAZ = availability zone\n").is_empty());
    }

    #[test]
    fn a_bad_group_names_its_line() {
        assert_eq!(
            errors("format: 1\n---\nAZ = availability zone\nDB\n"),
            ["glossary.md:4: a line needs two terms or more: `a = b`, `kind <name>: a, b` or `idiom: a, b`"]
        );
        assert_eq!(
            errors("format: 1\n---\nAZ = availability zone\ndatabase = DB = \n"),
            ["glossary.md:4: term `` has no letters or digits"]
        );
        assert_eq!(
            errors("format: 1\n---\ndatabase = DB\ndisk = DBs\n"),
            ["glossary.md:4: term `DBs` is already on line 3 (a term belongs to one line)"]
        );
        let missing_format = parse(Path::new("glossary.md"), "---\nAZ = zone\n").unwrap_err();
        assert!(
            missing_format.to_string().contains("format"),
            "{missing_format}"
        );
    }
}
