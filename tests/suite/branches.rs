//! Options (exclusive alternatives with their own steps) and step references, end to end:
//! their checks, the JSON data, the checklist, the preview, and a guide without them
//! rendering exactly as before.

use crate::harness::GuideTest;

const FIXTURE: &str = "tests/fixtures/build/branches/guides";

#[test]
fn the_fixture_checks_clean_and_previews_options_and_references() {
    let t = GuideTest::from_dir(FIXTURE);
    t.run(&["check", "guides"]).code(0);
    let run = t.run(&["preview", "sign-in", "--platform", "ios", "--width", "100"]);
    run.code(0)
        .stdout_contains("Do one of the following:")
        .stdout_contains("Option 2 — If the screen asks for a username:")
        .stdout_contains("go back to step 2 and sign in again");
}

#[test]
fn json_data_and_checklist_carry_options_and_numbers() {
    let t = GuideTest::from_dir(FIXTURE);
    t.run(&["build", "guides", "-o", "out"]).code(0);
    let data: serde_json::Value = serde_json::from_str(&t.read("out/data/sign-in.json")).unwrap();
    let step = &data["platforms"][0]["steps"][2];
    assert_eq!(step["number"], "3");
    let options = step["options"].as_array().unwrap();
    assert_eq!(options.len(), 2);
    assert_eq!(options[1]["condition"], "the screen asks for a username");
    assert_eq!(options[1]["anchor"], "web-3-option-2");
    assert_eq!(options[1]["steps"][0]["number"], "3.2.1");
    assert_eq!(options[1]["steps"][2]["text"], "Click “Sign in”.");
    assert_eq!(
        data["platforms"][0]["steps"][4]["note"],
        "If the code does not arrive within a minute, go back to [step 2](#web-2) and sign in again."
    );
    let md = t.run(&[
        "checklist",
        "sign-in",
        "--format",
        "md",
        "--platform",
        "android",
    ]);
    md.code(0)
        .stdout_contains("  - One of:\n    - Option 1: if the screen asks for your company email\n      - [ ] Type")
        .stdout_contains("    - Option 2: if the screen asks for a username\n");
}

#[test]
fn a_mapping_among_choices_points_to_options() {
    let t = GuideTest::from_dir(FIXTURE).file(
        "acme/sign-in.yaml",
        "title: How to sign in to the Acme app\nsummary: Sign in.\nsteps:\n  web, android, ios:\n    - press: sign-in-button\n      choices:\n        - if: the screen asks for a username\n          steps: [{press: continue-button}]\n",
    );
    t.run(&["check", "guides", "--format", "short"])
        .code(1)
        .stdout_contains(
            "sign-in.yaml:7:11: error[wrong-type]: a choice is plain text, found a mapping",
        )
        .stdout_lacks("`field: some text`");
    let run = t.run(&["check", "guides"]);
    run.stdout_contains("use `options:`");
}

#[test]
fn options_are_checked_like_steps() {
    let t = GuideTest::from_dir(FIXTURE).file(
        "acme/sign-in.yaml",
        "title: How to sign in to the Acme app\nsummary: Sign in.\nsteps:\n  web:\n    - do: Sign in\n      options:\n        - if: the screen asks for a username\n          steps:\n            - press: sign-in-buton\n        - label: Another way\n          if: also a condition\n          steps: [{press: continue-button}]\n    - press: verify-button\n      id: verify\n      options:\n        - label: Only one\n          steps: [{press: continue-button, options: []}]\n",
    );
    let run = t.run(&["check", "guides", "--format", "short"]);
    run.code(1)
        .stdout_contains(
            "9:22: error[unknown-glossary-key]: `sign-in-buton` is not in the Acme glossary",
        )
        .stdout_contains(
            "10:11: error[invalid-value]: an option has either `if` or `label`, not both",
        )
        .stdout_contains("error[invalid-value]: a step with `options` needs at least two of them")
        .stdout_contains("error[invalid-value]: only a top-level step can have `options`");
}

#[test]
fn references_follow_their_own_platform() {
    // Web gets an extra first step: its reference says step 3, the others' step 2.
    let t = GuideTest::from_dir(FIXTURE);
    let yaml = t.read("guides/acme/sign-in.yaml").replace(
        "    - press: sign-in-button\n      id: start\n",
        "    - do: Accept the cookie notice\n      only: [web]\n    - press: sign-in-button\n      id: start\n",
    );
    t.write("guides/acme/sign-in.yaml", yaml);
    t.run(&["build", "guides", "-o", "out"]).code(0);
    let page = t.read("out/guides/sign-in.html");
    assert!(
        page.contains("go back to <a href=\"#web-3\">step 3</a>"),
        "{page}"
    );
    assert!(page.contains("go back to <a href=\"#ios-2\">step 2</a>"));
    assert!(page.contains("go back to <a href=\"#android-2\">step 2</a>"));
}
