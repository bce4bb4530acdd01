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
    // (Every screenshot's copy is a shared file: hundreds of thousands of stats on a large
    // site, so on all cores.)
    let reuse_shared = before.as_ref().is_some_and(|m| {
        use rayon::prelude::*;
        m.shared == fps.shared
            && m.shared_files
                .par_iter()
                .all(|f| opts.output.join(f).is_file())
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A 3x2 PNG's signature and header (enough for its pixel size), then `tail`.
    fn png(tail: &[u8]) -> Vec<u8> {
        let mut b = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x03\0\0\0\x02\x08\x02\0\0\0".to_vec();
        b.extend_from_slice(tail);
        b
    }

    /// Two guides, each illustrating its steps with `a.png`, `b.png` (same bytes as `a`)
    /// and `c.png`.
    fn project() -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().join("guides");
        let files: Vec<(&str, Vec<u8>)> = vec![
            (
                "site.yaml",
                b"title: Acme Help\nbase_url: https://help.acme.example/\nplatforms:\n  web:\n".to_vec(),
            ),
            (
                "acme/product.yaml",
                b"name: Acme\nplatforms: [web]\nglossary:\n  one: {role: button, label: One}\n  two: {role: button, label: Two}\n  three: {role: button, label: Three}\n".to_vec(),
            ),
            ("acme/img/a.png", png(b"same")),
            ("acme/img/b.png", png(b"same")),
            ("acme/img/c.png", png(b"other")),
        ];
        for (name, bytes) in files {
            let path = root.join(name);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(path, bytes).expect("write");
        }
        for id in ["first", "second"] {
            let text = format!(
                "title: How to press the {id} buttons\nsummary: Press them.\nsteps:\n  web:\n    - click: one\n      image: {{src: img/a.png, alt: One}}\n    - click: two\n      image: {{src: img/b.png, alt: Two}}\n    - click: three\n      image: {{src: img/c.png, alt: Three}}\n"
            );
            std::fs::write(root.join(format!("acme/{id}.yaml")), text).expect("write");
        }
        dir
    }

    #[test]
    fn a_build_stats_and_reads_each_screenshot_once() {
        let dir = project();
        let opts = BuildOptions {
            guides: dir.path().join("guides"),
            output: dir.path().join("site"),
            templates: None,
            static_dir: None,
        };
        let (project, diags) = crate::load::load(&opts.guides).expect("load");
        let checked = crate::check::check(&project, diags);
        assert!(!checked.has_errors(), "{:?}", checked.diagnostics);
        let stats = build_checked(&checked, &opts, false).expect("build");
        assert!(stats.files > 0);
        let counts = checked.resolved.images.counts();
        // Six references to three files: one stat and one read each, no separate header.
        assert_eq!(
            (counts.stats(), counts.reads(), counts.headers()),
            (3, 3, 0)
        );
        // A rebuild with nothing changed stats them again and reads none.
        let (project, diags) = crate::load::load(&opts.guides).expect("load");
        let again = crate::check::check(&project, diags);
        build_checked(&again, &opts, false).expect("rebuild");
        let counts = again.resolved.images.counts();
        assert_eq!(
            (counts.stats(), counts.reads(), counts.headers()),
            (3, 0, 0)
        );
    }

    #[test]
    fn screenshots_with_the_same_bytes_share_one_copy() {
        let dir = project();
        let opts = BuildOptions {
            guides: dir.path().join("guides"),
            output: dir.path().join("site"),
            templates: None,
            static_dir: None,
        };
        build(&opts).expect("build");
        let media: Vec<String> = std::fs::read_dir(opts.output.join("media"))
            .expect("media folder")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        let name = |tail: &[u8]| format!("{:016x}.png", crate::layout::content_hash(&png(tail)));
        let mut expected = vec![name(b"same"), name(b"other")];
        expected.sort();
        let mut media = media;
        media.sort();
        assert_eq!(media, expected, "a.png and b.png share one copy");
        let page = std::fs::read_to_string(opts.output.join("guides/first.html")).expect("page");
        assert!(page.matches(&format!("media/{}", name(b"same"))).count() >= 2);
        assert!(page.contains(&format!("media/{}", name(b"other"))));
    }
}
