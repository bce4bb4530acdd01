//! Telling, without reading a single guide, that a rebuild has nothing to do.
//!
//! A build records in its manifest ([`Inputs`]) every file it read: the files found by
//! listing the guides folder (site file, product files, guides), the template overrides
//! and the static folder, each with its size, modification time and a hash of its text;
//! the files the guides name (screenshots, logo, favicon) with their size and
//! modification time; and a fingerprint of what is not a file (the program, the folders
//! given, the git history when dates come from it, today's date when a rule uses it).
//!
//! The next build lists the same folders and compares before loading anything. When the
//! same files are there with the same size and modification time (or, for a file whose
//! time changed, the same text), the same program is building from the same folders and
//! every file it wrote is still there, the site is already what a full build would write
//! and its findings are the previous build's: nothing is parsed, rendered or written, and
//! the previous report, kept in the manifest, is printed again.
//! Anything else, however small, falls back to the full build, which itself renders only
//! the guides whose fingerprints changed ([`super::fingerprint`]).

use std::collections::{HashMap, HashSet};
use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, UNIX_EPOCH};

use rayon::prelude::*;

use super::options::{BuildError, BuildOptions};
use super::statics;
use crate::layout;
use crate::resolve::{Resolved, image_path};
use crate::write::Manifest;
use crate::write::manifest::{self, InputFile, Inputs};

/// What listing the input folders found, taken before anything is read (so that a file
/// changed while the build reads it is seen as changed by the next build).
#[derive(Debug)]
pub struct Scan {
    listed: Vec<InputFile>,
    /// When the listing started, in nanoseconds since the Unix epoch.
    started_ns: u64,
}

/// A file modified less than this long before a build read it may be modified again with
/// the same size and time stamp (file systems keep times at a coarse granularity): its
/// text is compared instead.
const RACY_NS: u64 = 2_000_000_000;

/// Whether a file's record cannot be trusted by its time stamp alone: it was saved less
/// than [`RACY_NS`] before `since` (when its build listed it, or wrote its manifest).
fn racy(f: &InputFile, since: u64) -> bool {
    f.size.is_some() && f.mtime_ns.saturating_add(RACY_NS) >= since
}

fn now_ns() -> u64 {
    std::time::SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, nanos)
}

/// Lists and stats the guides folder, the template overrides and the static folder.
pub fn scan(opts: &BuildOptions) -> Result<Scan, BuildError> {
    let started_ns = now_ns();
    let mut paths = crate::load::input_files(&opts.guides)?;
    // The site's locale files: a changed one changes every page.
    let locales = opts.guides.join(crate::locale::SITE_FOLDER);
    if let Ok(entries) = std::fs::read_dir(&locales) {
        let mut files: Vec<_> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
            .collect();
        files.sort();
        paths.extend(files);
    }
    let templates = opts.templates_dir();
    paths.extend(
        crate::render::TEMPLATES
            .iter()
            .map(|(name, _)| templates.join(name)),
    );
    let mut statics = statics::paths(&statics::list(&opts.static_dir())?);
    statics.sort();
    paths.extend(statics);
    Ok(Scan {
        listed: paths.par_iter().map(|p| stat(p)).collect(),
        started_ns,
    })
}

fn nanos(d: Duration) -> u64 {
    u64::try_from(d.as_nanos()).unwrap_or(u64::MAX)
}

/// A file's size and modification time (no hash).
fn stat(path: &Path) -> InputFile {
    let meta = std::fs::metadata(path).ok().filter(|m| m.is_file());
    InputFile {
        path: path.to_string_lossy().into_owned(),
        size: meta.as_ref().map(std::fs::Metadata::len),
        mtime_ns: meta
            .and_then(|m| m.modified().ok())
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map_or(0, nanos),
        hash: String::new(),
    }
}

/// The hash recorded for a file's text, as loading reads it (a byte-order mark left out).
fn text_hash(text: &[u8]) -> String {
    let text = text.strip_prefix(b"\xef\xbb\xbf").unwrap_or(text);
    format!("{:016x}", layout::content_hash(text))
}

/// The hash of a file's bytes as [`text_hash`] makes it, if it is still as `f` records it
/// (empty otherwise, so that the next build reads everything).
fn hash_file(f: &InputFile) -> String {
    let path = Path::new(&f.path);
    match std::fs::read(path) {
        Ok(bytes) if stat(path) == *f => text_hash(&bytes),
        _ => String::new(),
    }
}

/// The last commit of the guides' repository (empty outside one): dates come from the
/// history, so a new commit can change pages without changing a file.
fn git_head(root: &Path) -> String {
    let dir = if root.as_os_str().is_empty() {
        Path::new(".")
    } else {
        root
    };
    Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["rev-parse", "HEAD"])
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .unwrap_or_default()
}

/// Whether a rule in effect depends on today's date.
fn dated(resolved: &Resolved<'_>) -> bool {
    resolved
        .project
        .site
        .rules
        .iter()
        .any(|r| r.rule.value == "stale-review")
}

/// Today (UTC), as a day number.
fn today() -> String {
    let env = std::env::var("STEPWISE_TODAY").unwrap_or_default();
    let days = jiff::Timestamp::now().as_second().div_euclid(86_400);
    format!("{env}/{days}")
}

/// Fingerprint of what a build depends on besides its files.
fn context(opts: &BuildOptions, git: bool, dated: bool) -> u64 {
    // Relative paths are read from the working folder.
    let cwd = std::env::current_dir().unwrap_or_default();
    let mut text = format!(
        "{}\n{}\n{}\n{}\n{}\n",
        env!("CARGO_PKG_VERSION"),
        cwd.display(),
        opts.guides.display(),
        opts.templates_dir().display(),
        opts.static_dir().display(),
    );
    // A rebuilt program may render differently with the same version number.
    if let Ok(exe) = std::env::current_exe() {
        let meta = std::fs::metadata(exe).ok();
        let stamp = meta.map(|m| format!("{}:{:?}", m.len(), m.modified().ok()));
        text.push_str(&stamp.unwrap_or_default());
    }
    text.push('\n');
    if git {
        text.push_str(&git_head(&opts.guides));
    }
    text.push('\n');
    if dated {
        text.push_str(&today());
    }
    layout::content_hash(text.as_bytes())
}

/// What this build read, for its manifest: the scan (hashes added from the texts loaded),
/// the files the guides name, the context and the number of findings.
pub(super) fn record(
    scan: Scan,
    opts: &BuildOptions,
    resolved: &Resolved<'_>,
    findings: usize,
) -> Inputs {
    let project = resolved.project;
    let texts: HashMap<&Path, &str> = (0..project.sources.len())
        .map(|i| {
            let f = project.sources.get(crate::source::FileId(i as u32));
            (f.path.as_path(), f.text.as_str())
        })
        .collect();
    let scanned_ns = scan.started_ns;
    let listed = scan
        .listed
        .into_par_iter()
        .map(|mut f| {
            if let Some(text) = texts.get(Path::new(&f.path)) {
                f.hash = text_hash(text.as_bytes());
            } else if racy(&f, scanned_ns) {
                f.hash = hash_file(&f);
            }
            f
        })
        .collect();
    let mut named: Vec<PathBuf> = project
        .guides
        .iter()
        .flat_map(|g| {
            g.written_steps()
                .into_iter()
                .filter_map(|s| s.image.as_ref()?.src.as_ref())
                .filter_map(|src| image_path(g, &src.value).ok())
        })
        .collect();
    let brand = &project.site.brand;
    named.extend(
        [&brand.logo, &brand.favicon]
            .into_iter()
            .flatten()
            .map(|f| PathBuf::from(&f.value)),
    );
    named.sort();
    named.dedup();
    let named = named
        .par_iter()
        .map(|rel| {
            let mut f = match resolved.image(rel) {
                Some(probe) => InputFile {
                    path: project.root.join(rel).to_string_lossy().into_owned(),
                    size: Some(probe.len),
                    mtime_ns: probe.modified.map_or(0, nanos),
                    hash: String::new(),
                },
                None => stat(&project.root.join(rel)),
            };
            if racy(&f, scanned_ns) {
                f.hash = hash_file(&f);
            }
            f
        })
        .collect();
    let git = project.site.updated == crate::model::Updated::ReviewedOrGit;
    let dated = dated(resolved);
    Inputs {
        context: context(opts, git, dated),
        guides: project.guides.len(),
        findings,
        report: None,
        git,
        dated,
        listed,
        named,
    }
}

/// What a rebuild found: nothing to do, or the previous build's inputs no longer hold.
#[derive(Debug)]
pub enum Unchanged {
    /// Every input is as the previous build read it; `touched` files had only their
    /// modification time changed (the manifest is updated with their new times).
    Yes {
        /// The previous build's record, with the new times.
        manifest: Box<Manifest>,
        /// How many files were touched without a change of text.
        touched: usize,
    },
    /// Something differs: build.
    No,
}

/// Compares `scan` with the manifest of the site in `opts.output`. A site whose build
/// reported findings counts as unchanged only if that build's report was recorded in
/// `format` with `color` (so that it can be printed again as it was).
pub fn unchanged(opts: &BuildOptions, scan: &Scan, format: &str, color: bool) -> Unchanged {
    let read = crate::trace::stage("read manifest", || Manifest::read(&opts.output));
    let Some(mut before) = read else {
        return Unchanged::No;
    };
    let Some(inputs) = before.inputs.as_mut() else {
        return Unchanged::No;
    };
    let replayable = inputs
        .report
        .as_ref()
        .is_some_and(|r| r.format == format && r.color == color);
    if (inputs.findings > 0 && !replayable)
        || inputs.listed.len() != scan.listed.len()
        || inputs.context != context(opts, inputs.git, inputs.dated)
    {
        return Unchanged::No;
    }
    // Listed files: the same paths in the same order, each the same or with the same text;
    // named files: each the same or with the same bytes. Files saved shortly before the
    // manifest was written are compared by their text: the manifest is written after the
    // build listed its inputs, so every file saved since has a later time than those.
    let written_ns = std::fs::metadata(opts.output.join(manifest::FILE))
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(u64::MAX, nanos);
    let listed: Vec<Option<bool>> = inputs
        .listed
        .par_iter_mut()
        .zip(&scan.listed)
        .map(|(old, now)| same(old, now, written_ns))
        .collect();
    if listed.iter().any(Option::is_none) {
        return Unchanged::No;
    }
    let named: Vec<Option<bool>> = inputs
        .named
        .par_iter_mut()
        .map(|old| {
            let now = stat(Path::new(&old.path));
            same(old, &now, written_ns)
        })
        .collect();
    if named.iter().any(Option::is_none) {
        return Unchanged::No;
    }
    let touched = listed
        .iter()
        .chain(&named)
        .filter(|v| **v == Some(true))
        .count();
    let written = before
        .shared_files
        .iter()
        .cloned()
        .chain(before.guides.keys().flat_map(|id| layout::guide_files(id)))
        .collect::<Vec<_>>();
    let there = crate::trace::stage("find the site's files", || {
        all_there(&opts.output, &written)
    });
    if !there {
        return Unchanged::No;
    }
    Unchanged::Yes {
        manifest: Box::new(before),
        touched,
    }
}

/// Whether every file of `paths` (relative to `root`, `/`-separated) is there: one listing
/// per folder rather than one probe per file, since a site has tens of thousands.
fn all_there(root: &Path, paths: &[String]) -> bool {
    let mut by_dir: HashMap<&str, Vec<&str>> = HashMap::new();
    for p in paths {
        let (dir, name) = p.rsplit_once('/').unwrap_or(("", p.as_str()));
        by_dir.entry(dir).or_default().push(name);
    }
    let dirs: Vec<(&str, Vec<&str>)> = by_dir.into_iter().collect();
    dirs.par_iter().all(|(dir, names)| {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            return false;
        };
        let files: HashSet<OsString> = entries
            .flatten()
            .filter(|e| {
                e.file_type()
                    .is_ok_and(|t| t.is_file() || (t.is_symlink() && e.path().is_file()))
            })
            .map(|e| e.file_name())
            .collect();
        names.iter().all(|n| files.contains(OsStr::new(n)))
    })
}

/// Compares a file's record with its state now. `Some(false)`: unchanged; `Some(true)`:
/// the same text, verified by reading it because its time changed or was too recent to go
/// by (the record takes the new time); `None`: changed, or cannot be told.
fn same(old: &mut InputFile, now: &InputFile, written_ns: u64) -> Option<bool> {
    if old.path != now.path || old.size != now.size {
        return None;
    }
    if old.size.is_none() || (old.mtime_ns == now.mtime_ns && !racy(old, written_ns)) {
        return Some(false);
    }
    if old.hash.is_empty() {
        return None;
    }
    let bytes = std::fs::read(&now.path).ok()?;
    if Some(bytes.len() as u64) != now.size || text_hash(&bytes) != old.hash {
        return None;
    }
    old.mtime_ns = now.mtime_ns;
    Some(true)
}

/// Writes the manifest of a site whose inputs were only touched (or read to be sure), with
/// their new times.
pub fn refresh(output: &Path, manifest: &Manifest) -> Result<(), BuildError> {
    let path = output.join(manifest::FILE);
    std::fs::write(&path, manifest.to_bytes()).map_err(|source| {
        BuildError::Write(crate::write::WriteError::Io {
            path: path.clone(),
            source,
        })
    })
}
