//! Loading a guides folder: find the files, read them safely, parse YAML with spans and
//! decode the model, collecting every problem on the way.
//!
//! Layout: `site.yaml` (optional), then one folder per product holding `product.yaml` and
//! one `<slug>.yaml` per guide. Deeper folders hold images and are not read as YAML.

mod brand;
pub mod decode;
mod git;
mod guide;
mod image;
#[cfg(test)]
mod known_fields;
pub mod locate;
mod platforms;
mod product;
mod rules;
mod site;
mod step;
pub mod translation;
pub mod yaml;

use std::io::Read;
use std::path::{Path, PathBuf};

use decode::Ctx;

pub use site::{DEFAULT_SITE_YAML, default_site};

use crate::diag::{Code, Diagnostic, Severity};
use crate::model::{Guide, Incomplete, Product, Project, Site, Translation};
use crate::source::{FileId, Pos, SourceFile, SourceMap, Span};

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
    /// Translated guides (`<slug>.<lang>.yaml`).
    translations: Vec<PathBuf>,
}

/// What a guides folder holds, before anything is read.
#[derive(Default)]
struct Layout {
    site_file: Option<PathBuf>,
    stray: Vec<PathBuf>,
    dirs: Vec<ProductDir>,
}

/// Reads a file's bytes (from disk, or from memory in tests).
type Reader<'r> = dyn Fn(&Path) -> Result<Vec<u8>, LoadError> + Sync + 'r;

/// Loads every file under `root`.
///
/// Returns the model (with whatever could be decoded) and the diagnostics, unsorted.
pub fn load(root: &Path) -> Result<(Project, Vec<Diagnostic>), LoadError> {
    load_overlaid(root, &|_| None)
}

/// Loads every file under `root` as [`load`] does, but takes the text of the files that
/// `overlay` has one for from it instead of the disk (an editor's unsaved changes).
pub fn load_overlaid(
    root: &Path,
    overlay: &(dyn Fn(&Path) -> Option<String> + Sync),
) -> Result<(Project, Vec<Diagnostic>), LoadError> {
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
    let read = |p: &Path| match overlay(p) {
        Some(text) => Ok(text.into_bytes()),
        None => read_file(p),
    };
    let (mut project, mut diags) = assemble(root, layout, &read)?;
    let (locales, locale_diags) = crate::locale::read_site_locales(root, &mut project.sources);
    project.locales = locales;
    diags.extend(locale_diags);
    if project.site.updated == crate::model::Updated::ReviewedOrGit {
        add_commit_dates(&mut project);
    }
    // After the locales and the dates, which the languages' copies of the guides share.
    project.languages = languages(&project, &mut diags);
    Ok((project, diags))
}

/// The files [`load`] reads under `root`, in the order it reads them, without reading
/// them: the site file, stray YAML files and each product folder's YAML files. A rebuild
/// compares their sizes and modification times with the previous build's.
pub fn input_files(root: &Path) -> Result<Vec<PathBuf>, LoadError> {
    let mut out = Vec::new();
    for path in sorted_entries(root)? {
        if path.is_dir() {
            let mut stray = Vec::new();
            let dir = product_dir(&path, &mut stray)?;
            out.extend(dir.product_file);
            out.extend(stray);
            out.extend(dir.guides);
            out.extend(dir.translations);
        } else if is_yaml(&path) {
            out.push(path);
        }
    }
    Ok(out)
}

/// Gives each guide its file's last commit date (one `git log` for the whole folder).
fn add_commit_dates(project: &mut Project) {
    let dates = crate::trace::stage("git dates", || git::commit_dates(&project.root));
    if dates.is_empty() {
        return;
    }
    for g in &mut project.guides {
        let path = &project.sources.get(g.file).path;
        let rel = path.strip_prefix(&project.root).unwrap_or(path);
        g.committed = dates.get(rel).copied();
    }
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
                        translations: Vec::new(),
                    });
                }
                if let Some(d) = layout.dirs.last_mut() {
                    if *file == "product.yaml" {
                        d.product_file = Some(path);
                    } else if is_translation(&path) {
                        d.translations.push(path);
                    } else {
                        d.guides.push(path);
                    }
                }
            }
            _ => {}
        }
    }
    let read = |p: &Path| {
        Ok(sorted
            .iter()
            .find(|(rel, _)| Path::new(rel) == p)
            .map(|(_, b)| b.to_vec())
            .unwrap_or_default())
    };
    let (mut project, mut diags) = assemble(Path::new(""), layout, &read)?;
    project.languages = languages(&project, &mut diags);
    Ok((project, diags))
}

fn read_file(path: &Path) -> Result<Vec<u8>, LoadError> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_FILE_SIZE + 1).read_to_end(&mut bytes))
        .map_err(io(path))?;
    Ok(bytes)
}

/// What a file is, for the decoding phase.
enum Role<'l> {
    Stray,
    Site,
    Product(&'l ProductDir),
    Guide(&'l ProductDir),
    Translation(&'l ProductDir),
}

/// What one product, guide or translation file decoded to, with its findings.
type Decoded = (
    Option<Product>,
    Option<Guide>,
    Option<Translation>,
    Vec<Diagnostic>,
);

/// Whether a guide file's name is `<slug>.<lang>.yaml`.
fn is_translation(path: &Path) -> bool {
    path.file_stem()
        .and_then(|s| s.to_str())
        .is_some_and(|s| translation::split_stem(s).is_some())
}

/// Reads, checks and adds every file, then decodes them: products and guides on all cores.
///
/// Files get their [`FileId`] from their place in the layout, so the parallel phases can
/// make spans before the files are in the [`SourceMap`]; the map is filled in that order.
fn assemble(
    root: &Path,
    layout: Layout,
    reader: &Reader<'_>,
) -> Result<(Project, Vec<Diagnostic>), LoadError> {
    use rayon::prelude::*;

    let files = roles(&layout);
    crate::trace::count("files parsed", files.len());
    let (texts, mut diags) = read_all(&files, reader)?;
    let site = decode_site(&files, &texts, &mut diags);
    let decoded: Vec<Decoded> = files
        .par_iter()
        .enumerate()
        .map(|(i, (path, role))| decode_file(&texts, &site, FileId(i as u32), path, role))
        .collect();
    let mut products = Vec::new();
    let mut guides = Vec::new();
    let mut translations = Vec::new();
    let mut incomplete = Vec::new();
    // Encoding errors were found while reading, before decoding.
    let unreadable: std::collections::HashSet<FileId> = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.span.file)
        .collect();
    for (i, ((p, g, t, d), (_, role))) in decoded.into_iter().zip(&files).enumerate() {
        if let Role::Guide(dir) = role {
            let file = FileId(i as u32);
            let failed = |d: &Diagnostic| d.span.file == file && d.severity == Severity::Error;
            if g.is_none() || unreadable.contains(&file) || d.iter().any(failed) {
                incomplete.push(Incomplete {
                    file,
                    product: dir.key.clone(),
                    loaded: g.is_some(),
                });
            }
        }
        products.extend(p);
        guides.extend(g);
        translations.extend(t);
        diags.extend(d);
    }
    product::link_uses(&mut products, &mut diags);
    let project = Project {
        root: root.to_path_buf(),
        site,
        products,
        guides,
        sources: texts.sources,
        incomplete,
        locales: Vec::new(),
        translations,
        languages: Vec::new(),
    };
    Ok((project, diags))
}

/// Every file to read, in [`FileId`] order: stray files, the site file, then each product
/// folder's product file and guides (folders without either are left out).
fn roles(layout: &Layout) -> Vec<(&Path, Role<'_>)> {
    let mut files: Vec<(&Path, Role<'_>)> = Vec::new();
    files.extend(layout.stray.iter().map(|p| (p.as_path(), Role::Stray)));
    files.extend(layout.site_file.iter().map(|p| (p.as_path(), Role::Site)));
    for dir in layout
        .dirs
        .iter()
        .filter(|d| d.product_file.is_some() || !d.guides.is_empty())
    {
        files.extend(
            dir.product_file
                .iter()
                .map(|p| (p.as_path(), Role::Product(dir))),
        );
        files.extend(dir.guides.iter().map(|p| (p.as_path(), Role::Guide(dir))));
        files.extend(
            dir.translations
                .iter()
                .map(|p| (p.as_path(), Role::Translation(dir))),
        );
    }
    files
}

/// The site in each of its other languages: the glossaries in that language and every
/// guide that has a translation into it, merged. Reports a translation without a source
/// guide.
fn languages(project: &Project, diags: &mut Vec<Diagnostic>) -> Vec<Project> {
    let sources = Sources::new(project);
    for t in &project.translations {
        if sources.of(t).is_none() {
            diags.push(
                Diagnostic::new(
                    Code::InvalidValue,
                    Span::file_start(t.file),
                    format!(
                        "this translation has no source guide: `{}/{}.yaml` does not exist or could not be read",
                        t.product, t.slug
                    ),
                )
                .help(format!(
                    "name the file after its guide, `<slug>.{}.yaml`, beside `<slug>.yaml`",
                    t.language
                )),
            );
        }
    }
    project
        .site
        .languages
        .iter()
        .skip(1)
        .map(|lang| language(project, &sources, lang))
        .collect()
}

/// The site in `lang`: its translated guides, which link (`related`, `featured`) only to
/// guides that are in that language too.
fn language(project: &Project, sources: &Sources<'_>, lang: &str) -> Project {
    let mut guides: Vec<Guide> = project
        .translations
        .iter()
        .filter(|t| t.language == lang)
        .filter_map(|t| Some(translation::merge(sources.of(t)?, t)))
        .collect();
    let ids: std::collections::HashSet<String> =
        guides.iter().map(|g| g.id.value.clone()).collect();
    for g in &mut guides {
        g.related.retain(|r| ids.contains(&r.value));
    }
    let mut site = project.site.clone();
    site.language = lang.to_owned();
    // The language's tree is the folder named after it (absolute URLs in its pages).
    site.base_url = format!("{}{lang}/", project.site.base_url);
    site.featured.retain(|f| ids.contains(&f.value));
    Project {
        root: project.root.clone(),
        site,
        products: project
            .products
            .iter()
            .map(|p| translation::localize(p, lang))
            .collect(),
        guides,
        sources: project.sources.clone(),
        incomplete: Vec::new(),
        locales: project.locales.clone(),
        translations: Vec::new(),
        languages: Vec::new(),
    }
}

/// The project's guides by product and slug, to find the sources of many translations
/// (one lookup each instead of a walk through every guide).
pub struct Sources<'p>(std::collections::HashMap<(&'p str, &'p str), &'p Guide>);

impl<'p> Sources<'p> {
    /// Indexes `project`'s guides.
    pub fn new(project: &'p Project) -> Sources<'p> {
        let mut map = std::collections::HashMap::with_capacity(project.guides.len());
        for g in &project.guides {
            // One guide per product and slug (one file per path); the first wins.
            map.entry((g.product.as_str(), g.slug.as_str()))
                .or_insert(g);
        }
        Sources(map)
    }

    /// The guide `t` translates.
    pub fn of(&self, t: &Translation) -> Option<&'p Guide> {
        self.0.get(&(t.product.as_str(), t.slug.as_str())).copied()
    }
}

/// The files' texts, and which of them can be parsed.
struct Texts {
    sources: SourceMap,
    readable: Vec<bool>,
}

impl Texts {
    /// Parses a readable file.
    fn parse(&self, id: FileId, diags: &mut Vec<Diagnostic>) -> Option<yaml::Node> {
        if !self.readable[id.0 as usize] {
            return None;
        }
        parse_text(id, &self.sources.get(id).text, diags)
    }
}

/// Reads every file and checks its encoding, in parallel.
fn read_all(
    files: &[(&Path, Role<'_>)],
    reader: &Reader<'_>,
) -> Result<(Texts, Vec<Diagnostic>), LoadError> {
    use rayon::prelude::*;

    let read: Vec<(SourceFile, bool, Vec<Diagnostic>)> = files
        .par_iter()
        .enumerate()
        .map(|(i, (path, _))| {
            let bytes = reader(path)?;
            let mut diags = Vec::new();
            let (file, ok) = checked_text(FileId(i as u32), path, bytes, &mut diags);
            Ok((file, ok, diags))
        })
        .collect::<Result<_, LoadError>>()?;
    let mut texts = Texts {
        sources: SourceMap::new(),
        readable: Vec::with_capacity(read.len()),
    };
    let mut diags = Vec::new();
    for (file, ok, d) in read {
        texts.sources.add(&file.path, file.text);
        diags.extend(d);
        texts.readable.push(ok);
    }
    Ok((texts, diags))
}

/// The site settings (the defaults without a site file), reporting stray files on the way.
fn decode_site(files: &[(&Path, Role<'_>)], texts: &Texts, diags: &mut Vec<Diagnostic>) -> Site {
    let defaults = default_site();
    let mut site = defaults.clone();
    for (i, (path, role)) in files.iter().enumerate() {
        let id = FileId(i as u32);
        match role {
            Role::Stray => diags.push(stray(path, id)),
            Role::Site => {
                if let Some(node) = texts.parse(id, diags) {
                    site = site::decode(&mut Ctx { diags }, &node, Some(id), &defaults);
                }
            }
            _ => {}
        }
    }
    site
}

/// Decodes one product or guide file.
fn decode_file(texts: &Texts, site: &Site, id: FileId, path: &Path, role: &Role<'_>) -> Decoded {
    let mut diags = Vec::new();
    let mut ctx = Ctx { diags: &mut diags };
    match role {
        Role::Product(dir) => {
            if !decode::is_id(&dir.key) {
                ctx.push(
                    Diagnostic::new(
                        Code::InvalidId,
                        Span::file_start(id),
                        format!("the product folder name `{}` is not a valid id", dir.key),
                    )
                    .help(format!(
                        "rename the folder to `{}` (it becomes part of every URL)",
                        decode::slugify(&dir.key)
                    )),
                );
            }
            let product = texts
                .parse(id, ctx.diags)
                .and_then(|n| product::decode(&mut ctx, site, &n, id, &dir.key));
            (product, None, None, diags)
        }
        Role::Guide(dir) => {
            if dir.product_file.is_none() {
                ctx.push(
                    Diagnostic::new(
                        Code::MissingProduct,
                        Span::file_start(id),
                        format!("folder `{}` has guides but no product.yaml", dir.key),
                    )
                    .help(format!(
                        "create `{}/product.yaml` with the product's `name` and `glossary`",
                        dir.key
                    )),
                );
            }
            let slug = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let gf = guide::GuideFile {
                file: id,
                product: &dir.key,
                slug: &slug,
            };
            let guide = texts
                .parse(id, ctx.diags)
                .and_then(|n| guide::decode(&mut ctx, site, &n, &gf));
            (None, guide, None, diags)
        }
        Role::Translation(dir) => {
            let stem = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let t = texts
                .parse(id, ctx.diags)
                .and_then(|n| translation::decode(&mut ctx, site, &n, (id, &dir.key, &stem)));
            (None, None, t, diags)
        }
        Role::Stray | Role::Site => (None, None, None, diags),
    }
}

fn stray(path: &Path, id: FileId) -> Diagnostic {
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned());
    match stem.as_deref() {
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
    }
}

fn product_dir(path: &Path, stray: &mut Vec<PathBuf>) -> Result<ProductDir, LoadError> {
    let key = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut product_file = None;
    let mut guides = Vec::new();
    let mut translations = Vec::new();
    let mut files = Vec::new();
    for entry in std::fs::read_dir(path).map_err(io(path))? {
        let entry = entry.map_err(io(path))?;
        let p = entry.path();
        // The entry's type comes with the listing; only links need a look at their target.
        let is_file = match entry.file_type() {
            Ok(t) if t.is_symlink() => p.is_file(),
            Ok(t) => t.is_file(),
            Err(_) => p.is_file(),
        };
        if is_file && is_yaml(&p) && !is_hidden(&p) {
            files.push(p);
        }
    }
    files.sort();
    for p in files {
        if p.file_stem().is_some_and(|s| s == "product") {
            // Sorted, so `product.yaml` comes before `product.yml`: the first one is read and
            // the other is reported as a stray file.
            if product_file.is_some() {
                stray.push(p);
            } else {
                product_file = Some(p);
            }
        } else if is_translation(&p) {
            translations.push(p);
        } else {
            guides.push(p);
        }
    }
    Ok(ProductDir {
        key,
        product_file,
        guides,
        translations,
    })
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

/// Turns a file's bytes into its text, checking size and encoding. `file` is the id the
/// file will have in the [`SourceMap`]. Returns the file and whether it can be parsed.
pub fn checked_text(
    file: FileId,
    path: &Path,
    bytes: Vec<u8>,
    diags: &mut Vec<Diagnostic>,
) -> (SourceFile, bool) {
    let source = |text: String| SourceFile::new(path, text);
    if bytes.len() as u64 > MAX_FILE_SIZE {
        diags.push(
            Diagnostic::new(
                Code::FileTooLarge,
                Span::file_start(file),
                format!("the file is larger than {} KiB", MAX_FILE_SIZE / 1024),
            )
            .help("split the guide into several guides; a guide file is normally a few KiB"),
        );
        return (source(String::new()), false);
    }
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            if text.starts_with('\u{feff}') {
                text.drain(..3);
            }
            (source(text), true)
        }
        Err(err) => {
            let valid = err.utf8_error().valid_up_to();
            let bytes = err.into_bytes();
            let prefix = String::from_utf8_lossy(&bytes[..valid]);
            let line = prefix.matches('\n').count() as u32 + 1;
            let col = prefix.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u32 + 1;
            let index = prefix.chars().count() as u32;
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
            (source(String::from_utf8_lossy(&bytes).into_owned()), false)
        }
    }
}
