//! Diagnostics: what every stage reports about the input, as data.
//!
//! Stages append [`Diagnostic`]s to a list and keep going; only fatal failures (I/O, usage)
//! are errors in the Rust sense. Every output format reads the same list.

mod code;
pub mod lint;
mod severity;
pub mod suggest;

pub use code::Code;
pub use lint::{OptionKind, OptionSpec, OptionValue, RuleDoc, RuleMeta};
pub use severity::Severity;

use crate::source::{SourceMap, Span};

/// A secondary location that explains a diagnostic (the first of two duplicates, say).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    /// Where.
    pub span: Span,
    /// What is there.
    pub message: String,
}

/// One finding about the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The stable code.
    pub code: Code,
    /// Error or warning.
    pub severity: Severity,
    /// The primary location.
    pub span: Span,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: Option<String>,
    /// Other locations that explain the finding.
    pub related: Vec<Related>,
    /// A mechanical fix, applied by `check --fix`.
    pub fix: Option<Fix>,
    /// Why the finding is accepted, if an `allow` suppresses it.
    pub suppressed: Option<String>,
}

/// A text replacement that fixes a finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    /// The text to replace.
    pub span: Span,
    /// The replacement.
    pub replacement: String,
}

impl Diagnostic {
    /// A diagnostic with the code's default severity.
    pub fn new(code: Code, span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            severity: code.default_severity(),
            span,
            message: message.into(),
            help: None,
            related: Vec::new(),
            fix: None,
            suppressed: None,
        }
    }

    /// Adds a mechanical fix.
    pub fn fix(mut self, span: Span, replacement: impl Into<String>) -> Self {
        self.fix = Some(Fix {
            span,
            replacement: replacement.into(),
        });
        self
    }

    /// Adds a help line.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Adds a related location.
    pub fn related(mut self, span: Span, message: impl Into<String>) -> Self {
        self.related.push(Related {
            span,
            message: message.into(),
        });
        self
    }
}

/// Counts of a diagnostic list, for the summary line and exit codes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Number of errors.
    pub errors: usize,
    /// Number of warnings.
    pub warnings: usize,
    /// Number of distinct files with at least one finding.
    pub files: usize,
}

/// Whether `diags` hold an error that no `allow` suppresses: the one test every command
/// uses to refuse to go on.
pub fn has_errors(diags: &[Diagnostic]) -> bool {
    diags
        .iter()
        .any(|d| d.severity == Severity::Error && d.suppressed.is_none())
}

impl Summary {
    /// Counts a sorted diagnostic list (suppressed findings do not count).
    pub fn of(diags: &[Diagnostic]) -> Summary {
        let diags: Vec<&Diagnostic> = diags.iter().filter(|d| d.suppressed.is_none()).collect();
        let mut files: Vec<_> = diags.iter().map(|d| d.span.file).collect();
        files.sort_unstable();
        files.dedup();
        Summary {
            errors: diags
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .count(),
            warnings: diags
                .iter()
                .filter(|d| d.severity == Severity::Warning)
                .count(),
            files: files.len(),
        }
    }
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let plural = |n: usize, word: &str| {
            if n == 1 {
                format!("1 {word}")
            } else {
                format!("{n} {word}s")
            }
        };
        if self.errors == 0 && self.warnings == 0 {
            return f.write_str("no problems found");
        }
        write!(
            f,
            "{}, {} in {}",
            plural(self.errors, "error"),
            plural(self.warnings, "warning"),
            plural(self.files, "file")
        )
    }
}

/// Sorts diagnostics by file path, position, then code, and drops exact duplicates.
pub fn sort(diags: &mut Vec<Diagnostic>, sources: &SourceMap) {
    diags.sort_by(|a, b| {
        sources
            .get(a.span.file)
            .path
            .cmp(&sources.get(b.span.file).path)
            .then(a.span.start.cmp(&b.span.start))
            .then(a.span.end.cmp(&b.span.end))
            .then(a.code.cmp(&b.code))
            .then(a.message.cmp(&b.message))
    });
    diags.dedup();
}
