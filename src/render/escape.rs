//! Escaping text for the formats the renderer writes: HTML (attributes and text nodes, as
//! tera's own autoescaping does it) and Markdown. A leaf: it imports nothing from `render`.

use pulldown_cmark_escape::{escape_html, escape_html_body_text};

/// Escapes `&`, `<`, `>`, `"` and `'`: safe in text nodes and quoted attribute values.
pub(super) fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    // Writing into a `String` cannot fail.
    let _ = escape_html(&mut out, s);
    out
}

/// Escapes `&`, `<` and `>` only, as pulldown-cmark does in text nodes, so that text that
/// skips the Markdown parser comes out byte for byte as if it had not.
pub(super) fn html_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    // Writing into a `String` cannot fail.
    let _ = escape_html_body_text(&mut out, s);
    out
}

/// Backslash-escapes the characters that would make plain words into Markdown markup.
pub(super) fn markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '*' | '_' | '`' | '[' | ']' | '<' | '>' | '\\' | '#') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escapes_attribute_and_text_specials() {
        assert_eq!(
            html(r#"<a href="x">Tom & Jerry's</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;"
        );
        assert_eq!(html_text(r#"a < b & "c""#), r#"a &lt; b &amp; "c""#);
    }

    #[test]
    fn markdown_escapes_markup_characters() {
        assert_eq!(markdown("a *b* [c] #d"), r"a \*b\* \[c\] \#d");
    }
}
