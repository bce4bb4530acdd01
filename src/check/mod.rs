//! `check`: resolve and check a loaded guides folder into one sorted list of diagnostics.
//!
//! References and illustrations are checked in [`references`] and [`images`] (format
//! errors, always on); lint rules live in [`rules`], one module each. All of them run on the
//! model [`crate::resolve`] produced, once per command: the result, [`Checked`], carries that
//! model on to rendering.

mod brand;
pub mod explain;
mod images;
pub mod labels;
mod paths;
mod references;
pub mod rules;
pub mod step_ids;
pub mod text;

use std::path::Path;

use crate::diag::{self, Diagnostic, RuleMeta, Severity};
use crate::load::{self, LoadError};
use crate::model::{Level, Project};
use crate::resolve::{self, Resolved};

/// A checked project: the resolved model and every finding about it.
#[derive(Debug)]
pub struct Checked<'p> {
    /// The resolved model the findings are about (rendering starts from it).
    pub resolved: Resolved<'p>,
    /// Every finding, sorted by file and position.
    pub diagnostics: Vec<Diagnostic>,
    /// The resolved model of each of the site's other languages, in the order of
    /// [`Project::languages`].
    pub languages: Vec<Resolved<'p>>,
}

impl Checked<'_> {
    /// Whether any error is left once suppressed findings are set aside.
    pub fn has_errors(&self) -> bool {
        diag::has_errors(&self.diagnostics)
    }
}

/// The findings of a check with the project they are about, for callers that render
/// nothing (the resolved model is dropped).
#[derive(Debug)]
pub struct Report {
    /// Everything that was loaded.
    pub project: Project,
    /// Every finding, sorted by file and position.
    pub diagnostics: Vec<Diagnostic>,
}

/// Loads and checks the guides under `root`.
pub fn check_dir(root: &Path) -> Result<Report, LoadError> {
    let (project, diags) = load::load(root)?;
    Ok(check_project(project, diags))
}

/// Checks a loaded project; `diags` are the loader's findings.
pub fn check_project(project: Project, diags: Vec<Diagnostic>) -> Report {
    let diagnostics = check(&project, diags).diagnostics;
    Report {
        project,
        diagnostics,
    }
}

/// Resolves a loaded project once and checks it; `diags` are the loader's findings. Each
/// of the site's other languages is resolved and checked too: the same checks on its
/// merged guides and localized glossaries (findings both versions share are reported once).
pub fn check(project: &Project, mut diags: Vec<Diagnostic>) -> Checked<'_> {
    let config = rules::Config::decode(project, &mut diags);
    let resolved = crate::trace::stage("resolve", || resolve::resolve(project, &mut diags));
    crate::trace::stage("check", || {
        run_checks(project, &resolved, &config, &mut diags);
    });
    let mut languages = Vec::new();
    for lp in &project.languages {
        let r = crate::trace::stage("resolve a language", || resolve::resolve(lp, &mut diags));
        crate::trace::stage("check a language", || {
            run_checks(project, &r, &config, &mut diags);
        });
        languages.push(r);
    }
    diag::sort(&mut diags, &project.sources);
    diags.dedup_by(|a, b| a.code == b.code && a.span == b.span && a.message == b.message);
    Checked {
        resolved,
        diagnostics: diags,
        languages,
    }
}

/// Rules about a product's glossary as a whole, which a language's site (only the guides
/// translated into it) would get wrong.
const SITE_WIDE: &[&str] = &["unused-glossary-entry"];

/// Every check and every enabled rule on one resolved version of the site; `project` is
/// the loaded project, whose `allow` entries (guides' and translations') apply.
fn run_checks(
    project: &Project,
    resolved: &Resolved<'_>,
    config: &rules::Config,
    diags: &mut Vec<Diagnostic>,
) {
    let translated = !std::ptr::eq(project, resolved.project);
    references::check(resolved, diags);
    step_ids::check(resolved, diags);
    images::check(resolved, diags);
    if !translated {
        brand::check(project, diags);
    }
    paths::check(resolved, diags);
    // Rules are independent of each other: run them on all cores.
    use rayon::prelude::*;
    let mut lints: Vec<Diagnostic> = rules::RULES
        .par_iter()
        .filter(|rule| enabled(config.get(**rule), rule.meta()))
        .filter(|rule| !translated || !SITE_WIDE.contains(&rule.meta().id))
        .flat_map_iter(|rule| {
            let mut found = Vec::new();
            crate::trace::stage(&format!("rule {}", rule.meta().id), || {
                rule.check(resolved, config.get(*rule), &mut found)
            });
            found
        })
        .collect();
    apply_settings(project, config, &mut lints);
    diags.extend(lints);
}

fn enabled(cfg: &rules::RuleConfig, meta: &RuleMeta) -> bool {
    match cfg.level {
        Some(level) => level != Level::Off,
        // Configuring options without a level turns an off-by-default rule on.
        None => meta.default_on || cfg.configured,
    }
}

/// Applies the site's severity settings and the guides' `allow` suppressions to lint
/// findings.
pub fn apply_settings(project: &Project, config: &rules::Config, lints: &mut [Diagnostic]) {
    for d in lints.iter_mut() {
        match config.of(d.code).and_then(|r| r.level) {
            Some(Level::Error) => d.severity = Severity::Error,
            Some(Level::Warning) => d.severity = Severity::Warning,
            Some(Level::Off) | None => {}
        }
        d.suppressed = suppression(project, d);
    }
}

/// The reason of an `allow` that covers `d`: on a step whose span holds it, or on the guide
/// whose file holds it.
fn suppression(project: &Project, d: &Diagnostic) -> Option<String> {
    let inside = |outer: crate::source::Span| {
        outer.file == d.span.file && outer.start <= d.span.start && d.span.end <= outer.end
    };
    for g in project.guides.iter().filter(|g| g.file == d.span.file) {
        for s in g.written_steps() {
            if inside(s.span)
                && let Some(a) = s.allow.iter().find(|a| a.rule.value == d.code.id())
            {
                return Some(a.reason.value.clone());
            }
        }
        if let Some(a) = g.allow.iter().find(|a| a.rule.value == d.code.id()) {
            return Some(a.reason.value.clone());
        }
    }
    project
        .translations
        .iter()
        .filter(|t| t.file == d.span.file)
        .flat_map(|t| &t.allow)
        .find(|a| a.rule.value == d.code.id())
        .map(|a| a.reason.value.clone())
}
