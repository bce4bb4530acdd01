//! `free-target-is-key`: a free-text target that names a glossary control ("Settings"
//! written out where `settings` exists).

use super::rule::{Rule, RuleConfig};
use crate::diag::{Code, Diagnostic, RuleDoc, RuleMeta, Severity};
use crate::model::{PerPlatform, Target};
use crate::resolve::Resolved;

/// The `free-target-is-key` rule.
pub(super) struct FreeTargetIsKey;

static META: RuleMeta = RuleMeta {
    id: "free-target-is-key",
    default_severity: Severity::Warning,
    default_on: true,
    summary: "A free-text target names a control that the glossary defines.",
    doc: RuleDoc {
        explanation: "Reports a step whose target is free text that equals the label of a glossary control. Free text does not follow a rename, is not checked against platforms and loses the control's location; the glossary key keeps all of that. `stepwise check --fix` replaces the text with the key.",
        bad: "- tap: \"My Netflix\"",
        good: "- tap: my-netflix",
    },
    options: &[],
};

/// The code this rule reports under.
pub(super) const CODE: Code = Code::lint(&META);

impl Rule for FreeTargetIsKey {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, site: &Resolved<'_>, _cfg: &RuleConfig, out: &mut Vec<Diagnostic>) {
        for rg in &site.guides {
            let Some(product) = rg.product else { continue };
            for step in rg.written_steps() {
                for t in step.target.iter().chain(step.confirm.iter()) {
                    let Target::Text(text) = t else { continue };
                    let wanted = text.value.trim();
                    let hit = product.glossary.iter().find(|c| match &c.label {
                        PerPlatform::All(l) => l.value.eq_ignore_ascii_case(wanted),
                        PerPlatform::Each(list) => list
                            .iter()
                            .any(|(_, l)| l.value.eq_ignore_ascii_case(wanted)),
                    });
                    if let Some(c) = hit {
                        out.push(
                            Diagnostic::new(
                                CODE,
                                text.span,
                                format!("\"{wanted}\" is the glossary control `{}`", c.key.value),
                            )
                            .help(format!("name the control by its key: `{}`", c.key.value))
                            .related(c.key.span, "defined here")
                            .fix(text.span, c.key.value.clone()),
                        );
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::rules::testing::{PRODUCT, findings};

    #[test]
    fn free_text_naming_a_control_is_reported_with_a_fix() {
        let guide = "title: How to x\nsummary: X.\nsteps:\n  web:\n    - open: \"Settings\"\n    - click: \"the blue button\"\n";
        let f = findings(
            super::CODE,
            &[("demo/product.yaml", PRODUCT), ("demo/g.yaml", guide)],
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].fix.as_ref().unwrap().replacement, "settings");
    }
}
