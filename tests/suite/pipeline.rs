//! One pass through the pipeline: each command resolves once, every command refuses the
//! same errors, and no two inputs share an output file.

use std::path::Path;

use crate::support::run;

/// A guides tree in a fresh temporary folder.
fn tree(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in files {
        let p = dir.path().join("guides").join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    dir
}

const SITE: &str = "platforms: [web]\n";
const PRODUCT: &str = "name: Demo\nglossary:\n  settings: {role: screen, label: Settings}\n  sign-out: {role: button, label: Sign out, where: bottom of Settings}\n";

fn guide(title: &str, category: Option<&str>) -> String {
    let category = category
        .map(|c| format!("category: {c}\n"))
        .unwrap_or_default();
    format!(
        "title: {title}\nsummary: Something to do in Demo.\n{category}steps:\n  web:\n    - open: settings\n    - click: sign-out\n"
    )
}

fn stages(stderr: &str, name: &str) -> usize {
    let line = format!("stepwise: {name}: ");
    stderr.lines().filter(|l| l.starts_with(&line)).count()
}

#[test]
fn every_command_resolves_the_guides_once() {
    let out = tempfile::tempdir().unwrap();
    let output = out.path().join("site");
    let timings = [("STEPWISE_TIMINGS", "1")];
    let commands: [&[&str]; 4] = [
        &["build", "guides", "-o", output.to_str().unwrap()],
        &["check", "guides"],
        &["checklist", "sign-out-all-devices", "--dir", "guides"],
        &["preview", "sign-out-all-devices", "--dir", "guides"],
    ];
    for args in commands {
        let (code, _, err) = run(args, &timings);
        assert_eq!(code, 0, "{args:?}: {err}");
        assert_eq!(stages(&err, "resolve"), 1, "{args:?}: {err}");
        assert_eq!(stages(&err, "check"), 1, "{args:?}: {err}");
    }
    // A rebuild with nothing changed stops before the pass: no file is even parsed.
    let (code, _, err) = run(commands[0], &timings);
    assert_eq!((code, stages(&err, "resolve")), (0, 0), "{err}");
    assert_eq!(stages(&err, "files parsed"), 0, "{err}");
    // Forced, it goes through the same single pass.
    let mut forced = commands[0].to_vec();
    forced.push("--force");
    let (code, _, err) = run(&forced, &timings);
    assert_eq!((code, stages(&err, "resolve")), (0, 1), "{err}");
}

#[test]
fn categories_whose_pages_collide_stop_the_build() {
    let dir = tree(&[
        ("site.yaml", SITE),
        ("demo/product.yaml", PRODUCT),
        ("demo/a.yaml", &guide("How to sign out", Some("Sign-in"))),
        (
            "demo/b.yaml",
            &guide("How to sign out fast", Some("sign in")),
        ),
    ]);
    let guides = dir.path().join("guides");
    let output = dir.path().join("site");
    let (code, out, err) = run(
        &[
            "build",
            guides.to_str().unwrap(),
            "-o",
            output.to_str().unwrap(),
            "--format",
            "short",
        ],
        &[],
    );
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        out.contains("error[path-collision]: categories `sign in` and `Sign-in` would share the page `categories/sign-in.html`"),
        "{out}"
    );
    assert!(!output.exists(), "nothing may be written");
}

#[test]
fn a_category_named_other_and_uncategorised_guides_stay_apart() {
    let dir = tree(&[
        ("site.yaml", SITE),
        ("demo/product.yaml", PRODUCT),
        ("demo/a.yaml", &guide("How to sign out", Some("Other"))),
        ("demo/b.yaml", &guide("How to open settings", None)),
        (
            "demo/c.yaml",
            &guide(
                "How to sign out quickly",
                Some("Réglages et confidentialité"),
            ),
        ),
    ]);
    let guides = dir.path().join("guides");
    let output = dir.path().join("site");
    let (code, _, err) = run(
        &[
            "build",
            guides.to_str().unwrap(),
            "-o",
            output.to_str().unwrap(),
        ],
        &[],
    );
    assert_eq!(code, 0, "{err}");
    let read = |p: &str| std::fs::read_to_string(output.join(p)).unwrap();
    let other = read("categories/other.html");
    assert!(other.contains("How to sign out"), "{other}");
    assert!(!other.contains("How to open settings"), "{other}");
    let accents = read("categories/reglages-et-confidentialite.html");
    assert!(accents.contains("How to sign out quickly"), "{accents}");
    let home = read("index.html");
    for text in [
        "categories/other.html\"><span class=\"tile-title\">Other</span> <span class=\"tile-count\">1 guide</span>",
        "Réglages et confidentialité",
    ] {
        assert!(home.contains(text), "home page lacks {text}: {home}");
    }
    // The product page groups its guides by category; the uncategorised one comes last.
    let product = read("products/demo.html");
    let (other, more) = (
        product.find(">Other</a></h2>"),
        product.find(">More guides</h2>"),
    );
    assert!(
        other.is_some() && more.is_some() && other < more,
        "{product}"
    );
    let settings = product.find("How to open settings");
    assert!(settings > more, "{product}");
    // The uncategorised guide's page links to no category page.
    let b = read("guides/b.html");
    assert!(!b.contains("categories/"), "{b}");
}

#[test]
fn suppressed_errors_block_no_command() {
    // 21 steps is an error of `step-count`, allowed here with a reason.
    let steps: String = (0..21).map(|_| "    - open: settings\n").collect();
    let long = format!(
        "title: How to open settings often\nsummary: Open them.\nallow:\n  step-count: a long drill, on purpose\nsteps:\n  web:\n{steps}"
    );
    let dir = tree(&[
        ("site.yaml", SITE),
        ("demo/product.yaml", PRODUCT),
        ("demo/long.yaml", &long),
    ]);
    let guides = dir.path().join("guides");
    let g = guides.to_str().unwrap();
    let output = dir.path().join("site");
    let o = output.to_str().unwrap();
    let commands: [&[&str]; 4] = [
        &["check", g],
        &["build", g, "-o", o],
        &["checklist", "long", "--dir", g],
        &["preview", "long", "--dir", g],
    ];
    for args in commands {
        let (code, out, err) = run(args, &[]);
        assert_eq!(code, 0, "{args:?}: {out}{err}");
    }
}

#[test]
fn the_manifest_is_versioned_json_and_a_foreign_one_means_a_full_rebuild() {
    let out = tempfile::tempdir().unwrap();
    let output = out.path().join("site");
    let o = output.to_str().unwrap();
    let (code, _, err) = run(&["build", "guides", "-o", o], &[]);
    assert_eq!(code, 0, "{err}");
    let marker = output.join(".stepwise-output");
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&marker).unwrap()).unwrap();
    assert_eq!(manifest["version"], 2);
    assert!(manifest["guides"]["sign-out-all-devices"].is_string());
    assert!(
        manifest["shared_files"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f == "index.html")
    );
    // A manifest this program cannot read: every page is compared again (none differs, so
    // none is written), none is lost, and the stray file is removed.
    std::fs::write(&marker, "# an older format\n0123 sign-out-all-devices\n").unwrap();
    std::fs::write(output.join("stray.html"), "x").unwrap();
    let (code, _, err) = run(&["build", "guides", "-o", o], &[]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains(": 0 written, "), "{err}");
    assert!(err.contains(", 1 removed)"), "{err}");
    assert!(!output.join("stray.html").exists());
    assert!(Path::new(&output.join("guides/sign-out-all-devices.html")).is_file());
    let again: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&marker).unwrap()).unwrap();
    // The record of the inputs holds when the build started; the rest is the same.
    assert!(again["inputs"]["listed"].is_array());
    let without_inputs = |mut v: serde_json::Value| {
        v.as_object_mut().unwrap().remove("inputs");
        v
    };
    assert_eq!(without_inputs(again), without_inputs(manifest));
}
