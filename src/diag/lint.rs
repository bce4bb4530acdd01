//! What a lint rule declares about itself, as plain data.
//!
//! Each rule in `check::rules` owns one [`RuleMeta`]; a lint [`Code`](super::Code) points
//! at it, so the code's id, severity, summary, options and docs are written once, beside
//! the rule's check.

use super::severity::Severity;

/// Everything a lint rule declares about itself, apart from its check.
#[derive(Debug)]
pub struct RuleMeta {
    /// The stable id users see and configure (`step-count`).
    pub id: &'static str,
    /// The severity used unless the site configures another.
    pub default_severity: Severity,
    /// Whether the rule runs when the site does not configure it.
    pub default_on: bool,
    /// One sentence saying what the rule finds.
    pub summary: &'static str,
    /// The user documentation.
    pub doc: RuleDoc,
    /// Options the rule accepts in `site.yaml`.
    pub options: &'static [OptionSpec],
}

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

/// One option a rule accepts in `site.yaml`.
#[derive(Debug)]
pub struct OptionSpec {
    /// The key under the rule (`warn`).
    pub name: &'static str,
    /// The kind of value, with its default.
    pub kind: OptionKind,
    /// One sentence saying what the option does.
    pub doc: &'static str,
}

/// The kind of value a rule option takes, with its default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OptionKind {
    /// A whole number of at least 1.
    Count {
        /// The value when the site does not set one.
        default: u32,
    },
    /// One of a fixed set of words.
    Choice {
        /// The words allowed.
        choices: &'static [&'static str],
        /// The value when the site does not set one.
        default: &'static str,
    },
    /// One or more of a fixed set of words, as a list or separated by commas.
    Choices {
        /// The words allowed.
        choices: &'static [&'static str],
        /// The words chosen when the site does not set the option (bit `i` for
        /// `choices[i]`).
        default: u32,
    },
}

/// A decoded option value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OptionValue {
    /// A whole number of at least 1.
    Count(u32),
    /// One of the option's choices.
    Choice(&'static str),
    /// Some of the option's choices: the words, and bit `i` set for `words[i]`.
    Choices(&'static [&'static str], u32),
}

impl OptionKind {
    /// The value used when the site does not set the option.
    pub fn default_value(self) -> OptionValue {
        match self {
            OptionKind::Count { default } => OptionValue::Count(default),
            OptionKind::Choice { default, .. } => OptionValue::Choice(default),
            OptionKind::Choices { choices, default } => OptionValue::Choices(choices, default),
        }
    }
}

impl std::fmt::Display for OptionValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OptionValue::Count(n) => write!(f, "{n}"),
            OptionValue::Choice(s) => f.write_str(s),
            OptionValue::Choices(words, set) => {
                let chosen: Vec<&str> = words
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| set & (1 << i) != 0)
                    .map(|(_, w)| *w)
                    .collect();
                f.write_str(&chosen.join(", "))
            }
        }
    }
}

/// A lint code: a reference to the rule's own [`RuleMeta`], compared by id.
#[derive(Clone, Copy)]
pub struct Lint(&'static RuleMeta);

impl Lint {
    /// The lint declared by `meta`.
    pub const fn new(meta: &'static RuleMeta) -> Lint {
        Lint(meta)
    }

    /// What the rule declares about itself.
    pub fn meta(self) -> &'static RuleMeta {
        self.0
    }
}

impl PartialEq for Lint {
    fn eq(&self, other: &Lint) -> bool {
        self.0.id == other.0.id
    }
}

impl Eq for Lint {}

impl PartialOrd for Lint {
    fn partial_cmp(&self, other: &Lint) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Lint {
    fn cmp(&self, other: &Lint) -> std::cmp::Ordering {
        self.0.id.cmp(other.0.id)
    }
}

impl std::hash::Hash for Lint {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.id.hash(state);
    }
}

impl std::fmt::Debug for Lint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Lint({:?})", self.0.id)
    }
}
