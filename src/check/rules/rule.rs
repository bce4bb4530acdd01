//! What every rule is: the [`Rule`] trait, the decoded settings a rule reads
//! ([`RuleConfig`]), and vocabulary several rules share. A leaf: rule files import it, the
//! registry lists the rules.

use crate::diag::{Code, Diagnostic, OptionKind, OptionSpec, OptionValue, RuleMeta};
use crate::model::Level;
use crate::resolve::Resolved;

/// A consistency rule.
pub trait Rule: Sync {
    /// Everything the rule declares about itself.
    fn meta(&self) -> &'static RuleMeta;
    /// Appends the rule's findings about the resolved site, configured by `cfg`.
    fn check(&self, site: &Resolved<'_>, cfg: &RuleConfig, out: &mut Vec<Diagnostic>);
    /// The code the rule reports under.
    fn code(&self) -> Code {
        Code::lint(self.meta())
    }
}

/// One rule's effective configuration: its level and every option's value.
#[derive(Debug, Clone, Default)]
pub struct RuleConfig {
    /// The level the site sets, if any.
    pub level: Option<Level>,
    /// Whether `site.yaml` mentions the rule at all.
    pub configured: bool,
    /// The options the site sets, decoded; options it leaves out take their defaults.
    pub(super) values: Vec<(&'static str, OptionValue)>,
    /// Options set for guides in one language (`languages: {fr: {style: task}}`), by tag
    /// in lower case, as the site lists them.
    pub(super) languages: Vec<(String, Vec<(&'static str, OptionValue)>)>,
}

impl RuleConfig {
    /// The configuration for guides in the language `tag`: the options that language sets
    /// (`fr-CA` reads `fr-ca`, then `fr`) over the rule's own.
    pub fn in_language(&self, tag: &str) -> RuleConfig {
        let mut values = self.values.clone();
        for t in crate::locale::fallback_chain(tag).iter().rev() {
            if let Some((_, opts)) = self.languages.iter().find(|(l, _)| l == t) {
                for (name, v) in opts {
                    values.retain(|(n, _)| n != name);
                    values.push((name, *v));
                }
            }
        }
        RuleConfig {
            level: self.level,
            configured: self.configured,
            values,
            languages: Vec::new(),
        }
    }

    /// True if the site sets `spec` (for every language, or in this configuration's).
    pub fn sets(&self, spec: &OptionSpec) -> bool {
        self.values.iter().any(|(n, _)| *n == spec.name)
    }

    /// The value of `spec`, or its default.
    pub fn value(&self, spec: &OptionSpec) -> OptionValue {
        self.values
            .iter()
            .find(|(n, _)| *n == spec.name)
            .map_or(spec.kind.default_value(), |(_, v)| *v)
    }

    /// The value of a count option.
    pub fn count(&self, spec: &OptionSpec) -> u32 {
        match (self.value(spec), spec.kind) {
            (OptionValue::Count(n), _) => n,
            (_, OptionKind::Count { default }) => default,
            // A rule asking for a count from a choice option is a bug the rule's tests catch.
            _ => 0,
        }
    }

    /// The value of a choice option.
    pub fn choice(&self, spec: &OptionSpec) -> &'static str {
        match (self.value(spec), spec.kind) {
            (OptionValue::Choice(s), _) => s,
            (_, OptionKind::Choice { default, .. }) => default,
            _ => "",
        }
    }

    /// The words chosen for a choices option, in the option's order.
    pub fn choices(&self, spec: &OptionSpec) -> Vec<&'static str> {
        match self.value(spec) {
            OptionValue::Choices(words, set) => words
                .iter()
                .enumerate()
                .filter(|(i, _)| set & (1 << i) != 0)
                .map(|(_, w)| *w)
                .collect(),
            OptionValue::Choice(w) => vec![w],
            OptionValue::Count(_) => Vec::new(),
        }
    }
}

/// The language a guide is written in (a BCP 47 tag): the site's.
pub(crate) fn guide_language<'a>(rg: &crate::resolve::ResolvedGuide<'a>) -> &'a str {
    match rg.site.language.as_str() {
        "" => crate::locale::FALLBACK,
        l => l,
    }
}

/// True if `tag` is English (`en`, `en-GB`).
pub(crate) fn is_english(tag: &str) -> bool {
    let primary = tag.split(['-', '_']).next().unwrap_or("");
    primary.eq_ignore_ascii_case("en")
}

/// Verbs that start an instruction aimed at the UI.
pub(crate) const ACTION_VERBS: &[&str] = &[
    "click", "tap", "press", "select", "choose", "open", "go", "scroll", "type", "enter", "toggle",
    "turn", "swipe", "hover", "sign", "log", "navigate", "find", "pick", "switch", "check",
    "uncheck", "confirm",
];
