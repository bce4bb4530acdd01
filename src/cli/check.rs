//! `stepwise check`: the CI gate.

use std::path::PathBuf;

use clap::Args;

use super::output::{ColorChoice, EXIT_FINDINGS, print_report, write_stdout};
use crate::check::check_dir;
use crate::diag::Summary;
use crate::emit::Format;
use crate::fix;

/// Arguments of `stepwise check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The guides folder.
    #[arg(default_value = "guides")]
    pub dir: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Fail (exit 1) on warnings too.
    #[arg(long)]
    pub deny_warnings: bool,
    /// When to use colour (human format).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Apply mechanical fixes (verbs, terminology, free targets) to the files in place.
    #[arg(long)]
    pub fix: bool,
    /// With --fix: print the changes as a unified diff and write nothing.
    #[arg(long, requires = "fix")]
    pub dry_run: bool,
}

/// Runs the check and prints the report; returns the exit code.
pub(super) fn run(args: &CheckArgs) -> Result<u8, Box<dyn std::error::Error>> {
    let mut report = check_dir(&args.dir)?;
    if args.fix {
        let edits = fix::plan(&report.diagnostics, &report.project.sources);
        let count: usize = edits.iter().map(|e| e.fixes).sum();
        if args.dry_run {
            write_stdout(&fix::diff(&edits))?;
            eprintln!(
                "{count} fix{} in {} file{} (dry run, nothing written)",
                if count == 1 { "" } else { "es" },
                edits.len(),
                if edits.len() == 1 { "" } else { "s" }
            );
            return Ok(0);
        }
        fix::write(&edits)?;
        for e in &edits {
            eprintln!(
                "fixed {}: {} change{}",
                e.path.display(),
                e.fixes,
                if e.fixes == 1 { "" } else { "s" }
            );
        }
        if !edits.is_empty() {
            report = check_dir(&args.dir)?;
        }
    }
    print_report(
        &report.diagnostics,
        &report.project,
        args.format,
        args.color,
    )?;
    let summary = Summary::of(&report.diagnostics);
    if matches!(args.format, Format::Human | Format::Short) {
        eprintln!(
            "{}: {}, {summary}",
            args.dir.display(),
            guide_count(&report.project),
        );
    }
    let failed = summary.errors > 0 || (args.deny_warnings && summary.warnings > 0);
    // The process ends next: freeing every guide's values one by one would only cost time.
    std::mem::forget(report);
    Ok(if failed { EXIT_FINDINGS } else { 0 })
}

/// "2 guides checked", saying also how many guide files could not be read at all (their
/// errors are in the report, but nothing else about them is).
fn guide_count(project: &crate::model::Project) -> String {
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    let checked = project.guides.len();
    let mut out = format!("{checked} guide{} checked", plural(checked));
    match project.unread_guides() {
        0 => {}
        n => out.push_str(&format!(", {n} guide{} could not be read", plural(n))),
    }
    out
}
