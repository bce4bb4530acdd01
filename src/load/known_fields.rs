//! The decoders' field lists are the one source of field names: the JSON Schemas in
//! `docs/schema/` and the field tables of `docs/format.md` must list exactly the same
//! fields, so an editor's completion, the reference and `unknown-field` never disagree.

use std::collections::BTreeSet;

use serde_json::Value;

use super::brand::{ACCENT_FIELDS, FEEDBACK_FIELDS, LINK_FIELDS};
use super::guide::{GUIDE_FIELDS, NOTE_FIELDS, OUTCOME_FIELDS, SAME_AS_FIELDS, TROUBLE_FIELDS};
use super::image::{CALLOUT_FIELDS, IMAGE_FIELDS};
use super::product::{CONTROL_FIELDS, CONTROL_TEXT_FIELDS, PRODUCT_FIELDS};
use super::site::{PLATFORM_FIELDS, SITE_FIELDS};
use super::step::{Level, ON_FIELDS, OPTION_FIELDS, STEP_FIELDS};
use super::translation::{OPTION_TEXT_FIELDS, STEP_TEXT_FIELDS, TRANSLATION_FIELDS};
use crate::model::Action;

/// `properties` objects of the schemas that no list here describes, with who reads them.
const ELSEWHERE: &[(&str, &str, &str)] = &[
    (
        "site.schema.json",
        "/properties/platforms/anyOf/2",
        "keys are the built-in platform ids",
    ),
    (
        "site.schema.json",
        "/properties/rules",
        "rule ids and options come from the rule table",
    ),
    (
        "site.schema.json",
        "/properties/terminology",
        "preferred terms are the author's own words; `languages` is read by load/rules.rs",
    ),
    (
        "guide.schema.json",
        "/definitions/allow-entry",
        "read by load/rules.rs",
    ),
    (
        "translation.schema.json",
        "/definitions/allow-entry",
        "read by load/rules.rs",
    ),
];

fn names(list: &[&'static str]) -> BTreeSet<&'static str> {
    list.iter().copied().collect()
}

fn actions() -> BTreeSet<&'static str> {
    Action::NAMES.iter().map(|(n, _)| *n).collect()
}

/// A step's keys at a level: its action, and the fields allowed there.
fn step_keys(level: Level) -> BTreeSet<&'static str> {
    let mut keys = actions();
    keys.extend(
        STEP_FIELDS
            .iter()
            .filter(|f| !level.forbidden().contains(f)),
    );
    keys
}

/// Each mapping the decoders read: its schema, where it sits in the schema, its keys.
fn mappings() -> Vec<(&'static str, &'static str, BTreeSet<&'static str>)> {
    let mut out = file_mappings();
    out.extend(translation_mappings());
    out
}

/// The mappings of the translation schema.
fn translation_mappings() -> Vec<(&'static str, &'static str, BTreeSet<&'static str>)> {
    vec![
        ("translation.schema.json", "", names(TRANSLATION_FIELDS)),
        (
            "translation.schema.json",
            "/definitions/step",
            names(STEP_TEXT_FIELDS),
        ),
        (
            "translation.schema.json",
            "/definitions/option",
            names(OPTION_TEXT_FIELDS),
        ),
        (
            "translation.schema.json",
            "/properties/outcome/anyOf/1",
            names(OUTCOME_FIELDS),
        ),
        (
            "translation.schema.json",
            "/definitions/trouble",
            names(TROUBLE_FIELDS),
        ),
        (
            "translation.schema.json",
            "/definitions/note/anyOf/1",
            names(NOTE_FIELDS),
        ),
    ]
}

/// The mappings of the site, product and guide schemas.
fn file_mappings() -> Vec<(&'static str, &'static str, BTreeSet<&'static str>)> {
    vec![
        ("site.schema.json", "", names(SITE_FIELDS)),
        (
            "site.schema.json",
            "/definitions/platform",
            names(PLATFORM_FIELDS),
        ),
        (
            "site.schema.json",
            "/definitions/builtin-platform",
            names(PLATFORM_FIELDS),
        ),
        (
            "site.schema.json",
            "/properties/accent/anyOf/1",
            names(ACCENT_FIELDS),
        ),
        (
            "site.schema.json",
            "/properties/feedback",
            names(FEEDBACK_FIELDS),
        ),
        ("site.schema.json", "/definitions/link", names(LINK_FIELDS)),
        ("product.schema.json", "", names(PRODUCT_FIELDS)),
        (
            "product.schema.json",
            "/definitions/control",
            names(CONTROL_FIELDS),
        ),
        (
            "product.schema.json",
            "/definitions/control/properties/translations/additionalProperties",
            names(CONTROL_TEXT_FIELDS),
        ),
        ("guide.schema.json", "", names(GUIDE_FIELDS)),
        (
            "guide.schema.json",
            "/properties/outcome/anyOf/1",
            names(OUTCOME_FIELDS),
        ),
        (
            "guide.schema.json",
            "/definitions/trouble",
            names(TROUBLE_FIELDS),
        ),
        (
            "guide.schema.json",
            "/definitions/note/anyOf/1",
            names(NOTE_FIELDS),
        ),
        (
            "guide.schema.json",
            "/definitions/same-as",
            names(SAME_AS_FIELDS),
        ),
        (
            "guide.schema.json",
            "/definitions/step",
            step_keys(Level::Top),
        ),
        (
            "guide.schema.json",
            "/definitions/substep",
            step_keys(Level::Sub),
        ),
        (
            "guide.schema.json",
            "/definitions/replacement",
            step_keys(Level::Instead),
        ),
        (
            "guide.schema.json",
            "/definitions/option",
            names(OPTION_FIELDS),
        ),
        (
            "guide.schema.json",
            "/definitions/image",
            names(IMAGE_FIELDS),
        ),
        (
            "guide.schema.json",
            "/definitions/callout",
            names(CALLOUT_FIELDS),
        ),
        (
            "guide.schema.json",
            "/definitions/on/anyOf/1",
            names(ON_FIELDS),
        ),
    ]
}

fn schema(name: &str) -> Value {
    let text = crate::schema::draft_07(name).unwrap_or_else(|| panic!("no schema {name}"));
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Pointers to every object with `properties` under `at`.
fn with_properties(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Object(map) => {
            if map.get("properties").is_some_and(Value::is_object) {
                out.push(at.clone());
            }
            for (k, child) in map {
                with_properties(child, format!("{at}/{k}"), out);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                with_properties(child, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn schema_properties_are_the_decoders_fields() {
    for (name, pointer, expected) in mappings() {
        let schema = schema(name);
        let node = schema
            .pointer(pointer)
            .unwrap_or_else(|| panic!("{name}#{pointer} does not exist"));
        let props: BTreeSet<&str> = node["properties"]
            .as_object()
            .unwrap_or_else(|| panic!("{name}#{pointer} has no properties"))
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(props, expected, "{name}#{pointer}");
        assert_eq!(
            node["additionalProperties"],
            Value::Bool(false),
            "{name}#{pointer} must reject unknown fields as the decoder does"
        );
    }
}

#[test]
fn every_schema_mapping_has_a_field_list() {
    let known = mappings();
    for name in [
        "site.schema.json",
        "product.schema.json",
        "guide.schema.json",
        "translation.schema.json",
    ] {
        let mut found = Vec::new();
        with_properties(&schema(name), String::new(), &mut found);
        for at in found {
            let listed = known.iter().any(|(n, p, _)| *n == name && *p == at);
            let elsewhere = ELSEWHERE
                .iter()
                .any(|(n, p, _)| *n == name && (at == *p || at.starts_with(&format!("{p}/"))));
            assert!(
                listed || elsewhere,
                "{name}#{at} has properties that no decoder field list describes"
            );
        }
    }
}

/// The names in the first column of the first table after `heading` in `docs/format.md`
/// (`` `box: [x, y, w, h]` `` counts as `box`).
fn table_after(doc: &str, heading: &str) -> BTreeSet<String> {
    let mut lines = doc.lines().skip_while(|l| *l != heading);
    assert!(lines.next().is_some(), "docs/format.md has no `{heading}`");
    lines
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .skip(2)
        .map(|row| {
            let cell = row.split('|').nth(1).unwrap_or("").trim();
            let name = cell.trim_matches('`');
            name.split(':').next().unwrap_or(name).trim().to_owned()
        })
        .collect()
}

#[test]
fn format_md_tables_are_the_decoders_fields() {
    let doc = include_str!("../../docs/format.md");
    let tables: [(&str, BTreeSet<&str>); 15] = [
        ("## site.yaml", names(SITE_FIELDS)),
        ("### Platforms", names(PLATFORM_FIELDS)),
        ("## product.yaml", names(PRODUCT_FIELDS)),
        ("### The glossary", names(CONTROL_FIELDS)),
        ("## Guide files", names(GUIDE_FIELDS)),
        ("### Actions", actions()),
        ("### Step fields", names(STEP_FIELDS)),
        ("### Options", names(OPTION_FIELDS)),
        ("### The image field", names(IMAGE_FIELDS)),
        ("### Callouts", names(CALLOUT_FIELDS)),
        ("### Steps on another device", names(ON_FIELDS)),
        ("## Translations", names(TRANSLATION_FIELDS)),
        ("### Translated steps", names(STEP_TEXT_FIELDS)),
        ("#### Translated options", names(OPTION_TEXT_FIELDS)),
        (
            "### Glossary labels in other languages",
            names(CONTROL_TEXT_FIELDS),
        ),
    ];
    for (heading, expected) in tables {
        let found = table_after(doc, heading);
        let found: BTreeSet<&str> = found.iter().map(String::as_str).collect();
        assert_eq!(found, expected, "docs/format.md, table under `{heading}`");
    }
}
