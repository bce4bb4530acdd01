//! `near-duplicate-platforms`: two platforms whose steps are written out twice although
//! they are identical or differ in one step only; `same_as` (with `instead` for the one
//! difference) says it once.

use super::rule::{Rule, RuleConfig};
use crate::diag::{Code, Diagnostic, RuleDoc, RuleMeta, Severity};
use crate::model::Action;
use crate::resolve::{PlatformSteps, Resolved};

/// The `near-duplicate-platforms` rule.
pub(super) struct NearDuplicatePlatforms;

/// What a step does, ignoring the click/tap verb: (action, target, text).
type Shape<'s> = (&'static str, Option<&'s str>, Option<&'s str>);

/// What each step does, ignoring the click/tap verb.
fn shapes<'s>(ps: &PlatformSteps<'s>) -> Vec<Shape<'s>> {
    ps.steps
        .iter()
        .map(|rs| {
            let s = rs.step;
            let target = s.target.as_ref().map(|t| match t {
                crate::model::Target::Key(k) | crate::model::Target::Text(k) => k.value.as_str(),
            });
            let action = match s.action.value {
                Action::Click | Action::Tap | Action::Press => "press",
                a => a.as_str(),
            };
            (action, target, s.text.as_ref().map(|t| t.value.as_str()))
        })
        .collect()
}

static META: RuleMeta = RuleMeta {
    id: "near-duplicate-platforms",
    default_severity: Severity::Warning,
    default_on: true,
    summary: "Two platforms have identical or nearly identical steps written out twice.",
    doc: RuleDoc {
        explanation: "Reports two platforms whose procedures are written out separately although they do the same thing, step for step (the click/tap verb aside), or differ in a single step. Copies drift apart: the next edit fixes one and forgets the other. Say it once with `ios: {same_as: android}`, or one block for both (`android, ios:`), and keep a real difference with `instead:` on that step.",
        bad: "android:\n  - tap: my-netflix\n  - tap: account\nios:\n  - tap: my-netflix\n  - tap: account",
        good: "android:\n  - tap: my-netflix\n  - tap: account\nios: {same_as: android}",
    },
    options: &[],
};

/// The code this rule reports under.
pub(super) const CODE: Code = Code::lint(&META);

impl Rule for NearDuplicatePlatforms {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, site: &Resolved<'_>, _cfg: &RuleConfig, out: &mut Vec<Diagnostic>) {
        for rg in &site.guides {
            // Platforms with their own block (not reached through `same_as`).
            let own: Vec<(&PlatformSteps<'_>, Vec<Shape<'_>>)> = rg
                .platforms
                .iter()
                .filter(|ps| ps.same_as.is_none())
                .map(|ps| (ps, shapes(ps)))
                .collect();
            for (i, (b, sb)) in own.iter().enumerate() {
                for (a, sa) in &own[..i] {
                    if std::ptr::eq(a.procedure, b.procedure) || sa.len() != sb.len() {
                        continue;
                    }
                    let differing = sa.iter().zip(sb).filter(|(x, y)| x != y).count();
                    // Identical procedures of two or more steps, or long ones (four or more
                    // steps) that differ in one step only.
                    let copy =
                        (differing == 0 && sa.len() >= 2) || (differing == 1 && sa.len() >= 4);
                    if !copy {
                        continue;
                    }
                    let how = if differing == 0 {
                        "the same steps as"
                    } else {
                        "all but one step in common with"
                    };
                    out.push(
                        Diagnostic::new(
                            CODE,
                            b.procedure.key_span,
                            format!(
                                "{} has {how} {}, written out twice",
                                b.platform.name, a.platform.name
                            ),
                        )
                        .help(format!(
                            "write `{}: {{same_as: {}}}`{}",
                            b.platform.id,
                            a.platform.id,
                            if differing == 0 {
                                String::new()
                            } else {
                                " and keep the one difference with `instead:` on that step".into()
                            }
                        ))
                        .related(a.procedure.key_span, format!("{} steps", a.platform.name)),
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
    fn copies_are_reported_and_real_differences_are_not() {
        let copy = "title: How to x\nsummary: X.\nsteps:\n  android:\n    - tap: menu\n    - tap: sign-out\n  ios:\n    - tap: menu\n    - tap: sign-out\n";
        let f = findings(
            super::CODE,
            &[("demo/product.yaml", PRODUCT), ("demo/g.yaml", copy)],
        );
        assert_eq!(f.len(), 1);
        assert!(
            f[0].help
                .as_deref()
                .unwrap()
                .contains("ios: {same_as: android}")
        );
        let different = "title: How to x\nsummary: X.\nsteps:\n  android:\n    - tap: menu\n    - tap: sign-out\n  ios:\n    - open: settings\n    - tap: privacy\n";
        assert!(
            findings(
                super::CODE,
                &[("demo/product.yaml", PRODUCT), ("demo/g.yaml", different)]
            )
            .is_empty()
        );
    }
}
