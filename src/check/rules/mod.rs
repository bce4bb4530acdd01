//! Lint rules: consistency checks that run on the resolved model.
//!
//! Each rule is a unit struct in its own module with its tests beside it, listed in
//! [`RULES`]. A rule reads the resolved guides and the glossary and appends diagnostics.

mod label_drift;

use crate::diag::{Code, Diagnostic};
use crate::resolve::Resolved;

/// A consistency rule.
pub trait Rule: Sync {
    /// The code the rule reports under.
    fn code(&self) -> Code;
    /// Appends the rule's findings about the resolved site.
    fn check(&self, site: &Resolved<'_>, out: &mut Vec<Diagnostic>);
}

/// Every rule, in the order they run.
pub static RULES: &[&dyn Rule] = &[&label_drift::LabelDrift];
