//! `build`: check, render, then write the site.
//!
//! One pass: load -> resolve and check ([`crate::check::check`]) -> render
//! ([`crate::render`]) -> write ([`crate::write`]). Rendering never starts from guides with
//! errors; a rebuild renders only the guides whose input fingerprints
//! ([`fingerprint`]) differ from the previous build's manifest, and a rebuild whose input
//! files all look as the manifest recorded them reads no guide at all ([`inputs`]).

mod fingerprint;
pub mod inputs;
mod languages;
mod options;
mod statics;

pub use options::{BuildError, BuildOptions, default_static, default_templates};
pub use statics::StaticError;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::check::{Checked, Report};
use crate::render;
use crate::write::{self, Manifest};

pub use crate::write::WriteStats as BuildStats;

/// The result of a build.
#[derive(Debug)]
pub struct Built {
    /// The check report (errors mean nothing was written).
    pub report: Report,
    /// Number of files the site has (0 if the guides had errors).
    pub files: usize,
}

/// The shared pages a build renders, and what it keeps of the previous build's.
struct SharedPlan {
    /// The pages rendered (`None`: the previous ones are all still right).
    pages: Option<Vec<render::Page>>,
    /// The search index's files, sorted.
    index_files: Vec<String>,
    /// Shared files of the previous build kept as they are.
    kept: Vec<String>,
}

/// The shared pages list every guide: they are rendered only if a card could differ, and
/// only the search index if only the guides' words could. `fingerprints` are the shared
/// pages' and the cards', and every tree's guides' by key.
fn plan_shared(
    (renderer, others): (&render::SiteRenderer<'_>, &[render::SiteRenderer<'_>]),
    before: Option<&Manifest>,
    output: &Path,
    (shared, cards, guides): (u64, u64, &BTreeMap<String, u64>),
    (static_files, static_dir): (&[statics::StaticFile], &Path),
) -> Result<SharedPlan, BuildError> {
    // Every screenshot's copy is a shared file: hundreds of thousands of stats on a large
    // site, so on all cores.
    let there = |m: &Manifest| {
        use rayon::prelude::*;
        m.shared_files.par_iter().all(|f| output.join(f).is_file())
    };
    match before {
        Some(m) if m.shared == shared && there(m) => Ok(SharedPlan {
            pages: None,
            index_files: m.index_files.clone(),
            kept: Vec::new(),
        }),
        Some(m) if m.cards != 0 && m.cards == cards && there(m) => {
            let index = crate::trace::stage("render shared pages", || {
                let mut index = renderer.search_index_pages();
                index.extend(languages::index_pages(others));
                index
            });
            let kept = m
                .shared_files
                .iter()
                .filter(|f| m.index_files.binary_search(f).is_err())
                .cloned()
                .collect();
            Ok(SharedPlan {
                index_files: write::sorted_paths(&index),
                pages: Some(index),
                kept,
            })
        }
        _ => {
            let (mut pages, index) =
                crate::trace::stage("render shared pages", || renderer.shared_pages_and_index())?;
            let mut index_files = write::sorted_paths(&index);
            pages.extend(index);
            let (other_pages, other_index) =
                crate::trace::stage("render other languages", || languages::pages(others))?;
            pages.extend(other_pages);
            index_files.extend(other_index);
            index_files.sort();
            statics::add(&mut pages, static_files, static_dir, guides.keys())?;
            Ok(SharedPlan {
                pages: Some(pages),
                index_files,
                kept: Vec::new(),
            })
        }
    }
}

/// Fingerprint of everything the shared pages but the search index are made from: what
/// every page depends on, the product files, the static folder, every screenshot's probe
/// and every guide's card as the lists, the home page and the sitemap show it.
fn cards_fingerprint(
    resolved: &crate::resolve::Resolved<'_>,
    templates: &Path,
    statics: &str,
) -> u64 {
    let project = resolved.project;
    let base = fingerprint::base_hash(project, templates);
    let mut text = format!("{base:016x}\n{statics}\n").into_bytes();
    for p in &project.products {
        text.extend_from_slice(project.sources.get(p.file).text.as_bytes());
        text.push(0xff);
    }
    for path in resolved.images.paths() {
        if let Some(file) = resolved.images.get(path) {
            text.extend_from_slice(path.as_os_str().as_encoded_bytes());
            text.push(0);
            text.extend(fingerprint::image_stamp(Some(file)));
            text.push(0xff);
        }
    }
    use rayon::prelude::*;
    let mut cards: Vec<render::view::GuideCard> =
        resolved.guides.par_iter().map(render::view::card).collect();
    cards.sort_by(|a, b| a.id.cmp(&b.id));
    text.extend(serde_json::to_vec(&cards).unwrap_or_default());
    crate::layout::content_hash(&text)
}

/// Loads, checks, renders and writes the site (see [`crate::write`] for how).
pub fn build(opts: &BuildOptions) -> Result<Built, BuildError> {
    Ok(build_with(opts, false)?.0)
}

/// How a build treats the site already in the output folder.
#[derive(Debug, Default)]
pub struct Rebuild {
    /// The input files as listed before loading, recorded in the manifest so that the next
    /// build can tell whether anything changed (`None`: not recorded).
    pub scan: Option<inputs::Scan>,
    /// Render every page again, whatever the previous build's manifest says (files whose
    /// bytes are the same are still left alone).
    pub force: bool,
    /// The findings as printed, kept in the manifest to be printed again by a rebuild with
    /// nothing changed.
    pub report: Option<crate::write::manifest::StoredReport>,
}

/// [`build`], returning statistics; `dry_run` renders without writing.
///
/// The manifest it writes records no inputs (`serve` rebuilds after every change it sees
/// and has no use for them), so the next `stepwise build` reads everything.
pub fn build_with(opts: &BuildOptions, dry_run: bool) -> Result<(Built, BuildStats), BuildError> {
    let (project, diags) = crate::trace::stage("load", || crate::load::load(&opts.guides))?;
    let (diagnostics, stats) = {
        let checked = crate::check::check(&project, diags);
        let stats = build_checked_with(&checked, opts, dry_run, Rebuild::default())?;
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
    build_checked_with(checked, opts, dry_run, Rebuild::default())
}

/// [`build_checked`], recording the inputs in the manifest or ignoring the previous one as
/// `rebuild` says.
pub fn build_checked_with(
    checked: &Checked<'_>,
    opts: &BuildOptions,
    dry_run: bool,
    rebuild: Rebuild,
) -> Result<BuildStats, BuildError> {
    if checked.has_errors() {
        return Ok(BuildStats::default());
    }
    let resolved = &checked.resolved;
    let templates = opts.templates_dir();
    let locales = std::sync::Arc::new(crate::locale::Locales::with_site(&resolved.project.locales));
    let tera = render::templates_with(
        Some(&templates)
            .filter(|p| p.is_dir())
            .map(PathBuf::as_path),
        locales,
    )?;
    let static_dir = opts.static_dir();
    let static_files = statics::list(&static_dir)?;
    let mut fps = crate::trace::stage("fingerprints", || {
        fingerprint::fingerprints(resolved, &templates)
    });
    fps.shared = crate::layout::content_hash(
        format!("{:016x}\n{}", fps.shared, statics::stamp(&static_files)).as_bytes(),
    );
    let mut cards = crate::trace::stage("cards fingerprint", || {
        cards_fingerprint(resolved, &templates, &statics::stamp(&static_files))
    });
    languages::fingerprint(checked, &mut fps, &mut cards);
    let mut renderer =
        crate::trace::stage("prepare", || render::SiteRenderer::new(resolved, &tera))?;
    let others = languages::renderers(checked, &tera, &mut renderer)?;
    let before = if dry_run {
        None
    } else if rebuild.force {
        // A manifest that matches nothing: every guide and shared page is rendered.
        Manifest::read(&opts.output).map(|m| Manifest {
            shared: !fps.shared,
            cards: !cards,
            guides: m
                .guides
                .keys()
                .map(|id| (id.clone(), fps.guides.get(id).map_or(0, |fp| !fp)))
                .collect(),
            ..m
        })
    } else {
        Manifest::read(&opts.output)
    };
    let plan = crate::trace::stage("plan shared pages", || {
        plan_shared(
            (&renderer, &others),
            before.as_ref(),
            &opts.output,
            (fps.shared, cards, &fps.guides),
            (&static_files, &static_dir),
        )
    })?;
    let (shared, index_files, kept_shared) = (plan.pages, plan.index_files, plan.kept);
    crate::trace::count("shared pages rendered", shared.as_ref().map_or(0, Vec::len));
    let site = write::Site {
        renderer: &renderer,
        others: &others,
        shared,
        kept_shared,
        manifest: Manifest {
            version: write::manifest::VERSION,
            shared: fps.shared,
            shared_files: Vec::new(),
            cards,
            index_files,
            guides: fps.guides,
            inputs: rebuild.scan.map(|scan| {
                let mut inputs = inputs::record(scan, opts, resolved, checked.diagnostics.len());
                inputs.report = rebuild.report;
                inputs
            }),
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
    /// Options that build `dir`'s guides into `dir/site`.
    fn options(dir: &tempfile::TempDir) -> BuildOptions {
        BuildOptions {
            guides: dir.path().join("guides"),
            output: dir.path().join("site"),
            templates: None,
            static_dir: None,
        }
    }

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
        let opts = options(&dir);
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
        let opts = options(&dir);
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
