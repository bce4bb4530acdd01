//! The JSON Schemas of the four file kinds, for editors and other tools.
//!
//! They are written as draft-07 (what YAML editors support best) and kept in step with the
//! decoders by tests: every mapping's `properties` are the decoder's field list
//! (`load/known_fields.rs`), and every fixture validates with them as `check` judges it
//! (`tests/suite/schema.rs`). `stepwise schema` prints them as draft 2020-12 by default.

use serde_json::Value;

/// The schemas, by file name (draft-07).
pub const SCHEMAS: &[(&str, &str)] = &[
    (
        "guide.schema.json",
        include_str!("../docs/schema/guide.schema.json"),
    ),
    (
        "product.schema.json",
        include_str!("../docs/schema/product.schema.json"),
    ),
    (
        "site.schema.json",
        include_str!("../docs/schema/site.schema.json"),
    ),
    (
        "translation.schema.json",
        include_str!("../docs/schema/translation.schema.json"),
    ),
];

/// The draft-07 text of a schema by file name.
pub fn draft_07(name: &str) -> Option<&'static str> {
    SCHEMAS.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
}

/// Converts one of our draft-07 schemas to draft 2020-12: `definitions` become `$defs`,
/// array-valued `dependencies` become `dependentRequired`. (Our schemas use no other
/// keyword whose meaning changed between the drafts; `$ref` never has siblings.)
pub fn to_2020_12(draft07: &str) -> Result<String, serde_json::Error> {
    fn walk(v: &mut Value) {
        match v {
            Value::Object(map) => {
                if let Some(defs) = map.remove("definitions") {
                    map.insert("$defs".into(), defs);
                }
                if let Some(deps) = map.remove("dependencies") {
                    map.insert("dependentRequired".into(), deps);
                }
                if let Some(Value::String(r)) = map.get_mut("$ref") {
                    *r = r.replace("#/definitions/", "#/$defs/");
                }
                for (_, child) in map.iter_mut() {
                    walk(child);
                }
            }
            Value::Array(items) => items.iter_mut().for_each(walk),
            _ => {}
        }
    }
    let mut schema: Value = serde_json::from_str(draft07)?;
    walk(&mut schema);
    schema["$schema"] = Value::String("https://json-schema.org/draft/2020-12/schema".into());
    let mut out = serde_json::to_string_pretty(&schema)?;
    out.push('\n');
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converted_schemas_use_2020_12_keywords_only() {
        for (name, text) in SCHEMAS {
            let out = to_2020_12(text).unwrap();
            assert!(
                out.contains("https://json-schema.org/draft/2020-12/schema"),
                "{name}"
            );
            assert!(
                !out.contains("#/definitions/") && !out.contains("\"definitions\""),
                "{name}"
            );
            assert!(!out.contains("\"dependencies\""), "{name}");
        }
    }
}
