//! The trees of a site in several languages: the default language's at the root, each
//! other language's in a folder named after its tag (`fr/`), rendered with the same
//! templates from the language's merged guides. The other trees' guide pages are written
//! guide by guide like the default tree's (under manifest keys such as `fr/sign-out`), and
//! their other pages as part of the shared pages (one tree's `404.html` and `sitemap.xml`
//! serve the whole site).

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

/// The shared pages of the other languages' trees (their guides' pages are written guide
/// by guide, like the default tree's), at their paths in the site, and the paths of their
/// search indexes.
pub(super) fn pages(
    renderers: &[SiteRenderer<'_>],
) -> Result<(Vec<Page>, Vec<String>), RenderError> {
    let mut out = Vec::new();
    let mut index_files = Vec::new();
    for r in renderers {
        let Some(prefix) = r.tree_prefix() else {
            continue;
        };
        let (mut pages, index) = r.shared_pages_and_index()?;
        pages.retain(|p| p.path != layout::NOT_FOUND && p.path != layout::SITEMAP);
        index_files.extend(index.iter().map(|p| format!("{prefix}{}", p.path)));
        pages.extend(index);
        out.extend(pages.into_iter().map(|p| p.under(prefix)));
    }
    Ok((out, index_files))
}

/// The search indexes of the other languages' trees, at their paths in the site.
pub(super) fn index_pages(renderers: &[SiteRenderer<'_>]) -> Vec<Page> {
    let mut out = Vec::new();
    for r in renderers {
        if let Some(prefix) = r.tree_prefix() {
            out.extend(r.search_index_pages().into_iter().map(|p| p.under(prefix)));
        }
    }
    out
}

/// Folds what the other trees are made of into the fingerprints: the translation files and
/// their sources into the shared pages' (the trees' search indexes), the trees' cards into
/// the lists', into each guide's the languages it is translated into (its page links
/// them), and adds one per guide of each other tree, under its key (`fr/sign-out`).
pub(super) fn fingerprint(checked: &Checked<'_>, fps: &mut Fingerprints, cards: &mut u64) {
    if checked.languages.is_empty() {
        return;
    }
    let project = checked.resolved.project;
    let mix = |a: u64, b: u64| layout::content_hash(format!("{a:016x}{b:016x}").as_bytes());
    let text_hash = |file| layout::content_hash(project.sources.get(file).text.as_bytes());
    // The search indexes hold every word of every translated guide; the lists show the
    // trees' cards.
    let mut words = Vec::new();
    let mut listed = Vec::new();
    let mut translated: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for resolved in &checked.languages {
        let language = resolved.project.site.language.as_str();
        for text in [&mut words, &mut listed] {
            text.extend_from_slice(language.as_bytes());
            text.push(0xfe);
        }
        for rg in &resolved.guides {
            let g = rg.guide;
            translated.entry(&g.id.value).or_default().push(language);
            for file in std::iter::once(g.file).chain(g.translation) {
                words.extend_from_slice(&text_hash(file).to_le_bytes());
            }
            listed.extend(serde_json::to_vec(&crate::render::view::card(rg)).unwrap_or_default());
            listed.push(0xff);
        }
    }
    fps.shared = mix(fps.shared, layout::content_hash(&words));
    *cards = mix(*cards, layout::content_hash(&listed));
    for (id, languages) in translated {
        if let Some(fp) = fps.guides.get_mut(id) {
            *fp = mix(*fp, layout::content_hash(languages.join(",").as_bytes()));
        }
    }
    // A guide's page in another tree: what its page in the default tree is made of, its
    // translation, and its related guides' translations (their titles, or whether the
    // link is shown at all).
    for resolved in &checked.languages {
        let language = resolved.project.site.language.as_str();
        let translations: BTreeMap<&str, u64> = resolved
            .guides
            .iter()
            .map(|rg| {
                let g = rg.guide;
                (g.id.value.as_str(), g.translation.map_or(0, text_hash))
            })
            .collect();
        for rg in &resolved.guides {
            let id = rg.guide.id.value.as_str();
            let mut text = format!(
                "{language}\0{:016x}",
                fps.guides.get(id).copied().unwrap_or(0)
            );
            text.push_str(&format!(
                "{:016x}",
                translations.get(id).copied().unwrap_or(0)
            ));
            for r in &rg.guide.related {
                match translations.get(r.value.as_str()) {
                    Some(h) => text.push_str(&format!("\0{h:016x}")),
                    None => text.push_str("\0-"),
                }
            }
            let key = layout::guide_key(&format!("{language}/"), id);
            fps.guides
                .insert(key, layout::content_hash(text.as_bytes()));
        }
    }
}
