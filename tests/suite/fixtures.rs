//! One fixture folder per diagnostic code under `tests/fixtures/check/<code>/guides`, each
//! a small guides tree with that problem. Every fixture must report its own code, and its
//! output in every format is a reviewed snapshot. Each fixture is its own test, so a
//! failure names the fixture and does not hide the others.

use std::path::Path;

use stepwise::check::check_dir;
use stepwise::diag::Code;
use stepwise::emit::{self, Format};

use crate::harness::GuideTest;

const FIXTURES: &str = "tests/fixtures/check";

/// Codes whose fixture is generated at test time (a committed copy would be too large).
const GENERATED: &[&str] = &["file-too-large"];

/// One `#[test]` per fixture folder (named after the code, `-` spelt `_`), and the list of
/// the names for [`every_listed_fixture_is_a_folder_and_every_folder_is_listed`].
macro_rules! fixture_tests {
    ($($name:ident),* $(,)?) => {
        const LISTED: &[&str] = &[$(stringify!($name)),*];
        $(
            #[test]
            fn $name() {
                fixture(&stringify!($name).replace('_', "-"));
            }
        )*
    };
}

fixture_tests! {
    accent_contrast,
    alt_text,
    broken_link,
    callout_out_of_bounds,
    caption_wrong_step,
    colour_only,
    conflicting_facts,
    control_not_on_platform,
    duplicate_guide_id,
    duplicate_key,
    duplicate_step_id,
    empty_file,
    empty_platform,
    file_too_large,
    former_label,
    free_target_is_key,
    image_not_found,
    image_path_invalid,
    image_reused,
    interaction_verb,
    invalid_date,
    invalid_duration,
    invalid_id,
    invalid_utf8,
    invalid_value,
    label_drift,
    locale_syntax,
    menu_path,
    missing_action,
    missing_alt_text,
    missing_field,
    missing_label,
    missing_product,
    missing_translation_label,
    multiple_actions,
    near_duplicate_platforms,
    nesting_too_deep,
    no_platforms,
    one_action_per_step,
    partial_rename,
    path_collision,
    placeholder_form,
    platform_parity,
    quoted_label_mismatch,
    same_as_cycle,
    same_as_missing,
    site_file_not_found,
    stale_review,
    stale_translation,
    step_count,
    step_number_out_of_range,
    stray_file,
    terminology,
    tip_is_instruction,
    title_form,
    unedited_scaffold,
    unknown_action,
    unknown_callout,
    unknown_featured_guide,
    unknown_field,
    unknown_glossary_key,
    unknown_location,
    unknown_platform,
    unknown_product,
    unknown_related_guide,
    unknown_rule,
    unknown_step_reference,
    untranslated_field,
    unused_glossary_entry,
    wrong_type,
    yaml_anchor,
    yaml_syntax,
}

/// The fixture `name` reports its own code, its SARIF is valid, and its output in every
/// format equals the snapshot `suite__fixtures__<name>.<format>.snap`.
fn fixture(name: &str) {
    // The generated tree lives in a temporary folder, whose path is redacted; committed
    // fixtures are checked in place by their path relative to the package.
    let generated = GENERATED.contains(&name).then(too_large_fixture);
    let report = match &generated {
        Some(t) => t.check(),
        None => {
            let dir = Path::new(FIXTURES).join(name).join("guides");
            assert!(dir.is_dir(), "no fixture folder {}", dir.display());
            check_dir(&dir).unwrap_or_else(|e| panic!("{name}: {e}"))
        }
    };
    assert!(
        report.diagnostics.iter().any(|d| d.code.id() == name),
        "fixture {name} does not report {name}: {:#?}",
        report.diagnostics
    );
    for &format in Format::ALL {
        let raw = emit::render(format, &report.diagnostics, &report.project.sources, false);
        let mut text = match &generated {
            Some(t) => t.redact(&raw),
            None => raw.clone(),
        };
        assert!(
            text.contains(name),
            "{name}: the {} output does not name the rule",
            format.name()
        );
        if format == Format::Sarif {
            // The schema sees the output as written; the snapshot leaves out the rule
            // table, which `sarif::the_rule_table_is_a_reviewed_snapshot` shows once.
            crate::sarif::assert_fixture_sarif(&raw, &report, name);
            text = crate::sarif::redact_rules(&text);
        }
        insta::assert_snapshot!(format!("{name}.{}", format.name()), text);
    }
}

/// A guides tree with one file just over the size limit, in a temporary folder.
fn too_large_fixture() -> GuideTest {
    let mut big = String::from("title: How to sign out\nsummary: Sign out.\nintro: >\n");
    while big.len() as u64 <= stepwise::load::MAX_FILE_SIZE {
        big.push_str("  The same line again and again to make the file large.\n");
    }
    GuideTest::new()
        .file("demo/product.yaml", "name: Demo\n")
        .file("demo/huge.yaml", big)
}

/// The fixture folders on disk, by name.
fn folders() -> Vec<String> {
    let mut dirs: Vec<String> = std::fs::read_dir(FIXTURES)
        .expect("fixtures folder")
        .map(|e| e.expect("entry").path())
        .map(|p| {
            assert!(
                p.join("guides").is_dir(),
                "{} is not a fixture: it has no guides folder",
                p.display()
            );
            p.file_name().unwrap().to_string_lossy().into_owned()
        })
        .collect();
    dirs.sort();
    dirs
}

#[test]
fn every_listed_fixture_is_a_folder_and_every_folder_is_listed() {
    let mut listed: Vec<String> = LISTED
        .iter()
        .map(|n| n.replace('_', "-"))
        .filter(|n| !GENERATED.contains(&n.as_str()))
        .collect();
    listed.sort();
    assert_eq!(
        listed,
        folders(),
        "the fixture_tests! list in tests/suite/fixtures.rs and the folders in {FIXTURES} differ"
    );
}

#[test]
fn every_code_has_a_fixture_and_every_fixture_a_code() {
    let on_disk = folders();
    for g in GENERATED {
        assert!(
            !on_disk.iter().any(|d| d == g),
            "{g} is generated at test time, but also has a folder in {FIXTURES}"
        );
    }
    let all: Vec<String> = LISTED.iter().map(|n| n.replace('_', "-")).collect();
    for code in stepwise::check::rules::codes() {
        assert!(
            all.iter().any(|d| d == code.id()),
            "no fixture for `{}`: add a folder {FIXTURES}/{} and list it in fixture_tests!",
            code.id(),
            code.id()
        );
    }
    for d in &all {
        assert!(
            stepwise::check::rules::codes().iter().any(|c| c.id() == d),
            "fixture {d} is not named after a code"
        );
    }
}

#[test]
fn misspelt_platform_points_at_the_key_with_a_suggestion() {
    let report = check_dir(
        Path::new(FIXTURES)
            .join("unknown-platform/guides")
            .as_path(),
    )
    .unwrap();
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.code == Code::UnknownPlatform)
        .unwrap();
    assert_eq!(d.message, "unknown platform `andriod`");
    assert_eq!((d.span.start.line, d.span.start.col), (7, 3));
    assert_eq!((d.span.end.line, d.span.end.col), (7, 10));
    assert_eq!(d.help.as_deref(), Some("did you mean \"android\"?"));
}

#[test]
fn misspelt_field_gets_a_suggestion() {
    let report = check_dir(Path::new(FIXTURES).join("unknown-field/guides").as_path()).unwrap();
    let errors: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == stepwise::diag::Severity::Error)
        .collect();
    assert_eq!(errors.len(), 1, "no follow-up noise: {errors:#?}");
    assert_eq!(errors[0].code, Code::UnknownField);
    assert_eq!(errors[0].help.as_deref(), Some("did you mean \"steps\"?"));
}
