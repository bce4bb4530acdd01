//! Reading one step: its action and target, its text fields, its sub-steps, and the
//! platform scoping of shared steps (`only`, `instead`).

use super::decode::{Ctx, Fields, is_id};
use super::image::image;
use super::platforms;
use super::yaml::{Node, Value};
use crate::diag::suggest::did_you_mean;
use crate::diag::{Code, Diagnostic};
use crate::model::{Action, Context, Image, Site, Step, StepExtra, Target, TargetArity, Toggle};
use crate::source::Spanned;

/// The fields of a step besides its action (the action names come from [`Action::NAMES`]).
pub(super) const STEP_FIELDS: &[&str] = &[
    "value", "to", "detail", "if", "optional", "confirm", "result", "note", "warning", "image",
    "choices", "steps", "only", "instead", "allow", "id", "options", "on",
];

/// The fields of one of a step's `options`.
pub(super) const OPTION_FIELDS: &[&str] = &["if", "label", "steps"];

/// The fields of `on:` written as a mapping.
pub(super) const ON_FIELDS: &[&str] = &["platform", "device"];

/// Where a step sits, which decides what it may contain.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Level {
    /// A step of a platform's list.
    Top,
    /// A sub-step (`steps` of a step).
    Sub,
    /// A replacement step (`instead` of a step).
    Instead,
}

impl Level {
    /// The [`STEP_FIELDS`] a step at this level may not have.
    pub(super) const fn forbidden(self) -> &'static [&'static str] {
        match self {
            Level::Top => &[],
            Level::Sub => &["steps", "options"],
            Level::Instead => &["steps", "only", "instead", "id", "options"],
        }
    }

    fn forbids(self, key: &str) -> bool {
        self.forbidden().contains(&key)
    }
}

fn action_names() -> impl Iterator<Item = &'static str> {
    Action::NAMES.iter().map(|(n, _)| *n)
}

/// Reads a step. Diagnostics come in the order of the step's parts: its keys, its action's
/// value, sub-steps, scoping, then the other fields.
pub(super) fn step(ctx: &mut Ctx<'_>, site: &Site, node: &Node, level: Level) -> Option<Step> {
    let entries = ctx.entries(
        node,
        "a step must be a mapping with an action",
        "write a step as `- tap: my-netflix`; write free text as `- do: Sign in with your email`",
    )?;
    let f = Fields::unchecked(entries, node.span, "step", STEP_FIELDS);
    let (action, value) = action(ctx, &f)?;
    let (target, text) = action_value(ctx, &action, value)?;
    only_for(ctx, &f, action.value, "value", Action::Type);
    only_for(ctx, &f, action.value, "to", Action::Toggle);
    let substeps = substeps(ctx, site, &f, level);
    let only = only(ctx, site, &f, level);
    let instead = instead(ctx, site, &f, level);
    let on = f.get("on").and_then(|n| on(ctx, site, n));
    let options = options(ctx, site, &f, level);
    let (mut extra, detail, image) = extra(ctx, &f, substeps, only, instead);
    extra.options = options;
    extra.id = step_id(ctx, &f, level);
    extra.on = on;
    Some(Step {
        span: node.span,
        action,
        target,
        text,
        optional: f
            .get("optional")
            .and_then(|n| ctx.boolean(n, "`optional`"))
            .unwrap_or(false),
        detail,
        image: image.map(Box::new),
        extra: (!extra.is_empty()).then(|| Box::new(extra)),
    })
}

/// The step's action and its value, reporting a second action, unknown keys and a missing
/// action.
fn action<'n>(ctx: &mut Ctx<'_>, f: &Fields<'n>) -> Option<(Spanned<Action>, &'n Node)> {
    let mut action: Option<(Spanned<Action>, &Node)> = None;
    for e in f.entries() {
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
            unknown_key(ctx, &e.key);
        }
    }
    if action.is_none()
        && f.entries()
            .iter()
            .all(|e| STEP_FIELDS.contains(&e.key.value.as_str()))
    {
        // With an unknown key, the missing action is likely that key misspelt: already said.
        ctx.push(
            Diagnostic::new(Code::MissingAction, f.head(), "this step has no action").help(
                format!(
                    "start it with one of: {}",
                    action_names().collect::<Vec<_>>().join(", ")
                ),
            ),
        );
    }
    action
}

/// `unknown-action` for a key close to an action, otherwise `unknown-field`.
fn unknown_key(ctx: &mut Ctx<'_>, key: &Spanned<String>) {
    let k = key.value.as_str();
    if let Some(a) = did_you_mean(k, action_names()) {
        ctx.push(
            Diagnostic::new(
                Code::UnknownAction,
                key.span,
                format!("unknown action `{k}`"),
            )
            .help(format!("did you mean \"{a}\"?")),
        );
        return;
    }
    let all: Vec<&str> = STEP_FIELDS.iter().copied().chain(action_names()).collect();
    let help = match did_you_mean(k, all.iter().copied()) {
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
            key.span,
            format!("unknown field `{k}` in step"),
        )
        .help(help),
    );
}

/// The target or text of the action; `None` if a required target is missing.
fn action_value(
    ctx: &mut Ctx<'_>,
    action: &Spanned<Action>,
    value: &Node,
) -> Option<(Option<Target>, Option<Spanned<String>>)> {
    let verb = action.value.as_str();
    Some(match action.value.arity() {
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
    })
}

/// A glossary key when written as a plain id (or `product:key` for a control of a product
/// in `uses`), free text otherwise.
fn target(ctx: &mut Ctx<'_>, node: &Node, what: &str) -> Option<Target> {
    let t = ctx.text(node, what)?;
    let plain = matches!(&node.value, Value::Scalar(s) if s.plain);
    let key = is_id(&t.value)
        || t.value
            .split_once(':')
            .is_some_and(|(p, k)| is_id(p) && is_id(k));
    Some(if plain && key {
        Target::Key(t)
    } else {
        Target::Text(t)
    })
}

/// Reports `key` on a step whose action is not `wanted`.
fn only_for(ctx: &mut Ctx<'_>, f: &Fields<'_>, action: Action, key: &str, wanted: Action) {
    if action != wanted
        && let Some(sp) = f.key_span(key)
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
}

/// `steps` of a top-level step; below the top, reports them.
fn substeps(ctx: &mut Ctx<'_>, site: &Site, f: &Fields<'_>, level: Level) -> Vec<Step> {
    let Some(n) = f.get("steps") else {
        return Vec::new();
    };
    if !level.forbids("steps") {
        return ctx
            .list(n, "`steps` of a step")
            .iter()
            .filter_map(|n| step(ctx, site, n, Level::Sub))
            .collect();
    }
    if let Some(sp) = f.key_span("steps") {
        ctx.push(if level == Level::Instead {
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
        });
    }
    Vec::new()
}

/// `id: some-id`; inside `instead`, reported (the id belongs to the step replaced).
fn step_id(ctx: &mut Ctx<'_>, f: &Fields<'_>, level: Level) -> Option<Spanned<String>> {
    let n = f.get("id")?;
    if level.forbids("id") {
        let sp = f.key_span("id").unwrap_or(n.span);
        ctx.push(
            Diagnostic::new(
                Code::InvalidValue,
                sp,
                "a replacement step in `instead` cannot have an `id`",
            )
            .help("put the `id` on the step it replaces; references then follow the replacement"),
        );
        return None;
    }
    ctx.id(n, "the step id")
}

/// `options` of a top-level step: exclusive alternatives, each with `if:` or `label:` and
/// its own `steps`; below the top, reported.
fn options(
    ctx: &mut Ctx<'_>,
    site: &Site,
    f: &Fields<'_>,
    level: Level,
) -> Vec<crate::model::StepOption> {
    let Some(n) = f.get("options") else {
        return Vec::new();
    };
    if level.forbids("options") {
        let sp = f.key_span("options").unwrap_or(n.span);
        ctx.push(
            Diagnostic::new(
                Code::InvalidValue,
                sp,
                "only a top-level step can have `options`",
            )
            .help("move the options to the top-level step; an option's steps are one level deep"),
        );
        return Vec::new();
    }
    let mut out = Vec::new();
    for item in ctx.list(n, "`options` of a step") {
        let Some(of) = ctx.map(
            item,
            "option",
            OPTION_FIELDS,
            "`- if: the screen asks for a username` with `steps:`",
        ) else {
            continue;
        };
        let cond = of.get("if").and_then(|n| ctx.text(n, "`if` of an option"));
        let label = of
            .get("label")
            .and_then(|n| ctx.text(n, "`label` of an option"));
        let (label, condition) = match (cond, label) {
            (Some(c), None) => (c, true),
            (None, Some(l)) => (l, false),
            (Some(c), Some(_)) => {
                let sp = of.key_span("label").unwrap_or(c.span);
                ctx.push(
                    Diagnostic::new(
                        Code::InvalidValue,
                        sp,
                        "an option has either `if` or `label`, not both",
                    )
                    .help("keep `if:` for a condition (\"the screen asks for a username\") or `label:` for a name (\"Sign out of all devices\")"),
                );
                (c, true)
            }
            (None, None) => {
                if of.get("if").is_none() && of.get("label").is_none() {
                    ctx.push(
                        Diagnostic::new(
                            Code::MissingField,
                            of.head(),
                            "this option has neither `if` nor `label`",
                        )
                        .help("add `if: the screen asks for a username` or `label: Sign out of all devices`"),
                    );
                }
                continue;
            }
        };
        let steps: Vec<Step> = match of.required(ctx, "steps", "[{tap: continue}]") {
            Some(sn) => ctx
                .list(sn, "`steps` of an option")
                .iter()
                .filter_map(|n| step(ctx, site, n, Level::Sub))
                .collect(),
            None => continue,
        };
        out.push(crate::model::StepOption {
            label,
            condition,
            steps,
            span: item.span,
        });
    }
    if out.len() == 1 {
        ctx.push(
            Diagnostic::new(
                Code::InvalidValue,
                n.span,
                "a step with `options` needs at least two of them",
            )
            .help("add the other option, or write the option's steps as `steps:` of the step (with `if:` for its condition)"),
        );
    }
    out
}

/// Whether a scoping field (`only`, `instead`) may be used at this level, reporting it
/// inside `instead`.
fn scoping_allowed(ctx: &mut Ctx<'_>, f: &Fields<'_>, level: Level, key: &str) -> bool {
    if level.forbids(key)
        && let Some(sp) = f.key_span(key)
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
}

/// `only: [platforms]`.
fn only(ctx: &mut Ctx<'_>, site: &Site, f: &Fields<'_>, level: Level) -> Vec<Spanned<String>> {
    match f.get("only") {
        Some(n) if scoping_allowed(ctx, f, level, "only") => {
            platforms::list(ctx, site, n, "a platform id")
        }
        _ => Vec::new(),
    }
}

/// `on: web`, or `on: {platform: web, device: your work computer}`.
fn on(ctx: &mut Ctx<'_>, site: &Site, node: &Node) -> Option<Context> {
    let example = "`on: web` or `on: {platform: web, device: your computer}`";
    let (platform, device) = match &node.value {
        Value::Map(_) => {
            let f = ctx.map(node, "`on` of a step", ON_FIELDS, example)?;
            let platform = f.required(ctx, "platform", "web")?;
            let platform = ctx.text(platform, "`platform` of `on`")?;
            let device = f
                .get("device")
                .and_then(|n| ctx.text(n, "`device` of `on`"));
            (platform, device)
        }
        _ if node.is_null() => {
            ctx.push(
                Diagnostic::new(Code::MissingField, node.span, "`on` is empty")
                    .help(format!("name the platform the step happens on: {example}")),
            );
            return None;
        }
        _ => (ctx.text(node, "`on`")?, None),
    };
    let platform = if platforms::check(ctx, site, &platform) {
        platform
    } else {
        platforms::recover(site, &platform)?
    };
    if let Some(d) = &device
        && d.value.trim().is_empty()
    {
        ctx.push(
            Diagnostic::new(Code::MissingField, d.span, "`device` of `on` is empty").help(
                "name the device as readers know it (`your work computer`), or remove `device`",
            ),
        );
        return None;
    }
    Some(Context { platform, device })
}

/// `instead: {platforms: step}`, one replacement per platform.
fn instead(
    ctx: &mut Ctx<'_>,
    site: &Site,
    f: &Fields<'_>,
    level: Level,
) -> Vec<(Spanned<String>, Step)> {
    let mut out: Vec<(Spanned<String>, Step)> = Vec::new();
    let Some(n) = f.get("instead") else {
        return out;
    };
    if !scoping_allowed(ctx, f, level, "instead") {
        return out;
    }
    let Value::Map(entries) = &n.value else {
        ctx.push(
            Diagnostic::new(
                Code::WrongType,
                n.span,
                format!("`instead` must map platforms to a step, found {}", n.kind()),
            )
            .help("write `instead: {ios: {tap: settings}}`"),
        );
        return out;
    };
    for e in entries {
        let ids = platforms::split_key(ctx, site, &e.key);
        let Some(s) = step(ctx, site, &e.value, Level::Instead) else {
            continue;
        };
        for id in ids {
            if let Some((first, _)) = out.iter().find(|(p, _)| p.value == id.value) {
                ctx.push(platforms::duplicate(&id, first.span));
                continue;
            }
            out.push((id, s.clone()));
        }
    }
    out
}

/// `choices`: plain-text items. A mapping among them is most likely an option with steps,
/// which `options` expresses: point there instead of asking for text.
fn choices(ctx: &mut Ctx<'_>, n: &Node) -> Vec<Spanned<String>> {
    let items: &[Node] = match &n.value {
        Value::Seq(items) => items,
        _ => return ctx.text_list(n, "a choice"),
    };
    let mut out = Vec::new();
    for item in items {
        if let Value::Map(_) = &item.value {
            ctx.push(
                Diagnostic::new(
                    Code::WrongType,
                    item.span,
                    "a choice is plain text, found a mapping",
                )
                .help("for alternatives with their own steps, use `options:` with `- if: ...` (or `label:`) and `steps:` per option; see \"Options\" in docs/format.md"),
            );
        } else if let Some(t) = ctx.text(item, "a choice") {
            out.push(t);
        }
    }
    out
}

/// The step's other fields, read in the order they are documented: the extras, the detail
/// and the image.
fn extra(
    ctx: &mut Ctx<'_>,
    f: &Fields<'_>,
    substeps: Vec<Step>,
    only: Vec<Spanned<String>>,
    instead: Vec<(Spanned<String>, Step)>,
) -> (StepExtra, Option<Spanned<String>>, Option<Image>) {
    let text =
        |ctx: &mut Ctx<'_>, key: &str| f.get(key).and_then(|n| ctx.text(n, &format!("`{key}`")));
    let value = text(ctx, "value");
    let to = f.get("to").and_then(|n| {
        ctx.one_of(
            n,
            "toggle state",
            &[("on", Toggle::On), ("off", Toggle::Off)],
        )
    });
    let detail = text(ctx, "detail");
    let condition = text(ctx, "if");
    let confirm = f.get("confirm").and_then(|n| target(ctx, n, "`confirm`"));
    let result = text(ctx, "result");
    let note = text(ctx, "note");
    let warning = text(ctx, "warning");
    let image = f.get("image").and_then(|n| image(ctx, n));
    let extra = StepExtra {
        value,
        to,
        condition,
        confirm,
        result,
        note,
        warning,
        choices: f
            .get("choices")
            .map(|n| choices(ctx, n))
            .unwrap_or_default(),
        substeps,
        only,
        instead,
        allow: f
            .get("allow")
            .map(|n| super::rules::allow(ctx, n))
            .unwrap_or_default(),
        on: None,
        id: None,
        options: Vec::new(),
    };
    (extra, detail, image)
}
