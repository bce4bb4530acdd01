//! UI labels in free text: quoted or bold labels checked against the platform's glossary
//! labels (`quoted-label-mismatch`), former labels of renamed controls (`former-label`,
//! `partial-rename`), and what none of them may report.

use crate::harness::GuideTest;

/// A product with a renamed control, per-platform labels and a confirmation dialog.
const PRODUCT: &str = "name: Demo
glossary:
  settings: {role: screen, label: Settings}
  devices:
    role: link
    label: Devices
    was: [Manage Devices]
    screen: settings
  privacy:
    role: section
    label:
      web: Privacy and Security
      android, ios: Security and Privacy
    labels_differ: The website and the apps use a different word order.
  remove: {role: button, label: Remove}
  confirm-remove: {role: button, label: Remove, where: confirmation dialog}
  profile: {role: button, label: \"[your profile]\"}
";

fn codes(t: &GuideTest) -> Vec<(String, u32, String)> {
    t.check()
        .diagnostics
        .iter()
        .filter(|d| d.suppressed.is_none() && d.code.id() != "unused-glossary-entry")
        .map(|d| (d.code.id().to_owned(), d.span.start.line, d.message.clone()))
        .collect()
}

#[test]
fn fix_writes_the_current_label_and_the_key() {
    let guide = "title: How to remove a device
summary: Remove a device from Demo.
steps:
  web, android, ios:
    - open: settings
    - press: \"Manage Devices\"
      result: The **Manage Devices** list shows every device.
    - press: remove
";
    let t = GuideTest::new()
        .file("demo/product.yaml", PRODUCT)
        .file("demo/remove.yaml", guide);
    let found = codes(&t);
    assert_eq!(
        found
            .iter()
            .map(|(c, l, _)| (c.as_str(), *l))
            .collect::<Vec<_>>(),
        [("former-label", 6), ("former-label", 7)],
        "{found:#?}"
    );
    t.run(&["check", "--fix"]).code(0);
    let fixed = t.read("guides/demo/remove.yaml");
    assert!(fixed.contains("    - press: devices\n"), "{fixed}");
    assert!(
        fixed.contains("result: The **Devices** list shows every device."),
        "{fixed}"
    );
    assert_eq!(codes(&t), [], "the fixed guide is clean");
}

#[test]
fn must_not_fire() {
    // A confirmation with the same label as the step before, a placeholder label, a real
    // label that contains a term the site replaces, optional and conditional steps, a
    // label the other platform shows in guide-level text, emphasis near no label.
    let site = "terminology:\n  delete: [remove]\n";
    let guide = "title: How to forget a device
summary: Forget a device in Demo.
intro: On the website the section is **Privacy and Security**; in the apps, **Security and Privacy**.
steps:
  web, android, ios:
    - open: settings
    - press: profile
      note: Your name shows as **[your profile]**.
    - press: devices
      optional: true
      note: The **Devices** list can be long.
    - press: remove
      if: The device is **still signed in**
      confirm: confirm-remove
      result: A dialog asks you to press **Remove** again; press **Remove**.
tips:
  - '\"Devices\" is under **Settings**. **Never** sign out of the device you are using.'
";
    let t = GuideTest::new()
        .file("site.yaml", site)
        .file("demo/product.yaml", PRODUCT)
        .file("demo/remove.yaml", guide);
    let found = codes(&t);
    assert_eq!(found, [], "{found:#?}");
}

#[test]
fn a_label_of_another_platform_names_this_platforms_label() {
    let guide = "title: How to find privacy
summary: Find the privacy section.
steps:
  web:
    - open: settings
    - do: Open **Security and Privacy**.
  android, ios:
    - open: settings
    - do: Open **Security and Privacy**.
";
    let t = GuideTest::new()
        .file("demo/product.yaml", PRODUCT)
        .file("demo/privacy.yaml", guide);
    let run = t.run(&["check", "--format", "short"]);
    run.code(0)
        .stdout_contains("guides/demo/privacy.yaml:6:18: warning[quoted-label-mismatch]: \"Security and Privacy\" is not a label on Web: `privacy` is \"Privacy and Security\" on Web (\"Security and Privacy\" is its label on Android and iOS)")
        .stdout_lacks("privacy.yaml:9:");
    t.run(&["check", "--fix"]).code(0);
    let fixed = t.read("guides/demo/privacy.yaml");
    assert!(
        fixed.contains("  web:\n    - open: settings\n    - do: Open **Privacy and Security**.\n"),
        "{fixed}"
    );
    assert!(
        fixed.contains(
            "  android, ios:\n    - open: settings\n    - do: Open **Security and Privacy**.\n"
        ),
        "{fixed}"
    );
}

#[test]
fn a_former_label_that_is_the_current_one_is_an_error_at_its_line() {
    let product = "name: Demo\nplatforms: [web, android]\nglossary:\n  devices:\n    role: link\n    label: {web: Devices, android: Manage Devices}\n    was: {web: [Devices, Manage Devices]}\n";
    let guide = "title: How to see devices\nsummary: See them.\nsteps:\n  web, android:\n    - press: devices\n";
    let t = GuideTest::new()
        .file("demo/product.yaml", product)
        .file("demo/devices.yaml", guide);
    t.run(&["check", "--format", "short"])
        .code(1)
        .stdout_contains("guides/demo/product.yaml:7:17: error[invalid-value]: \"Devices\" is the current label of `devices` on web, not a former one")
        .stdout_contains("warning[partial-rename]");
}
