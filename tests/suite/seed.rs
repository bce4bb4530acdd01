//! The bundled guides: the seed article must load cleanly and say what it says.

use std::path::Path;

use stepwise::check::check_project;
use stepwise::diag::Severity;
use stepwise::load;
use stepwise::model::{Action, Target};
use stepwise::resolve::resolve;

#[test]
fn bundled_guides_have_no_errors_and_one_label_warning() {
    let (project, diags) = load::load(Path::new("guides")).unwrap();
    let report = check_project(project, diags);
    let errors: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let shown: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.suppressed.is_none())
        .collect();
    assert_eq!(shown.len(), 1, "{shown:#?}");
    let d = shown[0];
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
