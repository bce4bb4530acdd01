//! `stale-review`: a `reviewed` date older than `max_age_days` (default 365). Off unless
//! the site turns it on, since its result depends on today's date.

use super::rule::{Rule, RuleConfig};
use crate::diag::{Code, Diagnostic, OptionKind, OptionSpec, RuleDoc, RuleMeta, Severity};
use crate::resolve::Resolved;

/// The `stale-review` rule.
pub(super) struct StaleReview;

/// Today's date (UTC), or `STEPWISE_TODAY` (YYYY-MM-DD) for reproducible runs.
fn today() -> Option<jiff::civil::Date> {
    if let Some(d) = std::env::var("STEPWISE_TODAY")
        .ok()
        .and_then(|s| s.parse().ok())
    {
        return Some(d);
    }
    let days = jiff::Timestamp::now().as_second().div_euclid(86_400);
    jiff::civil::date(1970, 1, 1)
        .checked_add(jiff::SignedDuration::from_hours(days * 24))
        .ok()
}

static META: RuleMeta = RuleMeta {
    id: "stale-review",
    default_severity: Severity::Warning,
    default_on: false,
    summary: "A guide's `reviewed` date is older than the configured age.",
    doc: RuleDoc {
        explanation: "Reports a guide whose `reviewed` date is more than `max_age_days` (default 365) before today, or that has no `reviewed` date at all. Products change; a guide nobody has looked at for a year is likely wrong somewhere. The rule is off unless site.yaml turns it on (`rules: {stale-review: {level: warning, max_age_days: 180}}`), because its result depends on the date it runs. `STEPWISE_TODAY=YYYY-MM-DD` fixes the date for reproducible runs.",
        bad: "reviewed: 2023-01-10",
        good: "reviewed: 2026-11-02",
    },
    options: &[MAX_AGE_DAYS],
};

const MAX_AGE_DAYS: OptionSpec = OptionSpec {
    name: "max_age_days",
    kind: OptionKind::Count { default: 365 },
    doc: "A guide reviewed more than this many days before today is reported.",
};

/// The code this rule reports under.
pub(super) const CODE: Code = Code::lint(&META);

impl Rule for StaleReview {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, site: &Resolved<'_>, cfg: &RuleConfig, out: &mut Vec<Diagnostic>) {
        let max = i64::from(cfg.count(&MAX_AGE_DAYS));
        let Some(today) = today() else { return };
        for rg in &site.guides {
            let g = rg.guide;
            match &g.reviewed {
                None => out.push(
                    Diagnostic::new(CODE, g.title.span, "this guide has no `reviewed` date")
                        .help("review it and add `reviewed: YYYY-MM-DD`"),
                ),
                Some(d) => {
                    let age = (today - d.value).get_days() as i64;
                    if age > max {
                        out.push(
                            Diagnostic::new(
                                CODE,
                                d.span,
                                format!("last reviewed on {}, more than {max} days ago", d.value),
                            )
                            .help("check the steps against the product and update `reviewed`"),
                        );
                    }
                }
            }
        }
    }
}
