//! `one-action-per-step`: a step whose text chains actions ("Tap X and then select Y").
//! A structured `confirm` is part of its action and never counts as a second one.

use super::rule::{ACTION_VERBS, Rule, RuleConfig};
use crate::check::text::{Field, sub_span};
use crate::diag::{Code, Diagnostic, RuleDoc, RuleMeta, Severity};
use crate::resolve::Resolved;

/// The `one-action-per-step` rule.
pub(super) struct OneActionPerStep;

/// A word without the punctuation around it.
fn bare(w: &str) -> &str {
    w.trim_matches(|c: char| !c.is_alphanumeric())
}

/// Where a second action starts in `text`: after "then", or after "and"/"," when the text
/// itself starts with an action verb. Returns the byte offset of the connecting word.
fn chained(text: &str) -> Option<usize> {
    // Every instruction and detail of a site passes here: words are slices, compared
    // without lowercased copies, each looked up once.
    let is = |b: &str, word: &str| {
        b.eq_ignore_ascii_case(word) || (!b.is_ascii() && b.to_lowercase() == word)
    };
    let words: Vec<(usize, &str, bool)> = text
        .split_inclusive(|c: char| c.is_whitespace())
        .scan(0usize, |pos, w| {
            let start = *pos;
            *pos += w.len();
            Some((start, w.trim()))
        })
        .filter(|(_, w)| !w.is_empty())
        .map(|(pos, w)| {
            let b = bare(w);
            let verb = if b.is_ascii() {
                ACTION_VERBS.iter().any(|v| b.eq_ignore_ascii_case(v))
            } else {
                ACTION_VERBS.contains(&b.to_lowercase().as_str())
            };
            (pos, w, verb)
        })
        .collect();
    let starts_with_verb = words.first().is_some_and(|&(_, _, verb)| verb);
    for (i, &(pos, w, _)) in words.iter().enumerate() {
        if i == 0 || !words.get(i + 1).is_some_and(|&(_, _, verb)| verb) {
            continue;
        }
        let b = bare(w);
        if is(b, "then") || (starts_with_verb && (is(b, "and") || w.ends_with(','))) {
            return Some(pos);
        }
    }
    None
}

static META: RuleMeta = RuleMeta {
    id: "one-action-per-step",
    default_severity: Severity::Warning,
    default_on: true,
    summary: "A step's text chains several actions.",
    doc: RuleDoc {
        explanation: "Reports a step whose instruction or detail chains several actions (\"Tap Account and then select Sign out\", \"Open Settings, choose Privacy\"). One action per step keeps numbering, checklists and screenshots aligned, and lets each action name its control through the glossary. Confirming the action in its own dialog is part of the action: write it as the step's `confirm`, which this rule never reports.",
        bad: "- do: Go to the Privacy and Security section and choose Sign out of all devices.",
        good: "- scroll-to: privacy-security\n- select: sign-out-all",
    },
    options: &[],
};

/// The code this rule reports under.
pub(super) const CODE: Code = Code::lint(&META);

impl Rule for OneActionPerStep {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, site: &Resolved<'_>, _cfg: &RuleConfig, out: &mut Vec<Diagnostic>) {
        for rg in &site.guides {
            for t in rg.texts() {
                if !matches!(t.field, Field::Instruction | Field::Detail) {
                    continue;
                }
                let Some(at) = chained(&t.text.value) else {
                    continue;
                };
                let word_end = at
                    + t.text.value[at..]
                        .find(char::is_whitespace)
                        .unwrap_or(t.text.value.len() - at);
                let (span, _) = sub_span(&site.project.sources, t.text, at, word_end);
                out.push(
                    Diagnostic::new(CODE, span, "this step chains several actions")
                        .help("split it into one step per action; a confirmation dialog belongs in the step's `confirm`"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::chained;

    #[test]
    fn chains_are_found() {
        assert!(chained("Tap Account and then select Sign out").is_some());
        assert!(chained("Open Settings, choose Privacy").is_some());
        assert!(chained("Go to the section and choose Sign out").is_some());
        assert!(chained("Wait a moment, then tap Continue").is_some());
    }

    #[test]
    fn single_actions_pass() {
        assert!(chained("Check which devices are listed.").is_none());
        assert!(chained("Choose a plan and a payment method.").is_none());
        assert!(chained("Sign in with your email and password.").is_none());
    }
}
