//! `label-drift`: one control whose labels differ between platforms only in case, word
//! order, punctuation or `and`/`&` ("Privacy and Security" vs "Security and Privacy").
//! Such pairs are almost always a copy that drifted; real differences are acknowledged
//! with `labels_differ: <reason>` on the control.

use super::rule::{Rule, RuleConfig};
use crate::diag::{Code, Diagnostic, RuleDoc, RuleMeta, Severity};
use crate::model::{Control, PerPlatform};
use crate::resolve::Resolved;
use crate::source::Spanned;

/// The `label-drift` rule.
pub(super) struct LabelDrift;

static META: RuleMeta = RuleMeta {
    id: "label-drift",
    default_severity: Severity::Warning,
    default_on: true,
    summary: "A control's labels differ between platforms only in case, word order, punctuation or `and`/`&`.",
    doc: RuleDoc {
        explanation: "Reports a glossary control whose labels differ between platforms only in letter case, word order, punctuation or `and` versus `&`, such as \"Privacy and Security\" on the web and \"Security and Privacy\" in the apps. Such differences are almost always a copy that drifted, and readers who switch devices stop trusting the guide. If the apps really use different words, acknowledge it with `labels_differ: <reason>` on the control.",
        bad: "privacy:\n  role: section\n  label:\n    web: Privacy and Security\n    android, ios: Security and Privacy",
        good: "privacy:\n  role: section\n  label:\n    web: Privacy and Security\n    android, ios: Security and Privacy\n  labels_differ: The apps were renamed in 2024; the website was not.",
    },
    options: &[],
};

/// The code this rule reports under.
pub(super) const CODE: Code = Code::lint(&META);

impl Rule for LabelDrift {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, site: &Resolved<'_>, _cfg: &RuleConfig, out: &mut Vec<Diagnostic>) {
        for product in &site.project.products {
            for control in &product.glossary {
                check_control(control, out);
            }
        }
    }
}

/// Distinct labels of a control, each with the platforms that use it.
fn groups(control: &Control) -> Vec<(&Spanned<String>, Vec<&str>)> {
    let PerPlatform::Each(list) = &control.label else {
        return Vec::new();
    };
    let mut out: Vec<(&Spanned<String>, Vec<&str>)> = Vec::new();
    for (platform, label) in list {
        match out.iter_mut().find(|(l, _)| l.value == label.value) {
            Some((_, ps)) => ps.push(&platform.value),
            None => out.push((label, vec![&platform.value])),
        }
    }
    out
}

fn check_control(control: &Control, out: &mut Vec<Diagnostic>) {
    if control.labels_differ.is_some() {
        return;
    }
    let groups = groups(control);
    for (i, (b, b_platforms)) in groups.iter().enumerate() {
        // A label recorded as the other's former label is a rename, which
        // `partial-rename` reports.
        let renamed = |a: &str, b: &str| {
            !super::partial_rename::renamed_from(control, a).is_empty()
                || !super::partial_rename::renamed_from(control, b).is_empty()
        };
        let Some((a, a_platforms)) = groups[..i].iter().find(|(a, _)| {
            difference(&a.value, &b.value).is_some() && !renamed(&a.value, &b.value)
        }) else {
            continue;
        };
        let Some(how) = difference(&a.value, &b.value) else {
            continue;
        };
        out.push(
            Diagnostic::new(
                CODE,
                b.span,
                format!(
                    "`{}` is labelled \"{}\" on {} but \"{}\" on {}: the labels differ only in {how}",
                    control.key.value,
                    a.value,
                    a_platforms.join(", "),
                    b.value,
                    b_platforms.join(", "),
                ),
            )
            .help(format!(
                "use one label if the apps agree; if they really differ, say so with `labels_differ: <reason>` on `{}`",
                control.key.value
            ))
            .related(a.span, format!("label on {}", a_platforms.join(", "))),
        );
    }
}

/// How two different labels differ, if only superficially.
fn difference(a: &str, b: &str) -> Option<&'static str> {
    if a == b {
        return None;
    }
    if a.to_lowercase() == b.to_lowercase() {
        return Some("case");
    }
    let words = |s: &str, amp: bool| -> Vec<String> {
        let s = if amp {
            s.replace('&', " and ")
        } else {
            s.to_owned()
        };
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    if words(a, false) == words(b, false) {
        return Some("punctuation");
    }
    let (wa, wb) = (words(a, true), words(b, true));
    if wa == wb {
        return Some("`and` versus `&`");
    }
    let (mut sa, mut sb) = (wa, wb);
    sa.sort();
    sb.sort();
    (sa == sb).then_some("word order")
}

#[cfg(test)]
mod tests {
    use super::difference;

    #[test]
    fn superficial_differences() {
        assert_eq!(
            difference("Privacy and Security", "Security and Privacy"),
            Some("word order")
        );
        assert_eq!(difference("Sign Out", "Sign out"), Some("case"));
        assert_eq!(difference("Sign-out", "Sign out"), Some("punctuation"));
        assert_eq!(
            difference("Privacy & Security", "Privacy and Security"),
            Some("`and` versus `&`")
        );
        assert_eq!(
            difference("Security & Privacy", "Privacy and Security"),
            Some("word order")
        );
    }

    #[test]
    fn real_differences_are_not_drift() {
        assert_eq!(difference("Sign out", "Log out"), None);
        assert_eq!(difference("Account", "Account"), None);
        assert_eq!(difference("Settings", "Settings and Privacy"), None);
    }
}
