//! `content/glossary.md`: synonyms and abbreviations the marking of answers treats as the
//! same term, one group a line (`availability zone = AZ`), the canonical term first.

use crate::error::{ContentError, Errors};
use crate::header::Header;
use interview_marking::{Glossary, GlossaryError};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone)]
pub struct GlossaryDoc {
    pub file: PathBuf,
    /// (line, terms) for each group.
    pub groups: Vec<(usize, Vec<String>)>,
}

const FIELDS: &[&str] = &["format"];

/// Reads the file; each group is then checked by [`check`].
pub fn parse(file: &Path, text: &str) -> Result<GlossaryDoc, ContentError> {
    let (header, body) = Header::parse(file, text)?;
    header.only(file, FIELDS)?;
    let groups = body
        .lines()
        .enumerate()
        .map(|(index, line)| (header.body_line + index, line.trim()))
        .filter(|(_, line)| !line.is_empty() && !line.starts_with('#'))
        .map(|(line, text)| {
            (
                line,
                text.split('=').map(|t| t.trim().to_string()).collect(),
            )
        })
        .collect();
    Ok(GlossaryDoc {
        file: file.to_path_buf(),
        groups,
    })
}

/// Builds the glossary the marker uses, naming the line of any bad group.
pub fn check(errors: &mut Errors, doc: &GlossaryDoc) -> Option<Glossary> {
    let terms = doc.groups.iter().map(|(_, terms)| terms);
    match Glossary::new(terms) {
        Ok(glossary) => Some(glossary),
        Err(e) => {
            let group = match &e {
                GlossaryError::TooFewTerms { group }
                | GlossaryError::NoWords { group, .. }
                | GlossaryError::Repeated { group, .. } => *group,
            };
            errors.push(ContentError::new(
                &doc.file,
                doc.groups[group].0,
                e.to_string(),
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
        assert_eq!(
            doc.groups[0],
            (5, vec!["availability zone".into(), "AZ".into()])
        );
        assert_eq!(doc.groups[1].1.len(), 3);
        assert!(errors("format: 1\n---\nAZ = availability zone\n").is_empty());
    }

    #[test]
    fn a_bad_group_names_its_line() {
        assert_eq!(
            errors("format: 1\n---\nAZ = availability zone\nDB\n"),
            ["glossary.md:4: a group needs two terms or more, separated by `=`"]
        );
        assert_eq!(
            errors("format: 1\n---\nAZ = availability zone\ndatabase = DB = \n"),
            ["glossary.md:4: term `` has no letters or digits"]
        );
        assert_eq!(
            errors("format: 1\n---\ndatabase = DB\ndisk = DBs\n"),
            ["glossary.md:4: term `DBs` is already in group 1 (a term belongs to one group)"]
        );
        let missing_format = parse(Path::new("glossary.md"), "---\nAZ = zone\n").unwrap_err();
        assert!(
            missing_format.to_string().contains("format"),
            "{missing_format}"
        );
    }
}
