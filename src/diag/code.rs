//! The catalogue of diagnostic codes: a stable id, a default severity and a one-line summary
//! for every format error Stepwise can report. Lint codes are described by their rules
//! (`check::rules`), which a [`Code::Lint`] points at; emitters and documentation read both
//! through the same methods.

use super::lint::{Lint, OptionSpec, RuleMeta};
use super::severity::Severity;

macro_rules! codes {
    ($( $(#[$doc:meta])* $variant:ident = ($id:literal, $sev:ident, $summary:literal), )*) => {
        /// A stable diagnostic code.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $( $(#[$doc])* $variant, )*
            /// A consistency rule's finding; the rule describes itself.
            Lint(Lint),
        }

        impl Code {
            /// Every format code (every code but the lints), in catalogue order.
            pub const FORMAT: &'static [Code] = &[$(Code::$variant),*];

            /// The stable id users see and configure (`unknown-field`).
            pub fn id(self) -> &'static str {
                match self {
                    $(Code::$variant => $id,)*
                    Code::Lint(l) => l.meta().id,
                }
            }

            /// The severity used unless the site configures another.
            pub fn default_severity(self) -> Severity {
                match self {
                    $(Code::$variant => Severity::$sev,)*
                    Code::Lint(l) => l.meta().default_severity,
                }
            }

            /// One sentence saying what the code is about.
            pub fn summary(self) -> &'static str {
                match self {
                    $(Code::$variant => $summary,)*
                    Code::Lint(l) => l.meta().summary,
                }
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
    /// Two steps of one platform's procedure with the same id.
    DuplicateStepId = ("duplicate-step-id", Error, "Two steps of one platform's procedure have the same id."),
    /// `{step:id}` naming no step of the procedure.
    UnknownStepReference = ("unknown-step-reference", Error, "A `{step:id}` reference names no step of the platforms that follow it."),
    /// Two inputs whose pages would be written to the same output file.
    PathCollision = ("path-collision", Error, "Two categories (or other inputs) would be written to the same page of the site."),
    /// `same_as` names a platform without steps.
    SameAsMissing = ("same-as-missing", Error, "`same_as` names a platform that has no steps in this guide."),
    /// `same_as` links that loop.
    SameAsCycle = ("same-as-cycle", Error, "`same_as` links form a cycle."),
    /// `uses` in product.yaml, or a `product:key` target, names no product.
    UnknownProduct = ("unknown-product", Error, "A product's `uses`, or a step's `product:key` target, names a product the guides folder does not have."),
    /// `related` names an unknown guide.
    UnknownRelatedGuide = ("unknown-related-guide", Error, "A related guide id does not exist."),
    /// `featured` in `site.yaml` names an unknown guide.
    UnknownFeaturedGuide = ("unknown-featured-guide", Error, "A featured guide id in site.yaml does not exist."),
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
    /// An unknown rule id in configuration or suppression.
    UnknownRule = ("unknown-rule", Error, "A rule id in configuration or in `allow` does not exist."),
    /// A logo or favicon file that does not exist.
    SiteFileNotFound = ("site-file-not-found", Error, "A file that site.yaml names (logo, favicon) does not exist."),
    /// A site's locale file that is not valid Fluent.
    LocaleSyntax = ("locale-syntax", Error, "A locale file beside site.yaml is not valid Fluent syntax."),
    /// An accent colour below WCAG AA contrast.
    AccentContrast = ("accent-contrast", Error, "The accent colour does not reach WCAG AA contrast (4.5:1) with the page background or the text of accent buttons."),
}

impl Code {
    /// The format code with this id (lint ids are looked up in `check::rules`).
    pub fn format_from_id(id: &str) -> Option<Code> {
        Code::FORMAT.iter().copied().find(|c| c.id() == id)
    }

    /// The code of the lint rule `meta` declares.
    pub const fn lint(meta: &'static RuleMeta) -> Code {
        Code::Lint(Lint::new(meta))
    }

    /// What the rule declares about itself, for a lint code.
    pub fn meta(self) -> Option<&'static RuleMeta> {
        match self {
            Code::Lint(l) => Some(l.meta()),
            _ => None,
        }
    }

    /// True for consistency rules, which a site may configure and guides may suppress.
    /// Format errors (everything else) cannot be turned off.
    pub fn is_lint(self) -> bool {
        matches!(self, Code::Lint(_))
    }

    /// Options a lint rule accepts in `site.yaml`.
    pub fn options(self) -> &'static [OptionSpec] {
        self.meta().map_or(&[], |m| m.options)
    }

    /// Whether the rule runs when the site does not configure it.
    pub fn enabled_by_default(self) -> bool {
        self.meta().is_none_or(|m| m.default_on)
    }
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
        for code in Code::FORMAT {
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
