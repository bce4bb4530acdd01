//! Whether a locale file is a complete translation: the same messages and attributes as
//! English's, and valid Fluent.

use std::collections::BTreeSet;

use fluent_bundle::FluentResource;
use fluent_syntax::ast;

/// The message keys of a resource, attributes as `key.attr`, sorted.
pub fn keys(resource: &FluentResource) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for entry in resource.entries() {
        if let ast::Entry::Message(m) = entry {
            if m.value.is_some() {
                out.insert(m.id.name.to_owned());
            }
            for a in &m.attributes {
                out.insert(format!("{}.{}", m.id.name, a.id.name));
            }
        }
    }
    out
}

/// The keys `other` lacks and the keys it has that `reference` has not.
pub fn missing_and_extra_keys(
    reference: &FluentResource,
    other: &FluentResource,
) -> (Vec<String>, Vec<String>) {
    let want = keys(reference);
    let have = keys(other);
    (
        want.difference(&have).cloned().collect(),
        have.difference(&want).cloned().collect(),
    )
}

/// What is wrong with a locale file as a complete translation: Fluent syntax errors, and
/// every message or attribute English has that it lacks, or has that English lacks.
pub fn locale_problems(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let resource = match FluentResource::try_new(text.to_owned()) {
        Ok(r) => r,
        Err((r, errors)) => {
            out.extend(errors.iter().map(|e| format!("syntax error: {}", e.kind)));
            r
        }
    };
    let english = super::catalog::EMBEDDED
        .iter()
        .find(|(t, _)| *t == super::catalog::FALLBACK)
        .map(|(_, text)| FluentResource::try_new((*text).to_owned()).unwrap_or_else(|(r, _)| r));
    if let Some(english) = english {
        let (missing, extra) = missing_and_extra_keys(&english, &resource);
        out.extend(missing.iter().map(|k| format!("missing `{k}`")));
        out.extend(
            extra
                .iter()
                .map(|k| format!("unknown `{k}` (not in en.ftl)")),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_locale_parses_and_has_exactly_the_english_messages() {
        assert!(super::super::EMBEDDED.len() >= 4);
        for (tag, text) in super::super::EMBEDDED {
            assert_eq!(
                locale_problems(text),
                Vec::<String>::new(),
                "locales/{tag}.ftl"
            );
        }
    }

    #[test]
    fn a_locale_without_a_message_or_with_a_stray_one_is_reported() {
        let fr = super::super::EMBEDDED
            .iter()
            .find(|(t, _)| *t == "fr")
            .map(|(_, t)| *t)
            .unwrap();
        let doctored: String = fr
            .lines()
            .filter(|l| !l.starts_with("tips ="))
            .map(|l| format!("{l}\n"))
            .collect();
        assert_eq!(locale_problems(&doctored), ["missing `tips`"]);
        let doctored = fr.replace("    .alone = survolez l’élément\n", "");
        assert_eq!(locale_problems(&doctored), ["missing `step-hover.alone`"]);
        let doctored = format!("{fr}\nsteps-headline = Étapes\n");
        assert_eq!(
            locale_problems(&doctored),
            ["unknown `steps-headline` (not in en.ftl)"]
        );
        let broken = format!("{fr}\ntips = {{ \"Astuces\n");
        assert!(locale_problems(&broken)[0].starts_with("syntax error"));
    }
}
