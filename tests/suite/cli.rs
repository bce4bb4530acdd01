//! The `stepwise` binary: exit codes, output streams, colour, and that `check` writes nothing.

use std::path::Path;

use crate::harness::GuideTest;
use std::process::Output;

fn stepwise(args: &[&str], envs: &[(&str, &str)]) -> Output {
    crate::support::command(args, envs)
        .output()
        .expect("run stepwise")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn bundled_guides_pass_without_a_warning() {
    let o = stepwise(&["check", "guides"], &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(!out.contains("warning"), "{out}");
    assert!(
        stderr(&o).contains("guides checked, no problems found"),
        "{}",
        stderr(&o)
    );
    assert!(!out.contains('\u{1b}'), "no colour when not on a terminal");
}

#[test]
fn deny_warnings_turns_warnings_into_failure() {
    let o = stepwise(&["check", "guides", "--deny-warnings"], &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let t = GuideTest::from_fixture("check/label-drift");
    t.run(&["check", "guides"]).code(0);
    t.run(&["check", "guides", "--deny-warnings"]).code(1);
}

#[test]
fn errors_exit_1_and_are_all_reported() {
    let run = GuideTest::from_fixture("check/yaml-syntax").run(&["check", "--format", "short"]);
    run.code(1).stderr_contains("3 errors, ");
    let errors = run
        .stdout
        .lines()
        .filter(|l| l.contains(": error["))
        .count();
    assert_eq!(errors, 3, "one finding per broken file");
}

#[test]
fn usage_and_io_failures_exit_2() {
    let t = GuideTest::new().file("Cargo.toml", "");
    t.run(&["check", "no/such/folder"])
        .code(2)
        .stderr_contains("stepwise: error: guides folder `no/such/folder` does not exist");
    t.run(&["check", "--format", "xml"]).code(2);
    t.run(&["check", "guides/Cargo.toml"])
        .code(2)
        .stderr_contains("`guides/Cargo.toml` is not a guides folder or a YAML file of one");
}

#[test]
fn colour_follows_the_flag_and_no_color() {
    let t = GuideTest::from_fixture("check/unknown-platform");
    t.run(&["check", "--color", "always"])
        .stdout_contains("\u{1b}");
    t.run(&["check", "--color", "never"]).stdout_lacks("\u{1b}");
    // NO_COLOR only affects `auto`; output here is a pipe, so auto is off anyway.
    t.run_with_env(&["check"], &[("NO_COLOR", "1")])
        .stdout_lacks("\u{1b}");
    // CLICOLOR_FORCE turns `auto` on even in a pipe, unless NO_COLOR says otherwise.
    t.run_with_env(&["check"], &[("CLICOLOR_FORCE", "1")])
        .stdout_contains("\u{1b}");
    t.run_with_env(&["check"], &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")])
        .stdout_lacks("\u{1b}");
}

#[test]
fn json_is_one_parseable_document() {
    let run =
        GuideTest::from_fixture("check/duplicate-guide-id").run(&["check", "--format", "json"]);
    run.code(1).stderr_is_empty();
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(v["version"], 1);
    assert_eq!(v["summary"]["errors"], 1);
    let d = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "duplicate-guide-id")
        .unwrap();
    assert_eq!(d["related"][0]["file"], "guides/demo/one.yaml");
    for key in ["line", "column", "end_line", "end_column"] {
        assert!(d[key].as_u64().unwrap() >= 1, "{key}");
    }
}

#[test]
fn github_format_is_workflow_commands() {
    GuideTest::from_fixture("check/unknown-platform")
        .run(&["check", "--format", "github"])
        .stdout_contains("::error file=guides/demo/platform.yaml,line=7,col=3,endLine=7,endColumn=10,title=stepwise unknown-platform::unknown platform `andriod`%0Ahelp: did you mean \"android\"?");
}

/// Every file and folder under `dir` with its length and modification time.
fn snapshot_tree(dir: &Path) -> Vec<(String, u64, std::time::SystemTime)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            let m = std::fs::metadata(&p).unwrap();
            if m.is_dir() {
                stack.push(p.clone());
            }
            out.push((p.display().to_string(), m.len(), m.modified().unwrap()));
        }
    }
    out.sort();
    out
}

#[test]
fn check_changes_nothing_on_disk() {
    for fixture in ["yaml-syntax", "image-path-invalid", "duplicate-guide-id"] {
        let t = GuideTest::from_fixture(&format!("check/{fixture}"));
        let before = snapshot_tree(t.root());
        for format in ["human", "sarif"] {
            t.run(&["check", "guides", "--format", format]).code(1);
        }
        // The default folder is `guides` in the working folder.
        t.run(&["check"]).code(1);
        assert_eq!(before, snapshot_tree(t.root()), "{fixture}");
    }
}

#[test]
fn help_has_examples() {
    let o = stepwise(&["check", "--help"], &[]);
    let out = stdout(&o);
    assert!(out.contains("stepwise check --format sarif"), "{out}");
    assert!(out.contains("Exit status"));
}

#[test]
fn completions_for_three_shells() {
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef stepwise"),
        ("fish", "complete -c stepwise"),
    ] {
        let o = stepwise(&["completions", shell], &[]);
        assert_eq!(o.status.code(), Some(0));
        let out = stdout(&o);
        assert!(out.contains(marker), "{shell}");
        for sub in ["check", "build", "checklist", "preview", "explain"] {
            assert!(out.contains(sub), "{shell}: {sub}");
        }
    }
}

#[test]
fn every_command_has_examples_in_its_help() {
    for sub in [
        "check",
        "build",
        "checklist",
        "preview",
        "explain",
        "completions",
    ] {
        let o = stepwise(&[sub, "--help"], &[]);
        assert!(stdout(&o).contains("Examples:"), "{sub}");
    }
}

/// The placeholder sentences of a scaffolded guide replaced by real text, as an author
/// would.
fn fill_in(guide: &str) -> String {
    guide
        .lines()
        .map(|l| {
            if l.starts_with("summary: ") {
                "summary: Reset the PIN of your card.".to_owned()
            } else if l.contains("remove this list.") {
                l.split("- ").next().unwrap_or("").to_owned() + "- Keep your card at hand."
            } else if let Some((indent, rest)) = l.split_once("- do: Describe the next action on ")
            {
                let platform = rest.split(',').next().unwrap_or("");
                format!("{indent}- do: Enter the new PIN twice in the {platform} form")
            } else if let Some((key, _)) = l.split_once(": Say why readers on ") {
                format!("{key}: The app has no PIN settings there.")
            } else {
                l.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

#[test]
fn new_scaffolds_a_guide_that_passes_check_and_never_overwrites() {
    let t = GuideTest::new();
    t.run(&["new", "acme/reset-pin"])
        .code(0)
        .stdout_contains("acme/reset-pin.yaml")
        .file_exists("guides/acme/reset-pin.yaml");
    t.run(&["new", "acme/change-pin", "--platforms", "android,ios"])
        .code(0);
    // It passes; its placeholder text is the only warning, one per guide.
    let run = t.run(&["check", "--format", "short"]);
    run.code(0)
        .stderr_contains("0 errors, 2 warnings in 2 files");
    assert_eq!(run.stdout.matches("warning[unedited-scaffold]").count(), 2);
    let guide = t.read("guides/acme/reset-pin.yaml");
    assert!(guide.starts_with("# yaml-language-server: $schema=../.schema/guide.schema.json\n"));
    for word in ["`on: web`", "`uses:`", "product.yaml"] {
        assert!(
            guide.contains(word),
            "the scaffold's comment mentions {word}: {guide}"
        );
    }
    t.file_exists("guides/.schema/guide.schema.json");
    t.run(&["check", "--deny-warnings"]).code(1);
    for g in ["reset-pin", "change-pin"] {
        let path = format!("guides/acme/{g}.yaml");
        t.write(&path, fill_in(&t.read(&path)));
    }
    t.run(&["check", "--deny-warnings"])
        .code(0)
        .stderr_contains("no problems found");

    t.run(&["new", "acme/reset-pin"])
        .code(2)
        .stderr_contains("already exists");
    assert_eq!(t.read("guides/acme/reset-pin.yaml"), fill_in(&guide));

    t.run(&["new", "Acme/x"])
        .stderr_contains("`Acme` is not a valid id");
    t.run(&["new", "acme/x", "--platforms", "andriod"])
        .stderr_contains("unknown platform `andriod`");
}

#[test]
fn new_in_an_existing_product_uses_its_glossary() {
    let t = GuideTest::from_dir("guides");
    t.run(&["new", "netflix/change-password"]).code(0);
    let guide = t.read("guides/netflix/change-password.yaml");
    // The steps its guides start with; only the platforms it has.
    assert!(
        guide.contains(
            "  web:\n    - open: netflix-site\n    - do: Describe the next action on Web"
        ),
        "{guide}"
    );
    assert!(
        guide.contains("  android:\n    - open: netflix-app\n"),
        "{guide}"
    );
    assert!(guide.contains("  ios: {same_as: android}\n"), "{guide}");
    assert!(!guide.contains("tv"), "{guide}");
    // A product whose guides are all on the TV: a TV guide, the other platforms declared.
    t.run(&["new", "streamly/change-profile"]).code(0);
    let tv = t.read("guides/streamly/change-profile.yaml");
    assert!(tv.contains("  tv:\n    - open: streamly-tv-app\n"), "{tv}");
    assert!(
        tv.contains("unavailable_on:\n  web: Say why readers on Web cannot do this"),
        "{tv}"
    );
    // Nothing but the placeholders is reported about them.
    let run = t.run(&[
        "check",
        "--format",
        "short",
        "guides/netflix/change-password.yaml",
        "guides/streamly/change-profile.yaml",
    ]);
    run.code(0);
    let lines: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| !l.contains("[label-drift]"))
        .collect();
    assert_eq!(lines.len(), 2, "{}", run.stdout);
    assert!(
        lines
            .iter()
            .all(|l| l.contains("warning[unedited-scaffold]")),
        "{}",
        run.stdout
    );
    for g in ["netflix/change-password", "streamly/change-profile"] {
        let path = format!("guides/{g}.yaml");
        t.write(&path, fill_in(&t.read(&path)));
    }
    let run = t.run(&[
        "check",
        "--format",
        "short",
        "guides/netflix/change-password.yaml",
        "guides/streamly/change-profile.yaml",
    ]);
    assert!(
        run.stdout.lines().all(|l| l.contains("[label-drift]")),
        "{}",
        run.stdout
    );
    // A platform the product does not have is refused.
    t.run(&["new", "netflix/watch-on-tv", "--platforms", "tv"])
        .code(2)
        .stderr_contains(
            "Netflix is not available on `tv`; its product.yaml lists: web, android, ios",
        );
}

/// Two products, one guide each, and a warning in each guide and in each product file.
fn two_products() -> GuideTest {
    let product = |name: &str| {
        format!(
            "name: {name}\nglossary:\n  settings: {{role: screen, label: Settings}}\n  unused: {{role: button, label: Unused}}\n"
        )
    };
    let guide = "title: How to open settings\nsummary: Open the settings.\nsteps:\n  web:\n    - open: settings\n  android:\n    - open: settings\n  ios:\n    - open: settings\n";
    GuideTest::new()
        .file("site.yaml", "title: Help\n")
        .file("acme/product.yaml", product("Acme"))
        .file("acme/one.yaml", guide)
        .file("acme/two.yaml", guide.replace("How to open", "Open"))
        .file("zeta/product.yaml", product("Zeta"))
        .file("zeta/three.yaml", guide.replace("How to open", "Open"))
}

/// The files named in `short` output, in order, without duplicates.
fn files_of(short: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in short.lines() {
        let file = line.split(':').next().unwrap_or("").to_owned();
        if !out.contains(&file) {
            out.push(file);
        }
    }
    out
}

#[test]
fn check_of_files_reports_those_files_and_their_products_only() {
    let t = two_products();
    let all = t.run(&["check", "--format", "short"]);
    assert_eq!(
        files_of(&all.stdout),
        [
            "guides/acme/product.yaml",
            "guides/acme/two.yaml",
            "guides/zeta/product.yaml",
            "guides/zeta/three.yaml"
        ],
        "{}",
        all.stdout
    );
    // As pre-commit passes them: one guide file.
    let run = t.run(&["check", "--format", "short", "guides/acme/two.yaml"]);
    run.code(0)
        .stderr_contains("guides/acme/two.yaml: 1 guide checked, 0 errors, 2 warnings in 2 files");
    assert_eq!(
        files_of(&run.stdout),
        ["guides/acme/product.yaml", "guides/acme/two.yaml"]
    );
    assert!(run.stdout.contains("warning[title-form]"), "{}", run.stdout);
    assert!(
        run.stdout.contains("warning[unused-glossary-entry]"),
        "{}",
        run.stdout
    );
    // A clean guide still brings its product's findings, and its own none.
    let run = t.run(&["check", "--format", "short", "guides/acme/one.yaml"]);
    assert_eq!(files_of(&run.stdout), ["guides/acme/product.yaml"]);
    run.stderr_contains("1 guide checked");
    // A product file checks the whole product; site.yaml the whole site.
    let run = t.run(&["check", "--format", "short", "guides/zeta/product.yaml"]);
    assert_eq!(
        files_of(&run.stdout),
        ["guides/zeta/product.yaml", "guides/zeta/three.yaml"]
    );
    let run = t.run(&["check", "--format", "short", "guides/site.yaml"]);
    assert_eq!(files_of(&run.stdout), files_of(&all.stdout));
    run.stderr_contains("3 guides checked");
    // Files and folders mixed; each guides folder is loaded once.
    let run = t.run(&[
        "check",
        "--format",
        "short",
        "guides/zeta/three.yaml",
        "guides/acme/two.yaml",
    ]);
    assert_eq!(files_of(&run.stdout), files_of(&all.stdout));
    run.stderr_contains("guides/zeta/three.yaml, guides/acme/two.yaml: 2 guides checked, 0 errors, 4 warnings in 4 files");
    t.run(&[
        "check",
        "guides",
        "guides/acme/two.yaml",
        "--format",
        "short",
    ])
    .stderr_contains("guides: 3 guides checked");
    // --deny-warnings and --fix see the same findings.
    t.run(&["check", "guides/acme/one.yaml", "--deny-warnings"])
        .code(1);
}

#[test]
fn check_of_files_in_two_guides_folders_is_one_report() {
    let t = two_products();
    crate::harness::copy_tree(&t.guides(), &t.path("other"));
    let run = t.run(&[
        "check",
        "--format",
        "json",
        "guides/acme/two.yaml",
        "other/zeta/three.yaml",
    ]);
    run.code(0);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let files: Vec<&str> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["file"].as_str().unwrap())
        .collect();
    assert_eq!(
        files,
        [
            "guides/acme/product.yaml",
            "guides/acme/two.yaml",
            "other/zeta/product.yaml",
            "other/zeta/three.yaml"
        ]
    );
    let human = t.run(&["check", "guides/acme/two.yaml", "other/zeta/three.yaml"]);
    human
        .stdout_contains("--> other/zeta/three.yaml:1:8")
        .stdout_contains("1 | title: Open settings")
        .stderr_contains("guides/acme/two.yaml, other/zeta/three.yaml: 2 guides checked");
}

#[test]
fn check_of_a_file_it_does_not_read_is_a_usage_error() {
    let t = two_products()
        .file("acme/img/notes.yaml", "x: 1\n")
        .file("acme/notes.txt", "x\n");
    t.write("elsewhere/loose.yaml", "x: 1\n");
    t.run(&["check", "guides/acme/img/notes.yaml"])
        .code(2)
        .stderr_contains("`guides/acme/img/notes.yaml` is not a file of the guides folder `guides`")
        .stderr_contains("guides are `guides/<product>/<slug>.yaml`");
    t.run(&["check", "guides/acme/notes.txt"])
        .code(2)
        .stderr_contains("is not a guides folder or a YAML file of one");
    t.run(&["check", "elsewhere/loose.yaml"])
        .code(2)
        .stderr_contains("cannot tell which guides folder `elsewhere/loose.yaml` belongs to");
    t.run(&["check", "guides/acme/gone.yaml"])
        .code(2)
        .stderr_contains("file `guides/acme/gone.yaml` does not exist");
}

#[test]
fn the_guides_folder_is_found_upward_from_the_working_folder() {
    let t = two_products();
    t.write("src/deep/er/x.txt", "x");
    // Beside it, inside it, in a product folder and further away: the same findings.
    let expected = t.run(&["check", "guides", "--format", "short"]).stdout;
    for dir in ["", "src/deep/er", "guides", "guides/acme"] {
        let run = t.run_in(dir, &["check", "--format", "short"]);
        run.code(0)
            .stderr_contains("3 guides checked, 0 errors, 4 warnings");
        assert_eq!(files_of(&run.stdout).len(), 4, "{dir}: {}", run.stdout);
        if dir.is_empty() {
            assert_eq!(run.stdout, expected);
        }
    }
    // Paths stay relative to the working folder.
    t.run_in("guides/acme", &["check", "--format", "short"])
        .stdout_contains("../acme/two.yaml:1:8:")
        .stderr_contains("..: 3 guides checked");
    t.run_in("src/deep/er", &["check", "--format", "short"])
        .stdout_contains("../../../guides/acme/two.yaml:1:8:");
    // A file named from inside its product folder finds its guides folder too.
    t.run_in("guides/acme", &["check", "two.yaml", "--format", "short"])
        .code(0)
        .stdout_contains("../acme/two.yaml:1:8:")
        .stdout_lacks("zeta");
    // Other commands find it the same way; build writes beside the guides folder.
    t.run_in("guides/acme", &["checklist", "one", "--platform", "web"])
        .code(0)
        .stdout_contains("- [ ] ");
    t.run_in("src", &["build"]).code(0);
    t.file_exists("output/index.html");
    assert!(!t.path("src/output").exists());
}

#[test]
fn no_guides_folder_anywhere_is_a_usage_error_with_a_hint() {
    let t = GuideTest::new();
    std::fs::remove_dir(t.guides()).unwrap();
    t.write("notes/x.txt", "x");
    // The temporary folder's parents must not hold a guides folder for this test.
    if stepwise::load::locate::discover(t.root()).is_none() {
        t.run_in("notes", &["check"])
            .code(2)
            .stderr_contains("no guides folder in `[ROOT]/notes` or any folder above it")
            .stderr_contains("`stepwise check DIR`");
    }
}

#[test]
fn a_folder_without_guides_is_a_usage_error_naming_the_guides_folder() {
    let t = two_products();
    t.run(&["check", "guides/acme"])
        .code(2)
        .stderr_contains("stepwise: error: `guides/acme` holds no guides")
        .stderr_contains("help: `guides` is the guides folder: run `stepwise check guides`");
    let empty = GuideTest::new().file("site.yaml", "title: Help\n");
    empty
        .run(&["check", "guides"])
        .code(2)
        .stderr_contains("`guides` holds no guides")
        .stderr_contains("create a guide with `stepwise new PRODUCT/SLUG --dir guides`");
    // A guide that fails to load is still a guide: its errors are reported.
    GuideTest::new()
        .file("acme/product.yaml", "name: Acme\n")
        .file("acme/broken.yaml", "title: [\n")
        .run(&["check", "guides"])
        .code(1)
        .stdout_contains("error[yaml-syntax]");
}

#[test]
fn quiet_prints_findings_only_and_nothing_when_clean() {
    let t = two_products();
    let run = t.run(&["check", "--quiet", "--format", "short"]);
    run.code(0);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    assert_eq!(files_of(&run.stdout).len(), 4);
    let clean = GuideTest::from_dir("guides");
    clean
        .run(&["check", "-q", "guides/streamly/sign-in-on-tv.yaml"])
        .code(0);
    for format in ["human", "short", "github"] {
        let run = clean.run(&[
            "check",
            "-q",
            "--format",
            format,
            "guides/streamly/product.yaml",
        ]);
        run.code(0);
        assert_eq!(
            (run.stdout.as_str(), run.stderr.as_str()),
            ("", ""),
            "{format}"
        );
    }
    // The data formats still write their document.
    let run = clean.run(&[
        "check",
        "-q",
        "--format",
        "json",
        "guides/streamly/product.yaml",
    ]);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(v["summary"]["warnings"], 0);
}
