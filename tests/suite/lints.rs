//! Consistency rules: suppression with `allow`, `--fix`, `explain` and the rules reference.

use crate::harness::GuideTest;
use crate::support::run;
use std::path::Path;

use stepwise::check::check_dir;
use stepwise::diag::Code;

/// Runs the binary with no extra environment.
fn stepwise(args: &[&str]) -> (i32, String, String) {
    run(args, &[])
}

const ALLOW_FIXTURES: &str = "tests/fixtures/allow";

/// One `#[test]` per suppression fixture `tests/fixtures/allow/<rule>/guides` (named after
/// the rule, `-` spelt `_`), and the list of the names.
macro_rules! allow_tests {
    ($($name:ident),* $(,)?) => {
        const ALLOW_LISTED: &[&str] = &[$(stringify!($name)),*];
        mod allow {
            $(
                #[test]
                fn $name() {
                    super::allowed_with_a_reason(&stringify!($name).replace('_', "-"));
                }
            )*
        }
    };
}

allow_tests! {
    alt_text,
    broken_link,
    caption_wrong_step,
    colour_only,
    conflicting_facts,
    former_label,
    free_target_is_key,
    image_reused,
    interaction_verb,
    label_drift,
    menu_path,
    missing_translation_label,
    near_duplicate_platforms,
    one_action_per_step,
    partial_rename,
    placeholder_form,
    platform_parity,
    quoted_label_mismatch,
    stale_review,
    stale_translation,
    step_count,
    step_number_out_of_range,
    terminology,
    tip_is_instruction,
    title_form,
    unedited_scaffold,
    unknown_callout,
    untranslated_field,
}

/// The findings of `rule` in its suppression fixture are all suppressed with the fixture's
/// reason, listed as such in JSON and hidden from short output.
fn allowed_with_a_reason(rule: &str) {
    let code = stepwise::check::rules::code(rule).unwrap_or_else(|| panic!("no rule `{rule}`"));
    let dir = Path::new(ALLOW_FIXTURES).join(rule).join("guides");
    assert!(dir.is_dir(), "no suppression fixture {}", dir.display());
    let report = check_dir(&dir).unwrap();
    let of_code: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.code == code)
        .collect();
    assert!(
        of_code.iter().all(|d| d.suppressed.is_some()),
        "{code}: {of_code:#?}"
    );
    if code.id() == "label-drift" || code.id() == "partial-rename" {
        // A control that says `labels_differ` is not a finding at all: none is listed.
        assert!(of_code.is_empty(), "{code}: {of_code:#?}");
        return;
    }
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

#[test]
fn every_lint_but_one_has_a_listed_suppression_fixture() {
    let mut listed: Vec<String> = ALLOW_LISTED.iter().map(|n| n.replace('_', "-")).collect();
    listed.sort();
    let mut on_disk: Vec<String> = std::fs::read_dir(ALLOW_FIXTURES)
        .expect("read the allow fixtures")
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    assert_eq!(
        listed, on_disk,
        "the allow_tests! list in tests/suite/lints.rs and the folders in {ALLOW_FIXTURES} differ"
    );
    // `unused-glossary-entry` is reported in product.yaml, which has no `allow`: remove
    // the entry instead.
    let mut lints: Vec<&str> = stepwise::check::rules::codes()
        .iter()
        .filter(|c| c.is_lint() && c.id() != "unused-glossary-entry")
        .map(|c| c.id())
        .collect();
    lints.sort_unstable();
    assert_eq!(listed, lints, "every lint has a suppression fixture");
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

#[test]
fn fix_rewrites_only_the_spans_and_is_idempotent() {
    let t = GuideTest::from_fixture("fix/mixed");
    let guide = "guides/demo/sign-out.yaml";
    let before = t.read(guide);
    let after = t
        .run(&["check", "--fix"])
        .code(0)
        .stderr_contains("sign-out.yaml: 7 changes")
        .read(guide);
    insta::assert_snapshot!("fix-after", after);
    // Comments and every untouched line survive byte for byte.
    for line in before.lines().filter(|l| l.contains('#')) {
        let key = line.split('#').nth(1).unwrap();
        assert!(after.contains(key), "comment lost: {key}");
    }
    assert_eq!(before.lines().count(), after.lines().count());
    // A second run changes nothing.
    let again = t.run(&["check", "--fix"]);
    assert!(!again.stderr.contains("fixed"), "{}", again.stderr);
    assert_eq!(t.read(guide), after);
}

#[test]
fn fix_dry_run_prints_a_diff_and_writes_nothing() {
    let t = GuideTest::from_fixture("fix/mixed");
    let guide = "guides/demo/sign-out.yaml";
    let before = t.read(guide);
    let run = t.run(&["check", "--fix", "--dry-run"]);
    run.code(0)
        .stderr_contains("7 fixes in 1 file (dry run, nothing written)")
        .snapshot_stdout("fix-dry-run");
    assert_eq!(t.read(guide), before);
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
