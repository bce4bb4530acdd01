//! Rule configuration (`rules:` in site.yaml), suppressions (`allow:` in guides and steps)
//! and preferred terms (`terminology:`).
//!
//! Rule ids and options are read as written: the rules, a later stage, declare which ids
//! and options exist, and `check` validates and decodes them once.

use super::decode::Ctx;
use super::yaml::{Node, Value};
use crate::diag::{Code, Diagnostic};
use crate::model::{Allow, RuleSetting, Term};
use crate::source::Spanned;

/// Reads `allow: {rule-id: reason}` (or a list of `{rule, reason}`).
pub(super) fn allow(ctx: &mut Ctx<'_>, node: &Node) -> Vec<Allow> {
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
        out.push(Allow { rule: id, reason });
    }
    out
}

/// Reads `rules: {rule-id: off|warning|error, or {level: ..., option: value}}`.
pub(super) fn settings(ctx: &mut Ctx<'_>, node: &Node) -> Vec<RuleSetting> {
    let Some(entries) = ctx.entries(
        node,
        "`rules` must map rule ids to settings",
        "write `rules: {step-count: {warn: 12}, stale-review: warning}`",
    ) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for e in entries {
        let mut setting = RuleSetting {
            rule: e.key.clone(),
            level: None,
            options: Vec::new(),
        };
        match &e.value.value {
            Value::Scalar(_) => setting.level = ctx.text(&e.value, "rule level"),
            Value::Map(opts) => {
                for o in opts {
                    if o.key.value == "level" {
                        setting.level = ctx.text(&o.value, "rule level");
                        continue;
                    }
                    // A list option (`style: [how-to, question]`) reads as its words
                    // joined by commas, the other way to write it.
                    if let Value::Seq(_) = &o.value.value {
                        let words =
                            ctx.text_list(&o.value, &format!("an item of `{}`", o.key.value));
                        let joined: Vec<&str> = words.iter().map(|w| w.value.as_str()).collect();
                        if !joined.is_empty() {
                            setting.options.push((
                                o.key.clone(),
                                Spanned::new(joined.join(", "), o.value.span),
                            ));
                        }
                        continue;
                    }
                    if let Some(v) = ctx.text(&o.value, &format!("option `{}`", o.key.value)) {
                        setting.options.push((o.key.clone(), v));
                    }
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
pub(super) fn terminology(ctx: &mut Ctx<'_>, node: &Node) -> Vec<Term> {
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
