//! JSON-LD `HowTo` for guide pages (schema.org): one `HowToSection` per platform.
//!
//! Written through typed structs: cheaper than building a JSON tree for every guide, and
//! the field order is fixed.

use serde::Serialize;

use super::view::GuideView;

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
    items: Vec<Step<'a>>,
}

#[derive(Serialize)]
struct Step<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    position: usize,
    text: &'a str,
    url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    image: Option<String>,
    /// Sub-steps, as the step's directions.
    #[serde(rename = "itemListElement", skip_serializing_if = "Vec::is_empty")]
    directions: Vec<Direction<'a>>,
}

#[derive(Serialize)]
struct Direction<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    position: usize,
    text: std::borrow::Cow<'a, str>,
}

/// The `HowTo` document of a guide, as a string safe to embed in a `<script>` data block.
pub(super) fn howto(gv: &GuideView, base_url: &str) -> String {
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
                        text: &s.text,
                        url: format!("{page}#{}", s.anchor),
                        image: s
                            .image
                            .as_ref()
                            .and_then(|img| img.src.as_ref())
                            .map(|src| format!("{base_url}{src}")),
                        directions: directions(s),
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
fn directions(s: &super::view::StepView) -> Vec<Direction<'_>> {
    let mut out: Vec<Direction<'_>> = s
        .substeps
        .iter()
        .map(|sub| Direction {
            kind: "HowToDirection",
            position: 0,
            text: std::borrow::Cow::Borrowed(sub.text.as_str()),
        })
        .collect();
    for o in &s.options {
        let label = super::markdown::to_plain(&o.label);
        let steps: Vec<&str> = o.steps.iter().map(|st| st.text.as_str()).collect();
        let text = format!(
            "Option {} \u{2014} {}{label}: {}",
            o.number,
            if o.condition { "If " } else { "" },
            steps.join(" ")
        );
        out.push(Direction {
            kind: "HowToDirection",
            position: 0,
            text: std::borrow::Cow::Owned(text),
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
