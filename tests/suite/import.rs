//! `stepwise import`: real-shaped help articles (Markdown, HTML, plain text) become guides
//! that load, with a report of what was mapped; a later import replaces only what it wrote.

use crate::harness::{GuideTest, copy_tree, repo, snapshot};
use stepwise::check::check_dir;
use stepwise::diag::{Code, Severity};

/// The articles under `articles/` of a new temporary folder, imported into `guides/`.
fn imported() -> (GuideTest, String) {
    let t = GuideTest::new();
    copy_tree(
        &repo().join("tests/fixtures/import/articles"),
        &t.path("articles"),
    );
    let run = t.run(&["import", "articles", "--product", "Acme", "-o", "guides"]);
    run.code(0);
    let report = run.stdout.clone();
    (t, report)
}

/// The guides written, by file name, sorted.
fn written(t: &GuideTest) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = std::fs::read_dir(t.path("guides/acme"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    out.sort();
    out
}

#[test]
fn every_article_drafts_into_a_guide_with_its_report() {
    let (t, report) = imported();
    snapshot("report", &report);
    for (name, text) in written(&t) {
        snapshot(&format!("draft-{}", name.trim_end_matches(".yaml")), &text);
    }
    // Pictures beside an article are copied, once, into the product's images/.
    t.file_exists("guides/acme/images/dropbox-restore.png");
    t.file_exists("guides/acme/images/slack-desktop-schedule.png");
}

#[test]
fn drafts_load_and_check_reports_only_what_the_report_lists() {
    let (t, report) = imported();
    let checked = check_dir(&t.guides()).unwrap();
    let errors: Vec<_> = checked
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    // No draft breaks the format: every error is a link the report names.
    for e in &errors {
        assert!(
            !Code::FORMAT.contains(&e.code),
            "a draft does not load cleanly: {e:#?}"
        );
        assert_eq!(e.code.id(), "broken-link", "{e:#?}");
    }
    assert_eq!(
        errors.len(),
        report.matches("is not an imported article").count(),
        "{report}"
    );
}

#[test]
fn the_seed_article_drafts_close_to_the_hand_written_guide() {
    let t = GuideTest::new();
    copy_tree(&repo().join("tests/fixtures/import/seed"), &t.path("seed"));
    t.run(&["import", "seed", "--product", "Netflix", "-o", "guides"])
        .code(0);
    let draft = t.read("guides/netflix/sign-out-all-devices.yaml");
    snapshot("seed-draft", &draft);
    let product = t.read("guides/netflix/product.yaml");
    snapshot("seed-product", &product);
    // One control, labelled in each platform's word order, as the hand-written glossary has it.
    assert!(
        product.contains("    label:\n      web: Privacy and Security\n      android, ios: Security and Privacy\n"),
        "{product}"
    );
    // The shape of the hand-written guide: web, android, and iOS the same as Android.
    assert!(draft.contains("  ios: {same_as: android}"), "{draft}");
    for line in [
        "    - sign-in:",
        "    - select: account",
        "    - tap: my-netflix",
        "    - tap: menu",
        "    - scroll-to: privacy-and-security",
    ] {
        assert!(draft.contains(line), "{line} missing in\n{draft}");
    }
    let report = check_dir(&t.guides()).unwrap();
    assert!(
        report
            .diagnostics
            .iter()
            .all(|d| d.severity != Severity::Error),
        "{:#?}",
        report.diagnostics
    );
}

#[test]
fn importing_again_replaces_only_untouched_files_of_its_own() {
    let (t, _) = imported();
    let again = t.run(&["import", "articles", "--product", "Acme", "-o", "guides"]);
    again
        .code(0)
        .stdout_lacks("- created")
        .stdout_lacks("- updated");
    assert!(
        again
            .stdout
            .contains("- unchanged acme/zoom-change-display-name.yaml"),
        "{}",
        again.stdout
    );

    // An edited draft is kept; an article changed since updates its untouched draft.
    let edited = "guides/acme/zoom-change-display-name.yaml";
    t.write(
        edited,
        t.read(edited) + "# Checked against the app by hand.\n",
    );
    let article = "articles/amazon-cancel-order.md";
    std::fs::write(
        t.path(article),
        t.read(article)
            .replace("Cancel checked items", "Cancel selected items"),
    )
    .unwrap();
    let run = t.run(&["import", "articles", "--product", "Acme", "-o", "guides"]);
    run.code(0)
        .stdout_contains("- kept acme/zoom-change-display-name.yaml (edited since it was imported")
        .stdout_contains("- updated acme/amazon-cancel-order.yaml");
    assert!(
        t.read(edited)
            .ends_with("# Checked against the app by hand.\n")
    );
    assert!(
        t.read("guides/acme/amazon-cancel-order.yaml")
            .contains("cancel-selected-items")
    );

    // A file the import did not write is never replaced, and the glossary entries it
    // would have added are printed instead.
    t.write("guides/acme/product.yaml", "name: Acme\nglossary: {}\n");
    let run = t.run(&["import", "articles", "--product", "Acme", "-o", "guides"]);
    run.code(0)
        .stdout_contains("- kept acme/product.yaml")
        .stdout_contains("Add these entries under `glossary:` in acme/product.yaml");
    assert_eq!(
        t.read("guides/acme/product.yaml"),
        "name: Acme\nglossary: {}\n"
    );
}

#[test]
fn a_dry_run_writes_nothing_and_bad_inputs_are_errors() {
    let t = GuideTest::new();
    copy_tree(
        &repo().join("tests/fixtures/import/articles"),
        &t.path("articles"),
    );
    t.run(&[
        "import",
        "articles",
        "--product",
        "Acme",
        "-o",
        "guides",
        "--dry-run",
    ])
    .code(0)
    .stdout_contains("- created acme/product.yaml")
    .stdout_contains("dry run: nothing was written");
    assert!(!t.path("guides/acme").exists());
    t.run(&["import", "missing", "--product", "Acme", "-o", "guides"])
        .code(2)
        .stderr_contains("`missing` does not exist");
    std::fs::create_dir_all(t.path("empty")).unwrap();
    t.run(&["import", "empty", "--product", "Acme", "-o", "guides"])
        .code(2)
        .stderr_contains("no articles found in `empty`");
}

mod properties {
    use proptest::prelude::*;
    use stepwise::check::check_project;
    use stepwise::diag::{Code, Severity};
    use stepwise::import::{Options, Source, plan};
    use stepwise::load::{default_site, load_in_memory};

    /// Pieces of help articles, so that random sequences exercise the readers' deeper paths.
    const PIECES: &[&str] = &[
        "# How to do it\n",
        "## On your iPhone\n",
        "## Android\n",
        "## Web\n",
        "### Desktop app\n",
        "1. ",
        "2. ",
        "- ",
        "– ",
        "* ",
        "\n",
        "\n\n",
        "Tap ",
        "Click ",
        "Select ",
        "Go to ",
        "Enter ",
        "Turn on ",
        "Scroll down to ",
        "Hover over ",
        "Sign in",
        "Press the icon with three lines ",
        "**My Netflix**",
        "**Account**",
        "“Privacy & Security”",
        "\"yes\"",
        "**: #**",
        "**",
        " in the top-right corner",
        " (⋮)",
        ", then tap **Save** to confirm",
        " and select ",
        "If you see it, ",
        "(Optional) ",
        "Note: ",
        "Warning: ",
        "Tip: ",
        " > ",
        "![alt](img/a.png)",
        "[link](other.md)",
        "<ol><li>",
        "</li>",
        "</ol>",
        "<strong>",
        "</strong>",
        "<div role=\"tabpanel\" aria-label=\"iOS\">",
        "</div>",
        "<img src=\"x.png\" alt=\"X\">",
        "---\ntitle: T\n---\n",
        ": ",
        " #",
        "\\",
        "'",
        "\t",
        "é",
        "日本",
        "\u{E000}0\u{E001}",
        "\u{FEFF}",
        "true",
        "- [ ] ",
        "> ",
        "`code`",
        "*em*",
    ];

    /// Cases per property: `PROPTEST_CASES`, else 300.
    fn config() -> ProptestConfig {
        let cases = std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|c| c.parse().ok())
            .unwrap_or(300);
        ProptestConfig {
            cases,
            failure_persistence: None,
            ..ProptestConfig::default()
        }
    }

    fn article() -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|v| v.concat())
    }

    /// Every draft of any article loads: the files are valid YAML in the format (findings
    /// of consistency rules aside), and nothing panics.
    fn drafts_load(text: &str, ext: &str) {
        let site = default_site();
        let sources = [Source {
            path: format!("a/article.{ext}").into(),
            text: text.to_string(),
        }];
        let p = plan(
            &sources,
            Options {
                product: "Acme",
                site: &site.platforms,
                existing: None,
                product_text: None,
            },
        );
        let files: Vec<(&str, &[u8])> = p
            .files
            .iter()
            .map(|f| (f.path.as_str(), f.text.as_bytes()))
            .collect();
        let (project, diags) = load_in_memory(&files).expect("in-memory load");
        let report = check_project(project, diags);
        let format_errors: Vec<_> = report
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error && Code::FORMAT.contains(&d.code))
            .collect();
        let shown: String = p
            .files
            .iter()
            .map(|f| format!("--- {}\n{}", f.path, f.text))
            .collect();
        let codes: Vec<(&str, &str)> = format_errors
            .iter()
            .map(|d| (d.code.id(), d.message.as_str()))
            .collect();
        assert!(format_errors.is_empty(), "{codes:?}\n{shown}");
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn markdown_drafts_load(text in article()) {
            drafts_load(&text, "md");
        }

        #[test]
        fn html_drafts_load(text in article()) {
            drafts_load(&text, "html");
        }

        #[test]
        fn text_drafts_load(text in article()) {
            drafts_load(&text, "txt");
        }

        #[test]
        fn any_text_never_panics(text in any::<String>(), ext in prop::sample::select(&["md", "html", "txt"][..])) {
            drafts_load(&text, ext);
        }
    }
}
