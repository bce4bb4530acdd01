//! `missing-translation-label`: a guide in one of the site's other languages uses a control
//! whose glossary entry has no label in that language.

use std::collections::HashSet;

use super::rule::{Rule, RuleConfig};
use crate::diag::{Code, Diagnostic, RuleDoc, RuleMeta, Severity};
use crate::model::Target;
use crate::resolve::{Resolved, ResolvedStep};

/// The `missing-translation-label` rule.
pub(super) struct MissingTranslationLabel;

static META: RuleMeta = RuleMeta {
    id: "missing-translation-label",
    default_severity: Severity::Error,
    default_on: true,
    summary: "A translated guide uses a control that has no label in the guide's language.",
    doc: RuleDoc {
        explanation: "Reports a step of a translated guide (`<slug>.fr.yaml`) whose target or confirmation is a glossary control without a label in the translation's language (`translations: {fr: {label: ...}}` in product.yaml) for the step's platform. The product's interface is localized too: a French reader must see the French button name, and without it the page would show the English one inside a French sentence. Add the label the localized app shows to the control's `translations`.",
        bad: "account:\n  role: menu-item\n  label: Account   # no French label, used by sign-out-all-devices.fr.yaml",
        good: "account:\n  role: menu-item\n  label: Account\n  translations:\n    fr: {label: Compte}",
    },
    options: &[],
};

/// The code this rule reports under.
pub(super) const CODE: Code = Code::lint(&META);

impl Rule for MissingTranslationLabel {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, site: &Resolved<'_>, _cfg: &RuleConfig, out: &mut Vec<Diagnostic>) {
        let project = site.project;
        let language = project.site.language.as_str();
        if project.site.languages.first().is_none_or(|l| l == language) {
            return;
        }
        for rg in &site.guides {
            let Some(product) = rg.product else { continue };
            let mut seen: HashSet<(&str, &str)> = HashSet::new();
            let mut steps: Vec<&ResolvedStep<'_>> =
                rg.platforms.iter().flat_map(|p| p.steps.iter()).collect();
            while let Some(rs) = steps.pop() {
                steps.extend(rs.nested());
                let platform = rs.on.id.as_str();
                for t in rs.step.target.iter().chain(rs.step.confirm.iter()) {
                    let Target::Key(key) = t else { continue };
                    let Some(c) = product.control(&key.value) else {
                        continue;
                    };
                    let has = c
                        .translation(language)
                        .and_then(|t| t.label.as_ref())
                        .is_some_and(|l| l.get(platform).is_some());
                    if has || !seen.insert((c.key.value.as_str(), platform)) {
                        continue;
                    }
                    let file = &project.sources.get(c.key.span.file).path;
                    let by = rg.guide.translation.map_or_else(
                        || format!("this `{language}` guide"),
                        |t| format!("`{}`", project.sources.get(t).path.display()),
                    );
                    out.push(
                        Diagnostic::new(
                            CODE,
                            key.span,
                            format!(
                                "{by} uses the control `{}` on {platform}, which has no `{language}` label ({}:{})",
                                c.key.value,
                                file.display(),
                                c.key.span.start.line
                            ),
                        )
                        .help(format!(
                            "add `translations: {{{language}: {{label: ...}}}}` to `{}` with the label the {language} interface shows",
                            c.key.value
                        ))
                        .related(c.key.span, "the control is defined here"),
                    );
                }
            }
        }
        out.sort_by_key(|d| (d.span.file, d.span.start));
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::findings;
    use super::*;

    const SITE: &str = "languages: [en, fr]\nplatforms:\n  web:\n";

    #[test]
    fn a_french_guide_needs_french_labels() {
        let product = "name: Demo\nglossary:\n  settings: {role: screen, label: Settings, translations: {fr: {label: Réglages}}}\n  sign-out: {role: button, label: Sign out}\n";
        let guide = "title: How to sign out\nsummary: Sign out.\nsteps:\n  web:\n    - open: settings\n    - click: sign-out\n";
        let fr = "title: Se déconnecter\nsummary: Déconnectez-vous.\n";
        let found = findings(
            CODE,
            &[
                ("site.yaml", SITE),
                ("demo/product.yaml", product),
                ("demo/sign-out.yaml", guide),
                ("demo/sign-out.fr.yaml", fr),
            ],
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0]
                .message
                .contains("`demo/sign-out.fr.yaml` uses the control `sign-out` on web, which has no `fr` label"),
            "{}",
            found[0].message
        );
        assert!(
            found[0].message.contains("demo/product.yaml:4"),
            "{}",
            found[0].message
        );
        // Without the translation, the English guide needs no French label.
        let found = findings(
            CODE,
            &[
                ("site.yaml", SITE),
                ("demo/product.yaml", product),
                ("demo/sign-out.yaml", guide),
            ],
        );
        assert!(found.is_empty(), "{found:?}");
    }
}
