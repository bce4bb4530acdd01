//! The static folder (`static/` beside the guides, or `--static DIR`): files copied into
//! the site as they are (robots.txt, CNAME, images, a custom script). They join the shared
//! pages, so the manifest lists them, a rebuild keeps them, and removing one from the folder
//! removes it from the site. A static file may not replace a generated one.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::render::Page;

/// A static folder that cannot be copied into the site.
#[derive(Debug, thiserror::Error)]
pub enum StaticError {
    /// A static file has the path of a file the build generates.
    #[error(
        "`{}` would replace the generated `{path}`; rename it or move it elsewhere in the static folder (nothing was written)",
        file.display()
    )]
    Collision {
        /// The static file.
        file: PathBuf,
        /// The generated file (or folder, ending in `/`) it would replace.
        path: String,
    },
    /// A static file's name is not UTF-8 (it could not be linked to).
    #[error("the static file `{}` has a name that is not UTF-8; rename it", .0.display())]
    Name(PathBuf),
    /// The static folder could not be read.
    #[error("cannot read `{}`: {source}", path.display())]
    Io {
        /// What was being read.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
}

/// A file of the static folder.
#[derive(Debug)]
pub(super) struct StaticFile {
    /// Its path inside the site, `/`-separated.
    rel: String,
    /// Where it is on disk.
    path: PathBuf,
    len: u64,
    modified: Option<SystemTime>,
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> StaticError + '_ {
    move |source| StaticError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Every file under `dir` (none if there is no such folder), sorted by path.
pub(super) fn list(dir: &Path) -> Result<Vec<StaticFile>, StaticError> {
    let mut out = Vec::new();
    if !dir.is_dir() {
        return Ok(out);
    }
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).map_err(io(&d))? {
            let path = e.map_err(io(&d))?.path();
            let meta = std::fs::metadata(&path).map_err(io(&path))?;
            if meta.is_dir() {
                stack.push(path);
                continue;
            }
            let rel = path.strip_prefix(dir).unwrap_or(&path);
            let parts: Option<Vec<&str>> =
                rel.components().map(|c| c.as_os_str().to_str()).collect();
            let Some(parts) = parts else {
                return Err(StaticError::Name(path));
            };
            out.push(StaticFile {
                rel: parts.join("/"),
                path,
                len: meta.len(),
                modified: meta.modified().ok(),
            });
        }
    }
    out.sort_by(|a, b| a.rel.cmp(&b.rel));
    Ok(out)
}

/// Where the static files are on disk.
pub(super) fn paths(files: &[StaticFile]) -> Vec<std::path::PathBuf> {
    files.iter().map(|f| f.path.clone()).collect()
}

/// A fingerprint of the folder: paths, sizes and modification times.
pub(super) fn stamp(files: &[StaticFile]) -> String {
    files
        .iter()
        .map(|f| format!("{}\u{0}{}\u{0}{:?}\n", f.rel, f.len, f.modified))
        .collect()
}

/// Adds the static files to the shared pages, after making sure none of them lands on a
/// generated file (or on a folder of one, or the other way round); `guides` are the keys
/// of every tree's guides ([`crate::layout::guide_key`]).
pub(super) fn add<'g>(
    shared: &mut Vec<Page>,
    files: &[StaticFile],
    dir: &Path,
    guides: impl IntoIterator<Item = &'g String>,
) -> Result<(), StaticError> {
    if files.is_empty() {
        return Ok(());
    }
    let mut generated: HashSet<String> = shared.iter().map(|p| p.path.clone()).collect();
    generated.extend(
        guides
            .into_iter()
            .flat_map(|key| crate::layout::guide_files(key)),
    );
    generated.insert(crate::write::manifest::FILE.to_owned());
    let folders: HashSet<&str> = generated
        .iter()
        .flat_map(|p| p.match_indices('/').map(move |(i, _)| &p[..i]))
        .collect();
    for f in files {
        let clash = if generated.contains(&f.rel) {
            Some(f.rel.clone())
        } else if folders.contains(f.rel.as_str()) {
            Some(format!("{}/", f.rel))
        } else {
            f.rel
                .match_indices('/')
                .map(|(i, _)| &f.rel[..i])
                .find(|prefix| generated.contains(*prefix))
                .map(str::to_owned)
        };
        if let Some(path) = clash {
            return Err(StaticError::Collision {
                file: dir.join(&f.rel),
                path,
            });
        }
    }
    for f in files {
        let bytes = std::fs::read(&f.path).map_err(io(&f.path))?;
        shared.push(Page::new(f.rel.clone(), bytes));
    }
    Ok(())
}
