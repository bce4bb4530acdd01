//! `untranslated-field`: a translated guide leaves out a text its source guide has, which
//! readers of the translation would then see in the source's language.

use super::rule::{Rule, RuleConfig};
use crate::diag::{Code, Diagnostic, RuleDoc, RuleMeta, Severity};
use crate::model::{
    GuideTexts, ProcedureBody, Step, StepText, Target, Translation, guide_fields, step_key,
};
use crate::resolve::Resolved;
use crate::source::Span;

/// The `untranslated-field` rule.
pub(super) struct UntranslatedField;

static META: RuleMeta = RuleMeta {
    id: "untranslated-field",
    default_severity: Severity::Warning,
    default_on: true,
    summary: "A translated guide leaves out a text its source guide has.",
    doc: RuleDoc {
        explanation: "Reports a guide-level field (`intro`, `tips`, `outcome`...) or a step's text (`detail`, `result`, `alt`, a `do:` text...) that the source guide has and its translation does not. The merged guide falls back to the source's text, so readers of the translation would see a sentence in the source's language. Translate the field in the translation file; steps are keyed by the source step's `id` or position.",
        bad: "# sign-out.yaml has `intro:` and a step with `result:`\ntitle: Se déconnecter\nsummary: Déconnectez-vous.",
        good: "title: Se déconnecter\nsummary: Déconnectez-vous.\nintro: ...\nsteps:\n  web:\n    confirm: {result: ...}",
    },
    options: &[],
};

/// The code this rule reports under.
pub(super) const CODE: Code = Code::lint(&META);

/// Whether the translation gives a guide-level field, by its fingerprint name.
fn has_field(x: &GuideTexts, name: &str) -> bool {
    match name {
        "title" => x.title.is_some(),
        "summary" => x.summary.is_some(),
        "intro" => x.intro.is_some(),
        "category" => x.category.is_some(),
        "tags" => x.tags.is_some(),
        "prerequisites" => x.prerequisites.is_some(),
        "tools" => x.tools.is_some(),
        "supplies" => x.supplies.is_some(),
        "notes" => x.notes.is_some(),
        "goals" => !x.goals.is_empty(),
        "unavailable_on" => !x.unavailable_on.is_empty(),
        "outcome" => x.outcome.is_some(),
        "facts" => x.facts.is_some(),
        "tips" => x.tips.is_some(),
        "warnings" => x.warnings.is_some(),
        "troubleshooting" => x.troubleshooting.is_some(),
        _ => true,
    }
}

/// The texts a source step has that `text` (its translation, if any) leaves out.
fn missing_in_step(step: &Step, text: Option<&StepText>) -> Vec<&'static str> {
    let has_text = step.text.is_some() || matches!(step.target, Some(Target::Text(_)));
    let wanted = [
        ("text", has_text, text.is_some_and(|t| t.text.is_some())),
        (
            "detail",
            step.detail.is_some(),
            text.is_some_and(|t| t.detail.is_some()),
        ),
        (
            "if",
            step.condition.is_some(),
            text.is_some_and(|t| t.condition.is_some()),
        ),
        (
            "result",
            step.result.is_some(),
            text.is_some_and(|t| t.result.is_some()),
        ),
        (
            "note",
            step.note.is_some(),
            text.is_some_and(|t| t.note.is_some()),
        ),
        (
            "warning",
            step.warning.is_some(),
            text.is_some_and(|t| t.warning.is_some()),
        ),
        (
            "alt",
            step.image.as_ref().is_some_and(|i| i.alt.is_some()),
            text.is_some_and(|t| t.alt.is_some()),
        ),
        (
            "choices",
            !step.choices.is_empty(),
            text.is_some_and(|t| t.choices.is_some()),
        ),
    ];
    wanted
        .into_iter()
        .filter(|(_, source, translated)| *source && !translated)
        .map(|(name, _, _)| name)
        .collect()
}

/// Reports the untranslated texts of `steps` (and their sub-steps) against `texts`.
fn steps(
    t: &Translation,
    platform: &str,
    steps: &[Step],
    texts: &[StepText],
    prefix: &str,
    out: &mut Vec<Diagnostic>,
) {
    for (i, step) in steps.iter().enumerate() {
        let key = step_key(step, i);
        let text = texts
            .iter()
            .find(|x| crate::model::step_index(steps, &x.key.value) == Some(i));
        let missing = missing_in_step(step, text);
        if !missing.is_empty() {
            let at = text.map_or(head(t), |x| x.key.span);
            let list: Vec<String> = missing.iter().map(|m| format!("`{m}`")).collect();
            out.push(
                Diagnostic::new(
                    CODE,
                    at,
                    format!(
                        "step `{prefix}{key}` on {platform} is not translated: {}",
                        crate::check::labels::and_list(&list.iter().map(String::as_str).collect::<Vec<_>>())
                    ),
                )
                .help(format!(
                    "add `{key}: {{{}: ...}}` under `steps: {{{platform}: ...}}` in the translation",
                    missing[0]
                )),
            );
        }
        let subs = text.map_or(&[][..], |x| x.substeps.as_slice());
        self::steps(
            t,
            platform,
            &step.substeps,
            subs,
            &format!("{prefix}{key}."),
            out,
        );
        options(t, platform, step, text, &format!("{prefix}{key}"), out);
    }
}

impl Rule for UntranslatedField {
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
            let missing: Vec<String> = guide_fields(g)
                .into_iter()
                .filter(|(name, _)| !has_field(&t.texts, name))
                .map(|(name, _)| format!("`{name}`"))
                .collect();
            if !missing.is_empty() {
                out.push(
                    Diagnostic::new(
                        CODE,
                        head(t),
                        format!(
                            "this translation leaves out {}, which the source guide has",
                            crate::check::labels::and_list(
                                &missing.iter().map(String::as_str).collect::<Vec<_>>()
                            )
                        ),
                    )
                    .help("translate them here; until then readers see the source's text"),
                );
            }
            for p in &g.procedures {
                let (ProcedureBody::Steps(list), Some(first)) = (&p.body, p.platforms.first())
                else {
                    continue;
                };
                let texts = t
                    .steps
                    .iter()
                    .find(|(q, _)| p.platforms.iter().any(|x| x.value == q.value))
                    .map_or(&[][..], |(_, s)| s.as_slice());
                steps(t, &first.value, list, texts, "", out);
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

/// Reports the untranslated labels and steps of a step's options.
fn options(
    t: &Translation,
    platform: &str,
    step: &Step,
    text: Option<&StepText>,
    key: &str,
    out: &mut Vec<Diagnostic>,
) {
    for (n, option) in step.options.iter().enumerate() {
        let ot = text.and_then(|x| {
            x.options
                .iter()
                .find(|o| o.key.value.parse::<usize>().ok() == Some(n + 1))
        });
        if ot.is_none_or(|o| o.label.is_none()) {
            let at = ot.map(|o| o.key.span).or(text.map(|x| x.key.span));
            out.push(
                Diagnostic::new(
                    CODE,
                    at.unwrap_or(head(t)),
                    format!(
                        "option {} of step `{key}` on {platform} is not translated: its `{}`",
                        n + 1,
                        if option.condition { "if" } else { "label" }
                    ),
                )
                .help(format!(
                    "add `options: {{{}: {{label: ...}}}}` to the step's entry",
                    n + 1
                )),
            );
        }
        let subs = ot.map_or(&[][..], |o| o.steps.as_slice());
        let prefix = format!("{key}.option-{}.", n + 1);
        steps(t, platform, &option.steps, subs, &prefix, out);
    }
}
