//! One fixture folder per diagnostic code under `tests/fixtures/check/<code>/guides`, each
//! a small guides tree with that problem. Every fixture must report its own code, and its
//! output in every format is a reviewed snapshot.

use std::path::{Path, PathBuf};

use stepwise::check::check_dir;
use stepwise::diag::Code;
use stepwise::emit::{self, Format};

const FIXTURES: &str = "tests/fixtures/check";

/// Codes whose fixture is generated at test time (a committed copy would be too large).
const GENERATED: &[&str] = &["file-too-large"];

fn fixture_dirs() -> Vec<(String, PathBuf)> {
    let mut dirs: Vec<_> = std::fs::read_dir(FIXTURES)
        .expect("fixtures folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_dir())
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, p.join("guides"))
        })
        .collect();
    dirs.push(("file-too-large".into(), too_large_fixture()));
    dirs.sort();
    dirs
}

/// Writes a guides tree with one file just over the size limit, under `target/`, and
/// returns its path relative to the package (so snapshots do not depend on the machine).
fn too_large_fixture() -> PathBuf {
    // Written once per run: tests run in parallel and must not read a half-written file.
    static DIR: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    DIR.get_or_init(write_too_large_fixture).clone()
}

fn write_too_large_fixture() -> PathBuf {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("fixtures/file-too-large/guides");
    let demo = root.join("demo");
    std::fs::create_dir_all(&demo).unwrap();
    std::fs::write(demo.join("product.yaml"), "name: Demo\n").unwrap();
    let mut big = String::from("title: How to sign out\nsummary: Sign out.\nintro: >\n");
    while big.len() as u64 <= stepwise::load::MAX_FILE_SIZE {
        big.push_str("  The same line again and again to make the file large.\n");
    }
    std::fs::write(demo.join("huge.yaml"), big).unwrap();
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    root.strip_prefix(manifest)
        .map_or(root.clone(), Path::to_path_buf)
}

#[test]
fn every_code_has_a_fixture() {
    let dirs: Vec<String> = fixture_dirs().into_iter().map(|(n, _)| n).collect();
    for code in stepwise::check::rules::codes() {
        assert!(
            dirs.iter().any(|d| d == code.id()),
            "no fixture folder {FIXTURES}/{}",
            code.id()
        );
    }
    for d in &dirs {
        assert!(
            stepwise::check::rules::codes().iter().any(|c| c.id() == d),
            "fixture folder {d} is not named after a code"
        );
    }
    assert!(GENERATED.iter().all(|g| dirs.iter().any(|d| d == g)));
}

#[test]
fn each_fixture_reports_its_code_in_every_format() {
    for (name, dir) in fixture_dirs() {
        let report = check_dir(&dir).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(
            report.diagnostics.iter().any(|d| d.code.id() == name),
            "fixture {name} does not report {name}: {:#?}",
            report.diagnostics
        );
        for &format in Format::ALL {
            let text = emit::render(format, &report.diagnostics, &report.project.sources, false);
            assert!(
                text.contains(&name),
                "{name}: the {} output does not name the rule",
                format.name()
            );
            insta::assert_snapshot!(format!("{name}.{}", format.name()), text);
        }
    }
}

#[test]
fn misspelt_platform_points_at_the_key_with_a_suggestion() {
    let report = check_dir(
        Path::new(FIXTURES)
            .join("unknown-platform/guides")
            .as_path(),
    )
    .unwrap();
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.code == Code::UnknownPlatform)
        .unwrap();
    assert_eq!(d.message, "unknown platform `andriod`");
    assert_eq!((d.span.start.line, d.span.start.col), (7, 3));
    assert_eq!((d.span.end.line, d.span.end.col), (7, 10));
    assert_eq!(d.help.as_deref(), Some("did you mean \"android\"?"));
}

#[test]
fn misspelt_field_gets_a_suggestion() {
    let report = check_dir(Path::new(FIXTURES).join("unknown-field/guides").as_path()).unwrap();
    let errors: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == stepwise::diag::Severity::Error)
        .collect();
    assert_eq!(errors.len(), 1, "no follow-up noise: {errors:#?}");
    assert_eq!(errors[0].code, Code::UnknownField);
    assert_eq!(errors[0].help.as_deref(), Some("did you mean \"steps\"?"));
}
