//! `build`: check, render, then write the site.
//!
//! One pass: load -> resolve and check ([`crate::check::check`]) -> render
//! ([`crate::render`]) -> write ([`crate::write`]). Rendering never starts from guides with
//! errors; a rebuild renders only the guides whose input fingerprints
//! ([`fingerprint`]) differ from the previous build's manifest.

mod fingerprint;
mod statics;

pub use statics::StaticError;

use std::path::{Path, PathBuf};

use crate::check::{Checked, Report};
use crate::render::{self, RenderError};
use crate::write::{self, Manifest, WriteError};

pub use crate::write::WriteStats as BuildStats;

/// What to build.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The guides folder.
    pub guides: PathBuf,
    /// Where the site goes.
    pub output: PathBuf,
    /// Template overrides (`None`: `templates/` beside the guides folder, if present).
    pub templates: Option<PathBuf>,
    /// Files copied into the site as they are (`None`: `static/` beside the guides folder,
    /// if present).
    pub static_dir: Option<PathBuf>,
}

impl BuildOptions {
    /// The folder of template overrides in effect.
    pub fn templates_dir(&self) -> PathBuf {
        self.templates
            .clone()
            .unwrap_or_else(|| default_templates(&self.guides))
    }

    /// The static folder in effect.
    pub fn static_dir(&self) -> PathBuf {
        self.static_dir
            .clone()
            .unwrap_or_else(|| default_static(&self.guides))
    }
}

/// A fatal build failure.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// Loading failed.
    #[error(transparent)]
    Load(#[from] crate::load::LoadError),
    /// Rendering failed.
    #[error(transparent)]
    Render(#[from] RenderError),
    /// Writing failed.
    #[error(transparent)]
    Write(#[from] WriteError),
    /// The static folder could not be copied.
    #[error(transparent)]
    Static(#[from] StaticError),
}

/// The result of a build.
#[derive(Debug)]
pub struct Built {
    /// The check report (errors mean nothing was written).
    pub report: Report,
    /// Number of files the site has (0 if the guides had errors).
    pub files: usize,
}

/// Where template overrides are looked for by default.
pub fn default_templates(guides: &Path) -> PathBuf {
    let parent = guides.parent().filter(|p| !p.as_os_str().is_empty());
    parent.map_or_else(|| PathBuf::from("templates"), |p| p.join("templates"))
}

/// Where the static folder is looked for by default.
pub fn default_static(guides: &Path) -> PathBuf {
    crate::layout::static_folder(guides)
}

/// Loads, checks, renders and writes the site (see [`crate::write`] for how).
pub fn build(opts: &BuildOptions) -> Result<Built, BuildError> {
    Ok(build_with(opts, false)?.0)
}

/// [`build`], returning statistics; `dry_run` renders without writing.
pub fn build_with(opts: &BuildOptions, dry_run: bool) -> Result<(Built, BuildStats), BuildError> {
    let (project, diags) = crate::trace::stage("load", || crate::load::load(&opts.guides))?;
    let (diagnostics, stats) = {
        let checked = crate::check::check(&project, diags);
        let stats = build_checked(&checked, opts, dry_run)?;
        (checked.diagnostics, stats)
    };
    let files = stats.files;
    let report = Report {
        project,
        diagnostics,
    };
    Ok((Built { report, files }, stats))
}

/// Renders and writes a checked project (the caller printed its findings). With errors,
/// nothing is rendered or written.
pub fn build_checked(
    checked: &Checked<'_>,
    opts: &BuildOptions,
    dry_run: bool,
) -> Result<BuildStats, BuildError> {
    if checked.has_errors() {
        return Ok(BuildStats::default());
    }
    let resolved = &checked.resolved;
    let templates = opts.templates_dir();
    let tera = render::templates(
        Some(&templates)
            .filter(|p| p.is_dir())
            .map(PathBuf::as_path),
    )?;
    let static_dir = opts.static_dir();
    let static_files = statics::list(&static_dir)?;
    let mut fps = fingerprint::fingerprints(resolved, &templates);
    fps.shared = crate::layout::content_hash(
        format!("{:016x}\n{}", fps.shared, statics::stamp(&static_files)).as_bytes(),
    );
    let renderer = crate::trace::stage("prepare", || render::SiteRenderer::new(resolved, &tera))?;
    let before = if dry_run {
        None
    } else {
        Manifest::read(&opts.output)
    };
    // The shared pages list every guide: render them only if a card could differ.
    let reuse_shared = before.as_ref().is_some_and(|m| {
        m.shared == fps.shared && m.shared_files.iter().all(|f| opts.output.join(f).is_file())
    });
    let shared = if reuse_shared {
        None
    } else {
        let mut pages = crate::trace::stage("render shared pages", || renderer.shared_pages())?;
        statics::add(&mut pages, &static_files, &static_dir, resolved)?;
        Some(pages)
    };
    let site = write::Site {
        renderer: &renderer,
        resolved,
        shared,
        manifest: Manifest {
            version: write::manifest::VERSION,
            shared: fps.shared,
            shared_files: Vec::new(),
            guides: fps.guides,
        },
    };
    let stats = crate::trace::stage("render and write", || {
        if dry_run {
            write::measure(&site)
        } else {
            write::write(&opts.output, site, before.as_ref())
        }
    })?;
    Ok(stats)
}
