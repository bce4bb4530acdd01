//! Platform names as they appear in guide and product files: single ids, comma lists
//! (`android, ios`) and per-platform values.

use super::decode::Ctx;
use super::yaml::{Node, Value};
use crate::diag::suggest::help_for;
use crate::diag::{Code, Diagnostic};
use crate::model::{PerPlatform, Site};
use crate::source::{Pos, Span, Spanned};

/// Splits a key like `android, ios` into ids with their own spans, checking each one.
pub(super) fn split_key(
    ctx: &mut Ctx<'_>,
    site: &Site,
    key: &Spanned<String>,
) -> Vec<Spanned<String>> {
    let width = key.span.end.index.saturating_sub(key.span.start.index) as usize;
    let exact = key.span.start.line == key.span.end.line && width == key.value.chars().count();
    let mut out = Vec::new();
    let mut offset = 0u32;
    for part in key.value.split(',') {
        let lead = part.chars().take_while(|c| c.is_whitespace()).count() as u32;
        let id = part.trim();
        let len = id.chars().count() as u32;
        let span = if exact {
            let at = |n: u32| Pos {
                line: key.span.start.line,
                col: key.span.start.col + n,
                index: key.span.start.index + n,
            };
            Span {
                file: key.span.file,
                start: at(offset + lead),
                end: at(offset + lead + len),
            }
        } else {
            key.span
        };
        offset += part.chars().count() as u32 + 1;
        let id = Spanned::new(id.to_owned(), span);
        if check(ctx, site, &id) {
            out.push(id);
        }
    }
    out
}

/// Reports `unknown-platform` (with did-you-mean) unless the site defines `id`.
pub(super) fn check(ctx: &mut Ctx<'_>, site: &Site, id: &Spanned<String>) -> bool {
    if site.platform(&id.value).is_some() {
        return true;
    }
    let msg = if id.value.is_empty() {
        "empty platform name".to_owned()
    } else {
        format!("unknown platform `{}`", id.value)
    };
    ctx.push(
        Diagnostic::new(Code::UnknownPlatform, id.span, msg).help(help_for(
            &id.value,
            site.platform_ids(),
            "platform",
        )),
    );
    false
}

/// Reads a list of platform ids, keeping the known ones.
/// An empty list is an error (it would mean "on no platform"), and so is a platform named
/// twice.
pub(super) fn list(
    ctx: &mut Ctx<'_>,
    site: &Site,
    node: &Node,
    what: &str,
) -> Vec<Spanned<String>> {
    let items = ctx.text_list(node, what);
    if items.is_empty() {
        ctx.push(
            Diagnostic::new(Code::MissingField, node.span, "this list of platforms is empty")
                .help("name at least one platform, e.g. `[web, android]`, or remove the field for all of them"),
        );
    }
    let mut out: Vec<Spanned<String>> = Vec::new();
    for id in items {
        if !check(ctx, site, &id) {
            continue;
        }
        if let Some(first) = out.iter().find(|p| p.value == id.value) {
            ctx.push(duplicate(&id, first.span));
            continue;
        }
        out.push(id);
    }
    out
}

/// `duplicate-key` for a platform named twice.
pub(super) fn duplicate(id: &Spanned<String>, first: crate::source::Span) -> Diagnostic {
    Diagnostic::new(
        Code::DuplicateKey,
        id.span,
        format!("platform `{}` is named twice", id.value),
    )
    .help("name each platform once")
    .related(first, "first named here")
}

/// Reads a value that is either one text for all platforms or a mapping per platform.
pub(super) fn per_platform_text(
    ctx: &mut Ctx<'_>,
    site: &Site,
    node: &Node,
    what: &str,
) -> Option<PerPlatform<Spanned<String>>> {
    match &node.value {
        Value::Map(entries) => {
            let mut each: Vec<(Spanned<String>, Spanned<String>)> = Vec::new();
            for e in entries {
                let Some(text) = ctx.text(&e.value, what) else {
                    continue;
                };
                for id in split_key(ctx, site, &e.key) {
                    if let Some((first, _)) = each.iter().find(|(p, _)| p.value == id.value) {
                        ctx.push(duplicate(&id, first.span));
                        continue;
                    }
                    each.push((id, text.clone()));
                }
            }
            if entries.is_empty() {
                ctx.push(
                    Diagnostic::new(Code::MissingField, node.span, format!("{what} per platform is empty"))
                        .help("give one text for all platforms, or one per platform: `{web: ..., android, ios: ...}`"),
                );
            }
            (!each.is_empty()).then_some(PerPlatform::Each(each))
        }
        _ => ctx.text(node, what).map(PerPlatform::All),
    }
}

/// Reads a list of texts for all platforms (`[a, b]`, or one text) or a mapping from
/// platform ids to such lists. `None` when nothing usable is given.
pub(super) fn per_platform_list(
    ctx: &mut Ctx<'_>,
    site: &Site,
    node: &Node,
    what: &str,
) -> Option<PerPlatform<Vec<Spanned<String>>>> {
    match &node.value {
        Value::Map(entries) => {
            let mut each: Vec<(Spanned<String>, Vec<Spanned<String>>)> = Vec::new();
            for e in entries {
                let items = ctx.text_list(&e.value, what);
                for id in split_key(ctx, site, &e.key) {
                    if let Some((first, _)) = each.iter().find(|(p, _)| p.value == id.value) {
                        ctx.push(duplicate(&id, first.span));
                        continue;
                    }
                    each.push((id, items.clone()));
                }
            }
            (!each.is_empty()).then_some(PerPlatform::Each(each))
        }
        _ => {
            let items = ctx.text_list(node, what);
            (!items.is_empty()).then_some(PerPlatform::All(items))
        }
    }
}
