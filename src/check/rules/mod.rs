//! Lint rules: consistency checks that run on the resolved model.
//!
//! Each rule is a unit struct in its own module that declares everything about itself in a
//! [`RuleMeta`] (id, default severity, whether it runs by default, summary, typed options
//! with their defaults, documentation for `stepwise explain`) beside its check and tests,
//! and is listed in [`RULES`]. A rule reads the resolved guides, the glossary and its own
//! decoded [`RuleConfig`], and appends diagnostics; severity configuration and `allow`
//! suppressions are applied afterwards by [`super::apply_settings`].

mod alt_text;
mod broken_link;
mod caption_wrong_step;
mod colour_only;
mod config;
mod conflicting_facts;
mod former_label;
mod free_target_is_key;
mod image_reused;
mod interaction_verb;
mod label_drift;
mod menu_path;
mod missing_translation_label;
mod near_duplicate_platforms;
mod one_action_per_step;
mod partial_rename;
mod placeholder_form;
mod platform_parity;
mod quoted_label_mismatch;
mod registry;
mod rule;
mod stale_review;
mod stale_translation;
mod step_count;
mod step_number_out_of_range;
mod terminology;
mod tip_is_instruction;
mod title_form;
mod unedited_scaffold;
mod unknown_callout;
mod untranslated_field;
mod unused_glossary_entry;

pub use config::Config;
pub use registry::{RULES, code, codes, lint_ids, rule};
pub(crate) use rule::ACTION_VERBS;
pub use rule::{Rule, RuleConfig};

#[cfg(test)]
pub(crate) mod testing {
    //! Runs one rule over an in-memory guides tree.

    use crate::diag::{Code, Diagnostic};
    use crate::load::load_in_memory;

    /// Findings of `code` for a site with `files` (paths relative to the guides root).
    pub(crate) fn findings(code: Code, files: &[(&str, &str)]) -> Vec<Diagnostic> {
        let bytes: Vec<(&str, &[u8])> = files.iter().map(|(p, t)| (*p, t.as_bytes())).collect();
        let (project, diags) = load_in_memory(&bytes).expect("in-memory load");
        let report = crate::check::check_project(project, diags);
        report
            .diagnostics
            .into_iter()
            .filter(|d| d.code == code && d.suppressed.is_none())
            .collect()
    }

    /// A product with a small glossary on web, android and ios.
    pub(crate) const PRODUCT: &str = "name: Demo\nglossary:\n  settings: {role: screen, label: Settings}\n  privacy: {role: section, label: Privacy, screen: settings}\n  sign-out: {role: button, label: Sign out}\n  menu: {role: icon, label: Menu, on: [android, ios]}\n";
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Code;

    #[test]
    fn every_rule_has_one_code_with_docs() {
        let mut seen = std::collections::HashSet::new();
        for r in RULES {
            let meta = r.meta();
            assert!(seen.insert(meta.id), "two rules with id {}", meta.id);
            assert!(Code::format_from_id(meta.id).is_none(), "{}", meta.id);
            assert!(
                meta.id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{} is not kebab-case",
                meta.id
            );
            assert!(meta.summary.ends_with('.'), "{}", meta.id);
            assert!(
                meta.doc.explanation.len() > 80,
                "{}: explanation too short",
                meta.id
            );
            assert!(
                !meta.doc.bad.is_empty() && !meta.doc.good.is_empty(),
                "{}",
                meta.id
            );
            assert!(r.code().is_lint());
            let found = rule(r.code()).map(|f| f.meta().id);
            assert_eq!(found, Some(meta.id));
            for o in meta.options {
                assert!(o.doc.ends_with('.'), "{}.{}", meta.id, o.name);
                assert_ne!(o.name, "level", "{}", meta.id);
            }
        }
        let lints: Vec<Code> = codes().iter().copied().filter(|c| c.is_lint()).collect();
        assert_eq!(lints.len(), RULES.len());
        for c in lints {
            assert_eq!(rule(c).map(|r| r.code()), Some(c));
        }
        assert_eq!(codes().len(), Code::FORMAT.len() + RULES.len());
        assert_eq!(codes().last(), Some(&Code::UnknownRule));
    }
}
