//! Rule configuration (`rules:` in site.yaml), suppressions (`allow:` in guides and steps)
//! and preferred terms (`terminology:`).

use super::decode::Ctx;
use super::yaml::{Node, Value};
use crate::diag::suggest::help_for;
use crate::diag::{Code, Diagnostic, OptionKind};
use crate::model::{Allow, Level, RuleSetting, Term};
use crate::source::Spanned;

fn lint_ids() -> impl Iterator<Item = &'static str> + Clone {
    Code::ALL.iter().filter(|c| c.is_lint()).map(|c| c.id())
}

/// Resolves a rule id, reporting unknown ids (with did-you-mean) and non-lint codes.
fn rule(ctx: &mut Ctx<'_>, id: &Spanned<String>) -> Option<Code> {
    match Code::from_id(&id.value) {
        Some(c) if c.is_lint() => Some(c),
        Some(_) => {
            ctx.push(
                Diagnostic::new(
                    Code::UnknownRule,
                    id.span,
                    format!(
                        "`{}` is a format error and cannot be configured or allowed",
                        id.value
                    ),
                )
                .help("fix the problem instead; only consistency rules can be turned off"),
            );
            None
        }
        None => {
            ctx.push(
                Diagnostic::new(
                    Code::UnknownRule,
                    id.span,
                    format!("unknown rule `{}`", id.value),
                )
                .help(format!(
                    "{}; `stepwise explain` lists every rule",
                    help_for(&id.value, lint_ids(), "rule")
                )),
            );
            None
        }
    }
}

/// Reads `allow: {rule-id: reason}` (or a list of `{rule, reason}`).
pub fn allow(ctx: &mut Ctx<'_>, node: &Node) -> Vec<Allow> {
    let mut pairs: Vec<(Spanned<String>, &Node)> = Vec::new();
    match &node.value {
        Value::Map(entries) => {
            pairs.extend(entries.iter().map(|e| (e.key.clone(), &e.value)));
        }
        Value::Seq(items) => {
            for item in items {
                let Some(f) = ctx.map(
                    item,
                    "allow entry",
                    &["rule", "reason"],
                    "`{rule: label-drift, reason: ...}`",
                ) else {
                    continue;
                };
                let Some(r) = f
                    .required(ctx, "rule", "label-drift")
                    .and_then(|n| ctx.text(n, "`rule`"))
                else {
                    continue;
                };
                match f.get("reason") {
                    Some(n) => pairs.push((r, n)),
                    None => ctx.push(
                        Diagnostic::new(
                            Code::MissingField,
                            r.span,
                            format!("allowing `{}` needs a reason", r.value),
                        )
                        .help("add `reason: <why this guide is an exception>`"),
                    ),
                }
            }
        }
        _ => {
            ctx.push(
                Diagnostic::new(
                    Code::WrongType,
                    node.span,
                    format!(
                        "`allow` must map rule ids to reasons, found {}",
                        node.kind()
                    ),
                )
                .help("write `allow: {label-drift: The apps really use different words.}`"),
            );
        }
    }
    let mut out = Vec::new();
    for (id, value) in pairs {
        let code = rule(ctx, &id);
        if value.is_null() {
            ctx.push(
                Diagnostic::new(
                    Code::MissingField,
                    id.span,
                    format!("allowing `{}` needs a reason", id.value),
                )
                .help(format!("write `{}: <why this is an exception>`", id.value)),
            );
            continue;
        }
        let Some(reason) = ctx.text(value, "the reason") else {
            continue;
        };
        if let Some(code) = code {
            out.push(Allow { code, reason });
        }
    }
    out
}

/// Reads `rules: {rule-id: off|warning|error, or {level: ..., option: value}}`.
pub fn settings(ctx: &mut Ctx<'_>, node: &Node) -> Vec<RuleSetting> {
    let Some(entries) = ctx.entries(
        node,
        "`rules` must map rule ids to settings",
        "write `rules: {step-count: {warn: 12}, stale-review: warning}`",
    ) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for e in entries {
        let Some(code) = rule(ctx, &e.key) else {
            continue;
        };
        let mut setting = RuleSetting {
            code,
            level: None,
            options: Vec::new(),
        };
        match &e.value.value {
            Value::Scalar(_) => {
                setting.level = ctx
                    .one_of(&e.value, "rule level", Level::NAMES)
                    .map(|l| l.value);
            }
            Value::Map(opts) => {
                let mut allowed: Vec<&str> = vec!["level"];
                allowed.extend(code.options().iter().map(|(n, _)| *n));
                for o in opts {
                    if o.key.value == "level" {
                        setting.level = ctx
                            .one_of(&o.value, "rule level", Level::NAMES)
                            .map(|l| l.value);
                        continue;
                    }
                    let Some((_, kind)) = code.options().iter().find(|(n, _)| *n == o.key.value)
                    else {
                        ctx.push(
                            Diagnostic::new(
                                Code::UnknownField,
                                o.key.span,
                                format!("rule `{}` has no option `{}`", e.key.value, o.key.value),
                            )
                            .help(help_for(
                                &o.key.value,
                                allowed.iter().copied(),
                                "option",
                            )),
                        );
                        continue;
                    };
                    let Some(v) = ctx.text(&o.value, &format!("option `{}`", o.key.value)) else {
                        continue;
                    };
                    if let OptionKind::Choice(choices) = kind
                        && !choices.contains(&v.value.as_str())
                    {
                        ctx.push(
                            Diagnostic::new(
                                Code::InvalidValue,
                                v.span,
                                format!("`{}` is not a valid `{}`", v.value, o.key.value),
                            )
                            .help(help_for(
                                &v.value,
                                choices.iter().copied(),
                                "value",
                            )),
                        );
                        continue;
                    }
                    if *kind == OptionKind::Count && !v.value.parse::<u32>().is_ok_and(|n| n >= 1) {
                        ctx.push(
                            Diagnostic::new(
                                Code::InvalidValue,
                                v.span,
                                format!(
                                    "option `{}` must be a whole number of at least 1",
                                    o.key.value
                                ),
                            )
                            .help(format!("write e.g. `{}: 10`", o.key.value)),
                        );
                        continue;
                    }
                    setting.options.push((o.key.value.clone(), v.value));
                }
            }
            Value::Seq(_) => ctx.push(
                Diagnostic::new(
                    Code::WrongType,
                    e.value.span,
                    "a rule setting must be a level or a mapping of options, found a list",
                )
                .help("write `off`, `warning`, `error` or `{level: warning, ...}`"),
            ),
        }
        out.push(setting);
    }
    out
}

/// Reads `terminology: {preferred wording: [avoided, wordings]}`.
pub fn terminology(ctx: &mut Ctx<'_>, node: &Node) -> Vec<Term> {
    let Some(entries) = ctx.entries(
        node,
        "`terminology` must map preferred terms to the words they replace",
        "write `terminology: {sign in: [login, log in]}`",
    ) else {
        return Vec::new();
    };
    entries
        .iter()
        .map(|e| Term {
            preferred: e.key.value.clone(),
            avoid: ctx
                .text_list(&e.value, "a term to avoid")
                .into_iter()
                .map(|s| s.value)
                .collect(),
        })
        .filter(|t| !t.avoid.is_empty())
        .collect()
}
