//! `new`: scaffold a guide (and its product file) that passes `check` as written.

use std::path::{Path, PathBuf};

use crate::load::decode::is_id;
use crate::model::{Project, Site};

/// The JSON Schemas for editor completion, written beside the guides on `new`.
pub(crate) use crate::schema::SCHEMAS;

/// Folder (inside the guides folder) that holds the schemas; hidden, so never loaded.
pub(crate) const SCHEMA_DIR: &str = ".schema";

/// A failure to scaffold.
#[derive(Debug, thiserror::Error)]
pub(crate) enum NewError {
    /// The argument is not `product/slug`.
    #[error("expected PRODUCT/SLUG, e.g. `netflix/change-password`, found `{0}`")]
    Shape(String),
    /// A name is not an id.
    #[error("`{0}` is not a valid id: use lowercase letters, digits and single hyphens")]
    Id(String),
    /// The guide exists.
    #[error("`{0}` already exists; choose another slug or edit that file")]
    Exists(PathBuf),
    /// A platform is not defined by the site.
    #[error("unknown platform `{0}`; the site defines: {1}")]
    Platform(String, String),
    /// Writing failed.
    #[error("cannot write `{path}`: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
}

/// What `new` wrote.
#[derive(Debug)]
pub(crate) struct Created {
    /// Files written, in order.
    pub files: Vec<PathBuf>,
}

fn title_case(id: &str) -> String {
    id.split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Writes `<guides>/<product>/<slug>.yaml` (and `product.yaml` if missing).
pub(crate) fn new_guide(
    guides: &Path,
    spec: &str,
    platforms: Option<&[String]>,
    project: &Project,
) -> Result<Created, NewError> {
    let site = &project.site;
    let (product, slug) = spec
        .trim_end_matches(".yaml")
        .split_once('/')
        .ok_or_else(|| NewError::Shape(spec.to_owned()))?;
    for id in [product, slug] {
        if !is_id(id) {
            return Err(NewError::Id(id.to_owned()));
        }
    }
    let known: Vec<&str> = site.platform_ids().collect();
    let platforms: Vec<String> = match platforms {
        Some(list) => list.to_vec(),
        None => known.iter().map(|s| (*s).to_owned()).collect(),
    };
    for p in &platforms {
        if !known.contains(&p.as_str()) {
            return Err(NewError::Platform(p.clone(), known.join(", ")));
        }
    }
    let dir = guides.join(product);
    let guide_path = dir.join(format!("{slug}.yaml"));
    if guide_path.exists() {
        return Err(NewError::Exists(guide_path));
    }
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| NewError::Io { path, source }
    };
    let mut files = Vec::new();
    std::fs::create_dir_all(&dir).map_err(io(&dir))?;
    let schema_dir = guides.join(SCHEMA_DIR);
    std::fs::create_dir_all(&schema_dir).map_err(io(&schema_dir))?;
    for (name, text) in SCHEMAS {
        let path = schema_dir.join(name);
        if !path.exists() {
            std::fs::write(&path, text).map_err(io(&path))?;
            files.push(path);
        }
    }
    let product_path = dir.join("product.yaml");
    if !product_path.exists() {
        let text = format!(
            "# yaml-language-server: $schema=../{SCHEMA_DIR}/product.schema.json\nname: {}\nplatforms: [{}]\nglossary:\n  home:\n    role: screen\n    label: Home\n",
            title_case(product),
            platforms.join(", ")
        );
        std::fs::write(&product_path, text).map_err(io(&product_path))?;
        files.push(product_path);
    }
    // Platforms the product has that the guide leaves out are declared, not silently missing.
    let product_platforms: Vec<String> =
        match project.product(product).and_then(|p| p.platforms.as_ref()) {
            Some(list) => list.iter().map(|p| p.value.clone()).collect(),
            None if project.product(product).is_some() => {
                known.iter().map(|s| (*s).to_owned()).collect()
            }
            None => platforms.clone(),
        };
    let left_out: Vec<&String> = product_platforms
        .iter()
        .filter(|p| !platforms.contains(p))
        .collect();
    let mut text = guide_text(slug, &platforms, site);
    if !left_out.is_empty() {
        text.push_str("unavailable_on:\n");
        for p in left_out {
            let name = site.platform(p).map_or(p.as_str(), |pl| pl.name.as_str());
            text.push_str(&format!("  {p}: This task is not available on {name}.\n"));
        }
    }
    std::fs::write(&guide_path, text).map_err(io(&guide_path))?;
    files.push(guide_path);
    Ok(Created { files })
}

fn guide_text(slug: &str, platforms: &[String], site: &Site) -> String {
    let mut out = format!(
        "# yaml-language-server: $schema=../{SCHEMA_DIR}/guide.schema.json\ntitle: How to {}\nsummary: One sentence that says what the reader achieves.\ntime: 2 min\nnotes:\n  - What every reader should know before starting, or remove this list.\nsteps:\n",
        slug.replace('-', " ")
    );
    // Touch platforms share one block; the others get their own.
    let touch: Vec<&String> = platforms
        .iter()
        .filter(|p| site.platform(p).is_some_and(|p| p.verb == "tap"))
        .collect();
    let first_touch = touch.first().map(|s| s.as_str());
    for p in platforms {
        let Some(platform) = site.platform(p) else {
            continue;
        };
        match first_touch {
            Some(first) if platform.verb == "tap" && p != first => {
                out.push_str(&format!("  {p}: {{same_as: {first}}}\n"));
            }
            _ => {
                out.push_str(&format!(
                    "  {p}:\n    - open: home\n    - do: Describe the next action on {}, one per step.\n",
                    platform.name
                ));
            }
        }
    }
    out.push_str("tips:\n  - One short tip, or remove this list.\n");
    out
}
