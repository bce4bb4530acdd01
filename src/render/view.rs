//! The values templates see: small, serialisable views of the resolved model.

use serde::Serialize;

use super::instruction::{Instruction, instruction};
use super::markdown::{to_html, to_inline_html};
use crate::layout;
use crate::model::{Guide, Step};
use crate::resolve::{PlatformSteps, ResolvedGuide, ResolvedStep};

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
    /// Callouts drawn over the screenshot (inline SVG).
    pub overlay: Option<String>,
    /// The callouts' labels, as text for everyone (`1: Tap here`).
    pub notes: Vec<String>,
    /// A generated schematic (inline SVG) where there is no screenshot.
    pub schematic: Option<String>,
}

/// A step as shown on one platform.
#[derive(Debug, Clone, Serialize)]
pub struct StepView {
    /// Anchor id (`android-3`, `android-3-1`).
    pub anchor: String,
    /// Number shown (`3`, or `3.1` for sub-steps).
    pub number: String,
    /// The instruction as inline HTML.
    pub html: String,
    /// The instruction as plain text.
    pub text: String,
    /// The instruction as Markdown.
    pub markdown: String,
    /// Location of the target, if known.
    pub location: Option<String>,
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
    /// Guide-level warnings (inline HTML).
    pub warnings: Vec<String>,
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

fn inline(list: &[crate::source::Spanned<String>]) -> Vec<String> {
    list.iter().map(|s| to_inline_html(&s.value)).collect()
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

fn step_view(
    rg: &ResolvedGuide<'_>,
    ps: &PlatformSteps<'_>,
    rs: &ResolvedStep<'_>,
    number: String,
    media: &MediaLookup<'_>,
) -> StepView {
    let s: &Step = rs.step;
    let ins: Instruction = instruction(s, ps.platform, rg.product);
    let mut html = String::new();
    for p in &ins.pieces {
        match p {
            super::instruction::Piece::Text(t) => html.push_str(&escape(t)),
            super::instruction::Piece::Ui(t) => {
                html.push_str("<b class=\"ui\">");
                html.push_str(&escape(t));
                html.push_str("</b>");
            }
            super::instruction::Piece::Markdown(m) => html.push_str(&to_inline_html(m)),
            super::instruction::Piece::Where(w) => {
                html.push_str(" <span class=\"where\">(");
                html.push_str(&escape(w));
                html.push_str(")</span>");
            }
        }
    }
    let anchor = format!("{}-{}", ps.platform.id, number.replace('.', "-"));
    let image = illustration(rg, ps, s, &ins, &anchor, media);
    StepView {
        anchor,
        html,
        text: ins.to_text(),
        markdown: ins.to_markdown(),
        location: ins.location.clone(),
        optional: s.optional,
        detail_html: s.detail.as_ref().map(|t| to_html(&t.value)),
        result_html: s.result.as_ref().map(|t| to_inline_html(&t.value)),
        note_html: s.note.as_ref().map(|t| to_inline_html(&t.value)),
        warning_html: s.warning.as_ref().map(|t| to_inline_html(&t.value)),
        choices: inline(&s.choices),
        image,
        substeps: rs
            .substeps
            .iter()
            .enumerate()
            .map(|(i, sub)| step_view(rg, ps, sub, format!("{number}.{}", i + 1), media))
            .collect(),
        number,
    }
}

/// The illustration of a step: its screenshot (with callouts), or a schematic drawn from the
/// glossary where the step asks for one or the site illustrates every step.
fn illustration(
    rg: &ResolvedGuide<'_>,
    ps: &PlatformSteps<'_>,
    s: &Step,
    ins: &Instruction,
    anchor: &str,
    media: &MediaLookup<'_>,
) -> Option<ImageView> {
    use super::schematic::{Schematic, callouts, draw};
    use crate::model::{Location, PlatformKind, Target};
    let given_alt = s
        .image
        .as_ref()
        .and_then(|i| i.alt.as_ref())
        .map(|a| a.value.clone());
    if let Some(img) = &s.image
        && let Some(src) = &img.src
    {
        let (url, size) = media(rg.guide, &src.value)?;
        // Markers are numbered among themselves, as drawn.
        let mut markers = 0;
        let notes = img
            .callouts
            .iter()
            .filter_map(|c| {
                let marker = matches!(c.shape, crate::model::CalloutShape::Marker(..));
                if marker {
                    markers += 1;
                }
                c.label.as_ref().map(|l| {
                    if marker {
                        format!("{markers}: {}", l.value)
                    } else {
                        l.value.clone()
                    }
                })
            })
            .collect();
        return Some(ImageView {
            src: Some(url),
            alt: given_alt.unwrap_or_default(),
            width: size.map(|s| s.0),
            height: size.map(|s| s.1),
            overlay: size.and_then(|(w, h)| callouts(img, w, h)),
            notes,
            schematic: None,
        });
    }
    if s.image.is_none() && !rg.site.illustrate_all {
        return None;
    }
    let platform = ps.platform;
    let control = match &s.target {
        Some(Target::Key(k)) => rg.product.and_then(|p| p.control(&k.value)),
        _ => None,
    };
    let (label, where_text) = match &s.target {
        Some(t) => super::instruction::target_label(t, platform, rg.product),
        None => (ins.to_text().trim_end_matches('.').to_owned(), None),
    };
    let at = control.and_then(|c| {
        c.at.as_ref()
            .and_then(|a| a.get(&platform.id))
            .map(|a| a.value)
            .or_else(|| where_text.as_deref().and_then(Location::find_in))
    });
    // A whole screen (opening an app or a page) is shown as a caption, not a control.
    let is_screen = control.is_some_and(|c| c.role.value == crate::model::Role::Screen);
    let at = match (&s.target, at) {
        _ if is_screen => None,
        (Some(_), None) => Some(Location::Centre),
        (_, at) => at,
    };
    let surface = if platform.kind == PlatformKind::Desktop {
        "website"
    } else {
        "app"
    };
    let product = rg.product.map_or("", |p| p.name.value.as_str());
    let alt = given_alt.unwrap_or_else(|| match (&s.target, control) {
        (Some(_), c) => {
            let role = c.map_or(String::new(), |c| {
                format!(" {}", c.role.value.as_str().replace('-', " "))
            });
            let place = where_text
                .as_deref()
                .map_or(String::new(), |w| format!(", {w}"));
            format!(
                "{label}{role}{place}, in the {product} {surface} on {}",
                platform.name
            )
        }
        (None, _) => format!("{label}, in the {product} {surface} on {}", platform.name),
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
        address: &address,
        app: product,
        alt: &alt,
        id: &format!("fig-{anchor}"),
    });
    Some(ImageView {
        src: None,
        alt,
        width: None,
        height: None,
        overlay: None,
        notes: Vec::new(),
        schematic: Some(svg),
    })
}

/// Minimal HTML escaping for text nodes and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
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
    }
}

/// The full view of a guide page.
pub fn guide_view(
    rg: &ResolvedGuide<'_>,
    titles: &dyn Fn(&str) -> Option<String>,
    media: &MediaLookup<'_>,
) -> GuideView {
    let g = rg.guide;
    let procedures = rg
        .platforms
        .iter()
        .map(|ps| {
            let steps: Vec<StepView> = ps
                .steps
                .iter()
                .enumerate()
                .map(|(i, rs)| step_view(rg, ps, rs, (i + 1).to_string(), media))
                .collect();
            let mut h = String::new();
            for s in &steps {
                h.push_str(&s.text);
                h.push('\n');
                for sub in &s.substeps {
                    h.push_str(&sub.text);
                    h.push('\n');
                }
            }
            PlatformView {
                id: ps.platform.id.clone(),
                name: ps.platform.name.clone(),
                same_as: ps.same_as.and_then(|id| {
                    rg.platforms
                        .iter()
                        .find(|p| p.platform.id == id)
                        .map(|p| p.platform.name.clone())
                }),
                steps,
                hash: format!("{:016x}", layout::content_hash(h.as_bytes())),
            }
        })
        .collect();
    GuideView {
        card: card(rg),
        intro_html: g.intro.as_ref().map(|t| to_html(&t.value)),
        time_text: g.time.as_ref().map(|t| human_time(t.value)),
        time_iso: g.time.as_ref().map(|t| iso_time(t.value)),
        reviewed: g.reviewed.as_ref().map(|d| d.value.to_string()),
        prerequisites: inline(&g.prerequisites),
        tools: inline(&g.tools),
        supplies: inline(&g.supplies),
        warnings: inline(&g.warnings),
        procedures,
        unavailable: g
            .unavailable_on
            .iter()
            .map(|u| (u.platform.value.clone(), to_inline_html(&u.reason.value)))
            .collect(),
        outcome_html: g
            .outcome
            .as_ref()
            .and_then(|o| o.text.as_ref())
            .map(|t| to_html(&t.value)),
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
                    to_inline_html(&t.problem.value),
                    to_inline_html(&t.solution.value),
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
