//! Rebuilds into an existing site: what they may skip, and that skipping never changes the
//! site or hides a finding. After every kind of change the site equals a fresh build into
//! an empty folder (the manifest aside: it records the input files' times).

use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Duration, SystemTime};

use crate::harness::{GuideTest, Run, assert_equals_fresh, git, read_tree};

/// Every file under `root` with its bytes, the manifest left out.
fn site(root: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut tree = read_tree(root);
    tree.remove(".stepwise-output");
    tree
}

/// `stepwise build guides -o out` with stage counts on.
fn build(t: &GuideTest, extra: &[&str]) -> Run {
    let mut args = vec!["build", "guides", "-o", "out"];
    args.extend_from_slice(extra);
    t.run_with_env(&args, &[("STEPWISE_TIMINGS", "1")])
}

/// Whether the run read and parsed the guides.
fn parsed(run: &Run) -> bool {
    run.stderr.contains("stepwise: files parsed:")
}

/// Asserts that `out` holds what a fresh build of the same guides writes.
#[track_caller]
fn equals_fresh(t: &GuideTest) {
    assert_equals_fresh(t, "out");
}

/// Sets a file's modification time `secs` seconds in the past (as if edited earlier), so a
/// test need not wait for the file system's clock.
fn age(path: &Path, secs: u64) {
    let f = std::fs::File::options().write(true).open(path).unwrap();
    f.set_modified(SystemTime::now() - Duration::from_secs(secs))
        .unwrap();
}

/// Ages every file of the guides folder by `secs`.
fn age_all(dir: &Path, secs: u64) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            age_all(&p, secs);
        } else {
            age(&p, secs);
        }
    }
}

fn fixture() -> GuideTest {
    let t = GuideTest::from_fixture("build/full");
    age_all(&t.guides(), 60);
    t
}

#[test]
fn a_rebuild_with_nothing_changed_parses_no_guide_and_changes_nothing() {
    let t = fixture();
    let first = build(&t, &[]);
    first.code(0);
    assert!(parsed(&first), "{}", first.stderr);
    let before = site(&t.path("out"));
    let manifest = std::fs::read(t.path("out/.stepwise-output")).unwrap();
    let again = build(&t, &[]);
    again.code(0).stderr_contains("no input changed");
    assert!(!parsed(&again), "{}", again.stderr);
    assert_eq!(site(&t.path("out")), before);
    assert_eq!(
        std::fs::read(t.path("out/.stepwise-output")).unwrap(),
        manifest
    );
    // --force reads and renders everything, and finds nothing to write.
    let forced = build(&t, &["--force"]);
    forced.code(0).stderr_contains("0 written");
    assert!(parsed(&forced), "{}", forced.stderr);
    assert_eq!(site(&t.path("out")), before);
    // Machine-readable reports are the same with or without the shortcut.
    let full = t.run(&[
        "build", "guides", "-o", "out", "--force", "--format", "json",
    ]);
    let quick = t.run(&["build", "guides", "-o", "out", "--format", "json"]);
    assert_eq!(quick.code, 0);
    assert_eq!(quick.stdout, full.stdout);
    equals_fresh(&t);
}

#[test]
fn a_touched_guide_is_compared_by_its_text() {
    let t = fixture();
    build(&t, &[]).code(0);
    let guide = t.guides().join("acme/change-password.yaml");
    // Touched: a new time, the same text. Nothing is parsed; the new time is recorded.
    age(&guide, 5);
    let touched = build(&t, &[]);
    touched.code(0).stderr_contains("no input changed");
    assert!(!parsed(&touched), "{}", touched.stderr);
    assert!(!parsed(&build(&t, &[])));
    equals_fresh(&t);
    // The same size, a different text: built again.
    let text = std::fs::read_to_string(&guide).unwrap();
    let edited = text.replace("Pick a new password.", "Pick a new passcode.");
    assert_eq!(edited.len(), text.len());
    std::fs::write(&guide, &edited).unwrap();
    let run = build(&t, &[]);
    run.code(0);
    assert!(parsed(&run), "{}", run.stderr);
    assert!(
        t.read("out/guides/change-password.html")
            .contains("Pick a new passcode.")
    );
    equals_fresh(&t);
}

#[test]
fn an_edit_within_the_clock_granularity_is_still_seen() {
    let t = GuideTest::from_fixture("build/full");
    // Files written just now: their times cannot be trusted, so their texts are compared.
    build(&t, &[]).code(0);
    let guide = t.guides().join("acme/change-password.yaml");
    let text = std::fs::read_to_string(&guide).unwrap();
    let modified = std::fs::metadata(&guide).unwrap().modified().unwrap();
    std::fs::write(
        &guide,
        text.replace("Pick a new password.", "Pick a new passcode."),
    )
    .unwrap();
    // The same time stamp as before the edit, as a coarse clock would leave it.
    std::fs::File::options()
        .write(true)
        .open(&guide)
        .unwrap()
        .set_modified(modified)
        .unwrap();
    build(&t, &[]).code(0);
    assert!(
        t.read("out/guides/change-password.html")
            .contains("Pick a new passcode.")
    );
    equals_fresh(&t);
}

#[test]
fn a_new_or_changed_locale_file_renders_every_page_again() {
    let t = fixture();
    build(&t, &[]).code(0);
    let locales = t.guides().join("locales");
    std::fs::create_dir_all(&locales).unwrap();
    std::fs::write(locales.join("en.ftl"), "tips = Good to know\n").unwrap();
    let run = build(&t, &[]);
    run.code(0);
    assert!(parsed(&run), "{}", run.stderr);
    let html = t.read("out/guides/sign-out-everywhere.html");
    assert!(
        html.contains(r#"<h2 id="tips">Good to know</h2>"#),
        "{html}"
    );
    equals_fresh(&t);
    std::fs::write(locales.join("en.ftl"), "tips = Worth knowing\n").unwrap();
    build(&t, &[]).code(0);
    assert!(
        t.read("out/guides/sign-out-everywhere.html")
            .contains("Worth knowing")
    );
    equals_fresh(&t);
}

#[test]
fn a_changed_glossary_label_renders_every_guide_that_uses_it_again() {
    let t = fixture();
    build(&t, &[]).code(0);
    let product = t.guides().join("acme/product.yaml");
    let text = std::fs::read_to_string(&product).unwrap();
    std::fs::write(
        &product,
        text.replace("label: Settings", "label: Preferences"),
    )
    .unwrap();
    let run = build(&t, &[]);
    run.code(0);
    assert!(parsed(&run), "{}", run.stderr);
    for page in [
        "out/guides/change-password.html",
        "out/guides/sign-out-everywhere.html",
        "out/checklists/change-password.html",
    ] {
        let html = t.read(page);
        assert!(html.contains("Preferences"), "{page} lacks the new label");
    }
    equals_fresh(&t);
}

#[test]
fn a_deleted_related_guide_is_an_error_in_the_guide_that_names_it_every_time() {
    let t = fixture();
    build(&t, &[]).code(0);
    std::fs::remove_file(t.guides().join("acme/change-password.yaml")).unwrap();
    for _ in 0..2 {
        let run = build(&t, &[]);
        run.code(1).stdout_contains("change-password");
        assert!(
            run.stdout.contains("sign-out-everywhere.yaml"),
            "{}",
            run.stdout
        );
        run.stderr_contains("nothing was built");
    }
    // The site is the previous one until the guides are fixed.
    assert!(t.path("out/guides/change-password.html").is_file());
    let guide = t.guides().join("acme/sign-out-everywhere.yaml");
    let text = std::fs::read_to_string(&guide).unwrap();
    std::fs::write(&guide, text.replace("related: [change-password]\n", "")).unwrap();
    build(&t, &[]).code(0);
    assert!(!t.path("out/guides/change-password.html").exists());
    equals_fresh(&t);
}

#[test]
fn a_renamed_guide_is_an_error_where_it_is_linked_until_the_link_follows() {
    let t = fixture();
    build(&t, &[]).code(0);
    std::fs::rename(
        t.guides().join("acme/change-password.yaml"),
        t.guides().join("acme/new-password.yaml"),
    )
    .unwrap();
    build(&t, &[])
        .code(1)
        .stdout_contains("sign-out-everywhere.yaml");
    let guide = t.guides().join("acme/sign-out-everywhere.yaml");
    let text = std::fs::read_to_string(&guide).unwrap();
    std::fs::write(
        &guide,
        text.replace("related: [change-password]", "related: [new-password]"),
    )
    .unwrap();
    build(&t, &[]).code(0);
    assert!(t.path("out/guides/new-password.html").is_file());
    equals_fresh(&t);
}

#[test]
fn a_changed_template_static_file_or_site_file_changes_the_pages() {
    let t = fixture();
    build(&t, &[]).code(0);
    // A template override appears.
    let base = stepwise::render::TEMPLATES
        .iter()
        .find(|(name, _)| *name == "base.html")
        .unwrap()
        .1;
    t.write(
        "templates/base.html",
        base.replace("</body>", "<p>Overridden footer</p></body>"),
    );
    let run = build(&t, &[]);
    run.code(0);
    assert!(parsed(&run), "{}", run.stderr);
    assert!(
        t.read("out/guides/change-password.html")
            .contains("Overridden footer")
    );
    equals_fresh(&t);
    // A static file appears.
    t.write("static/robots.txt", "User-agent: *\n");
    build(&t, &[]).code(0);
    assert_eq!(t.read("out/robots.txt"), "User-agent: *\n");
    equals_fresh(&t);
    // The site file changes.
    let site_file = t.guides().join("site.yaml");
    let text = std::fs::read_to_string(&site_file).unwrap();
    std::fs::write(&site_file, text.replace("Acme Help", "Acme Support")).unwrap();
    build(&t, &[]).code(0);
    assert!(t.read("out/index.html").contains("Acme Support"));
    equals_fresh(&t);
    // A screenshot changes.
    let shot = t.guides().join("acme/img/devices.png");
    let mut bytes = std::fs::read(&shot).unwrap();
    bytes.extend_from_slice(b"\0\0\0\0");
    std::fs::write(&shot, bytes).unwrap();
    let run = build(&t, &[]);
    run.code(0);
    assert!(parsed(&run), "{}", run.stderr);
    equals_fresh(&t);
    // A page of the site removed by hand comes back.
    std::fs::remove_file(t.path("out/guides/change-password.html")).unwrap();
    build(&t, &[]).code(0);
    equals_fresh(&t);
}

#[test]
fn findings_of_the_previous_build_are_reported_again() {
    // The fixture's guides have warnings: the site is built and they are reported.
    let t = fixture();
    let first = build(&t, &[]);
    first.code(0);
    assert!(first.stdout.contains("warning["), "{}", first.stdout);
    let again = build(&t, &[]);
    again.code(0).stderr_contains("no input changed");
    assert!(!parsed(&again), "{}", again.stderr);
    assert_eq!(again.stdout, first.stdout);
    let summary = |run: &Run| {
        run.stderr
            .rsplit(", ")
            .next()
            .unwrap_or_default()
            .to_owned()
    };
    assert_eq!(summary(&again), summary(&first));
    // In another format the findings are found again, then printed again from the record.
    let json = t.run(&["build", "guides", "-o", "out", "--format", "json"]);
    let json_again = t.run_with_env(
        &["build", "guides", "-o", "out", "--format", "json"],
        &[("STEPWISE_TIMINGS", "1")],
    );
    assert!(!parsed(&json_again), "{}", json_again.stderr);
    assert_eq!(json_again.stdout, json.stdout);
    assert!(json.stdout.contains("\"warning\""), "{}", json.stdout);
}

/// How many shared pages the run rendered (home, lists, search index, sitemap...).
fn shared_rendered(run: &Run) -> usize {
    run.stderr
        .lines()
        .find_map(|l| l.strip_prefix("stepwise: shared pages rendered: "))
        .map_or(0, |n| n.trim().parse().unwrap())
}

#[test]
fn a_step_edit_renders_its_guide_and_the_search_index_and_a_card_edit_the_lists_too() {
    let t = fixture();
    let first = build(&t, &[]);
    first.code(0);
    let all = shared_rendered(&first);
    assert!(all > 10, "{}", first.stderr);
    let index = t.read("out/index.html");
    let guide = t.guides().join("acme/sign-out-everywhere.yaml");
    let text = std::fs::read_to_string(&guide).unwrap();
    assert!(text.contains("Every session ends."));
    std::fs::write(
        &guide,
        text.replace("Every session ends.", "All sessions end."),
    )
    .unwrap();
    let step = build(&t, &[]);
    step.code(0);
    let some = shared_rendered(&step);
    assert!(0 < some && some < all, "{some} of {all}: {}", step.stderr);
    assert_eq!(t.read("out/index.html"), index);
    equals_fresh(&t);
    // The new words are found by the search index.
    let found = std::fs::read_dir(t.path("out/search"))
        .unwrap()
        .flatten()
        .any(|e| {
            std::fs::read_to_string(e.path())
                .unwrap()
                .contains("sessions")
        });
    assert!(found);
    // A summary is on the guide's card: the home and list pages are rendered again.
    let text = std::fs::read_to_string(&guide).unwrap();
    let summary = text.lines().find(|l| l.starts_with("summary:")).unwrap();
    std::fs::write(
        &guide,
        text.replace(summary, "summary: Sign out of every device at once."),
    )
    .unwrap();
    let card = build(&t, &[]);
    card.code(0);
    assert_eq!(shared_rendered(&card), all, "{}", card.stderr);
    assert!(
        t.read("out/index.html")
            .contains("Sign out of every device at once.")
    );
    equals_fresh(&t);
}

#[test]
fn a_new_commit_rebuilds_the_pages_dated_by_git() {
    let t = fixture();
    // Dates from the history for guides without `reviewed`.
    let site_file = t.guides().join("site.yaml");
    let text = std::fs::read_to_string(&site_file).unwrap();
    assert!(text.contains("updated: reviewed\n"));
    std::fs::write(&site_file, text.replace("updated: reviewed\n", "")).unwrap();
    age(&site_file, 60);
    let root = t.root();
    let date = "2026-03-01T10:00:00+00:00";
    if !git(root, &["init", "-q"], date) {
        eprintln!("git is not available: skipping");
        return;
    }
    assert!(git(root, &["add", "guides"], date));
    assert!(git(root, &["commit", "-qm", "guides"], date));
    build(&t, &[]).code(0);
    let unchanged = build(&t, &[]);
    unchanged.code(0);
    assert!(!parsed(&unchanged), "{}", unchanged.stderr);
    // The same files under a commit of another date: the pages follow.
    let later = "2026-04-02T12:00:00+00:00";
    assert!(git(
        root,
        &["commit", "-q", "--amend", "--no-edit", "--reset-author"],
        later
    ));
    let run = build(&t, &[]);
    run.code(0);
    assert!(parsed(&run), "{}", run.stderr);
    assert!(t.read("out/index.html").contains("datetime=\"2026-04-02\""));
    equals_fresh(&t);
}

#[test]
fn an_interrupted_rebuild_leaves_a_record_that_trusts_nothing_it_was_replacing() {
    let t = fixture();
    build(&t, &[]).code(0);
    let guide = t.guides().join("acme/change-password.yaml");
    let original = std::fs::read(&guide).unwrap();
    let text = String::from_utf8(original.clone()).unwrap();
    std::fs::write(
        &guide,
        text.replace("Pick a new password.", "Pick a new passcode."),
    )
    .unwrap();
    // The guide's data file cannot be replaced: the rebuild stops after writing its page.
    let data = t.path("out/data/change-password.json");
    std::fs::remove_file(&data).unwrap();
    std::fs::create_dir_all(data.join("in-the-way")).unwrap();
    let failed = build(&t, &[]);
    assert_ne!(failed.code, 0, "{}", failed.stderr);
    assert!(
        t.read("out/guides/change-password.html")
            .contains("passcode")
    );
    // The guide back as it was, the obstacle gone: the pages written meanwhile are put back.
    std::fs::remove_dir_all(&data).unwrap();
    std::fs::write(&guide, &original).unwrap();
    age(&guide, 30);
    let run = build(&t, &[]);
    run.code(0);
    assert!(parsed(&run), "{}", run.stderr);
    assert!(
        !t.read("out/guides/change-password.html")
            .contains("passcode")
    );
    equals_fresh(&t);
}
