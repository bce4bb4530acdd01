//! `stepwise build`: the help-center site.

use std::path::PathBuf;

use clap::Args;

use super::output::{ColorChoice, EXIT_FINDINGS, guides_dir, write_stdout};
use crate::build::inputs::{self, Unchanged};
use crate::build::{BuildOptions, Rebuild, build_checked_with};
use crate::check::check;
use crate::diag::Summary;
use crate::emit::Format;
use crate::write::manifest::StoredReport;

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
    /// Read, check and render everything even if no input changed since the last build
    /// (files whose bytes are the same are still left alone).
    #[arg(long)]
    pub force: bool,
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
    let opts = BuildOptions {
        guides: dir.clone(),
        output: output.clone(),
        templates: args.templates.clone(),
        static_dir: args.static_dir.clone(),
    };
    let color = args.format == Format::Human && args.color.enabled();
    let format = format!("{:?}", args.format);
    let scan = crate::trace::stage("list inputs", || inputs::scan(&opts))?;
    if !args.dry_run && !args.force {
        let same = crate::trace::stage("compare inputs", || {
            inputs::unchanged(&opts, &scan, &format, color)
        });
        if let Unchanged::Yes { manifest, touched } = same {
            replay(args, &output, &manifest, touched, color)?;
            return Ok(0);
        }
    }
    // Drawn on a terminal once the build has taken a second; erased before anything else
    // is printed.
    let progress = super::progress::Progress::start(super::progress::wanted(args.quiet));
    let (project, diags) = crate::trace::stage("load", || crate::load::load(&dir))?;
    progress.guides(project.guides.len());
    let checked = check(&project, diags);
    // Findings come after the check: erase the progress line before printing them.
    let progress = checked.diagnostics.is_empty().then_some(progress);
    let stdout = crate::emit::render(args.format, &checked.diagnostics, &project.sources, color);
    write_stdout(&stdout)?;
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
    let rebuild = Rebuild {
        scan: Some(scan),
        force: args.force,
        report: Some(StoredReport {
            format,
            color,
            stdout,
            summary: summary.to_string(),
        }),
    };
    let stats = build_checked_with(&checked, &opts, args.dry_run, rebuild)?;
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

/// A build with no input changed since the previous one: refreshes the manifest's times
/// for files that were only touched, and prints the previous build's findings again.
fn replay(
    args: &BuildArgs,
    output: &std::path::Path,
    manifest: &crate::write::Manifest,
    touched: usize,
    color: bool,
) -> Result<(), Box<dyn std::error::Error>> {
    if touched > 0 {
        inputs::refresh(output, manifest)?;
    }
    // Nothing changed since the previous build: its findings are this one's.
    let record = manifest.inputs.as_ref();
    let (stdout, summary) = match record.and_then(|i| i.report.as_ref()) {
        Some(r) => (r.stdout.clone(), r.summary.clone()),
        None => {
            let sources = crate::source::SourceMap::new();
            let text = crate::emit::render(args.format, &[], &sources, color);
            (text, Summary::of(&[]).to_string())
        }
    };
    write_stdout(&stdout)?;
    let guides = record.map_or(0, |i| i.guides);
    let files =
        manifest.shared_files.len() + crate::layout::FILES_PER_GUIDE * manifest.guides.len();
    let plural = if guides == 1 { "" } else { "s" };
    if !args.quiet {
        eprintln!(
            "built {guides} guide{plural} into {} ({files} files: 0 written, {files} unchanged, 0 removed; no input changed), {summary}",
            output.display(),
        );
    }
    Ok(())
}
