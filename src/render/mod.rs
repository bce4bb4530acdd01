//! Rendering the resolved site into pages: HTML through tera templates, per-guide JSON,
//! JSON-LD `HowTo`, the sitemap and checklists. Pure: returns bytes, writes nothing.

mod brand;
pub mod checklist;
pub mod date;
mod error_page;
mod escape;
mod highlight;
pub mod instruction;
mod jsonld;
pub mod languages;
mod lists;
pub mod markdown;
pub mod schematic;
mod search;
pub mod terminal;
pub mod view;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Serialize;
use tera::{Context, Tera};

use crate::layout;
use crate::locale::{Locale, Locales};
use crate::resolve::{Resolved, ResolvedGuide};
pub use error_page::error_page;
pub(crate) use lists::PER_PAGE;
use view::{GuideCard, GuideView, Link, PlatformRef};

/// The built-in templates, by name. A site's `templates/` folder overrides any of them.
pub const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../../templates/base.html")),
    ("index.html", include_str!("../../templates/index.html")),
    ("list.html", include_str!("../../templates/list.html")),
    ("tiles.html", include_str!("../../templates/tiles.html")),
    (
        "search_form.html",
        include_str!("../../templates/search_form.html"),
    ),
    (
        "card_list.html",
        include_str!("../../templates/card_list.html"),
    ),
    (
        "tile_list.html",
        include_str!("../../templates/tile_list.html"),
    ),
    ("guide.html", include_str!("../../templates/guide.html")),
    ("step.html", include_str!("../../templates/step.html")),
    (
        "step_body.html",
        include_str!("../../templates/step_body.html"),
    ),
    (
        "check_item.html",
        include_str!("../../templates/check_item.html"),
    ),
    (
        "instruction.html",
        include_str!("../../templates/instruction.html"),
    ),
    ("tabs.html", include_str!("../../templates/tabs.html")),
    (
        "checklist.html",
        include_str!("../../templates/checklist.html"),
    ),
    ("404.html", include_str!("../../templates/404.html")),
    ("search.html", include_str!("../../templates/search.html")),
    ("sitemap.xml", include_str!("../../templates/sitemap.xml")),
    (
        "languages.html",
        include_str!("../../templates/languages.html"),
    ),
    ("error.html", error_page::BUILTIN),
];

/// Static assets copied as they are.
pub const ASSETS: &[(&str, &str)] = &[
    (
        "assets/stepwise.css",
        include_str!("../../templates/assets/stepwise.css"),
    ),
    (
        "assets/stepwise.js",
        include_str!("../../templates/assets/stepwise.js"),
    ),
    (
        "assets/search.js",
        include_str!("../../templates/assets/search.js"),
    ),
];

/// A rendering failure (a broken template override, usually).
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// A template failed to parse or render.
    #[error("template error: {0}")]
    Template(String),
    /// A template override could not be read.
    #[error("cannot read template `{path}`: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
}

fn template_error(e: tera::Error) -> RenderError {
    use std::error::Error;
    let mut msg = e.to_string();
    let mut src = e.source();
    while let Some(s) = src {
        msg.push_str(": ");
        msg.push_str(&s.to_string());
        src = s.source();
    }
    RenderError::Template(msg)
}

/// One output file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// Path relative to the output folder, `/`-separated.
    pub path: String,
    /// Contents.
    pub body: Body,
}

impl Page {
    /// A page of rendered bytes.
    pub fn new(path: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Page {
        Page {
            path: path.into(),
            body: Body::Bytes(bytes.into()),
        }
    }

    /// The page at its path under `prefix`, a language tree's folder (`fr/`).
    pub fn under(mut self, prefix: &str) -> Page {
        if !prefix.is_empty() {
            self.path = format!("{prefix}{}", self.path);
        }
        self
    }
}

/// What an output file holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    /// Rendered bytes.
    Bytes(Vec<u8>),
    /// A copy of a screenshot, made when the file is written (a large site has hundreds of
    /// thousands: their bytes are never all held at once). The copy's name holds a hash of
    /// these bytes, so a file of that name and size is that copy.
    Media {
        /// The source file.
        from: PathBuf,
        /// Its size in bytes.
        len: u64,
    },
}

impl Body {
    /// Size in bytes.
    pub fn len(&self) -> u64 {
        match self {
            Body::Bytes(b) => b.len() as u64,
            Body::Media { len, .. } => *len,
        }
    }

    /// True if the file is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Loads the templates: built-ins, each replaced by a same-named file in `overrides`; their
/// `t` function reads the embedded locales.
pub fn templates(overrides: Option<&Path>) -> Result<Tera, RenderError> {
    templates_with(overrides, Arc::new(Locales::embedded()))
}

/// [`templates`] whose `t` function reads `locales` (see [`crate::locale::register`]): each
/// page renders in the language its context's `lang` names.
pub fn templates_with(
    overrides: Option<&Path>,
    locales: Arc<Locales>,
) -> Result<Tera, RenderError> {
    let mut tera = Tera::new();
    crate::locale::register(&mut tera, locales);
    let mut list: Vec<(String, String)> = Vec::new();
    for (name, text) in TEMPLATES {
        let custom = overrides.map(|d| d.join(name)).filter(|p| p.is_file());
        let text = match custom {
            Some(path) => {
                std::fs::read_to_string(&path).map_err(|source| RenderError::Io { path, source })?
            }
            None => (*text).to_owned(),
        };
        list.push(((*name).to_owned(), text));
    }
    tera.add_raw_templates(list).map_err(template_error)?;
    Ok(tera)
}

#[derive(Serialize)]
struct SiteView<'a> {
    title: &'a str,
    language: &'a str,
    base_url: &'a str,
    platforms: Vec<PlatformRef>,
    /// The platforms' names in a list (`Web, Android, iOS`).
    platform_names: String,
    brand: brand::BrandView,
}

/// One `<url>` of the sitemap.
#[derive(Debug, Clone, Serialize)]
pub struct SitemapEntry {
    /// The path in the site.
    loc: String,
    /// The date of the last change.
    lastmod: Option<String>,
    /// The page in every language that has it (the page's own included): tag and URL.
    alternates: Vec<Alternate>,
}

/// A version of a page in one language.
#[derive(Debug, Clone, Serialize)]
pub struct Alternate {
    /// The language tag.
    hreflang: String,
    /// The page's absolute URL.
    href: String,
}

/// The site path of a screenshot's copy, named by a hash of its bytes (read once, through
/// the resolver's cache), and its size in pixels.
fn media_url(resolved: &Resolved<'_>, rel: &Path) -> Option<(String, Option<(u32, u32)>)> {
    let file = resolved.image(rel)?;
    let name = layout::media_file(file.content_hash()?, &media_ext(rel));
    Some((name, file.pixels()))
}

/// The extension a screenshot's copy keeps (lowercased).
fn media_ext(rel: &Path) -> String {
    rel.extension()
        .and_then(|e| e.to_str())
        .unwrap_or("bin")
        .to_ascii_lowercase()
}

/// The copies of every screenshot, one per distinct content (two source files with the same
/// bytes share one copy), and the brand's images unless a screenshot has the same bytes.
/// Each file is read once here to name its copy, on all cores, and copied when written.
fn media_pages(resolved: &Resolved<'_>, brand_pages: &[(String, Vec<u8>)]) -> Vec<Page> {
    use rayon::prelude::*;
    let read: Vec<Page> = resolved
        .images
        .paths()
        .into_par_iter()
        .filter_map(|rel| {
            let file = resolved.image(rel)?;
            Some(Page {
                path: layout::media_file(file.content_hash()?, &media_ext(rel)),
                body: Body::Media {
                    from: file.path().to_path_buf(),
                    len: file.len,
                },
            })
        })
        .collect();
    let mut names = std::collections::HashSet::new();
    let mut pages = Vec::with_capacity(read.len() + brand_pages.len());
    for page in read {
        if names.insert(page.path.clone()) {
            pages.push(page);
        }
    }
    for (path, bytes) in brand_pages {
        if names.insert(path.clone()) {
            pages.push(Page::new(path.clone(), bytes.clone()));
        }
    }
    pages
}

/// Renders a site's pages: the shared pages at once, guide pages one guide at a time (so a
/// build can stream them to disk from several threads).
pub struct SiteRenderer<'r> {
    resolved: &'r Resolved<'r>,
    tera: &'r Tera,
    /// The site view, converted to a template value once (every page uses it).
    site_value: tera::Value,
    /// The brand's images (logo, favicon), by site path.
    brand_pages: Vec<(String, Vec<u8>)>,
    titles: HashMap<&'r str, &'r str>,
    /// The language the pages are written in.
    locale: Arc<Locale>,
    /// The scripts' words in that language (`data-strings`; empty for English).
    script_strings: String,
    /// The site's trees per language, when it has several.
    versions: Option<languages::Versions>,
    /// The sitemap entries of the other languages' trees (in the default tree's renderer).
    other_urls: Vec<SitemapEntry>,
}

impl<'r> SiteRenderer<'r> {
    /// Prepares rendering (the site view, the brand images and guide titles; screenshots
    /// are read only when a page needs them), in the site's language.
    pub fn new(
        resolved: &'r Resolved<'r>,
        tera: &'r Tera,
    ) -> Result<SiteRenderer<'r>, RenderError> {
        let project = &resolved.project;
        let locale = Locales::with_site(&project.locales).get(&project.site.language);
        SiteRenderer::in_language(resolved, tera, locale)
    }

    /// [`SiteRenderer::new`] writing the pages in `locale`'s language (its tag is the pages'
    /// `lang`, and the templates' `t` function reads it).
    pub fn in_language(
        resolved: &'r Resolved<'r>,
        tera: &'r Tera,
        locale: Arc<Locale>,
    ) -> Result<SiteRenderer<'r>, RenderError> {
        let site = &resolved.project.site;
        let (mut brand, brand_pages) = brand::prepare(site, &resolved.project.root);
        brand.localize(&locale);
        let site_view = SiteView {
            title: &site.title,
            language: &site.language,
            base_url: &site.base_url,
            platforms: site
                .platforms
                .iter()
                .map(|p| PlatformRef {
                    id: p.id.clone(),
                    name: p.name.clone(),
                })
                .collect(),
            platform_names: site
                .platforms
                .iter()
                .map(|p| p.name.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            brand,
        };
        Ok(SiteRenderer {
            resolved,
            tera,
            site_value: tera::Value::try_from_serializable(&site_view).map_err(template_error)?,
            brand_pages,
            titles: resolved
                .project
                .guides
                .iter()
                .map(|g| (g.id.value.as_str(), g.title.value.as_str()))
                .collect(),
            versions: None,
            other_urls: Vec::new(),
            script_strings: crate::locale::script_strings_attr(&locale),
            locale,
        })
    }

    /// The language the pages are written in.
    pub fn locale(&self) -> &Locale {
        &self.locale
    }

    /// What every page's context has: the site, the way back to the site's root and the
    /// page's language (`lang`, `dir`).
    fn base_context(&self, ctx: &mut Context, root: &str) {
        ctx.insert_value("site", self.site_value.clone());
        ctx.insert("root", root);
        ctx.insert("lang", self.locale.tag());
        ctx.insert("dir", self.locale.direction());
        ctx.insert("script_strings", &self.script_strings);
    }

    /// Renders one language's tree of a site with several: pages link the other trees,
    /// and the default tree's sitemap lists `other_urls` (the other trees' entries).
    pub fn set_versions(&mut self, versions: languages::Versions, other_urls: Vec<SitemapEntry>) {
        self.versions = Some(versions);
        self.other_urls = other_urls;
    }

    /// The folder of the tree being rendered (`fr/`), for a site in several languages.
    pub fn tree_prefix(&self) -> Option<&str> {
        self.versions.as_ref().map(|v| v.tree().prefix.as_str())
    }

    /// The guides rendered.
    pub fn guides(&self) -> &[ResolvedGuide<'r>] {
        &self.resolved.guides
    }

    /// The language switcher's entries for a page (none for a site in one language).
    fn language_links(
        &self,
        path: &str,
        root: &str,
        guide: Option<&str>,
    ) -> Vec<languages::LanguageLink> {
        self.versions
            .as_ref()
            .map(|v| v.links(path, root, guide))
            .unwrap_or_default()
    }

    /// The sitemap's entries for this tree's pages (paths from the site's root).
    pub fn sitemap_entries(&self) -> Vec<SitemapEntry> {
        let resolved = self.resolved;
        let site = &resolved.project.site;
        let mut cards: Vec<GuideCard> = {
            use rayon::prelude::*;
            resolved.guides.par_iter().map(view::card).collect()
        };
        cards.sort_by(|a, b| a.title.cmp(&b.title).then(a.id.cmp(&b.id)));
        let catalog = lists::Catalog::new(&cards);
        let prefix = self
            .versions
            .as_ref()
            .map_or("", |v| v.tree().prefix.as_str());
        let entry = |loc: String, lastmod: Option<String>, guide: Option<&str>| {
            let alternates = self
                .language_links(&loc, "", guide)
                .into_iter()
                .filter(|l| l.same)
                .map(|l| Alternate {
                    hreflang: l.tag,
                    href: l.href,
                })
                .collect();
            SitemapEntry {
                loc: format!("{prefix}{loc}"),
                lastmod,
                alternates,
            }
        };
        let mut urls: Vec<SitemapEntry> = std::iter::once(String::new())
            .chain(catalog.urls())
            .map(|loc| {
                let page = if loc.is_empty() { layout::INDEX } else { &loc };
                let mut e = entry(page.to_owned(), None, None);
                e.loc = format!("{prefix}{loc}");
                if loc.is_empty() {
                    // The home page is listed by its folder's URL, and so are its versions.
                    for a in &mut e.alternates {
                        if let Some(folder) = a.href.strip_suffix(layout::INDEX) {
                            a.href = folder.to_owned();
                        }
                    }
                }
                e
            })
            .collect();
        for rg in &resolved.guides {
            let lastmod = rg.guide.updated(site.updated).map(|d| d.to_string());
            let id = rg.guide.id.value.as_str();
            urls.extend(
                self.guide_page_paths(rg)
                    .into_iter()
                    .filter(|p| p.ends_with(".html"))
                    .map(|loc| entry(loc, lastmod.clone(), Some(id))),
            );
        }
        urls
    }

    fn render(
        &self,
        name: &str,
        root: &str,
        extra: &dyn Fn(&mut Context),
    ) -> Result<String, RenderError> {
        let mut ctx = Context::new();
        self.base_context(&mut ctx, root);
        extra(&mut ctx);
        self.tera.render(name, &ctx).map_err(template_error)
    }

    /// Paths of every guide's pages, for the sitemap and for removing stale files.
    pub fn guide_paths(&self) -> Vec<String> {
        self.resolved
            .guides
            .iter()
            .flat_map(|rg| self.guide_page_paths(rg))
            .collect()
    }

    /// Paths of one guide's pages (as [`SiteRenderer::guide_pages`] writes them).
    pub fn guide_page_paths(&self, rg: &ResolvedGuide<'_>) -> [String; layout::FILES_PER_GUIDE] {
        layout::guide_files(&rg.guide.id.value)
    }

    /// The pages of one guide: the guide page, its checklist and its JSON data.
    pub fn guide_pages(&self, rg: &ResolvedGuide<'_>) -> Result<Vec<Page>, RenderError> {
        let site = &self.resolved.project.site;
        let lookup = |g: &crate::model::Guide, src: &str| {
            let rel = crate::resolve::image_path(g, src).ok()?;
            media_url(self.resolved, &rel)
        };
        let titles = |id: &str| self.titles.get(id).map(|t| (*t).to_owned());
        let gv: GuideView = view::guide_view(rg, &titles, &lookup, &self.locale);
        let ld = jsonld::howto(&gv, &site.base_url, &self.locale);
        // Both pages show the same guide: convert it to a template value once.
        let guide = tera::Value::try_from_serializable(&gv).map_err(template_error)?;
        let crumbs = tera::Value::try_from_serializable(&breadcrumbs(&gv, &self.locale))
            .map_err(template_error)?;
        let id = Some(rg.guide.id.value.as_str());
        let page = self.render("guide.html", "../", &|ctx| {
            ctx.insert_value("guide", guide.clone());
            ctx.insert("jsonld", &ld);
            ctx.insert_value("breadcrumbs", crumbs.clone());
            ctx.insert("languages", &self.language_links(&gv.card.url, "../", id));
        })?;
        let checklist = self.render("checklist.html", "../", &|ctx| {
            ctx.insert_value("guide", guide.clone());
            ctx.insert_value("breadcrumbs", crumbs.clone());
            ctx.insert(
                "languages",
                &self.language_links(&gv.checklist_url, "../", id),
            );
        })?;
        let mut json = serde_json::to_vec(&checklist::GuideData::of(&gv)).unwrap_or_default();
        json.push(b'\n');
        Ok(vec![
            Page::new(gv.card.url.clone(), page),
            Page::new(gv.checklist_url.clone(), checklist),
            Page::new(gv.json_url.clone(), json),
        ])
    }

    /// Everything but the guides' own pages: home, category and product pages, 404, the
    /// sitemap, assets and screenshots.
    pub fn shared_pages(&self) -> Result<Vec<Page>, RenderError> {
        let (mut pages, index) = self.shared_pages_and_index()?;
        pages.extend(index);
        Ok(pages)
    }

    /// The search index's files (the table of files, the term files and the guide files):
    /// the one part of the shared pages made from every word of every guide, not from the
    /// guides' cards.
    pub fn search_index_pages(&self) -> Vec<Page> {
        let index = crate::trace::stage("search index", || {
            search::pages(self.resolved, &self.locale)
        });
        index
            .into_iter()
            .map(|f| Page::new(f.path, f.bytes))
            .collect()
    }

    /// [`Self::shared_pages`] in two parts: everything but the search index, and the search
    /// index ([`Self::search_index_pages`]).
    pub fn shared_pages_and_index(&self) -> Result<(Vec<Page>, Vec<Page>), RenderError> {
        let resolved = self.resolved;
        let site = &resolved.project.site;
        let mut pages = media_pages(resolved, &self.brand_pages);
        let mut cards: Vec<GuideCard> = {
            use rayon::prelude::*;
            resolved.guides.par_iter().map(view::card).collect()
        };
        cards.sort_by(|a, b| a.title.cmp(&b.title).then(a.id.cmp(&b.id)));
        let catalog = lists::Catalog::new(&cards);
        let mut listed = vec![lists::home(site, &cards, &catalog, &self.locale)];
        listed.extend(lists::pages(&catalog, &self.locale));
        // Thousands of list pages at scale: render them on every core, in order.
        let rendered: Vec<Result<Page, RenderError>> = {
            use rayon::prelude::*;
            listed
                .into_par_iter()
                .map(|l| {
                    let mut ctx = (l.context)();
                    self.base_context(&mut ctx, &l.root);
                    ctx.insert("languages", &self.language_links(&l.path, &l.root, None));
                    let html = self.tera.render(l.template, &ctx).map_err(template_error)?;
                    Ok(Page::new(l.path, html))
                })
                .collect()
        };
        for page in rendered {
            pages.push(page?);
        }
        // Servers show the 404 page at any missing path, so its links start from the site's
        // own root path (taken from `base_url`) rather than being relative.
        let html = self.render("404.html", &root_path(&site.base_url), &|_| {})?;
        pages.push(Page::new(layout::NOT_FOUND, html));
        let html = self.render("search.html", "", &|ctx| {
            ctx.insert("search_page", &true);
            ctx.insert(
                "languages",
                &self.language_links(layout::SEARCH_PAGE, "", None),
            );
        })?;
        pages.push(Page::new(layout::SEARCH_PAGE, html));
        let index = self.search_index_pages();
        let mut urls = self.sitemap_entries();
        urls.extend(self.other_urls.iter().cloned());
        let alternates = urls.iter().any(|u| !u.alternates.is_empty());
        let sitemap = self.render("sitemap.xml", "", &|ctx| {
            ctx.insert("base_url", &site.base_url);
            ctx.insert("urls", &urls);
            ctx.insert("alternates", &alternates);
        })?;
        pages.push(Page::new(layout::SITEMAP, sitemap));
        pages.push(Page::new(layout::HIGHLIGHT_CSS, highlight::stylesheet()));
        for (path, text) in ASSETS {
            pages.push(Page::new(*path, text.as_bytes()));
        }
        Ok((pages, index))
    }
}

/// The path part of the site's base URL (`/help/` of `https://example.com/help/`).
fn root_path(base_url: &str) -> String {
    base_url
        .split_once("://")
        .and_then(|(_, rest)| rest.find('/').map(|i| rest[i..].to_owned()))
        .unwrap_or_else(|| "/".to_owned())
}

fn breadcrumbs(gv: &GuideView, locale: &Locale) -> Vec<Link> {
    let mut out = vec![Link {
        title: locale.text("home"),
        url: "index.html".into(),
    }];
    if let Some(c) = &gv.card.category {
        out.push(c.clone());
    }
    out.push(gv.card.product.clone());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sitemap_template_escapes_urls() {
        let tera = templates(None).unwrap();
        let mut ctx = Context::new();
        ctx.insert("base_url", "https://help.example.com/?a=1&b=2/");
        ctx.insert(
            "urls",
            &[SitemapEntry {
                loc: "guides/x.html".into(),
                lastmod: Some("2026-12-03".into()),
                alternates: Vec::new(),
            }],
        );
        let xml = tera.render("sitemap.xml", &ctx).unwrap();
        assert!(
            xml.contains("<loc>https://help.example.com/?a=1&amp;b=2/guides/x.html</loc><lastmod>2026-12-03</lastmod>"),
            "{xml}"
        );
    }
}
