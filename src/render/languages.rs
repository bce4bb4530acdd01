//! The site's trees per language, as every page links them: a language switcher that goes
//! to the same page in another language when that tree has it (else to its home page), and
//! `hreflang` alternates for the versions that are the same page.
//!
//! The default language's tree is the site's root; every other language's tree is a folder
//! named after its tag (`fr/`), laid out like the root.

use serde::Serialize;

use crate::layout;

/// One language's tree of the site.
#[derive(Debug, Clone)]
pub struct Tree {
    /// The language tag (`fr`).
    pub language: String,
    /// The language's name in that language (`Français`), for the switcher.
    pub name: String,
    /// The folder of the tree in the site (`""` for the default language, `fr/`).
    pub prefix: String,
    /// Ids of the guides the tree has, sorted.
    pub guides: Vec<String>,
}

/// Every tree of the site, and which one is being rendered.
#[derive(Debug, Clone)]
pub struct Versions {
    /// The trees, the default language's first.
    pub trees: Vec<Tree>,
    /// The tree being rendered.
    pub current: usize,
    /// The site's base URL (ends with `/`).
    pub base_url: String,
}

/// One entry of the language switcher.
#[derive(Debug, Clone, Serialize)]
pub struct LanguageLink {
    /// The language tag.
    pub tag: String,
    /// The language's name in that language.
    pub name: String,
    /// The link, relative to the page.
    pub url: String,
    /// The absolute URL (for `hreflang` alternates and the sitemap).
    pub href: String,
    /// The page being rendered is in this language.
    pub current: bool,
    /// The link goes to the same page in this language (not to the tree's home page).
    pub same: bool,
}

/// The name of a language in that language, for a language without a locale file (the tag
/// for a language this table lacks).
pub fn autonym(tag: &str) -> String {
    let primary = tag.split('-').next().unwrap_or(tag).to_ascii_lowercase();
    let name = match primary.as_str() {
        "en" => "English",
        "fr" => "Français",
        "de" => "Deutsch",
        "es" => "Español",
        "it" => "Italiano",
        "pt" => "Português",
        "nl" => "Nederlands",
        "sv" => "Svenska",
        "da" => "Dansk",
        "nb" | "no" => "Norsk",
        "fi" => "Suomi",
        "pl" => "Polski",
        "ca" => "Català",
        "ja" => "日本語",
        "zh" => "中文",
        "ko" => "한국어",
        "ar" => "العربية",
        "he" => "עברית",
        "ru" => "Русский",
        "tr" => "Türkçe",
        _ => return tag.to_owned(),
    };
    if primary == tag {
        name.to_owned()
    } else {
        format!("{name} ({tag})")
    }
}

impl Versions {
    /// The tree being rendered.
    pub fn tree(&self) -> &Tree {
        &self.trees[self.current]
    }

    /// The switcher's entries for the page at `path` of the current tree (`root` leads from
    /// the page back to the tree's root); `guide` is the id of the guide the page shows.
    pub fn links(&self, path: &str, root: &str, guide: Option<&str>) -> Vec<LanguageLink> {
        let depth = self.tree().prefix.matches('/').count();
        let up = format!("{root}{}", "../".repeat(depth));
        let mut links: Vec<LanguageLink> = self
            .trees
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let same = match guide {
                    Some(id) => t.guides.binary_search_by(|g| g.as_str().cmp(id)).is_ok(),
                    None => path == layout::INDEX || path == layout::SEARCH_PAGE,
                };
                let target = if same { path } else { layout::INDEX };
                LanguageLink {
                    tag: t.language.clone(),
                    name: t.name.clone(),
                    url: format!("{up}{}{target}", t.prefix),
                    href: format!("{}{}{target}", self.base_url, t.prefix),
                    current: i == self.current,
                    same,
                }
            })
            .collect();
        // A page in one language only has no alternates.
        if links.iter().filter(|l| l.same).count() < 2 {
            for l in &mut links {
                l.same = false;
            }
        }
        links
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn versions(current: usize) -> Versions {
        Versions {
            trees: vec![
                Tree {
                    language: "en".into(),
                    name: "English".into(),
                    prefix: String::new(),
                    guides: vec!["a".into(), "b".into()],
                },
                Tree {
                    language: "fr".into(),
                    name: "Français".into(),
                    prefix: "fr/".into(),
                    guides: vec!["a".into()],
                },
            ],
            current,
            base_url: "https://help.example.com/".into(),
        }
    }

    #[test]
    fn the_switcher_goes_to_the_same_guide_or_the_other_home() {
        let en = versions(0).links("guides/a.html", "../", Some("a"));
        assert_eq!(en[1].url, "../fr/guides/a.html");
        assert_eq!(en[1].href, "https://help.example.com/fr/guides/a.html");
        assert!(en[0].current && en[1].same);
        let fr = versions(1).links("guides/a.html", "../", Some("a"));
        assert_eq!(fr[0].url, "../../guides/a.html");
        let b = versions(0).links("guides/b.html", "../", Some("b"));
        assert_eq!((b[1].url.as_str(), b[1].same), ("../fr/index.html", false));
        let home = versions(1).links("index.html", "", None);
        assert_eq!(home[0].url, "../index.html");
        assert_eq!(autonym("fr"), "Français");
        assert_eq!(autonym("pt-BR"), "Português (pt-BR)");
    }
}
