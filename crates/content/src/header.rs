//! The `key: value` header that starts every content file, closed by a `---` line.

use crate::error::ContentError;
use std::path::Path;

/// The only format version this compiler reads. Bump it, and migrate the files, when the format changes.
pub const FORMAT_VERSION: &str = "1";

#[derive(Debug)]
pub struct Header {
    pub fields: Vec<Field>,
    /// The 1-based line where the body starts (the line after `---`).
    pub body_line: usize,
}

#[derive(Debug, Clone)]
pub struct Field {
    pub key: String,
    pub value: String,
    pub line: usize,
}

impl Header {
    /// Splits `text` into its header and body, checking the format version.
    pub fn parse<'a>(file: &Path, text: &'a str) -> Result<(Header, &'a str), ContentError> {
        let mut fields = Vec::new();
        let mut offset = 0;
        for (index, raw) in text.split_inclusive('\n').enumerate() {
            let line = index + 1;
            offset += raw.len();
            let content = raw.trim_end_matches(['\n', '\r']);
            if content.trim() == "---" {
                let header = Header {
                    fields,
                    body_line: line + 1,
                };
                header.check_format(file)?;
                return Ok((header, &text[offset..]));
            }
            if content.trim().is_empty() {
                continue;
            }
            let Some((key, value)) = content.split_once(':') else {
                return Err(ContentError::new(
                    file,
                    line,
                    format!("expected a header line `key: value` or `---`, found `{content}`"),
                ));
            };
            fields.push(Field {
                key: key.trim().to_string(),
                value: value.trim().to_string(),
                line,
            });
        }
        Err(ContentError::new(
            file,
            1,
            "the header is not closed by a `---` line",
        ))
    }

    fn check_format(&self, file: &Path) -> Result<(), ContentError> {
        match self.fields.iter().find(|f| f.key == "format") {
            None => Err(ContentError::new(
                file,
                1,
                format!(
                    "missing format version: the file must start with `format: {FORMAT_VERSION}`"
                ),
            )),
            Some(f) if f.value != FORMAT_VERSION => Err(ContentError::new(
                file,
                f.line,
                format!(
                    "unsupported format version `{}`: this build reads `format: {FORMAT_VERSION}`",
                    f.value
                ),
            )),
            Some(_) => Ok(()),
        }
    }

    /// A required, non-empty field.
    pub fn require(&self, file: &Path, key: &str) -> Result<&Field, ContentError> {
        match self.fields.iter().find(|f| f.key == key) {
            Some(f) if !f.value.is_empty() => Ok(f),
            Some(f) => Err(ContentError::new(
                file,
                f.line,
                format!("header field `{key}` is empty"),
            )),
            None => Err(ContentError::new(
                file,
                1,
                format!("missing header field `{key}`"),
            )),
        }
    }

    /// Rejects fields this kind of file does not know, so a typo is not silently ignored.
    pub fn only(&self, file: &Path, known: &[&str]) -> Result<(), ContentError> {
        for field in &self.fields {
            if !known.contains(&field.key.as_str()) {
                return Err(ContentError::new(
                    file,
                    field.line,
                    format!(
                        "unknown header field `{}` (expected one of: {})",
                        field.key,
                        known.join(", ")
                    ),
                ));
            }
        }
        Ok(())
    }
}
