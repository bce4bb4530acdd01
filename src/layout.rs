//! Where every output file of a site goes. The only module that spells an output path:
//! rendering asks it for page paths and links, writing for the folders it may clean, and
//! checking for the paths two inputs would both claim.
//!
//! ```text
//! index.html, 404.html, sitemap.xml      shared pages
//! categories/<slug>.html                 one per category (slug of its name); further
//! categories/<slug>/<n>.html             pages of a long list from 2 on (same for
//! products/<key>.html                    products and tags); one per product (its folder)
//! tags/<slug>.html                       one per tag (slug of its first spelling)
//! categories.html, tags.html             every category and product; every tag
//! guides/<id>.html                       one per guide: the page,
//! checklists/<id>.html                   its checklist,
//! data/<id>.json                         and its data
//! media/<hash>.<ext>                     screenshots, named by content
//! search.html, search/index.js           the search page and the index's table of files
//! search/{t,d}-<hash>.js                 the index's term and guide files, named by content
//! assets/...                             stylesheets and scripts
//! ```

/// The home page.
pub(crate) const INDEX: &str = "index.html";
/// The page servers show for missing paths.
pub(crate) const NOT_FOUND: &str = "404.html";
/// The sitemap.
pub(crate) const SITEMAP: &str = "sitemap.xml";
/// The page listing every category and product.
pub(crate) const CATEGORIES_INDEX: &str = "categories.html";
/// The page listing every tag.
pub(crate) const TAGS_INDEX: &str = "tags.html";
/// The search results page.
pub(crate) const SEARCH_PAGE: &str = "search.html";
/// The search index's table of files (see `render::search`).
pub(crate) const SEARCH_INDEX: &str = "search/index.js";

/// A file of the search index (`t`: terms, `d`: guides), named by a hash of its content.
pub(crate) fn search_file(kind: &str, hash: u64) -> String {
    format!("search/{kind}-{hash:016x}.js")
}

/// The code highlighting stylesheet (generated).
pub(crate) const HIGHLIGHT_CSS: &str = "assets/highlight.css";

/// The folders holding one file per guide, in the order of [`guide_files`]. They may hold
/// tens of thousands of files, so rebuilds find stale ones through the manifest rather than
/// by listing them.
pub(crate) const GUIDE_FOLDERS: [&str; 3] = ["guides", "checklists", "data"];

/// How many files each guide adds to a site.
pub(crate) const FILES_PER_GUIDE: usize = GUIDE_FOLDERS.len();

/// A guide's page.
pub(crate) fn guide_page(id: &str) -> String {
    format!("guides/{id}.html")
}

/// A guide's checklist page.
pub(crate) fn checklist_page(id: &str) -> String {
    format!("checklists/{id}.html")
}

/// A guide's JSON data.
pub(crate) fn guide_data(id: &str) -> String {
    format!("data/{id}.json")
}

/// Every file of one guide: page, checklist, data. `key` is the guide's id, or for a guide
/// in another language's tree that tree's folder and the id (`fr/sign-out`: guide ids hold
/// no `/`), as a build's manifest records them.
pub(crate) fn guide_files(key: &str) -> [String; FILES_PER_GUIDE] {
    let (prefix, id) = key.rfind('/').map_or(("", key), |i| key.split_at(i + 1));
    [guide_page(id), checklist_page(id), guide_data(id)].map(|p| format!("{prefix}{p}"))
}

/// A guide's key in a build's manifest (see [`guide_files`]): its id, after its tree's
/// folder (`fr/`) in another language's tree.
pub(crate) fn guide_key(prefix: &str, id: &str) -> String {
    format!("{prefix}{id}")
}

/// The page listing a category's guides, from the category's name; `None` when the name
/// has nothing to make a URL of (no letter or digit in any script).
pub(crate) fn category_page(name: &str) -> Option<String> {
    let slug = slug(name);
    (!slug.is_empty()).then(|| format!("categories/{slug}.html"))
}

/// The page listing a product's guides (product keys are ids already).
pub(crate) fn product_page(key: &str) -> String {
    format!("products/{key}.html")
}

/// The page listing a tag's guides, from the tag; `None` when it has no letter or digit.
pub(crate) fn tag_page(name: &str) -> Option<String> {
    let slug = slug(name);
    (!slug.is_empty()).then(|| format!("tags/{slug}.html"))
}

/// Page `n` (from 1) of a list whose first page is `first` (`categories/x.html`): the
/// first page itself, then `categories/x/2.html`...
pub(crate) fn list_page(first: &str, n: usize) -> String {
    if n <= 1 {
        return first.to_owned();
    }
    let stem = first.strip_suffix(".html").unwrap_or(first);
    format!("{stem}/{n}.html")
}

/// The static folder beside a guides folder, whose files the site holds at the same paths
/// (`static/robots.txt` is `robots.txt`); a build may name another with `--static`.
pub(crate) fn static_folder(guides: &std::path::Path) -> std::path::PathBuf {
    let parent = guides.parent().filter(|p| !p.as_os_str().is_empty());
    parent.map_or_else(|| "static".into(), |p| p.join("static"))
}

/// A screenshot, named by a hash of its bytes and its (lowercased) extension.
pub(crate) fn media_file(hash: u64, ext: &str) -> String {
    format!("media/{hash:016x}.{ext}")
}

/// The URL slug of a name: lowercase ASCII words joined by hyphens, other scripts
/// transliterated ("Réglages et confidentialité" gives `reglages-et-confidentialite`,
/// "Настройки" gives `nastroiki`). Empty when nothing is left.
pub(crate) fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in deunicode::deunicode(name).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// A 64-bit FNV-1a hash of `bytes`: stable across runs and platforms, used for content
/// names and version stamps in the output.
pub(crate) fn content_hash(bytes: &[u8]) -> u64 {
    use std::hash::Hasher;
    let mut h = fnv::FnvHasher::default();
    h.write(bytes);
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_transliterate_and_never_invent_names() {
        assert_eq!(slug("Account & Billing"), "account-billing");
        assert_eq!(
            slug("Réglages et confidentialité"),
            "reglages-et-confidentialite"
        );
        assert_eq!(slug("Настройки"), "nastroiki");
        assert_eq!(slug("  Sign-in  "), "sign-in");
        assert_eq!(slug("!!!"), "");
        assert_eq!(category_page("!!!"), None);
        assert_eq!(
            category_page("Sign in").as_deref(),
            Some("categories/sign-in.html")
        );
    }

    #[test]
    fn long_lists_continue_in_a_folder_named_after_their_first_page() {
        assert_eq!(list_page("categories/x.html", 1), "categories/x.html");
        assert_eq!(list_page("categories/x.html", 2), "categories/x/2.html");
        assert_eq!(tag_page("Sign-in").as_deref(), Some("tags/sign-in.html"));
        assert_eq!(tag_page("?"), None);
    }

    #[test]
    fn content_hash_is_fnv1a() {
        // Published FNV-1a 64 test vectors.
        assert_eq!(content_hash(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(content_hash(b"a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn every_guide_file_is_in_a_guide_folder() {
        for (file, folder) in guide_files("x").iter().zip(GUIDE_FOLDERS) {
            assert!(file.starts_with(&format!("{folder}/")), "{file}");
        }
        let key = guide_key("fr/", "x");
        for (file, folder) in guide_files(&key).iter().zip(GUIDE_FOLDERS) {
            assert!(file.starts_with(&format!("fr/{folder}/")), "{file}");
        }
    }
}
