//! The last gate before HTML ships: every tag and attribute must be on the allow-list.
//! Rendering already produces only these; this check keeps it so if the renderer changes.

use crate::links::Targets;

const TAGS: &[&str] = &[
    "p",
    "ul",
    "ol",
    "li",
    "em",
    "strong",
    "a",
    "blockquote",
    "code",
    "pre",
    "h2",
    "h3",
    "h4",
    "hr",
    "br",
];

pub fn check(html: &str, targets: &Targets) -> Result<(), String> {
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        let after = &rest[start + 1..];
        let end = after
            .find('>')
            .ok_or_else(|| "unclosed `<` in rendered HTML".to_string())?;
        check_tag(&after[..end], targets)?;
        rest = &after[end + 1..];
    }
    Ok(())
}

fn check_tag(tag: &str, targets: &Targets) -> Result<(), String> {
    let tag = tag.strip_suffix('/').unwrap_or(tag).trim();
    if let Some(name) = tag.strip_prefix('/') {
        return allowed_name(name);
    }
    let (name, mut attributes) = tag.split_once(' ').unwrap_or((tag, ""));
    allowed_name(name)?;
    while !attributes.trim().is_empty() {
        let (attribute, value, rest) = split_attribute(attributes.trim_start())
            .ok_or_else(|| format!("malformed attributes in `<{tag}>`"))?;
        match (name, attribute) {
            ("a", "href") => targets.check(value)?,
            ("blockquote", "class") if value == "pull-quote" => {}
            ("ol", "start") if value.chars().all(|c| c.is_ascii_digit()) => {}
            ("h2" | "h3", "id") if value.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') => {
            }
            ("p", "class") if value == "no-answer" => {}
            _ => return Err(format!("attribute `{attribute}` not allowed on `<{name}>`")),
        }
        attributes = rest;
    }
    Ok(())
}

fn allowed_name(name: &str) -> Result<(), String> {
    if TAGS.contains(&name) {
        Ok(())
    } else {
        Err(format!("tag `<{name}>` is not allowed in content"))
    }
}

/// `name="value" rest` → (name, value, rest).
fn split_attribute(input: &str) -> Option<(&str, &str, &str)> {
    let (name, rest) = input.split_once("=\"")?;
    let (value, rest) = rest.split_once('"')?;
    Some((name.trim(), value, rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn targets() -> Targets {
        let mut t = Targets::default();
        t.articles.insert("a".into());
        t
    }

    #[test]
    fn accepts_the_tags_the_renderer_makes() {
        let html = "<p>x <em>y</em> <a href=\"#/article/a\">z</a></p>\n<blockquote class=\"pull-quote\">\n<p>q</p>\n</blockquote>\n<ol start=\"2\"><li>a<br /></li></ol>";
        assert_eq!(check(html, &targets()), Ok(()));
    }

    #[test]
    fn rejects_scripts_handlers_and_outside_links() {
        assert!(check("<script>alert(1)</script>", &targets()).is_err());
        assert!(check("<p onclick=\"x()\">a</p>", &targets()).is_err());
        assert!(check("<a href=\"https://example.com\">a</a>", &targets()).is_err());
        assert!(check("<a href=\"#/article/missing\">a</a>", &targets()).is_err());
        assert!(check("<img src=\"x\">", &targets()).is_err());
    }
}
