//! Checklists as Markdown task lists, plain text and JSON, and the per-guide JSON data file.

use serde::Serialize;

use super::view::{CalloutView, GuideView, PlatformView, StepView, TargetView};

/// The documented per-guide JSON (`data/<id>.json`).
#[derive(Debug, Serialize)]
pub struct GuideData<'a> {
    /// Format version.
    pub version: u32,
    /// Guide id.
    pub id: &'a str,
    /// Title.
    pub title: &'a str,
    /// Estimated time, ISO 8601.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total_time: Option<&'a str>,
    /// When the guide was last updated (ISO 8601 date).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated: Option<&'a str>,
    /// Notes about the whole guide.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<NoteData<'a>>,
    /// Steps per platform.
    pub platforms: Vec<PlatformData<'a>>,
}

/// A guide-level note in the JSON data.
#[derive(Debug, Serialize)]
pub struct NoteData<'a> {
    /// The note (Markdown).
    pub text: &'a str,
    /// Who it is for, when not every reader.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub audience: Option<&'a str>,
}

fn note_data(gv: &GuideView) -> Vec<NoteData<'_>> {
    gv.notes
        .iter()
        .map(|n| NoteData {
            text: &n.markdown,
            audience: n.audience.as_deref(),
        })
        .collect()
}

/// One platform's steps in the JSON data.
#[derive(Debug, Serialize)]
pub struct PlatformData<'a> {
    /// Platform id.
    pub id: &'a str,
    /// Platform name.
    pub name: &'a str,
    /// Platform whose steps these are (`same_as`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub same_as: Option<&'a str>,
    /// What this platform's procedure achieves (Markdown).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub goal: Option<&'a str>,
    /// Version hash of the steps.
    pub hash: &'a str,
    /// Steps.
    pub steps: Vec<StepData<'a>>,
}

/// One step in the JSON data: every field of the step as this platform reads it (fields
/// the step does not have are left out).
#[derive(Debug, Serialize)]
pub struct StepData<'a> {
    /// Number (`3` or `3.1`).
    pub number: &'a str,
    /// Anchor of the step on the guide page (`android-3`).
    pub anchor: &'a str,
    /// Instruction, plain text.
    pub text: &'a str,
    /// Instruction, Markdown.
    pub markdown: &'a str,
    /// What the step acts on: glossary key, label and role.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<&'a TargetView>,
    /// Location of the target.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<&'a str>,
    /// The condition under which the step applies (Markdown).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub condition: Option<&'a str>,
    /// The control that confirms the action.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confirm: Option<&'a TargetView>,
    /// Whether the step may be skipped.
    pub optional: bool,
    /// More explanation (Markdown).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<&'a str>,
    /// What happens next (Markdown).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub result: Option<&'a str>,
    /// Note (Markdown).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<&'a str>,
    /// Warning (Markdown).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warning: Option<&'a str>,
    /// Alternatives to pick from (Markdown).
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub choices: &'a [String],
    /// Illustration.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<ImageData<'a>>,
    /// The platform the step happens on, when it is not the procedure's own (`on:`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub on: Option<&'a str>,
    /// The device it happens on then (`your computer`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub device: Option<&'a str>,
    /// Sub-steps.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub substeps: Vec<StepData<'a>>,
    /// Exclusive options: the reader follows one of them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<OptionData<'a>>,
}

/// One of a step's exclusive options in the JSON data.
#[derive(Debug, Serialize)]
pub struct OptionData<'a> {
    /// Anchor id on the page.
    pub anchor: &'a str,
    /// The condition under which this option applies (Markdown), for `if:`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub condition: Option<&'a str>,
    /// The option's name (Markdown), for `label:`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<&'a str>,
    /// The option's steps.
    pub steps: Vec<StepData<'a>>,
}

/// A step's illustration in the JSON data.
#[derive(Debug, Serialize)]
pub struct ImageData<'a> {
    /// Screenshot URL relative to the site root (`None` for a generated schematic).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub src: Option<&'a str>,
    /// Alt text.
    pub alt: &'a str,
    /// Pixel width, if known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub width: Option<u32>,
    /// Pixel height, if known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub height: Option<u32>,
    /// Marks over the screenshot.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub callouts: &'a [CalloutView],
}

fn step_data(s: &StepView) -> StepData<'_> {
    StepData {
        number: &s.number,
        anchor: &s.anchor,
        text: &s.text,
        markdown: &s.markdown,
        target: s.target.as_ref(),
        location: s.location.as_deref(),
        condition: s.source.condition.as_deref(),
        confirm: s.confirm.as_ref(),
        optional: s.optional,
        detail: s.source.detail.as_deref(),
        result: s.source.result.as_deref(),
        note: s.source.note.as_deref(),
        warning: s.source.warning.as_deref(),
        choices: &s.source.choices,
        image: s.image.as_ref().map(|i| ImageData {
            src: i.src.as_deref(),
            alt: &i.alt,
            width: i.width,
            height: i.height,
            callouts: &i.callouts,
        }),
        on: s.on.as_deref(),
        device: s.device.as_deref(),
        substeps: s.substeps.iter().map(step_data).collect(),
        options: s
            .options
            .iter()
            .map(|o| OptionData {
                anchor: &o.anchor,
                condition: o.condition.then_some(o.label.as_str()),
                label: (!o.condition).then_some(o.label.as_str()),
                steps: o.steps.iter().map(step_data).collect(),
            })
            .collect(),
    }
}

impl<'a> GuideData<'a> {
    /// The data of a guide view.
    pub fn of(gv: &'a GuideView) -> GuideData<'a> {
        GuideData {
            version: 1,
            id: &gv.card.id,
            title: &gv.card.title,
            total_time: gv.time_iso.as_deref(),
            updated: gv.card.updated.as_ref().map(|d| d.iso.as_str()),
            notes: note_data(gv),
            platforms: gv.procedures.iter().map(platform_data).collect(),
        }
    }
}

fn platform_data(p: &PlatformView) -> PlatformData<'_> {
    PlatformData {
        id: &p.id,
        name: &p.name,
        same_as: p.same_as.as_deref(),
        goal: p.goal.as_deref(),
        hash: &p.hash,
        steps: p.steps.iter().map(step_data).collect(),
    }
}

/// Output forms of `stepwise checklist`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ChecklistFormat {
    /// Markdown task list.
    Md,
    /// Plain text with `[ ]` boxes.
    Text,
    /// JSON.
    Json,
}

/// Renders the checklist of the given platforms of a guide.
pub fn render(gv: &GuideView, platforms: &[&PlatformView], format: ChecklistFormat) -> String {
    let mut out = String::new();
    match format {
        ChecklistFormat::Json => {
            let data: Vec<PlatformData<'_>> = platforms.iter().map(|p| platform_data(p)).collect();
            let mut doc = serde_json::json!({
                "id": gv.card.id,
                "title": gv.card.title,
            });
            let notes = note_data(gv);
            if !notes.is_empty() {
                doc["notes"] = serde_json::json!(notes);
            }
            doc["platforms"] = serde_json::json!(data);
            out = serde_json::to_string_pretty(&doc).unwrap_or_default();
            out.push('\n');
        }
        ChecklistFormat::Md | ChecklistFormat::Text => {
            let md = format == ChecklistFormat::Md;
            out.push_str(if md { "## " } else { "" });
            out.push_str(&gv.card.title);
            out.push('\n');
            if !gv.notes.is_empty() {
                out.push('\n');
            }
            for (i, n) in gv.notes.iter().enumerate() {
                // In Markdown, each note is its own paragraph.
                if md && i > 0 {
                    out.push('\n');
                }
                let text = if md {
                    n.markdown.clone()
                } else {
                    super::markdown::to_plain(&n.markdown)
                };
                out.push_str(&format!("{} {text}\n", n.label));
            }
            for p in platforms {
                out.push('\n');
                out.push_str(if md { "### " } else { "" });
                out.push_str(&p.name);
                out.push_str("\n\n");
                if let Some(goal) = &p.goal {
                    if md {
                        out.push_str(goal);
                    } else {
                        out.push_str(&super::markdown::to_plain(goal));
                    }
                    out.push_str("\n\n");
                }
                for s in &p.steps {
                    line(&mut out, s, md, 0);
                }
            }
        }
    }
    out
}

fn line(out: &mut String, s: &StepView, md: bool, depth: usize) {
    out.push_str(&"  ".repeat(depth));
    out.push_str(if md { "- [ ] " } else { "[ ] " });
    if let Some(switch) = s.switch.as_ref().or(s.back.as_ref()) {
        out.push_str(switch);
        out.push_str(": ");
    }
    if s.optional {
        out.push_str("(optional) ");
    }
    out.push_str(if md { &s.markdown } else { &s.text });
    out.push('\n');
    // Choices are options to pick from, not tasks: plain items under the step.
    for c in &s.source.choices {
        out.push_str(&"  ".repeat(depth + 1));
        out.push_str("- ");
        if md {
            out.push_str(c);
        } else {
            out.push_str(&super::markdown::to_plain(c));
        }
        out.push('\n');
    }
    for sub in &s.substeps {
        line(out, sub, md, depth + 1);
    }
    if !s.options.is_empty() {
        // The options are exclusive: a heading line says so, then each option's boxes.
        out.push_str(&"  ".repeat(depth + 1));
        out.push_str("- One of:\n");
        for o in &s.options {
            out.push_str(&"  ".repeat(depth + 2));
            let label = if md {
                o.label.clone()
            } else {
                super::markdown::to_plain(&o.label)
            };
            if o.condition {
                out.push_str(&format!("- Option {}: if {label}\n", o.number));
            } else {
                out.push_str(&format!("- Option {}: {label}\n", o.number));
            }
            for sub in &o.steps {
                line(out, sub, md, depth + 3);
            }
        }
    }
}
