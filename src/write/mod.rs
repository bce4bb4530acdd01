//! Writing a rendered site to disk, the one place that does: the atomic first build, the
//! in-place rebuild that writes only changed files, stale-file removal and the manifest.
//! `build` and `serve` both write through it.
//!
//! Into a new or empty folder, pages stream into a staging folder beside the output that is
//! swapped in with two renames, so a failed or interrupted build leaves the previous state.
//! Into an existing site (one with a [`manifest`]), everything is rendered before the first
//! write; then only files whose bytes changed are written (each through a temporary file and
//! a rename) and files the site no longer has are removed. A folder that holds anything but
//! a Stepwise site is never replaced.

pub mod manifest;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::layout;
use crate::render::{Body, Page, RenderError, SiteRenderer};
use crate::resolve::ResolvedGuide;
pub use manifest::Manifest;

/// A failure to write the site.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// Rendering a page failed while streaming.
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

/// How a write went.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct WriteStats {
    /// Files the site has.
    pub files: usize,
    /// Files written.
    pub written: usize,
    /// Files already right, left alone.
    pub unchanged: usize,
    /// Files removed because the site no longer has them.
    pub removed: usize,
    /// Bytes of the files rendered (the whole site, on a first build or a dry run).
    pub bytes: u64,
}

/// A rendered site, ready to write: its renderer, the guides to render and the manifest
/// the write leaves behind.
pub struct Site<'a> {
    /// Renders the default tree's pages, whose guides are the site's.
    pub renderer: &'a SiteRenderer<'a>,
    /// The other languages' trees (each renderer knows its folder): their guides' pages
    /// are written guide by guide like the default tree's, under keys such as
    /// `fr/sign-out` in the manifest.
    pub others: &'a [SiteRenderer<'a>],
    /// The shared pages, or `None` if the previous build's are still right.
    pub shared: Option<Vec<Page>>,
    /// Shared files of the previous build that are still right and not in `shared` (when
    /// only the search index was rendered again).
    pub kept_shared: Vec<String>,
    /// Fingerprints of this build's inputs (`shared_files` is filled in by the writer).
    pub manifest: Manifest,
}

/// One guide of one tree, to render and write.
struct Job<'a> {
    renderer: &'a SiteRenderer<'a>,
    rg: &'a ResolvedGuide<'a>,
    /// The tree's folder (empty for the default tree).
    prefix: &'a str,
    /// The guide's key in the manifest ([`layout::guide_key`]).
    key: String,
}

impl<'a> Site<'a> {
    /// Every guide of every tree, the default tree's first.
    fn jobs(&self) -> Vec<Job<'a>> {
        let mut jobs: Vec<Job<'a>> = self
            .renderer
            .guides()
            .iter()
            .map(|rg| Job {
                renderer: self.renderer,
                rg,
                prefix: "",
                key: rg.guide.id.value.clone(),
            })
            .collect();
        for r in self.others {
            let Some(prefix) = r.tree_prefix() else {
                continue;
            };
            jobs.extend(r.guides().iter().map(|rg| Job {
                renderer: r,
                rg,
                prefix,
                key: layout::guide_key(prefix, &rg.guide.id.value),
            }));
        }
        jobs
    }

    /// The trees' folders: the default tree's (empty) and each other language's.
    fn prefixes(&self) -> Vec<&'a str> {
        std::iter::once("")
            .chain(self.others.iter().filter_map(|r| r.tree_prefix()))
            .collect()
    }
}

impl Job<'_> {
    /// The guide's pages, at their paths in the site.
    fn pages(&self) -> Result<Vec<Page>, RenderError> {
        let pages = self.renderer.guide_pages(self.rg)?;
        Ok(pages.into_iter().map(|p| p.under(self.prefix)).collect())
    }
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> WriteError + '_ {
    move |source| WriteError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Writes `site` into `output`: in place if a previous build is there (`before` is its
/// manifest), else into a staging folder swapped in at the end.
pub fn write(
    output: &Path,
    mut site: Site<'_>,
    before: Option<&Manifest>,
) -> Result<WriteStats, WriteError> {
    if output.join(manifest::FILE).is_file() {
        let empty = Manifest::default();
        return update_in_place(output, site, before.unwrap_or(&empty));
    }
    if output.exists() && !is_empty_dir(output) {
        return Err(WriteError::NotOurs(output.to_path_buf()));
    }
    let shared = match site.shared.take() {
        Some(s) => s,
        None => site.renderer.shared_pages()?,
    };
    write_fresh(output, site, shared)
}

/// Renders every page without writing, for `build --dry-run`.
pub fn measure(site: &Site<'_>) -> Result<WriteStats, WriteError> {
    let shared = match &site.shared {
        Some(s) => s.iter().map(|p| p.body.len()).sum(),
        None => 0,
    };
    let jobs = site.jobs();
    let guides: u64 = jobs
        .par_iter()
        .map(|job| Ok(job.pages()?.iter().map(|p| p.body.len()).sum::<u64>()))
        .sum::<Result<u64, RenderError>>()?;
    Ok(WriteStats {
        files: site.shared.as_ref().map_or(0, Vec::len) + layout::FILES_PER_GUIDE * jobs.len(),
        bytes: shared + guides,
        ..WriteStats::default()
    })
}

/// The pages' paths, sorted.
pub fn sorted_paths(pages: &[Page]) -> Vec<String> {
    let mut paths: Vec<String> = pages.iter().map(|p| p.path.clone()).collect();
    paths.sort();
    paths
}

/// Streams every page into a staging folder and swaps it in.
fn write_fresh(output: &Path, site: Site<'_>, shared: Vec<Page>) -> Result<WriteStats, WriteError> {
    let (staging, old) = staging_paths(output)?;
    let (jobs, prefixes) = (site.jobs(), site.prefixes());
    let mut manifest = site.manifest;
    manifest.shared_files = sorted_paths(&shared);
    let shared_files = shared.len();
    let shared_bytes: u64 = shared.iter().map(|p| p.body.len()).sum();
    let result = (|| {
        // Written first and freed: the home and list pages of a large site are big.
        write_tree(&staging, &shared)?;
        drop(shared);
        let marker = staging.join(manifest::FILE);
        std::fs::write(&marker, manifest.to_bytes()).map_err(io(&marker))?;
        for prefix in &prefixes {
            for dir in layout::GUIDE_FOLDERS {
                let d = staging.join(format!("{prefix}{dir}"));
                std::fs::create_dir_all(&d).map_err(io(&d))?;
            }
        }
        let bytes: u64 = jobs
            .par_iter()
            .map(|job| {
                let mut n = 0;
                for p in &job.pages()? {
                    let path = staging.join(&p.path);
                    write_body(&path, &p.body)?;
                    n += p.body.len();
                }
                Ok(n)
            })
            .sum::<Result<u64, WriteError>>()?;
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
    let files = shared_files + layout::FILES_PER_GUIDE * jobs.len();
    Ok(WriteStats {
        files,
        written: files,
        bytes,
        ..WriteStats::default()
    })
}

/// True if `path` already holds exactly `bytes` (sizes compared first, to read little).
fn same_bytes(path: &Path, bytes: &[u8]) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.len() == bytes.len() as u64)
        && std::fs::read(path).is_ok_and(|old| old == bytes)
}

/// True if `path` already holds `body`. A screenshot's copy is named by a hash of its
/// bytes: a file of that name and size is that copy, and is not read.
fn same_body(path: &Path, body: &Body) -> bool {
    match body {
        Body::Bytes(bytes) => same_bytes(path, bytes),
        Body::Media { len, .. } => std::fs::metadata(path).is_ok_and(|m| m.len() == *len),
    }
}

/// Writes `body` at `path`: the bytes, or a copy of the screenshot (`std::fs::copy`, which
/// lets the kernel copy, or share the blocks where the file system can).
fn write_body(path: &Path, body: &Body) -> Result<(), WriteError> {
    match body {
        Body::Bytes(bytes) => std::fs::write(path, bytes).map_err(io(path)),
        Body::Media { from, .. } => std::fs::copy(from, path).map(drop).map_err(io(path)),
    }
}

/// The pages of one guide whose bytes differ from the files in `output`; none at all,
/// without rendering, when its inputs are the same as last time and its files are there.
fn changed_pages(
    output: &Path,
    site: &Site<'_>,
    before: &Manifest,
    job: &Job<'_>,
) -> Result<Vec<Page>, RenderError> {
    let key = job.key.as_str();
    let same_inputs = before
        .guides
        .get(key)
        .is_some_and(|fp| site.manifest.guides.get(key) == Some(fp));
    if same_inputs
        && layout::guide_files(key)
            .iter()
            .all(|p| output.join(p).is_file())
    {
        return Ok(Vec::new());
    }
    Ok(job
        .pages()?
        .into_iter()
        .filter(|p| !same_body(&output.join(&p.path), &p.body))
        .collect())
}

/// Renders everything, then writes only the pages whose bytes changed and removes the
/// files the site no longer has.
fn update_in_place(
    output: &Path,
    mut site: Site<'_>,
    before: &Manifest,
) -> Result<WriteStats, WriteError> {
    let jobs = site.jobs();
    let changed: Vec<Vec<Page>> = jobs
        .par_iter()
        .map(|job| changed_pages(output, &site, before, job))
        .collect::<Result<_, RenderError>>()?;
    let shared = site.shared.take();
    let mut manifest = std::mem::take(&mut site.manifest);
    manifest.shared_files = match &shared {
        Some(pages) => {
            let mut files = sorted_paths(pages);
            files.extend(site.kept_shared.iter().cloned());
            files.sort();
            files.dedup();
            files
        }
        None => before.shared_files.clone(),
    };
    let mut stats = WriteStats {
        files: manifest.shared_files.len() + layout::FILES_PER_GUIDE * jobs.len(),
        ..WriteStats::default()
    };
    let mut to_write: Vec<Page> = shared
        .into_iter()
        .flatten()
        .filter(|p| !same_body(&output.join(&p.path), &p.body))
        .collect();
    let shared_writes = !to_write.is_empty();
    let rewritten: Vec<&str> = jobs
        .iter()
        .zip(&changed)
        .filter(|(_, pages)| !pages.is_empty())
        .map(|(job, _)| job.key.as_str())
        .collect();
    to_write.extend(changed.into_iter().flatten());
    stats.written = to_write.len();
    stats.unchanged = stats.files - stats.written;
    stats.bytes = to_write.iter().map(|p| p.body.len()).sum();
    if !to_write.is_empty() {
        // Until the new manifest is written, the folder matches neither the old inputs nor
        // the new ones: an interrupted build must leave a record that trusts nothing it was
        // replacing (fingerprint 0 matches no input).
        let mut partial = Manifest {
            inputs: None,
            ..before.clone()
        };
        if shared_writes {
            (partial.shared, partial.cards) = (0, 0);
        }
        for id in rewritten {
            partial.guides.insert(id.to_owned(), 0);
        }
        let marker = output.join(manifest::FILE);
        std::fs::write(&marker, partial.to_bytes()).map_err(io(&marker))?;
    }
    for p in &to_write {
        replace_file(&output.join(&p.path), &p.body)?;
    }
    stats.removed = remove_stale(output, &site.prefixes(), &manifest, before)?;
    // Last: the record of the inputs holds once every file is in place.
    let bytes = manifest.to_bytes();
    let marker = output.join(manifest::FILE);
    if !same_bytes(&marker, &bytes) {
        std::fs::write(&marker, bytes).map_err(io(&marker))?;
    }
    Ok(stats)
}

/// Writes one file through a temporary file and a rename, so readers never see half of it.
fn replace_file(path: &Path, body: &Body) -> Result<(), WriteError> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(io(parent))?;
    }
    let mut tmp = path.to_path_buf().into_os_string();
    tmp.push(".stepwise-tmp");
    let tmp = PathBuf::from(tmp);
    write_body(&tmp, body)?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        io(path)(e)
    })
}

/// Removes the files the site no longer has: pages of guides the previous manifest lists
/// and this build does not, and anything else outside the per-guide folders (those hold tens
/// of thousands of files and are walked only when there is no previous manifest to go by).
fn remove_stale(
    output: &Path,
    prefixes: &[&str],
    now: &Manifest,
    before: &Manifest,
) -> Result<usize, WriteError> {
    let mut removed = 0;
    for id in before
        .guides
        .keys()
        .filter(|id| !now.guides.contains_key(*id))
    {
        for path in layout::guide_files(id) {
            let p = output.join(path);
            if p.is_file() {
                std::fs::remove_file(&p).map_err(io(&p))?;
                removed += 1;
            }
        }
    }
    // Paths relative to the output, `/`-separated as the site's paths are; entries' types
    // come from the directory listing, so a site of hundreds of thousands of screenshots
    // is walked without a stat per file.
    let guide_files: Vec<String> = now
        .guides
        .keys()
        .flat_map(|k| layout::guide_files(k))
        .collect();
    // The trees' per-guide folders, of this build and the previous one.
    let per_guide: HashSet<String> = prefixes
        .iter()
        .map(|p| (*p).to_owned())
        .chain(
            before
                .guides
                .keys()
                .filter_map(|k| Some(k[..=k.rfind('/')?].to_owned())),
        )
        .flat_map(|p| layout::GUIDE_FOLDERS.map(|d| format!("{p}{d}")))
        .collect();
    let mut wanted: HashSet<&str> = guide_files.iter().map(String::as_str).collect();
    wanted.insert(manifest::FILE);
    wanted.extend(now.shared_files.iter().map(String::as_str));
    let mut stack = vec![String::new()];
    while let Some(rel) = stack.pop() {
        let d = output.join(&rel);
        for e in std::fs::read_dir(&d).map_err(io(&d))?.flatten() {
            let Ok(name) = e.file_name().into_string() else {
                // Not a name the site writes: a file is removed, a folder left alone.
                let p = e.path();
                if p.is_file() {
                    std::fs::remove_file(&p).map_err(io(&p))?;
                    removed += 1;
                }
                continue;
            };
            let path = if rel.is_empty() {
                name
            } else {
                format!("{rel}/{name}")
            };
            let is_dir = match e.file_type() {
                Ok(t) if t.is_symlink() => output.join(&path).is_dir(),
                Ok(t) => t.is_dir(),
                Err(_) => output.join(&path).is_dir(),
            };
            if is_dir {
                if !per_guide.contains(&path) || before.guides.is_empty() {
                    stack.push(path);
                }
            } else if !wanted.contains(path.as_str()) {
                let p = output.join(&path);
                std::fs::remove_file(&p).map_err(io(&p))?;
                removed += 1;
            }
        }
    }
    Ok(removed)
}

fn staging_paths(output: &Path) -> Result<(PathBuf, PathBuf), WriteError> {
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

fn swap(output: &Path, staging: &Path, old: &Path) -> Result<(), WriteError> {
    if output.exists() {
        std::fs::rename(output, old).map_err(io(output))?;
    }
    if let Err(e) = std::fs::rename(staging, output) {
        // Put the previous site back.
        let _ = std::fs::rename(old, output);
        return Err(WriteError::Io {
            path: output.to_path_buf(),
            source: e,
        });
    }
    if old.exists() {
        std::fs::remove_dir_all(old).map_err(io(old))?;
    }
    Ok(())
}

fn write_tree(root: &Path, pages: &[Page]) -> Result<(), WriteError> {
    std::fs::create_dir_all(root).map_err(io(root))?;
    let mut dirs: HashSet<PathBuf> = HashSet::new();
    for page in pages {
        let path = root.join(&page.path);
        if let Some(dir) = path.parent()
            && !dirs.contains(dir)
        {
            std::fs::create_dir_all(dir).map_err(io(dir))?;
            dirs.insert(dir.to_path_buf());
        }
        write_body(&path, &page.body)?;
    }
    Ok(())
}

fn is_empty_dir(path: &Path) -> bool {
    std::fs::read_dir(path).is_ok_and(|mut d| d.next().is_none())
}
