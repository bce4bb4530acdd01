//! JSON-LD `HowTo` for guide pages (schema.org): one `HowToSection` per platform.

use serde_json::{Value, json};

use super::view::GuideView;

/// The `HowTo` document of a guide, as a string safe to embed in a `<script>` data block.
pub fn howto(gv: &GuideView, base_url: &str) -> String {
    let page = format!("{base_url}{}", gv.card.url);
    let sections: Vec<Value> = gv
        .procedures
        .iter()
        .map(|p| {
            let steps: Vec<Value> = p
                .steps
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    let mut step = json!({
                        "@type": "HowToStep",
                        "position": i + 1,
                        "name": s.text,
                        "text": s.text,
                        "url": format!("{page}#{}", s.anchor),
                    });
                    if let Some(src) = s.image.as_ref().and_then(|i| i.src.as_ref()) {
                        step["image"] = json!(format!("{base_url}{src}"));
                    }
                    step
                })
                .collect();
            json!({
                "@type": "HowToSection",
                "name": p.name,
                "itemListElement": steps,
            })
        })
        .collect();
    let mut doc = json!({
        "@context": "https://schema.org",
        "@type": "HowTo",
        "name": gv.card.title,
        "description": strip_tags(&gv.card.summary_html),
        "url": page,
        "step": sections,
    });
    if let Some(t) = &gv.time_iso {
        doc["totalTime"] = json!(t);
    }
    let named = |kind: &str, list: &[String]| -> Vec<Value> {
        list.iter()
            .map(|n| json!({"@type": kind, "name": strip_tags(n)}))
            .collect()
    };
    if !gv.tools.is_empty() {
        doc["tool"] = json!(named("HowToTool", &gv.tools));
    }
    if !gv.supplies.is_empty() {
        doc["supply"] = json!(named("HowToSupply", &gv.supplies));
    }
    // `<` as a JSON escape: the data block can never close its `<script>` element.
    serde_json::to_string(&doc)
        .unwrap_or_default()
        .replace('<', "\\u003c")
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
