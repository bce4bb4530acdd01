//! Guides: one task, with ordered steps per platform.

use super::Action;
use crate::source::{FileId, Span, Spanned};

/// What a step acts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A key of the product glossary (a plain `lower-case-key`).
    Key(Spanned<String>),
    /// Free text where no glossary entry fits (anything quoted or not key-shaped).
    Text(Spanned<String>),
}

impl Target {
    /// Where the target was written.
    pub fn span(&self) -> Span {
        match self {
            Target::Key(s) | Target::Text(s) => s.span,
        }
    }
}

/// The state a `toggle` step sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Toggle {
    /// Switch on.
    On,
    /// Switch off.
    Off,
}

/// A screenshot reference or, without `src`, a request for a generated schematic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Image {
    /// Path relative to the guide's file, inside the guides folder.
    pub src: Option<Spanned<String>>,
    /// Alt text.
    pub alt: Option<Spanned<String>>,
    /// Marks drawn over the screenshot.
    pub callouts: Vec<Callout>,
    /// The `image:` value's span.
    pub span: Span,
}

/// The shape of a callout, in pixels of the image.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CalloutShape {
    /// A highlight box: x, y, width, height.
    Box(u32, u32, u32, u32),
    /// An arrow from (x1, y1) to (x2, y2).
    Arrow(u32, u32, u32, u32),
    /// A numbered marker centred at (x, y).
    Marker(u32, u32),
}

/// A mark over a screenshot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Callout {
    /// What to draw.
    pub shape: CalloutShape,
    /// A short label (the marker's number, or words beside a box or arrow).
    pub label: Option<Spanned<String>>,
    /// Where it was written.
    pub span: Span,
}

/// Where a step happens when it is not on the device of its procedure (`on: web`): a
/// hand-over to another platform of the site, for example a TV guide that sends the
/// reader to a computer's browser for a few steps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Context {
    /// The platform the step happens on; its labels and verb apply to the step.
    pub platform: Spanned<String>,
    /// How readers are told where to go ("your work computer"); without it, the device of
    /// the platform's kind ("your computer", "your phone").
    pub device: Option<Spanned<String>>,
}

/// A rule a guide or step deliberately breaks, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Allow {
    /// The rule id, as written (`check` reports ids that name no rule).
    pub rule: Spanned<String>,
    /// Why (required; shown in `--format json`).
    pub reason: Spanned<String>,
}

/// One action on one target.
///
/// Most steps are an action and a target, often with a detail and a screenshot (a real
/// help center has one on most steps); everything else lives in [`StepExtra`], allocated
/// only when a step has any of it (a site of 10,000 guides holds about 200,000 steps).
/// `Step` dereferences to its extras, so `step.note` reads as a field either way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// The whole step.
    pub span: Span,
    /// What to do.
    pub action: Spanned<Action>,
    /// What to do it on (`None` for text actions and target-less `sign-in`).
    pub target: Option<Target>,
    /// Free text of `do:`/`wait:` steps (Markdown).
    pub text: Option<Spanned<String>>,
    /// The step may be skipped.
    pub optional: bool,
    /// More explanation (Markdown).
    pub detail: Option<Spanned<String>>,
    /// Illustration (boxed: a step without one pays a pointer).
    pub image: Option<Box<Image>>,
    /// Everything else, if the step has any of it.
    pub extra: Option<Box<StepExtra>>,
}

/// The less common parts of a step.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StepExtra {
    /// Text to type (`type` steps).
    pub value: Option<Spanned<String>>,
    /// State to set (`toggle` steps).
    pub to: Option<Spanned<Toggle>>,
    /// Condition under which the step applies ("you see **Continue**").
    pub condition: Option<Spanned<String>>,
    /// Confirmation that belongs to the action (the dialog's button).
    pub confirm: Option<Target>,
    /// What the user sees afterwards (Markdown).
    pub result: Option<Spanned<String>>,
    /// A side note (Markdown).
    pub note: Option<Spanned<String>>,
    /// A warning (Markdown).
    pub warning: Option<Spanned<String>>,
    /// Alternatives the user picks from (Markdown items).
    pub choices: Vec<Spanned<String>>,
    /// One level of sub-steps.
    pub substeps: Vec<Step>,
    /// In a shared procedure: the platforms this step is for (empty: all).
    pub only: Vec<Spanned<String>>,
    /// In a shared procedure: a replacement step for some platforms.
    pub instead: Vec<(Spanned<String>, Step)>,
    /// Rules this step deliberately breaks.
    pub allow: Vec<Allow>,
    /// Where the step happens, if on another device than its procedure's (`on:`); sub-steps
    /// inherit it.
    pub on: Option<Context>,
    /// The step's id, which text references as `{step:id}` (unique per platform).
    pub id: Option<Spanned<String>>,
    /// Exclusive options: the reader follows exactly one of them.
    pub options: Vec<StepOption>,
}

/// One of a step's exclusive options: when it applies and its own steps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepOption {
    /// When the option applies (`if:`), or its name (`label:`), as Markdown.
    pub label: Spanned<String>,
    /// True if written as `if:` (a condition), false for `label:`.
    pub condition: bool,
    /// The option's steps (sub-step level).
    pub steps: Vec<Step>,
    /// The whole option.
    pub span: Span,
}

/// The extras of a step that has none.
static NO_EXTRA: StepExtra = StepExtra {
    value: None,
    to: None,
    condition: None,
    confirm: None,
    result: None,
    note: None,
    warning: None,
    choices: Vec::new(),
    substeps: Vec::new(),
    only: Vec::new(),
    instead: Vec::new(),
    allow: Vec::new(),
    on: None,
    id: None,
    options: Vec::new(),
};

impl StepExtra {
    /// True if nothing is set.
    pub fn is_empty(&self) -> bool {
        *self == NO_EXTRA
    }
}

impl std::ops::Deref for Step {
    type Target = StepExtra;

    fn deref(&self) -> &StepExtra {
        self.extra.as_deref().unwrap_or(&NO_EXTRA)
    }
}

/// What a procedure block holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProcedureBody {
    /// Its own steps.
    Steps(Vec<Step>),
    /// The same steps as another platform.
    SameAs(Spanned<String>),
}

/// The steps for one or several platforms (`web:`, `android, ios:`, `ios: {same_as: android}`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Procedure {
    /// Platform ids named by the key.
    pub platforms: Vec<Spanned<String>>,
    /// The key's span.
    pub key_span: Span,
    /// Steps or a `same_as` link.
    pub body: ProcedureBody,
}

/// A platform the guide deliberately does not cover.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unavailable {
    /// The platform id.
    pub platform: Spanned<String>,
    /// Why (shown to readers).
    pub reason: Spanned<String>,
}

/// The end state, with facts and limits that belong to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// What is true when the guide is done (Markdown).
    pub text: Option<Spanned<String>>,
    /// Facts about the outcome ("It can take up to 8 hours...").
    pub facts: Vec<Spanned<String>>,
}

/// A guide-level note, optionally addressed to one audience ("Admins can also ...").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// The note (Markdown).
    pub text: Spanned<String>,
    /// Who the note is for (`admins`), when not every reader.
    pub audience: Option<Spanned<String>>,
}

/// A one-line goal for one platform's procedure ("Remove this iPhone").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Goal {
    /// The platform id.
    pub platform: Spanned<String>,
    /// The goal (Markdown, one line).
    pub text: Spanned<String>,
}

/// A known problem and its fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trouble {
    /// The symptom.
    pub problem: Spanned<String>,
    /// What to do.
    pub solution: Spanned<String>,
}

impl Guide {
    /// Whether one of [`Guide::unread_platforms`] may have meant `platform`: names it, is a
    /// misspelling of it, or is an unknown name close to no platform at all.
    pub fn may_have_meant(&self, platform: &str, site: &crate::model::Site) -> bool {
        use crate::diag::suggest::did_you_mean;
        self.unread_platforms
            .iter()
            .flat_map(|k| k.value.split(','))
            .map(str::trim)
            .any(|name| {
                name == platform
                    || (site.platform(name).is_none()
                        && did_you_mean(name, site.platform_ids()).is_none_or(|m| m == platform))
            })
    }

    /// The "Last updated" date under the site's `updated` setting.
    pub fn updated(&self, setting: crate::model::Updated) -> Option<jiff::civil::Date> {
        use crate::model::Updated;
        match setting {
            Updated::ReviewedOrGit => self.reviewed.as_ref().map(|d| d.value).or(self.committed),
            Updated::Reviewed => self.reviewed.as_ref().map(|d| d.value),
            Updated::None => None,
        }
    }

    /// Every step as written: top-level steps, sub-steps, the steps of options and `instead`
    /// replacements (also those of sub-steps), in file order.
    pub fn written_steps(&self) -> Vec<&Step> {
        fn visit<'s>(s: &'s Step, out: &mut Vec<&'s Step>) {
            out.push(s);
            for sub in &s.substeps {
                visit(sub, out);
            }
            for sub in s.options.iter().flat_map(|o| &o.steps) {
                visit(sub, out);
            }
            for (_, alt) in &s.instead {
                visit(alt, out);
            }
        }
        let mut out = Vec::new();
        for p in &self.procedures {
            if let ProcedureBody::Steps(steps) = &p.body {
                for s in steps {
                    visit(s, &mut out);
                }
            }
        }
        out
    }
}

/// A how-to guide.
#[derive(Debug, Clone)]
pub struct Guide {
    /// The guide file.
    pub file: FileId,
    /// The product folder.
    pub product: String,
    /// The file stem (the default id).
    pub slug: String,
    /// Site-wide id (defaults to the slug).
    pub id: Spanned<String>,
    /// Title ("How to ...").
    pub title: Spanned<String>,
    /// One or two sentences.
    pub summary: Spanned<String>,
    /// Longer introduction (Markdown).
    pub intro: Option<Spanned<String>>,
    /// Category name.
    pub category: Option<Spanned<String>>,
    /// Tags.
    pub tags: Vec<Spanned<String>>,
    /// Estimated time in seconds, with the text as written.
    pub time: Option<Spanned<u32>>,
    /// Date of the last review.
    pub reviewed: Option<Spanned<jiff::civil::Date>>,
    /// The date of the file's last commit, when the site takes dates from git and the
    /// guides folder is in a repository (filled in after loading).
    pub committed: Option<jiff::civil::Date>,
    /// What the reader needs first (Markdown).
    pub prerequisites: Vec<Spanned<String>>,
    /// Tools needed (schema.org `tool`).
    pub tools: Vec<Spanned<String>>,
    /// Supplies needed (schema.org `supply`).
    pub supplies: Vec<Spanned<String>>,
    /// Notes about the whole guide.
    pub notes: Vec<Note>,
    /// One-line goals per platform, where a platform's procedure does something different.
    pub goals: Vec<Goal>,
    /// Steps per platform.
    pub procedures: Vec<Procedure>,
    /// Platforms deliberately not covered.
    pub unavailable_on: Vec<Unavailable>,
    /// Keys of `steps` and `unavailable_on` that could not be read (an unknown platform, or
    /// steps that are not a list): an error was reported for each, and findings about the
    /// platforms they may have meant would only repeat it.
    pub unread_platforms: Vec<Spanned<String>>,
    /// The end state.
    pub outcome: Option<Outcome>,
    /// Tips (Markdown).
    pub tips: Vec<Spanned<String>>,
    /// Guide-level warnings (Markdown).
    pub warnings: Vec<Spanned<String>>,
    /// Known problems.
    pub troubleshooting: Vec<Trouble>,
    /// Ids of related guides.
    pub related: Vec<Spanned<String>>,
    /// Rules this guide deliberately breaks.
    pub allow: Vec<Allow>,
    /// The translation file its texts come from, when it is a guide in another language
    /// than the site's default, merged from its source.
    pub translation: Option<FileId>,
    /// The whole file's mapping.
    pub span: Span,
}
