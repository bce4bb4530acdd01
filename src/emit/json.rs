//! `--format json`: one JSON document, described in `docs/check.md`.

use serde::Serialize;

use crate::diag::{Diagnostic, Summary};
use crate::source::{SourceMap, Span};

/// Version of the document's shape; bumped on incompatible changes.
const VERSION: u32 = 1;

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    summary: SummaryJson,
    diagnostics: Vec<DiagJson<'a>>,
}

#[derive(Serialize)]
struct SummaryJson {
    errors: usize,
    warnings: usize,
    files: usize,
}

#[derive(Serialize)]
pub(super) struct Location {
    pub file: String,
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
}

impl Location {
    pub(super) fn of(span: Span, sources: &SourceMap) -> Location {
        Location {
            file: sources.get(span.file).path_slash(),
            line: span.start.line,
            column: span.start.col,
            end_line: span.end.line,
            end_column: span.end.col,
        }
    }
}

#[derive(Serialize)]
struct DiagJson<'a> {
    rule: &'static str,
    severity: &'static str,
    #[serde(flatten)]
    location: Location,
    message: &'a str,
    help: Option<&'a str>,
    related: Vec<RelatedJson<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    suppressed: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fix: Option<FixJson<'a>>,
}

#[derive(Serialize)]
struct FixJson<'a> {
    #[serde(flatten)]
    location: Location,
    replacement: &'a str,
}

#[derive(Serialize)]
struct RelatedJson<'a> {
    #[serde(flatten)]
    location: Location,
    message: &'a str,
}

pub(super) fn render(diags: &[Diagnostic], sources: &SourceMap) -> String {
    let s = Summary::of(diags);
    let doc = Document {
        version: VERSION,
        summary: SummaryJson {
            errors: s.errors,
            warnings: s.warnings,
            files: s.files,
        },
        diagnostics: diags
            .iter()
            .map(|d| DiagJson {
                rule: d.code.id(),
                severity: d.severity.as_str(),
                location: Location::of(d.span, sources),
                message: &d.message,
                help: d.help.as_deref(),
                related: d
                    .related
                    .iter()
                    .map(|r| RelatedJson {
                        location: Location::of(r.span, sources),
                        message: &r.message,
                    })
                    .collect(),
                suppressed: d.suppressed.as_deref(),
                fix: d.fix.as_ref().map(|f| FixJson {
                    location: Location::of(f.span, sources),
                    replacement: &f.replacement,
                }),
            })
            .collect(),
    };
    let mut out = serde_json::to_string_pretty(&doc).unwrap_or_default();
    out.push('\n');
    out
}
