//! One mistake, one error: findings that only follow from an error are not reported.
//!
//! Each folder under `tests/fixtures/cascade/<case>/guides` holds a clean guides tree with
//! one mistake in it. Its test asserts the exact findings (code and position) and snapshots
//! the output in every format; a finding too many here is a follow-on the user would have
//! to read past to find the real error.

use std::path::Path;

use stepwise::check::{Report, check_dir};
use stepwise::emit::{self, Format};

use crate::harness::{GuideTest, repo};

const CASES: &str = "tests/fixtures/cascade";

/// The findings of `report` as `file:line:col code`, paths relative to the guides folder.
fn found(report: &Report, root: &Path) -> Vec<String> {
    report
        .diagnostics
        .iter()
        .map(|d| {
            let path = &report.project.sources.get(d.span.file).path;
            let rel = path.strip_prefix(root).unwrap_or(path);
            format!(
                "{}:{}:{} {}",
                rel.to_string_lossy().replace('\\', "/"),
                d.span.start.line,
                d.span.start.col,
                d.code.id()
            )
        })
        .collect()
}

/// Checks the case `name`, asserts its findings are exactly `expected`, and compares its
/// output in every format with the snapshots `suite__cascade__<name>.<format>.snap`.
#[track_caller]
fn case(name: &str, expected: &[&str]) -> Report {
    let root = Path::new(CASES).join(name).join("guides");
    assert!(root.is_dir(), "no case folder {}", root.display());
    let report = check_dir(&root).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(found(&report, &root), expected, "{name}: the findings");
    for &format in Format::ALL {
        let raw = emit::render(format, &report.diagnostics, &report.project.sources, false);
        let mut text = raw.clone();
        if format == Format::Sarif {
            crate::sarif::assert_fixture_sarif(&raw, &report, name);
            text = crate::sarif::redact_rules(&text);
        }
        insta::assert_snapshot!(format!("{name}.{}", format.name()), text);
    }
    report
}

#[test]
fn every_case_folder_has_a_test() {
    let source: String = std::fs::read_to_string(repo().join("tests/suite/cascade.rs"))
        .unwrap()
        .split_whitespace()
        .collect();
    let mut missing = Vec::new();
    for entry in std::fs::read_dir(repo().join(CASES)).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if !source.contains(&format!("case(\"{name}\"")) {
            missing.push(name);
        }
    }
    assert!(
        missing.is_empty(),
        "case folders without a test: {missing:?}"
    );
}

#[test]
fn a_misspelt_platform_key_is_one_error() {
    // Before: also four unused controls (the Android steps were not read), platform-parity
    // for Android and same-as-missing for iOS's `same_as: android`.
    let report = case(
        "platform-key-typo",
        &["demo/sign-out.yaml:7:3 unknown-platform"],
    );
    assert_eq!(
        report.diagnostics[0].help.as_deref(),
        Some("did you mean \"android\"?")
    );
}

#[test]
fn a_same_as_naming_the_misspelt_key_is_shown_with_the_key() {
    let report = case(
        "same-as-names-typo",
        &["demo/sign-out.yaml:7:3 unknown-platform"],
    );
    let related: Vec<(u32, &str)> = report.diagnostics[0]
        .related
        .iter()
        .map(|r| (r.span.start.line, r.message.as_str()))
        .collect();
    assert_eq!(related, [(11, "`ios` copies these steps")]);
}

#[test]
fn a_misspelt_same_as_is_one_error() {
    // Before: also platform-parity for iOS, whose block was not read.
    case(
        "same-as-typo",
        &["demo/sign-out.yaml:11:18 unknown-platform"],
    );
}

#[test]
fn a_same_as_without_its_platform_is_one_error() {
    // Before: also platform-parity for Android, the platform `same_as` names.
    case(
        "same-as-missing",
        &["demo/sign-out.yaml:7:18 same-as-missing"],
    );
}

#[test]
fn an_empty_platform_copied_by_another_is_one_error() {
    // Before: also platform-parity for Android.
    case("empty-platform", &["demo/sign-out.yaml:7:3 empty-platform"]);
}

#[test]
fn a_misspelt_unavailable_platform_is_one_error() {
    // Before: also platform-parity for iOS, which `unavailable_on` meant to explain.
    case(
        "unavailable-typo",
        &["demo/sign-out.yaml:13:3 unknown-platform"],
    );
}

#[test]
fn a_tab_in_a_guide_is_one_error() {
    // Before: the guide was not read, so every control it uses was reported unused first.
    case("yaml-tab", &["demo/sign-out.yaml:9:1 yaml-syntax"]);
}

#[test]
fn a_step_missing_its_colon_is_one_error() {
    case("yaml-mapping", &["demo/sign-out.yaml:9:13 yaml-syntax"]);
}

#[test]
fn a_guide_without_a_title_is_one_error() {
    // The guide cannot be built without a title, but the controls it names are still used.
    case("missing-title", &["demo/sign-out.yaml:1:1 missing-field"]);
}

#[test]
fn a_misspelt_steps_key_is_one_error() {
    case("steps-typo", &["demo/sign-out.yaml:3:1 unknown-field"]);
}

#[test]
fn a_misspelt_glossary_key_is_one_error() {
    // Before: also "no guide uses the control `account`", the key it misspells.
    case(
        "glossary-key-typo",
        &["demo/sign-out.yaml:9:12 unknown-glossary-key"],
    );
}

#[test]
fn a_misspelt_product_is_one_error() {
    // Before: also "no guide uses the control `next`" in the product it misspells.
    case("product-typo", &["demo/sign-in.yaml:8:14 unknown-product"]);
}

#[test]
fn a_target_of_the_wrong_type_is_one_error() {
    case("target-type", &["demo/sign-out.yaml:9:12 wrong-type"]);
}

#[test]
fn a_step_that_is_not_a_mapping_is_one_error() {
    case("step-not-mapping", &["demo/sign-out.yaml:9:7 wrong-type"]);
}

#[test]
fn a_broken_product_file_is_one_error() {
    // Before: its guide was compared with the site's platforms instead of the product's.
    case("product-broken", &["demo/product.yaml:5:1 yaml-syntax"]);
}

#[test]
fn a_missing_product_file_is_one_error() {
    case(
        "missing-product",
        &["demo/sign-out.yaml:1:1 missing-product"],
    );
}

#[test]
fn a_misspelt_platform_in_a_controls_on_list_is_one_error() {
    // Before: also control-not-on-platform for every Android step using the control. The
    // list is read on as if it said `android`, the platform the error suggests.
    case(
        "control-on-typo",
        &["demo/product.yaml:10:10 unknown-platform"],
    );
}

#[test]
fn a_misspelt_platform_in_a_products_platforms_is_one_error() {
    // Before: also "Demo is not available on `android`" for every guide with Android steps.
    case(
        "product-platforms-typo",
        &["demo/product.yaml:2:18 unknown-platform"],
    );
}

#[test]
fn a_misspelt_platform_in_a_steps_on_is_one_error() {
    // Before: the step was taken to happen on Android and iOS, which gave an interaction
    // verb warning and control-not-on-platform for both.
    case(
        "step-on-typo",
        &["demo/sign-out.yaml:12:22 unknown-platform"],
    );
}

#[test]
fn independent_errors_in_one_guide_are_all_reported() {
    // Five mistakes, five errors: none hides another, none brings a follow-on.
    case(
        "independent-errors",
        &[
            "demo/sign-out.yaml:3:7 invalid-duration",
            "demo/sign-out.yaml:6:13 unknown-glossary-key",
            "demo/sign-out.yaml:8:15 wrong-type",
            "demo/sign-out.yaml:9:3 unknown-platform",
            "demo/sign-out.yaml:14:11 invalid-date",
        ],
    );
}

/// A copy of the `yaml-tab` case with a control no guide names and a second, readable
/// guide.
fn unreadable_guide_beside_others() -> GuideTest {
    let t = GuideTest::from_fixture("cascade/yaml-tab");
    let product = t.read("guides/demo/product.yaml");
    t.file(
        "demo/product.yaml",
        format!("{product}  help:\n    role: link\n    label: Help\n"),
    )
    .file(
        "demo/settings.yaml",
        "title: How to open the settings\nsummary: Open the Demo settings.\nsteps:\n  web:\n    - open: settings\nunavailable_on:\n  android, ios: The apps have no settings page.\nreviewed: 2026-11-20\n",
    )
}

#[test]
fn a_guide_that_cannot_be_read_hides_only_the_controls_it_names() {
    let t = unreadable_guide_beside_others();
    let report = t.check();
    assert_eq!(
        found(&report, &t.guides()),
        [
            "demo/product.yaml:20:3 unused-glossary-entry",
            "demo/sign-out.yaml:9:1 yaml-syntax",
        ]
    );
    assert!(report.diagnostics[0].message.contains("`help`"));
}

#[test]
fn the_summary_counts_guides_that_could_not_be_read() {
    unreadable_guide_beside_others()
        .run(&["check", "guides"])
        .code(1)
        .stderr_contains("guides: 1 guide checked, 1 guide could not be read, 1 error, 1 warning");
    GuideTest::from_fixture("cascade/independent-errors")
        .run(&["check", "guides"])
        .code(1)
        .stderr_contains("guides: 1 guide checked, 5 errors");
}

#[test]
fn a_misspelt_platform_key_hides_only_the_platform_it_meant() {
    // `andriod` means Android; iOS is still missing and still reported.
    let t = GuideTest::from_fixture("cascade/platform-key-typo");
    let guide = t.read("guides/demo/sign-out.yaml");
    let t = t.file(
        "demo/sign-out.yaml",
        guide.replace("  ios: {same_as: android}\n", ""),
    );
    let report = t.check();
    assert_eq!(
        found(&report, &t.guides()),
        [
            "demo/sign-out.yaml:1:8 platform-parity",
            "demo/sign-out.yaml:7:3 unknown-platform",
        ]
    );
    assert!(report.diagnostics[0].message.ends_with("no steps for iOS"));
}

#[test]
fn an_unknown_platform_close_to_none_hides_every_missing_platform() {
    // `desktop` could have meant any platform: no guess is made about which one is missing.
    let t = GuideTest::from_fixture("cascade/platform-key-typo");
    let guide = t.read("guides/demo/sign-out.yaml");
    let t = t.file("demo/sign-out.yaml", guide.replace("andriod:", "desktop:"));
    assert_eq!(
        found(&t.check(), &t.guides()),
        ["demo/sign-out.yaml:7:3 unknown-platform"]
    );
}
