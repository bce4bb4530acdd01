//! The trees of a site in several languages: the default language's at the root, each
//! other language's in a folder named after its tag (`fr/`), rendered with the same
//! templates from the language's merged guides. The other trees are written as part of the
//! shared pages (one tree's `404.html` and `sitemap.xml` serve the whole site).

use std::collections::BTreeMap;

use super::fingerprint::Fingerprints;
use crate::check::Checked;
use crate::layout;
use crate::render::languages::{Tree, Versions};
use crate::render::{Page, RenderError, SiteRenderer};

/// Every tree of the site, the default language's first.
fn trees(checked: &Checked<'_>) -> Vec<Tree> {
    let locales = crate::locale::Locales::with_site(&checked.resolved.project.locales);
    let with_file = locales.languages();
    // A language's name from its locale file (`locale-name`), else from a short table.
    let name = |tag: &str| {
        let primary = tag.split('-').next().unwrap_or(tag);
        if with_file.iter().any(|l| *l == tag || *l == primary) {
            locales.get(tag).text("locale-name")
        } else {
            crate::render::languages::autonym(tag)
        }
    };
    let tree = |resolved: &crate::resolve::Resolved<'_>, prefix: String| {
        let mut guides: Vec<String> = resolved
            .guides
            .iter()
            .map(|g| g.guide.id.value.clone())
            .collect();
        guides.sort();
        Tree {
            name: name(&resolved.project.site.language),
            language: resolved.project.site.language.clone(),
            prefix,
            guides,
        }
    };
    std::iter::once(tree(&checked.resolved, String::new()))
        .chain(
            checked
                .languages
                .iter()
                .map(|r| tree(r, format!("{}/", r.project.site.language))),
        )
        .collect()
}

/// The renderers of the other languages' trees, and the default tree's `renderer` set up to
/// link them (nothing changes for a site in one language).
pub(super) fn renderers<'r>(
    checked: &'r Checked<'r>,
    tera: &'r tera::Tera,
    renderer: &mut SiteRenderer<'r>,
) -> Result<Vec<SiteRenderer<'r>>, RenderError> {
    if checked.languages.is_empty() {
        return Ok(Vec::new());
    }
    let trees = trees(checked);
    let versions = |current: usize| Versions {
        trees: trees.clone(),
        current,
        base_url: checked.resolved.project.site.base_url.clone(),
    };
    let mut others = Vec::new();
    let mut urls = Vec::new();
    for (i, resolved) in checked.languages.iter().enumerate() {
        let mut r = SiteRenderer::new(resolved, tera)?;
        r.set_versions(versions(i + 1), Vec::new());
        urls.extend(r.sitemap_entries());
        others.push(r);
    }
    renderer.set_versions(versions(0), urls);
    Ok(others)
}

/// Every page of the other languages' trees, at their paths in the site.
pub(super) fn pages(renderers: &[SiteRenderer<'_>]) -> Result<Vec<Page>, RenderError> {
    use rayon::prelude::*;
    let mut out = Vec::new();
    for r in renderers {
        let Some(prefix) = r.tree_prefix() else {
            continue;
        };
        let mut pages = r.shared_pages()?;
        pages.retain(|p| p.path != layout::NOT_FOUND && p.path != layout::SITEMAP);
        let guides: Vec<Vec<Page>> = r
            .guides()
            .par_iter()
            .map(|rg| r.guide_pages(rg))
            .collect::<Result<_, RenderError>>()?;
        pages.extend(guides.into_iter().flatten());
        out.extend(pages.into_iter().map(|p| Page {
            path: format!("{prefix}{}", p.path),
            body: p.body,
        }));
    }
    Ok(out)
}

/// Folds what the other trees are made of into the fingerprints: the translation files and
/// their sources into the shared pages' (which hold those trees), and into each guide's the
/// languages it is translated into (its page links them).
pub(super) fn fingerprint(checked: &Checked<'_>, fps: &mut Fingerprints, cards: &mut u64) {
    if checked.languages.is_empty() {
        return;
    }
    let project = checked.resolved.project;
    let mut text = Vec::new();
    let mut translated: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for resolved in &checked.languages {
        let language = resolved.project.site.language.as_str();
        text.extend_from_slice(language.as_bytes());
        text.push(0xfe);
        for rg in &resolved.guides {
            let g = rg.guide;
            translated.entry(&g.id.value).or_default().push(language);
            for file in std::iter::once(g.file).chain(g.translation) {
                text.extend_from_slice(project.sources.get(file).text.as_bytes());
                text.push(0xff);
            }
        }
    }
    let h = layout::content_hash(&text);
    let mix = |a: u64, b: u64| layout::content_hash(format!("{a:016x}{b:016x}").as_bytes());
    fps.shared = mix(fps.shared, h);
    *cards = mix(*cards, h);
    for (id, languages) in translated {
        if let Some(fp) = fps.guides.get_mut(id) {
            *fp = mix(*fp, layout::content_hash(languages.join(",").as_bytes()));
        }
    }
}
