//! Translated guides: the parity check against their source, `stepwise translations` and
//! `--mark-current`, labels per language, and the site's tree per language.

use std::path::Path;

use crate::harness::{GuideTest, assert_equals_fresh, read_tree};

const SITE: &str = "base_url: https://help.example.com/\nlanguages: [en, fr]\nplatforms:\n  web:\n";

const PRODUCT: &str = "name: Demo
glossary:
  settings:
    role: screen
    label: Settings
    translations:
      fr: {label: Réglages}
  privacy:
    role: section
    label: Privacy
    translations:
      fr: {label: Confidentialité}
  sign-out:
    role: button
    label: Sign out of all devices
    translations:
      fr: {label: Se déconnecter de tous les appareils}
";

const GUIDE: &str = "title: How to sign out of all devices
summary: Sign out of Demo everywhere at once.
steps:
  web:
    - open: settings
      id: settings
    - click: sign-out
      id: sign-out
      result: You are signed out everywhere.
";

/// The translation as its author writes it: comments, blank lines, a folded text.
const FRENCH: &str = "# Traduction de sign-out.yaml.
title: Se déconnecter de tous les appareils   # le titre de l'article

summary: >-
  Déconnectez-vous de Demo
  partout à la fois.
steps:
  web:
    sign-out:
      result: Vous êtes déconnecté partout.
";

/// A two-language site with one guide and its French translation, marked current.
fn site() -> GuideTest {
    let t = GuideTest::new()
        .file("site.yaml", SITE)
        .file("demo/product.yaml", PRODUCT)
        .file("demo/sign-out.yaml", GUIDE)
        .file("demo/sign-out.fr.yaml", FRENCH);
    t.run(&["translations", "guides", "--mark-current"])
        .code(0)
        .stdout_contains("marked current: guides/demo/sign-out.fr.yaml");
    // (The glossary's `privacy` is used only once a test adds a step.)
    t.run(&["check", "guides"]).code(0).stdout_lacks("translat");
    t
}

/// The `stale-translation` findings of a check, as messages.
fn stale(t: &GuideTest) -> Vec<String> {
    t.check()
        .diagnostics
        .into_iter()
        .filter(|d| d.code.id() == "stale-translation")
        .map(|d| d.message)
        .collect()
}

#[test]
fn mark_current_rewrites_only_the_fingerprint_lines() {
    let t = site();
    let after = t.read("guides/demo/sign-out.fr.yaml");
    let lines: Vec<&str> = after.lines().collect();
    assert_eq!(lines[0], "# Traduction de sign-out.yaml.");
    assert_eq!(lines[1], "source:");
    assert!(lines[2].starts_with("  fields: {title: "), "{after}");
    assert!(lines[3].starts_with("  web: {settings: "), "{after}");
    // Everything after the fingerprint is the author's text, byte for byte.
    let rest: String = after.lines().skip(4).map(|l| format!("{l}\n")).collect();
    assert_eq!(
        rest,
        FRENCH
            .lines()
            .skip(1)
            .map(|l| format!("{l}\n"))
            .collect::<String>()
    );
    // Marking again changes nothing.
    t.run(&[
        "translations",
        "guides",
        "--mark-current",
        "guides/demo/sign-out.fr.yaml",
    ])
    .code(0)
    .stdout_contains("already current");
    assert_eq!(t.read("guides/demo/sign-out.fr.yaml"), after);
}

#[test]
fn a_step_added_to_the_source_makes_the_translation_stale_until_marked() {
    let t = site();
    t.write(
        "guides/demo/sign-out.yaml",
        GUIDE.replace(
            "    - click: sign-out\n",
            "    - scroll-to: privacy\n      id: privacy\n    - click: sign-out\n",
        ),
    );
    assert_eq!(
        stale(&t),
        ["the source guide changed since this translation: step `privacy` was added on web"]
    );
    t.run(&["check", "guides"])
        .code(0)
        .stdout_contains("warning[stale-translation]")
        .stdout_contains("guides/demo/sign-out.fr.yaml:2:1");
    t.run(&["translations", "guides"])
        .code(1)
        .stdout_contains("demo/sign-out  stale: step `privacy` was added on web");
    t.run(&[
        "translations",
        "guides",
        "--mark-current",
        "guides/demo/sign-out.fr.yaml",
    ])
    .code(0);
    assert!(stale(&t).is_empty());
    t.run(&["translations", "guides"])
        .code(0)
        .stdout_contains("demo/sign-out  current");
}

#[test]
fn a_text_change_and_a_reorder_in_the_source_are_named() {
    let t = site();
    t.write(
        "guides/demo/sign-out.yaml",
        GUIDE.replace("everywhere at once.", "on every device at once."),
    );
    assert_eq!(
        stale(&t),
        ["the source guide changed since this translation: `summary` changed"]
    );
    let reordered = "title: How to sign out of all devices
summary: Sign out of Demo everywhere at once.
steps:
  web:
    - click: sign-out
      id: sign-out
      result: You are signed out everywhere.
    - open: settings
      id: settings
";
    t.write("guides/demo/sign-out.yaml", reordered);
    assert_eq!(
        stale(&t),
        ["the source guide changed since this translation: the web steps were reordered"]
    );
    let changed = GUIDE.replace("signed out everywhere", "signed out on every device");
    t.write("guides/demo/sign-out.yaml", changed);
    assert_eq!(
        stale(&t),
        ["the source guide changed since this translation: step `sign-out` changed on web"]
    );
}

#[test]
fn a_missing_field_and_a_step_the_source_lacks_are_reported() {
    let t = site();
    t.write(
        "guides/demo/sign-out.fr.yaml",
        "title: Se déconnecter\nsummary: Déconnectez-vous.\nsteps:\n  web:\n    gone: {detail: Plus là.}\n",
    );
    let report = t.check();
    let messages: Vec<(String, String)> = report
        .diagnostics
        .iter()
        .map(|d| (d.code.id().to_owned(), d.message.clone()))
        .collect();
    assert!(
        messages.contains(&(
            "untranslated-field".into(),
            "step `sign-out` on web is not translated: `result`".into()
        )),
        "{messages:#?}"
    );
    assert!(
        messages.contains(&(
            "stale-translation".into(),
            "the source guide has no step `gone` in its own web steps".into()
        )),
        "{messages:#?}"
    );
}

#[test]
fn a_control_without_a_french_label_is_an_error_and_nothing_is_built() {
    let t = site();
    t.write(
        "guides/demo/product.yaml",
        PRODUCT.replace(
            "    translations:\n      fr: {label: Se déconnecter de tous les appareils}\n",
            "",
        ),
    );
    t.run(&["check", "guides", "--format", "short"])
        .code(1)
        .stdout_contains("guides/demo/sign-out.yaml:7:14: error[missing-translation-label]: `guides/demo/sign-out.fr.yaml` uses the control `sign-out` on web, which has no `fr` label (guides/demo/product.yaml:13)");
    t.run(&["build", "guides", "-o", "site"]).code(1);
    assert!(!t.path("site").exists());
}

#[test]
fn broken_translation_files_are_errors_with_a_position_never_a_panic() {
    let cases: [(&str, &str, &str); 5] = [
        (
            "demo/sign-out.fr.yaml",
            "title: [a, b]\n",
            "sign-out.fr.yaml:1:8: error[wrong-type]",
        ),
        (
            "demo/sign-out.fr.yaml",
            "titel: X\n",
            "sign-out.fr.yaml:1:1: error[unknown-field]",
        ),
        (
            "demo/sign-out.fr.yaml",
            "steps:\n  web: [a]\n",
            "sign-out.fr.yaml:2:8: error[wrong-type]",
        ),
        (
            "demo/sign-out.de.yaml",
            "title: X\n",
            "sign-out.de.yaml:1:1: error[invalid-value]: `de` in the file name",
        ),
        (
            "demo/gone.fr.yaml",
            "title: X\n",
            "gone.fr.yaml:1:1: error[invalid-value]: this translation has no source guide",
        ),
    ];
    for (path, text, expected) in cases {
        let t = GuideTest::new()
            .file("site.yaml", SITE)
            .file("demo/product.yaml", PRODUCT)
            .file("demo/sign-out.yaml", GUIDE)
            .file(path, text);
        t.run(&["check", "guides", "--format", "short"])
            .code(1)
            .stdout_contains(expected);
    }
}

/// Every `href` of `attr`-bearing tags in `html` whose tag starts with `tag`.
fn hrefs<'h>(html: &'h str, tag: &str) -> Vec<&'h str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find(tag) {
        rest = &rest[i + tag.len()..];
        let end = rest.find('>').unwrap_or(rest.len());
        if let Some(h) = rest[..end].find("href=\"") {
            let from = &rest[h + 6..];
            out.push(&from[..from.find('"').unwrap_or(0)]);
        }
    }
    out
}

/// The site path a link on the page at `page` leads to.
fn resolve(page: &str, href: &str) -> String {
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    for seg in href.split('/') {
        match seg {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            s => parts.push(s),
        }
    }
    parts.join("/")
}

#[test]
fn the_bundled_guides_build_both_trees_and_every_switcher_link_resolves() {
    let t = GuideTest::from_dir("guides");
    t.run(&["check", "guides", "--deny-warnings"])
        .code(0)
        .stderr_contains("2 guides checked, no problems found");
    t.run(&["build", "guides", "-o", "site"]).code(0);
    let tree = read_tree(&t.path("site"));
    // The untranslated TV guide is only in the default tree.
    assert!(tree.contains_key("guides/sign-in-on-tv.html"));
    assert!(!tree.contains_key("fr/guides/sign-in-on-tv.html"));
    let fr = String::from_utf8(tree["fr/guides/sign-out-all-devices.html"].clone()).unwrap();
    assert!(fr.contains("<html lang=\"fr\""), "{fr}");
    assert!(fr.contains("Ouvrez l’application Netflix."), "{fr}");
    assert!(
        fr.contains("<b class=\"ui\">Sécurité et confidentialité</b>"),
        "{fr}"
    );
    let mut links = 0;
    for (path, bytes) in &tree {
        if !path.ends_with(".html") || path == "404.html" {
            continue;
        }
        let html = String::from_utf8(bytes.clone()).unwrap();
        let Some(nav) = html.split("<nav class=\"languages\"").nth(1) else {
            panic!("{path} has no language switcher");
        };
        let nav = &nav[..nav.find("</nav>").unwrap()];
        for href in hrefs(nav, "<a ") {
            let target = resolve(path, href);
            assert!(tree.contains_key(&target), "{path}: {href} -> {target}");
            links += 1;
        }
        for href in hrefs(&html, "<link rel=\"alternate\" hreflang=") {
            let target = href.strip_prefix("https://help.example.com/").unwrap();
            assert!(tree.contains_key(target), "{path}: {href}");
        }
    }
    assert!(links > 40, "{links}");
    let sitemap = String::from_utf8(tree["sitemap.xml"].clone()).unwrap();
    assert!(sitemap.contains(r#"<xhtml:link rel="alternate" hreflang="fr" href="https://help.example.com/fr/guides/sign-out-all-devices.html"/>"#));
    assert!(!Path::new(&t.arg("site/fr/sitemap.xml")).exists());
}

#[test]
fn a_rebuild_follows_a_changed_translation() {
    let t = site();
    t.run(&["build", "guides", "-o", "site"]).code(0);
    let page = "site/fr/guides/sign-out.html";
    assert!(t.read(page).contains("Vous êtes déconnecté partout."));
    t.write(
        "guides/demo/sign-out.fr.yaml",
        t.read("guides/demo/sign-out.fr.yaml")
            .replace("déconnecté partout", "déconnecté de partout"),
    );
    t.run(&["build", "guides", "-o", "site"]).code(0);
    assert!(t.read(page).contains("Vous êtes déconnecté de partout."));
    // Removing the translation removes the French tree's pages of the guide.
    std::fs::remove_file(t.path("guides/demo/sign-out.fr.yaml")).unwrap();
    t.run(&["build", "guides", "-o", "site"]).code(0);
    assert!(!t.path(page).exists());
    assert!(
        t.read("site/guides/sign-out.html")
            .contains("href=\"../fr/index.html\"")
    );
}

#[test]
fn a_reason_for_several_platforms_is_translated_for_each() {
    let t = GuideTest::new()
        .file(
            "site.yaml",
            "base_url: https://help.example.com/\nlanguages: [en, fr]\nplatforms:\n  web:\n  android:\n  ios:\n",
        )
        .file("demo/product.yaml", PRODUCT)
        .file(
            "demo/open.yaml",
            "title: How to open the settings\nsummary: Open them.\nsteps:\n  web:\n    - open: settings\nunavailable_on:\n  android, ios: The apps have no settings page.\n",
        )
        .file(
            "demo/open.fr.yaml",
            "title: Ouvrir les réglages\nsummary: Ouvrez-les.\nunavailable_on:\n  android, ios: Les applications n'ont pas de page de réglages.\n",
        );
    t.run(&["translations", "guides", "--mark-current"]).code(0);
    t.run(&["build", "guides", "-o", "site"]).code(0);
    let page = t.read("site/fr/guides/open.html");
    assert!(
        page.matches("Les applications n’ont pas de page de réglages.")
            .count()
            + page
                .matches("Les applications n'ont pas de page de réglages.")
                .count()
            >= 2,
        "{page}"
    );
    assert!(!page.contains("The apps have no settings page."), "{page}");
}

#[test]
fn rebuilds_of_both_trees_equal_fresh_builds() {
    let t = site().file(
        "demo/other.yaml",
        "title: How to open the settings\nsummary: Open them.\nrelated: [sign-out]\nsteps:\n  web:\n    - open: settings\n",
    );
    t.write(
        "guides/demo/other.fr.yaml",
        "title: Ouvrir les réglages\nsummary: Ouvrez-les.\n",
    );
    t.run(&["translations", "guides", "--mark-current"]).code(0);
    let timed = [("STEPWISE_TIMINGS", "1")];
    // How many shared pages a build rendered, from its stage counts.
    let rendered = |stderr: &str| -> usize {
        let line = stderr
            .lines()
            .find_map(|l| l.strip_prefix("stepwise: shared pages rendered: "))
            .unwrap_or_else(|| panic!("no count of shared pages: {stderr}"));
        line.trim().parse().unwrap()
    };
    let first = t.run_with_env(&["build", "guides", "-o", "site"], &timed);
    first.code(0);
    let all = rendered(&first.stderr);
    let fr = "guides/demo/sign-out.fr.yaml";
    // A translation's text (not its card): its French pages change, nothing else.
    t.write(
        fr,
        t.read(fr)
            .replace("déconnecté partout", "déconnecté de partout"),
    );
    let run = t.run_with_env(
        &["build", "guides", "-o", "site"],
        &[("STEPWISE_TIMINGS", "1")],
    );
    run.code(0);
    assert!(
        t.read("site/fr/guides/sign-out.html")
            .contains("déconnecté de partout")
    );
    // The two trees' search indexes, not their lists, assets and screenshots.
    let edited = rendered(&run.stderr);
    assert!(
        edited > 0 && edited * 3 < all,
        "a text edit renders the trees' search indexes only: {edited} of {all}"
    );
    assert_equals_fresh(&t, "site");
    // A translated title is on the French lists and on the related guide's French page.
    t.write(
        fr,
        t.read(fr).replace(
            "Se déconnecter de tous",
            "Se déconnecter de partout, de tous",
        ),
    );
    t.run(&["build", "guides", "-o", "site"]).code(0);
    assert!(
        t.read("site/fr/guides/other.html")
            .contains("Se déconnecter de partout")
    );
    assert_equals_fresh(&t, "site");
    // A French label in the product file.
    let product = "guides/demo/product.yaml";
    t.write(
        product,
        t.read(product)
            .replace("fr: {label: Réglages}", "fr: {label: Paramètres}"),
    );
    t.run(&["build", "guides", "-o", "site"]).code(0);
    assert!(t.read("site/fr/guides/other.html").contains("Paramètres"));
    assert_equals_fresh(&t, "site");
    // A translation removed: its pages go, and the related link in French with them.
    std::fs::remove_file(t.path(fr)).unwrap();
    t.run(&["build", "guides", "-o", "site"]).code(0);
    assert!(!t.path("site/fr/guides/sign-out.html").exists());
    assert_equals_fresh(&t, "site");
}

#[test]
fn preview_and_checklist_show_the_translation() {
    let t = site();
    t.run(&[
        "preview", "sign-out", "--dir", "guides", "--lang", "fr", "--color", "never",
    ])
    .code(0)
    .stdout_contains("Se déconnecter de tous les appareils")
    .stdout_contains("Vous êtes déconnecté partout.");
    // The translation's file names the guide in its language.
    t.run(&[
        "preview",
        "guides/demo/sign-out.fr.yaml",
        "--color",
        "never",
    ])
    .code(0)
    .stdout_contains("Vous êtes déconnecté partout.");
    t.run(&["checklist", "sign-out", "--dir", "guides", "--lang", "fr"])
        .code(0)
        .stdout_contains("**Se déconnecter de tous les appareils**");
    t.run(&["checklist", "sign-out", "--dir", "guides", "--lang", "de"])
        .code(2)
        .stderr_contains("the site has no language `de`");
}

#[test]
fn related_and_featured_guides_stay_inside_a_language() {
    let t = site()
        .file(
            "demo/other.yaml",
            "title: How to open the settings\nsummary: Open them.\nsteps:\n  web:\n    - open: settings\n",
        )
        .file(
            "site.yaml",
            format!("{SITE}featured: [other, sign-out]\n"),
        );
    t.write(
        "guides/demo/sign-out.yaml",
        format!("{GUIDE}related: [other]\n"),
    );
    t.run(&["translations", "guides", "--mark-current"]).code(0);
    t.run(&["check", "guides", "--format", "short"])
        .code(0)
        .stdout_lacks("error");
    t.run(&["build", "guides", "-o", "site"]).code(0);
    assert!(
        t.read("site/guides/sign-out.html")
            .contains("href=\"../guides/other.html\"")
    );
    assert!(
        !t.read("site/fr/guides/sign-out.html")
            .contains("other.html")
    );
    assert!(!t.read("site/fr/index.html").contains("other.html"));
}

#[test]
fn options_are_translated_by_position() {
    let guide = "title: How to sign in
summary: Sign in.
steps:
  web:
    - do: Sign in with the account the screen asks for
      id: sign-in
      options:
        - if: the screen asks for your email
          steps:
            - click: settings
        - label: Use a code
          steps:
            - do: Type the code
";
    let t = GuideTest::new()
        .file("site.yaml", SITE)
        .file("demo/product.yaml", PRODUCT)
        .file("demo/sign-in.yaml", guide)
        .file(
            "demo/sign-in.fr.yaml",
            "title: Se connecter\nsummary: Connectez-vous.\nsteps:\n  web:\n    sign-in:\n      text: Connectez-vous avec le compte demandé\n      options:\n        1: {label: l'écran demande votre adresse e-mail}\n        3: {label: Trop}\n",
        );
    t.run(&["translations", "guides", "--mark-current"]).code(0);
    let messages: Vec<String> = t
        .check()
        .diagnostics
        .into_iter()
        .map(|d| d.message)
        .collect();
    assert!(
        messages.contains(
            &"option 2 of step `sign-in` on web is not translated: its `label`".to_owned()
        ),
        "{messages:#?}"
    );
    assert!(
        messages.contains(&"step `sign-in.option-2.1` on web is not translated: `text`".to_owned()),
        "{messages:#?}"
    );
    assert!(
        messages.contains(&"step `sign-in` of the source guide has no option 3 on web".to_owned()),
        "{messages:#?}"
    );
    t.run(&["build", "guides", "-o", "site"]).code(0);
    let page = t.read("site/fr/guides/sign-in.html");
    assert!(
        page.contains("l’écran demande votre adresse e-mail")
            || page.contains("l'écran demande votre adresse e-mail"),
        "{page}"
    );
    // A change to an option's text in the source makes the translation stale.
    t.write(
        "guides/demo/sign-in.yaml",
        guide.replace("your email", "your work email"),
    );
    assert!(
        t.check()
            .diagnostics
            .iter()
            .any(|d| d.message.ends_with("step `sign-in` changed on web")),
    );
}
