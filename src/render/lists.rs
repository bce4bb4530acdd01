//! The home page and the pages that list guides: categories, products and tags, each list
//! grouped and cut into pages of [`PER_PAGE`] guides, and the indexes of every category,
//! product and tag. No page here grows with the number of guides: the home page shows a
//! bounded number of guides and tiles, and long lists continue on further pages.

use std::collections::BTreeMap;

use serde::Serialize;

use tera::Context;

use super::view::{GuideCard, Link};
use crate::layout;
use crate::locale::Locale;
use crate::model::Site;

/// Guides per list page.
pub(crate) const PER_PAGE: usize = 50;
/// Product and category tiles on the home page, at most (the most used first).
const TILES: usize = 24;
/// Tags on the home page, at most (the most used).
const TOP_TAGS: usize = 20;
/// Recently updated guides on the home page when `featured` is not set.
const RECENT: usize = 6;
/// Featured guides shown, at most.
const FEATURED: usize = 12;
/// The group of guides without a category, on product pages.
const UNCATEGORISED: &str = "More guides";

/// A product, category or tag with its number of guides.
#[derive(Debug, Clone, Serialize)]
struct Tile {
    title: String,
    url: String,
    count: usize,
}

/// Tiles under a heading (none: the page's only group).
#[derive(Debug, Serialize)]
struct TileGroup<'t> {
    title: &'t str,
    tiles: Vec<Tile>,
}

/// What a list's guides are grouped by.
#[derive(Debug, Clone, Copy)]
enum By {
    Category,
    Product,
}

/// One list of guides (a category's, a product's or a tag's), over one or more pages.
struct Listing<'c> {
    kind: &'static str,
    title: String,
    url: String,
    cards: Vec<&'c GuideCard>,
    by: By,
}

impl Listing<'_> {
    fn tile(&self) -> Tile {
        Tile {
            title: self.title.clone(),
            url: self.url.clone(),
            count: self.cards.len(),
        }
    }

    fn pages(&self) -> usize {
        self.cards.len().div_ceil(PER_PAGE).max(1)
    }
}

/// A run of guides under one heading on a list page.
#[derive(Serialize)]
struct Section<'c> {
    title: Option<String>,
    url: Option<String>,
    guides: Vec<&'c GuideCard>,
}

/// One entry of a pagination nav: a page, or a gap (`number` 0) between far-apart pages.
#[derive(Serialize)]
struct PageLink {
    number: usize,
    url: String,
    current: bool,
}

/// Where a list page sits among its list's pages.
#[derive(Serialize)]
struct Pagination {
    number: usize,
    total: usize,
    prev: Option<String>,
    next: Option<String>,
    pages: Vec<PageLink>,
}

/// Every list of the site, sorted by URL.
pub(super) struct Catalog<'c> {
    categories: Vec<Listing<'c>>,
    products: Vec<Listing<'c>>,
    tags: Vec<Listing<'c>>,
}

impl<'c> Catalog<'c> {
    /// Sorts cards (sorted by title) into their category, product and tag lists.
    pub(super) fn new(cards: &'c [GuideCard]) -> Catalog<'c> {
        let mut categories: BTreeMap<String, Listing<'c>> = BTreeMap::new();
        let mut products: BTreeMap<String, Listing<'c>> = BTreeMap::new();
        let mut tags: BTreeMap<String, Listing<'c>> = BTreeMap::new();
        let add = |map: &mut BTreeMap<String, Listing<'c>>, kind, link: &Link, by, c| {
            map.entry(link.url.clone())
                .or_insert_with(|| Listing {
                    kind,
                    title: link.title.clone(),
                    url: link.url.clone(),
                    cards: Vec::new(),
                    by,
                })
                .cards
                .push(c);
        };
        for c in cards {
            if let Some(l) = &c.category {
                add(&mut categories, "Category", l, By::Product, c);
            }
            add(&mut products, "Product", &c.product, By::Category, c);
            for t in &c.tags {
                add(&mut tags, "Tag", t, By::Product, c);
            }
        }
        let done = |map: BTreeMap<String, Listing<'c>>| -> Vec<Listing<'c>> {
            map.into_values()
                .map(|mut l| {
                    let by = l.by;
                    l.cards.sort_by(|a, b| {
                        group_key(a, by)
                            .cmp(&group_key(b, by))
                            .then_with(|| a.title.cmp(&b.title))
                            .then_with(|| a.id.cmp(&b.id))
                    });
                    l
                })
                .collect()
        };
        Catalog {
            categories: done(categories),
            products: done(products),
            tags: done(tags),
        }
    }

    /// Every list page's path (for the sitemap), and the indexes.
    pub(super) fn urls(&self) -> Vec<String> {
        let mut out = vec![
            layout::CATEGORIES_INDEX.to_owned(),
            layout::TAGS_INDEX.to_owned(),
        ];
        for l in self.all() {
            out.extend((1..=l.pages()).map(|n| layout::list_page(&l.url, n)));
        }
        out
    }

    fn all(&self) -> impl Iterator<Item = &Listing<'c>> {
        self.categories
            .iter()
            .chain(&self.products)
            .chain(&self.tags)
    }
}

/// Guides without a category sort after the others.
fn group_key(c: &GuideCard, by: By) -> (bool, &str) {
    match by {
        By::Category => c
            .category
            .as_ref()
            .map_or((true, ""), |l| (false, l.title.as_str())),
        By::Product => (false, c.product.title.as_str()),
    }
}

fn group_link(c: &GuideCard, by: By) -> Option<&Link> {
    match by {
        By::Category => c.category.as_ref(),
        By::Product => Some(&c.product),
    }
}

/// The `n` most used, shown by name.
fn top(listings: &[Listing<'_>], n: usize) -> Vec<Tile> {
    let mut tiles: Vec<Tile> = listings.iter().map(Listing::tile).collect();
    tiles.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.title.cmp(&b.title)));
    tiles.truncate(n);
    tiles.sort_by(|a, b| a.title.cmp(&b.title).then_with(|| a.url.cmp(&b.url)));
    tiles
}

fn by_name(listings: &[Listing<'_>]) -> Vec<Tile> {
    top(listings, usize::MAX)
}

/// The page numbers a nav shows: the first, the last and two either side of the current
/// one; `0` marks a gap.
fn window(current: usize, total: usize) -> Vec<usize> {
    let mut out = Vec::new();
    for n in 1..=total {
        if n == 1 || n == total || n.abs_diff(current) <= 2 {
            out.push(n);
        } else if out.last() != Some(&0) {
            out.push(0);
        }
    }
    out
}

fn pagination(url: &str, current: usize, total: usize) -> Pagination {
    let page = |n: usize| layout::list_page(url, n);
    Pagination {
        number: current,
        total,
        prev: (current > 1).then(|| page(current - 1)),
        next: (current < total).then(|| page(current + 1)),
        pages: window(current, total)
            .into_iter()
            .map(|n| PageLink {
                number: n,
                url: if n == 0 { String::new() } else { page(n) },
                current: n == current,
            })
            .collect(),
    }
}

/// Cuts a page's guides into runs under their group's heading; a list whose guides all
/// share one group gets no headings.
fn sections<'c>(listing: &Listing<'c>, guides: &[&'c GuideCard]) -> Vec<Section<'c>> {
    let by = listing.by;
    let single = listing.cards.first().is_none_or(|first| {
        listing
            .cards
            .iter()
            .all(|c| group_key(c, by) == group_key(first, by))
    });
    let mut out: Vec<Section<'c>> = Vec::new();
    for &c in guides {
        let key = group_key(c, by);
        let same = out.last().is_some_and(|s: &Section<'c>| {
            s.guides
                .first()
                .is_some_and(|first| group_key(first, by) == key)
        });
        if same && let Some(s) = out.last_mut() {
            s.guides.push(c);
            continue;
        }
        let link = group_link(c, by);
        out.push(Section {
            title: (!single)
                .then(|| link.map_or_else(|| UNCATEGORISED.to_owned(), |l| l.title.clone())),
            url: (!single).then(|| link.map(|l| l.url.clone())).flatten(),
            guides: vec![c],
        });
    }
    out
}

/// The path from a page back to the site root (`../` per folder).
fn root_of(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

/// The featured guides (`featured:`, in order), or else the most recently updated ones
/// (ties by title, then id), with the heading to show them under.
fn featured<'c>(site: &Site, cards: &'c [GuideCard]) -> (&'static str, Vec<&'c GuideCard>) {
    if !site.featured.is_empty() {
        let by_id: BTreeMap<&str, &GuideCard> = cards.iter().map(|c| (c.id.as_str(), c)).collect();
        let mut seen = std::collections::HashSet::new();
        let list = site
            .featured
            .iter()
            .filter(|f| seen.insert(f.value.as_str()))
            .filter_map(|f| by_id.get(f.value.as_str()).copied())
            .take(FEATURED)
            .collect();
        return ("featured-guides", list);
    }
    let mut list: Vec<&GuideCard> = cards.iter().collect();
    list.sort_by(|a, b| {
        let date = |c: &GuideCard| c.updated.as_ref().map(|d| d.iso.clone());
        date(b)
            .cmp(&date(a))
            .then_with(|| a.title.cmp(&b.title))
            .then_with(|| a.id.cmp(&b.id))
    });
    list.truncate(RECENT);
    let dated = list.iter().any(|c| c.updated.is_some());
    (if dated { "recently-updated" } else { "guides" }, list)
}

/// A page to render: its path, the path back to the root, its template and what the
/// template shows.
pub(super) struct Listed<'a> {
    /// Path in the site.
    pub(super) path: String,
    /// The path from the page back to the site root.
    pub(super) root: String,
    /// The template.
    pub(super) template: &'static str,
    /// Makes the template's values (the renderer adds the site and the root) when the page
    /// is rendered, not before: the lists of a large site hold every guide's card several
    /// times over, as template values several times the card's size.
    pub(super) context: Box<dyn FnOnce() -> Context + Send + 'a>,
}

/// What the home page shows: the search, featured guides, product and category tiles and
/// the most used tags.
pub(super) fn home(
    site: &Site,
    cards: &[GuideCard],
    catalog: &Catalog<'_>,
    locale: &Locale,
) -> Listed<'static> {
    let (featured_heading, featured) = featured(site, cards);
    let products = top(&catalog.products, TILES);
    let categories = top(&catalog.categories, TILES);
    let more =
        products.len() < catalog.products.len() || categories.len() < catalog.categories.len();
    let tags = top(&catalog.tags, TOP_TAGS);
    let mut ctx = Context::new();
    ctx.insert("count", &cards.len());
    ctx.insert("featured_heading", &locale.text(featured_heading));
    ctx.insert("featured", &featured);
    ctx.insert("products", &products);
    ctx.insert("categories", &categories);
    ctx.insert("more_categories", &more);
    ctx.insert("more_tags", &(tags.len() < catalog.tags.len()));
    ctx.insert("tags", &tags);
    ctx.insert("categories_url", layout::CATEGORIES_INDEX);
    ctx.insert("tags_url", layout::TAGS_INDEX);
    Listed {
        path: layout::INDEX.into(),
        root: String::new(),
        template: "index.html",
        context: Box::new(move || ctx),
    }
}

/// Every list page, and the indexes of categories and tags.
pub(super) fn pages<'a>(catalog: &'a Catalog<'_>, locale: &'a Locale) -> Vec<Listed<'a>> {
    let mut pages = Vec::new();
    let home = Link {
        title: locale.text("home"),
        url: layout::INDEX.into(),
    };
    let all_categories = Link {
        title: locale.text("all-categories-heading"),
        url: layout::CATEGORIES_INDEX.into(),
    };
    let all_tags = Link {
        title: locale.text("tags-heading"),
        url: layout::TAGS_INDEX.into(),
    };
    let (categories, products) = (locale.text("categories"), locale.text("products"));
    for (path, heading, groups) in [
        (
            layout::CATEGORIES_INDEX,
            &all_categories.title,
            vec![
                (categories.as_str(), by_name(&catalog.categories)),
                (products.as_str(), by_name(&catalog.products)),
            ],
        ),
        (
            layout::TAGS_INDEX,
            &all_tags.title,
            vec![("", by_name(&catalog.tags))],
        ),
    ] {
        let groups: Vec<TileGroup<'_>> = groups
            .into_iter()
            .filter(|(_, t)| !t.is_empty())
            .map(|(title, tiles)| TileGroup { title, tiles })
            .collect();
        let mut ctx = Context::new();
        ctx.insert("heading", heading);
        ctx.insert("breadcrumbs", &[&home]);
        ctx.insert("groups", &groups);
        pages.push(Listed {
            path: path.into(),
            root: root_of(path),
            template: "tiles.html",
            context: Box::new(move || ctx),
        });
    }
    for l in catalog.all() {
        let crumbs = match l.kind {
            "Category" => vec![home.clone(), all_categories.clone()],
            "Tag" => vec![home.clone(), all_tags.clone()],
            _ => vec![home.clone()],
        };
        let total = l.pages();
        for (i, chunk) in l.cards.chunks(PER_PAGE).enumerate() {
            let path = layout::list_page(&l.url, i + 1);
            let crumbs = crumbs.clone();
            pages.push(Listed {
                root: root_of(&path),
                path,
                template: "list.html",
                context: Box::new(move || {
                    let mut ctx = Context::new();
                    ctx.insert("heading", &l.title);
                    ctx.insert(
                        "kind",
                        &locale.text(&format!("kind-{}", l.kind.to_lowercase())),
                    );
                    ctx.insert("count", &l.cards.len());
                    ctx.insert("first", &(i * PER_PAGE + 1));
                    ctx.insert("last", &(i * PER_PAGE + chunk.len()));
                    ctx.insert("sections", &sections(l, chunk));
                    ctx.insert(
                        "pagination",
                        &(total > 1).then(|| pagination(&l.url, i + 1, total)),
                    );
                    ctx.insert("breadcrumbs", &crumbs);
                    ctx
                }),
            });
        }
    }
    pages
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_navs_show_the_ends_and_the_neighbourhood() {
        assert_eq!(window(1, 1), [1]);
        assert_eq!(window(1, 3), [1, 2, 3]);
        assert_eq!(window(10, 20), [1, 0, 8, 9, 10, 11, 12, 0, 20]);
        let p = pagination("tags/x.html", 2, 3);
        assert_eq!(p.prev.as_deref(), Some("tags/x.html"));
        assert_eq!(p.next.as_deref(), Some("tags/x/3.html"));
    }

    #[test]
    fn list_pages_find_the_root() {
        assert_eq!(root_of("categories/x.html"), "../");
        assert_eq!(root_of("categories/x/2.html"), "../../");
        assert_eq!(root_of("tags.html"), "");
    }
}
