//! Writing drafts as YAML text, in the layout authors write by hand: one step per line
//! where it fits, free text always quoted so that it never reads as a glossary key.

use std::fmt::Write as _;

use super::draft::Guide;
use super::glossary::Control;
use super::sentence::{Step, Target};

/// A YAML scalar: plain when that reads back as the same string, else double-quoted.
pub(crate) fn scalar(s: &str) -> String {
    if is_plain_safe(s) {
        s.to_string()
    } else {
        quoted(s)
    }
}

/// A double-quoted YAML scalar.
pub(crate) fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{FEFF}' | '\u{85}') => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c if (c as u32) >= 0xE000 && (c as u32) <= 0xF8FF => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn is_plain_safe(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    if s != s.trim() || s.contains(": ") || s.contains(" #") || s.ends_with(':') {
        return false;
    }
    if "-?:,[]{}#&*!|>'\"%@`".contains(first) {
        return false;
    }
    if s.chars()
        .any(|c| c.is_control() || (c as u32) >= 0xE000 && (c as u32) <= 0xF8FF || c == '\u{FEFF}')
    {
        return false;
    }
    let lower = s.to_lowercase();
    let special = [
        "true", "false", "yes", "no", "on", "off", "null", "~", "y", "n",
    ];
    if special.contains(&lower.as_str())
        || s.parse::<f64>().is_ok()
        || s.starts_with(|c: char| c.is_ascii_digit())
    {
        return false;
    }
    true
}

/// The text of a guide file, after its first two comment lines.
pub(crate) fn guide(g: &Guide) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "title: {}", scalar(&g.title));
    let _ = writeln!(out, "summary: {}", scalar(&g.summary));
    if !g.intro.is_empty() {
        let _ = writeln!(out, "intro: {}", scalar(&g.intro.join("\n\n")));
    }
    list(&mut out, "notes", &g.notes);
    out.push_str("steps:\n");
    for (platform, steps) in &g.steps {
        match steps {
            Err(other) => {
                let _ = writeln!(out, "  {platform}: {{same_as: {other}}}");
            }
            Ok(steps) => {
                let _ = writeln!(out, "  {platform}:");
                for s in steps {
                    step(&mut out, s, 4);
                }
            }
        }
    }
    if let Some(o) = &g.outcome {
        let _ = writeln!(out, "outcome: {}", scalar(o));
    }
    list(&mut out, "tips", &g.tips);
    list(&mut out, "warnings", &g.warnings);
    out
}

fn list(out: &mut String, key: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    let _ = writeln!(out, "{key}:");
    for i in items {
        let _ = writeln!(out, "  - {}", scalar(i));
    }
}

fn target(t: &Target) -> String {
    match t {
        Target::None => String::new(),
        Target::Control(key) => format!(" {key}"),
        Target::Free(text) => format!(" {}", quoted(text)),
    }
}

fn step(out: &mut String, s: &Step, indent: usize) {
    let pad = " ".repeat(indent);
    let head = match (&s.target, s.action) {
        (Target::Free(text), "do" | "wait") => format!("{}: {}", s.action, scalar(text)),
        (t, a) => format!("{a}:{}", target(t)),
    };
    let _ = writeln!(out, "{pad}- {head}");
    let field = |out: &mut String, k: &str, v: &str| {
        let _ = writeln!(out, "{pad}  {k}: {v}");
    };
    if let Some(v) = &s.value {
        field(out, "value", &scalar(v));
    }
    if let Some(v) = s.to {
        field(out, "to", v);
    }
    if let Some(v) = &s.cond {
        field(out, "if", &scalar(v));
    }
    if s.optional {
        field(out, "optional", "true");
    }
    if let Some(v) = &s.confirm {
        field(out, "confirm", v);
    }
    if let Some(v) = &s.detail {
        field(out, "detail", &scalar(v));
    }
    if let Some(v) = &s.note {
        field(out, "note", &scalar(v));
    }
    if let Some(v) = &s.warning {
        field(out, "warning", &scalar(v));
    }
    if let Some((src, alt)) = &s.image {
        let mut parts = Vec::new();
        if !src.is_empty() {
            parts.push(format!("src: {}", quoted(src)));
        }
        if !alt.is_empty() {
            parts.push(format!("alt: {}", quoted(alt)));
        }
        field(out, "image", &format!("{{{}}}", parts.join(", ")));
    }
    if !s.choices.is_empty() {
        let _ = writeln!(out, "{pad}  choices:");
        for c in &s.choices {
            let _ = writeln!(out, "{pad}    - {}", scalar(c));
        }
    }
    if !s.steps.is_empty() {
        let _ = writeln!(out, "{pad}  steps:");
        for sub in &s.steps {
            step(out, sub, indent + 4);
        }
    }
}

/// The glossary entries of `controls`, each under `  key:`.
pub(crate) fn glossary(controls: &[Control], all_platforms: &[String]) -> String {
    let mut out = String::new();
    for c in controls {
        let _ = writeln!(out, "  {}:", c.key);
        let _ = writeln!(out, "    role: {}", c.role.as_str());
        if c.other_labels.is_empty() {
            let _ = writeln!(out, "    label: {}", scalar(&c.label));
        } else {
            // One line per label, each with the platforms it is for.
            let _ = writeln!(out, "    label:");
            let mut on: Vec<&String> = c.on.iter().collect();
            on.sort_by_key(|p| all_platforms.iter().position(|q| q == *p));
            let mut groups: Vec<(Vec<&str>, &str)> = Vec::new();
            for p in on {
                let l = c.other_labels.get(p).unwrap_or(&c.label);
                match groups.iter_mut().find(|(_, g)| *g == l.as_str()) {
                    Some((ps, _)) => ps.push(p),
                    None => groups.push((vec![p.as_str()], l)),
                }
            }
            for (ps, l) in groups {
                let _ = writeln!(out, "      {}: {}", ps.join(", "), scalar(l));
            }
        }
        if let Some(d) = &c.description {
            let _ = writeln!(out, "    description: {}", scalar(d));
        }
        let places: Vec<(&String, &String)> = c.places.iter().collect();
        let same = places.windows(2).all(|w| w[0].1 == w[1].1) && places.len() == c.on.len();
        match places.first() {
            None => {}
            Some((_, w)) if same => {
                let _ = writeln!(out, "    where: {}", scalar(w));
            }
            Some(_) => {
                let _ = writeln!(out, "    where:");
                let mut ordered: Vec<(&String, &String)> = places.clone();
                ordered.sort_by_key(|(p, _)| all_platforms.iter().position(|q| q == *p));
                for (p, w) in ordered {
                    let _ = writeln!(out, "      {p}: {}", scalar(w));
                }
            }
        }
        let mut on: Vec<&String> = c.on.iter().collect();
        on.sort_by_key(|p| all_platforms.iter().position(|q| q == *p));
        if on.len() < all_platforms.len() {
            let on: Vec<&str> = on.iter().map(|s| s.as_str()).collect();
            let _ = writeln!(out, "    on: [{}]", on.join(", "));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars_read_back_as_written() {
        assert_eq!(scalar("Tap it"), "Tap it");
        assert_eq!(scalar("yes"), "\"yes\"");
        assert_eq!(scalar("Note: this"), "\"Note: this\"");
        assert_eq!(scalar("**Bold** start"), "\"**Bold** start\"");
        assert_eq!(scalar("2 min"), "\"2 min\"");
        assert_eq!(quoted("a \"b\" \\ c\n"), "\"a \\\"b\\\" \\\\ c\\n\"");
    }
}
