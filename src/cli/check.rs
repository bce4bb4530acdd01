//! `stepwise check`: the CI gate.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use clap::Args;

use super::output::{ColorChoice, EXIT_FINDINGS, print_report, write_stdout};
use crate::check::{Report, check_dir};
use crate::diag::{Diagnostic, Summary};
use crate::emit::Format;
use crate::fix;
use crate::load::locate;
use crate::source::{FileId, SourceMap, Span};

/// Arguments of `stepwise check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Guides folders, or guide and product files (as pre-commit passes them). Without a
    /// path: the guides folder found from the working folder upward.
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Fail (exit 1) on warnings too.
    #[arg(long)]
    pub deny_warnings: bool,
    /// Print the findings only: no summary line, and nothing at all when there are none.
    #[arg(short, long)]
    pub quiet: bool,
    /// When to use colour (human format).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Apply mechanical fixes (verbs, terminology, free targets) to the files in place.
    #[arg(long)]
    pub fix: bool,
    /// With --fix: print the changes as a unified diff and write nothing.
    #[arg(long, requires = "fix")]
    pub dry_run: bool,
}

/// A path on the command line that names nothing `check` can check.
#[derive(Debug, thiserror::Error)]
pub(super) enum PathError {
    /// A named file does not exist.
    #[error("file `{0}` does not exist")]
    MissingFile(PathBuf),
    /// A folder without guides.
    #[error("`{path}` holds no guides\nhelp: {hint}")]
    NoGuides {
        /// The folder.
        path: PathBuf,
        /// What to run instead.
        hint: String,
    },
    /// A file that is neither YAML nor a folder.
    #[error(
        "`{0}` is not a guides folder or a YAML file of one\nhelp: name a guides folder, or guide and product files in it"
    )]
    NotYaml(PathBuf),
    /// A YAML file outside any guides folder.
    #[error(
        "cannot tell which guides folder `{0}` belongs to: no folder above it holds site.yaml or is a `guides` folder\nhelp: name the guides folder instead: `stepwise check DIR`"
    )]
    NoRoot(PathBuf),
    /// A YAML file in a guides folder, where the loader does not read YAML.
    #[error(
        "`{path}` is not a file of the guides folder `{root}`\nhelp: guides are `{root}/<product>/<slug>.yaml`, beside their `product.yaml`"
    )]
    NotRead {
        /// The file.
        path: PathBuf,
        /// Its guides folder.
        root: PathBuf,
    },
    /// No path, and no guides folder here or above.
    #[error(
        "no guides folder in `{0}` or any folder above it\nhelp: run this inside a guides folder (one that holds site.yaml, or named `guides`) or beside a `guides` folder, name one (`stepwise check DIR`), or start one with `stepwise new PRODUCT/SLUG`"
    )]
    NotFound(PathBuf),
}

/// What to report of one guides folder.
#[derive(Debug, Default)]
struct Scope {
    /// Everything (a folder, or its site.yaml, was named).
    all: bool,
    /// Files named, relative to the guides folder, `/`-separated, as written.
    files: Vec<(String, PathBuf)>,
    /// Products whose `product.yaml` was named: all their files.
    products: BTreeSet<String>,
}

impl Scope {
    /// The products of the named files.
    fn touched_products(&self) -> BTreeSet<&str> {
        self.files
            .iter()
            .filter_map(|(rel, _)| rel.split_once('/').map(|(p, _)| p))
            .chain(self.products.iter().map(String::as_str))
            .collect()
    }

    /// Whether a finding about the file at `rel` is reported.
    fn covers(&self, rel: &str, touched: &BTreeSet<&str>) -> bool {
        if self.all || matches!(rel, "site.yaml" | "site.yml") {
            return true;
        }
        if self.files.iter().any(|(f, _)| f == rel) {
            return true;
        }
        match rel.split_once('/') {
            Some((product, "product.yaml" | "product.yml")) => touched.contains(product),
            Some((product, _)) => self.products.contains(product),
            None => false,
        }
    }
}

/// One guides folder to load, with what to report of it.
#[derive(Debug)]
struct Target {
    root: PathBuf,
    key: PathBuf,
    scope: Scope,
}

/// The hint for a folder without guides: its parent when that is a guides folder.
fn no_guides(path: &Path) -> PathError {
    let parent = path
        .parent()
        .map(|p| {
            if p.as_os_str().is_empty() {
                Path::new(".")
            } else {
                p
            }
        })
        .filter(|p| {
            !locate::is_guides_root(path)
                && (locate::is_guides_root(p) || locate::is_product_dir(path))
        });
    let hint = match parent {
        Some(p) => format!(
            "`{}` is the guides folder: run `stepwise check {}`, or name guide files (`stepwise check {}/<slug>.yaml`)",
            p.display(),
            p.display(),
            path.display()
        ),
        None => format!(
            "a guides folder holds one folder per product, with its product.yaml and guides (`{}/<product>/<slug>.yaml`); create a guide with `stepwise new PRODUCT/SLUG --dir {}`",
            path.display(),
            path.display()
        ),
    };
    PathError::NoGuides {
        path: path.to_path_buf(),
        hint,
    }
}

/// Groups the paths by guides folder, in the order first named.
fn targets(paths: &[PathBuf]) -> Result<Vec<Target>, Box<dyn std::error::Error>> {
    let mut out: Vec<Target> = Vec::new();
    let discovered;
    let paths = if paths.is_empty() {
        discovered = [locate::discover(Path::new("."))
            .ok_or_else(|| PathError::NotFound(std::env::current_dir().unwrap_or_default()))?];
        &discovered[..]
    } else {
        paths
    };
    for path in paths {
        let meta = std::fs::metadata(path);
        let (root, named) = if meta.as_ref().is_ok_and(|m| m.is_dir()) {
            if !locate::holds_guides(path) {
                return Err(no_guides(path).into());
            }
            (path.clone(), None)
        } else if meta.is_ok() || locate::is_yaml(path) {
            if !locate::is_yaml(path) {
                return Err(PathError::NotYaml(path.clone()).into());
            }
            if meta.is_err() {
                return Err(PathError::MissingFile(path.clone()).into());
            }
            let root = locate::root_of_file(path).ok_or_else(|| PathError::NoRoot(path.clone()))?;
            let rel = locate::relative_to(path, &root).ok_or_else(|| PathError::NotRead {
                path: path.clone(),
                root: root.clone(),
            })?;
            (root, Some(rel))
        } else {
            // Neither a folder nor a file: the loader says so, as before.
            check_dir(path)?;
            (path.clone(), None)
        };
        let key = std::fs::canonicalize(&root).unwrap_or_else(|_| root.clone());
        let i = match out.iter().position(|t| t.key == key) {
            Some(i) => i,
            None => {
                out.push(Target {
                    root,
                    key,
                    scope: Scope::default(),
                });
                out.len() - 1
            }
        };
        let scope = &mut out[i].scope;
        match named {
            None => scope.all = true,
            Some(rel) => match rel.split('/').collect::<Vec<_>>().as_slice() {
                ["site.yaml" | "site.yml"] => scope.all = true,
                [product, "product.yaml" | "product.yml"] => {
                    scope.products.insert((*product).to_owned());
                }
                _ => scope.files.push((rel, path.clone())),
            },
        }
    }
    Ok(out)
}

/// The path of a file relative to its guides folder, `/`-separated.
fn rel_of(sources: &SourceMap, root: &Path, file: FileId) -> String {
    let path = &sources.get(file).path;
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// The report's findings that the scope covers (the finding's own file, or a related one).
fn in_scope(report: &Report, scope: &Scope) -> Vec<Diagnostic> {
    if scope.all {
        return report.diagnostics.clone();
    }
    let touched = scope.touched_products();
    let root = &report.project.root;
    let covers =
        |file: FileId| scope.covers(&rel_of(&report.project.sources, root, file), &touched);
    report
        .diagnostics
        .iter()
        .filter(|d| covers(d.span.file) || d.related.iter().any(|r| covers(r.span.file)))
        .cloned()
        .collect()
}

/// Every named file must be one the loader read; returns how many guides are in scope.
/// How many guides in scope were checked, and how many guide files in scope could not be
/// read into a guide at all.
type GuideCount = (usize, usize);

/// Counts the guides of `target`'s scope (see [`GuideCount`]).
fn guides_in_scope(report: &Report, target: &Target) -> Result<GuideCount, PathError> {
    let project = &report.project;
    if target.scope.all {
        return Ok((project.guides.len(), project.unread_guides()));
    }
    let read: BTreeSet<String> = (0..project.sources.len() as u32)
        .map(|i| rel_of(&project.sources, &project.root, FileId(i)))
        .collect();
    for (rel, path) in &target.scope.files {
        if !read.contains(rel) {
            return Err(PathError::NotRead {
                path: path.clone(),
                root: target.root.clone(),
            });
        }
    }
    let named: BTreeSet<&str> = target.scope.files.iter().map(|(r, _)| r.as_str()).collect();
    let in_scope = |product: &str, file: FileId| {
        target.scope.products.contains(product)
            || named.contains(rel_of(&project.sources, &project.root, file).as_str())
    };
    // A named translation counts as the guide it is in its language.
    let checked = project
        .guides
        .iter()
        .filter(|g| in_scope(&g.product, g.file))
        .count()
        + project
            .translations
            .iter()
            .filter(|t| !target.scope.products.contains(&t.product))
            .filter(|t| in_scope(&t.product, t.file))
            .count();
    let unread = project
        .incomplete
        .iter()
        .filter(|i| !i.loaded && in_scope(&i.product, i.file))
        .count();
    Ok((checked, unread))
}

/// Loads and checks one target, applying fixes first when asked; returns the findings in
/// scope, the project, and the numbers of guides checked and of guide files not read.
fn check_target(
    args: &CheckArgs,
    target: &Target,
) -> Result<(Vec<Diagnostic>, Report, GuideCount), Box<dyn std::error::Error>> {
    let mut report = check_dir(&target.root)?;
    let mut diags = in_scope(&report, &target.scope);
    if args.fix {
        let edits = fix::plan(&diags, &report.project.sources);
        let count: usize = edits.iter().map(|e| e.fixes).sum();
        if args.dry_run {
            write_stdout(&fix::diff(&edits))?;
            if !args.quiet {
                eprintln!(
                    "{count} fix{} in {} file{} (dry run, nothing written)",
                    if count == 1 { "" } else { "es" },
                    edits.len(),
                    if edits.len() == 1 { "" } else { "s" }
                );
            }
            return Ok((Vec::new(), report, (0, 0)));
        }
        fix::write(&edits)?;
        for e in edits.iter().filter(|_| !args.quiet) {
            eprintln!(
                "fixed {}: {} change{}",
                e.path.display(),
                e.fixes,
                if e.fixes == 1 { "" } else { "s" }
            );
        }
        if !edits.is_empty() {
            report = check_dir(&target.root)?;
            diags = in_scope(&report, &target.scope);
        }
    }
    let guides = guides_in_scope(&report, target)?;
    Ok((diags, report, guides))
}

/// Moves `diags` of a project into `merged`, giving their files ids there.
fn merge(
    diags: Vec<Diagnostic>,
    sources: &SourceMap,
    merged: &mut SourceMap,
    out: &mut Vec<Diagnostic>,
) {
    let mut ids: Vec<Option<FileId>> = vec![None; sources.len()];
    let mut remap = |span: &mut Span| {
        let slot = &mut ids[span.file.0 as usize];
        let id = *slot.get_or_insert_with(|| {
            let f = sources.get(span.file);
            merged.add(&f.path, f.text.clone())
        });
        span.file = id;
    };
    for mut d in diags {
        remap(&mut d.span);
        for r in &mut d.related {
            remap(&mut r.span);
        }
        if let Some(f) = &mut d.fix {
            remap(&mut f.span);
        }
        out.push(d);
    }
}

/// Runs the check and prints the report; returns the exit code.
pub(super) fn run(args: &CheckArgs) -> Result<u8, Box<dyn std::error::Error>> {
    let targets = targets(&args.paths)?;
    // The summary names what was asked for: the guides folder, or the files given.
    let label = if targets.iter().all(|t| t.scope.all) {
        targets
            .iter()
            .map(|t| t.root.display().to_string())
            .collect::<Vec<_>>()
            .join(", ")
    } else if args.paths.len() > 3 {
        format!("{} files", args.paths.len())
    } else {
        args.paths
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let (mut guides, mut unread) = (0, 0);
    let mut reports = Vec::new();
    let mut merged = SourceMap::new();
    let mut diagnostics = Vec::new();
    for t in &targets {
        let (diags, report, (n, u)) = check_target(args, t)?;
        guides += n;
        unread += u;
        if targets.len() == 1 {
            diagnostics = diags;
        } else {
            // Several guides folders: one report, whose files all need ids in one map.
            merge(
                diags,
                &report.project.sources,
                &mut merged,
                &mut diagnostics,
            );
        }
        reports.push(report);
    }
    if args.fix && args.dry_run {
        return Ok(0);
    }
    let sources = match reports.as_slice() {
        [one] => &one.project.sources,
        _ => &merged,
    };
    // Text formats print nothing for a clean run; `--quiet` leaves out the summary too.
    print_report(&diagnostics, sources, args.format, args.color)?;
    let summary = Summary::of(&diagnostics);
    if !args.quiet && matches!(args.format, Format::Human | Format::Short) {
        eprintln!("{label}: {}, {summary}", guide_count(guides, unread),);
    }
    let failed = summary.errors > 0 || (args.deny_warnings && summary.warnings > 0);
    // The process ends next: freeing every guide's values one by one would only cost time.
    std::mem::forget(reports);
    std::mem::forget(merged);
    Ok(if failed { EXIT_FINDINGS } else { 0 })
}

/// "2 guides checked", saying also how many guide files could not be read at all (their
/// errors are in the report, but nothing else about them is).
fn guide_count(checked: usize, unread: usize) -> String {
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    let mut out = format!("{checked} guide{} checked", plural(checked));
    match unread {
        0 => {}
        n => out.push_str(&format!(", {n} guide{} could not be read", plural(n))),
    }
    out
}
