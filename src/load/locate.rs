//! Finding the guides folder: upward from the working folder when no path is given (as cargo
//! finds `Cargo.toml`), and from a file named on the command line (as pre-commit passes them).
//!
//! The rule, at each folder from the starting one up to the file-system root, first match
//! wins:
//!
//! 1. the folder itself, if it holds `site.yaml`, or if it is named `guides` and holds a
//!    product folder (a folder with YAML files);
//! 2. its child folder `guides`, if there is one.

use std::path::{Component, Path, PathBuf};

/// The conventional name of a guides folder.
pub const GUIDES_DIR: &str = "guides";

fn has_site(dir: &Path) -> bool {
    ["site.yaml", "site.yml"]
        .iter()
        .any(|n| dir.join(n).is_file())
}

/// Whether `path` names a YAML file (`.yaml`, `.yml`) that is not hidden.
pub fn is_yaml(path: &Path) -> bool {
    super::is_yaml(path) && !super::is_hidden(path)
}

fn subfolders(dir: &Path) -> impl Iterator<Item = PathBuf> {
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| !super::is_hidden(p) && p.is_dir())
}

fn yaml_files(dir: &Path) -> impl Iterator<Item = PathBuf> {
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| is_yaml(p) && p.is_file())
}

fn is_product_file(path: &Path) -> bool {
    matches!(
        path.file_name().and_then(|n| n.to_str()),
        Some("product.yaml" | "product.yml")
    )
}

/// Whether `dir` holds at least one guide: a YAML file other than `product.yaml` in one of
/// its folders, where the loader reads guides.
pub fn holds_guides(dir: &Path) -> bool {
    subfolders(dir).any(|d| !has_site(&d) && yaml_files(&d).any(|f| !is_product_file(&f)))
}

/// Whether `dir` holds a product folder (a folder with YAML files).
fn holds_products(dir: &Path) -> bool {
    subfolders(dir).any(|d| is_product_dir(&d))
}

/// Whether `dir` looks like a product folder: YAML files, and no site.yaml.
pub fn is_product_dir(dir: &Path) -> bool {
    !has_site(dir) && yaml_files(dir).next().is_some()
}

/// Whether `dir` is a guides folder by the rule above (without looking at its child).
pub fn is_guides_root(dir: &Path) -> bool {
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    has_site(dir) || (name_of(dir).as_deref() == Some(GUIDES_DIR) && holds_products(dir))
}

/// The last component of `dir`, also for `.` and `..`.
fn name_of(dir: &Path) -> Option<String> {
    let named = std::fs::canonicalize(dir).ok()?;
    named.file_name().map(|n| n.to_string_lossy().into_owned())
}

/// `start` and every folder above it, spelled relative to the working folder when `start`
/// is relative (`.`, `..`, `../..`), so that paths in messages stay short.
fn upward(start: &Path) -> Vec<PathBuf> {
    if start.is_absolute() {
        return start.ancestors().map(Path::to_path_buf).collect();
    }
    let mut out: Vec<PathBuf> = start
        .ancestors()
        .filter(|p| !p.as_os_str().is_empty())
        .map(Path::to_path_buf)
        .collect();
    // `start` may begin with `..`: the folders above it are one more `..` each.
    let ups = start
        .components()
        .take_while(|c| matches!(c, Component::ParentDir))
        .count();
    if ups == 0 && start != Path::new(".") {
        out.push(PathBuf::from("."));
    }
    let depth = std::env::current_dir()
        .map(|d| d.ancestors().count().saturating_sub(1))
        .unwrap_or(0);
    for n in ups + 1..=depth {
        out.push(std::iter::repeat_n("..", n).collect());
    }
    out
}

/// The guides folder for a command run in `start` without a path, by the rule above.
pub fn discover(start: &Path) -> Option<PathBuf> {
    for dir in upward(start) {
        if is_guides_root(&dir) {
            return Some(dir);
        }
        let child = if dir == Path::new(".") {
            PathBuf::from(GUIDES_DIR)
        } else {
            dir.join(GUIDES_DIR)
        };
        if child.is_dir() {
            return Some(child);
        }
    }
    None
}

/// The guides folder a file belongs to: the nearest folder above it that is a guides folder
/// by the rule above; failing that, for a file in a folder with `product.yaml`, that
/// folder's parent (the layout `<guides>/<product>/<slug>.yaml`).
pub fn root_of_file(file: &Path) -> Option<PathBuf> {
    let parent = match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if let Some(root) = upward(&parent).into_iter().find(|d| is_guides_root(d)) {
        return Some(root);
    }
    (is_product_file(file) || parent.join("product.yaml").is_file()).then(|| {
        if parent == Path::new(".") {
            return PathBuf::from("..");
        }
        match parent.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        }
    })
}

/// `path` relative to `root` (both as spelled, or through the file system when their
/// spellings differ: `../netflix/a.yaml` under `..`), with `/` between components.
pub fn relative_to(path: &Path, root: &Path) -> Option<String> {
    let rel = match path.strip_prefix(root) {
        Ok(rel) if root != Path::new(".") => rel.to_path_buf(),
        _ => {
            let path = std::fs::canonicalize(path).ok()?;
            let root = std::fs::canonicalize(root).ok()?;
            path.strip_prefix(&root).ok()?.to_path_buf()
        }
    };
    let parts: Vec<String> = rel
        .components()
        .filter_map(|c| match c {
            Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect();
    Some(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(files: &[&str]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("temp dir");
        for f in files {
            let path = dir.path().join(f);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(&path, "x: 1\n").expect("write");
        }
        dir
    }

    #[test]
    fn a_guides_folder_is_found_from_inside_and_from_beside_it() {
        let t = tree(&[
            "repo/guides/acme/product.yaml",
            "repo/guides/acme/a.yaml",
            "repo/src/x.rs",
        ]);
        let repo = t.path().join("repo");
        let guides = repo.join("guides");
        assert_eq!(discover(&repo), Some(guides.clone()));
        assert_eq!(discover(&repo.join("src")), Some(guides.clone()));
        assert_eq!(discover(&guides.join("acme")), Some(guides.clone()));
        assert_eq!(discover(&guides), Some(guides));
    }

    #[test]
    fn site_yaml_marks_a_folder_of_any_name() {
        let t = tree(&[
            "help/site.yaml",
            "help/acme/product.yaml",
            "help/acme/a.yaml",
        ]);
        let help = t.path().join("help");
        assert_eq!(discover(&help.join("acme")), Some(help.clone()));
        assert_eq!(root_of_file(&help.join("acme/a.yaml")), Some(help.clone()));
        assert_eq!(root_of_file(&help.join("site.yaml")), Some(help.clone()));
        assert_eq!(
            relative_to(&help.join("acme/a.yaml"), &help).as_deref(),
            Some("acme/a.yaml")
        );
    }

    #[test]
    fn a_product_folder_without_a_named_root_still_has_one() {
        let t = tree(&["docs/acme/product.yaml", "docs/acme/a.yaml"]);
        let docs = t.path().join("docs");
        assert_eq!(root_of_file(&docs.join("acme/a.yaml")), Some(docs.clone()));
        assert_eq!(root_of_file(&docs.join("acme/product.yaml")), Some(docs));
        assert!(root_of_file(&t.path().join("elsewhere.yaml")).is_none());
    }

    #[test]
    fn a_folder_named_guides_without_products_is_not_a_root() {
        let t = tree(&["src/guides/mod.rs"]);
        assert!(!is_guides_root(&t.path().join("src/guides")));
        assert!(holds_guides(&tree(&["g/acme/a.yaml"]).path().join("g")));
        assert!(!holds_guides(
            &tree(&["g/acme/product.yaml"]).path().join("g")
        ));
    }
}
