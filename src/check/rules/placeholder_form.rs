//! `placeholder-form`: a typed value that is really a placeholder ("your work email
//! address", `<your name>`) but is not written as one (`[your work email address]`).

use super::rule::{Rule, RuleConfig};
use crate::diag::{Code, Diagnostic, RuleDoc, RuleMeta, Severity};
use crate::model::Action;
use crate::resolve::Resolved;

/// The `placeholder-form` rule.
pub(super) struct PlaceholderForm;

static META: RuleMeta = RuleMeta {
    id: "placeholder-form",
    default_severity: Severity::Warning,
    default_on: true,
    summary: "A value to type is a placeholder not written as one (`[your name]`).",
    doc: RuleDoc {
        explanation: "Reports the `value` of a `type` step that describes what the reader fills in (\"your work email address\", `<your name>`, `{username}`) instead of the text to type, when it is not written as a placeholder in square brackets. Written as text, the page tells the reader to type the words \"your work email address\" in quotes; written `[your work email address]`, it shows a placeholder, in italics, that the reader replaces with their own.",
        bad: "- type: email\n  value: your work email address",
        good: "- type: email\n  value: \"[your work email address]\"",
    },
    options: &[],
};

/// The code this rule reports under.
pub(super) const CODE: Code = Code::lint(&META);

/// The placeholder `value` stands for, if it looks like one not written in brackets.
fn unbracketed(value: &str) -> Option<String> {
    let v = value.trim();
    let wrapped = [('<', '>'), ('{', '}'), ('(', ')')]
        .iter()
        .find_map(|(a, b)| v.strip_prefix(*a)?.strip_suffix(*b));
    if let Some(inner) = wrapped {
        let inner = inner.trim().trim_matches(['{', '}']).trim();
        return (!inner.is_empty()).then(|| inner.to_owned());
    }
    let lower = v.to_lowercase();
    let possessive = ["your ", "the reader's ", "the user's ", "their "];
    possessive
        .iter()
        .any(|p| lower.starts_with(p))
        .then(|| v.to_owned())
}

impl Rule for PlaceholderForm {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, site: &Resolved<'_>, _cfg: &RuleConfig, out: &mut Vec<Diagnostic>) {
        for rg in &site.guides {
            for s in rg.written_steps() {
                if s.action.value != Action::Type {
                    continue;
                }
                let Some(v) = &s.value else { continue };
                if let Some(p) = unbracketed(&v.value) {
                    out.push(
                        Diagnostic::new(
                            CODE,
                            v.span,
                            format!(
                                "\"{}\" describes what the reader types, but is not written as a placeholder",
                                v.value.trim()
                            ),
                        )
                        .help(format!(
                            "write it in square brackets, `value: \"[{p}]\"`, so that the page shows a placeholder"
                        )),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::unbracketed;
    use crate::check::rules::testing::{PRODUCT, findings};

    #[test]
    fn placeholder_shapes() {
        assert_eq!(
            unbracketed("your full work email address").as_deref(),
            Some("your full work email address")
        );
        assert_eq!(unbracketed("<your name>").as_deref(), Some("your name"));
        assert_eq!(unbracketed("{{username}}").as_deref(), Some("username"));
        assert_eq!(unbracketed("Netflix"), None);
        assert_eq!(unbracketed("[your name]"), None);
        assert_eq!(unbracketed("yourname@example.com"), None);
    }

    #[test]
    fn only_values_of_type_steps_are_reported() {
        let guide = "title: How to x\nsummary: X.\nsteps:\n  web:\n    - type: \"the email field\"\n      value: your work email address\n    - type: \"the name field\"\n      value: \"[your name]\"\n    - type: \"the search field\"\n      value: Netflix\n";
        let f = findings(
            super::CODE,
            &[("demo/product.yaml", PRODUCT), ("demo/g.yaml", guide)],
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].span.start.line, 6);
    }
}
