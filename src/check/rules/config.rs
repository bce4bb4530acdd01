//! The site's rule configuration, validated against the rules' own declarations and
//! decoded once into typed values, and the `allow` ids checked against the rules.

use super::registry::{RULES, lint_ids};
use super::rule::{Rule, RuleConfig};
use crate::diag::suggest::help_for;
use crate::diag::{Code, Diagnostic, OptionKind, OptionSpec, OptionValue};
use crate::model::{Level, Project, RuleSetting};
use crate::source::Spanned;

/// The configuration of every rule, in [`RULES`] order.
#[derive(Debug, Clone)]
pub struct Config {
    rules: Vec<RuleConfig>,
}

impl Config {
    /// Validates the site's `rules:` and every `allow` id, appending findings to `diags`.
    pub fn decode(project: &Project, diags: &mut Vec<Diagnostic>) -> Config {
        let mut rules = vec![RuleConfig::default(); RULES.len()];
        for setting in &project.site.rules {
            let Some(i) = rule_index(&setting.rule, diags) else {
                continue;
            };
            let decoded = decode_setting(RULES[i], setting, diags);
            // The first setting of a rule wins; the loader reports the duplicate key.
            if !rules[i].configured {
                rules[i] = decoded;
            }
        }
        for g in &project.guides {
            let steps = g.written_steps().into_iter().flat_map(|s| &s.allow);
            for a in g.allow.iter().chain(steps) {
                rule_index(&a.rule, diags);
            }
        }
        Config { rules }
    }

    /// The configuration of `rule`.
    pub fn get(&self, rule: &dyn Rule) -> &RuleConfig {
        let i = RULES.iter().position(|r| r.meta().id == rule.meta().id);
        // Every rule is in `RULES`, so the fallback is never used.
        i.and_then(|i| self.rules.get(i)).unwrap_or(&UNCONFIGURED)
    }

    /// The configuration of the rule reporting `code`, if it is a lint.
    pub fn of(&self, code: Code) -> Option<&RuleConfig> {
        super::rule(code).map(|r| self.get(r))
    }
}

static UNCONFIGURED: RuleConfig = RuleConfig {
    level: None,
    configured: false,
    values: Vec::new(),
    languages: Vec::new(),
};

/// The position in [`RULES`] of the rule `id` names, reporting unknown ids (with
/// did-you-mean) and format codes.
fn rule_index(id: &Spanned<String>, diags: &mut Vec<Diagnostic>) -> Option<usize> {
    if let Some(i) = RULES.iter().position(|r| r.meta().id == id.value) {
        return Some(i);
    }
    let d = if Code::format_from_id(&id.value).is_some() {
        Diagnostic::new(
            Code::UnknownRule,
            id.span,
            format!(
                "`{}` is a format error and cannot be configured or allowed",
                id.value
            ),
        )
        .help("fix the problem instead; only consistency rules can be turned off")
    } else {
        Diagnostic::new(
            Code::UnknownRule,
            id.span,
            format!("unknown rule `{}`", id.value),
        )
        .help(format!(
            "{}; `stepwise explain` lists every rule",
            help_for(&id.value, lint_ids(), "rule")
        ))
    };
    diags.push(d);
    None
}

fn decode_setting(
    rule: &dyn Rule,
    setting: &RuleSetting,
    diags: &mut Vec<Diagnostic>,
) -> RuleConfig {
    let mut out = RuleConfig {
        level: setting.level.as_ref().and_then(|l| level(l, diags)),
        configured: true,
        values: Vec::new(),
        languages: Vec::new(),
    };
    let specs = rule.meta().options;
    for (name, value) in &setting.options {
        // `languages.fr.style`: an option for guides in one language.
        let (lang, option_name) = match name.value.strip_prefix("languages.") {
            Some(rest) => match rest.rsplit_once('.') {
                Some((l, o)) => (Some(l.to_ascii_lowercase()), o),
                None => (None, rest),
            },
            None => (None, name.value.as_str()),
        };
        let Some(spec) = specs.iter().find(|s| s.name == option_name) else {
            let allowed = std::iter::once("level").chain(specs.iter().map(|s| s.name));
            diags.push(
                Diagnostic::new(
                    Code::UnknownField,
                    name.span,
                    format!(
                        "rule `{}` has no option `{}`",
                        setting.rule.value, option_name
                    ),
                )
                .help(help_for(option_name, allowed, "option")),
            );
            continue;
        };
        let Some(v) = option(spec, value, diags) else {
            continue;
        };
        match lang {
            Some(l) => match out.languages.iter_mut().find(|(t, _)| *t == l) {
                Some((_, opts)) => opts.push((spec.name, v)),
                None => out.languages.push((l, vec![(spec.name, v)])),
            },
            None => out.values.push((spec.name, v)),
        }
    }
    out
}

fn level(text: &Spanned<String>, diags: &mut Vec<Diagnostic>) -> Option<Level> {
    if let Some((_, l)) = Level::NAMES.iter().find(|(n, _)| *n == text.value) {
        return Some(*l);
    }
    diags.push(
        Diagnostic::new(
            Code::InvalidValue,
            text.span,
            format!("`{}` is not a valid rule level", text.value),
        )
        .help(help_for(
            &text.value,
            Level::NAMES.iter().map(|(n, _)| *n),
            "rule level",
        )),
    );
    None
}

fn option(
    spec: &OptionSpec,
    v: &Spanned<String>,
    diags: &mut Vec<Diagnostic>,
) -> Option<OptionValue> {
    match spec.kind {
        OptionKind::Choice { choices, .. } => {
            if let Some(c) = choices.iter().find(|c| **c == v.value) {
                return Some(OptionValue::Choice(c));
            }
            diags.push(
                Diagnostic::new(
                    Code::InvalidValue,
                    v.span,
                    format!("`{}` is not a valid `{}`", v.value, spec.name),
                )
                .help(help_for(&v.value, choices.iter().copied(), "value")),
            );
            None
        }
        OptionKind::Choices { choices, .. } => {
            let mut set = 0u32;
            for word in v.value.split(',').map(str::trim) {
                match choices.iter().position(|c| *c == word) {
                    Some(i) => set |= 1 << i,
                    None => {
                        diags.push(
                            Diagnostic::new(
                                Code::InvalidValue,
                                v.span,
                                format!("`{word}` is not a valid `{}`", spec.name),
                            )
                            .help(help_for(
                                word,
                                choices.iter().copied(),
                                "value",
                            )),
                        );
                        return None;
                    }
                }
            }
            Some(OptionValue::Choices(choices, set))
        }
        OptionKind::Count { .. } => {
            if let Some(n) = v.value.parse::<u32>().ok().filter(|n| *n >= 1) {
                return Some(OptionValue::Count(n));
            }
            diags.push(
                Diagnostic::new(
                    Code::InvalidValue,
                    v.span,
                    format!(
                        "option `{}` must be a whole number of at least 1",
                        spec.name
                    ),
                )
                .help(format!("write e.g. `{}: 10`", spec.name)),
            );
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::OptionValue;
    use crate::load::load_in_memory;

    fn decode(site: &str) -> (Config, Vec<String>) {
        let files: &[(&str, &[u8])] = &[("site.yaml", site.as_bytes())];
        let (project, _) = load_in_memory(files).expect("in-memory load");
        let mut diags = Vec::new();
        let config = Config::decode(&project, &mut diags);
        let messages = diags
            .iter()
            .map(|d| format!("{}: {}", d.code, d.message))
            .collect();
        (config, messages)
    }

    fn step_count() -> &'static dyn Rule {
        super::super::rule(super::super::step_count::CODE).expect("step-count is a rule")
    }

    #[test]
    fn options_are_typed_with_defaults() {
        let (config, messages) = decode("rules:\n  step-count: {warn: 3}\n");
        assert!(messages.is_empty(), "{messages:?}");
        let cfg = config.get(step_count());
        assert!(cfg.configured);
        assert_eq!(cfg.level, None);
        let [warn, max] = step_count().meta().options else {
            panic!("step-count has two options");
        };
        assert_eq!(cfg.value(warn), OptionValue::Count(3));
        assert_eq!(cfg.count(max), 20);
        let (config, _) = decode("title: X\n");
        assert!(!config.get(step_count()).configured);
        assert_eq!(config.get(step_count()).count(warn), 10);
    }

    #[test]
    fn bad_settings_are_reported_once_each() {
        let site = "rules:\n  step-count: {warn: x, wrn: 3, level: eror}\n  lable-drift: off\n  yaml-syntax: off\n  title-form: {style: tsk}\n";
        let (config, messages) = decode(site);
        assert_eq!(
            messages,
            [
                "invalid-value: `eror` is not a valid rule level",
                "invalid-value: option `warn` must be a whole number of at least 1",
                "unknown-field: rule `step-count` has no option `wrn`",
                "unknown-rule: unknown rule `lable-drift`",
                "unknown-rule: `yaml-syntax` is a format error and cannot be configured or allowed",
                "invalid-value: `tsk` is not a valid `style`",
            ]
        );
        let cfg = config.get(step_count());
        assert!(cfg.configured && cfg.level.is_none());
        assert_eq!(cfg.count(&step_count().meta().options[0]), 10);
    }
}
