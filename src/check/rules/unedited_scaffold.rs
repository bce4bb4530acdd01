//! `unedited-scaffold`: a guide still holds a sentence `stepwise new` wrote for its author
//! to replace ("One sentence that says what the reader achieves."). The scaffold passes
//! every other check, so without this rule an unedited guide would reach readers.
//!
//! The marker is the scaffold's own sentences (in [`crate::scaffold::PLACEHOLDERS`]), not a
//! comment an author may delete while leaving the placeholders in place.

use super::rule::{Rule, RuleConfig};
use crate::check::text::sub_span;
use crate::diag::{Code, Diagnostic, RuleDoc, RuleMeta, Severity};
use crate::resolve::{Resolved, ResolvedGuide};
use crate::scaffold::PLACEHOLDERS;
use crate::source::{SourceMap, Span, Spanned};

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

/// The placeholders' first parts: one pass over a text finds whether it may hold one.
static STARTS: LazyLock<Option<AhoCorasick>> =
    LazyLock::new(|| AhoCorasick::new(PLACEHOLDERS.iter().map(|p| p.before)).ok());

/// The `unedited-scaffold` rule.
pub(super) struct UneditedScaffold;

static META: RuleMeta = RuleMeta {
    id: "unedited-scaffold",
    default_severity: Severity::Warning,
    default_on: true,
    summary: "A guide still holds placeholder text that `stepwise new` wrote.",
    doc: RuleDoc {
        explanation: "Reports a guide that still holds one of the sentences `stepwise new` writes for its author to replace: the summary \"One sentence that says what the reader achieves.\", the note and tip that end \"or remove this list.\", the steps \"Describe the next action on ..., one step per action.\" and the `unavailable_on` reasons \"Say why readers on ... cannot do this, or give the guide steps for it.\". A new guide passes every other check so that it can be committed while it is written; this warning keeps it from reaching readers half-written (`--deny-warnings` fails on it). One finding per guide, at the first placeholder, with the others as related locations.",
        bad: "title: How to change your PIN\nsummary: One sentence that says what the reader achieves.\nsteps:\n  web:\n    - open: acme-site\n    - do: Describe the next action on Web, one step per action.",
        good: "title: How to change your PIN\nsummary: Choose a new PIN for your card in the Acme app or on acme.com.\nsteps:\n  web:\n    - open: acme-site\n    - click: change-pin",
    },
    options: &[],
};

/// The code this rule reports under.
pub(super) const CODE: Code = Code::lint(&META);

impl Rule for UneditedScaffold {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, site: &Resolved<'_>, _cfg: &RuleConfig, out: &mut Vec<Diagnostic>) {
        let sources = &site.project.sources;
        for rg in &site.guides {
            let found = placeholders(rg, sources);
            let Some(((first, sentence), rest)) = found.split_first() else {
                continue;
            };
            let mut d = Diagnostic::new(
                CODE,
                *first,
                format!("this guide still holds the scaffold's placeholder text \"{sentence}\""),
            )
            .help(match rest.len() {
                0 => "replace it with the guide's own words, or remove the list it is in"
                    .to_owned(),
                n => format!(
                    "replace it with the guide's own words, or remove the list it is in; {n} more placeholder{} below",
                    if n == 1 { "" } else { "s" }
                ),
            });
            for (span, _) in rest {
                d = d.related(*span, "placeholder text here too");
            }
            out.push(d);
        }
    }
}

/// Every placeholder sentence in the guide's texts, in file order, with its exact span.
fn placeholders(rg: &ResolvedGuide<'_>, sources: &SourceMap) -> Vec<(Span, String)> {
    let g = rg.guide;
    let mut fields: Vec<&Spanned<String>> = rg.texts().iter().map(|t| t.text).collect();
    fields.push(&g.summary);
    fields.extend(g.unavailable_on.iter().map(|u| &u.reason));
    let mut out: Vec<(Span, String)> = Vec::new();
    for text in fields {
        if STARTS.as_ref().is_some_and(|a| !a.is_match(&text.value)) {
            continue;
        }
        for p in PLACEHOLDERS {
            if let Some((s, e)) = p.find(&text.value) {
                let (span, _) = sub_span(sources, text, s, e);
                if !out.iter().any(|(o, _)| *o == span) {
                    out.push((span, text.value[s..e].to_owned()));
                }
            }
        }
    }
    out.sort_by_key(|(span, _)| (span.start.line, span.start.col));
    out
}

#[cfg(test)]
mod tests {
    use crate::check::rules::testing::{PRODUCT, findings};

    const SCAFFOLD: &str = "title: How to reset your PIN\nsummary: One sentence that says what the reader achieves.\nnotes:\n  - What every reader should know before starting, or remove this list.\nsteps:\n  web:\n    - open: settings\n    - do: Describe the next action on Web, one step per action.\n  android:\n    - open: settings\n    - do: Describe the next action on Android, one step per action.\n  ios: {same_as: android}\ntips:\n  - One short tip, or remove this list.\n";

    fn run(guide: &str) -> Vec<crate::diag::Diagnostic> {
        findings(
            super::CODE,
            &[("demo/product.yaml", PRODUCT), ("demo/g.yaml", guide)],
        )
    }

    #[test]
    fn one_finding_per_guide_at_the_first_placeholder() {
        let f = run(SCAFFOLD);
        assert_eq!(f.len(), 1, "{f:#?}");
        let d = &f[0];
        assert_eq!(
            d.message,
            "this guide still holds the scaffold's placeholder text \"One sentence that says what the reader achieves.\""
        );
        assert_eq!((d.span.start.line, d.span.start.col), (2, 10));
        assert_eq!(d.span.end.col, 10 + 48);
        assert_eq!(d.related.len(), 4, "{:#?}", d.related);
        let lines: Vec<u32> = d.related.iter().map(|r| r.span.start.line).collect();
        assert_eq!(lines, [4, 8, 11, 14]);
        assert!(
            d.help
                .as_deref()
                .unwrap_or("")
                .contains("4 more placeholders")
        );
    }

    #[test]
    fn a_placeholder_left_inside_edited_text_is_found_exactly() {
        let guide = SCAFFOLD
            .replace(
                "summary: One sentence that says what the reader achieves.",
                "summary: Choose a new PIN.",
            )
            .replace(
                "  - What every reader should know before starting, or remove this list.\n",
                "  - You need your card.\n",
            )
            .replace(
                "One short tip, or remove this list.",
                "Write it down. One short tip, or remove this list.",
            )
            .replace(
                "Describe the next action on Web, one step per action.",
                "Click **Privacy**.",
            )
            .replace(
                "Describe the next action on Android, one step per action.",
                "Tap **Privacy**.",
            );
        let f = run(&guide);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!((f[0].span.start.line, f[0].span.start.col), (14, 20));
        assert!(f[0].related.is_empty());
    }

    #[test]
    fn unavailable_reasons_are_placeholders_too() {
        let guide = "title: How to x\nsummary: X on the web.\nsteps:\n  web:\n    - open: settings\nunavailable_on:\n  android, ios: Say why readers on Android cannot do this, or give the guide steps for it.\n";
        let f = run(guide);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].span.start.line, 7);
    }

    #[test]
    fn edited_guides_and_look_alikes_pass() {
        for guide in [
            "title: How to x\nsummary: One sentence says it all: sign out.\nsteps:\n  web:\n    - open: settings\n    - do: Describe the problem to support, one detail per line.\ntips:\n  - One short tip: remove this list of devices.\n",
            "title: How to x\nsummary: X.\nsteps:\n  web:\n    - open: settings\n    - do: Describe the next action on the support call to the agent.\n",
        ] {
            assert!(run(guide).is_empty(), "{guide}: {:#?}", run(guide));
        }
    }

    #[test]
    fn an_allow_on_the_guide_silences_it() {
        let guide = format!(
            "{SCAFFOLD}allow:\n  unedited-scaffold: A template for the support team to copy.\n"
        );
        assert!(run(&guide).is_empty());
    }
}
