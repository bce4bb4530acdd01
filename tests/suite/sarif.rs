//! `--format sarif` output validates against the official SARIF 2.1.0 JSON schema
//! (`tests/schemas/sarif-schema-2.1.0.json`, draft-07; see `tests/schemas/README.md`),
//! and keeps the facts code-scanning tools rely on: a complete rule table, `ruleIndex`
//! pointing at the rule of the same id, 1-based regions.

use std::collections::HashMap;
use std::path::Path;

use boon::{Compiler, SchemaIndex, Schemas};
use serde_json::Value;
use stepwise::check::{self, Report};
use stepwise::diag::{Code, Severity};
use stepwise::emit::{self, Format};
use stepwise::load;

const SCHEMA_FILE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/schemas/sarif-schema-2.1.0.json"
);

/// The schema, compiled once per test (compiling takes a few milliseconds).
struct Sarif {
    schemas: Schemas,
    index: SchemaIndex,
}

impl Sarif {
    fn load() -> Sarif {
        let text = std::fs::read_to_string(SCHEMA_FILE).expect("read the SARIF schema");
        let schema: Value = serde_json::from_str(&text).expect("the SARIF schema is JSON");
        let id = schema["$id"]
            .as_str()
            .expect("the SARIF schema has an $id")
            .to_owned();
        let mut compiler = Compiler::new();
        compiler
            .add_resource(&id, schema)
            .expect("add the SARIF schema under its $id");
        let mut schemas = Schemas::new();
        let index = compiler
            .compile(&id, &mut schemas)
            .unwrap_or_else(|e| panic!("the SARIF schema does not compile: {e:#}"));
        Sarif { schemas, index }
    }

    /// Parses `text` and asserts that it is a valid SARIF log; returns the document.
    fn assert_valid(&self, text: &str, what: &str) -> Value {
        let doc: Value = serde_json::from_str(text)
            .unwrap_or_else(|e| panic!("{what}: SARIF output is not JSON: {e}\n{text}"));
        if let Err(e) = self.schemas.validate(&doc, self.index) {
            panic!("{what}: SARIF output does not match the SARIF 2.1.0 schema:\n{e:#}\n\n{text}");
        }
        doc
    }

    fn is_valid(&self, doc: &Value) -> bool {
        self.schemas.validate(doc, self.index).is_ok()
    }
}

fn sarif_of(report: &Report) -> String {
    emit::render(
        Format::Sarif,
        &report.diagnostics,
        &report.project.sources,
        false,
    )
}

fn check_in_memory(files: &[(&str, &str)]) -> Report {
    let files: Vec<(&str, &[u8])> = files.iter().map(|(p, t)| (*p, t.as_bytes())).collect();
    let (project, diags) = load::load_in_memory(&files).expect("load in memory");
    check::check_project(project, diags)
}

fn int(v: &Value, key: &str, what: &str) -> u64 {
    v[key]
        .as_u64()
        .unwrap_or_else(|| panic!("{what}: `{key}` is not a non-negative integer in {v}"))
}

/// Checks one location object: a relative artifact URI and a 1-based, ordered region.
fn assert_location(loc: &Value, what: &str) {
    let phys = &loc["physicalLocation"];
    let uri = phys["artifactLocation"]["uri"]
        .as_str()
        .unwrap_or_else(|| panic!("{what}: location without an artifact uri: {loc}"));
    assert!(!uri.is_empty(), "{what}: empty artifact uri");
    let region = &phys["region"];
    let start = (
        int(region, "startLine", what),
        int(region, "startColumn", what),
    );
    let end = (int(region, "endLine", what), int(region, "endColumn", what));
    assert!(
        start.0 >= 1 && start.1 >= 1,
        "{what}: region starts before 1:1: {region}"
    );
    assert!(
        end.0 >= 1 && end.1 >= 1,
        "{what}: region ends before 1:1: {region}"
    );
    assert!(
        end >= start,
        "{what}: region ends before it starts: {region}"
    );
}

/// The SARIF facts that do not follow from the schema; returns the results.
fn assert_sarif_facts<'d>(doc: &'d Value, what: &str) -> &'d [Value] {
    assert_eq!(doc["version"], "2.1.0", "{what}: version");
    let runs = doc["runs"].as_array().expect("runs is an array");
    assert_eq!(runs.len(), 1, "{what}: one run");
    let run = &runs[0];
    assert_eq!(
        run["tool"]["driver"]["name"], "stepwise",
        "{what}: driver name"
    );

    // The rule table lists every code exactly once.
    let rules = run["tool"]["driver"]["rules"]
        .as_array()
        .unwrap_or_else(|| panic!("{what}: runs[0].tool.driver.rules is not an array"));
    let ids: Vec<&str> = rules
        .iter()
        .map(|r| r["id"].as_str().expect("every rule has a string id"))
        .collect();
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for id in &ids {
        *counts.entry(id).or_default() += 1;
    }
    for code in stepwise::check::rules::codes() {
        assert_eq!(
            counts.get(code.id()).copied().unwrap_or(0),
            1,
            "{what}: rule `{}` must be listed exactly once in {ids:?}",
            code.id()
        );
    }
    assert_eq!(
        rules.len(),
        stepwise::check::rules::codes().len(),
        "{what}: rules that are not diagnostic codes: {ids:?}"
    );
    for rule in rules {
        let level = &rule["defaultConfiguration"]["level"];
        assert!(
            level == "error" || level == "warning",
            "{what}: rule default level {level}"
        );
    }

    // Every result points at its own rule and at 1-based regions.
    let results = run["results"]
        .as_array()
        .unwrap_or_else(|| panic!("{what}: runs[0].results is not an array"));
    for (i, result) in results.iter().enumerate() {
        let what = format!("{what}: results[{i}]");
        let rule_id = result["ruleId"]
            .as_str()
            .unwrap_or_else(|| panic!("{what}: no ruleId"));
        let index = usize::try_from(int(result, "ruleIndex", &what)).expect("index fits usize");
        assert!(
            index < rules.len(),
            "{what}: ruleIndex {index} out of range"
        );
        assert_eq!(
            rules[index]["id"], rule_id,
            "{what}: ruleIndex {index} names another rule"
        );
        let level = &result["level"];
        assert!(
            level == "error" || level == "warning",
            "{what}: level {level}"
        );
        let text = result["message"]["text"].as_str().unwrap_or_default();
        assert!(!text.is_empty(), "{what}: empty message");
        let locations = result["locations"]
            .as_array()
            .unwrap_or_else(|| panic!("{what}: no locations"));
        assert_eq!(locations.len(), 1, "{what}: one primary location");
        for loc in locations {
            assert_location(loc, &what);
        }
        if let Some(related) = result.get("relatedLocations") {
            let related = related.as_array().expect("relatedLocations is an array");
            assert!(!related.is_empty(), "{what}: empty relatedLocations");
            for (j, loc) in related.iter().enumerate() {
                let what = format!("{what}.relatedLocations[{j}]");
                assert_location(loc, &what);
                let text = loc["message"]["text"].as_str().unwrap_or_default();
                assert!(
                    !text.is_empty(),
                    "{what}: related location without a message"
                );
            }
        }
    }
    results
}

const PRODUCT: &str = "\
name: Netflix
home: https://www.netflix.com
platforms: [web, android, ios]
glossary:
  profile-icon:
    role: icon
    label: Profile
    on: [web]
  menu:
    role: icon
    label: Menu
    on: [android, ios]
  account:
    role: menu-item
    label: Account
  sign-out-all:
    role: link
    label: Sign out of all devices
";

const GUIDE: &str = "\
title: How to sign out of all devices
summary: Sign out everywhere at once.
steps:
  web:
    - click: profile-icon
    - select: account
    - select: sign-out-all
  android:
    - tap: menu
    - select: account
    - tap: sign-out-all
  ios: {same_as: android}
";

#[test]
fn the_schema_is_the_official_draft_07_sarif_2_1_0_schema() {
    let text = std::fs::read_to_string(SCHEMA_FILE).expect("read the SARIF schema");
    let schema: Value = serde_json::from_str(&text).expect("the SARIF schema is JSON");
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    assert_eq!(
        schema["$id"],
        "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json"
    );
    assert_eq!(schema["properties"]["version"]["enum"][0], "2.1.0");
}

#[test]
fn the_validator_rejects_broken_sarif() {
    // Guards the other tests: a schema that accepts everything would prove nothing.
    let sarif = Sarif::load();
    let report = check_in_memory(&[
        ("netflix/product.yaml", PRODUCT),
        (
            "netflix/sign-out-all-devices.yaml",
            "title: x\nsummary: y\nsteps: {}\ncolour: red\n",
        ),
    ]);
    assert!(!report.diagnostics.is_empty());
    let doc = sarif.assert_valid(&sarif_of(&report), "broken input");

    let mut bad = doc.clone();
    bad["version"] = "2.0.0".into();
    assert!(!sarif.is_valid(&bad), "a wrong version must not validate");

    let mut bad = doc.clone();
    bad["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
        0.into();
    assert!(!sarif.is_valid(&bad), "line 0 must not validate");

    let mut bad = doc.clone();
    bad["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!sarif.is_valid(&bad), "an unknown level must not validate");

    let mut bad = doc;
    bad["runs"][0]["tool"]["driver"]
        .as_object_mut()
        .expect("driver is an object")
        .remove("name");
    assert!(
        !sarif.is_valid(&bad),
        "a driver without a name must not validate"
    );
}

#[test]
fn a_clean_run_is_valid_sarif() {
    let sarif = Sarif::load();
    let report = check_in_memory(&[
        ("netflix/product.yaml", PRODUCT),
        ("netflix/sign-out-all-devices.yaml", GUIDE),
    ]);
    assert!(
        report.diagnostics.is_empty(),
        "the clean project has findings: {:#?}",
        report.diagnostics
    );
    let text = sarif_of(&report);
    let doc = sarif.assert_valid(&text, "clean run");
    let results = assert_sarif_facts(&doc, "clean run");
    assert!(results.is_empty(), "a clean run has no results");
}

#[test]
fn an_empty_diagnostic_list_is_valid_sarif() {
    let sarif = Sarif::load();
    let text = emit::render(
        Format::Sarif,
        &[],
        &stepwise::source::SourceMap::new(),
        false,
    );
    let doc = sarif.assert_valid(&text, "no diagnostics");
    assert!(assert_sarif_facts(&doc, "no diagnostics").is_empty());
}

#[test]
fn findings_with_related_locations_are_valid_sarif() {
    let sarif = Sarif::load();
    let product = "\
name: Netflix
platforms: [web, android, ios]
glossary:
  profile-icon:
    role: icon
    label: Profile
    on: [web]
  account:
    role: menu-item
    label:
      web: Account settings
      android, ios: account settings
  sign-out-all:
    role: link
    label: Sign out of all devices
";
    let first = "\
id: sign-out
title: How to sign out
summary: Sign out everywhere.
colour: red
steps:
  web:
    - click: profile-icon
    - select: account
  android:
    - tap: profile-icon
    - select: sign-out-all
  ios: {same_as: android}
";
    let second = "\
id: sign-out
title: How to sign out — again
summary: « Sign out » everywhere, with ünïcödé text.
steps:
  web:
    - click: sign-out-all
related: [nowhere]
";
    let report = check_in_memory(&[
        ("netflix/product.yaml", product),
        ("netflix/sign-out.yaml", first),
        ("netflix/sign-out again.yaml", second),
        ("netflix/über guide.yaml", GUIDE),
        (
            "netflix/twice.yaml",
            "title: Once\nsummary: x\ntitle: Twice\n",
        ),
        ("notes.yaml", "just: notes\n"),
    ]);
    let diags = &report.diagnostics;
    let codes: Vec<&str> = diags.iter().map(|d| d.code.id()).collect();
    for expected in [
        Code::DuplicateKey,
        Code::UnknownField,
        Code::ControlNotOnPlatform,
        Code::DuplicateGuideId,
        Code::UnknownRelatedGuide,
        stepwise::check::rules::code("label-drift").expect("a rule"),
        Code::StrayFile,
        Code::InvalidId,
    ] {
        assert!(
            diags.iter().any(|d| d.code == expected),
            "expected a `{}` finding, got {codes:?}",
            expected.id()
        );
    }
    assert!(
        diags.iter().any(|d| d.severity == Severity::Warning)
            && diags.iter().any(|d| d.severity == Severity::Error),
        "both severities: {codes:?}"
    );
    assert!(
        diags.iter().any(|d| d.related.len() >= 2),
        "a finding with several related locations: {codes:?}"
    );
    assert!(
        diags
            .iter()
            .any(|d| d.related.iter().any(|r| r.span.file != d.span.file)),
        "a related location in another file: {codes:?}"
    );

    let text = sarif_of(&report);
    let doc = sarif.assert_valid(&text, "findings");
    let results = assert_sarif_facts(&doc, "findings");
    assert_eq!(results.len(), diags.len(), "one result per diagnostic");
    for (result, d) in results.iter().zip(diags) {
        assert_eq!(result["ruleId"], d.code.id());
        let related = result["relatedLocations"].as_array().map_or(0, Vec::len);
        assert_eq!(
            related,
            d.related.len(),
            "related locations of `{}`",
            d.code
        );
        let region = &result["locations"][0]["physicalLocation"]["region"];
        assert_eq!(region["startLine"], d.span.start.line);
        assert_eq!(region["startColumn"], d.span.start.col);
    }
    // Paths with spaces and non-ASCII letters become percent-encoded URI references.
    let uris: Vec<&str> = results
        .iter()
        .filter_map(|r| r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].as_str())
        .collect();
    assert!(
        uris.contains(&"netflix/%C3%BCber%20guide.yaml"),
        "percent-encoded uri in {uris:?}"
    );
    assert!(uris.contains(&"netflix/sign-out%20again.yaml"), "{uris:?}");
}

/// Asserts that `text`, the SARIF output of a check fixture, is valid and holds one result
/// per diagnostic of `report` (every fixture is checked this way by `fixtures.rs`).
pub(crate) fn assert_fixture_sarif(text: &str, report: &Report, what: &str) {
    let doc = Sarif::load().assert_valid(text, what);
    let results = assert_sarif_facts(&doc, what);
    assert_eq!(
        results.len(),
        report.diagnostics.len(),
        "{what}: result count"
    );
}

/// `text` (a SARIF log) with its rule table replaced by `"[rules: N]"`, so that adding a
/// rule does not rewrite every snapshot; the table itself is one snapshot of its own.
pub(crate) fn redact_rules(text: &str) -> String {
    let mut doc: Value = serde_json::from_str(text).expect("SARIF output is JSON");
    let rules = &mut doc["runs"][0]["tool"]["driver"]["rules"];
    let n = rules.as_array().expect("a rule table").len();
    *rules = Value::String(format!("[rules: {n}]"));
    let mut out = serde_json::to_string_pretty(&doc).expect("serialise SARIF");
    if text.ends_with('\n') {
        out.push('\n');
    }
    out
}

#[test]
fn the_rule_table_is_a_reviewed_snapshot() {
    let text = emit::render(
        Format::Sarif,
        &[],
        &stepwise::source::SourceMap::new(),
        false,
    );
    let doc: Value = serde_json::from_str(&text).expect("SARIF output is JSON");
    let rules = &doc["runs"][0]["tool"]["driver"]["rules"];
    assert_eq!(
        rules.as_array().map(Vec::len),
        Some(stepwise::check::rules::codes().len())
    );
    let table = serde_json::to_string_pretty(rules).expect("serialise the rules");
    insta::assert_snapshot!("rule-table", table);
}

/// The sample guides folder of the repository checks into valid SARIF.
#[test]
fn the_sample_guides_check_into_valid_sarif() {
    let guides = Path::new(env!("CARGO_MANIFEST_DIR")).join("guides");
    assert!(guides.is_dir(), "no sample guides at {}", guides.display());
    let sarif = Sarif::load();
    let report = check::check_dir(&guides).expect("check the sample guides");
    let doc = sarif.assert_valid(&sarif_of(&report), "sample guides");
    assert_sarif_facts(&doc, "sample guides");
}

/// The anchors GitHub gives the headings of a Markdown file: lowercase, spaces as hyphens,
/// other punctuation dropped.
fn heading_anchors(markdown: &str) -> Vec<String> {
    let mut fenced = false;
    let mut out = Vec::new();
    for line in markdown.lines() {
        if line.starts_with("```") {
            fenced = !fenced;
        }
        if fenced || !line.starts_with('#') {
            continue;
        }
        let title = line.trim_start_matches('#').trim();
        out.push(
            title
                .to_lowercase()
                .chars()
                .filter_map(|c| match c {
                    ' ' => Some('-'),
                    c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
                    _ => None,
                })
                .collect(),
        );
    }
    out
}

#[test]
fn every_rule_links_to_its_section_of_the_rules_reference() {
    let text = emit::render(
        Format::Sarif,
        &[],
        &stepwise::source::SourceMap::new(),
        false,
    );
    let sarif = Sarif::load();
    let mut doc = sarif.assert_valid(&text, "rule table");
    let reference =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules.md"))
            .expect("read docs/rules.md");
    let anchors = heading_anchors(&reference);
    let repository = env!("CARGO_PKG_REPOSITORY");
    let rules = doc["runs"][0]["tool"]["driver"]["rules"]
        .as_array_mut()
        .expect("a rule table");
    for (rule, code) in rules.iter_mut().zip(stepwise::check::rules::codes()) {
        // A rule has a section of its own; format errors share one table.
        let anchor = if code.is_lint() {
            code.id()
        } else {
            "format-errors"
        };
        assert!(
            anchors.iter().any(|a| a == anchor),
            "`{}`: docs/rules.md has no heading for #{anchor}",
            code.id()
        );
        let place = format!("docs/rules.md#{anchor}");
        let help = rule["help"]["text"].as_str().unwrap_or_default();
        assert!(help.contains(&place), "`{}`: {help}", code.id());
        assert!(
            rule["help"]["markdown"]
                .as_str()
                .is_some_and(|m| m.contains(&format!("]({place})"))),
            "{}",
            code.id()
        );
        match rule["helpUri"].as_str() {
            Some(uri) => assert!(
                uri.starts_with(repository) && uri.ends_with(&place),
                "{uri}"
            ),
            None => assert!(repository.is_empty(), "`{}` has no helpUri", code.id()),
        }
        // The URI the package's repository gives is absolute, as SARIF requires.
        rule["helpUri"] = Value::String(format!(
            "https://example.com/acme/stepwise/blob/main/{place}"
        ));
    }
    assert!(
        sarif.is_valid(&doc),
        "absolute helpUri values are valid SARIF"
    );
    doc["runs"][0]["tool"]["driver"]["rules"][0]["helpUri"] =
        Value::String("docs/rules.md#format-errors".to_owned());
    assert!(!sarif.is_valid(&doc), "a relative helpUri is not");
}
