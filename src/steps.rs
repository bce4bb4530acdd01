//! Step numbers and step references: the number and anchor each step gets on one platform
//! (`3`, `3.1` for a sub-step, `3.2.1` for the first step of a step's second option), and
//! `{step:id}` references in step text, which render as that number with a link, so
//! renumbering a procedure never breaks them.

use std::borrow::Cow;

use crate::resolve::{PlatformSteps, ResolvedStep};
use crate::source::Spanned;

/// The number and anchor of one step on one platform.
#[derive(Debug, Clone)]
pub struct Numbered<'p> {
    /// The step's id, if it has one.
    pub id: Option<&'p Spanned<String>>,
    /// Number shown (`3`, `3.1`, `3.2.1`).
    pub number: String,
    /// Anchor id on the page (`android-3`, `android-3-1`, `android-3-2-1`).
    pub anchor: String,
}

/// The anchor of a step numbered `number` on `platform`.
pub fn anchor(platform: &str, number: &str) -> String {
    format!("{platform}-{}", number.replace('.', "-"))
}

/// The number a sub-step gets under `parent`.
pub fn sub_number(parent: &str, i: usize) -> String {
    format!("{parent}.{}", i + 1)
}

/// The number the `j`-th step of a step's `k`-th option gets (both from 0).
pub fn option_number(parent: &str, k: usize, j: usize) -> String {
    format!("{parent}.{}.{}", k + 1, j + 1)
}

/// The steps of a platform's procedure that have an id, numbered, in reading order (most
/// procedures have none: then nothing is allocated).
pub fn numbered<'p>(ps: &PlatformSteps<'p>) -> Vec<Numbered<'p>> {
    let pid = ps.platform.id.as_str();
    let mut out = Vec::new();
    let mut push = |rs: &ResolvedStep<'p>, number: &dyn Fn() -> String| {
        if rs.id.is_some() {
            let number = number();
            out.push(Numbered {
                id: rs.id,
                anchor: anchor(pid, &number),
                number,
            });
        }
    };
    for (i, rs) in ps.steps.iter().enumerate() {
        let n = || (i + 1).to_string();
        push(rs, &n);
        for (j, sub) in rs.substeps.iter().enumerate() {
            push(sub, &|| sub_number(&n(), j));
        }
        for (k, o) in rs.options.iter().enumerate() {
            for (j, sub) in o.steps.iter().enumerate() {
                push(sub, &|| option_number(&n(), k, j));
            }
        }
    }
    out
}

/// A `{step:id}` reference in a text: byte range of the whole reference and the id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference<'t> {
    /// Start of `{step:`.
    pub start: usize,
    /// End, after `}`.
    pub end: usize,
    /// The id between `{step:` and `}`, trimmed.
    pub id: &'t str,
}

/// Every `{step:id}` reference in `text`.
pub fn references(text: &str) -> Vec<Reference<'_>> {
    const OPEN: &str = "{step:";
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = text[from..].find(OPEN) {
        let start = from + i;
        let body = start + OPEN.len();
        let Some(j) = text[body..].find('}') else {
            break;
        };
        let end = body + j + 1;
        out.push(Reference {
            start,
            end,
            id: text[body..body + j].trim(),
        });
        from = end;
    }
    out
}

/// `text` with each `{step:id}` replaced by what `words` gives for the id; an id with no
/// step is left as its id (`check` reports it).
pub fn replace<'t>(text: &'t str, words: impl Fn(&str) -> Option<String>) -> Cow<'t, str> {
    let refs = references(text);
    if refs.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut at = 0;
    for r in refs {
        out.push_str(&text[at..r.start]);
        match words(r.id) {
            Some(w) => out.push_str(&w),
            None => out.push_str(r.id),
        }
        at = r.end;
    }
    out.push_str(&text[at..]);
    Cow::Owned(out)
}

fn find<'a, 'p>(steps: &'a [Numbered<'p>], id: &str) -> Option<&'a Numbered<'p>> {
    steps.iter().find(|n| n.id.is_some_and(|i| i.value == id))
}

/// `text` with each `{step:id}` replaced by a Markdown link to the step (`[step 4](#android-4)`).
pub fn expand<'t>(text: &'t str, steps: &[Numbered<'_>]) -> Cow<'t, str> {
    replace(text, |id| {
        find(steps, id).map(|n| format!("[step {}](#{})", n.number, n.anchor))
    })
}

/// `text` with each `{step:id}` replaced by the plain words `step 4` (JSON text, terminal).
pub fn expand_plain<'t>(text: &'t str, steps: &[Numbered<'_>]) -> Cow<'t, str> {
    replace(text, |id| {
        find(steps, id).map(|n| format!("step {}", n.number))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{FileId, Span};

    #[test]
    fn references_are_found() {
        let t = "Go back to {step:sign-in}, then {step: confirm }.";
        let ids: Vec<&str> = references(t).iter().map(|r| r.id).collect();
        assert_eq!(ids, ["sign-in", "confirm"]);
        assert!(references("no {step without end").is_empty());
    }

    #[test]
    fn references_expand_to_the_current_number() {
        let id = Spanned::new("confirm".to_owned(), Span::file_start(FileId(0)));
        let steps = [Numbered {
            id: Some(&id),
            number: "4".into(),
            anchor: "android-4".into(),
        }];
        assert_eq!(
            expand("Repeat {step:confirm}.", &steps),
            "Repeat [step 4](#android-4)."
        );
        assert_eq!(
            expand_plain("Repeat {step:confirm}.", &steps),
            "Repeat step 4."
        );
        assert_eq!(expand("Repeat {step:nope}.", &steps), "Repeat nope.");
    }
}
