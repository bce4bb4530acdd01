//! `step-count`: too many steps for one platform. Warns above `warn` (default 10) and
//! reports an error above `max` (default 20).

use super::rule::{Rule, RuleConfig};
use crate::diag::{Code, Diagnostic, OptionKind, OptionSpec, RuleDoc, RuleMeta, Severity};
use crate::resolve::Resolved;

/// The `step-count` rule.
pub(super) struct StepCount;

static META: RuleMeta = RuleMeta {
    id: "step-count",
    default_severity: Severity::Warning,
    default_on: true,
    summary: "A platform has more steps than the configured limit.",
    doc: RuleDoc {
        explanation: "Reports a platform whose procedure has more top-level steps than the site allows: a warning above `warn` (default 10) and an error above `max` (default 20). Long procedures lose readers; split the task into several guides linked with `related`, or group detail into sub-steps. Configure it in site.yaml: `rules: {step-count: {warn: 12, max: 25}}`.",
        bad: "steps:\n  web:   # 14 steps\n    - ...",
        good: "steps:\n  web:   # 7 steps, the rest in a related guide\n    - ...\nrelated: [set-up-profiles]",
    },
    options: &[WARN, MAX],
};

const WARN: OptionSpec = OptionSpec {
    name: "warn",
    kind: OptionKind::Count { default: 10 },
    doc: "A platform with more top-level steps than this is reported as a warning.",
};

const MAX: OptionSpec = OptionSpec {
    name: "max",
    kind: OptionKind::Count { default: 20 },
    doc: "A platform with more top-level steps than this is reported as an error (never below `warn`).",
};

/// The code this rule reports under.
pub(super) const CODE: Code = Code::lint(&META);

impl Rule for StepCount {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, site: &Resolved<'_>, cfg: &RuleConfig, out: &mut Vec<Diagnostic>) {
        let warn = cfg.count(&WARN);
        let max = cfg.count(&MAX).max(warn);
        for rg in &site.guides {
            for ps in &rg.platforms {
                // Report a shared procedure once, at its own block.
                if ps.same_as.is_some() {
                    continue;
                }
                let n = ps.steps.len() as u32;
                if n <= warn {
                    continue;
                }
                let mut d = Diagnostic::new(
                    CODE,
                    ps.procedure.key_span,
                    format!("{} has {n} steps (the limit is {})", ps.platform.name, if n > max { max } else { warn }),
                )
                .help("split the task into several guides linked with `related`, or group details into sub-steps");
                if n > max {
                    d.severity = Severity::Error;
                }
                out.push(d);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::rules::testing::{PRODUCT, findings};
    use crate::diag::Severity;

    fn guide(n: usize) -> String {
        format!(
            "title: How to x\nsummary: X.\nsteps:\n  web:\n{}  android: {{same_as: web}}\n",
            "    - open: settings\n".repeat(n)
        )
    }

    #[test]
    fn warns_then_errors() {
        let site = "rules:\n  step-count: {warn: 3, max: 5}\n";
        let f = findings(
            super::CODE,
            &[
                ("site.yaml", site),
                ("demo/product.yaml", PRODUCT),
                ("demo/g.yaml", &guide(4)),
            ],
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].severity, Severity::Warning);
        let f = findings(
            super::CODE,
            &[
                ("site.yaml", site),
                ("demo/product.yaml", PRODUCT),
                ("demo/g.yaml", &guide(6)),
            ],
        );
        assert_eq!(f[0].severity, Severity::Error);
        let f = findings(
            super::CODE,
            &[
                ("site.yaml", site),
                ("demo/product.yaml", PRODUCT),
                ("demo/g.yaml", &guide(3)),
            ],
        );
        assert!(f.is_empty());
    }
}
