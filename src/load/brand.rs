//! The brand and furniture fields of `site.yaml`: `logo`, `favicon`, `accent`,
//! `header_links`, `footer_links`, `contact` and `feedback`. Shapes and URLs are checked
//! here; whether the files exist and the accent's contrast are checked by `check`.

use super::decode::Ctx;
use super::yaml::{Node, Value};
use crate::diag::{Code, Diagnostic};
use crate::model::{Accent, Brand, Feedback, Rgb, SiteLink};
use crate::source::Spanned;

/// The brand fields of `site.yaml`, in the order they are read.
pub(super) const FIELDS: [&str; 7] = [
    "logo",
    "favicon",
    "accent",
    "header_links",
    "footer_links",
    "contact",
    "feedback",
];
/// The fields of `accent` written as a mapping.
pub(super) const ACCENT_FIELDS: &[&str] = &["light", "dark"];
/// The fields of a header or footer link.
pub(super) const LINK_FIELDS: &[&str] = &["title", "url"];
/// The fields of `feedback`.
pub(super) const FEEDBACK_FIELDS: &[&str] = &["endpoint", "question", "thanks"];

/// The question asked when `feedback` does not set one.
pub(super) const DEFAULT_QUESTION: &str = "Was this guide helpful?";
/// The thank-you message when `feedback` does not set one.
pub(super) const DEFAULT_THANKS: &str = "Thank you for your feedback.";

/// Reads one of the brand fields ([`FIELDS`]) into `brand`.
pub(super) fn field(ctx: &mut Ctx<'_>, key: &str, node: &Node, brand: &mut Brand) {
    match key {
        "logo" => brand.logo = file(ctx, node, "logo", "img/logo.svg"),
        "favicon" => brand.favicon = file(ctx, node, "favicon", "img/favicon.png"),
        "accent" => brand.accent = accent(ctx, node),
        "header_links" => brand.header_links = links(ctx, node, "header_links"),
        "footer_links" => brand.footer_links = links(ctx, node, "footer_links"),
        "contact" => {
            brand.contact = ctx
                .text(node, "`contact`")
                .and_then(|u| url(ctx, u, "contact", "https://example.com/contact"));
        }
        "feedback" => brand.feedback = feedback(ctx, node),
        _ => debug_assert!(false, "`{key}` is not a brand field"),
    }
}

/// A file path relative to the guides folder.
fn file(ctx: &mut Ctx<'_>, node: &Node, key: &str, example: &str) -> Option<Spanned<String>> {
    let path = ctx.text(node, &format!("`{key}`"))?;
    let p = std::path::Path::new(&path.value);
    let escapes = p.is_absolute()
        || path.value.contains('\\')
        || p.components().any(|c| {
            !matches!(
                c,
                std::path::Component::Normal(_) | std::path::Component::CurDir
            )
        });
    if escapes {
        ctx.push(
            Diagnostic::new(
                Code::InvalidValue,
                path.span,
                format!("`{key}` must be a path inside the guides folder, found `{}`", path.value),
            )
            .help(format!("put the file in the guides folder and write its path relative to it, e.g. `{key}: {example}`")),
        );
        return None;
    }
    Some(path)
}

/// One colour of `accent`.
fn colour(ctx: &mut Ctx<'_>, node: &Node, what: &str) -> Option<Spanned<Rgb>> {
    if node.is_null() {
        ctx.push(
            Diagnostic::new(Code::MissingField, node.span, format!("{what} is empty"))
                .help("quote the colour: `accent: \"#0b5cad\"` (YAML reads an unquoted `#` as the start of a comment)"),
        );
        return None;
    }
    let text = ctx.text(node, what)?;
    match Rgb::parse(&text.value) {
        Some(c) => Some(Spanned::new(c, text.span)),
        None => {
            ctx.push(
                Diagnostic::new(
                    Code::InvalidValue,
                    text.span,
                    format!("{what} must be a hex colour, found `{}`", text.value),
                )
                .help("write it as `\"#rrggbb\"` or `\"#rgb\"`, in quotes, e.g. `accent: \"#0b5cad\"`"),
            );
            None
        }
    }
}

/// `accent: "#0b5cad"` or `accent: {light: "#0b5cad", dark: "#7cb8ff"}`.
fn accent(ctx: &mut Ctx<'_>, node: &Node) -> Option<Accent> {
    if let Value::Map(_) = node.value {
        let f = ctx.map(
            node,
            "accent",
            ACCENT_FIELDS,
            "`{light: \"#0b5cad\", dark: \"#7cb8ff\"}`",
        )?;
        let light = f
            .get("light")
            .and_then(|n| colour(ctx, n, "`accent.light`"));
        let dark = f.get("dark").and_then(|n| colour(ctx, n, "`accent.dark`"));
        if light.is_none() && dark.is_none() {
            return None;
        }
        return Some(Accent { light, dark });
    }
    let light = colour(ctx, node, "`accent`")?;
    Some(Accent {
        light: Some(light),
        dark: None,
    })
}

/// A link target: absolute http(s), `mailto:`, or a path inside the site (no other scheme).
fn url(ctx: &mut Ctx<'_>, u: Spanned<String>, what: &str, example: &str) -> Option<String> {
    let v = u.value.trim();
    let scheme = v.split_once(':').map(|(s, _)| s).filter(|s| {
        s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    });
    let ok = match scheme {
        Some(s) => {
            let s = s.to_ascii_lowercase();
            (s == "http" || s == "https") && v.contains("://") || s == "mailto" && v.len() > 7
        }
        None => !v.starts_with("//") && !v.chars().any(char::is_whitespace),
    };
    if ok {
        return Some(v.to_owned());
    }
    ctx.push(
        Diagnostic::new(
            Code::InvalidValue,
            u.span,
            format!("`{what}` must be an http(s) URL, a `mailto:` address or a path inside the site, found `{v}`"),
        )
        .help(format!("write it as `{example}`, `mailto:help@example.com` or `privacy.html`")),
    );
    None
}

/// `header_links` / `footer_links`: a list of `{title, url}`.
fn links(ctx: &mut Ctx<'_>, node: &Node, key: &str) -> Vec<SiteLink> {
    let mut out = Vec::new();
    for item in ctx.list(node, &format!("`{key}`")) {
        let Some(f) = ctx.map(
            item,
            "link",
            LINK_FIELDS,
            "`{title: Privacy, url: https://example.com/privacy}`",
        ) else {
            continue;
        };
        let title = f
            .required(ctx, "title", "Privacy")
            .and_then(|n| ctx.text(n, "`title`"));
        let target = f
            .required(ctx, "url", "https://example.com/privacy")
            .and_then(|n| ctx.text(n, "`url`"))
            .and_then(|u| url(ctx, u, "url", "https://example.com/privacy"));
        if let (Some(title), Some(url)) = (title, target) {
            out.push(SiteLink {
                title: title.value,
                url,
            });
        }
    }
    out
}

/// The origin of an absolute http(s) URL (`https://host:port`), if it has one that can be
/// written into a Content-Security-Policy as it is.
fn origin(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "http" && scheme != "https" {
        return None;
    }
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let ok = !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-.:[]".contains(c));
    ok.then(|| format!("{scheme}://{}", host.to_ascii_lowercase()))
}

/// `feedback: {endpoint, question?, thanks?}`.
fn feedback(ctx: &mut Ctx<'_>, node: &Node) -> Option<Feedback> {
    let f = ctx.map(
        node,
        "feedback setting",
        FEEDBACK_FIELDS,
        "`{endpoint: https://feedback.example.com/guides}`",
    )?;
    let endpoint = f
        .required(ctx, "endpoint", "https://feedback.example.com/guides")
        .and_then(|n| ctx.text(n, "`endpoint`"));
    let question = f.get("question").and_then(|n| ctx.text(n, "`question`"));
    let thanks = f.get("thanks").and_then(|n| ctx.text(n, "`thanks`"));
    let endpoint = endpoint?;
    let Some(origin) = origin(endpoint.value.trim()) else {
        ctx.push(
            Diagnostic::new(
                Code::InvalidValue,
                endpoint.span,
                format!(
                    "`endpoint` must be an absolute http(s) URL, found `{}`",
                    endpoint.value
                ),
            )
            .help("write the full URL that receives the answers, e.g. `endpoint: https://feedback.example.com/guides`"),
        );
        return None;
    };
    Some(Feedback {
        endpoint: endpoint.value.trim().to_owned(),
        origin,
        question: question.map_or_else(|| DEFAULT_QUESTION.to_owned(), |q| q.value),
        thanks: thanks.map_or_else(|| DEFAULT_THANKS.to_owned(), |t| t.value),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_are_scheme_host_and_port() {
        assert_eq!(
            origin("https://Feedback.example.com:8443/a?b").as_deref(),
            Some("https://feedback.example.com:8443")
        );
        assert_eq!(
            origin("http://127.0.0.1:9/x").as_deref(),
            Some("http://127.0.0.1:9")
        );
        assert_eq!(origin("ftp://example.com/"), None);
        assert_eq!(origin("https://exa mple.com/"), None);
        assert_eq!(origin("https://a.com;script-src *"), None);
    }
}
