//! How serious a finding is: the one scale every emitter and exit status reads.

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Must be fixed: `check` fails and `build` renders nothing.
    Error,
    /// Should be looked at; fails `check` only with `--deny-warnings`.
    Warning,
}

impl Severity {
    /// Lowercase name used in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}
