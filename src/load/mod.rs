//! Loading a guides folder: find the files, read them safely, parse YAML with spans and
//! decode the model, collecting every problem on the way.
//!
//! Layout: `site.yaml` (optional), then one folder per product holding `product.yaml` and
//! one `<slug>.yaml` per guide. Deeper folders hold images and are not read as YAML.

pub mod decode;
mod guide;
mod platforms;
mod product;
mod rules;
mod site;
pub mod yaml;

use std::io::Read;
use std::path::{Path, PathBuf};

use decode::Ctx;

pub use site::{DEFAULT_SITE_YAML, default_site};

use crate::diag::{Code, Diagnostic};
use crate::model::{Product, Project, Site};
use crate::source::{FileId, Pos, SourceMap, Span};

/// Largest file read as YAML.
pub const MAX_FILE_SIZE: u64 = 1024 * 1024;

/// A failure that stops loading altogether (exit code 2).
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The guides folder does not exist.
    #[error("guides folder `{0}` does not exist")]
    NotFound(PathBuf),
    /// The path is not a folder.
    #[error("`{0}` is not a folder")]
    NotADirectory(PathBuf),
    /// Reading failed.
    #[error("cannot read `{path}`: {source}")]
    Io {
        /// What was being read.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> LoadError + '_ {
    move |source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    }
}

fn is_yaml(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml")
    )
}

fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.'))
}

fn sorted_entries(dir: &Path) -> Result<Vec<PathBuf>, LoadError> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io(dir))? {
        let path = entry.map_err(io(dir))?.path();
        if !is_hidden(&path) {
            out.push(path);
        }
    }
    out.sort();
    Ok(out)
}

/// The files of one product folder.
struct ProductDir {
    key: String,
    product_file: Option<PathBuf>,
    guides: Vec<PathBuf>,
}

/// What a guides folder holds, before anything is read.
#[derive(Default)]
struct Layout {
    site_file: Option<PathBuf>,
    stray: Vec<PathBuf>,
    dirs: Vec<ProductDir>,
}

/// Reads a file's bytes (from disk, or from memory in tests).
type Reader<'r> = dyn FnMut(&Path) -> Result<Vec<u8>, LoadError> + 'r;

/// Loads every file under `root`.
///
/// Returns the model (with whatever could be decoded) and the diagnostics, unsorted.
pub fn load(root: &Path) -> Result<(Project, Vec<Diagnostic>), LoadError> {
    let meta = std::fs::metadata(root).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => LoadError::NotFound(root.to_path_buf()),
        _ => LoadError::Io {
            path: root.to_path_buf(),
            source: e,
        },
    })?;
    if !meta.is_dir() {
        return Err(LoadError::NotADirectory(root.to_path_buf()));
    }
    let mut layout = Layout::default();
    for path in sorted_entries(root)? {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        if path.is_dir() {
            layout.dirs.push(product_dir(&path, &mut layout.stray)?);
        } else if matches!(name.as_deref(), Some("site.yaml" | "site.yml")) {
            if layout.site_file.is_some() {
                layout.stray.push(path);
            } else {
                layout.site_file = Some(path);
            }
        } else if is_yaml(&path) {
            layout.stray.push(path);
        }
    }
    assemble(root, layout, &mut read_file)
}

/// Loads a guides tree held in memory: `(relative path, bytes)` pairs laid out as on disk
/// (`site.yaml`, `<product>/product.yaml`, `<product>/<slug>.yaml`). Used by tests and the
/// property tests, which must not touch the disk.
pub fn load_in_memory(files: &[(&str, &[u8])]) -> Result<(Project, Vec<Diagnostic>), LoadError> {
    let mut layout = Layout::default();
    let mut sorted: Vec<_> = files.to_vec();
    sorted.sort();
    for (rel, _) in &sorted {
        let path = PathBuf::from(rel);
        let parts: Vec<_> = rel.split('/').collect();
        match parts.as_slice() {
            ["site.yaml"] => layout.site_file = Some(path),
            [_] => layout.stray.push(path),
            [dir, file] => {
                let key = (*dir).to_owned();
                if layout.dirs.last().is_none_or(|d| d.key != key) {
                    layout.dirs.push(ProductDir {
                        key,
                        product_file: None,
                        guides: Vec::new(),
                    });
                }
                if let Some(d) = layout.dirs.last_mut() {
                    if *file == "product.yaml" {
                        d.product_file = Some(path);
                    } else {
                        d.guides.push(path);
                    }
                }
            }
            _ => {}
        }
    }
    let mut read = |p: &Path| {
        Ok(sorted
            .iter()
            .find(|(rel, _)| Path::new(rel) == p)
            .map(|(_, b)| b.to_vec())
            .unwrap_or_default())
    };
    assemble(Path::new(""), layout, &mut read)
}

fn read_file(path: &Path) -> Result<Vec<u8>, LoadError> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_FILE_SIZE + 1).read_to_end(&mut bytes))
        .map_err(io(path))?;
    Ok(bytes)
}

fn assemble(
    root: &Path,
    layout: Layout,
    reader: &mut Reader<'_>,
) -> Result<(Project, Vec<Diagnostic>), LoadError> {
    let mut sources = SourceMap::new();
    let mut diags = Vec::new();
    let mut rd = Files {
        sources: &mut sources,
        diags: &mut diags,
        reader,
    };
    for path in &layout.stray {
        let id = rd.read(path)?.0;
        let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned());
        let d = match stem.as_deref() {
            Some(s @ ("product" | "site")) => Diagnostic::new(
                Code::StrayFile,
                Span::file_start(id),
                format!("this file is not read: `{s}.yaml` beside it is"),
            )
            .help(format!("keep one of `{s}.yaml` and `{s}.yml`")),
            _ => Diagnostic::new(
                Code::StrayFile,
                Span::file_start(id),
                "this file is not read: guides live in a product folder",
            )
            .help("move it to `<product>/<slug>.yaml`; site settings belong in `site.yaml`"),
        };
        rd.diags.push(d);
    }

    let defaults = default_site();
    let site = match &layout.site_file {
        Some(path) => match rd.read_yaml(path)? {
            (file, Some(node)) => {
                site::decode(&mut Ctx { diags: rd.diags }, &node, Some(file), &defaults)
            }
            (_, None) => defaults,
        },
        None => defaults,
    };

    let mut products = Vec::new();
    let mut guides = Vec::new();
    for dir in layout.dirs {
        if dir.product_file.is_none() && dir.guides.is_empty() {
            continue;
        }
        let product = match &dir.product_file {
            Some(path) => rd.product(path, &dir.key, &site)?,
            None => None,
        };
        for path in &dir.guides {
            let (file, node) = rd.read_yaml(path)?;
            if dir.product_file.is_none() {
                rd.diags.push(
                    Diagnostic::new(
                        Code::MissingProduct,
                        Span::file_start(file),
                        format!("folder `{}` has guides but no product.yaml", dir.key),
                    )
                    .help(format!(
                        "create `{}/product.yaml` with the product's `name` and `glossary`",
                        dir.key
                    )),
                );
            }
            let Some(node) = node else { continue };
            let slug = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let gf = guide::GuideFile {
                file,
                product: &dir.key,
                slug: &slug,
            };
            if let Some(g) = guide::decode(&mut Ctx { diags: rd.diags }, &site, &node, &gf) {
                guides.push(g);
            }
        }
        products.extend(product);
    }
    let project = Project {
        root: root.to_path_buf(),
        site,
        products,
        guides,
        sources,
    };
    Ok((project, diags))
}

fn product_dir(path: &Path, stray: &mut Vec<PathBuf>) -> Result<ProductDir, LoadError> {
    let key = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut product_file = None;
    let mut guides = Vec::new();
    for p in sorted_entries(path)? {
        if !p.is_file() || !is_yaml(&p) {
            continue;
        }
        if p.file_stem().is_some_and(|s| s == "product") {
            // Sorted, so `product.yaml` comes before `product.yml`: the first one is read and
            // the other is reported as a stray file.
            if product_file.is_some() {
                stray.push(p);
            } else {
                product_file = Some(p);
            }
        } else {
            guides.push(p);
        }
    }
    Ok(ProductDir {
        key,
        product_file,
        guides,
    })
}

/// Reads files into the source map, reporting what makes them unreadable.
struct Files<'a, 'r> {
    sources: &'a mut SourceMap,
    diags: &'a mut Vec<Diagnostic>,
    reader: &'a mut Reader<'r>,
}

impl Files<'_, '_> {
    /// Reads a file; returns its id and whether its text can be parsed.
    fn read(&mut self, path: &Path) -> Result<(FileId, bool), LoadError> {
        let bytes = (self.reader)(path)?;
        Ok(add_bytes(self.sources, path, bytes, self.diags))
    }

    /// Reads and parses a YAML file.
    fn read_yaml(&mut self, path: &Path) -> Result<(FileId, Option<yaml::Node>), LoadError> {
        let (file, ok) = self.read(path)?;
        if !ok {
            return Ok((file, None));
        }
        let node = parse_text(file, &self.sources.get(file).text, self.diags);
        Ok((file, node))
    }

    fn product(
        &mut self,
        path: &Path,
        key: &str,
        site: &Site,
    ) -> Result<Option<Product>, LoadError> {
        let (file, node) = self.read_yaml(path)?;
        if !decode::is_id(key) {
            self.diags.push(
                Diagnostic::new(
                    Code::InvalidId,
                    Span::file_start(file),
                    format!("the product folder name `{key}` is not a valid id"),
                )
                .help(format!(
                    "rename the folder to `{}` (it becomes part of every URL)",
                    decode::slugify(key)
                )),
            );
        }
        Ok(node.and_then(|n| product::decode(&mut Ctx { diags: self.diags }, site, &n, file, key)))
    }
}

/// Parses a file's text, reporting an empty document.
pub fn parse_text(file: FileId, text: &str, diags: &mut Vec<Diagnostic>) -> Option<yaml::Node> {
    let node = yaml::parse(file, text, diags)?;
    if node.is_null() {
        diags.push(
            Diagnostic::new(Code::EmptyFile, Span::file_start(file), "the file is empty")
                .help("write the file's fields (see docs/format.md), or delete the file"),
        );
        return None;
    }
    Some(node)
}

/// Adds a file's bytes to the source map, checking size and encoding.
pub fn add_bytes(
    sources: &mut SourceMap,
    path: &Path,
    bytes: Vec<u8>,
    diags: &mut Vec<Diagnostic>,
) -> (FileId, bool) {
    if bytes.len() as u64 > MAX_FILE_SIZE {
        let file = sources.add(path, String::new());
        diags.push(
            Diagnostic::new(
                Code::FileTooLarge,
                Span::file_start(file),
                format!("the file is larger than {} KiB", MAX_FILE_SIZE / 1024),
            )
            .help("split the guide into several guides; a guide file is normally a few KiB"),
        );
        return (file, false);
    }
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            if text.starts_with('\u{feff}') {
                text.drain(..3);
            }
            (sources.add(path, text), true)
        }
        Err(err) => {
            let valid = err.utf8_error().valid_up_to();
            let bytes = err.into_bytes();
            let prefix = String::from_utf8_lossy(&bytes[..valid]);
            let line = prefix.matches('\n').count() as u32 + 1;
            let col = prefix.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u32 + 1;
            let index = prefix.chars().count() as u32;
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let file = sources.add(path, text);
            let at = Pos { line, col, index };
            diags.push(
                Diagnostic::new(
                    Code::InvalidUtf8,
                    Span {
                        file,
                        start: at,
                        end: Pos {
                            col: col + 1,
                            index: index + 1,
                            ..at
                        },
                    },
                    format!("the file is not valid UTF-8 (byte 0x{:02x})", bytes[valid]),
                )
                .help("save the file as UTF-8 in your editor"),
            );
            (file, false)
        }
    }
}
