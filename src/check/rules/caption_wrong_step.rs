//! `caption-wrong-step`: a step's picture whose alt text or caption names the control of the
//! step before or after it, and not the step's own: the picture (or its caption) sits under
//! the wrong step.

use std::collections::HashSet;

use super::rule::{Rule, RuleConfig};
use crate::check::text::{find_words, sub_span};
use crate::diag::{Code, Diagnostic, RuleDoc, RuleMeta, Severity};
use crate::model::{Platform, Product, Role, Step, Target};
use crate::resolve::{Resolved, ResolvedStep};
use crate::source::{Span, Spanned};
use crate::steps;

/// The `caption-wrong-step` rule.
pub(super) struct CaptionWrongStep;

static META: RuleMeta = RuleMeta {
    id: "caption-wrong-step",
    default_severity: Severity::Warning,
    default_on: true,
    summary: "A step's alt text or caption names the control of the step before or after it, not its own.",
    doc: RuleDoc {
        explanation: "Reports a step's picture whose alt text, or the words beside its callouts (its caption), names, by its label on that platform, the target of the step just before or just after it, while naming neither the step's own target nor anything its text talks about: the classic slip of a screenshot (or its caption) one step off. Alt text that names both is fine (\"The Account menu open, Sign out highlighted\" under the step that opens Account: the picture shows what that tap opens). So is naming the screen, section, menu, tab or dialog the step before opened: that is where the reader is. Steps that are optional or conditional (`optional: true`, `if:`), on either side, are left alone, and a neighbour whose label is the step's own (a confirmation with the same label as the step before) is not another control. Labels that are placeholders (`[your name]`) are never matched.",
        bad: "- tap: account\n  image: {src: img/3.png, alt: The Sign out button at the bottom}\n- tap: sign-out",
        good: "- tap: account\n  image: {src: img/3.png, alt: The Account tab at the bottom right}\n- tap: sign-out\n  image: {src: img/4.png, alt: The Sign out button at the bottom}",
    },
    options: &[],
};

/// The code this rule reports under.
pub(super) const CODE: Code = Code::lint(&META);

/// Roles that name where the reader is rather than what to press: a picture under the next
/// step may show them.
fn is_place(role: Role) -> bool {
    matches!(
        role,
        Role::Screen | Role::Section | Role::Menu | Role::Tab | Role::Dialog
    )
}

/// A control a step acts on, with its label on the step's platform.
struct Named<'a> {
    label: &'a str,
    role: Option<Role>,
    /// Where the step names it.
    span: Span,
}

/// The labels a step names: its target's and its confirmation's. Placeholders are left out.
fn named<'a>(s: &'a Step, on: &Platform, product: Option<&'a Product>) -> Vec<Named<'a>> {
    let mut out = Vec::new();
    for t in [s.target.as_ref(), s.confirm.as_ref()]
        .into_iter()
        .flatten()
    {
        let found = match t {
            Target::Text(text) => Some(Named {
                label: text.value.as_str(),
                role: None,
                span: text.span,
            }),
            Target::Key(k) => product.and_then(|p| p.control(&k.value)).and_then(|c| {
                Some(Named {
                    label: c.label.get(&on.id)?.value.as_str(),
                    role: Some(c.role.value),
                    span: k.span,
                })
            }),
        };
        if let Some(n) = found.filter(|n| {
            crate::render::instruction::placeholder(n.label).is_none()
                && !n.label.contains('[')
                && n.label.chars().any(char::is_alphanumeric)
        }) {
            out.push(n);
        }
    }
    out
}

/// Whether a step is one the reader may skip or only sometimes does.
fn uncertain(s: &Step) -> bool {
    s.optional || s.condition.is_some()
}

/// What the step's own words say, besides its picture: a control named there is one the
/// picture may show.
fn own_words(s: &Step) -> String {
    [&s.text, &s.detail, &s.note, &s.result, &s.warning]
        .into_iter()
        .flatten()
        .map(|t| t.value.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

struct Walk<'r, 'o> {
    product: Option<&'r Product>,
    sources: &'r crate::source::SourceMap,
    said: HashSet<(Span, usize)>,
    out: &'o mut Vec<Diagnostic>,
}

impl<'r> Walk<'r, '_> {
    /// Checks one list of sibling steps numbered `number(i)`, then the lists under them.
    fn steps(&mut self, list: &[ResolvedStep<'r>], number: &dyn Fn(usize) -> String) {
        for (i, rs) in list.iter().enumerate() {
            self.step(list, i, number);
            let n = number(i);
            self.steps(&rs.substeps, &|j| steps::sub_number(&n, j));
            for (k, o) in rs.options.iter().enumerate() {
                self.steps(&o.steps, &|j| steps::option_number(&n, k, j));
            }
        }
    }

    fn step(&mut self, list: &[ResolvedStep<'r>], i: usize, number: &dyn Fn(usize) -> String) {
        let rs = &list[i];
        let s = rs.step;
        let captions = captions(s);
        if captions.is_empty() || uncertain(s) {
            return;
        }
        let own = named(s, rs.on, self.product);
        let words = own_words(s);
        let neighbours = [i.checked_sub(1), Some(i + 1)]
            .into_iter()
            .flatten()
            .filter_map(|j| list.get(j).map(|n| (j, n)))
            .filter(|(_, n)| !uncertain(n.step));
        for (j, n) in neighbours {
            for other in named(n.step, n.on, self.product) {
                let same = |l: &str| l.eq_ignore_ascii_case(other.label);
                if own.iter().any(|o| same(o.label))
                    || (j < i && other.role.is_some_and(is_place))
                    || !find_words(&words, other.label).is_empty()
                {
                    continue;
                }
                for caption in &captions {
                    self.caption(caption, &own, &other, (i, j), number);
                }
            }
        }
    }

    /// Reports `caption` of step `i` if it names `other`, the target of neighbour `j`, and
    /// not the step's own target.
    fn caption(
        &mut self,
        caption: &Spanned<String>,
        own: &[Named<'_>],
        other: &Named<'_>,
        (i, j): (usize, usize),
        number: &dyn Fn(usize) -> String,
    ) {
        let hits = find_words(&caption.value, other.label);
        let Some(&(start, end)) = hits.first() else {
            return;
        };
        // The step's own label counts only outside the neighbour's ("Sign out" is inside
        // "Sign out of all devices").
        let names_own = own.iter().any(|o| {
            find_words(&caption.value, o.label)
                .iter()
                .any(|&(a, b)| !hits.iter().any(|&(c, d)| c <= a && b <= d))
        });
        if names_own || !self.said.insert((caption.span, start)) {
            return;
        }
        let (span, _) = sub_span(self.sources, caption, start, end);
        let here = number(i);
        let there = number(j);
        let help = match own.first() {
            Some(o) => format!(
                "move the picture to step {there}, or describe what step {here}'s picture shows: its target is \u{201c}{}\u{201d}",
                o.label
            ),
            None => format!(
                "move the picture to step {there}, or describe what step {here}'s picture shows"
            ),
        };
        self.out.push(
            Diagnostic::new(
                CODE,
                span,
                format!(
                    "the picture of step {here} shows \u{201c}{}\u{201d}, the target of step {there}",
                    other.label
                ),
            )
            .help(help)
            .related(other.span, format!("the target of step {there}")),
        );
    }
}

/// The words a step's picture carries: its alt text and the words beside its callouts (the
/// caption under the picture). Numbered markers carry no words.
fn captions(s: &Step) -> Vec<&Spanned<String>> {
    let Some(image) = &s.image else {
        return Vec::new();
    };
    image
        .alt
        .iter()
        .chain(image.callouts.iter().filter_map(|c| c.label.as_ref()))
        .filter(|t| t.value.chars().any(char::is_alphabetic))
        .collect()
}

impl Rule for CaptionWrongStep {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, site: &Resolved<'_>, _cfg: &RuleConfig, out: &mut Vec<Diagnostic>) {
        for rg in &site.guides {
            // Most guides have no alt text at all.
            if !rg
                .guide
                .written_steps()
                .iter()
                .any(|s| !captions(s).is_empty())
            {
                continue;
            }
            let mut walk = Walk {
                product: rg.product,
                sources: &site.project.sources,
                said: HashSet::new(),
                out: &mut *out,
            };
            for ps in &rg.platforms {
                walk.steps(&ps.steps, &|i| (i + 1).to_string());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::rules::testing::findings;

    const PRODUCT: &str = "name: Demo\nglossary:\n  account: {role: tab, label: Account}\n  settings: {role: screen, label: Settings}\n  sign-out: {role: button, label: Sign out}\n  sign-out-all: {role: button, label: Sign out of all devices}\n  name: {role: field, label: \"[your name]\"}\n  ok: {role: button, label: OK}\n";

    fn run(steps: &str) -> Vec<(String, String)> {
        let guide = format!("title: How to sign out\nsummary: X.\nsteps:\n  web:\n{steps}");
        findings(
            super::CODE,
            &[("demo/product.yaml", PRODUCT), ("demo/g.yaml", &guide)],
        )
        .into_iter()
        .map(|d| (d.message, d.help.unwrap_or_default()))
        .collect()
    }

    #[test]
    fn a_caption_naming_the_next_steps_control_is_reported() {
        let f = run(
            "    - open: settings\n      image: {alt: The Sign out button at the bottom}\n    - click: sign-out\n",
        );
        assert_eq!(
            f,
            [(
                "the picture of step 1 shows \u{201c}Sign out\u{201d}, the target of step 2".to_owned(),
                "move the picture to step 2, or describe what step 1's picture shows: its target is \u{201c}Settings\u{201d}".to_owned()
            )]
        );
    }

    #[test]
    fn a_caption_naming_the_previous_steps_button_is_reported_but_not_its_screen() {
        let f = run(
            "    - click: sign-out\n    - open: settings\n      image: {alt: Sign out pressed}\n",
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(
            f[0].0
                .contains("step 2 shows \u{201c}Sign out\u{201d}, the target of step 1")
        );
        let f = run(
            "    - open: settings\n    - click: sign-out\n      image: {alt: The Settings screen scrolled to the bottom}\n",
        );
        assert_eq!(f, []);
    }

    #[test]
    fn a_label_inside_a_longer_label_is_not_the_steps_own() {
        let f = run(
            "    - click: sign-out\n      image: {alt: Sign out of all devices highlighted}\n    - click: sign-out-all\n",
        );
        assert_eq!(f.len(), 1, "{f:#?}");
    }

    #[test]
    fn words_beside_a_callout_are_a_caption() {
        let f = run(
            "    - click: account\n      image: {alt: The Account tab, callouts: [{box: [1, 1, 2, 2], label: Sign out}, {marker: [3, 3], label: \"2\"}]}\n    - click: sign-out\n",
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(
            f[0].0.contains("step 1 shows \u{201c}Sign out\u{201d}"),
            "{f:#?}"
        );
    }

    #[test]
    fn legitimate_captions_pass() {
        for steps in [
            // Names both: the picture shows what the tap opens.
            "    - click: account\n      image: {alt: The Account menu open with Sign out highlighted}\n    - click: sign-out\n",
            // A confirmation with the same label as the step before.
            "    - click: sign-out\n    - click: sign-out\n      image: {alt: The Sign out button of the dialog}\n",
            // Optional or conditional steps, on either side.
            "    - open: settings\n      image: {alt: The Sign out button}\n    - click: sign-out\n      optional: true\n",
            "    - open: settings\n      optional: true\n      image: {alt: The Sign out button}\n    - click: sign-out\n",
            "    - open: settings\n      image: {alt: The Sign out button}\n    - click: sign-out\n      if: you see **Sign out**\n",
            // The step's own words talk about the control.
            "    - open: settings\n      note: \"**Sign out** is at the bottom.\"\n      image: {alt: Settings with Sign out at the bottom}\n    - click: sign-out\n",
            "    - do: Scroll down until you see **Sign out**.\n      image: {alt: Sign out at the bottom of the page}\n    - click: sign-out\n",
            // Placeholder labels are never matched.
            "    - open: settings\n      image: {alt: The field for your name}\n    - type: \"Ann\"\n      in: name\n",
        ] {
            assert_eq!(run(steps), [], "{steps}");
        }
    }

    #[test]
    fn an_allow_on_the_step_suppresses_it() {
        let bad = "    - open: settings\n      image: {alt: The Sign out button at the bottom}\n      allow: {caption-wrong-step: The settings page opens scrolled to the button.}\n    - click: sign-out\n";
        assert_eq!(run(bad), []);
        let without = bad.replace(
            "      allow: {caption-wrong-step: The settings page opens scrolled to the button.}\n",
            "",
        );
        assert_eq!(run(&without).len(), 1);
    }
}
