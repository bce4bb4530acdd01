//! `build`: check, render, then write the site atomically.
//!
//! The site is written into a fresh folder next to the output and swapped in with two
//! renames, so a failed or interrupted build leaves the previous site as it was. A marker
//! file tells a Stepwise output folder from anything else; other folders are never replaced.

use std::path::{Path, PathBuf};

use crate::check::{Report, check_dir};
use crate::diag::Severity;
use crate::render::{self, Page, RenderError};
use crate::resolve;

/// Name of the marker file written into every output folder.
pub const MARKER: &str = ".stepwise-output";

/// What to build.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The guides folder.
    pub guides: PathBuf,
    /// Where the site goes.
    pub output: PathBuf,
    /// Template overrides (`None`: `templates/` beside the guides folder, if present).
    pub templates: Option<PathBuf>,
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
    /// The output folder holds something that is not a Stepwise site.
    #[error(
        "`{0}` exists and was not written by stepwise build; choose another folder with --output or remove it"
    )]
    NotOurs(PathBuf),
    /// Writing failed.
    #[error("cannot write `{path}`: {source}")]
    Io {
        /// What was being written.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
}

/// The result of a build.
#[derive(Debug)]
pub struct Built {
    /// The check report (errors mean nothing was written).
    pub report: Report,
    /// Number of files written (0 if the guides had errors).
    pub files: usize,
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> BuildError + '_ {
    move |source| BuildError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Where template overrides are looked for by default.
pub fn default_templates(guides: &Path) -> PathBuf {
    let parent = guides.parent().filter(|p| !p.as_os_str().is_empty());
    parent.map_or_else(|| PathBuf::from("templates"), |p| p.join("templates"))
}

/// Renders the site in memory (nothing is written).
pub fn render(opts: &BuildOptions) -> Result<(Report, Vec<Page>), BuildError> {
    let report = check_dir(&opts.guides)?;
    if report
        .diagnostics
        .iter()
        .any(|d| d.severity == Severity::Error)
    {
        return Ok((report, Vec::new()));
    }
    let overrides = opts
        .templates
        .clone()
        .unwrap_or_else(|| default_templates(&opts.guides));
    let tera = render::templates(
        Some(&overrides)
            .filter(|p| p.is_dir())
            .map(PathBuf::as_path),
    )?;
    let mut diags = Vec::new();
    let pages = {
        let resolved = resolve::resolve(&report.project, &mut diags);
        render::render_site(&resolved, &tera)?
    };
    Ok((report, pages))
}

/// Checks, renders and writes the site.
pub fn build(opts: &BuildOptions) -> Result<Built, BuildError> {
    let (report, pages) = render(opts)?;
    if pages.is_empty() {
        return Ok(Built { report, files: 0 });
    }
    write_atomically(&opts.output, &pages)?;
    Ok(Built {
        report,
        files: pages.len(),
    })
}

/// Writes `pages` into a new folder beside `output`, then swaps it in.
pub fn write_atomically(output: &Path, pages: &[Page]) -> Result<(), BuildError> {
    if output.exists() && !is_ours(output) {
        return Err(BuildError::NotOurs(output.to_path_buf()));
    }
    let parent = output
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent).map_err(io(parent))?;
    let name = output
        .file_name()
        .map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
    let staging = parent.join(format!(".{name}.stepwise-new"));
    let old = parent.join(format!(".{name}.stepwise-old"));
    for leftover in [&staging, &old] {
        if leftover.exists() {
            std::fs::remove_dir_all(leftover).map_err(io(leftover))?;
        }
    }
    let result = write_tree(&staging, pages);
    if let Err(e) = result {
        let _ = std::fs::remove_dir_all(&staging);
        return Err(e);
    }
    if output.exists() {
        std::fs::rename(output, &old).map_err(io(output))?;
    }
    if let Err(e) = std::fs::rename(&staging, output) {
        // Put the previous site back.
        let _ = std::fs::rename(&old, output);
        return Err(BuildError::Io {
            path: output.to_path_buf(),
            source: e,
        });
    }
    if old.exists() {
        std::fs::remove_dir_all(&old).map_err(io(&old))?;
    }
    Ok(())
}

fn write_tree(root: &Path, pages: &[Page]) -> Result<(), BuildError> {
    std::fs::create_dir_all(root).map_err(io(root))?;
    std::fs::write(
        root.join(MARKER),
        b"Written by stepwise build; replaced on every build.\n",
    )
    .map_err(io(root))?;
    let mut dirs: Vec<PathBuf> = Vec::new();
    for page in pages {
        let path = root.join(&page.path);
        if let Some(dir) = path.parent()
            && !dirs.iter().any(|d| d == dir)
        {
            std::fs::create_dir_all(dir).map_err(io(dir))?;
            dirs.push(dir.to_path_buf());
        }
        std::fs::write(&path, &page.bytes).map_err(io(&path))?;
    }
    Ok(())
}

fn is_ours(output: &Path) -> bool {
    output.join(MARKER).is_file() || std::fs::read_dir(output).is_ok_and(|mut d| d.next().is_none())
}

/// What [`sync`] did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct SyncStats {
    /// Files written (new or changed).
    pub written: usize,
    /// Files left alone because their bytes were already right.
    pub unchanged: usize,
    /// Files removed because the site no longer has them.
    pub removed: usize,
}

/// Makes `dir` hold exactly `pages`, writing only files whose bytes differ. Used by `serve`,
/// where a rebuild after one edit should touch one or two files.
pub fn sync(dir: &Path, pages: &[Page]) -> Result<SyncStats, BuildError> {
    let mut stats = SyncStats::default();
    let mut wanted = std::collections::HashSet::new();
    for page in pages {
        let path = dir.join(&page.path);
        wanted.insert(path.clone());
        if std::fs::read(&path).is_ok_and(|old| old == page.bytes) {
            stats.unchanged += 1;
            continue;
        }
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(io(parent))?;
        }
        std::fs::write(&path, &page.bytes).map_err(io(&path))?;
        stats.written += 1;
    }
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if !wanted.contains(&p) {
                std::fs::remove_file(&p).map_err(io(&p))?;
                stats.removed += 1;
            }
        }
    }
    Ok(stats)
}
