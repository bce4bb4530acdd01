//! Reading a step's `image`: a screenshot or a request for a drawn illustration, with
//! callouts drawn over it.

use super::decode::{Ctx, Fields};
use super::yaml::{Node, Value};
use crate::diag::{Code, Diagnostic};
use crate::model::{Callout, CalloutShape, Image};

/// The fields of an `image` mapping.
pub(super) const IMAGE_FIELDS: &[&str] = &["src", "alt", "callouts"];

/// The fields of a callout: its shape (the first three) and a label.
pub(super) const CALLOUT_FIELDS: &[&str] = &["box", "arrow", "marker", "label"];

/// The shapes a callout can be; it has exactly one.
const CALLOUT_SHAPES: &[&str] = CALLOUT_FIELDS.split_at(3).0;

/// Reads `image: {src, alt, callouts}`, or a bare path as `src`.
pub(super) fn image(ctx: &mut Ctx<'_>, node: &Node) -> Option<Image> {
    match &node.value {
        Value::Map(_) => {
            let f = ctx.map(
                node,
                "image",
                IMAGE_FIELDS,
                "`{src: img/account.png, alt: The Account page}`",
            )?;
            let callouts = f
                .get("callouts")
                .map(|n| callouts(ctx, n))
                .unwrap_or_default();
            let src = f.get("src").and_then(|n| ctx.text(n, "`src`"));
            // Empty alt text is reported once, as `missing-alt-text`, by the resolver.
            let alt = f
                .get("alt")
                .filter(|n| !matches!(&n.value, Value::Scalar(s) if s.text.trim().is_empty()))
                .and_then(|n| ctx.text(n, "`alt`"));
            Some(Image {
                src,
                alt,
                callouts,
                span: node.span,
            })
        }
        _ => {
            let src = ctx.text(node, "`image`")?;
            Some(Image {
                src: Some(src),
                alt: None,
                callouts: Vec::new(),
                span: node.span,
            })
        }
    }
}

/// Reads `callouts: [{box: [x, y, w, h], label: ...}, {arrow: [x1, y1, x2, y2]}, {marker: [x, y]}]`.
fn callouts(ctx: &mut Ctx<'_>, node: &Node) -> Vec<Callout> {
    ctx.list(node, "`callouts`")
        .iter()
        .filter_map(|item| callout(ctx, item))
        .collect()
}

fn callout(ctx: &mut Ctx<'_>, item: &Node) -> Option<Callout> {
    let f = ctx.map(
        item,
        "callout",
        CALLOUT_FIELDS,
        "`{box: [x, y, width, height], label: Tap here}`",
    )?;
    let shapes: Vec<&str> = CALLOUT_SHAPES
        .iter()
        .copied()
        .filter(|k| f.get(k).is_some())
        .collect();
    if shapes.len() != 1 {
        ctx.push(
            Diagnostic::new(
                Code::InvalidValue,
                f.head(),
                "a callout is exactly one of `box`, `arrow` or `marker`",
            )
            .help("write one callout per list item"),
        );
        return None;
    }
    let shape = match shapes[0] {
        "box" => numbers(ctx, &f, "box", 4).map(|v| CalloutShape::Box(v[0], v[1], v[2], v[3])),
        "arrow" => {
            numbers(ctx, &f, "arrow", 4).map(|v| CalloutShape::Arrow(v[0], v[1], v[2], v[3]))
        }
        _ => numbers(ctx, &f, "marker", 2).map(|v| CalloutShape::Marker(v[0], v[1])),
    };
    let label = f.get("label").and_then(|n| ctx.text(n, "`label`"));
    Some(Callout {
        shape: shape?,
        label,
        span: item.span,
    })
}

/// The `n` whole numbers of a callout's shape `key`.
fn numbers(ctx: &mut Ctx<'_>, f: &Fields<'_>, key: &str, n: usize) -> Option<Vec<u32>> {
    let node = f.get(key)?;
    let items = ctx.list(node, &format!("`{key}`"));
    let values: Vec<u32> = items
        .iter()
        .filter_map(|i| match &i.value {
            Value::Scalar(s) => s.text.trim().parse().ok(),
            _ => None,
        })
        .collect();
    if values.len() != n || items.len() != n {
        ctx.push(
            Diagnostic::new(
                Code::InvalidValue,
                node.span,
                format!("`{key}` needs {n} whole numbers (pixels of the image)"),
            )
            .help(match key {
                "box" => "write `box: [x, y, width, height]`",
                "arrow" => "write `arrow: [from x, from y, to x, to y]`",
                _ => "write `marker: [x, y]`",
            }),
        );
        return None;
    }
    Some(values)
}
