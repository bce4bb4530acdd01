//! The bundled guides: the seed article must load cleanly and say what it says.

use std::path::Path;

use crate::harness::GuideTest;
use stepwise::check::check_project;
use stepwise::load;
use stepwise::model::{Action, Target};
use stepwise::resolve::resolve;

#[test]
fn bundled_guides_have_no_findings() {
    let (project, diags) = load::load(Path::new("guides")).unwrap();
    let report = check_project(project, diags);
    let shown: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.suppressed.is_none())
        .collect();
    assert!(shown.is_empty(), "{shown:#?}");
}

/// The seed's two word orders stay recorded, and `labels_differ` is what keeps them from
/// being reported: without it, `label-drift` is back, in `check` and in `build`.
#[test]
fn the_bundled_label_difference_is_acknowledged_not_hidden() {
    let t = GuideTest::from_dir("guides");
    let product = t.read("guides/netflix/product.yaml");
    assert!(product.contains("web: Privacy and Security"), "{product}");
    assert!(
        product.contains("android, ios: Security and Privacy"),
        "{product}"
    );
    t.run(&["check", "guides", "--deny-warnings"])
        .code(0)
        .stdout_lacks("warning");
    t.run(&["build", "guides", "-o", "site"])
        .code(0)
        .stdout_lacks("warning")
        .stderr_contains("no problems found");
    let without: String = product
        .lines()
        .filter(|l| !l.trim_start().starts_with("labels_differ:"))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_ne!(without, product, "the product should say `labels_differ`");
    t.write("guides/netflix/product.yaml", &without);
    let report = t.check();
    let shown: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.suppressed.is_none())
        .collect();
    // Once for the English labels and once for the French ones, which differ the same way.
    assert_eq!(shown.len(), 2, "{shown:#?}");
    assert!(
        shown
            .iter()
            .any(|d| d.message.contains("\"Confidentialité et sécurité\" on web")),
        "{shown:#?}"
    );
    let d = shown
        .iter()
        .find(|d| d.message.contains("\"Privacy and Security\""))
        .expect("the English labels' finding");
    assert_eq!(
        d.code,
        stepwise::check::rules::code("label-drift").expect("a rule")
    );
    assert!(d.message.contains("\"Privacy and Security\" on web"));
    assert!(
        d.message
            .contains("\"Security and Privacy\" on android, ios")
    );
    assert!(d.message.contains("word order"));
    t.run(&["check", "guides", "--deny-warnings"])
        .code(1)
        .stdout_contains("warning[label-drift]");
    t.run(&["build", "guides", "-o", "site"])
        .code(0)
        .stdout_contains("warning[label-drift]");
}

#[test]
fn seed_guide_resolves_per_platform() {
    let (project, _) = load::load(Path::new("guides")).unwrap();
    let mut diags = Vec::new();
    let resolved = resolve(&project, &mut diags);
    let guide = &resolved.guides[0];
    assert_eq!(guide.guide.id.value, "sign-out-all-devices");
    let platforms: Vec<_> = guide
        .platforms
        .iter()
        .map(|p| (p.platform.id.as_str(), p.steps.len(), p.same_as))
        .collect();
    assert_eq!(
        platforms,
        [
            ("web", 6, None),
            ("android", 7, None),
            ("ios", 7, Some("android"))
        ]
    );
    // The mobile sign-out carries its confirmation instead of a separate step.
    let last = guide.platforms[2].steps.last().unwrap().step;
    assert_eq!(last.action.value, Action::Tap);
    assert!(matches!(&last.confirm, Some(Target::Key(k)) if k.value == "log-out"));
    assert!(guide.guide.tips[0].value.contains("two-factor"));
}
