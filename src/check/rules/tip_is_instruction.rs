//! `tip-is-instruction`: a tip or note that is itself a procedure (a numbered list) or an
//! instruction on a UI control; it belongs in the steps or in a related guide.

use super::rule::{ACTION_VERBS, Rule, RuleConfig};
use crate::check::text::{Field, find_words, quoted_labels};
use crate::diag::{Code, Diagnostic, RuleDoc, RuleMeta, Severity};
use crate::model::PerPlatform;
use crate::resolve::Resolved;

/// The `tip-is-instruction` rule.
pub(super) struct TipIsInstruction;

fn numbered(text: &str) -> bool {
    text.lines()
        .filter(|l| {
            let t = l.trim_start();
            let digits = t.chars().take_while(char::is_ascii_digit).count();
            digits > 0 && matches!(t[digits..].chars().next(), Some('.' | ')'))
        })
        .count()
        >= 2
}

static META: RuleMeta = RuleMeta {
    id: "tip-is-instruction",
    default_severity: Severity::Warning,
    default_on: true,
    summary: "A tip or note is itself a procedure or an instruction on a UI control.",
    doc: RuleDoc {
        explanation: "Reports a tip or a step's note that is itself a procedure (a numbered list) or starts with an action verb aimed at a UI control (\"Tap **Settings** to ...\"). Instructions hidden in tips are skipped by readers, missing from checklists and never checked against the glossary; make them steps, or a related guide.",
        bad: "tips:\n  - Tap **Settings**, then **Password** to change your password.",
        good: "tips:\n  - Change your password afterwards.\nrelated: [change-password]",
    },
    options: &[],
};

/// The code this rule reports under.
pub(super) const CODE: Code = Code::lint(&META);

impl Rule for TipIsInstruction {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, site: &Resolved<'_>, _cfg: &RuleConfig, out: &mut Vec<Diagnostic>) {
        for rg in &site.guides {
            let names_control = |text: &str| {
                !quoted_labels(text).is_empty()
                    || rg.product.is_some_and(|p| {
                        p.glossary.iter().any(|c| match &c.label {
                            PerPlatform::All(l) => !find_words(text, &l.value).is_empty(),
                            PerPlatform::Each(list) => list
                                .iter()
                                .any(|(_, l)| !find_words(text, &l.value).is_empty()),
                        })
                    })
            };
            for t in rg.texts() {
                if !matches!(t.field, Field::Tip | Field::Note) {
                    continue;
                }
                let text = t.text.value.as_str();
                let first = text
                    .split_whitespace()
                    .next()
                    .unwrap_or("")
                    .trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase();
                let what = if numbered(text) {
                    "is a numbered procedure"
                } else if ACTION_VERBS.contains(&first.as_str()) && names_control(text) {
                    "is an instruction on a UI control"
                } else {
                    continue;
                };
                let kind = if t.field == Field::Tip { "tip" } else { "note" };
                out.push(
                    Diagnostic::new(CODE, t.text.span, format!("this {kind} {what}")).help(
                        "make it steps of this guide, or a guide of its own linked with `related`",
                    ),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::rules::testing::{PRODUCT, findings};

    #[test]
    fn instructions_in_tips_are_reported() {
        let guide = "title: How to x\nsummary: X.\nsteps:\n  web:\n    - open: settings\n      note: \"1. Open it\\n2. Close it\"\ntips:\n  - Tap **Settings** to see more.\n  - Also change your password.\n  - Open the app every week.\n";
        let f = findings(
            super::CODE,
            &[("demo/product.yaml", PRODUCT), ("demo/g.yaml", guide)],
        );
        let msgs: Vec<&str> = f.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            msgs,
            [
                "this note is a numbered procedure",
                "this tip is an instruction on a UI control"
            ]
        );
    }
}
