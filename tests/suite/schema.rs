//! The JSON Schemas in `docs/schema/`, which editors use for completion and which
//! `stepwise new` and `stepwise schema` hand out, agree with what `stepwise check` reads.
//!
//! YAML files are parsed with Stepwise's own parser and turned into JSON the way a YAML
//! editor sees them: `~`, `null` and empty plain values are `null`, plain `true`/`false`
//! are booleans, plain whole numbers are numbers, and everything else is a string. The
//! schemas accept both forms wherever Stepwise reads a value as text.
//!
//! What a schema cannot catch, because it sees one file at a time and only its shape:
//!
//! - Problems found before there is any YAML value: `invalid-utf8`, `file-too-large`,
//!   `yaml-syntax`, `yaml-anchor`, `nesting-too-deep` and `duplicate-key` (a JSON object
//!   cannot even hold a key twice). [`UNPARSABLE`] lists these fixture files.
//! - References to other files: `unknown-glossary-key`, `control-not-on-platform`,
//!   `unknown-related-guide`, `duplicate-guide-id`, `missing-product`, and `unknown-platform`
//!   and `missing-label`, which depend on the platforms that `site.yaml` and the product
//!   define.
//! - References inside one file that draft-07 cannot express: `same-as-missing`,
//!   `same-as-cycle`, a `screen` that is not a screen control, `only` and `instead` naming
//!   platforms outside their list, platforms named twice through comma lists.
//! - The file system: `image-not-found`, `image-path-invalid` (whether `../` leaves the
//!   guides folder depends on where the guide lies), `callout-out-of-bounds` (the image's
//!   size is in the image file) and `stray-file` (a file's place in the folder).
//! - `invalid-duration`: durations have too many accepted spellings for a pattern.
//! - Consistency rules (`label-drift`, `alt-text`, ...): they judge the content, not its
//!   shape, so their fixtures are valid.

use std::path::{Path, PathBuf};

use boon::{Compiler, SchemaIndex, Schemas};
use serde_json::{Map, Value};
use stepwise::diag::Severity;
use stepwise::load::yaml::{self, Node, Value as Yaml};
use stepwise::source::FileId;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Fixture files under `tests/fixtures/check/` that are valid YAML but break their schema.
/// Every other parsable file there must match its schema.
const INVALID: &[(&str, &str)] = &[
    ("empty-file", "demo/empty.yaml"),
    ("empty-platform", "demo/empty-platform.yaml"),
    ("invalid-date", "demo/date.yaml"),
    ("invalid-id", "demo/bad-id.yaml"),
    ("invalid-value", "demo/guide.yaml"),
    ("invalid-value", "demo/product.yaml"),
    ("missing-action", "demo/action.yaml"),
    ("missing-alt-text", "demo/img.yaml"),
    ("missing-field", "demo/missing.yaml"),
    ("multiple-actions", "demo/actions.yaml"),
    ("no-platforms", "demo/no-steps.yaml"),
    ("unknown-action", "demo/action.yaml"),
    ("unknown-field", "demo/typo.yaml"),
    ("unknown-location", "demo/product.yaml"),
    ("unknown-rule", "demo/sign-out.yaml"),
    ("unknown-rule", "site.yaml"),
    ("wrong-type", "demo/types.yaml"),
];

/// Fixture files under `tests/fixtures/check/` that never become a YAML value.
const UNPARSABLE: &[(&str, &str)] = &[
    ("duplicate-key", "demo/dup.yaml"),
    ("invalid-utf8", "demo/latin1.yaml"),
    ("nesting-too-deep", "demo/deep.yaml"),
    ("yaml-anchor", "demo/laughs.yaml"),
    ("yaml-syntax", "demo/indent.yaml"),
    ("yaml-syntax", "demo/quote.yaml"),
    ("yaml-syntax", "demo/tabs.yaml"),
];

/// The four kinds of file in a guides folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Site,
    Product,
    Guide,
    Translation,
}

/// The three schemas, compiled once per test.
struct Validator {
    schemas: Schemas,
    site: SchemaIndex,
    product: SchemaIndex,
    guide: SchemaIndex,
    translation: SchemaIndex,
}

impl Validator {
    /// The schemas as written (draft-07).
    fn load() -> Validator {
        Validator::load_draft(false)
    }

    /// The schemas as written, or as `stepwise schema` prints them (draft 2020-12).
    fn load_draft(draft_2020_12: bool) -> Validator {
        let mut compiler = Compiler::new();
        let mut schemas = Schemas::new();
        let mut compile = |name: &str| {
            let path = Path::new(ROOT).join("docs/schema").join(name);
            let mut text = std::fs::read_to_string(&path).expect("read a schema");
            if draft_2020_12 {
                text = stepwise::schema::to_2020_12(&text).expect("convert a schema");
            }
            let schema: Value =
                serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name} is not JSON: {e}"));
            let expected = if draft_2020_12 {
                "https://json-schema.org/draft/2020-12/schema"
            } else {
                "http://json-schema.org/draft-07/schema#"
            };
            assert_eq!(schema["$schema"], expected, "{name}");
            let url = format!("https://stepwise.invalid/schema/{name}");
            compiler
                .add_resource(&url, schema)
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            compiler
                .compile(&url, &mut schemas)
                .unwrap_or_else(|e| panic!("{name} does not compile: {e:#}"))
        };
        let site = compile("site.schema.json");
        let product = compile("product.schema.json");
        let guide = compile("guide.schema.json");
        let translation = compile("translation.schema.json");
        Validator {
            schemas,
            site,
            product,
            guide,
            translation,
        }
    }

    /// `Ok` if `doc` matches the schema of `kind`, otherwise the validator's explanation.
    fn validate(&self, kind: Kind, doc: &Value) -> Result<(), String> {
        let index = match kind {
            Kind::Site => self.site,
            Kind::Product => self.product,
            Kind::Guide => self.guide,
            Kind::Translation => self.translation,
        };
        self.schemas
            .validate(doc, index)
            .map_err(|e| format!("{e:#}"))
    }
}

/// A YAML tree as a YAML editor's JSON: see the module documentation.
fn to_json(node: &Node) -> Value {
    match &node.value {
        Yaml::Scalar(_) if node.is_null() => Value::Null,
        Yaml::Scalar(s) if s.plain => match s.text.as_str() {
            "true" | "True" | "TRUE" => Value::Bool(true),
            "false" | "False" | "FALSE" => Value::Bool(false),
            t => whole_number(t).unwrap_or_else(|| Value::String(t.to_owned())),
        },
        Yaml::Scalar(s) => Value::String(s.text.clone()),
        Yaml::Seq(items) => Value::Array(items.iter().map(to_json).collect()),
        Yaml::Map(entries) => {
            let mut map = Map::new();
            for e in entries {
                // Stepwise reads the first of two equal keys (the parser rejects them anyway).
                map.entry(e.key.value.clone())
                    .or_insert_with(|| to_json(&e.value));
            }
            Value::Object(map)
        }
    }
}

/// A plain scalar of digits with an optional sign (`42`, `+3`, `-1`, `007`), as a number.
fn whole_number(text: &str) -> Option<Value> {
    let digits = text.strip_prefix(['+', '-']).unwrap_or(text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: i64 = text.strip_prefix('+').unwrap_or(text).parse().ok()?;
    Some(Value::from(n))
}

/// Parses YAML text with Stepwise's parser; `None` if it has no YAML value.
fn parse(text: &str) -> Option<Value> {
    let mut diags = Vec::new();
    yaml::parse(FileId(0), text, &mut diags).map(|n| to_json(&n))
}

/// The YAML files Stepwise reads in a guides folder, with their kind, sorted: `site.yaml` at
/// the root, `product.yaml` and guides one folder down. Hidden files, stray YAML files at the
/// root and deeper folders are left out, as Stepwise leaves them out.
fn files_of(root: &Path) -> Vec<(PathBuf, Kind)> {
    let is_yaml = |p: &Path| p.extension().is_some_and(|e| e == "yaml" || e == "yml");
    let hidden = |p: &Path| {
        p.file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'))
    };
    let entries = |dir: &Path| -> Vec<PathBuf> {
        let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
            .map(|e| e.unwrap().path())
            .filter(|p| !hidden(p))
            .collect();
        v.sort();
        v
    };
    let mut out = Vec::new();
    for p in entries(root) {
        if p.is_dir() {
            for f in entries(&p) {
                if f.is_file() && is_yaml(&f) {
                    let stem = f.file_stem().unwrap_or_default();
                    let kind = if stem == "product" {
                        Kind::Product
                    } else if stem.to_string_lossy().contains('.') {
                        Kind::Translation
                    } else {
                        Kind::Guide
                    };
                    out.push((f, kind));
                }
            }
        } else if is_yaml(&p) && p.file_stem().is_some_and(|s| s == "site") {
            out.push((p, Kind::Site));
        }
    }
    out
}

/// `<parent>/<case>/guides` for every case folder under `parent`.
fn guides_folders(parent: &str) -> Vec<(String, PathBuf)> {
    let dir = Path::new(ROOT).join(parent);
    let mut out: Vec<(String, PathBuf)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("guides").is_dir())
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, p.join("guides"))
        })
        .collect();
    out.sort();
    assert!(!out.is_empty(), "no <case>/guides folder in {parent}");
    out
}

fn rel(path: &Path) -> String {
    path.strip_prefix(ROOT)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// Asserts that every file Stepwise reads under `root` parses and matches its schema;
/// returns how many files were validated.
fn assert_all_valid(v: &Validator, root: &Path) -> usize {
    let files = files_of(root);
    for (path, kind) in &files {
        let text = std::fs::read_to_string(path).unwrap();
        let doc = parse(&text).unwrap_or_else(|| panic!("{} is not valid YAML", rel(path)));
        if let Err(e) = v.validate(*kind, &doc) {
            panic!(
                "{} does not match the {kind:?} schema:\n{e}\n\nas JSON: {doc:#}",
                rel(path)
            );
        }
    }
    files.len()
}

#[test]
fn every_schema_property_has_a_description() {
    fn visit(v: &Value, at: &str, missing: &mut Vec<String>) {
        match v {
            Value::Object(map) => {
                if let Some(Value::Object(props)) = map.get("properties") {
                    for (name, p) in props {
                        if p.get("description").and_then(Value::as_str).is_none() {
                            missing.push(format!("{at}/properties/{name}"));
                        }
                    }
                }
                for (k, child) in map {
                    visit(child, &format!("{at}/{k}"), missing);
                }
            }
            Value::Array(items) => {
                for (i, child) in items.iter().enumerate() {
                    visit(child, &format!("{at}/{i}"), missing);
                }
            }
            _ => {}
        }
    }
    for name in ["site", "product", "guide", "translation"] {
        let path = Path::new(ROOT).join(format!("docs/schema/{name}.schema.json"));
        let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let mut missing = Vec::new();
        visit(&schema, "#", &mut missing);
        assert!(missing.is_empty(), "{name}: no description at {missing:#?}");
    }
}

#[test]
fn bundled_guides_and_build_fixtures_match_the_schemas() {
    let v = Validator::load();
    let mut count = assert_all_valid(&v, &Path::new(ROOT).join("guides"));
    assert!(
        count >= 3,
        "the bundled guides have site, product and guide files"
    );
    for (_, guides) in guides_folders("tests/fixtures/build") {
        count += assert_all_valid(&v, &guides);
    }
    eprintln!("schema: {count} bundled and build-fixture files are valid");
}

#[test]
fn fixtures_without_format_errors_match_the_schemas() {
    // Suppressed findings and fixable warnings: every file is well-formed.
    let v = Validator::load();
    let mut count = 0;
    for parent in ["tests/fixtures/allow", "tests/fixtures/fix"] {
        for (_, guides) in guides_folders(parent) {
            count += assert_all_valid(&v, &guides);
        }
    }
    eprintln!("schema: {count} allow and fix fixture files are valid");
}

#[test]
fn check_fixtures_break_the_schema_exactly_where_a_schema_can_tell() {
    check_fixture_verdicts(&Validator::load());
}

#[test]
fn the_2020_12_schemas_give_the_same_verdicts() {
    let v = Validator::load_draft(true);
    assert_all_valid(&v, &Path::new(ROOT).join("guides"));
    for (_, guides) in guides_folders("tests/fixtures/build") {
        assert_all_valid(&v, &guides);
    }
    check_fixture_verdicts(&v);
}

fn check_fixture_verdicts(v: &Validator) {
    let (mut valid, mut invalid, mut unparsable) = (0, 0, 0);
    let mut seen: Vec<(String, String)> = Vec::new();
    for (case, guides) in guides_folders("tests/fixtures/check") {
        for (path, kind) in files_of(&guides) {
            let file = rel(path.strip_prefix(&guides).unwrap());
            let listed = |list: &[(&str, &str)]| list.iter().any(|(c, f)| *c == case && *f == file);
            let what = rel(&path);
            seen.push((case.clone(), file.clone()));
            let doc = std::fs::read(&path)
                .ok()
                .and_then(|bytes| String::from_utf8(bytes).ok())
                .and_then(|text| parse(&text));
            let Some(doc) = doc else {
                assert!(
                    listed(UNPARSABLE),
                    "{what} does not parse; add it to UNPARSABLE"
                );
                unparsable += 1;
                continue;
            };
            assert!(
                !listed(UNPARSABLE),
                "{what} parses; remove it from UNPARSABLE"
            );
            match v.validate(kind, &doc) {
                Ok(()) if listed(INVALID) => {
                    panic!(
                        "{what} matches the {kind:?} schema, but is listed in INVALID\n\nas JSON: {doc:#}"
                    )
                }
                Err(e) if !listed(INVALID) => panic!(
                    "{what} does not match the {kind:?} schema; list it in INVALID if the schema is right:\n{e}"
                ),
                Ok(()) => valid += 1,
                Err(_) => invalid += 1,
            }
        }
    }
    for (case, file) in INVALID.iter().chain(UNPARSABLE) {
        assert!(
            seen.iter().any(|(c, f)| c == case && f == file),
            "tests/fixtures/check/{case}/guides/{file} does not exist"
        );
    }
    assert_eq!(invalid, INVALID.len());
    assert_eq!(unparsable, UNPARSABLE.len());
    eprintln!(
        "schema: check fixtures: {invalid} files invalid, {unparsable} unparsable, {valid} valid"
    );
}

/// A small project in memory; `file` is replaced by `text`.
fn project_with(file: &str, text: &str) -> Vec<(String, String)> {
    let mut files = vec![
        ("demo/product.yaml".to_owned(), product_with("")),
        ("demo/sign-out.yaml".to_owned(), guide_with("")),
    ];
    files.retain(|(p, _)| p != file);
    files.push((file.to_owned(), text.to_owned()));
    files
}

fn product_with(control_fields: &str) -> String {
    format!(
        "name: Demo\nglossary:\n  settings: {{role: screen, label: Settings}}\n  sign-out: {{role: button, label: Sign out}}\n  help:\n    role: link\n    label: Help\n{control_fields}"
    )
}

fn guide_with(step_fields: &str) -> String {
    format!(
        "title: How to sign out\nsummary: Sign out.\nsteps:\n  web, android, ios:\n    - open: settings\n    - press: sign-out\n{step_fields}"
    )
}

/// True if `stepwise check` finds no error in `file` (consistency rules aside).
fn check_accepts(file: &str, text: &str) -> Result<(), String> {
    let files = project_with(file, text);
    let bytes: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_bytes()))
        .collect();
    let (project, diags) = stepwise::load::load_in_memory(&bytes).unwrap();
    let report = stepwise::check::check_project(project, diags);
    let errors: Vec<String> = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error && !d.code.is_lint())
        .filter(|d| report.project.sources.get(d.span.file).path_slash() == file)
        .map(|d| format!("{}: {}", d.code, d.message))
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors.join("\n"))
    }
}

#[test]
fn schemas_and_check_agree_on_edge_cases() {
    let v = Validator::load();
    let site = |t: &str| ("site.yaml", Kind::Site, t.to_owned());
    let control = |t: &str| ("demo/product.yaml", Kind::Product, product_with(t));
    let product = |t: &str| ("demo/product.yaml", Kind::Product, t.to_owned());
    let step = |t: &str| ("demo/sign-out.yaml", Kind::Guide, guide_with(t));
    let guide = |t: &str| ("demo/sign-out.yaml", Kind::Guide, t.to_owned());
    let dated = |d: &str| {
        guide(&format!(
            "title: How to sign out\nsummary: Sign out.\nreviewed: {d}\nsteps:\n  web, android, ios:\n    - open: settings\n"
        ))
    };
    let callouts = |c: &str| {
        step(&format!(
            "      image:\n        src: img/settings.png\n        alt: The Settings page\n        callouts: {c}\n"
        ))
    };
    let cases: Vec<((&str, Kind, String), bool)> = vec![
        (site("illustrations: all-steps\n"), true),
        (site("illustrations: where-given\n"), true),
        (site("illustrations: where-useful\n"), true),
        (site("illustrations: none\n"), true),
        (site("illustrations: every-step\n"), false),
        (site("illustrations:\n"), false),
        (site("language: en-GB\n"), true),
        (site("language: pt-BR\n"), true),
        (site("language: english\n"), false),
        (site("language: e\n"), false),
        (site("platforms: [web, android]\n"), true),
        (site("platforms: [web, web]\n"), false),
        (site("platforms: []\n"), false),
        (site("platforms: [web, tv]\n"), false),
        (site("rules: {alt-text: off, image-reused: error}\n"), true),
        (site("rules: {title-form: {style: task}}\n"), true),
        (site("rules: {title-form: {style: sentence}}\n"), false),
        (
            site("rules: {title-form: {languages: {fr: {style: task}}}}\n"),
            true,
        ),
        (
            site("rules: {title-form: {languages: {fr: {style: [task, question]}}}}\n"),
            true,
        ),
        (
            site("rules: {title-form: {languages: {fr: {style: sentence}}}}\n"),
            false,
        ),
        (
            site("rules: {title-form: {languages: {fr: {styel: task}}}}\n"),
            false,
        ),
        (
            site("terminology: {sign in: [login], languages: {fr: {se connecter: [login]}}}\n"),
            true,
        ),
        (site("rules: {step-count: {warn: +5, max: 0030}}\n"), true),
        (site("rules: {step-count: {warn: 0}}\n"), false),
        (site("rules: {step-count: {warn: '4294967295'}}\n"), true),
        (site("rules: {step-count: {warn: '4294967296'}}\n"), false),
        (site("rules: {missing-alt-text: off}\n"), false),
        (control("    at: top-right\n"), true),
        (control("    at: Top Right\n"), true),
        (control("    at: top_bar\n"), true),
        (control("    at: center\n"), true),
        (control("    at: BOTTOM-TAB-BAR\n"), true),
        (control("    at: list-row-12\n"), true),
        (control("    at: list-row-01\n"), true),
        (control("    at: list-row-13\n"), false),
        (control("    at: list-row-0\n"), false),
        (control("    at: upper-right\n"), false),
        (control("    at: \"top  right\"\n"), false),
        (control("    at: 5\n"), false),
        (control("    at: [top]\n"), false),
        (control("    at:\n"), false),
        (control("    at: {}\n"), false),
        (
            control("    at:\n      web: top-right\n      android, ios: bottom-tab-bar\n"),
            true,
        ),
        (control("    at: {web: top, android: nowhere}\n"), false),
        (
            control("    where: top right of Settings\n    at: top-right\n"),
            true,
        ),
        (control("    on: web\n"), true),
        (control("    on: [web, web]\n"), false),
        (control("    on: []\n"), false),
        (
            product("name: Demo\nglossary:\n  help: {role: link, label: {}}\n"),
            false,
        ),
        (
            product("name: Demo\nglossary:\n  help: {role: link, label: {web: Help}, on: web}\n"),
            true,
        ),
        (product("name: Demo\nplatforms: [web, android]\n"), true),
        (product("name: Demo\nplatforms: []\n"), false),
        (product("name: Demo\nplatforms:\n"), false),
        (step("      image: {alt: The Settings page}\n"), true),
        (step("      image: {}\n"), true),
        (step("      image: img/settings.png\n"), false),
        (
            step("      image: {src: img/settings.png, alt: \"  \"}\n"),
            false,
        ),
        (
            callouts("[{box: [1, 2, 3, 4], label: Here}, {arrow: [0, 0, 5, 5]}, {marker: [1, 2]}]"),
            true,
        ),
        (callouts(""), true),
        (callouts("[{marker: [\"1\", \" 2\"]}]"), true),
        (callouts("[{marker: [+1, 007]}]"), true),
        (callouts("[{marker: [4294967295, 0]}]"), true),
        (callouts("[{marker: [4294967296, 0]}]"), false),
        (callouts("[{box: [1, 2, 3]}]"), false),
        (callouts("[{box: [1, 2, 3, -4]}]"), false),
        (callouts("[{marker: [1.5, 2]}]"), false),
        (callouts("[{marker: [1, 2], arrow: [1, 2, 3, 4]}]"), false),
        (callouts("[{label: Here}]"), false),
        (callouts("[{marker: [1, 2], colour: red}]"), false),
        (callouts("[{marker: null}]"), false),
        (callouts("{marker: [1, 2]}"), false),
        (step("      optional: YES\n"), true),
        (step("      optional: no\n"), true),
        (step("      optional: maybe\n"), false),
        (step("      only: [web, android]\n"), true),
        (step("      only: []\n"), false),
        (step("      only: [web, web]\n"), false),
        (
            step("      allow: {image-reused: One picture for both.}\n"),
            true,
        ),
        (
            step("      steps:\n        - open: settings\n          only: web\n"),
            true,
        ),
        (
            step("      instead:\n        ios: {tap: settings, steps: []}\n"),
            false,
        ),
        (step("      instead: {}\n"), true),
        (
            guide(
                "title: How to x\nsummary: x.\nsteps:\n  web: {same_as: ios}\n  ios:\n    - open: settings\nunavailable_on:\n",
            ),
            false,
        ),
        (
            guide(
                "title: How to x\nsummary: x.\nsteps:\n  web, android, ios:\n    - open: settings\nrelated: Sign_In\n",
            ),
            false,
        ),
        (site("base_url: ftp://help.example.com/\n"), false),
        (
            site("platforms:\n  web:\n  tv: {name: Smart TV, verb: select}\n"),
            false,
        ),
        (
            site(
                "platforms:\n  web: {kind: tablet}\n  tv: {name: Smart TV, verb: select, kind: tv}\n",
            ),
            true,
        ),
        (dated("2024-02-29"), true),
        (dated("2000-02-29"), true),
        (dated("2023-02-29"), false),
        (dated("1900-02-29"), false),
        (dated("2026-04-31"), false),
        (dated("2026-1-5"), false),
    ];
    let mut disagreements = Vec::new();
    for ((file, kind, text), expected) in &cases {
        let doc = parse(text).unwrap_or_else(|| panic!("case is not YAML:\n{text}"));
        let schema = v.validate(*kind, &doc);
        let check = check_accepts(file, text);
        if schema.is_ok() != *expected || check.is_ok() != *expected {
            disagreements.push(format!(
                "{file} (expected {}):\n{text}schema: {}\ncheck: {}\n",
                if *expected { "valid" } else { "invalid" },
                schema.err().unwrap_or_else(|| "valid".into()),
                check.err().unwrap_or_else(|| "valid".into()),
            ));
        }
    }
    assert!(
        disagreements.is_empty(),
        "{} of {} cases:\n\n{}",
        disagreements.len(),
        cases.len(),
        disagreements.join("\n")
    );
}
