//! Links in Markdown text: where each one is in its text, and where it points in the built
//! site. `check` reports links that point nowhere; rendering turns every link into a site
//! one into a URL relative to the page that shows it. One reading serves both, so what
//! `check` accepts is exactly what the site links to.
//!
//! A destination is one of:
//!
//! - external: it has a scheme (`https:`, `mailto:`, `tel:`...) other than `guide:`; left
//!   alone;
//! - a guide by id: `guide:<id>`, with an optional `#fragment` (`guide:sign-out#ios`);
//! - a fragment of the page it is on: `#ios`, `#web-3`;
//! - a path in the site: site-absolute (`/guides/x.html`, from the site's root, wherever the
//!   site is served) or relative to the guide's page (`x.html`, `../tags/tv.html`), with an
//!   optional `?query` and `#fragment`.

use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag};

/// The folder of the pages that show a guide's text (its page and checklist are both one
/// folder deep), against which relative links are read.
pub const GUIDE_FOLDER: &str = "guides/";

/// The scheme of links to a guide by id.
pub const GUIDE_SCHEME: &str = "guide:";

/// A link found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The destination as Markdown gives it.
    pub dest: String,
    /// Byte range in the text of the destination, or of the whole link when the destination
    /// is written elsewhere (a reference definition).
    pub range: Range<usize>,
    /// Whether it is an image (`![alt](src)`).
    pub image: bool,
}

/// Whether `text` could hold a link at all (most texts cannot, and skip the parser).
fn may_link(text: &str) -> bool {
    text.bytes().any(|b| b == b']' || b == b'<')
}

/// Every link and image in the Markdown `text`, in reading order.
pub fn find(text: &str) -> Vec<Found> {
    let mut out = Vec::new();
    if !may_link(text) {
        return out;
    }
    for (e, range) in Parser::new(text).into_offset_iter() {
        let (dest, image) = match e {
            Event::Start(Tag::Link { dest_url, .. }) => (dest_url, false),
            Event::Start(Tag::Image { dest_url, .. }) => (dest_url, true),
            _ => continue,
        };
        let written = &text[range.clone()];
        let range = match written.rfind(&*dest) {
            Some(i) if !dest.is_empty() => range.start + i..range.start + i + dest.len(),
            _ => range,
        };
        out.push(Found {
            dest: dest.into_string(),
            range,
            image,
        });
    }
    out
}

/// Where a destination points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dest<'d> {
    /// Outside the site (a URL with a scheme); left alone.
    External,
    /// A guide by id, `guide:<id>#fragment`.
    Guide {
        /// The id.
        id: &'d str,
        /// The fragment, without `#`.
        fragment: Option<&'d str>,
    },
    /// A fragment of the page the text is on.
    Here(&'d str),
    /// A file of the site.
    Site {
        /// Its path from the site's root (`guides/x.html`), `index.html` for a folder.
        path: String,
        /// `?query`, with its `?`, or empty.
        query: &'d str,
        /// The fragment, without `#`.
        fragment: Option<&'d str>,
    },
    /// A relative path that climbs out of the site (`../../x.html`).
    Outside,
}

/// Whether `url` starts with a URL scheme (`https:`), as RFC 3986 spells one.
fn scheme(url: &str) -> Option<&str> {
    let i = url.find(':')?;
    let s = &url[..i];
    let mut chars = s.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
    .then_some(s)
}

/// Splits `#fragment` off.
fn fragment(s: &str) -> (&str, Option<&str>) {
    match s.split_once('#') {
        Some((a, f)) => (a, Some(f)),
        None => (s, None),
    }
}

/// Reads a destination written in a guide's text.
pub fn classify(url: &str) -> Dest<'_> {
    let url = url.trim();
    if let Some(s) = scheme(url) {
        if !s.eq_ignore_ascii_case("guide") {
            return Dest::External;
        }
        let (id, fragment) = fragment(&url[s.len() + 1..]);
        return Dest::Guide {
            id: id.trim_matches('/'),
            fragment,
        };
    }
    if url.starts_with("//") {
        // Protocol-relative: another host.
        return Dest::External;
    }
    if let Some(f) = url.strip_prefix('#') {
        return Dest::Here(f);
    }
    let (rest, fragment) = fragment(url);
    let (path, query) = match rest.find('?') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, ""),
    };
    let joined = match path.strip_prefix('/') {
        Some(abs) => abs.to_owned(),
        None if path.is_empty() => return Dest::Here(fragment.unwrap_or("")),
        None => format!("{GUIDE_FOLDER}{path}"),
    };
    let mut parts: Vec<&str> = Vec::new();
    for part in joined.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    return Dest::Outside;
                }
            }
            p => parts.push(p),
        }
    }
    let mut path = parts.join("/");
    if joined.ends_with('/') || path.is_empty() {
        if !path.is_empty() {
            path.push('/');
        }
        path.push_str(crate::layout::INDEX);
    }
    Dest::Site {
        path,
        query,
        fragment,
    }
}

/// The URL a guide text's link gets on a page `root` below the site's root (`../` for
/// guide pages and checklists, `` for the terminal): site links become relative to that
/// page, guide ids become their page; everything else is kept as written.
pub fn href(url: &str, root: &str) -> Option<String> {
    let frag = |f: Option<&str>| f.map(|f| format!("#{f}")).unwrap_or_default();
    match classify(url) {
        Dest::Guide { id, fragment } => Some(format!(
            "{root}{}{}",
            crate::layout::guide_page(id),
            frag(fragment)
        )),
        Dest::Site {
            path,
            query,
            fragment,
        } => Some(format!("{root}{path}{query}{}", frag(fragment))),
        Dest::External | Dest::Here(_) | Dest::Outside => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_of_every_form_are_found_with_their_destination_span() {
        let t = "See [sign out](guide:sign-out#ios), <https://example.com>, ![shot](pic.png) and [ref][r].\n\n[r]: /tags/tv.html";
        let found = find(t);
        let dests: Vec<(&str, &str, bool)> = found
            .iter()
            .map(|f| (f.dest.as_str(), &t[f.range.clone()], f.image))
            .collect();
        assert_eq!(
            dests,
            [
                ("guide:sign-out#ios", "guide:sign-out#ios", false),
                ("https://example.com", "https://example.com", false),
                ("pic.png", "pic.png", true),
                ("/tags/tv.html", "[ref][r]", false),
            ]
        );
        assert!(find("No links [here] at all.").is_empty());
        assert!(find("Plain text.").is_empty());
    }

    #[test]
    fn destinations_are_read_against_the_guide_pages_folder() {
        assert_eq!(
            classify("guide:sign-out#web-2"),
            Dest::Guide {
                id: "sign-out",
                fragment: Some("web-2")
            }
        );
        for external in [
            "https://x.example",
            "mailto:a@b.c",
            "tel:+1555",
            "//cdn.example/x",
        ] {
            assert_eq!(classify(external), Dest::External, "{external}");
        }
        assert_eq!(classify("#ios"), Dest::Here("ios"));
        let site = |p: &str| match classify(p) {
            Dest::Site { path, .. } => path,
            other => panic!("{p}: {other:?}"),
        };
        assert_eq!(site("other.html"), "guides/other.html");
        assert_eq!(site("../tags/tv.html"), "tags/tv.html");
        assert_eq!(site("/search.html?q=sign"), "search.html");
        assert_eq!(site("/"), "index.html");
        assert_eq!(site("../"), "index.html");
        assert_eq!(site("./x.html#web"), "guides/x.html");
        assert_eq!(classify("../../x.html"), Dest::Outside);
    }

    #[test]
    fn hrefs_are_relative_to_the_page() {
        assert_eq!(
            href("guide:sign-out#ios", "../").as_deref(),
            Some("../guides/sign-out.html#ios")
        );
        assert_eq!(
            href("other.html", "../").as_deref(),
            Some("../guides/other.html")
        );
        assert_eq!(
            href("/search.html?q=tv", "../").as_deref(),
            Some("../search.html?q=tv")
        );
        assert_eq!(href("https://x.example", "../"), None);
        assert_eq!(href("#web", "../"), None);
    }
}
