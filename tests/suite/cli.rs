//! The `stepwise` binary: exit codes, output streams, colour, and that `check` writes nothing.

use std::path::Path;
use std::process::{Command, Output};

fn stepwise(args: &[&str], envs: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_stepwise"));
    cmd.args(args)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE");
    for (k, v) in envs {
        cmd.env(k, v);
    }
    cmd.output().expect("run stepwise")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn bundled_guides_pass_with_the_label_order_warning() {
    let o = stepwise(&["check", "guides"], &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("warning[label-drift]"), "{out}");
    assert!(out.contains("--> guides/netflix/product.yaml:"), "{out}");
    assert!(stderr(&o).contains("0 errors, 1 warning in 1 file"));
    assert!(!out.contains('\u{1b}'), "no colour when not on a terminal");
}

#[test]
fn deny_warnings_turns_warnings_into_failure() {
    let o = stepwise(&["check", "guides", "--deny-warnings"], &[]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn errors_exit_1_and_are_all_reported() {
    let o = stepwise(
        &[
            "check",
            "tests/fixtures/check/yaml-syntax/guides",
            "--format",
            "short",
        ],
        &[],
    );
    assert_eq!(o.status.code(), Some(1));
    let errors = stdout(&o)
        .lines()
        .filter(|l| l.contains(": error["))
        .count();
    assert_eq!(errors, 3, "one finding per broken file");
    assert!(stderr(&o).contains("3 errors, "), "{}", stderr(&o));
}

#[test]
fn usage_and_io_failures_exit_2() {
    let o = stepwise(&["check", "no/such/folder"], &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("stepwise: error: guides folder `no/such/folder` does not exist"));
    let o = stepwise(&["check", "--format", "xml"], &[]);
    assert_eq!(o.status.code(), Some(2));
    let o = stepwise(&["check", "Cargo.toml"], &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("is not a folder"));
}

#[test]
fn colour_follows_the_flag_and_no_color() {
    let dir = "tests/fixtures/check/unknown-platform/guides";
    let o = stepwise(&["check", dir, "--color", "always"], &[]);
    assert!(stdout(&o).contains('\u{1b}'));
    let o = stepwise(&["check", dir, "--color", "never"], &[]);
    assert!(!stdout(&o).contains('\u{1b}'));
    // NO_COLOR only affects `auto`; output here is a pipe, so auto is off anyway.
    let o = stepwise(&["check", dir], &[("NO_COLOR", "1")]);
    assert!(!stdout(&o).contains('\u{1b}'));
    // CLICOLOR_FORCE turns `auto` on even in a pipe, unless NO_COLOR says otherwise.
    let o = stepwise(&["check", dir], &[("CLICOLOR_FORCE", "1")]);
    assert!(stdout(&o).contains('\u{1b}'));
    let o = stepwise(
        &["check", dir],
        &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")],
    );
    assert!(!stdout(&o).contains('\u{1b}'));
}

#[test]
fn json_is_one_parseable_document() {
    let o = stepwise(
        &[
            "check",
            "tests/fixtures/check/duplicate-guide-id/guides",
            "--format",
            "json",
        ],
        &[],
    );
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["version"], 1);
    assert_eq!(v["summary"]["errors"], 1);
    let d = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "duplicate-guide-id")
        .unwrap();
    assert_eq!(d["rule"], "duplicate-guide-id");
    assert_eq!(
        d["related"][0]["file"],
        "tests/fixtures/check/duplicate-guide-id/guides/demo/one.yaml"
    );
    for key in ["line", "column", "end_line", "end_column"] {
        assert!(d[key].as_u64().unwrap() >= 1, "{key}");
    }
    assert!(stderr(&o).is_empty(), "machine formats keep stderr quiet");
}

#[test]
fn github_format_is_workflow_commands() {
    let o = stepwise(
        &[
            "check",
            "tests/fixtures/check/unknown-platform/guides",
            "--format",
            "github",
        ],
        &[],
    );
    let out = stdout(&o);
    assert!(
        out.contains("::error file=tests/fixtures/check/unknown-platform/guides/demo/platform.yaml,line=7,col=3,endLine=7,endColumn=10,title=stepwise unknown-platform::unknown platform `andriod`%0Ahelp: did you mean \"android\"?"),
        "{out}"
    );
}

/// Every file under `dir` with its length and modification time.
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
    let root = Path::new("tests/fixtures/check");
    let before = snapshot_tree(root);
    let cwd_before = snapshot_tree(Path::new("guides"));
    for dir in ["yaml-syntax", "image-path-invalid", "duplicate-guide-id"] {
        let path = format!("tests/fixtures/check/{dir}/guides");
        for format in ["human", "sarif"] {
            stepwise(&["check", &path, "--format", format], &[]);
        }
    }
    stepwise(&["check"], &[]);
    assert_eq!(before, snapshot_tree(root));
    assert_eq!(cwd_before, snapshot_tree(Path::new("guides")));
    assert!(!Path::new("output").exists() || Path::new("output").is_dir());
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
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("new-guides");
    let _ = std::fs::remove_dir_all(&dir);
    let d = dir.to_str().unwrap();
    let o = stepwise(&["new", "acme/reset-pin", "--dir", d], &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("acme/reset-pin.yaml"));
    let o = stepwise(
        &[
            "new",
            "acme/change-pin",
            "--platforms",
            "android,ios",
            "--dir",
            d,
        ],
        &[],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = stepwise(&["check", d, "--deny-warnings"], &[]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    let guide = std::fs::read_to_string(dir.join("acme/reset-pin.yaml")).unwrap();
    assert!(guide.starts_with("# yaml-language-server: $schema=../.schema/guide.schema.json\n"));
    assert!(dir.join(".schema/guide.schema.json").is_file());

    let before = std::fs::read(dir.join("acme/reset-pin.yaml")).unwrap();
    let o = stepwise(&["new", "acme/reset-pin", "--dir", d], &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("already exists"));
    assert_eq!(
        std::fs::read(dir.join("acme/reset-pin.yaml")).unwrap(),
        before
    );

    let o = stepwise(&["new", "Acme/x", "--dir", d], &[]);
    assert!(stderr(&o).contains("`Acme` is not a valid id"));
    let o = stepwise(
        &["new", "acme/x", "--platforms", "andriod", "--dir", d],
        &[],
    );
    assert!(stderr(&o).contains("unknown platform `andriod`"));
}
