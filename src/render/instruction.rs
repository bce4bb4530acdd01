//! The sentence a step stands for ("Tap **My Netflix** (bottom right).") as structured
//! pieces, so that HTML, Markdown checklists, plain text and JSON all say the same thing.

use super::escape;
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

/// Words that may start a sentence or a clause and are written in lower case inside one
/// ("If **you** see"): only these lose their capital after "If …, ", so that a name such
/// as "Netflix asks" keeps it.
const LOWER_IN_CLAUSE: &[&str] = &[
    "a", "an", "the", "you", "your", "it", "its", "this", "that", "these", "those", "there",
    "when", "if", "once", "after", "before", "check", "choose", "enter", "go", "open", "select",
    "tap", "click", "press", "type", "wait", "scroll", "turn", "sign", "make", "follow", "read",
    "look", "find", "use", "keep", "repeat", "close", "return",
];

/// `text` to go on after a comma: its first word in lower case if it is an ordinary word
/// (`You see` → `you see`), unchanged if it is a name or starts with markup.
fn continue_clause(text: &str) -> String {
    let word: String = text.chars().take_while(|c| c.is_alphabetic()).collect();
    let lower = word.to_lowercase();
    let is_ordinary = word.chars().skip(1).all(char::is_lowercase);
    if !word.is_empty() && is_ordinary && LOWER_IN_CLAUSE.contains(&lower.as_str()) {
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
pub(crate) fn condition_text(cond: &str) -> String {
    let t = cond.trim();
    let t = match t.get(..3) {
        Some(head) if head.eq_ignore_ascii_case("if ") => t[3..].trim_start(),
        _ => t,
    };
    continue_clause(trim_clause_end(t))
}

/// `text` without the punctuation and spaces that would end a sentence or clause.
fn trim_clause_end(text: &str) -> &str {
    text.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':'))
}

/// True if the sentence already ends as a sentence does (`.`, `!`, `?`, `…`, or one of
/// them inside closing Markdown or quotes: `**Done!**`).
fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '*' | '_' | '`' | '"' | '”' | '’' | '\'' | ')')
    });
    t.ends_with(['.', '!', '?', '…'])
}

/// Determiners and possessives that may start a description already (`your profile picture`).
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "your", "its", "their", "this", "that", "my", "our", "his", "her",
];

/// An icon's description as it reads in brackets after its label: with "the" unless it
/// starts with a determiner (`three horizontal lines` → `the three horizontal lines`).
fn described(description: &str) -> String {
    let d = trim_clause_end(description.trim());
    let first = d.split_whitespace().next().unwrap_or("").to_lowercase();
    if d.is_empty() || DETERMINERS.contains(&first.as_str()) {
        continue_clause_word(d)
    } else {
        format!("the {}", continue_clause_word(d))
    }
}

/// `d` with its first letter in lower case when it is an ordinary capitalised word
/// (`Three lines` → `three lines`), as it reads after "the".
fn continue_clause_word(d: &str) -> String {
    let word: String = d.chars().take_while(|c| c.is_alphabetic()).collect();
    if word.chars().skip(1).all(char::is_lowercase) && (word.chars().count() > 1 || word == "A") {
        let mut c = d.chars();
        match c.next() {
            Some(f) => f.to_lowercase().chain(c).collect(),
            None => String::new(),
        }
    } else {
        d.to_owned()
    }
}

/// Nouns that name a kind of screen: a screen's label ending in one reads with "the"
/// (`Netflix app` → `the Netflix app`), one without (`netflix.com`) reads as a name.
const SCREEN_NOUNS: &[&str] = &[
    "app",
    "application",
    "website",
    "site",
    "page",
    "screen",
    "settings",
    "menu",
    "window",
    "dialog",
    "panel",
    "tab",
    "section",
    "list",
    "view",
    "dashboard",
    "portal",
    "store",
];

/// A screen's label as the object of a sentence (`Netflix app` → `the Netflix app`).
fn screen_name(label: &str) -> String {
    let last = label
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("")
        .to_lowercase();
    let first = label.split_whitespace().next().unwrap_or("").to_lowercase();
    if label.contains(char::is_whitespace)
        && SCREEN_NOUNS.contains(&last.as_str())
        && !DETERMINERS.contains(&first.as_str())
    {
        format!("the {label}")
    } else {
        label.to_owned()
    }
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
}

/// `place`: the target is where the reader goes (`open`, `sign-in`), so a screen reads as a
/// place (`the Netflix app`) rather than as a label to press.
fn named(target: &Target, platform: &Platform, product: Option<&Product>, place: bool) -> Named {
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
        (_, Some(c)) if place && c.role.value == Role::Screen => Piece::Text(screen_name(&label)),
        _ => Piece::Ui(label),
    };
    let description = control
        .and_then(|c| c.description.as_ref())
        .map(|d| described(&d.value))
        .filter(|d| !d.is_empty());
    let aside = match (description, &location) {
        (Some(d), Some(l)) => Some(format!("{d}, {l}")),
        (Some(d), None) => Some(d),
        (None, l) => l.clone(),
    };
    Named {
        piece,
        location,
        aside,
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

/// Builds the instruction of `step` as `platform` reads it.
pub fn instruction(step: &Step, platform: &Platform, product: Option<&Product>) -> Instruction {
    let mut pieces = Vec::new();
    let place = matches!(step.action.value, Action::Open | Action::SignIn);
    let target = step
        .target
        .as_ref()
        .map(|t| named(t, platform, product, place));
    let location = target.as_ref().and_then(|t| t.location.clone());
    if let Some(cond) = &step.condition {
        pieces.push(Piece::Text("If ".into()));
        pieces.push(Piece::Markdown(condition_text(&cond.value)));
        pieces.push(Piece::Text(", ".into()));
    }
    action(&mut pieces, step, platform, product, target);
    if let Some(c) = &step.confirm {
        let c = named(c, platform, product, false);
        trim_pieces_end(&mut pieces);
        pieces.push(Piece::Text(", then confirm with ".into()));
        pieces.push(c.piece);
    }
    let text: String = pieces
        .iter()
        .map(|p| match p {
            Piece::Text(t) | Piece::Ui(t) | Piece::Markdown(t) | Piece::Var(t) => t.as_str(),
            Piece::Where(_) => ")",
        })
        .collect();
    if !ends_sentence(&text) || matches!(pieces.last(), Some(Piece::Where(_))) {
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
    target: Option<Named>,
) {
    // After "If …, " the sentence goes on in lower case.
    let lead = |s: String| {
        if step.condition.is_some() {
            continue_clause(&s)
        } else {
            start_sentence(&s)
        }
    };
    let verb = verb(step, platform);
    let object = |pieces: &mut Vec<Piece>, joiner: &str, t: Named| {
        pieces.push(Piece::Text(joiner.into()));
        pieces.push(t.piece);
        pieces.extend(t.aside.map(Piece::Where));
    };
    match step.action.value {
        Action::Do => {
            let text = step
                .text
                .as_ref()
                .map_or(String::new(), |t| t.value.trim().to_owned());
            pieces.push(Piece::Markdown(lead(text)));
        }
        Action::Wait => {
            pieces.push(Piece::Text(lead(verb)));
            if let Some(t) = &step.text {
                pieces.push(Piece::Text(" ".into()));
                pieces.push(Piece::Markdown(t.value.trim().to_owned()));
            }
        }
        Action::Type => {
            pieces.push(Piece::Text(lead(verb)));
            if let Some(v) = &step.value {
                typed(pieces, &v.value);
            }
            if let Some(t) = target {
                object(pieces, " in ", t);
            }
        }
        Action::SignIn => {
            pieces.push(Piece::Text(lead(verb)));
            match (target, product) {
                (Some(t), _) => object(pieces, " to ", t),
                (None, Some(p)) => pieces.push(Piece::Text(format!(" to {}", p.name.value))),
                (None, None) => {}
            }
        }
        _ => {
            pieces.push(Piece::Text(lead(verb)));
            if let Some(t) = target {
                object(pieces, " ", t);
            }
        }
    }
}

/// What to type: quoted as written, placeholders as such ("Type *your name* in ...").
fn typed(pieces: &mut Vec<Piece>, value: &str) {
    if let Some(p) = placeholder(value) {
        pieces.push(Piece::Text(" ".into()));
        pieces.push(Piece::Var(p.to_owned()));
        return;
    }
    let parts = split_placeholders(value);
    if !parts.iter().any(|(var, _)| *var) {
        pieces.push(Piece::Text(format!(" “{value}”")));
        return;
    }
    pieces.push(Piece::Text(" “".into()));
    for (var, t) in parts {
        pieces.push(if var {
            Piece::Var(t.to_owned())
        } else {
            Piece::Text(t.to_owned())
        });
    }
    pieces.push(Piece::Text("”".into()));
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

    /// The sentences of a guide's web steps (plain text and Markdown), written as `steps`.
    fn sentences(steps: &str) -> Vec<(String, String)> {
        let guide = format!("title: How to x\nsummary: X.\nsteps:\n  web:\n{steps}");
        let files: [(&str, &[u8]); 2] = [
            ("netflix/product.yaml", PRODUCT.as_bytes()),
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
            .map(|s| {
                let i = super::instruction(s, platform, product);
                (i.to_text(), i.to_markdown())
            })
            .collect()
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
