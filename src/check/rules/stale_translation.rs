//! `stale-translation`: a translated guide whose source guide changed since it was
//! translated, by the fingerprint the translation stores (`source:`).

use super::rule::{Rule, RuleConfig};
use crate::diag::{Code, Diagnostic, RuleDoc, RuleMeta, Severity};
use crate::model::{ProcedureBody, Stamp, step_index};
use crate::resolve::Resolved;
use crate::source::Span;

/// The `stale-translation` rule.
pub(super) struct StaleTranslation;

static META: RuleMeta = RuleMeta {
    id: "stale-translation",
    default_severity: Severity::Warning,
    default_on: true,
    summary: "A translated guide's source changed since it was translated.",
    doc: RuleDoc {
        explanation: "Reports a translation (`<slug>.fr.yaml`) whose `source:` fingerprint no longer matches its source guide, naming what changed: a field (`` `summary` changed ``), a step added, removed or changed on a platform (`` step `open-account` was added on web ``), the steps reordered. Also reports a translation without a fingerprint, and translated steps or options that name none of the source. Update the translation, then run `stepwise translations --mark-current FILE` to record the source it now matches.",
        bad: "source:\n  fields: {title: 3f2a9c1e, summary: 0b7d11aa}\n  web: {open: 1f2e3d4c}   # the source has a new step since",
        good: "source:\n  fields: {title: 3f2a9c1e, summary: 0b7d11aa}\n  web: {open: 1f2e3d4c, account: 9a8b7c6d}",
    },
    options: &[],
};

/// The code this rule reports under.
pub(super) const CODE: Code = Code::lint(&META);

impl Rule for StaleTranslation {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, site: &Resolved<'_>, _cfg: &RuleConfig, out: &mut Vec<Diagnostic>) {
        let project = site.project;
        let sources = crate::load::Sources::new(project);
        for t in &project.translations {
            let Some(g) = sources.of(t) else {
                continue;
            };
            let at = t.source_span.unwrap_or(head(t));
            let fix = format!(
                "update the translation, then run `stepwise translations --mark-current {}`",
                project.sources.get(t.file).path.display()
            );
            match &t.source {
                None => out.push(
                    Diagnostic::new(
                        CODE,
                        at,
                        "this translation does not say which version of its source it translates",
                    )
                    .help(fix.clone()),
                ),
                Some(old) => {
                    let changes = Stamp::of(g).changes_since(old);
                    if !changes.is_empty() {
                        out.push(
                            Diagnostic::new(
                                CODE,
                                at,
                                format!(
                                    "the source guide changed since this translation: {}",
                                    changes.join("; ")
                                ),
                            )
                            .help(fix.clone()),
                        );
                    }
                }
            }
            for (platform, texts) in &t.steps {
                let steps = g
                    .procedures
                    .iter()
                    .find(|p| p.platforms.iter().any(|q| q.value == platform.value))
                    .and_then(|p| match &p.body {
                        ProcedureBody::Steps(s) => Some(s.as_slice()),
                        ProcedureBody::SameAs(_) => None,
                    });
                unknown_keys(steps, texts, &platform.value, "", out);
            }
        }
    }
}

/// Where a finding about the whole translation points: its first field.
fn head(t: &crate::model::Translation) -> Span {
    Span {
        end: t.span.start,
        ..t.span
    }
}

/// Reports the translated steps (and sub-steps) of `texts` that name no step of `steps`.
fn unknown_keys(
    steps: Option<&[crate::model::Step]>,
    texts: &[crate::model::StepText],
    platform: &str,
    prefix: &str,
    out: &mut Vec<Diagnostic>,
) {
    for st in texts {
        let found = steps.and_then(|s| Some(&s[step_index(s, &st.key.value)?]));
        match found {
            Some(step) => {
                let here = format!("{prefix}{}.", st.key.value);
                unknown_keys(Some(&step.substeps), &st.substeps, platform, &here, out);
                unknown_options(step, st, platform, &here, out);
            }
            None => out.push(
                Diagnostic::new(
                    CODE,
                    st.key.span,
                    format!(
                        "the source guide has no step `{prefix}{}` in its own {platform} steps",
                        st.key.value
                    ),
                )
                .help("key a translated step by the source step's `id`, or by its position from 1, under the platform whose block holds the steps; remove steps the source no longer has"),
            ),
        }
    }
}

/// Reports the translated options of `st` that name no option of `step`, and their steps.
fn unknown_options(
    step: &crate::model::Step,
    st: &crate::model::StepText,
    platform: &str,
    here: &str,
    out: &mut Vec<Diagnostic>,
) {
    for ot in &st.options {
        let option = ot
            .key
            .value
            .parse::<usize>()
            .ok()
            .and_then(|n| step.options.get(n.checked_sub(1)?));
        match option {
            Some(o) => {
                let here = format!("{here}option-{}.", ot.key.value);
                unknown_keys(Some(&o.steps), &ot.steps, platform, &here, out);
            }
            None => out.push(
                Diagnostic::new(
                    CODE,
                    ot.key.span,
                    format!(
                        "step `{}` of the source guide has no option {} on {platform}",
                        here.trim_end_matches('.'),
                        ot.key.value
                    ),
                )
                .help(
                    "key options by their position from 1; remove options the source no longer has",
                ),
            ),
        }
    }
}
