//! `stepwise check`: the CI gate.

use std::path::PathBuf;

use clap::Args;

use super::{ColorChoice, EXIT_FINDINGS, write_stdout};
use crate::check::check_dir;
use crate::diag::Summary;
use crate::emit::{self, Format};

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
}

/// Runs the check and prints the report; returns the exit code.
pub fn run(args: &CheckArgs) -> Result<u8, Box<dyn std::error::Error>> {
    let report = check_dir(&args.dir)?;
    let color = args.format == Format::Human && args.color.enabled();
    let text = emit::render(
        args.format,
        &report.diagnostics,
        &report.project.sources,
        color,
    );
    write_stdout(&text)?;
    let summary = Summary::of(&report.diagnostics);
    if matches!(args.format, Format::Human | Format::Short) {
        eprintln!(
            "{}: {} guide{} checked, {summary}",
            args.dir.display(),
            report.project.guides.len(),
            if report.project.guides.len() == 1 {
                ""
            } else {
                "s"
            },
        );
    }
    let failed = summary.errors > 0 || (args.deny_warnings && summary.warnings > 0);
    Ok(if failed { EXIT_FINDINGS } else { 0 })
}
