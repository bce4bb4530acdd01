//! `platform-parity`: a guide that covers fewer platforms than its product, without saying
//! why in `unavailable_on`.

use super::rule::{Rule, RuleConfig};
use crate::diag::{Code, Diagnostic, RuleDoc, RuleMeta, Severity};
use crate::model::ProcedureBody;
use crate::resolve::Resolved;

/// The `platform-parity` rule.
pub(super) struct PlatformParity;

static META: RuleMeta = RuleMeta {
    id: "platform-parity",
    default_severity: Severity::Warning,
    default_on: true,
    summary: "A guide covers fewer platforms than its product and does not say why.",
    doc: RuleDoc {
        explanation: "Reports a guide that has no steps for some of its product's platforms (the product's `platforms`, or the site's) and does not list them in `unavailable_on` with a reason. Readers on the missing platform otherwise find nothing and do not know whether the task is impossible there or the guide is incomplete. A platform the guide's steps go to with `on:` (a TV guide that sends the reader to a browser) is part of another platform's procedure and is not reported. Neither is a platform that already has an error of its own: one a misspelt or unreadable `steps` or `unavailable_on` key most likely means, or one a `same_as` names without steps; nor is a guide whose product file is missing or broken.",
        bad: "steps:\n  web:\n    - ...\n# nothing for android and ios",
        good: "steps:\n  web:\n    - ...\nunavailable_on:\n  android, ios: The apps cannot change the billing date.",
    },
    options: &[],
};

/// The code this rule reports under.
pub(super) const CODE: Code = Code::lint(&META);

impl Rule for PlatformParity {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, site: &Resolved<'_>, _cfg: &RuleConfig, out: &mut Vec<Diagnostic>) {
        for rg in &site.guides {
            // Without its product (a product file with errors, or none), the platforms the
            // guide should cover are unknown: the product's own error says what is wrong.
            let Some(product) = rg.product else {
                continue;
            };
            let expected: Vec<&str> = match &product.platforms {
                Some(list) => list.iter().map(|p| p.value.as_str()).collect(),
                None => site.project.site.platform_ids().collect(),
            };
            let g = rg.guide;
            let missing: Vec<&str> = expected
                .into_iter()
                .filter(|id| {
                    !g.procedures
                        .iter()
                        .any(|p| p.platforms.iter().any(|q| q.value == *id))
                })
                .filter(|id| !g.unavailable_on.iter().any(|u| u.platform.value == *id))
                // A misspelt platform key, or a `same_as` naming a platform without steps,
                // is already an error about this platform.
                .filter(|id| !g.may_have_meant(id, &site.project.site))
                .filter(|id| {
                    !g.procedures.iter().any(
                        |p| matches!(&p.body, ProcedureBody::SameAs(t) if t.value.trim() == *id),
                    )
                })
                .filter(|id| {
                    !g.written_steps()
                        .iter()
                        .any(|s| s.on.as_ref().is_some_and(|c| c.platform.value == *id))
                })
                .collect();
            if missing.is_empty() || g.procedures.is_empty() {
                continue;
            }
            let names: Vec<String> = missing
                .iter()
                .map(|id| {
                    site.project
                        .site
                        .platform(id)
                        .map_or((*id).to_owned(), |p| p.name.clone())
                })
                .collect();
            out.push(
                Diagnostic::new(
                    CODE,
                    g.title.span,
                    format!("this guide has no steps for {}", names.join(", ")),
                )
                .help(format!(
                    "add their steps (or `{{same_as: ...}}`), or say why with `unavailable_on: {{{}: <reason>}}`",
                    missing.join(", ")
                )),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::rules::testing::{PRODUCT, findings};

    #[test]
    fn missing_platforms_need_a_reason() {
        let base = "title: How to x\nsummary: X.\nsteps:\n  web:\n    - open: settings\n";
        let f = findings(
            super::CODE,
            &[("demo/product.yaml", PRODUCT), ("demo/g.yaml", base)],
        );
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("Android, iOS"), "{}", f[0].message);
        let with_reason = format!("{base}unavailable_on:\n  android, ios: Not in the apps.\n");
        assert!(
            findings(
                super::CODE,
                &[
                    ("demo/product.yaml", PRODUCT),
                    ("demo/g.yaml", &with_reason)
                ]
            )
            .is_empty()
        );
    }

    #[test]
    fn a_platform_visited_with_on_is_part_of_the_procedure() {
        let guide = "title: How to x\nsummary: X.\nsteps:\n  android:\n    - tap: menu\n    - click: settings\n      on: web\n";
        let f = findings(
            super::CODE,
            &[("demo/product.yaml", PRODUCT), ("demo/g.yaml", guide)],
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(
            f[0].message.ends_with("no steps for iOS"),
            "{}",
            f[0].message
        );
    }
}
