//! `check`: load, resolve and lint a guides folder into one sorted list of diagnostics.
//!
//! Lint rules live in [`rules`], one module each, and run on the resolved model.

pub mod rules;

use std::path::Path;

use crate::diag::{self, Diagnostic};
use crate::load::{self, LoadError};
use crate::model::Project;
use crate::resolve;

/// The result of checking a guides folder.
#[derive(Debug)]
pub struct Report {
    /// Everything that was loaded.
    pub project: Project,
    /// Every finding, sorted by file and position.
    pub diagnostics: Vec<Diagnostic>,
}

/// Loads, resolves and lints the guides under `root`.
pub fn check_dir(root: &Path) -> Result<Report, LoadError> {
    let (project, diags) = load::load(root)?;
    Ok(check_project(project, diags))
}

/// Resolves and lints a loaded project; `diags` are the loader's findings.
pub fn check_project(project: Project, mut diags: Vec<Diagnostic>) -> Report {
    {
        let resolved = resolve::resolve(&project, &mut diags);
        for rule in rules::RULES {
            rule.check(&resolved, &mut diags);
        }
    }
    diag::sort(&mut diags, &project.sources);
    Report {
        project,
        diagnostics: diags,
    }
}
