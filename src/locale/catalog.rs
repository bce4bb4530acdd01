//! [`Locale`] and [`Locales`]: Fluent bundles per language tag, with fallbacks.

use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock, RwLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use super::files::SiteLocale;

/// The language every other falls back to, and whose messages every locale file has.
pub const FALLBACK: &str = "en";

/// The embedded locale files, by language tag.
pub const EMBEDDED: &[(&str, &str)] = &[
    ("de", include_str!("../../locales/de.ftl")),
    ("en", include_str!("../../locales/en.ftl")),
    ("es", include_str!("../../locales/es.ftl")),
    ("fr", include_str!("../../locales/fr.ftl")),
];

/// One language's resources, most important last (a site's file after the embedded one).
type Resources = Vec<Arc<FluentResource>>;

/// The embedded files, parsed once per process.
fn embedded() -> &'static BTreeMap<String, Resources> {
    static PARSED: OnceLock<BTreeMap<String, Resources>> = OnceLock::new();
    PARSED.get_or_init(|| {
        EMBEDDED
            .iter()
            .map(|(tag, text)| {
                // An embedded file that does not parse is caught by the tests; keep what parsed.
                let res = FluentResource::try_new((*text).to_owned()).unwrap_or_else(|(r, _)| r);
                ((*tag).to_owned(), vec![Arc::new(res)])
            })
            .collect()
    })
}

/// The tags a tag falls back through, most specific first, ending with [`FALLBACK`]
/// (`fr-CA` → `fr-ca`, `fr`, `en`), lower case.
pub fn fallback_chain(tag: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut t = tag.trim().to_ascii_lowercase().replace('_', "-");
    while !t.is_empty() {
        out.push(t.clone());
        match t.rfind('-') {
            Some(i) => t.truncate(i),
            None => break,
        }
    }
    if !out.iter().any(|t| t == FALLBACK) {
        out.push(FALLBACK.to_owned());
    }
    out
}

/// Every language's message files: the embedded ones and a site's own.
pub struct Locales {
    resources: BTreeMap<String, Resources>,
    cache: RwLock<BTreeMap<String, Arc<Locale>>>,
}

impl std::fmt::Debug for Locales {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Locales")
            .field("languages", &self.resources.keys().collect::<Vec<_>>())
            .finish()
    }
}

impl Default for Locales {
    fn default() -> Self {
        Locales::embedded()
    }
}

impl Locales {
    /// The embedded locales only.
    pub fn embedded() -> Locales {
        Locales::with_site(&[])
    }

    /// The embedded locales, extended and overridden by a site's files (see
    /// [`read_site_locales`]).
    pub fn with_site(site: &[SiteLocale]) -> Locales {
        let mut resources = embedded().clone();
        for file in site {
            resources
                .entry(file.lang.to_ascii_lowercase())
                .or_default()
                .push(Arc::clone(&file.resource));
        }
        Locales {
            resources,
            cache: RwLock::new(BTreeMap::new()),
        }
    }

    /// The locale of a BCP 47 tag (`fr-CA`), with its fallbacks; made once per tag.
    pub fn get(&self, tag: &str) -> Arc<Locale> {
        if let Some(l) = self.cache.read().ok().and_then(|c| c.get(tag).cloned()) {
            return l;
        }
        let locale = Arc::new(self.build(tag));
        if let Ok(mut c) = self.cache.write() {
            c.insert(tag.to_owned(), Arc::clone(&locale));
        }
        locale
    }

    /// Languages with a file (embedded or the site's), sorted.
    pub fn languages(&self) -> Vec<&str> {
        self.resources.keys().map(String::as_str).collect()
    }

    fn build(&self, tag: &str) -> Locale {
        let mut bundles = Vec::new();
        for t in fallback_chain(tag) {
            let Some(resources) = self.resources.get(&t) else {
                continue;
            };
            let id = t.parse().unwrap_or_default();
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            // No Unicode isolation marks around arguments: the output is HTML and text
            // whose direction the page sets.
            bundle.set_use_isolating(false);
            for r in resources {
                bundle.add_resource_overriding(Arc::clone(r));
            }
            bundles.push(bundle);
        }
        let mut locale = Locale {
            tag: tag.to_owned(),
            bundles,
            rtl: false,
            lists: RwLock::new(BTreeMap::new()),
        };
        locale.rtl = locale.text("locale-direction").trim() == "rtl";
        locale
    }
}

/// The messages of one language, with the fallbacks of its tag.
pub struct Locale {
    tag: String,
    bundles: Vec<FluentBundle<Arc<FluentResource>>>,
    rtl: bool,
    /// Word lists read so far ([`Locale::words`]), by `key` or `key.attr`.
    lists: RwLock<BTreeMap<String, Arc<[String]>>>,
}

impl std::fmt::Debug for Locale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Locale").field("tag", &self.tag).finish()
    }
}

/// A value for a message's variable.
#[derive(Debug, Clone)]
pub enum Arg<'a> {
    /// Words.
    Str(&'a str),
    /// A count (chooses the plural form).
    Num(i64),
}

impl Locale {
    /// The embedded English locale (tests, previews without a site).
    pub fn english() -> Arc<Locale> {
        static EN: OnceLock<Arc<Locale>> = OnceLock::new();
        Arc::clone(EN.get_or_init(|| Locales::embedded().get(FALLBACK)))
    }

    /// The language tag it was made for (`fr-CA`).
    pub fn tag(&self) -> &str {
        &self.tag
    }

    /// `rtl` or `ltr`, as the locale's `locale-direction` says.
    pub fn direction(&self) -> &'static str {
        if self.rtl { "rtl" } else { "ltr" }
    }

    /// A message without variables; its key if no language has it.
    pub fn text(&self, key: &str) -> String {
        self.format(key, None, &[])
            .unwrap_or_else(|| key.to_owned())
    }

    /// A message with variables; its key if no language has it.
    pub fn text_with(&self, key: &str, args: &[(&str, Arg<'_>)]) -> String {
        self.format(key, None, args)
            .unwrap_or_else(|| key.to_owned())
    }

    /// A message or one of its attributes, formatted with `args`, from the first language
    /// of the chain that has it.
    pub fn format(
        &self,
        key: &str,
        attr: Option<&str>,
        args: &[(&str, Arg<'_>)],
    ) -> Option<String> {
        let mut fargs = FluentArgs::new();
        for (k, v) in args {
            match v {
                Arg::Str(s) => fargs.set(*k, FluentValue::from(*s)),
                Arg::Num(n) => fargs.set(*k, FluentValue::from(*n)),
            }
        }
        self.format_args(key, attr, &fargs)
    }

    /// [`Locale::format`] with Fluent's own arguments.
    pub(crate) fn format_args(
        &self,
        key: &str,
        attr: Option<&str>,
        args: &FluentArgs<'_>,
    ) -> Option<String> {
        for b in &self.bundles {
            let Some(msg) = b.get_message(key) else {
                continue;
            };
            let pattern = match attr {
                Some(a) => msg.get_attribute(a).map(|a| a.value()),
                None => msg.value(),
            };
            let Some(pattern) = pattern else { continue };
            let mut errors = Vec::new();
            let out = b.format_pattern(pattern, Some(args), &mut errors);
            return Some(out.into_owned());
        }
        None
    }

    /// A message that is a list of words separated by spaces (`step-determiners`).
    /// Read once per locale.
    pub fn words(&self, key: &str, attr: Option<&str>) -> Arc<[String]> {
        let id = match attr {
            Some(a) => format!("{key}.{a}"),
            None => key.to_owned(),
        };
        if let Some(l) = self.lists.read().ok().and_then(|m| m.get(&id).cloned()) {
            return l;
        }
        let list: Arc<[String]> = self
            .format(key, attr, &[])
            .map(|s| s.split_whitespace().map(str::to_lowercase).collect())
            .unwrap_or_default();
        if let Ok(mut m) = self.lists.write() {
            m.insert(id, Arc::clone(&list));
        }
        list
    }

    /// True if the word list `key` has `word` (compared in lower case).
    pub fn has_word(&self, key: &str, attr: Option<&str>, word: &str) -> bool {
        let w = word.to_lowercase();
        self.words(key, attr).contains(&w)
    }

    /// A yes/no setting of the locale (`yes` is true).
    pub fn flag(&self, key: &str) -> bool {
        // Read through the word lists' cache: sentences ask for flags at every step.
        self.words(key, None).first().is_some_and(|v| v == "yes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(lang: &str, text: &str) -> SiteLocale {
        SiteLocale {
            lang: lang.to_owned(),
            path: format!("locales/{lang}.ftl").into(),
            resource: Arc::new(FluentResource::try_new(text.to_owned()).unwrap()),
        }
    }

    #[test]
    fn tags_fall_back_to_their_language_then_english() {
        assert_eq!(fallback_chain("fr-CA"), ["fr-ca", "fr", "en"]);
        assert_eq!(fallback_chain("en"), ["en"]);
        let locales = Locales::embedded();
        assert_eq!(locales.get("fr-CA").text("tips"), "Astuces");
        assert_eq!(locales.get("de").text("steps-heading"), "Schritte");
        assert_eq!(locales.get("xx").text("tips"), "Tips");
        assert_eq!(locales.get("fr").text("no-such-message"), "no-such-message");
    }

    #[test]
    fn counts_choose_the_plural_form_of_the_language() {
        let locales = Locales::embedded();
        let count = |tag: &str, n| {
            locales
                .get(tag)
                .text_with("guide-count", &[("count", Arg::Num(n))])
        };
        assert_eq!(count("en", 1), "1 guide");
        assert_eq!(count("en", 2), "2 guides");
        assert_eq!(count("en", 0), "0 guides");
        assert_eq!(count("fr", 0), "0 guide");
        assert_eq!(count("fr", 1), "1 guide");
        assert_eq!(count("fr", 2), "2 guides");
        assert_eq!(count("de", 1), "1 Anleitung");
        assert_eq!(count("es", 3), "3 guías");
    }

    #[test]
    fn a_site_overrides_messages_one_by_one_and_may_add_a_language() {
        let locales = Locales::with_site(&[
            site("fr", "tips = Nos conseils\n"),
            site("ar", "locale-direction = rtl\ntips = نصائح\n"),
        ]);
        let fr = locales.get("fr");
        assert_eq!(fr.text("tips"), "Nos conseils");
        assert_eq!(fr.text("steps-heading"), "Étapes");
        assert_eq!(fr.direction(), "ltr");
        let ar = locales.get("ar");
        assert_eq!(ar.text("tips"), "نصائح");
        assert_eq!(ar.direction(), "rtl");
        // What the Arabic file does not say comes from English.
        assert_eq!(ar.text("steps-heading"), "Steps");
        assert!(locales.languages().contains(&"ar"));
    }
}

#[cfg(test)]
mod format_tests {
    use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

    /// Every message and attribute of every embedded locale formats without a Fluent error
    /// (an unknown message reference, a selector without a default) given the variables
    /// the code passes.
    #[test]
    fn every_embedded_message_formats_cleanly() {
        let mut args = FluentArgs::new();
        for name in [
            "title",
            "site",
            "platform",
            "platforms",
            "query",
            "heading",
            "first",
            "last",
            "total",
            "number",
            "audience",
            "device",
            "rest",
            "verb",
            "kind",
            "role",
            "target",
            "value",
            "text",
            "to",
            "condition",
            "action",
            "description",
            "where",
            "label",
            "noun",
            "what",
            "surface",
            "product",
            "alt",
            "confirm",
        ] {
            args.set(name, FluentValue::from("x"));
        }
        args.set("count", FluentValue::from(2));
        for (tag, text) in super::super::EMBEDDED {
            let res = FluentResource::try_new((*text).to_owned()).unwrap();
            let mut bundle =
                fluent_bundle::concurrent::FluentBundle::new_concurrent(vec![tag.parse().unwrap()]);
            bundle.add_resource(&res).unwrap();
            for key in super::super::keys(&res) {
                let (id, attr) = match key.split_once('.') {
                    Some((m, a)) => (m, Some(a)),
                    None => (key.as_str(), None),
                };
                let msg = bundle.get_message(id).unwrap();
                let pattern = match attr {
                    Some(a) => msg.get_attribute(a).unwrap().value(),
                    None => msg.value().unwrap(),
                };
                let mut errors = Vec::new();
                bundle.format_pattern(pattern, Some(&args), &mut errors);
                assert!(errors.is_empty(), "locales/{tag}.ftl `{key}`: {errors:?}");
            }
        }
    }
}
