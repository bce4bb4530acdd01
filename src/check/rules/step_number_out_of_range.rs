//! `step-number-out-of-range`: a step number written by hand ("repeat steps 3-9", "go back
//! to step 12") that points past the platform's last step.

use std::collections::HashSet;

use super::rule::{Rule, RuleConfig};
use crate::check::step_ids::step_texts;
use crate::check::text::sub_span;
use crate::diag::{Code, Diagnostic, RuleDoc, RuleMeta, Severity};
use crate::model::{Step, Target};
use crate::resolve::Resolved;
use crate::source::{Span, Spanned};

/// The `step-number-out-of-range` rule.
pub(super) struct StepNumberOutOfRange;

static META: RuleMeta = RuleMeta {
    id: "step-number-out-of-range",
    default_severity: Severity::Warning,
    default_on: true,
    summary: "Text names a step number past the last step of the procedure.",
    doc: RuleDoc {
        explanation: "Reports a step number written in text (\"step 12\", \"steps 3-9\", \"steps 2 to 4\") that is larger than the number of top-level steps of a platform reading it. In step text the platform's own count applies; in guide-level text (intro, tips, outcome), the longest procedure's. Numbers written by hand go stale when steps are added or removed: give the step an `id` and write `{step:id}`, which always shows the current number and links to the step.",
        bad: "steps:\n  web:\n    - open: settings\n    - select: sign-out\n      note: If nothing happens, repeat steps 1-3.",
        good: "steps:\n  web:\n    - open: settings\n      id: open-settings\n    - select: sign-out\n      note: If nothing happens, go back to {step:open-settings}.",
    },
    options: &[],
};

/// The code this rule reports under.
pub(super) const CODE: Code = Code::lint(&META);

/// Hand-written step numbers in `text`: the byte range of each mention ("steps 3-9") and
/// the largest number it names.
pub(crate) fn mentions(text: &str) -> Vec<(usize, usize, u32)> {
    let lower = text.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = lower[from..].find("step") {
        let start = from + i;
        from = start + 4;
        let before = lower[..start].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '-' || c == ':' || c == '{') {
            continue;
        }
        let mut at = start + 4;
        if bytes.get(at) == Some(&b's') {
            at += 1;
        }
        let mut max = 0;
        let mut end = at;
        let mut any = false;
        loop {
            let rest = &lower[at..];
            let skipped = rest.len() - rest.trim_start().len();
            let p = at + skipped;
            let digits = lower[p..].bytes().take_while(u8::is_ascii_digit).count();
            if digits == 0 || (skipped == 0 && !any) {
                break;
            }
            let n: u32 = lower[p..p + digits].parse().unwrap_or(0);
            max = max.max(n);
            any = true;
            end = p + digits;
            // Skip a sub-step's part (`3.2`): the top-level number is what can run out.
            let mut q = end;
            while bytes.get(q) == Some(&b'.') && bytes.get(q + 1).is_some_and(u8::is_ascii_digit) {
                q += 1;
                q += lower[q..].bytes().take_while(u8::is_ascii_digit).count();
            }
            end = q;
            let rest = &lower[end..];
            let sep = [
                "-",
                "\u{2013}",
                " - ",
                " \u{2013} ",
                " to ",
                " through ",
                " and ",
                ", ",
                " or ",
            ]
            .iter()
            .find(|s| rest.starts_with(**s));
            match sep {
                Some(s) => at = end + s.len() - usize::from(s.ends_with(' ')),
                None => break,
            }
        }
        if any {
            out.push((start, end, max));
            from = end;
        }
    }
    out
}

impl Rule for StepNumberOutOfRange {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, site: &Resolved<'_>, _cfg: &RuleConfig, out: &mut Vec<Diagnostic>) {
        let sources = &site.project.sources;
        for rg in &site.guides {
            let mut said: HashSet<(Span, usize)> = HashSet::new();
            let mut report = |t: &Spanned<String>, count: usize, whose: &str| {
                for (s, e, n) in mentions(&t.value) {
                    if n as usize <= count || !said.insert((t.span, s)) {
                        continue;
                    }
                    let (span, _) = sub_span(sources, t, s, e);
                    out.push(
                        Diagnostic::new(
                            CODE,
                            span,
                            format!(
                                "\"{}\" points past the last step: {whose} {count} steps",
                                &t.value[s..e]
                            ),
                        )
                        .help("give the step meant an `id` and write `{step:id}`, which shows its current number and links to it"),
                    );
                }
            };
            for ps in &rg.platforms {
                let count = ps.steps.len();
                let whose = format!("{} has", ps.platform.name);
                for rs in &ps.steps {
                    for t in std::iter::once(rs)
                        .chain(rs.nested())
                        .flat_map(|r| all_step_texts(r.step))
                    {
                        report(t, count, &whose);
                    }
                }
            }
            let longest = rg
                .platforms
                .iter()
                .map(|p| p.steps.len())
                .max()
                .unwrap_or(0);
            if longest > 0 {
                for t in rg.texts().iter().filter(|t| t.step.is_none()) {
                    report(t.text, longest, "the longest procedure has");
                }
            }
        }
    }
}

/// Every free text of a step: the fields that may hold references, its image's alt text
/// and its free-text targets.
fn all_step_texts(s: &Step) -> Vec<&Spanned<String>> {
    let mut out = step_texts(s);
    out.extend(s.image.as_ref().and_then(|i| i.alt.as_ref()));
    for t in [s.target.as_ref(), s.confirm.as_ref()]
        .into_iter()
        .flatten()
    {
        if let Target::Text(text) = t {
            out.push(text);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::mentions;
    use crate::check::rules::testing::{PRODUCT, findings};

    #[test]
    fn mentions_take_the_largest_number() {
        let n = |t: &str| mentions(t).iter().map(|m| m.2).collect::<Vec<_>>();
        assert_eq!(n("Repeat steps 3-9."), [9]);
        assert_eq!(n("Go back to step 2, then steps 4 to 6"), [2, 6]);
        assert_eq!(n("See step 3.2 and Step 12."), [3, 12]);
        assert_eq!(n("Follow these steps carefully"), Vec::<u32>::new());
        assert_eq!(n("{step:confirm} and footstep 9"), Vec::<u32>::new());
    }

    #[test]
    fn warns_past_the_count_only() {
        let guide = "title: How to x\nsummary: X.\ntips: [Repeat steps 1-9 if needed.]\nsteps:\n  web:\n    - open: settings\n    - select: sign-out\n      note: If it fails, go back to step 1 or step 3.\n      image: {src: a.png, alt: Step 4 of the form}\n";
        let f = findings(
            super::CODE,
            &[("demo/product.yaml", PRODUCT), ("demo/g.yaml", guide)],
        );
        let msgs: Vec<&str> = f.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            msgs,
            [
                "\"steps 1-9\" points past the last step: the longest procedure has 2 steps",
                "\"step 3\" points past the last step: Web has 2 steps",
                "\"Step 4\" points past the last step: Web has 2 steps",
            ],
            "{f:#?}"
        );
    }
}
