//! The catalogue of diagnostic codes: a stable id, a default severity and a one-line summary
//! for every problem Stepwise can report. Emitters (SARIF's rule table, `--format json`) and
//! documentation read this table, so it is the one place where a code is described.

use super::Severity;

macro_rules! codes {
    ($( $(#[$doc:meta])* $variant:ident = ($id:literal, $sev:ident, $summary:literal), )*) => {
        /// A stable diagnostic code.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $( $(#[$doc])* $variant, )*
        }

        impl Code {
            /// Every code, in catalogue order.
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            /// The stable id users see and configure (`unknown-field`).
            pub fn id(self) -> &'static str {
                match self { $(Code::$variant => $id,)* }
            }

            /// The severity used unless the site configures another.
            pub fn default_severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$sev,)* }
            }

            /// One sentence saying what the code is about.
            pub fn summary(self) -> &'static str {
                match self { $(Code::$variant => $summary,)* }
            }
        }
    };
}

codes! {
    /// The text is not valid YAML.
    YamlSyntax = ("yaml-syntax", Error, "The file is not valid YAML."),
    /// Anchors, aliases or tags were used.
    YamlAnchor = ("yaml-anchor", Error, "YAML anchors, aliases and tags are not supported in guide files."),
    /// Collections nested deeper than any guide needs.
    NestingTooDeep = ("nesting-too-deep", Error, "YAML collections are nested deeper than the format allows."),
    /// A file is larger than the size limit.
    FileTooLarge = ("file-too-large", Error, "The file is larger than the size limit for guide files."),
    /// A file is not UTF-8.
    InvalidUtf8 = ("invalid-utf8", Error, "The file is not valid UTF-8 text."),
    /// A file holds no data.
    EmptyFile = ("empty-file", Error, "The file is empty or holds only comments."),
    /// The same key twice in one mapping.
    DuplicateKey = ("duplicate-key", Error, "A mapping has the same key twice."),
    /// A key the format does not know.
    UnknownField = ("unknown-field", Error, "A field name is not part of the format."),
    /// A value of the wrong YAML type.
    WrongType = ("wrong-type", Error, "A value has the wrong type (text, list or mapping)."),
    /// A required field is absent or empty.
    MissingField = ("missing-field", Error, "A required field is missing or empty."),
    /// A value outside its allowed set or shape.
    InvalidValue = ("invalid-value", Error, "A value is not one of the allowed values or has the wrong form."),
    /// An id or key with characters outside `a-z`, `0-9` and `-`.
    InvalidId = ("invalid-id", Error, "An id or glossary key is not lowercase words joined by hyphens."),
    /// A platform id that the site does not define.
    UnknownPlatform = ("unknown-platform", Error, "A platform id is not defined by the site."),
    /// A step key that is not a known action.
    UnknownAction = ("unknown-action", Error, "A step uses an action that does not exist."),
    /// A step without an action.
    MissingAction = ("missing-action", Error, "A step has no action."),
    /// A step with two actions.
    MultipleActions = ("multiple-actions", Error, "A step has more than one action."),
    /// A reference to a glossary key that does not exist.
    UnknownGlossaryKey = ("unknown-glossary-key", Error, "A step refers to a control the product glossary does not define."),
    /// A control used on a platform where the glossary says it does not exist.
    ControlNotOnPlatform = ("control-not-on-platform", Error, "A step uses a control on a platform where it does not exist."),
    /// A control without a label for one of its platforms.
    MissingLabel = ("missing-label", Error, "A glossary control has no label for a platform it exists on."),
    /// A platform block with no steps.
    EmptyPlatform = ("empty-platform", Error, "A platform has no steps."),
    /// A guide that covers no platform.
    NoPlatforms = ("no-platforms", Error, "A guide has no steps for any platform."),
    /// Two guides with the same id.
    DuplicateGuideId = ("duplicate-guide-id", Error, "Two guides have the same id."),
    /// Two inputs whose pages would be written to the same output file.
    PathCollision = ("path-collision", Error, "Two categories (or other inputs) would be written to the same page of the site."),
    /// `same_as` names a platform without steps.
    SameAsMissing = ("same-as-missing", Error, "`same_as` names a platform that has no steps in this guide."),
    /// `same_as` links that loop.
    SameAsCycle = ("same-as-cycle", Error, "`same_as` links form a cycle."),
    /// `related` names an unknown guide.
    UnknownRelatedGuide = ("unknown-related-guide", Error, "A related guide id does not exist."),
    /// An image file that does not exist.
    ImageNotFound = ("image-not-found", Error, "An illustration file does not exist."),
    /// An image path that is absolute or leaves the guides folder.
    ImagePathInvalid = ("image-path-invalid", Error, "An illustration path is absolute or escapes the guides folder."),
    /// An image without alt text.
    MissingAltText = ("missing-alt-text", Error, "An illustration has no alt text."),
    /// A date that is not `YYYY-MM-DD`.
    InvalidDate = ("invalid-date", Error, "A date is not a valid calendar date in the form YYYY-MM-DD."),
    /// A duration that cannot be read.
    InvalidDuration = ("invalid-duration", Error, "A duration cannot be read (write `2 min`, `1h 30m` or `PT2M`)."),
    /// A location outside the drawing vocabulary.
    UnknownLocation = ("unknown-location", Error, "A control's `at` is not one of the locations illustrations can draw."),
    /// A callout outside its image.
    CalloutOutOfBounds = ("callout-out-of-bounds", Error, "A callout lies outside the screenshot it marks."),
    /// A product folder without `product.yaml`.
    MissingProduct = ("missing-product", Error, "A folder of guides has no product.yaml."),
    /// A YAML file where no guide, product or site file belongs.
    StrayFile = ("stray-file", Warning, "A YAML file lies where Stepwise does not read it."),
    /// One control's platform labels differ only in case, order or punctuation.
    LabelDrift = ("label-drift", Warning, "A control's labels differ between platforms only in case, word order, punctuation or `and`/`&`."),
    /// A quoted or bold UI label in free text that is not a glossary label.
    QuotedLabelMismatch = ("quoted-label-mismatch", Warning, "Free text quotes or bolds a UI label that is not a glossary label."),
    /// A free-text target that is a glossary label.
    FreeTargetIsKey = ("free-target-is-key", Warning, "A free-text target names a control that the glossary defines."),
    /// "click" on a touch platform or "tap" on a pointer platform.
    InteractionVerb = ("interaction-verb", Warning, "A step says \"click\" on a touch platform or \"tap\" on a pointer platform."),
    /// A step whose text chains several actions.
    OneActionPerStep = ("one-action-per-step", Warning, "A step's text chains several actions."),
    /// Too many steps for one platform.
    StepCount = ("step-count", Warning, "A platform has more steps than the configured limit."),
    /// A guide covers fewer platforms than its product without saying why.
    PlatformParity = ("platform-parity", Warning, "A guide covers fewer platforms than its product and does not say why."),
    /// Two platforms with the same steps written out twice.
    NearDuplicatePlatforms = ("near-duplicate-platforms", Warning, "Two platforms have identical or nearly identical steps written out twice."),
    /// A tip or note that is itself a procedure.
    TipIsInstruction = ("tip-is-instruction", Warning, "A tip or note is itself a procedure or an instruction on a UI control."),
    /// A title that does not follow the site's convention.
    TitleForm = ("title-form", Warning, "A title does not follow the site's title convention."),
    /// A glossary control no guide uses.
    UnusedGlossaryEntry = ("unused-glossary-entry", Warning, "A glossary control is not used by any guide."),
    /// A guide reviewed too long ago.
    StaleReview = ("stale-review", Warning, "A guide's `reviewed` date is older than the configured age."),
    /// A term the site or product prefers another word for.
    Terminology = ("terminology", Warning, "Text uses a term the site or product prefers another word for."),
    /// A menu path whose parts are not glossary labels in order.
    MenuPath = ("menu-path", Warning, "A written menu path (`Settings > Privacy`) does not match the glossary."),
    /// Alt text that is a file name or repeats another step's.
    AltText = ("alt-text", Warning, "An illustration's alt text is a file name, or the same as another step's."),
    /// One screenshot shown for two different actions.
    ImageReused = ("image-reused", Warning, "One screenshot illustrates two different steps of a guide."),
    /// An unknown rule id in configuration or suppression.
    UnknownRule = ("unknown-rule", Error, "A rule id in configuration or in `allow` does not exist."),
}

impl Code {
    /// The code with this id.
    pub fn from_id(id: &str) -> Option<Code> {
        Code::ALL.iter().copied().find(|c| c.id() == id)
    }

    /// True for consistency rules, which a site may configure and guides may suppress.
    /// Format errors (everything else) cannot be turned off.
    pub fn is_lint(self) -> bool {
        self >= Code::LabelDrift && self != Code::UnknownRule
    }

    /// Options a lint rule accepts in `site.yaml`, with their kind.
    pub fn options(self) -> &'static [(&'static str, OptionKind)] {
        match self {
            Code::StepCount => &[("warn", OptionKind::Count), ("max", OptionKind::Count)],
            Code::TitleForm => &[("style", OptionKind::Choice(&["how-to", "task"]))],
            Code::StaleReview => &[("max_age_days", OptionKind::Count)],
            _ => &[],
        }
    }

    /// Whether the rule runs when the site does not configure it.
    pub fn enabled_by_default(self) -> bool {
        self != Code::StaleReview
    }
}

/// The kind of value a rule option takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OptionKind {
    /// A whole number of at least 1.
    Count,
    /// One of a fixed set of words.
    Choice(&'static [&'static str]),
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_kebab_case() {
        let mut seen = std::collections::HashSet::new();
        for code in Code::ALL {
            assert!(seen.insert(code.id()), "duplicate id {}", code.id());
            assert!(
                code.id()
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{} is not kebab-case",
                code.id()
            );
            assert!(code.summary().ends_with('.'));
        }
    }
}
