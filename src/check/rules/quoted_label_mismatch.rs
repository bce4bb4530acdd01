//! `quoted-label-mismatch`: free text that quotes or bolds a UI label the glossary does
//! not know ("Tap **Acount**"), usually a typo or a label that was renamed.

use super::rule::{Rule, RuleConfig};
use crate::check::text::{quoted_labels, sub_span, texts};
use crate::diag::suggest::did_you_mean;
use crate::diag::{Code, Diagnostic, RuleDoc, RuleMeta, Severity};
use crate::model::PerPlatform;
use crate::resolve::Resolved;

/// The `quoted-label-mismatch` rule.
pub(super) struct QuotedLabelMismatch;

static META: RuleMeta = RuleMeta {
    id: "quoted-label-mismatch",
    default_severity: Severity::Warning,
    default_on: true,
    summary: "Free text quotes or bolds a UI label that is not a glossary label.",
    doc: RuleDoc {
        explanation: "Reports a phrase in bold or in quotes inside free text (a `do:` instruction, a detail, note, warning, result, choice or tip) that looks like a UI label but is not the label of any control in the product's glossary. Labels written by hand drift when the product renames a button; naming the control through the glossary keeps every guide right. The help line suggests the closest glossary label.",
        bad: "- do: Open **Acount settings** and pick your plan.",
        good: "- select: account-settings",
    },
    options: &[],
};

/// The code this rule reports under.
pub(super) const CODE: Code = Code::lint(&META);

impl Rule for QuotedLabelMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, site: &Resolved<'_>, _cfg: &RuleConfig, out: &mut Vec<Diagnostic>) {
        for rg in &site.guides {
            let Some(product) = rg.product else { continue };
            let labels: Vec<&str> = product
                .glossary
                .iter()
                .flat_map(|c| match &c.label {
                    PerPlatform::All(l) => vec![l.value.as_str()],
                    PerPlatform::Each(list) => list.iter().map(|(_, l)| l.value.as_str()).collect(),
                })
                .collect();
            for t in texts(rg.guide) {
                for (s, e) in quoted_labels(&t.text.value) {
                    let phrase = &t.text.value[s..e];
                    if labels.iter().any(|l| l.eq_ignore_ascii_case(phrase)) {
                        continue;
                    }
                    // Only phrases close to a label: other bold text is emphasis, not a label.
                    let Some(best) = did_you_mean(phrase, labels.iter().copied()) else {
                        continue;
                    };
                    let (span, _) = sub_span(&site.project.sources, t.text, s, e);
                    out.push(
                        Diagnostic::new(
                            CODE,
                            span,
                            format!("\"{phrase}\" is not a label in the {} glossary", product.name.value),
                        )
                        .help(format!("did you mean \"{best}\"? Better: make it a step on the glossary key, so the label cannot drift")),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::rules::testing::{PRODUCT, findings};

    #[test]
    fn misspelt_bold_label_is_reported_known_ones_are_not() {
        let guide = "title: How to x\nsummary: X.\nsteps:\n  web:\n    - do: Open **Setings** and **Privacy**.\n    - click: sign-out\n      note: Emphasis like **Never** share it is fine.\n";
        let f = findings(
            super::CODE,
            &[("demo/product.yaml", PRODUCT), ("demo/g.yaml", guide)],
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].message.contains("\"Setings\""));
        assert_eq!(f[0].span.start.col, 18);
        assert!(f[0].help.as_deref().unwrap().contains("\"Settings\""));
    }
}
