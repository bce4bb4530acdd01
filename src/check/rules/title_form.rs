//! `title-form`: titles follow the site's convention (`style: how-to`, the default, or
//! `style: task`) and end without punctuation.

use super::rule::{Rule, RuleConfig};
use crate::diag::{Code, Diagnostic, OptionKind, OptionSpec, RuleDoc, RuleMeta, Severity};
use crate::resolve::Resolved;

/// The `title-form` rule.
pub(super) struct TitleForm;

static META: RuleMeta = RuleMeta {
    id: "title-form",
    default_severity: Severity::Warning,
    default_on: true,
    summary: "A title does not follow the site's title convention.",
    doc: RuleDoc {
        explanation: "Reports a guide title that does not follow the site's convention: with `style: how-to` (the default) titles start with \"How to \"; with `style: task` they are a task phrase that starts with a capitalised verb and not with \"How to\". In both styles a title ends without punctuation. Consistent titles make lists and search results scannable. Configure it with `rules: {title-form: {style: task}}`.",
        bad: "title: Signing out of Netflix on all devices?",
        good: "title: How to sign out of Netflix on all devices",
    },
    options: &[STYLE],
};

const STYLE: OptionSpec = OptionSpec {
    name: "style",
    kind: OptionKind::Choice {
        choices: &["how-to", "task"],
        default: "how-to",
    },
    doc: "`how-to`: titles start with \"How to \"; `task`: titles are a task phrase that starts with a capitalised verb.",
};

/// The code this rule reports under.
pub(super) const CODE: Code = Code::lint(&META);

impl Rule for TitleForm {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, site: &Resolved<'_>, cfg: &RuleConfig, out: &mut Vec<Diagnostic>) {
        let style = cfg.choice(&STYLE);
        for rg in &site.guides {
            let t = &rg.guide.title;
            let title = t.value.trim();
            let how_to = title.starts_with("How to ");
            let problem = if title.ends_with(['.', '!', '?', ':', ';', ',']) {
                Some((
                    "ends with punctuation".to_owned(),
                    "remove the final punctuation mark".to_owned(),
                ))
            } else if style == "task" && (how_to || title.to_lowercase().starts_with("how to")) {
                Some((
                    "starts with \"How to\", but this site titles guides as tasks".into(),
                    "write the task itself, e.g. \"Sign out of all devices\"".into(),
                ))
            } else if style == "task" && !title.chars().next().is_some_and(char::is_uppercase) {
                Some((
                    "does not start with a capitalised verb".into(),
                    "start with the task's verb, e.g. \"Sign out of all devices\"".into(),
                ))
            } else if style != "task" && !how_to {
                Some((
                    "does not start with \"How to \"".into(),
                    "write it as \"How to <do the task>\"".into(),
                ))
            } else {
                None
            };
            if let Some((what, help)) = problem {
                out.push(Diagnostic::new(CODE, t.span, format!("the title {what}")).help(help));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::rules::testing::{PRODUCT, findings};

    fn guide(title: &str) -> String {
        format!("title: \"{title}\"\nsummary: X.\nsteps:\n  web:\n    - open: settings\n")
    }

    #[test]
    fn how_to_style() {
        for (title, bad) in [
            ("How to sign out", false),
            ("Signing out", true),
            ("How to sign out.", true),
        ] {
            let f = findings(
                super::CODE,
                &[
                    ("demo/product.yaml", PRODUCT),
                    ("demo/g.yaml", &guide(title)),
                ],
            );
            assert_eq!(f.len(), usize::from(bad), "{title}");
        }
    }

    #[test]
    fn task_style() {
        let site = "rules:\n  title-form: {style: task}\n";
        for (title, bad) in [
            ("Sign out of all devices", false),
            ("How to sign out", true),
            ("sign out", true),
        ] {
            let f = findings(
                super::CODE,
                &[
                    ("site.yaml", site),
                    ("demo/product.yaml", PRODUCT),
                    ("demo/g.yaml", &guide(title)),
                ],
            );
            assert_eq!(f.len(), usize::from(bad), "{title}");
        }
    }
}
