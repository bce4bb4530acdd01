//! Free-text fields of guides, for the rules that read prose: where each text sits, which
//! step it belongs to, and exact spans for words inside it.

use crate::source::{Pos, SourceMap, Span, Spanned};
pub use crate::texts::{Field, Text, texts};

/// The span of `value[start..end]` (byte offsets) in the file, when the value is written
/// on one line exactly as read (plain, or quoted without escapes); otherwise the whole
/// value's span. The second result says whether the span is exact (safe to fix).
pub fn sub_span(
    sources: &SourceMap,
    value: &Spanned<String>,
    start: usize,
    end: usize,
) -> (Span, bool) {
    let sp = value.span;
    let file = sources.get(sp.file);
    let (a, b) = (
        file.byte_offset(sp.start.index),
        file.byte_offset(sp.end.index),
    );
    let written = file.text.get(a..b).unwrap_or("");
    let v = value.value.as_str();
    let quote = if written == v {
        0
    } else if written.len() == v.len() + 2 && &written[1..written.len() - 1] == v {
        1
    } else {
        return (sp, false);
    };
    if sp.start.line != sp.end.line {
        return (sp, false);
    }
    let chars = |bytes: &str| bytes.chars().count() as u32;
    let at = |byte: usize| {
        let n = quote + chars(v.get(..byte).unwrap_or(""));
        Pos {
            line: sp.start.line,
            col: sp.start.col + n,
            index: sp.start.index + n,
        }
    };
    (
        Span {
            file: sp.file,
            start: at(start),
            end: at(end),
        },
        true,
    )
}

/// Byte ranges of whole-word, case-insensitive matches of `word` (which may hold spaces)
/// in `text`.
pub fn find_words(text: &str, word: &str) -> Vec<(usize, usize)> {
    // The common case, without lowercasing copies (rules call this for every text and word).
    if text.is_ascii() && word.is_ascii() && !word.is_empty() {
        return find_ascii(text.as_bytes(), word.as_bytes());
    }
    let lower = text.to_lowercase();
    let word = word.to_lowercase();
    if lower.len() != text.len() || word.is_empty() {
        // Lowercasing changed byte lengths (rare scripts); fall back to exact matching.
        return find_exact(text, &word);
    }
    find_exact(&lower, &word)
}

/// [`find_exact`] of ASCII `word` in ASCII `text`, ignoring ASCII case.
fn find_ascii(text: &[u8], word: &[u8]) -> Vec<(usize, usize)> {
    let is_word = |c: Option<&u8>| c.is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'-');
    let first = word[0].to_ascii_lowercase();
    let mut out = Vec::new();
    let mut s = 0;
    while s + word.len() <= text.len() {
        let e = s + word.len();
        if text[s].to_ascii_lowercase() != first || !text[s..e].eq_ignore_ascii_case(word) {
            s += 1;
            continue;
        }
        if !is_word(s.checked_sub(1).and_then(|p| text.get(p))) && !is_word(text.get(e)) {
            out.push((s, e));
        }
        s = e;
    }
    out
}

fn find_exact(text: &str, word: &str) -> Vec<(usize, usize)> {
    let is_word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '-');
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = text[from..].find(word) {
        let s = from + i;
        let e = s + word.len();
        if !is_word(text[..s].chars().next_back()) && !is_word(text[e..].chars().next()) {
            out.push((s, e));
        }
        from = e;
    }
    out
}

/// Replacement for `found` keeping a leading capital (`Login` -> `Sign in`).
pub fn keep_case(found: &str, replacement: &str) -> String {
    if found.chars().next().is_some_and(char::is_uppercase) {
        let mut c = replacement.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect())
            .unwrap_or_default()
    } else {
        replacement.to_owned()
    }
}

/// Quoted (`"X"`, `“X”`) or bold (`**X**`) phrases that look like UI labels: short and
/// starting with a capital letter or digit. Returns byte ranges of the inner text.
pub fn quoted_labels(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (open, close) in [("**", "**"), ("\u{201c}", "\u{201d}"), ("\"", "\"")] {
        let mut from = 0;
        while let Some(i) = text[from..].find(open) {
            let s = from + i + open.len();
            let Some(j) = text[s..].find(close) else {
                break;
            };
            let e = s + j;
            let inner = &text[s..e];
            let words = inner.split_whitespace().count();
            if (1..=6).contains(&words)
                && inner
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                && !inner.contains('\n')
            {
                out.push((s, e));
            }
            from = e + close.len();
        }
    }
    out.sort_unstable();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_matching_finds_what_lowercasing_finds() {
        let cases = [
            ("Login, then log in to login-page", "login"),
            (
                "Tap the GREEN button, then green-coloured Greenery",
                "green",
            ),
            ("next to next-to Next To", "next to"),
            ("aaa", "aa"),
            ("", "x"),
            ("Open Settings.", "settings"),
        ];
        for (text, word) in cases {
            let lower = text.to_lowercase();
            assert_eq!(
                find_words(text, word),
                find_exact(&lower, &word.to_lowercase()),
                "{text:?} {word:?}"
            );
        }
    }

    #[test]
    fn words_match_whole_words_only() {
        assert_eq!(
            find_words("Login, then log in to login-page", "login"),
            [(0, 5)]
        );
        assert_eq!(
            find_words("Click here, then click", "click"),
            [(0, 5), (17, 22)]
        );
        assert_eq!(find_words("tap it", "log in"), []);
    }

    #[test]
    fn quoted_label_like_phrases() {
        let t = "Choose **Account**, then \"Sign out\" or “Log out”, not \"a b c d e f g\".";
        let found: Vec<&str> = quoted_labels(t).iter().map(|&(s, e)| &t[s..e]).collect();
        assert_eq!(found, ["Account", "Sign out", "Log out"]);
    }

    #[test]
    fn every_free_text_field_is_listed() {
        let yaml = "title: How to x\nsummary: X.\nsteps:\n  web:\n    - tap: \"the big button\"\n      image: {src: a.png, alt: The big button}\ntroubleshooting:\n  - problem: It fails.\n    solution: Try again.\n";
        let files: [(&str, &[u8]); 2] = [
            ("demo/product.yaml", b"name: Demo\n"),
            ("demo/g.yaml", yaml.as_bytes()),
        ];
        let (project, _) = crate::load::load_in_memory(&files).expect("in-memory load");
        let fields: Vec<(Field, &str)> = texts(&project.guides[0])
            .iter()
            .map(|t| (t.field, t.text.value.as_str()))
            .filter(|(f, _)| matches!(f, Field::Alt | Field::Target | Field::Trouble))
            .collect();
        assert_eq!(
            fields,
            [
                (Field::Alt, "The big button"),
                (Field::Target, "the big button"),
                (Field::Trouble, "It fails."),
                (Field::Trouble, "Try again."),
            ]
        );
    }

    #[test]
    fn case_is_kept() {
        assert_eq!(keep_case("Login", "sign in"), "Sign in");
        assert_eq!(keep_case("login", "sign in"), "sign in");
    }
}
