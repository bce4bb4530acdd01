//! A guides tree in a temporary folder, the `stepwise` binary run inside it, and assertions
//! on its exit code, output and files (in the manner of mdBook's `BookTest`).
//!
//! ```ignore
//! GuideTest::new()
//!     .file("demo/product.yaml", "name: Demo\n")
//!     .run(&["check"])
//!     .code(0)
//!     .stderr_contains("0 errors");
//! ```
//!
//! The binary runs with the tree as its working folder, so paths in its output are relative
//! (`guides/demo/g.yaml`); any absolute mention of the tree is replaced by `[ROOT]`. Either
//! way, output and snapshots never depend on where the repository or the target folder are.

use std::path::{Path, PathBuf};

use stepwise::check::{Report, check_dir};
use tempfile::TempDir;

/// What replaces the tree's path in output.
pub(crate) const ROOT: &str = "[ROOT]";

/// The repository, where `tests/fixtures` and the bundled `guides` are.
pub(crate) fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A temporary folder holding a guides tree at `guides/`; removed when dropped.
pub(crate) struct GuideTest {
    dir: TempDir,
}

impl GuideTest {
    /// An empty `guides/` folder in a new temporary folder.
    pub(crate) fn new() -> GuideTest {
        let dir = tempfile::Builder::new()
            .prefix("stepwise-test-")
            .tempdir()
            .expect("create a temporary folder");
        std::fs::create_dir_all(dir.path().join("guides")).expect("create guides/");
        GuideTest { dir }
    }

    /// A copy of `tests/fixtures/<name>/guides` (for example `check/unknown-field`).
    pub(crate) fn from_fixture(name: &str) -> GuideTest {
        GuideTest::from_dir(&format!("tests/fixtures/{name}/guides"))
    }

    /// A copy of the guides folder `path` of the repository (for example `guides`).
    pub(crate) fn from_dir(path: &str) -> GuideTest {
        let from = repo().join(path);
        assert!(from.is_dir(), "no guides folder {}", from.display());
        let t = GuideTest::new();
        copy_tree(&from, &t.guides());
        t
    }

    /// Writes `contents` to `path` under `guides/`, creating folders as needed.
    pub(crate) fn file(self, path: &str, contents: impl AsRef<[u8]>) -> GuideTest {
        self.write(&format!("guides/{path}"), contents);
        self
    }

    /// Writes `contents` to `path` relative to the temporary folder.
    pub(crate) fn write(&self, path: &str, contents: impl AsRef<[u8]>) {
        let p = self.path(path);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).expect("create the file's folder");
        }
        std::fs::write(&p, contents).unwrap_or_else(|e| panic!("write {}: {e}", p.display()));
    }

    /// The temporary folder (the binary's working folder).
    pub(crate) fn root(&self) -> &Path {
        self.dir.path()
    }

    /// The guides folder, `<root>/guides`.
    pub(crate) fn guides(&self) -> PathBuf {
        self.path("guides")
    }

    /// `path` relative to the temporary folder.
    pub(crate) fn path(&self, path: &str) -> PathBuf {
        self.root().join(path)
    }

    /// `path` relative to the temporary folder, as a string for command arguments.
    pub(crate) fn arg(&self, path: &str) -> String {
        self.path(path).to_string_lossy().into_owned()
    }

    /// Runs `stepwise args` in the temporary folder.
    pub(crate) fn run(&self, args: &[&str]) -> Run {
        self.run_with_env(args, &[])
    }

    /// Runs `stepwise args` in the folder `dir` of the temporary folder.
    pub(crate) fn run_in(&self, dir: &str, args: &[&str]) -> Run {
        let o = crate::support::command(args, &[])
            .current_dir(self.path(dir))
            .output()
            .expect("run stepwise");
        Run {
            args: args.join(" "),
            code: o.status.code().unwrap_or(-1),
            stdout: self.redact(&String::from_utf8_lossy(&o.stdout)),
            stderr: self.redact(&String::from_utf8_lossy(&o.stderr)),
            root: self.root().to_path_buf(),
        }
    }

    /// Runs `stepwise args` in the temporary folder with extra environment variables
    /// (the caller's shell does not matter: see [`crate::support::command`]).
    pub(crate) fn run_with_env(&self, args: &[&str], envs: &[(&str, &str)]) -> Run {
        let o = crate::support::command(args, envs)
            .current_dir(self.root())
            .output()
            .expect("run stepwise");
        Run {
            args: args.join(" "),
            code: o.status.code().unwrap_or(-1),
            stdout: self.redact(&String::from_utf8_lossy(&o.stdout)),
            stderr: self.redact(&String::from_utf8_lossy(&o.stderr)),
            root: self.root().to_path_buf(),
        }
    }

    /// Checks `guides/` with the library (no process).
    pub(crate) fn check(&self) -> Report {
        check_dir(&self.guides()).unwrap_or_else(|e| panic!("check {}: {e}", ROOT))
    }

    /// `text` with every spelling of the temporary folder's path replaced by [`ROOT`].
    pub(crate) fn redact(&self, text: &str) -> String {
        let mut out = text.to_owned();
        let mut roots = vec![self.root().to_path_buf()];
        if let Ok(real) = self.root().canonicalize() {
            roots.push(real);
        }
        // Longest first, so a path that extends another is replaced whole.
        roots.sort_by_key(|r| std::cmp::Reverse(r.as_os_str().len()));
        for r in roots {
            let plain = r.to_string_lossy().into_owned();
            let slashed = plain.replace('\\', "/");
            out = out.replace(&plain, ROOT).replace(&slashed, ROOT);
        }
        out
    }

    /// The text of `path` relative to the temporary folder.
    #[track_caller]
    pub(crate) fn read(&self, path: &str) -> String {
        read(self.root(), path)
    }

    /// Asserts that `path` (relative to the temporary folder) is a file.
    #[track_caller]
    pub(crate) fn file_exists(&self, path: &str) -> &GuideTest {
        assert!(self.path(path).is_file(), "no file {ROOT}/{path}");
        self
    }
}

/// One run of the binary: exit code and redacted output.
#[derive(Debug)]
pub(crate) struct Run {
    /// The arguments, for failure messages.
    pub args: String,
    /// The exit code (-1 when killed by a signal).
    pub code: i32,
    /// Standard output, with the tree's path redacted.
    pub stdout: String,
    /// Standard error, with the tree's path redacted.
    pub stderr: String,
    root: PathBuf,
}

impl Run {
    /// Asserts the exit code.
    #[track_caller]
    pub(crate) fn code(&self, expected: i32) -> &Run {
        assert_eq!(
            self.code, expected,
            "`stepwise {}` exit code\nstdout:\n{}\nstderr:\n{}",
            self.args, self.stdout, self.stderr
        );
        self
    }

    /// Asserts that stdout contains `needle`.
    #[track_caller]
    pub(crate) fn stdout_contains(&self, needle: &str) -> &Run {
        assert!(
            self.stdout.contains(needle),
            "`stepwise {}`: stdout lacks {needle:?}:\n{}",
            self.args,
            self.stdout
        );
        self
    }

    /// Asserts that stdout does not contain `needle`.
    #[track_caller]
    pub(crate) fn stdout_lacks(&self, needle: &str) -> &Run {
        assert!(
            !self.stdout.contains(needle),
            "`stepwise {}`: stdout has {needle:?}:\n{}",
            self.args,
            self.stdout
        );
        self
    }

    /// Asserts that stderr contains `needle`.
    #[track_caller]
    pub(crate) fn stderr_contains(&self, needle: &str) -> &Run {
        assert!(
            self.stderr.contains(needle),
            "`stepwise {}`: stderr lacks {needle:?}:\n{}",
            self.args,
            self.stderr
        );
        self
    }

    /// Asserts that stderr is empty.
    #[track_caller]
    pub(crate) fn stderr_is_empty(&self) -> &Run {
        assert!(
            self.stderr.is_empty(),
            "`stepwise {}`: stderr is not empty:\n{}",
            self.args,
            self.stderr
        );
        self
    }

    /// Compares stdout with the snapshot `suite__<calling module>__<name>.snap`.
    #[track_caller]
    pub(crate) fn snapshot_stdout(&self, name: &str) -> &Run {
        snapshot(name, &self.stdout);
        self
    }

    /// Asserts that `path` (relative to the temporary folder) is a file.
    #[track_caller]
    pub(crate) fn file_exists(&self, path: &str) -> &Run {
        assert!(
            self.root.join(path).is_file(),
            "`stepwise {}`: no file {ROOT}/{path}",
            self.args
        );
        self
    }

    /// The text of `path` relative to the temporary folder.
    #[track_caller]
    pub(crate) fn read(&self, path: &str) -> String {
        read(&self.root, path)
    }
}

/// Compares `text` with the snapshot named after the calling test module and `name`
/// (`suite__cli__name.snap`), as `insta::assert_snapshot!` in that module would.
#[track_caller]
pub(crate) fn snapshot(name: &str, text: &str) {
    let caller = std::panic::Location::caller().file();
    let module = Path::new(caller)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_else(|| panic!("no module name in {caller}"));
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    settings.set_snapshot_path(repo().join("tests/suite/snapshots"));
    settings.bind(|| insta::assert_snapshot!(format!("suite__{module}__{name}"), text));
}

#[track_caller]
fn read(root: &Path, path: &str) -> String {
    std::fs::read_to_string(root.join(path)).unwrap_or_else(|e| panic!("read {ROOT}/{path}: {e}"))
}

/// Copies a folder recursively.
pub(crate) fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let p = e.unwrap().path();
        let dest = to.join(p.file_name().unwrap());
        if p.is_dir() {
            copy_tree(&p, &dest);
        } else {
            std::fs::copy(&p, &dest).unwrap();
        }
    }
}

/// Asserts that the site in `out` (under the test's folder) holds what a fresh build of the
/// same guides into an empty folder writes, the manifest aside (it records the input
/// files' times).
#[track_caller]
pub(crate) fn assert_equals_fresh(t: &GuideTest, out: &str) {
    let fresh = t.path("fresh");
    if fresh.exists() {
        std::fs::remove_dir_all(&fresh).unwrap();
    }
    t.run(&["build", "guides", "-o", "fresh"]).code(0);
    let mut now = read_tree(&t.path(out));
    let mut want = read_tree(&fresh);
    now.remove(".stepwise-output");
    want.remove(".stepwise-output");
    let differ: Vec<&String> = want
        .keys()
        .chain(now.keys())
        .filter(|k| now.get(*k) != want.get(*k))
        .collect();
    assert!(differ.is_empty(), "differs from a fresh build: {differ:?}");
}

/// Every file under `root` with its bytes.
pub(crate) fn read_tree(root: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut out = std::collections::BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.insert(rel, std::fs::read(&p).unwrap());
            }
        }
    }
    out
}

/// Runs `git -C dir args` as a fixed author at `date`; whether it succeeded.
pub(crate) fn git(dir: &Path, args: &[&str], date: &str) -> bool {
    std::process::Command::new("git")
        .arg("-C")
        .arg(dir)
        .args([
            "-c",
            "user.name=Writer",
            "-c",
            "user.email=writer@example.com",
        ])
        .args(args)
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .output()
        .is_ok_and(|o| o.status.success())
}
