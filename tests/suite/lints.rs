//! Consistency rules: suppression with `allow`, `--fix`, `explain` and the rules reference.

use crate::support::{copy_tree, run};
use std::path::{Path, PathBuf};

use stepwise::check::check_dir;
use stepwise::diag::Code;

/// Runs the binary with no extra environment.
fn stepwise(args: &[&str]) -> (i32, String, String) {
    run(args, &[])
}

#[test]
fn every_rule_can_be_allowed_with_a_reason() {
    let mut checked = 0;
    for code in stepwise::check::rules::codes()
        .iter()
        .filter(|c| c.is_lint())
    {
        let dir = Path::new("tests/fixtures/allow")
            .join(code.id())
            .join("guides");
        if *code == stepwise::check::rules::code("unused-glossary-entry").expect("a rule") {
            // Reported in product.yaml, which has no `allow`: remove the entry instead.
            continue;
        }
        assert!(dir.is_dir(), "no suppression fixture {}", dir.display());
        let report = check_dir(&dir).unwrap();
        let of_code: Vec<_> = report
            .diagnostics
            .iter()
            .filter(|d| d.code == *code)
            .collect();
        assert!(
            of_code.iter().all(|d| d.suppressed.is_some()),
            "{code}: {of_code:#?}"
        );
        if *code != stepwise::check::rules::code("label-drift").expect("a rule") {
            assert!(
                !of_code.is_empty(),
                "{code}: the allowed finding should still be listed as suppressed"
            );
            let (status, json, _) = stepwise(&["check", dir.to_str().unwrap(), "--format", "json"]);
            assert_eq!(status, 0, "{code}");
            assert!(
                json.contains("\"suppressed\": \"The fixture shows a deliberate exception.\""),
                "{code}: {json}"
            );
            let (_, short, _) = stepwise(&["check", dir.to_str().unwrap(), "--format", "short"]);
            assert!(
                !short.contains(&format!("[{}]", code.id())),
                "{code}: suppressed findings are hidden from short output"
            );
        }
        checked += 1;
    }
    assert_eq!(checked, 15);
}

#[test]
fn a_step_allow_covers_only_that_step() {
    let files: [(&str, &[u8]); 2] = [
        ("demo/product.yaml", b"name: Demo\nglossary:\n  menu: {role: icon, label: Menu}\n  done: {role: button, label: Done}\n"),
        ("demo/g.yaml", b"title: How to x\nsummary: X.\nsteps:\n  android:\n    - click: menu\n      allow: {interaction-verb: The emulator needs a mouse click here.}\n    - click: done\nunavailable_on: {web: No web app., ios: No iOS app.}\n"),
    ];
    let (project, diags) = stepwise::load::load_in_memory(&files).unwrap();
    let report = stepwise::check::check_project(project, diags);
    let verbs: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.code == stepwise::check::rules::code("interaction-verb").expect("a rule"))
        .collect();
    assert_eq!(verbs.len(), 2);
    assert_eq!(
        verbs[0].suppressed.as_deref(),
        Some("The emulator needs a mouse click here.")
    );
    assert_eq!(verbs[1].suppressed, None);
}

#[test]
fn rule_levels_are_configurable() {
    let files: [(&str, &[u8]); 3] = [
        ("site.yaml", b"rules:\n  title-form: error\n  unused-glossary-entry: off\n"),
        ("demo/product.yaml", b"name: Demo\nglossary:\n  menu: {role: icon, label: Menu}\n  unused: {role: icon, label: Unused}\n"),
        ("demo/g.yaml", b"title: Signing out\nsummary: X.\nsteps:\n  web:\n    - click: menu\n  android, ios:\n    - tap: menu\n"),
    ];
    let (project, diags) = stepwise::load::load_in_memory(&files).unwrap();
    let report = stepwise::check::check_project(project, diags);
    let codes: Vec<(Code, &str)> = report
        .diagnostics
        .iter()
        .map(|d| (d.code, d.severity.as_str()))
        .collect();
    assert_eq!(
        codes,
        [(
            stepwise::check::rules::code("title-form").expect("a rule"),
            "error"
        )]
    );
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("lint-tests")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    copy_tree(Path::new("tests/fixtures/fix/mixed/guides"), &dir);
    dir
}

#[test]
fn fix_rewrites_only_the_spans_and_is_idempotent() {
    let dir = scratch("fix");
    let guide = dir.join("demo/sign-out.yaml");
    let before = std::fs::read_to_string(&guide).unwrap();
    let (status, _, err) = stepwise(&["check", dir.to_str().unwrap(), "--fix"]);
    assert_eq!(status, 0, "{err}");
    assert!(err.contains("sign-out.yaml: 7 changes"), "{err}");
    let after = std::fs::read_to_string(&guide).unwrap();
    insta::assert_snapshot!("fix-after", after);
    // Comments and every untouched line survive byte for byte.
    for line in before.lines().filter(|l| l.contains('#')) {
        let key = line.split('#').nth(1).unwrap();
        assert!(after.contains(key), "comment lost: {key}");
    }
    assert_eq!(before.lines().count(), after.lines().count());
    // A second run changes nothing.
    let (_, _, err) = stepwise(&["check", dir.to_str().unwrap(), "--fix"]);
    assert!(!err.contains("fixed"), "{err}");
    assert_eq!(std::fs::read_to_string(&guide).unwrap(), after);
}

#[test]
fn fix_dry_run_prints_a_diff_and_writes_nothing() {
    let dir = scratch("dry-run");
    let guide = dir.join("demo/sign-out.yaml");
    let before = std::fs::read_to_string(&guide).unwrap();
    let (status, diff, err) = stepwise(&["check", dir.to_str().unwrap(), "--fix", "--dry-run"]);
    assert_eq!(status, 0, "{err}");
    assert!(
        err.contains("7 fixes in 1 file (dry run, nothing written)"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&guide).unwrap(), before);
    let diff = diff.replace(dir.to_str().unwrap(), "GUIDES");
    insta::assert_snapshot!("fix-dry-run", diff);
}

#[test]
fn explain_prints_docs_and_suggests_ids() {
    let (status, out, _) = stepwise(&["explain", "label-drift"]);
    assert_eq!(status, 0);
    assert!(out.contains("Privacy and Security"));
    assert!(out.contains("labels_differ"));
    let (status, out, _) = stepwise(&["explain"]);
    assert_eq!(status, 0);
    assert_eq!(out.lines().count(), stepwise::check::rules::codes().len());
    let (status, _, err) = stepwise(&["explain", "lable-drift"]);
    assert_eq!(status, 2);
    assert!(err.contains("did you mean \"label-drift\"?"), "{err}");
}

#[test]
fn rules_reference_is_up_to_date() {
    let generated = stepwise::check::explain::rules_markdown();
    let path = Path::new("docs/rules.md");
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == generated,
        "docs/rules.md is out of date; regenerate it with `UPDATE_DOCS=1 cargo test --test suite rules_reference`"
    );
}
