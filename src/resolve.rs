//! Resolving references: platforms per guide (`same_as`, `only`, `instead`), glossary keys,
//! related guides, guide ids and illustration paths.
//!
//! The result is one ordered list of steps per platform and guide, borrowed from the model;
//! every later stage (lints, rendering) works on it and still points at the raw spans.

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

use crate::diag::suggest::help_for;
use crate::diag::{Code, Diagnostic};
use crate::model::{Guide, Platform, Procedure, ProcedureBody, Product, Project, Step, Target};
use crate::source::Span;

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
}

/// The resolved site.
#[derive(Debug)]
pub struct Resolved<'p> {
    /// The project.
    pub project: &'p Project,
    /// Resolved guides, in the project's order.
    pub guides: Vec<ResolvedGuide<'p>>,
}

/// Resolves every guide, reporting broken references.
pub fn resolve<'p>(project: &'p Project, diags: &mut Vec<Diagnostic>) -> Resolved<'p> {
    duplicate_ids(project, diags);
    let ids: std::collections::HashSet<&str> =
        project.guides.iter().map(|g| g.id.value.as_str()).collect();
    let guides = project
        .guides
        .iter()
        .map(|g| {
            let product = project.product(&g.product);
            let rg = resolve_guide(project, g, product, diags);
            related(g, &ids, diags);
            images(project, g, diags);
            rg
        })
        .collect();
    Resolved { project, guides }
}

fn duplicate_ids(project: &Project, diags: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<&str, &Guide> = HashMap::new();
    for g in &project.guides {
        if let Some(first) = seen.get(g.id.value.as_str()) {
            diags.push(
                Diagnostic::new(
                    Code::DuplicateGuideId,
                    g.id.span,
                    format!("guide id `{}` is already used by another guide", g.id.value),
                )
                .help("give one of them a different `id:`; ids appear in URLs and links")
                .related(first.id.span, "first used here"),
            );
        } else {
            seen.insert(&g.id.value, g);
        }
    }
}

fn related(g: &Guide, ids: &std::collections::HashSet<&str>, diags: &mut Vec<Diagnostic>) {
    for r in &g.related {
        if r.value == g.id.value {
            diags.push(
                Diagnostic::new(
                    Code::InvalidValue,
                    r.span,
                    "a guide cannot be related to itself",
                )
                .help("remove this entry"),
            );
        } else if !ids.contains(&r.value.as_str()) {
            diags.push(
                Diagnostic::new(
                    Code::UnknownRelatedGuide,
                    r.span,
                    format!("no guide has the id `{}`", r.value),
                )
                .help({
                    // Sorted so that ties between equally close ids resolve the same way.
                    let mut sorted: Vec<&str> = ids.iter().copied().collect();
                    sorted.sort_unstable();
                    help_for(&r.value, sorted, "guide")
                }),
            );
        }
    }
}

/// Finds which procedure each platform uses, following `same_as`.
fn resolve_guide<'p>(
    project: &'p Project,
    g: &'p Guide,
    product: Option<&'p Product>,
    diags: &mut Vec<Diagnostic>,
) -> ResolvedGuide<'p> {
    let site = &project.site;
    // Platform id -> the procedure block that names it.
    let mut blocks: HashMap<&str, (&Procedure, Span)> = HashMap::new();
    for proc in &g.procedures {
        for p in &proc.platforms {
            if let Some((_, first)) = blocks.get(p.value.as_str()) {
                diags.push(
                    Diagnostic::new(
                        Code::DuplicateKey,
                        p.span,
                        format!("platform `{}` already has steps in this guide", p.value),
                    )
                    .help("keep one block per platform")
                    .related(*first, "first given here"),
                );
            } else {
                blocks.insert(&p.value, (proc, p.span));
            }
        }
    }
    let mut platforms = Vec::new();
    for platform in &site.platforms {
        let Some(&(own, key_span)) = blocks.get(platform.id.as_str()) else {
            continue;
        };
        let Some((proc, source)) = follow(&blocks, platform.id.as_str(), own, diags) else {
            continue;
        };
        let ProcedureBody::Steps(raw) = &proc.body else {
            continue;
        };
        let steps: Vec<ResolvedStep<'p>> = raw
            .iter()
            .filter_map(|s| for_platform(s, &platform.id))
            .collect();
        if steps.is_empty() && !raw.is_empty() {
            diags.push(
                Diagnostic::new(
                    Code::EmptyPlatform,
                    key_span,
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
    let rg = ResolvedGuide {
        guide: g,
        product,
        site,
        platforms,
    };
    check_scoping(site, g, &blocks, diags);
    if let Some(product) = product {
        check_targets(&rg, product, &blocks, diags);
    }
    for u in &g.unavailable_on {
        if let Some((_, sp)) = blocks.get(u.platform.value.as_str()) {
            diags.push(
                Diagnostic::new(
                    Code::InvalidValue,
                    u.platform.span,
                    format!(
                        "`{}` is listed as unavailable but the guide has steps for it",
                        u.platform.value
                    ),
                )
                .help("remove it from `unavailable_on` or remove its steps")
                .related(*sp, "steps given here"),
            );
        }
    }
    rg
}

/// Follows `same_as` links from `start` to a block with steps.
/// Returns the block and, if a link was followed, the platform whose steps are used.
fn follow<'p>(
    blocks: &HashMap<&'p str, (&'p Procedure, Span)>,
    start: &'p str,
    own: &'p Procedure,
    diags: &mut Vec<Diagnostic>,
) -> Option<(&'p Procedure, Option<&'p str>)> {
    let mut proc = own;
    let mut path = vec![start];
    let mut source = None;
    while let ProcedureBody::SameAs(target) = &proc.body {
        let t = target.value.as_str();
        if path.contains(&t) {
            // Report a cycle once: when walking from its alphabetically first member.
            let members = &path[path.iter().position(|p| *p == t).unwrap_or(0)..];
            if t == start && members.iter().min() == Some(&start) {
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
        let Some(&(next, _)) = blocks.get(t) else {
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
        path.push(t);
        source = Some(t);
        proc = next;
    }
    Some((proc, source))
}

/// The step as `platform` sees it, or `None` if it is limited to other platforms.
fn for_platform<'p>(step: &'p Step, platform: &str) -> Option<ResolvedStep<'p>> {
    if !step.only.is_empty() && !step.only.iter().any(|p| p.value == platform) {
        return None;
    }
    let step = step
        .instead
        .iter()
        .find(|(p, _)| p.value == platform)
        .map_or(step, |(_, s)| s);
    Some(ResolvedStep {
        step,
        substeps: step
            .substeps
            .iter()
            .filter_map(|s| for_platform(s, platform))
            .collect(),
    })
}

/// `only` and `instead` must name platforms that follow the procedure.
fn check_scoping(
    site: &crate::model::Site,
    g: &Guide,
    blocks: &HashMap<&str, (&Procedure, Span)>,
    diags: &mut Vec<Diagnostic>,
) {
    for proc in &g.procedures {
        let ProcedureBody::Steps(steps) = &proc.body else {
            continue;
        };
        // Platforms whose chain of `same_as` ends at this block.
        let users: Vec<&str> = site
            .platforms
            .iter()
            .map(|p| p.id.as_str())
            .filter(|id| {
                let mut seen = 0;
                let mut cur = blocks.get(id).map(|(p, _)| *p);
                while let Some(p) = cur {
                    if std::ptr::eq(p, proc) {
                        return true;
                    }
                    seen += 1;
                    cur = match &p.body {
                        ProcedureBody::SameAs(t) if seen < 16 => {
                            blocks.get(t.value.as_str()).map(|(p, _)| *p)
                        }
                        _ => None,
                    };
                }
                false
            })
            .collect();
        let mut check = |p: &crate::source::Spanned<String>, what: &str| {
            if !users.contains(&p.value.as_str()) {
                diags.push(
                    Diagnostic::new(
                        Code::InvalidValue,
                        p.span,
                        format!(
                            "`{what}` names `{}`, which does not follow these steps",
                            p.value
                        ),
                    )
                    .help(format!("these steps are for: {}", users.join(", "))),
                );
            }
        };
        for s in steps
            .iter()
            .chain(steps.iter().flat_map(|s| s.substeps.iter()))
        {
            for p in &s.only {
                check(p, "only");
            }
            for (p, _) in &s.instead {
                check(p, "instead");
            }
        }
    }
}

/// Glossary keys must exist and be available on the platform using them.
fn check_targets(
    rg: &ResolvedGuide<'_>,
    product: &Product,
    blocks: &HashMap<&str, (&Procedure, Span)>,
    diags: &mut Vec<Diagnostic>,
) {
    let keys = || product.glossary.iter().map(|c| c.key.value.as_str());
    let product_platforms: Option<Vec<&str>> = product
        .platforms
        .as_ref()
        .map(|l| l.iter().map(|p| p.value.as_str()).collect());
    for ps in &rg.platforms {
        let pid = ps.platform.id.as_str();
        if let Some(list) = &product_platforms
            && !list.contains(&pid)
            && let Some((_, sp)) = blocks.get(pid)
        {
            diags.push(
                Diagnostic::new(
                    Code::UnknownPlatform,
                    *sp,
                    format!("{} is not available on `{pid}`", product.name.value),
                )
                .help(format!(
                    "the product's `platforms` list in product.yaml is: {}",
                    list.join(", ")
                )),
            );
        }
        let mut visit = |s: &Step| {
            for t in s.target.iter().chain(s.confirm.iter()) {
                let Target::Key(key) = t else { continue };
                match product.control(&key.value) {
                    None => diags.push(
                        Diagnostic::new(
                            Code::UnknownGlossaryKey,
                            key.span,
                            format!(
                                "`{}` is not in the {} glossary",
                                key.value, product.name.value
                            ),
                        )
                        .help(format!(
                            "{} To name something that has no glossary entry, quote it: `\"{}\"`.",
                            sentence(&help_for(&key.value, keys(), "glossary key")),
                            key.value
                        )),
                    ),
                    Some(c) if !c.exists_on(pid) => {
                        let on: Vec<&str> =
                            c.on.iter().flatten().map(|p| p.value.as_str()).collect();
                        let mut d = Diagnostic::new(
                            Code::ControlNotOnPlatform,
                            key.span,
                            format!(
                                "`{}` does not exist on {} (the glossary lists it on {})",
                                key.value,
                                ps.platform.name,
                                on.join(", ")
                            ),
                        )
                        .help(format!(
                            "use a control that exists on {0}, limit this step with `only:`, or add `{pid}` to the control's `on`",
                            ps.platform.name
                        ))
                        .related(c.key.span, "defined here");
                        if let Some(src) = ps.same_as {
                            let link = blocks.get(pid).map(|(p, _)| p.key_span);
                            if let Some(link) = link {
                                d = d.related(
                                    link,
                                    format!("{pid} copies the steps of {src} through `same_as`"),
                                );
                            }
                        }
                        diags.push(d);
                    }
                    Some(_) => {}
                }
            }
        };
        for rs in &ps.steps {
            visit(rs.step);
            for sub in &rs.substeps {
                visit(sub.step);
            }
        }
    }
}

/// Illustration paths stay inside the guides folder, exist, and come with alt text.
fn images(project: &Project, g: &Guide, diags: &mut Vec<Diagnostic>) {
    let guide_dir = PathBuf::from(&g.product);
    {
        for step in g.written_steps() {
            let Some(img) = &step.image else { continue };
            if img.src.is_none() && !img.callouts.is_empty() {
                diags.push(
                    Diagnostic::new(
                        Code::InvalidValue,
                        img.callouts[0].span,
                        "callouts mark a screenshot, and this image has no `src`",
                    )
                    .help("add the screenshot's `src`, or remove the callouts to get a generated schematic"),
                );
            }
            match &img.alt {
                Some(alt) if !alt.value.trim().is_empty() => {}
                // Without a screenshot, a schematic is drawn and its alt text generated.
                None if img.src.is_none() => {}
                _ => diags.push(
                    Diagnostic::new(Code::MissingAltText, img.span, "this illustration has no alt text")
                        .help("describe what the picture shows: `image: {src: ..., alt: The Account page with Sign out highlighted}`"),
                ),
            }
            let Some(src) = &img.src else { continue };
            match inside_root(&guide_dir, &src.value) {
                Err(why) => diags.push(
                    Diagnostic::new(
                        Code::ImagePathInvalid,
                        src.span,
                        format!("illustration path `{}` {why}", src.value),
                    )
                    .help("give a path relative to the guide file, inside the guides folder, e.g. `img/account.png`"),
                ),
                Ok(rel) => {
                    let path = project.root.join(&rel);
                    if path.is_file() && !img.callouts.is_empty() {
                        callouts_inside(img, &path, diags);
                    }
                    if !project.root.as_os_str().is_empty() && !path.is_file() {
                        diags.push(
                            Diagnostic::new(
                                Code::ImageNotFound,
                                src.span,
                                format!("illustration `{}` does not exist", src.value),
                            )
                            .help(format!(
                                "looked for `{}`; paths are relative to the guide's folder",
                                project.root.join(&rel).display()
                            )),
                        );
                    }
                }
            }
        }
    }
}

/// A help fragment as a sentence: capitalised, ending with punctuation.
fn sentence(s: &str) -> String {
    let mut c = s.chars();
    let mut out: String = c
        .next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default();
    if !out.ends_with(['.', '?', '!']) {
        out.push('.');
    }
    out
}

/// Callouts must lie inside the screenshot they mark.
fn callouts_inside(img: &crate::model::Image, path: &Path, diags: &mut Vec<Diagnostic>) {
    use crate::model::CalloutShape;
    let Ok(size) = imagesize::size(path) else {
        if let Some(first) = img.callouts.first() {
            diags.push(
                Diagnostic::new(
                    Code::CalloutOutOfBounds,
                    first.span,
                    format!(
                        "cannot read the size of `{}` to place its callouts",
                        path.display()
                    ),
                )
                .help("use a PNG, JPEG or WebP screenshot for callouts"),
            );
        }
        return;
    };
    let (w, h) = (size.width as u64, size.height as u64);
    for c in &img.callouts {
        let (x2, y2) = match c.shape {
            CalloutShape::Box(x, y, bw, bh) => {
                (u64::from(x) + u64::from(bw), u64::from(y) + u64::from(bh))
            }
            CalloutShape::Arrow(x1, y1, x2, y2) => (u64::from(x1.max(x2)), u64::from(y1.max(y2))),
            // A marker's circle (11 px) may overhang; its centre must be on the image.
            CalloutShape::Marker(x, y) => (u64::from(x), u64::from(y)),
        };
        if x2 > w || y2 > h {
            diags.push(
                Diagnostic::new(
                    Code::CalloutOutOfBounds,
                    c.span,
                    format!("this callout reaches ({x2}, {y2}), outside the {w}×{h} pixel image"),
                )
                .help("measure the callout in pixels of the image file, from its top-left corner"),
            );
        }
    }
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
