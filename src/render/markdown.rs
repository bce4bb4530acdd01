//! Markdown in text fields, rendered with pulldown-cmark. Raw HTML is never passed
//! through: it is shown as text. Links and images keep only safe URL schemes.

use pulldown_cmark::{CodeBlockKind, CowStr, Event, Options, Parser, Tag, TagEnd, html};

fn safe_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    match lower.find(':') {
        // No scheme (relative) or a colon after a path/query/fragment start.
        None => true,
        Some(i) if lower[..i].contains(['/', '?', '#']) => true,
        Some(i) => matches!(&lower[..i], "http" | "https" | "mailto"),
    }
}

/// True for text that Markdown would render as itself: one paragraph of words and ordinary
/// punctuation, nothing that could start a list, a heading, emphasis, a link, code or an
/// entity. Most fields of a guide are like that, and skip the parser.
fn is_plain(text: &str) -> bool {
    let first_ok = text
        .chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '“' || c == '(');
    first_ok
        && !text.ends_with(char::is_whitespace)
        && !text.contains("  ")
        && text.chars().all(|c| {
            c.is_alphanumeric()
                || matches!(
                    c,
                    ' ' | ','
                        | '.'
                        | ';'
                        | ':'
                        | '?'
                        | '\''
                        | '('
                        | ')'
                        | '/'
                        | '%'
                        | '@'
                        | '$'
                        | '-'
                        | '+'
                        | '='
                        | '–'
                        | '—'
                        | '“'
                        | '”'
                        | '‘'
                        | '’'
                        | '…'
                )
        })
}

/// Renders Markdown to HTML (block level).
pub fn to_html(text: &str) -> String {
    render(text, None)
}

/// Renders a guide's Markdown text to HTML (block level) for its page or checklist: links
/// into the site (`guide:<id>`, `/tags/tv.html`, `other.html`) become relative to those
/// pages (see [`crate::links`]).
pub fn guide_html(text: &str) -> String {
    render(text, Some(GUIDE_ROOT))
}

/// [`guide_html`] for inline text: a single paragraph loses its `<p>` wrapper.
pub fn guide_inline_html(text: &str) -> String {
    inline(text, Some(GUIDE_ROOT))
}

/// The way from a guide's page (and checklist) to the site's root.
const GUIDE_ROOT: &str = "../";

fn render(text: &str, root: Option<&str>) -> String {
    if is_plain(text) {
        return format!("<p>{}</p>\n", super::escape::html_text(text));
    }
    let parser = Parser::new_ext(text, Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES);
    let events = parser.map(|e| match e {
        Event::Html(h) | Event::InlineHtml(h) => Event::Text(h),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) if root.is_some() && !dest_url.starts_with('#') => {
            let dest_url = match root.and_then(|r| crate::links::href(&dest_url, r)) {
                Some(url) => CowStr::from(url),
                None if safe_url(&dest_url) => dest_url,
                None => CowStr::Borrowed("#"),
            };
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            })
        }
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
    html::push_html(&mut out, CodeBlocks { inner: events });
    out
}

/// Replaces fenced code blocks by highlighted HTML. Runs after raw HTML was turned into
/// text, so the only HTML events left are the ones made here.
struct CodeBlocks<I> {
    inner: I,
}

impl<'a, I: Iterator<Item = Event<'a>>> Iterator for CodeBlocks<I> {
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
        let event = self.inner.next()?;
        let Event::Start(Tag::CodeBlock(kind)) = event else {
            return Some(event);
        };
        let lang = match &kind {
            CodeBlockKind::Fenced(info) => info.split_whitespace().next().unwrap_or("").to_owned(),
            CodeBlockKind::Indented => String::new(),
        };
        let mut code = String::new();
        for e in self.inner.by_ref() {
            match e {
                Event::End(TagEnd::CodeBlock) => break,
                Event::Text(t) => code.push_str(&t),
                _ => {}
            }
        }
        let lang_class = if lang.is_empty() {
            String::new()
        } else {
            format!(" class=\"language-{}\"", super::escape::html(&lang))
        };
        Some(Event::Html(CowStr::from(format!(
            "<pre class=\"code\"><code{lang_class}>{}</code></pre>\n",
            super::highlight::highlight(&code, &lang)
        ))))
    }
}

/// The text of Markdown without its markup (`**Devices**` -> `Devices`).
pub fn to_plain(text: &str) -> String {
    if is_plain(text) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    for e in Parser::new(text) {
        match e {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                out.push_str(&t)
            }
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(TagEnd::Paragraph) => out.push(' '),
            _ => {}
        }
    }
    out.trim_end().to_owned()
}

/// Renders Markdown to inline HTML: a single paragraph loses its `<p>` wrapper.
pub fn to_inline_html(text: &str) -> String {
    inline(text, None)
}

fn inline(text: &str, root: Option<&str>) -> String {
    if is_plain(text) {
        return super::escape::html_text(text);
    }
    let html = render(text, root);
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
    fn fenced_code_is_highlighted_and_escaped() {
        let h = to_html("```html\n<script>alert(1)</script>\n```\n");
        assert!(
            h.contains("<pre class=\"code\"><code class=\"language-html\">"),
            "{h}"
        );
        assert!(!h.contains("<script"), "{h}");
        assert!(h.contains("hl-"), "{h}");
    }

    #[test]
    fn the_plain_text_fast_path_matches_the_parser() {
        let samples = [
            "Sign out of Netflix everywhere at once, from a computer or from the mobile app.",
            "Netflix asks you to confirm; the Log out button closes every session.",
            "It can take up to 8 hours (sometimes less) for 100% of devices.",
            "“Quoted” text — with dashes – and apostrophes’ and a/b paths: fine?",
        ];
        for s in samples {
            assert!(is_plain(s), "{s}");
            let parsed = {
                let mut out = String::new();
                html::push_html(&mut out, Parser::new(s));
                out
            };
            assert_eq!(to_html(s), parsed, "{s}");
        }
        for s in [
            "1. a list",
            "- item",
            "a *b*",
            "a & b",
            "# h",
            "a  b",
            "x\ny",
            "[l](u)",
        ] {
            assert!(!is_plain(s), "{s}");
        }
    }

    #[test]
    fn guide_text_links_become_relative_to_the_guide_pages() {
        let h = guide_inline_html(
            "See [x](guide:sign-out#ios), [t](../tags/tv.html), [o](other.html), [a](/search.html?q=tv), [h](#web-2), [e](https://ok.example) and [j](javascript:alert(1))",
        );
        for href in [
            "href=\"../guides/sign-out.html#ios\"",
            "href=\"../tags/tv.html\"",
            "href=\"../guides/other.html\"",
            "href=\"../search.html?q=tv\"",
            "href=\"#web-2\"",
            "href=\"https://ok.example\"",
            "href=\"#\"",
        ] {
            assert!(h.contains(href), "{href} in {h}");
        }
        assert!(!h.contains("javascript"), "{h}");
    }

    #[test]
    fn inline_strips_single_paragraph() {
        assert_eq!(to_inline_html("a **b**"), "a <strong>b</strong>");
    }
}
