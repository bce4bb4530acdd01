//! Reading the YAML line at the cursor without parsing the file (it is often half-typed):
//! which word is there, what kind of value is being written, and where a key is named.

use crate::model::{Action, TargetArity};

/// The word under the cursor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Word {
    /// `my-netflix`, `okta:username`.
    pub text: String,
    /// Its line (0-based).
    pub line: usize,
    /// Its first character, and the character after it, in the line.
    pub start: usize,
    pub end: usize,
    /// It names a glossary control: a step's target, a `confirm`, a `screen`, or a key
    /// of the glossary where it is defined.
    pub is_reference: bool,
}

/// What the cursor is writing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Context {
    /// The target of an action, or `confirm`: a glossary key.
    Target,
    /// A step's action.
    Action,
    /// A platform id (a key under `steps`, `same_as`, `only`, `on`, `platforms`).
    Platform,
    /// A guide id (`related`).
    Guide,
    /// A screen of the glossary (`screen:` in product.yaml).
    Screen,
    /// Nothing to offer.
    None,
}

/// The keys whose value is a glossary key.
fn names_control(key: &str) -> bool {
    key == "confirm"
        || Action::from_name(key)
            .is_some_and(|a| matches!(a.arity(), TargetArity::Required | TargetArity::Optional))
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'
}

/// The key of a `key: value` line, without the list dash or a flow brace.
fn key_of(line: &str) -> Option<(&str, usize)> {
    let colon = line.find(':')?;
    let key = line[..colon]
        .trim()
        .trim_start_matches('-')
        .trim()
        .trim_start_matches('{')
        .trim();
    Some((key, colon))
}

/// The word at UTF-16 offset `character` of line `line`.
pub(super) fn word_at(text: &str, line: usize, character: usize) -> Option<Word> {
    let line_text = text.split('\n').nth(line)?.trim_end_matches('\r');
    let chars: Vec<char> = line_text.chars().collect();
    let at = super::convert::char_index(line_text, character).min(chars.len());
    let part = |c: char| is_word_char(c) || c == ':';
    let mut start = at;
    while start > 0 && part(chars[start - 1]) {
        start -= 1;
    }
    let mut end = at;
    while end < chars.len() && part(chars[end]) {
        end += 1;
    }
    // A colon ends a key (`tap:`) unless a key follows it (`okta:username`).
    let mut word: String = chars[start..end].iter().collect();
    while word.ends_with(':') {
        word.pop();
        end -= 1;
    }
    while word.starts_with(':') {
        word.remove(0);
        start += 1;
    }
    if word.is_empty() {
        return None;
    }
    let before: String = chars[..start].iter().collect();
    let is_value = before.trim_end().ends_with(':');
    let key = before.trim_end().trim_end_matches(':');
    let key = key.rsplit(['{', ',', '-']).next().unwrap_or(key).trim();
    let after: String = chars[end..].iter().collect();
    let defined = !is_value
        && before.chars().all(|c| c == ' ')
        && before.len() == 2
        && after.starts_with(':');
    let is_reference = (is_value && (names_control(key) || key == "screen")) || defined;
    Some(Word {
        text: word,
        line,
        start,
        end,
        is_reference,
    })
}

/// What is being written at the cursor.
pub(super) fn context(text: &str, line: usize, character: usize) -> Context {
    let lines: Vec<&str> = text.split('\n').collect();
    let Some(line_text) = lines.get(line) else {
        return Context::None;
    };
    let at = super::convert::char_index(line_text, character);
    let before: String = line_text.chars().take(at).collect();
    let trimmed = before.trim_start();
    let indent = before.len() - trimmed.len();
    if let Some((key, _)) = key_of(trimmed) {
        return match key {
            k if names_control(k) => Context::Target,
            "screen" => Context::Screen,
            "same_as" | "only" | "on" | "platforms" => Context::Platform,
            "related" => Context::Guide,
            _ => Context::None,
        };
    }
    let parent = parent_key(&lines[..line], indent);
    match parent.as_deref() {
        Some("steps") if !trimmed.starts_with('-') => Context::Platform,
        Some("related") => Context::Guide,
        Some("platforms" | "only") => Context::Platform,
        _ if trimmed.starts_with('-') || in_steps(&lines[..line]) => Context::Action,
        _ => Context::None,
    }
}

/// The key of the nearest line above that is less indented.
fn parent_key(above: &[&str], indent: usize) -> Option<String> {
    for l in above.iter().rev() {
        let t = l.trim_start();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        let i = l.len() - t.len();
        if i < indent {
            return key_of(t).map(|(k, _)| k.to_string());
        }
    }
    None
}

/// True when the lines above are inside a guide's `steps:`.
fn in_steps(above: &[&str]) -> bool {
    above
        .iter()
        .rev()
        .find(|l| !l.starts_with(' ') && !l.trim().is_empty() && !l.starts_with('#'))
        .is_some_and(|l| l.starts_with("steps:"))
}

/// Where `key` is named in a file: as a target or `confirm` of a step (`key`, or
/// `product:key` from another product's guides), as a `screen`, and where the glossary
/// defines it. Each as (line, first character, character after, written with the product).
pub(super) fn references(
    text: &str,
    key: &str,
    product: &str,
    own: bool,
    product_file: bool,
) -> Vec<(usize, usize, usize, bool)> {
    let mut out = Vec::new();
    let qualified = format!("{product}:{key}");
    for (n, line) in text.split('\n').enumerate() {
        let s = line;
        if own
            && product_file
            && s.starts_with("  ")
            && !s[2..].starts_with(' ')
            && s[2..].starts_with(key)
        {
            let rest = &s[2 + key.len()..];
            if rest.starts_with(':') {
                out.push((n, 2, 2 + key.chars().count(), false));
            }
        }
        let mut i = 0;
        while let Some(found) = s[i..].find(": ") {
            let colon = i + found;
            let name_start = s[..colon]
                .rfind(|c: char| !is_word_char(c))
                .map_or(0, |p| p + 1);
            let name = &s[name_start..colon];
            let value_start = colon + 2 + s[colon + 2..].len() - s[colon + 2..].trim_start().len();
            let value = &s[value_start..];
            let token_end = value
                .find(|c: char| !(is_word_char(c) || c == ':'))
                .unwrap_or(value.len());
            let token = &value[..token_end];
            let names = names_control(name) || (product_file && name == "screen");
            if names {
                let char_start = s[..value_start].chars().count();
                if own && token == key {
                    out.push((n, char_start, char_start + key.chars().count(), false));
                } else if token == qualified {
                    out.push((n, char_start, char_start + qualified.chars().count(), true));
                }
            }
            i = colon + 2;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const GUIDE: &str = "title: T\nsteps:\n  web:\n    - tap: my-netflix\n      confirm: log-out\n    - \n  \nrelated: [a, \n";

    #[test]
    fn words_and_what_they_name() {
        let w = word_at(GUIDE, 3, 14).unwrap();
        assert_eq!((w.text.as_str(), w.is_reference), ("my-netflix", true));
        let w = word_at(GUIDE, 3, 8).unwrap();
        assert_eq!((w.text.as_str(), w.is_reference), ("tap", false));
        let w = word_at("glossary:\n  my-netflix:\n    role: tab\n", 1, 4).unwrap();
        assert!(w.is_reference);
        let w = word_at("    - type: okta:username\n", 0, 20).unwrap();
        assert_eq!(w.text, "okta:username");
    }

    #[test]
    fn contexts() {
        assert_eq!(context(GUIDE, 3, 11), Context::Target);
        assert_eq!(context(GUIDE, 4, 15), Context::Target);
        assert_eq!(context(GUIDE, 5, 6), Context::Action);
        assert_eq!(context(GUIDE, 6, 2), Context::Platform);
        assert_eq!(context(GUIDE, 7, 13), Context::Guide);
        assert_eq!(context(GUIDE, 0, 7), Context::None);
    }

    #[test]
    fn references_to_a_key() {
        let refs = references(GUIDE, "my-netflix", "netflix", true, false);
        assert_eq!(refs, [(3, 11, 21, false)]);
        let other = "steps:\n  web:\n    - {tap: netflix:my-netflix}\n";
        assert_eq!(
            references(other, "my-netflix", "netflix", false, false),
            [(2, 12, 30, true)]
        );
        let product =
            "glossary:\n  my-netflix:\n    role: tab\n  tab-bar:\n    screen: my-netflix\n";
        assert_eq!(
            references(product, "my-netflix", "netflix", true, true),
            [(1, 2, 12, false), (4, 12, 22, false)]
        );
    }
}
