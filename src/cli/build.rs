//! `stepwise build`: the help-center site.

use std::path::PathBuf;

use clap::Args;

use super::output::{ColorChoice, EXIT_FINDINGS, guides_dir, print_report};
use crate::build::{BuildOptions, build_checked};
use crate::check::check;
use crate::diag::Summary;
use crate::emit::Format;

/// Arguments of `stepwise build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// The guides folder (default: found from the working folder upward, as for `check`).
    pub dir: Option<PathBuf>,
    /// Where to write the site (replaced as a whole). Default: `output` in the working
    /// folder, or beside the guides folder when that was found upward.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Folder of template overrides (default: `templates/` beside the guides folder).
    #[arg(long)]
    pub templates: Option<PathBuf>,
    /// Folder of files copied into the site as they are (default: `static/` beside the guides
    /// folder).
    #[arg(long = "static", value_name = "DIR")]
    pub static_dir: Option<PathBuf>,
    /// Format of diagnostics.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// When to use colour.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Check and render everything, but write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Print findings only: no progress line and no summary line.
    #[arg(short, long)]
    pub quiet: bool,
}

/// Builds the site; returns the exit code.
pub(super) fn run(args: &BuildArgs) -> Result<u8, Box<dyn std::error::Error>> {
    let dir = guides_dir(args.dir.as_deref());
    let output = match (&args.output, &args.dir) {
        (Some(o), _) => o.clone(),
        (None, Some(_)) => PathBuf::from("output"),
        (None, None) => dir
            .parent()
            .map_or_else(|| PathBuf::from("output"), |p| p.join("output")),
    };
    // Drawn on a terminal once the build has taken a second; erased before anything else
    // is printed.
    let progress = super::progress::Progress::start(super::progress::wanted(args.quiet));
    let (project, diags) = crate::trace::stage("load", || crate::load::load(&dir))?;
    progress.guides(project.guides.len());
    let checked = check(&project, diags);
    // Findings come after the check: erase the progress line before printing them.
    let progress = checked.diagnostics.is_empty().then_some(progress);
    print_report(
        &checked.diagnostics,
        &project.sources,
        args.format,
        args.color,
    )?;
    let summary = Summary::of(&checked.diagnostics);
    if checked.has_errors() {
        drop(progress);
        eprintln!("stepwise: nothing was built: {summary}");
        return Ok(EXIT_FINDINGS);
    }
    let progress = progress.unwrap_or_else(|| {
        let again = super::progress::Progress::start(super::progress::wanted(args.quiet));
        again.guides(project.guides.len());
        again
    });
    let guides = project.guides.len();
    let stats = build_checked(
        &checked,
        &BuildOptions {
            guides: dir.clone(),
            output: output.clone(),
            templates: args.templates.clone(),
            static_dir: args.static_dir.clone(),
        },
        args.dry_run,
    )?;
    drop(progress);
    let plural = if guides == 1 { "" } else { "s" };
    if args.quiet {
        // Findings only.
    } else if args.dry_run {
        eprintln!(
            "rendered {guides} guide{plural} ({} files, {} KiB; dry run, nothing written), {summary}",
            stats.files,
            stats.bytes / 1024
        );
    } else {
        eprintln!(
            "built {guides} guide{plural} into {} ({} files: {} written, {} unchanged, {} removed), {summary}",
            output.display(),
            stats.files,
            stats.written,
            stats.unchanged,
            stats.removed,
        );
    }
    // The process ends next: freeing the model value by value would only cost time.
    std::mem::forget(checked);
    std::mem::forget(project);
    Ok(0)
}
