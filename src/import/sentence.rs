//! From an instruction as articles write it ("Tap **My Netflix** in the bottom right, then
//! tap **Account**") to steps: an action, a target (a control of the glossary or free
//! text), and the conditions, confirmations and positions around them.

use super::article::{Inline, Run};
use super::glossary::{Glossary, Role};

/// What a step works on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Target {
    /// Nothing (`sign-in:`).
    None,
    /// A glossary control, by key.
    Control(String),
    /// Free Markdown text.
    Free(String),
}

/// A drafted step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Step {
    /// The action's name in the format (`tap`, `do`...).
    pub action: &'static str,
    /// Its target, or the text of `do` and `wait`.
    pub target: Target,
    /// `type`: the value typed.
    pub value: Option<String>,
    /// `toggle`: `on` or `off`.
    pub to: Option<&'static str>,
    /// The condition (`if`).
    pub cond: Option<String>,
    /// `optional: true`.
    pub optional: bool,
    /// The control that confirms the action.
    pub confirm: Option<String>,
    /// More explanation.
    pub detail: Option<String>,
    /// A side note.
    pub note: Option<String>,
    /// A warning.
    pub warning: Option<String>,
    /// The picture: source path (empty for none) and alt text.
    pub image: Option<(String, String)>,
    /// Plain alternatives.
    pub choices: Vec<String>,
    /// Sub-steps.
    pub steps: Vec<Step>,
}

impl Step {
    pub(crate) fn new(action: &'static str, target: Target) -> Step {
        Step {
            action,
            target,
            value: None,
            to: None,
            cond: None,
            optional: false,
            confirm: None,
            detail: None,
            note: None,
            warning: None,
            image: None,
            choices: Vec::new(),
            steps: Vec::new(),
        }
    }

    /// A `do:` step with the text as written.
    pub(crate) fn text(markdown: String) -> Step {
        Step::new("do", Target::Free(markdown))
    }

    /// True when the step is only the free text it was written as.
    pub(crate) fn is_unstructured(&self) -> bool {
        self.action == "do"
    }
}

/// What a sentence became.
pub(crate) struct Parsed {
    /// The steps, in order.
    pub steps: Vec<Step>,
    /// The sentence is only a confirmation ("Click **Delete** to confirm"): its control
    /// confirms the previous step.
    pub confirms_previous: Option<String>,
}

/// The verbs articles start instructions with, longest first where they share a start.
const VERBS: &[(&str, &str)] = &[
    ("scroll down until you get to", "scroll-to"),
    ("scroll down until you see", "scroll-to"),
    ("scroll down to", "scroll-to"),
    ("scroll up to", "scroll-to"),
    ("scroll to", "scroll-to"),
    ("hover over", "hover"),
    ("hover", "hover"),
    ("click on", "click"),
    ("click", "click"),
    ("tap on", "tap"),
    ("tap", "tap"),
    ("press", "press"),
    ("select", "select"),
    ("choose", "select"),
    ("pick", "select"),
    ("go to", "open"),
    ("head to", "open"),
    ("navigate to", "open"),
    ("visit", "open"),
    ("open", "open"),
    ("launch", "open"),
    ("sign in to", "sign-in"),
    ("sign into", "sign-in"),
    ("log in to", "sign-in"),
    ("log into", "sign-in"),
    ("sign in", "sign-in"),
    ("log in", "sign-in"),
    ("login", "sign-in"),
    ("type", "type"),
    ("enter", "type"),
    ("turn on", "toggle-on"),
    ("turn off", "toggle-off"),
    ("switch on", "toggle-on"),
    ("switch off", "toggle-off"),
    ("enable", "toggle-on"),
    ("disable", "toggle-off"),
    ("wait", "wait"),
    ("swipe", "swipe"),
];

/// Where clauses of one sentence part: `, then`, `; then`, `and select ...`.
const THEN: &[&str] = &[
    ", and then ",
    " and then ",
    ", then ",
    "; then ",
    ". then ",
    ". once there, ",
    ". ",
    "; ",
    ", and ",
    " and ",
    ", ",
];

/// Icons described by their look, and the label their button has.
const ICONS: &[(&str, &str)] = &[
    ("three horizontal lines", "Menu"),
    ("three lines", "Menu"),
    ("hamburger", "Menu"),
    ("three dots", "More options"),
    ("three vertical dots", "More options"),
    ("ellipsis", "More options"),
    ("gear", "Settings"),
    ("cog", "Settings"),
    ("magnifying glass", "Search"),
    ("pencil", "Edit"),
    ("person", "Profile"),
    ("bell", "Notifications"),
];

/// Labels are kept out of the text as markers, so that words inside them never split.
const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';

/// A sentence with its labels replaced by markers.
struct Marked {
    text: String,
    labels: Vec<String>,
}

impl Marked {
    fn new(inline: &[Run], link: &dyn Fn(&str) -> String) -> Marked {
        let mut text = String::new();
        let mut labels = Vec::new();
        // The markers never come from the article itself.
        let clean = |s: &str| s.replace([OPEN, CLOSE], "\u{FFFD}");
        let inline: Vec<Run> = inline
            .iter()
            .map(|r| match r {
                Run::Text(t) => Run::Text(clean(t)),
                Run::Label(t) => Run::Label(clean(t)),
                Run::Emph(t) => Run::Emph(clean(t)),
                Run::Code(t) => Run::Code(clean(t)),
                Run::Link { text, href } => Run::Link {
                    text: clean(text),
                    href: clean(href),
                },
            })
            .collect();
        for r in &inline {
            match r {
                Run::Text(t) => text.push_str(t),
                Run::Label(l)
                    if l.trim()
                        .trim_end_matches([',', '.', ';', ':'])
                        .trim()
                        .is_empty() =>
                {
                    text.push_str(l);
                }
                Run::Label(l) => {
                    // `"Security,"`: the comma belongs to the sentence, not to the label.
                    let label = l.trim().trim_end_matches([',', '.', ';', ':']).trim();
                    let tail = l.trim()[label.len()..].trim();
                    text.push(OPEN);
                    text.push_str(&labels.len().to_string());
                    text.push(CLOSE);
                    text.push_str(tail);
                    labels.push(label.to_string());
                }
                Run::Emph(t) => text.push_str(&format!("*{}*", t.trim())),
                Run::Code(t) => text.push_str(&format!("`{t}`")),
                Run::Link { text: t, href } => text.push_str(&format!("[{t}]({})", link(href))),
            }
        }
        Marked { text, labels }
    }

    /// Label `n` (empty if there is none).
    fn label(&self, n: usize) -> String {
        self.labels.get(n).cloned().unwrap_or_default()
    }

    /// The text as Markdown, labels in bold.
    fn markdown(&self, s: &str) -> String {
        self.expand(s, |l| format!("**{l}**"))
    }

    fn expand(&self, s: &str, f: impl Fn(&str) -> String) -> String {
        let mut out = String::new();
        let mut rest = s;
        while let Some(i) = rest.find(OPEN) {
            out.push_str(&rest[..i]);
            let after = &rest[i + OPEN.len_utf8()..];
            let Some(j) = after.find(CLOSE) else { break };
            let n: usize = after[..j].parse().unwrap_or(usize::MAX);
            out.push_str(&self.labels.get(n).map(|l| f(l)).unwrap_or_default());
            rest = &after[j + CLOSE.len_utf8()..];
        }
        out.push_str(rest);
        out
    }

    /// The labels a piece of text holds, by index.
    fn labels_in(s: &str) -> Vec<usize> {
        let mut out = Vec::new();
        let mut rest = s;
        while let Some(i) = rest.find(OPEN) {
            let after = &rest[i + OPEN.len_utf8()..];
            let Some(j) = after.find(CLOSE) else { break };
            if let Ok(n) = after[..j].parse() {
                out.push(n);
            }
            rest = &after[j + CLOSE.len_utf8()..];
        }
        out
    }
}

/// The platforms a sentence is read for, and how they press things.
pub(crate) struct Context<'a> {
    /// The platforms of the procedure.
    pub platforms: &'a [String],
    /// The verb of pressing on them: `tap` when all are touch screens, `click` when all use
    /// a pointer, else `press`.
    pub press: &'static str,
}

/// Reads one instruction.
pub(crate) fn parse(
    inline: &Inline,
    ctx: &Context<'_>,
    glossary: &mut Glossary,
    link: &dyn Fn(&str) -> String,
) -> Parsed {
    let marked = Marked::new(inline, link);
    let mut text = marked
        .text
        .trim()
        .trim_end_matches(['.', '!'])
        .trim()
        .to_string();
    let mut optional = false;
    for p in ["(optional) ", "optional: ", "optionally, ", "(optional): "] {
        if starts_ci(&text, p) {
            text = text[p.len()..].trim().to_string();
            optional = true;
        }
    }
    let mut cond = None;
    if starts_ci(&text, "if ")
        && let Some(comma) = text.find(", ")
    {
        cond = Some(marked.markdown(text[3..comma].trim()));
        text = text[comma + 2..].trim().to_string();
    }
    let clauses = merge_lead_ins(split_clauses(&text));
    let mut steps: Vec<Step> = Vec::new();
    let mut confirms_previous = None;
    let mut last_verb: Option<&'static str> = None;
    for clause in clauses {
        if let Some(key) = confirmation(&clause, &marked, ctx, glossary) {
            match steps.last_mut() {
                Some(prev) if prev.confirm.is_none() && !prev.is_unstructured() => {
                    prev.confirm = Some(key)
                }
                Some(_) => steps.push(Step::new(ctx.press, Target::Control(key))),
                None => confirms_previous = Some(key),
            }
            continue;
        }
        let mut parsed = clause_steps(&clause, last_verb, &marked, ctx, glossary);
        if let Some(first) = parsed.first() {
            last_verb = (!first.is_unstructured()).then_some(first.action);
        }
        steps.append(&mut parsed);
    }
    if steps.iter().all(Step::is_unstructured) && steps.len() > 1 {
        // Nothing understood: keep the sentence whole.
        steps = vec![Step::text(marked.markdown(&text))];
    }
    if let Some(first) = steps.first_mut() {
        first.optional = optional;
        first.cond = cond;
    }
    Parsed {
        steps,
        confirms_previous,
    }
}

/// `s` starts with `p`, ASCII case ignored (never slicing inside a character).
fn starts_ci(s: &str, p: &str) -> bool {
    s.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p))
}

/// `s` ends with `p`, ASCII case ignored.
fn ends_ci(s: &str, p: &str) -> bool {
    s.len() >= p.len()
        && s.get(s.len() - p.len()..)
            .is_some_and(|t| t.eq_ignore_ascii_case(p))
}

/// The verb a clause starts with, and the rest.
fn verb(clause: &str) -> Option<(&'static str, &str)> {
    let lower = clause.to_ascii_lowercase();
    VERBS.iter().find_map(|(words, action)| {
        let rest = lower.strip_prefix(words)?;
        if !(rest.is_empty() || rest.starts_with([' ', ','])) {
            return None;
        }
        Some((*action, clause[clause.len() - rest.len()..].trim()))
    })
}

/// Splits a sentence where a new instruction starts: at `then`, and at `and`, commas and
/// full stops that a verb follows.
fn split_clauses(text: &str) -> Vec<String> {
    let lower = text.to_ascii_lowercase();
    let mut cuts = vec![0usize];
    let mut i = 0;
    while i < lower.len() {
        let found = THEN.iter().find(|sep| lower[i..].starts_with(**sep));
        if let Some(sep) = found {
            let after = i + sep.len();
            let then = sep.contains("then") || sep.contains("once there");
            let rest = &text[after..];
            if then || verb(rest).is_some() || (sep.starts_with(", then") && rest.starts_with(OPEN))
            {
                cuts.push(after);
                i = after;
                continue;
            }
        }
        i += lower[i..].chars().next().map_or(1, char::len_utf8);
    }
    cuts.push(text.len());
    let mut out = Vec::new();
    for w in cuts.windows(2) {
        let mut part = text[w[0]..w[1]].trim();
        for sep in THEN {
            let s = sep.trim_end();
            if ends_ci(part, s) {
                part = part[..part.len() - s.len()].trim();
            }
        }
        let part = part.trim_end_matches([',', ';', '.']).trim();
        if !part.is_empty() {
            out.push(part.to_string());
        }
    }
    out
}

/// Words that start a lead-in naming where, or when, the instruction after it applies.
const LEAD_INS: &[&str] = &[
    "next to ", "under ", "below ", "above ", "beside ", "inside ", "in ", "from ", "on ", "at ",
    "to ", "within ", "when ", "once ", "after ",
];

/// "Next to **X**" split off "click **Y**" goes back in front of it.
fn merge_lead_ins(clauses: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut pending: Option<String> = None;
    for c in clauses {
        let c = match pending.take() {
            Some(lead) => format!("{lead}, {c}"),
            None => c,
        };
        let lead = verb(&c).is_none()
            && !c.starts_with(OPEN)
            && LEAD_INS.iter().any(|l| starts_ci(&c, l))
            && !c.contains(", ");
        if lead {
            pending = Some(c);
        } else {
            out.push(c);
        }
    }
    out.extend(pending);
    out
}

/// `Click **Delete account** to confirm`, `tap **Log out** again to confirm`.
fn confirmation(clause: &str, m: &Marked, ctx: &Context<'_>, g: &mut Glossary) -> Option<String> {
    let (action, rest) = verb(clause)?;
    if !matches!(action, "click" | "tap" | "press" | "select") {
        return None;
    }
    let lower = rest.to_ascii_lowercase();
    let end = ["again to confirm", "to confirm your choice", "to confirm"]
        .iter()
        .find(|e| lower.ends_with(**e))?;
    let object = rest[..rest.len() - end.len()].trim();
    let labels = Marked::labels_in(object);
    let [n] = labels[..] else { return None };
    let noun = after_label(object).0;
    Some(g.control(
        &m.label(n),
        role_of(noun, "click"),
        None,
        None,
        ctx.platforms,
    ))
}

/// The steps of one clause.
fn clause_steps(
    clause: &str,
    last_verb: Option<&'static str>,
    m: &Marked,
    ctx: &Context<'_>,
    g: &mut Glossary,
) -> Vec<Step> {
    let (mut context_where, mut body) = (None, clause);
    // "Next to **X**, click **Y**" and "From the **Home** tab, tap **You**".
    if let Some(comma) = clause.find(", ")
        && verb(clause).is_none()
        && verb(&clause[comma + 2..]).is_some()
    {
        context_where = Some(m.expand(clause[..comma].trim(), str::to_string));
        body = clause[comma + 2..].trim();
    }
    let (action, object) = match verb(body) {
        Some(v) => v,
        None if body.starts_with(OPEN) && last_verb.is_some() => {
            (last_verb.unwrap_or("select"), body)
        }
        None => return vec![Step::text(sentence(&m.markdown(clause)))],
    };
    let action = match action {
        "press" => ctx.press,
        a => a,
    };
    let labels = Marked::labels_in(object);
    // A path through menus: "Tap **Settings** > **Chats** > **Chat backup**".
    let stripped: String = m.expand(object, |_| String::new());
    if labels.len() > 1
        && stripped
            .chars()
            .all(|c| c == '>' || c == '›' || c.is_whitespace() || c == ',')
    {
        return labels
            .iter()
            .map(|&n| {
                Step::new(
                    action,
                    Target::Control(g.control(
                        &m.label(n),
                        role_of("", action),
                        None,
                        None,
                        ctx.platforms,
                    )),
                )
            })
            .collect();
    }
    let mut step = match action {
        "sign-in" => sign_in(object, m),
        "wait" => Step::new("wait", free_or_none(object, m)),
        "toggle-on" | "toggle-off" => {
            let mut s = targeted("toggle", object, m, ctx, g);
            s.to = Some(if action == "toggle-on" { "on" } else { "off" });
            s
        }
        "type" => typed(object, m, ctx, g),
        "open" => opened(object, m, ctx, g),
        _ => targeted(action, object, m, ctx, g),
    };
    if let Some(context) = context_where {
        // "Next to **X**", "Under **Security**": where the control is; other lead-ins
        // ("From the **Home** tab") are kept as the step's detail.
        let lower = context.to_ascii_lowercase();
        let place = [
            "next to ", "under ", "below ", "above ", "beside ", "inside ", "in ",
        ]
        .iter()
        .any(|p| lower.starts_with(p));
        match &step.target {
            Target::Control(key) if place => {
                let mut c = context.chars();
                let lowered: String = c
                    .next()
                    .map(|f| f.to_lowercase().chain(c).collect())
                    .unwrap_or_default();
                g.add_where(key, &lowered, ctx.platforms);
            }
            _ => {
                step.detail = Some(sentence(
                    &m.markdown(
                        clause[..clause.len() - body.len()]
                            .trim()
                            .trim_end_matches(','),
                    ),
                ))
            }
        }
    }
    vec![step]
}

fn free_or_none(object: &str, m: &Marked) -> Target {
    let t = m.markdown(object.trim());
    if t.is_empty() {
        Target::None
    } else {
        Target::Free(t)
    }
}

fn sign_in(object: &str, m: &Marked) -> Step {
    let o = object.trim();
    let o = o.strip_prefix("to ").unwrap_or(o);
    let o = o.strip_prefix("your account").map(str::trim).unwrap_or(o);
    Step::new("sign-in", free_or_none(o, m))
}

/// `open: the Dropbox app` names a screen; an app's name makes a control of it.
fn opened(object: &str, m: &Marked, ctx: &Context<'_>, g: &mut Glossary) -> Step {
    let labels = Marked::labels_in(object);
    if labels.len() == 1 {
        return targeted("open", object, m, ctx, g);
    }
    let plain = m.expand(object, str::to_string);
    let trimmed = strip_article(plain.trim());
    if let Some(name) = trimmed
        .strip_suffix(" app")
        .or_else(|| trimmed.strip_suffix(" mobile app"))
    {
        let name = name.trim_end_matches(" mobile").trim();
        if !name.is_empty() && name.split_whitespace().count() <= 3 {
            let key = g.control(
                &format!("{name} app"),
                Role::Screen,
                None,
                None,
                ctx.platforms,
            );
            return Step::new("open", Target::Control(key));
        }
    }
    let (object, purpose) = split_purpose(object);
    let mut s = Step::new("open", free_or_none(object, m));
    s.detail = purpose.map(|p| sentence(&m.markdown(p)));
    s
}

/// `Enter the new name`, `Type your email in **Email**`.
fn typed(object: &str, m: &Marked, ctx: &Context<'_>, g: &mut Glossary) -> Step {
    if ends_ci(object.trim(), " app") {
        // "Enter the Netflix app": going into it.
        return opened(object, m, ctx, g);
    }
    let labels = Marked::labels_in(object);
    let lower = object.to_ascii_lowercase();
    for sep in [" in the ", " into the ", " in ", " into "] {
        if let Some(i) = lower.find(sep) {
            let (value, field) = (&object[..i], &object[i + sep.len()..]);
            if Marked::labels_in(field).len() == 1 {
                let mut s = targeted("type", field, m, ctx, g);
                s.value = Some(m.markdown(value.trim()));
                return s;
            }
        }
    }
    if labels.len() == 1 {
        return targeted("type", object, m, ctx, g);
    }
    Step::text(sentence(&m.markdown(&format!("Enter {}", object.trim()))))
}

/// An action on one control: the label, the noun after it, where it is.
fn targeted(
    action: &'static str,
    object: &str,
    m: &Marked,
    ctx: &Context<'_>,
    g: &mut Glossary,
) -> Step {
    let (object, purpose) = split_purpose(object);
    let labels = Marked::labels_in(object);
    let mut step = match labels[..] {
        [n] => {
            let after = &object[object
                .find(CLOSE)
                .map_or(object.len(), |i| i + CLOSE.len_utf8())..];
            let (noun, rest) = after_label(after);
            // "the checkbox **X**": the noun may come first.
            let before = object[..object.find(OPEN).unwrap_or(0)]
                .trim()
                .to_ascii_lowercase();
            let noun_before = before.rsplit(' ').next().unwrap_or("");
            let noun = if noun.is_empty() && NOUNS.contains(&noun_before) {
                noun_before
            } else {
                noun
            };
            let (description, rest) = parenthesis(rest);
            let choices = rest.trim().strip_prefix(':').map(|c| c.to_string());
            let place = position(rest);
            let role = role_of(noun, action);
            let key = g.control(
                &m.label(n),
                role,
                place.as_deref(),
                description.as_deref(),
                ctx.platforms,
            );
            // "Go to the **Privacy** section": a section is scrolled to, not opened.
            let action = if action == "open" && role == Role::Section {
                "scroll-to"
            } else {
                action
            };
            // "Select the checkbox **X**" turns it on.
            let checks =
                role == Role::Toggle && matches!(action, "select" | "click" | "tap" | "press");
            let mut s = Step::new(if checks { "toggle" } else { action }, Target::Control(key));
            if checks {
                s.to = Some("on");
            }
            if let Some(c) = choices {
                s.choices = alternatives(&c, m);
            }
            s
        }
        [] => icon(action, object, m, ctx, g).unwrap_or_else(|| {
            let (head, choices) = match object.split_once(": ") {
                Some((h, c)) if Marked::labels_in(c).len() > 1 => (h, alternatives(c, m)),
                _ => (object, Vec::new()),
            };
            let mut s = Step::new(action, free_or_none(head, m));
            s.choices = choices;
            s
        }),
        _ => match object.split_once(": ") {
            Some((head, c)) if Marked::labels_in(head).is_empty() => {
                let mut s = Step::new(action, free_or_none(head, m));
                s.choices = alternatives(c, m);
                s
            }
            _ => Step::new(action, free_or_none(object, m)),
        },
    };
    step.detail = purpose.map(|p| sentence(&m.markdown(p)));
    step
}

/// `**A** or **B**`, `**A**, **B** or **C**`: each alternative in bold.
fn alternatives(text: &str, m: &Marked) -> Vec<String> {
    let ls = Marked::labels_in(text);
    if ls.len() > 1 {
        return ls.iter().map(|&n| format!("**{}**", m.label(n))).collect();
    }
    Vec::new()
}

/// "the icon with three horizontal lines in the top right", "the menu icon (three lines)".
fn icon(
    action: &'static str,
    object: &str,
    m: &Marked,
    ctx: &Context<'_>,
    g: &mut Glossary,
) -> Option<Step> {
    let plain = m.expand(object, str::to_string);
    let lower = plain.to_ascii_lowercase();
    let Some(at) = lower
        .find(" icon")
        .or_else(|| lower.starts_with("icon").then_some(0))
    else {
        return described(action, &plain, ctx, g);
    };
    let before = strip_article(plain[..at].trim());
    let after = &plain[at + if at == 0 { 4 } else { 5 }..];
    let (description, rest) = parenthesis(after);
    let with = after.trim().strip_prefix("with ").map(|w| {
        let end = w.find([',', '(']).unwrap_or(w.len());
        let w = &w[..end];
        let end = [" in the ", " at the ", " on the ", " located "]
            .iter()
            .filter_map(|s| w.find(s))
            .min()
            .unwrap_or(w.len());
        w[..end].trim().to_string()
    });
    let description = description.or(with);
    let looks = description.as_deref().unwrap_or("").to_ascii_lowercase();
    let label = ICONS
        .iter()
        .find(|(d, _)| looks.contains(d) || before.to_ascii_lowercase().contains(d))
        .map(|(_, l)| l.to_string())
        .or_else(|| (!before.is_empty()).then(|| capitalize(&before)))?;
    let lower_rest = rest.to_ascii_lowercase();
    let from = [" in the ", " at the ", " on the ", " located "]
        .iter()
        .filter_map(|s| lower_rest.find(s))
        .min()
        .unwrap_or(0);
    let place = position(&rest[from..]);
    let key = g.control(
        &label,
        Role::Icon,
        place.as_deref(),
        description.as_deref(),
        ctx.platforms,
    );
    Some(Step::new(action, Target::Control(key)))
}

/// Nouns that say what kind of control a label is on.
const NOUNS: &[&str] = &[
    "menu item",
    "check box",
    "checkbox",
    "text box",
    "button",
    "link",
    "tab",
    "section",
    "menu",
    "icon",
    "field",
    "box",
    "switch",
    "toggle",
    "option",
    "page",
    "screen",
    "app",
    "dialog",
    "window",
    "tile",
    "card",
    "setting",
    "entry",
    "item",
];

/// "the menu (three lines) in the top-right corner": a control known by its look.
fn described(
    action: &'static str,
    plain: &str,
    ctx: &Context<'_>,
    g: &mut Glossary,
) -> Option<Step> {
    let open = plain.find('(')?;
    let (description, rest) = parenthesis(&plain[open..]);
    let description = description?;
    let looks = description.to_ascii_lowercase();
    ICONS.iter().find(|(d, _)| looks.contains(d))?;
    let name = strip_article(plain[..open].trim());
    if name.is_empty() || name.split_whitespace().count() > 3 {
        return None;
    }
    let place = position(rest);
    let key = g.control(
        &capitalize(&name),
        Role::Icon,
        place.as_deref(),
        Some(&description),
        ctx.platforms,
    );
    Some(Step::new(action, Target::Control(key)))
}

/// The noun right after a label (`button`, `tab`, `section`...) and the rest.
fn after_label(after: &str) -> (&str, &str) {
    let t = after.trim_start();
    for noun in NOUNS {
        if let Some(rest) = t.strip_prefix(noun)
            && (rest.is_empty() || rest.starts_with([' ', ',', '.', '(', ';']))
        {
            return (noun, rest);
        }
    }
    let end = after.find(CLOSE).map_or(0, |i| i + CLOSE.len_utf8());
    ("", &after[end..])
}

/// The role a noun or an action suggests.
fn role_of(noun: &str, action: &str) -> Role {
    match noun {
        "button" | "tile" | "card" => Role::Button,
        "link" => Role::Link,
        "tab" => Role::Tab,
        "section" => Role::Section,
        "menu" => Role::Menu,
        "menu item" | "entry" | "item" => Role::MenuItem,
        "icon" => Role::Icon,
        "field" | "text box" => Role::Field,
        "check box" | "checkbox" | "switch" | "toggle" | "setting" => Role::Toggle,
        "option" | "box" => Role::Option,
        "page" | "screen" | "app" | "window" => Role::Screen,
        "dialog" => Role::Dialog,
        _ => match action {
            "select" => Role::MenuItem,
            "open" | "sign-in" => Role::Screen,
            "scroll-to" => Role::Section,
            "type" => Role::Field,
            "toggle" => Role::Toggle,
            _ => Role::Button,
        },
    }
}

/// A description in brackets right after a label: `(⋮)`, `(three lines)`.
fn parenthesis(s: &str) -> (Option<String>, &str) {
    let t = s.trim_start();
    if let Some(inner) = t.strip_prefix('(')
        && let Some(end) = inner.find(')')
    {
        let d = inner[..end].trim();
        return ((!d.is_empty()).then(|| d.to_string()), &inner[end + 1..]);
    }
    (None, s)
}

/// Where a control is, from the words after it: "in the top-right corner" is `top right`,
/// "the option is in the lower right area" is `bottom right`.
fn position(s: &str) -> Option<String> {
    let t = s.trim_start_matches([',', ' ']);
    let lower = t.to_ascii_lowercase();
    let mut rest = lower.as_str();
    for lead in [
        "which is ",
        "that is ",
        "it is ",
        "it's ",
        "located ",
        "the option is ",
        "the button is ",
        "found ",
    ] {
        if let Some(r) = rest.strip_prefix(lead) {
            rest = r;
        }
    }
    let mut found = None;
    for prep in [
        "in the ",
        "at the ",
        "on the ",
        "near the ",
        "in ",
        "at ",
        "on ",
    ] {
        if let Some(r) = rest.strip_prefix(prep) {
            found = Some(r);
            break;
        }
    }
    let place = found?;
    let end = place.find([',', ';', '.', '(']).unwrap_or(place.len());
    let place = place[..end].trim();
    let place = place.split(" to ").next().unwrap_or(place).trim();
    let mut words: Vec<&str> = Vec::new();
    for w in place.split([' ', '-']) {
        let w = match w {
            "upper" => "top",
            "lower" => "bottom",
            "corner" | "area" | "hand" | "side" | "" => continue,
            w => w,
        };
        words.push(w);
    }
    let mut out = words.join(" ");
    for tail in [" of the screen", " of your screen", " of the page"] {
        if let Some(o) = out.strip_suffix(tail) {
            out = o.to_string();
        }
    }
    // Keep the author's capitals for names ("top of Teams").
    let original = restore_case(&out, t);
    (!out.is_empty() && out.split_whitespace().count() <= 6).then_some(original)
}

/// The words of `lower` with the capitals they have in `source`.
fn restore_case(lower: &str, source: &str) -> String {
    lower
        .split(' ')
        .map(|w| {
            source
                .split(|c: char| !c.is_alphanumeric())
                .find(|s| {
                    s.to_ascii_lowercase() == w && s.chars().next().is_some_and(char::is_uppercase)
                })
                .map_or_else(|| w.to_string(), str::to_string)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// "... to go to your profile" at the end of an instruction: the purpose, kept as detail.
fn split_purpose(object: &str) -> (&str, Option<&str>) {
    let lower = object.to_ascii_lowercase();
    for lead in [
        " to go to ",
        " to open ",
        " to see ",
        " to show ",
        " to start ",
    ] {
        if let Some(i) = lower.find(lead) {
            return (&object[..i], Some(object[i + 1..].trim()));
        }
    }
    (object, None)
}

fn strip_article(s: &str) -> String {
    if ["the", "your", "a", "an"].contains(&s.to_ascii_lowercase().as_str()) {
        return String::new();
    }
    for a in ["the ", "your ", "a ", "an ", "The ", "Your "] {
        if let Some(r) = s.strip_prefix(a) {
            return r.trim().to_string();
        }
    }
    s.to_string()
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

/// A sentence: a capital first and one full stop at the end.
pub(crate) fn sentence(s: &str) -> String {
    let t = capitalize(s.trim());
    if t.ends_with(['.', '!', '?', ':']) || t.is_empty() {
        t
    } else {
        format!("{t}.")
    }
}

#[cfg(test)]
mod tests {
    use super::super::article::quotes_to_labels;
    use super::*;

    fn steps(text: &str, platforms: &[&str]) -> (Vec<Step>, Glossary) {
        let platforms: Vec<String> = platforms.iter().map(|s| s.to_string()).collect();
        let press = if platforms.iter().any(|p| p == "web") {
            "click"
        } else {
            "tap"
        };
        let ctx = Context {
            platforms: &platforms,
            press,
        };
        let mut g = Glossary::default();
        let inline = quotes_to_labels(
            crate::import::markdown::read(text)
                .blocks
                .into_iter()
                .find_map(|b| match b {
                    super::super::article::Block::Paragraph(i) => Some(i),
                    _ => None,
                })
                .unwrap_or_default(),
        );
        let p = parse(&inline, &ctx, &mut g, &|h| h.to_string());
        (p.steps, g)
    }

    #[test]
    fn a_label_with_where_and_a_then() {
        let (s, g) = steps(
            "Tap **My Netflix** in the bottom right, then tap **Account**.",
            &["android"],
        );
        assert_eq!(s.len(), 2, "{s:#?}");
        assert_eq!(s[0].action, "tap");
        assert_eq!(s[0].target, Target::Control("my-netflix".into()));
        assert_eq!(
            g.get("my-netflix").unwrap().where_for("android"),
            Some("bottom right")
        );
        assert_eq!(s[1].target, Target::Control("account".into()));
    }

    #[test]
    fn confirmations_conditions_and_optional_steps() {
        let (s, _) = steps(
            "Enter the new name, then click **Change** to confirm.",
            &["web"],
        );
        assert_eq!(s.len(), 2, "{s:#?}");
        assert_eq!(s[1].target, Target::Control("change".into()));
        let (s, _) = steps(
            "Tap **Profile Lock**, then tap **Save** to confirm.",
            &["android"],
        );
        assert_eq!(s.len(), 1, "{s:#?}");
        assert_eq!(s[0].confirm.as_deref(), Some("save"));
        let (s, _) = steps(
            "If you're on mobile data, tap **Back up using cellular** to allow it.",
            &["android"],
        );
        assert_eq!(
            s[0].cond.as_deref(),
            Some("you're on mobile data"),
            "{s:#?}"
        );
        let (s, _) = steps("(Optional) Turn on **Include videos**.", &["android"]);
        assert!(s[0].optional);
        assert_eq!((s[0].action, s[0].to), ("toggle", Some("on")));
    }

    #[test]
    fn icons_menu_paths_and_free_text() {
        let (s, g) = steps(
            "Press the icon with three horizontal lines in the upper right corner.",
            &["android", "ios"],
        );
        assert_eq!(s[0].target, Target::Control("menu".into()), "{s:#?}");
        let menu = g.get("menu").unwrap();
        assert_eq!(menu.where_for("ios"), Some("top right"));
        let (s, _) = steps(
            "Tap **Settings** > **Chats** > **Chat backup**.",
            &["android"],
        );
        assert_eq!(s.len(), 3);
        let (s, _) = steps(
            "Click the name of the file you'd like to restore.",
            &["web"],
        );
        assert_eq!(
            s[0].target,
            Target::Free("the name of the file you'd like to restore".into())
        );
        let (s, _) = steps("Check the box for each item.", &["web"]);
        assert!(s[0].is_unstructured());
        let (s, g) = steps(
            "Click on your profile icon located in the upper right corner and select “Account”",
            &["web"],
        );
        assert_eq!(s.len(), 2, "{s:#?}");
        assert_eq!(
            g.get("profile").unwrap().where_for("web"),
            Some("top right")
        );
    }
}
