//! Reading typed values out of a [`Node`] tree while collecting every problem.
//!
//! Serde stops at the first error of a document; a guide author wants all of them, each at
//! its own line. These helpers check the shape of one value at a time, report what is wrong
//! with the exact span and a help line, and let the caller carry on with what was readable.

use super::yaml::{Entry, Node, Value};
use crate::diag::suggest::help_for;
use crate::diag::{Code, Diagnostic};
use crate::source::{Span, Spanned};

/// Collects diagnostics while decoding one file.
pub struct Ctx<'d> {
    /// Where findings go.
    pub diags: &'d mut Vec<Diagnostic>,
}

/// The fields of a YAML mapping, after unknown keys were reported.
pub struct Fields<'n> {
    entries: &'n [Entry],
    /// Span of the whole mapping.
    pub span: Span,
    what: &'static str,
    /// The fields the mapping may have: the decoder reads no other.
    allowed: &'static [&'static str],
}

impl<'n> Fields<'n> {
    /// The fields of a mapping whose keys the caller checks itself (a step's keys are its
    /// action as well as its fields).
    pub fn unchecked(
        entries: &'n [Entry],
        span: Span,
        what: &'static str,
        allowed: &'static [&'static str],
    ) -> Self {
        Fields {
            entries,
            span,
            what,
            allowed,
        }
    }

    /// Catches a decoder reading a field that its list does not have, which the unknown-field
    /// check would then reject in every file.
    fn listed(&self, key: &str) {
        debug_assert!(
            self.allowed.contains(&key),
            "`{key}` is read from a {} but is not in its field list",
            self.what
        );
    }

    /// The value of `key`, if present.
    pub fn get(&self, key: &str) -> Option<&'n Node> {
        self.listed(key);
        self.entries
            .iter()
            .find(|e| e.key.value == key)
            .map(|e| &e.value)
    }

    /// The entries in source order.
    pub fn entries(&self) -> &'n [Entry] {
        self.entries
    }

    /// The span to point at when a field is missing: the mapping's first line.
    pub fn head(&self) -> Span {
        self.entries.first().map_or(self.span, |e| e.key.span)
    }

    /// The value of `key`, reporting `missing-field` if it is absent or empty.
    pub fn required(&self, ctx: &mut Ctx<'_>, key: &str, example: &str) -> Option<&'n Node> {
        match self.get(key) {
            Some(n) if !n.is_null() => Some(n),
            Some(n) => {
                let sp = self.key_span(key).unwrap_or(n.span);
                ctx.diags.push(
                    Diagnostic::new(
                        Code::MissingField,
                        sp,
                        format!("`{key}` of this {} is empty", self.what),
                    )
                    .help(format!("give it a value, e.g. `{key}: {example}`")),
                );
                None
            }
            None => {
                ctx.diags.push(
                    Diagnostic::new(
                        Code::MissingField,
                        self.head(),
                        format!("this {} has no `{key}`", self.what),
                    )
                    .help(format!("add `{key}: {example}`")),
                );
                None
            }
        }
    }

    /// The span of a key, if present.
    pub fn key_span(&self, key: &str) -> Option<Span> {
        self.listed(key);
        self.entries
            .iter()
            .find(|e| e.key.value == key)
            .map(|e| e.key.span)
    }
}

impl Ctx<'_> {
    /// Reports a diagnostic.
    pub fn push(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    fn wrong_type(&mut self, node: &Node, what: &str, expected: &str, example: &str) {
        self.diags.push(
            Diagnostic::new(
                Code::WrongType,
                node.span,
                format!("{what} must be {expected}, found {}", node.kind()),
            )
            .help(format!("write it as {example}")),
        );
    }

    /// Reads a mapping, reporting unknown keys (with did-you-mean over `allowed`).
    pub fn map<'n>(
        &mut self,
        node: &'n Node,
        what: &'static str,
        allowed: &'static [&'static str],
        example: &str,
    ) -> Option<Fields<'n>> {
        let Value::Map(entries) = &node.value else {
            self.wrong_type(node, &format!("a {what}"), "a mapping", example);
            return None;
        };
        for e in entries {
            if !allowed.contains(&e.key.value.as_str()) {
                self.unknown_field(&e.key, what, allowed);
            }
        }
        Some(Fields::unchecked(entries, node.span, what, allowed))
    }

    /// The entries of a mapping whose keys are data (platforms, rule ids, terms), or
    /// `wrong-type` as "`{expected}`, found {kind}" with `help`.
    pub fn entries<'n>(
        &mut self,
        node: &'n Node,
        expected: &str,
        help: &str,
    ) -> Option<&'n [Entry]> {
        if let Value::Map(entries) = &node.value {
            return Some(entries);
        }
        self.diags.push(
            Diagnostic::new(
                Code::WrongType,
                node.span,
                format!("{expected}, found {}", node.kind()),
            )
            .help(help),
        );
        None
    }

    /// Reports `unknown-field` for a key.
    pub fn unknown_field(&mut self, key: &Spanned<String>, what: &str, allowed: &[&str]) {
        self.diags.push(
            Diagnostic::new(
                Code::UnknownField,
                key.span,
                format!("unknown field `{}` in {what}", key.value),
            )
            .help(help_for(&key.value, allowed.iter().copied(), "field")),
        );
    }

    /// Reads a non-empty text value.
    pub fn text(&mut self, node: &Node, what: &str) -> Option<Spanned<String>> {
        match &node.value {
            Value::Scalar(s) if !node.is_null() && !s.text.trim().is_empty() => {
                Some(Spanned::new(s.text.trim_end().to_owned(), node.span))
            }
            Value::Scalar(_) => {
                self.diags.push(
                    Diagnostic::new(Code::MissingField, node.span, format!("{what} is empty"))
                        .help("write the text after the colon, or remove the field"),
                );
                None
            }
            _ => {
                self.wrong_type(node, what, "text", "`field: some text`");
                None
            }
        }
    }

    /// Reads a list of text values; a single text value counts as a list of one.
    pub fn text_list(&mut self, node: &Node, what: &str) -> Vec<Spanned<String>> {
        match &node.value {
            Value::Seq(items) => items.iter().filter_map(|n| self.text(n, what)).collect(),
            Value::Scalar(_) if node.is_null() => Vec::new(),
            Value::Scalar(_) => self.text(node, what).into_iter().collect(),
            Value::Map(_) => {
                self.diags.push(
                    Diagnostic::new(
                        Code::WrongType,
                        node.span,
                        "expected a list (or a single text), found a mapping",
                    )
                    .help("write it as `[a, b]` or one `- item` per line"),
                );
                Vec::new()
            }
        }
    }

    /// Reads a list of arbitrary nodes (null counts as empty).
    pub fn list<'n>(&mut self, node: &'n Node, what: &str) -> &'n [Node] {
        match &node.value {
            Value::Seq(items) => items,
            _ if node.is_null() => &[],
            _ => {
                self.wrong_type(node, what, "a list", "one `- item` per line");
                &[]
            }
        }
    }

    /// Reads `true`/`false` (also `yes`/`no`).
    pub fn boolean(&mut self, node: &Node, what: &str) -> Option<bool> {
        if let Value::Scalar(s) = &node.value {
            match s.text.as_str() {
                "true" | "True" | "TRUE" | "yes" | "Yes" | "YES" => return Some(true),
                "false" | "False" | "FALSE" | "no" | "No" | "NO" => return Some(false),
                _ => {}
            }
        }
        self.diags.push(
            Diagnostic::new(
                Code::WrongType,
                node.span,
                format!("{what} must be `true` or `false`, found {}", node.kind()),
            )
            .help("write `true` or `false`"),
        );
        None
    }

    /// Reads an id or key: lowercase ASCII words joined by single hyphens.
    pub fn id(&mut self, node: &Node, what: &str) -> Option<Spanned<String>> {
        let text = self.text(node, what)?;
        self.check_id(&text, what).then_some(text)
    }

    /// Reports `invalid-id` unless `text` is a valid id.
    pub fn check_id(&mut self, text: &Spanned<String>, what: &str) -> bool {
        if is_id(&text.value) {
            return true;
        }
        self.diags.push(
            Diagnostic::new(
                Code::InvalidId,
                text.span,
                format!("{what} `{}` is not a valid id", text.value),
            )
            .help(format!(
                "use lowercase letters, digits and single hyphens, e.g. `{}`",
                slugify(&text.value)
            )),
        );
        false
    }

    /// Reads one value out of a fixed set, with did-you-mean.
    pub fn one_of<T: Copy>(
        &mut self,
        node: &Node,
        what: &str,
        choices: &[(&str, T)],
    ) -> Option<Spanned<T>> {
        let text = self.text(node, what)?;
        if let Some((_, v)) = choices.iter().find(|(name, _)| *name == text.value) {
            return Some(Spanned::new(*v, text.span));
        }
        self.diags.push(
            Diagnostic::new(
                Code::InvalidValue,
                text.span,
                format!("`{}` is not a valid {what}", text.value),
            )
            .help(help_for(&text.value, choices.iter().map(|(n, _)| *n), what)),
        );
        None
    }
}

/// True if `s` is lowercase ASCII words joined by single hyphens (`my-netflix`, `step-2`).
pub fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// A valid id made from arbitrary text, for help lines.
pub fn slugify(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_owned();
    if out.is_empty() { "my-id".into() } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        assert!(is_id("my-netflix"));
        assert!(is_id("step2"));
        assert!(!is_id("My-Netflix"));
        assert!(!is_id("a--b"));
        assert!(!is_id("-a"));
        assert!(!is_id(""));
        assert_eq!(slugify("Sign out (all)!"), "sign-out-all");
    }
}
