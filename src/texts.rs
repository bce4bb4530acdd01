//! The free-text fields of a guide: every piece of prose a reader sees (instructions,
//! details, notes, tips, troubleshooting, alt text, free-text targets...), with what it is
//! and the step it belongs to, for the rules that read prose.

use crate::model::{Guide, Step};
use crate::source::Spanned;

/// What a piece of text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// A `do:` or `wait:` instruction.
    Instruction,
    /// A step's `detail`.
    Detail,
    /// A step's `if`.
    Condition,
    /// A step's `result`.
    Result,
    /// A step's `note`, or a guide-level note.
    Note,
    /// A step's `warning`.
    Warning,
    /// A step's choice.
    Choice,
    /// A guide tip.
    Tip,
    /// Guide-level prose (intro, warnings, goals, prerequisites, reasons a platform is not
    /// covered, outcome, facts).
    Prose,
    /// A `troubleshooting` entry's problem or solution.
    Trouble,
    /// A step image's alt text.
    Alt,
    /// A free-text target (`tap: "the big red button"`) or confirmation.
    Target,
}

/// A text field with its step (if any).
#[derive(Debug, Clone, Copy)]
pub struct Text<'g> {
    /// The text and its span.
    pub text: &'g Spanned<String>,
    /// What it is.
    pub field: Field,
    /// The step it belongs to.
    pub step: Option<&'g Step>,
}

/// The free-text fields of one step (not of its sub-steps).
fn step_texts<'g>(s: &'g Step, out: &mut Vec<Text<'g>>) {
    let fields = [
        (&s.text, Field::Instruction),
        (&s.detail, Field::Detail),
        (&s.condition, Field::Condition),
        (&s.result, Field::Result),
        (&s.note, Field::Note),
        (&s.warning, Field::Warning),
    ];
    for (t, field) in fields {
        if let Some(text) = t {
            out.push(Text {
                text,
                field,
                step: Some(s),
            });
        }
    }
    if let Some(alt) = s.image.as_ref().and_then(|i| i.alt.as_ref()) {
        out.push(Text {
            text: alt,
            field: Field::Alt,
            step: Some(s),
        });
    }
    for t in [s.target.as_ref(), s.confirm.as_ref()]
        .into_iter()
        .flatten()
    {
        if let crate::model::Target::Text(text) = t {
            out.push(Text {
                text,
                field: Field::Target,
                step: Some(s),
            });
        }
    }
    for c in &s.choices {
        out.push(Text {
            text: c,
            field: Field::Choice,
            step: Some(s),
        });
    }
    // An option's `if` reads like a step's; a `label` like a choice.
    for o in &s.options {
        out.push(Text {
            text: &o.label,
            field: if o.condition {
                Field::Condition
            } else {
                Field::Choice
            },
            step: Some(s),
        });
    }
}

/// Every free-text field of a guide.
pub fn texts(g: &Guide) -> Vec<Text<'_>> {
    texts_of(g, &g.written_steps())
}

/// Every free-text field of a guide whose written steps are `written`.
pub(crate) fn texts_of<'g>(g: &'g Guide, written: &[&'g Step]) -> Vec<Text<'g>> {
    let mut out = Vec::new();
    for s in written {
        step_texts(s, &mut out);
    }
    for t in &g.tips {
        out.push(Text {
            text: t,
            field: Field::Tip,
            step: None,
        });
    }
    for n in &g.notes {
        out.push(Text {
            text: &n.text,
            field: Field::Note,
            step: None,
        });
    }
    let prose = g
        .intro
        .iter()
        .chain(g.warnings.iter())
        .chain(g.goals.iter().map(|goal| &goal.text))
        .chain(g.prerequisites.iter())
        .chain(g.unavailable_on.iter().map(|u| &u.reason))
        .chain(
            g.outcome
                .iter()
                .flat_map(|o| o.text.iter().chain(o.facts.iter())),
        );
    for t in prose {
        out.push(Text {
            text: t,
            field: Field::Prose,
            step: None,
        });
    }
    for t in &g.troubleshooting {
        for text in [&t.problem, &t.solution] {
            out.push(Text {
                text,
                field: Field::Trouble,
                step: None,
            });
        }
    }
    out
}
