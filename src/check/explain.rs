//! Rule documentation from one source: `stepwise explain` and `docs/rules.md` are both
//! generated from the code catalogue and the rules' own declarations.

use super::rules::codes;
use crate::diag::{Code, OptionKind, OptionSpec};

fn severity_text(code: Code) -> String {
    let sev = code.default_severity().as_str();
    if code.enabled_by_default() {
        sev.to_owned()
    } else {
        format!("off ({sev} when enabled)")
    }
}

/// The explanation of one code, as Markdown-flavoured text for the terminal.
pub fn explain(code: Code) -> String {
    let mut out = format!("{}\n\n", code.id());
    out.push_str(&format!("Default severity: {}\n", severity_text(code)));
    if code.is_lint() {
        out.push_str("Kind: consistency rule (configurable in site.yaml `rules:`, can be allowed per guide or step)\n");
    } else {
        out.push_str("Kind: format error (cannot be turned off)\n");
    }
    if !code.options().is_empty() {
        out.push_str("Options:\n");
        for o in code.options() {
            out.push_str(&format!(
                "  {} (default {}): {}\n",
                o.name,
                default(o),
                o.doc
            ));
        }
    }
    out.push('\n');
    match code.meta() {
        Some(meta) => {
            let doc = &meta.doc;
            out.push_str(doc.explanation);
            out.push_str("\n\nReported:\n\n");
            out.push_str(&indent(doc.bad));
            out.push_str("\n\nBetter:\n\n");
            out.push_str(&indent(doc.good));
            out.push('\n');
        }
        None => {
            out.push_str(code.summary());
            out.push('\n');
        }
    }
    out
}

/// An option's default as written in `site.yaml`.
fn default(o: &OptionSpec) -> String {
    o.kind.default_value().to_string()
}

/// What values an option takes, for the reference page.
fn kind_text(o: &OptionSpec) -> String {
    match o.kind {
        OptionKind::Count { .. } => "a whole number of at least 1".to_owned(),
        OptionKind::Choice { choices, .. } => {
            let words: Vec<String> = choices.iter().map(|c| format!("`{c}`")).collect();
            format!("one of {}", words.join(", "))
        }
        OptionKind::Choices { choices, .. } => {
            let words: Vec<String> = choices.iter().map(|c| format!("`{c}`")).collect();
            format!(
                "one or more of {}, as a list or separated by commas",
                words.join(", ")
            )
        }
    }
}

fn indent(s: &str) -> String {
    s.lines()
        .map(|l| format!("    {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The list of every code, one per line.
pub fn list() -> String {
    let width = codes().iter().map(|c| c.id().len()).max().unwrap_or(0);
    let mut out = String::new();
    for c in codes() {
        out.push_str(&format!(
            "{:width$}  {:8}  {}\n",
            c.id(),
            if c.enabled_by_default() {
                c.default_severity().as_str()
            } else {
                "off"
            },
            c.summary()
        ));
    }
    out
}

/// `docs/rules.md`: every consistency rule with its documentation, then the format errors.
pub fn rules_markdown() -> String {
    let mut out = String::from(
        "# Rules\n\nGenerated from the rules' own documentation (`stepwise explain RULE` prints the same text).\n\n## Consistency rules\n\nConfigure them in `site.yaml`:\n\n```yaml\nrules:\n  step-count: {warn: 12, max: 25}\n  stale-review: {level: warning, max_age_days: 180}\n  title-form: {style: task}\n  unused-glossary-entry: off\n```\n\nAllow one in a guide or a step, with a reason (shown in `--format json` and SARIF):\n\n```yaml\nallow:\n  near-duplicate-platforms: The iOS app is being redesigned; the steps will differ next month.\n```\n\n| rule | default | summary |\n|---|---|---|\n",
    );
    for c in codes().iter().filter(|c| c.is_lint()) {
        out.push_str(&format!(
            "| [`{0}`](#{0}) | {1} | {2} |\n",
            c.id(),
            severity_text(*c),
            c.summary()
        ));
    }
    for c in codes().iter().filter(|c| c.is_lint()) {
        let Some(meta) = c.meta() else { continue };
        let doc = &meta.doc;
        out.push_str(&format!(
            "\n### {}\n\nDefault: {}.\n",
            c.id(),
            severity_text(*c)
        ));
        if !meta.options.is_empty() {
            out.push_str("\nOptions:\n\n");
            for o in meta.options {
                out.push_str(&format!(
                    "- `{}` ({}, default `{}`): {}\n",
                    o.name,
                    kind_text(o),
                    default(o),
                    o.doc
                ));
            }
        }
        out.push_str(&format!(
            "\n{}\n\nReported:\n\n```yaml\n{}\n```\n\nBetter:\n\n```yaml\n{}\n```\n",
            doc.explanation, doc.bad, doc.good
        ));
    }
    out.push_str("\n## Format errors\n\nThese are always errors and cannot be turned off or allowed.\n\n| code | summary |\n|---|---|\n");
    for c in codes().iter().filter(|c| !c.is_lint()) {
        out.push_str(&format!("| `{}` | {} |\n", c.id(), c.summary()));
    }
    out
}
