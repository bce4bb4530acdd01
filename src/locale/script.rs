//! The words the page scripts show (search results, the feedback form), handed to them as
//! JSON in the page's `data-strings` attribute: plain messages with `{name}` where a
//! variable goes, counted ones as one pattern per CLDR plural category, which the script
//! picks with `Intl.PluralRules`.

use std::collections::BTreeMap;

use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
use serde_json::Value;

use super::catalog::{Arg, Locale};

/// The scripts' messages: key, the variables the script fills in, and the count that
/// chooses a plural form, if any.
pub const SCRIPT_MESSAGES: &[(&str, &[&str], bool)] = &[
    ("feedback-failed", &[], false),
    ("search-found", &["query"], true),
    ("search-none", &["query"], false),
    ("search-see-all", &["query"], true),
    ("search-see-all-results", &["query"], false),
    ("search-steps-for", &["platform"], false),
    ("search-too-short", &[], false),
    ("search-unavailable", &[], false),
];

fn category_name(c: PluralCategory) -> &'static str {
    match c {
        PluralCategory::ZERO => "zero",
        PluralCategory::ONE => "one",
        PluralCategory::TWO => "two",
        PluralCategory::FEW => "few",
        PluralCategory::MANY => "many",
        PluralCategory::OTHER => "other",
    }
}

/// A number of each plural category of the locale's language (`one`: 1, `other`: 0).
fn samples(locale: &Locale) -> Vec<(&'static str, i64)> {
    let lang: unic_langid::LanguageIdentifier = locale.tag().parse().unwrap_or_default();
    let rules = PluralRules::create(lang.clone(), PluralRuleType::CARDINAL)
        .or_else(|_| {
            let bare: unic_langid::LanguageIdentifier =
                lang.language.as_str().parse().unwrap_or_default();
            PluralRules::create(bare, PluralRuleType::CARDINAL)
        })
        .or_else(|_| {
            let en: unic_langid::LanguageIdentifier = "en".parse().unwrap_or_default();
            PluralRules::create(en, PluralRuleType::CARDINAL)
        });
    let Ok(rules) = rules else {
        return vec![("other", 2)];
    };
    let mut out: Vec<(&'static str, i64)> = Vec::new();
    for n in 0..1000_i64 {
        if let Ok(c) = rules.select(n) {
            let name = category_name(c);
            if !out.iter().any(|(k, _)| *k == name) {
                out.push((name, n));
            }
        }
    }
    out.sort();
    out
}

/// The scripts' messages in `locale`'s language, as JSON.
pub fn script_strings(locale: &Locale) -> Value {
    let mut map = BTreeMap::new();
    let samples = samples(locale);
    for (key, vars, counted) in SCRIPT_MESSAGES {
        let marks: Vec<String> = vars.iter().map(|v| format!("{{{v}}}")).collect();
        let mut args: Vec<(&str, Arg<'_>)> = vars
            .iter()
            .zip(&marks)
            .map(|(v, m)| (*v, Arg::Str(m.as_str())))
            .collect();
        let value = if *counted {
            let mut forms = BTreeMap::new();
            for (cat, n) in &samples {
                args.retain(|(k, _)| *k != "count");
                args.push(("count", Arg::Num(*n)));
                let text = locale.format(key, None, &args).unwrap_or_default();
                forms.insert(
                    *cat,
                    Value::String(text.replacen(&n.to_string(), "{count}", 1)),
                );
            }
            Value::Object(forms.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
        } else {
            Value::String(locale.format(key, None, &args).unwrap_or_default())
        };
        map.insert((*key).to_owned(), value);
    }
    Value::Object(map.into_iter().collect())
}

/// The page's `data-strings`: the scripts' messages as JSON, or nothing when they are the
/// English the scripts already have.
pub fn script_strings_attr(locale: &Locale) -> String {
    let strings = script_strings(locale);
    if strings == script_strings(&Locale::english()) {
        return String::new();
    }
    strings.to_string()
}
