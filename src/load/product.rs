//! Reading `product.yaml`: the product and its UI glossary.

use super::decode::Ctx;
use super::platforms;
use super::yaml::{Node, Value};
use crate::diag::suggest::help_for;
use crate::diag::{Code, Diagnostic};
use crate::model::{
    Control, ControlText, LOCATION_NAMES, Location, PerPlatform, Product, Role, Site,
};
use crate::source::{FileId, Spanned};

/// The fields of `product.yaml`.
pub(super) const PRODUCT_FIELDS: &[&str] = &[
    "name",
    "home",
    "platforms",
    "glossary",
    "terminology",
    "uses",
];

/// The fields of a glossary control.
pub(super) const CONTROL_FIELDS: &[&str] = &[
    "role",
    "label",
    "where",
    "at",
    "description",
    "on",
    "screen",
    "labels_differ",
    "was",
    "translations",
];

/// The fields of a control's words in one language.
pub(super) const CONTROL_TEXT_FIELDS: &[&str] = &["label", "where", "description"];

/// Decodes a product file.
pub(super) fn decode(
    ctx: &mut Ctx<'_>,
    site: &Site,
    node: &Node,
    file: FileId,
    key: &str,
) -> Option<Product> {
    let f = ctx.map(node, "product file", PRODUCT_FIELDS, "`name: Netflix`")?;
    let name = f
        .required(ctx, "name", "Netflix")
        .and_then(|n| ctx.text(n, "`name`"));
    let home = f.get("home").and_then(|n| ctx.text(n, "`home`"));
    if let Some(h) = &home
        && !(h.value.starts_with("https://") || h.value.starts_with("http://"))
    {
        ctx.push(
            Diagnostic::new(
                Code::InvalidValue,
                h.span,
                format!(
                    "`home` must be an absolute http(s) URL, found `{}`",
                    h.value
                ),
            )
            .help("write it as `home: https://www.example.com`"),
        );
    }
    let product_platforms = f
        .get("platforms")
        .map(|n| platforms::list(ctx, site, n, "a platform id"));
    let mut glossary = Vec::new();
    if let Some(g) = f.get("glossary") {
        match &g.value {
            Value::Map(entries) => {
                for e in entries {
                    if !ctx.check_id(&e.key, "glossary key") {
                        continue;
                    }
                    if let Some(c) = control(ctx, site, &e.key, &e.value) {
                        glossary.push(c);
                    }
                }
            }
            _ if g.is_null() => {}
            _ => ctx.push(
                Diagnostic::new(
                    Code::WrongType,
                    g.span,
                    format!("`glossary` must be a mapping of keys to controls, found {}", g.kind()),
                )
                .help("write one control per key, e.g. `glossary:\\n  my-netflix: {role: tab, label: My Netflix}`"),
            ),
        }
    }
    let terminology = f
        .get("terminology")
        .map(|n| super::rules::terminology(ctx, n))
        .unwrap_or_default();
    let product = Product {
        key: key.to_owned(),
        file,
        name: name?,
        home,
        platforms: product_platforms,
        glossary,
        terminology,
        uses: f
            .get("uses")
            .map(|n| {
                ctx.text_list(n, "a product key")
                    .into_iter()
                    .filter(|u| ctx.check_id(u, "product key"))
                    .collect()
            })
            .unwrap_or_default(),
        used: Vec::new(),
        span: node.span,
    };
    check_labels(ctx, site, &product);
    Some(product)
}

/// Gives each product the glossaries of the products in its `uses`, reporting a key that
/// names no product (`unknown-product`), the product itself, or a product named twice.
pub(super) fn link_uses(products: &mut [Product], diags: &mut Vec<Diagnostic>) {
    let mut keys: Vec<&str> = Vec::new();
    let glossaries: Vec<(String, String, Vec<Control>)> = products
        .iter()
        .map(|p| (p.key.clone(), p.name.value.clone(), p.glossary.clone()))
        .collect();
    keys.extend(glossaries.iter().map(|(k, _, _)| k.as_str()));
    keys.sort_unstable();
    for p in products.iter_mut() {
        let mut used = Vec::new();
        for (i, u) in p.uses.iter().enumerate() {
            if u.value == p.key {
                diags.push(
                    Diagnostic::new(
                        Code::InvalidValue,
                        u.span,
                        format!("`{}` cannot use itself", p.key),
                    )
                    .help(
                        "name its own controls by their plain keys; list other products in `uses`",
                    ),
                );
            } else if let Some(first) = p.uses[..i].iter().find(|f| f.value == u.value) {
                diags.push(
                    Diagnostic::new(
                        Code::DuplicateKey,
                        u.span,
                        format!("`{}` is named twice in `uses`", u.value),
                    )
                    .help("name each product once")
                    .related(first.span, "first named here"),
                );
            } else if let Some(g) = glossaries.iter().find(|(k, _, _)| *k == u.value) {
                used.push(g.clone());
            } else {
                diags.push(
                    Diagnostic::new(
                        Code::UnknownProduct,
                        u.span,
                        format!("`uses` names `{}`, but no product has this key", u.value),
                    )
                    .help(format!(
                        "{} (a product's key is the name of its folder)",
                        help_for(&u.value, keys.iter().copied(), "product")
                    )),
                );
            }
        }
        p.used = used;
    }
}

fn control(ctx: &mut Ctx<'_>, site: &Site, key: &Spanned<String>, node: &Node) -> Option<Control> {
    let f = ctx.map(
        node,
        "glossary control",
        CONTROL_FIELDS,
        "`{role: button, label: Sign out}`",
    )?;
    let role = f
        .required(ctx, "role", "button")
        .and_then(|n| ctx.one_of(n, "role", Role::NAMES));
    let label = f
        .required(ctx, "label", "Sign out")
        .and_then(|n| platforms::per_platform_text(ctx, site, n, "a label"));
    let location = f
        .get("where")
        .and_then(|n| platforms::per_platform_text(ctx, site, n, "a location"));
    let at = f.get("at").and_then(|n| platforms::per_platform_text(ctx, site, n, "a location")).and_then(|pp| {
        let parse = |ctx: &mut Ctx<'_>, s: &Spanned<String>| -> Option<Spanned<Location>> {
            match Location::parse(&s.value) {
                Some(l) => Some(Spanned::new(l, s.span)),
                None => {
                    let names = LOCATION_NAMES.iter().map(|(n, _)| *n).chain(["list-row-1"]);
                    ctx.push(
                        Diagnostic::new(
                            Code::UnknownLocation,
                            s.span,
                            format!("`{}` is not a location illustrations can draw", s.value),
                        )
                        .help(format!(
                            "{}; rows of a list are `list-row-1`, `list-row-2`...; describe anything else in `where`",
                            crate::diag::suggest::help_for(&s.value, names, "location")
                        )),
                    );
                    None
                }
            }
        };
        match pp {
            PerPlatform::All(s) => parse(ctx, &s).map(PerPlatform::All),
            PerPlatform::Each(list) => {
                let each: Vec<_> = list
                    .into_iter()
                    .filter_map(|(p, s)| parse(ctx, &s).map(|l| (p, l)))
                    .collect();
                (!each.is_empty()).then_some(PerPlatform::Each(each))
            }
        }
    });
    let description = f
        .get("description")
        .and_then(|n| ctx.text(n, "`description`"));
    let on = f
        .get("on")
        .map(|n| platforms::list(ctx, site, n, "a platform id"));
    let screen = f.get("screen").and_then(|n| ctx.id(n, "`screen`"));
    let labels_differ = f
        .get("labels_differ")
        .and_then(|n| ctx.text(n, "`labels_differ`"));
    let was = f
        .get("was")
        .and_then(|n| platforms::per_platform_list(ctx, site, n, "a former label"));
    Some(Control {
        key: key.clone(),
        role: role?,
        label: label?,
        location,
        at,
        description,
        on,
        screen,
        labels_differ,
        was,
        translations: f
            .get("translations")
            .map(|n| translations(ctx, site, n))
            .unwrap_or_default(),
    })
}

/// `translations: {fr: {label: Compte, where: ...}}`: a control's words per language.
fn translations(ctx: &mut Ctx<'_>, site: &Site, node: &Node) -> Vec<ControlText> {
    let Some(entries) = ctx.entries(
        node,
        "`translations` must be a mapping of language tags to words",
        "write it as `translations: {fr: {label: Compte}}`",
    ) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for e in entries {
        if !site.languages.iter().skip(1).any(|l| *l == e.key.value) {
            let others: Vec<&str> = site.languages.iter().skip(1).map(String::as_str).collect();
            ctx.push(
                Diagnostic::new(
                    Code::InvalidValue,
                    e.key.span,
                    format!("`{}` is not one of the site's other languages", e.key.value),
                )
                .help(if others.is_empty() {
                    "list the site's languages in site.yaml, e.g. `languages: [en, fr]`".to_owned()
                } else {
                    format!(
                        "{} (see `languages` in site.yaml)",
                        help_for(&e.key.value, others.iter().copied(), "language")
                    )
                }),
            );
            continue;
        }
        let Some(f) = ctx.map(
            &e.value,
            "control translation",
            CONTROL_TEXT_FIELDS,
            "`{label: Compte}`",
        ) else {
            continue;
        };
        out.push(ControlText {
            language: e.key.clone(),
            label: f
                .get("label")
                .and_then(|n| platforms::per_platform_text(ctx, site, n, "a label")),
            location: f
                .get("where")
                .and_then(|n| platforms::per_platform_text(ctx, site, n, "a location")),
            description: f
                .get("description")
                .and_then(|n| ctx.text(n, "`description`")),
        });
    }
    out
}

/// Checks cross-references inside the glossary: labels for every platform a control exists
/// on, `screen` naming a screen control.
fn check_labels(ctx: &mut Ctx<'_>, site: &Site, product: &Product) {
    let product_platforms: Vec<&str> = match &product.platforms {
        Some(list) => list.iter().map(|p| p.value.as_str()).collect(),
        None => site.platform_ids().collect(),
    };
    for c in &product.glossary {
        let on: Vec<&str> = match &c.on {
            Some(list) => list.iter().map(|p| p.value.as_str()).collect(),
            None => product_platforms.clone(),
        };
        if let PerPlatform::Each(_) = &c.label {
            let missing: Vec<&str> = on
                .iter()
                .copied()
                .filter(|p| c.label.get(p).is_none())
                .collect();
            if !missing.is_empty() {
                let span = c.label.iter().next().map_or(c.key.span, |(_, l)| l.span);
                ctx.push(
                    Diagnostic::new(
                        Code::MissingLabel,
                        span,
                        format!(
                            "control `{}` has no label for {}",
                            c.key.value,
                            missing.join(", ")
                        ),
                    )
                    .help(format!(
                        "add `{}: ...` under `label`, or restrict the control with `on: [...]`",
                        missing[0]
                    )),
                );
            }
        }
        check_former(ctx, c, &on);
        if let Some(screen) = &c.screen {
            match product.control(&screen.value) {
                Some(s) if s.role.value == Role::Screen => {}
                Some(s) => ctx.push(
                    Diagnostic::new(
                        Code::InvalidValue,
                        screen.span,
                        format!(
                            "`screen` must name a control with `role: screen`, `{}` is a {}",
                            screen.value,
                            s.role.value.as_str()
                        ),
                    )
                    .related(s.role.span, "its role is set here"),
                ),
                None => ctx.push(
                    Diagnostic::new(
                        Code::UnknownGlossaryKey,
                        screen.span,
                        format!("unknown screen `{}`", screen.value),
                    )
                    .help(crate::diag::suggest::help_for(
                        &screen.value,
                        product.glossary.iter().map(|c| c.key.value.as_str()),
                        "glossary key",
                    )),
                ),
            }
        }
    }
}

/// A former label (`was`) that is the control's label now on the same platform is a
/// contradiction. With one `was` for all platforms and labels per platform, a platform
/// still showing a former label is a rename the other platforms made alone: the
/// `partial-rename` rule reports that.
fn check_former(ctx: &mut Ctx<'_>, c: &Control, on: &[&str]) {
    let Some(was) = &c.was else { return };
    if matches!(was, PerPlatform::All(_)) && matches!(c.label, PerPlatform::Each(_)) {
        return;
    }
    let mut said: Vec<crate::source::Span> = Vec::new();
    for p in on {
        let Some(current) = c.label.get(p) else {
            continue;
        };
        for f in c.former(p) {
            if f.value.eq_ignore_ascii_case(&current.value) && !said.contains(&f.span) {
                said.push(f.span);
                let whose = match &c.label {
                    PerPlatform::All(_) => String::new(),
                    PerPlatform::Each(_) => format!(" on {p}"),
                };
                ctx.push(
                    Diagnostic::new(
                        Code::InvalidValue,
                        f.span,
                        format!(
                            "\"{}\" is the current label of `{}`{whose}, not a former one",
                            f.value, c.key.value
                        ),
                    )
                    .help("`was` lists the labels the control had before a rename; remove this one, or correct `label`")
                    .related(current.span, "the current label"),
                );
            }
        }
    }
}
