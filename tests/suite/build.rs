//! `stepwise build`: the pages, their determinism, the atomic swap and escaping.

use crate::harness::{GuideTest, read_tree};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use stepwise::build::{BuildOptions, build};

/// A new folder `name` in the test's temporary folder.
fn tmp(t: &GuideTest, name: &str) -> PathBuf {
    let dir = t.path(name);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn opts(guides: &str, output: &Path) -> BuildOptions {
    BuildOptions {
        guides: guides.into(),
        output: output.to_path_buf(),
        templates: None,
        static_dir: None,
    }
}

fn text(tree: &BTreeMap<String, Vec<u8>>, path: &str) -> String {
    String::from_utf8(
        tree.get(path)
            .unwrap_or_else(|| panic!("no {path}"))
            .clone(),
    )
    .unwrap()
}

#[test]
fn seed_site_has_every_page() {
    let t = GuideTest::new();
    let out = tmp(&t, "seed").join("output");
    let built = build(&opts("guides", &out)).unwrap();
    assert!(built.files > 0);
    let tree = read_tree(&out);
    // Search files are named by a hash of their content.
    let files: Vec<String> = tree
        .keys()
        .map(|k| {
            let (tree, rest) = k
                .strip_prefix("fr/")
                .map_or(("", k.as_str()), |r| ("fr/", r));
            match rest.strip_prefix("search/") {
                Some(name) if name != "index.js" => {
                    format!("{tree}search/{}-<hash>.js", &name[..1])
                }
                _ => k.clone(),
            }
        })
        .collect();
    assert_eq!(
        files,
        [
            ".stepwise-output",
            "404.html",
            "assets/highlight.css",
            "assets/search.js",
            "assets/stepwise.css",
            "assets/stepwise.js",
            "categories.html",
            "categories/account-and-security.html",
            "checklists/sign-in-on-tv.html",
            "checklists/sign-out-all-devices.html",
            "data/sign-in-on-tv.json",
            "data/sign-out-all-devices.json",
            "fr/assets/highlight.css",
            "fr/assets/search.js",
            "fr/assets/stepwise.css",
            "fr/assets/stepwise.js",
            "fr/categories.html",
            "fr/categories/compte-et-securite.html",
            "fr/checklists/sign-out-all-devices.html",
            "fr/data/sign-out-all-devices.json",
            "fr/guides/sign-out-all-devices.html",
            "fr/index.html",
            "fr/products/netflix.html",
            "fr/search.html",
            "fr/search/d-<hash>.js",
            "fr/search/index.js",
            "fr/search/t-<hash>.js",
            "fr/tags.html",
            "fr/tags/appareils.html",
            "fr/tags/compte.html",
            "fr/tags/securite.html",
            "guides/sign-in-on-tv.html",
            "guides/sign-out-all-devices.html",
            "index.html",
            "products/netflix.html",
            "products/streamly.html",
            "search.html",
            "search/d-<hash>.js",
            "search/index.js",
            "search/t-<hash>.js",
            "sitemap.xml",
            "tags.html",
            "tags/account.html",
            "tags/devices.html",
            "tags/security.html",
            "tags/sign-in.html",
            "tags/tv.html",
        ]
    );
    insta::assert_snapshot!(
        "seed-guide.html",
        text(&tree, "guides/sign-out-all-devices.html")
    );
    insta::assert_snapshot!(
        "seed-checklist.html",
        text(&tree, "checklists/sign-out-all-devices.html")
    );
    insta::assert_snapshot!("seed-index.html", text(&tree, "index.html"));
    // The French tree: the guide from its translation, the labels from the glossary's.
    insta::assert_snapshot!(
        "seed-guide.fr.html",
        text(&tree, "fr/guides/sign-out-all-devices.html")
    );
    // The TV guide's options end on a phone or a computer: the step after them says the
    // reader is back on the TV.
    let tv = text(&tree, "guides/sign-in-on-tv.html");
    assert!(
        tv.contains(r#"<li id="tv-5" class="step moves">
<p class="instruction"><strong class="switch">Back on your TV:</strong> Select <var>your profile</var>.</p>"#),
        "{tv}"
    );
    // The file is compact JSON on one line; the snapshot shows it indented.
    let data = text(&tree, "data/sign-out-all-devices.json");
    assert_eq!(data.lines().count(), 1, "{data}");
    let data: serde_json::Value = serde_json::from_str(&data).unwrap();
    insta::assert_snapshot!(
        "seed-data.json",
        serde_json::to_string_pretty(&data).unwrap()
    );
    insta::assert_snapshot!("seed-sitemap.xml", text(&tree, "sitemap.xml"));
}

#[test]
fn full_fixture_renders_every_field() {
    let t = GuideTest::new();
    let out = tmp(&t, "full").join("site");
    build(&opts("tests/fixtures/build/full/guides", &out)).unwrap();
    let tree = read_tree(&out);
    let page = text(&tree, "guides/sign-out-everywhere.html");
    insta::assert_snapshot!("full-guide.html", page);
    // Screenshots are copied under a content hash, with their real size.
    let media: Vec<_> = tree.keys().filter(|k| k.starts_with("media/")).collect();
    assert_eq!(media.len(), 2);
    for m in &media {
        assert!(page.contains(&format!("src=\"../{m}\"")), "{m}");
    }
    assert!(page.contains("width=\"64\" height=\"40\""));
    assert!(page.contains("width=\"360\" height=\"240\""));
    // Callouts over the screenshot, in its own pixels; labels also as text.
    assert!(page.contains(r#"<svg class="callouts" viewBox="0 0 360 240""#));
    assert!(page.contains("<li>1: This device</li>"));
    // Every other step has a schematic drawn from the glossary (illustrations: all-steps).
    let figures = page.matches("<figure").count();
    let schematics = page.matches(r#"<svg class="schematic""#).count();
    assert_eq!(figures, schematics + 2, "every step is illustrated");
    assert!(page.contains("<title id=\"fig-tv-1-t\">Profile icon, top right, in the Acme Player app on Smart TV</title>"), "{page}");
    // `only` and `instead`: Android taps Devices then Settings, iOS taps Devices instead.
    let data: serde_json::Value =
        serde_json::from_str(&text(&tree, "data/sign-out-everywhere.json")).unwrap();
    let steps = |p: usize| -> Vec<String> {
        data["platforms"][p]["steps"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["text"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(data["platforms"][1]["id"], "android");
    assert_eq!(
        steps(1),
        [
            "Tap “Profile” (top right).",
            "Tap “Devices”.",
            "Tap “Settings”.",
            "Tap “Sign out everywhere”, then confirm with “OK”."
        ]
    );
    assert_eq!(steps(2)[1], "Tap “Devices”.");
    assert_eq!(steps(2).len(), 3);
    // A platform defined in site.yaml alone; `press` uses its verb.
    assert_eq!(data["platforms"][3]["name"], "Smart TV");
    assert_eq!(data["platforms"][3]["same_as"], "Android");
    assert!(steps(3)[2].starts_with("Select “Sign out everywhere”"));
    assert!(steps(0)[4].starts_with("If you see Devices, click “Sign out everywhere”"));
    assert!(
        page.contains("class=\"hl-"),
        "code in the intro is highlighted"
    );
}

#[test]
fn json_ld_is_a_howto_with_a_section_per_platform() {
    let t = GuideTest::new();
    let out = tmp(&t, "jsonld").join("output");
    build(&opts("guides", &out)).unwrap();
    let page = std::fs::read_to_string(out.join("guides/sign-out-all-devices.html")).unwrap();
    let start = page.find("<script type=\"application/ld+json\">").unwrap();
    let body = &page[start..];
    let body = &body[body.find('>').unwrap() + 1..body.find("</script>").unwrap()];
    let ld: serde_json::Value = serde_json::from_str(body).unwrap();
    assert_eq!(ld["@context"], "https://schema.org");
    assert_eq!(ld["@type"], "HowTo");
    assert_eq!(ld["name"], "How to sign out of Netflix on all devices");
    assert_eq!(ld["totalTime"], "PT2M");
    let sections = ld["step"].as_array().unwrap();
    let counts: Vec<(String, usize)> = sections
        .iter()
        .map(|s| {
            assert_eq!(s["@type"], "HowToSection");
            let items = s["itemListElement"].as_array().unwrap();
            for (i, item) in items.iter().enumerate() {
                assert_eq!(item["@type"], "HowToStep");
                assert_eq!(item["position"], i + 1);
                assert!(
                    item["url"]
                        .as_str()
                        .unwrap()
                        .starts_with("https://help.example.com/guides/")
                );
            }
            (s["name"].as_str().unwrap().to_owned(), items.len())
        })
        .collect();
    assert_eq!(
        counts,
        [("Web".into(), 6), ("Android".into(), 7), ("iOS".into(), 7)]
    );
}

#[test]
fn builds_are_byte_identical() {
    let t = GuideTest::new();
    let a = tmp(&t, "det-a").join("out");
    let b = tmp(&t, "det-b").join("out");
    for dir in ["guides", "tests/fixtures/build/full/guides"] {
        build(&opts(dir, &a)).unwrap();
        build(&opts(dir, &b)).unwrap();
        assert_eq!(read_tree(&a), read_tree(&b), "{dir}");
    }
}

#[test]
fn a_failed_build_leaves_the_previous_site_untouched() {
    let t = GuideTest::new();
    let out = tmp(&t, "atomic").join("output");
    build(&opts("guides", &out)).unwrap();
    let before = read_tree(&out);
    // Guides with errors: nothing is written.
    let built = build(&opts("tests/fixtures/check/unknown-platform/guides", &out)).unwrap();
    assert_eq!(built.files, 0);
    assert_eq!(read_tree(&out), before);
    // A broken template override fails rendering: nothing is written.
    let templates = tmp(&t, "atomic-templates");
    std::fs::write(templates.join("guide.html"), "{% if %}").unwrap();
    let mut o = opts("guides", &out);
    o.templates = Some(templates);
    assert!(build(&o).is_err());
    assert_eq!(read_tree(&out), before);
    // No staging folders are left beside the output.
    let siblings: Vec<_> = std::fs::read_dir(out.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(siblings, ["output"]);
}

#[test]
fn a_folder_not_written_by_stepwise_is_never_replaced() {
    let t = GuideTest::new();
    let out = tmp(&t, "not-ours");
    std::fs::write(out.join("precious.txt"), "keep me").unwrap();
    let err = build(&opts("guides", &out)).unwrap_err();
    assert!(
        err.to_string()
            .contains("was not written by stepwise build"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(out.join("precious.txt")).unwrap(),
        "keep me"
    );
}

#[test]
fn template_overrides_replace_one_template_by_name() {
    let t = GuideTest::new();
    let templates = tmp(&t, "override-templates");
    std::fs::write(
        templates.join("404.html"),
        "custom 404 for {{ site.title }}",
    )
    .unwrap();
    let out = tmp(&t, "override").join("output");
    let mut o = opts("guides", &out);
    o.templates = Some(templates);
    build(&o).unwrap();
    let tree = read_tree(&out);
    assert_eq!(
        text(&tree, "404.html"),
        "custom 404 for Stepwise Help Center"
    );
    assert!(text(&tree, "index.html").contains("<!DOCTYPE html>"));
}

#[test]
fn markup_in_every_text_field_is_escaped() {
    let t = GuideTest::new();
    let out = tmp(&t, "xss").join("output");
    build(&opts("tests/fixtures/build/xss/guides", &out)).unwrap();
    for (path, bytes) in read_tree(&out) {
        if !path.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8(bytes).unwrap();
        let scripts: Vec<&str> = html
            .match_indices("<script")
            .map(|(i, _)| &html[i..i + 40.min(html.len() - i)])
            .collect();
        for s in &scripts {
            assert!(
                s.starts_with("<script src=\"")
                    || s.starts_with("<script type=\"application/ld+json\">"),
                "{path}: unexpected {s}"
            );
        }
        assert!(!html.contains("<img src=x"), "{path}");
        assert!(!html.contains("javascript:"), "{path}");
        assert!(!html.contains("\" onload=\""), "{path}");
    }
}

#[test]
fn build_command_reports_errors_like_check() {
    let t = GuideTest::from_fixture("check/unknown-platform");
    let out = t.arg("output");
    let build = t.run(&["build", "-o", &out, "--format", "short"]);
    build.code(1).stderr_contains("nothing was built");
    let check = t.run(&["check", "--format", "short"]);
    assert_eq!(build.stdout, check.stdout);
    assert!(!t.path("output").exists(), "a failed build writes nothing");
}

#[test]
fn build_output_off_a_terminal_is_the_summary_line_alone() {
    let t = GuideTest::from_dir("guides");
    let out = t.arg("output");
    // Not a terminal (the harness captures stderr), with and without CI set: no progress.
    for env in [&[][..], &[("CI", "true")][..]] {
        let build = t.run_with_env(&["build", "-o", &out], env);
        build.code(0).stdout_lacks("building");
        let lines: Vec<&str> = build.stderr.lines().collect();
        assert_eq!(lines.len(), 1, "{}", build.stderr);
        assert!(lines[0].starts_with("built "), "{}", build.stderr);
        assert!(!build.stderr.contains('\r') && !build.stderr.contains('\x1b'));
    }
    // `--quiet` leaves out the summary line too.
    let quiet = t.run(&["build", "-o", &out, "--quiet"]);
    quiet.code(0).stderr_is_empty();
    assert_eq!(quiet.stdout, "");
}

#[test]
fn checklist_command_prints_every_format() {
    let t = GuideTest::from_dir("guides");
    for (format, platform) in [("md", "android"), ("text", "web"), ("json", "ios")] {
        t.run(&[
            "checklist",
            "sign-out-all-devices",
            "--platform",
            platform,
            "--format",
            format,
        ])
        .code(0)
        .snapshot_stdout(&format!("checklist-{format}-{platform}"));
    }
    t.run(&["checklist", "sign-out-all"])
        .code(2)
        .stderr_contains("did you mean \"sign-out-all-devices\"?");
    t.run(&["checklist", "sign-out-all-devices", "--platform", "andriod"])
        .code(2)
        .stderr_contains("did you mean \"android\"?");
}

#[test]
fn every_generated_illustration_is_well_formed_svg() {
    let t = GuideTest::new();
    let mut count = 0;
    for (name, dir) in [
        ("seed-svg", "guides"),
        ("full-svg", "tests/fixtures/build/full/guides"),
    ] {
        let out = tmp(&t, name).join("output");
        build(&opts(dir, &out)).unwrap();
        for (path, bytes) in read_tree(&out) {
            if !path.ends_with(".html") {
                continue;
            }
            let html = String::from_utf8(bytes).unwrap();
            let mut rest = html.as_str();
            while let Some(start) = rest.find("<svg") {
                let end = rest[start..].find("</svg>").unwrap() + start + "</svg>".len();
                let svg = &rest[start..end];
                roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("{path}: {e}\n{svg}"));
                assert!(!svg.contains("style="), "{path}: no style attributes (CSP)");
                count += 1;
                rest = &rest[end..];
            }
        }
    }
    // The seed (`illustrations: where-useful`): the web's profile icon, Account in its menu
    // and the step that asks for a picture; on Android and iOS the My Netflix tab, the Menu
    // icon, Account in its menu and the confirmation dialog. The full fixture
    // (`all-steps`): 16 schematics (two of them for sub-steps) and one callout overlay on
    // its guide, 2 schematics on the other. The TV guide: the Allow button at the bottom
    // of the phone. The seed's French tree draws the Netflix guide's 11 again.
    assert_eq!(
        count, 41,
        "illustrations (seed 12 + 11 in French, full fixture 18)"
    );
}

#[test]
fn rebuilds_write_only_what_changed_and_remove_what_is_gone() {
    let t = GuideTest::from_fixture("build/full");
    let guides = t.guides();
    let out = t.path("output");
    let o = BuildOptions {
        guides: guides.clone(),
        output: out.clone(),
        templates: None,
        static_dir: None,
    };
    let run = |o: &BuildOptions| stepwise::build::build_with(o, false).unwrap().1;
    let first = run(&o);
    assert_eq!(first.written, first.files);
    // Nothing changed: nothing written.
    let again = run(&o);
    assert_eq!((again.written, again.removed), (0, 0));
    // A step changed: only that guide's pages and the search files that hold its words
    // (the table of files and the changed term file; the old one goes).
    let guide = guides.join("acme/sign-out-everywhere.yaml");
    let text = std::fs::read_to_string(&guide).unwrap();
    std::fs::write(
        &guide,
        text.replace("Every session ends.", "All sessions end."),
    )
    .unwrap();
    let index_before = std::fs::read(out.join("index.html")).unwrap();
    let step = run(&o);
    assert!((1..=5).contains(&step.written), "{step:?}");
    assert!(step.removed <= 1, "{step:?}");
    assert_eq!(std::fs::read(out.join("index.html")).unwrap(), index_before);
    assert!(
        std::fs::read_to_string(out.join("guides/sign-out-everywhere.html"))
            .unwrap()
            .contains("All sessions end.")
    );
    // A title changed: the home page shows it at once.
    let text = std::fs::read_to_string(&guide).unwrap();
    std::fs::write(
        &guide,
        text.replace(
            "title: How to sign out of Acme everywhere",
            "title: How to sign out of Acme on every device",
        ),
    )
    .unwrap();
    run(&o);
    assert!(
        std::fs::read_to_string(out.join("index.html"))
            .unwrap()
            .contains("How to sign out of Acme on every device")
    );
    // A guide removed: its pages go too, and the output equals a fresh build.
    std::fs::remove_file(guides.join("acme/change-password.yaml")).unwrap();
    let text = std::fs::read_to_string(&guide).unwrap();
    std::fs::write(&guide, text.replace("related: [change-password]\n", "")).unwrap();
    let gone = run(&o);
    // Its three pages, and the search files that held its words.
    assert!(gone.removed >= 3, "{gone:?}");
    assert!(!out.join("guides/change-password.html").exists());
    let fresh = t.path("fresh");
    run(&BuildOptions {
        output: fresh.clone(),
        ..o.clone()
    });
    // The manifest aside, which records when the inputs were saved.
    let site = |dir: &Path| {
        let mut tree = read_tree(dir);
        tree.remove(".stepwise-output");
        tree
    };
    assert_eq!(site(&out), site(&fresh));
}

#[test]
fn a_sub_step_shows_every_field_on_the_page_in_the_checklist_and_in_the_json() {
    let t = GuideTest::new();
    let out = tmp(&t, "substeps").join("site");
    build(&opts("tests/fixtures/build/substeps/guides", &out)).unwrap();
    let tree = read_tree(&out);
    let media: Vec<&String> = tree.keys().filter(|k| k.starts_with("media/")).collect();
    assert_eq!(media.len(), 1, "{media:?}");

    // The guide page: everything inside the sub-step's own list item.
    let page = text(&tree, "guides/remove-a-device.html");
    let start = page
        .find(r#"<li id="web-2-1" class="step">"#)
        .expect("the sub-step has its own list item");
    let len = page[start..].find("</ol>").expect("the sub-step list ends");
    let sub = &page[start..start + len];
    for part in [
        r#"<span class="tag">Optional</span> Click <b class="ui">Remove device</b> <span class="where">(bottom right)</span>."#,
        r#"<div class="detail"><p>The list shows every device signed in during the last <strong>90 days</strong>.</p>"#,
        r#"<ul class="choices"><li>A phone</li><li>A smart TV</li></ul>"#,
        &format!(
            r#"<img src="../{}" alt="The Devices page, with the Remove device button at the bottom right" width="360" height="240""#,
            media[0]
        ),
        r#"<svg class="callouts" viewBox="0 0 360 240""#,
        r#"<span class="label">Result:</span> The device disappears from the list."#,
        r#"<span class="label">Note:</span> A removed device can sign in again with your password."#,
        r#"<span class="label">Warning:</span> Downloads on the removed device are deleted."#,
    ] {
        assert!(sub.contains(part), "missing {part} in\n{sub}");
    }

    // The checklist page: the sub-step's checkbox, optional tag and choices.
    let checklist = text(&tree, "checklists/remove-a-device.html");
    assert!(
        checklist.contains(r#"<label for="c-web-2-1"><span class="tag">Optional</span> Click <b class="ui">Remove device</b>"#),
        "{checklist}"
    );
    assert!(checklist.contains(r#"<ul class="choices"><li>A phone</li><li>A smart TV</li></ul>"#));

    // The JSON: every field of the sub-step.
    let data: serde_json::Value =
        serde_json::from_str(&text(&tree, "data/remove-a-device.json")).unwrap();
    let step = &data["platforms"][0]["steps"][1];
    assert_eq!(step["number"], "2");
    let s = &step["substeps"][0];
    assert_eq!(s["number"], "2.1");
    assert_eq!(s["anchor"], "web-2-1");
    assert_eq!(s["text"], "Click “Remove device” (bottom right).");
    assert_eq!(s["markdown"], "Click **Remove device** (bottom right).");
    assert_eq!(
        s["target"],
        serde_json::json!({"key": "remove-device", "label": "Remove device", "role": "button"})
    );
    assert_eq!(s["location"], "bottom right");
    assert_eq!(s["optional"], true);
    assert_eq!(
        s["detail"],
        "The list shows every device signed in during the last **90 days**."
    );
    assert_eq!(s["choices"], serde_json::json!(["A phone", "A smart TV"]));
    assert_eq!(s["result"], "The device disappears from the list.");
    assert_eq!(
        s["note"],
        "A removed device can sign in again with your password."
    );
    assert_eq!(s["warning"], "Downloads on the removed device are deleted.");
    assert_eq!(
        s["image"],
        serde_json::json!({
            "src": media[0],
            "alt": "The Devices page, with the Remove device button at the bottom right",
            "width": 360,
            "height": 240,
            "callouts": [{"shape": "box", "x": 200, "y": 192, "width": 148, "height": 32, "label": "Remove device"}],
        })
    );
    assert!(
        s.get("substeps").is_none(),
        "a step without sub-steps leaves the field out"
    );

    // The text checklists: the optional tag and the choices under the sub-step.
    let (code, md, err) = crate::support::run(
        &[
            "checklist",
            "remove-a-device",
            "--dir",
            "tests/fixtures/build/substeps/guides",
            "--format",
            "md",
        ],
        &[],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        md.contains("  - [ ] (optional) Click **Remove device** (bottom right).\n    - A phone\n    - A smart TV\n"),
        "{md}"
    );
}

#[test]
fn the_illustrations_setting_chooses_which_steps_get_a_drawing() {
    let count = |setting: &str| {
        let t = GuideTest::from_dir("guides");
        let site = t.read("guides/site.yaml").replace(
            "illustrations: where-useful",
            &format!("illustrations: {setting}"),
        );
        t.write("guides/site.yaml", site);
        let out = tmp(&t, "out");
        build(&opts(t.guides().to_str().unwrap(), &out)).unwrap();
        let page = String::from_utf8(
            read_tree(&out)
                .remove("guides/sign-out-all-devices.html")
                .unwrap(),
        )
        .unwrap();
        page.matches(r#"<svg class="schematic""#).count()
    };
    // 20 steps; 7 ask for a picture (1 on the web, 3 on Android, the same 3 on iOS);
    // where-useful adds the icons and the menu items (web 3 and 4, Android and iOS 4).
    assert_eq!(count("all-steps"), 20);
    assert_eq!(count("where-useful"), 11);
    assert_eq!(count("where-given"), 7);
    assert_eq!(count("none"), 0);
}

#[test]
fn steps_on_another_device_say_so_in_every_output() {
    let t = GuideTest::from_dir("tests/fixtures/build/device/guides");
    t.run(&["check"]).code(0);
    let out = t.path("site");
    build(&opts(&t.guides().to_string_lossy(), &out)).expect("build");
    let tree = read_tree(&out);
    // JSON data: the steps on the computer carry the platform and the device.
    let data: serde_json::Value =
        serde_json::from_str(&text(&tree, "data/activate-on-tv.json")).unwrap();
    let steps = data["platforms"][0]["steps"].as_array().unwrap();
    let on: Vec<_> = steps
        .iter()
        .map(|s| (s["on"].as_str(), s["device"].as_str()))
        .collect();
    let web = (Some("web"), Some("your computer or phone"));
    assert_eq!(
        on,
        [
            (None, None),
            (None, None),
            (None, None),
            web,
            web,
            web,
            web,
            (None, None),
            (None, None)
        ]
    );
    // The web's verb and labels in the computer's steps.
    assert_eq!(steps[6]["text"], "Click “Activate”.");
    // The page: one move away and one return, opening their steps' sentences.
    let page = text(&tree, "guides/activate-on-tv.html");
    assert_eq!(page.matches("class=\"switch\"").count(), 2);
    assert!(page.contains(
        "<p class=\"instruction\"><strong class=\"switch\">On your computer or phone:</strong> Open"
    ));
    assert!(
        page.contains("<strong class=\"switch\">Back on your TV:</strong> Wait a few seconds.")
    );
    // JSON-LD: each step on the computer says so, for consumers that read one step alone.
    assert!(page.contains("\"text\":\"On your computer or phone: Click “Activate”.\""));
    assert!(page.contains("\"text\":\"Back on your TV: Wait a few seconds.\""));
    // Text checklist and terminal preview.
    t.run(&["checklist", "activate-on-tv", "--format", "text"])
        .code(0)
        .stdout_contains("[ ] On your computer or phone: Open streamly.com/tv.\n[ ] Click “Sign in” (top right).")
        .stdout_contains("[ ] Back on your TV: Wait a few seconds.");
    t.run(&[
        "preview",
        "activate-on-tv",
        "--color",
        "never",
        "--width",
        "80",
    ])
    .code(0)
    .stdout_contains("    On your computer or phone:\n 4. Open streamly.com/tv.")
    .stdout_contains("    Back on your TV:\n 8. Wait a few seconds.");
}

#[test]
fn sub_steps_follow_their_steps_device_and_may_leave_it() {
    let t = GuideTest::from_dir("tests/fixtures/build/device/guides").file(
        "streamly/pair.yaml",
        "title: How to pair your TV\nsummary: Pair the TV from a browser.\nsteps:\n  tv:\n    - open: streamly-app\n    - do: Enter the code.\n      steps:\n        - open: activate-page\n          on: web\n        - click: activate\n          on: web\n        - select: profile\n    - do: Sign in on the computer.\n      on: {platform: web, device: your laptop}\n      steps:\n        - click: sign-in\n    - select: sign-in-web\nunavailable_on:\n  web: Pairing starts on the TV.\n",
    );
    t.run(&["check"]).code(0);
    t.run(&["checklist", "pair", "--format", "text"])
        .code(0)
        .stdout_contains(
            "[ ] Open the Streamly app.\n[ ] Enter the code.\n  [ ] On your computer: Open streamly.com/tv.\n  [ ] Click “Activate”.\n  [ ] Back on your TV: Select “your profile”.\n[ ] On your laptop: Sign in on the computer.\n  [ ] Click “Sign in” (top right).\n[ ] Back on your TV: Select “Sign in on the web”.\n",
        );
}
