//! The sentence a step stands for ("Tap **My Netflix** (bottom right).") as structured
//! pieces, so that HTML, Markdown checklists, plain text and JSON all say the same thing.

use super::escape;
use crate::model::{Action, Platform, Product, Step, Target, Toggle};

/// One piece of an instruction.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "kind", content = "text", rename_all = "lowercase")]
pub enum Piece {
    /// Plain words.
    Text(String),
    /// A UI label (shown in bold).
    Ui(String),
    /// Author-written Markdown (inline).
    Markdown(String),
    /// Where the preceding UI element sits (`bottom right`), shown in parentheses.
    Where(String),
}

/// A step's instruction for one platform.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct Instruction {
    /// The sentence.
    pub pieces: Vec<Piece>,
    /// Where the target sits, if the glossary says (`bottom right`).
    pub location: Option<String>,
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The label of a target on a platform, and its location.
pub fn target_label(
    target: &Target,
    platform: &Platform,
    product: Option<&Product>,
) -> (String, Option<String>) {
    match target {
        Target::Text(t) => (t.value.clone(), None),
        Target::Key(k) => match product.and_then(|p| p.control(&k.value)) {
            Some(c) => (
                c.label
                    .get(&platform.id)
                    .map_or_else(|| k.value.clone(), |l| l.value.clone()),
                c.location
                    .as_ref()
                    .and_then(|l| l.get(&platform.id))
                    .map(|l| l.value.clone()),
            ),
            None => (k.value.clone(), None),
        },
    }
}

/// Builds the instruction of `step` as `platform` reads it.
pub fn instruction(step: &Step, platform: &Platform, product: Option<&Product>) -> Instruction {
    let mut pieces = Vec::new();
    let mut location = None;
    let target = step.target.as_ref().map(|t| {
        let (label, loc) = target_label(t, platform, product);
        location = loc;
        label
    });
    if let Some(cond) = &step.condition {
        pieces.push(Piece::Text("If ".into()));
        pieces.push(Piece::Markdown(cond.value.clone()));
        pieces.push(Piece::Text(", ".into()));
    }
    action(
        &mut pieces,
        step,
        platform,
        product,
        target,
        location.clone(),
    );
    if let Some(c) = &step.confirm {
        let (label, _) = target_label(c, platform, product);
        pieces.push(Piece::Text(", then confirm with ".into()));
        pieces.push(Piece::Ui(label));
    }
    if !matches!(step.action.value, Action::Do) {
        pieces.push(Piece::Text(".".into()));
    }
    Instruction { pieces, location }
}

/// The verb of an action as `platform` says it (`click`, `tap`, `turn on`).
fn verb(step: &Step, platform: &Platform) -> String {
    match step.action.value {
        Action::Click => "click".to_owned(),
        Action::Tap => "tap".to_owned(),
        Action::Press => platform.verb.clone(),
        Action::Select => "select".to_owned(),
        Action::Open => "open".to_owned(),
        Action::ScrollTo => "scroll to".to_owned(),
        Action::Type => "type".to_owned(),
        Action::Toggle => match step.to.as_ref().map(|t| t.value) {
            Some(Toggle::On) => "turn on".to_owned(),
            Some(Toggle::Off) => "turn off".to_owned(),
            None => "switch".to_owned(),
        },
        Action::Swipe => "swipe".to_owned(),
        Action::Hover => "hover over".to_owned(),
        Action::SignIn => "sign in".to_owned(),
        Action::Wait => "wait".to_owned(),
        Action::Do => String::new(),
    }
}

/// The action and its target (`Tap **My Netflix** (bottom right)`), after any condition.
fn action(
    pieces: &mut Vec<Piece>,
    step: &Step,
    platform: &Platform,
    product: Option<&Product>,
    target: Option<String>,
    location: Option<String>,
) {
    // After "If …, " the sentence goes on in lower case.
    let lead = |s: String| {
        if step.condition.is_some() {
            s
        } else {
            capitalize(&s)
        }
    };
    let verb = verb(step, platform);
    let ui = |pieces: &mut Vec<Piece>, joiner: &str, t: String| {
        pieces.push(Piece::Text(joiner.into()));
        pieces.push(Piece::Ui(t));
        pieces.extend(location.clone().map(Piece::Where));
    };
    match step.action.value {
        Action::Do => {
            let text = step
                .text
                .as_ref()
                .map_or(String::new(), |t| t.value.clone());
            let text = if step.condition.is_some() {
                lower_first(&text)
            } else {
                text
            };
            pieces.push(Piece::Markdown(text));
        }
        Action::Wait => {
            pieces.push(Piece::Text(lead(verb)));
            if let Some(t) = &step.text {
                pieces.push(Piece::Text(" ".into()));
                pieces.push(Piece::Markdown(t.value.clone()));
            }
        }
        Action::Type => {
            pieces.push(Piece::Text(lead(verb)));
            if let Some(v) = &step.value {
                pieces.push(Piece::Text(format!(" “{}”", v.value)));
            }
            if let Some(t) = target {
                ui(pieces, " in ", t);
            }
        }
        Action::SignIn => {
            pieces.push(Piece::Text(lead(verb)));
            match (target, product) {
                (Some(t), _) => ui(pieces, " to ", t),
                (None, Some(p)) => pieces.push(Piece::Text(format!(" to {}", p.name.value))),
                (None, None) => {}
            }
        }
        _ => {
            pieces.push(Piece::Text(lead(verb)));
            if let Some(t) = target {
                ui(pieces, " ", t);
            }
        }
    }
}

impl Instruction {
    /// As Markdown (`Tap **My Netflix** (bottom right).`).
    pub fn to_markdown(&self) -> String {
        let mut out = String::new();
        for p in &self.pieces {
            match p {
                Piece::Text(t) => out.push_str(&escape::markdown(t)),
                Piece::Ui(t) => {
                    out.push_str("**");
                    out.push_str(&escape::markdown(t));
                    out.push_str("**");
                }
                Piece::Markdown(m) => out.push_str(m),
                Piece::Where(w) => out.push_str(&format!(" ({})", escape::markdown(w))),
            }
        }
        out
    }

    /// As plain text (`Tap "My Netflix" (bottom right).`).
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for p in &self.pieces {
            match p {
                Piece::Text(t) => out.push_str(t),
                Piece::Markdown(m) => out.push_str(&super::markdown::to_plain(m)),
                Piece::Ui(t) => {
                    out.push('“');
                    out.push_str(t);
                    out.push('”');
                }
                Piece::Where(w) => out.push_str(&format!(" ({w})")),
            }
        }
        out
    }
}
