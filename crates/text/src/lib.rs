//! Text and HTML: the one escaper, percent-encoder and plain-text extractor, shared by the
//! content compiler (build time) and the app, so a model answer reads the same to the content
//! check and to the marking on the reader's device, and a link the build writes is the one the
//! app's router makes.

/// Escapes text for HTML: `&`, `<`, `>`, `"` and `'`.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// FNV-1a, 64 bits: names the content data file after what it holds, and lets the app tell
/// the file it was built with from a damaged or stale one. Not a defence against an attacker
/// (the file comes from the app's own origin, like the wasm).
pub fn checksum(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// Percent-encodes everything but unreserved characters (RFC 3986): the app's routes, and the
/// links the content compiler writes to them.
pub fn percent_encode(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push('%');
            out.push(HEX[usize::from(byte >> 4)] as char);
            out.push(HEX[usize::from(byte & 0xf)] as char);
        }
    }
    out
}

/// The text of HTML that `escape` (or the content renderer, which escapes the same) wrote:
/// tags become spaces, so words in neighbouring elements stay apart.
pub fn plain_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_encode_keeps_only_unreserved_characters() {
        assert_eq!(percent_encode("cloud-concepts_2.x~"), "cloud-concepts_2.x~");
        assert_eq!(percent_encode("a b/c&d"), "a%20b%2Fc%26d");
        assert_eq!(percent_encode("é"), "%C3%A9");
        assert_eq!(percent_encode(""), "");
    }

    #[test]
    fn checksum_is_fnv1a() {
        // Reference values of FNV-1a 64.
        assert_eq!(checksum(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(checksum("a"), 0xaf63_dc4c_8601_ec8c);
        assert_ne!(checksum("ab"), checksum("ba"));
    }

    #[test]
    fn escape_and_plain_text_round_trip() {
        let text = r#"<script>"Tom's" & co</script>"#;
        let html = escape(text);
        assert_eq!(
            html,
            "&lt;script&gt;&quot;Tom&#39;s&quot; &amp; co&lt;/script&gt;"
        );
        assert_eq!(plain_text(&html), text);
        assert_eq!(
            plain_text("<p>a</p><li>b &amp;amp; c</li>"),
            " a  b &amp; c "
        );
    }
}
