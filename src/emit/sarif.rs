//! `--format sarif`: SARIF 2.1.0, for code-scanning dashboards.
//!
//! Every diagnostic code is listed in the driver's rule table, so `ruleIndex` is stable
//! across runs. Columns count Unicode code points, as declared by `columnKind`.

use serde_json::{Value, json};

use crate::check::rules::codes;
use crate::diag::{Code, Diagnostic, Severity};
use crate::source::{SourceMap, Span};

const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

fn uri(path: &str) -> String {
    let mut out = String::new();
    for b in path.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

fn location(span: Span, sources: &SourceMap) -> Value {
    json!({
        "physicalLocation": {
            "artifactLocation": { "uri": uri(&sources.get(span.file).path_slash()) },
            "region": {
                "startLine": span.start.line,
                "startColumn": span.start.col,
                "endLine": span.end.line,
                "endColumn": span.end.col,
            }
        }
    })
}

/// The rule's section of docs/rules.md: a lint has a heading of its own id; format errors
/// share the table under "Format errors".
fn reference(code: Code) -> String {
    let anchor = if code.is_lint() {
        code.id()
    } else {
        "format-errors"
    };
    format!("docs/rules.md#{anchor}")
}

/// The rule's documentation on the web: under the package's `repository` (Cargo.toml).
/// SARIF wants an absolute URI there, so without a repository there is no `helpUri` and the
/// `help` text names the file in the repository instead.
fn help_uri(repository: &str, code: Code) -> Option<String> {
    let repository = repository.trim_end_matches('/');
    (!repository.is_empty()).then(|| format!("{repository}/blob/main/{}", reference(code)))
}

fn help(code: Code) -> Value {
    let explanation = code.meta().map_or(code.summary(), |m| m.doc.explanation);
    let reference = reference(code);
    json!({
        "text": format!("{explanation}\n\nSee {reference} or run `stepwise explain {}`.", code.id()),
        "markdown": format!("{explanation}\n\nSee [{reference}]({reference}) or run `stepwise explain {}`.", code.id()),
    })
}

fn rules() -> Vec<Value> {
    codes()
        .iter()
        .map(|c| {
            let mut rule = json!({
                "id": c.id(),
                "shortDescription": { "text": c.summary() },
                "help": help(*c),
                "defaultConfiguration": {
                    "enabled": c.enabled_by_default(),
                    "level": level(c.default_severity()),
                },
            });
            if let Some(uri) = help_uri(env!("CARGO_PKG_REPOSITORY"), *c) {
                rule["helpUri"] = json!(uri);
            }
            rule
        })
        .collect()
}

pub(super) fn render(diags: &[Diagnostic], sources: &SourceMap) -> String {
    let results: Vec<Value> = diags
        .iter()
        .map(|d| {
            let index = codes().iter().position(|c| *c == d.code).unwrap_or(0);
            let mut text = d.message.clone();
            if let Some(help) = &d.help {
                text.push_str("\nhelp: ");
                text.push_str(help);
            }
            let mut result = json!({
                "ruleId": d.code.id(),
                "ruleIndex": index,
                "level": level(d.severity),
                "message": { "text": text },
                "locations": [location(d.span, sources)],
            });
            if let Some(reason) = &d.suppressed {
                result["suppressions"] = json!([{ "kind": "inSource", "justification": reason }]);
            }
            if !d.related.is_empty() {
                result["relatedLocations"] = d
                    .related
                    .iter()
                    .enumerate()
                    .map(|(i, r)| {
                        let mut loc = location(r.span, sources);
                        loc["id"] = json!(i);
                        loc["message"] = json!({ "text": r.message });
                        loc
                    })
                    .collect();
            }
            result
        })
        .collect();
    let doc = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "stepwise",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rules(),
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    });
    let mut out = serde_json::to_string_pretty(&doc).unwrap_or_default();
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn help_links_point_at_the_rules_reference() {
        let lint = codes()
            .iter()
            .copied()
            .find(|c| c.is_lint())
            .expect("a lint");
        assert_eq!(
            help_uri("https://example.com/acme/stepwise/", lint).as_deref(),
            Some(
                format!(
                    "https://example.com/acme/stepwise/blob/main/docs/rules.md#{}",
                    lint.id()
                )
                .as_str()
            )
        );
        assert_eq!(
            help_uri("https://example.com/acme/stepwise", Code::YamlSyntax).as_deref(),
            Some("https://example.com/acme/stepwise/blob/main/docs/rules.md#format-errors")
        );
        assert_eq!(help_uri("", lint), None);
        let text = help(lint)["text"].as_str().unwrap_or_default().to_owned();
        assert!(
            text.contains(&format!("docs/rules.md#{}", lint.id())),
            "{text}"
        );
    }
}
