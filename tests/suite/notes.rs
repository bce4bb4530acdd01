//! Guide notes (with an audience), per-platform goals, and what an `instead` replacement
//! inherits from the step it replaces.

use crate::harness::GuideTest;

const PRODUCT: &str = "name: Demo\nglossary:\n  settings: {role: screen, label: Settings}\n  devices: {role: button, label: Devices}\n  remove: {role: button, label: Remove device}\n";

const GUIDE: &str = r#"title: How to remove a device
summary: Remove a device from your account.
notes:
  - It can take up to **an hour** for the device to sign out.
  - text: You can also remove a device for any member of your team.
    audience: admins
goals:
  web: Remove any device from your account.
  android, ios: Remove this phone from your account.
steps:
  web:
    - open: settings
    - click: remove
  android, ios:
    - open: settings
    - tap: devices
      detail: It is near the bottom.
      result: The app lists your devices.
      instead:
        ios: {tap: "Your devices"}
    - tap: remove
"#;

fn site() -> GuideTest {
    GuideTest::new()
        .file("demo/product.yaml", PRODUCT)
        .file("demo/remove-device.yaml", GUIDE)
}

#[test]
fn notes_and_goals_reach_the_page_the_checklist_the_json_and_the_preview() {
    let t = site();
    t.run(&["check"]).code(0);
    t.run(&["build"]).code(0);
    let page = t.read("output/guides/remove-device.html");
    assert!(
        page.contains(r#"<p class="note guide-note"><span class="label">Note:</span> It can take up to <strong>an hour</strong> for the device to sign out.</p>"#),
        "{page}"
    );
    assert!(page.contains(r#"<p class="note guide-note audience"><span class="label">For admins:</span> You can also remove a device for any member of your team.</p>"#));
    // Notes come before the steps.
    assert!(page.find("guide-note").unwrap() < page.find("steps-heading").unwrap());
    assert!(page.contains(r#"<p class="goal">Remove any device from your account.</p>"#));
    assert_eq!(
        page.matches(r#"<p class="goal">Remove this phone from your account.</p>"#)
            .count(),
        2,
        "one goal on each of the Android and iOS tabs"
    );
    let checklist = t.read("output/checklists/remove-device.html");
    assert!(checklist.contains("<span class=\"label\">For admins:</span>"));
    assert!(checklist.contains(r#"<p class="goal">Remove this phone from your account.</p>"#));

    let data: serde_json::Value =
        serde_json::from_str(&t.read("output/data/remove-device.json")).unwrap();
    assert_eq!(data["notes"][1]["audience"], "admins");
    assert_eq!(
        data["notes"][0]["text"],
        "It can take up to **an hour** for the device to sign out."
    );
    assert!(data["notes"][0].get("audience").is_none());
    assert_eq!(
        data["platforms"][0]["goal"],
        "Remove any device from your account."
    );
    assert_eq!(
        data["platforms"][2]["goal"],
        "Remove this phone from your account."
    );

    t.run(&[
        "checklist",
        "remove-device",
        "--platform",
        "ios",
        "--format",
        "text",
    ])
    .code(0)
    .stdout_contains(
        "Note: It can take up to an hour for the device to sign out.\nFor admins: You can also",
    )
    .stdout_contains("iOS\n\nRemove this phone from your account.\n\n[ ] Open");
    t.run(&["preview", "remove-device", "--platform", "android"])
        .code(0)
        .stdout_contains("For admins: You can also remove")
        .stdout_contains("Remove this phone from your account.");
    t.run(&["build"]).code(0);
}

#[test]
fn a_replacement_inherits_the_detail_and_result_it_does_not_give() {
    let t = site();
    t.run(&["build"]).code(0);
    let data: serde_json::Value =
        serde_json::from_str(&t.read("output/data/remove-device.json")).unwrap();
    let ios = &data["platforms"][2]["steps"][1];
    assert_eq!(ios["text"], "Tap Your devices.");
    assert_eq!(ios["detail"], "It is near the bottom.");
    assert_eq!(ios["result"], "The app lists your devices.");
    // Its own result wins.
    let t = site().file(
        "demo/remove-device.yaml",
        GUIDE.replace(
            r#"ios: {tap: "Your devices"}"#,
            r#"ios: {tap: "Your devices", result: The app shows this iPhone first.}"#,
        ),
    );
    t.run(&["build"]).code(0);
    let data: serde_json::Value =
        serde_json::from_str(&t.read("output/data/remove-device.json")).unwrap();
    assert_eq!(
        data["platforms"][2]["steps"][1]["result"],
        "The app shows this iPhone first."
    );
    assert_eq!(
        data["platforms"][1]["steps"][1]["result"],
        "The app lists your devices."
    );
}

#[test]
fn a_goal_needs_steps_and_a_note_needs_text() {
    let t = site().file(
        "demo/remove-device.yaml",
        GUIDE.replace("audience: admins", "audience: admins\n  - audience: owners"),
    );
    t.run(&["check", "--format", "short"])
        .code(1)
        .stdout_contains("remove-device.yaml:7:5: error[missing-field]: this note has no `text`");
    let t = site()
        .file(
            "site.yaml",
            "platforms:\n  web:\n  android:\n  ios:\n  tv: {name: Smart TV, verb: select, kind: tv}\n",
        )
        .file(
            "demo/remove-device.yaml",
            GUIDE.replace("android, ios: Remove", "tv: Remove"),
        );
    t.run(&["check", "--format", "short"])
        .code(1)
        .stdout_contains(
            "remove-device.yaml:9:3: error[invalid-value]: `tv` has a goal but the guide has no steps for it",
        );
}

#[test]
fn notes_and_goals_are_checked_like_other_text() {
    let t = site()
        .file("site.yaml", "terminology:\n  sign in: [log in]\n")
        .file(
            "demo/remove-device.yaml",
            GUIDE
                .replace(
                    "for any member of your team.",
                    "for any member of your team after you log in.",
                )
                .replace(
                    "web: Remove any device",
                    "web: Tap **Settings** > **Privasy** to remove any device",
                ),
        );
    let r = t.run(&["check", "--format", "short"]);
    r.stdout_contains("remove-device.yaml:5:78: warning[terminology]: write \"sign in\" instead of \"log in\"")
        .stdout_contains("remove-device.yaml:8:29: warning[menu-path]: \"Privasy\" in this menu path is not a glossary label");
}
