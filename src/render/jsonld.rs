//! JSON-LD `HowTo` for guide pages (schema.org): one `HowToSection` per platform.
//!
//! Written through typed structs: cheaper than building a JSON tree for every guide, and
//! the field order is fixed.

use serde::Serialize;

use super::view::{GuideView, StepView};
use crate::locale::{Arg, Locale};

#[derive(Serialize)]
struct HowTo<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
    description: String,
    url: String,
    #[serde(rename = "totalTime", skip_serializing_if = "Option::is_none")]
    total_time: Option<&'a str>,
    #[serde(rename = "dateModified", skip_serializing_if = "Option::is_none")]
    date_modified: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tool: Vec<Named>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    supply: Vec<Named>,
    step: Vec<Section<'a>>,
}

#[derive(Serialize)]
struct Named {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: String,
}

#[derive(Serialize)]
struct Section<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
    #[serde(rename = "itemListElement")]
    items: Vec<Step>,
}

#[derive(Serialize)]
struct Step {
    #[serde(rename = "@type")]
    kind: &'static str,
    position: usize,
    text: String,
    url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    image: Option<String>,
    /// Sub-steps, as the step's directions.
    #[serde(rename = "itemListElement", skip_serializing_if = "Vec::is_empty")]
    directions: Vec<Direction>,
}

#[derive(Serialize)]
struct Direction {
    #[serde(rename = "@type")]
    kind: &'static str,
    position: usize,
    text: String,
}

/// A step's text, saying where it happens when that is not the procedure's own device:
/// a consumer reading one step alone still knows which device it is for.
fn said(s: &StepView, locale: &Locale) -> String {
    match (&s.device, &s.back) {
        (Some(d), _) => {
            let on = super::view::device_words(d, locale);
            let on = locale.text_with("switch-to", &[("device", Arg::Str(&on))]);
            format!("{on}: {}", s.text)
        }
        (None, Some(b)) => format!("{b}: {}", s.text),
        _ => s.text.clone(),
    }
}

/// The `HowTo` document of a guide, as a string safe to embed in a `<script>` data block.
pub(super) fn howto(gv: &GuideView, base_url: &str, locale: &Locale) -> String {
    let page = format!("{base_url}{}", gv.card.url);
    let named = |kind: &'static str, list: &[String]| -> Vec<Named> {
        list.iter()
            .map(|n| Named {
                kind,
                name: strip_tags(n),
            })
            .collect()
    };
    let doc = HowTo {
        context: "https://schema.org",
        kind: "HowTo",
        name: &gv.card.title,
        description: strip_tags(&gv.card.summary_html),
        url: page.clone(),
        total_time: gv.time_iso.as_deref(),
        date_modified: gv.card.updated.as_ref().map(|d| d.iso.as_str()),
        tool: named("HowToTool", &gv.tools),
        supply: named("HowToSupply", &gv.supplies),
        step: gv
            .procedures
            .iter()
            .map(|p| Section {
                kind: "HowToSection",
                name: &p.name,
                items: p
                    .steps
                    .iter()
                    .enumerate()
                    .map(|(i, s)| Step {
                        kind: "HowToStep",
                        position: i + 1,
                        text: said(s, locale),
                        url: format!("{page}#{}", s.anchor),
                        image: s
                            .image
                            .as_ref()
                            .and_then(|img| img.src.as_ref())
                            .map(|src| format!("{base_url}{src}")),
                        directions: directions(s, locale),
                    })
                    .collect(),
            })
            .collect(),
    };
    // `<` as a JSON escape: the data block can never close its `<script>` element.
    serde_json::to_string(&doc)
        .unwrap_or_default()
        .replace('<', "\\u003c")
}

/// A step's sub-steps, then one direction per option ("Option 2 — If ...: a. b."), as
/// `HowToDirection`s: schema.org has no either/or, and a direction's text keeps the
/// options readable to every consumer.
fn directions(s: &super::view::StepView, locale: &Locale) -> Vec<Direction> {
    let mut out: Vec<Direction> = s
        .substeps
        .iter()
        .map(|sub| Direction {
            kind: "HowToDirection",
            position: 0,
            text: said(sub, locale),
        })
        .collect();
    for o in &s.options {
        let label = super::markdown::to_plain(&o.label);
        let steps: Vec<&str> = o.steps.iter().map(|st| st.text.as_str()).collect();
        let option = locale.text_with("option", &[("number", Arg::Num(o.number as i64))]);
        let text = format!(
            "{option} \u{2014} {}{label}: {}",
            if o.condition {
                format!("{} ", locale.text("option-if"))
            } else {
                String::new()
            },
            steps.join(" ")
        );
        out.push(Direction {
            kind: "HowToDirection",
            position: 0,
            text,
        });
    }
    for (i, d) in out.iter_mut().enumerate() {
        d.position = i + 1;
    }
    out
}

/// Text of an HTML fragment (our own Markdown output, so tags are well-formed).
fn strip_tags(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
}
