//! `unused-glossary-entry`: a control that no guide uses (as a target, a confirmation or
//! another control's screen).

use std::collections::HashSet;

use super::rule::{Rule, RuleConfig};
use crate::diag::{Code, Diagnostic, RuleDoc, RuleMeta, Severity};
use crate::model::Target;
use crate::resolve::Resolved;

/// The `unused-glossary-entry` rule.
pub(super) struct UnusedGlossaryEntry;

static META: RuleMeta = RuleMeta {
    id: "unused-glossary-entry",
    default_severity: Severity::Warning,
    default_on: true,
    summary: "A glossary control is not used by any guide.",
    doc: RuleDoc {
        explanation: "Reports a glossary control that no guide of its product uses as a target or confirmation and no other control names as its `screen`. Unused entries are usually left over from a removed guide or a renamed key; they make the glossary harder to trust. Remove the entry, or use it.",
        bad: "glossary:\n  old-settings: {role: button, label: Preferences}   # used nowhere",
        good: "glossary:\n  settings: {role: button, label: Settings}   # used by guides",
    },
    options: &[],
};

/// The code this rule reports under.
pub(super) const CODE: Code = Code::lint(&META);

impl Rule for UnusedGlossaryEntry {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, site: &Resolved<'_>, _cfg: &RuleConfig, out: &mut Vec<Diagnostic>) {
        // Controls used as `product:key` by the guides of the products that use them.
        let mut foreign: HashSet<(&str, &str)> = HashSet::new();
        for g in &site.project.guides {
            for s in g.written_steps() {
                for t in s.target.iter().chain(s.confirm.iter()) {
                    if let Target::Key(k) = t
                        && let Some(pk) = k.value.split_once(':')
                    {
                        foreign.insert(pk);
                    }
                }
            }
        }
        for product in &site.project.products {
            let mut used: HashSet<&str> = foreign
                .iter()
                .filter(|(p, _)| *p == product.key)
                .map(|(_, k)| *k)
                .collect();
            for g in site
                .project
                .guides
                .iter()
                .filter(|g| g.product == product.key)
            {
                for s in g.written_steps() {
                    for t in s.target.iter().chain(s.confirm.iter()) {
                        if let Target::Key(k) = t {
                            used.insert(&k.value);
                        }
                    }
                }
            }
            for c in &product.glossary {
                if let Some(s) = &c.screen {
                    used.insert(&s.value);
                }
            }
            for c in &product.glossary {
                if !used.contains(c.key.value.as_str()) {
                    out.push(
                        Diagnostic::new(
                            CODE,
                            c.key.span,
                            format!("no guide uses the control `{}`", c.key.value),
                        )
                        .help("remove it from the glossary, or use it in a step"),
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
    fn unused_controls_are_reported() {
        let guide = "title: How to x\nsummary: X.\nsteps:\n  web:\n    - open: settings\n    - click: sign-out\n";
        let f = findings(
            super::CODE,
            &[("demo/product.yaml", PRODUCT), ("demo/g.yaml", guide)],
        );
        let keys: Vec<&str> = f.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            keys,
            [
                "no guide uses the control `privacy`",
                "no guide uses the control `menu`"
            ]
        );
    }
}
