//! Reading `site.yaml`, over the embedded defaults.

use super::decode::{Ctx, Fields};
use super::yaml::{self, Entry, Node, Value};
use crate::diag::suggest::help_for;
use crate::diag::{Code, Diagnostic};
use crate::model::{Illustrations, Platform, PlatformKind, Site, Updated};
use crate::source::{FileId, SourceMap};

/// The built-in settings, as YAML (also the documented example).
pub const DEFAULT_SITE_YAML: &str = include_str!("default_site.yaml");

/// The fields of `site.yaml`.
pub(super) const SITE_FIELDS: &[&str] = &[
    "title",
    "base_url",
    "language",
    "languages",
    "platforms",
    "rules",
    "terminology",
    "illustrations",
    "logo",
    "favicon",
    "accent",
    "header_links",
    "footer_links",
    "contact",
    "feedback",
    "featured",
    "updated",
];
/// The fields of a platform defined in `site.yaml`.
pub(super) const PLATFORM_FIELDS: &[&str] = &["name", "verb", "kind"];

/// The built-in site settings.
pub fn default_site() -> Site {
    let mut sources = SourceMap::new();
    let file = sources.add("<built-in site.yaml>", DEFAULT_SITE_YAML.to_owned());
    let mut diags = Vec::new();
    let node = yaml::parse(file, DEFAULT_SITE_YAML, &mut diags);
    let builtin = Site {
        file: None,
        title: String::new(),
        base_url: String::new(),
        language: String::new(),
        languages: Vec::new(),
        platforms: Vec::new(),
        rules: Vec::new(),
        terminology: Vec::new(),
        illustrations: Illustrations::WhereUseful,
        brand: crate::model::Brand::default(),
        featured: Vec::new(),
        updated: Updated::ReviewedOrGit,
    };
    let mut site = node
        .map(|n| decode(&mut Ctx { diags: &mut diags }, &n, None, &builtin))
        .unwrap_or(builtin);
    debug_assert!(diags.is_empty(), "built-in site.yaml is invalid: {diags:?}");
    site.file = None;
    for p in &mut site.platforms {
        p.span = None;
    }
    site
}

/// Decodes a site file; missing settings come from `defaults`.
pub(super) fn decode(
    ctx: &mut Ctx<'_>,
    node: &Node,
    file: Option<FileId>,
    defaults: &Site,
) -> Site {
    let mut site = defaults.clone();
    site.file = file;
    let Some(f) = ctx.map(node, "site file", SITE_FIELDS, "`title: My Help Center`") else {
        return site;
    };
    if let Some(t) = f.get("title").and_then(|n| ctx.text(n, "`title`")) {
        site.title = t.value;
    }
    if let Some(u) = f.get("base_url").and_then(|n| ctx.text(n, "`base_url`")) {
        if u.value.starts_with("https://") || u.value.starts_with("http://") {
            site.base_url = if u.value.ends_with('/') {
                u.value
            } else {
                format!("{}/", u.value)
            };
        } else {
            ctx.push(
                Diagnostic::new(
                    Code::InvalidValue,
                    u.span,
                    format!(
                        "`base_url` must be an absolute http(s) URL, found `{}`",
                        u.value
                    ),
                )
                .help("write it as `base_url: https://help.example.com/`"),
            );
        }
    }
    if let Some(l) = f.get("language").and_then(|n| ctx.text(n, "`language`")) {
        if language_tag(ctx, &l) {
            site.language = l.value;
        }
    }
    site.languages = vec![site.language.clone()];
    if let Some(n) = f.get("languages") {
        languages(ctx, &f, n, &mut site);
    }
    if let Some(n) = f.get("platforms") {
        platforms(ctx, &f, n, defaults, &mut site);
    }
    if let Some(n) = f.get("rules") {
        site.rules = super::rules::settings(ctx, n);
    }
    if let Some(n) = f.get("terminology") {
        site.terminology = super::rules::terminology(ctx, n);
    }
    if let Some(n) = f.get("illustrations") {
        let choices = [
            ("where-useful", Illustrations::WhereUseful),
            ("where-given", Illustrations::WhereGiven),
            ("all-steps", Illustrations::AllSteps),
            ("none", Illustrations::None),
        ];
        if let Some(v) = ctx.one_of(n, "illustrations setting", &choices) {
            site.illustrations = v.value;
        }
    }
    for key in super::brand::FIELDS {
        if let Some(n) = f.get(key) {
            super::brand::field(ctx, key, n, &mut site.brand);
        }
    }
    if let Some(n) = f.get("featured") {
        site.featured = ctx.text_list(n, "a guide id");
    }
    if let Some(n) = f.get("updated") {
        if let Some(v) = ctx.one_of(n, "updated setting", Updated::NAMES) {
            site.updated = v.value;
        }
    }
    site
}

fn platforms(ctx: &mut Ctx<'_>, f: &Fields<'_>, node: &Node, defaults: &Site, site: &mut Site) {
    let out = match &node.value {
        Value::Seq(_) | Value::Scalar(_) => builtin_subset(ctx, node, defaults),
        Value::Map(entries) => entries
            .iter()
            .filter_map(|e| defined(ctx, e, defaults))
            .collect(),
    };
    if out.is_empty() {
        ctx.push(
            Diagnostic::new(Code::MissingField, f.key_span("platforms").unwrap_or(node.span), "the site defines no platform")
                .help("list at least one platform, e.g. `platforms: [web, android, ios]`, or remove the field for the defaults"),
        );
        return;
    }
    site.platforms = out;
}

/// `platforms: [web, android]`: a subset of the built-in platforms.
fn builtin_subset(ctx: &mut Ctx<'_>, node: &Node, defaults: &Site) -> Vec<Platform> {
    let mut out: Vec<Platform> = Vec::new();
    for id in ctx.text_list(node, "a platform id") {
        if let Some(first) = out.iter().find(|p| p.id == id.value) {
            let first = first.span.unwrap_or(id.span);
            ctx.push(super::platforms::duplicate(&id, first));
            continue;
        }
        match defaults.platform(&id.value) {
            Some(p) => out.push(Platform {
                span: Some(id.span),
                ..p.clone()
            }),
            None => ctx.push(
                Diagnostic::new(
                    Code::UnknownPlatform,
                    id.span,
                    format!("`{}` is not a built-in platform", id.value),
                )
                .help(format!(
                    "{}; to add a platform, write `platforms:` as a mapping with `name`, `verb` and `kind`",
                    help_for(&id.value, defaults.platform_ids(), "platform")
                )),
            ),
        }
    }
    out
}

/// One entry of `platforms:` as a mapping: a built-in platform, changed or not, or a new one.
fn defined(ctx: &mut Ctx<'_>, e: &Entry, defaults: &Site) -> Option<Platform> {
    if !ctx.check_id(&e.key, "platform id") {
        return None;
    }
    let base = defaults.platform(&e.key.value);
    if e.value.is_null() {
        if base.is_none() {
            ctx.push(
                Diagnostic::new(
                    Code::MissingField,
                    e.key.span,
                    format!("platform `{}` has no definition", e.key.value),
                )
                .help("give it `name`, `verb` and `kind`, e.g. `tv: {name: Smart TV, verb: select, kind: tv}`"),
            );
        }
        return base.map(|p| Platform {
            span: Some(e.key.span),
            ..p.clone()
        });
    }
    let pf = ctx.map(
        &e.value,
        "platform",
        PLATFORM_FIELDS,
        "`{name: Smart TV, verb: select, kind: tv}`",
    )?;
    // A built-in platform keeps the settings it is not given.
    let text = |ctx: &mut Ctx<'_>, key: &str, ex: &str, inherited: Option<&str>| match pf.get(key) {
        Some(n) => ctx.text(n, &format!("`{key}`")).map(|s| s.value),
        None => inherited.map(str::to_owned).or_else(|| {
            pf.required(ctx, key, ex);
            None
        }),
    };
    let name = text(ctx, "name", "Smart TV", base.map(|p| p.name.as_str()));
    let verb = text(ctx, "verb", "select", base.map(|p| p.verb.as_str()));
    let kind = match pf.get("kind") {
        Some(n) => ctx
            .one_of(n, "platform kind", PlatformKind::NAMES)
            .map(|k| k.value),
        None => base.map(|p| p.kind).or_else(|| {
            pf.required(ctx, "kind", "desktop");
            None
        }),
    };
    Some(Platform {
        id: e.key.value.clone(),
        name: name?,
        verb: verb?,
        kind: kind?,
        span: Some(e.key.span),
    })
}

/// Whether `l` is a BCP 47 tag: a 2-3 letter language, then letter/digit subtags (`en`,
/// `pt-BR`); reports it if not.
fn language_tag(ctx: &mut Ctx<'_>, l: &crate::source::Spanned<String>) -> bool {
    if crate::model::is_language_tag(&l.value) {
        return true;
    }
    ctx.push(
        Diagnostic::new(
            Code::InvalidValue,
            l.span,
            format!("`{}` is not a language tag", l.value),
        )
        .help("write a BCP 47 tag such as `en`, `de` or `pt-BR`"),
    );
    false
}

/// Reads `languages: [en, fr]`: the first is the default language (`language`, which it
/// sets when `language` is not given, and must equal when it is).
fn languages(ctx: &mut Ctx<'_>, f: &Fields<'_>, node: &Node, site: &mut Site) {
    let list = ctx.text_list(node, "a language tag");
    let mut out: Vec<String> = Vec::new();
    for l in &list {
        if !language_tag(ctx, l) {
            continue;
        }
        if out.contains(&l.value) {
            ctx.push(
                Diagnostic::new(
                    Code::DuplicateKey,
                    l.span,
                    format!("`{}` is named twice in `languages`", l.value),
                )
                .help("name each language once"),
            );
            continue;
        }
        out.push(l.value.clone());
    }
    let Some(first) = out.first() else {
        return;
    };
    if f.get("language").is_some() && *first != site.language {
        ctx.push(
            Diagnostic::new(
                Code::InvalidValue,
                list[0].span,
                format!(
                    "the first of `languages` is the default language, but `language` is `{}`",
                    site.language
                ),
            )
            .help(format!(
                "list `{}` first, or remove `language` (the first of `languages` is the default)",
                site.language
            )),
        );
        return;
    }
    site.language = first.clone();
    site.languages = out;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_have_three_platforms() {
        let site = default_site();
        let ids: Vec<_> = site.platform_ids().collect();
        assert_eq!(ids, ["web", "android", "ios"]);
        assert_eq!(site.platform("web").unwrap().verb, "click");
        assert_eq!(site.platform("ios").unwrap().kind, PlatformKind::Phone);
    }

    #[test]
    fn a_new_platform_is_data() {
        let text = "platforms:\n  web:\n  tv: {name: Smart TV, verb: select, kind: tv}\n";
        let mut diags = Vec::new();
        let node = yaml::parse(FileId(0), text, &mut diags).unwrap();
        let site = decode(
            &mut Ctx { diags: &mut diags },
            &node,
            Some(FileId(0)),
            &default_site(),
        );
        assert!(diags.is_empty(), "{diags:?}");
        let ids: Vec<_> = site.platform_ids().collect();
        assert_eq!(ids, ["web", "tv"]);
        assert_eq!(site.platform("tv").unwrap().kind, PlatformKind::Tv);
    }
}
