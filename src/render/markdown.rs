//! Markdown in text fields, rendered with pulldown-cmark. Raw HTML is never passed
//! through: it is shown as text. Links and images keep only safe URL schemes.

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, html};

fn safe_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    match lower.find(':') {
        // No scheme (relative) or a colon after a path/query/fragment start.
        None => true,
        Some(i) if lower[..i].contains(['/', '?', '#']) => true,
        Some(i) => matches!(&lower[..i], "http" | "https" | "mailto"),
    }
}

/// Renders Markdown to HTML (block level).
pub fn to_html(text: &str) -> String {
    let parser = Parser::new_ext(text, Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES);
    let events = parser.map(|e| match e {
        Event::Html(h) | Event::InlineHtml(h) => Event::Text(h),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) if !safe_url(&dest_url) => Event::Start(Tag::Link {
            link_type,
            dest_url: CowStr::Borrowed("#"),
            title,
            id,
        }),
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) if !safe_url(&dest_url) => Event::Start(Tag::Image {
            link_type,
            dest_url: CowStr::Borrowed(""),
            title,
            id,
        }),
        e => e,
    });
    let mut out = String::with_capacity(text.len() * 3 / 2);
    html::push_html(&mut out, events);
    out
}

/// Renders Markdown to inline HTML: a single paragraph loses its `<p>` wrapper.
pub fn to_inline_html(text: &str) -> String {
    let html = to_html(text);
    let trimmed = html.trim_end();
    if let Some(inner) = trimmed
        .strip_prefix("<p>")
        .and_then(|s| s.strip_suffix("</p>"))
        && !inner.contains("<p>")
    {
        return inner.to_owned();
    }
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_is_text() {
        let h = to_html("<script>alert(1)</script> and <img src=x onerror=alert(1)>");
        assert!(!h.contains("<script"), "{h}");
        assert!(!h.contains("<img"), "{h}");
        assert!(h.contains("&lt;script&gt;"));
    }

    #[test]
    fn unsafe_links_are_neutralised() {
        let h = to_html("[x](javascript:alert(1)) [y](https://ok.example) [z](rel/path.html)");
        assert!(!h.contains("javascript:"), "{h}");
        assert!(h.contains("https://ok.example"));
        assert!(h.contains("rel/path.html"));
    }

    #[test]
    fn inline_strips_single_paragraph() {
        assert_eq!(to_inline_html("a **b**"), "a <strong>b</strong>");
    }
}
