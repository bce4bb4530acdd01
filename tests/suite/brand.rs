//! Brand and site furniture from `site.yaml` (logo, favicon, accent, links, contact,
//! feedback) and the static folder copied into the site.

use std::path::Path;

use crate::harness::GuideTest;
use stepwise::build::{BuildError, BuildOptions, BuildStats, StaticError, build_with};

const BRAND: &str = r##"
logo: brand/logo.svg
favicon: brand/icon.png
accent: "#c8102e"
header_links:
  - {title: Status, url: "https://status.acme.example"}
footer_links:
  - {title: Privacy, url: "https://acme.example/privacy"}
  - {title: Terms, url: terms.html}
contact: mailto:help@acme.example
feedback:
  endpoint: https://feedback.acme.example:8443/guides?site=help
  question: Did this answer your question?
"##;

const LOGO: &str = r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><rect width="8" height="8"/></svg>"#;

/// The full fixture with `extra` appended to its site file, a logo and a favicon.
fn branded(extra: &str) -> GuideTest {
    let t = GuideTest::from_fixture("build/full");
    let site = t.read("guides/site.yaml");
    t.write("guides/site.yaml", format!("{site}{extra}"));
    t.write("guides/brand/logo.svg", LOGO);
    t.write(
        "guides/brand/icon.png",
        b"\x89PNG\r\n\x1a\n not really a png",
    );
    t
}

fn opts(t: &GuideTest) -> BuildOptions {
    BuildOptions {
        guides: t.guides(),
        output: t.path("output"),
        templates: None,
        static_dir: None,
    }
}

fn build(t: &GuideTest) -> BuildStats {
    let (built, stats) = build_with(&opts(t), false).unwrap();
    let errors: Vec<_> = built
        .report
        .diagnostics
        .iter()
        .filter(|d| d.severity == stepwise::diag::Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    stats
}

fn page(out: &Path, path: &str) -> String {
    std::fs::read_to_string(out.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The value of the page's Content-Security-Policy meta tag.
fn csp(html: &str) -> &str {
    let start = html
        .find("http-equiv=\"Content-Security-Policy\" content=\"")
        .expect("a CSP meta tag")
        + "http-equiv=\"Content-Security-Policy\" content=\"".len();
    &html[start..start + html[start..].find('"').unwrap()]
}

#[test]
fn brand_settings_reach_every_page() {
    let t = branded(BRAND);
    build(&t);
    let out = t.path("output");
    let logo = format!(
        "media/{:016x}.svg",
        fnv1a(LOGO.as_bytes()) // named by its bytes
    );
    assert_eq!(page(&out, &logo), LOGO);
    for (path, root) in [
        ("index.html", ""),
        ("guides/sign-out-everywhere.html", "../"),
        ("checklists/sign-out-everywhere.html", "../"),
        ("search.html", ""),
    ] {
        let html = page(&out, path);
        assert!(
            html.contains(&format!(
                "<a class=\"site-title\" href=\"{root}index.html\"><img class=\"site-logo\" src=\"{root}{logo}\" alt=\"\">Acme Help</a>"
            )),
            "{path}: no logo"
        );
        assert!(
            html.contains(&format!("<link rel=\"icon\" href=\"{root}media/")),
            "{path}"
        );
        assert!(
            html.contains(&format!(
                "<link rel=\"stylesheet\" href=\"{root}assets/brand.css\">"
            )),
            "{path}"
        );
        assert!(
            html.contains("<nav class=\"header-links\" aria-label=\"Site links\"><ul><li><a href=\"https://status.acme.example\">Status</a></li></ul></nav>"),
            "{path}"
        );
        assert!(
            html.contains(&format!("<li><a href=\"https://acme.example/privacy\">Privacy</a></li><li><a href=\"{root}terms.html\">Terms</a></li>")),
            "{path}: footer links"
        );
        assert_eq!(
            csp(&html),
            "default-src 'self'; img-src 'self' data:; connect-src 'self' https://feedback.acme.example:8443; form-action 'self' https://feedback.acme.example:8443",
            "{path}"
        );
    }
    let css = page(&out, "assets/brand.css");
    assert!(css.contains(":root { --accent: #c8102e;"), "{css}");
    assert!(css.contains("@media (prefers-color-scheme: dark)"), "{css}");
    let guide = page(&out, "guides/sign-out-everywhere.html");
    assert!(guide.contains("<form class=\"feedback-form\" action=\"https://feedback.acme.example:8443/guides?site=help\" method=\"post\" data-guide=\"sign-out-everywhere\" data-thanks=\"Thank you for your feedback.\">"), "{guide}");
    assert!(guide.contains("<h2 id=\"feedback-q\">Did this answer your question?</h2>"));
    assert!(guide.contains("<input type=\"hidden\" name=\"url\" value=\"https://help.acme.example/guides/sign-out-everywhere.html\">"));
    assert!(guide.contains("<h2 id=\"contact-heading\">Still need help?</h2>"));
    assert!(guide.contains(
        "<a class=\"contact-link\" href=\"mailto:help@acme.example\">Contact support</a>"
    ));
    // Only guide pages ask for feedback and offer contact.
    let home = page(&out, "index.html");
    assert!(!home.contains("feedback-form") && !home.contains("Still need help?"));
}

#[test]
fn without_brand_settings_pages_have_none_of_it() {
    let t = GuideTest::from_fixture("build/full");
    build(&t);
    let out = t.path("output");
    let guide = page(&out, "guides/sign-out-everywhere.html");
    assert_eq!(csp(&guide), "default-src 'self'; img-src 'self' data:");
    for absent in [
        "feedback",
        "Still need help?",
        "site-logo",
        "rel=\"icon\"",
        "brand.css",
        "header-links",
        "footer-links",
    ] {
        assert!(!guide.contains(absent), "{absent}");
    }
    assert!(!out.join("assets/brand.css").exists());
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[test]
fn a_logo_change_renames_its_copy_on_every_page() {
    let t = branded(BRAND);
    build(&t);
    let out = t.path("output");
    let new_logo = LOGO.replace("width=\"8\"", "width=\"7\"");
    t.write("guides/brand/logo.svg", &new_logo);
    build(&t);
    let name = format!("media/{:016x}.svg", fnv1a(new_logo.as_bytes()));
    assert!(page(&out, "guides/change-password.html").contains(&name));
    assert!(
        !out.join(format!("media/{:016x}.svg", fnv1a(LOGO.as_bytes())))
            .exists()
    );
}

#[test]
fn brand_mistakes_are_diagnostics_at_their_line() {
    let t = branded(
        "header_links:\n  - {title: Home, url: \"javascript:alert(1)\"}\n  - {url: https://a.example}\ncontact: ftp://files.example\nfeedback: {endpoint: /feedback, thanks: Thanks}\naccent: #c8102e\n",
    );
    let report = t.check();
    let found: Vec<String> = report
        .diagnostics
        .iter()
        .filter(|d| {
            report
                .project
                .sources
                .get(d.span.file)
                .path
                .ends_with("site.yaml")
        })
        .map(|d| {
            format!(
                "{}:{}: {}: {}",
                d.span.start.line,
                d.span.start.col,
                d.code.id(),
                d.message
            )
        })
        .collect();
    let expected = [
        "10:24: invalid-value: `url` must be an http(s) URL, a `mailto:` address or a path inside the site, found `javascript:alert(1)`",
        "11:6: missing-field: this link has no `title`",
        "12:10: invalid-value: `contact` must be an http(s) URL, a `mailto:` address or a path inside the site, found `ftp://files.example`",
        "13:22: invalid-value: `endpoint` must be an absolute http(s) URL, found `/feedback`",
        "14:7: missing-field: `accent` is empty",
    ];
    assert_eq!(found, expected);
    let empty_accent = report
        .diagnostics
        .iter()
        .find(|d| d.message == "`accent` is empty")
        .unwrap();
    assert!(
        empty_accent
            .help
            .as_deref()
            .unwrap_or("")
            .contains("quote the colour"),
        "{empty_accent:?}"
    );
}

#[test]
fn a_failing_accent_gets_its_ratio_and_a_passing_colour() {
    let t = branded("accent: \"#ff9900\"\n");
    let report = t.check();
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.code.id() == "accent-contrast")
        .expect("an accent-contrast finding");
    assert!(
        d.message.contains(
            "`#ff9900` has a contrast of 2.14:1 with the light page background `#ffffff`"
        ),
        "{}",
        d.message
    );
    let help = d.help.as_deref().unwrap();
    let fix = help
        .split('`')
        .nth(1)
        .and_then(stepwise::model::Rgb::parse)
        .expect("a colour in the help");
    assert!(
        fix.contrast(stepwise::model::Accent::LIGHT_BG) >= 4.5,
        "{help}"
    );
    // The fix passes: building with it gives no finding.
    let t = branded(&format!("accent: \"{}\"\n", fix.hex()));
    assert!(
        !t.check()
            .diagnostics
            .iter()
            .any(|d| d.code.id() == "accent-contrast")
    );
}

#[test]
fn the_static_folder_is_copied_and_kept_across_rebuilds() {
    let t = branded("");
    t.write("static/robots.txt", "User-agent: *\nAllow: /\n");
    t.write("static/CNAME", "help.acme.example\n");
    t.write(
        "static/.well-known/security.txt",
        "Contact: mailto:security@acme.example\n",
    );
    t.write("static/img/banner.png", b"png bytes");
    let first = build(&t);
    let out = t.path("output");
    assert_eq!(page(&out, "robots.txt"), "User-agent: *\nAllow: /\n");
    assert_eq!(page(&out, "CNAME"), "help.acme.example\n");
    assert!(out.join(".well-known/security.txt").is_file());
    assert_eq!(
        std::fs::read(out.join("img/banner.png")).unwrap(),
        b"png bytes"
    );
    // Nothing changed: nothing written, nothing removed.
    let again = build(&t);
    assert_eq!(
        (again.written, again.removed, again.files),
        (0, 0, first.files)
    );
    assert!(out.join("robots.txt").is_file());
    // A changed static file is rewritten; a removed one leaves the site; a file nobody
    // generated is still removed as stale.
    t.write("static/robots.txt", "User-agent: *\nDisallow: /drafts/\n");
    std::fs::remove_file(t.path("static/CNAME")).unwrap();
    std::fs::write(out.join("stray.html"), "left over").unwrap();
    let third = build(&t);
    assert_eq!(
        page(&out, "robots.txt"),
        "User-agent: *\nDisallow: /drafts/\n"
    );
    assert!(!out.join("CNAME").exists());
    assert!(!out.join("stray.html").exists());
    assert_eq!(third.removed, 2, "{third:?}");
    assert!(out.join("img/banner.png").is_file());
}

#[test]
fn a_static_file_may_not_replace_a_generated_one() {
    for (path, clash) in [
        ("index.html", "index.html"),
        ("assets/stepwise.css", "assets/stepwise.css"),
        ("guides/change-password.html", "guides/change-password.html"),
        (".stepwise-output", ".stepwise-output"),
        ("sitemap.xml/x", "sitemap.xml"),
        ("assets", "assets/"),
    ] {
        let t = branded("");
        t.write(&format!("static/{path}"), "mine");
        let err = build_with(&opts(&t), false).expect_err("a collision");
        match &err {
            BuildError::Static(StaticError::Collision { path: p, .. }) => assert_eq!(p, clash),
            other => panic!("{path}: {other}"),
        }
        let msg = err.to_string();
        assert!(
            msg.contains(&format!("would replace the generated `{clash}`")),
            "{msg}"
        );
        assert!(msg.contains("nothing was written"), "{msg}");
        assert!(!t.path("output").exists(), "{path}: something was written");
    }
}

#[test]
fn the_static_option_names_another_folder() {
    let t = branded("");
    t.write("public/robots.txt", "User-agent: *\n");
    t.write("static/robots.txt", "not this one\n");
    let run = t.run(&[
        "build", "guides", "-o", "site", "--static", "public", "--color", "never",
    ]);
    run.code(0);
    assert_eq!(t.read("site/robots.txt"), "User-agent: *\n");
    // A collision is a failure to build (exit 2), with the two paths named.
    t.write("public/404.html", "mine");
    let run = t.run(&[
        "build", "guides", "-o", "site2", "--static", "public", "--color", "never",
    ]);
    run.code(2)
        .stderr_contains("404.html` would replace the generated `404.html`");
    assert!(!t.path("site2").exists());
}

#[test]
fn unknown_fields_in_brand_settings_are_reported_with_a_suggestion() {
    let t = branded(
        "feedback: {endpoint: \"https://f.example/\", thank: Thanks}\naccent: {light: \"#0b5cad\", drak: \"#7cb8ff\"}\nfooter_links:\n  - {title: Terms, href: terms.html}\n",
    );
    let report = t.check();
    let found: Vec<String> = report
        .diagnostics
        .iter()
        .filter(|d| d.code.id() == "unknown-field")
        .map(|d| {
            format!(
                "{}:{}: {} ({})",
                d.span.start.line,
                d.span.start.col,
                d.message,
                d.help.as_deref().unwrap_or("")
            )
        })
        .collect();
    assert_eq!(found.len(), 3, "{found:#?}");
    assert!(
        found[0].starts_with("9:44: unknown field `thank` in feedback setting"),
        "{found:#?}"
    );
    assert!(found[0].contains("thanks"), "{found:#?}");
    assert!(
        found[1].starts_with("10:28: unknown field `drak` in accent"),
        "{found:#?}"
    );
    assert!(found[1].contains("dark"), "{found:#?}");
    assert!(
        found[2].starts_with("12:20: unknown field `href` in link"),
        "{found:#?}"
    );
}
