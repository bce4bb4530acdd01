//! `image-reused`: one screenshot file shown for two different steps of a guide.

use std::collections::HashMap;

use super::rule::{Rule, RuleConfig};
use crate::diag::{Code, Diagnostic, RuleDoc, RuleMeta, Severity};
use crate::model::Step;
use crate::resolve::Resolved;

/// The `image-reused` rule.
pub(super) struct ImageReused;

static META: RuleMeta = RuleMeta {
    id: "image-reused",
    default_severity: Severity::Warning,
    default_on: true,
    summary: "One screenshot illustrates two different steps of a guide.",
    doc: RuleDoc {
        explanation: "Reports a screenshot file used by two steps of one guide that do different things (a different action or control). Each step's picture should show that step; one picture under two steps means one of them shows the wrong thing, the mismatched-caption problem of hand-written articles. A step shared by several platforms is one step and is not reported.",
        bad: "- tap: my-netflix\n  image: {src: img/menu.png, alt: ...}\n- tap: account\n  image: {src: img/menu.png, alt: ...}",
        good: "- tap: my-netflix\n  image: {src: img/my-netflix.png, alt: ...}\n- tap: account\n  image: {src: img/account.png, alt: ...}",
    },
    options: &[],
};

/// The code this rule reports under.
pub(super) const CODE: Code = Code::lint(&META);

impl Rule for ImageReused {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, site: &Resolved<'_>, _cfg: &RuleConfig, out: &mut Vec<Diagnostic>) {
        for rg in &site.guides {
            // The first step each file illustrates, by file (a guide has a picture per step).
            let mut seen: HashMap<&str, &Step> = HashMap::new();
            for s in rg.written_steps() {
                let Some(src) = s.image.as_ref().and_then(|i| i.src.as_ref()) else {
                    continue;
                };
                let same_action =
                    |o: &Step| o.action.value == s.action.value && o.target == s.target;
                match seen.get(src.value.as_str()) {
                    Some(first) if !same_action(first) => {
                        let first_src = first
                            .image
                            .as_ref()
                            .and_then(|i| i.src.as_ref())
                            .map_or(first.span, |s| s.span);
                        out.push(
                            Diagnostic::new(
                                CODE,
                                src.span,
                                format!("`{}` already illustrates a different step", src.value),
                            )
                            .help("give each step a picture of its own action")
                            .related(first_src, "first used here"),
                        );
                    }
                    Some(_) => {}
                    None => {
                        seen.insert(&src.value, s);
                    }
                }
            }
        }
    }
}
