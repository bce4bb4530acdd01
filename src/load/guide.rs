//! Reading a guide file: metadata, procedures per platform, and the guide's closing parts
//! (outcome, troubleshooting). Steps are read in [`super::step`].

use super::decode::{Ctx, Fields, is_id};
use super::platforms;
use super::step::{Level, step};
use super::yaml::{Entry, Node, Value};
use crate::diag::suggest::did_you_mean;
use crate::diag::{Code, Diagnostic};
use crate::model::{
    Goal, Guide, Note, Outcome, Procedure, ProcedureBody, Site, Trouble, Unavailable,
};
use crate::source::{FileId, Spanned};

/// The fields of a guide file.
pub(super) const GUIDE_FIELDS: &[&str] = &[
    "id",
    "title",
    "summary",
    "intro",
    "category",
    "tags",
    "time",
    "reviewed",
    "prerequisites",
    "notes",
    "tools",
    "supplies",
    "steps",
    "goals",
    "unavailable_on",
    "outcome",
    "tips",
    "warnings",
    "troubleshooting",
    "related",
    "allow",
];

/// The fields of a platform's block when it is not a list of steps.
pub(super) const SAME_AS_FIELDS: &[&str] = &["same_as"];

/// The fields of `outcome` written as a mapping.
pub(super) const OUTCOME_FIELDS: &[&str] = &["text", "facts"];

/// The fields of a `notes` entry written as a mapping.
pub(super) const NOTE_FIELDS: &[&str] = &["text", "audience"];

/// The fields of a `troubleshooting` entry.
pub(super) const TROUBLE_FIELDS: &[&str] = &["problem", "solution"];

/// File identity of a guide being decoded.
pub(super) struct GuideFile<'a> {
    /// The file.
    pub(super) file: FileId,
    /// Product folder name.
    pub(super) product: &'a str,
    /// File stem.
    pub(super) slug: &'a str,
}

/// Decodes a guide file.
pub(super) fn decode(
    ctx: &mut Ctx<'_>,
    site: &Site,
    node: &Node,
    gf: &GuideFile<'_>,
) -> Option<Guide> {
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
    let id = guide_id(ctx, &f, gf.slug);
    let title = f
        .required(ctx, "title", "How to sign out of all devices")
        .and_then(|n| ctx.text(n, "`title`"));
    let summary = f
        .required(ctx, "summary", "Sign out everywhere at once.")
        .and_then(|n| ctx.text(n, "`summary`"));
    let time = f.get("time").and_then(|n| duration(ctx, n));
    let reviewed = f.get("reviewed").and_then(|n| date(ctx, n));
    let mut unread_platforms = Vec::new();
    let procedures = steps(ctx, site, &f, &mut unread_platforms);
    let unavailable_on = f
        .get("unavailable_on")
        .map(|n| unavailable(ctx, site, n, &mut unread_platforms))
        .unwrap_or_default();
    let notes = f.get("notes").map(|n| notes(ctx, n)).unwrap_or_default();
    let goals = f
        .get("goals")
        .map(|n| goals(ctx, site, n))
        .unwrap_or_default();
    let outcome = f.get("outcome").and_then(|n| outcome(ctx, n));
    let troubleshooting = f
        .get("troubleshooting")
        .map(|n| trouble(ctx, n))
        .unwrap_or_default();
    let related = f
        .get("related")
        .map(|n| related(ctx, n))
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
        committed: None,
        prerequisites,
        tools,
        supplies,
        notes,
        goals,
        procedures,
        unavailable_on,
        unread_platforms,
        outcome,
        tips,
        warnings,
        troubleshooting,
        related,
        allow,
        translation: None,
        span: node.span,
    })
}

/// `id`, or the file name when it is a valid id.
fn guide_id(ctx: &mut Ctx<'_>, f: &Fields<'_>, slug: &str) -> Option<Spanned<String>> {
    match f.get("id") {
        Some(n) => ctx.id(n, "guide id"),
        None if is_id(slug) => Some(Spanned::new(slug.to_owned(), f.head())),
        None => {
            ctx.push(
                Diagnostic::new(
                    Code::InvalidId,
                    f.head(),
                    format!("the file name `{slug}` is not a valid guide id"),
                )
                .help("rename the file to lowercase words joined by hyphens, or set `id:`"),
            );
            None
        }
    }
}

/// `related: [guide ids]`.
fn related(ctx: &mut Ctx<'_>, node: &Node) -> Vec<Spanned<String>> {
    ctx.text_list(node, "a related guide id")
        .into_iter()
        .filter(|r| ctx.check_id(r, "related guide id"))
        .collect()
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

/// The guide's `steps`, reporting a guide without them. The keys of blocks that cannot be
/// read go to `unread`.
fn steps(
    ctx: &mut Ctx<'_>,
    site: &Site,
    f: &Fields<'_>,
    unread: &mut Vec<Spanned<String>>,
) -> Vec<Procedure> {
    if let Some(n) = f.get("steps") {
        return procedures(ctx, site, n, unread);
    }
    // A misspelt `steps` key was already reported as an unknown field.
    if !f
        .entries()
        .iter()
        .any(|e| did_you_mean(&e.key.value, ["steps"]).is_some())
    {
        ctx.push(
            Diagnostic::new(Code::NoPlatforms, f.head(), "this guide has no `steps`")
                .help("add `steps:` with one list of steps per platform, e.g. `steps:\\n  web:\\n    - click: sign-out`"),
        );
    }
    Vec::new()
}

fn procedures(
    ctx: &mut Ctx<'_>,
    site: &Site,
    node: &Node,
    unread: &mut Vec<Spanned<String>>,
) -> Vec<Procedure> {
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
    // A `same_as` naming a misspelt key of this guide is the same mistake as the key: it is
    // shown with the key's error instead of being reported again.
    let unknown = |name: &str| {
        site.platform(name).is_none()
            && entries
                .iter()
                .any(|e| e.key.value.split(',').any(|k| k.trim() == name))
    };
    let mut out = Vec::new();
    for e in entries {
        let before = ctx.diags.len();
        let ids = platforms::split_key(ctx, site, &e.key);
        if ids.len() < e.key.value.split(',').count() {
            unread.push(e.key.clone());
            point_at_same_as(&mut ctx.diags[before..], site, &e.key, entries);
        }
        let body = procedure_body(ctx, site, e, &unknown);
        if body.is_none() && !unread.contains(&e.key) {
            unread.push(e.key.clone());
        }
        let Some(body) = body else {
            continue;
        };
        if let ProcedureBody::Steps(steps) = &body
            && steps.is_empty()
            && matches!(&e.value.value, Value::Seq(items) if items.is_empty())
        {
            ctx.push(empty_platform(&e.key));
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

/// Adds to each `unknown-platform` error of a `steps` key (in `found`, one per unknown name
/// in the key, in order) the places where a `same_as` names that same unknown platform.
fn point_at_same_as(
    found: &mut [Diagnostic],
    site: &Site,
    key: &Spanned<String>,
    entries: &[Entry],
) {
    let names = key
        .value
        .split(',')
        .map(str::trim)
        .filter(|n| site.platform(n).is_none());
    let errors = found.iter_mut().filter(|d| d.code == Code::UnknownPlatform);
    for (d, name) in errors.zip(names) {
        for e in entries {
            let Value::Map(fields) = &e.value.value else {
                continue;
            };
            for f in fields.iter().filter(|f| f.key.value == "same_as") {
                if matches!(&f.value.value, Value::Scalar(s) if s.text.trim() == name) {
                    d.related.push(crate::diag::Related {
                        span: f.value.span,
                        message: format!("`{}` copies these steps", e.key.value),
                    });
                }
            }
        }
    }
}

/// One platform's steps: a list of steps or `{same_as: platform}`. A `same_as` naming a
/// platform that is `misspelt_key` of this guide is not reported again.
fn procedure_body(
    ctx: &mut Ctx<'_>,
    site: &Site,
    e: &Entry,
    misspelt_key: &dyn Fn(&str) -> bool,
) -> Option<ProcedureBody> {
    match &e.value.value {
        Value::Seq(items) => {
            // Sized up front: the steps are most of a guide's memory.
            let mut steps = Vec::with_capacity(items.len());
            steps.extend(items.iter().filter_map(|n| step(ctx, site, n, Level::Top)));
            Some(ProcedureBody::Steps(steps))
        }
        Value::Map(_) => {
            let f = ctx.map(
                &e.value,
                "platform block",
                SAME_AS_FIELDS,
                "`{same_as: android}`",
            )?;
            let target = f
                .required(ctx, "same_as", "android")
                .and_then(|n| ctx.text(n, "`same_as`"))?;
            if misspelt_key(target.value.trim()) {
                return None;
            }
            platforms::check(ctx, site, &target).then_some(ProcedureBody::SameAs(target))
        }
        _ if e.value.is_null() => {
            ctx.push(empty_platform(&e.key));
            None
        }
        _ => {
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
            None
        }
    }
}

fn empty_platform(key: &Spanned<String>) -> Diagnostic {
    Diagnostic::new(
        Code::EmptyPlatform,
        key.span,
        format!("platform `{}` has no steps", key.value),
    )
    .help("list its steps, point it at another platform with `{same_as: ...}`, or remove it")
}

/// `unavailable_on: {ios: reason}` (a key may name several platforms, `android, ios`);
/// `unread` gets the keys whose platforms or reason could not be read.
pub(super) fn unavailable(
    ctx: &mut Ctx<'_>,
    site: &Site,
    node: &Node,
    unread: &mut Vec<Spanned<String>>,
) -> Vec<Unavailable> {
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
            unread.push(e.key.clone());
            continue;
        };
        let ids = platforms::split_key(ctx, site, &e.key);
        if ids.len() < e.key.value.split(',').count() {
            unread.push(e.key.clone());
        }
        for id in ids {
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

/// `notes: [text, or {text, audience}]`; a single text is a list of one.
pub(super) fn notes(ctx: &mut Ctx<'_>, node: &Node) -> Vec<Note> {
    let mut out = Vec::new();
    let items = match &node.value {
        Value::Scalar(_) => std::slice::from_ref(node),
        _ => ctx.list(node, "`notes`"),
    };
    for item in items {
        if !matches!(item.value, Value::Map(_)) {
            if let Some(text) = ctx.text(item, "a note") {
                out.push(Note {
                    text,
                    audience: None,
                });
            }
            continue;
        }
        let Some(f) = ctx.map(
            item,
            "note",
            NOTE_FIELDS,
            "`{text: You can also ..., audience: admins}`",
        ) else {
            continue;
        };
        let text = f
            .required(ctx, "text", "You can also sign out one user.")
            .and_then(|n| ctx.text(n, "`text`"));
        let audience = f.get("audience").and_then(|n| ctx.text(n, "`audience`"));
        if let Some(text) = text {
            out.push(Note { text, audience });
        }
    }
    out
}

/// `goals: {platform: one line}`: what each platform's procedure achieves.
pub(super) fn goals(ctx: &mut Ctx<'_>, site: &Site, node: &Node) -> Vec<Goal> {
    let Some(entries) = ctx.entries(
        node,
        "`goals` must map platforms to a one-line goal",
        "write `goals: {ios: Remove this iPhone., web: Remove any device.}`",
    ) else {
        return Vec::new();
    };
    let mut out: Vec<Goal> = Vec::new();
    for e in entries {
        let Some(text) = ctx.text(&e.value, "a platform's goal") else {
            continue;
        };
        for id in platforms::split_key(ctx, site, &e.key) {
            if let Some(first) = out.iter().find(|g| g.platform.value == id.value) {
                ctx.push(platforms::duplicate(&id, first.platform.span));
                continue;
            }
            out.push(Goal {
                platform: id,
                text: text.clone(),
            });
        }
    }
    out
}

pub(super) fn outcome(ctx: &mut Ctx<'_>, node: &Node) -> Option<Outcome> {
    match &node.value {
        Value::Map(_) => {
            let f = ctx.map(
                node,
                "outcome",
                OUTCOME_FIELDS,
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

pub(super) fn trouble(ctx: &mut Ctx<'_>, node: &Node) -> Vec<Trouble> {
    let mut out = Vec::new();
    for item in ctx.list(node, "`troubleshooting`") {
        let Some(f) = ctx.map(
            item,
            "troubleshooting entry",
            TROUBLE_FIELDS,
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
