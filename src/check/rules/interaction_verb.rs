//! `interaction-verb`: "click" on a touch platform, "tap" on a pointer platform, as the
//! step's action or in its text. The verb comes from the platform's data (`verb:`).

use std::collections::BTreeSet;

use super::rule::{Rule, RuleConfig};
use crate::check::text::{find_words, keep_case, sub_span};
use crate::diag::{Code, Diagnostic, RuleDoc, RuleMeta, Severity};
use crate::model::{Action, Step};
use crate::resolve::Resolved;

/// The `interaction-verb` rule.
pub(super) struct InteractionVerb;

static META: RuleMeta = RuleMeta {
    id: "interaction-verb",
    default_severity: Severity::Warning,
    default_on: true,
    summary: "A step says \"click\" on a touch platform or \"tap\" on a pointer platform.",
    doc: RuleDoc {
        explanation: "Reports `click` steps on platforms whose verb is not \"click\" (phones and tablets tap) and `tap` steps on pointer platforms, and the words \"click\" or \"tap\" in a step's text on such platforms. Each platform's verb is data in site.yaml. A procedure shared by pointer and touch platforms should use `press`, which each platform renders with its own verb. `--fix` rewrites the action or the word.",
        bad: "steps:\n  android:\n    - click: my-netflix",
        good: "steps:\n  android:\n    - tap: my-netflix",
    },
    options: &[],
};

/// The code this rule reports under.
pub(super) const CODE: Code = Code::lint(&META);

impl Rule for InteractionVerb {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, site: &Resolved<'_>, _cfg: &RuleConfig, out: &mut Vec<Diagnostic>) {
        let sources = &site.project.sources;
        for rg in &site.guides {
            // Verbs of the platforms that follow each step.
            let mut users: Vec<(&Step, BTreeSet<&str>, Vec<&str>)> = Vec::new();
            for ps in &rg.platforms {
                let all = ps
                    .steps
                    .iter()
                    .flat_map(|rs| std::iter::once(rs).chain(rs.nested()));
                for rs in all {
                    // A step on another device (`on:`) takes that platform's verb.
                    let (s, platform) = (rs.step, rs.on);
                    let verb = platform.verb.as_str();
                    match users.iter_mut().find(|(u, _, _)| std::ptr::eq(*u, s)) {
                        Some((_, verbs, names)) => {
                            verbs.insert(verb);
                            if !names.contains(&platform.name.as_str()) {
                                names.push(&platform.name);
                            }
                        }
                        None => users.push((s, BTreeSet::from([verb]), vec![&platform.name])),
                    }
                }
            }
            for (step, verbs, names) in &users {
                let written = match step.action.value {
                    Action::Click => "click",
                    Action::Tap => "tap",
                    _ => "",
                };
                if !written.is_empty() && verbs.iter().any(|v| *v != written) {
                    let replacement = match verbs.iter().collect::<Vec<_>>().as_slice() {
                        [only] if **only == "click" || **only == "tap" => (**only).to_owned(),
                        _ => "press".to_owned(),
                    };
                    out.push(
                        Diagnostic::new(
                            CODE,
                            step.action.span,
                            format!(
                                "`{written}` on {}, where the verb is \"{}\"",
                                names.join(", "),
                                verbs.iter().copied().collect::<Vec<_>>().join("\"/\"")
                            ),
                        )
                        .help(format!(
                            "write `{replacement}:`; `press` uses each platform's own verb"
                        ))
                        .fix(step.action.span, replacement),
                    );
                }
            }
            for t in rg.texts() {
                let Some(step) = t.step else { continue };
                let Some((_, verbs, names)) = users.iter().find(|(u, _, _)| std::ptr::eq(*u, step))
                else {
                    continue;
                };
                let [verb] = verbs.iter().copied().collect::<Vec<_>>()[..] else {
                    continue;
                };
                for wrong in ["click", "tap"].into_iter().filter(|w| *w != verb) {
                    for (s, e) in find_words(&t.text.value, wrong) {
                        let (span, exact) = sub_span(sources, t.text, s, e);
                        let mut d = Diagnostic::new(
                            CODE,
                            span,
                            format!(
                                "\"{wrong}\" on {}, where the verb is \"{verb}\"",
                                names.join(", ")
                            ),
                        )
                        .help(format!("write \"{verb}\""));
                        if exact {
                            d = d.fix(span, keep_case(&t.text.value[s..e], verb));
                        }
                        out.push(d);
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
    fn wrong_verbs_in_actions_and_text() {
        let guide = "title: How to x\nsummary: X.\nsteps:\n  web:\n    - tap: settings\n    - click: sign-out\n  android, ios:\n    - click: menu\n    - do: Click **Sign out**.\n";
        let f = findings(
            super::CODE,
            &[("demo/product.yaml", PRODUCT), ("demo/g.yaml", guide)],
        );
        let fixes: Vec<_> = f
            .iter()
            .map(|d| d.fix.as_ref().unwrap().replacement.as_str())
            .collect();
        assert_eq!(fixes, ["click", "tap", "Tap"], "{f:#?}");
    }

    #[test]
    fn press_and_shared_correct_verbs_pass() {
        let guide = "title: How to x\nsummary: X.\nsteps:\n  web, android:\n    - press: sign-out\n  ios:\n    - tap: menu\n";
        assert!(
            findings(
                super::CODE,
                &[("demo/product.yaml", PRODUCT), ("demo/g.yaml", guide)]
            )
            .is_empty()
        );
    }

    #[test]
    fn a_step_on_another_device_takes_that_platforms_verb() {
        // On Android, `click` is right in a step on the web and wrong after it.
        let guide = "title: How to x\nsummary: X.\nsteps:\n  android:\n    - tap: menu\n    - click: settings\n      on: web\n      steps:\n        - click: privacy\n    - do: Click **Sign out**.\n      on: web\n    - click: sign-out\n";
        let f = findings(
            super::CODE,
            &[("demo/product.yaml", PRODUCT), ("demo/g.yaml", guide)],
        );
        let lines: Vec<_> = f
            .iter()
            .map(|d| (d.span.start.line, d.message.as_str()))
            .collect();
        assert_eq!(
            lines,
            [(12, "`click` on Android, where the verb is \"tap\"")],
            "{f:#?}"
        );
        let tap_on_web = "title: How to x\nsummary: X.\nsteps:\n  android:\n    - tap: settings\n      on: web\n";
        let f = findings(
            super::CODE,
            &[("demo/product.yaml", PRODUCT), ("demo/g.yaml", tap_on_web)],
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].message, "`tap` on Web, where the verb is \"click\"");
    }
}
