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
        .stderr_contains("is not a folder");
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

#[test]
fn new_scaffolds_a_guide_that_passes_check_and_never_overwrites() {
    let t = GuideTest::new();
    t.run(&["new", "acme/reset-pin"])
        .code(0)
        .stdout_contains("acme/reset-pin.yaml")
        .file_exists("guides/acme/reset-pin.yaml");
    t.run(&["new", "acme/change-pin", "--platforms", "android,ios"])
        .code(0);
    t.run(&["check", "--deny-warnings"]).code(0);
    let guide = t.read("guides/acme/reset-pin.yaml");
    assert!(guide.starts_with("# yaml-language-server: $schema=../.schema/guide.schema.json\n"));
    t.file_exists("guides/.schema/guide.schema.json");

    t.run(&["new", "acme/reset-pin"])
        .code(2)
        .stderr_contains("already exists");
    assert_eq!(t.read("guides/acme/reset-pin.yaml"), guide);

    t.run(&["new", "Acme/x"])
        .stderr_contains("`Acme` is not a valid id");
    t.run(&["new", "acme/x", "--platforms", "andriod"])
        .stderr_contains("unknown platform `andriod`");
}
