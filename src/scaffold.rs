//! `new`: scaffold a guide (and its product file) that passes `check` as written.

use std::path::{Path, PathBuf};

use crate::load::decode::is_id;
use crate::model::{ProcedureBody, Project, Role, Site, Target};

/// The JSON Schemas for editor completion, written beside the guides on `new`.
pub(crate) use crate::schema::SCHEMAS;

/// Folder (inside the guides folder) that holds the schemas; hidden, so never loaded.
pub(crate) const SCHEMA_DIR: &str = ".schema";

/// A sentence `new` writes for the author to replace: the text before and after the
/// platform's name (`after` is empty for sentences without one).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Placeholder {
    /// The text up to the platform's name, or the whole sentence.
    pub before: &'static str,
    /// The text after the platform's name.
    pub after: &'static str,
}

impl Placeholder {
    const fn whole(text: &'static str) -> Placeholder {
        Placeholder {
            before: text,
            after: "",
        }
    }

    /// The sentence for `platform` (its display name).
    fn text(&self, platform: &str) -> String {
        if self.after.is_empty() {
            self.before.to_owned()
        } else {
            format!("{}{platform}{}", self.before, self.after)
        }
    }

    /// The byte range of this placeholder in `text`, if `text` still holds it.
    pub(crate) fn find(&self, text: &str) -> Option<(usize, usize)> {
        let start = text.find(self.before)?;
        let mut end = start + self.before.len();
        if !self.after.is_empty() {
            // A platform name: one short line between the two parts.
            let rest = &text[end..];
            let name = rest
                .find(self.after)
                .filter(|&n| n <= 40 && !rest[..n].contains('\n'))?;
            end += name + self.after.len();
        }
        Some((start, end))
    }
}

/// The summary `new` writes.
const SUMMARY: Placeholder = Placeholder::whole("One sentence that says what the reader achieves.");
/// The guide note `new` writes.
const NOTE: Placeholder =
    Placeholder::whole("What every reader should know before starting, or remove this list.");
/// The step `new` writes after the first one, per platform.
const STEP: Placeholder = Placeholder {
    before: "Describe the next action on ",
    after: ", one step per action.",
};
/// The tip `new` writes.
const TIP: Placeholder = Placeholder::whole("One short tip, or remove this list.");
/// The reason `new` gives for a product's platform the guide leaves out.
const UNAVAILABLE: Placeholder = Placeholder {
    before: "Say why readers on ",
    after: " cannot do this, or give the guide steps for it.",
};

/// Every sentence `new` writes for the author to replace; a guide that still holds one is
/// reported by `unedited-scaffold`.
pub(crate) const PLACEHOLDERS: &[Placeholder] = &[SUMMARY, NOTE, STEP, TIP, UNAVAILABLE];

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
    /// A platform the product does not have.
    #[error("{0} is not available on `{1}`; its product.yaml lists: {2}")]
    ProductPlatform(String, String, String),
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
    let existing = project.product(product);
    let product_platforms: Vec<String> = match existing.and_then(|p| p.platforms.as_ref()) {
        Some(list) => list.iter().map(|p| p.value.clone()).collect(),
        None => known.iter().map(|s| (*s).to_owned()).collect(),
    };
    let platforms: Vec<String> = match platforms {
        Some(list) => list.to_vec(),
        None if existing.is_some() => covered(project, product, &product_platforms),
        None => known.iter().map(|s| (*s).to_owned()).collect(),
    };
    for p in &platforms {
        if !known.contains(&p.as_str()) {
            return Err(NewError::Platform(p.clone(), known.join(", ")));
        }
        if let Some(existing) = existing
            && !product_platforms.contains(p)
        {
            return Err(NewError::ProductPlatform(
                existing.name.value.clone(),
                p.clone(),
                product_platforms.join(", "),
            ));
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
    let product_platforms = if existing.is_some() {
        product_platforms
    } else {
        platforms.clone()
    };
    let left_out: Vec<&String> = product_platforms
        .iter()
        .filter(|p| !platforms.contains(p))
        .collect();
    let mut text = guide_text(slug, &platforms, site, |p| first_step(project, product, p));
    if !left_out.is_empty() {
        text.push_str("unavailable_on:\n");
        for p in left_out {
            let name = site.platform(p).map_or(p.as_str(), |pl| pl.name.as_str());
            text.push_str(&format!("  {p}: {}\n", UNAVAILABLE.text(name)));
        }
    }
    std::fs::write(&guide_path, text).map_err(io(&guide_path))?;
    files.push(guide_path);
    Ok(Created { files })
}

/// The platforms the product's guides have steps for, in the site's order; all of the
/// product's platforms when it has no guide yet.
fn covered(project: &Project, product: &str, product_platforms: &[String]) -> Vec<String> {
    let mut seen: Vec<&str> = Vec::new();
    for g in project.guides.iter().filter(|g| g.product == product) {
        for p in g.procedures.iter().flat_map(|p| &p.platforms) {
            if !seen.contains(&p.value.as_str()) {
                seen.push(&p.value);
            }
        }
    }
    let list: Vec<String> = project
        .site
        .platform_ids()
        .filter(|p| seen.contains(p) && product_platforms.iter().any(|q| q == p))
        .map(str::to_owned)
        .collect();
    if list.is_empty() {
        product_platforms.to_vec()
    } else {
        list
    }
}

/// The step a new guide of `product` starts with on `platform`: the glossary step the
/// product's guides most often start with there, else opening its first screen there;
/// `open: home` for a new product (its product.yaml gets that screen).
fn first_step(project: &Project, product: &str, platform: &str) -> Option<String> {
    let Some(prod) = project.product(product) else {
        return Some("open: home".to_owned());
    };
    let mut counts: Vec<(String, usize)> = Vec::new();
    for g in project.guides.iter().filter(|g| g.product == product) {
        let block = |id: &str| {
            g.procedures
                .iter()
                .find(|p| p.platforms.iter().any(|q| q.value == id))
        };
        let steps = match block(platform).map(|p| &p.body) {
            Some(ProcedureBody::Steps(steps)) => steps,
            Some(ProcedureBody::SameAs(other)) => match block(&other.value).map(|p| &p.body) {
                Some(ProcedureBody::Steps(steps)) => steps,
                _ => continue,
            },
            None => continue,
        };
        let Some(first) = steps.first() else { continue };
        let Some(Target::Key(key)) = &first.target else {
            continue;
        };
        if first.on.is_some()
            || !prod
                .control(&key.value)
                .is_some_and(|c| c.exists_on(platform))
        {
            continue;
        }
        let step = format!("{}: {}", first.action.value.as_str(), key.value);
        match counts.iter_mut().find(|(s, _)| *s == step) {
            Some((_, n)) => *n += 1,
            None => counts.push((step, 1)),
        }
    }
    // The most common; the first seen among equals.
    let best = counts
        .iter()
        .enumerate()
        .max_by_key(|(i, (_, n))| (*n, std::cmp::Reverse(*i)))
        .map(|(_, (s, _))| s.clone());
    best.or_else(|| {
        prod.glossary
            .iter()
            .find(|c| c.role.value == Role::Screen && c.exists_on(platform))
            .map(|c| format!("open: {}", c.key.value))
    })
}

/// The comment above a new guide's steps: what a step can be.
const STEPS_COMMENT: &str = concat!(
    "  # One action per step, on a control of the product's glossary (`tap: KEY`, keys from\n",
    "  # product.yaml) or on free text (`tap: \"Update\"`, `do: ...`). A step done on another\n",
    "  # device takes `on: web` (or another platform); a control of another product is\n",
    "  # `PRODUCT:KEY`, with that product listed in product.yaml `uses:`.\n",
);

fn guide_text(
    slug: &str,
    platforms: &[String],
    site: &Site,
    first_step: impl Fn(&str) -> Option<String>,
) -> String {
    let mut out = format!(
        "# yaml-language-server: $schema=../{SCHEMA_DIR}/guide.schema.json\ntitle: How to {}\nsummary: {}\ntime: 2 min\nnotes:\n  - {}\nsteps:\n{STEPS_COMMENT}",
        slug.replace('-', " "),
        SUMMARY.before,
        NOTE.before,
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
        let first = first_step(p);
        match first_touch {
            // Touch platforms that start alike share one block.
            Some(shared)
                if platform.verb == "tap" && p != shared && first == first_step(shared) =>
            {
                out.push_str(&format!("  {p}: {{same_as: {shared}}}\n"));
            }
            _ => {
                out.push_str(&format!("  {p}:\n"));
                if let Some(step) = first {
                    out.push_str(&format!("    - {step}\n"));
                }
                out.push_str(&format!("    - do: {}\n", STEP.text(&platform.name)));
            }
        }
    }
    out.push_str(&format!("tips:\n  - {}\n", TIP.before));
    out
}
