//! The values templates see: small, serialisable views of the resolved model.

use serde::Serialize;

use super::date::DateView;
use super::instruction::{Instruction, Piece, instruction, target_label};
use super::markdown::{guide_html, guide_inline_html, to_inline_html};
use crate::layout;
use crate::locale::{Arg, Locale};
use crate::model::{
    CalloutShape, Control, Guide, Illustrations, Image, Location, Platform, PlatformKind, Product,
    Role, Step, Target,
};
use crate::resolve::{PlatformSteps, ResolvedGuide, ResolvedStep};
use crate::source::Spanned;
use crate::steps::{self, Numbered};

/// A link to a page.
#[derive(Debug, Clone, Serialize)]
pub struct Link {
    /// Text.
    pub title: String,
    /// URL relative to the site root.
    pub url: String,
}

/// A platform id and name.
#[derive(Debug, Clone, Serialize)]
pub struct PlatformRef {
    /// Id (`android`).
    pub id: String,
    /// Name (`Android`).
    pub name: String,
}

/// A guide in a list.
#[derive(Debug, Clone, Serialize)]
pub struct GuideCard {
    /// Guide id.
    pub id: String,
    /// Page URL relative to the site root.
    pub url: String,
    /// Title.
    pub title: String,
    /// Summary as inline HTML.
    pub summary_html: String,
    /// Platforms covered.
    pub platforms: Vec<PlatformRef>,
    /// Category (name and URL).
    pub category: Option<Link>,
    /// Product (name and URL).
    pub product: Link,
    /// When the guide was last updated (`updated:` in `site.yaml` says from what).
    pub updated: Option<DateView>,
    /// Tags (name and URL), each once.
    pub tags: Vec<Link>,
}

/// An illustration.
#[derive(Debug, Clone, Serialize)]
pub struct ImageView {
    /// URL of the screenshot relative to the site root.
    pub src: Option<String>,
    /// Alt text.
    pub alt: String,
    /// Pixel width, if known.
    pub width: Option<u32>,
    /// Pixel height, if known.
    pub height: Option<u32>,
    /// Marks drawn over the screenshot, as data.
    pub callouts: Vec<CalloutView>,
    /// Callouts drawn over the screenshot (inline SVG).
    pub overlay: Option<String>,
    /// The callouts' labels, as text for everyone (`1: Tap here`).
    pub notes: Vec<String>,
    /// A generated schematic (inline SVG) where there is no screenshot.
    pub schematic: Option<String>,
}

/// A mark over a screenshot, in the image's pixels.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "shape", rename_all = "lowercase")]
pub enum CalloutView {
    /// A highlight box.
    Box {
        /// Left edge.
        x: u32,
        /// Top edge.
        y: u32,
        /// Width.
        width: u32,
        /// Height.
        height: u32,
        /// Words beside the box.
        #[serde(skip_serializing_if = "Option::is_none")]
        label: Option<String>,
    },
    /// An arrow from (`x1`, `y1`) to (`x2`, `y2`).
    Arrow {
        /// Start, horizontal.
        x1: u32,
        /// Start, vertical.
        y1: u32,
        /// Tip, horizontal.
        x2: u32,
        /// Tip, vertical.
        y2: u32,
        /// Words beside the arrow.
        #[serde(skip_serializing_if = "Option::is_none")]
        label: Option<String>,
    },
    /// A numbered marker centred at (`x`, `y`).
    Marker {
        /// Centre, horizontal.
        x: u32,
        /// Centre, vertical.
        y: u32,
        /// The number drawn in it (markers count among themselves).
        number: u32,
        /// What the number stands for.
        #[serde(skip_serializing_if = "Option::is_none")]
        label: Option<String>,
    },
}

/// One piece of a step's instruction, for templates to mark up. Each serialises as a map
/// with one key saying what it is (`{"ui": "Profile"}`), so a template tells them apart by
/// asking for the key (`{% if p.ui %}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Part {
    /// Plain words.
    Text(String),
    /// A UI label.
    Ui(String),
    /// Author-written Markdown, already rendered to inline HTML.
    Html(String),
    /// Where the preceding UI element sits (`bottom right`).
    Where(String),
    /// A placeholder for the reader's own value (`your name`).
    Var(String),
}

/// The thing a step acts on.
#[derive(Debug, Clone, Serialize)]
pub struct TargetView {
    /// Glossary key, when the target is a glossary entry.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// The label as this platform shows it.
    pub label: String,
    /// The element's role from the glossary (`button`, `menu-item`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<&'static str>,
}

/// The Markdown a step was written with, for the JSON data and text checklists.
#[derive(Debug, Clone, Default)]
pub struct StepSource {
    /// Condition under which the step applies.
    pub condition: Option<String>,
    /// More explanation.
    pub detail: Option<String>,
    /// What happens next.
    pub result: Option<String>,
    /// Note.
    pub note: Option<String>,
    /// Warning.
    pub warning: Option<String>,
    /// Choices.
    pub choices: Vec<String>,
}

/// A step as shown on one platform.
#[derive(Debug, Clone, Serialize)]
pub struct StepView {
    /// Anchor id (`android-3`, `android-3-1`).
    pub anchor: String,
    /// Number shown (`3`, or `3.1` for sub-steps).
    pub number: String,
    /// The instruction, piece by piece.
    pub instruction: Vec<Part>,
    /// The instruction as plain text (in the JSON data; templates use `instruction`).
    #[serde(skip)]
    pub text: String,
    /// The instruction as Markdown (in the JSON data).
    #[serde(skip)]
    pub markdown: String,
    /// What the step acts on (in the JSON data).
    #[serde(skip)]
    pub target: Option<TargetView>,
    /// Location of the target, if known.
    pub location: Option<String>,
    /// The control that confirms the action, a dialog's button (in the JSON data).
    #[serde(skip)]
    pub confirm: Option<TargetView>,
    /// Optional step.
    pub optional: bool,
    /// More explanation (HTML).
    pub detail_html: Option<String>,
    /// What happens next (HTML).
    pub result_html: Option<String>,
    /// Note (HTML).
    pub note_html: Option<String>,
    /// Warning (HTML).
    pub warning_html: Option<String>,
    /// Choices (inline HTML).
    pub choices: Vec<String>,
    /// Illustration.
    pub image: Option<ImageView>,
    /// Sub-steps.
    pub substeps: Vec<StepView>,
    /// The platform id the step happens on, when not the procedure's own device (`on:`).
    pub on: Option<String>,
    /// The device the step happens on, when not the procedure's own (`your computer`).
    pub device: Option<String>,
    /// Shown before the step when the reader moves to another device (`On your computer`).
    pub switch: Option<String>,
    /// Shown before the step when the reader comes back (`Back on your TV`).
    pub back: Option<String>,
    /// Exclusive options: the reader follows one of them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<OptionView>,
    /// The Markdown behind the HTML fields; templates do not need it.
    #[serde(skip)]
    pub source: StepSource,
}

/// One of a step's exclusive options.
#[derive(Debug, Clone, Serialize)]
pub struct OptionView {
    /// Anchor id (`android-3-option-2`).
    pub anchor: String,
    /// Its number among the step's options, from 1.
    pub number: usize,
    /// When it applies or its name (inline HTML).
    pub label_html: String,
    /// The label as Markdown (in the JSON data).
    #[serde(skip)]
    pub label: String,
    /// True if the label is a condition (`if:`), false for a name (`label:`).
    pub condition: bool,
    /// Its steps.
    pub steps: Vec<StepView>,
}

/// One platform's procedure.
#[derive(Debug, Clone, Serialize)]
pub struct PlatformView {
    /// Platform id.
    pub id: String,
    /// Platform name.
    pub name: String,
    /// Name of the platform whose steps these are, when shared through `same_as`.
    pub same_as: Option<String>,
    /// What this platform's procedure achieves, when the guide says (HTML, one line).
    pub goal_html: Option<String>,
    /// The goal as written (Markdown), for the JSON data.
    #[serde(skip)]
    pub goal: Option<String>,
    /// Steps.
    pub steps: Vec<StepView>,
    /// Hash of the steps' text: checklists reset when it changes.
    pub hash: String,
}

/// Everything a guide page shows.
#[derive(Debug, Clone, Serialize)]
pub struct GuideView {
    /// Card fields (id, url, title, summary, platforms, category, product).
    #[serde(flatten)]
    pub card: GuideCard,
    /// Introduction (HTML).
    pub intro_html: Option<String>,
    /// Estimated time, human (`2 min`).
    pub time_text: Option<String>,
    /// Estimated time, ISO 8601 (`PT2M`).
    pub time_iso: Option<String>,
    /// Last review date.
    pub reviewed: Option<String>,
    /// Prerequisites (inline HTML).
    pub prerequisites: Vec<String>,
    /// Tools (inline HTML).
    pub tools: Vec<String>,
    /// Supplies (inline HTML).
    pub supplies: Vec<String>,
    /// Tools then supplies as one list in a sentence (`a computer and your password`), for
    /// "You need: …".
    pub needs_html: Option<String>,
    /// Guide-level warnings (inline HTML).
    pub warnings: Vec<String>,
    /// Guide-level notes.
    pub notes: Vec<NoteView>,
    /// Procedures per platform.
    pub procedures: Vec<PlatformView>,
    /// Platforms deliberately not covered, with the reason (inline HTML).
    pub unavailable: Vec<(String, String)>,
    /// Outcome (HTML).
    pub outcome_html: Option<String>,
    /// Facts about the outcome (inline HTML).
    pub facts: Vec<String>,
    /// Tips (inline HTML).
    pub tips: Vec<String>,
    /// Troubleshooting (problem, solution) as inline HTML.
    pub troubleshooting: Vec<(String, String)>,
    /// Related guides.
    pub related: Vec<Link>,
    /// Checklist page URL.
    pub checklist_url: String,
    /// JSON data URL.
    pub json_url: String,
}

/// A guide-level note.
#[derive(Debug, Clone, Serialize)]
pub struct NoteView {
    /// The note (inline HTML).
    pub html: String,
    /// The note as written (Markdown).
    pub markdown: String,
    /// Who it is for (`admins`), when not every reader.
    pub audience: Option<String>,
    /// The callout's label: `Note:` or `For admins:`.
    pub label: String,
}

fn note_views(g: &Guide, locale: &Locale) -> Vec<NoteView> {
    g.notes
        .iter()
        .map(|n| {
            let audience = n.audience.as_ref().map(|a| a.value.trim().to_owned());
            NoteView {
                html: guide_inline_html(&n.text.value),
                markdown: n.text.value.clone(),
                label: match &audience {
                    Some(a) => locale.text_with("note-for", &[("audience", Arg::Str(a))]),
                    None => locale.text("note"),
                },
                audience,
            }
        })
        .collect()
}

fn inline(list: &[Spanned<String>]) -> Vec<String> {
    list.iter().map(|s| guide_inline_html(&s.value)).collect()
}

/// Items as one list in a sentence, in Markdown: `a computer, a cable and your password.`,
/// each item's first word in lower case when it is an article or a possessive (`A computer`
/// reads `a computer` after "You need:").
pub fn needs<'a>(items: impl Iterator<Item = &'a str>) -> Option<String> {
    needs_in(items, &Locale::english())
}

/// [`needs`] in `locale`'s language: the words of `list-lower-words` lose their capital,
/// the last two items are joined by `list-and`.
pub fn needs_in<'a>(items: impl Iterator<Item = &'a str>, locale: &Locale) -> Option<String> {
    let items: Vec<String> = items
        .map(|t| {
            let t = t.trim().trim_end_matches(['.', ',', ';']);
            let first = t.split_whitespace().next().unwrap_or("");
            let capitalised = first.chars().next().is_some_and(char::is_uppercase)
                && first.chars().skip(1).all(char::is_lowercase);
            let lower = capitalised && locale.has_word("list-lower-words", None, first);
            if lower {
                format!("{}{}", first.to_lowercase(), &t[first.len()..])
            } else {
                t.to_owned()
            }
        })
        .filter(|t| !t.is_empty())
        .collect();
    let (last, rest) = items.split_last()?;
    Some(if rest.is_empty() {
        format!("{last}.")
    } else {
        let rest = rest.join(", ");
        let list = locale.text_with(
            "list-and",
            &[("rest", Arg::Str(&rest)), ("last", Arg::Str(last))],
        );
        format!("{list}.")
    })
}

/// Seconds as `2 min`, `1 h 30 min`, `45 s`.
pub fn human_time(secs: u32) -> String {
    let (h, m, s) = (secs / 3600, secs % 3600 / 60, secs % 60);
    let mut parts = Vec::new();
    if h > 0 {
        parts.push(format!("{h} h"));
    }
    if m > 0 {
        parts.push(format!("{m} min"));
    }
    if s > 0 || parts.is_empty() {
        parts.push(format!("{s} s"));
    }
    parts.join(" ")
}

/// Seconds as ISO 8601 (`PT1H30M`).
pub fn iso_time(secs: u32) -> String {
    let (h, m, s) = (secs / 3600, secs % 3600 / 60, secs % 60);
    let mut out = String::from("PT");
    if h > 0 {
        out.push_str(&format!("{h}H"));
    }
    if m > 0 {
        out.push_str(&format!("{m}M"));
    }
    if s > 0 || (h == 0 && m == 0) {
        out.push_str(&format!("{s}S"));
    }
    out
}

/// Resolves a step's illustration to a view; `media` maps a source path to its site URL
/// and size.
pub type MediaLookup<'a> = dyn Fn(&Guide, &str) -> Option<(String, Option<(u32, u32)>)> + 'a;

/// What every step view of a page needs: its screenshots' URLs and its language.
struct Env<'e> {
    media: &'e MediaLookup<'e>,
    locale: &'e Locale,
}

/// Where the reader is before a step: the device of the step before it (its last
/// sub-step's, if it has sub-steps; the other device an option ends on, if it has
/// options), `None` for the procedure's own device.
pub(crate) fn last_device<'p>(rs: &ResolvedStep<'p>) -> Option<&'p str> {
    if let Some(s) = rs.substeps.last() {
        return last_device(s);
    }
    rs.options
        .iter()
        .filter_map(|o| o.steps.last().and_then(last_device))
        .next()
        .or(rs.elsewhere)
}

/// A device as `locale` calls it (`your computer` → `votre ordinateur`), by its kind's
/// `device-<kind>` message; a device the kinds do not name stays as it is.
pub(super) fn device_words(device: &str, locale: &Locale) -> String {
    crate::model::PlatformKind::NAMES
        .iter()
        .find(|(_, k)| k.device() == device)
        .map_or_else(
            || device.to_owned(),
            |(name, _)| locale.text(&format!("device-{name}")),
        )
}

/// The announcements before a step: moving to another device, or coming back to the
/// procedure's own (`home`), given the device the reader was on before it.
pub(crate) fn switches(
    rs: &ResolvedStep<'_>,
    before: Option<&str>,
    home: &str,
    locale: &Locale,
) -> (Option<String>, Option<String>) {
    match (before, rs.elsewhere) {
        (b, Some(now)) if b != Some(now) => (
            Some(locale.text_with(
                "switch-to",
                &[("device", Arg::Str(&device_words(now, locale)))],
            )),
            None,
        ),
        (Some(_), None) => (
            None,
            Some(locale.text_with(
                "switch-back",
                &[("device", Arg::Str(&device_words(home, locale)))],
            )),
        ),
        _ => (None, None),
    }
}

/// The views of a step's options, each with its numbered steps.
fn option_views(
    rg: &ResolvedGuide<'_>,
    ps: &PlatformSteps<'_>,
    rs: &ResolvedStep<'_>,
    anchor: &str,
    number: &str,
    nums: &[Numbered<'_>],
    env: &Env<'_>,
) -> Vec<OptionView> {
    rs.options
        .iter()
        .enumerate()
        .map(|(k, o)| OptionView {
            anchor: format!("{anchor}-option-{}", k + 1),
            number: k + 1,
            label_html: guide_inline_html(&option_label(o.option, nums, env.locale)),
            label: option_label(o.option, nums, env.locale),
            condition: o.option.condition,
            steps: o
                .steps
                .iter()
                .enumerate()
                .map(|(j, sub)| {
                    step_view(
                        rg,
                        ps,
                        sub,
                        steps::option_number(number, k, j),
                        match j {
                            0 => rs.elsewhere,
                            _ => o.steps[j - 1].elsewhere,
                        },
                        nums,
                        env,
                    )
                })
                .collect(),
        })
        .collect()
}

fn step_view(
    rg: &ResolvedGuide<'_>,
    ps: &PlatformSteps<'_>,
    rs: &ResolvedStep<'_>,
    number: String,
    before: Option<&str>,
    nums: &[Numbered<'_>],
    env: &Env<'_>,
) -> StepView {
    let s: &Step = rs.step;
    let ins: Instruction = instruction(s, rs.on, rg.product, env.locale);
    let anchor = steps::anchor(&ps.platform.id, &number);
    let image = illustration(rg, rs.on, s, &ins, &anchor, env);
    let (switch, back) = switches(rs, before, ps.platform.kind.device(), env.locale);
    let x = |t: &str| steps::expand(t, nums).into_owned();
    let md = |t: &Option<Spanned<String>>| t.as_ref().map(|t| x(&t.value));
    let html = |t: &Option<Spanned<String>>| t.as_ref().map(|t| guide_inline_html(&x(&t.value)));
    StepView {
        options: option_views(rg, ps, rs, &anchor, &number, nums, env),
        anchor,
        instruction: parts(&ins, nums),
        text: steps::expand_plain(&ins.to_text_in(env.locale), nums).into_owned(),
        markdown: x(&ins.to_markdown()),
        target: s.target.as_ref().map(|t| target_view(t, rs.on, rg.product)),
        location: ins.location.clone(),
        confirm: s
            .confirm
            .as_ref()
            .map(|t| target_view(t, rs.on, rg.product)),
        optional: s.optional,
        detail_html: rs.detail().map(|t| guide_html(&x(&t.value))),
        result_html: rs.result().map(|t| guide_inline_html(&x(&t.value))),
        note_html: html(&s.note),
        warning_html: html(&s.warning),
        choices: s
            .choices
            .iter()
            .map(|c| guide_inline_html(&x(&c.value)))
            .collect(),
        image,
        substeps: rs
            .substeps
            .iter()
            .enumerate()
            .map(|(i, sub)| {
                let before = match i {
                    0 => rs.elsewhere,
                    _ => rs.substeps[i - 1].elsewhere,
                };
                step_view(
                    rg,
                    ps,
                    sub,
                    steps::sub_number(&number, i),
                    before,
                    nums,
                    env,
                )
            })
            .collect(),
        number,
        on: rs.elsewhere.map(|_| rs.on.id.clone()),
        device: rs.elsewhere.map(str::to_owned),
        switch,
        back,
        source: StepSource {
            condition: md(&s.condition),
            detail: rs.detail().map(|t| x(&t.value)),
            result: rs.result().map(|t| x(&t.value)),
            note: md(&s.note),
            warning: md(&s.warning),
            choices: s.choices.iter().map(|c| x(&c.value)).collect(),
        },
    }
}

/// An option's condition as it follows "If" (or its name), with step references expanded.
fn option_label(o: &crate::model::StepOption, nums: &[Numbered<'_>], locale: &Locale) -> String {
    let t = steps::expand(&o.label.value, nums);
    if o.condition {
        super::instruction::condition_in(&t, locale)
    } else {
        t.trim_end_matches(['.', ':', ';', ',']).to_owned()
    }
}

/// The instruction's pieces, with the author's Markdown rendered.
fn parts(ins: &Instruction, nums: &[Numbered<'_>]) -> Vec<Part> {
    ins.pieces
        .iter()
        .map(|p| match p {
            Piece::Text(t) => Part::Text(t.clone()),
            Piece::Ui(t) => Part::Ui(t.clone()),
            Piece::Markdown(m) => Part::Html(guide_inline_html(&steps::expand(m, nums))),
            Piece::Where(w) => Part::Where(w.clone()),
            Piece::Var(v) => Part::Var(v.clone()),
        })
        .collect()
}

fn target_view(t: &Target, platform: &Platform, product: Option<&Product>) -> TargetView {
    let (label, _) = target_label(t, platform, product);
    match t {
        Target::Key(k) => TargetView {
            key: Some(k.value.clone()),
            label,
            role: product
                .and_then(|p| p.control(&k.value))
                .map(|c| c.role.value.as_str()),
        },
        Target::Text(_) => TargetView {
            key: None,
            label,
            role: None,
        },
    }
}

/// The illustration of a step: its screenshot (with callouts), or a schematic drawn from the
/// glossary where the step asks for one or the site's `illustrations` setting wants one.
fn illustration(
    rg: &ResolvedGuide<'_>,
    platform: &Platform,
    s: &Step,
    ins: &Instruction,
    anchor: &str,
    env: &Env<'_>,
) -> Option<ImageView> {
    if let Some(img) = &s.image
        && let Some(src) = &img.src
    {
        let (url, size) = (env.media)(rg.guide, &src.value)?;
        return Some(screenshot(img, url, size));
    }
    let wanted = match rg.site.illustrations {
        Illustrations::None => false,
        Illustrations::AllSteps => true,
        Illustrations::WhereGiven => s.image.is_some(),
        Illustrations::WhereUseful => s.image.is_some() || adds_to_the_sentence(rg, platform, s),
    };
    wanted.then(|| schematic(rg, platform, s, ins, anchor, env.locale))
}

/// True if a drawing of the step shows something its sentence does not: where on the
/// screen its control sits (a corner, a bar, an edge), what an icon looks like, the menu a
/// menu item is in, or the dialog that confirms it. A row of a list, the middle of the
/// screen, a whole screen or a step without a control would only repeat the sentence.
pub fn adds_to_the_sentence(rg: &ResolvedGuide<'_>, platform: &Platform, s: &Step) -> bool {
    if s.confirm.is_some() {
        return true;
    }
    let Some(Target::Key(k)) = &s.target else {
        return false;
    };
    let Some(c) = rg.product.and_then(|p| p.control(&k.value)) else {
        return false;
    };
    match c.role.value {
        Role::Screen => false,
        Role::Icon | Role::MenuItem | Role::Dialog => true,
        _ => matches!(
            control_at(c, platform),
            Some(at) if !matches!(at, Location::Centre | Location::ListRow(_))
        ),
    }
}

/// Where a control sits on `platform` for drawing: its `at`, or a location named in its
/// `where` text.
fn control_at(c: &Control, platform: &Platform) -> Option<Location> {
    c.at.as_ref()
        .and_then(|a| a.get(&platform.id))
        .map(|a| a.value)
        .or_else(|| {
            c.location
                .as_ref()
                .and_then(|l| l.get(&platform.id))
                .and_then(|l| Location::find_in(&l.value))
        })
}

fn screenshot(img: &Image, url: String, size: Option<(u32, u32)>) -> ImageView {
    let (callouts, notes) = callout_views(img);
    ImageView {
        src: Some(url),
        alt: img
            .alt
            .as_ref()
            .map(|a| a.value.clone())
            .unwrap_or_default(),
        width: size.map(|s| s.0),
        height: size.map(|s| s.1),
        callouts,
        overlay: size.and_then(|(w, h)| super::schematic::callouts(img, w, h)),
        notes,
        schematic: None,
    }
}

/// A screenshot's callouts as data, and their labels as text (`1: Tap here`).
fn callout_views(img: &Image) -> (Vec<CalloutView>, Vec<String>) {
    // Markers are numbered among themselves, as drawn.
    let mut markers = 0;
    let mut notes = Vec::new();
    let views = img
        .callouts
        .iter()
        .map(|c| {
            let label = c.label.as_ref().map(|l| l.value.clone());
            match c.shape {
                CalloutShape::Box(x, y, width, height) => {
                    notes.extend(label.clone());
                    CalloutView::Box {
                        x,
                        y,
                        width,
                        height,
                        label,
                    }
                }
                CalloutShape::Arrow(x1, y1, x2, y2) => {
                    notes.extend(label.clone());
                    CalloutView::Arrow {
                        x1,
                        y1,
                        x2,
                        y2,
                        label,
                    }
                }
                CalloutShape::Marker(x, y) => {
                    markers += 1;
                    notes.extend(label.as_ref().map(|l| format!("{markers}: {l}")));
                    CalloutView::Marker {
                        x,
                        y,
                        number: markers,
                        label,
                    }
                }
            }
        })
        .collect();
    (views, notes)
}

/// A schematic of the step's control on the platform's device, drawn from the glossary.
fn schematic(
    rg: &ResolvedGuide<'_>,
    platform: &Platform,
    s: &Step,
    ins: &Instruction,
    anchor: &str,
    locale: &Locale,
) -> ImageView {
    use super::schematic::{Glyph, Schematic, Shape, draw};
    let control = match &s.target {
        Some(Target::Key(k)) => rg.product.and_then(|p| p.control(&k.value)),
        _ => None,
    };
    let (label, where_text) = match &s.target {
        Some(t) => target_label(t, platform, rg.product),
        None => (ins.to_text().trim_end_matches('.').to_owned(), None),
    };
    let label = match &s.target {
        Some(Target::Text(_)) => super::markdown::to_plain(&label),
        _ => label,
    };
    let at = control.and_then(|c| control_at(c, platform));
    // A whole screen (opening an app or a page) is shown as a caption, not a control.
    let is_screen = control.is_some_and(|c| c.role.value == Role::Screen);
    let at = match (&s.target, at) {
        _ if is_screen => None,
        (Some(_), None) => Some(Location::Centre),
        (_, at) => at,
    };
    let shape = match control.map(|c| c.role.value) {
        Some(Role::Icon) => Shape::Icon(
            control
                .and_then(|c| c.description.as_ref())
                .map_or(Glyph::Plain, |d| Glyph::from_description(&d.value)),
        ),
        Some(Role::MenuItem) => Shape::MenuItem(match at {
            Some(Location::ListRow(n)) => n,
            _ => 2,
        }),
        _ => Shape::Control,
    };
    let menu_from = match (shape, control) {
        (Shape::MenuItem(_), Some(c)) => menu_trigger(rg.product, platform, c),
        _ => None,
    };
    let confirm = s
        .confirm
        .as_ref()
        .map(|c| super::markdown::to_plain(&target_label(c, platform, rg.product).0));
    let alt = s
        .image
        .as_ref()
        .and_then(|i| i.alt.as_ref())
        .map(|a| a.value.clone())
        .unwrap_or_else(|| {
            let control = s.target.as_ref().map(|_| (control, where_text.as_deref()));
            let alt = schematic_alt(rg.product, platform, &label, control, locale);
            match &confirm {
                Some(c) => locale.text_with(
                    "schematic-confirm",
                    &[("alt", Arg::Str(&alt)), ("confirm", Arg::Str(c))],
                ),
                None => alt,
            }
        });
    let address = rg
        .product
        .and_then(|p| p.home.as_ref())
        .map_or(String::new(), |h| {
            h.value
                .trim_start_matches("https://")
                .trim_start_matches("http://")
                .to_owned()
        });
    let svg = draw(&Schematic {
        kind: platform.kind,
        at,
        label: &label,
        shape,
        confirm: confirm.as_deref(),
        menu_from,
        address: &address,
        app: rg.product.map_or("", |p| p.name.value.as_str()),
        alt: &alt,
        id: &format!("fig-{anchor}"),
    });
    ImageView {
        src: None,
        alt,
        width: None,
        height: None,
        callouts: Vec::new(),
        overlay: None,
        notes: Vec::new(),
        schematic: Some(svg),
    }
}

/// The icon a menu item's menu opens from: a control of the platform with `role: icon` or
/// `role: menu`, whose label the item's `where` names ("inside the profile menu" names
/// **Profile**), with the place it sits and its glyph.
fn menu_trigger(
    product: Option<&Product>,
    platform: &Platform,
    item: &Control,
) -> Option<(Location, super::schematic::Glyph)> {
    use super::schematic::Glyph;
    let words = |t: &str| -> Vec<String> {
        t.to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let place = words(&item.location.as_ref()?.get(&platform.id)?.value);
    product?.glossary.iter().find_map(|c| {
        if !matches!(c.role.value, Role::Icon | Role::Menu) || !c.exists_on(&platform.id) {
            return None;
        }
        let label = words(&c.label.get(&platform.id)?.value);
        let named = !label.is_empty() && place.windows(label.len()).any(|w| w == label.as_slice());
        let at = control_at(c, platform)?;
        let glyph = c
            .description
            .as_ref()
            .map_or(Glyph::Plain, |d| Glyph::from_description(&d.value));
        named.then_some((at, glyph))
    })
}

/// Alt text of a schematic (`Log out button, top right, in the Acme app on Android`);
/// `control` is the glossary entry and location in words, for steps with a target.
fn schematic_alt(
    product: Option<&Product>,
    platform: &Platform,
    label: &str,
    control: Option<(Option<&Control>, Option<&str>)>,
    locale: &Locale,
) -> String {
    let surface = if platform.kind == PlatformKind::Desktop {
        "website"
    } else {
        "app"
    };
    let product = product.map_or("", |p| p.name.value.as_str());
    let mut what = label.to_owned();
    if let Some((c, where_text)) = control {
        if let Some(c) = c {
            let role = locale.text(&format!("role-{}", c.role.value.as_str()));
            what = locale.text_with(
                "schematic-control",
                &[("label", Arg::Str(&what)), ("role", Arg::Str(&role))],
            );
        }
        if let Some(w) = where_text {
            what = locale.text_with(
                "schematic-place",
                &[("what", Arg::Str(&what)), ("where", Arg::Str(w))],
            );
        }
    }
    locale.text_with(
        "schematic-alt",
        &[
            ("what", Arg::Str(&what)),
            ("product", Arg::Str(product)),
            ("surface", Arg::Str(surface)),
            ("platform", Arg::Str(&platform.name)),
        ],
    )
}

/// The card of a guide.
pub fn card(rg: &ResolvedGuide<'_>) -> GuideCard {
    let g = rg.guide;
    GuideCard {
        id: g.id.value.clone(),
        url: layout::guide_page(&g.id.value),
        title: g.title.value.clone(),
        summary_html: to_inline_html(&g.summary.value),
        platforms: rg
            .platforms
            .iter()
            .map(|p| PlatformRef {
                id: p.platform.id.clone(),
                name: p.platform.name.clone(),
            })
            .collect(),
        category: g.category.as_ref().and_then(|c| {
            Some(Link {
                title: c.value.clone(),
                url: layout::category_page(&c.value)?,
            })
        }),
        product: Link {
            title: rg
                .product
                .map_or_else(|| g.product.clone(), |p| p.name.value.clone()),
            url: layout::product_page(&g.product),
        },
        updated: g
            .updated(rg.site.updated)
            .map(|d| DateView::new(d, &rg.site.language)),
        tags: {
            let mut tags: Vec<Link> = Vec::new();
            for t in &g.tags {
                if let Some(url) = layout::tag_page(&t.value)
                    && !tags.iter().any(|l| l.url == url)
                {
                    tags.push(Link {
                        title: t.value.clone(),
                        url,
                    });
                }
            }
            tags
        },
    }
}

/// One platform's procedure, with the hash checklists keep their state under.
fn platform_view(rg: &ResolvedGuide<'_>, ps: &PlatformSteps<'_>, env: &Env<'_>) -> PlatformView {
    let nums = steps::numbered(ps);
    let steps: Vec<StepView> = ps
        .steps
        .iter()
        .enumerate()
        .map(|(i, rs)| {
            let before = i.checked_sub(1).and_then(|p| last_device(&ps.steps[p]));
            step_view(rg, ps, rs, (i + 1).to_string(), before, &nums, env)
        })
        .collect();
    let mut h = String::new();
    // Where a step happens is part of it: moving steps to another device resets checklists.
    let add = |h: &mut String, s: &StepView| {
        if let Some(d) = &s.device {
            h.push_str(d);
            h.push_str(": ");
        }
        h.push_str(&s.text);
        h.push('\n');
    };
    for s in &steps {
        add(&mut h, s);
        for sub in &s.substeps {
            add(&mut h, sub);
        }
        for (k, o) in s.options.iter().enumerate() {
            // Only a guide with options adds to the hash: others keep their checklist state.
            h.push_str(&format!("option {}: {}\n", k + 1, o.label));
            for sub in &o.steps {
                add(&mut h, sub);
            }
        }
    }
    let goal = rg
        .guide
        .goals
        .iter()
        .find(|g| g.platform.value == ps.platform.id)
        .map(|g| g.text.value.clone());
    PlatformView {
        id: ps.platform.id.clone(),
        name: ps.platform.name.clone(),
        goal_html: goal.as_deref().map(guide_inline_html),
        goal,
        same_as: ps.same_as.and_then(|id| {
            rg.platforms
                .iter()
                .find(|p| p.platform.id == id)
                .map(|p| p.platform.name.clone())
        }),
        steps,
        hash: format!("{:016x}", layout::content_hash(h.as_bytes())),
    }
}

/// The full view of a guide page.
pub fn guide_view(
    rg: &ResolvedGuide<'_>,
    titles: &dyn Fn(&str) -> Option<String>,
    media: &MediaLookup<'_>,
    locale: &Locale,
) -> GuideView {
    let g = rg.guide;
    let env = Env { media, locale };
    let procedures = rg
        .platforms
        .iter()
        .map(|ps| platform_view(rg, ps, &env))
        .collect();
    GuideView {
        card: card(rg),
        intro_html: g.intro.as_ref().map(|t| guide_html(&t.value)),
        time_text: g.time.as_ref().map(|t| human_time(t.value)),
        time_iso: g.time.as_ref().map(|t| iso_time(t.value)),
        reviewed: g.reviewed.as_ref().map(|d| d.value.to_string()),
        prerequisites: inline(&g.prerequisites),
        tools: inline(&g.tools),
        supplies: inline(&g.supplies),
        needs_html: needs_in(
            g.tools.iter().chain(&g.supplies).map(|t| t.value.as_str()),
            locale,
        )
        .map(|m| guide_inline_html(&m)),
        warnings: inline(&g.warnings),
        notes: note_views(g, locale),
        procedures,
        unavailable: g
            .unavailable_on
            .iter()
            .map(|u| (u.platform.value.clone(), guide_inline_html(&u.reason.value)))
            .collect(),
        outcome_html: g
            .outcome
            .as_ref()
            .and_then(|o| o.text.as_ref())
            .map(|t| guide_html(&t.value)),
        facts: g
            .outcome
            .as_ref()
            .map(|o| inline(&o.facts))
            .unwrap_or_default(),
        tips: inline(&g.tips),
        troubleshooting: g
            .troubleshooting
            .iter()
            .map(|t| {
                (
                    guide_inline_html(&t.problem.value),
                    guide_inline_html(&t.solution.value),
                )
            })
            .collect(),
        related: g
            .related
            .iter()
            .filter_map(|r| {
                titles(&r.value).map(|title| Link {
                    title,
                    url: layout::guide_page(&r.value),
                })
            })
            .collect(),
        checklist_url: layout::checklist_page(&g.id.value),
        json_url: layout::guide_data(&g.id.value),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn what_the_reader_needs_reads_as_one_sentence() {
        let needs = |items: &[&str]| super::needs(items.iter().copied());
        assert_eq!(needs(&[]), None);
        assert_eq!(needs(&["A computer."]).as_deref(), Some("a computer."));
        assert_eq!(
            needs(&["A web browser", "Your account email"]).as_deref(),
            Some("a web browser and your account email.")
        );
        assert_eq!(
            needs(&["An iPhone", "USB-C cable", "The *Netflix* app"]).as_deref(),
            Some("an iPhone, USB-C cable and the *Netflix* app.")
        );
    }
}
