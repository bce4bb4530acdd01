//! `stepwise build`: the help-center site.

use std::path::PathBuf;

use clap::Args;

use super::{ColorChoice, EXIT_FINDINGS, write_stdout};
use crate::build::{BuildOptions, build};
use crate::diag::Summary;
use crate::emit::{self, Format};

/// Arguments of `stepwise build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// The guides folder.
    #[arg(default_value = "guides")]
    pub dir: PathBuf,
    /// Where to write the site (replaced as a whole).
    #[arg(short, long, default_value = "output")]
    pub output: PathBuf,
    /// Folder of template overrides (default: `templates/` beside the guides folder).
    #[arg(long)]
    pub templates: Option<PathBuf>,
    /// Format of diagnostics.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// When to use colour.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

/// Builds the site; returns the exit code.
pub fn run(args: &BuildArgs) -> Result<u8, Box<dyn std::error::Error>> {
    let built = build(&BuildOptions {
        guides: args.dir.clone(),
        output: args.output.clone(),
        templates: args.templates.clone(),
    })?;
    let report = &built.report;
    let color = args.format == Format::Human && args.color.enabled();
    let text = emit::render(
        args.format,
        &report.diagnostics,
        &report.project.sources,
        color,
    );
    write_stdout(&text)?;
    let summary = Summary::of(&report.diagnostics);
    if summary.errors > 0 {
        eprintln!("stepwise: nothing was built: {summary}");
        return Ok(EXIT_FINDINGS);
    }
    eprintln!(
        "built {} guide{} into {} ({} files), {summary}",
        report.project.guides.len(),
        if report.project.guides.len() == 1 {
            ""
        } else {
            "s"
        },
        args.output.display(),
        built.files,
    );
    Ok(0)
}
