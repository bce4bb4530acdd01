//! The page `stepwise serve` shows instead of the site while the guides have errors.

use std::path::Path;

use tera::{Context, Tera};

/// The built-in `error.html`.
pub(super) const BUILTIN: &str = include_str!("../../templates/error.html");

/// The page `serve` shows while the guides have errors: the full `report` and one line per
/// finding. A broken `error.html` override falls back to the built-in page, since this page
/// is how template errors are shown.
pub fn error_page(overrides: Option<&Path>, report: &str, findings: &[&str]) -> String {
    const NAME: &str = "error.html";
    let render = |text: &str| -> Result<String, tera::Error> {
        let mut tera = Tera::new();
        tera.add_raw_template(NAME, text)?;
        let mut ctx = Context::new();
        ctx.insert("report", report);
        ctx.insert("findings", findings);
        tera.render(NAME, &ctx)
    };
    let custom = overrides
        .map(|d| d.join(NAME))
        .and_then(|p| std::fs::read_to_string(p).ok())
        .and_then(|text| render(&text).ok());
    custom
        .or_else(|| render(BUILTIN).ok())
        .unwrap_or_else(|| super::escape::html(report))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_page_lists_the_findings_escaped() {
        let page = error_page(None, "a <b> report", &["g.yaml:1:2: error[x]: <bad>"]);
        assert!(page.starts_with("<!DOCTYPE html>"), "{page}");
        assert!(page.contains("<li><code>g.yaml:1:2: error[x]: &lt;bad&gt;</code></li>\n</ul>"));
        assert!(page.contains("<pre>a &lt;b&gt; report</pre>"));
    }

    #[test]
    fn an_override_is_used_and_a_broken_one_falls_back() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("error.html"), "Broken: {{ report }}").unwrap();
        assert_eq!(
            error_page(Some(dir.path()), "x & y", &[]),
            "Broken: x &amp; y"
        );
        std::fs::write(dir.path().join("error.html"), "{% if %}").unwrap();
        let page = error_page(Some(dir.path()), "x", &[]);
        assert!(page.contains("<h1>The guides have errors</h1>"), "{page}");
    }
}
