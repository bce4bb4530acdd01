//! Regression tests: one per problem found in review, named after what went wrong.

use stepwise::check::check_project;
use stepwise::diag::{Code, Diagnostic};
use stepwise::load::load_in_memory;

use crate::harness::GuideTest;

const PRODUCT: &str = "name: Demo\nglossary:\n  home: {role: screen, label: Home}\n";
const GUIDE: &str =
    "title: How to x\nsummary: X.\nsteps:\n  web, android, ios:\n    - open: home\n";

fn check(files: &[(&str, &str)]) -> Vec<Diagnostic> {
    let bytes: Vec<(&str, &[u8])> = files.iter().map(|(p, t)| (*p, t.as_bytes())).collect();
    let (project, diags) = load_in_memory(&bytes).unwrap();
    check_project(project, diags).diagnostics
}

fn codes(diags: &[Diagnostic]) -> Vec<Code> {
    diags.iter().map(|d| d.code).collect()
}

#[test]
fn empty_per_platform_label_is_reported_not_dropped() {
    let product = "name: Demo\nglossary:\n  home: {role: screen, label: {}}\n";
    let d = check(&[("demo/product.yaml", product), ("demo/g.yaml", GUIDE)]);
    assert!(codes(&d).contains(&Code::MissingField), "{d:#?}");
}

#[test]
fn empty_platform_lists_are_reported() {
    let product =
        "name: Demo\nplatforms: []\nglossary:\n  home: {role: screen, label: Home, on: []}\n";
    let d = check(&[("demo/product.yaml", product), ("demo/g.yaml", GUIDE)]);
    let empty = d
        .iter()
        .filter(|d| d.message == "this list of platforms is empty")
        .count();
    assert_eq!(empty, 2, "{d:#?}");
}

#[test]
fn a_platform_named_twice_is_reported_everywhere() {
    let site = "platforms: [web, web]\n";
    let product =
        "name: Demo\nglossary:\n  home: {role: screen, label: {web: Home, web, android: Start}}\n";
    let guide = "title: How to x\nsummary: X.\nsteps:\n  web, android, ios:\n    - open: home\n      instead: {ios: {open: home}, ios, android: {open: home}}\nunavailable_on: {tv, tv: no}\n";
    let d = check(&[
        ("site.yaml", site),
        ("demo/product.yaml", product),
        ("demo/g.yaml", guide),
    ]);
    let dups = d.iter().filter(|d| d.code == Code::DuplicateKey).count();
    assert!(dups >= 3, "{d:#?}");
}

#[test]
fn images_in_replacement_steps_are_checked() {
    let guide = "title: How to x\nsummary: X.\nsteps:\n  web, android, ios:\n    - open: home\n      steps:\n        - open: home\n          instead: {ios: {open: home, image: {src: /etc/passwd}}}\n";
    let d = check(&[("demo/product.yaml", PRODUCT), ("demo/g.yaml", guide)]);
    let c = codes(&d);
    assert!(
        c.contains(&Code::ImagePathInvalid) && c.contains(&Code::MissingAltText),
        "{d:#?}"
    );
}

#[test]
fn sub_second_times_are_refused() {
    let guide = format!("{GUIDE}time: 0.4s\n");
    let d = check(&[("demo/product.yaml", PRODUCT), ("demo/g.yaml", &guide)]);
    assert_eq!(codes(&d), [Code::InvalidDuration]);
}

#[test]
fn rule_options_and_language_are_validated() {
    let site = "language: english!\nrules:\n  title-form: {style: tsak}\n";
    let d = check(&[
        ("site.yaml", site),
        ("demo/product.yaml", PRODUCT),
        ("demo/g.yaml", GUIDE),
    ]);
    let msgs: Vec<&str> = d.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(
        msgs,
        [
            "`english!` is not a language tag",
            "`tsak` is not a valid `style`"
        ],
        "{d:#?}"
    );
    assert_eq!(d[1].help.as_deref(), Some("did you mean \"task\"?"));
}

#[test]
fn product_yml_beside_product_yaml_is_reported() {
    let t = GuideTest::new()
        .file("demo/product.yaml", PRODUCT)
        .file("demo/product.yml", "name: Other\n")
        .file("demo/g.yaml", GUIDE);
    let report = t.check();
    let stray: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::StrayFile)
        .collect();
    assert_eq!(stray.len(), 1);
    assert_eq!(
        stray[0].message,
        "this file is not read: `product.yaml` beside it is"
    );
    // Absolute folders are shown as given, without a doubled slash.
    let path = report.project.sources.get(stray[0].span.file).path_slash();
    assert!(path.starts_with('/') && !path.starts_with("//"), "{path}");
    assert_eq!(t.redact(&path), "[ROOT]/guides/demo/product.yml");
}
