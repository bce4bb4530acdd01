//! Step ids and `{step:id}` references: ids are unique in each platform's procedure, and a
//! reference names a step of every platform that reads it. Format errors, always on.

use std::collections::HashSet;

use super::text::sub_span;
use crate::diag::suggest::did_you_mean;
use crate::diag::{Code, Diagnostic};
use crate::model::Step;
use crate::resolve::{Resolved, ResolvedStep};
use crate::source::{Span, Spanned};
use crate::steps::{numbered, references};

/// The text fields of a step that may hold references.
pub fn step_texts(s: &Step) -> Vec<&Spanned<String>> {
    let mut out: Vec<&Spanned<String>> = [
        &s.text,
        &s.condition,
        &s.detail,
        &s.result,
        &s.note,
        &s.warning,
    ]
    .into_iter()
    .flatten()
    .collect();
    out.extend(&s.choices);
    out.extend(s.options.iter().map(|o| &o.label));
    out
}

/// Appends duplicate ids and broken references.
pub(super) fn check(resolved: &Resolved<'_>, diags: &mut Vec<Diagnostic>) {
    let sources = &resolved.project.sources;
    for rg in &resolved.guides {
        // A shared procedure is reported once per written place, whichever platform meets it.
        let mut said: HashSet<(Span, usize)> = HashSet::new();
        let mut dup_said: HashSet<Span> = HashSet::new();
        for ps in &rg.platforms {
            let steps = numbered(ps);
            let mut seen: Vec<&Spanned<String>> = Vec::new();
            for id in steps.iter().filter_map(|n| n.id) {
                match seen.iter().find(|s| s.value == id.value) {
                    Some(first) if dup_said.insert(id.span) => diags.push(
                        Diagnostic::new(
                            Code::DuplicateStepId,
                            id.span,
                            format!(
                                "step id `{}` is already used in the {} steps",
                                id.value, ps.platform.name
                            ),
                        )
                        .help("give each step of a procedure its own id; references must name one step")
                        .related(first.span, "first used here"),
                    ),
                    Some(_) => {}
                    None => seen.push(id),
                }
            }
            let ids: Vec<&str> = seen.iter().map(|s| s.value.as_str()).collect();
            let mut visit = |rs: &ResolvedStep<'_>| {
                for t in step_texts(rs.step) {
                    for r in references(&t.value) {
                        if ids.contains(&r.id) || !said.insert((t.span, r.start)) {
                            continue;
                        }
                        let (span, _) = sub_span(sources, t, r.start, r.end);
                        let help = match did_you_mean(r.id, ids.iter().copied()) {
                            Some(close) => format!("did you mean `{{step:{close}}}`?"),
                            None if ids.is_empty() => format!(
                                "no step of the {} steps has an `id`; add `id: {}` to the step meant",
                                ps.platform.name, r.id
                            ),
                            None => format!(
                                "the step ids here are: {}; or add `id: {}` to the step meant",
                                ids.join(", "),
                                r.id
                            ),
                        };
                        diags.push(
                            Diagnostic::new(
                                Code::UnknownStepReference,
                                span,
                                format!(
                                    "`{{step:{}}}` names no step of the {} steps",
                                    r.id, ps.platform.name
                                ),
                            )
                            .help(help),
                        );
                    }
                }
            };
            for rs in &ps.steps {
                visit(rs);
                for sub in rs.nested() {
                    visit(sub);
                }
            }
        }
        for t in rg.texts().iter().filter(|t| t.step.is_none()) {
            for r in references(&t.text.value) {
                let (span, _) = sub_span(sources, t.text, r.start, r.end);
                diags.push(
                    Diagnostic::new(
                        Code::UnknownStepReference,
                        span,
                        format!(
                            "`{{step:{}}}` is outside the steps; step numbers differ per platform",
                            r.id
                        ),
                    )
                    .help("move the sentence into a step (its `note`, `detail` or `result`), where the reference shows that platform's number"),
                );
            }
        }
    }
}
