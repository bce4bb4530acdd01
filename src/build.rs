//! `build`: check, render, then write the site atomically.
//!
//! The site is written into a fresh folder next to the output and swapped in with two
//! renames, so a failed or interrupted build leaves the previous site as it was. A marker
//! file tells a Stepwise output folder from anything else; other folders are never replaced.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::check::{Report, check_dir};
use crate::diag::Severity;
use crate::render::{self, Page, RenderError};
use crate::resolve;

/// Name of the marker file written into every output folder. It also lists each guide's
/// input fingerprint, so that a rebuild skips rendering guides whose inputs did not change.
pub const MARKER: &str = ".stepwise-output";

const MARKER_HEADER: &str =
    "# Written by stepwise build: the site's manifest (input fingerprint, guide id).\n";

/// A running FNV-1a hash over several inputs.
struct Fingerprint(u64);

impl Fingerprint {
    fn new() -> Self {
        Fingerprint(0xcbf2_9ce4_8422_2325)
    }

    fn add(&mut self, bytes: &[u8]) -> &mut Self {
        for b in bytes.iter().chain(&[0xff]) {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
        self
    }
}

/// For every guide, a hash of everything its pages are made from: the program and its
/// templates, the site, product and guide files, the titles of related guides and the
/// screenshots it shows. Equal fingerprints mean equal pages.
fn fingerprints(
    project: &crate::model::Project,
    opts: &BuildOptions,
) -> (HashMap<String, u64>, u64) {
    let mut base = Fingerprint::new();
    base.add(env!("CARGO_PKG_VERSION").as_bytes());
    // A rebuilt program may render differently with the same version number.
    if let Ok(exe) = std::env::current_exe() {
        base.add(image_stamp(&exe).as_bytes());
    }
    for (name, text) in render::TEMPLATES.iter().chain(render::ASSETS) {
        base.add(name.as_bytes()).add(text.as_bytes());
    }
    let overrides = opts
        .templates
        .clone()
        .unwrap_or_else(|| default_templates(&opts.guides));
    for (name, _) in render::TEMPLATES {
        if let Ok(text) = std::fs::read(overrides.join(name)) {
            base.add(name.as_bytes()).add(&text);
        }
    }
    if let Some(f) = project.site.file {
        base.add(project.sources.get(f).text.as_bytes());
    }
    let titles: HashMap<&str, &str> = project
        .guides
        .iter()
        .map(|g| (g.id.value.as_str(), g.title.value.as_str()))
        .collect();
    // The shared pages (home, categories, products, sitemap) show each guide's card: its
    // id, title, summary, category, product and platforms.
    let mut shared = Fingerprint(base.0);
    for p in &project.products {
        shared.add(project.sources.get(p.file).text.as_bytes());
    }
    let mut cards: Vec<&crate::model::Guide> = project.guides.iter().collect();
    cards.sort_by(|a, b| a.id.value.cmp(&b.id.value));
    for g in cards {
        shared
            .add(g.id.value.as_bytes())
            .add(g.title.value.as_bytes())
            .add(g.summary.value.as_bytes())
            .add(
                g.category
                    .as_ref()
                    .map_or("", |c| c.value.as_str())
                    .as_bytes(),
            )
            .add(g.product.as_bytes());
        for proc in &g.procedures {
            for p in &proc.platforms {
                shared.add(p.value.as_bytes());
            }
        }
        // Screenshots are copied as shared files, named by their bytes.
        for s in g.written_steps() {
            if let Some(src) = s.image.as_ref().and_then(|i| i.src.as_ref()) {
                shared.add(image_stamp(&project.root.join(&g.product).join(&src.value)).as_bytes());
            }
        }
    }
    let guides = project
        .guides
        .iter()
        .map(|g| {
            let mut h = Fingerprint(base.0);
            if let Some(p) = project.product(&g.product) {
                h.add(project.sources.get(p.file).text.as_bytes());
            }
            h.add(project.sources.get(g.file).text.as_bytes());
            for r in &g.related {
                h.add(titles.get(r.value.as_str()).unwrap_or(&"").as_bytes());
            }
            for s in g.written_steps() {
                if let Some(src) = s.image.as_ref().and_then(|i| i.src.as_ref()) {
                    let path = project.root.join(&g.product).join(&src.value);
                    h.add(src.value.as_bytes())
                        .add(image_stamp(&path).as_bytes());
                }
            }
            (g.id.value.clone(), h.0)
        })
        .collect();
    (guides, shared.0)
}

/// Size and modification time of a screenshot: enough to notice that it changed.
fn image_stamp(path: &Path) -> String {
    std::fs::metadata(path)
        .ok()
        .map(|m| {
            let t = m
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok());
            format!("{}:{:?}", m.len(), t)
        })
        .unwrap_or_default()
}

/// What the previous build wrote: each guide's input fingerprint, the shared pages'
/// fingerprint and their paths.
#[derive(Debug, Default)]
struct Manifest {
    guides: HashMap<String, u64>,
    shared: Option<u64>,
    shared_files: Vec<String>,
}

fn manifest_text(fps: &HashMap<String, u64>, shared: u64, shared_files: &[String]) -> String {
    let mut lines: Vec<String> = fps
        .iter()
        .map(|(id, fp)| format!("{fp:016x} {id}\n"))
        .collect();
    lines.sort_by(|a, b| a[17..].cmp(&b[17..]));
    let mut out = String::from(MARKER_HEADER);
    out.push_str(&format!("shared {shared:016x}\n"));
    let mut files = shared_files.to_vec();
    files.sort();
    for f in files {
        out.push_str(&format!("file {f}\n"));
    }
    out.extend(lines);
    out
}

fn read_manifest(output: &Path) -> Manifest {
    let text = std::fs::read_to_string(output.join(MARKER)).unwrap_or_default();
    let mut m = Manifest::default();
    for l in text.lines().filter(|l| !l.starts_with('#')) {
        if let Some(fp) = l.strip_prefix("shared ") {
            m.shared = u64::from_str_radix(fp, 16).ok();
        } else if let Some(f) = l.strip_prefix("file ") {
            m.shared_files.push(f.to_owned());
        } else if let Some((fp, id)) = l.split_once(' ')
            && let Ok(fp) = u64::from_str_radix(fp, 16)
        {
            m.guides.insert(id.to_owned(), fp);
        }
    }
    m
}

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

/// Renders the site in memory (nothing is written). Used by `serve` and by tests.
pub fn render(opts: &BuildOptions) -> Result<(Report, Vec<Page>), BuildError> {
    let report = check_dir(&opts.guides)?;
    if has_errors(&report) {
        return Ok((report, Vec::new()));
    }
    let tera = load_templates(opts)?;
    let mut diags = Vec::new();
    let pages = {
        let resolved = resolve::resolve(&report.project, &mut diags);
        render::render_site(&resolved, &tera)?
    };
    Ok((report, pages))
}

fn has_errors(report: &Report) -> bool {
    report
        .diagnostics
        .iter()
        .any(|d| d.severity == Severity::Error && d.suppressed.is_none())
}

fn load_templates(opts: &BuildOptions) -> Result<tera::Tera, BuildError> {
    let overrides = opts
        .templates
        .clone()
        .unwrap_or_else(|| default_templates(&opts.guides));
    Ok(render::templates(
        Some(&overrides)
            .filter(|p| p.is_dir())
            .map(PathBuf::as_path),
    )?)
}

/// How a build went.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct BuildStats {
    /// Files the site has.
    pub files: usize,
    /// Files written.
    pub written: usize,
    /// Files already right, left alone.
    pub unchanged: usize,
    /// Files removed because the site no longer has them.
    pub removed: usize,
    /// Bytes of the whole site.
    pub bytes: u64,
}

/// Checks, renders and writes the site.
///
/// Into a new or empty output folder, pages stream into a staging folder beside it that
/// is swapped in at the end. Into an existing site, only files whose bytes changed are
/// written (each through a temporary file and a rename) and files the site no longer has
/// are removed; everything is rendered before the first write, so guides with errors or a
/// broken template leave the site untouched. With `dry_run`, nothing is written at all.
pub fn build(opts: &BuildOptions) -> Result<Built, BuildError> {
    Ok(build_with(opts, false)?.0)
}

/// [`build`], returning statistics; `dry_run` renders without writing.
pub fn build_with(opts: &BuildOptions, dry_run: bool) -> Result<(Built, BuildStats), BuildError> {
    build_checked(check_dir(&opts.guides)?, opts, dry_run)
}

/// Builds from a report that `check` already produced (the caller printed its findings;
/// the source texts are released to keep large builds small).
pub fn build_checked(
    mut report: Report,
    opts: &BuildOptions,
    dry_run: bool,
) -> Result<(Built, BuildStats), BuildError> {
    use rayon::prelude::*;

    if has_errors(&report) {
        return Ok((Built { report, files: 0 }, BuildStats::default()));
    }
    let tera = load_templates(opts)?;
    let (fps, shared_fp) = fingerprints(&report.project, opts);
    report.project.sources.release_texts();
    let mut diags = Vec::new();
    let stats = {
        let resolved = resolve::resolve(&report.project, &mut diags);
        let r = render::SiteRenderer::new(&resolved, &tera)?;
        let output = &opts.output;
        let before = if dry_run {
            Manifest::default()
        } else {
            read_manifest(output)
        };
        // The shared pages list every guide: render them only if a card could differ.
        let reuse_shared = before.shared == Some(shared_fp)
            && before.shared_files.iter().all(|f| output.join(f).is_file());
        let shared = if reuse_shared {
            None
        } else {
            Some(r.shared_pages()?)
        };
        if dry_run {
            let shared = shared.unwrap_or_default();
            let sizes: Vec<u64> = resolved
                .guides
                .par_iter()
                .map(|rg| {
                    Ok(r.guide_pages(rg)?
                        .iter()
                        .map(|p| p.bytes.len() as u64)
                        .sum())
                })
                .collect::<Result<_, RenderError>>()?;
            BuildStats {
                files: shared.len() + 3 * resolved.guides.len(),
                bytes: sizes.iter().sum::<u64>()
                    + shared.iter().map(|p| p.bytes.len() as u64).sum::<u64>(),
                ..BuildStats::default()
            }
        } else if output.join(MARKER).is_file() {
            update_in_place(output, &r, &resolved, shared, &before, (&fps, shared_fp))?
        } else {
            if output.exists() && !is_ours(output) {
                return Err(BuildError::NotOurs(output.to_path_buf()));
            }
            let shared = match shared {
                Some(s) => s,
                None => r.shared_pages()?,
            };
            write_fresh(output, &r, &resolved, shared, (&fps, shared_fp))?
        }
    };
    let files = stats.files;
    Ok((Built { report, files }, stats))
}

/// Streams every page into a staging folder and swaps it in.
fn write_fresh(
    output: &Path,
    r: &render::SiteRenderer<'_>,
    resolved: &resolve::Resolved<'_>,
    shared: Vec<Page>,
    (fps, shared_fp): (&HashMap<String, u64>, u64),
) -> Result<BuildStats, BuildError> {
    use rayon::prelude::*;
    let (staging, old) = staging_paths(output)?;
    let shared_paths: Vec<String> = shared.iter().map(|p| p.path.clone()).collect();
    let shared_files = shared.len();
    let shared_bytes: u64 = shared.iter().map(|p| p.bytes.len() as u64).sum();
    let result = (|| {
        // Written first and freed: the home and list pages of a large site are big.
        write_tree(&staging, &shared)?;
        drop(shared);
        let marker = staging.join(MARKER);
        std::fs::write(&marker, manifest_text(fps, shared_fp, &shared_paths))
            .map_err(io(&marker))?;
        for dir in ["guides", "checklists", "data"] {
            let d = staging.join(dir);
            std::fs::create_dir_all(&d).map_err(io(&d))?;
        }
        let bytes: u64 = resolved
            .guides
            .par_iter()
            .map(|rg| {
                let pages = r.guide_pages(rg)?;
                let mut n = 0;
                for p in &pages {
                    let path = staging.join(&p.path);
                    std::fs::write(&path, &p.bytes).map_err(io(&path))?;
                    n += p.bytes.len() as u64;
                }
                Ok(n)
            })
            .sum::<Result<u64, BuildError>>()?;
        Ok(bytes + shared_bytes)
    })();
    let bytes = match result {
        Ok(b) => b,
        Err(e) => {
            let _ = std::fs::remove_dir_all(&staging);
            return Err(e);
        }
    };
    swap(output, &staging, &old)?;
    let files = shared_files + 3 * resolved.guides.len();
    Ok(BuildStats {
        files,
        written: files,
        bytes,
        ..BuildStats::default()
    })
}

/// True if `path` already holds exactly `bytes` (sizes compared first, to read little).
fn same_bytes(path: &Path, bytes: &[u8]) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.len() == bytes.len() as u64)
        && std::fs::read(path).is_ok_and(|old| old == bytes)
}

/// Renders everything, then writes only the pages whose bytes changed and removes the
/// files the site no longer has.
fn update_in_place(
    output: &Path,
    r: &render::SiteRenderer<'_>,
    resolved: &resolve::Resolved<'_>,
    shared: Option<Vec<Page>>,
    before: &Manifest,
    (fps, shared_fp): (&HashMap<String, u64>, u64),
) -> Result<BuildStats, BuildError> {
    use rayon::prelude::*;
    let changed: Vec<Vec<Page>> = resolved
        .guides
        .par_iter()
        .map(|rg| {
            let id = rg.guide.id.value.as_str();
            // Same inputs as last time, and the pages are still there: nothing to render.
            let same_inputs =
                before.guides.contains_key(id) && before.guides.get(id) == fps.get(id);
            if same_inputs
                && r.guide_page_paths(rg)
                    .iter()
                    .all(|p| output.join(p).is_file())
            {
                return Ok(Vec::new());
            }
            let pages = r.guide_pages(rg)?;
            Ok(pages
                .into_iter()
                .filter(|p| !same_bytes(&output.join(&p.path), &p.bytes))
                .collect())
        })
        .collect::<Result<_, RenderError>>()?;
    let shared_paths: Vec<String> = match &shared {
        Some(pages) => pages.iter().map(|p| p.path.clone()).collect(),
        None => before.shared_files.clone(),
    };
    let mut stats = BuildStats {
        files: shared_paths.len() + 3 * resolved.guides.len(),
        ..BuildStats::default()
    };
    let mut wanted: std::collections::HashSet<PathBuf> =
        r.guide_paths().iter().map(|p| output.join(p)).collect();
    wanted.insert(output.join(MARKER));
    wanted.extend(shared_paths.iter().map(|p| output.join(p)));
    let mut to_write: Vec<Page> = Vec::new();
    for p in shared.into_iter().flatten() {
        if !same_bytes(&output.join(&p.path), &p.bytes) {
            to_write.push(p);
        }
    }
    to_write.extend(changed.into_iter().flatten());
    stats.written = to_write.len();
    stats.unchanged = stats.files - stats.written;
    for p in &to_write {
        let path = output.join(&p.path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(io(parent))?;
        }
        let mut tmp = path.clone().into_os_string();
        tmp.push(".stepwise-tmp");
        let tmp = PathBuf::from(tmp);
        std::fs::write(&tmp, &p.bytes).map_err(io(&tmp))?;
        std::fs::rename(&tmp, &path).map_err(io(&path))?;
    }
    let manifest = manifest_text(fps, shared_fp, &shared_paths);
    if std::fs::read_to_string(output.join(MARKER)).ok().as_deref() != Some(manifest.as_str()) {
        let marker = output.join(MARKER);
        std::fs::write(&marker, manifest).map_err(io(&marker))?;
    }
    // Pages of guides that are gone, found through the previous manifest; the folders of
    // per-guide pages hold tens of thousands of files and are not walked.
    for id in before.guides.keys().filter(|id| !fps.contains_key(*id)) {
        for path in [
            render::view::guide_url(id),
            format!("checklists/{id}.html"),
            format!("data/{id}.json"),
        ] {
            let p = output.join(path);
            if p.is_file() {
                std::fs::remove_file(&p).map_err(io(&p))?;
                stats.removed += 1;
            }
        }
    }
    let per_guide = ["guides", "checklists", "data"].map(|d| output.join(d));
    let mut stack = vec![output.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).map_err(io(&d))?.flatten() {
            let p = e.path();
            if p.is_dir() {
                if !per_guide.contains(&p) || before.guides.is_empty() {
                    stack.push(p);
                }
            } else if !wanted.contains(&p) {
                std::fs::remove_file(&p).map_err(io(&p))?;
                stats.removed += 1;
            }
        }
    }
    Ok(stats)
}

fn staging_paths(output: &Path) -> Result<(PathBuf, PathBuf), BuildError> {
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
    Ok((staging, old))
}

fn swap(output: &Path, staging: &Path, old: &Path) -> Result<(), BuildError> {
    if output.exists() {
        std::fs::rename(output, old).map_err(io(output))?;
    }
    if let Err(e) = std::fs::rename(staging, output) {
        // Put the previous site back.
        let _ = std::fs::rename(old, output);
        return Err(BuildError::Io {
            path: output.to_path_buf(),
            source: e,
        });
    }
    if old.exists() {
        std::fs::remove_dir_all(old).map_err(io(old))?;
    }
    Ok(())
}

fn write_tree(root: &Path, pages: &[Page]) -> Result<(), BuildError> {
    std::fs::create_dir_all(root).map_err(io(root))?;
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
