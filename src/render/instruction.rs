//! The sentence a step stands for ("Tap **My Netflix** (bottom right).") as structured
//! pieces, so that HTML, Markdown checklists, plain text and JSON all say the same thing.

use super::escape;
use crate::locale::{Arg, Locale};
use crate::model::{Action, Platform, Product, Role, Step, Target, Toggle};

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
    /// A placeholder for what the reader's own screen or input has (`your name`), written
    /// `[your name]` in labels and typed values.
    Var(String),
}

/// The placeholder a whole text is (`[your name]` gives `your name`).
pub fn placeholder(text: &str) -> Option<&str> {
    let inner = text.trim().strip_prefix('[')?.strip_suffix(']')?.trim();
    (!inner.is_empty() && !inner.contains(['[', ']'])).then_some(inner)
}

/// A text cut into plain runs and placeholders (`true`): `[first].[last]@example.com`.
pub fn split_placeholders(text: &str) -> Vec<(bool, &str)> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find(']').map(|c| open + c) else {
            break;
        };
        let inner = rest[open + 1..close].trim();
        if inner.is_empty() || inner.contains('[') || rest[close + 1..].starts_with('(') {
            out.push((false, &rest[..=open]));
            rest = &rest[open + 1..];
            continue;
        }
        if open > 0 {
            out.push((false, &rest[..open]));
        }
        out.push((true, inner));
        rest = &rest[close + 1..];
    }
    if !rest.is_empty() {
        out.push((false, rest));
    }
    // Merge neighbouring plain runs (left by skipped brackets).
    let mut merged: Vec<(bool, &str)> = Vec::new();
    for (var, t) in out {
        match merged.last_mut() {
            Some((false, prev)) if !var => {
                let start = prev.as_ptr() as usize - text.as_ptr() as usize;
                *prev = &text[start..start + prev.len() + t.len()];
            }
            _ => merged.push((var, t)),
        }
    }
    merged
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

/// `text` to go on after a comma: its first word in lower case if it is an ordinary word
/// the locale lists (`You see` → `you see`), unchanged if it is a name or starts with markup.
fn continue_clause(text: &str, locale: &Locale) -> String {
    let word: String = text.chars().take_while(|c| c.is_alphabetic()).collect();
    let lower = word.to_lowercase();
    let is_ordinary = word.chars().skip(1).all(char::is_lowercase);
    if !word.is_empty() && is_ordinary && locale.has_word("step-lower-in-clause", None, &lower) {
        format!("{lower}{}", &text[word.len()..])
    } else {
        text.to_owned()
    }
}

/// The first letter of `text` in upper case, if it starts with one (Markdown such as
/// `*Who's watching?*` or a code span keeps its first character).
fn start_sentence(text: &str) -> String {
    match text.chars().next() {
        Some(c) if c.is_alphabetic() => capitalize(text),
        _ => text.to_owned(),
    }
}

/// A condition as it follows "If ": without a leading "If" the author wrote too, nor the
/// punctuation that ends it (`If you see Devices.` → `you see Devices`).
#[cfg(test)]
pub(crate) fn condition_text(cond: &str) -> String {
    condition_in(cond, &Locale::english())
}

/// [`condition_text`] in a language: without the words of `step-condition-prefixes`.
pub(crate) fn condition_in(cond: &str, locale: &Locale) -> String {
    let t = cond.trim();
    let first: String = t.chars().take_while(|c| c.is_alphabetic()).collect();
    let t = if !first.is_empty()
        && t[first.len()..].starts_with(' ')
        && locale.has_word("step-condition-prefixes", None, &first)
    {
        t[first.len()..].trim_start()
    } else {
        t
    };
    continue_clause(trim_clause_end(t), locale)
}

/// `text` without the punctuation and spaces that would end a sentence or clause.
fn trim_clause_end(text: &str) -> &str {
    text.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':'))
}

/// True if the sentence already ends as a sentence does (`.`, `!`, `?`, `…`, or one of
/// them inside closing Markdown or quotes: `**Done!**`).
fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '*' | '_' | '`' | '"' | '”' | '’' | '\'' | ')' | '»')
    });
    t.ends_with(['.', '!', '?', '…', '。', '؟'])
}

/// The first word of `text`, in lower case.
fn first_word(text: &str) -> String {
    text.split_whitespace().next().unwrap_or("").to_lowercase()
}

/// An icon's description as it reads in brackets after its label: with the locale's
/// article (`step-described`) unless it starts with a determiner (`three horizontal lines`
/// → `the three horizontal lines`).
fn described(description: &str, locale: &Locale) -> String {
    let d = trim_clause_end(description.trim());
    let inner = continue_clause_word(d, locale);
    if d.is_empty() || locale.has_word("step-determiners", None, &first_word(d)) {
        inner
    } else {
        locale.text_with("step-described", &[("description", Arg::Str(&inner))])
    }
}

/// `d` with its first letter in lower case when it is an ordinary capitalised word
/// (`Three lines` → `three lines`), as it reads after "the"; unchanged where the locale
/// keeps capitals (`step-lowercase-inside = no`).
fn continue_clause_word(d: &str, locale: &Locale) -> String {
    let word: String = d.chars().take_while(|c| c.is_alphabetic()).collect();
    if locale.flag("step-lowercase-inside")
        && word.chars().skip(1).all(char::is_lowercase)
        && (word.chars().count() > 1 || word == "A")
    {
        let mut c = d.chars();
        match c.next() {
            Some(f) => f.to_lowercase().chain(c).collect(),
            None => String::new(),
        }
    } else {
        d.to_owned()
    }
}

/// A screen's label as the object of a sentence (`Netflix app` → `the Netflix app`): with
/// the locale's `step-screen` pattern when its last (or, per `.first`, its first) word is
/// a kind of screen and it does not start with a determiner. The pattern gets the noun as
/// `$noun` and the action as `$action` (`open`, `sign-in`), to choose an article by them.
fn screen_name(label: &str, action: &str, locale: &Locale) -> String {
    let last = label
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("")
        .to_lowercase();
    let first = first_word(label);
    if !label.contains(char::is_whitespace) || locale.has_word("step-determiners", None, &first) {
        return label.to_owned();
    }
    let (noun, label) = if locale.has_word("step-screen-nouns", None, &last) {
        (last, label.to_owned())
    } else if locale.has_word("step-screen-nouns", Some("first"), &first) {
        (first, continue_clause_word(label, locale))
    } else {
        return label.to_owned();
    };
    // Fluent's variant keys are ASCII: `écran` is chosen by `[ecran]`.
    let noun = deunicode::deunicode(&noun);
    locale.text_with(
        "step-screen",
        &[
            ("label", Arg::Str(&label)),
            ("noun", Arg::Str(&noun)),
            ("action", Arg::Str(action)),
        ],
    )
}

/// What a target is called on a platform, and how a sentence shows it.
#[derive(Debug, Clone)]
struct Named {
    /// A glossary control's label in bold, a screen's name in words, free text as written.
    piece: Piece,
    /// Where the control sits, as the glossary says (`bottom right`).
    location: Option<String>,
    /// What's shown in brackets after it: the icon's description and its location.
    aside: Option<String>,
    /// The control's role (`button`), `text` for the author's words.
    role: &'static str,
}

/// `place`: the action that makes the target where the reader goes (`open`, `sign-in`), so
/// a screen reads as a place (`the Netflix app`) rather than as a label to press.
fn named(
    target: &Target,
    platform: &Platform,
    product: Option<&Product>,
    place: Option<&str>,
    locale: &Locale,
) -> Named {
    let (label, location) = target_label(target, platform, product);
    let control = match target {
        Target::Key(k) => product.and_then(|p| p.control(&k.value)),
        Target::Text(_) => None,
    };
    let piece = match (target, control) {
        // The author's own words: Markdown, bold only where the author made it so.
        (_, _) if placeholder(&label).is_some() => {
            Piece::Var(placeholder(&label).unwrap_or_default().to_owned())
        }
        (Target::Text(_), _) => Piece::Markdown(label),
        (_, Some(c)) if place.is_some() && c.role.value == Role::Screen => {
            Piece::Text(screen_name(&label, place.unwrap_or_default(), locale))
        }
        _ => Piece::Ui(label),
    };
    let description = control
        .and_then(|c| c.description.as_ref())
        .map(|d| described(&d.value, locale))
        .filter(|d| !d.is_empty());
    let aside = match (description, &location) {
        (Some(d), Some(l)) => Some(locale.text_with(
            "step-aside",
            &[("description", Arg::Str(&d)), ("where", Arg::Str(l))],
        )),
        (Some(d), None) => Some(d),
        (None, l) => l.clone(),
    };
    Named {
        piece,
        location,
        aside,
        role: control.map_or("text", |c| c.role.value.as_str()),
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

/// Removes the punctuation that ends the sentence so far, before a clause is added to it
/// (no "., then confirm").
fn trim_pieces_end(pieces: &mut [Piece]) {
    if let Some(Piece::Text(t) | Piece::Markdown(t)) = pieces.last_mut() {
        let kept = trim_clause_end(t).len();
        t.truncate(kept);
    }
}

/// Marks that stand for a slot (a run of pieces) inside a formatted pattern: a character of
/// Unicode's private use area, the slot's number, another.
const SLOT_OPEN: char = '\u{E000}';
const SLOT_CLOSE: char = '\u{E001}';

/// The structured parts of a sentence while its pattern is formatted: each variable that
/// stands for pieces (a bold label, the author's Markdown) is a mark in the pattern's text,
/// replaced by its pieces afterwards, so a pattern may put it anywhere.
#[derive(Default)]
struct Slots {
    runs: Vec<Vec<Piece>>,
}

impl Slots {
    /// A mark standing for `pieces`.
    fn mark(&mut self, pieces: Vec<Piece>) -> String {
        self.runs.push(pieces);
        format!("{SLOT_OPEN}{}{SLOT_CLOSE}", self.runs.len() - 1)
    }

    /// The message `key` (or its attribute) formatted with `args` (`$name` given as
    /// pieces in `slots`), as pieces.
    fn sentence(
        &mut self,
        locale: &Locale,
        key: &str,
        attr: Option<&str>,
        args: &[(&str, Arg<'_>)],
        slots: Vec<(&str, Vec<Piece>)>,
    ) -> Vec<Piece> {
        let marks: Vec<(&str, String)> = slots
            .into_iter()
            .map(|(name, pieces)| (name, self.mark(pieces)))
            .collect();
        let mut all: Vec<(&str, Arg<'_>)> = args.to_vec();
        all.extend(marks.iter().map(|(n, m)| (*n, Arg::Str(m))));
        let text = locale
            .format(key, attr, &all)
            .or_else(|| locale.format(key, None, &all))
            .unwrap_or_default();
        self.expand(&text)
    }

    /// `text` cut at its marks, each replaced by its pieces; neighbouring words merged.
    fn expand(&mut self, text: &str) -> Vec<Piece> {
        let mut out: Vec<Piece> = Vec::new();
        let push_text = |out: &mut Vec<Piece>, t: &str| {
            if t.is_empty() {
                return;
            }
            match out.last_mut() {
                Some(Piece::Text(prev)) => prev.push_str(t),
                _ => out.push(Piece::Text(t.to_owned())),
            }
        };
        let mut rest = text;
        while let Some(open) = rest.find(SLOT_OPEN) {
            push_text(&mut out, &rest[..open]);
            let after = &rest[open + SLOT_OPEN.len_utf8()..];
            let Some(close) = after.find(SLOT_CLOSE) else {
                rest = after;
                continue;
            };
            let run = after[..close]
                .parse::<usize>()
                .ok()
                .and_then(|i| self.runs.get_mut(i))
                .map(std::mem::take)
                .unwrap_or_default();
            for p in run {
                match p {
                    Piece::Text(t) => push_text(&mut out, &t),
                    p => out.push(p),
                }
            }
            rest = &after[close + SLOT_CLOSE.len_utf8()..];
        }
        push_text(&mut out, rest);
        out
    }
}

/// Builds the instruction of `step` as `platform` reads it, in `locale`'s language (its
/// `step-*` patterns).
pub fn instruction(
    step: &Step,
    platform: &Platform,
    product: Option<&Product>,
    locale: &Locale,
) -> Instruction {
    let place = matches!(step.action.value, Action::Open | Action::SignIn)
        .then(|| step.action.value.as_str());
    let target = step
        .target
        .as_ref()
        .map(|t| named(t, platform, product, place, locale));
    let location = target.as_ref().and_then(|t| t.location.clone());
    let mut slots = Slots::default();
    let mut pieces = action(&mut slots, step, platform, product, target, locale);
    // The sentence starts with the action, or goes on in lower case after "If …, ".
    if let Some(Piece::Text(t) | Piece::Markdown(t)) = pieces.first_mut() {
        *t = if step.condition.is_some() {
            continue_clause(t, locale)
        } else {
            start_sentence(t)
        };
    }
    if let Some(c) = &step.confirm {
        let c = named(c, platform, product, None, locale);
        trim_pieces_end(&mut pieces);
        pieces = slots.sentence(
            locale,
            "step-confirm",
            None,
            &[("role", Arg::Str(c.role))],
            vec![("action", pieces), ("target", vec![c.piece])],
        );
    }
    if let Some(cond) = &step.condition {
        let cond = vec![Piece::Markdown(condition_in(&cond.value, locale))];
        pieces = slots.sentence(
            locale,
            "step-if",
            None,
            &[],
            vec![("condition", cond), ("action", pieces)],
        );
    }
    let text: String = pieces
        .iter()
        .map(|p| match p {
            Piece::Text(t) | Piece::Ui(t) | Piece::Markdown(t) | Piece::Var(t) => t.as_str(),
            Piece::Where(_) => ")",
        })
        .collect();
    if !ends_sentence(&text) || matches!(pieces.last(), Some(Piece::Where(_))) {
        let stop = locale.text("step-full-stop");
        match pieces.last_mut() {
            Some(Piece::Text(t)) => t.push_str(&stop),
            _ => pieces.push(Piece::Text(stop)),
        }
    }
    Instruction { pieces, location }
}

/// The verb a pressing action uses on `platform` (`click`, `tap`, `select`, or the
/// platform's own for `press`), as the platform names it.
fn verb_kind<'s>(step: &Step, platform: &'s Platform) -> &'s str {
    match step.action.value {
        Action::Click => "click",
        Action::Tap => "tap",
        Action::Select => "select",
        _ => platform.verb.as_str(),
    }
}

/// The action and its target (`tap **My Netflix** (bottom right)`), before any condition
/// or confirmation, from the locale's `step-<action>` pattern.
fn action(
    slots: &mut Slots,
    step: &Step,
    platform: &Platform,
    product: Option<&Product>,
    target: Option<Named>,
    locale: &Locale,
) -> Vec<Piece> {
    let role = target.as_ref().map_or("none", |t| t.role);
    let object = target.map(|t| {
        let mut v = vec![t.piece];
        v.extend(t.aside.map(Piece::Where));
        v
    });
    let text = step.text.as_ref().map(|t| t.value.trim().to_owned());
    let mut args: Vec<(&str, Arg<'_>)> = vec![("role", Arg::Str(role))];
    let mut parts: Vec<(&str, Vec<Piece>)> = Vec::new();
    let key = match step.action.value {
        Action::Click | Action::Tap | Action::Select | Action::Press => {
            let kind = verb_kind(step, platform);
            let verb_key = format!("verb-{kind}");
            let verb = locale
                .format(&verb_key, None, &[])
                .unwrap_or_else(|| kind.to_owned());
            return press(slots, locale, kind, &verb, role, object);
        }
        Action::Open => "step-open",
        Action::ScrollTo => "step-scroll-to",
        Action::Toggle => {
            let to = match step.to.as_ref().map(|t| t.value) {
                Some(Toggle::On) => "on",
                Some(Toggle::Off) => "off",
                None => "other",
            };
            args.push(("to", Arg::Str(to)));
            "step-toggle"
        }
        Action::Swipe => "step-swipe",
        Action::Hover => "step-hover",
        Action::SignIn => "step-sign-in",
        Action::Type => "step-type",
        Action::Wait => "step-wait",
        Action::Do => "step-do",
    };
    let attr = match step.action.value {
        Action::Type => {
            let value = step.value.as_ref().map(|v| typed(slots, locale, &v.value));
            let attr = match (&value, &object) {
                (Some(_), Some(_)) => None,
                (Some(_), None) => Some("value"),
                (None, Some(_)) => Some("target"),
                (None, None) => Some("alone"),
            };
            parts.extend(value.map(|v| ("value", v)));
            parts.extend(object.map(|o| ("target", o)));
            attr
        }
        Action::SignIn => {
            let object =
                object.or_else(|| product.map(|p| vec![Piece::Text(p.name.value.clone())]));
            let attr = object.is_none().then_some("alone");
            parts.extend(object.map(|o| ("target", o)));
            attr
        }
        Action::Wait => {
            let attr = text.is_none().then_some("alone");
            parts.extend(text.map(|t| ("text", vec![Piece::Markdown(t)])));
            attr
        }
        Action::Do => {
            parts.push(("text", vec![Piece::Markdown(text.unwrap_or_default())]));
            None
        }
        _ => {
            let attr = object.is_none().then_some("alone");
            parts.extend(object.map(|o| ("target", o)));
            attr
        }
    };
    slots.sentence(locale, key, attr, &args, parts)
}

/// A pressing action (`click`, `tap`, `select`, `press`): `step-press` with the verb.
fn press(
    slots: &mut Slots,
    locale: &Locale,
    kind: &str,
    verb: &str,
    role: &str,
    object: Option<Vec<Piece>>,
) -> Vec<Piece> {
    let args = [
        ("verb", Arg::Str(verb)),
        ("kind", Arg::Str(kind)),
        ("role", Arg::Str(role)),
    ];
    let attr = object.is_none().then_some("alone");
    let parts = object.map(|o| vec![("target", o)]).unwrap_or_default();
    slots.sentence(locale, "step-press", attr, &args, parts)
}

/// What to type: quoted as written (`step-quoted`), placeholders as such ("Type *your
/// name* in ...").
fn typed(slots: &mut Slots, locale: &Locale, value: &str) -> Vec<Piece> {
    if let Some(p) = placeholder(value) {
        return vec![Piece::Var(p.to_owned())];
    }
    let inner: Vec<Piece> = split_placeholders(value)
        .into_iter()
        .map(|(var, t)| {
            if var {
                Piece::Var(t.to_owned())
            } else {
                Piece::Text(t.to_owned())
            }
        })
        .collect();
    slots.sentence(locale, "step-quoted", None, &[], vec![("value", inner)])
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
                Piece::Var(v) => {
                    out.push('*');
                    out.push_str(&escape::markdown(v));
                    out.push('*');
                }
            }
        }
        out
    }

    /// As plain text (`Tap "My Netflix" (bottom right).`).
    pub fn to_text(&self) -> String {
        self.to_text_in(&Locale::english())
    }

    /// As plain text, UI labels quoted as `locale`'s `step-ui-quoted` says (French
    /// `«\u{a0}Profil\u{a0}»`).
    pub fn to_text_in(&self, locale: &Locale) -> String {
        let mut out = String::new();
        for p in &self.pieces {
            match p {
                Piece::Text(t) => out.push_str(t),
                Piece::Markdown(m) => out.push_str(&super::markdown::to_plain(m)),
                Piece::Ui(t) => {
                    out.push_str(&locale.text_with("step-ui-quoted", &[("label", Arg::Str(t))]));
                }
                Piece::Where(w) => out.push_str(&format!(" ({w})")),
                Piece::Var(v) => {
                    out.push('<');
                    out.push_str(v);
                    out.push('>');
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use crate::load::load_in_memory;

    const PRODUCT: &str = "name: Netflix
glossary:
  netflix-app: {role: screen, label: Netflix app}
  netflix-site: {role: screen, label: netflix.com}
  settings-screen: {role: screen, label: Settings}
  menu: {role: icon, label: Menu, description: three horizontal lines, where: top right}
  profile: {role: icon, label: Profile, description: your profile picture}
  bare-icon: {role: icon, label: Search, description: A magnifying glass.}
  my-netflix: {role: tab, label: My Netflix, where: bottom right}
  log-out: {role: button, label: Log out}
  email: {role: field, label: Email}
";

    /// The instructions of a guide's web steps, written as `steps`, with the glossary
    /// `product`, in `locale`, mapped by `f`.
    pub(super) fn web_instructions<T>(
        product: &str,
        steps: &str,
        locale: &crate::locale::Locale,
        f: impl Fn(super::Instruction) -> T,
    ) -> Vec<T> {
        let guide = format!("title: How to x\nsummary: X.\nsteps:\n  web:\n{steps}");
        let files: [(&str, &[u8]); 2] = [
            ("netflix/product.yaml", product.as_bytes()),
            ("netflix/g.yaml", guide.as_bytes()),
        ];
        let (project, diags) = load_in_memory(&files).expect("in-memory load");
        assert!(
            diags
                .iter()
                .all(|d| d.severity != crate::diag::Severity::Error),
            "{diags:#?}"
        );
        let product = project.products.first();
        let platform = project.site.platform("web").expect("web platform");
        let guide = project.guides.first().expect("a guide");
        let crate::model::ProcedureBody::Steps(steps) = &guide.procedures[0].body else {
            panic!("no steps")
        };
        steps
            .iter()
            .map(|s| f(super::instruction(s, platform, product, locale)))
            .collect()
    }

    /// The sentences of a guide's web steps (plain text and Markdown), written as `steps`.
    fn sentences(steps: &str) -> Vec<(String, String)> {
        web_instructions(PRODUCT, steps, &crate::locale::Locale::english(), |i| {
            (i.to_text(), i.to_markdown())
        })
    }

    fn text(steps: &str) -> Vec<String> {
        sentences(steps).into_iter().map(|(t, _)| t).collect()
    }

    fn markdown(steps: &str) -> Vec<String> {
        sentences(steps).into_iter().map(|(_, m)| m).collect()
    }

    #[test]
    fn a_screen_reads_as_a_place_with_its_article() {
        assert_eq!(
            markdown(
                "    - open: netflix-app\n    - open: netflix-site\n    - open: settings-screen\n"
            ),
            [
                "Open the Netflix app.",
                "Open netflix.com.",
                "Open Settings."
            ]
        );
    }

    #[test]
    fn an_icon_is_described_with_its_label_and_place() {
        assert_eq!(
            markdown(
                "    - tap: menu\n    - click: profile\n    - click: bare-icon\n    - tap: my-netflix\n"
            ),
            [
                "Tap **Menu** (the three horizontal lines, top right).",
                "Click **Profile** (your profile picture).",
                "Click **Search** (a magnifying glass).",
                "Tap **My Netflix** (bottom right).",
            ]
        );
    }

    #[test]
    fn free_text_targets_are_the_authors_words_not_labels() {
        assert_eq!(
            markdown("    - select: \"your profile\"\n    - tap: \"**Update**\"\n"),
            ["Select your profile.", "Tap **Update**."]
        );
    }

    #[test]
    fn conditions_read_once_and_without_stray_punctuation() {
        assert_eq!(
            text(concat!(
                "    - click: log-out\n      if: If you see the banner.\n",
                "    - click: log-out\n      if: You are signed in\n",
                "    - click: log-out\n      if: Netflix asks *Who's watching?*\n",
                "    - do: Close the window.\n      if: the page is blank,\n",
            )),
            [
                "If you see the banner, click “Log out”.",
                "If you are signed in, click “Log out”.",
                "If Netflix asks Who's watching?, click “Log out”.",
                "If the page is blank, close the window.",
            ]
        );
    }

    #[test]
    fn sentences_start_with_a_capital_and_end_once() {
        assert_eq!(
            text(concat!(
                "    - do: check which devices are listed\n",
                "    - do: Check the list.\n",
                "    - do: Is it there?\n",
                "    - wait: until the page reloads.\n",
                "    - do: \"*Netflix* opens\"\n",
            )),
            [
                "Check which devices are listed.",
                "Check the list.",
                "Is it there?",
                "Wait until the page reloads.",
                "Netflix opens.",
            ]
        );
    }

    #[test]
    fn a_confirmation_joins_the_sentence_without_a_full_stop_before_it() {
        assert_eq!(
            markdown(concat!(
                "    - click: log-out\n      confirm: log-out\n",
                "    - do: Close the window.\n      confirm: log-out\n",
                "    - tap: menu\n      confirm: \"OK\"\n",
            )),
            [
                "Click **Log out**, then confirm with **Log out**.",
                "Close the window, then confirm with **Log out**.",
                "Tap **Menu** (the three horizontal lines, top right), then confirm with OK.",
            ]
        );
    }

    #[test]
    fn typing_and_signing_in_name_their_field_and_product() {
        assert_eq!(
            markdown(
                "    - type: email\n      value: you@example.com\n    - sign-in:\n    - sign-in: netflix-site\n"
            ),
            [
                "Type “you@example.com” in **Email**.",
                "Sign in to Netflix.",
                "Sign in to netflix.com.",
            ]
        );
    }

    #[test]
    fn clause_rules() {
        use super::*;
        let en = Locale::english();
        let continue_clause = |t: &str| super::continue_clause(t, &en);
        let described = |t: &str| super::described(t, &en);
        let screen_name = |t: &str| super::screen_name(t, "open", &en);
        assert_eq!(condition_text("IF you see it;"), "you see it");
        assert_eq!(condition_text("iffy wifi"), "iffy wifi");
        assert_eq!(continue_clause("The page"), "the page");
        assert_eq!(continue_clause("TV shows"), "TV shows");
        assert_eq!(continue_clause("Netflix asks"), "Netflix asks");
        assert_eq!(described("Three lines"), "the three lines");
        assert_eq!(described("a gear"), "a gear");
        assert_eq!(screen_name("Settings app"), "the Settings app");
        assert_eq!(screen_name("The Settings app"), "The Settings app");
        assert_eq!(screen_name("netflix.com"), "netflix.com");
        assert!(ends_sentence("Done!**"));
        assert!(!ends_sentence("Done"));
    }
}

#[cfg(test)]
mod language_tests {
    use crate::locale::Locales;

    const FR: &str = "name: Netflix
glossary:
  netflix-app: {role: screen, label: Application Netflix}
  netflix-site: {role: screen, label: netflix.com}
  settings: {role: screen, label: Paramètres du compte}
  menu: {role: icon, label: Menu, description: trois lignes horizontales, where: en haut à droite}
  my-netflix: {role: tab, label: Mon Netflix, where: en bas à droite}
  log-out: {role: button, label: Se déconnecter}
  confirm: {role: button, label: Déconnexion}
  email: {role: field, label: Adresse e-mail}
  autoplay: {role: toggle, label: Lecture automatique}
  titles: {role: section, label: Titres}
";

    const DE: &str = "name: Netflix
glossary:
  netflix-app: {role: screen, label: Netflix App}
  netflix-site: {role: screen, label: netflix.com}
  settings: {role: screen, label: Konto Einstellungen}
  menu: {role: icon, label: Menü, description: Drei waagerechte Linien, where: oben rechts}
  my-netflix: {role: tab, label: Mein Netflix, where: unten rechts}
  log-out: {role: button, label: Abmelden}
  confirm: {role: button, label: Bestätigen}
  email: {role: field, label: E-Mail-Adresse}
  autoplay: {role: toggle, label: Automatische Wiedergabe}
  titles: {role: section, label: Titel}
";

    /// Every kind of action, then a condition and a confirmation.
    const STEPS: &str = concat!(
        "    - click: log-out\n",
        "    - tap: my-netflix\n",
        "    - select: menu\n",
        "    - press: log-out\n",
        "    - open: netflix-app\n",
        "    - open: settings\n",
        "    - scroll-to: titles\n",
        "    - toggle: autoplay\n      to: on\n",
        "    - toggle: autoplay\n      to: off\n",
        "    - swipe: titles\n",
        "    - hover: menu\n",
        "    - type: email\n      value: vous@example.com\n",
        "    - type: email\n      value: \"[first].[last]@example.com\"\n",
        "    - sign-in:\n",
        "    - sign-in: netflix-app\n",
        "    - wait: 10 s\n",
        "    - do: Fermez la fenêtre.\n",
        "    - tap: log-out\n      confirm: confirm\n",
        "    - tap: log-out\n      if: vous voyez la bannière.\n",
    );

    /// The Markdown sentences of `STEPS` on the web, with the glossary `product`, in `lang`.
    fn sentences(lang: &str, product: &str) -> Vec<String> {
        let locale = Locales::embedded().get(lang);
        super::tests::web_instructions(product, STEPS, &locale, |i| i.to_markdown())
    }

    #[test]
    fn french_sentences_follow_french_word_order_and_articles() {
        assert_eq!(
            sentences("fr", FR),
            [
                "Cliquez sur **Se déconnecter**.",
                "Appuyez sur **Mon Netflix** (en bas à droite).",
                "Sélectionnez **Menu** (trois lignes horizontales, en haut à droite).",
                "Cliquez sur **Se déconnecter**.",
                "Ouvrez l’application Netflix.",
                "Ouvrez les paramètres du compte.",
                "Faites défiler jusqu’à **Titres**.",
                "Activez **Lecture automatique**.",
                "Désactivez **Lecture automatique**.",
                "Faites glisser **Titres**.",
                "Survolez **Menu** (trois lignes horizontales, en haut à droite).",
                "Saisissez «\u{a0}vous@example.com\u{a0}» dans **Adresse e-mail**.",
                "Saisissez «\u{a0}*first*.*last*@example.com\u{a0}» dans **Adresse e-mail**.",
                "Connectez-vous à Netflix.",
                "Connectez-vous à l’application Netflix.",
                "Patientez 10 s.",
                "Fermez la fenêtre.",
                "Appuyez sur **Se déconnecter**, puis confirmez avec **Déconnexion**.",
                "Si vous voyez la bannière, appuyez sur **Se déconnecter**.",
            ]
        );
    }

    #[test]
    fn german_sentences_put_the_verb_first_and_keep_nouns_capitalised() {
        assert_eq!(
            sentences("de", DE),
            [
                "Klicken Sie auf **Abmelden**.",
                "Tippen Sie auf **Mein Netflix** (unten rechts).",
                "Wählen Sie **Menü** (Drei waagerechte Linien, oben rechts).",
                "Klicken Sie auf **Abmelden**.",
                "Öffnen Sie die Netflix App.",
                "Öffnen Sie die Konto Einstellungen.",
                "Scrollen Sie zu **Titel**.",
                "Aktivieren Sie **Automatische Wiedergabe**.",
                "Deaktivieren Sie **Automatische Wiedergabe**.",
                "Wischen Sie über **Titel**.",
                "Zeigen Sie mit der Maus auf **Menü** (Drei waagerechte Linien, oben rechts).",
                "Geben Sie „vous@example.com“ in **E-Mail-Adresse** ein.",
                "Geben Sie „*first*.*last*@example.com“ in **E-Mail-Adresse** ein.",
                "Melden Sie sich bei Netflix an.",
                "Melden Sie sich bei der Netflix App an.",
                "Warten Sie 10 s.",
                "Fermez la fenêtre.",
                "Tippen Sie auf **Abmelden** und bestätigen Sie mit **Bestätigen**.",
                "Wenn vous voyez la bannière, tippen Sie auf **Abmelden**.",
            ]
        );
    }

    #[test]
    fn a_language_without_a_locale_file_reads_english() {
        assert_eq!(
            sentences("sv", FR)[1],
            "Tap **Mon Netflix** (en bas à droite)."
        );
    }
}

#[cfg(test)]
mod placeholder_tests {
    use super::{placeholder, split_placeholders};

    #[test]
    fn placeholders_are_bracketed_words() {
        assert_eq!(placeholder("[your name]"), Some("your name"));
        assert_eq!(placeholder(" [ your name ] "), Some("your name"));
        assert_eq!(placeholder("your name"), None);
        assert_eq!(placeholder("[]"), None);
        assert_eq!(placeholder("[a] and [b]"), None);
    }

    #[test]
    fn values_split_into_text_and_placeholders() {
        assert_eq!(
            split_placeholders("[first].[last]@example.com"),
            [
                (true, "first"),
                (false, "."),
                (true, "last"),
                (false, "@example.com")
            ]
        );
        assert_eq!(split_placeholders("Netflix"), [(false, "Netflix")]);
        // A Markdown link and an empty pair stay text.
        assert_eq!(
            split_placeholders("see [the docs](https://x.org) or []"),
            [(false, "see [the docs](https://x.org) or []")]
        );
    }
}
