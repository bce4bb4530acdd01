//! Reading a guide file: metadata, procedures per platform, steps.

use super::decode::{Ctx, is_id};
use super::platforms;
use super::yaml::{Node, Value};
use crate::diag::suggest::did_you_mean;
use crate::diag::{Code, Diagnostic};
use crate::model::{
    Action, Callout, CalloutShape, Guide, Image, Outcome, Procedure, ProcedureBody, Site, Step,
    StepExtra, Target, TargetArity, Toggle, Trouble, Unavailable,
};
use crate::source::{FileId, Spanned};

const GUIDE_FIELDS: &[&str] = &[
    "id",
    "title",
    "summary",
    "intro",
    "category",
    "tags",
    "time",
    "reviewed",
    "prerequisites",
    "tools",
    "supplies",
    "steps",
    "unavailable_on",
    "outcome",
    "tips",
    "warnings",
    "troubleshooting",
    "related",
    "allow",
];

const STEP_FIELDS: &[&str] = &[
    "value", "to", "detail", "if", "optional", "confirm", "result", "note", "warning", "image",
    "choices", "steps", "only", "instead", "allow",
];

/// Where a step sits, which decides what it may contain.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Level {
    Top,
    Sub,
    Instead,
}

/// File identity of a guide being decoded.
pub struct GuideFile<'a> {
    /// The file.
    pub file: FileId,
    /// Product folder name.
    pub product: &'a str,
    /// File stem.
    pub slug: &'a str,
}

/// Decodes a guide file.
pub fn decode(ctx: &mut Ctx<'_>, site: &Site, node: &Node, gf: &GuideFile<'_>) -> Option<Guide> {
    let f = ctx.map(
        node,
        "guide",
        GUIDE_FIELDS,
        "`title: How to ...` followed by `steps:`",
    )?;
    let text =
        |ctx: &mut Ctx<'_>, key: &str| f.get(key).and_then(|n| ctx.text(n, &format!("`{key}`")));
    let list = |ctx: &mut Ctx<'_>, key: &str| {
        f.get(key)
            .map(|n| ctx.text_list(n, &format!("an item of `{key}`")))
            .unwrap_or_default()
    };
    let id = match f.get("id") {
        Some(n) => ctx.id(n, "guide id"),
        None if is_id(gf.slug) => Some(Spanned::new(gf.slug.to_owned(), f.head())),
        None => {
            ctx.push(
                Diagnostic::new(
                    Code::InvalidId,
                    f.head(),
                    format!("the file name `{}` is not a valid guide id", gf.slug),
                )
                .help("rename the file to lowercase words joined by hyphens, or set `id:`"),
            );
            None
        }
    };
    let title = f
        .required(ctx, "title", "How to sign out of all devices")
        .and_then(|n| ctx.text(n, "`title`"));
    let summary = f
        .required(ctx, "summary", "Sign out everywhere at once.")
        .and_then(|n| ctx.text(n, "`summary`"));
    let time = f.get("time").and_then(|n| duration(ctx, n));
    let reviewed = f.get("reviewed").and_then(|n| date(ctx, n));
    let procedures = match f.get("steps") {
        Some(n) => procedures(ctx, site, n),
        // A misspelt `steps` key was already reported as an unknown field.
        None if f
            .entries()
            .iter()
            .any(|e| did_you_mean(&e.key.value, ["steps"]).is_some()) =>
        {
            Vec::new()
        }
        None => {
            ctx.push(
                Diagnostic::new(Code::NoPlatforms, f.head(), "this guide has no `steps`")
                    .help("add `steps:` with one list of steps per platform, e.g. `steps:\\n  web:\\n    - click: sign-out`"),
            );
            Vec::new()
        }
    };
    let unavailable_on = f
        .get("unavailable_on")
        .map(|n| unavailable(ctx, site, n))
        .unwrap_or_default();
    let outcome = f.get("outcome").and_then(|n| outcome(ctx, n));
    let troubleshooting = f
        .get("troubleshooting")
        .map(|n| trouble(ctx, n))
        .unwrap_or_default();
    let related = f
        .get("related")
        .map(|n| {
            ctx.text_list(n, "a related guide id")
                .into_iter()
                .filter(|r| ctx.check_id(r, "related guide id"))
                .collect()
        })
        .unwrap_or_default();
    // Read every field before giving up on a missing one, so all problems are reported.
    let intro = text(ctx, "intro");
    let category = text(ctx, "category");
    let tags = list(ctx, "tags");
    let prerequisites = list(ctx, "prerequisites");
    let tools = list(ctx, "tools");
    let supplies = list(ctx, "supplies");
    let tips = list(ctx, "tips");
    let warnings = list(ctx, "warnings");
    let allow = f
        .get("allow")
        .map(|n| super::rules::allow(ctx, n))
        .unwrap_or_default();
    Some(Guide {
        file: gf.file,
        product: gf.product.to_owned(),
        slug: gf.slug.to_owned(),
        id: id?,
        title: title?,
        summary: summary?,
        intro,
        category,
        tags,
        time,
        reviewed,
        prerequisites,
        tools,
        supplies,
        procedures,
        unavailable_on,
        outcome,
        tips,
        warnings,
        troubleshooting,
        related,
        allow,
        span: node.span,
    })
}

fn duration(ctx: &mut Ctx<'_>, node: &Node) -> Option<Spanned<u32>> {
    let t = ctx.text(node, "`time`")?;
    let parsed = t.value.trim().parse::<jiff::SignedDuration>();
    match parsed {
        Ok(d) if d.as_secs() >= 1 && d.as_secs() <= 7 * 24 * 3600 => Some(Spanned::new(
            u32::try_from(d.as_secs()).unwrap_or(u32::MAX),
            t.span,
        )),
        Ok(_) => {
            ctx.push(
                Diagnostic::new(
                    Code::InvalidDuration,
                    t.span,
                    format!("`{}` is not a sensible time for a guide", t.value),
                )
                .help("give a time between 1 second and a week (168 h), e.g. `time: 2 min`"),
            );
            None
        }
        Err(_) => {
            ctx.push(
                Diagnostic::new(
                    Code::InvalidDuration,
                    t.span,
                    format!("cannot read `{}` as a duration", t.value),
                )
                .help("write it as `2 min`, `90s`, `1h 30m` or ISO 8601 `PT2M`"),
            );
            None
        }
    }
}

fn date(ctx: &mut Ctx<'_>, node: &Node) -> Option<Spanned<jiff::civil::Date>> {
    let t = ctx.text(node, "`reviewed`")?;
    let v = t.value.trim();
    let shaped = v.len() == 10 && v.as_bytes()[4] == b'-' && v.as_bytes()[7] == b'-';
    match v.parse::<jiff::civil::Date>() {
        Ok(d) if shaped => Some(Spanned::new(d, t.span)),
        _ => {
            ctx.push(
                Diagnostic::new(
                    Code::InvalidDate,
                    t.span,
                    format!("`{}` is not a valid date", t.value),
                )
                .help("write the date as YYYY-MM-DD, e.g. `reviewed: 2026-11-25`"),
            );
            None
        }
    }
}

fn procedures(ctx: &mut Ctx<'_>, site: &Site, node: &Node) -> Vec<Procedure> {
    if node.is_null() || matches!(&node.value, Value::Map(e) if e.is_empty()) {
        ctx.push(
            Diagnostic::new(Code::NoPlatforms, node.span, "`steps` lists no platform").help(
                "add one list of steps per platform, e.g. `steps:\n  web:\n    - click: sign-out`",
            ),
        );
        return Vec::new();
    }
    let Some(entries) = ctx.entries(
        node,
        "`steps` must be a mapping from platform to steps",
        "write `steps:` then one key per platform: `web:`, `android:`, `ios: {same_as: android}`",
    ) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for e in entries {
        let ids = platforms::split_key(ctx, site, &e.key);
        let body = match &e.value.value {
            Value::Seq(items) => ProcedureBody::Steps(
                items
                    .iter()
                    .filter_map(|n| step(ctx, site, n, Level::Top))
                    .collect(),
            ),
            Value::Map(_) => {
                let Some(f) = ctx.map(
                    &e.value,
                    "platform block",
                    &["same_as"],
                    "`{same_as: android}`",
                ) else {
                    continue;
                };
                let Some(target) = f
                    .required(ctx, "same_as", "android")
                    .and_then(|n| ctx.text(n, "`same_as`"))
                else {
                    continue;
                };
                if !platforms::check(ctx, site, &target) {
                    continue;
                }
                ProcedureBody::SameAs(target)
            }
            _ => {
                if e.value.is_null() {
                    ctx.push(
                        Diagnostic::new(
                            Code::EmptyPlatform,
                            e.key.span,
                            format!("platform `{}` has no steps", e.key.value),
                        )
                        .help("list its steps, point it at another platform with `{same_as: ...}`, or remove it"),
                    );
                } else {
                    ctx.push(
                        Diagnostic::new(
                            Code::WrongType,
                            e.value.span,
                            format!(
                                "the steps of `{}` must be a list, found {}",
                                e.key.value,
                                e.value.kind()
                            ),
                        )
                        .help("write one `- action: target` per line, or `{same_as: android}`"),
                    );
                }
                continue;
            }
        };
        if let ProcedureBody::Steps(steps) = &body
            && steps.is_empty()
            && matches!(&e.value.value, Value::Seq(items) if items.is_empty())
        {
            ctx.push(
                Diagnostic::new(
                    Code::EmptyPlatform,
                    e.key.span,
                    format!("platform `{}` has no steps", e.key.value),
                )
                .help("list its steps, point it at another platform with `{same_as: ...}`, or remove it"),
            );
        }
        if !ids.is_empty() {
            out.push(Procedure {
                platforms: ids,
                key_span: e.key.span,
                body,
            });
        }
    }
    out
}

fn target(ctx: &mut Ctx<'_>, node: &Node, what: &str) -> Option<Target> {
    let t = ctx.text(node, what)?;
    let plain = matches!(&node.value, Value::Scalar(s) if s.plain);
    Some(if plain && is_id(&t.value) {
        Target::Key(t)
    } else {
        Target::Text(t)
    })
}

fn step(ctx: &mut Ctx<'_>, site: &Site, node: &Node, level: Level) -> Option<Step> {
    let entries = ctx.entries(
        node,
        "a step must be a mapping with an action",
        "write a step as `- tap: my-netflix`; write free text as `- do: Sign in with your email`",
    )?;
    let action_names = || Action::NAMES.iter().map(|(n, _)| *n);
    let mut action: Option<(Spanned<Action>, &Node)> = None;
    for e in entries {
        let key = e.key.value.as_str();
        if let Some(a) = Action::from_name(key) {
            if let Some((first, _)) = &action {
                ctx.push(
                    Diagnostic::new(
                        Code::MultipleActions,
                        e.key.span,
                        format!(
                            "this step already does `{}`; a step does one action",
                            first.value.as_str()
                        ),
                    )
                    .help(format!("move `{key}` into a step of its own"))
                    .related(first.span, "first action"),
                );
            } else {
                action = Some((Spanned::new(a, e.key.span), &e.value));
            }
        } else if !STEP_FIELDS.contains(&key) {
            if let Some(a) = did_you_mean(key, action_names()) {
                ctx.push(
                    Diagnostic::new(
                        Code::UnknownAction,
                        e.key.span,
                        format!("unknown action `{key}`"),
                    )
                    .help(format!("did you mean \"{a}\"?")),
                );
            } else {
                let all: Vec<&str> = STEP_FIELDS.iter().copied().chain(action_names()).collect();
                let help = match did_you_mean(key, all.iter().copied()) {
                    Some(s) => format!("did you mean \"{s}\"?"),
                    None => format!(
                        "a step starts with an action ({}) and may have: {}",
                        action_names().collect::<Vec<_>>().join(", "),
                        STEP_FIELDS.join(", ")
                    ),
                };
                ctx.push(
                    Diagnostic::new(
                        Code::UnknownField,
                        e.key.span,
                        format!("unknown field `{key}` in step"),
                    )
                    .help(help),
                );
            }
        }
    }
    let Some((action, value)) = action else {
        let head = entries.first().map_or(node.span, |e| e.key.span);
        if entries
            .iter()
            .all(|e| STEP_FIELDS.contains(&e.key.value.as_str()))
        {
            ctx.push(
                Diagnostic::new(Code::MissingAction, head, "this step has no action").help(
                    format!(
                        "start it with one of: {}",
                        action_names().collect::<Vec<_>>().join(", ")
                    ),
                ),
            );
        }
        return None;
    };
    let get = |key: &str| {
        entries
            .iter()
            .find(|e| e.key.value == key)
            .map(|e| &e.value)
    };
    let key_span = |key: &str| {
        entries
            .iter()
            .find(|e| e.key.value == key)
            .map(|e| e.key.span)
    };
    let verb = action.value.as_str();
    let (target_v, text_v) = match action.value.arity() {
        TargetArity::Required => {
            if value.is_null() {
                ctx.push(
                    Diagnostic::new(
                        Code::MissingField,
                        action.span,
                        format!("`{verb}` needs a target"),
                    )
                    .help(format!(
                        "name a glossary key (`{verb}: my-netflix`) or quote free text (`{verb}: \"the Netflix logo\"`)"
                    )),
                );
                return None;
            }
            (target(ctx, value, &format!("the target of `{verb}`")), None)
        }
        TargetArity::Optional if value.is_null() => (None, None),
        TargetArity::Optional => (target(ctx, value, &format!("the target of `{verb}`")), None),
        TargetArity::Text if value.is_null() && action.value == Action::Wait => (None, None),
        TargetArity::Text => (None, ctx.text(value, &format!("the text of `{verb}`"))),
    };
    let field_only_for = |ctx: &mut Ctx<'_>, key: &str, wanted: Action| {
        if action.value != wanted
            && let Some(sp) = key_span(key)
        {
            ctx.push(
                Diagnostic::new(
                    Code::InvalidValue,
                    sp,
                    format!("`{key}` only applies to `{}` steps", wanted.as_str()),
                )
                .help(format!(
                    "remove `{key}` or make the step a `{}` step",
                    wanted.as_str()
                )),
            );
        }
    };
    field_only_for(ctx, "value", Action::Type);
    field_only_for(ctx, "to", Action::Toggle);
    let text =
        |ctx: &mut Ctx<'_>, key: &str| get(key).and_then(|n| ctx.text(n, &format!("`{key}`")));
    let substeps = match get("steps") {
        Some(n) if level == Level::Top => ctx
            .list(n, "`steps` of a step")
            .iter()
            .filter_map(|n| step(ctx, site, n, Level::Sub))
            .collect(),
        Some(_) => {
            if let Some(sp) = key_span("steps") {
                ctx.push(
                    if level == Level::Instead {
                        Diagnostic::new(
                            Code::InvalidValue,
                            sp,
                            "a replacement step in `instead` cannot have sub-steps",
                        )
                        .help("replace the whole step with one action; keep sub-steps on the step it replaces, limited with `only`")
                    } else {
                        Diagnostic::new(
                            Code::InvalidValue,
                            sp,
                            "sub-steps cannot have sub-steps of their own",
                        )
                        .help("keep one level of sub-steps; split the procedure into more top-level steps")
                    },
                );
            }
            Vec::new()
        }
        None => Vec::new(),
    };
    let nested_only = |ctx: &mut Ctx<'_>, key: &str| {
        if level == Level::Instead
            && let Some(sp) = key_span(key)
        {
            ctx.push(
                Diagnostic::new(
                    Code::InvalidValue,
                    sp,
                    format!("`{key}` cannot be used inside `instead`"),
                )
                .help("a replacement step is already for one platform"),
            );
            return false;
        }
        true
    };
    let only = match get("only") {
        Some(n) if nested_only(ctx, "only") => platforms::list(ctx, site, n, "a platform id"),
        _ => Vec::new(),
    };
    let mut instead = Vec::new();
    if let Some(n) = get("instead")
        && nested_only(ctx, "instead")
    {
        match &n.value {
            Value::Map(entries) => {
                for e in entries {
                    let ids = platforms::split_key(ctx, site, &e.key);
                    if let Some(s) = step(ctx, site, &e.value, Level::Instead) {
                        for id in ids {
                            if let Some((first, _)) = instead
                                .iter()
                                .find(|(p, _): &&(Spanned<String>, Step)| p.value == id.value)
                            {
                                ctx.push(platforms::duplicate(&id, first.span));
                                continue;
                            }
                            instead.push((id, s.clone()));
                        }
                    }
                }
            }
            _ => ctx.push(
                Diagnostic::new(
                    Code::WrongType,
                    n.span,
                    format!("`instead` must map platforms to a step, found {}", n.kind()),
                )
                .help("write `instead: {ios: {tap: settings}}`"),
            ),
        }
    }
    let extra = StepExtra {
        value: text(ctx, "value"),
        to: get("to").and_then(|n| {
            ctx.one_of(
                n,
                "toggle state",
                &[("on", Toggle::On), ("off", Toggle::Off)],
            )
        }),
        detail: text(ctx, "detail"),
        condition: text(ctx, "if"),
        confirm: get("confirm").and_then(|n| target(ctx, n, "`confirm`")),
        result: text(ctx, "result"),
        note: text(ctx, "note"),
        warning: text(ctx, "warning"),
        image: get("image").and_then(|n| image(ctx, n)),
        choices: get("choices")
            .map(|n| ctx.text_list(n, "a choice"))
            .unwrap_or_default(),
        substeps,
        only,
        instead,
        allow: get("allow")
            .map(|n| super::rules::allow(ctx, n))
            .unwrap_or_default(),
    };
    Some(Step {
        span: node.span,
        action,
        target: target_v,
        text: text_v,
        optional: get("optional")
            .and_then(|n| ctx.boolean(n, "`optional`"))
            .unwrap_or(false),
        extra: (!extra.is_empty()).then(|| Box::new(extra)),
    })
}

fn image(ctx: &mut Ctx<'_>, node: &Node) -> Option<Image> {
    match &node.value {
        Value::Map(_) => {
            let f = ctx.map(
                node,
                "image",
                &["src", "alt", "callouts"],
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
    let mut out = Vec::new();
    for item in ctx.list(node, "`callouts`") {
        let Some(f) = ctx.map(
            item,
            "callout",
            &["box", "arrow", "marker", "label"],
            "`{box: [x, y, width, height], label: Tap here}`",
        ) else {
            continue;
        };
        let numbers = |ctx: &mut Ctx<'_>, key: &str, n: usize| -> Option<Vec<u32>> {
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
        };
        let shapes: Vec<&str> = ["box", "arrow", "marker"]
            .into_iter()
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
            continue;
        }
        let shape = match shapes[0] {
            "box" => numbers(ctx, "box", 4).map(|v| CalloutShape::Box(v[0], v[1], v[2], v[3])),
            "arrow" => {
                numbers(ctx, "arrow", 4).map(|v| CalloutShape::Arrow(v[0], v[1], v[2], v[3]))
            }
            _ => numbers(ctx, "marker", 2).map(|v| CalloutShape::Marker(v[0], v[1])),
        };
        let label = f.get("label").and_then(|n| ctx.text(n, "`label`"));
        if let Some(shape) = shape {
            out.push(Callout {
                shape,
                label,
                span: item.span,
            });
        }
    }
    out
}

fn unavailable(ctx: &mut Ctx<'_>, site: &Site, node: &Node) -> Vec<Unavailable> {
    let Some(entries) = ctx.entries(
        node,
        "`unavailable_on` must map platforms to a reason",
        "write `unavailable_on: {ios: The iOS app has no such setting.}`",
    ) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for e in entries {
        let Some(reason) = ctx.text(&e.value, "the reason a platform is unavailable") else {
            continue;
        };
        for id in platforms::split_key(ctx, site, &e.key) {
            if let Some(first) = out
                .iter()
                .find(|u: &&Unavailable| u.platform.value == id.value)
            {
                ctx.push(platforms::duplicate(&id, first.platform.span));
                continue;
            }
            out.push(Unavailable {
                platform: id,
                reason: reason.clone(),
            });
        }
    }
    out
}

fn outcome(ctx: &mut Ctx<'_>, node: &Node) -> Option<Outcome> {
    match &node.value {
        Value::Map(_) => {
            let f = ctx.map(
                node,
                "outcome",
                &["text", "facts"],
                "`{text: ..., facts: [...]}`",
            )?;
            Some(Outcome {
                text: f.get("text").and_then(|n| ctx.text(n, "`text`")),
                facts: f
                    .get("facts")
                    .map(|n| ctx.text_list(n, "a fact"))
                    .unwrap_or_default(),
            })
        }
        _ => Some(Outcome {
            text: Some(ctx.text(node, "`outcome`")?),
            facts: Vec::new(),
        }),
    }
}

fn trouble(ctx: &mut Ctx<'_>, node: &Node) -> Vec<Trouble> {
    let mut out = Vec::new();
    for item in ctx.list(node, "`troubleshooting`") {
        let Some(f) = ctx.map(
            item,
            "troubleshooting entry",
            &["problem", "solution"],
            "`{problem: ..., solution: ...}`",
        ) else {
            continue;
        };
        let problem = f
            .required(ctx, "problem", "The button is missing.")
            .and_then(|n| ctx.text(n, "`problem`"));
        let solution = f
            .required(ctx, "solution", "Update the app.")
            .and_then(|n| ctx.text(n, "`solution`"));
        if let (Some(problem), Some(solution)) = (problem, solution) {
            out.push(Trouble { problem, solution });
        }
    }
    out
}
