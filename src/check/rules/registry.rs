//! The registry: every rule, in the order they run, and the catalogue of codes (format
//! errors and rules) that emitters and `stepwise explain` list.

use std::sync::LazyLock;

use super::rule::Rule;
use super::{
    alt_text, broken_link, caption_wrong_step, colour_only, conflicting_facts, former_label,
    free_target_is_key, image_reused, interaction_verb, label_drift, menu_path,
    missing_translation_label, near_duplicate_platforms, one_action_per_step, partial_rename,
    placeholder_form, platform_parity, quoted_label_mismatch, stale_review, stale_translation,
    step_count, step_number_out_of_range, terminology, tip_is_instruction, title_form,
    unedited_scaffold, unknown_callout, untranslated_field, unused_glossary_entry,
};
use crate::diag::Code;

/// Every rule, in the order they run.
pub static RULES: &[&dyn Rule] = &[
    &label_drift::LabelDrift,
    &partial_rename::PartialRename,
    &quoted_label_mismatch::QuotedLabelMismatch,
    &former_label::FormerLabel,
    &free_target_is_key::FreeTargetIsKey,
    &interaction_verb::InteractionVerb,
    &one_action_per_step::OneActionPerStep,
    &step_count::StepCount,
    &step_number_out_of_range::StepNumberOutOfRange,
    &platform_parity::PlatformParity,
    &near_duplicate_platforms::NearDuplicatePlatforms,
    &tip_is_instruction::TipIsInstruction,
    &title_form::TitleForm,
    &unused_glossary_entry::UnusedGlossaryEntry,
    &stale_review::StaleReview,
    &terminology::Terminology,
    &menu_path::MenuPath,
    &placeholder_form::PlaceholderForm,
    &alt_text::AltText,
    &image_reused::ImageReused,
    &conflicting_facts::ConflictingFacts,
    &colour_only::ColourOnly,
    &unknown_callout::UnknownCallout,
    &unedited_scaffold::UneditedScaffold,
    &caption_wrong_step::CaptionWrongStep,
    &broken_link::BrokenLink,
    &missing_translation_label::MissingTranslationLabel,
    &stale_translation::StaleTranslation,
    &untranslated_field::UntranslatedField,
];

/// The rule reporting `code`, if it is a lint.
pub fn rule(code: Code) -> Option<&'static dyn Rule> {
    let meta = code.meta()?;
    RULES.iter().copied().find(|r| r.meta().id == meta.id)
}

/// The ids of every rule.
pub fn lint_ids() -> impl Iterator<Item = &'static str> + Clone {
    RULES.iter().map(|r| r.meta().id)
}

/// Every code, format errors and lints, in catalogue order: the format codes, the rules,
/// then `unknown-rule`, which is about the rules' ids.
pub fn codes() -> &'static [Code] {
    static ALL: LazyLock<Vec<Code>> = LazyLock::new(|| {
        let format = Code::FORMAT.iter().copied();
        let rules = RULES.iter().map(|r| r.code());
        format
            .clone()
            .filter(|c| *c != Code::UnknownRule)
            .chain(rules)
            .chain(format.filter(|c| *c == Code::UnknownRule))
            .collect()
    });
    &ALL
}

/// The code with this id, a format error or a rule.
pub fn code(id: &str) -> Option<Code> {
    codes().iter().copied().find(|c| c.id() == id)
}
