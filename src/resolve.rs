//! Resolving references: platforms per guide (`same_as`, `only`, `instead`) and
//! illustration files.
//!
//! The result is one ordered list of steps per platform and guide, borrowed from the model,
//! and the [`crate::probe`] cache of illustration files (one stat per distinct file), which
//! every later stage asks instead of the disk. Every later stage (checks,
//! rendering, fingerprints) works on it and still points at the raw spans. Resolving reports
//! only what it cannot follow (`same_as` cycles and dead ends, a platform given twice, a
//! platform left without steps); the checks of what it found live in [`crate::check`].

use std::path::{Component, Path, PathBuf};

use crate::diag::{Code, Diagnostic};
use crate::model::{Guide, Platform, Procedure, ProcedureBody, Product, Project, Site, Step};
use crate::probe::ImageCache;
pub use crate::probe::ImageFile;
use crate::source::{Span, Spanned};
use crate::texts::Text;

/// A guide with its steps resolved per platform.
#[derive(Debug)]
pub struct ResolvedGuide<'p> {
    /// The guide as written.
    pub guide: &'p Guide,
    /// Its product (`None` if the product file is missing or broken).
    pub product: Option<&'p Product>,
    /// The site settings.
    pub site: &'p crate::model::Site,
    /// Steps per platform, in the site's platform order.
    pub platforms: Vec<PlatformSteps<'p>>,
    /// The guide's procedure blocks by platform id, as written (first block per id).
    pub blocks: Vec<Block<'p>>,
    /// Every step as written, listed once for the rules that all walk them.
    written: Vec<&'p Step>,
    /// Every free-text field, listed once for the rules that all read them.
    texts: Vec<Text<'p>>,
}

/// The procedure block a platform id names in a guide.
#[derive(Debug, Clone, Copy)]
pub struct Block<'p> {
    /// The platform id.
    pub platform: &'p str,
    /// The block.
    pub procedure: &'p Procedure,
    /// The span of the platform id in the block's key.
    pub span: Span,
}

impl<'p> ResolvedGuide<'p> {
    /// The block that names `platform`, if any.
    pub fn block(&self, platform: &str) -> Option<&Block<'p>> {
        self.blocks.iter().find(|b| b.platform == platform)
    }

    /// Every step of the guide as written ([`Guide::written_steps`]), listed once however
    /// many rules ask.
    pub fn written_steps(&self) -> &[&'p Step] {
        &self.written
    }

    /// Every free-text field of the guide ([`crate::texts::texts`]), listed once
    /// however many rules ask.
    pub fn texts(&self) -> &[Text<'p>] {
        &self.texts
    }
}

/// The steps one platform follows.
#[derive(Debug)]
pub struct PlatformSteps<'p> {
    /// The platform.
    pub platform: &'p Platform,
    /// Steps in order, with `only` and `instead` applied.
    pub steps: Vec<ResolvedStep<'p>>,
    /// The platform whose steps these are, if reached through `same_as`.
    pub same_as: Option<&'p str>,
    /// The procedure block the steps come from.
    pub procedure: &'p Procedure,
}

/// A step as one platform sees it.
#[derive(Debug)]
pub struct ResolvedStep<'p> {
    /// The step (a replacement from `instead` where one applies).
    pub step: &'p Step,
    /// Its sub-steps for this platform.
    pub substeps: Vec<ResolvedStep<'p>>,
    /// The platform the step happens on: the procedure's, or the one its `on:` (or its
    /// parent step's) names. Its labels and verb apply to the step.
    pub on: &'p Platform,
    /// The device the reader is sent to, when the step happens elsewhere (`your computer`).
    pub elsewhere: Option<&'p str>,
    /// Its exclusive options for this platform, each with its steps.
    pub options: Vec<ResolvedOption<'p>>,
    /// The id written on the step (on the step replaced, for an `instead` replacement).
    pub id: Option<&'p crate::source::Spanned<String>>,
    /// The step an `instead` replacement stands for, whose `detail` and `result` it
    /// inherits when it gives none of its own.
    pub replaced: Option<&'p Step>,
}

/// One of a step's options as one platform sees it.
#[derive(Debug)]
pub struct ResolvedOption<'p> {
    /// The option as written.
    pub option: &'p crate::model::StepOption,
    /// Its steps for this platform.
    pub steps: Vec<ResolvedStep<'p>>,
}

impl<'p> ResolvedStep<'p> {
    /// The steps nested in this one: its sub-steps, then the steps of its options.
    pub fn nested(&self) -> impl Iterator<Item = &ResolvedStep<'p>> {
        self.substeps
            .iter()
            .chain(self.options.iter().flat_map(|o| o.steps.iter()))
    }

    /// More explanation: the step's own, or the replaced step's.
    pub fn detail(&self) -> Option<&'p Spanned<String>> {
        let step: &'p Step = self.step;
        step.detail
            .as_ref()
            .or_else(|| self.replaced.and_then(|r| r.detail.as_ref()))
    }

    /// What the reader sees afterwards: the step's own, or the replaced step's.
    pub fn result(&self) -> Option<&'p Spanned<String>> {
        let step: &'p Step = self.step;
        step.result
            .as_ref()
            .or_else(|| self.replaced.and_then(|r| r.result.as_ref()))
    }
}

/// The resolved site.
#[derive(Debug)]
pub struct Resolved<'p> {
    /// The project.
    pub project: &'p Project,
    /// Resolved guides, in the project's order.
    pub guides: Vec<ResolvedGuide<'p>>,
    /// Every illustration file a step names, stat'ed once, by path relative to the root.
    pub images: ImageCache,
}

impl Resolved<'_> {
    /// The probe of an existing illustration file (path relative to the root).
    pub fn image(&self, rel: &Path) -> Option<&ImageFile> {
        self.images.get(rel)
    }
}

/// Resolves every guide and probes every illustration file once.
pub fn resolve<'p>(project: &'p Project, diags: &mut Vec<Diagnostic>) -> Resolved<'p> {
    // On all cores, each guide's findings kept in the guides' order.
    use rayon::prelude::*;
    let (guides, found): (Vec<_>, Vec<_>) = project
        .guides
        .par_iter()
        .map(|g| {
            let mut found = Vec::new();
            (resolve_guide(project, g, &mut found), found)
        })
        .unzip();
    diags.extend(found.into_iter().flatten());
    Resolved {
        project,
        guides,
        images: probe_images(project),
    }
}

/// Stats each distinct illustration file once, on all cores.
fn probe_images(project: &Project) -> ImageCache {
    // An in-memory project has no folder to look in.
    if project.root.as_os_str().is_empty() {
        return ImageCache::default();
    }
    let paths = project.guides.iter().flat_map(|g| {
        g.written_steps()
            .into_iter()
            .filter_map(|s| s.image.as_ref()?.src.as_ref())
            .filter_map(|src| image_path(g, &src.value).ok())
            .collect::<Vec<_>>()
    });
    ImageCache::probe(&project.root, paths)
}

/// The path of a step's illustration relative to the guides root, or why it is not allowed.
pub fn image_path(guide: &Guide, src: &str) -> Result<PathBuf, &'static str> {
    inside_root(Path::new(&guide.product), src)
}

/// Finds which procedure each platform uses, following `same_as`.
fn resolve_guide<'p>(
    project: &'p Project,
    g: &'p Guide,
    diags: &mut Vec<Diagnostic>,
) -> ResolvedGuide<'p> {
    let site = &project.site;
    let mut blocks: Vec<Block<'p>> = Vec::new();
    for proc in &g.procedures {
        for p in &proc.platforms {
            if let Some(first) = blocks.iter().find(|b| b.platform == p.value) {
                diags.push(
                    Diagnostic::new(
                        Code::DuplicateKey,
                        p.span,
                        format!("platform `{}` already has steps in this guide", p.value),
                    )
                    .help("keep one block per platform")
                    .related(first.span, "first given here"),
                );
            } else {
                blocks.push(Block {
                    platform: &p.value,
                    procedure: proc,
                    span: p.span,
                });
            }
        }
    }
    let mut platforms = Vec::new();
    for platform in &site.platforms {
        let Some(own) = blocks.iter().find(|b| b.platform == platform.id) else {
            continue;
        };
        let Some((proc, source)) = follow(g, site, &blocks, own, diags) else {
            continue;
        };
        let ProcedureBody::Steps(raw) = &proc.body else {
            continue;
        };
        let mut steps: Vec<ResolvedStep<'p>> = Vec::with_capacity(raw.len());
        steps.extend(
            raw.iter()
                .filter_map(|s| for_platform(s, site, platform, None)),
        );
        name_runs(&mut steps);
        if steps.is_empty() && !raw.is_empty() {
            diags.push(
                Diagnostic::new(
                    Code::EmptyPlatform,
                    own.span,
                    format!("no step applies to platform `{}`", platform.id),
                )
                .help(
                    "every step is limited to other platforms with `only`; add a step for this one",
                ),
            );
            continue;
        }
        platforms.push(PlatformSteps {
            platform,
            steps,
            same_as: source,
            procedure: proc,
        });
    }
    let written = g.written_steps();
    ResolvedGuide {
        guide: g,
        product: project.product(&g.product),
        site,
        platforms,
        blocks,
        texts: crate::texts::texts_of(g, &written),
        written,
    }
}

/// Follows `same_as` links from `start` to a block with steps.
/// Returns the block and, if a link was followed, the platform whose steps are used.
fn follow<'p>(
    guide: &Guide,
    site: &Site,
    blocks: &[Block<'p>],
    start: &Block<'p>,
    diags: &mut Vec<Diagnostic>,
) -> Option<(&'p Procedure, Option<&'p str>)> {
    let mut proc = start.procedure;
    let mut path = vec![start.platform];
    let mut source = None;
    while let ProcedureBody::SameAs(target) = &proc.body {
        let t = target.value.as_str();
        if path.contains(&t) {
            // Report a cycle once: when walking from its alphabetically first member.
            let members = &path[path.iter().position(|p| *p == t).unwrap_or(0)..];
            if t == start.platform && members.iter().min() == Some(&start.platform) {
                let mut chain = path.clone();
                chain.push(t);
                diags.push(
                    Diagnostic::new(
                        Code::SameAsCycle,
                        target.span,
                        format!("`same_as` links form a cycle: {}", chain.join(" -> ")),
                    )
                    .help("give one of these platforms its own steps"),
                );
            }
            return None;
        }
        let Some(next) = blocks.iter().find(|b| b.platform == t) else {
            if guide.may_have_meant(t, site) {
                // The steps are there under a misspelt key, which is the error to report.
                return None;
            }
            diags.push(
                Diagnostic::new(
                    Code::SameAsMissing,
                    target.span,
                    format!("`same_as: {t}`, but this guide has no steps for `{t}`"),
                )
                .help(format!(
                    "write the steps under `{t}:`, or give this platform its own steps"
                )),
            );
            return None;
        };
        path.push(next.platform);
        source = Some(next.platform);
        proc = next.procedure;
    }
    Some((proc, source))
}

/// A device named once holds for the run of steps on its platform that follows: in
/// `on: {platform: web, device: your work computer}` then `on: web`, both steps happen on
/// "your work computer".
fn name_runs(steps: &mut [ResolvedStep<'_>]) {
    for i in 1..steps.len() {
        let (before, rest) = steps.split_at_mut(i);
        let (prev, cur) = (&before[i - 1], &mut rest[0]);
        let unnamed = cur.step.on.as_ref().is_some_and(|c| c.device.is_none());
        if unnamed && prev.elsewhere.is_some() && cur.elsewhere.is_some() && prev.on.id == cur.on.id
        {
            cur.elsewhere = prev.elsewhere;
            let device = cur.elsewhere;
            for sub in cur.substeps.iter_mut().filter(|s| s.step.on.is_none()) {
                sub.elsewhere = device;
            }
        }
    }
}

/// The step as `platform` sees it, or `None` if it is limited to other platforms.
/// `parent` is where the parent step happens, for a sub-step.
fn for_platform<'p>(
    step: &'p Step,
    site: &'p crate::model::Site,
    platform: &'p Platform,
    parent: Option<(&'p Platform, Option<&'p str>)>,
) -> Option<ResolvedStep<'p>> {
    let pid = platform.id.as_str();
    if !step.only.is_empty() && !step.only.iter().any(|p| p.value == pid) {
        return None;
    }
    let id = step.id.as_ref();
    let replacement = step
        .instead
        .iter()
        .find(|(p, _)| p.value == pid)
        .map(|(_, s)| s);
    let replaced = replacement.map(|_| step);
    let step = replacement.unwrap_or(step);
    let (on, elsewhere) = match &step.on {
        Some(c) => match site.platform(&c.platform.value) {
            Some(p) if p.id != platform.id || c.device.is_some() => (
                p,
                Some(
                    c.device
                        .as_ref()
                        .map_or(p.kind.device(), |d| d.value.as_str()),
                ),
            ),
            _ => (platform, None),
        },
        None => parent.unwrap_or((platform, None)),
    };
    Some(ResolvedStep {
        step,
        replaced,
        substeps: step
            .substeps
            .iter()
            .filter_map(|s| for_platform(s, site, platform, Some((on, elsewhere))))
            .collect(),
        on,
        elsewhere,
        options: step
            .options
            .iter()
            .map(|o| ResolvedOption {
                option: o,
                steps: o
                    .steps
                    .iter()
                    .filter_map(|s| for_platform(s, site, platform, Some((on, elsewhere))))
                    .collect(),
            })
            .collect(),
        id,
    })
}

/// Joins `src` to the guide's folder (relative to the root) without leaving the root.
fn inside_root(guide_dir: &Path, src: &str) -> Result<PathBuf, &'static str> {
    if src.contains("://") || src.starts_with("data:") {
        return Err("is a URL; illustrations must be files in the guides folder");
    }
    let path = Path::new(src);
    if path.is_absolute() || src.starts_with('/') || src.starts_with('\\') || path.has_root() {
        return Err("is absolute");
    }
    let mut out = guide_dir.to_path_buf();
    for c in path.components() {
        match c {
            Component::Normal(p) => out.push(p),
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    return Err("leaves the guides folder");
                }
            }
            Component::RootDir | Component::Prefix(_) => return Err("is absolute"),
        }
    }
    if out.as_os_str().is_empty() {
        return Err("names a folder, not a file");
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn image_paths_stay_inside() {
        let dir = Path::new("netflix");
        assert_eq!(
            inside_root(dir, "img/a.png").unwrap(),
            PathBuf::from("netflix/img/a.png")
        );
        assert_eq!(
            inside_root(dir, "../shared/a.png").unwrap(),
            PathBuf::from("shared/a.png")
        );
        assert!(inside_root(dir, "../../etc/passwd").is_err());
        assert!(inside_root(dir, "/etc/passwd").is_err());
        assert!(inside_root(dir, "https://x.org/a.png").is_err());
    }
}
