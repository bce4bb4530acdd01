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
                    if o.key.value == "languages" {
                        languages(ctx, &o.value, &mut setting);
                        continue;
                    }
                    option(ctx, &o.key, &o.value, &o.key.value, &mut setting);
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

/// Reads one option of a rule (`style: task`, `style: [how-to, question]`) under the name
/// `name` (`languages.fr.style` for a language's own).
fn option(
    ctx: &mut Ctx<'_>,
    key: &Spanned<String>,
    value: &Node,
    name: &str,
    setting: &mut RuleSetting,
) {
    let named = Spanned::new(name.to_owned(), key.span);
    // A list option (`style: [how-to, question]`) reads as its words joined by commas, the
    // other way to write it.
    if let Value::Seq(_) = &value.value {
        let words = ctx.text_list(value, &format!("an item of `{}`", key.value));
        let joined: Vec<&str> = words.iter().map(|w| w.value.as_str()).collect();
        if !joined.is_empty() {
            setting
                .options
                .push((named, Spanned::new(joined.join(", "), value.span)));
        }
        return;
    }
    if let Some(v) = ctx.text(value, &format!("option `{}`", key.value)) {
        setting.options.push((named, v));
    }
}

/// Reads a rule's `languages: {fr: {style: task}}`: each language's options, named
/// `languages.<tag>.<option>` for the rule to decode.
fn languages(ctx: &mut Ctx<'_>, node: &Node, setting: &mut RuleSetting) {
    let Some(entries) = ctx.entries(
        node,
        "`languages` must map language tags to the rule's options",
        "write `languages: {fr: {style: task}}`",
    ) else {
        return;
    };
    for lang in entries {
        let Some(opts) = ctx.entries(
            &lang.value,
            "a language's settings must map options to values",
            "write `fr: {style: task}`",
        ) else {
            continue;
        };
        for o in opts {
            let name = format!("languages.{}.{}", lang.key.value, o.key.value);
            option(ctx, &o.key, &o.value, &name, setting);
        }
    }
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
    let mut out = Vec::new();
    for e in entries {
        if e.key.value == "languages" && matches!(e.value.value, Value::Map(_)) {
            language_terms(ctx, &e.value, &mut out);
            continue;
        }
        out.extend(term(ctx, e, None));
    }
    out
}

/// One `preferred: [avoided]` entry, for guides in `language` (`None`: the site's own).
fn term(ctx: &mut Ctx<'_>, e: &super::yaml::Entry, language: Option<&str>) -> Option<Term> {
    let t = Term {
        preferred: e.key.value.clone(),
        avoid: ctx
            .text_list(&e.value, "a term to avoid")
            .into_iter()
            .map(|s| s.value)
            .collect(),
        language: language.map(str::to_owned),
    };
    (!t.avoid.is_empty()).then_some(t)
}

/// `terminology: {languages: {fr: {se connecter: [login]}}}`: terms for guides in a language.
fn language_terms(ctx: &mut Ctx<'_>, node: &Node, out: &mut Vec<Term>) {
    let Some(entries) = ctx.entries(
        node,
        "`languages` must map language tags to their terms",
        "write `languages: {fr: {se connecter: [login, log in]}}`",
    ) else {
        return;
    };
    for lang in entries {
        let Some(terms) = ctx.entries(
            &lang.value,
            "a language's terminology must map preferred terms to the words they replace",
            "write `fr: {se connecter: [login, log in]}`",
        ) else {
            continue;
        };
        for e in terms {
            out.extend(term(ctx, e, Some(&lang.key.value)));
        }
    }
}
