//! Lint rules: consistency checks that run on the resolved model.
//!
//! Each rule is a unit struct in its own module, with its documentation (`stepwise
//! explain`) and tests beside it, listed in [`RULES`]. A rule reads the resolved guides and
//! the glossary and appends diagnostics; severity configuration and `allow` suppressions
//! are applied afterwards by [`super::apply_settings`].

mod alt_text;
mod free_target_is_key;
mod image_reused;
mod interaction_verb;
mod label_drift;
mod menu_path;
mod near_duplicate_platforms;
mod one_action_per_step;
mod platform_parity;
mod quoted_label_mismatch;
mod stale_review;
mod step_count;
mod terminology;
mod tip_is_instruction;
mod title_form;
mod unused_glossary_entry;

use crate::diag::{Code, Diagnostic};
use crate::resolve::Resolved;

/// A rule's user documentation.
#[derive(Debug)]
pub struct RuleDoc {
    /// One paragraph: what the rule finds and why it matters.
    pub explanation: &'static str,
    /// A YAML excerpt the rule reports.
    pub bad: &'static str,
    /// The same excerpt, fixed.
    pub good: &'static str,
}

/// A consistency rule.
pub trait Rule: Sync {
    /// The code the rule reports under.
    fn code(&self) -> Code;
    /// Its documentation.
    fn doc(&self) -> &'static RuleDoc;
    /// Appends the rule's findings about the resolved site.
    fn check(&self, site: &Resolved<'_>, out: &mut Vec<Diagnostic>);
}

/// Every rule, in the order they run.
pub static RULES: &[&dyn Rule] = &[
    &label_drift::LabelDrift,
    &quoted_label_mismatch::QuotedLabelMismatch,
    &free_target_is_key::FreeTargetIsKey,
    &interaction_verb::InteractionVerb,
    &one_action_per_step::OneActionPerStep,
    &step_count::StepCount,
    &platform_parity::PlatformParity,
    &near_duplicate_platforms::NearDuplicatePlatforms,
    &tip_is_instruction::TipIsInstruction,
    &title_form::TitleForm,
    &unused_glossary_entry::UnusedGlossaryEntry,
    &stale_review::StaleReview,
    &terminology::Terminology,
    &menu_path::MenuPath,
    &alt_text::AltText,
    &image_reused::ImageReused,
];

/// The rule reporting `code`, if it is a lint.
pub fn rule(code: Code) -> Option<&'static dyn Rule> {
    RULES.iter().copied().find(|r| r.code() == code)
}

/// Verbs that start an instruction aimed at the UI.
pub(crate) const ACTION_VERBS: &[&str] = &[
    "click", "tap", "press", "select", "choose", "open", "go", "scroll", "type", "enter", "toggle",
    "turn", "swipe", "hover", "sign", "log", "navigate", "find", "pick", "switch", "check",
    "uncheck", "confirm",
];

#[cfg(test)]
pub(crate) mod testing {
    //! Runs one rule over an in-memory guides tree.

    use crate::diag::{Code, Diagnostic};
    use crate::load::load_in_memory;

    /// Findings of `code` for a site with `files` (paths relative to the guides root).
    pub fn findings(code: Code, files: &[(&str, &str)]) -> Vec<Diagnostic> {
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
    pub const PRODUCT: &str = "name: Demo\nglossary:\n  settings: {role: screen, label: Settings}\n  privacy: {role: section, label: Privacy, screen: settings}\n  sign-out: {role: button, label: Sign out}\n  menu: {role: icon, label: Menu, on: [android, ios]}\n";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_lint_code_has_one_rule_with_docs() {
        for code in Code::ALL.iter().filter(|c| c.is_lint()) {
            let r = rule(*code).unwrap_or_else(|| panic!("no rule for {code}"));
            let doc = r.doc();
            assert!(doc.explanation.len() > 80, "{code}: explanation too short");
            assert!(!doc.bad.is_empty() && !doc.good.is_empty(), "{code}");
        }
        assert_eq!(
            RULES.len(),
            Code::ALL.iter().filter(|c| c.is_lint()).count()
        );
    }
}
